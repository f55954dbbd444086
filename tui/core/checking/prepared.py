"""What the answer checker knows of one fact, worked out once: its accepted forms (with implicit
surnames and party-neutral forms), the names that are never typos of it, its distractors, its
parties and context, and the reader its kind needs (numbers, durations, dates, lists)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from tui.core.checking.parties import Mention
from tui.core.checking.dates import DateParts, expected_date
from tui.core.checking.deck_names import TITLES, Blocked, DeckNames, person
from tui.core.checking.matching import NEGATIONS, Form, key_words, list_items, words_of
from tui.core.checking.money import without_currency
from tui.core.checking.normalize import normalize_answer, stem
from tui.core.checking.numbers import numbers_in
from tui.core.checking.places import wholes_named
from tui.core.checking.quantities import DurationReader, NumberReader
from tui.core.deck.model import Fact

__all__ = ["Prepared", "answer_kind", "prepare"]


@dataclass(slots=True)
class Prepared:
    """Everything about a fact the checker needs, computed once per fact."""

    fact: Fact
    forms: tuple[Form, ...]  # canonical first, then aliases
    norms: dict[str, int]  # normalised form -> index in forms
    negations: int  # most negation words in any accepted form
    own: frozenset[str]  # the key words of every accepted form (and their spellings in the deck)
    blocked: Blocked  # words that are other names, never typos of this answer
    rivals: tuple[tuple[frozenset[str], str], ...]  # (key words, text) of this fact's distractors
    others: frozenset[str]  # words of this fact's distractors that are names (name kind only)
    parties: frozenset[Mention]  # (party, role) the accepted forms (else the questions) name
    question_words: tuple[str, ...]  # normalised words of the questions, whose parties an answer may echo
    context_words: frozenset[str]  # normalised words of the statement and questions, for opposites
    safe_words: frozenset[str]  # words of the accepted forms and the questions: never an opposite
    surnames: frozenset[int]  # indices in forms of the implicit surname forms
    party_forms: tuple[Form, ...]  # forms naming a party, with each party as one "@id" word
    context: frozenset[str]  # stemmed words of the statement, questions and unit
    question_numbers: frozenset[Fraction]
    context_parties: frozenset[str] = frozenset()  # parties the forms, statement or questions name
    known_numbers: frozenset[str] = frozenset()  # "#30" tokens of the forms, statement and questions
    figures: bool = False  # whether an accepted form has a figure ("the June 2 meeting")
    said: tuple[str, ...] = ()  # the words of every accepted form, then of the questions
    distractor_words: tuple[tuple[tuple[str, ...], str], ...] = ()  # (words, articles aside; text) per distractor
    numbers: NumberReader | None = None
    duration: DurationReader | None = None
    date: DateParts | None = None
    items: tuple[tuple[Form, ...], ...] = ()  # list kind: the items of each form
    place_party: str = ""  # place kind: the party the answer's place lies in, when the deck declares it
    wholes: frozenset[str] = frozenset()  # figures: the parties the statement or questions name after "of"


def prepare(fact: Fact, deck: DeckNames) -> Prepared:
    """Everything the checker needs of ``fact``, computed once; ``deck`` is shared, not copied."""
    texts = [fact.answer, *fact.aliases]
    if fact.kind == "name":  # what another ask accepts for the same person ("Keith Kellog") is accepted here
        texts += [t for t in deck.forms_of.get(person(fact), ()) if t not in texts]
    forms = tuple(Form.of(t) for t in texts if normalize_answer(t))
    if not forms:
        forms = (Form.of(fact.answer),)
    implicit = _surname_forms(fact, forms, deck)
    surnames = frozenset(range(len(forms), len(forms) + len(implicit)))
    forms = (*forms, *implicit)
    own = {w for f in forms for w in f.keys}
    # Other names spelt like one of this answer's ("Sergei" for "Sergey") are this one's.
    own |= deck.spelt_like(own)
    own_set = frozenset(own)
    rivals: list[tuple[frozenset[str], str]] = []
    distractor_words: set[str] = set()
    for text in fact.distractors:
        keys = frozenset(key_words(words_of(text)))
        distractor_words |= keys
        if keys - own_set:
            rivals.append((keys - own_set, text))
    others = {w for w in distractor_words if w not in TITLES} - own_set if fact.kind == "name" else set()
    context_words = words_of(" ".join((fact.statement, *fact.questions)))
    question_words = words_of(" ".join(fact.questions))
    prep = Prepared(
        fact=fact,
        forms=forms,
        norms={f.norm: i for i, f in reversed(list(enumerate(forms)))},
        negations=max(sum(w in NEGATIONS for w in f.words) for f in forms),
        own=own_set,
        blocked=Blocked(deck.names, frozenset(distractor_words - TITLES), own_set),
        rivals=tuple(rivals),
        others=frozenset(others),
        parties=_parties(fact, forms, deck),
        question_words=tuple(question_words),
        context_words=frozenset(context_words),
        safe_words=frozenset(w for f in forms for w in f.words) | frozenset(question_words),
        surnames=surnames,
        party_forms=_party_forms(fact, forms, deck),
        context=frozenset(stem(w) for w in words_of(" ".join((fact.statement, *fact.questions, fact.unit)))),
        question_numbers=frozenset(numbers_in(question_words)),
        context_parties=frozenset(deck.entities.named_in([*context_words, *(w for f in forms for w in f.words)])),
        known_numbers=frozenset(w for w in (*context_words, *(w for f in forms for w in f.words)) if w.startswith("#")),
        figures=any(k.startswith("#") for f in forms for k in f.keys),
        said=(*(w for f in forms for w in f.words), *question_words),
        distractor_words=tuple((ws, text) for text in fact.distractors if (ws := _without_articles(words_of(text)))),
    )
    kind = answer_kind(fact, forms[0])
    if fact.kind == "place":
        prep.place_party = deck.places.party_of_any(f.words for f in forms) or ""
    if kind in ("number", "percent", "money", "duration"):
        prep.wholes = wholes_named(context_words, deck.entities)
    if kind in ("number", "percent"):
        prep.numbers = NumberReader.of(fact, [f.text for f in forms], kind == "percent")
    elif kind == "money":  # the amount is judged as a number once its currency has been checked
        prep.numbers = NumberReader.of(fact, [without_currency(f.text) for f in forms], False)
    elif kind == "duration":
        prep.duration = DurationReader.of(fact, [f.text for f in forms])
    elif kind == "date":
        prep.date = expected_date(fact, deck.date_order)
    elif kind == "list":
        prep.items = tuple(list_items(f.text) for f in forms)
    return prep

def _without_articles(words: list[str]) -> tuple[str, ...]:
    return tuple(w for w in words if w not in ("a", "an", "the"))


def _parties(fact: Fact, forms: tuple[Form, ...], deck: DeckNames) -> frozenset[Mention]:
    """The parties the answer names, with their roles: those of its accepted forms, else
    (for text and names) those of its questions ("What had the Kremlin said it was still
    drafting?" makes "Ukraine's memorandum" wrong). Places never borrow: "Istanbul, Turkey"."""
    entities = deck.entities
    if not entities:
        return frozenset()
    named = {mention for form in forms for mention in entities.mentions(form.words)}
    if named or fact.kind not in ("text", "name"):
        return frozenset(named)
    return entities.mentions(words_of(" ".join(fact.questions)))

def _party_forms(fact: Fact, forms: tuple[Form, ...], deck: DeckNames) -> tuple[Form, ...]:
    """The forms that name a party, rewritten so any form of that party matches: "Moscow's
    missile attacks" is "Russian missile attacks"."""
    entities = deck.entities
    if not entities or fact.kind not in ("text", "name"):
        return ()
    found = []
    for form in forms:
        words = entities.canonical(form.words)
        # Only where the party qualifies something: "Russian" is no answer to "Who controls
        # the regions?" just because "Moscow" is; "Moscow's missile attacks" is one.
        if any(w.startswith("@") for w in words) and not all(w.startswith("@") for w in key_words(words)):
            keys = key_words(words)
            found.append(Form(form.text, form.norm, tuple(words), keys, "".join(keys)))
    return tuple(found)

def _surname_forms(fact: Fact, forms: tuple[Form, ...], deck: DeckNames) -> list[Form]:
    """Surnames alone as accepted forms, when unambiguous in the deck.

    Taken from the canonical name and from aliases shaped like it ("Sergey Kislitsa"
    for "Serhiy Kyslytsia"), never from longer aliases ("North Atlantic Treaty
    Organization" has no surname).
    """
    size = len(forms[0].keys)
    if fact.kind != "name" or size < 2:
        return []
    seen = {f.keys for f in forms}
    found = []
    for form in forms:
        words = form.text.split()
        if len(form.keys) != size or not words:
            continue
        last = Form.of(words[-1])
        if last.keys != form.keys[-1:] or last.keys in seen:
            continue
        if deck.people_words.get(last.keys[0], set()) - {person(fact)}:
            continue  # another person of the deck has that surname
        seen.add(last.keys)
        found.append(last)
    return found


def answer_kind(fact: Fact, canonical: Form) -> str:
    """The fact's kind, except that a ``text`` answer that is just a figure ("20%") is judged
    as one: no typo tolerance on it, and hedges weighed."""
    words = canonical.words
    if fact.kind != "text" or not words or not words[0].startswith("#"):
        return fact.kind
    if len(words) == 1:
        return "number"
    return "percent" if words[1:] in (("percent",), ("per", "cent")) else fact.kind
