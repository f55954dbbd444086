"""Drafts in a deck: facts marked `draft = true`, and what each proposes about an accepted fact.

A draft may say that its sentence `corroborates` an accepted fact (accepting it adds a
citation) or `disputes` one (accepting it marks that fact disputed); the fact it names
must be an accepted fact of the deck.
"""

from __future__ import annotations

from typing import Any

from tui.core.deck.model import Fact
from tui.core.deck.schema import Report


def proposal(table: dict[str, Any]) -> tuple[str, str]:
    """("corroborates" | "disputes" | "", the fact named) for a draft's table."""
    for key in ("corroborates", "disputes"):
        if key in table:
            return key, table[key]
    return "", ""


def check_proposals(drafts: dict[str, tuple[str, str]], facts: dict[str, Fact], report: Report) -> None:
    """A draft's proposal must name a fact of the deck that is not itself a draft."""
    for draft_id, (key, target) in drafts.items():
        if key and draft_id in facts and (target not in facts or target in drafts):
            where = facts[draft_id].location
            report.add(where.path, where.line,
                       f"fact '{draft_id}': {key} '{target}', which is not an accepted fact of the deck")
