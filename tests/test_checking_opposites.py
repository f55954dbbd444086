"""Negated and opposite answers are never accepted, for any fact (hypothesis), and the
contradiction module's own promises."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.checking.checker import AnswerChecker
from tui.core.checking.deck_names import TITLES
from tui.core.checking.matching import key_words, words_of
from tui.core.checking.contradiction import ANTONYMS, Clash, are_opposites, lemma, opposite_of, words
from tui.core.checking.parties import Entities, party_clash
from tui.core.deck.loading import load_deck
from tui.core.deck.paths import bundled_deck_path

DECK = load_deck([bundled_deck_path()])
CHECKER = AnswerChecker(DECK)
FACTS = (*DECK.facts, *DECK.asks)  # every question the deck can ask: facts and their asks
NEGATORS = ("not", "no", "never", "it was not", "did not", "without", "non")
AFFIXES = ("un", "non-", "dis")  # prefixes that negate whatever they meet ("in" and "a" begin many words)


def _swap_antonym(text: str) -> str | None:
    """``text`` with its first word that has an antonym replaced by that antonym, or None."""
    out = text.split()
    for i, raw in enumerate(out):
        word = raw.strip(".,;:'\"").casefold()
        opposites = ANTONYMS.get(lemma(word))
        if opposites and word.isalpha():
            out[i] = sorted(opposites)[0]
            return " ".join(out)
    return None


def _affixed(text: str, affix: str) -> str | None:
    """``text`` with a negating prefix on its longest word of five letters or more, or None."""
    ws = text.split()
    candidates = [w for w in ws if w.isalpha() and len(w) >= 5]
    if not candidates:
        return None
    longest = max(candidates, key=len)
    return " ".join(affix + w if w == longest else w for w in ws)


@settings(max_examples=600, deadline=None)
@given(st.integers(0, len(FACTS) - 1), st.integers(0, 20), st.sampled_from(NEGATORS))
def test_a_negated_answer_is_never_accepted(index: int, form: int, negator: str) -> None:
    fact, forms = FACTS[index], (FACTS[index].answer, *FACTS[index].aliases)
    text = forms[form % len(forms)]
    negated = f"{negator} {text}"
    if set(key_words(words_of(negated))) in [set(key_words(words_of(f))) for f in forms]:
        return  # "did not collapse" is also how an accepted form says it ("it did not collapse")
    judged = CHECKER.check(fact, negated)
    assert judged.verdict == "incorrect", (fact.id, judged)


@settings(max_examples=600, deadline=None)
@given(st.integers(0, len(FACTS) - 1), st.integers(0, 20), st.sampled_from(AFFIXES))
def test_an_opposite_answer_is_never_accepted(index: int, form: int, affix: str) -> None:
    fact, forms = FACTS[index], (FACTS[index].answer, *FACTS[index].aliases)
    text = forms[form % len(forms)]
    for opposite in (_swap_antonym(text), _affixed(text, affix)):
        if opposite is None or opposite.casefold() in {f.casefold() for f in forms}:
            continue
        judged = CHECKER.check(fact, opposite)
        assert judged.verdict == "incorrect", (fact.id, opposite, judged)


def test_every_fact_with_a_swappable_word_is_exercised() -> None:
    # The property above only bites if the deck has answers with antonyms in them.
    swappable = [f for f in FACTS for t in (f.answer, *f.aliases) if _swap_antonym(t)]
    assert len(swappable) >= 5


@pytest.mark.parametrize(("expected", "given", "kind"), [
    ("as reasonable", "unreasonable", "opposite"),
    ("an unconditional ceasefire", "a conditional ceasefire", "opposite"),
    ("negotiable", "non-negotiable", "opposite"),
    ("an unprovoked invasion", "a provoked invasion", "opposite"),
    ("more territorial control", "less territorial control", "opposite"),
    ("to gain territory", "to lose territory", "opposite"),
    ("it hardened", "it softened", "opposite"),
    ("days before the talks", "days after the talks", "opposite"),
    ("those under 25", "those over 25", "opposite"),
    ("an increase", "it decreased", "opposite"),
    ("hopeful", "hopeless", "opposite"),
    ("it collapsed", "it did not collapse", "negation"),
    ("it did not collapse", "it collapsed", "negation"),
    ("legal", "illegal", "opposite"),
    ("possible", "impossible", "opposite"),
    ("rational", "irrational", "opposite"),
    ("agree", "disagree", "opposite"),
])
def test_opposite_of_finds_the_clash(expected: str, given: str, kind: str) -> None:
    clash = opposite_of(words(expected), words(given))
    assert isinstance(clash, Clash) and clash.kind == kind, clash
    assert clash.why


@pytest.mark.parametrize(("expected", "given"), [
    ("collapse", "collapsing"),
    ("in Istanbul", "Istanbul"),
    ("the UN Security Council", "the UN council"),
    ("Sumy, Kharkiv", "Kharkiv and Sumy"),
    ("more sanctions", "more sanctions on Russia"),
    ("before the talks", "days before the talks"),
    ("again", "gain"),
    ("informal talks", "informal meetings"),
    ("insults", "sults"),
])
def test_opposite_of_leaves_the_rest_alone(expected: str, given: str) -> None:
    assert opposite_of(words(expected), words(given)) is None


def test_are_opposites_is_symmetric_and_irreflexive() -> None:
    for word, opposites in ANTONYMS.items():
        assert not are_opposites(word, word)
        for other in opposites:
            assert are_opposites(word, other) and are_opposites(other, word)


PARTIES = Entities.of([
    ("russia", ["Russia", "Russian", "Moscow", "the Kremlin"]),
    ("ukraine", ["Ukraine", "Ukrainian", "Kyiv"]),
    ("us", ["the United States", "U.S.", "American", "Washington"]),
])


@pytest.mark.parametrize(("expected", "given", "clash"), [
    ("Ukraine's air force", "Russia's air force", True),
    ("Russian long-range bombers", "Ukrainian bombers", True),
    ("the Kremlin's memorandum", "Moscow's memorandum", False),
    ("U.S. estimates", "American estimates", False),
    ("U.S. estimates", "Washington's estimates", False),
    ("U.S. estimates", "Russian estimates", True),
    ("bombers", "Ukrainian bombers", False),  # the expected side names no party
    ("Ukraine's air force", "the air force", False),  # naming none is not naming another
    ("the United States", "the United States and Russia", True),
])
def test_party_clash(expected: str, given: str, clash: bool) -> None:
    found = party_clash(words(expected), words(given), PARTIES)
    assert (found is not None) is clash, found
    if found is not None:
        assert found.kind == "party" and found.expected and found.given


def test_entities_name_a_party_by_its_longest_form_and_possessive() -> None:
    assert set(PARTIES.named_in(words("the United States' and Kyiv's view"))) == {"us", "ukraine"}
    assert PARTIES.named_in(words("states united")) == {}
    assert not Entities.of([])


UNDOERS = ("lack of", "the absence of", "failed to", "refused", "anything but", "instead of", "the opposite of",
           "a former", "the deputy", "fake")


@pytest.mark.parametrize("undoer", UNDOERS)
def test_an_undoing_word_before_any_answer_is_never_accepted(undoer: str) -> None:
    """'lack of transparency' is not 'transparency', whatever the fact, unless the accepted
    form or the question itself says it ("what did the first round fail to produce?").
    Titles before a name ("the deputy", "a former") say nothing of who it is."""
    tried = 0
    roots = {w[:4] for w in words_of(undoer) if w not in ("a", "the", "of", "to")}
    for fact in FACTS:
        if fact.kind not in ("text", "name", "place") or (fact.kind == "name" and set(words_of(undoer)) & TITLES):
            continue
        said = words_of(" ".join((*fact.questions, fact.statement)))
        for text in (fact.answer, *fact.aliases)[:3]:
            if roots & {w[:4] for w in (*said, *words_of(text))}:
                continue
            judged = CHECKER.check(fact, f"{undoer} {text}")
            tried += 1
            assert judged.verdict == "incorrect", (fact.id, f"{undoer} {text}", judged)
    assert tried > 200


# Near misses that are words of their own, often the opposite: never a slip of the answer.
OTHER_WORDS = {"undermine": "underpin", "stalling": "starting", "declined": "decided", "resumed": "presumed",
               "timeline": "pipeline", "progress": "regress", "revenge": "revenue", "retaliation": "realization"}


def test_another_english_word_is_never_a_slip_of_the_answer() -> None:
    tried = 0
    for fact in FACTS:
        if fact.kind != "text":
            continue
        for text in (fact.answer, *fact.aliases):
            for word, other in OTHER_WORDS.items():
                if word in words_of(text):
                    typed = " ".join(other if w == word else w for w in words_of(text))
                    tried += 1
                    assert not CHECKER.check(fact, typed).correct, (fact.id, typed)
    assert tried >= 6


@pytest.mark.parametrize(("a", "b"), [
    ("reasonable", "unrealistic"), ("insisted", "dropped"), ("accepted", "dismissed"),
    ("negotiable", "non-negotiable"), ("negotiation", "non-negotiable"), ("continued", "stopped"),
    ("deep", "shallow"), ("written", "oral"), ("international", "national"), ("current", "former"),
])
def test_pairs_the_lexicon_lacked(a: str, b: str) -> None:
    assert are_opposites(a, b) and are_opposites(b, a)


def _keys(text: str) -> set[str]:
    return set(key_words(words_of(text)))


def test_the_answer_then_what_it_is_not_is_fair_and_the_other_way_round_never() -> None:
    """"Istanbul, not Ankara" is right; "Ankara, not Istanbul", "Ankara rather than Istanbul"
    never are, for every fact and each of its distractors."""
    tried = 0
    for fact in FACTS:
        for distractor in fact.distractors:
            if not _keys(distractor):
                continue
            for shape in ("{a}, not {d}", "{a} rather than {d}", "{a} (not {d})"):
                judged = CHECKER.check(fact, shape.format(a=fact.answer, d=distractor))
                assert judged.correct, (fact.id, shape, judged)
            for shape in ("{d}, not {a}", "{d} rather than {a}", "{d} instead of {a}", "{d} (not {a})"):
                judged = CHECKER.check(fact, shape.format(a=fact.answer, d=distractor))
                assert judged.verdict == "incorrect", (fact.id, shape, judged)
            tried += 1
    assert tried > 150
