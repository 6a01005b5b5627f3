"""A real HTTP server on 127.0.0.1 for tests, driven by a route table.

    with serve({"/": page("<a href='/a'>a</a>"), "/a": redirect("/b", 301), "/slow": slow(2.0)}) as srv:
        srv.url("/")          # http://127.0.0.1:PORT/
        srv.hits["/a"]        # how many requests that path got, by method in srv.log

A route is a callable (handler, method) -> None that writes the response, or a `Response`.
Unknown paths get 404. Everything is served from a thread; the server stops at the end of `with`.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit


@dataclass
class Response:
    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0  # seconds before answering
    methods: tuple[str, ...] = ("GET", "HEAD")

    def __call__(self, h: BaseHTTPRequestHandler, method: str) -> None:
        if self.delay:
            time.sleep(self.delay)
        if method not in self.methods:
            h.send_response(405)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        body = self.body.encode("utf-8") if isinstance(self.body, str) else self.body
        h.send_response(self.status)
        if self.content_type:
            h.send_header("Content-Type", self.content_type)
        for k, v in self.headers.items():
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if method != "HEAD":
            h.wfile.write(body)


def page(html: str, status: int = 200, **kw) -> Response:
    return Response(status=status, body=html, **kw)


def redirect(location: str, status: int = 301) -> Response:
    return Response(status=status, headers={"Location": location}, content_type="")


def status(code: int, **kw) -> Response:
    return Response(status=code, body=f"<html><body>{code}</body></html>", **kw)


def slow(seconds: float, html: str = "<html><body>late</body></html>") -> Response:
    return Response(body=html, delay=seconds)


def reset() -> Callable[[BaseHTTPRequestHandler, str], None]:
    """Close the connection with a TCP RST, no response."""

    def handler(h: BaseHTTPRequestHandler, method: str) -> None:
        import struct

        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.connection.close()
        h.close_connection = True

    return handler


def sequence(*responses: Response | Callable) -> Callable[[BaseHTTPRequestHandler, str], None]:
    """Answer with each response in turn (the last one repeats): e.g. 429 then 200."""
    state = {"i": 0}
    lock = threading.Lock()

    def handler(h: BaseHTTPRequestHandler, method: str) -> None:
        with lock:
            r = responses[min(state["i"], len(responses) - 1)]
            state["i"] += 1
        r(h, method)

    return handler


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as two writes: no 40 ms delayed-ACK stall
    server: _Server

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def _dispatch(self, method: str) -> None:
        path = urlsplit(self.path).path
        full = self.path
        with self.server.lock:
            self.server.hits[path] += 1
            self.server.log.append((method, full, dict(self.headers)))
            self.server.timeline.append((time.monotonic(), method, full))
        route = self.server.routes.get(full) or self.server.routes.get(path)
        if route is None and self.server.static_root is not None:
            route = _static(self.server.static_root, path)
        if route is None:
            route = status(404)
        try:
            route(self, method)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self) -> None:  # noqa: N802
        self._dispatch("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch("HEAD")


def _static(root: Path, path: str) -> Response | None:
    rel = path.lstrip("/")
    target = (root / rel).resolve()
    if target.is_dir():
        target = target / "index.html"
    if not str(target).startswith(str(root.resolve())) or not target.is_file():
        return None
    ctype = {".html": "text/html; charset=utf-8", ".xml": "application/xml", ".txt": "text/plain",
             ".css": "text/css", ".png": "image/png", ".pdf": "application/pdf"}.get(target.suffix, "application/octet-stream")
    return Response(body=target.read_bytes(), content_type=ctype)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, routes: dict, static_root: Path | None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes = routes
        self.static_root = static_root
        self.hits: Counter[str] = Counter()
        self.log: list[tuple[str, str, dict]] = []
        self.timeline: list[tuple[float, str, str]] = []  # (time.monotonic(), method, path) per request
        self.lock = threading.Lock()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str = "/") -> str:
        return self.origin + path


@contextmanager
def serve(routes: dict | None = None, static_root: Path | str | None = None) -> Iterator[_Server]:
    """Serve ``routes`` (and files under ``static_root``) on 127.0.0.1 until the block ends."""
    srv = _Server(dict(routes or {}), Path(static_root) if static_root else None)
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
