"""The frontier: URLs waiting to be fetched, shallowest first, each admitted once.

A URL is *claimed* when it enters the queue or when a worker follows a redirect to it; a claimed
URL is never queued again, which is what makes "fetched once" hold across spellings (keys come
from ``seotool.urls.normalize``) and across redirects. Claims are thread-safe because workers
claim redirect targets while the coordinating thread queues links."""

from __future__ import annotations

import heapq
import itertools
import threading
from dataclasses import dataclass, field


@dataclass(order=True)
class Entry:
    depth: int
    seq: int
    url: str = field(compare=False)  # cleaned URL, the spelling met first
    key: str = field(compare=False)  # normalised identity
    referrer: str | None = field(compare=False, default=None)
    start: bool = field(compare=False, default=False)


class Frontier:
    def __init__(self) -> None:
        self._heap: list[Entry] = []
        self._claimed: set[str] = set()
        self._lock = threading.Lock()
        self._seq = itertools.count()

    def claim(self, key: str) -> bool:
        """Claim ``key``; False when it was already claimed."""
        with self._lock:
            if key in self._claimed:
                return False
            self._claimed.add(key)
            return True

    def is_claimed(self, key: str) -> bool:
        with self._lock:
            return key in self._claimed

    def push(self, url: str, key: str, depth: int, referrer: str | None = None, *, start: bool = False) -> bool:
        """Claim and queue a URL; False (and nothing queued) when it was already claimed."""
        with self._lock:
            if key in self._claimed:
                return False
            self._claimed.add(key)
            heapq.heappush(self._heap, Entry(depth, next(self._seq), url, key, referrer, start))
            return True

    def peek(self) -> Entry | None:
        with self._lock:
            return self._heap[0] if self._heap else None

    def pop(self) -> Entry | None:
        with self._lock:
            return heapq.heappop(self._heap) if self._heap else None

    def drain(self) -> list[Entry]:
        """Everything still queued, in order; the queue is left empty."""
        with self._lock:
            entries, self._heap = sorted(self._heap), []
            return entries

    def __len__(self) -> int:
        return len(self._heap)
