"""Ranked search over a deck: keywords as you type, field filters, or a whole pasted claim.

`SearchIndex(deck)` builds an inverted index once: each normalised word key (see
`tokens.py`) maps to its postings — the facts holding it and a precomputed
BM25 weight summed over the fields it occurs in (answer, aliases and statement
weigh more than questions, quotes, refuted claims and tags). A sorted vocabulary
of surface forms answers prefix queries by bisection, and only when a term has no
hit at all does rapidfuzz compare it with the vocabulary (never with fact text).
A keystroke therefore costs a few dictionary lookups and a walk over the
postings of the query's terms, however large the deck.

Two ways of ranking:
- keywords (fewer than `CLAIM_TERMS` content words): AND-ish — facts matching
  every term come first, then those matching fewer; BM25 orders within each group.
- a claim (a pasted sentence): OR over its content words (stopwords dropped),
  weighted by rarity (IDF), numbers weighing most, scaled by how much of the
  claim's weight a fact covers. A refuted claim ("427 drones") still finds the
  fact that refutes it through its other words and the fact's `false_claims`.

The last term is also matched as a prefix (unless the query ends in a space), so
results follow each keystroke.
"""

from __future__ import annotations

import heapq
import math
import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterable

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from .deck import Deck, Fact
from .tokens import STOPWORDS, fold, is_number, key, surface, words

# How much an occurrence counts, by field.
FIELD_WEIGHTS = {
    "answer": 3.0,
    "alias": 2.5,
    "statement": 2.0,
    "question": 1.5,
    "quote": 1.0,
    "tag": 0.8,
    "false_claim": 0.6,
}
BM25_K1 = 1.2
BM25_B = 0.4
CLAIM_TERMS = 4  # this many content words or more make a query a claim
NUMBER_BOOST = 2.5  # a number in a claim is the likeliest thing to be checked
PREFIX_FACTOR = 0.85  # a completion counts a little less than the word itself
FUZZY_FACTOR = 0.6  # and a typo's correction less again
FUZZY_CUTOFF = 0.74  # Damerau-Levenshtein similarity: one edit in four letters, two in eight
FUZZY_MIN_LENGTH = 4
FUZZY_LIMIT = 3
MAX_EXPANSIONS = 40  # a short prefix expands to its most frequent completions only
MAX_PREFIX_SCAN = 5000
SHORT_PREFIX = 2  # prefixes this short use the table built with the index

_FILTER = re.compile(r"""(?<!\S)(tag|source):(?:"([^"]*)"?|'([^']*)'?|(\S*))""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked fact: its score (higher is better, comparable within one query) and the terms it matched."""

    fact: Fact
    score: float
    matched_terms: tuple[str, ...]  # query words/prefixes that matched, lowercase, as typed


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


def _filter_value(value: str) -> str:
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
        value = _filter_value(raw)
        if value:
            (tags if match.group(1).lower() == "tag" else sources).append(value)
    rest = _FILTER.sub(" ", text)
    terms = tuple(word.lower() for word, _, _ in words(rest))
    return Query(text=text, terms=terms, tags=tuple(tags), sources=tuple(sources))


def _fact_fields(fact: Fact) -> Iterable[tuple[str, str]]:
    yield "statement", fact.statement
    for question in fact.questions:
        yield "question", question
    yield "answer", fact.answer
    for alias in fact.aliases:
        yield "alias", alias
    for citation in fact.citations:
        yield "quote", citation.quote
    for claim in fact.false_claims:
        yield "false_claim", claim
    for tag in fact.tags:
        yield "tag", tag.replace("-", " ")


@dataclass(frozen=True, slots=True)
class _Term:
    text: str  # as typed, lowercased
    number: bool
    expansions: tuple[tuple[str, float], ...]  # (key, factor)


class SearchIndex:
    """An inverted index over one deck, built once; `search` is cheap enough for every keystroke."""

    def __init__(self, deck: Deck):
        self.deck = deck
        self.facts = deck.facts
        weighted: dict[str, dict[int, float]] = {}
        lengths: list[float] = []
        surfaces: dict[str, set[str]] = {}
        for doc, fact in enumerate(self.facts):
            length = 0.0
            for field, text in _fact_fields(fact):
                weight = FIELD_WEIGHTS[field]
                for word, _, _ in words(text):
                    folded = fold(word)
                    if folded in STOPWORDS:
                        continue
                    length += weight
                    k = key(word)
                    postings = weighted.get(k)
                    if postings is None:
                        postings = weighted[k] = {}
                        surfaces.setdefault(surface(word), set()).add(k)
                    elif k not in surfaces.get(surface(word), ()):
                        surfaces.setdefault(surface(word), set()).add(k)
                    postings[doc] = postings.get(doc, 0.0) + weight
            lengths.append(length)

        count = len(self.facts)
        average = (sum(lengths) / count) if count else 1.0
        norms = [BM25_K1 * (1 - BM25_B + BM25_B * length / (average or 1.0)) for length in lengths]
        self._docs: dict[str, array] = {}
        self._weights: dict[str, array] = {}
        self._idf: dict[str, float] = {}
        for k, postings in weighted.items():
            docs = array("i", postings.keys())
            self._docs[k] = docs
            self._weights[k] = array(
                "f", (tf * (BM25_K1 + 1) / (tf + norms[d]) for d, tf in postings.items())
            )
            df = len(docs)
            self._idf[k] = math.log(1 + (count - df + 0.5) / (df + 0.5))

        # Sorted surfaces for prefix expansion; each surface knows its keys.
        self._surfaces = sorted(surfaces)
        self._surface_keys = [tuple(sorted(surfaces[s])) for s in self._surfaces]
        # Short prefixes would expand to thousands of words: keep their most frequent completions.
        short: dict[str, dict[str, int]] = {}
        for s, keys in zip(self._surfaces, self._surface_keys):
            for n in range(1, SHORT_PREFIX + 1):
                if len(s) >= n:
                    bucket = short.setdefault(s[:n], {})
                    for k in keys:
                        bucket[k] = len(self._docs[k])
        self._short_prefixes = {
            p: tuple(k for k, _ in heapq.nlargest(MAX_EXPANSIONS, bucket.items(), key=lambda kv: kv[1]))
            for p, bucket in short.items()
        }
        # Word keys by length, for the fuzzy fallback (numbers are never fuzzy-matched).
        self._by_length: dict[int, list[str]] = {}
        for k in self._docs:
            if not is_number(k):
                self._by_length.setdefault(len(k), []).append(k)

        # Filters.
        self._tag_docs: dict[str, set[int]] = {}
        self._source_docs: dict[str, set[int]] = {}
        for doc, fact in enumerate(self.facts):
            for tag in fact.tags:
                self._tag_docs.setdefault(_filter_value(tag), set()).add(doc)
            for source_id in fact.source_ids:
                self._source_docs.setdefault(source_id.casefold(), set()).add(doc)
        self._fuzzy_cache: dict[str, tuple[tuple[str, float], ...]] = {}

    # --- vocabulary ---------------------------------------------------------

    @property
    def vocabulary_size(self) -> int:
        return len(self._docs)

    def _prefix_keys(self, prefix: str) -> tuple[str, ...]:
        """Keys of the words starting with `prefix` (a surface form), most frequent first when many."""
        if not prefix:
            return ()
        if len(prefix) <= SHORT_PREFIX:
            return self._short_prefixes.get(prefix, ())
        found: dict[str, int] = {}
        index = bisect_left(self._surfaces, prefix)
        end = min(len(self._surfaces), index + MAX_PREFIX_SCAN)
        while index < end and self._surfaces[index].startswith(prefix):
            for k in self._surface_keys[index]:
                found[k] = len(self._docs[k])
            index += 1
        if len(found) <= MAX_EXPANSIONS:
            return tuple(found)
        return tuple(k for k, _ in heapq.nlargest(MAX_EXPANSIONS, found.items(), key=lambda kv: kv[1]))

    def _fuzzy_keys(self, k: str) -> tuple[tuple[str, float], ...]:
        """Vocabulary keys within a small edit distance of `k`, with their similarity."""
        if len(k) < FUZZY_MIN_LENGTH or is_number(k):
            return ()
        cached = self._fuzzy_cache.get(k)
        if cached is not None:
            return cached
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

    def _expand(self, term: str, prefix: bool) -> _Term:
        k = key(term)
        expansions: list[tuple[str, float]] = []
        if k in self._docs:
            expansions.append((k, 1.0))
        if prefix:
            expansions.extend((other, PREFIX_FACTOR) for other in self._prefix_keys(surface(term)) if other != k)
        if not expansions:
            expansions.extend((other, FUZZY_FACTOR * similarity) for other, similarity in self._fuzzy_keys(k))
        return _Term(term, is_number(fold(term)), tuple(expansions))

    # --- filters ------------------------------------------------------------

    @staticmethod
    def _matching(value: str, table: dict[str, set[int]]) -> set[int]:
        """Docs under `value` exactly when it is a known name, else under every name it prefixes."""
        if value in table:
            return table[value]
        docs: set[int] = set()
        for name, members in table.items():
            if name.startswith(value):
                docs |= members
        return docs

    def _allowed(self, query: Query) -> set[int] | None:
        """Docs passing every filter (filters combine with AND), or None when there are none."""
        allowed: set[int] | None = None
        for value, table in [(t, self._tag_docs) for t in query.tags] + [(s, self._source_docs) for s in query.sources]:
            docs = self._matching(value, table)
            allowed = set(docs) if allowed is None else allowed & docs
        return allowed

    # --- searching ----------------------------------------------------------

    def _content_terms(self, terms: tuple[str, ...]) -> list[str]:
        content = [t for t in terms if fold(t) not in STOPWORDS]
        return content or list(terms)  # a query of only stopwords ("in") is still being typed

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """The facts best matching `query`, best first, at most `limit` of them.

        An empty query gives []; a query of only filters lists every fact passing
        them, in deck order.
        """
        parsed = parse_query(query)
        allowed = self._allowed(parsed)
        terms = self._content_terms(parsed.terms)
        if limit <= 0:
            return []
        if not terms:
            if allowed is None:
                return []
            return [SearchHit(self.facts[d], 1.0, ()) for d in sorted(allowed)[:limit]]

        claim = len(terms) >= CLAIM_TERMS
        prefix_last = not query[-1:].isspace()
        expanded = [self._expand(t, prefix_last and i == len(terms) - 1) for i, t in enumerate(terms)]

        totals: dict[int, float] = {}
        matched: dict[int, list[int]] = {}
        term_weights: list[float] = []
        for index, term in enumerate(expanded):
            boost = NUMBER_BOOST if term.number else 1.0
            best: dict[int, float] = {}
            for k, factor in term.expansions:
                scale = self._idf[k] * factor * boost
                for doc, weight in zip(self._docs[k], self._weights[k]):
                    value = scale * weight
                    if value > best.get(doc, 0.0):
                        best[doc] = value
            term_weights.append(max((self._idf[k] * f * boost for k, f in term.expansions), default=0.0))
            for doc, value in best.items():
                totals[doc] = totals.get(doc, 0.0) + value
                matched.setdefault(doc, []).append(index)

        if allowed is not None:
            candidates = [d for d in totals if d in allowed]
        else:
            candidates = list(totals)

        weight_sum = sum(term_weights) or 1.0
        if claim:
            def score(doc: int) -> float:
                covered = sum(term_weights[i] for i in matched[doc]) / weight_sum
                return totals[doc] * (0.5 + 0.5 * covered)
        else:
            # Every matched term lifts a fact a whole point, so facts matching all terms come first.
            def score(doc: int) -> float:
                total = totals[doc]
                return len(matched[doc]) + total / (1.0 + total)

        scored = [(score(d), -d) for d in candidates]
        best_hits = heapq.nlargest(limit, scored)
        return [
            SearchHit(self.facts[-neg], value, tuple(dict.fromkeys(expanded[i].text for i in matched[-neg])))
            for value, neg in best_hits
        ]

    def matching_spans(self, text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
        """Sorted [start, end) spans, one per word, of the words of `text` that match `terms`.

        Case-, accent- and width-insensitive; a word matches a term when their keys
        agree ("drones"/"drone", "Zelenskyy"/"zelensky"), when the word starts with
        the term (a prefix), or when the term had no hit and was corrected to the
        word's key by the fuzzy fallback. Stopwords are ignored unless every term is one.
        """
        wanted = self._content_terms(tuple(t.lower() for t in terms if t))
        if not wanted:
            return []
        keys: set[str] = set()
        prefixes: list[str] = []
        for term in wanted:
            for word, _, _ in words(term):
                k = key(word)
                keys.add(k)
                prefixes.append(surface(word))
                if k not in self._docs and not self._prefix_keys(surface(word)):
                    keys.update(other for other, _ in self._fuzzy_keys(k))
        starts = tuple(prefixes)
        spans: list[tuple[int, int]] = []
        for word, start, end in words(text):
            if key(word) in keys or surface(word).startswith(starts):
                spans.append((start, end))
        return spans


def similar_facts(deck: Deck, text: str, limit: int = 5, cutoff: float = 55.0) -> list[Fact]:
    """Facts whose id or statement resembles `text`, most alike first ("did you mean").

    Ids are compared whole (a mistyped id), statements by their words (an id
    guessed from the topic, e.g. "drone-record").
    """
    from rapidfuzz import fuzz

    wanted = text.strip().casefold()
    if not wanted or not deck.facts:
        return []
    spaced = wanted.replace("-", " ")
    scored: list[tuple[float, int]] = []
    for index, fact in enumerate(deck.facts):
        by_id = fuzz.WRatio(wanted, fact.id)
        by_statement = 0.9 * fuzz.token_set_ratio(spaced, fact.statement.casefold())
        score = max(by_id, by_statement)
        if score >= cutoff:
            scored.append((score, -index))
    return [deck.facts[-neg] for _, neg in heapq.nlargest(limit, scored)]
