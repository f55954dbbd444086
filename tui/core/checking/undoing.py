"""Words that undo what they stand beside without being negations ("lack of", "failed to",
"former", "anything but"), as a pure function over normalised words (see ``contradiction``)."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["undoing_words"]


# Words that undo or replace what they stand beside, though no grammar book calls them
# negations: "lack of transparency", "failed to confirm", "the end of the talks", "a former
# minister", "a deputy minister", "anything but Umerov". Each line is one word in its forms.
# An answer that adds one to an accepted form says something else, unless the form or the
# question already has it ("what did the first round fail to produce?" -> "failed to
# produce a ceasefire").
_UNDOING = """
lack lacks lacked lacking | absence absent absences | fail fails failed failing failure failures
refuse refuses refused refusing refusal | reject rejects rejected rejecting rejection
deny denies denied denying denial | avoid avoids avoided avoiding avoidance
oppose opposes opposed opposing opposition | instead | opposite | reverse reversed reversal
contrary | minus | fake | pseudo | quasi | sham | barely | hardly | scarcely | little | fewer | less | least
lose loses lost losing loss losses | missing | zero | stop stops stopped stopping
halt halts halted halting | cease ceases ceased ceasing | end ends ended ending
cancel cancels cancelled canceled cancelling cancellation | abandon abandons abandoned abandoning
block blocks blocked blocking | drop drops dropped dropping | prevent prevents prevented preventing
ban bans banned banning | veto vetoes vetoed | dismiss dismisses dismissed dismissing dismissal
rebuff rebuffs rebuffed | scrap scraps scrapped | suspend suspends suspended suspension
ignore ignores ignored ignoring | remove removes removed removal | former ex | deputy deputies
vice | acting | interim | assistant | junior | anti | counter
""".strip()
_UNDOING_GROUP: dict[str, int] = {
    word: n for n, group in enumerate(_UNDOING.replace("\n", " | ").split("|")) for word in group.split()
}
# Two-word phrases that do the same: "anything but Umerov", "far from transparent".
_UNDOING_PHRASES = frozenset({
    ("anything", "but"), ("far", "from"), ("short", "of"), ("rule", "out"), ("ruled", "out"),
    ("other", "than"), ("rather", "than"),
})


def undoing_words(given: Sequence[str], *allowed: Sequence[str]) -> str:
    """The first word (or two-word phrase) of ``given`` that undoes what it stands beside
    ("lack", "failed", "former", "anything but"), unless a word of its group is in one of
    ``allowed`` (say, the accepted form and the question); '' when there is none."""
    groups = {_UNDOING_GROUP[w] for words in allowed for w in words if w in _UNDOING_GROUP}
    allowed_pairs = {pair for words in allowed for pair in zip(words, words[1:])}
    for word in given:
        group = _UNDOING_GROUP.get(word)
        if group is not None and group not in groups:
            return word
    for pair in zip(given, given[1:]):
        if pair in _UNDOING_PHRASES and pair not in allowed_pairs:
            return " ".join(pair)
    return ""
