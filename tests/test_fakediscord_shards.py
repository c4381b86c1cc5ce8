"""FakeDiscord's gateway sharding, with real discord.py clients in this process: ``GET /gateway/bot`` returns
the shard count, IDENTIFY carries ``shard``, each shard's READY and GUILD_CREATEs name only its guilds
(``(guild_id >> 22) % shard_count``), and an event about a guild reaches only the connection of its shard."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import aiohttp
import discord
import pytest
import yarl
from fakediscord import (
    MEMBER_ID,
    FakeDiscord,
    numbered_channel_id,
    numbered_guild,
    numbered_guild_id,
    shard_of,
)

GUILDS = range(1, 7)  # guild n is on shard n % 2


class _Client(discord.AutoShardedClient):
    """Records what it sees; identifies its shards without discord.py's 5 s pause between them."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(intents=discord.Intents.default(), guild_ready_timeout=0.1, **kwargs)
        self.seen: list[tuple[int | None, str]] = []  # (guild id, what)
        self.ready = asyncio.Event()

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        pass

    async def on_ready(self) -> None:
        self.ready.set()

    async def on_message(self, message: discord.Message) -> None:
        self.seen.append((message.guild.id if message.guild else None, "message"))

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        self.seen.append((interaction.guild_id, "interaction"))


async def _start(fd: FakeDiscord, client: _Client) -> asyncio.Future[None]:
    runner = asyncio.ensure_future(client.start(fd.token))
    await asyncio.wait_for(client.ready.wait(), 10)
    return runner


async def _stop(client: _Client, runner: asyncio.Future[None]) -> None:
    await client.close()
    await asyncio.wait_for(runner, 5)


async def _until(predicate: Any, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if predicate():
            return
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.02)


def test_guilds_and_events_are_split_by_shard(monkeypatch: pytest.MonkeyPatch) -> None:
    ids = {n: numbered_guild_id(n) for n in GUILDS}
    assert {n: shard_of(g, 2) for n, g in ids.items()} == {n: n % 2 for n in GUILDS}

    async def main() -> None:
        async with FakeDiscord(guilds=[numbered_guild(n) for n in GUILDS], shard_count=2) as fd:
            monkeypatch.setattr(discord.http.Route, "BASE", fd.api_base)
            monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fd.gateway_url))
            even, odd = _Client(shard_count=2, shard_ids=[0]), _Client(shard_count=2, shard_ids=[1])
            runners = [await _start(fd, even), await _start(fd, odd)]
            try:
                assert fd.shards_ready([0, 1], 2)
                assert {g.id for g in even.guilds} == {ids[n] for n in GUILDS if n % 2 == 0}
                assert {g.id for g in odd.guilds} == {ids[n] for n in GUILDS if n % 2 == 1}
                ready = {d["shard"][0]: d for _, _, d in fd.dispatched("READY")}
                assert {int(g["id"]) for g in ready[1]["guilds"]} == {ids[n] for n in GUILDS if n % 2}
                assert [p["shard"] for p in fd.identify_payloads()] == [[0, 2], [1, 2]]

                for n in GUILDS:
                    fd.inject_message(numbered_channel_id(n), MEMBER_ID, f"hello guild {n}")
                    fd.inject_interaction(name="ping", channel_id=numbered_channel_id(n))
                await _until(lambda: len(even.seen) + len(odd.seen) == 2 * len(GUILDS))
                await asyncio.sleep(0.2)  # nothing else arrives late
                assert sorted(even.seen) == sorted((ids[n], kind) for n in GUILDS if n % 2 == 0
                                                   for kind in ("message", "interaction"))
                assert sorted(odd.seen) == sorted((ids[n], kind) for n in GUILDS if n % 2 == 1
                                                  for kind in ("message", "interaction"))

                # a DM goes to shard 0 only
                fd.inject_message(fd.dm_channel_id(MEMBER_ID), MEMBER_ID, "a DM")
                await _until(lambda: (None, "message") in even.seen)
                assert (None, "message") not in odd.seen
            finally:
                for client, runner in zip((even, odd), runners, strict=True):
                    await _stop(client, runner)

            # Without a shard count, discord.py asks GET /gateway/bot and runs both shards; their new sessions
            # replace the two old ones (one per shard id), so every event still arrives exactly once.
            both = _Client()
            runner = await _start(fd, both)
            try:
                assert both.shard_count == 2
                assert {g.id for g in both.guilds} == set(ids.values())
                assert set(fd.shard_sessions()) == {0, 1}
                fd.inject_message(numbered_channel_id(3), MEMBER_ID, "once")
                await _until(lambda: (ids[3], "message") in both.seen)
                await asyncio.sleep(0.2)
                assert both.seen.count((ids[3], "message")) == 1
            finally:
                await _stop(both, runner)
        assert fd.server_errors() == []

    asyncio.run(main())


@pytest.mark.parametrize("shard", [[2, 2], [0, 0], [-1, 2], ["0", "2"], [0]])
def test_identify_with_an_invalid_shard_is_closed_4010(shard: Any) -> None:
    async def main() -> int | None:
        async with FakeDiscord(shard_count=2) as fd, aiohttp.ClientSession() as session, \
                session.ws_connect(f"{fd.gateway_url}?v=10&encoding=json") as ws:
            hello = json.loads((await ws.receive(timeout=5)).data)
            assert hello["op"] == 10
            await ws.send_str(json.dumps({"op": 2, "d": {"token": fd.token, "intents": 513, "shard": shard,
                                                         "properties": {}}}))
            msg = await ws.receive(timeout=5)
            assert msg.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
            return ws.close_code

    assert asyncio.run(main()) == 4010
