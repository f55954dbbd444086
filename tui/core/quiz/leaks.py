"""No answer before its question: what each question of a round shows, and whether it gives
away the answer of a question after it.

A question shows its prompt (or cloze sentence, or claim), its options, and in its feedback
the expected answer, the fact's statement and any dispute note, and each citation: the
source's title, outlet and date (with why it was inferred) and the quote's paragraph. None
of that (nor the deck's title, shown above the round) may hold the answer of a later question
of the same round; the round builder asks `LeakGuard` before it places a question, and leaves
out one whose answer was shown already. A small deck whose facts share paragraphs therefore
gives shorter rounds: two facts quoted from one paragraph give each other's answers away.
"""

from __future__ import annotations

from tui.core.deck.model import Deck, Fact
from tui.core.deck.provenance import paragraph_bounds
from tui.core.quiz.questions import Question
from tui.core.quiz.reveal import ShownText
from tui.core.verdicts import QuestionType

__all__ = ["LeakGuard", "shown_texts"]


def shown_texts(deck: Deck, question: Question) -> list[str]:
    """Every text `question` shows, asked and answered: prompt, claim, options, the expected
    answer, the statement and dispute note of its fact (or why a claim is in no source), and
    each citation's source heading and paragraph."""
    texts = [question.prompt, question.claim, *(o.text for o in question.options)]
    if question.type in (QuestionType.TYPED, QuestionType.CLOZE):
        texts.append(question.expected)
    fact = question.fact
    if fact is not None:
        texts.append(fact.statement)
        if fact.disputed:
            texts.append(fact.dispute_note)
        for citation in fact.citations:
            source = deck.source_of(citation)
            first, last = paragraph_bounds(source.text, citation.start, citation.end)
            texts += [source.provenance_line(), source.text[first:last]]
    elif question.unsourced is not None:
        texts.append(question.unsourced.note)
    return [text for text in texts if text]


class LeakGuard:
    """The texts a round has shown so far, and whether they give an ask's answer away."""

    def __init__(self, deck: Deck) -> None:
        self._deck = deck
        self._shown: list[ShownText] = [ShownText(deck.title)]

    def shows(self, ask: Fact) -> bool:
        """Whether anything shown so far holds the answer (or an alias) of `ask`."""
        return any(text.reveals(ask) for text in self._shown)

    def add(self, question: Question) -> None:
        """Record what `question` shows; every question placed after it is tested against it."""
        self._shown.extend(ShownText(text) for text in shown_texts(self._deck, question))
