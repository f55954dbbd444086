"""The deck model: immutable sources, facts and claims, as the loader builds them.

Everything downstream (search, checking, quiz, screens) reads these objects and
never mutates them.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, dataclass, field, fields
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Hashable, Mapping, Protocol, TypeVar

ANSWER_KINDS = ("text", "name", "place", "number", "percent", "money", "date", "duration", "list")
DATE_PRECISIONS = ("exact", "inferred", "unknown")
TITLE_KINDS = ("headline", "descriptive")
UNKNOWN_OUTLET = "unknown"

_Frozen = TypeVar("_Frozen")

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


class LineFinder(Protocol):
    def line_of(self, key: Hashable) -> int: ...


class Location:
    """Where something was written: a deck file and a 1-based line.

    The loader records most locations deferred — a finder and the entry's key —
    because nothing needs the line of a clean fact until someone asks, and
    finding every line up front would cost a large deck a scan of its text.
    """

    __slots__ = ("path", "_line", "_finder", "_key")

    def __init__(self, path: Path, line: int):
        _set_path(self, path)
        _set_line(self, line)
        _set_finder(self, None)

    @classmethod
    def deferred(cls, path: Path, finder: LineFinder, key: Hashable) -> "Location":
        """A location whose line `finder.line_of(key)` gives when first read."""
        location = _new(cls)
        _set_path(location, path)
        _set_finder(location, finder)
        _set_key(location, key)
        return location

    @property
    def line(self) -> int:
        finder = self._finder
        if finder is not None:
            _set_line(self, finder.line_of(self._key))
            _set_finder(self, None)
            _set_key(self, None)
        return self._line

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Location):
            return NotImplemented
        return self.path == other.path and self.line == other.line

    def __hash__(self) -> int:
        return hash((self.path, self.line))

    def __reduce__(self) -> tuple[type, tuple[Path, int]]:  # copy and pickle the resolved line
        return (Location, (self.path, self.line))

    def __repr__(self) -> str:
        return f"Location(path={self.path!r}, line={self.line!r})"

    def __str__(self) -> str:
        return f"{display_path(self.path)}:{self.line}"


# Location is immutable to its users; these set its slots from within.
_new = object.__new__
_set_path = Location.path.__set__  # type: ignore[attr-defined]
_set_line = Location._line.__set__  # type: ignore[attr-defined]
_set_finder = Location._finder.__set__  # type: ignore[attr-defined]
_set_key = Location._key.__set__  # type: ignore[attr-defined]


def display_path(path: Path) -> str:
    """Path relative to the working directory when it is below it, else as given."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # not below it; no working directory; a link loop
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

    def date_label(self, *, with_basis: bool = True) -> str:
        """The date as a person reads it, with its precision stated when not exact.

        `with_basis=False` says only "(inferred)", not what from: that can run to a paragraph.
        """
        if self.date_precision == "unknown" or not self.date:
            return "Date unknown"
        shown = format_iso_date(self.date)
        if self.date_precision == "inferred":
            return f"{shown} (inferred: {self.date_basis})" if with_basis and self.date_basis else f"{shown} (inferred)"
        return shown

    def provenance_line(self, *, with_basis: bool = True) -> str:
        """Outlet, title and date in one line, e.g. for a citation."""
        return f"{self.outlet_label()} · {self.title_label()} · {self.date_label(with_basis=with_basis)}"


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
    """One checkable statement, its quiz material and its sources.

    A fact is also the first of its asks (the questions a quiz can put about it). Its
    further asks (`asks`, from `[[facts.asks]]`) are Facts too: each has its own id
    (`<fact id>#<ask id>`), question, answer, kind, aliases and distractors, and shares
    the fact's statement, citations, tags, dispute and note; `fact_id` names the fact.
    Checking, quizzing and progress work on any ask alike.
    """

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
    asks: tuple["Fact", ...] = ()  # the fact's further asks; () on an ask
    fact_id: str = ""  # the fact this asks about: its own id on a fact
    ordered: bool = False  # the answer's parts must come in this order ("7 to 2", a ranking)

    @property
    def question(self) -> str:
        return self.questions[0]

    @property
    def is_ask(self) -> bool:
        """An ask of another fact, rather than a fact asked from its own side."""
        return bool(self.fact_id) and self.fact_id != self.id

    @property
    def about(self) -> str:
        """The id of the fact this asks about: its own for a fact."""
        return self.fact_id or self.id

    @property
    def source_ids(self) -> tuple[str, ...]:
        """Distinct cited sources, in citation order."""
        return tuple(dict.fromkeys(c.source_id for c in self.citations))


@cache  # one twin class per model class, however many modules ask
def fast_constructor(cls: type[_Frozen]) -> Callable[..., _Frozen]:
    """A positional constructor for the frozen, slotted dataclass `cls`, several times faster.

    A frozen dataclass's __init__ sets each field through object.__setattr__,
    which a loader building hundreds of thousands of facts and citations feels.
    This builds the same object through an unfrozen twin of `cls` — the same
    fields and slots, so the same memory layout — then gives it its class
    (Python allows __class__ assignment between such classes): the result is an
    ordinary, frozen `cls`. Every field must be given, in declaration order.
    """
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    twin = dataclass(slots=True)(type(f"_{cls.__name__}Fields", (), {
        "__annotations__": {name: cls.__annotations__[name] for name in names},
        "__module__": cls.__module__,
    }))
    if twin.__slots__ != cls.__slots__:  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__} is not a slotted dataclass")

    def construct(*values: object) -> _Frozen:
        made = twin(*values)
        made.__class__ = cls
        return made

    return construct


@dataclass(frozen=True, slots=True)
class UnsourcedClaim:
    """A plausible claim that no source supports or refutes ("Not in the sources")."""

    id: str
    claim: str
    tags: tuple[str, ...] = ()
    note: str = ""
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """A party the deck's answers may name (a country, a government, an alliance) and every
    form that names it: "Russia", "Russian", "Moscow", "the Kremlin". An answer naming
    another party than the expected one is wrong. `places` lie in the party's country: a
    place answer put in another party's ("Istanbul, Russia") is wrong."""

    id: str
    forms: tuple[str, ...]
    location: Location | None = None
    places: tuple[str, ...] = ()


DATE_ORDERS = ("DMY", "MDY", "YMD")  # how the deck reads all-numeric dates such as 02.06.2025


@dataclass(frozen=True)
class Deck:
    """A verified deck: every citation's quote was found in its source's text."""

    title: str
    sources: Mapping[str, Source]
    facts: tuple[Fact, ...]
    unsourced_claims: tuple[UnsourcedClaim, ...] = ()
    entities: tuple[Entity, ...] = ()
    date_order: str = ""  # one of DATE_ORDERS, or "" when the deck declares none
    # Facts marked `draft = true`: verified like facts, never quizzed, searched or browsed until accepted.
    drafts: tuple[Fact, ...] = ()
    # A draft's proposal about an existing fact: draft id -> ("corroborates" | "disputes", fact id).
    draft_links: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    facts_by_id: Mapping[str, Fact] = field(init=False, repr=False)
    asks: tuple[Fact, ...] = field(init=False, repr=False)
    asks_by_id: Mapping[str, Fact] = field(init=False, repr=False)
    # Facts by cited source, made on first use in one pass (Browse by article, an article's facts).
    _by_source: Mapping[str, tuple[Fact, ...]] | None = field(init=False, repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sources", MappingProxyType(dict(self.sources)))
        object.__setattr__(self, "facts_by_id", MappingProxyType({f.id: f for f in self.facts}))
        # Every fact, each followed by its further asks: what a quiz can ask, each with its own id.
        asks = tuple(a for f in self.facts for a in (f, *f.asks)) if any(f.asks for f in self.facts) else self.facts
        object.__setattr__(self, "asks", asks)
        object.__setattr__(self, "asks_by_id", MappingProxyType({a.id: a for a in asks})
                           if asks is not self.facts else self.facts_by_id)

    def fact(self, fact_id: str) -> Fact:
        return self.facts_by_id[fact_id]

    def ask(self, ask_id: str) -> Fact:
        """A fact by its id, or one of its asks by `<fact id>#<ask id>` (KeyError if neither)."""
        return self.asks_by_id[ask_id]

    def fact_of(self, ask: Fact) -> Fact:
        """The fact an ask asks about (a fact is its own)."""
        return self.facts_by_id[ask.about]

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
        """The facts citing the source, in deck order (indexed once for all sources: O(facts))."""
        by_source = self._by_source
        if by_source is None:
            grouped: dict[str, list[Fact]] = {}
            for fact in self.facts:
                for cited in {c.source_id for c in fact.citations}:
                    grouped.setdefault(cited, []).append(fact)
            # Two threads may both build it; either result is the same.
            by_source = MappingProxyType({sid: tuple(facts) for sid, facts in grouped.items()})
            object.__setattr__(self, "_by_source", by_source)
        return by_source.get(source_id, ())
