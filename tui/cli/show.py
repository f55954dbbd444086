"""`factdrill show ID`: one fact, or one of its asks, with its full provenance (--json: every field)."""

from __future__ import annotations

import argparse

from rich.console import Group
from rich.text import Text

from tui.present.output import output_console, write_json
from tui.cli.options import add_deck_option, fact_or_exit, load_or_exit
from tui.core.deck.as_json import fact_json
from tui.core.safe_text import printable
from tui.present.facts import LABEL_STYLE, fact_detail, safe


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "show", help="show one fact with its full provenance (--json: every field)",
        description="Show a fact: statement, answer, tags, its further asks, and each citation's quote "
                    "inside its paragraph with the source's outlet, title and date. An ask's id "
                    "(fact-id#ask) shows that question and answer with its fact. Exit 2 for an unknown id.",
    )
    parser.add_argument("fact_id", metavar="ID",
                        help="a fact's id, or an ask's (fact-id#ask; see `factdrill list` or `factdrill search --json`)")
    parser.add_argument("--json", action="store_true", help="print the fact as JSON, citations resolved")
    add_deck_option(parser, suppress_default=True)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    deck = load_or_exit(args)
    fact = fact_or_exit(deck, args.fact_id)
    if args.json:
        write_json(fact_json(deck, fact))
        return 0
    heading = Text(printable(fact.id), style="cyan")
    questions = Text()
    for number, question in enumerate(fact.questions):
        questions.append("Question: " if number == 0 else "          ", LABEL_STYLE)
        questions.append_text(safe(question))
        if number < len(fact.questions) - 1:
            questions.append("\n")
    parts = [heading, questions]
    if fact.is_ask:
        about = Text("Asks about fact: ", style=LABEL_STYLE)
        about.append(printable(fact.about), "cyan")
        parts.append(about)
    for ask in fact.asks:
        also = Text("Also asks: ", style=LABEL_STYLE)
        also.append_text(safe(ask.question))
        also.append(" → ", LABEL_STYLE)
        also.append_text(safe(ask.answer, "bold"))
        also.append(f"  ({printable(ask.id)})", "dim")
        parts.append(also)
    for claim in fact.false_claims:
        refutes = Text("Refutes: ", style=LABEL_STYLE)
        refutes.append_text(safe(claim, "strike"))
        parts.append(refutes)
    parts += [Text(""), fact_detail(deck, fact)]
    output_console().print(Group(*parts))
    return 0
