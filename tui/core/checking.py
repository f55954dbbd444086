"""The fair answer checker: is a typed answer right for a fact, and why.

Rule order for ``AnswerChecker.check`` (the first that decides wins):

1. ``empty``: nothing but whitespace or punctuation -> incorrect.
2. ``exact`` / ``alias``: equal to the canonical answer / an alias after
   ``normalize_answer`` -> correct.
3. ``negation``: the answer adds a negation ("not Russia", "no") -> incorrect.
4. By the fact's kind:
   - ``number`` / ``percent``: the one number given must equal the answer (or lie within
     the fact's tolerance: ``close``). No typo tolerance. A hedge ("about", "over") is
     accepted only when the fact is approximate (rule ``hedge``). Besides the number, only
     the unit, words of the question/statement and filler may appear (else ``mismatch``).
   - ``date``: day, month and year compared as values (see ``_check_date``).
   - ``duration``: amount and unit compared as a length of time ("two weeks" = "14 days").
   - ``list``: every item present, nothing else, in any order.
   - ``text`` / ``name`` / ``place``: every key word present in any order; typos allowed in
     proportion to word length (``typo``, close); extra words allowed unless they
     contradict (``extra-words``; ``contradiction`` when they name a distractor, another
     person from the deck, or offer alternatives); a bare part is ``partial``.

A number, date or duration answer whose canonical text cannot be read as one falls back
to the text rules, so a deck never gets a checker that rejects its own answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from .dates import DateParts, parse_date
from .deck import Deck, Fact
from .matching import (
    ALTERNATIVES, JOINERS, NEGATIONS, STOPWORDS, Form, WordMatch, joined_match, key_words,
    match_words, words_of,
)
from .normalize import fold, normalize_answer, stem, tokens
from .numbers import format_value, numbers_in
from .quantities import DurationReader, NumberReader, hedge_of

__all__ = ["AnswerChecker", "Verdict", "check_answer", "normalize_answer"]

CORRECT, CLOSE, INCORRECT = "correct", "close", "incorrect"
_MAX_EXTRA_WORDS = 8  # beyond this, the "answer" is an essay that happens to contain it
_LIST_SPLIT = re.compile(r"\s*(?:[,;/&+\n]|\band\b|\bplus\b|\bas well as\b)\s*")


@dataclass(frozen=True, slots=True)
class Verdict:
    """The judgement of one typed answer, with the rule that decided it and why."""

    given: str
    verdict: str  # "correct" | "close" | "incorrect"
    rule: str
    expected: str
    explanation: str

    @property
    def correct(self) -> bool:
        """True when the answer is accepted (``correct`` or ``close``)."""
        return self.verdict != INCORRECT


def _slip_phrase(edits: int) -> str:
    return "a one-letter slip" if edits == 1 else f"small slips ({edits} letters)"


@dataclass(slots=True)
class _Prepared:
    """Everything about a fact the checker needs, computed once per fact."""

    fact: Fact
    forms: tuple[Form, ...]  # canonical first, then aliases
    norms: dict[str, int]  # normalised form -> index in forms
    negations: int  # most negation words in any accepted form
    blocked: frozenset[str]  # words that are other names, never typos of this answer
    rivals: tuple[frozenset[str], ...]  # key-word sets that contradict this answer
    context: frozenset[str]  # stemmed words of the statement, questions and unit
    question_numbers: frozenset[Fraction]
    numbers: NumberReader | None = None
    duration: DurationReader | None = None
    date: DateParts | None = None
    items: tuple[tuple[Form, ...], ...] = ()  # list kind: the items of each form


class AnswerChecker:
    """Judges typed answers against a deck's facts; safe to share, cheap per call."""

    def __init__(self, deck: Deck | None = None):
        """Precompute the deck's names, so no other name is accepted as a typo of an answer."""
        self._deck = deck
        self._cache: dict[str, _Prepared] = {}
        names: set[str] = set()
        self._people: list[tuple[str, frozenset[str]]] = []
        for fact in deck.facts if deck else ():
            if fact.kind in ("name", "place"):
                for text in (fact.answer, *fact.aliases, *fact.distractors):
                    names.update(stem(w) for w in key_words(words_of(text)))
            if fact.kind == "name":
                for text in (fact.answer, *fact.aliases):
                    self._people.append((fact.id, frozenset(key_words(words_of(text)))))
        self._names = frozenset(names)

    def check(self, fact: Fact, given: str) -> Verdict:
        """Judge ``given`` for ``fact``. Never raises; an empty answer is ``incorrect``/``empty``."""
        prep = self._prepare(fact)
        try:
            return self._check(prep, given)
        except (ValueError, OverflowError, ZeroDivisionError, RecursionError, MemoryError):
            # A defensive net for pathological input; the rules themselves do not raise.
            return self._verdict(prep, given, INCORRECT, "mismatch", f"Expected '{fact.answer}'.")

    # -- preparation -------------------------------------------------------------------

    def _prepare(self, fact: Fact) -> _Prepared:
        cached = self._cache.get(fact.id)
        if cached is not None and (cached.fact is fact or cached.fact == fact):
            return cached
        forms = tuple(Form.of(t) for t in (fact.answer, *fact.aliases) if normalize_answer(t))
        if not forms:
            forms = (Form.of(fact.answer),)
        own = {w for f in forms for w in f.keys}
        rivals: list[frozenset[str]] = []
        distractor_words: set[str] = set()
        for text in fact.distractors:
            keys = frozenset(key_words(words_of(text)))
            distractor_words |= keys
            if keys - own:
                rivals.append(frozenset(keys - own))
        if fact.kind == "name":
            rivals += [keys - own for fid, keys in self._people if fid != fact.id and keys - own]
        context_text = " ".join((fact.statement, *fact.questions, fact.unit))
        prep = _Prepared(
            fact=fact,
            forms=forms,
            norms={f.norm: i for i, f in reversed(list(enumerate(forms)))},
            negations=max(sum(w in NEGATIONS for w in f.words) for f in forms),
            blocked=frozenset((self._names | distractor_words) - own),
            rivals=tuple(rivals),
            context=frozenset(stem(w) for w in words_of(context_text)),
            question_numbers=frozenset(numbers_in(words_of(" ".join(fact.questions)))),
        )
        kind = fact.kind
        if kind in ("number", "percent"):
            prep.numbers = NumberReader.of(fact, [f.text for f in forms])
        elif kind == "duration":
            prep.duration = DurationReader.of(fact, [f.text for f in forms])
        elif kind == "date":
            date = parse_date(tokens(fact.answer))
            prep.date = date if date.ok else None
        elif kind == "list":
            prep.items = tuple(
                tuple(Form.of(p) for p in _LIST_SPLIT.split(fold(f.text)) if normalize_answer(p))
                for f in forms
            )
        self._cache[fact.id] = prep
        return prep

    # -- the rules ---------------------------------------------------------------------

    def _verdict(self, prep: _Prepared, given: str, verdict: str, rule: str, why: str) -> Verdict:
        return Verdict(given, verdict, rule, prep.fact.answer, why)

    def _check(self, prep: _Prepared, given: str) -> Verdict:
        fact = prep.fact
        norm = normalize_answer(given)
        if not norm:
            return self._verdict(prep, given, INCORRECT, "empty", f"No answer given; expected '{fact.answer}'.")
        index = prep.norms.get(norm)
        if index == 0:
            return self._verdict(prep, given, CORRECT, "exact", "Correct.")
        if index is not None:
            return self._verdict(
                prep, given, CORRECT, "alias",
                f"Accepted: '{prep.forms[index].text}' is another accepted form of '{fact.answer}'.",
            )
        words = norm.split()
        negs = [w for w in words if w in NEGATIONS]
        if len(negs) > prep.negations:
            return self._verdict(
                prep, given, INCORRECT, "negation",
                f"The answer adds a negation ('{negs[0]}'): expected '{fact.answer}'.",
            )
        if prep.numbers is not None and prep.numbers.ok:
            return self._outcome(prep, given, prep.numbers.judge(given, prep.context, prep.question_numbers))
        if prep.duration is not None and prep.duration.ok:
            return self._outcome(prep, given, prep.duration.judge(given, prep.context))
        if prep.date is not None:
            return self._check_date(prep, given, words)
        if prep.items:
            return self._check_list(prep, given)
        return self._check_text(prep, given)

    def _outcome(self, prep: _Prepared, given: str, outcome: tuple[str, str, str]) -> Verdict:
        verdict, rule, why = outcome
        return self._verdict(prep, given, verdict, rule, why)

    def _check_date(self, prep: _Prepared, given: str, words: list[str]) -> Verdict:
        """Dates compare as values; a day and month without a year are accepted.

        Decision: when the canonical date has a year and the answer gives the right day
        and month but no year, it is ``correct``: the quiz is about one set of articles,
        so the year is implied by context. A different year, month or day is incorrect.
        A month-and-year answer needs both: a year alone, or a month alone, is incorrect.
        A year answer accepts any fuller date in that year. A hedge ("around June 2") is
        accepted only when the fact is approximate.
        """
        want = prep.date
        assert want is not None
        got = parse_date(words)
        expected = prep.fact.answer
        if not got.ok:
            why = {
                "several": f"The answer gives more than one date: expected '{expected}'.",
                "ambiguous": f"'{given.strip()}' could be read two ways; write the month as a word.",
            }.get(got.problem, f"No date in the answer: expected '{expected}'.")
            return self._verdict(prep, given, INCORRECT, "date", why)
        hedge = hedge_of(" ".join(words))
        for part, name in (("year", "year"), ("month", "month"), ("day", "day")):
            mine, theirs = getattr(want, part), getattr(got, part)
            if mine is not None and theirs is not None and mine != theirs:
                return self._verdict(
                    prep, given, INCORRECT, "date",
                    f"{got.label()} is not {want.label()}: another {name} is a different date.",
                )
        if want.day is not None and (got.day is None or got.month is None):
            return self._verdict(prep, given, INCORRECT, "date", f"Not precise enough: expected '{expected}' (a day).")
        if want.month is not None and got.month is None:
            return self._verdict(prep, given, INCORRECT, "date", f"A year alone is not enough: expected '{expected}'.")
        if want.year is not None and want.day is None and got.year is None:
            return self._verdict(prep, given, INCORRECT, "date", f"The year is missing: expected '{expected}'.")
        if hedge and not prep.fact.approximate:
            return self._verdict(
                prep, given, INCORRECT, "hedge",
                f"The date is exact, so '{hedge}' is not enough: expected '{expected}'.",
            )
        return self._verdict(prep, given, CORRECT, "hedge" if hedge else "date", f"Right date: {want.label()}.")

    def _check_list(self, prep: _Prepared, given: str) -> Verdict:
        """Every item, nothing more, in any order; items may have typos like text answers."""
        expected = prep.fact.answer
        parts = [Form.of(p) for p in _LIST_SPLIT.split(fold(given)) if Form.of(p).keys]
        best: tuple[int, str, str] | None = None  # (rank, rule/verdict, explanation)
        for items in prep.items:
            free = list(range(len(parts)))
            edits, missing = 0, []
            for item in sorted(items, key=lambda f: -len(f.keys)):
                found = None
                for j in free:
                    m = match_words(item, parts[j].keys, prep.blocked)
                    if m.complete and not any(w not in STOPWORDS for w in m.extra if w in ALTERNATIVES):
                        if found is None or m.edits < found[1].edits:
                            found = (j, m)
                if found is None:
                    missing.append(item.text)
                    continue
                free.remove(found[0])
                edits += found[1].edits
            if not missing and not free:
                if edits:
                    return self._verdict(prep, given, CLOSE, "typo", f"Accepted with {_slip_phrase(edits)}: expected '{expected}'.")
                return self._verdict(prep, given, CORRECT, "list", f"All {len(items)} items are there: {expected}.")
            if missing:
                why = f"Missing '{missing[0]}': expected '{expected}'."
            else:
                why = f"'{parts[free[0]].text.strip()}' is not part of the answer: expected '{expected}'."
            rank = len(missing) + len(free)
            if best is None or rank < best[0]:
                best = (rank, "list", why)
        # Items typed without separators ("Sumy Kharkiv"): all key words, nothing else.
        typed = key_words(words_of(given))
        for form in prep.forms:
            m = match_words(form, typed, prep.blocked)
            if m.complete and not m.extra:
                if m.edits:
                    return self._verdict(prep, given, CLOSE, "typo", f"Accepted with {_slip_phrase(m.edits)}: expected '{expected}'.")
                return self._verdict(prep, given, CORRECT, "list", f"All items are there: {expected}.")
        assert best is not None
        return self._verdict(prep, given, INCORRECT, best[1], best[2])

    def _check_text(self, prep: _Prepared, given: str) -> Verdict:
        """Key words in any order, typos by word length, extra words unless they contradict."""
        fact = prep.fact
        expected = fact.answer
        all_words = words_of(given)
        typed = key_words(all_words)
        matches = [match_words(f, typed, prep.blocked) for f in prep.forms]
        done = [m for m in matches if m.complete]
        if not done:
            for form in prep.forms:
                edits = joined_match(form, typed, prep.blocked)
                if edits is not None:
                    if edits == 0:
                        return self._verdict(prep, given, CORRECT, "exact", "Correct.")
                    return self._verdict(prep, given, CLOSE, "typo", f"Accepted with {_slip_phrase(edits)}: expected '{expected}'.")
            return self._reject_text(prep, given, matches, typed)
        m = min(done, key=lambda m: (m.edits, len(m.extra), prep.forms.index(m.form)))
        extra = [w for w in m.extra if w not in NEGATIONS]
        if extra:
            if any(w.startswith("#") for w in extra) and any(k.startswith("#") for k in m.form.keys):
                return self._reject_numbers(prep, given, m)
            extra_set = set(extra)
            for rival in prep.rivals:
                if rival <= extra_set:
                    return self._verdict(
                        prep, given, INCORRECT, "contradiction",
                        f"'{' '.join(sorted(rival))}' contradicts the answer: expected '{expected}'.",
                    )
            offers_choice = any(w in ALTERNATIVES for w in all_words)
            joins = fact.kind in ("name", "place") and any(w in JOINERS for w in all_words)
            if (offers_choice or joins) and not any(w in JOINERS | ALTERNATIVES for w in m.form.words):
                return self._verdict(
                    prep, given, INCORRECT, "contradiction",
                    f"The answer names more than one {fact.kind if fact.kind != 'text' else 'answer'}: expected '{expected}'.",
                )
            if len(extra) > _MAX_EXTRA_WORDS:
                return self._verdict(prep, given, INCORRECT, "extra-words", f"Too much besides the answer: expected '{expected}'.")
        if m.edits:
            return self._verdict(prep, given, CLOSE, "typo", f"Accepted with {_slip_phrase(m.edits)}: expected '{expected}'.")
        if extra or len(all_words) > len(m.form.words):
            return self._verdict(prep, given, CORRECT, "extra-words", f"Accepted: all of '{m.form.text}' is there, and nothing contradicts it.")
        if m.reordered:
            return self._verdict(prep, given, CORRECT, "word-order", f"Accepted in another word order: '{expected}'.")
        rule = "exact" if m.form is prep.forms[0] else "alias"
        return self._verdict(prep, given, CORRECT, rule, "Correct.")

    def _reject_numbers(self, prep: _Prepared, given: str, m: WordMatch) -> Verdict:
        got = [w for w in m.extra + m.missing if w.startswith("#")]
        typed = [format_value(v) for v in numbers_in([w for w in m.extra if w.startswith("#")])]
        want = [format_value(v) for v in numbers_in([w for w in m.form.keys if w.startswith("#")])]
        shown = typed[0] if typed else "no number"
        del got
        return self._verdict(
            prep, given, INCORRECT, "number", f"{shown} is not {want[0]}: numbers must be exact (expected '{prep.fact.answer}').",
        )

    def _reject_text(self, prep: _Prepared, given: str, matches: list[WordMatch], typed: tuple[str, ...]) -> Verdict:
        expected = prep.fact.answer
        best = max(matches, key=lambda m: m.matched)
        if any(k.startswith("#") for k in best.missing) and any(w.startswith("#") for w in best.extra):
            return self._reject_numbers(prep, given, best)
        if best.matched and not [w for w in best.extra if w not in best.form.keys]:
            return self._verdict(prep, given, INCORRECT, "partial", f"Only part of the answer: expected '{expected}'.")
        if typed and all(w in prep.blocked for w in typed):
            return self._verdict(
                prep, given, INCORRECT, "mismatch",
                f"'{given.strip()}' is another name from these articles: expected '{expected}'.",
            )
        return self._verdict(prep, given, INCORRECT, "mismatch", f"Expected '{expected}'.")


_DEFAULT = AnswerChecker()


def check_answer(fact: Fact, given: str, deck: Deck | None = None) -> Verdict:
    """Judge ``given`` for ``fact``; with ``deck``, other names in it are never taken for typos."""
    checker = _DEFAULT if deck is None else _checker_for(deck)
    return checker.check(fact, given)


_CHECKERS: dict[int, tuple[Deck, AnswerChecker]] = {}


def _checker_for(deck: Deck) -> AnswerChecker:
    # Keyed on identity, holding the deck so the id cannot be reused by another object.
    entry = _CHECKERS.get(id(deck))
    if entry is None or entry[0] is not deck:
        if len(_CHECKERS) > 8:
            _CHECKERS.clear()
        entry = (deck, AnswerChecker(deck))
        _CHECKERS[id(deck)] = entry
    return entry[1]
