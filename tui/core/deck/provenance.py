"""Where a quote sits in its article: its paragraph, for showing it in context."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.deck.model import Citation, Deck, Source


@dataclass(frozen=True, slots=True)
class QuoteInContext:
    """A citation's paragraph with the quote's offsets inside that paragraph."""

    source: Source
    citation: Citation
    paragraph: str
    start: int
    end: int


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The [first, last) offsets of the line(s) of `text` holding [start, end)."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return (first, len(text) if last < 0 else last)


def quote_in_context(deck: Deck, citation: Citation) -> QuoteInContext:
    """The citation's quote located inside its paragraph of the stored article."""
    source = deck.source_of(citation)
    first, last = paragraph_bounds(source.text, citation.start, citation.end)
    return QuoteInContext(source, citation, source.text[first:last],
                          citation.start - first, citation.end - first)
