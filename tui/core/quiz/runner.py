"""A round being played and saved as it goes: the one place for a round's lifecycle rules.

Every way of taking a round (the quiz screen, `quiz --plain`, a classroom drill) drives a
`RoundRunner`; none of them saves anything itself. The rules, once:

- every settled question (answered, skipped, revealed) is handed to the recorder at once;
- a round is saved once, when it finishes or when it is quit, with what was answered so far;
- a problem saving is reported once (the recorder decides what is new), and the round goes on.
"""

from __future__ import annotations

import time
from typing import Callable, Protocol, Sequence

from tui.core.deck.model import Deck
from tui.core.quiz.questions import Question
from tui.core.quiz.rounds import Checker, ClaimChecker, QuestionResult, QuizSession, Round, RoundResult
from tui.core.verdicts import StrEnum

__all__ = ["Recorder", "RoundRunner", "RoundState"]


class Recorder(Protocol):
    """Where a round is saved. Each method returns a problem to show the user, or None."""

    def answered(self, result: QuestionResult) -> str | None: ...

    def finished(self, result: RoundResult) -> str | None: ...

    def close(self) -> None: ...


class RoundState(StrEnum):
    """Where a round stands; the quiz screen adds SETUP, before there is a round."""

    SETUP = "setup"
    QUESTION = "question"  # a question is open
    FEEDBACK = "feedback"  # the question is settled; `advance` moves on
    SUMMARY = "summary"  # the round is over and saved


class RoundRunner:
    """Plays `round_` over `deck`, saving to `recorder`; `report(problem)` tells the user of saving problems."""

    def __init__(self, deck: Deck, round_: Round, checker: Checker, recorder: Recorder,
                 report: Callable[[str], None] = lambda problem: None,
                 clock: Callable[[], float] = time.monotonic, claims: ClaimChecker | None = None,
                 settled: Sequence[QuestionResult] = ()) -> None:
        """`claims`: the deck's fact checker, whose reason line explains "Judge the claim" answers.
        `settled`: the records of the round's first questions, answered before (a resumed drill):
        play carries on with the next one, and their time counts in the round's."""
        self.play = QuizSession(deck, round_, checker, clock, results=list(settled), index=len(settled),
                                claims=claims)
        self.play.started -= sum(record.seconds for record in settled)
        self._recorder = recorder
        self._report = report
        self._round_saved = False

    # --- where the round stands -------------------------------------------------------------

    @property
    def round(self) -> Round:
        return self.play.round

    @property
    def current(self) -> Question | None:
        return self.play.current

    @property
    def number(self) -> int:
        """The current question's number, from 1."""
        return self.play.index + 1

    @property
    def total(self) -> int:
        return len(self.play.round)

    @property
    def last(self) -> QuestionResult | None:
        return self.play.last

    @property
    def state(self) -> RoundState:
        if self._round_saved or self.play.finished:
            return RoundState.SUMMARY
        return RoundState.FEEDBACK if self.play.settled else RoundState.QUESTION

    def result(self) -> RoundResult:
        return self.play.result()

    # --- settling a question: each is saved at once -----------------------------------------

    def _saved(self, record: QuestionResult) -> QuestionResult:
        self._tell(self._recorder.answered(record))
        return record

    def _tell(self, problem: str | None) -> None:
        if problem:
            self._report(problem)

    def answer(self, given: str) -> QuestionResult:
        """Grade `given` (raises NotAnAnswer / ValueError and leaves the question open)."""
        return self._saved(self.play.answer(given))

    def skip(self) -> QuestionResult:
        return self._saved(self.play.skip())

    def reveal(self) -> QuestionResult:
        return self._saved(self.play.reveal())

    def advance(self) -> Question | None:
        """The next question, or None when the round is over (then call `finish`)."""
        return self.play.advance()

    # --- the end ----------------------------------------------------------------------------

    def finish(self) -> RoundResult:
        """End the round (finished, or quit part-way) and save it, once."""
        result = self.play.result()
        if not self._round_saved:
            self._round_saved = True
            self._tell(self._recorder.finished(result))
        return result

    def close(self) -> None:
        """Let go of the recorder. Quitting mid-round still saves the round so far."""
        if not self._round_saved:
            self.finish()
        self._recorder.close()
