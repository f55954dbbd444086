"""A scratch PostgreSQL server for tests, from Debian's package (`.ci/run` installs it).

initdb refuses to run as root, so as root the cluster belongs to the `postgres`
user the package creates. The server listens on a unix socket in its own folder
only (no TCP port to clash with), trusts local connections, and is stopped and
removed afterwards.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

PORT = 54329  # only names the socket file (.s.PGSQL.54329); nothing listens on TCP


def _bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is not installed: apt-get install postgresql (see .ci/run)")
    return found[-1]


def _as_owner(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def scratch_postgres() -> Iterator[str]:
    """Start a throw-away cluster; yields a `postgresql://` URL reaching it over its unix socket."""
    folder = Path(tempfile.mkdtemp(prefix="factdrill-pg-"))
    data = folder / "data"
    user = "postgres" if os.geteuid() == 0 else os.environ.get("USER", "postgres")
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    log = folder / "server.log"
    try:
        subprocess.run(_as_owner([_bin("initdb"), "-D", str(data), "-U", user, "--auth=trust", "-E", "UTF8",
                                  "--no-sync"]), check=True, capture_output=True, timeout=120)
        options = f"-c listen_addresses='' -c unix_socket_directories={folder} -p {PORT} -c fsync=off"
        subprocess.run(_as_owner([_bin("pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60",
                                  "start"]), check=True, capture_output=True, timeout=90)
        yield f"postgresql:///postgres?host={folder}&port={PORT}&user={user}"
    finally:
        subprocess.run(_as_owner([_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                       capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)
