"""The deck cache: a warm load gives the same deck, and any change, damage or problem falls back to a full load."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.deck.cache import DeckCache
from tui.core.deck.loading import DeckProblems, load_deck
from tui.core.search.index import SearchIndex
from tui.core.session import DeckSession

DATA = Path(__file__).parent / "data"
FACTDRILL = Path(sys.executable).parent / "factdrill"
QUOTE = "a record 472 drones"


@pytest.fixture
def deck_dir(tmp_path: Path) -> Path:
    """A copy of the snapshot deck, to edit."""
    copy = tmp_path / "deck"
    shutil.copytree(DATA / "snapdeck", copy)
    return copy


@pytest.fixture
def cache(tmp_path: Path) -> DeckCache:
    return DeckCache(tmp_path / "cache")


def _facts_file(deck_dir: Path) -> Path:
    return next(path for path in sorted(deck_dir.rglob("*.toml")) if "[[facts]]" in path.read_text())


def _a_cited_quote(deck_dir: Path) -> tuple[Path, str]:
    deck = load_deck([deck_dir])
    citation = deck.facts[0].citations[0]
    return deck.facts[0].location.path, citation.quote


def _as_data(deck) -> list:
    return [(f, f.location.line, [c.location.line for c in f.citations]) for f in deck.facts] + [
        (s, s.location.line) for s in deck.sources.values()] + [(c, c.location.line) for c in deck.unsourced_claims]


def test_a_warm_load_gives_the_same_deck_down_to_every_line(deck_dir, cache):
    cold = load_deck([deck_dir], cache=cache)
    assert cache.load([deck_dir]) is not None  # stored
    warm = load_deck([deck_dir], cache=cache)
    assert warm.title == cold.title and len(warm.facts) == len(cold.facts)
    assert _as_data(warm) == _as_data(load_deck([deck_dir]))


def test_a_quote_edited_between_two_runs_is_verified_again(deck_dir, cache):
    load_deck([deck_dir], cache=cache)
    path, quote = _a_cited_quote(deck_dir)
    broken = quote[:-1] + ("X" if quote[-1] != "X" else "Y")  # same length, same second
    path.write_text(path.read_text().replace(quote, broken))
    with pytest.raises(DeckProblems) as problems:
        load_deck([deck_dir], cache=cache)
    assert any("quote not found" in str(problem) for problem in problems.value.problems)
    # ...and stays reported however often it is loaded: a deck with problems is never stored.
    with pytest.raises(DeckProblems):
        load_deck([deck_dir], cache=cache)


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(deck_dir, cache):
    load_deck([deck_dir], cache=cache)
    path, quote = _a_cited_quote(deck_dir)
    before = path.stat()
    path.write_text(path.read_text().replace(quote, quote[:-1] + ("X" if quote[-1] != "X" else "Y")))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `cp -p` or `touch -d` would
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    with pytest.raises(DeckProblems):
        load_deck([deck_dir], cache=cache)


def test_an_edited_source_text_is_verified_again(deck_dir, cache):
    deck = load_deck([deck_dir], cache=cache)
    citation = deck.facts[0].citations[0]
    text_path = deck.sources[citation.source_id].text_path
    text_path.write_text(text_path.read_text().replace(citation.quote.split()[0], "Zzzz"))
    with pytest.raises(DeckProblems):
        load_deck([deck_dir], cache=cache)


def test_a_file_added_to_the_deck_folder_is_loaded(deck_dir, cache):
    load_deck([deck_dir], cache=cache)
    (deck_dir / "zz-extra.toml").write_text('[[not_in_sources]]\nid = "extra-claim"\nclaim = "Something."\n')
    deck = load_deck([deck_dir], cache=cache)
    assert "extra-claim" in [claim.id for claim in deck.unsourced_claims]


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_damaged_cache_entry_falls_back_to_a_full_load_and_is_rewritten(deck_dir, cache, damage):
    expected = _as_data(load_deck([deck_dir], cache=cache))
    (entry,) = cache.directory.glob("*.deck")
    data = entry.read_bytes()
    damaged = {"truncate": data[: len(data) // 2], "garbage": b"\x00garbage" * 100, "empty": b"",
               "flip": data[:-100] + bytes([data[-100] ^ 0xFF]) + data[-99:]}[damage]
    entry.write_bytes(damaged)
    assert cache.load([deck_dir]) is None
    assert _as_data(load_deck([deck_dir], cache=cache)) == expected
    assert cache.load([deck_dir]) is not None  # written again


def test_the_search_index_comes_back_from_the_cache_with_the_same_results(deck_dir, cache):
    built = SearchIndex(load_deck([deck_dir]))
    session = DeckSession(load_deck([deck_dir], cache=cache), cache=cache)
    session.search_index  # built, and stored
    state = DeckCache(cache.directory)
    warm_deck = load_deck([deck_dir], cache=state)
    assert state.index_state(warm_deck) is not None
    restored = DeckSession(warm_deck, cache=state).search_index
    for query in ("drones", "kyiv d", "tag:drones", "The Kremlin deployed 472 drones overnight", "dronez"):
        assert [(h.fact.id, h.score, h.matched_terms) for h in restored.search(query, 10)] == [
            (h.fact.id, h.score, h.matched_terms) for h in built.search(query, 10)], query


def _run(*args: str, cache_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, FACTDRILL_CACHE_DIR=str(cache_dir))
    return subprocess.run([str(FACTDRILL), *args], capture_output=True, text=True, env=env, timeout=120)


def test_no_cache_writes_nothing_and_cache_clear_empties_the_cache(deck_dir, tmp_path):
    cache_dir = tmp_path / "cli-cache"
    assert _run("--deck", str(deck_dir), "--no-cache", "validate", cache_dir=cache_dir).returncode == 0
    assert not list(cache_dir.glob("*.deck"))
    first = _run("--deck", str(deck_dir), "search", "drones", "--json", cache_dir=cache_dir)
    assert first.returncode == 0 and list(cache_dir.glob("*.deck")) and list(cache_dir.glob("*.index"))
    warm = _run("--deck", str(deck_dir), "search", "drones", "--json", cache_dir=cache_dir)
    assert warm.stdout == first.stdout
    cleared = _run("cache", "clear", cache_dir=cache_dir)
    assert cleared.returncode == 0 and "removed" in cleared.stdout
    assert not list(cache_dir.glob("*.deck")) and not list(cache_dir.glob("*.index"))


def test_a_problem_is_reported_the_same_with_a_warm_cache(deck_dir, tmp_path):
    cache_dir = tmp_path / "cli-cache"
    assert _run("--deck", str(deck_dir), "validate", cache_dir=cache_dir).returncode == 0
    path, quote = _a_cited_quote(deck_dir)
    path.write_text(path.read_text().replace(quote, quote + " and more"))
    cold = _run("--deck", str(deck_dir), "--no-cache", "validate", cache_dir=cache_dir)
    warm = _run("--deck", str(deck_dir), "validate", cache_dir=cache_dir)
    assert warm.returncode == cold.returncode == 1
    assert warm.stdout + warm.stderr == cold.stdout + cold.stderr
    assert "quote not found" in warm.stdout + warm.stderr


def test_a_symlinked_source_text_pointed_elsewhere_is_verified_again(deck_dir, cache):
    deck = load_deck([deck_dir])
    source = next(iter(deck.sources.values()))
    real = source.text_path
    original = real.with_name("original.txt")
    real.rename(original)
    real.symlink_to(original.name)  # the deck's `text` path now leads through a link
    load_deck([deck_dir], cache=cache)
    assert cache.load([deck_dir]) is not None
    altered = real.with_name("altered.txt")
    altered.write_text(original.read_text().replace(source.text.split()[0], "Zzzz", 1))
    os.utime(altered, ns=(original.stat().st_atime_ns, original.stat().st_mtime_ns))
    real.unlink()
    real.symlink_to(altered.name)  # same link, another article
    assert cache.load([deck_dir]) is None
    reloaded = load_deck([deck_dir], cache=cache)
    assert reloaded.sources[source.id].text.startswith("Zzzz")


def test_a_restored_index_ranks_a_larger_deck_exactly_as_a_built_one(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import make_deck

    deck_dir = make_deck.make_deck(600, tmp_path / "deck")  # long postings, sorted best-first
    cache = DeckCache(tmp_path / "cache")
    DeckSession(load_deck([deck_dir], cache=cache), cache=cache).search_index  # built and stored
    fresh = DeckCache(tmp_path / "cache")
    warm_deck = load_deck([deck_dir], cache=fresh)
    assert fresh.index_state(warm_deck) is not None  # read back, not built again
    restored = DeckSession(warm_deck, cache=fresh).search_index
    built = SearchIndex(load_deck([deck_dir]))
    for query in ("drones", "kyiv dro", "the delegation said", "tag:drones ceasefire", "source:src-001",
                  "Marco Rubio announced that the figure for the drones", "umerv", "ist"):
        assert [(h.fact.id, h.score, h.matched_terms) for h in restored.search(query, 30)] == [
            (h.fact.id, h.score, h.matched_terms) for h in built.search(query, 30)], query
        assert restored.matching_spans("Kyiv drones delegation", ["kyiv", "dro"]) == built.matching_spans(
            "Kyiv drones delegation", ["kyiv", "dro"])


@pytest.mark.parametrize("deck_name", ["snapdeck", "quizdeck"])
def test_every_field_of_a_deck_comes_back_from_plain_data(deck_name):
    import dataclasses
    import marshal

    from tui.core.deck.plain import deck_from_plain, deck_to_plain

    deck = load_deck([DATA / deck_name])
    back = deck_from_plain(marshal.loads(marshal.dumps(deck_to_plain(deck))))
    for field in dataclasses.fields(deck):
        if field.init:
            assert getattr(back, field.name) == getattr(deck, field.name), field.name
    assert back == deck
