"""The `factdrill` command: starts the app, or runs a scripting subcommand."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Sequence

# Each subcommand lives in tui/commands/<module>.py with `register(subparsers)`,
# which sets `run(args) -> int` as the parser's default `handler`.
COMMAND_MODULES = ("validate", "listing", "search", "answer", "show", "quiz", "progress", "serve")
MODES = ("browse", "search", "quiz")


def add_deck_option(parser: argparse.ArgumentParser, *, suppress_default: bool = False) -> None:
    """`--deck PATH`, repeatable; subparsers suppress the default so a global --deck survives."""
    parser.add_argument(
        "--deck", action="append", metavar="PATH",
        default=argparse.SUPPRESS if suppress_default else None,
        help="deck file or folder to use instead of the bundled deck (repeatable)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factdrill",
        description="Fact-check and quiz yourself on a deck of sourced facts. "
                    "With no command, starts the app.",
    )
    add_deck_option(parser)
    parser.add_argument("--mode", choices=MODES, default="browse", help="the mode the app starts in")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"tui.commands.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "deck", None) is None:
        args.deck = []
    try:
        if args.command is None:
            from tui.commands.app import run_app

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
