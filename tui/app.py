"""The factdrill Textual app: three modes over one verified deck."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tui.core.deck import Deck


class PlaceholderScreen(Screen):
    def __init__(self, title: str) -> None:
        super().__init__()
        self._title = title

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self._title, markup=False)
        yield Footer()


class FactdrillApp(App):
    TITLE = "factdrill"
    BINDINGS = [
        Binding("1", "switch_mode('browse')", "Browse", id="mode.browse"),
        Binding("2", "switch_mode('search')", "Search", id="mode.search"),
        Binding("3", "switch_mode('quiz')", "Quiz", id="mode.quiz"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit"),
    ]
    MODES = {
        "browse": lambda: PlaceholderScreen("Browse"),
        "search": lambda: PlaceholderScreen("Search"),
        "quiz": lambda: PlaceholderScreen("Quiz"),
    }

    def __init__(self, deck: Deck, mode: str = "browse") -> None:
        super().__init__()
        self.deck = deck
        self.start_mode = mode

    def on_mount(self) -> None:
        self.switch_mode(self.start_mode)
