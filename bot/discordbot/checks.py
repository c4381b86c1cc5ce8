"""Who may run what: the guild-only context for command groups and the run-time permission checks behind
``default_permissions`` (Discord applies those only when the commands are synced, and only on top-level
commands; a stale client or a permission changed since the sync still reaches the bot)."""

from __future__ import annotations

import discord
from discord import app_commands

from bot.discordbot.ui.interaction import interaction_lang, send_ephemeral
from bot.messages import t

#: For command groups (``guild_only=True`` alone only sets the deprecated dm_permission flag on a Group).
GUILD_ONLY = app_commands.AppCommandContext(guild=True, dm_channel=False, private_channel=False)


async def require_manage_server(interaction: discord.Interaction) -> bool:
    """The run-time check behind ``default_permissions(manage_guild=True)``; tells a refused member why."""
    if interaction.permissions.manage_guild:
        return True
    await send_ephemeral(interaction, t("need_manage_guild", interaction_lang(interaction)))
    return False


async def require_manage_messages(interaction: discord.Interaction, refusal: str = "pin_not_moderator") -> bool:
    """The member may manage messages *in this channel* (channel overwrites count); tells them why not
    (the message ``refusal``)."""
    if interaction.permissions.manage_messages:
        return True
    await send_ephemeral(interaction, t(refusal, interaction_lang(interaction)))
    return False
