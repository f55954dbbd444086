"""The checkable units of a sentence, found by rules: amounts, figures, dates, names, roles, quotes.

A unit is a span of the sentence with the kind of answer it would make. No model is
needed; the rules favour finding too much, since a person reviews every draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.checking.money import money_spans

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100,
}
DURATION_UNITS = ("seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades")
ROLES = (
    "managing director", "chief executive", "chief engineer", "prime minister", "foreign minister",
    "union organiser", "spokeswoman", "spokesman", "spokesperson", "councillor", "treasurer",
    "president", "minister", "director", "governor", "secretary", "organiser", "engineer",
    "chairman", "chairwoman", "mayor", "chair", "judge", "doctor", "editor", "coach", "head",
    # Words that describe a person in a sentence's first place ("Parent Tomas Reyes ...").
    "parent", "resident", "pupil", "student", "teacher", "nurse", "farmer", "volunteer", "pensioner",
)
ORG_WORDS = frozenset({
    "Council", "Association", "Fund", "Union", "Court", "Ferries", "Ministry", "Bank", "Party",
    "Company", "Group", "Agency", "Committee", "Commission", "Department", "Office", "Authority",
    "University", "School", "Hospital", "Police", "Government", "Institute", "Library", "Trust",
    "Corporation", "Inc", "Ltd", "Service", "Board", "Federation", "League", "Club", "Times", "News",
})
PLACE_WORDS = frozenset({
    "Harbour", "Harbor", "Sound", "Island", "Street", "River", "Port", "Bay", "City", "County",
    "Valley", "Lake", "Square", "Bridge", "Mountains", "Hills", "Coast", "Province", "Region",
})
# Capitalised words that start sentences or headlines without naming anything.
_COMMON = frozenset({
    "The", "A", "An", "Its", "It", "Their", "His", "Her", "This", "That", "These", "Those", "Both",
    "We", "I", "He", "She", "They", "Our", "Work", "But", "And", "Or", "In", "On", "At", "By", "For",
    "From", "After", "Before", "Since", "When", "While", "If", "As", "Some", "All", "Most", "Many",
    "Construction", "Crews", "Talks", "Islanders", "Funding", "Opposition", "Union", "There", "Here",
})
_PLACE_BEFORE = ("in", "at", "across", "to", "from", "near", "outside", "inside", "island of", "city of", "between")
_NAME = re.compile(
    r"[A-Z][\w'’-]*(?:\s(?:(?:of|de|van|von|&)\s)?[A-Z][\w'’-]*)*")
# "KELSO, Ore. — ", "LONDON (Reuters) - ": where the story was filed, not a fact of the story.
_DATELINE = re.compile(r"[A-Z][A-Z .'’-]*[A-Z](?:,(?: [A-Z][\w.]*)+)?(?: \([\w .]+\))? [—–-] ")
_QUOTE = re.compile(r"[\"“]([^\"“”]{3,})[\"”]")
_PERCENT = re.compile(r"\b\d+(?:\.\d+)?\s?(?:%|per ?cent\b)")
_DAY_MONTH_YEAR = re.compile(rf"\b\d{{1,2}} (?:{'|'.join(MONTHS)})(?: \d{{4}})?\b")
_MONTH_DAY_YEAR = re.compile(rf"\b(?:{'|'.join(MONTHS)}) \d{{1,2}}(?:, \d{{4}})?\b")
_MONTH_YEAR = re.compile(rf"\b(?:{'|'.join(MONTHS)}) \d{{4}}\b")
# A month alone, after a word that makes it a time ("in September", "the end of June"; not "May").
_MONTH = re.compile(rf"\b(?:in|by|until|since|from|before|after|of|early|late|mid|next|last|this) "
                    rf"((?:{'|'.join(MONTHS)}))\b(?!\s\d)")
_YEAR = re.compile(r"\b(?:in|since|until|by|from|before|after|of) ((?:19|20)\d{2})\b")
_WEEKDAY = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)})\b")
_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_WORD_NUMBER = r"(?:" + "|".join(NUMBER_WORDS) + r")"
_DURATION = re.compile(rf"\b(?:{_NUMBER}|{_WORD_NUMBER})[ -](?:{'|'.join(u[:-1] for u in DURATION_UNITS)})s?\b",
                       re.IGNORECASE)
_MEASURE = re.compile(rf"\b({_NUMBER})-([a-z]+)\b")  # "640-metre"
_SCORE = re.compile(r"\b(\d+) to (\d+)\b")  # a vote or a score: "7 to 2"
_VOTE_SIDES = ("votes for", "votes against")
_SCORE_SIDES = ("the first side's score", "the second side's score")
_COUNT = re.compile(rf"\b({_NUMBER}|{_WORD_NUMBER})\s+((?:[a-z]+\s){{0,1}}[a-z]+)", re.IGNORECASE)
_NOT_UNITS = frozenset({
    "of", "to", "the", "a", "an", "and", "or", "in", "on", "at", "by", "for", "who", "which", "that",
    "said", "is", "are", "was", "were", "will", "would", "has", "have", "had", "per", "percent",
    "million", "billion", "thousand", "with", "than", "more", "less", "from", "into", "over", "under",
    "against", "this", "last", "each", "times",
})


_IRREGULAR_PLURALS = frozenset({"children", "people", "men", "women", "police", "staff", "sheep", "fish"})
_NOT_QUALIFIERS = _NOT_UNITS | {w.lower() for w in _COMMON} | frozenset({
    "as", "told", "says", "my", "then", "new", "named", "called", "including", "like", "whose", "not",
})


@dataclass(frozen=True, slots=True)
class Unit:
    """A checkable part of a sentence: `sentence[start:end]`, and the answer it makes."""

    start: int
    end: int
    text: str  # as written in the sentence
    kind: str  # money, number, percent, date, duration, day, person, place, organisation, name, role, quote
    unit: str = ""  # for a number: what is counted ("vehicles")
    person: str = ""  # for a role or a quote: who holds it / who said it
    currency: str = ""
    label: str = ""  # what fills the gap, when the kind alone would not say ("votes for")


def _overlaps(found: list[Unit], start: int, end: int) -> bool:
    return any(u.start < end and start < u.end for u in found)


def _add(found: list[Unit], unit: Unit) -> None:
    if not _overlaps(found, unit.start, unit.end):
        found.append(unit)


def figures(sentence: str) -> list[Unit]:
    """Money, percentages, dates, days, durations and counted things, longest-first."""
    found: list[Unit] = []
    for span in money_spans(sentence):
        _add(found, Unit(span.start, span.end, span.text, "money", currency=span.currency))
    for m in _PERCENT.finditer(sentence):
        _add(found, Unit(m.start(), m.end(), m.group(0), "percent"))
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _MONTH_YEAR):
        for m in pattern.finditer(sentence):
            _add(found, Unit(m.start(), m.end(), m.group(0), "date"))
    for m in _MONTH.finditer(sentence):
        _add(found, Unit(m.start(1), m.end(1), m.group(1), "date"))
    for m in _YEAR.finditer(sentence):
        _add(found, Unit(m.start(1), m.end(1), m.group(1), "date"))
    for m in _WEEKDAY.finditer(sentence):
        _add(found, Unit(m.start(), m.end(), m.group(0), "day"))
    for m in _DURATION.finditer(sentence):
        _add(found, Unit(m.start(), m.end(), m.group(0), "duration"))  # "six weeks", "two-year"
    for m in _MEASURE.finditer(sentence):
        _add(found, Unit(m.start(1), m.end(1), m.group(1), "number", unit=_plural(m.group(2))))
    for m in _SCORE.finditer(sentence):
        # A vote's order is its meaning (31 to 7 passed, 7 to 31 failed), and a checker lets words
        # change places: so each side is its own number, asked for by name, and the gap hides both
        # (with the other side showing, "7 to 31" would pass as "31").
        if not _overlaps(found, m.start(), m.end()):
            voted = re.search(r"\bvot", sentence[:m.start()], re.IGNORECASE)
            for side, label in zip((1, 2), _VOTE_SIDES if voted else _SCORE_SIDES):
                found.append(Unit(m.start(), m.end(), m.group(side), "number",
                                  unit=label if voted else "", label=label))
    for m in _COUNT.finditer(sentence):
        number = m.group(1)
        kept = []
        for word in m.group(2).split():  # what is counted: the words up to the first little word
            if word.lower() in _NOT_UNITS:
                break
            kept.append(word)
        if not kept or re.fullmatch(r"(19|20)\d\d", number) or re.search(r"\d[-–/]$", sentence[:m.start(1)]):
            continue  # a year, or the end of a range such as "the 2026-27 fiscal year"
        if kept[0].endswith("s") or kept[0] in _IRREGULAR_PLURALS:
            kept = kept[:1]  # "400 residents attended", "two children use": the verb is not what is counted
        if number.lower() in NUMBER_WORDS and not (kept[-1].endswith("s") or kept[-1] in _IRREGULAR_PLURALS):
            continue  # "one day", "two-year": a number word counts only plural things here
        _add(found, Unit(m.start(1), m.end(1), number, "number", unit=" ".join(kept)))
    return sorted(found, key=lambda u: u.start)


def _plural(word: str) -> str:
    return word if word.endswith("s") else word + "s"


def names(sentence: str, known_elsewhere: frozenset[str] = frozenset()) -> list[Unit]:
    """People, places, organisations and other proper names, with the roles before people.

    `known_elsewhere`: words the article capitalises mid-sentence, so a sentence's first
    word is a name only if it is one of them ("Marrowby approves ...").
    """
    found: list[Unit] = []
    dateline = _DATELINE.match(sentence)
    for m in _NAME.finditer(sentence, dateline.end() if dateline else 0):
        start, text = m.start(), m.group(0)
        words = text.split()
        # Drop capitalised words that are not part of the name ("The European Harbour Fund").
        while words and (words[0] in _COMMON or words[0] in ("&",) or words[0] in MONTHS or words[0] in WEEKDAYS
                         or (start == 0 and words[0] not in known_elsewhere
                             and (len(words) == 1 or words[0].endswith("ing")))):  # "Closing Fernbrook is"
            start = sentence.index(words[1], start + len(words[0])) if len(words) > 1 else start + len(words[0])
            words = words[1:]
        while words and (words[-1] in MONTHS or words[-1] in WEEKDAYS or words[-1] in ("&", "and", "of")):
            words = words[:-1]
        if not words:
            continue
        role = _role_before(sentence, start)
        if len(words) > 1 and words[0].lower() in ROLES:  # "Mayor Tomas Brandt": the title is no name
            role = words[0].lower()
            start = sentence.index(words[1], start + len(words[0]))
            words = words[1:]
        text = " ".join(words)
        end = start + len(text)
        if sentence[start:end] != text:
            continue
        kind = _name_kind(sentence, start, words, role)
        if role and kind == "person":
            role_end = sentence.lower().rfind(role, 0, start) + len(role)
            role_start = _qualified(sentence, role_end - len(role), found)
            _add(found, Unit(role_start, role_end, sentence[role_start:role_end], "role", person=text))
        _add(found, Unit(start, end, text, kind))
    return sorted(found, key=lambda u: u.start)


def _qualified(sentence: str, role_start: int, found: list[Unit]) -> int:
    """Where the role starts with the word before it that says which one ("finance director",
    "Council chair"): "director" alone would let "managing director" pass. A one-word name
    found there ("Council") was that qualifier, not a name, and is dropped."""
    m = re.search(r"([A-Za-z]+) $", sentence[:role_start])
    if not m or m.group(1).lower() in _NOT_QUALIFIERS or m.group(1).lower() in ROLES:
        return role_start
    inside = [u for u in found if u.start < role_start and m.start(1) < u.end]
    if any((u.start, u.end) != m.span(1) for u in inside):
        return role_start  # "Kelso County Council chair": the organisation stays whole
    for unit in inside:
        found.remove(unit)
    return m.start(1)


def _role_before(sentence: str, start: int) -> str:
    """The role or title written just before a name ("Mayor ", "Its chief engineer, ")."""
    before = sentence[:start].rstrip(" ,").lower()
    for role in ROLES:
        if before.endswith(role) and (len(before) == len(role) or not before[-len(role) - 1].isalpha()):
            return role
    return ""


def _name_kind(sentence: str, start: int, words: list[str], role: str) -> str:
    before = sentence[:start].rstrip().lower()
    after = sentence[start + len(" ".join(words)):].lstrip(" ,").lower()
    if words[-1] in ORG_WORDS or "&" in words or before.endswith(("firm", "company", "operator")):
        return "organisation"
    if words[-1] in PLACE_WORDS or before.endswith(_PLACE_BEFORE):
        return "place"
    if role or after.startswith("said") or before.endswith("said") or len(words) in (2, 3):
        return "person"
    return "name"


def quotes(sentence: str) -> list[Unit]:
    """Quoted speech, each with its speaker when the sentence names one ("..., Castell said")."""
    found = []
    for m in _QUOTE.finditer(sentence):
        found.append(Unit(m.start(1), m.end(1), m.group(1), "quote"))
    return found
