"""What the screens look like, at 100×30, on the small stable snapshot deck.

Regenerate after an intended change with `pytest tests/test_tui_snapshots.py --snapshot-update`
and review the SVGs in tests/__snapshots__/.
"""

from __future__ import annotations

from conftest import _wait_for
from textual.widgets import Input

from tui.app.app import FactdrillApp
from tui.app.screens.search import SearchScreen
from tui.app.screens.source import SourceScreen
from tui.app.widgets.article import ArticleView
from tui.app.widgets.fact_detail import FactDetail

SIZE = (100, 30)


async def settle(pilot, condition, what: str, timeout: float = 30.0) -> None:
    # The first screen may still be composing when a snapshot's run_before starts:
    # _wait_for treats its NoMatches as "not yet".
    await _wait_for(pilot, condition, what, timeout)
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()


def test_browse_with_a_fact_selected(snap_compare, snapdeck):
    async def select_disputed_fact(pilot):
        app = pilot.app
        await settle(pilot, lambda: app.screen.query_one(FactDetail).fact_id is not None, "first fact")
        await pilot.press("end", "up", "up", "up")
        await settle(pilot, lambda: app.screen.query_one(FactDetail).fact_id == "bodies-exchange",
                     "the disputed fact")

    assert snap_compare(FactdrillApp(snapdeck, "browse"), run_before=select_disputed_fact,
                        terminal_size=SIZE)


def test_source_viewer_on_a_highlighted_quote(snap_compare, snapdeck):
    async def open_citation(pilot):
        app = pilot.app
        await settle(pilot, lambda: app.screen.query_one(FactDetail).fact_id is not None, "first fact")
        await pilot.press("enter", "enter")  # into the citations, open the first one
        await settle(pilot, lambda: isinstance(app.screen, SourceScreen)
                     and app.screen.query_one(ArticleView).current == 3, "the drones quote current")

    assert snap_compare(FactdrillApp(snapdeck, "browse"), run_before=open_citation, terminal_size=SIZE)


def test_search_with_results(snap_compare, snapdeck):
    async def search_talks(pilot):
        app = pilot.app
        await settle(pilot, lambda: isinstance(app.screen, SearchScreen), "search mode")
        app.screen.query_one(Input).cursor_blink = False  # a blinking cursor would differ run to run
        await pilot.press(*"talks istanbul")
        await settle(pilot, lambda: len(app.screen.results) == 4, "results")

    assert snap_compare(FactdrillApp(snapdeck, "search"), run_before=search_talks, terminal_size=SIZE)
