"""Word-level matching for the answer checker: key words, typos, extra words.

An answer form (the canonical answer or an alias) is reduced to its *key words*:
its normalised words minus filler (articles, prepositions), with number phrases
collapsed to ``#value`` tokens. A typed answer matches a form when every key word is
found among the typed words, in any order, each either exactly or (for words of five
letters or more) within a typo allowance that grows with the word's length.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from .normalize import stem, tokens
from .numbers import collapse_numbers, is_number_token

# Words that carry no answer on their own; they may be added or left out freely.
STOPWORDS = frozenset({
    "the", "a", "an", "of", "in", "at", "on", "to", "for", "by", "from", "and", "with", "into",
    "is", "was", "were", "are", "be", "been", "it", "its", "this", "that", "these", "those",
    "i", "think", "guess", "believe", "answer", "both", "called", "named", "near", "just",
})
# Words that undo an answer: "not Russia" is never a slip of "Russia".
NEGATIONS = frozenset({
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "nope", "nah",
    "cannot", "isnt", "wasnt", "arent", "werent", "dont", "doesnt", "didnt", "hasnt", "havent",
    "hadnt", "cant", "couldnt", "wont", "wouldnt", "shouldnt", "aint", "non", "false", "untrue",
})
# Words that offer a choice between answers ("Istanbul or Ankara").
ALTERNATIVES = frozenset({"or", "either", "maybe", "perhaps"})
JOINERS = frozenset({"and", "or", "either", "plus"})


def allowed_edits(word: str) -> int:
    """How many letter edits a typed word may be off by: none for short words, more for long."""
    n = len(word)
    if n <= 4:
        return 0
    if n <= 7:
        return 1
    if n <= 12:
        return 2
    return 3


def words_of(text: str) -> list[str]:
    """Normalised words with number phrases collapsed to ``#value`` tokens."""
    return collapse_numbers(tokens(text))


def key_words(words: list[str]) -> tuple[str, ...]:
    """The words that must be present: everything but filler, lightly stemmed."""
    return tuple(stem(w) for w in words if w not in STOPWORDS and w not in ALTERNATIVES)


@dataclass(frozen=True, slots=True)
class Form:
    """One accepted way of writing an answer, pre-digested for matching."""

    text: str
    norm: str
    words: tuple[str, ...]
    keys: tuple[str, ...]
    joined: str  # the key words run together, for "Zelen skyy" / "al-Quds" spacing slips

    @classmethod
    def of(cls, text: str) -> "Form":
        words = words_of(text)
        keys = key_words(words)
        return cls(text, " ".join(tokens(text)), tuple(words), keys, "".join(keys))


@dataclass(slots=True)
class WordMatch:
    """How a typed answer lines up with one form."""

    form: Form
    matched: int = 0
    edits: int = 0
    slips: list[tuple[str, str]] = field(default_factory=list)  # (typed, expected) per typo
    missing: list[str] = field(default_factory=list)  # key words not found
    extra: list[str] = field(default_factory=list)  # typed key words left over
    reordered: bool = False

    @property
    def complete(self) -> bool:
        return not self.missing and self.matched > 0


def match_words(form: Form, typed: tuple[str, ...], blocked: frozenset[str]) -> WordMatch:
    """Match ``typed`` key words against ``form``'s key words.

    Exact matches are taken first so that a typo never steals a word another key
    needs. Numbers only ever match exactly. A typed word in ``blocked`` (another name
    from the deck) is never accepted as a typo.
    """
    result = WordMatch(form)
    used = [False] * len(typed)
    position: list[int] = []
    pending: list[str] = []
    for key in form.keys:
        for j, word in enumerate(typed):
            if not used[j] and word == key:
                used[j] = True
                position.append(j)
                result.matched += 1
                break
        else:
            pending.append(key)
    for key in pending:
        budget = 0 if is_number_token(key) else allowed_edits(key)
        best_j, best_d = -1, budget + 1
        if budget:
            for j, word in enumerate(typed):
                if used[j] or is_number_token(word) or word in blocked or word in NEGATIONS:
                    continue
                d = OSA.distance(key, word, score_cutoff=budget)
                if d < best_d:
                    best_j, best_d = j, d
        if best_j < 0:
            result.missing.append(key)
            continue
        used[best_j] = True
        position.append(best_j)
        result.matched += 1
        result.edits += best_d
        result.slips.append((typed[best_j], key))
    result.extra = [w for j, w in enumerate(typed) if not used[j]]
    result.reordered = position != sorted(position)
    return result


def joined_match(form: Form, typed: tuple[str, ...], blocked: frozenset[str]) -> int | None:
    """Edits between the run-together key words of both sides, for split or merged words."""
    joined = "".join(typed)
    if not joined or joined in blocked or any(is_number_token(w) for w in form.keys + typed):
        return None
    if joined == form.joined:
        return 0
    budget = allowed_edits(form.joined)
    d = OSA.distance(form.joined, joined, score_cutoff=budget)
    return d if d <= budget else None
