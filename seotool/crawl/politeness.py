"""Per-host politeness: at most N requests in flight to one server, and a minimum gap between
the starts of two requests to it (the configured delay, or robots.txt's Crawl-delay when larger).

One ``HostGate`` is shared by every worker thread of a crawl (and by the link prober)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


class Cancelled(Exception):
    """The crawl is stopping (Ctrl-C): a waiting request must not start."""


@dataclass
class _HostState:
    in_flight: int = 0
    last_start: float = float("-inf")
    delay: float = 0.0


class HostGate:
    def __init__(self, per_host: int = 4, delay: float = 0.0) -> None:
        self.per_host = max(1, per_host)
        self.default_delay = max(0.0, delay)
        self._hosts: dict[str, _HostState] = {}
        self._cond = threading.Condition()
        self._cancelled = False

    def set_delay(self, host: str, seconds: float) -> None:
        """Space requests to ``host`` by at least ``seconds`` (never less than the default delay)."""
        with self._cond:
            self._state(host).delay = max(self.default_delay, seconds)
            self._cond.notify_all()

    def delay(self, host: str) -> float:
        with self._cond:
            return self._state(host).delay

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold one of ``host``'s request slots for the duration of a request (body included)."""
        self.acquire(host)
        try:
            yield
        finally:
            self.release(host)

    def acquire(self, host: str) -> None:
        with self._cond:
            state = self._state(host)
            while True:
                if self._cancelled:
                    raise Cancelled()
                now = time.monotonic()
                ready_at = state.last_start + state.delay
                if state.in_flight < self.per_host and now >= ready_at:
                    state.in_flight += 1
                    state.last_start = now
                    return
                # Wake when the gap has passed, when a slot frees up, or on cancel.
                timeout = ready_at - now if state.in_flight < self.per_host else None
                self._cond.wait(timeout)

    def release(self, host: str) -> None:
        with self._cond:
            self._state(host).in_flight -= 1
            self._cond.notify_all()

    def cancel(self) -> None:
        """Make every waiting and future ``acquire`` raise ``Cancelled``."""
        with self._cond:
            self._cancelled = True
            self._cond.notify_all()

    def _state(self, host: str) -> _HostState:
        state = self._hosts.get(host)
        if state is None:
            state = self._hosts[host] = _HostState(delay=self.default_delay)
        return state
