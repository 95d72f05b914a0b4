"""One answer at a time per process (one llama.cpp model), a bounded queue in front of it.

Searches do not pass here: they run concurrently. An ask that finds the queue full is refused at
once (503 with Retry-After) instead of waiting without bound.
"""

from __future__ import annotations

import threading


class Busy(Exception):
    """The answer queue is full."""


class AnswerGate:
    def __init__(self, queue_size: int) -> None:
        self.queue_size = queue_size
        self._slot = threading.Semaphore(1)
        self._lock = threading.Lock()
        self._holders = 0  # answering or waiting

    @property
    def waiting(self) -> int:
        return max(0, self._holders - 1)

    def reserve(self) -> "Ticket":
        """A place in the queue, or ``Busy``; use the ticket as a context manager to answer."""
        with self._lock:
            if self._holders >= self.queue_size + 1:
                raise Busy()
            self._holders += 1
        return Ticket(self)

    def _leave(self) -> None:
        with self._lock:
            self._holders -= 1


class Ticket:
    """Held from the request until the answer is done; entering waits for the model."""

    def __init__(self, gate: AnswerGate) -> None:
        self.gate = gate
        self._entered = False
        self._left = False

    def __enter__(self) -> "Ticket":
        self.gate._slot.acquire()
        self._entered = True
        return self

    def __exit__(self, *exc) -> None:
        if self._entered:
            self.gate._slot.release()
            self._entered = False
        self.release()

    def release(self) -> None:
        """Give up the place (a request that never started answering); safe to call twice."""
        if not self._left:
            self._left = True
            self.gate._leave()
