"""Benchmark: opening a very large article in the source viewer (issue 15).

    python scripts/bench_article.py [--size-mb 50]

Writes a deck whose one source is `--size-mb` megabytes of paragraphs, quoted on its
first and its last line, loads it, and in a headless app opens the article and times
(wall clock, on this machine) how long until its first lines are on screen, then how long
`n` takes to bring the last line into view (wrapped in a worker: the app keeps answering).
Exit status 0 whatever the figures are.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.app.app import FactdrillApp  # noqa: E402
from tui.app.messages import OpenSource  # noqa: E402
from tui.app.screens.source import SourceScreen  # noqa: E402
from tui.app.widgets.article import ArticleView  # noqa: E402
from tui.core.deck.loading import load_deck  # noqa: E402

PARAGRAPH = ("The delegations met again in Istanbul and agreed on an exchange of prisoners, "
             "while the fighting went on along the front. ") * 4
DECK = """[[sources]]
id = "big"
title = "A very long article"
title_kind = "descriptive"
outlet = "unknown"
date_precision = "unknown"
language = "en"
text = "sources/big.txt"
""" + "".join(f"""
[[facts]]
id = "{name}"
statement = "The article has this line."
questions = ["Which line?"]
answer = "this line"
kind = "text"

[[facts.citations]]
source = "big"
quote = "{quote}"
""" for name, quote in (("first", "The opening line of the article."), ("last", "The very last line.")))


async def measure(deck) -> tuple[float, float]:
    app = FactdrillApp(deck, "browse")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        app.post_message(OpenSource("big"))
        while not (isinstance(app.screen, SourceScreen) and app.screen.query_one(ArticleView).current == 0):
            await pilot.pause()
        await pilot.pause()
        opened = time.perf_counter() - started
        article = app.screen.query_one(ArticleView)
        started = time.perf_counter()
        await pilot.press("n")
        while article.scroll_y < article.laid_out_lines - 100:
            await pilot.pause(0.01)
        return opened, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size-mb", type=float, default=50.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "sources").mkdir()
        count = int(args.size_mb * 1_000_000 / (len(PARAGRAPH) + 20))
        body = "The opening line of the article.\n\n" + "".join(
            f"Paragraph {n}. {PARAGRAPH}\n\n" for n in range(count)) + "The very last line.\n"
        (Path(folder) / "sources" / "big.txt").write_text(body, encoding="utf-8")
        (Path(folder) / "deck.toml").write_text(DECK, encoding="utf-8")
        started = time.perf_counter()
        deck = load_deck([folder])
        loaded = time.perf_counter() - started
    opened, to_end = asyncio.run(measure(deck))
    print(f"article of {len(body) / 1e6:.1f} MB, {count:,} paragraphs")
    print(f"load_deck (read, normalise, verify both quotes)   {loaded * 1000:8.0f} ms")
    print(f"open in the viewer, first lines on screen          {opened * 1000:8.0f} ms")
    print(f"'n' to the last line (wrapped in a worker)         {to_end * 1000:8.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
