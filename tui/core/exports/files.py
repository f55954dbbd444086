"""Putting a finished export in place: renamed over the target with the mode a new file would get."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def _usual_mode(target: Path) -> int:
    """The target's own mode when it exists, else what a plainly created file gets under the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def replace_into(temporary: Path, target: Path) -> None:
    """Rename `temporary` onto `target`. A temporary file is private (0600); the export must not stay so."""
    os.chmod(temporary, _usual_mode(target))
    os.replace(temporary, target)
