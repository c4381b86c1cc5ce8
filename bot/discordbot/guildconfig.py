"""Per-guild settings (question channels, answer threads), cached in memory and written through to the store.

Every message in every channel the bot can see is checked against the question channels, so the lookup must
not cost a database round trip each time. Other processes may change the settings too (a rolling deploy,
several shard processes on one database): at most every :data:`CHECK_EVERY` seconds the cache asks the store
for its settings version (SQLite's ``data_version``, PostgreSQL's LISTEN/NOTIFY count; both cheap) and
re-reads what changed elsewhere, so a change made in one process reaches the others within a second.

When the database fails (corrupted, deleted, locked for longer than :data:`LOOKUP_WAIT`), lookups fall back to
the last values read (or the defaults): answering questions needs no database, so a broken one must not stop
it. Writes still fail, and the user is told.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable
from typing import Final, TypeVar

from bot.store import GuildSettings, Store, StoreError

log = logging.getLogger(__name__)

#: Seconds between two looks at the store's settings version.
CHECK_EVERY: Final = 0.25
#: Seconds between two warnings about a failing database (one per lookup would flood the log).
WARN_EVERY: Final = 30.0
#: Seconds a lookup waits for the database (locked by a long write elsewhere) before it uses what it knew.
LOOKUP_WAIT: Final = 1.0

T = TypeVar("T")


class GuildConfig:
    def __init__(self, store: Store, *, check_every: float = CHECK_EVERY) -> None:
        self.store = store
        self.check_every = check_every
        self._channels: dict[int, set[int]] = {}  # last known, kept when stale (the fallback)
        self._settings: dict[int, GuildSettings] = {}
        self._current_channels: set[int] = set()  # guilds whose cached entry is up to date
        self._current_settings: set[int] = set()
        self._version: int | None = None
        self._checked = -float("inf")
        self._warned = -float("inf")
        self._lock = asyncio.Lock()

    def __repr__(self) -> str:
        return f"GuildConfig(cached_guilds={len(self._channels)})"

    def _warn(self, what: str, exc: Exception) -> None:
        now = time.monotonic()
        if now - self._warned >= WARN_EVERY:
            self._warned = now
            log.warning("guild settings: %s failed, using the last known values: %s", what,
                        exc or exc.__class__.__name__)

    @staticmethod
    async def _lookup(call: Awaitable[T]) -> T:
        return await asyncio.wait_for(call, LOOKUP_WAIT)

    async def _check(self) -> None:
        """Forget what other processes may have changed since the last look (at most every check_every s)."""
        now = time.monotonic()
        if now - self._checked < self.check_every:
            return
        self._checked = now
        try:
            version = await self._lookup(self.store.run(Store.settings_version))
        except (StoreError, asyncio.TimeoutError) as exc:
            self._warn("reading the settings version", exc)
            return
        if version != self._version:
            if self._version is not None:
                log.debug("guild settings changed in the database; re-reading them")
            self._version = version
            self._current_channels.clear()
            self._current_settings.clear()

    async def qa_channels(self, guild_id: int) -> set[int]:
        await self._check()
        if guild_id not in self._current_channels:
            try:
                channels = await self._lookup(self.store.run(Store.list_qa_channels, guild_id))
            except (StoreError, asyncio.TimeoutError) as exc:
                self._warn(f"reading the question channels of guild {guild_id}", exc)
                return self._channels.get(guild_id, set())
            self._channels[guild_id] = channels
            self._current_channels.add(guild_id)
        return self._channels[guild_id]

    async def settings(self, guild_id: int) -> GuildSettings:
        await self._check()
        if guild_id not in self._current_settings:
            try:
                settings = await self._lookup(self.store.run(Store.get_guild_settings, guild_id))
            except (StoreError, asyncio.TimeoutError) as exc:
                self._warn(f"reading the settings of guild {guild_id}", exc)
                return self._settings.get(guild_id, GuildSettings(guild_id))
            self._settings[guild_id] = settings
            self._current_settings.add(guild_id)
        return self._settings[guild_id]

    async def add_qa_channel(self, guild_id: int, channel_id: int) -> bool:
        async with self._lock:
            added = await self.store.run(Store.add_qa_channel, guild_id, channel_id)
            await self._reload_channels(guild_id)
            return added

    async def remove_qa_channel(self, guild_id: int, channel_id: int) -> bool:
        async with self._lock:
            removed = await self.store.run(Store.remove_qa_channel, guild_id, channel_id)
            await self._reload_channels(guild_id)
            return removed

    async def _reload_channels(self, guild_id: int) -> None:
        try:
            self._channels[guild_id] = await self.store.run(Store.list_qa_channels, guild_id)
            self._current_channels.add(guild_id)
        except StoreError as exc:  # the write is done; the next lookup reads the channels again
            self._current_channels.discard(guild_id)
            self._warn(f"reading the question channels of guild {guild_id}", exc)

    async def set(self, guild_id: int, name: str, value: bool) -> GuildSettings:
        async with self._lock:
            settings = await self.store.run(Store.set_guild_setting, guild_id, name, value)
            self._settings[guild_id] = settings
            self._current_settings.add(guild_id)
            return settings
