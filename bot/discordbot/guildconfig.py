"""Per-guild settings (question channels, answer threads), cached in memory and written through to the store.

Every message in every channel the bot can see is checked against the question channels, so the lookup must
not cost a database round trip each time. This process is the only writer of these settings, so a
write-through cache stays exact.
"""

from __future__ import annotations

import asyncio

from bot.store import AsyncStore, GuildSettings


class GuildConfig:
    def __init__(self, store: AsyncStore) -> None:
        self.store = store
        self._channels: dict[int, set[int]] = {}
        self._settings: dict[int, GuildSettings] = {}
        self._lock = asyncio.Lock()

    def __repr__(self) -> str:
        return f"GuildConfig(cached_guilds={len(self._channels)})"

    async def qa_channels(self, guild_id: int) -> set[int]:
        cached = self._channels.get(guild_id)
        if cached is None:
            cached = await self.store.list_qa_channels(guild_id)
            self._channels[guild_id] = cached
        return cached

    async def settings(self, guild_id: int) -> GuildSettings:
        cached = self._settings.get(guild_id)
        if cached is None:
            cached = await self.store.get_guild_settings(guild_id)
            self._settings[guild_id] = cached
        return cached

    async def add_qa_channel(self, guild_id: int, channel_id: int) -> bool:
        async with self._lock:
            added = await self.store.add_qa_channel(guild_id, channel_id)
            self._channels[guild_id] = await self.store.list_qa_channels(guild_id)
            return added

    async def remove_qa_channel(self, guild_id: int, channel_id: int) -> bool:
        async with self._lock:
            removed = await self.store.remove_qa_channel(guild_id, channel_id)
            self._channels[guild_id] = await self.store.list_qa_channels(guild_id)
            return removed

    async def set(self, guild_id: int, name: str, value: bool) -> GuildSettings:
        async with self._lock:
            settings = await self.store.set_guild_setting(guild_id, name, value)
            self._settings[guild_id] = settings
            return settings
