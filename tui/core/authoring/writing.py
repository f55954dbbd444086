"""Writing a deck back: every change goes through tomlkit, is validated first, then lands whole.

tomlkit keeps the file's comments, blank lines and key order, so a hand-written deck
stays the author's. A change is tried on a copy of the deck and loaded with the real
loader; if the copy has any problem, nothing is written and the problems are raised.
Keys this module does not know are carried along untouched.
"""

from __future__ import annotations

import os
import secrets
import shutil
import stat
import tempfile
from pathlib import Path
from typing import Any, Iterable, Iterator

import tomli
import tomlkit
from tomlkit.items import AoT, Table

from tui.core.deck.loading import DeckProblems, Problem, load_deck
from tui.core.safe_text import printable

DECK_FILE = "deck.toml"
SOURCES_DIR = "sources"
FORMAT_NOTE = (
    "# A factdrill deck. Every key is documented, with a complete example, in FORMAT.md\n"
    "# (facts/FORMAT.md in the factdrill repository). Check this folder with:\n"
    "#     factdrill validate {folder}\n"
)


class AuthoringError(Exception):
    """A change was refused; `problems` says why, one line each (nothing was written)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def new_deck(folder: Path, title: str) -> Path:
    """Make `folder` a deck: a deck file with its title and a `sources/` folder. Returns the deck file.

    Refuses a folder that already holds a deck file or anything else.
    """
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise AuthoringError([f"{folder}: already exists and is not empty; choose a new folder"])
    doc = tomlkit.document()
    # A control character in a TOML comment makes the file unreadable: a folder named with an
    # escape (or a newline) is shown with visible stand-ins there.
    for line in FORMAT_NOTE.format(folder=printable(str(folder), one_line=True)).splitlines():
        doc.add(tomlkit.comment(line.lstrip("# ")))
    deck = tomlkit.table()
    deck.add("title", title.strip() or folder.name)
    doc.add("deck", deck)
    (folder / SOURCES_DIR).mkdir(parents=True, exist_ok=True)
    path = folder / DECK_FILE
    _write_atomically(path, tomlkit.dumps(doc).encode("utf-8"))
    return path


def deck_tables(root: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Each deck file of the folder that parses, with its data (one that does not is the loader's to report)."""
    for path in sorted(root.rglob("*.toml")):
        try:
            yield path, tomli.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, tomli.TOMLDecodeError):
            continue


def deck_file(root: Path) -> Path:
    """The file that declares the deck's `[deck]` table (where sources are added), else deck.toml."""
    if (root / DECK_FILE).is_file():
        return root / DECK_FILE
    return next((path for path, data in deck_tables(root) if "deck" in data), root / DECK_FILE)


def read_document(path: Path) -> tomlkit.TOMLDocument:
    """The file as a tomlkit document (an empty one for a file not there yet)."""
    if not path.exists():
        return tomlkit.document()
    return tomlkit.parse(path.read_text(encoding="utf-8-sig"))


def fact_table(fields: dict[str, Any]) -> Table:
    """A `[[facts]]` table from plain values; citations as `[[facts.citations]]` below it."""
    table = tomlkit.table()
    for key, value in fields.items():
        if key == "citations":
            table.add("citations", citations_aot(value))
        else:
            table.add(key, value)
    return table


def citations_aot(citations: Iterable[dict[str, str]]) -> AoT:
    made = tomlkit.aot()
    for cited in citations:
        entry = tomlkit.table()
        for key, value in cited.items():
            entry.add(key, value)
        made.append(entry)
    return made


def append_tables(doc: tomlkit.TOMLDocument, key: str, tables: Iterable[Table]) -> None:
    """Append `[[key]]` tables at the end of the document's array of them (making it if needed)."""
    tables = list(tables)
    if not tables:
        return
    if key in doc:
        for table in tables:
            if not doc[key].as_string().endswith("\n\n"):
                table.trivia.indent = "\n"  # a blank line before it, as between the tables already there
            doc[key].append(table)
    else:
        aot = tomlkit.aot()
        for table in tables:
            aot.append(table)
        doc.add(key, aot)


def find_fact(root: Path, fact_id: str) -> tuple[Path, int]:
    """The deck file and index in its `[[facts]]` of the fact with this id."""
    for path, data in deck_tables(root):
        facts = data.get("facts", [])
        for index, table in enumerate(facts if isinstance(facts, list) else []):
            if isinstance(table, dict) and table.get("id") == fact_id:
                return path, index
    raise AuthoringError([f"no fact '{fact_id}' in {root}"])


def write_validated(root: Path, documents: dict[Path, str], new_files: dict[Path, bytes] | None = None) -> None:
    """Write the new text of each deck file (and any new files, e.g. a source text) if, and only if,
    the deck with them loads without a problem. Raises `AuthoringError` naming every problem."""
    new_files = new_files or {}
    with tempfile.TemporaryDirectory(prefix="factdrill-check-") as scratch:
        trial = Path(scratch) / "deck"
        shutil.copytree(root, trial, symlinks=True)
        for path, text in documents.items():
            (trial / path.relative_to(root)).parent.mkdir(parents=True, exist_ok=True)
            (trial / path.relative_to(root)).write_text(text, encoding="utf-8")
        for path, data in new_files.items():
            (trial / path.relative_to(root)).parent.mkdir(parents=True, exist_ok=True)
            (trial / path.relative_to(root)).write_bytes(data)
        problems = _problems(trial, root)
    if problems:
        raise AuthoringError(problems)
    for path, data in new_files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(path, data)
    for path, text in documents.items():
        _write_atomically(path, text.encode("utf-8"))


def _problems(trial: Path, root: Path) -> list[str]:
    try:
        load_deck([trial], complete=False)  # a deck being made may have no source or fact yet
    except DeckProblems as error:
        found = []
        for problem in error.problems:
            try:
                path = root / problem.path.relative_to(trial)
            except ValueError:
                path = problem.path
            found.append(str(Problem(path, problem.line, problem.message.replace(str(trial), str(root)),
                                     problem.column)))
        return found
    return []


def _write_atomically(path: Path, data: bytes) -> None:
    """Replace the file in one step, so it is never seen half-written. The file keeps its mode; a new
    one gets the usual mode for the user's umask (mkstemp's 0600 would hide a shared deck from others)."""
    existing = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
    temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # the umask applies
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        if existing is not None:
            os.chmod(temporary, existing)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
