"""Fixtures for the pure pipeline: settings and knowledge of this checkout, built once."""

from __future__ import annotations

from functools import lru_cache

from assistant import flow, knowledge
from assistant.flow import Pipeline
from assistant.parse import parse
from assistant.settings import Settings
from assistant.values import Drafted, Processed, Understanding, Understood


@lru_cache(maxsize=1)
def pipeline() -> Pipeline:
    settings = Settings.load({})
    return Pipeline(settings, knowledge.load(settings))


def run(raw: bytes) -> Processed:
    """The whole flow on the mail ``raw``."""
    return pipeline().run(Processed(parse(raw)))


def drafted(raw: bytes) -> Drafted:
    """The whole flow on ``raw``, which must end in a draft."""
    item = run(raw)
    assert isinstance(item, Drafted), item.outcome
    return item


def understanding(raw: bytes) -> Understanding:
    """What the flow's understanding stage makes of ``raw`` (whatever the mail's kind)."""
    item = pipeline().run(Processed(parse(raw)), (flow.understand,))
    assert isinstance(item, Understood)
    return item.understanding


def mail(body: str, subject: str = "Frage zur KIV-Förderung",
         sender: str = "Erika Muster <e.muster@musterbach.example.org>",
         headers: str = "") -> bytes:
    """A minimal UTF-8 mail to the programme with the given body."""
    return (f"From: {sender}\nTo: landesprogrammWIR@hsm.hessen.de\nSubject: {subject}\n"
            f"Message-ID: <t{abs(hash(body))}@musterbach.example.org>\n"
            f"Date: Mon, 7 Sep 2026 10:00:00 +0200\n{headers}"
            "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
            f"Content-Transfer-Encoding: 8bit\n\n{body}\n").encode()
