"""Navigation requests, posted by screens and widgets and answered by the App.

Every way of opening a fact or a source goes through these, so each is opened one way
("messages up"); nothing below the App calls it to navigate.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tui.core.deck.model import Citation


@dataclass
class OpenFact(Message):
    """Show this fact's detail on top of the current mode."""

    fact_id: str


@dataclass
class OpenSource(Message):
    """Show a whole article, scrolled to `citation` when one is given."""

    source_id: str
    citation: Citation | None = None


@dataclass
class GoToFact(Message):
    """Switch to Browse with this fact selected (the palette's "Go to fact…")."""

    fact_id: str


@dataclass
class DeckChanged(Message):
    """The deck's files were written: load it again, and show this source (at this sentence) again."""

    source_id: str | None = None
    sentence: int = -1
