"""Claim and evidence text as comparable words: roots, numbers and their positions.

A claim and the facts that may bear on it are compared word by word on *roots*:
the search key of a word (folded, plural-stripped, see search tokens) with a light
verb ending strip ("headed" -> "head", "launching" -> "launch") and a few irregular
forms and newsroom synonyms folded together ("led" -> "lead", "sent" -> "send").
Number phrases ("four hundred and seventy-two", "1,000", "1.2 million") become one
word whose root is the value, read by the answer checker's number reader.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from tui.core.checking.numbers import collapse_numbers, token_value
from tui.core.checking.normalize import normalize_answer
from tui.core.search.tokens import STOPWORDS, fold, key, words

# Irregular forms and words news writers swap for one another; each maps to one root.
_SAME = {
    "led": "lead", "head": "lead", "headed": "lead", "heading": "lead",
    "sent": "send", "sends": "send", "sending": "send",
    "said": "say", "says": "say", "told": "say", "stated": "say", "announced": "say", "declared": "say",
    "fired": "launch", "deployed": "deploy", "deploy": "launch",
    "held": "hold", "took": "hold", "taken": "hold", "take": "hold", "sat": "sit", "went": "go", "gone": "go",
    "made": "make", "gave": "give", "given": "give", "met": "meet", "began": "begin", "begun": "begin",
    "negotiation": "talk", "negotiations": "talk", "talks": "talk", "discussions": "talk", "discussion": "talk",
    "swap": "exchange", "swaps": "exchange", "detainees": "prisoner", "detainee": "prisoner",
    "remains": "body", "bodies": "body",
    "biggest": "largest", "defense": "defence", "kilometres": "kilometer", "kilometre": "kilometer",
    "kilometers": "kilometer", "km": "kilometer", "occupy": "control", "occupies": "control",
    "occupying": "control", "occupied": "control", "holds": "control",
    "u.s": "us", "u.s.": "us", "america": "us", "american": "us", "usa": "us",
}
# Words that carry no claim content beyond their grammar.
_FILLER = STOPWORDS | {"also", "again", "would", "could", "might", "may", "must", "shall", "will",
                       "still", "currently", "now", "own", "one", "per", "go", "went", "make", "made", "give",
                       "gave", "get", "got", "come", "came", "put", "little", "slightly", "bit", "roughly",
                       "approximately", "around", "nearly", "almost", "place"} - {"not", "no", "nor", "over", "under",
                                                                          "before", "after", "more", "few", "most",
                                                                          "against", "only", "without"}
_VERB_ED = re.compile(r"^(.{3,}?)(?:ied|ed|ing)$")
NUMBER_PREFIX = "#"
_INITIALS = re.compile(r"\b([A-Z])\.([A-Z])\.")


@lru_cache(maxsize=50_000)
def root(word: str) -> str:
    """The root a word is compared on (see the module doc)."""
    folded = fold(word)
    if folded in _SAME:
        return _SAME[folded]
    base = key(word)
    if base in _SAME:
        return _SAME[base]
    m = _VERB_ED.match(base)
    if m and len(base) > 5:
        stem_ = m.group(1)
        if base.endswith("ied"):
            stem_ += "y"
        elif base.endswith("eed"):
            stem_ = base[:-1]
        base = stem_
    return _SAME.get(base, base)


@dataclass(frozen=True, slots=True)
class Word:
    """One word (or number phrase) of a text: its root, as written, and where it is."""

    root: str
    text: str
    start: int
    end: int

    @property
    def value(self):
        """The number's value (a Fraction) when this word is a number phrase, else None."""
        return token_value(self.root) if self.root.startswith(NUMBER_PREFIX) else None

    @property
    def content(self) -> bool:
        return self.root not in _FILLER and fold(self.text) not in _FILLER


@lru_cache(maxsize=4096)
def read_words(text: str) -> tuple[Word, ...]:
    """The words of ``text`` with number phrases merged into one word each."""
    # "U.S." and "U.K." as one word; the padding keeps every offset where it was.
    text = _INITIALS.sub(lambda m: m.group(1) + m.group(2) + "  ", text)
    raw = list(words(text))
    out: list[Word] = []
    i = 0
    while i < len(raw):
        j = i
        # A run of words that may form one number phrase ("four hundred and seventy two").
        run: list[str] = []
        while j < len(raw):
            norm = normalize_answer(raw[j][0])
            if not norm or (run and not _may_continue(norm)) or (not run and not _may_start(norm)):
                break
            run.append(norm)
            j += 1
        if run:
            collapsed = collapse_numbers(" ".join(run).split())
            if collapsed and collapsed[0].startswith(NUMBER_PREFIX):
                # How many of the run's words the first number phrase used.
                used = _words_used(run, collapsed[0])
                out.append(Word(collapsed[0], text[raw[i][1]:raw[i + used - 1][2]], raw[i][1], raw[i + used - 1][2]))
                i += used
                continue
        word, start, end = raw[i]
        out.append(Word(root(word), word, start, end))
        i += 1
    return tuple(out)


_NUMBER_WORDS = frozenset("""zero one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand million billion trillion and a point""".split())


def _may_start(norm: str) -> bool:
    return norm[0].isdigit() or norm in _NUMBER_WORDS - {"and", "point", "a"}


def _may_continue(norm: str) -> bool:
    return norm in _NUMBER_WORDS or norm[0].isdigit()


def _words_used(run: list[str], first: str) -> int:
    """The length of the shortest prefix of ``run`` that reads as the number ``first``."""
    for n in range(1, len(run) + 1):
        collapsed = collapse_numbers(run[:n])
        if collapsed == [first] and (n == len(run) or collapse_numbers(run[:n + 1])[0] != first):
            return n
    return 1


def same_root(a: str, b: str) -> bool:
    """Equal roots, or one a short extension of the other ("agre"/"agred", "rusia"/"rusian")."""
    if a == b:
        return True
    if a.startswith(NUMBER_PREFIX) or b.startswith(NUMBER_PREFIX):
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 2


class Rarity:
    """How much a root says: inverse document frequency over a deck's fact texts."""

    def __init__(self, documents: Iterable[Iterable[str]]):
        counts: dict[str, int] = {}
        total = 0
        for roots in documents:
            total += 1
            for r in set(roots):
                counts[r] = counts.get(r, 0) + 1
        self._counts = counts
        self._total = max(total, 1)

    def weight(self, root_: str) -> float:
        """Rare words weigh more; a word no fact uses weighs as much as the rarest that one does
        (on a small deck an unknown verb would otherwise outweigh every known word)."""
        n = max(self._counts.get(root_, 0), 1)
        return math.log(1 + (self._total + 1) / (n + 0.5))
