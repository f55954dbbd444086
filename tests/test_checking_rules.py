"""The checker's rules one at a time, on small facts built here (shapes the deck lacks)."""

from __future__ import annotations

import dataclasses
from fractions import Fraction

import pytest

from tui.core.checking.checker import AnswerChecker, Verdict, check_answer, normalize_answer
from tui.core.checking.dates import DateParts, parse_date
from tui.core.deck.model import Deck, Fact
from tui.core.checking.matching import allowed_edits, spelling_key
from tui.core.checking.normalize import tokens
from tui.core.checking.numbers import collapse_numbers, numbers_in
from tui.core.checking.quantities import hedge_direction, hedge_of


def make_fact(fact_id: str, answer: str, kind: str, question: str = "What is it?", **fields) -> Fact:
    fields = {k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()}
    return Fact(
        id=fact_id, statement=f"The answer is {answer}.", questions=(question,), answer=answer,
        kind=kind, citations=(), **fields,
    )


def judge(fact: Fact, given: str, *others: Fact) -> Verdict:
    deck = Deck(title="test", sources={}, facts=(fact, *others))
    return AnswerChecker(deck).check(fact, given)


def outcome(fact: Fact, given: str, *others: Fact) -> tuple[str, str]:
    verdict = judge(fact, given, *others)
    return verdict.verdict, verdict.rule


# -- normalisation ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "normal"), [
    ("İstanbul", "istanbul"),
    ("Napoléon", "napoleon"),
    ("  The   Hague ", "hague"),
    ("a", "a"),  # an article alone is kept: it may be the whole answer
    ("Kyiv\u2019s", "kyivs"),
    ("\u201cslim\u201d", "slim"),
    ("deep\u2013seated", "deep seated"),
    ("1,000", "1000"),
    ("1 000", "1000"),
    ("1\u202f000", "1000"),
    ("1,200,000", "1200000"),
    ("1.2 million", "1.2 million"),
    ("20%", "20 percent"),
    ("Sumy & Kharkiv", "sumy and kharkiv"),
    ("U.S.", "us"),
    ("ŁÓDŹ", "lodz"),
    ("ＡＢＣ", "abc"),
    ("", ""),
    ("?!", ""),
])
def test_normalize_answer(text: str, normal: str) -> None:
    assert normalize_answer(text) == normal


def test_normalize_answer_is_idempotent_on_examples() -> None:
    for text in ("İstanbul, Türkiye", "four-hundred & 72", "“Napoléon”", "1,000 000", "The a an"):
        once = normalize_answer(text)
        assert normalize_answer(once) == once


# -- reading numbers, dates and hedges ----------------------------------------------------

@pytest.mark.parametrize(("text", "values"), [
    ("472", [472]),
    ("four hundred and seventy-two", [472]),
    ("four hundred seventy two", [472]),
    ("twenty-two", [22]),
    ("one thousand", [1000]),
    ("a thousand", [1000]),
    ("one thousand two hundred", [1200]),
    ("1.2 million", [1_200_000]),
    ("1.2m", [1_200_000]),
    ("six thousand", [6000]),
    ("113,100", [113_100]),
    ("2.5", [Fraction(5, 2)]),
    ("one two", [1, 2]),
    ("427 and 472", [427, 472]),
    ("one point two five", [Fraction(5, 4)]),
    ("one point", [1]),  # no digits after it: "point" stays a word
    ("no numbers here", []),
    ("9" * 60, []),  # absurdly long digit runs are words, not numbers
])
def test_numbers_are_read_as_values(text: str, values: list) -> None:
    assert numbers_in(collapse_numbers(tokens(text))) == [Fraction(v) for v in values]


@pytest.mark.parametrize(("text", "parts"), [
    ("June 2", DateParts(None, 6, 2)),
    ("2 June", DateParts(None, 6, 2)),
    ("June 2nd", DateParts(None, 6, 2)),
    ("2nd of June", DateParts(None, 6, 2)),
    ("the twenty-second of June", DateParts(None, 6, 22)),
    ("June 2, 2025", DateParts(2025, 6, 2)),
    ("2025-06-02", DateParts(2025, 6, 2)),
    ("March 2022", DateParts(2022, 3)),
    ("Mar 2022", DateParts(2022, 3)),
    ("2022-03", DateParts(2022, 3)),
    ("03/2022", DateParts(2022, 3)),
    ("2014", DateParts(2014)),
    ("25/12/2024", DateParts(2024, 12, 25)),
    ("16.05.2025", DateParts(2025, 5, 16)),
    ("twenty fourteen", DateParts(2014)),
])
def test_dates_are_read_as_parts(text: str, parts: DateParts) -> None:
    assert parse_date(tokens(text)) == parts


@pytest.mark.parametrize(("text", "problem"), [
    ("06/02", "ambiguous"), ("May and June", "several"), ("2022 and 2023", "several"), ("soon", "none"),
])
def test_unreadable_dates_say_why(text: str, problem: str) -> None:
    assert parse_date(tokens(text)).problem == problem


@pytest.mark.parametrize(("text", "direction"), [
    ("about 472", "about"), ("roughly 20", "about"), ("approximately 5", "about"),
    ("over 472", "above"), ("more than 3", "above"), ("just over an hour", "above"),
    ("nearly 20", "below"), ("just under a fifth", "below"), ("less than 10", "below"),
    ("472", ""),
])
def test_hedges_have_a_direction(text: str, direction: str) -> None:
    assert hedge_direction(hedge_of(normalize_answer(text))) == direction


def test_typo_allowance_grows_with_word_length() -> None:
    assert [allowed_edits("x" * n) for n in (3, 4, 5, 7, 8, 12, 13)] == [0, 0, 1, 1, 2, 2, 3]


@pytest.mark.parametrize(("one", "other"), [
    ("zelenskyy", "zelensky"), ("zelenskiy", "zelensky"), ("zelenski", "zelenskyy"),
    ("umierov", "umerov"), ("umyerov", "umerov"), ("oleksandr", "olexandr"),
    ("volodymyr", "wolodymyr"), ("dmitriy", "dmitri"),
])
def test_transliterations_share_a_spelling_key(one: str, other: str) -> None:
    assert spelling_key(one) == spelling_key(other)


@pytest.mark.parametrize(("one", "other"), [("umerov", "umarov"), ("siberia", "serbia"), ("kyiv", "kiev")])
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert spelling_key(one) != spelling_key(other)


# -- numbers and percentages --------------------------------------------------------------

DRONES = make_fact("drones", "472", "number", "How many drones were launched?", unit="drones")
PERCENT = make_fact("share", "20 percent", "percent", "What share of the vote did it get?")
APPROX = make_fact(
    "share-approx", "20%", "percent", "What share does it control?", approximate=True,
    aliases=["just under a fifth"],
)
TOLERANT = make_fact("tolerant", "472", "number", "How many?", tolerance=5)
MILLION = make_fact("people", "1.2 million", "number", "How many people left?", unit="people")
OVER = make_fact(
    "over", "1,000", "number", "How many were freed?", approximate=True, aliases=["over 1,000"],
)


@pytest.mark.parametrize(("fact", "given", "expected"), [
    (DRONES, "472", ("correct", "exact")),
    (DRONES, "472 drones", ("correct", "number")),
    (DRONES, "four hundred seventy-two drones", ("correct", "number")),
    (DRONES, "427", ("incorrect", "number")),
    (DRONES, "2", ("incorrect", "number")),
    (DRONES, "472 tanks", ("incorrect", "mismatch")),
    (DRONES, "about 472", ("correct", "hedge")),  # issue 11: a figure is never 'close'
    (DRONES, "just over 472", ("incorrect", "hedge")),
    (PERCENT, "20%", ("correct", "exact")),
    (PERCENT, "20 per cent", ("correct", "number")),
    (PERCENT, "twenty percent", ("correct", "number")),
    (PERCENT, "20", ("correct", "number")),
    (PERCENT, "a fifth", ("correct", "number")),
    (PERCENT, "one-fifth", ("correct", "number")),
    (PERCENT, "about 20%", ("correct", "hedge")),  # issue 11: a figure is never 'close'
    (PERCENT, "25%", ("incorrect", "number")),
    (PERCENT, "a quarter", ("incorrect", "number")),
    (PERCENT, "2.0%", ("incorrect", "number")),
    (APPROX, "about 20%", ("correct", "hedge")),
    (APPROX, "nearly 20 percent", ("correct", "hedge")),
    (APPROX, "over 20%", ("incorrect", "hedge")),  # the fact says just under
    (APPROX, "one fifth", ("correct", "number")),
    (TOLERANT, "470", ("correct", "number")),  # issue 11: a figure is never 'close'
    (TOLERANT, "477", ("correct", "number")),
    (TOLERANT, "466", ("incorrect", "number")),
    (MILLION, "1,200,000", ("correct", "number")),
    (MILLION, "1.2m people", ("correct", "number")),
    (MILLION, "one point two million", ("correct", "number")),
    (MILLION, "one point three million", ("incorrect", "number")),
    (MILLION, "1.2 billion", ("incorrect", "number")),
    (OVER, "more than 1,000", ("correct", "hedge")),
    (OVER, "about a thousand", ("correct", "hedge")),
    (OVER, "fewer than 1,000", ("incorrect", "hedge")),
    (OVER, "1000", ("correct", "exact")),
])
def test_number_rules(fact: Fact, given: str, expected: tuple[str, str]) -> None:
    assert outcome(fact, given) == expected


def test_tolerance_verdict_shows_the_expected_answer() -> None:
    verdict = judge(TOLERANT, "470")
    assert verdict.correct and "472" in verdict.explanation and "5" in verdict.explanation


def test_question_numbers_may_be_echoed() -> None:
    fact = make_fact("swap", "390", "number", "How many were freed in the 1,000-for-1,000 swap's first day?")
    assert outcome(fact, "390") == ("correct", "exact")
    assert outcome(fact, "390 of the 1,000") == ("correct", "number")


def test_a_text_fact_whose_answer_is_a_figure_is_judged_as_one() -> None:
    fact = make_fact("figure", "20%", "text", approximate=True)
    assert outcome(fact, "21%") == ("incorrect", "number")
    assert outcome(fact, "roughly twenty percent") == ("correct", "hedge")


def test_a_number_answer_that_reads_as_no_number_falls_back_to_text() -> None:
    fact = make_fact("vague", "several hundred", "number")
    assert judge(fact, "several hundred").verdict == "correct"
    assert judge(fact, "several thousand").verdict == "incorrect"


# -- durations ----------------------------------------------------------------------------

WEEKS = make_fact("pause", "two weeks", "duration", "How long was the pause?")
DAYS = make_fact("truce", "30 days", "duration", "How long was the truce to last?")


@pytest.mark.parametrize(("fact", "given", "expected"), [
    (WEEKS, "two weeks", ("correct", "exact")),
    (WEEKS, "2 weeks", ("correct", "duration")),
    (WEEKS, "14 days", ("correct", "duration")),
    (WEEKS, "a fortnight", ("correct", "duration")),
    (WEEKS, "2-week", ("correct", "duration")),
    (WEEKS, "3 weeks", ("incorrect", "duration")),
    (WEEKS, "two months", ("incorrect", "duration")),
    (WEEKS, "2", ("incorrect", "duration")),  # the unit is missing and the question does not give it (issue 11: never close)
    (WEEKS, "3", ("incorrect", "duration")),
    (DAYS, "30-day", ("correct", "duration")),
    (DAYS, "thirty days", ("correct", "duration")),
    (DAYS, "a month", ("incorrect", "duration")),  # months and days do not convert exactly
    (DAYS, "1 month and 2 days", ("incorrect", "duration")),
    (DAYS, "30 days or 60 days", ("incorrect", "duration")),
])
def test_duration_rules(fact: Fact, given: str, expected: tuple[str, str]) -> None:
    assert outcome(fact, given) == expected


# -- dates ----------------------------------------------------------------------------------

DAY = make_fact("day", "June 2", "date", aliases=["2 June 2025"])
MONTH = make_fact("month", "March 2022", "date")
YEAR = make_fact("year", "2014", "date")


@pytest.mark.parametrize(("fact", "given", "expected"), [
    (DAY, "June 2", ("correct", "exact")),
    (DAY, "2nd June", ("correct", "date")),
    (DAY, "June 2, 2025", ("correct", "date")),
    (DAY, "June 2, 2026", ("incorrect", "date")),  # the alias gives the year
    (DAY, "June 20", ("incorrect", "date")),
    (DAY, "2 July", ("incorrect", "date")),
    (DAY, "after June 2", ("incorrect", "date")),
    (DAY, "about June 2", ("correct", "hedge")),  # issue 11: a figure is never 'close'
    (MONTH, "Mar 2022", ("correct", "date")),
    (MONTH, "2022-03", ("correct", "date")),
    (MONTH, "March 2022", ("correct", "exact")),
    (MONTH, "2022", ("incorrect", "date")),
    (MONTH, "March", ("incorrect", "date")),
    (MONTH, "May 2022", ("incorrect", "date")),
    (MONTH, "2022-04", ("incorrect", "date")),
    (YEAR, "2014", ("correct", "exact")),
    (YEAR, "in March 2014", ("correct", "date")),
    (YEAR, "2041", ("incorrect", "date")),
    (YEAR, "1914", ("incorrect", "date")),
])
def test_date_rules(fact: Fact, given: str, expected: tuple[str, str]) -> None:
    assert outcome(fact, given) == expected


# -- names, typos and other names of the deck -----------------------------------------------

UMEROV = make_fact("umerov", "Rustem Umerov", "name", "Who led the delegation?")
UMAROV = make_fact("umarov", "Ruslan Umarov", "name", "Who spoke for the other side?")
KELLOGG = make_fact("kellogg", "Keith Kellogg", "name", "Which envoy visited?")
MARY_KELLOGG = make_fact("mary", "Mary Kellogg", "name", "Who wrote the letter?")
ZELENSKYY = make_fact("zelenskyy", "Volodymyr Zelenskyy", "name", "Who is Ukraine's president?")


def test_surname_alone_is_accepted_when_it_identifies_the_person() -> None:
    assert outcome(KELLOGG, "Kellogg") == ("correct", "surname")
    assert outcome(KELLOGG, "Kelogg") == ("close", "typo")


def test_surname_alone_is_partial_when_two_people_share_it() -> None:
    assert outcome(KELLOGG, "Kellogg", MARY_KELLOGG) == ("incorrect", "partial")
    assert outcome(KELLOGG, "Keith Kellogg", MARY_KELLOGG) == ("correct", "exact")


def test_given_name_alone_is_partial() -> None:
    assert outcome(KELLOGG, "Keith") == ("incorrect", "partial")
    assert outcome(UMEROV, "Rustem") == ("incorrect", "partial")


def test_another_name_of_the_deck_is_never_a_typo() -> None:
    assert outcome(UMEROV, "Umerow") == ("correct", "spelling")
    assert judge(UMEROV, "Umarov").verdict == "close"  # alone, a one-letter slip
    assert judge(UMEROV, "Umarov", UMAROV).verdict == "incorrect"  # but Umarov is someone else
    assert judge(UMEROV, "Rustem Umarov", UMAROV).verdict == "incorrect"
    # "Umurov" is as near to Umarov as to Umerov: not accepted either way.
    assert judge(UMEROV, "Umurov", UMAROV).verdict == "incorrect"
    assert judge(UMEROV, "Umerovv", UMAROV).verdict == "close"


def test_another_persons_given_name_contradicts() -> None:
    assert outcome(UMEROV, "Ruslan Umerov", UMAROV) == ("incorrect", "contradiction")
    assert outcome(UMEROV, "Minister Umerov", UMAROV) == ("correct", "extra-words")


@pytest.mark.parametrize("given", [
    "Zelensky", "Zelenskiy", "Zelenski", "Zelenskyi", "Volodymyr Zelensky", "Wolodymyr Zelenskiy",
])
def test_transliterations_of_a_name_are_correct(given: str) -> None:
    verdict = judge(ZELENSKYY, given)
    assert verdict.verdict == "correct" and verdict.rule in ("spelling", "surname"), verdict


def test_transliteration_is_not_applied_to_plain_text() -> None:
    fact = make_fact("word", "ceasefire", "text")
    assert outcome(fact, "ceasefyre") == ("close", "typo")


def test_typos_need_long_enough_words() -> None:
    fact = make_fact("city", "Kyiv", "place")
    assert outcome(fact, "Kiev") == ("incorrect", "mismatch")
    assert outcome(fact, "Kyvi") == ("incorrect", "mismatch")


def test_numbers_inside_text_answers_get_no_typo_tolerance() -> None:
    fact = make_fact("resolution", "Resolution 2014", "text")
    assert judge(fact, "Resolution 2041").verdict == "incorrect"
    assert judge(fact, "Resolution 2014").verdict == "correct"


def test_an_answer_that_itself_negates_accepts_its_own_negation() -> None:
    fact = make_fact("deal", "no deal", "text")
    assert outcome(fact, "No deal.") == ("correct", "exact")
    assert outcome(fact, "deal") == ("incorrect", "negation")  # drops the answer's own "no" (issue 11: negation, not partial)
    assert outcome(fact, "not no deal") == ("incorrect", "negation")


def test_words_run_together_or_split_are_slips() -> None:
    fact = make_fact("word", "ceasefire", "text")
    assert outcome(fact, "cease fire") == ("correct", "exact")
    assert outcome(fact, "ceese fire") == ("close", "typo")


# -- lists ------------------------------------------------------------------------------------

REGIONS = make_fact("regions", "Sumy, Kharkiv", "list", "Which two regions?")


@pytest.mark.parametrize(("given", "expected"), [
    ("Sumy and Kharkiv", ("correct", "list")),
    ("Kharkiv, Sumy", ("correct", "list")),
    ("Kharkiv & Sumy", ("correct", "list")),
    ("Kharkiv; Sumy", ("correct", "list")),
    ("Kharkov and Sumy", ("close", "typo")),
    ("Sumy", ("incorrect", "list")),
    ("Sumy, Kharkiv, Kyiv", ("incorrect", "list")),
    ("Sumy or Kharkiv", ("incorrect", "list")),
    ("Sumy and Sumy", ("incorrect", "list")),
])
def test_list_rules(given: str, expected: tuple[str, str]) -> None:
    assert outcome(REGIONS, given) == expected


# -- the public interface ---------------------------------------------------------------------

def test_verdict_correct_is_true_for_correct_and_close() -> None:
    assert Verdict("x", "correct", "exact", "x", "").correct
    assert Verdict("x", "close", "typo", "x", "").correct
    assert not Verdict("x", "incorrect", "mismatch", "x", "").correct


def test_check_answer_without_a_deck_and_with_one() -> None:
    deck = Deck(title="t", sources={}, facts=(UMEROV, UMAROV))
    assert check_answer(UMEROV, "Umarov").verdict == "close"
    assert check_answer(UMEROV, "Umarov", deck=deck).verdict == "incorrect"
    assert check_answer(UMEROV, "Rustem Umerov", deck=deck).rule == "exact"


def test_a_changed_fact_with_the_same_id_is_judged_afresh() -> None:
    checker = AnswerChecker(Deck(title="t", sources={}, facts=(DRONES,)))
    assert checker.check(DRONES, "472").correct
    changed = dataclasses.replace(DRONES, answer="473")
    assert not checker.check(changed, "472").correct
    assert checker.check(changed, "473").correct


@pytest.mark.parametrize("given", ["", "   ", "\t\n", "...", "—"])
def test_empty_answers(given: str) -> None:
    assert outcome(DRONES, given) == ("incorrect", "empty")


def test_an_essay_is_not_an_answer() -> None:
    assert outcome(DRONES, "472 " + "and so on " * 40) == ("incorrect", "too-long")


def test_every_explanation_of_a_wrong_answer_names_the_expected_answer() -> None:
    facts = (DRONES, PERCENT, WEEKS, DAY, MONTH, UMEROV, REGIONS)
    for fact in facts:
        for given in ("nonsense", "", "not it", "12", "May 3"):
            verdict = judge(fact, given)
            if not verdict.correct:
                assert verdict.expected == fact.answer
                assert verdict.explanation
