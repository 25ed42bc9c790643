"""The knowledge tests use the review tests' fixtures: a database with staff accounts, the app
factory and its test client, and the browser test's Chromium."""

from tests.review.conftest import app_factory, browser, pipeline, review_url  # noqa: F401
from tests.review.test_browser import chromium, page  # noqa: F401
