"""Making one quiz question from one ask: safe prompts, options, claims and cloze sentences.

Pure functions over the deck and a `random.Random`; no Textual, no I/O. The round
builder (`rounds.py`) decides which ask gets which type; this module decides what
the question says, and promises it never gives the answer away. An ask is a fact
asked from its own side or one of its `[[facts.asks]]` (see `tui.core.deck.model.Fact`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import chain
from typing import Iterator

from tui.core.checking.normalize import normalize_answer
from tui.core.deck.model import Citation, Deck, Fact, UnsourcedClaim
from tui.core.quiz.cloze import BLANK, MIN_CLOZE_WORDS, cloze_candidates, graded_item, sentence_around
from tui.core.quiz.reveal import answer_forms, excluded_by, reveals_answer, safe_questions
from tui.core.verdicts import QuestionType

__all__ = [
    "BLANK", "MIN_CLOZE_WORDS", "QUESTION_TYPES", "TYPE_LABELS", "CHOICE_LABELS", "JUDGEMENTS", "JUDGEMENT_KEYS",
    "JUDGEMENT_LABELS", "Option", "Question", "answer_forms", "reveals_answer", "safe_questions",
    "cloze_candidates", "sentence_around", "distractor_pool", "has_distractor", "choice_options", "parse_choice",
    "refutable", "parse_judgement", "feasible_types", "make_question", "unsourced_question",
]

QUESTION_TYPES = tuple(QuestionType)
TYPE_LABELS = {QuestionType.TYPED: "Typed answer", QuestionType.CHOICE: "Multiple choice",
               QuestionType.CLAIM: "Judge the claim", QuestionType.CLOZE: "Fill the blank"}
CHOICE_LABELS = ("A", "B", "C", "D")
JUDGEMENTS = ("supported", "refuted", "not-in-sources")
JUDGEMENT_KEYS = {"supported": "s", "refuted": "r", "not-in-sources": "n"}
JUDGEMENT_LABELS = {"supported": "Supported", "refuted": "Refuted", "not-in-sources": "Not in the sources"}
# Kinds whose every value is a refuted wrong answer to another ask of the kind: 427 is not 472.
_VALUE_KINDS = frozenset({"number", "percent", "money", "date", "duration"})


@dataclass(frozen=True, slots=True)
class Option:
    """One labelled multiple-choice option."""

    label: str  # "A".."D"
    text: str


@dataclass(frozen=True, slots=True)
class Question:
    """One question of a round: its prompt, its type, its ask and its type data.

    `fact` is the ask (a fact, or one of its asks); None only for a "not in the sources"
    claim, which has `unsourced` instead. A cloze is graded against `graded`: the blanked
    words and their accepted forms, not every answer of the ask.
    """

    type: QuestionType
    prompt: str
    fact: Fact | None
    options: tuple[Option, ...] = ()  # choice
    correct_label: str = ""  # choice: "A".."D"
    claim: str = ""  # claim: the text to judge
    judgement: str = ""  # claim: the expected one of JUDGEMENTS
    unsourced: UnsourcedClaim | None = None  # claim judged "not-in-sources"
    cloze: str = ""  # cloze: the source sentence with the answer blanked
    cloze_citation: Citation | None = None  # cloze: the citation the sentence comes from
    graded: Fact | None = None  # cloze: what an answer is checked against

    @property
    def checked_against(self) -> Fact | None:
        """What a typed answer is checked against: the cloze's blanked words, else the ask."""
        return self.graded if self.graded is not None else self.fact

    @property
    def key(self) -> str:
        """What progress is kept under: the ask's id (`fact` or `fact#ask`), or the unsourced claim's."""
        if self.fact is not None:
            return self.fact.id
        assert self.unsourced is not None
        return f"not-in-sources:{self.unsourced.id}"

    @property
    def tags(self) -> tuple[str, ...]:
        if self.fact is not None:
            return self.fact.tags
        return self.unsourced.tags if self.unsourced else ()

    @property
    def expected(self) -> str:
        """The right answer as feedback shows it."""
        if self.type == "choice":
            option = next(o for o in self.options if o.label == self.correct_label)
            return f"{option.label}. {option.text}"
        if self.type == "claim":
            return JUDGEMENT_LABELS[self.judgement]
        checked = self.checked_against
        assert checked is not None
        return checked.answer


# --- multiple choice ------------------------------------------------------------

def _distractors(deck: Deck, fact: Fact, question: str | None) -> Iterator[str]:
    seen = set(answer_forms(fact))
    # Only a figure or date of another fact is surely wrong here (the articles state one
    # value); another fact's name, place or phrase may be true of this question too, or of
    # another kind than it asks for, so those come only from the ask's own distractors.
    lenders = () if fact.kind not in _VALUE_KINDS else (
        f.answer for f in deck.facts if f.kind == fact.kind and f.about != fact.about)
    questions = [question] if question is not None else safe_questions(fact)
    for text in chain(fact.distractors, lenders):
        form = normalize_answer(text)
        if form and form not in seen:
            seen.add(form)
            # An option the question's own words rule out gives the answer away.
            if not all(excluded_by(q, text, fact.kind) for q in questions):
                yield text


def distractor_pool(deck: Deck, fact: Fact, question: str | None = None) -> list[str]:
    """Wrong options for `fact` asked by `question` (default: by any of its safe questions):
    its own distractors first, then, for figures and dates, answers of other facts of its kind.

    Never an option that normalises to the answer or an alias, or that the question's own
    words rule out; no two alike.
    """
    return list(_distractors(deck, fact, question))


def has_distractor(deck: Deck, fact: Fact, question: str | None = None) -> bool:
    """Whether `distractor_pool` is not empty, without reading a whole large deck to know."""
    return next(_distractors(deck, fact, question), None) is not None


def choice_options(deck: Deck, fact: Fact, rng: random.Random,
                   question: str | None = None) -> tuple[tuple[Option, ...], str] | None:
    """Up to four shuffled, labelled options and the correct label; None without any distractor."""
    pool = distractor_pool(deck, fact, question)
    own = [d for d in pool if d in fact.distractors]
    borrowed = pool[len(own):]
    picked = rng.sample(own, min(3, len(own)))
    if len(picked) < 3 and borrowed:
        picked += rng.sample(borrowed, min(3 - len(picked), len(borrowed)))
    if not picked:
        return None
    texts = [fact.answer, *picked]
    rng.shuffle(texts)
    options = tuple(Option(label, text) for label, text in zip(CHOICE_LABELS, texts))
    correct = next(o.label for o in options if o.text == fact.answer)
    return options, correct


def parse_choice(given: str, question: Question) -> str | None:
    """'b', 'B', 'b)' or 'B.' -> 'B' when the question has that option; else None."""
    text = given.strip().rstrip(").").strip().upper()
    labels = {o.label for o in question.options}
    return text if text in labels else None


# --- claims ---------------------------------------------------------------------

def refutable(fact: Fact) -> bool:
    """A fact can yield a Refuted claim: it has false claims and is not itself disputed."""
    return bool(fact.false_claims) and not fact.disputed


def parse_judgement(given: str) -> str | None:
    """'s', 'supported', 'r', 'refuted', 'n', 'not in the sources' -> a JUDGEMENTS value; else None."""
    text = " ".join(given.strip().lower().replace("-", " ").split())
    if not text:
        return None
    for judgement, key in JUDGEMENT_KEYS.items():
        words = JUDGEMENT_LABELS[judgement].lower()
        if text in (key, words, words.split()[0]) or (judgement == "not-in-sources" and text in ("not in sources", "nis")):
            return judgement
    return None


# --- which types a fact allows ------------------------------------------------------

def feasible_types(deck: Deck, fact: Fact) -> tuple[str, ...]:
    """The question types that can be asked about `fact` without giving its answer away."""
    types = []
    safe = bool(safe_questions(fact))
    if safe:
        types.append(QuestionType.TYPED)
        if has_distractor(deck, fact):
            types.append(QuestionType.CHOICE)
    # The sources disagree on a disputed fact, so "Supported" would punish the other reading.
    # A claim judges the fact's statement, so it is put once, by the fact, not by each ask.
    if not fact.disputed and not fact.is_ask:
        types.append(QuestionType.CLAIM)
    if cloze_candidates(deck, fact):
        types.append(QuestionType.CLOZE)
    return tuple(types)


def make_question(deck: Deck, fact: Fact, type_: str, rng: random.Random, judgement: str = "supported") -> Question:
    """A question of `type_` about `fact`; `judgement` picks the claim for a claim question."""
    if type_ == "typed":
        return Question(QuestionType.TYPED, rng.choice(safe_questions(fact)), fact)
    if type_ == "choice":
        asked = rng.choice([q for q in safe_questions(fact) if has_distractor(deck, fact, q)])
        made = choice_options(deck, fact, rng, asked)
        assert made is not None, f"no options for {fact.id}"
        options, correct = made
        return Question(QuestionType.CHOICE, asked, fact, options=options, correct_label=correct)
    if type_ == "claim":
        claim = rng.choice(fact.false_claims) if judgement == "refuted" else fact.statement
        return Question(QuestionType.CLAIM, claim, fact, claim=claim, judgement=judgement)
    if type_ == "cloze":
        cloze = rng.choice(cloze_candidates(deck, fact))
        return Question(QuestionType.CLOZE, cloze.text, fact, cloze=cloze.text, cloze_citation=cloze.citation,
                        graded=graded_item(fact, cloze.answer))
    raise ValueError(f"unknown question type {type_!r}")


def unsourced_question(claim: UnsourcedClaim) -> Question:
    """A claim no source supports or refutes, to be judged "Not in the sources"."""
    return Question(QuestionType.CLAIM, claim.claim, None, claim=claim.claim, judgement="not-in-sources", unsourced=claim)
