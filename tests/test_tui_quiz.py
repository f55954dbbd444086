"""Quiz mode in the TUI, driven with Pilot: each question type answered right, close, wrong and skipped.

Choices and claims are graded exactly (an option or a judgement is right or not), so
"close" exists only for typed and cloze answers, where the checker grades the text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.app.app import FactdrillApp
from tui.core.deck.loading import load_deck
from tui.core.quiz.rounds import RoundSpec, build_round
from tui.core.quiz.questions import JUDGEMENT_KEYS, Question

QUIZDECK = Path(__file__).parent / "data" / "quizdeck"
SIZE = (100, 30)


@pytest.fixture(scope="module")
def deck():
    return load_deck([QUIZDECK])


def screen_text(app) -> str:
    """Everything on screen as one line of words (wrapping undone)."""
    from conftest import _screen_text

    return re.sub(r"\s+", " ", _screen_text(app))


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def start(pilot, spec: RoundSpec) -> Question:
    from tui.app.screens.quiz import QuizScreen

    await wait_until(pilot, lambda: isinstance(pilot.app.screen, QuizScreen), "the quiz screen")
    screen = pilot.app.screen
    assert screen.start_round(spec)
    await wait_until(pilot, lambda: "Question 1 of" in screen_text(pilot.app), "the first question")
    return screen.runner.current


async def wait_until(pilot, condition, what: str) -> None:
    """Poll (never a fixed sleep) so a loaded machine only makes the test slower."""
    from conftest import _wait_for

    await _wait_for(pilot, condition, what)


def quote_is_highlighted(app, quote: str) -> bool:
    """The quote's first words are drawn on a background unlike the character before them."""
    from conftest import screen_cells

    opening = " ".join(quote.split()[:2])
    for row in screen_cells(app):
        line = "".join(char for char, _ in row)
        start = line.find(opening)
        # Every cell of the opening words is drawn on one background, unlike the cell before them.
        if start > 0 and len({bg for _, bg in row[start:start + len(opening)]}) == 1:
            if row[start][1] != row[start - 1][1]:
                return True
    return False


def quotes_of(question: Question) -> list[str]:
    return [words(c.quote) for c in question.fact.citations]


async def answer_and_check(pilot, question: Question, keys: list[str], verdict: str) -> str:
    """Provenance is absent while the question is open, present once answered; returns the screen."""
    before = screen_text(pilot.app)
    for quote in quotes_of(question):
        assert quote not in before
    assert "Stated by" not in before
    for key in keys:
        await pilot.press(key)
    await wait_until(pilot, lambda: pilot.app.screen.state == "feedback", "the feedback")
    await settle(pilot)
    after = screen_text(pilot.app)
    record = pilot.app.screen.runner.last
    assert record is not None and record.verdict == verdict
    assert f" {verdict.capitalize()} " in after
    for quote in quotes_of(question):
        assert quote in after
        assert quote_is_highlighted(pilot.app, quote), quote
    assert "Stated by" in after and words(question.fact.statement) in after
    for citation in question.fact.citations:
        assert pilot.app.session.deck.source_of(citation).outlet_label() in after
    return after


def typed(text: str) -> list[str]:
    return [*("space" if ch == " " else ch for ch in text), "enter"]


# --- typed and cloze: right, close, wrong, skip -------------------------------------------------

TEXT_CASES = [
    ("Ada Lindqvist", "correct"),
    ("Ada Lindqvst", "close"),
    ("Eva Lindgren", "incorrect"),
]


@pytest.mark.parametrize("type_", ["typed", "cloze"])
@pytest.mark.parametrize(("given", "verdict"), TEXT_CASES)
async def test_text_answers(deck, type_, given, verdict):
    app = FactdrillApp(deck, mode="quiz")
    async with app.run_test(size=SIZE) as pilot:
        question = await start(pilot, RoundSpec(count=1, tags=("people",), types=(type_,), seed=2))
        assert question.type == type_ and question.key == "mayor-name"
        after = await answer_and_check(pilot, question, typed(given), verdict)
        if verdict != "correct":
            assert "Expected: Ada Lindqvist" in after or "expected 'Ada Lindqvist'" in after
            assert f"You said: {given}" in after


@pytest.mark.parametrize("type_", ["typed", "cloze", "choice", "claim"])
async def test_skip_counts_as_missed_and_shows_the_answer(deck, type_):
    app = FactdrillApp(deck, mode="quiz")
    async with app.run_test(size=SIZE) as pilot:
        question = await start(pilot, RoundSpec(count=1, tags=("people",), types=(type_,), seed=2))
        after = await answer_and_check(pilot, question, ["ctrl+s"], "skipped")
        assert "The answer: " + question.expected in after


async def test_an_empty_answer_is_not_graded(deck):
    app = FactdrillApp(deck, mode="quiz")
    async with app.run_test(size=SIZE) as pilot:
        question = await start(pilot, RoundSpec(count=1, tags=("people",), types=("typed",), seed=2))
        await pilot.press("space", "enter")
        await settle(pilot)
        assert app.screen.runner.result().results == () and app.screen.state == "question"
        assert "An empty answer is not graded" in screen_text(app)
        assert quotes_of(question)[0] not in screen_text(app)


async def test_reveal_counts_as_missed(deck):
    app = FactdrillApp(deck, mode="quiz")
    async with app.run_test(size=SIZE) as pilot:
        question = await start(pilot, RoundSpec(count=1, tags=("people",), types=("typed",), seed=2))
        await answer_and_check(pilot, question, ["ctrl+r"], "revealed")
        assert app.screen.runner.result().score == 0


# --- multiple choice ------------------------------------------------------------------------------

@pytest.mark.parametrize("right", [True, False])
async def test_choice_by_letter(deck, right):
    app = FactdrillApp(deck, mode="quiz")
    async with app.run_test(size=SIZE) as pilot:
        question = await start(pilot, RoundSpec(count=1, tags=("people",), types=("choice",), seed=2))
        assert len(question.options) == 4
        label = question.correct_label if right else next(
            o.label for o in question.options if o.label != question.correct_label)
        after = await answer_and_check(pilot, question, [label.lower()], "correct" if right else "incorrect")
        if not right:
            assert f"You said: {label}" in after


async def test_choice_by_arrows_and_enter(deck):
    app = FactdrillApp(deck, mode="quiz")
    async with app.run_test(size=SIZE) as pilot:
        question = await start(pilot, RoundSpec(count=1, tags=("people",), types=("choice",), seed=2))
        steps = "ABCD".index(question.correct_label)
        await answer_and_check(pilot, question, ["down"] * steps + ["enter"], "correct")


async def test_claim_keys_do_nothing_on_a_choice(deck):
    app = FactdrillApp(deck, mode="quiz")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, RoundSpec(count=1, tags=("people",), types=("choice",), seed=2))
        await pilot.press("s", "r", "o")
        await settle(pilot)
        assert app.screen.state == "question" and app.screen.runner.result().results == ()


# --- claims -------------------------------------------------------------------------------------

def claim_spec(deck, tag: str, judgement: str) -> RoundSpec:
    """The first seed whose one-question claim round about `tag` expects `judgement`."""
    for seed in range(100):
        spec = RoundSpec(count=1, tags=(tag,), types=("claim",), seed=seed)
        if build_round(deck, spec).questions[0].judgement == judgement:
            return spec
    raise AssertionError(f"no seed gives a {judgement} claim about {tag}")


@pytest.mark.parametrize("right", [True, False])
@pytest.mark.parametrize("judgement", ["supported", "refuted"])
async def test_claims_judged_with_s_r_n(deck, right, judgement):
    app = FactdrillApp(deck, mode="quiz")
    async with app.run_test(size=SIZE) as pilot:
        question = await start(pilot, claim_spec(deck, "people", judgement))
        assert question.fact is not None and question.judgement == judgement
        key = JUDGEMENT_KEYS[judgement] if right else "n"
        after = await answer_and_check(pilot, question, [key], "correct" if right else "incorrect")
        assert words(question.claim) in after


async def test_a_claim_not_in_the_sources(deck):
    app = FactdrillApp(deck, mode="quiz")
    async with app.run_test(size=SIZE) as pilot:
        question = await start(pilot, claim_spec(deck, "ferries", "not-in-sources"))
        assert "Neither article" not in screen_text(app)
        await pilot.press("n")
        await settle(pilot)
        after = screen_text(app)
        assert app.screen.runner.last.verdict == "correct"
        assert "Not stated by any of the 2 articles." in after and "Neither article mentions" in after
        assert words(question.claim) in after


# --- flow: setup, source viewer, quitting, the end of a round ----------------------------------------

async def test_enter_starts_a_round_with_the_defaults(deck):
    app = FactdrillApp(deck, mode="quiz")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        total = len(deck.asks) + len(deck.unsourced_claims)
        assert app.screen.state == "question"
        # A round leaves out a question whose answer an earlier one shows: up to 10, as the material allows.
        asked = len(app.screen.runner.round)
        assert 0 < asked <= min(10, total) and f"Question 1 of {asked}" in screen_text(app)


async def test_setup_form_sets_count_seed_and_types(deck):
    from textual.widgets import Input, SelectionList

    app = FactdrillApp(deck, mode="quiz")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.query_one("#setup-count", Input).value = "3"
        types = screen.query_one("#setup-types", SelectionList)
        types.deselect("claim")
        screen.query_one("#setup-seed", Input).focus()
        await pilot.press("7", "enter")
        await settle(pilot)
        expected = build_round(deck, RoundSpec(count=3, types=("typed", "choice", "cloze"), seed=7))
        assert screen.runner.round == expected


async def test_o_opens_the_source_viewer_on_the_quote(deck):
    from tui.app.screens.source import SourceScreen

    app = FactdrillApp(deck, mode="quiz")
    async with app.run_test(size=SIZE) as pilot:
        question = await start(pilot, RoundSpec(count=1, tags=("people",), types=("typed",), seed=2))
        await pilot.press(*typed("Lindqvist"))
        await pilot.press("down", "o")
        await settle(pilot)
        assert isinstance(app.screen, SourceScreen)
        assert app.screen.focus_citation == question.fact.citations[1]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.state == "feedback"


async def test_quitting_a_round_asks_first(deck):
    from tui.app.screens.quiz_confirm import ConfirmQuitRound

    app = FactdrillApp(deck, mode="quiz")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, RoundSpec(count=3, seed=1))
        await pilot.press("ctrl+s", "enter", "escape")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmQuitRound)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.state == "question" and app.screen.runner.number == 2
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen.state == "summary"
        assert "Score: 0/1" in screen_text(app) and "stopped after 1 of 3" in screen_text(app)


async def test_end_of_round_summary_and_retry_the_missed(deck):
    app = FactdrillApp(deck, mode="quiz")
    async with app.run_test(size=SIZE) as pilot:
        first = await start(pilot, RoundSpec(count=3, types=("typed",), seed=1))
        await pilot.press(*typed(first.fact.answer), "enter")
        await pilot.press("ctrl+s", "enter", "ctrl+r", "enter")
        await settle(pilot)
        screen = app.screen
        result = screen.runner.result()
        assert screen.state == "summary" and (result.score, result.total) == (1, 3)
        shown = screen_text(app)
        assert "Score: 1/3" in shown and "Missed (2):" in shown and "retry the missed" in shown
        for record in result.missed:
            assert words(record.question.prompt) in shown
            source = app.session.deck.sources[record.question.fact.source_ids[0]]
            assert words(source.provenance_line(with_basis=False)) in shown
        missed = {r.key for r in result.missed}
        await pilot.press("r")
        await settle(pilot)
        assert screen.state == "question"
        # The retry asks the missed again, less any whose answer an earlier retry question shows.
        assert screen.runner.round.questions and {q.key for q in screen.runner.round.questions} <= missed


async def test_deck_text_is_shown_literally(hostile_deck):
    app = FactdrillApp(hostile_deck, mode="quiz")
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot, RoundSpec(count=1, types=("typed",), seed=1))
        assert "How many bridges [i]closed[/i]?" in screen_text(app)
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: app.screen.state == "feedback", "the feedback")
        shown = screen_text(app)
        assert "The [bold]mayor[/] said 12 bridges ␛[31mwere closed␛[0m." in shown
        assert "The [i]Outlet[/i]" in shown and "[red]Bridges[/] closed ␛[2J" in shown
