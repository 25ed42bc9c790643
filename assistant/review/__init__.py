"""The review stage: the staff pages where people read, fix, approve and reject drafts.

Nothing reaches a municipality without a recorded human approval, and this package is where
that approval happens. It is a page module of the web shell (:mod:`assistant.web`), which
provides the guard, the sessions and the layout. It reads and writes the store
(:mod:`assistant.history`) and never calls the understanding stage itself: a redraft with other
intents goes through :meth:`assistant.flow.Pipeline.redraft`. Approving a draft only marks it
``approved``; the outbound stage (:mod:`assistant.outbound`) picks it up and sends it.

    web.py            the pages as the shell registers them: routes, header entries, counts
    listing.py        the queue of pending drafts with filters and counts
    inquiry.py        one inquiry: the mail, the understanding, the draft editor, actions
    decisions.py      what the actions do to the store (approve, edit, reject, redraft, …)
    four_eyes.py      which drafts need a second reviewer, and why
    corrections.py    reviewer corrections kept as suggestions for the intent catalogue
    conversation.py   a conversation's messages in order with the audit trail
    sending.py        the outbox as staff see it: failed and uncertain replies
    admin.py          users, suggestions, knowledge reload (admins only)
    wissen*.py        the page "Wissen": answers, notices, facts edited and versioned
    modell.py         "Modell neu trainieren": the figures before and after, publishing
    retraining.py     the training data and the job of the background process
"""
