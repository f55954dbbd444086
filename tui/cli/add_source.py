"""`factdrill add-source FILE --deck DIR`: store an article in the deck, with what it says of itself."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.core.authoring.importing import add_source, new_source_id, read_article, with_overrides
from tui.core.authoring.writing import AuthoringError
from tui.core.safe_text import printable
from tui.present.output import print_problems


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "add-source", help="add an article (.txt, .md or a saved .html page; - for standard input) to a deck",
        description="Stores the article's text in the deck's sources/ and declares it in the deck file, "
                    "with the headline, outlet and date the file itself gives (else 'unknown'). "
                    "Prints the new source's id alone on the last line.",
    )
    parser.add_argument("file", metavar="FILE", help="the article; - reads standard input")
    parser.add_argument("--deck", required=True, metavar="DIR", help="the deck folder (see `factdrill new`)")
    parser.add_argument("--id", help="the source's id (default: made from its title)")
    parser.add_argument("--title", help="the title, when the article has no headline of its own")
    parser.add_argument("--outlet", help="the outlet that published it, when the file does not say")
    parser.add_argument("--date", help="the publication date (YYYY-MM-DD, YYYY-MM or YYYY), when the file does not say")
    parser.add_argument("--url", help="where it was published")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    root = Path(args.deck)
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as error:
        print(f"factdrill: cannot read {args.file}: {error.strerror or error}", file=sys.stderr)
        return 1
    try:
        article = with_overrides(read_article(args.file, data), title=args.title, outlet=args.outlet,
                                 date=args.date, url=args.url)
        source_id = new_source_id(root, article, args.id)
        stored = add_source(root, article, source_id)
    except AuthoringError as error:
        print_problems(error.problems, sys.stderr)
        return 1
    print(printable(f"stored {stored} · {article.title} · outlet: {article.outlet} · "
                    f"date: {article.date or 'unknown'}"))
    print(source_id)
    return 0
