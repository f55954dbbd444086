"""What the teacher's terminal shows when serving: the join URL and a scannable QR code of it."""

from __future__ import annotations

from types import SimpleNamespace

import segno

from tui.cli.serve import announce
from tui.cli.serving import join
from tui.cli.serving.join import join_url, only_this_machine, qr_text

HALF_BLOCKS = {" ": (1, 1), "\u2580": (0, 1), "\u2584": (1, 0), "\u2588": (0, 0)}  # (top, bottom), 1 = dark


def modules_of(drawing: str) -> list[list[int]]:
    """The QR matrix (1 = dark) a half-block drawing shows, quiet zone included."""
    rows: list[list[int]] = []
    for line in drawing.splitlines():
        pairs = [HALF_BLOCKS[ch] for ch in line]
        rows += [[top for top, _ in pairs], [bottom for _, bottom in pairs]]
    return rows


def matrix_with_border(data: str, border: int = 4) -> list[list[int]]:
    code = segno.make(data, error="m", micro=False)
    size = len(code.matrix) + 2 * border
    rows = [[0] * size for _ in range(border)]
    rows += [[0] * border + list(row) + [0] * border for row in code.matrix]
    return rows + [[0] * size for _ in range(border)]


def test_the_qr_code_drawn_encodes_exactly_the_join_url():
    url = "http://192.168.1.20:8000/"
    drawing = qr_text(url)
    shown = modules_of(drawing)
    expected = matrix_with_border(url)
    assert shown[: len(expected)] == expected  # an odd row count pads the last half-line with light
    assert modules_of(qr_text("http://192.168.1.21:8000/")) != shown


def test_join_url_uses_the_lan_address_when_listening_everywhere(monkeypatch):
    monkeypatch.setattr(join, "lan_address", lambda: "10.1.2.3")
    assert join_url("0.0.0.0", 8000) == "http://10.1.2.3:8000/"
    assert join_url("school-pc.local", 80) == "http://school-pc.local/"
    assert join_url("::1", 8000) == "http://[::1]:8000/"


def test_only_loopback_addresses_are_private_to_this_machine():
    assert only_this_machine("localhost") and only_this_machine("127.0.0.1") and only_this_machine("::1")
    assert not only_this_machine("0.0.0.0") and not only_this_machine("192.168.1.20")


def test_the_teacher_sees_the_url_and_its_qr_code(capsys):
    server = SimpleNamespace(host="192.168.1.20", port=8000, max_sessions=30, title="factdrill · \x1b]52;c;cm0=\x07Talks")
    announce(server)
    shown = capsys.readouterr().out
    assert "Join at http://192.168.1.20:8000/" in shown and "at most 30 at once" in shown
    assert "\x1b" not in shown and "\x07" not in shown  # the deck title is data
    assert qr_text("http://192.168.1.20:8000/") in shown


def test_on_loopback_the_teacher_is_told_how_to_let_others_in(capsys):
    announce(SimpleNamespace(host="localhost", port=8000, max_sessions=60, title="factdrill · Talks"))
    shown = capsys.readouterr().out
    assert "Join at http://localhost:8000/" in shown and "--host 0.0.0.0" in shown
    assert "\u2588" not in shown
