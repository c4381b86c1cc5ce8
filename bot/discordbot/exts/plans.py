"""Study plans: ``/plan show`` (ephemeral, for the asker), and the study group around ``/plan pin``.

``/plan pin`` (moderators) posts and pins a *group plan*: the plan as text, an embed with where the group
stands (the current week, the member count, the check-in time), and Join / Leave / reminder buttons. Every
week the bot posts the week's check-in in the channel (:mod:`bot.discordbot.studygroups`). Moderators manage
the plan with ``/plan pause|resume|skip|end``, post the current week's check-in at once with ``/plan
checkin`` and see the group's picture with ``/plan status``; members turn their DM reminder on or off with
``/plan remind``.

Discord only honours ``default_member_permissions`` on top-level commands, so the moderators' subcommands
cannot be hidden from members while ``/plan show`` stays visible: the run-time check of the member's Manage
Messages permission in the channel is what enforces it, for every one of them.

A pinned plan is one message (the plan as text, the full plan attached as Markdown when it is longer than a
message), so a newer plan can replace it cleanly: the bot remembers the message per channel, and the next
``/plan pin`` pins the new plan and then deletes the old message (which unpins it); the old group plan ends
and its members (and their reminders) move to the new one. The post carries a nonce (enforce_nonce), so a
retry after a Discord 5xx never posts the plan twice, and a failed pin removes the new post and leaves the
previous plan pinned.
"""

from __future__ import annotations

import contextlib
import functools
import io
import logging
import re
import zoneinfo
from collections.abc import Callable
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.advisor import Plan, PlanError, UnknownId, make_plan, resolve_stage
from bot.discordbot.checks import GUILD_ONLY, require_manage_messages
from bot.discordbot.studygroups import NoGroupPlan
from bot.discordbot.ui.groups import DoneButton, GroupButton
from bot.discordbot.ui.interaction import interaction_lang, patiently, send_ephemeral, stage_choices
from bot.discordbot.ui.text import (
    CHOICE_NAME,
    DISCORD_MESSAGE_LIMIT,
    MAX_CHOICES,
    NO_MENTIONS,
    clip,
    split_message,
    unknown_message,
)
from bot.groups import (
    DEFAULT_TZ,
    GroupPlan,
    TransitionError,
    current_week,
    end,
    on_track_line,
    pause,
    resume,
    skip,
    status_line,
    streak_lines,
)
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

STATUS_FILENAME = "group-status.png"

Weeks = app_commands.Range[int, 1, 104]
Hours = app_commands.Range[float, 0.5, 80.0]
WEEKDAYS = [app_commands.Choice(name=name, value=n) for n, name in enumerate(
    ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))]
#: Offered first when the moderator has typed nothing (any IANA name is accepted).
COMMON_TIMEZONES = ("Asia/Tokyo", "UTC", "Asia/Seoul", "Asia/Shanghai", "Asia/Taipei", "Asia/Singapore",
                    "Asia/Kolkata", "Europe/London", "Europe/Berlin", "Europe/Paris", "America/New_York",
                    "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Sao_Paulo",
                    "Australia/Sydney", "Pacific/Auckland")
_TIME_RE = re.compile(r"^\s*([01]?\d|2[0-3])[:：]([0-5]\d)\s*$")


@functools.lru_cache(maxsize=1)
def _all_timezones() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


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


def group_plan_from(stage: str, to: str | None, weeks: int, hours: float, start: str | None, weekday: int,
                    at: str | None, tz: str | None, today: Callable[[str], date], kb: KnowledgeBase,
                    lang: Lang) -> GroupPlan:
    """The group plan ``/plan pin`` asked for (start: ``today(tz)`` when not given); PlanInputError with
    the sentence to show when an option is malformed."""
    zone = (tz or DEFAULT_TZ).strip()
    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise PlanInputError(t("sg_bad_tz", lang, tz=clip(zone, 40))) from None
    try:
        first_day = date.fromisoformat(start.strip()) if start else today(zone)
    except ValueError:
        raise PlanInputError(t("sg_bad_start", lang)) from None
    match = _TIME_RE.match(at or "09:00")
    if match is None:
        raise PlanInputError(t("sg_bad_time", lang))
    try:
        return GroupPlan(resolve_stage(kb, stage).id, resolve_stage(kb, to).id if to else resolve_stage(kb, stage).id,
                         weeks, float(hours), first_day, zone, weekday, time(int(match[1]), int(match[2])))
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
                           to="The last stage of the plan (default: the first stage)",
                           start="The first day, e.g. 2026-12-07 (default: today)",
                           weekday="The check-in day (default: Monday)",
                           time="The check-in time, e.g. 09:00 (default: 09:00)",
                           timezone="The server's timezone (default: Asia/Tokyo)")
    @app_commands.choices(weekday=WEEKDAYS)
    @app_commands.default_permissions(manage_messages=True)  # ignored by Discord on subcommands; see above
    async def plan_pin(self, interaction: discord.Interaction, stage: str, weeks: Weeks, hours: Hours,
                       to: str | None = None, start: str | None = None, weekday: int = 0,
                       time: str | None = None, timezone: str | None = None) -> None:
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
        groups = self.bot.groups
        now = groups.now()
        try:
            plan = build_plan(self.kb, stage, to, weeks, hours, lang)
            group = group_plan_from(stage, to, weeks, hours, start, weekday, time, timezone,
                                    lambda tz: now.astimezone(zoneinfo.ZoneInfo(tz)).date(), self.kb, lang)
        except PlanInputError as exc:
            await send_ephemeral(interaction, str(exc))
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        # before posting: nothing to undo if busy
        old_id = await self.bot.store.run(Store.get_pinned_plan, channel.id)
        previous = await self.bot.store.run(Store.channel_group_plan, channel.id)
        plan_id = await self.bot.store.run(Store.create_group_plan, interaction.guild_id, channel.id,
                                           group.to_json(), lang, interaction.user.id)
        embed, view = groups.pinned_parts(plan_id, group, lang, 0, now)
        try:
            # With enforce_nonce, a retry after Discord failed (5xx) having created the message gets that
            # message back instead of posting the plan twice (discord.py's own random nonce covers its
            # retries; this one is tied to the interaction).
            posted = await channel.send(allowed_mentions=NO_MENTIONS, nonce=interaction.id, embed=embed, view=view,
                                        **pinned_message(render_plan(plan, MARKDOWN), lang,
                                                         attach=mine.attach_files))
        except BaseException:
            await self._drop_draft(plan_id)
            raise
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
            await self._drop_draft(plan_id)
            await send_ephemeral(interaction, self._pin_failure(exc, lang))
            return
        ended = {}
        if previous is not None and previous.state in ("active", "paused"):
            with contextlib.suppress(TransitionError):
                ended[previous.id] = end(GroupPlan.from_json(previous.plan), now).to_json()
        try:
            # One transaction: the channel's pinned message, the plan opened, the previous one ended and its
            # members moved over.
            row = await self.bot.store.run(Store.activate_group_plan, plan_id, posted.id, ended)
            await self.bot.store.run(Store.set_group_plan_shown, plan_id, groups.shown_key(group, lang, 0, now))
        except StoreError:
            # Unrecorded, the next /plan pin could not replace it: undo, and the user is told to retry.
            await self._undo_post(posted, old if unpinned else None)
            await self._drop_draft(plan_id)
            raise
        if row.members:
            groups.request_refresh(plan_id)  # the members of the plan it replaced
        groups.wake()  # its first check-in may be due already
        if old is not None:  # deleting the previous plan also unpins it
            try:
                await old.delete()
            except discord.NotFound:
                pass
            except discord.HTTPException as exc:
                log.warning("could not delete the previous plan %s: %s %s", old.id, exc.status, exc.code)
        log.info("pinned group plan %s (message %s) in channel %s (replaced %s)", plan_id, posted.id,
                 posted.channel.id, old_id)
        key = "pinned_replaced" if old is not None else "pinned"
        await send_ephemeral(interaction, t(key, lang, url=posted.jump_url))

    async def _drop_draft(self, plan_id: int) -> None:
        try:
            await self.bot.store.run(Store.delete_group_plan, plan_id)
        except StoreError as exc:  # a draft is never anyone's plan; it only takes a row
            log.warning("could not delete the draft group plan %s: %s", plan_id, exc.__class__.__name__)

    # ---------------------------------------------------------------------- the group plan's moderators

    async def _moderate(self, interaction: discord.Interaction, action: Callable[[GroupPlan, datetime], GroupPlan],
                        done: str) -> None:
        lang = interaction_lang(interaction)
        if not await require_manage_messages(interaction, "sg_not_moderator"):
            log.info("user %s may not %s the group plan in channel %s", interaction.user.id, action.__name__,
                     interaction.channel_id)
            return
        assert interaction.channel_id is not None
        try:
            _row, plan = await patiently(interaction, self.bot.groups.transition(interaction.channel_id, action))
        except NoGroupPlan:
            await send_ephemeral(interaction, t("sg_none", lang))
            return
        except TransitionError as exc:
            await send_ephemeral(interaction, t(exc.key, lang))
            return
        status = status_line(plan, current_week(plan, self.bot.groups.now()), lang)
        await send_ephemeral(interaction, t(done, lang, status=status))

    @plan.command(name="pause", description="Pause this channel's group plan (moderators)")
    async def plan_pause(self, interaction: discord.Interaction) -> None:
        await self._moderate(interaction, pause, "sg_paused")

    @plan.command(name="resume", description="Resume this channel's paused group plan (moderators)")
    async def plan_resume(self, interaction: discord.Interaction) -> None:
        await self._moderate(interaction, resume, "sg_resumed")

    @plan.command(name="skip", description="Give the group one more week for the current week (moderators)")
    async def plan_skip(self, interaction: discord.Interaction) -> None:
        await self._moderate(interaction, skip, "sg_skipped")

    @plan.command(name="end", description="End this channel's group plan (moderators)")
    async def plan_end(self, interaction: discord.Interaction) -> None:
        await self._moderate(interaction, end, "sg_ended")

    @plan.command(name="checkin", description="Post this week's check-in of the group plan now (moderators)")
    async def plan_checkin(self, interaction: discord.Interaction) -> None:
        lang = interaction_lang(interaction)
        if not await require_manage_messages(interaction, "sg_not_moderator"):
            log.info("user %s may not post check-ins in channel %s", interaction.user.id, interaction.channel_id)
            return
        assert interaction.channel_id is not None
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            outcome = await self.bot.groups.checkin_now(interaction.channel_id)
        except NoGroupPlan:
            await send_ephemeral(interaction, t("sg_none", lang))
            return
        if outcome.kind == "posted":
            text = t("sg_checkin_posted", lang, url=outcome.url)
        elif outcome.kind == "exists":
            text = t("sg_checkin_exists", lang, url=outcome.url)
        elif outcome.kind == "claimed":
            text = t("sg_checkin_claimed", lang)
        else:
            text = t("sg_checkin_none", lang, status=outcome.status)
        await send_ephemeral(interaction, text)

    @plan.command(name="status", description="The group plan's progress as a picture (moderators)")
    @app_commands.describe(share="Post it in the channel for everyone (default: only you see it)")
    async def plan_status(self, interaction: discord.Interaction, share: bool = False) -> None:
        assert interaction.guild_id is not None
        lang = interaction_lang(interaction)
        if not await require_manage_messages(interaction, "sg_not_moderator"):
            log.info("user %s may not see the group status in channel %s", interaction.user.id,
                     interaction.channel_id)
            return
        assert interaction.channel_id is not None
        await interaction.response.defer(ephemeral=not share, thinking=True)
        groups = self.bot.groups
        try:
            row, plan = await groups.channel_plan(interaction.channel_id)
        except NoGroupPlan:
            await send_ephemeral(interaction, t("sg_none", lang))
            return
        status = await groups.status(row, plan)
        settings = await self.bot.guild_config.settings(interaction.guild_id)
        png = await groups.status_picture(status, lang, interaction.guild, settings.show_names)
        lines = [t("sg_status", lang, status=status_line(plan, status.position, lang), n=status.members)]
        if status.members:
            lines.append(on_track_line(status.on_track, lang))
        lines += streak_lines(status.streaks, lang)
        await interaction.followup.send("\n".join(lines), file=discord.File(io.BytesIO(png), STATUS_FILENAME),
                                        ephemeral=not share, allowed_mentions=NO_MENTIONS)
        interaction.extras["replied"] = True

    @plan.command(name="remind", description="A DM on check-in day from this channel's group plan, on or off")
    @app_commands.describe(enabled="On or off")
    async def plan_remind(self, interaction: discord.Interaction, enabled: bool) -> None:
        lang = interaction_lang(interaction)
        assert interaction.channel_id is not None
        try:
            row, _plan = await patiently(interaction, self.bot.groups.channel_plan(interaction.channel_id))
        except NoGroupPlan:
            await send_ephemeral(interaction, t("sg_none", lang))
            return
        changed = await patiently(interaction, self.bot.store.run(Store.set_group_reminder, row.id,
                                                                  interaction.user.id, enabled))
        if changed is None:
            await send_ephemeral(interaction, t("sg_remind_join_first", lang))
            return
        log.info("user %s turned the reminder of group plan %s %s", interaction.user.id, row.id,
                 "on" if enabled else "off")
        await send_ephemeral(interaction, t("sg_remind_on" if enabled else "sg_remind_off", lang))

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

    @plan_pin.autocomplete("timezone")
    async def timezone_autocomplete(self, interaction: discord.Interaction,
                                    current: str) -> list[app_commands.Choice[str]]:
        needle = current.strip().lower()
        if not needle:
            names: list[str] = list(COMMON_TIMEZONES)
        else:
            names = [z for z in _all_timezones() if needle in z.lower()]
            names.sort(key=lambda z: (z not in COMMON_TIMEZONES, not z.lower().startswith(needle), z))
        return [app_commands.Choice(name=clip(z, CHOICE_NAME), value=z) for z in names[:MAX_CHOICES]]


async def setup(bot: CareerBot) -> None:
    await bot.add_cog(Plans(bot))
    # The study group's buttons: every click on a Join / Leave / Done button routes here, also on messages
    # posted before the last restart.
    bot.add_dynamic_items(GroupButton, DoneButton)


async def teardown(bot: CareerBot) -> None:
    bot.remove_dynamic_items(GroupButton, DoneButton)
