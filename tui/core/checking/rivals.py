"""Parts of an answer that name someone or something else: a distractor typed word for word,
a name's possessive ("Putin's aide"), and a contrast ("Istanbul, not Ankara")."""

from __future__ import annotations

import re

from tui.core.checking.matching import STOPWORDS

__all__ = ["CONTRAST", "distractor_typed", "owner_of_another"]

# "X, not Y", "X and not Y", "X rather than Y", "X instead of Y", "X (not Y)": the answer, then
# what it is not.
CONTRAST = re.compile(
    r"^(?P<head>.+?)(?:\s*,\s*(?:and\s+|but\s+)?not|\s+(?:and|but)\s+not|\s+rather\s+than|\s+instead\s+of|\s*\(\s*not)"
    r"\s+(?P<tail>[^()]+?)\s*\)?\s*[.!]?\s*$",
    re.IGNORECASE | re.DOTALL,
)


def distractor_typed(
    distractors: tuple[tuple[tuple[str, ...], str], ...], form_words: tuple[str, ...], typed: list[str],
) -> str | None:
    """A distractor typed word for word besides the accepted form's own words, or None."""
    if not distractors:
        return None
    rest = [w for w in typed if w not in ("a", "an", "the")]
    own = [w for w in form_words if w not in ("a", "an", "the")]
    for i in range(len(rest) - len(own) + 1):
        if rest[i:i + len(own)] == own:
            rest[i:i + len(own)] = ["|"]  # the form's own words are no distractor's
            break
    for words, text in distractors:
        size = len(words)
        if any(tuple(rest[i:i + size]) == words for i in range(len(rest) - size + 1)):
            return text
    return None


def owner_of_another(form_words: tuple[str, ...], typed: list[str]) -> str:
    """The name whose possessive ("putins", as normalising leaves "Putin's") is followed by
    another word ("Putin's aide"), or ''."""
    for word, following in zip(typed, typed[1:]):
        if word.endswith("s") and word[:-1] in form_words and following not in STOPWORDS:
            return word[:-1].title()
    return ""
