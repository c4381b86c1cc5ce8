"""A fake Discord (REST v10 + JSON gateway) for end-to-end tests of discord.py bots.

from fakediscord import FakeDiscord          # or: from tests.fakediscord import FakeDiscord

with FakeDiscord() as fd:
    ...  # start the bot with Route.BASE = fd.api_base, DEFAULT_GATEWAY = yarl.URL(fd.gateway_url)
    fd.wait_until_ready()
    fd.inject_message(2001, 3002, f"<@{fd.bot.id}> hi")
    call = fd.wait_for_call("POST", r"^/channels/2001/messages$")

Several guilds split across gateway shards (guild n on shard n % 4; see ``FakeDiscord.wait_for_shards``):

with FakeDiscord(guilds=[numbered_guild(n) for n in range(1, 9)], shard_count=4) as fd:
    ...
"""

from .models import (
    ALL_PERMISSIONS,
    BOT_ID,
    BOT_ROLE_ID,
    CHANNEL_ID,
    DEFAULT_BOT_PERMISSIONS,
    DEFAULT_EVERYONE_PERMISSIONS,
    EVERYONE_ROLE_ID,
    GUILD_ID,
    MEMBER_ID,
    MEMBER_ROLE_ID,
    MODERATOR_ID,
    MODERATOR_ROLE_ID,
    OWNER_ID,
    ChannelSpec,
    GuildSpec,
    Intent,
    MemberSpec,
    Perm,
    RoleSpec,
    default_guild,
    numbered_channel_id,
    numbered_guild,
    numbered_guild_id,
)
from .server import (
    Call,
    FakeDiscord,
    GatewayConnection,
    InjectedInteraction,
    InteractionResponse,
    UploadedFile,
    shard_of,
)
from .validation import ApiError

__all__ = [
    "ALL_PERMISSIONS",
    "BOT_ID",
    "BOT_ROLE_ID",
    "CHANNEL_ID",
    "DEFAULT_BOT_PERMISSIONS",
    "DEFAULT_EVERYONE_PERMISSIONS",
    "EVERYONE_ROLE_ID",
    "GUILD_ID",
    "MEMBER_ID",
    "MEMBER_ROLE_ID",
    "MODERATOR_ID",
    "MODERATOR_ROLE_ID",
    "OWNER_ID",
    "ApiError",
    "Call",
    "ChannelSpec",
    "FakeDiscord",
    "GatewayConnection",
    "GuildSpec",
    "InjectedInteraction",
    "Intent",
    "InteractionResponse",
    "MemberSpec",
    "Perm",
    "RoleSpec",
    "UploadedFile",
    "default_guild",
    "numbered_channel_id",
    "numbered_guild",
    "numbered_guild_id",
    "shard_of",
]
