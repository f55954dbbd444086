"""Hostile and odd decks through `factdrill validate` / `list --json`: one line per problem, no traceback."""

from __future__ import annotations

import json
import re
import textwrap
import unicodedata
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.core.deck.quotes import NormalizedText

ARTICLE = "Talks resume in Istanbul.\n\nRussia launched a record 472 drones in a single night.\n"
DECK = """\
[[sources]]
id = "wire"
title = "Talks resume"
title_kind = "headline"
outlet = "unknown"
date = "2025-06-02"
date_precision = "exact"
language = "en"
text = "sources/wire.txt"

[[facts]]
id = "drones"
statement = "Russia launched a record 472 drones in one night."
questions = ["How many drones did Russia launch in its record night attack?"]
answer = "472"
kind = "number"

[[facts.citations]]
source = "wire"
quote = "a record 472 drones"
"""
PROBLEM_LINE = re.compile(r"^\S+\.toml:\d+(:\d+)?: \S.*$")


def make_deck(root: Path, deck: str = DECK, article: str | bytes = ARTICLE) -> Path:
    (root / "sources").mkdir(parents=True, exist_ok=True)
    data = article if isinstance(article, bytes) else article.encode("utf-8")
    (root / "sources" / "wire.txt").write_bytes(data)
    (root / "deck.toml").write_text(textwrap.dedent(deck), encoding="utf-8")
    return root


def validate(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, list[str]]:
    code = main(["validate", *map(str, paths)])
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    return code, out.out.splitlines()[:-1]  # the last line is the summary


def spans(capsys: pytest.CaptureFixture[str], root: Path) -> list[list[int]]:
    assert main(["list", "--json", "--deck", str(root)]) == 0
    return [source["span"] for fact in json.loads(capsys.readouterr().out) for source in fact["sources"]]


def test_a_byte_order_mark_on_the_deck_file_or_the_article_is_not_content(tmp_path, capsys):
    root = make_deck(tmp_path, article="\ufeff" + ARTICLE)
    (root / "deck.toml").write_bytes(b"\xef\xbb\xbf" + (root / "deck.toml").read_bytes())
    start = ARTICLE.index("a record")
    assert spans(capsys, root) == [[start, start + len("a record 472 drones")]]


def test_crlf_line_endings_keep_spans_and_paragraphs(tmp_path, capsys):
    root = make_deck(tmp_path, deck=DECK.replace("\n", "\r\n"), article=ARTICLE.replace("\n", "\r\n"))
    start = ARTICLE.index("a record")  # offsets are into the text with "\n" line ends
    assert spans(capsys, root) == [[start, start + len("a record 472 drones")]]


# (Not /dev/zero nor a FIFO, though they are refused too: a regression would hang the suite.)
@pytest.mark.parametrize("text", ["../../../../etc/passwd", "/etc/passwd"])
def test_a_source_text_outside_the_deck_folder_is_refused_unread(tmp_path, capsys, text):
    root = make_deck(tmp_path / "deck", DECK.replace('"sources/wire.txt"', f'"{text}"'))
    code, lines = validate(capsys, root)
    assert code == 1
    assert lines == [f"{root / 'deck.toml'}:9: source 'wire': source text '{text}' is outside the deck folder "
                     f"{root}; a deck may only cite texts stored inside it"]


def test_a_symlink_out_of_the_deck_folder_is_refused(tmp_path, capsys):
    root = make_deck(tmp_path / "deck")
    outside = tmp_path / "secret.txt"
    outside.write_text(ARTICLE, encoding="utf-8")
    (root / "sources" / "wire.txt").unlink()
    (root / "sources" / "wire.txt").symlink_to(outside)
    code, lines = validate(capsys, root)
    assert code == 1 and len(lines) == 1 and "is outside the deck folder" in lines[0]


@pytest.mark.parametrize("text, message", [
    ('"sources/wire.txt\\u0000"', "'text' must be the path of the article's text file"),
    ('""', "'text' must be the path of the article's text file"),
    ('"sources"', "source text is not a regular file: "),
])
def test_a_source_text_path_that_names_no_file_is_one_line(tmp_path, capsys, text, message):
    root = make_deck(tmp_path, DECK.replace('"sources/wire.txt"', text))
    code, lines = validate(capsys, root)
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith(f"{root / 'deck.toml'}:9: source 'wire': {message}")


def test_a_source_text_not_utf8_names_its_line_and_nothing_else(tmp_path, capsys):
    root = make_deck(tmp_path, article=b"Talks resume.\n\nRussia \xff launched\n")
    code, lines = validate(capsys, root)
    # Its one problem only: the fact citing it is not also told the source is "unknown".
    assert code == 1
    assert lines == [f"{root / 'deck.toml'}:9: source 'wire': source text "
                     f"{root / 'sources' / 'wire.txt'} is not valid UTF-8 (line 3)"]


def test_a_broken_source_is_reported_once_not_again_by_each_fact_citing_it(tmp_path, capsys):
    root = make_deck(tmp_path, DECK.replace('title_kind = "headline"', 'title_kind = "tabloid"'))
    code, lines = validate(capsys, root)
    assert code == 1 and len(lines) == 1 and "title_kind must be one of" in lines[0]


@pytest.mark.parametrize("date", ['"2025-13-02"', '"2025-02-30"', '"2025-00"', '"2025-06-03/2025-06-02"'])
def test_a_date_not_on_the_calendar_is_refused(tmp_path, capsys, date):
    root = make_deck(tmp_path, DECK.replace('"2025-06-02"', date))
    code, lines = validate(capsys, root)
    assert code == 1 and len(lines) == 1
    assert lines[0].startswith(f"{root / 'deck.toml'}:6: source 'wire': date must be a real YYYY-MM-DD")


@pytest.mark.parametrize("date", ['"2025-06"', '"2025"', '"2024-02-29"', '"2025-06-01/2025-06-02"', "2025-06-02"])
def test_real_dates_and_a_toml_date_value_are_accepted(tmp_path, capsys, date):
    root = make_deck(tmp_path, DECK.replace('"2025-06-02"', date))
    assert validate(capsys, root) == (0, [])


@pytest.mark.parametrize("tolerance", ["inf", "1e400", "1" + "0" * 400])
def test_an_infinite_tolerance_is_refused(tmp_path, capsys, tolerance):
    root = make_deck(tmp_path, DECK.replace('kind = "number"', f'kind = "number"\ntolerance = {tolerance}'))
    code, lines = validate(capsys, root)
    assert code == 1
    assert lines == [f"{root / 'deck.toml'}:17: fact 'drones': 'tolerance' must be a finite number >= 0"]


@pytest.mark.parametrize("quote", ["72 drones", "a record 47", "ecord 472"])
def test_a_quote_cut_out_of_longer_words_is_not_verified(tmp_path, capsys, quote):
    root = make_deck(tmp_path, DECK.replace('"a record 472 drones"', f'"{quote}"'))
    code, lines = validate(capsys, root)
    assert code == 1 and len(lines) == 1
    assert f"fact 'drones': quote not found in source 'wire'; quote whole words, as in:" in lines[0]


def test_an_empty_quote_says_so(tmp_path, capsys):
    root = make_deck(tmp_path, DECK.replace('"a record 472 drones"', '"  "'))
    code, lines = validate(capsys, root)
    assert code == 1 and lines == [f"{root / 'deck.toml'}:20: fact 'drones': quote is empty"]


def test_a_quote_cutting_a_word_once_is_found_where_it_stands_whole():
    text = NormalizedText.of("In 472 drones, then 72 drones.")
    assert text.find("72 drones") == (20, 29)


@pytest.mark.parametrize("form_of_text, form_of_quote", [("NFC", "NFD"), ("NFD", "NFC")])
def test_composed_and_decomposed_accents_match_with_the_span_of_the_article(form_of_text, form_of_quote):
    article = unicodedata.normalize(form_of_text, "Medinsky invoked Napoléon at the talks.")
    quote = unicodedata.normalize(form_of_quote, "invoked Napoléon at")
    start, end = NormalizedText.of(article).find(quote)
    assert article[start:end] == unicodedata.normalize(form_of_text, "invoked Napoléon at")


@pytest.mark.parametrize("junk", [
    "[[facts.citations]]\nsource = \"wire\"\nquote = \"a record 472 drones\"\n[facts.citations.x.y.z]\nw = [[[[1]]]]\n",
    "[[facts]]\nid = [1, {a = 2}]\n[[facts.citations]]\n",
    "[deck]\ntitle = 2025-06-02\n",
    "not_in_sources = [1, 2]\n",
])
def test_nested_junk_gives_problem_lines_only(tmp_path, capsys, junk):
    root = make_deck(tmp_path, DECK + junk)
    code, lines = validate(capsys, root)
    assert code == 1 and lines and all(PROBLEM_LINE.match(line) for line in lines), lines


@pytest.mark.parametrize("answer", ["???", " - "])
def test_an_answer_of_only_punctuation_is_refused_since_none_could_match_it(tmp_path, capsys, answer):
    root = make_deck(tmp_path, DECK.replace('answer = "472"', f'answer = "{answer}"'))
    code, lines = validate(capsys, root)
    assert code == 1
    assert lines == [f"{root / 'deck.toml'}:15: fact 'drones': 'answer' has no letter or digit, so no answer could match it"]


def test_a_not_in_sources_claim_needs_a_slug_id_and_a_claim(tmp_path, capsys):
    root = make_deck(tmp_path, DECK + '\n[[not_in_sources]]\nid = "Bad Id!"\nclaim = "x"\n'
                     '\n[[not_in_sources]]\nid = "blank"\nclaim = "  "\n')
    code, lines = validate(capsys, root)
    assert code == 1
    assert lines == [
        f"{root / 'deck.toml'}:23: not-in-sources claim 'Bad Id!': id must be a lowercase slug (a-z, 0-9, -)",
        f"{root / 'deck.toml'}:28: not-in-sources claim 'blank': 'claim' is empty",
    ]


def test_lines_found_after_loading_a_deck_file_with_a_byte_order_mark_are_right(tmp_path):
    from tui.core.deck.loading import load_deck

    facts_first = DECK[DECK.index("[[facts]]"):] + "\n" + DECK[:DECK.index("[[facts]]")]
    second = facts_first.replace('id = "drones"', 'id = "drones-again"', 1).split("\n\n[[sources]]")[0]
    root = make_deck(tmp_path, facts_first + "\n" + second + "\n")
    (root / "deck.toml").write_bytes(b"\xef\xbb\xbf" + (root / "deck.toml").read_bytes())
    deck = load_deck([root])  # lines are found from the file again, only when asked for
    lines = (root / "deck.toml").read_text(encoding="utf-8-sig").splitlines()
    assert deck.fact("drones").location.line == 1
    assert lines[deck.fact("drones-again").location.line - 1] == "[[facts]]"
    assert lines[deck.fact("drones-again").location.line] == 'id = "drones-again"'
