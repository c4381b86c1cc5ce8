"""Persistence for careerbot: learner profiles, checklist progress and Discord-side records.

One interface (:class:`Store`), two backends with the same numbered migrations:

* SQLite (``sqlite.py``), the embedded default: a path, or ``sqlite:///path``;
* PostgreSQL (``postgres.py``), for several processes sharing one database: ``postgresql://...``.

Open one with :func:`open_store`; the target comes from the settings (``Config.database``), never from the
environment here. The bot calls the store through one async entry point, ``await store.run(Store.method,
*args)``; the CLI and tests call the methods directly.
"""

from __future__ import annotations

from pathlib import Path

from bot.store.base import (
    DB_ENV_VAR,
    DEFAULT_BUSY_WAIT_S,
    GUILD_SETTING_NAMES,
    NOTHING_CHANGED,
    UNSET,
    CheckinDone,
    CheckinRow,
    GroupPlanRow,
    GuildSettings,
    Profile,
    Store,
    StoreBusy,
    StoreError,
    StoreUnavailable,
    TableDigest,
)
from bot.store.migrations import LATEST_VERSION, MIGRATIONS, TABLES, Migration

__all__ = [
    "DB_ENV_VAR",
    "DEFAULT_BUSY_WAIT_S",
    "GUILD_SETTING_NAMES",
    "LATEST_VERSION",
    "MIGRATIONS",
    "NOTHING_CHANGED",
    "TABLES",
    "UNSET",
    "CheckinDone",
    "CheckinRow",
    "GroupPlanRow",
    "GuildSettings",
    "Migration",
    "Profile",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoreUnavailable",
    "TableDigest",
    "is_url",
    "open_store",
    "sqlite_path",
]

_PG_SCHEMES = ("postgresql://", "postgres://")


def is_url(target: str | Path) -> bool:
    """Whether ``target`` is a ``scheme://`` URL rather than a file path."""
    return isinstance(target, str) and "://" in target.split("?", 1)[0]


def sqlite_path(target: str | Path) -> Path | None:
    """The SQLite file a target names (a path, ``sqlite:///abs/path``, ``sqlite:////abs/path`` or
    ``sqlite:relative/path``), or None for a PostgreSQL URL. Raises StoreError for any other URL."""
    if isinstance(target, Path):
        return target.expanduser()
    text = target.strip()
    if text.startswith(_PG_SCHEMES):
        return None
    if text.startswith("sqlite:"):
        rest = text[len("sqlite:"):]
        if rest.startswith("//"):
            rest = rest[2:]  # sqlite:///abs -> /abs
            if rest.startswith("//"):
                rest = rest[1:]  # sqlite:////abs (SQLAlchemy's spelling) -> /abs
        if not rest:
            raise StoreError("a sqlite: URL needs a path, e.g. sqlite:///var/lib/careerbot/careerbot.sqlite3")
        return Path(rest).expanduser()
    if is_url(text):
        scheme = text.split("://", 1)[0]
        raise StoreError(f"unsupported database URL scheme {scheme!r}: use a path, sqlite:///path or "
                         "postgresql://user@host/dbname")
    return Path(text).expanduser()


def open_store(
    target: str | Path, *, busy_wait_s: float = DEFAULT_BUSY_WAIT_S, migrate: bool = True
) -> Store:
    """Open (creating if needed, and migrating unless ``migrate=False``) the database ``target`` names: a
    file path or ``sqlite:`` URL (SQLite), or a ``postgresql://`` URL (PostgreSQL). StoreError when it cannot
    be opened, or when it is newer than this careerbot."""
    path = sqlite_path(target)
    if path is not None:
        from bot.store.sqlite import SqliteStore

        return SqliteStore(path, busy_wait_s=busy_wait_s, migrate=migrate)
    from bot.store.postgres import PostgresStore

    return PostgresStore(str(target).strip(), busy_wait_s=busy_wait_s, migrate=migrate)
