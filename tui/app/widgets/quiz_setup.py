"""The quiz setup form: count, types, tags, sources and seed, with defaults so Enter starts at once."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Input, Label, SelectionList, Static

from tui.core.deck.model import Deck
from tui.core.quiz.rounds import DEFAULT_COUNT, QUESTION_TYPES, RoundSpec, new_seed
from tui.core.quiz.questions import TYPE_LABELS
from tui.present.facts import safe


class SetupChoices(SelectionList[str]):
    """A list of the form: Space ticks, and Enter starts the round as it does everywhere in the form
    (a SelectionList's own Enter would tick, so a teacher tabbing to Tags and pressing Enter
    to start would change the tags instead)."""

    BINDINGS = [
        Binding("space", "select", "Tick", id="quiz.setup.tick", tooltip="tick or untick the highlighted entry"),
        Binding("enter", "start", "Start", id="quiz.setup.start", tooltip="start the round"),
    ]

    def action_start(self) -> None:
        self.query_ancestor(QuizSetup).request_start()


class QuizSetup(VerticalScroll):
    """The form. Posts `QuizSetup.Start` with a `RoundSpec` when Start is pressed or Enter is hit in a box."""

    class Start(Message):
        def __init__(self, spec: RoundSpec) -> None:
            super().__init__()
            self.spec = spec

    def __init__(self, deck: Deck, **kwargs) -> None:
        super().__init__(**kwargs)
        self.deck = deck

    def compose(self) -> ComposeResult:
        yield Static(Text("Set up a round. Empty tags or sources mean all; an empty seed picks one "
                          "(shown at the end, to replay). Space ticks; Enter starts.", style="dim"), id="setup-help")
        with Horizontal(id="setup-numbers"):
            with Vertical(classes="setup-field"):
                yield Label("Questions")
                yield Input(str(DEFAULT_COUNT), id="setup-count", type="integer", max_length=4)
            with Vertical(classes="setup-field"):
                yield Label("Seed")
                yield Input(placeholder="random", id="setup-seed", type="integer", max_length=9)
            yield Button("Start", id="setup-start", variant="primary")
        with Horizontal(id="setup-lists"):
            with Vertical(classes="setup-list"):
                yield Label("Question types")
                yield SetupChoices(*((TYPE_LABELS[t], t, True) for t in QUESTION_TYPES), id="setup-types")
            with Vertical(classes="setup-list"):
                yield Label("Tags")
                yield SetupChoices(*((safe(tag), tag) for tag in self.deck.tags), id="setup-tags")
            with Vertical(classes="setup-list"):
                yield Label("Sources")
                yield SetupChoices(
                    # Title first: most outlets are unknown, so an outlet-first label
                    # truncates to the same words for several sources.
                    *((safe(f"{s.title} · {s.outlet_label()}"), s.id) for s in self.deck.sources.values()),
                    id="setup-sources",
                )
        yield Static("", id="setup-problem")

    def spec(self) -> RoundSpec | None:
        """The settings as a spec; None (with the problem shown) when they cannot make a round."""
        count_text = self.query_one("#setup-count", Input).value.strip()
        seed_text = self.query_one("#setup-seed", Input).value.strip()
        types = tuple(self.query_one("#setup-types", SelectionList).selected)
        problem = ""
        count = int(count_text) if count_text.lstrip("-").isdigit() else 0
        if count < 1:
            problem = "The number of questions must be at least 1."
        elif not types:
            problem = "Choose at least one question type."
        self.query_one("#setup-problem", Static).update(Text(problem, style="bold red"))
        if problem:
            return None
        return RoundSpec(
            count=count,
            tags=tuple(self.query_one("#setup-tags", SelectionList).selected),
            sources=tuple(self.query_one("#setup-sources", SelectionList).selected),
            types=tuple(t for t in QUESTION_TYPES if t in types),
            seed=int(seed_text) if seed_text.lstrip("-").isdigit() else new_seed(),
        )

    def show_problem(self, problem: str) -> None:
        self.query_one("#setup-problem", Static).update(Text(problem, style="bold red"))

    @on(Button.Pressed, "#setup-start")
    @on(Input.Submitted)
    def _start(self, event: Message) -> None:
        event.stop()
        self.request_start()

    def request_start(self) -> None:
        """Start a round with the settings, or show why they cannot make one."""
        spec = self.spec()
        if spec is not None:
            self.post_message(self.Start(spec))
