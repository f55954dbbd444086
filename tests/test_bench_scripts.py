"""The benchmark scripts keep working: a synthetic deck validates, and bench.py prints its table.

No timing is asserted here (the machines are shared and noisy); only that every
row is measured and printed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tui.core.deck.loading import load_deck

REPO = Path(__file__).resolve().parent.parent


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="160", NO_COLOR="1")
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=REPO, env=env, timeout=300)


def test_make_deck_writes_a_valid_deck_with_everything_a_real_one_has(tmp_path):
    out = tmp_path / "deck"
    made = run_script("scripts/make_deck.py", "90", str(out))
    assert made.returncode == 0, made.stderr
    validated = run_script("-m", "tui", "validate", "--deck", str(out))
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "90 facts" in validated.stdout and "all quotes verified" in validated.stdout

    deck = load_deck([out])
    assert len(deck.facts) == 90 and len(deck.sources) >= 3
    assert all(f.tags and f.distractors and f.citations for f in deck.facts)
    assert sum(bool(f.aliases) for f in deck.facts) > 45
    assert len({f.kind for f in deck.facts}) >= 6
    assert any(len(f.source_ids) > 1 for f in deck.facts)  # some facts corroborated by several articles
    # the articles are wrapped and typographic, so verifying quotes has whitespace and dashes to forgive
    citations = [(deck.sources[c.source_id].text[c.start:c.end], c.quote) for f in deck.facts for c in f.citations]
    assert any("\n" in stored for stored, _ in citations)
    assert any("\u2014" in stored or "\u2019" in stored for stored, _ in citations)
    assert all(" ".join(stored.split()).replace("\u2014", "-").replace("\u2019", "'") == " ".join(quote.split())
               for stored, quote in citations)


def test_make_deck_is_deterministic(tmp_path):
    for name in ("a", "b"):
        assert run_script("scripts/make_deck.py", "25", str(tmp_path / name), "--seed", "3").returncode == 0
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b
    assert all((tmp_path / "a" / p).read_bytes() == (tmp_path / "b" / p).read_bytes() for p in files_a)


def test_bench_prints_every_row_for_every_size(tmp_path):
    result = run_script("scripts/bench.py", "--sizes", "30,60", "--quick", "--work-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for row in ("first complete frame, browse", "first complete frame, search", "first complete frame, quiz",
                "warm cache", "cold cache", "TUI: Browse usable", "TUI: regroup",
                "TUI: first search results", "TUI: one more keystroke", "load + validate",
                "search per keystroke", "index build", "checker per call", "peak memory"):
        assert row in out, row
    lines = out.splitlines()
    for size in ("30", "60"):
        assert any("load + validate" in line and f" {size} " in line for line in lines), size
        assert any("search drones" in line and "warm cache" in line and f" {size} " in line for line in lines), size
    assert "ratio" in out and "Python" in out  # the floors' ratios, and the machine
    assert (tmp_path / "deck-60").is_dir()  # --work-dir keeps the generated decks


def test_bench_markdown_is_the_table_readme_holds(tmp_path):
    result = run_script("scripts/bench.py", "--sizes", "30", "--quick", "--only", "processes", "--markdown",
                        "--work-dir", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Measured on ") and "--markdown" in lines[0]
    assert lines[2] == "| measure | facts | factdrill | floor | ratio | target |"
    # warm, cold, and cold until the detached process has filled the cache
    assert sum(line.startswith("| `search drones") for line in lines) == 3
    assert any("until the cache is filled behind it" in line for line in lines)
