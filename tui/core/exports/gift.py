"""Moodle GIFT: one question per block, answers in braces, the citation as general feedback.

Rules followed (Moodle's GIFT import): `\\ ~ = # { } :` in text are escaped with a
backslash and a newline is written `\\n`; a typed answer with its aliases is a short
answer `{=a =b}`; a plain number is numerical `{#n:tolerance}`; multiple choice is
`{=right ~wrong ...}`; a supported or refuted claim is true/false `{TRUE}`/`{FALSE}`;
a cloze is a missing-word question with the braces where the blank was; a "not in
the sources" claim is a choice of the three judgements. `[plain]` marks every text
as plain text, so nothing from a deck is read as HTML by Moodle.
"""

from __future__ import annotations

import re

from tui.core.deck.model import Deck
from tui.core.quiz.questions import BLANK, JUDGEMENT_LABELS, Question

_SPECIAL = re.compile(r"([\\~=#{}:])")
_PLAIN_NUMBER = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")


def escape(text: str) -> str:
    """Text safe inside a GIFT question or answer."""
    text = _SPECIAL.sub(r"\\\1", text)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


def _number(answer: str) -> str | None:
    text = answer.strip()
    return text.replace(",", "") if _PLAIN_NUMBER.match(text) else None


def _short_answers(question: Question) -> str:
    fact = question.fact
    assert fact is not None
    number = _number(fact.answer) if fact.kind in ("number", "percent") else None
    if number is not None and question.type == "typed":
        return f"#{number}:{fact.tolerance:g}"
    forms = dict.fromkeys(a for a in (fact.answer, *fact.aliases) if a.strip())
    return " ".join(f"={escape(form)}" for form in forms)


def _answers(question: Question) -> str:
    if question.type == "choice":
        return " ".join(("=" if o.label == question.correct_label else "~") + escape(o.text)
                        for o in question.options)
    if question.type == "claim":
        if question.judgement == "not-in-sources":
            return " ".join(("=" if judgement == "not-in-sources" else "~") + escape(label)
                            for judgement, label in JUDGEMENT_LABELS.items())
        return "TRUE" if question.judgement == "supported" else "FALSE"
    return _short_answers(question)


def _feedback(deck: Deck, question: Question) -> str:
    if question.fact is None:
        note = question.unsourced.note if question.unsourced else ""
        return "None of the articles says this." + (f" {note}" if note else "")
    lines = [question.fact.statement]
    for citation in question.fact.citations:
        source = deck.source_of(citation)
        lines.append(f"\u201c{citation.quote}\u201d \u2014 {source.title}, {source.outlet_label()}, "
                     f"{source.date_label(with_basis=False)}")
    return "\n".join(lines)


def question_block(deck: Deck, question: Question, number: int) -> str:
    """One GIFT question: `::name::[plain]text{answers ####feedback}`."""
    name = escape(f"{number:03d} {question.key} ({question.type})")
    answers = "{" + _answers(question) + " ####" + escape(_feedback(deck, question)) + "}"
    if question.type == "claim":
        text = "True or false, according to the articles? " if question.judgement != "not-in-sources" else (
            "What do the articles say about this claim? ")
        return f"::{name}::[plain]{escape(text + question.claim)}{answers}"
    if question.type == "cloze" and BLANK in question.cloze:
        before, after = question.cloze.split(BLANK, 1)
        return f"::{name}::[plain]{escape(before)}{answers}{escape(after)}"
    return f"::{name}::[plain]{escape(question.prompt)}{answers}"


def to_gift(deck: Deck, questions: list[Question]) -> str:
    """The whole GIFT file: a comment naming the deck, then the questions, a blank line between."""
    title = deck.title.splitlines()[0] if deck.title.strip() else "a deck"
    header = f"// factdrill export of {title}: {len(questions)} questions"
    blocks = [question_block(deck, q, i) for i, q in enumerate(questions, start=1)]
    return "\n\n".join([header, *blocks]) + "\n"
