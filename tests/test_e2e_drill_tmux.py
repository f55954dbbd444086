"""End to end: a pupil takes a drill in the installed `factdrill` inside a real terminal (tmux), and
the teacher's `factdrill report --json` shows the name and the score."""

from __future__ import annotations

import json
import shlex
import subprocess
import time
from pathlib import Path

from drill_helpers import write_drill
from test_e2e_quiz_tmux import FACTDRILL, Terminal, answer_keys
from tui.core.drills.rounds import prepare_drill

DRILL = """[drill]
id = "tmux-drill"
title = "Ferries in a terminal"
deck = "DECK"
seed = 11
question_seconds = 120
pass_mark = 50

[select]
count = 3
"""


def test_a_pupil_takes_a_drill_and_the_report_shows_it(tmp_path: Path) -> None:
    drill = write_drill(tmp_path, DRILL)
    questions = prepare_drill(drill).round.questions
    terminal = Terminal(tmp_path)
    terminal.start(f"{shlex.quote(str(FACTDRILL))} drill {shlex.quote(str(drill))}")
    try:
        terminal.wait_for("Your name")
        terminal.type("Zoë Pupil")
        terminal.keys("Enter")
        terminal.wait_for("Question 1 of 3")
        assert "Zoë Pupil" in terminal.screen() and "left" in terminal.screen()
        for number, question in enumerate(questions, start=1):
            terminal.wait_for(f"Question {number} of 3")
            answer_keys(terminal, question, right=number != 2)
            terminal.wait_for("Enter: next question")
            terminal.keys("Enter")
        shown = terminal.wait_for("End of drill")
        assert "Score 2 of 3 (67%) · passed · pass mark 50%" in shown
        terminal.keys("q")
    finally:
        terminal.close()
    report = subprocess.run([str(FACTDRILL), "report", "--drill", str(drill), "--json"], capture_output=True,
                            text=True, timeout=60, check=True)
    [drill_report] = json.loads(report.stdout)["drills"]
    [pupil] = drill_report["pupils"]
    assert (pupil["name"], pupil["score"], pupil["state"]) == ("Zoë Pupil", 2, "finished")


def test_a_pupil_whose_terminal_closes_carries_on_in_a_new_one(tmp_path: Path) -> None:
    from tui.core.results.opening import open_results

    drill = write_drill(tmp_path, DRILL)
    questions = prepare_drill(drill).round.questions
    command = f"{shlex.quote(str(FACTDRILL))} drill {shlex.quote(str(drill))} --name Kit"
    first = Terminal(tmp_path)
    first.start(command)
    try:
        first.wait_for("Question 1 of 3")
        answer_keys(first, questions[0], right=True)
        first.wait_for("Enter: next question")
        first.keys("Enter")
        first.wait_for("Question 2 of 3")
    finally:
        first.close()  # the window goes: the drill is hung up on, not quit from its keys
    deadline = time.monotonic() + 30
    while True:  # the hang-up closes the attempt (quit), so it can be carried on at once
        with open_results(drill.parent / "results") as store:
            [attempt] = store.attempts("tmux-drill")
        if attempt.state == "quit" or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert attempt.state == "quit"
    again = Terminal(tmp_path)
    again.start(command)
    try:
        shown = again.wait_for("Question 2 of 3")
        assert "Welcome back, Kit: 1 of 3 questions are answered" in shown
    finally:
        again.close()
