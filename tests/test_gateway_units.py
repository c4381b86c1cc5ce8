"""Growing past one process, the fast parts: shard and shutdown settings, the per-channel posting pacer, the
shutdown drain (:class:`~bot.discordbot.lifecycle.Lifecycle`), the grouped "ask again" posts, and the
reload guard. The end-to-end tests are test_discord_shards.py, test_discord_shutdown.py and
test_discord_flood.py (a bot process against FakeDiscord)."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bot.cli import main as cli_main
from bot.config import DEFAULT_CHANNEL_RATE, Config, ConfigError, parse_shard_ids
from bot.discordbot import app, runner
from bot.discordbot.app import CareerBot, ShardedCareerBot, make_bot
from bot.discordbot.cooldown import ChannelPacer, Shed
from bot.discordbot.lifecycle import ChannelApologies, Lifecycle
from bot.discordbot.service import AnswerService, ReloadShrinks, ReloadStale, shrinkage
from bot.knowledge import KnowledgeBase
from bot.messages import t

# ------------------------------------------------------------------------------------------ settings


def test_shard_settings_from_the_environment_and_the_command_line() -> None:
    config = Config.from_mapping({"CAREERBOT_SHARD_COUNT": "4", "CAREERBOT_SHARD_IDS": "2-3"})
    assert (config.shard_count, config.shard_ids) == (4, (2, 3))
    assert (Config().shard_count, Config().shard_ids) == (None, None)  # default: unsharded
    assert config.with_shards(None, "0,2").shard_ids == (0, 2)  # --shard-ids over the environment's count
    assert Config().with_shards("2", None).shard_ids is None  # all shards of the count
    assert parse_shard_ids(" 0 - 1 , 3 ", 4) == (0, 1, 3)
    for count, ids, words in (("x", None, "whole number"), ("0", None, "whole number"),
                              ("2", "0-5", "from 0 to 1"), (None, "1", "need a shard count"),
                              ("4", "3-1", "backwards"), ("4", "a", "look like")):
        with pytest.raises(ConfigError, match=words):
            Config.from_mapping({"CAREERBOT_SHARD_COUNT": count or "", "CAREERBOT_SHARD_IDS": ids or ""})


def test_shutdown_deadline_and_channel_rate_settings() -> None:
    assert Config.from_mapping({}).shutdown_s == 20.0
    assert Config.from_mapping({"CAREERBOT_SHUTDOWN_S": "7.5"}).shutdown_s == 7.5
    with pytest.raises(ConfigError, match="CAREERBOT_SHUTDOWN_S"):
        Config.from_mapping({"CAREERBOT_SHUTDOWN_S": "0"})
    assert Config.from_mapping({}).channel_rate == DEFAULT_CHANNEL_RATE == (5, 5.0)  # Discord's limit
    assert Config.from_mapping({"CAREERBOT_CHANNEL_RATE": "0"}).channel_rate is None
    with pytest.raises(ConfigError, match="CAREERBOT_CHANNEL_RATE"):
        Config.from_mapping({"CAREERBOT_CHANNEL_RATE": "fast"})


def test_sharded_or_plain_bot_by_the_shard_count() -> None:
    sharded = make_bot(Config(shard_count=4, shard_ids=(2, 3)))
    assert isinstance(sharded, ShardedCareerBot)
    assert (sharded.shard_count, sharded.shard_ids) == (4, [2, 3])
    plain = make_bot(Config())
    assert type(plain) is CareerBot
    assert plain.shard_count is None  # one unsharded connection, as before
    assert make_bot(Config(), load_engine=False).lifecycle is None  # `careerbot sync` drains nothing


def test_shards_identify_as_fast_as_max_concurrency_allows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app, "IDENTIFY_INTERVAL_S", 0.1)  # Discord's 5 s, shortened

    async def identify_all(max_concurrency: int) -> list[float]:
        bot = ShardedCareerBot(Config(shard_count=4), load_engine=False)

        async def limits() -> Any:
            return SimpleNamespace(max_concurrency=max_concurrency)

        bot.fetch_session_start_limits = limits  # type: ignore[method-assign]
        # when each shard was let through (the time its bucket was stamped), not when the hook returned: a
        # late return under load would shorten the gap to the next one and fail this test by 1 ms (it did
        # in CI)
        loop = asyncio.get_running_loop()
        started, at = loop.time(), []
        for shard in range(4):
            await bot.before_identify_hook(shard, initial=shard == 0)
            at.append(bot._identify_buckets[shard % max_concurrency] - started)
        return at

    one = asyncio.run(identify_all(1))  # one IDENTIFY per interval
    assert all(b - a >= 0.099 for a, b in itertools.pairwise(one))
    two = asyncio.run(identify_all(2))  # buckets shard % 2: two at a time
    assert two[1] < 0.05
    assert two[2] >= 0.099
    assert two[3] - two[2] < 0.05
    assert asyncio.run(identify_all(16))[-1] < 0.05  # (discord.py alone waits 5 s before each)


def test_bad_shard_options_are_one_sentence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", "a.b.c")
    monkeypatch.delenv("CAREERBOT_SHARD_COUNT", raising=False)
    monkeypatch.delenv("CAREERBOT_SHARD_IDS", raising=False)
    assert runner.main(["run", "--shard-count", "2", "--shard-ids", "0-5"]) == runner.EXIT_CONFIG
    assert capsys.readouterr().err == "careerbot: shard ids run from 0 to 1 with a shard count of 2, not '0-5'.\n"
    assert cli_main(["run", "--shard-ids", "1"]) == runner.EXIT_CONFIG
    assert "shard ids need a shard count" in capsys.readouterr().err
    assert runner.main(["run", "--shards", "2"]) == runner.EXIT_CONFIG
    assert "usage:" in capsys.readouterr().err


# ---------------------------------------------------------------------------------- posting pacer


def test_pacer_keeps_each_channel_within_its_rate() -> None:
    per = 0.3

    async def scenario() -> dict[int, list[tuple[float, float]]]:
        pacer = ChannelPacer(rate=5, per=per, max_pending=20)
        posts: dict[int, list[tuple[float, float]]] = {1: [], 2: []}

        async def post(channel: int) -> None:
            ticket = pacer.reserve(channel)
            try:
                async with ticket:
                    started = time.monotonic()
                    await asyncio.sleep(0.01)  # the request
                    posts[channel].append((started, time.monotonic()))
            finally:
                ticket.close()

        await asyncio.gather(*(post(1) for _ in range(12)), *(post(2) for _ in range(3)))
        return posts

    posts = asyncio.run(scenario())
    one = sorted(posts[1])
    assert len(one) == 12
    # a post starts only once the one five before it completed at least `per` seconds ago
    assert all(one[k + 5][0] - one[k][1] >= per - 0.005 for k in range(len(one) - 5))
    assert max(s for s, _ in posts[2]) - min(s for s, _ in posts[2]) < per  # another channel is not held up


def test_pacer_sheds_past_its_bound() -> None:
    pacer = ChannelPacer(rate=5, per=5.0, max_pending=2)
    first, second = pacer.reserve(7), pacer.reserve(7)
    with pytest.raises(Shed):
        pacer.reserve(7)
    pacer.reserve(8).close()  # other channels have their own queue
    first.close()
    first.close()  # giving a place back twice frees it once
    third = pacer.reserve(7)
    with pytest.raises(Shed):
        pacer.reserve(7)
    pacer.reserve(7, force=True).close()  # the shutdown's apologies still get their turn
    assert pacer.pending(7) == 2
    second.close()
    third.close()
    assert pacer.pending(7) == 0


def test_pacer_without_a_rate_does_not_wait() -> None:
    async def scenario() -> float:
        pacer = ChannelPacer(rate=None, per=5.0, max_pending=50)
        started = time.monotonic()
        for _ in range(20):
            ticket = pacer.reserve(1)
            async with ticket:
                pass
            ticket.close()
        return time.monotonic() - started

    assert asyncio.run(scenario()) < 0.5


# ---------------------------------------------------------------------------------- shutdown drain


def _drain_scenario(deadline: float, *jobs: tuple[str, float, bool], hurry_after: float | None = None,
                    ) -> tuple[Any, list[tuple[str, float]], float, list[str | None]]:
    """Start one task per (name, seconds it works, settled early) job, then drain; returns the report,
    the apologies made (name, seconds left), how long the drain took and what late arrivals got."""
    apologies: list[tuple[str, float]] = []
    late: list[str | None] = []

    async def scenario() -> tuple[Any, float]:
        lifecycle = Lifecycle(deadline)

        async def job(name: str, seconds: float, settled: bool) -> None:
            async def apology(left: float) -> None:
                apologies.append((name, left))

            assert lifecycle.accept(name, apology) is not None
            if settled:
                lifecycle.settle()
            await asyncio.sleep(seconds)

        tasks = [asyncio.ensure_future(job(*spec)) for spec in jobs]
        await asyncio.sleep(0.01)
        if hurry_after is not None:
            asyncio.get_running_loop().call_later(hurry_after, lifecycle.hurry)

        async def arrives_late() -> None:
            await asyncio.sleep(0.05)
            work = lifecycle.accept("late")
            late.append(None if work is None else work.what)

        arrival = asyncio.ensure_future(arrives_late())
        started = time.monotonic()
        report = await lifecycle.drain()
        elapsed = time.monotonic() - started
        await arrival
        assert await lifecycle.drain() is report  # a second close drains nothing more
        await asyncio.gather(*tasks, return_exceptions=True)
        return report, elapsed

    report, elapsed = asyncio.run(scenario())
    return report, apologies, elapsed, late


def test_drain_waits_for_the_work_in_flight() -> None:
    report, apologies, elapsed, late = _drain_scenario(5.0, ("a", 0.2, False), ("b", 0.4, False))
    assert sorted(report.finished) == ["a", "b"]
    assert report.abandoned == []
    assert apologies == []
    assert 0.35 < elapsed < 1.5
    assert late == [None]  # nothing new is accepted once the drain started


def test_drain_cancels_at_the_deadline_and_apologises() -> None:
    # deadline 1 s: waits 0.7 s (30 % is kept for the apologies), then cancels
    report, apologies, elapsed, _ = _drain_scenario(1.0, ("quick", 0.1, False), ("stuck", 60, False),
                                                    ("posted", 60, True))
    assert report.finished == ["quick"]
    assert sorted(report.abandoned) == ["posted", "stuck"]
    assert [name for name, _ in apologies] == ["stuck"]  # "posted" had its answer already
    assert 0 < apologies[0][1] <= 1.0
    assert 0.65 < elapsed < 1.0


def test_a_second_signal_stops_waiting() -> None:
    report, apologies, elapsed, _ = _drain_scenario(30.0, ("stuck", 60, False), hurry_after=0.2)
    assert report.abandoned == ["stuck"]
    assert [name for name, _ in apologies] == ["stuck"]
    assert elapsed < 2.0


# --------------------------------------------------------------------------- grouped apologies


class _Channel:
    def __init__(self, cid: int, sent: list[tuple[int, str, dict[str, Any]]]) -> None:
        self.id, self._sent = cid, sent

    async def send(self, content: str, **kwargs: Any) -> None:
        self._sent.append((self.id, content, kwargs))


def _message(channel: _Channel, mid: int, user: int) -> Any:
    author = SimpleNamespace(id=user, mention=f"<@{user}>")
    message = SimpleNamespace(id=mid, channel=channel, author=author)
    message.to_reference = lambda **_: f"ref:{mid}"
    return message


def test_shutdown_apologies_are_one_post_per_channel() -> None:
    sent: list[tuple[int, str, dict[str, Any]]] = []

    async def scenario() -> list[bool]:
        pacer = ChannelPacer(rate=5, per=5.0, max_pending=10)
        busy = pacer.reserve(3)  # channel 3 had its five posts in the last 5 s: no slot before the deadline
        for _ in range(5):
            async with busy:
                pass
        apologies = ChannelApologies(pacer)
        one, two, three = _Channel(1, sent), _Channel(2, sent), _Channel(3, sent)
        asked = [(_message(one, 11, 501), "en"), (_message(one, 12, 502), "en"), (_message(one, 13, 501), "en"),
                 (_message(two, 21, 503), "ja"), (_message(three, 31, 504), "en")]
        return await asyncio.gather(*(apologies.tell(m, lang, 0.3) for m, lang in asked))

    told = asyncio.run(scenario())
    assert told == [True, True, True, True, False]  # channel 3: the caller flags ⚠️ instead
    assert len(sent) == 2
    (c1, text1, kw1), (c2, text2, kw2) = sorted(sent, key=lambda s: s[0])
    assert (c1, text1) == (1, t("restart_unanswered_many", "en", users="<@501> <@502>"))
    mentions = kw1["allowed_mentions"]
    assert ([u.id for u in mentions.users], mentions.everyone, mentions.roles) == ([501, 502], False, False)
    assert (c2, text2, kw2["reference"]) == (2, t("restart_unanswered", "ja"), "ref:21")  # a reply


# ------------------------------------------------------------------------------------ reload guard


class _Engine:
    def __init__(self, kb: KnowledgeBase, successors: list[KnowledgeBase]) -> None:
        self.kb, self._successors = kb, successors

    def reload(self, notify: Any = None) -> _Engine:
        if notify is not None:
            notify("rebuilt")
        return _Engine(self._successors.pop(0), self._successors)


def test_shrinkage_names_what_would_serve_far_less(kb: KnowledgeBase) -> None:
    assert shrinkage(kb, kb) == []
    fewer = dataclasses.replace(kb, resources=kb.resources[: len(kb.resources) // 2 - 1],
                                cards=kb.cards[: len(kb.cards) // 2 + 1])
    assert [(s.what, s.old, s.new) for s in shrinkage(kb, fewer)] == [
        ("resources", len(kb.resources), len(kb.resources) // 2 - 1)]
    empty = dataclasses.replace(kb, topics=[], cards=[])
    assert {s.what for s in shrinkage(kb, empty)} == {"documents", "cards"}
    assert shrinkage(empty, kb) == []  # growing is always fine


def test_reload_that_serves_far_less_waits_for_a_confirmation(kb: KnowledgeBase) -> None:
    shrunk = dataclasses.replace(kb, resources=kb.resources[:1])

    async def scenario() -> None:
        first = _Engine(kb, [shrunk, shrunk, kb, shrunk])
        service = AnswerService(first)  # type: ignore[arg-type]
        try:
            with pytest.raises(ReloadShrinks) as refused:
                await service.reload()
            assert service.engine is first  # still serving the current knowledge
            pending = refused.value.pending
            assert [(s.what, s.new) for s in pending.shrinks] == [("resources", 1)]
            with pytest.raises(ReloadShrinks) as again:
                await service.reload()
            result = await service.apply(again.value.pending)  # the moderator confirmed
            assert result.kb is service.engine.kb is shrunk
            with pytest.raises(ReloadStale):
                await service.apply(pending)  # checked against an engine that no longer serves
            assert (await service.reload()).kb is kb  # back to the full knowledge: no question asked
            assert (await service.reload(allow_shrink=True)).kb is shrunk
        finally:
            await service.close()

    asyncio.run(scenario())


def test_a_reload_still_running_at_shutdown_does_not_hold_up_the_exit(kb: KnowledgeBase) -> None:
    class Slow(_Engine):
        def reload(self, notify: Any = None) -> _Engine:
            time.sleep(2.0)  # an index rebuild
            return _Engine(kb, [])

    async def scenario() -> None:
        service = AnswerService(Slow(kb, []))  # type: ignore[arg-type]
        reload = asyncio.ensure_future(service.reload())
        await asyncio.sleep(0.1)
        reload.cancel()  # the shutdown's deadline
        await asyncio.gather(reload, return_exceptions=True)
        await service.close()

    started = time.monotonic()
    asyncio.run(scenario())  # returns without joining the rebuild's thread
    assert time.monotonic() - started < 1.0


def test_a_button_click_is_accepted_work_and_turned_away_while_draining() -> None:
    """A Done or Join click is awaited by a restart like a command (CI caught a Done click whose reply was lost
    when the gateway closed mid-callback), and while the bot drains it gets "restarting" instead."""
    import discord

    from bot.discordbot.ui.groups import DoneButton, GroupButton

    sent: list[str] = []

    class Response:
        def is_done(self) -> bool:
            return False

        async def send_message(self, content: str, **kwargs: Any) -> None:
            sent.append(content)

    def click(lifecycle: Lifecycle) -> Any:
        return SimpleNamespace(type=discord.InteractionType.component, command=None, id=77, locale=None,
                               guild_locale=None, client=SimpleNamespace(lifecycle=lifecycle), response=Response())

    async def scenario() -> tuple[list[bool], list[int]]:
        lifecycle = Lifecycle(10.0)
        allowed, in_flight = [], []
        for button in (DoneButton(1, 2, "core-ml.svm"), GroupButton(1, "join")):
            allowed.append(await button.interaction_check(click(lifecycle)))
            in_flight.append(lifecycle.in_flight)  # (this task is the click's work)
        lifecycle.draining = True
        allowed.append(await DoneButton(1, 2, "core-ml.svm").interaction_check(click(lifecycle)))
        return allowed, in_flight

    allowed, in_flight = asyncio.run(scenario())
    assert allowed == [True, True, False]
    assert in_flight == [1, 1]
    assert sent == [t("restarting", "en")]
