"""Thread keys: subjects without reply prefixes, and the token in our own Message-IDs."""

from __future__ import annotations

import pytest

from assistant.history.threads import new_message_id, new_token, normalize_subject, token_of

SUBJECTS = [
    ("Frage zur Förderung", "frage zur förderung"),
    ("Re: Frage zur Förderung", "frage zur förderung"),
    ("AW: AW: WG: Frage zur Förderung", "frage zur förderung"),
    ("Fwd: RE: Fw: frage  zur\tFörderung ", "frage zur förderung"),
    ("Re[2]: AW (3): Frage", "frage"),
    ("[EXTERN] AW: Frage", "frage"),
    ("Antw: SV: TR: Frage", "frage"),
    ("Automatische Antwort: AW: Frage", "frage"),
    ("Out of Office: Frage", "frage"),
    ("Abwesenheitsnotiz: Frage", "frage"),
    ("Reise nach Wiesbaden", "reise nach wiesbaden"),  # "Re" only as a prefix with a colon
    ("AWO-Projekt: Frage", "awo-projekt: frage"),
    ("", ""),
    ("Re:", ""),
]


@pytest.mark.parametrize(("subject", "key"), SUBJECTS)
def test_normalize_subject(subject: str, key: str) -> None:
    """Reply, forward and auto-reply prefixes and gateway tags go; case and spaces fold."""
    assert key == normalize_subject(subject)


def test_our_message_id_carries_the_conversation_token() -> None:
    """A Message-ID made for a conversation gives its token back, for our domain only."""
    token = new_token()
    message_id = new_message_id(token, "hsm.hessen.de")
    assert token == token_of(message_id, "hsm.hessen.de")
    assert token == token_of(message_id.upper(), "HSM.hessen.de")
    assert token_of(message_id, "example.org") is None
    assert new_message_id(token, "hsm.hessen.de") != message_id


@pytest.mark.parametrize("message_id", [
    "<wir-rundschreiben-2026-09@hsm.hessen.de>",
    "<20261015082158.7e2a41@hsm.hessen.de>",
    "<wir.nothex0123456789.a1@hsm.hessen.de>",
    "not a message id",
])
def test_other_message_ids_have_no_token(message_id: str) -> None:
    """Message-IDs not made by new_message_id carry no token."""
    assert token_of(message_id, "hsm.hessen.de") is None
