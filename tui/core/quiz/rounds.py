"""The quiz engine: builds a repeatable round from a deck, grades answers, keeps the score.

Pure and deterministic: the same deck, settings and seed give the same round,
question for question and option for option (`random.Random(seed)`). No Textual;
the TUI and the plain `factdrill quiz --plain` drive the same `QuizSession`.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from tui.core.deck.model import Deck, Fact, UnsourcedClaim
from tui.core.quiz.leaks import LeakGuard
from tui.core.quiz.questions import (
    JUDGEMENT_LABELS, QUESTION_TYPES, Question, feasible_types, make_question, parse_choice,
    parse_judgement, refutable, unsourced_question,
)
from tui.core.verdicts import MISSED, Outcome, QuestionType, Verdict

__all__ = [
    "QUESTION_TYPES", "RoundSpec", "Round", "QuestionResult", "RoundResult", "QuizSession",
    "build_round", "retry_round", "grade_answer", "missed_grade", "new_seed", "NotAnAnswer", "DEFAULT_COUNT",
]

DEFAULT_COUNT = 10


@dataclass(frozen=True, slots=True)
class RoundSpec:
    """What a round is made of. Empty `tags`/`sources` mean all; `only` restricts to these keys."""

    count: int = DEFAULT_COUNT
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    types: tuple[str, ...] = QUESTION_TYPES
    seed: int = 0
    only: tuple[str, ...] = ()  # question keys (ask ids, "not-in-sources:<id>") for a retry


@dataclass(frozen=True, slots=True)
class Round:
    """The questions of a round, in order, and the spec that made them."""

    spec: RoundSpec
    questions: tuple[Question, ...]

    def __len__(self) -> int:
        return len(self.questions)


def new_seed() -> int:
    """A fresh seed for a round the user did not seed; shown so the round can be replayed."""
    return random.SystemRandom().randrange(1, 1_000_000)


def _fact_matches(fact: Fact, spec: RoundSpec) -> bool:
    if spec.tags and not set(spec.tags) & set(fact.tags):
        return False
    if spec.sources and not set(spec.sources) & set(fact.source_ids):
        return False
    return not spec.only or fact.id in spec.only


def _claim_matches(claim: UnsourcedClaim, spec: RoundSpec) -> bool:
    # A "not in the sources" claim cites nothing, so a source filter leaves it out.
    if spec.sources:
        return False
    if spec.tags and not set(spec.tags) & set(claim.tags):
        return False
    return not spec.only or f"not-in-sources:{claim.id}" in spec.only


class _Material:
    """What a round can still draw on: the matching asks and claims, shuffled; which types each
    ask allows (worked out only for the asks a round reaches: on a large deck, checking every
    fact's cloze sentences and prompts would take minutes); the facts asked; what was shown."""

    def __init__(self, deck: Deck, spec: RoundSpec, types: tuple[str, ...], rng: random.Random) -> None:
        self.deck, self.types = deck, types
        self.asks = [f for f in deck.asks if _fact_matches(f, spec)]
        rng.shuffle(self.asks)
        self.claims = [c for c in deck.unsourced_claims if _claim_matches(c, spec)] if "claim" in types else []
        rng.shuffle(self.claims)
        self._feasible: dict[str, tuple[str, ...]] = {}
        self._closed: set[str] = set()  # types no remaining ask allows; taking asks away never reopens one
        self._guard = LeakGuard(deck)
        self._asked: set[str] = set()  # facts asked already, from any side

    def allowed(self, ask: Fact) -> tuple[str, ...]:
        if ask.id not in self._feasible:
            self._feasible[ask.id] = tuple(t for t in feasible_types(self.deck, ask) if t in self.types)
        return self._feasible[ask.id]

    def is_open(self, type_: str) -> bool:
        if type_ == "claim" and self.claims:
            return True
        if type_ not in self._closed and not any(type_ in self.allowed(f) for f in self.asks):
            self._closed.add(type_)
        return type_ not in self._closed

    def take(self, type_: str) -> Fact | None:
        """The first remaining ask allowing `type_` whose fact is not asked and whose answer
        nothing has shown; asks that fail the last two are dropped for good (shown stays shown)."""
        index = 0
        while index < len(self.asks):
            ask = self.asks[index]
            if type_ in self.allowed(ask):
                if ask.about in self._asked or self._guard.shows(ask):
                    del self.asks[index]
                    continue
                return ask
            index += 1
        return None

    def placed(self, question: Question, ask: Fact | None) -> Question:
        """Record that `question` (about `ask`, if any) is in the round; returns it."""
        self._guard.add(question)
        if ask is not None:
            self._asked.add(ask.about)
            self.asks.remove(ask)
        return question


def build_round(deck: Deck, spec: RoundSpec) -> Round:
    """A round of at most `spec.count` questions from the asks of the facts matching the filters.

    Promises: no fact asked twice (from whichever side), no unsourced claim twice; only
    `spec.types`, spread as evenly as the material allows; no prompt shows its answer, and
    nothing a question shows (prompt, options, feedback) holds the answer of a later one —
    an ask whose answer was shown is left out; the same inputs give the same round.
    """
    rng = random.Random(spec.seed)
    types = tuple(t for t in QUESTION_TYPES if t in spec.types)
    material = _Material(deck, spec, types, rng)
    used = {t: 0 for t in types}
    questions: list[Question] = []
    while len(questions) < spec.count and (material.asks or material.claims):
        open_types = [t for t in types if material.is_open(t)]
        if not open_types:
            break
        fewest = min(used[t] for t in open_types)
        type_ = rng.choice([t for t in open_types if used[t] == fewest])
        fact = material.take(type_)
        if fact is None and not (type_ == "claim" and material.claims):
            continue  # every ask of this type was dropped: is_open now says so
        used[type_] += 1
        if type_ == "claim":
            judgements = []
            if fact is not None:
                judgements += ["supported"] + (["refuted"] if refutable(fact) else [])
            if material.claims:
                judgements.append("not-in-sources")
            judgement = rng.choice(judgements)
            if judgement == "not-in-sources":
                questions.append(material.placed(unsourced_question(material.claims.pop(0)), None))
                continue
            questions.append(material.placed(make_question(deck, fact, "claim", rng, judgement), fact))
        else:
            assert fact is not None
            questions.append(material.placed(make_question(deck, fact, type_, rng), fact))
    return Round(spec, tuple(questions))


# --- grading ---------------------------------------------------------------------

class Checker(Protocol):
    def check(self, fact: Fact, given: str) -> Verdict: ...


class NotAnAnswer(ValueError):
    """The input is not a possible answer to this question (e.g. 'x' for a choice); ask again."""


class ClaimChecker(Protocol):
    """The deck's fact checker, as the quiz uses it: a claim's verdict and its one-line reason."""

    def __call__(self, claim: str) -> Any: ...


def _claim_explanation(question: Question, claims: ClaimChecker | None = None) -> str:
    """Why the claim is what it is: the fact checker's reason line ("427 ≠ 472 (article 003)"),
    the same line `factdrill check` and Search show, when it reaches the deck's judgement;
    otherwise the deck's own words."""
    if claims is not None:
        verdict = claims(question.claim)
        if verdict.label == question.judgement:
            return verdict.reason + (f" — {verdict.note}" if verdict.note else "")
    if question.judgement == "not-in-sources":
        note = question.unsourced.note if question.unsourced else ""
        return "None of the articles says this." + (f" {note}" if note else "")
    if question.judgement == "refuted":
        assert question.fact is not None
        return f"The sources say otherwise: {question.fact.statement}"
    return "The sources state this."


def grade_answer(question: Question, given: str, checker: Checker, claims: ClaimChecker | None = None) -> Verdict:
    """Grade a non-empty answer: choices and claims exactly by label, typed and cloze by the checker.

    Raises `NotAnAnswer` when a choice or claim answer names no option; an empty answer
    is never graded (ValueError) — the caller re-prompts or skips.
    """
    if not given.strip():
        raise ValueError("an empty answer is not graded")
    if question.type == "choice":
        label = parse_choice(given, question)
        if label is None:
            raise NotAnAnswer("choose " + ", ".join(o.label.lower() for o in question.options))
        ok = label == question.correct_label
        return Verdict(label, Outcome.CORRECT if ok else Outcome.INCORRECT, "label", question.expected)
    if question.type == "claim":
        judgement = parse_judgement(given)
        if judgement is None:
            raise NotAnAnswer("judge s (Supported), r (Refuted) or n (Not in the sources)")
        ok = judgement == question.judgement
        return Verdict(JUDGEMENT_LABELS[judgement], Outcome.CORRECT if ok else Outcome.INCORRECT, "judgement",
                       question.expected, _claim_explanation(question, claims))
    checked = question.checked_against
    assert checked is not None
    return checker.check(checked, given)


def missed_grade(question: Question, outcome: Outcome, claims: ClaimChecker | None = None) -> Verdict:
    """The verdict on a skipped or revealed question."""
    explanation = _claim_explanation(question, claims) if question.type == QuestionType.CLAIM else ""
    return Verdict("", outcome, str(outcome), question.expected, explanation)


# --- results -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class QuestionResult:
    """One question's record: which fact, which type, the grade, and seconds taken."""

    question: Question
    grade: Verdict
    seconds: float

    @property
    def key(self) -> str:
        return self.question.key

    @property
    def fact_id(self) -> str | None:
        return self.question.fact.id if self.question.fact else None

    @property
    def type(self) -> str:
        return self.question.type

    @property
    def verdict(self) -> Outcome:
        return self.grade.verdict

    @property
    def given(self) -> str:
        return self.grade.given


@dataclass(frozen=True)
class RoundResult:
    """A finished (or quit) round: every record, the score and the time it took."""

    round: Round
    results: tuple[QuestionResult, ...]
    elapsed: float

    @property
    def score(self) -> int:
        return sum(1 for r in self.results if r.grade.correct)

    @property
    def close(self) -> int:
        """How many answers were close (a slip): counted in the score, and shown apart."""
        return sum(1 for r in self.results if r.verdict == Outcome.CLOSE)

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def missed(self) -> tuple[QuestionResult, ...]:
        return tuple(r for r in self.results if r.verdict in MISSED)

    @property
    def per_tag(self) -> dict[str, tuple[int, int]]:
        """tag -> (right, asked), in first-seen order; untagged questions count under "untagged"."""
        table: dict[str, list[int]] = {}
        for result in self.results:
            for tag in result.question.tags or ("untagged",):
                row = table.setdefault(tag, [0, 0])
                row[0] += result.grade.correct
                row[1] += 1
        return {tag: (right, asked) for tag, (right, asked) in table.items()}


def retry_round(deck: Deck, result: RoundResult, seed: int | None = None) -> Round:
    """A new round of exactly the missed facts and claims, the same types allowed, freshly shuffled."""
    keys = tuple(dict.fromkeys(r.key for r in result.missed))
    spec = result.round.spec
    retry = RoundSpec(count=len(keys), types=spec.types, seed=spec.seed + 1 if seed is None else seed,
                      only=keys)
    return build_round(deck, retry)


# --- a round being played ----------------------------------------------------------------

@dataclass
class QuizSession:
    """A round in play: the current question, the records so far, the clock.

    `answer`, `skip` and `reveal` each settle the current question and return its
    record; `advance` moves on. The clock is injectable so tests are deterministic.
    """

    deck: Deck
    round: Round
    checker: Checker
    clock: Callable[[], float] = time.monotonic
    results: list[QuestionResult] = field(default_factory=list)
    index: int = 0
    settled: bool = False
    claims: ClaimChecker | None = None  # explains "Judge the claim" answers with the fact checker's reason

    def __post_init__(self) -> None:
        self.started = self.clock()
        self.question_started = self.started


    @property
    def current(self) -> Question | None:
        return self.round.questions[self.index] if self.index < len(self.round.questions) else None

    @property
    def finished(self) -> bool:
        return self.index >= len(self.round.questions)

    @property
    def last(self) -> QuestionResult | None:
        return self.results[-1] if self.results else None

    def _settle(self, grade: Verdict) -> QuestionResult:
        question = self.current
        if question is None or self.settled:
            raise RuntimeError("no open question to settle")
        record = QuestionResult(question, grade, round(self.clock() - self.question_started, 3))
        self.results.append(record)
        self.settled = True
        return record

    def answer(self, given: str) -> QuestionResult:
        """Grade `given` for the current question (raises ValueError/NotAnAnswer, leaving it open)."""
        question = self.current
        if question is None:
            raise RuntimeError("the round is over")
        return self._settle(grade_answer(question, given, self.checker, self.claims))

    def skip(self) -> QuestionResult:
        return self._settle(missed_grade(self.current, Outcome.SKIPPED, self.claims))

    def reveal(self) -> QuestionResult:
        """Show the answer; the question counts as missed."""
        return self._settle(missed_grade(self.current, Outcome.REVEALED, self.claims))

    def advance(self) -> Question | None:
        """Move past a settled question; the next question, or None at the end."""
        if not self.settled:
            raise RuntimeError("settle the current question first")
        self.index += 1
        self.settled = False
        self.question_started = self.clock()
        return self.current

    def result(self) -> RoundResult:
        """The round so far (all of it once finished)."""
        return RoundResult(self.round, tuple(self.results), round(self.clock() - self.started, 3))
