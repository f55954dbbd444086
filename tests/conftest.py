"""Shared fixtures: the small stable snapshot deck, a deck of hostile text, and waiting helpers.

The TUI tests run on a loaded 2-core machine, so they never sleep a fixed time:
`wait_for` polls a condition between short pauses and fails only after a
generous timeout.
"""

from __future__ import annotations

import html
import re

import asyncio
import atexit
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Awaitable, Callable

import pytest

from tui.core.deck.model import Deck
from tui.core.deck.loading import load_deck

# Quizzes save progress; the suite (and every factdrill it starts, in subprocesses and
# tmux) writes to a scratch folder, never into the real user's progress.
os.environ["FACTDRILL_DATA_DIR"] = tempfile.mkdtemp(prefix="factdrill-test-progress-")
atexit.register(shutil.rmtree, os.environ["FACTDRILL_DATA_DIR"], ignore_errors=True)
# ...and caches decks in a scratch folder, never in the user's cache.
os.environ["FACTDRILL_CACHE_DIR"] = tempfile.mkdtemp(prefix="factdrill-test-cache-")
atexit.register(shutil.rmtree, os.environ["FACTDRILL_CACHE_DIR"], ignore_errors=True)
# A search fills the cache before it returns, so no test races a detached process writing
# behind it; tests/test_search_cold_cache.py turns detaching back on to test it.
os.environ["FACTDRILL_DETACH"] = "0"


def load_script(name: str, module_name: str | None = None):
    """A script of scripts/ (`coverage.py`, ...) imported as a module, for testing its functions."""
    import importlib.util
    import sys

    path = Path(__file__).resolve().parent.parent / "scripts" / name
    spec = importlib.util.spec_from_file_location(module_name or f"script_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    # Registered before running: dataclasses look their module up in sys.modules.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module

DATA = Path(__file__).parent / "data"
SNAPDECK = DATA / "snapdeck"
WAIT_SECONDS = 30.0


@pytest.fixture(scope="session")
def snapdeck() -> Deck:
    return load_deck([SNAPDECK])


@pytest.fixture
def make_app(snapdeck: Deck):
    """FactdrillApp over the snapshot deck (or another deck), in a given mode."""
    from tui.app.app import FactdrillApp

    def make(mode: str = "browse", deck: Deck | None = None) -> FactdrillApp:
        return FactdrillApp(deck or snapdeck, mode=mode)

    return make


async def _wait_for(pilot, condition: Callable[[], bool], what: str = "condition",
                    timeout: float = WAIT_SECONDS) -> None:
    deadline = time.monotonic() + timeout
    problem: Exception | None = None
    while True:
        await pilot.pause()
        try:
            if condition():
                return
        except Exception as error:  # e.g. NoMatches while a screen is still being composed
            problem = error
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what} (last error: {problem!r})")
        await asyncio.sleep(0.02)


@pytest.fixture
def wait_for() -> Callable[..., Awaitable[None]]:
    """`await wait_for(pilot, lambda: ..., "what")`: poll until true, or fail after a long timeout."""
    return _wait_for


# Markup, a link, and terminal escape sequences (clear screen, colours) in every
# field a screen shows: all must appear literally.
HOSTILE_TEXT = (
    "The [bold]mayor[/] of Testville said 12 bridges \x1b[31mwere closed\x1b[0m on Friday.\n\n"
    "Nothing else happened [link=http://example.com]here[/link].\n"
)
HOSTILE_TOML = r'''
[deck]
title = "Hostile [b]deck[/b]"

[[sources]]
id = "a"
title = "[red]Bridges[/] closed \u001b[2J"
title_kind = "headline"
outlet = "The [i]Outlet[/i]"
date = "2025-06-06"
date_precision = "exact"
language = "en"
text = "sources/a.txt"

[[facts]]
id = "bridges"
statement = "The [bold]mayor[/] said 12 bridges \u001b[31mwere closed\u001b[0m."
questions = ["How many bridges [i]closed[/i]?"]
answer = "12 [/]"
kind = "text"
tags = ["[blink]tag[/blink]"]

[[facts.citations]]
source = "a"
quote = "The [bold]mayor[/] of Testville said 12 bridges \u001b[31mwere closed\u001b[0m on Friday."
'''


@pytest.fixture
def hostile_deck(tmp_path: Path) -> Deck:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (tmp_path / "deck.toml").write_text(HOSTILE_TOML, encoding="utf-8")
    return load_deck([tmp_path])


_CELL_WIDTH, _LINE_HEIGHT, _TOP = 12.2, 24.4, 1.5  # Rich's SVG export: one cell, one line, the first line's top
_TEXT = re.compile(r'<text class="[^"]*-r\d+" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
                   r'clip-path="url\(#[^)]*-line-(\d+)\)">(.*?)</text>', re.S)
_BACKGROUND = re.compile(r'<rect fill="(#[0-9a-fA-F]+)" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" '
                         r'height="[\d.]+" shape-rendering="crispEdges"/>')


def screen_cells(app) -> list[list[tuple[str, str]]]:
    """What the screen shows, read from Textual's public screenshot (SVG): one row per line,
    one (character, background colour) per cell. No private compositor state is read."""
    width, height = app.size
    rows = [[(" ", "")] * width for _ in range(height)]
    svg = app.export_screenshot()
    for fill, x, y, cells in _BACKGROUND.findall(svg):
        line = round((float(y) - _TOP) / _LINE_HEIGHT)
        first = round(float(x) / _CELL_WIDTH)
        for column in range(first, min(width, first + round(float(cells) / _CELL_WIDTH))):
            if 0 <= line < height:
                rows[line][column] = (rows[line][column][0], fill)
    for x, line, text in _TEXT.findall(svg):
        line, column = int(line), round(float(x) / _CELL_WIDTH)
        for character in html.unescape(text).replace("\xa0", " "):
            if line < height and column < width and character != "\n":
                rows[line][column] = (character, rows[line][column][1])
            column += 1
    return rows


def _screen_text(app) -> str:
    """The plain text of the top screen (what a user sees, minus colour)."""
    return "\n".join("".join(char for char, _ in row).rstrip() for row in screen_cells(app))


@pytest.fixture
def screen_text() -> Callable[..., str]:
    return _screen_text


def _widget_text(app, widget) -> str:
    """The text shown inside `widget`'s region, lines joined and runs of spaces collapsed,
    so a search for a sentence does not depend on where it wrapped."""
    region = widget.region
    rows = screen_cells(app)[region.y:region.bottom]
    lines = ("".join(char for char, _ in row[region.x:region.right]) for row in rows)
    return " ".join(" ".join(line.split()) for line in lines).strip()


@pytest.fixture
def widget_text() -> Callable[..., str]:
    return _widget_text
