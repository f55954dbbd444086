"""Random keys in every mode, at every terminal size from 1x1 to 200x60, resized mid-round:
the app never crashes. Fixed seeds make every run the same keys, so a failure replays.

Keys are posted to the app as the terminal driver posts them, without waiting for each
to be handled: a person mashing keys (ctrl+p then PageDown at once) does the same.
The hostile deck is used, so every screen also draws hostile text.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual import events

from tui.app.app import FactdrillApp
from tui.core.deck.loading import load_deck

HOSTILE = Path(__file__).parent / "data" / "hostile"
KEYS = list("abcnNqxy123 ?") + [
    "enter", "enter", "escape", "escape", "tab", "shift+tab", "up", "down", "down", "left", "right",
    "pageup", "pagedown", "home", "end", "backspace", "delete", "ctrl+p", "f1",
]
CHARACTERS = {"enter": "\r", "tab": "\t", "escape": "\x1b", "backspace": "\x7f"}
SIZES = [(1, 1), (2, 3), (6, 10), (7, 4), (20, 5), (40, 15), (80, 24), (120, 40), (200, 60)]
KEYS_PER_MODE = 1_000
BATCH = 25  # keys posted before the app is let to catch up


def key_event(name: str) -> events.Key:
    if name == " ":
        return events.Key("space", " ")
    if name == "?":
        return events.Key("question_mark", "?")
    if len(name) == 1:
        return events.Key(name, name)
    return events.Key(name, CHARACTERS.get(name))


@pytest.fixture(scope="module")
def deck():
    return load_deck([HOSTILE])


@pytest.mark.parametrize("mode,seed", [("browse", 1), ("search", 2), ("quiz", 3)])
async def test_random_keys_and_sizes_never_crash(deck, mode: str, seed: int) -> None:
    rng = random.Random(seed)
    batches = KEYS_PER_MODE // BATCH
    runs = 0
    while batches > 0:
        runs += 1
        app = FactdrillApp(deck, mode=mode)
        async with app.run_test(size=(80, 24)) as pilot:  # a crash inside the app is raised on leaving
            while batches > 0 and app.return_code is None:
                batches -= 1
                for _ in range(BATCH):
                    app.post_message(key_event(rng.choice(KEYS)))
                await pilot.pause()
                if batches % 4 == 0:
                    await pilot.resize_terminal(*SIZES[(batches // 4) % len(SIZES)])
        # The palette's "Quit" can be typed by chance: a clean exit starts a new app.
        assert app.return_code in (None, 0), f"the app failed (status {app.return_code})"
    assert runs < 20  # mostly one app per mode: the keys did not just quit over and over
