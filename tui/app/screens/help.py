"""The `?` overlay: every key that works here, from the active bindings."""

from __future__ import annotations

from typing import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEY_NAMES = {"question_mark": "?", "slash": "/", "escape": "esc", "enter": "enter"}
GENERAL = [
    ("ctrl+p", "Command palette: Go to fact…, Open source…, themes"),
    ("tab / shift+tab", "Move between panes"),
    ("↑ ↓ / mouse", "Move, scroll; Enter or click to choose"),
    ("while typing", "the search box takes 1 2 3 and ?: leave it with ↓ or Esc first, or use f1"),
]


def keys_table(active_bindings, app_bindings: Iterable[Binding] = ()) -> Table:
    """A two-column table of factdrill's keys, then general ones.

    Only bindings with an id are listed: those are factdrill's (and rebindable);
    a widget's built-in keys (cursor moves, scrolling) are summed up in GENERAL.
    The keys active beneath the overlay come first; app-wide keys a focused
    input is taking (the mode keys while typing a search) follow, so they are
    still documented. Keys sharing one binding id share a row ("? / f1").
    """
    rows: dict[str, tuple[list[str], str]] = {}
    bindings = [(key, active.binding) for key, active in active_bindings.items()]
    bindings += [(binding.key, binding) for binding in app_bindings]
    for key, binding in bindings:
        if not binding.id or not binding.description:
            continue
        what = binding.description
        if binding.tooltip:
            # "Search: search facts…" says it twice; then the tooltip alone will do.
            same = binding.tooltip.split()[0].casefold() == what.split()[0].casefold()
            tip = binding.tooltip[0].upper() + binding.tooltip[1:]
            what = tip if same else f"{what}: {binding.tooltip}"
        keys, _ = rows.setdefault(binding.id, ([], what))
        for one in key.split(","):
            shown = binding.key_display or KEY_NAMES.get(one.strip(), one.strip())
            if shown not in keys:
                keys.append(shown)
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for keys, what in rows.values():
        table.add_row(Text(" / ".join(keys)), Text(what))
    for key, what in GENERAL:
        table.add_row(Text(key), Text(what))
    return table


class HelpScreen(ModalScreen[None]):
    """Keys overlay; any of Esc, ? or q closes it."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, active_bindings, app_bindings: Iterable[Binding] = ()) -> None:
        super().__init__()
        self._table = keys_table(active_bindings, app_bindings)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(self._table, id="help-keys")

    def on_mount(self) -> None:
        box = self.query_one("#help")
        box.border_title = "Keys"
        box.border_subtitle = "Esc closes"

    def on_click(self) -> None:
        self.dismiss()
