"""One fact in full: statement, answer, tags, corroboration, dispute, and its citations.

The citations are a list: Enter (or a click) on one posts `CitationChosen`.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.deck.model import Citation, Deck, Fact
from tui.present.facts import citation_block, fact_summary


class FactSummary(VerticalScroll):
    """The fact's own lines, scrollable: a long note or dispute on a small terminal would
    otherwise be cut off, corroboration and all. Focusable (Tab) only when there is more."""

    def allow_focus(self) -> bool:
        return self.max_scroll_y > 0

    def show(self, renderable: RenderableType) -> None:
        self.query_one(Static).update(renderable)
        self.scroll_home(animate=False)


class CitationList(OptionList):
    """A fact's citations, each with its source's provenance and quote in context."""

    DEFAULT_CSS = """
    CitationList {
        height: 1fr;
        border: none;
        padding: 0;
        &:focus { border: none; }
    }
    """


class FactDetail(Vertical):
    """Shows the fact whose id is in `fact_id` (attributes down, messages up)."""

    fact_id: reactive[str | None] = reactive(None)

    class CitationChosen(Message):
        """The user chose a citation: open its source there."""

        def __init__(self, fact_id: str, citation: Citation) -> None:
            super().__init__()
            self.fact_id = fact_id
            self.citation = citation

    def __init__(self, deck: Deck, fact_id: str | None = None, **kwargs) -> None:
        """`fact_id`, if given, is shown from the first frame (no placeholder, no second layout)."""
        super().__init__(**kwargs)
        self.deck = deck
        self.set_reactive(FactDetail.fact_id, fact_id)

    def compose(self) -> ComposeResult:
        fact = None if self.fact_id is None else self.deck.fact(self.fact_id)
        with FactSummary(id="fact-summary"):
            yield Static(self._summary(fact), id="fact-summary-text")
        yield Static(Text("Citations — Enter opens the article", style="dim"), id="citations-label")
        # Built with its options, an OptionList highlights the first one itself.
        yield CitationList(*self._citation_options(fact), id="citations")

    def watch_fact_id(self, fact_id: str | None) -> None:
        if fact_id is None or not self.children:  # not composed yet: compose shows it
            return
        fact = self.deck.fact(fact_id)
        self.query_one(FactSummary).show(self._summary(fact))
        citations = self.query_one(CitationList)
        citations.clear_options()
        citations.add_options(self._citation_options(fact))
        citations.highlighted = 0

    def _summary(self, fact: Fact | None) -> RenderableType:
        if fact is None:
            return Text("Select a fact to see it here.", style="dim")
        return fact_summary(self.deck, fact)

    def _citation_options(self, fact: Fact | None) -> list[Option]:
        if fact is None:
            return []
        # A blank line under each citation keeps neighbouring articles apart; why a
        # date was inferred is left to the source viewer, where there is room.
        return [Option(Padding(citation_block(self.deck, citation, date_basis=False), (0, 0, 1, 0)),
                       id=str(index))
                for index, citation in enumerate(fact.citations)]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.fact_id is None or event.option.id is None:
            return
        citation = self.deck.fact(self.fact_id).citations[int(event.option.id)]
        self.post_message(self.CitationChosen(self.fact_id, citation))
