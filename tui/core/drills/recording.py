"""Saving a drill as it is taken: a round-runner Recorder that writes every answer to the class's store.

The attempt is saved before the first question; each answer is saved the moment
it is settled, in its own transaction; finishing or quitting closes the attempt.
If a write fails (a busy network database, a full disk), the drill goes on, the
reason is given once, and the unsaved answers are tried again, in order, with
the next answer and at the end.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass

from tui.core.quiz.questions import Question
from tui.core.results.opening import open_results
from tui.core.results.store import FINISHED, QUIT, AnswerRecord, AttemptRecord, ResultsError, ResultsStore, now_stamp

from .resuming import resumable
from .rounds import PreparedDrill


def prompt_as_shown(question: Question) -> str:
    """The question as the pupil saw it: the prompt, with the options of a choice, the claim of a claim."""
    if question.type == "choice":
        return question.prompt + "\n" + "\n".join(f"{o.label}. {o.text}" for o in question.options)
    if question.type == "claim":
        return f"Supported, refuted, or not in the sources? {question.claim}"
    if question.type == "cloze":
        return question.cloze
    return question.prompt


def given_as_shown(question: Question, given: str) -> str:
    """What the pupil chose, readable in a report: a choice's label with its option ("B. Dmitry Peskov")."""
    if question.type == "choice":
        option = next((o for o in question.options if o.label == given), None)
        if option is not None:
            return f"{option.label}. {option.text}"
    return given


NAME_LENGTH = 80  # a name, not an essay: reports and the drill screen have one line for it


# Zero-width (non-)joiners are how some names are spelt (Persian, Indic scripts): kept, though not "printable".
NAME_JOINERS = frozenset("\u200c\u200d")


def clean_name(name: str) -> str:
    """A pupil's name as typed, trimmed, inner runs of space kept as one; control and format characters
    (escapes, bidi overrides) dropped, joiners kept."""
    kept = "".join(ch for ch in name if ch.isprintable() or ch in NAME_JOINERS)
    return " ".join(kept.split())[:NAME_LENGTH].strip()


def same_pupil(one: str, other: str) -> bool:
    """Whether two names are the same pupil: case aside, and however the keyboard composed accents."""
    return unicodedata.normalize("NFC", one).casefold() == unicodedata.normalize("NFC", other).casefold()


@dataclass
class ResultsRecorder:
    """A `Recorder` for `RoundRunner`: the drill's attempt and answers, saved to a results store as given."""

    store: ResultsStore
    prepared: PreparedDrill
    attempt: AttemptRecord
    problem: str | None = None
    _reported: bool = False
    _timed_out_next: bool = False
    _number: int = 0
    _closed: bool = False

    @classmethod
    def start(cls, target, prepared: PreparedDrill, pupil: str) -> "ResultsRecorder":
        """Open the store at `target` and save a new attempt by `pupil`.

        Raises `ResultsError` when the store cannot be used (a drill never starts unsaved)
        and `RetryNotAllowed` when the drill forbids a second attempt under this name and the
        pupil has no unfinished one to carry on (then `earlier` holds its saved answers).
        """
        store = open_results(target)
        try:
            drill = prepared.drill
            if not drill.retry:
                earlier = [a for a in store.attempts(drill.id) if same_pupil(a.pupil, pupil)]
                if earlier:
                    return cls._resume(store, prepared, pupil, earlier)
            stamp = now_stamp()
            attempt = AttemptRecord(uuid.uuid4().hex, pupil, drill.id, drill.title, drill.content_hash,
                                    prepared.deck_hash, len(prepared.round), drill.pass_mark, stamp, stamp)
            store.start_attempt(attempt)
        except BaseException:
            store.close()
            raise
        return cls(store, prepared, attempt)

    @classmethod
    def _resume(cls, store: ResultsStore, prepared: PreparedDrill, pupil: str,
                earlier: list[AttemptRecord]) -> "ResultsRecorder":
        """Carry on `pupil`'s unfinished attempt (see resuming.py), else refuse a second one."""
        attempt, answers = resumable(store, prepared, pupil, earlier)
        store.reopen_attempt(attempt.attempt_id)
        recorder = cls(store, prepared, attempt, _number=len(answers))
        recorder.resumed, recorder.earlier = True, tuple(answers)
        return recorder

    def __post_init__(self) -> None:
        self._pending: list[AnswerRecord] = []
        self.resumed = False  # an unfinished attempt taken up again (see resuming.py)
        self.earlier: tuple[AnswerRecord, ...] = ()  # its answers saved before

    def time_out_next(self) -> None:
        """The next settled question ran out of time: save it as unanswered and timed out."""
        self._timed_out_next = True

    def _record(self, result) -> AnswerRecord:
        self._number += 1
        question = result.question
        timed_out, self._timed_out_next = self._timed_out_next, False
        verdict = str(getattr(result.verdict, "value", result.verdict))
        grade = getattr(result, "grade", None) or getattr(result, "verdict_detail", None)
        return AnswerRecord(
            attempt_id=self.attempt.attempt_id, pupil=self.attempt.pupil, drill_id=self.attempt.drill_id,
            drill_hash=self.attempt.drill_hash, deck_hash=self.attempt.deck_hash, number=self._number,
            question_key=question.key, fact_id=question.fact.id if question.fact else None,
            question_type=str(getattr(question.type, "value", question.type)), prompt=prompt_as_shown(question),
            given="" if timed_out else given_as_shown(question, result.given), verdict=verdict,
            rule=str(getattr(grade, "rule", "") or ""),
            expected=question.expected, seconds=float(result.seconds), timed_out=timed_out, answered_at=now_stamp(),
        )

    def _flush(self) -> None:
        try:
            while self._pending:
                self.store.record_answer(self._pending[0])
                self._pending.pop(0)
        except ResultsError as error:
            self.problem = f"answers are not being saved yet (will retry): {error}"

    def _new_problem(self) -> str | None:
        if self.problem is None or self._reported:
            return None
        self._reported = True
        return self.problem

    @property
    def unsaved(self) -> int:
        return len(self._pending)

    def answered(self, result) -> str | None:
        """Save a settled question; a problem to show the first time saving fails, else None."""
        self._pending.append(self._record(result))
        self._flush()
        return self._new_problem()

    def finished(self, result) -> str | None:
        """Close the attempt: finished when every question was settled, else quit."""
        self._flush()
        state = FINISHED if self._number >= len(self.prepared.round) else QUIT
        try:
            self.store.finish_attempt(self.attempt.attempt_id, state)
            self._closed = True
        except ResultsError as error:
            self.problem = f"the end of the drill was not saved: {error}"
        return self._new_problem()

    def close(self) -> None:
        """A last try at anything unsaved; an attempt never closed is marked quit; let go of the store."""
        self._flush()
        if not self._closed:
            try:
                self.store.finish_attempt(self.attempt.attempt_id, QUIT)
            except ResultsError:
                pass  # its answers are saved; the report shows it as stopped
        self.store.close()
