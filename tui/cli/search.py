"""`factdrill search QUERY`: ranked facts for keywords, `tag:`/`source:` filters, or a pasted claim."""

from __future__ import annotations

import argparse
from typing import Any

from rich.text import Text

from tui.present.output import output_console, write_json
from tui.cli.options import add_deck_option, positive_int, session_or_exit
from tui.core.deck.model import Deck
from tui.core.deck.as_json import citation_json
from tui.core.safe_text import printable
from tui.core.search.index import SearchHit
from tui.present.search import hit_block



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
    session = session_or_exit(args)
    deck, query = session.deck, " ".join(args.query)
    index = session.search_index
    hits = index.search(query, limit=args.limit)
    if args.json:
        write_json([hit_json(deck, hit, rank) for rank, hit in enumerate(hits, 1)])
        return 0
    console = output_console()
    if not hits:
        console.print(Text(f"No facts match {printable(query)!r}.", style="dim"))
        return 0
    console.print(Text(f"{len(hits)} fact{'s' if len(hits) != 1 else ''} for: {printable(query)}", style="bold"))
    for rank, hit in enumerate(hits, 1):
        console.print(hit_block(deck, index, hit, rank))
    return 0
