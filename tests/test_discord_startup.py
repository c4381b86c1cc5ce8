"""``careerbot run`` / ``careerbot sync`` start-up paths as subprocesses: a missing or rejected token gives
one sentence and a non-zero exit (never a traceback, never the token), and ``sync`` registers the commands."""

from __future__ import annotations

from pathlib import Path

import pytest
from _discord_helpers import BotProcess, bot_env
from fakediscord import GUILD_ID, FakeDiscord

pytestmark = pytest.mark.timeout(60)


def _one_sentence(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip() and "WARNING" not in line and "INFO" not in line]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_missing_token_is_one_sentence_and_exit_2(tmp_path: Path) -> None:
    env = bot_env(None, tmp_path / "db.sqlite3", tmp_path / "index")
    bot = BotProcess(env, tmp_path / "work")
    try:
        assert bot.wait(20) == 2
    finally:
        bot.stop()
    assert _one_sentence(bot.stderr) == (
        "careerbot: DISCORD_TOKEN is not set: put the bot token in the environment or in a .env file in this "
        "directory.")
    assert bot.stdout == ""
    assert not (tmp_path / "db.sqlite3").exists()  # nothing was started


@pytest.mark.parametrize("source", ["environment", "dotenv"])
def test_rejected_token_is_one_sentence_and_never_printed(tmp_path: Path, source: str) -> None:
    wrong = "wrong.token-value_123"
    with FakeDiscord(token="the-right-token") as fd:
        env = bot_env(fd, tmp_path / "db.sqlite3", tmp_path / "index")
        work = tmp_path / "work"
        work.mkdir()
        if source == "environment":
            env["DISCORD_TOKEN"] = wrong
        else:
            del env["DISCORD_TOKEN"]
            (work / ".env").write_text(f'# local secrets\nexport DISCORD_TOKEN="{wrong}"\n')
        bot = BotProcess(env, work)
        try:
            rc = bot.wait(30)
        finally:
            bot.stop()
        assert rc == 1
        assert _one_sentence(bot.stderr) == (
            "careerbot: Discord rejected DISCORD_TOKEN; copy the bot token again from the Developer Portal.")
        assert wrong not in bot.stdout + bot.stderr
        assert fd.wait_for_call("GET", r"^/users/@me$", timeout=1).authorization == "invalid"
        assert fd.identify_count == 0


def test_malformed_token_is_refused_before_contacting_discord(tmp_path: Path) -> None:
    env = bot_env(None, tmp_path / "db.sqlite3", tmp_path / "index", DISCORD_TOKEN="two words")
    bot = BotProcess(env, tmp_path / "work")
    try:
        assert bot.wait(20) == 2
    finally:
        bot.stop()
    assert "not a valid bot token" in _one_sentence(bot.stderr)
    assert "two words" not in bot.stderr


@pytest.mark.parametrize("guild", [None, GUILD_ID])
def test_sync_registers_the_commands_and_exits(tmp_path: Path, guild: int | None) -> None:
    with FakeDiscord() as fd:
        env = bot_env(fd, tmp_path / "db.sqlite3", tmp_path / "index")
        args = ("sync",) if guild is None else ("sync", str(guild))
        proc = BotProcess(env, tmp_path / "work", args)
        try:
            assert proc.wait(30) == 0, proc.stderr
        finally:
            proc.stop()
        where = "globally" if guild is None else f"to guild {guild}"
        assert proc.stdout.startswith(f"Synced 10 commands {where}")
        names = {c["name"]: c for c in fd.commands(guild)}
        assert {"ask", "stage", "plan", "config"} <= set(names)
        assert names["stage"]["name_localizations"] == {"ja": "ステージ"}
        assert fd.identify_count == 0  # REST only: no gateway session
        assert not (tmp_path / "db.sqlite3").exists()  # no engine, no database for a sync


def test_sync_to_an_unknown_guild_is_one_sentence(tmp_path: Path) -> None:
    with FakeDiscord() as fd:
        proc = BotProcess(bot_env(fd, tmp_path / "db.sqlite3", tmp_path / "index"), tmp_path / "work", ("sync", "4242"))
        try:
            assert proc.wait(30) == 1
        finally:
            proc.stop()
    assert _one_sentence(proc.stderr) == (
        "careerbot: Discord does not know that (10004: Unknown Guild); check the guild id.")
