"""Reading numbers out of normalised answer words: digits, number words and scale words.

Works on the word list of ``normalize_answer`` (digit groups already joined, hyphens
already spaces), and replaces each number phrase by one token ``#<value>``, so that
"four hundred and seventy two", "472" and "472.0" all become ``#472`` and
"1.2 million" becomes ``#1200000``. Values are exact ``Fraction``s: no float rounding.
"""

from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache

from tui.core.checking.edits import edit_distance

NUMBER_MARK = "#"

_UNITS = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {
    "thousand": 10**3, "million": 10**6, "mln": 10**6, "mn": 10**6, "billion": 10**9,
    "bn": 10**9, "trillion": 10**12, "tn": 10**12,
}
_SPELLED_SCALES = ("thousand", "million", "billion", "trillion")
_SUFFIXES = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9, "tn": 10**12}

# Longer digit strings are kept as words: Fraction() of thousands of digits is slow
# (and int() refuses more than 4300), and no deck answer is that long.
_MAX_DIGITS = 40
_DIGITS = re.compile(r"^\d+(?:\.\d+)?$")
_SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|mln|b|bn|tn)$")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_PLURAL = re.compile(r"^(\d{1,3})s$")  # "under-25s": the 25s are those under 25 (not "1990s")


def format_value(value: Fraction) -> str:
    """How a number is written back to a person: '472', '1,200,000', '2014', '1.25'."""
    if value.denominator == 1:
        n = value.numerator
        # Four-digit figures read as years or counts alike, and "2,014" would look wrong.
        return str(n) if abs(n) < 10_000 else f"{n:,}"
    return f"{float(value):,.6g}" if abs(value) >= 10_000 else f"{float(value):.6g}"


def mark(value: Fraction) -> str:
    """The token that stands for ``value``; equal values give equal tokens."""
    if value.denominator == 1:
        return f"{NUMBER_MARK}{value.numerator}"
    return f"{NUMBER_MARK}{value.numerator}/{value.denominator}"


def is_number_token(word: str) -> bool:
    return word.startswith(NUMBER_MARK)


def token_value(word: str) -> Fraction | None:
    """The value of a ``#...`` token, or None for anything else."""
    if not word.startswith(NUMBER_MARK):
        return None
    try:
        return Fraction(word[1:])
    except (ValueError, ZeroDivisionError):
        return None


def _digit_value(word: str) -> Fraction | None:
    if len(word) > _MAX_DIGITS:
        return None
    if _DIGITS.match(word):
        return Fraction(word)
    m = _SUFFIXED.match(word)
    if m:
        return Fraction(m.group(1)) * _SUFFIXES[m.group(2)]
    m = _ORDINAL.match(word) or _PLURAL.match(word)
    if m:
        return Fraction(int(m.group(1)))
    return None


@lru_cache(maxsize=4096)
def _scale_word(word: str) -> str:
    """A scale word, allowing one slip in a spelled-out one ("milion", "thousnad"), else ''."""
    if word in _SCALES:
        return word
    if len(word) >= 6 and word.isalpha():
        for scale in _SPELLED_SCALES:
            # "thousands" and "millions" are vague amounts, not slips of a figure.
            if word != scale + "s" and edit_distance(word, scale, 1) <= 1:
                return scale
    return ""


def _read_words(words: list[str], i: int) -> tuple[Fraction, int] | None:
    """Read a spelled-out number starting at ``words[i]``; return (value, next index)."""
    total = 0
    current = 0
    last = ""  # kind of the previous word: "unit", "teen", "tens", "hundred", "scale"
    j = i
    n = len(words)
    while j < n:
        w = words[j]
        if w in _UNITS:
            v = _UNITS[w]
            kind = "unit" if 0 < v < 10 else "teen"
            # "one two" is two numbers; "twenty two" and "hundred two" are one.
            if last in ("unit", "teen") or (last == "tens" and kind == "teen"):
                break
            current += v
            last = kind
        elif w in _TENS:
            if last in ("unit", "teen", "tens"):
                break
            current += _TENS[w]
            last = "tens"
        elif w == "hundred":
            if last in ("hundred", "") and j != i:
                break
            current = (current or 1) * 100
            last = "hundred"
        elif _scale_word(w) and not (w in ("mn", "bn", "tn") and j == i):
            total += (current or 1) * _SCALES[_scale_word(w)]
            current = 0
            last = "scale"
        elif w == "and" and last in ("hundred", "scale") and j + 1 < n and (
            words[j + 1] in _UNITS or words[j + 1] in _TENS
        ):
            j += 1
            continue
        elif w == "a" and j == i and j + 1 < n and (words[j + 1] == "hundred" or _scale_word(words[j + 1])):
            j += 1
            continue
        else:
            break
        j += 1
    if j == i or last == "":
        return None
    return Fraction(total + current), j


def _decimal_tail(words: list[str], i: int, value: Fraction) -> tuple[Fraction, int]:
    """'one point two' -> 1.2: digits spoken after 'point' are decimals of ``value``."""
    j = i + 1
    digits = ""
    while j < len(words) and words[j] in _UNITS and _UNITS[words[j]] < 10:
        digits += str(_UNITS[words[j]])
        j += 1
    if i >= len(words) or words[i] != "point" or not digits or value.denominator != 1:
        return value, i
    return value + Fraction(int(digits), 10 ** len(digits)), j


def collapse_numbers(words: list[str]) -> list[str]:
    """Replace every number phrase in ``words`` by its ``#value`` token; other words pass through."""
    out: list[str] = []
    i = 0
    n = len(words)
    while i < n:
        value = _digit_value(words[i])
        if value is not None:
            i += 1
        else:
            read = _read_words(words, i)
            if read is None:
                out.append(words[i])
                i += 1
                continue
            value, i = read
        value, i = _decimal_tail(words, i, value)
        # "1.2 million", "300 thousand": a scale word right after digits multiplies them.
        if i < n and (_scale_word(words[i]) or words[i] == "hundred"):
            value *= _SCALES.get(_scale_word(words[i]), 100)
            i += 1
        out.append(mark(value))
    return out


def numbers_in(words: list[str]) -> list[Fraction]:
    """Values of the ``#`` tokens in an already collapsed word list, in order."""
    values = []
    for w in words:
        v = token_value(w)
        if v is not None:
            values.append(v)
    return values
