"""Ingest work runs at a lower CPU priority than the searches beside it (bench/busy.py measures why)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

from ingest.pipeline import background_priority


def _nice_inside(nice: int) -> tuple[int, int, int]:
    """(this thread's nice inside the block, a child process's nice started inside, the main thread's)."""
    seen = {}

    def run() -> None:
        with background_priority(nice):
            seen["thread"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
            child = subprocess.run([sys.executable, "-c", "import os; print(os.getpriority(os.PRIO_PROCESS, 0))"],
                                   capture_output=True, text=True, check=True)
            seen["child"] = int(child.stdout)
            seen["main"] = os.getpriority(os.PRIO_PROCESS, os.getpid())

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    return seen["thread"], seen["child"], seen["main"]


def test_the_ingest_thread_and_its_processes_run_nicer_while_the_rest_keeps_its_priority():
    base = os.getpriority(os.PRIO_PROCESS, os.getpid())
    thread, child, main = _nice_inside(max(base, 7))
    assert thread == child == max(base, 7)
    assert main == base  # other threads (a server's searches) are untouched


def test_priority_is_never_raised_by_the_setting():
    base = os.getpriority(os.PRIO_PROCESS, os.getpid())
    thread, child, _ = _nice_inside(0)
    assert thread == child == base
