"""`factdrill export --format gift|anki|csv`: a deck's questions for Moodle, Anki or a spreadsheet.

gift: Moodle's GIFT import format (a .txt). anki: an Anki package when --out ends in
.apkg (importing a newer export updates the same notes), else Anki's plain-text import
format. csv: one row per fact. Choose facts with --tag, --source, --id and --types, or export exactly a
drill's questions with --drill FILE.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.cli.files import write_atomically
from tui.cli.options import add_deck_option, load_or_exit, question_types
from tui.core.quiz.questions import QUESTION_TYPES

FORMATS = ("gift", "anki", "csv")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export", help="export questions for Moodle (GIFT), Anki (.apkg or text) or a spreadsheet (CSV)",
        description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
    )
    parser.add_argument("--format", required=True, choices=FORMATS, help="what to write")
    parser.add_argument("--out", metavar="FILE",
                        help="where to write (default: stdout); for anki, a FILE.apkg is an Anki package")
    parser.add_argument("--tag", action="append", default=[], metavar="TAG",
                        help="only facts with this tag (repeatable)")
    parser.add_argument("--source", action="append", default=[], metavar="ID",
                        help="only facts citing this source (repeatable)")
    parser.add_argument("--id", action="append", default=[], metavar="ID", help="only this fact (repeatable)")
    parser.add_argument("--types", type=question_types, metavar="TYPES",
                        help=f"GIFT question types, comma-separated (default: {','.join(QUESTION_TYPES)})")
    parser.add_argument("--drill", metavar="FILE", help="exactly this drill's questions (its deck and selection)")
    add_deck_option(parser, suppress_default=True)
    parser.set_defaults(handler=run)


def _unknown(args, deck) -> str | None:
    checks = (("tag", args.tag, set(deck.tags)), ("source", args.source, set(deck.sources)),
              ("fact", args.id, set(deck.asks_by_id)))
    for what, wanted, known in checks:
        missing = [item for item in wanted if item not in known]
        if missing:
            return f"unknown {what} {', '.join(missing)}"
    return None


def run(args: argparse.Namespace) -> int:
    from tui.core.exports.questions import ExportSelection, export_questions, selected_facts

    if args.drill:
        from tui.cli.drill import prepare_or_exit

        prepared = prepare_or_exit(args.drill, "export")
        deck, questions = prepared.deck, list(prepared.round.questions)
        facts = list(dict.fromkeys(q.fact for q in questions if q.fact is not None))
    else:
        deck = load_or_exit(args)
        problem = _unknown(args, deck)
        if problem:
            print(f"factdrill export: {problem}", file=sys.stderr)
            return 2
        selection = ExportSelection(tuple(args.tag), tuple(args.source), tuple(args.id),
                                    tuple(args.types or QUESTION_TYPES))
        questions = export_questions(deck, selection) if args.format == "gift" else []
        facts = selected_facts(deck, selection)
    if not (questions if args.format == "gift" else facts):
        print("factdrill export: nothing matches this selection", file=sys.stderr)
        return 1
    if args.format == "anki" and args.out and args.out.lower().endswith(".apkg"):
        return _write_apkg(deck, facts, Path(args.out))
    if args.format == "gift":
        from tui.core.exports.gift import to_gift

        text = to_gift(deck, questions)
    elif args.format == "anki":
        from tui.core.exports.anki import to_anki_text

        text = to_anki_text(deck, facts)
    else:
        from tui.core.exports.table import to_csv

        text = to_csv(deck, facts)
    return write_atomically(args.out or "-", text, "export")


def _write_apkg(deck, facts, path: Path) -> int:
    from tui.core.exports.anki import to_apkg

    try:
        count = to_apkg(deck, facts, path)
    except OSError as error:
        print(f"factdrill export: {path}: cannot write ({error.strerror or error})", file=sys.stderr)
        return 1
    print(f"wrote {path}: {count} notes", file=sys.stderr)
    return 0
