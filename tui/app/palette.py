"""Command palette entries: "Go to fact…" (fuzzy over statements) and "Open source…".

Deck text is data, so every hit is displayed as plain `Content` with the fuzzy
match styled by offsets; Textual's `Matcher.highlight` would parse markup, and
so would the palette for a `str` help text (`Content.from_markup` passes a
`Content` through untouched, so help is given as `Content`).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Iterable, cast

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from tui.app.messages import GoToFact, OpenSource
from tui.core.deck.model import Deck
from tui.core.safe_text import printable

if TYPE_CHECKING:
    from tui.app.app import FactdrillApp


GO_TO_FACT = "Go to fact…"
OPEN_SOURCE = "Open source…"


def highlighted(matcher: Matcher, candidate: str) -> Content:
    """`candidate` as literal text with the fuzzy-matched letters styled."""
    shown = printable(candidate)
    content = Content(shown)
    score, offsets = matcher.fuzzy_search.match(matcher.query, shown)
    if score:
        for offset in offsets:
            if not shown[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def _literal(text: str) -> Content:
    """Help text shown as is (Hit.help is typed `str`, but the palette accepts `Content`)."""
    return Content(printable(text))


class _DeckProvider(Provider):
    """Shared: the app and (label, command, help) entries to fuzzy-match."""

    @property
    def deck(self) -> Deck:
        session = cast("FactdrillApp", self.app).session
        assert session is not None, "the palette opens only once a deck is loaded"
        return session.deck

    def entries(self) -> Iterable[tuple[str, object, str]]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for label, command, help_text in self.entries():
            yield DiscoveryHit(Content(printable(label)), command, text=label, help=_literal(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, command, help_text in self.entries():
            score = matcher.match(printable(label))
            if score > 0:
                yield Hit(score, highlighted(matcher, label), command, text=label, help=_literal(help_text))


class FactProvider(_DeckProvider):
    """Every fact, by statement; choosing one shows it in Browse."""

    def entries(self) -> Iterable[tuple[str, object, str]]:
        deck = self.deck
        for fact in deck.facts:
            yield fact.statement, partial(self.app.post_message, GoToFact(fact.id)), printable(
                f"{', '.join(fact.tags)} · {deck.corroboration_label(fact)}")


class SourceProvider(_DeckProvider):
    """Every source, by outlet and title; choosing one opens the article."""

    def entries(self) -> Iterable[tuple[str, object, str]]:
        for source in self.deck.sources.values():
            label = f"{source.outlet_label()} — {source.title_label()}"
            yield label, partial(self.app.post_message, OpenSource(source.id)), printable(source.date_label())


class FactdrillCommands(_DeckProvider):
    """The root palette's entries: the two pickers."""

    def entries(self) -> Iterable[tuple[str, object, str]]:
        yield GO_TO_FACT, self._pick_fact, "Jump to a fact by its statement"
        yield OPEN_SOURCE, self._pick_source, "Read a whole article"

    def _pick_fact(self) -> None:
        self.app.push_screen(CommandPalette(providers=[FactProvider], placeholder="Go to fact…"))

    def _pick_source(self) -> None:
        self.app.push_screen(CommandPalette(providers=[SourceProvider], placeholder="Open source…"))
