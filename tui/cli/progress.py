"""`factdrill progress`: your own report — accuracy by day, most-missed facts, what is due today, recent rounds."""

from __future__ import annotations

import argparse
import sys

from rich.table import Table
from rich.text import Text

from tui.cli.options import add_deck_option, load_or_exit
from tui.core.progress.report import LearnerReport, learner_report
from tui.core.progress.store import ProgressError, ProgressStore, ProgressSummary
from tui.present.output import output_console, write_json
from tui.present.progress import learner_report_view
from tui.present.text import safe


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "progress", help="your report: accuracy by day, most-missed facts, what is due today",
        description="Show the progress saved by quizzes on this deck: answers and how many were right, "
                    "accuracy day by day (a sparkline), the facts you miss most, the facts due for review "
                    "today (spaced repetition, FSRS), the last rounds. Progress is stored in the user data "
                    "directory, or in $FACTDRILL_DATA_DIR.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_deck_option(parser, suppress_default=True)
    parser.set_defaults(handler=run)


def as_json(report: LearnerReport, summary: ProgressSummary, due_now: list[str], path) -> dict:
    return {
        "deck": report.deck, "file": str(path), "answers": report.answers, "right": report.right,
        "percent": report.percent, "facts": report.facts_in_deck, "facts_seen": report.facts_seen,
        "due": due_now, "due_today": list(report.due_today),
        "days": [{"day": d.day.isoformat(), "answered": d.answered, "right": d.right, "percent": d.percent}
                 for d in report.days],
        "most_missed": [{"fact_id": m.fact_id, "misses": m.misses, "answers": m.answers, "last_wrong": m.last_wrong}
                        for m in report.most_missed],
        "close": report.close,
        "rounds": [{"finished_at": r.finished_at, "score": r.score, "close": r.close, "total": r.total,
                    "seconds": r.seconds} for r in summary.rounds],
    }


def rounds_table(summary: ProgressSummary) -> Table | Text:
    if not summary.rounds:
        return Text("No rounds yet: start one with `factdrill --mode quiz`.", style="dim")
    table = Table(title="Recent rounds", title_justify="left")
    table.add_column("finished (UTC)")
    table.add_column("score", justify="right")
    table.add_column("time", justify="right")
    for r in summary.rounds:
        close = f" ({r.close} close)" if r.close else ""  # close answers count as right; say how many
        table.add_row(r.finished_at[:16].replace("T", " "), f"{r.score}/{r.total}{close}", f"{r.seconds:.0f} s")
    return table


def run(args: argparse.Namespace) -> int:
    deck = load_or_exit(args)
    try:
        with ProgressStore() as store:
            report = learner_report(store, deck)
            summary = store.summary(deck)
            due_now = store.due_in(deck)
            path = store.path
    except ProgressError as error:
        print(f"factdrill: {error}", file=sys.stderr)
        return 1
    if args.json:
        write_json(as_json(report, summary, due_now, path))
        return 0
    console = output_console()
    console.print(safe(deck.title, style="bold"))
    console.print(learner_report_view(report, deck))
    console.print()
    console.print(rounds_table(summary))
    console.print(safe(f"Saved in {path}", style="dim"))
    return 0
