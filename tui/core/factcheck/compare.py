"""Comparing a claim with one fact: how much of the claim the fact covers, and what conflicts.

A fact's evidence is its statement, its answer and its quotes. The claim's content
words are *covered* when the evidence uses them (same root, or for numbers the same
value). The checkable parts are then compared:

- numbers, dates and durations: on a fact whose answer is one, the claim's figure
  is judged by the answer checker itself (tolerance, approximate figures, hedges,
  "a fifth" for 20 %, "a little more than an hour"); elsewhere a figure conflicts
  with the evidence's figure before or after the same word ("12-point" / "22-point");
- names: the claim names a person or place the evidence does not, where the
  evidence names another of the same kind ("Yermak, not Umerov");
- wording: opposites, negation and the other party (``contrast.opposition``).

``rest`` is the coverage of everything *but* the conflicting words: a conflict only
refutes when the rest of the claim is about this fact, so an unrelated fact that
shares a few words never refutes anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from tui.core.deck.model import Citation, Fact

from .contrast import Contrast, Opposition
from .names import Mention, NameFinder
from .text import Rarity, Word, read_words, same_root

_NUMERIC_KINDS = ("number", "percent", "duration", "date")
_FRACTION_WORDS = frozenset({"half", "third", "quarter", "fifth", "sixth", "tenth", "halve", "thirds", "fifths"})
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"})
# Days of the week are dates too: "on Saturday" against "on Sunday" is another day, like another month.
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
# Words before/after a figure handed to the checker; never fewer than one after, where there is
# one, so the unit comes along ("two months" is not "two").
_WINDOWS = ((4, 3), (3, 2), (2, 2), (2, 1), (1, 1), (0, 1))
_DURATION_UNITS = frozenset({"hour", "day", "week", "month", "year", "minute", "fortnight", "decade"})
_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "next", "last", "previous"})

# (kind, what the claim says, what the evidence says)
Conflict = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Segment:
    """One piece of a fact's evidence: the statement, the answer, or one quote."""

    words: tuple[Word, ...]
    citation: Citation | None = None


@dataclass(slots=True)
class Comparison:
    """How a claim fares against one fact."""

    fact: Fact
    coverage: float  # share of the claim's content weight the evidence covers
    rest: float  # the same, leaving out the conflicting words
    conflicts: list[Conflict] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)  # claim words the evidence lacks, as written
    covered_roots: frozenset[str] = frozenset()
    # (the claim's ordinal, the evidence's) when they differ: "the second round" is another event
    # than "the first round", so the fact neither supports nor refutes the claim.
    other_event: tuple[str, str] | None = None


def segments(fact: Fact) -> list[Segment]:
    """The statement, the answer with its aliases, then each quote, as words."""
    # Accepted answers say what the answer says, so they count towards coverage too.
    answers = " ; ".join((fact.answer, *fact.aliases))
    parts = [Segment(read_words(fact.statement)), Segment(read_words(answers))]
    parts += [Segment(read_words(c.quote), c) for c in fact.citations]
    return parts


def _is_figure(claim: Sequence[Word], i: int, fact_kind: str) -> bool:
    """Whether the claim's word ``i`` is a figure to check against this kind of fact."""
    word = claim[i]
    lowered = word.text.lower()
    if lowered == "one":
        return False  # "in one night", "one article": a word, not a count
    if lowered == "two" and i and claim[i - 1].text.lower() == "the":
        return False  # "the two sides": a pair already known, not a count
    if fact_kind == "duration" and lowered in _DURATION_UNITS and i and claim[i - 1].text.lower() in ("a", "an"):
        return True  # "under an hour"
    if lowered in _MONTHS or lowered in _WEEKDAYS:
        return fact_kind == "date" or fact_kind not in _NUMERIC_KINDS
    return word.value is not None or lowered in _FRACTION_WORDS


def _covers(word: Word, party: str | None, roots: set[str], values: set, parties: set[str]) -> bool:
    if word.value is not None:
        return word.value in values
    if party is not None and party in parties:
        return True  # "the Kremlin" covers "Russia": one party
    return word.root in roots or any(same_root(word.root, r) for r in roots)


class Comparer:
    """Compares claims with facts; ``judge`` is the answer checker's ``check`` (fact, text) -> Verdict."""

    def __init__(self, names: NameFinder, contrast: Contrast, rarity: Rarity, judge: Callable):
        self.names = names
        self.contrast = contrast
        self.rarity = rarity
        self.judge = judge
        self._segments: dict[str, list[Segment]] = {}

    def segments_of(self, fact: Fact) -> list[Segment]:
        found = self._segments.get(fact.id)
        if found is None:
            found = self._segments[fact.id] = segments(fact)
        return found

    def compare(self, claim_text: str, claim: Sequence[Word], fact: Fact) -> Comparison:
        parts = self.segments_of(fact)
        evidence = [w for part in parts for w in part.words]
        roots = {w.root for w in evidence}
        values = {w.value for w in evidence if w.value is not None}
        content = [i for i, w in enumerate(claim) if w.content]
        parties = {who for who in self.contrast.parties(evidence) if who}
        claim_parties = self.contrast.parties(claim)
        covered = {i for i in content if _covers(claim[i], claim_parties[i], roots, values, parties)}
        conflicts: list[Conflict] = []
        involved: set[int] = set()
        self._figures(claim_text, claim, fact, evidence, covered, conflicts, involved, claim_parties)
        self._names(claim, fact, evidence, covered, conflicts, involved, claim_parties)
        other_event = _other_ordinal(claim, evidence, covered)
        if not conflicts:
            titled = self.names.role_of_another(claim, [p.words for p in parts], claim_parties)
            if titled is not None:
                conflicts.append(("title", titled[0].split()[-1], titled[1].split()[-1]))
                involved.update(titled[2])
        if not conflicts:
            swapped = self._swapped_people(claim, parts)
            if swapped is not None:
                conflicts.append(("party", swapped[0], swapped[1]))
                involved.add(swapped[2])
        if not conflicts:
            found = self._wording(claim, parts)
            if found is not None:
                conflicts.append((found.kind, found.claim_says, found.evidence_says))
                involved.add(found.word)
        covered &= set(content)
        weight = {i: self.rarity.weight(claim[i].root) for i in content}
        total = sum(weight.values()) or 1.0
        got = sum(weight[i] for i in covered)
        rest_total = sum(weight[i] for i in content if i not in involved) or 1.0
        rest_got = sum(weight[i] for i in covered if i not in involved)
        uncovered = [claim[i].text for i in content if i not in covered and i not in involved]
        return Comparison(fact, got / total, rest_got / rest_total, conflicts, uncovered,
                          frozenset(claim[i].root for i in covered), other_event)

    # -- figures -------------------------------------------------------------------------

    def _figures(self, text: str, claim: Sequence[Word], fact: Fact, evidence: list[Word],
                 covered: set[int], conflicts: list[Conflict], involved: set[int],
                 claim_parties: list[str | None]) -> None:
        for i, word in enumerate(claim):
            if not _is_figure(claim, i, fact.kind):
                continue
            if _counts_something_else(claim, i, evidence, claim_parties):
                covered.discard(i)  # "300 missiles" against "472 drones": another count, neither backed nor gainsaid
                continue
            literal = i in covered
            if literal and (fact.kind not in _NUMERIC_KINDS or _same_unit(claim, i, evidence, self.contrast)):
                continue
            if fact.kind != "date" and i and claim[i - 1].text.lower() in _MONTHS and word.value is not None:
                continue  # "on June 10" is a day, no count to hold against 6,000 bodies
            if fact.kind in _NUMERIC_KINDS:
                verdict = self._judge_around(text, claim, i, fact)
                if verdict is None:
                    continue
                if verdict.correct:
                    covered.add(i)
                else:
                    covered.discard(i)
                    conflicts.append(("figure", word.text, fact.answer))
                    involved.add(i)
                continue
            rival = _rival_figure(claim, i, evidence) if word.value is not None else _rival_month(claim, i, evidence)
            if rival is not None:
                conflicts.append(("figure", word.text, rival.text))
                involved.add(i)

    def _judge_around(self, text: str, claim: Sequence[Word], i: int, fact: Fact):
        """The checker's verdict on the claim's figure, with a few words either side.

        Windows from widest to narrowest: the first one the checker accepts wins, else the
        narrowest one that still names a figure decides (so stray words cannot refute)."""
        last = accepted = None
        for before, after in _WINDOWS:
            lo, hi = max(0, i - before), min(len(claim), i + after + 1)
            phrase = text[claim[lo].start:claim[hi - 1].end]
            verdict = self.judge(fact, phrase)
            if not verdict.correct and verdict.rule == "hedge":
                return verdict  # "under an hour" against "slightly over an hour": the bound decides
            if verdict.correct:
                accepted = accepted or verdict
            elif verdict.rule not in ("mismatch", "extra-words", "too-long"):
                last = verdict
        return accepted or last

    # -- names ---------------------------------------------------------------------------

    def _names(self, claim: Sequence[Word], fact: Fact, evidence: list[Word],
               covered: set[int], conflicts: list[Conflict], involved: set[int],
               claim_parties: list[str | None]) -> None:
        said = self.names.mentions(claim)
        known = self.names.mentions(evidence)
        known_names = {m.name for m in known}
        said_names = {m.name for m in said}
        # "Turkish" names Turkey: a place the claim names as a party is no rival.
        named_parties = {self.contrast.names.get(who, who).casefold() for who in claim_parties if who}
        for mention in said:
            if mention.name in known_names:
                covered.update(range(mention.start, mention.end))
                continue
            rival = _rival_name(mention, known, said_names, fact, named_parties)
            if rival is not None:
                kind = "person" if mention.kind == "person" else "place"
                conflicts.append((kind, claim[mention.end - 1].text, rival))
                involved.update(range(mention.start, mention.end))
                return

    def _swapped_people(self, claim: Sequence[Word], parts: list[Segment]) -> tuple[str, str, int] | None:
        """The same two people around the same verb the other way round: "Putin called Trump
        crazy" against "Trump called Putin crazy" (the parties' own check covers countries)."""
        pairs = _people_pairs(self.names.mentions(claim), claim)
        if not pairs:
            return None
        mine = pairs[0]
        for part in (parts[0], *parts[2:]):
            for theirs in _people_pairs(self.names.mentions(part.words), part.words):
                if (mine[0], mine[1]) == (theirs[1], theirs[0]) and same_root(mine[2], theirs[2]):
                    return f"{mine[0]} → {mine[1]}", f"{theirs[0]} → {theirs[1]}", mine[3]
        return None

    # -- wording -------------------------------------------------------------------------

    def _wording(self, claim: Sequence[Word], parts: list[Segment]) -> Opposition | None:
        """An opposition with the statement, or else with a quote that no other quote gainsays."""
        opposition = self.contrast.opposition
        found = opposition(claim, parts[0].words)
        if found is not None:
            return found
        quotes = parts[2:]
        for n, part in enumerate(quotes):
            found = opposition(claim, part.words)
            if found is None:
                continue
            turned = claim[found.word].root
            # Another quote saying the claim's own word ("over an hour" twice) would back the claim, and
            # so does the statement, which already agreed with it ("declined to attend" against a quote's
            # "interest in attending, also declined").
            backing = [parts[0], *quotes[:n], *quotes[n + 1:]]
            if not any(same_root(turned, w.root) for other in backing for w in other.words):
                return found
        return None


def _rival_name(mention: Mention, known: list[Mention], said: set[str], fact: Fact,
                parties: set[str] = frozenset()) -> str | None:
    """The evidence's name of the same kind that the claim's name stands in for, if any.

    People exclude each other ("led by Lavrov" against "led by Medinsky"); places only when
    the fact is about the place itself: Istanbul is no rival to Turkey, it is in it."""
    same_kind = [m for m in known if m.kind == mention.kind and m.name not in said
                 and m.name.casefold() not in parties]
    if mention.kind == "place":
        same_kind = [m for m in same_kind if fact.kind == "place" and m.name == fact.answer]
    if not same_kind:
        return None
    for m in same_kind:
        if m.name == fact.answer:
            return m.name.split()[-1] if m.kind == "person" else m.name
    m = same_kind[0]
    return m.name.split()[-1] if m.kind == "person" else m.name


def _people_pairs(mentions: list[Mention], words: Sequence[Word]) -> list[tuple[str, str, str, int]]:
    """Each two different people named one after the other, with the first content word between
    them (the verb, mostly) and its index: "Trump called Putin" -> (Trump, Putin, call, 1)."""
    people = [m for m in mentions if m.kind == "person"]
    found = []
    for first, second in zip(people, people[1:]):
        between = [k for k in range(first.end, second.start) if words[k].content]
        if first.name != second.name and between:
            found.append((first.name, second.name, words[between[0]].root, between[0]))
    return found


def _other_ordinal(claim: Sequence[Word], evidence: list[Word], covered: set[int]) -> tuple[str, str] | None:
    mine = [(i, w) for i, w in enumerate(claim) if w.text.lower() in _ORDINALS]
    theirs = [w.text.lower() for w in evidence if w.text.lower() in _ORDINALS]
    for i, word in mine:
        if i not in covered and theirs:
            return word.text.lower(), theirs[0]
    return None


def _neighbours(words: Sequence[Word], i: int) -> set[str]:
    """Roots of the nearest content word before and after position ``i``."""
    found = set()
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(words) and not words[j].content:
            j += step
        if 0 <= j < len(words) and words[j].value is None:
            found.add(words[j].root)
    return found


def _next_root(words: Sequence[Word], i: int, parties: list[str | None]) -> str | None:
    """The next content word's root, past any party ("6,000 Ukrainian soldiers" -> soldier)."""
    j = i + 1
    while j < len(words) and (not words[j].content or parties[j]):
        j += 1
    return words[j].root if j < len(words) and words[j].value is None else None


def _counts_something_else(claim: Sequence[Word], i: int, evidence: list[Word], parties: list[str | None]) -> bool:
    """The claim's figure counts a thing the evidence never names ("300 missiles" where the fact
    speaks only of drones). Units of time are left to the checker: "two months" is a wrong duration."""
    if claim[i].value is None:
        return False
    unit = _next_root(claim, i, parties)
    if unit is None or unit in _DURATION_UNITS or not claim[i + 1:] or not any(w.content for w in claim[i + 1:i + 2]):
        return False
    return not any(same_root(unit, w.root) for w in evidence)


def _same_unit(claim: Sequence[Word], i: int, evidence: list[Word], contrast: Contrast) -> bool:
    """The evidence has the claim's figure followed by the same word ("two weeks", not "two months")."""
    mine = _next_root(claim, i, contrast.parties(claim))
    evidence_parties = contrast.parties(evidence)
    for j, theirs in enumerate(evidence):
        if theirs.value is not None and theirs.value == claim[i].value:
            other = _next_root(evidence, j, evidence_parties)
            if mine is None or other is None or same_root(mine, other):
                return True
    return False


def _rival_month(claim: Sequence[Word], i: int, evidence: list[Word]) -> Word | None:
    """Another month (or weekday) of the evidence in the same place as the claim's ("end of July" /
    "end of June", "on the Saturday before" / "on the Sunday before")."""
    mine = claim[i].text.lower()
    calendar = _MONTHS if mine in _MONTHS else _WEEKDAYS if mine in _WEEKDAYS else None
    if calendar is None:
        return None
    around = _neighbours(claim, i)
    for j, theirs in enumerate(evidence):
        lowered = theirs.text.lower()
        if lowered in calendar and lowered != mine and any(same_root(a, b) for a in around for b in _neighbours(evidence, j)):
            return theirs
    return None


def _year_like(value) -> bool:
    return value is not None and value.denominator == 1 and 1900 <= value <= 2100


def _rival_figure(claim: Sequence[Word], i: int, evidence: list[Word]) -> Word | None:
    """A figure of the evidence in the same place as the claim's (same word beside it, same sort)."""
    mine = claim[i]
    if mine.value is None:
        return None
    around = _neighbours(claim, i)
    for j, theirs in enumerate(evidence):
        if theirs.value is None or theirs.value == mine.value or _year_like(theirs.value) != _year_like(mine.value):
            continue
        if any(same_root(a, b) for a in around for b in _neighbours(evidence, j)):
            return theirs
    return None

