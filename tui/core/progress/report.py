"""A learner's own report over their progress: accuracy day by day, most-missed facts, what is due today.

Pure computations over what `ProgressStore` saved; the CLI draws it as text (a sparkline) and the
TUI's Progress mode as a chart. An answer counts as right when a round's score counts it (correct
or close); a skip or a reveal counts as a miss, as it does in the score.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from tui.core.deck.model import Deck

from .store import AnsweredRow, ProgressStore

RIGHT = frozenset({"correct", "close"})


@dataclass(frozen=True, slots=True)
class DayAccuracy:
    """One day on which the learner answered: how many, how many right."""

    day: date
    answered: int
    right: int

    @property
    def percent(self) -> float:
        return 100.0 * self.right / self.answered


@dataclass(frozen=True, slots=True)
class MissedFact:
    """A fact the learner gets wrong: misses out of answers, and the last wrong answer typed (if any)."""

    fact_id: str
    misses: int
    answers: int
    last_wrong: str


@dataclass(frozen=True, slots=True)
class LearnerReport:
    deck: str
    answers: int
    right: int
    facts_seen: int
    facts_in_deck: int
    days: tuple[DayAccuracy, ...]  # oldest first, only days with answers
    most_missed: tuple[MissedFact, ...]  # most misses first
    due_now: int  # facts of the deck due again at this moment
    due_today: tuple[str, ...]  # fact ids due by the end of the learner's day, most overdue first
    close: int = 0  # of the right answers, how many were close (a slip): shown apart

    @property
    def percent(self) -> float | None:
        return 100.0 * self.right / self.answers if self.answers else None


def end_of_day(now: datetime, zone: tzinfo | None = None) -> datetime:
    """Midnight at the end of `now`'s day in `zone` (the machine's local time when None)."""
    local = now.astimezone(zone)
    return datetime.combine(local.date() + timedelta(days=1), time(0), local.tzinfo)


def accuracy_by_day(rows: list[AnsweredRow], zone: tzinfo | None = None) -> tuple[DayAccuracy, ...]:
    """Answers grouped by the local day they were given, oldest day first."""
    answered: Counter[date] = Counter()
    right: Counter[date] = Counter()
    for row in rows:
        day = row.answered_at.astimezone(zone).date()
        answered[day] += 1
        right[day] += row.verdict in RIGHT
    return tuple(DayAccuracy(day, answered[day], right[day]) for day in sorted(answered))


def most_missed(rows: list[AnsweredRow], deck: Deck, limit: int) -> tuple[MissedFact, ...]:
    """Facts still in `deck` with at least one miss: most misses, then the larger share missed, first."""
    answers: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    last_wrong: dict[str, str] = defaultdict(str)
    for row in rows:  # oldest first, so the last wrong answer wins
        if row.fact_id is None or row.fact_id not in deck.asks_by_id:  # a fact's id, or an ask's
            continue
        answers[row.fact_id] += 1
        if row.verdict not in RIGHT:
            misses[row.fact_id] += 1
            if row.given.strip():
                last_wrong[row.fact_id] = row.given
    ranked = sorted(misses, key=lambda fact_id: (-misses[fact_id], -misses[fact_id] / answers[fact_id], fact_id))
    return tuple(MissedFact(f, misses[f], answers[f], last_wrong[f]) for f in ranked[:limit])


def learner_report(store: ProgressStore, deck: Deck, *, now: datetime | None = None,
                   zone: tzinfo | None = None, missed: int = 5) -> LearnerReport:
    """The report over everything `store` holds for `deck`, as of `now` (default: this moment)."""
    now = now or datetime.now(timezone.utc)
    rows = store.answered(deck)
    summary = store.summary(deck, now, recent=0)
    return LearnerReport(
        deck=deck.title,
        answers=len(rows),
        right=sum(row.verdict in RIGHT for row in rows),
        close=sum(row.verdict == "close" for row in rows),
        facts_seen=summary.facts_seen,
        facts_in_deck=len(deck.asks),  # each side a fact is asked from is reviewed on its own
        days=accuracy_by_day(rows, zone),
        most_missed=most_missed(rows, deck, missed),
        due_now=len(store.due_in(deck, now)),
        due_today=tuple(store.due_in(deck, end_of_day(now, zone))),
    )
