"""Browse mode: facts grouped by topic or by article, and the selected fact's detail."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header

from tui.widgets.fact_detail import CitationList, FactDetail
from tui.widgets.fact_tree import FactTree

_STYLES = Path(__file__).parent.parent / "styles"


class BrowseScreen(Screen):
    """A fact tree on the left, the highlighted fact's detail on the right."""

    CSS_PATH = _STYLES / "browse.tcss"
    # Below 90 columns the list goes above the detail (see browse.tcss), so both stay readable.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-wide")]
    BINDINGS = [
        Binding("g", "toggle_grouping", "Group by", id="browse.grouping",
                tooltip="facts by topic or by source article"),
        Binding("escape", "focus_tree", "Facts", show=False, id="browse.facts",
                tooltip="back from the citations to the list of facts"),
    ]

    def compose(self) -> ComposeResult:
        deck = self.app.deck
        yield Header()
        with Horizontal(id="browse"):
            yield FactTree(deck, id="fact-tree")
            yield FactDetail(deck, id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Browse · by topic"
        self.query_one(FactTree).focus()

    @property
    def tree(self) -> FactTree:
        return self.query_one(FactTree)

    def action_toggle_grouping(self) -> None:
        self.tree.grouping = "source" if self.tree.grouping == "topic" else "topic"
        self.sub_title = f"Browse · by {self.tree.grouping}"

    def action_focus_tree(self) -> None:
        self.tree.focus()

    def select_fact(self, fact_id: str) -> None:
        """Put the fact under the cursor and show it."""
        if self.tree.select_fact(fact_id):
            self.query_one(FactDetail).fact_id = fact_id
            self.tree.focus()

    @on(FactTree.FactHighlighted)
    def _show_fact(self, event: FactTree.FactHighlighted) -> None:
        self.query_one(FactDetail).fact_id = event.fact_id

    @on(FactTree.NodeSelected)
    def _enter_detail(self, event: FactTree.NodeSelected) -> None:
        # Enter on a fact moves into its citations, where Enter opens the article.
        if event.node.data is not None:
            self.query_one(FactDetail).fact_id = event.node.data
            self.query_one(CitationList).focus()
