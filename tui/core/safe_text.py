"""Deck text is data: make it safe to put on a terminal.

A deck, a source text or a progress store may hold anything. Before any of it is
shown, every character a terminal would act on or hide is replaced by a visible
stand-in: C0 controls by their Unicode control pictures ('␛' for ESC), DEL, C1
controls (CSI is one of them), bidi overrides and isolates, and zero-width
characters by a `\\uXXXX` escape. The escape is also valid inside a JSON string, so
JSON that passes through the same filter stays JSON.
"""

from __future__ import annotations

import re
from bisect import bisect_left

_INVISIBLE = (
    "\x7f-\x9f"                                      # DEL and the C1 controls (U+009B is CSI)
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"   # bidi marks, embeddings, overrides, isolates
    "\u200b-\u200d\u2060-\u2064\u180e\ufeff"         # zero-width spaces and joiners, word joiner, BOM
    "\ufff9-\ufffb"                                  # interlinear annotation controls
)
# Tab and newline are kept in text (a statement may have paragraphs); one line keeps neither.
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f{_INVISIBLE}]")
_UNSAFE_IN_LINE = re.compile(f"[\x00-\x1f\u2028\u2029{_INVISIBLE}]")


def _visible(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the control pictures: ␀ … ␟
    return f"\\u{code:04x}"


def _visible_match(match: re.Match[str]) -> str:
    return _visible(match.group())


def printable(text: str, *, one_line: bool = False) -> str:
    """`text` with every control, bidi and zero-width character shown as a visible stand-in.

    An escape sequence in a deck is shown literally and never reaches the terminal as a
    command. With `one_line`, tabs, newlines and line separators are shown too, so the text
    cannot break the line it is put on (a problem line, a table cell).
    """
    return (_UNSAFE_IN_LINE if one_line else _UNSAFE).sub(_visible_match, text)


def is_printable(text: str) -> bool:
    """True if `printable(text)` is `text`: nothing in it needs a stand-in."""
    return _UNSAFE.search(text) is None


class ShownText:
    """`printable(text)` with a map from offsets in `text` to offsets in what is shown.

    Built in one pass over the text, so a caller that highlights many spans of one text
    (matches, quotes) pays O(text) once and O(log n) per span.
    """

    __slots__ = ("original", "text", "_at", "_extra")

    def __init__(self, original: str, *, one_line: bool = False) -> None:
        pattern = _UNSAFE_IN_LINE if one_line else _UNSAFE
        self.original = original
        at: list[int] = []
        extra: list[int] = []
        pieces: list[str] = []
        copied = added = 0
        for match in pattern.finditer(original):
            start = match.start()
            shown = _visible(match.group())
            pieces.append(original[copied:start])
            pieces.append(shown)
            copied = start + 1
            added += len(shown) - 1
            at.append(start)
            extra.append(added)
        if not at:
            self.text = original
        else:
            pieces.append(original[copied:])
            self.text = "".join(pieces)
        self._at, self._extra = at, extra

    def offset(self, index: int) -> int:
        """Where the character at `index` of the original text starts in the shown text."""
        before = bisect_left(self._at, index)  # stand-ins strictly before `index`
        return index + (self._extra[before - 1] if before else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The shown span of the original [start, end)."""
        return self.offset(start), self.offset(end)
