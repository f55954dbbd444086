"""The panels of a round in play: the question, the feedback after it, and the end-of-round summary.

Attributes down, messages up: the quiz screen calls `show(...)`; a panel posts what
the user chose (an option, a citation) and the screen decides what happens.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.deck.model import Citation, Deck
from tui.core.quiz.rounds import RoundResult
from tui.core.verdicts import Verdict
from tui.core.quiz.questions import Question
from tui.present import quiz as render


class ChoiceList(OptionList):
    """The options of a multiple-choice question; an option's id is its label."""


class FeedbackCitations(OptionList):
    """The citations under feedback. Enter moves on (as everywhere in feedback); `o` opens the source."""

    DEFAULT_CSS = """
    FeedbackCitations {
        border: none;
        padding: 0;
        &:focus { border: none; }
    }
    """

    BINDINGS = [Binding("enter", "screen.next_question", "Next", show=False)]


class QuestionPanel(Vertical):
    """One question: heading, prompt, then options, an answer box, or the claim keys."""

    def compose(self) -> ComposeResult:
        yield Static(id="question-heading")
        yield Static(id="question-body")
        yield ChoiceList(id="question-choices")
        yield Input(placeholder="Your answer", id="question-answer")
        yield Static(id="question-hint")
        yield Static(id="question-note")

    def show(self, question: Question, number: int, total: int) -> None:
        self.query_one("#question-heading", Static).update(render.question_heading(question, number, total))
        self.query_one("#question-body", Static).update(render.question_body(question, with_options=False))
        self.query_one("#question-hint", Static).update(render.answer_hint(question, plain=False))
        self.note("")
        choices = self.query_one(ChoiceList)
        choices.clear_options()
        choices.display = question.type == "choice"
        answer = self.query_one(Input)
        answer.value = ""
        answer.display = question.type in ("typed", "cloze")
        if question.type == "choice":
            choices.add_options(Option(render.option_text(o.label, o.text), id=o.label) for o in question.options)
            choices.highlighted = 0
            choices.focus()
        elif answer.display:
            answer.focus()
        else:
            self.screen.set_focus(None)  # a claim is judged with s / r / n on the screen

    def note(self, message: str) -> None:
        self.query_one("#question-note", Static).update(Text(message, style="bold yellow"))


class FeedbackPanel(Vertical):
    """The verdict, the fact's statement and its provenance; shown only once a question is settled."""

    def __init__(self, deck: Deck, **kwargs) -> None:
        super().__init__(**kwargs)
        self.deck = deck
        self.citations: tuple[Citation, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static(id="feedback-question")
        yield Static(id="feedback-head")
        yield FeedbackCitations(id="feedback-citations")
        yield Static(id="feedback-hint")

    def show(self, question: Question, grade: Verdict, number: int, total: int) -> None:
        last = number >= total
        self.query_one("#feedback-question", Static).update(render.asked_line(question, number, total))
        self.query_one("#feedback-head", Static).update(render.feedback_head(self.deck, question, grade))
        self.citations = question.fact.citations if question.fact else ()
        citations = self.query_one(FeedbackCitations)
        citations.clear_options()
        options: list[Option | None] = []
        for index, citation in enumerate(self.citations):
            if index:
                options.append(None)  # a separator line between citations
            options.append(Option(render.citation_text(self.deck, citation), id=str(index)))
        citations.add_options(options)
        citations.display = bool(self.citations)
        hint = "Enter: " + ("see the results" if last else "next question")
        if self.citations:
            hint += " · o: open the highlighted quote in its article" + (" · ↑↓ choose" if len(self.citations) > 1 else "")
        self.query_one("#feedback-hint", Static).update(Text(hint, style="dim"))
        if self.citations:
            citations.highlighted = 0
            citations.focus()
        else:
            self.screen.set_focus(None)

    def clear(self) -> None:
        """Forget the last feedback, so no provenance lingers on screen before the next answer."""
        self.query_one("#feedback-question", Static).update("")
        self.query_one("#feedback-head", Static).update("")
        self.query_one(FeedbackCitations).clear_options()
        self.citations = ()

    @property
    def chosen_citation(self) -> Citation | None:
        citations = self.query_one(FeedbackCitations)
        if not self.citations or citations.highlighted is None:
            return None
        option = citations.get_option_at_index(citations.highlighted)
        return self.citations[int(option.id)] if option.id is not None else None


class SummaryPanel(VerticalScroll):
    """The end of a round: score, time, topics, what was missed and where it is said."""

    def compose(self) -> ComposeResult:
        yield Static(Text("End of round", style="bold underline"), id="summary-title")
        yield Static(id="summary-body")
        yield Static(id="summary-hint")

    def show(self, deck: Deck, result: RoundResult, planned: int) -> None:
        self.query_one("#summary-body", Static).update(render.summary(deck, result, planned=planned))
        hint = "Enter: new round"
        if result.missed:
            hint = "r: retry the missed ones · " + hint
        self.query_one("#summary-hint", Static).update(Text(hint, style="bold"))
        self.scroll_home(animate=False)
        # Focused, so ↑↓ and PgUp/PgDn scroll a list of missed questions taller than the screen.
        self.focus()
