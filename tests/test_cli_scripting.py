"""The scripting CLI contract (issue 4), run as a user runs it: the real command in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

DRONES = "record-472-drones"
SOURCE_KEYS = {"id", "title", "outlet", "date", "quote"}


def _command() -> list[str]:
    """The installed `factdrill` script next to this Python, else `python -m tui`."""
    script = Path(sys.executable).parent / "factdrill"
    if script.exists():
        return [str(script)]
    found = shutil.which("factdrill")
    return [found] if found else [sys.executable, "-m", "tui"]


def factdrill(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1", TERM="dumb")
    return subprocess.run([*_command(), *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


def json_of(result: subprocess.CompletedProcess[str]):
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# --- the bundled deck, as a new user tries it -------------------------------------

def test_search_drones_json_finds_the_472_fact_first():
    hits = json_of(factdrill("search", "drones", "--json"))
    first = hits[0]
    assert first["id"] == DRONES and first["answer"] == "472"
    assert {"id", "statement", "question", "answer", "aliases", "tags", "score", "sources"} <= set(first)
    assert isinstance(first["aliases"], list) and isinstance(first["tags"], list)
    assert first["sources"] and all(SOURCE_KEYS <= set(source) for source in first["sources"])
    assert "472 drones" in first["sources"][0]["quote"]
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)


def test_search_for_people_lists_ranked_blocks_not_raw_data():
    result = factdrill("search", "drones", "--limit", "3")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("3 facts for: drones")
    assert out.index(" 1. " + DRONES) < out.index(" 2. ") < out.index(" 3. ")
    assert "Answer: 472" in out and "military-events" in out
    assert "{'" not in out and '"id"' not in out


def test_search_a_pasted_claim_and_limit():
    hits = json_of(factdrill("search", "Russia launched 472 drones in one night", "--json", "--limit", "3"))
    assert len(hits) <= 3 and hits[0]["id"] == DRONES


def test_search_tag_filter_from_the_command_line():
    hits = json_of(factdrill("search", "tag:military-events", "drones", "--json"))
    assert hits and all("military-events" in h["tags"] for h in hits)


def test_answer_gives_one_verdict_per_answer_and_exits_0_when_wrong():
    verdicts = json_of(factdrill("answer", DRONES, "four hundred seventy-two", "427", "--json"))
    assert [(v["given"], v["verdict"], v["correct"]) for v in verdicts] == [
        ("four hundred seventy-two", "correct", True),
        ("427", "incorrect", False),
    ]
    for verdict in verdicts:
        assert verdict["fact_id"] == DRONES and verdict["expected"] == "472"
        assert verdict["explanation"]
        assert verdict["sources"] and all(SOURCE_KEYS <= set(s) for s in verdict["sources"])


def test_answer_for_people_shows_each_verdict_readably():
    result = factdrill("answer", DRONES, "472 drones", "427")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Correct" in out and "Incorrect" in out and "472" in out
    assert "{'" not in out and '{"' not in out  # no raw dicts


@pytest.mark.parametrize("command", ["answer", "show"])
def test_unknown_fact_id_exits_2_with_did_you_mean(command):
    args = [command, "record-472-drone"] + (["472"] if command == "answer" else [])
    result = factdrill(*args)
    assert result.returncode == 2
    assert "no fact with id 'record-472-drone'" in result.stderr
    assert "did you mean" in result.stderr and DRONES in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_show_renders_the_fact_with_its_quote_in_context():
    result = factdrill("show", DRONES)
    assert result.returncode == 0, result.stderr
    out = " ".join(result.stdout.split())  # Rich wraps lines
    assert DRONES in out and "Answer: 472" in out
    assert "Russia launched a record 472 drones" in out
    assert "deployed a record 472 drones against Ukraine in a single night" in out  # the quote...
    assert "The talks come after a weekend of intensified combat" in out  # ...inside its paragraph
    assert "{'" not in out


def test_show_json_has_full_provenance_with_spans():
    fact = json_of(factdrill("show", DRONES, "--json"))
    assert fact["id"] == DRONES and fact["unit"] == "drones" and fact["kind"] == "number"
    assert fact["corroboration"]["cited_by"] >= 1
    for source in fact["sources"]:
        assert SOURCE_KEYS <= set(source)
        start, end = source["span"]
        assert end - start >= len(" ".join(source["quote"].split())) - 5


# --- a deck of one's own: --deck, and deck text shown as data ---------------------

ARTICLE = (
    "Headline of a test wire\n"
    "Officials said [bold]nothing[/bold] changed \x1b[31mred\x1b[0m overnight and 12 ferries sailed.\n"
)

DECK = """\
[[sources]]
id = "wire"
title = "A [link=http://x]test[/link] wire"
title_kind = "headline"
outlet = "unknown"
date = "2025-06-02"
date_precision = "exact"
language = "en"
text = "wire.txt"

[[facts]]
id = "ferries"
statement = "Officials said [bold]nothing[/bold] changed and 12 ferries sailed \\u001b[31mred."
questions = ["How many ferries sailed [italic]overnight[/italic]?"]
answer = "12"
kind = "number"
unit = "ferries"
tags = ["ports"]

[[facts.citations]]
source = "wire"
quote = "Officials said [bold]nothing[/bold] changed"
"""


@pytest.fixture()
def own_deck(tmp_path: Path) -> Path:
    (tmp_path / "wire.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "deck.toml").write_text(textwrap.dedent(DECK), encoding="utf-8")
    return tmp_path / "deck.toml"


def test_deck_option_searches_answers_and_shows_another_deck(own_deck):
    hits = json_of(factdrill("search", "ferries", "--json", "--deck", str(own_deck)))
    assert [h["id"] for h in hits] == ["ferries"]
    verdicts = json_of(factdrill("answer", "ferries", "twelve", "21", "--json", "--deck", str(own_deck)))
    assert [v["verdict"] for v in verdicts] == ["correct", "incorrect"]
    assert json_of(factdrill("show", "ferries", "--json", "--deck", str(own_deck)))["sources"][0]["id"] == "wire"
    assert factdrill("show", DRONES, "--deck", str(own_deck)).returncode == 2  # not in this deck


@pytest.mark.parametrize("args", [("search", "ferries"), ("show", "ferries"), ("answer", "ferries", "12")])
def test_markup_in_deck_text_is_shown_literally_and_controls_made_visible(own_deck, args):
    result = factdrill(*args, "--deck", str(own_deck))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "[bold]nothing[/bold]" in out  # markup in a deck is text, not style
    assert "\x1b" not in out  # an escape sequence never reaches the terminal
    if args[0] == "show":
        assert "[link=http://x]test[/link]" in out and "[italic]overnight[/italic]" in out


def test_a_broken_deck_exits_1_without_traceback(own_deck):
    own_deck.write_text(own_deck.read_text().replace("[bold]nothing[/bold] changed\"", "nothing changed at all\""))
    result = factdrill("search", "ferries", "--deck", str(own_deck))
    assert result.returncode == 1
    assert "quote not found" in result.stderr and "Traceback" not in result.stderr
