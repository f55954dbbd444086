"""What a drill is: one set of questions, the same for a whole class, with its rules.

A drill file names a deck and either a selection (tags, sources, ids, types, count)
or an explicit list of questions; a seed makes order and options the same for
every pupil. The loader (`loading.py`) turns a file into a `Drill`; building the
round (`rounds.py`) turns a `Drill` and its deck into the questions asked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

FEEDBACK_EACH = "each"  # feedback after every question
FEEDBACK_END = "end"  # exam mode: feedback only on the end screen
FEEDBACK_MODES = (FEEDBACK_EACH, FEEDBACK_END)
BUNDLED_DECK = "bundled"
DEFAULT_PASS_MARK = 50.0


@dataclass(frozen=True, slots=True)
class DrillQuestion:
    """One question of an explicit list: a fact (or ask) id, the type, and for a claim its judgement."""

    key: str
    type: str
    judgement: str = ""  # claim only: "supported" or "refuted"


@dataclass(frozen=True, slots=True)
class Selection:
    """Which facts a drill draws from when it has no explicit list. Empty tuples mean all."""

    count: int = 10
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    types: tuple[str, ...] = ()


@dataclass(frozen=True)
class Drill:
    """A validated drill file. `content_hash` is the sha256 of the file's bytes."""

    path: Path
    id: str
    title: str
    deck_paths: tuple[Path, ...]
    seed: int
    selection: Selection = field(default_factory=Selection)
    questions: tuple[DrillQuestion, ...] = ()
    feedback: str = FEEDBACK_EACH
    retry: bool = False
    pass_mark: float = DEFAULT_PASS_MARK  # percent of the questions asked
    question_seconds: float | None = None
    round_seconds: float | None = None
    content_hash: str = ""

    @property
    def exam(self) -> bool:
        """Exam mode: no feedback until the end."""
        return self.feedback == FEEDBACK_END

    def passed(self, score: int, total: int) -> bool:
        """Whether `score` right of `total` questions reaches the pass mark."""
        return total > 0 and score * 100 >= self.pass_mark * total

    @property
    def rules_line(self) -> str:
        """The rules in one line, as a pupil reads them before starting."""
        parts = []
        if self.question_seconds:
            parts.append(f"{_seconds_label(self.question_seconds)} per question")
        if self.round_seconds:
            parts.append(f"{_seconds_label(self.round_seconds)} in all")
        parts.append("feedback at the end" if self.exam else "feedback after each question")
        parts.append(f"pass mark {self.pass_mark:g}%")
        return " · ".join(parts)


def _seconds_label(seconds: float) -> str:
    if seconds >= 60 and seconds % 60 == 0:
        minutes = int(seconds // 60)
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{seconds:g} seconds"
