"""Writing a command's output file whole or not at all."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def write_atomically(path: str, data: str | bytes, command: str) -> int:
    """Write `data` to `path` ("-" = stdout) via a temporary file renamed into place; 0, or 1 and why."""
    if path == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return 0
    target = Path(path)
    try:
        with tempfile.NamedTemporaryFile("wb", dir=target.parent, prefix=f".{target.name}.", suffix=".tmp",
                                         delete=False) as tmp:
            tmp.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp.name, target)
    except OSError as error:
        print(f"factdrill {command}: {path}: cannot write ({error.strerror or error})", file=sys.stderr)
        return 1
    print(f"wrote {path}", file=sys.stderr)
    return 0
