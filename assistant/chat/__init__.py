"""The chat channel: municipal staff type a question on a public page and get the knowledge's
answers at once; what needs staff becomes an inquiry in the review queue, like a mail.

    answer.py      a question → the answers of the same understanding and knowledge as a mail
                   (pure: no I/O), or the reasons it needs staff
    handover.py    a question the visitor wants answered by staff → a mail stored as inbound
                   mail with source "chat"; the worker processes it like any other
    ratelimit.py   questions per client and minute
    openapi.py     the description of the JSON API
    web.py         the public page (a plain form, nicer with JavaScript) and the JSON API

Nothing about a visitor is kept unless they hand a question over: answered questions are not
stored or logged, and the rate limit holds a hash of the client's address for a minute.
"""
