"""Asking before a round in play is thrown away."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from tui.app.screens.dismiss_once import DismissOnce


class ConfirmQuitRound(DismissOnce, ModalScreen[bool]):
    """Dismisses with True to end the round, False to keep playing."""

    BINDINGS = [
        Binding("y", "dismiss(True)", "Quit round", id="quiz.confirm.yes"),
        Binding("n,escape", "dismiss(False)", "Keep playing", id="quiz.confirm.no"),
    ]

    def __init__(self, answered: int, total: int, *, question: str = "Quit this round?",
                 after: str = "the results so far are shown.") -> None:
        super().__init__()
        self.answered = answered
        self.total = total
        self.question = question  # a drill asks "Stop the drill?" and says what stopping means
        self.after = after

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-quit"):
            yield Static(Text(f"{self.question} {self.answered} of {self.total} answered; "
                              f"{self.after}\ny: quit · n or Esc: keep playing"))
            with Horizontal(id="confirm-buttons"):
                yield Button("Quit round", id="confirm-yes", variant="error")
                yield Button("Keep playing", id="confirm-no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")
