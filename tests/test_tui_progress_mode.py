"""Progress mode (key 5): the learner's own report in the TUI, with its chart, read afresh when shown."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from test_progress_report import save_answer
from tui.app.app import FactdrillApp
from tui.core.deck.loading import load_deck
from tui.core.progress.store import DATA_DIR_ENV, DATABASE_NAME, ProgressStore

QUIZDECK = Path(__file__).parent / "data" / "quizdeck"


async def test_progress_mode_charts_accuracy_and_lists_missed_and_due(tmp_path, monkeypatch, wait_for, screen_text):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    deck = load_deck([QUIZDECK])
    now = datetime.now(timezone.utc)
    with ProgressStore(tmp_path / DATABASE_NAME) as store:
        save_answer(store, deck, "crossing-time", "17", now - timedelta(days=3))
        save_answer(store, deck, "mayor-name", "Ada Lindqvist", now - timedelta(days=10))
        save_answer(store, deck, "crossing-time", "19", now - timedelta(days=2))

    app = FactdrillApp(deck, mode="browse")
    async with app.run_test(size=(110, 50)) as pilot:
        await pilot.press("5")
        await wait_for(pilot, lambda: "Most missed" in screen_text(app), "the progress report")
        text = screen_text(app)
        assert "3 answers · 33% right" in text
        assert "Right answers by day (%)" in text  # the chart's title, drawn by plotext
        assert "crossing-time" in text and "2 of 2" in text and "Due today (2)" in text  # mayor-name, right 10 days ago, is due again too

        with ProgressStore(tmp_path / DATABASE_NAME) as store:  # a quiz elsewhere adds an answer
            save_answer(store, deck, "ferry-cost", "12 million euros", now)
        await pilot.press("1")
        await pilot.press("5")
        await wait_for(pilot, lambda: "4 answers · 50% right" in screen_text(app), "the report read again")


async def test_with_no_progress_the_mode_says_so_and_draws_no_chart(tmp_path, monkeypatch, wait_for, screen_text):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    app = FactdrillApp(load_deck([QUIZDECK]), mode="progress")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: "no answers yet" in screen_text(app), "the empty report")
        text = screen_text(app)
        assert "0 answers" in text and "Right answers by day" not in text and "nothing missed yet" in text


def test_progress_mode_snapshot(snap_compare, tmp_path, monkeypatch):
    """At 100×40, answers on three fixed past days (so everything answered is due, whatever today is)."""
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    deck = load_deck([QUIZDECK])
    day = datetime(2025, 6, 2, 12, 0, tzinfo=timezone.utc)
    with ProgressStore(tmp_path / DATABASE_NAME) as store:
        for offset, fact_id, given in ((0, "crossing-time", "17"), (0, "mayor-name", "Ada Lindqvist"),
                                       (1, "crossing-time", "42"), (1, "ferry-cost", "3 million"),
                                       (2, "ticket-price", "4"), (2, "ferry-cost", "12 million euros")):
            save_answer(store, deck, fact_id, given, day + timedelta(days=offset))

    async def report_shown(pilot):
        from conftest import _wait_for

        await _wait_for(pilot, lambda: pilot.app.screen.report is not None, "the report")
        await pilot.pause()

    assert snap_compare(FactdrillApp(deck, mode="progress"), run_before=report_shown, terminal_size=(100, 40))
