"""Who may use a served factdrill: the Host and Origin a request may carry.

A web page the teacher (or a pupil) happens to visit can make their browser talk
to our server: a websocket from another site carries that site's Origin, and a
DNS-rebinding name carries a foreign Host. Both are refused; only the address the
request actually arrived on (and names for this machine) is accepted, plus the
origins the teacher lists with `--allow-origin` (e.g. a name behind a proxy).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True, slots=True)
class Place:
    """A scheme-less host and port, as a Host header or an origin names them."""

    host: str  # lowercase; an IPv6 address without brackets
    port: int


def parse_host(value: str | None, *, default_port: int = 80) -> Place | None:
    """`example.org:8000`, `[::1]:8000` or `127.0.0.1` as a Place; None if it is not one."""
    if not value or any(ch in value for ch in "/?#@ \t\\"):
        return None
    try:
        parts = urlsplit(f"//{value}")
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname:
        return None
    return Place(parts.hostname.lower(), default_port if port is None else port)


def parse_origin(value: str | None) -> tuple[str, Place] | None:
    """`http://host:port` as (scheme, Place); None for `null`, a path, or any other shape."""
    if not value:
        return None
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        return None
    if parts.query or parts.fragment or parts.username or parts.password:
        return None
    default = 443 if parts.scheme == "https" else 80
    return parts.scheme, Place(parts.hostname.lower(), default if port is None else port)


def _ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def machine_names() -> frozenset[str]:
    """The names this machine answers to on a school network (hostname, its FQDN, `.local`)."""
    name = socket.gethostname().lower()
    return frozenset(n for n in (name, socket.getfqdn().lower(), f"{name}.local") if n)


@dataclass(frozen=True, slots=True)
class AccessPolicy:
    """Decides on a request's Host and Origin, given the local address it arrived on."""

    names: frozenset[str]  # host names accepted besides the literal address of the socket
    extra_origins: frozenset[tuple[str, Place]]

    @classmethod
    def for_server(cls, bind_host: str, allow_origins: tuple[str, ...] = ()) -> "AccessPolicy":
        """Accept this machine's names and `bind_host` (when it is a name), and `allow_origins`."""
        names = set(machine_names())
        if bind_host and _ip(bind_host) is None:
            names.add(bind_host.lower())
        origins = set()
        for origin in allow_origins:
            parsed = parse_origin(origin)
            if parsed is None:
                raise ValueError(f"not an origin (scheme://host[:port]): {origin!r}")
            origins.add(parsed)
        return cls(frozenset(names), frozenset(origins))

    def host_allowed(self, host_header: str | None, local: tuple[str, int]) -> bool:
        """Whether Host names the address and port this request came in on (`local`)."""
        place = parse_host(host_header)
        if place is None:
            return False
        local_ip, local_port = _ip(local[0]), local[1]
        if any(place.host == allowed.host for _scheme, allowed in self.extra_origins):
            return True  # a proxy in front of us forwards its own public name (and maybe port)
        if place.port != local_port:
            return False
        wanted = _ip(place.host)
        if wanted is not None:
            return local_ip is not None and _same_address(wanted, local_ip)
        if place.host == "localhost":
            return local_ip is not None and _unmapped(local_ip).is_loopback
        return place.host in self.names

    def origin_allowed(self, origin_header: str | None, host_header: str | None, scheme: str) -> bool:
        """Whether a request's Origin is this server itself (same scheme, host and port) or listed.

        No Origin at all is allowed: browsers always send one with a websocket and with
        cross-site requests, so its absence means a page load or a non-browser client.
        """
        if origin_header is None:
            return True
        origin = parse_origin(origin_header)
        if origin is None:
            return False
        if origin in self.extra_origins:
            return True
        own = parse_host(host_header, default_port=443 if scheme == "https" else 80)
        return own is not None and origin == (scheme, own)


def _unmapped(address):
    mapped = getattr(address, "ipv4_mapped", None)
    return mapped or address


def _same_address(a, b) -> bool:
    return _unmapped(a) == _unmapped(b)
