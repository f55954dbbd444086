"""A fact's further asks (`[[facts.asks]]`): checked against the format and built as Facts.

An ask is one more question about a fact, with its own answer, kind, aliases and
distractors; it cites the fact's quotes and shares its statement, tags and dispute.
Its id is `<fact id>#<ask id>`, stable, so progress can be kept per ask.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Callable

from tui.core.deck.files import ParsedFile
from tui.core.deck.model import ANSWER_KINDS, Citation, Fact, Location
from tui.core.deck.schema import ASK, SLUG, Report, check_table, well_formed

__all__ = ["ASK_SEPARATOR", "load_asks"]

ASK_SEPARATOR = "#"
_CHECKABLE = re.compile(r"[^\W_]").search
_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> str:
    """Casefolded words without accents, space-separated and padded, for whole-word containment."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    return " " + " ".join(_WORD.findall(plain)) + " "


def gives_away(question: str, answers: tuple[str, ...]) -> str | None:
    """The first answer or alias that the question contains as whole words, if any."""
    asked = _words(question)
    return next((a for a in answers if _words(a).strip() and _words(a) in asked), None)


def _problems(ask: dict[str, Any], seen: set[str]) -> list[tuple[str | None, str]]:
    """(key, message) for each of an ask's own problems; the key's line is where it is reported."""
    problems: list[tuple[str | None, str]] = []
    ask_id = ask["id"]
    if not SLUG.match(ask_id):
        problems.append(("id", "id must be a lowercase slug (a-z, 0-9, -)"))
    elif ask_id in seen:
        problems.append(("id", "duplicate ask id within this fact"))
    if ask["kind"] not in ANSWER_KINDS:
        problems.append(("kind", f"kind must be one of {', '.join(ANSWER_KINDS)}"))
    if not ask["question"].strip():
        problems.append(("question", "'question' is empty"))
    if not _CHECKABLE(ask["answer"]):
        problems.append(("answer", "'answer' has no letter or digit, so no answer could match it"))
    else:
        shown = gives_away(ask["question"], (ask["answer"], *ask.get("aliases", ())))
        if shown is not None:
            problems.append(("question", f"the question gives away its answer ('{shown}')"))
    return problems


def load_asks(
    parsed: ParsedFile, index: int, table: dict[str, Any], citations: tuple[Citation, ...],
    report: Report, new_fact: Callable[..., Fact],
) -> tuple[Fact, ...] | None:
    """The asks of fact `index` of `parsed` (whose table is `table`), built with `new_fact`
    over the fact's `citations`; None when any has a problem (each reported with its line)."""
    tables = table.get("asks")
    if not tables:
        return ()
    path, lines = parsed.path, parsed.lines
    fact_id = table["id"]
    made: list[Fact] = []
    seen: set[str] = set()
    usable = True
    for number, ask in enumerate(tables):
        hint = f'id = "{ask.get("id", "")}"'

        def entry(number: int = number, hint: str = hint):  # only a problem needs its line
            return lines.child_entry(parsed.entry("facts", index), "asks", number, hint)

        what = f"fact '{fact_id}', ask " + (f"'{ask['id']}'" if isinstance(ask.get("id"), str) else f"#{number + 1}")
        if not well_formed(ask, ASK):
            check_table(report, path, entry(), ask, ASK, what)
            usable = False
            continue
        problems = _problems(ask, seen)
        for key, message in problems:
            report.add(path, entry().key_line(key) if key else entry().line, f"{what}: {message}")
        if problems:
            usable = False
            continue
        seen.add(ask["id"])
        get = ask.get
        made.append(new_fact(  # Fact's fields, in order
            f"{fact_id}{ASK_SEPARATOR}{ask['id']}", table["statement"], (ask["question"],), ask["answer"],
            ask["kind"], citations, tuple(get("aliases", ())), float(get("tolerance", 0)),
            get("approximate", False), get("unit", ""), tuple(table.get("tags", ())), tuple(get("distractors", ())),
            (), table.get("disputed", False), table.get("dispute_note", ""), table.get("note", ""),
            Location.deferred(path, lines, ("facts", index, "asks", number, hint)), (), fact_id,
            get("ordered", False),
        ))
    return tuple(made) if usable else None
