"""Which files make a deck, and each one parsed: the loader's first step.

Parsing is tomli's only; nothing in a deck file is ever executed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import tomli

from tui.core.deck.schema import Report
from tui.core.deck.tomlpos import Entry, FileLines


@dataclass
class ParsedFile:
    """One deck file's data as tomli parsed it, with the lines of its entries when asked for."""

    path: Path
    root: Path  # the folder the deck was loaded from: its source texts must lie inside
    data: dict[str, Any]
    lines: FileLines

    def entry(self, name: str, index: int) -> Entry:
        return self.lines.entry(name, index)


def deck_files(paths: Iterable[Path], report: Report) -> dict[Path, Path]:
    """Expand folders to their `*.toml` files, in sorted order; each file -> the folder it belongs to
    (the folder given, or a file's own folder)."""
    files: dict[Path, Path] = {}
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.toml") if p.is_file())
            if not found:
                report.add(path, 1, "no .toml deck files in this folder")
            for file in found:
                files.setdefault(file, path)
        elif path.is_file():
            files.setdefault(path, path.parent)
        else:
            report.add(path, 1, "no such deck file or folder")
    return files


def parse_file(path: Path, root: Path, report: Report, what: str = "deck file") -> ParsedFile | None:
    """The file's TOML as data, or None with its problem reported (unreadable, not UTF-8, bad TOML).

    `what` names the file in messages ("deck file", "drill file")."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        report.add(path, 1, f"cannot read {what}: {error.strerror or error}")
        return None
    try:
        text = raw.decode("utf-8-sig")  # an editor's byte-order mark is not TOML
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        report.add(path, line, f"{what} is not valid UTF-8")
        return None
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        message = getattr(error, "msg", str(error))
        report.add(path, getattr(error, "lineno", 1) or 1, f"TOML syntax error: {message}",
                   column=getattr(error, "colno", 1) or 1)
        return None
    return ParsedFile(path, root, data, FileLines(path, text))
