"""The verdict panel of a checked claim, one renderable for `factdrill check` and the TUI's Search.

Label and confidence, the one-line reason, then each deciding fact with its quotes
highlighted in their paragraphs and their outlet, title and date. Deck text goes
through `safe()`: it is data, never markup.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from tui.core.deck.model import Deck
from tui.core.factcheck.verdict import DISPUTED, NOT_IN_SOURCES, REFUTED, REFUTES, SIDE, SUPPORTED, ClaimVerdict
from tui.present.facts import citation_block, dispute_block
from tui.present.text import DIM_STYLE, LABEL_STYLE, safe

LABEL_STYLES = {SUPPORTED: "bold green", REFUTED: "bold red", NOT_IN_SOURCES: "bold yellow", DISPUTED: "bold magenta"}
_ROLE_TEXT = {REFUTES: "Refuted by", SIDE: "Disputed", "supports": "Supported by"}


def verdict_heading(verdict: ClaimVerdict) -> Text:
    """'Refuted · clear' with the label in its colour."""
    heading = Text(verdict.label_text, style=LABEL_STYLES[verdict.label])
    heading.append(f" · {verdict.confidence}", DIM_STYLE)
    return heading


def reason_line(verdict: ClaimVerdict) -> Text:
    """The one line naming what decided the verdict ("427 ≠ 472 (article 003)")."""
    return safe(verdict.reason)


def evidence_blocks(deck: Deck, verdict: ClaimVerdict) -> list[RenderableType]:
    """Each deciding fact: how it bears, its statement and id, then its citations in context."""
    blocks: list[RenderableType] = []
    for item in verdict.evidence:
        line = Text(f"{_ROLE_TEXT.get(item.role, item.role)}: ", style=LABEL_STYLE)
        line.append_text(safe(item.fact.statement))
        line.append("  ")
        line.append_text(safe(item.fact.id, "cyan"))
        blocks.append(line)
        if item.role == SIDE and item.fact.dispute_note:
            blocks.append(Padding(dispute_block(item.fact), (0, 0, 0, 2)))
        for citation in item.citations:
            blocks.append(Padding(citation_block(deck, citation, date_basis=False), (0, 0, 0, 2)))
    return blocks


def verdict_panel(deck: Deck, verdict: ClaimVerdict) -> Panel:
    """The whole verdict in a bordered panel titled with the label."""
    parts: list[RenderableType] = [reason_line(verdict)]
    if verdict.note:
        parts.append(safe(verdict.note, DIM_STYLE))
    evidence = evidence_blocks(deck, verdict)
    if evidence:
        parts.append(Text(""))
        parts.extend(evidence)
    return Panel(Group(*parts), title=verdict_heading(verdict), title_align="left",
                 border_style=LABEL_STYLES[verdict.label].split()[-1])


def claim_line(verdict: ClaimVerdict) -> Text:
    """'Claim: …' as the reader typed it (shown safely)."""
    line = Text("Claim: ", style=LABEL_STYLE)
    line.append_text(safe(verdict.claim))
    return line
