"""Fact-checking a pasted claim against a deck: the verdict engine (rule-based, offline)."""

from .as_json import verdict_json
from .verdict import (
    CONFIDENCES, DISPUTED, FEVER, LABEL_TEXT, LABELS, NOT_IN_SOURCES, REFUTED, SUPPORTED, ClaimVerdict, Evidence,
)

__all__ = [
    "CONFIDENCES", "DISPUTED", "FEVER", "LABELS", "LABEL_TEXT", "NOT_IN_SOURCES", "REFUTED", "SUPPORTED",
    "ClaimVerdict", "Evidence", "FactChecker", "looks_like_claim", "verdict_json",
]


def looks_like_claim(text: str) -> bool:
    """A whole claim to fact-check rather than keywords to search: the search index ranks it
    as a claim (enough content words, see `CLAIM_TERMS`), it uses no `tag:`/`source:` filter,
    and it reads as a sentence — a function word ("in", "the", "was") or a full stop — where
    "Umerov defence minister delegation" is keywords."""
    from tui.core.search.index import CLAIM_TERMS, parse_query
    from tui.core.search.tokens import is_stopword

    query = parse_query(text)
    content = sum(not is_stopword(t) for t in query.terms)
    sentence = text.rstrip().endswith((".", "!", "?")) or any(is_stopword(t) for t in query.terms)
    return not query.has_filters and content >= CLAIM_TERMS and sentence


def __getattr__(name: str) -> object:
    # The engine (and the whole answer checker under it) only when asked for: the Search
    # screen needs `looks_like_claim` for its first frame, not the checker.
    if name == "FactChecker":
        from .engine import FactChecker

        return FactChecker
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
