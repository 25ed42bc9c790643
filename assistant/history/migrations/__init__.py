"""Alembic migrations of the store; run them with ``assistant db upgrade``."""
