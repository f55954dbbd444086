"""Rich renderables for facts and their provenance, shared by the CLI, the plain quiz and the TUI.

Deck text is data: everything from a deck goes into `rich.text.Text` (never
parsed as markup) after `printable()` has made terminal control characters
visible.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from tui.core.checking.money import answer_with_unit
from tui.core.deck.model import Citation, Deck, Fact, Source, format_iso_date
from tui.core.deck.provenance import QuoteInContext, quote_in_context
from tui.present.text import DIM_STYLE, LABEL_STYLE, QUOTE_STYLE, highlighted, safe

__all__ = [
    "DIM_STYLE", "LABEL_STYLE", "QUOTE_STYLE", "safe", "source_title_line", "title_and_outlet",
    "source_heading", "quote_in_paragraph", "citation_block", "verdict_line", "dispute_block",
    "fact_provenance", "fact_lines", "fact_summary", "fact_detail",
]


def source_title_line(source: Source) -> Text:
    """Title and outlet on one line (a group label in Browse)."""
    label = safe(source.title_label(), "bold")
    label.append("  ")
    label.append_text(safe(source.outlet_label(), DIM_STYLE))
    return label


def title_and_outlet(source: Source) -> Text:
    """Title, then the outlet on the next line (italic when the article names none)."""
    heading = safe(source.title_label(), "bold")
    heading.append("\n")
    heading.append_text(safe(source.outlet_label(), "" if source.outlet_known else "italic"))
    return heading


def source_heading(source: Source, *, date_basis: bool = True) -> Text:
    """Title, then outlet and date (with its precision) of a source.

    `date_basis=False` leaves out why an inferred date was inferred (it can run
    to a paragraph) and says only "(inferred)".
    """
    heading = title_and_outlet(source)
    heading.append(" · ", DIM_STYLE)
    if date_basis or source.date_precision != "inferred" or not source.date:
        heading.append_text(safe(source.date_label()))
    else:
        heading.append_text(safe(format_iso_date(source.date)))
        heading.append(" (inferred)", DIM_STYLE)
    return heading


def quote_in_paragraph(context: QuoteInContext, style: str = QUOTE_STYLE) -> Text:
    """The quote's paragraph with the quote itself highlighted."""
    return highlighted(context.paragraph, [(context.start, context.end)], style)


def citation_block(deck: Deck, citation: Citation, *, date_basis: bool = True) -> RenderableType:
    """One citation: its source's provenance, then the quote inside its paragraph."""
    context = quote_in_context(deck, citation)
    heading = source_heading(context.source, date_basis=date_basis)
    return Group(heading, Padding(quote_in_paragraph(context), (0, 0, 0, 2)))


def verdict_line(verdict: str, expected: str, explanation: str) -> Text:
    """'Correct', 'Close' or 'Incorrect', with what was expected."""
    styles = {"correct": "bold green", "close": "bold yellow", "incorrect": "bold red"}
    line = Text(verdict.capitalize(), style=styles.get(verdict, "bold"))
    if explanation:
        line.append(" — ")
        line.append_text(safe(explanation))
    if verdict != "correct" and expected and expected not in explanation:
        line.append("  Expected: ", LABEL_STYLE)
        line.append_text(safe(expected, "bold"))
    return line


def dispute_block(fact: Fact) -> Text:
    """"Disputed: " and what the articles disagree on."""
    dispute = Text("Disputed: ", style="bold magenta")
    dispute.append_text(safe(fact.dispute_note))
    return dispute


def fact_provenance(deck: Deck, fact: Fact) -> RenderableType:
    """Corroboration, any dispute note, and every citation in its paragraph."""
    parts: list[RenderableType] = [Text(deck.corroboration_label(fact).capitalize(), style=DIM_STYLE)]
    if fact.disputed:
        parts.append(dispute_block(fact))
    for citation in fact.citations:
        parts.append(Text(""))
        parts.append(citation_block(deck, citation))
    return Group(*parts)


def fact_lines(fact: Fact, *, show_answer: bool = True) -> list[Text]:
    """The fact itself, before its provenance: statement, answer (and accepted forms), tags, note."""
    lines: list[Text] = [safe(fact.statement, "bold")]
    if show_answer:
        answer = Text("Answer: ", style=LABEL_STYLE)
        answer.append_text(safe(answer_with_unit(fact.answer, fact.unit, fact.kind)))
        if fact.aliases:
            answer.append("  (also: ", DIM_STYLE)
            answer.append_text(safe(", ".join(fact.aliases), DIM_STYLE))
            answer.append(")", DIM_STYLE)
        lines.append(answer)
    for label, value in (("Tags: ", ", ".join(fact.tags)), ("Note: ", fact.note)):
        if value:
            line = Text(label, style=LABEL_STYLE)
            line.append_text(safe(value))
            lines.append(line)
    return lines


def fact_summary(deck: Deck, fact: Fact) -> Group:
    """Everything about a fact except its citations (the detail pane's top)."""
    lines: list[Text] = fact_lines(fact)
    corroboration = Text("Corroboration: ", style=LABEL_STYLE)
    corroboration.append(deck.corroboration_label(fact))
    lines.append(corroboration)
    if fact.disputed:
        lines.append(dispute_block(fact))
    return Group(*lines)


def fact_detail(deck: Deck, fact: Fact, *, show_answer: bool = True) -> RenderableType:
    """Statement, answer, tags, then the full provenance."""
    return Group(*fact_lines(fact, show_answer=show_answer), fact_provenance(deck, fact))
