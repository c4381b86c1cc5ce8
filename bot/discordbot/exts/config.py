"""``/config``: server settings (Manage Server) — question channels, a thread per answer, storing questions,
naming members in study-group pictures.

Discord hides the group from members without Manage Server (``default_permissions``), and the cog's
``interaction_check`` checks the member's permissions again at run time (a stale client, or permissions
changed since the commands were synced)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discordbot.checks import require_manage_server
from bot.discordbot.ui.interaction import interaction_lang, patiently, send_ephemeral
from bot.messages import t

if TYPE_CHECKING:
    from bot.discordbot.app import CareerBot

log = logging.getLogger(__name__)


@app_commands.default_permissions(manage_guild=True)
@app_commands.guild_only()
class ServerConfig(commands.GroupCog, group_name="config", group_description="Server settings for careerbot (Manage Server)"):
    qa_channel = app_commands.Group(name="qa-channel", description="Channels where every message is answered as a question")

    def __init__(self, bot: CareerBot) -> None:
        self.bot = bot
        super().__init__()

    async def interaction_check(self, interaction: discord.Interaction) -> bool:  # type: ignore[override]
        return await require_manage_server(interaction)

    @qa_channel.command(name="add", description="Answer every message in this channel")
    @app_commands.describe(channel="The text channel")
    async def qa_add(self, interaction: discord.Interaction, channel: discord.TextChannel) -> None:
        assert interaction.guild_id is not None
        added = await patiently(interaction, self.bot.guild_config.add_qa_channel(interaction.guild_id, channel.id))
        log.info("guild %s: question channel %s added by %s", interaction.guild_id, channel.id, interaction.user.id)
        key = "qa_added" if added else "qa_already"
        await send_ephemeral(interaction, t(key, interaction_lang(interaction), ch=channel.mention))

    @qa_channel.command(name="remove", description="Stop answering every message in this channel")
    @app_commands.describe(channel="The text channel")
    async def qa_remove(self, interaction: discord.Interaction, channel: discord.TextChannel) -> None:
        assert interaction.guild_id is not None
        removed = await patiently(interaction,
                                  self.bot.guild_config.remove_qa_channel(interaction.guild_id, channel.id))
        log.info("guild %s: question channel %s removed by %s", interaction.guild_id, channel.id, interaction.user.id)
        key = "qa_removed" if removed else "qa_not_set"
        await send_ephemeral(interaction, t(key, interaction_lang(interaction), ch=channel.mention))

    async def _toggle(self, interaction: discord.Interaction, setting: str, enabled: bool, said: str) -> None:
        """Turn one on/off server setting on or off, log it, and tell the admin (message key ``said``)."""
        assert interaction.guild_id is not None
        await patiently(interaction, self.bot.guild_config.set(interaction.guild_id, setting, enabled))
        log.info("guild %s: %s=%s", interaction.guild_id, setting, enabled)
        await send_ephemeral(interaction, t(said, interaction_lang(interaction)))

    @app_commands.command(name="threads", description="Answer channel questions in a new thread per question")
    @app_commands.describe(enabled="On or off")
    async def threads(self, interaction: discord.Interaction, enabled: bool) -> None:
        await self._toggle(interaction, "thread_per_answer", enabled, "threads_on" if enabled else "threads_off")

    @app_commands.command(name="store-questions", description="Keep the text of questions with feedback (off by default)")
    @app_commands.describe(enabled="On or off")
    async def store_questions(self, interaction: discord.Interaction, enabled: bool) -> None:
        await self._toggle(interaction, "store_questions", enabled, "store_on" if enabled else "store_off")

    @app_commands.command(name="show-names",
                          description="Name members in study-group pictures (off by default: counts only)")
    @app_commands.describe(enabled="On or off")
    async def show_names(self, interaction: discord.Interaction, enabled: bool) -> None:
        await self._toggle(interaction, "show_names", enabled, "sg_names_on" if enabled else "sg_names_off")

    @app_commands.command(name="show", description="Show this server's careerbot settings")
    async def show(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        lang = interaction_lang(interaction)
        channels = await patiently(interaction, self.bot.guild_config.qa_channels(interaction.guild_id))
        settings = await patiently(interaction, self.bot.guild_config.settings(interaction.guild_id))
        listed = ", ".join(f"<#{c}>" for c in sorted(channels)) or t("none", lang)
        await send_ephemeral(interaction, t(
            "config_show", lang, channels=listed,
            threads=t("on" if settings.thread_per_answer else "off", lang),
            store=t("on" if settings.store_questions else "off", lang),
            names=t("on" if settings.show_names else "off", lang),
        ))


async def setup(bot: CareerBot) -> None:
    await bot.add_cog(ServerConfig(bot))
