"""`factdrill drill FILE`: take a classroom drill; `factdrill drill validate FILE`: check one.

Taking a drill asks for the pupil's name first (or takes `--name`), then the
questions, under the drill's time limits, saving every answer to the class's
results store (`--results DIR` or `postgresql://…`; default: `results/` beside the
drill file). `--plain` reads one line per answer, as `quiz --plain` does: an
empty line twice leaves a question unanswered; an answer given after the time
is up is not graded and the question is saved as unanswered.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path
from typing import TextIO

from tui.cli.options import read_line
from tui.present.output import output_console, print_problems


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "drill", help="take a classroom drill (drill validate FILE: check a drill file)",
        description=__doc__.split("\n\n", 1)[1] if __doc__ else None,
        usage="factdrill drill FILE [--name NAME] [--results DIR|URL] [--plain]\n"
              "       factdrill drill validate FILE [FILE ...]",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="the drill file (or: validate FILE ...)")
    parser.add_argument("--name", help="the pupil's name (asked for when not given)")
    parser.add_argument("--results", metavar="DIR|URL",
                        help="the class results store: a folder, or postgresql://… (default: results/ beside FILE)")
    parser.add_argument("--plain", action="store_true", help="no TUI: questions on stdout, answers line by line")
    parser.set_defaults(handler=run)


def results_target(args_results: str | None, drill_path: Path) -> str | Path:
    """Where the results go: the URL or folder given, else `results/` beside the drill file."""
    return args_results if args_results else drill_path.parent / "results"


def not_a_terminal(command: str) -> bool:
    """True (and why, on stderr) when the app cannot run here: stdin or stdout is not a terminal.

    Started into a pipe the app would hang, and a drill's attempt would stay open under the pupil's name.
    A browser tab of `serve` runs the app through Textual's web driver, with pipes: that is allowed.
    """
    if os.environ.get("TEXTUAL_DRIVER") or (sys.stdin.isatty() and sys.stdout.isatty()):
        return False
    print(f"factdrill {command}: not a terminal; add --plain to answer line by line on stdin/stdout"
          if command == "drill" else f"factdrill {command}: not a terminal; --live needs one (leave it out, "
          "or use --json, --markdown or --csv)", file=sys.stderr)
    return True


def run(args: argparse.Namespace) -> int:
    if args.files[0] == "validate" and not Path("validate").is_file():
        if len(args.files) < 2:
            print("factdrill drill validate: name the drill file(s) to check", file=sys.stderr)
            return 2
        return validate(args.files[1:])
    if len(args.files) != 1:
        print("factdrill drill: give one drill file (or: drill validate FILE ...)", file=sys.stderr)
        return 2
    if not args.plain and not_a_terminal("drill"):
        return 2
    prepared = prepare_or_exit(args.files[0])
    name = args.name
    if not args.plain:
        from tui.app.drill_app import DrillApp  # Textual is imported only when the app runs

        app = DrillApp(prepared, results_target(args.results, prepared.drill.path), name=name)
        app.run()
        if app.problem:
            print(f"factdrill drill: {app.problem}", file=sys.stderr)
        return app.return_code or 0
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="surrogateescape")
    return run_plain(prepared, results_target(args.results, prepared.drill.path), name, sys.stdin, sys.stdout)


def prepare_or_exit(path: str, command: str = "drill"):
    """The drill ready to take; its problems on stderr and exit 1 otherwise (`command` names who says so)."""
    from tui.core.drills.loading import DrillProblems
    from tui.core.drills.rounds import prepare_drill

    try:
        return prepare_drill(path)
    except DrillProblems as problems:
        count = print_problems(problems.problems)
        print(f"factdrill {command}: {count} problem(s) in the drill file; fix them, then check it with "
              f"`factdrill drill validate {shlex.quote(path)}`", file=sys.stderr)
        raise SystemExit(1) from None


def validate(paths: list[str]) -> int:
    """Check each drill file and its deck; a summary line for a good one, every problem for a bad one."""
    from collections import Counter

    from tui.core.drills.loading import DrillProblems
    from tui.core.drills.rounds import prepare_drill

    console = output_console(soft_wrap=True)
    problems_found = 0
    for path in paths:
        try:
            prepared = prepare_drill(path)
        except DrillProblems as problems:
            problems_found += print_problems(problems.problems, sys.stdout)
            continue
        drill, round_ = prepared.drill, prepared.round
        types = Counter(str(q.type) for q in round_.questions)
        from rich.text import Text

        line = Text(f"{path}: OK · ")
        from tui.present.text import safe

        line.append_text(safe(drill.title))
        line.append(f" · {len(round_)} questions ({', '.join(f'{t} {n}' for t, n in types.items())})"
                    f" · {drill.rules_line}")
        console.print(line)
    if problems_found:
        print(f"{problems_found} problem{'s' if problems_found != 1 else ''} found")
        return 1
    return 0


# --- plain mode ---------------------------------------------------------------------------------

def ask_name(stdin: TextIO, console) -> str | None:
    """The pupil's name, asked until one is given; None at end of input."""
    from tui.core.drills.recording import clean_name

    while True:
        console.print("Your name:")
        given = read_line(stdin, console)
        if given is None:
            return None
        name = clean_name(given)
        if name:
            return name
        console.print("A name is needed: your teacher sees it beside your answers.")


def start_or_report(target, prepared, name: str):
    """The recorder for a new attempt; None (and why, on stderr) when the drill cannot start."""
    from tui.core.drills.recording import ResultsRecorder
    from tui.core.drills.resuming import RetryNotAllowed
    from tui.core.results.store import ResultsError

    try:
        return ResultsRecorder.start(target, prepared, name)
    except (ResultsError, RetryNotAllowed) as error:
        print(f"factdrill drill: {error}", file=sys.stderr)
        return None


def _show_question(session, console) -> None:
    from tui.present import drill as drill_text
    from tui.present import quiz as render

    question = session.current
    console.print()
    heading = render.question_heading(question, session.number, session.total)
    left = session.time_left()
    if left is not None:
        heading.append("  ").append_text(drill_text.countdown(left))
    console.print(heading)
    console.print(render.question_body(question))
    console.print(render.answer_hint(question, plain=True, drill=True))


def _settle_question(session, stdin: TextIO, console):
    """Read lines until the open question is settled (answered, left, or out of time); None at end of input."""
    from tui.core.drills.taking import TimeUp
    from tui.core.quiz.rounds import NotAnAnswer

    empty_once = False
    while True:
        given = read_line(stdin, console, session.time_left())
        if given is None:
            return None
        try:
            if given.strip():
                return session.answer(given)
            if empty_once:
                return session.skip()
            if session.tick():
                raise TimeUp("time was up")
            empty_once = True
            console.print("An empty answer is not graded; enter an answer, or an empty line again "
                          "to leave it unanswered.")
        except NotAnAnswer as problem:
            console.print(f"Not an answer here: {problem}.")
        except TimeUp:
            return session.result().results[-1]


def run_plain(prepared, target, name: str | None, stdin: TextIO, stdout: TextIO, clock=None) -> int:
    """Take the drill line by line; 0 when it ran (also at end of input), 1 when it could not start."""
    import time

    from rich.text import Text

    from tui.core.drills.recording import clean_name
    from tui.core.drills.taking import DrillSession
    from tui.core.quiz.runner import RoundState
    from tui.present import drill as drill_text
    from tui.present import quiz as render

    console = output_console(file=stdout, soft_wrap=True)
    drill, deck = prepared.drill, prepared.deck
    console.print(drill_text.drill_intro(drill, len(prepared.round)))
    name = clean_name(name or "") or ask_name(stdin, console)
    if not name:
        print("factdrill drill: a name is needed to take a drill", file=sys.stderr)
        return 1
    recorder = start_or_report(target, prepared, name)
    if recorder is None:
        return 1
    session = DrillSession(prepared, recorder, clock=clock or time.monotonic,
                           report=lambda problem: print(f"factdrill drill: {problem}", file=sys.stderr))
    if session.resumed:
        console.print(Text(drill_text.welcome_back(name, session.resumed, session.total), style="bold"))
    try:  # however it ends (end of input, Ctrl-C, a closed pipe), the answers given are kept
        while session.current is not None:
            question = session.current
            _show_question(session, console)
            record = _settle_question(session, stdin, console)
            if record is None:
                console.print(Text("End of input: the drill ends here; your answers are saved.", style="dim"))
                break
            if session.timed_out:
                console.print(Text("Time was up: this question is saved as unanswered.", style="bold"))
            elif not drill.exam:
                console.print()
                console.print(render.feedback(deck, question, record.grade, plain=True))
            if session.state == RoundState.SUMMARY:  # the drill's own time ran out
                console.print(Text("The drill's time is up.", style="bold"))
                break
            session.advance()
        console.print()
        console.print(Text("End of drill", style="bold underline"))
        console.print(drill_text.end_summary(drill, session.result(), session.total, session.timed_out_numbers))
    finally:
        session.close()
    return 0
