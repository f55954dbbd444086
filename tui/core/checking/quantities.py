"""Judging number, percent and duration answers: strict values, units, hedges.

A reader is built once per fact from its canonical answer and aliases; ``judge``
returns ``(verdict, rule, explanation)`` for one typed answer. No typo tolerance:
427 is not 472, whatever the edit distance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from tui.core.deck.model import Fact
from tui.core.checking.matching import CLOSE, CORRECT, INCORRECT, STOPWORDS
from tui.core.checking.normalize import normalize_answer, stem
from tui.core.checking.numbers import collapse_numbers, format_value, is_number_token, mark, token_value

Outcome = tuple[str, str, str]

# Hedges by what they claim about the true figure. Longest alternatives first, so
# "just over" wins over "over".
_APPROXIMATORS = (
    "in the region of", "approximately", "approximate", "close to", "estimated", "roughly",
    "around", "approx", "circa", "about", "some", "ca", "maybe", "perhaps", "probably",
)
_ABOVE = (  # the figure is at least this
    "in excess of", "upwards of", "more than", "at least", "north of", "above", "over",
)
_BELOW = (  # the figure is at most this
    "fewer than", "less than", "at most", "towards", "toward", "nearly", "almost", "under",
    "below", "up to",
)
_HEDGE_DIRECTION = {
    **{h: "about" for h in _APPROXIMATORS}, **{h: "above" for h in _ABOVE},
    **{h: "below" for h in _BELOW},
}
_HEDGE = re.compile(
    r"\b(?:(?:just|a little|little|slightly|a bit|bit|well) )?("
    + "|".join(sorted(_HEDGE_DIRECTION, key=len, reverse=True))
    + r")\b"
)
_SYMBOL_HEDGES = ((re.compile(r"[~≈]"), " about "), (re.compile(r"(?<=\d)\s*\+"), " over "),
                  (re.compile(r">=?|≥"), " over "), (re.compile(r"<=?|≤"), " under "))
# Harmless words around a number ("1,000 each", "472 in total").
_NUMBER_FILLER = frozenset({"each", "total", "altogether", "overall", "exactly", "precisely", "only", "all"})
_FRACTIONS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
    "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10,
}
# "1.000" or "113.100" (a lone dot group, not "1.2" nor "1.000 million"): only read this
# way when the fact's figure is a whole number of at least a thousand.
_DOT_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]|\s*(?:thousand|million|billion|m|bn|k)\b)")
_SLASH_FRACTION = re.compile(r"(?<![\d/.])(\d{1,3})\s*/\s*(\d{1,3})(?![\d/])")
# A sign before a figure, not a hyphen inside a word or a range ("30-day", "1,000-2,000").
_SIGN = re.compile(r"(?<![\w.,])([-+\u2212\u2013])\s*\d")
PERCENT_WORDS = frozenset({"percent", "per", "cent", "pct", "pc", "percentage", "percentage point"})
# What a unit may also be written as ("113,100 square kilometres" for "113,100 km²").
_UNIT_SPELLINGS = {
    "km2": ("square", "sq", "km", "kilometre", "kilometer", "kms"),
    "km": ("kilometre", "kilometer", "kms"),
    "m2": ("square", "sq", "metre", "meter"),
    "usd": ("dollar", "us", "$"),
}
_DURATIONS = {  # stemmed unit word -> (family, size); families never convert into each other
    "second": ("s", 1), "sec": ("s", 1), "minute": ("s", 60), "min": ("s", 60),
    "hour": ("s", 3600), "hr": ("s", 3600), "day": ("s", 86400), "week": ("s", 604800),
    "wk": ("s", 604800), "fortnight": ("s", 1209600), "month": ("m", 1), "year": ("m", 12),
    "yr": ("m", 12), "decade": ("m", 120),
}


def hedge_of(norm: str) -> str:
    """The first hedge ("about", "more than", ...) in a normalised answer, or ''."""
    m = _HEDGE.search(norm)
    return m.group(0) if m else ""


def hedge_direction(hedge: str) -> str:
    """'about', 'above' or 'below' for a hedge found by ``hedge_of``; '' for none."""
    m = _HEDGE.fullmatch(hedge) if hedge else None
    return _HEDGE_DIRECTION.get(m.group(1), "") if m else ""


def fact_direction(fact: Fact) -> str:
    """Which way the fact's own forms hedge ("over three years": 'above'), or ''."""
    found = {hedge_direction(hedge_of(normalize_answer(t))) for t in (fact.answer, *fact.aliases)}
    found.discard("")
    found.discard("about")
    return found.pop() if len(found) == 1 else ""


def judge_hedge(fact: Fact, hedge: str, direction: str) -> Outcome | None:
    """The verdict a hedge forces on an otherwise right value, or None when it is harmless.

    Decision: on an approximate fact every hedge is accepted, unless it points the other
    way from the fact's own ("under three years" for "over three years"). On an exact fact,
    "about 472" shows the right figure with needless doubt: accepted; a bound
    ("over 472", "nearly 472") says the figure is something else: ``incorrect``.
    """
    if not hedge:
        return None
    said = hedge_direction(hedge)
    if fact.approximate:
        if said in ("above", "below") and direction and said != direction:
            return INCORRECT, "hedge", f"'{hedge}' points the wrong way: expected '{fact.answer}'."
        return CORRECT, "hedge", f"Accepted: the figure is itself approximate ('{fact.answer}')."
    if said == "about":  # the right figure, needlessly hedged: right (a figure is never "close")
        return CORRECT, "hedge", f"Accepted, though no '{hedge}' is needed: it is exactly '{fact.answer}'."
    return INCORRECT, "hedge", f"'{hedge}' says it is another figure; it is exactly '{fact.answer}'."


def _words(text: str) -> tuple[list[str], str]:
    """Collapsed words of ``text`` with hedges removed, and the first hedge found."""
    for pattern, replacement in _SYMBOL_HEDGES:
        text = pattern.sub(replacement, text)
    norm = normalize_answer(text)
    hedge = hedge_of(norm)
    if hedge:
        norm = _HEDGE.sub(" ", norm)
    return collapse_numbers(norm.split()), hedge


def _unit_words(fact: Fact, texts: list[str]) -> frozenset[str]:
    words = set()
    for text in (fact.unit, *texts):
        for w in normalize_answer(text).split():
            words.add(stem(w))
            words.update(_UNIT_SPELLINGS.get(w, ()))
    return frozenset(words)


def _stray_words(words: list[str], allowed: frozenset[str], context: frozenset[str]) -> list[str]:
    """Words that are neither numbers, filler, the unit, nor words of the question."""
    return [
        w for w in words
        if not is_number_token(w) and w not in STOPWORDS and w not in _NUMBER_FILLER
        and stem(w) not in allowed and stem(w) not in context
    ]


def _finish(fact: Fact, hedge: str, stray: list[str], good: Outcome) -> Outcome:
    """The shared tail: stray words, then hedges, then the value's own verdict."""
    if stray:
        return INCORRECT, "mismatch", f"'{stray[0]}' is not part of the answer: expected '{fact.answer}'."
    forced = judge_hedge(fact, hedge, fact_direction(fact))
    if forced is None or (good[0] == CLOSE and forced[0] == CORRECT):
        return good
    return forced


def _fractions_as_percent(words: list[str]) -> list[str]:
    """'a fifth' / 'one fifth' -> '#20', 'two thirds' -> '#200/3': fractions read as percentages."""
    out: list[str] = []
    for w in words:
        denominator = _FRACTIONS.get(w)
        if denominator is None:
            out.append(w)
            continue
        numerator = Fraction(1)
        if out and out[-1] == "a":
            out.pop()
        elif out and is_number_token(out[-1]):
            numerator = token_value(out.pop()) or Fraction(0)
        out.append(mark(numerator * 100 / denominator))
    return out


def _read(text: str, percent: bool) -> tuple[list[str], str]:
    shares: list[str] = []
    if percent:  # "1/5" is 20 (%); read before normalising turns the slash into a space
        shares = [mark(Fraction(int(a), int(b)) * 100) for a, b in _SLASH_FRACTION.findall(text) if int(b)]
        text = _SLASH_FRACTION.sub(" ", text)
    words, hedge = _words(text)
    if percent:
        words = [w for w in _fractions_as_percent(words) if w not in PERCENT_WORDS] + shares
    return words, hedge


def _undo_dot_grouping(given: str) -> str:
    """'1.000' -> '1000': a dot between thousands groups, as many languages write it."""
    return _DOT_GROUPS.sub(lambda m: m.group(0).replace(".", ""), given)


@dataclass(frozen=True, slots=True)
class NumberReader:
    """Strict number and percent judging for one fact."""

    fact: Fact
    values: frozenset[Fraction]
    allowed: frozenset[str]
    dot_grouped: bool  # whether "1.000" may mean 1000 here
    percent: bool  # whether fractions read as percentages and "percent" words are dropped

    @property
    def ok(self) -> bool:
        return bool(self.values)

    @classmethod
    def of(cls, fact: Fact, texts: list[str], percent: bool) -> "NumberReader":
        """The reader for ``fact``, whose accepted forms are ``texts``."""
        values = set()
        for text in texts:
            found = {token_value(w) for w in _read(text, percent)[0] if is_number_token(w)}
            if len(found) == 1:
                values |= found
        dot_grouped = bool(values) and all(v.denominator == 1 and v >= 1000 for v in values)
        return cls(fact, frozenset(values), _unit_words(fact, texts), dot_grouped, percent)

    def judge(self, given: str, context: frozenset[str], question_numbers: frozenset[Fraction]) -> Outcome:
        """Exactly one number, equal to the answer (or within tolerance), plus harmless words."""
        fact = self.fact
        words, hedge = _read(_undo_dot_grouping(given) if self.dot_grouped else given, self.percent)
        # Numbers the question itself mentions may be echoed back; others compete.
        typed = [token_value(w) for w in words if is_number_token(w)]
        candidates = list(dict.fromkeys(v for v in typed if v in self.values or v not in question_numbers))
        want = format_value(min(self.values))
        if not candidates:
            return INCORRECT, "number", f"No number in the answer: expected '{fact.answer}'."
        if len(candidates) > 1:
            shown = ", ".join(format_value(v) for v in candidates)
            return INCORRECT, "number", f"The answer gives several numbers ({shown}): expected '{fact.answer}'."
        value = candidates[0]
        if (self.percent and value < 1 and value not in self.values and not _says_percent(given)
                and self._accepts(value * 100)):
            value *= 100  # "0.2" for 20%: a share written as a decimal
        good: Outcome = (CORRECT, "number", f"Right: {fact.answer}.")
        if value not in self.values:
            tolerance = Fraction(str(fact.tolerance)) if fact.tolerance else Fraction(0)
            if any(abs(value - v) <= tolerance for v in self.values):
                good = (CORRECT, "number", f"Accepted: {format_value(value)} is within {format_value(tolerance)} of {want}.")
            elif fact.approximate and any(_is_rounding(v, value) for v in self.values):
                good = (CORRECT, "number", f"Accepted: {format_value(value)} rounds the approximate {want}.")
            elif tolerance:
                return INCORRECT, "number", f"{format_value(value)} is more than {format_value(tolerance)} away from {want}."
            else:
                return INCORRECT, "number", f"{format_value(value)} is not {want}: numbers must be exact."
        return _finish(fact, hedge, _stray_words(words, self.allowed, context), good)

    def _accepts(self, value: Fraction) -> bool:
        """Whether ``value`` is an accepted value, within tolerance of one, or (approximate facts) a rounding of one."""
        tolerance = Fraction(str(self.fact.tolerance)) if self.fact.tolerance else Fraction(0)
        return any(abs(value - v) <= tolerance or (self.fact.approximate and _is_rounding(v, value)) for v in self.values)


def signed(given: str) -> str:
    """The sign written before a figure ("-1000", "+472"), or '': a count has no sign."""
    m = _SIGN.search(given)
    return m.group(1) if m else ""


def _says_percent(given: str) -> bool:
    return not PERCENT_WORDS.isdisjoint(normalize_answer(given).split())


def _is_rounding(exact: Fraction, given: Fraction) -> bool:
    """Whether ``given`` is ``exact`` rounded to two or more significant digits (113,000 or
    110,000 for 113,100; never 100,000): what "about" means on an approximate figure."""
    if exact <= 0 or given <= 0 or given == exact or exact.denominator != 1:
        return False
    digits = len(str(exact.numerator))
    for significant in range(2, digits):
        step = Fraction(10) ** (digits - significant)
        if round(exact / step) * step == given:
            return True
    return False


def _duration(words: list[str]) -> tuple[tuple[str, Fraction] | None, list[Fraction], bool]:
    """(family and total size, bare numbers, whether units of two families were mixed)."""
    total: dict[str, Fraction] = {}
    bare: list[Fraction] = []
    pending: Fraction | None = None
    for w in words:
        value = token_value(w)
        if value is not None:
            if pending is not None:
                bare.append(pending)
            pending = value
            continue
        unit = _DURATIONS.get(stem(w))
        if unit is None:
            continue
        family, size = unit
        total[family] = total.get(family, Fraction(0)) + (pending if pending is not None else 1) * size
        pending = None
    if pending is not None:
        bare.append(pending)
    if len(total) != 1:
        return None, bare, len(total) > 1
    family, size = next(iter(total.items()))
    return (family, size), bare, False


@dataclass(frozen=True, slots=True)
class DurationReader:
    """Durations compare as lengths: "two weeks" = "2 weeks" = "14 days" = "a fortnight"."""

    fact: Fact
    length: tuple[str, Fraction] | None  # the canonical answer's
    lengths: frozenset[tuple[str, Fraction]]  # of every accepted form ("30 days", "a month")
    amount: Fraction | None  # the number written in the canonical answer, for unit-less answers
    allowed: frozenset[str]

    @property
    def ok(self) -> bool:
        return self.length is not None

    @classmethod
    def of(cls, fact: Fact, texts: list[str]) -> "DurationReader":
        """The reader for ``fact``, whose accepted forms are ``texts`` (canonical first)."""
        unit_words = _words(fact.unit)[0] if fact.unit else []
        lengths = []
        for text in texts or [fact.answer]:
            words = _words(text)[0]
            length, _, _ = _duration(words)
            if length is None and unit_words:
                length, _, _ = _duration(words + unit_words)
            lengths.append(length)
        numbers = [token_value(w) for w in _words(fact.answer)[0] if is_number_token(w)]
        amount = numbers[0] if len(numbers) == 1 else None
        found = frozenset(length for length in lengths if length is not None)
        return cls(fact, lengths[0], found, amount, _unit_words(fact, texts) | frozenset(_DURATIONS))

    def judge(self, given: str, context: frozenset[str]) -> Outcome:
        """Same length of time (units converted within days/weeks or months/years), nothing else."""
        fact = self.fact
        words, hedge = _words(given)
        length, bare, mixed = _duration(words)
        stray = _stray_words(words, self.allowed, context)
        if mixed:
            return INCORRECT, "duration", f"Days and months don't convert exactly: expected '{fact.answer}'."
        if length is not None and not bare:
            if length not in self.lengths:
                return INCORRECT, "duration", f"That is another length of time: expected '{fact.answer}'."
            return _finish(fact, hedge, stray, (CORRECT, "duration", f"Right: {fact.answer}."))
        if length is None and len(bare) == 1 and self.amount is not None:
            if bare[0] != self.amount:
                return INCORRECT, "duration", f"{format_value(bare[0])} is not {format_value(self.amount)}: expected '{fact.answer}'."
            if fact.unit:  # the question names the unit, so a bare number is a full answer
                return _finish(fact, hedge, stray, (CORRECT, "duration", f"Right: {fact.answer}."))
            return INCORRECT, "duration", f"Give the unit: {format_value(bare[0])} what? Expected '{fact.answer}'."
        if bare:
            return INCORRECT, "duration", f"The answer gives several numbers: expected '{fact.answer}'."
        return INCORRECT, "duration", f"No length of time in the answer: expected '{fact.answer}'."
