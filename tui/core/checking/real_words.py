"""Is a near miss a slip, or another English word? ("underpin" is no slip of "undermine").

A typed word within the typo allowance of an expected word is a slip only when it is not a
word of its own: "stalling" typed as "starting", "declined" as "decided" or "undermine" as
"underpin" says something else, often the opposite. English words come from pyspellchecker's
word-frequency list (MIT), loaded the first time a near miss needs it. Still a slip, even
when it makes a word: a dropped, doubled or swapped letter ("minster" for "minister"), or
another form of the same word ("transparent" for "transparency", "withdrew" for "withdraw").
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["another_word"]

_MIN_COUNT = 1  # every entry: "underpin" is in it only 92 times
_VOWELS = frozenset("aeiouy")
# Endings that make another form of one word: "transparen|cy", "sovereign|ty", "exhibit|ion".
_ENDINGS = tuple(sorted((
    "ations", "ation", "ions", "ion", "ings", "ing", "ed", "es", "s", "ers", "er", "ies", "y", "ly",
    "ally", "al", "ary", "ic", "ical", "ive", "ity", "ty", "ments", "ment", "ness", "ency", "ence",
    "ent", "ant", "ance", "ancy", "en", "n", "e", "ist", "ists", "ism", "ize", "ise", "ised", "ized",
), key=len, reverse=True))


@lru_cache(maxsize=1)
def _counts() -> object:
    from spellchecker import SpellChecker  # a 0.3 s load: only once a near miss is weighed

    return SpellChecker(language="en", distance=1).word_frequency


def _is_english(word: str) -> bool:
    return _counts()[word] >= _MIN_COUNT


def _stems(word: str) -> set[str]:
    found = {word}
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            found.add(word[: -len(ending)])
    return found


def _one_letter_slip(typed: str, key: str) -> bool:
    """A letter dropped or doubled, or two neighbours swapped: a slip of the fingers."""
    if len(typed) == len(key) - 1:
        return any(key[:i] + key[i + 1:] == typed for i in range(len(key)))
    if len(typed) == len(key) + 1:
        return any(typed[:i] + typed[i + 1:] == key and typed[i] in typed[max(i - 1, 0):i] + typed[i + 1:i + 2]
                   for i in range(len(typed)))
    if len(typed) == len(key):
        diff = [i for i in range(len(key)) if key[i] != typed[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 and key[diff[0]] == typed[diff[1]] and key[diff[1]] == typed[diff[0]]
    return False


def _vowel_ending(typed: str, key: str) -> bool:
    """Another vowel near the end only, as a past tense makes ("withdrew" for "withdraw");
    not earlier ("throat" for "threat", "conform" for "confirm" are other words)."""
    consonants = [("".join(ch for ch in w if ch not in _VOWELS)) for w in (typed, key)]
    same = next((i for i, (a, b) in enumerate(zip(typed, key)) if a != b), min(len(typed), len(key)))
    return consonants[0] == consonants[1] and same >= len(key) - 2


@lru_cache(maxsize=8192)
def another_word(typed: str, key: str) -> bool:
    """Whether ``typed``, a near miss of ``key``, is an English word of its own rather than a slip."""
    if not typed.isalpha() or not key.isalpha() or _one_letter_slip(typed, key):
        return False
    if _stems(typed) & _stems(key) or _vowel_ending(typed, key):
        return False  # another form of the word: "transparent", "withdrew" for "withdraw"
    return _is_english(typed)
