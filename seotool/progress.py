"""Progress on stderr during long runs: one line rewritten in place, only on a terminal."""

from __future__ import annotations

import sys
import threading
import time


class Progress:
    def __init__(self, quiet: bool = False, stream=None, interval: float = 0.25) -> None:
        self.stream = stream or sys.stderr
        self.enabled = not quiet and hasattr(self.stream, "isatty") and self.stream.isatty()
        self.interval = interval
        self._last = 0.0
        self._shown = False
        self._lock = threading.Lock()

    def update(self, stage: str, done: int, queued: int = 0, errors: int = 0, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        with self._lock:
            if not force and now - self._last < self.interval:
                return
            self._last = now
            line = f"{stage}: {done} done, {queued} queued, {errors} errors"
            self.stream.write("\r\x1b[K" + line)
            self.stream.flush()
            self._shown = True

    def done(self) -> None:
        if self.enabled and self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False
