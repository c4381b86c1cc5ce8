"""Talking back to an interaction: the user's language, ephemeral replies whatever state the interaction is
in, acknowledging in time when the database is slow, one way to report errors, buttons only the invoking user
may press, and autocomplete choices."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import discord
from discord import app_commands

from bot.discordbot.i18n import lang_of_locale
from bot.discordbot.ui.text import CHOICE_NAME, MAX_CHOICES, NO_MENTIONS, clip, stage_label
from bot.knowledge import KnowledgeBase, Stage
from bot.messages import Lang, t
from bot.store import Profile, StoreBusy, StoreError

log = logging.getLogger(__name__)

T = TypeVar("T")
#: How long a handler may wait (on the database) before it acknowledges the interaction; Discord allows 3 s.
ACK_GRACE = 2.0


# ------------------------------------------------------------------------------------------- language


def interaction_lang(interaction: discord.Interaction, profile: Profile | None = None) -> Lang:
    """Japanese for a Japanese client, English for an English one; otherwise the profile's language, then
    the server's, then English."""
    return (
        lang_of_locale(interaction.locale)
        or (profile.lang if profile is not None and profile.lang in ("ja", "en") else None)
        or lang_of_locale(interaction.guild_locale)
        or "en"
    )


# ------------------------------------------------------------------------------------ replies & errors


async def send_ephemeral(interaction: discord.Interaction, content: str | None = None, **kwargs: Any) -> None:
    """An ephemeral message, whether or not the interaction was already acknowledged."""
    kwargs.setdefault("allowed_mentions", NO_MENTIONS)
    try:
        if not interaction.response.is_done():
            await interaction.response.send_message(content, ephemeral=True, **kwargs)
            return
        if (
            interaction.response.type is discord.InteractionResponseType.deferred_channel_message
            and not interaction.extras.get("replied")
        ):
            # A public "thinking..." placeholder would turn the first followup public; remove it first.
            with contextlib.suppress(discord.HTTPException):
                await interaction.delete_original_response()
        await interaction.followup.send(content, ephemeral=True, **kwargs)
        interaction.extras["replied"] = True
    except discord.HTTPException as exc:
        log.warning("could not reply to interaction %s: %s %s", interaction.id, exc.status, exc.code)


async def acknowledge(interaction: discord.Interaction, *, ephemeral: bool = True) -> None:
    """Defer the interaction unless it was answered already: "thinking..." for a command, a silent update
    for a button (its message is then changed with :func:`update_message`)."""
    if interaction.response.is_done():
        return
    try:
        if interaction.type is discord.InteractionType.component:
            await interaction.response.defer()
        else:
            await interaction.response.defer(ephemeral=ephemeral, thinking=True)
    except discord.HTTPException as exc:
        log.warning("could not acknowledge interaction %s: %s %s", interaction.id, exc.status, exc.code)


async def patiently(interaction: discord.Interaction, work: Awaitable[T], *, ephemeral: bool = True,
                    grace: float = ACK_GRACE) -> T:
    """Await ``work`` (a database call); when it takes longer than ``grace`` seconds (another process holds
    the write lock and the store is retrying), acknowledge the interaction first so Discord never shows
    "This interaction failed", then keep waiting for the real outcome. The work is never abandoned half-way,
    so what the user is told afterwards (done, or busy: try again) is the truth."""
    task = asyncio.ensure_future(work)
    if interaction.response.is_done():
        return await task
    done, _ = await asyncio.wait({task}, timeout=grace)
    if not done:
        log.info("interaction %s: the database is slow; acknowledging first", interaction.id)
        await acknowledge(interaction, ephemeral=ephemeral)
    return await task


async def update_message(interaction: discord.Interaction, **kwargs: Any) -> None:
    """Change the message a button belongs to, whether or not the click was deferred meanwhile."""
    if not interaction.response.is_done():
        await interaction.response.edit_message(**kwargs)
    else:
        await interaction.edit_original_response(**kwargs)


def _server_error(error: BaseException) -> bool:
    return isinstance(error, discord.HTTPException) and error.status >= 500


async def report_error(interaction: discord.Interaction, error: BaseException, where: str) -> None:
    """Tell the user one short ephemeral sentence: "busy, try again" when the database stayed locked,
    "couldn't save; nothing changed" when it failed otherwise (deleted, corrupted, unreachable), "Discord is
    having trouble" for Discord's own 5xx, otherwise a generic sentence (and the traceback goes
    to the log, never to the user)."""
    original = getattr(error, "original", None) or error
    lang = interaction_lang(interaction)
    if isinstance(original, StoreBusy):
        log.warning("%s: the database stayed locked (guild %s, user %s)", where, interaction.guild_id,
                    interaction.user.id)
        await send_ephemeral(interaction, t("busy", lang))
    elif isinstance(original, StoreError):  # the store logged why; the write did not happen
        log.warning("%s: the database refused (guild %s, user %s): %s", where, interaction.guild_id,
                    interaction.user.id, original)
        await send_ephemeral(interaction, t("store_failed", lang))
    elif _server_error(original):
        log.warning("%s: Discord answered %s (guild %s, user %s)", where, getattr(original, "status", "?"),
                    interaction.guild_id, interaction.user.id)
        await send_ephemeral(interaction, t("discord_trouble", lang))
    else:
        log.error("error in %s (guild %s, user %s)", where, interaction.guild_id, interaction.user.id,
                  exc_info=error)
        await send_ephemeral(interaction, t("error", lang))


class OwnerView(discord.ui.View):
    """Buttons only the invoking user may press; errors are reported like command errors; on timeout the
    buttons are removed from the (ephemeral) message."""

    def __init__(self, origin: discord.Interaction, lang: Lang, timeout: float = 180.0) -> None:
        super().__init__(timeout=timeout)
        self.origin = origin
        self.owner_id = origin.user.id
        self.lang = lang

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id != self.owner_id:
            await send_ephemeral(interaction, t("not_yours", self.lang))
            return False
        return True

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item[Any]) -> None:
        await report_error(interaction, error, f"view {self.__class__.__name__}")

    async def on_timeout(self) -> None:
        with contextlib.suppress(discord.HTTPException):
            await self.origin.edit_original_response(view=None)

    def button(
        self, label: str, style: discord.ButtonStyle, callback: Callable[[discord.Interaction], Any]
    ) -> discord.ui.Button[Any]:
        """Add a button whose click runs ``callback(interaction)``."""
        button: discord.ui.Button[Any] = discord.ui.Button(label=clip(label, 80), style=style)

        async def on_click(interaction: discord.Interaction) -> None:
            await callback(interaction)

        button.callback = on_click  # type: ignore[method-assign]
        self.add_item(button)
        return button


# ----------------------------------------------------------------------------------------- autocomplete


def _matches(current: str, *texts: str) -> bool:
    needle = current.strip().lower()
    return not needle or any(needle in text.lower() for text in texts)


def stage_choices(kb: KnowledgeBase, current: str, lang: Lang) -> list[app_commands.Choice[str]]:
    """Stages whose id, number or title (either language) contains what the user typed."""
    return [
        app_commands.Choice(name=clip(f"{stage_label(s, lang)} ({s.id})", CHOICE_NAME), value=s.id)
        for s in kb.stages
        if _matches(current, s.id, str(s.order), s.title.ja, s.title.en)
    ][:MAX_CHOICES]


def item_choices(kb: KnowledgeBase, stage: Stage | None, done: frozenset[str], current: str,
                 lang: Lang) -> list[app_commands.Choice[str]]:
    """Checklist items of ``stage`` (all stages when None), open ones first, matching what was typed."""
    items = list(stage.items) if stage else [i for s in kb.stages for i in s.items]
    items.sort(key=lambda i: i.id in done)
    return [
        app_commands.Choice(
            name=clip(("✅ " if i.id in done else "") + f"{i.title.get(lang)} ({i.id})", CHOICE_NAME), value=i.id
        )
        for i in items
        if _matches(current, i.id, i.title.ja, i.title.en)
    ][:MAX_CHOICES]
