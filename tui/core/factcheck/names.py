"""Who and where a text names, as the deck knows them: people and places.

A deck names its people and places in its facts: the answers, accepted forms and
wrong options of ``name`` and ``place`` facts. Each is an entity of that kind, and
each of its forms (and a person's surname alone) finds it in a claim or a quote,
so "a different person: Yermak, not Umerov" can be said of any deck.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from tui.core.deck.model import Deck

from .text import Word, read_words

_TITLES = frozenset({"president", "general", "gen", "minister", "secretary", "mr", "mrs", "ms", "dr",
                     "sir", "the", "a", "of", "state", "us", "former", "deputy", "defence", "foreign"})
_KINDS = {"name": "person", "place": "place"}


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity named in a text: its display name, its kind, and the words naming it."""

    name: str
    kind: str  # "person" (any named one: people, bodies, outlets) or "place"
    start: int  # index of the first word in the text's words
    end: int  # exclusive


class NameFinder:
    """Every person and place form of a deck (from its name and place facts), longest first,
    to find mentions in word sequences. Parties (countries, governments) are the deck's
    declared [[entities]], compared by `contrast.Contrast`."""

    def __init__(self, deck: Deck):
        forms: dict[tuple[str, ...], tuple[str, str]] = {}
        surnames: dict[tuple[str, ...], set[tuple[str, str]]] = {}
        for fact in deck.facts:
            kind = _KINDS.get(fact.kind)
            if kind is None:
                continue
            for group, texts in ((fact.answer, (fact.answer, *fact.aliases)),
                                 *((d, (d,)) for d in fact.distractors)):
                for text in texts:
                    roots = tuple(w.root for w in read_words(text) if w.root not in _TITLES)
                    if not roots or any(r.startswith("#") for r in roots):
                        continue
                    forms.setdefault(roots, (group, kind))
                    if kind == "person" and len(roots) > 1:
                        surnames.setdefault(roots[-1:], set()).add((group, kind))
        for roots, owners in surnames.items():
            if len(owners) == 1 and roots not in forms:
                forms[roots] = next(iter(owners))
        self._forms = forms
        self._longest = max((len(r) for r in forms), default=0)

    def mentions(self, words: Sequence[Word]) -> list[Mention]:
        """The people and places named in ``words``, left to right, longest form first at each place."""
        found: list[Mention] = []
        i = 0
        roots = [w.root for w in words]
        while i < len(roots):
            for size in range(min(self._longest, len(roots) - i), 0, -1):
                hit = self._forms.get(tuple(roots[i:i + size]))
                if hit is not None:
                    found.append(Mention(hit[0], hit[1], i, i + size))
                    i += size
                    break
            else:
                i += 1
        return found

    def role_of_another(self, claim: Sequence[Word], parts: Sequence[Sequence[Word]],
                        parties: Sequence[str | None]) -> tuple[str, str, list[int]] | None:
        """(the claim's person, the one the evidence gives the claim's title to, the title's word
        indices in the claim) when the two people differ.

        "Vladimir Medinsky is Russia's Deputy Defence Minister" against "a delegation led by
        presidential adviser Vladimir Medinsky and Deputy Defence Minister Alexander Fomin": the
        title stands right before Fomin's name, so the quote gives it to him, not to Medinsky."""
        people = [m for m in self.mentions(claim) if m.kind == "person"]
        if len({m.name for m in people}) != 1:
            return None
        person = people[0].name
        inside = {k for m in people for k in range(m.start, m.end)}
        at = [k for k, w in enumerate(claim) if k not in inside and not parties[k] and w.content
              and w.value is None and k > 0 and w.text[:1].isupper()]
        title = {claim[k].root for k in at}
        if not title:
            return None
        holders: set[str] = set()
        for words in parts:
            for m in self.mentions(words):
                if m.kind == "person" and title <= _title_before(words, m.start):
                    holders.add(m.name)
        if holders and person not in holders:
            return person, sorted(holders)[0], at
        return None


def _title_before(words: Sequence[Word], start: int) -> set[str]:
    """Roots of the capitalised words right before a name ("Deputy Defence Minister" Alexander Fomin)."""
    found: set[str] = set()
    k = start - 1
    while k >= 0 and words[k].text[:1].isupper() and words[k].value is None:
        found.add(words[k].root)
        k -= 1
    return found
