"""The TUI quiz saves each answer and the round as it is played."""

from __future__ import annotations

from pathlib import Path

from tui.app import FactdrillApp
from tui.core.loading import load_deck
from tui.core.progress import DATA_DIR_ENV, DATABASE_NAME, ProgressStore
from tui.core.quiz import RoundSpec

QUIZDECK = Path(__file__).parent / "data" / "quizdeck"


async def test_answers_and_the_finished_round_are_saved(tmp_path, monkeypatch):
    from conftest import _wait_for

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    deck = load_deck([QUIZDECK])
    app = FactdrillApp(deck, mode="quiz")
    app.quiz_spec = RoundSpec(count=1, types=("typed",), seed=2, only=("mayor-name",))
    async with app.run_test(size=(100, 30)) as pilot:
        await _wait_for(pilot, lambda: getattr(app.screen, "state", "") == "question", "the first question")
        await pilot.press(*"Ada Lindqvist", "enter")
        await _wait_for(pilot, lambda: app.screen.state == "feedback", "the feedback")

        with ProgressStore(tmp_path / DATABASE_NAME) as store:
            assert store.summary(deck.title).answers == 1  # saved at once, not at the end
            assert store.card(deck.title, "mayor-name") is not None

        await pilot.press("enter")
        await _wait_for(pilot, lambda: app.screen.state == "summary", "the summary")

    with ProgressStore(tmp_path / DATABASE_NAME) as store:
        rounds = store.summary(deck.title).rounds
    assert [(r.score, r.total) for r in rounds] == [(1, 1)]


async def test_a_broken_progress_file_warns_once_and_the_quiz_goes_on(tmp_path, monkeypatch):
    from conftest import _wait_for

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    (tmp_path / DATABASE_NAME).write_text("not a database\n" * 20)
    deck = load_deck([QUIZDECK])
    app = FactdrillApp(deck, mode="quiz")
    app.quiz_spec = RoundSpec(count=1, types=("typed",), seed=2, only=("mayor-name",))
    async with app.run_test(size=(100, 30)) as pilot:
        await _wait_for(pilot, lambda: getattr(app.screen, "state", "") == "question", "the first question")
        await pilot.press(*"Ada Lindqvist", "enter")
        await _wait_for(pilot, lambda: app.screen.state == "feedback", "the feedback")
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert len(warnings) == 1 and "progress is not being saved" in warnings[0].message
    assert (tmp_path / DATABASE_NAME).read_text() == "not a database\n" * 20


async def test_quitting_the_app_mid_round_saves_the_round_so_far(tmp_path, monkeypatch):
    from conftest import _wait_for

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    deck = load_deck([QUIZDECK])
    app = FactdrillApp(deck, mode="quiz")
    app.quiz_spec = RoundSpec(count=3, types=("typed",), seed=2)
    async with app.run_test(size=(100, 30)) as pilot:
        await _wait_for(pilot, lambda: getattr(app.screen, "state", "") == "question", "the first question")
        await pilot.press("ctrl+s")  # skip: settled, but missed
        await _wait_for(pilot, lambda: app.screen.state == "feedback", "the feedback")
        await pilot.press("ctrl+q")

    with ProgressStore(tmp_path / DATABASE_NAME) as store:
        summary = store.summary(deck.title)
    assert summary.answers == 1
    assert [(r.score, r.total) for r in summary.rounds] == [(0, 1)]
