"""Loading a deck: parse TOML files, check them against the format, verify every quote.

All problems are collected and reported together, one per line, as
`file:line: message` (`file:line:col:` for TOML syntax errors). Nothing in a deck
is ever executed: tomli only parses data.
"""

from __future__ import annotations

import datetime as _dt
import gc
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

import tomli

from .deck import (
    ANSWER_KINDS, DATE_PRECISIONS, TITLE_KINDS, Citation, Deck, Fact, Location, Source,
    UnsourcedClaim, display_path,
)
from .quotes import NormalizedText
from .tomlpos import Entry, TomlPositions, scan

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a deck, printable as `file:line: message`."""

    path: Path
    line: int
    message: str
    column: int | None = None

    def __str__(self) -> str:
        where = f"{display_path(self.path)}:{self.line}"
        if self.column is not None:
            where += f":{self.column}"
        return f"{where}: {self.message}"


class DeckProblems(Exception):
    """Raised by `load_deck` when a deck has problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


# --- the schema -------------------------------------------------------------

def _is_str(value: Any) -> bool:
    return isinstance(value, str)


_ONLY_STR = frozenset((str,))


def _is_str_list(value: Any) -> bool:
    # set(map(type, ...)) runs in C; tomli builds exact str, never a subclass.
    return isinstance(value, list) and set(map(type, value)) <= _ONLY_STR


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0


def _is_date(value: Any) -> bool:
    return isinstance(value, (str, _dt.date)) and not isinstance(value, _dt.datetime)


_ONLY_DICT = frozenset((dict,))


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and set(map(type, value)) <= _ONLY_DICT


Check = tuple[Callable[[Any], bool], str]
STRING: Check = (_is_str, "a string")
STRINGS: Check = (_is_str_list, "a list of strings")
BOOL: Check = (_is_bool, "true or false")
NUMBER: Check = (_is_number, "a number >= 0")
DATE: Check = (_is_date, "a date such as 2025-06-02")
TABLES: Check = (_is_table_list, "an array of tables")

DECK_KEYS: dict[str, Check] = {"title": STRING, "description": STRING}
SOURCE_KEYS: dict[str, Check] = {
    "id": STRING, "title": STRING, "title_kind": STRING, "outlet": STRING, "date": DATE,
    "date_precision": STRING, "date_basis": STRING, "language": STRING, "text": STRING,
    "url": STRING, "note": STRING,
}
SOURCE_REQUIRED = ("id", "title", "title_kind", "outlet", "date_precision", "language", "text")
FACT_KEYS: dict[str, Check] = {
    "id": STRING, "statement": STRING, "questions": STRINGS, "answer": STRING, "kind": STRING,
    "aliases": STRINGS, "tolerance": NUMBER, "approximate": BOOL, "unit": STRING,
    "tags": STRINGS, "distractors": STRINGS, "false_claims": STRINGS, "disputed": BOOL,
    "dispute_note": STRING, "note": STRING, "citations": TABLES,
}
FACT_REQUIRED = ("id", "statement", "questions", "answer", "kind", "citations")
CITATION_KEYS: dict[str, Check] = {"source": STRING, "quote": STRING}
_CITATION_REQUIRED = ("source", "quote")
CLAIM_KEYS: dict[str, Check] = {"id": STRING, "claim": STRING, "tags": STRINGS, "note": STRING}
TOP_LEVEL_KEYS = {"deck", "sources", "facts", "not_in_sources"}


# --- collecting problems ----------------------------------------------------

class _Report:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, path: Path, line: int, message: str, column: int | None = None) -> None:
        self.problems.append(Problem(path, line, message, column))


def _well_formed(table: dict[str, Any], keys: dict[str, Check], required: Iterable[str]) -> bool:
    """True when every key is known and well-typed and every required key is there (the common case)."""
    for key, value in table.items():
        check = keys.get(key)
        if check is None or not check[0](value):
            return False
    for key in required:
        if key not in table:
            return False
    return True


def _check_table(
    report: _Report, path: Path, entry: Entry, table: dict[str, Any],
    keys: dict[str, Check], required: Iterable[str], what: str,
) -> bool:
    """Report unknown, missing and mistyped keys; True when the table is usable."""
    if _well_formed(table, keys, required):
        return True
    usable = True
    for key, value in table.items():
        if key not in keys:
            known = ", ".join(sorted(keys))
            report.add(path, entry.key_line(key), f"{what}: unknown key '{key}' (known keys: {known})")
            continue
        test, expected = keys[key]
        if not test(value):
            report.add(path, entry.key_line(key), f"{what}: '{key}' must be {expected}")
            usable = False
    for key in required:
        if key not in table:
            report.add(path, entry.line, f"{what}: missing required key '{key}'")
            usable = False
    return usable


class _Label:
    """"fact 'x'" for messages, formatted only if a message is written (most facts have none)."""

    __slots__ = ("kind", "ident")

    def __init__(self, kind: str, ident: str):
        self.kind, self.ident = kind, ident

    def __str__(self) -> str:
        return f"{self.kind} '{self.ident}'"

    def __format__(self, spec: str) -> str:  # f"{label}: ..." formats through here
        return format(str(self), spec)


def _describe(kind: str, table: dict[str, Any], index: int) -> str:
    ident = table.get("id")
    return f"{kind} '{ident}'" if isinstance(ident, str) else f"{kind} #{index + 1}"


# --- parsing files ----------------------------------------------------------

@dataclass
class _ParsedFile:
    path: Path
    data: dict[str, Any]
    positions: TomlPositions


def deck_files(paths: Iterable[Path], report: _Report) -> list[Path]:
    """Expand folders to their `*.toml` files, in sorted order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.toml") if p.is_file())
            if not found:
                report.add(path, 1, "no .toml deck files in this folder")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            report.add(path, 1, "no such deck file or folder")
    return list(dict.fromkeys(files))


def _parse(path: Path, report: _Report) -> _ParsedFile | None:
    try:
        raw = path.read_bytes()
    except OSError as error:
        report.add(path, 1, f"cannot read deck file: {error.strerror or error}")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        report.add(path, line, "deck file is not valid UTF-8")
        return None
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        message = getattr(error, "msg", str(error))
        report.add(path, getattr(error, "lineno", 1) or 1, f"TOML syntax error: {message}",
                   column=getattr(error, "colno", 1) or 1)
        return None
    return _ParsedFile(path, data, scan(text))


# --- building the deck ------------------------------------------------------

def _load_sources(parsed: _ParsedFile, report: _Report, sources: dict[str, Source]) -> None:
    for index, table in enumerate(parsed.data.get("sources", [])):
        entry = parsed.positions.entry("sources", index) or parsed.positions.root
        what = _describe("source", table, index)
        if not _check_table(report, parsed.path, entry, table, SOURCE_KEYS, SOURCE_REQUIRED, what):
            continue
        source_id = table["id"]
        if not SLUG.match(source_id):
            report.add(parsed.path, entry.key_line("id"), f"{what}: id must be a lowercase slug (a-z, 0-9, -)")
            continue
        if source_id in sources:
            report.add(parsed.path, entry.key_line("id"),
                       f"{what}: duplicate source id (first defined at {sources[source_id].location})")
            continue
        ok = True
        if table["title_kind"] not in TITLE_KINDS:
            report.add(parsed.path, entry.key_line("title_kind"), f"{what}: title_kind must be one of {', '.join(TITLE_KINDS)}")
            ok = False
        precision = table["date_precision"]
        if precision not in DATE_PRECISIONS:
            report.add(parsed.path, entry.key_line("date_precision"),
                       f"{what}: date_precision must be one of {', '.join(DATE_PRECISIONS)}")
            ok = False
        date = table.get("date", "")
        date = date.isoformat() if isinstance(date, _dt.date) else date
        if date and not all(_ISO_DATE.match(part) for part in date.split("/", 1)):
            report.add(parsed.path, entry.key_line("date"),
                       f"{what}: date must be YYYY-MM-DD, YYYY-MM, YYYY or an interval A/B")
            ok = False
        if precision in ("exact", "inferred") and not date:
            report.add(parsed.path, entry.line, f"{what}: a date is required unless date_precision is 'unknown'")
            ok = False
        if precision == "inferred" and not table.get("date_basis", "").strip():
            report.add(parsed.path, entry.line, f"{what}: an inferred date needs date_basis saying what it was inferred from")
            ok = False
        text_path = (parsed.path.parent / table["text"]).resolve()
        try:
            text = text_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            report.add(parsed.path, entry.key_line("text"), f"{what}: source text file not found: {display_path(text_path)}")
            ok = False
        except (OSError, UnicodeDecodeError) as error:
            report.add(parsed.path, entry.key_line("text"), f"{what}: cannot read source text {display_path(text_path)}: {error}")
            ok = False
        if not ok:
            continue
        sources[source_id] = Source(
            id=source_id, title=table["title"], title_kind=table["title_kind"], outlet=table["outlet"],
            date=date, date_precision=precision, date_basis=table.get("date_basis", ""),
            language=table["language"], text_path=text_path, text=text, url=table.get("url", ""),
            location=Location(parsed.path, entry.line),
        )


class _QuoteIndex:
    """Normalised source texts, built once per source, so each quote costs one substring search."""

    def __init__(self, sources: dict[str, Source]):
        self._sources = sources
        self._normalized: dict[str, NormalizedText] = {}

    def get(self, source_id: str) -> NormalizedText:
        normalized = self._normalized.get(source_id)
        if normalized is None:
            normalized = self._normalized[source_id] = NormalizedText.of(self._sources[source_id].text)
        return normalized


def _load_citations(
    parsed: _ParsedFile, entry: Entry, table: dict[str, Any], what: _Label,
    sources: dict[str, Source], quotes: _QuoteIndex, report: _Report,
) -> tuple[Citation, ...] | None:
    citations: list[Citation] = []
    ok = True
    if not table["citations"]:
        report.add(parsed.path, entry.key_line("citations"), f"{what}: needs at least one citation")
        return None
    places = entry.children.get("citations", ())
    for index, cited in enumerate(table["citations"]):
        place = places[index] if index < len(places) else None
        if place is not None:
            cite_entry = place
        else:
            cite_entry = Entry(line=parsed.positions.find_line(
                str(cited.get("quote", ""))[:30] or "citations", entry.line, entry.line))
        if not _well_formed(cited, CITATION_KEYS, _CITATION_REQUIRED):
            _check_table(report, parsed.path, cite_entry, cited, CITATION_KEYS, _CITATION_REQUIRED,
                         f"{what}, citation {index + 1}")
            ok = False
            continue
        source_id = cited["source"]
        if source_id not in sources:
            known = ", ".join(sorted(sources)) or "none"
            report.add(parsed.path, cite_entry.key_line("source"),
                       f"{what}: cites unknown source '{source_id}' (known: {known})")
            ok = False
            continue
        normalized = quotes.get(source_id)
        span = normalized.find(cited["quote"])
        if span is None:
            passage, score = normalized.closest_passage(cited["quote"], sources[source_id].text)
            hint = f'; closest passage ({score:.0f}% alike): "{" ".join(passage.split())}"' if passage else ""
            report.add(parsed.path, cite_entry.key_line("quote"),
                       f"{what}: quote not found in source '{source_id}'{hint}")
            ok = False
            continue
        citations.append(Citation(source_id, cited["quote"], span[0], span[1],
                                  Location(parsed.path, cite_entry.line)))
    return tuple(citations) if ok else None


def _load_facts(
    parsed: _ParsedFile, report: _Report, sources: dict[str, Source],
    quotes: _QuoteIndex, facts: dict[str, Fact],
) -> None:
    entries = parsed.positions.arrays.get("facts", [])
    for index, table in enumerate(parsed.data.get("facts", [])):
        entry = entries[index] if index < len(entries) else parsed.positions.root
        if not _well_formed(table, FACT_KEYS, FACT_REQUIRED):
            _check_table(report, parsed.path, entry, table, FACT_KEYS, FACT_REQUIRED, _describe("fact", table, index))
            continue
        what = _Label("fact", table["id"])
        fact_id = table["id"]
        ok = True
        if not SLUG.match(fact_id):
            report.add(parsed.path, entry.key_line("id"), f"{what}: id must be a lowercase slug (a-z, 0-9, -)")
            ok = False
        elif fact_id in facts:
            report.add(parsed.path, entry.key_line("id"),
                       f"{what}: duplicate fact id (first defined at {facts[fact_id].location})")
            ok = False
        if table["kind"] not in ANSWER_KINDS:
            report.add(parsed.path, entry.key_line("kind"), f"{what}: kind must be one of {', '.join(ANSWER_KINDS)}")
            ok = False
        for key in ("statement", "answer"):
            if not table[key].strip():
                report.add(parsed.path, entry.key_line(key), f"{what}: '{key}' is empty")
                ok = False
        if not table["questions"] or not all(q.strip() for q in table["questions"]):
            report.add(parsed.path, entry.key_line("questions"), f"{what}: needs at least one non-empty question")
            ok = False
        if table.get("disputed") and not table.get("dispute_note", "").strip():
            report.add(parsed.path, entry.key_line("disputed"),
                       f"{what}: a disputed fact needs a dispute_note naming the sources and what each says")
            ok = False
        citations = _load_citations(parsed, entry, table, what, sources, quotes, report)
        if citations is None or not ok:
            continue
        facts[fact_id] = Fact(
            id=fact_id, statement=table["statement"], questions=tuple(table["questions"]),
            answer=table["answer"], kind=table["kind"], citations=citations,
            aliases=tuple(table.get("aliases", ())), tolerance=float(table.get("tolerance", 0)),
            approximate=table.get("approximate", False), unit=table.get("unit", ""),
            tags=tuple(table.get("tags", ())), distractors=tuple(table.get("distractors", ())),
            false_claims=tuple(table.get("false_claims", ())), disputed=table.get("disputed", False),
            dispute_note=table.get("dispute_note", ""), note=table.get("note", ""),
            location=Location(parsed.path, entry.line),
        )


def _load_claims(parsed: _ParsedFile, report: _Report, claims: dict[str, UnsourcedClaim]) -> None:
    for index, table in enumerate(parsed.data.get("not_in_sources", [])):
        entry = parsed.positions.entry("not_in_sources", index) or parsed.positions.root
        what = _describe("not-in-sources claim", table, index)
        if not _check_table(report, parsed.path, entry, table, CLAIM_KEYS, ("id", "claim"), what):
            continue
        if table["id"] in claims:
            report.add(parsed.path, entry.key_line("id"), f"{what}: duplicate id (first defined at {claims[table['id']].location})")
            continue
        claims[table["id"]] = UnsourcedClaim(table["id"], table["claim"], tuple(table.get("tags", ())),
                                             table.get("note", ""), Location(parsed.path, entry.line))


def _check_top_level(parsed: _ParsedFile, report: _Report) -> None:
    for key, value in parsed.data.items():
        line = parsed.positions.root.key_line(key)
        entries = parsed.positions.arrays.get(key)
        if entries:
            line = entries[0].line
        if key not in TOP_LEVEL_KEYS:
            report.add(parsed.path, line, f"unknown top-level key '{key}' (known: {', '.join(sorted(TOP_LEVEL_KEYS))})")
        elif key == "deck":
            if isinstance(value, dict):
                _check_table(report, parsed.path, entries[0] if entries else parsed.positions.root,
                             value, DECK_KEYS, (), "[deck]")
            else:
                report.add(parsed.path, line, "'deck' must be a table")
        elif not _is_table_list(value):
            report.add(parsed.path, line, f"'{key}' must be an array of tables ([[{key}]])")
    for key in TOP_LEVEL_KEYS - {"deck"}:
        if key in parsed.data and not _is_table_list(parsed.data[key]):
            parsed.data[key] = []


Progress = Callable[[int, int], None]


def load_deck(paths: Iterable[Path | str], progress: Progress | None = None) -> Deck:
    """Load, validate and verify a deck from files and folders.

    Returns a `Deck` in which every citation's quote was found in its source text
    (with its span recorded). Raises `DeckProblems` listing every problem found.
    `progress(done, total)`, if given, is called as the work advances (twice per
    file: parsed, then its facts verified), e.g. to drive a progress bar.
    """
    # The deck is built of acyclic objects, hundreds of thousands of them for a
    # large deck: the cyclic collector would only re-scan them again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load_deck(paths, progress or _no_progress)
    finally:
        if collecting:
            gc.enable()


def _no_progress(done: int, total: int) -> None:
    pass


def _load_deck(paths: Iterable[Path | str], progress: Progress) -> Deck:
    report = _Report()
    files = deck_files([Path(p) for p in paths], report)
    total = 2 * len(files)
    parsed_files = []
    for done, path in enumerate(files, 1):
        parsed = _parse(path, report)
        if parsed is not None:
            parsed_files.append(parsed)
        progress(done, total)
    for parsed in parsed_files:
        _check_top_level(parsed, report)

    sources: dict[str, Source] = {}
    for parsed in parsed_files:
        _load_sources(parsed, report, sources)
    quotes = _QuoteIndex(sources)
    facts: dict[str, Fact] = {}
    claims: dict[str, UnsourcedClaim] = {}
    title = next((p.data["deck"].get("title", "") for p in parsed_files
                  if isinstance(p.data.get("deck"), dict) and p.data["deck"].get("title")), "")
    for done, parsed in enumerate(parsed_files, len(files) + 1):
        _load_facts(parsed, report, sources, quotes, facts)
        _load_claims(parsed, report, claims)
        # The parsed tables are done with: free them while the deck grows, to lower the peak.
        parsed.data = {}
        progress(done, total)
    progress(total, total)

    if parsed_files and not report.problems:
        if not sources:
            report.add(parsed_files[0].path, 1, "the deck declares no [[sources]]")
        if not facts:
            report.add(parsed_files[0].path, 1, "the deck declares no [[facts]]")
    if report.problems:
        raise DeckProblems(report.problems)

    return Deck(title=title or "factdrill deck", sources=sources, facts=tuple(facts.values()),
                unsourced_claims=tuple(claims.values()))
