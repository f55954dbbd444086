"""`factdrill new DIR [--title T]`: make a deck folder to fill with articles and facts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.core.authoring.writing import AuthoringError, new_deck
from tui.present.output import print_problems


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new", help="make a new deck folder: a deck file and a sources/ folder",
        description="Refuses a folder that exists and is not empty.",
    )
    parser.add_argument("folder", metavar="DIR", help="the folder to make")
    parser.add_argument("--title", default="", help="the deck's title (default: the folder's name)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    try:
        path = new_deck(folder, args.title or folder.name)
    except AuthoringError as error:
        print_problems(error.problems, sys.stderr)
        return 1
    except OSError as error:
        print(f"factdrill: cannot make {folder}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"made {path}; next: factdrill add-source ARTICLE --deck {folder}")
    return 0
