"""The money kind: an amount and its currency, written any of the usual ways."""

from __future__ import annotations

import pytest

from tui.core.checking.money import answer_with_unit, currencies_in, money_aliases, money_spans, without_currency


@pytest.mark.parametrize("text, code", [
    ("$48m", "USD"), ("48 million dollars", "USD"), ("€12 million", "EUR"), ("12 million euros", "EUR"),
    ("£1.3 million", "GBP"), ("US$ 2bn", "USD"), ("forty-eight million dollars", "USD"),
])
def test_each_way_of_writing_an_amount_is_found_with_its_currency(text, code):
    spans = money_spans(f"The council said {text} would be spent.")
    assert [(s.text, s.currency) for s in spans] == [(text, code)]


def test_amounts_in_a_sentence_are_found_in_order_and_only_amounts():
    sentence = "The fund gave €12 million, the town $24m, and 2,400 people signed."
    assert [s.text for s in money_spans(sentence)] == ["€12 million", "$24m"]


def test_currency_words_and_symbols_come_off_leaving_the_amount():
    assert without_currency("$48m") == "48m"
    assert without_currency("12 million euros") == "12 million"
    assert currencies_in("48 million") == set()


def test_aliases_spell_the_amount_out_and_name_the_currency():
    assert money_aliases("$48m") == ["48 million dollars", "$48 million", "48 million"]
    assert "12 million euros" in money_aliases("€12 million")


def test_a_unit_is_shown_once():
    assert answer_with_unit("$1.2 million", "dollars", "money") == "$1.2 million"
    assert answer_with_unit("472", "drones") == "472 drones"
    assert answer_with_unit("472 drones", "drones") == "472 drones"
    assert answer_with_unit("12 million euros", "euros") == "12 million euros"


def money_fact(answer: str, **extra):
    from tui.core.deck.model import Citation, Fact

    citation = Citation("s", answer, 0, len(answer))
    return Fact(id="cost", statement=f"The bridge will cost {answer}.", questions=("How much will the bridge cost?",),
                answer=answer, kind="money", citations=(citation,), **extra)


@pytest.mark.parametrize("given", ["$48m", "48 million dollars", "$48 million", "48m", "48 million",
                                   "forty-eight million dollars", "US$48,000,000", "about $48m"])
def test_the_checker_accepts_an_amount_of_money_written_any_usual_way(given):
    from tui.core.checking.checker import AnswerChecker

    verdict = AnswerChecker().check(money_fact("$48m"), given)
    assert verdict.verdict in ("correct", "close"), (given, verdict)


@pytest.mark.parametrize("given, rule", [("€48m", "currency"), ("48 million euros", "currency"),
                                         ("$84m", "number"), ("48 dollars", "number")])
def test_the_checker_refuses_another_currency_or_another_amount(given, rule):
    from tui.core.checking.checker import AnswerChecker

    verdict = AnswerChecker().check(money_fact("$48m"), given)
    assert (verdict.verdict, verdict.rule) == ("incorrect", rule), verdict


def test_euros_are_checked_the_same_way():
    from tui.core.checking.checker import AnswerChecker

    checker = AnswerChecker()
    assert checker.check(money_fact("€12 million"), "12 million euros").correct
    assert not checker.check(money_fact("€12 million"), "£12 million").correct
