"""What keeps the TUI responsive on a large deck, tried on a small one with the thresholds lowered."""

from __future__ import annotations

import tui.app.widgets.fact_tree as fact_tree
from tui.app.messages import GoToFact
from tui.core.checking import checker as checker_module
from tui.app.screens.browse import BrowseScreen
from tui.app.widgets.fact_tree import FactTree


async def test_a_large_deck_opens_with_one_group_and_fills_the_others_when_opened(make_app, wait_for,
                                                                                monkeypatch):
    monkeypatch.setattr(fact_tree, "EXPAND_ALL_UP_TO", 1)
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen), "browse")
        tree = app.screen.query_one(FactTree)
        first, *others = [b for b in tree.root.children if str(b.label).split()[0] != "untagged"]
        assert first.is_expanded and first.children
        assert all(not b.is_expanded and not b.children for b in others)
        assert tree.current_fact_id == first.children[0].data

        later = others[-1]
        later.expand()
        await wait_for(pilot, lambda: len(later.children) > 0, "the opened group's facts")
        shown = {leaf.data for leaf in later.children}
        expected = {f.id for f in app.session.deck.facts if str(later.label).split()[0] in f.tags}
        assert shown == expected


async def test_going_to_a_fact_in_a_group_never_opened_finds_it(make_app, wait_for, monkeypatch):
    monkeypatch.setattr(fact_tree, "EXPAND_ALL_UP_TO", 1)
    app = make_app("browse")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, BrowseScreen), "browse")
        tree = app.screen.query_one(FactTree)
        hidden = next(f.id for f in app.session.deck.facts if f.id not in {l.data for l in tree._leaves()})

        app.post_message(GoToFact(hidden))

        await wait_for(pilot, lambda: tree.current_fact_id == hidden, "the fact under the cursor")


async def test_the_quiz_prepares_the_checker_while_the_setup_form_is_read(make_app, wait_for, monkeypatch):
    built = []
    real_checker = checker_module.AnswerChecker

    def recording_checker(deck):
        built.append(deck)
        return real_checker(deck)

    monkeypatch.setattr(checker_module, "AnswerChecker", recording_checker)
    app = make_app("quiz")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: getattr(app.screen, "state", "") == "setup", "the setup form")
        await app.workers.wait_for_complete()
        assert built == [app.session.deck]  # built once, before any round asked for it
        assert app.session.checker is not None and built == [app.session.deck]
