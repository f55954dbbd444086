"""Every round is fair, over 200 seeds of the bundled deck: a cloze filled with its revealed answer
is a sentence of its source, and no answer is shown before its question (nor in a retry round)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import load_script

from tui.core.checking.checker import AnswerChecker
from tui.core.deck.loading import load_deck
from tui.core.deck.paths import bundled_deck_path
from tui.core.quiz.cloze import sentence_around
from tui.core.quiz.leaks import shown_texts
from tui.core.quiz.questions import BLANK
from tui.core.quiz.rounds import QuizSession, RoundSpec, build_round, retry_round
from tui.core.verdicts import QuestionType

REPO = Path(__file__).resolve().parent.parent
SEEDS = range(200)


@pytest.fixture(scope="module")
def deck():
    return load_deck([bundled_deck_path()])


@pytest.fixture(scope="module")
def rounds(deck):
    return [build_round(deck, RoundSpec(count=20, seed=seed)) for seed in SEEDS]


def _words(text: str) -> str:
    """Casefolded words, typographic apostrophes unified, padded (independent of the engine)."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text.casefold().replace("\u2019", "'").replace("'", ""))
    return " " + " ".join(re.findall(r"\w+(?:\.\d+)?", text)) + " "


def _first_leak(deck, round_) -> str | None:
    shown = [_words(deck.title)]
    for number, question in enumerate(round_.questions, 1):
        answered = question.checked_against
        if question.type != QuestionType.CLAIM and answered is not None:
            for form in (answered.answer, *answered.aliases):
                if _words(form).strip() and any(_words(form) in text for text in shown):
                    return f"question {number} ({question.key}): {form!r} was shown before it"
        shown += [_words(text) for text in shown_texts(deck, question)]
    return None


def test_rounds_are_full_on_the_bundled_deck(rounds):
    assert all(len(r) == 20 for r in rounds)
    assert sum(q.type == QuestionType.CLOZE for r in rounds for q in r.questions) > 600


def test_every_cloze_filled_with_its_revealed_answer_is_a_sentence_of_its_source(deck, rounds):
    checker = AnswerChecker(deck)
    for round_ in rounds:
        for q in round_.questions:
            if q.type != QuestionType.CLOZE:
                continue
            text = deck.source_of(q.cloze_citation).text
            assert q.cloze.count(BLANK) == 1, q.cloze
            filled = q.cloze.replace(BLANK, q.expected)
            at = text.find(filled)
            assert at >= 0, (q.key, filled)
            assert sentence_around(text, at, at + 1) == filled, (q.key, filled)  # the whole sentence, no more
            assert not filled.startswith(("- ", "• ")), filled
            assert checker.check(q.checked_against, q.expected).correct, (q.key, q.expected)


def test_no_answer_is_shown_before_its_question(deck, rounds):
    leaks = [f"seed {seed}: {leak}" for seed, r in zip(SEEDS, rounds) if (leak := _first_leak(deck, r))]
    assert not leaks, "\n".join(leaks[:10])


def test_nor_in_the_retry_round(deck, rounds):
    checker = AnswerChecker(deck)
    for seed, round_ in list(zip(SEEDS, rounds))[:20]:
        session = QuizSession(deck, round_, checker, clock=lambda: 0.0)
        while not session.finished:
            session.reveal()
            session.advance()
        retry = retry_round(deck, session.result())
        assert retry.questions, seed
        assert _first_leak(deck, retry) is None, seed


def test_the_leak_check_itself_finds_a_leak(deck, rounds):
    """The check above is not vacuous: two questions in the wrong order are caught."""
    umerov = next(q for r in rounds for q in r.questions if q.key == "umerov-leads-ukraine")
    shows_umerov = next(q for r in rounds for q in r.questions
                        if q.key != umerov.key and "Umerov" in " ".join(shown_texts(deck, q)))
    from tui.core.quiz.rounds import Round

    assert _first_leak(deck, Round(RoundSpec(), (shows_umerov, umerov))) is not None


# --- the done-when script, run as a user runs it -------------------------------------------------

def _script():
    return load_script("check_quiz_rounds.py")


def test_the_round_checking_script_passes_played_rounds(tmp_path):
    done = subprocess.run([sys.executable, "scripts/check_quiz_rounds.py", "--seeds", "1-2"], cwd=REPO,
                          capture_output=True, text=True, timeout=300,
                          env={"FACTDRILL_DATA_DIR": str(tmp_path), "FACTDRILL_CACHE_DIR": str(tmp_path / "cache"),
                               "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().endswith("2 rounds, 40 questions, 0 problems")


def test_the_round_checking_script_catches_a_leak_and_a_cloze_that_is_no_sentence():
    script = _script()
    output = "\n".join([
        "Deck: 2 questions", "seed 1 · types typed,cloze", "",
        "Question 1 of 2 · Typed answer", "Who led Ukraine's delegation?", "Type the answer; '?' reveals.", "> ",
        "Revealed  The answer: Rustem Umerov", "", "Rustem Umerov led Kyiv's delegation.", "",
        "Question 2 of 2 · Fill the blank", "Fill the blank in this sentence from a source:",
        "_____ led the talks in Ankara.", "Type the answer; '?' reveals.", "> ",
        "Revealed  The answer: Rustem Umerov", "", "End of round",
    ])
    problems = script.check_round(output, ["Rustem Umerov led the talks in Istanbul."], 1)
    assert any("question 2: the answer 'Rustem Umerov' was shown before it" in p for p in problems)
    assert any("question 2: the filled cloze is no source sentence" in p for p in problems)
