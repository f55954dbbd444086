"""Does this wording contradict that one? Opposites, negation and the other side.

The one call the verdict engine makes to compare a claim's wording with a fact's:
``opposition(claim_words, evidence_words)``. It finds, in order:

- an *opposite*: a word of the claim whose antonym, or whose negating-affix twin
  ("conditional" / "unconditional", "reasonable" / "unreasonable"), the evidence uses
  where the claim's own word is absent from it;
- a *negation flip*: a content word both use, negated ("not", "never", "without",
  "former", "failed to" ...) in every use on one side and in none on the other;
- the *other side*: a party named before the same noun ("Russia's air force" /
  "Ukraine's air force", "Russian soldiers" / "Ukrainian soldiers").

Kept to one module so the answer checker's contradiction machinery can take its
place without touching the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .text import Word, root, same_root

# Pairs of words that say opposite things about the same matter. (Prepositions such as
# over/under are left to the figures: "sovereignty over" is no bound.)
_ANTONYMS = (
    ("accept", "dismiss"), ("accept", "reject"), ("accept", "rebuff"), ("accept", "decline"), ("agree", "reject"),
    ("largest", "smallest"), ("most", "least"), ("more", "less"), ("more", "fewer"), ("increase", "decrease"),
    ("harden", "soften"), ("gain", "lose"), ("include", "exclude"), ("junior", "senior"), ("rise", "fall"),
    ("win", "lose"), ("ease", "reignite"), ("calm", "intensified"), ("impose", "postpone"), ("lift", "impose"),
    ("attend", "decline"), ("confirm", "deny"), ("support", "oppose"), ("praise", "criticize"),
    ("resume", "halt"), ("collapse", "survive"), ("necessary", "unnecessary"), ("largest", "first"),
)
_OPPOSITE: dict[str, set[str]] = {}
for _a, _b in _ANTONYMS:
    _OPPOSITE.setdefault(root(_a), set()).add(root(_b))
    _OPPOSITE.setdefault(root(_b), set()).add(root(_a))
# Bounds on a figure and their opposites, compared only right before a figure.
_BOUNDS = {"over": ("under", "below", "less", "fewer"), "under": ("over", "above", "more"),
           "above": ("under", "below", "less", "fewer"), "below": ("over", "above", "more"),
           "more": ("less", "fewer", "under", "below"), "less": ("more", "over", "above"),
           "fewer": ("more", "over", "above")}
_NEGATING_PREFIXES = ("un", "non", "in", "im", "il", "ir", "dis")
NEGATORS = frozenset(root(w) for w in (
    "not", "no", "never", "without", "neither", "nor", "former", "ex", "fail", "failed", "refuse", "refused",
    "cannot", "didnt", "doesnt", "dont", "isnt", "wasnt", "hasnt", "none"))
# Verbs too light to carry a claim: "did not go" says nothing against "efforts to go".
_LIGHT = frozenset({"go", "make", "take", "give", "say", "have", "do", "be", "come", "get", "put", "send"})
_NEGATION_REACH = 3  # a negator governs the next few words ("did not specify a timeline")

# The parties of a conflict and the words that name them, as this deck's articles write them.
PARTIES = {
    "Russia": ("russia", "rusia", "rusian", "moscow", "kremlin"),
    "Ukraine": ("ukraine", "ukrainian", "kyiv", "kiev"),
    "the United States": ("us", "washington", "white"),
    "Turkey": ("turkey", "turkish", "turkiye"),
    "Europe": ("europe", "european", "eu"),
    "Britain": ("britain", "british", "uk"),
    "France": ("france", "french"),
    "Germany": ("germany", "german"),
}
_PARTY_OF = {form: name for name, forms in PARTIES.items() for form in forms}


@dataclass(frozen=True, slots=True)
class Opposition:
    """What the claim says against what the evidence says, as written in each."""

    kind: str  # "opposite" | "negation" | "party"
    claim_says: str
    evidence_says: str
    word: int  # index of the claim's word that turns it


def party(word: Word) -> str | None:
    """The party a word names ("Kremlin" -> "Russia"), or None."""
    return _PARTY_OF.get(word.root)


def opposite(a: str, b: str) -> bool:
    """True when roots ``a`` and ``b`` are antonyms or differ by a negating affix."""
    if b in _OPPOSITE.get(a, ()):
        return True
    for long_, short in ((a, b), (b, a)):
        for prefix in _NEGATING_PREFIXES:
            if long_.startswith(prefix) and len(short) >= 4 and same_root(long_[len(prefix):], short):
                return True
        if long_.endswith("les") and long_[:-3] == short:  # "pointless" / "point"
            return True
    return False


def _bounded(words: Sequence[Word], i: int) -> bool:
    """A bound on a figure: "over" before "an hour", "472", "three years" (not "sovereignty over")."""
    nxt = words[i + 1] if i + 1 < len(words) else None
    return nxt is not None and (nxt.value is not None or nxt.text.lower() in ("a", "an", "than"))


def _opposite_bound(claim: Sequence[Word], i: int, evidence: Sequence[Word]) -> Opposition | None:
    mine = claim[i].text.lower()
    if not _bounded(claim, i):
        return None
    for j, e in enumerate(evidence):
        if e.text.lower() in _BOUNDS.get(mine, ()) and _bounded(evidence, j):
            return Opposition("opposite", mine, e.text, i)
    return None


def _negated(words: Sequence[Word], index: int) -> bool:
    start = max(0, index - _NEGATION_REACH)
    return any(w.root in NEGATORS for w in words[start:index])


def _uses(words: Sequence[Word], root_: str) -> list[int]:
    return [i for i, w in enumerate(words) if same_root(w.root, root_)]


def opposition(claim: Sequence[Word], evidence: Sequence[Word]) -> Opposition | None:
    """The first way the claim's wording contradicts the evidence's, or None."""
    evidence_roots = {w.root for w in evidence}
    claim_roots = {w.root for w in claim}
    for index, w in enumerate(claim):
        if w.text.lower() in _BOUNDS:
            found = _opposite_bound(claim, index, evidence)
            if found is not None:
                return found
            continue
        if not w.content and w.root not in _OPPOSITE:
            continue
        if any(same_root(w.root, r) for r in evidence_roots):
            continue
        for e in evidence:
            if opposite(w.root, e.root) and not any(same_root(e.root, r) for r in claim_roots):
                return Opposition("opposite", w.text, e.text, index)
    for i, w in enumerate(claim):
        if not w.content or w.root in NEGATORS or w.root in _LIGHT or w.value is not None:
            continue
        if w.text[:1].isupper():
            continue  # a name: "ex-culture minister Vladimir Medinsky" does not negate Vladimir
        uses = _uses(evidence, w.root)
        if not uses:
            continue
        claim_negated = _negated(claim, i)
        if all(_negated(evidence, j) != claim_negated for j in uses):
            j = uses[0]
            shown_evidence = " ".join(x.text for x in evidence[max(0, j - _NEGATION_REACH):j + 1])
            shown_claim = " ".join(x.text for x in claim[max(0, i - _NEGATION_REACH):i + 1])
            return Opposition("negation", shown_claim, shown_evidence, i)
    return _other_side(claim, evidence)


def _other_side(claim: Sequence[Word], evidence: Sequence[Word]) -> Opposition | None:
    """A party before a noun in the claim that the evidence gives to another party only."""
    def owners(words: Sequence[Word]) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for i, w in enumerate(words[:-1]):
            who = party(w)
            nxt = words[i + 1]
            if who and nxt.content and party(nxt) is None and nxt.value is None:
                found.setdefault(nxt.root, set()).add(who)
        return found

    theirs = owners(evidence)
    named = {who for who in map(party, claim) if who}
    for noun, who in owners(claim).items():
        other = theirs.get(noun)
        # The claim must not name the evidence's party itself ("German officials ... with Ukraine").
        if other and not (other & who) and not (other & named):
            index = next(i for i, w in enumerate(claim) if w.root == noun)
            shown = claim[index].text
            return Opposition("party", f"{'/'.join(sorted(who))} {shown}", f"{'/'.join(sorted(other))} {shown}",
                              max(0, index - 1))
    return _swapped(claim, evidence)


def _swapped(claim: Sequence[Word], evidence: Sequence[Word]) -> Opposition | None:
    """The same two parties around the same verb, the other way round ("Ukraine launched ... against Russia")."""
    def order(words: Sequence[Word]) -> tuple[list[tuple[str, int]], str | None]:
        seen: list[tuple[str, int]] = []
        for i, w in enumerate(words):
            who = party(w)
            if who and all(who != s for s, _ in seen):
                seen.append((who, i))
        if len(seen) < 2:
            return seen, None
        between = [w.root for w in words[seen[0][1] + 1:seen[1][1]] if w.content and party(w) is None]
        return seen, between[0] if between else None

    mine, my_verb = order(claim)
    theirs, their_verb = order(evidence)
    if len(mine) < 2 or len(theirs) < 2 or my_verb is None or their_verb is None:
        return None
    if [p for p, _ in mine[:2]] == [p for p, _ in reversed(theirs[:2])] and same_root(my_verb, their_verb):
        return Opposition("party", f"{mine[0][0]} → {mine[1][0]}", f"{theirs[0][0]} → {theirs[1][0]}", mine[0][1])
    return None
