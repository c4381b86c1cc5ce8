"""``/help``: what the bot can do, in the asker's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discordbot.exts._ui import COLOR_INFO, fit_embed, interaction_lang, send_ephemeral
from bot.discordbot.i18n import t

if TYPE_CHECKING:
    from bot.discordbot.app import CareerBot


class Help(commands.Cog):
    def __init__(self, bot: CareerBot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="What this bot can do")
    @app_commands.guild_only()
    async def help(self, interaction: discord.Interaction) -> None:
        lang = interaction_lang(interaction)
        embed = discord.Embed(title=t("help_title", lang), description=t("help_body", lang), colour=COLOR_INFO)
        await send_ephemeral(interaction, embed=fit_embed(embed))


async def setup(bot: CareerBot) -> None:
    await bot.add_cog(Help(bot))
