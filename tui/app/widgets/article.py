"""A whole article with every quoted passage highlighted; one highlight is current.

Highlights are the deck's citation spans into this source, overlapping spans
merged, each remembering the facts behind it. The parent sets `current`; Enter
posts `FactChosen` (or `FactsChosen` when several facts quote the passage).

An article may be tens of megabytes, so nothing is laid out ahead of need: the text
is made printable once, its paragraphs are found once, and lines are wrapped a
paragraph at a time only as far as the view has been scrolled (the rest of the height
is an estimate until it is reached). Each frame renders only the lines on screen.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.events import Click, Resize
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.authoring.sentences import outline
from tui.core.deck.model import Deck, Source
from tui.core.safe_text import ShownText


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
    """[start, end) of each non-empty line of the text (one C-level split)."""
    result, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            result.append((offset, offset + len(line)))
        offset += len(line) + 1
    return result


def wrap(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Lines of text[start:end] at most `width` cells wide, broken at a space where there is one
    (the space itself shown on neither line), else mid-word."""
    lines = []
    width = max(1, width)
    while start < end:
        stop = next_start = min(end, start + width)
        if stop < end:
            cut = text.rfind(" ", start, stop + 1)
            if cut > start:
                stop, next_start = cut, cut + 1
        if not text[start:stop].isascii():
            while stop - start > 1 and cell_len(text[start:stop]) > width:  # wide characters
                stop = next_start = stop - max(1, (cell_len(text[start:stop]) - width) // 2)
        lines.append((start, stop))
        start = next_start
    return lines


def wrapped_lines(text: str, paragraphs: list[tuple[int, int]], first: int, count: int, width: int,
                  base: int) -> tuple[list[tuple[int, int, int]], list[int]]:
    """Lines (paragraph, start, end) of `count` paragraphs from `first`, a blank line after each,
    and the line each paragraph begins on, counting from line `base`."""
    lines: list[tuple[int, int, int]] = []
    first_lines = []
    for index in range(first, min(first + count, len(paragraphs))):
        start, end = paragraphs[index]
        first_lines.append(base + len(lines))
        lines.extend((index, a, b) for a, b in wrap(text, start, end, width))
        lines.append((-1, 0, 0))  # the gap between paragraphs
    return lines, first_lines


# Paragraphs wrapped on the UI thread to reach a highlight; further ahead, a worker wraps them.
_WRAP_AT_ONCE = 2_000


class ArticleView(ScrollView, can_focus=True):
    """The article's text; `current` indexes `self.highlights` (-1: none)."""

    COMPONENT_CLASSES = {"article--quote", "article--current", "article--preface", "article--rule",
                         "article--sentence"}
    DEFAULT_CSS = "ArticleView { height: 1fr; padding: 0 1; }"

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

    def __init__(self, deck: Deck, source: Source, preface: Text | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.deck = deck
        self.source = source
        self.preface = preface  # shown above the text, e.g. how its date was inferred
        self.highlights = highlights(deck, source.id)
        shown = ShownText(source.text)
        # Tabs would move the terminal's cursor: one space each keeps every offset.
        self._text = shown.text.replace("\t", " ")
        self._spans = [shown.span(h.start, h.end) for h in self.highlights]
        self._shown = shown
        self._sentences: list[tuple[int, int]] | None = None  # found when first asked for
        self._starts = [start for start, _ in self._spans]
        self._paragraphs = paragraphs(self._text)
        self._paragraph_starts = [start for start, _ in self._paragraphs]
        self._first_lines: list[int] = []  # the line each wrapped paragraph begins on
        self._width = 0
        self._lines: list[tuple[int, int, int]] = []  # (paragraph, start, end); paragraph -1: blank/preface
        self._wrapped = 0  # paragraphs wrapped so far
        self._preface_lines: list[Strip] = []

    # --- layout ------------------------------------------------------------------------

    def _layout(self, width: int) -> None:
        self._width = max(1, width)
        self._lines = []
        self._first_lines = []
        self._wrapped = 0
        self._preface_lines = []
        if self.preface is not None:
            rendered = self.preface.wrap(self.app.console, self._width)
            style = self.get_component_rich_style("article--preface")
            for line in rendered:
                self._preface_lines.append(Strip(list(line.render(self.app.console))).apply_style(style))
            rule = self.get_component_rich_style("article--rule")
            self._preface_lines.append(Strip([Segment("▁" * self._width, rule)], self._width))
            self._preface_lines.append(Strip.blank(self._width))
            self._lines = [(-2, i, 0) for i in range(len(self._preface_lines))]
        self._update_size()

    def _wrap_until(self, line_count: int) -> None:
        """Wrap paragraphs until at least `line_count` lines exist (or all are wrapped)."""
        while len(self._lines) < line_count and self._wrapped < len(self._paragraphs):
            self._add_wrapped(self._wrapped, self._width, len(self._lines),
                              *wrapped_lines(self._text, self._paragraphs, self._wrapped, 1, self._width,
                                             len(self._lines)))

    def _add_wrapped(self, first: int, width: int, base: int, lines: list, first_lines: list[int]) -> None:
        """Append lines wrapped from paragraph `first` on, unless the layout moved on meanwhile."""
        if (first, width, base) == (self._wrapped, self._width, len(self._lines)):
            self._lines.extend(lines)
            self._first_lines.extend(first_lines)
            self._wrapped += len(first_lines)
            self._update_size()

    def _wrap_in_background(self, last: int) -> None:
        """Wrap up to paragraph `last` in a thread, then scroll to the current highlight."""
        first, width, base = self._wrapped, self._width, len(self._lines)

        def work() -> None:
            lines, first_lines = wrapped_lines(self._text, self._paragraphs, first, last + 1 - first, width, base)

            def done() -> None:
                self._add_wrapped(first, width, base, lines, first_lines)
                self.scroll_to_current()

            self.app.call_from_thread(done)

        self.run_worker(work, thread=True, exclusive=True, group="article-wrap")

    def _paragraph_of(self, offset: int) -> int:
        """The index of the paragraph holding (or nearest before) shown-text `offset`."""
        return max(0, bisect_right(self._paragraph_starts, offset) - 1)

    def paragraph_line(self, index: int) -> int:
        """The line paragraph `index` begins on (wrapping as far as needed)."""
        while self._wrapped <= index < len(self._paragraphs):
            self._wrap_until(len(self._lines) + 1)
        return self._first_lines[index] if index < len(self._first_lines) else 0

    def line_of(self, offset: int) -> int:
        """The line holding shown-text `offset` (wrapping as far as needed)."""
        if not self._paragraphs:
            return 0
        index = self._paragraph_of(offset)
        number = self.paragraph_line(index)
        while number + 1 < len(self._lines) and self._lines[number + 1][0] == index \
                and self._lines[number + 1][1] <= offset:
            number += 1
        return number

    def _update_size(self) -> None:
        left = len(self._paragraphs) - self._wrapped
        estimate = 0
        if left:  # chars left / width, plus a gap per paragraph
            chars = self._paragraphs[-1][1] - self._paragraphs[self._wrapped][0]
            estimate = chars // self._width + 2 * left
        self.virtual_size = Size(self._width, len(self._lines) + estimate)

    def on_resize(self, event: Resize) -> None:
        if self.scrollable_content_region.width != self._width:
            self._layout(self.scrollable_content_region.width)
            self.call_after_refresh(self.scroll_to_current)

    def on_mount(self) -> None:
        self._layout(self.scrollable_content_region.width or 80)
        # The highlight colours come from the theme: a new theme repaints them.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.refresh())

    # --- rendering ----------------------------------------------------------------------

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        self._wrap_until(int(new_value) + self.size.height + 1)  # before the frame asks for them
        super().watch_scroll_y(old_value, new_value)

    def render_line(self, y: int) -> Strip:
        number = self.scroll_offset.y + y
        self._wrap_until(number + 1)
        width = self.scrollable_content_region.width
        if number >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        paragraph, start, end = self._lines[number]
        if paragraph == -2:
            return self._preface_lines[start].crop_extend(0, width, self.rich_style)
        if paragraph == -1:
            return Strip.blank(width, self.rich_style)
        line = Text(self._text[start:end].rstrip(" "), style=self.rich_style, end="")
        quote = self.get_component_rich_style("article--quote")
        current = self.get_component_rich_style("article--current")
        first = max(0, bisect_left(self._starts, start) - 1)
        for index in range(first, len(self._spans)):
            light_start, light_end = self._spans[index]
            if light_start >= end:
                break
            if light_end > start:
                line.stylize(current if index == self.current else quote,
                             max(light_start, start) - start, min(light_end, end) - start)
        if 0 <= self.sentence < len(self.sentences):
            sentence_start, sentence_end = self._shown.span(*self.sentences[self.sentence])
            if sentence_start < end and sentence_end > start:
                line.stylize(self.get_component_rich_style("article--sentence"),
                             max(sentence_start, start) - start, min(sentence_end, end) - start)
        segments = list(line.render(self.app.console))
        return Strip(segments).crop_extend(0, width, self.rich_style)

    def watch_current(self) -> None:
        self.refresh()
        self.call_after_refresh(self.scroll_to_current)

    def scroll_to_current(self) -> None:
        """Scroll so the current highlight's first line is in view (centred)."""
        if not 0 <= self.current < len(self.highlights):
            return
        offset = self._spans[self.current][0]
        paragraph = self._paragraph_of(offset)
        if paragraph - self._wrapped > _WRAP_AT_ONCE:  # far ahead: keep the app answering meanwhile
            self._wrap_in_background(paragraph)
            return
        line = self.line_of(offset)
        self.scroll_to_region(Region(0, line, 1, 1), animate=False, center=True, force=True)

    # --- the sentence cursor ----------------------------------------------------------

    @property
    def sentences(self) -> list[tuple[int, int]]:
        """[start, end) in the source text of each sentence (found once, when first asked for)."""
        if self._sentences is None:
            self._sentences = [(s.start, s.end) for s in outline(self.source.text).sentences]
        return self._sentences

    def watch_sentence(self) -> None:
        self.refresh()
        if 0 <= self.sentence < len(self.sentences):
            line = self.line_of(self._shown.offset(self.sentences[self.sentence][0]))
            self.call_after_refresh(self.scroll_to_region, Region(0, line, 1, 1), animate=False, force=True)

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

    # --- moving and choosing -----------------------------------------------------------

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

    def on_click(self, event: Click) -> None:
        number = self.scroll_offset.y + event.y
        if not 0 <= number < len(self._lines) or self._lines[number][0] < 0:
            return
        start, end = self._paragraphs[self._lines[number][0]]
        inside = [i for i, (a, b) in enumerate(self._spans) if a < end and b > start]
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

    @property
    def laid_out_lines(self) -> int:
        """How many lines have been wrapped so far (the rest of the article waits to be scrolled to)."""
        return len(self._lines)

    def passages(self) -> list[tuple[str, str]]:
        """Each highlighted passage as shown, with 'current' or 'quote'."""
        return [(self._text[a:b], "current" if i == self.current else "quote")
                for i, (a, b) in enumerate(self._spans)]
