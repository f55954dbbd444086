"""The one way out to the terminal: everything the CLI writes passes a sanitiser here.

Text from a deck, a source, progress or a results store is data. Three guards make sure
it can never act on the terminal, whichever way a command writes it:

- `guarded_output()` (entered by `factdrill`'s main for every command) replaces
  `sys.stdout`/`sys.stderr` with streams that show controls, bidi and zero-width
  characters as visible stand-ins, so even a bare `print()` is safe;
- `output_console()` is a Rich console with markup, emoji codes and highlighting off that
  sanitises every piece of text it renders (its own style codes go out untouched);
- `write_json()` escapes every control, bidi and zero-width character as `\\uXXXX`, and
  `print_problems()` prints each problem on exactly one line.
"""

from __future__ import annotations

import io
import json
import re
import sys
from contextlib import contextmanager
from typing import IO, Any, Iterable, Iterator

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Text

from tui.core.safe_text import is_printable, printable

__all__ = ["SafeStream", "guarded_output", "output_console", "print_problems", "write_json"]


class SafeStream(io.TextIOBase):
    """A text stream that writes `printable()` text to the stream it wraps."""

    def __init__(self, stream: IO[str]) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(printable(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    def writable(self) -> bool:
        return True

    @property
    def buffer(self):  # type: ignore[no-untyped-def]
        # Binary output (an .apkg written to "-") is a file's bytes, not text: passed as it is.
        return self.stream.buffer

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", "utf-8")

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self.stream, "errors", None)


def unwrapped(stream: IO[str]) -> IO[str]:
    """The stream a `SafeStream` wraps (for a writer that sanitises on its own), else `stream`."""
    return stream.stream if isinstance(stream, SafeStream) else stream


@contextmanager
def guarded_output() -> Iterator[None]:
    """Within the block, `sys.stdout` and `sys.stderr` show controls as visible stand-ins."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(unwrapped(sys.stdout)), SafeStream(unwrapped(sys.stderr))
    try:
        yield
    finally:
        # Flush what the guard holds before handing the real streams back.
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        sys.stdout, sys.stderr = saved


class OutputConsole(Console):
    """A Rich console for a command's output: never parses markup, never lets text act.

    A plain str is made printable before it is laid out, and every text segment it renders
    passes `printable()` again (control segments, Rich's own cursor and style codes, are not
    text and go out as they are). A `Text` is expected to be safe already (built with
    `tui.present.text.safe`); for one that was not, this is the last guard: its layout may be
    a cell off, but nothing escapes.
    """

    def render_str(self, text: str, **options: Any) -> Text:
        # A plain str (a table cell, a title) is made printable before it is measured.
        return super().render_str(printable(text), **options)

    def render(self, renderable: RenderableType, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control or is_printable(segment.text):
                yield segment
            else:
                yield Segment(printable(segment.text), segment.style)

    def on_broken_pipe(self) -> None:
        # When the reader leaves (`factdrill show X | head`) Rich would exit with 1; raising
        # BrokenPipeError lets `main` end cleanly with 0, as the JSON outputs do.
        self.quiet = True
        raise BrokenPipeError


def output_console(**options: Any) -> Console:
    """The console commands print to (stdout unless `file=`): no markup, emoji or highlighting."""
    stream = options.pop("file", None) or (sys.stderr if options.pop("stderr", False) else sys.stdout)
    # The console sanitises its own text; the guard would also mangle its style codes.
    return OutputConsole(file=unwrapped(stream), markup=False, emoji=False, highlight=False, **options)


# Everything json.dumps leaves raw that a terminal acts on or hides: DEL, C1, bidi, zero-width.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069"
                          "\u180e\ufeff\ufff9-\ufffb]")


def json_text(obj: Any, *, indent: int | None = 2) -> str:
    """`obj` as JSON (UTF-8 kept readable) with every control, bidi and zero-width character escaped."""
    text = json.dumps(obj, ensure_ascii=False, indent=indent)
    # Those characters can only occur inside JSON strings, where \\uXXXX means the same.
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_json(value: Any, file: IO[str] | None = None, *, indent: int | None = 2) -> None:
    """Print `value` as JSON followed by a newline (see `json_text`) on stdout or `file`."""
    stream = unwrapped(file or sys.stdout)
    stream.write(json_text(value, indent=indent) + "\n")
    stream.flush()


def print_problems(problems: Iterable[object], file: IO[str] | None = None) -> int:
    """Print each problem on one line of its own, shown with `printable()`; returns how many."""
    stream = unwrapped(file or sys.stderr)
    count = 0
    for problem in problems:
        stream.write(printable(str(problem), one_line=True) + "\n")
        count += 1
    stream.flush()
    return count
