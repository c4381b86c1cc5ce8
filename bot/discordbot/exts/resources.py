"""``/resources topic: stage:`` — curated resources for a topic (engine retrieval) and/or a stage."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.advisor import COST_ORDER, LEVEL_ORDER, UnknownId, resolve_stage
from bot.discordbot.ui.interaction import interaction_lang, send_ephemeral, stage_choices
from bot.discordbot.ui.text import (
    COLOR_INFO,
    EMBED_DESCRIPTION,
    clip,
    clip_lines,
    echo,
    fit_embed,
    link_text,
    one_line,
    stage_label,
    unknown_message,
)
from bot.knowledge import KnowledgeBase, Resource, Stage
from bot.messages import Lang, t
from bot.search import SearchResult

if TYPE_CHECKING:
    from bot.discordbot.app import CareerBot

MAX_RESOURCES = 6
MAX_TOPIC_CHARS = 200


def _in_stage(resource: Resource, stage: Stage) -> bool:
    return stage.id in resource.stages or any(i.id in resource.items for i in stage.items)


def _curated_order(resource: Resource, lang: Lang) -> tuple[object, ...]:
    return (resource.lang != lang, COST_ORDER.get(resource.cost, 3), LEVEL_ORDER.get(resource.level, 3), resource.id)


def pick_resources(kb: KnowledgeBase, result: SearchResult | None, stage: Stage | None, lang: Lang,
                   threshold: float, n: int = MAX_RESOURCES) -> list[Resource]:
    """Resources matching the topic search (keyword matches, else dense matches above the decline threshold),
    limited to ``stage`` when given; with no topic, the stage's resources in curated order."""
    if result is None:
        if stage is None:
            return []
        return sorted((r for r in kb.resources if _in_stage(r, stage)), key=lambda r: _curated_order(r, lang))[:n]
    hits = [h for h in result.resources if h.keyword > 0] or [h for h in result.resources if h.dense >= threshold]
    found = [kb.resources_by_id[h.id] for h in hits]
    if stage is not None:
        found = [r for r in found if _in_stage(r, stage)]
    return found[:n]


def resource_line(resource: Resource, lang: Lang) -> str:
    title = link_text(resource.title)
    meta = f"{resource.kind} · {resource.level} · {resource.cost} · {resource.lang}"
    return f"**[{title}]({resource.url})** ({meta})\n{resource.summary.get(lang)}"


class Resources(commands.Cog):
    def __init__(self, bot: CareerBot) -> None:
        self.bot = bot

    @app_commands.command(name="resources", description="Curated learning resources for a topic or a stage")
    @app_commands.describe(topic="What you want to learn, e.g. Docker, statistics, 深層学習",
                           stage="Only resources for this stage")
    @app_commands.guild_only()
    async def resources(self, interaction: discord.Interaction, topic: str | None = None,
                        stage: str | None = None) -> None:
        lang = interaction_lang(interaction)
        engine = self.bot.engine  # one engine for the whole command, even if a reload swaps it meanwhile
        kb = engine.kb
        topic = one_line(topic or "")[:MAX_TOPIC_CHARS].strip() or None  # a topic is a few words, not 100 KB
        if topic is None and not stage:
            await send_ephemeral(interaction, t("resources_need_input", lang))
            return
        try:
            stage_obj = resolve_stage(kb, stage) if stage else None
        except UnknownId as exc:
            await send_ephemeral(interaction, unknown_message(exc, lang))
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await self.bot.answers.run(engine.searcher.search, topic) if topic else None
        picks = pick_resources(kb, result, stage_obj, lang, engine.gate.relevance)
        if not picks:
            await send_ephemeral(interaction, t("resources_none", lang))
            return
        heading = " / ".join(x for x in (echo(topic, 100) if topic else "",
                                         stage_label(stage_obj, lang) if stage_obj else "") if x)
        embed = discord.Embed(title=clip(f"{t('resources_title', lang)}: {heading}", 256),
                              description=clip_lines([resource_line(r, lang) for r in picks], EMBED_DESCRIPTION),
                              colour=COLOR_INFO)
        await send_ephemeral(interaction, embed=fit_embed(embed))

    @resources.autocomplete("stage")
    async def resources_stage_autocomplete(self, interaction: discord.Interaction,
                                           current: str) -> list[app_commands.Choice[str]]:
        return stage_choices(self.bot.kb, current, interaction_lang(interaction))


async def setup(bot: CareerBot) -> None:
    await bot.add_cog(Resources(bot))
