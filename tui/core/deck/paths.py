"""Where the bundled deck lives, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[2]  # tui/


def bundled_deck_path() -> Path:
    """The folder of the deck that ships with factdrill.

    A wheel carries it inside the package (`tui/_bundled_facts`); a source
    checkout or editable install has it at the repository's top level (`facts/`).
    """
    installed = _PACKAGE_DIR / "_bundled_facts"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "facts"
