"""The quiz's "Judge the claim" feedback gives the fact checker's reason line, as `check` and Search do."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.deck.loading import load_deck
from tui.core.quiz.questions import Question
from tui.core.quiz.rounds import RoundSpec, build_round
from tui.core.session import DeckSession

BUNDLED = Path(__file__).parent.parent / "facts"


@pytest.fixture(scope="module")
def session(tmp_path_factory) -> DeckSession:
    return DeckSession(load_deck([BUNDLED]), progress_path=tmp_path_factory.mktemp("progress") / "p.sqlite3")


def test_a_refuted_claim_is_explained_by_the_figures_that_refute_it(session):
    fact = session.deck.facts_by_id["record-472-drones"]
    claim = fact.false_claims[0]
    assert "427" in claim
    question = Question("claim", claim, fact, claim=claim, judgement="refuted")
    round_ = build_round(session.deck, RoundSpec(count=1, types=("claim",), seed=1))
    runner = session.runner(round_.__class__(round_.spec, (question,)))
    result = runner.answer("s")
    assert result.grade.verdict == "incorrect"
    assert result.grade.explanation == session.fact_checker.check(claim).reason == "427 ≠ 472 (article 003)"


def test_every_claim_question_of_a_round_explains_itself_with_the_checkers_reason(session):
    round_ = build_round(session.deck, RoundSpec(count=40, types=("claim",), seed=7))
    runner = session.runner(round_)
    same = 0
    for question in round_.questions:
        result = runner.reveal()
        verdict = session.fact_checker.check(question.claim)
        if verdict.label == question.judgement:
            assert result.grade.explanation.startswith(verdict.reason)
            same += 1
        else:  # the deck's judgement stands; its own words explain it
            assert result.grade.explanation and not result.grade.explanation.startswith(verdict.reason)
        runner.advance()
    assert same >= 0.9 * len(round_.questions)


async def test_the_quiz_screen_shows_the_reason_line_for_a_judged_claim(session):
    """In the TUI: judging a claim shows the same reason line `factdrill check` gives for it."""
    import re

    from conftest import _screen_text, _wait_for
    from tui.app.app import FactdrillApp
    from tui.app.screens.quiz import QuizScreen

    app = FactdrillApp(session.deck, mode="quiz")
    async with app.run_test(size=(100, 40)) as pilot:
        await _wait_for(pilot, lambda: isinstance(app.screen, QuizScreen), "the quiz screen")
        screen = app.screen
        round_ = build_round(session.deck, RoundSpec(count=10, types=("claim",), seed=11))
        claim = next(q for q in round_.questions if q.judgement == "refuted")
        assert screen.start_round(RoundSpec(count=1, types=("claim",), only=(claim.key,), seed=11))
        question = screen.runner.current
        await pilot.press("s")
        await _wait_for(pilot, lambda: screen.state == "feedback", "the feedback")
        reason = session.fact_checker.check(question.claim).reason
        assert reason in re.sub(r"\s+", " ", _screen_text(app))
