"""The app shell: modes and their keys, the footer, the keys overlay, the command palette,
quitting, themes, small terminals and deck text shown literally."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette
from textual.widgets import Input

from tui.app.messages import OpenSource
from tui.cli.main import build_parser
from tui.app.screens.browse import BrowseScreen
from tui.app.screens.fact import FactScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.search import SearchScreen
from tui.app.screens.source import SourceScreen
from tui.app.widgets.article import ArticleView
from tui.app.widgets.fact_detail import FactDetail
from tui.app.widgets.fact_tree import FactTree


def test_mode_option_accepts_the_three_modes_and_defaults_to_browse():
    parser = build_parser()
    assert parser.parse_args([]).mode == "browse"
    for mode in ("browse", "search", "quiz"):
        assert parser.parse_args(["--mode", mode]).mode == mode


async def test_starts_in_the_mode_asked_for(make_app, wait_for):
    app = make_app("search")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen), "search mode")
        assert app.current_mode == "search"
        assert isinstance(app.focused, Input)


async def test_number_keys_switch_modes(make_app, wait_for):
    from tui.app.screens.quiz import QuizScreen

    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen), "browse mode")
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen), "search mode")
        # The search box has focus and takes "1"; Esc leaves it for the results.
        await pilot.press("escape", "3")
        await wait_for(pilot, lambda: isinstance(app.screen, QuizScreen), "quiz mode")
        assert app.current_mode == "quiz"
        await pilot.press("ctrl+q")  # whatever the quiz has focused, this key is priority
        await wait_for(pilot, lambda: app.return_code == 0, "exit")


async def test_each_mode_keeps_its_own_screens(make_app, wait_for, screen_text):
    app = make_app("search")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"umerov")
        await wait_for(pilot, lambda: app.screen.results == ["ukraine-delegation-head"], "results")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, FactScreen), "fact detail")
        await pilot.press("1")
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen), "browse")
        await pilot.press("2")
        await wait_for(pilot, lambda: isinstance(app.screen, FactScreen), "search's fact detail again")
        assert "Defence Minister Rustem Umerov led Ukraine's delegation." in screen_text(app)


async def test_footer_shows_the_mode_keys_quit_help_and_palette(make_app, wait_for, screen_text):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: "1 Browse" in screen_text(app), "footer")
        footer = screen_text(app).splitlines()[-1]
        for shown in ("1 Browse", "2 Search", "3 Quiz", "^q Quit", "? Keys", "^p palette", "g Group by"):
            assert shown in footer


async def test_question_mark_opens_the_keys_overlay_and_esc_closes_it(make_app, wait_for, screen_text):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen), "browse")
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        shown = screen_text(app)
        assert "Keys" in shown
        assert "Group by: facts by topic or by source article" in shown
        assert "ctrl+q" in shown and "Command palette" in shown
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen), "back to browse")


async def test_f1_opens_the_keys_while_typing_a_search_and_question_mark_is_typed(
        make_app, wait_for, screen_text):
    app = make_app("search")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.focused, Input), "the search box")
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: app.screen.query_one("#query", Input).value == "?", "'?' typed")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        shown = screen_text(app)
        # The mode keys are listed even though the search box is taking them just now.
        assert "Browse: facts by topic or article" in shown
        assert "Results / query" in shown


async def test_ctrl_q_quits_with_exit_code_zero(make_app, wait_for):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen), "browse")
        assert app.return_code is None
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: app.return_code is not None, "exit")
    assert app.return_code == 0


async def test_palette_go_to_fact_selects_it_in_browse(make_app, wait_for):
    app = make_app("search")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen), "search")
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "palette")
        await pilot.press(*"go to fact")
        await wait_for(pilot, lambda: app.screen.query_one(CommandList).option_count > 0, "entry")
        await pilot.press("enter")
        # The second palette searches statements fuzzily.
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette)
                       and app.screen.query_one(Input).placeholder == "Go to fact…", "fact picker")
        await pilot.press(*"medinsky headed")
        await wait_for(pilot, lambda: app.screen.query_one(CommandList).option_count > 0, "facts")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen)
                       and app.screen.query_one(FactDetail).fact_id == "russia-delegation-head",
                       "the fact selected in browse")
        assert app.screen.query_one(FactTree).current_fact_id == "russia-delegation-head"


async def test_palette_open_source_shows_the_article(make_app, wait_for, screen_text):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen), "browse")
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "palette")
        await pilot.press(*"open source")
        await wait_for(pilot, lambda: app.screen.query_one(CommandList).option_count > 0, "entry")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette)
                       and app.screen.query_one(Input).placeholder == "Open source…", "source picker")
        await pilot.press(*"daily example")
        await wait_for(pilot, lambda: app.screen.query_one(CommandList).option_count > 0, "sources")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen), "source viewer")
        assert app.screen.source_id == "daily"
        assert "A third round of talks has not been scheduled." in screen_text(app)


async def test_themes_restyle_the_highlights(make_app, wait_for):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        app.post_message(OpenSource("wire"))
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen), "source viewer")
        article = app.screen.query_one(ArticleView)
        app.theme = "textual-dark"
        await pilot.pause()
        dark = article.get_component_rich_style("article--current")
        app.theme = "textual-light"
        await wait_for(pilot, lambda: article.get_component_rich_style("article--current") != dark,
                       "the highlight restyled")


async def test_readable_at_60_by_20_with_the_list_above_the_detail(make_app, wait_for, widget_text):
    app = make_app("browse")
    async with app.run_test(size=(60, 20)) as pilot:
        detail = app.screen.query_one(FactDetail)
        await wait_for(pilot, lambda: "Answer: 472 drones" in widget_text(app, detail), "the detail")
        tree = app.screen.query_one(FactTree)
        assert tree.region.width >= 58 and tree.region.bottom <= detail.region.y
        assert "Russia launched a record 472 drones against Ukraine in" in widget_text(app, tree)
        assert widget_text(app, detail).startswith(
            "Russia launched a record 472 drones against Ukraine in a single night.")


async def test_side_by_side_when_wide(make_app, wait_for):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        detail = app.screen.query_one(FactDetail)
        await wait_for(pilot, lambda: detail.fact_id is not None, "the detail")
        tree = app.screen.query_one(FactTree)
        assert tree.region.right <= detail.region.x and tree.region.y == detail.region.y


async def test_source_viewer_fits_80_by_24_with_the_quote_in_view(make_app, wait_for, screen_text):
    app = make_app("browse")
    async with app.run_test(size=(80, 24)) as pilot:
        fact = app.session.deck.fact("talks-host")
        app.post_message(OpenSource("wire", fact.citations[0]))
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen), "source viewer")
        await wait_for(pilot, lambda: "Turkish Foreign Minister Hakan Fidan hosted" in screen_text(app),
                       "the quote in view")
        assert "Outlet unknown" in screen_text(app)


async def test_mouse_click_on_a_fact_shows_it(make_app, wait_for):
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        detail = app.screen.query_one(FactDetail)
        await wait_for(pilot, lambda: detail.fact_id == "drones-record-night", "first fact shown")
        tree = app.screen.query_one(FactTree)
        line = next(i for i in range(tree.last_line + 1)
                    if tree.get_node_at_line(i).data == "bodies-exchange")
        await pilot.click(FactTree, offset=(8, line - tree.scroll_offset.y))
        await wait_for(pilot, lambda: detail.fact_id == "bodies-exchange", "clicked fact shown")


async def test_deck_text_is_shown_literally_everywhere(make_app, hostile_deck, wait_for, screen_text):
    app = make_app("browse", hostile_deck)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_for(pilot, lambda: "Answer:" in screen_text(app), "the detail")
        shown = screen_text(app)
        assert "The [bold]mayor[/] said 12 bridges ␛[31mwere closed␛[0m." in shown
        assert "Answer: 12 [/]" in shown
        assert "[blink]tag[/blink]" in shown
        assert "[red]Bridges[/] closed ␛[2J" in shown
        assert "The [i]Outlet[/i]" in shown
        assert "\x1b" not in shown
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen), "source viewer")
        shown = screen_text(app)
        assert "Nothing else happened [link=http://example.com]here[/link]." in shown
        assert "The [bold]mayor[/] of Testville said 12 bridges ␛[31mwere closed␛[0m on Friday." in shown
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette), "palette")
        await pilot.press(*"go to fact")
        await wait_for(pilot, lambda: app.screen.query_one(CommandList).option_count > 0, "entry")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "mayor" in screen_text(app), "the fact in the picker")
        shown = screen_text(app)
        assert "[bold]mayor[/]" in shown and "[blink]tag[/blink]" in shown
