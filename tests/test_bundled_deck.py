"""The bundled deck: it validates, the checker accepts its own answers, it covers the
articles, its sources are the seeds byte for byte, and its provenance is honest."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import load_script

from tui.core.checking.checker import AnswerChecker
from tui.core.deck.loading import load_deck
from tui.core.checking.normalize import normalize_answer

REPO = Path(__file__).resolve().parent.parent
FACTS = REPO / "facts"
SEEDS = REPO.parent / "shared" / "seeds"
MIN_SHARE = 95.0
# The five articles as given in ../shared/seeds, pinned so the check holds without them too.
SEED_SHA256 = {
    "000_82f3b325df050d70.txt": "38d76f51b93f978089f1f9b36fe166ff2ae271312d7a3791597ee3b8e502530b",
    "001_8b8496d1b130a673.txt": "f21dc15eb03f7f78111367cf16c8c4d9d5ef75d8d1a649b6502c5da8738c93b5",
    "002_a408e2f475ad1b97.txt": "19c9903ba4a1a8b9d39470ff85c2da78ab6198591da783de2d7293e79b7af05b",
    "003_573a4fccb884c982.txt": "77d37b64c356e34b2edd7ef9a755766fbaf0c6cfd46700d197754cd7640c00ad",
    "004_176debf6fd8dda82.txt": "f8ac7e8e86626b6ea1766f2326c88fe874811b5597d978555be70f6a6ef8d40a",
}
SUMMARY = re.compile(r"^(\d+) facts, (\d+) sources, (\d+) quotes, all quotes verified$")
TAGS = frozenset({
    "talks", "delegations", "turkey-mediation", "prisoner-exchanges", "ceasefire", "demands",
    "history", "leaders-summit", "us-role", "europe", "military-events", "territory", "casualties",
})
# "article 003", "article-003", "articles 000 ('...'), 003 and 004"
_NUMBER = r"\d{3}(?:\s*\([^)]*\))?"
_SOURCE_MENTION = re.compile(
    rf"\barticles?[ -]({_NUMBER}(?:(?:,\s*|,?\s+and\s+|\s*/\s*){_NUMBER})*)", re.IGNORECASE,
)


coverage = load_script("coverage.py", "coverage_script")


@pytest.fixture(scope="module")
def deck():
    return load_deck([FACTS])


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=REPO, capture_output=True, text=True, timeout=120,
    )


def test_cli_validates_the_bundled_deck_clean(deck):
    for args in (("validate",), ("validate", str(FACTS))):
        result = _cli(*args)
        assert result.returncode == 0, result.stdout + result.stderr
        lines = result.stdout.strip().splitlines()
        assert len(lines) == 1, result.stdout
        summary = SUMMARY.match(lines[0])
        assert summary, lines[0]
        facts, sources, quotes = map(int, summary.groups())
        assert (facts, sources) == (len(deck.facts), len(deck.sources))
        assert quotes == sum(len(f.citations) for f in deck.facts)


def test_checker_accepts_every_answer_and_alias_for_its_own_ask(deck):
    checker = AnswerChecker(deck)
    rejected = [
        f"{fact.id}: {answer!r} -> {verdict.rule}: {verdict.explanation}"
        for fact in deck.asks
        for answer in (fact.answer, *fact.aliases)
        if not (verdict := checker.check(fact, answer)).correct
    ]
    assert not rejected, "\n".join(rejected)


def test_each_article_is_covered(deck):
    results = coverage.deck_coverage(deck)
    assert [r.source_id for r in results] == list(deck.sources)
    low = [r for r in results if r.share < MIN_SHARE]
    assert not low, coverage.report(low)


def test_coverage_lists_an_uncited_repeated_paragraph_once_and_credits_cited_repeats():
    text = "Head line\nOne fact here. Two facts here.\nOne fact here. Two facts here.\nLast one.\n"
    one = text.index("One")
    cited_span = (one, one + len("One fact"))  # cites the first copy of the first sentence only
    result = coverage.article_coverage("t", text, [cited_span])
    assert [s.text for s in result.cited] == ["One fact here."]
    assert [s.text for s in result.repeats] == ["One fact here."]
    assert [s.text for s in result.uncited] == ["Head line", "Two facts here.", "Last one."]
    assert [s.text for s in result.uncited_copies] == ["Two facts here."]
    assert result.occurrences(result.uncited[1]) == 2
    assert result.share == pytest.approx(100 * 2 / 6)
    report = coverage.report([result])
    assert report.count("Two facts here.") == 1
    assert "Two facts here.  (occurs 2 times)" in report


def test_sentence_split_keeps_abbreviations_and_drops_the_outlet_prefix():
    text = "The Voice News:Kyiv spoke. U.S. President Donald Trump said “no.” Then he left.\n- A bullet line\n"
    sentences = [s.text for s in coverage.split_sentences(text)]
    assert sentences == ["Kyiv spoke.", "U.S. President Donald Trump said “no.”", "Then he left.", "A bullet line"]
    for s in coverage.split_sentences(text):
        assert text[s.start:s.end] == s.text


def test_source_texts_are_the_seed_articles_byte_for_byte(deck):
    stored = {p.name: p.read_bytes() for p in (FACTS / "sources").glob("*.txt")}
    assert {name: hashlib.sha256(data).hexdigest() for name, data in stored.items()} == SEED_SHA256
    assert sorted(s.text_path.name for s in deck.sources.values()) == sorted(SEED_SHA256)
    # Beside a checkout (and in CI) the seeds themselves are there to compare with.
    if SEEDS.is_dir():
        seeds = {p.name: p.read_bytes() for p in SEEDS.glob("*.txt")}
        assert seeds == stored


def test_no_question_gives_away_its_answer(deck):
    leaks = []
    for fact in deck.asks:
        for question in fact.questions:
            padded = f" {normalize_answer(question)} "
            for answer in (fact.answer, *fact.aliases):
                if f" {normalize_answer(answer)} " in padded:
                    leaks.append(f"{fact.id}: {answer!r} in {question!r}")
    assert not leaks, "\n".join(leaks)


def _sources_named(note: str) -> set[str]:
    named = set()
    for match in _SOURCE_MENTION.finditer(note):
        numbers = re.sub(r"\([^)]*\)", "", match.group(1))
        named.update(f"article-{n}" for n in re.findall(r"\d{3}", numbers))
    return named


def test_disputed_facts_name_at_least_two_sources(deck):
    disputed = [f for f in deck.facts if f.disputed]
    assert disputed, "the articles disagree on several points; the deck must record them"
    for fact in disputed:
        named = _sources_named(fact.dispute_note)
        assert named <= set(deck.sources), f"{fact.id}: unknown sources {named - set(deck.sources)}"
        assert len(named) >= 2, f"{fact.id}: dispute_note names {sorted(named)}"


def test_dispute_note_parser_reads_lists_of_articles():
    note = "Articles 000 ('May 16'), 003 and 004 say one thing; article-002 another."
    assert _sources_named(note) == {"article-000", "article-002", "article-003", "article-004"}
    assert _sources_named("Only article 001 says so, per the 22 articles.") == {"article-001"}


def test_provenance_is_only_what_the_articles_support(deck):
    known = {sid for sid, s in deck.sources.items() if s.outlet_known}
    assert known == {"article-000"}
    for sid in known:
        source = deck.sources[sid]
        assert source.text.startswith(f"{source.outlet}:"), sid
    for sid, source in deck.sources.items():
        assert not source.url, f"{sid}: no article gives its URL"
        if source.date_precision == "inferred":
            assert source.date_basis.strip(), f"{sid}: an inferred date needs its basis"
        if source.title_kind == "headline":
            assert source.title in source.text, f"{sid}: a headline must be the article's own"


def test_one_citation_per_article_per_fact(deck):
    repeated = [
        f"{fact.id}: {sid}"
        for fact in deck.facts
        for sid in {c.source_id for c in fact.citations}
        if sum(c.source_id == sid for c in fact.citations) > 1
    ]
    assert not repeated, "\n".join(repeated)


def test_every_fact_uses_the_shared_tag_set(deck):
    for fact in deck.facts:
        assert fact.tags, f"{fact.id}: no tags"
        assert set(fact.tags) <= TAGS, f"{fact.id}: {sorted(set(fact.tags) - TAGS)}"


def test_ids_other_features_rely_on_are_present(deck):
    expected = {
        "prisoner-exchange-1000-each": ("1,000", "number"),
        "umerov-leads-ukraine": ("Rustem Umerov", "name"),
        "medinsky-leads-russia": ("Vladimir Medinsky", "name"),
        "ceasefire-30-days": ("30 days", "duration"),
        "bodies-6000": ("6,000", "number"),
        "fidan-led-session": ("Hakan Fidan", "name"),
        "exchange-categories": (None, "list"),
    }
    for fact_id, (answer, kind) in expected.items():
        fact = deck.fact(fact_id)
        assert fact.kind == kind, fact_id
        if answer is not None:
            assert fact.answer == answer, fact_id


def test_checker_rejects_every_distractor(deck):
    checker = AnswerChecker(deck)
    accepted = [
        f"{fact.id}: {option!r} -> {checker.check(fact, option).rule}"
        for fact in deck.asks
        for option in fact.distractors
        if checker.check(fact, option).correct
    ]
    assert not accepted, "\n".join(accepted)


def test_disputed_delegation_rank_accepts_each_article_reading(deck):
    checker = AnswerChecker(deck)
    fact = deck.fact("russian-delegation-rank")
    assert fact.disputed
    for reading in ("a junior team", "senior officials", "a delegation led by Medinsky"):
        assert checker.check(fact, reading).correct, reading
    assert not checker.check(fact, "Putin himself").correct


def test_disputed_response_dates_are_asked_as_each_speaker_put_it(deck):
    # Medinsky (article 003) and Kyslytsia (article 004) disagree on when Russia would
    # respond; each question names its speaker, so neither answer is marked wrong.
    checker = AnswerChecker(deck)
    monday, end_of_june = deck.fact("russia-response-monday"), deck.fact("russia-response-end-of-june")
    assert monday.disputed and end_of_june.disputed
    assert all("Medinsky" in q for q in monday.questions)
    assert all("Deputy Foreign Minister" in q or "Kyslytsia" in q for q in end_of_june.questions)
    assert checker.check(monday, "Monday").correct and not checker.check(monday, "end of June").correct
    assert checker.check(end_of_june, "end of June").correct and not checker.check(end_of_june, "Monday").correct


# --- asks: each fact asked from every side worth asking ------------------------------------

def _plain(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.casefold().replace("\u2019", "'"))) + " "


def test_the_deck_asks_its_facts_from_other_sides(deck):
    asks = [a for a in deck.asks if a.is_ask]
    assert len(asks) >= 60
    kinds = {a.kind for a in asks}
    assert {"name", "place", "number", "date", "text"} <= kinds
    assert all(a.id == f"{a.about}#{a.id.split('#')[1]}" and a.about in deck.facts_by_id for a in asks)


def test_every_ask_is_true_to_its_facts_quotes(deck):
    """An ask cites its fact's quotes: its answer (or an alias; for a list, each item) is worded in one of them."""
    def quoted(form: str, ask) -> bool:
        items = form.split(",") if ask.kind == "list" else [form]
        return all(any(_plain(item) in _plain(c.quote) for c in ask.citations) for item in items)

    unquoted = [
        ask.id for ask in deck.asks if ask.is_ask and not any(quoted(form, ask) for form in (ask.answer, *ask.aliases))
    ]
    assert not unquoted, unquoted


def test_the_audited_asks_are_there(deck):
    checker = AnswerChecker(deck)
    for ask_id, right, wrong in [
        ("trump-called-putin-crazy#who", "Vladimir Putin", "Zelensky"),
        ("medinsky-napoleon#who", "Medinsky", "Umerov"),
        ("bodies-6000#who", "Vladimir Medinsky", "Rustem Umerov"),
    ]:
        ask = deck.ask(ask_id)
        assert checker.check(ask, right).correct and not checker.check(ask, wrong).correct, ask_id
