"""A drill being taken: the round runner, driven under the drill's time limits, saved to the class store.

Drivers (the drill screen, `factdrill drill --plain`) call `answer`, `skip` and
`advance`, and `tick()` whenever they like (the TUI four times a second): `tick`
settles a question whose time ran out as unanswered, and when the whole round's
time is up, every question left too. The runner does the grading and saving;
this class only adds the clock.
"""

from __future__ import annotations

import time
from typing import Callable

from tui.core.quiz.questions import Question
from tui.core.quiz.rounds import QuestionResult, RoundResult
from tui.core.quiz.runner import RoundRunner, RoundState
from tui.core.session import DeckSession

from .recording import ResultsRecorder
from .resuming import seconds_since, settled_results
from .rounds import PreparedDrill
from .timing import Clock, Deadline


class TimeUp(Exception):
    """An answer came after its question's time ran out; the question was saved as unanswered."""


class DrillSession:
    """One pupil's attempt at a drill, from the first question to the end screen."""

    def __init__(self, prepared: PreparedDrill, recorder: ResultsRecorder, *,
                 session: DeckSession | None = None, report: Callable[[str], None] = lambda problem: None,
                 clock: Clock = time.monotonic) -> None:
        self.prepared = prepared
        self.recorder = recorder
        session = session or DeckSession(prepared.deck)
        earlier = recorder.earlier  # a resumed attempt's saved answers: play goes on after them
        self.runner = RoundRunner(prepared.deck, prepared.round, session.checker, recorder, report, clock,
                                  settled=settled_results(prepared, list(earlier)))
        drill = prepared.drill
        if recorder.resumed:  # time away counts: the round's from its start, the question's from the last answer
            spent = seconds_since(recorder.attempt.started_at)
            asked = seconds_since(earlier[-1].answered_at) if earlier else spent
            self.deadline = Deadline(drill.question_seconds, drill.round_seconds, clock, spent, asked)
        else:
            self.deadline = Deadline(drill.question_seconds, drill.round_seconds, clock)
        self._last_timed_out = False
        # Questions (from 1) whose time ran out, for the end screen.
        self.timed_out_numbers: set[int] = {answer.number for answer in earlier if answer.timed_out}

    @property
    def resumed(self) -> int:
        """How many questions were answered before this attempt was taken up again (0: a new attempt)."""
        return len(self.recorder.earlier)

    @property
    def pupil(self) -> str:
        return self.recorder.attempt.pupil

    @property
    def current(self) -> Question | None:
        return self.runner.current

    @property
    def number(self) -> int:
        return self.runner.number

    @property
    def total(self) -> int:
        return self.runner.total

    @property
    def state(self) -> RoundState:
        return self.runner.state

    @property
    def timed_out(self) -> bool:
        """Whether the last settled question ran out of time."""
        return self._last_timed_out

    def time_left(self) -> float | None:
        """Seconds the countdown shows for the open question; None without a limit."""
        return self.deadline.left() if self.state == RoundState.QUESTION else None

    def _time_out(self) -> QuestionResult:
        self.timed_out_numbers.add(self.number)
        self.recorder.time_out_next()
        self._last_timed_out = True
        return self.runner.skip()

    def tick(self) -> list[QuestionResult]:
        """Settle whatever ran out of time: the open question, and every one left once the round's time is up.

        Returns the questions just timed out (empty when time remains).
        """
        settled: list[QuestionResult] = []
        if self.state == RoundState.QUESTION and self.deadline.question_over():
            settled.append(self._time_out())
        if self.deadline.round_over():
            while self.state != RoundState.SUMMARY:
                if self.state == RoundState.FEEDBACK and self.runner.advance() is None:
                    break
                if self.state == RoundState.QUESTION:
                    settled.append(self._time_out())
            self.runner.finish()  # saved once: a second call changes nothing
        return settled

    def answer(self, given: str) -> QuestionResult:
        """Grade `given`; raises TimeUp (the question saved as unanswered) when it came too late,
        and NotAnAnswer / ValueError (the question still open) when it is not an answer."""
        if self.tick():
            raise TimeUp("time was up: the question is saved as unanswered")
        self._last_timed_out = False
        return self.runner.answer(given)

    def skip(self) -> QuestionResult:
        """Leave the question unanswered (saved as skipped)."""
        if self.tick():
            raise TimeUp("time was up: the question is saved as unanswered")
        self._last_timed_out = False
        return self.runner.skip()

    def advance(self) -> Question | None:
        """The next question (its clock starts now), or None at the end: the drill is then saved as finished."""
        if self.state == RoundState.SUMMARY:
            return None
        question = self.runner.advance()
        if question is None:
            self.runner.finish()
            return None
        self.deadline.next_question()
        return question

    def result(self) -> RoundResult:
        return self.runner.result()

    def finish(self) -> RoundResult:
        """End the drill and save the attempt (once; later calls change nothing)."""
        return self.runner.finish()

    @property
    def passed(self) -> bool:
        result = self.result()
        return self.prepared.drill.passed(result.score, self.total)

    def close(self) -> None:
        """Quitting saves what was answered; the attempt is closed and the store let go of."""
        self.runner.close()
