"""The footer shows its keys from the first frame and is rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Button, Input

from tui.app.widgets.footer import SteadyFooter


class Shelf(Input):
    """An input with a key of its own in the footer."""

    BINDINGS = [Binding("ctrl+s", "shelve", "Shelve")]


class TwoWidgets(App):
    BINDINGS = [Binding("ctrl+g", "greet", "Greet")]

    def compose(self) -> ComposeResult:
        yield Button("first", id="first")
        yield Button("second", id="second")
        yield Shelf(id="shelf")
        yield SteadyFooter()


def footer_keys(app: App) -> list:
    # By the widget's type name: Textual exports no FooterKey class (it lives in a private module).
    return list(app.screen.query_one(SteadyFooter).query("FooterKey"))


def descriptions(app: App) -> list[str]:
    return [key.description for key in footer_keys(app)]


async def test_footer_keys_are_there_from_the_start_and_kept_while_they_stay_the_same(wait_for):
    app = TwoWidgets()
    async with app.run_test(size=(80, 10)) as pilot:
        await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "first", "first focused")
        assert "Greet" in descriptions(app) and "Shelve" not in descriptions(app)
        before = footer_keys(app)
        app.set_focus(app.query_one("#second", Button))
        await wait_for(pilot, lambda: app.focused.id == "second", "second focused")
        await pilot.pause()
        assert footer_keys(app) == before  # the very same widgets: nothing was remounted


async def test_footer_is_rebuilt_when_the_keys_it_shows_change(wait_for):
    app = TwoWidgets()
    async with app.run_test(size=(80, 10)) as pilot:
        await wait_for(pilot, lambda: app.focused is not None, "focus")
        app.set_focus(app.query_one(Shelf))
        await wait_for(pilot, lambda: "Shelve" in descriptions(app), "the input's key shown")
        app.set_focus(app.query_one("#first", Button))
        await wait_for(pilot, lambda: "Shelve" not in descriptions(app), "the input's key gone")
        assert "Greet" in descriptions(app)
