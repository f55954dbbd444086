"""Regressions found in review of the scripting CLI and plain quiz: closed pipes and undecodable input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

QUIZDECK = Path(__file__).parent / "data" / "quizdeck"
FACTDRILL = Path(sys.executable).parent / "factdrill"


def run_into_a_closed_pipe(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """Run factdrill with stdout a pipe whose reader has already gone (as `| head` leaves it)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run([str(FACTDRILL), *args], input=stdin, stdout=write_end, stderr=subprocess.PIPE,
                              timeout=120)
    finally:
        os.close(write_end)


@pytest.mark.parametrize("args", [
    ("show", "record-472-drones"),
    ("answer", "record-472-drones", "472", "427"),
    ("search", "drones"),
    ("progress",),
    ("list",),
    ("list", "--json"),
    ("quiz", "--plain", "--seed", "1", "--count", "3", "--deck", str(QUIZDECK)),
])
def test_a_reader_that_leaves_ends_the_command_quietly_with_status_0(args):
    # Rich's own handler exits 1, which fails `set -o pipefail` scripts for a mere `| head`.
    result = run_into_a_closed_pipe(*args, stdin=b"?\n?\n?\n")
    assert (result.returncode, result.stderr) == (0, b"")


def test_bytes_that_are_not_utf8_on_stdin_are_graded_as_text_not_a_traceback():
    command = [str(FACTDRILL), "quiz", "--plain", "--seed", "1", "--count", "2", "--types", "typed",
               "--deck", str(QUIZDECK)]
    env = dict(os.environ, LC_ALL="C.UTF-8", PYTHONIOENCODING="")
    result = subprocess.run(command, input=b"\xff\xfe bad\r\n\xe9t\xe9\n", capture_output=True, env=env,
                            timeout=120)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert result.stderr == b""
    out = result.stdout.decode("utf-8")
    assert "You said: \ufffd\ufffd bad" in out and "You said: \ufffdt\ufffd" in out
    assert "End of round" in out and "0/2" in out


def test_settings_that_match_no_question_say_so_on_stderr_with_status_1():
    command = [str(FACTDRILL), "quiz", "--plain", "--tag", "money", "--source", "tribune", "--types", "claim",
               "--deck", str(QUIZDECK)]
    result = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode == 1
    assert result.stdout == ""  # `> out.txt` must not swallow the reason
    assert result.stderr.splitlines() == [
        "factdrill quiz: no questions match these settings (types claim, tag money, source tribune)"]
