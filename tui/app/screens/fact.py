"""A fact's detail as its own screen, pushed from Search or from the source viewer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header

from tui.core.deck.model import Deck, Fact
from tui.app.widgets.fact_detail import CitationList, FactDetail
from tui.app.widgets.footer import SteadyFooter


class FactScreen(Screen):
    """One fact; Enter on a citation opens its article; Esc goes back."""

    BINDINGS = [Binding("escape", "back", "Back", id="fact.back")]

    def __init__(self, deck: Deck, fact: Fact) -> None:
        super().__init__()
        self.deck = deck
        self.fact = fact

    def compose(self) -> ComposeResult:
        yield Header()
        yield FactDetail(self.deck, self.fact.id, id="detail")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Fact · Esc: back"
        self.query_one(CitationList).focus()

    def action_back(self) -> None:
        self.dismiss()
