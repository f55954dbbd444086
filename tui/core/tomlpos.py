"""Line numbers for parsed TOML, which tomli does not keep.

A light scan of the raw text records where each array-of-tables entry starts and
on which line each key is written, so problems can be reported as `file:line:`.
It understands exactly as much TOML as that needs: table headers, `key =` lines
and multi-line strings (so a header-like line inside a string is not a header).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([^\[\]]+?)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")


@dataclass
class Entry:
    """One `[[name]]` entry: its line, its keys' lines, and its nested entries."""

    line: int
    keys: dict[str, int] = field(default_factory=dict)
    children: dict[str, list["Entry"]] = field(default_factory=dict)

    def key_line(self, key: str) -> int:
        return self.keys.get(key, self.line)

    def child(self, name: str, index: int) -> "Entry | None":
        entries = self.children.get(name, [])
        return entries[index] if index < len(entries) else None


@dataclass
class TomlPositions:
    """Where things are in one TOML file."""

    root: Entry
    arrays: dict[str, list[Entry]]
    lines: list[str]

    def entry(self, name: str, index: int) -> Entry | None:
        entries = self.arrays.get(name, [])
        return entries[index] if index < len(entries) else None

    def find_line(self, needle: str, start: int = 1, default: int = 1) -> int:
        """First line at or after `start` containing `needle`, else `default`."""
        for number in range(max(start, 1), len(self.lines) + 1):
            if needle in self.lines[number - 1]:
                return number
        return default


def _strip_quotes(key: str) -> str:
    if len(key) >= 2 and key[0] == key[-1] and key[0] in "\"'":
        return key[1:-1]
    return key


def scan(text: str) -> TomlPositions:
    """Scan TOML source text for entry and key line numbers."""
    lines = text.splitlines()
    root = Entry(line=1)
    arrays: dict[str, list[Entry]] = {}
    current = root
    open_delimiter: str | None = None  # inside a multi-line string
    for number, raw in enumerate(lines, start=1):
        if open_delimiter is not None:
            if raw.count(open_delimiter) % 2 == 1:
                open_delimiter = None
            continue
        header = _ARRAY_HEADER.match(raw)
        if header:
            name = header.group(1).replace(" ", "")
            entry = Entry(line=number)
            parent_name, _, child_name = name.rpartition(".")
            if parent_name and arrays.get(parent_name):
                arrays[parent_name][-1].children.setdefault(child_name, []).append(entry)
            else:
                arrays.setdefault(name, []).append(entry)
            current = entry
            continue
        table = _TABLE_HEADER.match(raw)
        if table:
            entry = Entry(line=number)
            arrays.setdefault(table.group(1).replace(" ", ""), []).append(entry)
            current = entry
            continue
        key = _KEY.match(raw)
        if key:
            current.keys.setdefault(_strip_quotes(key.group(1)), number)
        for delimiter in ('"""', "'''"):
            if raw.count(delimiter) % 2 == 1:
                open_delimiter = delimiter
                break
    return TomlPositions(root=root, arrays=arrays, lines=lines)
