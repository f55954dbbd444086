"""A large deck loads in a worker: the app answers at once, shows progress, then opens the mode."""

from __future__ import annotations

import threading
from pathlib import Path

import tui.app.app
from tui.app.app import FactdrillApp
from tui.core.deck.loading import load_deck
from tui.app.screens.loading import LoadingScreen

DATA = Path(__file__).parent / "data"


async def test_the_app_shows_progress_while_the_deck_loads_then_opens_the_mode(monkeypatch, wait_for,
                                                                               screen_text):
    halfway, release = threading.Event(), threading.Event()

    def slow_load(paths, progress=None, cache=None):
        progress(1, 4)
        halfway.set()
        release.wait(30)
        return load_deck(paths, progress, cache=cache)

    monkeypatch.setattr(tui.app.app, "load_deck", slow_load)
    app = FactdrillApp(None, mode="search", deck_paths=[DATA / "snapdeck"])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, halfway.is_set, "the load to start")
        await wait_for(pilot, lambda: isinstance(app.screen, LoadingScreen)
                       and app.screen.query_one("ProgressBar").progress == 1, "the progress bar at 1 of 4")
        assert "Loading and verifying snapdeck" in screen_text(app)
        await pilot.press("1")  # no deck yet: mode keys wait rather than fail
        assert isinstance(app.screen, LoadingScreen) and app.session is None

        release.set()
        await wait_for(pilot, lambda: app.current_mode == "search" and app.session is not None, "Search mode")
        assert app.sub_title == app.session.deck.title


async def test_a_deck_with_problems_ends_the_app_with_them(tmp_path, wait_for):
    broken = tmp_path / "broken.toml"
    broken.write_text('[deck]\ntitle = "x"\n[[facts]]\nid = "a"\nsurprise = 1\n')
    app = FactdrillApp(None, deck_paths=[broken])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.return_code is not None, "the app to exit")
    assert app.return_code == 1
    assert any("surprise" in problem.message for problem in app.load_problems)
    assert all(problem.path == broken for problem in app.load_problems)


def test_the_command_prints_background_load_problems_after_the_app_closes(monkeypatch, tmp_path, capsys):
    import tui.cli.start
    from tui.cli.main import main

    broken = tmp_path / "broken.toml"
    broken.write_text('[deck]\ntitle = "x"\n[[facts]]\nid = "a"\nsurprise = 1\n')
    monkeypatch.setattr(tui.cli.start, "LOAD_IN_BACKGROUND_BYTES", 0)
    monkeypatch.setattr(tui.cli.start, "require_terminal", lambda command: None)  # capsys is no terminal
    run = FactdrillApp.run
    monkeypatch.setattr(FactdrillApp, "run", lambda self, **options: run(self, headless=True, **options))

    assert main(["--deck", str(broken)]) == 1

    errors = capsys.readouterr().err.splitlines()
    assert any(line.startswith(f"{broken}:5:") and "surprise" in line for line in errors), errors
    assert errors[-1].startswith("factdrill: the deck has")
