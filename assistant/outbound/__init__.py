"""The outbound stage: approved drafts become replies in the municipality's thread.

    compose.py    the reply's headers and parts (threading, Message-ID with the token)
    smtp.py       the one seam to the mail server (aiosmtplib), and what a failure means
    sender.py     the outbox task: prepare, claim, deliver, record — each reply at most once
    sent_copy.py  an optional copy in the IMAP Sent folder

The stage reads the store and writes the outbox, the outgoing message and the audit log; it
never decides what is sent — that was a person's approval in :mod:`assistant.review`.
"""
