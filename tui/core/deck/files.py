"""Which files make a deck, and each one parsed: the loader's first step.

Parsing is tomli's only; nothing in a deck file is ever executed.
"""

from __future__ import annotations

import os
import stat
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
    (the folder given, or a file's own folder).

    Inside a folder only regular files are deck files: a symlink leading outside the folder,
    a FIFO or a device is refused with a problem, never followed or skipped in silence.
    """
    files: dict[Path, Path] = {}
    for path in paths:
        try:
            kind = _kind(path)
        except OSError as error:
            report.add(path, 1, f"cannot read deck path: {error.strerror or error}")
            continue
        if kind == "dir":
            found = _folder_files(path, report)
            if not found:
                report.add(path, 1, "no .toml deck files in this folder")
            for file in found:
                files.setdefault(file, path)
        elif kind == "file":
            files.setdefault(path, path.parent)
        elif kind == "missing":
            report.add(path, 1, "no such deck file or folder")
        else:
            report.add(path, 1, "not a regular file or folder (a device, FIFO or socket cannot be a deck)")
    return files


def _kind(path: Path) -> str:
    """'dir', 'file', 'missing' or 'special', following symlinks (a path the user named)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "missing"
    if stat.S_ISDIR(mode):
        return "dir"
    return "file" if stat.S_ISREG(mode) else "special"


def _folder_files(folder: Path, report: Report) -> list[Path]:
    """The folder's `*.toml` regular files, sorted; anything else named *.toml is a problem."""
    found: list[Path] = []
    root = folder.resolve()

    def unreadable(error: OSError) -> None:
        report.add(Path(error.filename or folder), 1, f"cannot read deck folder: {error.strerror or error}")

    # Symlinked folders are not entered: their files could lie anywhere, or loop.
    for directory, folders, names in os.walk(folder, onerror=unreadable):
        for name in folders:
            problem = _outside_link(Path(directory) / name, root)
            if problem:
                report.add(Path(directory) / name, 1, problem)
        for name in names:
            if name.endswith(".toml"):
                path = Path(directory) / name
                problem = _refusal(path, root)
                if problem:
                    report.add(path, 1, problem)
                else:
                    found.append(path)
    return sorted(found)


def _outside_link(path: Path, root: Path) -> str | None:
    """A problem if `path` is a symlinked folder leading outside the deck folder."""
    try:
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            return "symlinked folder leads outside the deck folder; its files are not read"
    except (OSError, RuntimeError) as error:
        return f"cannot read deck folder: {getattr(error, 'strerror', None) or error}"
    return None


def _refusal(path: Path, root: Path) -> str | None:
    """Why `path`, found in a deck folder, cannot be a deck file; None if it can."""
    try:
        if path.is_symlink():
            target = path.resolve(strict=True)
            if not target.is_relative_to(root):
                return "symlink leads outside the deck folder; a deck may only use files stored inside it"
        mode = path.stat().st_mode
    except (OSError, RuntimeError) as error:  # a dangling link, a loop, a name too long
        return f"cannot read deck file: {getattr(error, 'strerror', None) or error}"
    if not stat.S_ISREG(mode):
        return "not a regular file (a device, FIFO or socket cannot be a deck file)"
    return None


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
    except RecursionError as error:  # tomli's own limits: 400 nested arrays/tables, 1000 key parts
        report.add(path, _deepest_line(text), f"TOML nested too deeply: {error}")
        return None
    return ParsedFile(path, root, data, FileLines(path, text))


def _deepest_line(text: str) -> int:
    """The line where brackets first nest past tomli's limit, or of the longest dotted key; 1 if neither."""
    depth = 0
    for at, char in enumerate(text):
        if char in "[{":
            depth += 1
            if depth > 400:
                return text.count("\n", 0, at) + 1
        elif char in "]}":
            depth = max(0, depth - 1)
    lines = text.split("\n")
    dots = [line.count(".") for line in lines]
    return dots.index(max(dots)) + 1 if dots and max(dots) >= 1000 else 1
