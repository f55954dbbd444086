"""A learner's own report over their saved progress: accuracy by day, most missed, due today."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from rich.console import Console

from tui.core.checking.checker import AnswerChecker
from tui.core.deck.loading import load_deck
from tui.core.progress.report import end_of_day, learner_report
from tui.core.progress.store import DATABASE_NAME, ProgressStore
from tui.core.quiz.rounds import QuizSession, RoundSpec, build_round
from tui.present.progress import accuracy_line, learner_report_view, sparkline

QUIZDECK = Path(__file__).parent / "data" / "quizdeck"
NOW = datetime(2026, 12, 1, 15, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def deck():
    return load_deck([QUIZDECK])


def save_answer(store: ProgressStore, deck, fact_id: str, given: str | None, when: datetime) -> None:
    """Answer one typed question on `fact_id` as a quiz does (None reveals it), saved at `when`."""
    round_ = build_round(deck, RoundSpec(count=1, types=("typed",), only=(fact_id,)))
    session = QuizSession(deck, round_, AnswerChecker(deck))
    result = session.reveal() if given is None else session.answer(given)
    store.record_answer(deck, result, when=when)


@pytest.fixture
def store(tmp_path, deck):
    with ProgressStore(tmp_path / DATABASE_NAME) as store:
        day1, day2 = NOW - timedelta(days=2), NOW - timedelta(days=1)
        save_answer(store, deck, "crossing-time", "17", day1)        # wrong
        save_answer(store, deck, "mayor-name", "Ada Lindqvist", day1)  # right
        save_answer(store, deck, "crossing-time", "19", day2)        # wrong again
        save_answer(store, deck, "ferry-cost", None, day2)           # revealed: a miss
        save_answer(store, deck, "mayor-name", "Ada Lindqvist", day2)
        save_answer(store, deck, "ticket-price", "4", day2)
        yield store


def test_accuracy_is_counted_per_day_as_a_round_scores_it(store, deck):
    report = learner_report(store, deck, now=NOW, zone=timezone.utc)
    assert [(d.day, d.answered, d.right) for d in report.days] == [
        (date(2026, 11, 29), 2, 1), (date(2026, 11, 30), 4, 2)]
    assert (report.answers, report.right, report.percent) == (6, 3, 50.0)


def test_the_most_missed_fact_comes_first_with_the_last_wrong_answer(store, deck):
    report = learner_report(store, deck, now=NOW, zone=timezone.utc)
    assert [(m.fact_id, m.misses, m.answers, m.last_wrong) for m in report.most_missed] == [
        ("crossing-time", 2, 2, "19"), ("ferry-cost", 1, 1, "")]


def test_due_today_reaches_the_end_of_the_learners_day(store, deck):
    # a miss is due again a day later: crossing-time (missed yesterday 15:00) is due today at 15:00
    morning = NOW.replace(hour=9)
    report = learner_report(store, deck, now=morning, zone=timezone.utc)
    assert "crossing-time" in report.due_today and "ferry-cost" in report.due_today
    assert report.due_now < len(report.due_today)  # not all of today's are due yet at 9:00
    assert "mayor-name" not in report.due_today  # answered right: due in days


def test_end_of_day_is_local_midnight():
    plus_two = timezone(timedelta(hours=2))
    assert end_of_day(datetime(2026, 12, 1, 23, 30, tzinfo=timezone.utc), plus_two) == \
        datetime(2026, 12, 3, 0, 0, tzinfo=plus_two)  # 23:30 UTC is already 2 December at +2


def test_no_answers_gives_an_empty_report(tmp_path, deck):
    with ProgressStore(tmp_path / DATABASE_NAME) as store:
        report = learner_report(store, deck, now=NOW)
    assert (report.answers, report.percent, report.days, report.most_missed, report.due_today) == (0, None, (), (), ())
    assert "no answers yet" in accuracy_line(report.days).plain


def test_the_sparkline_has_one_bar_per_day_on_a_fixed_scale():
    assert sparkline([0, 50, 100]) == "▁▅█"
    assert sparkline([100]) == "█" and sparkline([]) == ""


def test_the_text_report_names_the_facts_and_draws_the_days(store, deck):
    report = learner_report(store, deck, now=NOW, zone=timezone.utc)
    console = Console(width=120, record=True, color_system=None)
    console.print(learner_report_view(report, deck))
    shown = console.export_text()
    assert "6 answers · 50% right" in shown
    assert "Accuracy by day: ▅▅  50% on 2026-11-29 … 50% on 2026-11-30" in shown
    assert "crossing-time" in shown and "2 of 2" in shown and deck.facts_by_id["crossing-time"].statement[:40] in shown
    assert "Due today" in shown
