"""One search hit, for the CLI's block and the TUI's result list alike."""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.style import Style
from rich.text import Text

from tui.core.deck.model import Deck, Fact
from tui.core.safe_text import printable
from tui.core.search.index import SearchHit, SearchIndex
from tui.present.text import DIM_STYLE, LABEL_STYLE, QUOTE_STYLE, highlighted, safe


def hit_statement(index: SearchIndex, hit: SearchHit, style: str | Style = QUOTE_STYLE) -> Text:
    """The hit's statement with the words that matched the query highlighted."""
    statement = hit.fact.statement
    return highlighted(statement, index.matching_spans(statement, hit.matched_terms), style)


def hit_details(deck: Deck, fact: Fact, *, labelled: bool = True) -> Text:
    """Answer · corroboration · tags · disputed, in one line."""
    details = Text("Answer: ", style=LABEL_STYLE) if labelled else Text()
    details.append_text(safe(fact.answer, "bold"))
    details.append(f" · {deck.corroboration_label(fact)}", DIM_STYLE)
    if fact.tags:
        details.append(" · ", DIM_STYLE)
        details.append_text(safe(", ".join(fact.tags), DIM_STYLE))
    if fact.disputed:
        details.append(" · disputed", "magenta")
    return details


def hit_block(deck: Deck, index: SearchIndex, hit: SearchHit, rank: int) -> Group:
    """One hit for the CLI: rank and id, the highlighted statement, then its details.

    A block rather than a table row, so a long statement stays readable in a narrow terminal.
    """
    heading = Text(f"{rank:>2}. ", style=DIM_STYLE)
    heading.append(printable(hit.fact.id), "cyan")
    heading.append(f"  score {hit.score:.2f}", DIM_STYLE)
    body = Group(hit_statement(index, hit), hit_details(deck, hit.fact))
    return Group(heading, Padding(body, (0, 0, 1, 4)))


def hit_entry(deck: Deck, index: SearchIndex, hit: SearchHit, match_style: str | Style) -> Text:
    """One hit for the TUI's result list: the highlighted statement over an indented details line."""
    entry = hit_statement(index, hit, match_style)
    entry.append("\n  ")
    entry.append_text(hit_details(deck, hit.fact, labelled=False))
    return entry
