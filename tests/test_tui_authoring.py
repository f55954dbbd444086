"""Writing facts from the TUI: a fact from a sentence of the source viewer, and reviewing drafts.

The deck is made from the invented article in tests/data/authoring, with the same core the
commands use, in a scratch folder; every write must keep the files' comments.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli

from tui.app.app import FactdrillApp
from tui.app.messages import OpenSource
from tui.app.screens.drafts import DraftsScreen
from tui.app.screens.fact_form import FactForm
from tui.app.screens.source import SourceScreen
from tui.core.authoring.drafting import draft_facts
from tui.core.authoring.edits import write_drafts
from tui.core.authoring.importing import add_source, read_article
from tui.core.authoring.writing import new_deck
from tui.core.deck.loading import load_deck

ARTICLE = Path(__file__).parent / "data" / "authoring" / "harbour-bridge.txt"
FACTS = '''# Facts about the bridge, written by hand.
# This comment must survive every write.

[[facts]]
id = "bridge-cost"
statement = "The bridge will cost $48m."  # the headline figure
questions = ["How much will the Marrowby harbour bridge cost?"]
answer = "$48m"
kind = "money"

[[facts.citations]]
source = "bridge"
quote = "The bridge will cost $48m"
'''


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    deck = tmp_path / "bridge-deck"
    new_deck(deck, "Bridge")
    add_source(deck, read_article(ARTICLE.name, ARTICLE.read_bytes()), "bridge")
    (deck / "bridge.toml").write_text(FACTS, encoding="utf-8")
    return deck


async def test_a_new_fact_from_a_sentence_of_the_source_viewer_keeps_the_files_comments(folder, wait_for):
    app = FactdrillApp(load_deck([folder]), mode="browse", deck_folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        app.post_message(OpenSource("bridge"))
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen), "the source viewer")
        await pilot.press("j")  # the cursor starts on the sentence of the current quote ...
        await pilot.press("j")  # ... and moves on to the next one: Mayor Tomas Brandt said ...
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, FactForm), "the fact form")
        form = app.screen
        prefilled = form.values()
        assert prefilled["citations"] == [{"source": "bridge", "quote": 'Mayor Tomas Brandt said the vote was '
                                           '"the most important decision this council has made in a generation".'}]
        assert prefilled["answer"] == "Tomas Brandt" and prefilled["kind"] == "name"
        assert "Tomas Brandt" not in prefilled["questions"][0]
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen), "the source viewer again")
        await wait_for(pilot, lambda: len(app.session.deck.facts) == 2, "the reloaded deck")
    written = (folder / "bridge.toml").read_text(encoding="utf-8")
    assert written.startswith(FACTS)  # every byte, comments included, as it was
    added = tomli.loads(written)["facts"][1]
    assert added["answer"] == "Tomas Brandt" and "draft" not in added
    assert app.session.deck.fact(added["id"]).citations[0].source_id == "bridge"


@pytest.mark.parametrize("size", [(120, 40), (100, 30)])
async def test_the_form_shows_a_problem_and_writes_nothing(folder, wait_for, size):
    app = FactdrillApp(load_deck([folder]), mode="browse", deck_folder=folder)
    async with app.run_test(size=size) as pilot:
        app.post_message(OpenSource("bridge"))
        await wait_for(pilot, lambda: isinstance(app.screen, SourceScreen), "the source viewer")
        await pilot.press("j", "a")
        await wait_for(pilot, lambda: isinstance(app.screen, FactForm), "the fact form")
        answer = app.screen.query_one("#fact-form-answer")
        answer.value = ""
        await pilot.press("ctrl+s")
        problems = app.screen.query_one("#fact-form-problems")
        await wait_for(pilot, lambda: "answer is empty" in str(problems.render()), "the problem")
        await pilot.pause()
        assert isinstance(app.screen, FactForm)
        # On screen, even when the form is taller than the terminal (it sits below the fields).
        shown, _ = app.screen.get_widget_at(problems.region.x + 1, problems.region.y)
        assert shown is problems and 0 <= problems.region.y < size[1]
    assert (folder / "bridge.toml").read_text(encoding="utf-8") == FACTS


async def test_drafts_are_accepted_and_dropped_with_one_key(folder, wait_for):
    source = load_deck([folder]).sources["bridge"]
    drafts = draft_facts("bridge", source.text, frozenset({"bridge-cost"}))
    path, count = write_drafts(folder, "bridge", drafts)
    assert path == folder / "bridge.toml"  # the source's own facts file, the hand-written one here
    assert path.read_text(encoding="utf-8").startswith(FACTS)
    app = FactdrillApp(load_deck([folder]), mode="drafts", deck_folder=folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, DraftsScreen), "the drafts screen")
        first, second = app.session.deck.drafts[0].id, app.session.deck.drafts[1].id
        await pilot.press("a")
        await wait_for(pilot, lambda: first in app.session.deck.facts_by_id, "the accepted fact")
        await pilot.press("x")
        await wait_for(pilot, lambda: len(app.session.deck.drafts) == count - 2, "the dropped draft")
        assert second not in {d.id for d in app.session.deck.drafts}
        assert isinstance(app.screen, DraftsScreen)
    after = path.read_text(encoding="utf-8")
    assert after.startswith(FACTS)
    tables = {t["id"]: t for t in tomli.loads(after)["facts"]}
    assert "draft" not in tables[first] and second not in tables


def test_the_drafts_screen_shows_a_draft_in_full_with_its_quote_in_its_paragraph(snap_compare, folder):
    source = load_deck([folder]).sources["bridge"]
    write_drafts(folder, "bridge", draft_facts("bridge", source.text, frozenset({"bridge-cost"}))[:6])

    async def second_draft(pilot):
        await pilot.pause()
        await pilot.press("down")
        await pilot.pause()

    app = FactdrillApp(load_deck([folder]), mode="drafts", deck_folder=folder)
    assert snap_compare(app, run_before=second_draft, terminal_size=(100, 30))

