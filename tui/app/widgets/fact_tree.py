"""The Browse list: facts grouped by topic (tag) or by source article."""

from __future__ import annotations

from collections import defaultdict

from rich.cells import cell_len
from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.core.deck.model import Deck, Fact
from tui.present.facts import safe, source_title_line

GROUPINGS = ("topic", "source")
EXPAND_ALL_UP_TO = 1000  # facts
UNTAGGED = "untagged"


def groups(deck: Deck, grouping: str) -> list[tuple[Text, list[Fact]]]:
    """(label, facts) per group; a fact with several tags or sources is in each."""
    if grouping == "source":
        result = []
        for source in deck.sources.values():
            result.append((source_title_line(source), list(deck.facts_citing(source.id))))
        return result
    by_tag: dict[str, list[Fact]] = defaultdict(list)
    for fact in deck.facts:
        for tag in fact.tags or (UNTAGGED,):
            by_tag[tag].append(fact)
    order = list(deck.tags) + ([UNTAGGED] if UNTAGGED in by_tag else [])
    return [(safe(tag, "bold"), by_tag[tag]) for tag in order]


class FactTree(Tree[str]):
    """A tree of facts; a leaf's data is its fact id. Posts `FactHighlighted`."""

    grouping: reactive[str] = reactive("topic")

    class FactHighlighted(Message):
        """The cursor is on a fact."""

        def __init__(self, fact_id: str) -> None:
            super().__init__()
            self.fact_id = fact_id

    def __init__(self, deck: Deck, **kwargs) -> None:
        self._label_widths: dict[tuple[int, bool], int] = {}  # see get_label_width
        self._unfilled: dict[TreeNode[str], list[Fact]] = {}  # collapsed groups, filled on expand
        super().__init__(Text("Facts"), **kwargs)
        self.deck = deck
        self.show_root = False
        # Filled now, so the first frame already shows the facts and the screen can
        # compose the detail of `first_fact_id` without waiting for a highlight.
        self._fill()

    def on_mount(self) -> None:
        self._cursor_to_first_fact()

    def watch_grouping(self) -> None:
        if self.is_mounted:
            self.rebuild()

    @property
    def current_fact_id(self) -> str | None:
        node = self.cursor_node
        return node.data if node is not None else None

    @property
    def first_fact_id(self) -> str | None:
        """The fact the cursor starts on: the first one of the first group."""
        leaves = self._leaves()
        return leaves[0].data if leaves else None

    def rebuild(self) -> None:
        """Refill the tree for the current grouping, keeping the selected fact."""
        keep = self.current_fact_id
        self.clear()
        self._label_widths.clear()  # node ids start again from 0
        self._unfilled.clear()
        self._fill()
        if keep is None or not self.select_fact(keep):
            self._cursor_to_first_fact()
            self.scroll_home(animate=False)

    def _fill(self) -> None:
        # A large deck opens with only its first group expanded, and a collapsed group gets
        # its leaves when first opened: for 100,000 facts, making and measuring every line
        # froze the screen for seconds.
        expand_all = len(self.deck.facts) <= EXPAND_ALL_UP_TO
        expanded_one = False
        for label, facts in groups(self.deck, self.grouping):
            label.append(f"  ({len(facts)})", "dim")
            expand = expand_all or (bool(facts) and not expanded_one)
            expanded_one = expanded_one or expand
            branch = self.root.add(label, expand=expand)
            self._unfilled[branch] = facts
            if expand:
                self._fill_group(branch)

    def _fill_group(self, branch: TreeNode[str]) -> None:
        for fact in self._unfilled.pop(branch, ()):
            branch.add_leaf(safe(fact.statement), data=fact.id)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[str]) -> None:
        self._fill_group(event.node)

    def _cursor_to_first_fact(self) -> None:
        # Its line is known without laying out the tree: one line per (empty) group above
        # it, then the leaf. No scrolling: it is on the first screen.
        for index, branch in enumerate(self.root.children):
            if branch.children:
                self.cursor_line = index + 1
                return

    def get_label_width(self, node: TreeNode[str]) -> int:
        # Asked of every line each time the tree lays its lines out again (after a style
        # update, a focus change, a resize); a label never changes, so measure it once.
        # Measured from the plain text, as Textual's docs invite: rendering each label just to
        # measure it cost a 100,000-fact deck a second for its first group's 8,000 lines.
        key = (node.id, node.is_expanded)
        width = self._label_widths.get(key)
        if width is None:
            icon = (self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE) if node.allow_expand else ""
            width = self._label_widths[key] = cell_len(icon) + cell_len(node.label.plain)
        return width

    def _leaves(self) -> list[TreeNode[str]]:
        return [leaf for branch in self.root.children for leaf in branch.children]

    def select_fact(self, fact_id: str) -> bool:
        """Put the cursor on the first leaf showing `fact_id`; False if none."""
        for branch, facts in list(self._unfilled.items()):
            if any(fact.id == fact_id for fact in facts):
                self._fill_group(branch)
                break
        for node in self._leaves():
            if node.data == fact_id:
                node.parent.expand()
                self.call_after_refresh(self.move_cursor, node)
                self.call_after_refresh(self.scroll_to_node, node, False)
                return True
        return False

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        if event.node.data is not None:
            self.post_message(self.FactHighlighted(event.node.data))
