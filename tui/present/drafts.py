"""A draft as a person reviews it: in full, what accepting it does, and its quote in its paragraph."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.text import Text

from tui.core.deck.model import Deck, Fact
from tui.core.deck.provenance import quote_in_context
from tui.present.facts import quote_in_paragraph
from tui.present.text import DIM_STYLE, LABEL_STYLE, safe


def proposal_line(deck: Deck, draft: Fact) -> Text:
    """What accepting the draft does."""
    relation, target = deck.draft_links.get(draft.id, ("", ""))
    if relation == "corroborates":
        line = Text("Accepting adds this quote as one more citation of: ", style=LABEL_STYLE)
    elif relation == "disputes":
        line = Text("Accepting marks this fact disputed, with this quote as the other side: ", style=LABEL_STYLE)
    else:
        return Text("Accepting makes it a fact of the deck.", style=LABEL_STYLE)
    line.append_text(safe(deck.fact(target).statement))
    return line


def draft_quote(deck: Deck, draft: Fact) -> Text:
    """The paragraph the draft's quote stands in, the quote highlighted (as a fact's citation is)."""
    return quote_in_paragraph(quote_in_context(deck, draft.citations[0]))


def draft_detail(deck: Deck, draft: Fact) -> Group:
    rows: list[Any] = [safe(draft.statement, "bold")]
    for question in draft.questions:
        rows.append(Text.assemble(("Q  ", LABEL_STYLE), safe(question)))
    answer = Text.assemble(("A  ", LABEL_STYLE), safe(draft.answer, "bold"), (f"  ({draft.kind})", DIM_STYLE))
    rows.append(answer)
    if draft.aliases:
        rows.append(Text.assemble(("also accepted: ", DIM_STYLE), safe(", ".join(draft.aliases))))
    if draft.tags:
        rows.append(Text.assemble(("tags: ", DIM_STYLE), safe(", ".join(draft.tags))))
    rows += [Text(""), proposal_line(deck, draft), Text(""), draft_quote(deck, draft)]
    return Group(*rows)
