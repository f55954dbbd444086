"""`factdrill validate [PATH ...]`: check decks, every quote against its source."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.options import add_deck_option, deck_cache, deck_paths
from tui.core.deck.loading import DeckProblems, load_deck
from tui.present.output import print_problems


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate", help="check a deck: format, references, and every quote against its source",
        description="Exit 0 when the deck is clean, 1 when problems were found, 2 on a usage error.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="deck files or folders (default: --deck, else the bundled deck)")
    add_deck_option(parser, suppress_default=True)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths] or deck_paths(args)
    try:
        deck = load_deck(paths, cache=deck_cache(args))
    except DeckProblems as problems:
        count = print_problems(problems.problems, sys.stdout)
        print(f"{count} problem{'s' if count != 1 else ''} found")
        return 1
    citations = sum(len(f.citations) for f in (*deck.facts, *deck.drafts))
    drafts = f"{len(deck.drafts)} draft{'s' if len(deck.drafts) != 1 else ''}, " if deck.drafts else ""
    print(f"{len(deck.facts)} facts, {drafts}{len(deck.sources)} sources, "
          f"{citations} quotes, all quotes verified")
    return 0
