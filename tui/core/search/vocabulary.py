"""The words a search index knows, and what a typed word stands for among them.

`Vocabulary` turns a deck's facts into key ids per field (see `tokens.py` for
keys and surfaces) and expands a typed term to the keys it may mean: the word
itself, the words it begins (a sorted table of surface forms, bisected), or —
only when the term has no hit at all — its closest spellings by rapidfuzz
(imported then, not before). It also finds the words of a text that a query's
terms match, for highlighting.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from tui.core.deck.model import Fact
from tui.core.search.tokens import STOPWORDS, WORD_PATTERN, fold, is_number, key, surface, words

PREFIX_FACTOR = 0.85  # a completion counts a little less than the word itself
FUZZY_FACTOR = 0.6  # and a typo's correction less again
FUZZY_CUTOFF = 0.74  # Damerau-Levenshtein similarity: one edit in four letters, two in eight
FUZZY_MIN_LENGTH = 4
FUZZY_LIMIT = 3
MAX_EXPANSIONS = 40  # a short prefix expands to its most frequent completions only
MAX_PREFIX_SCAN = 5000
SHORT_PREFIX = 2  # prefixes this short use the table built with the index

# A fact's fields as key ids: (field name, distinct key ids of its words).
FactFields = list[tuple[str, tuple[int, ...]]]


def fact_fields(fact: Fact) -> Iterable[tuple[str, str]]:
    """Each field's text; the values of a list field (questions, aliases...) as one text.

    A word counts once per field, however often the field repeats it: aliases and
    questions are rephrasings of one another, and a fact with ten aliases
    mentioning "missile" is no more about missiles than a fact with one.
    """
    yield "statement", fact.statement
    # A fact's further asks are found through it: "Who did Trump call crazy?" -> Putin.
    asks = (fact, *fact.asks)
    yield "question", "\n".join(q for ask in asks for q in ask.questions)
    # The unit names what the answer counts: "472" drones is a fact about drones.
    yield "answer", "\n".join(f"{ask.answer}\n{ask.unit}" if ask.unit else ask.answer for ask in asks)
    yield "alias", "\n".join(alias for ask in asks for alias in ask.aliases)
    yield "quote", "\n".join(citation.quote for citation in fact.citations)
    yield "false_claim", "\n".join(fact.false_claims)
    yield "tag", " ".join(tag.replace("-", " ") for tag in fact.tags)


@dataclass(frozen=True, slots=True)
class Term:
    """A typed term and the keys it stands for, each with how much a match through it counts."""

    text: str  # as typed, lowercased
    number: bool
    expansions: tuple[tuple[int, float], ...]  # (key id, factor)


@lru_cache(maxsize=200_000)
def _index_forms(word: str) -> tuple[str, str] | None:
    """(key, surface) of a word as indexed, or None for a stopword."""
    if fold(word) in STOPWORDS:
        return None
    return key(word), surface(word)


def content_terms(terms: Sequence[str]) -> list[str]:
    """The terms less their stopwords, or all of them when every one is a stopword."""
    content = [t for t in terms if fold(t) not in STOPWORDS]
    return content or list(terms)  # a query of only stopwords ("in") is still being typed


class Vocabulary:
    """Every key of a deck's words, the surface forms that lead to them, and term expansion."""

    def __init__(self) -> None:
        self.key_ids: dict[str, int] = {}
        self.keys: list[str] = []
        self._surface_sets: dict[str, set[int]] = {}
        self._fuzzy_cache: dict[str, tuple[tuple[str, float], ...]] = {}

    def read(self, facts: Sequence[Fact]) -> list[FactFields]:
        """Learn the facts' words; each fact's fields as key ids (stopwords left out).

        Then `index_prefixes`, given each key's document frequency, readies `expand`.
        """
        key_ids, surfaces = self.key_ids, self._surface_sets
        word_ids: dict[str, int] = {}  # each distinct word as written -> its key id, -1 for a stopword
        lookup = word_ids.get

        def register(word: str) -> None:
            forms = _index_forms(word)
            if forms is None:
                word_ids[word] = -1
            else:
                kid = word_ids[word] = key_ids.setdefault(forms[0], len(key_ids))
                surfaces.setdefault(forms[1], set()).add(kid)

        fields_per_fact: list[FactFields] = []
        for fact in facts:
            fields = []
            for field, text in fact_fields(fact):
                found = WORD_PATTERN.findall(text)
                kids = set(map(lookup, found))
                if None in kids:  # a word not seen before
                    for word in found:
                        if lookup(word) is None:
                            register(word)
                    kids = set(map(lookup, found))
                kids.discard(-1)
                if kids:
                    fields.append((field, tuple(kids)))  # a tuple is a third of a set's size
            fields_per_fact.append(fields)
        self.keys = list(key_ids)
        return fields_per_fact

    def index_prefixes(self, df: Sequence[int]) -> None:
        """Sorted surfaces for prefix expansion by bisection, each knowing its keys.

        `df[kid]`, how many facts hold key `kid`, ranks a short prefix's completions.
        """
        self._df = df
        surfaces = self._surface_sets
        self._surfaces = sorted(surfaces)
        self._surface_keys = [tuple(sorted(surfaces[s])) for s in self._surfaces]
        del self._surface_sets
        # Short prefixes would expand to thousands of words: keep their most frequent completions.
        short: dict[str, dict[int, int]] = {}
        for s, kids in zip(self._surfaces, self._surface_keys):
            for n in range(1, min(SHORT_PREFIX, len(s)) + 1):
                bucket = short.setdefault(s[:n], {})
                for kid in kids:
                    bucket[kid] = df[kid]
        self._short_prefixes = {
            p: tuple(k for k, _ in heapq.nlargest(MAX_EXPANSIONS, bucket.items(), key=lambda kv: kv[1]))
            for p, bucket in short.items()
        }
        # Word keys by length, for the fuzzy fallback (numbers are never fuzzy-matched).
        self._by_length: dict[int, list[str]] = {}
        for k in self.keys:
            if not is_number(k):
                self._by_length.setdefault(len(k), []).append(k)

    def to_state(self) -> tuple:
        """Everything `expand` needs, as plain data (after `index_prefixes`)."""
        return (self.keys, self._surfaces, tuple(self._surface_keys), self._short_prefixes, self._by_length)

    @classmethod
    def from_state(cls, state: tuple, df: Sequence[int]) -> "Vocabulary":
        vocabulary = cls()
        keys, vocabulary._surfaces, vocabulary._surface_keys, vocabulary._short_prefixes, by_length = state
        vocabulary.keys = list(keys)
        vocabulary.key_ids = {k: i for i, k in enumerate(keys)}
        vocabulary._by_length = by_length
        vocabulary._df = df
        del vocabulary._surface_sets
        return vocabulary

    def prefix_keys(self, prefix: str) -> tuple[int, ...]:
        """Ids of the keys of words starting with `prefix` (a surface form), most frequent first when many."""
        if not prefix:
            return ()
        if len(prefix) <= SHORT_PREFIX:
            return self._short_prefixes.get(prefix, ())
        found: dict[int, int] = {}
        index = bisect_left(self._surfaces, prefix)
        end = min(len(self._surfaces), index + MAX_PREFIX_SCAN)
        while index < end and self._surfaces[index].startswith(prefix):
            for kid in self._surface_keys[index]:
                found[kid] = self._df[kid]
            index += 1
        if len(found) <= MAX_EXPANSIONS:
            return tuple(found)
        return tuple(k for k, _ in heapq.nlargest(MAX_EXPANSIONS, found.items(), key=lambda kv: kv[1]))

    def fuzzy_keys(self, k: str) -> tuple[tuple[str, float], ...]:
        """Vocabulary keys within a small edit distance of `k`, with their similarity."""
        if len(k) < FUZZY_MIN_LENGTH or is_number(k):
            return ()
        cached = self._fuzzy_cache.get(k)
        if cached is not None:
            return cached
        from rapidfuzz import process  # only a typo needs it: not imported for a search without one
        from rapidfuzz.distance import DamerauLevenshtein

        spread = 1 if len(k) < 6 else 2
        candidates = [c for n in range(len(k) - spread, len(k) + spread + 1) for c in self._by_length.get(n, ())]
        matches = process.extract(
            k, candidates, scorer=DamerauLevenshtein.normalized_similarity,
            score_cutoff=FUZZY_CUTOFF, limit=FUZZY_LIMIT,
        )
        result = tuple((choice, float(score)) for choice, score, _ in matches)
        if len(self._fuzzy_cache) > 10_000:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[k] = result
        return result

    def knows(self, term: str, prefix: bool) -> bool:
        """Whether `term` stands for a word of the deck as typed (itself or, when `prefix`, a completion),
        without the fuzzy fallback's corrections."""
        return key(term) in self.key_ids or (prefix and bool(self.prefix_keys(surface(term))))

    def expand(self, term: str, prefix: bool) -> Term:
        """The keys `term` stands for: itself, its completions when `prefix`, else its corrections."""
        k = key(term)
        kid = self.key_ids.get(k)
        expansions: list[tuple[int, float]] = []
        if kid is not None:
            expansions.append((kid, 1.0))
        if prefix:
            expansions.extend((other, PREFIX_FACTOR) for other in self.prefix_keys(surface(term)) if other != kid)
        if not expansions:
            expansions.extend((self.key_ids[other], FUZZY_FACTOR * similarity)
                              for other, similarity in self.fuzzy_keys(k))
        return Term(term, is_number(fold(term)), tuple(expansions))

    def matching_spans(self, text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
        """Sorted [start, end) spans, one per word, of the words of `text` that match `terms`.

        Case-, accent- and width-insensitive; a word matches a term when their keys
        agree ("drones"/"drone", "Zelenskyy"/"zelensky"), when the word starts with
        the term (a prefix), or when the term had no hit and was corrected to the
        word's key by the fuzzy fallback. Stopwords are ignored unless every term is one.
        """
        wanted = content_terms(tuple(t.lower() for t in terms if t))
        if not wanted:
            return []
        keys: set[str] = set()
        prefixes: list[str] = []
        for term in wanted:
            for word, _, _ in words(term):
                k = key(word)
                keys.add(k)
                prefixes.append(surface(word))
                if k not in self.key_ids and not self.prefix_keys(surface(word)):
                    keys.update(other for other, _ in self.fuzzy_keys(k))
        starts = tuple(prefixes)
        spans: list[tuple[int, int]] = []
        for word, start, end in words(text):
            if key(word) in keys or surface(word).startswith(starts):
                spans.append((start, end))
        return spans
