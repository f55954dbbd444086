"""The TUI quiz saves each answer and the round as it is played."""

from __future__ import annotations

from pathlib import Path

from tui.app.app import FactdrillApp
from tui.core.deck.loading import load_deck
from tui.core.progress.store import DATA_DIR_ENV, DATABASE_NAME, ProgressStore
from tui.core.quiz.rounds import RoundSpec

QUIZDECK = Path(__file__).parent / "data" / "quizdeck"


def quiz_app(spec: RoundSpec) -> FactdrillApp:
    # The round starts at once, as with `factdrill quiz --seed ...`.
    return FactdrillApp(load_deck([QUIZDECK]), mode="quiz", round_spec=spec)


async def answer_first_question(pilot, *keys: str) -> None:
    from conftest import _wait_for

    app = pilot.app
    await _wait_for(pilot, lambda: getattr(app.screen, "state", "") == "question", "the first question")
    await pilot.press(*keys)
    await _wait_for(pilot, lambda: app.screen.state == "feedback", "the feedback")


async def test_answers_and_the_finished_round_are_saved(tmp_path, monkeypatch):
    from conftest import _wait_for

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    app = quiz_app(RoundSpec(count=1, types=("typed",), seed=2, only=("mayor-name",)))
    deck = app.session.deck
    async with app.run_test(size=(100, 30)) as pilot:
        await answer_first_question(pilot, *"Ada Lindqvist", "enter")

        with ProgressStore(tmp_path / DATABASE_NAME) as store:
            assert store.summary(deck).answers == 1  # saved at once, not at the end
            assert store.card(deck, "mayor-name") is not None

        await pilot.press("enter")
        await _wait_for(pilot, lambda: app.screen.state == "summary", "the summary")

    with ProgressStore(tmp_path / DATABASE_NAME) as store:
        rounds = store.summary(deck).rounds
    assert [(r.score, r.total) for r in rounds] == [(1, 1)]


async def test_a_broken_progress_file_warns_once_and_the_quiz_goes_on(tmp_path, monkeypatch):
    from conftest import _wait_for

    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    (tmp_path / DATABASE_NAME).write_text("not a database\n" * 20)
    app = quiz_app(RoundSpec(count=2, types=("typed",), seed=2))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:  # toasts drawn, as for a user
        await answer_first_question(pilot, *"Ada Lindqvist", "enter")
        await pilot.press("enter", "ctrl+s")  # the next question goes on, and is settled too
        await _wait_for(pilot, lambda: app.screen.state == "feedback" and app.screen.runner.number == 2,
                        "the second feedback")
        from conftest import _screen_text

        def warnings() -> int:
            return " ".join(_screen_text(app).split()).count("progress is not being saved")

        await _wait_for(pilot, lambda: warnings() > 0, "the warning shown")
        assert warnings() == 1
    assert (tmp_path / DATABASE_NAME).read_text() == "not a database\n" * 20


async def test_quitting_the_app_mid_round_saves_the_round_so_far(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    app = quiz_app(RoundSpec(count=3, types=("typed",), seed=2))
    deck = app.session.deck
    async with app.run_test(size=(100, 30)) as pilot:
        await answer_first_question(pilot, "ctrl+s")  # skipped: settled, but missed
        await pilot.press("ctrl+q")

    with ProgressStore(tmp_path / DATABASE_NAME) as store:
        summary = store.summary(deck)
    assert summary.answers == 1
    assert [(r.score, r.total) for r in summary.rounds] == [(0, 1)]
