"""``assistant privacy purge|export|erase``: retention, access (Art. 15) and erasure (Art. 17).

Every action writes an audit entry (see :mod:`assistant.history.privacy`).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.commands.common import (
    ACTOR,
    EXIT_FAILURE,
    EXIT_INPUT_ERROR,
    Subcommands,
    fail,
    keyed,
    with_database,
)

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from assistant.history.privacy import SubjectData
    from assistant.settings import Settings

ARCHIVE_MODE = 0o600  # a person's mails: readable by the owner only
README = """Auskunft nach Art. 15 DSGVO – Anfrage-Assistent Landesprogramm WIR

export.json   alle gespeicherten Daten zu {address}: Gespräche, Mails (Kopfzeilen und Text),
              was der Assistent daraus verstanden hat, Antwortentwürfe, Versand, Vorschläge
              für den Fragenkatalog und die Einträge des Prüfprotokolls
mails/        die Mails so, wie sie empfangen und gesendet wurden (.eml)

Erstellt am {date} (UTC). Die Daten werden {months} Monate nach Abschluss eines Gesprächs
anonymisiert (Aufbewahrungsfrist).
"""


def _address(text: str) -> str:
    if "@" not in text or len(text) > 320 or any(c.isspace() for c in text.strip()):
        raise argparse.ArgumentTypeError(f"{text!r} is not an e-mail address")
    return text.strip()


def register(sub: Subcommands) -> None:
    p = sub.add_parser("privacy", help="data protection: retention purge, access, erasure")
    privacy = p.add_subparsers(dest="privacy_command", required=True, metavar="ACTION")
    q = privacy.add_parser(
        "purge", help="anonymise conversations finished longer than the retention period",
        description="Removes the personal data of conversations that were answered or closed "
                    "and quiet for longer than ASSISTANT_RETENTION_MONTHS; the counts the "
                    "reports need stay. The worker runs this once a day by itself.")
    q.add_argument("--dry-run", action="store_true", help="only count what would be purged")
    q.set_defaults(func=cmd_purge)
    q = privacy.add_parser("export", help="everything stored about one sender (Art. 15 DSGVO)")
    q.add_argument("address", type=_address, metavar="EMAIL")
    q.add_argument("--output", "-o", metavar="FILE",
                   help="the ZIP file to write (default: auskunft-<date>-<hash>.zip in "
                        "ASSISTANT_EXPORT_DIR, else in exports/ next to the SQLite database)")
    q.set_defaults(func=keyed(cmd_export))
    q = privacy.add_parser("erase", help="erase the personal data of one sender (Art. 17 DSGVO)")
    q.add_argument("address", type=_address, metavar="EMAIL")
    q.add_argument("--yes", action="store_true", help="really erase (without: only count)")
    q.set_defaults(func=keyed(cmd_erase))


def cmd_purge(args: argparse.Namespace, settings: Settings) -> int:
    async def work(engine: AsyncEngine) -> int:
        from sqlalchemy import func, select

        from assistant.history import privacy
        from assistant.history.models import utcnow
        from assistant.history.tables import conversations

        if args.dry_run:
            cutoff = privacy.months_before(utcnow(), settings.retention_months)
            async with engine.connect() as conn:
                count = (await conn.execute(select(func.count()).select_from(
                    conversations).where(privacy.expired(cutoff)))).scalar_one()
            print(f"{count} conversation(s) finished before {cutoff:%Y-%m-%d} would be purged.")
            return 0
        result = await privacy.purge(engine, settings, actor=ACTOR)
        print(f"Purged the personal data of {result.conversations} conversation(s) "
              f"({result.messages} message(s)) finished before {result.cutoff:%Y-%m-%d}.")
        return 0

    return with_database(settings, work)


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.history import privacy
    from assistant.history.models import utcnow

    now = utcnow()
    digest = privacy.subject_hash(args.address, settings.secret_key)
    folder = export_dir(settings)
    if args.output:
        target = Path(args.output)
    elif folder is not None:
        target = folder / f"auskunft-{now:%Y%m%d}-{digest[:8]}.zip"
    else:
        return fail("with a database server there is no data folder for the archive: name "
                    "the file with --output or set ASSISTANT_EXPORT_DIR", EXIT_INPUT_ERROR)

    async def work(engine: AsyncEngine) -> int:
        async with engine.begin() as conn:
            data = await privacy.subject_access(conn, args.address)
            try:
                write_archive(target, data, settings.retention_months, now)
            except OSError as exc:
                return fail(f"cannot write {target}: {exc.strerror}", EXIT_INPUT_ERROR)
            await privacy.audit(conn, ACTOR, privacy.ACCESS, detail={
                "subject": digest, "conversations": len(data.conversations),
                "messages": len(data.messages)})
        print(f"Wrote {len(data.conversations)} conversation(s) and {len(data.messages)} "
              f"message(s) stored about {data.address} to {target}.")
        return 0

    return with_database(settings, work)


def export_dir(settings: Settings) -> Path | None:
    """Where archives go without ``--output``: ASSISTANT_EXPORT_DIR, else ``exports/`` next to
    the SQLite database (the data folder, never the working directory); None for a database
    server."""
    from sqlalchemy.engine import make_url

    if settings.export_dir:
        return Path(settings.export_dir)
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(url.database).parent / "exports"
    return None


def write_archive(target: Path, data: SubjectData, months: int, now: datetime) -> None:
    """The Art. 15 export: ``export.json``, the mails as ``.eml`` and a short explanation.

    Only the owner may read it (mode 0600; a folder it creates gets 0700). It is written to a
    temporary file beside the target and renamed, so a failure leaves no half archive."""
    document = {"address": data.address, "conversations": data.conversations,
                "messages": data.messages, "understandings": data.understandings,
                "drafts": data.drafts, "outbox": data.outbox, "suggestions": data.suggestions,
                "audit": data.audit}
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    handle, temporary = tempfile.mkstemp(prefix=".auskunft-", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out, zipfile.ZipFile(out, "w",
                                                             zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("LIESMICH.txt", README.format(address=data.address, months=months,
                                                           date=f"{now:%d.%m.%Y %H:%M}"))
            archive.writestr("export.json", json.dumps(document, ensure_ascii=False, indent=2,
                                                       default=str))
            for name, raw in data.mails:
                archive.writestr(f"mails/{name}", raw)
        os.chmod(temporary, ARCHIVE_MODE)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def cmd_erase(args: argparse.Namespace, settings: Settings) -> int:
    async def work(engine: AsyncEngine) -> int:
        from assistant.history import privacy

        if not args.yes:
            async with engine.connect() as conn:
                data = await privacy.subject_access(conn, args.address)
            print(f"Would erase the personal data in {len(data.conversations)} "
                  f"conversation(s) and {len(data.messages)} message(s) about "
                  f"{data.address}; run again with --yes to do it.")
            return EXIT_FAILURE
        result = await privacy.erase(engine, settings, args.address, actor=ACTOR)
        kept = ("kept (without personal data)" if settings.erase_keeps_audit
                else f"deleted ({result.audit_deleted} entries)")
        print(f"Erased the personal data in {result.conversations} conversation(s) and "
              f"{result.messages} message(s); their audit log was {kept}.")
        return 0

    return with_database(settings, work)
