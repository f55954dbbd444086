"""Rich renderables for the quiz, shared by `factdrill quiz --plain` and the TUI.

Imports Rich and the core only (no Textual), so plain mode stays light. Deck text
always goes through `tui.rendering.safe`, never through markup.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from tui.core.deck import Deck
from tui.core.quiz import Grade, QuestionResult, RoundResult, RoundSpec
from tui.core.quiz_questions import JUDGEMENT_KEYS, JUDGEMENT_LABELS, TYPE_LABELS, Question
from tui.rendering import DIM_STYLE, LABEL_STYLE, fact_provenance, safe, verdict_line

VERDICT_WORDS = {"correct": "Correct", "close": "Close", "incorrect": "Incorrect",
                 "skipped": "Skipped", "revealed": "Revealed"}


def format_seconds(seconds: float) -> str:
    """'42s', '1m 05s', '1h 02m'."""
    whole = int(round(seconds))
    if whole < 60:
        return f"{whole}s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes}m {secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m"


def question_heading(question: Question, number: int, total: int) -> Text:
    """'Question 2 of 5 · Multiple choice'."""
    return Text(f"Question {number} of {total} · {TYPE_LABELS[question.type]}", style="bold cyan")


def question_body(question: Question) -> RenderableType:
    """The prompt and what the answer looks like; never the answer or any provenance."""
    parts: list[RenderableType] = []
    if question.type == "claim":
        parts.append(Text("Is this claim supported by the sources?", style=LABEL_STYLE))
        parts.append(safe(f"“{question.claim}”", "italic"))
    elif question.type == "cloze":
        parts.append(Text("Fill the blank in this sentence from a source:", style=LABEL_STYLE))
        parts.append(safe(question.cloze))
    else:
        parts.append(safe(question.prompt, "bold"))
    if question.type == "choice":
        for option in question.options:
            line = Text(f"  {option.label.lower()}) ", style="bold")
            line.append_text(safe(option.text))
            parts.append(line)
    return Group(*parts)


def answer_hint(question: Question, *, plain: bool) -> Text:
    """How to answer this question, for the keys or the line reader."""
    reveal = "'?' reveals the answer, an empty line twice skips" if plain else "ctrl+r reveals, ctrl+s skips"
    if question.type == "choice":
        letters = "/".join(o.label.lower() for o in question.options)
        return Text(f"Answer {letters}; {reveal}.", style=DIM_STYLE)
    if question.type == "claim":
        judged = " · ".join(f"{key} {JUDGEMENT_LABELS[j]}" for j, key in JUDGEMENT_KEYS.items())
        return Text(f"{judged}; {reveal}.", style=DIM_STYLE)
    return Text(f"Type the answer; {reveal}.", style=DIM_STYLE)


def grade_line(grade: Grade) -> Text:
    """The verdict with what was expected (and, for choices and claims, what was given)."""
    if grade.verdict in ("skipped", "revealed"):
        line = Text(VERDICT_WORDS[grade.verdict], style="bold yellow" if grade.verdict == "revealed" else "bold")
        line.append("  The answer: ", LABEL_STYLE)
        line.append_text(safe(grade.expected, "bold"))
        return line
    explanation = grade.explanation if grade.rule not in ("judgement", "label") else ""
    line = verdict_line(grade.verdict, grade.expected, explanation)
    if grade.rule in ("judgement", "label") and grade.verdict != "correct":
        line.append("  You said: ", DIM_STYLE)
        line.append_text(safe(grade.given, DIM_STYLE))
    return line


def feedback(deck: Deck, question: Question, grade: Grade) -> RenderableType:
    """What follows an answer: the verdict, the fact's statement, and its provenance."""
    parts: list[RenderableType] = [grade_line(grade)]
    if question.type == "claim" and grade.explanation:
        parts.append(safe(grade.explanation, "italic"))
    parts.append(Text(""))
    if question.fact is None:
        # A "not in the sources" claim: there is no fact, only the claim and why it is unsourced.
        parts.append(safe(question.claim, "bold"))
        parts.append(Text("Not stated by any of the " f"{len(deck.sources)} articles.", style=DIM_STYLE))
        return Group(*parts)
    parts.append(safe(question.fact.statement, "bold"))
    parts.append(fact_provenance(deck, question.fact))
    return Group(*parts)


def _cited_sources(deck: Deck, result: QuestionResult) -> Text:
    fact = result.question.fact
    if fact is None:
        return Text("  not in any source", style=DIM_STYLE)
    lines = Text()
    for index, source_id in enumerate(fact.source_ids):
        if index:
            lines.append("\n")
        lines.append("  ")
        lines.append_text(safe(deck.sources[source_id].provenance_line(), DIM_STYLE))
    return lines


def spec_line(spec: RoundSpec) -> Text:
    """The settings of a round in one line, seed included, so it can be replayed."""
    bits = [f"seed {spec.seed}", "types " + ",".join(spec.types)]
    if spec.tags:
        bits.append("tags " + ",".join(spec.tags))
    if spec.sources:
        bits.append("sources " + ",".join(spec.sources))
    return safe(" · ".join(bits), DIM_STYLE)


def summary(deck: Deck, result: RoundResult) -> RenderableType:
    """Score, time, per-topic results and the missed questions with their sources."""
    parts: list[RenderableType] = []
    heading = Text(f"Score: {result.score}/{result.total}", style="bold")
    heading.append(f"   Time: {format_seconds(result.elapsed)}", style="")
    parts.append(heading)
    parts.append(spec_line(result.round.spec))
    if result.per_tag:
        table = Table(title=None, show_header=True, header_style="bold", box=None, pad_edge=False)
        table.add_column("Topic")
        table.add_column("Right", justify="right")
        for tag, (right, asked) in result.per_tag.items():
            table.add_row(safe(tag), f"{right}/{asked}")
        parts.extend([Text(""), table])
    missed = result.missed
    parts.append(Text(""))
    if not missed:
        parts.append(Text("Nothing missed.", style="bold green"))
        return Group(*parts)
    parts.append(Text(f"Missed ({len(missed)}):", style="bold"))
    for record in missed:
        line = Text("• ")
        line.append_text(safe(record.question.prompt))
        line.append(f"  [{VERDICT_WORDS[record.verdict].lower()}]", DIM_STYLE)
        parts.append(line)
        answer = Text("  Answer: ", LABEL_STYLE)
        answer.append_text(safe(record.grade.expected))
        parts.append(answer)
        parts.append(_cited_sources(deck, record))
    return Group(*parts)
