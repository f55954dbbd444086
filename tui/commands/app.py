"""Starting the TUI from the command line."""

from __future__ import annotations

import argparse

from tui.commands.common import load_or_exit


def run_app(args: argparse.Namespace) -> int:
    deck = load_or_exit(args)
    from tui.app import FactdrillApp  # Textual is imported only when the app runs

    app = FactdrillApp(deck, mode=args.mode)
    app.run()
    return app.return_code or 0
