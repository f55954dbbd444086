"""The loader never raises on any file: mutated copies of the bundled deck load or report problems.

Byte-level mutations (flipped, inserted and deleted bytes, hostile snippets spliced in)
and structure-level ones (values of the wrong type, keys removed or added, deep
nesting, odd paths for a source text) of the bundled deck's files, with a fixed
budget and a fixed seed so a run is repeatable. The only outcomes allowed are a Deck
or DeckProblems whose every problem names a file and a line.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import tomli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.deck.loading import DeckProblems, load_deck
from tui.core.deck.model import Deck, display_path

BUNDLED = Path(__file__).resolve().parent.parent / "facts"
FILES = sorted(p.name for p in BUNDLED.glob("*.toml"))
BUDGET = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

SNIPPETS = [
    b"[" * 600, b"x = " + b"[" * 450 + b"]" * 450, b"{a = " * 500, b".".join([b"k"] * 1200) + b" = 1",
    b'text = "' + b"x" * 300 + b'"', b"\x00", b"\xff\xfe", b"\xc3", b"\x1b[2J", b'"""', b"'''", b"\r",
    b"[[facts]]", b"[[sources]]", b"\n[deck]\n", b"= =", b"1979-05-27T07:32:00Z", b"inf", b"nan",
    b'text = "/dev/zero"', b'text = "../../../../etc/passwd"', b'text = "sources"', b'id = "a/../b"',
]


def check_outcome(folder: Path) -> None:
    try:
        deck = load_deck([folder])
    except DeckProblems as problems:
        assert problems.problems
        for problem in problems.problems:
            assert problem.line >= 1 and problem.message
            assert str(problem).startswith(f"{display_path(problem.path)}:{problem.line}")
        return
    assert isinstance(deck, Deck)


class Workspace:
    """A copy of the bundled deck; each example rewrites one file and puts it back."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="factdrill-fuzz-"))
        shutil.copytree(BUNDLED, self.folder, dirs_exist_ok=True)
        self.original = {name: (self.folder / name).read_bytes() for name in FILES}

    def run(self, name: str, content: bytes) -> None:
        path = self.folder / name
        try:
            path.write_bytes(content)
            check_outcome(self.folder)
        finally:
            path.write_bytes(self.original[name])


WORKSPACE: Workspace | None = None


def workspace() -> Workspace:
    global WORKSPACE
    if WORKSPACE is None:
        WORKSPACE = Workspace()
    return WORKSPACE


def teardown_module() -> None:
    if WORKSPACE is not None:
        shutil.rmtree(WORKSPACE.folder, ignore_errors=True)


# --- byte level ---------------------------------------------------------------------------

byte_edit = st.one_of(
    st.tuples(st.just("flip"), st.floats(0, 1), st.integers(0, 255)),
    st.tuples(st.just("insert"), st.floats(0, 1), st.sampled_from(SNIPPETS)),
    st.tuples(st.just("insert"), st.floats(0, 1), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 400)),
)


@BUDGET
@given(name=st.sampled_from(FILES), edits=st.lists(byte_edit, min_size=1, max_size=6))
def test_byte_mutations_are_loaded_or_reported(name: str, edits: list[tuple]) -> None:
    space = workspace()
    data = bytearray(space.original[name])
    for kind, where, what in edits:
        at = int(where * len(data))
        if kind == "flip" and data:
            data[min(at, len(data) - 1)] = what
        elif kind == "insert":
            data[at:at] = what
        elif kind == "delete":
            del data[at:at + what]
    space.run(name, bytes(data))


# --- structure level ----------------------------------------------------------------------

def to_toml(data: dict[str, Any]) -> str:
    """A minimal TOML writer: every table inline, so any shape a mutation makes can be written."""
    return "".join(f"{json.dumps(key)} = {value_toml(value)}\n" for key, value in data.items())


def value_toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if value == value and abs(value) != float("inf") else ("nan" if value != value else "inf")
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(map(value_toml, value)) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {value_toml(v)}" for k, v in value.items()) + "}"


scalars = st.one_of(
    st.text(max_size=40), st.integers(-2**70, 2**70), st.floats(allow_nan=True), st.booleans(),
    st.dates(), st.sampled_from(["", " ", "x" * 300, "/dev/zero", "..", "sources", "\x00", "a\nb"]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)), max_leaves=8)


def nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


structure_edit = st.one_of(
    st.tuples(st.just("set"), st.floats(0, 1), st.sampled_from(
        ["id", "text", "quote", "source", "citations", "questions", "answer", "kind", "date", "title",
         "tolerance", "tags", "statement", "extra"]), values),
    st.tuples(st.just("delete"), st.floats(0, 1), st.sampled_from(["id", "text", "quote", "citations", "answer"]),
              st.none()),
    st.tuples(st.just("nest"), st.floats(0, 1), st.just("questions"), st.integers(1, 700)),
)


def tables_in(data: Any) -> list[dict]:
    found = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


@BUDGET
@given(name=st.sampled_from(FILES), edits=st.lists(structure_edit, min_size=1, max_size=5))
def test_structure_mutations_are_loaded_or_reported(name: str, edits: list[tuple]) -> None:
    space = workspace()
    data = tomli.loads(space.original[name].decode("utf-8"))
    for kind, where, key, what in edits:
        tables = tables_in(data)
        table = tables[int(where * (len(tables) - 1))]
        if kind == "set":
            table[key] = what
        elif kind == "delete":
            table.pop(key, None)
        else:
            table[key] = nested(what)
    space.run(name, to_toml(data).encode("utf-8"))
