"""Shared helpers for the cogs: Discord's size limits, safe echoing of user text, the answer embed, the
persistent 👍/👎 buttons, owner-only views, the per-user cooldown, language choice and error replies."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import discord
from discord import app_commands

from bot.advisor import UnknownId
from bot.answer import Answer
from bot.discordbot.i18n import Lang, lang_of_locale, t
from bot.knowledge import KnowledgeBase, Stage
from bot.store import Profile, StoreBusy, StoreError

if TYPE_CHECKING:
    from bot.discordbot.app import CareerBot

log = logging.getLogger(__name__)

T = TypeVar("T")
NO_MENTIONS = discord.AllowedMentions.none()
#: For command groups (``guild_only=True`` alone only sets the deprecated dm_permission flag on a Group).
GUILD_ONLY = app_commands.AppCommandContext(guild=True, dm_channel=False, private_channel=False)

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
MESSAGE_LIMIT = 2000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
FIELD_NAME = 256
FIELD_VALUE = 1024
MAX_FIELDS = 25
FOOTER_TEXT = 2048
EMBED_TOTAL = 6000
MAX_CHOICES = 25
CHOICE_NAME = 100
THREAD_NAME = 100

ELLIPSIS = "…"
_MENTION_RE = re.compile(r"@(everyone|here|[!&]?\d+)")
# Control characters and bidirectional overrides/isolates: echoed, an RLO (U+202E) would reverse the rest of
# the line the bot wrote around the user's text. Zero-width joiners stay (emoji sequences need them).
_UNSAFE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MARKDOWN_RE = re.compile(r"([\\*_~|`>#\-\[\]<])")
#: How long a handler may wait (on the database) before it acknowledges the interaction; Discord allows 3 s.
ACK_GRACE = 2.0
COLOR_ANSWER = discord.Colour(0x2B8A3E)
COLOR_DECLINE = discord.Colour(0x868E96)
COLOR_INFO = discord.Colour(0x1C7ED6)


# ------------------------------------------------------------------------------------------- text limits


def clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending in an ellipsis when it was cut."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)].rstrip()
    while cut.endswith("\\"):  # never leave a dangling markdown escape before the ellipsis
        cut = cut[:-1]
    return cut + ELLIPSIS


def clip_lines(lines: Iterable[str], limit: int) -> str:
    """Whole lines joined with newlines, as many as fit in ``limit`` (an ellipsis line marks the rest)."""
    items = [line for line in lines if line]
    out: list[str] = []
    size = 0
    for n, line in enumerate(items):
        last = n == len(items) - 1
        line = clip(line, limit if last and not out else limit - 2)
        room = limit if last else limit - 2  # keep room for "\n…" while more lines may follow
        need = len(line) + (1 if out else 0)
        if size + need > room:
            out.append(ELLIPSIS)
            break
        out.append(line)
        size += need
    return "\n".join(out)


def neutralize_mentions(text: str) -> str:
    """``@everyone``, ``@here``, ``<@id>``, ``<@&id>`` made inert with a zero-width space after the @."""
    return _MENTION_RE.sub("@\u200b\\1", text)


def one_line(text: str) -> str:
    """``text`` on one line, without control characters or bidirectional overrides."""
    return " ".join(_UNSAFE_RE.sub("", text[: EMBED_TOTAL * 2]).split())


def escape_markdown(text: str) -> str:
    """Every character Discord's markdown could act on, backslash-escaped (Discord hides the backslash).

    Not ``discord.utils.escape_markdown``: it treats ``[...](...)`` as one unit and escapes only its first
    bracket, so ``[a](b) ||spoiler|| **bold** [c](d)`` kept its spoiler and bold; and it leaves URLs
    unescaped, which an embed title does not link anyway.
    """
    return _MARKDOWN_RE.sub(r"\\\1", text)


def echo(text: str, limit: int) -> str:
    """User text made safe to show in an embed: one line, mentions inert, markdown escaped, clipped."""
    return clip(escape_markdown(neutralize_mentions(one_line(text))), limit)


def plain_title(text: str, limit: int) -> str:
    """User text for a thread name: one line, mentions inert, clipped (names render no markdown)."""
    return clip(neutralize_mentions(one_line(text)), limit) or "?"


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """Trim an embed so every part and the total stay inside Discord's limits."""
    if embed.title:
        embed.title = clip(embed.title, EMBED_TITLE)
    if embed.description:
        embed.description = clip(embed.description, EMBED_DESCRIPTION)
    while len(embed.fields) > MAX_FIELDS:
        embed.remove_field(-1)
    for i, f in enumerate(embed.fields):
        embed.set_field_at(i, name=clip(f.name or "-", FIELD_NAME), value=clip(f.value or "-", FIELD_VALUE),
                           inline=f.inline)
    if embed.footer and embed.footer.text:
        embed.set_footer(text=clip(embed.footer.text, FOOTER_TEXT))
    excess = len(embed) - EMBED_TOTAL
    if excess > 0 and embed.description:
        embed.description = clip(embed.description, max(len(embed.description) - excess, 1))
        excess = len(embed) - EMBED_TOTAL
    while excess > 0 and embed.fields:
        embed.remove_field(-1)
        excess = len(embed) - EMBED_TOTAL
    return embed


# --------------------------------------------------------------------------------------------- answers


def answer_embed(answer: Answer, question: str) -> discord.Embed:
    """The answer as an embed in the question's language: answer, cited sections, resources, next step."""
    lang = answer.lang
    body = "\n".join([*answer.notices, answer.answer]).strip() or t("no_answer_title", lang)
    embed = discord.Embed(
        title=echo(f"❓ {question}", EMBED_TITLE),
        description=clip(body, EMBED_DESCRIPTION),
        colour=COLOR_ANSWER if answer.answered else COLOR_DECLINE,
    )
    if answer.passages:
        lines = [f"• {discord.utils.escape_markdown(p.title)} (`{p.doc_id}`)" for p in answer.passages]
        embed.add_field(name=t("sources", lang), value=clip_lines(lines, FIELD_VALUE), inline=False)
    if answer.resources:
        lines = [f"• [{_link_text(r.title)}]({r.url})" for r in answer.resources]
        embed.add_field(name=t("resources", lang), value=clip_lines(lines, FIELD_VALUE), inline=False)
    if answer.next_steps:
        embed.add_field(name=t("next_step", lang), value=clip_lines(answer.next_steps, FIELD_VALUE), inline=False)
    if answer.answered:
        embed.set_footer(text=t("footer", lang))
    return fit_embed(embed)


def _link_text(text: str) -> str:
    return text.replace("[", "(").replace("]", ")")


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
            await patiently(interaction, bot.store.record_vote(
                str(self.answer_id), interaction.user.id, 1 if up else -1, guild_id=interaction.guild_id or 0))
        except StoreError as exc:
            log.warning("vote on answer %s not recorded: %s", self.answer_id, exc.__class__.__name__)
            await send_ephemeral(interaction, t("busy" if isinstance(exc, StoreBusy) else "error", lang))
            return
        log.info("vote %s on answer %s", self.vote, self.answer_id)
        await send_ephemeral(interaction, t("vote_thanks_up" if up else "vote_thanks_down", lang))


def vote_view(answer_id: int) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(VoteButton(answer_id, "up"))
    view.add_item(VoteButton(answer_id, "down"))
    return view


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


def stage_label(stage: Stage, lang: Lang) -> str:
    return f"{stage.order}. {stage.title.get(lang)}"


def unknown_message(exc: UnknownId, lang: Lang) -> str:
    """'There is no stage called X. Did you mean Y?' for an unknown stage or item id."""
    kind = t("kind_stage" if exc.kind == "stage" else "kind_item", lang)
    text = t("unknown", lang, kind=kind, value=echo(exc.value, 100))
    return f"{text} {t('did_you_mean', lang, s=exc.suggestion)}" if exc.suggestion else text


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
    "Discord is having trouble" for Discord's own 5xx, otherwise a generic sentence (and the traceback goes
    to the log, never to the user)."""
    original = getattr(error, "original", None) or error
    lang = interaction_lang(interaction)
    if isinstance(original, StoreBusy):
        log.warning("%s: the database stayed locked (guild %s, user %s)", where, interaction.guild_id,
                    interaction.user.id)
        await send_ephemeral(interaction, t("busy", lang))
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


# -------------------------------------------------------------------------------------------- cooldown


class Cooldown:
    """At most ``rate`` events per ``per`` seconds per key (a sliding window); ``hit`` says how long to wait."""

    def __init__(self, rate: int, per: float, clock: Callable[[], float] = time.monotonic) -> None:
        if rate < 1 or per <= 0:
            raise ValueError("rate must be >= 1 and per > 0")
        self.rate, self.per, self._clock = rate, per, clock
        self._hits: dict[int, deque[float]] = {}

    def hit(self, key: int) -> float:
        """0.0 and the event counted when allowed, else the seconds until it would be allowed."""
        now = self._clock()
        hits = self._hits.setdefault(key, deque())
        while hits and now - hits[0] >= self.per:
            hits.popleft()
        if len(hits) >= self.rate:
            return self.per - (now - hits[0])
        hits.append(now)
        if len(self._hits) > 10_000:
            self._prune(now)
        return 0.0

    def _prune(self, now: float) -> None:
        for key in [k for k, v in self._hits.items() if not v or now - v[-1] >= self.per]:
            del self._hits[key]


class NoCooldown:
    """Stand-in when the cooldown is turned off."""

    def hit(self, key: int) -> float:
        return 0.0


def make_cooldown(setting: tuple[int, float] | None) -> Cooldown | NoCooldown:
    return Cooldown(*setting) if setting else NoCooldown()


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
