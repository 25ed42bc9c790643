"""Every exception the assistant raises on purpose, in one tree.

    AssistantError
    ├── ConfigurationError (ValueError)   the operator's setup is wrong: exit 2, fix and restart
    │   ├── SettingsError                 a setting is missing or malformed (names the variable)
    │   ├── KnowledgeError                intents/ or knowledge/ is incomplete (names the file)
    │   │   └── ModelError                intents/model.json is missing, malformed or outdated
    │   └── SchemaError                   the database's schema does not match this code
    ├── Unavailable                       our system failed: a service we need is away right now
    │   ├── StoreUnavailable              the database
    │   ├── MailboxUnavailable            the inquiry mailbox (IMAP, Maildir, SMTP intake)
    │   ├── SmtpUnavailable               the mail server for replies (also a NotDelivered)
    │   └── FlowUnavailable               the flow's child process does not start
    ├── DeliveryError                     what became of one reply at the mail server
    │   ├── NotDelivered                  the server does not have it (``permanent`` or not)
    │   │   └── SmtpUnavailable
    │   └── DeliveryUnknown               it may have been accepted: never sent again by itself
    ├── Refusal (ValueError)              a person's input is refused; ``message`` says why
    │   ├── Refused                       a reviewer's action on a draft (German, ``field``)
    │   ├── AccountError                  a change to a staff account (German, ``field``)
    │   ├── CorrectionError               a suggestion for the catalogue (German)
    │   ├── CannotCompose                 the approved draft cannot become a reply
    │   ├── BadDay                        not a day (YYYY-MM-DD) or out of range
    │   ├── BadAddress                    the chat visitor's e-mail address
    │   └── Invalid                       a field of a chat API request (``field``)
    ├── Limited                           a limit protects the service: try again later
    │   ├── Busy                          too many computations run or wait in the web app
    │   ├── OverBudget                    a computation overran its time budget and was stopped
    │   └── HandoverLimited               too many chat hand-overs per client or address
    └── HandedBack                        a piece of work is given back, not failed
        ├── Interrupted                   the worker stopped the flow's child (SIGTERM)
        └── LeaseLost                     another worker now fetches from this folder

The two families of errors (ARCHITECTURE.md): the *sender's mail is bad* never raises — the
parser records ``Mail.problems`` and keeps the raw bytes; what raises is *our system failed*
(:class:`Unavailable`: logged with addresses redacted, waited for with backoff; nothing is
marked done that is not stored) or a *person's input* (:class:`Refusal`: shown next to the
field, nothing changed). :class:`ConfigurationError` stops a command with exit code 2 before
it changes anything.

Two exception classes live elsewhere on purpose: :class:`assistant.flow.Stop`, the engine's
named end of a mail's flow (it carries the value the flow had; not an error), and
``assistant.history.recording.NotOurs``, the store's signal inside one transaction that a mail
was taken over by another worker (it never leaves
:meth:`~assistant.history.store.Store.record`). A test checks that no other module defines an
exception class.
"""

from __future__ import annotations

from collections.abc import Sequence


class AssistantError(Exception):
    """The root of every error the assistant raises on purpose."""


# -- the operator's setup ----------------------------------------------------------------------

class ConfigurationError(AssistantError, ValueError):
    """The setup is wrong (settings, curated content, database schema); the message says what
    to fix. Commands stop with exit code 2."""


class SettingsError(ConfigurationError):
    """A setting is missing or malformed; the message names the variable."""


class KnowledgeError(ConfigurationError):
    """The curated content is incomplete or malformed; the message names the file."""


class ModelError(KnowledgeError):
    """The intent model file is missing, malformed or does not fit the catalogue."""


class TrainingRefused(KnowledgeError):
    """"Modell neu trainieren" has nothing to train or measure on (German, for the page)."""


class SchemaError(ConfigurationError):
    """The database's schema does not match this code; the message says what to do."""


# -- our system failed -------------------------------------------------------------------------

class Unavailable(AssistantError):
    """A service the assistant depends on is away right now — the database, the mailbox, the
    mail server, the flow's child process. Not the mail's fault and not final: the caller logs
    it (addresses redacted), waits with backoff and tries again; nothing is marked done that is
    not stored."""


class StoreUnavailable(Unavailable):
    """The database cannot be reached right now; try again later."""


class MailboxUnavailable(Unavailable):
    """The mailbox cannot be reached or refused us; retried with backoff."""


class FlowUnavailable(Unavailable):
    """The flow's child process cannot be started (our system failed, not the mail)."""


# -- delivering replies ------------------------------------------------------------------------

class DeliveryError(AssistantError):
    """What became of one reply at the mail server."""


class NotDelivered(DeliveryError):
    """The server does not have the message; ``permanent`` when retrying cannot help."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class SmtpUnavailable(NotDelivered, Unavailable):
    """The mail server cannot be reached (connection refused, timeout, TLS failure) before it
    got the message: certainly not delivered, and worth trying again later."""


class DeliveryUnknown(DeliveryError):
    """The message may or may not have been accepted: never retry it automatically."""


# -- a person's input is refused ---------------------------------------------------------------

class Refusal(AssistantError, ValueError):
    """Input a person gave is refused; ``message`` says why (German where staff read it) and
    ``field`` names the input it belongs to, if one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class Refused(Refusal):
    """A reviewer's action on a draft was not done; ``details`` lists further reasons."""

    def __init__(self, message: str, field: str | None = None,
                 details: Sequence[str] = ()) -> None:
        super().__init__(message, field)
        self.details = tuple(details)


class AccountError(Refusal):
    """A change to an account was refused; ``field`` names the input, the message is German."""


class CorrectionError(Refusal):
    """A suggestion cannot be accepted; the message (German) says why."""


class CannotCompose(Refusal):
    """The reply cannot be made (no recipient, unsafe text); the message says why."""


class BadDay(Refusal):
    """Not a day (YYYY-MM-DD), or one outside the days a period may name; ``out_of_range``
    says which."""

    def __init__(self, text: str, reason: str, *, out_of_range: bool) -> None:
        super().__init__(f"{text!r} {reason}")
        self.out_of_range = out_of_range


class BadAddress(Refusal):
    """The e-mail address the visitor gave cannot be used."""


class Invalid(Refusal):
    """A request field is missing or invalid; ``field`` names it."""


# -- limits ------------------------------------------------------------------------------------

class Limited(AssistantError):
    """A limit that protects the service refused this request for now; try again later."""


class Busy(Limited):
    """Too many jobs run or wait already; try again later."""


class OverBudget(Limited):
    """The job did not finish within its time budget (its worker was stopped) or its worker
    died; nothing came of it."""


class HandoverLimited(Limited):
    """Too many hand-overs; ``reason`` is "client" or "address", ``retry_after`` in seconds."""

    def __init__(self, reason: str, retry_after: float) -> None:
        super().__init__(f"too many hand-overs per {reason}")
        self.reason = reason
        self.retry_after = max(retry_after, 1.0)


# -- work handed back --------------------------------------------------------------------------

class HandedBack(AssistantError):
    """A piece of work is given back unfinished, to be done again (not a failure)."""


class Interrupted(HandedBack):
    """The worker stopped the child while it processed a mail (SIGTERM): no outcome."""


class LeaseLost(HandedBack):
    """Another worker has taken over fetching from this folder."""
