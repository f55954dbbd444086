"""Browse mode: facts grouped by topic or by article, the selected fact's detail, citations into sources."""

from __future__ import annotations

from tui.app.screens.browse import BrowseScreen
from tui.app.screens.source import SourceScreen
from tui.app.widgets.article import ArticleView
from tui.app.widgets.fact_detail import CitationList, FactDetail
from tui.app.widgets.fact_tree import FactTree


def group_labels(tree: FactTree) -> list[str]:
    return [branch.label.plain for branch in tree.root.children]


async def test_first_fact_is_selected_and_its_detail_shown(make_app, wait_for, widget_text):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.screen.query_one(FactDetail).fact_id == "drones-record-night",
                       "first fact")
        detail = app.screen.query_one(FactDetail)
        await wait_for(pilot, lambda: "Answer: 472 drones" in widget_text(app, detail), "detail shown")
        shown = widget_text(app, detail)
        assert shown.startswith("Russia launched a record 472 drones against Ukraine in a single night.")
        assert "Tags: military-events" in shown
        assert "Corroboration: stated by 2 of 2 articles" in shown
        # Each citation: title, outlet, date (with its precision), and the quote in its paragraph.
        assert "Second round of talks in Istanbul (no headline; descriptive title)" in shown
        assert "Outlet unknown · 2 June 2025 (inferred)" in shown  # why: in the source viewer
        assert "Istanbul talks end in an hour" in shown
        assert "The Daily Example · 2 June 2025" in shown
        assert "Russia fired 472 drones overnight before the talks, Kyiv said" in shown


async def test_groups_by_topic_then_g_groups_by_article_keeping_the_fact(make_app, wait_for, screen_text):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        tree = app.screen.query_one(FactTree)
        await wait_for(pilot, lambda: tree.current_fact_id == "drones-record-night", "first fact")
        assert group_labels(tree) == [
            "military-events  (1)", "delegations  (3)", "prisoner-exchanges  (1)", "diplomacy  (2)",
        ]
        await pilot.press("down", "down")  # over the "delegations" heading to its first fact
        await wait_for(pilot, lambda: tree.current_fact_id == "talks-duration", "second fact")
        await pilot.press("g")
        await wait_for(pilot, lambda: tree.grouping == "source", "grouping by source")
        assert group_labels(tree) == [
            "Second round of talks in Istanbul (no headline; descriptive title)  Outlet unknown  (6)",
            "Istanbul talks end in an hour  The Daily Example  (5)",
        ]
        await wait_for(pilot, lambda: tree.current_fact_id == "talks-duration", "the fact kept")
        assert "Browse · by source" in screen_text(app)
        await pilot.press("g")
        await wait_for(pilot, lambda: group_labels(tree)[0] == "military-events  (1)", "by topic again")
        assert "Browse · by topic" in screen_text(app)


async def test_moving_the_cursor_shows_that_fact_with_its_dispute(make_app, wait_for, widget_text):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        detail = app.screen.query_one(FactDetail)
        await wait_for(pilot, lambda: detail.fact_id == "drones-record-night", "first fact")
        await pilot.press("end")  # the last fact, then up past the "diplomacy" heading
        await wait_for(pilot, lambda: detail.fact_id == "talks-day", "last fact")
        await pilot.press("up", "up", "up")
        await wait_for(pilot, lambda: detail.fact_id == "bodies-exchange", "the disputed fact")
        await wait_for(pilot, lambda: "Answer: 6,000" in widget_text(app, detail), "its detail")
        shown = widget_text(app, detail)
        assert "Each side agreed to return the bodies of 6,000 fallen soldiers." in shown
        assert ("Disputed: The wire reports the figure as agreed; "
                "the daily says Kyiv had not confirmed it.") in shown
        assert "Tags: prisoner-exchanges" in shown


async def test_enter_moves_into_citations_and_enter_opens_the_article(make_app, wait_for):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        detail = app.screen.query_one(FactDetail)
        await wait_for(pilot, lambda: detail.fact_id == "drones-record-night", "first fact")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.focused, CitationList), "citations focused")
        await pilot.press("down", "enter")  # the second citation: the daily
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen), "source viewer")
        assert app.screen.source_id == "daily"
        article = app.screen.query_one(ArticleView)
        quote = app.session.deck.fact("drones-record-night").citations[1]
        current = article.highlights[article.current]
        assert current.start <= quote.start and quote.end <= current.end
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen), "back in browse")
        assert detail.fact_id == "drones-record-night"
        await wait_for(pilot, lambda: isinstance(app.focused, CitationList), "the citations again")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.focused, FactTree), "back in the list of facts")


async def test_clicking_a_citation_opens_its_article(make_app, wait_for):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        detail = app.screen.query_one(FactDetail)
        await wait_for(pilot, lambda: detail.fact_id == "drones-record-night", "first fact")
        await pilot.click(CitationList, offset=(4, 1))
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen), "source viewer")
        assert app.screen.source_id == "wire"
