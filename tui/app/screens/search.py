"""Search mode: a query box, ranked results that follow each keystroke.

Typing restarts a short debounce timer; when it fires, an exclusive thread
worker runs the search and posts the hits back, so the UI never waits on it.
The index is read or built in the background as soon as the deck is there (see
the app), and the debounce follows how long searches take (`debounce_for`).
`tag:` and `source:` filter; a pasted or typed claim (a whole sentence, not
keywords) ranks the facts that bear on it and shows the fact checker's verdict
panel above them. Enter opens a result's detail; Esc there comes back here with
the query kept.
"""

from __future__ import annotations

from pathlib import Path
from time import perf_counter

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.containers import VerticalScroll
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.app.messages import OpenFact
from tui.core.deck.model import Deck
from tui.core.session import DeckSession
from tui.core.factcheck import ClaimVerdict, looks_like_claim
from tui.core.search.index import SearchHit
from tui.present.factcheck import verdict_panel
from tui.present.search import hit_entry
from tui.app.widgets.footer import SteadyFooter

_STYLES = Path(__file__).parent.parent / "styles"
# A search's results wait this long after a keystroke: long enough that a fast typist's next
# key usually comes first when searches are slow, short enough that fast ones follow each key.
DEBOUNCE_MIN_SECONDS = 0.03
DEBOUNCE_MAX_SECONDS = 0.15
DEBOUNCE_PER_SEARCH = 3.0  # times the recent search time


def debounce_for(search_seconds: float | None) -> float:
    """The debounce for searches recently taking `search_seconds` (None: none measured yet)."""
    if search_seconds is None:
        return DEBOUNCE_MAX_SECONDS
    return min(DEBOUNCE_MAX_SECONDS, max(DEBOUNCE_MIN_SECONDS, DEBOUNCE_PER_SEARCH * search_seconds))

RESULT_LIMIT = 30
PLACEHOLDER = "Search facts: words, tag:NAME, source:ID, or paste a claim"


class QueryInput(Input):
    """The search box; ↓ moves into the results (an Input would take it to scroll)."""

    BINDINGS = [
        Binding("down", "screen.focus_results", "Results", id="search.results",
                tooltip="move into the results"),
    ]

    def _on_paste(self, event: events.Paste) -> None:
        # Input keeps only a paste's first line; a claim copied from an article
        # often spans several, so they are joined with spaces.
        text = " ".join(event.text.split())
        if text:
            if self.selection.is_empty:
                self.insert_text_at_cursor(text)
            else:
                self.replace(text, *self.selection)
        event.prevent_default()
        event.stop()


class ResultList(OptionList):
    """Search results; an option's id is its fact id."""

    COMPONENT_CLASSES = {"results--match"}


class SearchScreen(Screen):
    """The search box over the result list."""

    CSS_PATH = _STYLES / "search.tcss"
    # While the query box has focus it takes every printable key (a query may hold
    # "1" or "?"), so Esc or ↓ moves to the results, where the mode keys work.
    BINDINGS = [
        Binding("escape", "switch_focus", "Results / query", show=False, id="search.escape",
                tooltip="between the search box and the results"),
        Binding("slash", "focus_query", "Edit query", id="search.query",
                tooltip="back to the search box"),
    ]

    class ResultsReady(Message):
        """A search finished (posted from the worker thread)."""

        def __init__(self, query: str, hits: list[SearchHit], verdict: ClaimVerdict | None = None) -> None:
            super().__init__()
            self.query = query
            self.hits = hits
            self.verdict = verdict  # the fact checker's, when the query is a claim

    def __init__(self, session: DeckSession) -> None:
        super().__init__()
        self.session = session
        self._debounce: Timer | None = None
        self._shown: SearchScreen.ResultsReady | None = None  # the results on screen, to repaint for a new theme
        self._open_when_ready = False  # Enter came before the results of the query typed
        self._search_seconds: float | None = None  # how long searches take lately, for the debounce

    def compose(self) -> ComposeResult:
        yield Header()
        yield QueryInput(placeholder=PLACEHOLDER, id="query")
        yield Static(self._status_text("", None), id="search-status")
        with VerticalScroll(id="verdict-box"):
            yield Static(id="verdict")
        yield ResultList(id="results")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Search"
        self.query_one(Input).focus()
        # Matching words are styled with the theme's colours when the results are built.
        self.app.theme_changed_signal.subscribe(self, self._repaint_results)

    def _repaint_results(self, _theme: object) -> None:
        if self._shown is not None:
            results = self.query_one(ResultList)
            highlighted = results.highlighted
            self._show_results(self._shown)
            results.highlighted = highlighted

    @property
    def deck(self) -> Deck:
        return self.session.deck

    def _status_text(self, query: str, hits: list[SearchHit] | None) -> Text:
        if not query.strip():
            return Text(f"{len(self.deck.facts)} facts. Type to search; "
                        "Enter or ↓ to choose a result.", style="dim")
        if hits is None:
            return Text("Searching…", style="dim")
        if not hits:
            return Text("No fact matches.", style="dim")
        if looks_like_claim(query):
            found = f"{len(hits)} fact{'s' if len(hits) != 1 else ''} bear on this claim, closest first"
        else:
            found = f"{len(hits)} result{'s' if len(hits) != 1 else ''}"
        return Text(f"{found} · Enter opens the first · ↓ or Esc: the list", style="dim")

    @on(Input.Changed, "#query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._open_when_ready = False  # Enter applied to the query as it was then
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(self.debounce, lambda: self.run_search(event.value))

    @property
    def debounce(self) -> float:
        """Seconds a keystroke waits before its search runs, given how long searches take lately.

        Before any is measured: the shortest when the index is ready (made in the background as
        the app starts; a ready index answers in milliseconds), else the longest.
        """
        if self._search_seconds is None and self.session.search_index_ready:
            return DEBOUNCE_MIN_SECONDS
        return debounce_for(self._search_seconds)

    @work(exclusive=True, thread=True, group="search")
    def run_search(self, query: str) -> None:
        """Search in a thread; the newest query wins (exclusive)."""
        index = self.session.search_index  # ready by now, unless typed within a moment of start-up
        started = perf_counter()
        hits = index.search(query, limit=RESULT_LIMIT) if query.strip() else []
        if query.strip():
            took = perf_counter() - started
            # Smoothed, so one slow claim does not hold the next keystrokes back.
            last = self._search_seconds
            self._search_seconds = took if last is None else 0.7 * last + 0.3 * took
        verdict = self.session.fact_checker.check(query) if looks_like_claim(query) else None
        if not get_current_worker().is_cancelled:  # a newer query replaced this one
            self.post_message(self.ResultsReady(query, hits, verdict))

    @on(ResultsReady)
    def _show_results(self, event: ResultsReady) -> None:
        if event.query != self.query_one(Input).value:
            return  # a stale answer; a newer search is on its way
        self._shown = event
        results = self.query_one(ResultList)
        style = results.get_component_rich_style("results--match")
        results.clear_options()
        results.add_options(
            Option(hit_entry(self.deck, self.session.search_index, hit, style), id=hit.fact.id)
            for hit in event.hits
        )
        if event.hits:
            results.highlighted = 0
        self.query_one("#search-status", Static).update(self._status_text(event.query, event.hits))
        self._show_verdict(event.verdict)
        if self._open_when_ready:
            self._open_when_ready = False
            if event.hits:
                results.action_select()

    def _show_verdict(self, verdict: ClaimVerdict | None) -> None:
        """The verdict panel above the results for a claim; nothing for keywords."""
        box = self.query_one("#verdict-box")
        box.display = verdict is not None
        if verdict is not None:
            self.query_one("#verdict", Static).update(verdict_panel(self.deck, verdict))
            box.scroll_home(animate=False)

    @property
    def verdict(self) -> ClaimVerdict | None:
        """The verdict shown for the current query, or None (keywords, or still checking)."""
        return self._shown.verdict if self._shown is not None else None

    @on(Input.Submitted, "#query")
    def _submit(self, event: Input.Submitted) -> None:
        if self._shown is None or self._shown.query != event.value:
            # The results on screen (if any) are for an earlier query: open the top
            # result of this one when it arrives, not a stale one now.
            self._open_when_ready = bool(event.value.strip())
            return
        results = self.query_one(ResultList)
        if results.highlighted is not None:
            results.action_select()

    @on(OptionList.OptionSelected, "#results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(OpenFact(event.option.id))

    def action_focus_results(self) -> None:
        # Even an empty list takes focus: out of the search box the mode keys work.
        self.query_one(ResultList).focus()

    def action_focus_query(self) -> None:
        self.query_one(Input).focus()

    def action_switch_focus(self) -> None:
        if isinstance(self.focused, Input):
            self.action_focus_results()
        else:
            self.action_focus_query()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Show in the footer only the move that makes sense from where focus is.
        typing = isinstance(self.focused, Input)
        if action == "focus_results":
            return typing
        if action == "focus_query":
            return not typing
        return True

    @property
    def results(self) -> list[str]:
        """Fact ids of the results shown, in order (for tests and the palette)."""
        results = self.query_one(ResultList)
        return [results.get_option_at_index(i).id for i in range(results.option_count)]
