"""The source viewer: a whole article, every quote highlighted, one emphasised and in view."""

from __future__ import annotations

from rich.text import Text

from tui.app.messages import OpenSource
from tui.app.screens.browse import BrowseScreen
from tui.app.screens.fact import FactScreen
from tui.app.screens.source import FactPicker, SourceScreen
from tui.app.widgets.article import ArticleView, Paragraph
from tui.app.widgets.fact_detail import FactDetail

WIRE_QUOTES_IN_ORDER = [
    "lasted just over an hour",
    "The Ukrainian delegation was led by Defence Minister Rustem Umerov",
    "Russia's team was headed by presidential aide Vladimir Medinsky",
    "Russia launched a record 472 drones against Ukraine in a single night",
    "to return the bodies of 6,000 fallen soldiers each",
    "Turkish Foreign Minister Hakan Fidan hosted the meeting",
]


def styled_passages(article: ArticleView) -> list[tuple[str, str]]:
    """(passage, "current" | "quote") for every highlighted stretch shown, in text order."""
    current = article.get_component_rich_style("article--current")
    quote = article.get_component_rich_style("article--quote")
    found = []
    for paragraph in article.query(Paragraph):
        text = paragraph.content
        assert isinstance(text, Text)
        for span in text.spans:
            kind = "current" if span.style == current else "quote" if span.style == quote else "other"
            found.append((text.plain[span.start:span.end], kind))
    return found


async def open_source(app, pilot, wait_for, fact_id: str, citation_index: int = 0) -> ArticleView:
    citation = app.session.deck.fact(fact_id).citations[citation_index]
    app.post_message(OpenSource(citation.source_id, citation))
    await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen), "source viewer")
    article = app.screen.query_one(ArticleView)
    await wait_for(pilot, lambda: article.current >= 0, "a current highlight")
    return article


async def test_metadata_at_the_top_and_why_the_date_was_inferred(make_app, wait_for, widget_text):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        article = await open_source(app, pilot, wait_for, "drones-record-night")
        meta = app.screen.query_one("#source-meta")
        await wait_for(pilot, lambda: "Cited by" in widget_text(app, meta), "metadata")
        shown = widget_text(app, meta)
        assert shown.startswith("Second round of talks in Istanbul (no headline; descriptive title)")
        assert "Outlet unknown · 2 June 2025 · date inferred" in shown
        assert "Cited by 6 facts" in shown
        article.scroll_home(animate=False)
        await wait_for(pilot, lambda: "Date inferred: it reports talks held 'on Monday'"
                       in widget_text(app, article), "the date's basis above the article")


async def test_an_exact_date_says_so(make_app, wait_for, widget_text):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        article = await open_source(app, pilot, wait_for, "drones-record-night", 1)
        meta = app.screen.query_one("#source-meta")
        await wait_for(pilot, lambda: "Cited by" in widget_text(app, meta), "metadata")
        assert "The Daily Example · 2 June 2025 · exact date" in widget_text(app, meta)
        assert "Date inferred" not in widget_text(app, article)


async def test_every_quote_highlighted_and_the_chosen_one_emphasised(make_app, wait_for):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        article = await open_source(app, pilot, wait_for, "drones-record-night")
        passages = styled_passages(article)
        assert [text for text, _ in passages] == WIRE_QUOTES_IN_ORDER
        assert [text for text, kind in passages if kind == "current"] == [
            "Russia launched a record 472 drones against Ukraine in a single night"
        ]
        assert {kind for _, kind in passages} == {"current", "quote"}
        assert article.get_component_rich_style("article--current") != article.get_component_rich_style(
            "article--quote")


async def test_n_and_shift_n_move_between_highlights_wrapping(make_app, wait_for):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        article = await open_source(app, pilot, wait_for, "talks-host")

        def current_passage() -> str:
            return next(text for text, kind in styled_passages(article) if kind == "current")

        assert current_passage() == WIRE_QUOTES_IN_ORDER[-1]
        await pilot.press("n")  # past the last: back to the first
        await wait_for(pilot, lambda: current_passage() == WIRE_QUOTES_IN_ORDER[0], "wrapped to first")
        await pilot.press("n")
        await wait_for(pilot, lambda: current_passage() == WIRE_QUOTES_IN_ORDER[1], "second")
        await pilot.press("N", "N")
        await wait_for(pilot, lambda: current_passage() == WIRE_QUOTES_IN_ORDER[-1], "wrapped to last")


async def test_enter_on_a_highlight_opens_its_fact_and_esc_comes_back(make_app, wait_for, widget_text):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        article = await open_source(app, pilot, wait_for, "drones-record-night")
        await pilot.press("N")  # Medinsky's passage
        await wait_for(pilot, lambda: article.current == 2, "third highlight")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, FactScreen), "fact screen")
        assert app.screen.fact.id == "russia-delegation-head"
        detail = app.screen.query_one(FactDetail)
        await wait_for(pilot, lambda: "Answer: Vladimir Medinsky" in widget_text(app, detail), "detail")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen), "back to the article")
        assert app.screen.query_one(ArticleView).current == 2
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen), "back to browse")


async def test_a_passage_quoted_by_two_facts_asks_which(make_app, wait_for, screen_text):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        article = await open_source(app, pilot, wait_for, "talks-day")
        assert article.highlights[article.current].fact_ids == ("talks-duration", "talks-day")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, FactPicker), "fact picker")
        shown = screen_text(app)
        assert "The second round of talks in Istanbul lasted about an hour." in shown
        assert "The second round of talks in Istanbul was held on a Monday." in shown
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, FactScreen), "fact screen")
        assert app.screen.fact.id == "talks-day"


async def test_chosen_quote_is_scrolled_into_view_on_a_small_terminal(make_app, wait_for, widget_text):
    app = make_app("browse")
    async with app.run_test(size=(60, 20)) as pilot:
        article = await open_source(app, pilot, wait_for, "talks-host")
        await wait_for(pilot, lambda: article.scroll_y > 0, "scrolled down")
        await wait_for(pilot, lambda: "Turkish Foreign Minister Hakan Fidan hosted the meeting"
                       in widget_text(app, article), "quote shown")
        assert "Delegations from Russia" not in widget_text(app, article)
        await pilot.press("n")  # wraps to the first quote, at the top of the article
        await wait_for(pilot, lambda: article.scroll_y == 0, "scrolled back up")
        assert "lasted just over an hour" in widget_text(app, article)


async def test_clicking_a_paragraph_makes_its_quote_current(make_app, wait_for):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        article = await open_source(app, pilot, wait_for, "drones-record-night")
        assert article.current == 3
        bodies = list(article.query(Paragraph))[3]
        await pilot.click(bodies)
        await wait_for(pilot, lambda: article.current == 4, "the clicked paragraph's quote")
        await pilot.click(bodies)  # again: its only quote opens its fact
        await wait_for(pilot, lambda: isinstance(app.screen, FactScreen), "fact screen")
        assert app.screen.fact.id == "bodies-exchange"
