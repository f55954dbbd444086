"""A class in real browsers: `factdrill serve --drill` driven through Debian's headless Chromium.

Playwright for Python drives /usr/bin/chromium (installed from apt by .ci/run; never a browser
download). Each page's terminal is read by feeding the websocket's frames, as the page's xterm.js
gets them, to a terminal emulator (pyte), so the test waits for what a pupil would see.
Two pupils join in two pages, answer, and `factdrill report --json` shows both names and scores.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyte
import pytest

from drill_helpers import right_answer, wrong_answer, write_drill
from serve_helpers import running_server
from tui.core.drills.rounds import prepare_drill

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WAIT_SECONDS = 60.0
DRILL = """[drill]
id = "ferries"
title = "Ferries check"
deck = "DECK"
seed = 3
question_seconds = 300
pass_mark = 60
feedback = "each"

[select]
count = 3
types = ["typed"]
"""


class BrowserTerminal:
    """What one page's terminal shows: its websocket frames fed to an emulated screen of the same size."""

    def __init__(self, page) -> None:
        self.page = page
        self.screen: pyte.Screen | None = None
        page.on("websocket", self._attach)

    def _attach(self, websocket) -> None:
        size = parse_qs(urlsplit(websocket.url).query)
        self.screen = pyte.Screen(int(size["width"][0]), int(size["height"][0]))
        stream = pyte.ByteStream(self.screen)
        websocket.on("framereceived", lambda payload: stream.feed(payload) if isinstance(payload, bytes) else None)
        websocket.on("framesent", self._sent)

    def _sent(self, payload) -> None:
        try:
            kind, data = json.loads(payload)[:2]
        except (ValueError, TypeError):
            return
        if kind == "resize" and self.screen is not None:
            self.screen.resize(data["height"], data["width"])

    def text(self) -> str:
        return "\n".join(self.screen.display) if self.screen else ""

    def wait_for(self, wanted: str) -> None:
        deadline = time.monotonic() + WAIT_SECONDS
        while wanted not in self.text():
            assert time.monotonic() < deadline, f"{wanted!r} never showed; the screen:\n{self.text()}"
            self.page.wait_for_timeout(50)

    def type_line(self, text: str) -> None:
        self.page.keyboard.type(text)
        self.page.keyboard.press("Enter")


def factdrill(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=60,
                          env=os.environ.copy())


def test_two_pupils_take_a_served_drill_in_chromium_and_the_report_has_both(tmp_path):
    # Fail, never skip: CI installs chromium (.ci/run), and a missing browser must show.
    assert CHROMIUM.is_file(), "Debian's chromium is needed: apt-get install -y chromium (see .ci/run)"
    from playwright.sync_api import sync_playwright

    drill = write_drill(tmp_path, DRILL)
    questions = prepare_drill(drill).round.questions  # the same seed: every pupil gets these, in order
    results = tmp_path / "results"
    plans = {"Ada Lovelace": [right_answer(q) for q in questions],
             "Ben Okri": [right_answer(questions[0])] + [wrong_answer(q) for q in questions[1:]]}

    with running_server(tmp_path, "--drill", str(drill), "--results", str(results)) as server, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        requested: list[str] = []
        browser.on("request", lambda request: requested.append(request.url))
        try:
            pupils = {}
            for name in plans:  # both join before either answers: two sessions at once
                page = browser.new_page()
                terminal = BrowserTerminal(page)
                page.goto(server.url)
                terminal.wait_for("Your name")
                page.locator(".textual-terminal").click()
                terminal.type_line(name)
                terminal.wait_for("Question 1 of 3")
                pupils[name] = terminal
            for number in range(1, len(questions) + 1):  # turn about, a question each
                for name, terminal in pupils.items():
                    terminal.page.bring_to_front()
                    terminal.wait_for(f"Question {number} of 3")
                    terminal.type_line(plans[name][number - 1])
                    terminal.wait_for("Enter: next question")  # the feedback
                    terminal.page.keyboard.press("Enter")
            for terminal in pupils.values():
                terminal.wait_for("End of drill")
        finally:
            browser.close()
        assert "Traceback" not in server.log()
        origin = server.url.rstrip("/")
        assert requested and all(url.startswith((server.url, f"ws://127.0.0.1:{server.port}/")) for url in requested), \
            [url for url in requested if not url.startswith(origin)]  # offline: nothing from elsewhere

    shown = factdrill("report", str(results), "--json")
    assert shown.returncode == 0, shown.stderr
    [report] = json.loads(shown.stdout)["drills"]
    scores = {p["name"]: (p["score"], p["total"], p["passed"]) for p in report["pupils"]}
    assert scores == {"Ada Lovelace": (3, 3, True), "Ben Okri": (1, 3, False)}
