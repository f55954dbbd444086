"""The quiz engine: repeatable rounds, prompts that never give the answer, filters, grading, retries."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path

import pytest

from tui.core.checking.checker import AnswerChecker
from tui.core.deck.model import Deck
from tui.core.deck.loading import load_deck
from tui.core.deck.paths import bundled_deck_path
from tui.core.quiz.rounds import (
    NotAnAnswer, QuizSession, RoundSpec, build_round, grade_answer, retry_round,
)
from tui.core.quiz.questions import (
    BLANK, QUESTION_TYPES, distractor_pool, feasible_types, safe_questions, sentence_around,
)

QUIZDECK = Path(__file__).parent / "data" / "quizdeck"


@pytest.fixture(scope="module")
def quizdeck() -> Deck:
    return load_deck([QUIZDECK])


@pytest.fixture(scope="module")
def bundled() -> Deck:
    return load_deck([bundled_deck_path()])


def _words(text: str) -> str:
    """Lower-case words separated by single spaces, thousands separators dropped (independent of the engine)."""
    text = re.sub(r"(?<=\d)[,\u202f](?=\d{3})", "", text.casefold())
    return " " + " ".join(re.findall(r"\w+", text)) + " "


def _shows_answer(text: str, fact) -> bool:
    shown = _words(text)
    return any(_words(form) in shown for form in (fact.answer, *fact.aliases) if _words(form).strip())


# --- repeatability -----------------------------------------------------------------------

@pytest.mark.parametrize("seed", [1, 7, 12345])
def test_the_same_seed_gives_the_same_round(quizdeck, seed):
    spec = RoundSpec(count=8, seed=seed)
    assert build_round(quizdeck, spec) == build_round(quizdeck, spec)


def test_different_seeds_give_different_rounds(quizdeck):
    rounds = {build_round(quizdeck, RoundSpec(count=8, seed=seed)).questions for seed in range(20)}
    assert len(rounds) > 10


def test_choice_options_are_shuffled_across_seeds(quizdeck):
    labels = Counter()
    for seed in range(60):
        for question in build_round(quizdeck, RoundSpec(count=8, types=("choice",), seed=seed)).questions:
            labels[question.correct_label] += 1
    assert set(labels) == {"A", "B", "C", "D"}


# --- never repeat, never reveal ----------------------------------------------------------------

@pytest.mark.parametrize("deck_name", ["quizdeck", "bundled"])
def test_no_fact_twice_and_no_answer_in_any_prompt(request, deck_name):
    deck = request.getfixturevalue(deck_name)
    asked = 0
    for seed in range(200):
        round_ = build_round(deck, RoundSpec(count=12, seed=seed))
        keys = [q.key for q in round_.questions]
        assert len(keys) == len(set(keys)), f"seed {seed} repeats a fact"
        for question in round_.questions:
            if question.type in ("typed", "choice", "cloze"):
                asked += 1
                assert not _shows_answer(question.prompt, question.fact), (seed, question)
                assert not _shows_answer(question.cloze, question.fact), (seed, question)
    assert asked > 500


def test_count_is_respected_and_capped_by_the_material(quizdeck):
    assert len(build_round(quizdeck, RoundSpec(count=3, seed=1))) == 3
    everything = build_round(quizdeck, RoundSpec(count=100, seed=1))
    assert len(everything) == len(quizdeck.facts) + len(quizdeck.unsourced_claims)


# --- type mix and filters ----------------------------------------------------------------------

@pytest.mark.parametrize("types", [("typed",), ("choice",), ("claim",), ("cloze",), ("typed", "claim")])
def test_only_the_chosen_types_are_asked(quizdeck, types):
    for seed in range(30):
        round_ = build_round(quizdeck, RoundSpec(count=5, types=types, seed=seed))
        assert round_.questions
        assert {q.type for q in round_.questions} <= set(types)


def test_all_types_are_mixed_evenly(quizdeck):
    for seed in range(30):
        counts = Counter(q.type for q in build_round(quizdeck, RoundSpec(count=4, seed=seed)).questions)
        assert counts == Counter(QUESTION_TYPES), (seed, counts)
        counts = Counter(q.type for q in build_round(quizdeck, RoundSpec(count=6, seed=seed)).questions)
        assert set(counts) == set(QUESTION_TYPES) and max(counts.values()) == 2, (seed, counts)


def test_tag_filter(quizdeck):
    for seed in range(30):
        round_ = build_round(quizdeck, RoundSpec(count=10, tags=("money",), seed=seed))
        keys = {q.key for q in round_.questions}
        assert keys == {"ferry-cost", "ticket-price", "not-in-sources:bridge-plan"}


def test_source_filter_keeps_citing_facts_and_drops_unsourced_claims(quizdeck):
    for seed in range(30):
        round_ = build_round(quizdeck, RoundSpec(count=10, sources=("tribune",), seed=seed))
        assert {q.key for q in round_.questions} == {"mayor-name", "ferry-cost", "first-week-passengers"}


# --- what each type holds ------------------------------------------------------------------------

def test_choice_has_four_labelled_options_with_exactly_one_answer(quizdeck):
    for seed in range(40):
        for q in build_round(quizdeck, RoundSpec(count=8, types=("choice",), seed=seed)).questions:
            texts = [o.text for o in q.options]
            assert [o.label for o in q.options] == list("ABCD")[: len(q.options)]
            assert texts.count(q.fact.answer) == 1
            assert next(o.text for o in q.options if o.label == q.correct_label) == q.fact.answer
            wrong = set(texts) - {q.fact.answer}
            own = set(q.fact.distractors)
            same_kind = {f.answer for f in quizdeck.facts if f.kind == q.fact.kind}
            if len(own) >= 3:
                assert len(q.options) == 4 and wrong <= own
            else:  # the fact's own distractors first, then answers of the same kind
                assert own <= wrong and wrong - own <= same_kind


def test_without_own_distractors_options_come_from_facts_of_the_same_kind(quizdeck):
    stripped = dataclasses.replace(quizdeck.fact("crossing-time"), distractors=())
    facts = tuple(stripped if f.id == stripped.id else f for f in quizdeck.facts)
    deck = Deck(quizdeck.title, dict(quizdeck.sources), facts, quizdeck.unsourced_claims)
    same_kind = {f.answer for f in facts if f.kind == "number" and f.id != "crossing-time"}
    for seed in range(20):
        round_ = build_round(deck, RoundSpec(count=10, types=("choice",), seed=seed))
        question = next(q for q in round_.questions if q.key == "crossing-time")
        wrong = {o.text for o in question.options} - {"42"}
        assert len(question.options) == 4 and wrong <= same_kind


def test_a_free_text_answer_borrows_no_options_from_other_facts(bundled):
    text_facts = [f for f in bundled.facts if f.kind == "text"]
    for fact in text_facts:
        assert set(distractor_pool(bundled, fact)) <= set(fact.distractors), fact.id
    bare = [f for f in text_facts if not f.distractors and safe_questions(f)]
    assert bare, "the bundled deck has text facts without distractors"
    assert all("choice" not in feasible_types(bundled, f) for f in bare)


@pytest.mark.parametrize(("text", "word", "sentence"), [
    ("An area the size of the U.S. state of Ohio. Next.", "Ohio", "An area the size of the U.S. state of Ohio."),
    ("Before. The U.S. President said no. After.", "said", "The U.S. President said no."),
    ('Before. Mr. Smith "agreed." Then he left.', "Smith", 'Mr. Smith "agreed."'),
    ("It was 1.2 million. Then 6,000 more.", "6,000", "Then 6,000 more."),
    ("Talks at 10 a.m. today went well. Done.", "today", "Talks at 10 a.m. today went well."),
])
def test_cloze_sentences_do_not_end_at_abbreviations_or_decimals(text, word, sentence):
    start = text.index(word)
    assert sentence_around(text, start, start + len(word)) == sentence


def test_the_cloze_of_a_bundled_fact_keeps_its_whole_sentence(bundled):
    fact = bundled.fact("territory-113100-km2")
    citation = fact.citations[0]
    sentence = sentence_around(bundled.source_of(citation).text, citation.start, citation.end)
    assert sentence.startswith("Russia currently controls") and sentence.endswith("state of Ohio.")


def test_no_prompt_or_cloze_holds_a_phrase_the_checker_would_accept(bundled):
    """Judged by the checker itself: a run of words copied from the question must not score.

    Caught a cloze that blanked "a Putin-Zelenskyy Summit" in a heading but kept "a face-to-face
    meeting of President Zelenskyy and ... Putin" in the same quoted sentence.
    """
    from tui.core.checking.checker import AnswerChecker
    from tui.core.quiz.questions import cloze_candidates

    checker = AnswerChecker(bundled)
    leaks = []
    for fact in bundled.facts:
        longest = max(len(form.split()) for form in (fact.answer, *fact.aliases)) + 2
        texts = safe_questions(fact) + [blanked for blanked, _ in cloze_candidates(bundled, fact)]
        for text in texts:
            for piece in text.split(BLANK):
                words = piece.split()
                runs = (" ".join(words[i:i + n]) for n in range(1, longest + 1) for i in range(len(words) - n + 1))
                leaks += [(fact.id, run) for run in runs if checker.check(fact, run).verdict == "correct"]
    assert leaks == []


def _blank_spans(sentence: str, blanked: str) -> list[tuple[int, int]]:
    """Where in `sentence` the blanks of `blanked` stand (the text between blanks is kept verbatim)."""
    pieces = blanked.split(BLANK)
    spans, cursor = [], len(pieces[0])
    assert sentence.startswith(pieces[0])
    for piece in pieces[1:]:
        end = sentence.index(piece, cursor + 1) if piece else len(sentence)
        spans.append((cursor, end))
        cursor = end + len(piece)
    return spans


def test_a_cloze_blanks_only_the_quoted_mention_and_leaves_words_to_go_on(bundled):
    """Caught "_____ Zelensky ... while _____ Donald Trump" (the alias "President" blanked twice for
    "U.S. President") and a cloze that was nothing but "_____" (a quoted heading, "Core Disagreements")."""
    from tui.core.quiz.questions import cloze_candidates

    for fact in bundled.facts:
        for blanked, citation in cloze_candidates(bundled, fact):
            text = bundled.source_of(citation).text
            sentence = sentence_around(text, citation.start, citation.end)
            offset = text.index(sentence, max(0, citation.start - len(sentence)))
            for start, end in _blank_spans(sentence, blanked):
                assert offset + start < citation.end and offset + end > citation.start, (fact.id, blanked)
            assert len(blanked.replace(BLANK, " ").split()) >= 3, (fact.id, blanked)


def test_claims_are_statements_false_claims_or_unsourced_and_never_disputed(quizdeck):
    judgements = Counter()
    for seed in range(60):
        for q in build_round(quizdeck, RoundSpec(count=8, types=("claim",), seed=seed)).questions:
            judgements[q.judgement] += 1
            if q.judgement == "supported":
                assert q.claim == q.fact.statement
            elif q.judgement == "refuted":
                assert q.claim in q.fact.false_claims
            else:
                assert q.fact is None and q.claim in {c.claim for c in quizdeck.unsourced_claims}
            assert q.fact is None or not q.fact.disputed
    assert set(judgements) == {"supported", "refuted", "not-in-sources"}


def test_cloze_is_a_source_sentence_with_the_answer_blanked(quizdeck):
    for seed in range(20):
        for q in build_round(quizdeck, RoundSpec(count=8, types=("cloze",), seed=seed)).questions:
            assert BLANK in q.cloze
            source_text = quizdeck.source_of(q.cloze_citation).text
            sentence = sentence_around(source_text, q.cloze_citation.start, q.cloze_citation.end)
            assert sentence in source_text
            before, _, after = q.cloze.partition(BLANK)
            assert sentence.startswith(before) and sentence.endswith(after.split(BLANK)[-1])


# --- grading and the session ---------------------------------------------------------------------

def _one(deck, fact_tag, type_):
    round_ = build_round(deck, RoundSpec(count=1, tags=(fact_tag,), types=(type_,), seed=3))
    return round_.questions[0]


def test_grading_each_type(quizdeck):
    from tui.core.checking.checker import AnswerChecker

    checker = AnswerChecker(quizdeck)
    typed = _one(quizdeck, "people", "typed")
    assert grade_answer(typed, "Ada Lindqvist", checker).verdict == "correct"
    assert grade_answer(typed, "Ada Lindqvst", checker).verdict == "close"
    assert grade_answer(typed, "Eva Lindgren", checker).verdict == "incorrect"
    with pytest.raises(ValueError):
        grade_answer(typed, "   ", checker)

    choice = _one(quizdeck, "people", "choice")
    wrong = next(o.label for o in choice.options if o.label != choice.correct_label)
    assert grade_answer(choice, choice.correct_label.lower(), checker).verdict == "correct"
    assert grade_answer(choice, wrong, checker).verdict == "incorrect"
    with pytest.raises(NotAnAnswer):
        grade_answer(choice, "z", checker)

    claim = _one(quizdeck, "people", "claim")
    right = {"supported": "s", "refuted": "r"}[claim.judgement]
    assert grade_answer(claim, right, checker).verdict == "correct"
    assert grade_answer(claim, "n", checker).verdict == "incorrect"
    with pytest.raises(NotAnAnswer):
        grade_answer(claim, "maybe", checker)


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_session_scores_skips_reveals_and_retries_the_missed(quizdeck):
    clock = FakeClock()
    round_ = build_round(quizdeck, RoundSpec(count=4, types=("typed",), seed=5))
    session = QuizSession(quizdeck, round_, AnswerChecker(quizdeck), clock=clock)
    answers = {q.key: q.fact.answer for q in round_.questions}
    with pytest.raises(ValueError):
        session.answer("")
    assert session.results == []  # an empty answer settles nothing
    first = session.current
    clock.now += 3
    assert session.answer(answers[first.key]).verdict == "correct"
    session.advance()
    assert session.skip().verdict == "skipped"
    session.advance()
    assert session.reveal().verdict == "revealed"
    session.advance()
    clock.now += 2
    session.answer("definitely not it")
    assert session.advance() is None and session.finished
    result = session.result()
    assert (result.score, result.total, result.elapsed) == (1, 4, 5)
    assert [r.verdict for r in result.missed] == ["skipped", "revealed", "incorrect"]
    assert sum(asked for _, asked in result.per_tag.values()) >= 4
    retry = retry_round(quizdeck, result)
    assert {q.key for q in retry.questions} == {r.key for r in result.missed}
    assert {q.type for q in retry.questions} == {"typed"}


def test_a_round_examines_only_the_facts_it_reaches_not_the_whole_deck(bundled, monkeypatch):
    # Working out a fact's question types reads its sentences and runs the checker: on a
    # 100,000-fact deck, doing it for every fact made starting a round take minutes.
    import tui.core.quiz.rounds as quiz

    examined = []
    real = quiz.feasible_types
    monkeypatch.setattr(quiz, "feasible_types", lambda deck, fact: examined.append(fact.id) or real(deck, fact))

    round_ = build_round(bundled, RoundSpec(count=5, seed=4))

    assert len(round_) == 5
    assert len(examined) <= 20 < len(bundled.facts)
    assert len(examined) == len(set(examined))  # each fact at most once
