"""The fair answer checker: is a typed answer right for a fact, and why.

Lenient on form, strict on substance. Rule order for ``AnswerChecker.check`` (the first
that decides wins); the rule's name is in ``Verdict.rule``:

1. ``empty`` / ``too-long``: nothing but whitespace or punctuation, or an essay -> incorrect.
2. ``number`` / ``duration`` with a sign ("-1000"): a count has none -> incorrect.
3. ``exact`` / ``alias`` / ``surname``: equal to the canonical answer / an alias / the
   person's surname after ``normalize_answer`` (which also transliterates other scripts:
   "Умеров" is "umerov") -> correct.
4. ``party``: the answer names another party (a deck ``[[entities]]`` entry: "Russia's air
   force" for "Ukraine's air force"), or a party in another role, or puts a declared place
   in another party's country ("Istanbul, Russia"), or gives a figure of another whole
   ("20% of Russia" for a share of Ukraine) -> incorrect, whatever rule would accept the
   rest (``contradiction.parties_clash``, ``places``).
5. ``negation``: the answer adds a negation ("not Istanbul", "no ceasefire") or a word that
   undoes it ("lack of", "failed to", "former", "anything but"; ``undoing``) -> incorrect.
6. By the fact's kind:
   - ``number`` / ``percent``: the one number given must equal the answer, lie within the
     fact's tolerance, or (approximate facts) round it to two or more significant digits.
     Never ``close``, no typo tolerance: 427 is not 472. Number words, separators, scale
     words (with a slip: "milion"), vulgar fractions, and fractions and decimals of
     percentages ("1/5", "0.2") are read as values. Besides the number, only the unit,
     words of the question and filler may appear (else ``mismatch``). Hedges: see
     ``quantities.judge_hedge`` (rule ``hedge``).
   - ``date``: day, month and year compared as values, all-numeric dates read in the deck's
     ``date_order`` (``dates.judge_date``).
   - ``duration``: amount and unit compared as a length ("two weeks" = "14 days").
   - ``list``: every item present, nothing else, in any order unless the fact is
     ``ordered`` (``list``, ``order``); an opposite of any form's word is ``opposite``.
   - ``text`` / ``name`` / ``place``: an antonym or negating affix of a word of any
     accepted form, or of the question's framing ("lose" where it says "gain"), is
     ``opposite`` (``contradiction.opposite_of``), never a typo. Otherwise every key word
     present in any order (``word-order``; ``order`` when the fact is ``ordered``). Typos
     are allowed in proportion to word length (``typo``, close, naming the slip), unless the
     slip is another English word ("underpin" for "undermine"; ``real_words``);
     transliterations and given-name variants are ``spelling`` (Zelenskiy = Zelenskyy,
     Steve = Steven); titles around a name are ignored ("Gen. Keith Kellogg"); another
     form of a party matches ("Moscow's attacks" for "Russian attacks"); extra words are
     allowed unless they contradict (``extra-words``; ``contradiction`` when they name a
     distractor, another person from the deck, or offer alternatives); a bare part is
     ``partial``.

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

from tui.core.checking.contradiction import Clash, are_opposites, opposite_in_context, opposite_of
from tui.core.checking.dates import judge_date
from tui.core.checking.deck_names import NAMED_KINDS, TITLES, DeckNames, person
from tui.core.checking.matching import (
    ALTERNATIVES, CLOSE, CORRECT, INCORRECT, JOINERS, NEGATIONS, WordMatch, joined_match,
    judge_list, key_words, match_words, negation_around_a_form, slip_phrase, words_of,
)
from tui.core.checking.money import without_currency, wrong_currency
from tui.core.checking.normalize import normalize_answer
from tui.core.checking.numbers import format_value, numbers_in
from tui.core.checking.parties import echoed_parties, parties_clash
from tui.core.checking.places import misplaced, wrong_whole
from tui.core.checking.prepared import Prepared, prepare
from tui.core.checking.quantities import signed
from tui.core.checking.rivals import CONTRAST, distractor_typed, owner_of_another
from tui.core.checking.undoing import undoing_words
from tui.core.deck.model import Deck, Fact
from tui.core.verdicts import Verdict

__all__ = ["AnswerChecker", "Verdict", "check_answer", "normalize_answer"]

EXACT_WHY = "The expected answer (case, accents and punctuation aside)."
_MAX_EXTRA_WORDS = 8  # beyond this, the "answer" is an essay that happens to contain it
_MAX_ANSWER_CHARS = 300  # longer is pasted text, not an answer; also bounds the work per call


class AnswerChecker:
    """Judges typed answers against a deck's facts; safe to share, cheap per call."""

    def __init__(self, deck: Deck | None = None):
        """Precompute the deck's names, so no other name is accepted as a typo of an answer."""
        self._deck = deck
        self._cache: dict[str, Prepared] = {}
        self._deck_names = DeckNames.of(deck)

    def check(self, fact: Fact, given: str) -> Verdict:
        """Judge ``given`` for ``fact``. Never raises; an empty answer is ``incorrect``/``empty``."""
        prep = self._prepare(fact)
        if len(given) > _MAX_ANSWER_CHARS:
            return self._verdict(prep, given, INCORRECT, "too-long", f"That is more than an answer: expected '{fact.answer}'.")
        try:
            return self._check_contrast(prep, given) or self._check(prep, given)
        except (ValueError, OverflowError, ZeroDivisionError, RecursionError, MemoryError):
            # A defensive net for pathological input; the rules themselves do not raise.
            return self._verdict(prep, given, INCORRECT, "mismatch", f"Expected '{fact.answer}'.")

    def _prepare(self, fact: Fact) -> Prepared:
        cached = self._cache.get(fact.id)
        if cached is not None and (cached.fact is fact or cached.fact == fact):
            return cached
        prep = self._cache[fact.id] = prepare(fact, self._deck_names)
        return prep

    # -- the rules ---------------------------------------------------------------------

    def _verdict(self, prep: Prepared, given: str, verdict: str, rule: str, why: str) -> Verdict:
        return Verdict(given, verdict, rule, prep.fact.answer, why)

    def _check(self, prep: Prepared, given: str) -> Verdict:
        fact = prep.fact
        norm = normalize_answer(given)
        if not norm:
            return self._verdict(prep, given, INCORRECT, "empty", f"No answer given; expected '{fact.answer}'.")
        if fact.kind == "money":  # symbols fall out of the normal form: "€48m" must not pass for "$48m"
            wrong = wrong_currency([f.text for f in prep.forms], given)
            if wrong:
                return self._verdict(prep, given, INCORRECT, "currency", wrong)
        if (prep.numbers is not None or prep.duration is not None or prep.date is not None or prep.figures) and signed(given):
            rule = "duration" if prep.duration is not None else "date" if prep.date is not None else "number"
            return self._verdict(prep, given, INCORRECT, rule, f"A {'date' if rule == 'date' else 'count'} has no sign ('{signed(given)}'): expected '{fact.answer}'.")
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
        entities = self._deck_names.entities
        # Parties the answer echoes from the question ("... the Ukraine–Russia talks") are never held against it.
        echo = (echoed_parties(words, prep.question_words, entities) if prep.parties or prep.place_party
                else frozenset())
        party = parties_clash(prep.parties, words, entities, echo)
        if party is None and not prep.parties and entities and fact.kind in ("text", "name"):
            # A party the fact never names: "Russia's chief of staff" for Zelensky's (a place
            # may name its country: "Istanbul, Turkey").
            stray = next((p for p in entities.named_in(words) if p not in prep.context_parties), None)
            if stray is not None:
                name = entities.names[stray]
                party = Clash("party", "", name, f"it brings in {name}, which this fact does not name")
        if party is None and prep.place_party:  # "Istanbul, Russia"; "Istanbul, Turkey" is fine
            party = misplaced(fact.answer, prep.place_party, words, entities, echo)
        if party is None and prep.wholes:  # "20% of Russia" for a fifth of Ukraine
            party = wrong_whole(prep.wholes, words, entities)
        if party is not None:
            return self._clash(prep, given, party)
        negs = [w for w in words if w in NEGATIONS]
        if len(negs) > prep.negations:
            return self._negation(prep, given, negs[0])
        # "lack of May 16", "anything but Putin, Zelensky" (text answers are held to the form they
        # match below; numbers weigh their own hedges: "a little more than", "fewer than").
        if prep.date is not None or prep.items:
            undone = undoing_words(words, prep.said)
            if undone:
                return self._undone(prep, given, undone)
        if prep.numbers is not None and prep.numbers.ok:
            amount = without_currency(given) if fact.kind == "money" else given
            return self._outcome(prep, given, prep.numbers.judge(amount, prep.context, prep.question_numbers))
        if prep.duration is not None and prep.duration.ok:
            return self._outcome(prep, given, prep.duration.judge(given, prep.context))
        if prep.date is not None:
            return self._outcome(prep, given, judge_date(fact, prep.date, words, self._deck_names.date_order))
        if prep.items:
            return self._check_list(prep, given)
        return self._check_text(prep, given)

    def _check_contrast(self, prep: Prepared, given: str) -> Verdict | None:
        """"Istanbul, not Ankara": the answer, then what it is not. Judged by its head alone when
        the tail names a rival with words of its own (else the whole is judged as typed)."""
        found = CONTRAST.match(given)
        if found is None:
            return None
        head, tail = found.group("head"), found.group("tail")
        tail_keys = set(key_words(words_of(tail)))
        named = tuple(w for w in words_of(tail) if w not in ("a", "an", "the")) in {ws for ws, _ in prep.distractor_words}
        if not tail_keys or not normalize_answer(head) or not (named or (
                not tail_keys <= prep.own and self._something_else(prep, tail_keys))):
            return None
        judged = self._check(prep, head)
        if judged.verdict == INCORRECT:
            return None
        return Verdict(given, judged.verdict, judged.rule, judged.expected, f"{judged.explanation} (And not '{tail.strip()}'.)")

    def _something_else(self, prep: Prepared, keys: set[str]) -> bool:
        """Whether ``keys`` name a rival answer: a distractor, a name or party of the deck, a
        figure, or the opposite of a word of the answer ("transparency, not secrecy"). "Not
        really", "not sure" name nothing: the whole is judged as typed."""
        if any(rival <= keys for rival, _ in prep.rivals) or keys <= self._deck_names.names:
            return True
        if self._deck_names.entities.named_in(sorted(keys)) or any(k.startswith("#") for k in keys):
            return True
        return any(are_opposites(word, key) for word in prep.safe_words for key in keys)

    def _clash(self, prep: Prepared, given: str, clash: Clash) -> Verdict:
        rule = "opposite" if clash.kind == "opposite" else clash.kind
        return self._verdict(prep, given, INCORRECT, rule, f"{clash.why[:1].upper()}{clash.why[1:]}: expected '{prep.fact.answer}'.")

    def _check_list(self, prep: Prepared, given: str) -> Verdict:
        """Every item, nothing else; an opposite of a word of any accepted form ("over 25" for
        "under 25", "lightly wounded" for "heavily wounded") is wrong."""
        fact = prep.fact
        verdict, rule, why = judge_list(fact.answer, prep.forms, prep.items, prep.blocked, given, fact.ordered)
        all_words = words_of(given)
        if verdict != INCORRECT and (unknown := self._unknown_number(prep, given, all_words)) is not None:
            return unknown  # "a 15-day ceasefire and a prisoner exchange"
        for form in prep.forms:
            clash = opposite_of(form.words, all_words, prep.safe_words)
            if clash is not None and clash.kind == "opposite":
                return self._clash(prep, given, clash)
        return self._verdict(prep, given, verdict, rule, why)

    def _negation(self, prep: Prepared, given: str, word: str) -> Verdict:
        return self._verdict(
            prep, given, INCORRECT, "negation", f"The answer adds a negation ('{word}'): expected '{prep.fact.answer}'.",
        )

    def _undone(self, prep: Prepared, given: str, word: str) -> Verdict:
        why = f"'{word}' says something else than the answer: expected '{prep.fact.answer}'."
        return self._verdict(prep, given, INCORRECT, "negation", why)

    def _outcome(self, prep: Prepared, given: str, outcome: tuple[str, str, str]) -> Verdict:
        verdict, rule, why = outcome
        return self._verdict(prep, given, verdict, rule, why)

    def _check_text(self, prep: Prepared, given: str) -> Verdict:
        """Key words in any order, typos by word length, extra words unless they contradict."""
        fact = prep.fact
        expected = fact.answer
        all_words = words_of(given)
        typed = key_words(all_words)
        negation = negation_around_a_form(prep.forms, all_words)
        if negation:
            return self._negation(prep, given, negation)
        variants = fact.kind in NAMED_KINDS
        if fact.kind == "name":  # "Gen. Keith Kellogg", "Mr. Rubio": titles say nothing of who
            typed = tuple(w for w in typed if w not in TITLES or w in prep.own)
        matches = [match_words(f, typed, prep.blocked, variants) for f in prep.forms]
        # An opposite of a word of any accepted form ("lightly" where one form says "heavily")
        # is wrong whatever else matches; a negation only when no complete match is free of it.
        clashes = [opposite_of(f.words, all_words, prep.safe_words) for f in prep.forms]
        opposite = next((c for c in clashes if c is not None and c.kind == "opposite"), None)
        if opposite is not None:
            return self._clash(prep, given, opposite)
        done = [m for m, clash in zip(matches, clashes) if m.complete and clash is None]
        if not done:
            nearest = max(range(len(matches)), key=lambda i: matches[i].matched, default=None)
            clash = clashes[nearest] if nearest is not None else None
            if clash is not None and (matches[nearest].matched or any(m.complete for m in matches)):
                return self._clash(prep, given, clash)
            # Wrong either way; say so when it turns the question round ("to lose territory"
            # for "what does Russia aim to gain?").
            against = opposite_in_context([w for w in all_words if w not in prep.safe_words],
                                          prep.context_words, set(all_words))
            if against is not None:
                return self._clash(prep, given, against)
        if prep.party_forms:  # "Northlandic" is no slip of "Northland's", "Russian" none of "Russia"
            canonical = self._deck_names.entities.canonical(all_words)
            if canonical != all_words:
                by_party = key_words(canonical)
                found = [m for f in prep.party_forms if (m := match_words(f, by_party, prep.blocked, variants)).complete]
                exact = [m for m in found if not m.edits]
                if exact or (found and not done):
                    done, all_words = exact or found, canonical
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

        ranked = (*prep.forms, *prep.party_forms)
        m = min(done, key=lambda m: (adds_negation(m), len(m.extra), m.edits, len(m.spellings), ranked.index(m.form)))
        if adds_negation(m):
            return self._negation(prep, given, negs[0])
        owner = owner_of_another(m.form.words, all_words) if fact.kind == "name" else ""
        if owner:  # "Zelensky's chief of staff", "Putin's aide" are not Zelensky, Putin
            return self._verdict(prep, given, INCORRECT, "contradiction", f"'{owner}'s ...' names someone else: expected '{expected}'.")
        extra = [w for w in m.extra if w not in NEGATIONS]
        if extra:
            undone = undoing_words(
                [w for w in all_words if fact.kind != "name" or w not in TITLES], m.form.words, prep.question_words,
            )
            if undone:
                return self._undone(prep, given, undone)
            refused = self._contradiction(prep, given, m, extra, all_words)
            if refused is not None:
                return refused
            against = opposite_in_context(extra, prep.context_words, set(all_words))
            if against is not None:
                return self._clash(prep, given, against)
        if m.reordered and fact.ordered:
            return self._verdict(prep, given, INCORRECT, "order", f"The order matters here: expected '{expected}'.")
        if m.edits:
            why = f"Accepted with {slip_phrase(m.edits, m.slips)}: expected '{expected}'."
            return self._verdict(prep, given, CLOSE, "typo", why)
        if m.spellings:
            shown = ", ".join(f"'{typed_word}' for '{key}'" for typed_word, key in m.spellings)
            return self._verdict(prep, given, CORRECT, "spelling", f"Accepted: another spelling of the name ({shown}).")
        if extra or len(all_words) > len(m.form.words):
            why = f"Accepted: all of '{m.form.text}' is there, and nothing contradicts it."
            return self._verdict(prep, given, CORRECT, "extra-words", why)
        if m.form in prep.party_forms:
            why = f"Accepted: '{given.strip()}' names the same party as '{m.form.text}'."
            return self._verdict(prep, given, CORRECT, "alias", why)
        if m.reordered:
            return self._verdict(prep, given, CORRECT, "word-order", f"Accepted in another word order: '{expected}'.")
        if ranked.index(m.form) in prep.surnames:
            return self._verdict(prep, given, CORRECT, "surname", f"Accepted: the surname identifies {expected}.")
        if m.form is prep.forms[0]:
            return self._verdict(prep, given, CORRECT, "exact", EXACT_WHY)
        return self._verdict(prep, given, CORRECT, "alias", f"Accepted: '{m.form.text}' is an accepted form of '{expected}'.")

    def _contradiction(
        self, prep: Prepared, given: str, m: WordMatch, extra: list[str], all_words: list[str],
    ) -> Verdict | None:
        """A verdict refusing extra words that contradict the answer, or None when they are harmless."""
        fact, expected = prep.fact, prep.fact.answer
        if any(w.startswith("#") for w in extra) and any(k.startswith("#") for k in m.form.keys):
            return self._reject_numbers(prep, given, m)
        unknown = self._unknown_number(prep, given, extra)
        if unknown is not None:
            return unknown
        extra_set = set(extra)
        rival = next((text for keys, text in prep.rivals if keys <= extra_set), None)
        if rival is None:  # "at the talks and days before the talks": a distractor the answer's words contain
            rival = distractor_typed(prep.distractor_words, m.form.words, all_words)
        if rival is None and fact.kind == "name":
            rival = self._deck_names.rival_person(person(fact), prep.own, extra_set)
        other = next((w for w in extra if w in prep.others or (
            fact.kind == "name" and w not in prep.own and self._deck_names.other_given_name(person(fact), w))), None)
        offers_choice = any(w in ALTERNATIVES for w in all_words)
        joins = fact.kind in NAMED_KINDS and any(w in JOINERS for w in all_words)
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

    def _unknown_number(self, prep: Prepared, given: str, typed: list[str]) -> Verdict | None:
        """A number neither the answer nor its fact says ("a 15-day ceasefire"): numbers are
        checkable, so one the articles do not give here is wrong, not decoration."""
        stray = next((w for w in typed if w.startswith("#") and w not in prep.known_numbers), None)
        if stray is None:
            return None
        shown = format_value(numbers_in([stray])[0]) if numbers_in([stray]) else stray[1:]
        return self._verdict(prep, given, INCORRECT, "number", f"{shown} is not in what the articles say here: expected '{prep.fact.answer}'.")

    def _reject_numbers(self, prep: Prepared, given: str, m: WordMatch) -> Verdict:
        typed = [format_value(v) for v in numbers_in(list(m.extra))]
        want = [format_value(v) for v in numbers_in(list(m.form.keys))]
        shown = typed[0] if typed else "no number"
        return self._verdict(
            prep, given, INCORRECT, "number", f"{shown} is not {want[0]}: numbers must be exact (expected '{prep.fact.answer}').",
        )

    def _reject_text(self, prep: Prepared, given: str, matches: list[WordMatch], typed: tuple[str, ...]) -> Verdict:
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
    """Judge ``given`` for ``fact``; with ``deck``, other names in it are never taken for typos.

    Builds a checker for ``deck`` on every call: a session keeps one (``DeckSession.checker``).
    """
    checker = _DEFAULT if deck is None else AnswerChecker(deck)
    return checker.check(fact, given)
