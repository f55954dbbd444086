"""Deck text is data: make it safe to put on a terminal."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls (which include CSI).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Replace terminal control characters with visible stand-ins.

    ESC becomes '␛' and other controls their Unicode control pictures or
    '\\xNN', so an escape sequence in a deck is shown literally and never
    reaches the terminal as a command.
    """
    return _CONTROL.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"\\x{code:02x}"
