"""The results store on a PostgreSQL server (psycopg 3), for a school running many classes on one server.

Same tables and the same rows as the SQLite store. Each write is one transaction;
the tables are made under an advisory lock, so a whole class connecting at once
does not race on `CREATE TABLE IF NOT EXISTS`. Messages name the server without
the password from the URL.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence
from urllib.parse import urlsplit, urlunsplit

from .store import SCHEMA, ResultsError, ResultsStore, Statement

SCHEMA_LOCK = 0x66616374  # any fixed number: "fact"
CONNECT_TIMEOUT_SECONDS = 10


def redacted(url: str) -> str:
    """The URL with any password replaced by ***."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def _pg(sql: str) -> str:
    return sql.replace("?", "%s")


class PostgresStore(ResultsStore):
    """A class's results in the PostgreSQL database at `url`."""

    def __init__(self, url: str) -> None:
        import psycopg

        self._psycopg = psycopg
        self.where = redacted(url)
        try:
            self._db = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_SECONDS)
        except psycopg.Error as error:
            raise ResultsError(f"{self.where}: cannot connect to the results database ({_first_line(error)})") from None
        try:
            self._write([(f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})", ())]
                        + [(statement, ()) for statement in SCHEMA])
        except ResultsError:
            self._db.close()
            raise

    def _write(self, statements: Iterable[Statement]) -> None:
        try:
            with self._db.transaction(), self._db.cursor() as cursor:
                for sql, params in statements:
                    cursor.execute(_pg(sql), tuple(params))
        except self._psycopg.Error as error:
            raise ResultsError(f"{self.where}: could not save results ({_first_line(error)})") from None

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        try:
            with self._db.cursor() as cursor:
                cursor.execute(_pg(sql), tuple(params))
                return cursor.fetchall()
        except self._psycopg.Error as error:
            raise ResultsError(f"{self.where}: cannot read results ({_first_line(error)})") from None

    def close(self) -> None:
        self._db.close()


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
