"""`factdrill check CLAIM`: is a claim supported, refuted, not in the sources, or disputed?"""

from __future__ import annotations

import argparse

from tui.cli.options import add_deck_option, session_or_exit
from tui.core.factcheck import verdict_json
from tui.present.factcheck import claim_line, verdict_panel
from tui.present.output import output_console, write_json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check", help="fact-check a claim: supported, refuted, not in the sources, or disputed",
        description="Check a claim against the deck: the verdict (Supported, Refuted, Not in the "
                    "sources, Disputed), a one-line reason, a confidence (clear, likely, weak) and "
                    "the deciding facts with their quotes. Exit status 0 for any verdict.",
    )
    parser.add_argument("claim", metavar="CLAIM", nargs="+", help="the claim (several words are joined by spaces)")
    parser.add_argument("--json", action="store_true",
                        help="print JSON: label (ours and FEVER's), reason, confidence, evidence")
    add_deck_option(parser, suppress_default=True)
    parser.set_defaults(handler=run, parser=parser)


def run(args: argparse.Namespace) -> int:
    claim = " ".join(" ".join(args.claim).split())
    if not claim:
        args.parser.error("the claim is empty")  # exits with status 2, as every usage error
    session = session_or_exit(args)
    verdict = session.fact_checker.check(claim)
    if args.json:
        write_json(verdict_json(session.deck, verdict))
        return 0
    console = output_console()
    console.print(claim_line(verdict))
    console.print(verdict_panel(session.deck, verdict))
    return 0
