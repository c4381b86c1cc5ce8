"""Helpers for the Discord tests and the benchmark: the careerbot bot as a subprocess against FakeDiscord.

The subprocess runs the real ``careerbot run`` code path (``python -m bot.runner``), with its database and
index directory pointed at temp paths, and its working directory a temp dir (so no stray ``.env`` is read).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fakediscord import (
    BOT_ID,
    CHANNEL_ID,
    GUILD_ID,
    Call,
    ChannelSpec,
    FakeDiscord,
    GuildSpec,
    InjectedInteraction,
    InteractionResponse,
    MemberSpec,
    default_guild,
)

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
EPHEMERAL = 1 << 6
SECOND_CHANNEL_ID = 2002
THIRD_CHANNEL_ID = 2003
OTHER_BOT_ID = 9100
LEARNER_BASE_ID = 3100

# Settings the bot must not inherit from the developer's shell.
_SCRUB = ("DISCORD_TOKEN", "DISCORD_API_BASE", "DISCORD_GATEWAY_URL", "CAREERBOT_DB", "CAREERBOT_INDEX_DIR",
          "CAREERBOT_KNOWLEDGE", "CAREERBOT_BACKEND", "CAREERBOT_MODEL", "CAREERBOT_THRESHOLD",
          "CAREERBOT_ASK_COOLDOWN", "CAREERBOT_MESSAGE_CONTENT", "CAREERBOT_LOG_LEVEL", "CAREERBOT_DB_BUSY_WAIT")


def learner_id(n: int) -> int:
    return LEARNER_BASE_ID + n


def make_guild(learners: int = 12) -> GuildSpec:
    """The default guild plus two more channels, ``learners`` plain members and another bot."""
    guild = default_guild(extra_channels=[ChannelSpec(id=SECOND_CHANNEL_ID, name="ask-here", position=1),
                                          ChannelSpec(id=THIRD_CHANNEL_ID, name="announcements", position=2)])
    guild.members += [MemberSpec(id=learner_id(n), username=f"learner{n}") for n in range(learners)]
    guild.members.append(MemberSpec(id=OTHER_BOT_ID, username="otherbot", bot=True))
    return guild


def bot_env(fd: FakeDiscord | None, db: Path, index_dir: Path, knowledge: Path = KNOWLEDGE,
            **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SCRUB}
    env.update(fd.env() if fd is not None else {})
    env.update({
        "CAREERBOT_DB": str(db),
        "CAREERBOT_INDEX_DIR": str(index_dir),
        "CAREERBOT_KNOWLEDGE": str(knowledge),
        "CAREERBOT_BACKEND": "e5",
        "PYTHONUNBUFFERED": "1",
        "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p),
    })
    env.update(extra)
    return env


class BotProcess:
    """``python -m bot.runner [args]`` as a subprocess; stdout and stderr captured to files."""

    def __init__(self, env: dict[str, str], workdir: Path, args: tuple[str, ...] = (), name: str = "bot") -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        self.stdout_path = workdir / f"{name}.out"
        self.stderr_path = workdir / f"{name}.err"
        self._out = self.stdout_path.open("w")
        self._err = self.stderr_path.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot.runner", *args], env=env, cwd=workdir, stdout=self._out, stderr=self._err
        )

    def _read(self, path: Path) -> str:
        for f in (self._out, self._err):
            if not f.closed:
                f.flush()
        return path.read_text(errors="replace")

    @property
    def stdout(self) -> str:
        return self._read(self.stdout_path)

    @property
    def stderr(self) -> str:
        return self._read(self.stderr_path)

    def wait(self, timeout: float) -> int:
        try:
            return self.proc.wait(timeout)
        finally:
            self._close_files()

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self, timeout: float = 10.0) -> int | None:
        """SIGTERM (the bot closes cleanly), then SIGKILL if it does not exit in ``timeout`` seconds."""
        try:
            if self.proc.poll() is None:
                self.proc.terminate()
                try:
                    self.proc.wait(timeout)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(5)
            return self.proc.returncode
        finally:
            self._close_files()

    def _close_files(self) -> None:
        for f in (self._out, self._err):
            if not f.closed:
                f.close()


def start_bot(fd: FakeDiscord, env: dict[str, str], workdir: Path, name: str = "bot",
              timeout: float = 30.0) -> BotProcess:
    """Start the bot and wait until it IDENTIFYed and received READY + GUILD_CREATE (bounded)."""
    identifies = fd.identify_count
    bot = BotProcess(env, workdir, name=name)
    deadline = time.monotonic() + timeout
    try:
        while fd.identify_count <= identifies:
            if not bot.alive():
                raise RuntimeError(f"bot exited with {bot.proc.returncode}:\n{bot.stderr[-4000:]}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"bot did not identify within {timeout}s:\n{bot.stderr[-4000:]}")
            time.sleep(0.05)
        fd.wait_until_ready(max(deadline - time.monotonic(), 1.0))
    except BaseException:
        bot.stop()
        raise
    return bot


def query_db(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """Read the bot's database directly (a separate connection; WAL allows concurrent readers)."""
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def wait_db(db: Path, sql: str, *params: Any, expect: Any, timeout: float = 5.0) -> None:
    """Poll a query until it returns ``expect`` (the bot records after replying, so allow it a moment)."""
    deadline = time.monotonic() + timeout
    while (rows := query_db(db, sql, *params)) != expect:
        if time.monotonic() > deadline:
            raise AssertionError(f"{sql} {params} -> {rows}, expected {expect}")
        time.sleep(0.05)


def component_ids(message: dict[str, Any]) -> list[str]:
    return [c["custom_id"] for row in message.get("components", []) for c in row.get("components", [])
            if "custom_id" in c]


# ------------------------------------------------------------------------------- hardening helpers

def db_snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (sorted), to compare the database before and after a command."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}


def rows_mentioning(db: Path, user_id: int | None, texts: tuple[str, ...] = ()) -> list[tuple[str, tuple[Any, ...]]]:
    """(table, row) for every row in the database with a column equal to ``user_id`` (as a number or a
    string) or a text column containing one of ``texts``."""
    ids = () if user_id is None else (user_id, str(user_id))
    found = []
    for table, rows in db_snapshot(db).items():
        for row in rows:
            if any(v in ids for v in row) or any(
                    isinstance(v, str) and any(t in v for t in texts) for v in row):
                found.append((table, row))
    return found


def message_text(body: dict[str, Any] | None) -> str:
    """Content plus every embed text of a message payload (or an interaction callback's ``data``)."""
    if not body:
        return ""
    data = body.get("data") if isinstance(body.get("data"), dict) else body
    parts = [data.get("content")]
    for e in data.get("embeds") or []:
        parts += [e.get("title"), e.get("description"), (e.get("footer") or {}).get("text")]
        parts += [f"{f.get('name')}\n{f.get('value')}" for f in e.get("fields") or []]
    return "\n".join(p for p in parts if p)


def is_ephemeral(body: dict[str, Any] | None) -> bool:
    data = (body or {}).get("data") if isinstance((body or {}).get("data"), dict) else (body or {})
    return bool(int(data.get("flags") or 0) & EPHEMERAL)


def rss_kb(pid: int) -> int:
    """Resident memory of a process (VmRSS from /proc/PID/status), in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


@dataclass
class BotWorld:
    """FakeDiscord plus one careerbot subprocess (synced and ready), for a test module."""

    fd: FakeDiscord
    db: Path
    workdir: Path
    env: dict[str, str]
    bot: BotProcess
    logs: list[str] = field(default_factory=list)
    interactions: list[InjectedInteraction] = field(default_factory=list)
    paths: dict[str, Path] = field(default_factory=dict)  # the test's own files (knowledge copy, index...)

    def __repr__(self) -> str:  # short: Hypothesis prints it with every falsifying example
        return f"<BotWorld pid={self.bot.proc.pid} db={self.db}>"

    def slash(self, name: str, options: dict[str, Any] | None = None, **kw: Any) -> InjectedInteraction:
        inter = self.fd.inject_slash(name, options, **kw)
        self.interactions.append(inter)
        return inter

    def click(self, custom_id: str, message_id: int, user_id: int) -> InjectedInteraction:
        inter = self.fd.inject_component(custom_id, message_id=message_id, user_id=user_id)
        self.interactions.append(inter)
        return inter

    def first(self, inter: InjectedInteraction, timeout: float = 10.0) -> InteractionResponse:
        """The initial callback (a reply, or a deferral)."""
        return self.fd.wait_for_interaction_response(inter, "callback", timeout=timeout)

    def final(self, inter: InjectedInteraction, timeout: float = 10.0) -> InteractionResponse:
        """What the user finally reads: the callback when it carried the reply, else the first followup
        (or the edit of the original for a deferred button click)."""
        first = self.first(inter, timeout)
        if first.type in (4, 7, 8):
            return first
        def done() -> InteractionResponse | None:
            for r in self.fd.interaction_responses(inter):
                if r.kind in ("followup", "edit_original") and 200 <= r.status < 300:
                    return r
            return None
        return self.fd.wait_until(done, timeout, f"interaction {inter.id}: no reply after the deferral")

    def mention(self, user: int, text: str, channel: int = CHANNEL_ID) -> tuple[dict[str, Any], Call]:
        """A user mentions the bot; returns the message and the bot's reply call to it."""
        mark = self.fd.mark()
        msg = self.fd.inject_message(channel, user, f"<@{BOT_ID}> {text}")
        return msg, self.reply_to(msg, mark)

    def reply_to(self, msg: dict[str, Any], after: int, timeout: float = 15.0) -> Call:
        channel = int(msg["channel_id"])
        return self.fd.wait_for_call(
            "POST", rf"^/channels/{channel}/messages$", timeout=timeout, after=after,
            predicate=lambda c: 200 <= c.status < 300
            and str(((c.json or {}).get("message_reference") or {}).get("message_id")) == msg["id"])

    def restart(self, **env: str) -> None:
        self.bot.stop()
        self.logs.append(self.bot.stdout + self.bot.stderr)
        self.env.update(env)
        self.bot = start_bot(self.fd, self.env, self.workdir, name=f"bot{len(self.logs)}")

    def all_logs(self) -> str:
        return "\n".join([*self.logs, self.bot.stdout, self.bot.stderr])


@contextlib.contextmanager
def bot_world(workdir: Path, index_dir: Path, guild: GuildSpec | None = None, knowledge: Path = KNOWLEDGE,
              start_timeout: float = 30.0, **env: str) -> Iterator[BotWorld]:
    """FakeDiscord with ``guild`` (default :func:`make_guild`), the commands synced, and the bot running;
    everything stopped afterwards."""
    db = workdir / "careerbot.sqlite3"
    with FakeDiscord(guilds=[guild or make_guild()]) as fd:
        environ = bot_env(fd, db, index_dir, knowledge, **env)
        sync = BotProcess(environ, workdir, ("sync", str(GUILD_ID)), name="sync")
        try:
            assert sync.wait(30) == 0, sync.stderr
        finally:
            sync.stop()
        bot = start_bot(fd, environ, workdir, timeout=start_timeout)
        world = BotWorld(fd, db, workdir, environ, bot)
        try:
            yield world
        finally:
            world.bot.stop()


def small_knowledge(dest: Path, source: Path = KNOWLEDGE, sentences: int = 1, resources: int = 6) -> Path:
    """A valid, smaller copy of the knowledge base (every topic and stage, each text cut to its first
    ``sentences`` sentences, four keywords per language, two checklist items per stage, no FAQ lines, the
    first ``resources`` resources): its index builds in seconds, so tests can rebuild it for real with the
    real encoder (the full one takes 30-60 s on 2 cores)."""
    import yaml

    from bot.index import split_sentences

    def cut(doc: dict[str, Any]) -> None:
        doc["text"] = {lang: " ".join(split_sentences(doc["text"][lang])[:sentences]) for lang in ("ja", "en")}
        doc["keywords"] = {lang: words[:4] for lang, words in doc["keywords"].items()}
        doc.pop("faq", None)
        if "items" in doc:
            doc["items"] = doc["items"][:2]

    dest.mkdir(parents=True, exist_ok=True)
    topics = yaml.safe_load((source / "topics.yaml").read_text(encoding="utf-8"))
    stages = yaml.safe_load((source / "stages.yaml").read_text(encoding="utf-8"))
    res = yaml.safe_load((source / "resources.yaml").read_text(encoding="utf-8"))
    for doc in [*topics["topics"], *stages["stages"]]:
        cut(doc)
    res["resources"] = res["resources"][:resources]
    kept = {i["id"] for st in stages["stages"] for i in st["items"]}
    for r in res["resources"]:
        if "items" in r:
            r["items"] = [i for i in r["items"] if i in kept]
    for name, data in (("topics.yaml", topics), ("stages.yaml", stages), ("resources.yaml", res)):
        (dest / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                                 encoding="utf-8")
    return dest
