"""Drill files: loading, every problem as file:line, the same round for everyone; taking a drill
under its time limits with every answer saved to the class store."""

from __future__ import annotations

from pathlib import Path

import pytest

from drill_helpers import (
    EXAM_DRILL, EXAMPLE_DRILL, FakeClock, ferries_drill, right_answer, wrong_answer, write_drill,
)
from tui.core.drills.loading import DrillProblems, load_drill
from tui.core.drills.recording import ResultsRecorder, clean_name
from tui.core.drills.resuming import RetryNotAllowed
from tui.core.drills.rounds import prepare_drill
from tui.core.drills.taking import DrillSession, TimeUp
from tui.core.quiz.runner import RoundState
from tui.core.results.opening import open_results
from tui.core.results.store import FINISHED, QUIT

GOOD = ferries_drill()


def test_example_drills_prepare_with_their_settings() -> None:
    prepared = prepare_drill(EXAMPLE_DRILL)
    drill = prepared.drill
    assert (drill.id, drill.seed, drill.question_seconds, drill.round_seconds, drill.pass_mark) == (
        "talks-week-1", 2025, 30, 600, 60.0)
    assert not drill.exam and not drill.retry and len(prepared.round) == 10
    assert all(set(q.tags) & {"talks", "delegations"} for q in prepared.round.questions)
    exam = prepare_drill(EXAM_DRILL)
    assert exam.drill.exam
    assert [(q.key, q.type) for q in exam.round.questions] == [
        ("umerov-leads-ukraine", "typed"), ("medinsky-leads-russia", "choice"),
        ("putin-did-not-attend", "claim"), ("talks-venue-istanbul", "typed")]


def test_every_pupil_gets_the_same_questions_and_options() -> None:
    first, second = prepare_drill(EXAMPLE_DRILL), prepare_drill(EXAMPLE_DRILL)
    assert first.round.questions == second.round.questions
    assert first.drill.content_hash == second.drill.content_hash and first.deck_hash == second.deck_hash


def test_a_changed_seed_changes_the_drill_and_its_hash(tmp_path: Path) -> None:
    one = prepare_drill(write_drill(tmp_path, GOOD, "one.toml"))
    two = prepare_drill(write_drill(tmp_path, GOOD.replace("seed = 3", "seed = 4"), "two.toml"))
    assert one.drill.content_hash != two.drill.content_hash
    assert one.deck_hash == two.deck_hash
    assert [q.key for q in one.round.questions] != [q.key for q in two.round.questions] or [
        q.options for q in one.round.questions] != [q.options for q in two.round.questions]


def _problems(path: Path) -> list[str]:
    with pytest.raises(DrillProblems) as caught:
        prepare_drill(path)
    return [str(p) for p in caught.value.problems]


def test_file_problems_are_reported_all_at_once_with_lines(tmp_path: Path) -> None:
    path = write_drill(tmp_path, """[drill]
title = "Bad"
deck = "DECK"
feedback = "sometimes"
question_seconds = -5
colour = "blue"

[select]
count = 0
types = ["essay"]
""")
    problems = _problems(path)
    where = path.name
    assert any(p.endswith(f"{where}:4: [drill]: 'feedback' must be \"each\" or \"end\" (exam mode)") for p in problems)
    assert any(f"{where}:5:" in p and "question_seconds" in p for p in problems)
    assert any(f"{where}:6:" in p and "unknown key 'colour'" in p for p in problems)
    assert any(f"{where}:9:" in p and "'count' must be at least 1" in p for p in problems)
    assert any(f"{where}:10:" in p and "unknown question type 'essay'" in p for p in problems)
    lines = [int(p.split(f"{where}:")[1].split(":")[0]) for p in problems]
    assert lines == sorted(lines)  # in file order, as a teacher fixes them top to bottom


def test_a_selection_the_deck_cannot_give_is_told_with_the_file_s_other_problems(tmp_path: Path) -> None:
    path = write_drill(tmp_path, """[drill]
title = "Bad"
deck = "DECK"
colour = "blue"

[select]
count = 3
tags = ["no-such-tag"]
""")
    problems = _problems(path)
    where = path.name
    assert [p.split(f"{where}:")[1].split(":")[0] for p in problems] == ["4", "8"]  # in file order, one go
    assert "unknown key 'colour'" in problems[0] and "the deck has no tag 'no-such-tag'" in problems[1]


def test_selection_is_checked_against_the_deck(tmp_path: Path) -> None:
    path = write_drill(tmp_path, """[drill]
title = "Unknowns"
deck = "DECK"

[select]
tags = ["no-such-tag"]
sources = ["harbour", "nowhere"]
""")
    problems = _problems(path)
    assert any(":6: [select]: the deck has no tag 'no-such-tag'" in p for p in problems)
    assert any(":7: [select]: the deck has no source 'nowhere'" in p for p in problems)


def test_explicit_questions_are_checked_one_by_one(tmp_path: Path) -> None:
    path = write_drill(tmp_path, """[drill]
title = "Explicit"
deck = "DECK"

[[questions]]
id = "crossing-time"
type = "typed"

[[questions]]
id = "no-such-fact"
type = "typed"

[[questions]]
id = "ferry-cost"
type = "claim"
""")
    problems = _problems(path)
    assert any(":10: question #2: the deck has no fact 'no-such-fact'" in p for p in problems)
    assert any(":15: question #3: 'ferry-cost' cannot be asked as claim" in p for p in problems)


def test_too_few_facts_for_the_count_is_a_problem(tmp_path: Path) -> None:
    problems = _problems(write_drill(tmp_path, GOOD.replace("count = 3", "count = 50")))
    assert any("the deck has only" in p and "'count' asks 50" in p for p in problems)


def test_broken_toml_and_missing_deck(tmp_path: Path) -> None:
    (tmp_path / "broken.toml").write_text("[drill\ntitle = 1\n")
    assert ":1:" in _problems(tmp_path / "broken.toml")[0]
    (tmp_path / "nodeck.toml").write_text('[drill]\ntitle = "x"\ndeck = "missing/"\n')
    assert any(":3: [drill]: no deck file or folder at 'missing/'" in p for p in _problems(tmp_path / "nodeck.toml"))
    with pytest.raises(DrillProblems):
        load_drill(tmp_path / "absent.toml")


def test_names_are_kept_as_typed_and_trimmed() -> None:
    assert clean_name("  Zoë   O'Brien \t") == "Zoë O'Brien"
    assert clean_name("\x1b[31mEve\x07") == "[31mEve"
    assert clean_name("   ") == ""
    assert len(clean_name("x" * 500)) == 80
    # Joiners are part of how some names are written (Persian uses ZWNJ): kept, not dropped.
    assert clean_name("Mehr\u200cnaz") == "Mehr\u200cnaz" and clean_name("नि\u200dशा") == "नि\u200dशा"
    assert clean_name("Eve\u202e\u2066") == "Eve"  # bidi overrides would spoof the report: dropped


# --- taking a drill ---------------------------------------------------------------------------------

@pytest.fixture
def prepared(tmp_path: Path):
    return prepare_drill(write_drill(tmp_path, GOOD))


def _session(prepared, folder: Path, name: str = "Ada", clock: FakeClock | None = None) -> DrillSession:
    recorder = ResultsRecorder.start(folder, prepared, name)
    return DrillSession(prepared, recorder, clock=clock or FakeClock())


def test_answers_are_saved_as_given_with_every_field(prepared, tmp_path: Path) -> None:
    clock = FakeClock()
    session = _session(prepared, tmp_path / "results", clock=clock)
    first = session.current
    clock.advance(4)
    session.answer(right_answer(first))
    session.advance()
    session.answer(wrong_answer(session.current))
    with open_results(tmp_path / "results") as store:  # saved at once, before the drill ends
        rows = store.answers("ferries")
    assert [(r.number, r.pupil, r.verdict, r.timed_out) for r in rows] == [
        (1, "Ada", "correct", False), (2, "Ada", "incorrect", False)]
    row = rows[0]
    assert row.question_key == first.key and row.question_type == first.type and row.seconds == 4.0
    assert row.drill_hash == prepared.drill.content_hash and row.deck_hash == prepared.deck_hash
    assert first.prompt in row.prompt and row.rule
    session.close()


def test_a_question_that_times_out_is_saved_as_unanswered(prepared, tmp_path: Path) -> None:
    clock = FakeClock()
    session = _session(prepared, tmp_path / "results", clock=clock)
    clock.advance(29.9)
    assert session.tick() == [] and session.time_left() == pytest.approx(0.1)
    clock.advance(0.2)
    [late] = session.tick()
    assert session.timed_out and session.state == RoundState.FEEDBACK
    session.advance()
    clock.advance(31)  # an answer typed after the time is up is not graded
    with pytest.raises(TimeUp):
        session.answer(right_answer(session.current))
    session.close()
    with open_results(tmp_path / "results") as store:
        rows = store.answers("ferries")
        [attempt] = store.attempts("ferries")
    assert [(r.number, r.verdict, r.given, r.timed_out) for r in rows] == [
        (1, "skipped", "", True), (2, "skipped", "", True)]
    assert attempt.state == QUIT


def test_when_the_round_time_runs_out_every_question_left_is_unanswered(tmp_path: Path) -> None:
    drill = write_drill(tmp_path, GOOD.replace("question_seconds = 30", "round_seconds = 60"))
    clock = FakeClock()
    session = _session(prepare_drill(drill), tmp_path / "results", clock=clock)
    session.answer(right_answer(session.current))
    session.advance()
    clock.advance(61)
    assert len(session.tick()) == 2 and session.state == RoundState.SUMMARY
    session.close()
    with open_results(tmp_path / "results") as store:
        rows = store.answers("ferries")
        [attempt] = store.attempts("ferries")
    assert [(r.verdict, r.timed_out) for r in rows] == [("correct", False), ("skipped", True), ("skipped", True)]
    assert attempt.state == FINISHED


def test_finishing_saves_the_attempt_and_the_pass_mark_decides(prepared, tmp_path: Path) -> None:
    session = _session(prepared, tmp_path / "results")
    for answer in (right_answer, right_answer, wrong_answer):
        session.answer(answer(session.current))
        session.advance()
    assert session.state == RoundState.SUMMARY and session.result().score == 2 and session.passed  # 2/3 >= 60%
    session.close()
    with open_results(tmp_path / "results") as store:
        [attempt] = store.attempts("ferries")
    assert attempt.state == FINISHED and attempt.planned == 3


def _finished(prepared, folder: Path, name: str) -> None:
    session = _session(prepared, folder, name)
    while session.current is not None:
        session.skip()
        session.advance()
    session.close()


def test_retry_is_refused_unless_the_drill_allows_it(prepared, tmp_path: Path) -> None:
    _finished(prepared, tmp_path / "results", "Ada Lovelace")
    with pytest.raises(RetryNotAllowed):
        ResultsRecorder.start(tmp_path / "results", prepared, "ada lovelace")
    _finished(prepared, tmp_path / "results", "Zo\u00eb")  # typed with a composed ë
    with pytest.raises(RetryNotAllowed):  # the same name with e + combining diaeresis (another keyboard)
        ResultsRecorder.start(tmp_path / "results", prepared, "Zoe\u0308")
    again = prepare_drill(write_drill(tmp_path, GOOD.replace("pass_mark = 60", "pass_mark = 60\nretry = true"),
                                      "again.toml"))
    _finished(again, tmp_path / "results", "Ada Lovelace")
    ResultsRecorder.start(tmp_path / "results", again, "Ada Lovelace").close()


def test_an_unfinished_attempt_is_carried_on_under_the_same_name(prepared, tmp_path: Path) -> None:
    first = _session(prepared, tmp_path / "results", "Ada")
    first.answer(right_answer(first.current))
    first.advance()
    first.close()  # a reloaded tab, a closed laptop: the attempt is left unfinished
    again = _session(prepared, tmp_path / "results", "ada")
    assert again.resumed == 1 and again.number == 2 and again.total == 3
    assert [r.grade.correct for r in again.result().results] == [True]  # the saved answer counts, not asked again
    again.answer(wrong_answer(again.current))
    again.advance()
    again.skip()
    again.advance()
    assert again.state == RoundState.SUMMARY and again.result().score == 1
    again.close()
    with open_results(tmp_path / "results") as store:
        [attempt] = store.attempts("ferries")  # one attempt, carried on: not a second one
        answers = store.answers(attempt_id=attempt.attempt_id)
    assert attempt.state == FINISHED and [a.number for a in answers] == [1, 2, 3]
    with pytest.raises(RetryNotAllowed):  # finished now: no third go
        ResultsRecorder.start(tmp_path / "results", prepared, "Ada")


def _moved_back(folder: Path, column: str, seconds: float) -> None:
    """As if the attempt's `column` had been written `seconds` ago (the pupil was away)."""
    import sqlite3
    from datetime import datetime, timedelta, timezone

    stamp = (datetime.now(timezone.utc) - timedelta(seconds=seconds)).isoformat(timespec="microseconds")
    table = "answers" if column == "answered_at" else "attempts"
    with sqlite3.connect(folder / "results.sqlite3") as database:
        database.execute(f"UPDATE {table} SET {column} = ?", (stamp,))


@pytest.mark.parametrize("answered_first", [True, False])
def test_carrying_on_never_buys_time_on_the_drill_s_clock(tmp_path: Path, answered_first: bool) -> None:
    drill = prepare_drill(write_drill(tmp_path, GOOD.replace("question_seconds = 30", "round_seconds = 600")))
    first = _session(drill, tmp_path / "results", "Bo")
    if answered_first:
        first.answer(right_answer(first.current))
    first.close()
    _moved_back(tmp_path / "results", "started_at", 500)  # begun 500 s ago: 100 are left, not 600
    again = _session(drill, tmp_path / "results", "Bo")
    assert 90 < again.time_left() <= 100


def test_carrying_on_never_buys_time_on_the_open_question(prepared, tmp_path: Path) -> None:
    first = _session(prepared, tmp_path / "results", "Bo")  # 30 seconds a question
    first.answer(right_answer(first.current))
    first.advance()
    first.close()
    _moved_back(tmp_path / "results", "answered_at", 20)  # question 2 has been open for 20 s
    again = _session(prepared, tmp_path / "results", "Bo")
    assert again.number == 2 and 0 < again.time_left() <= 10


def test_an_attempt_still_being_answered_elsewhere_is_not_shared(prepared, tmp_path: Path) -> None:
    first = _session(prepared, tmp_path / "results", "Di")
    first.answer(right_answer(first.current))
    with pytest.raises(RetryNotAllowed, match="another window"):
        ResultsRecorder.start(tmp_path / "results", prepared, "Di")
    first.close()  # that window closes: now it can be carried on
    ResultsRecorder.start(tmp_path / "results", prepared, "Di").close()


def test_a_finished_attempt_is_never_made_quit(prepared, tmp_path: Path) -> None:
    _finished(prepared, tmp_path / "results", "Ed")
    with open_results(tmp_path / "results") as store:
        [attempt] = store.attempts("ferries")
        store.finish_attempt(attempt.attempt_id, QUIT)  # a second window closing late
        [after] = store.attempts("ferries")
    assert after.state == FINISHED


def test_an_attempt_at_a_drill_changed_since_is_not_carried_on(prepared, tmp_path: Path) -> None:
    first = _session(prepared, tmp_path / "results", "Cy")
    first.answer(right_answer(first.current))
    first.close()
    changed = prepare_drill(write_drill(tmp_path, GOOD.replace("pass_mark = 60", "pass_mark = 70")))
    with pytest.raises(RetryNotAllowed):
        ResultsRecorder.start(tmp_path / "results", changed, "Cy")
