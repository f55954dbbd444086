"""Any bytes on stdin: invalid UTF-8 and absurd escape parameters are ignored, never fatal.

Textual 8.2's driver ends the app on either (upstream Textualize/textual#6456 for UTF-8);
tui/app/driver.py works around both. The end-to-end test runs the real `factdrill` in a
pseudo-terminal and writes the bytes a Latin-1 terminal or a hostile paste would send.
"""

from __future__ import annotations

import fcntl
import os
import pty
import random
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from textual import events

from tui.app.driver import ForgivingParser

QUIZDECK = Path(__file__).parent / "data" / "quizdeck"
BIG = "99999999999999999999"
HOSTILE_INPUT = [f"\x1b[{BIG}A", f"\x1b[1;5:{BIG}u", "\x1b[:5R", f"\x1b[{BIG}:8;~", f"\x1b[<{BIG};{BIG};{BIG}M",
                 f"\x1b[48;{BIG};{BIG};{BIG};{BIG}t", "\x1b[6:4B"]


def keys(parser: ForgivingParser, data: str) -> list[str]:
    return [event.key for event in parser.feed(data) if isinstance(event, events.Key)]


def test_the_parser_drops_what_it_cannot_parse_and_reads_on() -> None:
    parser = ForgivingParser()
    for sequence in HOSTILE_INPUT:
        keys(parser, sequence)
        assert keys(parser, "ok") == ["o", "k"], repr(sequence)


def test_the_parser_survives_random_escape_sequences() -> None:
    rng = random.Random(15)
    alphabet = list("\x1b[];:?<>~0123456789ABCDHMRtuymx$") + [BIG]
    parser = ForgivingParser()
    for _ in range(5_000):
        keys(parser, "\x1b[" + "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))))
        list(parser.tick())
        keys(parser, "\x1b[A")  # ends whatever sequence was left open
        assert keys(parser, "\x1b[A") == ["up"]


def read_until(fd: int, seen: bytearray, wanted: bytes, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while wanted not in seen:
        if time.monotonic() > deadline:
            return False
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                return wanted in seen
    return True


def test_the_real_app_ignores_invalid_utf8_and_absurd_escapes() -> None:
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="100", LINES="30")
    process = subprocess.Popen([sys.executable, "-m", "tui", "--mode", "search", "--deck", str(QUIZDECK)],
                               stdin=follower, stdout=follower, stderr=follower, env=env, close_fds=True)
    os.close(follower)
    seen = bytearray()
    try:
        assert read_until(leader, seen, b"Type to search", 90), bytes(seen[-500:])
        os.write(leader, "é".encode("latin-1") + b"\xff\xfe\xc3")  # not UTF-8
        for sequence in HOSTILE_INPUT:
            os.write(leader, sequence.encode())
        time.sleep(0.5)
        os.write(leader, b"ferry")
        assert read_until(leader, seen, b"ferry", 60), bytes(seen[-2000:])  # still reading keys
        os.write(leader, b"\x11")  # ctrl+q
        status = process.wait(timeout=60)
        read_until(leader, seen, b"\x00never", 1)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(leader)
    assert status == 0 and b"Traceback" not in seen and b"Error" not in seen, bytes(seen[-3000:])
