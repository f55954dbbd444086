"""Does one wording contradict another? Opposites and negations, as pure functions.

Used by the answer checker (a typed answer against an accepted form) and by claim checking
(a claim against a fact). Everything here works on *normalised words*: the output of
``tui.core.checking.normalize.tokens`` ("Russia's" -> "russias", "non-negotiable" ->
"non negotiable"). ``words(text)`` gives them for a raw string.

The API:

- ``opposite_of(expected, given, allowed=()) -> Clash | None``: ``given`` says the opposite of
  ``expected`` by an antonym pair ("more"/"less", "gain"/"lose", "harden"/"soften",
  "before"/"after", "over"/"under"), a negating affix ("unconditional"/"conditional",
  "non-negotiable"/"negotiable", "hopeless"/"hopeful"), or a negating word more or less
  ("not", "no", "never", "without"). ``Clash.kind`` is ``"opposite"`` or ``"negation"``.
- Parties ("Russia's air force" for "Ukraine's air force") are ``parties.py``'s.

Only the words that differ between the two sides are weighed, so "more" in both is no
clash, and words both sides share never count as an opposite of each other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from functools import lru_cache


from tui.core.checking.edits import edit_distance
from tui.core.checking.normalize import tokens

__all__ = [
    "ANTONYMS", "NEGATING_WORDS", "Clash", "are_opposites", "lemma", "negations_in", "opposite_in_context",
    "opposite_of", "words",
]

# Words that undo what follows them ("not", "no", "never", "without") and contractions as
# normalisation leaves them ("didn't" -> "didnt").
NEGATING_WORDS = frozenset({
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "nope", "nah",
    "cannot", "isnt", "wasnt", "arent", "werent", "dont", "doesnt", "didnt", "hasnt", "havent",
    "hadnt", "cant", "couldnt", "wont", "wouldnt", "shouldnt", "aint", "non", "false", "untrue",
})
# Prefixes written as a word of their own once hyphens are spaces ("non-negotiable" ->
# "non negotiable"): joined back to the next word before comparing. The others are words
# too ("in Istanbul", "the UN"), so they are joined only when the result is in the lexicon.
_ALWAYS_JOINED = frozenset({"non", "anti", "counter"})
_SEPARATE_PREFIXES = _ALWAYS_JOINED | {"un", "de", "dis", "in", "im", "il", "ir"}

# Antonym pairs, as lemmas (see ``lemma``). Symmetric; each word may have several opposites.
_PAIRS = """
more less | more fewer | most least | most fewest | many few | much little | all none
gain lose | win lose | won lost | gain loss | win loss | victory defeat | success failure
succeed fail | increase decrease | increase reduce | increase reduction | increase cut | rise fall | raise lower
grow shrink | expand shrink | expansion contraction | expand contract | escalate deescalate
escalation deescalation | intensify ease | intensify calm | harden soften | harden ease | hard soft
hardline moderate | tighten ease | tighten loosen | strict lenient | strict loose | impose lift
before after | earlier later | early late | first last | since until | past future
over under | above below | upper lower | high low | higher lower | highest lowest
maximum minimum | largest smallest | biggest smallest | large small | big small | long short
longest shortest | heavy light | heavily lightly | strong weak | stronger weaker
strongest weakest | senior junior | old young | older younger | oldest youngest
accept reject | accept refuse | accept decline | agree disagree | approve reject | approve veto
support oppose | support undermine | confirm deny | admit deny | allow forbid | allow ban
allow prohibit | permit forbid | open closed | open close | start end | begin end | start stop
attack defend | offensive defensive | advance retreat | occupy liberate | occupied liberated
annex cede | withdraw deploy | withdrawal deployment | enter leave | enter exit | join leave
arrive leave | arrive depart | include exclude | inside outside | present absent
send receive | give take | give receive | buy sell | import export | lend borrow
peace war | ally enemy | friend enemy | friend foe | friendly hostile | pro anti
praise criticise | praise criticize | praise condemn | praise blame | reward punish
optimistic pessimistic | positive negative | good bad | better worse | best worst
right wrong | true false | yes no | always never | everyone nobody | everything nothing
majority minority | permanent temporary | full partial | complete partial | whole partial
direct indirect | simultaneously sequentially | together apart | together separately
concurrently sequentially | parallel sequential | bright dim | hope despair | calm tense
up down | rising falling | east west | north south | eastward westward | northward southward
left right | push pull | lift impose | guilty innocent | legal illegal | public private
formal informal | official unofficial | possible impossible | likely unlikely
reasonable unreasonable | able unable | willing unwilling | conditional unconditional
provoked unprovoked | negotiable nonnegotiable | armed unarmed | limited unlimited
known unknown | certain uncertain | clear unclear | stable unstable | successful unsuccessful
postpone advance | delay hasten | slow fast | slower faster | quickly slowly | postpone bring
continue stop | continue halt | continue end | continue cease
deep shallow | deep minor | deep slight | major minor | critical trivial | serious minor | written oral | written verbal
written spoken | international national | international domestic | foreign domestic
current former | current past | reciprocal unilateral | clear vague | hesitation eagerness
mount ease | mount wane | balanced unbalanced | balanced lopsided | primary secondary
sick healthy | wounded unharmed | intensify reduce | escalate ease
harden relax | tough gentle | slim good | slim high | dim bright | transparency secrecy
transparency opacity | openness secrecy | willingness reluctance | readiness reluctance
progress regress | resume suspend | restart halt | reignite subside | critical minor
concession demand | concession ultimatum | invasion withdrawal | failure willingness
opportunity threat | presidential parliamentary
reasonable unrealistic | insist drop | accept dismiss
""".strip()
ANTONYMS: dict[str, frozenset[str]] = {}
for _pair in _PAIRS.replace("\n", " | ").split("|"):
    _a, _b = _pair.split()
    ANTONYMS[_a] = ANTONYMS.get(_a, frozenset()) | {_b}
    ANTONYMS[_b] = ANTONYMS.get(_b, frozenset()) | {_a}
del _pair, _a, _b

# Past forms and plurals a suffix rule would not undo.
_IRREGULAR = {
    "lost": "lose", "losing": "lose", "loses": "lose", "won": "win", "winning": "win",
    "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "grew": "grow",
    "grown": "grow", "shrank": "shrink", "shrunk": "shrink", "gave": "give", "given": "give",
    "took": "take", "taken": "take", "sold": "sell", "bought": "buy", "sent": "send", "lent": "lend",
    "began": "begin", "begun": "begin", "left": "left", "better": "better", "worse": "worse",
    "best": "best", "worst": "worst", "less": "less", "fewer": "fewer", "least": "least",
    "fewest": "fewest", "lesser": "less", "smaller": "small", "larger": "large", "bigger": "big",
    "allies": "ally", "enemies": "enemy", "victories": "victory", "defeats": "defeat",
    "losses": "loss", "failures": "failure", "successes": "success", "earlier": "earlier",
    "later": "later", "hardened": "harden", "softened": "soften", "easing": "ease",
}
_SUFFIXES = ("ing", "est", "ed", "er", "es", "s", "d", "ly")
# Negating affixes: (prefix, letters the rest may start with; "" = any). im- before b/m/p,
# il- before l, ir- before r, as English spells them.
_NEG_PREFIXES = (("non", ""), ("un", ""), ("dis", ""), ("in", ""), ("im", "bmp"), ("il", "l"),
                 ("ir", "r"), ("de", ""), ("anti", ""), ("a", ""), ("an", "aeiou"))
_SLIP_PREFIXES = ("un", "non", "dis")
_MIN_AFFIX_REST = {"a": 6, "an": 5, "de": 5, "in": 6}  # else 4: "inform" is not "in"+"form"


@lru_cache(maxsize=8192)
def lemma(word: str) -> str:
    """A word's base form for the antonym lexicon: 'gained' -> 'gain', 'lost' -> 'lose'.

    Only as far as the lexicon needs: a word whose suffix-stripped form is not in it is
    returned as it came.
    """
    if word in ANTONYMS:
        return word
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            base = word[: -len(suffix)]
            for candidate in (base, base + "e", base[:-1] if base[-1:] == base[-2:-1] else base):
                if candidate in ANTONYMS:
                    return candidate
    return word


def words(text: str) -> list[str]:
    """The normalised words of ``text``, as the functions here expect them."""
    return tokens(text)


def negations_in(ws: Iterable[str]) -> int:
    """How many negating words are in ``ws``."""
    return sum(w in NEGATING_WORDS for w in ws)


def _without(words: tuple[str, ...], others: tuple[str, ...]) -> list[str]:
    """``words`` less one occurrence of each of ``others`` (a multiset difference; answers are short)."""
    rest = list(words)
    for word in others:
        if word in rest:
            rest.remove(word)
    return rest


@lru_cache(maxsize=8192)
def _joined(ws: tuple[str, ...]) -> tuple[str, ...]:
    """Prefixes split off by a hyphen joined back: ['non', 'negotiable'] -> ['nonnegotiable']."""
    out: list[str] = []
    i = 0
    while i < len(ws):
        w = ws[i]
        if w in _SEPARATE_PREFIXES and i + 1 < len(ws) and ws[i + 1].isalpha():
            joined = w + ws[i + 1]
            if w in _ALWAYS_JOINED or lemma(joined) in ANTONYMS:
                out.append(joined)
                i += 2
                continue
        out.append(w)
        i += 1
    return tuple(out)


_DERIVING = ("ability", "ation", "able", "ible", "ion", "ate")  # "negotiable" ~ "negotiation"


def _root(word: str) -> str:
    """A word less one deriving ending, when at least five letters are left ('negoti')."""
    for ending in _DERIVING:
        if word.endswith(ending) and len(word) - len(ending) >= 5:
            return word[: -len(ending)]
    return word


def _affix_negates(plain: str, negated: str) -> bool:
    """Whether ``negated`` is ``plain`` with a negating prefix (or -less for -ful)."""
    if plain.endswith("ful") and negated.endswith("less") and plain[:-3] == negated[:-4] and len(plain) > 5:
        return True
    for prefix, starts in _NEG_PREFIXES:
        if not negated.startswith(prefix) or len(negated) <= len(prefix):
            continue
        rest = negated[len(prefix):]
        if starts and rest[0] not in starts:
            continue
        if len(rest) < _MIN_AFFIX_REST.get(prefix, 4):
            continue
        if rest == plain or lemma(rest) == lemma(plain) or _root(rest) == _root(plain):
            return True
        # A slip on top of an unmistakable affix ("unresonable") is still the opposite, for
        # long words; not after "in" or "a", which begin many words ("instanbul" is a slip).
        if (prefix in _SLIP_PREFIXES and len(plain) >= 7 and rest[0] == plain[0]
                and edit_distance(rest, plain, 1) <= 1):
            return True
    return False


@lru_cache(maxsize=65536)
def are_opposites(a: str, b: str) -> bool:
    """Whether two single words mean the opposite: an antonym pair or a negating affix."""
    a, b = a.replace("-", ""), b.replace("-", "")  # "non-negotiable" is one word here
    if a == b:
        return False
    la, lb = lemma(a), lemma(b)
    if la == lb:
        return False
    if lb in ANTONYMS.get(la, ()):
        return True
    return _affix_negates(a, b) or _affix_negates(b, a)


@dataclass(frozen=True, slots=True)
class Clash:
    """Why ``given`` contradicts ``expected``: which word (or party) of each side, and a sentence."""

    kind: str  # "opposite" | "negation" | "party"
    expected: str  # the expected side's word or party ("" when it has none, e.g. a dropped "not")
    given: str  # the given side's word or party
    why: str


def opposite_of(expected: Sequence[str], given: Sequence[str], allowed: Set[str] = frozenset()) -> Clash | None:
    """The first way ``given`` says the opposite of ``expected``, or None.

    Both are normalised word lists. Words on both sides are set aside first, so only what
    differs is weighed: an antonym or affix pair between the differing words is an
    ``opposite``; a different count of negating words is a ``negation``. A word of
    ``allowed`` is never an opposite: say, one another accepted answer uses ("peace" where
    one form says "an end to the war"), or the question itself.
    """
    exp, got = _joined(tuple(expected)), _joined(tuple(given))
    # As multisets: "military officials and intelligence officials" against "unofficial
    # ... officials" still has an "officials" left over to be the opposite of.
    only_exp, only_got = _without(exp, got), _without(got, exp)
    for g in only_got:
        if g in allowed:
            continue
        for e in only_exp:
            if are_opposites(e, g):
                return Clash("opposite", e, g, f"'{g}' is the opposite of '{e}'")
    neg_exp, neg_got = negations_in(exp), negations_in(got)
    if neg_got > neg_exp:
        word = _first_negation(only_got, got)
        return Clash("negation", "", word, f"'{word}' negates it")
    if neg_exp > neg_got:
        word = _first_negation(only_exp, exp)
        return Clash("negation", word, "", f"it leaves out '{word}'")
    return None


def opposite_in_context(extra: Iterable[str], context: Set[str], given: Set[str]) -> Clash | None:
    """A word of ``extra`` that is the opposite of a word of ``context`` the answer does not use.

    For an answer that adds to an accepted form a word against the question or statement:
    "to lose territory" where the statement says "to gain more territorial control".
    """
    for word in extra:
        if not word.isalpha():
            continue
        for other in context:
            if other not in given and are_opposites(other, word):
                return Clash("opposite", other, word, f"'{word}' is the opposite of '{other}'")
    return None


def _first_negation(preferred: list[str], every: tuple[str, ...]) -> str:
    return next((w for w in (*preferred, *every) if w in NEGATING_WORDS), "")
