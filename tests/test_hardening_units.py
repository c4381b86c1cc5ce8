"""Fast in-process checks of the hardening helpers (the end-to-end behaviour is in the other
``test_hardening_*`` modules): escaping echoed text, the reload problem report, the busy-wait setting and the
"acknowledge when the database is slow" helper."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import discord
import pytest

from bot.config import Config, ConfigError
from bot.discordbot.exts.admin import problems_message
from bot.discordbot.ui.interaction import patiently
from bot.discordbot.ui.text import echo, escape_markdown, one_line
from bot.knowledge import KnowledgeError, Problem


def test_escape_markdown_escapes_inside_masked_links_too() -> None:
    text = "[a](https://x.example/) ||spoiler|| **bold** [b](https://y.example/)"
    assert "||spoiler||" in discord.utils.escape_markdown(text)  # what discord.py leaves live
    assert escape_markdown(text) == (r"\[a\](https://x.example/) \|\|spoiler\|\| \*\*bold\*\* "
                                     r"\[b\](https://y.example/)")


def test_one_line_drops_controls_and_bidi_overrides_but_keeps_emoji_sequences() -> None:
    assert one_line("\u202eabc\u202c\x00 \u2067x\u2069\n\tnext\x1b[31m") == "abc x next[31m"
    assert one_line("👨‍👩‍👧") == "👨‍👩‍👧"  # zero-width joiners stay
    assert len(one_line("x" * 100_000)) <= 12_000  # bounded work on 100 KB


def test_echo_is_inert_and_within_the_limit() -> None:
    shown = echo("@everyone <@&1> \u202e**x**" + "y" * 500, 100)
    assert len(shown) == 100
    assert "@everyone" not in shown
    assert "\u202e" not in shown
    assert shown.startswith("@\u200beveryone \\<@\u200b&1\\> \\*\\*x\\*\\*")


def test_reload_problems_fit_one_message_with_file_and_line() -> None:
    problems = [Problem("stages.yaml", n, f"stage 'x{n}': **bad** <@&1> " + "z" * 400) for n in range(1, 200)]
    text = problems_message(KnowledgeError(problems), "en")
    assert len(text) <= 2000
    assert text.startswith("The knowledge files have 199 problem(s)")
    assert "• `stages.yaml:1` stage 'x1': \\*\\*bad\\*\\* \\<@\u200b&1\\>" in text
    assert text.endswith("…")


def test_db_busy_wait_setting() -> None:
    assert Config.from_mapping({}).db_busy_wait is None
    assert Config.from_mapping({"CAREERBOT_DB_BUSY_WAIT": "2.5"}).db_busy_wait == 2.5
    for bad in ("soon", "-1", "nan", "601"):
        with pytest.raises(ConfigError, match="CAREERBOT_DB_BUSY_WAIT"):
            Config.from_mapping({"CAREERBOT_DB_BUSY_WAIT": bad})


class _Response:
    def __init__(self) -> None:
        self.deferred: list[dict] = []

    def is_done(self) -> bool:
        return bool(self.deferred)

    async def defer(self, **kwargs: object) -> None:
        self.deferred.append(kwargs)


def _interaction() -> SimpleNamespace:
    return SimpleNamespace(id=1, type=discord.InteractionType.application_command, response=_Response())


def test_patiently_acknowledges_only_when_the_work_is_slow() -> None:
    async def work(seconds: float) -> str:
        await asyncio.sleep(seconds)
        return "done"

    fast, slow = _interaction(), _interaction()
    assert asyncio.run(patiently(fast, work(0.01), grace=0.2)) == "done"
    assert fast.response.deferred == []
    assert asyncio.run(patiently(slow, work(0.3), grace=0.05)) == "done"  # waited for the real outcome
    assert slow.response.deferred == [{"ephemeral": True, "thinking": True}]
