"""Deck-wide declarations: the parties answers may name (``[[entities]]``) and how the deck
reads all-numeric dates (``[deck] date_order``). Problems are reported like every other
deck problem, as ``file:line: message``."""

from __future__ import annotations

import re

from tui.core.deck.files import ParsedFile
from tui.core.deck.model import DATE_ORDERS, Entity, Location
from tui.core.deck.schema import ENTITY, SLUG, Report, check_table, describe, well_formed

__all__ = ["declared_date_order", "load_entities"]

_WORD = re.compile(r"[^\W_]+")  # entity forms compare by their words, case aside


def load_entities(parsed: ParsedFile, report: Report, entities: dict[str, Entity],
                   forms: dict[str, str]) -> None:
    """The deck's parties; a form (case and punctuation aside) may name only one of them."""
    for index, table in enumerate(parsed.data.get("entities", [])):
        what = describe("entity", table, index)
        entry = parsed.entry("entities", index)
        if not well_formed(table, ENTITY):
            check_table(report, parsed.path, entry, table, ENTITY, what)
            continue
        entity_id = table["id"]
        if not SLUG.match(entity_id):
            report.add(parsed.path, entry.key_line("id"), f"{what}: id must be a lowercase slug (a-z, 0-9, -)")
            continue
        if entity_id in entities:
            report.add(parsed.path, entry.key_line("id"),
                       f"{what}: duplicate entity id (first defined at {entities[entity_id].location})")
            continue
        ok = bool(table["forms"])
        if not ok:
            report.add(parsed.path, entry.key_line("forms"), f"{what}: needs at least one form")
        for form in table["forms"]:
            key = _key(form)
            if not key:
                report.add(parsed.path, entry.key_line("forms"), f"{what}: form '{form}' has no letter or digit")
                ok = False
            elif forms.get(key, entity_id) != entity_id:
                report.add(parsed.path, entry.key_line("forms"),
                           f"{what}: form '{form}' already names entity '{forms[key]}'")
                ok = False
            elif (owner := _place_owner(key, entities)) is not None:
                report.add(parsed.path, entry.key_line("forms"),
                           f"{what}: form '{form}' is declared a place in entity '{owner}'")
                ok = False
            else:
                forms[key] = entity_id
        ok = _check_places(parsed, report, entry.key_line("places"), table, what, entities, forms) and ok
        if ok:
            entities[entity_id] = Entity(entity_id, tuple(table["forms"]),
                                         Location.deferred(parsed.path, parsed.lines, ("entities", index)),
                                         tuple(table.get("places", ())))


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _place_owner(key: str, entities: dict[str, Entity]) -> str | None:
    """The entity already loaded that declares the place `key`, if any."""
    return next((e.id for e in entities.values() if any(_key(place) == key for place in e.places)), None)


def _check_places(parsed: ParsedFile, report: Report, line: int, table: dict, what: str,
                  entities: dict[str, Entity], forms: dict[str, str]) -> bool:
    """A place lies in one party only, and is no party's form ("Istanbul" is in Turkey; "Ankara"
    names Turkey itself, as its government)."""
    ok = True
    for place in table.get("places", ()):
        key = _key(place)
        if not key:
            problem = f"{what}: place '{place}' has no letter or digit"
        elif key in forms:
            problem = f"{what}: place '{place}' is a form of entity '{forms[key]}', not a place in it"
        elif (owner := _place_owner(key, entities)) is not None:
            problem = f"{what}: place '{place}' already lies in entity '{owner}'"
        else:
            continue
        report.add(parsed.path, line, problem)
        ok = False
    return ok


def declared_date_order(parsed_files: list[ParsedFile], report: Report) -> str:
    """The deck's declared date order: one of DATE_ORDERS, the same in every file that sets it."""
    found = ""
    for parsed in parsed_files:
        deck = parsed.data.get("deck")
        order = deck.get("date_order") if isinstance(deck, dict) else None
        if not isinstance(order, str):
            continue
        line = parsed.lines.top_level_entry("deck").key_line("date_order")
        if order not in DATE_ORDERS:
            report.add(parsed.path, line, f"[deck]: date_order must be one of {', '.join(DATE_ORDERS)}")
        elif found and order != found:
            report.add(parsed.path, line, f"[deck]: date_order '{order}' differs from '{found}' set in another file")
        else:
            found = order
    return found
