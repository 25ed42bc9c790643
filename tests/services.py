"""Real servers for integration tests and benchmarks: a private PostgreSQL cluster and a private
Dovecot, each in a temporary folder on a free loopback port, started and stopped by the test.

Neither touches a system-wide instance. Both need their Debian packages (``postgresql``,
``dovecot-imapd``); :func:`postgres_binaries` and :func:`dovecot_binary` return None when they
are missing, and the fixtures in ``tests/conftest.py`` then skip. Run as root (CI), the servers
drop to unprivileged users: PostgreSQL runs as ``postgres`` (via ``runuser``), Dovecot keeps mail
as ``nobody``; every parent folder of their data is made enterable (``chmod 755``).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import getpass
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

PG_USER = "postgres"
MAIL_USER = "nobody"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(base: str, server: subprocess.Popen[bytes], log: Path) -> None:
    """Wait until the web app at ``base`` answers ``/healthz`` (its output is in ``log``)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"assistant serve exited: {log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"assistant serve did not start: {log.read_text(errors='replace')}")


@contextlib.contextmanager
def serving(env: Mapping[str, str], log: Path, *args: str) -> Iterator[str]:
    """``assistant serve`` (with ``args``) on a free loopback port and the environment ``env``,
    its output in ``log``: yields its base URL once it is healthy and stops it afterwards."""
    from tests.helpers import ROOT

    port = free_port()
    with log.open("wb") as out:
        server = subprocess.Popen([sys.executable, "-m", "assistant", "serve", *args, "--host",
                                   "127.0.0.1", "--port", str(port)], cwd=ROOT, env=dict(env),
                                  stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, server, log)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def wait_for_port(port: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise TimeoutError(f"nothing listens on 127.0.0.1:{port}") from None
            time.sleep(0.05)


def _open_dir() -> Path:
    path = Path(tempfile.mkdtemp(prefix="assistant-test-"))
    path.chmod(0o755)  # the servers' unprivileged users must enter it
    return path


# -- PostgreSQL -------------------------------------------------------------------------------

def postgres_binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


class PostgresCluster:
    """A throwaway cluster: ``initdb`` in a temporary folder, trust auth on 127.0.0.1 only,
    durability switched off for speed. ``stop()``/``start()`` simulate an outage."""

    def __init__(self, bindir: Path | None = None) -> None:
        found = bindir or postgres_binaries()
        if found is None:
            raise RuntimeError("PostgreSQL is not installed (Debian package postgresql)")
        self.bindir = found
        self.root = _open_dir()
        self.data = self.root / "data"
        self.port = free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.root, PG_USER)
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--no-sync", "--locale=C")

    def _run(self, tool: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bindir / tool), *args]
        if self.as_root:
            command = ["runuser", "-u", PG_USER, "--", *command]
        return subprocess.run(command, check=check, capture_output=True, text=True, timeout=120)

    def start(self) -> None:
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                   "-c max_connections=200")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w",
                  "-t", "60", "-o", options, "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def execute(self, *statements: str) -> None:
        async def run() -> None:
            import asyncpg

            conn = await asyncpg.connect(self.url())
            try:
                for statement in statements:
                    await conn.execute(statement)
            finally:
                await conn.close()

        # In a thread of its own, so that async tests (with a running loop) may call it too.
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, run()).result()

    def create_database(self, name: str, template: str | None = None) -> str:
        suffix = f" TEMPLATE {template}" if template else ""
        self.execute(f'CREATE DATABASE "{name}"{suffix}')
        return self.url(name)

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)


# -- Dovecot ----------------------------------------------------------------------------------

def dovecot_binary() -> Path | None:
    found = shutil.which("dovecot") or ("/usr/sbin/dovecot" if os.path.exists(
        "/usr/sbin/dovecot") else None)
    return Path(found) if found else None


_DOVECOT_CONF = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{root}/mail/%u
mail_uid = {uid}
mail_gid = {gid}
first_valid_uid = 1
first_valid_gid = 1
{users}
mailbox_idle_check_interval = 1 secs
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
  chroot =
}}
"""


class DovecotServer:
    """A private Dovecot for IMAP: plain logins from a passwd-file, mail in Maildirs.

    ``kill()`` ends the master *and* its sessions (the whole process group: ``doveadm stop``
    would leave the sessions running); ``start()`` again serves the same mail on the same port.
    """

    def __init__(self, binary: Path | None = None) -> None:
        found = binary or dovecot_binary()
        if found is None:
            raise RuntimeError("Dovecot is not installed (Debian package dovecot-imapd)")
        self.binary = found
        self.root = _open_dir()
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        if os.geteuid() == 0:
            user = pwd.getpwnam(MAIL_USER)
            uid, gid, users = user.pw_uid, user.pw_gid, ""
        else:  # an unprivileged Dovecot runs everything as the current user
            me = getpass.getuser()
            uid, gid = os.getuid(), os.getgid()
            users = f"default_login_user = {me}\ndefault_internal_user = {me}"
        self.uid, self.gid = uid, gid
        (self.root / "mail").mkdir(mode=0o755)
        os.chown(self.root / "mail", uid, gid)
        (self.root / "passwd").write_text("")
        (self.root / "passwd").chmod(0o644)
        self.config = self.root / "dovecot.conf"
        self.config.write_text(_DOVECOT_CONF.format(root=self.root, port=self.port, uid=uid,
                                                    gid=gid, users=users))

    def add_user(self, name: str, password: str) -> None:
        with (self.root / "passwd").open("a") as fh:
            fh.write(f"{name}:{{PLAIN}}{password}\n")

    def start(self) -> None:
        self.process = subprocess.Popen(
            [str(self.binary), "-F", "-c", str(self.config)], start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for_port(self.port)
        except TimeoutError:
            self.kill()
            log = self.root / "dovecot.log"
            raise RuntimeError("Dovecot did not start: " + (
                log.read_text()[-2000:] if log.exists() else "no log")) from None

    def kill(self) -> None:
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None

    def url(self, user: str, password: str, folder: str = "INBOX") -> str:
        return f"imap://{user}:{password}@127.0.0.1:{self.port}/{folder}"

    def client(self, user: str, password: str):  # type: ignore[no-untyped-def]
        from imapclient import IMAPClient

        client = IMAPClient("127.0.0.1", port=self.port, ssl=False, timeout=30)
        client.login(user, password)
        return client

    def append(self, user: str, password: str, mails: Iterable[bytes],
               folder: str = "INBOX") -> None:
        """Deliver mails into ``folder`` (MULTIAPPEND, 200 at a time)."""
        client = self.client(user, password)
        try:
            batch: list[bytes] = []
            for raw in mails:
                batch.append(raw)
                if len(batch) == 200:
                    client.multiappend(folder, batch)
                    batch = []
            if batch:
                client.multiappend(folder, batch)
        finally:
            client.logout()

    def destroy(self) -> None:
        self.kill()
        shutil.rmtree(self.root, ignore_errors=True)
