"""The history stage: the store of conversations, messages, understandings, drafts and audit.

``models`` declares the tables, ``migrations/`` evolves them (run by ``schema``), ``store`` holds
the worker's operations on them (store raw mail, claim it, record what the flow made of it),
``threads`` decides which conversation a mail belongs to, and ``queries`` reads them back for the
commands. ``search`` and ``export`` find and hand out whole conversations (as ``.eml`` files or an
mbox), ``privacy`` applies the retention rule and the data subject's rights (Art. 15 and 17), and
``portable`` holds the small SQL helpers that work alike on SQLite and PostgreSQL. Later stages
(review, outbound, reports) read and write the same tables.
"""

# Every id is an INTEGER column: 32 bits on PostgreSQL. A larger number names no row, and the
# database drivers refuse it with an error (SQLite's beyond 64 bits) instead of finding nothing.
MAX_ID = 2**31 - 1
