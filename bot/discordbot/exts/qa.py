"""Questions and answers: mentions, question channels (optionally a thread per answer), follow-ups and ``/ask``.

A follow-up is a message in a thread the bot created for an answer (no mention needed there), or a reply to
one of the bot's answers: it is answered in the context of that answer (:func:`bot.conversation.follow_up`:
"英語で", "もっと詳しく", "次は？", "what about for a student?"). The last answer of each conversation is kept
in a bounded in-memory LRU (``bot.conversations``, a :class:`~bot.discordbot.followups.LastAnswers`).

Flood manners: a question refused by the cooldown, or shed because the channel already has
``MAX_PENDING_PER_CHANNEL`` answers waiting to be posted, gets a ⏳ reaction (at most one per member per
cooldown window), never a public message; every post in a channel waits for a slot of Discord's
per-channel rate (:class:`~bot.discordbot.cooldown.ChannelPacer`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from typing import TYPE_CHECKING

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot.answer import Answer, Asker
from bot.discordbot.cooldown import ChannelPacer, Cooldown, Shed, Ticket, make_cooldown
from bot.discordbot.lifecycle import ChannelApologies
from bot.discordbot.ui.answer import answer_embed, vote_view
from bot.discordbot.ui.interaction import interaction_lang, send_ephemeral
from bot.discordbot.ui.text import NO_MENTIONS, THREAD_NAME, plain_title
from bot.engine import MAX_QUESTION_CHARS, EmptyQuestion
from bot.messages import t
from bot.store import Store, StoreError
from bot.text import detect_lang

if TYPE_CHECKING:
    from bot.discordbot.app import CareerBot

log = logging.getLogger(__name__)

#: Seconds an answer waits for the asker's profile before it goes without (it needs no database).
PROFILE_WAIT = 1.0
UNANSWERED = "\N{WARNING SIGN}\N{VARIATION SELECTOR-16}"
#: The reaction that says "not now": the asker is on cooldown, or the channel is flooded.
NOT_NOW = "\N{HOURGLASS WITH FLOWING SAND}"
#: How many answers may wait in one channel for a slot of its posting rate (``CAREERBOT_CHANNEL_RATE``).
MAX_PENDING_PER_CHANNEL = 10
#: ⏳ reactions per channel per window, whoever they are for (reactions have a rate limit of their own).
NOTICES_PER_CHANNEL = 10
NOTICE_WINDOW_S = 5.0  # when the cooldown is off


def strip_bot_mentions(content: str, bot_id: int, role_id: int | None = None) -> str:
    """The message without mentions of the bot (user or managed-role mention), whitespace tidied."""
    ids = str(bot_id) if role_id is None else f"{bot_id}|{role_id}"
    text = re.sub(rf"<@[!&]?(?:{ids})>", " ", content)
    return " ".join(text.split())


class QA(commands.Cog):
    """Answers questions from the knowledge base."""

    def __init__(self, bot: CareerBot) -> None:
        self.bot = bot
        self.cooldown = make_cooldown(bot.config.cooldown)
        self.conversations = bot.conversations
        window = bot.config.cooldown[1] if bot.config.cooldown else NOTICE_WINDOW_S
        rate, per = bot.config.channel_rate or (None, 1.0)
        self.pacer = ChannelPacer(rate, per, MAX_PENDING_PER_CHANNEL)
        self.apologies = ChannelApologies(self.pacer)  # at shutdown, for questions it could not answer
        self.notices = Cooldown(1, window)  # one ⏳ per member per window
        self.channel_notices = Cooldown(NOTICES_PER_CHANNEL, window)
        self._shed_counts: dict[int, int] = {}  # channel -> questions not taken during its flood

    # ------------------------------------------------------------------------------------- channel

    def _mentions_me(self, message: discord.Message) -> bool:
        me = self.bot.user
        if me is None:
            return False
        if any(u.id == me.id for u in message.mentions):
            return True
        role = message.guild.self_role if message.guild else None
        return role is not None and role in message.role_mentions

    async def _in_qa_channel(self, message: discord.Message) -> bool:
        assert message.guild is not None
        channels = await self.bot.guild_config.qa_channels(message.guild.id)
        if not channels:
            return False
        parent = getattr(message.channel, "parent_id", None)
        return message.channel.id in channels or parent in channels

    def _conversation(self, message: discord.Message) -> int | None:
        """The conversation ``message`` continues: the id of the bot's answer it replies to (when that is
        remembered) or of the bot's thread it is written in; None when it starts none.

        A reply to a remembered answer message continues that answer; any message in a thread the bot
        created continues the thread's last answer (after a restart the thread is still the bot's, but its
        answers are forgotten: the message is then answered as a new question, still without a mention).
        """
        reference = message.reference.message_id if message.reference is not None else None
        if reference is not None and reference in self.conversations:
            return reference
        channel = message.channel
        me = self.bot.user
        if isinstance(channel, discord.Thread) and (
                channel.id in self.conversations or (me is not None and channel.owner_id == me.id)):
            return channel.id
        return None

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None or message.guild is None:
            return  # other bots, webhooks and the bot itself; DMs are not served
        mentioned = self._mentions_me(message)
        context = self._conversation(message)
        if not mentioned and context is None and not await self._in_qa_channel(message):
            return
        me = self.bot.user
        assert me is not None
        role = message.guild.self_role
        question = strip_bot_mentions(message.content, me.id, role.id if role else None)
        try:
            if not question:
                if mentioned:
                    await self._reply_text(message, t("empty_question", detect_lang(message.content)))
                return
            # (by when the question was sent: under load the bot may read a member's burst seconds late)
            if self.cooldown.hit(message.author.id, message.created_at.timestamp()):
                log.debug("message %s: user %s is on cooldown", message.id, message.author.id)
                await self._not_now(message)
                return
            try:
                ticket = self.pacer.reserve(message.channel.id)
            except Shed:
                self._log_shed(message)
                await self._not_now(message)
                return
            try:
                await self._take(message, question, context, ticket)
            finally:
                ticket.close()
                self._flood_over(message.channel.id)
        except (discord.HTTPException, aiohttp.ClientError, StoreError) as exc:
            log.warning("could not answer message %s in channel %s: %s: %s", message.id, message.channel.id,
                        exc.__class__.__name__, exc)

    async def _take(self, message: discord.Message, question: str, context: int | None, ticket: Ticket) -> None:
        """Accept the question as work the bot owes an answer for, and answer it; while shutting down, say
        so instead. If the shutdown's deadline cancels the answer, the asker is told to ask again
        (:class:`~bot.discordbot.lifecycle.ChannelApologies`), or gets ⚠️ when that cannot be posted in time."""
        lang = detect_lang(question)
        lifecycle = self.bot.lifecycle

        async def apology(left: float) -> None:
            if not await self.apologies.tell(message, lang, left):
                log.info("could not tell message %s to ask again in time: ⚠️ instead", message.id)
                await self._flag_unanswered(message)

        work = lifecycle.accept(f"message {message.id} in channel {message.channel.id}", apology) \
            if lifecycle is not None else None
        if lifecycle is not None and work is None:
            log.info("shutting down: turned away message %s", message.id)
            await self._reply_text(message, t("restarting", lang), ticket)
            return
        await self._answer_message(message, question, context, ticket)

    async def _reply_text(self, message: discord.Message, text: str, ticket: Ticket | None = None) -> None:
        """A short reply, within the channel's posting rate (nothing when the channel is flooded)."""
        own = ticket is None
        if ticket is None:
            try:
                ticket = self.pacer.reserve(message.channel.id)
            except Shed:
                self._log_shed(message)
                return
        try:
            async with ticket:
                await message.channel.send(text, allowed_mentions=NO_MENTIONS,
                                           reference=message.to_reference(fail_if_not_exists=False))
        finally:
            if own:
                ticket.close()

    async def _not_now(self, message: discord.Message) -> None:
        """⏳ on the question: at most one per member per window, and a bounded number per channel."""
        if self.notices.hit(message.author.id) or self.channel_notices.hit(message.channel.id):
            return
        try:
            await message.add_reaction(NOT_NOW)
        except discord.HTTPException as exc:
            log.info("could not react to message %s: %s %s", message.id, exc.status, exc.code)

    def _log_shed(self, message: discord.Message) -> None:
        """Say in the log when a channel starts shedding questions (and :meth:`_flood_over`, how many)."""
        channel = message.channel.id
        self._shed_counts[channel] = self._shed_counts.get(channel, 0) + 1
        if self._shed_counts[channel] == 1:
            log.warning("channel %s is flooded: %d answers already wait to be posted there; not taking new "
                        "questions there until they are out (first: message %s; the askers get ⏳)",
                        channel, self.pacer.pending(channel), message.id)

    def _flood_over(self, channel: int) -> None:
        if self.pacer.pending(channel) == 0 and channel in self._shed_counts:
            log.warning("channel %s: the flood is over; %d question(s) were not taken during it", channel,
                        self._shed_counts.pop(channel))

    async def _answer_message(self, message: discord.Message, question: str, context: int | None,
                              ticket: Ticket) -> None:
        """Answer ``question``: in the context of the conversation ``context`` (see :meth:`_conversation`)
        when it is one, else in a new thread (if the server wants threads) or as a reply; the post waits for
        a slot of the channel's rate (``ticket``)."""
        assert message.guild is not None
        guild_id, user_id = message.guild.id, message.author.id
        last = self.conversations.get(context)
        with contextlib.suppress(discord.HTTPException):  # "careerbot is typing..." is a nicety
            await message.channel.typing()
        asker = await self._asker(guild_id, user_id)
        if last is not None:
            answer = await self.bot.answers.follow_up(question, last, asker)
        else:
            answer = await self.bot.answers.ask(question, asker)
        # A follow-up may answer something other than its words ("英語で" answers the previous question).
        embed = answer_embed(answer, answer.query if last is not None else question)
        view = vote_view(message.id)
        settings = await self.bot.guild_config.settings(guild_id)
        async with ticket:
            posted = await self._post_answer(message, question, context, embed, view, settings.thread_per_answer)
        if self.bot.lifecycle is not None:
            self.bot.lifecycle.settle()  # the asker has the answer (or its ⚠️): no apology owed any more
        if posted is None:
            return
        sent, thread = posted
        if thread is None and isinstance(message.channel, discord.Thread) and context is not None:
            thread = message.channel  # a follow-up in the bot's thread: the thread's last answer now
        self.conversations.put(answer, sent.id, *((thread.id,) if thread is not None else ()),
                               asker=(guild_id, user_id), context=context)
        log.info("answered %smessage %s in guild %s (answered=%s, kind=%s)", "follow-up " if last else "",
                 message.id, guild_id, answer.answered, answer.kind)
        await self._record(str(message.id), guild_id, user_id, question, answer)

    async def _post_answer(self, message: discord.Message, question: str, context: int | None,
                           embed: discord.Embed, view: discord.ui.View, threads: bool,
                           ) -> tuple[discord.Message, discord.Thread | None] | None:
        """Post the answer (in a new thread, or as a reply); None when Discord kept failing (the question
        then has a ⚠️)."""
        sent: discord.Message | None = None
        thread: discord.Thread | None = None
        # enforce_nonce makes a post idempotent: a retry with the same nonce gets the message Discord already
        # created back instead of a second one. discord.py sends a random nonce per call (which covers its own
        # retries after a 5xx); the question's id also covers the same question delivered twice.
        if context is None and threads and isinstance(message.channel, discord.TextChannel):
            try:
                thread = await message.create_thread(name=plain_title(question, THREAD_NAME))
                sent = await thread.send(embed=embed, view=view, allowed_mentions=NO_MENTIONS, nonce=message.id)
            except discord.HTTPException as exc:
                log.warning("cannot answer in a thread in channel %s (%s); replying instead",
                            message.channel.id, exc.code)
                thread = None
        if sent is None:  # a reply; still posted if the question was deleted meanwhile
            try:
                sent = await message.channel.send(embed=embed, view=view, allowed_mentions=NO_MENTIONS,
                                                  reference=message.to_reference(fail_if_not_exists=False),
                                                  nonce=message.id)
            except discord.HTTPException as exc:
                log.warning("could not post the answer to message %s in channel %s: %s %s", message.id,
                            message.channel.id, exc.status, exc.code)
                await self._flag_unanswered(message)
                return None
        return sent, thread

    @staticmethod
    async def _flag_unanswered(message: discord.Message) -> None:
        """The answer could not be posted (Discord kept failing): a ⚠️ on the question tells the asker,
        where a second message would likely fail the same way."""
        try:
            await message.add_reaction(UNANSWERED)
        except discord.HTTPException as exc:
            log.warning("could not flag message %s as unanswered: %s %s", message.id, exc.status, exc.code)

    async def _asker(self, guild_id: int, user_id: int) -> Asker:
        """Who asks, from their stored profile: their stage (if it still exists), their completed items and
        their weekly hours. The answer's language is the question's, so the profile's language is not used.

        Answering needs no database: when the profile cannot be read in time (the database is corrupted,
        deleted, or locked by a long write), the answer only loses its personalisation."""
        try:
            profile = await asyncio.wait_for(self.bot.store.run(Store.get_profile, guild_id, user_id),
                                             PROFILE_WAIT)
        except (StoreError, asyncio.TimeoutError) as exc:
            log.warning("profile of user %s in guild %s unavailable (%s); answering without personalisation",
                        user_id, guild_id, exc.__class__.__name__)
            return Asker()
        if profile is None:
            return Asker()
        stage = profile.stage if profile.stage in self.bot.kb.stages_by_id else None
        return Asker(stage=stage, done=profile.completed, hours_per_week=profile.hours_per_week)

    async def _record(self, answer_id: str, guild_id: int, user_id: int, question: str, answer: Answer) -> None:
        """Remember the answer for its 👍/👎 (the question text only where the server opted in, and never
        more of it than the engine read)."""
        question = question[:MAX_QUESTION_CHARS]
        try:
            await self.bot.store.run(Store.record_answer, answer_id, guild_id, user_id, question)
            await self.bot.store.run(Store.record_question, guild_id, user_id, question, answer.answered)
        except StoreError as exc:  # the answer is out; a lost record only costs a vote's context
            log.warning("answer %s not recorded: %s", answer_id, exc)

    # ----------------------------------------------------------------------------------------- /ask

    @app_commands.command(
        name="ask", description="Ask a question about becoming an ML engineer (the answer is visible to the channel)"
    )
    @app_commands.describe(question="Your question, in Japanese or English")
    @app_commands.guild_only()
    async def ask(self, interaction: discord.Interaction, question: str) -> None:
        assert interaction.guild_id is not None
        wait = self.cooldown.hit(interaction.user.id, interaction.created_at.timestamp())
        if wait:
            await send_ephemeral(interaction, t("cooldown", interaction_lang(interaction), s=max(1, round(wait))))
            return
        if not question.strip():
            await send_ephemeral(interaction, t("empty_question", interaction_lang(interaction)))
            return
        await interaction.response.defer(thinking=True)
        try:
            answer = await self.bot.answers.ask(question, await self._asker(interaction.guild_id,
                                                                            interaction.user.id))
        except EmptyQuestion:
            await send_ephemeral(interaction, t("empty_question", interaction_lang(interaction)))
            return
        try:
            sent = await interaction.followup.send(
                embed=answer_embed(answer, question), view=vote_view(interaction.id), allowed_mentions=NO_MENTIONS,
                wait=True,
            )
        except discord.HTTPException as exc:
            # Discord kept failing the followup: put a sentence in the "thinking..." message instead.
            log.warning("could not post the answer to /ask %s: %s %s", interaction.id, exc.status, exc.code)
            with contextlib.suppress(discord.HTTPException):
                await interaction.edit_original_response(content=t("discord_trouble", interaction_lang(interaction)))
            return
        interaction.extras["replied"] = True
        self.conversations.put(answer, sent.id, asker=(interaction.guild_id, interaction.user.id))  # for replies
        log.info("answered /ask %s in guild %s (answered=%s, kind=%s)", interaction.id, interaction.guild_id,
                 answer.answered, answer.kind)
        await self._record(str(interaction.id), interaction.guild_id, interaction.user.id, question, answer)


async def setup(bot: CareerBot) -> None:
    await bot.add_cog(QA(bot))
