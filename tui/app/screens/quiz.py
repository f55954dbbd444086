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

from tui.core.deck.model import Deck
from tui.core.quiz.rounds import NotAnAnswer, RoundSpec, build_round, retry_round
from tui.core.quiz.runner import RoundRunner, RoundState
from tui.core.session import DeckSession
from tui.core.verdicts import QuestionType
from tui.app.messages import OpenSource
from tui.app.screens.quiz_confirm import ConfirmQuitRound
from tui.app.widgets.footer import SteadyFooter
from tui.app.widgets.quiz_panels import ChoiceList, FeedbackPanel, QuestionPanel, SummaryPanel
from tui.app.widgets.quiz_setup import QuizSetup

_STYLES = Path(__file__).parent.parent / "styles"

SETUP, QUESTION, FEEDBACK, SUMMARY = RoundState

# action -> the states (and, for a question, the question types) it works in
_ENABLED = {
    "choose": (QUESTION, (QuestionType.CHOICE,)),
    "judge": (QUESTION, (QuestionType.CLAIM,)),
    "skip": (QUESTION, None),
    "reveal": (QUESTION, None),
    "next_question": (FEEDBACK, None),
    "open_source": (FEEDBACK, None),
    "retry": (SUMMARY, None),
    "new_round": (SUMMARY, None),
}


class QuizScreen(Screen):
    """Quiz mode over a deck session; `start_round(spec)` skips the form (tests, `quiz --seed`)."""

    CSS_PATH = _STYLES / "quiz.tcss"
    # The setup form's Start button, focused as the screen is shown rather than after it is
    # drawn (a round started from the command line has focused its answer box by then).
    AUTO_FOCUS = "#setup-start"
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

    def __init__(self, session: DeckSession) -> None:
        super().__init__()
        self.session = session
        self.state = SETUP
        self.runner: RoundRunner | None = None
        # The class the first Resize would give the screen, given now (as Browse does): otherwise
        # every widget of the form is styled once without it and again with it before the first frame.
        width = self.app.size.width
        self.add_class(next(name for least, name in sorted(self.HORIZONTAL_BREAKPOINTS, reverse=True)
                            if width >= least))

    @property
    def deck(self) -> Deck:
        return self.session.deck

    def compose(self) -> ComposeResult:
        yield Header()
        with ContentSwitcher(initial=SETUP, id="quiz-panes"):
            yield QuizSetup(self.deck, id=SETUP)
            yield QuestionPanel(id=QUESTION)
            yield FeedbackPanel(self.deck, id=FEEDBACK)
            yield SummaryPanel(id=SUMMARY)
        yield SteadyFooter()

    def _report(self, problem: str) -> None:
        self.notify(problem, title="Progress", severity="warning", markup=False, timeout=8)

    def _close_round(self) -> None:
        if self.runner is not None:
            self.runner.close()  # a round quit part-way is saved so far (the runner's rule)
            self.runner = None

    def on_unmount(self) -> None:
        self._close_round()

    def on_mount(self) -> None:
        self.sub_title = "Quiz"
        if self.session.round_spec is not None:  # `factdrill quiz --seed ...` starts straight away
            self.start_round(self.session.round_spec)
        else:
            # Once the form is on screen: a thread started now would hold up its first frame.
            self.call_after_refresh(self._prepare_checker)

    @work(thread=True, exclusive=True, group="quiz-checker")
    def _prepare_checker(self) -> None:
        # Built while the setup form is read: on a 100,000-fact deck it takes a second or two,
        # which would otherwise freeze the screen when Enter starts the round.
        self.session.checker

    @work(thread=True, exclusive=True, group="quiz-fact-checker")
    def _prepare_fact_checker(self) -> None:
        # Claim feedback gives the fact checker's reason; it needs the search index, built here
        # while the first question is read rather than when its answer is judged.
        self.session.fact_checker

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
            return bool(self.runner and self.runner.result().missed)
        if action == "open_source":  # a claim no article makes has no source to open
            return bool(self.query_one(FeedbackPanel).citations)
        if types is not None:
            question = self.runner.current if self.runner else None
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
        self._close_round()
        self.runner = self.session.runner(round_, report=self._report)
        if any(question.type == "claim" for question in round_.questions):
            self._prepare_fact_checker()
        self._show_question()
        return True

    def _show_question(self) -> None:
        assert self.runner is not None and self.runner.current is not None
        self.query_one(FeedbackPanel).clear()
        self._enter(QUESTION)
        self.query_one(QuestionPanel).show(self.runner.current, self.runner.number, self.runner.total)

    def _settled(self) -> None:
        assert self.runner is not None and self.runner.last is not None
        record = self.runner.last
        self._enter(FEEDBACK)
        self.query_one(FeedbackPanel).show(record.question, record.grade, self.runner.number, self.runner.total)
        self.refresh_bindings()  # whether `o` applies depends on the citations just shown

    def answer(self, given: str) -> None:
        """Grade `given`; an empty or impossible answer is not graded and says why."""
        if self.runner is None or self.state != QUESTION:
            return
        panel = self.query_one(QuestionPanel)
        if not given.strip():
            panel.note("An empty answer is not graded: type an answer, or ctrl+s to skip.")
            return
        try:
            self.runner.answer(given)
        except NotAnAnswer as problem:
            panel.note(f"Not an answer here: {problem}.")
            return
        self._settled()

    def _finish(self) -> None:
        assert self.runner is not None
        result = self.runner.finish()
        self._enter(SUMMARY)
        self.query_one(SummaryPanel).show(self.deck, result, self.runner.total)

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
        if self.runner is not None and self.state == QUESTION:
            self.runner.skip()
            self._settled()

    def action_reveal(self) -> None:
        if self.runner is not None and self.state == QUESTION:
            self.runner.reveal()
            self._settled()

    def action_next_question(self) -> None:
        if self.runner is None or self.state != FEEDBACK:
            return
        if self.runner.advance() is None:
            self._finish()
        else:
            self._show_question()

    def action_open_source(self) -> None:
        citation = self.query_one(FeedbackPanel).chosen_citation
        if self.state == FEEDBACK and citation is not None:
            self.post_message(OpenSource(citation.source_id, citation))

    def action_retry(self) -> None:
        if self.runner is not None and self.runner.result().missed:
            self.start_round(retry_round(self.deck, self.runner.result()).spec)

    def action_new_round(self) -> None:
        self._enter(SETUP)
        self.query_one("#setup-start").focus()

    def action_quit_round(self) -> None:
        if self.runner is None or self.state not in (QUESTION, FEEDBACK):
            return

        def confirmed(quit_round: bool | None) -> None:
            if quit_round:
                self._finish()

        self.app.push_screen(ConfirmQuitRound(self.runner.result().total, self.runner.total), confirmed)
