"""Coming back to an unfinished drill: a pupil whose tab was reloaded or closed, or who stopped,
carries on under the same name where they left off, when the drill forbids a second attempt.

What they answered stays as it was saved (it is not asked again); the question they had open
is asked again. Leaving and coming back never buys time: a limit on the whole drill keeps
counting from the attempt's start, and the open question's from the last saved answer (or the
start). A finished attempt, a drill or deck changed since, or saved answers that do not match
the drill's questions mean no resuming: a second attempt is refused as before. So is an attempt
still being answered in another window (saved to in the last `LIVE_SECONDS`): two windows
taking one attempt would each keep a score the other's answers contradict.
"""

from __future__ import annotations

from datetime import datetime, timezone

from tui.core.quiz.rounds import QuestionResult
from tui.core.results.store import FINISHED, AnswerRecord, AttemptRecord, ResultsStore
from tui.core.verdicts import Outcome, Verdict

from .rounds import PreparedDrill

__all__ = ["LIVE_SECONDS", "RetryNotAllowed", "resumable", "seconds_since", "settled_results"]

LIVE_SECONDS = 120.0


class RetryNotAllowed(Exception):
    """This pupil has already taken a drill that does not allow retrying (or is taking it elsewhere)."""


def resumable(store: ResultsStore, prepared: PreparedDrill, pupil: str,
              earlier: list[AttemptRecord]) -> tuple[AttemptRecord, list[AnswerRecord]]:
    """The pupil's unfinished attempt at this very drill and its saved answers; RetryNotAllowed,
    saying why, when there is none to carry on (see the module)."""
    found = _unfinished(store, prepared, earlier)
    if found is None:
        raise RetryNotAllowed(f"{pupil} has already taken this drill, and it cannot be taken again")
    attempt = found[0]
    if attempt.still_answering(datetime.now(timezone.utc), LIVE_SECONDS):
        raise RetryNotAllowed(f"{pupil} is taking this drill in another window: close that one, "
                              f"or try again in {LIVE_SECONDS / 60:g} minutes")
    return found


def _unfinished(store: ResultsStore, prepared: PreparedDrill,
                earlier: list[AttemptRecord]) -> tuple[AttemptRecord, list[AnswerRecord]] | None:
    if not earlier or any(attempt.state == FINISHED for attempt in earlier):
        return None
    attempt = earlier[-1]
    if attempt.drill_hash != prepared.drill.content_hash or attempt.deck_hash != prepared.deck_hash:
        return None
    answers = sorted(store.answers(attempt_id=attempt.attempt_id), key=lambda answer: answer.number)
    questions = prepared.round.questions
    if len(answers) >= len(questions) or any(
            answer.number != number or answer.question_key != questions[number - 1].key
            for number, answer in enumerate(answers, start=1)):
        return None
    return attempt, answers


def settled_results(prepared: PreparedDrill, answers: list[AnswerRecord]) -> list[QuestionResult]:
    """The saved answers as the round's records, for the score and the end screen."""
    return [QuestionResult(prepared.round.questions[answer.number - 1],
                           Verdict(answer.given, Outcome(answer.verdict), answer.rule, answer.expected),
                           answer.seconds)
            for answer in answers]


def seconds_since(stamp: str) -> float:
    """Wall-clock seconds since a stored UTC stamp (never negative: a clock set back costs nothing)."""
    try:
        started = datetime.fromisoformat(stamp)
    except ValueError:
        return 0.0
    return max(0.0, (datetime.now(timezone.utc) - started).total_seconds())
