"""Address headers (From, Reply-To, To, Cc) read with the standard library's modern parser.

The headers are split into addresses by ``email.policy.default`` *before* any encoded word is
decoded, so an encoded display name stays a name whatever it decodes to:
``=?utf-8?q?Info:kaemmerei@town.de;?= <a@attacker.example>`` is the address
``a@attacker.example`` with an odd name, never ``kaemmerei@town.de``. (The older ``compat32``
way — decode the header, then split it — let such a name become the address.)

Each address must also look like one a reply can go to: a dot-atom local part in ASCII and a
dotted domain, nothing else. A name or address with a line break in it (an encoded
``=0D=0ABcc: …``) raises in the standard library; such a header is read again without its names
and the break is recorded as a problem. Whatever is dropped is recorded on ``Mail.problems`` —
the parser never raises.
"""

from __future__ import annotations

import functools
import re
from email import policy
from email.headerregistry import AddressHeader

from assistant.values import Address

# RFC 5322 dot-atom of ASCII atext; a domain of letter/digit/hyphen labels with at least one dot
# (internationalised domain labels in Unicode are allowed, internationalised local parts not:
# replies go out without SMTPUTF8).
_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_LABEL = r"[^\W_](?:[\w-]{0,61}[^\W_])?"
_DOMAIN = re.compile(rf"(?:{_LABEL}\.)+{_LABEL}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_LINE_BREAK = re.compile(r"[\r\n]")
MAX_ADDRESS = 254
LINE_BREAK = "line break inside a name or address"


def usable(local: str, domain: str) -> bool:
    """True when ``local@domain`` is an address a reply may go to."""
    return (bool(_LOCAL.fullmatch(local)) and bool(_DOMAIN.fullmatch(domain))
            and "_" not in domain and len(local) + len(domain) < MAX_ADDRESS)


def _name(display: str, address: str) -> str:
    """The display name on one line, without control characters; empty when it is the address
    itself."""
    name = " ".join(_CONTROL.sub(" ", display or "").split()).strip('"').strip()
    return "" if name.lower() == address.lower() else name


@functools.lru_cache(maxsize=4096)
def _read_cached(value: str, header: str) -> tuple[tuple[Address, ...], tuple[str, ...]]:
    """:func:`read` without its side effect; the same header values come again and again (the
    programme's address in To, a town's address in From), and parsing is the slow part."""
    problems: list[str] = []
    found = []
    for display, local, domain in _mailboxes(value, header, problems):
        if not usable(local, domain):
            if local or domain:
                problems.append(f"header {header}: not a usable address "
                                f"{(local + '@' + domain)[:80]!r}")
            continue
        address = f"{local}@{domain}"
        found.append(Address(address, _name(display, address)))
    if not found:
        problems.append(f"header {header}: no address found in {value[:80]!r}")
    return tuple(found), tuple(problems)


def _mailboxes(value: str, header: str, problems: list[str]) -> list[tuple[str, str, str]]:
    """(display name, local part, domain) of every mailbox in the header."""
    value = _LINE_BREAK.sub("", value)  # unfolding, as policy.default.header_fetch_parse does
    try:
        parsed = policy.default.header_factory(header, value)
        found = [(a.display_name, a.username, a.domain) for a in parsed.addresses]
        defects = list(parsed.defects)
    except ValueError:
        # headerregistry.Address refuses CR and LF in any part: read the mailboxes again,
        # without their names (a name with a line break in it is not a name).
        problems.append(f"header {header}: {LINE_BREAK}")
        try:
            address_list = AddressHeader.value_parser(value)
            found = [("", mailbox.local_part or "", mailbox.domain or "")
                     for mailbox in address_list.all_mailboxes]
        except Exception:  # noqa: BLE001 - the parser's own errors on hostile input
            return []
        defects = []
    except Exception as exc:  # noqa: BLE001 - e.g. AttributeError on 'a:b; <c@d>' (CPython)
        problems.append(f"header {header}: unreadable addresses ({exc.__class__.__name__})")
        return []
    if any(not str(defect).startswith("local-part contains non-ASCII") for defect in defects):
        problems.append(f"header {header}: malformed address list {value[:80]!r}")
    return found


def read(value: str, header: str, problems: list[str]) -> tuple[Address, ...]:
    """The usable addresses of one address header, in order; problems are recorded."""
    if not value.strip():
        return ()
    found, found_problems = _read_cached(value, header)
    problems.extend(found_problems)
    return found
