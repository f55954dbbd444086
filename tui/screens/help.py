"""The `?` overlay: every key that works here, from the active bindings."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

GENERAL = [
    ("ctrl+p", "Command palette: Go to fact…, Open source…, themes"),
    ("tab / shift+tab", "Move between panes"),
    ("↑ ↓ / mouse", "Move, scroll; Enter or click to choose"),
]


def keys_table(active_bindings) -> Table:
    """A two-column table of the keys active beneath the overlay, then general ones."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    seen: set[str] = set()
    for key, active in active_bindings.items():
        binding = active.binding
        if not binding.description or binding.description in seen:
            continue
        seen.add(binding.description)
        shown = binding.key_display or key
        table.add_row(Text(shown), Text(binding.tooltip or binding.description))
    for key, what in GENERAL:
        table.add_row(Text(key), Text(what))
    return table


class HelpScreen(ModalScreen[None]):
    """Keys overlay; any of Esc, ? or q closes it."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, active_bindings) -> None:
        super().__init__()
        self._table = keys_table(active_bindings)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(self._table, id="help-keys")

    def on_mount(self) -> None:
        box = self.query_one("#help")
        box.border_title = "Keys"
        box.border_subtitle = "Esc closes"

    def on_click(self) -> None:
        self.dismiss()
