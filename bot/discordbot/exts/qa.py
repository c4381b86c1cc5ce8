"""Questions and answers: mentions, question channels (optionally a thread per answer), follow-ups and ``/ask``.

A follow-up is a message in a thread the bot created for an answer (no mention needed there), or a reply to
one of the bot's answers: it is answered in the context of that answer (:func:`bot.conversation.follow_up`:
"英語で", "もっと詳しく", "次は？", "what about for a student?"). The last answer of each conversation is kept
in a bounded in-memory LRU (``bot.conversations``, a :class:`~bot.discordbot.followups.LastAnswers`).
"""

from __future__ import annotations

import contextlib
import logging
import re
from typing import TYPE_CHECKING

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

from bot.answer import Answer, Asker
from bot.discordbot.cooldown import make_cooldown
from bot.discordbot.ui.answer import answer_embed, vote_view
from bot.discordbot.ui.interaction import interaction_lang, send_ephemeral
from bot.discordbot.ui.text import NO_MENTIONS, THREAD_NAME, plain_title
from bot.engine import MAX_QUESTION_CHARS, EmptyQuestion
from bot.messages import t
from bot.store import StoreError
from bot.text import detect_lang

if TYPE_CHECKING:
    from bot.discordbot.app import CareerBot

log = logging.getLogger(__name__)

UNANSWERED = "\N{WARNING SIGN}\N{VARIATION SELECTOR-16}"


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
                    await message.reply(t("empty_question", detect_lang(message.content)), allowed_mentions=NO_MENTIONS)
                return
            wait = self.cooldown.hit(message.author.id)
            if wait:
                await message.reply(t("cooldown_short", detect_lang(question), s=max(1, round(wait))),
                                    allowed_mentions=NO_MENTIONS)
                return
            await self._answer_message(message, question, context)
        except (discord.HTTPException, aiohttp.ClientError, StoreError) as exc:
            log.warning("could not answer message %s in channel %s: %s: %s", message.id, message.channel.id,
                        exc.__class__.__name__, exc)

    async def _answer_message(self, message: discord.Message, question: str, context: int | None) -> None:
        """Answer ``question``: in the context of the conversation ``context`` (see :meth:`_conversation`)
        when it is one, else in a new thread (if the server wants threads) or as a reply."""
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
        sent: discord.Message | None = None
        thread: discord.Thread | None = None
        # enforce_nonce makes a post idempotent: a retry with the same nonce gets the message Discord already
        # created back instead of a second one. discord.py sends a random nonce per call (which covers its own
        # retries after a 5xx); the question's id also covers the same question delivered twice.
        if context is None and settings.thread_per_answer and isinstance(message.channel, discord.TextChannel):
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
                return
        if thread is None and isinstance(message.channel, discord.Thread) and context is not None:
            thread = message.channel  # a follow-up in the bot's thread: the thread's last answer now
        self.conversations.put(answer, sent.id, *((thread.id,) if thread is not None else ()),
                               asker=(guild_id, user_id), context=context)
        log.info("answered %smessage %s in guild %s (answered=%s, kind=%s)", "follow-up " if last else "",
                 message.id, guild_id, answer.answered, answer.kind)
        await self._record(str(message.id), guild_id, user_id, question, answer)

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
        their weekly hours. The answer's language is the question's, so the profile's language is not used."""
        profile = await self.bot.store.get_profile(guild_id, user_id)
        if profile is None:
            return Asker()
        stage = profile.stage if profile.stage in self.bot.kb.stages_by_id else None
        return Asker(stage=stage, done=profile.completed, hours_per_week=profile.hours_per_week)

    async def _record(self, answer_id: str, guild_id: int, user_id: int, question: str, answer: Answer) -> None:
        """Remember the answer for its 👍/👎 (the question text only where the server opted in, and never
        more of it than the engine read)."""
        question = question[:MAX_QUESTION_CHARS]
        try:
            await self.bot.store.record_answer(answer_id, guild_id, user_id, question)
            await self.bot.store.record_question(guild_id, user_id, question, answer.answered)
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
        wait = self.cooldown.hit(interaction.user.id)
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
