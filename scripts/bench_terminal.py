"""Timing what a person sees in a real terminal: a tmux pane, polled until a frame shows.

Used by bench.py. The tmux server runs on its own socket and is killed at the end,
leaving any other tmux alone. Times are wall seconds from the moment the command
is started in (or the keys are sent to) the pane until `capture-pane` shows the
awaited text, polled every `POLL_SECONDS` (so a figure is late by at most that).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import time
from pathlib import Path
from typing import Callable

POLL_SECONDS = 0.004
PANE = (100, 30)
# The footer's right edge in every Textual app with a command palette, factdrill's and the bare one.
FOOTER_MARK = "palette"

# A bare Textual app of the same version: a header, a line of text and a footer; nothing else.
BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Static

class Bare(App):
    def compose(self):
        yield Header()
        yield Static("factdrill")
        yield Footer()

Bare().run()
"""

Screen = list[str]


class Terminal:
    """One tmux pane of `PANE` columns and rows, on a private server."""

    def __init__(self, env: dict[str, str], cwd: Path):
        self.socket = f"factdrill-bench-{os.getpid()}"
        # The pane sets the size: a COLUMNS or LINES inherited from the caller would override it.
        self.env = {k: v for k, v in env.items() if k not in ("COLUMNS", "LINES")}
        self.cwd = cwd
        width, height = PANE
        self._tmux("new-session", "-d", "-s", "bench", "-x", str(width), "-y", str(height), "sleep 100000")

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              env=self.env, cwd=self.cwd).stdout

    def screen(self) -> Screen:
        return self._tmux("capture-pane", "-p", "-t", "bench").split("\n")

    def start(self, argv: list[str], **env: str) -> float:
        """Run `argv` in the pane (replacing what ran there), with `env` added; when it was started."""
        command = " ".join(shlex.quote(a) for a in argv)
        wanted = {k: v for k, v in self.env.items() if k.startswith(("FACTDRILL_", "PYTHON"))} | env
        environment = " ".join(f"{k}={shlex.quote(v)}" for k, v in wanted.items())
        started = time.perf_counter()
        self._tmux("respawn-pane", "-k", "-t", "bench", f"env {environment} TERM=xterm-256color {command}")
        return started

    def keys(self, *keys: str) -> float:
        started = time.perf_counter()
        self._tmux("send-keys", "-t", "bench", *keys)
        return started

    def wait_for(self, shown: Callable[[Screen], bool], since: float, timeout: float = 120.0) -> float:
        """Seconds from `since` until `shown(screen)`; raises TimeoutError after `timeout`."""
        while True:
            screen = self.screen()
            now = time.perf_counter()
            if shown(screen):
                return now - since
            if now - since > timeout:
                raise TimeoutError("\n".join(screen))
            time.sleep(POLL_SECONDS)

    def stop(self) -> None:
        self._tmux("respawn-pane", "-k", "-t", "bench", "sleep 100000")

    def close(self) -> None:
        self._tmux("kill-server")


def footer_drawn(screen: Screen) -> bool:
    """The last row holds the footer, and the first the header: the frame is complete."""
    rows = [row for row in screen if row.strip()]
    return len(rows) > 2 and FOOTER_MARK in rows[-1]


def showing(text: str) -> Callable[[Screen], bool]:
    return lambda screen: any(text in row for row in screen)
