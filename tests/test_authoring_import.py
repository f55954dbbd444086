"""add-source on a saved web page, and drafts that restate or contradict facts of another source."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import tomli

from tui.core.authoring.edits import accept_draft
from tui.core.deck.loading import load_deck

DATA = Path(__file__).parent / "data" / "authoring"
FACTDRILL = Path(sys.executable).parent / "factdrill"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(FACTDRILL), *args], capture_output=True, text=True, timeout=120)


def test_a_saved_web_page_comes_in_with_its_headline_outlet_and_date(tmp_path):
    deck = tmp_path / "ferry"
    run("new", str(deck))
    added = run("add-source", str(DATA / "ferry-strike.html"), "--deck", str(deck))
    assert added.returncode == 0, added.stderr
    source_id = added.stdout.splitlines()[-1]
    entry = tomli.loads((deck / "deck.toml").read_text(encoding="utf-8"))["sources"][0]
    assert entry["id"] == source_id
    assert entry["title"] == "Ferry crews on Lenholm Sound strike for a second day"
    assert entry["title_kind"] == "headline"
    assert entry["outlet"] == "The Coastline Courier"
    assert (entry["date"], entry["date_precision"]) == ("2026-03-11", "exact")
    assert entry["url"] == "https://courier.example/news/2026/03/11/ferry-strike"
    text = (deck / entry["text"]).read_text(encoding="utf-8")
    assert "2,400 daily passengers" in text and "lost £1.3 million last year" in text
    assert "Privacy" not in text and "Sport" not in text and "newsletter" not in text  # page furniture dropped
    drafted = run("draft", source_id, "--deck", str(deck))
    assert drafted.returncode == 0, drafted.stderr
    answers = {d.answer: d for d in load_deck([deck]).drafts}
    assert answers["£1.3 million"].kind == "money" and answers["£1.3 million"].tags == ("talks",)
    assert answers["6.5%"].kind == "percent"


def test_a_page_that_gives_no_date_gets_none(tmp_path):
    page = tmp_path / "undated.html"
    page.write_text("<html><body><article><h1>Harbour reopens</h1><p>The harbour at Port Aske reopened "
                    "to ferries after a storm damaged its pier, the operator said.</p></article></body></html>",
                    encoding="utf-8")
    deck = tmp_path / "deck"
    run("new", str(deck))
    added = run("add-source", str(page), "--deck", str(deck))
    assert added.returncode == 0, added.stderr
    entry = tomli.loads((deck / "deck.toml").read_text(encoding="utf-8"))["sources"][0]
    assert entry["date_precision"] == "unknown" and "date" not in entry
    assert entry["outlet"] == "unknown"


def test_a_second_article_proposes_a_citation_and_a_dispute(tmp_path):
    deck = tmp_path / "bridge"
    run("new", str(deck))
    first = run("add-source", str(DATA / "harbour-bridge.txt"), "--deck", str(deck), "--id", "first").stdout
    run("draft", "first", "--deck", str(deck))
    drafts = {d.answer: d.id for d in load_deck([deck]).drafts if d.statement.startswith("The bridge will cost")}
    cost, opening = accept_draft(deck, drafts["$48m"]), accept_draft(deck, drafts["14 September 2028"])
    run("add-source", str(DATA / "bridge-update.txt"), "--deck", str(deck), "--id", "update")
    drafted = run("draft", "update", "--deck", str(deck))
    assert drafted.returncode == 0, drafted.stderr
    loaded = load_deck([deck])
    proposals = {d.answer: loaded.draft_links.get(d.id) for d in loaded.drafts if d.citations[0].source_id == "update"}
    assert proposals["$52m"] == ("disputes", cost)
    assert proposals["14 September 2028"] == ("corroborates", opening)
    assert first.splitlines()[-1] == "first"
    # Accepting them: the date gains a second article; the cost is marked disputed, naming both.
    copy = tmp_path / "accepted"
    shutil.copytree(deck, copy)
    by_answer = {d.answer: d.id for d in loaded.drafts if d.citations[0].source_id == "update"}
    assert accept_draft(copy, by_answer["14 September 2028"]) == opening
    assert accept_draft(copy, by_answer["$52m"]) == cost
    after = load_deck([copy])
    assert after.fact(opening).source_ids == ("first", "update")
    disputed = after.fact(cost)
    assert disputed.disputed and disputed.source_ids == ("first", "update")
    assert "'first'" in disputed.dispute_note and "$52m" in disputed.dispute_note


def test_validate_reports_a_schema_error_and_a_bad_quote_of_different_files_in_one_run(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text("The ferry carried 2,400 passengers a day.\n", encoding="utf-8")
    (tmp_path / "sources.toml").write_text(
        '# the article\n[[sources]]\nid = "a"\ntitle = "Ferry"\ntitle_kind = "headline"\noutlet = "unknown"\n'
        'date_precision = "unknown"\nlanguage = "en"\ntext = "sources/a.txt"\nlanguag = "en"\n', encoding="utf-8")
    (tmp_path / "facts.toml").write_text(
        '[[facts]]\nid = "riders"\nstatement = "The ferry carried 2,400 passengers a day."\n'
        'questions = ["How many passengers did the ferry carry a day?"]\nanswer = "2,400"\nkind = "number"\n\n'
        '[[facts.citations]]\nsource = "a"\nquote = "carried 4,200 passengers a day"\n', encoding="utf-8")
    checked = run("validate", str(tmp_path))
    assert checked.returncode == 1
    lines = checked.stdout.splitlines()
    assert any("sources.toml:10:" in line and "unknown key 'languag'" in line for line in lines), lines
    assert any("facts.toml:10:" in line and "quote not found in source 'a'" in line for line in lines), lines
    assert lines[-1] == "2 problems found"
