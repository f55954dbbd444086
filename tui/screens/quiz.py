"""Quiz mode: set up a round, answer, see the verdict with its sources, and review the round.

One screen moves through four states — setup, question, feedback, summary — over a
`QuizSession` from the core, which does the building and grading. Keys are enabled per
state (`check_action`), so `a`–`d` choose only on a choice question, `s`/`r`/`n` judge
only a claim, and none of them clashes with the mode keys 1–3. Provenance is put on
screen only when a question is settled, and cleared before the next one.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Header, Input, OptionList

from tui.core.checking import checker_for
from tui.core.deck import Deck
from tui.core.progress import ProgressRecorder
from tui.core.quiz import NotAnAnswer, QuizSession, RoundSpec, build_round, retry_round
from tui.screens.quiz_confirm import ConfirmQuitRound
from tui.widgets.footer import SteadyFooter
from tui.widgets.quiz_panels import ChoiceList, FeedbackPanel, QuestionPanel, SummaryPanel
from tui.widgets.quiz_setup import QuizSetup

_STYLES = Path(__file__).parent.parent / "styles"

SETUP, QUESTION, FEEDBACK, SUMMARY = "setup", "question", "feedback", "summary"

# action -> the states (and, for a question, the question types) it works in
_ENABLED = {
    "choose": (QUESTION, ("choice",)),
    "judge": (QUESTION, ("claim",)),
    "skip": (QUESTION, None),
    "reveal": (QUESTION, None),
    "next_question": (FEEDBACK, None),
    "open_source": (FEEDBACK, None),
    "retry": (SUMMARY, None),
    "new_round": (SUMMARY, None),
}


class QuizScreen(Screen):
    """Quiz mode. Reads the deck from `app.deck`; `start_round(spec)` skips the form (tests, --seed)."""

    CSS_PATH = _STYLES / "quiz.tcss"
    # Below 80 columns the setup form's lists go one above another (see quiz.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]
    BINDINGS = [
        *(Binding(key, f"choose('{key.upper()}')", f"Option {key.upper()}", show=False, id=f"quiz.choose_{key}")
          for key in "abcd"),
        Binding("s", "judge('s')", "Supported", show=False, id="quiz.supported"),
        Binding("r", "judge('r')", "Refuted", show=False, id="quiz.refuted"),
        Binding("n", "judge('n')", "Not in sources", show=False, id="quiz.not_in_sources"),
        Binding("ctrl+s", "skip", "Skip", id="quiz.skip", tooltip="Skip this question (counts as missed)"),
        Binding("ctrl+r", "reveal", "Reveal", id="quiz.reveal", tooltip="Show the answer (counts as missed)"),
        Binding("enter", "next_question", "Next", id="quiz.next"),
        Binding("o", "open_source", "Open source", id="quiz.open_source",
                tooltip="Open the highlighted quote in its article"),
        Binding("r", "retry", "Retry missed", id="quiz.retry", tooltip="A new round of the missed questions"),
        Binding("enter", "new_round", "New round", id="quiz.new_round"),
        Binding("escape", "quit_round", "Quit round", id="quiz.quit_round"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.state = SETUP
        self.session: QuizSession | None = None
        self._recorder: ProgressRecorder | None = None
        self._round_saved = False

    @property
    def deck(self) -> Deck:
        return self.app.deck

    def compose(self) -> ComposeResult:
        yield Header()
        with ContentSwitcher(initial=SETUP, id="quiz-panes"):
            yield QuizSetup(self.deck, id=SETUP)
            yield QuestionPanel(id=QUESTION)
            yield FeedbackPanel(self.deck, id=FEEDBACK)
            yield SummaryPanel(id=SUMMARY)
        yield SteadyFooter()

    @property
    def recorder(self) -> ProgressRecorder:
        """Where answers are saved; opened on the first round, not when the mode is merely visited."""
        if self._recorder is None:
            self._recorder = ProgressRecorder(self.deck.title)
        return self._recorder

    def _saved(self, problem: str | None) -> None:
        if problem:
            self.notify(problem, title="Progress", severity="warning", markup=False, timeout=8)

    def on_unmount(self) -> None:
        # Quitting the app mid-round still saves the round so far; its answers already are.
        if self.session is not None and not self._round_saved:
            self.recorder.finished(self.session.result())
        if self._recorder is not None:
            self._recorder.close()

    def on_mount(self) -> None:
        self.sub_title = "Quiz"
        spec = getattr(self.app, "quiz_spec", None)  # `factdrill quiz --seed ...` starts straight away
        if isinstance(spec, RoundSpec):
            self.start_round(spec)
        else:
            self._prepare_checker()

    @work(thread=True, exclusive=True, group="quiz-checker")
    def _prepare_checker(self) -> None:
        # Built while the setup form is read: on a 100,000-fact deck it takes a second or two,
        # which would otherwise freeze the screen when Enter starts the round.
        checker_for(self.deck)

    # --- state ------------------------------------------------------------------------------

    def _enter(self, state: str) -> None:
        self.state = state
        self.query_one(ContentSwitcher).current = state
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "quit_round":
            return self.state in (QUESTION, FEEDBACK)
        if action not in _ENABLED:
            return True
        state, types = _ENABLED[action]
        if self.state != state:
            return False
        if action == "retry":
            return bool(self.session and self.session.result().missed)
        if action == "open_source":  # a claim no article makes has no source to open
            return bool(self.query_one(FeedbackPanel).citations)
        if types is not None:
            question = self.session.current if self.session else None
            return question is not None and question.type in types
        return True

    # --- the round ----------------------------------------------------------------------------

    def start_round(self, spec: RoundSpec) -> bool:
        """Build and start a round; False (and the reason on the form) when nothing matches."""
        round_ = build_round(self.deck, spec)
        if not round_.questions:
            self._enter(SETUP)
            self.query_one(QuizSetup).show_problem("No question matches these tags, sources and types.")
            return False
        self.session = QuizSession.start(self.deck, round_)
        self._round_saved = False
        self._show_question()
        return True

    def _show_question(self) -> None:
        assert self.session is not None and self.session.current is not None
        self.query_one(FeedbackPanel).clear()
        self._enter(QUESTION)
        self.query_one(QuestionPanel).show(self.session.current, self.session.index + 1, len(self.session.round))

    def _settled(self) -> None:
        assert self.session is not None and self.session.last is not None
        record = self.session.last
        self._saved(self.recorder.answered(record))
        self._enter(FEEDBACK)
        self.query_one(FeedbackPanel).show(record.question, record.grade, self.session.index + 1,
                                           len(self.session.round))
        self.refresh_bindings()  # whether `o` applies depends on the citations just shown

    def answer(self, given: str) -> None:
        """Grade `given`; an empty or impossible answer is not graded and says why."""
        if self.session is None or self.state != QUESTION:
            return
        panel = self.query_one(QuestionPanel)
        if not given.strip():
            panel.note("An empty answer is not graded: type an answer, or ctrl+s to skip.")
            return
        try:
            self.session.answer(given)
        except NotAnAnswer as problem:
            panel.note(f"Not an answer here: {problem}.")
            return
        self._settled()

    def _finish(self) -> None:
        assert self.session is not None
        self._saved(self.recorder.finished(self.session.result()))
        self._round_saved = True
        self._enter(SUMMARY)
        self.query_one(SummaryPanel).show(self.deck, self.session.result(), len(self.session.round))

    # --- input ---------------------------------------------------------------------------------

    @on(Input.Submitted, "#question-answer")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        self.answer(event.value)

    @on(OptionList.OptionSelected, "#question-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.answer(event.option.id)

    @on(OptionList.OptionSelected, "#feedback-citations")
    def _citation_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open_source()

    @on(QuizSetup.Start)
    def _start(self, event: QuizSetup.Start) -> None:
        self.start_round(event.spec)

    # --- actions ---------------------------------------------------------------------------------

    def action_choose(self, label: str) -> None:
        self.query_one(ChoiceList).highlighted = "ABCD".index(label)
        self.answer(label)

    def action_judge(self, key: str) -> None:
        self.answer(key)

    def action_skip(self) -> None:
        if self.session is not None and self.state == QUESTION:
            self.session.skip()
            self._settled()

    def action_reveal(self) -> None:
        if self.session is not None and self.state == QUESTION:
            self.session.reveal()
            self._settled()

    def action_next_question(self) -> None:
        if self.session is None or self.state != FEEDBACK:
            return
        if self.session.advance() is None:
            self._finish()
        else:
            self._show_question()

    def action_open_source(self) -> None:
        citation = self.query_one(FeedbackPanel).chosen_citation
        if self.state == FEEDBACK and citation is not None:
            self.app.open_source(citation.source_id, citation)

    def action_retry(self) -> None:
        if self.session is not None and self.session.result().missed:
            self.start_round(retry_round(self.deck, self.session.result()).spec)

    def action_new_round(self) -> None:
        self._enter(SETUP)
        self.query_one("#setup-start").focus()

    def action_quit_round(self) -> None:
        if self.session is None or self.state not in (QUESTION, FEEDBACK):
            return

        def confirmed(quit_round: bool | None) -> None:
            if quit_round:
                self._finish()

        self.app.push_screen(ConfirmQuitRound(len(self.session.results), len(self.session.round)), confirmed)
