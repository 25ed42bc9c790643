"""``assistant evaluate --threads``: labelled conversations replayed through the worker."""

from __future__ import annotations

import json
from pathlib import Path

from assistant import replay
from assistant.settings import Settings
from tests.core import mail

OUR_ANSWER = ("\n\n-----Ursprüngliche Nachricht-----\nVon: Landesprogramm WIR "
              "<landesprogrammWIR@hsm.hessen.de>\nGesendet: Montag\nBetreff: Re: Frage\n\n"
              "Sehr geehrte Frau Muster,\n\nteilen Sie uns bitte Ihre aktuelle Einwohnerzahl "
              "mit.\n\nMit freundlichen Grüßen\nIhr Team Landesprogramm WIR\n")
MAILS = [
    # (file, body, headers, labels)
    ("t01-1.eml", "Sehr geehrte Damen und Herren,\n\nkann unsere Gemeinde an der "
     "KIV-Förderung teilnehmen?\n\nMit freundlichen Grüßen\nErika Muster", "",
     {"kind": "inquiry", "intents": ["eligibility"], "needs_reply": True,
      "thread_eligibility": "unknown"}),
    ("t01-2.eml", "Guten Tag,\n\nwir haben 4.300 Einwohner.\n\nGruß\nErika Muster" + OUR_ANSWER,
     "In-Reply-To: <wir.0123456789abcdef.aa@hsm.hessen.de>\nReferences: <t-1@x.example.org> "
     "<wir.0123456789abcdef.aa@hsm.hessen.de>\n",
     {"kind": "inquiry", "intents": ["eligibility"], "needs_reply": True,
      "thread_eligibility": "eligible"}),
    ("t01-3.eml", "Vielen Dank für die schnelle Auskunft!\n\nGruß\nErika Muster",
     "In-Reply-To: <wir.0123456789abcdef.bb@hsm.hessen.de>\nReferences: <t-1@x.example.org>\n",
     {"kind": "acknowledgement", "intents": [], "needs_reply": False,
      "thread_eligibility": "eligible"}),
]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "threads"
    (folder / "mails").mkdir(parents=True)
    with (folder / "labels.jsonl").open("w", encoding="utf-8") as fh:
        for position, (name, body, headers, label) in enumerate(MAILS, 1):
            raw = mail(body, subject="Frage zur KIV-Förderung" if position == 1 else
                       "AW: Frage zur KIV-Förderung", headers=headers)
            if position == 1:
                raw = raw.replace(raw[raw.index(b"Message-ID:"):raw.index(b"\n", raw.index(
                    b"Message-ID:"))], b"Message-ID: <t-1@x.example.org>")
            (folder / "mails" / name).write_bytes(raw)
            fh.write(json.dumps({"file": name, "population": None, "amount_eur": None,
                                 "state": None, "eligibility": None, "language": "de",
                                 "thread": "01", "position": position, **label}) + "\n")
    return folder


def test_a_conversation_is_replayed_and_measured(tmp_path: Path) -> None:
    """The first mail gets a draft asking for the population, the reply that supplies it a
    draft with the verdict, the thanks none; the conversation's verdict after each mail is
    measured against the labels."""
    result = replay.replay(_folder(tmp_path), Settings.load({}))
    assert (1.0, 1.0) == (result["needs_reply_recall"], result["needs_reply_precision"])
    assert 1.0 == result["thread_eligibility_accuracy"], result["misses"]
    assert 1.0 == result["intents_covered"]
    assert "needs reply: recall 1.000" in replay.format_text(result)
