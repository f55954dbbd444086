"""Plain-data views of facts and citations, for JSON output (a stable contract)."""

from __future__ import annotations

from typing import Any

from tui.core.deck.model import Citation, Deck, Fact


def citation_json(deck: Deck, citation: Citation) -> dict[str, Any]:
    """A citation with its source resolved: id, title, outlet, date, quote, span."""
    source = deck.source_of(citation)
    return {
        "id": source.id,
        "title": source.title,
        "title_kind": source.title_kind,
        "outlet": source.outlet,
        "date": source.date,
        "date_precision": source.date_precision,
        "date_basis": source.date_basis,
        "quote": citation.quote,
        "span": [citation.start, citation.end],
    }


def ask_summary(ask: Fact) -> dict[str, Any]:
    """One further ask of a fact, as `fact_json` lists it under `asks`."""
    return {
        "id": ask.id,
        "question": ask.question,
        "answer": ask.answer,
        "kind": ask.kind,
        "aliases": list(ask.aliases),
        "distractors": list(ask.distractors),
    }


def fact_json(deck: Deck, fact: Fact) -> dict[str, Any]:
    """Every field of a fact (or of an ask, whose `fact_id` names its fact), citations resolved
    under `sources`; a fact's further asks are listed under `asks`."""
    cited_by, of = deck.corroboration(fact)
    return {
        "id": fact.id,
        "fact_id": fact.about,
        "statement": fact.statement,
        "question": fact.question,
        "questions": list(fact.questions),
        "answer": fact.answer,
        "kind": fact.kind,
        "aliases": list(fact.aliases),
        "unit": fact.unit,
        "tolerance": fact.tolerance,
        "approximate": fact.approximate,
        "tags": list(fact.tags),
        "distractors": list(fact.distractors),
        "false_claims": list(fact.false_claims),
        "disputed": fact.disputed,
        "dispute_note": fact.dispute_note,
        "note": fact.note,
        "corroboration": {"cited_by": cited_by, "of": of},
        "sources": [citation_json(deck, c) for c in fact.citations],
        "asks": [ask_summary(ask) for ask in fact.asks],
    }
