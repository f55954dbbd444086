"""Rich text for a drill, shared by `factdrill drill --plain` and the drill screens: rules, countdown, end.

Deck and store text goes through `safe` (printable, never markup).
"""

from __future__ import annotations

from rich.text import Text

from tui.core.drills.model import Drill
from tui.core.drills.timing import countdown_label
from tui.core.safe_text import printable
from tui.core.quiz.rounds import RoundResult
from tui.present.quiz import VERDICT_WORDS, format_seconds
from tui.present.text import DIM_STYLE, safe


def drill_intro(drill: Drill, questions: int) -> Text:
    """The title, how many questions, and the rules, before the first question."""
    text = safe(drill.title, "bold")
    text.append(f"\n{questions} questions · {drill.rules_line}", style=DIM_STYLE)
    return text


def welcome_back(pupil: str, answered: int, questions: int) -> str:
    """Said when an unfinished attempt is taken up again (plain text: a notification or a line)."""
    return (f"Welcome back, {printable(pupil)}: {answered} of {questions} questions are answered and saved; "
            f"carrying on with question {answered + 1}.")


def countdown(seconds: float | None) -> Text:
    """'⏱ 0:27 left', red in the last 5 seconds; empty without a limit."""
    if seconds is None:
        return Text("")
    style = "bold red" if seconds <= 5 else "bold"
    return Text(f"\u23f1 {countdown_label(seconds)} left", style=style)


def timed_out_head(head: Text) -> Text:
    """A timed-out question's feedback head: "Time up" where a skipped one says "Skipped" (the pupil did not skip)."""
    skipped = VERDICT_WORDS["skipped"]
    if not head.plain.startswith(skipped):
        return head
    return Text("Time up", style="bold red").append_text(head[len(skipped):])


def score_line(drill: Drill, result: RoundResult, planned: int) -> Text:
    """'Score 7 of 10 (70%) · passed · pass mark 60%'."""
    percent = round(100 * result.score / planned) if planned else 0
    passed = drill.passed(result.score, planned)
    close = f", {result.close} close" if result.close else ""  # close answers count as right: say how many
    line = Text(f"Score {result.score} of {planned} ({percent}%{close}) · ", style="bold")
    line.append("passed" if passed else "not passed", style="bold green" if passed else "bold red")
    line.append(f" · pass mark {drill.pass_mark:g}%", style=DIM_STYLE)
    return line


def end_summary(drill: Drill, result: RoundResult, planned: int, timed_out: set[int]) -> Text:
    """The end screen: the score with the pass mark, then each question's outcome and the right answer.

    `timed_out` holds the numbers (from 1) of the questions whose time ran out.
    """
    lines = [score_line(drill, result, planned)]
    unanswered = planned - len(result.results)
    lines.append(Text(f"Time {format_seconds(result.elapsed)}"
                      + (f" · {unanswered} not reached" if unanswered > 0 else ""), style=DIM_STYLE))
    for number, record in enumerate(result.results, start=1):
        word = "Time up" if number in timed_out else VERDICT_WORDS.get(str(record.verdict), str(record.verdict))
        line = Text(f"{number:>2}. {word:<9} ", style="green" if record.grade.correct else "red")
        line.append_text(safe(record.question.prompt if record.question.type != "claim" else record.question.claim))
        if not record.grade.correct:
            line.append("  → ", style=DIM_STYLE)
            line.append_text(safe(record.question.expected, "bold"))
        lines.append(line)
    return Text("\n").join(lines)
