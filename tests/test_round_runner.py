"""The round runner: the one place where a round is saved as it is played, whatever drives it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tui.core.deck.loading import load_deck
from tui.core.quiz.rounds import RoundSpec, build_round
from tui.core.quiz.runner import RoundState
from tui.core.session import DeckSession
from tui.core.verdicts import Outcome

QUIZDECK = Path(__file__).parent / "data" / "quizdeck"


class MemoryRecorder:
    """Keeps what it is given; says `problem` the first time it is asked to save, if set."""

    def __init__(self, problem: str | None = None) -> None:
        self.answers: list = []
        self.rounds: list = []
        self.closed = 0
        self._problem = problem

    def _said(self) -> str | None:
        problem, self._problem = self._problem, None
        return problem

    def answered(self, result):
        self.answers.append(result)
        return self._said()

    def finished(self, result):
        self.rounds.append(result)
        return self._said()

    def close(self) -> None:
        self.closed += 1


@pytest.fixture(scope="module")
def session() -> DeckSession:
    return DeckSession(load_deck([QUIZDECK]))


def runner_for(session: DeckSession, count: int = 3, problem: str | None = None):
    recorder, reported = MemoryRecorder(problem), []
    round_ = build_round(session.deck, RoundSpec(count=count, types=("typed",), seed=4))
    return session.runner(round_, recorder, reported.append), recorder, reported


def test_each_settled_question_is_handed_to_the_recorder_at_once(session):
    runner, recorder, _ = runner_for(session)
    assert runner.state == RoundState.QUESTION
    first = runner.skip()
    assert recorder.answers == [first] and runner.state == RoundState.FEEDBACK
    runner.advance()
    second = runner.reveal()
    assert recorder.answers == [first, second]
    assert [r.verdict for r in recorder.answers] == [Outcome.SKIPPED, Outcome.REVEALED]


def test_a_round_is_saved_once_however_often_it_is_finished_or_closed(session):
    runner, recorder, _ = runner_for(session, count=1)
    runner.reveal()
    assert runner.advance() is None
    result = runner.finish()
    runner.finish()
    runner.close()
    assert recorder.rounds == [result] and recorder.closed == 1
    assert runner.state == RoundState.SUMMARY


def test_quitting_mid_round_saves_the_round_so_far(session):
    runner, recorder, _ = runner_for(session, count=3)
    runner.skip()
    runner.close()  # the app quit, the pipe closed, the pupil left
    assert len(recorder.rounds) == 1 and recorder.rounds[0].total == 1 and recorder.closed == 1


def test_a_saving_problem_is_reported_and_the_round_goes_on(session):
    runner, recorder, reported = runner_for(session, count=2, problem="disk full")
    runner.skip()
    runner.advance()
    runner.skip()
    assert reported == ["disk full"]  # the recorder said it once; the runner passed it on once
    assert len(recorder.answers) == 2


def test_the_session_builds_its_checker_once_whatever_thread_asks(session):
    fresh = DeckSession(session.deck)
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(fresh.checker)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 4 and all(checker is seen[0] for checker in seen)
    assert fresh.search_index is fresh.search_index
    assert fresh.recorder() is fresh.recorder()  # one per session: a problem is reported once
