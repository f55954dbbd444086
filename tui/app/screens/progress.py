"""Progress mode: the learner's own report — accuracy by day as a chart, most-missed facts, due today.

The progress file is read in a worker each time the mode is shown (a quiz in another mode may have
added answers) and on f5; the numbers are the core's (`tui.core.progress.report`), the text the same
the CLI prints (`tui.present.progress`), the chart textual-plotext's.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Group
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static
from textual_plotext import PlotextPlot

from tui.app.widgets.footer import SteadyFooter
from tui.core.progress.report import LearnerReport, learner_report
from tui.core.progress.store import ProgressError, ProgressStore
from tui.core.session import DeckSession
from tui.present.progress import SPARK_DAYS, accuracy_line, due_table, missed_table, totals_line
from tui.present.text import safe

_STYLES = Path(__file__).parent.parent / "styles"


class ProgressScreen(Screen):
    """The report over this deck's saved progress (`report` holds the last one read)."""

    CSS_PATH = _STYLES / "progress.tcss"
    BINDINGS = [Binding("f5,ctrl+r", "refresh_progress", "Refresh", id="progress.refresh")]

    def __init__(self, session: DeckSession) -> None:
        super().__init__()
        self.session = session
        self.report: LearnerReport | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="progress-body"):
            yield Static(Text("Reading your progress…", style="dim"), id="progress-totals")
            yield PlotextPlot(id="progress-chart", classes="-empty")
            yield Static(id="progress-tables")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Progress"

    def on_screen_resume(self) -> None:
        self.action_refresh_progress()

    def action_refresh_progress(self) -> None:
        self._read()

    @work(thread=True, exclusive=True, group="progress-read")
    def _read(self) -> None:
        try:
            with ProgressStore() as store:
                report = learner_report(store, self.session.deck)
        except ProgressError as error:
            self.app.call_from_thread(self._show_problem, str(error))
            return
        self.app.call_from_thread(self._show, report)

    def _show_problem(self, message: str) -> None:
        self.query_one("#progress-totals", Static).update(safe(message, "bold yellow"))

    def _show(self, report: LearnerReport) -> None:
        self.report = report
        deck = self.session.deck
        self.query_one("#progress-totals", Static).update(Group(totals_line(report), accuracy_line(report.days)))
        self.query_one("#progress-tables", Static).update(
            Group(missed_table(report, deck), Text(), due_table(report, deck)))
        self._draw_chart(report)

    def _draw_chart(self, report: LearnerReport) -> None:
        chart = self.query_one("#progress-chart", PlotextPlot)
        days = report.days[-SPARK_DAYS:]
        chart.set_class(not days, "-empty")
        plt = chart.plt
        plt.clear_figure()
        if days:
            plt.bar([d.day.strftime("%m-%d") for d in days], [round(d.percent) for d in days])
            plt.ylim(0, 100)
            plt.title("Right answers by day (%)")
        chart.refresh()
