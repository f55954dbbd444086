"""The deck format's keys and their types, and how a parsed table is checked against them.

Problems are collected, never raised one by one: a `Report` gathers them as
`file:line: message` so a deck's author sees every one at once.
"""

from __future__ import annotations

import datetime as _dt
import re
import sys
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Any, Callable, NamedTuple

from tui.core.deck.model import display_path
from tui.core.deck.tomlpos import Entry


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a deck, printable as `file:line: message`."""

    path: Path
    line: int
    message: str
    column: int | None = None

    def __str__(self) -> str:
        where = f"{display_path(self.path)}:{self.line}"
        if self.column is not None:
            where += f":{self.column}"
        return f"{where}: {self.message}"


class DeckProblems(Exception):
    """Raised by `load_deck` when a deck has problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class Report:
    """The problems found so far, in the order found."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: Path, line: int, message: str, column: int | None = None) -> None:
        self.problems.append(Problem(path, line, message, column))


# --- what a value may be ----------------------------------------------------------

_ONLY_STR = frozenset((str,))
_LARGEST = sys.float_info.max  # a tolerance is used as a float: inf, or an int past this, is no tolerance
_ONLY_DICT = frozenset((dict,))


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _is_str_list(value: Any) -> bool:
    # set(map(type, ...)) runs in C; tomli builds exact str, never a subclass.
    return isinstance(value, list) and set(map(type, value)) <= _ONLY_STR


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= _LARGEST


def _is_date(value: Any) -> bool:
    return isinstance(value, (str, _dt.date)) and not isinstance(value, _dt.datetime)


SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")  # every id: a fact's, an ask's, a source's, an entity's, a drill's
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def valid_date(date: str) -> bool:
    """A day, month or year of the calendar (no 2025-13-45), or an interval of two in order."""
    parts = date.split("/", 1)
    for part in parts:
        try:
            _dt.date.fromisoformat((part + "-01-01")[:10])  # a month or year as its first day
        except ValueError:
            return False
        if not _ISO_DATE.match(part):
            return False
    return len(parts) == 1 or parts[0] <= parts[1]


def is_table_list(value: Any) -> bool:
    return isinstance(value, list) and set(map(type, value)) <= _ONLY_DICT


class Check(NamedTuple):
    """How one key's value is tested, and how the test reads in a message."""

    test: Callable[[Any], bool]
    expected: str
    # For the fast check of a table's shape: the exact types tomli gives a good value,
    # and what else must hold of it (its items' type; being >= 0).
    types: tuple[type, ...]
    items: frozenset[type] | None = None
    at_least_zero: bool = False


STRING = Check(_is_str, "a string", (str,))
STRINGS = Check(_is_str_list, "a list of strings", (list,), items=_ONLY_STR)
BOOL = Check(_is_bool, "true or false", (bool,))
NUMBER = Check(_is_number, "a finite number >= 0", (int, float), at_least_zero=True)
DATE = Check(_is_date, "a date such as 2025-06-02", (str, _dt.date))
TABLES = Check(is_table_list, "an array of tables", (list,), items=_ONLY_DICT)


class Schema(NamedTuple):
    keys: dict[str, Check]
    required: tuple[str, ...]


DECK = Schema({"title": STRING, "description": STRING, "date_order": STRING}, ())
SOURCE = Schema({
    "id": STRING, "title": STRING, "title_kind": STRING, "outlet": STRING, "date": DATE,
    "date_precision": STRING, "date_basis": STRING, "language": STRING, "text": STRING,
    "url": STRING, "note": STRING,
}, ("id", "title", "title_kind", "outlet", "date_precision", "language", "text"))
FACT = Schema({
    "id": STRING, "statement": STRING, "questions": STRINGS, "answer": STRING, "kind": STRING,
    "aliases": STRINGS, "tolerance": NUMBER, "approximate": BOOL, "unit": STRING,
    "tags": STRINGS, "distractors": STRINGS, "false_claims": STRINGS, "disputed": BOOL,
    "dispute_note": STRING, "note": STRING, "citations": TABLES, "asks": TABLES, "ordered": BOOL,
    "draft": BOOL, "corroborates": STRING, "disputes": STRING,
}, ("id", "statement", "questions", "answer", "kind", "citations"))
ASK = Schema({
    "id": STRING, "question": STRING, "answer": STRING, "kind": STRING, "aliases": STRINGS,
    "distractors": STRINGS, "tolerance": NUMBER, "approximate": BOOL, "unit": STRING, "ordered": BOOL,
}, ("id", "question", "answer", "kind"))
CITATION = Schema({"source": STRING, "quote": STRING}, ("source", "quote"))
CLAIM = Schema({"id": STRING, "claim": STRING, "tags": STRINGS, "note": STRING}, ("id", "claim"))
ENTITY = Schema({"id": STRING, "forms": STRINGS, "places": STRINGS, "note": STRING}, ("id", "forms"))
TOP_LEVEL_KEYS = {"deck", "sources", "facts", "not_in_sources", "entities"}


# --- checking a table -------------------------------------------------------------

def well_formed(table: dict[str, Any], schema: Schema) -> bool:
    """True when every key is known and well-typed and every required key is there."""
    keys = schema.keys
    for key, value in table.items():
        check = keys.get(key)
        if check is None or not check.test(value):
            return False
    return all(key in table for key in schema.required)


class _Plan(NamedTuple):
    """What is left to test of a table once its keys and value types are known good."""

    # (the lists, allowed item types): one list's value, or a tuple of several lists' values
    item_checks: tuple[tuple[Callable[[dict[str, Any]], Any], frozenset[type], bool], ...]
    at_least_zero: tuple[str, ...]


class ShapeChecker:
    """`well_formed` at a fraction of the cost, for the many tables of a large deck.

    The tables of one deck come in a handful of shapes (the same keys, values of
    the same types). Whether a shape's keys are known, its required keys present
    and its types right is decided once per shape; a table of a known-good shape
    then needs only its list items and numbers tested. Any doubt falls back to
    `well_formed`, so the answer is always the same as its.
    """

    def __init__(self, schema: Schema):
        self.schema = schema
        self._plans: dict[tuple[Any, ...], _Plan | None] = {}

    def __call__(self, table: dict[str, Any]) -> bool:
        shape = (*table, *map(type, table.values()))
        try:
            plan = self._plans[shape]
        except KeyError:
            plan = self._plans[shape] = self._plan(table)
        if plan is None:
            return well_formed(table, self.schema)
        for lists, allowed, several in plan.item_checks:
            items = chain.from_iterable(lists(table)) if several else lists(table)
            if not set(map(type, items)) <= allowed:
                return well_formed(table, self.schema)
        for key in plan.at_least_zero:
            if not 0 <= table[key] <= _LARGEST:
                return False  # negative, NaN, infinite or past a float, which well_formed rejects too
        return True

    def _plan(self, table: dict[str, Any]) -> _Plan | None:
        checks = self.schema.keys
        items: dict[frozenset[type], list[str]] = {}
        at_least_zero = []
        for key, value in table.items():
            check = checks.get(key)
            if check is None or type(value) not in check.types:
                return None
            if check.items is not None:
                items.setdefault(check.items, []).append(key)
            if check.at_least_zero:
                at_least_zero.append(key)
        if not all(key in table for key in self.schema.required):
            return None
        return _Plan(tuple((itemgetter(*keys), allowed, len(keys) > 1) for allowed, keys in items.items()),
                     tuple(at_least_zero))


def check_table(
    report: Report, path: Path, entry: Entry, table: dict[str, Any], schema: Schema, what: str,
) -> bool:
    """Report unknown, missing and mistyped keys; True when the table is usable."""
    if well_formed(table, schema):
        return True
    keys = schema.keys
    usable = True
    for key, value in table.items():
        if key not in keys:
            known = ", ".join(sorted(keys))
            report.add(path, entry.key_line(key), f"{what}: unknown key '{key}' (known keys: {known})")
            continue
        check = keys[key]
        if not check.test(value):
            report.add(path, entry.key_line(key), f"{what}: '{key}' must be {check.expected}")
            usable = False
    for key in schema.required:
        if key not in table:
            report.add(path, entry.line, f"{what}: missing required key '{key}'")
            usable = False
    return usable


def describe(kind: str, table: dict[str, Any], index: int) -> str:
    """"fact 'x'" for messages, or "fact #3" when the table has no usable id."""
    ident = table.get("id")
    return f"{kind} '{ident}'" if isinstance(ident, str) else f"{kind} #{index + 1}"

