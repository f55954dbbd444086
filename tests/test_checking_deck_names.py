"""The checker's deck-wide tables: built once per deck and shared by every fact (issue 16)."""

from __future__ import annotations

from tui.core.checking.checker import AnswerChecker
from tui.core.checking.deck_names import Blocked, DeckNames
from tui.core.deck.loading import load_deck
from tui.core.deck.paths import bundled_deck_path

DECK = load_deck([bundled_deck_path()])


def test_every_prepared_fact_shares_the_deck_name_table_instead_of_a_copy():
    checker = AnswerChecker(DECK)
    umerov = checker._prepare(DECK.fact("umerov-leads-ukraine"))
    venue = checker._prepare(DECK.fact("talks-venue-istanbul"))
    assert umerov.blocked.names is venue.blocked.names  # one frozenset for the whole deck
    assert all(len(rival) < 10 for rival in (umerov.rivals, venue.rivals))  # only the fact's own distractors


def test_rival_people_are_found_in_the_deck_table():
    names = DeckNames.of(DECK)
    own = frozenset({"rustem", "umerov"})
    assert names.rival_person("umerov-leads-ukraine", own, {"vladimir", "medinsky"}) is not None
    assert names.rival_person("umerov-leads-ukraine", own, {"vladimir"}) is None
    assert AnswerChecker(DECK).check(DECK.fact("umerov-leads-ukraine"), "Umerov and Medinsky").verdict == "incorrect"


def test_blocked_is_a_view_of_deck_names_and_distractors_less_the_answer():
    blocked = Blocked(frozenset({"ankara", "istanbul"}), frozenset({"geneva"}), frozenset({"istanbul"}))
    assert "ankara" in blocked and "geneva" in blocked and "istanbul" not in blocked
    assert sorted(blocked) == ["ankara", "geneva"]


def test_titles_are_never_names_so_never_block_a_title_before_a_name():
    names = DeckNames.of(DECK)
    assert not {"gen", "general", "president", "mr"} & names.names
