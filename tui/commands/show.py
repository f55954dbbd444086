"""`factdrill show FACT_ID`: one fact with its full provenance (--json: every field)."""

from __future__ import annotations

import argparse
import json

from rich.console import Console, Group
from rich.text import Text

from tui.cli import add_deck_option
from tui.commands.common import load_or_exit, output_console
from tui.core.deck import Deck, Fact
from tui.core.export import fact_json
from tui.core.safe_text import printable
from tui.core.search import similar_facts
from tui.rendering import LABEL_STYLE, fact_detail, safe


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "show", help="show one fact with its full provenance (--json: every field)",
        description="Show a fact: statement, answer, tags, and each citation's quote inside its "
                    "paragraph with the source's outlet, title and date. Exit 2 for an unknown id.",
    )
    parser.add_argument("fact_id", metavar="FACT_ID", help="the fact's id (see `factdrill list` or `factdrill search`)")
    parser.add_argument("--json", action="store_true", help="print the fact as JSON, citations resolved")
    add_deck_option(parser, suppress_default=True)
    parser.set_defaults(handler=run)


def fact_or_exit(deck: Deck, fact_id: str) -> Fact:
    """The fact with this id; otherwise print a did-you-mean list to stderr and exit 2."""
    fact = deck.facts_by_id.get(fact_id)
    if fact is not None:
        return fact
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    err.print(Text(f"factdrill: no fact with id '{printable(fact_id)}'"))
    suggestions = similar_facts(deck, fact_id)
    if suggestions:
        err.print("did you mean:")
        for suggestion in suggestions:
            line = Text("  ")
            line.append(printable(suggestion.id), "cyan")
            line.append("  ")
            line.append_text(safe(suggestion.statement, "dim"))
            err.print(line)
    else:
        err.print("find a fact's id with `factdrill search WORDS` or `factdrill list`")
    raise SystemExit(2)


def run(args: argparse.Namespace) -> int:
    deck = load_or_exit(args)
    fact = fact_or_exit(deck, args.fact_id)
    if args.json:
        print(json.dumps(fact_json(deck, fact), ensure_ascii=False, indent=2))
        return 0
    heading = Text(printable(fact.id), style="cyan")
    questions = Text()
    for number, question in enumerate(fact.questions):
        questions.append("Question: " if number == 0 else "          ", LABEL_STYLE)
        questions.append_text(safe(question))
        if number < len(fact.questions) - 1:
            questions.append("\n")
    parts = [heading, questions]
    for claim in fact.false_claims:
        refutes = Text("Refutes: ", style=LABEL_STYLE)
        refutes.append_text(safe(claim, "strike"))
        parts.append(refutes)
    parts += [Text(""), fact_detail(deck, fact)]
    output_console().print(Group(*parts))
    return 0
