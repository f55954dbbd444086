"""The teacher's report: numbers from stored rows, and `factdrill drill --plain` → `factdrill report`
end to end (JSON, gradebook CSV, Markdown, answers), as a teacher runs them."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from drill_helpers import FakeClock, right_answer, wrong_answer, write_drill
from tui.cli.drill import run_plain
from tui.cli.main import main
from tui.core.drills.rounds import prepare_drill
from tui.core.results.report import build_report, gradebook_rows
from tui.core.results.store import FINISHED, AnswerRecord, AttemptRecord, now_stamp

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)


def _attempt(aid: str, pupil: str, state: str = FINISHED, seen: datetime = NOW, started: datetime = NOW):
    return AttemptRecord(aid, pupil, "d", "Drill", "h", "k", 3, 60.0, now_stamp(started), now_stamp(seen),
                         None if state == "answering" else now_stamp(seen), state)


def _answer(aid: str, pupil: str, number: int, verdict: str, given: str = "x", timed_out: bool = False):
    return AnswerRecord(aid, pupil, "d", "h", "k", number, f"fact-{number}", f"fact-{number}", "typed",
                        f"Q{number}?", given, verdict, "rule", "right", 2.0, timed_out, now_stamp(NOW))


def test_report_counts_scores_unanswered_close_and_who_is_still_answering() -> None:
    attempts = [
        _attempt("a1", "Ada"),
        _attempt("b1", "Bo", state="answering", seen=NOW - timedelta(seconds=20)),
        _attempt("c1", "Cy", state="answering", seen=NOW - timedelta(hours=1)),
        _attempt("a0", "Ada", started=NOW - timedelta(days=1)),  # an earlier attempt: not counted
    ]
    answers = [
        _answer("a1", "Ada", 1, "correct"), _answer("a1", "Ada", 2, "close"),
        _answer("a1", "Ada", 3, "skipped", "", timed_out=True),
        _answer("b1", "Bo", 1, "incorrect", "Ankara"), _answer("c1", "Cy", 1, "incorrect", " ankara "),
        _answer("c1", "Cy", 2, "incorrect", "Kyiv"), _answer("a0", "Ada", 1, "incorrect", "old"),
    ]
    report = build_report(attempts, answers, now=NOW)
    ada, bo, cy = report.pupils
    assert (ada.pupil, ada.attempts, ada.score, ada.percent, ada.passed, ada.unanswered, ada.close, ada.seconds) == (
        "Ada", 2, 2, 66.7, True, 1, 1, 6.0)
    assert (bo.state, bo.unanswered) == ("answering", 0)  # still going: unreached questions are not counted yet
    assert (cy.state, cy.unanswered, cy.passed) == ("stopped", 1, False)  # a closed tab: question 3 never reached
    assert report.still_answering == ("Bo",)
    q1 = report.questions[0]
    assert (q1.asked, q1.right, q1.share_right) == (3, 1, 0.333)
    assert q1.common_wrong == (("Ankara", 2),)  # case and spacing aside, the same wrong answer
    assert report.most_missed[0].question_key == "fact-1" and report.most_missed[0].missed == 2
    header, *rows = gradebook_rows(report)
    assert header[-3:] == ["q1", "q2", "q3"]
    assert rows[0][0] == "Ada" and rows[0][-3:] == [1, 1, ""]


@pytest.fixture
def class_results(tmp_path: Path):
    """Two pupils took a drill with `drill --plain`: Ada got everything right, Bo left after one wrong answer."""
    drill = write_drill(tmp_path, """[drill]
id = "ferries"
title = "Ferries | check"
deck = "DECK"
seed = 5
question_seconds = 30
pass_mark = 50

[select]
count = 3
types = ["typed", "choice"]
""")
    prepared = prepare_drill(drill)
    questions = prepared.round.questions
    results = tmp_path / "results"
    ada = "\n".join(right_answer(q) for q in questions) + "\n"
    assert run_plain(prepared, results, None, io.StringIO("  Ada  \n" + ada), io.StringIO(), FakeClock()) == 0
    bo = io.StringIO(wrong_answer(questions[0]) + "\n")  # then end of input: Bo closed the window
    assert run_plain(prepared, results, "=HYPERLINK(\"x\")", bo, io.StringIO(), FakeClock()) == 0
    return drill, results, prepared


def test_report_json_shows_both_pupils(class_results, capsys) -> None:
    drill, results, prepared = class_results
    assert main(["report", str(results), "--json"]) == 0
    [report] = json.loads(capsys.readouterr().out)["drills"]
    pupils = {p["name"]: p for p in report["pupils"]}
    assert pupils["Ada"]["score"] == 3 and pupils["Ada"]["passed"] and pupils["Ada"]["state"] == "finished"
    bo = pupils['=HYPERLINK("x")']
    assert (bo["score"], bo["unanswered"], bo["state"]) == (0, 2, "quit")
    assert report["by_question"][0]["common_wrong"][0]["count"] == 1


def test_gradebook_csv_has_a_row_per_pupil_and_a_column_per_question(class_results, tmp_path: Path) -> None:
    drill, results, prepared = class_results
    out = tmp_path / "grades.csv"
    assert main(["report", "--drill", str(drill), "--csv", str(out)]) == 0
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0][:3] == ["pupil", "score", "total"] and rows[0][-3:] == ["q1", "q2", "q3"]
    assert rows[1][0] == "Ada" and rows[1][-3:] == ["1", "1", "1"]
    assert rows[2][0] == "'=HYPERLINK(\"x\")"  # a spreadsheet will not run a pupil's "name"
    assert rows[2][-3:] == ["0", "", ""]


def test_answers_csv_and_markdown(class_results, tmp_path: Path, capsys) -> None:
    drill, results, prepared = class_results
    out = tmp_path / "answers.csv"
    assert main(["report", str(results), "--answers", "--csv", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 4 and {r["pupil"] for r in rows} == {"Ada", "'=HYPERLINK(\"x\")"}
    assert main(["report", "--drill", str(drill), "--markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "# Ferries \\| check" in markdown and "| Ada | 3/3 |" in markdown
    assert main(["report", "--drill", str(drill)]) == 0
    text = capsys.readouterr().out
    assert "Ada" in text and "Most missed" in text


def test_report_on_an_empty_folder_is_one_line(tmp_path: Path, capsys) -> None:
    assert main(["report", str(tmp_path / "nothing")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no results" in err


def test_a_pupil_killed_mid_drill_keeps_the_answers_given(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    from tui.core.results.opening import open_results

    drill = write_drill(tmp_path, """[drill]
id = "killed"
title = "Killed mid-drill"
deck = "DECK"
seed = 2

[select]
count = 3
types = ["typed"]
""")  # the small deck's facts share paragraphs: a round leaves out questions whose answer was shown
    questions = prepare_drill(drill).round.questions
    pupil = subprocess.Popen([sys.executable, "-m", "tui", "drill", str(drill), "--plain", "--name", "Gus"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        pupil.stdin.write(f"{questions[0].fact.answer}\nno idea\n")
        pupil.stdin.flush()
        deadline = time.monotonic() + 60
        while True:  # wait until both answers are in the store, then pull the plug
            if (tmp_path / "results" / "results.sqlite3").exists():
                with open_results(tmp_path / "results") as store:
                    if len(store.answers("killed")) == 2:
                        break
            assert time.monotonic() < deadline, "the answers never reached the store"
            time.sleep(0.1)
        os.kill(pupil.pid, signal.SIGKILL)
    finally:
        pupil.kill()
        pupil.communicate(timeout=30)
    with open_results(tmp_path / "results") as store:
        rows = store.answers("killed")
        [attempt] = store.attempts("killed")
    assert [(r.number, r.verdict) for r in rows] == [(1, "correct"), (2, "incorrect")]
    assert attempt.finished_at is None  # never closed: the report shows it as stopped once it goes quiet


@pytest.mark.parametrize("command", [["drill", "DRILL", "--name", "Kim"], ["report", "--drill", "DRILL", "--live"]])
def test_the_app_is_refused_when_not_in_a_terminal(tmp_path: Path, command: list[str]) -> None:
    # A script that forgets --plain must not start the app into a pipe: it would hang there, and its
    # attempt would stay open under the pupil's name (with retry = false, locking them out).
    import os
    import subprocess
    import sys

    drill = write_drill(tmp_path, '[drill]\nid = "x"\ntitle = "X"\ndeck = "DECK"\nseed = 1\n[select]\ncount = 1\n')
    env = {k: v for k, v in os.environ.items() if k != "TEXTUAL_DRIVER"}
    shown = subprocess.run([sys.executable, "-m", "tui", *(str(drill) if w == "DRILL" else w for w in command)],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30, env=env)
    assert shown.returncode == 2 and "Traceback" not in shown.stderr
    assert "not a terminal" in shown.stderr and len(shown.stderr.strip().splitlines()) == 1
    assert "\x1b" not in shown.stdout and not (tmp_path / "results").exists()  # nothing drawn, nothing saved


def test_a_pupil_whose_window_closed_carries_on_in_plain_mode(class_results) -> None:
    drill, results, prepared = class_results
    questions = prepared.round.questions
    shown = io.StringIO()
    rest = "\n".join(right_answer(q) for q in questions[1:]) + "\n"
    assert run_plain(prepared, results, "=HYPERLINK(\"x\")", io.StringIO(rest), shown, FakeClock()) == 0
    text = shown.getvalue()
    assert "Welcome back" in text and "1 of 3 questions are answered" in text
    assert "Question 2 of 3" in text and "Question 1 of 3" not in text  # the saved answer is not asked again
    assert "Score 2 of 3" in text  # 0 before the window closed, 2 after


@pytest.mark.parametrize("width", [60, 100])
def test_the_report_fits_a_narrow_terminal_without_cutting_numbers_or_states(class_results, width) -> None:
    from rich.console import Console

    from tui.core.results.opening import open_results
    from tui.present.report import report_renderable

    drill, results, prepared = class_results
    with open_results(results) as store:
        report = build_report(store.attempts(), store.answers())
    console = Console(width=width, record=True, color_system=None)
    console.print(report_renderable(report))
    shown = console.export_text()
    pupils = shown[shown.index("Pupils"):shown.index("Questions")]
    assert "…" not in pupils and "3/3" in pupils and "finished" in pupils and "Ada" in pupils
    assert ("Unanswered" in pupils) == (width >= 80)  # the long heading only where it fits
    assert max(len(line) for line in shown.splitlines()) <= width
