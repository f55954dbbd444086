"""Cloze items: a sentence of a source with one checkable unit of an item's answer blanked.

Promises, for every cloze this module makes:
- the sentence is a sentence of the source as stored (list markers and an outlet's
  "Name:" prefix aside; never a headline), and filled with `Cloze.answer` it reads exactly as there;
- the blank covers one mention of the answer (or an alias), inside the cited quote;
- that mention is a checkable unit: a name, place, number, date or duration, or a noun
  phrase of at least two content words or a proper name — never a function phrase
  ("In retaliation", "few") that could be guessed many ways;
- the rest of the sentence does not show the answer, and keeps enough words to go on.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from tui.core.checking.matching import key_words, words_of
from tui.core.deck.model import Citation, Deck, Fact
from tui.core.quiz.reveal import reveals_answer

BLANK = "_____"
MIN_CLOZE_WORDS = 4  # words a cloze sentence keeps besides its blank, so it can be answered
UNIT_KINDS = frozenset({"name", "place", "number", "percent", "money", "date", "duration"})
MAX_PHRASE_WORDS = 6  # a longer text blank is a clause, not one thing to recall
# Words that qualify rather than name: a blank of these and one more word is guessable many ways.
_QUALIFIERS = frozenset({
    "few", "many", "much", "more", "most", "less", "least", "some", "several", "any", "all", "no",
    "other", "such", "very", "again", "also", "only", "own", "each", "every",
    # and verbs that only link or help: "remain slim" is one guessable adjective
    "remain", "remains", "remained", "stay", "stays", "stayed", "become", "becomes", "became",
    "seem", "seems", "seemed", "has", "have", "had", "do", "does", "did", "will", "would",
    "can", "could", "may", "might", "must", "shall", "should",
})
# A full stop (or ! ?), closing quotes, then space before a capital, digit or opening quote...
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]*[A-Z0-9])")
# ...unless the stop ends an initialism or a title ("the U.S. state of Ohio", "Mr. Umerov").
_NOT_AN_END = re.compile(r"(?:\b(?:[A-Za-z]\.)+|\b(?:Mr|Mrs|Ms|Dr|Gen|St|Lt|Col|No|vs))\.?$")
_LIST_MARKER = re.compile(r"[-*\u2022\u2013\u2014]\s+")
# A line this long that does not end a sentence was wrapped: its sentence goes on below.
_WRAPPED_LINE = 60
# A sentence ends on a stop (before any closing quote or bracket); a headline does not.
_ENDS_A_SENTENCE = re.compile(r"[.!?][\"'\u201d\u2019)]*$")
_TYPOGRAPHIC = {
    "'": "['\u2018\u2019\u02bc]", "\u2019": "['\u2018\u2019\u02bc]",
    '"': '["\u201c\u201d]', "\u201c": '["\u201c\u201d]', "\u201d": '["\u201c\u201d]',
    "-": "[-\u2010\u2011\u2013\u2014]", "\u2013": "[-\u2010\u2011\u2013\u2014]", "\u2014": "[-\u2010\u2011\u2013\u2014]",
}


@dataclass(frozen=True, slots=True)
class Cloze:
    """A blanked source sentence, the citation it comes from, and the words the blank hides."""

    text: str
    citation: Citation
    answer: str


def _sentence_ends(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """Sentence ends in text[lo:hi]; the look-ahead may read past `hi`, so it is not an endpos."""
    return [m for m in _SENTENCE_END.finditer(text, lo) if m.end() <= hi
            and not _NOT_AN_END.search(text, lo, m.start() + 1)]


def _wrapped_at(text: str, newline: int) -> bool:
    """Whether the line break at `newline` only wraps a sentence: the line before is long, ends
    mid-sentence, and is neither a list item nor a headline (mostly capitalised words); the next
    line is neither blank nor a list item."""
    line_start = text.rfind("\n", 0, newline) + 1
    line = text[line_start:newline].rstrip()
    after = text[newline + 1:newline + 3]
    words = line.split()
    headline = sum(w[:1].isupper() for w in words) * 2 > len(words)
    return (len(line) >= _WRAPPED_LINE and not _ENDS_A_SENTENCE.search(line) and not line.endswith(":")
            and not headline and not _LIST_MARKER.match(line)
            and bool(after.strip()) and not _LIST_MARKER.match(after + " "))


def _paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The [first, last) offsets of the paragraph holding [start, end): its line, and the lines a
    hard-wrapped text (lines of ~70 characters) carries its sentences over."""
    first = text.rfind("\n", 0, start) + 1
    while first > 0 and _wrapped_at(text, first - 1):
        first = text.rfind("\n", 0, first - 1) + 1
    last = text.find("\n", end)
    while 0 <= last and _wrapped_at(text, last):
        last = text.find("\n", last + 1)
    return first, len(text) if last < 0 else last


def sentence_bounds(text: str, start: int, end: int, prefix: str = "") -> tuple[int, int]:
    """The [first, last) offsets of the sentence of `text` holding [start, end), within its
    paragraph, without surrounding space, a list marker ("- ") or a leading `prefix` (an outlet's "Name:")."""
    first, last = _paragraph_bounds(text, start, end)
    begin = first
    for match in _sentence_ends(text, first, start):
        begin = match.end()
    after = next(iter(_sentence_ends(text, end, last)), None)
    finish = after.end() if after else last
    while begin < finish and text[begin].isspace():
        begin += 1
    while finish > begin and text[finish - 1].isspace():
        finish -= 1
    marker = _LIST_MARKER.match(text, begin, finish)
    if marker and marker.end() <= start:
        begin = marker.end()
    if prefix and text.startswith(prefix, begin) and begin + len(prefix) <= start:
        begin += len(prefix)
    return begin, finish


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` holding [start, end), as `sentence_bounds` cuts it."""
    begin, finish = sentence_bounds(text, start, end)
    return text[begin:finish]


def variant_pattern(variant: str) -> re.Pattern[str]:
    """A variant as whole words, any run of space as one, typographic quotes and dashes alike."""
    parts = []
    for char in variant.strip():
        if char.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        else:
            parts.append(_TYPOGRAPHIC.get(char, re.escape(char)))
    return re.compile(r"(?<!\w)" + "".join(parts) + r"(?!\w)", re.IGNORECASE)


def checkable_unit(words: str, kind: str) -> bool:
    """Whether a blank of `words` asks one checkable thing rather than a guessable phrase."""
    if kind in UNIT_KINDS:
        return True
    if kind != "text":
        return False  # a list is never written as one run of words
    if len(words.split()) > MAX_PHRASE_WORDS:
        return False
    if any(ch.isdigit() for ch in words) or any(w[:1].isupper() for w in words.split()[1:] or words.split()):
        return True
    if len(words.split()) > MAX_PHRASE_WORDS:
        return False
    content = [w for w in key_words(words_of(words)) if w not in _QUALIFIERS]
    return len(content) >= 2


def _mentions(text: str, item: Fact, lo: int, hi: int) -> list[tuple[int, int]]:
    """Non-overlapping mentions of the answer or an alias inside text[lo:hi], longest first."""
    variants = sorted({v.strip() for v in (item.answer, *item.aliases) if v.strip()}, key=len, reverse=True)
    spans: list[tuple[int, int]] = []
    for variant in variants:
        for match in variant_pattern(variant).finditer(text, lo, hi):
            start, end = match.span()
            if all(end <= a or start >= b for a, b in spans):
                spans.append((start, end))
    return sorted(spans)


def graded_item(item: Fact, blanked: str) -> Fact:
    """What a cloze answer is checked against: the blanked words and their accepted forms.

    For names, places, figures and dates every form names the same thing; a text item's
    other answers may be other words altogether ("slim" where the sentence says "dim"),
    so only forms with the blanked words' own key words are kept.
    """
    forms = (item.answer, *item.aliases)
    if item.kind != "text":
        aliases = tuple(f for f in forms if f.strip().casefold() != blanked.casefold())
    else:
        keys = set(key_words(words_of(blanked)))
        aliases = tuple(f for f in forms if set(key_words(words_of(f))) == keys and f != blanked)
    return dataclasses.replace(item, id=f"{item.id}|{blanked}", answer=blanked, aliases=aliases)


def cloze_candidates(deck: Deck, item: Fact) -> list[Cloze]:
    """Every cloze the item's citations give, one per mention of its answer in a quote."""
    found: list[Cloze] = []
    for citation in item.citations:
        source = deck.source_of(citation)
        text = source.text
        prefix = f"{source.outlet}:" if source.outlet_known else ""
        for start, end in _mentions(text, item, citation.start, citation.end):
            words = text[start:end]
            if not checkable_unit(words, item.kind):
                continue
            begin, finish = sentence_bounds(text, start, end, prefix)
            if not _ENDS_A_SENTENCE.search(text, begin, finish):
                continue  # a headline or a bulleted fragment: not a sentence to complete
            blanked = text[begin:start] + BLANK + text[end:finish]
            if len(blanked.replace(BLANK, " ").split()) < MIN_CLOZE_WORDS:
                continue
            if reveals_answer(blanked.replace(BLANK, " "), item):
                continue
            if all(c.text != blanked for c in found):
                found.append(Cloze(blanked, citation, words))
    return found
