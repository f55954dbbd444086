"""Search mode: results follow the query without blocking, filters, pasted claims, and fact detail."""

from __future__ import annotations

import threading

from rich.text import Text
from textual import events
from textual.widgets import Input

from tui.core.search.index import SearchIndex
from tui.app.screens.fact import FactScreen
from tui.app.screens.search import ResultList, SearchScreen
from tui.app.widgets.fact_detail import FactDetail


async def ready(app, pilot, wait_for) -> SearchScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen)
                   and isinstance(app.focused, Input), "the search box")
    return app.screen


def highlighted_words(results: ResultList, index: int) -> list[str]:
    prompt = results.get_option_at_index(index).prompt
    assert isinstance(prompt, Text)
    match = results.get_component_rich_style("results--match")
    return [prompt.plain[s.start:s.end] for s in prompt.spans if s.style == match]


async def test_results_follow_typing_with_matching_words_highlighted(make_app, wait_for, widget_text):
    app = make_app("search")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(app, pilot, wait_for)
        await pilot.press(*"drones")
        await wait_for(pilot, lambda: screen.results == ["drones-record-night"], "the drones fact")
        results = screen.query_one(ResultList)
        assert highlighted_words(results, 0) == ["drones"]
        shown = widget_text(app, results)
        assert "Russia launched a record 472 drones against Ukraine in a single night." in shown
        assert "472 · stated by 2 of 2 articles · military-events" in shown
        assert "1 result" in widget_text(app, screen.query_one("#search-status"))
        await pilot.press(*["backspace"] * 6, *"medinsky")
        await wait_for(pilot, lambda: screen.results == ["russia-delegation-head"], "the Medinsky fact")
        assert highlighted_words(results, 0) == ["Medinsky"]


async def test_search_runs_off_the_ui_thread_and_a_slow_one_does_not_block_typing(
        make_app, wait_for, monkeypatch):
    original = SearchIndex.search
    gate = threading.Event()
    threads: list[threading.Thread] = []
    searched: list[str] = []

    def slow_search(self, query, limit=20):
        threads.append(threading.current_thread())
        searched.append(query)
        if query == "drones":
            gate.wait(60)  # held until the user has typed a new query
        hits = original(self, query, limit)
        finished.append(query)
        return hits

    monkeypatch.setattr(SearchIndex, "search", slow_search)
    finished: list[str] = []

    app = make_app("search")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(app, pilot, wait_for)
        await pilot.press(*"drones")
        await wait_for(pilot, lambda: "drones" in searched, "the slow search to start")
        # While it is stuck, keys still reach the box and a new search answers.
        await pilot.press(*["backspace"] * 6, *"umerov")
        await wait_for(pilot, lambda: screen.query_one(Input).value == "umerov", "typing")
        await wait_for(pilot, lambda: screen.results == ["ukraine-delegation-head"], "new results")
        gate.set()
        # The stale answer for "drones" comes last and is dropped.
        await wait_for(pilot, lambda: "drones" in finished, "the slow search to finish")
        for _ in range(5):
            await pilot.pause(0.05)
        assert screen.results == ["ukraine-delegation-head"]
        assert threading.main_thread() not in threads


async def test_tag_and_source_filters(make_app, wait_for):
    app = make_app("search")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(app, pilot, wait_for)
        await pilot.press(*"tag:delegations")
        await wait_for(pilot, lambda: screen.results == [
            "talks-duration", "ukraine-delegation-head", "russia-delegation-head"], "the delegations tag")
        await pilot.press(*" umerov")
        await wait_for(pilot, lambda: screen.results == ["ukraine-delegation-head"], "tag and a word")
        screen.query_one(Input).value = ""
        await pilot.press(*"source:daily")
        await wait_for(pilot, lambda: screen.results == [
            "drones-record-night", "talks-duration", "ukraine-delegation-head", "bodies-exchange",
            "talks-day"], "facts citing the daily")


async def test_a_pasted_claim_shows_the_facts_bearing_on_it(make_app, wait_for, widget_text):
    app = make_app("search")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(app, pilot, wait_for)
        box = screen.query_one(Input)
        # Copied from an article, the claim spans two lines: all of it is kept.
        box.post_message(events.Paste("Russia fired 427 drones at Ukraine\novernight, a record"))
        await wait_for(pilot, lambda: box.value == "Russia fired 427 drones at Ukraine overnight, a record",
                       "the paste")
        await wait_for(pilot, lambda: screen.results[:1] == ["drones-record-night"], "the drones fact first")
        assert "bear on this claim, closest first" in widget_text(app, screen.query_one("#search-status"))


async def test_enter_opens_the_fact_and_esc_returns_with_the_query_kept(make_app, wait_for, widget_text):
    app = make_app("search")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(app, pilot, wait_for)
        await pilot.press(*"talks istanbul")
        await wait_for(pilot, lambda: len(screen.results) >= 2, "results")
        shown_before = list(screen.results)
        await pilot.press("down", "down", "enter")  # into the list, to the second result, open it
        await wait_for(pilot, lambda: isinstance(app.screen, FactScreen), "fact detail")
        assert app.screen.fact.id == shown_before[1]
        detail = app.screen.query_one(FactDetail)
        await wait_for(pilot, lambda: "Corroboration:" in widget_text(app, detail), "detail shown")
        assert app.session.deck.fact(shown_before[1]).answer in widget_text(app, detail)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen, "back to search")
        assert screen.query_one(Input).value == "talks istanbul"
        assert screen.results == shown_before
        assert screen.query_one(ResultList).highlighted == 1


async def test_enter_in_the_box_opens_the_top_result(make_app, wait_for):
    app = make_app("search")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(app, pilot, wait_for)
        await pilot.press(*"fidan")
        await wait_for(pilot, lambda: screen.results == ["talks-host"], "results")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, FactScreen), "fact detail")
        assert app.screen.fact.id == "talks-host"


async def test_clicking_a_result_opens_it(make_app, wait_for):
    app = make_app("search")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(app, pilot, wait_for)
        await pilot.press(*"talks istanbul")
        await wait_for(pilot, lambda: len(screen.results) == 4, "results")
        # Each result is two lines: the second result starts on the list's third line.
        await pilot.click(ResultList, offset=(5, 2))
        await wait_for(pilot, lambda: isinstance(app.screen, FactScreen), "fact detail")
        assert app.screen.fact.id == screen.results[1]


async def test_esc_and_slash_move_between_box_and_results(make_app, wait_for):
    app = make_app("search")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(app, pilot, wait_for)
        await pilot.press(*"umerov")
        await wait_for(pilot, lambda: screen.results == ["ukraine-delegation-head"], "results")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.focused, ResultList), "the list focused")
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(app.focused, Input), "the box again")
        assert screen.query_one(Input).value == "umerov"


async def test_results_show_deck_text_literally(make_app, hostile_deck, wait_for, widget_text):
    app = make_app("search", hostile_deck)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await ready(app, pilot, wait_for)
        await pilot.press(*"mayor")
        await wait_for(pilot, lambda: screen.results == ["bridges"], "results")
        shown = widget_text(app, screen.query_one(ResultList))
        assert "The [bold]mayor[/] said 12 bridges ␛[31mwere closed␛[0m." in shown
        assert "12 [/]" in shown
