"""`factdrill search QUERY`: ranked facts for keywords, `tag:`/`source:` filters, or a pasted claim."""

from __future__ import annotations

import argparse
from typing import Any

from rich.text import Text

from tui.cli.background import after_answering
from tui.cli.options import add_deck_option, positive_int, session_or_exit
from tui.core.deck.as_json import citation_json
from tui.core.deck.model import Deck, Fact
from tui.core.safe_text import printable
from tui.core.search.index import SearchHit, SearchIndex
from tui.present.output import output_console, write_json
from tui.present.search import hit_block


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search", help="ranked facts for keywords, tag:/source: filters, or a pasted claim",
        description="Search statements, questions, answers, aliases and quotes. QUERY may be "
                    "keywords, field filters (tag:NAME, source:ID or a prefix of it; quote values "
                    "with spaces), or a whole claim, which returns the facts that bear on it. "
                    "With --json each fact found is followed by its further asks, an entry each.",
    )
    parser.add_argument("query", metavar="QUERY", nargs="+", help="the query (several words are joined by spaces)")
    parser.add_argument("--limit", type=positive_int, default=20, metavar="N", help="at most N facts (with --json, N entries; default 20)")
    parser.add_argument("--json", action="store_true",
                        help="print JSON: ranked facts, each followed by its asks, with score and sources")
    add_deck_option(parser, suppress_default=True)
    parser.set_defaults(handler=run)


def hit_json(deck: Deck, hit: SearchHit, rank: int, ask: Fact | None = None) -> dict[str, Any]:
    """A search hit, or one of its fact's asks, as plain data (the `search --json` contract):
    `id` is the ask's id (`fact#ask`; the fact's own for the fact), `fact_id` the fact's."""
    fact = hit.fact
    asked = ask if ask is not None else fact
    return {
        "rank": rank,
        "id": asked.id,
        "fact_id": fact.id,
        "statement": fact.statement,
        "question": asked.question,
        "answer": asked.answer,
        "aliases": list(asked.aliases),
        "tags": list(fact.tags),
        "score": round(hit.score, 4),
        "matched_terms": list(hit.matched_terms),
        "sources": [citation_json(deck, c) for c in fact.citations],
    }


def hits_json(deck: Deck, hits: list[SearchHit], limit: int) -> list[dict[str, Any]]:
    """Each hit, then an entry for each of its fact's further asks, ranked in that order; at most `limit`."""
    entries = [(hit, ask) for hit in hits for ask in (None, *hit.fact.asks)][:limit]
    return [hit_json(deck, hit, rank, ask) for rank, (hit, ask) in enumerate(entries, 1)]


def run(args: argparse.Namespace) -> int:
    # A deck not cached yet is searched through only the facts the query can match; storing
    # it and indexing all of it for the next search is left until after the answer.
    session = session_or_exit(args, defer_cache_writes=True)
    query = " ".join(args.query)
    print_hits(session.deck, session.search_index_for(query), query, args)
    if session.cache_incomplete:
        after_answering(session.complete_cache)
    return 0


def print_hits(deck: Deck, index: SearchIndex, query: str, args: argparse.Namespace) -> None:
    hits = index.search(query, limit=args.limit)
    if args.json:
        write_json(hits_json(deck, hits, args.limit))
        return
    console = output_console()
    if not hits:
        console.print(Text(f"No facts match {printable(query)!r}.", style="dim"))
        return
    console.print(Text(f"{len(hits)} fact{'s' if len(hits) != 1 else ''} for: {printable(query)}", style="bold"))
    for rank, hit in enumerate(hits, 1):
        console.print(hit_block(deck, index, hit, rank))
