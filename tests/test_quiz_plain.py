"""`factdrill quiz --plain`: the same round on stdin/stdout, through a real pipe."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.deck.loading import load_deck
from tui.core.quiz.rounds import RoundSpec, build_round
from tui.core.quiz.questions import JUDGEMENT_KEYS, Question
from tui.core.session import DeckSession

QUIZDECK = Path(__file__).parent / "data" / "quizdeck"
FACTDRILL = Path(sys.executable).parent / "factdrill"


@pytest.fixture(scope="module")
def deck():
    return load_deck([QUIZDECK])


def right_answer(question: Question) -> str:
    if question.type == "choice":
        return question.correct_label.lower()
    if question.type == "claim":
        return JUDGEMENT_KEYS[question.judgement]
    return question.fact.answer


def wrong_answer(question: Question) -> str:
    if question.type == "choice":
        return next(o.label for o in question.options if o.label != question.correct_label).lower()
    if question.type == "claim":
        return next(key for j, key in JUDGEMENT_KEYS.items() if j != question.judgement)
    return "a harbour seal"


def play(stdin: str, *args: str) -> subprocess.CompletedProcess:
    command = [str(FACTDRILL), "quiz", "--plain", "--seed", "1", "--count", "3", "--deck", str(QUIZDECK), *args]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, timeout=120)


def test_a_round_through_a_pipe_prints_verdicts_provenance_and_summary(deck):
    questions = build_round(deck, RoundSpec(count=3, seed=1)).questions
    answers = [right_answer(questions[0]), wrong_answer(questions[1]), "", "?"]
    result = play("\n".join(answers) + "\n")
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    for number, question in enumerate(questions, 1):
        assert f"Question {number} of 3" in out
    # Each verdict follows its question, in order.
    first, second, third = (out.split(f"Question {n} of 3")[1].split("Question")[0] for n in (1, 2, 3))
    assert "\nCorrect" in first
    assert "\nIncorrect" in second
    assert "An empty answer is not graded" in third
    assert "\nRevealed  The answer: " + questions[2].expected in third
    # Provenance after every answer about a fact: the quote, marked, inside its paragraph.
    for chunk, question in zip((first, second, third), questions):
        if question.fact is not None:
            citation = question.fact.citations[0]
            assert f"«{citation.quote}»" in chunk.split("> ")[-1]
            assert deck.source_of(citation).outlet_label() in chunk
    summary = out.split("End of round", 1)[1]
    assert "Score: 1/3" in summary
    assert "Missed (2):" in summary
    assert "[incorrect]" in summary and "[revealed]" in summary
    assert "By topic:" in summary


def test_end_of_input_ends_the_round_cleanly_with_a_summary(deck):
    questions = build_round(deck, RoundSpec(count=3, seed=1)).questions
    result = play(right_answer(questions[0]) + "\n")
    assert result.returncode == 0, result.stderr
    assert "Question 2 of 3" in result.stdout and "Question 3 of 3" not in result.stdout
    assert "End of input" in result.stdout
    assert "Score: 1/1" in result.stdout and "stopped after 1 of 3" in result.stdout
    assert "Nothing missed." in result.stdout


def test_the_prompt_never_shows_provenance_before_the_answer(deck):
    questions = build_round(deck, RoundSpec(count=3, seed=1)).questions
    out = play("").stdout  # no answer at all: only the first question is shown
    asked = out.split("Question 1 of 3", 1)[1].split("End of input", 1)[0]
    fact = questions[0].fact
    for citation in fact.citations if fact else ():
        assert deck.source_of(citation).title not in asked
        assert f"«{citation.quote}»" not in asked
    assert "Stated by" not in asked


def test_close_answers_and_choices_in_process(deck):
    from tui.cli.quiz import run_plain

    out = io.StringIO()
    spec = RoundSpec(count=1, tags=("people",), types=("typed",), seed=4)
    assert run_plain(DeckSession(deck), spec, io.StringIO("Ada Lindqvst\n"), out) == 0
    assert "\nClose — Accepted with a one-letter slip" in out.getvalue()
    assert "Score: 1/1 (1 close)" in out.getvalue()  # a close answer counts, and is shown apart

    out = io.StringIO()
    spec = RoundSpec(count=1, tags=("people",), types=("choice",), seed=4)
    question = build_round(deck, spec).questions[0]
    assert run_plain(DeckSession(deck), spec, io.StringIO("z\n" + right_answer(question) + "\n"), out) == 0
    assert "Not an answer here: choose a, b, c, d." in out.getvalue()
    assert "\nCorrect" in out.getvalue()


def test_bad_options_are_one_line_errors():
    result = subprocess.run([str(FACTDRILL), "quiz", "--plain", "--tag", "nope", "--deck", str(QUIZDECK)],
                            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "factdrill quiz: unknown tag nope (known: ferries, people, money)"]


def test_deck_text_is_printed_literally(hostile_deck):
    from tui.cli.quiz import run_plain

    out = io.StringIO()
    assert run_plain(DeckSession(hostile_deck), RoundSpec(count=1, types=("typed",), seed=1), io.StringIO("?\n"), out) == 0
    printed = out.getvalue()
    assert "\x1b" not in printed
    assert "How many bridges [i]closed[/i]?" in printed
    assert "The [bold]mayor[/] said 12 bridges ␛[31mwere closed␛[0m." in printed
    assert "[red]Bridges[/] closed ␛[2J" in printed and "The [i]Outlet[/i]" in printed
