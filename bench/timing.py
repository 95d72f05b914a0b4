"""Timing helpers for the benchmarks: p50/p95 of repeated calls, time spent inside methods, and the
CPU other processes used meanwhile (on 2 cores a busy neighbour inflates every figure)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Self, TypeVar

import numpy as np

WARM_UP = 10
T = TypeVar("T")


def stats(samples_s: list[float]) -> dict[str, float]:
    ms = np.array(samples_s) * 1000
    return {"p50": float(np.percentile(ms, 50)), "p95": float(np.percentile(ms, 95)), "mean": float(ms.mean())}


def time_each(fn: Callable, items: list, warm_up: int = WARM_UP) -> list[float]:
    """Seconds of ``fn(item)`` for each item, after calling it on the first ``warm_up`` items untimed."""
    for item in items[:warm_up]:
        fn(item)
    out = []
    for item in items[warm_up:]:
        started = time.perf_counter()
        fn(item)
        out.append(time.perf_counter() - started)
    return out


@contextmanager
def timing_methods(totals: dict[str, float], *targets: tuple[type, str]):
    """Add up the seconds spent in each ``cls.method`` while inside the block."""
    saved = []
    for cls, name in targets:
        original = cls.__dict__[name]
        func = original.__func__ if isinstance(original, (classmethod, staticmethod)) else original
        wrapper = adding_time_to(func, f"{cls.__name__}.{name}", totals)
        setattr(cls, name, classmethod(wrapper) if isinstance(original, classmethod) else wrapper)
        saved.append((cls, name, original))
    try:
        yield totals
    finally:
        for cls, name, original in saved:
            setattr(cls, name, original)


class OtherLoad:
    """CPU used by other processes while inside the block, in cores (from /proc/stat less our own use).
    On a 2-core machine anything above ~0.1 means the figures are inflated: torch's OpenMP threads spin
    at barriers and a busy neighbour can make one query encoding 10-30x slower."""

    def __enter__(self) -> Self:
        self.start = (_busy_seconds(), sum(os.times()[:4]), time.monotonic())
        return self

    def __exit__(self, *exc) -> None:
        busy, ours, now = _busy_seconds(), sum(os.times()[:4]), time.monotonic()
        self.cores = max(0.0, (busy - self.start[0]) - (ours - self.start[1])) / (now - self.start[2])


def _busy_seconds() -> float:
    """Non-idle CPU seconds of the whole machine since boot."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


QUIET_CORES = 0.15  # other processes' use above which a measurement is taken again
QUIET_WAIT_S = [0.0]  # set from --wait-quiet


def quietly(run: Callable[[], T], *, busy_ok: bool = False, tries: int = 5) -> tuple[T, float]:
    """``run()`` and the CPU cores other processes used meanwhile. With --wait-quiet, waits for a quiet
    machine first and runs again (up to ``tries`` times) when a neighbour got busy meanwhile."""
    for _ in range(tries):
        if QUIET_WAIT_S[0] and not busy_ok:
            wait_for_quiet(QUIET_WAIT_S[0])
        with OtherLoad() as load:
            result = run()
        if busy_ok or not QUIET_WAIT_S[0] or load.cores < QUIET_CORES:
            break
        print(f"  measuring again: other processes used {load.cores:.2f} cores", flush=True)
    return result, load.cores


def measure(fn: Callable, items: list, *, busy_ok: bool = False) -> dict[str, float]:
    """p50/p95/mean ms of ``fn`` over the items (warm-up excluded), and other processes' CPU use meanwhile."""
    samples, other = quietly(lambda: time_each(fn, items), busy_ok=busy_ok)
    return {**stats(samples), "other": other}


def wait_for_quiet(max_wait_s: float, threshold: float = QUIET_CORES) -> float:
    """Wait (up to ``max_wait_s``) until other processes use under ``threshold`` cores over 3 s; their load."""
    deadline = time.monotonic() + max_wait_s
    while True:
        with OtherLoad() as load:
            time.sleep(3)
        if load.cores < threshold or time.monotonic() > deadline:
            return load.cores
        print(f"  waiting for a quiet machine: other processes use {load.cores:.2f} cores", flush=True)


def adding_time_to(fn: Callable, key: str, totals: dict[str, float]) -> Callable:
    """``fn`` that adds the seconds of each call to ``totals[key]``."""

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            totals[key] = totals.get(key, 0.0) + time.perf_counter() - started

    return timed
