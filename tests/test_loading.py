"""The loader and verifier: every error path, on small decks made in the test."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.core.deck.loading import DeckProblems, load_deck

ARTICLE = (
    "Talks resume in Istanbul\n"
    "Russia launched a record 472 drones against Ukraine in a single night\u2014the highest tally.\n"
    "Ukraine\u2019s delegation was led by Rustem Umerov, who said it was \u201ca great result.\u201d\n"
)

SOURCE = """\
[[sources]]
id = "wire"
title = "Talks resume in Istanbul"
title_kind = "headline"
outlet = "unknown"
date = "2025-06-02"
date_precision = "inferred"
date_basis = "it reports talks held on Monday"
language = "en"
text = "wire.txt"
"""

FACT = """\
[[facts]]
id = "drones"
statement = "Russia launched a record 472 drones in one night."
questions = ["How many drones did Russia launch in its record night attack?"]
answer = "472"
kind = "number"
unit = "drones"

[[facts.citations]]
source = "wire"
quote = "a record 472 drones against Ukraine in a single night"
"""


def make_deck(tmp_path: Path, body: str, article: str = ARTICLE, name: str = "deck.toml") -> Path:
    (tmp_path / "wire.txt").write_text(article, encoding="utf-8")
    deck_file = tmp_path / name
    deck_file.write_text(textwrap.dedent(body), encoding="utf-8")
    return deck_file


def problems_of(*paths: Path) -> list[str]:
    with pytest.raises(DeckProblems) as caught:
        load_deck(paths)
    return [str(p) for p in caught.value.problems]


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def test_clean_deck_loads_with_quote_spans(tmp_path):
    deck = load_deck([make_deck(tmp_path, SOURCE + FACT)])
    fact = deck.fact("drones")
    citation = fact.citations[0]
    source = deck.sources["wire"]
    assert source.text[citation.start:citation.end] == "a record 472 drones against Ukraine in a single night"
    assert deck.corroboration_label(fact) == "stated by 1 of 1 article"


def test_quote_matching_forgives_whitespace_and_typography_only(tmp_path):
    body = SOURCE + FACT.replace(
        'quote = "a record 472 drones against Ukraine in a single night"',
        "quote = \"Ukraine's delegation was led by   Rustem Umerov, who said it was \\\"a great result.\\\"\"",
    )
    deck = load_deck([make_deck(tmp_path, body)])
    citation = deck.fact("drones").citations[0]
    stored = deck.sources["wire"].text[citation.start:citation.end]
    assert stored.startswith("Ukraine\u2019s delegation") and stored.endswith("result.\u201d")


def test_changed_word_in_quote_names_fact_line_and_closest_passage(tmp_path):
    deck_file = make_deck(tmp_path, SOURCE + FACT.replace("record 472 drones", "record 427 drones"))
    problems = problems_of(deck_file)
    assert len(problems) == 1
    expected_line = line_of(deck_file, "quote = ")
    assert problems[0].startswith(f"{deck_file}:{expected_line}: fact 'drones': quote not found in source 'wire'")
    assert "closest passage" in problems[0]
    assert "a record 472 drones against Ukraine in a single night" in problems[0]


def test_toml_syntax_error_reports_line_and_column(tmp_path):
    deck_file = make_deck(tmp_path, SOURCE + "[[facts]\nid = 'x'\n")
    problems = problems_of(deck_file)
    line = line_of(deck_file, "[[facts]")
    assert len(problems) == 1
    assert problems[0].startswith(f"{deck_file}:{line}:8: TOML syntax error")


def test_unknown_key_is_named_with_its_line(tmp_path):
    deck_file = make_deck(tmp_path, SOURCE + FACT.replace('unit = "drones"', 'unit = "drones"\nqoute = "typo"'))
    problems = problems_of(deck_file)
    assert problems == [
        f"{deck_file}:{line_of(deck_file, 'qoute')}: fact 'drones': unknown key 'qoute' "
        "(known keys: aliases, answer, approximate, asks, citations, corroborates, dispute_note, disputed, disputes, "
        "distractors, draft, false_claims, id, kind, note, ordered, questions, statement, tags, tolerance, unit)"
    ]


def test_unknown_keys_in_source_citation_and_top_level(tmp_path):
    body = "colour = 'red'\n" + SOURCE.replace('language = "en"', 'language = "en"\nauthor = "x"') + FACT.replace(
        'source = "wire"', 'source = "wire"\npage = 3')
    problems = problems_of(make_deck(tmp_path, body))
    assert any("unknown top-level key 'colour'" in p for p in problems)
    assert any("source 'wire': unknown key 'author'" in p for p in problems)
    assert any("citation 1: unknown key 'page'" in p for p in problems)


def test_missing_source_file_is_named(tmp_path):
    deck_file = make_deck(tmp_path, SOURCE.replace("wire.txt", "missing.txt") + FACT)
    problems = problems_of(deck_file)
    assert f"{deck_file}:{line_of(deck_file, 'missing.txt')}: source 'wire': source text file not found:" in problems[0]
    assert "missing.txt" in problems[0]


def test_duplicate_ids_and_unresolved_source(tmp_path):
    second = FACT.replace('source = "wire"', 'source = "nowhere"')
    deck_file = make_deck(tmp_path, SOURCE + SOURCE + FACT + second)
    problems = problems_of(deck_file)
    assert any("source 'wire': duplicate source id (first defined at" in p for p in problems)
    assert any("fact 'drones': duplicate fact id" in p for p in problems)
    assert any("cites unknown source 'nowhere' (known: wire)" in p for p in problems)


def test_missing_required_and_wrong_types(tmp_path):
    body = SOURCE + FACT.replace('answer = "472"\n', "").replace(
        'questions = ["How many drones did Russia launch in its record night attack?"]', 'questions = "How many?"')
    deck_file = make_deck(tmp_path, body)
    problems = problems_of(deck_file)
    fact_line = line_of(deck_file, "[[facts]]")
    assert f"{deck_file}:{fact_line}: fact 'drones': missing required key 'answer'" in problems
    assert any(p.endswith("fact 'drones': 'questions' must be a list of strings") for p in problems)


def test_bad_enums_and_provenance_rules(tmp_path):
    body = SOURCE.replace('title_kind = "headline"', 'title_kind = "guess"').replace(
        'date_basis = "it reports talks held on Monday"\n', "") + FACT.replace('kind = "number"', 'kind = "colour"')
    problems = problems_of(make_deck(tmp_path, body))
    assert any("title_kind must be one of headline, descriptive" in p for p in problems)
    assert any("an inferred date needs date_basis" in p for p in problems)
    assert any("kind must be one of" in p for p in problems)


def test_disputed_fact_needs_a_note(tmp_path):
    problems = problems_of(make_deck(tmp_path, SOURCE + FACT.replace('unit = "drones"', "disputed = true")))
    assert any("a disputed fact needs a dispute_note" in p for p in problems)


def test_all_problems_are_reported_together_across_files(tmp_path):
    make_deck(tmp_path, SOURCE, name="a_sources.toml")
    (tmp_path / "b_facts.toml").write_text(FACT.replace("record 472", "record 999"), encoding="utf-8")
    (tmp_path / "c_broken.toml").write_text("x = = 1\n", encoding="utf-8")
    problems = problems_of(tmp_path)
    assert len(problems) == 2
    assert any("b_facts.toml" in p and "quote not found" in p for p in problems)
    assert any("c_broken.toml:1:" in p and "TOML syntax error" in p for p in problems)


def test_folder_loads_as_one_deck_with_cross_file_references(tmp_path):
    make_deck(tmp_path, SOURCE, name="sources.toml")
    (tmp_path / "facts.toml").write_text(FACT, encoding="utf-8")
    deck = load_deck([tmp_path])
    assert list(deck.sources) == ["wire"] and [f.id for f in deck.facts] == ["drones"]


def test_missing_deck_path_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    problems = problems_of(tmp_path / "nope.toml", tmp_path / "empty")
    assert any("nope.toml:1: no such deck file or folder" in p for p in problems)
    assert any("no .toml deck files in this folder" in p for p in problems)


def test_loading_never_executes_deck_content(tmp_path):
    marker = tmp_path / "pwned"
    payload = f"__import__('pathlib').Path({str(marker)!r}).write_text('x')"
    body = SOURCE + FACT.replace('statement = "Russia launched a record 472 drones in one night."',
                                 f'statement = "{payload}"')
    deck = load_deck([make_deck(tmp_path, body)])
    assert deck.fact("drones").statement == payload
    assert not marker.exists()


def test_validate_command_exit_codes_and_summary(tmp_path, capsys):
    good = make_deck(tmp_path, SOURCE + FACT)
    assert main(["validate", str(good)]) == 0
    assert capsys.readouterr().out.strip().endswith("1 facts, 1 sources, 1 quotes, all quotes verified")
    bad = make_deck(tmp_path, SOURCE + FACT.replace("472 drones against", "472 drones towards"), name="bad.toml")
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "quote not found" in out and out.strip().endswith("1 problem found")
    with pytest.raises(SystemExit) as usage:
        main(["validate", "--no-such-flag"])
    assert usage.value.code == 2


def test_validate_subprocess_prints_no_traceback(tmp_path):
    bad = make_deck(tmp_path, SOURCE + "[[facts]\n")
    result = subprocess.run([sys.executable, "-m", "tui", "validate", str(bad)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.startswith("deck.toml:") and "TOML syntax error" in result.stdout


def test_list_json_resolves_citations(tmp_path, capsys):
    deck_file = make_deck(tmp_path, SOURCE + FACT)
    assert main(["list", "--json", "--deck", str(deck_file)]) == 0
    [fact] = json.loads(capsys.readouterr().out)
    [source] = fact["sources"]
    assert source["id"] == "wire" and source["outlet"] == "unknown" and source["date"] == "2025-06-02"
    start, end = source["span"]
    assert ARTICLE[start:end] == source["quote"]


def test_commands_report_a_broken_deck_on_stderr_with_exit_1(tmp_path, capsys):
    bad = make_deck(tmp_path, SOURCE + FACT.replace("single night", "single day"))
    with pytest.raises(SystemExit) as exited:
        main(["list", "--deck", str(bad)])
    assert exited.value.code == 1
    assert "quote not found" in capsys.readouterr().err
