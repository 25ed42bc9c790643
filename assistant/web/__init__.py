"""The web shell: one Starlette app that serves the staff pages, the public chat, ``/healthz``
and ``/metrics``, and runs the sender beside them.

    app.py          the app factory: the pages it is given, the shared services, login and
                    logout, the lifespan (worker processes, the supervised sender)
    pages.py        what a page module registers: routes, header entries, public paths,
                    templates, counts
    routing.py      every route's guard: session, role, CSRF, then the handler; rendering
    auth.py         passwords (argon2), login throttling, sessions, the proxy header
    throttle.py     failed logins per account name and per client
    accounts.py     staff accounts (the admin page and ``assistant users``)
    headers.py      the security headers of every response
    layout.py       the shared layout: one autoescaping Jinja2 environment, the header
    dates.py        times and days as staff read and type them
    compute.py      chat answers and redrafts in worker processes, with a time budget
    supervise.py    the sender inside ``assistant serve``, restarted when it fails
    operations.py   ``/healthz`` and Prometheus ``/metrics``

The page modules — :mod:`assistant.review.web`, :mod:`assistant.reports.web`,
:mod:`assistant.chat.web` — build on these; the shell imports none of them (the composition
root, :mod:`assistant.commands.serve`, hands them in).
"""
