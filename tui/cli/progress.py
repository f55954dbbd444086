"""`factdrill progress`: what you have answered, which facts are due again, your recent rounds."""

from __future__ import annotations

import argparse
import sys

from rich.table import Table
from rich.text import Text

from tui.present.output import output_console, write_json
from tui.cli.options import add_deck_option, load_or_exit
from tui.core.progress.store import ProgressError, ProgressStore


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "progress", help="answers given, facts due for review, recent rounds",
        description="Show the progress saved by quizzes on this deck: how many answers, how many "
                    "facts have been reviewed and are due again (spaced repetition), the last rounds. "
                    "Progress is stored in the user data directory, or in $FACTDRILL_DATA_DIR.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_deck_option(parser, suppress_default=True)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    deck = load_or_exit(args)
    try:
        with ProgressStore() as store:
            summary = store.summary(deck)
            due = store.due_in(deck)
            path = store.path
    except ProgressError as error:
        print(f"factdrill: {error}", file=sys.stderr)
        return 1
    if args.json:
        write_json({
            "deck": deck.title, "file": str(path), "answers": summary.answers,
            "facts": len(deck.facts), "facts_seen": summary.facts_seen, "due": due,
            "rounds": [{"finished_at": r.finished_at, "score": r.score, "total": r.total, "seconds": r.seconds}
                       for r in summary.rounds],
        })
        return 0
    console = output_console()
    console.print(Text(deck.title, style="bold"))
    console.print(Text(f"{summary.answers} answers · {summary.facts_seen} of {len(deck.facts)} facts reviewed · "
                       f"{len(due)} due again now"))
    if summary.rounds:
        table = Table(title="Recent rounds", title_justify="left")
        table.add_column("finished (UTC)")
        table.add_column("score", justify="right")
        table.add_column("time", justify="right")
        for r in summary.rounds:
            table.add_row(r.finished_at[:16].replace("T", " "), f"{r.score}/{r.total}", f"{r.seconds:.0f} s")
        console.print(table)
    else:
        console.print(Text("No rounds yet: start one with `factdrill --mode quiz`.", style="dim"))
    console.print(Text(f"Saved in {path}", style="dim"))
    return 0
