"""The hostile deck (tests/data/hostile) on every TUI screen: shown as data, never obeyed.

Every text field carries terminal escapes (OSC 52, CSI, C1), Rich markup, bidi overrides
and zero-width characters. On each screen, what is drawn holds none of them raw, the
markup is drawn as the characters typed, and nothing crashes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.app.app import FactdrillApp
from tui.app.messages import OpenFact, OpenSource
from tui.app.screens.fact import FactScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.source import SourceScreen
from tui.core.deck.loading import load_deck
from tui.core.quiz.rounds import RoundSpec

HOSTILE = Path(__file__).parent / "data" / "hostile"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
SIZE = (120, 40)


@pytest.fixture(scope="module")
def deck():
    return load_deck([HOSTILE])


def shown(app) -> str:
    from conftest import _screen_text

    return _screen_text(app)


def assert_inert(app, where: str, literally: tuple[str, ...] = ()) -> str:
    text = shown(app)
    raw = RAW.search(text)
    assert raw is None, f"{where}: {raw.group()!r} drawn raw in {text[max(0, raw.start() - 80):raw.end() + 20]!r}"
    flat = "".join(text.split())
    for piece in literally:
        assert "".join(piece.split()) in flat, f"{where}: {piece!r} not shown literally"
    return text


async def test_browse_fact_and_source_screens(deck, wait_for):
    app = FactdrillApp(deck, "browse")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "The crossing takes 42" in shown(app), "browse")
        assert_inert(app, "browse")
        for _ in range(6):  # through the tree: topics, facts, their details
            await pilot.press("down", "enter")
            await pilot.pause()
            assert_inert(app, "browse, a fact selected")
        for fact in deck.facts:
            app.post_message(OpenFact(fact.id))
            await wait_for(pilot, lambda: isinstance(app.screen, FactScreen), "fact screen")
            assert_inert(app, f"fact {fact.id}", ("␛]52;c;",) if fact.id != "mayor-name" else ("[blink]blink[/blink]",))
            await pilot.press("escape")
        for source_id in deck.sources:
            app.post_message(OpenSource(source_id))
            await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen), "source viewer")
            await pilot.pause()
            assert_inert(app, f"source {source_id}", ("[blink]blink[/blink] [/]",))
            await pilot.press("n", "n", "N")
            assert_inert(app, f"source {source_id} after n/N")
            await pilot.press("escape")
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "keys")
        assert_inert(app, "keys")


async def test_search_and_the_palette(deck, wait_for):
    app = FactdrillApp(deck, "search")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"hostile")
        await wait_for(pilot, lambda: "A hostile line" in shown(app), "results")
        assert_inert(app, "search results", ("␛]52;c;",))
        await pilot.press("down", "enter")
        await pilot.pause()
        assert_inert(app, "a result opened")
        await pilot.press("escape", "ctrl+p")
        await pilot.press(*"go to fact", "enter")
        await pilot.press(*"line")
        await wait_for(pilot, lambda: "hostile line" in shown(app), "palette hits")
        assert_inert(app, "go to fact")
        await pilot.press("pagedown", "enter")
        await pilot.pause()
        assert_inert(app, "the fact chosen in the palette")


@pytest.mark.parametrize("types", [("typed",), ("choice",), ("claim",), ("cloze",)])
async def test_quiz_question_feedback_and_summary(deck, wait_for, types):
    from tui.app.screens.quiz import QuizScreen

    app = FactdrillApp(deck, "quiz")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen), "quiz")
        assert_inert(app, "quiz setup")
        screen = app.screen
        assert screen.start_round(RoundSpec(count=3, seed=7, types=types))
        await wait_for(pilot, lambda: "Question 1 of" in shown(app), "the first question")
        for answer in ("screen", "b", "true", "42"):
            assert_inert(app, f"{types[0]} question")
            await pilot.press(*answer, "enter")
            await pilot.pause()
            assert_inert(app, f"{types[0]} feedback")
            await pilot.press("enter")
            await pilot.pause()
        assert_inert(app, f"{types[0]} summary")
