"""`factdrill answer`: being built (see the issue tracker)."""

from __future__ import annotations

import argparse
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("answer", help="(not yet available)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    print("factdrill answer: not available yet", file=sys.stderr)
    return 2
