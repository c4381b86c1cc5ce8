"""Graceful shutdown: what the bot accepted is answered, or its asker told to ask again, before it goes.

SIGTERM or SIGINT starts :meth:`Lifecycle.drain`. From then on new questions and commands are turned away
with one sentence ("restarting, ask again in a moment"), while the gateway stays open. The work accepted
before is awaited until the deadline (``CAREERBOT_SHUTDOWN_S``, less a reserve for the last replies); what
is still running then is cancelled and its asker told in one sentence to ask again. Only then does the bot
close the gateway. What was finished and what was abandoned is logged (ids only, never message text).

Work is accepted in the task that does it: :meth:`Lifecycle.accept` registers the running task with an
*apology*, the coroutine that tells the asker when the task has to be cancelled.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import discord

from bot.discordbot.cooldown import ChannelPacer
from bot.discordbot.ui.interaction import interaction_lang, send_ephemeral
from bot.discordbot.ui.text import NO_MENTIONS
from bot.messages import Lang, t

log = logging.getLogger(__name__)

#: Seconds of the deadline kept for telling the askers of abandoned work, and for closing (at most 30 % of
#: it): enough for a slot to come free in a channel that just had its 5 posts in 5 s.
RESERVE_S = 6.0
#: An apology gets ``seconds left`` (it may wait that long for a free slot in a busy channel).
Apology = Callable[[float], Awaitable[None]]
#: Seconds kept at the very end for closing the gateway, the answer thread and the store.
CLOSE_S = 1.0


@dataclass(eq=False)
class Work:
    """Something the bot accepted and owes an answer for."""

    what: str  # "/ask 1234", "message 5678 in channel 2001": ids only
    task: asyncio.Task[Any]
    apology: Apology | None = None
    settled: bool = False  # the asker has their answer: nothing to apologise for if cancelled now


@dataclass(frozen=True)
class DrainReport:
    finished: list[str]
    abandoned: list[str]
    seconds: float


class Lifecycle:
    """The work in flight, and the shutdown that drains it within ``deadline_s`` seconds."""

    def __init__(self, deadline_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.deadline_s = deadline_s
        self.draining = False
        self._clock = clock
        self._work: dict[asyncio.Task[Any], Work] = {}
        self._hurry: asyncio.Event | None = None
        self._report: DrainReport | None = None

    def __repr__(self) -> str:
        return f"<Lifecycle in_flight={len(self._work)} draining={self.draining}>"

    @property
    def in_flight(self) -> int:
        return len(self._work)

    def accept(self, what: str, apology: Apology | None = None) -> Work | None:
        """Register the running task as accepted work; None while shutting down (turn the asker away)."""
        if self.draining:
            return None
        task = asyncio.current_task()
        if task is None:  # pragma: no cover - always called from a task
            raise RuntimeError("accept() must run inside a task")
        work = Work(what, task, apology)
        if task not in self._work:
            task.add_done_callback(self._forget)
        self._work[task] = work
        return work

    def settle(self) -> None:
        """The running task's asker has their answer: cancelling the task now owes them no apology."""
        task = asyncio.current_task()
        work = self._work.get(task) if task is not None else None
        if work is not None:
            work.settled = True

    def _forget(self, task: asyncio.Task[Any]) -> None:
        self._work.pop(task, None)

    def hurry(self) -> None:
        """Stop waiting for the work in flight (a second SIGTERM/SIGINT): apologise and go."""
        if self._hurry is not None:
            self._hurry.set()

    async def drain(self) -> DrainReport:
        """Refuse new work, wait for what is in flight, cancel and apologise for the rest (once)."""
        if self._report is not None:
            return self._report
        self.draining = True
        self._hurry = self._hurry or asyncio.Event()
        started = self._clock()
        deadline = started + self.deadline_s
        reserve = min(RESERVE_S, self.deadline_s * 0.3)
        in_flight = list(self._work.values())
        log.info("shutting down: %d request(s) in flight; waiting up to %.0f s for them",
                 len(in_flight), max(self.deadline_s - reserve, 0))
        hurry = asyncio.ensure_future(self._hurry.wait())
        try:
            waiting = {w.task for w in in_flight}
            while waiting and not hurry.done():
                left = deadline - reserve - self._clock()
                if left <= 0:
                    break
                done, _ = await asyncio.wait(waiting | {hurry}, timeout=left,
                                             return_when=asyncio.FIRST_COMPLETED)
                waiting -= done
        finally:
            hurry.cancel()
        abandoned = [w for w in in_flight if not w.task.done()]
        for w in abandoned:
            w.task.cancel()
        if abandoned:
            await asyncio.wait([w.task for w in abandoned], timeout=1.0)
            owed = [w for w in abandoned if not w.settled and w.apology is not None]
            left = max(deadline - self._clock() - CLOSE_S, 0.5)
            apologies = [asyncio.ensure_future(self._apologise(w, left)) for w in owed]
            _, late = await asyncio.wait(apologies, timeout=left) if apologies else (set(), set())
            for task in late:
                task.cancel()
        report = DrainReport(
            finished=[w.what for w in in_flight if w not in abandoned],
            abandoned=[w.what for w in abandoned],
            seconds=self._clock() - started,
        )
        log.info("drained in %.1f s: %d finished, %d abandoned", report.seconds, len(report.finished),
                 len(report.abandoned))
        if report.abandoned:
            log.warning("abandoned at shutdown (the askers were told to ask again): %s",
                        ", ".join(report.abandoned))
        self._report = report
        return report

    @staticmethod
    async def _apologise(work: Work, left: float) -> None:
        assert work.apology is not None
        try:
            await work.apology(left)
        except Exception as exc:  # noqa: BLE001 - logged; the other apologies still go out
            log.warning("could not tell the asker of %s to ask again: %s: %s", work.what,
                        exc.__class__.__name__, exc)


# ------------------------------------------------------------------------------------ interactions


def answered(interaction: discord.Interaction) -> bool:
    """Whether the user already has a reply (not just "thinking...") to this interaction."""
    if interaction.extras.get("replied"):
        return True
    response = interaction.response
    deferred = (discord.InteractionResponseType.deferred_channel_message,
                discord.InteractionResponseType.deferred_message_update)
    return response.is_done() and response.type not in deferred


async def admit(lifecycle: Lifecycle | None, interaction: discord.Interaction) -> bool:
    """Accept an interaction's handler as work (its apology: one ephemeral sentence, which also replaces a
    "thinking..." placeholder); while shutting down, turn it away with one sentence and return False."""
    if lifecycle is None:
        return True
    if interaction.type is discord.InteractionType.autocomplete:
        if lifecycle.draining:
            with contextlib.suppress(discord.HTTPException):
                await interaction.response.autocomplete([])
            return False
        return True
    command = getattr(interaction.command, "qualified_name", None)
    what = f"/{command} {interaction.id}" if command else f"interaction {interaction.id}"

    async def apology(left: float) -> None:
        if not answered(interaction):
            await send_ephemeral(interaction, t("restart_unanswered", interaction_lang(interaction)))

    if lifecycle.accept(what, apology) is None:
        log.info("shutting down: turned away %s", what)
        await send_ephemeral(interaction, t("restarting", interaction_lang(interaction)))
        return False
    return True


# ---------------------------------------------------------------------------------------- messages


@dataclass(eq=False)
class _Batch:
    asked: list[tuple[discord.Message, Lang]]
    done: asyncio.Future[bool]  # True once posted, False when it failed
    task: asyncio.Task[None] | None = None


class ChannelApologies:
    """The shutdown's "ask again" for abandoned channel questions: one post per channel, whoever asked
    there (a reply to the question when one person did, else one message naming them all), within the
    channel's posting rate, so that a busy channel still hears it before the deadline."""

    def __init__(self, pacer: ChannelPacer) -> None:
        self._pacer = pacer
        self._batches: dict[int, _Batch] = {}

    async def tell(self, message: discord.Message, lang: Lang, left: float) -> bool:
        """Tell the asker of ``message``; False when it could not be posted within ``left`` seconds."""
        channel = message.channel.id
        batch = self._batches.get(channel)
        if batch is None:  # the first apology in this channel posts for every one made in the same tick
            batch = self._batches[channel] = _Batch([], asyncio.get_running_loop().create_future())
            batch.task = asyncio.ensure_future(self._post(channel, batch))
        batch.asked.append((message, lang))
        try:
            return await asyncio.wait_for(asyncio.shield(batch.done), left)
        except asyncio.TimeoutError:
            if batch.task is not None:
                batch.task.cancel()  # no slot in time: the askers get ⚠️ instead
            return False
        except asyncio.CancelledError:
            if batch.done.cancelled():
                return False
            raise

    async def _post(self, channel: int, batch: _Batch) -> None:
        await asyncio.sleep(0)  # let the other apologies of this drain join
        self._batches.pop(channel, None)
        ticket = self._pacer.reserve(channel, force=True)
        message, lang = batch.asked[0]
        users = list({m.author.id: m.author for m, _ in batch.asked}.values())
        try:
            async with ticket:
                if len(batch.asked) == 1:
                    await message.channel.send(t("restart_unanswered", lang), allowed_mentions=NO_MENTIONS,
                                               reference=message.to_reference(fail_if_not_exists=False))
                else:
                    await message.channel.send(
                        t("restart_unanswered_many", lang, users=" ".join(u.mention for u in users)),
                        allowed_mentions=discord.AllowedMentions(everyone=False, roles=False, users=users,
                                                                 replied_user=False))
        except asyncio.CancelledError:
            batch.done.cancel()
            raise
        except Exception as exc:  # noqa: BLE001 - logged; the askers get ⚠️ instead
            log.warning("could not tell the askers in channel %s to ask again: %s: %s", channel,
                        exc.__class__.__name__, exc)
            batch.done.set_result(False)
        else:
            log.info("told %d asker(s) in channel %s to ask again", len(users), channel)
            batch.done.set_result(True)
        finally:
            ticket.close()
