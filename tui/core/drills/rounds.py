"""From a drill file to the exact questions every pupil gets, and the hashes that identify both.

The same drill file and deck give every pupil the same questions, in the same
order, with the same options: the round is built from the drill's seed only.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from pathlib import Path

from tui.core.deck.files import deck_files
from tui.core.deck.loading import load_deck
from tui.core.deck.model import Deck
from tui.core.deck.schema import DeckProblems, Problem, Report
from tui.core.quiz.questions import QUESTION_TYPES, make_question, unsourced_question
from tui.core.quiz.rounds import Round, RoundSpec, build_round

from .loading import DrillProblems, in_file_order, load_drill, selection_problems
from .model import Drill


@dataclass(frozen=True)
class PreparedDrill:
    """A drill ready to take: the file, its verified deck, the round, and the deck's content hash."""

    drill: Drill
    deck: Deck
    round: Round
    deck_hash: str


def deck_hash(deck: Deck, paths: tuple[Path, ...]) -> str:
    """sha256 over the deck's TOML files and its sources' texts, by relative path: changes when any does."""
    digest = hashlib.sha256()
    files = deck_files(paths, Report())
    texts = {source.text_path for source in deck.sources.values()}
    for path in sorted(set(files) | texts):
        digest.update(path.name.encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"\1unreadable")
        digest.update(b"\0")
    return digest.hexdigest()


def drill_round(drill: Drill, deck: Deck) -> Round:
    """The questions of `drill`: its explicit list in order, else its selection shuffled by its seed."""
    if not drill.questions:
        select = drill.selection
        spec = RoundSpec(count=select.count, tags=select.tags, sources=select.sources,
                         types=tuple(select.types) or QUESTION_TYPES, seed=drill.seed, only=select.ids)
        return build_round(deck, spec)
    rng = random.Random(drill.seed)
    claims = {f"not-in-sources:{c.id}": c for c in deck.unsourced_claims}
    questions = []
    for item in drill.questions:
        if item.key in claims:
            questions.append(unsourced_question(claims[item.key]))
        else:
            fact = deck.asks_by_id[item.key]  # a fact's id, or an ask's
            questions.append(make_question(deck, fact, item.type, rng, item.judgement or "supported"))
    spec = RoundSpec(count=len(questions), types=tuple(dict.fromkeys(q.type for q in questions)),
                     seed=drill.seed, only=tuple(item.key for item in drill.questions))
    return Round(spec, tuple(questions))


def _against_deck(drill: Drill) -> list[Problem]:
    """The deck's problems, else the selection's against it."""
    try:
        deck = load_deck(drill.deck_paths)
    except DeckProblems as problems:
        return list(problems.problems)
    return selection_problems(drill, deck)


def prepare_drill(path: Path | str) -> PreparedDrill:
    """Load and check a drill and its deck, and build its round.

    Raises `DrillProblems` with every problem found: the drill file's, its deck's
    (with the deck's own file:line), the selection's against the deck, and a
    selection that gives fewer questions than its `count`.
    """
    try:
        drill = load_drill(path)
    except DrillProblems as problems:
        if problems.partial is None:
            raise
        # The file's own problems, and what its deck and selection would say too: all at once.
        found = problems.problems + _against_deck(problems.partial)
        raise DrillProblems(in_file_order(found, problems.partial.path)) from None
    try:
        deck = load_deck(drill.deck_paths)
    except DeckProblems as problems:
        raise DrillProblems(problems.problems) from None
    problems = selection_problems(drill, deck)
    if problems:
        raise DrillProblems(problems)
    round_ = drill_round(drill, deck)
    wanted = len(drill.questions) or drill.selection.count
    if len(round_) < wanted:
        from tui.core.deck.tomlpos import FileLines

        line = FileLines(drill.path, drill.path.read_text(encoding="utf-8-sig")).top_level_entry("select")
        report = Report()
        report.add(drill.path, line.key_line("count"),
                   f"[select]: the deck has only {len(round_)} question(s) for this selection; 'count' asks {wanted}")
        raise DrillProblems(report.problems)
    return PreparedDrill(drill, deck, round_, deck_hash(deck, drill.deck_paths))
