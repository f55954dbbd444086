"""Reading a calendar date (day, month, year; any of them may be missing) out of answer words.

Accepts the forms people type: "June 2", "2 June", "June 2nd", "2nd of June",
"the second of June", "June 2, 2025", "2025-06-02", "March 2022", "Mar 2022",
"2022-03", "2014". Purely numeric day/month orders other than ISO are only read when
unambiguous ("25/12/2024"); "06/02" could be either and is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.deck.model import Fact
from tui.core.checking.normalize import tokens
from tui.core.checking.numbers import collapse_numbers, token_value
from tui.core.checking.quantities import CORRECT, INCORRECT, Outcome, fact_direction, hedge_of, judge_hedge

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_ORDINAL_UNITS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
_ORDINAL_TENS = {"twenty": 20, "thirty": 30}
_DOTTED = re.compile(r"^\d{1,4}(?:\.\d{1,4}){1,2}$")
# Words that turn a date into a range: "before June 2" is not "June 2".
_RANGE_WORDS = frozenset({"before", "after", "since", "until", "till", "til", "prior", "following", "between", "by"})
WEEKDAYS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
})


@dataclass(frozen=True, slots=True)
class DateParts:
    """A possibly partial date. ``problem`` is set when the words hold no single readable date."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    problem: str = ""  # "", "several" (more than one date), "ambiguous" (06/02), "none"

    @property
    def ok(self) -> bool:
        return not self.problem

    def label(self) -> str:
        """'2 June 2025', 'June 2', 'March 2022', '2014'."""
        month = MONTH_NAMES[self.month - 1] if self.month else ""
        if self.day and month:
            return f"{self.day} {month} {self.year}" if self.year else f"{month} {self.day}"
        if month:
            return f"{month} {self.year}" if self.year else month
        return str(self.year) if self.year else "no date"


def _ordinals_to_digits(words: list[str]) -> list[str]:
    """'twenty second' -> '22', 'second' -> '2' (only here: elsewhere 'second' is a word)."""
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w in _ORDINAL_TENS and i + 1 < len(words) and _ORDINAL_UNITS.get(words[i + 1], 99) < 10:
            out.append(str(_ORDINAL_TENS[w] + _ORDINAL_UNITS[words[i + 1]]))
            i += 2
            continue
        out.append(str(_ORDINAL_UNITS[w]) if w in _ORDINAL_UNITS else w)
        i += 1
    return out


def _day_month(a: int, b: int) -> tuple[int, int] | None:
    """(day, month) from two bare numbers in either order, when only one order makes sense."""
    if a == b and a <= 12:
        return a, b
    if 12 < a <= 31 and 1 <= b <= 12:
        return a, b
    if 12 < b <= 31 and 1 <= a <= 12:
        return b, a
    return None


def parse_date(words: list[str], order: str = "") -> DateParts:
    """The single date in ``words`` (normalised answer words), or a DateParts with ``problem`` set.

    Words that are not part of a date (weekdays, "on", "in", "of") are ignored; the caller
    decides whether other words matter. All-numeric day and month ("02.06.2025") are read
    in ``order`` (the deck's ``date_order``: "DMY", "MDY" or "YMD"); without one, only when
    just one reading makes sense ("25/12/2024").
    """
    months: list[int] = []
    nums: list[tuple[int, bool]] = []  # (value, written with four digits)
    # "16.05.2025" and "16.05": in a date, dots between digits separate day, month and year.
    words = [part for w in words for part in (w.split(".") if _DOTTED.match(w) else (w,))]
    for w in collapse_numbers(_ordinals_to_digits(words)):
        if w in _MONTHS:
            months.append(_MONTHS[w])
            continue
        v = token_value(w)
        if v is None:
            continue
        if v.denominator != 1 or v < 0:
            return DateParts(problem="none")
        nums.append((int(v), len(str(int(v))) == 4))
    if len(set(months)) > 1:
        return DateParts(problem="several")
    years = [v for v, four in nums if four or v >= 1000]
    small = [v for v, four in nums if not (four or v >= 1000)]
    if len(set(years)) > 1:
        return DateParts(problem="several")
    year = years[0] if years else None
    if months:
        if any(not 1 <= v <= 31 for v in small) or len(set(small)) > 1:
            return DateParts(problem="several")
        return DateParts(year, months[0], small[0] if small else None)
    if not small:
        return DateParts(year) if year else DateParts(problem="none")
    # No month name: ISO "2025 06 02" / "2022 03" (year first), or an unambiguous "25 12 2024".
    values = [v for v, _ in nums]
    if year is not None and values[0] == year and len(small) <= 2:
        month = small[0]
        day = small[1] if len(small) == 2 else None
        if 1 <= month <= 12 and (day is None or 1 <= day <= 31):
            return DateParts(year, month, day)
        return DateParts(problem="none")
    if year is not None and values[-1] == year and len(small) == 1 and 1 <= small[0] <= 12:
        return DateParts(year, small[0])  # "03/2022"
    if len(small) == 2:
        if order:
            day, month = small if order == "DMY" else small[::-1]
            if 1 <= month <= 12 and 1 <= day <= 31:
                return DateParts(year, month, day)
        # Without an order, or when the order's reading is no date, only one reading may
        # make sense: "5/16" in a day-first deck can only be May 16.
        dm = _day_month(small[0], small[1])
        if dm is None and year is None and small[0] in (19, 20) and 10 <= small[1] <= 99:
            return DateParts(small[0] * 100 + small[1])  # a spoken year: "twenty fourteen"
        if dm is None:
            return DateParts(problem="order" if order else "ambiguous")
        return DateParts(year, dm[1], dm[0])
    return DateParts(problem="none")


def expected_date(fact: Fact, order: str = "") -> DateParts | None:
    """The fact's date; a year missing from the canonical answer is taken from an alias.

    "May 16" with an alias "16 May 2025" expects 16 May 2025, so "May 16, 2024" is wrong.
    """
    want = parse_date(tokens(fact.answer), order)
    if not want.ok:
        return None
    if want.year is None and want.month is not None:
        for alias in fact.aliases:
            other = parse_date(tokens(alias), order)
            if other.ok and other.year and (other.month, other.day) == (want.month, want.day):
                return DateParts(other.year, want.month, want.day)
    return want


def judge_date(fact: Fact, want: DateParts, words: list[str], order: str = "") -> Outcome:
    """Dates compare as values: (verdict, rule, explanation) for the normalised ``words``.

    Decisions: the right day and month without a year are accepted (the quiz is about one
    set of articles, so the year is implied), but another year is wrong. A month-and-year
    answer needs both: a year alone, or a month alone, is incorrect; a fuller date in
    that month is accepted. A year answer accepts any fuller date in that year. A range
    ("before June 2") is incorrect; a hedge ("around June 2") follows ``judge_hedge``.
    """
    expected = fact.answer
    got = parse_date(words, order)
    if not got.ok:
        why = {
            "several": f"The answer gives more than one date: expected '{expected}'.",
            "ambiguous": ("Day and month could be read either way, and this deck declares no date order;"
                          " write the month as a word."),
            "order": f"Not a date in this deck's date order ({'-'.join(order)}): expected '{expected}'.",
        }.get(got.problem, f"No date in the answer: expected '{expected}'.")
        return INCORRECT, "date", why
    for part in ("year", "month", "day"):
        mine, theirs = getattr(want, part), getattr(got, part)
        if mine is not None and theirs is not None and mine != theirs:
            return INCORRECT, "date", f"{got.label()} is not {want.label()}: another {part} is another date."
    if (want.month is None and got.month is not None) or (want.day is None and got.day is not None):
        # More precise than the answer: the extra must agree with the fact's own statement
        # ("April 2022" for the year the war began, which the statement gives as February 2022).
        said = parse_date(tokens(fact.statement), order)
        for part in ("month", "day"):
            told, theirs = getattr(said, part), getattr(got, part)
            if said.ok and said.year in (None, want.year) and told is not None and theirs is not None and told != theirs:
                return INCORRECT, "date", f"{got.label()} is not {said.label()}, the date the articles give."
    if want.day is not None and (got.day is None or got.month is None):
        return INCORRECT, "date", f"Not precise enough: expected '{expected}' (a day)."
    if want.month is not None and got.month is None:
        return INCORRECT, "date", f"A year alone is not enough: expected '{expected}'."
    if want.year is not None and want.day is None and got.year is None:
        return INCORRECT, "date", f"The year is missing: expected '{expected}'."
    ranged = next((w for w in words if w in _RANGE_WORDS), "")
    if ranged:
        return INCORRECT, "date", f"'{ranged}' gives a range, not the date: expected '{expected}'."
    forced = judge_hedge(fact, hedge_of(" ".join(words)), fact_direction(fact))
    if forced is not None:
        return forced
    return CORRECT, "date", f"Right date: {want.label()}."
