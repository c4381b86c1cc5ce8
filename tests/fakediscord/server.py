"""An in-process fake of Discord's REST API v10 and JSON gateway, for end-to-end tests of discord.py bots.

Point the bot at it with::

    discord.http.Route.BASE = fd.api_base                      # "http://127.0.0.1:PORT/api/v10"
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(fd.gateway_url)   # "ws://127.0.0.1:PORT/gateway"

The server runs its own asyncio loop in a daemon thread, so it works from synchronous pytest
(``with FakeDiscord() as fd:``) and from async code (``async with FakeDiscord() as fd:``; the blocking waits
have ``*_async`` twins that do not block the caller's loop).

Sharding: ``FakeDiscord(shard_count=N)`` recommends N shards in ``GET /gateway/bot``; an IDENTIFY may carry
``shard: [id, count]`` (without one it is shard ``[0, 1]``). Each shard has its own session: its READY and
GUILD_CREATEs name only its guilds (``(guild_id >> 22) % count == id``, as Discord splits them), and an event
about a guild goes only to the session of that guild's shard (DMs to shard 0). A new IDENTIFY replaces the
session of the same shard id only.

Thread-safety: all mutable state is guarded by one re-entrant lock; request handlers run on the server loop
and only hold the lock for synchronous bookkeeping, so calling the query/inject helpers from any thread is
safe.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import functools
import itertools
import json
import logging
import re
import secrets
import threading
import time
import traceback
import zlib
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import aiohttp
from aiohttp import web

from .models import (
    ALL_PERMISSIONS,
    BOT_ID,
    CHANNEL_ID,
    MEMBER_ID,
    PRIVILEGED_INTENTS,
    ChannelSpec,
    GuildSpec,
    Intent,
    MemberSpec,
    Perm,
    RoleSpec,
    SnowflakeGenerator,
    channel_permissions,
    default_guild,
    iso_now,
)
from .validation import ApiError, form_error, validate_callback, validate_commands, validate_message_payload

if TYPE_CHECKING:
    from typing_extensions import Self

API_PREFIX = "/api/v10"
logger = logging.getLogger(__name__)
_AUTO: Any = object()

# Interaction types / callback types (Discord numbering)
PING, APPLICATION_COMMAND, MESSAGE_COMPONENT, AUTOCOMPLETE, MODAL_SUBMIT = 1, 2, 3, 4, 5
CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE_MESSAGE, UPDATE_MESSAGE = 4, 5, 6, 7
AUTOCOMPLETE_RESULT, MODAL = 8, 9
EPHEMERAL, LOADING = 1 << 6, 1 << 7
NONCE_WINDOW_S = 300.0  # how long Discord remembers an ``enforce_nonce`` nonce (a few minutes)

_MENTION_USER_RE = re.compile(r"<@!?(\d+)>")
_MENTION_ROLE_RE = re.compile(r"<@&(\d+)>")


# ----------------------------------------------------------------------------------------------- records


@dataclass(frozen=True)
class UploadedFile:
    field_name: str
    filename: str | None
    content_type: str | None
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass
class Call:
    """One HTTP request the bot made (recorded after it was answered)."""

    id: int
    method: str
    path: str  # API-relative, e.g. "/channels/2001/messages" (no "/api/v10", no query string)
    query: dict[str, str]
    json: Any  # parsed JSON body, or the ``payload_json`` part of a multipart body; None if no body
    files: list[UploadedFile]
    headers: dict[str, str]  # request headers without Authorization
    authorization: str | None  # "valid", "invalid" or None (header absent)
    time: float  # time.time() when the request arrived
    monotonic: float  # time.monotonic() when the request arrived
    status: int = 0
    response: Any = None
    route: str | None = None  # name of the matched route, None when unknown
    fault: bool = False  # answered by fail_next()

    def __repr__(self) -> str:
        return f"<Call #{self.id} {self.method} {self.path} -> {self.status} route={self.route}>"


@dataclass
class InteractionResponse:
    """Something the bot did with an interaction token (initial callback, followup, @original edit, ...)."""

    kind: str  # callback | followup | get_original | edit_original | delete_original | get_message |
    #            edit_message | delete_message
    type: int | None  # callback type for kind == "callback", else None
    body: Any  # request JSON
    elapsed: float  # seconds since the interaction was injected
    status: int
    message: dict[str, Any] | None
    call: Call


@dataclass(frozen=True)
class InjectedInteraction:
    id: int
    token: str
    payload: dict[str, Any]


@dataclass
class _Interaction:
    id: int
    token: str
    type: int
    payload: dict[str, Any]
    injected_at: float
    guild_id: int | None
    channel_id: int
    user_id: int
    acked_type: int | None = None
    original_message_id: int | None = None
    followup_ids: list[int] = field(default_factory=list)
    responses: list[InteractionResponse] = field(default_factory=list)


@dataclass
class GatewayConnection:
    """Bookkeeping for one websocket connection (visible to tests via ``fd.gateway_connections()``)."""

    id: int
    path: str
    query: dict[str, str]
    opened_at: float
    closed_at: float | None = None
    close_code: int | None = None
    op: str | None = None  # "identify" | "resume" | "resume-failed"
    heartbeats: int = 0


@dataclass
class _Fault:
    method: str | None
    pattern: re.Pattern[str]
    status: int | None  # None -> only delay, then handle normally
    body: Any
    times: int
    retry_after: float | None
    headers: dict[str, str]
    delay: float
    is_global: bool
    apply: bool = False  # carry the request out, then answer with the fault (a lost response)


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard that receives a guild's events (Discord's formula)."""
    return (int(guild_id) >> 22) % shard_count


class _Session:
    def __init__(self, session_id: str, identify: dict[str, Any], max_events: int) -> None:
        self.id = session_id
        self.identify = identify
        self.intents = int(identify.get("intents") or 0)
        shard = identify.get("shard") or [0, 1]
        self.shard_id, self.shard_count = int(shard[0]), int(shard[1])
        self.seq = 0
        self.events: deque[tuple[int, str, str]] = deque(maxlen=max_events)
        self.conn: _Conn | None = None
        self.ready_seq = 0
        self.invalid = False
        self.number = 0  # this session's IDENTIFY was the number-th

    def serves(self, guild_id: int | None) -> bool:
        """Whether this session receives events about ``guild_id`` (None: a DM, which goes to shard 0)."""
        if guild_id is None:
            return self.shard_id == 0
        return shard_of(guild_id, self.shard_count) == self.shard_id

    def is_ready(self) -> bool:
        return bool(self.conn and self.ready_seq and self.conn.last_sent >= self.ready_seq)


class _Conn:
    def __init__(self, info: GatewayConnection, ws: web.WebSocketResponse, request: web.Request) -> None:
        self.info = info
        self.ws = ws
        self.request = request
        self.session: _Session | None = None
        self.last_sent = 0
        self.wake = asyncio.Event()
        self.send_lock = asyncio.Lock()
        self.zlib: Any = None
        self.closed = False


def _dumps(obj: Any) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def _json_response(status: int, body: Any, headers: dict[str, str] | None = None) -> web.Response:
    # discord.py parses JSON only when Content-Type is *exactly* "application/json" (no charset suffix).
    hdrs = {"Content-Type": "application/json"}
    hdrs.update(headers or {})
    return web.Response(status=status, body=_dumps(body).encode(), headers=hdrs)


def _compile(pattern: str | re.Pattern[str] | None) -> re.Pattern[str]:
    if pattern is None:
        return re.compile("")
    if isinstance(pattern, re.Pattern):
        return pattern
    return re.compile(pattern)


# --------------------------------------------------------------------------------------------- the server


class FakeDiscord:
    """A fake Discord (REST v10 + JSON gateway) on 127.0.0.1 with an ephemeral port."""

    def __init__(
        self,
        *,
        token: str = "fake-bot-token",
        bot_id: int = BOT_ID,
        bot_username: str = "careerbot",
        application_id: int | None = None,
        guilds: Iterable[GuildSpec] | None = None,
        heartbeat_interval_ms: int = 41250,
        gateway_compression: bool = True,
        enforce_message_content_intent: bool = True,
        privileged_intents: int = PRIVILEGED_INTENTS,
        dispatch_own_messages: bool = True,
        ack_deadline: float | None = None,
        pin_permission: str = "either",
        max_pins: int = 50,
        rate_limit_headers: bool = True,
        dm_closed_users: Iterable[int] = (),
        max_buffered_events: int = 2000,
        shard_count: int = 1,
        max_concurrency: int = 1,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        if pin_permission not in ("either", "pin_messages", "manage_messages"):
            raise ValueError("pin_permission must be 'either', 'pin_messages' or 'manage_messages'")
        self.token = token
        self.bot = MemberSpec(id=bot_id, username=bot_username, bot=True, global_name=None)
        self.application_id = application_id or bot_id
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.gateway_compression = gateway_compression
        self.enforce_message_content_intent = enforce_message_content_intent
        self.privileged_intents = privileged_intents
        self.dispatch_own_messages = dispatch_own_messages
        self.ack_deadline = ack_deadline
        self.pin_permission = pin_permission
        self.max_pins = max_pins
        self.rate_limit_headers = rate_limit_headers
        self.dm_closed_users = set(dm_closed_users)
        self.max_buffered_events = max_buffered_events
        if shard_count < 1 or max_concurrency < 1:
            raise ValueError("shard_count and max_concurrency must be >= 1")
        self.shard_count = shard_count  # what GET /gateway/bot recommends
        self.max_concurrency = max_concurrency  # session_start_limit.max_concurrency
        self.host = host
        self._requested_port = port
        self.port: int = 0

        self._lock = threading.RLock()
        self._cond = threading.Condition(self._lock)
        self._snowflake = SnowflakeGenerator()
        self._call_ids = itertools.count(1)
        self._last_call_id = 0
        self._conn_ids = itertools.count(1)

        self._guilds: dict[int, GuildSpec] = {}
        self._channels: dict[int, tuple[GuildSpec | None, ChannelSpec]] = {}
        self._users: dict[int, MemberSpec] = {self.bot.id: self.bot}
        self._dm_channels: dict[int, int] = {}  # user id -> channel id
        for g in guilds if guilds is not None else [default_guild()]:
            self._add_guild(copy.deepcopy(g))

        self._calls: list[Call] = []
        self._messages: dict[int, dict[str, Any]] = {}
        self._channel_messages: dict[int, list[int]] = {}
        self._pins: dict[
            int, list[tuple[int, str]]
        ] = {}  # channel -> [(message id, pinned_at)], newest first
        self._reactions: dict[int, list[str]] = {}
        self._attachments: dict[str, tuple[str, bytes]] = {}
        self._commands: dict[int | None, list[dict[str, Any]]] = {}
        self._interactions: dict[int, _Interaction] = {}
        self._interactions_by_token: dict[str, _Interaction] = {}
        self._faults: list[_Fault] = []
        self._dispatched: list[tuple[int, str, dict[str, Any]]] = []
        self._errors: list[str] = []
        #: (channel id, nonce) -> (message id, time.monotonic()) for ``enforce_nonce`` de-duplication
        self._nonces: dict[tuple[int, str], tuple[int, float]] = {}

        self._sessions: dict[str, _Session] = {}
        self._session: _Session | None = None  # the session IDENTIFYed last
        self._shard_sessions: dict[int, _Session] = {}  # shard id -> its current session
        self._conns: list[_Conn] = []
        self._gateway_log: list[GatewayConnection] = []
        self._identify_payloads: list[dict[str, Any]] = []
        self._gateway_ops: list[dict[str, Any]] = []
        self.identify_count = 0
        self.resume_count = 0

        self._loop: asyncio.AbstractEventLoop | None = None
        self._tasks: set[asyncio.Future[Any]] = set()
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._routes = self._build_routes()

    # ------------------------------------------------------------------------------------- lifecycle

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def api_base(self) -> str:
        """Value for ``discord.http.Route.BASE``."""
        return f"{self.base_url}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        """Value for ``DiscordWebSocket.DEFAULT_GATEWAY`` (wrap in ``yarl.URL``)."""
        return f"ws://{self.host}:{self.port}/gateway"

    @property
    def resume_gateway_url(self) -> str:
        return f"ws://{self.host}:{self.port}/resume-gateway"

    def env(self) -> dict[str, str]:
        """Environment variables understood by tests/_fake_echo_bot.py (and handy for other bot scripts)."""
        return {
            "DISCORD_API_BASE": self.api_base,
            "DISCORD_GATEWAY_URL": self.gateway_url,
            "DISCORD_TOKEN": self.token,
        }

    def start(self, timeout: float = 10.0) -> Self:
        if self._thread is not None:
            raise RuntimeError("FakeDiscord already started")
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run_loop, name="FakeDiscord", daemon=True)
        self._thread.start()
        try:
            asyncio.run_coroutine_threadsafe(self._astart(), self._loop).result(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self, timeout: float = 10.0) -> None:
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        if self._on_loop():
            raise RuntimeError("FakeDiscord.stop() cannot be called from the server's own event loop")
        try:
            if loop.is_running():
                asyncio.run_coroutine_threadsafe(self._astop(), loop).result(timeout)
        except (TimeoutError, RuntimeError, OSError):  # pragma: no cover - best effort shutdown
            logger.warning("FakeDiscord: error while shutting down", exc_info=True)
        finally:
            if loop.is_running():
                loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout)
            if not thread.is_alive():
                loop.close()
            self._thread = None
            self._loop = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    async def __aenter__(self) -> Self:
        await asyncio.get_running_loop().run_in_executor(None, self.start)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await asyncio.get_running_loop().run_in_executor(None, self.stop)

    def _run_loop(self) -> None:
        assert self._loop is not None
        asyncio.set_event_loop(self._loop)
        try:
            self._loop.run_forever()
        finally:
            pending = [t for t in asyncio.all_tasks(self._loop) if not t.done()]
            for t in pending:
                t.cancel()
            if pending:
                self._loop.run_until_complete(asyncio.wait(pending, timeout=2.0))
            self._loop.run_until_complete(self._loop.shutdown_asyncgens())

    async def _astart(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway_handler)
        app.router.add_get("/resume-gateway", self._gateway_handler)
        app.router.add_get("/attachments/{key:.*}", self._attachment_handler)
        app.router.add_route("*", "/{tail:.*}", self._http_handler)
        self._runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=2.0, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self._requested_port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    async def _astop(self) -> None:
        for conn in list(self._conns):
            with contextlib.suppress(Exception):
                await asyncio.wait_for(conn.ws.close(code=1001, message=b"server shutting down"), 2.0)
        if self._runner is not None:
            await asyncio.wait_for(self._runner.cleanup(), 5.0)

    def _on_loop(self) -> bool:
        try:
            return asyncio.get_running_loop() is self._loop
        except RuntimeError:
            return False

    def _schedule(self, fn: Callable[..., Any], *args: Any) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(fn, *args)

    # -------------------------------------------------------------------------------------- config

    def _add_guild(self, g: GuildSpec) -> None:
        if g.role(g.id) is None:
            g.roles.insert(0, RoleSpec(id=g.id, name="@everyone", permissions=0))
        bot_role = next((r for r in g.roles if r.bot_id == self.bot.id), None)
        if bot_role is None:
            rid = g.bot_role_id or self._snowflake()
            bot_role = RoleSpec(
                id=rid,
                name=self.bot.username,
                permissions=g.bot_permissions,
                position=max((r.position for r in g.roles), default=0) + 1,
                managed=True,
                bot_id=self.bot.id,
            )
            g.roles.append(bot_role)
        g.bot_role_id = bot_role.id
        if g.member(self.bot.id) is None:
            g.members.append(
                MemberSpec(id=self.bot.id, username=self.bot.username, bot=True, roles=[bot_role.id])
            )
        self._guilds[g.id] = g
        for c in g.channels:
            self._channels[c.id] = (g, c)
        for m in g.members:
            self._users.setdefault(m.id, m)

    def guild(self, guild_id: int) -> GuildSpec:
        return self._guilds[guild_id]

    def set_bot_permissions(self, guild_id: int, permissions: int) -> None:
        """Change the bot's managed role permissions (dispatches GUILD_ROLE_UPDATE to keep the cache)."""
        with self._lock:
            g = self._guilds[guild_id]
            g.bot_permissions = int(permissions)
            role = g.role(g.bot_role_id or 0)
            assert role is not None
            role.permissions = int(permissions)
            self._dispatch("GUILD_ROLE_UPDATE", {"guild_id": str(g.id), "role": role.to_payload()})

    def set_member_roles(self, guild_id: int, user_id: int, roles: list[int]) -> None:
        """Replace a member's roles (dispatches GUILD_MEMBER_UPDATE)."""
        with self._lock:
            g = self._guilds[guild_id]
            m = g.member(user_id)
            if m is None:
                raise KeyError(f"user {user_id} is not a member of guild {guild_id}")
            m.roles = list(roles)
            payload = m.member_payload()
            payload["guild_id"] = str(g.id)
            self._dispatch("GUILD_MEMBER_UPDATE", payload)

    def bot_permissions(self, channel_id: int) -> int:
        """The bot's effective permissions in a channel (ALL for DMs)."""
        with self._lock:
            g, c = self._channels[channel_id]
            if g is None:
                return ALL_PERMISSIONS
            bot = g.member(self.bot.id)
            assert bot is not None
            return channel_permissions(g, bot, c)

    def member_permissions(self, channel_id: int, user_id: int) -> int:
        with self._lock:
            g, c = self._channels[channel_id]
            if g is None:
                return ALL_PERMISSIONS
            m = g.member(user_id)
            if m is None:
                raise KeyError(f"user {user_id} is not a member of guild {g.id}")
            return channel_permissions(g, m, c)

    def dm_channel_id(self, user_id: int) -> int:
        """The DM channel between the bot and ``user_id`` (created on first use)."""
        with self._lock:
            if user_id not in self._users:
                raise KeyError(f"unknown user {user_id}")
            cid = self._dm_channels.get(user_id)
            if cid is None:
                cid = self._snowflake()
                self._dm_channels[user_id] = cid
                self._channels[cid] = (None, ChannelSpec(id=cid, name="", type=1, owner_id=user_id))
            return cid

    # ------------------------------------------------------------------------------ query helpers

    def calls(self, method: str | None = None, path_regex: str | re.Pattern[str] | None = None) -> list[Call]:
        """Recorded HTTP calls, oldest first; ``path_regex`` is re.search'ed against the API-relative path."""
        pat = _compile(path_regex)
        with self._lock:
            return [
                c
                for c in self._calls
                if (method is None or c.method == method.upper()) and pat.search(c.path) is not None
            ]

    def clear_calls(self) -> None:
        """Forget the recorded HTTP calls (ids keep increasing, so ``after=`` marks stay valid)."""
        with self._lock:
            self._calls.clear()

    def mark(self) -> int:
        """Id of the last recorded call; pass as ``after=`` to only wait for newer calls."""
        with self._lock:
            return self._last_call_id

    def unknown_calls(self) -> list[Call]:
        """Calls that matched no implemented route (answered 404 "Unknown route")."""
        with self._lock:
            return [c for c in self._calls if c.route is None and not c.fault]

    def wait_for_call(
        self,
        method: str | None = None,
        path_regex: str | re.Pattern[str] | None = None,
        timeout: float = 5.0,
        *,
        after: int | Call | None = None,
        predicate: Callable[[Call], bool] | None = None,
    ) -> Call:
        """First recorded call matching (with id > ``after``); TimeoutError after ``timeout`` seconds."""
        pat = _compile(path_regex)
        after_id = after.id if isinstance(after, Call) else (after or 0)

        def find() -> Call | None:
            for c in self._calls:
                if c.id <= after_id or (method is not None and c.method != method.upper()):
                    continue
                if pat.search(c.path) is None:
                    continue
                if predicate is not None and not predicate(c):
                    continue
                return c
            return None

        if self._on_loop():
            raise RuntimeError("blocking FakeDiscord waits cannot run on the server loop")
        with self._cond:
            found = self._cond.wait_for(find, timeout=timeout)
            if found is None:
                recent = ", ".join(f"{c.method} {c.path} -> {c.status}" for c in self._calls[-15:])
                raise TimeoutError(
                    f"no {method or '*'} call matching {pat.pattern!r} within {timeout}s; "
                    f"recent calls: [{recent}]"
                )
            return found

    async def wait_for_call_async(self, *args: Any, **kwargs: Any) -> Call:
        return await asyncio.get_running_loop().run_in_executor(
            None, functools.partial(self.wait_for_call, *args, **kwargs)
        )

    def wait_until(self, predicate: Callable[[], Any], timeout: float = 5.0, message: str = "") -> Any:
        """Re-evaluate ``predicate`` whenever server state changes (and every 50 ms) until it is truthy."""
        if self._on_loop():
            raise RuntimeError("blocking FakeDiscord waits cannot run on the server loop")
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                value = predicate()
                if value:
                    return value
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(message or f"condition not met within {timeout}s")
                self._cond.wait(min(remaining, 0.05))

    async def wait_until_async(
        self, predicate: Callable[[], Any], timeout: float = 5.0, message: str = ""
    ) -> Any:
        return await asyncio.get_running_loop().run_in_executor(
            None, functools.partial(self.wait_until, predicate, timeout, message)
        )

    def is_ready(self) -> bool:
        """True once the session IDENTIFYed last, and every other connected one, had READY and all its
        GUILD_CREATEs written to the bot's socket."""
        with self._lock:
            s = self._session
            others = [o for o in self._shard_sessions.values() if o.conn is not None and not o.invalid]
            return bool(s and s.is_ready() and all(o.is_ready() for o in others))

    def shards_ready(self, shard_ids: Iterable[int], shard_count: int, *, since: int = 0) -> bool:
        """Whether each of ``shard_ids`` (of ``shard_count``) has a connected session that received its READY
        and GUILD_CREATEs, IDENTIFYed as one of the IDENTIFYs after the first ``since``."""
        with self._lock:
            for shard_id in shard_ids:
                s = self._shard_sessions.get(shard_id)
                if (s is None or s.invalid or s.shard_count != shard_count or s.number <= since
                        or not s.is_ready()):
                    return False
            return True

    def wait_for_shards(self, shard_ids: Iterable[int], shard_count: int, timeout: float = 10.0, *,
                        since: int = 0) -> None:
        """Wait until :meth:`shards_ready`."""
        wanted = list(shard_ids)
        self.wait_until(lambda: self.shards_ready(wanted, shard_count, since=since), timeout,
                        f"shards {wanted} of {shard_count} not ready within {timeout}s")

    def shard_sessions(self) -> dict[int, tuple[int, int]]:
        """Shard id -> (shard count, gateway connection id or 0 when disconnected) of the current sessions."""
        with self._lock:
            return {k: (s.shard_count, s.conn.info.id if s.conn else 0)
                    for k, s in self._shard_sessions.items() if not s.invalid}

    def wait_until_ready(self, timeout: float = 10.0) -> None:
        self.wait_until(self.is_ready, timeout, f"bot did not IDENTIFY and receive READY within {timeout}s")

    async def wait_until_ready_async(self, timeout: float = 10.0) -> None:
        await self.wait_until_async(self.is_ready, timeout, f"bot did not become ready within {timeout}s")

    def wait_for_identify(self, count: int = 1, timeout: float = 10.0) -> None:
        self.wait_until(lambda: self.identify_count >= count, timeout, f"fewer than {count} IDENTIFYs")

    def wait_for_resume(self, count: int = 1, timeout: float = 10.0) -> None:
        """Wait until ``count`` successful RESUMEs happened and the RESUMED event was written."""

        def done() -> bool:
            s = self._session
            return self.resume_count >= count and bool(s and s.conn and s.conn.last_sent >= s.seq)

        self.wait_until(done, timeout, f"fewer than {count} RESUMEs within {timeout}s")

    def identify_payloads(self) -> list[dict[str, Any]]:
        """IDENTIFY ``d`` payloads (token replaced by "<redacted>"), oldest first."""
        with self._lock:
            return copy.deepcopy(self._identify_payloads)

    @property
    def intents(self) -> int | None:
        """Intents of the current session's IDENTIFY."""
        with self._lock:
            return self._session.intents if self._session else None

    def gateway_connections(self) -> list[GatewayConnection]:
        with self._lock:
            return [copy.copy(c) for c in self._gateway_log]

    def gateway_ops(self, op: int | None = None) -> list[dict[str, Any]]:
        """Every payload the bot sent on the gateway (token redacted)."""
        with self._lock:
            return [copy.deepcopy(p) for p in self._gateway_ops if op is None or p.get("op") == op]

    def dispatched(self, event: str | None = None) -> list[tuple[int, str, dict[str, Any]]]:
        """(seq, event name, data) of every DISPATCH queued for the bot."""
        with self._lock:
            return [copy.deepcopy(e) for e in self._dispatched if event is None or e[1] == event]

    def messages(self, channel_id: int, *, include_ephemeral: bool = False) -> list[dict[str, Any]]:
        """Messages in a channel, oldest first (bot-sent and injected)."""
        with self._lock:
            out = [copy.deepcopy(self._messages[m]) for m in self._channel_messages.get(channel_id, [])]
            if include_ephemeral:
                extra = [
                    copy.deepcopy(m)
                    for m in self._messages.values()
                    if int(m["channel_id"]) == channel_id and int(m.get("flags", 0)) & EPHEMERAL
                ]
                out = sorted(out + extra, key=lambda m: int(m["id"]))
            return out

    def message(self, message_id: int) -> dict[str, Any] | None:
        with self._lock:
            m = self._messages.get(message_id)
            return copy.deepcopy(m) if m else None

    def pins(self, channel_id: int) -> list[dict[str, Any]]:
        """Pinned messages of a channel, most recently pinned first (Discord's order)."""
        with self._lock:
            return [copy.deepcopy(self._messages[mid]) for mid, _ in self._pins.get(channel_id, [])]

    def reactions(self, message_id: int) -> list[str]:
        with self._lock:
            return list(self._reactions.get(message_id, []))

    def commands(self, guild_id: int | None = None) -> list[dict[str, Any]]:
        """Application commands registered by the bot (global when ``guild_id`` is None)."""
        with self._lock:
            return copy.deepcopy(self._commands.get(guild_id, []))

    def interaction_responses(self, interaction: int | InjectedInteraction) -> list[InteractionResponse]:
        iid = interaction.id if isinstance(interaction, InjectedInteraction) else int(interaction)
        with self._lock:
            return list(self._interactions[iid].responses)

    def wait_for_interaction_response(
        self,
        interaction: int | InjectedInteraction,
        kind: str | None = None,
        timeout: float = 5.0,
        *,
        count: int = 1,
    ) -> InteractionResponse:
        """Wait until the bot made ``count`` successful (2xx) responses of ``kind``; returns the last one."""
        iid = interaction.id if isinstance(interaction, InjectedInteraction) else int(interaction)

        def found() -> InteractionResponse | None:
            rs = [
                r
                for r in self._interactions[iid].responses
                if (kind is None or r.kind == kind) and 200 <= r.status < 300
            ]
            return rs[count - 1] if len(rs) >= count else None

        return self.wait_until(
            found, timeout, f"interaction {iid}: no {kind or 'any'} response within {timeout}s"
        )

    async def wait_for_interaction_response_async(self, *args: Any, **kwargs: Any) -> InteractionResponse:
        return await asyncio.get_running_loop().run_in_executor(
            None, functools.partial(self.wait_for_interaction_response, *args, **kwargs)
        )

    # --------------------------------------------------------------------------------- faults

    def fail_next(
        self,
        method: str | None,
        path_regex: str | re.Pattern[str],
        status: int,
        body: Any = None,
        times: int = 1,
        retry_after: float | None = None,
        *,
        is_global: bool = False,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
        apply: bool = False,
    ) -> None:
        """Answer the next ``times`` matching calls with ``status`` (no side effects).

        429 gets Discord's rate-limit body and headers (``Via`` included: without it discord.py treats a
        429 as a Cloudflare ban and raises instead of retrying).  A ``str`` body is sent as text/html.
        ``apply=True`` carries the request out first and then answers with the fault, like a 5xx from
        Discord's edge after the backend did the work (the response was lost): a blind retry duplicates it.
        """
        with self._lock:
            self._faults.append(
                _Fault(
                    method=method.upper() if method else None,
                    pattern=_compile(path_regex),
                    status=status,
                    body=body,
                    times=times,
                    retry_after=retry_after,
                    headers=dict(headers or {}),
                    delay=delay,
                    is_global=is_global,
                    apply=apply,
                )
            )

    def delay_next(
        self, method: str | None, path_regex: str | re.Pattern[str], seconds: float, times: int = 1
    ) -> None:
        """Delay the next ``times`` matching calls by ``seconds`` and then handle them normally."""
        with self._lock:
            self._faults.append(
                _Fault(
                    method=method.upper() if method else None,
                    pattern=_compile(path_regex),
                    status=None,
                    body=None,
                    times=times,
                    retry_after=None,
                    headers={},
                    delay=seconds,
                    is_global=False,
                )
            )

    def faults_left(self) -> int:
        """How many calls the injected faults (``fail_next``/``delay_next``) are still waiting for."""
        with self._lock:
            return sum(f.times for f in self._faults)

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def _take_fault(self, method: str, path: str) -> _Fault | None:
        with self._lock:
            for f in self._faults:
                if (f.method is None or f.method == method) and f.pattern.search(path) and f.times > 0:
                    f.times -= 1
                    if f.times <= 0:
                        self._faults.remove(f)
                    return f
        return None

    # ------------------------------------------------------------------------------ gateway control

    def _target(self, shard: int | None) -> _Session | None:
        return self._session if shard is None else self._shard_sessions.get(shard)

    def drop_gateway(self, code: int = 4000, *, abrupt: bool = False, shard: int | None = None) -> None:
        """Close the bot's current gateway socket (non-blocking); that of ``shard`` when given, else the
        session IDENTIFYed last.

        ``code`` 4000 (or any resumable code) makes discord.py RESUME on ``resume_gateway_url``; ``abrupt``
        aborts the TCP connection without a close frame.
        """
        with self._lock:
            s = self._target(shard)
            conn = s.conn if s else None
        if conn is None:
            raise RuntimeError("no live gateway connection to drop")
        self._schedule(self._spawn, self._close_conn(conn, code, abrupt))

    def send_reconnect(self, shard: int | None = None) -> None:
        """Send op 7 RECONNECT (discord.py closes and RESUMEs)."""
        self._send_op_threadsafe({"op": 7, "d": None}, shard)

    def invalidate_session(self, resumable: bool = False, shard: int | None = None) -> None:
        """Send op 9 INVALID_SESSION; with ``resumable=False`` the session is forgotten (bot re-IDENTIFYs)."""
        with self._lock:
            s = self._target(shard)
            if s and not resumable:
                s.invalid = True
        self._send_op_threadsafe({"op": 9, "d": resumable}, shard)

    def _send_op_threadsafe(self, payload: dict[str, Any], shard: int | None = None) -> None:
        with self._lock:
            s = self._target(shard)
            conn = s.conn if s else None
        if conn is None:
            raise RuntimeError("no live gateway connection")
        self._schedule(self._spawn, self._send(conn, _dumps(payload)))

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _close_conn(self, conn: _Conn, code: int, abrupt: bool) -> None:
        if abrupt:
            transport = conn.request.transport
            if transport is not None:
                transport.abort()
            return
        with contextlib.suppress(Exception):
            await asyncio.wait_for(conn.ws.close(code=code, message=b"dropped by test"), 3.0)

    # ------------------------------------------------------------------------------------ dispatch

    def dispatch(self, event: str, data: dict[str, Any]) -> int | None:
        """Queue a raw DISPATCH for the bot (for the shard of ``data["guild_id"]``, shard 0 without one);
        returns its sequence number (None if no session takes it, e.g. filtered by intents)."""
        with self._lock:
            if self._session is None:
                raise RuntimeError("the bot has not IDENTIFYed yet")
            return self._dispatch(event, data)

    def _dispatch(self, event: str, data: dict[str, Any]) -> int | None:
        """Queue an event for every live session that serves its guild; the first one's sequence number."""
        with self._lock:
            raw = data.get("guild_id")
            guild_id = int(raw) if raw is not None else None
            seqs = [self._dispatch_to(s, event, data) for s in list(self._shard_sessions.values())
                    if not s.invalid and s.serves(guild_id)]
            return next((seq for seq in seqs if seq is not None), None)

    def _dispatch_to(self, s: _Session, event: str, data: dict[str, Any]) -> int | None:
        with self._lock:
            if s.invalid or not self._event_allowed(event, data, s.intents):
                return None
            data = copy.deepcopy(data)
            if event in ("MESSAGE_CREATE", "MESSAGE_UPDATE"):
                self._apply_content_intent(data, s.intents)
            s.seq += 1
            frame = _dumps({"op": 0, "t": event, "s": s.seq, "d": data})
            s.events.append((s.seq, event, frame))
            self._dispatched.append((s.seq, event, data))
            seq = s.seq
            self._cond.notify_all()
        self._schedule(self._wake, s)
        return seq

    def _wake(self, s: _Session) -> None:
        conn = s.conn
        if conn is not None and not conn.closed:
            conn.wake.set()

    @staticmethod
    def _event_allowed(event: str, data: dict[str, Any], intents: int) -> bool:
        in_guild = data.get("guild_id") is not None
        if event.startswith("MESSAGE_REACTION"):
            need = Intent.GUILD_MESSAGE_REACTIONS if in_guild else 1 << 13
        elif event.startswith("MESSAGE_"):
            need = Intent.GUILD_MESSAGES if in_guild else Intent.DIRECT_MESSAGES
        elif event == "CHANNEL_PINS_UPDATE":
            need = Intent.GUILDS if in_guild else Intent.DIRECT_MESSAGES
        elif event.startswith(("CHANNEL_", "THREAD_", "GUILD_ROLE_")):
            need = Intent.GUILDS
        elif event in ("GUILD_MEMBER_ADD", "GUILD_MEMBER_UPDATE", "GUILD_MEMBER_REMOVE"):
            need = Intent.GUILD_MEMBERS
        else:
            return True
        return bool(intents & need)

    def _apply_content_intent(self, msg: dict[str, Any], intents: int) -> None:
        """Without MESSAGE_CONTENT, Discord blanks content of guild messages that don't mention the bot."""
        if not self.enforce_message_content_intent or intents & Intent.MESSAGE_CONTENT:
            return
        if msg.get("guild_id") is None or str(msg.get("author", {}).get("id")) == str(self.bot.id):
            return
        if any(str(u.get("id")) == str(self.bot.id) for u in msg.get("mentions", [])):
            return
        for key, empty in (("content", ""), ("embeds", []), ("attachments", []), ("components", [])):
            if key in msg:
                msg[key] = copy.copy(empty)
        msg.pop("poll", None)

    # ----------------------------------------------------------------------------- gateway socket

    async def _gateway_handler(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(timeout=2.0, max_msg_size=16 * 1024 * 1024)
        await ws.prepare(request)
        info = GatewayConnection(
            id=next(self._conn_ids), path=request.path, query=dict(request.query), opened_at=time.monotonic()
        )
        conn = _Conn(info, ws, request)
        with self._lock:
            self._gateway_log.append(info)
            self._conns.append(conn)
            self._cond.notify_all()
        if request.query.get("encoding", "json") != "json":
            await ws.close(code=4002, message=b"Only JSON encoding is supported by FakeDiscord")
            return ws
        if self.gateway_compression and request.query.get("compress") == "zlib-stream":
            conn.zlib = zlib.compressobj()
        writer = asyncio.ensure_future(self._writer(conn))
        try:
            hello = {
                "op": 10,
                "d": {"heartbeat_interval": self.heartbeat_interval_ms, "_trace": ["fake-gateway"]},
            }
            await self._send(conn, _dumps(hello))
            idle = self.heartbeat_interval_ms / 1000 * 2 + 5
            while not ws.closed:
                try:
                    msg = await ws.receive(timeout=idle)
                except asyncio.TimeoutError:
                    await ws.close(code=4009, message=b"Session timed out")
                    break
                if msg.type not in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.BINARY):
                    break
                try:
                    text = (
                        msg.data if msg.type == aiohttp.WSMsgType.TEXT else zlib.decompress(msg.data).decode()
                    )
                    await self._on_gateway_payload(conn, text)
                except Exception:
                    logger.exception("FakeDiscord internal error while handling a gateway payload")
                    self._record_error("gateway payload")
                    await ws.close(code=4000, message=b"FakeDiscord internal error")
                    break
        except ConnectionResetError:
            pass
        finally:
            conn.closed = True
            writer.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await writer
            with self._lock:
                info.closed_at = time.monotonic()
                info.close_code = ws.close_code
                if conn.session is not None and conn.session.conn is conn:
                    conn.session.conn = None
                if conn in self._conns:
                    self._conns.remove(conn)
                self._cond.notify_all()
        return ws

    async def _send(self, conn: _Conn, text: str) -> bool:
        async with conn.send_lock:
            if conn.ws.closed:
                return False
            try:
                if conn.zlib is not None:
                    data = conn.zlib.compress(text.encode()) + conn.zlib.flush(zlib.Z_SYNC_FLUSH)
                    await conn.ws.send_bytes(data)
                else:
                    await conn.ws.send_str(text)
            except (ConnectionResetError, RuntimeError, aiohttp.ClientError):
                return False
            return True

    async def _writer(self, conn: _Conn) -> None:
        """Deliver the session's buffered DISPATCHes in sequence order (this is also how RESUME replays)."""
        while not conn.closed:
            await conn.wake.wait()
            conn.wake.clear()
            while not conn.closed:
                with self._lock:
                    s = conn.session
                    if s is None or s.conn is not conn:
                        break
                    pending = [(seq, frame) for seq, _, frame in s.events if seq > conn.last_sent]
                if not pending:
                    break
                for seq, frame in pending:
                    if not await self._send(conn, frame):
                        return
                    with self._lock:
                        conn.last_sent = seq
                        self._cond.notify_all()

    async def _on_gateway_payload(self, conn: _Conn, text: str) -> None:
        try:
            payload = json.loads(text)
        except ValueError:
            await conn.ws.close(code=4002, message=b"Error while decoding payload")
            return
        op = payload.get("op")
        recorded = copy.deepcopy(payload)
        if isinstance(recorded.get("d"), dict) and "token" in recorded["d"]:
            recorded["d"]["token"] = "<redacted>"
        with self._lock:
            self._gateway_ops.append(recorded)
            self._cond.notify_all()
        if op == 1:
            conn.info.heartbeats += 1
            await self._send(conn, _dumps({"op": 11}))
        elif op == 2:
            await self._on_identify(conn, payload.get("d") or {}, recorded.get("d") or {})
        elif op == 6:
            await self._on_resume(conn, payload.get("d") or {})
        elif op == 8:
            self._on_request_members(payload.get("d") or {})
        elif op in (3, 4):
            pass  # presence / voice state updates: accepted and recorded
        else:
            await conn.ws.close(code=4001, message=b"Unknown opcode")

    async def _on_identify(self, conn: _Conn, d: dict[str, Any], redacted: dict[str, Any]) -> None:
        if conn.session is not None:
            await conn.ws.close(code=4005, message=b"Already authenticated")
            return
        if d.get("token") != self.token:
            await conn.ws.close(code=4004, message=b"Authentication failed")
            return
        intents = d.get("intents")
        if intents is None:
            await conn.ws.close(code=4013, message=b"Invalid intent(s)")
            return
        if int(intents) & PRIVILEGED_INTENTS & ~self.privileged_intents:
            await conn.ws.close(code=4014, message=b"Disallowed intent(s)")
            return
        shard = d.get("shard")
        if shard is not None and not (
            isinstance(shard, list) and len(shard) == 2 and all(type(v) is int for v in shard)
            and 0 <= shard[0] < shard[1]
        ):
            await conn.ws.close(code=4010, message=b"Invalid shard")
            return
        with self._lock:
            s = _Session(secrets.token_hex(16), redacted, self.max_buffered_events)
            old = self._shard_sessions.get(s.shard_id)
            self._sessions[s.id] = s
            self._session = s
            self._shard_sessions[s.shard_id] = s
            self._identify_payloads.append(redacted)
            self.identify_count += 1
            s.number = self.identify_count
            conn.info.op = "identify"
            conn.session = s
            s.conn = conn
            conn.last_sent = 0
            if old is not None:
                old.invalid = True
            self._dispatch_to(s, "READY", self._ready_payload(d, s))
            for g in self._guilds.values():
                if s.serves(g.id):
                    self._dispatch_to(s, "GUILD_CREATE", self._guild_create_payload(g, s.intents))
            s.ready_seq = s.seq
        if old is not None and old.conn is not None and old.conn is not conn:
            self._spawn(self._close_conn(old.conn, 4000, False))

    async def _on_resume(self, conn: _Conn, d: dict[str, Any]) -> None:
        with self._lock:
            s = self._sessions.get(str(d.get("session_id")))
            seq = d.get("seq") or 0
            oldest = s.events[0][0] if s and s.events else 0
            ok = (
                s is not None
                and s is self._shard_sessions.get(s.shard_id)
                and not s.invalid
                and d.get("token") == self.token
                and (oldest == 0 or seq >= oldest - 1)
            )
            if not ok:
                conn.info.op = "resume-failed"
            else:
                assert s is not None
                old = s.conn
                conn.info.op = "resume"
                conn.session = s
                s.conn = conn
                conn.last_sent = int(seq)
                self.resume_count += 1
                self._dispatch_to(s, "RESUMED", {"_trace": ["fake-gateway"]})
        if not ok:
            await self._send(conn, _dumps({"op": 9, "d": False}))
            return
        if old is not None and old is not conn:
            self._spawn(self._close_conn(old, 4000, False))
        conn.wake.set()

    def _on_request_members(self, d: dict[str, Any]) -> None:
        with self._lock:
            g = self._guilds.get(int(d.get("guild_id") or 0))
            if g is None:
                return
            members = list(g.members)
            if d.get("user_ids"):
                wanted = {int(u) for u in d["user_ids"]}
                members = [m for m in members if m.id in wanted]
            elif d.get("query"):
                q = str(d["query"]).lower()
                members = [m for m in members if m.username.lower().startswith(q)]
            limit = int(d.get("limit") or 0)
            if limit:
                members = members[:limit]
            payload = {
                "guild_id": str(g.id),
                "members": [m.member_payload() for m in members],
                "chunk_index": 0,
                "chunk_count": 1,
                "not_found": [],
            }
            if d.get("nonce") is not None:
                payload["nonce"] = d["nonce"]
            self._dispatch("GUILD_MEMBERS_CHUNK", payload)

    def _app_flags(self) -> int:
        flags = 1 << 23  # APPLICATION_COMMAND_BADGE
        if self.privileged_intents & Intent.GUILD_PRESENCES:
            flags |= 1 << 13
        if self.privileged_intents & Intent.GUILD_MEMBERS:
            flags |= 1 << 15
        if self.privileged_intents & Intent.MESSAGE_CONTENT:
            flags |= 1 << 19
        return flags

    def _bot_user_payload(self) -> dict[str, Any]:
        payload = self.bot.user_payload()
        payload.update(
            {"bot": True, "verified": True, "mfa_enabled": False, "email": None, "locale": "en-US"}
        )
        return payload

    def _ready_payload(self, identify: dict[str, Any], s: _Session) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "v": 10,
            "user": self._bot_user_payload(),
            "user_settings": {},
            "guilds": [{"id": str(g), "unavailable": True} for g in self._guilds if s.serves(g)],
            "session_id": s.id,
            "session_type": "normal",
            "resume_gateway_url": self.resume_gateway_url,
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "application": {"id": str(self.application_id), "flags": self._app_flags()},
            "_trace": ["fake-gateway"],
        }
        if identify.get("shard") is not None:
            payload["shard"] = identify["shard"]
        return payload

    def _guild_payload(self, g: GuildSpec) -> dict[str, Any]:
        return {
            "id": str(g.id),
            "name": g.name,
            "icon": None,
            "splash": None,
            "discovery_splash": None,
            "banner": None,
            "description": None,
            "owner_id": str(g.owner_id),
            "afk_channel_id": None,
            "afk_timeout": 300,
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "premium_subscription_count": 0,
            "premium_progress_bar_enabled": False,
            "preferred_locale": g.preferred_locale,
            "system_channel_id": None,
            "system_channel_flags": 0,
            "rules_channel_id": None,
            "public_updates_channel_id": None,
            "safety_alerts_channel_id": None,
            "vanity_url_code": None,
            "application_id": None,
            "max_members": 500000,
            "max_video_channel_users": 25,
            "max_stage_video_channel_users": 50,
            "widget_enabled": False,
            "features": [],
            "roles": [r.to_payload() for r in g.roles],
            "emojis": [],
            "stickers": [],
            "incidents_data": None,
        }

    def _guild_create_payload(self, g: GuildSpec, intents: int) -> dict[str, Any]:
        payload = self._guild_payload(g)
        members = (
            g.members if intents & Intent.GUILD_MEMBERS else [m for m in g.members if m.id == self.bot.id]
        )
        payload.update(
            {
                "joined_at": "2024-01-01T00:00:00+00:00",
                "large": False,
                "unavailable": False,
                "member_count": len(g.members),
                "members": [m.member_payload() for m in members],
                "channels": [c.to_payload(None) for c in g.channels if not c.is_thread],
                "threads": [c.to_payload(g.id) for c in g.channels if c.is_thread],
                "presences": [],
                "voice_states": [],
                "stage_instances": [],
                "guild_scheduled_events": [],
                "soundboard_sounds": [],
                "lazy": True,
            }
        )
        return payload

    # --------------------------------------------------------------------------- message building

    def _user(self, user_id: int) -> MemberSpec:
        u = self._users.get(user_id)
        if u is None:
            raise KeyError(f"unknown user {user_id}")
        return u

    def _channel(self, channel_id: int) -> tuple[GuildSpec | None, ChannelSpec]:
        found = self._channels.get(channel_id)
        if found is None:
            raise ApiError(404, 10003, "Unknown Channel")
        return found

    def _mention_obj(self, g: GuildSpec | None, user_id: int) -> dict[str, Any]:
        u = self._user(user_id)
        obj = u.user_payload()
        if g is not None:
            m = g.member(user_id)
            if m is not None:
                obj["member"] = m.member_payload(with_user=False)
        return obj

    def _make_attachments(
        self, channel_id: int, payload: dict[str, Any], files: list[UploadedFile]
    ) -> list[dict[str, Any]]:
        out = []
        by_index = {str(a.get("id")): a for a in payload.get("attachments") or []}
        for i, f in enumerate(files):
            meta = by_index.get(str(i), {})
            aid = self._snowflake()
            filename = meta.get("filename") or f.filename or f"file{i}"
            key = f"{channel_id}/{aid}/{filename}"
            self._attachments[key] = (f.content_type or "application/octet-stream", f.data)
            out.append(
                {
                    "id": str(aid),
                    "filename": filename,
                    "size": f.size,
                    "url": f"{self.base_url}/attachments/{key}",
                    "proxy_url": f"{self.base_url}/attachments/{key}",
                    "content_type": f.content_type,
                    "description": meta.get("description"),
                    "ephemeral": False,
                    "flags": 0,
                }
            )
        return out

    def _build_message(
        self,
        *,
        channel_id: int,
        author_id: int,
        payload: dict[str, Any],
        files: list[UploadedFile] | None = None,
        msg_type: int | None = None,
        webhook_id: int | None = None,
        interaction: _Interaction | None = None,
        mentions: list[int] | None = None,
        mention_roles: list[int] | None = None,
        mention_everyone: bool | None = None,
    ) -> dict[str, Any]:
        g, c = self._channel(channel_id)
        author = self._user(author_id)
        content = payload.get("content") or ""
        allowed = payload.get("allowed_mentions")
        parse = set(allowed.get("parse", [])) if allowed is not None else {"users", "roles", "everyone"}

        if mentions is None:
            ids = [int(x) for x in _MENTION_USER_RE.findall(content)]
            if allowed is not None and "users" not in parse:
                ids = [i for i in ids if str(i) in {str(x) for x in allowed.get("users", [])}]
            mentions = [i for i in dict.fromkeys(ids) if i in self._users]
        if mention_roles is None:
            rids = [int(x) for x in _MENTION_ROLE_RE.findall(content)]
            if allowed is not None and "roles" not in parse:
                rids = [i for i in rids if str(i) in {str(x) for x in allowed.get("roles", [])}]
            mention_roles = [r for r in dict.fromkeys(rids) if g is not None and g.role(r) is not None]
        if mention_everyone is None:
            mention_everyone = ("@everyone" in content or "@here" in content) and "everyone" in parse
            if mention_everyone and g is not None and g.member(author_id) is not None:
                mention_everyone = bool(
                    channel_permissions(g, g.member(author_id), c) & Perm.MENTION_EVERYONE
                )  # type: ignore[arg-type]
        reply_to = payload.get("message_reference")
        mid = self._snowflake()
        embeds = [dict(e) for e in payload.get("embeds") or []]
        for e in embeds:
            e.setdefault("type", "rich")
        attachments = self._make_attachments(channel_id, payload, files or [])
        if msg_type is None:
            msg_type = 19 if reply_to else 0
        msg: dict[str, Any] = {
            "id": str(mid),
            "type": msg_type,
            "channel_id": str(channel_id),
            "author": author.user_payload() if author.id != self.bot.id else self._bot_user_payload(),
            "content": content,
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": bool(payload.get("tts", False)),
            "mention_everyone": mention_everyone,
            "mentions": [self._mention_obj(g, u) for u in mentions],
            "mention_roles": [str(r) for r in mention_roles],
            "attachments": attachments,
            "embeds": embeds,
            "components": copy.deepcopy(payload.get("components") or []),
            "pinned": False,
            "flags": int(payload.get("flags") or 0),
        }
        if g is not None:
            msg["guild_id"] = str(g.id)
            m = g.member(author_id)
            if m is not None and webhook_id is None:
                msg["member"] = m.member_payload(with_user=False)
        if payload.get("nonce") is not None:
            msg["nonce"] = payload["nonce"]
        if payload.get("sticker_ids"):
            msg["sticker_items"] = []
        if payload.get("poll"):
            msg["poll"] = payload["poll"]
        if webhook_id is not None:
            msg["webhook_id"] = str(webhook_id)
            msg["application_id"] = str(self.application_id)
        if interaction is not None:
            meta = {
                "id": str(interaction.id),
                "type": interaction.type,
                "user": self._user(interaction.user_id).user_payload(),
                "authorizing_integration_owners": {"0": str(interaction.guild_id or 0)},
            }
            if interaction.type == APPLICATION_COMMAND:
                meta["name"] = interaction.payload["data"].get("name")
            msg["interaction_metadata"] = meta
        if reply_to:
            ref_id = int(reply_to.get("message_id") or 0)
            ref = self._messages.get(ref_id)
            if ref is None and reply_to.get("fail_if_not_exists", True):
                raise form_error(
                    ["message_reference"], "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message"
                )
            msg["message_reference"] = {
                "type": int(reply_to.get("type", 0)),
                "message_id": str(ref_id),
                "channel_id": str(reply_to.get("channel_id") or channel_id),
                **({"guild_id": str(g.id)} if g is not None else {}),
            }
            msg["referenced_message"] = copy.deepcopy(ref) if ref is not None else None
            if ref is not None:
                ref_author = int(ref["author"]["id"])
                replied = allowed is None or bool(allowed.get("replied_user", False))
                if replied and ref_author not in mentions and ref_author in self._users:
                    msg["mentions"].append(self._mention_obj(g, ref_author))
        return msg

    def _store_message(self, msg: dict[str, Any]) -> None:
        mid = int(msg["id"])
        self._messages[mid] = msg
        if not int(msg.get("flags", 0)) & EPHEMERAL:
            self._channel_messages.setdefault(int(msg["channel_id"]), []).append(mid)
        self._cond.notify_all()

    def _create_message_and_dispatch(self, msg: dict[str, Any]) -> None:
        self._store_message(msg)
        ephemeral = int(msg.get("flags", 0)) & EPHEMERAL
        if not ephemeral and (self.dispatch_own_messages or int(msg["author"]["id"]) != self.bot.id):
            self._dispatch("MESSAGE_CREATE", msg)

    def _update_message(
        self, msg: dict[str, Any], payload: dict[str, Any], files: list[UploadedFile]
    ) -> None:
        if "content" in payload:
            msg["content"] = payload["content"] or ""
        if "embeds" in payload:
            msg["embeds"] = [{"type": "rich", **e} for e in payload["embeds"] or []]
        if "components" in payload:
            msg["components"] = copy.deepcopy(payload["components"] or [])
        if payload.get("flags") is not None:
            editable = 4 | (1 << 15)  # SUPPRESS_EMBEDS, IS_COMPONENTS_V2
            msg["flags"] = (int(msg.get("flags", 0)) & ~editable) | (int(payload["flags"]) & editable)
        if "attachments" in payload or files:
            keep_ids = {str(a.get("id")) for a in payload.get("attachments") or []}
            kept = [a for a in msg.get("attachments", []) if a["id"] in keep_ids]
            msg["attachments"] = kept + self._make_attachments(int(msg["channel_id"]), payload, files)
        msg["flags"] = int(msg.get("flags", 0)) & ~LOADING
        msg["edited_timestamp"] = iso_now()
        self._cond.notify_all()
        if not int(msg.get("flags", 0)) & EPHEMERAL:
            self._dispatch("MESSAGE_UPDATE", msg)

    # ------------------------------------------------------------------------------- injection

    def _require_session(self) -> None:
        if self._session is None:
            raise RuntimeError("the bot has not IDENTIFYed yet (use fd.wait_until_ready() first)")

    def inject_message(
        self,
        channel_id: int,
        author_id: int,
        content: str,
        mentions: list[int] | None = None,
        mention_everyone: bool | None = None,
        mention_roles: list[int] | None = None,
        *,
        reply_to: int | None = None,
        embeds: list[dict[str, Any]] | None = None,
        attachments: list[tuple[str, bytes, str]] | None = None,
    ) -> dict[str, Any]:
        """A user posts a message: stores it and dispatches MESSAGE_CREATE.

        ``mentions``/``mention_roles``/``mention_everyone`` default to what Discord derives from ``content``
        (``<@id>``, ``<@&id>``, ``@everyone``); pass explicit values to override.  ``attachments`` is a
        list of (filename, data, content_type).
        """
        with self._lock:
            self._require_session()
            payload: dict[str, Any] = {"content": content, "embeds": embeds or []}
            if reply_to is not None:
                payload["message_reference"] = {"message_id": str(reply_to), "channel_id": str(channel_id)}
            files = [UploadedFile(f"files[{i}]", n, ct, d) for i, (n, d, ct) in enumerate(attachments or [])]
            try:
                msg = self._build_message(
                    channel_id=channel_id,
                    author_id=author_id,
                    payload=payload,
                    files=files,
                    mentions=mentions,
                    mention_roles=mention_roles,
                    mention_everyone=mention_everyone,
                )
            except ApiError as exc:
                raise ValueError(f"cannot inject message: {exc}") from exc
            self._store_message(msg)
            self._dispatch("MESSAGE_CREATE", msg)
            return copy.deepcopy(msg)

    def seed_message(
        self, channel_id: int, author_id: int, content: str, *, pinned: bool = False
    ) -> dict[str, Any]:
        """Store a message in the channel history without dispatching anything (e.g. pre-existing pins)."""
        with self._lock:
            msg = self._build_message(
                channel_id=channel_id,
                author_id=author_id,
                payload={"content": content},
                mentions=[],
                mention_roles=[],
                mention_everyone=False,
            )
            self._store_message(msg)
            if pinned:
                msg["pinned"] = True
                self._pins.setdefault(channel_id, []).insert(0, (int(msg["id"]), iso_now()))
            return copy.deepcopy(msg)

    def seed_pins(self, channel_id: int, count: int, author_id: int | None = None) -> None:
        """Pre-fill ``count`` pinned messages (e.g. 50 to hit the pin limit)."""
        g, _ = self._channel(channel_id)
        author = author_id or (g.owner_id if g else self.bot.id)
        for i in range(count):
            self.seed_message(channel_id, author, f"seeded pin {i}", pinned=True)

    def _infer_option_type(self, value: Any) -> int:
        if isinstance(value, bool):
            return 5
        if isinstance(value, int):
            return 4
        if isinstance(value, float):
            return 10
        return 3

    def _registered_command(
        self, name: str, ctype: int, guild_id: int | None
    ) -> tuple[dict[str, Any] | None, int | None]:
        if guild_id is not None:
            for cmd in self._commands.get(guild_id, []):
                if cmd["name"] == name and int(cmd.get("type", 1)) == ctype:
                    return cmd, guild_id
        for cmd in self._commands.get(None, []):
            if cmd["name"] == name and int(cmd.get("type", 1)) == ctype:
                return cmd, None
        return None, None

    def _shorthand_options(
        self, path: list[str], options: dict[str, Any], schema: dict[str, Any] | None, focused: str | None
    ) -> list[dict[str, Any]]:
        """``inject_slash("stage set", options={"stage": "core-ml"})`` -> nested Discord option payloads."""
        node = schema
        for sub in path:
            node = next((o for o in (node or {}).get("options", []) if o.get("name") == sub), None)
        types = {o["name"]: int(o["type"]) for o in (node or {}).get("options", []) if "type" in o}
        leaf = []
        for k, v in options.items():
            opt: dict[str, Any] = {"name": k, "type": types.get(k, self._infer_option_type(v))}
            opt["value"] = str(v) if opt["type"] in (6, 7, 8, 9, 11) else v
            if focused == k:
                opt["focused"] = True
            leaf.append(opt)
        out = leaf
        for depth in range(len(path) - 1, -1, -1):
            sub_node = schema
            for sub in path[: depth + 1]:
                sub_node = next(
                    (o for o in (sub_node or {}).get("options", []) if o.get("name") == sub), None
                )
            otype = (
                int(sub_node["type"])
                if sub_node and "type" in sub_node
                else (1 if depth == len(path) - 1 else 2)
            )
            out = [{"type": otype, "name": path[depth], "options": out}]
        return out

    def _resolve_options(
        self, g: GuildSpec | None, options: list[dict[str, Any]], resolved: dict[str, Any]
    ) -> None:
        for opt in options:
            if opt.get("options"):
                self._resolve_options(g, opt["options"], resolved)
                continue
            t, v = opt.get("type"), opt.get("value")
            if v is None or t not in (6, 7, 8, 9) or opt.get("focused"):
                continue
            oid = int(v)
            if t in (6, 9) and oid in self._users:
                resolved.setdefault("users", {})[str(oid)] = self._user(oid).user_payload()
                m = g.member(oid) if g else None
                if m is not None and g is not None:
                    perms = channel_permissions(g, m, None)
                    resolved.setdefault("members", {})[str(oid)] = m.member_payload(
                        with_user=False, permissions=perms
                    )
            elif t in (8, 9) and g is not None and g.role(oid) is not None:
                resolved.setdefault("roles", {})[str(oid)] = g.role(oid).to_payload()  # type: ignore[union-attr]
            elif t == 7 and oid in self._channels:
                cg, ch = self._channels[oid]
                cp = ch.to_payload(cg.id if cg else None)
                if cg is not None:
                    bot = cg.member(self.bot.id)
                    cp["permissions"] = str(channel_permissions(cg, bot, ch)) if bot else "0"
                resolved.setdefault("channels", {})[str(oid)] = cp

    def inject_interaction(
        self,
        type: int = APPLICATION_COMMAND,
        *,
        name: str | None = None,
        options: list[dict[str, Any]] | dict[str, Any] | None = None,
        focused: str | None = None,
        command_type: int = 1,
        command_id: int | None = None,
        command_guild_id: int | None = _AUTO,
        target_id: int | None = None,
        resolved: dict[str, Any] | None = None,
        custom_id: str | None = None,
        component_type: int = 2,
        values: list[str] | None = None,
        message_id: int | None = None,
        message: dict[str, Any] | None = None,
        components: list[dict[str, Any]] | None = None,
        fields: dict[str, str] | None = None,
        channel_id: int = CHANNEL_ID,
        user_id: int = MEMBER_ID,
        locale: str = "en-US",
        guild_locale: str | None = None,
        app_permissions: int | None = None,
        member_permissions: int | None = None,
        data: dict[str, Any] | None = None,
    ) -> InjectedInteraction:
        """Dispatch INTERACTION_CREATE and register its token for callbacks/followups.

        type 2 (slash/context command): ``name`` may contain a subcommand path ("stage set");
        ``options`` is either Discord's option list or a flat ``{name: value}`` dict (types taken from the
        registered command when the bot synced it, else inferred from the Python type).
        type 3 (component): ``custom_id``, ``component_type``, ``values``, and the clicked ``message_id``
        (a stored message) or a raw ``message`` dict.
        type 4 (autocomplete): like type 2 plus ``focused`` (the option being typed).
        type 5 (modal submit): ``custom_id`` plus ``fields={text_input_id: value}`` or raw ``components``.
        ``member_permissions``/``app_permissions`` default to the channel permissions computed from roles.
        """
        with self._lock:
            self._require_session()
            g, ch = self._channel(channel_id)
            iid = self._snowflake()
            token = "aW50ZXJhY3Rpb246" + secrets.token_urlsafe(48)
            if data is None:
                data = self._interaction_data(
                    type,
                    g,
                    name=name,
                    options=options,
                    focused=focused,
                    command_type=command_type,
                    command_id=command_id,
                    command_guild_id=command_guild_id,
                    target_id=target_id,
                    resolved=resolved,
                    custom_id=custom_id,
                    component_type=component_type,
                    values=values,
                    components=components,
                    fields=fields,
                )
            msg = message
            if msg is None and message_id is not None:
                msg = self._messages.get(message_id)
                if msg is None:
                    raise KeyError(f"unknown message {message_id}")
            if type == MESSAGE_COMPONENT and msg is None:
                raise ValueError("component interactions need message_id= or message=")
            user = self._user(user_id)
            bot_member = g.member(self.bot.id) if g else None
            payload: dict[str, Any] = {
                "id": str(iid),
                "application_id": str(self.application_id),
                "type": type,
                "data": data,
                "channel_id": str(channel_id),
                "channel": self._channel_payload(channel_id),
                "token": token,
                "version": 1,
                "locale": locale,
                "entitlements": [],
                "entitlement_sku_ids": [],
                "attachment_size_limit": 10 * 1024 * 1024,
                "context": 0 if g is not None else 1,
                "authorizing_integration_owners": {"0": str(g.id)} if g is not None else {"1": str(user_id)},
            }
            if g is not None:
                member = g.member(user_id)
                if member is None:
                    raise KeyError(f"user {user_id} is not a member of guild {g.id}")
                perms = (
                    member_permissions
                    if member_permissions is not None
                    else channel_permissions(g, member, ch)
                )
                app_perms = (
                    app_permissions
                    if app_permissions is not None
                    else (channel_permissions(g, bot_member, ch) if bot_member else 0)
                )
                payload.update(
                    {
                        "guild_id": str(g.id),
                        "guild": {"id": str(g.id), "locale": g.preferred_locale, "features": []},
                        "guild_locale": guild_locale or g.preferred_locale,
                        "member": member.member_payload(permissions=perms),
                        "app_permissions": str(int(app_perms)),
                    }
                )
                payload["channel"]["permissions"] = str(int(perms))
            else:
                payload["user"] = user.user_payload()
                payload["app_permissions"] = str(int(app_permissions if app_permissions is not None else 0))
            if msg is not None:
                payload["message"] = copy.deepcopy(msg)
            rec = _Interaction(
                id=iid,
                token=token,
                type=type,
                payload=payload,
                injected_at=time.monotonic(),
                guild_id=g.id if g else None,
                channel_id=channel_id,
                user_id=user_id,
            )
            self._interactions[iid] = rec
            self._interactions_by_token[token] = rec
            self._dispatch("INTERACTION_CREATE", payload)
            return InjectedInteraction(id=iid, token=token, payload=copy.deepcopy(payload))

    def _interaction_data(
        self,
        type: int,
        g: GuildSpec | None,
        *,
        name: str | None,
        options: list[dict[str, Any]] | dict[str, Any] | None,
        focused: str | None,
        command_type: int,
        command_id: int | None,
        command_guild_id: int | None,
        target_id: int | None,
        resolved: dict[str, Any] | None,
        custom_id: str | None,
        component_type: int,
        values: list[str] | None,
        components: list[dict[str, Any]] | None,
        fields: dict[str, str] | None,
    ) -> dict[str, Any]:
        if type in (APPLICATION_COMMAND, AUTOCOMPLETE):
            if not name:
                raise ValueError("application command interactions need name=")
            root, *path = name.split()
            schema, reg_guild = self._registered_command(root, command_type, g.id if g else None)
            if isinstance(options, dict):
                opts = self._shorthand_options(path, options, schema, focused)
            else:
                opts = copy.deepcopy(options or [])
                if path:
                    opts = self._shorthand_options(path, {}, schema, None)
                    leaf = opts[0]
                    while leaf.get("options"):
                        leaf = leaf["options"][0]
                    leaf["options"] = copy.deepcopy(options or [])
            if type == AUTOCOMPLETE and not any(self._has_focused(o) for o in opts):
                raise ValueError("autocomplete interactions need a focused option (focused=...)")
            out: dict[str, Any] = {
                "id": str(command_id or (schema["id"] if schema else self._snowflake())),
                "name": root,
                "type": command_type,
            }
            if opts:
                out["options"] = opts
            cg = reg_guild if command_guild_id is _AUTO else command_guild_id
            if cg is not None:
                out["guild_id"] = str(cg)
            res = copy.deepcopy(resolved) if resolved is not None else {}
            if resolved is None:
                self._resolve_options(g, opts, res)
                if target_id is not None and command_type == 2:
                    self._resolve_options(g, [{"type": 6, "value": str(target_id)}], res)
                elif target_id is not None and command_type == 3:
                    tm = self._messages.get(target_id)
                    if tm is not None:
                        res.setdefault("messages", {})[str(target_id)] = copy.deepcopy(tm)
            if res:
                out["resolved"] = res
            if target_id is not None:
                out["target_id"] = str(target_id)
            return out
        if type == MESSAGE_COMPONENT:
            if not custom_id:
                raise ValueError("component interactions need custom_id=")
            out = {"custom_id": custom_id, "component_type": component_type}
            if values is not None or component_type in (3, 5, 6, 7, 8):
                out["values"] = list(values or [])
            if resolved is not None:
                out["resolved"] = resolved
            return out
        if type == MODAL_SUBMIT:
            if not custom_id:
                raise ValueError("modal submit interactions need custom_id=")
            comps = copy.deepcopy(components) if components is not None else []
            for k, v in (fields or {}).items():
                comps.append({"type": 1, "components": [{"type": 4, "custom_id": k, "value": v}]})
            return {"custom_id": custom_id, "components": comps}
        raise ValueError(f"unsupported interaction type {type}")

    @classmethod
    def _has_focused(cls, opt: dict[str, Any]) -> bool:
        return bool(opt.get("focused")) or any(cls._has_focused(o) for o in opt.get("options", []) or [])

    def inject_slash(
        self, name: str, options: list[dict[str, Any]] | dict[str, Any] | None = None, **kw: Any
    ) -> InjectedInteraction:
        """Shorthand for ``inject_interaction(2, name=..., options=...)``."""
        return self.inject_interaction(APPLICATION_COMMAND, name=name, options=options, **kw)

    def inject_autocomplete(
        self, name: str, options: list[dict[str, Any]] | dict[str, Any], focused: str | None = None, **kw: Any
    ) -> InjectedInteraction:
        return self.inject_interaction(AUTOCOMPLETE, name=name, options=options, focused=focused, **kw)

    def inject_component(self, custom_id: str, message_id: int, **kw: Any) -> InjectedInteraction:
        return self.inject_interaction(MESSAGE_COMPONENT, custom_id=custom_id, message_id=message_id, **kw)

    def inject_modal_submit(self, custom_id: str, fields: dict[str, str], **kw: Any) -> InjectedInteraction:
        return self.inject_interaction(MODAL_SUBMIT, custom_id=custom_id, fields=fields, **kw)

    # --------------------------------------------------------------------------------- HTTP layer

    def _build_routes(self) -> list[tuple[str, re.Pattern[str], str, bool]]:
        # (method, path regex, handler name, needs bot auth)
        table = [
            ("GET", r"/users/@me", "get_me", True),
            ("GET", r"/users/(\d+)", "get_user", True),
            ("POST", r"/users/@me/channels", "create_dm", True),
            ("GET", r"/gateway", "get_gateway", False),
            ("GET", r"/gateway/bot", "get_gateway_bot", True),
            ("GET", r"/oauth2/applications/@me", "get_application", True),
            ("GET", r"/applications/@me", "get_application", True),
            ("GET", r"/channels/(\d+)", "get_channel", True),
            ("POST", r"/channels/(\d+)/typing", "typing", True),
            ("GET", r"/channels/(\d+)/messages", "list_messages", True),
            ("POST", r"/channels/(\d+)/messages", "create_message", True),
            ("GET", r"/channels/(\d+)/messages/pins", "list_pins", True),
            ("PUT", r"/channels/(\d+)/messages/pins/(\d+)", "pin", True),
            ("DELETE", r"/channels/(\d+)/messages/pins/(\d+)", "unpin", True),
            ("GET", r"/channels/(\d+)/pins", "list_pins_legacy", True),
            ("PUT", r"/channels/(\d+)/pins/(\d+)", "pin", True),
            ("DELETE", r"/channels/(\d+)/pins/(\d+)", "unpin", True),
            ("GET", r"/channels/(\d+)/messages/(\d+)", "get_message", True),
            ("PATCH", r"/channels/(\d+)/messages/(\d+)", "edit_message", True),
            ("DELETE", r"/channels/(\d+)/messages/(\d+)", "delete_message", True),
            ("PUT", r"/channels/(\d+)/messages/(\d+)/reactions/([^/]+)/@me", "add_reaction", True),
            ("DELETE", r"/channels/(\d+)/messages/(\d+)/reactions/([^/]+)/@me", "remove_reaction", True),
            (
                "DELETE",
                r"/channels/(\d+)/messages/(\d+)/reactions(?:/[^/]+(?:/\d+)?)?",
                "clear_reactions",
                True,
            ),
            ("POST", r"/channels/(\d+)/messages/(\d+)/threads", "thread_from_message", True),
            ("POST", r"/channels/(\d+)/threads", "thread_without_message", True),
            ("PUT", r"/channels/(\d+)/thread-members/@me", "no_content", True),
            ("DELETE", r"/channels/(\d+)/thread-members/@me", "no_content", True),
            ("GET", r"/guilds/(\d+)", "get_guild", True),
            ("GET", r"/guilds/(\d+)/channels", "get_guild_channels", True),
            ("GET", r"/guilds/(\d+)/roles", "get_guild_roles", True),
            ("GET", r"/guilds/(\d+)/members/(\d+)", "get_member", True),
            ("GET", r"/applications/(\d+)/commands", "get_commands", True),
            ("PUT", r"/applications/(\d+)/commands", "put_commands", True),
            ("POST", r"/applications/(\d+)/commands", "upsert_command", True),
            ("GET", r"/applications/(\d+)/guilds/(\d+)/commands", "get_commands", True),
            ("PUT", r"/applications/(\d+)/guilds/(\d+)/commands", "put_commands", True),
            ("POST", r"/applications/(\d+)/guilds/(\d+)/commands", "upsert_command", True),
            ("POST", r"/interactions/(\d+)/([^/]+)/callback", "interaction_callback", False),
            ("POST", r"/webhooks/(\d+)/([^/]+)", "webhook_execute", False),
            ("GET", r"/webhooks/(\d+)/([^/]+)/messages/(@original|\d+)", "webhook_get", False),
            ("PATCH", r"/webhooks/(\d+)/([^/]+)/messages/(@original|\d+)", "webhook_edit", False),
            ("DELETE", r"/webhooks/(\d+)/([^/]+)/messages/(@original|\d+)", "webhook_delete", False),
        ]
        return [(m, re.compile(f"^{p}$"), h, a) for m, p, h, a in table]

    def _rl_headers(self, route: str | None) -> dict[str, str]:
        if not self.rate_limit_headers:
            return {}
        now = time.time()
        return {
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "4",
            "X-RateLimit-Reset": f"{now + 1.0:.3f}",
            "X-RateLimit-Reset-After": "1.000",
            "X-RateLimit-Bucket": f"fake-{route or 'unknown'}",
        }

    async def _attachment_handler(self, request: web.Request) -> web.StreamResponse:
        with self._lock:
            found = self._attachments.get(request.match_info["key"])
        if found is None:
            return web.Response(status=404)
        return web.Response(body=found[1], headers={"Content-Type": found[0]})

    async def _read_body(self, request: web.Request) -> tuple[Any, list[UploadedFile], bool]:
        ctype = request.content_type
        files: list[UploadedFile] = []
        if ctype.startswith("multipart/"):
            payload: Any = None
            reader = await request.multipart()
            while True:
                part = await reader.next()
                if part is None:
                    break
                if not isinstance(part, aiohttp.BodyPartReader):
                    continue
                raw = await part.read(decode=True)
                if part.name == "payload_json":
                    payload = json.loads(raw.decode() or "null")
                else:
                    files.append(
                        UploadedFile(
                            part.name or "", part.filename, part.headers.get("Content-Type"), bytes(raw)
                        )
                    )
            return payload, files, True
        raw = await request.read()
        if not raw:
            return None, files, True
        if ctype == "application/json":
            try:
                return json.loads(raw), files, True
            except ValueError:
                return None, files, False
        try:
            return raw.decode(), files, True
        except UnicodeDecodeError:
            return None, files, True

    async def _http_handler(self, request: web.Request) -> web.StreamResponse:
        arrived, arrived_mono = time.time(), time.monotonic()
        method = request.method.upper()
        full_path = request.path
        path = full_path[len(API_PREFIX) :] if full_path.startswith(API_PREFIX + "/") else full_path
        body, files, body_ok = await self._read_body(request)
        auth = request.headers.get("Authorization")
        call = Call(
            id=0,
            method=method,
            path=path,
            query=dict(request.query),
            json=body,
            files=files,
            headers={k: v for k, v in request.headers.items() if k.lower() != "authorization"},
            authorization=None if auth is None else ("valid" if auth == f"Bot {self.token}" else "invalid"),
            time=arrived,
            monotonic=arrived_mono,
        )
        fault = self._take_fault(method, path)
        if fault is not None and fault.delay:
            await asyncio.sleep(fault.delay)
        if fault is not None and fault.status is not None:
            if fault.apply:
                self._route(call, full_path, body_ok)  # done, but its response never reaches the bot
            call.fault = True
            response = self._fault_response(fault, call)
        else:
            response = self._route(call, full_path, body_ok)
        with self._lock:
            call.id = self._last_call_id = next(self._call_ids)
            self._calls.append(call)
            self._cond.notify_all()
        return response

    def _fault_response(self, fault: _Fault, call: Call) -> web.Response:
        status = int(fault.status or 500)
        headers = dict(fault.headers)
        body = fault.body
        if status == 429:
            ra = fault.retry_after if fault.retry_after is not None else 0.1
            if body is None:
                body = {
                    "message": "You are being rate limited.",
                    "retry_after": ra,
                    "global": fault.is_global,
                }
                if not fault.is_global:
                    body["code"] = 0
            headers.setdefault("Retry-After", str(max(1, int(-(-ra // 1)))))
            headers.setdefault("Via", "1.1 google")
            headers.setdefault("X-RateLimit-Scope", "global" if fault.is_global else "user")
            if fault.is_global:
                headers.setdefault("X-RateLimit-Global", "true")
            else:
                headers.setdefault("X-RateLimit-Limit", "5")
                headers.setdefault("X-RateLimit-Remaining", "0")
                headers.setdefault("X-RateLimit-Reset", f"{time.time() + ra:.3f}")
                headers.setdefault("X-RateLimit-Reset-After", f"{ra:.3f}")
                headers.setdefault("X-RateLimit-Bucket", "fake-ratelimited")
        elif body is None:
            reasons = {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}
            body = {"message": f"{status}: {reasons.get(status, 'Error')}", "code": 0}
        call.status = status
        call.response = body
        if isinstance(body, str):
            headers.setdefault("Content-Type", "text/html")
            return web.Response(status=status, text=body, headers=headers)
        return _json_response(status, body, headers)

    def _route(self, call: Call, full_path: str, body_ok: bool) -> web.Response:
        if not full_path.startswith(API_PREFIX + "/"):
            return self._finish(call, 404, {"message": "404: Not Found", "code": 0})
        match = None
        path_matched = False
        for method, pattern, handler, needs_auth in self._routes:
            m = pattern.match(call.path)
            if m is None:
                continue
            path_matched = True
            if method == call.method:
                match = (handler, needs_auth, m.groups())
                break
        if match is None:
            if path_matched:
                return self._finish(call, 405, {"message": "405: Method Not Allowed", "code": 0})
            return self._finish(call, 404, {"message": "Unknown route", "code": 0})
        handler, needs_auth, groups = match
        call.route = handler
        if needs_auth and call.authorization != "valid":
            return self._finish(call, 401, {"message": "401: Unauthorized", "code": 0})
        if not body_ok:
            return self._finish(
                call, 400, {"message": "The request body contains invalid JSON.", "code": 50109}
            )
        try:
            with self._lock:
                status, body = getattr(self, f"_h_{handler}")(call, *groups)
        except ApiError as exc:
            return self._finish(call, exc.status, exc.body(), exc.headers)
        except Exception:
            logger.exception("FakeDiscord internal error while handling %s %s", call.method, call.path)
            err = self._record_error(f"{call.method} {call.path}")
            return self._finish(call, 500, {"message": f"FakeDiscord internal error: {err}", "code": 0})
        return self._finish(call, status, body)

    def _record_error(self, where: str) -> str:
        text = f"{where}: {traceback.format_exc()}"
        with self._lock:
            self._errors.append(text)
            self._cond.notify_all()
        return text.strip().splitlines()[-1]

    def server_errors(self) -> list[str]:
        """Tracebacks of bugs inside FakeDiscord itself (a test should normally assert this is empty)."""
        with self._lock:
            return list(self._errors)

    def _finish(
        self, call: Call, status: int, body: Any, headers: dict[str, str] | None = None
    ) -> web.Response:
        call.status = status
        call.response = copy.deepcopy(body)
        hdrs = {**self._rl_headers(call.route), **(headers or {})}
        if status == 204 or body is None:
            call.status = 204 if 200 <= status < 300 else status
            return web.Response(status=call.status, headers=hdrs)
        return _json_response(status, body, hdrs)

    # ------------------------------------------------------------------------------- REST handlers
    # Each returns (status, json body or None) and runs with the state lock held.

    def _h_no_content(self, call: Call, *_: str) -> tuple[int, Any]:
        return 204, None

    def _h_get_me(self, call: Call) -> tuple[int, Any]:
        return 200, self._bot_user_payload()

    def _h_get_user(self, call: Call, uid: str) -> tuple[int, Any]:
        u = self._users.get(int(uid))
        if u is None:
            raise ApiError(404, 10013, "Unknown User")
        return 200, u.user_payload() if u.id != self.bot.id else self._bot_user_payload()

    def _h_create_dm(self, call: Call) -> tuple[int, Any]:
        uid = int((call.json or {}).get("recipient_id") or 0)
        if uid not in self._users:
            raise ApiError(400, 50033, "Invalid Recipient(s)")
        cid = self.dm_channel_id(uid)
        return 200, {
            "id": str(cid),
            "type": 1,
            "last_message_id": None,
            "flags": 0,
            "recipients": [self._user(uid).user_payload()],
        }

    def _h_get_gateway(self, call: Call) -> tuple[int, Any]:
        return 200, {"url": self.gateway_url}

    def _h_get_gateway_bot(self, call: Call) -> tuple[int, Any]:
        return 200, {
            "url": self.gateway_url,
            "shards": self.shard_count,
            "session_start_limit": {
                "total": 1000,
                "remaining": 999,
                "reset_after": 14400000,
                "max_concurrency": self.max_concurrency,
            },
        }

    def _h_get_application(self, call: Call) -> tuple[int, Any]:
        owner = self._users.get(next(iter(self._guilds.values())).owner_id) if self._guilds else None
        return 200, {
            "id": str(self.application_id),
            "name": self.bot.username,
            "icon": None,
            "description": "",
            "summary": "",
            "type": None,
            "hook": True,
            "bot_public": True,
            "bot_require_code_grant": False,
            "verify_key": "0" * 64,
            "flags": self._app_flags(),
            "owner": (owner or self.bot).user_payload(),
            "team": None,
            "bot": self._bot_user_payload(),
            "interactions_endpoint_url": None,
            "role_connections_verification_url": None,
            "redirect_uris": [],
            "rpc_origins": [],
            "tags": [],
            "install_params": None,
            "integration_types_config": {"0": {}},
            "approximate_guild_count": len(self._guilds),
        }

    def _channel_payload(self, cid: int) -> dict[str, Any]:
        g, c = self._channel(cid)
        if g is None:
            return {
                "id": str(cid),
                "type": 1,
                "last_message_id": None,
                "flags": 0,
                "recipients": [self._user(c.owner_id or 0).user_payload()],
            }
        return c.to_payload(g.id)

    def _h_get_channel(self, call: Call, cid: str) -> tuple[int, Any]:
        self._require_perm(int(cid), Perm.VIEW_CHANNEL, missing_access=True)
        return 200, self._channel_payload(int(cid))

    def _h_typing(self, call: Call, cid: str) -> tuple[int, Any]:
        self._require_perm(int(cid), Perm.SEND_MESSAGES, missing_access=True)
        return 204, None

    def _require_perm(self, cid: int, perm: int, *, missing_access: bool = False) -> None:
        g, _ = self._channel(cid)
        if g is None:
            return
        perms = self.bot_permissions(cid)
        if not perms & Perm.VIEW_CHANNEL:
            raise ApiError(403, 50001, "Missing Access")
        if perm and not perms & perm:
            raise ApiError(403, 50013, "Missing Permissions")

    def _h_list_messages(self, call: Call, cid: str) -> tuple[int, Any]:
        self._require_perm(int(cid), Perm.READ_MESSAGE_HISTORY)
        ids = self._channel_messages.get(int(cid), [])
        q = call.query
        limit = max(1, min(100, int(q.get("limit", 50))))
        if "before" in q:
            ids = [i for i in ids if i < int(q["before"])]
        if "after" in q:
            ids = [i for i in ids if i > int(q["after"])]
            return 200, [copy.deepcopy(self._messages[i]) for i in ids[:limit]][::-1]
        return 200, [copy.deepcopy(self._messages[i]) for i in ids[-limit:]][::-1]

    def _h_create_message(self, call: Call, cid: str) -> tuple[int, Any]:
        channel_id = int(cid)
        g, c = self._channel(channel_id)
        payload = call.json or {}
        if not isinstance(payload, dict):
            raise ApiError(400, 50109, "The request body contains invalid JSON.")
        if g is None:
            if (c.owner_id or 0) in self.dm_closed_users:
                raise ApiError(403, 50007, "Cannot send messages to this user")
        else:
            self._require_perm(
                channel_id, Perm.SEND_MESSAGES_IN_THREADS if c.is_thread else Perm.SEND_MESSAGES
            )
            if call.files:
                self._require_perm(channel_id, Perm.ATTACH_FILES)
            if c.is_thread and c.locked:
                raise ApiError(403, 50083, "Thread is archived")
        validate_message_payload(payload, has_files=bool(call.files))
        nonce = payload.get("nonce")
        key = (channel_id, str(nonce))
        if nonce is not None and payload.get("enforce_nonce"):
            # Discord: with enforce_nonce, a message the same author sent with the same nonce in the last
            # few minutes is returned instead of creating a second one (safe retries).
            seen = self._nonces.get(key)
            if seen is not None and time.monotonic() - seen[1] < NONCE_WINDOW_S and seen[0] in self._messages:
                return 200, copy.deepcopy(self._messages[seen[0]])
        msg = self._build_message(
            channel_id=channel_id, author_id=self.bot.id, payload=payload, files=call.files
        )
        self._create_message_and_dispatch(msg)
        if nonce is not None:
            self._nonces[key] = (int(msg["id"]), time.monotonic())
        return 200, copy.deepcopy(msg)

    def _get_msg(self, cid: int, mid: int) -> dict[str, Any]:
        self._channel(cid)
        msg = self._messages.get(mid)
        if msg is None or int(msg["channel_id"]) != cid or int(msg.get("flags", 0)) & EPHEMERAL:
            raise ApiError(404, 10008, "Unknown Message")
        return msg

    def _h_get_message(self, call: Call, cid: str, mid: str) -> tuple[int, Any]:
        self._require_perm(int(cid), Perm.READ_MESSAGE_HISTORY)
        return 200, copy.deepcopy(self._get_msg(int(cid), int(mid)))

    def _h_edit_message(self, call: Call, cid: str, mid: str) -> tuple[int, Any]:
        msg = self._get_msg(int(cid), int(mid))
        payload = call.json or {}
        if int(msg["author"]["id"]) != self.bot.id:
            if set(payload) - {"flags"}:
                raise ApiError(403, 50005, "Cannot edit a message authored by another user")
            self._require_perm(int(cid), Perm.MANAGE_MESSAGES)
        validate_message_payload(payload, has_files=bool(call.files), edit=True)
        self._update_message(msg, payload, call.files)
        return 200, copy.deepcopy(msg)

    def _h_delete_message(self, call: Call, cid: str, mid: str) -> tuple[int, Any]:
        msg = self._get_msg(int(cid), int(mid))
        if int(msg["author"]["id"]) != self.bot.id:
            self._require_perm(int(cid), Perm.MANAGE_MESSAGES)
        self._delete_message(msg)
        return 204, None

    def _delete_message(self, msg: dict[str, Any]) -> None:
        mid, cid = int(msg["id"]), int(msg["channel_id"])
        self._messages.pop(mid, None)
        if mid in self._channel_messages.get(cid, []):
            self._channel_messages[cid].remove(mid)
        self._pins[cid] = [p for p in self._pins.get(cid, []) if p[0] != mid]
        self._cond.notify_all()
        data = {"id": str(mid), "channel_id": str(cid)}
        if msg.get("guild_id"):
            data["guild_id"] = msg["guild_id"]
        self._dispatch("MESSAGE_DELETE", data)

    # pins -----------------------------------------------------------------------------------------

    def _require_pin_permission(self, cid: int) -> None:
        g, _ = self._channel(cid)
        if g is None:
            return
        perms = self.bot_permissions(cid)
        if not perms & Perm.VIEW_CHANNEL:
            raise ApiError(403, 50001, "Missing Access")
        if self.pin_permission == "pin_messages":
            ok = perms & Perm.PIN_MESSAGES
        elif self.pin_permission == "manage_messages":
            ok = perms & Perm.MANAGE_MESSAGES
        else:
            ok = perms & (Perm.PIN_MESSAGES | Perm.MANAGE_MESSAGES)
        if not ok:
            raise ApiError(403, 50013, "Missing Permissions")

    def _pins_update(self, cid: int) -> None:
        g, _ = self._channel(cid)
        pins = self._pins.get(cid, [])
        data: dict[str, Any] = {"channel_id": str(cid), "last_pin_timestamp": pins[0][1] if pins else None}
        if g is not None:
            data["guild_id"] = str(g.id)
        self._dispatch("CHANNEL_PINS_UPDATE", data)

    def _h_pin(self, call: Call, cid: str, mid: str) -> tuple[int, Any]:
        channel_id, message_id = int(cid), int(mid)
        self._require_pin_permission(channel_id)
        msg = self._get_msg(channel_id, message_id)
        pins = self._pins.setdefault(channel_id, [])
        if any(p[0] == message_id for p in pins):
            return 204, None
        if len(pins) >= self.max_pins:
            raise ApiError(400, 30003, f"Maximum number of pins reached ({self.max_pins})")
        pins.insert(0, (message_id, iso_now()))
        msg["pinned"] = True
        self._cond.notify_all()
        self._pins_update(channel_id)
        return 204, None

    def _h_unpin(self, call: Call, cid: str, mid: str) -> tuple[int, Any]:
        channel_id, message_id = int(cid), int(mid)
        self._require_pin_permission(channel_id)
        msg = self._get_msg(channel_id, message_id)
        pins = self._pins.get(channel_id, [])
        if not any(p[0] == message_id for p in pins):
            raise ApiError(404, 10008, "Unknown Message")
        self._pins[channel_id] = [p for p in pins if p[0] != message_id]
        msg["pinned"] = False
        self._cond.notify_all()
        self._pins_update(channel_id)
        return 204, None

    def _h_list_pins(self, call: Call, cid: str) -> tuple[int, Any]:
        channel_id = int(cid)
        self._require_perm(channel_id, Perm.READ_MESSAGE_HISTORY)
        pins = self._pins.get(channel_id, [])
        before = call.query.get("before")
        if before:
            pins = [p for p in pins if p[1] < before]
        limit = max(1, min(50, int(call.query.get("limit", 50))))
        page = pins[:limit]
        items = [{"pinned_at": at, "message": copy.deepcopy(self._messages[mid])} for mid, at in page]
        return 200, {"items": items, "has_more": len(pins) > limit}

    def _h_list_pins_legacy(self, call: Call, cid: str) -> tuple[int, Any]:
        channel_id = int(cid)
        self._require_perm(channel_id, Perm.READ_MESSAGE_HISTORY)
        return 200, [copy.deepcopy(self._messages[mid]) for mid, _ in self._pins.get(channel_id, [])]

    # reactions / threads ----------------------------------------------------------------------------

    def _h_add_reaction(self, call: Call, cid: str, mid: str, emoji: str) -> tuple[int, Any]:
        self._require_perm(int(cid), Perm.ADD_REACTIONS)
        self._get_msg(int(cid), int(mid))
        lst = self._reactions.setdefault(int(mid), [])
        if emoji not in lst:
            lst.append(emoji)
        self._cond.notify_all()
        return 204, None

    def _h_remove_reaction(self, call: Call, cid: str, mid: str, emoji: str) -> tuple[int, Any]:
        self._get_msg(int(cid), int(mid))
        lst = self._reactions.get(int(mid), [])
        if emoji in lst:
            lst.remove(emoji)
        self._cond.notify_all()
        return 204, None

    def _h_clear_reactions(self, call: Call, cid: str, mid: str) -> tuple[int, Any]:
        self._require_perm(int(cid), Perm.MANAGE_MESSAGES)
        self._get_msg(int(cid), int(mid))
        self._reactions.pop(int(mid), None)
        return 204, None

    def _create_thread(
        self, parent_id: int, thread_id: int, payload: dict[str, Any], thread_type: int
    ) -> dict[str, Any]:
        g, parent = self._channel(parent_id)
        if g is None or parent.is_thread:
            raise ApiError(400, 50024, "Cannot execute action on this channel type")
        perm = Perm.CREATE_PRIVATE_THREADS if thread_type == 12 else Perm.CREATE_PUBLIC_THREADS
        self._require_perm(parent_id, perm)
        name = payload.get("name")
        if not isinstance(name, str) or not (1 <= len(name) <= 100):
            raise form_error(["name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
        spec = ChannelSpec(
            id=thread_id,
            name=name,
            type=thread_type,
            parent_id=parent_id,
            owner_id=self.bot.id,
            auto_archive_duration=int(payload.get("auto_archive_duration") or 1440),
            rate_limit_per_user=int(payload.get("rate_limit_per_user") or 0),
        )
        g.channels.append(spec)
        self._channels[thread_id] = (g, spec)
        data = spec.to_payload(g.id)
        data["member"] = {
            "id": str(thread_id),
            "user_id": str(self.bot.id),
            "join_timestamp": iso_now(),
            "flags": 1,
        }
        self._dispatch("THREAD_CREATE", {**data, "newly_created": True})
        return data

    def _h_thread_from_message(self, call: Call, cid: str, mid: str) -> tuple[int, Any]:
        msg = self._get_msg(int(cid), int(mid))
        if msg.get("thread") or int(mid) in self._channels:
            raise ApiError(400, 160004, "A thread has already been created for this message")
        data = self._create_thread(int(cid), int(mid), call.json or {}, 11)
        msg["thread"] = copy.deepcopy(data)
        msg["flags"] = int(msg.get("flags", 0)) | (1 << 5)  # HAS_THREAD
        return 201, data

    def _h_thread_without_message(self, call: Call, cid: str) -> tuple[int, Any]:
        payload = call.json or {}
        return 201, self._create_thread(int(cid), self._snowflake(), payload, int(payload.get("type") or 12))

    # guild reads ------------------------------------------------------------------------------------

    def _guild_or_404(self, gid: str) -> GuildSpec:
        g = self._guilds.get(int(gid))
        if g is None:
            raise ApiError(404, 10004, "Unknown Guild")
        return g

    def _h_get_guild(self, call: Call, gid: str) -> tuple[int, Any]:
        g = self._guild_or_404(gid)
        payload = self._guild_payload(g)
        payload["approximate_member_count"] = len(g.members)
        return 200, payload

    def _h_get_guild_channels(self, call: Call, gid: str) -> tuple[int, Any]:
        g = self._guild_or_404(gid)
        return 200, [c.to_payload(g.id) for c in g.channels if not c.is_thread]

    def _h_get_guild_roles(self, call: Call, gid: str) -> tuple[int, Any]:
        return 200, [r.to_payload() for r in self._guild_or_404(gid).roles]

    def _h_get_member(self, call: Call, gid: str, uid: str) -> tuple[int, Any]:
        m = self._guild_or_404(gid).member(int(uid))
        if m is None:
            raise ApiError(404, 10007, "Unknown Member")
        return 200, m.member_payload()

    # application commands -------------------------------------------------------------------------

    def _check_app(self, app_id: str, gid: str | None) -> int | None:
        if int(app_id) != self.application_id:
            raise ApiError(403, 50001, "Missing Access")
        if gid is None:
            return None
        self._guild_or_404(gid)
        return int(gid)

    def _normalise_command(self, cmd: dict[str, Any], guild_id: int | None, existing: list[dict[str, Any]]):
        ctype = int(cmd.get("type", 1))
        prev = next(
            (c for c in existing if c["name"] == cmd["name"] and int(c.get("type", 1)) == ctype), None
        )
        out = copy.deepcopy(cmd)
        out["id"] = prev["id"] if prev else str(self._snowflake())
        out["application_id"] = str(self.application_id)
        out["version"] = str(self._snowflake())
        out["type"] = ctype
        out.setdefault("description", "")
        out.setdefault("default_member_permissions", None)
        out.setdefault("nsfw", False)
        if guild_id is not None:
            out["guild_id"] = str(guild_id)
        else:
            out.setdefault("contexts", None)
            out.setdefault("integration_types", [0])

        def fix(opts: list[dict[str, Any]]) -> None:
            for o in opts:
                o.setdefault("description", "")
                fix(o.get("options") or [])

        fix(out.get("options") or [])
        return out

    def _h_get_commands(self, call: Call, app_id: str, gid: str | None = None) -> tuple[int, Any]:
        return 200, copy.deepcopy(self._commands.get(self._check_app(app_id, gid), []))

    def _h_put_commands(self, call: Call, app_id: str, gid: str | None = None) -> tuple[int, Any]:
        guild_id = self._check_app(app_id, gid)
        cmds = call.json
        if not isinstance(cmds, list):
            raise ApiError(
                400,
                50035,
                "Invalid Form Body",
                {"_errors": [{"code": "LIST_TYPE_CONVERT", "message": "Must be an array."}]},
            )
        validate_commands(cmds)
        existing = self._commands.get(guild_id, [])
        self._commands[guild_id] = [self._normalise_command(c, guild_id, existing) for c in cmds]
        self._cond.notify_all()
        return 200, copy.deepcopy(self._commands[guild_id])

    def _h_upsert_command(self, call: Call, app_id: str, gid: str | None = None) -> tuple[int, Any]:
        guild_id = self._check_app(app_id, gid)
        cmd = call.json or {}
        validate_commands([cmd])
        existing = self._commands.setdefault(guild_id, [])
        out = self._normalise_command(cmd, guild_id, existing)
        replaced = [c for c in existing if c["id"] == out["id"]]
        for c in replaced:
            existing.remove(c)
        existing.append(out)
        self._cond.notify_all()
        return (200 if replaced else 201), copy.deepcopy(out)

    # interactions -----------------------------------------------------------------------------------

    def _interaction_for_token(self, token: str) -> _Interaction:
        rec = self._interactions_by_token.get(token)
        if rec is None:
            raise ApiError(404, 10015, "Unknown Webhook")
        return rec

    def _record_response(
        self,
        rec: _Interaction,
        call: Call,
        kind: str,
        ctype: int | None,
        status: int,
        msg: dict[str, Any] | None,
    ) -> None:
        rec.responses.append(
            InteractionResponse(
                kind=kind,
                type=ctype,
                body=copy.deepcopy(call.json),
                elapsed=call.monotonic - rec.injected_at,
                status=status,
                message=copy.deepcopy(msg),
                call=call,
            )
        )
        self._cond.notify_all()

    def _h_interaction_callback(self, call: Call, iid: str, token: str) -> tuple[int, Any]:
        rec = self._interactions.get(int(iid))
        if rec is None or rec.token != token:
            raise ApiError(404, 10062, "Unknown interaction")
        try:
            status, body = self._interaction_callback(call, rec)
        except ApiError as exc:
            ctype = call.json.get("type") if isinstance(call.json, dict) else None
            self._record_response(rec, call, "callback", ctype, exc.status, None)
            raise
        return status, body

    def _interaction_callback(self, call: Call, rec: _Interaction) -> tuple[int, Any]:
        body = call.json if isinstance(call.json, dict) else {}
        ctype = body.get("type")
        if self.ack_deadline is not None and call.monotonic - rec.injected_at > self.ack_deadline:
            raise ApiError(404, 10062, "Unknown interaction")
        if rec.acked_type is not None:
            raise ApiError(400, 40060, "Interaction has already been acknowledged.")
        validate_callback(rec.type, body)
        data = body.get("data") or {}
        msg: dict[str, Any] | None = None
        if ctype in (CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE):
            if ctype == CHANNEL_MESSAGE:
                validate_message_payload(data, has_files=bool(call.files))
                payload = data
            else:
                payload = {"content": "", "flags": LOADING | (int(data.get("flags") or 0) & EPHEMERAL)}
            msg = self._build_message(
                channel_id=rec.channel_id,
                author_id=self.bot.id,
                payload=payload,
                files=call.files,
                msg_type=20 if rec.type == APPLICATION_COMMAND else 0,
                webhook_id=self.application_id,
                interaction=rec,
            )
            self._create_message_and_dispatch(msg)
            rec.original_message_id = int(msg["id"])
        elif ctype in (DEFERRED_UPDATE_MESSAGE, UPDATE_MESSAGE):
            src = rec.payload.get("message")
            stored = self._messages.get(int(src["id"])) if src else None
            if ctype == UPDATE_MESSAGE:
                if src is None:
                    raise form_error(["type"], "INTERACTION_RESPONSE_TYPE_INVALID", "No message to update")
                validate_message_payload(data, has_files=bool(call.files), edit=True)
                if stored is not None:
                    self._update_message(stored, data, call.files)
            msg = stored or (copy.deepcopy(src) if src else None)
            rec.original_message_id = int(msg["id"]) if msg else None
        rec.acked_type = ctype
        self._record_response(rec, call, "callback", ctype, 200, msg)
        interaction = {
            "id": str(rec.id),
            "type": rec.type,
            "activity_instance_id": None,
            "response_message_loading": ctype == DEFERRED_CHANNEL_MESSAGE,
            "response_message_ephemeral": bool(msg and int(msg.get("flags", 0)) & EPHEMERAL),
        }
        if msg is not None:
            interaction["response_message_id"] = msg["id"]
        resource: dict[str, Any] = {"type": ctype}
        if msg is not None and ctype in (CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, UPDATE_MESSAGE):
            resource["message"] = copy.deepcopy(msg)
        if str(call.query.get("with_response", "")).lower() in ("1", "true"):
            return 200, {"interaction": interaction, "resource": resource}
        return 204, None

    def _webhook_target(self, app_id: str, token: str) -> _Interaction:
        if int(app_id) != self.application_id:
            raise ApiError(404, 10015, "Unknown Webhook")
        rec = self._interaction_for_token(token)
        if rec.acked_type is None:
            # Discord only creates the interaction webhook once the interaction was acknowledged.
            raise ApiError(404, 10015, "Unknown Webhook")
        return rec

    def _webhook_message(self, rec: _Interaction, mid: str) -> dict[str, Any]:
        if mid == "@original":
            target = rec.original_message_id
        else:
            target = int(mid)
            if target not in rec.followup_ids and target != rec.original_message_id:
                raise ApiError(404, 10008, "Unknown Message")
        msg = self._messages.get(target) if target is not None else None
        if msg is None:
            raise ApiError(404, 10008, "Unknown Message")
        return msg

    def _h_webhook_execute(self, call: Call, app_id: str, token: str) -> tuple[int, Any]:
        rec = self._interactions_by_token.get(token)
        try:
            rec = self._webhook_target(app_id, token)
            payload = call.json if isinstance(call.json, dict) else {}
            validate_message_payload(payload, has_files=bool(call.files))
            original = self._messages.get(rec.original_message_id or 0)
            if original is not None and int(original.get("flags", 0)) & LOADING:
                # After a type-5 deferral the first followup replaces the "thinking" message (and keeps its
                # ephemerality), exactly like Discord does.
                update = {
                    k: v
                    for k, v in payload.items()
                    if k in ("content", "embeds", "components", "attachments")
                }
                self._update_message(original, update, call.files)
                original["edited_timestamp"] = None
                msg = original
            else:
                msg = self._build_message(
                    channel_id=rec.channel_id,
                    author_id=self.bot.id,
                    payload=payload,
                    files=call.files,
                    msg_type=20 if rec.type == APPLICATION_COMMAND else 0,
                    webhook_id=self.application_id,
                    interaction=rec,
                )
                self._create_message_and_dispatch(msg)
            rec.followup_ids.append(int(msg["id"]))
        except ApiError as exc:
            if rec is not None:
                self._record_response(rec, call, "followup", None, exc.status, None)
            raise
        wait = str(call.query.get("wait", "")).lower() in ("1", "true")
        self._record_response(rec, call, "followup", None, 200 if wait else 204, msg)
        return (200, copy.deepcopy(msg)) if wait else (204, None)

    def _webhook_op(self, call: Call, app_id: str, token: str, mid: str, verb: str) -> tuple[int, Any]:
        kind = f"{verb}_original" if mid == "@original" else f"{verb}_message"
        rec = self._interactions_by_token.get(token)
        try:
            rec = self._webhook_target(app_id, token)
            msg = self._webhook_message(rec, mid)
            if verb == "edit":
                payload = call.json if isinstance(call.json, dict) else {}
                validate_message_payload(payload, has_files=bool(call.files), edit=True)
                self._update_message(msg, payload, call.files)
            elif verb == "delete":
                self._delete_message(msg)
                if mid == "@original":
                    rec.original_message_id = None
        except ApiError as exc:
            if rec is not None:
                self._record_response(rec, call, kind, None, exc.status, None)
            raise
        status = 204 if verb == "delete" else 200
        self._record_response(rec, call, kind, None, status, msg)
        return status, (None if verb == "delete" else copy.deepcopy(msg))

    def _h_webhook_get(self, call: Call, app_id: str, token: str, mid: str) -> tuple[int, Any]:
        return self._webhook_op(call, app_id, token, mid, "get")

    def _h_webhook_edit(self, call: Call, app_id: str, token: str, mid: str) -> tuple[int, Any]:
        return self._webhook_op(call, app_id, token, mid, "edit")

    def _h_webhook_delete(self, call: Call, app_id: str, token: str, mid: str) -> tuple[int, Any]:
        return self._webhook_op(call, app_id, token, mid, "delete")
