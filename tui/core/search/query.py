"""A search query as typed: its words, and its `tag:` / `source:` filters."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.search.tokens import words

_FILTER = re.compile(r"""(?<!\S)(tag|source):(?:"([^"]*)"?|'([^']*)'?|(\S*))""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: its words, and its `tag:` / `source:` filters."""

    text: str
    terms: tuple[str, ...]
    tags: tuple[str, ...]
    sources: tuple[str, ...]

    @property
    def has_filters(self) -> bool:
        return bool(self.tags or self.sources)


def filter_value(value: str) -> str:
    """A tag or source name as filters compare it: casefolded, words joined by hyphens."""
    return "-".join(value.strip().casefold().replace("_", " ").split())


def parse_query(text: str) -> Query:
    """Split a query into words and field filters.

    `tag:x` and `source:y` may appear several times and anywhere; values may be
    quoted (`tag:"prisoner exchanges"`, an unclosed quote runs to the end). An
    empty value (`tag:` while typing) is ignored. Every other word is a term,
    lowercased as typed; words split as `tokens.words` splits them.
    """
    tags: list[str] = []
    sources: list[str] = []
    for match in _FILTER.finditer(text):
        raw = next((g for g in match.groups()[1:] if g is not None), "")
        value = filter_value(raw)
        if value:
            (tags if match.group(1).lower() == "tag" else sources).append(value)
    rest = _FILTER.sub(" ", text)
    terms = tuple(word.lower() for word, _, _ in words(rest))
    return Query(text=text, terms=terms, tags=tuple(tags), sources=tuple(sources))
