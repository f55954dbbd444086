"""`factdrill progress` and `factdrill serve`, run as a user runs them."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tui.core.checking.checker import AnswerChecker
from tui.core.deck.loading import load_deck
from tui.core.progress.store import DATA_DIR_ENV, DATABASE_NAME, ProgressStore
from tui.core.quiz.rounds import QuizSession, RoundSpec, build_round

QUIZDECK = Path(__file__).parent / "data" / "quizdeck"


def factdrill(*args: str, data_dir: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, DATA_DIR_ENV: str(data_dir)}
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True,
                          env=env, timeout=timeout)


def test_progress_reports_answers_due_facts_and_rounds(tmp_path):
    deck = load_deck([QUIZDECK])
    session = QuizSession(deck, build_round(deck, RoundSpec(count=1, types=("typed",), seed=1, only=("crossing-time",))),
                          AnswerChecker(deck))
    session.answer("17")  # wrong: due again after a day
    long_ago = datetime.now(timezone.utc) - timedelta(days=3)
    with ProgressStore(tmp_path / DATABASE_NAME) as store:
        store.record_answer(deck, session.last, when=long_ago)
        store.record_round(deck, session.result(), when=long_ago)

    shown = factdrill("progress", "--json", "--deck", str(QUIZDECK), data_dir=tmp_path)
    assert shown.returncode == 0, shown.stderr
    report = json.loads(shown.stdout)
    assert (report["answers"], report["facts_seen"], report["due"]) == (1, 1, ["crossing-time"])
    assert [(r["score"], r["total"]) for r in report["rounds"]] == [(0, 1)]
    assert report["due_today"] == ["crossing-time"] and (report["right"], report["percent"]) == (0, 0.0)
    assert [(d["answered"], d["right"]) for d in report["days"]] == [(1, 0)]
    assert report["most_missed"] == [{"fact_id": "crossing-time", "misses": 1, "answers": 1, "last_wrong": "17"}]

    human = factdrill("progress", "--deck", str(QUIZDECK), data_dir=tmp_path)
    assert "1 answer · 0% right · 1 of" in human.stdout and "1 due again now" in human.stdout
    assert "Accuracy by day: ▁  0% on" in human.stdout
    assert "Most missed" in human.stdout and "Due today (1)" in human.stdout
    assert "0/1" in human.stdout


def test_progress_names_a_damaged_progress_file_and_leaves_it_alone(tmp_path):
    damaged = tmp_path / DATABASE_NAME
    damaged.write_text("not sqlite\n" * 50)

    shown = factdrill("progress", "--deck", str(QUIZDECK), data_dir=tmp_path)

    assert shown.returncode == 1
    assert str(damaged) in shown.stderr and "Traceback" not in shown.stderr
    assert len(shown.stderr.strip().splitlines()) == 1
    assert damaged.read_text() == "not sqlite\n" * 50


def test_serve_refuses_a_broken_deck_before_starting(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("[[facts]\n")

    shown = factdrill("serve", "--deck", str(broken), data_dir=tmp_path)

    assert shown.returncode == 1
    assert f"{broken.name}:1:" in shown.stderr and "Traceback" not in shown.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("localhost", 0))
        return probe.getsockname()[1]


def test_serve_answers_a_browser_with_the_app_page(tmp_path):
    port = _free_port()
    env = {**os.environ, DATA_DIR_ENV: str(tmp_path)}
    server = subprocess.Popen([sys.executable, "-m", "tui", "serve", "--port", str(port), "--deck", str(QUIZDECK)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                page = urllib.request.urlopen(f"http://localhost:{port}/", timeout=5).read().decode()
                break
            except OSError:
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "the server did not answer within 60 s"
                time.sleep(0.3)
        assert "textual.js" in page and "Quiz test deck" in page
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_plain_round_saves_each_answer_and_the_round(tmp_path):
    played = subprocess.run(
        [sys.executable, "-m", "tui", "quiz", "--plain", "--seed", "1", "--count", "2", "--types", "typed",
         "--deck", str(QUIZDECK)],
        input="nonsense answer\nanother wrong one\n", capture_output=True, text=True, timeout=60,
        env={**os.environ, DATA_DIR_ENV: str(tmp_path)},
    )
    assert played.returncode == 0, played.stderr

    report = json.loads(factdrill("progress", "--json", "--deck", str(QUIZDECK), data_dir=tmp_path).stdout)
    assert report["answers"] == 2 and report["facts_seen"] == 2
    assert [(r["score"], r["total"]) for r in report["rounds"]] == [(0, 2)]


def test_a_due_round_asks_only_the_facts_due_for_review(tmp_path):
    deck = load_deck([QUIZDECK])
    now = datetime.now(timezone.utc)
    with ProgressStore(tmp_path / DATABASE_NAME) as store:
        for fact_id, given, when in (("crossing-time", "17", now - timedelta(days=3)),
                                     ("mayor-name", "Ada Lindqvist", now)):
            session = QuizSession(deck, build_round(deck, RoundSpec(count=1, types=("typed",), only=(fact_id,))),
                                  AnswerChecker(deck))
            store.record_answer(deck, session.answer(given), when=when)

    played = subprocess.run(
        [sys.executable, "-m", "tui", "quiz", "--plain", "--due", "--seed", "4", "--types", "typed",
         "--deck", str(QUIZDECK)],
        input="42\n", capture_output=True, text=True, timeout=60, env={**os.environ, DATA_DIR_ENV: str(tmp_path)},
    )

    assert played.returncode == 0, played.stderr
    assert "1 questions" in played.stdout or "1 question" in played.stdout
    assert deck.fact("crossing-time").question in played.stdout
    assert deck.fact("mayor-name").question not in played.stdout


def test_a_due_round_with_nothing_due_says_so(tmp_path):
    played = factdrill("quiz", "--plain", "--due", "--deck", str(QUIZDECK), data_dir=tmp_path)
    assert played.returncode == 0
    assert "Nothing is due for review" in played.stdout
