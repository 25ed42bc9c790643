"""The exception tree: one module, and the families callers rely on."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import assistant
from assistant import errors

# Exception classes that live beside their code on purpose (see the errors module docstring).
ELSEWHERE = {"assistant.flow.Stop", "assistant.history.recording.NotOurs"}


def _modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(assistant.__path__, "assistant.")
            if not m.name.startswith("assistant.history.migrations")
            and m.name != "assistant.__main__"]


def test_every_exception_class_is_in_the_errors_module() -> None:
    """No module but assistant.errors defines an exception class (two named exceptions aside)."""
    found = set()
    for name in _modules():
        module = importlib.import_module(name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, BaseException) and value.__module__ == name:
                found.add(f"{name}.{value.__qualname__}")
    assert ELSEWHERE == found - {f"assistant.errors.{n}" for n in vars(errors)}


def test_outages_share_the_unavailable_base() -> None:
    """Store, mailbox, SMTP and flow outages are all Unavailable: callers retry them alike."""
    for outage in (errors.StoreUnavailable, errors.MailboxUnavailable, errors.SmtpUnavailable,
                   errors.FlowUnavailable):
        assert issubclass(outage, errors.Unavailable)
    assert not issubclass(errors.DeliveryUnknown, errors.Unavailable)


def test_an_unreachable_mail_server_is_not_delivered_and_may_be_retried() -> None:
    """SmtpUnavailable is a transient NotDelivered, so the sender's retry logic applies."""
    error = errors.SmtpUnavailable("ConnectionRefusedError: [Errno 111]")
    assert isinstance(error, errors.NotDelivered) and error.permanent is False


def test_configuration_errors_are_value_errors() -> None:
    """Settings, knowledge, model and schema errors are ConfigurationErrors (exit code 2)."""
    for error in (errors.SettingsError, errors.KnowledgeError, errors.ModelError,
                  errors.SchemaError):
        assert issubclass(error, errors.ConfigurationError)
        assert issubclass(error, ValueError)
