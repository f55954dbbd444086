"""What a learner has earned: every graded answer, every finished round, and when each fact is due.

Progress lives in one SQLite file under the user's data directory (platformdirs),
or under `$FACTDRILL_DATA_DIR` when that is set (tests, classroom machines).
Each answer is written in its own transaction, so quitting, a crash or a full
disk loses at most the answer being written, never what was already saved.

Scheduling is FSRS (the `fsrs` package), one card per ask: a fact asked from its
own side and each of its `[[facts.asks]]` (id `fact#ask`) are learnt and scheduled
apart, so knowing who Trump called "absolutely crazy" says nothing of what he called
him. A card is rated from the verdict (correct -> Good, close -> Hard, incorrect or
revealed -> Again; a skip is not a review). Cards get a stable `card_id` derived from
the deck and the ask id, because fsrs's default id is a timestamp, which collides when
cards are made in the same millisecond. The `fact_id` column holds the ask id.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from fsrs import Card, Rating, Scheduler

from tui.core.deck.model import Deck
from tui.core.verdicts import Outcome

DATA_DIR_ENV = "FACTDRILL_DATA_DIR"
DATABASE_NAME = "progress.sqlite3"
# Another factdrill saving at the same moment holds the file for milliseconds; wait for it
# rather than report "database is locked" (sqlite's default wait is 5 s).
BUSY_TIMEOUT_SECONDS = 30.0

RATINGS = {Outcome.CORRECT: Rating.Good, Outcome.CLOSE: Rating.Hard, Outcome.INCORRECT: Rating.Again,
           Outcome.REVEALED: Rating.Again}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY,
    deck TEXT NOT NULL,
    fact_id TEXT,
    question_key TEXT NOT NULL,
    question_type TEXT NOT NULL,
    verdict TEXT NOT NULL,
    given TEXT NOT NULL,
    seconds REAL NOT NULL,
    answered_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS cards (
    deck TEXT NOT NULL,
    fact_id TEXT NOT NULL,
    card TEXT NOT NULL,
    due TEXT NOT NULL,
    PRIMARY KEY (deck, fact_id)
);
CREATE TABLE IF NOT EXISTS rounds (
    id INTEGER PRIMARY KEY,
    deck TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    score INTEGER NOT NULL,
    total INTEGER NOT NULL,
    seconds REAL NOT NULL,
    spec TEXT NOT NULL
);
"""


class ProgressError(Exception):
    """The progress file cannot be opened or written; the message is one line for the user."""


def default_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("factdrill", appauthor=False)


def card_id_for(deck: str, fact_id: str) -> int:
    """A stable positive id for a fact's card (48 bits of a hash of deck and fact)."""
    digest = hashlib.sha256(f"{deck}\0{fact_id}".encode()).digest()
    return int.from_bytes(digest[:6], "big") or 1


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _stamp(moment: datetime) -> str:
    """UTC, fixed width, so stored times compare correctly as text in SQL."""
    return moment.astimezone(timezone.utc).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class RoundRecord:
    finished_at: str
    score: int
    total: int
    seconds: float
    close: int = 0  # of the score, how many answers were close (a slip)


@dataclass(frozen=True, slots=True)
class AnsweredRow:
    """One saved answer, as a learner's report reads it."""

    answered_at: datetime  # UTC
    fact_id: str | None
    verdict: str
    given: str


@dataclass(frozen=True, slots=True)
class ProgressSummary:
    answers: int
    facts_seen: int
    close_answers: int
    facts_due: int
    rounds: tuple[RoundRecord, ...]  # most recent first


class ProgressStore:
    """One learner's progress file. Use as a context manager, or call `close()`."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else default_data_dir() / DATABASE_NAME
        # No minute-scale learning steps: a round never asks a fact twice, so the
        # first answer schedules in days; no fuzzing, so schedules are repeatable.
        self._scheduler = Scheduler(learning_steps=(), enable_fuzzing=False)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS)
            self._db.executescript(_SCHEMA)
            self._add_close_column()
        except (OSError, sqlite3.Error) as error:
            raise ProgressError(f"{self.path}: cannot use the progress file ({error})") from None

    def _add_close_column(self) -> None:
        """Files written before close answers were counted per round get the column (0 for old rounds)."""
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(rounds)")}
        if "close" not in columns:
            with self._db:
                self._db.execute("ALTER TABLE rounds ADD COLUMN close INTEGER NOT NULL DEFAULT 0")

    def __enter__(self) -> "ProgressStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def _write(self, statements: Iterable[tuple[str, tuple]]) -> None:
        try:
            with self._db:  # one transaction: all of it is saved or none of it
                for sql, params in statements:
                    self._db.execute(sql, params)
        except sqlite3.Error as error:
            raise ProgressError(f"{self.path}: could not save progress ({error})") from None

    def card(self, deck: Deck, fact_id: str) -> Card | None:
        try:
            row = self._db.execute("SELECT card FROM cards WHERE deck = ? AND fact_id = ?",
                                   (deck.title, fact_id)).fetchone()
            return Card.from_dict(json.loads(row[0])) if row else None
        except (sqlite3.Error, ValueError, KeyError, TypeError) as error:
            raise ProgressError(f"{self.path}: cannot read the progress of {fact_id!r} ({error})") from None

    def record_answer(self, deck: Deck, result, when: datetime | None = None) -> None:
        """Save one settled question (a `tui.core.quiz.QuestionResult`) and reschedule its fact."""
        when = (when or _now()).astimezone(timezone.utc)
        statements = [(
            "INSERT INTO answers (deck, fact_id, question_key, question_type, verdict, given, seconds, answered_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (deck.title, result.fact_id, result.key, result.type, result.verdict, result.given, result.seconds,
             _stamp(when)),
        )]
        rating = RATINGS.get(result.verdict)
        if result.fact_id is not None and rating is not None:
            card = self.card(deck, result.fact_id) or Card(card_id=card_id_for(deck.title, result.fact_id))
            card, _log = self._scheduler.review_card(card, rating, review_datetime=when)
            statements.append((
                "INSERT INTO cards (deck, fact_id, card, due) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (deck, fact_id) DO UPDATE SET card = excluded.card, due = excluded.due",
                (deck.title, result.fact_id, json.dumps(card.to_dict()), _stamp(card.due)),
            ))
        self._write(statements)

    def record_round(self, deck: Deck, result, when: datetime | None = None) -> None:
        """Save a finished round's score (a `tui.core.quiz.RoundResult`); its answers are saved one by one."""
        spec = result.round.spec
        settings = {"count": spec.count, "tags": list(spec.tags), "sources": list(spec.sources),
                    "types": list(spec.types), "seed": spec.seed}
        self._write([(
            "INSERT INTO rounds (deck, finished_at, score, total, seconds, spec, close) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (deck.title, _stamp(when or _now()), result.score, result.total, result.elapsed, json.dumps(settings),
             result.close),
        )])

    def due_fact_ids(self, deck: Deck, now: datetime | None = None) -> list[str]:
        """Facts reviewed before and due again by `now`, most overdue first (including facts the deck
        no longer has: see `due_in`)."""
        try:
            rows = self._db.execute(
                "SELECT fact_id FROM cards WHERE deck = ? AND due <= ? ORDER BY due",
                (deck.title, _stamp(now or _now())),
            ).fetchall()
        except sqlite3.Error as error:
            raise ProgressError(f"{self.path}: cannot read progress ({error})") from None
        return [fact_id for (fact_id,) in rows]

    def due_in(self, deck: Deck, now: datetime | None = None) -> list[str]:
        """The asks (facts, `fact#ask`s) of `deck` due again by `now`, most overdue first; those since
        removed from it left out."""
        return [ask_id for ask_id in self.due_fact_ids(deck, now) if ask_id in deck.asks_by_id]

    def answered(self, deck: Deck) -> list[AnsweredRow]:
        """Every answer saved for `deck`, oldest first."""
        try:
            rows = self._db.execute(
                "SELECT answered_at, fact_id, verdict, given FROM answers WHERE deck = ? ORDER BY answered_at, id",
                (deck.title,),
            ).fetchall()
            return [AnsweredRow(datetime.fromisoformat(at), fact_id, verdict, given)
                    for at, fact_id, verdict, given in rows]
        except (sqlite3.Error, ValueError, TypeError) as error:
            raise ProgressError(f"{self.path}: cannot read progress ({error})") from None

    def summary(self, deck: Deck, now: datetime | None = None, recent: int = 5) -> ProgressSummary:
        try:
            with closing(self._db.cursor()) as cursor:
                answers = cursor.execute("SELECT count(*) FROM answers WHERE deck = ?", (deck.title,)).fetchone()[0]
                close = cursor.execute("SELECT count(*) FROM answers WHERE deck = ? AND verdict = 'close'",
                                       (deck.title,)).fetchone()[0]
                seen = cursor.execute("SELECT count(*) FROM cards WHERE deck = ?", (deck.title,)).fetchone()[0]
                rounds = cursor.execute(
                    "SELECT finished_at, score, total, seconds, close FROM rounds WHERE deck = ? ORDER BY id DESC LIMIT ?",
                    (deck.title, recent),
                ).fetchall()
        except sqlite3.Error as error:
            raise ProgressError(f"{self.path}: cannot read progress ({error})") from None
        return ProgressSummary(answers, seen, close, len(self.due_fact_ids(deck, now)),
                               tuple(RoundRecord(*row) for row in rounds))


class ProgressRecorder:
    """Saves a quiz as it is played. If saving fails, the quiz goes on and the reason is given once.

    An answer that could not be saved (a busy or briefly unwritable file) is kept, with
    the time it was given, and saved in order at the next answer, the round's end or close.
    """

    def __init__(self, deck: Deck, path: Path | None = None) -> None:
        self.deck = deck
        self.path = path
        self.problem: str | None = None
        self._reported = False
        self._store: ProgressStore | None = None
        self._pending: list[tuple[str, object, datetime]] = []  # (kind, result, when), oldest first

    def _new_problem(self) -> str | None:
        if self.problem is None or self._reported:
            return None
        self._reported = True
        return self.problem

    def _flush(self) -> None:
        try:
            if self._store is None:
                self._store = ProgressStore(self.path)
            while self._pending:
                kind, result, when = self._pending[0]
                write = self._store.record_answer if kind == "answer" else self._store.record_round
                write(self.deck, result, when)
                self._pending.pop(0)
        except ProgressError as error:
            self.problem = f"progress is not being saved: {error}"

    def _save(self, kind: str, result) -> str | None:
        self._pending.append((kind, result, _now()))
        self._flush()
        return self._new_problem()

    @property
    def unsaved(self) -> int:
        """Answers and rounds not saved yet (kept for the next try)."""
        return len(self._pending)

    def answered(self, result) -> str | None:
        """Save a settled question; the problem to show the user the first time saving fails, else None."""
        return self._save("answer", result)

    def finished(self, result) -> str | None:
        """Save a round's score (its answers are already saved)."""
        if not result.results:
            self._flush()
            return self._new_problem()
        return self._save("round", result)

    def close(self) -> None:
        """A last try at anything unsaved, then let go of the file."""
        if self._pending:
            self._flush()
        if self._store is not None:
            self._store.close()
            self._store = None
