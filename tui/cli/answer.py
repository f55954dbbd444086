"""`factdrill answer ID ANSWER [ANSWER ...]`: check answers against a fact or an ask, one verdict each."""

from __future__ import annotations

import argparse
from typing import Any

from rich.console import Group
from rich.text import Text

from tui.present.output import output_console, write_json
from tui.cli.options import add_deck_option, fact_or_exit, session_or_exit
from tui.core.deck.as_json import citation_json
from tui.present.facts import LABEL_STYLE, fact_provenance, safe, verdict_line


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "answer", help="check answers to a fact's question: correct, close or incorrect, with sources",
        description="Check each ANSWER against the fact's question, or an ask's (ID fact-id#ask). "
                    "Exit 0 whether right or wrong; exit 2 for an unknown ID (with suggestions).",
    )
    parser.add_argument("fact_id", metavar="ID", help="a fact's id, or an ask's (fact-id#ask)")
    parser.add_argument("answers", metavar="ANSWER", nargs="+", help="one or more answers to check")
    parser.add_argument("--json", action="store_true",
                        help="print JSON: per answer fact_id, given, verdict, correct, expected, explanation, rule, sources")
    add_deck_option(parser, suppress_default=True)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    session = session_or_exit(args)
    deck = session.deck
    fact = fact_or_exit(deck, args.fact_id)
    verdicts = [session.checker.check(fact, given) for given in args.answers]
    if args.json:
        sources = [citation_json(deck, c) for c in fact.citations]
        rows: list[dict[str, Any]] = [
            {
                "fact_id": fact.id,
                "given": verdict.given,
                "verdict": verdict.verdict,
                "correct": verdict.correct,
                "expected": verdict.expected,
                "explanation": verdict.explanation,
                "rule": verdict.rule,
                "sources": sources,
            }
            for verdict in verdicts
        ]
        write_json(rows)
        return 0
    parts: list[Any] = []
    question = Text("Q: ", style=LABEL_STYLE)
    question.append_text(safe(fact.question))
    parts.append(question)
    for verdict in verdicts:
        line = Text("  ")
        line.append_text(safe(f"“{verdict.given}”"))
        line.append("  ")
        line.append_text(verdict_line(verdict.verdict, verdict.expected, verdict.explanation))
        parts.append(line)
    parts.append(Text(""))
    statement = Text("Fact: ", style=LABEL_STYLE)
    statement.append_text(safe(fact.statement))
    parts.append(statement)
    parts.append(fact_provenance(deck, fact))
    output_console().print(Group(*parts))
    return 0
