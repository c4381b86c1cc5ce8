"""careerbot's settings: one :class:`Config`, read once at the edge (the CLI or the bot's start-up) from the
environment and a ``.env`` file, then passed down. Nothing else in the package reads ``os.environ``.

The environment wins over ``.env``; CLI flags win over both (the CLI applies them with ``dataclasses.replace``).
The token is a :class:`Secret`: its ``repr``/``str`` never show the value, so it cannot leak through a log
line, a traceback's locals or ``repr(config)``.

Variables:

``CAREERBOT_KNOWLEDGE``      knowledge directory (default: the knowledge shipped with the package)
``CAREERBOT_INDEX_DIR``      index directory (default: the shipped index, else the user cache directory)
``CAREERBOT_BACKEND``        ``e5`` (default) or ``sentence-transformers``
``CAREERBOT_MODEL``          a sentence-transformers model name or path
``CAREERBOT_THRESHOLD``      decline threshold override (default: calibrated per encoder)
``CAREERBOT_DB``             the profile database: a path or ``sqlite:///path`` (SQLite; default: a file in the
                             user data directory), or ``postgresql://user:password@host/dbname`` (PostgreSQL)
``CAREERBOT_DB_BUSY_WAIT``   seconds a database write waits for another writer before "busy, try again"
                             (default 10)
``CAREERBOT_LANG``           ``ja`` or ``en``: the CLI's output language when the profile has none (else ``LANG``)
``DISCORD_TOKEN``            the bot token (required to run or sync)
``DISCORD_API_BASE``         REST base URL override (tests only; unset in production)
``DISCORD_GATEWAY_URL``      gateway URL override (tests only; unset in production)
``CAREERBOT_ASK_COOLDOWN``   questions per user as ``RATE/SECONDS`` (default ``1/5``; ``0`` turns it off)
``CAREERBOT_MESSAGE_CONTENT`` ``0`` to run without the privileged message-content intent (mentions only)
``CAREERBOT_LOG_LEVEL``      ``INFO`` (default), ``DEBUG``, ``WARNING``...
``CAREERBOT_SHARD_COUNT``    the bot's total number of gateway shards (default: unsharded, one process)
``CAREERBOT_SHARD_IDS``      the shards this process runs, ``A-B`` or ``A,B,...`` (default: all of them)
``CAREERBOT_SHUTDOWN_S``     seconds SIGTERM/SIGINT may take to finish what was asked before exiting (default 20)
``CAREERBOT_CHANNEL_RATE``   the bot's posts per channel as ``RATE/SECONDS`` (default ``5/5``, Discord's limit;
                             ``0`` turns the pacing off, for a fake Discord that does not rate-limit)
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

DOTENV_NAME: Final = ".env"
DEFAULT_COOLDOWN: Final = (1, 5.0)
DEFAULT_SHUTDOWN_S: Final = 20.0
DEFAULT_CHANNEL_RATE: Final = (5, 5.0)

_LINE_RE = re.compile(r"^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$")
_TOKEN_RE = re.compile(r"^[A-Za-z0-9._\-]+$")


class ConfigError(ValueError):
    """A setting is missing or malformed; the message is one sentence fit for the user."""


class Secret:
    """A string that never shows itself in ``repr``/``str``/format; call :meth:`get` for the value."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        return repr(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)


def parse_dotenv(text: str) -> dict[str, str]:
    """``KEY=value`` lines (optionally ``export``-ed, single- or double-quoted); ``#`` starts a comment."""
    values: dict[str, str] = {}
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE_RE.match(line)
        if match is None:
            continue
        key, value = match.groups()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        else:
            value = re.sub(r"\s+#.*$", "", value)  # an unquoted value ends at an inline comment
        values[key] = value
    return values


def read_dotenv(directory: Path | None = None) -> dict[str, str]:
    """The ``.env`` of ``directory`` (default: the working directory), or ``{}`` when there is none."""
    path = (directory or Path.cwd()) / DOTENV_NAME
    try:
        return parse_dotenv(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc.__class__.__name__}") from exc


def _rate(value: str | None, default: tuple[int, float], name: str, example: str) -> tuple[int, float] | None:
    """``"RATE/SECONDS"`` -> (rate, seconds); ``"0"``/``"off"`` -> None; unset -> ``default``."""
    if value is None or not value.strip():
        return default
    text = value.strip().lower()
    if text in ("0", "off", "none", "false"):
        return None
    match = re.fullmatch(r"(\d+)\s*/\s*(\d+(?:\.\d+)?)", text)
    if match is None or int(match.group(1)) < 1 or float(match.group(2)) <= 0:
        raise ConfigError(f"{name} must look like {example} or 0, not {value!r}.")
    return int(match.group(1)), float(match.group(2))


def parse_cooldown(value: str | None) -> tuple[int, float] | None:
    """``CAREERBOT_ASK_COOLDOWN``: ``"RATE/SECONDS"`` -> (rate, seconds); ``"0"``/``"off"`` -> None (no cooldown)."""
    return _rate(value, DEFAULT_COOLDOWN, "CAREERBOT_ASK_COOLDOWN", "1/5 (questions/seconds)")


def _channel_rate(value: str | None) -> tuple[int, float] | None:
    """``CAREERBOT_CHANNEL_RATE``: ``"RATE/SECONDS"`` -> (rate, seconds); ``"0"``/``"off"`` -> None."""
    return _rate(value, DEFAULT_CHANNEL_RATE, "CAREERBOT_CHANNEL_RATE", "5/5 (posts/seconds)")


def _flag(value: str | None, default: bool) -> bool:
    if value is None or not value.strip():
        return default
    return value.strip().lower() not in ("0", "false", "no", "off")


def _float(value: str | None, name: str) -> float | None:
    if value is None or not value.strip():
        return None
    try:
        return float(value)
    except ValueError:
        raise ConfigError(f"{name} must be a number, not {value!r}.") from None


def _busy_wait(value: str | None) -> float | None:
    seconds = _float(value, "CAREERBOT_DB_BUSY_WAIT")
    if seconds is not None and not 0 <= seconds <= 600:
        raise ConfigError(f"CAREERBOT_DB_BUSY_WAIT must be between 0 and 600 seconds, not {value!r}.")
    return seconds



def _shard_count(value: str | None) -> int | None:
    text = (value or "").strip()
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= 65536:
        raise ConfigError("the shard count (CAREERBOT_SHARD_COUNT or --shard-count) must be a whole number "
                          f"from 1, not {value!r}.")
    return int(text)


def parse_shard_ids(value: str | None, count: int | None) -> tuple[int, ...] | None:
    """``"A-B"`` (a range, both ends included) or ``"A,B,..."`` -> shard ids, each below ``count``."""
    text = (value or "").strip()
    if not text:
        return None
    if count is None:
        raise ConfigError("shard ids need a shard count (CAREERBOT_SHARD_COUNT or --shard-count).")
    ids: list[int] = []
    for part in text.split(","):
        match = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", part)
        if match is None:
            raise ConfigError(f"shard ids must look like 0-3 or 0,2, not {value!r}.")
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        if last < first:
            raise ConfigError(f"the shard range {part.strip()!r} runs backwards.")
        ids += range(first, last + 1)
    if max(ids) >= count:
        raise ConfigError(f"shard ids run from 0 to {count - 1} with a shard count of {count}, not {value!r}.")
    return tuple(sorted(set(ids)))


def _shutdown_s(value: str | None) -> float:
    seconds = _float(value, "CAREERBOT_SHUTDOWN_S")
    if seconds is None:
        return DEFAULT_SHUTDOWN_S
    if not 1 <= seconds <= 600:
        raise ConfigError(f"CAREERBOT_SHUTDOWN_S must be between 1 and 600 seconds, not {value!r}.")
    return seconds


def _shards(count: str | None, ids: str | None) -> dict[str, Any]:
    shard_count = _shard_count(count)
    return {"shard_count": shard_count, "shard_ids": parse_shard_ids(ids, shard_count)}


def _path(value: str | None) -> Path | None:
    return Path(value).expanduser() if value and value.strip() else None


def _lang(values: Mapping[str, str]) -> str | None:
    explicit = (values.get("CAREERBOT_LANG") or "").strip().lower()
    if explicit:
        if explicit not in ("ja", "en"):
            raise ConfigError(f"CAREERBOT_LANG must be ja or en, not {explicit!r}.")
        return explicit
    locale = (values.get("LC_ALL") or values.get("LANG") or "").lower()
    return "ja" if locale.startswith("ja") else ("en" if locale and locale not in ("c", "posix") else None)


BACKENDS: Final = ("e5", "sentence-transformers")


def _backend(value: str | None) -> str:
    text = (value or "").strip()
    if not text:
        return "e5"
    if text == "st":
        return "sentence-transformers"
    if text not in BACKENDS:
        raise ConfigError(f"CAREERBOT_BACKEND must be one of {', '.join(BACKENDS)}, not {text!r}.")
    return text


@dataclass(frozen=True)
class Config:
    """Every setting careerbot has. Fields left at None take the documented default where they are used."""

    knowledge_dir: Path | None = None
    index_dir: Path | None = None
    backend: str = "e5"
    model: str | None = None
    threshold: float | None = None
    # CAREERBOT_DB as given: a path or a URL (see `database`); out of repr: a URL may hold a password
    db: str | None = field(default=None, repr=False)
    db_busy_wait: float | None = None
    lang: str | None = None
    token: Secret | None = field(default=None)
    api_base: str | None = None
    gateway_url: str | None = None
    cooldown: tuple[int, float] | None = DEFAULT_COOLDOWN
    message_content: bool = True
    log_level: str = "INFO"
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    shutdown_s: float = DEFAULT_SHUTDOWN_S
    channel_rate: tuple[int, float] | None = DEFAULT_CHANNEL_RATE
    # Tests only (CAREERBOT_TEST_CLOCK, deliberately not among the documented variables): a file whose
    # ISO-8601 timestamp is the bot's "now" (bot/clock.py), so a test can move a bot through plan weeks.
    test_clock: Path | None = field(default=None, repr=False)

    @classmethod
    def from_mapping(cls, values: Mapping[str, str]) -> Config:
        token = (values.get("DISCORD_TOKEN") or "").strip().strip("'\"")
        if token.lower().startswith("bot "):
            token = token[4:].strip()
        return cls(
            knowledge_dir=_path(values.get("CAREERBOT_KNOWLEDGE")),
            index_dir=_path(values.get("CAREERBOT_INDEX_DIR")),
            backend=_backend(values.get("CAREERBOT_BACKEND")),
            model=(values.get("CAREERBOT_MODEL") or "").strip() or None,
            threshold=_float(values.get("CAREERBOT_THRESHOLD"), "CAREERBOT_THRESHOLD"),
            db=(values.get("CAREERBOT_DB") or "").strip() or None,
            db_busy_wait=_busy_wait(values.get("CAREERBOT_DB_BUSY_WAIT")),
            lang=_lang(values),
            token=Secret(token) if token else None,
            api_base=(values.get("DISCORD_API_BASE") or "").strip() or None,
            gateway_url=(values.get("DISCORD_GATEWAY_URL") or "").strip() or None,
            cooldown=parse_cooldown(values.get("CAREERBOT_ASK_COOLDOWN")),
            message_content=_flag(values.get("CAREERBOT_MESSAGE_CONTENT"), True),
            log_level=(values.get("CAREERBOT_LOG_LEVEL") or "INFO").strip().upper(),
            **_shards(values.get("CAREERBOT_SHARD_COUNT"), values.get("CAREERBOT_SHARD_IDS")),
            shutdown_s=_shutdown_s(values.get("CAREERBOT_SHUTDOWN_S")),
            channel_rate=_channel_rate(values.get("CAREERBOT_CHANNEL_RATE")),
            test_clock=_path(values.get("CAREERBOT_TEST_CLOCK")),
        )

    def with_shards(self, count: str | None, ids: str | None) -> Config:
        """This config with ``--shard-count``/``--shard-ids`` from the command line applied over it."""
        if count is None and ids is None:
            return self
        count = count if count is not None else (str(self.shard_count) if self.shard_count else None)
        return dataclasses.replace(self, **_shards(count, ids))

    @classmethod
    def load(cls, environ: Mapping[str, str] | None = None, directory: Path | None = None) -> Config:
        """Settings from ``.env`` in ``directory`` (default: cwd) overridden by the environment."""
        env = os.environ if environ is None else environ
        return cls.from_mapping({**read_dotenv(directory), **env})

    def require_token(self) -> str:
        """The token, or ConfigError with one clear sentence when it is missing or malformed."""
        if self.token is None:
            raise ConfigError(
                "DISCORD_TOKEN is not set: put the bot token in the environment or in a .env file "
                "in this directory."
            )
        value = self.token.get()
        if not _TOKEN_RE.match(value):
            raise ConfigError("DISCORD_TOKEN is not a valid bot token (it contains characters a token cannot).")
        return value

    @property
    def database(self) -> str:
        """The profile database for :func:`bot.store.open_store`: ``CAREERBOT_DB`` (a path or a URL), else
        ``careerbot.sqlite3`` in the user data directory."""
        return self.db or str(user_data_dir() / "careerbot.sqlite3")


# ------------------------------------------------------------------------------------------ locations

APP_NAME: Final = "careerbot"
PACKAGE_DIR: Final = Path(__file__).resolve().parent
#: The knowledge that ships with careerbot (package data, so it is in the wheel).
SHIPPED_KNOWLEDGE: Final = PACKAGE_DIR / "data" / "knowledge"
#: Prebuilt indexes for the shipped knowledge, one directory per encoder (package data too).
SHIPPED_INDEX_ROOT: Final = PACKAGE_DIR / "data" / "index"


def in_source_checkout() -> bool:
    """Whether the package runs from a source checkout (an editable install), not from an installed wheel.

    Only a checkout may rewrite the shipped index (a developer commits it); an installed package never
    writes inside site-packages.
    """
    return (PACKAGE_DIR.parent / "pyproject.toml").is_file() and (PACKAGE_DIR.parent / ".git").exists()


def user_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


SPIN_COUNT: Final = 1000  # pauses an idle OpenMP thread spins before it sleeps (see configure_threads)


def configure_threads(environ: dict[str, str] | None = None) -> None:
    """Process set-up for the encoder's OpenMP threads, called at the edge before the encoder loads.

    An idle thread spins briefly (``GOMP_SPINCOUNT``, about a thousand pauses, tens of microseconds) before it sleeps.
    Sleeping at once (``OMP_WAIT_POLICY=PASSIVE``, the setting before session 32) cost every question about 17 ms: the
    encoder's forward pass is many short parallel regions, and waking a sleeping thread for each is slow. Spinning
    without a bound starves the event loop and other work on 2 shared cores (an index build under load went from 78 s
    to 42 s when the threads were made to sleep). Measured on 2 cores, warm answers over half the benchmark questions:
    idle p50 35.8 -> 18.3 ms, p99 83.1 -> 71.7 ms; beside two CPU-bound
    processes p50 33 -> 38 ms, p99 118 -> 125 ms (3,000 pauses: 42 and 174 ms; 300: no gain when idle).
    ``OMP_WAIT_POLICY=PASSIVE`` in the environment restores sleeping at once, for a machine that is always busy.
    """
    env = os.environ if environ is None else environ
    if "OMP_WAIT_POLICY" not in env:
        env.setdefault("GOMP_SPINCOUNT", str(SPIN_COUNT))
