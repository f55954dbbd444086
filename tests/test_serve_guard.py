"""`factdrill serve` facing the network: a real server on loopback, a real websocket client (aiohttp)."""

from __future__ import annotations

import asyncio
import re
import socket
import time
from pathlib import Path

import aiohttp
from aiohttp import WSCloseCode
import pytest

from serve_helpers import running_server

QUIZDECK = str(Path(__file__).parent / "data" / "quizdeck")


def _get(url: str, **headers: str) -> tuple[int, str]:
    async def get() -> tuple[int, str]:
        async with aiohttp.ClientSession() as client, client.get(url, headers=headers) as response:
            return response.status, await response.text()
    return asyncio.run(get())


async def _open_session(client: aiohttp.ClientSession, url: str, origin: str) -> aiohttp.ClientWebSocketResponse:
    """A websocket as a browser opens it, once the app has drawn its first bytes."""
    socket = await client.ws_connect(f"{url}ws?width=80&height=24", headers={"Origin": origin})
    message = await socket.receive(timeout=60)
    assert message.type == aiohttp.WSMsgType.BINARY, message
    return socket


def test_the_page_is_our_own_offline_template_with_links_from_the_request(tmp_path):
    with running_server(tmp_path, "--deck", QUIZDECK) as server:
        status, page = _get(server.url)
        assert status == 200
        assert "Quiz test deck" in page
        assert f'data-session-websocket-url="ws://127.0.0.1:{server.port}/ws"' in page
        # every stylesheet, script and font comes from this server: no scheme or host in any link
        links = re.findall(r'(?:href|src)="([^"]*)"', page) + re.findall(r'url\("([^"]*)"\)', page)
        assert links and all(link.startswith("/static/") for link in links), links
        assert "googleapis" not in page

        status, by_name = _get(f"http://localhost:{server.port}/")
        assert f'data-session-websocket-url="ws://localhost:{server.port}/ws"' in by_name


def test_a_foreign_origin_or_host_is_refused(tmp_path):
    async def attempts(url: str) -> None:
        async with aiohttp.ClientSession() as client:
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(f"{url}ws", headers={"Origin": "http://evil.example"})
            assert refused.value.status == 403
            async with client.get(url, headers={"Host": "evil.example"}) as response:
                assert response.status == 403
            socket = await _open_session(client, url, url.rstrip("/"))  # our own origin still works
            await socket.close()

    with running_server(tmp_path, "--deck", QUIZDECK) as server:
        asyncio.run(attempts(server.url))
        assert "refused a request from origin http://evil.example" in server.log()


def test_allow_origin_lets_a_listed_site_in(tmp_path):
    async def attempt(url: str) -> None:
        async with aiohttp.ClientSession() as client:
            socket = await _open_session(client, url, "https://drill.school.example")
            await socket.close()

    with running_server(tmp_path, "--deck", QUIZDECK, "--allow-origin", "https://drill.school.example") as server:
        asyncio.run(attempt(server.url))


def test_past_the_cap_the_class_is_full_page_is_shown(tmp_path):
    async def fill(url: str) -> None:
        async with aiohttp.ClientSession() as client:
            first = await _open_session(client, url, url.rstrip("/"))
            async with client.get(url) as response:
                assert response.status == 503
                page = await response.text()
            assert "The class is full" in page and "all places are taken (1 of 1)" in page
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(f"{url}ws", headers={"Origin": url.rstrip("/")})
            assert refused.value.status == 503
            await first.close()
            for _ in range(100):  # the place is given back once the app has quit
                async with client.get(url) as response:
                    if response.status == 200:
                        return
                await asyncio.sleep(0.1)
            raise AssertionError("the place was not given back")

    with running_server(tmp_path, "--deck", QUIZDECK, "--max-sessions", "1") as server:
        asyncio.run(fill(server.url))


def test_a_bad_request_gets_400_and_no_traceback(tmp_path):
    async def junk(url: str) -> None:
        async with aiohttp.ClientSession() as client:
            async with client.get(f"{url}ws") as response:  # no websocket upgrade
                assert response.status == 400
            socket = await _open_session(client, url, url.rstrip("/"))
            for message in ("not json", "[]", '{"a": 1}', '["resize", 5]', '["stdin", 7]', '["ping", "still here"]'):
                await socket.send_str(message)
            while (reply := await socket.receive(timeout=30)).type == aiohttp.WSMsgType.BINARY:
                pass
            assert reply.json() == ["pong", "still here"]  # the junk was dropped, the session lives
            await socket.close()

    with running_server(tmp_path, "--deck", QUIZDECK) as server:
        asyncio.run(junk(server.url))
        for raw in (b"GARBAGE\r\n\r\n", f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nX: \x00\x1b[2J\r\n\r\n".encode()):
            with socket.create_connection(("127.0.0.1", server.port)) as raw_client:
                raw_client.sendall(raw)
                assert raw_client.recv(100).split(b"\r\n")[0].endswith(b"400 Bad Request")
        time.sleep(0.5)
        log = server.log()
        assert "Traceback" not in log and "\x1b" not in log


def _descendants(pid: int) -> set[int]:
    """Every process below `pid` (Linux /proc), e.g. the server's app processes."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return set()
    found = {int(child) for child in children}
    for child in list(found):
        found |= _descendants(child)
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def test_stopping_the_server_ends_every_app_without_waiting_for_browsers(tmp_path):
    async def hold_a_session(url: str, server) -> None:
        async with aiohttp.ClientSession() as client:
            socket = await _open_session(client, url, url.rstrip("/"))
            apps = _descendants(server.process.pid)
            assert apps, "an app process runs for the session"
            server.process.terminate()  # the teacher's Ctrl+C, while the pupil's tab is still open
            await asyncio.get_running_loop().run_in_executor(None, server.process.wait, 60)
            while (message := await socket.receive(timeout=10)).type == aiohttp.WSMsgType.BINARY:
                pass  # what the app drew before it was told to quit
            # The server said goodbye itself (1001, going away) rather than waiting for the browser:
            # no timing asserted, the machine may be slow.
            assert message.type == aiohttp.WSMsgType.CLOSE and message.data == WSCloseCode.GOING_AWAY
            # Each app was told to quit; on a busy machine it may take a moment after its socket closed.
            deadline = time.monotonic() + 30
            while [pid for pid in apps if _alive(pid)] and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
            assert not [pid for pid in apps if _alive(pid)]

    with running_server(tmp_path, "--deck", QUIZDECK) as server:
        asyncio.run(hold_a_session(server.url, server))
    assert "Traceback" not in server.log()
