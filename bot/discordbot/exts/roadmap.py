"""The learner's place on the roadmap: ``/stage set|show|assess``, ``/nextstep``, ``/progress done|show``.

Every reply is ephemeral (it is about one person). Writes that change the stage on a button (advance,
self-assessment) happen only after the click, and only the user who ran the command can click.
"""

from __future__ import annotations

import asyncio
import io
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.advisor import UnknownId, assessment, next_steps, propose_from_answers, resolve_item, resolve_stage
from bot.charts import render_member
from bot.discordbot.checks import GUILD_ONLY
from bot.discordbot.ui.interaction import (
    ACK_GRACE,
    OwnerView,
    acknowledge,
    interaction_lang,
    item_choices,
    patiently,
    send_ephemeral,
    stage_choices,
    update_message,
)
from bot.discordbot.ui.text import (
    COLOR_INFO,
    EMBED_DESCRIPTION,
    FIELD_VALUE,
    clip,
    clip_lines,
    fit_embed,
    unknown_message,
)
from bot.groups import member_progress, member_streak_line
from bot.knowledge import KnowledgeBase, Stage
from bot.messages import Lang, t
from bot.render import MARKDOWN, render_next_steps
from bot.store import Profile, Store, StoreError

if TYPE_CHECKING:
    from bot.discordbot.app import CareerBot

log = logging.getLogger(__name__)

PROGRESS_FILENAME = "progress.png"


def next_steps_embed(kb: KnowledgeBase, profile: Profile | None, lang: Lang) -> tuple[discord.Embed, Stage | None]:
    """The learner's next steps, and the stage to propose when their stage's checklist is complete."""
    stage_id = profile.stage if profile else None
    done = profile.completed if profile else frozenset()
    ns = next_steps(kb, stage_id, done, lang)
    if ns.needs_assessment:
        return discord.Embed(description=t("no_stage", lang), colour=COLOR_INFO), None
    text = render_next_steps(ns, lang, MARKDOWN)  # a completed stage gets the "move on" button, not a hint
    embed = discord.Embed(title=t("next_step", lang), description=clip(text, EMBED_DESCRIPTION), colour=COLOR_INFO)
    return fit_embed(embed), ns.propose_stage if ns.stage_complete else None


def stage_embed(stage: Stage, done: frozenset[str], lang: Lang) -> discord.Embed:
    embed = discord.Embed(title=t("stage_show", lang, n=stage.order, title=stage.title.get(lang)),
                          description=clip(f"**{t('goal', lang)}:** {stage.goal.get(lang)}", EMBED_DESCRIPTION),
                          colour=COLOR_INFO)
    count = sum(1 for i in stage.items if i.id in done)
    lines = [f"{'✅' if i.id in done else '⬜'} {i.title.get(lang)} (`{i.id}`)" for i in stage.items]
    embed.add_field(name=f"{t('checklist', lang)} — {t('done_count', lang, d=count, n=len(stage.items))}",
                    value=clip_lines(lines, FIELD_VALUE), inline=False)
    if stage.exit_criteria:
        embed.add_field(name=t("exit_criteria", lang),
                        value=clip_lines([f"• {c.get(lang)}" for c in stage.exit_criteria], FIELD_VALUE), inline=False)
    return fit_embed(embed)


class AdvanceView(OwnerView):
    """'Move on to <next stage>' under a completed stage's next steps."""

    def __init__(self, origin: discord.Interaction, lang: Lang, cog: Roadmap, target: Stage) -> None:
        super().__init__(origin, lang)
        self.cog, self.target = cog, target
        self.button(t("advance", lang, title=target.title.get(lang)), discord.ButtonStyle.primary, self.advance)

    async def advance(self, interaction: discord.Interaction) -> None:
        profile = await self.cog.set_stage(interaction, self.target, self.lang)  # busy: the button stays
        self.stop()
        embed, _ = next_steps_embed(self.cog.kb, profile, self.lang)
        embed.title = t("advanced", self.lang, n=self.target.order, title=self.target.title.get(self.lang))
        await update_message(interaction, embed=embed, view=None)


class ConfirmStageView(OwnerView):
    """'Set this stage' / 'Cancel' after the self-assessment proposed a stage."""

    def __init__(self, origin: discord.Interaction, lang: Lang, cog: Roadmap, proposed: Stage) -> None:
        super().__init__(origin, lang)
        self.cog, self.proposed = cog, proposed
        self.button(t("set_stage_button", lang), discord.ButtonStyle.success, self.confirm)
        self.button(t("cancel", lang), discord.ButtonStyle.secondary, self.cancel)

    async def confirm(self, interaction: discord.Interaction) -> None:
        profile = await self.cog.set_stage(interaction, self.proposed, self.lang)  # busy: the buttons stay
        self.stop()
        embed, _ = next_steps_embed(self.cog.kb, profile, self.lang)
        embed.title = t("stage_set", self.lang, n=self.proposed.order, title=self.proposed.title.get(self.lang))
        await update_message(interaction, embed=embed, view=None)

    async def cancel(self, interaction: discord.Interaction) -> None:
        self.stop()
        await interaction.response.edit_message(content=t("cancelled", self.lang), embed=None, view=None)


class AssessView(OwnerView):
    """The self-assessment: one yes/no question at a time; the first "no" (or the last answer) decides."""

    def __init__(self, origin: discord.Interaction, lang: Lang, cog: Roadmap) -> None:
        super().__init__(origin, lang, timeout=600)
        self.cog = cog
        self.questions = assessment(cog.kb)
        self.answers: list[bool] = []
        self.button(t("yes", lang), discord.ButtonStyle.success, self.yes)
        self.button(t("no", lang), discord.ButtonStyle.danger, self.no)

    def embed(self) -> discord.Embed:
        stage = self.questions[len(self.answers)]
        return fit_embed(discord.Embed(
            title=t("assess_question", self.lang, i=len(self.answers) + 1, n=len(self.questions)),
            description=stage.assess.get(self.lang), colour=COLOR_INFO,
        ))

    async def yes(self, interaction: discord.Interaction) -> None:
        await self._answer(interaction, True)

    async def no(self, interaction: discord.Interaction) -> None:
        await self._answer(interaction, False)

    async def _answer(self, interaction: discord.Interaction, yes: bool) -> None:
        self.answers.append(yes)
        if yes and len(self.answers) < len(self.questions):
            await interaction.response.edit_message(embed=self.embed(), view=self)
            return
        self.stop()
        proposed = propose_from_answers(self.cog.kb, self.answers)
        embed = discord.Embed(
            description=t("assess_result", self.lang, n=proposed.order, title=proposed.title.get(self.lang)),
            colour=COLOR_INFO,
        )
        embed.add_field(name=t("goal", self.lang), value=clip(proposed.goal.get(self.lang), FIELD_VALUE))
        view = ConfirmStageView(self.origin, self.lang, self.cog, proposed)
        await interaction.response.edit_message(embed=fit_embed(embed), view=view)


class Roadmap(commands.Cog):
    """Stages, next steps and the checklist."""

    stage = app_commands.Group(name="stage", description="Your stage on the 7-stage roadmap", guild_only=True,
                                 allowed_contexts=GUILD_ONLY)
    progress = app_commands.Group(name="progress", description="Your checklist progress", guild_only=True,
                                 allowed_contexts=GUILD_ONLY)

    def __init__(self, bot: CareerBot) -> None:
        self.bot = bot

    @property
    def kb(self) -> KnowledgeBase:
        return self.bot.kb

    async def profile(self, interaction: discord.Interaction) -> Profile | None:
        assert interaction.guild_id is not None
        return await patiently(interaction, self.bot.store.run(Store.get_profile, interaction.guild_id,
                                                                   interaction.user.id))

    async def set_stage(self, interaction: discord.Interaction, stage: Stage, lang: Lang) -> Profile:
        """Write the stage; acknowledges the interaction first when the database is slow (StoreBusy when it
        stays locked, reported as "busy, try again" and nothing changed)."""
        assert interaction.guild_id is not None
        guild_id, user_id = interaction.guild_id, interaction.user.id

        async def write() -> Profile:
            # The stage first (one transaction, creating the profile if needed): if the database is locked
            # it fails whole. The language of a new profile is a detail written afterwards.
            profile = await self.bot.store.run(Store.set_stage, guild_id, user_id, stage.id)
            if profile.lang is None:
                try:
                    profile = await self.bot.store.run(Store.update_profile, guild_id, user_id, lang=lang)
                except StoreError as exc:
                    log.warning("language of user %s not stored: %s", user_id, exc.__class__.__name__)
            return profile

        profile = await patiently(interaction, write())
        log.info("user %s in guild %s set stage %s", interaction.user.id, interaction.guild_id, stage.id)
        return profile

    # ---------------------------------------------------------------------------------------- /stage

    @stage.command(name="set", description="Set your current stage")
    @app_commands.describe(stage="The stage (start typing to search)")
    async def stage_set(self, interaction: discord.Interaction, stage: str) -> None:
        lang = interaction_lang(interaction, await self.profile(interaction))
        try:
            target = resolve_stage(self.kb, stage)
        except UnknownId as exc:
            await send_ephemeral(interaction, unknown_message(exc, lang))
            return
        profile = await self.set_stage(interaction, target, lang)
        embed, _ = next_steps_embed(self.kb, profile, lang)
        embed.title = t("stage_set", lang, n=target.order, title=target.title.get(lang))
        await send_ephemeral(interaction, embed=embed)

    @stage_set.autocomplete("stage")
    async def stage_set_autocomplete(self, interaction: discord.Interaction,
                                     current: str) -> list[app_commands.Choice[str]]:
        return stage_choices(self.kb, current, interaction_lang(interaction))

    @stage.command(name="show", description="Show your current stage and its goal")
    async def stage_show(self, interaction: discord.Interaction) -> None:
        profile = await self.profile(interaction)
        lang = interaction_lang(interaction, profile)
        if profile is None or not profile.stage or profile.stage not in self.kb.stages_by_id:
            await send_ephemeral(interaction, t("no_stage", lang))
            return
        await send_ephemeral(interaction, embed=stage_embed(self.kb.stage(profile.stage), profile.completed, lang))

    @stage.command(name="assess", description="A short yes/no self-assessment that proposes a stage")
    async def stage_assess(self, interaction: discord.Interaction) -> None:
        lang = interaction_lang(interaction, await self.profile(interaction))
        view = AssessView(interaction, lang, self)
        await send_ephemeral(interaction, embed=view.embed(), view=view)

    # -------------------------------------------------------------------------------------- /nextstep

    @app_commands.command(name="nextstep", description="Your next items on the roadmap, each with a resource")
    @app_commands.guild_only()
    async def nextstep(self, interaction: discord.Interaction) -> None:
        profile = await self.profile(interaction)
        lang = interaction_lang(interaction, profile)
        embed, propose = next_steps_embed(self.kb, profile, lang)
        if propose is None:
            await send_ephemeral(interaction, embed=embed)
            return
        await send_ephemeral(interaction, embed=embed, view=AdvanceView(interaction, lang, self, propose))

    # -------------------------------------------------------------------------------------- /progress

    @progress.command(name="done", description="Mark a checklist item as done")
    @app_commands.describe(item="The checklist item (start typing to search)")
    async def progress_done(self, interaction: discord.Interaction, item: str) -> None:
        assert interaction.guild_id is not None
        profile = await self.profile(interaction)
        lang = interaction_lang(interaction, profile)
        stage = self.kb.stages_by_id.get(profile.stage or "") if profile else None
        try:
            found = resolve_item(self.kb, item, stage)
        except UnknownId as exc:
            await send_ephemeral(interaction, unknown_message(exc, lang))
            return
        new = await patiently(interaction, self.bot.store.run(Store.mark_done, interaction.guild_id,
                                                              interaction.user.id, found.id))
        done = (profile.completed if profile else frozenset()) | {found.id}
        item_stage = self.kb.stage(found.stage)
        count = sum(1 for i in item_stage.items if i.id in done)
        title = found.title.get(lang)
        lines = [t("marked_done" if new else "already_done", lang, title=title, d=count, n=len(item_stage.items))]
        if stage is not None and stage.id == item_stage.id and count == len(stage.items):
            lines.append(t("stage_now_complete", lang))
        await send_ephemeral(interaction, "\n".join(lines))

    @progress_done.autocomplete("item")
    async def progress_done_autocomplete(self, interaction: discord.Interaction,
                                         current: str) -> list[app_commands.Choice[str]]:
        assert interaction.guild_id is not None
        try:  # suggestions must arrive within 3 s: without the profile when the database is slow
            profile = await asyncio.wait_for(
                self.bot.store.run(Store.get_profile, interaction.guild_id, interaction.user.id), ACK_GRACE)
        except (asyncio.TimeoutError, StoreError):
            profile = None
        stage = self.kb.stages_by_id.get(profile.stage or "") if profile else None
        done = profile.completed if profile else frozenset()
        return item_choices(self.kb, stage, done, current, interaction_lang(interaction, profile))

    @progress.command(name="show", description="Show the checklist of your current stage")
    async def progress_show(self, interaction: discord.Interaction) -> None:
        assert interaction.guild_id is not None
        profile = await self.profile(interaction)
        lang = interaction_lang(interaction, profile)
        if profile is None or not profile.stage or profile.stage not in self.kb.stages_by_id:
            await send_ephemeral(interaction, t("no_stage", lang))
            return
        await acknowledge(interaction)  # the picture takes a database read and a render: "thinking..." first
        kb = self.kb
        stage = kb.stage(profile.stage)
        embed = stage_embed(stage, profile.completed, lang)
        done_at = await self.bot.store.run(Store.get_progress, interaction.guild_id, interaction.user.id)
        progress = member_progress(kb, done_at, profile.stage, self.bot.clock.now())
        png = await asyncio.to_thread(render_member, progress, lang)  # Pillow, off the event loop
        footer = [member_streak_line(progress.streak, lang)]
        elsewhere = len([i for i in profile.completed if not i.startswith(f"{stage.id}.")])
        if elsewhere:
            footer.append(t("other_done", lang, n=elsewhere))
        embed.set_footer(text=" · ".join(footer))
        embed.set_image(url=f"attachment://{PROGRESS_FILENAME}")
        await send_ephemeral(interaction, embed=embed, file=discord.File(io.BytesIO(png), PROGRESS_FILENAME))


async def setup(bot: CareerBot) -> None:
    await bot.add_cog(Roadmap(bot))
