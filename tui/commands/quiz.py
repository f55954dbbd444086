"""`factdrill quiz`: being built (see the issue tracker)."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("quiz", help="(not yet available)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    print("factdrill quiz: not available yet", file=sys.stderr)
    return 2
