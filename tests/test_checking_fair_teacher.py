"""The fair-teacher table (tests/data/fair_teacher.toml): typed answers -> verdict and rule.

Rows over the bundled deck's real facts, and over a small deck built here from the table's
own ``[small_deck]`` (with an ordered answer, a declared date order and declared parties).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tui.core.checking.checker import AnswerChecker
from tui.core.deck.loading import load_deck
from tui.core.deck.model import Deck, Entity, Fact
from tui.core.deck.paths import bundled_deck_path

TABLE = tomllib.loads((Path(__file__).parent / "data" / "fair_teacher.toml").read_text(encoding="utf-8"))
BUNDLED: Deck = load_deck([bundled_deck_path()])
BUNDLED_CHECKER = AnswerChecker(BUNDLED)


def small_deck() -> Deck:
    spec = TABLE["small_deck"]
    facts = tuple(
        Fact(
            id=f["id"], statement=f"The answer to '{f['question']}' is {f['answer']}.",
            questions=(f["question"],), answer=f["answer"], kind=f["kind"], citations=(),
            aliases=tuple(f.get("aliases", ())), ordered=f.get("ordered", False),
            approximate=f.get("approximate", False), tolerance=f.get("tolerance", 0.0),
        )
        for f in spec["facts"]
    )
    entities = tuple(Entity(e["id"], tuple(e["forms"])) for e in spec["entities"])
    return Deck(title=spec["title"], sources={}, facts=facts, entities=entities, date_order=spec["date_order"])


SMALL = small_deck()
SMALL_CHECKER = AnswerChecker(SMALL)


def _rows(section: str) -> list:
    return [
        pytest.param(table["fact"], given, verdict, rule, id=f"{table['fact']}:{given}")
        for table in TABLE[section] for given, verdict, rule in table["rows"]
    ]


def test_the_table_has_at_least_300_rows_and_names_real_facts() -> None:
    rows = _rows("bundled") + _rows("small")
    assert len(rows) >= 300
    for table in TABLE["bundled"]:
        assert table["fact"] in BUNDLED.asks_by_id, table["fact"]  # a fact, or one of its asks
    for table in TABLE["small"]:
        assert table["fact"] in SMALL.facts_by_id, table["fact"]


RULES = {
    "exact", "alias", "surname", "spelling", "extra-words", "word-order", "typo", "number", "date",
    "duration", "list", "hedge", "negation", "opposite", "party", "order", "contradiction", "partial",
    "mismatch", "empty", "too-long",
}


def test_the_table_covers_every_rule_and_every_verdict() -> None:
    rows = [row for section in ("bundled", "small") for table in TABLE[section] for row in table["rows"]]
    assert {rule for _, _, rule in rows} == RULES
    assert {verdict for _, verdict, _ in rows} == {"correct", "close", "incorrect"}


@pytest.mark.parametrize(("fact_id", "given", "verdict", "rule"), _rows("bundled"))
def test_bundled_deck(fact_id: str, given: str, verdict: str, rule: str) -> None:
    judged = BUNDLED_CHECKER.check(BUNDLED.ask(fact_id), given)
    assert (judged.verdict, judged.rule) == (verdict, rule), judged.explanation


@pytest.mark.parametrize(("fact_id", "given", "verdict", "rule"), _rows("small"))
def test_small_deck(fact_id: str, given: str, verdict: str, rule: str) -> None:
    judged = SMALL_CHECKER.check(SMALL.fact(fact_id), given)
    assert (judged.verdict, judged.rule) == (verdict, rule), judged.explanation


def test_a_deck_without_a_date_order_refuses_ambiguous_numeric_dates() -> None:
    fact = Fact(id="signing", statement="The treaty was signed on April 3, 2024.", questions=("When?",),
                answer="April 3, 2024", kind="date", citations=())
    checker = AnswerChecker(Deck(title="no order", sources={}, facts=(fact,)))
    judged = checker.check(fact, "4/3/2024")
    assert (judged.verdict, judged.rule) == ("incorrect", "date")
    assert "date order" in judged.explanation
    assert checker.check(fact, "3 April 2024").verdict == "correct"
    assert checker.check(fact, "2024-04-03").verdict == "correct"  # ISO is never ambiguous
    assert checker.check(fact, "13/4/2024").verdict == "incorrect"  # read the only way it can be: 13 April
