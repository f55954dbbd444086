"""Reading a calendar date (day, month, year; any of them may be missing) out of answer words.

Accepts the forms people type: "June 2", "2 June", "June 2nd", "2nd of June",
"the second of June", "June 2, 2025", "2025-06-02", "March 2022", "Mar 2022",
"2022-03", "2014". Purely numeric day/month orders other than ISO are only read when
unambiguous ("25/12/2024"); "06/02" could be either and is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from .numbers import collapse_numbers, token_value

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


def parse_date(words: list[str]) -> DateParts:
    """The single date in ``words`` (normalised answer words), or a DateParts with ``problem`` set.

    Words that are not part of a date (weekdays, "on", "in", "of") are ignored; the caller
    decides whether other words matter.
    """
    months: list[int] = []
    nums: list[tuple[int, bool]] = []  # (value, written with four digits)
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
    if len(small) == 2:
        dm = _day_month(small[0], small[1])
        if dm is None:
            return DateParts(problem="ambiguous")
        return DateParts(year, dm[1], dm[0])
    return DateParts(problem="none")
