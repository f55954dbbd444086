"""Writing a command's output file whole or not at all."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tui.core.exports.files import replace_into


def write_atomically(path: str, data: str | bytes, command: str) -> int:
    """Write `data` to `path` ("-" = stdout) via a temporary file renamed into place; 0, or 1 and why."""
    if path == "-":
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return 0
    target = Path(path)
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile("wb", dir=target.parent, prefix=f".{target.name}.", suffix=".tmp",
                                         delete=False) as tmp:
            temporary = Path(tmp.name)
            tmp.write(data.encode("utf-8") if isinstance(data, str) else data)
        replace_into(temporary, target)
    except OSError as error:
        if temporary is not None:
            temporary.unlink(missing_ok=True)  # nothing half-written is left beside the target
        print(f"factdrill {command}: {path}: cannot write ({error.strerror or error})", file=sys.stderr)
        return 1
    print(f"wrote {path}", file=sys.stderr)
    return 0
