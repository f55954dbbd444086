"""The claim verdict engine (tui/core/factcheck): its decisions, reasons and evidence."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tui.core.deck.loading import load_deck
from tui.core.factcheck import DISPUTED, NOT_IN_SOURCES, REFUTED, SUPPORTED, looks_like_claim
from tui.core.factcheck.contrast import Contrast
from tui.core.factcheck.text import read_words
from tui.core.session import DeckSession

BUNDLED = Path(__file__).parent.parent / "facts"


@pytest.fixture(scope="module")
def checker():
    return DeckSession(load_deck([BUNDLED])).fact_checker


def evidence_ids(verdict) -> list[str]:
    return [item.fact.id for item in verdict.evidence]


# --- the examples ---------------------------------------------------------------

def test_427_drones_is_refuted_by_the_472_fact_naming_both_figures(checker):
    verdict = checker.check("Russia sent 427 drones in one night")
    assert verdict.label == REFUTED and verdict.fever_label == "REFUTES"
    assert evidence_ids(verdict) == ["record-472-drones"]
    assert "427" in verdict.reason and "472" in verdict.reason and "article 003" in verdict.reason
    assert [c.source_id for c in verdict.evidence[0].citations] == ["article-003"]


def test_the_472_claim_is_supported_with_its_quote(checker):
    verdict = checker.check("Russia launched a record 472 drones at Ukraine in a single night")
    assert verdict.label == SUPPORTED and verdict.fever_label == "SUPPORTS"
    assert evidence_ids(verdict) == ["record-472-drones"]
    assert "472 drones" in verdict.evidence[0].citations[0].quote


def test_a_claim_the_deck_records_as_unsourced_is_not_in_the_sources(checker):
    verdict = checker.check("China's foreign ministry publicly welcomed the resumption of talks in Istanbul.")
    assert verdict.label == NOT_IN_SOURCES and verdict.fever_label == "NOT ENOUGH INFO"
    assert verdict.recorded == "not-in-sources:china-welcomed-talks"
    assert verdict.note == "No article mentions China."


def test_a_junior_team_is_disputed_with_both_sides_quoted(checker):
    verdict = checker.check("Russia sent a junior team to the first round")
    assert verdict.label == DISPUTED
    quotes = [c.quote for item in verdict.evidence for c in item.citations]
    assert any("junior team" in q for q in quotes) and any("senior officials" in q for q in quotes)
    assert "junior team" in verdict.reason and "senior officials" in verdict.reason


# --- what decides, and the reason that names it -------------------------------------------

@pytest.mark.parametrize("claim, fact_id, named", [
    ("Ukraine's delegation in Istanbul was headed by Andriy Yermak.", "umerov-leads-ukraine", ("Yermak", "Umerov")),
    ("Umerov called for a conditional ceasefire of at least 30 days.", "ceasefire-30-days",
     ("conditional", "unconditional")),
    ("Russia controls roughly half of Ukraine.", "russia-controls-one-fifth", ("half",)),
    ("The second round of negotiations lasted under an hour.", "second-round-duration", ("1 hour",)),
    ("Kellogg warned that the U.S. might reconsider its involvement if no progress was seen within two months.",
     "kellogg-two-weeks", ("two", "2 weeks")),
    ("The 2025 Ukraine-Russia peace talks were held in Ankara.", "talks-venue-istanbul", ("Ankara", "Istanbul")),
    ("Russia said it would return the bodies of 6,000 Russian soldiers.", "bodies-6000", ("Russia", "Ukraine")),
])
def test_refutations_name_what_decided_them(checker, claim, fact_id, named):
    verdict = checker.check(claim)
    assert verdict.label == REFUTED, verdict.reason
    assert fact_id in evidence_ids(verdict)
    for text in named:
        assert text in verdict.reason


@pytest.mark.parametrize("claim, fact_id", [
    ("Russian forces hold about a fifth of Ukraine.", "russia-controls-one-fifth"),
    ("The second round of negotiations lasted a little more than an hour.", "second-round-duration"),
    ("Alexander Fomin is Russia's Deputy Defence Minister.", "fomin-deputy-defence-minister"),
    ("The first round of the renewed talks was held on May 16.", "first-round-may-16"),
])
def test_paraphrases_and_hedged_figures_are_supported(checker, claim, fact_id):
    verdict = checker.check(claim)
    assert verdict.label == SUPPORTED, verdict.reason
    assert fact_id in evidence_ids(verdict)


def test_a_supported_claim_from_two_facts_shows_both(checker):
    verdict = checker.check("Ukraine's roadmap rejects recognising Russian sovereignty and demands reparations.")
    assert verdict.label == SUPPORTED, verdict.reason
    assert set(evidence_ids(verdict)) == {"roadmap-no-recognition", "roadmap-reparations"}


def test_two_facts_pieced_together_never_back_what_a_third_negates(checker):
    # One fact's 30-day ceasefire and another's agreement at the first round, against the fact that
    # the first round produced no ceasefire: never Supported.
    verdict = checker.check("At the first round, the two sides agreed to a full ceasefire.")
    assert verdict.label != SUPPORTED, verdict.reason


@pytest.mark.parametrize("claim", [
    "Ukraine's air defences shot down most of the 472 drones.",  # shares "472 drones" with a fact
    "The first round of talks on May 16 lasted about two hours.",  # another round's length is no contradiction
    "Sergei Lavrov met Marco Rubio on the sidelines of the Istanbul talks.",
    "Inflation in Russia rose sharply in May 2025.",
])
def test_shared_words_never_refute_what_no_fact_speaks_to(checker, claim):
    verdict = checker.check(claim)
    assert verdict.label == NOT_IN_SOURCES, verdict.reason
    assert verdict.evidence == ()


def test_a_conflict_outside_the_dispute_refutes_a_disputed_fact(checker):
    verdict = checker.check("Kyslytsia said Russia's response to Ukraine's proposals was expected by the end of July.")
    assert verdict.label == REFUTED
    assert "July" in verdict.reason and "June" in verdict.reason


def test_a_swapped_side_is_refuted(checker):
    verdict = checker.check("Ukraine launched a record 472 drones against Russia in a single night.")
    assert verdict.label == REFUTED
    assert evidence_ids(verdict) == ["record-472-drones"]


@pytest.mark.parametrize("text", ["", "   ", "drones", "Umerov defence"])
def test_keywords_and_blanks_are_not_claims(checker, text):
    verdict = checker.check(text)
    assert verdict.label == NOT_IN_SOURCES and verdict.confidence == "weak"
    assert not looks_like_claim(text)


def test_whole_sentences_look_like_claims_and_filters_do_not():
    assert looks_like_claim("Russia sent 427 drones in one night")
    assert not looks_like_claim("tag:delegations Umerov led the delegation")
    assert not looks_like_claim("472 drones")
    assert not looks_like_claim("Umerov led delegation")
    assert not looks_like_claim("Umerov defence minister delegation")  # keywords, not a sentence
    assert looks_like_claim("Umerov headed Kyiv's delegation.")


def test_opposition_finds_affixes_antonyms_negation_and_the_declared_other_side(checker):
    contrast = Contrast(checker.deck)  # the lexicon of tui.core.checking.contradiction, the deck's parties

    def opposed(a: str, b: str):
        return contrast.opposition(read_words(a), read_words(b))

    assert opposed("a conditional ceasefire", "an unconditional ceasefire").kind == "opposite"
    assert opposed("Russia accepts the call", "Russia rejects the call").kind == "opposite"
    assert opposed("The gathering collapsed", "The gathering did not collapse").kind == "negation"
    assert opposed("Russia's air force said so", "Ukraine's air force said so").kind == "party"
    assert opposed("The Kremlin's air force said so", "Russian air force said so") is None  # one party
    assert opposed("Ukraine launched drones against Russia", "Russia launched drones against Ukraine").kind == "party"
    assert opposed("Trump said nothing was going to happen", "stating “nothing’s going to happen”") is None
    assert opposed("Russia dismissed the call", "Russia dismissed the call") is None
    assert opposed("sovereignty over the territories", "just under one-fifth of the territories") is None


def test_another_deck_gets_its_own_names_and_figures(tmp_path):
    """Nothing is specific to the bundled deck: a small deck of its own decides its claims."""
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(
        "The mayor of Testville, Ann Berg, said 12 bridges were closed on Friday.\n", encoding="utf-8")
    (tmp_path / "deck.toml").write_text(textwrap.dedent('''
        [[sources]]
        id = "wire"
        title = "Bridges closed"
        title_kind = "headline"
        outlet = "unknown"
        date = "2025-06-02"
        date_precision = "exact"
        language = "en"
        text = "sources/a.txt"

        [[facts]]
        id = "bridges-closed"
        statement = "Testville closed 12 bridges on Friday."
        questions = ["How many bridges were closed in Testville on Friday?"]
        answer = "12"
        kind = "number"
        unit = "bridges"

        [[facts.citations]]
        source = "wire"
        quote = "said 12 bridges were closed on Friday"

        [[facts]]
        id = "mayor-berg"
        statement = "Ann Berg is the mayor of Testville."
        questions = ["Who is the mayor of Testville?"]
        answer = "Ann Berg"
        kind = "name"
        distractors = ["Carl Holm"]

        [[facts.citations]]
        source = "wire"
        quote = "The mayor of Testville, Ann Berg"
    '''), encoding="utf-8")
    checker = DeckSession(load_deck([tmp_path])).fact_checker
    assert checker.check("Testville closed 21 bridges on Friday.").label == REFUTED
    assert checker.check("Testville closed twelve bridges on Friday.").label == SUPPORTED
    refuted = checker.check("Carl Holm is the mayor of Testville.")
    assert refuted.label == REFUTED and "Holm" in refuted.reason and "Berg" in refuted.reason
    assert checker.check("The mayor of Testville resigned over a bribery scandal.").label == NOT_IN_SOURCES


# --- review-12: negation in news prose ----------------------------------------------------

@pytest.mark.parametrize("claim, label", [
    # "declined to attend" and "postponed imposing" deny the act the claim asserts
    ("Putin attended the first round of the Istanbul talks.", REFUTED),
    ("Trump imposed strict sanctions on Russia before the second round.", REFUTED),
    # one negation reaching a few words further on one side is the same denial, not a flip
    ("Putin did not attend the Istanbul talks.", SUPPORTED),
    # a quote's elliptical "also declined" does not gainsay the statement's "declined to attend"
    ("Trump declined to attend the Istanbul talks.", SUPPORTED),
    ("Russia declined to return the bodies of Ukrainian soldiers.", REFUTED),
    ("Medinsky did not say when the prisoner exchange would happen.", SUPPORTED),
    # "interest in attending" asserts no attending, either way
    ("Trump attended the Istanbul talks.", REFUTED),
    ("Trump had initially expressed interest in attending the talks.", SUPPORTED),
    # "the two sides" is a pair, not a count against 1,000
    ("The two sides swapped 1,000 prisoners each on May 16.", SUPPORTED),
    ("The two sides swapped 100 prisoners each on May 16.", REFUTED),
])
def test_negated_acts_and_counts_read_as_a_reader_would(checker, claim, label):
    assert checker.check(claim).label == label


def test_another_weekday_is_refuted_like_another_month(checker):
    verdict = checker.check("Ukraine attacked Russian bombers in Siberia on the Saturday before the second round.")
    assert verdict.label == REFUTED and "Saturday" in verdict.reason and "Sunday" in verdict.reason
    same_day = checker.check("Ukraine struck Russian long-range bombers in Siberia on the Sunday before the second round.")
    assert same_day.label == SUPPORTED


@pytest.mark.parametrize("claim", [
    "Russia launched 300 missiles at Kyiv on the night of the record drone attack.",
    "Russia fired 472 missiles at Ukraine in a single night.",
])
def test_a_figure_counting_what_no_fact_counts_is_neither_refuted_nor_supported(checker, claim):
    """300 missiles is no contradiction of 472 drones, and 472 missiles is no repetition of it."""
    assert checker.check(claim).label == NOT_IN_SOURCES


def test_the_two_sides_is_a_pair_not_a_figure_to_back(checker):
    claim = "The two sides agreed to exchange sick and heavily wounded prisoners and those under the age of 25."
    assert checker.check(claim).label == SUPPORTED


@pytest.mark.parametrize("claim", [
    "Russia returned the 6,000 bodies within a week.",  # "recent weeks" of another fact is no backing
    "Kyiv says Ukrainian neutrality is open to negotiation.",  # nor is a 'negotiable' said of NATO
])
def test_two_facts_that_share_no_word_do_not_support_a_claim_together(checker, claim):
    assert checker.check(claim).label != SUPPORTED


def test_two_facts_on_one_thing_still_support_together(checker):
    verdict = checker.check("The area under Russian control, about 113,100 square kilometres, is comparable to Ohio.")
    assert verdict.label == SUPPORTED


def test_two_people_swapped_around_the_verb_is_refuted(checker):
    verdict = checker.check("Putin called Trump absolutely crazy.")
    assert verdict.label == REFUTED
    assert "Putin → Donald Trump" in verdict.reason and "articles 003, 004 say Donald Trump" in verdict.reason
    assert checker.check("Trump called Putin crazy.").label == SUPPORTED


def test_swapped_sides_are_found_past_a_noun_between_them(checker):
    verdict = checker.check("Ukrainian forces launched 472 drones at Russia in a single night.")
    assert verdict.label == REFUTED and "Ukraine → Russia" in verdict.reason


def test_a_date_another_fact_states_for_this_event_is_not_refuted_by_another_events_date(checker):
    """February 2022 is the invasion's date; March 2022 is the talks' date that followed it."""
    assert checker.check("The all-out Russian invasion was launched in February 2022.").label == SUPPORTED
    wrong = checker.check("Russia launched its full-scale invasion in March 2022.")
    assert wrong.label == REFUTED and "March" in wrong.reason and "February" in wrong.reason


def test_a_title_the_quote_gives_to_the_person_beside_is_refuted(checker):
    """Article 002: 'led by presidential adviser Vladimir Medinsky and Deputy Defence Minister Alexander Fomin'."""
    verdict = checker.check("Vladimir Medinsky is Russia's Deputy Defence Minister.")
    assert verdict.label == REFUTED and "Fomin" in verdict.reason and "Medinsky" in verdict.reason
    assert checker.check("Alexander Fomin is Russia's Deputy Defence Minister.").label == SUPPORTED


def test_a_claim_reporting_one_sides_own_account_is_supported_not_disputed(checker):
    said = checker.check("Kyslytsia said a Russian reply to Ukraine's proposals was expected by the end of June.")
    assert said.label == SUPPORTED
    assert checker.check("Medinsky said Moscow would respond on Monday.").label == SUPPORTED
    # unattributed, the point stays disputed
    assert checker.check("Russia would respond to Ukraine's proposal on Monday.").label == DISPUTED


def test_a_disputed_fact_backing_part_of_a_claim_still_disputes_it(checker):
    verdict = checker.check("Russia would answer Ukraine's proposals on the day of the second round.")
    assert verdict.label == DISPUTED


def test_not_until_says_when_and_denies_nothing(checker):
    verdict = checker.check("Moscow's reply to Kyiv's proposals was not expected until the end of June.")
    assert verdict.label == DISPUTED  # Kyslytsia's end of June against Medinsky's Monday
    assert checker.check("A response from Russia was not expected at all.").label == REFUTED


def test_two_negations_of_different_reach_are_no_flip(checker):
    claim = "Under Ukraine's roadmap there would be no caps on Ukraine's military strength once the war ends."
    assert checker.check(claim).label == SUPPORTED  # "no post-war restrictions on Ukraine's military strength"
    assert checker.check("Ukraine's roadmap accepts post-war restrictions on Ukraine's military strength.").label == REFUTED


def test_a_day_of_the_month_is_no_count(checker):
    """'on June 10' says when; no article dates the return of the bodies, so it is not refuted by 6,000."""
    verdict = checker.check("Russia returned the bodies of 6,000 Ukrainian soldiers on June 10.")
    assert verdict.label == NOT_IN_SOURCES
    assert checker.check("Russia returned the bodies of 600 Ukrainian soldiers.").label == REFUTED


def test_a_party_listed_with_others_is_no_other_side(checker):
    """'Britain, France and Germany took part': the United Kingdom is one of them (was 'Britain, not Germany')."""
    assert checker.check("The United Kingdom took part in side discussions in Istanbul.").label == SUPPORTED


def test_a_name_no_fact_uses_is_never_supported(checker):
    """Poland is not among 'Britain, France and Germany': a new name is what the claim asserts."""
    assert checker.check("Poland took part in side discussions in Istanbul.").label == NOT_IN_SOURCES


def test_the_other_side_owns_a_word_one_word_on(checker):
    """'Ukraine's Sunday attack': the attack is Ukraine's, so 'Russia attacked bombers in Siberia' is refuted."""
    verdict = checker.check("Russia attacked bombers in Siberia.")
    assert verdict.label == REFUTED and "Ukraine" in verdict.reason
    assert checker.check("Ukraine attacked Russian bombers in Siberia.").label == SUPPORTED
