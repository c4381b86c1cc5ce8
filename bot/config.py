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
``CAREERBOT_DB``             the profile database: a path (SQLite; default in the user data directory)
``CAREERBOT_DB_BUSY_WAIT``   seconds a database write waits for another writer before "busy, try again"
                             (default 10)
``CAREERBOT_LANG``           ``ja`` or ``en``: the CLI's output language when the profile has none (else ``LANG``)
``DISCORD_TOKEN``            the bot token (required to run or sync)
``DISCORD_API_BASE``         REST base URL override (tests only; unset in production)
``DISCORD_GATEWAY_URL``      gateway URL override (tests only; unset in production)
``CAREERBOT_ASK_COOLDOWN``   questions per user as ``RATE/SECONDS`` (default ``1/5``; ``0`` turns it off)
``CAREERBOT_MESSAGE_CONTENT`` ``0`` to run without the privileged message-content intent (mentions only)
``CAREERBOT_LOG_LEVEL``      ``INFO`` (default), ``DEBUG``, ``WARNING``...
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import platformdirs

DOTENV_NAME: Final = ".env"
DEFAULT_COOLDOWN: Final = (1, 5.0)

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


def parse_cooldown(value: str | None) -> tuple[int, float] | None:
    """``"RATE/SECONDS"`` -> (rate, seconds); ``"0"``/``"off"`` -> None (no cooldown)."""
    if value is None or not value.strip():
        return DEFAULT_COOLDOWN
    text = value.strip().lower()
    if text in ("0", "off", "none", "false"):
        return None
    match = re.fullmatch(r"(\d+)\s*/\s*(\d+(?:\.\d+)?)", text)
    if match is None or int(match.group(1)) < 1 or float(match.group(2)) <= 0:
        raise ConfigError(f"CAREERBOT_ASK_COOLDOWN must look like 1/5 (questions/seconds) or 0, not {value!r}.")
    return int(match.group(1)), float(match.group(2))


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
    db_path: Path | None = None
    db_busy_wait: float | None = None
    lang: str | None = None
    token: Secret | None = field(default=None)
    api_base: str | None = None
    gateway_url: str | None = None
    cooldown: tuple[int, float] | None = DEFAULT_COOLDOWN
    message_content: bool = True
    log_level: str = "INFO"

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
            db_path=_path(values.get("CAREERBOT_DB")),
            db_busy_wait=_busy_wait(values.get("CAREERBOT_DB_BUSY_WAIT")),
            lang=_lang(values),
            token=Secret(token) if token else None,
            api_base=(values.get("DISCORD_API_BASE") or "").strip() or None,
            gateway_url=(values.get("DISCORD_GATEWAY_URL") or "").strip() or None,
            cooldown=parse_cooldown(values.get("CAREERBOT_ASK_COOLDOWN")),
            message_content=_flag(values.get("CAREERBOT_MESSAGE_CONTENT"), True),
            log_level=(values.get("CAREERBOT_LOG_LEVEL") or "INFO").strip().upper(),
        )

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
    def database(self) -> Path:
        """The profile database: ``db_path``, else ``careerbot.sqlite3`` in the user data directory."""
        return self.db_path or user_data_dir() / "careerbot.sqlite3"


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
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def configure_threads(environ: dict[str, str] | None = None) -> None:
    """Process set-up for the encoder's OpenMP threads, called at the edge before the encoder loads.

    Idle threads sleep instead of spinning: on 2 shared cores spinning starves the event loop and other
    work (an index build under load went from 78 s to 42 s; bot answers p50 4.5 s -> 1.8 s under load).
    """
    env = os.environ if environ is None else environ
    env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
