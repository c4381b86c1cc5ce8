"""The bot: a ``commands.Bot`` subclass, its command tree, logging and the two async entry points.

Start-up follows python-discord/bot: ``asyncio.run(start(...))`` with ``async with bot``; the engine
(knowledge, encoder, index) and the store load once in ``setup_hook``, the engine in a worker thread so the
event loop never blocks. Commands are synced only by :func:`sync_commands` (``careerbot sync``), never in
``on_ready``.

With ``shard_count`` configured (``careerbot run --shard-count N --shard-ids A-B``) the bot is a
:class:`ShardedCareerBot`: one process runs those shards of the gateway, and K processes together run them
all. SIGTERM/SIGINT drain the work in flight before the gateway closes (:mod:`bot.discordbot.lifecycle`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from typing import TYPE_CHECKING, Any

import discord
import yarl
from discord import app_commands
from discord.ext import commands

from bot.clock import Clock, clock_for
from bot.config import Config
from bot.discordbot.followups import LastAnswers
from bot.discordbot.guildconfig import GuildConfig
from bot.discordbot.i18n import CareerTranslator
from bot.discordbot.lifecycle import Lifecycle, admit
from bot.discordbot.service import AnswerService
from bot.discordbot.studygroups import StudyGroups
from bot.discordbot.ui.interaction import interaction_lang, report_error, send_ephemeral
from bot.messages import t
from bot.store import Store, open_store

if TYPE_CHECKING:
    from bot.engine import Engine
    from bot.knowledge import KnowledgeBase

log = logging.getLogger(__name__)

EXTENSIONS = (
    "bot.discordbot.exts.qa",
    "bot.discordbot.exts.feedback",
    "bot.discordbot.exts.roadmap",
    "bot.discordbot.exts.plans",
    "bot.discordbot.exts.resources",
    "bot.discordbot.exts.privacy",
    "bot.discordbot.exts.help",
    "bot.discordbot.exts.config",
    "bot.discordbot.exts.admin",
)


class CareerTree(app_commands.CommandTree["CareerBot"]):
    """Refuses commands outside servers and is the one place command errors are reported."""

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.guild_id is not None:
            # Accepted work, drained at shutdown (and, while shutting down, turned away with one sentence).
            return await admit(self.client.lifecycle, interaction)
        # guild_only() hides the commands in DMs, but a stale client can still send one.
        if interaction.type is discord.InteractionType.autocomplete:
            await interaction.response.autocomplete([])
        else:
            await send_ephemeral(interaction, t("guild_only", interaction_lang(interaction)))
        return False

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        lang = interaction_lang(interaction)
        if isinstance(error, app_commands.NoPrivateMessage):
            await send_ephemeral(interaction, t("guild_only", lang))
        elif isinstance(error, app_commands.CheckFailure) and interaction.response.is_done():
            log.info("check refused /%s for user %s", getattr(interaction.command, "qualified_name", "?"),
                     interaction.user.id)  # the check already told the user why
        elif isinstance(error, app_commands.MissingPermissions):
            await send_ephemeral(interaction, t("missing_perms", lang, perms=", ".join(error.missing_permissions)))
        elif isinstance(error, app_commands.CheckFailure):
            await send_ephemeral(interaction, t("not_allowed", lang))
        else:
            command = interaction.command.qualified_name if interaction.command else "unknown command"
            await report_error(interaction, error, f"/{command}")


class CareerBot(commands.Bot):
    """careerbot on Discord. ``load_engine=False`` (for ``careerbot sync``) skips the engine and the store.
    ``clock``: where the time comes from (default: the system clock, or the test clock the settings name)."""

    store: Store  # called as `await bot.store.run(Store.method, *args)`
    answers: AnswerService
    guild_config: GuildConfig
    groups: StudyGroups

    def __init__(self, config: Config, *, load_engine: bool = True, clock: Clock | None = None,
                 **options: Any) -> None:
        # A text-only bot: don't warn at every start that the optional voice libraries are missing.
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False
        intents = discord.Intents.none()
        intents.guilds = True
        intents.guild_messages = True
        intents.message_content = config.message_content
        super().__init__(
            command_prefix=commands.when_mentioned,  # unused: this bot has no prefix commands
            intents=intents,
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=CareerTree,
            help_command=None,
            **options,
        )
        self.config = config
        self.load_engine = load_engine
        self.clock: Clock = clock or clock_for(config.test_clock)
        self.conversations = LastAnswers()  # the last answer per answer thread / answer message
        # What was accepted and is owed an answer; None (no draining) for `careerbot sync`.
        self.lifecycle: Lifecycle | None = Lifecycle(config.shutdown_s) if load_engine else None
        self._closing: asyncio.Future[None] | None = None

    def __repr__(self) -> str:
        return f"<CareerBot user={self.user!r} engine={self.load_engine}>"

    @property
    def engine(self) -> Engine:
        """The engine serving now (a knowledge reload swaps it)."""
        return self.answers.engine

    @property
    def kb(self) -> KnowledgeBase:
        """The knowledge base serving now: read it per use, never keep it (a reload replaces it)."""
        return self.answers.engine.kb

    async def setup_hook(self) -> None:
        await self.tree.set_translator(CareerTranslator())
        if self.load_engine:
            await self._load_engine_and_store()
        await self.load_extensions()
        if self.load_engine:
            # Once per process (setup_hook runs once; on_ready fires again after every reconnect); it waits
            # for the gateway before posting, and close() stops it before the HTTP session goes.
            self.groups.start()

    async def _load_engine_and_store(self) -> None:
        from bot.engine import Engine

        config = self.config
        busy = {} if config.db_busy_wait is None else {"busy_wait_s": config.db_busy_wait}
        self.store = await asyncio.to_thread(open_store, config.database, **busy)
        log.info("profile database: %s", self.store.describe())
        engine = await asyncio.to_thread(
            Engine.load, config, notify=lambda message: log.warning("index: %s", message))
        self.answers = AnswerService(engine)
        self.guild_config = GuildConfig(self.store)
        self.groups = StudyGroups(self, self.clock)
        log.info("engine ready: %s, index %s", engine.encoder.model_id, engine.index.directory)

    async def load_extensions(self) -> None:
        for name in EXTENSIONS:
            await self.load_extension(name)

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: messages are handled by the qa cog's listener only."""

    async def on_ready(self) -> None:
        log.info("connected as %s (%s) to %d guild(s)", self.user, getattr(self.user, "id", "?"), len(self.guilds))

    def request_shutdown(self, signame: str) -> None:
        """SIGTERM/SIGINT: the first one drains and closes (:meth:`close`), a second one stops waiting."""
        if self._closing is None:
            log.info("%s: shutting down (finishing what was asked, up to %.0f s)", signame, self.config.shutdown_s)
            self._closing = asyncio.ensure_future(self._close())  # bot.start() returns when it is done
        elif self.lifecycle is not None:
            log.warning("%s again: not waiting for the questions in flight any longer", signame)
            self.lifecycle.hurry()

    async def close(self) -> None:
        """Drain what was accepted (answered, or its asker told to ask again), then close the gateway, the
        answer service and the store. Safe to call more than once (discord.py calls it too)."""
        if self._closing is None:
            self._closing = asyncio.ensure_future(self._close())
        await asyncio.shield(self._closing)

    async def _close(self) -> None:
        if self.lifecycle is not None:
            await self.lifecycle.drain()
        groups: StudyGroups | None = getattr(self, "groups", None)
        if groups is not None:
            await groups.stop()  # a check-in being posted finishes; nothing new starts
        await super().close()
        answers: AnswerService | None = getattr(self, "answers", None)
        if answers is not None:
            await answers.close()
        store: Store | None = getattr(self, "store", None)
        if store is not None:
            await store.run(Store.close)


# ------------------------------------------------------------------------------------------ set-up


class RedactFilter(logging.Filter):
    """Replaces the token anywhere in a log record (a belt-and-braces guard: nothing should log it)."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self._secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        if self._secret:
            message = record.getMessage()
            if self._secret in message:
                record.msg, record.args = message.replace(self._secret, "[redacted]"), None
            if record.exc_text and self._secret in record.exc_text:
                record.exc_text = record.exc_text.replace(self._secret, "[redacted]")
        return True


_logging_configured = False


def configure_logging(level: str = "INFO", secret: str = "") -> None:
    """Configure logging once per process: stderr (colours only on a terminal), redacting ``secret``.

    When the caller (the ``careerbot`` CLI) already configured the root logger, its handlers and format are
    kept: they only get the redaction filter and the level, so nothing is logged twice.
    """
    global _logging_configured
    if _logging_configured:
        return
    _logging_configured = True
    numeric = logging.getLevelName(level.upper())
    numeric = numeric if isinstance(numeric, int) else logging.INFO
    root = logging.getLogger()
    if root.handlers:
        for existing in root.handlers:
            existing.addFilter(RedactFilter(secret))
        root.setLevel(numeric)
        return
    handler = logging.StreamHandler()
    formatter: logging.Formatter = discord.utils.MISSING  # discord.py's default: coloured on a terminal
    if not (hasattr(handler.stream, "isatty") and handler.stream.isatty()):
        formatter = logging.Formatter("[{asctime}] [{levelname:<8}] {name}: {message}", "%Y-%m-%d %H:%M:%S",
                                      style="{")
    handler.addFilter(RedactFilter(secret))
    discord.utils.setup_logging(handler=handler, formatter=formatter, level=numeric, root=True)


def configure_endpoints(config: Config) -> None:
    """Point discord.py at another API/gateway (the fake Discord in tests); no-op in production."""
    if config.api_base:
        discord.http.Route.BASE = config.api_base.rstrip("/")
    if config.gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(config.gateway_url)


class ShardedCareerBot(CareerBot, commands.AutoShardedBot):
    """careerbot on the shards ``config.shard_ids`` (default: all) of ``config.shard_count``.

    Shards IDENTIFY as fast as Discord allows: one per 5 s per ``max_concurrency`` bucket
    (``shard_id % max_concurrency``, from ``GET /gateway/bot``), not discord.py's flat 5 s between shards.
    Processes do not coordinate: start them a few seconds apart (see the README's deployment section).
    """

    def __init__(self, config: Config, *, load_engine: bool = True, clock: Clock | None = None) -> None:
        ids = list(config.shard_ids) if config.shard_ids is not None else None
        super().__init__(config, load_engine=load_engine, clock=clock, shard_count=config.shard_count,
                         shard_ids=ids)
        self._identify_buckets: dict[int, float] = {}
        self._identify_lock = asyncio.Lock()
        self._max_concurrency: int | None = None

    def __repr__(self) -> str:
        return f"<ShardedCareerBot user={self.user!r} shards={self.shard_ids}/{self.shard_count}>"

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        if self._max_concurrency is None:
            try:
                self._max_concurrency = max((await self.fetch_session_start_limits()).max_concurrency, 1)
            except (discord.HTTPException, discord.GatewayNotFound, OSError) as exc:
                log.warning("cannot read the session start limits (%s); identifying one shard per 5 s",
                            exc.__class__.__name__)
                self._max_concurrency = 1
        bucket = (shard_id or 0) % self._max_concurrency
        async with self._identify_lock:
            loop = asyncio.get_running_loop()
            last = self._identify_buckets.get(bucket)
            if last is not None and loop.time() - last < IDENTIFY_INTERVAL_S:
                await asyncio.sleep(last + IDENTIFY_INTERVAL_S - loop.time())
            self._identify_buckets[bucket] = loop.time()
        log.info("identifying shard %s of %s", shard_id, self.shard_count)


#: Discord allows one IDENTIFY per 5 s in each max_concurrency bucket.
IDENTIFY_INTERVAL_S = 5.0


def make_bot(config: Config, *, load_engine: bool = True) -> CareerBot:
    """A :class:`ShardedCareerBot` when a shard count is configured, else the plain (unsharded) bot."""
    if config.shard_count is not None:
        return ShardedCareerBot(config, load_engine=load_engine)
    return CareerBot(config, load_engine=load_engine)


async def start(config: Config, token: str) -> None:
    """Run the bot until it is closed (SIGTERM/SIGINT drain it and close it cleanly). Raises on start-up
    failures."""
    async with make_bot(config) as bot:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
                loop.add_signal_handler(sig, bot.request_shutdown, sig.name)
        if config.shard_count is not None:
            log.info("running shards %s of %s", list(config.shard_ids or range(config.shard_count)),
                     config.shard_count)
        await bot.start(token)


async def sync_commands(config: Config, token: str, guild_id: int | None) -> list[Any]:
    """Log in (REST only, no gateway), sync the command tree globally or to one guild, and return the
    synced commands."""
    async with CareerBot(config, load_engine=False) as bot:
        await bot.login(token)
        if guild_id is None:
            return await bot.tree.sync()
        guild = discord.Object(id=guild_id)
        bot.tree.copy_global_to(guild=guild)
        return await bot.tree.sync(guild=guild)
