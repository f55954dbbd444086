"""Opening a class's results store from what the teacher typed: a folder or a PostgreSQL URL."""

from __future__ import annotations

from pathlib import Path

from .store import DATABASE_NAME, URL_SCHEMES, ResultsStore


def is_url(target: str | Path) -> bool:
    """Whether `target` names a PostgreSQL server rather than a folder."""
    return isinstance(target, str) and target.startswith(URL_SCHEMES)


def open_results(target: str | Path) -> ResultsStore:
    """The store at `target`: a PostgreSQL URL, else a folder holding `results.sqlite3` (made if missing).

    Raises `ResultsError` (one line, no password) when it cannot be opened.
    """
    if is_url(target):
        from .postgres import PostgresStore

        return PostgresStore(str(target))
    from .sqlite import SqliteStore

    return SqliteStore(Path(target) / DATABASE_NAME)
