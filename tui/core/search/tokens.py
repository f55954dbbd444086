"""Words as search compares them: Unicode-folded, accent-free, lightly stemmed.

Both the index and the highlighter go through `words()` and `key()`, so a word
that was indexed is always a word that can be highlighted.

Three forms of a word:
- *fold*: NFKC, casefold, accents stripped, possessive 's dropped, apostrophes
  removed, thousands separators removed from numbers ("1,000" -> "1000").
- *surface*: the fold with doubled letters collapsed ("zelenskyy" -> "zelensky");
  prefix search runs over surfaces, so a half-typed word finds its completions.
- *key*: the surface of the lightly stemmed fold (plural s: "drones" -> "drone");
  postings are keyed on it, so "drone" and "drones" are one term.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterator

# A word: letters/digits (with combining marks), joined by inner apostrophes, or
# by "." / "," between digits ("1,000", "2.5"). Hyphens and other punctuation split.
WORD_PATTERN = _WORD = re.compile(
    r"[^\W_][\w\u0300-\u036f]*(?:(?:['\u2019](?=[^\W_])|(?<=\d)[.,](?=\d))[\w\u0300-\u036f]+)*"
)
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
_DOUBLED = re.compile(r"([^\W\d_])\1+")

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is it its itself just
    me more most my myself no nor not of off on once only or other our ours ourselves out over own
    same she should so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was we were what when where which while who whom
    why will with would you your yours yourself yourselves s t""".split()
)


def words(text: str) -> Iterator[tuple[str, int, int]]:
    """Every word of `text` as (word, start, end), offsets into `text` itself."""
    for match in _WORD.finditer(text):
        yield match.group(), match.start(), match.end()


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Case-, accent- and width-insensitive form of one word; numbers lose thousands separators."""
    folded = unicodedata.normalize("NFKC", word).casefold()
    folded = "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))
    folded = folded.replace("\u2019", "'")
    if _NUMBER.match(folded):
        # "1,000" -> "1000"; a decimal point is kept ("2.5").
        return folded.replace(",", "")
    if folded.endswith("'s"):
        folded = folded[:-2]
    return folded.replace("'", "")


def is_number(folded: str) -> bool:
    """True for a folded numeric word ("472", "1000", "2.5")."""
    return bool(folded) and folded[0].isdigit() and _NUMBER.match(folded) is not None


def stem(folded: str) -> str:
    """Light plural stemming: "drones" -> "drone", "countries" -> "country", "talks" -> "talk"."""
    if len(folded) <= 3 or not folded.endswith("s") or folded[-2].isdigit():
        return folded
    if folded.endswith("ies") and len(folded) > 4:
        return folded[:-3] + "y"
    if folded.endswith("sses"):
        return folded[:-2]
    if folded.endswith(("ss", "us", "is")):
        return folded
    if folded.endswith(("xes", "ches", "shes")):
        return folded[:-2]
    return folded[:-1]


def collapse(folded: str) -> str:
    """Doubled letters as one ("zelenskyy" -> "zelensky"); digits are never collapsed."""
    return _DOUBLED.sub(r"\1", folded)


@lru_cache(maxsize=200_000)
def surface(word: str) -> str:
    """The form prefix search compares: the fold with doubled letters collapsed."""
    folded = fold(word)
    return folded if is_number(folded) else collapse(folded)


@lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """The form postings are keyed on: stemmed, then doubled letters collapsed."""
    folded = fold(word)
    return folded if is_number(folded) else collapse(stem(folded))


def is_stopword(word: str) -> bool:
    """True for function words ("the", "in") that carry no evidence."""
    return fold(word) in STOPWORDS
