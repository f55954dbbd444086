"""Properties of the checker over the whole bundled deck (hypothesis)."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.checking.checker import AnswerChecker, normalize_answer
from tui.core.deck.model import Deck, Fact
from tui.core.deck.loading import load_deck
from tui.core.checking.numbers import collapse_numbers, numbers_in
from tui.core.deck.paths import bundled_deck_path

DECK: Deck = load_deck([bundled_deck_path()])
CHECKER = AnswerChecker(DECK)
FACTS = DECK.facts
VERDICTS = {"correct", "close", "incorrect"}

# Pieces that reach the number, date, hedge and name rules, mixed with arbitrary text.
PIECES = st.sampled_from([
    "one", "hundred", "and", "thousand", "million", "billion", "point", "-", "%", "per cent",
    "May", "June", "2nd", "of", "2022", "2025-06-02", "16", "1,000", "1.000", "1e400", "9" * 80,
    "0.5", "about", "just over", "nearly", "not", "no", "a", "fifth", "half", "weeks", "days",
    "Umerov", "Zelenskyy", "or", "&", ",", "/", "٣", "²", "½", "Ⅻ", "ǅ", "ß", "İ", "\x00", "\x1b[31m",
    "\u200b", "\u202e", "🙂", "👨‍👩‍👧", "...", "''", "\ud7ff", "\ufffd", "\n", "\t",
])
ANSWERS = st.one_of(
    st.text(max_size=80),
    st.lists(PIECES, max_size=14).map(" ".join),
    st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=10).map("".join),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(max_size=2000),
)
FACT_INDEX = st.integers(min_value=0, max_value=len(FACTS) - 1)
RELAXED = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@RELAXED
@given(FACT_INDEX, ANSWERS)
def test_never_raises_and_always_gives_a_verdict(index: int, text: str) -> None:
    fact = FACTS[index]
    verdict = CHECKER.check(fact, text)
    assert verdict.verdict in VERDICTS
    assert verdict.correct is (verdict.verdict != "incorrect")
    assert verdict.given == text
    assert verdict.expected == fact.answer
    assert verdict.rule and verdict.explanation


@RELAXED
@given(ANSWERS)
def test_normalize_answer_never_raises_and_is_idempotent(text: str) -> None:
    once = normalize_answer(text)
    # One exception: punctuation between digit groups ("0:000") becomes a space, and a
    # second pass reads "0 000" as a grouped number, as the first does for "1 000".
    assert normalize_answer(once) == once or re.search(r"\d \d{3}", once)
    assert once == once.strip() and "  " not in once


@pytest.mark.parametrize("fact", FACTS, ids=[f.id for f in FACTS])
def test_canonical_answer_and_aliases_are_correct(fact: Fact) -> None:
    for text in (fact.answer, *fact.aliases):
        verdict = CHECKER.check(fact, text)
        assert verdict.verdict == "correct", (text, verdict)
        assert verdict.rule in ("exact", "alias"), (text, verdict)


@pytest.mark.parametrize("fact", FACTS, ids=[f.id for f in FACTS])
def test_form_does_not_matter(fact: Fact) -> None:
    """Case, surrounding space, a final full stop and curly quotes never change a verdict."""
    for text in (fact.answer, *fact.aliases):
        for variant in (text.upper(), f"  {text}  ", f"{text}.", f"\u201c{text}\u201d"):
            assert CHECKER.check(fact, variant).verdict == "correct", (text, variant)


@pytest.mark.parametrize("fact", FACTS, ids=[f.id for f in FACTS])
def test_adding_a_negation_is_never_accepted(fact: Fact) -> None:
    for text in (fact.answer, *fact.aliases):
        assert not CHECKER.check(fact, f"not {text}").correct, text


def _values(fact: Fact) -> list[Fraction]:
    return numbers_in(collapse_numbers(normalize_answer(fact.answer).split()))


def _value(fact: Fact) -> Fraction:
    return _values(fact)[0]


NUMBER_FACTS = [f for f in FACTS if f.kind in ("number", "percent") and len(_values(f)) == 1]


@pytest.mark.parametrize("fact", NUMBER_FACTS, ids=[f.id for f in NUMBER_FACTS])
def test_a_digit_slip_is_never_accepted(fact: Fact) -> None:
    """427 is not 472: swapping two digits, or dropping or doubling one, is another number."""
    digits = str(_value(fact).numerator) if _value(fact).denominator == 1 else ""
    slips = {digits[:i] + digits[i + 1] + digits[i] + digits[i + 2:] for i in range(len(digits) - 1)}
    slips |= {digits[:i] + digits[i + 1:] for i in range(len(digits))}
    slips |= {digits[:i] + digits[i] + digits[i:] for i in range(len(digits))}
    slips = {s for s in slips if s and s.lstrip("0") != digits and Fraction(s) != _value(fact)}
    for slip in slips:
        assert not CHECKER.check(fact, slip).correct, slip


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(NUMBER_FACTS) if NUMBER_FACTS else st.nothing(), st.integers(min_value=0, max_value=10**7))
def test_only_the_right_number_is_accepted(fact: Fact, number: int) -> None:
    value = _value(fact)
    verdict = CHECKER.check(fact, str(number))
    if abs(Fraction(number) - value) > Fraction(str(fact.tolerance)):
        assert not verdict.correct
    else:
        assert verdict.correct


def test_the_deck_has_number_facts_to_test() -> None:
    assert len(NUMBER_FACTS) >= 3


DATE_FACTS = [f for f in FACTS if f.kind == "date" and re.search(r"\b(19|20)\d\d\b", f.answer)]


@pytest.mark.parametrize("fact", DATE_FACTS, ids=[f.id for f in DATE_FACTS])
def test_another_year_is_never_accepted(fact: Fact) -> None:
    year = int(re.search(r"\b(19|20)\d\d\b", fact.answer).group(0))
    for other in (year - 1, year + 1, int(str(year)[:2] + str(year)[3] + str(year)[2])):
        if other != year:
            wrong = fact.answer.replace(str(year), str(other))
            assert not CHECKER.check(fact, wrong).correct, wrong
