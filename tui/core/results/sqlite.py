"""The results store in one SQLite file, safe for a whole class writing at once.

WAL mode lets the teacher's report read while pupils write. Every write takes
the write lock up front (`BEGIN IMMEDIATE`): a deferred transaction that reads
first and then writes can fail with "database is locked" at once, without
waiting, when another writer got in between; an immediate one waits its turn
(busy_timeout). `synchronous=FULL` makes a committed answer survive a killed
process and a power cut.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any, Iterable, Sequence

from .store import SCHEMA, ResultsError, ResultsStore, Statement

BUSY_TIMEOUT_SECONDS = 30.0


class SqliteStore(ResultsStore):
    """A class's results in `path` (a `results.sqlite3`); the folder is made if missing."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.where = str(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit mode: transactions are begun explicitly, so none is left open by a read.
            self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise ResultsError(f"{path}: cannot open the results store ({error})") from None
        try:
            self._wal()
            self._db.execute("PRAGMA synchronous=FULL")
            self._write([(statement, ()) for statement in SCHEMA])
        except ResultsError:
            self._db.close()
            raise

    def _wal(self) -> None:
        # Switching a new file to WAL needs a moment alone with it; when a whole class opens the
        # store at once, a few openers are told "busy" without the busy handler, so they retry.
        deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
        while True:
            try:
                mode = self._db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            except sqlite3.OperationalError as error:
                if time.monotonic() < deadline and ("locked" in str(error) or "busy" in str(error)):
                    time.sleep(0.01)
                    continue
                raise ResultsError(f"{self.path}: cannot use the results store ({error})") from None
            if mode.lower() != "wal":
                raise ResultsError(f"{self.path}: the results store cannot use WAL mode (got {mode})")
            return

    def _write(self, statements: Iterable[Statement]) -> None:
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                for sql, params in statements:
                    db.execute(sql, tuple(params))
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        except sqlite3.Error as error:
            raise ResultsError(f"{self.path}: could not save results ({error})") from None

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        try:
            return self._db.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as error:
            raise ResultsError(f"{self.path}: cannot read results ({error})") from None

    def close(self) -> None:
        self._db.close()
