"""`factdrill quiz`: a quiz round, in the TUI or (`--plain`) on stdin/stdout.

Plain mode reads one line per answer: `a`-`d` for a choice, `s`/`r`/`n` (or the
words) for a claim, text for a typed or cloze answer, `?` or `reveal` to see the
answer (counted as missed). An empty answer is not graded: the question is asked
again once, and a second empty line skips it. End of input ends the round
cleanly with the summary (exit 0).
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from tui.present.output import output_console
from tui.cli.options import (
    add_deck_option, load_or_exit, positive_int, question_types, read_line, require_terminal,
)
from tui.core.deck.model import Deck
from tui.core.quiz.rounds import DEFAULT_COUNT, QUESTION_TYPES, RoundSpec
from tui.core.session import DeckSession

REVEAL_WORDS = ("?", "reveal")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "quiz", help="quiz yourself (--plain: on stdin/stdout, for scripts and screen readers)",
        description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
    )
    parser.add_argument("--plain", action="store_true", help="no TUI: print questions, read answers line by line")
    parser.add_argument("--count", type=positive_int, help=f"questions in the round (default {DEFAULT_COUNT})")
    parser.add_argument("--seed", type=int, help="makes the order and options repeatable (default: a random seed, printed)")
    parser.add_argument("--tag", action="append", default=[], metavar="TAG", help="only facts with this tag (repeatable)")
    parser.add_argument("--source", action="append", default=[], metavar="ID", help="only facts citing this source (repeatable)")
    parser.add_argument("--due", action="store_true",
                        help="only facts due for review (spaced repetition over your saved answers)")
    parser.add_argument("--types", nargs="+", type=question_types, metavar="TYPE",
                        help=f"question types, space- or comma-separated (default: {','.join(QUESTION_TYPES)})")
    add_deck_option(parser, suppress_default=True)
    parser.set_defaults(handler=run)


def spec_from_args(args: argparse.Namespace) -> RoundSpec:
    """The round the command line asks for; a random seed when none was given."""
    from tui.core.quiz.rounds import new_seed

    types = tuple(t for group in (args.types or []) for t in group) or QUESTION_TYPES
    count = args.count if args.count is not None else DEFAULT_COUNT
    return RoundSpec(count=count, tags=tuple(args.tag), sources=tuple(args.source),
                     types=tuple(dict.fromkeys(types)), seed=args.seed if args.seed is not None else new_seed(),
                     only=getattr(args, "only", ()))


def _due_fact_ids(deck: Deck) -> list[str] | None:
    """Facts of this deck due for review, most overdue first; None (and a one-line error) if unreadable."""
    from tui.core.progress.store import ProgressError, ProgressStore

    try:
        with ProgressStore() as store:
            return store.due_in(deck)
    except ProgressError as error:
        print(f"factdrill quiz: {error}", file=sys.stderr)
        return None


def run(args: argparse.Namespace) -> int:
    if not args.plain:
        require_terminal("factdrill quiz")
    deck = load_or_exit(args)
    unknown = [s for s in args.source if s not in deck.sources]
    if unknown:
        print(f"factdrill quiz: unknown source {', '.join(unknown)} (known: {', '.join(deck.sources)})", file=sys.stderr)
        return 2
    unknown_tags = [t for t in args.tag if t not in deck.tags]
    if unknown_tags:
        print(f"factdrill quiz: unknown tag {', '.join(unknown_tags)} (known: {', '.join(deck.tags)})", file=sys.stderr)
        return 2
    if args.due:
        due = _due_fact_ids(deck)
        if due is None:
            return 1
        if not due:
            print("Nothing is due for review on this deck: every fact you have answered is scheduled later.")
            return 0
        args.only = tuple(due)
    if not args.plain:
        from tui.app.app import FactdrillApp  # Textual is imported only when the app runs

        # Round options on the command line start the round at once; with none, the setup form shows.
        started = args.seed is not None or args.count is not None or args.tag or args.source or args.types or args.due
        app = FactdrillApp(deck, mode="quiz", round_spec=spec_from_args(args) if started else None)
        app.run()
        return app.return_code or 0
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="surrogateescape")  # never a UnicodeDecodeError mid-round
    return run_plain(DeckSession(deck), spec_from_args(args), sys.stdin, sys.stdout)


def run_plain(session: DeckSession, spec: RoundSpec, stdin: TextIO, stdout: TextIO) -> int:
    """Play one round line by line; returns the exit code (0, also at end of input)."""
    from rich.text import Text

    from tui.core.quiz.rounds import NotAnAnswer, build_round
    from tui.present import quiz as render

    deck = session.deck

    # No wrapping: a pipe or a screen reader gets whole lines.
    console = output_console(file=stdout, soft_wrap=True)
    round_ = build_round(deck, spec)
    if not round_.questions:
        # A problem, so on stderr: a script redirecting stdout still sees why nothing was asked.
        settings = [f"types {','.join(spec.types)}", *(f"tag {t}" for t in spec.tags),
                    *(f"source {s}" for s in spec.sources)]
        print(f"factdrill quiz: no questions match these settings ({', '.join(settings)})", file=sys.stderr)
        return 1
    runner = session.runner(round_, report=lambda problem: print(f"factdrill quiz: {problem}", file=sys.stderr))

    console.print(Text(f"{deck.title}: {len(round_)} questions", style="bold"))
    console.print(render.spec_line(spec))
    ended = False
    try:  # however the round ends (end of input, Ctrl-C, a closed pipe), the runner saves it
        while runner.current is not None and not ended:
            question = runner.current
            console.print()
            console.print(render.question_heading(question, runner.number, runner.total))
            console.print(render.question_body(question))
            console.print(render.answer_hint(question, plain=True))
            empty_once = False
            record = None
            while record is None:
                given = read_line(stdin, console)
                if given is None:
                    ended = True
                    break
                if given.strip().lower() in REVEAL_WORDS:
                    record = runner.reveal()
                elif not given.strip():
                    if empty_once:
                        record = runner.skip()
                    else:
                        empty_once = True
                        console.print("An empty answer is not graded; enter an answer, or an empty line again to skip.")
                else:
                    try:
                        record = runner.answer(given)
                    except NotAnAnswer as problem:
                        console.print(f"Not an answer here: {problem}.")
            if record is None:
                break
            console.print()
            console.print(render.feedback(deck, question, record.grade, plain=True))
            runner.advance()
        console.print()
        if ended:
            console.print(Text("End of input: the round ends here.", style="dim"))
        console.print(Text("End of round", style="bold underline"))
        console.print(render.summary(deck, runner.finish(), planned=len(round_)))
    finally:
        runner.close()
    return 0
