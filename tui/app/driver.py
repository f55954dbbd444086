"""A terminal driver that survives any bytes on stdin.

Textual 8.2's LinuxDriver ends the app when its input thread meets one invalid UTF-8
byte (a Latin-1 "é"): its incremental decoder is strict (upstream Textualize/textual#6456,
fix proposed in #6498/#6624, not released). Its XTermParser raises on escape sequences
with absurd parameters, e.g. `ESC[99999999999999999999A` (OverflowError from chr()) or
`ESC[1;5:9u` (ValueError from int()), which also kills the input thread. This driver
decodes with errors="replace" and restarts the parser after any error, dropping only the
rest of the bad chunk. Remove it once Textual ships the fixes.
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder
from typing import Iterable

from textual._loop import loop_last
from textual._parser import ParseError
from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver
from textual.message import Message


class ForgivingParser(XTermParser):
    """An XTermParser that ignores what it cannot parse instead of raising."""

    def __init__(self, debug: bool = False) -> None:
        self._debug = debug
        super().__init__(debug)

    def _restart(self) -> None:
        XTermParser.__init__(self, self._debug)

    def feed(self, data: str) -> Iterable[Message]:
        try:
            yield from super().feed(data)
        except ParseError:
            raise
        except Exception:  # hostile or garbled input: drop it, keep the app
            self._restart()

    def tick(self) -> Iterable[Message]:
        try:
            yield from super().tick()
        except Exception:
            self._restart()


class ForgivingLinuxDriver(LinuxDriver):
    """LinuxDriver whose input thread replaces invalid UTF-8 and survives parser errors."""

    def run_input_thread(self) -> None:
        # LinuxDriver.run_input_thread (Textual 8.2.8) with two changes: the decoder's
        # errors="replace" and the ForgivingParser.
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        fileno = self.fileno
        parser = ForgivingParser(self._debug)
        decode = getincrementaldecoder("utf-8")(errors="replace").decode

        def process(selector_events, final: bool = False) -> None:
            for last, (_key, mask) in loop_last(selector_events):
                if mask & selectors.EVENT_READ:
                    unicode_data = decode(os.read(fileno, 1024 * 4), final=final and last)
                    if not unicode_data:
                        break
                    for event in parser.feed(unicode_data):
                        self.process_message(event)
            for event in parser.tick():
                self.process_message(event)

        try:
            while not self.exit_event.is_set():
                process(selector.select(0.1))
            selector.unregister(self.fileno)
            process(selector.select(0.1), final=True)
        finally:
            selector.close()
            try:
                for _event in parser.feed(""):
                    pass
            except (EOFError, ParseError):
                pass
