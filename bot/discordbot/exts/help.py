"""``/help``: what the bot can do, in the asker's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discordbot.ui.interaction import interaction_lang, send_ephemeral
from bot.discordbot.ui.text import COLOR_INFO, fit_embed
from bot.messages import t

if TYPE_CHECKING:
    from bot.discordbot.app import CareerBot


def help_text(lang: str) -> str:
    """The help, with the follow-ups right after how to ask."""
    lines = t("help_body", lang).split("\n")
    ask = next((n for n, line in enumerate(lines) if line.startswith("**")), len(lines) - 1)
    lines.insert(ask + 1, t("help_follow_ups", lang))
    return "\n".join(lines)


class Help(commands.Cog):
    def __init__(self, bot: CareerBot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="What this bot can do")
    @app_commands.guild_only()
    async def help(self, interaction: discord.Interaction) -> None:
        lang = interaction_lang(interaction)
        embed = discord.Embed(title=t("help_title", lang), description=help_text(lang), colour=COLOR_INFO)
        await send_ephemeral(interaction, embed=fit_embed(embed))


async def setup(bot: CareerBot) -> None:
    await bot.add_cog(Help(bot))
