"""Money: an amount and its currency, as an answer kind ("$48m" = "48 million dollars").

The amount is judged as a number (strict, no typo tolerance); the currency only has to
agree: "€48m" is not "$48m", while "48 million" alone is accepted for "$48m", because
the question names what is being counted. Currency symbols and words are recognised
here once, for the checker, for drafting facts from articles, and for showing an
answer with its unit only once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.checking.normalize import normalize_answer

# code -> (symbols, words as normalize_answer writes them)
CURRENCIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "USD": (("US$", "$"), ("dollar", "dollars", "usd", "us dollars", "us dollar")),
    "EUR": (("€",), ("euro", "euros", "eur")),
    "GBP": (("£",), ("pound", "pounds", "sterling", "gbp", "pounds sterling")),
    "JPY": (("¥",), ("yen", "jpy")),
    "CHF": ((), ("swiss franc", "swiss francs", "chf")),
}
NAMES = {"USD": "dollars", "EUR": "euros", "GBP": "pounds", "JPY": "yen", "CHF": "Swiss francs"}
SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}

_WORD_CODES = {word: code for code, (_, words) in CURRENCIES.items() for word in words}
_SYMBOL_CODES = {symbol: code for code, (symbols, _) in CURRENCIES.items() for symbol in symbols}
_WORDS = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _WORD_CODES), key=len, reverse=True)) + r")\b")
_SYMBOL = "|".join(sorted(map(re.escape, _SYMBOL_CODES), key=len, reverse=True))
_SCALE = r"(?:\s?(?:bn|mn|m|k|b)\b|\s(?:thousand|million|billion|trillion)\b)?"
_NUMBER_WORDS = (r"(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                 r"thirty|forty|fifty|sixty|seventy|eighty|ninety|a|one hundred|a hundred|hundred)[ -]?)+")
# "$48m", "US$ 1.2 billion", "€12 million", "£1.3 million"
SYMBOL_AMOUNT = re.compile(rf"(?:{_SYMBOL})\s?\d[\d,]*(?:\.\d+)?{_SCALE}")
# "48 million dollars", "11 million dollars", "forty-eight million dollars", "12 million euros"
AMOUNT_WORDS = re.compile(
    rf"(?:\d[\d,]*(?:\.\d+)?|\b{_NUMBER_WORDS})(?:\s(?:thousand|million|billion|trillion))?\s"
    rf"(?:{'|'.join(sorted(map(re.escape, _WORD_CODES), key=len, reverse=True))})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class MoneySpan:
    """An amount of money written in a text, and where."""

    start: int
    end: int
    text: str
    currency: str  # an ISO 4217 code


def money_spans(text: str) -> list[MoneySpan]:
    """Every amount of money in `text` ("$48m", "12 million euros"), in order, not overlapping."""
    found: list[MoneySpan] = []
    for pattern in (SYMBOL_AMOUNT, AMOUNT_WORDS):
        for match in pattern.finditer(text):
            if any(s.start < match.end() and match.start() < s.end for s in found):
                continue
            codes = currencies_in(match.group(0))
            if len(codes) == 1:
                found.append(MoneySpan(match.start(), match.end(), match.group(0), codes.pop()))
    return sorted(found, key=lambda s: s.start)


def currencies_in(text: str) -> set[str]:
    """The currencies `text` names by symbol or word ("$48m" -> {"USD"})."""
    codes = set()
    rest = text
    for symbol in sorted(_SYMBOL_CODES, key=len, reverse=True):
        if symbol in rest:
            codes.add(_SYMBOL_CODES[symbol])
            rest = rest.replace(symbol, " ")
    codes.update(_WORD_CODES[m.group(1)] for m in _WORDS.finditer(normalize_answer(rest)))
    return codes


def without_currency(text: str) -> str:
    """`text` with its currency symbols and words taken out, leaving the amount: "$48m" -> "48m"."""
    for symbol in sorted(_SYMBOL_CODES, key=len, reverse=True):
        text = text.replace(symbol, " ")
    return " ".join(_WORDS.sub(" ", normalize_answer(text)).split())


def wrong_currency(answer_forms: list[str], given: str) -> str | None:
    """Why `given` names the wrong currency for an answer written as `answer_forms`, or None.

    An answer that names no currency is judged on its amount alone.
    """
    expected = set().union(*(currencies_in(form) for form in answer_forms))
    said = currencies_in(given)
    if not said or not expected or said & expected:
        return None
    wanted = ", ".join(NAMES.get(code, code) for code in sorted(expected))
    named = ", ".join(NAMES.get(code, code) for code in sorted(said))
    return f"That amount is in {named}; the answer is in {wanted}: expected '{answer_forms[0]}'."


def money_aliases(text: str) -> list[str]:
    """Other ways of writing the amount `text`: "$48m" -> ["48 million dollars", "$48 million", "48m"]."""
    codes = currencies_in(text)
    amount = without_currency(text)
    if len(codes) != 1 or not amount:
        return []
    code = codes.pop()
    spelled = re.sub(r"(?<=\d)\s?(m|mn)$", " million", amount)
    spelled = re.sub(r"(?<=\d)\s?(bn|b)$", " billion", spelled)
    spelled = re.sub(r"(?<=\d)\s?k$", " thousand", spelled)
    forms = [f"{spelled} {NAMES[code]}"]
    if code in SYMBOLS:
        forms.append(f"{SYMBOLS[code]}{spelled}")
    forms.append(spelled)
    return [form for form in dict.fromkeys(forms) if normalize_answer(form) != normalize_answer(text)]


def answer_with_unit(answer: str, unit: str, kind: str = "") -> str:
    """The answer with its unit shown once: "472 drones", but "$48m", never "$48m dollars"."""
    if not unit:
        return answer
    unit_words = normalize_answer(unit).split()
    answer_words = normalize_answer(answer).split()
    if kind == "money" and (currencies_in(unit) or not unit_words):
        return answer
    if unit_words and " ".join(unit_words) in " ".join(answer_words):
        return answer
    if currencies_in(unit) and currencies_in(unit) <= currencies_in(answer):
        return answer
    return f"{answer} {unit}"
