"""One loaded deck and everything that lives as long as it: its checker, its search index,
where its progress is saved, and the round asked for at start-up.

The App owns one `DeckSession` and hands it to its screens; each CLI command makes one from
the deck it loaded. Nothing deck-scoped lives in a module-global cache or on a screen.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from tui.core.deck.model import Deck

if TYPE_CHECKING:  # imported when first used: a Browse start-up needs neither
    from tui.core.checking.checker import AnswerChecker
    from tui.core.deck.cache import DeckCache
    from tui.core.factcheck.engine import FactChecker
    from tui.core.progress.store import ProgressRecorder
    from tui.core.quiz.rounds import Round, RoundSpec
    from tui.core.quiz.runner import Recorder, RoundRunner
    from tui.core.search.index import SearchIndex

__all__ = ["DeckSession"]


class DeckSession:
    """A verified deck and its services, each built once, on first use, from any thread."""

    def __init__(self, deck: Deck, *, round_spec: RoundSpec | None = None,
                 progress_path: Path | None = None, cache: DeckCache | None = None) -> None:
        """`round_spec`: a round to start at once (`factdrill quiz --seed …`) instead of the setup form.
        `progress_path`: the progress file (default: the user's, see `tui.core.progress.store`).
        `cache`: the cache the deck was loaded with, which keeps its search index too."""
        self.deck = deck
        self.cache = cache
        self.round_spec = round_spec
        self.progress_path = progress_path
        self.clock: Callable[[], float] = time.monotonic  # what rounds are timed by (tests fix it)
        self._checker: AnswerChecker | None = None
        self._index: SearchIndex | None = None
        self._index_stored = False  # the cache holds this deck's index
        self._recorder: ProgressRecorder | None = None
        self._fact_checker: FactChecker | None = None
        # One lock per service: a quiz warming the checker never waits for the search index.
        self._checker_lock = threading.Lock()
        self._index_lock = threading.Lock()
        self._fact_checker_lock = threading.Lock()

    @property
    def checker(self) -> AnswerChecker:
        """The deck's answer checker (reading every name of a 100,000-fact deck takes a second or two)."""
        with self._checker_lock:
            if self._checker is None:
                from tui.core.checking.checker import AnswerChecker

                self._checker = AnswerChecker(self.deck)
            return self._checker

    @property
    def search_index(self) -> SearchIndex:
        """The deck's search index, read from the cache or else built (and cached), on first use."""
        with self._index_lock:
            if self._index is None:
                self._index = self._cached_index() or self._built_index()
            return self._index

    def search_index_for(self, query: str) -> SearchIndex:
        """An index that answers `query` as the deck's whole index would: that one when it is
        built or cached; else, for a search made once, an index of only the facts `query` can
        match (see `tui.core.search.partial`), or the whole one built when that cannot be had."""
        with self._index_lock:
            if self._index is None:
                self._index = self._cached_index()
            if self._index is not None:
                return self._index
        from tui.core.search.partial import partial_index

        return partial_index(self.deck, query) or self.search_index

    @property
    def cache_incomplete(self) -> bool:
        """Whether `complete_cache` has something to do: a deck to store, or its index."""
        cache = self.cache
        return cache is not None and (cache.writes_deferred or (cache.has_entry(self.deck) and not self._index_stored))

    def complete_cache(self) -> None:
        """Store the deck if its cache deferred that, then its index (built if need be) beside it."""
        if self.cache is None:
            return
        self.cache.write_deferred()
        if not self._index_stored:
            index = self.search_index  # read from the cache, or built and stored
            if not self._index_stored:  # built before the deck was stored
                self._store_index(index)

    @property
    def search_index_ready(self) -> bool:
        """Whether `search_index` is there already (a search now would not wait for it)."""
        return self._index is not None

    def _cached_index(self) -> SearchIndex | None:
        state = self.cache.index_state(self.deck) if self.cache is not None else None
        if state is None:
            return None
        from tui.core.search.index import SearchIndex

        try:
            index = SearchIndex.from_state(self.deck, state)  # type: ignore[arg-type]
        except (TypeError, ValueError, IndexError):  # a stored state of another shape: build it again
            return None
        self._index_stored = True
        return index

    def _built_index(self) -> SearchIndex:
        from tui.core.search.index import SearchIndex

        index = SearchIndex(self.deck)
        self._store_index(index)
        return index

    def _store_index(self, index: SearchIndex) -> None:
        if self.cache is not None and self.cache.has_entry(self.deck):  # else: no deck to tie it to yet
            self.cache.store_index_state(self.deck, index.to_state())
            self._index_stored = True

    @property
    def fact_checker(self) -> FactChecker:
        """The deck's claim checker (`factdrill check`, Search's verdict panel, claim feedback),
        built on first use over this session's search index and answer checker."""
        index, checker = self.search_index, self.checker  # taken first: their own locks
        with self._fact_checker_lock:
            if self._fact_checker is None:
                from tui.core.factcheck.engine import FactChecker

                self._fact_checker = FactChecker(self.deck, index, checker)
            return self._fact_checker

    def recorder(self) -> ProgressRecorder:
        """Where rounds are saved as they are played: this deck in the learner's progress file.

        One per session, so a problem saving is reported once, not once a round; closing it
        (at a round's end) only lets go of the file until the next answer.
        """
        if self._recorder is None:
            from tui.core.progress.store import ProgressRecorder

            self._recorder = ProgressRecorder(self.deck, self.progress_path)
        return self._recorder

    def runner(self, round_: Round, recorder: Recorder | None = None,
               report: Callable[[str], None] = lambda problem: None) -> RoundRunner:
        """`round_` ready to play, graded by this deck's checker and saved to `recorder`
        (the learner's progress by default); `report` is told of a saving problem once."""
        from tui.core.quiz.runner import RoundRunner

        return RoundRunner(self.deck, round_, self.checker,
                           recorder if recorder is not None else self.recorder(), report, self.clock,
                           claims=lambda claim: self.fact_checker.check(claim))
