"""A claim's verdict as plain data: the `factdrill check --json` contract."""

from __future__ import annotations

from typing import Any

from tui.core.deck.as_json import citation_json
from tui.core.deck.model import Deck

from .verdict import ClaimVerdict


def verdict_json(deck: Deck, verdict: ClaimVerdict) -> dict[str, Any]:
    """Label in our words and FEVER's, the reason, the confidence, and the evidence with its quotes."""
    return {
        "claim": verdict.claim,
        "label": verdict.label,
        "label_text": verdict.label_text,
        "fever_label": verdict.fever_label,
        "reason": verdict.reason,
        "confidence": verdict.confidence,
        "recorded": verdict.recorded or None,
        "note": verdict.note or None,
        "evidence": [
            {
                "fact_id": item.fact.id,
                "role": item.role,
                "statement": item.fact.statement,
                "disputed": item.fact.disputed,
                "dispute_note": item.fact.dispute_note,
                "sources": [citation_json(deck, c) for c in item.citations],
            }
            for item in verdict.evidence
        ],
    }
