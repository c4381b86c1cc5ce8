"""``/forget``: delete everything stored about the asker in this server, after a confirmation click."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discordbot.ui.interaction import (
    OwnerView,
    interaction_lang,
    patiently,
    send_ephemeral,
    update_message,
)
from bot.messages import Lang, t
from bot.store import Store

if TYPE_CHECKING:
    from bot.discordbot.app import CareerBot

log = logging.getLogger(__name__)


class ForgetView(OwnerView):
    def __init__(self, origin: discord.Interaction, lang: Lang, bot: CareerBot) -> None:
        super().__init__(origin, lang, timeout=120)
        self.bot = bot
        self.button(t("forget_button", lang), discord.ButtonStyle.danger, self.confirm)
        self.button(t("cancel", lang), discord.ButtonStyle.secondary, self.cancel)

    async def confirm(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        # One transaction over every table; when the database stays locked nothing is deleted, the user is
        # told "busy, try again" (OwnerView.on_error) and the buttons stay for another try.
        deleted = await patiently(interaction, self.bot.store.run(Store.forget, interaction.guild_id,
                                                                interaction.user.id))
        self.bot.conversations.forget(interaction.guild_id, interaction.user.id)  # their questions in memory
        self.stop()
        log.info("user %s in guild %s asked to be forgotten", interaction.user.id, interaction.guild_id)
        await update_message(interaction, content=t("forgotten", self.lang, n=deleted), view=None)

    async def cancel(self, interaction: discord.Interaction) -> None:
        self.stop()
        await update_message(interaction, content=t("cancelled", self.lang), view=None)


class Privacy(commands.Cog):
    def __init__(self, bot: CareerBot) -> None:
        self.bot = bot

    @app_commands.command(name="forget", description="Delete everything the bot stores about you in this server")
    @app_commands.guild_only()
    async def forget(self, interaction: discord.Interaction) -> None:
        lang = interaction_lang(interaction)
        await send_ephemeral(interaction, t("forget_confirm", lang), view=ForgetView(interaction, lang, self.bot))


async def setup(bot: CareerBot) -> None:
    await bot.add_cog(Privacy(bot))
