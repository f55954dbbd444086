"""Line numbers for parsed TOML, which tomli does not keep.

A light scan of the raw text records where each table and array-of-tables entry
starts, so problems can be reported as `file:line:`. It understands exactly as
much TOML as that needs: table headers, `key =` lines and multi-line strings (so
a header-like line inside a string is not a header).

The scan is one regular-expression pass over the whole text, touching only
header lines and lines holding a multi-line string delimiter; the lines of the
keys inside an entry are found only when a problem asks for one. `FileLines`
defers even the scan until a line is first asked for, so a clean deck never
pays for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# A header line, or any line holding a multi-line string delimiter. Each starts with
# the newline before it (the text is scanned with one prepended), a literal prefix
# the regex engine finds far faster than a MULTILINE `^`.
_HEADER = (
    r"""\n[ \t]*(?:\[\[[ \t]*(?P<array>[^\[\]\n]+?)[ \t]*\]\]|\[[ \t]*(?P<table>[^\[\]\n]+?)[ \t]*\])"""
)
_HEADERS_ONLY = re.compile(_HEADER + r"(?P<delimited>(?!))?")
_EVENT = re.compile(_HEADER + r"""|\n(?P<delimited>[^\n]*(?:\"\"\"|''')[^\n]*)""")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")
_DELIMITERS = ('"""', "'''")


class _Lines:
    """The text split into lines, only once someone needs them (an error path)."""

    def __init__(self, text: str):
        self._text = text
        self._lines: list[str] | None = None

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self._text.split("\n")
        return self._lines


class Entry:
    """One `[[name]]` entry: its line, its keys' lines, and its nested entries."""

    # A plain slotted class: a large deck makes one per fact and per citation.
    __slots__ = ("line", "keys", "children", "_text", "_from", "_to", "_header")

    def __init__(self, line: int, _text: str = "", _from: int = 0, _to: int = 0, _header: bool = True):
        self.line = line
        self.keys: dict[str, int] = {}
        self.children: dict[str, list[Entry]] = {}
        # Where to look for the keys when first asked: `_text[_from:_to]`, whose first
        # line is the entry's own (its header, or line 1 for the root).
        self._text = _text
        self._from = _from
        self._to = _to
        self._header = _header  # the root has no header line

    def __repr__(self) -> str:
        return f"Entry(line={self.line})"

    def key_line(self, key: str) -> int:
        if self._text:
            self._scan_keys()
        return self.keys.get(key, self.line)

    def child(self, name: str, index: int) -> "Entry | None":
        entries = self.children.get(name, [])
        return entries[index] if index < len(entries) else None

    def _scan_keys(self) -> None:
        region, self._text = self._text[self._from:self._to], ""
        open_delimiter: str | None = None
        for number, raw in enumerate(region.split("\n"), start=self.line):
            if number == self.line and self._header:
                continue  # the header itself
            if open_delimiter is not None:
                if raw.count(open_delimiter) % 2 == 1:
                    open_delimiter = None
                continue
            key = _KEY.match(raw)
            if key:
                self.keys.setdefault(_strip_quotes(key.group(1)), number)
            open_delimiter = next((d for d in _DELIMITERS if raw.count(d) % 2 == 1), None)


@dataclass
class TomlPositions:
    """Where things are in one TOML file."""

    root: Entry
    arrays: dict[str, list[Entry]]
    _lines: _Lines = field(repr=False)

    @property
    def lines(self) -> list[str]:
        return self._lines.lines

    def entry(self, name: str, index: int) -> Entry | None:
        entries = self.arrays.get(name, [])
        return entries[index] if index < len(entries) else None

    def find_line(self, needle: str, start: int = 1, default: int = 1) -> int:
        """First line at or after `start` containing `needle`, else `default`."""
        lines = self.lines
        for number in range(max(start, 1), len(lines) + 1):
            if needle in lines[number - 1]:
                return number
        return default


def _strip_quotes(key: str) -> str:
    if len(key) >= 2 and key[0] == key[-1] and key[0] in "\"'":
        return key[1:-1]
    return key


def scan(text: str) -> TomlPositions:
    """Scan TOML source text for entry lines (key lines are found lazily)."""
    root = Entry(line=1, _text=text, _from=0, _to=len(text), _header=False)
    arrays: dict[str, list[Entry]] = {}
    last = root
    open_delimiter: str | None = None  # inside a multi-line string
    # Most decks hold no multi-line string; their scan need not look for delimiters.
    pattern = _EVENT if ('"""' in text or "\'\'\'" in text) else _HEADERS_ONLY
    padded = "\n" + text
    number, position = 0, 0  # the event's line number, and where that line starts in `padded`
    names: dict[str, tuple[str, str, str]] = {}  # as written -> (name, parent, child)
    for event in pattern.finditer(padded):
        number += padded.count("\n", position, event.start() + 1)
        position = event.start() + 1
        kind = event.lastgroup
        if kind == "delimited":
            delimited = event.group("delimited")
            if open_delimiter is not None:
                if delimited.count(open_delimiter) % 2 == 1:
                    open_delimiter = None
            else:
                open_delimiter = next((d for d in _DELIMITERS if delimited.count(d) % 2 == 1), None)
            continue
        if open_delimiter is not None:
            # A header-like line inside a string may still close it.
            end = padded.find("\n", position)
            if padded[position:end if end >= 0 else len(padded)].count(open_delimiter) % 2 == 1:
                open_delimiter = None
            continue
        # Offsets into `text`, which is `padded` less its first character.
        last._to = position - 1
        entry = last = Entry(number, text, position - 1, len(text))
        if kind == "array":
            raw = event.group("array")
            split = names.get(raw)
            if split is None:
                name = raw.replace(" ", "")
                parent_name, _, child_name = name.rpartition(".")
                split = names[raw] = (name, parent_name, child_name)
            name, parent_name, child_name = split
            parents = arrays.get(parent_name) if parent_name else None
            if parents:
                parents[-1].children.setdefault(child_name, []).append(entry)
            else:
                arrays.setdefault(name, []).append(entry)
        else:
            arrays.setdefault(event.group("table").replace(" ", ""), []).append(entry)
    # The root's keys stop at the first header; each entry's at the next one.
    return TomlPositions(root=root, arrays=arrays, _lines=_Lines(text))


# A key naming an entry: (array, index) for `[[array]]` entry `index`, or
# (array, index, child, child_index, hint) for the child entry `[[array.child]]`
# number `child_index` of it; `hint`, text on the child's first key line, finds
# it when the scan could not (say, an inline table).
EntryKey = tuple


class FileLines:
    """Lines of one deck file's entries, scanned only when first asked for.

    A clean deck never asks during loading, so it never pays for the scan. While
    the loader runs, the text is at hand; after `release()` (holding every deck
    file's text for the deck's lifetime would cost as much memory again) the
    file is read again when a line is asked for, as it is then.
    """

    __slots__ = ("path", "_text", "_positions")

    def __init__(self, path: Path, text: str):
        self.path = path
        self._text: str | None = text
        self._positions: TomlPositions | None = None

    @property
    def positions(self) -> TomlPositions:
        if self._positions is None:
            text = self._text
            if text is None:
                try:
                    text = self.path.read_text(encoding="utf-8-sig")
                except (OSError, UnicodeDecodeError):
                    text = ""
            self._positions = scan(text)
        return self._positions

    @property
    def text(self) -> str | None:
        """The file's text while the loader holds it; None after `release()`."""
        return self._text

    def release(self) -> None:
        """Drop the text and any scan of it (both are found again if asked for)."""
        self._text = None
        self._positions = None

    def entry(self, name: str, index: int) -> Entry:
        """Entry `index` of `[[name]]`, or the file's root when the scan did not see it."""
        positions = self.positions
        return positions.entry(name, index) or positions.root

    def child_entry(self, parent: Entry, child: str, index: int, hint: str) -> Entry:
        """Child entry `index` of `[[name.child]]` under `parent`, else one found by `hint`."""
        places = parent.children.get(child, ())
        if index < len(places):
            return places[index]
        return Entry(line=self.positions.find_line(hint[:30] or child, parent.line, parent.line))

    def top_level_entry(self, key: str) -> Entry:
        """The first `[key]` or `[[key]]` entry, else the root (where `key = ...` would be)."""
        entries = self.positions.arrays.get(key)
        return entries[0] if entries else self.positions.root

    def top_level_line(self, key: str) -> int:
        """The line of the first `[key]` or `[[key]]` header, else of `key = ...`."""
        entries = self.positions.arrays.get(key)
        return entries[0].line if entries else self.positions.root.key_line(key)

    def line_of(self, key: EntryKey) -> int:
        entry = self.entry(key[0], key[1])
        if len(key) > 2:
            entry = self.child_entry(entry, key[2], key[3], key[4])
        return entry.line
