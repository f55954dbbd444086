"""Drafts judged as a teacher would, on a fresh article (the Fernbrook library closure, written
for this review): every draft asks for exactly what it blanks, and no wrong answer passes."""

from __future__ import annotations

import os
import subprocess
import sys
import stat
from pathlib import Path

from tui.core.authoring.drafting import contains_answer, draft_facts, draft_for_passage
from tui.core.authoring.edits import accept_draft, add_fact, drop_fact, dropped_drafts, edit_fact, write_drafts
from tui.core.authoring.links import link_drafts
from tui.core.authoring.importing import add_source, read_article
from tui.core.authoring.sentences import outline
from tui.core.authoring.writing import new_deck
from tui.core.checking.checker import check_answer
from tui.core.deck.loading import load_deck
from tui.core.deck.model import Fact

VOTE = ("The Kelso County Council voted 31 to 7 on Tuesday, March 3, 2026, to close the Fernbrook "
        "branch library at the end of June.")


def drafted(tmp_path: Path, text: str) -> list[Fact]:
    """The drafts of `text`, written to a new deck and loaded back as the quiz would see them."""
    root = tmp_path / "deck"
    new_deck(root, "Review")
    add_source(root, read_article("article.txt", text.encode("utf-8")), "article")
    write_drafts(root, "article", draft_facts("article", text))
    return list(load_deck([root], complete=False).drafts)


def accepts(fact: Fact, given: str) -> bool:
    return check_answer(fact, given).correct


def test_a_vote_in_the_wrong_order_is_never_accepted(tmp_path):
    drafts = drafted(tmp_path, VOTE + "\n")
    vote = {d.answer: d for d in drafts if "voted ___ on" in d.questions[0]}
    assert set(vote) == {"31", "7"}
    assert "votes for" in vote["31"].questions[0] and "votes against" in vote["7"].questions[0]
    for fact in vote.values():  # the whole vote, in the wrong order, is wrong for either side
        assert not accepts(fact, "7 to 31"), (fact.questions[0], fact.answer)
        assert not accepts(fact, "31 to 7" if fact.answer == "7" else "7"), (fact.questions[0], fact.answer)
    assert accepts(vote["31"], "31") and accepts(vote["31"], "thirty-one") and accepts(vote["7"], "seven")
    assert not any(d.kind == "text" and "31" in d.answer for d in drafts)


def test_a_capitalised_first_word_is_not_part_of_a_name(tmp_path):
    text = ("Residents respond\n\nThe council voted to close the Fernbrook branch. Closing Fernbrook is expected "
            "to save about $1.2 million a year. Parent Tomas Reyes, whose two children use the branch, "
            'called the decision "short-sighted".\n')
    drafts = drafted(tmp_path, text)
    answers = {d.answer for d in drafts}
    assert not {"Closing Fernbrook", "Parent Tomas Reyes"} & answers, answers
    speaker = next(d for d in drafts if d.questions[0].startswith("Who said"))
    assert speaker.answer == "Tomas Reyes" and speaker.kind == "name"
    assert not any(d.kind == "name" and "Fernbrook" in d.answer for d in drafts)


def test_a_byline_is_neither_a_headline_nor_a_sub_heading(tmp_path):
    text = "Kelso council votes to close Fernbrook library\n\nBy Dana Whitcombe\n\n" + VOTE + "\n"
    outlined = outline(text)
    assert outlined.headline == "Kelso council votes to close Fernbrook library"
    assert outlined.headings == ()
    assert all(not d.tags for d in drafted(tmp_path, text))


def test_a_month_alone_is_a_date_to_draft(tmp_path):
    text = ("The branch will close at the end of June. A final decision on the building is expected "
            "in September. Officials may meet again.\n")
    drafts = drafted(tmp_path, text)
    months = {d.answer: d for d in drafts if d.kind == "date"}
    assert set(months) == {"June", "September"}
    assert accepts(months["September"], "September") and not accepts(months["September"], "October")
    assert "___" in months["June"].questions[0] and "June" not in months["June"].questions[0]


def test_a_role_keeps_the_word_that_says_which_one(tmp_path):
    text = ("Council chair Marisol Okafor said the county could not afford nine branches. The county faces "
            "a $6.4 million shortfall, according to a report by finance director Gregory Lund.\n")
    roles = {d.questions[0]: d for d in drafted(tmp_path, text) if d.questions[0].startswith("What role")}
    okafor = roles["What role does the article give Marisol Okafor?"]
    lund = roles["What role does the article give Gregory Lund?"]
    assert (okafor.answer, lund.answer) == ("Council chair", "finance director")
    assert accepts(lund, "finance director") and accepts(lund, "Finance Director")
    assert not accepts(lund, "managing director") and not accepts(okafor, "vice chair")


def test_written_files_get_the_users_usual_mode_and_keep_their_own(tmp_path):
    old = os.umask(0o022)
    try:
        root = tmp_path / "deck"
        new_deck(root, "Modes")
        stored = add_source(root, read_article("article.txt", (VOTE + "\n").encode("utf-8")), "article")
        assert stat.S_IMODE((root / "deck.toml").stat().st_mode) == 0o644
        assert stat.S_IMODE(stored.stat().st_mode) == 0o644
        (root / "deck.toml").chmod(0o664)  # a group-writable deck shared by a class's teachers
        write_drafts(root, "article", draft_facts("article", VOTE + "\n"))
        add_source(root, read_article("again.txt", b"A second article, from May 2025.\n"), "again")
        assert stat.S_IMODE((root / "deck.toml").stat().st_mode) == 0o664
        assert stat.S_IMODE((root / "article.toml").stat().st_mode) == 0o644
    finally:
        os.umask(old)


def test_a_fact_from_a_sentence_with_nothing_to_blank_is_named_and_tagged_by_it():
    text = "Kelso council closes a library\n\nWhat happens next\n\nThe building will be sold or leased.\n"
    start = text.index("The building")
    made = draft_for_passage("kelso", text, start, start + len("The building will be sold or leased."))
    assert made.answer == "" and made.quote == "The building will be sold or leased."
    assert made.id.startswith("kelso-building-will-be")
    assert made.tags == ["what-happens-next"]
    again = draft_for_passage("kelso", text, start, len(text) - 1, frozenset({made.id}))
    assert again.id != made.id


def test_counted_things_are_what_is_counted_and_nothing_else(tmp_path):
    text = ("More than 400 residents attended a hearing on the 2026-27 budget. The county runs nine branches, "
            "and two children use the branch.\n")
    numbers = {d.answer: d for d in drafted(tmp_path, text) if d.kind == "number"}
    assert set(numbers) == {"400", "9", "2"}  # not "27" from the range 2026-27
    assert (numbers["400"].unit, numbers["2"].unit) == ("residents", "children")
    assert list(numbers["9"].aliases) == ["nine"]  # not "9" again


def test_drafting_again_brings_back_no_dropped_or_edited_draft(tmp_path):
    root = tmp_path / "deck"
    new_deck(root, "Again")
    add_source(root, read_article("article.txt", (VOTE + "\n").encode("utf-8")), "article")
    factdrill = [sys.executable, "-m", "tui"]
    first = subprocess.run([*factdrill, "draft", "article", "--deck", str(root)], capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    drafts = {d.answer: d.id for d in load_deck([root], complete=False).drafts}
    drop_fact(root, drafts["Tuesday"])
    edit_fact(root, drafts["June"], {"answer": "the end of June"})
    again = subprocess.run([*factdrill, "draft", "article", "--deck", str(root)], capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("0 drafts written")
    answers = [d.answer for d in load_deck([root], complete=False).drafts]
    assert "Tuesday" not in answers and "June" not in answers and answers.count("the end of June") == 1


def test_every_dropped_draft_is_remembered_whatever_is_dropped_after_it(tmp_path):
    root = tmp_path / "deck"
    new_deck(root, "Drops")
    add_source(root, read_article("article.txt", (VOTE + "\n").encode("utf-8")), "article")
    write_drafts(root, "article", draft_facts("article", VOTE + "\n"))
    ids = [d.id for d in load_deck([root], complete=False).drafts]
    (root / "bare.toml").write_text((root / "article.toml").read_text(encoding="utf-8").split("\n", 2)[2])
    (root / "article.toml").unlink()  # the same drafts in a file that opens with no comment
    for fact_id in (ids[-1], ids[0], ids[1]):  # the last table first, then the first
        drop_fact(root, fact_id)
    assert dropped_drafts(root) == {ids[-1], ids[0], ids[1]}
    assert (root / "bare.toml").read_text(encoding="utf-8").startswith("[[facts]]")  # the file is the author's
    assert [d.id for d in load_deck([root], complete=False).drafts] == ids[2:-1]


def test_an_appended_table_is_set_apart_by_one_blank_line(tmp_path):
    root = tmp_path / "deck"
    new_deck(root, "Layout")
    add_source(root, read_article("article.txt", (VOTE + "\n").encode("utf-8")), "article")
    add_source(root, read_article("again.txt", b"A second article, from May 2025.\n"), "again")
    add_source(root, read_article("third.txt", b"A third article, from June 2025.\n"), "third")
    deck = (root / "deck.toml").read_text(encoding="utf-8")
    assert deck.count("\n\n[[sources]]\n") == 3 and "\n\n\n" not in deck
    fields = draft_facts("article", VOTE + "\n")[0].table()
    written = add_fact(root, {**fields, "id": "one"}, root / "facts.toml")
    add_fact(root, {**fields, "id": "two"}, written)
    text = written.read_text(encoding="utf-8")
    assert '\n\n[[facts]]\nid = "two"' in text and "\n\n\n" not in text


FERNBROOK = Path(__file__).parent / "data" / "authoring" / "fernbrook-library.txt"


def test_the_fernbrook_article_drafts_every_sentence_fairly(tmp_path):
    text = FERNBROOK.read_text(encoding="utf-8")
    drafts = drafted(tmp_path, text)  # written, so every draft validated
    for sentence in outline(text).sentences:
        assert any(d.citations[0].quote == sentence.text for d in drafts), sentence.text
    for fact in drafts:
        assert not contains_answer(" ".join(fact.questions), fact.answer, list(fact.aliases)), fact.questions
        assert accepts(fact, fact.answer), (fact.questions[0], fact.answer)
    people = {d.answer for d in drafts if d.kind == "name"}
    assert people == {"Marisol Okafor", "Gregory Lund", "Tomas Reyes", "Priya Natarajan"}
    assert not any(d.tags == ["by-dana-whitcombe"] for d in drafts)


def test_the_fernbrook_web_page_comes_in_with_its_headline_outlet_and_date():
    page = FERNBROOK.with_suffix(".html")
    article = read_article(page.name, page.read_bytes())
    assert (article.title, article.outlet, article.date) == (
        "Kelso council votes to close Fernbrook library branch despite protest", "The Kelso Ledger", "2026-03-04")
    assert "Subscribe" not in article.text and "Most read" not in article.text and "Privacy" not in article.text
    assert "voted 31 to 7 on Tuesday, March 3, 2026" in article.text


def test_a_dateline_is_not_drafted(tmp_path):
    text = "KELSO, Ore. — The Kelso County Council voted on Tuesday.\nLONDON (Reuters) - Talks resumed in Geneva.\n"
    answers = {d.answer for d in drafted(tmp_path, text)}
    assert answers == {"Kelso County Council", "Tuesday", "Geneva"}


def test_the_same_article_is_not_stored_twice(tmp_path):
    root = tmp_path / "deck"
    new_deck(root, "Twice")
    text = FERNBROOK.read_bytes()
    add_source(root, read_article(FERNBROOK.name, text), "kelso")
    deck_before = (root / "deck.toml").read_text(encoding="utf-8")
    again = subprocess.run([sys.executable, "-m", "tui", "add-source", "-", "--deck", str(root)],
                           input=text, capture_output=True)
    assert again.returncode == 1 and b"stored already" in again.stderr and b"Traceback" not in again.stderr
    assert (root / "deck.toml").read_text(encoding="utf-8") == deck_before
    assert [p.name for p in (root / "sources").iterdir()] == ["kelso.txt"]


def test_a_second_articles_vote_disputes_the_same_side_of_the_first(tmp_path):
    root = tmp_path / "deck"
    new_deck(root, "Two articles")
    add_source(root, read_article("a.txt", (VOTE + "\n").encode("utf-8")), "first")
    write_drafts(root, "first", draft_facts("first", VOTE + "\n"))
    for draft in load_deck([root], complete=False).drafts:
        accept_draft(root, draft.id)
    deck = load_deck([root])
    sides = {f.answer: f.id for f in deck.facts if f.kind == "number"}
    other = "The Kelso County Council voted 30 to 8 on Tuesday to close the Fernbrook branch library.\n"
    drafts = [d for d in draft_facts("second", other) if d.kind == "number"]
    link_drafts(drafts, deck.facts, lambda fact, answer: check_answer(fact, answer).correct)
    assert {d.answer: d.disputes for d in drafts} == {"30": sides["31"], "8": sides["7"]}
