"""What a drill looks like to a pupil: the name form, a question with its countdown, the end screen."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from drill_helpers import FakeClock, right_answer, wrong_answer, write_drill
from tui.app.drill_app import DrillApp
from tui.core.drills.rounds import prepare_drill

SIZES = pytest.mark.parametrize("size", [(100, 30), (60, 20)], ids=["100x30", "60x20"])
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


@SIZES
def test_the_name_form(snap_compare, tmp_path, size):
    assert snap_compare(_app(tmp_path), terminal_size=size)


@SIZES
def test_a_question_with_its_countdown(snap_compare, tmp_path, size):
    clock = FakeClock()

    async def run_before(pilot) -> None:
        await pilot.pause()
        clock.advance(12.5)
        await pilot.pause(0.4)  # one tick of the countdown

    assert snap_compare(_app(tmp_path, "Ada Lovelace", clock), terminal_size=size, run_before=run_before)


@SIZES
def test_the_end_screen_with_the_pass_mark(snap_compare, tmp_path, size):
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

    assert snap_compare(_app(tmp_path, "Bo"), terminal_size=size, run_before=run_before)


@SIZES
def test_report_mode(snap_compare, tmp_path, size):
    from tui.app.app import FactdrillApp
    from tui.cli.drill import run_plain

    prepared = prepare_drill(write_drill(tmp_path, DRILL))
    right = "\n".join(right_answer(q) for q in prepared.round.questions) + "\n"
    run_plain(prepared, tmp_path / "results", "Ada", io.StringIO(right), io.StringIO(), FakeClock())
    wrong = wrong_answer(prepared.round.questions[0]) + "\n\n\n"
    run_plain(prepared, tmp_path / "results", "Bo", io.StringIO(wrong), io.StringIO(), FakeClock())

    async def run_before(pilot) -> None:
        while not getattr(pilot.app.screen, "reports", None):
            await pilot.pause(0.05)
        await pilot.pause()

    app = FactdrillApp(prepared.deck, mode="report", results=tmp_path / "results")
    assert snap_compare(app, terminal_size=size, run_before=run_before)
