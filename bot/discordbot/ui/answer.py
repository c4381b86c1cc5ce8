"""An answer on Discord: the embed (answer, sources, resources, next steps) and its persistent 👍/👎 buttons."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

import discord

from bot.answer import Answer
from bot.discordbot.ui.interaction import interaction_lang, patiently, send_ephemeral
from bot.discordbot.ui.text import (
    COLOR_ANSWER,
    COLOR_DECLINE,
    EMBED_DESCRIPTION,
    EMBED_TITLE,
    FIELD_VALUE,
    clip,
    clip_lines,
    echo,
    fit_embed,
    link_text,
)
from bot.messages import t
from bot.render import MARKDOWN, profile_hint, save_hint, step_line
from bot.store import Store, StoreBusy, StoreError

if TYPE_CHECKING:
    from bot.discordbot.app import CareerBot

log = logging.getLogger(__name__)


def answer_embed(answer: Answer, question: str) -> discord.Embed:
    """The answer as an embed in the answer's language: the text, the cited sections, the resources and the
    next step. When the next steps are the answer ("what next?"), they come right after the text.
    ``question`` is the user's text, shown inert in the title."""
    lang = answer.lang
    body = "\n".join([*answer.notices, answer.answer]).strip() or t("no_answer_title", lang)
    embed = discord.Embed(
        title=echo(f"❓ {question}", EMBED_TITLE),
        description=clip(body, EMBED_DESCRIPTION),
        colour=COLOR_ANSWER if answer.answered else COLOR_DECLINE,
    )
    steps = answer.kind == "next" and bool(answer.next_steps)
    if steps:  # the steps are the answer: right under it
        _add_steps(embed, answer)
    if answer.passages:
        lines = [f"• {discord.utils.escape_markdown(p.title)} (`{p.doc_id}`)" for p in answer.passages]
        embed.add_field(name=t("sources", lang), value=clip_lines(lines, FIELD_VALUE), inline=False)
    if answer.resources:
        lines = [f"• [{link_text(r.title)}]({r.url})" for r in answer.resources]
        embed.add_field(name=t("resources", lang), value=clip_lines(lines, FIELD_VALUE), inline=False)
    if answer.next_steps and not steps:  # one step onward from the learner's place: after the sources
        _add_steps(embed, answer)
    if answer.save_stage:  # "記録しておいて": the slash commands that save it
        embed.add_field(name="\u200b", value=save_hint(answer, MARKDOWN), inline=False)
    if answer.profile_ask:  # "今どのステージ？", "reset my progress": the stage stored, and the commands
        embed.add_field(name="\u200b", value=profile_hint(answer, MARKDOWN), inline=False)
    if answer.answered:
        embed.set_footer(text=t("footer", lang))
    return fit_embed(embed)


def _add_steps(embed: discord.Embed, answer: Answer) -> None:
    heading = t("next_steps_heading" if answer.kind == "next" else "next_step", answer.lang)
    lines = [step_line(s, answer.lang, MARKDOWN, with_id=False) for s in answer.next_steps]
    embed.add_field(name=heading, value=clip_lines(lines, FIELD_VALUE), inline=False)


VOTE_TEMPLATE = r"careerbot:vote:(?P<answer_id>[0-9]+):(?P<vote>up|down)"


class VoteButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=VOTE_TEMPLATE):
    """👍/👎 under every answer. The answer id and the vote live in the custom_id, so a click works after a
    restart: discord.py rebuilds the item from the custom_id (``bot.add_dynamic_items``)."""

    def __init__(self, answer_id: int, vote: str) -> None:
        super().__init__(
            discord.ui.Button(
                style=discord.ButtonStyle.secondary,
                emoji="\N{THUMBS UP SIGN}" if vote == "up" else "\N{THUMBS DOWN SIGN}",
                custom_id=f"careerbot:vote:{answer_id}:{vote}",
            )
        )
        self.answer_id = answer_id
        self.vote = vote

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str], /
    ) -> VoteButton:
        return cls(int(match["answer_id"]), match["vote"])

    async def callback(self, interaction: discord.Interaction) -> None:
        bot: CareerBot = interaction.client  # type: ignore[assignment]
        lang = interaction_lang(interaction)
        up = self.vote == "up"
        try:
            # Acknowledged within Discord's 3 s even if the database is locked, and the reply tells the truth.
            await patiently(interaction, bot.store.run(Store.record_vote,
                str(self.answer_id), interaction.user.id, 1 if up else -1, guild_id=interaction.guild_id or 0))
        except StoreError as exc:
            log.warning("vote on answer %s not recorded: %s", self.answer_id, exc.__class__.__name__)
            await send_ephemeral(interaction, t("busy" if isinstance(exc, StoreBusy) else "store_failed", lang))
            return
        log.info("vote %s on answer %s", self.vote, self.answer_id)
        await send_ephemeral(interaction, t("vote_thanks_up" if up else "vote_thanks_down", lang))


def vote_view(answer_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(VoteButton(answer_id, "up"))
    view.add_item(VoteButton(answer_id, "down"))
    return view
