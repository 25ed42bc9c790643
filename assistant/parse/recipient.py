"""Where a reply to a mail goes — decided once, for the reviewer's page and the sender alike.

The reply goes to the first usable Reply-To address that is not one of the programme's own,
else to the From address. Addresses are read by :mod:`assistant.parse.addresses`
(``email.policy.default``), so an address inside an encoded display name, a line break smuggled
into a name, or a second address hidden in a name never becomes a recipient. Only the headers
are read, never the body: the review page asks this on every view.

What the reviewer should know comes with the answer (:attr:`ReplyTarget.warnings`), as codes
that the review app words in German:

* ``other_address`` — the reply does not go to the From address (a Reply-To on the same domain);
* ``other_domain`` — the reply goes to another domain than the From address's: approving needs
  an explicit confirmation;
* ``name_has_address`` — a display name contains an address that is not the real one (the
  address a person sees is not where the reply goes): approving needs an explicit
  confirmation;
* ``unused`` — Reply-To names more addresses; only the first gets the reply;
* ``reply_to_unusable`` — the mail has a Reply-To without a usable address; the reply goes to
  the From address;
* ``line_break`` — a name in From or Reply-To carried a line break (an attempt to add
  recipients or headers); the name was dropped, the address in angle brackets kept;
* ``handover`` — the address was typed into the public chat and nobody has confirmed it:
  approving needs an explicit confirmation;
* ``no_address`` — there is no address a reply may safely go to.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from email.parser import BytesHeaderParser
from email.policy import compat32

from assistant.parse import addresses
from assistant.parse.mime import raw_8bit
from assistant.values import Address

_NAME_ADDRESS = re.compile(r"[^\s<>@\"',;:()]+@[^\s<>@\"',;:()]+\.[^\s<>@\"',;:()]+")
# Warnings that make an approval need an explicit confirmation of the address.
CONFIRM = frozenset({"other_domain", "name_has_address", "handover"})


@dataclass(frozen=True, slots=True)
class ReplyTarget:
    """The address a reply goes to (None: none is safe), and why a person should look twice."""

    address: str | None
    name: str = ""
    via: str = "none"  # "reply-to", "from", "stored" (the stored sender; the raw mail is gone)
    sender: str | None = None  # the From address
    unused: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def needs_confirmation(self) -> bool:
        """Approving a reply to this address needs the reviewer to confirm it explicitly."""
        return any(w in CONFIRM for w in self.warnings)

    @property
    def domain(self) -> str:
        return domain_of(self.address)


def domain_of(address: str | None) -> str:
    return (address or "").rpartition("@")[2].lower()


def _read(raw: bytes) -> tuple[tuple[Address, ...], tuple[Address, ...], bool, list[str]]:
    """The usable From and Reply-To addresses of a stored mail (headers only), whether it has a
    Reply-To header at all, and the problems found."""
    # Only the header block is read (a mail may carry megabytes of attachments).
    ends = [i for i in (raw.find(b"\n\n"), raw.find(b"\r\n\r\n"), raw.find(b"\r\r")) if i >= 0]
    data = raw[:min(ends, default=len(raw))].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    if data.startswith(b"From "):
        data = data.partition(b"\n")[2]
    try:
        items = BytesHeaderParser(policy=compat32).parsebytes(data).raw_items()
        values: dict[str, str] = {}
        for name, value in items:
            values.setdefault(name.lower(), str(value))
    except Exception:  # noqa: BLE001 - a broken mail has no usable address
        return (), (), False, []
    problems: list[str] = []
    reply_to = values.get("reply-to", "")
    return (addresses.read(raw_8bit(values.get("from", "")), "From", problems),
            addresses.read(raw_8bit(reply_to), "Reply-To", problems), bool(reply_to.strip()),
            problems)


def _names_other_address(entry: Address) -> bool:
    return any(found.lower() != entry.address.lower()
               for found in _NAME_ADDRESS.findall(entry.name))


def reply_target(raw: bytes | None, own: Collection[str], *, stored: str | None = None,
                 stored_name: str = "", handover: bool = False) -> ReplyTarget:
    """Where the reply to the mail ``raw`` goes.

    Args:
        own: the programme's own addresses (lower case); a Reply-To naming one is ignored.
        stored: the sender address stored with the mail, used when ``raw`` is gone (purged).
        handover: the address was left in the public chat and is unconfirmed.
    """
    own_set = {a.lower() for a in own}
    warnings: list[str] = ["handover"] if handover else []
    if not raw:
        if stored and "@" in stored:
            local, _, domain = stored.rpartition("@")
            if addresses.usable(local, domain):
                return ReplyTarget(stored, stored_name, "stored", stored, (), tuple(warnings))
        return ReplyTarget(None, warnings=(*warnings, "no_address"))
    senders, reply_to, has_reply_to, problems = _read(raw)
    if any(p.endswith(addresses.LINE_BREAK) for p in problems):
        warnings.append("line_break")
    sender = senders[0] if senders else None
    candidates = [a for a in reply_to if a.address.lower() not in own_set]
    if has_reply_to and not reply_to:
        warnings.append("reply_to_unusable")
    chosen, via = (candidates[0], "reply-to") if candidates else (sender, "from")
    if chosen is None or chosen.address.lower() in own_set:
        return ReplyTarget(None, sender=sender.address if sender else None,
                           warnings=(*warnings, "no_address"))
    if sender is not None and chosen.address.lower() != sender.address.lower():
        warnings.append("other_address")
        if domain_of(chosen.address) != domain_of(sender.address):
            warnings.append("other_domain")
    if any(_names_other_address(entry) for entry in (sender, chosen) if entry is not None):
        warnings.append("name_has_address")
    unused = tuple(a.address for a in candidates[1:])
    if unused:
        warnings.append("unused")
    # A name that looks like an address is not put into our reply's To header.
    name = "" if "@" in chosen.name else chosen.name
    return ReplyTarget(chosen.address, name, via, sender.address if sender else None, unused,
                       tuple(dict.fromkeys(warnings)))
