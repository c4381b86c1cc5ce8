"""Figures the benchmark scripts print (imported by them as ``_stats``; ``scripts/`` is their sys.path[0])."""

from __future__ import annotations

import statistics


def pct(values: list[float], q: float) -> float:
    """The ``q``-th percentile (0-100) of ``values``, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(q / 100 * (len(ordered) - 1) + 0.5)))]


def latency(seconds: list[float], *, decimals: int = 0, count: bool = True) -> str:
    """``p50 … ms   p99 … ms   max … ms   (n=…)`` of latencies given in seconds."""
    if not seconds:
        return "(none)"
    ms = [s * 1000 for s in seconds]
    text = (f"p50 {statistics.median(ms):7.{decimals}f} ms   p99 {pct(ms, 99):7.{decimals}f} ms   "
            f"max {max(ms):7.{decimals}f} ms")
    return text + (f"   (n={len(ms)})" if count else "")
