"""Ranked search over a deck: keywords as you type, field filters, or a whole pasted claim.

`SearchIndex(deck)` builds, once, an inverted index keyed on normalised words
(see `tokens.py`). Each fact's fields are weighted (answer and its unit, aliases
and statement weigh more than questions, quotes, refuted claims and tags), a word
counts once per field, and each field is normalised by its length (BM25F): "drone"
says more about the answer "472 drones" than about a ten-word answer. Which keys
a typed word stands for — itself, its completions, its corrections when it has no
hit — is the `Vocabulary`'s part (vocabulary.py); splitting the query into words
and `tag:`/`source:` filters is `parse_query`'s (query.py).

Built for every keystroke on a large deck: postings are stored best-first, and a
keystroke reads at most `TERM_BUDGET` of them (a term's "champion list"); facts
found through one term are completed for the others from a forward index (fact ->
its words' weights), best candidates first, until no other fact could still make
the results. A keystroke costs a few lookups and a bounded walk, however large
the deck; see `SearchIndex` for what that bound gives up.

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

import gc
import heapq
import math
from array import array
from dataclasses import dataclass
from typing import Iterable, Sequence

from tui.core.deck.model import Deck, Fact
from tui.core.search.query import Query, filter_value, parse_query
from tui.core.search.vocabulary import FactFields, Term, Vocabulary, content_terms

__all__ = ["CLAIM_TERMS", "Query", "SearchHit", "SearchIndex", "parse_query", "similar_facts"]

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
# A field's typical length in distinct words (about the bundled deck's averages): BM25's pivot.
FIELD_PIVOTS = {
    "answer": 3.0,
    "alias": 6.0,
    "statement": 11.0,
    "question": 11.0,
    "quote": 11.0,
    "tag": 2.0,
    "false_claim": 8.0,
}
BM25_K1 = 2.0  # saturation of the summed field weights
BM25_B = 0.75  # per field (BM25F)
CLAIM_TERMS = 4  # this many content words or more make a query a claim
NUMBER_BOOST = 2.5  # a number in a claim is the likeliest thing to be checked
TERM_BUDGET = 4000  # postings read per keystroke, shared among the query's terms
FILTERED_DIRECT = 2000  # a filter leaving this few facts scores them one by one
SORTED_POSTINGS = 64  # postings shorter than this are read whole and need no order
MAX_COMPLETIONS = 600  # candidates completed from the forward index per keystroke, at most


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked fact: its score (higher is better, comparable within one query) and the terms it matched."""

    fact: Fact
    score: float
    matched_terms: tuple[str, ...]  # query words/prefixes that matched, lowercase, as typed


class SearchIndex:
    """An inverted index over one deck, built once; `search` is cheap enough for every keystroke.

    Postings are impact-ordered: each key's facts sorted by their BM25 weight for
    it (IDF folded in), best first. A term whose postings outgrow `TERM_BUDGET`
    is read only down to that depth (its "champion list"); a fact found through
    one term is then completed from a forward index (fact -> its keys and
    weights) for the other terms, best candidates first, until no unread fact
    could still enter the results. Exact for decks up to a few thousand facts;
    on a huge deck the few facts below every champion list are not ranked.
    """

    def __init__(self, deck: Deck, facts: Sequence[Fact] | None = None):
        """An index of `deck`, of all its facts or of only `facts` (in deck order), which are then
        weighed exactly as in the whole deck's index (see `partial.py`)."""
        self.deck = deck
        self.facts = deck.facts if facts is None else facts
        # Building makes millions of acyclic objects; the cyclic GC would re-scan the
        # growing heap again and again (quadratic on a 100,000-fact deck).
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._build()
        finally:
            if collecting:
                gc.enable()

    def _build(self) -> None:
        self.vocabulary = Vocabulary()
        fields_per_fact = self.vocabulary.read(self.facts)
        self._weigh(fields_per_fact)
        self.vocabulary.index_prefixes(self._df)
        self._build_filters()

    def _weigh(self, fields_per_fact: list[FactFields]) -> None:
        """BM25F weights, IDF folded in, as a forward index and as best-first postings.

        Each field's weight is normalised by the field's length against a fixed pivot,
        that field's typical length (a word says more about a two-word answer than a
        ten-word one), summed over the fields holding the word, then saturated. The
        pivot is fixed rather than the deck's average so that a fact's weights depend
        on nothing but the fact and its words' document frequencies: an index of only
        the facts a query can match (`partial.py`) then scores them exactly as the
        whole index would.
        """
        sums_per_fact: list[dict[int, float]] = []
        df = [0] * len(self.vocabulary.keys)
        for fields in fields_per_fact:
            sums: dict[int, float] = {}
            for field, kids in fields:
                weight = FIELD_WEIGHTS[field] / (1 - BM25_B + BM25_B * len(kids) / FIELD_PIVOTS[field])
                for kid in kids:
                    sums[kid] = sums.get(kid, 0.0) + weight
            for kid in sums:
                df[kid] += 1
            sums_per_fact.append(sums)
        del fields_per_fact[:]

        count = len(self.deck.facts)  # a word's rarity is among all the deck's facts
        self._df = array("i", df)
        self._idf = idf = [math.log(1 + (count - n + 0.5) / (n + 0.5)) for n in df]
        gain = BM25_K1 + 1
        self._forward_keys: list[array] = []
        self._forward_weights: list[array] = []
        # Postings grow as compact arrays: no Python float is kept per posting.
        posting_docs = [array("i") for _ in df]
        posting_weights = [array("f") for _ in df]
        for doc, sums in enumerate(sums_per_fact):
            weights = [idf[kid] * tf * gain / (tf + BM25_K1) for kid, tf in sums.items()]
            self._forward_keys.append(array("i", sums))
            self._forward_weights.append(array("f", weights))
            for kid, weight in zip(sums, weights):
                posting_docs[kid].append(doc)
                posting_weights[kid].append(weight)
        del sums_per_fact
        # Best first; short lists are always read whole, so their order does not matter.
        for kid, (docs, weights) in enumerate(zip(posting_docs, posting_weights)):
            if len(docs) > SORTED_POSTINGS:
                order = sorted(range(len(docs)), key=weights.__getitem__, reverse=True)
                posting_docs[kid] = array("i", map(docs.__getitem__, order))
                posting_weights[kid] = array("f", map(weights.__getitem__, order))
        self._docs: list[array] = posting_docs
        self._weights: list[array] = posting_weights

    def _build_filters(self) -> None:
        """Facts by tag and by cited source, for `tag:` and `source:`."""
        self._tag_docs: dict[str, set[int]] = {}
        self._source_docs: dict[str, set[int]] = {}
        for doc, fact in enumerate(self.facts):
            for tag in fact.tags:
                self._tag_docs.setdefault(filter_value(tag), set()).add(doc)
            for source_id in fact.source_ids:
                self._source_docs.setdefault(source_id.casefold(), set()).add(doc)

    # --- as plain data, for the deck cache (see stored.py) -------------------

    def to_state(self) -> tuple:
        """The index as plain data (marshal-able: nothing but built-in types), for `from_state`."""
        from tui.core.search.stored import index_state

        return index_state(self)

    @classmethod
    def from_state(cls, deck: Deck, state: tuple) -> "SearchIndex":
        """The index `to_state` gave, over the same `deck`, without building it again."""
        from tui.core.search.stored import index_from_state

        return index_from_state(cls, deck, state)

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

    def _read_term(self, term: Term, scale: float, budget: int,
                   allowed: set[int] | None = None) -> tuple[dict[int, float], float]:
        """Best weight per fact over the term's expansions, read down to `budget` facts per key
        (facts in `allowed` only, when given), and the highest weight left unread (0.0 if none)."""
        unread = 0.0
        best: dict[int, float] = {}
        for kid, factor in term.expansions:
            docs, weights = self._docs[kid], self._weights[kid]
            factor *= scale
            if allowed is not None:
                # Filtered: walk the list best first, counting only the facts that pass.
                taken = 0
                for doc, weight in zip(docs, weights):
                    if doc not in allowed:
                        continue
                    value = weight * factor
                    if taken >= budget and len(docs) > SORTED_POSTINGS:
                        unread = max(unread, value)
                        break
                    taken += 1
                    if value > best.get(doc, 0.0):
                        best[doc] = value
                continue
            if len(docs) > budget:
                unread = max(unread, weights[budget] * factor)
                docs, weights = docs[:budget], weights[:budget]
            if not best and factor == 1.0:
                best = dict(zip(docs, weights))  # the common case, in C
                continue
            get = best.get
            for doc, weight in zip(docs, weights):
                value = weight * factor
                if value > get(doc, 0.0):
                    best[doc] = value
        return best, unread

    def _forward_weight(self, doc: int, wanted: dict[int, float]) -> float:
        """The fact's best weight over the keys in `wanted` (key id -> factor), from the forward index."""
        best = 0.0
        for kid, weight in zip(self._forward_keys[doc], self._forward_weights[doc]):
            factor = wanted.get(kid)
            if factor is not None and weight * factor > best:
                best = weight * factor
        return best

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """The facts best matching `query`, best first, at most `limit` of them.

        An empty query gives []; a query of only filters lists every fact passing
        them, in deck order.
        """
        parsed = parse_query(query)
        allowed = self._allowed(parsed)
        terms = content_terms(parsed.terms)
        if limit <= 0:
            return []
        if not terms:
            if allowed is None:
                return []
            return [SearchHit(self.facts[d], 1.0, ()) for d in sorted(allowed)[:limit]]

        claim = len(terms) >= CLAIM_TERMS
        prefix_last = not query[-1:].isspace()
        expanded = [self.vocabulary.expand(t, prefix_last and i == len(terms) - 1) for i, t in enumerate(terms)]
        boosts = [NUMBER_BOOST if term.number else 1.0 for term in expanded]
        wanted = [{kid: factor * boost for kid, factor in term.expansions}
                  for term, boost in zip(expanded, boosts)]
        term_weights = [max((self._idf[k] * f for k, f in w.items()), default=0.0) for w in wanted]
        weight_sum = sum(term_weights) or 1.0

        covered_by_mask: dict[int, float] = {}

        def score(total: float, mask: int) -> float:
            """A fact's score from its summed weight and the bit mask of the terms it matched."""
            if claim:
                covered = covered_by_mask.get(mask)
                if covered is None:
                    covered = covered_by_mask[mask] = sum(
                        w for i, w in enumerate(term_weights) if mask >> i & 1) / weight_sum
                return total * (0.5 + 0.5 * covered)
            # Every matched term lifts a fact a whole point, so facts matching all terms come first.
            return mask.bit_count() + total / (1.0 + total)

        # A small filtered set is scored fact by fact; otherwise read each term's postings.
        if allowed is not None and len(allowed) <= FILTERED_DIRECT:
            per_term: list[dict[int, float]] = [{} for _ in expanded]
            for doc in allowed:
                for i, w in enumerate(wanted):
                    value = self._forward_weight(doc, w)
                    if value > 0.0:
                        per_term[i][doc] = value
            unread = [0.0] * len(expanded)
        else:
            # One term: the best `limit` of each expansion's list hold the best `limit` facts,
            # exactly. Several: share the budget, and complete candidates below.
            budget = limit if len(expanded) == 1 else TERM_BUDGET // len(expanded)
            read = [self._read_term(term, boost, max(SORTED_POSTINGS, limit, budget // max(1, len(term.expansions))),
                                    allowed)
                    for term, boost in zip(expanded, boosts)]
            per_term = [best for best, _ in read]
            unread = [left for _, left in read]

        totals: dict[int, float] = {}
        masks: dict[int, int] = {}
        for i, best in enumerate(per_term):
            bit = 1 << i
            for doc, value in best.items():
                totals[doc] = totals.get(doc, 0.0) + value
                masks[doc] = masks.get(doc, 0) | bit
        # Terms whose lists were cut short: a candidate may hold them unseen.
        cut = sum(1 << i for i, left in enumerate(unread) if left > 0.0)
        if not cut or len(expanded) == 1:
            best_hits = heapq.nlargest(limit, ((score(t, masks[d]), -d, masks[d]) for d, t in totals.items()))
        else:
            unread_by_mask: dict[int, float] = {}

            def hope(doc: int, total: float) -> float:
                """The best score the fact could still reach, its cut-short terms unseen so far."""
                missing = cut & ~masks[doc]
                if not missing:
                    return score(total, masks[doc])
                extra = unread_by_mask.get(missing)
                if extra is None:
                    extra = unread_by_mask[missing] = sum(u for i, u in enumerate(unread) if missing >> i & 1)
                return score(total + extra, masks[doc] | missing)

            # Best hope first; complete each from the forward index until none left could beat the
            # worst kept one (or the completion budget runs out: on a huge deck with flat weights).
            queue = [(-hope(doc, total), doc) for doc, total in totals.items()]
            heapq.heapify(queue)
            kept: list[tuple[float, int, int]] = []
            completed = 0
            while queue and completed < MAX_COMPLETIONS:
                negative_hope, doc = heapq.heappop(queue)
                if len(kept) >= limit and kept[0][0] >= -negative_hope:
                    break
                total, mask = totals[doc], masks[doc]
                missing = cut & ~mask
                if missing:
                    completed += 1
                    for i in range(len(expanded)):
                        if missing >> i & 1:
                            value = self._forward_weight(doc, wanted[i])
                            if value > 0.0:
                                total += value
                                mask |= 1 << i
                entry = (score(total, mask), -doc, mask)
                if len(kept) < limit:
                    heapq.heappush(kept, entry)
                elif entry > kept[0]:
                    heapq.heapreplace(kept, entry)
            best_hits = sorted(kept, reverse=True)
        return [
            SearchHit(self.facts[-neg], value,
                      tuple(dict.fromkeys(term.text for i, term in enumerate(expanded) if mask >> i & 1)))
            for value, neg, mask in best_hits
        ]

    def matching_spans(self, text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
        """Sorted [start, end) spans of the words of `text` that match `terms` (see `Vocabulary.matching_spans`)."""
        return self.vocabulary.matching_spans(text, terms)


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
