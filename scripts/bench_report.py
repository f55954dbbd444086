"""bench.py's results as rows: a Rich table for people, or the Markdown table README's Performance section holds."""

from __future__ import annotations

import statistics

Row = tuple[str, str, str, str, str, str]  # measure, facts, factdrill, floor, ratio, target


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _verdict(value: float, target: float | None, unit: str = "×") -> str:
    if target is None:
        return ""
    shown = f"≤ {target:g}{' s' if unit == 's' else '×'}"
    return f"{shown}: {'met' if value <= target else 'MISSED'}"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def frame_rows(frames: dict[str, float], targets: dict[str, float]) -> list[Row]:
    bare = frames["bare"]
    return [(f"first complete frame, {mode}", "bundled", _ms(frames[mode]),
             f"{_ms(bare)} bare Textual app", f"{frames[mode] / bare:.2f}",
             _verdict(frames[mode] / bare, targets.get(f"frame {mode}")))
            for mode in ("browse", "search", "quiz")]


def process_rows(size: str, run: dict[str, float], targets: dict[str, float]) -> list[Row]:
    floor = run["floor"]
    rows = []
    for name in ("search warm", "search cold", "validate warm", "validate cold"):
        ratio = run[name] / floor
        target = targets.get(name, targets.get(f"{name} {size}"))
        command = "`search drones --json --limit 5`" if name.startswith("search") else "`validate`"
        rows.append((f"{command}, {name.split()[1]} cache", f"{int(size):,}", _ms(run[name]),
                     f"{_ms(floor)} tomli parse process", f"{ratio:.2f}", _verdict(ratio, target)))
        if name == "search cold" and "search cold filled" in run:
            filled = run["search cold filled"]
            rows.append((f"{command}, cold cache, until the cache is filled behind it", f"{int(size):,}",
                         _ms(filled), f"{_ms(floor)} tomli parse process", f"{filled / floor:.2f}", ""))
    return rows


def tui_rows(size: str, tui: dict[str, float | None], targets: dict[str, float]) -> list[Row]:
    rows = []
    for name, label in (("browse", "TUI: Browse usable (start to facts drawn)"),
                        ("regroup", "TUI: regroup Browse by article"),
                        ("first results", "TUI: first search results after Browse shows"),
                        ("keystroke", "TUI: one more keystroke to new results")):
        value = tui[name]
        shown = "no change seen" if value is None else _ms(value)
        verdict = "" if value is None else _verdict(value, targets.get(f"tui {name}"), "s")
        rows.append((label, f"{int(size):,}", shown, "", "", verdict))
    return rows


def in_process_rows(results: dict) -> list[Row]:
    rows: list[Row] = []
    sizes = results.get("sizes", {})
    for size, run in sizes.items():
        ratio = run["load_s"] / run["tomli_s"]
        rows.append(("load + validate, in process", f"{run['facts']:,}", _ms(run["load_s"]),
                     f"{_ms(run['tomli_s'])} tomli parse", f"{ratio:.2f}", ""))
    for size, run in sizes.items():
        p50, p95 = statistics.median(run["search_ms"]), _percentile(run["search_ms"], 0.95)
        s50, s95 = statistics.median(run["scan_ms"]), _percentile(run["scan_ms"], 0.95)
        rows.append(("search per keystroke, p50 / p95", f"{run['facts']:,}", f"{p50:.2f} / {p95:.2f} ms",
                     f"{s50:.2f} / {s95:.2f} ms substring scan", f"{p95 / s95:.2f} (p95)", ""))
    for size, run in sizes.items():
        rows.append(("search index build (once, in a worker)", f"{run['facts']:,}", _ms(run["index_s"]),
                     f"{_ms(run['tomli_s'])} tomli parse", f"{run['index_s'] / run['tomli_s']:.2f}", ""))
    if "checker" in results:
        checker = results["checker"]
        p99, f99 = _percentile(checker["check_ms"], 0.99), _percentile(checker["floor_ms"], 0.99)
        rows.append(("answer checker per call, p99", f"{checker['calls']:,} calls", f"{p99:.3f} ms",
                     f"{f99 * 1000:.1f} µs casefolded ==", f"{p99 / f99:.0f}", _verdict(p99, 1.0, "s")
                     .replace(" s", " ms")))
    if "memory" in results:
        memory = results["memory"]
        rows.append(("peak memory, deck + search index", f"{int(memory['size']):,}", f"{memory['ours']:.0f} MB",
                     f"{memory['floor']:.0f} MB tomli's parse alone", f"{memory['ours'] / memory['floor']:.2f}", ""))
    return rows


def all_rows(results: dict, targets: dict[str, float]) -> list[Row]:
    rows: list[Row] = []
    if "frames" in results:
        rows += frame_rows(results["frames"], targets)
    for size, run in results.get("processes", {}).items():
        rows += process_rows(size, run, targets)
    if "tui" in results:
        rows += tui_rows(results["tui"]["size"], results["tui"]["figures"], targets)
    return rows + in_process_rows(results)


HEADINGS = ("measure", "facts", "factdrill", "floor", "ratio", "target")


def print_table(rows: list[Row], machine: str, command: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="factdrill benchmarks", caption=f"{machine}\n$ {command}")
    for name in HEADINGS:
        table.add_column(name, justify="left" if name in ("measure", "target") else "right")
    for row in rows:
        table.add_row(*row)
    Console(highlight=False, width=max(140, Console().width)).print(table)


def print_markdown(rows: list[Row], machine: str, command: str, day: str) -> None:
    print(f"Measured on {day}: {machine}; command `{command}`:\n")
    print("| " + " | ".join(HEADINGS) + " |")
    print("|" + "---|" * len(HEADINGS))
    for row in rows:
        print("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
