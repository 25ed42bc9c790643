"""The documented deployment, without Docker: processes of `assistant` as an unprivileged user
on one PostgreSQL, with a read-only copy of `knowledge/` and `intents/`.

The copy is owned by root with modes 0555 (folders) and 0444 (files), as `/app` is in the
image. File modes alone prove nothing when the tests run as root (root ignores them), so the
processes are started through ``setpriv`` as ``nobody``: the kernel then refuses them any write
into the copy, exactly as it refuses user 10001 in the container. Run by an ordinary user (no
``setpriv`` needed or possible), the processes run as that user, to whom the modes apply too.
What the processes may write — their home, temporary files, their Maildirs — lies in a folder
that belongs to them. The working directory is the read-only folder, like ``WORKDIR /app``.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tests.helpers import ROOT
from tests.review.conftest import SECRET

UNPRIVILEGED = "nobody"


def as_unprivileged() -> list[str]:
    """The command prefix that drops root to ``nobody`` (nothing when not root)."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", f"--reuid={UNPRIVILEGED}", "--regid=nogroup", "--clear-groups",
            "--inh-caps=-all"]


def _startable(python: str) -> bool:
    """Whether the unprivileged user can start ``python`` from a shell (as multiprocessing
    starts it again for its helper processes)."""
    probe = [*as_unprivileged(), "/bin/sh", "-c", '"$0" -c pass', python]
    return subprocess.run(probe, capture_output=True, timeout=60).returncode == 0


def unprivileged_python(folder: Path) -> str:
    """An interpreter with this environment's packages that the unprivileged user can start.

    That is ``sys.executable`` unless the virtual environment links to an interpreter in a
    folder closed to others (pyenv under /root); then a virtual environment of the system's
    Python of the same minor version is made in ``folder`` that adds this environment's
    packages (and, through their .pth files, the editable checkout) to its path."""
    if _startable(sys.executable):
        return sys.executable
    minor = f"python{sys.version_info.major}.{sys.version_info.minor}"
    system = Path("/usr/bin") / minor
    if not system.exists() or not _startable(str(system)):
        raise RuntimeError(f"no {minor} that user {UNPRIVILEGED} can start")
    subprocess.run([str(system), "-m", "venv", "--without-pip", str(folder)], check=True,
                   timeout=120)
    packages = sysconfig.get_paths()["purelib"]
    [site_packages] = folder.glob(f"lib/{minor}/site-packages")
    (site_packages / "checkout.pth").write_text(
        f"import site; site.addsitedir({packages!r})\n")
    return str(folder / "bin" / "python")


def read_only_copy(target: Path) -> Path:
    """`knowledge/` and `intents/` of the checkout under ``target``, which is made read-only
    (0555/0444) with everything in it."""
    for name in ("knowledge", "intents"):
        shutil.copytree(ROOT / name, target / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for folder, _, files in os.walk(target):
        for name in files:
            (Path(folder) / name).chmod(0o444)
    for folder, _, _ in sorted(os.walk(target), reverse=True):
        Path(folder).chmod(0o555)  # read and enter, no writing
    return target


def tree_of(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` with its bytes (to see that nothing changed)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def make_maildir(path: Path) -> Path:
    for sub in ("new", "cur", "tmp"):
        (path / sub).mkdir(parents=True, exist_ok=True)
    return path


def deliver(maildir: Path, raw: bytes, name: str) -> None:
    """Deliver like an MTA: write into tmp/, then rename into new/."""
    temporary = maildir / "tmp" / name
    temporary.write_bytes(raw)
    os.replace(temporary, maildir / "new" / name)


def inquiry(number: int, body: str) -> bytes:
    """An inquiry from a municipality of its own (no conversation joins another)."""
    return (f"From: Amt Nummer {number} <amt@gemeinde-{number}.example>\n"
            "To: landesprogrammWIR@hsm.hessen.de\nSubject: Anfrage\n"
            f"Message-ID: <deploy-{number}@gemeinde-{number}.example>\nMIME-Version: 1.0\n"
            "Content-Type: text/plain; charset=utf-8\n\nSehr geehrte Damen und Herren,\n\n"
            f"{body}\n\nMit freundlichen Grüßen\nAmt Nummer {number}\n").encode()


class Deployment:
    """The folders and processes of one deployment; ``close()`` stops what it started."""

    def __init__(self, database_url: str) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="assistant-deploy-"))
        self.root.chmod(0o755)
        self.app = read_only_copy(self.root / "app")
        self.data = self.root / "data"
        (self.data / "home").mkdir(parents=True)
        (self.data / "tmp").mkdir()
        self.logs = self.root / "logs"
        self.logs.mkdir()
        self.url = database_url
        self.base = ""  # the web app's address, once it runs
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.python = unprivileged_python(self.root / "venv")

    def maildir(self, name: str) -> Path:
        return make_maildir(self.data / name)

    def hand_over(self) -> None:
        """Give the writable folder to the unprivileged user (call after the Maildirs)."""
        if os.geteuid() == 0:
            user = pwd.getpwnam(UNPRIVILEGED)
            for folder, dirs, files in os.walk(self.data):
                for name in [*dirs, *files]:
                    os.chown(Path(folder) / name, user.pw_uid, user.pw_gid)
            os.chown(self.data, user.pw_uid, user.pw_gid)
            self.data.chmod(0o700)

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
        env.update({
            "HOME": str(self.data / "home"), "TMPDIR": str(self.data / "tmp"),
            "PYTHONDONTWRITEBYTECODE": "1",
            "ASSISTANT_DATABASE_URL": self.url,
            "ASSISTANT_KNOWLEDGE_DIR": str(self.app / "knowledge"),
            "ASSISTANT_INTENTS_DIR": str(self.app / "intents"),
            "ASSISTANT_SECRET_KEY": SECRET, "ASSISTANT_COOKIE_SECURE": "0",
            "ASSISTANT_LOG_FORMAT": "json",
        })
        env.update({f"ASSISTANT_{k.upper()}": v for k, v in extra.items()})
        return env

    def command(self, *args: str) -> list[str]:
        return [*as_unprivileged(), self.python, "-m", "assistant", *args]

    def run(self, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self.command(*args), cwd=self.app, env=self.env(**extra),
                              capture_output=True, text=True, timeout=180)

    def start(self, name: str, *args: str, **extra: str) -> subprocess.Popen[bytes]:
        with (self.logs / f"{name}.log").open("wb") as out:
            process = subprocess.Popen(self.command(*args), cwd=self.app, env=self.env(**extra),
                                       stdout=out, stderr=subprocess.STDOUT)
        self.processes[name] = process
        return process

    def log(self, name: str) -> str:
        return (self.logs / f"{name}.log").read_text(errors="replace")

    def events(self, name: str, event: str) -> list[dict[str, Any]]:
        """The JSON log lines of process ``name`` whose message is ``event``."""
        found = []
        for line in self.log(name).splitlines():
            if line.startswith("{"):
                record = json.loads(line)
                if record.get("event", record.get("message")) == event:
                    found.append(record)
        return found

    def wait_for_log(self, name: str, event: str, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while not self.events(name, event):
            process = self.processes[name]
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited ({process.returncode}): {self.log(name)}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{name} did not log {event!r}: {self.log(name)}")
            time.sleep(0.1)

    def stop(self, names: Iterable[str] | None = None) -> None:
        for name in list(names or self.processes):
            process = self.processes.pop(name)
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def close(self) -> None:
        self.stop()
        for folder, _, _ in os.walk(self.app):
            Path(folder).chmod(0o700)  # removable again when not run as root
        shutil.rmtree(self.root, ignore_errors=True)
