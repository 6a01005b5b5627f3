"""A small pool of daemon worker threads: tasks in, (task, outcome) pairs out.

Daemon threads, not ``concurrent.futures``: on Ctrl-C the crawl must return at once, and the
interpreter would otherwise wait at exit for a worker stuck in a slow read. A task that raises
becomes a ``WorkerError`` outcome, so the coordinator never waits for an answer that won't come."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_STOP = object()
LATER = object()  # a task's outcome that will be ``post``ed when ready (not by the thread)


@dataclass
class WorkerError:
    error: BaseException


class WorkerPool:
    def __init__(self, size: int, handle: Callable[[Any], Any], name: str = "seotool-worker") -> None:
        self._handle = handle
        self._tasks: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._results: queue.SimpleQueue[tuple[Any, Any]] = queue.SimpleQueue()
        self.stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, name=f"{name}-{i}", daemon=True) for i in range(max(1, size))]
        for t in self._threads:
            t.start()

    def submit(self, task: Any) -> None:
        self._tasks.put(task)

    def post(self, task: Any, outcome: Any) -> None:
        """Deliver the outcome of a task whose handler returned ``LATER`` (from any thread)."""
        self._results.put((task, outcome))

    def result(self, timeout: float) -> tuple[Any, Any] | None:
        """The next finished (task, outcome), or None after ``timeout`` seconds."""
        try:
            return self._results.get(timeout=timeout)
        except queue.Empty:
            return None

    def finished_now(self) -> list[tuple[Any, Any]]:
        """Outcomes already waiting, without blocking."""
        out = []
        while True:
            try:
                out.append(self._results.get_nowait())
            except queue.Empty:
                return out

    def close(self) -> None:
        """Stop taking tasks; threads still in a request end on their own (they are daemons)."""
        self.stop.set()
        for _ in self._threads:
            self._tasks.put(_STOP)

    def _run(self) -> None:
        while True:
            task = self._tasks.get()
            if task is _STOP or self.stop.is_set():
                return
            try:
                outcome = self._handle(task)
            except BaseException as exc:  # noqa: BLE001 - reported to the coordinator, never lost
                outcome = WorkerError(exc)
            if outcome is not LATER:
                self._results.put((task, outcome))
