"""Helpers for the Discord tests and the benchmark: the careerbot bot as a subprocess against FakeDiscord.

The subprocess runs the real ``careerbot run`` code path (``python -m bot.runner``), with its database and
index directory pointed at temp paths, and its working directory a temp dir (so no stray ``.env`` is read).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from fakediscord import ChannelSpec, FakeDiscord, GuildSpec, MemberSpec, default_guild

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
          "CAREERBOT_ASK_COOLDOWN", "CAREERBOT_MESSAGE_CONTENT", "CAREERBOT_LOG_LEVEL")


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
