"""Report mode: the teacher's view of a class's drill results, refreshed while pupils answer.

The store is read in a worker thread every few seconds (a PostgreSQL server may
be across the network), and the tables are redrawn with what came back. The
numbers are the core's (`tui.core.results.report`), the tables the same ones the
CLI prints (`tui.present.report`).
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

from tui.app.widgets.footer import SteadyFooter
from tui.core.session import DeckSession
from tui.present.text import safe

REFRESH_SECONDS = 2.0


class ReportScreen(Screen):
    """The report over `results` (a folder or a postgresql:// URL); only `drill_id` when given."""

    BINDINGS = [Binding("f5,ctrl+r", "refresh_report", "Refresh", id="report.refresh")]

    def __init__(self, session: DeckSession, results, drill_id: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.results = results
        self.drill_id = drill_id
        self.reports: list = []  # the last reports read, for tests and the title

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="report-body"):
            yield Static(Text("Reading the class results…", style="dim"), id="report-tables")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Report"
        self.action_refresh_report()
        self.set_interval(REFRESH_SECONDS, self.action_refresh_report)

    def action_refresh_report(self) -> None:
        self._read()

    @work(thread=True, exclusive=True, group="report-read")
    def _read(self) -> None:
        from tui.core.results.opening import is_url
        from tui.core.results.report import read_reports
        from tui.core.results.store import ResultsError

        if not is_url(self.results) and not (Path(self.results) / "results.sqlite3").is_file():
            self.app.call_from_thread(self._show_message, f"No class results in {self.results} yet. "
                                      "Run `factdrill report DIR --live` on the folder a drill saves to.")
            return
        try:
            reports, _answers = read_reports(self.results, self.drill_id, self.session.deck)
        except ResultsError as error:
            self.app.call_from_thread(self._show_message, str(error))
            return
        self.app.call_from_thread(self._show, reports)

    def _show_message(self, message: str) -> None:
        self.query_one("#report-tables", Static).update(safe(message, "bold yellow"))

    def _show(self, reports: list) -> None:
        from tui.present.report import report_renderable

        self.reports = reports
        if not reports:
            self._show_message("No attempts yet.")
            return
        self.query_one("#report-tables", Static).update(Group(*(report_renderable(r) for r in reports)))
