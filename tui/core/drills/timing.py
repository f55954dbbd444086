"""A drill's time limits: per question and per round, read from a clock tests can replace.

The core decides when time is up; a driver only shows `left()` (the TUI's
countdown) and calls the drill session's `tick()` to settle what ran out.
"""

from __future__ import annotations

import time
from typing import Callable

Clock = Callable[[], float]


class Deadline:
    """Seconds left on the current question and on the whole round; None where there is no limit."""

    def __init__(self, question_seconds: float | None, round_seconds: float | None,
                 clock: Clock = time.monotonic, spent: float = 0.0, asked: float = 0.0) -> None:
        """`spent`, `asked`: seconds already gone of the round and of its open question (a resumed attempt's)."""
        self.question_seconds = question_seconds
        self.round_seconds = round_seconds
        self.clock = clock
        now = clock()
        self.started = now - spent
        self.question_started = now - asked

    def next_question(self) -> None:
        """The clock of a new question starts now."""
        self.question_started = self.clock()

    def round_left(self) -> float | None:
        if self.round_seconds is None:
            return None
        return max(0.0, self.round_seconds - (self.clock() - self.started))

    def question_left(self) -> float | None:
        if self.question_seconds is None:
            return None
        return max(0.0, self.question_seconds - (self.clock() - self.question_started))

    def left(self) -> float | None:
        """What the countdown shows: the nearer of the two limits."""
        limits = [x for x in (self.question_left(), self.round_left()) if x is not None]
        return min(limits) if limits else None

    def round_over(self) -> bool:
        left = self.round_left()
        return left is not None and left <= 0

    def question_over(self) -> bool:
        left = self.left()
        return left is not None and left <= 0


def countdown_label(seconds: float | None) -> str:
    """"0:27" for the countdown; empty when there is no limit."""
    if seconds is None:
        return ""
    whole = int(seconds + 0.999)  # 26.2 s left reads 0:27, and 0:00 only when time is up
    return f"{whole // 60}:{whole % 60:02d}"
