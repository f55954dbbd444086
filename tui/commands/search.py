"""`factdrill search QUERY`: ranked facts for keywords, `tag:`/`source:` filters, or a pasted claim."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rich.console import Group
from rich.padding import Padding
from rich.text import Text

from tui.cli import add_deck_option
from tui.commands.common import load_or_exit, output_console, positive_int
from tui.core.deck import Deck
from tui.core.export import citation_json
from tui.core.safe_text import printable
from tui.core.search import SearchHit, SearchIndex
from tui.rendering import LABEL_STYLE, QUOTE_STYLE, safe



def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search", help="ranked facts for keywords, tag:/source: filters, or a pasted claim",
        description="Search statements, questions, answers, aliases and quotes. QUERY may be "
                    "keywords, field filters (tag:NAME, source:ID or a prefix of it; quote values "
                    "with spaces), or a whole claim, which returns the facts that bear on it.",
    )
    parser.add_argument("query", metavar="QUERY", nargs="+", help="the query (several words are joined by spaces)")
    parser.add_argument("--limit", type=positive_int, default=20, metavar="N", help="at most N facts (default 20)")
    parser.add_argument("--json", action="store_true", help="print JSON: ranked facts with score and sources")
    add_deck_option(parser, suppress_default=True)
    parser.set_defaults(handler=run)


def hit_json(deck: Deck, hit: SearchHit, rank: int) -> dict[str, Any]:
    """A search hit as plain data (the `search --json` contract)."""
    fact = hit.fact
    return {
        "rank": rank,
        "id": fact.id,
        "statement": fact.statement,
        "question": fact.question,
        "answer": fact.answer,
        "aliases": list(fact.aliases),
        "tags": list(fact.tags),
        "score": round(hit.score, 4),
        "matched_terms": list(hit.matched_terms),
        "sources": [citation_json(deck, c) for c in fact.citations],
    }


def run(args: argparse.Namespace) -> int:
    deck = load_or_exit(args)
    query = " ".join(args.query)
    index = SearchIndex(deck)
    hits = index.search(query, limit=args.limit)
    if args.json:
        print(json.dumps([hit_json(deck, hit, rank) for rank, hit in enumerate(hits, 1)],
                         ensure_ascii=False, indent=2))
        return 0
    console = output_console()
    if not hits:
        console.print(Text(f"No facts match {printable(query)!r}.", style="dim"))
        return 0
    console.print(Text(f"{len(hits)} fact{'s' if len(hits) != 1 else ''} for: {printable(query)}", style="bold"))
    for rank, hit in enumerate(hits, 1):
        console.print(hit_block(deck, index, hit, rank))
    return 0


def hit_block(deck: Deck, index: SearchIndex, hit: SearchHit, rank: int) -> Group:
    """One hit for people: rank and id, the statement with matches highlighted, answer and provenance.

    A block rather than a table row, so a long statement stays readable in a narrow terminal.
    """
    fact = hit.fact
    heading = Text(f"{rank:>2}. ", style="dim")
    heading.append(printable(fact.id), "cyan")
    heading.append(f"  score {hit.score:.2f}", "dim")
    statement = safe(fact.statement)
    for start, end in index.matching_spans(fact.statement, hit.matched_terms):
        # Offsets into the raw text; printable() maps one character to one or more.
        statement.stylize(QUOTE_STYLE, len(printable(fact.statement[:start])), len(printable(fact.statement[:end])))
    details = Text("Answer: ", style=LABEL_STYLE)
    details.append_text(safe(fact.answer, "bold"))
    details.append(f" · {deck.corroboration_label(fact)}", "dim")
    if fact.tags:
        details.append(" · ", "dim")
        details.append_text(safe(", ".join(fact.tags), "dim"))
    if fact.disputed:
        details.append(" · disputed", "magenta")
    return Group(heading, Padding(Group(statement, details), (0, 0, 1, 4)))
