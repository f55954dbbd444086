"""An index of only the facts a query can match, for a search made once.

`factdrill search` on a deck whose index is not cached yet needs the facts its
query's words can reach, not every word of every fact: on a 10,000-fact deck,
indexing them all costs more than parsing the deck. `partial_index(deck, query)`
finds the candidates with one regular-expression pass over the deck's folded
text and indexes only them.

It ranks exactly as the whole index would. A fact's weights in `SearchIndex`
depend on nothing but its own fields, the deck's size and its words' document
frequencies, and every fact holding a word the query can stand for is a
candidate, so those frequencies, the completions of a half-typed word and their
order are the same in both. The pass is conservative, never exact: a word
stands for a query term when their keys agree or (the last term) when the
word's surface starts with the term's, and keys and surfaces are folded,
apostrophe-free, doubled-letter-collapsed forms with plurals stemmed (see
`tokens.py`); so the haystack is casefolded, accent-free and apostrophe-free,
the needle lets each letter repeat, a digit be followed by a comma, and a key
ending in "y" ("country") end in "ie" ("countries"). A fact matching a needle
but holding no such word is indexed for nothing.

Where it could not be exact, or would not pay, it declines (None) and the whole
index is built: filters (a filtered search may score every fact passing them),
a term with no word at all (a typo's correction needs every word of the deck),
or a query that most of the deck could match.
"""

from __future__ import annotations

import os
import re
import unicodedata
from bisect import bisect_right
from itertools import accumulate
from typing import Sequence

from tui.core.deck.model import Deck, Fact
from tui.core.search.index import SearchIndex
from tui.core.search.query import parse_query
from tui.core.search.tokens import key, surface
from tui.core.search.vocabulary import content_terms, fact_fields

__all__ = ["partial_index", "candidate_facts"]

MAX_SHARE = 0.5  # candidates beyond this share of the deck: the whole index costs about the same

_APOSTROPHES = str.maketrans("", "", "'\u2019")
_COLLAPSIBLE = re.compile(r"[^\W\d_]")  # what `tokens.collapse` folds a run of into one
_DIGIT = re.compile(r"\d")
_PLURAL_STARTS = ("ies", "ie", "es", "i", "e", "s")  # what `tokens.stem` cuts off, or its start; longest first


def partial_index(deck: Deck, query: str) -> SearchIndex | None:
    """An index of the facts `query` can match, ranking them as the whole index would; None
    when that cannot be promised or would not save anything (see the module's docstring)."""
    parsed = parse_query(query)
    terms = content_terms(parsed.terms)
    if parsed.has_filters or not terms:
        return None
    prefix_last = not query[-1:].isspace()
    needles = [_needle(term, prefix=prefix_last and i == len(terms) - 1) for i, term in enumerate(terms)]
    candidates = candidate_facts(deck.facts, needles)
    if candidates is None or len(candidates) > MAX_SHARE * len(deck.facts):
        return None
    index = SearchIndex(deck, [deck.facts[doc] for doc in candidates])
    if not all(index.vocabulary.knows(term, prefix_last and i == len(terms) - 1) for i, term in enumerate(terms)):
        return None  # corrected by the fuzzy fallback, which needs every word of the deck
    return index


def _needle(term: str, prefix: bool) -> str:
    """The start every word `term` can stand for shares (see `_pattern` for how it is looked for).

    Words whose key is the term's: their surface starts with that key, less a final "y"
    ("countries" has the key "country"). A half-typed term stands too for the keys of the words it
    begins, and a plural's key stops short of its surface ("alies" has the key "aly", which "aly"
    has too): so the typed surface is cut back by whatever plural ending it may have begun
    ("ie", "es", ...) and a final "y".
    """
    stem = key(term).removesuffix("y")
    if not prefix:
        return stem
    typed = surface(term)
    for ending in _PLURAL_STARTS:
        if typed.endswith(ending):
            typed = typed[:-len(ending)]
            break
    return os.path.commonprefix([stem, typed.removesuffix("y")])


def _pattern(needles: Sequence[str]) -> re.Pattern[str] | None:
    """One pattern for every needle, each letter allowed to repeat and a digit to be followed by a
    comma ("1,000" folds to "1000"); None when a needle is empty (it would match every fact)."""
    alternatives = []
    for needle in needles:
        folded = _fold_text(needle)
        if not folded:
            return None
        alternatives.append("".join(
            re.escape(c) + ("+" if _COLLAPSIBLE.match(c) else ",?" if _DIGIT.match(c) else "") for c in folded))
    return re.compile("|".join(sorted(set(alternatives), key=len)))


def candidate_facts(facts: Sequence[Fact], needles: Sequence[str]) -> list[int] | None:
    """Positions, in deck order, of the facts whose folded text holds a needle (None: every fact may)."""
    pattern = _pattern(needles)
    if pattern is None:
        return None
    # Each fact folded on its own (any character may be in a fact's text, so none can mark the
    # bounds), then end to end: a needle, letters and digits only, never matches across a "\n".
    folded = [_fold_text("\n".join(value for _, value in fact_fields(fact))) for fact in facts]
    text = "\n".join(folded)
    ends = list(accumulate(len(part) + 1 for part in folded))
    found: list[int] = []
    at = 0
    search = pattern.search
    while (match := search(text, at)) is not None:
        doc = bisect_right(ends, match.start())
        found.append(doc)
        at = ends[doc]  # on to the next fact
    return found


def _fold_text(text: str) -> str:
    """A whole text folded as `tokens.fold` folds each word, less what needs a word's bounds
    (numbers' commas and a final "'s" are the pattern's and the needle's business)."""
    if not text.isascii():
        text = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).casefold())
        marks = {ord(c): None for c in set(text) if unicodedata.combining(c)}
        return text.translate(marks).translate(_APOSTROPHES)
    return text.casefold().translate(_APOSTROPHES)
