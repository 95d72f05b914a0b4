"""Peak resident memory of a running process and its children, sampled until it exits."""

from __future__ import annotations

import time


def wait_with_peak_rss(process, interval: float = 0.05) -> int:
    """Wait for a ``psutil.Popen`` to exit; returns the peak RSS in bytes summed over it and its children."""
    import psutil

    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(interval)
    return peak
