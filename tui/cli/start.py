"""Starting the TUI from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.options import deck_cache, deck_paths, load_or_exit, report_load_problems, require_terminal
from tui.core.deck.files import deck_files
from tui.core.deck.schema import Report

# Decks above this many bytes of TOML load in a worker behind a progress screen, so the
# app answers at once; smaller ones load in well under a frame, and a bad deck is
# reported before the screen is taken over.
LOAD_IN_BACKGROUND_BYTES = 1_000_000


def deck_size(paths: list[Path]) -> int:
    """Bytes of the deck's TOML files, found as the loader finds them (a missing path counts 0;
    loading reports it)."""
    return sum(file.stat().st_size for file in deck_files(paths, Report()))


def run_app(args: argparse.Namespace) -> int:
    require_terminal("factdrill")
    from tui.app.app import FactdrillApp  # Textual is imported only when the app runs

    paths, cache = deck_paths(args), deck_cache(args)
    # Facts are written only into a deck folder of the user's own (one --deck DIR), never the bundled deck.
    folder = paths[0] if args.deck and len(paths) == 1 and paths[0].is_dir() else None
    # A cached deck loads fast and in full: a progress screen would only slow it down.
    if deck_size(paths) <= LOAD_IN_BACKGROUND_BYTES or (cache is not None and cache.holds(paths)):
        app = FactdrillApp(load_or_exit(args, cache), mode=args.mode, deck_folder=folder, cache=cache)
    else:
        app = FactdrillApp(None, mode=args.mode, deck_paths=paths, deck_folder=folder, cache=cache)
    app.run()
    if app.load_problems:
        report_load_problems(app.load_problems)
    return app.return_code or 0
