"""Shown while a large deck loads in a worker thread: what is loading, and how far along it is."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Header, ProgressBar, Static

from tui.app.widgets.footer import SteadyFooter


class LoadingScreen(Screen):
    """Progress of `load_deck` (files parsed, then facts verified); the app replaces it when done."""

    DEFAULT_CSS = """
    LoadingScreen #loading-what { width: auto; margin-bottom: 1; }
    """

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        yield Header()
        with Middle(), Center():
            yield Static(Text(f"Loading and verifying {self.what}…"), id="loading-what")
            yield ProgressBar(total=None, show_eta=False, id="loading-progress")
        yield SteadyFooter()

    def set_progress(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=total, progress=done)
