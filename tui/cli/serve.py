"""`factdrill serve`: the app in a web browser (textual-serve), e.g. for a classroom projector."""

from __future__ import annotations

import argparse
import shlex
import sys

from tui.cli.options import MODES, add_deck_option, deck_paths, load_or_exit


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve", help="serve the app to a web browser",
        description="Run the app behind a local web server (textual-serve); each browser tab gets "
                    "its own app. The deck is checked before the server starts.",
    )
    parser.add_argument("--host", default="localhost", help="interface to listen on (default localhost)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--mode", choices=MODES, default="browse", dest="serve_mode",
                        help="the mode each browser session starts in")
    add_deck_option(parser, suppress_default=True)
    parser.set_defaults(handler=run)


def app_command(args: argparse.Namespace) -> str:
    """The shell command each browser session runs: this Python, this deck, this mode."""
    words = [sys.executable, "-m", "tui", "--mode", args.serve_mode]
    for path in deck_paths(args) if getattr(args, "deck", None) else []:
        words += ["--deck", str(path.resolve())]
    return shlex.join(words)


def run(args: argparse.Namespace) -> int:
    deck = load_or_exit(args)  # a broken deck fails here, once, not in every browser tab
    from textual_serve.server import Server

    Server(app_command(args), host=args.host, port=args.port, title=f"factdrill · {deck.title}").serve()
    return 0
