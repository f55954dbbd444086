"""The deck model: immutable sources, facts and claims, as the loader builds them.

Everything downstream (search, checking, quiz, screens) reads these objects and
never mutates them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

ANSWER_KINDS = ("text", "name", "place", "number", "percent", "date", "duration", "list")
DATE_PRECISIONS = ("exact", "inferred", "unknown")
TITLE_KINDS = ("headline", "descriptive")
UNKNOWN_OUTLET = "unknown"

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


@dataclass(frozen=True, slots=True)
class Location:
    """Where something was written: a deck file and a 1-based line."""

    path: Path
    line: int

    def __str__(self) -> str:
        return f"{display_path(self.path)}:{self.line}"


def display_path(path: Path) -> str:
    """Path relative to the working directory when it is below it, else as given."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def format_iso_date(value: str) -> str:
    """'2025-06-02' -> '2 June 2025'; '2025-06' -> 'June 2025'; '2025' -> '2025'.

    An interval 'A/B' becomes 'between A and B'. Unparseable text is returned as is.
    """
    if "/" in value:
        start, _, end = value.partition("/")
        return f"between {format_iso_date(start)} and {format_iso_date(end)}"
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {int(parts[0])}"
    except (ValueError, IndexError):
        return value
    return value


@dataclass(frozen=True, slots=True)
class Source:
    """One stored article and what is known of its provenance."""

    id: str
    title: str
    title_kind: str  # "headline": the article's own; "descriptive": written by the deck's author
    outlet: str  # UNKNOWN_OUTLET when the article does not name it
    date: str  # ISO date, month, year or interval "A/B"; "" when unknown
    date_precision: str  # one of DATE_PRECISIONS
    date_basis: str  # why an inferred date was inferred
    language: str
    text_path: Path
    text: str = field(repr=False)
    url: str = ""
    location: Location | None = None

    @property
    def outlet_known(self) -> bool:
        return self.outlet.strip().lower() != UNKNOWN_OUTLET

    def outlet_label(self) -> str:
        return self.outlet if self.outlet_known else "Outlet unknown"

    def title_label(self) -> str:
        if self.title_kind == "headline":
            return self.title
        return f"{self.title} (no headline; descriptive title)"

    def date_label(self) -> str:
        """The date as a person reads it, with its precision stated when not exact."""
        if self.date_precision == "unknown" or not self.date:
            return "Date unknown"
        shown = format_iso_date(self.date)
        if self.date_precision == "inferred":
            return f"{shown} (inferred: {self.date_basis})" if self.date_basis else f"{shown} (inferred)"
        return shown

    def provenance_line(self) -> str:
        """Outlet, title and date in one line, e.g. for a citation."""
        return f"{self.outlet_label()} · {self.title_label()} · {self.date_label()}"


@dataclass(frozen=True, slots=True)
class Citation:
    """A verbatim quote from a source, and where it sits in the stored text."""

    source_id: str
    quote: str
    start: int  # character offsets into Source.text; end is exclusive
    end: int
    location: Location | None = None

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Fact:
    """One checkable statement, its quiz material and its sources."""

    id: str
    statement: str
    questions: tuple[str, ...]
    answer: str
    kind: str
    citations: tuple[Citation, ...]
    aliases: tuple[str, ...] = ()
    tolerance: float = 0.0
    approximate: bool = False
    unit: str = ""
    tags: tuple[str, ...] = ()
    distractors: tuple[str, ...] = ()
    false_claims: tuple[str, ...] = ()
    disputed: bool = False
    dispute_note: str = ""
    note: str = ""
    location: Location | None = None

    @property
    def question(self) -> str:
        return self.questions[0]

    @property
    def source_ids(self) -> tuple[str, ...]:
        """Distinct cited sources, in citation order."""
        return tuple(dict.fromkeys(c.source_id for c in self.citations))


@dataclass(frozen=True, slots=True)
class UnsourcedClaim:
    """A plausible claim that no source supports or refutes ("Not in the sources")."""

    id: str
    claim: str
    tags: tuple[str, ...] = ()
    note: str = ""
    location: Location | None = None


@dataclass(frozen=True)
class Deck:
    """A verified deck: every citation's quote was found in its source's text."""

    title: str
    sources: Mapping[str, Source]
    facts: tuple[Fact, ...]
    unsourced_claims: tuple[UnsourcedClaim, ...] = ()
    facts_by_id: Mapping[str, Fact] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sources", MappingProxyType(dict(self.sources)))
        object.__setattr__(self, "facts_by_id", MappingProxyType({f.id: f for f in self.facts}))

    def fact(self, fact_id: str) -> Fact:
        return self.facts_by_id[fact_id]

    def source_of(self, citation: Citation) -> Source:
        return self.sources[citation.source_id]

    def corroboration(self, fact: Fact) -> tuple[int, int]:
        """(articles citing the fact, articles in the deck)."""
        return (len(fact.source_ids), len(self.sources))

    def corroboration_label(self, fact: Fact) -> str:
        cited, total = self.corroboration(fact)
        noun = "article" if total == 1 else "articles"
        return f"stated by {cited} of {total} {noun}"

    @property
    def tags(self) -> tuple[str, ...]:
        """Every tag used, in first-use order."""
        return tuple(dict.fromkeys(t for f in self.facts for t in f.tags))

    def facts_citing(self, source_id: str) -> tuple[Fact, ...]:
        return tuple(f for f in self.facts if source_id in f.source_ids)
