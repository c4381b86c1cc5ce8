"""The one message catalogue: every text in both languages, and /help names every command in both."""

from __future__ import annotations

import asyncio
import string

import pytest
from discord import app_commands

from bot.config import Config
from bot.discordbot.app import CareerBot
from bot.discordbot.i18n import JA_COMMANDS
from bot.messages import MESSAGES, t


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


# Messages whose languages format the same value differently on purpose (a date: 2026年11月30日 / 2026-11-30).
OWN_FIELDS = {"group_date"}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert set(entry) == {"ja", "en"}, key
    assert entry["ja"].strip(), key
    assert entry["en"].strip(), key
    if key not in OWN_FIELDS:
        assert _fields(entry["ja"]) == _fields(entry["en"]), key


@pytest.fixture(scope="module")
def commands() -> list[str]:
    """Every slash command's qualified name ("ask", "plan pin", "config qa-channel add"), leaves only."""
    bot = CareerBot(Config(), load_engine=False)
    asyncio.run(bot.load_extensions())
    return [c.qualified_name for c in bot.tree.walk_commands() if isinstance(c, app_commands.Command)]


def test_help_names_every_command_in_both_languages(commands: list[str]) -> None:
    en, ja = t("help_body", "en"), t("help_body", "ja")
    assert len(commands) >= 15
    for name in commands:
        words = name.split()
        assert f"/{name}" in en or (f"/{words[0]}" in en and all(w in en for w in words[1:])), name
        ja_words = [JA_COMMANDS[w] for w in words]
        assert f"/{' '.join(ja_words)}" in ja or (f"/{ja_words[0]}" in ja and all(w in ja for w in ja_words[1:])), name
