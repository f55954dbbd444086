"""What the checker knows about a whole deck, built once per deck and shared by every fact.

The names people may type (to refuse another name as a typo of this one), the people of
the deck (a rival person's name in an answer contradicts it), given names, the deck's
parties (``Entities``) and its date order. Per fact the checker keeps only what is the
fact's own; nothing here is copied into each prepared fact (a 100,000-fact deck would
otherwise hold 100,000 copies of its name table).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from tui.core.checking.parties import Entities
from tui.core.checking.matching import key_words, spelling_key, words_of
from tui.core.checking.normalize import normalize_answer
from tui.core.checking.places import Places
from tui.core.deck.model import Deck, Fact

__all__ = ["TITLES", "Blocked", "DeckNames", "person"]

NAMED_KINDS = ("name", "place")  # kinds whose words are names: transliteration variants apply
# Words around a name that are not names: never "another person's name", never needed.
TITLES = frozenset({
    "president", "presidents", "general", "gen", "minister", "secretary", "state", "foreign",
    "defence", "defense", "deputy", "prime", "chief", "envoy", "special", "ambassador", "mr",
    "mrs", "ms", "dr", "sir", "lord", "head", "leader", "senator", "chancellor", "king", "queen",
    "pope", "russian", "ukrainian", "turkish", "american", "us", "former", "vice", "colonel", "lt",
    "lieutenant", "admiral", "sen", "rep", "gov", "governor", "spokesman", "spokeswoman", "aide",
})


@dataclass(slots=True)
class DeckNames:
    """The deck-wide name tables (see the module's docstring)."""

    names: frozenset[str] = frozenset()  # key words of every name and place answer, alias and distractor
    people: tuple[tuple[str, frozenset[str], str], ...] = ()  # (person, key words, text) of each person form
    people_words: dict[str, set[str]] = field(default_factory=dict)  # word -> the people whose names use it
    given_names: dict[str, set[str]] = field(default_factory=dict)  # word of a canonical name or distractor -> people
    by_spelling: dict[str, set[str]] = field(default_factory=dict)  # spelling key -> names with it
    entities: Entities = field(default_factory=Entities)
    date_order: str = ""
    forms_of: dict[str, list[str]] = field(default_factory=dict)  # person -> every form any ask gives them
    places: Places = field(default_factory=Places)  # declared places -> the party each lies in

    @classmethod
    def of(cls, deck: Deck | None) -> "DeckNames":
        """The tables of ``deck`` (empty ones for no deck)."""
        if deck is None:
            return cls()
        names: set[str] = set()
        people: list[tuple[str, frozenset[str], str]] = []
        people_words: dict[str, set[str]] = {}
        given_names: dict[str, set[str]] = {}
        forms_of: dict[str, list[str]] = {}
        # Every question the deck asks (a fact's asks too); a person is who an answer names, so
        # two asks about Zelensky are one person, not two people sharing a surname.
        for fact in getattr(deck, "asks", deck.facts):
            if fact.kind in NAMED_KINDS:
                for text in (fact.answer, *fact.aliases, *fact.distractors):
                    names.update(key_words(words_of(text)))
            if fact.kind != "name":
                continue
            who = person(fact)
            for text in (fact.answer, *fact.aliases):
                people.append((who, frozenset(key_words(words_of(text))), text))
                if text not in forms_of.setdefault(who, []):
                    forms_of[who].append(text)
            for text in (fact.answer, *fact.aliases):
                for word in key_words(words_of(text)):
                    people_words.setdefault(word, set()).add(who)
            for text in fact.distractors:  # a distractor names someone else
                for word in key_words(words_of(text)):
                    people_words.setdefault(word, set()).add(normalize_answer(text))
            # Aliases may carry titles ("President Putin"); canonical names do not.
            for text in (fact.answer, *fact.distractors):
                for word in key_words(words_of(text)):
                    if word not in TITLES:
                        given_names.setdefault(word, set()).add(who if text == fact.answer else normalize_answer(text))
        names -= TITLES
        by_spelling: dict[str, set[str]] = {}
        for word in names | people_words.keys():
            by_spelling.setdefault(spelling_key(word), set()).add(word)
        entities = Entities.of((e.id, e.forms) for e in deck.entities)
        return cls(
            frozenset(names), tuple(people), people_words, given_names, by_spelling, entities, deck.date_order, forms_of,
            Places.of((e.id, e.places) for e in deck.entities),
        )

    def spelt_like(self, words: set[str]) -> set[str]:
        """The deck's names spelt like one of ``words`` ("sergei" for "sergey")."""
        found: set[str] = set()
        for word in words:
            found |= self.by_spelling.get(spelling_key(word), set())
        return found

    def rival_person(self, who: str, own: frozenset[str], extra: set[str]) -> str | None:
        """Another person's name (not ``who``'s, see ``person``) whose own words are all in ``extra``."""
        for other, keys, text in self.people:
            if other != who:
                rest = keys - own
                if rest and rest <= extra:
                    return text
        return None

    def other_given_name(self, who: str, word: str) -> bool:
        """Whether ``word`` is a given name or surname of another person of the deck than ``who``."""
        people = self.given_names.get(word)
        return bool(people) and bool(people - {who})


def person(fact: Fact) -> str:
    """Who a name answer names, as one key: its canonical answer, normalised."""
    return normalize_answer(fact.answer)


@dataclass(frozen=True, slots=True)
class Blocked:
    """The words that are never a typo or spelling of one fact's answer: the deck's names and
    the fact's distractors, minus the answer's own words. A view, not a copy."""

    names: frozenset[str]
    extra: frozenset[str]
    own: frozenset[str]

    def __contains__(self, word: object) -> bool:
        return word not in self.own and (word in self.names or word in self.extra)

    def __iter__(self) -> Iterator[str]:
        for word in self.names:
            if word not in self.own:
                yield word
        for word in self.extra - self.names:
            if word not in self.own:
                yield word
