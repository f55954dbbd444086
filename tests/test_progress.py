"""The progress store: answers and rounds survive, FSRS schedules facts, nothing is half-written."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.core.deck.loading import load_deck
from tui.core.checking.checker import AnswerChecker
from tui.core.progress import store as progress
from tui.core.progress.store import (
    DATA_DIR_ENV, DATABASE_NAME, ProgressError, ProgressRecorder, ProgressStore, card_id_for, default_data_dir,
)
from tui.core.quiz.rounds import QuizSession, RoundSpec, build_round

QUIZDECK = Path(__file__).parent / "data" / "quizdeck"
NOW = datetime(2025, 6, 3, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def deck():
    return load_deck([QUIZDECK])


def typed_session(deck, fact_id: str) -> QuizSession:
    spec = RoundSpec(count=1, types=("typed",), seed=3, only=(fact_id,))
    return QuizSession(deck, build_round(deck, spec), AnswerChecker(deck), clock=lambda: 0.0)


@pytest.fixture
def store(tmp_path):
    with ProgressStore(tmp_path / DATABASE_NAME) as opened:
        yield opened


def test_a_right_answer_schedules_the_fact_days_ahead_with_a_stable_card_id(deck, store):
    fact = deck.fact("mayor-name")
    result = typed_session(deck, fact.id).answer(fact.answer)
    assert result.verdict == "correct"

    store.record_answer(deck, result, when=NOW)

    card = store.card(deck, fact.id)
    assert card is not None and card.card_id == card_id_for(deck.title, fact.id)
    assert card.due > NOW + timedelta(hours=12)
    assert store.due_fact_ids(deck, NOW) == []
    assert store.due_fact_ids(deck, NOW + timedelta(days=60)) == [fact.id]


def test_a_wrong_answer_makes_the_fact_due_again_sooner_than_a_right_one(deck, store):
    right = typed_session(deck, "mayor-name").answer("Ada Lindqvist")
    wrong = typed_session(deck, "crossing-time").answer("17")
    assert (right.verdict, wrong.verdict) == ("correct", "incorrect")

    store.record_answer(deck, right, when=NOW)
    store.record_answer(deck, wrong, when=NOW)

    assert store.card(deck, "crossing-time").due < store.card(deck, "mayor-name").due
    assert store.due_fact_ids(deck, NOW + timedelta(days=1)) == ["crossing-time"]


def test_a_skip_is_logged_but_is_not_a_review(deck, store):
    skipped = typed_session(deck, "ticket-price").skip()

    store.record_answer(deck, skipped, when=NOW)

    assert store.card(deck, "ticket-price") is None
    assert store.summary(deck, NOW).answers == 1


def test_progress_survives_reopening_and_rounds_are_listed_newest_first(deck, tmp_path):
    path = tmp_path / DATABASE_NAME
    session = typed_session(deck, "mayor-name")
    session.answer("Ada Lindqvist")
    with ProgressStore(path) as first:
        first.record_answer(deck, session.last, when=NOW)
        first.record_round(deck, session.result(), when=NOW)
        first.record_round(deck, session.result(), when=NOW + timedelta(minutes=5))

    with ProgressStore(path) as reopened:
        summary = reopened.summary(deck, NOW)
    assert (summary.answers, summary.facts_seen, summary.facts_due) == (1, 1, 0)
    assert [r.score for r in summary.rounds] == [1, 1]
    assert summary.rounds[0].finished_at > summary.rounds[1].finished_at


def test_progress_is_kept_per_deck(deck, store):
    result = typed_session(deck, "mayor-name").answer("Ada Lindqvist")
    store.record_answer(deck, result, when=NOW)

    assert store.summary(dataclasses.replace(deck, title="another deck"), NOW).answers == 0
    assert store.card(dataclasses.replace(deck, title="another deck"), "mayor-name") is None


def test_a_failed_write_saves_nothing_of_that_answer(deck, store):
    result = typed_session(deck, "mayor-name").answer("Ada Lindqvist")
    # The answer row goes in first; make the card write after it fail.
    store._db.execute("CREATE TRIGGER no_cards BEFORE INSERT ON cards BEGIN SELECT RAISE(ABORT, 'disk full'); END")

    with pytest.raises(ProgressError, match="could not save progress"):
        store.record_answer(deck, result, when=NOW)

    assert store._db.execute("SELECT count(*) FROM answers").fetchone()[0] == 0


def test_answers_given_while_another_process_holds_the_file_are_saved_once_it_is_free(deck, tmp_path, monkeypatch):
    path = tmp_path / DATABASE_NAME
    ProgressStore(path).close()
    monkeypatch.setattr(progress, "BUSY_TIMEOUT_SECONDS", 0.01)  # fail fast instead of waiting
    session = typed_session(deck, "mayor-name")
    first = session.answer("Ada Lindqvist")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another factdrill (or a sqlite shell) in mid-write
    recorder = ProgressRecorder(deck, path)

    problem = recorder.answered(first)
    assert problem is not None and "locked" in problem and recorder.unsaved == 1
    assert recorder.finished(session.result()) is None  # told once; kept, not dropped

    other.execute("COMMIT")
    other.close()
    recorder.close()

    assert recorder.unsaved == 0
    with ProgressStore(path) as store:
        summary = store.summary(deck)
        assert (summary.answers, len(summary.rounds)) == (1, 1)
        assert store.card(deck, "mayor-name") is not None


def test_a_progress_file_of_another_shape_is_a_one_line_error_when_read(deck, tmp_path):
    path = tmp_path / DATABASE_NAME
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE cards (deck TEXT, fact_id TEXT, card TEXT)")  # no `due`: another program's file
    other.commit()
    other.close()

    with ProgressStore(path) as store:
        for read in (store.due_fact_ids, store.summary):
            with pytest.raises(ProgressError, match="cannot read progress"):
                read(deck.title)


def test_a_file_that_is_not_a_progress_database_is_reported_and_left_untouched(tmp_path):
    path = tmp_path / DATABASE_NAME
    path.write_bytes(b"my notes, not a database\n" * 100)

    with pytest.raises(ProgressError) as raised:
        ProgressStore(path)

    message = str(raised.value)
    assert str(path) in message and "\n" not in message
    assert path.read_bytes() == b"my notes, not a database\n" * 100


def test_the_data_directory_can_be_chosen_by_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "classroom"))
    assert default_data_dir() == tmp_path / "classroom"
    with ProgressStore() as store:
        assert store.path == tmp_path / "classroom" / DATABASE_NAME
    assert sqlite3.connect(tmp_path / "classroom" / DATABASE_NAME).execute(
        "SELECT name FROM sqlite_master WHERE name = 'answers'").fetchone()


def test_card_ids_are_stable_and_distinct():
    assert card_id_for("deck", "a") == card_id_for("deck", "a")
    assert len({card_id_for("deck", f"fact-{i}") for i in range(2000)}) == 2000
    assert card_id_for("deck", "a") != card_id_for("other", "a")


def test_due_in_a_deck_leaves_out_facts_the_deck_no_longer_has(deck, store):
    wrong = typed_session(deck, "crossing-time").answer("17")
    store.record_answer(deck, wrong, when=NOW)
    renamed = dataclasses.replace(wrong.question, fact=dataclasses.replace(wrong.question.fact, id="renamed-since"))
    store.record_answer(deck, dataclasses.replace(wrong, question=renamed), when=NOW)

    later = NOW + timedelta(days=2)
    assert set(store.due_fact_ids(deck, later)) == {"crossing-time", "renamed-since"}
    assert store.due_in(deck, later) == ["crossing-time"]


def test_close_answers_are_counted_apart_per_round_and_overall(deck, tmp_path):
    path = tmp_path / DATABASE_NAME
    session = typed_session(deck, "mayor-name")
    result = session.answer("Ada Lindqvst")  # a one-letter slip: close, counted as right
    assert result.verdict == "close"
    with ProgressStore(path) as store:
        store.record_answer(deck, result, when=NOW)
        store.record_round(deck, session.result(), when=NOW)
        summary = store.summary(deck, NOW)
    assert summary.close_answers == 1
    assert [(r.score, r.close, r.total) for r in summary.rounds] == [(1, 1, 1)]


def test_a_progress_file_from_before_close_counts_opens_and_reads_zero(deck, tmp_path):
    path = tmp_path / DATABASE_NAME
    with sqlite3.connect(path) as old:
        old.execute("CREATE TABLE rounds (id INTEGER PRIMARY KEY, deck TEXT NOT NULL, finished_at TEXT NOT NULL,"
                    " score INTEGER NOT NULL, total INTEGER NOT NULL, seconds REAL NOT NULL, spec TEXT NOT NULL)")
        old.execute("INSERT INTO rounds (deck, finished_at, score, total, seconds, spec) VALUES (?, ?, 3, 4, 9, '{}')",
                    (deck.title, "2025-06-02T10:00:00.000000+00:00"))
    with ProgressStore(path) as store:
        assert [(r.score, r.close, r.total) for r in store.summary(deck, NOW).rounds] == [(3, 0, 4)]


def test_every_summary_shows_close_answers_apart(deck, tmp_path):
    from tui.core.drills.model import Drill
    from tui.core.progress.report import learner_report
    from tui.present.drill import score_line
    from tui.present.progress import totals_line
    from tui.present.quiz import summary as round_summary

    session = typed_session(deck, "mayor-name")
    session.answer("Ada Lindqvst")  # a slip: close, counted as right
    result = session.result()
    assert (result.score, result.close) == (1, 1)
    assert "Score: 1/1 (1 close)" in round_summary(deck, result).plain
    drill = Drill(path=Path("d.toml"), id="d", title="d", deck_paths=(QUIZDECK,), seed=1)
    assert "Score 1 of 1 (100%, 1 close)" in score_line(drill, result, 1).plain
    with ProgressStore(tmp_path / DATABASE_NAME) as store:
        store.record_answer(deck, result.results[0], when=NOW)
        assert "100% right (1 close)" in totals_line(learner_report(store, deck, now=NOW)).plain
