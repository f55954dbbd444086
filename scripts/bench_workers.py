"""bench.py's measurements that run inside one Python process: `python scripts/bench.py --worker KIND ...`.

Each prints one JSON object on its last line of output.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path

QUERIES = ("delegation", "kyiv drone", "umerov sum", "notes item",
           "istanbul m", "ceasefire ", "peskov kre", "prisoner s")
SEARCH_LIMIT = 30


def peak_rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def deck_files(deck_dir: Path) -> list[Path]:
    return sorted(p for p in deck_dir.rglob("*.toml") if p.is_file())


def tomli_parse(files: list[Path]) -> list[object]:
    import tomli

    return [tomli.loads(path.read_text(encoding="utf-8")) for path in files]


def worker_floor(deck_dir: Path) -> dict:
    """The whole-process floor: parse the deck's TOML with tomli, the cyclic GC paused as the loader pauses it."""
    gc.disable()
    tomli_parse(deck_files(deck_dir))
    return {}


def worker_load(deck_dir: Path, repeats: int) -> dict:
    """Load timings (interleaved with tomli's), index build, search latency per keystroke."""
    from tui.core.deck.loading import load_deck
    from tui.core.search.index import SearchIndex

    files = deck_files(deck_dir)
    floors, loads = [], []
    deck = None
    for _ in range(repeats):
        # Same conditions for both: nothing else alive, and the cyclic GC paused, as
        # load_deck pauses it (its objects hold no cycles); so the floor is tomli at its best.
        deck = None
        gc.collect()
        gc.disable()
        start = time.perf_counter()
        tomli_parse(files)
        floors.append(time.perf_counter() - start)
        gc.enable()
        gc.collect()
        start = time.perf_counter()
        deck = load_deck([deck_dir], cache=None)
        loads.append(time.perf_counter() - start)
    start = time.perf_counter()
    index = SearchIndex(deck)
    build = time.perf_counter() - start

    statements = [fact.statement.casefold() for fact in deck.facts]
    latencies, scans = [], []
    for query in QUERIES:
        for length in range(1, len(query) + 1):
            typed = query[:length]
            start = time.perf_counter()
            index.search(typed, SEARCH_LIMIT)
            latencies.append(time.perf_counter() - start)
            start = time.perf_counter()
            needle = typed.casefold()
            [text for text in statements if needle in text][:SEARCH_LIMIT]
            scans.append(time.perf_counter() - start)
    return {
        "facts": len(deck.facts), "tomli_s": min(floors), "load_s": min(loads), "index_s": build,
        "search_ms": [t * 1000 for t in latencies], "scan_ms": [t * 1000 for t in scans],
    }


def worker_memory(deck_dir: Path, floor: bool) -> dict:
    """Peak RSS after holding tomli's parse (floor), or after loading and indexing the deck."""
    if floor:
        data = tomli_parse(deck_files(deck_dir))
        texts = [p.read_text(encoding="utf-8") for p in sorted((deck_dir / "sources").glob("*.txt"))]
        del data, texts
    else:
        from tui.core.deck.loading import load_deck
        from tui.core.search.index import SearchIndex

        index = SearchIndex(load_deck([deck_dir], cache=None))
        del index
    return {"peak_mb": peak_rss_mb()}


def worker_checker() -> dict:
    """Per-call time of the answer checker on the bundled deck, and of a casefold compare."""
    from tui.core.checking.checker import AnswerChecker
    from tui.core.deck.loading import load_deck
    from tui.core.deck.paths import bundled_deck_path

    deck = load_deck([bundled_deck_path()], cache=None)
    checker = AnswerChecker(deck)
    cases = []
    for fact in deck.facts:
        answers = [fact.answer, fact.answer.upper(), f"about {fact.answer}", fact.answer[:-1] or "x",
                   *fact.aliases, *fact.distractors[:3], "I don't know", "472 drones"]
        cases.extend((fact, given) for given in answers)
    calls, floors = [], []
    for fact, given in cases * 3:
        start = time.perf_counter()
        checker.check(fact, given)
        calls.append(time.perf_counter() - start)
        start = time.perf_counter()
        _ = given.casefold().strip() == fact.answer.casefold().strip()
        floors.append(time.perf_counter() - start)
    return {"calls": len(calls), "check_ms": [t * 1000 for t in calls], "floor_ms": [t * 1000 for t in floors]}


def run(argv: list[str]) -> int:
    kind = argv[0]
    if kind == "floor":
        result = worker_floor(Path(argv[1]))
    elif kind == "load":
        result = worker_load(Path(argv[1]), int(argv[2]))
    elif kind == "memory":
        result = worker_memory(Path(argv[1]), floor=argv[2] == "floor")
    elif kind == "checker":
        result = worker_checker()
    else:
        raise SystemExit(f"unknown worker {kind!r}")
    print(json.dumps(result))
    return 0
