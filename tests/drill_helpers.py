"""Shared by the drill tests: a clock tests move by hand, drill files written on the fly, right answers."""

from __future__ import annotations

from pathlib import Path

from tui.core.quiz.questions import JUDGEMENT_KEYS, Question

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_DRILL = REPO / "tui" / "examples" / "drills" / "talks-week-1.toml"
EXAM_DRILL = REPO / "tui" / "examples" / "drills" / "exam-explicit.toml"
QUIZDECK = Path(__file__).resolve().parent / "data" / "quizdeck"


# A 3-question drill over the quiz test deck; tests replace parts of it ("seed = 3", "pass_mark = 60", TYPES).
FERRIES_DRILL = """[drill]
id = "ferries"
title = "Ferries check"
deck = "DECK"
seed = 3
question_seconds = 30
pass_mark = 60

[select]
count = 3
types = TYPES
"""


def ferries_drill(types: str = '["typed", "choice"]', **header: str) -> str:
    """FERRIES_DRILL with these question types and extra [drill] keys (values as TOML)."""
    extra = "".join(f"{key} = {value}\n" for key, value in header.items())
    return FERRIES_DRILL.replace("TYPES", types).replace("pass_mark = 60\n", "pass_mark = 60\n" + extra)


class FakeClock:
    """time.monotonic for tests: stands still until `advance`d."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def right_answer(question: Question) -> str:
    """What a pupil who knows types: the option's label, the judgement's key, or the answer."""
    if question.type == "choice":
        return question.correct_label
    if question.type == "claim":
        return JUDGEMENT_KEYS[question.judgement]
    assert question.fact is not None
    return question.fact.answer


def wrong_answer(question: Question) -> str:
    if question.type == "choice":
        return next(o.label for o in question.options if o.label != question.correct_label)
    if question.type == "claim":
        return next(k for j, k in JUDGEMENT_KEYS.items() if j != question.judgement)
    return "zzz nothing like it"


def write_drill(folder: Path, body: str, name: str = "drill.toml", deck: str | None = None) -> Path:
    """A drill file in `folder` over the small quiz test deck (copied beside it) unless `deck` is given."""
    import shutil

    if deck is None and not (folder / "deck").exists():
        shutil.copytree(QUIZDECK, folder / "deck")
    path = folder / name
    path.write_text(body.replace("DECK", deck or "deck"), encoding="utf-8")
    return path
