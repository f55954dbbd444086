"""What Quiz mode looks like: the feedback panel after an answer, and a choice question (tests/data/quizdeck)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app.app import FactdrillApp
from tui.core.deck.loading import load_deck
from tui.core.quiz.rounds import RoundSpec

QUIZDECK = Path(__file__).parent / "data" / "quizdeck"
SIZE = (100, 30)


@pytest.fixture(scope="module")
def quizdeck():
    return load_deck([QUIZDECK])


def starting(spec: RoundSpec, *keys: str, fact_id: str | None = None):
    async def run_before(pilot) -> None:
        await pilot.pause()
        assert pilot.app.screen.start_round(spec)
        await pilot.pause()
        if fact_id is not None:
            assert pilot.app.screen.runner.current.key == fact_id
        if keys:
            await pilot.press(*keys)
        await pilot.pause()

    return run_before


def test_feedback_after_a_close_answer(snap_compare, quizdeck):
    # Two citations (one highlighted for `o`), the verdict with what was expected.
    spec = RoundSpec(count=2, tags=("people",), types=("typed",), seed=2)
    keys = [*"Ada", "space", *"Lindqvst", "enter"]
    assert snap_compare(FactdrillApp(quizdeck, mode="quiz"), terminal_size=SIZE,
                        run_before=starting(spec, *keys, fact_id="mayor-name"))


def test_feedback_on_a_disputed_fact(snap_compare, quizdeck):
    spec = RoundSpec(count=1, tags=("money",), types=("choice",), seed=5)
    assert snap_compare(FactdrillApp(quizdeck, mode="quiz"), terminal_size=SIZE,
                        run_before=starting(spec, "ctrl+r", fact_id="ferry-cost"))


def test_a_choice_question(snap_compare, quizdeck):
    spec = RoundSpec(count=3, types=("choice",), seed=5)
    assert snap_compare(FactdrillApp(quizdeck, mode="quiz"), terminal_size=SIZE, run_before=starting(spec))
