"""A class's results store: every drill attempt and every answer, one row each, saved as given.

One interface, two homes (`tui.core.results.opening.open_results`): SQLite in WAL mode
in a folder ("results/") or PostgreSQL ("postgresql://...") for a school running many
classes on one server. Each answer is written in its own transaction and a write
is idempotent (an answer is keyed by attempt and question number), so a pupil
killed mid-drill keeps every answer already given and a retried write never
doubles a row. Rows are plain data: what a pupil typed is stored as typed.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import astuple, dataclass, fields
from datetime import datetime, timezone
from typing import Any, Iterable, Sequence

DATABASE_NAME = "results.sqlite3"
URL_SCHEMES = ("postgresql://", "postgres://")

# Attempt states: answering (running), finished (every question settled), quit (left early),
# and a killed pupil's attempt stays "answering" with its last_seen going stale.
ANSWERING, FINISHED, QUIT = "answering", "finished", "quit"


class ResultsError(Exception):
    """The results store cannot be opened, read or written; the message is one line for the user."""


def now_stamp(moment: datetime | None = None) -> str:
    """UTC, fixed width, so stored times compare correctly as text in either database."""
    return (moment or datetime.now(timezone.utc)).astimezone(timezone.utc).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class AttemptRecord:
    """One pupil's go at one drill."""

    attempt_id: str
    pupil: str
    drill_id: str
    drill_title: str
    drill_hash: str
    deck_hash: str
    planned: int  # questions in the drill
    pass_mark: float
    started_at: str
    last_seen: str
    finished_at: str | None = None
    state: str = ANSWERING

    def still_answering(self, now: datetime, within: float) -> bool:
        """Unfinished, and saved to in the last `within` seconds: a window is still taking it."""
        return self.state == ANSWERING and (now - datetime.fromisoformat(self.last_seen)).total_seconds() <= within


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One answer: who, which drill (and its content), which question as shown, what was given, how it fared."""

    attempt_id: str
    pupil: str
    drill_id: str
    drill_hash: str
    deck_hash: str
    number: int  # 1-based question number in the drill
    question_key: str  # fact or ask id ("not-in-sources:<id>" for an unsourced claim)
    fact_id: str | None
    question_type: str
    prompt: str
    given: str
    verdict: str
    rule: str
    expected: str
    seconds: float
    timed_out: bool
    answered_at: str

    @property
    def right(self) -> bool:
        """Counts towards the score, as in a quiz: correct or close."""
        return self.verdict in ("correct", "close")

    @property
    def unanswered(self) -> bool:
        return self.timed_out or self.verdict == "skipped"


ATTEMPT_COLUMNS = tuple(f.name for f in fields(AttemptRecord))
ANSWER_COLUMNS = tuple(f.name for f in fields(AnswerRecord))

SCHEMA = (
    """CREATE TABLE IF NOT EXISTS attempts (
        attempt_id TEXT PRIMARY KEY, pupil TEXT NOT NULL, drill_id TEXT NOT NULL, drill_title TEXT NOT NULL,
        drill_hash TEXT NOT NULL, deck_hash TEXT NOT NULL, planned INTEGER NOT NULL,
        pass_mark DOUBLE PRECISION NOT NULL, started_at TEXT NOT NULL, last_seen TEXT NOT NULL,
        finished_at TEXT, state TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS answers (
        attempt_id TEXT NOT NULL, pupil TEXT NOT NULL, drill_id TEXT NOT NULL, drill_hash TEXT NOT NULL,
        deck_hash TEXT NOT NULL, number INTEGER NOT NULL, question_key TEXT NOT NULL, fact_id TEXT,
        question_type TEXT NOT NULL, prompt TEXT NOT NULL, given TEXT NOT NULL, verdict TEXT NOT NULL,
        rule TEXT NOT NULL, expected TEXT NOT NULL, seconds DOUBLE PRECISION NOT NULL,
        timed_out BOOLEAN NOT NULL, answered_at TEXT NOT NULL, PRIMARY KEY (attempt_id, number))""",
    "CREATE INDEX IF NOT EXISTS answers_by_drill ON answers (drill_id)",
    "CREATE INDEX IF NOT EXISTS attempts_by_drill ON attempts (drill_id, pupil)",
)

Statement = tuple[str, Sequence[Any]]


def _insert(table: str, columns: tuple[str, ...], conflict: str) -> str:
    marks = ", ".join("?" for _ in columns)
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) ON CONFLICT ({conflict}) DO NOTHING"


INSERT_ATTEMPT = _insert("attempts", ATTEMPT_COLUMNS, "attempt_id")
INSERT_ANSWER = _insert("answers", ANSWER_COLUMNS, "attempt_id, number")


class ResultsStore(ABC):
    """Where a class's attempts and answers are kept. Use as a context manager, or call `close()`.

    SQL is written once with `?` placeholders; a backend translates them if it must.
    """

    where: str  # for messages: a path, or a URL without its password

    @abstractmethod
    def _write(self, statements: Iterable[Statement]) -> None:
        """Run the statements in one transaction: all saved, or none (ResultsError)."""

    @abstractmethod
    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Rows of one query (ResultsError on failure)."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> "ResultsStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start_attempt(self, attempt: AttemptRecord) -> None:
        """Save a new attempt (saving the same attempt again changes nothing)."""
        self._write([(INSERT_ATTEMPT, astuple(attempt))])

    def record_answer(self, answer: AnswerRecord) -> None:
        """Save one answer in its own transaction and mark the attempt as seen now."""
        self._write([
            (INSERT_ANSWER, astuple(answer)),
            ("UPDATE attempts SET last_seen = ? WHERE attempt_id = ? AND finished_at IS NULL",
             (answer.answered_at, answer.attempt_id)),
        ])

    def finish_attempt(self, attempt_id: str, state: str, when: str | None = None) -> None:
        """Close an attempt as finished or quit (a finished attempt is never made quit)."""
        stamp = when or now_stamp()
        sql = "UPDATE attempts SET finished_at = ?, last_seen = ?, state = ? WHERE attempt_id = ?"
        params: tuple = (stamp, stamp, state, attempt_id)
        if state != FINISHED:  # a window closing late after another finished the attempt
            sql, params = sql + " AND state <> ?", (*params, FINISHED)
        self._write([(sql, params)])

    def reopen_attempt(self, attempt_id: str) -> None:
        """Take up an unfinished attempt again (a pupil resuming): answering, not finished."""
        stamp = now_stamp()
        self._write([("UPDATE attempts SET finished_at = NULL, last_seen = ?, state = ? WHERE attempt_id = ?",
                      (stamp, ANSWERING, attempt_id))])

    def attempts(self, drill_id: str | None = None, pupil: str | None = None) -> list[AttemptRecord]:
        """Attempts, oldest first; only one drill's, or one pupil's, when asked."""
        where, params = _filters(drill_id=drill_id, pupil=pupil)
        rows = self._read(f"SELECT {', '.join(ATTEMPT_COLUMNS)} FROM attempts{where} ORDER BY started_at, attempt_id",
                          params)
        return [AttemptRecord(*row) for row in rows]

    def answers(self, drill_id: str | None = None, attempt_id: str | None = None) -> list[AnswerRecord]:
        """Answers in the order given: by attempt start, then question number."""
        where, params = _filters(drill_id=drill_id, attempt_id=attempt_id)
        rows = self._read(f"SELECT {', '.join(ANSWER_COLUMNS)} FROM answers{where}"
                          " ORDER BY answered_at, attempt_id, number", params)
        return [AnswerRecord(*row[:-2], bool(row[-2]), row[-1]) for row in rows]

    def drill_ids(self) -> list[str]:
        """Every drill with an attempt in this store, by first attempt."""
        rows = self._read("SELECT drill_id, min(started_at) AS first FROM attempts GROUP BY drill_id ORDER BY first")
        return [row[0] for row in rows]


def _filters(**wanted: str | None) -> tuple[str, tuple]:
    pairs = [(column, value) for column, value in wanted.items() if value is not None]
    if not pairs:
        return "", ()
    return " WHERE " + " AND ".join(f"{column} = ?" for column, _ in pairs), tuple(v for _, v in pairs)
