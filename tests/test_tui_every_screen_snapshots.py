"""Every screen, as a user sees it, at a roomy 100×30 and a cramped 60×20.

Browse, Search with results, the source viewer and Help run on the snapshot deck; the quiz
(setup, each question type, feedback, summary) on the quiz deck, with a fixed seed.
Regenerate after an intended change with `pytest tests/test_tui_every_screen_snapshots.py
--snapshot-update` and review the SVGs in tests/__snapshots__/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tui.app.app import FactdrillApp
from tui.app.screens.help import HelpScreen
from tui.app.screens.quiz import QuizScreen
from tui.app.screens.search import SearchScreen
from tui.app.screens.source import SourceScreen
from tui.app.widgets.fact_detail import FactDetail
from tui.core.deck.loading import load_deck
from tui.core.quiz.rounds import RoundSpec

QUIZDECK = Path(__file__).parent / "data" / "quizdeck"
SIZES = {"100x30": (100, 30), "60x20": (60, 20)}


@pytest.fixture(scope="module")
def quizdeck():
    return load_deck([QUIZDECK])


def no_blinking(app) -> None:
    """A blinking cursor would differ from run to run."""
    for field in app.screen.query(Input):
        field.cursor_blink = False


async def settled(pilot, condition, what: str) -> None:
    from conftest import _wait_for

    await _wait_for(pilot, condition, what)
    no_blinking(pilot.app)
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()


# --- Browse, Search, Source, Help on the snapshot deck ----------------------------------------

async def browse(pilot):
    await settled(pilot, lambda: pilot.app.screen.query_one(FactDetail).fact_id is not None, "the first fact")


async def search_with_results(pilot):
    await settled(pilot, lambda: isinstance(pilot.app.screen, SearchScreen), "search mode")
    await pilot.press(*"drones")
    await settled(pilot, lambda: len(pilot.app.screen.results) > 0, "results")


async def source_viewer(pilot):
    await browse(pilot)
    await pilot.press("enter", "enter")  # into the citations, open the first one
    await settled(pilot, lambda: isinstance(pilot.app.screen, SourceScreen), "the source viewer")


async def help_screen(pilot):
    await browse(pilot)
    await pilot.press("question_mark")
    await settled(pilot, lambda: isinstance(pilot.app.screen, HelpScreen), "the keys")


DECK_SCREENS = {
    "browse": ("browse", browse),
    "search": ("search", search_with_results),
    "source": ("browse", source_viewer),
    "help": ("browse", help_screen),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", DECK_SCREENS)
def test_screen(snap_compare, snapdeck, screen: str, size: str):
    mode, run_before = DECK_SCREENS[screen]
    assert snap_compare(FactdrillApp(snapdeck, mode), run_before=run_before, terminal_size=SIZES[size])


# --- Quiz: setup, every question type, feedback, summary ----------------------------------------

def quiz_state(state: str, types: tuple[str, ...] = ("typed",), *keys: str):
    async def run_before(pilot) -> None:
        app = pilot.app
        await settled(pilot, lambda: isinstance(app.screen, QuizScreen), "quiz mode")
        if state != "setup":
            app.session.clock = lambda: 0.0  # the summary shows the time taken
            assert app.screen.start_round(RoundSpec(count=1, types=types, seed=3))
            await settled(pilot, lambda: app.screen.state == "question", "the question")
            await pilot.press(*keys)
        await settled(pilot, lambda: app.screen.state == state, state)

    return run_before


QUIZ_SCREENS = {
    "setup": quiz_state("setup"),
    "typed": quiz_state("question", ("typed",)),
    "choice": quiz_state("question", ("choice",)),
    "claim": quiz_state("question", ("claim",)),
    "cloze": quiz_state("question", ("cloze",)),
    "feedback": quiz_state("feedback", ("typed",), "ctrl+r"),
    "summary": quiz_state("summary", ("typed",), "ctrl+r", "enter"),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", QUIZ_SCREENS)
def test_quiz_screen(snap_compare, quizdeck, screen: str, size: str):
    assert snap_compare(FactdrillApp(quizdeck, "quiz"), run_before=QUIZ_SCREENS[screen], terminal_size=SIZES[size])
