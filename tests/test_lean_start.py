"""A lean start: the app's first screen and each command import only what they use.

Timing is bench.py's business; these pin what is imported, which a change could quietly undo.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli.main import COMMANDS, build_parser

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("rapidfuzz", "fsrs", "sqlite3")

# Starts the app as `factdrill [--mode MODE]` does, headless, notes what is imported once the first
# screen is drawn (work started after it may import more), and quits.
_FIRST_SCREEN = """
import sys
from tui.app.app import FactdrillApp
run = FactdrillApp.run
at_first_frame = set()
def first_frame(self):
    if not at_first_frame:
        at_first_frame.update(sys.modules)
    self.exit()
FactdrillApp.on_ready = first_frame
# Work a screen starts once its first frame is drawn (the quiz's checker) may win the race with
# on_ready on a busy machine: what was imported when it starts is what the first frame needed.
from tui.app.screens.quiz import QuizScreen
prepare = QuizScreen._prepare_checker
def prepare_after_first_frame(self):
    if not at_first_frame:
        at_first_frame.update(sys.modules)
    return prepare(self)
QuizScreen._prepare_checker = prepare_after_first_frame
FactdrillApp.run = lambda self, **kw: run(self, headless=True, size=(100, 30))
import tui.cli.start
tui.cli.start.require_terminal = lambda command: None  # headless: this run needs no terminal
from tui.cli.main import main
code = main(sys.argv[1:])
loaded = {m.split(".")[0] for m in at_first_frame} | at_first_frame if at_first_frame else set(sys.modules)
print(" ".join(sorted(name for name in loaded if name in {HEAVY!r} or name.startswith(("tui.cli.", "tui.app.screens.")))))
sys.exit(code)
""".replace("{HEAVY!r}", repr(set(HEAVY)))


def _imported(*argv: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", _FIRST_SCREEN, *argv], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


@pytest.mark.parametrize("mode", ["browse", "search", "quiz"])
def test_the_first_screen_imports_no_heavy_library_and_no_command(mode):
    imported = _imported("--mode", mode)
    assert f"tui.app.screens.{mode}" in imported  # the screen was shown
    assert not imported & set(HEAVY), imported
    commands = {name for name in imported if name.startswith("tui.cli.")}
    assert commands == {"tui.cli.main", "tui.cli.options", "tui.cli.start"}, imported


def test_a_command_imports_its_own_module_only(tmp_path):
    imported = _imported("validate")
    assert "tui.cli.validate" in imported
    assert not {f"tui.cli.{module}" for module, _ in COMMANDS.values()} - {"tui.cli.validate"} & imported


def test_help_lists_every_command_as_its_own_module_describes_it():
    # The table's help lines are what each module registers: `factdrill --help` reads the same.
    assert build_parser(None).format_help() == build_parser().format_help()


def test_a_command_still_parses_everything_after_its_name():
    args = build_parser("search").parse_args(["--no-cache", "search", "drones", "kyiv", "--limit", "3"])
    assert (args.command, args.query, args.limit, args.no_cache) == ("search", ["drones", "kyiv"], 3, True)
