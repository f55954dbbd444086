"""Text normalisation shared by the answer checker, search and the quiz.

Pure functions over strings; no Textual, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

# Typographic variants a keyboard cannot be blamed for: every quote becomes ' and every dash -.
_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u00b4\u0060\u02bc\u02bb\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a\""
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"
_UNIFY = str.maketrans({**{q: "'" for q in _QUOTES}, **{d: "-" for d in _DASHES}})

# Letters that carry no combining mark, so accent stripping alone would keep them apart.
_LATIN = str.maketrans({
    "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h",
})

_ARTICLES = frozenset({"the", "a", "an"})

# Vulgar fractions as decimals, so "1½ million" is 1.5 million (NFKC would make "11⁄2").
_VULGAR = {"½": ".5", "¼": ".25", "¾": ".75", "⅕": ".2", "⅖": ".4", "⅗": ".6", "⅘": ".8",
           "⅛": ".125", "⅜": ".375", "⅝": ".625", "⅞": ".875", "⅒": ".1"}
_VULGAR_FRACTION = re.compile(r"(\d*)\s?([" + "".join(_VULGAR) + "])")
_LEADING_POINT = re.compile(r"(?<![\w.])\.(?=\d)")  # ".2" is 0.2
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")

# "1,000" but not "1,000.5" nor "1,0000"; a full stop after the number is fine ("1,000.").
_DIGIT_GROUPS = re.compile(r"(?<![\d.])\d{1,3}(?:[,\u00a0\u202f\u2009 ]\d{3})+(?!\d|\.\d|,\d)")
# A decimal comma before a scale word ("1,2 million", as much of Europe writes 1.2 million).
_DECIMAL_COMMA = re.compile(r"(?<![\d,.])(\d{1,3}),(\d{1,2})(?=\s*(?:million|billion|thousand|mln|bn|m|k)\b)")
# Control and format characters (NUL, escapes, zero-width and direction marks) separate words.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
_GROUP_SEP = re.compile(r"[,\u00a0\u202f\u2009 ]")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)|'")
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
_NON_WORD = re.compile(r"[^\w.\x00]+|_")
_STRAY_DOT = re.compile(r"\.")
_PLACEHOLDER = "\x00"


def fold(text: str) -> str:
    """NFKC, unified quotes and dashes, casefolded, accents stripped; punctuation is kept."""
    text = unicodedata.normalize("NFKC", text).translate(_UNIFY).casefold()
    # NFKD splits "é" into "e" + a combining mark; dropping the marks strips the accent
    # (and the dot that casefolding leaves on "İ").
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return text.translate(_LATIN)


def _transliterate(text: str) -> str:
    """Letters of other scripts in Latin letters ("Умеров" -> "Umerov"); Latin letters (their
    accents are folded later), digits, symbols and emoji are left as they are."""
    return "".join(
        anyascii(ch) if ch.isalpha() and not unicodedata.name(ch, "LATIN").startswith("LATIN") else ch
        for ch in text
    )


def _join_digit_groups(match: re.Match[str]) -> str:
    return _GROUP_SEP.sub("", match.group(0))


@lru_cache(maxsize=8192)
def normalize_answer(text: str) -> str:
    """The canonical comparable form of an answer.

    Promises: Unicode NFKC, casefolded, accents stripped (``İstanbul`` -> ``istanbul``,
    ``Napoléon`` -> ``napoleon``), quotes and dashes unified then dropped with all other
    punctuation, digit groups joined (``1,000`` = ``1 000`` = ``1000``), ``%`` read as
    ``percent`` and ``&`` as ``and``, leading articles dropped, whitespace collapsed.
    A decimal point between digits is kept (``1.2``; ``.2`` is ``0.2``); vulgar fractions
    are decimals (``1½`` -> ``1.5``); other scripts are transliterated with anyascii
    (``Умеров`` -> ``umerov``). Never raises.
    """
    text = _VULGAR_FRACTION.sub(lambda m: (m.group(1) or "0") + _VULGAR[m.group(2)], text)
    if _NOT_ASCII.search(text):
        text = _transliterate(unicodedata.normalize("NFKC", text))
    text = fold(_CONTROL.sub(" ", text))
    text = _LEADING_POINT.sub("0.", text)
    text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    text = _DIGIT_GROUPS.sub(_join_digit_groups, text)
    text = text.replace("%", " percent ").replace("&", " and ")
    # "Kyiv's" -> "kyivs": an apostrophe joins, it does not separate.
    text = _APOSTROPHE.sub("", text)
    text = _DECIMAL_POINT.sub(_PLACEHOLDER, text)
    text = _NON_WORD.sub(" ", text)
    # Other dots join ("U.S." -> "us"); a dot before a space already has its space.
    text = _STRAY_DOT.sub("", text).replace(_PLACEHOLDER, ".")
    words = text.split()
    while len(words) > 1 and words[0] in _ARTICLES:
        words.pop(0)
    return " ".join(words)


def tokens(text: str) -> list[str]:
    """The words of ``normalize_answer(text)``."""
    return normalize_answer(text).split()


def stem(word: str) -> str:
    """A light plural strip so 'points' meets 'point' and 'drones' meets 'drone'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss") and not word[-2].isdigit():
        return word[:-1]
    return word
