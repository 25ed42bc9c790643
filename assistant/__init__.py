"""Inquiry assistant for the Hessian WIR programme's KIV funding line.

The package's folders follow a mail's way: ``inbound`` → ``parse`` → ``understand`` → ``rules``
→ ``draft`` → ``history`` (the store) → ``review`` → ``outbound`` → ``reports`` → ``chat``.
:mod:`assistant.flow` lists the stages of one mail; start reading there.
"""
