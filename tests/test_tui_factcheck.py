"""Search mode fact-checks a whole sentence: a verdict panel above the ranked evidence (Pilot and snapshot)."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from tui.app.app import FactdrillApp
from tui.app.screens.search import SearchScreen
from tui.core.factcheck import REFUTED, SUPPORTED
from tests.test_tui_snapshots import settle

SIZE = (100, 30)
CLAIM = "Russia sent 427 drones in one night"


def verdict_for(screen: SearchScreen, claim: str) -> bool:
    """The screen shows the verdict on exactly `claim` (not on a half-typed one)."""
    return screen.verdict is not None and screen.verdict.claim == claim


async def ready(app, pilot, wait_for) -> SearchScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen)
                   and isinstance(app.focused, Input), "the search box")
    return app.screen


async def test_a_typed_claim_shows_its_verdict_above_the_evidence(make_app, wait_for, widget_text):
    app = make_app("search")
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot, wait_for)
        await pilot.press(*CLAIM)
        await wait_for(pilot, lambda: verdict_for(screen, CLAIM), "the verdict")
        assert screen.verdict.label == REFUTED
        panel = widget_text(app, screen.query_one("#verdict"))
        assert "Refuted" in panel and "427 ≠ 472" in panel
        assert "a record 472 drones" in panel  # the deciding quote, in its paragraph
        assert screen.results[0] == "drones-record-night"  # the ranked evidence stays below
        assert screen.query_one("#verdict-box").region.y < screen.query_one("#results").region.y


async def test_keywords_stay_a_search_without_a_verdict(make_app, wait_for):
    app = make_app("search")
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot, wait_for)
        await pilot.press(*"drones")
        await wait_for(pilot, lambda: screen.results == ["drones-record-night"], "the drones fact")
        assert screen.verdict is None
        assert not screen.query_one("#verdict-box").display


async def test_the_panel_follows_the_query_from_claim_back_to_keywords(make_app, wait_for):
    app = make_app("search")
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot, wait_for)
        claim = "Russia launched a record 472 drones against Ukraine"
        await pilot.press(*claim)
        await wait_for(pilot, lambda: verdict_for(screen, claim), "the verdict")
        assert screen.verdict.label == SUPPORTED
        assert screen.query_one("#verdict-box").display
        screen.query_one(Input).value = "umerov"
        await wait_for(pilot, lambda: screen.results == ["ukraine-delegation-head"], "the keyword results")
        assert screen.verdict is None and not screen.query_one("#verdict-box").display


async def test_a_pasted_claim_is_checked_too(make_app, wait_for):
    app = make_app("search")
    async with app.run_test(size=SIZE) as pilot:
        screen = await ready(app, pilot, wait_for)
        screen.query_one(Input).post_message(events.Paste("Defence Minister Rustem Umerov\nled Ukraine's delegation."))
        await wait_for(pilot, lambda: verdict_for(screen, "Defence Minister Rustem Umerov led Ukraine's delegation."),
                       "the verdict")
        assert screen.verdict.label == SUPPORTED


def test_search_verdict_panel_snapshot(snap_compare, snapdeck):
    async def check_a_claim(pilot):
        app = pilot.app
        await settle(pilot, lambda: isinstance(app.screen, SearchScreen)
                      and isinstance(app.focused, Input), "search mode")
        await pilot.press(*CLAIM)
        await settle(pilot, lambda: verdict_for(app.screen, CLAIM), "the verdict")

    assert snap_compare(FactdrillApp(snapdeck, "search"), run_before=check_a_claim, terminal_size=SIZE)
