"""Start `factdrill serve ...` on a free loopback port for a test, and stop it afterwards."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from tui.core.progress.store import DATA_DIR_ENV


@dataclass
class RunningServer:
    port: int
    process: subprocess.Popen
    output: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def log(self) -> str:
        return self.output.read_text(errors="replace")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_server(tmp_path: Path, *args: str, timeout: float = 60) -> Iterator[RunningServer]:
    """`factdrill serve --host 127.0.0.1 --port P ARGS`, once it answers; its output in a file."""
    port = free_port()
    output = tmp_path / "serve.log"
    env = {**os.environ, DATA_DIR_ENV: str(tmp_path / "data")}
    with output.open("wb") as sink:
        process = subprocess.Popen([sys.executable, "-m", "tui", "serve", "--host", "127.0.0.1", "--port", str(port),
                                    *args], stdout=sink, stderr=subprocess.STDOUT, env=env)
    server = RunningServer(port, process, output)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(server.url, timeout=5).close()
                break
            except urllib.error.HTTPError:
                break  # it answers, if only to say the class is full
            except OSError:
                assert process.poll() is None, server.log()
                assert time.monotonic() < deadline, f"the server did not answer within {timeout} s"
                time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
