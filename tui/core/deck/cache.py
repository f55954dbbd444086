"""A persistent cache of verified decks and their search indexes: an unchanged deck loads at once.

An entry holds the deck the loader built, as plain tuples (marshal; see plain.py)
rebuilt with the model's fast constructors, and is keyed by every file it was built from:
each deck file and each source text, by path, size, mtime, ctime and inode. The
search index built for that deck sits beside it, tied to it by a random token.

When a cached deck could be wrong, and what is done about it:
- A file changed since the entry was written has another size, mtime or ctime
  (ctime cannot be set back by `touch -d` or `cp -p`); a file added to or removed
  from a deck folder changes the list of files; a source text reached through a
  symlink is checked to lead to the same file. The entry is not used.
- mtime cannot be trusted for a file modified within `RACY_SECONDS` of the
  moment its stat was taken: a second change in the same clock tick (or within a
  coarse filesystem's 2-second step) would keep the same stat. Such a file's
  content hash (BLAKE2b) is stored too and checked on every load.
- A file changed while the deck was loading: its stat before and after the load
  differ, and nothing is stored.
- A truncated or corrupted entry fails its Adler-32 checksum or cannot be decoded; another
  cache format, Python version or byte order has another header. Each is a miss.
- Entries are written to a temporary file and moved into place (`os.replace`),
  so a reader never sees half an entry.
A miss costs the full load (which writes the entry again), never a wrong deck.
Only a deck that loaded without problems is stored, so a deck with problems is
reported the same way with a warm cache.
"""

from __future__ import annotations

import gc
import marshal
import os
import sys
import time
import zlib
from pathlib import Path
from typing import Callable, Iterable, Sequence

from tui.core.deck.files import deck_files
from tui.core.deck.model import Deck
from tui.core.deck.plain import SHAPE, deck_from_plain, deck_to_plain
from tui.core.deck.schema import Report

__all__ = ["CACHE_DIR_VARIABLE", "DeckCache", "PendingEntry", "default_cache_dir"]

CACHE_FORMAT = 5  # bump when the payload's shape changes
CACHE_DIR_VARIABLE = "FACTDRILL_CACHE_DIR"
RACY_SECONDS = 2.0
# Another format, Python, byte order or shape of the model (see plain.py) makes another header.
_MAGIC = (f"factdrill-cache {CACHE_FORMAT} {sys.implementation.cache_tag} marshal{marshal.version} "
          f"{sys.byteorder} {zlib.crc32(SHAPE.encode()):08x}\n").encode()

Stat = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode
Fingerprint = tuple[tuple[str, Stat, "bytes | None"], ...]  # path, stat, text hash if racy


def default_cache_dir() -> Path:
    """$FACTDRILL_CACHE_DIR when set (tests point it at a scratch folder), else the user's cache folder."""
    configured = os.environ.get(CACHE_DIR_VARIABLE)
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factdrill", appauthor=False)) / "decks"


# --- fingerprints -----------------------------------------------------------------------

def _stat(path: str) -> Stat | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _text_hash(text: str) -> bytes:
    """A hash of a text as the loader reads it: line endings as "\\n"."""
    from hashlib import blake2b  # only for files too recent to trust their stat

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _file_text_hash(path: str) -> bytes | None:
    """The hash of the file's text as the loader reads it (UTF-8, a BOM dropped, newlines as "\\n")."""
    try:
        with open(path, "rb") as file:
            text = file.read().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return _text_hash(text)


def stat_all(paths: Iterable[str]) -> dict[str, Stat | None]:
    """Each file's stat now (None when it cannot be read)."""
    return {path: _stat(path) for path in paths}


def _head_holds(head: object, paths: Sequence[Path]) -> bool:
    """Whether an entry's head still describes `paths`: the same files, unchanged, each symlinked
    source text still leading to the same file."""
    wanted_paths, files, fingerprint, links, _ = head  # type: ignore[misc]
    return (wanted_paths == _absolute(paths) and files == _deck_file_names(paths) and _holds(fingerprint)
            and all(os.path.realpath(written) == resolved for written, resolved in links))


def _holds(fingerprint: Fingerprint) -> bool:
    for path, stat, digest in fingerprint:
        if _stat(path) != stat or (digest is not None and _file_text_hash(path) != digest):
            return False
    return True


# --- entry files -----------------------------------------------------------------------

def _pack(head: object, body: object) -> bytes:
    head_bytes, body_bytes = marshal.dumps(head), marshal.dumps(body)
    return b"".join((_MAGIC, len(head_bytes).to_bytes(8, "little"), head_bytes,
                     zlib.adler32(body_bytes).to_bytes(4, "little"), body_bytes))


def _read_head(data: bytes) -> tuple[object, int]:
    """The entry's head, and where its body starts; ValueError when not an entry of this format."""
    if not data.startswith(_MAGIC):
        raise ValueError("not a cache entry of this format")
    start = len(_MAGIC) + 8
    end = start + int.from_bytes(data[len(_MAGIC):start], "little")
    return marshal.loads(data[start:end]), end


def _read_body(data: bytes, at: int) -> object:
    body = memoryview(data)[at + 4:]
    if zlib.adler32(body).to_bytes(4, "little") != data[at:at + 4]:
        raise ValueError("corrupted cache entry")
    # Millions of new objects, none in a cycle: the collector would only walk them again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return marshal.loads(body)
    finally:
        if collecting:
            gc.enable()


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        with open(temporary, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _absolute(paths: Sequence[Path]) -> list[str]:
    return [os.path.abspath(path) for path in paths]


def _deck_file_names(paths: Sequence[Path]) -> list[str] | None:
    report = Report()
    files = [str(file) for file in deck_files([Path(p) for p in paths], report)]
    return None if report.problems else files


class PendingEntry:
    """A full load under way, to be stored when it gives a deck (see `DeckCache.start`).

    A file changed since `RACY_SECONDS` before the load began may change again without
    its stat showing it: such a file is fingerprinted by the text the loader read too
    (`read` keeps a deck file's; a source's is in the deck). A deck file whose stat
    changed during the load is not stored at all.
    """

    def __init__(self, cache: DeckCache, paths: list[Path]):
        self.cache, self.paths = cache, paths
        self.started_ns = time.time_ns()
        self.files = _deck_file_names(paths)
        self.before = stat_all(self.files or ())
        self._racy_from = self.started_ns - int(RACY_SECONDS * 1e9)
        self._texts: dict[str, str] = {}
        self._links: dict[str, str] = {}  # a source text's path as written -> the file it led to

    def _recent(self, stat: Stat) -> bool:
        return max(stat[1], stat[2]) >= self._racy_from

    def read(self, path: Path, text: str | None) -> None:
        """The loader read deck file `path` as `text`; kept only while its stat is too recent to trust."""
        stat = self.before.get(str(path))
        if stat is not None and text is not None and self._recent(stat):
            self._texts[str(path)] = text

    def text_found(self, written: Path, resolved: Path) -> None:
        """A source's `text` path, as written, led to `resolved`: through a symlink, maybe."""
        written_name = os.path.abspath(written)
        if written_name != str(resolved):
            self._links[written_name] = str(resolved)

    def store(self, deck: Deck) -> None:
        """Keep `deck` for the next load of the same paths, if nothing changed under the load
        (at once, or at `DeckCache.write_deferred` when the cache defers its writes)."""
        if self.cache.defer_writes:
            self.cache._deferred.append(lambda: self._store(deck))
        else:
            self._store(deck)

    def _store(self, deck: Deck) -> None:
        if self.files is None or stat_all(self.files) != self.before:
            return
        stats, loaded = dict(self.before), dict(self._texts)
        for source in deck.sources.values():
            stats[str(source.text_path)] = _stat(str(source.text_path))
            loaded[str(source.text_path)] = source.text
        fingerprint = []
        for path, stat in stats.items():
            if stat is None or (self._recent(stat) and path not in loaded):
                return
            fingerprint.append((path, stat, _text_hash(loaded[path]) if self._recent(stat) else None))
        token = os.urandom(8)
        entry = self.cache._entry_path(self.paths)
        try:
            head = (_absolute(self.paths), self.files, tuple(fingerprint), tuple(self._links.items()), token)
            _write_atomically(entry, _pack(head, deck_to_plain(deck)))
            entry.with_suffix(".index").unlink(missing_ok=True)
        except OSError:
            return
        self.cache._remember(deck, entry, token)


class DeckCache:
    """Cached decks and indexes in `directory` (default: `default_cache_dir()`), one entry per deck paths.

    `load_deck(paths, cache=...)` asks `load` first and `store`s what it loaded;
    the deck session asks `index_state` and `store_index_state` for the search
    index of a deck this cache loaded or stored. Failing to write is never an
    error: the cache is only ever a shortcut.
    """

    def __init__(self, directory: Path | None = None, *, defer_writes: bool = False):
        """`defer_writes`: keep a loaded deck to store at `write_deferred`, for a command that
        answers first and leaves filling the cache to a background process."""
        self.directory = directory or default_cache_dir()
        self.defer_writes = defer_writes
        self._deferred: list[Callable[[], None]] = []
        self._tokens: list[tuple[Deck, Path, bytes]] = []  # (deck, its entry, the entry's token)

    def _entry_path(self, paths: Sequence[Path]) -> Path:
        named = "\0".join(os.path.abspath(p) for p in paths).encode()
        return self.directory / f"{zlib.crc32(named):08x}{zlib.adler32(named):08x}.deck"

    def load(self, paths: Sequence[Path]) -> Deck | None:
        """The cached deck for `paths`, if every file it was built from is unchanged; else None."""
        entry = self._entry_path(paths)
        data = _read(entry)
        if data is None:
            return None
        try:
            head, at = _read_head(data)
            if not _head_holds(head, paths):
                return None
            token = head[-1]  # type: ignore[index]
            deck = deck_from_plain(_read_body(data, at))  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 - a damaged entry may fail anywhere in decoding; it is only a miss
            return None
        self._remember(deck, entry, token)
        return deck

    def holds(self, paths: Sequence[Path]) -> bool:
        """Whether `load` would find `paths` unchanged (reading only the entry's head: cheap)."""
        try:
            with open(self._entry_path(paths), "rb") as file:
                start = file.read(len(_MAGIC) + 8)
                if not start.startswith(_MAGIC):
                    return False
                head = marshal.loads(file.read(int.from_bytes(start[len(_MAGIC):], "little")))
            return _head_holds(head, paths)
        except Exception:  # noqa: BLE001 - as in `load`: a damaged entry is only a miss
            return False

    def start(self, paths: Sequence[Path]) -> PendingEntry:
        """Begin a full load of `paths`: the deck files' stats now, before anything is read."""
        return PendingEntry(self, list(paths))

    def _remember(self, deck: Deck, entry: Path, token: bytes) -> None:
        self._tokens = [item for item in self._tokens if item[0] is not deck] + [(deck, entry, token)]

    def _entry_of(self, deck: Deck) -> tuple[Path, bytes] | None:
        return next(((entry, token) for known, entry, token in self._tokens if known is deck), None)

    def index_state(self, deck: Deck) -> object | None:
        """The search index's state stored for `deck` (see `SearchIndex.from_state`), or None."""
        found = self._entry_of(deck)
        data = _read(found[0].with_suffix(".index")) if found else None
        if data is None:
            return None
        try:
            token, at = _read_head(data)
            return _read_body(data, at) if token == found[1] else None
        except Exception:  # noqa: BLE001 - as in `load`: a damaged index is a miss
            return None

    def store_index_state(self, deck: Deck, state: object) -> None:
        found = self._entry_of(deck)
        if found is not None:
            try:
                _write_atomically(found[0].with_suffix(".index"), _pack(found[1], state))
            except OSError:
                pass

    def has_entry(self, deck: Deck) -> bool:
        """Whether `deck` was loaded from or stored in this cache (so its index can be stored beside it)."""
        return self._entry_of(deck) is not None

    @property
    def writes_deferred(self) -> bool:
        """Whether `write_deferred` has something to write."""
        return bool(self._deferred)

    def write_deferred(self) -> None:
        """Store what `defer_writes` kept back (the deck is remembered then, so its index can follow)."""
        deferred, self._deferred = self._deferred, []
        for write in deferred:
            write()

    def clear(self) -> int:
        """Remove every entry; how many files were removed."""
        removed = 0
        for path in self.directory.glob("*"):
            if path.suffix in (".deck", ".index", ".tmp") and path.is_file():
                path.unlink(missing_ok=True)
                removed += 1
        return removed
