"""Exports read back: every GIFT question parses in a small reader and its answers match the deck;
the .apkg opens as the zip + SQLite it is, with one note per fact under a stable GUID; the Anki text
and CSV files hold the same facts."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from tui.core.deck.loading import load_deck
from tui.core.deck.paths import bundled_deck_path
from tui.core.exports.anki import cards, note_guid, to_anki_text, to_apkg
from tui.core.exports.gift import escape, to_gift
from tui.core.exports.questions import ExportSelection, export_questions, selected_facts
from tui.core.exports.table import to_csv
from tui.core.quiz.questions import BLANK


# --- a small GIFT reader, written from Moodle's rules, independent of the writer ---------------------

@dataclass
class GiftQuestion:
    name: str
    text: str  # the text with the answer block replaced by BLANK when it sits mid-sentence
    kind: str  # truefalse | numerical | choice | shortanswer
    right: list[str]
    wrong: list[str]
    number: tuple[float, float] | None
    truth: bool | None
    feedback: str


def _unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            out.append("\n" if text[i + 1] == "n" else text[i + 1])
            i += 2
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _split_unescaped(text: str, marks: str) -> list[tuple[str, str]]:
    """(mark, piece) pairs: `text` cut before each unescaped character of `marks`."""
    pieces, current, mark, i = [], [], "", 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            current.append(text[i:i + 2])
            i += 2
            continue
        if ch in marks:
            if current or mark:
                pieces.append((mark, "".join(current)))
            mark, current = ch, []
        else:
            current.append(ch)
        i += 1
    pieces.append((mark, "".join(current)))
    return pieces


def _find_unescaped(text: str, target: str, start: int = 0) -> int:
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(target, i):
            return i
        i += 1
    return -1


def read_gift(data: str) -> list[GiftQuestion]:
    blocks = [b for b in re.split(r"\n\s*\n", data) if b.strip()]
    questions = []
    for block in blocks:
        lines = [line for line in block.splitlines() if not line.lstrip().startswith("//")]
        body = " ".join(lines).strip()
        if not body:
            continue
        assert body.startswith("::"), body
        end = _find_unescaped(body, "::", 2)
        assert end > 0, f"unterminated name: {body}"
        name, rest = _unescape(body[2:end]), body[end + 2:]
        assert rest.startswith("[plain]"), rest
        rest = rest[len("[plain]"):]
        open_ = _find_unescaped(rest, "{")
        close = _find_unescaped(rest, "}", open_ + 1)
        assert 0 <= open_ < close, f"no answer block: {body}"
        assert _find_unescaped(rest, "{", open_ + 1) in (-1,) or _find_unescaped(rest, "{", open_ + 1) > close
        assert _find_unescaped(rest, "{", close + 1) == -1 and _find_unescaped(rest, "}", close + 1) == -1
        before, inner, after = rest[:open_], rest[open_ + 1:close], rest[close + 1:]
        text = _unescape(before) + (BLANK + _unescape(after) if after.strip() else "")
        feedback_at = _find_unescaped(inner, "####")
        answers, feedback = (inner[:feedback_at], inner[feedback_at + 4:]) if feedback_at >= 0 else (inner, "")
        answers = answers.strip()
        q = GiftQuestion(name, text, "", [], [], None, None, _unescape(feedback))
        if answers in ("TRUE", "FALSE", "T", "F"):
            q.kind, q.truth = "truefalse", answers.startswith("T")
        elif answers.startswith("#"):
            value, _, tolerance = answers[1:].partition(":")
            q.kind, q.number = "numerical", (float(value), float(tolerance or 0))
        else:
            parts = _split_unescaped(answers, "=~")
            assert all(mark in "=~" and mark for mark, _ in parts if _.strip() or mark), parts
            q.right = [_unescape(p).strip() for mark, p in parts if mark == "="]
            q.wrong = [_unescape(p).strip() for mark, p in parts if mark == "~"]
            q.kind = "choice" if q.wrong else "shortanswer"
            assert q.right, f"no right answer: {body}"
        questions.append(q)
    return questions


# --- the tests -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bundled():
    return load_deck([bundled_deck_path()])


SPECIAL_TEXT = "Report: the code {=~#} was filed at C:\\temp on 3 May; officials said 12 people attended.\n"
SPECIAL_TOML = r'''
[deck]
title = "Odd {characters}: a test"

[[sources]]
id = "memo"
title = "Memo #1 = {draft}"
title_kind = "headline"
outlet = "Desk ~ News"
date = "2024-05-03"
date_precision = "exact"
language = "en"
text = "memo.txt"

[[facts]]
id = "odd-code"
statement = "The code {=~#} was filed at C:\\temp."
questions = ["Where was the code {=~#} filed (a folder)?"]
answer = "C:\\temp"
aliases = ["temp folder {C}"]
kind = "text"
distractors = ["D:\\logs", "~/home", "#root"]
false_claims = ["The code was filed at D:\\logs."]

[[facts.citations]]
source = "memo"
quote = "the code {=~#} was filed at C:\\temp"

[[facts]]
id = "odd-count"
statement = "12 people <b>attended</b>."
questions = ["How many people attended?"]
answer = "12"
kind = "number"
tolerance = 1
distractors = ["21", "120"]

[[facts.citations]]
source = "memo"
quote = "officials said 12 people attended"
'''


@pytest.fixture
def special(tmp_path: Path):
    (tmp_path / "memo.txt").write_text(SPECIAL_TEXT, encoding="utf-8")
    (tmp_path / "deck.toml").write_text(SPECIAL_TOML, encoding="utf-8")
    return load_deck([tmp_path])


def _check_against_deck(deck, questions, parsed) -> None:
    assert len(parsed) == len(questions)
    for question, read in zip(questions, parsed):
        assert question.key in read.name and question.type in read.name
        fact = question.fact
        if fact is not None:
            for citation in fact.citations:
                assert citation.quote in read.feedback
                assert deck.source_of(citation).title in read.feedback
        if question.type == "choice":
            assert read.kind == "choice" and read.right == [fact.answer]
            assert sorted(read.right + read.wrong) == sorted(o.text for o in question.options)
        elif question.type == "claim" and question.judgement != "not-in-sources":
            assert read.kind == "truefalse" and read.truth == (question.judgement == "supported")
            assert read.text.endswith(question.claim)
        elif question.type == "claim":
            assert read.kind == "choice" and read.right == ["Not in the sources"]
        elif read.kind == "numerical":
            assert fact.kind in ("number", "percent") and question.type == "typed"
            assert read.number == (float(fact.answer.replace(",", "")), fact.tolerance)
        else:
            assert read.kind == "shortanswer"
            assert read.right == list(dict.fromkeys((fact.answer, *fact.aliases)))
            if question.type == "cloze":
                assert read.text == question.cloze.replace(BLANK, BLANK, 1)
            else:
                assert read.text == question.prompt


def test_every_gift_question_of_the_bundled_deck_parses_and_matches(bundled) -> None:
    questions = export_questions(bundled, ExportSelection())
    parsed = read_gift(to_gift(bundled, questions))
    _check_against_deck(bundled, questions, parsed)
    kinds = {q.kind for q in parsed}
    assert kinds == {"truefalse", "numerical", "choice", "shortanswer"}
    assert any(q.truth is False for q in parsed) and any(BLANK in q.text for q in parsed)


def test_gift_escapes_every_special_character(special) -> None:
    assert escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"
    questions = export_questions(special, ExportSelection())
    gift = to_gift(special, questions)
    parsed = read_gift(gift)
    _check_against_deck(special, questions, parsed)
    typed = next(q for q, question in zip(parsed, questions) if question.type == "typed"
                 and question.key == "odd-code")
    assert typed.right == ["C:\\temp", "temp folder {C}"] and "{=~#}" in typed.text
    assert next(q for q in parsed if q.kind == "numerical").number == (12.0, 1.0)


def test_selection_narrows_the_export(bundled) -> None:
    selection = ExportSelection(tags=("delegations",), types=("typed",))
    questions = export_questions(bundled, selection)
    assert questions and {q.type for q in questions} == {"typed"}
    assert all("delegations" in q.fact.tags for q in questions)


def test_apkg_opens_as_zip_and_sqlite_with_stable_guids(bundled, tmp_path: Path) -> None:
    facts = selected_facts(bundled, ExportSelection(tags=("delegations",)))
    first, second = tmp_path / "one.apkg", tmp_path / "two.apkg"
    count = to_apkg(bundled, facts, first)
    to_apkg(bundled, facts, second)
    assert count == len(cards(bundled, facts)) > 0

    def notes(path: Path) -> dict[str, list[str]]:
        with zipfile.ZipFile(path) as archive:
            assert "collection.anki2" in archive.namelist()
            (tmp_path / "collection.anki2").write_bytes(archive.read("collection.anki2"))
        with sqlite3.connect(tmp_path / "collection.anki2") as db:
            return {guid: flds.split("\x1f") for guid, flds in db.execute("SELECT guid, flds FROM notes")}

    one, two = notes(first), notes(second)
    assert one.keys() == two.keys() and len(one) == count  # re-exporting gives the same GUIDs
    by_id = {fields[4]: (guid, fields) for guid, fields in one.items()}
    fact = facts[0]
    guid, fields = by_id[fact.id]
    assert guid == note_guid(bundled, fact.id)
    assert fact.answer.replace("&", "&amp;") in fields[1]
    source = bundled.source_of(fact.citations[0])
    assert source.title.replace("&", "&amp;").replace("'", "&#x27;").replace('"', "&quot;") in fields[3]


def test_apkg_escapes_html_from_the_deck(special, tmp_path: Path) -> None:
    path = tmp_path / "special.apkg"
    to_apkg(special, list(special.facts), path)
    with zipfile.ZipFile(path) as archive:
        (tmp_path / "c.anki2").write_bytes(archive.read("collection.anki2"))
    with sqlite3.connect(tmp_path / "c.anki2") as db:
        fields = [row[0] for row in db.execute("SELECT flds FROM notes")]
    statements = [f.split("\x1f")[2] for f in fields]
    assert "12 people &lt;b&gt;attended&lt;/b&gt;." in statements
    assert not any("<b>" in f for f in fields)


def test_anki_text_and_csv_hold_every_fact(bundled) -> None:
    facts = selected_facts(bundled, ExportSelection(tags=("talks",)))
    text = to_anki_text(bundled, facts)
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert "#separator:tab" in header and "#guid column:1" in header and "#html:false" in header
    body = "\n".join(line for line in text.splitlines(keepends=False) if not line.startswith("#"))
    rows = list(csv.reader(io.StringIO(body), delimiter="\t"))
    made = cards(bundled, facts)
    assert [row[0] for row in rows] == [card.guid for card in made]
    assert all(row[2].startswith(card.answer) for row, card in zip(rows, made))
    table = list(csv.DictReader(io.StringIO(to_csv(bundled, facts))))
    assert [row["id"] for row in table] == [f.id for f in facts]
    assert all(row["answer"].lstrip("'") == f.answer for row, f in zip(table, facts))


# --- the command, as a teacher runs it ----------------------------------------------------------------

def test_export_command_writes_each_format(tmp_path: Path, capsys, bundled) -> None:
    from tui.cli.main import main

    gift = tmp_path / "talks.gift.txt"
    assert main(["export", "--format", "gift", "--tag", "talks", "--out", str(gift)]) == 0
    parsed = read_gift(gift.read_text(encoding="utf-8"))
    questions = export_questions(bundled, ExportSelection(tags=("talks",)))
    _check_against_deck(bundled, questions, parsed)
    apkg = tmp_path / "talks.apkg"
    assert main(["export", "--format", "anki", "--tag", "talks", "--out", str(apkg)]) == 0
    assert zipfile.is_zipfile(apkg)
    capsys.readouterr()
    assert main(["export", "--format", "anki", "--id", "umerov-leads-ukraine"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("#separator:tab") and note_guid(bundled, "umerov-leads-ukraine") in text
    assert main(["export", "--format", "csv", "--source", "article-000"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and all("article-000" in row["sources"] for row in rows)


def test_export_of_a_drill_is_exactly_its_questions(capsys) -> None:
    from tui.cli.main import main
    from tui.core.drills.rounds import prepare_drill

    drill = Path(__file__).resolve().parent.parent / "tui" / "examples" / "drills" / "talks-week-1.toml"
    assert main(["export", "--format", "gift", "--drill", str(drill)]) == 0
    parsed = read_gift(capsys.readouterr().out)
    prepared = prepare_drill(drill)
    _check_against_deck(prepared.deck, list(prepared.round.questions), parsed)


def test_export_problems_are_one_line(capsys) -> None:
    from tui.cli.main import main

    assert main(["export", "--format", "gift", "--tag", "no-such-tag"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown tag no-such-tag" in err


def test_exported_files_get_the_usual_permissions(tmp_path: Path, bundled) -> None:
    # Written through a private temporary file, an export must not stay private (0600): the teacher
    # shares a gradebook or a .gift file like any other file they save; a file rewritten keeps its mode.
    import os
    import stat

    from tui.cli.main import main

    before = os.umask(0o022)
    try:
        gift, apkg, grades = tmp_path / "t.gift.txt", tmp_path / "t.apkg", tmp_path / "grades.csv"
        assert main(["export", "--format", "gift", "--tag", "talks", "--out", str(gift)]) == 0
        assert main(["export", "--format", "anki", "--tag", "talks", "--out", str(apkg)]) == 0
        assert [stat.S_IMODE(p.stat().st_mode) for p in (gift, apkg)] == [0o644, 0o644]
        grades.write_text("old")
        grades.chmod(0o640)
        assert main(["export", "--format", "csv", "--tag", "talks", "--out", str(grades)]) == 0
        assert stat.S_IMODE(grades.stat().st_mode) == 0o640 and grades.read_text() != "old"
    finally:
        os.umask(before)


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path, capsys) -> None:
    from tui.cli.main import main

    (tmp_path / "grades").mkdir()  # --out names a folder: refused, and nothing is left beside it
    assert main(["export", "--format", "gift", "--tag", "talks", "--out", str(tmp_path / "grades")]) == 1
    assert "cannot write" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["grades"]
