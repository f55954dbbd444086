"""The source viewer: a whole article, every quoted passage highlighted.

`SourceScreen(deck, source_id, focus_citation)` is pushed on the current mode;
the chosen citation's passage is current (emphasised, scrolled into view).
`n`/`N` move between highlights, Enter opens the fact behind one, Esc goes back.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tui.app.messages import DeckChanged
from tui.app.screens.fact_form import FactForm
from tui.core.authoring.drafting import draft_for_passage
from tui.core.authoring.edits import add_fact
from tui.app.screens.dismiss_once import DismissOnce
from tui.core.deck.model import Citation, Deck, Source, format_iso_date
from tui.core.deck.quotes import NormalizedText
from tui.core.safe_text import printable
from tui.present.facts import DIM_STYLE, LABEL_STYLE, safe, title_and_outlet
from tui.app.widgets.article import ArticleView
from tui.app.widgets.footer import SteadyFooter

_STYLES = Path(__file__).parent.parent / "styles"


PRECISION_NOTES = {"exact": "exact date", "inferred": "date inferred", "unknown": "date unknown"}


def source_metadata(deck: Deck, source_id: str) -> Text:
    """Title; outlet, date and the date's precision; how many facts quote it, and the keys.

    Kept to a few lines so the article has the room: why an inferred date was
    inferred can be long, so it heads the article instead (`date_basis_note`).
    """
    source = deck.sources[source_id]
    text = title_and_outlet(source)
    if source.date and source.date_precision != "unknown":
        text.append(" · ", DIM_STYLE)
        text.append_text(safe(format_iso_date(source.date)))
    text.append(" · ", DIM_STYLE)
    text.append(PRECISION_NOTES.get(source.date_precision, source.date_precision), LABEL_STYLE)
    if source.date_precision == "inferred" and source.date_basis:
        text.append(" (why: above the article)", DIM_STYLE)
    if source.url:
        text.append(" · ", DIM_STYLE)
        text.append_text(safe(source.url, DIM_STYLE))
    cited = len(deck.facts_citing(source_id))
    text.append(f"\nCited by {cited} fact{'s' if cited != 1 else ''} · ", DIM_STYLE)
    text.append("n/N: next/previous quote · Enter: open its fact · j/k: sentence · a: add a fact · Esc: back",
                DIM_STYLE)
    return text


def date_basis_note(source: Source) -> Text | None:
    """"Date inferred: …" with what the date was inferred from, or None."""
    if source.date_precision != "inferred" or not source.date_basis:
        return None
    note = Text("Date inferred: ", style=LABEL_STYLE)
    note.append_text(safe(source.date_basis))
    return note


class FactPicker(DismissOnce, ModalScreen[str | None]):
    """Several facts quote one passage: choose which to open."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="picker.cancel")]

    def __init__(self, deck: Deck, fact_ids: tuple[str, ...]) -> None:
        super().__init__()
        self.deck = deck
        self.fact_ids = fact_ids

    def compose(self) -> ComposeResult:
        yield OptionList(
            *(Option(safe(self.deck.fact(i).statement), id=i) for i in self.fact_ids),
            id="fact-picker",
        )

    def on_mount(self) -> None:
        self.query_one(OptionList).border_title = "Facts quoting this passage"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)


class SourceScreen(DismissOnce, Screen):
    """One article. The quiz pushes this too, to show a citation in place."""

    CSS_PATH = _STYLES / "source.tcss"
    BINDINGS = [
        Binding("n", "move(1)", "Next quote", id="source.next"),
        Binding("N", "move(-1)", "Prev quote", id="source.previous", key_display="N"),
        Binding("enter", "open_fact", "Open fact", id="source.open_fact"),
        Binding("j", "sentence(1)", "Next sentence", id="source.next_sentence"),
        Binding("k", "sentence(-1)", "Prev sentence", id="source.previous_sentence"),
        Binding("a", "add_fact", "Add fact", id="source.add_fact",
                tooltip="a new fact from the sentence under the cursor, or the selected passage"),
        Binding("escape", "back", "Back", id="source.back"),
    ]

    def __init__(self, deck: Deck, source_id: str, focus_citation: Citation | None = None,
                 sentence: int = -1) -> None:
        super().__init__()
        self.deck = deck
        self.source_id = source_id
        self.focus_citation = focus_citation
        self.start_sentence = sentence

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(source_metadata(self.deck, self.source_id), id="source-meta")
        source = self.deck.sources[self.source_id]
        yield ArticleView(self.deck, source, preface=date_basis_note(source), id="article")
        yield SteadyFooter()

    def on_mount(self) -> None:
        article = self.query_one(ArticleView)
        article.focus()
        self.sub_title = printable(self.deck.sources[self.source_id].outlet_label())
        start = 0
        if self.focus_citation is not None:
            for index, light in enumerate(article.highlights):
                if light.start <= self.focus_citation.start < light.end:
                    start = index
                    break
        if article.highlights:
            article.current = start
        if self.start_sentence >= 0:
            article.sentence = self.start_sentence

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    def action_move(self, step: int) -> None:
        self.article.move(step)

    def action_open_fact(self) -> None:
        self.article.open_current()

    def action_back(self) -> None:
        self.dismiss()

    def action_sentence(self, step: int) -> None:
        self.article.move_sentence(step)

    def _selected_span(self) -> tuple[int, int] | None:
        """Where the passage selected with the mouse lies in the article, if one is."""
        selected = " ".join((self.get_selected_text() or "").split())
        if not selected:
            return None
        return NormalizedText.of(self.deck.sources[self.source_id].text).find(selected)

    def action_add_fact(self) -> None:
        """A form prefilled from the sentence under the cursor (or the selected passage) that writes a new fact."""
        folder = getattr(self.app, "deck_folder", None)
        if folder is None:
            self.notify("This deck is read-only here: open your own deck folder (factdrill --deck DIR) to add facts.",
                        severity="warning")
            return
        span = self._selected_span() or self.article.cursor_span()
        if span is None:
            return
        taken = frozenset(f.id for f in (*self.deck.facts, *self.deck.drafts))
        fields = draft_for_passage(self.source_id, self.deck.sources[self.source_id].text, *span, taken).table()
        del fields["draft"]
        sentence = self.article.sentence

        def saved(values: dict | None) -> None:
            if values is not None:
                self.notify(f"Fact '{values['id']}' added.")
                self.post_message(DeckChanged(self.source_id, sentence))

        self.app.push_screen(FactForm("New fact from the article", fields, lambda values: add_fact(folder, values)),
                             saved)

    @on(ArticleView.FactsChosen)
    def _pick_fact(self, event: ArticleView.FactsChosen) -> None:
        def chosen(fact_id: str | None) -> None:
            if fact_id is not None:
                self.post_message(ArticleView.FactChosen(fact_id))

        self.app.push_screen(FactPicker(self.deck, event.fact_ids), chosen)
