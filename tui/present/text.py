"""Deck text as Rich `Text`, and the few styles every view shares."""

from __future__ import annotations

from typing import Iterable

from rich.text import Text

from tui.core.safe_text import ShownText, printable

QUOTE_STYLE = "bold black on yellow"
LABEL_STYLE = "bold"
DIM_STYLE = "dim"


def safe(text: str, style: str = "") -> Text:
    """Deck text as a Text, never interpreted as markup, controls made visible."""
    return Text(printable(text), style=style)


def highlighted(text: str, spans: Iterable[tuple[int, int]], style: str = QUOTE_STYLE) -> Text:
    """`text` shown safely, with the raw-text character spans `(start, end)` styled.

    printable() may turn one character into several, so offsets are mapped through it:
    the map is built in one pass, so a text with many matches costs O(text) once.
    """
    shown = ShownText(text)
    result = Text(shown.text)
    for start, end in spans:
        result.stylize(style, *shown.span(start, end))
    return result
