"""`factdrill cache clear`: forget every cached deck and search index (`--no-cache` skips the cache once)."""

from __future__ import annotations

import argparse

from tui.core.deck.cache import DeckCache


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "cache", help="the deck cache: `cache clear` forgets every cached deck and index",
        description="Verified decks and their search indexes are cached (in the user's cache folder, "
                    "or $FACTDRILL_CACHE_DIR) and used while none of their files has changed.",
    )
    actions = parser.add_subparsers(dest="cache_action", metavar="ACTION", required=True)
    actions.add_parser("clear", help="remove every cached deck and search index")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    cache = DeckCache()
    removed = cache.clear()
    print(f"removed {removed} cache file{'s' if removed != 1 else ''} from {cache.directory}")
    return 0
