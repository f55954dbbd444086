"""Search: ranking on the bundled deck, filters, prefixes and typos, highlights, and the scaled path."""

from __future__ import annotations


import pytest
from conftest import load_script

from tui.core.search import index as search_module
from tui.core.deck.loading import load_deck
from tui.core.deck.paths import bundled_deck_path
from tui.core.search.index import SearchIndex, parse_query, similar_facts

DRONES = "record-472-drones"


@pytest.fixture(scope="module")
def deck():
    return load_deck([bundled_deck_path()])


@pytest.fixture(scope="module")
def index(deck):
    return SearchIndex(deck)


def ids(hits):
    return [hit.fact.id for hit in hits]


def _make_deck_module():
    return load_script("make_deck.py", "make_deck_for_search_tests")


# --- ranking ------------------------------------------------------------------

def test_keyword_drones_ranks_the_record_drone_fact_first(index):
    hits = index.search("drones", limit=10)
    assert ids(hits)[0] == DRONES
    assert hits[0].fact.answer == "472"
    assert hits[0].matched_terms == ("drones",)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


@pytest.mark.parametrize("claim", [
    "Russia launched 472 drones in one night",
    "Russia launched 427 drones in one night",  # refuted: the fact that refutes it comes first
    "the Kremlin deployed a record 472 drones against Ukraine",
])
def test_a_pasted_claim_finds_the_fact_bearing_on_it(index, claim):
    assert ids(index.search(claim, limit=5))[0] == DRONES


def test_facts_matching_every_keyword_come_before_partial_matches(index):
    hits = index.search("drones ukraine", limit=50)
    whole = [len(h.matched_terms) == 2 for h in hits]
    assert whole[0] and whole == sorted(whole, reverse=True)


def test_case_accents_and_plurals_do_not_matter(index):
    assert ids(index.search("İSTANBUL", limit=5)) == ids(index.search("istanbul", limit=5))
    assert ids(index.search("drone", limit=5))[0] == DRONES


def test_empty_stopword_and_limit_edge_cases(index):
    assert index.search("") == [] and index.search("   ") == []
    assert index.search("drones", limit=0) == []
    assert len(index.search("drones", limit=2)) == 2
    assert isinstance(index.search("the", limit=5), list)  # only stopwords: still being typed


# --- prefixes and typos -------------------------------------------------------

@pytest.mark.parametrize("typed", ["dr", "dro", "dron", "drone"])
def test_the_last_word_matches_as_a_prefix_while_typing(index, typed):
    assert DRONES in ids(index.search(typed, limit=10))


def test_a_finished_word_is_not_a_prefix(index):
    # "ist" still being typed completes to "istanbul"; "ist " with a space is a whole word, found nowhere.
    assert any("istanbul" in h.fact.statement.casefold() for h in index.search("ist", limit=5))
    assert index.search("ist ", limit=5) == []


def test_a_typo_in_a_long_word_is_forgiven(index):
    assert DRONES in ids(index.search("dornes", limit=10))
    assert ids(index.search("istanbull", limit=3))[0] in ids(index.search("istanbul", limit=3))


def test_numbers_are_never_fuzzy(index):
    hits = index.search("4721 ", limit=10)
    assert DRONES not in ids(hits)


# --- filters ------------------------------------------------------------------

def test_parse_query_splits_filters_from_words():
    query = parse_query('tag:"Military events" drones source:article-003 in one night')
    assert query.tags == ("military-events",) and query.sources == ("article-003",)
    assert query.terms == ("drones", "in", "one", "night")
    assert parse_query("tag: drones").tags == ()  # an empty value while typing is ignored


def test_tag_filter_keeps_only_tagged_facts(index):
    hits = index.search("tag:military-events drones", limit=50)
    assert hits and ids(hits)[0] == DRONES
    assert all("military-events" in h.fact.tags for h in hits)


def test_source_filter_and_filter_only_query(index, deck):
    hits = index.search("source:article-003", limit=1000)
    expected = [f.id for f in deck.facts if "article-003" in f.source_ids]
    assert ids(hits) == expected  # every fact citing it, in deck order
    assert all("article-003" in h.fact.source_ids for h in index.search("source:article-003 talks", limit=50))


def test_filters_combine_and_unknown_filters_match_nothing(index):
    assert index.search("tag:no-such-tag drones") == []
    both = index.search("tag:military-events source:article-003", limit=500)
    assert both and all("military-events" in h.fact.tags and "article-003" in h.fact.source_ids for h in both)


# --- highlights and suggestions -----------------------------------------------

def test_matching_spans_cover_whole_words_for_keys_prefixes_and_accents(index):
    text = "Russia launched a record 472 drones over İstanbul, the drone tally"
    spans = index.matching_spans(text, ["drone"])
    assert [text[a:b] for a, b in spans] == ["drones", "drone"]
    assert [text[a:b] for a, b in index.matching_spans(text, ["dro"])] == ["drones", "drone"]
    assert [text[a:b] for a, b in index.matching_spans(text, ["istanbul"])] == ["İstanbul"]
    assert index.matching_spans(text, ["the"]) == [(text.index("the"), text.index("the") + 3)]
    assert index.matching_spans(text, ["the", "drones"]) == spans  # stopwords ignored among content words


def test_similar_facts_suggests_the_intended_id(deck):
    assert similar_facts(deck, "record-472-drone")[0].id == DRONES
    assert similar_facts(deck, "") == []


# --- the scaled path: champion lists completed from the forward index ----------

def test_scores_stay_exact_when_postings_are_read_only_partly(tmp_path, monkeypatch):
    """With a tiny read budget every list is cut short; completion must still give exact scores."""
    deck = load_deck([_make_deck_module().make_deck(300, tmp_path / "deck")])
    full = SearchIndex(deck)
    monkeypatch.setattr(search_module, "TERM_BUDGET", 8)
    monkeypatch.setattr(search_module, "SORTED_POSTINGS", 4)
    monkeypatch.setattr(search_module, "FILTERED_DIRECT", 0)  # filters too go through the cut lists
    cut = SearchIndex(deck)
    for query in ("delegation", "kyiv drones", "umerov istanbul notes", "tag:drones kyiv", "tag:drones k",
                  "prisoners m", "source:src-001 talks"):
        exact = {h.fact.id: h.score for h in full.search(query, limit=300)}
        hits = cut.search(query, limit=10)
        assert len(hits) == min(10, len(exact)), query
        for hit in hits:
            assert hit.score == pytest.approx(exact[hit.fact.id]), (query, hit.fact.id)
        # the best fact of all is found even through the cut lists
        assert hits[0].score == pytest.approx(max(exact.values())), query
