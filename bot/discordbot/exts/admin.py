"""``/admin``: server administration (Manage Server) — ``/admin reload`` after an edit of the knowledge files.

Discord hides the group from members without Manage Server (``default_permissions``), and the cog's
``interaction_check`` checks the member's permissions again at run time. A reload that would serve far less
than the current knowledge (an emptied file: see :func:`bot.discordbot.service.shrinkage`) is held back
until the moderator confirms it with a button."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discordbot.checks import require_manage_server
from bot.discordbot.service import (
    PendingReload,
    ReloadInProgress,
    ReloadResult,
    ReloadShrinks,
    ReloadStale,
)
from bot.discordbot.ui.interaction import OwnerView, interaction_lang, send_ephemeral, update_message
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


def done_message(result: ReloadResult, lang: Lang) -> str:
    if not result.changed:
        return t("reload_unchanged", lang)
    kb = result.kb
    return t("reload_done", lang, topics=len(kb.topics), stages=len(kb.stages), resources=len(kb.resources),
             s=result.seconds)


def shrinks_message(pending: PendingReload, lang: Lang) -> str:
    changes = "、" if lang == "ja" else ", "
    return t("reload_shrinks", lang, changes=changes.join(
        t("reload_shrink_change", lang, what=t(f"kb_{s.what}", lang), old=s.old, new=s.new)
        for s in pending.shrinks))


class ConfirmShrink(OwnerView):
    """"Load it anyway" / "Cancel" for a reload the shrink guard held back."""

    def __init__(self, origin: discord.Interaction, lang: Lang, bot: CareerBot, pending: PendingReload) -> None:
        super().__init__(origin, lang, timeout=180)
        self.bot, self.pending = bot, pending
        self.button(t("reload_anyway", lang), discord.ButtonStyle.danger, self.confirm)
        self.button(t("cancel", lang), discord.ButtonStyle.secondary, self.cancel)

    async def confirm(self, interaction: discord.Interaction) -> None:
        self.stop()
        try:
            content = done_message(await self.bot.answers.apply(self.pending), self.lang)
            log.warning("user %s confirmed a reload that serves far less", interaction.user.id)
        except ReloadStale:
            content = t("reload_stale", self.lang)
        except ReloadInProgress:
            content = t("reload_running", self.lang)
        await update_message(interaction, content=content, view=None)

    async def cancel(self, interaction: discord.Interaction) -> None:
        self.stop()
        log.info("user %s kept the current knowledge (the reload would have served far less)",
                 interaction.user.id)
        await update_message(interaction, content=t("reload_kept", self.lang), view=None)


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
        except ReloadShrinks as exc:  # the "thinking..." message becomes the question, with its buttons
            await interaction.edit_original_response(
                content=shrinks_message(exc.pending, lang), view=ConfirmShrink(interaction, lang, self.bot, exc.pending))
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
        await send_ephemeral(interaction, done_message(result, lang))


async def setup(bot: CareerBot) -> None:
    await bot.add_cog(Admin(bot))
