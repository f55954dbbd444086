"""Fact-checking a pasted claim against a deck: the verdict engine (rule-based, offline)."""

from .as_json import verdict_json
from .engine import MIN_CONTENT_WORDS, FactChecker
from .verdict import (
    CONFIDENCES, DISPUTED, FEVER, LABEL_TEXT, LABELS, NOT_IN_SOURCES, REFUTED, SUPPORTED, ClaimVerdict, Evidence,
)

__all__ = [
    "CONFIDENCES", "DISPUTED", "FEVER", "LABELS", "LABEL_TEXT", "NOT_IN_SOURCES", "REFUTED", "SUPPORTED",
    "ClaimVerdict", "Evidence", "FactChecker", "looks_like_claim", "verdict_json",
]


def looks_like_claim(text: str) -> bool:
    """A whole sentence to fact-check rather than keywords to search: no field filters,
    at least five words, of which at least `MIN_CONTENT_WORDS` say something."""
    from .text import read_words

    if any(part.casefold().startswith(("tag:", "source:")) for part in text.split()):
        return False
    words = read_words(text)
    return len(words) >= 5 and sum(w.content for w in words) >= MIN_CONTENT_WORDS
