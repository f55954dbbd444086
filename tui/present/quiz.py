"""Rich text for the quiz, shared by `factdrill quiz --plain` and the TUI.

Imports Rich and the core only (no Textual), so plain mode stays light. Deck text
always goes through `tui.present.text.safe` (printable, never markup). Everything is a
`Text`, not a table or padding, so plain output has no trailing blanks and can be
left unwrapped for pipes and screen readers. In plain mode a quote is also marked
with « » because colour does not survive a pipe.
"""

from __future__ import annotations

from rich.text import Text

from tui.core.deck.model import Citation, Deck, Fact
from tui.core.deck.provenance import quote_in_context
from tui.core.quiz.rounds import QuestionResult, RoundResult, RoundSpec
from tui.core.verdicts import Verdict
from tui.core.quiz.questions import JUDGEMENT_KEYS, JUDGEMENT_LABELS, TYPE_LABELS, Question
from tui.core.safe_text import printable
from tui.present.facts import dispute_block, source_heading, verdict_line
from tui.present.text import DIM_STYLE, LABEL_STYLE, QUOTE_STYLE, safe

VERDICT_WORDS = {"correct": "Correct", "close": "Close", "incorrect": "Incorrect",
                 "skipped": "Skipped", "revealed": "Revealed"}
QUOTE_MARKS = ("«", "»")


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


def _lines(*parts: Text) -> Text:
    return Text("\n").join(parts)


# --- the question ---------------------------------------------------------------------------

def question_heading(question: Question, number: int, total: int) -> Text:
    """'Question 2 of 5 · Multiple choice'."""
    return Text(f"Question {number} of {total} · {TYPE_LABELS[question.type]}", style="bold")


def asked_line(question: Question, number: int, total: int) -> Text:
    """What was asked, in one dim line above its feedback ('2/5 · How many…?')."""
    asked = {"claim": "Judge the claim", "cloze": question.cloze}.get(question.type, question.prompt)
    line = Text(f"{number}/{total} · ", style=DIM_STYLE)
    line.append_text(safe(asked, DIM_STYLE))
    return line


def question_body(question: Question, *, with_options: bool = True) -> Text:
    """The prompt (and, for a choice, the options); never the answer or any provenance."""
    if question.type == "claim":
        parts = [Text("Is this claim supported by the sources?", style=LABEL_STYLE),
                 safe(f"“{question.claim}”", "italic")]
    elif question.type == "cloze":
        parts = [Text("Fill the blank in this sentence from a source:", style=LABEL_STYLE), safe(question.cloze)]
    else:
        parts = [safe(question.prompt, "bold")]
    if question.type == "choice" and with_options:
        parts.extend(option_text(option.label, option.text) for option in question.options)
    return _lines(*parts)


def option_text(label: str, text: str) -> Text:
    line = Text(f"{label.lower()}) ", style="bold")
    line.append_text(safe(text))
    return line


def answer_hint(question: Question, *, plain: bool, drill: bool = False) -> Text:
    """How to answer this question, for the keys or the line reader (a drill has no reveal)."""
    if drill:
        reveal = ("an empty line twice leaves it unanswered" if plain
                  else "ctrl+s leaves it unanswered · esc stops (your answers are kept)")
    else:
        reveal = ("'?' reveals the answer, an empty line twice skips" if plain
                  else "ctrl+r reveals · ctrl+s skips · esc quits the round")
    if question.type == "choice":
        letters = "/".join(o.label.lower() for o in question.options)
        how = f"Answer {letters}" if plain else f"Press {letters} (or ↑↓ and Enter)"
        return Text(f"{how}; {reveal}.", style=DIM_STYLE)
    if question.type == "claim":
        judged = " · ".join(f"{key} {JUDGEMENT_LABELS[j]}" for j, key in JUDGEMENT_KEYS.items())
        return Text(f"{judged}; {reveal}.", style=DIM_STYLE)
    return Text(f"Type the answer{'' if plain else ' and press Enter'}; {reveal}.", style=DIM_STYLE)


# --- feedback -----------------------------------------------------------------------------------

def grade_line(grade: Verdict) -> Text:
    """The verdict with what was expected (and, for choices and claims, what was given)."""
    if grade.verdict in ("skipped", "revealed"):
        line = Text(VERDICT_WORDS[grade.verdict], style="bold yellow" if grade.verdict == "revealed" else "bold")
        line.append("  The answer: ", LABEL_STYLE)
        line.append_text(safe(grade.expected, "bold"))
        return line
    explanation = grade.explanation if grade.rule not in ("judgement", "label") else ""
    line = verdict_line(grade.verdict, grade.expected, explanation)
    if grade.verdict != "correct" and grade.given:
        line.append("  You said: ", DIM_STYLE)
        line.append_text(safe(grade.given, DIM_STYLE))
    return line


def citation_text(deck: Deck, citation: Citation, *, plain: bool = False) -> Text:
    """A citation's title, outlet and date, then its paragraph with the quote highlighted."""
    context = quote_in_context(deck, citation)
    # On screen the answer's paragraph must fit: why a date was inferred is one key away,
    # at the top of the source viewer. Plain mode has the room, and no viewer.
    text = source_heading(context.source, date_basis=plain)
    text.append("\n  " if plain else "\n")
    before, quote, after = (printable(context.paragraph[: context.start]),
                            printable(context.paragraph[context.start : context.end]),
                            printable(context.paragraph[context.end :]))
    text.append(before)
    if plain:
        text.append(QUOTE_MARKS[0])
    text.append(quote, QUOTE_STYLE)
    if plain:
        text.append(QUOTE_MARKS[1])
    text.append(after)
    return text


def feedback_head(deck: Deck, question: Question, grade: Verdict) -> Text:
    """Verdict, the claim's explanation, the fact's statement, corroboration and any dispute."""
    parts = [grade_line(grade)]
    if question.type == "claim" and question.fact is not None:
        parts.append(Text("The claim: ", style=LABEL_STYLE).append_text(safe(f"“{question.claim}”", "italic")))
    if question.type == "claim" and grade.explanation:
        parts.append(safe(grade.explanation, "italic"))
    parts.append(Text(""))
    fact = question.fact
    if fact is None:
        # A "not in the sources" claim: no fact, only the claim and why it is unsourced.
        parts.append(safe(question.claim, "bold"))
        parts.append(Text(f"Not stated by any of the {len(deck.sources)} articles.", style=DIM_STYLE))
        return _lines(*parts)
    parts.append(safe(fact.statement, "bold"))
    parts.append(Text(deck.corroboration_label(fact).capitalize(), style=DIM_STYLE))
    if fact.disputed:
        parts.append(dispute_block(fact))
    return _lines(*parts)


def feedback(deck: Deck, question: Question, grade: Verdict, *, plain: bool = False) -> Text:
    """What follows an answer: the verdict, the statement, and every citation in its paragraph."""
    parts = [feedback_head(deck, question, grade)]
    for citation in question.fact.citations if question.fact else ():
        parts.extend([Text(""), citation_text(deck, citation, plain=plain)])
    return _lines(*parts)


# --- the end of a round -------------------------------------------------------------------------

def spec_line(spec: RoundSpec) -> Text:
    """The settings of a round in one line, seed included, so it can be replayed."""
    bits = [f"seed {spec.seed}", "types " + ",".join(spec.types)]
    if spec.tags:
        bits.append("tags " + ",".join(spec.tags))
    if spec.sources:
        bits.append("sources " + ",".join(spec.sources))
    if spec.only:
        bits.append("retrying the missed")
    return safe(" · ".join(bits), DIM_STYLE)


def _cited_sources(deck: Deck, fact: Fact | None) -> list[Text]:
    if fact is None:
        return [Text("    not in any source", style=DIM_STYLE)]
    return [Text("    ").append_text(safe(deck.sources[s].provenance_line(with_basis=False), DIM_STYLE))
            for s in fact.source_ids]


def summary(deck: Deck, result: RoundResult, *, planned: int | None = None) -> Text:
    """Score, time, per-topic results and the missed questions with their sources."""
    heading = Text(f"Score: {result.score}/{result.total}", style="bold")
    if result.close:  # close answers count as right; say how many, so the score hides no slip
        heading.append(f" ({result.close} close)", style="bold")
    heading.append(f"   Time: {format_seconds(result.elapsed)}")
    if planned is not None and planned > result.total:
        heading.append(f"   (stopped after {result.total} of {planned})", DIM_STYLE)
    parts = [heading, spec_line(result.round.spec)]
    if result.per_tag:
        parts.extend([Text(""), Text("By topic:", style=LABEL_STYLE)])
        width = max(len(tag) for tag in result.per_tag)
        for tag, (right, asked) in result.per_tag.items():
            parts.append(Text("  ").append_text(safe(tag.ljust(width))).append(f"  {right}/{asked}"))
    parts.append(Text(""))
    missed = result.missed
    if not missed:
        parts.append(Text("Nothing missed." if result.total else "No question was answered.", style="bold green"))
        return _lines(*parts)
    parts.append(Text(f"Missed ({len(missed)}):", style=LABEL_STYLE))
    for record in missed:
        parts.append(_missed_line(record))
        answer = Text("    Answer: ", LABEL_STYLE)
        answer.append_text(safe(record.grade.expected))
        parts.append(answer)
        parts.extend(_cited_sources(deck, record.question.fact))
    return _lines(*parts)


def _missed_line(record: QuestionResult) -> Text:
    question = record.question
    line = Text("  • ")
    line.append_text(safe(question.claim if question.type == "claim" else question.prompt))
    line.append(f"  [{VERDICT_WORDS[record.verdict].lower()}]", DIM_STYLE)
    return line
