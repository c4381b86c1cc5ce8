"""The study group's persistent buttons: Join / Leave / reminder under the pinned plan, and a Done button per
item under each week's check-in.

Everything a click needs is in its custom_id (``careerbot:group:<plan>:<action>``,
``careerbot:done:<plan>:<week>:<item id>``), so the buttons work on messages posted before the last restart:
discord.py rebuilds the item from the custom_id (``bot.add_dynamic_items``, in the plans extension). The
click's work goes to ``bot.groups`` (:class:`bot.discordbot.studygroups.StudyGroups`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import discord

from bot.discordbot.lifecycle import admit
from bot.discordbot.ui.interaction import interaction_lang, patiently, send_ephemeral
from bot.discordbot.ui.text import clip
from bot.groups import GroupPlan, week_items
from bot.messages import Lang, t
from bot.store import Store, StoreBusy, StoreError

if TYPE_CHECKING:
    from bot.discordbot.app import CareerBot
    from bot.knowledge import Item

log = logging.getLogger(__name__)

GROUP_TEMPLATE = r"careerbot:group:(?P<plan>[0-9]+):(?P<action>join|leave|remind)"
DONE_TEMPLATE = r"careerbot:done:(?P<plan>[0-9]+):(?P<week>[0-9]+):(?P<item>[A-Za-z0-9._-]+)"
#: Discord allows 5 rows of 5 buttons.
MAX_BUTTONS = 25
LABEL = 80

_STYLES = {"join": discord.ButtonStyle.success, "leave": discord.ButtonStyle.secondary,
           "remind": discord.ButtonStyle.secondary}
_LABELS = {"join": "sg_join", "leave": "sg_leave", "remind": "sg_remind"}
_EMOJI = {"remind": "\N{BELL}"}


async def _store_trouble(interaction: discord.Interaction, exc: StoreError, what: str) -> None:
    log.warning("%s not recorded: %s", what, exc.__class__.__name__)
    await send_ephemeral(interaction, t("busy" if isinstance(exc, StoreBusy) else "store_failed",
                                        interaction_lang(interaction)))


class GroupButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=GROUP_TEMPLATE):
    """Join, Leave and the reminder switch under a pinned group plan."""

    def __init__(self, plan_id: int, action: str, lang: Lang = "en") -> None:
        super().__init__(discord.ui.Button(style=_STYLES[action], label=t(_LABELS[action], lang),
                                           emoji=_EMOJI.get(action),
                                           custom_id=f"careerbot:group:{plan_id}:{action}"))
        self.plan_id = plan_id
        self.action = action

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        # A click is accepted work like a command: a restart waits for its reply (a Done click answered while
        # the bot was draining lost its reply when the gateway closed), and turns new clicks away with a sentence.
        return await admit(getattr(interaction.client, "lifecycle", None), interaction)

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> GroupButton:
        return cls(int(match["plan"]), match["action"])

    async def callback(self, interaction: discord.Interaction) -> None:
        bot: CareerBot = interaction.client  # type: ignore[assignment]
        lang = interaction_lang(interaction)
        user = interaction.user.id
        try:
            if self.action == "join":
                joined, members = await patiently(interaction, bot.groups.join(self.plan_id, user))
                text = (t("sg_closed", lang) if joined is None else
                        t("sg_joined", lang, n=members) if joined else t("sg_already_member", lang))
            elif self.action == "leave":
                left = await patiently(interaction, bot.groups.leave(self.plan_id, user))
                text = t("sg_left" if left else "sg_not_member", lang)
            else:
                on = await patiently(interaction, bot.store.run(Store.toggle_group_reminder, self.plan_id, user))
                if on is None:
                    text = t("sg_remind_join_first", lang)
                else:
                    text = t("sg_remind_on" if on else "sg_remind_off", lang)
                    log.info("user %s turned the reminder of group plan %s %s", user, self.plan_id,
                             "on" if on else "off")
        except StoreError as exc:
            await _store_trouble(interaction, exc, f"{self.action} of group plan {self.plan_id}")
            return
        await send_ephemeral(interaction, text)


class DoneButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=DONE_TEMPLATE):
    """"Done: <item>" under a week's check-in: marks the item done in the clicking member's progress."""

    def __init__(self, plan_id: int, week: int, item_id: str, label: str = "Done") -> None:
        super().__init__(discord.ui.Button(style=discord.ButtonStyle.secondary, label=clip(label, LABEL),
                                           custom_id=f"careerbot:done:{plan_id}:{week}:{item_id}"))
        self.plan_id = plan_id
        self.week = week
        self.item_id = item_id

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        return await admit(getattr(interaction.client, "lifecycle", None), interaction)  # (see GroupButton)

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str], /) -> DoneButton:
        return cls(int(match["plan"]), int(match["week"]), match["item"])

    async def callback(self, interaction: discord.Interaction) -> None:
        bot: CareerBot = interaction.client  # type: ignore[assignment]
        lang = interaction_lang(interaction)
        guild_id, user = interaction.guild_id, interaction.user.id
        if guild_id is None:
            return
        try:
            # One transaction: the item marked done (at the bot's clock) and what the reply needs.
            got = await patiently(interaction, bot.store.run(Store.checkin_done, self.plan_id, guild_id, user,
                                                             self.item_id, bot.groups.now()))
        except StoreError as exc:
            await _store_trouble(interaction, exc, f"done of item {self.item_id}")
            return
        if got is None:
            await send_ephemeral(interaction, t("sg_gone", lang))
            return
        plan = GroupPlan.from_json(got.plan.plan)
        items = {b.item.id for b in week_items(bot.groups.schedule(plan, got.plan.lang), self.week)}
        item = bot.kb.items.get(self.item_id)
        title = item.title.get(lang) if item else self.item_id
        lines = [t("sg_marked_done" if got.new else "sg_already_done", lang, title=title,
                   d=len(items & got.completed), n=len(items))]
        if not got.member:
            lines.append(t("sg_done_join_hint", lang))
        if got.new:
            log.info("user %s marked %s done from group plan %s week %s", user, self.item_id, self.plan_id,
                     self.week)
        await send_ephemeral(interaction, "\n".join(lines))


def pinned_view(plan_id: int, lang: Lang) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    for action in ("join", "leave", "remind"):
        view.add_item(GroupButton(plan_id, action, lang))
    return view


def checkin_view(plan_id: int, week: int, items: Sequence[Item], lang: Lang) -> discord.ui.View | None:
    """A Done button per item of the week (at most 25, Discord's limit); None for a week without items."""
    if not items:
        return None
    view = discord.ui.View(timeout=None)
    for item in items[:MAX_BUTTONS]:
        view.add_item(DoneButton(plan_id, week, item.id, t("sg_done", lang, title=item.title.get(lang))))
    return view
