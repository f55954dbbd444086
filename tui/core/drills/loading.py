"""Reading a drill file: TOML parsed by tomli, every problem reported as `file:line: message`.

`load_drill` checks the file on its own (keys, types, values); `prepare_drill` also
loads its deck, checks every tag, source, id and type against it, and builds the
round, so `factdrill drill validate` and `factdrill drill` find the same problems.
Nothing in a drill file is executed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core.deck.files import parse_file
from tui.core.deck.paths import bundled_deck_path
from tui.core.deck.schema import (
    BOOL, SLUG, STRING, STRINGS, TABLES, Check, DeckProblems, Problem, Report, Schema, check_table,
)
from tui.core.deck.tomlpos import Entry, FileLines

from .model import (
    BUNDLED_DECK, DEFAULT_PASS_MARK, FEEDBACK_EACH, FEEDBACK_MODES, Drill, DrillQuestion, Selection,
)

QUESTION_TYPES = ("typed", "choice", "claim", "cloze")
CLAIM_JUDGEMENTS = ("supported", "refuted")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_positive(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 1e9


def _is_deck(value: Any) -> bool:
    return isinstance(value, str) or (isinstance(value, list) and bool(value)
                                      and all(isinstance(v, str) for v in value))


INT = Check(_is_int, "a whole number", (int,))
POSITIVE = Check(_is_positive, "a number of seconds > 0", (int, float))
PERCENT = Check(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 100,
                "a percentage from 0 to 100", (int, float))
DECK_REF = Check(_is_deck, '"bundled", or a path (or list of paths) relative to the drill file', (str, list))

DRILL = Schema({
    "id": STRING, "title": STRING, "deck": DECK_REF, "seed": INT, "feedback": STRING, "retry": BOOL,
    "pass_mark": PERCENT, "question_seconds": POSITIVE, "round_seconds": POSITIVE,
}, ("title",))
SELECT = Schema({"count": INT, "tags": STRINGS, "sources": STRINGS, "ids": STRINGS, "types": STRINGS}, ())
QUESTION = Schema({"id": STRING, "type": STRING, "judgement": STRING}, ("id", "type"))
TOP_LEVEL = {"drill", "select", "questions"}


class DrillProblems(DeckProblems):
    """A drill file (or its deck) has problems; carries every one of them. `partial`: the drill
    as far as it could be read, when its deck and selection could still be checked."""

    partial: "Drill | None" = None


@dataclass
class _Parsed:
    path: Path
    data: dict[str, Any]
    lines: FileLines
    report: Report

    def add(self, line: int, message: str) -> None:
        self.report.add(self.path, line, message)

    def table_entry(self, key: str) -> Entry:
        return self.lines.top_level_entry(key)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _parse(path: Path, report: Report) -> _Parsed | None:
    parsed = parse_file(path, path.parent, report, what="drill file")
    return _Parsed(path, parsed.data, parsed.lines, report) if parsed is not None else None


def _table(parsed: _Parsed, key: str, schema: Schema, what: str) -> dict[str, Any] | None:
    value = parsed.data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        parsed.add(parsed.lines.top_level_line(key), f"'{key}' must be a table ([{key}])")
        return None
    return value if check_table(parsed.report, parsed.path, parsed.table_entry(key), value, schema, what) else None


def _deck_paths(parsed: _Parsed, header: dict[str, Any]) -> tuple[Path, ...]:
    ref = header.get("deck", BUNDLED_DECK)
    refs = [ref] if isinstance(ref, str) else list(ref)
    paths: list[Path] = []
    for item in refs:
        if item == BUNDLED_DECK:
            paths.append(bundled_deck_path())
            continue
        path = parsed.path.parent / item
        if not path.exists():
            parsed.add(parsed.table_entry("drill").key_line("deck"), f"[drill]: no deck file or folder at '{item}'")
        paths.append(path)
    return tuple(paths)


def _header(parsed: _Parsed) -> dict[str, Any] | None:
    if "drill" not in parsed.data:
        parsed.add(1, "missing the [drill] table (title, deck, seed, ...)")
        return None
    raw = parsed.data["drill"]
    header = _table(parsed, "drill", DRILL, "[drill]")
    if not isinstance(raw, dict):
        return None
    # Values are checked even when another key is wrong, so every problem shows at once.
    entry = parsed.table_entry("drill")
    if isinstance(raw.get("id"), str) and not SLUG.match(raw["id"]):
        parsed.add(entry.key_line("id"), "[drill]: 'id' must be a slug like 'week-1-talks' (a-z, 0-9, -)")
    if isinstance(raw.get("title"), str) and not raw["title"].strip():
        parsed.add(entry.key_line("title"), "[drill]: 'title' must not be empty")
    if isinstance(raw.get("feedback"), str) and raw["feedback"] not in FEEDBACK_MODES:
        parsed.add(entry.key_line("feedback"), "[drill]: 'feedback' must be \"each\" or \"end\" (exam mode)")
    return header


def _selection(parsed: _Parsed) -> Selection | None:
    raw = parsed.data.get("select", {})
    table = _table(parsed, "select", SELECT, "[select]")
    if not isinstance(raw, dict):
        return None
    entry = parsed.table_entry("select")
    count = raw.get("count", 10)
    if _is_int(count) and count < 1:
        parsed.add(entry.key_line("count"), "[select]: 'count' must be at least 1")
    types = raw.get("types", ())
    for name in types if STRINGS.test(types) else ():
        if name not in QUESTION_TYPES:
            parsed.add(entry.key_line("types"),
                       f"[select]: unknown question type '{name}' (known: {', '.join(QUESTION_TYPES)})")
    if table is None:
        return None
    return Selection(count, *(tuple(table.get(k, ())) for k in ("tags", "sources", "ids", "types")))


def _questions(parsed: _Parsed) -> tuple[DrillQuestion, ...] | None:
    value = parsed.data.get("questions", [])
    if not TABLES.test(value):
        parsed.add(parsed.lines.top_level_line("questions"), "'questions' must be an array of tables ([[questions]])")
        return None
    questions, usable = [], True
    for index, table in enumerate(value):
        entry = parsed.lines.entry("questions", index)
        what = f"question #{index + 1}"
        if not check_table(parsed.report, parsed.path, entry, table, QUESTION, what):
            usable = False
            continue
        type_, judgement = table["type"], table.get("judgement", "")
        if type_ not in QUESTION_TYPES:
            parsed.add(entry.key_line("type"), f"{what}: unknown type '{type_}' (known: {', '.join(QUESTION_TYPES)})")
            usable = False
        if judgement and (type_ != "claim" or judgement not in CLAIM_JUDGEMENTS):
            parsed.add(entry.key_line("judgement"),
                       f"{what}: 'judgement' is for claim questions: \"supported\" or \"refuted\"")
            usable = False
        if any(q.key == table["id"] for q in questions):
            parsed.add(entry.key_line("id"), f"{what}: '{table['id']}' is already asked by an earlier question")
        questions.append(DrillQuestion(table["id"], type_, judgement))
    return tuple(questions) if usable else None


def _default_seed(drill_id: str) -> int:
    return int.from_bytes(hashlib.sha256(drill_id.encode()).digest()[:4], "big")


def load_drill(path: Path | str) -> Drill:
    """The drill file at `path`, checked on its own (not yet against its deck).

    Raises `DrillProblems` with every problem as `file:line: message`.
    """
    path = Path(path)
    report = Report()
    parsed = _parse(path, report)
    if parsed is None:
        raise DrillProblems(report.problems)
    for key in parsed.data:
        if key not in TOP_LEVEL:
            parsed.add(parsed.lines.top_level_line(key),
                       f"unknown top-level key '{key}' (known: {', '.join(sorted(TOP_LEVEL))})")
    header = _header(parsed)
    selection = _selection(parsed)
    questions = _questions(parsed)
    if questions and "select" in parsed.data:
        parsed.add(parsed.lines.top_level_line("select"),
                   "give either [select] or [[questions]], not both (an explicit list is asked as written)")
    deck_paths = _deck_paths(parsed, header) if header is not None else ()
    if report.problems or header is None or selection is None or questions is None:
        problems = DrillProblems(in_file_order(report.problems, path))
        if (header is not None and selection is not None and questions is not None and deck_paths
                and all(deck_path.exists() for deck_path in deck_paths)):
            # Enough to check the selection against the deck too, so all is told at once.
            problems.partial = _drill(path, {}, deck_paths, selection, questions)
        raise problems
    return _drill(path, header, deck_paths, selection, questions)


def _drill(path: Path, header: dict, deck_paths: tuple[Path, ...], selection: Selection,
           questions: tuple[DrillQuestion, ...]) -> Drill:
    drill_id = header.get("id") or re.sub(r"[^a-z0-9-]+", "-", path.stem.lower()).strip("-") or "drill"
    return Drill(
        path=path, id=drill_id, title=header.get("title", "").strip(), deck_paths=deck_paths,
        seed=header.get("seed", _default_seed(drill_id)), selection=selection, questions=questions,
        feedback=header.get("feedback", FEEDBACK_EACH), retry=header.get("retry", False),
        pass_mark=float(header.get("pass_mark", DEFAULT_PASS_MARK)),
        question_seconds=header.get("question_seconds"), round_seconds=header.get("round_seconds"),
        content_hash=content_hash(path.read_bytes()),
    )


def in_file_order(problems: list[Problem], drill_file: Path) -> list[Problem]:
    """The drill file's problems in file order, as a teacher fixes them top to bottom (found table
    by table); then any other file's (its deck's), in the order found."""
    return sorted(problems, key=lambda p: (p.path != drill_file, (p.line, p.column or 0) if p.path == drill_file
                                           else (0, 0)))


def selection_problems(drill: Drill, deck) -> list[Problem]:
    """Tags, sources, ids and explicit questions of `drill` that its deck does not have."""
    report = Report()
    lines = FileLines(drill.path, drill.path.read_text(encoding="utf-8-sig"))
    select = lines.top_level_entry("select")
    known_ids = set(deck.asks_by_id) | {f"not-in-sources:{c.id}" for c in deck.unsourced_claims}
    checks = (("tags", drill.selection.tags, set(deck.tags)), ("sources", drill.selection.sources, set(deck.sources)),
              ("ids", drill.selection.ids, known_ids))
    for key, wanted, known in checks:
        for item in wanted:
            if item not in known:
                report.add(drill.path, select.key_line(key), f"[select]: the deck has no {key[:-1]} '{item}'")
    from tui.core.quiz.questions import feasible_types, refutable  # the quiz decides what can be asked

    for index, question in enumerate(drill.questions):
        entry = lines.entry("questions", index)
        what = f"question #{index + 1}"
        fact = deck.asks_by_id.get(question.key)
        if question.key.startswith("not-in-sources:") and question.key in known_ids:
            if question.type != "claim" or question.judgement:
                report.add(drill.path, entry.key_line("type"),
                           f"{what}: '{question.key}' can only be a claim judged by the pupil (no 'judgement')")
        elif fact is None:
            report.add(drill.path, entry.key_line("id"), f"{what}: the deck has no fact '{question.key}'")
        elif question.type not in feasible_types(deck, fact):
            report.add(drill.path, entry.key_line("type"),
                       f"{what}: '{question.key}' cannot be asked as {question.type} without giving the answer away")
        elif question.judgement == "refuted" and not refutable(fact):
            report.add(drill.path, entry.key_line("judgement"),
                       f"{what}: '{question.key}' has no false claim to refute")
    return report.problems
