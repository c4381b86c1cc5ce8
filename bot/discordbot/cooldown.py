"""Flood manners: the per-user question cooldown (``CAREERBOT_ASK_COOLDOWN``, a sliding window per user id)
and :class:`ChannelPacer`, which keeps the bot's posts within Discord's per-channel rate."""

from __future__ import annotations

import asyncio
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

    def hit(self, key: int, now: float | None = None) -> float:
        """0.0 and the event counted when allowed, else the seconds until it would be allowed. ``now``: when
        the event happened, if not now (a message's own time: a bot that reads a burst late, its event loop
        busy, still sees the burst; every hit on one cooldown then gives its time on the same clock)."""
        now = self._clock() if now is None else now
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

    def hit(self, key: int, now: float | None = None) -> float:
        return 0.0


def make_cooldown(setting: tuple[int, float] | None) -> Cooldown | NoCooldown:
    return Cooldown(*setting) if setting else NoCooldown()


# ------------------------------------------------------------------------------ posting to channels


class Shed(Exception):
    """Too many answers are already waiting to be posted in this channel: this question is not taken."""


class ChannelPacer:
    """Keeps the bot's posts in each channel within Discord's rate (``rate`` messages per ``per`` seconds).

    A question taken in a channel :meth:`reserve`\\ s a :class:`Ticket` first (Shed when ``max_pending``
    posts are already reserved there: the caller sheds the question politely), and posts its answer, or the
    sentence that replaces it, inside ``async with ticket:``, which waits for a free slot. A slot counts from
    the moment the post *completed*, so Discord, which counts from when a request arrives, never sees more
    than ``rate`` posts in any ``per`` seconds. ``rate=None`` does not pace (``CAREERBOT_CHANNEL_RATE=0``),
    but still bounds the queue.
    """

    def __init__(self, rate: int | None = 5, per: float = 5.0, max_pending: int = 10,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if (rate is not None and rate < 1) or per <= 0 or max_pending < 1:
            raise ValueError("rate and max_pending must be >= 1 and per > 0")
        self.rate, self.per, self.max_pending, self._clock = rate, per, max_pending, clock
        self._channels: dict[int, _Channel] = {}

    def reserve(self, channel_id: int, *, force: bool = False) -> Ticket:
        """A place in the channel's queue; Shed when it is full (unless ``force``: it still waits its turn)."""
        channel = self._channels.get(channel_id)
        if channel is None:
            if len(self._channels) > 10_000:
                self._prune()
            channel = self._channels[channel_id] = _Channel()
        if channel.pending >= self.max_pending and not force:
            raise Shed(f"{channel.pending} posts already waiting in channel {channel_id}")
        channel.pending += 1
        return Ticket(self, channel)

    def pending(self, channel_id: int) -> int:
        channel = self._channels.get(channel_id)
        return channel.pending if channel else 0

    def _prune(self) -> None:
        now = self._clock()
        for key in [k for k, c in self._channels.items()
                    if not c.pending and (not c.sent or now - c.sent[-1] >= self.per)]:
            del self._channels[key]

    async def _acquire(self, channel: _Channel) -> None:
        if self.rate is None:
            channel.posting += 1
            return
        async with channel.lock:  # one waiter at a time takes the next slot, in arrival order
            while True:
                now = self._clock()
                while channel.sent and now - channel.sent[0] >= self.per:
                    channel.sent.popleft()
                if len(channel.sent) + channel.posting < self.rate:
                    channel.posting += 1
                    return
                # Full: wait for the oldest post to leave the window, or for one in progress to complete.
                wait = channel.sent[0] + self.per - now if channel.sent else 0.05
                await asyncio.sleep(max(wait, 0.01))

    def _release(self, channel: _Channel, posted: bool) -> None:
        channel.posting -= 1
        if posted:
            channel.sent.append(self._clock())


class _Channel:
    __slots__ = ("lock", "pending", "posting", "sent")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.pending = 0  # reserved tickets not yet used or given back
        self.posting = 0  # posts in progress
        self.sent: deque[float] = deque()  # when recent posts completed


class Ticket:
    """One reserved post in a channel: ``async with ticket:`` waits for a slot, and what the block sends
    counts as one post (a thread and its first message; a reply after a failed thread); :meth:`close` gives
    the place back."""

    def __init__(self, pacer: ChannelPacer, channel: _Channel) -> None:
        self._pacer, self._channel = pacer, channel
        self.closed = False

    async def __aenter__(self) -> None:
        await self._pacer._acquire(self._channel)

    async def __aexit__(self, *exc: object) -> None:
        self._pacer._release(self._channel, posted=True)

    def close(self) -> None:
        """Give the place back (the answer was posted, or will not be)."""
        if not self.closed:
            self.closed = True
            self._channel.pending -= 1
