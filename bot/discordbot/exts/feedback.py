"""Feedback on answers: the persistent 👍/👎 buttons (see :class:`bot.discordbot.ui.answer.VoteButton`).

Registering the dynamic item makes discord.py route every ``careerbot:vote:<answer id>:<up|down>`` click to
it, including clicks on answers posted before the last restart.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.discordbot.ui.answer import VoteButton

if TYPE_CHECKING:
    from bot.discordbot.app import CareerBot


async def setup(bot: CareerBot) -> None:
    bot.add_dynamic_items(VoteButton)


async def teardown(bot: CareerBot) -> None:
    bot.remove_dynamic_items(VoteButton)
