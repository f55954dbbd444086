"""The `factdrill` command: starts the app, or runs a scripting subcommand."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

from tui.cli import answer, listing, progress, quiz, search, serve, show, validate
from tui.cli.options import MODES, add_deck_option

# Each subcommand module has `register(subparsers)`, which sets `run(args) -> int` as the
# parser's default `handler`.
COMMANDS = (validate, listing, search, answer, show, quiz, progress, serve)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factdrill",
        description="Fact-check and quiz yourself on a deck of sourced facts. "
                    "With no command, starts the app.",
    )
    add_deck_option(parser)
    parser.add_argument("--mode", choices=MODES, default="browse", help="the mode the app starts in")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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
