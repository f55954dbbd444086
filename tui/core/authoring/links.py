"""Drafts that restate an existing fact: a proposed extra citation, or a proposed dispute.

A draft "states the same thing" as a fact when their statements, each without its
answer, say nearly the same words and the answers are of the same kind (and count the
same thing, when both say what they count); then the
deck's own answer checker decides: the draft's answer right for the fact means
corroboration, wrong means the two sources disagree.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Protocol

from rapidfuzz import fuzz

from tui.core.authoring.drafting import Draft

SAME_CLAIM = 80  # token-set similarity (0-100) of the two statements with their answers taken out
_FAMILIES = {"name": "who", "text": "what", "place": "where"}


class FactLike(Protocol):
    id: str
    statement: str
    answer: str
    aliases: tuple[str, ...]
    kind: str
    unit: str

    @property
    def source_ids(self) -> tuple[str, ...]: ...


def _without(statement: str, forms: Iterable[str]) -> str:
    for form in sorted(forms, key=len, reverse=True):
        if form.strip():
            statement = re.sub(rf"(?<!\w){re.escape(form)}(?!\w)", " ", statement, flags=re.IGNORECASE)
    return statement


def _same_kind(a: str, b: str) -> bool:
    return a == b or (a in _FAMILIES and b in _FAMILIES)


def link_drafts(drafts: list[Draft], facts: Iterable[FactLike], is_right: Callable[[FactLike, str], bool]) -> None:
    """Mark each draft that restates a fact of another source as `corroborates` or `disputes` it.

    `is_right(fact, answer)` is the deck's answer checker: whether `answer` is right for `fact`.
    """
    facts = list(facts)
    for draft in drafts:
        mine = _without(draft.statement, [draft.answer, *draft.aliases])
        best, best_score = None, SAME_CLAIM
        for fact in facts:
            if draft.source in fact.source_ids or not _same_kind(draft.kind, fact.kind):
                continue
            if draft.unit and fact.unit and draft.unit != fact.unit:
                continue  # votes for are not votes against, whatever the sentences share
            theirs = _without(fact.statement, [fact.answer, *fact.aliases])
            score = fuzz.token_set_ratio(mine, theirs)
            if score >= best_score:
                best, best_score = fact, score
        if best is None:
            continue
        if is_right(best, draft.answer):
            draft.corroborates = best.id
        else:
            draft.disputes = best.id
