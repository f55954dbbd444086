"""The CLI's way out: every byte a command writes that came from a deck, a source or a store
goes through here, so no command can forget to keep it data."""

from __future__ import annotations

import json
import sys
from typing import Any, Iterable, TextIO

from rich.console import Console

from tui.core.safe_text import printable


class OutputConsole(Console):
    """A Rich console for a command's output. When the reader leaves (`factdrill show X | head`),
    Rich would exit with status 1; this raises BrokenPipeError so `tui.cli.main.main` ends cleanly
    with 0, as the JSON outputs do."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def output_console(**options: Any) -> Console:
    """The console commands print to (stdout unless `file=`): no markup, no number highlighting."""
    options.setdefault("markup", False)
    return OutputConsole(highlight=False, **options)


def write_json(value: Any, file: TextIO | None = None) -> None:
    """`value` as indented JSON (UTF-8 kept readable) on stdout or `file`."""
    print(json.dumps(value, ensure_ascii=False, indent=2), file=file or sys.stdout)


def print_problems(problems: Iterable[object], file: TextIO | None = None) -> int:
    """Each problem on its own line, controls made visible; returns how many there were."""
    count = 0
    for problem in problems:
        print(printable(str(problem)), file=file or sys.stderr)
        count += 1
    return count
