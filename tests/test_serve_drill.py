"""`factdrill serve --drill`: what is checked once, before any pupil's tab opens."""

from __future__ import annotations

import os
import subprocess
import sys

from drill_helpers import write_drill
from tui.cli.serve import drill_command


def factdrill(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=60,
                          env=os.environ.copy())


def test_a_broken_drill_is_refused_before_serving(tmp_path):
    drill = write_drill(tmp_path, '[drill]\nid = "x"\ntitle = "X"\ndeck = "DECK"\nseed = "soon"\n')
    shown = factdrill("serve", "--drill", str(drill), "--port", "1")
    assert shown.returncode == 1
    assert f"{drill}:" in shown.stderr and "Traceback" not in shown.stderr
    assert "factdrill serve: 1 problem(s) in the drill file" in shown.stderr  # the command that refused


def test_a_drill_names_its_own_deck_and_results_go_with_a_drill(tmp_path):
    drill = write_drill(tmp_path, '[drill]\nid = "x"\ntitle = "X"\ndeck = "DECK"\nseed = 1\n[select]\ncount = 1\n')
    with_deck = factdrill("serve", "--drill", str(drill), "--deck", str(tmp_path / "deck"))
    assert with_deck.returncode == 2 and "leave out --deck" in with_deck.stderr
    results_alone = factdrill("serve", "--results", str(tmp_path / "results"))
    assert results_alone.returncode == 2 and "--results goes with --drill" in results_alone.stderr


def test_an_unusable_results_folder_is_one_line(tmp_path):
    drill = write_drill(tmp_path, '[drill]\nid = "x"\ntitle = "X"\ndeck = "DECK"\nseed = 1\n[select]\ncount = 1\n')
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the results folder should be\n")
    shown = factdrill("serve", "--drill", str(drill), "--results", str(blocker))
    assert shown.returncode == 1 and "Traceback" not in shown.stderr
    assert len(shown.stderr.strip().splitlines()) == 1 and str(blocker) in shown.stderr


def test_each_tab_takes_the_drill_into_the_teachers_store(tmp_path):
    command = drill_command(tmp_path / "my drill.toml", tmp_path / "results")
    assert f"-m tui drill '{tmp_path / 'my drill.toml'}' --results {tmp_path / 'results'}" in command
    assert "--name" not in command  # each tab asks its pupil


def test_a_port_in_use_prints_no_join_url(tmp_path):
    # Pupils must not be told to join a server that never started: the URL and QR code come only once
    # the port is ours; a port already taken is the one line the teacher sees.
    import socket

    drill = write_drill(tmp_path, '[drill]\nid = "x"\ntitle = "X"\ndeck = "DECK"\nseed = 1\n[select]\ncount = 1\n')
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        shown = factdrill("serve", "--drill", str(drill), "--host", "127.0.0.1", "--port", port)
    assert shown.returncode == 1 and "Traceback" not in shown.stderr
    assert f"cannot serve on 127.0.0.1:{port}" in shown.stderr
    assert "Join at" not in shown.stdout and "Press Ctrl+C" not in shown.stdout
