"""Finding a quote in a stored article, forgiving only whitespace and typography.

A quote must start and end where the article's words do: "72 drones" is not a
quote of "472 drones". Accents match whether written composed or decomposed
(Unicode NFC or NFD), so an editor's normal form never breaks a quote; the span
is always of the article's own characters.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable, Mapping

# Typographic variants an editor or a copy-paste may introduce; nothing else is forgiven.
# Every mapping is one character to one, so translating keeps offsets.
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
_TYPOGRAPHIC = tuple((chr(code), plain) for code, plain in _TYPOGRAPHY.items())
# Every character str.isspace() (and so regex \s and str.split()) counts as whitespace.
_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + (
    "\u2028\u2029\u202f\u205f\u3000")
_ASCII_SPACES = tuple(c for c in _SPACES if c.isascii())


def _replace_each(text: str, pairs: Iterable[tuple[str, str]]) -> str:
    # One C-level scan per character that is present beats translate(), which looks up every character.
    for char, plain in pairs:
        if char in text:
            text = text.replace(char, plain)
    return text


def unify_typography(text: str) -> str:
    """Typographic quotes, dashes and spaces as their plain forms (offsets unchanged)."""
    if text.isascii():
        return text.replace("`", "'") if "`" in text else text
    return _replace_each(text, _TYPOGRAPHIC)


def _flatten(text: str) -> str:
    """Every whitespace character as a space (offsets unchanged)."""
    spaces = _ASCII_SPACES if text.isascii() else _SPACES
    return _replace_each(text, ((char, " ") for char in spaces))


def _in_word(char: str) -> bool:
    return char.isalnum() or unicodedata.combining(char) > 0


def normalize_quote(text: str) -> str:
    """The form quotes are compared in: typography unified, whitespace runs collapsed, trimmed."""
    return " ".join(unify_typography(text).split())


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A source text in normalised form, with a map back to original offsets.

    Only whitespace runs change length, so the map is one entry per run (kept
    sorted): after normalised offset `breaks[i]`, original offsets are ahead by
    `shifts[i]`. Building it is a couple of C-level passes over the text, and a
    source is normalised once however many quotes cite it.
    """

    text: str
    breaks: tuple[int, ...]  # normalised offset just after each collapsed run
    shifts: tuple[int, ...]  # cumulative characters dropped up to that run
    original_length: int

    @classmethod
    def of(cls, original: str) -> "NormalizedText":
        flat = _flatten(unify_typography(original))
        pieces: list[str] = []
        breaks: list[int] = []
        shifts: list[int] = []
        dropped = copied = 0
        run = flat.find("  ")
        while run >= 0:  # once per run of spaces (a paragraph break), not per character
            end = run + 2
            while end < len(flat) and flat[end] == " ":
                end += 1
            pieces.append(flat[copied:run + 1])
            copied = end
            dropped += end - run - 1
            breaks.append(end - dropped)
            shifts.append(dropped)
            run = flat.find("  ", end)
        pieces.append(flat[copied:])
        return cls("".join(pieces), tuple(breaks), tuple(shifts), len(original))

    def _original(self, offset: int) -> int:
        at = bisect_right(self.breaks, offset)
        return offset + (self.shifts[at - 1] if at else 0)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) back to the original text."""
        return (self._original(start), self._original(end - 1) + 1)

    def find(self, quote: str) -> tuple[int, int] | None:
        """The original span of the first occurrence of `quote`, or None."""
        # Most quotes are written in normal form already, so first look for the quote as it
        # is: the normalised text holds no whitespace but single spaces and none of the
        # characters normalising replaces, so a quote found there that neither starts nor
        # ends with a space is its own normal form, and this is the same first occurrence.
        # (ASCII only: a typographic quote would miss, and cost a second search.)
        needle = quote
        at = -1
        if quote.isascii() and quote and quote[0] != " " and quote[-1] != " ":
            at = self._find_words(quote)
        if at < 0:
            needle = normalize_quote(quote)
            if not needle:
                return None
            at = self._find_words(needle)
            if at < 0 and not needle.isascii():
                for form in ("NFC", "NFD"):  # the article may write its accents the other way
                    needle = unicodedata.normalize(form, normalize_quote(quote))
                    at = self._find_words(needle)
                    if at >= 0:
                        break
            if at < 0:
                return None
        end = at + len(needle)
        breaks = self.breaks
        run = bisect_right(breaks, at)
        shift = self.shifts[run - 1] if run else 0
        if run == len(breaks) or breaks[run] >= end:  # no run of whitespace collapsed inside the quote
            return (at + shift, end + shift)
        return (at + shift, self._original(end - 1) + 1)

    def _find_words(self, needle: str) -> int:
        """Where `needle` first occurs not starting or ending inside a word, or -1."""
        text = self.text
        at = text.find(needle)
        check_start, check_end = _in_word(needle[0]), _in_word(needle[-1])
        while at >= 0:
            end = at + len(needle)
            if not (check_start and at > 0 and _in_word(text[at - 1])) and not (
                    check_end and end < len(text) and _in_word(text[end])):
                return at
            at = text.find(needle, at + 1)
        return -1

    def closest_passage(self, quote: str, original: str) -> tuple[str, float]:
        """The passage of the original that best matches `quote`, widened to whole words, and its score."""
        from rapidfuzz import fuzz  # only a broken quote needs it; keeps it out of start-up

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


class QuoteFinder:
    """Finds quotes in a deck's source texts, normalising each text once.

    Checking a large deck's quotes fact by fact jumps from text to text, so each
    search reads its text afresh from main memory. `find_all` takes the quotes
    grouped by source instead, so a text stays in the CPU cache while all of its
    quotes are searched; `find` then answers from what was found.
    """

    def __init__(self, texts: Mapping[str, str]):
        self._texts = texts
        self._normalized: dict[str, NormalizedText] = {}
        self._found: dict[str, dict[str, tuple[int, int] | None]] = {}

    def normalized(self, source_id: str) -> NormalizedText:
        """The source's text normalised; KeyError for an unknown source."""
        normalized = self._normalized.get(source_id)
        if normalized is None:
            normalized = self._normalized[source_id] = NormalizedText.of(self._texts[source_id])
        return normalized

    def find_all(self, quotes_by_source: Mapping[str, list[str]]) -> None:
        """Search every quote of every known source, a source at a time."""
        for source_id, quotes in quotes_by_source.items():
            if source_id in self._texts:
                found = self._found.setdefault(source_id, {})
                found.update(zip(quotes, map(self.normalized(source_id).find, quotes)))

    def find(self, source_id: str, quote: str) -> tuple[int, int] | None:
        """The quote's span in the source's original text, or None; KeyError for an unknown source."""
        try:
            return self._found[source_id][quote]
        except KeyError:
            span = self.normalized(source_id).find(quote)
            self._found.setdefault(source_id, {})[quote] = span
            return span
