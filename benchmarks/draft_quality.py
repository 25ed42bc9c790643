"""What a careful caseworker would count in the drafts: wrong verdicts, repeated text, greetings.

Run:  .venv/bin/python benchmarks/draft_quality.py [--show]

For every labelled set (the development sets ``tests/evaluation/dev``–``dev4``, the held-out
set and the shared sets beside the checkout, when present) it drafts a reply to every mail and
prints one row of figures per set:

* ``pop``, ``state``, ``elig`` — population, state and eligibility accuracy (as
  ``assistant evaluate`` counts them);
* ``elig!`` — drafts whose verdict is ``eligible`` for a mail labelled ``not_eligible`` (bar: 0);
* ``coop!`` — drafts with the cooperation hint although the verdict or the label is
  ``not_eligible`` (bar: 0);
* ``fig2`` — drafts in which a rule figure (the population limit, the cooperation limit, the
  cap) stands more than once in the notices and answers (bar: 0);
* ``rep`` — drafts in which a sentence of the notices and answers is said twice (bar: 0);
* ``office`` — greetings whose name holds an office word (Hauptamt, Gemeinde, Team, …; bar: 0).

``--show`` lists the mails behind the figures, for the development sets only: the held-out and
shared sets are the honest measurement, and only their aggregate figures are printed.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from assistant import knowledge
from assistant.flow import Pipeline
from assistant.parse import parse
from assistant.settings import Settings
from assistant.values import Decided, Drafted, Processed, Understood

ROOT = Path(__file__).resolve().parent.parent
DEVELOPMENT = [ROOT / "tests" / "evaluation" / name for name in ("dev", "dev2", "dev3", "dev4")]
MEASURED = [ROOT / "tests" / "evaluation" / "heldout", ROOT.parent / "shared" / "samples",
            *sorted((ROOT.parent / "shared" / "inquiries").glob("*")),
            *sorted((ROOT.parent / "shared" / "questions").glob("*"))]
OFFICE = re.compile(
    r"amt\b|gemeinde|stadt|rathaus|verwaltung|team|\binfo|büro|buero|magistrat|kanzlei|"
    r"poststelle|sekretariat|referat|fachbereich|abteilung|kämmerei|kaemmerei|office|council|"
    r"municipality|department|service|kontakt|zentrale", re.IGNORECASE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ])")


def figures(programme: dict) -> list[str]:
    """The rule figures as the texts write them, German and English."""
    numbers = (programme["eligibility"]["population_below"],
               programme["eligibility"]["cooperation_below"],
               programme["funding"]["max_amount_eur"])
    return [f"{n:,}".replace(",", sep) for n in numbers for sep in (".", ",")]


def measure(pipeline: Pipeline, folder: Path, show: bool) -> dict[str, float]:
    labels = [json.loads(line) for line in (folder / "labels.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    counts: Counter[str] = Counter()
    rule_figures = figures(pipeline.knowledge.programme)
    for label in labels:
        item = pipeline.run(Processed(parse((folder / "mails" / label["file"]).read_bytes())))
        u = item.understanding if isinstance(item, Understood) else None
        verdict = item.verdict if isinstance(item, Decided) else None
        draft = item.draft if isinstance(item, Drafted) else None
        inquiry = u is not None and u.kind.value == "inquiry"
        population = u.facts.population if inquiry and u else None
        state = u.facts.state if inquiry and u else None
        eligibility = verdict.eligibility.value if verdict else None
        counts["pop"] += population == label.get("population")
        counts["state"] += state == label.get("state")
        counts["elig"] += eligibility == label.get("eligibility")
        problems = []
        if eligibility == "eligible" and label.get("eligibility") == "not_eligible":
            problems.append("elig!")
        if draft is not None:
            sources = [b.source for b in draft.blocks]
            if "notice.cooperation" in sources and "not_eligible" in (
                    eligibility, label.get("eligibility")):
                problems.append("coop!")
            body = "\n".join(b.text for b in draft.blocks if not b.gap)
            # A town of exactly 50,000 names the figure as its population, not as the rule.
            own = {f"{n:,}".replace(",", sep) for n in (verdict.population, u.facts.amount_eur)
                   if n for sep in (".", ",")} if verdict and u else set()
            if any(body.count(f) > 1 + (f in own) for f in rule_figures):
                problems.append("fig2")
            sentences = [s.strip().lower() for b in draft.blocks if not b.gap
                         for s in SENTENCE_END.split(b.text) if len(s.split()) > 3]
            if len(sentences) != len(set(sentences)):
                problems.append("rep")
            if OFFICE.search(draft.greeting):
                problems.append("office")
        for problem in problems:
            counts[problem] += 1
            if show:
                print(f"  {folder.name}/{label['file']}: {problem} "
                      f"(label {label.get('eligibility')}, verdict {eligibility}, "
                      f"greeting {draft.greeting if draft else None!r})")
    n = max(len(labels), 1)
    return {"mails": len(labels), "pop": counts["pop"] / n, "state": counts["state"] / n,
            "elig": counts["elig"] / n,
            **{k: counts[k] for k in ("elig!", "coop!", "fig2", "rep", "office")}}


def main() -> None:
    show = "--show" in sys.argv
    settings = Settings.load({})
    pipeline = Pipeline(settings, knowledge.load(settings))
    header = ("set", "mails", "pop", "state", "elig", "elig!", "coop!", "fig2", "rep", "office")
    print(f"{header[0]:<22}" + "".join(f"{h:>7}" for h in header[1:]))
    for folder in DEVELOPMENT + MEASURED:
        if not (folder / "labels.jsonl").is_file():
            continue
        row = measure(pipeline, folder, show and folder in DEVELOPMENT)
        name = f"{folder.parent.name}/{folder.name}"
        print(f"{name:<22}{row['mails']:>7}" + "".join(
            f"{row[k]:>7.3f}" for k in ("pop", "state", "elig")) + "".join(
            f"{row[k]:>7}" for k in ("elig!", "coop!", "fig2", "rep", "office")))


if __name__ == "__main__":
    main()
