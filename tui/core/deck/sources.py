"""A deck's `[[sources]]` tables: each checked against the format, its article read from its
`text` file (byte for byte, line endings aside) and kept for the quotes to be found in."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, Any

from tui.core.deck.files import ParsedFile
from tui.core.deck.model import DATE_PRECISIONS, TITLE_KINDS, Location, Source
from tui.core.deck.schema import SLUG, SOURCE, Report, check_table, describe, valid_date, well_formed
from tui.core.deck.source_text import SourceTextError, read_source_text

if TYPE_CHECKING:
    from tui.core.deck.cache import PendingEntry

__all__ = ["load_sources"]


def load_sources(parsed: ParsedFile, report: Report, sources: dict[str, Source], texts: dict[str, str],
                 pending: PendingEntry | None = None) -> None:
    """Load each well-formed source; `texts` gets the text of every source whose text could be
    read, even one refused for its other keys, so quotes citing it are still checked."""
    path = parsed.path
    for index, table in enumerate(parsed.data.get("sources", [])):
        what = describe("source", table, index)
        if not well_formed(table, SOURCE):
            check_table(report, path, parsed.entry("sources", index), table, SOURCE, what)
            _keep_text(table, parsed, texts)
            continue

        def line(key: str | None = None) -> int:  # only a problem needs one
            entry = parsed.entry("sources", index)
            return entry.key_line(key) if key else entry.line

        source_id = table["id"]
        if not SLUG.match(source_id):
            report.add(path, line("id"), f"{what}: id must be a lowercase slug (a-z, 0-9, -)")
            continue
        if source_id in sources:
            report.add(path, line("id"),
                       f"{what}: duplicate source id (first defined at {sources[source_id].location})")
            continue
        ok = True
        if table["title_kind"] not in TITLE_KINDS:
            report.add(path, line("title_kind"), f"{what}: title_kind must be one of {', '.join(TITLE_KINDS)}")
            ok = False
        precision = table["date_precision"]
        if precision not in DATE_PRECISIONS:
            report.add(path, line("date_precision"),
                       f"{what}: date_precision must be one of {', '.join(DATE_PRECISIONS)}")
            ok = False
        date = table.get("date", "")
        date = date.isoformat() if isinstance(date, _dt.date) else date
        if date and not valid_date(date):
            report.add(path, line("date"), f"{what}: date must be a real YYYY-MM-DD, YYYY-MM or YYYY, "
                       "or an interval A/B with A not after B")
            ok = False
        if precision in ("exact", "inferred") and not date:
            report.add(path, line(), f"{what}: a date is required unless date_precision is 'unknown'")
            ok = False
        if precision == "inferred" and not table.get("date_basis", "").strip():
            report.add(path, line(), f"{what}: an inferred date needs date_basis saying what it was inferred from")
            ok = False
        try:
            text_path, text = read_source_text(table["text"], path, parsed.root)
            if pending is not None:
                pending.text_found(path.parent / table["text"], text_path)
        except SourceTextError as error:
            report.add(path, line("text"), f"{what}: {error}")
            ok = False
        else:
            texts.setdefault(source_id, text)
        if not ok:
            continue
        sources[source_id] = Source(
            id=source_id, title=table["title"], title_kind=table["title_kind"], outlet=table["outlet"],
            date=date, date_precision=precision, date_basis=table.get("date_basis", ""),
            language=table["language"], text_path=text_path, text=text, url=table.get("url", ""),
            location=Location.deferred(path, parsed.lines, ("sources", index)),
        )


def _keep_text(table: dict[str, Any], parsed: ParsedFile, texts: dict[str, str]) -> None:
    """The text of a source refused for its keys, if it can be read, so its quotes are checked too."""
    source_id, relative = table.get("id"), table.get("text")
    if isinstance(source_id, str) and isinstance(relative, str) and source_id not in texts:
        try:
            texts[source_id] = read_source_text(relative, parsed.path, parsed.root)[1]
        except SourceTextError:
            pass  # the source's own problems are reported; its quotes cannot be checked


# --- facts --------------------------------------------------------------------
