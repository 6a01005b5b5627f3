"""Read one response body under caps: a byte limit that also applies after decompression
(a small gzip can inflate to gigabytes) and a wall-clock deadline (a server can trickle one
byte every few seconds and never trip a read timeout).

We decompress ourselves (gzip, deflate) with ``max_length`` so memory never exceeds the cap."""

from __future__ import annotations

import time
import zlib
from typing import Any

from urllib3.exceptions import ReadTimeoutError

CHUNK = 64 * 1024
ACCEPT_ENCODING = "gzip, deflate"  # only what we can inflate under a cap


class BodyError(Exception):
    """The body could not be read within the caps. ``reason`` is a Record reason."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


class Inflater:
    """Incremental gzip/deflate decoder that refuses to produce more than a limit."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        # gzip: 16+MAX_WBITS; deflate: zlib-wrapped normally, raw deflate from some servers.
        self._wbits = 16 + zlib.MAX_WBITS if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self._d = zlib.decompressobj(self._wbits)
        self._started = False

    def feed(self, data: bytes, limit: int) -> bytes:
        """Decode ``data``; raise BodyError when the output would exceed ``limit`` bytes."""
        out = bytearray()
        while data:
            try:
                chunk = self._d.decompress(data, limit - len(out) + 1)
            except zlib.error:
                if self.encoding == "deflate" and not self._started:
                    self._d = zlib.decompressobj(-zlib.MAX_WBITS)
                    self._started = True
                    continue
                raise BodyError("bad-encoding", f"invalid {self.encoding} data") from None
            self._started = True
            out += chunk
            if len(out) > limit:
                raise BodyError("too-large", f"decompressed body larger than {limit} bytes")
            if self._d.unconsumed_tail:
                data = self._d.unconsumed_tail
            elif self._d.eof and self._d.unused_data:
                data = self._d.unused_data  # another gzip member follows
                self._d = zlib.decompressobj(self._wbits)
            else:
                break
        return bytes(out)


def inflater_for(content_encoding: str | None) -> Inflater | None:
    encoding = (content_encoding or "").strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip", "deflate"):
        return Inflater(encoding)
    raise BodyError("bad-encoding", f"unsupported Content-Encoding: {encoding[:40]}")


def read_capped(resp: Any, *, max_bytes: int, deadline: float, read_timeout: float | None) -> bytes:
    """The decoded body of a streamed urllib3 response, or BodyError (too-large, timeout,
    bad-encoding). ``max_bytes`` <= 0 means no size cap; ``deadline`` is a ``time.monotonic()``."""
    limit = max_bytes if max_bytes > 0 else 1 << 62
    inflater = inflater_for(resp.headers.get("Content-Encoding"))
    raw = resp
    out = bytearray()
    raw_total = 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise BodyError("timeout", "response took longer than max_time")
        _set_socket_timeout(raw, min(read_timeout, remaining) if read_timeout else remaining)
        try:
            data = raw.read1(CHUNK, decode_content=False)
        except ReadTimeoutError:
            if deadline - time.monotonic() <= 0.01:
                raise BodyError("timeout", "response took longer than max_time") from None
            raise
        if not data:
            break
        raw_total += len(data)
        if raw_total > limit:
            raise BodyError("too-large", f"body larger than {limit} bytes")
        if inflater is not None:
            data = inflater.feed(data, limit - len(out))
        out += data
        if len(out) > limit:
            raise BodyError("too-large", f"body larger than {limit} bytes")
    return bytes(out)


def drain(resp: Any, limit: int = CHUNK) -> None:
    """Read a small leftover body (a redirect's) so the connection can be reused; close otherwise."""
    try:
        length = int(resp.headers.get("Content-Length", "-1"))
    except ValueError:
        length = -1
    if 0 <= length <= limit:
        try:
            resp.read(length, decode_content=False)
        except Exception:  # noqa: BLE001 - the connection is just not reused
            pass


def _set_socket_timeout(raw: Any, seconds: float) -> None:
    """Bound the next socket read by what is left of the response's time budget."""
    conn = getattr(raw, "connection", None)
    sock = getattr(conn, "sock", None)
    if sock is not None:
        try:
            sock.settimeout(max(0.01, seconds))
        except OSError:
            pass
