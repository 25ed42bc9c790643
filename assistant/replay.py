"""``assistant evaluate --threads DIR``: replay labelled conversations through the worker.

A folder of threads (``labels.jsonl`` with the keys ``thread``, ``position``, ``needs_reply``,
``thread_population``, ``thread_state`` and ``thread_eligibility`` besides the usual ones, as in
``../shared/inquiries/threads``) is replayed mail by mail, in thread order, through the real
worker (its flow process, the store, the threading, the conversation's facts) into a fresh
SQLite database. Nothing is sent: our answers exist only as what later mails quote. Reported:

* **needs-reply recall and precision**: a draft for every mail labelled ``needs_reply`` (recall)
  and for no other (precision);
* **thread eligibility accuracy**: after each mail, the conversation's verdict (the latest
  inquiry's, which rests on the conversation's facts) against ``thread_eligibility``;
* **intents covered**: for every drafted inquiry, the share whose labelled intents each have an
  answer block or a marked gap in the draft;
* every miss, with its file.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import select

from assistant.settings import Settings
from assistant.understand import labelled


def replay(folder: Path, settings: Settings) -> dict[str, Any]:
    """Replay the threads of ``folder`` (see the module docstring) and measure."""
    return asyncio.run(_replay(folder, settings))


async def _replay(folder: Path, settings: Settings) -> dict[str, Any]:
    from dataclasses import replace

    from assistant.budget import FlowProcess
    from assistant.history import schema
    from assistant.history.db import create_engine
    from assistant.history.store import Store
    from assistant.history.tables import drafts, messages, understandings
    from assistant.inbound import Incoming
    from assistant.inbound.maildir import MaildirSource
    from assistant.worker import Worker

    labels = sorted(labelled.read_labels(folder), key=lambda x: (x["thread"], x["position"]))
    with tempfile.TemporaryDirectory(prefix="assistant-replay-") as tmp:
        url = f"sqlite:///{tmp}/replay.db"
        run_settings = replace(settings, database_url=url, inbox=f"maildir:{tmp}/mail")
        engine = create_engine(url)
        await schema.ensure_current(engine, initialise_empty=True)
        store = Store(engine, run_settings)
        flow = FlowProcess(run_settings)
        worker = Worker(run_settings, store, MaildirSource(Path(tmp) / "mail"), flow)
        try:
            ids: list[int] = []
            for label in labels:
                raw = (folder / "mails" / label["file"]).read_bytes()
                await store.store("replay", "replay", "", [Incoming(raw, label["file"])])
                await worker.process_pending()
                async with engine.connect() as conn:
                    ids.append((await conn.execute(
                        select(messages.c.id)
                        .where(messages.c.source_ref == label["file"]))).scalar_one())
            async with engine.connect() as conn:
                stored = {r.id: r for r in (await conn.execute(select(messages))).all()}
                understood = {r.message_id: r for r in (await conn.execute(
                    select(understandings))).all()}
                drafted = {r.message_id: r for r in (await conn.execute(select(drafts))).all()}
        finally:
            worker.close()
            await engine.dispose()
    from assistant import knowledge

    # A notice answers the intent its file names (``for_intent``: the verdict answers
    # eligibility, the cooperation hint the joint application).
    answers = {e.id: e.for_intent for e in knowledge.load(settings).notices.values()
               if e.for_intent}
    return _measure(labels, ids, stored, understood, drafted, answers)


def _measure(labels: list[dict[str, Any]], ids: list[int], messages: dict[int, Any],
             understood: dict[int, Any], drafted: dict[int, Any],
             notice_intents: dict[str, str]) -> dict[str, Any]:
    tp = fp = fn = 0
    verdict_ok = 0
    covered = drafts_with_labels = 0
    misses: list[dict[str, Any]] = []
    latest: dict[int, str] = {}  # conversation → its latest verdict
    for label, message_id in zip(labels, ids, strict=True):
        message = messages[message_id]
        understanding = understood.get(message_id)
        draft = drafted.get(message_id)
        has_draft = draft is not None
        needs = bool(label["needs_reply"])
        tp += needs and has_draft
        fp += has_draft and not needs
        fn += needs and not has_draft
        if understanding is not None and understanding.kind == "inquiry" and \
                understanding.eligibility:
            latest[message.conversation_id] = understanding.eligibility
        verdict = latest.get(message.conversation_id, "unknown")
        verdict_ok += verdict == label["thread_eligibility"]
        wrong = []
        if needs != has_draft:
            wrong.append("needs_reply")
        if verdict != label["thread_eligibility"]:
            wrong.append("thread_eligibility")
        if draft is not None and label["intents"]:
            drafts_with_labels += 1
            blocks = draft.blocks or []
            have = {b.get("intent") for b in blocks if b.get("intent")}
            have |= {notice_intents[b["source"]] for b in blocks
                     if b.get("source") in notice_intents}
            missing = sorted(set(label["intents"]) - have)
            covered += not missing
            if missing:
                wrong.append(f"no block or gap for {', '.join(missing)}")
        if wrong:
            misses.append({"file": label["file"], "wrong": wrong,
                           "kind": understanding.kind if understanding else message.kind,
                           "verdict": verdict, "expected_verdict": label["thread_eligibility"]})
    n = len(labels)
    return {
        "mails": n, "threads": len({x["thread"] for x in labels}),
        "needs_reply_recall": tp / (tp + fn) if tp + fn else 1.0,
        "needs_reply_precision": tp / (tp + fp) if tp + fp else 1.0,
        "thread_eligibility_accuracy": verdict_ok / n if n else 0.0,
        "intents_covered": covered / drafts_with_labels if drafts_with_labels else 1.0,
        "misses": misses,
    }


def format_text(result: dict[str, Any]) -> str:
    lines = [f"threads: {result['threads']}, mails: {result['mails']} (replayed through the "
             "worker into a fresh store)",
             f"needs reply: recall {result['needs_reply_recall']:.3f}, precision "
             f"{result['needs_reply_precision']:.3f}",
             f"thread eligibility accuracy: {result['thread_eligibility_accuracy']:.3f}",
             f"drafts with a block or gap for every labelled intent: "
             f"{result['intents_covered']:.3f}"]
    if result["misses"]:
        lines += ["", f"misses ({len(result['misses'])}):"]
        lines += [f"  {m['file']}: {'; '.join(m['wrong'])} (kind {m['kind']}, verdict "
                  f"{m['verdict']}, expected {m['expected_verdict']})" for m in result["misses"]]
    return "\n".join(lines)
