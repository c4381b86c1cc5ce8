"""Study-group check-ins with two bot processes on one database (two gateway shards, as in a sharded
deployment or a rolling deploy): both run the check-in scheduler on the same test clock, both see every week
begin at the same moment, and each week's check-in is still posted exactly once, also while one of them
restarts and after a moment both of them missed."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from _db_helpers import query_db, write_lock
from _discord_helpers import BotProcess, bot_env, make_guild
from fakediscord import BOT_ID, CHANNEL_ID, GUILD_ID, MODERATOR_ID, FakeDiscord, shard_of

from bot.clock import FileClock

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

SHARDS = 2
MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
WAIT = 15.0
WEEK_RE = re.compile(r"^\*\*Week (\d+) of 4\*\*")


class Pair:
    def __init__(self, fd: FakeDiscord, env: dict[str, str], workdir: Path, clock: FileClock) -> None:
        self.fd, self.env, self.workdir, self.clock = fd, env, workdir, clock
        self.procs: dict[int, BotProcess] = {}
        self.logs: list[str] = []

    def start(self, shard: int, tag: str = "") -> None:
        since = self.fd.identify_count
        self.procs[shard] = proc = BotProcess(self.env, self.workdir, ("run", "--shard-count", str(SHARDS),
                                                                       "--shard-ids", str(shard)),
                                              name=f"shard{shard}{tag}")
        deadline = time.monotonic() + 60
        while not (self.fd.shards_ready([shard], SHARDS, since=since)
                   and "check-in scheduler running" in proc.stderr):
            assert proc.alive(), proc.stderr[-4000:]
            assert time.monotonic() < deadline, proc.stderr[-4000:]
            time.sleep(0.05)

    def stop(self, shard: int) -> None:
        proc = self.procs.pop(shard)
        assert proc.stop(30) == 0, proc.stderr[-4000:]
        self.logs.append(proc.stdout + proc.stderr)

    def all_logs(self) -> str:
        return "\n".join([*self.logs, *(p.stdout + p.stderr for p in self.procs.values())])

    def checkins(self) -> dict[int, list[dict[str, Any]]]:
        out: dict[int, list[dict[str, Any]]] = {}
        for m in self.fd.messages(CHANNEL_ID):
            match = WEEK_RE.match(m.get("content") or "")
            if match and int(m["author"]["id"]) == BOT_ID:
                out.setdefault(int(match[1]), []).append(m)
        return out


@pytest.fixture(scope="module")
def pair(e5_engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pair]:
    workdir = tmp_path_factory.mktemp("groups-two-processes")
    clock = FileClock(workdir / "clock.txt")
    clock.set(MONDAY - timedelta(days=1))
    with FakeDiscord(guilds=[make_guild(4)], shard_count=SHARDS) as fd:
        env = bot_env(fd, workdir / "careerbot.sqlite3", Path(e5_engine.index.directory),
                      CAREERBOT_TEST_CLOCK=str(clock.path))
        sync = BotProcess(env, workdir, ("sync",), name="sync")
        try:
            assert sync.wait(60) == 0, sync.stderr
        finally:
            sync.stop()
        world = Pair(fd, env, workdir, clock)
        try:
            for shard in range(SHARDS):
                world.start(shard)
            yield world
        finally:
            for shard in list(world.procs):
                world.stop(shard)
        logs = world.all_logs()
        assert "Traceback" not in logs, logs[-4000:]
        assert "[ERROR" not in logs, logs[-4000:]
        assert [(c.method, c.path, c.status) for c in fd.calls() if c.route is None or c.status >= 400] == []
        assert fd.server_errors() == []


def _posted_lines(logs: str, week: int) -> int:
    return len(re.findall(rf"posted the week {week} check-in of group plan \d+", logs))


def test_each_week_is_posted_once_by_one_of_two_processes(pair: Pair) -> None:
    serving = shard_of(GUILD_ID, SHARDS)
    inter = pair.fd.inject_slash("plan pin", {"stage": "core-ml", "weeks": 4, "hours": 10, "start": "2026-12-07"},
                                 user_id=MODERATOR_ID)
    pair.fd.wait_for_interaction_response(inter, "followup", timeout=WAIT)
    assert query_db(pair.workdir / "careerbot.sqlite3", "SELECT state FROM group_plans") == [("active",)]

    db = pair.workdir / "careerbot.sqlite3"
    pair.clock.set(MONDAY + timedelta(seconds=1))
    pair.fd.wait_until(lambda: pair.checkins().get(1), WAIT, "no week 1 check-in")
    pair.fd.wait_until(lambda: "Week 1 of 4" in str(pair.fd.pins(CHANNEL_ID)[0].get("embeds")), WAIT,
                       "the pinned message never showed week 1")
    time.sleep(1.0)  # the week 1 post's last writes (reminders, the pinned message's state) are done
    # week 2: the database is locked by a third writer while the week begins, so both schedulers see the
    # week owed and both wait to claim it; when the lock goes, one claim wins and the other loses
    with write_lock(db, 3.0, "UPDATE group_plans SET shown = shown WHERE id = 0"):
        pair.clock.set(MONDAY + timedelta(weeks=1, seconds=1))
        time.sleep(1.0)
    pair.fd.wait_until(lambda: pair.checkins().get(2), WAIT, "no week 2 check-in")
    time.sleep(1.0)  # the losing process's post, were there one, would come within this
    assert len(pair.checkins()[2]) == 1
    pair.fd.wait_until(lambda: "the week 2 check-in was claimed by another process" in pair.all_logs(), WAIT,
                       "the two processes did not both try to post week 2")
    # the process without the guild's shard restarts meanwhile; the other posts week 3 alone
    other = 1 - serving
    pair.stop(other)
    pair.clock.set(MONDAY + timedelta(weeks=2, seconds=1))
    pair.fd.wait_until(lambda: pair.checkins().get(3), WAIT, "no week 3 check-in")
    pair.start(other, tag="-restarted")
    # both down at the moment week 4 begins; both come back and race for the late post
    pair.stop(serving)
    pair.stop(other)
    pair.clock.set(MONDAY + timedelta(weeks=3, hours=2))
    pair.start(serving, tag="-again")
    pair.start(other, tag="-again")
    pair.fd.wait_until(lambda: pair.checkins().get(4), WAIT, "no week 4 check-in")
    time.sleep(1.5)  # a second post from the slower process would come within this

    posts = pair.checkins()
    assert {week: len(p) for week, p in posts.items()} == {1: 1, 2: 1, 3: 1, 4: 1}
    assert "(posted late)" in posts[4][0]["content"]
    logs = pair.all_logs()
    assert [_posted_lines(logs, week) for week in (1, 2, 3, 4)] == [1, 1, 1, 1]
    rows = query_db(pair.workdir / "careerbot.sqlite3", "SELECT week, message_id FROM group_checkins ORDER BY week")
    assert rows == [(week, int(posts[week][0]["id"])) for week in (1, 2, 3, 4)]
