"""Secrets stay secret: masking in `assistant config`, no password in error messages, and no
command that signs or keys hashes runs with an unfit ASSISTANT_SECRET_KEY."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.commands import main
from assistant.errors import SettingsError
from assistant.inbound import parse_inbox
from assistant.outbound.smtp import SmtpTarget
from assistant.settings import PLACEHOLDER_SECRET_KEYS, mask
from tests.helpers import ROOT

PASSWORD_URLS = [
    ("imaps://u:S3cr/et@h:993/INBOX", "S3cr", "imaps://u:***@h:993/INBOX"),
    ("imap://u:S3cr#et@h/INBOX", "S3cr", "imap://u:***@h/INBOX"),
    ("postgresql://app:S3cr?et@db:5432/x", "S3cr", "postgresql://app:***@db:5432/x"),
    ("smtp://u:S3cr@et@mail.example:587?starttls=1", "S3cr",
     "smtp://u:***@mail.example:587?starttls=1"),
    ("imaps://u:S3cr/et@h:99x/INBOX", "S3cr", "imaps://u:***@h:99x/INBOX"),
    ("imaps://[::1:S3cr@h/INBOX", "S3cr", None),  # does not parse as a URL at all
    ("postgresql://app:S3cret@db:5432/x", "S3cret", "postgresql://app:***@db:5432/x"),
]


@pytest.mark.parametrize(("url", "secret", "shown"), PASSWORD_URLS)
def test_mask_hides_any_password(url: str, secret: str, shown: str | None) -> None:
    """Unencoded /, # and ? in a password, an @ in it, a bad port, an unparseable URL: the
    password never shows, and the rest stays readable where it can be."""
    masked = mask(url)
    assert secret not in masked
    if shown is not None:
        assert shown == masked


def test_config_masks_password_with_slash(capsys: pytest.CaptureFixture[str]) -> None:
    """`assistant config` prints imaps://u:S3cr/et@h:993/INBOX without the password."""
    assert 0 == main(["config"], {"ASSISTANT_INBOX": "imaps://u:S3cr/et@h:993/INBOX",
                                  "ASSISTANT_SENT_FOLDER": "imap://u:S3cr#et@h/Sent"})
    out = capsys.readouterr().out
    assert "ASSISTANT_INBOX=imaps://u:***@h:993/INBOX" in out
    assert "S3cr" not in out


def test_worker_error_does_not_echo_the_password(capsys: pytest.CaptureFixture[str]) -> None:
    """A broken inbox URL stops `assistant run` with a reason that quotes no part of it."""
    for url in ("imaps://u:S3cr/et@h:993/INBOX", "imaps://u:S3cret@h:99x/INBOX", "S3cret@h"):
        assert 2 == main(["run", "--once"], {"ASSISTANT_INBOX": url})
        err = capsys.readouterr().err
        assert "ASSISTANT_INBOX" in err and "S3cr" not in err


def test_url_errors_name_the_problem_not_the_password() -> None:
    """The inbox and SMTP URL parsers say what to fix (percent-encoding, the port)."""
    with pytest.raises(ValueError, match="percent-encode") as inbox:
        parse_inbox("imaps://u:S3cr/et@h:993/INBOX")
    with pytest.raises(SettingsError, match="percent-encode") as smtp:
        SmtpTarget.parse("smtp://u:S3cr/et@h:25")
    with pytest.raises(SettingsError, match="port") as port:
        SmtpTarget.parse("smtp://u:S3cret@h:2x5")
    assert not any("S3cr" in str(e.value) for e in (inbox, smtp, port))


def test_no_password_in_the_repr_of_parsed_urls() -> None:
    """A parsed URL that ends up in a log line or a traceback does not carry the password."""
    assert "S3cret" not in repr(parse_inbox("imaps://u:S3cret@h:993/INBOX"))
    assert "S3cret" not in repr(SmtpTarget.parse("smtp://u:S3cret@h:25"))


def test_placeholder_secret_key_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """`assistant serve` with the .env.example placeholder stops (exit 2) and says why; the
    placeholder list knows the value .env.example ships."""
    example = (ROOT / ".env.example").read_text()
    shipped = re.search(r"^ASSISTANT_SECRET_KEY=(.*)$", example, re.M).group(1).strip()
    assert shipped in PLACEHOLDER_SECRET_KEYS
    assert 2 == main(["serve"], {"ASSISTANT_SECRET_KEY": shipped})
    assert "placeholder" in capsys.readouterr().err


@pytest.mark.parametrize("key", ["", "0123456789abcdef", "a" * 16, "a" * 64,
                                 "abababababababababababababababab"])
def test_short_or_repetitive_secret_key_refused(key: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Empty, shorter than 32 characters, or one (or two) characters repeated: refused."""
    assert 2 == main(["serve"], {"ASSISTANT_SECRET_KEY": key})
    assert "ASSISTANT_SECRET_KEY" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["users", "list"], ["users", "add", "dora"],
                                     ["users", "password", "anna"],
                                     ["users", "deactivate", "anna"],
                                     ["privacy", "export", "a@b.example"],
                                     ["privacy", "erase", "a@b.example", "--yes"]])
def test_keyed_commands_refuse_a_weak_key(command: list[str], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command that signs, keys hashes or prepares accounts stops before it asks for a
    password or opens the database."""
    environ = {"ASSISTANT_SECRET_KEY": "x" * 40,
               "ASSISTANT_DATABASE_URL": f"sqlite:///{tmp_path / 'never.db'}"}
    monkeypatch.setattr("sys.stdin.readline", lambda: pytest.fail("asked for a password"))
    assert 2 == main(command, environ)
    assert not (tmp_path / "never.db").exists()


def test_a_random_key_is_accepted() -> None:
    """What the README tells operators to run gives a key every command takes."""
    import secrets

    from assistant.settings import Settings

    key = secrets.token_hex(32)
    assert key == Settings.load({"ASSISTANT_SECRET_KEY": key}).signing_key()
