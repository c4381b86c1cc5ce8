"""Study groups on Discord: the group plan behind ``/plan pin``, its pinned message, the weekly check-ins and
their scheduler, the Join / Leave / Done buttons, reminders and the group's picture.

The calendar, streaks and on-track logic are :mod:`bot.groups` (pure, given "now"); the pictures are
:mod:`bot.charts`; this module ties them to the store and to Discord. The time comes from the bot's clock
(:mod:`bot.clock`: the system clock, or a test's).

**Check-ins, exactly once.** Every process runs the scheduler (several shard processes, or two during a
rolling deploy, share one database). Each tick it reads the open plans and asks :func:`bot.groups.due_checkins`
which week's post is owed; before posting, it claims the (plan, week) row in ``group_checkins``. The primary
key lets exactly one claim win, in whichever process; only the winner posts, then records the message. A
claim whose process died before posting is owed again after :data:`LEASE_S` (and the post carries a nonce
derived from plan and week, so Discord returns the first message instead of creating a second one should
that process's post have gone out after all). A post missed during downtime is owed, late, while its week is
still the current one (see :mod:`bot.groups`).

**The pinned message** shows the plan's status and member count; joins, leaves and moderator actions ask for
a refresh, and refreshes of one plan are coalesced (:data:`REFRESH_DELAY_S`), so a hundred joins make one
edit, not a hundred. Each process remembers nothing: what the message shows is stored (``shown``), so after
a restart it is edited only if it is out of date.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import discord

from bot.charts import render_group
from bot.discordbot.ui.groups import checkin_view, pinned_view
from bot.discordbot.ui.text import COLOR_INFO, DISCORD_MESSAGE_LIMIT, EMBED_DESCRIPTION, NO_MENTIONS, clip
from bot.groups import (
    GroupPlan,
    Phase,
    checkin_schedule_line,
    current_week,
    due_checkins,
    group_status,
    next_checkin,
    parse_time,
    render_checkin,
    schedule,
    status_line,
    week_heading,
    week_items,
)
from bot.messages import Lang, t
from bot.store import GroupPlanRow, Store, StoreBusy, StoreError

if TYPE_CHECKING:
    from bot.advisor import Plan
    from bot.clock import Clock
    from bot.discordbot.app import CareerBot
    from bot.groups import GroupStatus

log = logging.getLogger(__name__)

#: A claimed check-in not posted within this many seconds is owed again (its process died).
LEASE_S = 120.0
#: A check-in posted more than this after its moment says it is late (a post missed during downtime); the
#: scheduler itself wakes a few milliseconds after the moment, which is not late.
LATE_AFTER = timedelta(minutes=15)
#: Edits of one plan's pinned message are coalesced over this many seconds.
REFRESH_DELAY_S = 1.0
#: Reminder DMs sent at once (Discord rate-limits DM channel creation).
REMINDER_CONCURRENCY = 4
#: How long stop() lets a check-in being posted (and its reminders) finish before cancelling them.
STOP_GRACE_S = 3.0
#: Seconds between two warnings about a failing scheduler tick.
WARN_EVERY_S = 60.0
#: At most this many names in the group picture per category (on track / behind).
NAMES_SHOWN = 5


class NoGroupPlan(Exception):
    """The channel has no group plan."""


@dataclass(frozen=True)
class CheckinOutcome:
    """What ``/plan checkin`` did: "posted", "exists" (already posted; ``url``), "claimed" (another process
    is posting it right now) or "none" (nothing to post: ``status`` says why)."""

    kind: str
    url: str | None = None
    status: str | None = None


def jump_url(guild_id: int, channel_id: int, message_id: int) -> str:
    return f"https://discord.com/channels/{guild_id}/{channel_id}/{message_id}"


def checkin_nonce(plan_id: int, week: int) -> str:
    """The same nonce for the same week's post in every process (at most 25 characters)."""
    return f"cb{plan_id}w{week}"[:25]


class StudyGroups:
    """The bot's study groups: one per bot, created in ``setup_hook``; :meth:`start` runs the scheduler."""

    def __init__(self, bot: CareerBot, clock: Clock) -> None:
        self.bot = bot
        self.clock = clock
        self.claimer = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"
        self._task: asyncio.Task[None] | None = None
        self._wake: asyncio.Event | None = None
        self._stopping = False
        self._refreshing: dict[int, asyncio.Task[None]] = {}
        self._background: set[asyncio.Task[Any]] = set()
        self._schedules: dict[tuple[Any, ...], Plan] = {}
        self._schedules_kb: object = None
        self._warned = -float("inf")

    def __repr__(self) -> str:
        return f"<StudyGroups claimer={self.claimer} running={self._task is not None and not self._task.done()}>"

    @property
    def store(self) -> Store:
        return self.bot.store

    def now(self) -> datetime:
        return self.clock.now()

    # ---------------------------------------------------------------------------------------- data

    def schedule(self, plan: GroupPlan, lang: Lang) -> Plan:
        """The plan's items week by week (cached until a knowledge reload replaces the knowledge base)."""
        kb = self.bot.kb
        if kb is not self._schedules_kb or len(self._schedules) > 256:
            self._schedules.clear()
            self._schedules_kb = kb
        key = (plan.first_stage, plan.last_stage, plan.weeks, plan.hours_per_week, lang)
        sched = self._schedules.get(key)
        if sched is None:
            sched = self._schedules[key] = schedule(kb, plan, lang)
        return sched

    def stage_range(self, plan: GroupPlan, lang: Lang) -> str:
        stages = self.bot.kb.stages_by_id

        def title(stage_id: str) -> str:
            stage = stages.get(stage_id)
            return stage.title.get(lang) if stage else stage_id

        if plan.first_stage == plan.last_stage:
            return title(plan.first_stage)
        return f"{title(plan.first_stage)} → {title(plan.last_stage)}"

    async def channel_plan(self, channel_id: int) -> tuple[GroupPlanRow, GroupPlan]:
        row = await self.store.run(Store.channel_group_plan, channel_id)
        if row is None:
            raise NoGroupPlan(channel_id)
        return row, GroupPlan.from_json(row.plan)

    # ---------------------------------------------------------------------------- the pinned message

    @staticmethod
    def shown_key(plan: GroupPlan, lang: Lang, members: int, now: datetime) -> str:
        """What the pinned message shows that changes with time and members (stored as ``shown``)."""
        return f"{status_line(plan, current_week(plan, now), lang)}|{members}|{is_open(plan, now)}"

    def pinned_embed(self, plan: GroupPlan, lang: Lang, members: int, now: datetime) -> discord.Embed:
        position = current_week(plan, now)
        lines = [f"**{status_line(plan, position, lang)}**", t("sg_members", lang, n=members),
                 t("sg_checkins", lang, when=checkin_schedule_line(plan, lang))]
        if is_open(plan, now):
            lines += ["", t("sg_how", lang)]
        return discord.Embed(title=clip(t("sg_title", lang, stages=self.stage_range(plan, lang)), 256),
                             description=clip("\n".join(lines), EMBED_DESCRIPTION), colour=COLOR_INFO)

    def pinned_parts(self, plan_id: int, plan: GroupPlan, lang: Lang, members: int,
                     now: datetime) -> tuple[discord.Embed, discord.ui.View | None]:
        """The pinned message's embed and buttons (none once the plan is over)."""
        view = pinned_view(plan_id, lang) if is_open(plan, now) else None
        return self.pinned_embed(plan, lang, members, now), view

    def request_refresh(self, plan_id: int) -> None:
        """Refresh the plan's pinned message soon (one edit for every request within REFRESH_DELAY_S)."""
        if plan_id in self._refreshing or self._stopping:
            return
        self._refreshing[plan_id] = self._spawn(self._refresh_later(plan_id))

    async def _refresh_later(self, plan_id: int) -> None:
        try:
            await asyncio.sleep(REFRESH_DELAY_S)
        finally:
            self._refreshing.pop(plan_id, None)  # a request during the edit schedules the next one
        await self.refresh_pinned(plan_id)

    async def refresh_pinned(self, plan_id: int) -> None:
        """Edit the pinned message when what it shows is out of date."""
        try:
            row = await self.store.run(Store.get_group_plan, plan_id)
            if row is None or row.message_id is None:
                return
            plan = GroupPlan.from_json(row.plan)
            now = self.now()
            key = self.shown_key(plan, row.lang, row.members, now)
            if key == row.shown:
                return
            embed, view = self.pinned_parts(row.id, plan, row.lang, row.members, now)
            message = self._channel(row).get_partial_message(row.message_id)
            try:
                await message.edit(embed=embed, view=view)
            except discord.NotFound:
                log.info("the pinned message of group plan %s is gone; not updating it", plan_id)
            await self.store.run(Store.set_group_plan_shown, plan_id, key)
            log.debug("group plan %s: pinned message shows %s", plan_id, key)
        except (StoreError, discord.HTTPException) as exc:
            log.warning("could not update the pinned message of group plan %s: %s", plan_id,
                        exc.__class__.__name__)

    def _channel(self, row: GroupPlanRow) -> discord.PartialMessageable:
        # Partial: any process can post, whichever shard has the guild (REST needs no gateway session).
        return self.bot.get_partial_messageable(row.channel_id, guild_id=row.guild_id)

    # ---------------------------------------------------------------------------------- check-ins

    async def checkin_message(self, row: GroupPlanRow, plan: GroupPlan, week: int,
                              late: bool) -> tuple[str, discord.ui.View | None]:
        """The week's post: heading, items, streak summary, and a Done button per item."""
        lang = row.lang
        sched = self.schedule(plan, lang)
        progress = await self.store.run(Store.group_progress, row.id)
        status = await asyncio.to_thread(group_status, plan, sched, progress, self.now())
        lines = render_checkin(plan, sched, week, lang, status.streaks, late=late)
        lines[0] = f"**{lines[0]}**"
        blocks = week_items(sched, week)
        if blocks:
            lines += ["", t("sg_checkin_hint", lang)]
        items = list(dict.fromkeys(b.item for b in blocks))
        return clip("\n".join(lines), DISCORD_MESSAGE_LIMIT), checkin_view(row.id, week, items, lang)

    async def post_checkin(self, row: GroupPlanRow, plan: GroupPlan, week: int, late: bool) -> discord.Message | None:
        """Claim the week and post its check-in; None when another claim won (nothing posted here)."""
        if not await self.store.run(Store.claim_checkin, row.id, week, self.claimer, LEASE_S):
            return None
        try:
            content, view = await self.checkin_message(row, plan, week, late)
            message = await self._channel(row).send(content, view=view, allowed_mentions=NO_MENTIONS,
                                                     nonce=checkin_nonce(row.id, week))
        except BaseException:
            with contextlib.suppress(StoreError):  # owed again at the next tick (or after the lease)
                await asyncio.shield(self.store.run(Store.release_checkin, row.id, week, self.claimer))
            raise
        recorded = await self.store.run(Store.record_checkin, row.id, week, self.claimer, row.channel_id,
                                        message.id, self.now(), late)
        if not recorded:  # our lease ran out and another process took the week over meanwhile
            log.warning("group plan %s week %s: the claim was taken over while posting", row.id, week)
        log.info("posted the week %s check-in of group plan %s in channel %s%s", week, row.id, row.channel_id,
                 " (late)" if late else "")
        self.request_refresh(row.id)
        self._spawn(self.send_reminders(row, plan, week, message))
        return message

    async def send_reminders(self, row: GroupPlanRow, plan: GroupPlan, week: int, message: discord.Message) -> int:
        """DM the members who asked for a reminder (each reminder is claimed once, in any process)."""
        try:
            users = await self.store.run(Store.claim_group_reminders, row.id, week)
        except StoreError as exc:
            log.warning("group plan %s week %s: reminders not sent: %s", row.id, week, exc.__class__.__name__)
            return 0
        if not users:
            return 0
        text = t("sg_remind_dm", row.lang, channel=f"<#{row.channel_id}>",
                 heading=week_heading(week, row.lang, plan.weeks),
                 url=jump_url(row.guild_id, row.channel_id, message.id))
        gate = asyncio.Semaphore(REMINDER_CONCURRENCY)

        async def one(user_id: int) -> bool:
            async with gate:
                try:
                    dm = await self.bot.create_dm(discord.Object(id=user_id))
                    await dm.send(text, allowed_mentions=NO_MENTIONS)
                except discord.HTTPException as exc:  # DMs closed, or the user is gone
                    log.info("reminder to user %s not delivered: %s %s", user_id, exc.status, exc.code)
                    return False
                return True

        sent = sum(await asyncio.gather(*(one(u) for u in users)))
        log.info("group plan %s week %s: %d of %d reminder(s) sent", row.id, week, sent, len(users))
        return sent

    async def checkin_now(self, channel_id: int) -> CheckinOutcome:
        """``/plan checkin``: post the current week's check-in now (before the start: week 1's, early),
        unless it was posted already."""
        row, plan = await self.channel_plan(channel_id)
        now = self.now()
        position = current_week(plan, now)
        if position.phase is Phase.RUNNING and position.week is not None:
            week, late = position.week, is_late(row, plan.week_start(position.week), now)
        elif position.phase is Phase.BEFORE:
            week, late = 1, False
        else:
            return CheckinOutcome("none", status=status_line(plan, position, row.lang))
        existing = await self.store.run(Store.get_checkin, row.id, week)
        if existing is not None and existing.message_id is not None:
            return CheckinOutcome("exists", jump_url(row.guild_id, row.channel_id, existing.message_id))
        message = await self.post_checkin(row, plan, week, late)
        if message is None:
            return CheckinOutcome("claimed")
        return CheckinOutcome("posted", jump_url(row.guild_id, row.channel_id, message.id))

    # --------------------------------------------------------------------------------- moderators

    async def transition(self, channel_id: int,
                         action: Callable[[GroupPlan, datetime], GroupPlan]) -> tuple[GroupPlanRow, GroupPlan]:
        """Apply a moderator action (bot.groups.pause / resume / skip / end) to the channel's plan, safely
        against a concurrent change (compare-and-set on the plan's revision). TransitionError when the plan's
        state does not allow it."""
        for _ in range(5):
            row, plan = await self.channel_plan(channel_id)
            changed = action(plan, self.now())
            saved = await self.store.run(Store.update_group_plan, row.id, changed.to_json(), row.revision)
            if saved is not None:
                log.info("group plan %s: %s (revision %s)", row.id, action.__name__, saved.revision)
                self.request_refresh(row.id)
                self.wake()
                return saved, changed
        raise StoreBusy("the plan kept changing; try again")

    # ------------------------------------------------------------------------------------ members

    async def join(self, plan_id: int, user_id: int) -> tuple[bool | None, int]:
        """(True joined / False already a member / None plan not open, member count)."""
        joined, members = await self.store.run(Store.join_group, plan_id, user_id)
        if joined:
            log.info("user %s joined group plan %s", user_id, plan_id)
            self.request_refresh(plan_id)
        return joined, members

    async def leave(self, plan_id: int, user_id: int) -> bool:
        left = await self.store.run(Store.leave_group, plan_id, user_id)
        if left:
            log.info("user %s left group plan %s", user_id, plan_id)
            self.request_refresh(plan_id)
        return left

    # ------------------------------------------------------------------------------------- status

    async def status(self, row: GroupPlanRow, plan: GroupPlan) -> GroupStatus[int]:
        progress = await self.store.run(Store.group_progress, row.id)
        return await asyncio.to_thread(group_status, plan, self.schedule(plan, row.lang), progress, self.now())

    async def status_picture(self, status: GroupStatus[int], lang: Lang, guild: discord.Guild | None,
                             show_names: bool) -> bytes:
        """The group's picture (PNG); members named only when the server opted in."""
        names: dict[int, str] = {}
        if show_names and guild is not None:
            track = status.on_track
            wanted = [*track.on_track[:NAMES_SHOWN], *(m for m, _ in track.behind[:NAMES_SHOWN])]
            names = await self._display_names(guild, wanted)
        return await asyncio.to_thread(render_group, status, lang, show_names=show_names, names=names)

    @staticmethod
    async def _display_names(guild: discord.Guild, users: Iterable[int]) -> dict[int, str]:
        names: dict[int, str] = {}
        for user_id in users:
            member = guild.get_member(user_id)
            if member is None:
                try:
                    member = await guild.fetch_member(user_id)
                except discord.HTTPException:
                    continue  # gone: "Member N"
            names[user_id] = member.display_name
        return names

    # ---------------------------------------------------------------------------------- scheduler

    def start(self) -> None:
        """Start the scheduler (once; it waits for the gateway to be ready before posting)."""
        if self._task is None:
            self._wake = asyncio.Event()
            self._task = asyncio.create_task(self._run(), name="careerbot-checkins")

    def wake(self) -> None:
        """Look at the plans now (a moderator changed one)."""
        if self._wake is not None:
            self._wake.set()

    async def stop(self) -> None:
        """Stop the scheduler: what is under way (a check-in being posted, its reminders, a pinned message
        being edited) may finish within STOP_GRACE_S, then the rest is cancelled. Idempotent."""
        self._stopping = True
        self.wake()
        task, self._task = self._task, None
        pending = {job for job in (task, *self._background) if job is not None and not job.done()}
        if not pending:
            return
        _, late = await asyncio.wait(pending, timeout=STOP_GRACE_S)
        for job in late:
            job.cancel()
        if late:
            await asyncio.wait(late, timeout=2.0)
            log.info("check-in scheduler stopped (%d task(s) cancelled)", len(late))

    def _spawn(self, coro: Any) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        return task

    async def _run(self) -> None:
        await self.bot.wait_until_ready()
        log.info("check-in scheduler running (%s)", self.claimer)
        assert self._wake is not None
        while not self._stopping:
            try:
                delay = await self.tick()
            except asyncio.CancelledError:
                raise
            except StoreError as exc:
                self._warn(f"the database failed ({exc.__class__.__name__})")
                delay = self.clock.tick
            except Exception:
                log.exception("check-in scheduler tick failed")
                delay = self.clock.tick
            if self._stopping:
                break
            self._wake.clear()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake.wait(), max(0.05, min(delay, self.clock.tick)))

    def _warn(self, what: str) -> None:
        now = time.monotonic()
        if now - self._warned >= WARN_EVERY_S:
            self._warned = now
            log.warning("check-in scheduler: %s; trying again", what)

    async def tick(self) -> float:
        """Post what is owed now, refresh pinned messages that are out of date; returns the seconds until
        the next check-in is due (the caller sleeps at most the clock's tick)."""
        rows = await self.store.run(Store.active_group_plans, LEASE_S)
        soonest = self.clock.tick
        for row in rows:
            if self._stopping:
                break
            try:
                soonest = min(soonest, await self._tick_plan(row))
            except (StoreError, asyncio.CancelledError):
                raise
            except Exception:  # one broken plan (a stage a knowledge edit removed...) must not stop the others
                log.exception("check-in scheduler: group plan %s failed", row.id)
        return soonest

    async def _tick_plan(self, row: GroupPlanRow) -> float:
        plan = GroupPlan.from_json(row.plan)
        now = self.now()
        claimed = set(row.claimed)
        for due in due_checkins(plan, now, claimed):
            try:
                posted = await self.post_checkin(row, plan, due.week, is_late(row, due.at, now))
            except discord.HTTPException as exc:
                log.warning("group plan %s: the week %s check-in could not be posted (%s %s); trying again "
                            "later", row.id, due.week, exc.status, exc.code)
                continue
            if posted is None:
                log.info("group plan %s: the week %s check-in was claimed by another process", row.id, due.week)
            claimed.add(due.week)  # posted here, or by the process whose claim won
        if self.shown_key(plan, row.lang, row.members, now) != row.shown:
            self.request_refresh(row.id)
        nxt = next_checkin(plan, now, claimed)
        return (nxt - now).total_seconds() if nxt is not None else self.clock.tick


def is_late(row: GroupPlanRow, due_at: datetime, now: datetime) -> bool:
    """Whether a check-in due at ``due_at`` and posted ``now`` is late: more than LATE_AFTER after its moment
    or, for a plan pinned after its week began (a plan starting today, pinned after today's check-in
    time), after the plan was pinned."""
    return now - max(due_at, parse_time(row.created_at)) > LATE_AFTER


def is_open(plan: GroupPlan, now: datetime) -> bool:
    """Whether members can still join and check in (not finished, not ended)."""
    return current_week(plan, now).phase not in (Phase.FINISHED, Phase.ENDED)
