"""Where a reply goes (assistant.parse.recipient) and how address headers are read
(assistant.parse.addresses): crafted headers from the security review never make a recipient
out of a name, a line break or a second address."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.parse import parse
from assistant.parse.recipient import reply_target

OWN = ("landesprogrammwir@hsm.hessen.de",)
PLAIN = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+")
ENCODED_NAME_FROM = "=?utf-8?q?Info:kaemmerei@town.de;?= <a@attacker.example>"
CRLF_NAME_FROM = ("=?utf-8?q?Hans=0D=0ABcc:_bcc-name@evil.example=0D=0AX-Injected:_name?= "
                  "<hi2@gemeinde-f.de>")
CRLF_REPLY_TO = "=?utf-8?q?x=0D=0ABcc:_rt@evil.example?= <hi8@gemeinde-l.de>"


def mail(sender: str, reply_to: str | None = None, number: int = 1) -> bytes:
    """A mail with these headers as they are written (the standard library would refuse to
    build the crafted ones)."""
    head = f"From: {sender}\nTo: landesprogrammWIR@hsm.hessen.de\nSubject: Frage {number}\n"
    if reply_to is not None:
        head += f"Reply-To: {reply_to}\n"
    return (head + f"Message-ID: <q{number}@gemeinde.example>\n"
            "Content-Type: text/plain; charset=utf-8\n\n"
            "Guten Tag,\n\nwie lange läuft die Förderung? Wie viele Monate haben wir für die "
            "Strategie Zeit?\n\nViele Grüße\n").encode()


def test_reply_goes_to_address_shown_for_encoded_display_name() -> None:
    """An address inside an encoded display name stays part of the name: the stored sender and
    the reply's address are the real one, and a reviewer must confirm it."""
    raw = mail(ENCODED_NAME_FROM)
    target = reply_target(raw, OWN)
    assert ("a@attacker.example", "a@attacker.example") == (target.address,
                                                           parse(raw).sender.address)
    assert "name_has_address" in target.warnings and target.needs_confirmation
    assert "" == target.name  # a name that looks like an address is not put into our To


def test_crlf_in_from_name_is_no_recipient() -> None:
    """A From name with an encoded line break and a Bcc line: the name is dropped, the reply
    goes to the address in angle brackets, and the reviewer is told."""
    target = reply_target(mail(CRLF_NAME_FROM), OWN)
    assert ("hi2@gemeinde-f.de", "") == (target.address, target.name)
    assert "line_break" in target.warnings


def test_crlf_in_reply_to_is_no_recipient() -> None:
    """The Reply-To with an encoded line break and Bcc: the reply goes to the address in angle
    brackets of that Reply-To, never to the address smuggled into its name."""
    target = reply_target(mail("Hans <hi@gemeinde-l.de>", CRLF_REPLY_TO), OWN)
    assert ("hi8@gemeinde-l.de", "reply-to") == (target.address, target.via)
    assert "line_break" in target.warnings


def test_second_address_in_encoded_name_is_no_recipient() -> None:
    """A comma inside an encoded name does not split the header into two addresses."""
    target = reply_target(mail("=?utf-8?q?a@b.example,_c@d.example?= <x@gemeinde.example>"),
                          OWN)
    assert ("x@gemeinde.example", ()) == (target.address, target.unused)


@pytest.mark.parametrize(("header", "expected"), [
    ("Jonas Weber <weber@musterbach.de>", ("weber@musterbach.de", "Jonas Weber")),
    ('"Hofmann, Jürgen" <j.hofmann@musterbach.de>', ("j.hofmann@musterbach.de",
                                                       "Hofmann, Jürgen")),
    ("=?utf-8?q?Hofmann,_J=C3=BCrgen?=\n <j.hofmann@musterbach.de>",
     ("j.hofmann@musterbach.de", "Hofmann, Jürgen")),
    ("weber@musterbach.de (Jonas Weber)", ("weber@musterbach.de", "")),
    ("_rt@evil.example?=", None),
    ("a@[192.0.2.1]", None),
    ("\"a b\"@musterbach.de", None),
    ("Info:kaemmerei@town.de; <a@attacker.example>", None),
    ("garbage", None),
])
def test_from_header_cases(header: str, expected: tuple[str, str] | None) -> None:
    """Each From header gives exactly this sender (address, name), or none that a reply could
    go to — and never raises."""
    sender = parse(mail(header)).sender
    assert expected == ((sender.address, sender.name) if sender else None)


def test_reply_to_on_another_domain_needs_confirmation() -> None:
    """A Reply-To on another domain than From gets the reply, highlighted and confirmed."""
    target = reply_target(mail("Hans <hans@musterbach.de>", "kasse@rechenzentrum.example"), OWN)
    assert ("kasse@rechenzentrum.example", "hans@musterbach.de") == (target.address,
                                                                     target.sender)
    assert {"other_address", "other_domain"} <= set(target.warnings)
    assert target.needs_confirmation


def test_reply_to_on_the_same_domain_is_shown_without_confirmation() -> None:
    """A Reply-To on the From address's domain is pointed out but needs no confirmation."""
    target = reply_target(mail("Hans <hans@musterbach.de>", "rathaus@musterbach.de"), OWN)
    assert ("rathaus@musterbach.de", ("other_address",)) == (target.address, target.warnings)
    assert not target.needs_confirmation


def test_our_own_address_in_reply_to_is_ignored() -> None:
    """A Reply-To naming the programme itself would answer ourselves: From is used."""
    target = reply_target(mail("hans@musterbach.de", "landesprogrammWIR@hsm.hessen.de"), OWN)
    assert ("hans@musterbach.de", "from") == (target.address, target.via)


def test_only_the_first_reply_to_address_gets_the_reply() -> None:
    """One reply, one address: further Reply-To addresses are listed as left out."""
    target = reply_target(mail("hans@musterbach.de",
                               "rathaus@musterbach.de, buero@musterbach.de"), OWN)
    assert ("rathaus@musterbach.de", ("buero@musterbach.de",)) == (target.address,
                                                                   target.unused)
    assert "unused" in target.warnings


def test_unusable_reply_to_falls_back_to_from_with_a_warning() -> None:
    """A Reply-To without a usable address: the reply goes to From, and staff are told."""
    target = reply_target(mail("hans@musterbach.de", "_rt@evil.example?="), OWN)
    assert ("hans@musterbach.de", ("reply_to_unusable",)) == (target.address, target.warnings)


def test_a_handover_address_needs_confirmation() -> None:
    """An address typed into the chat is unconfirmed: approving needs a confirmation."""
    target = reply_target(mail("kaemmerei@lahntal.example"), OWN, handover=True)
    assert ("kaemmerei@lahntal.example", True) == (target.address, target.needs_confirmation)


def test_purged_mail_uses_the_stored_sender_and_none_without_it() -> None:
    """Without the raw mail the stored sender is used; without that, there is no address."""
    assert "hans@musterbach.de" == reply_target(None, OWN, stored="hans@musterbach.de").address
    assert ("no_address",) == reply_target(None, OWN).warnings


def test_mail_without_usable_sender_has_no_recipient() -> None:
    """A mail whose From holds no address has no recipient at all (not a guess)."""
    target = reply_target(mail("Undisclosed recipients:;"), OWN)
    assert (None, True) == (target.address, "no_address" in target.warnings)


_PIECES = ["a@b.example", "<x@gemeinde.example>", "=?utf-8?q?", "?=", "=0D=0A", "Bcc:_",
           "evil@attacker.example", ",", ";", ":", '"', " ", "\n ", "(", ")", "Hans", "\r\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.lists(st.sampled_from(_PIECES),
                                                                 max_size=12))
def test_recipient_is_always_one_plain_address(sender: list[str], reply_to: list[str]) -> None:
    """Whatever From and Reply-To hold, the reply goes to one plain address (no line break,
    space, comma or bracket: nothing that could add a recipient or a header) or to none."""
    raw = (f"From: {''.join(sender)}\nReply-To: {''.join(reply_to)}\nSubject: x\n\nText\n"
           ).encode()
    target = reply_target(raw, OWN)
    assert target.address is None or PLAIN.fullmatch(target.address)
    assert "\r" not in target.name and "\n" not in target.name
