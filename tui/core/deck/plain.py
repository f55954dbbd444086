"""A verified deck as plain data (tuples, strings, numbers: what marshal stores) and back.

Read from the model's own field declarations, so a field added to a fact or a deck is
carried without anyone remembering to: a field of plain values as it is, a source text's
`Path` as a string, a `Location` as (file number, entry key or line), a tuple of model
objects (a fact's citations, its asks, the deck's facts, drafts, claims...) field by field,
the deck's sources by id. A value of any other kind fails `marshal.dumps`, and the deck is
then not cached (never stored wrongly). `SHAPE` names every field of every model class:
the cache's header carries it, so an entry written by another shape of the model is a miss.
"""

from __future__ import annotations

import re
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any, Callable

from tui.core.deck import model
from tui.core.deck.model import Deck, Location, fast_constructor
from tui.core.deck.tomlpos import FileLines

__all__ = ["SHAPE", "deck_from_plain", "deck_to_plain"]

# Every dataclass of the model, by name, that a field may hold (the Deck itself is the root).
_MODELS = {name: cls for name, cls in vars(model).items()
           if isinstance(cls, type) and is_dataclass(cls) and cls is not Deck and cls.__module__ == model.__name__}
_MANY = re.compile(r"""^tuple\[["']?(\w+)["']?, \.\.\.\]$""")  # tuple[Fact, ...], tuple["Fact", ...]
_BY_ID = re.compile(r"""^Mapping\[str, ["']?(\w+)["']?\]$""")  # Mapping[str, Source]


def _kind(annotation: str) -> tuple[str, str]:
    """How a field is stored, from its declared type: (kind, model class name or "")."""
    if annotation.replace(" ", "") in ("Location|None", "Optional[Location]"):
        return ("location", "")
    if annotation == "Path":
        return ("path", "")
    many = _MANY.match(annotation)
    if many and many.group(1) in _MODELS:
        return ("many", many.group(1))
    by_id = _BY_ID.match(annotation)
    if by_id and by_id.group(1) in _MODELS:
        return ("by_id", by_id.group(1))
    if annotation.startswith("Mapping"):
        return ("mapping", "")
    return ("plain", "")


def _plan(cls: type) -> list[tuple[str, str, str]]:
    """(field name, kind, model name) for each field given to the constructor, in order."""
    return [(f.name, *_kind(str(f.type))) for f in fields(cls) if f.init]


_PLANS = {name: _plan(cls) for name, cls in {**_MODELS, "Deck": Deck}.items()}
SHAPE = repr(sorted((name, tuple(plan)) for name, plan in _PLANS.items()))


# --- to plain data -------------------------------------------------------------------------

def deck_to_plain(deck: Deck) -> tuple:
    """The deck as (deck files, the deck's fields), every value plain."""
    numbers: dict[Path, int] = {}

    def place(location: Location | None) -> tuple | None:
        if location is None:
            return None
        number = numbers.setdefault(location.path, len(numbers))
        key = location._key if location._finder is not None else None  # noqa: SLF001 (the model's own shape)
        return (number, key) if key is not None else (number, location.line)

    encoders: dict[str, Callable[[Any], tuple]] = {}

    def encoder(name: str) -> Callable[[Any], tuple]:
        if name not in encoders:
            steps = [(field, _to_plain_step(kind, model_name, place, encoder)) for field, kind, model_name in
                     _PLANS[name]]
            encoders[name] = lambda obj: tuple(step(getattr(obj, field)) for field, step in steps)
        return encoders[name]

    fields_ = encoder("Deck")(deck)
    return (tuple(str(path) for path in numbers), fields_)


def _to_plain_step(kind: str, model_name: str, place: Callable, encoder: Callable) -> Callable[[Any], Any]:
    if kind == "location":
        return place
    if kind == "path":
        return str
    if kind == "many":
        return lambda values: tuple(map(encoder(model_name), values))
    if kind == "by_id":
        return lambda mapping: tuple(map(encoder(model_name), mapping.values()))
    if kind == "mapping":
        return dict
    return lambda value: value


# --- back to a deck ---------------------------------------------------------------------------

def deck_from_plain(plain: tuple) -> Deck:
    """The deck `deck_to_plain` gave (its locations find their lines from the files when asked)."""
    files, deck_fields = plain
    paths = [Path(name) for name in files]
    finders = []
    for path in paths:
        finder = FileLines(path, "")
        finder.release()  # a line is found from the file when first asked for, as after a full load
        finders.append(finder)
    deferred = Location.deferred

    def place(where: tuple | None) -> Location | None:
        if where is None:
            return None
        number, key = where
        if type(key) is int:
            return Location(paths[number], key)
        return deferred(paths[number], finders[number], key)

    builders: dict[str, Callable[[tuple], Any]] = {}

    def builder(name: str) -> Callable[[tuple], Any]:
        if name not in builders:
            builders[name] = _builder(name, place, builder)
        return builders[name]

    names = [field for field, _, _ in _PLANS["Deck"]]
    steps = _steps("Deck", place, builder)
    return Deck(**{name: value if step is None else step(value)
                   for name, step, value in zip(names, steps, deck_fields, strict=True)})


def _steps(name: str, place: Callable, builder: Callable) -> list[Callable[[Any], Any]]:
    steps = []
    for field, kind, model_name in _PLANS[name]:
        if kind == "location":
            steps.append(place)
        elif kind == "path":
            steps.append(Path)
        elif kind == "many":  # the builder is looked up when used: a fact's asks are facts
            steps.append(lambda values, of=model_name: tuple(map(builder(of), values)))
        elif kind == "by_id":
            steps.append(lambda values, of=model_name: {made.id: made for made in map(builder(of), values)})
        elif kind == "mapping":
            steps.append(dict)
        else:
            steps.append(None)  # as it is
    return steps


def _builder(name: str, place: Callable, builder: Callable) -> Callable[[tuple], Any]:
    """A constructor of model class `name` from its plain tuple; only its non-plain fields are converted."""
    new = fast_constructor(_MODELS[name])
    special = [(index, step) for index, step in enumerate(_steps(name, place, builder)) if step is not None]
    if not special:
        return lambda values: new(*values)

    def build(values: tuple) -> Any:
        made = list(values)
        for index, step in special:
            made[index] = step(made[index])
        return new(*made)

    return build
