"""Fact-checking a pasted claim against a deck: the verdict engine (rule-based, offline)."""

from .engine import FactChecker
from .verdict import (
    CONFIDENCES, DISPUTED, FEVER, LABEL_TEXT, LABELS, NOT_IN_SOURCES, REFUTED, SUPPORTED, ClaimVerdict, Evidence,
)

__all__ = [
    "CONFIDENCES", "DISPUTED", "FEVER", "LABELS", "LABEL_TEXT", "NOT_IN_SOURCES", "REFUTED", "SUPPORTED",
    "ClaimVerdict", "Evidence", "FactChecker",
]
