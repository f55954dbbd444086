"""What checking a claim returns: a label, the reason, a confidence and the evidence."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.deck.model import Citation, Fact

SUPPORTED, REFUTED, NOT_IN_SOURCES, DISPUTED = "supported", "refuted", "not-in-sources", "disputed"
LABELS = (SUPPORTED, REFUTED, NOT_IN_SOURCES, DISPUTED)
LABEL_TEXT = {SUPPORTED: "Supported", REFUTED: "Refuted", NOT_IN_SOURCES: "Not in the sources", DISPUTED: "Disputed"}
# FEVER's three labels; a disputed claim is neither supported nor refuted by the sources as a whole.
FEVER = {SUPPORTED: "SUPPORTS", REFUTED: "REFUTES", NOT_IN_SOURCES: "NOT ENOUGH INFO", DISPUTED: "NOT ENOUGH INFO"}
CONFIDENCES = ("clear", "likely", "weak")

# How a piece of evidence bears on the claim.
SUPPORTS, REFUTES, SIDE = "supports", "refutes", "side"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One deciding fact, how it bears on the claim, and the quotes that show it."""

    fact: Fact
    role: str  # SUPPORTS | REFUTES | SIDE (one side of a dispute)
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class ClaimVerdict:
    """The verdict on one claim. ``reason`` is one line naming what decided it."""

    claim: str
    label: str  # one of LABELS
    reason: str
    confidence: str  # one of CONFIDENCES
    evidence: tuple[Evidence, ...] = ()
    recorded: str = ""  # "false-claim:<fact id>" or "not-in-sources:<claim id>" when the deck records the claim
    note: str = ""  # the deck's note on a recorded not-in-sources claim (why no article says it)

    @property
    def label_text(self) -> str:
        return LABEL_TEXT[self.label]

    @property
    def fever_label(self) -> str:
        return FEVER[self.label]
