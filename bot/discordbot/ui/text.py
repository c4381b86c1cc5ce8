"""Text for Discord: its size limits, clipping, splitting a long text into messages, and user text made safe
to echo (mentions inert, markdown escaped, no control characters or bidirectional overrides)."""

from __future__ import annotations

import re
from collections.abc import Iterable

import discord

from bot.advisor import UnknownId
from bot.knowledge import Stage
from bot.messages import Lang, t

NO_MENTIONS = discord.AllowedMentions.none()

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
DISCORD_MESSAGE_LIMIT = 2000
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


def split_message(text: str, limit: int = DISCORD_MESSAGE_LIMIT) -> list[str]:
    """Split on line boundaries into parts of at most ``limit`` characters (a too-long line is cut)."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current.strip():
        parts.append(current)
    return parts


# ----------------------------------------------------------------------------------------- user text


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


def link_text(text: str) -> str:
    """A title usable as the text of a masked link (square brackets would end it early)."""
    return text.replace("[", "(").replace("]", ")")


# -------------------------------------------------------------------------------------------- embeds


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


# ------------------------------------------------------------------------------------ knowledge labels


def stage_label(stage: Stage, lang: Lang) -> str:
    return f"{stage.order}. {stage.title.get(lang)}"


def unknown_message(exc: UnknownId, lang: Lang) -> str:
    """'There is no stage called X. Did you mean Y?' for an unknown stage or item id."""
    kind = t("kind_stage" if exc.kind == "stage" else "kind_item", lang)
    text = t("unknown", lang, kind=kind, value=echo(exc.value, 100))
    return f"{text} {t('did_you_mean', lang, s=exc.suggestion)}" if exc.suggestion else text
