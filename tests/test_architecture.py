"""Structural promises: the core stands without Textual; CI runs README's command."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import tui.core

ROOT = Path(__file__).resolve().parent.parent


def test_core_imports_no_textual():
    modules = [f"tui.core.{m.name}" for m in pkgutil.iter_modules(tui.core.__path__)]
    assert "tui.core.loading" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "import tui.rendering, tui.cli\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, f"the core imported Textual: {result.stdout}{result.stderr}"


def quickstart_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_readme_quickstart_has_exactly_two_commands_and_ci_runs_the_second():
    commands = quickstart_commands()
    assert len(commands) == 2
    assert "factdrill" in commands[0] and "pytest" in commands[1]
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert commands[1] in ci_lines
