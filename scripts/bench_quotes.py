"""Benchmark: verifying long quotes in large source texts (issue 15's slow paths).

    python scripts/bench_quotes.py [--size-mb 4] [--quote-chars 10000]

Builds a deck in a temporary folder whose one source is the five bundled articles
repeated to `--size-mb` megabytes (each copy numbered, so every passage is unique),
cites from it a quote of `--quote-chars` characters cut from the middle (at word
edges), and times `load_deck` (parse, check, verify every quote) of it. Then it times
the quote search alone on the cases that used to be quadratic: a text of one repeated
letter and of a repeated short word, searched for a long quote that occurs at every
offset but never on word edges, and the "closest passage" hint for a quote not found.

Every figure is printed beside a floor measured in the same run on the same text:
`str.find` of the quote in the text, the cheapest possible search (for the quotes that
are never accepted, of the quote plus a NUL, one full scan of the text). Target: the whole
load under 1 s at 4 MB and a 10,000-character quote. Exit status 0 whatever the figures.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.deck.loading import load_deck  # noqa: E402
from tui.core.deck.quotes import NormalizedText  # noqa: E402


def best_of(runs: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def article_text(size: int) -> str:
    articles = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "facts" / "sources").glob("*.txt"))]
    pieces, total, copy = [], 0, 0
    while total < size:
        for article in articles:
            piece = f"Copy {copy}.\n\n{article}\n\n"
            pieces.append(piece)
            total += len(piece)
            copy += 1
    return "".join(pieces)[:size]


def middle_quote(text: str, chars: int) -> str:
    start = text.index(" ", len(text) // 2) + 1
    end = text.rindex(" ", start, start + chars + 1)
    return text[start:end]


def write_deck(folder: Path, text: str, quote: str) -> None:
    (folder / "sources").mkdir()
    (folder / "sources" / "big.txt").write_text(text, encoding="utf-8")
    escaped = quote.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    (folder / "deck.toml").write_text(f"""[[sources]]
id = "big"
title = "Big"
title_kind = "descriptive"
outlet = "unknown"
date_precision = "unknown"
language = "en"
text = "sources/big.txt"

[[facts]]
id = "long-quote"
statement = "A long quote."
questions = ["What?"]
answer = "a long quote"
kind = "text"

[[facts.citations]]
source = "big"
quote = "{escaped}"
""", encoding="utf-8")


def row(what: str, seconds: float, floor: float) -> None:
    print(f"{what:<62} {seconds * 1000:9.1f} ms   floor (str.find) {floor * 1000:8.2f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=float, default=4.0)
    parser.add_argument("--quote-chars", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    size, chars = int(args.size_mb * 1_000_000), args.quote_chars

    text = article_text(size)
    quote = middle_quote(text, chars)
    with tempfile.TemporaryDirectory() as folder:
        write_deck(Path(folder), text, quote)
        deck = load_deck([folder])
        assert deck.facts[0].citations[0].quote == quote
        load = best_of(args.runs, lambda: load_deck([folder]))
    row(f"load_deck: {len(quote):,}-char quote in a {len(text) / 1e6:.1f} MB source", load,
        best_of(args.runs, lambda: text.find(quote)))

    for name, hay, needle in (
        ("one letter repeated, quote never on word edges", "a" * size, "a" * chars),
        ("'ab ' repeated, quote ends inside a word", "ab " * (size // 3), "ab " * (chars // 3) + "a"),
    ):
        normalized = NormalizedText.of(hay)
        assert normalized.find(needle) is None
        row(f"find: {name}", best_of(args.runs, lambda: normalized.find(needle)),
            best_of(args.runs, lambda: hay.find(needle + "\x00")))

    normalized = NormalizedText.of(text)
    broken = quote[: len(quote) // 2] + " XYZZY " + quote[len(quote) // 2:]
    row("closest passage hint for a quote not found", best_of(1, lambda: normalized.closest_passage(broken, text)),
        best_of(args.runs, lambda: text.find(broken)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
