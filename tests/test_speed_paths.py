"""What keeps a large deck interactive: facts by source indexed once, the search index made
before the first keystroke, and a debounce that follows how long searches take."""

from __future__ import annotations

from tui.app.screens.search import DEBOUNCE_MAX_SECONDS, DEBOUNCE_MIN_SECONDS, SearchScreen, debounce_for
from tui.core.deck.model import Deck


def test_facts_citing_gives_each_source_its_facts_in_deck_order(snapdeck: Deck):
    for source_id in snapdeck.sources:
        assert snapdeck.facts_citing(source_id) == tuple(f for f in snapdeck.facts if source_id in f.source_ids)
    assert snapdeck.facts_citing("no-such-source") == ()
    cited_twice = next(f for f in snapdeck.facts if len(f.source_ids) > 1)
    assert all(cited_twice in snapdeck.facts_citing(s) for s in cited_twice.source_ids)


def test_the_debounce_follows_the_search_time_within_its_bounds():
    assert debounce_for(None) == DEBOUNCE_MAX_SECONDS  # nothing measured yet: the safe side
    assert debounce_for(0.0001) == DEBOUNCE_MIN_SECONDS  # fast searches follow each key
    assert DEBOUNCE_MIN_SECONDS < debounce_for(0.02) < DEBOUNCE_MAX_SECONDS
    assert debounce_for(0.02) < debounce_for(0.04)
    assert debounce_for(2.0) == DEBOUNCE_MAX_SECONDS


async def test_the_search_index_is_ready_before_anything_is_typed(make_app, wait_for):
    app = make_app("browse")  # not even in Search mode
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.session.search_index_ready, "the index, made in the background")


async def test_results_come_after_a_short_debounce_once_searches_are_measured_fast(make_app, wait_for):
    app = make_app("search")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press(*"drones")
        await wait_for(pilot, lambda: "record-472-drones" in screen.results or screen.results, "results")
        # The snapshot deck searches in well under a millisecond: the next debounce is the shortest.
        assert screen.debounce == DEBOUNCE_MIN_SECONDS
