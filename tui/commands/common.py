"""What every subcommand needs: the deck to work on, loaded or a clean error."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console

from tui.core.deck import Deck
from tui.core.loading import DeckProblems, load_deck
from tui.core.paths import bundled_deck_path


class OutputConsole(Console):
    """A Rich console for a command's output. When the reader leaves (`factdrill show X | head`),
    Rich would exit with status 1; this raises BrokenPipeError so `tui.cli.main` ends cleanly with 0,
    as the JSON outputs do."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def output_console(**options) -> Console:
    """The console commands print to (stdout unless `file=`), without Rich's number highlighting."""
    return OutputConsole(highlight=False, **options)


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1, with a one-line message otherwise."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def deck_paths(args: argparse.Namespace) -> list[Path]:
    """The --deck paths given, else the bundled deck."""
    return [Path(p) for p in (getattr(args, "deck", None) or [])] or [bundled_deck_path()]


def load_or_exit(args: argparse.Namespace) -> Deck:
    """Load the chosen deck; on problems print them one per line to stderr and exit 1."""
    try:
        return load_deck(deck_paths(args))
    except DeckProblems as problems:
        for problem in problems.problems:
            print(problem, file=sys.stderr)
        print(f"factdrill: the deck has {len(problems.problems)} problem(s); "
              "run `factdrill validate` for details", file=sys.stderr)
        raise SystemExit(1) from None
