"""`factdrill search`: being built (see the issue tracker)."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("search", help="(not yet available)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    print("factdrill search: not available yet", file=sys.stderr)
    return 2
