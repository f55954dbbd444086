"""Does a claim's wording contradict a fact's? Opposites, negation and the other side.

The lexicon is the answer checker's (``tui.core.checking.contradiction``, and
``tui.core.checking.parties`` for parties): its antonym pairs and negating affixes
(``are_opposites``), its negating words, and the parties the deck declares
(``[[entities]]``, e.g. Russia / Russian / Moscow / the Kremlin). What is claim-specific
is *where* they apply in a sentence, since a claim and a quote are longer than an answer:

- an *opposite*: a word of the claim whose opposite the evidence uses while neither uses
  the other's word ("conditional" / "unconditional", "accepted" / "dismissed");
  bounds ("over", "under", "more", "less") only right before a figure, and words of
  place and sequence ("first" / "last", "before" / "after") not at all: in a sentence
  they mostly point at different things;
- a *negation flip*: a content word both use, negated (a negating word, "former",
  "failed to" within four words before it) in every use on one side and in none on
  the other;
- the *other side*: a party before the same noun ("Russia's air force" / "Ukraine's air
  force"), or the same two parties around the same verb the other way round.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from tui.core.checking.contradiction import NEGATING_WORDS, are_opposites
from tui.core.checking.parties import Entities
from tui.core.checking.normalize import normalize_answer
from tui.core.deck.model import Deck

from .text import Word, same_root

# Bounds on a figure and their opposites, compared only right before a figure.
_BOUNDS = frozenset({"over", "under", "above", "below", "more", "less", "fewer"})
# Pairs of the lexicon that, in a sentence, mostly mark different events, not a contradiction.
_NOT_IN_SENTENCES = frozenset({
    "first", "last", "before", "after", "since", "until", "earlier", "later", "early", "late", "past",
    "future", "up", "down", "east", "west", "north", "south", "left", "right", "start", "end", "begin",
    "open", "close", "closed", "send", "receive", "give", "take", "peace", "war", "high", "low", "long",
    "short", "enter", "leave", "join", "all", "none", "many", "few", "much", "little", "most", "least",
    "yes", "no", "public", "private", "good", "bad", "together", "apart", "full", "partial",
})
# Besides the lexicon's negating words: what undoes a role or an act in news prose.
# "declined to attend" and "postponed imposing" say the act did not happen.
NEGATORS = NEGATING_WORDS | {"former", "ex", "fail", "failed", "fails", "refused", "refuses",
                             "decline", "declined", "declines", "postponed", "postpones"}
# Verbs too light to carry a claim: "did not go" says nothing against "efforts to go".
_LIGHT = frozenset({"go", "make", "take", "give", "say", "have", "do", "be", "come", "get", "put", "send"})
_OWNED_REACH = 2  # words after a party that it owns ("Ukraine's Sunday attack")
_NEGATION_REACH = 4  # a negator governs the next few words ("did not specify a timeline")


@dataclass(frozen=True, slots=True)
class Opposition:
    """What the claim says against what the evidence says, as written in each."""

    kind: str  # "opposite" | "negation" | "party"
    claim_says: str
    evidence_says: str
    word: int  # index of the claim's word that turns it


def _norm(word: Word) -> str:
    return normalize_answer(word.text)


class Contrast:
    """The contradiction lexicon bound to one deck's declared parties."""

    def __init__(self, deck: Deck):
        self.entities = Entities.of([(entity.id, entity.forms) for entity in deck.entities])
        self.names = self.entities.names

    def parties(self, words: Sequence[Word]) -> list[str | None]:
        """The party each word names (multi-word forms mark every word), or None."""
        norms = [_norm(w) for w in words]
        found: list[str | None] = [None] * len(words)
        i = 0
        while i < len(norms):
            for size in range(min(self.entities.longest, len(norms) - i), 0, -1):
                party = self.entities.forms.get(tuple(norms[i:i + size]))
                if party is not None:
                    found[i:i + size] = [party] * size
                    i += size
                    break
            else:
                i += 1
        return found

    def opposition(self, claim: Sequence[Word], evidence: Sequence[Word]) -> Opposition | None:
        """The first way the claim's wording contradicts the evidence's, or None."""
        return (self._opposite(claim, evidence) or self._negation_flip(claim, evidence)
                or self._other_side(claim, evidence))

    # -- opposites -----------------------------------------------------------------------

    def _opposite(self, claim: Sequence[Word], evidence: Sequence[Word]) -> Opposition | None:
        evidence_norms = {_norm(e) for e in evidence}
        claim_norms = {_norm(w) for w in claim}
        for index, w in enumerate(claim):
            mine = _norm(w)
            if mine in _BOUNDS:
                found = _opposite_bound(claim, index, evidence)
                if found is not None:
                    return found
                continue
            if mine in _NOT_IN_SENTENCES or mine in evidence_norms or w.value is not None:
                continue
            if any(same_root(w.root, e.root) for e in evidence):
                continue
            for e in evidence:
                theirs = _norm(e)
                if theirs in _NOT_IN_SENTENCES or theirs in claim_norms:
                    continue
                if are_opposites(theirs, mine):
                    return Opposition("opposite", w.text, e.text, index)
        return None

    # -- negation ------------------------------------------------------------------------

    def _negation_flip(self, claim: Sequence[Word], evidence: Sequence[Word]) -> Opposition | None:
        for i, w in enumerate(claim):
            if not w.content or _bare(w) in NEGATORS or w.root in _LIGHT or w.value is not None:
                continue
            if w.text[:1].isupper():
                continue  # a name: "ex-culture minister Vladimir Medinsky" does not negate Vladimir
            if _topic_only(claim, i):
                continue
            uses = [j for j, e in enumerate(evidence) if same_root(w.root, e.root) and not _topic_only(evidence, j)]
            if not uses:
                continue
            claim_negated = _negated(claim, i)
            if all(_negated(evidence, j) != claim_negated for j in uses):
                if _same_negation(claim, i, evidence) if claim_negated else \
                        any(_same_negation(evidence, j, claim) for j in uses):
                    continue  # one negation reaching further on one side: "did not attend the talks"
                if _both_negate(claim, evidence) and not (
                        _heads_negation(claim, i) if claim_negated else all(_heads_negation(evidence, j) for j in uses)):
                    continue  # "no caps on its military once the war ends" / "no post-war restrictions"
                j = uses[0]
                shown_evidence = " ".join(x.text for x in evidence[max(0, j - _NEGATION_REACH):j + 1])
                shown_claim = " ".join(x.text for x in claim[max(0, i - _NEGATION_REACH):i + 1])
                return Opposition("negation", shown_claim, shown_evidence, i)
        return None

    # -- the other side ------------------------------------------------------------------

    def _owners(self, words: Sequence[Word]) -> dict[str, set[str]]:
        """Noun root -> the parties named right before it ("Russian soldiers", "Ukraine's air force")."""
        who = self.parties(words)
        found: dict[str, set[str]] = {}
        for i in range(len(words) - 1):
            if not who[i] or who[i + 1] is not None:
                continue
            # The word right after, and one more straight after it: "Ukraine's Sunday attack".
            for nxt in words[i + 1:i + 1 + _OWNED_REACH]:
                if not nxt.content or nxt.value is not None:
                    break
                found.setdefault(nxt.root, set()).update(_listed_with(words, who, i))
        return found

    def _other_side(self, claim: Sequence[Word], evidence: Sequence[Word]) -> Opposition | None:
        theirs = self._owners(evidence)
        named = {p for p in self.parties(claim) if p}
        for noun, who in self._owners(claim).items():
            other = theirs.get(noun)
            # The claim must not name the evidence's party itself ("German officials ... with Ukraine").
            if other and not (other & who) and not (other & named):
                index = next(i for i, w in enumerate(claim) if w.root == noun)
                shown = claim[index].text
                return Opposition("party", f"{self._shown(who)} {shown}", f"{self._shown(other)} {shown}",
                                  max(0, index - 1))
        return self._swapped(claim, evidence)

    def _shown(self, parties: set[str]) -> str:
        return "/".join(sorted(self.names.get(p, p) for p in parties))

    def _swapped(self, claim: Sequence[Word], evidence: Sequence[Word]) -> Opposition | None:
        """The same two parties around the same verb, the other way round ("Ukraine launched ... against Russia")."""
        def order(words: Sequence[Word]) -> tuple[list[tuple[str, int]], str | None]:
            seen: list[tuple[str, int]] = []
            who = self.parties(words)
            for i, party in enumerate(who):
                if party and all(party != s for s, _ in seen):
                    seen.append((party, i))
            if len(seen) < 2:
                return seen, None
            between = [w.root for k, w in enumerate(words[seen[0][1] + 1:seen[1][1]], seen[0][1] + 1)
                       if w.content and who[k] is None and w.value is None]
            return seen, between

        mine, my_verbs = order(claim)
        theirs, their_verbs = order(evidence)
        if len(mine) < 2 or len(theirs) < 2 or not my_verbs or not their_verbs:
            return None
        # Any word between them alike: "Ukrainian forces launched ... at Russia" / "the Kremlin launched ... against Ukraine"
        same_act = any(same_root(a, b) for a in my_verbs for b in their_verbs)
        if [p for p, _ in mine[:2]] == [p for p, _ in reversed(theirs[:2])] and same_act:
            shown = f"{self.names.get(mine[0][0])} → {self.names.get(mine[1][0])}"
            return Opposition("party", shown, f"{self.names.get(theirs[0][0])} → {self.names.get(theirs[1][0])}",
                              mine[0][1])
        return None


def _listed_with(words: Sequence[Word], who: list[str | None], i: int) -> set[str]:
    """The party at ``i`` and those listed before it ("Britain, France and Germany took part")."""
    found = {who[i]}
    k = i - 1
    while k >= 0 and (who[k] or words[k].text.lower() in ("and", "or")):
        if who[k]:
            found.add(who[k])
        k -= 1
    return found


def _negated(words: Sequence[Word], index: int) -> bool:
    """A negator among the few words before this one ("did not specify a timeline",
    "nothing was going to happen", "nothing's going to happen")."""
    start = max(0, index - _NEGATION_REACH)
    # "not expected until the end of June" says when, it denies nothing: "until" after the word,
    # or between the negator and it, lifts the negation.
    if any(_bare(w) in _NOT_UNTIL for w in words[index + 1:index + 3]):
        return False
    negators = [k for k in range(start, index) if _bare(words[k]) in NEGATORS]
    return bool(negators) and not any(_bare(w) in _NOT_UNTIL for w in words[negators[-1] + 1:index])


_NOT_UNTIL = frozenset({"until", "till"})


_TOPIC_PREPOSITIONS = frozenset({"in", "of", "about", "on", "for"})


def _topic_only(words: Sequence[Word], index: int) -> bool:
    """An -ing form after a preposition names an act without saying it happened
    ("expressed interest in attending, also declined"): it neither backs nor gainsays a claim."""
    return (index > 0 and words[index].text.lower().endswith("ing")
            and words[index - 1].text.lower() in _TOPIC_PREPOSITIONS)


def _both_negate(claim: Sequence[Word], evidence: Sequence[Word]) -> bool:
    return any(_bare(w) in NEGATORS for w in claim) and any(_bare(w) in NEGATORS for w in evidence)


def _heads_negation(words: Sequence[Word], index: int) -> bool:
    """Whether this is the first content word after its negator: what the negation is about
    when both sides negate something and only the reach of the two negations differs."""
    k = index - 1
    while k >= 0 and _bare(words[k]) not in NEGATORS:
        if words[k].content:
            return False
        k -= 1
    return k >= 0


def _same_negation(words: Sequence[Word], index: int, other: Sequence[Word]) -> bool:
    """Whether the negator before ``words[index]`` first negates a word the other text negates too
    ("did not attend the talks" against "declined to attend the first round": both deny attending)."""
    start = max(0, index - _NEGATION_REACH)
    negator = max((k for k in range(start, index) if _bare(words[k]) in NEGATORS), default=None)
    if negator is None:
        return False
    for k in range(negator + 1, index):
        if words[k].content and _bare(words[k]) not in NEGATORS and any(
                same_root(words[k].root, o.root) and _negated(other, j) for j, o in enumerate(other)):
            return True
    return False


def _bare(word: Word) -> str:
    """The word without a clitic 's ("nothing's" is "nothing is"), normalised."""
    text = word.text
    if text[-2:] in ("'s", "\u2019s"):
        text = text[:-2]
    return normalize_answer(text)


def _bounded(words: Sequence[Word], i: int) -> bool:
    """A bound on a figure: "over" before "an hour", "472", "three years" (not "sovereignty over")."""
    nxt = words[i + 1] if i + 1 < len(words) else None
    return nxt is not None and (nxt.value is not None or nxt.text.lower() in ("a", "an", "than"))


def _opposite_bound(claim: Sequence[Word], i: int, evidence: Sequence[Word]) -> Opposition | None:
    mine = _norm(claim[i])
    if not _bounded(claim, i):
        return None
    for j, e in enumerate(evidence):
        theirs = _norm(e)
        if theirs in _BOUNDS and theirs != mine and are_opposites(theirs, mine) and _bounded(evidence, j):
            return Opposition("opposite", claim[i].text, e.text, i)
    return None
