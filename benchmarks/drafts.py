"""Draft quality on every labelled set: what a caseworker would have to fix before sending.

Run:  .venv/bin/python benchmarks/drafts.py [DIR ...]

For each labelled folder (default: the development sets, the held-out set and the shared sets
beside the checkout), every inquiry is drafted by the real flow (each mail on its own, as
``assistant draft`` does) and the draft is checked against the mail's labels:

* **wrong verdict**: a draft that states "eligible" for a mail labelled ``not_eligible``;
* **cooperation after not eligible**: the cooperation hint in a draft for such a mail;
* **rule figure twice**: the population limit, the cooperation limit or the cap stated twice;
* **repeated sentence**: any sentence said twice;
* **office greeting**: a greeting whose name holds an office word (Hauptamt, Gemeinde, …);
* **staff-only marked**: of the mails labelled ``out_of_scope`` or ``application_status``, the
  share whose draft has a marked gap and ``needs_staff``;
* **every labelled intent covered**: the share of drafts in which each labelled intent has an
  answer block or a marked gap (``eligibility`` is covered by its verdict notice);
* **block nobody asked for**: the share of drafts with an answer block for an intent the labels
  do not have;
* **no gap**: the share of drafts without any marked gap (sendable after a read, not an edit).

The bars of the drafts issue are 0 for the first five counts and 1.0 for "staff-only marked".
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from assistant import knowledge
from assistant.flow import Pipeline
from assistant.settings import Settings
from assistant.understand import labelled
from assistant.values import Drafted, Processed

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "tests" / "evaluation" / n for n in ("dev", "dev2", "dev3", "dev4", "heldout")]
DEFAULT += [ROOT.parent / "shared" / "samples"]
DEFAULT += sorted(p for g in ("inquiries", "questions") for p in (ROOT.parent / "shared" / g)
                  .glob("*") if (p / "labels.jsonl").is_file())

OFFICE_WORDS = re.compile(
    r"\b(?:hauptamt|gemeinde|stadt|rathaus|verwaltung|team|info|amt|büro|buero|magistrat|"
    r"kreis|landkreis|ortsgemeinde|verbandsgemeinde|kanzlei|sekretariat|poststelle|"
    r"municipality|council|office|department|town)\b", re.IGNORECASE)
SENTENCE = re.compile(r"(?<=[.!?])\s+")
STAFF_ONLY = {"out_of_scope", "application_status"}


def sentences(text: str) -> list[str]:
    body = [p for p in text.split("\n\n")[1:-2] if not p.startswith("[[")]
    return [s.strip() for p in body for s in SENTENCE.split(p) if len(s.strip()) > 20]


def rule_figures(programme: dict[str, Any]) -> list[re.Pattern[str]]:
    """The rule figures of the programme (the population limit, the cooperation limit, the cap)
    as written in German or English replies: 50.000 or 50,000."""
    limits = programme["eligibility"]
    numbers = (limits["population_below"], limits["cooperation_below"],
               programme["funding"]["max_amount_eur"])
    return [re.compile(rf"\b{f'{int(n):,}'.replace(',', '[.,]')}\b") for n in numbers]


def check(pipeline: Pipeline, folder: Path) -> Counter[str]:
    count: Counter[str] = Counter()
    figures = rule_figures(dict(pipeline.knowledge.programme))
    for item in labelled.mails(folder):
        label = item.label
        if label["kind"] != "inquiry":
            continue
        processed = pipeline.run(Processed(item.mail))
        draft = processed.draft if isinstance(processed, Drafted) else None
        count["inquiries"] += 1
        if draft is None:
            count["no draft"] += 1
            continue
        count["drafts"] += 1
        sources = [b.source for b in draft.blocks]
        if label.get("eligibility") == "not_eligible":
            count["not eligible"] += 1
            count["wrong verdict"] += "notice.eligible" in sources
            count["cooperation after not eligible"] += "notice.cooperation" in sources
        body = draft.text
        # The marked gaps quote the sender; what the draft itself says is in its other blocks.
        # The town's own figures (its population, the sum it names) may equal a rule figure
        # ("hat 50.000 Einwohner" — "weniger als 50.000"): they are not the rule said again.
        ours = "\n".join(b.text for b in draft.blocks if not b.gap)
        verdict = processed.verdict
        for own in (verdict.population, processed.understanding.facts.amount_eur):
            if own:
                ours = re.sub(rf"\b{f'{own:,}'.replace(',', '[.,]')}\b(?= (?:Einwohner|inhabitants"
                              rf"|€|Euro|EUR))", "", ours, count=1)
        count["rule figure twice"] += any(len(f.findall(ours)) > 1 for f in figures)
        said = sentences(body)
        count["repeated sentence"] += len(said) != len(set(said))
        greeting = draft.greeting
        count["office greeting"] += bool(OFFICE_WORDS.search(
            greeting.replace("Sehr geehrte Damen und Herren", "")
            .replace("Dear Sir or Madam", "")))
        labels = set(label["intents"])
        if labels & STAFF_ONLY:
            count["staff-only mails"] += 1
            count["staff-only marked"] += any(b.gap for b in draft.blocks) and draft.needs_staff
        covered = {b.intent for b in draft.blocks if b.intent}
        if any(b.source in ("notice.eligible", "notice.ask_population",
                            "notice.not_eligible_population", "notice.not_eligible_state")
               for b in draft.blocks):
            covered.add("eligibility")
        count["every labelled intent covered"] += labels <= covered
        answered = {b.intent for b in draft.blocks if b.intent and not b.gap}
        count["block nobody asked for"] += bool(answered - labels)
        count["no gap"] += not any(b.gap for b in draft.blocks)
    return count


def main() -> None:
    folders = [Path(a) for a in sys.argv[1:]] or [f for f in DEFAULT
                                                  if (f / "labels.jsonl").is_file()]
    settings = Settings.load({})
    pipeline = Pipeline(settings, knowledge.load(settings))
    total: Counter[str] = Counter()
    head = (f"{'set':<22}{'drafts':>7}{'wrong':>7}{'coop':>6}{'rule2x':>7}{'sent2x':>7}"
            f"{'greet':>6}{'staff-only':>12}{'covered':>9}{'unasked':>9}{'no gap':>8}")
    print(head)
    for folder in folders:
        c = check(pipeline, folder)
        total.update(c)
        print(row(labelled.group_name(folder), c))
    print(row("all", total))


def row(name: str, c: Counter[str]) -> str:
    drafts = max(c["drafts"], 1)
    staff = f"{c['staff-only marked']}/{c['staff-only mails']}"
    return (f"{name:<22}{c['drafts']:>7}{c['wrong verdict']:>7}"
            f"{c['cooperation after not eligible']:>6}{c['rule figure twice']:>7}"
            f"{c['repeated sentence']:>7}{c['office greeting']:>6}{staff:>12}"
            f"{c['every labelled intent covered'] / drafts:>9.2f}"
            f"{c['block nobody asked for'] / drafts:>9.2f}{c['no gap'] / drafts:>8.2f}")


if __name__ == "__main__":
    main()
