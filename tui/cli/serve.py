"""`factdrill serve`: the app in web browsers (textual-serve), one app per tab, e.g. for a classroom.

With `--drill FILE` each tab takes that drill instead: it asks the pupil's name, runs the
questions under the drill's limits and saves every answer to the class's results store
(`--results DIR|URL`, default `results/` beside the drill file), which `factdrill report` reads.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from tui.cli.options import MODES, add_deck_option, deck_paths, load_or_exit, positive_int
from tui.cli.serving.access import AccessPolicy, parse_origin
from tui.cli.serving.join import join_url, only_this_machine, qr_text
from tui.cli.serving.server import DEFAULT_MAX_SESSIONS, ClassroomServer
from tui.core.safe_text import printable


def port_number(value: str) -> int:
    """An argparse type: a TCP port, 1–65535."""
    number = positive_int(value)
    if number > 65535:
        raise argparse.ArgumentTypeError("a port is at most 65535")
    return number


def origin(value: str) -> str:
    """An argparse type: `scheme://host[:port]`, as a browser sends it in Origin."""
    if parse_origin(value) is None:
        raise argparse.ArgumentTypeError(f"not an origin (http[s]://host[:port]): {value!r}")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve", help="serve the app to web browsers",
        description="Run the app behind a local web server (textual-serve); each browser tab gets "
                    "its own app. The deck is checked before the server starts. Only pages from this "
                    "server (or --allow-origin) may open a session.",
    )
    parser.add_argument("--drill", metavar="FILE", help="serve this classroom drill: each tab asks a name and "
                                                        "takes it (the drill file names its deck)")
    parser.add_argument("--results", metavar="DIR|URL",
                        help="with --drill: the class results store, a folder or postgresql://… "
                             "(default: results/ beside the drill file)")
    parser.add_argument("--host", default="localhost",
                        help="interface to listen on (default localhost; 0.0.0.0 lets other machines join)")
    parser.add_argument("--port", type=port_number, default=8000, help="port (default 8000)")
    parser.add_argument("--mode", choices=MODES, default="browse", dest="serve_mode",
                        help="the mode each browser session starts in")
    parser.add_argument("--max-sessions", type=positive_int, default=DEFAULT_MAX_SESSIONS, metavar="N",
                        help=f"apps running at once, one per tab (default {DEFAULT_MAX_SESSIONS}); "
                             "past it a page says the class is full")
    parser.add_argument("--allow-origin", action="append", type=origin, default=[], metavar="ORIGIN",
                        help="another origin allowed to open sessions, e.g. https://drill.school.example "
                             "behind a proxy (repeatable)")
    add_deck_option(parser, suppress_default=True)
    parser.set_defaults(handler=run)


def app_command(args: argparse.Namespace) -> str:
    """The shell command each browser session runs: this Python, this deck, this mode."""
    words = [sys.executable, "-m", "tui", "--mode", args.serve_mode]
    for path in deck_paths(args) if getattr(args, "deck", None) else []:
        words += ["--deck", str(path.resolve())]
    return shlex.join(words)


def announce(server: ClassroomServer) -> None:
    """Tell the teacher where to point browsers: the URL, and a QR code of it when others can reach it."""
    url = join_url(server.host, server.port)
    print(f"factdrill: serving {printable(server.title)} (at most {server.max_sessions} at once)")
    print(f"Join at {url}")
    if only_this_machine(server.host):
        print("Only this computer can join; start with --host 0.0.0.0 to let other machines in.")
    else:
        print(qr_text(url), end="")
    print("Press Ctrl+C to stop.", flush=True)


def serve(command: str, title: str, args: argparse.Namespace, ended: str = "") -> int:
    """Run the server until Ctrl+C; a port already taken is one line, not a traceback."""
    policy = AccessPolicy.for_server(args.host, tuple(args.allow_origin))
    server = ClassroomServer(command, host=args.host, port=args.port, title=title, policy=policy,
                             max_sessions=args.max_sessions, announce=announce, ended=ended)
    try:
        server.serve()
    except OSError as error:
        print(f"factdrill: cannot serve on {printable(args.host)}:{args.port}: {error.strerror or error}",
              file=sys.stderr)
        return 1
    return 0


def drill_command(drill_path: Path, results: str | Path) -> str:
    """The shell command each pupil's tab runs: this Python, `drill FILE --results ...`, no name yet."""
    return shlex.join([sys.executable, "-m", "tui", "drill", str(drill_path.resolve()), "--results", str(results)])


def serve_drill(args: argparse.Namespace) -> int:
    """Check the drill, its deck and the results store once, here, then serve the drill to every tab."""
    from tui.cli.drill import prepare_or_exit, results_target
    from tui.core.results.opening import is_url, open_results
    from tui.core.results.store import ResultsError

    prepared = prepare_or_exit(args.drill, "serve")
    results = results_target(args.results, prepared.drill.path)
    if not is_url(results):
        results = Path(results).resolve()
    try:
        open_results(results).close()
    except ResultsError as error:
        print(f"factdrill serve: {error}", file=sys.stderr)
        return 1
    print(f"Results are saved in {printable(str(results))}; follow them with `factdrill report` on it.")
    return serve(drill_command(prepared.drill.path, results), f"factdrill · {prepared.drill.title}", args,
                 ended="Your answers are saved. You may close this tab.")


def run(args: argparse.Namespace) -> int:
    if args.drill:
        if args.deck:
            print("factdrill serve: --drill names its own deck; leave out --deck", file=sys.stderr)
            return 2
        return serve_drill(args)
    if args.results:
        print("factdrill serve: --results goes with --drill", file=sys.stderr)
        return 2
    deck = load_or_exit(args)  # a broken deck fails here, once, not in every browser tab
    return serve(app_command(args), f"factdrill · {deck.title}", args)
