"""The app a pupil takes a drill in: name, questions, score — and nothing else to open.

A separate App from the deck browser on purpose: during a drill there is no Browse
or Search to look answers up in. `factdrill drill FILE [--name NAME]` runs it, in a
terminal or (for `serve --drill`) in a browser tab.
"""

from __future__ import annotations

import asyncio
import signal
import threading
import time
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from tui.core.drills.recording import ResultsRecorder, clean_name
from tui.core.drills.resuming import RetryNotAllowed
from tui.core.drills.rounds import PreparedDrill
from tui.core.drills.taking import DrillSession
from tui.core.results.store import ResultsError
from tui.core.safe_text import printable

_STYLES = Path(__file__).parent / "styles"


class DrillApp(App):
    """One pupil, one drill. `name` skips the name screen; `clock` is for tests."""

    TITLE = "factdrill drill"
    CSS_PATH = [_STYLES / "app.tcss", _STYLES / "quiz.tcss", _STYLES / "drill.tcss"]
    ENABLE_COMMAND_PALETTE = False  # nothing to jump to during a drill
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True)]

    def __init__(self, prepared: PreparedDrill, results, *, name: str | None = None,
                 clock=time.monotonic) -> None:
        super().__init__()
        self.prepared = prepared
        self.results = results
        self.pupil = clean_name(name or "")
        self.clock = clock
        self.session: DrillSession | None = None
        self.problem: str | None = None  # why the drill could not start, printed after the app ends
        self.sub_title = printable(prepared.drill.title)

    def on_mount(self) -> None:
        from tui.app.screens.drill import NameScreen

        # A terminal closed under the drill hangs up: leave as on quit, so the attempt is closed
        # (and can be carried on at once) rather than left "answering" by a killed process.
        if hasattr(signal, "SIGHUP") and threading.current_thread() is threading.main_thread():
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.exit)

        if self.pupil:
            problem = self.start_drill(self.pupil)
            if problem:
                self.problem = problem
                self.exit(return_code=1)
        else:
            self.push_screen(NameScreen(self.prepared))

    def start_drill(self, name: str) -> str | None:
        """Open the store and start an attempt by `name`; the reason when it cannot start."""
        from tui.app.screens.drill import DrillScreen

        try:
            recorder = ResultsRecorder.start(self.results, self.prepared, name)
        except (ResultsError, RetryNotAllowed) as error:
            return str(error)
        self.pupil = name
        self.session = DrillSession(self.prepared, recorder, clock=self.clock, report=self._saving_problem)
        if len(self.screen_stack) > 1:  # the name form, or the end screen of an earlier attempt
            self.switch_screen(DrillScreen(self.session))
        else:
            self.push_screen(DrillScreen(self.session))
        return None

    def _saving_problem(self, problem: str) -> None:
        self.notify(problem, title="Results", severity="warning", markup=False, timeout=8)

    def drill_finished(self) -> None:
        """Show the end screen (the core has already saved the attempt as finished)."""
        from tui.app.screens.drill import DrillEndScreen

        self.session.finish()
        self.switch_screen(DrillEndScreen(self.session))

    def retry_drill(self) -> None:
        """Another attempt by the same pupil (only when the drill allows it)."""
        if self.session is not None:
            self.session.close()
        problem = self.start_drill(self.pupil)
        if problem:
            self.notify(problem, severity="error", markup=False)

    def on_unmount(self) -> None:
        if hasattr(signal, "SIGHUP") and threading.current_thread() is threading.main_thread():
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
        # Quitting mid-drill: the answers are saved already; the attempt is closed as quit.
        if self.session is not None:
            self.session.close()
