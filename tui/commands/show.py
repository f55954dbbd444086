"""`factdrill show`: being built (see the issue tracker)."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("show", help="(not yet available)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    print("factdrill show: not available yet", file=sys.stderr)
    return 2
