"""Benchmarks: factdrill's figures beside a floor measured in the same run.

    python scripts/bench.py [--sizes 1000,10000,100000] [--quick] [--runs N] [--work-dir DIR]
                            [--only frames|processes|tui] [--json | --markdown]

Machines running this are shared and noisy, so every figure is printed beside a
floor — the cheapest way to do a comparable job, timed on the same machine in the
same run — and the ratio of the two is what to compare across machines. Timings of
whole processes are medians of alternating runs.

- first complete frame: wall time from starting the command in a real terminal
  (a tmux pane, 100x30) until its screen shows the footer, for `factdrill` in
  Browse, Search and Quiz (bundled deck, warm cache) against a bare Textual app
  of the same version (a header, a line of text, a footer).
- search / validate as whole processes: `factdrill search drones --json --limit 5`
  and `factdrill validate` on a synthetic deck from scripts/make_deck.py, cold
  (an empty cache, which the run fills) and warm, against a process that parses
  the same TOML files with tomli, its cyclic GC paused as the loader pauses it.
- the TUI at the largest size (warm cache, in tmux): Browse usable (the screen
  drawn with its facts), regroup by article, first search results after Browse
  shows (switching to Search and typing a word at once), one keystroke.
- in one process: `load_deck` against tomli's parse of the same files; the search
  per keystroke against a substring scan of every statement; the index build;
  the answer checker per call (bundled deck); peak memory.

Exit status 0 whatever the figures are. `--markdown` prints the table README's
Performance section holds.
"""

from __future__ import annotations

import argparse
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

import bench_workers  # noqa: E402
from bench_terminal import BARE_APP, Terminal, footer_drawn, showing  # noqa: E402

FACTDRILL = str(Path(sys.executable).parent / "factdrill")
SEARCH = ["search", "drones", "--json", "--limit", "5"]
TARGETS = {  # measure -> (largest ratio or seconds, where it applies)
    "frame browse": 1.4, "frame search": 1.4, "frame quiz": 1.6,
    "search warm": 1.0, "search cold 10000": 2.5,
    "tui browse": 2.0, "tui regroup": 1.0, "tui first results": 0.5,
}


def _child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_REPO), env.get("PYTHONPATH", "")]))
    env.update(extra)
    return env


def _run_worker(*args: str) -> dict:
    result = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", *args],
                            capture_output=True, text=True, env=_child_env(), cwd=_REPO)
    if result.returncode != 0:
        raise SystemExit(f"bench worker {args[0]} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _timed(argv: list[str], cache_dir: Path) -> tuple[float, str]:
    """Wall seconds of one whole process, and what it printed."""
    start = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True, cwd=_REPO,
                            env=_child_env(FACTDRILL_CACHE_DIR=str(cache_dir)), stdin=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{result.stderr}")
    return elapsed, result.stdout


def _cache_filled(cache_dir: Path, started: float, timeout: float = 600.0) -> float:
    """Seconds from `started` until the cache holds a deck and its index, nothing half-written:
    a search on a deck not cached yet answers first and fills the cache from a detached process."""
    while True:
        names = [path.suffix for path in cache_dir.glob("*")] if cache_dir.is_dir() else []
        if ".index" in names and ".tmp" not in names:
            return time.perf_counter() - started
        if time.perf_counter() - started > timeout:
            raise SystemExit(f"the cache in {cache_dir} was not filled within {timeout:.0f} s")
        time.sleep(0.005)


# --- the measurements ----------------------------------------------------------------

def measure_frames(runs: int, work_dir: Path) -> dict[str, float]:
    """Median seconds to the first complete frame: the bare app, and factdrill in each mode."""
    cache = work_dir / "cache-frames"
    _timed([FACTDRILL, "validate"], cache)  # warm the bundled deck's cache entry
    bare = work_dir / "bare_app.py"
    bare.write_text(BARE_APP)
    apps = {"bare": [sys.executable, str(bare)], "browse": [FACTDRILL],
            "search": [FACTDRILL, "--mode", "search"], "quiz": [FACTDRILL, "--mode", "quiz"]}
    times: dict[str, list[float]] = {name: [] for name in apps}
    terminal = Terminal(_child_env(FACTDRILL_CACHE_DIR=str(cache)), _REPO)
    try:
        for run in range(runs + 1):
            for name, argv in apps.items():
                started = terminal.start(argv)
                elapsed = terminal.wait_for(footer_drawn, started, timeout=30)
                terminal.stop()
                if run:  # the first round only warms the disk cache
                    times[name].append(elapsed)
    finally:
        terminal.close()
    return {name: statistics.median(values) for name, values in times.items()}


def measure_processes(deck_dir: Path, runs: int, work_dir: Path) -> dict[str, float]:
    """Median seconds of the tomli floor, and of search and validate, cold and warm."""
    warm = work_dir / f"cache-warm-{deck_dir.name}"
    shutil.rmtree(warm, ignore_errors=True)
    search = [FACTDRILL, "--deck", str(deck_dir), *SEARCH]
    validate = [FACTDRILL, "--deck", str(deck_dir), "validate"]
    _, expected = _timed(search, warm)
    _cache_filled(warm, time.perf_counter())
    floor = [sys.executable, str(Path(__file__).resolve()), "--worker", "floor", str(deck_dir)]
    times: dict[str, list[float]] = {"floor": [], "search cold": [], "search warm": [],
                                     "validate cold": [], "validate warm": [], "search cold filled": []}
    for run in range(runs):
        times["floor"].append(_timed(floor, warm)[0])
        for kind, argv in (("search", search), ("validate", validate)):
            cold = work_dir / f"cache-cold-{run}"
            shutil.rmtree(cold, ignore_errors=True)
            for state, cache in (("cold", cold), ("warm", warm)):
                started = time.perf_counter()
                elapsed, output = _timed(argv, cache)
                if kind == "search" and output != expected:
                    raise SystemExit(f"search printed something else with a {state} cache")
                times[f"{kind} {state}"].append(elapsed)
                if kind == "search" and state == "cold":  # nothing runs on behind the next measurement
                    times["search cold filled"].append(_cache_filled(cold, started))
            shutil.rmtree(cold, ignore_errors=True)
    return {name: statistics.median(values) for name, values in times.items()}


def measure_tui(deck_dir: Path, work_dir: Path) -> dict[str, float | None]:
    """Seconds, warm cache: Browse usable; first results after it shows; one keystroke; regroup."""
    cache = work_dir / f"cache-warm-{deck_dir.name}"
    _timed([FACTDRILL, "--deck", str(deck_dir), *SEARCH], cache)  # deck and index cached
    terminal = Terminal(_child_env(FACTDRILL_CACHE_DIR=str(cache)), _REPO)
    try:
        started = terminal.start([FACTDRILL, "--deck", str(deck_dir)])
        browse = terminal.wait_for(lambda s: footer_drawn(s) and showing("by topic")(s), started)
        shown = time.perf_counter()
        terminal.keys("2")
        terminal.wait_for(showing("Type to search"), shown)  # as a person would, before typing
        terminal.keys("-l", "kyiv")
        first = terminal.wait_for(showing(" results · "), shown)
        terminal.keys("-l", " ")
        time.sleep(1.0)  # the search for "kyiv " has come and gone
        before = terminal.screen()[5:]
        try:  # on a tiny deck "kyiv d" may find just what "kyiv " found: nothing to see change
            keystroke: float | None = terminal.wait_for(lambda s: s[5:] != before, terminal.keys("-l", "d"),
                                                         timeout=5)
        except TimeoutError:
            keystroke = None
        terminal.keys("Escape")  # out of the search box, so "1" switches mode
        time.sleep(0.5)  # not read as Alt+1 with the Escape
        terminal.keys("1")
        terminal.wait_for(showing("by topic"), time.perf_counter())
        regroup = terminal.wait_for(showing("by source"), terminal.keys("g"))
    finally:
        terminal.close()
    return {"browse": browse, "first results": first, "keystroke": keystroke, "regroup": regroup}


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


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="deck sizes in facts, comma-separated (default 1000,10000,100000)")
    parser.add_argument("--quick", action="store_true", help="one run of each measurement instead of several")
    parser.add_argument("--runs", type=int, help="runs of each whole-process measurement (default 5; 1 with --quick)")
    parser.add_argument("--work-dir", type=Path, help="keep the generated decks here and reuse them")
    parser.add_argument("--only", choices=["frames", "processes", "tui", "in-process"],
                        help="measure only these rows (to iterate quickly on one figure)")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the raw figures as JSON")
    output.add_argument("--markdown", action="store_true", help="print README's Performance table")
    args = parser.parse_args(argv)
    try:
        args.sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas")
    if not args.sizes or min(args.sizes) < 1:
        parser.error("--sizes needs at least one size >= 1")
    if args.runs is not None and args.runs < 1:
        parser.error("--runs needs at least 1")
    args.runs = args.runs or (1 if args.quick else 5)
    return args


def _compile_project() -> None:
    """Write factdrill's bytecode, as installing it does (and as Textual's, the floor's, already is).

    Under PYTHONDONTWRITEBYTECODE (set in many shells and CI) a checkout never gets it, and every
    measured process would compile ~50 of its modules from source first (about 50 ms a start).
    """
    import compileall

    compileall.compile_dir(str(_REPO / "tui"), quiet=1)


def measure(args: argparse.Namespace, work_dir: Path) -> dict:
    results: dict = {"machine": _machine()}
    _compile_project()
    wanted = (lambda part: args.only in (None, part))
    progress = (lambda message: print(message, file=sys.stderr, flush=True))
    if wanted("frames"):
        progress("first frames ...")
        results["frames"] = measure_frames(args.runs, work_dir)
    if wanted("processes"):
        results["processes"] = {}
        for size in args.sizes:
            progress(f"{size:,} facts: search and validate processes ...")
            results["processes"][str(size)] = measure_processes(_deck_for(size, work_dir), args.runs, work_dir)
    if wanted("tui"):
        largest = max(args.sizes)
        progress(f"{largest:,} facts: the TUI ...")
        results["tui"] = {"size": str(largest), "figures": measure_tui(_deck_for(largest, work_dir), work_dir)}
    if wanted("in-process"):
        results["sizes"] = {}
        for size in args.sizes:
            progress(f"{size:,} facts: loading and searching in process ...")
            results["sizes"][str(size)] = _run_worker("load", str(_deck_for(size, work_dir)),
                                                      "1" if args.quick else "3")
        largest = str(max(args.sizes))
        progress(f"{int(largest):,} facts: peak memory ...")
        deck_dir = str(_deck_for(int(largest), work_dir))
        results["memory"] = {"size": largest, "ours": _run_worker("memory", deck_dir, "ours")["peak_mb"],
                             "floor": _run_worker("memory", deck_dir, "floor")["peak_mb"]}
        progress("checker ...")
        results["checker"] = _run_worker("checker")
    return results


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        return bench_workers.run(argv[1:])
    args = _parse(argv)
    work_dir = args.work_dir or Path(tempfile.mkdtemp(prefix="factdrill-bench-"))
    work_dir.mkdir(parents=True, exist_ok=True)
    try:
        results = measure(args, work_dir)
    finally:
        if args.work_dir is None:
            shutil.rmtree(work_dir, ignore_errors=True)
    command = "python scripts/bench.py " + " ".join(argv)
    if args.json:
        print(json.dumps(results))
        return 0
    import bench_report

    rows = bench_report.all_rows(results, TARGETS)
    if args.markdown:
        bench_report.print_markdown(rows, results["machine"], command, time.strftime("%Y-%m-%d"))
    else:
        bench_report.print_table(rows, results["machine"], command)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
