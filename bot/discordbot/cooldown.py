"""The per-user question cooldown (``CAREERBOT_ASK_COOLDOWN``): a sliding window per user id."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable


class Cooldown:
    """At most ``rate`` events per ``per`` seconds per key (a sliding window); ``hit`` says how long to wait."""

    def __init__(self, rate: int, per: float, clock: Callable[[], float] = time.monotonic) -> None:
        if rate < 1 or per <= 0:
            raise ValueError("rate must be >= 1 and per > 0")
        self.rate, self.per, self._clock = rate, per, clock
        self._hits: dict[int, deque[float]] = {}

    def hit(self, key: int) -> float:
        """0.0 and the event counted when allowed, else the seconds until it would be allowed."""
        now = self._clock()
        hits = self._hits.setdefault(key, deque())
        while hits and now - hits[0] >= self.per:
            hits.popleft()
        if len(hits) >= self.rate:
            return self.per - (now - hits[0])
        hits.append(now)
        if len(self._hits) > 10_000:
            self._prune(now)
        return 0.0

    def _prune(self, now: float) -> None:
        for key in [k for k, v in self._hits.items() if not v or now - v[-1] >= self.per]:
            del self._hits[key]


class NoCooldown:
    """Stand-in when the cooldown is turned off."""

    def hit(self, key: int) -> float:
        return 0.0


def make_cooldown(setting: tuple[int, float] | None) -> Cooldown | NoCooldown:
    return Cooldown(*setting) if setting else NoCooldown()
