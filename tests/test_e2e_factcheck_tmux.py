"""End to end: in the installed `factdrill`, in a real terminal (tmux), a claim typed into Search
gets its verdict panel above the ranked facts."""

from __future__ import annotations

from pathlib import Path

from tests.test_e2e_tmux import (  # noqa: F401  (tmux is a fixture)
    STARTUP_SECONDS, STEP_SECONDS, Tmux, quit_and_expect_exit_0, start_app, tmux,
)


def test_a_claim_typed_into_search_is_refuted_on_screen(tmux: Tmux, tmp_path: Path):  # noqa: F811
    exit_file = tmp_path / "exit"
    start_app(tmux, exit_file, "--mode search", size=(100, 40))
    tmux.wait_for(lambda shown: "Search facts:" in shown, "the search box", STARTUP_SECONDS)
    tmux("send-keys", "-t", "e2e", "-l", "Russia sent 427 drones in one night")
    shown = tmux.wait_for(lambda shown: "427 ≠ 472 (article 003)" in shown, "the verdict panel", STEP_SECONDS)
    lines = shown.splitlines()
    verdict_row = next(i for i, line in enumerate(lines) if "Refuted" in line)
    reason_row = next(i for i, line in enumerate(lines) if "427 ≠ 472" in line)
    assert verdict_row < reason_row
    assert any("record-472-drones" in line for line in lines[reason_row:])
    quit_and_expect_exit_0(tmux, exit_file)
