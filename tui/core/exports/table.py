"""A deck's facts as CSV, one row per fact (or ask), for spreadsheets and gradebook tools."""

from __future__ import annotations

import csv
import io
import re

from tui.core.deck.model import Deck, Fact

from .questions import citation_line

_NUMBER = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?%?$")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = ("id", "question", "answer", "aliases", "kind", "statement", "tags", "sources", "citations")


def spreadsheet_safe(value: object) -> object:
    """A text cell a spreadsheet will not run as a formula (a leading ' when it starts like one)."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS) and not _NUMBER.match(value):
        return "'" + value
    return value


def write_rows(rows, lineterminator: str = "\n") -> str:
    """CSV text of the rows, every text cell made spreadsheet-safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=lineterminator)
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    return out.getvalue()


def to_csv(deck: Deck, facts: list[Fact]) -> str:
    """Header, then a row per fact; lists are joined with "; ", citations one per line in their cell."""
    rows = [COLUMNS]
    for fact in facts:
        rows.append([fact.id, fact.question, fact.answer, "; ".join(fact.aliases), fact.kind, fact.statement,
                     "; ".join(fact.tags), "; ".join(fact.source_ids),
                     "\n".join(citation_line(deck, c) for c in fact.citations)])
    return write_rows(rows)
