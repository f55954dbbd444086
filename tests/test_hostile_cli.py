"""A hostile deck through every CLI command: no escape reaches the terminal, no markup is rendered.

tests/data/hostile (made by scripts/make_hostile_deck.py) carries OSC 52 clipboard
writes, screen clears, C1 CSI, OSC 8 links, Rich markup, bidi overrides, zero-width
characters and NUL in every text field; hostile_problems echoes them in problem lines;
hostile_crashes nests past recursion limits. Each command runs as the user runs it, in
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
OSC52_TAG = "tag\x1b]52;c;cm0gLXJmIH4=\x07"

SGR = re.compile(r"\x1b\[[0-9;]*m")  # Rich's own colours, only when writing to a terminal
# Anything that acts on a terminal or hides text: C0 but tab/newline, DEL, C1, bidi, zero-width.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def run(args: list[str], stdin: str = "", colour: bool = False) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="100")
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
