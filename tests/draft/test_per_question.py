"""One answer or one marked gap per question; rule notices said once; nothing promised that the
verdict denies; a conversation's earlier replies not repeated."""

from __future__ import annotations

from assistant.parse import parse
from assistant.values import (
    Draft,
    Eligibility,
    Facts,
    Finding,
    Kind,
    Question,
    Thread,
    Understanding,
    Verdict,
)
from tests.core import mail, pipeline

UNKNOWN = Verdict(Eligibility.UNKNOWN, None, None, None)


def draft(*questions: Question, verdict: Verdict = UNKNOWN, thread: Thread | None = None,
          language: str = "de") -> Draft:
    understanding = Understanding(kind=Kind.INQUIRY, kind_reason="", language=language,
                                  questions=questions)
    return pipeline().drafter(parse(mail("Frage")), understanding, verdict, thread)


def sources(d: Draft) -> list[str | None]:
    return [b.source for b in d.blocks]


def test_an_unrecognised_question_is_a_gap_that_quotes_it() -> None:
    """A question the assistant could not place is quoted in a marked gap; the draft needs
    staff and says why."""
    d = draft(Question("Darf der Gemeinderat per Video tagen?", ()))
    [gap] = d.blocks
    assert gap.gap and "„Darf der Gemeinderat per Video tagen?“" in gap.text
    assert gap.text.startswith("[[BITTE ERGÄNZEN:")
    assert d.needs_staff and "gap: notice.unrecognised" in d.staff_reasons


def test_a_question_only_staff_can_answer_is_a_gap_with_its_topic() -> None:
    """Out of scope and the state of an application: the question is quoted with the topic."""
    d = draft(Question("Ist der Zuschuss umsatzsteuerpflichtig?", ("out_of_scope",)),
              Question("Wie weit ist unser Antrag?", ("application_status",)))
    assert [True, True] == [b.gap for b in d.blocks]
    assert "umsatzsteuerpflichtig" in d.blocks[0].text
    assert "nur Mitarbeitende" in d.blocks[1].text
    assert d.needs_staff


def test_answers_come_in_the_mails_order_once_per_intent() -> None:
    """Two questions about the same intent get one block; the order is the mail's."""
    d = draft(Question("Wie lange läuft das?", ("duration",)),
              Question("Wo steht die Richtlinie?", ("guideline",)),
              Question("Und wie viele Monate sind es genau?", ("duration",)))
    assert ["answer.duration", "answer.guideline"] == sources(d)
    assert not d.needs_staff


def test_a_question_the_answer_covers_in_part_gets_the_answer_and_a_gap() -> None:
    """"Kann die Frist verlängert werden?" gets the 18 months and a gap for the rest."""
    d = draft(Question("Wie lange haben wir Zeit, und kann die Frist verlängert werden?",
                       ("duration",)))
    assert ["answer.duration", "answer.duration"] == sources(d)
    assert [False, True] == [b.gap for b in d.blocks]
    assert "verlängert" in d.blocks[1].text and d.needs_staff


def test_the_verdict_states_the_rule_once() -> None:
    """With a verdict, the eligibility answer is the verdict notice alone: the 50,000 rule is
    not said twice."""
    verdict = Verdict(Eligibility.ELIGIBLE, "stated", 8500, "Hessen")
    d = draft(Question("Sind wir antragsberechtigt?", ("eligibility",)), verdict=verdict)
    assert ["notice.eligible"] == sources(d)
    assert 1 == d.text.count("50.000")


def test_not_eligible_comes_first_and_nothing_encourages() -> None:
    """A town that cannot apply reads that first; questions that presume it may apply go to
    staff; no cooperation hint, even under 10,000 inhabitants."""
    verdict = Verdict(Eligibility.NOT_ELIGIBLE, "stated", 6000, "Bayern", checks=(
        Finding("state", "not_eligible", "", ""), Finding("cooperation", "hint", "", "")))
    d = draft(Question("Wie stellen wir den Antrag?", ("application_process",)),
              Question("Wo finden wir die Richtlinie?", ("guideline",)), verdict=verdict)
    assert "notice.not_eligible_state" == d.blocks[0].source
    process = next(b for b in d.blocks if b.intent == "application_process")
    assert process.gap and "Antragsberechtigung" in process.text
    assert "answer.guideline" in sources(d)
    assert "notice.cooperation" not in sources(d)


def test_a_named_sum_above_the_cap_is_answered_by_the_cap_notice_alone() -> None:
    """"Wie hoch ist die Förderung?" with 38,500 € named: the cap notice states the maximum;
    the plain answer would say it again."""
    verdict = Verdict(Eligibility.UNKNOWN, None, None, None,
                      checks=(Finding("cap", "over_cap", "", ""),))
    understanding = Understanding(
        kind=Kind.INQUIRY, kind_reason="", language="de", facts=Facts(amount_eur=38500),
        questions=(Question("Wie hoch ist die Förderung?", ("funding_amount",)),))
    d = pipeline().drafter(parse(mail("Frage")), understanding, verdict)
    assert ["notice.cap"] == [s for s in sources(d) if s != "notice.ask_population"]
    assert 1 == d.text.count("30.000")


def test_a_supplied_population_is_thanked_for_and_judged() -> None:
    """A reply that gives the population we asked for gets thanks and the verdict."""
    verdict = Verdict(Eligibility.ELIGIBLE, "stated", 7450, None)
    d = draft(Question("wir haben 7.450 Einwohner.", ("eligibility",), "supplied"),
              verdict=verdict)
    assert ["notice.supplied", "notice.eligible"] == sources(d)
    assert "vielen Dank für die Angabe." in d.text and "7.450" in d.text
    assert "Nachricht" not in d.text  # in place of the general thanks, not beside it


def test_a_notice_our_earlier_reply_gave_is_not_repeated() -> None:
    """The cooperation hint already sent in this conversation is not repeated in the reply to
    a follow-up that asks about something else."""
    verdict = Verdict(Eligibility.ELIGIBLE, "stated", 6000, "Hessen",
                      checks=(Finding("cooperation", "hint", "", ""),))
    question = Question("Wie beteiligen wir die Bürger?", ("participation",))
    first = draft(question, verdict=verdict)
    again = draft(question, verdict=verdict, thread=Thread(said=frozenset({"notice.cooperation"})))
    assert "notice.cooperation" in sources(first)
    assert "notice.cooperation" not in sources(again)


def test_english_mail_gets_english_gaps() -> None:
    """The gap marker and its quote are in the mail's language."""
    d = draft(Question("Can the mayor attend by video?", ()), language="en")
    assert d.blocks[0].text.startswith("[[PLEASE COMPLETE:")
    assert '"Can the mayor attend by video?"' in d.blocks[0].text
