"""`factdrill report [DIR]`: the teacher's report on a class's drill results.

Per pupil: score, percent, pass, time, unanswered and close answers; per question:
the share right and the commonest wrong answers; the most-missed facts with their
sources. DIR is the results folder (or a postgresql:// URL); with `--drill FILE`
it defaults to `results/` beside the drill file, and only that drill is reported.
`--live` opens the report in the app, refreshed while the drill runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.files import write_atomically
from tui.present.output import output_console, write_json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "report", help="the teacher's report on a class's drill results (--csv, --json, --markdown, --live)",
        description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
    )
    parser.add_argument("results", nargs="?", metavar="DIR|URL",
                        help="the results store (default: results/ beside --drill FILE, else ./results)")
    parser.add_argument("--drill", metavar="FILE", help="report this drill only (its deck names the sources)")
    formats = parser.add_mutually_exclusive_group()
    formats.add_argument("--csv", metavar="FILE",
                         help="write a gradebook CSV: one row per pupil, a column per question")
    formats.add_argument("--json", action="store_true", help="print the report as JSON")
    formats.add_argument("--markdown", action="store_true", help="print the report as Markdown tables")
    formats.add_argument("--live", action="store_true", help="open the report in the app, refreshed as answers arrive")
    parser.add_argument("--answers", action="store_true",
                        help="one row per answer instead (with --csv, --json or --markdown)")
    parser.set_defaults(handler=run)


def _target(args: argparse.Namespace):
    if args.results:
        return args.results
    if args.drill:
        return Path(args.drill).parent / "results"
    return Path("results")


def run(args: argparse.Namespace) -> int:
    from tui.core.results.report import read_reports
    from tui.core.results.opening import is_url
    from tui.core.results.store import ResultsError

    if args.live:
        from tui.cli.drill import not_a_terminal

        if not_a_terminal("report"):
            return 2
    target = _target(args)
    # --live may start before the first pupil: Report mode waits for the store to appear.
    if not args.live and not is_url(target) and not (Path(target) / "results.sqlite3").is_file():
        print(f"factdrill report: no results in {target} yet (a drill saves them there)", file=sys.stderr)
        return 1
    prepared = None
    if args.drill:
        from tui.cli.drill import prepare_or_exit

        prepared = prepare_or_exit(args.drill, "report")
    if args.live:
        return _live(target, prepared)
    try:
        reports, answers = read_reports(target, prepared.drill.id if prepared else None,
                                        prepared.deck if prepared else None)
    except ResultsError as error:
        print(f"factdrill report: {error}", file=sys.stderr)
        return 1
    return write_report(args, reports, answers)


def write_report(args: argparse.Namespace, reports, answers) -> int:
    from tui.core.exports.table import write_rows
    from tui.core.results.report import gradebook_rows, report_json
    from tui.core.results.store import ANSWER_COLUMNS
    from tui.present import report as render

    if args.answers:
        rows = [list(ANSWER_COLUMNS)] + [[getattr(a, c) for c in ANSWER_COLUMNS] for a in answers]
        if args.json:
            write_json([dict(zip(ANSWER_COLUMNS, row)) for row in rows[1:]])
        elif args.csv:
            return write_atomically(args.csv, write_rows(rows), "report")
        else:
            output_console(soft_wrap=True).print(render.answers_markdown(rows) if args.markdown
                                                  else render.answers_table(rows))
        return 0
    if args.json:
        write_json({"drills": [report_json(r) for r in reports]})
    elif args.csv:
        if len(reports) != 1:
            print("factdrill report: this store holds several drills; choose one with --drill FILE", file=sys.stderr)
            return 2
        return write_atomically(args.csv, write_rows(gradebook_rows(reports[0])), "report")
    elif args.markdown:
        print("\n\n".join(render.report_markdown(r) for r in reports))
    else:
        console = output_console(soft_wrap=False)
        for report in reports:
            console.print(render.report_renderable(report))
    return 0


def _live(target, prepared) -> int:
    """The app in Report mode over this store, refreshed every few seconds."""
    from tui.app.app import FactdrillApp
    from tui.core.deck.loading import load_deck
    from tui.core.deck.paths import bundled_deck_path

    deck = prepared.deck if prepared else load_deck([bundled_deck_path()])
    app = FactdrillApp(deck, mode="report", results=target, report_drill=prepared.drill.id if prepared else None)
    app.run()
    return app.return_code or 0
