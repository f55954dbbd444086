"""End to end: the installed `factdrill` in a real terminal (tmux), driven by keys, read off the screen.

A private tmux server (its own socket) keeps the test away from any other tmux
session. Every wait polls the pane with a generous timeout: the machine may be busy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

STARTUP_SECONDS = 90.0
STEP_SECONDS = 60.0


def installed_factdrill() -> str:
    beside_python = Path(sys.executable).parent / "factdrill"
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which("factdrill")
    assert found, "the factdrill command is not installed"
    return found


class Tmux:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def __call__(self, *args: str) -> str:
        result = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                                timeout=30)
        assert result.returncode == 0, f"tmux {args[0]} failed: {result.stderr}"
        return result.stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "e2e")

    def wait_for(self, condition, what: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if condition(shown):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; the screen shows:\n{shown}")
            time.sleep(0.2)


@pytest.fixture
def tmux(tmp_path: Path):
    assert shutil.which("tmux"), "tmux is needed for the end-to-end test"
    server = Tmux(f"factdrill-e2e-{os.getpid()}")
    yield server
    subprocess.run(["tmux", "-L", server.socket, "kill-server"], capture_output=True, timeout=30)


def start_app(tmux: Tmux, exit_file: Path, args: str, size: tuple[int, int] = (100, 30)) -> None:
    """The installed app in a tmux session; its shell records the exit status in `exit_file`."""
    command = f"'{installed_factdrill()}' {args}; echo EXIT=$? > '{exit_file}'; sleep 30"
    tmux("new-session", "-d", "-s", "e2e", "-x", str(size[0]), "-y", str(size[1]), "-e", "TERM=xterm-256color",
         "sh", "-c", command)


def quit_and_expect_exit_0(tmux: Tmux, exit_file: Path) -> None:
    tmux("send-keys", "-t", "e2e", "C-q")
    deadline = time.monotonic() + STEP_SECONDS
    while not (exit_file.exists() and exit_file.read_text().strip()):
        assert time.monotonic() < deadline, f"factdrill did not exit; the screen shows:\n{tmux.screen()}"
        time.sleep(0.2)
    assert exit_file.read_text().strip() == "EXIT=0"


def test_search_drones_in_the_installed_app_then_quit(tmux: Tmux, tmp_path: Path):
    exit_file = tmp_path / "exit"
    start_app(tmux, exit_file, "--mode search")

    tmux.wait_for(lambda shown: "Search facts:" in shown, "the search box", STARTUP_SECONDS)
    tmux("send-keys", "-t", "e2e", "-l", "drones")
    shown = tmux.wait_for(
        lambda shown: any("472" in line and "drones" in line for line in shown.splitlines()),
        "the 472 drones fact", STEP_SECONDS,
    )
    assert "drones" in shown.splitlines()[2]  # typed into the search box at the top
    quit_and_expect_exit_0(tmux, exit_file)
