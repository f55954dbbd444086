"""The class results store: every answer saved in its own transaction, nothing lost under 40 writers."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from tui.core.results.opening import open_results
from tui.core.results.store import FINISHED, QUIT, AnswerRecord, AttemptRecord, ResultsError, now_stamp

PUPILS = 40
ANSWERS_EACH = 10


def attempt(attempt_id: str, pupil: str, drill_id: str = "week-1") -> AttemptRecord:
    stamp = now_stamp()
    return AttemptRecord(attempt_id, pupil, drill_id, "Week 1", "d" * 64, "k" * 64, ANSWERS_EACH, 60.0, stamp, stamp)


def answer(attempt_id: str, pupil: str, number: int, verdict: str = "correct", given: str = "472",
           timed_out: bool = False) -> AnswerRecord:
    return AnswerRecord(attempt_id, pupil, "week-1", "d" * 64, "k" * 64, number, f"fact-{number}", f"fact-{number}",
                        "typed", f"Question {number}?", given, verdict, "exact", "472", 1.5, timed_out, now_stamp())


def test_answers_round_trip_with_every_field(tmp_path: Path) -> None:
    with open_results(tmp_path / "results") as store:
        store.start_attempt(attempt("a1", "Ada Lovelace"))
        store.record_answer(answer("a1", "Ada Lovelace", 1, given="{=~#}:\\ <b>"))
        store.record_answer(answer("a1", "Ada Lovelace", 2, verdict="skipped", given="", timed_out=True))
        store.record_answer(answer("a1", "Ada Lovelace", 2, verdict="correct"))  # a retried write: ignored
        store.finish_attempt("a1", FINISHED)
        rows = store.answers("week-1")
        assert [(r.number, r.verdict, r.given, r.timed_out) for r in rows] == [
            (1, "correct", "{=~#}:\\ <b>", False), (2, "skipped", "", True)]
        assert rows[1].unanswered and not rows[1].right
        [saved] = store.attempts("week-1")
        assert saved.state == FINISHED and saved.finished_at is not None
        assert store.drill_ids() == ["week-1"]
    mode = sqlite3.connect(tmp_path / "results" / "results.sqlite3").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_an_unwritable_store_is_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "results"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(ResultsError) as error:
        open_results(blocker)
    assert "results" in str(error.value) and "\n" not in str(error.value)


def _pupil(folder: str, index: int, barrier, errors) -> None:
    try:
        barrier.wait(timeout=60)
        with open_results(folder) as store:  # every pupil also creates the schema at the same moment
            pupil = f"Pupil {index:02d}"
            store.start_attempt(attempt(f"attempt-{index}", pupil))
            for number in range(1, ANSWERS_EACH + 1):
                store.record_answer(answer(f"attempt-{index}", pupil, number))
            store.finish_attempt(f"attempt-{index}", FINISHED)
    except BaseException as error:  # reported to the parent; a child's traceback would be lost
        errors.put(f"{index}: {type(error).__name__}: {error}")
        raise


def _class_writes_at_once(target: str) -> list[AnswerRecord]:
    """40 pupil processes open the store and write their answers at the same moment; their saved answers."""
    context = multiprocessing.get_context("fork")
    barrier, errors = context.Barrier(PUPILS), context.Queue()
    processes = [context.Process(target=_pupil, args=(target, i, barrier, errors)) for i in range(PUPILS)]
    for process in processes:
        process.start()
    deadline = time.monotonic() + 120  # bounded: a hang fails the test instead of stalling the suite
    for process in processes:
        process.join(max(0.1, deadline - time.monotonic()))
    stuck = [p for p in processes if p.is_alive()]
    for process in stuck:
        process.kill()
    problems = []
    while not errors.empty():
        problems.append(errors.get())
    assert not stuck and not problems, problems
    assert all(p.exitcode == 0 for p in processes)
    with open_results(target) as store:
        rows = [r for r in store.answers("week-1") if r.attempt_id.startswith("attempt-")]
        attempts = [a for a in store.attempts("week-1") if a.attempt_id.startswith("attempt-")]
    assert len(rows) == PUPILS * ANSWERS_EACH
    assert {(r.pupil, r.number) for r in rows} == {
        (f"Pupil {i:02d}", n) for i in range(PUPILS) for n in range(1, ANSWERS_EACH + 1)}
    assert len(attempts) == PUPILS and all(a.state == FINISHED for a in attempts)
    return rows


def test_forty_pupils_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    # A fresh folder: the first writes also race to create the store and switch it to WAL.
    _class_writes_at_once(str(tmp_path / "results"))


def test_a_pupil_killed_mid_drill_keeps_every_answer(tmp_path: Path) -> None:
    folder = tmp_path / "results"
    script = (
        "import sys, time\n"
        f"sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
        "from test_results_store import answer, attempt\n"
        "from tui.core.results.opening import open_results\n"
        f"store = open_results({str(folder)!r})\n"
        "store.start_attempt(attempt('a1', 'Killed Pupil'))\n"
        "for n in (1, 2, 3):\n"
        "    store.record_answer(answer('a1', 'Killed Pupil', n))\n"
        "print('saved', flush=True)\n"
        "time.sleep(60)\n"
    )
    import subprocess

    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parent.parent)
    try:
        assert child.stdout.readline().strip() == "saved"
        os.kill(child.pid, signal.SIGKILL)  # no clean-up, no close: as if the laptop lid shut
    finally:
        child.wait(timeout=30)
    with open_results(folder) as store:
        assert [r.number for r in store.answers(attempt_id="a1")] == [1, 2, 3]
        [left] = store.attempts()
        assert left.finished_at is None and left.state == "answering"


@pytest.fixture(scope="module")
def postgres_url():
    from postgres_server import scratch_postgres

    with scratch_postgres() as url:
        yield url


def test_postgres_store_keeps_the_same_rows(postgres_url: str) -> None:
    with open_results(postgres_url) as store:
        store.start_attempt(attempt("pg-1", "Zoë O'Brien", drill_id="pg-drill"))
        store.record_answer(answer("pg-1", "Zoë O'Brien", 1, given="'; DROP TABLE answers; --"))
        store.record_answer(answer("pg-1", "Zoë O'Brien", 2, verdict="skipped", given="", timed_out=True))
        store.record_answer(answer("pg-1", "Zoë O'Brien", 2))  # retried write: ignored
        store.finish_attempt("pg-1", FINISHED)
        rows = store.answers(attempt_id="pg-1")
        assert [(r.number, r.verdict, r.given, r.timed_out) for r in rows] == [
            (1, "correct", "'; DROP TABLE answers; --", False), (2, "skipped", "", True)]
        store.finish_attempt("pg-1", QUIT)  # a second window closing late: never unfinishes it
        store.reopen_attempt("pg-2-none")  # an unknown attempt: nothing to take up again, no error
        [saved] = store.attempts("pg-drill")
        assert saved.pupil == "Zoë O'Brien" and saved.state == FINISHED


def test_forty_pupils_on_postgres_lose_nothing(postgres_url: str) -> None:
    _class_writes_at_once(postgres_url)


def test_a_wrong_postgres_url_is_one_line_without_the_password() -> None:
    with pytest.raises(ResultsError) as error:
        open_results("postgresql://teacher:s3cret@/nodb?host=/nonexistent-socket-dir&connect_timeout=2")
    assert "s3cret" not in str(error.value) and "\n" not in str(error.value)


def _simulate(drill: Path, pupils: int, results: str) -> dict:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from simulate_class import simulate

    return simulate(drill, pupils, results, timeout=240)


EXAM = Path(__file__).resolve().parent.parent / "tui" / "examples" / "drills" / "exam-explicit.toml"


def test_real_pupils_through_the_cli_lose_no_answer(tmp_path: Path) -> None:
    figures = _simulate(EXAM, 4, str(tmp_path / "results"))
    assert figures["answers_saved"] == figures["answers_expected"] == 16


def test_real_pupils_through_the_cli_on_postgres(postgres_url: str) -> None:
    figures = _simulate(EXAM, 3, postgres_url)
    assert figures["answers_saved"] == figures["answers_expected"] == 12
