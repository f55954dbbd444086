"""End to end: the installed `factdrill` plays a 3-question quiz round inside a real terminal (tmux).

Each step polls the captured pane until the expected text shows, with a generous
timeout, so a loaded machine only makes the test slower. The tmux server runs on
its own socket and is killed at the end, leaving any other tmux alone.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import time
import uuid
from pathlib import Path

from tui.core.deck.loading import load_deck
from tui.core.quiz.rounds import RoundSpec, build_round
from tui.core.quiz.questions import JUDGEMENT_KEYS, Question

ROOT = Path(__file__).resolve().parent.parent
QUIZDECK = ROOT / "tests" / "data" / "quizdeck"
FACTDRILL = Path(sys.executable).parent / "factdrill"
TIMEOUT = 60.0


class Terminal:
    def __init__(self, tmp_path: Path) -> None:
        self.socket = f"factdrill-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.session = "quiz"
        self.tmp_path = tmp_path

    def tmux(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30)
        return result.stdout

    def start(self, command: str) -> None:
        subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", "new-session", "-d", "-s", self.session,
                        "-x", "100", "-y", "30", command], check=True, timeout=30)

    def screen(self) -> str:
        return re.sub(r"\s+", " ", self.tmux("capture-pane", "-p", "-t", self.session))

    def wait_for(self, text: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        while True:
            shown = self.screen()
            if text in shown:
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {text!r}; screen: {shown}")
            time.sleep(0.1)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def close(self) -> None:
        self.tmux("kill-server")


def answer_keys(terminal: Terminal, question: Question, right: bool) -> None:
    if question.type == "choice":
        label = question.correct_label if right else next(
            o.label for o in question.options if o.label != question.correct_label)
        terminal.keys(label.lower())
    elif question.type == "claim":
        terminal.keys(next(k for j, k in JUDGEMENT_KEYS.items() if (j == question.judgement) == right))
    else:
        terminal.type(question.fact.answer if right else "a harbour seal")
        terminal.keys("Enter")


def test_a_three_question_round_in_tmux(tmp_path):
    deck = load_deck([QUIZDECK])
    questions = build_round(deck, RoundSpec(count=3, seed=1)).questions
    exit_file = tmp_path / "exit"
    command = (f"cd {shlex.quote(str(ROOT))} && {shlex.quote(str(FACTDRILL))} quiz --deck {shlex.quote(str(QUIZDECK))}"
               f" --seed 1 --count 3; echo EXIT=$? > {shlex.quote(str(exit_file))}")
    terminal = Terminal(tmp_path)
    terminal.start(f"sh -c {shlex.quote(command)}")
    try:
        plan = [("right", "Correct"), ("wrong", "Incorrect"), ("skip", "Skipped")]
        for number, (question, (how, verdict)) in enumerate(zip(questions, plan), 1):
            terminal.wait_for(f"Question {number} of 3")
            if question.fact is not None:
                assert question.fact.citations[0].quote not in terminal.screen()
            if how == "skip":
                terminal.keys("C-s")
            else:
                answer_keys(terminal, question, how == "right")
            shown = terminal.wait_for(f" {verdict} ")
            if question.fact is not None:
                assert " ".join(question.fact.citations[0].quote.split()) in shown
                assert "Stated by" in shown
            else:
                assert "Not stated by any of the 2 articles." in shown
            terminal.keys("Enter")
        summary = terminal.wait_for("End of round")
        assert "Score: 1/3" in summary and "Missed (2):" in summary
        terminal.keys("C-q")
        deadline = time.monotonic() + TIMEOUT
        while not (exit_file.exists() and exit_file.read_text().strip()):
            assert time.monotonic() < deadline, "factdrill did not quit"
            time.sleep(0.1)
        assert exit_file.read_text().strip() == "EXIT=0"
    finally:
        terminal.close()
