"""Benchmarks: factdrill's figures beside a floor measured in the same run.

    python scripts/bench.py [--sizes 1000,10000,100000] [--quick] [--work-dir DIR] [--json]
                            [--only startup] [--runs N]

Machines running this are shared and noisy, so every figure is printed beside a
floor — the cheapest way to do a comparable job, timed on the same machine in the
same run — and the ratio of the two is what to compare across machines:

- cold start: wall time from spawning Python to the first frame of the TUI on the
  bundled deck (deck loaded and verified, Browse screen laid out), against a bare
  Textual app with one Static. Both run headless in a fresh process with the same
  autopilot (wait until the screen has processed its messages, then exit); the
  median of several alternating runs.
- load: `load_deck` (parse, check every field, verify every quote) of a synthetic
  deck from scripts/make_deck.py, against tomli's parse of the same TOML files
  (with the cyclic GC paused for both, as load_deck pauses it). Best of a few
  interleaved runs.
- search: per-keystroke latency of `SearchIndex.search`, typing several 10-letter
  queries one letter at a time (p50 and p95), against scanning every statement
  for the typed text (`text in statement`), what a search without an index costs.
- checker: `AnswerChecker.check` per call (p99) over every bundled fact with right,
  close and wrong answers, against comparing the casefolded strings.
- memory: peak RSS of a process that loads the deck and builds the search index,
  against one that holds tomli's parse of the same files.

Targets: cold start ratio <= 1.25; load ratio <= 1.5; search p95 <= 16 ms at the
largest size; checker p99 <= 1 ms. Exit status 0 whatever the figures are.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(_REPO))
sys.path.insert(0, str(_REPO / "scripts"))

QUERIES = ("delegation", "kyiv drone", "umerov sum", "notes item",
           "istanbul m", "ceasefire ", "peskov kre", "prisoner s")
SEARCH_LIMIT = 30
TARGETS = {"startup": 1.25, "load": 1.5, "search_p95_ms": 16.0, "checker_p99_ms": 1.0}

# The two apps of the cold-start comparison: identical but for what they show.
_APP_SCRIPT = """
import sys
from textual.app import App
from textual.widgets import Static

async def first_frame(pilot):
    await pilot.pause()
    pilot.app.exit()

if sys.argv[1] == "bare":
    class Bare(App):
        def compose(self):
            yield Static("factdrill")
    app = Bare()
else:
    from tui.app.app import FactdrillApp
    from tui.core.deck.loading import load_deck
    from tui.core.deck.paths import bundled_deck_path
    app = FactdrillApp(load_deck([bundled_deck_path()]), "browse")
app.run(headless=True, size=(120, 40), auto_pilot=first_frame)
"""


# --- measurements run in a child process ----------------------------------------

def _peak_rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _deck_files(deck_dir: Path) -> list[Path]:
    return sorted(p for p in deck_dir.rglob("*.toml") if p.is_file())


def _tomli_parse(files: list[Path]) -> list[object]:
    import tomli

    return [tomli.loads(path.read_text(encoding="utf-8")) for path in files]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def worker_load(deck_dir: Path, repeats: int) -> dict:
    """Load timings (interleaved with tomli's), index build, search latency per keystroke."""
    from tui.core.deck.loading import load_deck
    from tui.core.search.index import SearchIndex

    files = _deck_files(deck_dir)
    floors, loads = [], []
    deck = None
    for _ in range(repeats):
        # Same conditions for both: nothing else alive, and the cyclic GC paused, as
        # load_deck pauses it (its objects hold no cycles); so the floor is tomli at its best.
        deck = None
        gc.collect()
        gc.disable()
        start = time.perf_counter()
        _tomli_parse(files)
        floors.append(time.perf_counter() - start)
        gc.enable()
        gc.collect()
        start = time.perf_counter()
        deck = load_deck([deck_dir])
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
        data = _tomli_parse(_deck_files(deck_dir))
        texts = [p.read_text(encoding="utf-8") for p in sorted((deck_dir / "sources").glob("*.txt"))]
        del data, texts
    else:
        from tui.core.deck.loading import load_deck
        from tui.core.search.index import SearchIndex

        index = SearchIndex(load_deck([deck_dir]))
        del index
    return {"peak_mb": _peak_rss_mb()}


def worker_checker() -> dict:
    """Per-call time of the answer checker on the bundled deck, and of a casefold compare."""
    from tui.core.checking.checker import AnswerChecker
    from tui.core.deck.loading import load_deck
    from tui.core.deck.paths import bundled_deck_path

    deck = load_deck([bundled_deck_path()])
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


def _worker(argv: list[str]) -> int:
    kind = argv[0]
    if kind == "load":
        result = worker_load(Path(argv[1]), int(argv[2]))
    elif kind == "memory":
        result = worker_memory(Path(argv[1]), floor=argv[2] == "floor")
    elif kind == "checker":
        result = worker_checker()
    else:
        raise SystemExit(f"unknown worker {kind!r}")
    print(json.dumps(result))
    return 0


# --- the orchestrator -------------------------------------------------------------

def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_REPO), env.get("PYTHONPATH", "")]))
    return env


def _run_worker(*args: str) -> dict:
    result = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", *args],
                            capture_output=True, text=True, env=_child_env(), cwd=_REPO)
    if result.returncode != 0:
        raise SystemExit(f"bench worker {args[0]} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _cold_start(runs: int) -> tuple[float, float]:
    """Median wall seconds to the first frame: (factdrill TUI, bare Textual app), runs alternating."""
    times: dict[str, list[float]] = {"tui": [], "bare": []}
    for _ in range(runs):
        for which in ("bare", "tui"):
            start = time.perf_counter()
            result = subprocess.run([sys.executable, "-c", _APP_SCRIPT, which], capture_output=True,
                                    text=True, env=_child_env(), cwd=_REPO, stdin=subprocess.DEVNULL)
            elapsed = time.perf_counter() - start
            if result.returncode != 0:
                raise SystemExit(f"cold start of the {which} app failed:\n{result.stderr}")
            times[which].append(elapsed)
    return statistics.median(times["tui"]), statistics.median(times["bare"])


def _deck_for(size: int, work_dir: Path) -> Path:
    """A synthetic deck of `size` facts, reused when already made by this generator version."""
    import make_deck

    deck_dir = work_dir / f"deck-{size}"
    stamp = deck_dir / ".made"
    wanted = f"{make_deck.GENERATOR_VERSION} {size}"
    if not (stamp.exists() and stamp.read_text() == wanted):
        make_deck.make_deck(size, deck_dir)
        stamp.write_text(wanted)
    return deck_dir


def _machine() -> str:
    from importlib.metadata import version

    import tomli

    compiled = any(Path(tomli.__file__).parent.glob("*.so"))
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs (nproc), "
            f"Python {platform.python_version()}, Textual {version('textual')}, "
            f"tomli {'compiled (mypyc)' if compiled else 'pure Python'}")


def _rows(results: dict) -> list[tuple[str, str, str, str, str, str]]:
    """(measure, facts, ours, floor, ratio, target) per row of the table."""
    rows = []
    tui, bare = results["startup"]
    ratio = tui / bare
    rows.append(("cold start to first frame", "bundled", f"{tui * 1000:.0f} ms", f"{bare * 1000:.0f} ms bare app",
                 f"{ratio:.2f}", _verdict(ratio <= TARGETS["startup"], "ratio <= 1.25")))
    if not results["sizes"]:  # --only startup
        return rows
    for size, run in results["sizes"].items():
        ratio = run["load_s"] / run["tomli_s"]
        rows.append(("load + validate", f"{run['facts']:,}", f"{run['load_s'] * 1000:.0f} ms",
                     f"{run['tomli_s'] * 1000:.0f} ms tomli", f"{ratio:.2f}",
                     _verdict(ratio <= TARGETS["load"], "ratio <= 1.5")))
    largest = max(results["sizes"], key=int)
    for size, run in results["sizes"].items():
        p50, p95 = statistics.median(run["search_ms"]), _percentile(run["search_ms"], 0.95)
        s50, s95 = statistics.median(run["scan_ms"]), _percentile(run["scan_ms"], 0.95)
        target = _verdict(p95 <= TARGETS["search_p95_ms"], "p95 <= 16 ms") if size == largest else ""
        rows.append(("search per keystroke p50", f"{run['facts']:,}", f"{p50:.2f} ms", f"{s50:.2f} ms scan",
                     f"{p50 / s50:.2f}", ""))
        rows.append(("search per keystroke p95", f"{run['facts']:,}", f"{p95:.2f} ms", f"{s95:.2f} ms scan",
                     f"{p95 / s95:.2f}", target))
    for size, run in results["sizes"].items():
        rows.append(("index build (once, in a worker)", f"{run['facts']:,}", f"{run['index_s'] * 1000:.0f} ms",
                     f"{run['tomli_s'] * 1000:.0f} ms tomli", f"{run['index_s'] / run['tomli_s']:.2f}", ""))
    checker = results["checker"]
    p99, f99 = _percentile(checker["check_ms"], 0.99), _percentile(checker["floor_ms"], 0.99)
    rows.append(("checker per call p99", f"{checker['calls']:,} calls", f"{p99:.3f} ms",
                 f"{f99 * 1000:.1f} µs casefold ==", f"{p99 / f99:.0f}",
                 _verdict(p99 <= TARGETS["checker_p99_ms"], "p99 <= 1 ms")))
    memory = results["memory"]
    rows.append(("peak memory (load + index)", f"{results['sizes'][memory['size']]['facts']:,}",
                 f"{memory['ours']:.0f} MB", f"{memory['floor']:.0f} MB tomli data",
                 f"{memory['ours'] / memory['floor']:.2f}", ""))
    return rows


def _verdict(met: bool, target: str) -> str:
    return f"{target}: {'met' if met else 'MISSED'}"


def _print_table(results: dict, command: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="factdrill benchmarks", caption=f"{results['machine']}\n$ {command}")
    for name, justify in (("measure", "left"), ("facts", "right"), ("factdrill", "right"),
                          ("floor", "right"), ("ratio", "right"), ("target", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for row in _rows(results):
        table.add_row(*row)
    Console(highlight=False, width=max(120, Console().width)).print(table)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        return _worker(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="deck sizes in facts, comma-separated (default 1000,10000,100000)")
    parser.add_argument("--quick", action="store_true", help="one run of each measurement instead of several")
    parser.add_argument("--work-dir", type=Path, help="keep the generated decks here and reuse them")
    parser.add_argument("--json", action="store_true", help="print the raw figures as JSON instead of a table")
    parser.add_argument("--only", choices=["startup"],
                        help="measure only this row (to iterate quickly on one figure)")
    parser.add_argument("--runs", type=int,
                        help="cold-start runs of each app, the median is reported (default 7, 1 with --quick)")
    args = parser.parse_args(argv)
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas")
    if not sizes or min(sizes) < 1:
        parser.error("--sizes needs at least one size >= 1")
    runs, repeats = (1, 1) if args.quick else (7, 3)
    if args.runs is not None:
        if args.runs < 1:
            parser.error("--runs needs at least 1")
        runs = args.runs

    work_dir = args.work_dir or Path(tempfile.mkdtemp(prefix="factdrill-bench-"))
    work_dir.mkdir(parents=True, exist_ok=True)
    try:
        results: dict = {"machine": _machine(), "sizes": {}}
        progress = (lambda message: print(message, file=sys.stderr, flush=True))
        progress("cold start ...")
        results["startup"] = _cold_start(runs)
        if args.only == "startup":
            sizes = []
        for size in sizes:
            progress(f"{size:,} facts: making the deck, loading, searching ...")
            results["sizes"][str(size)] = _run_worker("load", str(_deck_for(size, work_dir)), str(repeats))
        if sizes:
            largest = str(max(sizes))
            progress(f"{int(largest):,} facts: peak memory ...")
            deck_dir = str(_deck_for(int(largest), work_dir))
            results["memory"] = {"size": largest, "ours": _run_worker("memory", deck_dir, "ours")["peak_mb"],
                                 "floor": _run_worker("memory", deck_dir, "floor")["peak_mb"]}
            progress("checker ...")
            results["checker"] = _run_worker("checker")
    finally:
        if args.work_dir is None:
            shutil.rmtree(work_dir, ignore_errors=True)
    if args.json:
        print(json.dumps(results))
    else:
        _print_table(results, "python scripts/bench.py " + " ".join(argv))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
