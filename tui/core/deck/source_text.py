"""Reading a source's stored article text, from inside the deck only.

A deck may come from anyone, so the path in its `text` key is untrusted: it must
name a regular file inside the folder the deck was loaded from (a symlink is
followed, then checked), never `/etc/passwd` or `/dev/zero`, whose contents a
"quote not found" hint would print or whose reading would never end.
"""

from __future__ import annotations

from pathlib import Path

from tui.core.deck.model import display_path


class SourceTextError(Exception):
    """The source text cannot be used; the message says why, for a deck's author."""


def read_source_text(relative: str, deck_file: Path, root: Path) -> tuple[Path, str]:
    """The resolved path and text of a source's `text`, taken relative to `deck_file`.

    The text is decoded as UTF-8 (a byte-order mark dropped) with every line ending
    read as "\\n", the form quote spans are offsets into. Raises `SourceTextError`
    for a path outside `root`, anything but a regular file, or bytes not UTF-8.
    """
    if not relative.strip() or "\x00" in relative:
        raise SourceTextError("'text' must be the path of the article's text file")
    try:
        path = (deck_file.parent / relative).resolve()
        inside = path.is_relative_to(root.resolve())
    except (OSError, RuntimeError) as error:  # e.g. a symlink loop
        raise SourceTextError(f"cannot resolve source text path '{relative}': {error}") from None
    if not inside:
        raise SourceTextError(
            f"source text '{relative}' is outside the deck folder {display_path(root)}; "
            "a deck may only cite texts stored inside it")
    if not path.exists():
        raise SourceTextError(f"source text file not found: {display_path(path)}")
    if not path.is_file():
        raise SourceTextError(f"source text is not a regular file: {display_path(path)}")
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceTextError(f"cannot read source text {display_path(path)}: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SourceTextError(f"source text {display_path(path)} is not valid UTF-8 (line {line})") from None
    return path, text.replace("\r\n", "\n").replace("\r", "\n")
