"""Anki: an `.apkg` (genanki) and Anki's plain-text import format, one note per fact (or ask).

Every note has a stable GUID made from the deck title and the fact id, so importing
a fresh export updates the cards a learner already has instead of adding twins.
Anki fields are HTML: deck text is escaped, never passed as markup.
"""

from __future__ import annotations

import csv
import html
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tui.core.deck.model import Deck, Fact
from tui.core.quiz.questions import safe_questions

from .files import replace_into
from .questions import citation_line

# Fixed ids: Anki recognises the note type and the deck again on the next import.
MODEL_ID = 1_607_392_713
DECK_ID = 2_059_400_713
FIELDS = ("Question", "Answer", "Statement", "Sources", "FactId")


@dataclass(frozen=True, slots=True)
class Card:
    """One note's plain-text fields, before any HTML escaping."""

    guid: str
    fact_id: str
    question: str
    answer: str
    statement: str
    sources: str  # each quote with its provenance, one per line
    tags: tuple[str, ...]


def note_guid(deck: Deck, fact_id: str) -> str:
    """The note's GUID: the same fact in the same deck always gets the same one."""
    import genanki

    return genanki.guid_for("factdrill", deck.title, fact_id)


def cards(deck: Deck, facts: list[Fact]) -> list[Card]:
    """A card per fact that can be asked without giving its answer away."""
    made = []
    for fact in facts:
        questions = safe_questions(fact)
        if not questions:
            continue
        answer = fact.answer + (f" (also: {', '.join(fact.aliases)})" if fact.aliases else "")
        sources = "\n".join(citation_line(deck, c) for c in fact.citations)
        made.append(Card(note_guid(deck, fact.id), fact.id, questions[0], answer, fact.statement, sources,
                         tuple(tag.replace(" ", "_") for tag in fact.tags)))
    return made


def _html(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def to_apkg(deck: Deck, facts: list[Fact], path: Path) -> int:
    """Write an `.apkg` of the facts' cards to `path`; returns the number of notes."""
    import genanki

    model = genanki.Model(
        MODEL_ID, "factdrill fact", fields=[{"name": name} for name in FIELDS],
        templates=[{
            "name": "Question",
            "qfmt": "{{Question}}",
            "afmt": '{{FrontSide}}<hr id="answer"><b>{{Answer}}</b><p>{{Statement}}</p>'
                    '<p class="sources">{{Sources}}</p>',
        }],
        css=".card { font-family: sans-serif; } .sources { font-size: 0.85em; color: #555; }",
    )
    anki_deck = genanki.Deck(DECK_ID, deck.title or "factdrill")
    made = cards(deck, facts)
    for card in made:
        fields = [_html(card.question), _html(card.answer), _html(card.statement), _html(card.sources),
                  html.escape(card.fact_id)]
        anki_deck.add_note(genanki.Note(model=model, fields=fields, tags=list(card.tags), guid=card.guid))
    # Written beside the target and renamed into place: a failed export never leaves half a file.
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False) as tmp:
        temporary = Path(tmp.name)
    try:
        genanki.Package(anki_deck).write_to_file(str(temporary), timestamp=0)
        replace_into(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return len(made)


def anki_back(card: Card) -> str:
    """The back of a plain-text card: the answer, the statement, then each quote with its provenance."""
    return f"{card.answer}\n\n{card.statement}\n{card.sources}"


def to_anki_text(deck: Deck, facts: list[Fact]) -> str:
    """Anki's plain-text import (File > Import) for the stock Basic note type: GUID, front, back, tags.

    The header lines tell Anki the separator, that fields are plain text (not HTML), which
    column holds the GUID (so a re-import updates notes) and which the tags.
    """
    out = io.StringIO()
    title = (deck.title or "factdrill").splitlines()[0] if deck.title.strip() else "factdrill"
    out.write(f"#separator:tab\n#html:false\n#notetype:Basic\n#deck:{title}\n#guid column:1\n#tags column:4\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for card in cards(deck, facts):
        writer.writerow([card.guid, card.question, anki_back(card), " ".join(card.tags)])
    return out.getvalue()
