"""Entry points for ``careerbot run`` and ``careerbot sync [--guild ID]``.

Both return a process exit code. Expected failures (no token, a token Discord rejects, a broken knowledge
base, an unreachable Discord...) become one sentence on stderr, never a traceback, and never show the token.

    python -m bot.discordbot.runner            # same as `careerbot run`
    python -m bot.discordbot.runner run --shard-count 4 --shard-ids 0-1   # same as `careerbot run ...`
    python -m bot.discordbot.runner sync [ID]  # same as `careerbot sync [--guild ID]`

This is the edge: it reads the :class:`~bot.config.Config` (environment and ``./.env``) once and hands it on.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable, Coroutine
from typing import Any

EXIT_OK, EXIT_ERROR, EXIT_CONFIG = 0, 1, 2

log = logging.getLogger(__name__)


def _say(message: str) -> None:
    print(f"careerbot: {message}", file=sys.stderr)


def _prepare(shard_count: str | None = None, shard_ids: str | None = None) -> tuple[Any, str] | int:
    """Config (with the command line's shard options over it) and token, with logging and endpoints
    configured; an exit code when they are unusable."""
    from bot.config import Config, ConfigError
    from bot.discordbot.app import configure_endpoints, configure_logging

    try:
        config = Config.load().with_shards(shard_count, shard_ids)
        token = config.require_token()
    except ConfigError as exc:
        _say(str(exc))
        return EXIT_CONFIG
    configure_logging(config.log_level, token)
    configure_endpoints(config)
    return config, token


def _failure_sentence(exc: BaseException) -> str | None:
    """One sentence for an expected failure, None for a bug (which keeps its traceback in the log)."""
    import aiohttp
    import discord

    from bot.embedding import EncoderError
    from bot.knowledge import KnowledgeError
    from bot.store import StoreError

    if isinstance(exc, discord.LoginFailure):
        return "Discord rejected DISCORD_TOKEN; copy the bot token again from the Developer Portal."
    if isinstance(exc, discord.PrivilegedIntentsRequired):
        return ("Discord refused the message-content intent; enable it for the bot in the Developer Portal "
                "or set CAREERBOT_MESSAGE_CONTENT=0 to answer mentions only.")
    if isinstance(exc, KnowledgeError):
        return f"the knowledge base is invalid ({len(exc.problems)} problem(s)); run `careerbot knowledge check`."
    if isinstance(exc, EncoderError):
        return f"cannot load the embedding model: {exc}"
    if isinstance(exc, StoreError):
        return f"cannot use the profile database: {exc}"
    if isinstance(exc, discord.Forbidden):
        return (f"Discord refused the request ({exc.code}: {exc.text}); check that the bot is in that server "
                "and was invited with the applications.commands scope.")
    if isinstance(exc, discord.NotFound):
        return f"Discord does not know that ({exc.code}: {exc.text}); check the guild id."
    if isinstance(exc, discord.HTTPException):
        return f"Discord answered {exc.status} ({exc.text or 'no details'}); try again later."
    if isinstance(exc, (discord.GatewayNotFound, aiohttp.ClientError, OSError)):
        return f"cannot reach Discord ({exc.__class__.__name__}); check the network and try again."
    return None


def _execute(main: Callable[[], Coroutine[Any, Any, int]]) -> int:
    try:
        return asyncio.run(main())
    except KeyboardInterrupt:
        return EXIT_OK
    except Exception as exc:
        sentence = _failure_sentence(exc)
        if sentence is None:
            log.critical("careerbot stopped after an unexpected error", exc_info=exc)
            _say("stopped after an unexpected error (see the log above).")
        else:
            _say(sentence)
        return EXIT_ERROR


def run(shard_count: str | None = None, shard_ids: str | None = None) -> int:
    """``careerbot run [--shard-count N --shard-ids A-B]``: start the bot with DISCORD_TOKEN (environment
    or ./.env) until stopped; SIGTERM/SIGINT finish what was asked first (up to CAREERBOT_SHUTDOWN_S)."""
    from bot.config import configure_threads

    # The encoder's OpenMP threads otherwise spin while idle; on a busy host that starves the event loop
    # and the other encodes (scripts/bench_discord.py: p50 answer 4.5 s -> 1.8 s with the host under load).
    # Read when the encoder's library loads, so set before the engine is imported.
    configure_threads()
    prepared = _prepare(shard_count, shard_ids)
    if isinstance(prepared, int):
        return prepared
    config, token = prepared
    from bot.discordbot.app import start

    async def main() -> int:
        await start(config, token)
        return EXIT_OK

    return _execute(main)


def sync(guild_id: int | None = None) -> int:
    """``careerbot sync [--guild ID]``: register the slash commands globally or in one guild, then exit."""
    prepared = _prepare()
    if isinstance(prepared, int):
        return prepared
    config, token = prepared
    from bot.discordbot.app import sync_commands

    async def main() -> int:
        commands = await sync_commands(config, token, guild_id)
        where = "globally (may take up to an hour to appear)" if guild_id is None else f"to guild {guild_id}"
        print(f"Synced {len(commands)} commands {where}.")
        return EXIT_OK

    return _execute(main)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["sync"]:
        if len(args) > 2 or (len(args) == 2 and not args[1].isdigit()):
            _say("usage: python -m bot.discordbot.runner sync [GUILD_ID]")
            return EXIT_CONFIG
        return sync(int(args[1]) if len(args) == 2 else None)
    if args[:1] == ["run"]:
        args = args[1:]
    options: dict[str, str] = {}
    while args:
        flag, *rest = args
        if flag not in ("--shard-count", "--shard-ids") or not rest or flag in options:
            _say("usage: python -m bot.discordbot.runner [run [--shard-count N] [--shard-ids A-B] | sync [GUILD_ID]]")
            return EXIT_CONFIG
        options[flag], args = rest[0], rest[1:]
    return run(options.get("--shard-count"), options.get("--shard-ids"))


if __name__ == "__main__":
    raise SystemExit(main())
