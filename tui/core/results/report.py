"""The teacher's report: per pupil, per question and per fact, computed from a results store's rows.

Pure: attempts and answers in, a `DrillReport` out (no database, no printing), so
the CLI (text, JSON, Markdown, CSV) and the TUI's Report mode show the same numbers.
Each pupil counts once, by their latest attempt; close answers count as right,
as in a quiz; a question never reached by an attempt that has ended counts as
unanswered, like one that timed out or was skipped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterable

from .store import ANSWERING, AnswerRecord, AttemptRecord

STALE_AFTER_SECONDS = 300.0  # an unfinished attempt silent this long has stopped (closed tab, killed)
COMMON_WRONG = 3
MOST_MISSED = 5
STILL_ANSWERING, STOPPED = "answering", "stopped"


@dataclass(frozen=True, slots=True)
class PupilLine:
    pupil: str
    attempt_id: str
    attempts: int
    state: str  # answering | finished | quit | stopped
    score: int
    answered: int
    planned: int
    percent: float
    passed: bool
    seconds: float
    unanswered: int
    close: int
    marks: dict[int, str] = field(default_factory=dict)  # question number -> verdict ("timed-out" when it did)


@dataclass(frozen=True, slots=True)
class QuestionLine:
    number: int
    question_key: str
    question_type: str
    prompt: str
    asked: int
    right: int
    share_right: float
    common_wrong: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class MissedFact:
    question_key: str
    missed: int
    asked: int
    sources: tuple[str, ...]  # provenance lines of the fact's sources, when the deck is known


@dataclass(frozen=True, slots=True)
class DrillReport:
    drill_id: str
    title: str
    pass_mark: float
    planned: int
    pupils: tuple[PupilLine, ...]
    questions: tuple[QuestionLine, ...]
    most_missed: tuple[MissedFact, ...]

    @property
    def still_answering(self) -> tuple[str, ...]:
        return tuple(p.pupil for p in self.pupils if p.state == STILL_ANSWERING)


def _state(attempt: AttemptRecord, now: datetime, stale_after: float) -> str:
    if attempt.state != ANSWERING:
        return attempt.state
    return STILL_ANSWERING if attempt.still_answering(now, stale_after) else STOPPED


def latest_attempts(attempts: Iterable[AttemptRecord]) -> dict[str, tuple[AttemptRecord, int]]:
    """pupil -> (their latest attempt, how many attempts they made), in order of first attempt."""
    latest: dict[str, tuple[AttemptRecord, int]] = {}
    for attempt in sorted(attempts, key=lambda a: (a.started_at, a.attempt_id)):
        count = latest[attempt.pupil][1] + 1 if attempt.pupil in latest else 1
        latest[attempt.pupil] = (attempt, count)
    return latest


def _pupil_line(attempt: AttemptRecord, count: int, rows: list[AnswerRecord], state: str,
                pass_mark: float) -> PupilLine:
    score = sum(r.right for r in rows)
    ended = state != STILL_ANSWERING
    unreached = max(0, attempt.planned - len(rows)) if ended else 0
    marks = {r.number: "timed-out" if r.timed_out else r.verdict for r in rows}
    percent = round(100.0 * score / attempt.planned, 1) if attempt.planned else 0.0
    return PupilLine(
        pupil=attempt.pupil, attempt_id=attempt.attempt_id, attempts=count, state=state, score=score,
        answered=len(rows), planned=attempt.planned, percent=percent,
        passed=attempt.planned > 0 and score * 100 >= pass_mark * attempt.planned,
        seconds=round(sum(r.seconds for r in rows), 1), unanswered=sum(r.unanswered for r in rows) + unreached,
        close=sum(r.verdict == "close" for r in rows), marks=marks,
    )


def _question_lines(rows: list[AnswerRecord]) -> tuple[QuestionLine, ...]:
    by_number: dict[int, list[AnswerRecord]] = {}
    for row in rows:
        by_number.setdefault(row.number, []).append(row)
    lines = []
    for number in sorted(by_number):
        group = by_number[number]
        right = sum(r.right for r in group)
        wrong, shown = Counter(), {}  # the same answer in other case or spacing counts once, as first typed
        for r in group:
            if r.verdict == "incorrect" and r.given.strip():
                text = " ".join(r.given.split())
                shown.setdefault(text.casefold(), text)
                wrong[text.casefold()] += 1
        lines.append(QuestionLine(number, group[0].question_key, group[0].question_type, group[0].prompt,
                                  len(group), right, round(right / len(group), 3),
                                  tuple((shown[k], n) for k, n in wrong.most_common(COMMON_WRONG))))
    return tuple(lines)


def _most_missed(rows: list[AnswerRecord], sources_of: Callable[[str], tuple[str, ...]]) -> tuple[MissedFact, ...]:
    asked: Counter[str] = Counter(r.question_key for r in rows)
    missed: Counter[str] = Counter(r.question_key for r in rows if not r.right)
    ranked = sorted((key for key in missed), key=lambda key: (-missed[key], key))[:MOST_MISSED]
    return tuple(MissedFact(key, missed[key], asked[key], sources_of(key)) for key in ranked)


def build_report(attempts: Iterable[AttemptRecord], answers: Iterable[AnswerRecord], *,
                 now: datetime | None = None, stale_after: float = STALE_AFTER_SECONDS,
                 sources_of: Callable[[str], tuple[str, ...]] = lambda key: ()) -> DrillReport:
    """The report over one drill's attempts and answers (each pupil by their latest attempt).

    `sources_of(question_key)` names a missed fact's sources (the CLI asks the deck);
    `now` decides who is still answering: an unfinished attempt seen within `stale_after` seconds.
    """
    now = now or datetime.now(timezone.utc)
    latest = latest_attempts(attempts)
    if not latest:
        return DrillReport("", "", 0.0, 0, (), (), ())
    chosen = {attempt.attempt_id for attempt, _ in latest.values()}
    # In the pupils' order, so "first typed" and every listing is the same on each refresh.
    rows_by_attempt: dict[str, list[AnswerRecord]] = {a.attempt_id: [] for a, _ in latest.values()}
    for row in answers:
        if row.attempt_id in chosen:
            rows_by_attempt[row.attempt_id].append(row)
    newest = max((a for a, _ in latest.values()), key=lambda a: a.started_at)
    pupils = tuple(
        _pupil_line(attempt, count, sorted(rows_by_attempt[attempt.attempt_id], key=lambda r: r.number),
                    _state(attempt, now, stale_after), attempt.pass_mark)
        for attempt, count in latest.values()
    )
    counted = [row for rows in rows_by_attempt.values() for row in rows]
    return DrillReport(newest.drill_id, newest.drill_title, newest.pass_mark, newest.planned, pupils,
                       _question_lines(counted), _most_missed(counted, sources_of))


def gradebook_rows(report: DrillReport) -> list[list[object]]:
    """One row per pupil and one column per question (1 right, 0 wrong, empty unanswered), header first."""
    numbers = range(1, report.planned + 1)
    header: list[object] = ["pupil", "score", "total", "percent", "passed", "seconds", "unanswered", "close",
                            "state", *(f"q{n}" for n in numbers)]
    rows = [header]
    for pupil in report.pupils:
        marks = []
        for number in numbers:
            verdict = pupil.marks.get(number)
            marks.append("" if verdict in (None, "skipped", "timed-out") else int(verdict in ("correct", "close")))
        rows.append([pupil.pupil, pupil.score, pupil.planned, pupil.percent, "yes" if pupil.passed else "no",
                     pupil.seconds, pupil.unanswered, pupil.close, pupil.state, *marks])
    return rows


def report_json(report: DrillReport) -> dict:
    """The report as JSON-ready data."""
    return {
        "drill": report.drill_id, "title": report.title, "pass_mark": report.pass_mark, "questions": report.planned,
        "still_answering": list(report.still_answering),
        "pupils": [{
            "name": p.pupil, "state": p.state, "score": p.score, "answered": p.answered, "total": p.planned,
            "percent": p.percent, "passed": p.passed, "seconds": p.seconds, "unanswered": p.unanswered,
            "close": p.close, "attempts": p.attempts, "marks": {str(n): v for n, v in sorted(p.marks.items())},
        } for p in report.pupils],
        "by_question": [{
            "number": q.number, "id": q.question_key, "type": q.question_type, "prompt": q.prompt, "asked": q.asked,
            "right": q.right, "share_right": q.share_right,
            "common_wrong": [{"answer": a, "count": c} for a, c in q.common_wrong],
        } for q in report.questions],
        "most_missed": [{"id": m.question_key, "missed": m.missed, "asked": m.asked, "sources": list(m.sources)}
                        for m in report.most_missed],
    }


def fact_sources(deck) -> Callable[[str], tuple[str, ...]]:
    """For `build_report`: a missed fact's sources as provenance lines, from `deck` (none without one)."""
    def sources_of(key: str) -> tuple[str, ...]:
        fact = deck.asks_by_id.get(key) if deck is not None else None  # a fact's id, or an ask's
        if fact is None:
            return ()
        return tuple(deck.sources[s].provenance_line(with_basis=False) for s in fact.source_ids)

    return sources_of


def read_reports(target, drill_id: str | None = None, deck=None,
                 now: datetime | None = None) -> tuple[list[DrillReport], list[AnswerRecord]]:
    """The reports of every drill in the store at `target` (or only `drill_id`), and their answers.

    Raises `ResultsError` when the store cannot be read.
    """
    from .opening import open_results

    with open_results(target) as store:
        drill_ids = [drill_id] if drill_id is not None else store.drill_ids()
        reports, answers = [], []
        for one in drill_ids:
            rows = store.answers(one)
            reports.append(build_report(store.attempts(one), rows, now=now, sources_of=fact_sources(deck)))
            answers.extend(rows)
    return reports, answers
