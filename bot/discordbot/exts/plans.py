"""Study plans: ``/plan show`` (ephemeral, for the asker) and ``/plan pin`` (a group plan, moderators).

Discord only honours ``default_member_permissions`` on top-level commands, so ``/plan pin`` cannot be hidden
from members while ``/plan show`` stays visible: the runtime check of the member's Manage Messages
permission in the channel is what enforces it.

A pinned plan is one message (the plan as text, the full plan attached as Markdown when it is longer than a
message), so a newer plan can replace it cleanly: the bot remembers the message per channel, and the next
``/plan pin`` pins the new plan and then deletes the old message (which unpins it). The post carries a nonce
(enforce_nonce), so a retry after a Discord 5xx never posts the plan twice, and a failed pin removes the new
post and leaves the previous plan pinned.
"""

from __future__ import annotations

import contextlib
import io
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.advisor import Plan, PlanError, UnknownId, make_plan, resolve_stage
from bot.discordbot.checks import GUILD_ONLY, require_manage_messages
from bot.discordbot.ui.interaction import interaction_lang, send_ephemeral, stage_choices
from bot.discordbot.ui.text import DISCORD_MESSAGE_LIMIT, NO_MENTIONS, split_message, unknown_message
from bot.knowledge import KnowledgeBase
from bot.messages import Lang, t
from bot.render import MARKDOWN, render_plan
from bot.store import Store, StoreError

if TYPE_CHECKING:
    from bot.discordbot.app import CareerBot

log = logging.getLogger(__name__)

ERR_MISSING_PERMISSIONS = 50013
ERR_MAX_PINS = 30003
ERR_UNKNOWN_MESSAGE = 10008
PLAN_FILENAME = "study-plan.md"

Weeks = app_commands.Range[int, 1, 104]
Hours = app_commands.Range[float, 0.5, 80.0]


class PlanInputError(Exception):
    """A user-facing reason the plan cannot be made (already translated)."""


def build_plan(kb: KnowledgeBase, stage: str, to: str | None, weeks: int, hours: float, lang: Lang,
               done: frozenset[str] = frozenset()) -> Plan:
    try:
        first = resolve_stage(kb, stage)
        last = resolve_stage(kb, to) if to else None
        return make_plan(kb, first, last, weeks, hours, lang, done)
    except UnknownId as exc:
        raise PlanInputError(unknown_message(exc, lang)) from exc
    except PlanError as exc:
        raise PlanInputError(t("plan_error", lang, e=exc)) from exc


def pinned_message(text: str, lang: Lang, attach: bool) -> dict[str, Any]:
    """Keyword arguments for one message holding the plan: the text, or its start plus the whole as a file."""
    if len(text) <= DISCORD_MESSAGE_LIMIT:
        return {"content": text}
    note = "\n" + (t("plan_file_note", lang) if attach else "…")
    kwargs: dict[str, Any] = {"content": split_message(text, DISCORD_MESSAGE_LIMIT - len(note))[0] + note}
    if attach:
        kwargs["file"] = discord.File(io.BytesIO(text.encode("utf-8")), filename=PLAN_FILENAME)
    return kwargs


class Plans(commands.Cog):
    plan = app_commands.Group(name="plan", description="Week-by-week study plans", guild_only=True,
                                 allowed_contexts=GUILD_ONLY)

    def __init__(self, bot: CareerBot) -> None:
        self.bot = bot

    @property
    def kb(self) -> KnowledgeBase:
        return self.bot.kb

    # ------------------------------------------------------------------------------------ /plan show

    @plan.command(name="show", description="Show a study plan for you (only you can see it)")
    @app_commands.describe(weeks="How many weeks (1-104)", hours="Study hours per week (up to 80)",
                           stage="The first stage of the plan (default: your current stage)",
                           to="The last stage of the plan (default: the first stage)")
    async def plan_show(self, interaction: discord.Interaction, weeks: Weeks, hours: Hours,
                        stage: str | None = None, to: str | None = None) -> None:
        assert interaction.guild_id is not None
        await interaction.response.defer(ephemeral=True, thinking=True)
        profile = await self.bot.store.run(Store.get_profile, interaction.guild_id, interaction.user.id)
        lang = interaction_lang(interaction, profile)
        first = stage or (profile.stage if profile else None)
        if not first:
            await send_ephemeral(interaction, t("plan_needs_stage", lang))
            return
        try:
            plan = build_plan(self.kb, first, to, weeks, hours, lang, profile.completed if profile else frozenset())
        except PlanInputError as exc:
            await send_ephemeral(interaction, str(exc))
            return
        for part in split_message(render_plan(plan, MARKDOWN)):
            await interaction.followup.send(part, ephemeral=True, allowed_mentions=NO_MENTIONS)
            interaction.extras["replied"] = True

    # ------------------------------------------------------------------------------------- /plan pin

    @plan.command(name="pin", description="Post a study plan for the group in this channel and pin it (moderators)")
    @app_commands.describe(stage="The first stage of the plan", weeks="How many weeks (1-104)",
                           hours="Study hours per week (up to 80)",
                           to="The last stage of the plan (default: the first stage)")
    @app_commands.default_permissions(manage_messages=True)  # ignored by Discord on subcommands; see above
    async def plan_pin(self, interaction: discord.Interaction, stage: str, weeks: Weeks, hours: Hours,
                       to: str | None = None) -> None:
        assert interaction.guild_id is not None
        lang = interaction_lang(interaction)
        channel = interaction.channel
        if not await require_manage_messages(interaction):
            log.info("user %s may not pin plans in channel %s", interaction.user.id, interaction.channel_id)
            return
        mine = interaction.app_permissions
        if channel is None or not isinstance(channel, discord.abc.Messageable) or not mine.send_messages:
            await send_ephemeral(interaction, t("pin_bot_cannot_send", lang))
            return
        if not (mine.manage_messages or mine.pin_messages):
            await send_ephemeral(interaction, t("pin_bot_missing", lang))
            return
        try:
            plan = build_plan(self.kb, stage, to, weeks, hours, lang)
        except PlanInputError as exc:
            await send_ephemeral(interaction, str(exc))
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        # before posting: nothing to undo if busy
        old_id = await self.bot.store.run(Store.get_pinned_plan, channel.id)
        # With enforce_nonce, a retry after Discord failed (5xx) having created the message gets that message
        # back instead of posting the plan twice (discord.py's own random nonce covers its retries; this one
        # is tied to the interaction).
        posted = await channel.send(allowed_mentions=NO_MENTIONS, nonce=interaction.id,
                                    **pinned_message(render_plan(plan, MARKDOWN), lang, attach=mine.attach_files))
        old = posted.channel.get_partial_message(old_id) if old_id and old_id != posted.id else None  # type: ignore[union-attr]
        reason = f"careerbot study plan (/plan pin by {interaction.user.id})"
        unpinned = False
        try:
            # The new plan is pinned before the old one is touched, so a failure (Discord's 5xx, a missing
            # permission) leaves the previous plan pinned. Only at the pin limit is the old one unpinned first.
            try:
                await posted.pin(reason=reason)
            except discord.HTTPException as exc:
                if exc.code != ERR_MAX_PINS or old is None:
                    raise
                unpinned = await self._unpin(old)
                await posted.pin(reason=reason)
        except discord.HTTPException as exc:
            await self._undo_post(posted, old if unpinned else None)
            await send_ephemeral(interaction, self._pin_failure(exc, lang))
            return
        try:
            await self.bot.store.run(Store.set_pinned_plan, interaction.guild_id, posted.channel.id,
                                     posted.id)
        except StoreError:
            # Unrecorded, the next /plan pin could not replace it: undo, and the user is told to retry.
            await self._undo_post(posted, old if unpinned else None)
            raise
        if old is not None:  # deleting the previous plan also unpins it
            try:
                await old.delete()
            except discord.NotFound:
                pass
            except discord.HTTPException as exc:
                log.warning("could not delete the previous plan %s: %s %s", old.id, exc.status, exc.code)
        log.info("pinned plan %s in channel %s (replaced %s)", posted.id, posted.channel.id, old_id)
        key = "pinned_replaced" if old is not None else "pinned"
        await send_ephemeral(interaction, t(key, lang, url=posted.jump_url))

    async def _unpin(self, message: discord.PartialMessage) -> bool:
        """Unpin the previous plan; False when it is gone already (deleted or unpinned by someone)."""
        try:
            await message.unpin(reason="replaced by a newer careerbot study plan")
        except discord.NotFound:
            return False
        return True

    async def _undo_post(self, posted: discord.Message, repin: discord.PartialMessage | None) -> None:
        with contextlib.suppress(discord.HTTPException):
            await posted.delete()
        if repin is not None:
            with contextlib.suppress(discord.HTTPException):
                await repin.pin()

    @staticmethod
    def _pin_failure(exc: discord.HTTPException, lang: Lang) -> str:
        if exc.code == ERR_MAX_PINS:
            return t("pin_limit", lang)
        if isinstance(exc, discord.Forbidden) or exc.code == ERR_MISSING_PERMISSIONS:
            return t("pin_bot_missing", lang)
        log.warning("pinning a plan failed: %s %s", exc.status, exc.code)
        return t("discord_trouble" if exc.status >= 500 else "error", lang)

    # --------------------------------------------------------------------------------- autocomplete

    @plan_show.autocomplete("stage")
    @plan_show.autocomplete("to")
    @plan_pin.autocomplete("stage")
    @plan_pin.autocomplete("to")
    async def stage_autocomplete(self, interaction: discord.Interaction,
                                 current: str) -> list[app_commands.Choice[str]]:
        return stage_choices(self.kb, current, interaction_lang(interaction))


async def setup(bot: CareerBot) -> None:
    await bot.add_cog(Plans(bot))
