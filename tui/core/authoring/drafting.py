"""Drafting facts from a stored article: one draft per checkable unit of every sentence.

Each draft is a complete fact table (statement, a question without its answer, the
answer and its kind, aliases, the sentence as a verbatim quote, tags from the
sub-heading, a stable id) marked `draft = true`, so it validates like a fact but is
never quizzed until a person accepts it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from tui.core.checking.money import money_aliases
from tui.core.checking.normalize import normalize_answer
from tui.core.authoring.sentences import Sentence, outline, sentence_at
from tui.core.authoring.units import MONTHS, NUMBER_WORDS, Unit, figures, names, quotes

GAP = "___"
_KINDS = {  # unit kind -> (answer kind, what fills the gap)
    "money": ("money", "an amount of money"), "number": ("number", "a number"),
    "percent": ("percent", "a percentage"), "date": ("date", "a date"), "day": ("text", "a day"),
    "duration": ("duration", "a length of time"),
    "person": ("name", "a person"), "place": ("place", "a place"),
    "organisation": ("text", "an organisation"), "name": ("text", "a name"),
}
_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


@dataclass
class Draft:
    """A proposed fact, in the deck format's keys."""

    id: str
    statement: str
    questions: list[str]
    answer: str
    kind: str
    source: str
    quote: str
    aliases: list[str] = field(default_factory=list)
    unit: str = ""
    tags: list[str] = field(default_factory=list)
    corroborates: str = ""  # an existing fact this sentence states again: propose a citation
    disputes: str = ""  # an existing fact this sentence contradicts: propose a dispute
    start: int = 0  # the quote's offset in the article, for review

    def table(self) -> dict[str, Any]:
        """The draft as a `[[facts]]` table, keys in the format's order, empty ones left out."""
        made: dict[str, Any] = {"id": self.id, "draft": True}
        if self.corroborates:
            made["corroborates"] = self.corroborates
        if self.disputes:
            made["disputes"] = self.disputes
        made.update(statement=self.statement, questions=list(self.questions), answer=self.answer, kind=self.kind)
        if self.aliases:
            made["aliases"] = list(self.aliases)
        if self.unit:
            made["unit"] = self.unit
        if self.tags:
            made["tags"] = list(self.tags)
        made["citations"] = [{"source": self.source, "quote": self.quote}]
        return made


def slug(text: str, limit: int = 40) -> str:
    """A lowercase id fragment: "Tomas Brandt" -> "tomas-brandt"."""
    words = normalize_answer(text).replace(".", "-").split()
    made = "-".join(words)
    if len(made) > limit:  # cut at a word's end
        made = made[:limit + 1].rsplit("-", 1)[0] if "-" in made[:limit + 1] else made[:limit]
    return re.sub(r"[^a-z0-9-]", "", made) or "x"


def number_words(value: int) -> str:
    """0..999,999 in English words: 18000 -> "eighteen thousand"; '' past that."""
    if value < 20:
        return _ONES[value]
    if value < 100:
        return _TENS[value // 10] + ("-" + _ONES[value % 10] if value % 10 else "")
    if value < 1000:
        rest = value % 100
        return f"{_ONES[value // 100]} hundred" + (f" and {number_words(rest)}" if rest else "")
    if value < 1_000_000:
        rest = value % 1000
        head = f"{number_words(value // 1000)} thousand"
        return head + ((" and " if rest < 100 else " ") + number_words(rest) if rest else "")
    return ""


def _number_aliases(text: str) -> list[str]:
    plain = text.replace(",", "")
    if text.lower() in NUMBER_WORDS:
        return [str(NUMBER_WORDS[text.lower()])]
    if not plain.isdigit():
        return [plain] if plain != text else []
    forms = [plain] if plain != text else []
    if len(plain) >= 5:
        forms.append(f"{int(plain):,}")
    words = number_words(int(plain))
    if words:
        forms.append(words)
    return [form for form in dict.fromkeys(forms) if form != text]


def _date_aliases(text: str) -> list[str]:
    m = re.fullmatch(r"(\d{1,2}) (\w+) (\d{4})", text) or re.fullmatch(r"(\w+) (\d{1,2}), (\d{4})", text)
    if m and m.group(2) in MONTHS:
        day, month, year = m.group(1), m.group(2), m.group(3)
    elif m and m.group(1) in MONTHS:
        month, day, year = m.group(1), m.group(2), m.group(3)
    else:
        m = re.fullmatch(r"(\w+) (\d{4})", text)
        if m and m.group(1) in MONTHS:
            return [f"{m.group(2)}-{MONTHS.index(m.group(1)) + 1:02d}"]
        return []
    iso = f"{year}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"
    return [form for form in (f"{int(day)} {month} {year}", f"{month} {int(day)}, {year}", iso) if form != text]


def aliases_for(unit: Unit, full_name: str) -> list[str]:
    """Other forms a fair teacher accepts: surname, number words, currency and date forms."""
    if unit.kind == "money":
        return money_aliases(unit.text)
    if unit.kind == "number":
        return _number_aliases(unit.text)
    if unit.kind == "percent":
        number = re.sub(r"\s?(%|per ?cent)$", "", unit.text)
        return [f"{number} percent", f"{number} per cent"]
    if unit.kind == "date":
        return _date_aliases(unit.text)
    if unit.kind == "duration":
        first, _, rest = unit.text.replace("-", " ").partition(" ")
        return _number_aliases(first) and [f"{alias} {rest}" for alias in _number_aliases(first)]
    if unit.kind == "person":
        forms = [full_name.split()[-1]] if len(full_name.split()) > 1 else []
        return [form for form in forms if form != full_name]
    return []


def _gapped(text: str, hide: list[str]) -> str:
    """`text` with every occurrence of each form in `hide` replaced by a gap (whole words only)."""
    for form in sorted(hide, key=len, reverse=True):
        if form.strip():
            text = re.sub(rf"(?<![\w]){re.escape(form)}(?![\w])", GAP, text)
    return text


def contains_answer(question: str, answer: str, aliases: list[str]) -> bool:
    """Whether the question gives away the answer or one of its accepted forms (as whole words)."""
    said = f" {normalize_answer(question)} "
    return any(normalize_answer(form) and f" {normalize_answer(form)} " in said for form in (answer, *aliases))


class _Article:
    """What drafting needs to know of the whole article: who is who."""

    def __init__(self, sentences: tuple[Sentence, ...]):
        self.sentences = sentences
        mid = set()
        for sentence in sentences:
            mid.update(w for w in re.findall(r"(?<=\s)[A-Z][\w'’-]+", sentence.text))
        self.capitalised = frozenset(mid)
        self.people: dict[str, str] = {}  # surname -> full name, from first mentions
        for sentence in sentences:
            for unit in names(sentence.text, self.capitalised):
                if unit.kind == "person" and len(unit.text.split()) > 1:
                    self.people.setdefault(unit.text.split()[-1], unit.text)

    def full_name(self, text: str) -> str:
        return self.people.get(text, text) if len(text.split()) == 1 else text

    def units(self, sentence: Sentence) -> list[Unit]:
        found = figures(sentence.text)
        for unit in names(sentence.text, self.capitalised):
            if unit.kind == "name" and unit.text in self.people:
                unit = Unit(unit.start, unit.end, unit.text, "person")
            if not any(u.start < unit.end and unit.start < u.end for u in found):
                found.append(unit)
        return sorted(found, key=lambda u: u.start)


def draft_facts(source_id: str, text: str, taken_ids: frozenset[str] = frozenset()) -> list[Draft]:
    """Drafts for every checkable unit of every sentence of the article `text`, in text order.

    Ids are stable (the same article drafts the same ids) and never one of `taken_ids`.
    """
    article = _Article(outline(text).sentences)
    drafts: list[Draft] = []
    seen = set(taken_ids)
    for sentence in article.sentences:
        units = article.units(sentence)
        people = [u for u in units if u.kind == "person"]
        made = [_figure_or_name(sentence, unit, article, source_id) for unit in units if unit.kind in _KINDS]
        made += [_role(sentence, unit, article, source_id) for unit in units if unit.kind == "role"]
        made += [_speech(sentence, unit, people, article, source_id) for unit in quotes(sentence.text)]
        for draft in made:
            if draft is None or contains_answer(" ".join(draft.questions), draft.answer, draft.aliases):
                continue
            draft.id = _unique(draft.id, seen)
            seen.add(draft.id)
            drafts.append(draft)
    return drafts


def _unique(wanted: str, seen: set[str]) -> str:
    made, n = wanted, 2
    while made in seen:
        made, n = f"{wanted}-{n}", n + 1
    return made


def _stable_id(source_id: str, sentence: Sentence, answer: str, what: str) -> str:
    digest = hashlib.sha1(f"{source_id}\n{sentence.text}\n{answer}\n{what}".encode()).hexdigest()[:4]
    return f"{source_id[:24].strip('-')}-{slug(answer, 24)}-{digest}"


def _base(sentence: Sentence, source_id: str, answer: str, kind: str, what: str, question: str,
          aliases: list[str], unit: str = "") -> Draft:
    return Draft(
        id=_stable_id(source_id, sentence, answer, what), statement=sentence.text, questions=[question],
        answer=answer, kind=kind, source=source_id, quote=sentence.text, aliases=aliases, unit=unit,
        tags=[slug(sentence.heading)] if sentence.heading else [], start=sentence.start,
    )


def _figure_or_name(sentence: Sentence, unit: Unit, article: _Article, source_id: str) -> Draft | None:
    kind, what = _KINDS[unit.kind]
    what = f"the number of {unit.label}" if unit.label.startswith("votes") else unit.label or what
    answer = article.full_name(unit.text) if unit.kind == "person" else unit.text
    if unit.kind == "duration" and "-" in answer:  # "a two-year dispute" lasted "two years"
        answer = answer.replace("-", " ") + ("" if answer.endswith("s") else "s")
    if unit.kind == "number" and unit.text.lower() in NUMBER_WORDS:
        answer = str(NUMBER_WORDS[unit.text.lower()])
    aliases = aliases_for(unit, answer)
    if unit.kind == "number" and answer != unit.text:
        aliases = [form for form in dict.fromkeys([unit.text, *aliases]) if form != answer]
    body = sentence.text[:unit.start] + GAP + sentence.text[unit.end:]
    hidden = [answer, *aliases] if unit.kind == "person" else []
    question = f"Fill the gap ({what}): \u201c{_gapped(body, hidden)}\u201d"
    return _base(sentence, source_id, answer, kind, unit.kind, question, aliases, unit.unit)


def _role(sentence: Sentence, unit: Unit, article: _Article, source_id: str) -> Draft:
    person = article.full_name(unit.person)
    question = f"What role does the article give {person}?"
    return _base(sentence, source_id, unit.text, "text", "role", question, [], "")


def _speech(sentence: Sentence, unit: Unit, people: list[Unit], article: _Article, source_id: str) -> Draft | None:
    """Who said the quoted words: the person named in the same sentence, nearest after the quote, else before."""
    if not people:
        return None
    after = [p for p in people if p.start >= unit.end]
    speaker = article.full_name((after[0] if after else people[-1]).text)
    aliases = [speaker.split()[-1]] if len(speaker.split()) > 1 else []
    words = _gapped(unit.text, [speaker, *aliases]).rstrip(" ,;:")
    question = f"Who said: \u201c{words}\u201d?"
    return _base(sentence, source_id, speaker, "name", "quote", question, aliases)


def draft_for_passage(source_id: str, text: str, start: int, end: int,
                      taken_ids: frozenset[str] = frozenset()) -> Draft:
    """A fact to prefill a form with, from the passage `text[start:end]` (a sentence or a selection):
    the passage's first checkable unit as the answer, the passage itself as the quote."""
    passage = text[start:end].strip()
    start = text.index(passage, start) if passage else start
    inside = [d for d in draft_facts(source_id, text, taken_ids)
              if d.start <= start < d.start + len(d.quote) or start <= d.start < start + len(passage)]
    # A selection inside a sentence: prefer a unit whose answer the selection shows.
    shown = [d for d in inside if d.answer in passage] or inside
    if shown:
        made = shown[0]
        made.quote = passage
        return made
    around = sentence_at(text, start)  # its sub-heading still tags it
    heading = around.heading if around else ""
    sentence = Sentence(start, start + len(passage), passage, heading, (start, start + len(passage)))
    made = _base(sentence, source_id, "", "text", "passage", "", [])
    # No answer yet to name it by ("...-x-59e4"): the passage's first words name it.
    made.id = _unique(_stable_id(source_id, sentence, passage, "passage"), set(taken_ids))
    return made
