"""The scripting CLI's JSON is a contract: these commands print the bytes pinned in tests/data/golden.

Pinned before tui/ was re-layered, so moving code cannot change what scripts read. A deliberate
change to the bundled deck or to the JSON regenerates the files (see the helper at the bottom).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "data" / "golden"

COMMANDS = {
    "list.json": ["list", "--json"],
    "search_drones.json": ["search", "drones", "--json"],
    "answer_record_472.json": ["answer", "record-472-drones", "472", "427", "--json"],
    "show_record_472.json": ["show", "record-472-drones", "--json"],
}


def run_factdrill(arguments: list[str]) -> bytes:
    result = subprocess.run([sys.executable, "-m", "tui", *arguments], capture_output=True, cwd=ROOT, check=True)
    return result.stdout


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_json_output_is_byte_for_byte_the_pinned_one(name: str) -> None:
    assert run_factdrill(COMMANDS[name]) == (GOLDEN / name).read_bytes()


if __name__ == "__main__":  # python tests/test_golden_outputs.py  -> rewrite the pinned files
    for file_name, arguments in COMMANDS.items():
        (GOLDEN / file_name).write_bytes(run_factdrill(arguments))
