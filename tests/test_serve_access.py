"""Which Host and Origin headers a served factdrill accepts (the rules; the server test sends them for real)."""

from __future__ import annotations

import pytest

from tui.cli.serving.access import AccessPolicy, Place, parse_host, parse_origin

LOOPBACK = ("127.0.0.1", 8000)
LAN = ("192.168.1.20", 8000)


@pytest.fixture
def policy() -> AccessPolicy:
    return AccessPolicy.for_server("localhost")


@pytest.mark.parametrize("header, place", [
    ("localhost:8000", Place("localhost", 8000)),
    ("LOCALHOST:8000", Place("localhost", 8000)),
    ("127.0.0.1", Place("127.0.0.1", 80)),
    ("[::1]:8000", Place("::1", 8000)),
    ("", None), (None, None), ("evil.example:99999", None), ("a/b:80", None), ("user@host:80", None),
    ("host:port", None),
])
def test_a_host_header_is_read_as_host_and_port(header, place):
    assert parse_host(header) == place


@pytest.mark.parametrize("origin, parsed", [
    ("http://localhost:8000", ("http", Place("localhost", 8000))),
    ("https://school.example", ("https", Place("school.example", 443))),
    ("null", None), ("file://", None), ("http://x.example/path", None), ("ftp://x.example", None),
])
def test_an_origin_is_read_as_scheme_and_place(origin, parsed):
    assert parse_origin(origin) == parsed


def test_the_address_a_request_arrived_on_is_accepted(policy):
    assert policy.host_allowed("127.0.0.1:8000", LOOPBACK)
    assert policy.host_allowed("localhost:8000", LOOPBACK)
    assert policy.host_allowed("192.168.1.20:8000", LAN)


def test_a_foreign_name_another_address_or_another_port_is_refused(policy):
    assert not policy.host_allowed("evil.example:8000", LOOPBACK)  # DNS rebinding
    assert not policy.host_allowed("10.9.9.9:8000", LOOPBACK)
    assert not policy.host_allowed("127.0.0.1:8001", LOOPBACK)
    assert not policy.host_allowed("localhost:8000", LAN)  # "localhost" on a LAN socket is someone else's
    assert not policy.host_allowed(None, LOOPBACK)


def test_only_the_servers_own_origin_is_accepted(policy):
    assert policy.origin_allowed("http://127.0.0.1:8000", "127.0.0.1:8000", "http")
    assert policy.origin_allowed(None, "127.0.0.1:8000", "http")  # not a browser, or a page load
    assert not policy.origin_allowed("http://evil.example", "127.0.0.1:8000", "http")
    assert not policy.origin_allowed("http://127.0.0.1:8001", "127.0.0.1:8000", "http")
    assert not policy.origin_allowed("https://127.0.0.1:8000", "127.0.0.1:8000", "http")
    assert not policy.origin_allowed("null", "127.0.0.1:8000", "http")


def test_allow_origin_adds_an_origin_and_its_host():
    policy = AccessPolicy.for_server("0.0.0.0", ("https://drill.school.example",))
    assert policy.origin_allowed("https://drill.school.example", "drill.school.example", "http")
    assert policy.host_allowed("drill.school.example", LAN)  # as a proxy forwards it
    assert not policy.origin_allowed("https://other.school.example", "drill.school.example", "http")


def test_allow_origin_must_be_an_origin():
    with pytest.raises(ValueError, match="not an origin"):
        AccessPolicy.for_server("localhost", ("drill.school.example/path",))


@pytest.mark.parametrize("words, problem", [
    (["--allow-origin", "drill.school.example"], "not an origin"),
    (["--max-sessions", "0"], "must be at least 1"),
    (["--port", "70000"], "at most 65535"),
])
def test_serve_options_are_checked_with_one_line(words, problem, capsys):
    from tui.cli.main import build_parser

    with pytest.raises(SystemExit) as exited:
        build_parser().parse_args(["serve", *words])
    assert exited.value.code == 2 and problem in capsys.readouterr().err
