"""Loading a deck: parse TOML files, check them against the format, verify every quote.

All problems are collected and reported together, one per line, as
`file:line: message` (`file:line:col:` for TOML syntax errors). Nothing in a deck
is ever executed: tomli only parses data.

A large deck is mostly clean facts, so each fact first takes a fast path (its
table's shape checked once per shape, its rules in one expression, no line
numbers); only a fact that fails it is diagnosed key by key, with lines.
"""

from __future__ import annotations

import gc
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from tui.core.deck.model import (
    ANSWER_KINDS, Citation, Deck, Entity, Fact, Location, Source,
    UnsourcedClaim, fast_constructor,
)
from tui.core.deck.declarations import declared_date_order, load_entities
from tui.core.deck.asks import load_asks
from tui.core.deck.drafts import check_proposals, proposal
from tui.core.deck.files import ParsedFile, deck_files, parse_file
from tui.core.deck.quotes import QuoteFinder
from tui.core.deck.schema import (
    CITATION, CLAIM, DECK, FACT, SLUG, TOP_LEVEL_KEYS, DeckProblems, Problem, Report, ShapeChecker,
    check_table, describe, is_table_list, well_formed,
)
from tui.core.deck.sources import load_sources

if TYPE_CHECKING:
    from tui.core.deck.cache import DeckCache, PendingEntry

__all__ = ["DeckProblems", "Problem", "deck_files", "load_deck"]

_CHECKABLE = re.compile(r"[^\W_]").search  # a letter or digit: an answer of only "?" can never be given
_ANSWER_KINDS = frozenset(ANSWER_KINDS)
_new_fact = fast_constructor(Fact)
_new_citation = fast_constructor(Citation)


def _fact_is_clean(table: dict[str, Any], facts: dict[str, Fact]) -> bool:
    """The fact's own rules in one pass, for a well-formed table; False means diagnose it."""
    fact_id = table["id"]
    questions = table["questions"]
    return bool(
        SLUG.match(fact_id) and fact_id not in facts and table["kind"] in _ANSWER_KINDS
        and table["statement"].strip() and _CHECKABLE(table["answer"])
        and questions and "" not in map(str.strip, questions)
        and (not table.get("disputed") or table.get("dispute_note", "").strip())
    )


def _report_fact(parsed: ParsedFile, index: int, table: dict[str, Any],
                 facts: dict[str, Fact], report: Report) -> bool:
    """Report each of the fact's own problems, with its line; True if it had none."""
    path, entry, what = parsed.path, parsed.entry("facts", index), f"fact '{table['id']}'"
    fact_id = table["id"]
    ok = True
    if not SLUG.match(fact_id):
        report.add(path, entry.key_line("id"), f"{what}: id must be a lowercase slug (a-z, 0-9, -)")
        ok = False
    elif fact_id in facts:
        report.add(path, entry.key_line("id"),
                   f"{what}: duplicate fact id (first defined at {facts[fact_id].location})")
        ok = False
    if table["kind"] not in _ANSWER_KINDS:
        report.add(path, entry.key_line("kind"), f"{what}: kind must be one of {', '.join(ANSWER_KINDS)}")
        ok = False
    for key in ("statement", "answer"):
        if not table[key].strip():
            report.add(path, entry.key_line(key), f"{what}: '{key}' is empty")
            ok = False
    if table["answer"].strip() and not _CHECKABLE(table["answer"]):
        report.add(path, entry.key_line("answer"), f"{what}: 'answer' has no letter or digit, so no answer could match it")
        ok = False
    if not table["questions"] or not all(q.strip() for q in table["questions"]):
        report.add(path, entry.key_line("questions"), f"{what}: needs at least one non-empty question")
        ok = False
    if table.get("disputed") and not table.get("dispute_note", "").strip():
        report.add(path, entry.key_line("disputed"),
                   f"{what}: a disputed fact needs a dispute_note naming the sources and what each says")
        ok = False
    return ok


def _citations(parsed: ParsedFile, index: int, table: dict[str, Any],
               quotes: QuoteFinder) -> tuple[Citation, ...] | None:
    """The fact's citations, each quote found; None if any citation has a problem (diagnose it)."""
    path, lines = parsed.path, parsed.lines
    made = []
    for number, cited in enumerate(table["citations"]):
        source_id, quote = cited.get("source"), cited.get("quote")
        # Exactly the two keys, both strings: the citation schema, in one line.
        if len(cited) != 2 or type(source_id) is not str or type(quote) is not str:
            return None
        try:
            span = quotes.find(source_id, quote)
        except KeyError:  # an unknown source
            return None
        if span is None:
            return None
        made.append(_new_citation(source_id, quote, span[0], span[1],
                                  Location.deferred(path, lines, ("facts", index, "citations", number, quote))))
    return tuple(made) if made else None


def _report_citations(
    parsed: ParsedFile, index: int, table: dict[str, Any],
    texts: dict[str, str], quotes: QuoteFinder, report: Report, unusable: set[str],
) -> None:
    """Report each problem of the fact's citations, with its line (none for `unusable` sources:
    their own problems are reported already). `texts`: every source text that could be read."""
    path, lines = parsed.path, parsed.lines
    what = describe("fact", table, index)
    if not table["citations"]:
        report.add(path, parsed.entry("facts", index).key_line("citations"), f"{what}: needs at least one citation")
        return
    for number, cited in enumerate(table["citations"]):
        entry = lines.child_entry(parsed.entry("facts", index), "citations", number, str(cited.get("quote", "")))
        if not well_formed(cited, CITATION):
            check_table(report, path, entry, cited, CITATION, f"{what}, citation {number + 1}")
            continue
        source_id, quote = cited["source"], cited["quote"]
        if source_id in unusable:
            continue
        if source_id not in texts:
            known = ", ".join(sorted(texts)) or "none"
            report.add(path, entry.key_line("source"), f"{what}: cites unknown source '{source_id}' (known: {known})")
            continue
        if not quote.strip():
            report.add(path, entry.key_line("quote"), f"{what}: quote is empty")
        elif quotes.find(source_id, quote) is None:
            normalized = quotes.normalized(source_id)
            passage, score = normalized.closest_passage(quote, texts[source_id])
            hint = f'; closest passage ({score:.0f}% alike): "{" ".join(passage.split())}"' if passage else ""
            if score == 100:  # all there, but cut out of longer words
                hint = f'; quote whole words, as in: "{" ".join(passage.split())}"'
            report.add(path, entry.key_line("quote"), f"{what}: quote not found in source '{source_id}'{hint}")


def _quotes_by_source(parsed_files: list[ParsedFile]) -> dict[str, list[str]]:
    """Every quote the deck's facts appear to cite, by source, to search a source at a time."""
    by_source: dict[str, list[str]] = {}
    for parsed in parsed_files:
        for table in parsed.data.get("facts", ()):
            cited_list = table.get("citations")
            if type(cited_list) is not list:
                continue
            for cited in cited_list:
                if type(cited) is dict:
                    source_id, quote = cited.get("source"), cited.get("quote")
                    if type(source_id) is str and type(quote) is str:
                        quotes = by_source.get(source_id)
                        if quotes is None:
                            quotes = by_source[source_id] = []
                        quotes.append(quote)
    return by_source


def _load_facts(
    parsed: ParsedFile, report: Report, texts: dict[str, str],
    quotes: QuoteFinder, facts: dict[str, Fact], fact_shape: ShapeChecker, unusable: set[str],
    drafts: dict[str, tuple[str, str]],
) -> None:
    """Load each fact of the file; `drafts` gets each draft's id -> (its proposal, the fact it names)."""
    path, lines = parsed.path, parsed.lines
    for index, table in enumerate(parsed.data.get("facts", [])):
        if not fact_shape(table):
            check_table(report, path, parsed.entry("facts", index), table, FACT, describe("fact", table, index))
            # One pass: the quotes of a fact with a mistyped key are checked all the same.
            if is_table_list(table.get("citations")):
                _report_citations(parsed, index, table, texts, quotes, report, unusable)
            continue
        ok = _fact_is_clean(table, facts) or _report_fact(parsed, index, table, facts, report)
        citations = _citations(parsed, index, table, quotes)
        if citations is None:
            _report_citations(parsed, index, table, texts, quotes, report, unusable)
        asks = load_asks(parsed, index, table, citations or (), report, _new_fact)
        if citations is None or not ok or asks is None:
            continue
        if table.get("draft"):
            drafts[table["id"]] = proposal(table)
        elif "corroborates" in table or "disputes" in table:
            report.add(path, parsed.entry("facts", index).line,
                       f"fact '{table['id']}': 'corroborates' and 'disputes' are only for drafts (draft = true)")
            continue
        get = table.get
        fact_id = table["id"]
        facts[fact_id] = _new_fact(  # Fact's fields, in order
            fact_id, table["statement"], tuple(table["questions"]), table["answer"], table["kind"], citations,
            tuple(get("aliases", ())), float(get("tolerance", 0)), get("approximate", False), get("unit", ""),
            tuple(get("tags", ())), tuple(get("distractors", ())), tuple(get("false_claims", ())),
            get("disputed", False), get("dispute_note", ""), get("note", ""),
            Location.deferred(path, lines, ("facts", index)), asks, fact_id, get("ordered", False),
        )


# --- claims and the top level ---------------------------------------------------

def _load_claims(parsed: ParsedFile, report: Report, claims: dict[str, UnsourcedClaim]) -> None:
    for index, table in enumerate(parsed.data.get("not_in_sources", [])):
        what = describe("not-in-sources claim", table, index)
        if not well_formed(table, CLAIM):
            check_table(report, parsed.path, parsed.entry("not_in_sources", index), table, CLAIM, what)
            continue
        entry = parsed.entry("not_in_sources", index)
        if not SLUG.match(table["id"]):
            report.add(parsed.path, entry.key_line("id"), f"{what}: id must be a lowercase slug (a-z, 0-9, -)")
            continue
        if table["id"] in claims:
            report.add(parsed.path, entry.key_line("id"),
                       f"{what}: duplicate id (first defined at {claims[table['id']].location})")
            continue
        if not table["claim"].strip():
            report.add(parsed.path, entry.key_line("claim"), f"{what}: 'claim' is empty")
            continue
        claims[table["id"]] = UnsourcedClaim(
            table["id"], table["claim"], tuple(table.get("tags", ())), table.get("note", ""),
            Location.deferred(parsed.path, parsed.lines, ("not_in_sources", index)))


def _check_top_level(parsed: ParsedFile, report: Report) -> None:
    lines = parsed.lines  # asked only when there is a problem
    for key, value in parsed.data.items():
        if key not in TOP_LEVEL_KEYS:
            report.add(parsed.path, lines.top_level_line(key),
                       f"unknown top-level key '{key}' (known: {', '.join(sorted(TOP_LEVEL_KEYS))})")
        elif key == "deck":
            if not isinstance(value, dict):
                report.add(parsed.path, lines.top_level_line(key), "'deck' must be a table")
            elif not well_formed(value, DECK):
                check_table(report, parsed.path, lines.top_level_entry(key), value, DECK, "[deck]")
        elif not is_table_list(value):
            report.add(parsed.path, lines.top_level_line(key), f"'{key}' must be an array of tables ([[{key}]])")
    for key in TOP_LEVEL_KEYS - {"deck"}:
        if key in parsed.data and not is_table_list(parsed.data[key]):
            parsed.data[key] = []


# --- the whole deck ---------------------------------------------------------------

Progress = Callable[[int, int], None]


def load_deck(paths: Iterable[Path | str], progress: Progress | None = None, *, complete: bool = True,
              cache: DeckCache | None = None) -> Deck:
    """Load, validate and verify a deck from files and folders.

    Returns a `Deck` in which every citation's quote was found in its source text
    (with its span recorded). Raises `DeckProblems` listing every problem found.
    `progress(done, total)`, if given, is called as the work advances (twice per
    file: parsed, then its facts verified), e.g. to drive a progress bar. `complete=False`
    accepts a deck still being made, with no source or no fact yet (every other rule holds).
    With a `cache`, a complete deck whose files are all unchanged since it was last loaded
    comes from the cache; any other is loaded in full and stored (a deck with problems
    never is, so its problems are reported every time).
    """
    paths = [Path(p) for p in paths]
    # The deck is built of acyclic objects, hundreds of thousands of them for a
    # large deck: the cyclic collector would only re-scan them again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        if not complete:
            cache = None  # a deck still being made is checked by other rules: never cached
        cached = cache.load(paths) if cache is not None else None
        if cached is not None:
            return cached
        pending = cache.start(paths) if cache is not None else None
        deck = _load_deck(paths, progress or _no_progress, complete, pending)
        if pending is not None:
            pending.store(deck)
        return deck
    finally:
        if collecting:
            gc.enable()


def _no_progress(done: int, total: int) -> None:
    pass


def _load_deck(paths: list[Path], progress: Progress, complete: bool, pending: PendingEntry | None) -> Deck:
    report = Report()
    files = deck_files(paths, report)
    total = 2 * len(files)
    parsed_files = []
    for done, (path, root) in enumerate(files.items(), 1):
        parsed = parse_file(path, root, report)
        if parsed is not None:
            parsed_files.append(parsed)
        progress(done, total)
    try:
        return _assemble(parsed_files, report, progress, len(files), complete, pending)
    finally:
        # Lines not asked for by now are found again from the files if ever asked for.
        for parsed in parsed_files:
            if pending is not None:
                pending.read(parsed.path, parsed.lines.text)
            parsed.lines.release()


def _assemble(parsed_files: list[ParsedFile], report: Report, progress: Progress, file_count: int,
              complete: bool, pending: PendingEntry | None) -> Deck:
    for parsed in parsed_files:
        _check_top_level(parsed, report)
    sources: dict[str, Source] = {}
    texts: dict[str, str] = {}
    for parsed in parsed_files:
        load_sources(parsed, report, sources, texts, pending)
    # Sources declared but whose text could not be read: citing them is no further problem.
    unusable = {table["id"] for parsed in parsed_files for table in parsed.data.get("sources", ())
                if isinstance(table.get("id"), str)} - texts.keys()
    quotes = QuoteFinder(texts)
    quotes.find_all(_quotes_by_source(parsed_files))
    fact_shape = ShapeChecker(FACT)
    facts: dict[str, Fact] = {}
    drafts: dict[str, tuple[str, str]] = {}
    claims: dict[str, UnsourcedClaim] = {}
    title = next((p.data["deck"].get("title", "") for p in parsed_files
                  if isinstance(p.data.get("deck"), dict) and p.data["deck"].get("title")), "")
    date_order = declared_date_order(parsed_files, report)
    entities: dict[str, Entity] = {}
    entity_forms: dict[str, str] = {}
    for parsed in parsed_files:
        load_entities(parsed, report, entities, entity_forms)
    total = 2 * file_count
    for done, parsed in enumerate(parsed_files, file_count + 1):
        _load_facts(parsed, report, texts, quotes, facts, fact_shape, unusable, drafts)
        _load_claims(parsed, report, claims)
        # The parsed tables are done with: free them while the deck grows, to lower the peak.
        parsed.data = {}
        progress(done, total)
    progress(total, total)

    if parsed_files and not report.problems and complete:
        if not sources:
            report.add(parsed_files[0].path, 1, "the deck declares no [[sources]]")
        if not facts:
            report.add(parsed_files[0].path, 1, "the deck declares no [[facts]]")
    check_proposals(drafts, facts, report)
    if report.problems:
        raise DeckProblems(report.problems)
    return Deck(title=title or "factdrill deck", sources=sources,
                facts=tuple(f for f in facts.values() if f.id not in drafts),
                unsourced_claims=tuple(claims.values()),
                drafts=tuple(f for f in facts.values() if f.id in drafts),
                draft_links={i: link for i, link in drafts.items() if link[0]},
                entities=tuple(entities.values()), date_order=date_order)
