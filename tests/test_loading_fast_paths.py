"""The loader's fast paths give exactly what the plain paths give: lines found on demand,
shapes checked once, quotes found as they are, objects built without the frozen __init__."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import math
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.deck.model import Citation, Fact, Location, fast_constructor
from tui.core.deck.loading import DeckProblems, load_deck
from tui.core.deck.quotes import NormalizedText, QuoteFinder, normalize_quote
from tui.core.deck.schema import CITATION, FACT, SOURCE, ShapeChecker, well_formed

DECK = '''\
[[sources]]
id = "wire"
title = "Talks"
title_kind = "headline"
outlet = "unknown"
date_precision = "unknown"
language = "en"
text = "wire.txt"

[[facts]]
id = "drones"
statement = """A record
[[facts]] inside a string is no header."""
questions = ["How many drones?"]
answer = "472"
kind = "number"

[[facts.citations]]
source = "wire"
quote = "a record 472 drones"

[[facts.citations]]
source = "wire"
quote = "in a single night"

[[facts]]
id = "night"
statement = "It was one night."
questions = ["When?"]
answer = "one night"
kind = "text"

[[facts.citations]]
source = "wire"
quote = "single night"

[[not_in_sources]]
id = "claim"
claim = "Nobody was hurt."
'''


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    lines = [n for n, line in enumerate(path.read_text().splitlines(), start=1) if needle in line]
    return lines[occurrence - 1]


def test_every_location_is_the_line_of_its_entry_even_after_loading(tmp_path):
    (tmp_path / "wire.txt").write_text("Russia launched a record 472 drones in a single night.", encoding="utf-8")
    deck_file = tmp_path / "deck.toml"
    deck_file.write_text(DECK, encoding="utf-8")
    deck = load_deck([deck_file])
    drones, night = deck.facts
    assert drones.location == Location(deck_file, line_of(deck_file, "[[facts]]", 1))
    assert night.location.line == line_of(deck_file, "[[facts]]", 3)  # the second is inside a string
    assert [c.location.line for c in drones.citations] == [line_of(deck_file, "[[facts.citations]]", n) for n in (1, 2)]
    assert night.citations[0].location.line == line_of(deck_file, "[[facts.citations]]", 3)
    assert deck.sources["wire"].location.line == 1
    assert str(deck.unsourced_claims[0].location).endswith(f"deck.toml:{line_of(deck_file, '[[not_in_sources]]')}")
    with pytest.raises(dataclasses.FrozenInstanceError):
        drones.location.path = tmp_path  # type: ignore[misc]
    assert copy.deepcopy(drones) == drones and pickle.loads(pickle.dumps(night)) == night


def test_a_duplicate_names_where_the_first_was_defined(tmp_path):
    (tmp_path / "wire.txt").write_text("a record 472 drones in a single night", encoding="utf-8")
    deck_file = tmp_path / "deck.toml"
    deck_file.write_text(DECK.replace('id = "night"', 'id = "drones"'), encoding="utf-8")
    with pytest.raises(DeckProblems) as caught:
        load_deck([deck_file])
    [problem] = caught.value.problems
    assert problem.line == line_of(deck_file, 'id = "drones"', 2)
    assert f"first defined at {deck_file}:{line_of(deck_file, '[[facts]]', 1)}" in problem.message


GOOD_FACT = {"id": "x", "statement": "s", "questions": ["q"], "answer": "a", "kind": "text",
             "citations": [{"source": "s", "quote": "q"}], "tags": ["t"], "tolerance": 2}
BAD_VALUES = [None, -1, math.nan, True, 1.5, "s", ["s", 1], [{"a": 1}, "x"], [], {"a": 1},
              dt.date(2025, 6, 2), dt.datetime(2025, 6, 2, 12, 0), dt.time(12, 0)]


@pytest.mark.parametrize("key", [*FACT.keys, "unknown"])
@pytest.mark.parametrize("value", BAD_VALUES, ids=repr)
def test_the_shape_check_agrees_with_the_full_check(key, value):
    checker = ShapeChecker(FACT)
    assert checker(GOOD_FACT) and checker(GOOD_FACT)  # the second time from the cached shape
    table = {**GOOD_FACT, key: value} if value is not None else {k: v for k, v in GOOD_FACT.items() if k != key}
    assert checker(table) == well_formed(table, FACT)
    assert checker(table) == well_formed(table, FACT)


@pytest.mark.parametrize("schema", [SOURCE, CITATION])
def test_the_shape_check_of_other_tables(schema):
    table = {key: "2025-06-02" if key == "date" else "text" for key in schema.keys}
    checker = ShapeChecker(schema)
    assert checker(table) and well_formed(table, schema)
    for key in schema.required:
        partial = {k: v for k, v in table.items() if k != key}
        assert checker(partial) is False is well_formed(partial, schema)


def test_fast_constructor_builds_the_same_frozen_object():
    location = Location(Path("deck.toml"), 3)
    citation = fast_constructor(Citation)("wire", "a quote", 4, 11, location)
    assert type(citation) is Citation and citation == Citation("wire", "a quote", 4, 11, location)
    values = [f.default if f.default is not dataclasses.MISSING else "v" for f in dataclasses.fields(Fact)]
    values[2] = ("q?",)
    fact = fast_constructor(Fact)(*values)
    assert fact == Fact(*values) and hash(fact) == hash(Fact(*values))
    with pytest.raises(dataclasses.FrozenInstanceError):
        fact.answer = "changed"  # type: ignore[misc]
    assert dataclasses.replace(fact, answer="b").answer == "b"


def _reference_find(text: NormalizedText, quote: str) -> tuple[int, int] | None:
    """The first occurrence of the normalised quote that cuts no word, the slow way."""
    needle, flat = normalize_quote(quote), text.text
    for at in range(len(flat) - len(needle) + 1) if needle else ():
        end = at + len(needle)
        cuts_start = at > 0 and flat[at - 1].isalnum() and needle[0].isalnum()
        cuts_end = end < len(flat) and flat[end].isalnum() and needle[-1].isalnum()
        if flat[at:end] == needle and not cuts_start and not cuts_end:
            return text.original_span(at, end)
    return None


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab '`\n\t\u2019\u00a0-\u2014", max_size=40), st.data())
def test_finding_a_quote_as_it_is_gives_the_normalised_search_span(original, data):
    start = data.draw(st.integers(0, len(original)))
    end = data.draw(st.integers(start, len(original)))
    quote = data.draw(st.one_of(st.just(original[start:end]), st.text(alphabet="ab '\n", max_size=6)))
    text = NormalizedText.of(original)
    assert text.find(quote) == _reference_find(text, quote)
    assert QuoteFinder({"s": original}).find("s", quote) == _reference_find(text, quote)


def test_quotes_found_a_source_at_a_time_are_those_found_one_by_one():
    finder = QuoteFinder({"a": "one two  three", "b": "four\nfive"})
    finder.find_all({"a": ["two three", "nope"], "b": ["four five"], "unknown": ["x"]})
    assert finder.find("a", "two three") == (4, 14)
    assert finder.find("a", "nope") is None
    assert finder.find("b", "four five") == (0, 9)
    with pytest.raises(KeyError):
        finder.find("unknown", "x")
