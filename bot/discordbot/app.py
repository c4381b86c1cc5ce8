"""The bot: a ``commands.Bot`` subclass, its command tree, logging and the two async entry points.

Start-up follows python-discord/bot: ``asyncio.run(start(...))`` with ``async with bot``; the engine
(knowledge, encoder, index) and the store load once in ``setup_hook``, the engine in a worker thread so the
event loop never blocks. Commands are synced only by :func:`sync_commands` (``careerbot sync``), never in
``on_ready``.
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

from bot.config import Config
from bot.discordbot.followups import LastAnswers
from bot.discordbot.guildconfig import GuildConfig
from bot.discordbot.i18n import CareerTranslator
from bot.discordbot.service import AnswerService
from bot.discordbot.ui.interaction import interaction_lang, report_error, send_ephemeral
from bot.messages import t
from bot.store import AsyncStore, Store

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
            return True
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
    """careerbot on Discord. ``load_engine=False`` (for ``careerbot sync``) skips the engine and the store."""

    store: AsyncStore
    answers: AnswerService
    guild_config: GuildConfig

    def __init__(self, config: Config, *, load_engine: bool = True) -> None:
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
        )
        self.config = config
        self.load_engine = load_engine
        self.conversations = LastAnswers()  # the last answer per answer thread / answer message

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

    async def _load_engine_and_store(self) -> None:
        from bot.engine import Engine

        config = self.config
        busy = {} if config.db_busy_wait is None else {"busy_wait_s": config.db_busy_wait}
        store = await asyncio.to_thread(Store, config.database, **busy)
        self.store = AsyncStore(store)
        log.info("profile database: %s", store.path)
        engine = await asyncio.to_thread(
            Engine.load, config, notify=lambda message: log.warning("index: %s", message))
        self.answers = AnswerService(engine)
        self.guild_config = GuildConfig(self.store)
        log.info("engine ready: %s, index %s", engine.encoder.model_id, engine.index.directory)

    async def load_extensions(self) -> None:
        for name in EXTENSIONS:
            await self.load_extension(name)

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: messages are handled by the qa cog's listener only."""

    async def on_ready(self) -> None:
        log.info("connected as %s (%s) to %d guild(s)", self.user, getattr(self.user, "id", "?"), len(self.guilds))

    async def close(self) -> None:
        await super().close()
        answers: AnswerService | None = getattr(self, "answers", None)
        if answers is not None:
            await answers.close()
        store: AsyncStore | None = getattr(self, "store", None)
        if store is not None:
            await store.close()


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


async def start(config: Config, token: str) -> None:
    """Run the bot until it is closed (SIGTERM/SIGINT close it cleanly). Raises on start-up failures."""
    async with CareerBot(config) as bot:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
                loop.add_signal_handler(sig, lambda: asyncio.ensure_future(bot.close()))
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
