"""How much of each bundled article the deck cites, sentence by sentence.

    python scripts/coverage.py [--deck PATH]

Each article is split into sentences: every non-empty line is a paragraph (a
headline or sub-head line is one sentence; a bullet line "- ..." is one sentence
without its marker), and paragraphs are split after ".", "!" or "?" (and any
closing quote) when the next word starts a new sentence, never after
abbreviations such as "U.S.". An outlet prefix such as "The Voice News:" at the
start of an article is provenance, not a sentence, and is left out.

A sentence is *cited* when any citation span in the deck overlaps it. A sentence
whose exact text also occurs, cited, elsewhere in the same article (article 004
repeats whole paragraphs) is a *repeat*: neither cited nor uncovered. An uncited
text that occurs several times is listed once, with its count, and every copy
counts as uncovered. The share is (cited + repeats) / sentences.

Prints, per article, the counts, the share and the sentences not cited. Exits 0;
`--min SHARE` makes it exit 1 when any article's share is below SHARE (0-100).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))

# Outlet prefixes written straight into an article's first line ("The Voice News:Ukraine ...").
OUTLET_PREFIX = re.compile(r"^The Voice News:\s*")
BULLET = re.compile(r"^[-*\u2022]\s+")
# A candidate sentence end: terminal punctuation, optional closing quotes/brackets, then whitespace.
_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+)")
# Words ending in "." that do not end a sentence when a capitalised word follows.
ABBREVIATIONS = frozenset(
    {"mr.", "mrs.", "ms.", "dr.", "st.", "gen.", "col.", "lt.", "sgt.", "prof.", "sen.", "rep.",
     "gov.", "jan.", "feb.", "mar.", "apr.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec.",
     "no.", "vs.", "etc.", "e.g.", "i.e.", "approx.", "inc.", "ltd.", "co."}
)
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.){1,}$")  # U.S., U.K., U.N., a single initial "J."
_STARTS_SENTENCE = re.compile(r"[\"'\u201c\u2018(\[]*[A-Z0-9]")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # offsets into the article text; end exclusive
    end: int
    text: str


def _is_abbreviation(paragraph: str, dot_at: int) -> bool:
    """Whether the '.' at `dot_at` ends an abbreviation rather than a sentence."""
    word_start = dot_at
    while word_start > 0 and not paragraph[word_start - 1].isspace():
        word_start -= 1
    word = paragraph[word_start:dot_at + 1].lstrip("\"'\u201c\u2018([")
    return word.lower() in ABBREVIATIONS or bool(_INITIALISM.match(word))


def _split_paragraph(paragraph: str, offset: int) -> list[Sentence]:
    sentences: list[Sentence] = []
    begin = 0
    for match in _END.finditer(paragraph):
        end = match.end()
        rest = paragraph[end:].lstrip()
        if not rest or not _STARTS_SENTENCE.match(rest):
            continue
        # A closing quote or bracket after the dot ends the sentence ("said “no.” Then").
        closed = match.end() > match.start() + 1
        if paragraph[match.start()] == "." and not closed and _is_abbreviation(paragraph, match.start()):
            continue
        piece = paragraph[begin:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            sentences.append(Sentence(offset + begin + lead, offset + end, piece.strip()))
        begin = end
    piece = paragraph[begin:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        trimmed = piece.strip()
        start = offset + begin + lead
        sentences.append(Sentence(start, start + len(trimmed), trimmed))
    return sentences


def split_sentences(text: str) -> list[Sentence]:
    """The article's sentences, with their spans in `text`."""
    sentences: list[Sentence] = []
    position = 0
    first = True
    for line in text.splitlines(keepends=True):
        line_start = position
        position += len(line)
        body = line.rstrip("\r\n")
        skip = len(body) - len(body.lstrip())
        if first and body.strip():
            prefix = OUTLET_PREFIX.match(body[skip:])
            if prefix:
                skip += prefix.end()
            first = False
        bullet = BULLET.match(body[skip:])
        if bullet:
            skip += bullet.end()
        if not body[skip:].strip():
            continue
        sentences.extend(_split_paragraph(body[skip:], line_start + skip))
    return sentences


@dataclass(frozen=True, slots=True)
class ArticleCoverage:
    source_id: str
    sentences: tuple[Sentence, ...]
    cited: tuple[Sentence, ...]
    repeats: tuple[Sentence, ...]  # uncited copies of a sentence that is cited elsewhere
    uncited: tuple[Sentence, ...]  # first occurrence of each uncited text
    uncited_copies: tuple[Sentence, ...]  # later copies of an uncited text: still uncovered

    @property
    def share(self) -> float:
        if not self.sentences:
            return 100.0
        return 100.0 * (len(self.cited) + len(self.repeats)) / len(self.sentences)

    def occurrences(self, sentence: Sentence) -> int:
        """How many times the text of an uncited sentence occurs in the article."""
        text = _normal(sentence.text)
        return 1 + sum(_normal(s.text) == text for s in self.uncited_copies)


def _normal(text: str) -> str:
    return " ".join(text.split())


def article_coverage(source_id: str, text: str, spans: list[tuple[int, int]]) -> ArticleCoverage:
    """Which sentences of one article the given citation spans cover.

    A repeated paragraph is listed once: its copies count as covered when any copy
    is cited, and as uncovered (but not listed again) when none is.
    """
    sentences = split_sentences(text)
    cited, rest = [], []
    for sentence in sentences:
        if any(start < sentence.end and sentence.start < end for start, end in spans):
            cited.append(sentence)
        else:
            rest.append(sentence)
    cited_texts = {_normal(s.text) for s in cited}
    repeats, uncited, copies = [], [], []
    seen: set[str] = set()
    for sentence in rest:
        key = _normal(sentence.text)
        if key in cited_texts:
            repeats.append(sentence)
        elif key in seen:
            copies.append(sentence)
        else:
            seen.add(key)
            uncited.append(sentence)
    return ArticleCoverage(
        source_id, tuple(sentences), tuple(cited), tuple(repeats), tuple(uncited), tuple(copies)
    )


def deck_coverage(deck) -> list[ArticleCoverage]:
    """Coverage of every source of a loaded `tui.core.deck.Deck`, in source order."""
    spans: dict[str, list[tuple[int, int]]] = {source_id: [] for source_id in deck.sources}
    for fact in deck.facts:
        for citation in fact.citations:
            spans.setdefault(citation.source_id, []).append((citation.start, citation.end))
    return [
        article_coverage(source_id, source.text, spans.get(source_id, []))
        for source_id, source in deck.sources.items()
    ]


def report(results: list[ArticleCoverage]) -> str:
    lines: list[str] = []
    for result in results:
        lines.append(
            f"{result.source_id}: {len(result.sentences)} sentences, {len(result.cited)} cited, "
            f"{len(result.repeats)} repeats, {result.share:.1f}% covered"
        )
        for sentence in result.uncited:
            times = result.occurrences(sentence)
            suffix = f"  (occurs {times} times)" if times > 1 else ""
            lines.append(f"  uncited: {sentence.text}{suffix}")
        for sentence in result.repeats:
            lines.append(f"  repeat:  {sentence.text}")
    total = sum(len(r.sentences) for r in results)
    covered = sum(len(r.cited) + len(r.repeats) for r in results)
    share = 100.0 * covered / total if total else 100.0
    lines.append(f"all: {total} sentences, {covered} cited or repeated, {share:.1f}% covered")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from tui.core.deck.loading import DeckProblems, load_deck
    from tui.core.deck.paths import bundled_deck_path

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--deck", type=Path, default=None, help="deck file or folder (default: the bundled deck)")
    parser.add_argument("--min", type=float, default=None, help="exit 1 if any article is below this share (0-100)")
    args = parser.parse_args(argv)
    path = args.deck or bundled_deck_path()
    try:
        deck = load_deck([path])
    except DeckProblems as problems:
        for problem in problems.problems:
            print(problem, file=sys.stderr)
        return 2
    results = deck_coverage(deck)
    print(report(results))
    if args.min is not None and any(r.share < args.min for r in results):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
