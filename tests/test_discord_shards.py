"""careerbot split across processes by gateway shard: two ``careerbot run`` processes with two shards each
(``--shard-count 4 --shard-ids 0-1`` on the command line, ``CAREERBOT_SHARD_COUNT``/``CAREERBOT_SHARD_IDS`` in
the environment) against one FakeDiscord with eight guilds and one shared database. Every guild's questions
(a mention and an ``/ask``) are answered exactly once, by the process that runs the guild's shard; restarting
one process (a rolling deploy) leaves the other's guilds alone and its own answered again."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from _discord_helpers import BotProcess, bot_env, learner_id
from fakediscord import (
    BOT_ID,
    FakeDiscord,
    MemberSpec,
    numbered_channel_id,
    numbered_guild,
    numbered_guild_id,
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]

SHARDS = 4
GUILDS = range(1, 9)  # guild n is on shard n % 4: two guilds per shard
PROCESSES = {"a": (0, 1), "b": (2, 3)}
WAIT = 20.0


def _shard(n: int) -> int:
    return n % SHARDS


def _process_of(n: int) -> str:
    return next(name for name, shards in PROCESSES.items() if _shard(n) in shards)


class Cluster:
    def __init__(self, fd: FakeDiscord, env: dict[str, str], workdir: Path) -> None:
        self.fd, self.env, self.workdir = fd, env, workdir
        self.procs: dict[str, BotProcess] = {}
        self.logs: list[str] = []

    def start(self, name: str, tag: str = "") -> None:
        """Process ``name``: "a" takes its shards from the command line, "b" from the environment."""
        first, last = PROCESSES[name]
        since = self.fd.identify_count
        if name == "a":
            args: tuple[str, ...] = ("run", "--shard-count", str(SHARDS), "--shard-ids", f"{first}-{last}")
            env = self.env
        else:
            args, env = (), {**self.env, "CAREERBOT_SHARD_COUNT": str(SHARDS),
                             "CAREERBOT_SHARD_IDS": f"{first}-{last}"}
        proc = self.procs[name] = BotProcess(env, self.workdir, args, name=f"{name}{tag}")
        deadline = time.monotonic() + 60
        while not self.fd.shards_ready(PROCESSES[name], SHARDS, since=since):
            assert proc.alive(), proc.stderr[-4000:]
            assert time.monotonic() < deadline, f"shards of {name} not ready:\n{proc.stderr[-4000:]}"
            time.sleep(0.05)

    def stop(self, name: str) -> None:
        proc = self.procs.pop(name)
        assert proc.stop(30) == 0, proc.stderr[-4000:]
        self.logs.append(proc.stdout + proc.stderr)

    def log(self, name: str) -> str:
        proc = self.procs[name]
        return proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def cluster(e5_engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    workdir = tmp_path_factory.mktemp("shards")
    learners = [MemberSpec(id=learner_id(k), username=f"learner{k}") for k in range(40)]
    guilds = [numbered_guild(n, members=list(learners)) for n in GUILDS]
    with FakeDiscord(guilds=guilds, shard_count=SHARDS, max_concurrency=16) as fd:
        env = bot_env(fd, workdir / "careerbot.sqlite3", Path(e5_engine.index.directory))  # one shared database
        sync = BotProcess(env, workdir, ("sync",), name="sync")  # global commands, as in production
        try:
            assert sync.wait(60) == 0, sync.stderr
        finally:
            sync.stop()
        world = Cluster(fd, env, workdir)
        try:
            world.start("a")
            world.start("b")
            yield world
        finally:
            for name in list(world.procs):
                world.stop(name)
        logs = "\n".join(world.logs)
        assert "Traceback" not in logs, logs[-4000:]
        assert fd.token not in logs
        assert [(c.method, c.path) for c in fd.calls() if c.route is None or c.status >= 500] == []
        assert fd.server_errors() == []


def _ask_everywhere(c: Cluster, guilds: list[int], round_: int) -> dict[int, tuple[str, int]]:
    """A mention and an /ask in each guild; returns guild -> (mention message id, interaction id)."""
    asked = {}
    for n in guilds:
        channel = numbered_channel_id(n)
        msg = c.fd.inject_message(channel, learner_id(n + 20 * round_), f"<@{BOT_ID}> Do ML engineers need SQL?")
        inter = c.fd.inject_slash("ask", {"question": "What does an ML engineer do?"}, channel_id=channel,
                                  user_id=learner_id(n + 10 + 20 * round_))
        asked[n] = (msg["id"], inter.id)
    return asked


def _answers_to(c: Cluster, n: int, message_id: str) -> list[int]:
    return [call.id for call in c.fd.calls("POST", rf"^/channels/{numbered_channel_id(n)}/messages$")
            if 200 <= call.status < 300
            and str(((call.json or {}).get("message_reference") or {}).get("message_id")) == message_id]


def _check_answered_once(c: Cluster, asked: dict[int, tuple[str, int]]) -> None:
    def all_in() -> bool:
        return all(_answers_to(c, n, mid) and any(r.kind == "followup" for r in c.fd.interaction_responses(iid))
                   for n, (mid, iid) in asked.items())

    c.fd.wait_until(all_in, WAIT, "not every guild's questions were answered")
    time.sleep(1.0)  # a second answer from the wrong process would come within this
    for n, (mid, iid) in asked.items():
        assert len(_answers_to(c, n, mid)) == 1, f"guild {n}: the mention was answered more than once"
        responses = [(r.kind, r.type) for r in c.fd.interaction_responses(iid)]
        assert responses == [("callback", 5), ("followup", None)], (n, responses)


def _answered_by(c: Cluster, name: str) -> set[int]:
    """Guild numbers the process ``name`` says it answered in."""
    ids = {numbered_guild_id(n): n for n in GUILDS}
    return {ids[int(g)] for g in re.findall(r"answered (?:/ask \d+|message \d+) in guild (\d+)", c.log(name))}


def test_every_guild_is_answered_once_by_the_process_of_its_shard(cluster: Cluster) -> None:
    identified = sorted(p["shard"] for p in cluster.fd.identify_payloads())
    assert identified == [[s, SHARDS] for s in range(SHARDS)]
    assert "identifying shard 1 of 4" in cluster.log("a")
    _check_answered_once(cluster, _ask_everywhere(cluster, list(GUILDS), 0))
    for name in PROCESSES:
        assert _answered_by(cluster, name) == {n for n in GUILDS if _process_of(n) == name}


def test_a_rolling_restart_of_one_process_leaves_the_others_guilds_alone(cluster: Cluster) -> None:
    a_sessions = {s: conn for s, (_, conn) in cluster.fd.shard_sessions().items() if s in PROCESSES["a"]}
    cluster.stop("b")
    cluster.start("b", tag="-restarted")
    assert {s: conn for s, (_, conn) in cluster.fd.shard_sessions().items() if s in PROCESSES["a"]} == a_sessions
    _check_answered_once(cluster, _ask_everywhere(cluster, list(GUILDS), 1))
    assert _answered_by(cluster, "b") == {n for n in GUILDS if _process_of(n) == "b"}
