"""Extra route handlers for crawler tests (the shared server takes any callable as a route)."""

from __future__ import annotations

import gzip
import socket
import time

from tests.support.server import Response


def drip(total_bytes: int, interval: float, content_type: str = "text/html") -> callable:
    """Headers at once, then one byte every ``interval`` seconds: never trips a read timeout."""

    def handler(h, method: str) -> None:
        h.send_response(200)
        h.send_header("Content-Type", content_type)
        h.send_header("Content-Length", str(total_bytes))
        h.end_headers()
        try:
            for _ in range(total_bytes):
                h.wfile.write(b"x")
                h.wfile.flush()
                time.sleep(interval)
        except OSError:
            pass

    return handler


def unsized(body: bytes, content_type: str = "text/html") -> callable:
    """A body with no Content-Length, ended by closing the connection."""

    def handler(h, method: str) -> None:
        h.send_response(200)
        h.send_header("Content-Type", content_type)
        h.send_header("Connection", "close")
        h.end_headers()
        h.close_connection = True
        try:
            for i in range(0, len(body), 65536):
                h.wfile.write(body[i:i + 65536])
        except OSError:
            pass

    return handler


def gzipped(body: bytes | str, content_type: str = "text/html; charset=utf-8") -> Response:
    raw = body.encode("utf-8") if isinstance(body, str) else body
    return Response(body=gzip.compress(raw), content_type=content_type, headers={"Content-Encoding": "gzip"})


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port
