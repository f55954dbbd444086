"""The `factdrill` command: starts the app, or runs a scripting subcommand."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Sequence

from tui.cli.options import MODES, add_deck_option
from tui.present.output import guarded_output

# Each command: its module in tui/cli/ (with `register(subparsers)`, which sets `run(args) -> int`
# as the parser's default `handler`) and the line `factdrill --help` shows for it. A command's
# module is imported only when that command is asked for: starting the app imports none of them.
# (tests/test_lean_start.py checks that these lines are the ones the modules register.)
COMMANDS = {
    "validate": ("validate", "check a deck: format, references, and every quote against its source"),
    "list": ("listing", "list every fact (--json: with citations resolved)"),
    "search": ("search", "ranked facts for keywords, tag:/source: filters, or a pasted claim"),
    "check": ("check", "fact-check a claim: supported, refuted, not in the sources, or disputed"),
    "answer": ("answer", "check answers to a fact's question: correct, close or incorrect, with sources"),
    "show": ("show", "show one fact with its full provenance (--json: every field)"),
    "quiz": ("quiz", "quiz yourself (--plain: on stdin/stdout, for scripts and screen readers)"),
    "progress": ("progress", "your report: accuracy by day, most-missed facts, what is due today"),
    "serve": ("serve", "serve the app to web browsers"),
    "new": ("new", "make a new deck folder: a deck file and a sources/ folder"),
    "add-source": ("add_source",
                   "add an article (.txt, .md or a saved .html page; - for standard input) to a deck"),
    "draft": ("draft", "draft facts from a source of the deck, to accept, edit or drop in the app"),
    "drill": ("drill", "take a classroom drill (drill validate FILE: check a drill file)"),
    "report": ("report", "the teacher's report on a class's drill results (--csv, --json, --markdown, --live)"),
    "export": ("export", "export questions for Moodle (GIFT), Anki (.apkg or text) or a spreadsheet (CSV)"),
    "cache": ("cache", "the deck cache: `cache clear` forgets every cached deck and index"),
}
_EVERY = object()


def build_parser(command: str | None | object = _EVERY) -> argparse.ArgumentParser:
    """The parser with every command's arguments; with `command` (a name, or None for the app),
    that command's only, the others listed by name and help line."""
    parser = argparse.ArgumentParser(
        prog="factdrill",
        description="Fact-check and quiz yourself on a deck of sourced facts. "
                    "With no command, starts the app.",
    )
    add_deck_option(parser)
    parser.add_argument("--mode", choices=MODES, default="browse", help="the mode the app starts in")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module, help_line) in COMMANDS.items():
        if command is _EVERY or command == name:
            importlib.import_module(f"tui.cli.{module}").register(subparsers)
        else:
            # Listed in the help; its arguments are parsed only once it is chosen.
            subparsers.add_parser(name, help=help_line, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Whatever a command prints, deck text included, reaches the terminal as data only.
    with guarded_output():
        return _run(argv)


def _run(argv: Sequence[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    command = build_parser(None).parse_known_args(argv)[0].command  # which one, importing none
    args = build_parser(command).parse_args(argv)
    if getattr(args, "deck", None) is None:
        args.deck = []
    try:
        if args.command is None:
            from tui.cli.start import run_app

            return run_app(args)
        return args.handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # e.g. `factdrill list --json | head`: the reader left; that is not an error. Point stdout
        # at /dev/null so the interpreter's last flush of what is still buffered cannot fail too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
