"""Parties: which a wording names, and in which role — as pure functions over normalised words.

- ``party_clash(expected, given, entities) -> Clash | None``: ``given`` names a party (a
  country, a government, an alliance) that ``expected`` does not, or in another role
  ("Russia's air force" for "Ukraine's air force"; "Ukraine's attacks" for "attacks on
  Ukraine"). Forms of one party (Russia, Russian, Russia's, Moscow, the Kremlin) are one
  party. ``Clash.kind`` is ``"party"``. ``parties_clash`` and ``echoed_parties`` are its parts.
- ``Entities``: a deck's parties (``[[entities]]``); ``Entities.of([(id, forms), ...])``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence, Set
from dataclasses import dataclass, field

from tui.core.checking.contradiction import Clash
from tui.core.checking.normalize import tokens

__all__ = ["OWNER", "TARGET", "Entities", "Mention", "echoed_parties", "parties_clash", "party_clash"]


OWNER, TARGET = "owner", "target"  # a party's role in an answer: whose, or on whom
Mention = tuple[str, str]  # (party id, role)
# A party after these is acted upon or served ("attacks on Ukraine", "reparations for Ukraine");
# after "from" or "by", or as a possessive or adjective, it is the one acting or owning.
_TARGET_WORDS = frozenset({"on", "against", "to", "into", "at", "in", "upon", "toward", "towards", "for"})


@dataclass(frozen=True, slots=True)
class Entities:
    """A deck's parties and the word sequences that name them.

    ``forms`` maps a tuple of normalised words to a party id. A possessive of each form
    ("russias", "kremlins") names the same party.
    """

    names: dict[str, str] = field(default_factory=dict)  # party id -> its first form, for messages
    forms: dict[tuple[str, ...], str] = field(default_factory=dict)
    longest: int = 0

    @classmethod
    def of(cls, declared: Iterable[tuple[str, Sequence[str]]]) -> "Entities":
        """Entities from ``(id, forms)`` pairs as a deck declares them; later duplicates of a form are ignored."""
        names: dict[str, str] = {}
        forms: dict[tuple[str, ...], str] = {}
        for party, texts in declared:
            for text in texts:
                ws = tuple(w for w in tokens(text) if w != "the")
                if not ws:
                    continue
                names.setdefault(party, text)
                forms.setdefault(ws, party)
                # The possessive: "Russia's" -> "russias"; "U.S.'s" -> "uss", "Brussels's" too.
                forms.setdefault((*ws[:-1], ws[-1] + "s"), party)
        return cls(names, forms, max((len(k) for k in forms), default=0))

    def __bool__(self) -> bool:
        return bool(self.forms)

    def named_in(self, ws: Sequence[str]) -> dict[str, str]:
        """The parties ``ws`` names, each with the words that named it first (longest form wins)."""
        found: dict[str, str] = {}
        for party, said, _ in self._scan(ws):
            if party:
                found.setdefault(party, said)
        return found

    def mentions(self, ws: Sequence[str]) -> frozenset[Mention]:
        """(party, role) of each party ``ws`` names: ``target`` after "on", "against", "to",
        "from", "in"... ("attacks on Ukraine"), else ``owner`` ("Ukraine's", "Ukrainian")."""
        return frozenset((party, role) for party, _, role in self._scan(ws) if party)

    def neighbours(self, ws: Sequence[str]) -> Iterator[tuple[str, str, str]]:
        """(party, the word before it, the word after it) for each party named ("" at an end)."""
        units = list(self._scan(ws))
        for i, (party, _, _) in enumerate(units):
            if party:
                yield (party, units[i - 1][1] if i else "", units[i + 1][1] if i + 1 < len(units) else "")

    def canonical(self, ws: Sequence[str]) -> list[str]:
        """``ws`` with each party's words replaced by one token ``@id``: "moscows missile
        attacks" and "russian missile attacks" both give ["@russia", "missile", "attacks"]."""
        return [f"@{party}" if party else said for party, said, _ in self._scan(ws)]

    def _scan(self, ws: Sequence[str]) -> Iterator[tuple[str, str, str]]:
        """(party, its words, role) for each party named, ("", word, "") for every other word."""
        ws = [w for w in ws if w != "the"]
        i = 0
        while i < len(ws):
            for size in range(min(self.longest, len(ws) - i), 0, -1):
                party = self.forms.get(tuple(ws[i:i + size]))
                if party is not None:
                    role = TARGET if i and ws[i - 1] in _TARGET_WORDS else OWNER
                    yield party, " ".join(ws[i:i + size]), role
                    i += size
                    break
            else:
                yield "", ws[i], ""
                i += 1


def echoed_parties(given: Sequence[str], source: Sequence[str], entities: Entities) -> frozenset[str]:
    """Parties ``given`` names next to a word ``source`` also has beside that party: the answer
    echoes the question ("... to Ukraine's proposal" -> "Monday, Ukraine's proposal")."""
    beside: dict[str, set[str]] = {}
    for party, before, after in entities.neighbours(source):
        beside.setdefault(party, set()).update((before, after))
    return frozenset(party for party, before, after in entities.neighbours(given)
                     if party in beside and ({before, after} - {""}) & beside[party])


def party_clash(expected: Sequence[str], given: Sequence[str], entities: Entities) -> Clash | None:
    """A party named in ``given`` that ``expected`` does not name in that role, when ``expected``
    names one; else None.

    "ukrainian bombers" for "russian long range bombers" clashes; "moscow" for "the kremlin"
    does not (one party); "bombers" alone does not (it names no party); "ukraine's attacks"
    for "russian attacks on ukraine" clashes (Ukraine is the target, not the attacker).
    """
    if not entities:
        return None
    return parties_clash(entities.mentions(expected), given, entities)


def parties_clash(
    want: Set[Mention], given: Sequence[str], entities: Entities, echo: Set[str] = frozenset(),
) -> Clash | None:
    """``party_clash`` against known (party, role) mentions ``want``; nothing clashes when it is empty.

    A party the answer names in another role than the expected one clashes too: "ukraine's
    attacks" for "russian attacks on ukraine", "reparations for russia" for "reparations from
    russia"; "russian reparations" does not. A party of ``echo`` (the question's words
    echoed, see ``echoed_parties``) is never held against the answer.
    """
    if not want:
        return None
    got = [(party, role) for party, role in entities.mentions(given) if party not in echo]
    parties = {party for party, _ in want}
    stray = [party for party, _ in got if party not in parties]
    if stray:
        return _party_clash(entities, stray[0], parties)
    for party, role in got:
        if (party, role) not in want:
            held = {p for p, r in want if r == role} or parties
            return _party_clash(entities, party, held, role)
    return None


def _party_clash(entities: Entities, party: str, want: Set[str], role: str = "") -> Clash:
    theirs = entities.names[party]
    ours = " and ".join(entities.names[p] for p in sorted(want))
    if party in want:  # the right party, in the other role
        acted = "acted upon" if role == TARGET else "acting"
        return Clash("party", ours, theirs, f"it has {theirs} {acted}, which the answer does not")
    return Clash("party", ours, theirs, f"it names {theirs}, where the answer names {ours}")

