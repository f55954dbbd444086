"""textual-serve's aiohttp Server, made safe for a classroom.

We subclass `textual_serve.server.Server` (pinned in pyproject.toml) and keep its
process plumbing (`AppService`, downloads, statics), changing what faces the network:

- every request's Host and Origin are checked (`access.AccessPolicy`), foreign ones get 403;
- at most `max_sessions` apps run at once (each is a process of ~50 MB); past that the
  page says the class is full (503);
- the page is our own template: no fonts, scripts or styles from anywhere but this server,
  and its links are built from the request, not from `--host`;
- a bad request (a plain `GET /ws`, a malformed message) gets a 400 or is ignored, and the
  log gets one line, never a traceback with request headers.
"""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import sys
from pathlib import Path
from typing import Callable

import aiohttp_jinja2
import jinja2
import textual_serve
from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from tui.cli.serving.access import AccessPolicy
from tui.core.safe_text import printable

log = logging.getLogger("factdrill.serve")

TEMPLATES = Path(__file__).parent / "templates"
TEXTUAL_SERVE_STATICS = Path(textual_serve.__file__).parent / "static"  # textual.js, xterm.css, Roboto Mono
DEFAULT_MAX_SESSIONS = 60
LARGEST_TERMINAL = 1000  # cells a side; a browser's claim beyond this is clamped


def _size(value: object, default: int) -> int:
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return max(1, min(number, LARGEST_TERMINAL))


def _printable(value: str | None, limit: int = 80) -> str:
    """A header value fit for one log line: controls made visible, newlines too, length capped."""
    text = printable((value or "")[:limit]).replace("\n", "\u2424")
    return text if len(value or "") <= limit else text + "…"


def _one_line(record: logging.LogRecord) -> bool:
    """A logging filter: an error's traceback (aiohttp logs one for a malformed request, quoting the
    request's bytes) becomes its last line, with controls made visible."""
    if record.exc_info and record.exc_info[1] is not None:
        error = record.exc_info[1]
        record.msg = f"{record.getMessage()}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
        record.args, record.exc_info, record.exc_text = None, None, None
    record.msg, record.args = _printable(record.getMessage(), 300), None
    return True


class ClassroomServer(Server):
    """Serves `command` (one process per browser tab) behind Host/Origin checks and a session cap."""

    def __init__(self, command: str, *, host: str, port: int, title: str, policy: AccessPolicy,
                 max_sessions: int = DEFAULT_MAX_SESSIONS,
                 announce: Callable[["ClassroomServer"], None] | None = None, ended: str = "") -> None:
        super().__init__(command, host=host, port=port, title=title,
                         statics_path=TEXTUAL_SERVE_STATICS, templates_path=TEMPLATES)
        self.policy = policy
        self.max_sessions = max_sessions
        self.sessions = 0  # apps running now
        self._sockets: set[web.WebSocketResponse] = set()  # their browsers, closed when the server stops
        self.announce = announce
        self.ended = ended  # what the page says when the app has ended (e.g. "your answers are saved")

    # -- set-up -----------------------------------------------------------------------------

    def initialize_logging(self) -> None:
        """One plain line per event on stderr; no Rich tracebacks with locals (they held headers)."""
        handler = logging.StreamHandler(sys.stderr)
        handler.addFilter(_one_line)
        logging.basicConfig(level=logging.INFO, format="%(message)s", handlers=[handler], force=True)
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)  # a line per request is noise

    async def _make_app(self) -> web.Application:
        # Overrides textual-serve's: the same routes, plus our guard, minus the statics' index listing.
        app = web.Application(middlewares=[self._guard])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path), autoescape=True)
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, name="static"),
        ])
        app.on_shutdown.append(self.on_shutdown)
        return app

    def serve(self, debug: bool = False) -> None:
        """textual-serve's `serve`, but the join URL is announced only once the port is ours: aiohttp runs
        start-up hooks before binding, so a port in use would first print a URL (and QR code) that never works."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        try:
            loop.add_signal_handler(signal.SIGINT, self.request_exit)
            loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        except NotImplementedError:
            pass
        announce = self.announce
        web.run_app(self._make_app(), host=self.host, port=self.port, handle_signals=False, loop=loop,
                    print=(lambda _banner: announce(self)) if announce is not None else None)

    async def on_shutdown(self, app: web.Application) -> None:
        """Close every browser's socket, so each app is told to quit and Ctrl+C does not wait for pupils."""
        await asyncio.gather(*(socket.close(code=WSCloseCode.GOING_AWAY, message=b"server stopping")
                               for socket in list(self._sockets)), return_exceptions=True)

    # -- every request --------------------------------------------------------------------

    @web.middleware
    async def _guard(self, request: web.Request, handler) -> web.StreamResponse:
        host, origin = request.headers.get("Host"), request.headers.get("Origin")
        local = request.transport.get_extra_info("sockname") if request.transport else None
        if not local or not self.policy.host_allowed(host, tuple(local[:2])):
            log.warning("refused a request for host %s", _printable(host))
            return web.Response(status=403, text="factdrill: this server answers only to its own address.\n")
        if not self.policy.origin_allowed(origin, host, request.scheme):
            log.warning("refused a request from origin %s", _printable(origin))
            return web.Response(status=403, text="factdrill: requests from other web sites are refused.\n")
        response = await handler(request)
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    # -- the page -------------------------------------------------------------------------

    def full(self) -> bool:
        return self.sessions >= self.max_sessions

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """Our page, with links from the request (its Host and scheme), or the class-is-full page."""
        if self.full():
            response = aiohttp_jinja2.render_template(
                "full.html", request, {"title": self.title, "taken": self.sessions, "places": self.max_sessions},
                status=503)
            response.headers["Retry-After"] = "30"
            return response
        socket_scheme = "wss" if request.secure else "ws"
        websocket_url = f"{socket_scheme}://{request.host}{request.app.router['websocket'].url_for()}"
        context = {
            "title": self.title,
            "ended": self.ended,
            "static_url": str(request.app.router["static"].url_for(filename="/")).rstrip("/") + "/",
            "websocket_url": websocket_url,
            "font_size": _size(request.query.get("fontsize"), 16),
        }
        response = aiohttp_jinja2.render_template("index.html", request, context)
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            f"img-src 'self' data:; font-src 'self'; connect-src 'self' {websocket_url}; frame-ancestors 'none'")
        return response

    # -- one browser tab = one app process -----------------------------------------------

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        websocket = web.WebSocketResponse(heartbeat=15)
        if not websocket.can_prepare(request).ok:
            return web.Response(status=400, text="factdrill: /ws is the app's websocket; open / in a browser.\n")
        if self.full():
            return web.Response(status=503, text="factdrill: the class is full; try again later.\n")
        self.sessions += 1
        try:
            await websocket.prepare(request)
            self._sockets.add(websocket)
            service = AppService(self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                                 close=websocket.close, download_manager=self.download_manager, debug=self.debug)
            await service.start(_size(request.query.get("width"), 80), _size(request.query.get("height"), 24))
            try:
                await self._relay(websocket, service)
            finally:
                await service.stop()
        except asyncio.CancelledError:
            await websocket.close()
        except (ConnectionError, RuntimeError) as error:  # the browser went away mid-write
            log.info("a session ended: %s", _printable(str(error)))
        except Exception as error:  # noqa: BLE001 - one line for the teacher, and keep serving
            log.error("a session failed: %s: %s", type(error).__name__, _printable(str(error)))
        finally:
            self._sockets.discard(websocket)
            self.sessions -= 1
        return websocket

    async def _relay(self, websocket: web.WebSocketResponse, service: AppService) -> None:
        """Pass the browser's keys and sizes to the app; anything malformed is dropped."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
            except ValueError:
                continue
            if not isinstance(envelope, list) or not envelope:
                continue
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
            if kind == "stdin" and isinstance(data, str):
                await service.send_bytes(data.encode("utf-8", "replace"))
            elif kind == "resize" and isinstance(data, dict):
                await service.set_terminal_size(_size(data.get("width"), 80), _size(data.get("height"), 24))
            elif kind == "ping" and isinstance(data, str):
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()
