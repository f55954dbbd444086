"""Taking a drill: the pupil's name first, then the questions with a countdown, then the score.

Three screens over one `DrillSession` from the core, which keeps time and saves
every answer; these screens only show it. The countdown reads the core's
deadline four times a second, and `tick()` settles what ran out: a timed-out
question is saved as unanswered. Nothing here opens facts, sources or search:
a pupil in a drill sees only the questions.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Input, OptionList, Static

from tui.app.widgets.footer import SteadyFooter
from tui.app.widgets.quiz_panels import FeedbackPanel, QuestionPanel
from tui.core.drills.recording import clean_name
from tui.core.drills.rounds import PreparedDrill
from tui.core.drills.taking import DrillSession, TimeUp
from tui.core.quiz.rounds import NotAnAnswer
from tui.core.quiz.runner import RoundState
from tui.present import drill as drill_text
from tui.present import quiz as render
from tui.present.text import safe

QUESTION, FEEDBACK = "question", "feedback"
TICK_SECONDS = 0.25


class NameScreen(Screen):
    """Asks for the pupil's name (required; kept as typed, trimmed). The app starts the drill with it."""

    BINDINGS = [Binding("escape", "app.quit", "Leave", id="drill.leave")]

    def __init__(self, prepared: PreparedDrill) -> None:
        super().__init__()
        self.prepared = prepared

    def compose(self) -> ComposeResult:
        with Vertical(id="name-panel"):
            yield Static(drill_text.drill_intro(self.prepared.drill, len(self.prepared.round)), id="name-intro")
            yield Static(Text("Your name (your teacher sees it beside your answers):"), id="name-label")
            yield Input(placeholder="Your name", id="name-input", max_length=80)
            yield Static(id="name-problem")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def show_problem(self, message: str) -> None:
        self.query_one("#name-problem", Static).update(Text(message, style="bold yellow"))

    @on(Input.Submitted, "#name-input")
    def _submitted(self, event: Input.Submitted) -> None:
        name = clean_name(event.value)
        if not name:
            self.show_problem("A name is needed to start.")
            return
        problem = self.app.start_drill(name)
        if problem:
            self.show_problem(problem)


class DrillScreen(Screen):
    """The questions, one at a time, with the countdown; feedback after each unless in exam mode."""

    BINDINGS = [
        *(Binding(key, f"choose('{key.upper()}')", f"Option {key.upper()}", show=False, id=f"drill.choose_{key}")
          for key in "abcd"),
        Binding("s", "judge('s')", "Supported", show=False, id="drill.supported"),
        Binding("r", "judge('r')", "Refuted", show=False, id="drill.refuted"),
        Binding("n", "judge('n')", "Not in sources", show=False, id="drill.not_in_sources"),
        Binding("ctrl+s", "skip", "Leave unanswered", id="drill.skip"),
        Binding("enter", "next_question", "Next", id="drill.next"),
        Binding("escape", "stop", "Stop (answers are kept)", id="drill.stop"),
    ]

    def __init__(self, session: DrillSession) -> None:
        super().__init__()
        self.session = session
        self.state = QUESTION

    def compose(self) -> ComposeResult:
        drill = self.session.prepared.drill
        title = safe(drill.title, "bold")
        title.append("  ·  ")
        title.append_text(safe(self.session.pupil))
        yield Static(title, id="drill-title")
        if self.session.resumed:  # until the first question taken up again is settled
            yield Static(Text(drill_text.welcome_back(self.session.pupil, self.session.resumed, self.session.total),
                              style="bold"), id="drill-welcome")
        yield Static(id="drill-countdown")
        with ContentSwitcher(initial=QUESTION, id="drill-panes"):
            yield QuestionPanel(id=QUESTION)
            yield FeedbackPanel(self.session.prepared.deck, id=FEEDBACK)
        yield SteadyFooter()

    def on_mount(self) -> None:
        self._show_question()
        self.set_interval(TICK_SECONDS, self._tick)

    # --- keys work only where they mean something --------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        question = self.session.current
        if action == "judge":
            return self.state == QUESTION and question is not None and question.type == "claim"
        if action == "choose":
            return self.state == QUESTION and question is not None and question.type == "choice"
        if action == "skip":
            return self.state == QUESTION
        if action == "next_question":
            return self.state == FEEDBACK
        return True

    def _enter(self, state: str) -> None:
        self.state = state
        self.query_one(ContentSwitcher).current = state
        self.refresh_bindings()

    # --- the clock -----------------------------------------------------------------------------

    def _tick(self) -> None:
        if self.app.screen is not self:  # asked whether to stop: the clock is read again after
            return
        if self.state == QUESTION and self.session.tick():
            self._settled(None)
        elif self.state == FEEDBACK and self.session.deadline.round_over():
            self.session.tick()  # the whole drill's time is up while reading feedback: every question left too
            self.app.drill_finished()
            return
        self.query_one("#drill-countdown", Static).update(drill_text.countdown(self.session.time_left()))

    # --- a question ------------------------------------------------------------------------------

    def _show_question(self) -> None:
        question = self.session.current
        if question is None:
            self.app.drill_finished()
            return
        self.query_one(FeedbackPanel).clear()
        self._enter(QUESTION)
        self.query_one(QuestionPanel).show(question, self.session.number, self.session.total)
        if question.type == "choice":
            # No option starts highlighted: an Enter meant for the last question (exam mode moves on at
            # once; feedback is left with Enter) would otherwise answer A to a question not yet read.
            self.query_one("#question-choices", OptionList).highlighted = None
        self.query_one("#question-hint", Static).update(render.answer_hint(question, plain=False, drill=True))
        self.query_one("#drill-countdown", Static).update(drill_text.countdown(self.session.time_left()))

    def _give(self, given: str) -> None:
        if self.state != QUESTION:
            return
        if not given.strip():
            self.query_one(QuestionPanel).note("An empty answer is not graded: answer, or ctrl+s to leave it.")
            return
        try:
            record = self.session.answer(given)
        except NotAnAnswer as problem:
            self.query_one(QuestionPanel).note(f"Not an answer here: {problem}.")
            return
        except TimeUp:
            record = None
        self._settled(record)

    def _settled(self, record) -> None:
        """Feedback, or (exam mode, or time up for the whole drill) straight on."""
        if self.session.state == RoundState.SUMMARY:  # the drill's time ran out
            self.app.drill_finished()
            return
        for welcome in self.query("#drill-welcome"):
            welcome.display = False
        record = record or self.session.result().results[-1]
        if self.session.prepared.drill.exam:
            self._next()
            return
        question = record.question
        panel = self.query_one(FeedbackPanel)
        panel.show(question, record.grade, self.session.number, self.session.total)
        if self.session.timed_out:
            head = render.feedback_head(self.session.prepared.deck, question, record.grade)
            panel.query_one("#feedback-head", Static).update(drill_text.timed_out_head(head))
        hint = "Time was up: saved as unanswered. " if self.session.timed_out else ""
        self.query_one("#feedback-hint", Static).update(Text(hint + "Enter: next question", style="dim"))
        self._enter(FEEDBACK)
        self.set_focus(None)

    def _next(self) -> None:
        if self.session.advance() is None:
            self.app.drill_finished()
        else:
            self._show_question()

    @on(Input.Submitted, "#question-answer")
    def _typed(self, event: Input.Submitted) -> None:
        self._give(event.value)

    @on(OptionList.OptionSelected, "#question-choices")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self._give(event.option.id)

    def action_judge(self, key: str) -> None:
        self._give(key)

    def action_choose(self, label: str) -> None:
        self._give(label)

    def action_skip(self) -> None:
        try:
            record = self.session.skip()
        except TimeUp:
            record = None
        self._settled(record)

    def action_next_question(self) -> None:
        self._next()

    def action_stop(self) -> None:
        """Ask first: a drill that cannot be retried cannot be taken up again."""
        from tui.app.screens.quiz_confirm import ConfirmQuitRound

        def confirmed(stop: bool | None) -> None:
            if stop:
                self.app.drill_finished()

        drill = self.session.prepared.drill
        after = "your answers are kept" + ("." if drill.retry else
                                           "; under the same name you can come back to the questions left.")
        answered = len(self.session.result().results)
        self.app.push_screen(ConfirmQuitRound(answered, self.session.total, question="Stop the drill?", after=after),
                             confirmed)


class DrillEndScreen(Screen):
    """The score with the pass mark, each question's outcome, and the right answers."""

    BINDINGS = [
        Binding("r", "retry", "Take it again", id="drill.retry"),
        Binding("q,enter,escape", "app.quit", "Done", id="drill.done"),
    ]

    def __init__(self, session: DrillSession) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        drill = self.session.prepared.drill
        with VerticalScroll(id="drill-end"):
            yield Static(Text("End of drill", style="bold underline"))
            yield Static(drill_text.end_summary(drill, self.session.result(), self.session.total,
                                                 self.session.timed_out_numbers),
                         id="drill-end-summary")
            yield Static(Text("Your answers are saved." + (" r: take it again." if drill.retry else ""),
                              style="dim"))
        yield SteadyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return self.session.prepared.drill.retry
        return True

    def action_retry(self) -> None:
        self.app.retry_drill()
