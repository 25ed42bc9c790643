"""The review stage: the staff web app where people read, fix, approve and reject drafts.

Nothing reaches a municipality without a recorded human approval, and this package is where
that approval happens. It reads and writes the store (:mod:`assistant.history`) and never calls
the understanding stage itself: a redraft with other intents goes through
:class:`assistant.flow.Pipeline`. Approving a draft only marks it ``approved``; the outbound
stage (:mod:`assistant.outbound`) picks it up and sends it.

    web.py            the application: routes as one table, middleware, lifespan
    routing.py        every route's guard: session, role, CSRF, then the handler
    auth.py           passwords (argon2), login throttling, sessions, the proxy header
    listing.py        the queue of pending drafts with filters and counts
    inquiry.py        one inquiry: the mail, the understanding, the draft editor, actions
    decisions.py      what the actions do to the store (approve, edit, reject, redraft, …)
    four_eyes.py      which drafts need a second reviewer, and why
    placeholders.py   drafts that must not be approved (gaps, template syntax, no name)
    corrections.py    reviewer corrections kept as suggestions for the intent catalogue
    conversation.py   a conversation's messages in order with the audit trail
    sending.py        the outbox as staff see it: failed and uncertain replies
    admin.py          users, suggestions, knowledge reload (admins only)
    operations.py     /healthz and Prometheus /metrics
    compute.py        chat answers and redrafts in worker processes, with a time budget
    supervise.py      the sender inside ``assistant serve``, restarted when it fails
"""
