"""Deck-wide declarations in the deck format: [[entities]] (parties), [deck] date_order, and a
fact's `ordered` flag — loaded onto the Deck, and every mistake reported as file:line."""

from __future__ import annotations

import subprocess
import sys

from test_loading import FACT, SOURCE, line_of, make_deck, problems_of

from tui.core.checking.checker import AnswerChecker
from tui.core.deck.loading import load_deck
from tui.core.deck.paths import bundled_deck_path

ENTITIES = """\
[[entities]]
id = "russia"
forms = ["Russia", "Russian", "Moscow", "the Kremlin"]

[[entities]]
id = "ukraine"
forms = ["Ukraine", "Ukrainian", "Kyiv"]
"""


def test_entities_date_order_and_ordered_load_onto_the_deck(tmp_path):
    body = '[deck]\ntitle = "t"\ndate_order = "MDY"\n\n' + ENTITIES + SOURCE + FACT + "\n" + FACT.replace(
        'id = "drones"', 'id = "vote"').replace('answer = "472"', 'answer = "7 to 2"\nordered = true').replace(
        'kind = "number"', 'kind = "text"')
    deck = load_deck([make_deck(tmp_path, body)])
    assert deck.date_order == "MDY"
    assert [(e.id, e.forms[0]) for e in deck.entities] == [("russia", "Russia"), ("ukraine", "Ukraine")]
    assert deck.fact("vote").ordered and not deck.fact("drones").ordered
    checker = AnswerChecker(deck)
    assert checker.check(deck.fact("vote"), "2 to 7").rule == "order"


def test_entities_may_live_in_a_file_of_their_own(tmp_path):
    make_deck(tmp_path, SOURCE + FACT)
    (tmp_path / "entities.toml").write_text(ENTITIES, encoding="utf-8")
    assert [e.id for e in load_deck([tmp_path]).entities] == ["russia", "ukraine"]


def test_bad_entities_are_one_line_each_with_their_lines(tmp_path):
    body = SOURCE + FACT + """
[[entities]]
id = "Russia!"
forms = ["Russia"]

[[entities]]
id = "ukraine"
forms = []

[[entities]]
id = "kremlin"
forms = ["the Kremlin", "Moscow"]
colour = "red"

[[entities]]
id = "moscow"
forms = ["moscow"]
"""
    deck_file = make_deck(tmp_path, body)
    # The 'kremlin' table is refused for its unknown key, so 'moscow' is free for another entity.
    assert problems_of(deck_file) == [
        f"{deck_file}:{line_of(deck_file, 'Russia!')}: entity 'Russia!': id must be a lowercase slug (a-z, 0-9, -)",
        f"{deck_file}:{line_of(deck_file, 'forms = []')}: entity 'ukraine': needs at least one form",
        f"{deck_file}:{line_of(deck_file, 'colour')}: entity 'kremlin': unknown key 'colour' (known keys: forms, id, note, places)",
    ]


def test_a_form_may_name_only_one_entity(tmp_path):
    body = SOURCE + FACT + ENTITIES + '\n[[entities]]\nid = "capital"\nforms = ["KYIV"]\n'
    deck_file = make_deck(tmp_path, body)
    line = line_of(deck_file, '["KYIV"]')
    assert problems_of(deck_file) == [f"{deck_file}:{line}: entity 'capital': form 'KYIV' already names entity 'ukraine'"]


def test_a_place_lies_in_one_entity_and_is_no_entity_s_form(tmp_path):
    body = SOURCE + FACT + ENTITIES.replace('forms = ["Russia", "Russian", "Moscow", "the Kremlin"]',
                                            'forms = ["Russia", "Russian", "Moscow", "the Kremlin"]\nplaces = ["Siberia"]') + """
[[entities]]
id = "elsewhere"
forms = ["Elsewhere"]
places = ["SIBERIA", "Kyiv", "?!"]
"""
    deck_file = make_deck(tmp_path, body)
    line = line_of(deck_file, '["SIBERIA"')
    assert problems_of(deck_file) == [
        f"{deck_file}:{line}: entity 'elsewhere': place 'SIBERIA' already lies in entity 'russia'",
        f"{deck_file}:{line}: entity 'elsewhere': place 'Kyiv' is a form of entity 'ukraine', not a place in it",
        f"{deck_file}:{line}: entity 'elsewhere': place '?!' has no letter or digit",
    ]


def test_a_declared_place_is_judged_with_its_country(tmp_path):
    body = SOURCE + FACT + ENTITIES.replace('forms = ["Russia", "Russian", "Moscow", "the Kremlin"]',
                                            'forms = ["Russia", "Russian", "Moscow", "the Kremlin"]\nplaces = ["Siberia"]') + """
[[facts]]
id = "bombers"
statement = "Ukraine attacked Russian bombers in Siberia."
questions = ["Where were the bombers Ukraine attacked?"]
answer = "Siberia"
kind = "place"

[[facts.citations]]
source = "wire"
quote = "a record 472 drones against Ukraine in a single night"
"""
    deck = load_deck([make_deck(tmp_path, body)])
    assert deck.entities[0].places == ("Siberia",)
    checker = AnswerChecker(deck)
    fact = deck.fact("bombers")
    assert checker.check(fact, "Siberia, Russia").verdict == "correct"
    judged = checker.check(fact, "Siberia in Ukraine")
    assert (judged.verdict, judged.rule) == ("incorrect", "party")
    assert "Siberia is in Russia, not Ukraine" in judged.explanation


def test_date_order_must_be_one_of_three_and_agree_across_files(tmp_path):
    bad = make_deck(tmp_path, '[deck]\ndate_order = "DDMM"\n' + SOURCE + FACT)
    assert problems_of(bad) == [f"{bad}:2: [deck]: date_order must be one of DMY, MDY, YMD"]
    make_deck(tmp_path, '[deck]\ndate_order = "DMY"\n' + SOURCE + FACT)
    (tmp_path / "more.toml").write_text('[deck]\ndate_order = "MDY"\n', encoding="utf-8")
    assert problems_of(tmp_path) == [f"{tmp_path / 'more.toml'}:2: [deck]: date_order 'MDY' differs from 'DMY' set in another file"]


def test_validate_reports_a_bad_declaration_and_fails(tmp_path):
    deck_file = make_deck(tmp_path, '[deck]\ndate_order = "guess"\n' + SOURCE + FACT)
    result = subprocess.run([sys.executable, "-m", "tui", "validate", str(deck_file)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert "date_order must be one of DMY, MDY, YMD" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_the_bundled_deck_declares_its_parties_and_date_order():
    deck = load_deck([bundled_deck_path()])
    assert deck.date_order == "DMY"
    forms = {e.id: e.forms for e in deck.entities}
    assert {"russia", "ukraine", "united-states"} <= forms.keys()
    assert "the Kremlin" in forms["russia"] and "Kyiv" in forms["ukraine"] and "Washington" in forms["united-states"]
