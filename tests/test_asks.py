"""Several asks per fact: the `[[facts.asks]]` format and its errors, ask ids in search, answer
and show, and progress kept per ask — on small decks made in the test and on the bundled deck."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.core.checking.checker import AnswerChecker
from tui.core.deck.loading import DeckProblems, load_deck
from tui.core.deck.model import ANSWER_KINDS
from tui.core.progress.store import DATA_DIR_ENV, DATABASE_NAME, ProgressStore, card_id_for
from tui.core.quiz.rounds import QuizSession, RoundSpec, build_round
from test_loading import ARTICLE as LOADING_ARTICLE, FACT, SOURCE, make_deck as make_loading_deck

ARTICLE = LOADING_ARTICLE + "Notably, Trump criticized Putin as \u201cabsolutely crazy\u201d following extensive drone launches.\n"

DECK_TEMPLATE = """\
[deck]
title = "Ask test deck"

{SOURCE}
[[facts]]
id = "crazy"
statement = "Trump called Putin 'absolutely crazy' after extensive drone launches."
questions = ["What did Trump call Putin after extensive drone launches?"]
answer = "absolutely crazy"
kind = "text"
tags = ["us"]

[[facts.citations]]
source = "wire"
quote = "Trump criticized Putin as \u201cabsolutely crazy\u201d following extensive drone launches"

[[facts.asks]]
id = "who"
question = "Whom did Trump call 'absolutely crazy'?"
answer = "Vladimir Putin"
kind = "name"
aliases = ["Putin"]
distractors = ["Volodymyr Zelensky"]

[[facts.asks]]
id = "by"
question = "Who called Putin 'absolutely crazy'?"
answer = "Donald Trump"
kind = "name"
aliases = ["Trump"]

{FACT}"""

DECK = DECK_TEMPLATE.replace("{SOURCE}", SOURCE).replace("{FACT}", FACT)
BUNDLED = Path(__file__).resolve().parent.parent / "facts"


def make_deck(tmp_path: Path, body: str = DECK) -> Path:
    return make_loading_deck(tmp_path, body, ARTICLE)


def factdrill(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, DATA_DIR_ENV: str(data_dir)}
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, env=env, timeout=120)


def problems_of(path: Path) -> list[str]:
    with pytest.raises(DeckProblems) as caught:
        load_deck([path])
    return [str(p) for p in caught.value.problems]


def line_of(path: Path, needle: str, after: int = 0) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if number > after and needle in line)


# --- the format -------------------------------------------------------------------------------

def test_asks_load_as_facts_of_their_own_citing_the_facts_quotes(tmp_path):
    deck = load_deck([make_deck(tmp_path)])
    fact = deck.fact("crazy")
    assert [a.id for a in fact.asks] == ["crazy#who", "crazy#by"]
    assert [a.id for a in deck.asks] == ["crazy", "crazy#who", "crazy#by", "drones"]
    who = deck.ask("crazy#who")
    assert (who.question, who.answer, who.kind, who.aliases) == ("Whom did Trump call 'absolutely crazy'?",
                                                                 "Vladimir Putin", "name", ("Putin",))
    assert who.citations == fact.citations and who.statement == fact.statement and who.tags == fact.tags
    assert who.is_ask and who.about == "crazy" and not fact.is_ask and deck.fact_of(who) is fact
    assert who.false_claims == () and who.asks == ()
    assert str(who.location) .endswith(f"deck.toml:{line_of(tmp_path / 'deck.toml', '[[facts.asks]]')}")
    with pytest.raises(KeyError):
        deck.ask("crazy#nobody")


@pytest.mark.parametrize(("change", "key", "message"), [
    (('id = "who"', 'id = "Who!"'), "id", "ask 'Who!': id must be a lowercase slug (a-z, 0-9, -)"),
    (('id = "by"', 'id = "who"'), "id", "ask 'who': duplicate ask id within this fact"),
    (('kind = "name"\naliases = ["Putin"]', 'kind = "person"\naliases = ["Putin"]'), "kind",
     "ask 'who': kind must be one of " + ", ".join(ANSWER_KINDS)),
    (('question = "Who called Putin', 'question = "Who called Trump'), "question",
     "ask 'by': the question gives away its answer ('Trump')"),
    (('answer = "Donald Trump"', 'answer = "?!"'), "answer",
     "ask 'by': 'answer' has no letter or digit, so no answer could match it"),
    (('aliases = ["Trump"]', 'alias = ["Trump"]'), "alias", "ask 'by': unknown key 'alias'"),
    (('answer = "Vladimir Putin"', 'answer = 7'), "answer", "ask 'who': 'answer' must be a string"),
])
def test_each_problem_of_an_ask_is_reported_at_its_line(tmp_path, change, key, message):
    path = make_deck(tmp_path, DECK.replace(*change, 1))
    problems = problems_of(path)
    asks_at = line_of(path, "[[facts.asks]]")
    if "ask 'by'" in message or "duplicate" in message:  # the second ask
        asks_at = line_of(path, "[[facts.asks]]", after=asks_at)
    where = line_of(path, f"{key} =", after=asks_at)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{path}:{where}: fact 'crazy', {message}") or \
        problems[0].startswith(f"{path.name}:{where}: fact 'crazy', {message}"), problems[0]


def test_a_missing_key_of_an_ask_is_named_at_the_asks_header(tmp_path):
    path = make_deck(tmp_path, DECK.replace('question = "Who called Putin \'absolutely crazy\'?"\n', ""))
    header = line_of(path, "[[facts.asks]]", after=line_of(path, "[[facts.asks]]"))
    assert [p.split(": ", 1)[1] for p in problems_of(path)] == ["fact 'crazy', ask 'by': missing required key 'question'"]
    assert problems_of(path)[0].split(":")[1] == str(header)


def test_validate_reports_ask_problems_as_file_line_and_exits_1(tmp_path):
    path = make_deck(tmp_path, DECK.replace('id = "by"', 'id = "who"'))
    done = factdrill("validate", str(path), data_dir=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    needle = 'id = "who"'
    second = line_of(path, needle, after=line_of(path, needle))
    assert f":{second}: fact 'crazy', ask 'who': duplicate ask id" in done.stdout + done.stderr


# --- ask ids on the command line ----------------------------------------------------------------

def test_search_json_lists_each_ask_as_an_entry_and_answer_and_show_take_its_id(tmp_path):
    """The issue's done-when, on the bundled deck."""
    found = json.loads(factdrill("search", "absolutely crazy", "--json", data_dir=tmp_path).stdout)
    putin = [e for e in found if e["answer"] == "Vladimir Putin"]
    assert putin and putin[0]["id"] == "trump-called-putin-crazy#who"
    assert putin[0]["fact_id"] == "trump-called-putin-crazy" and putin[0]["sources"]
    assert [e["rank"] for e in found] == list(range(1, len(found) + 1))

    checked = json.loads(factdrill("answer", putin[0]["id"], "Vladimir Putin", "Zelensky", "--json",
                                   data_dir=tmp_path).stdout)
    assert [(r["fact_id"], r["verdict"]) for r in checked] == [
        ("trump-called-putin-crazy#who", "correct"), ("trump-called-putin-crazy#who", "incorrect")]

    shown = json.loads(factdrill("show", putin[0]["id"], "--json", data_dir=tmp_path).stdout)
    assert (shown["id"], shown["fact_id"], shown["answer"]) == (putin[0]["id"], "trump-called-putin-crazy", "Vladimir Putin")
    fact = json.loads(factdrill("show", "trump-called-putin-crazy", "--json", data_dir=tmp_path).stdout)
    assert "trump-called-putin-crazy#who" in [a["id"] for a in fact["asks"]]
    text = factdrill("show", "trump-called-putin-crazy", data_dir=tmp_path).stdout
    assert "Also asks:" in text and "trump-called-putin-crazy#who" in text


def test_an_unknown_ask_id_exits_2_with_suggestions(tmp_path):
    done = factdrill("answer", "trump-called-putin-crazy#nobody", "Putin", data_dir=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr


# --- the quiz and progress, per ask ---------------------------------------------------------------

def test_a_round_asks_each_fact_from_one_side_and_every_side_is_asked_across_rounds(tmp_path):
    deck = load_deck([make_deck(tmp_path)])
    sides = set()
    for seed in range(40):
        round_ = build_round(deck, RoundSpec(count=5, types=("typed",), seed=seed))
        facts = [q.fact.about for q in round_.questions]
        assert len(facts) == len(set(facts))
        sides |= {q.key for q in round_.questions}
    assert {"crazy", "crazy#who", "crazy#by"} <= sides


def test_progress_and_the_fsrs_schedule_are_kept_per_ask(tmp_path):
    deck = load_deck([make_deck(tmp_path)])
    spec = RoundSpec(count=1, types=("typed",), seed=1, only=("crazy#who",))
    session = QuizSession(deck, build_round(deck, spec), AnswerChecker(deck), clock=lambda: 0.0)
    assert session.current.key == "crazy#who"
    result = session.answer("Putin")
    assert result.verdict == "correct" and result.fact_id == "crazy#who"
    now = datetime.now(timezone.utc)
    with ProgressStore(tmp_path / DATABASE_NAME) as store:
        store.record_answer(deck, result, when=now)
        card = store.card(deck, "crazy#who")
        assert card is not None and card.card_id == card_id_for(deck.title, "crazy#who")
        assert store.card(deck, "crazy") is None  # the fact's own side is not reviewed by it
        assert store.due_in(deck, now + timedelta(days=60)) == ["crazy#who"]
    due = factdrill("quiz", "--plain", "--due", "--deck", str(tmp_path / "deck.toml"), data_dir=tmp_path)
    assert "Nothing is due" in due.stdout  # scheduled days ahead, not now
