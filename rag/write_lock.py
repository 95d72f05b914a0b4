"""The one-writer-at-a-time lock of an index folder: an flock on ``.write.lock``, whose text names
the process holding it, so that a writer that has to wait can say whom it waits for."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from rag.errors import storage_error

LOCK = ".write.lock"


@contextmanager
def writer_lock(directory: Path, timeout: float, on_wait: Callable[[str], None]) -> Iterator[None]:
    """Hold the folder's write lock; ``on_wait`` hears it when another writer holds it first.
    ``Timeout`` when ``timeout`` s pass (-1: wait for ever)."""
    lock = FileLock(str(directory / LOCK), timeout=timeout)
    try:
        try:
            lock.acquire(timeout=0)
        except Timeout:
            on_wait(f"waiting for another writer{_lock_owner(directory)} to finish with {directory}")
            lock.acquire()
    except OSError as exc:
        raise storage_error(exc, f"take the write lock in {directory}") from exc
    try:
        _record_owner(directory)
        yield
    finally:
        lock.release()


def _record_owner(directory: Path) -> None:
    try:  # only for the message of a writer that waits; the lock itself is the flock
        (directory / LOCK).write_text(f"{os.getpid()}\n", encoding="utf-8")
    except OSError:
        pass


def _lock_owner(directory: Path) -> str:
    try:
        pid = int((directory / LOCK).read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return ""
    return f" (process {pid})"
