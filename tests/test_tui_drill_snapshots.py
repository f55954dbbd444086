"""What a drill looks like to a pupil: the name form, a question with its countdown, the end screen."""

from __future__ import annotations

from pathlib import Path

from drill_helpers import FakeClock, right_answer, wrong_answer, write_drill
from tui.app.drill_app import DrillApp
from tui.core.drills.rounds import prepare_drill

SIZE = (100, 30)
DRILL = """[drill]
id = "snap"
title = "Ferries: a short check"
deck = "DECK"
seed = 3
question_seconds = 30
pass_mark = 60
feedback = "end"

[select]
count = 3
types = ["typed", "choice"]
"""


def _app(tmp_path: Path, name: str | None = None, clock: FakeClock | None = None) -> DrillApp:
    return DrillApp(prepare_drill(write_drill(tmp_path, DRILL)), tmp_path / "results", name=name,
                    clock=clock or FakeClock())


def test_the_name_form(snap_compare, tmp_path):
    assert snap_compare(_app(tmp_path), terminal_size=SIZE)


def test_a_question_with_its_countdown(snap_compare, tmp_path):
    clock = FakeClock()

    async def run_before(pilot) -> None:
        await pilot.pause()
        clock.advance(12.5)
        await pilot.pause(0.4)  # one tick of the countdown

    assert snap_compare(_app(tmp_path, "Ada Lovelace", clock), terminal_size=SIZE, run_before=run_before)


def test_the_end_screen_with_the_pass_mark(snap_compare, tmp_path):
    async def run_before(pilot) -> None:
        await pilot.pause()
        for answer in (right_answer, wrong_answer, right_answer):
            question = pilot.app.session.current
            given = answer(question)
            if question.type == "choice":
                await pilot.press(given.lower())
            else:
                await pilot.press(*[c if c != " " else "space" for c in given], "enter")
            await pilot.pause()
        await pilot.pause()

    assert snap_compare(_app(tmp_path, "Bo"), terminal_size=SIZE, run_before=run_before)
