"""``/admin``: server administration (Manage Server) — ``/admin reload`` after an edit of the knowledge files.

Discord hides the group from members without Manage Server (``default_permissions``), and the cog's
``interaction_check`` checks the member's permissions again at run time."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discordbot.checks import require_manage_server
from bot.discordbot.service import ReloadInProgress
from bot.discordbot.ui.interaction import interaction_lang, send_ephemeral
from bot.discordbot.ui.text import DISCORD_MESSAGE_LIMIT, clip_lines, echo
from bot.knowledge import KnowledgeError
from bot.messages import Lang, t

if TYPE_CHECKING:
    from bot.discordbot.app import CareerBot

log = logging.getLogger(__name__)

MAX_PROBLEM_LINE = 300


def problems_message(error: KnowledgeError, lang: Lang) -> str:
    """The reload refusal: one line per problem with its file and line, within one message."""
    head = t("reload_invalid", lang, n=len(error.problems))
    lines = [f"• `{p.file}:{p.line}` {echo(p.message, MAX_PROBLEM_LINE)}" for p in error.problems]
    return clip_lines([head, *lines], DISCORD_MESSAGE_LIMIT)


@app_commands.default_permissions(manage_guild=True)
@app_commands.guild_only()
class Admin(commands.GroupCog, group_name="admin", group_description="Administer careerbot (Manage Server)"):
    def __init__(self, bot: CareerBot) -> None:
        self.bot = bot
        super().__init__()

    async def interaction_check(self, interaction: discord.Interaction) -> bool:  # type: ignore[override]
        return await require_manage_server(interaction)

    @app_commands.command(name="reload",
                          description="Reload the knowledge files after an edit (the bot keeps answering meanwhile)")
    async def reload(self, interaction: discord.Interaction) -> None:
        lang = interaction_lang(interaction)
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            result = await self.bot.answers.reload()
        except ReloadInProgress:
            await send_ephemeral(interaction, t("reload_running", lang))
            return
        except KnowledgeError as exc:
            log.warning("knowledge reload by %s refused: %d problem(s); still serving the previous index",
                        interaction.user.id, len(exc.problems))
            for problem in exc.problems:
                log.warning("knowledge: %s", problem)
            await send_ephemeral(interaction, problems_message(exc, lang))
            return
        except Exception as exc:  # an unreadable directory, a full disk...: logged, the user told
            log.error("knowledge reload by %s failed; still serving the previous index", interaction.user.id,
                      exc_info=exc)
            await send_ephemeral(interaction, t("reload_failed", lang))
            return
        if not result.rebuilt:
            await send_ephemeral(interaction, t("reload_unchanged", lang))
            return
        kb = result.kb
        await send_ephemeral(interaction, t("reload_done", lang, topics=len(kb.topics), stages=len(kb.stages),
                                            resources=len(kb.resources), s=result.seconds))


async def setup(bot: CareerBot) -> None:
    await bot.add_cog(Admin(bot))
