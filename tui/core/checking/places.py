"""Where things are, and what a share is of: a place answer put in another party's country
("Istanbul, Russia", "Siberia in Ukraine") or a share given of another whole ("20% of Russia"
for a fifth of Ukraine) is wrong, however right the rest is.

A deck declares its parties' places (`places = [...]` on an `[[entities]]` entry; see
facts/entities.toml); a share's whole is the party its fact's statement or questions name
right after "of" ("what share of Ukraine's territory").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tui.core.checking.contradiction import Clash
from tui.core.checking.parties import Entities
from tui.core.checking.normalize import tokens

__all__ = ["Places", "misplaced", "wholes_named", "wrong_whole"]


@dataclass(frozen=True, slots=True)
class Places:
    """Declared places, each with the party it lies in: ("istanbul",) -> "turkey"."""

    party_of: dict[tuple[str, ...], str] = field(default_factory=dict)

    @classmethod
    def of(cls, declared: Iterable[tuple[str, Sequence[str]]]) -> "Places":
        """Places from ``(party id, places)`` pairs as a deck declares them."""
        party_of: dict[tuple[str, ...], str] = {}
        for party, places in declared:
            for place in places:
                words = tuple(w for w in tokens(place) if w != "the")
                if words:
                    party_of.setdefault(words, party)
        return cls(party_of)

    def party_of_any(self, forms: Iterable[Sequence[str]]) -> str | None:
        """The party the first of ``forms`` (an answer's accepted forms, as words) that is a declared place lies in."""
        for words in forms:
            party = self.party_of.get(tuple(w for w in words if w != "the"))
            if party is not None:
                return party
        return None


def misplaced(place: str, party: str, given: Sequence[str], entities: Entities, echo: frozenset[str]) -> Clash | None:
    """A party ``given`` names that ``place`` (which lies in ``party``) is not in; parties the
    question's own words bring back (``echo``) aside."""
    stray = next((p for p in entities.named_in(given) if p != party and p not in echo), None)
    if stray is None:
        return None
    theirs, ours = entities.names[stray], entities.names[party]
    return Clash("party", ours, theirs, f"{place} is in {ours}, not {theirs}")


def wholes_named(words: Sequence[str], entities: Entities) -> frozenset[str]:
    """The parties ``words`` name right after "of": the wholes a share is of ("of Ukraine's territory")."""
    return frozenset(party for party, before, _ in entities.neighbours(words) if before == "of")


def wrong_whole(wholes: frozenset[str], given: Sequence[str], entities: Entities) -> Clash | None:
    """A whole ``given`` gives its figure of ("20% of Russia") that is none of the fact's ``wholes``."""
    stray = next((p for p in wholes_named(given, entities) if p not in wholes), None)
    if stray is None or not wholes:
        return None
    theirs = entities.names[stray]
    ours = " and ".join(entities.names[p] for p in sorted(wholes))
    return Clash("party", ours, theirs, f"the figure is of {ours}, not of {theirs}")
