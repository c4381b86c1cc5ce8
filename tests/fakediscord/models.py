"""Configuration objects, permission bits, snowflakes and payload builders for the fake Discord server.

Everything here is plain data: no event loop, no locks.  The server (``server.py``) owns the mutable state.
"""

from __future__ import annotations

import datetime as _dt
import enum
import itertools
import threading
import time
from dataclasses import dataclass, field
from typing import Any

DISCORD_EPOCH_MS = 1420070400000


class Perm(enum.IntFlag):
    """Discord permission bits (the subset a text bot cares about, plus the 2025 PIN_MESSAGES split)."""

    CREATE_INSTANT_INVITE = 1 << 0
    KICK_MEMBERS = 1 << 1
    BAN_MEMBERS = 1 << 2
    ADMINISTRATOR = 1 << 3
    MANAGE_CHANNELS = 1 << 4
    MANAGE_GUILD = 1 << 5
    ADD_REACTIONS = 1 << 6
    VIEW_AUDIT_LOG = 1 << 7
    VIEW_CHANNEL = 1 << 10
    SEND_MESSAGES = 1 << 11
    SEND_TTS_MESSAGES = 1 << 12
    MANAGE_MESSAGES = 1 << 13
    EMBED_LINKS = 1 << 14
    ATTACH_FILES = 1 << 15
    READ_MESSAGE_HISTORY = 1 << 16
    MENTION_EVERYONE = 1 << 17
    USE_EXTERNAL_EMOJIS = 1 << 18
    CHANGE_NICKNAME = 1 << 26
    MANAGE_NICKNAMES = 1 << 27
    MANAGE_ROLES = 1 << 28
    MANAGE_WEBHOOKS = 1 << 29
    USE_APPLICATION_COMMANDS = 1 << 31
    MANAGE_THREADS = 1 << 34
    CREATE_PUBLIC_THREADS = 1 << 35
    CREATE_PRIVATE_THREADS = 1 << 36
    SEND_MESSAGES_IN_THREADS = 1 << 38
    MODERATE_MEMBERS = 1 << 40
    PIN_MESSAGES = 1 << 51


ALL_PERMISSIONS = (1 << 53) - 1

DEFAULT_EVERYONE_PERMISSIONS = int(
    Perm.CREATE_INSTANT_INVITE
    | Perm.ADD_REACTIONS
    | Perm.VIEW_CHANNEL
    | Perm.SEND_MESSAGES
    | Perm.EMBED_LINKS
    | Perm.ATTACH_FILES
    | Perm.READ_MESSAGE_HISTORY
    | Perm.USE_EXTERNAL_EMOJIS
    | Perm.CHANGE_NICKNAME
    | Perm.USE_APPLICATION_COMMANDS
    | Perm.CREATE_PUBLIC_THREADS
    | Perm.SEND_MESSAGES_IN_THREADS
)

#: What the bot's managed role grants by default.  Deliberately *without* PIN_MESSAGES so that taking
#: MANAGE_MESSAGES away is enough to make pinning fail (see ``FakeDiscord(pin_permission=...)``).
DEFAULT_BOT_PERMISSIONS = int(
    Perm.VIEW_CHANNEL
    | Perm.SEND_MESSAGES
    | Perm.EMBED_LINKS
    | Perm.ATTACH_FILES
    | Perm.READ_MESSAGE_HISTORY
    | Perm.ADD_REACTIONS
    | Perm.MANAGE_MESSAGES
    | Perm.CREATE_PUBLIC_THREADS
    | Perm.SEND_MESSAGES_IN_THREADS
    | Perm.MANAGE_THREADS
    | Perm.USE_APPLICATION_COMMANDS
)


class Intent(enum.IntFlag):
    GUILDS = 1 << 0
    GUILD_MEMBERS = 1 << 1
    GUILD_MESSAGES = 1 << 9
    GUILD_MESSAGE_REACTIONS = 1 << 10
    DIRECT_MESSAGES = 1 << 12
    MESSAGE_CONTENT = 1 << 15
    GUILD_PRESENCES = 1 << 8


PRIVILEGED_INTENTS = int(Intent.GUILD_MEMBERS | Intent.GUILD_PRESENCES | Intent.MESSAGE_CONTENT)


# --------------------------------------------------------------------------------------------- snowflakes


class SnowflakeGenerator:
    """Time-based, strictly increasing snowflakes (so discord.py's ``created_at`` maths stays sane)."""

    def __init__(self, worker: int = 1) -> None:
        self._lock = threading.Lock()
        self._last = 0
        self._worker = worker & 0x1F
        self._counter = itertools.count()

    def __call__(self) -> int:
        with self._lock:
            ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
            candidate = (ms << 22) | (self._worker << 17) | (next(self._counter) & 0xFFF)
            if candidate <= self._last:
                candidate = self._last + 1
            self._last = candidate
            return candidate


def iso_now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat()


# ------------------------------------------------------------------------------------------ configuration


@dataclass
class RoleSpec:
    id: int
    name: str
    permissions: int = 0
    position: int = 0
    color: int = 0
    hoist: bool = False
    mentionable: bool = False
    managed: bool = False
    bot_id: int | None = None  # set for a bot's managed integration role

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "id": str(self.id),
            "name": self.name,
            "color": self.color,
            "colors": {"primary_color": self.color, "secondary_color": None, "tertiary_color": None},
            "hoist": self.hoist,
            "icon": None,
            "unicode_emoji": None,
            "position": self.position,
            "permissions": str(int(self.permissions)),
            "managed": self.managed,
            "mentionable": self.mentionable,
            "flags": 0,
        }
        if self.bot_id is not None:
            payload["tags"] = {"bot_id": str(self.bot_id)}
        return payload


@dataclass
class ChannelSpec:
    id: int
    name: str
    type: int = 0  # 0 text, 5 announcement, 11 public thread, 12 private thread, 1 DM
    position: int = 0
    topic: str | None = None
    parent_id: int | None = None
    nsfw: bool = False
    rate_limit_per_user: int = 0
    #: Discord-shaped overwrites: {"id": "<role or user id>", "type": 0 (role) | 1 (member),
    #: "allow": "<int>", "deny": "<int>"}
    permission_overwrites: list[dict[str, Any]] = field(default_factory=list)
    # thread-only
    owner_id: int | None = None
    archived: bool = False
    locked: bool = False
    auto_archive_duration: int = 1440
    created_at: str = field(default_factory=iso_now)

    @property
    def is_thread(self) -> bool:
        return self.type in (10, 11, 12)

    def to_payload(self, guild_id: int | None) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "id": str(self.id),
            "type": self.type,
            "name": self.name,
            "position": self.position,
            "flags": 0,
            "last_message_id": None,
            "rate_limit_per_user": self.rate_limit_per_user,
        }
        if guild_id is not None:
            payload["guild_id"] = str(guild_id)
        if self.is_thread:
            payload.update(
                {
                    "parent_id": str(self.parent_id) if self.parent_id else None,
                    "owner_id": str(self.owner_id) if self.owner_id else None,
                    "message_count": 0,
                    "member_count": 1,
                    "total_message_sent": 0,
                    "thread_metadata": {
                        "archived": self.archived,
                        "auto_archive_duration": self.auto_archive_duration,
                        "archive_timestamp": self.created_at,
                        "locked": self.locked,
                        "create_timestamp": self.created_at,
                        **({"invitable": True} if self.type == 12 else {}),
                    },
                }
            )
        else:
            payload.update(
                {
                    "parent_id": str(self.parent_id) if self.parent_id else None,
                    "topic": self.topic,
                    "nsfw": self.nsfw,
                    "permission_overwrites": [dict(o) for o in self.permission_overwrites],
                    "default_auto_archive_duration": 1440,
                    "default_thread_rate_limit_per_user": 0,
                }
            )
        return payload


@dataclass
class MemberSpec:
    id: int
    username: str
    roles: list[int] = field(default_factory=list)
    bot: bool = False
    nick: str | None = None
    global_name: str | None = None
    joined_at: str = "2024-01-01T00:00:00+00:00"

    def user_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "id": str(self.id),
            "username": self.username,
            "discriminator": "0",
            "global_name": self.global_name,
            "avatar": None,
            "public_flags": 0,
            "flags": 0,
            "banner": None,
            "accent_color": None,
            "avatar_decoration_data": None,
            "primary_guild": None,
            "collectibles": None,
        }
        if self.bot:
            payload["bot"] = True
        return payload

    def member_payload(self, *, with_user: bool = True, permissions: int | None = None) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "roles": [str(r) for r in self.roles],
            "nick": self.nick,
            "avatar": None,
            "banner": None,
            "joined_at": self.joined_at,
            "premium_since": None,
            "deaf": False,
            "mute": False,
            "pending": False,
            "flags": 0,
            "communication_disabled_until": None,
            "avatar_decoration_data": None,
        }
        if with_user:
            payload["user"] = self.user_payload()
        if permissions is not None:
            payload["permissions"] = str(int(permissions))
        return payload


@dataclass
class GuildSpec:
    id: int
    name: str
    owner_id: int
    channels: list[ChannelSpec] = field(default_factory=list)
    roles: list[RoleSpec] = field(default_factory=list)  # must contain @everyone (id == guild id)
    members: list[MemberSpec] = field(default_factory=list)  # the bot member is added automatically
    preferred_locale: str = "en-US"
    #: Permissions of the bot's managed role (created automatically if no role has ``bot_id``).
    bot_permissions: int = DEFAULT_BOT_PERMISSIONS
    bot_role_id: int | None = None

    def role(self, role_id: int) -> RoleSpec | None:
        return next((r for r in self.roles if r.id == role_id), None)

    def member(self, user_id: int) -> MemberSpec | None:
        return next((m for m in self.members if m.id == user_id), None)

    def channel(self, channel_id: int) -> ChannelSpec | None:
        return next((c for c in self.channels if c.id == channel_id), None)


# Default ids, usable as constants from tests.
GUILD_ID = 1001
CHANNEL_ID = 2001
EVERYONE_ROLE_ID = GUILD_ID
MODERATOR_ROLE_ID = 1101
MEMBER_ROLE_ID = 1102
BOT_ROLE_ID = 1199
OWNER_ID = 3000
MODERATOR_ID = 3001
MEMBER_ID = 3002
BOT_ID = 9001


def default_guild(
    *,
    guild_id: int = GUILD_ID,
    bot_permissions: int = DEFAULT_BOT_PERMISSIONS,
    preferred_locale: str = "en-US",
    extra_channels: list[ChannelSpec] | None = None,
) -> GuildSpec:
    """Guild 1001, #general 2001; owner 3000, moderator 3001 (Manage Messages+Manage Guild), member 3002."""
    return GuildSpec(
        id=guild_id,
        name="Careerbot Test Guild",
        owner_id=OWNER_ID,
        preferred_locale=preferred_locale,
        bot_permissions=bot_permissions,
        bot_role_id=BOT_ROLE_ID,
        channels=[ChannelSpec(id=CHANNEL_ID, name="general", position=0), *(extra_channels or [])],
        roles=[
            RoleSpec(id=guild_id, name="@everyone", permissions=DEFAULT_EVERYONE_PERMISSIONS, position=0),
            RoleSpec(id=MEMBER_ROLE_ID, name="Member", permissions=0, position=1),
            RoleSpec(
                id=MODERATOR_ROLE_ID,
                name="Moderator",
                permissions=int(Perm.MANAGE_MESSAGES | Perm.MANAGE_GUILD),
                position=2,
                hoist=True,
            ),
        ],
        members=[
            MemberSpec(id=OWNER_ID, username="owner", global_name="Owner"),
            MemberSpec(
                id=MODERATOR_ID, username="moderator", global_name="Moderator", roles=[MODERATOR_ROLE_ID]
            ),
            MemberSpec(id=MEMBER_ID, username="member", global_name="Member", roles=[MEMBER_ROLE_ID]),
        ],
    )


def numbered_guild_id(n: int) -> int:
    """Guild number ``n`` (from 1) of a multi-guild fake: its events go to shard ``n % shard_count``."""
    if n < 1:
        raise ValueError("guilds are numbered from 1")
    return (n << 22) | GUILD_ID


def numbered_channel_id(n: int, k: int = 0) -> int:
    """The ``k``-th text channel of guild number ``n``."""
    return n * 100_000 + CHANNEL_ID + k


def numbered_guild(n: int, *, channels: int = 1, members: list[MemberSpec] | None = None) -> GuildSpec:
    """Guild number ``n`` of a multi-guild fake (``FakeDiscord(guilds=[numbered_guild(n) for n in ...])``):
    id :func:`numbered_guild_id` (so that guild ``n`` is on shard ``n % shard_count``), text channels
    :func:`numbered_channel_id`, a Moderator role, the usual owner, moderator and member (users exist once
    across guilds) plus ``members``."""
    gid = numbered_guild_id(n)
    moderator_role = n * 100_000 + MODERATOR_ROLE_ID
    return GuildSpec(
        id=gid,
        name=f"Careerbot Test Guild {n}",
        owner_id=OWNER_ID,
        channels=[ChannelSpec(id=numbered_channel_id(n, k), name=f"general-{k}", position=k)
                  for k in range(channels)],
        roles=[
            RoleSpec(id=gid, name="@everyone", permissions=DEFAULT_EVERYONE_PERMISSIONS, position=0),
            RoleSpec(id=moderator_role, name="Moderator", permissions=int(Perm.MANAGE_MESSAGES | Perm.MANAGE_GUILD),
                     position=1),
        ],
        members=[
            MemberSpec(id=OWNER_ID, username="owner", global_name="Owner"),
            MemberSpec(id=MODERATOR_ID, username="moderator", global_name="Moderator", roles=[moderator_role]),
            MemberSpec(id=MEMBER_ID, username="member", global_name="Member"),
            *(members or []),
        ],
    )


# ------------------------------------------------------------------------------------------- permissions


def base_permissions(guild: GuildSpec, member: MemberSpec) -> int:
    if member.id == guild.owner_id:
        return ALL_PERMISSIONS
    everyone = guild.role(guild.id)
    perms = int(everyone.permissions) if everyone else 0
    for rid in member.roles:
        role = guild.role(rid)
        if role is not None:
            perms |= int(role.permissions)
    if perms & Perm.ADMINISTRATOR:
        return ALL_PERMISSIONS
    return perms


def channel_permissions(guild: GuildSpec, member: MemberSpec, channel: ChannelSpec | None) -> int:
    """Discord's documented algorithm: base perms, then @everyone, role and member overwrites."""
    perms = base_permissions(guild, member)
    if perms == ALL_PERMISSIONS or channel is None:
        return perms
    if channel.is_thread and channel.parent_id:
        parent = guild.channel(channel.parent_id)
        if parent is not None:
            channel = parent
    overwrites = {int(o["id"]): o for o in channel.permission_overwrites}
    everyone = overwrites.get(guild.id)
    if everyone:
        perms &= ~int(everyone.get("deny", 0))
        perms |= int(everyone.get("allow", 0))
    allow = deny = 0
    for rid in member.roles:
        o = overwrites.get(rid)
        if o and int(o.get("type", 0)) == 0:
            allow |= int(o.get("allow", 0))
            deny |= int(o.get("deny", 0))
    perms = (perms & ~deny) | allow
    own = overwrites.get(member.id)
    if own and int(own.get("type", 1)) == 1:
        perms = (perms & ~int(own.get("deny", 0))) | int(own.get("allow", 0))
    if not perms & Perm.VIEW_CHANNEL:
        return 0
    return perms
