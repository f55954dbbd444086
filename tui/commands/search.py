"""`factdrill search QUERY`: ranked facts for keywords, `tag:`/`source:` filters, or a pasted claim."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from tui.cli import add_deck_option
from tui.commands.common import load_or_exit
from tui.core.deck import Deck
from tui.core.export import citation_json
from tui.core.safe_text import printable
from tui.core.search import SearchHit, SearchIndex
from tui.rendering import QUOTE_STYLE, safe


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search", help="ranked facts for keywords, tag:/source: filters, or a pasted claim",
        description="Search statements, questions, answers, aliases and quotes. QUERY may be "
                    "keywords, field filters (tag:NAME, source:ID or a prefix of it; quote values "
                    "with spaces), or a whole claim, which returns the facts that bear on it.",
    )
    parser.add_argument("query", metavar="QUERY", nargs="+", help="the query (several words are joined by spaces)")
    parser.add_argument("--limit", type=_positive, default=20, metavar="N", help="at most N facts (default 20)")
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
    console = Console(highlight=False)
    if not hits:
        console.print(Text(f"No facts match {printable(query)!r}.", style="dim"))
        return 0
    table = Table(title=Text(f"{len(hits)} fact{'s' if len(hits) != 1 else ''} for: {printable(query)}"),
                  expand=True)
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("id", style="cyan", overflow="fold")
    table.add_column("statement", ratio=3)
    table.add_column("answer", style="bold", ratio=1)
    table.add_column("sources", justify="right", no_wrap=True)
    for rank, hit in enumerate(hits, 1):
        statement = safe(hit.fact.statement)
        for start, end in index.matching_spans(statement.plain, hit.matched_terms):
            statement.stylize(QUOTE_STYLE, start, end)
        cited, total = deck.corroboration(hit.fact)
        table.add_row(str(rank), printable(hit.fact.id), statement, safe(hit.fact.answer), f"{cited}/{total}")
    console.print(table)
    return 0
