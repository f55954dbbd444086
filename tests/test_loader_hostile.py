"""Hostile files and folders: every one becomes a `file:line` problem, never a traceback or a hang.

Also: the quote search is linear (checked against the obvious quadratic search on
random texts), and source texts have a size limit.
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest

from tui.core.deck import source_text
from tui.core.deck.loading import DeckProblems, load_deck
from tui.core.deck.quotes import _in_word, find_words

DATA = Path(__file__).parent / "data"
QUIZDECK = DATA / "quizdeck"


def problems_of(*paths: Path) -> list[str]:
    with pytest.raises(DeckProblems) as raised:
        load_deck(list(paths))
    return [str(p) for p in raised.value.problems]


@pytest.fixture
def deck_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "deck"
    shutil.copytree(QUIZDECK, folder)
    return folder


@pytest.mark.parametrize("name", ["arrays.toml", "dotted.toml", "inline.toml"])
def test_nesting_past_the_parser_limits_is_a_problem(name: str) -> None:
    [problem] = problems_of(DATA / "hostile_crashes" / name)
    assert f"{name}:1: TOML nested too deeply" in problem


def test_a_source_text_name_too_long_for_the_file_system_is_a_problem() -> None:
    [problem] = problems_of(DATA / "hostile_crashes" / "long_text.toml")
    assert "long_text.toml:9: source 'long-text': cannot read source text" in problem
    assert "too long" in problem.lower()


def test_a_symlink_leading_outside_the_deck_folder_is_refused(deck_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.toml"
    outside.write_text('[deck]\ntitle = "not mine"\n', encoding="utf-8")
    (deck_copy / "linked.toml").symlink_to(outside)
    (deck_copy / "zero.toml").symlink_to("/dev/zero")
    (deck_copy / "random.toml").symlink_to("/dev/urandom")
    (deck_copy / "away").symlink_to(tmp_path, target_is_directory=True)
    problems = problems_of(deck_copy)
    for name in ("linked.toml", "zero.toml", "random.toml"):
        assert any(f"{name}:1: symlink leads outside the deck folder" in p for p in problems), problems
    assert any("away:1: symlinked folder leads outside the deck folder" in p for p in problems)


def test_special_files_in_a_deck_folder_are_refused_not_skipped(deck_copy: Path) -> None:
    os.mkfifo(deck_copy / "pipe.toml")
    (deck_copy / "dangling.toml").symlink_to(deck_copy / "nothing-here")
    problems = problems_of(deck_copy)
    assert any("pipe.toml:1: not a regular file" in p for p in problems), problems
    assert any("dangling.toml:1: cannot read deck file" in p for p in problems), problems


def test_a_symlink_inside_the_folder_is_used(deck_copy: Path) -> None:
    (deck_copy / "deck.toml").rename(deck_copy / "real.toml.txt")
    (deck_copy / "deck.toml").symlink_to(deck_copy / "real.toml.txt")
    assert load_deck([deck_copy]).title == "Quiz test deck"


def test_a_device_named_as_a_deck_is_refused() -> None:
    [problem] = problems_of(Path("/dev/zero"))
    assert "/dev/zero:1: not a regular file or folder" in problem


def test_a_source_text_over_the_size_limit_is_refused(deck_copy: Path, monkeypatch) -> None:
    monkeypatch.setattr(source_text, "MAX_SOURCE_BYTES", 100)
    problems = problems_of(deck_copy)
    assert any("the limit is 0 MiB per source text" in p and "deck.toml:" in p for p in problems), problems


def naive_find_words(text: str, needle: str) -> int:
    at = text.find(needle)
    check_start, check_end = _in_word(needle[0]), _in_word(needle[-1])
    while at >= 0:
        end = at + len(needle)
        if not (check_start and at > 0 and _in_word(text[at - 1])) and not (
                check_end and end < len(text) and _in_word(text[end])):
            return at
        at = text.find(needle, at + 1)
    return -1


def test_the_linear_word_search_finds_what_the_quadratic_one_finds() -> None:
    rng = random.Random(15)
    for _ in range(20_000):
        alphabet = rng.choice(["ab ", "a ", "ab", "a", "aab ", "a b-", "é e\u0301 "])
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        needle = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))
        assert find_words(text, needle) == naive_find_words(text, needle), (text, needle)
