"""A whole article with every quoted passage highlighted; one highlight is current.

Highlights are the deck's citation spans into this source, overlapping spans
merged, each remembering the facts behind it. The parent sets `current`; Enter
posts `FactChosen` (or `FactsChosen` when several facts quote the passage).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.events import Click
from textual.geometry import Region
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from tui.core.authoring.sentences import outline
from tui.core.deck.model import Deck, Source
from tui.core.safe_text import printable


@dataclass(frozen=True)
class Highlight:
    """A passage of the article quoted by one or more facts."""

    start: int
    end: int
    fact_ids: tuple[str, ...]


def highlights(deck: Deck, source_id: str) -> list[Highlight]:
    """Every quoted span of the source, overlaps merged, in text order."""
    # Facts sharing a passage are listed in deck order.
    spans = sorted(
        (c.start, c.end, order, f.id)
        for order, f in enumerate(deck.facts) for c in f.citations if c.source_id == source_id
    )
    merged: list[list] = []
    for start, end, _, fact_id in spans:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            if fact_id not in merged[-1][2]:
                merged[-1][2].append(fact_id)
        else:
            merged.append([start, end, [fact_id]])
    return [Highlight(s, e, tuple(ids)) for s, e, ids in merged]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-empty line of the text."""
    result, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            result.append((offset, offset + len(line)))
        offset += len(line) + 1
    return result


def _shown(text: str, index: int) -> int:
    """Offset in printable(text) of `index` in text (controls may widen)."""
    return len(printable(text[:index]))


class Paragraph(Static):
    """One paragraph of the article; a click makes its first highlight current."""

    def __init__(self, index: int, start: int, end: int) -> None:
        super().__init__(classes="paragraph")
        self.index, self.start, self.end = index, start, end

    def on_click(self, event: Click) -> None:
        self.post_message(ArticleView.ParagraphClicked(self.index))


class ArticleView(VerticalScroll, can_focus=True):
    """The article's text; `current` indexes `self.highlights` (-1: none)."""

    COMPONENT_CLASSES = {"article--quote", "article--current", "article--sentence"}

    current: reactive[int] = reactive(-1, init=False)
    # The sentence under the cursor (an index into `sentences`; -1: none), to make a fact from.
    sentence: reactive[int] = reactive(-1, init=False)

    class FactChosen(Message):
        """Open this fact."""

        def __init__(self, fact_id: str) -> None:
            super().__init__()
            self.fact_id = fact_id

    class FactsChosen(Message):
        """Several facts quote the current passage: let the user pick."""

        def __init__(self, fact_ids: tuple[str, ...]) -> None:
            super().__init__()
            self.fact_ids = fact_ids

    class ParagraphClicked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, deck: Deck, source: Source, preface: Text | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.deck = deck
        self.source = source
        self.preface = preface  # shown above the text, e.g. how its date was inferred
        self.highlights = highlights(deck, source.id)
        self._paragraphs = paragraphs(source.text)
        self.sentences = [(s.start, s.end) for s in outline(source.text).sentences]

    def compose(self) -> ComposeResult:
        if self.preface is not None:
            yield Static(self.preface, classes="preface")
        for index, (start, end) in enumerate(self._paragraphs):
            yield Paragraph(index, start, end)

    def on_mount(self) -> None:
        self.render_paragraphs()
        # The highlight colours are baked into each paragraph's Text: a new theme
        # must paint them again, or the old theme's colours stay.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.render_paragraphs())

    def _paragraph_of(self, offset: int) -> Paragraph | None:
        for paragraph in self.query(Paragraph):
            if paragraph.start <= offset < paragraph.end or offset == paragraph.end:
                return paragraph
        return None

    def render_paragraphs(self) -> None:
        quote = self.get_component_rich_style("article--quote")
        current = self.get_component_rich_style("article--current")
        text = self.source.text
        for paragraph in self.query(Paragraph):
            body = text[paragraph.start:paragraph.end]
            shown = Text(printable(body))
            for index, light in enumerate(self.highlights):
                start, end = max(light.start, paragraph.start), min(light.end, paragraph.end)
                if start >= end:
                    continue
                a, b = _shown(body, start - paragraph.start), _shown(body, end - paragraph.start)
                shown.stylize(current if index == self.current else quote, a, b)
            if 0 <= self.sentence < len(self.sentences):
                start, end = self.sentences[self.sentence]
                start, end = max(start, paragraph.start), min(end, paragraph.end)
                if start < end:
                    shown.stylize(self.get_component_rich_style("article--sentence"),
                                  _shown(body, start - paragraph.start), _shown(body, end - paragraph.start))
            paragraph.update(shown)

    def watch_current(self) -> None:
        self.render_paragraphs()
        self.call_after_refresh(self.scroll_to_current)

    def scroll_to_current(self) -> None:
        """Scroll so the current highlight's first line is in view (centred)."""
        if not 0 <= self.current < len(self.highlights):
            return
        light = self.highlights[self.current]
        paragraph = self._paragraph_of(light.start)
        if paragraph is None:
            return
        width = max(1, paragraph.content_region.width)
        body = self.source.text[paragraph.start:paragraph.end]
        lines = Text(printable(body)).wrap(self.app.console, width)
        target, seen, first = _shown(body, light.start - paragraph.start), 0, 0
        for number, line in enumerate(lines):
            if seen + len(line.plain) > target:
                first = number
                break
            seen += len(line.plain)
        region = paragraph.virtual_region
        self.scroll_to_region(
            Region(region.x, region.y + first, region.width, 1), animate=False, center=True, force=True
        )

    def watch_sentence(self) -> None:
        self.render_paragraphs()
        if 0 <= self.sentence < len(self.sentences):
            paragraph = self._paragraph_of(self.sentences[self.sentence][0])
            if paragraph is not None:
                self.call_after_refresh(self.scroll_to_widget, paragraph, animate=False)

    def move_sentence(self, step: int) -> None:
        """Put the sentence cursor on the next (1) or previous (-1) sentence; the first time, on the
        sentence of the current highlight, if any."""
        if not self.sentences:
            return
        if self.sentence < 0:
            at = self.highlights[self.current].start if 0 <= self.current < len(self.highlights) else None
            found = [i for i, (start, end) in enumerate(self.sentences) if at is not None and start <= at < end]
            self.sentence = found[0] if found else (0 if step > 0 else len(self.sentences) - 1)
            return
        self.sentence = (self.sentence + step) % len(self.sentences)

    def cursor_span(self) -> tuple[int, int] | None:
        """[start, end) in the text of the sentence under the cursor, else of the current highlight's."""
        if self.sentence < 0:
            self.move_sentence(1)
        if 0 <= self.sentence < len(self.sentences):
            return self.sentences[self.sentence]
        return None

    def move(self, step: int) -> None:
        """Make the next (step=1) or previous (step=-1) highlight current, wrapping."""
        if self.highlights:
            self.current = (self.current + step) % len(self.highlights)

    def open_current(self) -> None:
        if not 0 <= self.current < len(self.highlights):
            return
        fact_ids = self.highlights[self.current].fact_ids
        if len(fact_ids) == 1:
            self.post_message(self.FactChosen(fact_ids[0]))
        else:
            self.post_message(self.FactsChosen(fact_ids))

    def on_article_view_paragraph_clicked(self, event: ParagraphClicked) -> None:
        event.stop()
        start, end = self._paragraphs[event.index]
        inside = [i for i, h in enumerate(self.highlights) if h.start < end and h.end > start]
        if not inside:
            return
        if self.current in inside:  # clicking again moves along, then opens
            position = inside.index(self.current)
            if position + 1 < len(inside):
                self.current = inside[position + 1]
            else:
                self.open_current()
        else:
            self.current = inside[0]
