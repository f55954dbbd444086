"""Word-level matching for the answer checker: key words, typos, extra words.

An answer form (the canonical answer or an alias) is reduced to its *key words*:
its normalised words minus filler (articles, prepositions), with number phrases
collapsed to ``#value`` tokens. A typed answer matches a form when every key word is
found among the typed words, in any order, each either exactly, as another
transliteration of a name (``spelling_key``), or (for words of five letters or more)
within a typo allowance that grows with the word's length. Also here: list answers
(``judge_list``) and negations typed around an accepted form.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from tui.core.checking.edits import edit_distance
from tui.core.checking.normalize import fold, stem, tokens
from tui.core.checking.numbers import collapse_numbers, is_number_token
from tui.core.checking.real_words import another_word
from tui.core.verdicts import Outcome

CORRECT, CLOSE, INCORRECT = Outcome.CORRECT, Outcome.CLOSE, Outcome.INCORRECT  # a typed answer's verdicts

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


# Romanisations of the same Cyrillic name: Zelenskyy / Zelensky / Zelenskiy / Zelenski,
# Umerov / Umierov / Umyerov, Oleksandr / Olexandr, Volodymyr / Wolodymyr.
_TRAILING_IY = re.compile(r"(?<=[a-z])[iy]+j?$")
_SOFT_E = re.compile(r"[iy]e")
_SPELLING_PAIRS = (("kh", "h"), ("w", "v"), ("ks", "x"), ("tz", "ts"), ("y", "i"))
_MIN_SPELLING_LENGTH = 5
# Common variants of one given name ("Steve Witkoff" is "Steven Witkoff"), folded to one.
_GIVEN_NAMES = {
    "steve": "stephen", "steven": "stephen", "stephan": "stephen", "mike": "michael",
    "mikhail": "michael", "alex": "alexander", "aleksandr": "alexander", "alexandr": "alexander",
    "bill": "william", "will": "william", "bob": "robert",
    "rob": "robert", "jim": "james", "jimmy": "james", "joe": "joseph", "don": "donald",
    "tom": "thomas", "dick": "richard", "rick": "richard", "dan": "daniel", "dave": "david",
    "andy": "andrew", "andrii": "andriy", "andrei": "andrey", "nick": "nicholas", "ted": "edward",
    "jd": "james", "chris": "christopher", "tony": "anthony", "sergei": "sergey", "serhii": "serhiy",
}


@lru_cache(maxsize=4096)
def spelling_key(word: str) -> str:
    """What is left of a name once transliteration choices are folded away.

    Two words with the same key are spellings of one name ("zelenskyy", "zelenskiy" and
    "zelensky" all give "zelenski"), as are common variants of a given name ("steve",
    "steven"). Other short words keep themselves: too little to go on.
    """
    word = _GIVEN_NAMES.get(word, word)
    if len(word) < _MIN_SPELLING_LENGTH or not word.isalpha():
        return word
    key = _SOFT_E.sub("e", _TRAILING_IY.sub("y", word))
    for variant, plain in _SPELLING_PAIRS:
        key = key.replace(variant, plain)
    return key


# Contractions as normalising leaves them, spelt out: "didn't collapse" is "did not collapse".
_CONTRACTIONS = {
    "didnt": ("did", "not"), "doesnt": ("does", "not"), "dont": ("do", "not"), "isnt": ("is", "not"),
    "wasnt": ("was", "not"), "werent": ("were", "not"), "arent": ("are", "not"), "hasnt": ("has", "not"),
    "havent": ("have", "not"), "hadnt": ("had", "not"), "couldnt": ("could", "not"),
    "wouldnt": ("would", "not"), "shouldnt": ("should", "not"), "cant": ("can", "not"),
    "cannot": ("can", "not"), "wont": ("will", "not"),
}


def words_of(text: str) -> list[str]:
    """Normalised words, contractions spelt out, number phrases collapsed to ``#value`` tokens."""
    words = tokens(text)
    if not _CONTRACTIONS.keys().isdisjoint(words):
        words = [part for w in words for part in _CONTRACTIONS.get(w, (w,))]
    return collapse_numbers(words)


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
    spellings: list[tuple[str, str]] = field(default_factory=list)  # (typed, expected) per variant
    missing: list[str] = field(default_factory=list)  # key words not found
    extra: list[str] = field(default_factory=list)  # typed key words left over
    reordered: bool = False

    @property
    def complete(self) -> bool:
        return not self.missing and self.matched > 0


def match_words(form: Form, typed: tuple[str, ...], blocked: Container[str], variants: bool = True) -> WordMatch:
    """Match ``typed`` key words against ``form``'s key words.

    Exact matches are taken first so that a typo never steals a word another key
    needs; then spelling variants (``spelling_key``), then typos. Numbers only ever match
    exactly. A typed word in ``blocked`` (another name from the deck), or as close to one
    as to the key, is never accepted as a variant or typo of the key.
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
    unmatched: list[str] = []
    for key in pending if variants else ():
        variant = spelling_key(key)
        for j, word in enumerate(typed):
            if not used[j] and word != key and spelling_key(word) == variant and word not in blocked:
                used[j] = True
                position.append(j)
                result.matched += 1
                result.spellings.append((word, key))
                break
        else:
            unmatched.append(key)
    for key in unmatched if variants else pending:
        budget = 0 if is_number_token(key) else allowed_edits(key)
        best_j, best_d = -1, budget + 1
        if budget:
            for j, word in enumerate(typed):
                if used[j] or is_number_token(word) or word in blocked or word in NEGATIONS:
                    continue
                d = edit_distance(key, word, budget)
                # Another English word is no slip ("underpin" for "undermine"); names are
                # let off, their transliterations are words too ("Stambul").
                if d < best_d and not _nearer_elsewhere(word, d, blocked) and (variants or not another_word(word, key)):
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


def _nearer_elsewhere(word: str, distance: int, blocked: Iterable[str]) -> bool:
    """Whether ``word`` is at least as close to another name of the deck as to the key."""
    return any(edit_distance(word, name, distance) <= distance for name in blocked)


def joined_match(form: Form, typed: tuple[str, ...], blocked: Container[str]) -> int | None:
    """Edits between the run-together key words of both sides, for split or merged words."""
    joined = "".join(typed)
    # Only for words split or run together: with as many words on each side, the
    # per-word rules have already judged them (and must keep short words strict).
    if len(typed) == len(form.keys) or not joined or joined in blocked or any(is_number_token(w) for w in form.keys + typed):
        return None
    if joined == form.joined:
        return 0
    if abs(len(joined) - len(form.joined)) > 1:
        return None  # a word left out or added ("estimates" for "US estimates"), not a slip
    budget = allowed_edits(form.joined)
    d = edit_distance(form.joined, joined, budget)
    return d if d <= budget and not _nearer_elsewhere(joined, d, blocked) else None


# -- lists, negations and wording of slips ------------------------------------------------

_LIST_SPLIT = re.compile(r"\s*(?:[,;/&+\n]|\band\b|\bplus\b|\bas well as\b)\s*")


def slip_phrase(edits: int, slips: list[tuple[str, str]] | tuple = ()) -> str:
    """'a one-letter slip ('istambul' for 'istanbul')', for a close verdict's explanation."""
    phrase = "a one-letter slip" if edits == 1 else f"small slips ({edits} letters)"
    shown = ", ".join(f"'{typed}' for '{key}'" for typed, key in slips[:3])
    return f"{phrase} ({shown})" if shown else phrase


def list_items(text: str) -> tuple[Form, ...]:
    """The items of a list answer, split on commas, semicolons, slashes, '&', 'and', 'plus'."""
    return tuple(form for form in map(Form.of, _LIST_SPLIT.split(fold(text))) if form.keys)


def negation_around_a_form(forms: tuple[Form, ...], words: list[str]) -> str:
    """A negation typed around a whole accepted form ("not declined to attend"), or ''."""
    negations = [w for w in words if w in NEGATIONS]
    if not negations:
        return ""
    outside = ""
    typed = set(key_words(words))
    for form in forms:
        carried = sum(w in NEGATIONS for w in form.words)
        size = len(form.words)
        verbatim = size and any(words[i:i + size] == list(form.words) for i in range(len(words) - size + 1))
        if carried >= len(negations) and (verbatim or (form.keys and typed == set(form.keys))):
            return ""  # a form itself carries them ("it did not collapse", typed "did not collapse")
        if verbatim:
            outside = negations[0]
    return outside


def judge_list(
    expected: str, forms: tuple[Form, ...], items_of_forms: tuple[tuple[Form, ...], ...],
    blocked: Container[str], given: str, ordered: bool = False,
) -> tuple[str, str, str]:
    """(verdict, rule, explanation): every item, nothing more, in any order (in the
    answer's order when ``ordered``: else ``order``, incorrect).

    Items may carry typos like text answers (``typo``, close) and words of their own
    ("Kharkiv region"), but not another name of the deck. "Sumy or Kharkiv" offers a
    choice, so it is not the list.
    """
    choice = next((w for w in words_of(given) if w in ALTERNATIVES), None)
    if choice is not None and not any(choice in form.words for form in forms):
        return INCORRECT, "list", f"'{choice}' offers a choice; the answer is all of '{expected}'."
    parts = list_items(given)
    best: tuple[int, str] | None = None  # (rank, explanation) of the nearest miss
    for items in items_of_forms:
        free = list(range(len(parts)))
        slips: list[tuple[str, str]] = []
        edits, missing = 0, []
        placed: dict[int, int] = {}  # item's index in the answer -> its part's index in the given
        for index, item in sorted(enumerate(items), key=lambda pair: -len(pair[1].keys)):
            found = None
            for j in free:
                m = match_words(item, parts[j].keys, blocked)
                if m.complete and not any(w in blocked for w in m.extra):
                    if found is None or m.edits < found[1].edits:
                        found = (j, m)
            if found is None:
                missing.append(item.text)
                continue
            free.remove(found[0])
            placed[index] = found[0]
            edits += found[1].edits
            slips += found[1].slips
        if not missing and not free:
            if ordered and [placed[i] for i in sorted(placed)] != sorted(placed.values()):
                return INCORRECT, "order", f"The order matters here: expected '{expected}'."
            if edits:
                return CLOSE, "typo", f"Accepted with {slip_phrase(edits, slips)}: expected '{expected}'."
            return CORRECT, "list", f"All {len(items)} items are there: {expected}."
        if missing:
            why = f"Missing '{missing[0]}': expected '{expected}'."
        else:
            why = f"'{parts[free[0]].text.strip()}' is not part of the answer: expected '{expected}'."
        rank = len(missing) + len(free)
        if best is None or rank < best[0]:
            best = (rank, why)
    # Items typed without separators ("Sumy Kharkiv"): all key words, nothing else.
    typed = key_words(words_of(given))
    for form in forms:
        m = match_words(form, typed, blocked)
        if m.complete and not m.extra:
            if ordered and m.reordered:
                return INCORRECT, "order", f"The order matters here: expected '{expected}'."
            if m.edits:
                return CLOSE, "typo", f"Accepted with {slip_phrase(m.edits, m.slips)}: expected '{expected}'."
            return CORRECT, "list", f"All items are there: {expected}."
    return INCORRECT, "list", best[1] if best else f"Expected '{expected}'."
