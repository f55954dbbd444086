"""Command palette entries: "Go to fact…" (fuzzy over statements) and "Open source…".

Deck text is data, so every hit is displayed as plain `Content` with the fuzzy
match styled by offsets; Textual's `Matcher.highlight` would parse markup, and
so would the palette for a `str` help text (`Content.from_markup` passes a
`Content` through untouched, so help is given as `Content`).
"""

from __future__ import annotations

from functools import partial
from itertools import count
from typing import TYPE_CHECKING, Iterable, cast

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from tui.app.messages import GoToFact, OpenSource
from tui.app.screens.dismiss_once import DismissOnce
from tui.core.deck.model import Deck
from tui.core.safe_text import printable

if TYPE_CHECKING:
    from tui.app.app import FactdrillApp


GO_TO_FACT = "Go to fact…"
OPEN_SOURCE = "Open source…"


# A palette line shows one line of a label: matching more of a huge statement is wasted work.
_LABEL_CHARS = 300


def fuzzy_match(query: str, label: str) -> tuple[float, list[int]] | None:
    """How well `label` matches `query` (0 < score <= 2) and the offsets of the matched letters,
    or None. The query's letters must appear in order (spaces ignored), case-insensitively;
    the whole query as one run scores highest, more so at a word's start.

    Linear in the label (a few C-level finds per query letter). Textual's own matcher tries
    every alignment, which took ~1 s for a six-letter query over the bundled deck.
    """
    folded = label.lower()
    if len(folded) != len(label):  # a letter whose lower case is longer: match as written
        folded = label
    needle = query.lower().strip()
    if not needle:
        return None
    at = folded.find(needle)
    if at >= 0:
        word_start = at == 0 or not folded[at - 1].isalnum()
        return 1.5 + 0.5 * word_start, [i for i in range(at, at + len(needle)) if not folded[i].isspace()]
    offsets, at = [], -1
    for char in needle.replace(" ", ""):
        at = folded.find(char, at + 1)
        if at < 0:
            return None
        offsets.append(at)
    return len(offsets) / (offsets[-1] - offsets[0] + 1), offsets


def highlighted(matcher: Matcher, candidate: str) -> Content:
    """`candidate` as literal text with the fuzzy-matched letters styled."""
    shown = printable(candidate[:_LABEL_CHARS])
    content = Content(shown)
    match = fuzzy_match(matcher.query, shown)
    for offset in match[1] if match else ():
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
            match = fuzzy_match(query, printable(label[:_LABEL_CHARS]))
            if match is not None:
                yield Hit(match[0] / 2, highlighted(matcher, label), command, text=label, help=_literal(help_text))


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
        self.app.push_screen(Palette(providers=[FactProvider], placeholder="Go to fact…"))

    def _pick_source(self) -> None:
        self.app.push_screen(Palette(providers=[SourceProvider], placeholder="Open source…"))


_palette_numbers = count(1)


class Palette(DismissOnce, CommandPalette):
    """Every palette factdrill opens, with three workarounds for Textual 8.2:

    - a unique id each (two open in different modes' stacks would otherwise both be
      '--command-palette': DuplicateIds);
    - page keys are ignored while the list is still being laid out (OptionList._move_page
      raises KeyError when PageDown comes within ~50 ms of opening);
    - dismissing is done once (DismissOnce): a second Enter queued behind the one that chose
      a command would dismiss again and pop the mode's own screen (ScreenStackError).
    """

    def __init__(self, providers=None, *, placeholder: str = "Search for commands…") -> None:
        super().__init__(providers, placeholder=placeholder, id=f"factdrill-palette-{next(_palette_numbers)}")

    def _action_command_list(self, action: str) -> None:
        # Overrides the palette's own (private) handler of its page keys: the only hook there is.
        try:
            super()._action_command_list(action)
        except KeyError:  # the list is not laid out yet: this key is dropped, the next one works
            pass
