"""The Drafts mode: review the facts `factdrill draft` proposed, one key each to accept, edit or drop.

The list shows every draft; below it, the selected draft in full, its quote highlighted in
its paragraph, and what accepting it does (a new fact, a citation of an existing fact, or
a dispute). Each change is written through tomlkit, validated first, then the deck reloads.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tui.app.messages import DeckChanged
from tui.app.screens.fact_form import FactForm
from tui.app.widgets.footer import SteadyFooter
from tui.core.authoring.edits import accept_draft, drop_fact, edit_fact
from tui.core.authoring.writing import AuthoringError
from tui.core.deck.model import Deck, Fact
from tui.core.session import DeckSession
from tui.present.drafts import draft_detail
from tui.present.text import DIM_STYLE, LABEL_STYLE, safe

_EDITABLE = ("statement", "questions", "answer", "kind", "aliases")


class DraftsScreen(Screen):
    """Every draft of the deck; a accept, e edit, x drop."""

    DEFAULT_CSS = """
    DraftsScreen #drafts-list { height: 45%; border-bottom: hkey $foreground 30%; }
    DraftsScreen #draft-detail-scroll { height: 1fr; padding: 0 1; }
    DraftsScreen #drafts-empty { padding: 1 2; color: $text-muted; }
    """
    BINDINGS = [
        Binding("a", "accept", "Accept", id="drafts.accept"),
        Binding("e", "edit", "Edit", id="drafts.edit"),
        Binding("x,delete", "drop", "Drop", id="drafts.drop"),
    ]

    def __init__(self, session: DeckSession) -> None:
        super().__init__()
        self.session = session

    @property
    def deck(self) -> Deck:
        return self.session.deck

    def compose(self) -> ComposeResult:
        yield Header()
        drafts = self.deck.drafts
        if not drafts:
            yield Static("No drafts. Make some with: factdrill draft SOURCE_ID --deck DIR", id="drafts-empty")
        yield OptionList(*(Option(self._label(d), id=d.id) for d in drafts), id="drafts-list")
        with VerticalScroll(id="draft-detail-scroll"):
            yield Static("", id="draft-detail")
        yield SteadyFooter()

    def _label(self, draft: Fact) -> Text:
        relation = self.deck.draft_links.get(draft.id, ("", ""))[0]
        label = Text.assemble(safe(draft.answer, "bold"), ("  ", ""), safe(draft.questions[0], DIM_STYLE))
        if relation:
            label.append(f"  [{relation}]", LABEL_STYLE)
        return label

    def on_mount(self) -> None:
        self.sub_title = f"{len(self.deck.drafts)} drafts"
        listing = self.query_one(OptionList)
        listing.focus()
        if self.deck.drafts:
            listing.highlighted = 0
            self._show(0)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show(event.option_index)

    def _show(self, index: int) -> None:
        if 0 <= index < len(self.deck.drafts):
            self.query_one("#draft-detail", Static).update(draft_detail(self.deck, self.deck.drafts[index]))

    @property
    def selected(self) -> Fact | None:
        index = self.query_one(OptionList).highlighted
        return self.deck.drafts[index] if index is not None and 0 <= index < len(self.deck.drafts) else None

    def _folder(self):
        folder = getattr(self.app, "deck_folder", None)
        if folder is None:
            self.notify("This deck is read-only here: open your own deck folder (factdrill --deck DIR).",
                        severity="warning")
        return folder

    def _changed(self, done: str) -> None:
        self.notify(done)
        self.post_message(DeckChanged())

    def action_accept(self) -> None:
        draft, folder = self.selected, self._folder()
        if draft is None or folder is None:
            return
        try:
            target = accept_draft(folder, draft.id)
        except AuthoringError as error:
            self.notify("\n".join(error.problems), severity="error")
            return
        self._changed(f"Accepted: fact '{target}'." if target == draft.id else f"Accepted into fact '{target}'.")

    def action_drop(self) -> None:
        draft, folder = self.selected, self._folder()
        if draft is None or folder is None:
            return
        try:
            drop_fact(folder, draft.id)
        except AuthoringError as error:
            self.notify("\n".join(error.problems), severity="error")
            return
        self._changed(f"Dropped draft '{draft.id}'.")

    def action_edit(self) -> None:
        draft, folder = self.selected, self._folder()
        if draft is None or folder is None:
            return
        fields = {"id": draft.id, "statement": draft.statement, "questions": list(draft.questions),
                  "answer": draft.answer, "kind": draft.kind, "aliases": list(draft.aliases),
                  "citations": [{"source": c.source_id, "quote": c.quote} for c in draft.citations]}

        def save(values: dict[str, Any]) -> None:
            changes = {key: values.get(key) for key in _EDITABLE}
            edit_fact(folder, draft.id, changes)

        def saved(values: dict[str, Any] | None) -> None:
            if values is not None:
                self._changed(f"Saved draft '{draft.id}' (still a draft: a to accept it).")

        self.app.push_screen(FactForm("Edit draft", fields, save), saved)

    def refresh_from(self, session: DeckSession, keep: int) -> None:
        """Show the reloaded deck's drafts, the cursor near where it was."""
        self.session = session
        listing = self.query_one(OptionList)
        listing.clear_options()
        listing.add_options([Option(self._label(d), id=d.id) for d in self.deck.drafts])
        self.sub_title = f"{len(self.deck.drafts)} drafts"
        if self.deck.drafts:
            listing.highlighted = min(keep, len(self.deck.drafts) - 1)
            self._show(listing.highlighted)
        else:
            self.query_one("#draft-detail", Static).update(
                Text("No drafts left. Quiz the accepted facts with 3.", style=DIM_STYLE))
