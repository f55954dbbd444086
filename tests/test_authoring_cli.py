"""From a new article to a quizzable deck with the four commands, as a new user would.

The article (tests/data/authoring/harbour-bridge.txt) is invented for these tests.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import tomli

from tui.core.authoring.edits import accept_draft
from tui.core.authoring.sentences import outline
from tui.core.checking.normalize import normalize_answer
from tui.core.deck.loading import load_deck
from tui.core.quiz.rounds import RoundSpec, build_round

DATA = Path(__file__).parent / "data" / "authoring"
ARTICLE = DATA / "harbour-bridge.txt"
FACTDRILL = Path(sys.executable).parent / "factdrill"
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December")
DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(FACTDRILL), *args], input=stdin, capture_output=True, text=True, timeout=120)


def carries_a_number_date_or_name(sentence: str) -> bool:
    """A digit, a month or weekday, or a capitalised word after the first word."""
    if re.search(r"\d", sentence) or re.search(rf"\b({MONTHS}|{DAYS})\b", sentence):
        return True
    return any(word[:1].isupper() for word in re.findall(r"[\w'’&-]+", sentence)[1:])


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    """new, add-source, draft: the deck folder and the new source's id."""
    deck = tmp_path_factory.mktemp("authoring") / "bridge"
    made = run("new", str(deck), "--title", "Marrowby harbour bridge")
    assert made.returncode == 0, made.stderr
    added = run("add-source", str(ARTICLE), "--deck", str(deck))
    assert added.returncode == 0, added.stderr
    source_id = added.stdout.strip().splitlines()[-1]
    drafted = run("draft", source_id, "--deck", str(deck))
    assert drafted.returncode == 0, drafted.stderr
    return deck, source_id


def test_new_makes_a_deck_folder_with_a_commented_deck_file_and_refuses_to_overwrite(tmp_path):
    deck = tmp_path / "mine"
    assert run("new", str(deck), "--title", "My deck").returncode == 0
    text = (deck / "deck.toml").read_text(encoding="utf-8")
    assert text.startswith("# ") and "FORMAT.md" in text
    assert tomli.loads(text)["deck"]["title"] == "My deck"
    assert (deck / "sources").is_dir()
    again = run("new", str(deck))
    assert again.returncode != 0
    assert "already exists" in again.stderr and "Traceback" not in again.stderr
    assert (deck / "deck.toml").read_text(encoding="utf-8") == text


def test_add_source_stores_the_text_byte_for_byte_and_prints_only_the_id_last(drafted):
    deck, source_id = drafted
    entry = next(s for s in tomli.loads((deck / "deck.toml").read_text())["sources"] if s["id"] == source_id)
    assert (deck / entry["text"]).read_bytes() == ARTICLE.read_bytes()
    assert entry["title"] == "Marrowby approves $48m harbour bridge after two-year dispute"
    assert entry["title_kind"] == "headline"
    assert entry["outlet"] == "unknown"  # the text does not name its outlet
    assert entry["date_precision"] == "unknown" and "date" not in entry  # nor its date
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", source_id)


def test_add_source_reads_standard_input(tmp_path):
    deck = tmp_path / "piped"
    run("new", str(deck))
    added = run("add-source", "-", "--deck", str(deck), "--id", "pasted", "--outlet", "Marrowby Gazette",
                "--date", "2026-02-03", stdin=ARTICLE.read_text(encoding="utf-8"))
    assert added.returncode == 0, added.stderr
    assert added.stdout.splitlines()[-1] == "pasted"
    entry = tomli.loads((deck / "deck.toml").read_text())["sources"][0]
    assert (entry["outlet"], entry["date"], entry["date_precision"]) == ("Marrowby Gazette", "2026-02-03", "exact")
    assert (deck / entry["text"]).read_bytes() == ARTICLE.read_bytes()


def test_a_web_page_without_article_text_is_one_line_naming_the_file(tmp_path):
    deck = tmp_path / "empty-page"
    run("new", str(deck))
    page = tmp_path / "menu.html"
    page.write_bytes(b"<html><head><title>Menu</title></head><body><nav><img src='logo.png'></nav></body></html>")
    added = run("add-source", str(page), "--deck", str(deck))
    assert added.returncode == 1
    assert added.stderr.startswith(f"{page}: no article text found in the HTML page")
    assert len(added.stderr.splitlines()) == 1 and "Traceback" not in added.stderr
    assert "[[sources]]" not in (deck / "deck.toml").read_text()  # nothing half-added


def test_every_sentence_with_a_number_date_or_name_gets_a_draft(drafted):
    deck, source_id = drafted
    loaded = load_deck([deck])
    assert loaded.facts == ()  # drafts are never facts until accepted
    text = loaded.sources[source_id].text
    quoted = {c.quote for d in loaded.drafts for c in d.citations}
    sentences = [s.text for s in outline(text).sentences]
    checkable = [s for s in sentences if carries_a_number_date_or_name(s)]
    assert len(checkable) >= 15
    missing = [s for s in checkable if s not in quoted]
    assert missing == []


def test_no_draft_question_contains_its_answer(drafted):
    deck, _ = drafted
    for draft in load_deck([deck]).drafts:
        for question in draft.questions:
            asked = f" {normalize_answer(question)} "
            for form in (draft.answer, *draft.aliases):
                assert f" {normalize_answer(form)} " not in asked, (draft.id, question, form)


def test_drafts_carry_kinds_aliases_tags_and_quotes_from_the_article(drafted):
    deck, source_id = drafted
    loaded = load_deck([deck])
    drafts = {d.answer: d for d in loaded.drafts}
    assert drafts["$48m"].kind == "money" and "48 million dollars" in drafts["$48m"].aliases
    assert drafts["€12 million"].kind == "money" and drafts["€12 million"].tags == ("funding",)
    assert drafts["14 September 2028"].kind == "date" and "2028-09-14" in drafts["14 September 2028"].aliases
    assert drafts["Mira Castell"].kind == "name" and "Castell" in drafts["Mira Castell"].aliases
    assert drafts["18,000"].unit == "vehicles" and "eighteen thousand" in drafts["18,000"].aliases
    assert drafts["chief engineer"].questions == ("What role does the article give Mira Castell?",)
    speech = [d for d in loaded.drafts if d.questions[0].startswith("Who said")]
    assert {d.answer for d in speech} >= {"Tomas Brandt", "Mira Castell", "Ruth Okafor"}
    text = loaded.sources[source_id].text
    for draft in loaded.drafts:
        citation = draft.citations[0]
        assert text[citation.start:citation.end] == citation.quote


def test_drafting_again_adds_nothing_and_keeps_ids(drafted):
    deck, source_id = drafted
    before = [d.id for d in load_deck([deck]).drafts]
    again = run("draft", source_id, "--deck", str(deck))
    assert again.returncode == 0, again.stderr
    assert [d.id for d in load_deck([deck]).drafts] == before


def test_list_drafts_lists_them_and_validate_passes(drafted):
    deck, _ = drafted
    listed = run("list", "--drafts", "--deck", str(deck))
    assert listed.returncode == 0, listed.stderr
    assert "$48m" in listed.stdout
    checked = run("validate", str(deck))
    assert checked.returncode == 0, checked.stdout


def test_accepted_drafts_are_quizzed_in_plain_mode(drafted, tmp_path):
    deck, _ = drafted
    copy = tmp_path / "deck"
    shutil.copytree(deck, copy)
    drafts = {d.answer: d for d in load_deck([copy]).drafts}
    for answer in ("$48m", "14 September 2028", "Mira Castell"):
        accept_draft(copy, drafts[answer].id)
    accepted = load_deck([copy])
    assert sorted(f.answer for f in accepted.facts) == ["$48m", "14 September 2028", "Mira Castell"]
    # The same seed gives the same round: answer each question as a person would, in its order.
    spoken = {"$48m": "48 million dollars", "14 September 2028": "14 September 2028", "Mira Castell": "Castell"}
    order = build_round(accepted, RoundSpec(count=3, seed=3, types=("typed",))).questions
    answers = "".join(spoken[q.fact.answer] + "\n" for q in order)
    played = run("quiz", "--plain", "--deck", str(copy), "--count", "3", "--types", "typed", "--seed", "3",
                 stdin=answers)
    assert played.returncode == 0, played.stderr
    # A round leaves out a question whose answer an earlier one shows (two of these facts
    # share a sentence), so it may hold fewer than 3; every one it asks is answered right.
    assert 2 <= len(order) and played.stdout.count("Question ") == len(order)
    assert played.stdout.count("\nCorrect") == len(order), played.stdout
