"""Regressions found by using the TUI as a new user and as a teacher would (review V2).

Each test drives the app with Pilot and fails on the behaviour that was found.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.widgets import Button, SelectionList

from tui.app.messages import OpenSource
from tui.app.app import FactdrillApp
from tui.core.deck.loading import load_deck
from tui.core.quiz.rounds import RoundSpec, build_round
from tui.app.screens.help import HelpScreen
from tui.app.screens.search import ResultList, SearchScreen
from tui.app.screens.source import SourceScreen
from tui.app.widgets.article import ArticleView

QUIZDECK = Path(__file__).parent / "data" / "quizdeck"


def _quizdeck():
    return load_deck([QUIZDECK])


def _span_styles(text: Text) -> set:
    return {span.style for span in text.spans}


def _other_theme(app) -> str:
    return "gruvbox" if app.theme != "gruvbox" else "nord"


async def _quiz_ready(pilot, wait_for):
    from tui.app.screens.quiz import QuizScreen

    await wait_for(pilot, lambda: isinstance(pilot.app.screen, QuizScreen), "the quiz screen")
    return pilot.app.screen


# --- themes -------------------------------------------------------------------------------------

async def test_a_new_theme_repaints_the_article_highlights(make_app, wait_for):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        citation = app.session.deck.facts[0].citations[0]
        app.post_message(OpenSource(citation.source_id, citation))
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen), "source viewer")
        article = app.screen.query_one(ArticleView)
        await wait_for(pilot, lambda: article.current >= 0, "a current highlight")
        old_current = article.get_component_rich_style("article--current")
        app.theme = _other_theme(app)
        await wait_for(pilot, lambda: article.get_component_rich_style("article--current") != old_current,
                       "the new theme's styles")
        new_current = article.get_component_rich_style("article--current")

        def painted_with_new_theme() -> bool:
            styles = {segment.style for y in range(article.size.height) for segment in article.render_line(y)}
            return new_current in styles and old_current not in styles

        await wait_for(pilot, painted_with_new_theme, "highlights in the new theme's colours")


async def test_a_new_theme_repaints_the_search_matches(make_app, wait_for):
    app = make_app("search")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen), "search")
        await pilot.press(*"istanbul")
        await wait_for(pilot, lambda: len(app.screen.results) >= 2, "results")
        results = app.screen.query_one(ResultList)
        await pilot.press("down", "down")  # into the list, then the second result: the cursor must stay
        await wait_for(pilot, lambda: results.highlighted == 1, "the second result highlighted")
        old_match = results.get_component_rich_style("results--match")
        app.theme = _other_theme(app)
        await wait_for(pilot, lambda: results.get_component_rich_style("results--match") != old_match,
                       "the new theme's styles")
        new_match = results.get_component_rich_style("results--match")
        await wait_for(pilot, lambda: new_match in _span_styles(results.get_option_at_index(0).prompt),
                       "matches in the new theme's colours")
        assert old_match not in _span_styles(results.get_option_at_index(0).prompt)
        assert results.highlighted == 1


# --- quiz ---------------------------------------------------------------------------------------

def _claim_in_no_source(deck) -> RoundSpec:
    for seed in range(100):
        spec = RoundSpec(count=1, tags=("ferries",), types=("claim",), seed=seed)
        if build_round(deck, spec).questions[0].judgement == "not-in-sources":
            return spec
    raise AssertionError("no seed gives a claim in no source")


async def test_open_source_is_not_offered_when_the_fact_has_no_source(wait_for, screen_text):
    deck = _quizdeck()
    app = FactdrillApp(deck, mode="quiz")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _quiz_ready(pilot, wait_for)
        screen.start_round(_claim_in_no_source(deck))
        await wait_for(pilot, lambda: screen.state == "question", "the claim")
        await pilot.press("n")
        await wait_for(pilot, lambda: screen.state == "feedback", "the feedback")
        await wait_for(pilot, lambda: "Next" in screen_text(app), "the footer of the feedback")
        assert "Open source" not in screen_text(app)
        assert screen.check_action("open_source", ()) is False


async def test_a_long_summary_scrolls_with_the_keys(wait_for):
    deck = _quizdeck()
    app = FactdrillApp(deck, mode="quiz")
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await _quiz_ready(pilot, wait_for)
        screen.start_round(RoundSpec(count=6, seed=1))
        await wait_for(pilot, lambda: screen.state == "question", "the first question")
        for _ in range(screen.runner.total):  # up to 6: a question whose answer was shown is left out
            await wait_for(pilot, lambda: screen.state == "question", "a question")
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: screen.state == "feedback", "the feedback")
            await pilot.press("enter")
        await wait_for(pilot, lambda: screen.state == "summary", "the summary")
        summary = screen.query_one("#summary")
        await wait_for(pilot, lambda: summary.max_scroll_y > 0, "a summary taller than the screen")
        await pilot.press("pagedown")
        await wait_for(pilot, lambda: summary.scroll_y > 0, "the summary scrolled by PgDn")


async def test_the_setup_form_fits_sixty_columns(wait_for, screen_text):
    app = FactdrillApp(_quizdeck(), mode="quiz")
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await _quiz_ready(pilot, wait_for)
        start = screen.query_one("#setup-start", Button)
        await wait_for(pilot, lambda: start.region.width > 0, "the form laid out")
        assert start.region.right <= screen.query_one("#setup").content_region.right
        assert "Start" in screen_text(app)


async def test_the_feedback_hint_wraps_rather_than_losing_its_keys(wait_for, widget_text):
    app = FactdrillApp(_quizdeck(), mode="quiz")
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await _quiz_ready(pilot, wait_for)
        screen.start_round(RoundSpec(count=2, tags=("people",), types=("typed",), seed=2))
        await wait_for(pilot, lambda: screen.state == "question", "a question")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen.state == "feedback", "the feedback")
        hint = screen.query_one("#feedback-hint")
        await wait_for(pilot, lambda: "in its article" in widget_text(app, hint), "the whole hint")


async def test_the_search_status_wraps_at_eighty_columns(make_app, wait_for, widget_text):
    app = make_app("search")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen), "search")
        claim = "Russia launched a record number of drones against Ukraine"
        await pilot.press(*("space" if ch == " " else ch for ch in claim))
        status = app.screen.query_one("#search-status")
        await wait_for(pilot, lambda: "bear on this claim" in widget_text(app, status), "the claim status")
        assert widget_text(app, status).endswith("Esc: the list")


async def test_setup_sources_are_told_apart_by_title(wait_for):
    deck = _quizdeck()
    app = FactdrillApp(deck, mode="quiz")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _quiz_ready(pilot, wait_for)
        sources = screen.query_one("#setup-sources", SelectionList)
        await wait_for(pilot, lambda: sources.region.width > 0, "the form laid out")
        # What fits on a row is enough to tell the sources apart: each starts with its title.
        for index, source in enumerate(deck.sources.values()):
            assert sources.get_option_at_index(index).prompt.plain.startswith(source.title)


async def test_enter_in_a_setup_list_starts_the_round_and_space_ticks(wait_for):
    app = FactdrillApp(_quizdeck(), mode="quiz")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _quiz_ready(pilot, wait_for)
        tags = screen.query_one("#setup-tags", SelectionList)
        tags.focus()
        await pilot.press("space")  # ticks the first tag
        first_tag = tags.get_option_at_index(0).value
        await wait_for(pilot, lambda: tags.selected == [first_tag], "the first tag ticked")
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.state == "question", "the round started")
        assert tags.selected == [first_tag]  # Enter started the round without touching the ticks
        assert first_tag in screen.runner.round.spec.tags


# --- the command palette ------------------------------------------------------------------------

async def test_palette_keys_opens_the_factdrill_keys_list(make_app, wait_for):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Keys", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "the keys overlay")
        assert not app.screen.query("HelpPanel")


# --- search -------------------------------------------------------------------------------------

async def test_enter_typed_before_the_results_opens_the_new_querys_top_result(make_app, wait_for):
    from tui.app.screens.fact import FactScreen

    app = make_app("search")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen), "search")
        await pilot.press(*"drones")
        await wait_for(pilot, lambda: app.screen.results == ["drones-record-night"], "the drones result")
        # A fast typist: a new query and Enter, well inside the debounce.
        await pilot.press(*["backspace"] * 6, *"umerov", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, FactScreen), "a fact opened")
        assert app.screen.fact.id == "ukraine-delegation-head"


async def test_setup_lists_stack_on_a_narrow_terminal_so_entries_are_readable(wait_for, widget_text):
    deck = _quizdeck()
    app = FactdrillApp(deck, mode="quiz")
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await _quiz_ready(pilot, wait_for)
        types = screen.query_one("#setup-types", SelectionList)
        await wait_for(pilot, lambda: types.region.width > 0, "the form laid out")
        assert "Multiple choice" in widget_text(app, types)
        sources = screen.query_one("#setup-sources", SelectionList)
        sources.focus()  # scrolled into view
        await wait_for(pilot, lambda: sources.region.height > 0 and any(
            s.title in widget_text(app, sources) for s in deck.sources.values()), "a whole source title")


# --- browse -------------------------------------------------------------------------------------

async def test_a_long_fact_detail_scrolls_rather_than_losing_its_dispute(make_app, wait_for, widget_text):
    from tui.app.screens.browse import BrowseScreen
    from tui.app.widgets.fact_detail import FactDetail

    app = make_app("browse")
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen), "browse")
        app.screen.select_fact("bodies-exchange")
        detail = app.screen.query_one(FactDetail)
        summary = app.screen.query_one("#fact-summary")
        await wait_for(pilot, lambda: detail.fact_id == "bodies-exchange" and summary.region.height > 0,
                       "the disputed fact")
        # Too tall for a 60x20 terminal: the end of the dispute note is below the fold.
        assert "had not confirmed it." not in widget_text(app, summary)
        await pilot.press("tab")  # from the list into the fact's own lines
        await wait_for(pilot, lambda: app.focused is summary, "the summary focused")
        await pilot.press("end")
        await wait_for(pilot, lambda: "the daily says Kyiv had not confirmed it." in widget_text(app, summary),
                       "the dispute note scrolled into view")
        await pilot.press("tab")
        await wait_for(pilot, lambda: app.focused is app.screen.query_one("#citations"), "then the citations")
