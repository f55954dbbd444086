"""A search made once indexes only the facts its query can match, and must rank exactly as the whole
index would: same facts, same order, same scores, same matched words."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tui.core.deck.loading import load_deck
from tui.core.deck.model import Deck, Fact
from tui.core.deck.paths import bundled_deck_path
from tui.core.search.index import SearchIndex
from tui.core.search.partial import candidate_facts, partial_index
from tui.core.search.tokens import words


@pytest.fixture(scope="module")
def bundled():
    deck = load_deck([bundled_deck_path()])
    return deck, SearchIndex(deck)


def ranked(index: SearchIndex, query: str, limit: int = 20):
    return [(hit.fact.id, hit.score, hit.matched_terms) for hit in index.search(query, limit)]


@pytest.mark.parametrize("query", [
    "drones", "drone", "dron", "drones ", "Zelenskyy", "zelensky", "1,000", "1000", "472 drones", "Witkoff",
    "Umerov's", "countries", "Medinsky", "medinskiy", "crazy putin", "the drones were a record", "umerov istanbul",
])
def test_on_the_bundled_deck_the_facts_a_query_can_match_rank_as_in_the_whole_index(bundled, query):
    deck, full = bundled
    partial = partial_index(deck, query)
    assert partial is not None, query  # each of these is answered without indexing the whole deck
    assert len(partial.facts) < len(deck.facts)
    assert ranked(partial, query) == ranked(full, query)
    assert ranked(partial, query, limit=3) == ranked(full, query, limit=3)


@pytest.mark.parametrize("query, why", [
    ("tag:drones kyiv", "a filter"),
    ("dronse", "a typo, corrected against every word of the deck"),
    ("xyzzy", "a word in no fact (it may still be a typo of one)"),
    ("a", "a prefix most facts hold"),
    ("", "no words"),
])
def test_it_declines_where_it_could_not_be_exact_or_would_not_pay(bundled, query, why):
    deck, _ = bundled
    assert partial_index(deck, query) is None, why


# --- the property: never a fact missed, never a score changed --------------------------------------

LETTERS = "aabdeilnorsty"
FORMS = st.one_of(
    st.text(LETTERS, min_size=1, max_size=7),  # short words with doubled letters and plural endings
    st.sampled_from(["nul\x00in", "\x00", "country", "countries", "Café", "cafe", "CAFÉ", "Zelenskyy", "Zelensky", "ｄｒｏｎｅ",
                     "drone's", "drones", "don\u2019t", "dont", "1,000", "1000", "2.5", "2,5", "Straße",
                     "strasse", "e\u0301te", "été", "classes", "class", "boxes", "box", "allies", "ally"]),
)
SENTENCE = st.lists(FORMS, min_size=1, max_size=8).map(" ".join)


def _fact(number: int, statement: str, answer: str, alias: str) -> Fact:
    return Fact(id=f"fact-{number}", statement=statement, questions=(f"What about {answer}?",), answer=answer,
                kind="text", citations=(), aliases=(alias,) if alias else ())


@st.composite
def decks_and_queries(draw):
    facts = tuple(_fact(n, draw(SENTENCE), draw(SENTENCE), draw(st.one_of(st.just(""), SENTENCE)))
                  for n in range(draw(st.integers(1, 12))))
    deck = Deck(title="property", sources={}, facts=facts)
    every_word = [word for fact in facts for text in (fact.statement, fact.answer, *fact.aliases)
                  for word, _, _ in words(text)]
    picked = draw(st.lists(st.sampled_from(every_word), min_size=1, max_size=5))  # 4 or more: a claim
    cut = draw(st.integers(0, 3))
    query = " ".join(picked)
    query = query[:max(1, len(query) - cut)] + draw(st.sampled_from(["", " "]))
    return deck, query


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(decks_and_queries())
def test_a_partial_index_ranks_exactly_as_the_whole_one(deck_and_query):
    deck, query = deck_and_query
    partial = partial_index(deck, query)
    if partial is not None:
        assert ranked(partial, query) == ranked(SearchIndex(deck), query)


@settings(max_examples=300, deadline=None)
@given(st.lists(SENTENCE, min_size=1, max_size=6), st.data())
def test_every_fact_holding_a_word_is_a_candidate_for_it_and_its_prefixes(statements, data):
    facts = [_fact(n, statement, "x", "") for n, statement in enumerate(statements)]
    holder = data.draw(st.integers(0, len(facts) - 1))
    held = [w for w, _, _ in words(statements[holder])]
    assume(held)  # a statement of only a NUL holds no word
    word = data.draw(st.sampled_from(held))
    deck = Deck(title="property", sources={}, facts=tuple(facts))
    for typed in {word, word[:max(1, len(word) - 1)], word[:1]}:
        index = partial_index(deck, typed)
        if index is not None:
            assert facts[holder] in index.facts, (typed, statements[holder])
    found = candidate_facts(deck.facts, [word.casefold()])
    assert found is not None and holder in found
