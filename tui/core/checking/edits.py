"""Edit distance for the checker (optimal string alignment), with rapidfuzz imported on first use:
a screen that only imports the checker's modules (the quiz's first frame) never loads it."""

from __future__ import annotations

from typing import Callable

_osa_distance: Callable[..., int] | None = None


def edit_distance(a: str, b: str, cutoff: int) -> int:
    """Edits between `a` and `b`, or `cutoff + 1` when there are more."""
    global _osa_distance
    if _osa_distance is None:
        from rapidfuzz.distance import OSA

        _osa_distance = OSA.distance
    return _osa_distance(a, b, score_cutoff=cutoff)
