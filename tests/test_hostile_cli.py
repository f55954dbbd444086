"""A hostile deck through every CLI command: no escape reaches the terminal, no markup is rendered.

tests/data/hostile (made by scripts/make_hostile_deck.py) carries OSC 52 clipboard
writes, screen clears, C1 CSI, OSC 8 links, Rich markup, bidi overrides, zero-width
characters and NUL in every text field; hostile_problems echoes them in problem lines;
hostile_crashes nests past recursion limits; hostile_classroom holds a drill over the hostile
deck, a drill file with payloads in its id, keys and selection, and hostile articles to add.
A results store gets pupil names and answers a pupil could not type (the app cleans names),
as one written by hand or by another build would hold. Each command runs as the user runs it, in
a subprocess, once as into a pipe and once with colours forced (as into a terminal,
where Rich writes its own style codes: those are the only escapes allowed).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
HOSTILE, PROBLEMS, CRASHES = DATA / "hostile", DATA / "hostile_problems", DATA / "hostile_crashes"
CLASSROOM = DATA / "hostile_classroom"
DRILL, BAD_DRILL = CLASSROOM / "drill.toml", CLASSROOM / "bad_drill.toml"
OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
OSC52_TAG = "tag" + OSC52
PAYLOAD = f"{OSC52}\x1b[2J\x9b31m\x1b]8;;https://evil.example/\x1b\\x\x1b]8;;\x1b\\[blink]x[/blink] [/] \u202eevil\u200b\x00"
PUPILS = [OSC52, "[blink]x[/blink]", "\u202eevil", "=HYPERLINK(\"https://evil.example/\")", PAYLOAD]

SGR = re.compile(r"\x1b\[[0-9;]*m")  # Rich's own colours, only when writing to a terminal
# Anything that acts on a terminal or hides text: C0 but tab/newline, DEL, C1, bidi, zero-width.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def run(args: list[str], stdin: str = "", colour: bool = False,
        **environ: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="100", **environ)
    env.pop("NO_COLOR", None)
    if colour:
        env["FORCE_COLOR"] = "1"
    else:
        env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "tui", *args], input=stdin, capture_output=True,
                          text=True, encoding="utf-8", errors="surrogateescape", env=env, timeout=120)


def assert_inert(result: subprocess.CompletedProcess[str], colour: bool) -> None:
    for name, output in (("stdout", result.stdout), ("stderr", result.stderr)):
        shown = SGR.sub("", output) if colour else output
        raw = RAW.search(shown)
        assert raw is None, f"{name} carries {raw.group()!r} raw: {shown[max(0, raw.start() - 60):raw.end() + 20]!r}"
        assert "Traceback" not in output and "MarkupError" not in output, output[-2000:]


COMMANDS = [
    (["validate", str(HOSTILE)], "", 0),
    (["list", "--deck", str(HOSTILE)], "", 0),
    (["list", "--json", "--deck", str(HOSTILE)], "", 0),
    (["search", "hostile line", "--deck", str(HOSTILE)], "", 0),
    (["search", "crossing", "--json", "--deck", str(HOSTILE)], "", 0),
    (["search", "tag:" + OSC52_TAG, "--deck", str(HOSTILE)], "", 0),
    (["answer", "hostile-line", "screen", "--deck", str(HOSTILE)], "", 0),
    (["answer", "hostile-line", "screen", "--json", "--deck", str(HOSTILE)], "", 0),
    (["answer", "no\x1b[2J-such", "x", "--deck", str(HOSTILE)], "", 2),
    (["show", "hostile-line", "--deck", str(HOSTILE)], "", 0),
    (["show", "crossing-time", "--json", "--deck", str(HOSTILE)], "", 0),
    (["quiz", "--plain", "--seed", "3", "--count", "3", "--deck", str(HOSTILE)], "42\nscreen\n\n\n\n\n", 0),
    (["quiz", "--plain", "--seed", "3", "--tag", OSC52_TAG, "--deck", str(HOSTILE)], "\n\n\n\n\n\n", 0),
    (["quiz", "--plain", "--tag", "nope\x1b[2J", "--deck", str(HOSTILE)], "", 2),
    (["progress", "--deck", str(HOSTILE)], "", 0),
    (["progress", "--json", "--deck", str(HOSTILE)], "", 0),
    (["check", "the", "hostile", "line", "--deck", str(HOSTILE)], "", 0),
    (["check", "crossing", "42", "minutes", "--json", "--deck", str(HOSTILE)], "", 0),
    (["export", "--format", "csv", "--deck", str(HOSTILE)], "", 0),
    (["export", "--format", "gift", "--deck", str(HOSTILE)], "", 0),
    (["export", "--format", "anki", "--deck", str(HOSTILE)], "", 0),
    (["validate", str(PROBLEMS)], "", 1),
    (["validate", str(CRASHES)], "", 1),
    *[([command, *extra, "--deck", str(PROBLEMS)], "", 1) for command, extra in (
        ("list", []), ("search", ["x"]), ("answer", ["closest", "x"]), ("show", ["closest"]),
        ("quiz", ["--plain"]), ("progress", []))],
    (["list", "--deck", str(CRASHES)], "", 1),
]


@pytest.mark.parametrize("colour", [False, True], ids=["pipe", "terminal"])
@pytest.mark.parametrize("args,stdin,status", COMMANDS, ids=[" ".join(c[0][:2]) for c in COMMANDS])
def test_hostile_deck_reaches_no_terminal(args: list[str], stdin: str, status: int, colour: bool) -> None:
    result = run(args, stdin, colour)
    assert result.returncode == status, result.stderr[-2000:]
    assert_inert(result, colour)


def test_markup_is_shown_as_text_not_rendered() -> None:
    result = run(["list", "--deck", str(HOSTILE)], colour=True)
    plain = SGR.sub("", result.stdout)
    assert "[blink]blink[/blink]" in plain and "[/]" in plain and "[link=https://evil.example/]" in "".join(
        plain.split())  # the table may wrap a long cell
    assert "\x1b]8;" not in result.stdout and "\x1b[5m" not in result.stdout  # no hyperlink, no blink


def test_problem_lines_stay_one_line_each_and_show_the_payload() -> None:
    result = run(["validate", str(PROBLEMS)])
    lines = result.stderr.splitlines() + result.stdout.splitlines()
    problems = [line for line in lines if line.startswith(("tests/", str(PROBLEMS), "/"))]
    assert problems and all(re.match(r"^\S+\.toml:\d+: ", line) for line in problems), problems
    assert any("bad-id␛[2J␛[H" in line for line in problems)  # shown, not obeyed
    assert any("\\u202e" in line for line in problems)  # bidi override made visible


def test_json_escapes_every_control_and_keeps_the_data() -> None:
    result = run(["show", "hostile-line", "--json", "--deck", str(HOSTILE)])
    assert RAW.search(result.stdout) is None
    fact = json.loads(result.stdout)
    assert "\x1b]52;c;" in fact["statement"]  # the data survives, escaped in transit
    assert "\u202e" in fact["statement"] and "\x9b" in fact["statement"]


@pytest.mark.parametrize("args", [[], ["--mode", "quiz"], ["quiz"], ["quiz", "--count", "3"]])
def test_the_app_without_a_terminal_exits_2_suggesting_plain(args: list[str]) -> None:
    result = run(args, stdin="1\n")  # stdin and stdout are pipes here
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "--plain" in result.stderr


# --- classroom: drill files, a pupil's drill, a results store with hostile names and answers ----------

@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store where a pupil took the hostile drill with hostile answers, and pupils no keyboard makes."""
    from tui.core.results.opening import open_results
    from tui.core.results.store import FINISHED, AnswerRecord, AttemptRecord, now_stamp

    store_dir = tmp_path_factory.mktemp("classroom") / "results"
    taken = run(["drill", str(DRILL), "--plain", "--name", "Ada", "--results", str(store_dir)],
                stdin=f"{PAYLOAD}\n42\n{PAYLOAD}\n\n\n\n\n")
    assert taken.returncode == 0, taken.stderr[-2000:]
    assert_inert(taken, colour=False)
    assert "Drill ␛]52;c;" in taken.stdout  # the drill's title, shown as data
    now = now_stamp()
    with open_results(store_dir) as store:
        for n, pupil in enumerate(PUPILS):
            attempt_id = f"hostile-{n}"
            store.start_attempt(AttemptRecord(attempt_id, pupil, "hostile-drill", "Drill " + PAYLOAD, "h", "k",
                                              2, 50.0, now, now))
            for number, verdict in ((1, "incorrect"), (2, "correct")):
                store.record_answer(AnswerRecord(
                    attempt_id, pupil, "hostile-drill", "h", "k", number, "fact" + OSC52, "fact" + OSC52, "typed",
                    "Q " + PAYLOAD, PAYLOAD if verdict == "incorrect" else "42", verdict, "rule " + PAYLOAD,
                    "42 " + PAYLOAD, 2.0, False, now))
            store.finish_attempt(attempt_id, FINISHED, now)
    return store_dir


CLASSROOM_COMMANDS = [
    (["drill", "validate", str(DRILL)], 0),
    (["drill", "validate", str(BAD_DRILL)], 1),
    (["drill", str(BAD_DRILL), "--plain", "--name", "Bo"], 1),
    (["export", "--format", "gift", "--drill", str(DRILL)], 0),
    (["report", "RESULTS"], 0),
    (["report", "RESULTS", "--json"], 0),
    (["report", "RESULTS", "--markdown"], 0),
    (["report", "RESULTS", "--drill", str(DRILL)], 0),
    (["report", "RESULTS", "--drill", str(DRILL), "--csv", "-"], 0),
    (["report", "RESULTS", "--answers"], 0),
    (["report", "RESULTS", "--answers", "--json"], 0),
    (["report", "RESULTS", "--answers", "--markdown"], 0),
    (["report", "RESULTS", "--answers", "--csv", "-"], 0),
    (["check", "crossing", "--deck", str(PROBLEMS)], 1),
]


@pytest.mark.parametrize("colour", [False, True], ids=["pipe", "terminal"])
@pytest.mark.parametrize("args,status", CLASSROOM_COMMANDS, ids=[" ".join(a[:2]) + " " + " ".join(
    x for x in a[2:] if x.startswith("--")) for a, _ in CLASSROOM_COMMANDS])
def test_hostile_classroom_reaches_no_terminal(results: Path, args: list[str], status: int, colour: bool) -> None:
    result = run([str(results) if arg == "RESULTS" else arg for arg in args], colour=colour)
    assert result.returncode == status, result.stderr[-2000:]
    assert_inert(result, colour)
    assert (result.stdout if status == 0 else result.stdout + result.stderr).strip()  # it did say something


def test_report_shows_every_hostile_pupil_as_text(results: Path) -> None:
    shown = SGR.sub("", run(["report", str(results)], colour=True).stdout)
    assert "␛]52;c;cm0gLXJmIH4=␇" in shown and "[blink]x[/blink]" in shown and "\\u202eevil" in shown
    assert "\x1b[5m" not in shown  # markup in a name is not rendered
    data = json.loads(run(["report", str(results), "--json"]).stdout)
    pupils = {p["name"] for drill in data["drills"] for p in drill["pupils"]}
    assert set(PUPILS) <= pupils  # escaped in transit, intact as data


def test_report_csv_neutralises_formulas_and_shows_escapes(results: Path) -> None:
    import csv

    shown = run(["report", str(results), "--drill", str(DRILL), "--csv", "-"]).stdout
    cells = [cell for row in csv.reader(shown.splitlines()) for cell in row]
    assert "'=HYPERLINK(\"https://evil.example/\")" in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert any(cell.startswith("␛]52;c;") for cell in cells)


def test_drill_validate_problems_are_one_line_each_and_show_the_payload() -> None:
    result = run(["drill", "validate", str(BAD_DRILL)])
    problems = [line for line in result.stdout.splitlines() if ".toml:" in line]
    assert len(problems) >= 3 and all(re.match(r"^\S+\.toml:\d+: ", line) for line in problems), result.stdout
    assert result.returncode == 1 and result.stdout.splitlines()[-1] == f"{len(problems)} problems found"
    assert any("key␛]52;c;" in line for line in problems) and any("\\u202e" in line for line in problems)


@pytest.mark.parametrize("colour", [False, True], ids=["pipe", "terminal"])
def test_authoring_a_hostile_deck_reaches_no_terminal(tmp_path: Path, colour: bool) -> None:
    """new, add-source (.txt and .html with payloads in the headline), draft, then the cache, as a user runs them."""
    deck = tmp_path / f"deck{OSC52}[blink]x[/blink]"
    in_argv = PAYLOAD.replace("\x00", "")  # the one character an argument cannot hold
    steps = [(["new", str(deck), "--title", in_argv], 0),
             (["add-source", str(CLASSROOM / "article.txt"), "--deck", str(deck)], 0),
             (["add-source", str(CLASSROOM / "article.html"), "--deck", str(deck)], 0),
             (["add-source", str(CLASSROOM / "article_escapes.html"), "--deck", str(deck)], 1),
             (["add-source", "-", "--deck", str(deck), "--title", in_argv], 0),
             (["draft", "SOURCE", "--deck", str(deck)], 0),
             (["draft", "no-such" + OSC52, "--deck", str(deck)], 2),
             (["validate", str(deck)], 0),
             (["list", "--deck", str(deck)], 0),
             (["cache", "clear"], 0)]
    source_id = ""
    for args, status in steps:
        args = [source_id if arg == "SOURCE" else arg for arg in args]
        result = run(args, stdin=PAYLOAD + "\nThe crossing takes 42 minutes.\n" if "-" in args else "",
                     colour=colour, FACTDRILL_CACHE_DIR=str(tmp_path / f"cache{OSC52}"))
        assert result.returncode == status, (args, result.stderr[-2000:])
        assert_inert(result, colour)
        if args[0] == "add-source" and status == 0:
            source_id = result.stdout.splitlines()[-1]
    assert "[blink]x[/blink]" in (deck / "deck.toml").read_text(encoding="utf-8")  # the data is kept as written
