"""The fair answer checker: is a typed answer right for a fact, and why.

Lenient on form, strict on substance. Rule order for ``AnswerChecker.check`` (the first
that decides wins); the rule's name is in ``Verdict.rule``:

1. ``empty`` / ``too-long``: nothing but whitespace or punctuation, or an essay -> incorrect.
2. ``exact`` / ``alias`` / ``surname``: equal to the canonical answer / an alias / the
   person's surname after ``normalize_answer`` -> correct.
3. ``negation``: the answer adds a negation ("not Istanbul", "no ceasefire") -> incorrect.
4. By the fact's kind:
   - ``number`` / ``percent``: the one number given must equal the answer (or lie within
     the fact's tolerance: ``close``). No typo tolerance: 427 is not 472. Number words,
     separators, scale words and fractions of percentages are read as values. Besides
     the number, only the unit, words of the question and filler may appear (else
     ``mismatch``). Hedges: see ``quantities.judge_hedge`` (rule ``hedge``).
   - ``date``: day, month and year compared as values (``dates.judge_date``).
   - ``duration``: amount and unit compared as a length ("two weeks" = "14 days").
   - ``list``: every item present, nothing else, in any order (``list``).
   - ``text`` / ``name`` / ``place``: every key word present in any order. Typos are
     allowed in proportion to word length (``typo``, close, naming the slip);
     transliterations of a name are ``spelling`` (correct: Zelenskiy = Zelenskyy);
     extra words are allowed unless they contradict (``extra-words``;
     ``contradiction`` when they name a distractor, another person from the deck, or
     offer alternatives); a bare part is ``partial``.

Decision on people's names: the surname alone is accepted (``surname``), because that is
how the articles themselves refer to people after first mention ("Umerov said"), unless
another person in the deck shares it. A given name alone ("Rustem", "Vladimir") is
``partial``: it does not identify anyone. A wrong given name with the right surname
("Vladimir Umerov") is a ``contradiction`` when that given name belongs to another
person of the deck, else it is accepted as extra words.

Another name of the deck is never accepted as a typo or spelling of this answer, nor is
a word that is at least as close to another such name as to this answer.

A number, date or duration answer whose canonical text cannot be read as one falls back
to the text rules, so a deck never gets a checker that rejects its own answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from tui.core.checking.dates import DateParts, expected_date, judge_date
from tui.core.deck.model import Deck, Fact
from tui.core.checking.matching import (
    ALTERNATIVES, CLOSE, CORRECT, INCORRECT, JOINERS, NEGATIONS, Form, WordMatch, joined_match,
    judge_list, key_words, list_items, match_words, negation_around_a_form, slip_phrase,
    spelling_key, words_of,
)
from tui.core.checking.normalize import normalize_answer, stem
from tui.core.checking.numbers import format_value, numbers_in
from tui.core.checking.quantities import DurationReader, NumberReader
from tui.core.verdicts import Verdict

__all__ = ["AnswerChecker", "Verdict", "check_answer", "normalize_answer"]

EXACT_WHY = "The expected answer (case, accents and punctuation aside)."
_MAX_EXTRA_WORDS = 8  # beyond this, the "answer" is an essay that happens to contain it
_MAX_ANSWER_CHARS = 300  # longer is pasted text, not an answer; also bounds the work per call
_NAMED_KINDS = ("name", "place")  # kinds whose words are names: transliteration variants apply
# Words around a name that are not names, so never "another person's name".
_TITLES = frozenset({
    "president", "general", "gen", "minister", "secretary", "state", "foreign", "defence",
    "defense", "deputy", "prime", "chief", "envoy", "special", "ambassador", "mr", "mrs", "ms",
    "dr", "sir", "lord", "head", "leader", "senator", "chancellor", "king", "queen", "pope",
    "russian", "ukrainian", "turkish", "american", "us", "former", "vice", "colonel", "lt",
})


@dataclass(slots=True)
class _Prepared:
    """Everything about a fact the checker needs, computed once per fact."""

    fact: Fact
    forms: tuple[Form, ...]  # canonical first, then aliases
    norms: dict[str, int]  # normalised form -> index in forms
    negations: int  # most negation words in any accepted form
    blocked: frozenset[str]  # words that are other names, never typos of this answer
    rivals: tuple[tuple[frozenset[str], str], ...]  # (key words, text) of answers that contradict this one
    others: frozenset[str]  # words of other people's names (name kind only)
    surnames: frozenset[int]  # indices in forms of the implicit surname forms
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
        self._people: list[tuple[str, frozenset[str], str]] = []  # (fact id, key words, text)
        self._people_words: dict[str, set[str]] = {}  # word -> ids of name facts using it
        self._given_names: dict[str, set[str]] = {}  # word of a canonical name or distractor -> fact ids
        for fact in deck.facts if deck else ():
            if fact.kind in _NAMED_KINDS:
                for text in (fact.answer, *fact.aliases, *fact.distractors):
                    names.update(key_words(words_of(text)))
            if fact.kind == "name":
                for text in (fact.answer, *fact.aliases):
                    self._people.append((fact.id, frozenset(key_words(words_of(text))), text))
                for text in (fact.answer, *fact.aliases, *fact.distractors):
                    for word in key_words(words_of(text)):
                        self._people_words.setdefault(word, set()).add(fact.id)
                # Aliases may carry titles ("President Putin"); canonical names do not.
                for text in (fact.answer, *fact.distractors):
                    for word in key_words(words_of(text)):
                        if word not in _TITLES:
                            self._given_names.setdefault(word, set()).add(fact.id)
        self._names = frozenset(names)

    def check(self, fact: Fact, given: str) -> Verdict:
        """Judge ``given`` for ``fact``. Never raises; an empty answer is ``incorrect``/``empty``."""
        prep = self._prepare(fact)
        if len(given) > _MAX_ANSWER_CHARS:
            return self._verdict(prep, given, INCORRECT, "too-long", f"That is more than an answer: expected '{fact.answer}'.")
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
        implicit = self._surname_forms(fact, forms)
        surnames = frozenset(range(len(forms), len(forms) + len(implicit)))
        forms = (*forms, *implicit)
        own = {w for f in forms for w in f.keys}
        # Other names spelt like one of this answer's ("Sergei" for "Sergey") are this one's.
        own_spellings = {spelling_key(w) for w in own}
        own |= {w for w in self._names | self._people_words.keys() if spelling_key(w) in own_spellings}
        others: set[str] = set()
        if fact.kind == "name":
            others = {w for w, ids in self._given_names.items() if ids - {fact.id}}
            others |= {w for text in fact.distractors for w in key_words(words_of(text)) if w not in _TITLES}
        rivals: list[tuple[frozenset[str], str]] = []
        distractor_words: set[str] = set()
        for text in fact.distractors:
            keys = frozenset(key_words(words_of(text)))
            distractor_words |= keys
            if keys - own:
                rivals.append((frozenset(keys - own), text))
        if fact.kind == "name":
            rivals += [(keys - own, text) for fid, keys, text in self._people if fid != fact.id and keys - own]
        context_text = " ".join((fact.statement, *fact.questions, fact.unit))
        prep = _Prepared(
            fact=fact,
            forms=forms,
            norms={f.norm: i for i, f in reversed(list(enumerate(forms)))},
            negations=max(sum(w in NEGATIONS for w in f.words) for f in forms),
            blocked=frozenset((self._names | distractor_words) - own),
            rivals=tuple(rivals),
            others=frozenset(others - own),
            surnames=surnames,
            context=frozenset(stem(w) for w in words_of(context_text)),
            question_numbers=frozenset(numbers_in(words_of(" ".join(fact.questions)))),
        )
        kind = _answer_kind(fact, forms[0])
        if kind in ("number", "percent"):
            prep.numbers = NumberReader.of(fact, [f.text for f in forms], kind == "percent")
        elif kind == "duration":
            prep.duration = DurationReader.of(fact, [f.text for f in forms])
        elif kind == "date":
            prep.date = expected_date(fact)
        elif kind == "list":
            prep.items = tuple(list_items(f.text) for f in forms)
        self._cache[fact.id] = prep
        return prep

    def _surname_forms(self, fact: Fact, forms: tuple[Form, ...]) -> list[Form]:
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
            if self._people_words.get(last.keys[0], set()) - {fact.id}:
                continue  # another person of the deck has that surname
            seen.add(last.keys)
            found.append(last)
        return found

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
            return self._verdict(prep, given, CORRECT, "exact", EXACT_WHY)
        if index is not None and index in prep.surnames:
            return self._verdict(prep, given, CORRECT, "surname", f"Accepted: the surname identifies {fact.answer}.")
        if index is not None:
            return self._verdict(
                prep, given, CORRECT, "alias",
                f"Accepted: '{prep.forms[index].text}' is another accepted form of '{fact.answer}'.",
            )
        words = norm.split()
        negs = [w for w in words if w in NEGATIONS]
        if len(negs) > prep.negations:
            return self._negation(prep, given, negs[0])
        if prep.numbers is not None and prep.numbers.ok:
            return self._outcome(prep, given, prep.numbers.judge(given, prep.context, prep.question_numbers))
        if prep.duration is not None and prep.duration.ok:
            return self._outcome(prep, given, prep.duration.judge(given, prep.context))
        if prep.date is not None:
            return self._outcome(prep, given, judge_date(fact, prep.date, words))
        if prep.items:
            return self._outcome(prep, given, judge_list(fact.answer, prep.forms, prep.items, prep.blocked, given))
        return self._check_text(prep, given)

    def _negation(self, prep: _Prepared, given: str, word: str) -> Verdict:
        return self._verdict(
            prep, given, INCORRECT, "negation", f"The answer adds a negation ('{word}'): expected '{prep.fact.answer}'.",
        )

    def _outcome(self, prep: _Prepared, given: str, outcome: tuple[str, str, str]) -> Verdict:
        verdict, rule, why = outcome
        return self._verdict(prep, given, verdict, rule, why)

    def _check_text(self, prep: _Prepared, given: str) -> Verdict:
        """Key words in any order, typos by word length, extra words unless they contradict."""
        fact = prep.fact
        expected = fact.answer
        all_words = words_of(given)
        typed = key_words(all_words)
        negation = negation_around_a_form(prep.forms, all_words)
        if negation:
            return self._negation(prep, given, negation)
        variants = fact.kind in _NAMED_KINDS
        matches = [match_words(f, typed, prep.blocked, variants) for f in prep.forms]
        done = [m for m in matches if m.complete]
        if not done:
            for form in prep.forms:
                edits = joined_match(form, typed, prep.blocked)
                if edits is not None:
                    if edits == 0:
                        return self._verdict(prep, given, CORRECT, "exact", EXACT_WHY)
                    return self._verdict(prep, given, CLOSE, "typo", f"Accepted with {slip_phrase(edits)}: expected '{expected}'.")
            return self._reject_text(prep, given, matches, typed)
        # The form that explains the most typed words: "Rustam Umerov" is a slip of
        # "Rustem Umerov", not "Umerov" with an extra word. A negation must be the form's
        # own: "not collapse" is not "collapse", even if "it did not collapse" is accepted.
        negs = [w for w in all_words if w in NEGATIONS]

        def adds_negation(m: WordMatch) -> bool:
            return len(negs) > sum(w in NEGATIONS for w in m.form.words)

        m = min(done, key=lambda m: (adds_negation(m), len(m.extra), m.edits, len(m.spellings), prep.forms.index(m.form)))
        if adds_negation(m):
            return self._negation(prep, given, negs[0])
        extra = [w for w in m.extra if w not in NEGATIONS]
        if extra:
            refused = self._contradiction(prep, given, m, extra, all_words)
            if refused is not None:
                return refused
        if m.edits:
            why = f"Accepted with {slip_phrase(m.edits, m.slips)}: expected '{expected}'."
            return self._verdict(prep, given, CLOSE, "typo", why)
        if m.spellings:
            shown = ", ".join(f"'{typed_word}' for '{key}'" for typed_word, key in m.spellings)
            return self._verdict(prep, given, CORRECT, "spelling", f"Accepted: another spelling of the name ({shown}).")
        if extra or len(all_words) > len(m.form.words):
            why = f"Accepted: all of '{m.form.text}' is there, and nothing contradicts it."
            return self._verdict(prep, given, CORRECT, "extra-words", why)
        if m.reordered:
            return self._verdict(prep, given, CORRECT, "word-order", f"Accepted in another word order: '{expected}'.")
        if prep.forms.index(m.form) in prep.surnames:
            return self._verdict(prep, given, CORRECT, "surname", f"Accepted: the surname identifies {expected}.")
        if m.form is prep.forms[0]:
            return self._verdict(prep, given, CORRECT, "exact", EXACT_WHY)
        return self._verdict(prep, given, CORRECT, "alias", f"Accepted: '{m.form.text}' is an accepted form of '{expected}'.")

    def _contradiction(
        self, prep: _Prepared, given: str, m: WordMatch, extra: list[str], all_words: list[str],
    ) -> Verdict | None:
        """A verdict refusing extra words that contradict the answer, or None when they are harmless."""
        fact, expected = prep.fact, prep.fact.answer
        if any(w.startswith("#") for w in extra) and any(k.startswith("#") for k in m.form.keys):
            return self._reject_numbers(prep, given, m)
        extra_set = set(extra)
        rival = next((text for keys, text in prep.rivals if keys <= extra_set), None)
        other = next((w for w in extra if w in prep.others), None)
        offers_choice = any(w in ALTERNATIVES for w in all_words)
        joins = fact.kind in _NAMED_KINDS and any(w in JOINERS for w in all_words)
        if rival is not None:
            why = f"'{rival}' contradicts the answer"
        elif other is not None:
            why = f"'{other}' belongs to another name in these articles"
        elif (offers_choice or joins) and not any(w in JOINERS | ALTERNATIVES for w in m.form.words):
            why = f"The answer names more than one {fact.kind if fact.kind != 'text' else 'answer'}"
        elif len(extra) > _MAX_EXTRA_WORDS:
            return self._verdict(prep, given, INCORRECT, "extra-words", f"Too much besides the answer: expected '{expected}'.")
        else:
            return None
        return self._verdict(prep, given, INCORRECT, "contradiction", f"{why}: expected '{expected}'.")

    def _reject_numbers(self, prep: _Prepared, given: str, m: WordMatch) -> Verdict:
        typed = [format_value(v) for v in numbers_in(list(m.extra))]
        want = [format_value(v) for v in numbers_in(list(m.form.keys))]
        shown = typed[0] if typed else "no number"
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


def _answer_kind(fact: Fact, canonical: Form) -> str:
    """The fact's kind, except that a ``text`` answer that is just a figure ("20%") is judged
    as one: no typo tolerance on it, and hedges weighed."""
    words = canonical.words
    if fact.kind != "text" or not words or not words[0].startswith("#"):
        return fact.kind
    if len(words) == 1:
        return "number"
    return "percent" if words[1:] in (("percent",), ("per", "cent")) else fact.kind


_DEFAULT = AnswerChecker()


def check_answer(fact: Fact, given: str, deck: Deck | None = None) -> Verdict:
    """Judge ``given`` for ``fact``; with ``deck``, other names in it are never taken for typos.

    Builds a checker for ``deck`` on every call: a session keeps one (``DeckSession.checker``).
    """
    checker = _DEFAULT if deck is None else AnswerChecker(deck)
    return checker.check(fact, given)
