"""Deck text as Rich `Text`, and the few styles every view shares."""

from __future__ import annotations

from rich.text import Text

from tui.core.safe_text import printable

QUOTE_STYLE = "bold black on yellow"
LABEL_STYLE = "bold"
DIM_STYLE = "dim"


def safe(text: str, style: str = "") -> Text:
    """Deck text as a Text, never interpreted as markup, controls made visible."""
    return Text(printable(text), style=style)


def highlighted(text: str, spans, style: str = QUOTE_STYLE) -> Text:
    """`text` shown safely, with the raw-text character spans `(start, end)` styled.

    printable() may turn one character into several, so offsets are mapped through it.
    """
    shown = safe(text)
    for start, end in spans:
        shown.stylize(style, len(printable(text[:start])), len(printable(text[:end])))
    return shown
