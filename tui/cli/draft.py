"""`factdrill draft SOURCE_ID --deck DIR`: propose facts from an article, as drafts to review."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tui.core.authoring.drafting import draft_facts
from tui.core.authoring.edits import dropped_drafts, write_drafts
from tui.core.authoring.links import link_drafts
from tui.core.authoring.writing import AuthoringError
from tui.core.deck.loading import DeckProblems, load_deck
from tui.core.session import DeckSession
from tui.present.output import print_problems


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "draft", help="draft facts from a source of the deck, to accept, edit or drop in the app",
        description="Writes one draft per checkable unit of each sentence (a figure, amount, date, day, "
                    "person, place, organisation, role or quoted speech) into SOURCE_ID.toml. "
                    "Drafting again adds only what is new.",
    )
    parser.add_argument("source_id", metavar="SOURCE_ID")
    parser.add_argument("--deck", required=True, metavar="DIR", help="the deck folder")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    root = Path(args.deck)
    try:
        deck = load_deck([root], complete=False)
    except DeckProblems as problems:
        print_problems(problems.problems, sys.stderr)
        return 1
    source = deck.sources.get(args.source_id)
    if source is None:
        known = ", ".join(sorted(deck.sources)) or "none"
        print(f"factdrill: no source '{args.source_id}' in {root} (known: {known})", file=sys.stderr)
        return 2
    taken = {f.id for f in (*deck.facts, *deck.drafts)}
    # Ids are stable: a draft still there, accepted (and perhaps edited) or dropped is not proposed
    # again; nor is a sentence already cited from this source for the same answer.
    known = taken | dropped_drafts(root)
    cited = {(c.quote, f.answer) for f in (*deck.facts, *deck.drafts) for c in f.citations
             if c.source_id == source.id}
    drafts = [d for d in draft_facts(source.id, source.text) if d.id not in known and (d.quote, d.answer) not in cited]
    checker = DeckSession(deck).checker
    link_drafts(drafts, deck.facts, lambda fact, answer: checker.check(fact, answer).correct)
    try:
        path, count = write_drafts(root, source.id, drafts)
    except AuthoringError as error:
        print_problems(error.problems, sys.stderr)
        return 1
    linked = sum(1 for d in drafts if d.corroborates or d.disputes)
    print(f"{count} draft{'s' if count != 1 else ''} written to {path} "
          f"({linked} propose a citation or a dispute of an existing fact)")
    print("review them: factdrill --deck", root, " then d for Drafts")
    return 0
