"""Whether a text shows an answer: the one test behind safe prompts, fair options and leak-free rounds."""

from __future__ import annotations

from tui.core.checking.matching import key_words, spelling_key, words_of
from tui.core.checking.normalize import normalize_answer
from tui.core.deck.model import Fact

__all__ = ["ShownText", "answer_forms", "reveals_answer", "safe_questions", "excluded_by"]

# Kinds whose options name things: one shared name is enough for the question to rule an option out.
_NAMING_KINDS = frozenset({"name", "place", "list"})


def answer_forms(fact: Fact) -> list[str]:
    """The normalised answer and aliases, non-empty and distinct."""
    forms = [normalize_answer(text) for text in (fact.answer, *fact.aliases)]
    return [form for form in dict.fromkeys(forms) if form]


class ShownText:
    """A text as `reveals_answer` reads it, read once for the many answers it is tested against."""

    __slots__ = ("padded", "keys")

    def __init__(self, text: str):
        self.padded = f" {normalize_answer(text)} "
        self.keys = frozenset(spelling_key(word) for word in key_words(words_of(text)))

    def reveals(self, fact: Fact) -> bool:
        """True when the text holds the answer or an alias: as whole words once normalised, or
        as all of its key words in any order and spelling, which the checker would accept
        ("President Zelenskyy and ... Putin" for "Zelensky and Putin", "four hundred" for "400")."""
        if any(f" {form} " in self.padded for form in answer_forms(fact)):
            return True
        for form in (fact.answer, *fact.aliases):
            keys = key_words(words_of(form))
            if keys and all(spelling_key(key) in self.keys for key in keys):
                return True
        return False


def reveals_answer(text: str, fact: Fact) -> bool:
    """Whether `text` shows the answer of `fact` (see `ShownText.reveals`)."""
    return ShownText(text).reveals(fact)


def safe_questions(fact: Fact) -> list[str]:
    """The fact's question strings that do not give its answer away."""
    return [q for q in fact.questions if q.strip() and not reveals_answer(q, fact)]


def excluded_by(question: str, option: str, kind: str) -> bool:
    """Whether the question's own words rule the option out: it names someone or somewhere in
    the option ("Rubio" for "which envoys joined Rubio"), or, for other kinds, says all of it."""
    asked = {spelling_key(word) for word in key_words(words_of(question))}
    if kind in _NAMING_KINDS:
        named = [w for w in option.replace(",", " ").split() if w[:1].isupper()]
        return any(spelling_key(k) in asked for w in named for k in key_words(words_of(w)))
    keys = key_words(words_of(option))
    return bool(keys) and all(spelling_key(k) in asked for k in keys)
