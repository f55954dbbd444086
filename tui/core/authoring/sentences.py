"""An article's paragraphs, sub-headings and sentences, with their offsets in the stored text.

A paragraph is a non-empty line (the source viewer shows them the same way). A short
line that does not end like a sentence is a heading: the first one is the headline,
later ones are the article's sub-headings, which tag the facts drafted below them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MAX_HEADING_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")
# A sentence ends at . ! ? (and any closing quotes) followed by space and a capital,
# a digit or an opening quote; abbreviations such as "Mr." or "U.S." do not end one.
_BREAK = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9€$£])")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sen|Rep|Gov|Jr|Sr|No|Inc|Ltd|Co|vs|etc|approx)|\b[A-Z])\.$")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# "By Dana Whitcombe", "By Dana Whitcombe and Li Wei, Reuters": who wrote it, not a topic to tag by.
_BYLINE = re.compile(r"^\s*(?:#{1,6}\s+)?By\s+[A-Z][\w'’.-]*(?:[\s,]+(?:and\s+)?[A-Z][\w'’.-]*)*\s*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article: its text is exactly `article[start:end]`."""

    start: int
    end: int
    text: str
    heading: str  # the sub-heading it stands under ("" before the first)
    paragraph: tuple[int, int]  # [start, end) of its paragraph


@dataclass(frozen=True, slots=True)
class Outline:
    """The headline (if the text opens with one), the sub-headings and the sentences."""

    headline: str
    headings: tuple[str, ...]
    sentences: tuple[Sentence, ...]


def is_heading(line: str) -> bool:
    """A short line that does not end like a sentence ("Funding", "## The works")."""
    stripped = line.strip()
    if _MARKDOWN_HEADING.match(stripped):
        return True
    return bool(stripped) and len(stripped.split()) <= _MAX_HEADING_WORDS and not _SENTENCE_END.search(stripped)


def heading_text(line: str) -> str:
    return _MARKDOWN_HEADING.sub("", line.strip()).strip()


def outline(text: str) -> Outline:
    """Split the stored article into headline, sub-headings and sentences (headline included)."""
    headline = ""
    headings: list[str] = []
    sentences: list[Sentence] = []
    current = ""
    offset = 0
    first = True
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            continue
        if _BYLINE.match(line):
            continue
        if is_heading(line):
            if first:
                # A headline states things too ("... approves $48m bridge"); a sub-heading names a topic.
                headline = heading_text(line)
                body_start = start + line.index(headline)
                sentences.append(Sentence(body_start, body_start + len(headline), headline, "", (start, end)))
            else:
                current = heading_text(line)
                headings.append(current)
            first = False
            continue
        first = False
        sentences.extend(_split(text, start, end, current))
    return Outline(headline, tuple(headings), tuple(sentences))


def _split(text: str, start: int, end: int, heading: str) -> list[Sentence]:
    paragraph = (start, end)
    pieces: list[Sentence] = []
    at = start
    for match in _BREAK.finditer(text, start, end):
        before = text[at:match.start()].rstrip("\"'”’)")
        if _ABBREVIATIONS.search(before):
            continue
        pieces.append(_sentence(text, at, match.start(), heading, paragraph))
        at = match.end()
    pieces.append(_sentence(text, at, end, heading, paragraph))
    return [p for p in pieces if p.text]


def _sentence(text: str, start: int, end: int, heading: str, paragraph: tuple[int, int]) -> Sentence:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return Sentence(start, end, text[start:end], heading, paragraph)


def sentence_at(text: str, offset: int) -> Sentence | None:
    """The sentence of the article that contains `offset` (or ends right there)."""
    for sentence in outline(text).sentences:
        if sentence.start <= offset <= sentence.end:
            return sentence
    return None
