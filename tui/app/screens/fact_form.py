"""A form for one fact: new from a sentence of the source viewer, or a draft being edited.

The opener passes `save(fields)`, which writes the fact (validated first); if it raises
`AuthoringError`, nothing was written and the problems show in the form, which stays open.
"""

from __future__ import annotations

from typing import Any, Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from tui.core.authoring.writing import AuthoringError
from tui.core.deck.model import ANSWER_KINDS
from tui.present.text import safe

Saver = Callable[[dict[str, Any]], None]


def _listed(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


class FactForm(ModalScreen[dict[str, Any] | None]):
    """Statement, question, answer, kind and aliases of one fact, with its quote shown; Save writes it."""

    DEFAULT_CSS = """
    FactForm { align: center middle; }
    FactForm > VerticalScroll { width: 90%; max-width: 110; height: auto; max-height: 90%;
        border: round $accent; padding: 0 1; background: $surface; }
    FactForm Label { margin-top: 1; color: $text-muted; }
    FactForm #fact-form-quote { color: $text; background: $warning 20%; padding: 0 1; }
    FactForm #fact-form-problems { color: $error; margin-top: 1; }
    FactForm Horizontal { height: auto; margin-top: 1; }
    FactForm Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="fact_form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="fact_form.cancel"),
    ]

    def __init__(self, title: str, fields: dict[str, Any], save: Saver) -> None:
        super().__init__()
        self.heading = title
        self.fields = dict(fields)
        self.save = save

    def compose(self) -> ComposeResult:
        fields = self.fields
        with VerticalScroll():
            yield Static(Text(self.heading, style="bold"))
            yield Label("Quote (verbatim from the article)")
            yield Static(safe(fields["citations"][0]["quote"]), id="fact-form-quote")
            yield Label("Statement")
            yield Input(fields.get("statement", ""), id="fact-form-statement")
            yield Label("Question (must not give the answer away)")
            yield Input((fields.get("questions") or [""])[0], id="fact-form-question")
            yield Label("Answer")
            yield Input(fields.get("answer", ""), id="fact-form-answer")
            yield Label("Kind")
            kind = fields.get("kind", "text")
            yield Select([(k, k) for k in ANSWER_KINDS], value=kind if kind in ANSWER_KINDS else "text",
                         allow_blank=False, id="fact-form-kind")
            yield Label("Other accepted answers, separated by commas")
            yield Input(", ".join(fields.get("aliases", [])), id="fact-form-aliases")
            yield Static("", id="fact-form-problems")
            with Horizontal():
                yield Button("Save (ctrl+s)", variant="primary", id="fact-form-save")
                yield Button("Cancel (Esc)", id="fact-form-cancel")

    def on_mount(self) -> None:
        self.query_one("#fact-form-answer" if not self.fields.get("answer") else "#fact-form-question", Input).focus()

    def values(self) -> dict[str, Any]:
        """The fact as the form now says, every other key as it came in."""
        made = dict(self.fields)
        made["statement"] = self.query_one("#fact-form-statement", Input).value.strip()
        made["questions"] = [self.query_one("#fact-form-question", Input).value.strip(),
                             *list(self.fields.get("questions", []))[1:]]
        made["answer"] = self.query_one("#fact-form-answer", Input).value.strip()
        made["kind"] = str(self.query_one("#fact-form-kind", Select).value)
        aliases = _listed(self.query_one("#fact-form-aliases", Input).value)
        if aliases:
            made["aliases"] = aliases
        else:
            made.pop("aliases", None)
        return made

    def show_problems(self, problems: list[str]) -> None:
        shown = self.query_one("#fact-form-problems", Static)
        shown.update(safe("\n".join(problems)))
        # They sit below the fields: on a small terminal, bring them up, or Save seems to do nothing.
        self.call_after_refresh(shown.scroll_visible, animate=False)

    def action_save(self) -> None:
        fields = self.values()
        try:
            self.save(fields)
        except AuthoringError as error:
            self.show_problems(error.problems)
            return
        self.dismiss(fields)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#fact-form-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#fact-form-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
