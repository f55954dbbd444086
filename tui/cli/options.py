"""What every subcommand shares: the --deck option, argument types, and the deck to work on,
loaded or a clean error."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from tui.core.deck.cache import DeckCache
from tui.core.deck.loading import DeckProblems, load_deck
from tui.core.deck.model import Deck, Fact
from tui.core.deck.paths import bundled_deck_path
from tui.core.session import DeckSession
from rich.text import Text

from tui.core.safe_text import printable
from tui.present.output import output_console, print_problems
from tui.present.text import safe

MODES = ("browse", "search", "quiz", "drafts", "report", "progress")


def add_deck_option(parser: argparse.ArgumentParser, *, suppress_default: bool = False) -> None:
    """`--deck PATH`, repeatable, and `--no-cache`; subparsers suppress the defaults so global ones survive."""
    parser.add_argument(
        "--deck", action="append", metavar="PATH",
        default=argparse.SUPPRESS if suppress_default else None,
        help="deck file or folder to use instead of the bundled deck (repeatable)",
    )
    parser.add_argument(
        "--no-cache", action="store_true", default=argparse.SUPPRESS if suppress_default else False,
        help="load and verify the deck in full, neither reading nor writing the deck cache",
    )


def positive_int(value: str) -> int:
    """An argparse type: a whole number of at least 1, with a one-line message otherwise."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def require_terminal(command: str) -> None:
    """Exit 2 with a one-line message unless stdin and stdout are both terminals: the app
    would otherwise draw into a pipe and wait forever for keys."""
    if (sys.stdin.isatty() and sys.stdout.isatty()) or os.environ.get("TEXTUAL_DRIVER"):
        return  # a terminal, or another driver (textual-serve's, to a browser) draws the app
    print(f"{command}: the app needs a terminal (stdin and stdout); "
          "for pipes and scripts use `factdrill quiz --plain`", file=sys.stderr)
    raise SystemExit(2)


def deck_paths(args: argparse.Namespace) -> list[Path]:
    """The --deck paths given, else the bundled deck."""
    return [Path(p) for p in (getattr(args, "deck", None) or [])] or [bundled_deck_path()]


def report_load_problems(problems: DeckProblems | tuple, file=None) -> None:
    """A deck that did not load: its problems one per line, then what to do, on stderr."""
    count = print_problems(problems.problems if isinstance(problems, DeckProblems) else problems, file)
    print(f"factdrill: the deck has {count} problem(s); run `factdrill validate` for details",
          file=file or sys.stderr)


def deck_cache(args: argparse.Namespace, *, defer_writes: bool = False) -> DeckCache | None:
    """The deck cache (in the user's cache folder, or $FACTDRILL_CACHE_DIR), or None with --no-cache."""
    return None if getattr(args, "no_cache", False) else DeckCache(defer_writes=defer_writes)


def load_or_exit(args: argparse.Namespace, cache: DeckCache | None = None) -> Deck:
    """Load the chosen deck (from `cache`, else the one `deck_cache` gives, when unchanged); on
    problems print them one per line to stderr and exit 1."""
    try:
        deck = load_deck(deck_paths(args), cache=cache or deck_cache(args))
    except DeckProblems as problems:
        report_load_problems(problems)
        raise SystemExit(1) from None
    # A command lives no longer than its deck: spare the collector walking it again and again.
    gc.freeze()
    return deck


def session_or_exit(args: argparse.Namespace, *, defer_cache_writes: bool = False) -> DeckSession:
    """The chosen deck as a session (its checker, index and progress made when first used; the
    index from the cache when it holds one for this deck). `defer_cache_writes`: a deck loaded in
    full is stored at `session.complete_cache()`, not before the command answers."""
    cache = deck_cache(args, defer_writes=defer_cache_writes)  # one for both: the index sits beside the deck
    return DeckSession(load_or_exit(args, cache), cache=cache)


def fact_or_exit(deck: Deck, fact_id: str) -> Fact:
    """The fact, or the ask (`fact#ask`), with this id; otherwise print a did-you-mean list
    to stderr and exit 2."""
    fact = deck.asks_by_id.get(fact_id)
    if fact is not None:
        return fact
    from tui.core.search.index import similar_facts

    err = output_console(stderr=True, soft_wrap=True)
    err.print(Text(f"factdrill: no fact with id '{printable(fact_id)}'"))
    suggestions = similar_facts(deck, fact_id)
    if suggestions:
        err.print("did you mean:")
        for suggestion in suggestions:
            line = Text("  ")
            line.append(printable(suggestion.id), "cyan")
            line.append("  ")
            line.append_text(safe(suggestion.statement, "dim"))
            err.print(line)
    else:
        err.print("find a fact's id with `factdrill search WORDS` or `factdrill list`")
    raise SystemExit(2)


def question_types(value: str) -> list[str]:
    """An argparse type: comma-separated question types, each one we know, with a one-line message otherwise."""
    from tui.core.quiz.questions import QUESTION_TYPES

    names = [part.strip().lower() for part in value.split(",") if part.strip()]
    for name in names:
        if name not in QUESTION_TYPES:
            raise argparse.ArgumentTypeError(f"unknown type {name!r} (choose from {', '.join(QUESTION_TYPES)})")
    return names


def read_line(stdin, console, timeout: float | None = None) -> str | None:
    """One answer line after a "> " prompt; None at end of input. With `timeout` on a terminal,
    "" when it runs out first (a pipe is read as it comes: its lines may already be buffered)."""
    import select

    console.print("> ", end="")
    console.file.flush()
    if timeout is not None and stdin.isatty():
        ready, _, _ = select.select([stdin], [], [], max(0.0, timeout))
        if not ready:
            console.print()
            return ""
    line = stdin.readline()
    if not line:
        console.print()
        return None
    # Bytes that are not UTF-8 arrive as lone surrogates (surrogateescape), which can be
    # neither printed nor saved; they become U+FFFD like any undecodable input.
    line = line.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return line.rstrip("\r\n")
