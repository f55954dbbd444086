"""`factdrill list`: every fact, with its citations resolved."""

from __future__ import annotations

import argparse

from rich.table import Table

from tui.present.output import output_console, write_json
from tui.cli.options import add_deck_option, load_or_exit
from tui.core.deck.as_json import fact_json
from tui.core.safe_text import printable


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("list", help="list every fact (--json: with citations resolved)")
    parser.add_argument("--json", action="store_true", help="print JSON: every fact with source, title, outlet, date, quote, span")
    parser.add_argument("--tag", help="only facts with this tag")
    parser.add_argument("--drafts", action="store_true", help="list the drafts (not yet accepted) instead of the facts")
    add_deck_option(parser, suppress_default=True)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    deck = load_or_exit(args)
    facts = [f for f in (deck.drafts if args.drafts else deck.facts) if not args.tag or args.tag in f.tags]
    if args.json:
        write_json([fact_json(deck, f) for f in facts])
        return 0
    table = Table(title=printable(deck.title), show_lines=False, expand=True)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("statement")
    table.add_column("answer", style="bold")
    table.add_column("proposes" if args.drafts else "sources", justify="right")
    for fact in facts:
        cited, total = deck.corroboration(fact)
        relation, target = deck.draft_links.get(fact.id, ("", ""))
        last = f"{relation} {target}" if relation else ("new" if args.drafts else f"{cited}/{total}")
        table.add_row(printable(fact.id), printable(fact.statement), printable(fact.answer), printable(last))
    output_console().print(table)
    return 0
