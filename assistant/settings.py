"""All settings of the assistant, in one place.

Settings come from environment variables with the prefix ``ASSISTANT_`` and, optionally, from a
TOML file named by ``ASSISTANT_CONFIG`` (keys without the prefix, lower case). The environment
wins over the file. This is the only module that reads the environment; everything else gets a
:class:`Settings` value passed in. Tests pass ``environ=`` instead of monkeypatching.

Each setting is a dataclass field whose metadata carries its help text; ``secret`` settings are
masked when printed (``assistant config``), and the README documents every one of them (a test
fails when one is missing).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from assistant.errors import SettingsError

PREFIX = "ASSISTANT_"
ROOT = Path(__file__).resolve().parent.parent
# Secret keys that sign sessions and CSRF tokens and key the audit log's address hashes: at
# least this long, not a placeholder (the value in .env.example; a test keeps them in step).
MIN_SECRET_KEY = 32
MIN_SECRET_KEY_SYMBOLS = 8
PLACEHOLDER_SECRET_KEYS = frozenset({"change-me-to-64-hex-characters"})
_PLACEHOLDER_WORDS = ("change-me", "changeme", "change_me")
# Where processes read the knowledge from (ASSISTANT_KNOWLEDGE_SOURCE).
KNOWLEDGE_SOURCES = ("store", "folders")
KEY_COMMAND = "python3 -c 'import secrets; print(secrets.token_hex(32))'"


def _setting(default: Any, help: str, *, secret: bool = False, url: bool = False) -> Any:
    """One setting; a ``secret`` one is hidden when shown, a ``url`` one only its password."""
    return field(default=default, metadata={"help": help, "secret": secret or url, "url": url})


def _default_dir(name: str) -> str:
    """The content folder next to the working directory, else the one of this checkout."""
    here = Path.cwd() / name
    return str(here if here.is_dir() else ROOT / name)


@dataclass(frozen=True)
class Settings:
    knowledge_dir: str = _setting(
        _default_dir("knowledge"), "Folder with answers, rules, templates and the register.")
    intents_dir: str = _setting(
        _default_dir("intents"), "Folder with the intent catalogue (one YAML file per intent).")
    knowledge_source: str = _setting(
        "store",
        "Where the worker, the web app and the sender read the knowledge: `store` (the "
        "database; an empty store is seeded from the two folders; staff edit it in the web "
        "app) or `folders` (the two folders, read once at start).")
    knowledge_poll_seconds: float = _setting(
        2.0, "How often (at most) a process reading the knowledge from the store checks whether "
             "a new version was published; it loads the new version at its next piece of work.")
    inbox: str = _setting(
        f"maildir:{_default_dir('mailbox')}",
        "Where mail comes from: maildir:PATH, imap[s]://USER:PASSWORD@HOST:PORT/FOLDER "
        "(add ?starttls=1), smtp://HOST:PORT or lmtp://HOST:PORT.",
        url=True)
    processed_folder: str = _setting(
        "Processed", "IMAP folder that stored mail is moved to.")
    poll_seconds: float = _setting(
        60.0, "Polling interval when the IMAP server offers no IDLE, and the full-poll period.")
    idle_seconds: float = _setting(
        540.0, "How long one IMAP IDLE lasts before it is re-issued (at most 10 minutes).")
    database_url: str = _setting(
        "sqlite:///var/assistant.db",
        "Database: sqlite:///PATH or postgresql://USER:PASSWORD@HOST:PORT/DB "
        "(driver-qualified URLs work too).",
        url=True)
    programme_addresses: str = _setting(
        "landesprogrammWIR@hsm.hessen.de",
        "Comma-separated addresses of the programme; mail from them is a loop and is only logged,"
        " the SMTP/LMTP intake accepts mail only for them, and replies are sent from the first.")
    message_id_domain: str = _setting(
        "hsm.hessen.de", "Domain of the Message-IDs of the replies we send.")
    drafts_per_sender_per_day: int = _setting(
        5, "At most this many drafts per sender address and day (a last defence against loops).")
    thread_window_days: int = _setting(
        30, "Replies without references join a conversation of the same sender and subject "
            "when it is at most this many days old.")
    max_message_bytes: int = _setting(
        25_000_000, "Largest mail the SMTP/LMTP intake accepts, in bytes; a larger mail from IMAP "
                    "or a Maildir is stored whole, but only its headers are read (flagged for "
                    "staff, \"zu groß\").")
    maildir_poll_seconds: float = _setting(
        2.0, "How often the worker looks for new mail in a maildir: inbox.")
    pending_poll_seconds: float = _setting(
        2.0, "How often the worker looks in the database for stored mail that still needs "
             "processing (stored by another worker or the SMTP/LMTP intake).")
    lease_seconds: float = _setting(
        60.0, "How long a worker's claim on a mailbox folder or on a stored mail lasts without "
              "renewal; after that another worker may take over.")
    reconnect_max_seconds: float = _setting(
        60.0, "Longest wait between reconnection attempts to the mailbox or the database "
              "(the wait starts at 1 s and doubles).")
    mailbox_timeout_seconds: float = _setting(
        60.0, "Timeout for connecting to the IMAP server and for each IMAP command.")
    process_attempts: int = _setting(
        5, "Attempts to process a stored mail before it is flagged for staff with the error.")
    process_seconds: float = _setting(
        10.0, "Longest time the worker spends on one mail (reading, understanding, drafting); a "
              "mail that needs longer is stored as unparseable (\"zu aufwendig\") and flagged "
              "for staff. Must be less than ASSISTANT_LEASE_SECONDS.")
    log_format: str = _setting(
        "logfmt", "Format of the worker's log lines: logfmt (key=value) or json.")
    smtp_url: str = _setting(
        "smtp://localhost:25",
        "Outgoing mail: smtp://[USER:PASSWORD@]HOST:PORT, smtps://… or smtp://…?starttls=1.",
        url=True)
    sent_folder: str = _setting(
        "", "IMAP folder that a copy of each sent reply goes to (empty: none), or a whole "
            "imap[s]://USER:PASSWORD@HOST:PORT/FOLDER URL.", url=True)
    send_attempts: int = _setting(8, "Attempts before a reply is marked as failed permanently.")
    secret_key: str = _setting(
        "", "Key that signs session cookies and CSRF tokens and keys the address hashes of the "
            "audit log: at least 32 characters, random (`python3 -c 'import secrets; "
            "print(secrets.token_hex(32))'`); required by `assistant serve`, `users` and "
            "`privacy export|erase`, which refuse a short, repetitive or placeholder key.",
        secret=True)
    trusted_user_header: str = _setting(
        "", "Header that a trusted reverse proxy sets to the signed-in user (empty: off).")
    cookie_secure: bool = _setting(True, "Send the session cookie over HTTPS only.")
    four_eyes: bool = _setting(
        True, "Drafts that need staff, concern money or eligibility, or were heavily edited need "
              "a second reviewer.")
    wait_badge_hours: int = _setting(48, "Queue entries older than this get a waiting badge.")
    heavy_edit_share: float = _setting(
        0.3, "Share of a draft's text (0 to 1) that an edit must change to count as heavy and "
             "need a second reviewer under the four-eyes rule.")
    web_host: str = _setting("127.0.0.1", "Address `assistant serve` listens on.")
    web_port: int = _setting(8000, "Port `assistant serve` listens on.")
    trusted_proxies: str = _setting(
        "", "Comma-separated addresses (or networks) of the reverse proxy: only they may set the "
            "trusted user header and X-Forwarded-For (empty: nobody; the user header then "
            "stops `assistant serve` with an error).")
    session_hours: float = _setting(
        8.0, "A web session ends after this many hours without a request.")
    login_attempts: int = _setting(
        5, "Failed logins for one user name before its logins pause; a client may fail four "
           "times as often before its attempts are slowed down (never locked out).")
    login_lock_minutes: int = _setting(
        15, "The window in which failed logins count (per name and per client): a paused name "
            "resumes when its oldest failure is this old.")
    queue_page_size: int = _setting(50, "Queue entries per page.")
    web_cpu_workers: int = _setting(
        2, "Processes beside `assistant serve` that compute chat answers and redrafts, so that "
           "they never hold up other requests (at least 1).")
    web_cpu_queue: int = _setting(
        32, "Chat answers and redrafts that may wait for a free worker process; beyond, the chat "
            "answers 503 with Retry-After and a redraft is refused.")
    chat_answer_seconds: float = _setting(
        2.0, "Longest time one chat answer may compute; then it is stopped and the question is "
             "offered to staff instead.")
    redraft_seconds: float = _setting(
        20.0, "Longest time one redraft with other intents may compute; then it is stopped and "
              "the reviewer is told.")
    retrain_seconds: float = _setting(
        1800.0, "Longest time \"Modell neu trainieren\" may run in its background process; "
                "then it is stopped and the current model stays in use.")
    retrain_folds: int = _setting(
        5, "\"Modell neu trainieren\" splits the store's confirmed mails by conversation into "
           "this many folds, each held out in turn to measure the current and the new model.")
    retrain_sets: str = _setting(
        "", "Labelled folders (comma-separated) that \"Modell neu trainieren\" uses besides the "
            "store's confirmed mails, each held out in turn; empty: the project's development "
            "sets and the shared sets beside a checkout, where present (an image has none); "
            "`none`: only the store's mails.")
    retrain_examples: int = _setting(
        0, "At most this many catalogue examples per intent go into \"Modell neu trainieren\" "
           "(0: all). Only for tests and trials: fewer examples train faster and worse.")
    sender_name: str = _setting(
        "Landesprogramm WIR", "Display name in the From header of the replies we send.")
    send_retry_seconds: float = _setting(
        30.0, "First wait before a failed send is retried; doubles with each attempt, at most "
              "one hour.")
    send_poll_seconds: float = _setting(
        5.0, "How often the sender looks for approved replies (an approval in the same process "
             "wakes it at once).")
    send_lease_seconds: float = _setting(
        300.0, "How long a sender may hold a reply it is sending; a reply still marked as being "
               "sent after this is shown to staff as uncertain, never sent again by itself.")
    smtp_timeout_seconds: float = _setting(
        60.0, "Timeout of each SMTP command (must stay well below the send lease).")
    retention_months: int = _setting(
        24, "Personal data of conversations closed longer than this is purged.")
    erase_keeps_audit: bool = _setting(
        True, "An erasure request keeps the audit log entries (without personal data).")
    chat_rate_per_minute: int = _setting(20, "Chat questions per client and minute.")
    chat_max_chars: int = _setting(2000, "Longest chat question accepted, in characters.")
    chat_handovers_per_client_per_hour: int = _setting(
        5, "Chat questions a client may hand over to staff per hour (0: no limit).")
    chat_handovers_per_address_per_day: int = _setting(
        3, "Chat questions handed over to staff for one e-mail address in 24 hours (0: no "
           "limit).")
    chat_min_confidence: float = _setting(
        0.65, "The chat answers an intent only at this confidence or more; below, it offers to "
              "pass the question to staff.")
    export_dir: str = _setting(
        "", "Folder for the archives of `assistant privacy export` without --output (empty: "
            "exports/ next to the SQLite database; with PostgreSQL, --output or this is needed).")
    privacy_purge_hours: float = _setting(
        24.0, "How often the worker runs the privacy purge, in hours (0: never; then run "
              "`assistant privacy purge` from cron).")
    report_low_confidence: float = _setting(
        0.65, "An inquiry whose best intent has a lower confidence than this counts as "
              "low-confidence in the report's knowledge gaps.")
    report_gap_sample: int = _setting(
        500, "The report's knowledge gaps group the sentences of at most this many of the most "
              "recent low-confidence, abstained and out-of-scope inquiries of the period.")
    report_gap_similarity: int = _setting(
        60, "How similar two sentences must be (0 to 100, rapidfuzz token-set ratio of their "
            "stems) to fall into one knowledge-gap group.")
    log_level: str = _setting("INFO", "Log level: DEBUG, INFO, WARNING or ERROR.")

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read the settings from ``environ`` (default: the process environment)."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        config = env.get(PREFIX + "CONFIG")
        if config:
            try:
                with open(config, "rb") as fh:
                    values.update({k.lower(): v for k, v in tomllib.load(fh).items()})
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise SettingsError(f"{PREFIX}CONFIG={config}: {exc}") from exc
        known = {f.name: f for f in fields(cls)}
        unknown = set(values) - set(known)
        if unknown:
            raise SettingsError(f"unknown settings in {config}: {', '.join(sorted(unknown))}")
        for name in known:
            if PREFIX + name.upper() in env:
                values[name] = env[PREFIX + name.upper()]
        settings = cls(**{name: _convert(known[name], raw) for name, raw in values.items()})
        if settings.knowledge_source not in KNOWLEDGE_SOURCES:
            raise SettingsError(f"{PREFIX}KNOWLEDGE_SOURCE={settings.knowledge_source!r} must be "
                                f"one of {', '.join(KNOWLEDGE_SOURCES)}")
        return settings

    def describe(self) -> list[tuple[str, str, str]]:
        """(variable, value as shown, help) for every setting, secrets masked."""
        rows = []
        for f in fields(self):
            value = getattr(self, f.name)
            shown = (mask(str(value), whole=not f.metadata["url"]) if f.metadata["secret"]
                     else str(value))
            rows.append((PREFIX + f.name.upper(), shown, f.metadata["help"]))
        return rows

    def signing_key(self) -> str:
        """The secret key, or :class:`SettingsError` when it is unfit to sign or key hashes."""
        problem = secret_key_problem(self.secret_key)
        if problem:
            raise SettingsError(f"{PREFIX}SECRET_KEY {problem}; make one with `{KEY_COMMAND}`")
        return self.secret_key

    @property
    def own_addresses(self) -> tuple[str, ...]:
        return tuple(a.strip().lower() for a in self.programme_addresses.split(",") if a.strip())


def _convert(f: Any, raw: Any) -> Any:
    kind = type(f.default) if f.default is not MISSING else str
    name = PREFIX + f.name.upper()
    try:
        if kind is bool:
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off"}:
                return False
            raise ValueError("expected true/false")
        return kind(raw)
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"{name}={raw!r} is not a valid {kind.__name__}: {exc}") from exc


def secret_key_problem(key: str) -> str | None:
    """Why ``key`` cannot sign or key hashes (None when it can)."""
    if not key:
        return "is not set"
    lowered = key.strip().lower()
    if lowered in PLACEHOLDER_SECRET_KEYS or any(w in lowered for w in _PLACEHOLDER_WORDS):
        return "is the placeholder from .env.example"
    if len(key) < MIN_SECRET_KEY:
        return f"is shorter than {MIN_SECRET_KEY} characters"
    if len(set(key)) < MIN_SECRET_KEY_SYMBOLS:
        return (f"repeats too few different characters (at least {MIN_SECRET_KEY_SYMBOLS}; one "
                "character repeated is no key)")
    return None


def mask(value: str, *, whole: bool = False) -> str:
    """The value with its secret hidden: a URL's password (``whole``: any non-empty value).

    The password is found even when it holds an unencoded ``/``, ``#``, ``?`` or ``@`` (which
    make ``urlsplit`` see a different host) and when the URL does not parse at all: everything
    between ``scheme://`` and the last ``@`` that belongs to the authority is user information.
    Where that is ambiguous, more is hidden rather than less. A value that is no URL is shown
    when it cannot hold a password (``maildir:PATH``, a folder name), else hidden."""
    if not value:
        return value
    if whole:
        return "***"
    if "://" not in value:
        return value if value.startswith("maildir:") or "@" not in value else "***"
    scheme, _, rest = value.partition("://")
    try:
        netloc = urlsplit(value).netloc
    except ValueError:
        netloc = ""
    after = rest[len(netloc):] if rest.startswith(netloc) else rest
    if "@" in netloc and "@" not in after:
        userinfo, _, host = netloc.rpartition("@")
        tail = host + after
    elif "@" in rest:
        userinfo, _, tail = rest.rpartition("@")
    else:
        return value
    user, colon, _password = userinfo.partition(":")
    return f"{scheme}://{user}:***@{tail}" if colon else value


def unencoded_userinfo(url: str, netloc: str) -> bool:
    """True when an ``@`` follows the URL's authority: a password (or user) with an unencoded
    ``/``, ``#`` or ``?`` cut the authority short, and what the parser took for the host and
    port is part of the password."""
    rest = url.partition("://")[2]
    return "@" in rest[len(netloc):]


def setting_names() -> list[str]:
    return [PREFIX + f.name.upper() for f in fields(Settings)]


def defaults_table() -> str:
    """A Markdown table of every setting with its default and help (for the README)."""
    rows = ["| variable | default | meaning |", "|---|---|---|"]
    for f in fields(Settings):
        if f.name in ("knowledge_dir", "intents_dir"):
            default = f"`{f.name.split('_')[0]}/` of the checkout"
        elif f.name == "inbox":
            default = "`maildir:mailbox/` of the checkout"
        else:
            default = f"`{f.default}`" if str(f.default) != "" else "(empty)"
        secret = " Secret: masked when shown." if f.metadata["secret"] else ""
        rows.append(f"| `{PREFIX}{f.name.upper()}` | {default} | {f.metadata['help']}{secret} |")
    return "\n".join(rows)
