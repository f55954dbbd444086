"""The factdrill Textual app: five modes (Browse, Search, Quiz, Report, Progress) over one verified deck.

Each mode keeps its own screen stack; detail screens (a fact, a source) are
pushed on top of the current mode's stack and popped with Esc. Screens and
widgets post navigation messages (`tui.app.messages`) and the app answers them
here, so every screen opens facts and sources the same way. The app owns the
`DeckSession` and hands it to each screen it makes.
"""

from __future__ import annotations

import gc
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.driver import Driver
from textual.screen import Screen

from tui.app.messages import DeckChanged, GoToFact, OpenFact, OpenSource
from tui.app.widgets.fact_detail import FactDetail
from tui.core.deck.loading import DeckProblems, Problem, load_deck
from tui.core.deck.model import Deck
from tui.core.safe_text import printable
from tui.core.session import DeckSession

if TYPE_CHECKING:
    from textual.command import Provider

    from tui.app.widgets.article import ArticleView
    from tui.core.deck.cache import DeckCache
    from tui.core.quiz.rounds import RoundSpec

_STYLES = Path(__file__).parent / "styles"


def _palette_commands() -> type[Provider]:
    # Imported when the palette first opens, not at start-up.
    from tui.app.palette import FactdrillCommands

    return FactdrillCommands


def _freeze_long_lived_objects(what: str) -> None:
    """Exempt what exists now (imported modules, the loaded deck, its index) from the cyclic GC.

    They live as long as the process; otherwise the next full collection, due soon after
    loading a deck or building its index allocated so much, walks all of them again (about
    a second on a 100,000-fact deck). Once per process for each `what` ("deck", "index"),
    so a test session does not pin each test's objects.
    """
    if what not in _frozen:
        _frozen.add(what)
        gc.freeze()


_frozen: set[str] = set()


_MODE_NAMES = ("browse", "search", "quiz", "drafts", "report", "progress")


class FactdrillApp(App):
    """The TUI over one deck session (`app.session`), or a deck still loading behind a progress screen."""

    TITLE = "factdrill"
    # Every mode's styles are the app's, read once at start: a screen bringing CSS of its own
    # makes Textual parse all of it again (every widget's too) and restyle the app, when it is
    # first shown (0.1-0.2 s at each first switch of mode). The screens' CSS_PATH names the same files.
    CSS_PATH = [_STYLES / "app.tcss", _STYLES / "browse.tcss", _STYLES / "search.tcss", _STYLES / "quiz.tcss"]
    COMMANDS = App.COMMANDS | {_palette_commands}
    # Mode keys are plain bindings (not priority), so a focused Input gets "1" first
    # and types it; they fire only when no widget consumes the key.
    BINDINGS = [
        Binding("1", "switch_mode('browse')", "Browse", id="mode.browse", tooltip="facts by topic or article"),
        Binding("2", "switch_mode('search')", "Search", id="mode.search", tooltip="search facts or paste a claim"),
        Binding("3", "switch_mode('quiz')", "Quiz", id="mode.quiz", tooltip="quiz yourself"),
        # Listed under Keys, not in the footer (whose snapshots stay as they were): a learner on their
        # own has no class to report on, and Progress is one key away from any mode.
        Binding("4", "switch_mode('report')", "Report", id="mode.report", tooltip="a class's drill results, live",
                show=False),
        Binding("5", "switch_mode('progress')", "Progress", id="mode.progress",
                tooltip="yours: accuracy by day, most missed, due today", show=False),
        # f1 too, because "?" is typed into the search box while it has focus.
        Binding("question_mark,f1", "help", "Keys", id="app.help", tooltip="this list"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True),
        # Last, so a narrow footer drops it before the keys every deck needs.
        Binding("d", "switch_mode('drafts')", "Drafts", id="mode.drafts", tooltip="review drafted facts"),
    ]

    def __init__(self, deck: Deck | None, mode: str = "browse", *, deck_paths: Sequence[Path] = (),
                 round_spec: RoundSpec | None = None, deck_folder: Path | None = None,
                 results: str | Path | None = None, report_drill: str | None = None,
                 cache: DeckCache | None = None) -> None:
        """Open `deck`; or, with `deck=None`, load `deck_paths` in a worker behind a progress screen.
        `round_spec` starts a quiz round at once instead of showing the setup form.
        `deck_folder`: the deck's own folder, where new and reviewed facts are written (None: read-only).
        Report mode reads the class results store `results` (default: ./results), only `report_drill` if given.
        `cache`: the deck cache to load with, and to keep the search index in."""
        if deck is not None:
            # Start in `mode` itself, its screen made by get_default_screen (see there).
            self.DEFAULT_MODE = mode
            _freeze_long_lived_objects("deck")
        super().__init__()
        self._round_spec = round_spec
        self._cache = cache
        self.session: DeckSession | None = None if deck is None else DeckSession(
            deck, round_spec=round_spec, cache=cache)
        self.start_mode = mode
        self._shown_first_screen = False
        self.deck_paths = tuple(deck_paths)
        self.deck_folder = deck_folder
        self.load_problems: tuple[Problem, ...] = ()  # why the deck did not load; the app has exited
        self.results = results if results is not None else Path("results")
        self.report_drill = report_drill
        for name in _MODE_NAMES:
            if deck is None or name != mode:  # the start mode is added once its screen is up (on_mount)
                self.add_mode(name, partial(self._mode_screen, name))
        if deck is not None:
            self.sub_title = printable(deck.title)

    def _mode_screen(self, mode: str) -> Screen:
        """The screen a mode starts with, given this app's deck session (imported when first shown)."""
        screen = self._new_mode_screen(mode)
        if self._shown_first_screen:
            # Its widgets are styled as they mount, by the stylesheet as it is now. Marked as up to
            # date with it, or Textual parses all the CSS again from scratch and restyles every screen,
            # twice, before its first frame (at each first switch of mode). Not the first screen: it
            # needs that restyle (without it some text takes the background's colour).
            screen._css_update_count = self._css_update_count
        return screen

    def _new_mode_screen(self, mode: str) -> Screen:
        assert self.session is not None, "modes open only once the deck is loaded"
        if mode == "browse":
            from tui.app.screens.browse import BrowseScreen

            return BrowseScreen(self.session)
        if mode == "search":
            from tui.app.screens.search import SearchScreen

            return SearchScreen(self.session)
        if mode == "drafts":
            from tui.app.screens.drafts import DraftsScreen

            return DraftsScreen(self.session)
        if mode == "report":
            from tui.app.screens.report import ReportScreen

            return ReportScreen(self.session, self.results, self.report_drill)
        if mode == "progress":
            from tui.app.screens.progress import ProgressScreen

            return ProgressScreen(self.session)
        from tui.app.screens.quiz import QuizScreen

        return QuizScreen(self.session)

    def on_ready(self) -> None:
        self._shown_first_screen = True
        # The first screen is drawn: now the search index can be read or built, off the UI thread.
        if self.session is not None:
            self._prepare_search_index()

    @work(thread=True, exclusive=True, group="search-index")
    def _prepare_search_index(self) -> None:
        """Read (or build) the search index now, so the first search does not wait for it."""
        assert self.session is not None
        if not self.session.search_index_ready:
            self.session.search_index
            self.call_from_thread(_freeze_long_lived_objects, "index")

    def get_default_screen(self) -> Screen:
        """The start mode's screen, when the deck is already loaded.

        Textual asks for it because DEFAULT_MODE (the start mode) is not yet a registered mode.
        A screen made from a registered mode is composed, styled and laid out while the app is
        still starting, and that first frame is thrown away; this one is drawn once the app is
        ready, complete (footer too) in one frame: about 40 ms sooner.
        """
        if self.session is None:
            return super().get_default_screen()
        screen = self._new_mode_screen(self.start_mode)
        # Textual reads a screen's own CSS_PATH only for screens it makes from modes.
        for path in screen.css_path:
            if not self.stylesheet.has_source(str(path)):
                self.stylesheet.read(path)
        return screen

    def on_mount(self) -> None:
        if self.session is not None:
            # Its screen stack already holds the default screen: switching back finds it there,
            # and after `remove_mode` (a changed deck) a new one is made from here.
            self.add_mode(self.start_mode, partial(self._mode_screen, self.start_mode))
            return
        from tui.app.screens.loading import LoadingScreen

        names = ", ".join(path.name for path in self.deck_paths)
        self.push_screen(LoadingScreen(printable(names)))
        self._load_deck()

    @work(thread=True, exclusive=True, group="load-deck")
    def _load_deck(self) -> None:
        screen = self.screen

        def progress(done: int, total: int) -> None:
            self.call_from_thread(screen.set_progress, done, total)

        try:
            deck = load_deck(self.deck_paths, progress, cache=self._cache)
        except DeckProblems as problems:
            self.call_from_thread(self._deck_failed, tuple(problems.problems))
        else:
            self.call_from_thread(self._deck_loaded, deck)

    async def _deck_loaded(self, deck: Deck) -> None:
        self.session = DeckSession(deck, round_spec=self._round_spec, cache=self._cache)
        _freeze_long_lived_objects("deck")
        self.sub_title = printable(deck.title)
        await self.switch_mode(self.start_mode)
        self._prepare_search_index()

    def _deck_failed(self, problems: tuple[Problem, ...]) -> None:
        self.load_problems = problems
        self.exit(return_code=1)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Nothing to browse, search or quiz until the deck is there.
        if self.session is None and action in ("switch_mode", "command_palette"):
            return False
        return True

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # The palette's "Keys" opens the same list as ? and f1, not Textual's side panel.
        for command in super().get_system_commands(screen):
            if command.title == "Keys":
                command = SystemCommand("Keys", "The keys that work here (also ? or f1)", self.action_help)
            yield command

    def get_driver_class(self) -> type[Driver]:
        driver = super().get_driver_class()
        # A real terminal on Linux/macOS (the module imports termios: named, not imported, here).
        if (driver.__module__, driver.__name__) == ("textual.drivers.linux_driver", "LinuxDriver"):
            from tui.app.driver import ForgivingLinuxDriver

            return ForgivingLinuxDriver
        return driver

    # Every palette is factdrill's Palette (unique ids, Textual 8.2 workarounds): the root one,
    # and the two Textual opens itself (the "Theme" system command, search_commands).
    def action_command_palette(self) -> None:
        from tui.app.palette import Palette

        if self.use_command_palette and not Palette.is_open(self):
            self.push_screen(Palette())

    def search_themes(self) -> None:
        from textual.theme import ThemeProvider

        from tui.app.palette import Palette

        self.push_screen(Palette(providers=[ThemeProvider], placeholder="Search for themes…"))

    def search_commands(self, commands, placeholder: str = "Search for commands…"):
        from textual.command import SimpleProvider

        from tui.app.palette import Palette

        return self.push_screen(Palette(providers=[SimpleProvider(self.screen, commands)], placeholder=placeholder))

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            app_keys = [b for b in self.BINDINGS if isinstance(b, Binding)]
            self.push_screen(HelpScreen(self.active_bindings, app_keys))

    # --- navigation: every screen and widget asks by message -----------------------------------

    @on(OpenFact)
    def _open_fact(self, message: OpenFact) -> None:
        from tui.app.screens.fact import FactScreen

        assert self.session is not None
        self.push_screen(FactScreen(self.session.deck, self.session.deck.fact(message.fact_id)))

    @on(OpenSource)
    def _open_source(self, message: OpenSource) -> None:
        from tui.app.screens.source import SourceScreen

        assert self.session is not None
        self.push_screen(SourceScreen(self.session.deck, message.source_id, message.citation))

    @on(GoToFact)
    async def _go_to_fact(self, message: GoToFact) -> None:
        from tui.app.screens.browse import BrowseScreen

        await self.switch_mode("browse")
        while len(self.screen_stack) > 1:  # leave detail screens so the list shows
            await self.pop_screen()
        if isinstance(self.screen, BrowseScreen):
            self.screen.select_fact(message.fact_id)

    @on(DeckChanged)
    async def _deck_changed(self, message: DeckChanged) -> None:
        """Load the written deck again and rebuild every mode on it; show the source again if asked."""
        assert self.deck_folder is not None
        try:
            deck = load_deck([self.deck_folder], complete=False)
        except DeckProblems as problems:  # written files are validated first, so only an outside edit
            self.notify("\n".join(map(str, problems.problems[:5])), title="The deck no longer loads",
                        severity="error")
            return
        self.session = DeckSession(deck)
        current = self.current_mode
        if current == "drafts":
            from tui.app.screens.drafts import DraftsScreen

            for screen in self.screen_stack:
                if isinstance(screen, DraftsScreen):
                    screen.refresh_from(self.session, screen.query_one("OptionList").highlighted or 0)
        else:  # stand on a fresh Drafts screen while the mode in use is rebuilt
            await self._rebuild_mode("drafts")
            await self.switch_mode("drafts")
        for name in _MODE_NAMES:
            if name not in ("drafts", self.current_mode):
                await self._rebuild_mode(name)
        if current != "drafts":
            await self.switch_mode(current)
            if message.source_id is not None:
                from tui.app.screens.source import SourceScreen

                await self.push_screen(SourceScreen(deck, message.source_id, sentence=message.sentence))

    async def _rebuild_mode(self, name: str) -> None:
        await self.remove_mode(name)
        self.add_mode(name, partial(self._mode_screen, name))

    @on(FactDetail.CitationChosen)
    def _citation_chosen(self, event: FactDetail.CitationChosen) -> None:
        self.post_message(OpenSource(event.citation.source_id, event.citation))

    # Named for the message rather than decorated with @on, so the article widget is
    # imported with the source viewer, not at start-up.
    def on_article_view_fact_chosen(self, event: ArticleView.FactChosen) -> None:
        self.post_message(OpenFact(event.fact_id))
