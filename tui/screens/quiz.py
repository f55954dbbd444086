"""Placeholder Quiz mode (the quiz engineer replaces this module)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class QuizScreen(Screen):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Text("Quiz: coming soon."), id="quiz-placeholder")
        yield Footer()
