"""The per-host gate: in-flight limit per host, spacing between request starts, cancellation."""

from __future__ import annotations

import threading
import time

import pytest

from seotool.crawl.politeness import Cancelled, HostGate


def test_at_most_n_requests_in_flight_per_host():
    gate = HostGate(per_host=2)
    lock = threading.Lock()
    now = {"a": 0, "b": 0}
    peak = {"a": 0, "b": 0}

    def request(host):
        with gate.slot(host):
            with lock:
                now[host] += 1
                peak[host] = max(peak[host], now[host])
            time.sleep(0.05)
            with lock:
                now[host] -= 1

    threads = [threading.Thread(target=request, args=(h,)) for h in "aaaaaabbb"]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    assert peak == {"a": 2, "b": 2}


def test_request_starts_are_spaced_by_the_host_delay():
    gate = HostGate(per_host=4, delay=0.0)
    gate.set_delay("slow.example", 0.15)
    starts = []

    def request():
        with gate.slot("slow.example"):
            starts.append(time.monotonic())

    threads = [threading.Thread(target=request) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    starts.sort()
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert len(gaps) == 3 and min(gaps) >= 0.14
    assert gate.delay("fast.example") == 0.0  # another host is not held back by this one


def test_configured_delay_is_a_floor_for_crawl_delay():
    gate = HostGate(delay=0.5)
    gate.set_delay("h", 0.1)
    assert gate.delay("h") == 0.5
    gate.set_delay("h", 2.0)
    assert gate.delay("h") == 2.0


def test_cancel_wakes_waiters():
    gate = HostGate(per_host=1)
    gate.acquire("h")
    errors = []

    def waiter():
        try:
            gate.acquire("h")
        except Cancelled as exc:
            errors.append(exc)

    t = threading.Thread(target=waiter)
    t.start()
    time.sleep(0.05)
    gate.cancel()
    t.join(2)
    assert not t.is_alive() and len(errors) == 1
    with pytest.raises(Cancelled):
        gate.acquire("other")
