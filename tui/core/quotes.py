"""Finding a quote in a stored article, forgiving only whitespace and typography."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

# Typographic variants an editor or a copy-paste may introduce; nothing else is forgiven.
_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ",
    }
)
_WHITESPACE = re.compile(r"\s+")


def normalize_quote(text: str) -> str:
    """The form quotes are compared in: typography unified, whitespace runs collapsed, trimmed."""
    return _WHITESPACE.sub(" ", text.translate(_TYPOGRAPHY)).strip()


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A source text in normalised form, with a map back to original offsets."""

    text: str
    origin: tuple[int, ...]  # origin[i] = offset in the original of normalised char i
    original_length: int

    @classmethod
    def of(cls, original: str) -> "NormalizedText":
        translated = original.translate(_TYPOGRAPHY)
        chars: list[str] = []
        origin: list[int] = []
        in_space = False
        for index, char in enumerate(translated):
            if char.isspace():
                if in_space:
                    continue
                in_space = True
                chars.append(" ")
            else:
                in_space = False
                chars.append(char)
            origin.append(index)
        return cls("".join(chars), tuple(origin), len(original))

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) back to the original text."""
        return (self.origin[start], self.origin[end - 1] + 1)

    def find(self, quote: str) -> tuple[int, int] | None:
        """The original span of the first occurrence of `quote`, or None."""
        needle = normalize_quote(quote)
        if not needle:
            return None
        at = self.text.find(needle)
        if at < 0:
            return None
        return self.original_span(at, at + len(needle))

    def closest_passage(self, quote: str, original: str) -> tuple[str, float]:
        """The passage of the original that best matches `quote`, widened to whole words, and its score."""
        needle = normalize_quote(quote)
        if not needle or not self.text:
            return ("", 0.0)
        alignment = fuzz.partial_ratio_alignment(needle, self.text)
        if alignment is None:
            return ("", 0.0)
        start, end = alignment.dest_start, alignment.dest_end
        if len(needle) > len(self.text):
            start, end = 0, len(self.text)
        while start > 0 and not self.text[start - 1].isspace():
            start -= 1
        while end < len(self.text) and not self.text[end].isspace():
            end += 1
        if end <= start:
            return ("", 0.0)
        first, last = self.original_span(start, end)
        return (original[first:last], alignment.score)
