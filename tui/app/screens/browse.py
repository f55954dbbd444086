"""Browse mode: facts grouped by topic or by article, and the selected fact's detail."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header

from tui.app.widgets.fact_detail import CitationList, FactDetail
from tui.app.widgets.fact_tree import FactTree
from tui.app.widgets.footer import SteadyFooter
from tui.core.session import DeckSession


class BrowseScreen(Screen):
    """A fact tree on the left, the highlighted fact's detail on the right."""

    AUTO_FOCUS = "#fact-tree"  # focused as the screen is shown, not in a second pass after mount
    # Below 90 columns the list goes above the detail (see browse.tcss), so both stay readable.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-wide")]
    BINDINGS = [
        Binding("g", "toggle_grouping", "Group by", id="browse.grouping",
                tooltip="facts by topic or by source article"),
        Binding("escape", "focus_tree", "Facts", show=False, id="browse.facts",
                tooltip="back from the citations to the list of facts"),
    ]

    def __init__(self, session: DeckSession) -> None:
        super().__init__()
        self.session = session
        self.sub_title = "Browse · by topic"  # set before the Header is composed, so drawn once
        # The class the first Resize would give the screen, given now: otherwise every
        # widget is styled once without it and again with it before the first idle.
        width = self.app.size.width
        self.add_class(next(name for least, name in sorted(self.HORIZONTAL_BREAKPOINTS, reverse=True)
                            if width >= least))

    def compose(self) -> ComposeResult:
        deck = self.session.deck
        yield Header()
        tree = FactTree(deck, id="fact-tree")
        with Horizontal(id="browse"):
            yield tree
            # The detail starts on the fact under the tree's cursor, so the first frame is complete.
            yield FactDetail(deck, tree.first_fact_id, id="detail")
        yield SteadyFooter()

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
