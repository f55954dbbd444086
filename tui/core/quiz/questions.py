"""Making one quiz question from one fact: safe prompts, options, claims and cloze sentences.

Pure functions over the deck and a `random.Random`; no Textual, no I/O. The quiz
engine (`quiz.py`) decides which fact gets which type; this module decides what
the question says, and promises it never gives the answer away.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from itertools import chain
from typing import Iterator

from tui.core.deck.model import Citation, Deck, Fact, UnsourcedClaim
from tui.core.checking.matching import key_words, spelling_key, words_of
from tui.core.checking.normalize import normalize_answer
from tui.core.deck.provenance import paragraph_bounds
from tui.core.verdicts import QuestionType

QUESTION_TYPES = tuple(QuestionType)
TYPE_LABELS = {QuestionType.TYPED: "Typed answer", QuestionType.CHOICE: "Multiple choice",
               QuestionType.CLAIM: "Judge the claim", QuestionType.CLOZE: "Fill the blank"}
CHOICE_LABELS = ("A", "B", "C", "D")
JUDGEMENTS = ("supported", "refuted", "not-in-sources")
JUDGEMENT_KEYS = {"supported": "s", "refuted": "r", "not-in-sources": "n"}
JUDGEMENT_LABELS = {"supported": "Supported", "refuted": "Refuted", "not-in-sources": "Not in the sources"}
BLANK = "_____"
MIN_CLOZE_WORDS = 4  # words a cloze sentence keeps besides its blanks, so it can be answered


@dataclass(frozen=True, slots=True)
class Option:
    """One labelled multiple-choice option."""

    label: str  # "A".."D"
    text: str


@dataclass(frozen=True, slots=True)
class Question:
    """One question of a round: its prompt, its type, its fact and its type data.

    `fact` is None only for a "not in the sources" claim, which has `unsourced` instead.
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

    @property
    def key(self) -> str:
        """What a round never repeats: the fact's id, or the unsourced claim's."""
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
        assert self.fact is not None
        return self.fact.answer


# --- never showing the answer -------------------------------------------------

def answer_forms(fact: Fact) -> list[str]:
    """The normalised answer and aliases, non-empty and distinct."""
    forms = [normalize_answer(text) for text in (fact.answer, *fact.aliases)]
    return [form for form in dict.fromkeys(forms) if form]


def reveals_answer(text: str, fact: Fact) -> bool:
    """True when the text holds the answer or an alias: as whole words once normalised, or
    as all of its key words in any order and spelling, which the checker would accept
    ("President Zelenskyy and ... Putin" for "Zelensky and Putin", "four hundred" for "400")."""
    padded = f" {normalize_answer(text)} "
    if any(f" {form} " in padded for form in answer_forms(fact)):
        return True
    shown = {spelling_key(word) for word in key_words(words_of(text))}
    for form in (fact.answer, *fact.aliases):
        keys = key_words(words_of(form))
        if keys and all(spelling_key(key) in shown for key in keys):
            return True
    return False


def safe_questions(fact: Fact) -> list[str]:
    """The fact's question strings that do not give its answer away."""
    return [q for q in fact.questions if q.strip() and not reveals_answer(q, fact)]


# --- multiple choice ------------------------------------------------------------

def _distractors(deck: Deck, fact: Fact) -> Iterator[str]:
    seen = set(answer_forms(fact))
    # Another fact's free-text answer ("on Monday", "as reasonable") is not a plausible wrong
    # answer to this one; names, places, figures and dates of the same kind are.
    lenders = () if fact.kind == "text" else (f.answer for f in deck.facts if f.kind == fact.kind and f.id != fact.id)
    for text in chain(fact.distractors, lenders):
        form = normalize_answer(text)
        if form and form not in seen:
            seen.add(form)
            yield text


def distractor_pool(deck: Deck, fact: Fact) -> list[str]:
    """Wrong options for `fact`: its own distractors first, then answers of facts of the same kind
    (not for free-text answers).

    Never an option that normalises to the answer or an alias; no two alike.
    """
    return list(_distractors(deck, fact))


def has_distractor(deck: Deck, fact: Fact) -> bool:
    """Whether `distractor_pool` is not empty, without reading a whole large deck to know."""
    return next(_distractors(deck, fact), None) is not None


def choice_options(deck: Deck, fact: Fact, rng: random.Random) -> tuple[tuple[Option, ...], str] | None:
    """Up to four shuffled, labelled options and the correct label; None without any distractor."""
    pool = distractor_pool(deck, fact)
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


# --- cloze ----------------------------------------------------------------------

# A full stop (or ! ?), closing quotes, then space before a capital, digit or opening quote...
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])")
# ...unless the stop ends an initialism or a title ("the U.S. state of Ohio", "Mr. Umerov").
_NOT_AN_END = re.compile(r"(?:\b(?:[A-Za-z]\.)+|\b(?:Mr|Mrs|Ms|Dr|Gen|St|Lt|Col|No|vs))\.?$")


def _sentence_ends(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """Sentence ends in text[lo:hi]; the look-ahead may read past `hi`, so it is not an endpos."""
    return [m for m in _SENTENCE_END.finditer(text, lo) if m.end() <= hi
            and not _NOT_AN_END.search(text, lo, m.start() + 1)]


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) of `text` holding [start, end), within its paragraph."""
    first, last = paragraph_bounds(text, start, end)
    sentence_start = first
    for match in _sentence_ends(text, first, start):
        sentence_start = match.end()
    after = next(iter(_sentence_ends(text, end, last)), None)
    sentence_end = after.end() if after else last
    # A quote that ends on its own full stop has already closed the sentence.
    if end > start and text[end - 1] in ".!?":
        sentence_end = max(end, sentence_start)
    return text[sentence_start:sentence_end].strip()


def _variant_pattern(variant: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in variant.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def blank_answer(sentence: str, fact: Fact, quote: tuple[int, int] | None = None) -> str | None:
    """The sentence with the answer (or an alias) blanked where the quote says it.

    Only mentions overlapping `quote` (offsets into the sentence; default all of it) are
    blanked: "President" in "President Zelensky ... U.S. President Donald Trump" is not the
    answer twice. None when nothing is blanked, when the answer still shows after blanking,
    or when fewer than MIN_CLOZE_WORDS words are left to go on.
    """
    lo, hi = quote if quote is not None else (0, len(sentence))
    variants = sorted({v.strip() for v in (fact.answer, *fact.aliases) if v.strip()}, key=len, reverse=True)
    spans: list[tuple[int, int]] = []
    for variant in variants:  # longest first, so "U.S. President" wins over "President"
        for match in _variant_pattern(variant).finditer(sentence):
            start, end = match.span()
            if start < hi and end > lo and all(end <= a or start >= b for a, b in spans):
                spans.append((start, end))
    if not spans:
        return None
    blanked, cursor = [], 0
    for start, end in sorted(spans):
        blanked += [sentence[cursor:start], BLANK]
        cursor = end
    text = "".join(blanked) + sentence[cursor:]
    if reveals_answer(text, fact) or len(text.replace(BLANK, " ").split()) < MIN_CLOZE_WORDS:
        return None
    return text


def cloze_candidates(deck: Deck, fact: Fact) -> list[tuple[str, Citation]]:
    """Every blanked source sentence the fact's citations give, with its citation."""
    found: list[tuple[str, Citation]] = []
    for citation in fact.citations:
        text = deck.source_of(citation).text
        sentence = sentence_around(text, citation.start, citation.end)
        offset = text.rfind(sentence, 0, citation.start + len(sentence))  # the one starting by the quote
        quote = (citation.start - offset, citation.end - offset) if offset >= 0 else None
        blanked = blank_answer(sentence, fact, quote)
        if blanked is not None and all(blanked != b for b, _ in found):
            found.append((blanked, citation))
    return found


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
    if not fact.disputed:
        types.append(QuestionType.CLAIM)
    if cloze_candidates(deck, fact):
        types.append(QuestionType.CLOZE)
    return tuple(types)


def make_question(deck: Deck, fact: Fact, type_: str, rng: random.Random, judgement: str = "supported") -> Question:
    """A question of `type_` about `fact`; `judgement` picks the claim for a claim question."""
    if type_ == "typed":
        return Question(QuestionType.TYPED, rng.choice(safe_questions(fact)), fact)
    if type_ == "choice":
        made = choice_options(deck, fact, rng)
        assert made is not None, f"no options for {fact.id}"
        options, correct = made
        return Question(QuestionType.CHOICE, rng.choice(safe_questions(fact)), fact, options=options, correct_label=correct)
    if type_ == "claim":
        claim = rng.choice(fact.false_claims) if judgement == "refuted" else fact.statement
        return Question(QuestionType.CLAIM, claim, fact, claim=claim, judgement=judgement)
    if type_ == "cloze":
        blanked, citation = rng.choice(cloze_candidates(deck, fact))
        return Question(QuestionType.CLOZE, blanked, fact, cloze=blanked, cloze_citation=citation)
    raise ValueError(f"unknown question type {type_!r}")


def unsourced_question(claim: UnsourcedClaim) -> Question:
    """A claim no source supports or refutes, to be judged "Not in the sources"."""
    return Question(QuestionType.CLAIM, claim.claim, None, claim=claim.claim, judgement="not-in-sources", unsourced=claim)
