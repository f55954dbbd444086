"""The verdict engine: is a claim supported, refuted, not in the sources, or disputed?

Order of work (the first that decides wins):

1. Claims the deck records: a fact's ``false_claims`` (refuted by that fact) and the
   deck's ``not_in_sources`` claims. A claim saying the same (most of its weighted
   words, both ways, and the same figures) takes that verdict; for a false claim the
   fact's own conflict is named when one is found ("427 ≠ 472").
2. Alignment: the search index's best facts for the claim, each compared with it
   (``compare.Comparer``): coverage of the claim's content, and conflicts of figures,
   names and wording. Supported needs nearly all of the claim covered (by one fact, or
   two together) and nothing in conflict; Refuted needs a conflict *and* the rest of the
   claim covered by that same fact, so shared words alone refute nothing.
3. Disputes: when the deciding fact is marked disputed, the claim is Disputed unless
   it conflicts on something the dispute is not about, or every article citing the
   fact states the claim's figures alike.
4. Otherwise: Not in the sources, naming the words no fact covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from tui.core.checking.checker import AnswerChecker
from tui.core.checking.contradiction import NEGATING_WORDS
from tui.core.deck.model import Deck, Fact
from tui.core.search.index import SearchIndex

from .compare import Comparer, Comparison
from .contrast import Contrast
from .names import NameFinder
from .text import Rarity, Word, read_words, same_root
from .verdict import (
    DISPUTED, NOT_IN_SOURCES, REFUTED, REFUTES, SIDE, SUPPORTED, SUPPORTS, ClaimVerdict, Evidence,
)

SUPPORT_COVERAGE = 0.8  # share of a claim's weight a fact (or two) must cover to support it
REFUTE_REST = 0.7  # share of the rest of a claim a fact must cover for its conflict to refute
RECORDED_MATCH = 0.8  # weighted word overlap, both ways, that makes a claim a recorded one
CANDIDATES = 10  # facts from the search index compared with each claim
MAX_RECORDED = 300  # unsourced claims compared with one claim, at most
MIN_CONTENT_WORDS = 3  # fewer content words make a keyword, not a claim ("drones", "Umerov defence")
DISPUTE_COVERAGE = 0.5  # how much of a claim a disputed fact must cover for its sides to matter
_SEE_FACT = re.compile(r"\bsee facts? ([a-z0-9][a-z0-9-]*)")


@dataclass(frozen=True, slots=True)
class _Recorded:
    kind: str  # "false-claim" | "not-in-sources"
    key: str  # fact id or unsourced claim id
    text: str
    words: tuple[Word, ...]


class FactChecker:
    """Checks claims against one deck; build once (it reads every fact), then ``check`` many."""

    def __init__(self, deck: Deck, index: SearchIndex, checker: AnswerChecker):
        """The deck's own search index and answer checker (a `DeckSession` has both)."""
        self.deck = deck
        self.index = index
        self.checker = checker
        documents = []
        for fact in deck.facts:
            documents.append([w.root for text in (fact.statement, *(c.quote for c in fact.citations))
                              for w in read_words(text) if w.content])
        self.rarity = Rarity(documents)
        self._unknown_weight = self.rarity.weight("\0")  # what a root no fact uses weighs
        self.comparer = Comparer(NameFinder(deck), Contrast(deck), self.rarity, self.checker.check)
        # Unsourced claims by their words, so a check reads only those sharing one with the claim;
        # false claims are read from the candidate facts (the index ranks them by them too).
        self._unsourced = [_Recorded("not-in-sources", c.id, c.claim, read_words(c.claim))
                           for c in deck.unsourced_claims]
        self._unsourced_by_root: dict[str, list[int]] = {}
        for n, recorded in enumerate(self._unsourced):
            for root_ in {w.root for w in recorded.words if w.content}:
                self._unsourced_by_root.setdefault(root_, []).append(n)

    # -- the pipeline ----------------------------------------------------------------------

    def check(self, claim: str) -> ClaimVerdict:
        """The verdict on ``claim`` (any text; an empty one is Not in the sources)."""
        claim = " ".join(claim.split())
        words = read_words(claim)
        if sum(w.content for w in words) < MIN_CONTENT_WORDS:
            return ClaimVerdict(claim, NOT_IN_SOURCES, "too little to check: write the claim as a sentence", "weak")
        comparisons = [self.comparer.compare(claim, words, hit.fact)
                       for hit in self.index.search(claim + " ", limit=CANDIDATES)]
        recorded = self._recorded_match(words, [c.fact for c in comparisons])
        refuting = max((c for c in comparisons if c.conflicts and c.rest >= REFUTE_REST),
                       key=lambda c: c.rest, default=None)
        supporting = self._supporting(comparisons, words)
        if recorded is not None and recorded.kind == "false-claim":
            fact = self.deck.facts_by_id[recorded.key]
            own = next((c for c in comparisons if c.fact.id == fact.id), None)
            if own is None:
                own = self.comparer.compare(claim, words, fact)
            if not own.conflicts and own.coverage >= 0.9:
                recorded = None  # the fact itself says what the claim says: "Defence", not the recorded "Foreign"
        if recorded is not None and recorded.kind == "false-claim":
            fact = self.deck.facts_by_id[recorded.key]
            specific = next((c for c in comparisons if c.fact.id == fact.id and c.conflicts), None)
            reason = _conflict_reason(self.deck, specific) if specific else "matches a claim the deck records as refuted"
            return ClaimVerdict(claim, REFUTED, reason, "clear", (_evidence(fact, REFUTES),),
                                f"false-claim:{fact.id}")
        if recorded is not None and not (supporting and supporting[0].coverage >= 0.95):
            unsourced = next(c for c in self.deck.unsourced_claims if c.id == recorded.key)
            return ClaimVerdict(claim, NOT_IN_SOURCES, "matches a claim the deck records as not in the sources",
                                "clear", (), f"not-in-sources:{recorded.key}", unsourced.note)
        split = self._split_sides(claim, words, comparisons)
        if split is not None:
            return split
        if supporting and (refuting is None or supporting[0].coverage >= refuting.rest
                           or _stated_by(refuting, supporting)):
            return self._supported(claim, supporting)
        if refuting is not None:
            return self._refuted(claim, refuting)
        return self._not_in_sources(claim, comparisons)

    def _supporting(self, comparisons: Sequence[Comparison], words: Sequence[Word]) -> list[Comparison]:
        """The fact (or pair of facts) covering the claim with nothing in conflict; [] if none.

        Every figure of the claim must be among the words covered: a figure the evidence does not
        state ("300 missiles" beside a fact on 472 drones) is what the claim asserts, not a detail."""
        # Names too: "Poland took part" is not backed by a fact on Britain, France and Germany.
        figures = {w.root for w in words if w.content and w.value is not None and not _a_pair(w)}
        figures |= {w.root for w in words if w.content and w.value is None
                    and w.text[:1].isupper() and not self.rarity_known(w.root)}
        clean = [c for c in comparisons if not c.conflicts and c.other_event is None]
        best = max((c for c in clean if figures <= c.covered_roots), key=lambda c: c.coverage, default=None)
        if best is not None and best.coverage >= SUPPORT_COVERAGE:
            return [best]
        for i, first in enumerate(clean[:6]):
            for second in clean[i + 1:6]:
                joint = first.coverage + second.coverage - _overlap(first, second)
                # Two facts back a claim together only when they are about one thing (a word in common):
                # "the 6,000 bodies" and "in recent weeks" share nothing, so "within a week" stays unbacked.
                if joint >= SUPPORT_COVERAGE and min(first.coverage, second.coverage) >= 0.3 \
                        and first.covered_roots & second.covered_roots \
                        and figures <= first.covered_roots | second.covered_roots \
                        and not _negated_elsewhere(comparisons, first.covered_roots | second.covered_roots):
                    return sorted((first, second), key=lambda c: -c.coverage)
        return []

    def rarity_known(self, root_: str) -> bool:
        """Whether some fact of the deck uses this root (a name no fact uses is news to the deck)."""
        return self.rarity.weight(root_) < self._unknown_weight

    def _recorded_claims(self, words: Sequence[Word], facts: Sequence[Fact]) -> list[_Recorded]:
        """The recorded claims worth comparing: the candidate facts' false claims, and the
        unsourced claims sharing a word with the claim (rarest words first, a few hundred at most)."""
        found = [_Recorded("false-claim", fact.id, text, read_words(text)) for fact in facts for text in fact.false_claims]
        roots = sorted({w.root for w in words if w.content}, key=lambda r: len(self._unsourced_by_root.get(r, ())))
        seen: set[int] = set()
        for root_ in roots:
            for n in self._unsourced_by_root.get(root_, ())[:MAX_RECORDED]:
                if n not in seen and len(seen) < MAX_RECORDED:
                    seen.add(n)
        return found + [self._unsourced[n] for n in sorted(seen)]

    def _recorded_match(self, words: Sequence[Word], facts: Sequence[Fact]) -> _Recorded | None:
        """The recorded claim that says the same as ``words``, if any."""
        mine = [w for w in words if w.content]
        best, best_score = None, 0.0
        for recorded in self._recorded_claims(words, facts):
            theirs = [w for w in recorded.words if w.content]
            if {w.value for w in mine if w.value is not None} != {w.value for w in theirs if w.value is not None}:
                continue
            score = min(self._share(mine, theirs), self._share(theirs, mine))
            if score > best_score:
                best, best_score = recorded, score
        return best if best_score >= RECORDED_MATCH else None

    def _share(self, these: Sequence[Word], those: Sequence[Word]) -> float:
        """Weighted share of ``these`` words that ``those`` use."""
        roots = [w.root for w in those]
        total = sum(self.rarity.weight(w.root) for w in these) or 1.0
        got = sum(self.rarity.weight(w.root) for w in these if any(same_root(w.root, r) for r in roots))
        return got / total

    # -- verdicts --------------------------------------------------------------------------

    def _supported(self, claim: str, supporting: list[Comparison]) -> ClaimVerdict:
        for part in supporting:  # a disputed fact backing half of a claim disputes it as much as a lead one
            if part.fact.disputed:
                disputed = self._disputed(claim, part, None)
                if disputed is not None:
                    return disputed
        coverage = min(1.0, sum(c.coverage for c in supporting))
        confidence = "clear" if coverage >= 0.95 else "likely" if coverage >= 0.87 else "weak"
        sources = _sources_label(self.deck, [c for s in supporting for c in s.fact.citations])
        ids = " and ".join(s.fact.id for s in supporting)
        verb = "say" if sources.startswith("articles") or "," in sources else "says"
        reason = f"{sources} {verb} so (fact {ids})"
        return ClaimVerdict(claim, SUPPORTED, reason, confidence,
                            tuple(_evidence(s.fact, SUPPORTS) for s in supporting))

    def _refuted(self, claim: str, refuting: Comparison) -> ClaimVerdict:
        if refuting.fact.disputed:
            disputed = self._disputed(claim, refuting, refuting.conflicts[0])
            if disputed is not None:
                return disputed
        # A figure or a name the rest of the claim pins down is clear; opposed wording is likelier to misread.
        strong = refuting.conflicts[0][0] in ("figure", "person", "place")
        if strong:
            confidence = "clear" if refuting.rest >= 0.8 else "likely"
        else:
            confidence = "likely" if refuting.rest >= 0.85 else "weak"
        return ClaimVerdict(claim, REFUTED, _conflict_reason(self.deck, refuting), confidence,
                            (_evidence(refuting.fact, REFUTES),))

    def _disputed(self, claim: str, comparison: Comparison, conflict) -> ClaimVerdict | None:
        """Disputed, or None when the dispute is not what the claim turns on."""
        fact = comparison.fact
        note = fact.dispute_note.casefold()
        if conflict is not None and conflict[1].casefold() not in note:
            return None  # a conflict on a point the articles agree on
        if conflict is None and self._reports_one_account(read_words(claim), fact):
            return None
        if conflict is None and _all_sources_agree(claim, fact):
            return None
        others = [self.deck.facts_by_id[i] for i in _SEE_FACT.findall(fact.dispute_note)
                  if i in self.deck.facts_by_id and i != fact.id]
        evidence = (_evidence(fact, SIDE), *(_evidence(o, SIDE) for o in others))
        return ClaimVerdict(claim, DISPUTED, _dispute_reason(self.deck, [fact, *others]), "likely", evidence)

    def _split_sides(self, claim: str, words: Sequence[Word], comparisons: Sequence[Comparison]) -> ClaimVerdict | None:
        """Disputed when a disputed fact about the claim has articles on both sides of it:
        one article's quote agrees with the claim and another's says the opposite."""
        best = max((c.rest if c.conflicts else c.coverage for c in comparisons), default=0.0)
        for comparison in comparisons:
            fact = comparison.fact
            if not fact.disputed or comparison.coverage < max(DISPUTE_COVERAGE, best - 0.05):
                continue  # the sides of a dispute matter only when the dispute is what the claim is about
            note = fact.dispute_note.casefold()
            if comparison.conflicts and comparison.conflicts[0][1].casefold() not in note:
                continue  # it conflicts on a point the articles agree on: refuted, not disputed
            if not comparison.conflicts and self._reports_one_account(words, fact):
                continue
            if comparison.other_event and comparison.other_event[0] in note:
                return ClaimVerdict(claim, DISPUTED, _dispute_reason(self.deck, [fact]), "likely",
                                    (_evidence(fact, SIDE),))
            agree, oppose = [], []
            for part in self.comparer.segments_of(fact)[2:]:
                shared = {w.root for w in part.words if w.content} & {w.root for w in words if w.content}
                opposed = self.comparer.contrast.opposition(words, part.words) is not None
                (oppose if opposed else agree if shared else []).append(part)
            if agree and oppose:
                return ClaimVerdict(claim, DISPUTED, _dispute_reason(self.deck, [fact], agree + oppose), "likely",
                                    (_evidence(fact, SIDE),))
        return None

    def _reports_one_account(self, words: Sequence[Word], fact: Fact) -> bool:
        """Whether the claim reports what the fact's own speaker said ("Kyslytsia said a reply was
        expected by the end of June"): that is true of one side's account, whatever the other says."""
        if not any(w.root == "say" for w in words):
            return False
        speakers = {m.name for m in self.comparer.names.mentions(read_words(fact.statement)) if m.kind == "person"}
        named = {m.name for m in self.comparer.names.mentions(words) if m.kind == "person"}
        return bool(named) and named <= speakers

    def _not_in_sources(self, claim: str, comparisons: Sequence[Comparison]) -> ClaimVerdict:
        best = max(comparisons, key=lambda c: c.rest if c.conflicts else c.coverage, default=None)
        score = 0.0 if best is None else (best.rest if best.conflicts else best.coverage)
        if best is None or score < 0.4:
            return ClaimVerdict(claim, NOT_IN_SOURCES, "no fact in the deck speaks to this", "clear")
        missing = ", ".join(f"'{w}'" for w in dict.fromkeys(best.uncovered[:4]))
        reason = f"the closest fact ({best.fact.id}) does not say {missing}" if missing else \
            f"the closest fact ({best.fact.id}) does not say this"
        return ClaimVerdict(claim, NOT_IN_SOURCES, reason, "likely" if score < 0.6 else "weak")


# -- helpers ---------------------------------------------------------------------------------

def _stated_by(refuting: Comparison, supporting: Sequence[Comparison]) -> bool:
    """Whether the figure one fact gainsays is the one the supporting facts state: "invaded in
    February 2022" is backed by the invasion fact, and the talks' "March 2022" is another event."""
    kind, says, _ = refuting.conflicts[0]
    if kind != "figure" or len(supporting) > 1 or supporting[0].coverage < refuting.coverage:
        return False  # one fact, saying more of the claim than the one gainsaying it
    roots = {w.root for w in read_words(says)}
    return bool(roots) and all(any(r in s.covered_roots for s in supporting) for r in roots)


def _negated_elsewhere(comparisons: Sequence[Comparison], pieced: set[str]) -> bool:
    """Another fact on the same thing (two or more of the words the pair covers) negates or opposes
    the claim: "the sides agreed to a full ceasefire" pieced from one fact's ceasefire and another's
    agreement at the first round, against "the first round produced ... no ceasefire"."""
    return any(kind in ("negation", "opposite") and len(c.covered_roots & pieced) >= 2
               and _denies_what_is_claimed(kind, claim_says, evidence_says)
               for c in comparisons for kind, claim_says, evidence_says in c.conflicts)


def _denies_what_is_claimed(kind: str, claim_says: str, evidence_says: str) -> bool:
    """An opposite always; a negation only when the word it denies is one the claim asserts
    ("no ceasefire" against "agreed to a full ceasefire", not "not presented" against "answer")."""
    if kind != "negation":
        return True
    claimed = {word.strip(".,;:'’\"").lower() for word in claim_says.split()}
    evidence = [word.strip(".,;:'’\"").lower() for word in evidence_says.split()]
    return any(word in NEGATING_WORDS and following in claimed
               for word, following in zip(evidence, evidence[1:]))


def _a_pair(word: Word) -> bool:
    """'two' written out: "the two sides" names a pair, it asserts no count."""
    return word.value is not None and word.value <= 2 and not word.text[:1].isdigit()


def _overlap(a: Comparison, b: Comparison) -> float:
    """How much of the two coverages is the same words (a rough share, for joint support)."""
    shared = a.covered_roots & b.covered_roots
    both = a.covered_roots | b.covered_roots
    return min(a.coverage, b.coverage) * (len(shared) / len(both) if both else 0.0)


def _evidence(fact: Fact, role: str) -> Evidence:
    return Evidence(fact, role, fact.citations)


def _article(deck: Deck, source_id: str) -> str:
    """'article 003' for 'article-003'; other decks' ids as they are."""
    return source_id.replace("-", " ")


def _sources_label(deck: Deck, citations) -> str:
    ids = list(dict.fromkeys(c.source_id for c in citations))
    if len(ids) == 1:
        return _article(deck, ids[0])
    numbers = [i.rsplit("-", 1)[-1] for i in ids]
    if all(i.startswith("article-") for i in ids):
        return "articles " + ", ".join(numbers)
    return ", ".join(_article(deck, i) for i in ids)


def _conflict_reason(deck: Deck, comparison: Comparison) -> str:
    kind, says, truth = comparison.conflicts[0]
    where = _sources_label(deck, comparison.fact.citations)
    if kind == "figure":
        return f"{says} ≠ {truth} ({where})"
    if kind == "person":
        return f"a different person: {says}, not {truth} ({where})"
    if kind == "title":
        return f"{where} gives that title to {truth}, not {says}"
    if kind == "place":
        return f"a different place: {says}, not {truth} ({where})"
    if kind == "party":
        verb = "say" if where.startswith("articles") else "says"
        return f"the other side: the claim says {says}; {where} {verb} {truth}"
    return f"the articles say {truth}; the claim says {says} ({where})"


def _dispute_reason(deck: Deck, facts: Sequence[Fact], parts: Sequence | None = None) -> str:
    """'the articles disagree — article 001: “…”; article 002: “…”' (the sides first, when known)."""
    citations = [p.citation for p in parts if p.citation is not None] if parts else []
    citations += [c for fact in facts for c in fact.citations]
    sides = [f"{_article(deck, c.source_id)}: “{_short(c.quote)}”" for c in citations]
    return "the articles disagree — " + "; ".join(list(dict.fromkeys(sides))[:2])


def _short(quote: str, limit: int = 60) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= limit else quote[:limit].rsplit(" ", 1)[0] + "…"


def _all_sources_agree(claim: str, fact: Fact) -> bool:
    """True when two or more articles cite the fact and each states every figure of the claim."""
    figures = {w.value for w in read_words(claim) if w.value is not None}
    if not figures or len({c.source_id for c in fact.citations}) < 2:
        return False
    return all(figures <= {w.value for w in read_words(c.quote) if w.value is not None} for c in fact.citations)
