"""The words a judgement is made of: outcomes, question types and the verdict itself.

String-valued enums, so JSON, SQLite and comparisons with the plain strings of the
scripting contract ("correct", "choice", ...) keep working unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

__all__ = ["StrEnum", "Outcome", "QuestionType", "Verdict", "ACCEPTED", "MISSED"]


class StrEnum(str, Enum):
    """A str-valued enum that prints and formats as its value (Python 3.10 has no enum.StrEnum)."""

    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, spec: str) -> str:
        return str.__format__(str(self), spec)


class Outcome(StrEnum):
    """How one answer fared."""

    CORRECT = "correct"
    CLOSE = "close"  # a real slip (a typo in a word); counted as right, and shown apart
    INCORRECT = "incorrect"
    SKIPPED = "skipped"
    REVEALED = "revealed"


ACCEPTED = (Outcome.CORRECT, Outcome.CLOSE)
MISSED = (Outcome.INCORRECT, Outcome.SKIPPED, Outcome.REVEALED)


class QuestionType(StrEnum):
    """The kinds of question a round can ask."""

    TYPED = "typed"
    CHOICE = "choice"
    CLAIM = "claim"
    CLOZE = "cloze"


@dataclass(frozen=True, slots=True)
class Verdict:
    """The judgement of one answer: the outcome, the rule that decided it and why.

    The checker returns it for typed answers; the quiz for every question (choices and
    claims are judged by label, skipped and revealed questions have no `given`).
    """

    given: str
    verdict: Outcome
    rule: str
    expected: str
    explanation: str = ""

    @property
    def correct(self) -> bool:
        """Counts as right: correct, or close."""
        return self.verdict in ACCEPTED
