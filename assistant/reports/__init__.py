"""The reports stage: what municipalities ask about and how well the programme answers.

Everything is read from the store, counted by the database (``GROUP BY``, never a Python loop
over conversations) and needs no personal data, so reports keep working after the privacy purge.

    index.py      the read model the queries count on, brought up to date before each report
    queries.py    the one query layer: a :class:`~assistant.reports.figures.Report` for a period
    figures.py    the report as values, and its JSON
    rows.py       one row per conversation (the CSV)
    gaps.py       "what the knowledge does not cover yet": similar sentences of uncertain
                  inquiries grouped with rapidfuzz
    charts.py     server-side SVG charts with text alternatives (no JavaScript)
    formats.py    the report as text, JSON, CSV and a standalone HTML page
    web.py        the dashboard and the history search in the staff web app
"""
