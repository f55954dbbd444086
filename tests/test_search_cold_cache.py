"""`factdrill search` on a deck not cached yet answers from the facts its query can match, then leaves
storing the deck and indexing all of it to a detached process: the same answer either way, and a cache
that is filled behind it (see tui/cli/background.py, tui/core/search/partial.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.core.deck.cache import DeckCache
from tui.core.deck.loading import load_deck
from tui.core.deck.paths import bundled_deck_path
from tui.core.session import DeckSession

ROOT = Path(__file__).resolve().parent.parent


def factdrill(cache_dir: Path, *arguments: str, detach: bool = True) -> str:
    env = {**os.environ, "FACTDRILL_CACHE_DIR": str(cache_dir)}
    env.pop("FACTDRILL_DETACH", None)
    if not detach:
        env["FACTDRILL_DETACH"] = "0"
    result = subprocess.run([sys.executable, "-m", "tui", *arguments], capture_output=True, text=True,
                            cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def cache_files(cache_dir: Path) -> set[str]:
    return {path.suffix for path in cache_dir.glob("*")} if cache_dir.is_dir() else set()


def wait_for_filled_cache(cache_dir: Path, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while cache_files(cache_dir) != {".deck", ".index"}:
        assert time.monotonic() < deadline, f"the cache was not filled behind the search: {cache_files(cache_dir)}"
        time.sleep(0.05)


@pytest.mark.parametrize("query", ["drones", "tag:drones kyiv", "dronse"])  # partial, filtered, a typo
def test_a_cold_search_answers_as_a_warm_one_and_fills_the_cache_behind_it(tmp_path, query):
    expected = factdrill(tmp_path / "unused", "search", query, "--json", "--no-cache")
    cold = factdrill(tmp_path / "cache", "search", query, "--json")
    assert cold == expected
    wait_for_filled_cache(tmp_path / "cache")
    assert factdrill(tmp_path / "cache", "search", query, "--json") == expected  # warm: deck and index read back
    assert factdrill(tmp_path / "cache", "search", query) == factdrill(tmp_path / "x", "search", query, "--no-cache")


def test_without_detaching_the_cache_is_filled_before_the_command_returns(tmp_path):
    factdrill(tmp_path, "search", "drones", "--limit", "1", detach=False)
    assert cache_files(tmp_path) == {".deck", ".index"}


def test_no_cache_leaves_nothing_behind(tmp_path):
    factdrill(tmp_path / "cache", "search", "drones", "--no-cache")
    time.sleep(0.5)  # nothing was started that could write later
    assert not (tmp_path / "cache").exists()


def test_a_session_defers_the_deck_until_complete_cache_and_then_holds_the_whole_index(tmp_path):
    paths = [bundled_deck_path()]
    cache = DeckCache(tmp_path, defer_writes=True)
    session = DeckSession(load_deck(paths, cache=cache), cache=cache)
    assert cache_files(tmp_path) == set()  # nothing written before the answer
    partial = session.search_index_for("drones")
    assert 0 < len(partial.facts) < len(session.deck.facts)
    assert session.cache_incomplete
    session.complete_cache()
    assert cache_files(tmp_path) == {".deck", ".index"}
    assert not session.cache_incomplete

    again = DeckCache(tmp_path)
    warm = DeckSession(load_deck(paths, cache=again), cache=again)
    whole = warm.search_index_for("drones")
    assert len(whole.facts) == len(warm.deck.facts)  # the stored index, not another partial one
    assert not warm.cache_incomplete
    assert [(h.fact.id, h.score) for h in whole.search("drones")] == \
           [(h.fact.id, h.score) for h in partial.search("drones")]
