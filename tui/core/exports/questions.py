"""Which questions an export writes: every askable type of every selected fact, the same each time."""

from __future__ import annotations

import random
from dataclasses import dataclass

from tui.core.deck.model import Citation, Deck, Fact
from tui.core.quiz.questions import (
    QUESTION_TYPES, Question, feasible_types, make_question, refutable, unsourced_question,
)

EXPORT_SEED = 0  # exports are reproducible: the same deck gives the same file


@dataclass(frozen=True, slots=True)
class ExportSelection:
    """Empty tuples mean all; `ids` are fact (or ask) ids."""

    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    types: tuple[str, ...] = QUESTION_TYPES


def selected_facts(deck: Deck, selection: ExportSelection) -> list[Fact]:
    """The deck's asks (each fact, then its further asks) matching the selection, in deck order."""
    return [fact for fact in deck.asks
            if (not selection.tags or set(selection.tags) & set(fact.tags))
            and (not selection.sources or set(selection.sources) & set(fact.source_ids))
            and (not selection.ids or fact.id in selection.ids)]


def export_questions(deck: Deck, selection: ExportSelection) -> list[Question]:
    """One question per askable type per selected fact (a claim both ways when refutable), then the
    unsourced claims when claims are asked and no source or id narrows the selection."""
    rng = random.Random(EXPORT_SEED)
    questions: list[Question] = []
    for fact in selected_facts(deck, selection):
        for type_ in feasible_types(deck, fact):
            if type_ not in selection.types:
                continue
            questions.append(make_question(deck, fact, type_, rng))
            if type_ == "claim" and refutable(fact):
                questions.append(make_question(deck, fact, "claim", rng, "refuted"))
    if "claim" in selection.types and not selection.sources and not selection.ids:
        questions += [unsourced_question(claim) for claim in deck.unsourced_claims
                      if not selection.tags or set(selection.tags) & set(claim.tags)]
    return questions


def citation_line(deck: Deck, citation: Citation) -> str:
    """“quote” — title, outlet, date: a quote with its provenance on one line."""
    source = deck.source_of(citation)
    return f"\u201c{citation.quote}\u201d \u2014 {source.provenance_line(with_basis=False)}"

