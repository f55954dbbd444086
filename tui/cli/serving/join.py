"""The address pupils join at, and its QR code drawn with text for the teacher's terminal."""

from __future__ import annotations

import io
import ipaddress
import socket

import segno

WILDCARDS = ("", "0.0.0.0", "::")
# A documentation address (TEST-NET-1): "connecting" a UDP socket to it only picks the outgoing
# interface, and sends nothing.
_PROBE = ("192.0.2.1", 9)


def lan_address() -> str | None:
    """This machine's address on its network (the interface a default route uses), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(_PROBE)
        except OSError:
            return None
        return probe.getsockname()[0]


def only_this_machine(bind_host: str) -> bool:
    """Whether the server, bound to `bind_host`, is out of reach of other machines."""
    if bind_host == "localhost":
        return True
    try:
        return ipaddress.ip_address(bind_host).is_loopback
    except ValueError:
        return False


def join_url(bind_host: str, port: int) -> str:
    """The URL to give pupils: the LAN address when listening on every interface."""
    host = bind_host
    if host in WILDCARDS:
        host = lan_address() or socket.gethostname()
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}/" if port == 80 else f"http://{host}:{port}/"


def qr_text(data: str) -> str:
    """`data` as a QR code of half-block characters (light modules drawn, for a dark terminal)."""
    out = io.StringIO()
    segno.make(data, error="m", micro=False).terminal(out=out, compact=True)
    return out.getvalue()
