"""What kind of mail this is: inquiry, acknowledgement, auto-reply or bounce.

Headers decide first, then the text, because machine mail often lacks the headers that should
mark it (many out-of-office replies are plain mails with an "AW:" subject) and a person sometimes
sends a mail that looks machine-made (a forwarded error report with a question on top).

Order matters: bounces before auto-replies (bounces often carry ``Auto-Submitted`` too), and both
before the human kinds. Machine mail is never answered, so when a signal is ambiguous between a
person and a machine, a forwarded report with a question is the only exception we make.
"""

from __future__ import annotations

import re

from assistant.understand.sentences import units
from assistant.values import Kind, Mail

_BOUNCE_SENDER = re.compile(r"^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon|"
                            r"mail\.delivery\.system|bounce[s]?|noreply-dsn)@")
_BOUNCE_SUBJECT = re.compile(
    r"undeliver|undelivered\s+mail|returned\s+mail|mail\s+delivery\s+(?:failed|failure|"
    r"subsystem)|delivery\s+status\s+notification|delivery\s+(?:has\s+)?failed|failure\s+notice|"
    r"unzustellbar|nicht\s+zustellbar|zustellung\s+(?:fehlgeschlagen|gescheitert|verz(?:ö|oe)gert)|"
    r"unzustellbare|non[- ]?delivery|delivery\s+(?:delayed|notification)|warning:\s+could\s+not\s+"
    r"send|message\s+not\s+delivered|returned\s+to\s+sender|nondeliverable|"
    r"(?:fehlgeschlagene|gescheiterte)\s+zustellung|could\s+not\s+be\s+delivered|"
    r"delivery\s+(?:failure|problem|warning|postponed)|user\s+unknown|no\s+such\s+user|"
    r"mailbox\s+(?:full|unavailable)|quota\s+exceeded|rejected|fehlermeldung|zustellungsfehler|"
    r"(?:mail|message)\s+(?:could\s+not|cannot|can't)\s+be\s+(?:sent|delivered)|"
    r"unable\s+to\s+deliver|nicht\s+(?:zugestellt|(?:ü|ue)bermittelt)",)
_BOUNCE_TEXT = re.compile(
    r"could\s+not\s+be\s+delivered|couldn'?t\s+be\s+delivered|was\s+not\s+delivered|"
    r"delivery\s+(?:to\s+the\s+following\s+recipients?\s+)?(?:has\s+)?failed|"
    r"permanent(?:ly)?\s+(?:error|failure|fatal)|konnte\s+nicht\s+zugestellt\s+werden|"
    r"nicht\s+zugestellt\s+werden\s+konnte|unzustellbar|zustellung\s+(?:ist\s+)?fehlgeschlagen|"
    r"mail\s+delivery\s+(?:failed|software)|the\s+following\s+address(?:es|\(es\))?\s+failed|"
    r"recipient\s+address\s+rejected|user\s+unknown|mailbox\s+(?:unavailable|full|disabled)|"
    r"\b5\.\d\.\d{1,3}\b|\b4\.\d\.\d{1,3}\b.*(?:delay|verz)|delivery\s+(?:is\s+)?delayed|"
    r"this\s+is\s+the\s+mail\s+system\s+at|returned\s+message|noch\s+nicht\s+zugestellt",)
_HEAD_CHARS = 8000
_FORWARD = re.compile(r"^\s*(?:wg|fw|fwd|weitergeleitet)\s*:")

_AUTO_SUBJECT = re.compile(
    r"automatische\s+antwort|automatic\s+reply|auto(?:matic)?[- ]?reply|autoreply|"
    r"abwesenheits(?:notiz|nachricht|meldung)|out\s+of\s+(?:the\s+)?office|ooo\b|abwesend\b|"
    r"urlaubs?(?:abwesenheit|vertretung)|on\s+vacation|on\s+leave|eingangsbest(?:ä|ae)tigung|"
    r"empfangsbest(?:ä|ae)tigung|ticket\s*(?:#|nr|nummer|number)|\[(?:vorgang|ticket|case|"
    r"anfrage)\s*#|\b(?:vorgang|ticket|case|request)\s*#?\s*\d{3,}|we\s+have\s+received\s+your|"
    r"wir\s+haben\s+ihre\s+(?:e-?mail|nachricht|anfrage)\s+erhalten|"
    r"ihre\s+(?:anfrage|nachricht|e-?mail)\s+(?:ist\s+)?(?:bei\s+uns\s+)?eingegangen|"
    r"acknowledg(?:e)?ment\s+of\s+receipt|receipt\s+confirmation",)
_AUTO_TEXT_PARTS = (
    r"nicht\s+im\s+(?:büro|buero|dienst|hause?|haus|rathaus|amt|office)",
    r"au(?:ß|ss)er\s+haus|ausser\s+haus|nicht\s+erreichbar|abwesend|in\s+urlaub|im\s+urlaub|"
    r"urlaubsbedingt|krankheitsbedingt|elternzeit|dienstreise|fortbildung",
    r"keinen\s+zugriff\s+auf\s+(?:meine|mein|die)\s+(?:e-?mails?|postfach)|"
    r"(?:limited|no)\s+access\s+to\s+(?:my\s+)?e-?mails?",
    r"(?:wird|werden)\s+(?:nicht\s+)?(?:automatisch\s+)?weitergeleitet|not\s+(?:be\s+)?forwarded|"
    r"nicht\s+gelesen|weder\s+gelesen\s+noch|(?:will\s+)?not\s+be\s+read",
    r"(?:in|bei)\s+dringenden\s+(?:fällen|faellen|angelegenheiten|anliegen)|(?:for|in)\s+(?:urgent|pressing)\s+"
    r"(?:matters|cases|enquiries|inquiries)|in\s+case\s+of\s+urgency|if\s+(?:your|the)\s+matter\s+is\s+urgent",
    r"(?:bin|sind)\s+(?:ab\s+dem|ab|am|bis|vom)\s+.{0,40}(?:wieder\s+(?:im|erreichbar|da|zur(?:ü|ue)ck)|"
    r"nicht|abwesend)|wieder\s+(?:im\s+(?:büro|buero|dienst|hause?)|erreichbar|zur(?:ü|ue)ck|"
    r"f(?:ü|ue)r\s+sie\s+da)",
    r"out\s+of\s+(?:the\s+)?office|on\s+(?:annual\s+|parental\s+|sick\s+)?leave|on\s+vacation|"
    r"away\s+from\s+(?:the|my)\s+(?:office|desk)|back\s+in\s+the\s+office|"
    r"return(?:ing)?\s+(?:to\s+the\s+office\s+)?on|(?:i\s+am|i'm)\s+(?:currently\s+)?(?:away|"
    r"unavailable|not\s+available)",
    r"automatisch(?:\s+erzeugte?|\s+generierte?|\s+versandte?|e)\s+(?:nachricht|antwort|"
    r"e-?mail|eingangsbest(?:ä|ae)tigung|benachrichtigung|best(?:ä|ae)tigung|mitteilung|meldung)|automatically\s+generated|"
    r"auto(?:matic|mated)\s+(?:reply|response|message|acknowledg)",
    r"(?:dies\s+ist\s+eine|automatische|als)\s+(?:\w+\s+)?eingangsbest(?:ä|ae)tigung|"
    r"eingangsbest(?:ä|ae)tigung\s+(?:ihrer|zu\s+ihrer|f(?:ü|ue)r\s+ihre)|vorgangsnummer|ticketnummer|ticket\s*(?:number|id|#)|"
    r"aktenzeichen\s+\S+\s+erfasst|unter\s+der\s+(?:nummer|vorgangsnummer|ticket-?nummer)|"
    r"reference\s+number|case\s+number",
    r"(?:postfach|nachricht|e-?mail)\s+wird\s+automatisch\s+(?:verwaltet|bearbeitet|erstellt|versandt)|"
    r"wird\s+sich\s+(?:schnellstm(?:ö|oe)glich|umgehend|zeitnah|baldm(?:ö|oe)glichst|in\s+k(?:ü|ue)rze)\s+"
    r"bei\s+ihnen\s+melden",
    r"bitte\s+antworten\s+sie\s+nicht|antworten\s+sie\s+(?:bitte\s+)?nicht\s+auf\s+diese|"
    r"do\s+not\s+reply|don'?t\s+reply|no-?reply|nicht\s+(?:mehr\s+)?(?:überwacht|ueberwacht)|not\s+monitored|"
    r"m(?:ü|ue)ssen\s+(?:auf\s+diese\s+e-?mail\s+)?nicht\s+antworten|"
    r"no\s+longer\s+(?:monitored|active|in\s+use|valid|checked)",
    r"(?:ihre|ihr)\s+(?:nachricht|anfrage|e-?mail|anliegen)\s+(?:ist|wurde)\s+(?:bei\s+uns\s+)?"
    r"(?:unter\s+der\s+(?:nummer|vorgangsnummer)\s+\S+\s+)?"
    r"(?:eingegangen|erfasst|registriert|weitergeleitet)|your\s+(?:message|request|e-?mail|"
    r"enquiry|inquiry)\s+(?:has\s+been|was)\s+(?:received|registered|logged|forwarded)|"
    r"we\s+(?:have\s+)?received\s+your\s+(?:message|request|e-?mail|enquiry|inquiry)",
    r"vertretung\s*:|vertretung\s+(?:übernimmt|uebernimmt|hat)|meine\s+vertretung|my\s+colleague\s+.{0,40}"
    r"(?:will|can)\s+(?:assist|help|deal)|wenden\s+sie\s+sich\s+bitte\s+an",
    # a mailbox that is gone or closed: nobody will read the mail
    r"(?:adresse|postfach|e-?mail-?adresse|mailbox|address)\s+(?:ist\s+|is\s+)?(?:nicht\s+mehr\s+"
    r"(?:aktiv|in\s+benutzung|besetzt|erreichbar|g(?:ü|ue)ltig)|no\s+longer\s+(?:active|in\s+use|"
    r"valid))|please\s+resend|bitte\s+senden\s+sie\s+ihre\s+(?:nachricht|e-?mail|anfrage)\s+"
    r"(?:erneut|an)|(?:rathaus|verwaltung|b(?:ü|ue)ro|amt)\s+(?:\w+\s+){0,4}geschlossen|"
    r"(?:office|town\s+hall)\s+(?:\w+\s+){0,3}closed|nicht\s+bearbeitet|"
    r"not\s+be\s+(?:processed|dealt\s+with)"
)
_AUTO_TEXT = tuple(re.compile(p) for p in _AUTO_TEXT_PARTS)


def _auto_reply_evidence(text: str, enough: int = 3) -> int:
    """How many different out-of-office / receipt wording families occur (counted up to
    ``enough``: no decision needs more)."""
    hits = 0
    for pattern in _AUTO_TEXT:
        if pattern.search(text):
            hits += 1
            if hits >= enough:
                break
    return hits
_THANKS = re.compile(
    r"\b(?:vielen|herzlichen|besten|recht\s+herzlichen|lieben|tausend)\s+dank\b|\bdanke\b|"
    r"\bbedanke\s+mich\b|\bbedanken\s+uns\b|\bthank\s+you\b|\bthanks\b|\bmany\s+thanks\b|"
    r"\bdankesch(?:ö|oe)n\b|\bdank\s+f(?:ü|ue)r\b|\bdange\b|\bmerci\b",)
_PRE_THANKS = re.compile(r"im\s+voraus|vorab|in\s+advance|schon\s+(?:jetzt|einmal)|beforehand",)
_CLOSURE = re.compile(
    r"alles\s+(?:geklärt|geklaert|klar)|hat\s+(?:uns|mir)\s+(?:sehr\s+)?(?:geholfen|weitergeholfen)|"
    r"weitergegeben|weitergeleitet|melden\s+uns|informieren\s+wir\s+sie|freuen\s+uns\s+(?:darauf|auf)|"
    r"passed\s+(?:it|this|the\s+information)\s+on|that\s+(?:answers|helps|clarifies)|"
    r"(?:we|i)\s+will\s+(?:get\s+back|be\s+in\s+touch|look\s+into)",)


def _header_machine_signal(mail: Mail) -> str | None:
    """The first header that marks the mail as machine-sent (auto-reply family), if any."""
    auto_submitted = (mail.header("auto-submitted") or "").strip().lower()
    if auto_submitted and not auto_submitted.startswith("no"):
        return f"Auto-Submitted: {auto_submitted}"
    for name in ("x-autoreply", "x-autorespond", "x-autoresponder", "x-auto-reply"):
        if mail.header(name) is not None:
            return f"Header {name}"
    for name in ("precedence", "x-precedence"):
        value = (mail.header(name) or "").strip().lower()
        if value in {"bulk", "junk", "list", "auto_reply", "auto-reply"}:
            return f"{name}: {value}"
    if mail.header("x-auto-response-suppress") is not None and \
            mail.header("x-ms-exchange-inbox-rules-loop") is not None:
        return "Exchange-Abwesenheitsnotiz (X-Auto-Response-Suppress mit Inbox-Rules-Loop)"
    if mail.header("list-id") is not None or mail.header("list-unsubscribe") is not None:
        return "Mailinglisten-Header"
    return None


def _empty_return_path(mail: Mail) -> bool:
    return (mail.header("return-path") or "").strip() in {"<>", ""} and \
        mail.header("return-path") is not None


_BULK_SIGNALS = ("precedence: bulk", "x-precedence: bulk", "precedence: list",
                 "x-precedence: list", "Mailinglisten-Header")


def _marketing_from_a_person(mail: Mail, signal: str, asks: bool) -> bool:
    """A sender's bulk mailer ("Precedence: bulk", List-Unsubscribe) that writes to us and asks
    something is a vendor or an association with a request, not a mailing list or an automatic
    reply: mailing lists name themselves with List-Id."""
    return (asks and signal in _BULK_SIGNALS and mail.header("list-id") is None
            and mail.header("list-unsubscribe") is not None
            and _auto_reply_evidence(mail.new_text.lower(), enough=1) == 0)


def classify_kind(mail: Mail, asks: bool | None = None) -> tuple[Kind, str]:
    """The mail's kind and a short reason for staff (in German, the staff's language).

    ``asks``: whether the mail asks something (its question units, see
    :mod:`assistant.understand.questions`); by default its sentences decide.
    """
    # The patterns are written in lower case and run on lower-cased text: much faster than
    # case-insensitive matching with Python's re.
    sender = (mail.sender.address if mail.sender else "").lower()
    subject = (mail.subject or "").lower()
    new_text = mail.new_text.lower()
    # The beginning of the text: its first 40 lines, at most _HEAD_CHARS characters (one pattern
    # below, "4.x.x … delay", costs time with the square of a line's length).
    head = "\n".join(new_text[:_HEAD_CHARS].split("\n")[:40])
    forwarded_by_person = bool(_FORWARD.match(subject)) and not _BOUNCE_SENDER.match(sender) \
        and mail.report_type is None
    # Machine mail is recognised with the sentences' own asking test, which errs on the side of
    # "machine": a reply is never sent to an automatic one. The question units (``asks``) decide
    # only between a person's thanks and a person's inquiry.
    machine_asks = any(unit.asking for unit in units(mail.new_text))
    person_asks = machine_asks if asks is None else asks
    asks = machine_asks

    # 1. Bounces: delivery reports, mailer daemons, failure wording.
    if mail.report_type == "delivery-status" or (mail.report_type and mail.dsn_actions):
        action = mail.dsn_actions[0] if mail.dsn_actions else "failed"
        return Kind.BOUNCE, f"Zustellbericht (Action: {action})"
    if not forwarded_by_person:
        if _BOUNCE_SENDER.match(sender) and (_BOUNCE_SUBJECT.search(subject)
                                             or _BOUNCE_TEXT.search(head)):
            return Kind.BOUNCE, f"Fehlerbericht von {sender.split('@')[0]}"
        if _BOUNCE_SUBJECT.search(subject) and (
                not asks or _BOUNCE_TEXT.search(mail.text[:4000].lower())):
            return Kind.BOUNCE, "Betreff meldet einen Zustellfehler"
        if not asks and len(_BOUNCE_TEXT.findall(head)) >= 2:
            return Kind.BOUNCE, "Text meldet einen Zustellfehler"
        if _empty_return_path(mail) and _BOUNCE_TEXT.search(head):
            return Kind.BOUNCE, "leerer Return-Path und Zustellfehler im Text"
        if _BOUNCE_SENDER.match(sender):
            return Kind.BOUNCE, f"gesendet von {sender.split('@')[0]}"

    # 2. Auto-replies: RFC 3834 and vendor headers, subjects, out-of-office wording.
    signal = _header_machine_signal(mail)
    if signal and _marketing_from_a_person(mail, signal, person_asks):
        signal = None
    if signal and not forwarded_by_person:
        return Kind.AUTO_REPLY, signal
    auto_hits = _auto_reply_evidence(new_text or mail.text[:3000].lower())
    if not forwarded_by_person:
        # A receipt-like subject with a person's question ("Keine Eingangsbestätigung für
        # unseren Antrag?") needs more than one sign of machine wording.
        if _AUTO_SUBJECT.search(subject) and (auto_hits >= 2 or (auto_hits >= 1 and not asks)
                                              or (not asks and "?" not in subject)):
            return Kind.AUTO_REPLY, "Betreff einer Abwesenheitsnotiz oder Eingangsbestätigung"
        # A question mark makes text-only evidence need more: people mention their absence too.
        if auto_hits >= (3 if "?" in mail.new_text else 2):
            return Kind.AUTO_REPLY, "Text einer Abwesenheitsnotiz oder Eingangsbestätigung"
        if _empty_return_path(mail) and not asks:
            return Kind.AUTO_REPLY, "leerer Return-Path"

    # 3. A person: thanks without a new question is an acknowledgement.
    if not person_asks and _THANKS.search(new_text) and not _only_pre_thanks(new_text):
        return Kind.ACKNOWLEDGEMENT, "Dank ohne neue Frage"
    if not person_asks and _CLOSURE.search(new_text) and len(new_text) < 600:
        return Kind.ACKNOWLEDGEMENT, "Bestätigung ohne neue Frage"
    return Kind.INQUIRY, "eine Person fragt oder bittet um etwas"


def _only_pre_thanks(text: str) -> bool:
    """"Vielen Dank im Voraus" thanks for an answer to come: not an acknowledgement."""
    hits = list(_THANKS.finditer(text))
    return bool(hits) and all(_PRE_THANKS.search(text[m.end():m.end() + 40]) for m in hits)
