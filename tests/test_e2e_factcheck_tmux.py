"""End to end: in the installed `factdrill`, in a real terminal (tmux), a claim typed into Search
gets its verdict panel above the ranked facts."""

from __future__ import annotations

import time
from pathlib import Path

from tests.test_e2e_tmux import STARTUP_SECONDS, STEP_SECONDS, Tmux, installed_factdrill, tmux  # noqa: F401


def test_a_claim_typed_into_search_is_refuted_on_screen(tmux: Tmux, tmp_path: Path):  # noqa: F811
    exit_file = tmp_path / "exit"
    command = f"'{installed_factdrill()}' --mode search; echo EXIT=$? > '{exit_file}'; sleep 30"
    tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "40", "-e", "TERM=xterm-256color",
         "sh", "-c", command)

    tmux.wait_for(lambda shown: "Search facts:" in shown, "the search box", STARTUP_SECONDS)
    tmux("send-keys", "-t", "e2e", "-l", "Russia sent 427 drones in one night")
    shown = tmux.wait_for(lambda shown: "427 ≠ 472 (article 003)" in shown, "the verdict panel", STEP_SECONDS)
    lines = shown.splitlines()
    verdict_row = next(i for i, line in enumerate(lines) if "Refuted" in line)
    reason_row = next(i for i, line in enumerate(lines) if "427 ≠ 472" in line)
    assert verdict_row < reason_row
    assert any("record-472-drones" in line for line in lines[reason_row:])

    tmux("send-keys", "-t", "e2e", "C-q")
    deadline = time.monotonic() + STEP_SECONDS
    while not (exit_file.exists() and exit_file.read_text().strip()):
        assert time.monotonic() < deadline, f"factdrill did not exit; the screen shows:\n{tmux.screen()}"
        time.sleep(0.2)
    assert exit_file.read_text().strip() == "EXIT=0"
