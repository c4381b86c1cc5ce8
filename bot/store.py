"""Persistence for careerbot: learner profiles, checklist progress and Discord-side records.

One SQLite database (default: ``default_db_path()``) holds everything. Design decisions:

* **Schema versioning** — ``MIGRATIONS`` is an append-only list of ``(version, sql_script)``. At open,
  every pending migration is applied in ONE ``BEGIN IMMEDIATE`` transaction and ``PRAGMA user_version``
  is set to the last version inside that same transaction, so a crash leaves the database either fully
  at the old version or fully at the new one. A database newer than this code is refused (StoreError).
* **Timestamps** are UTC ISO-8601 strings with microseconds, e.g. ``2025-01-31T09:15:02.123456+00:00``
  (sortable as text, readable in exports).
* **Transactions** — every public method is one short transaction: ``BEGIN IMMEDIATE`` for writes
  (takes the write lock up front, so a write never fails half-way with SQLITE_BUSY_SNAPSHOT), plain
  ``BEGIN`` for reads (one consistent snapshot across the SELECTs of a method).
* **Concurrency** — other processes: SQLite's ``busy_timeout`` (at most 5 s per attempt) plus an
  application-level bounded retry with exponential backoff for SQLITE_BUSY that the busy handler does not
  cover (WAL recovery, lock upgrades); after ``busy_wait_s`` (default 10 s) in total, StoreBusy.
  Threads: ONE connection opened with ``check_same_thread=False`` and a ``threading.Lock`` held for the
  whole of each operation. Operations take milliseconds, so serialising them inside a process costs
  nothing noticeable and is simple to reason about (a connection per thread would need per-thread
  setup and cleanup for no measurable gain). ``AsyncStore`` runs each call via ``asyncio.to_thread``.
* **Privacy** — ``forget`` deletes every row keyed by the user in one transaction; question text is only
  stored when the guild has enabled ``store_questions`` (enforced here, not by the caller).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar

import platformdirs

if TYPE_CHECKING:  # annotations only: typing.Self needs 3.11, and typing_extensions is no runtime dep
    from typing_extensions import Self

log = logging.getLogger(__name__)

__all__ = [
    "DB_ENV_VAR",
    "GUILD_SETTING_NAMES",
    "LATEST_VERSION",
    "MIGRATIONS",
    "UNSET",
    "AsyncStore",
    "GuildSettings",
    "Profile",
    "Store",
    "StoreBusy",
    "StoreError",
    "default_db_path",
]

T = TypeVar("T")
Lang = Literal["ja", "en"]

DB_ENV_VAR: Final = "CAREERBOT_DB"
DB_FILENAME: Final = "careerbot.sqlite3"
APP_NAME: Final = "careerbot"

#: Upper bound of SQLite's own busy handler per attempt (milliseconds).
MAX_BUSY_TIMEOUT_MS: Final = 5000
#: Default total time a write waits for another writer before StoreBusy.
DEFAULT_BUSY_WAIT_S: Final = 10.0

_SQLITE_BUSY: Final = 5  # sqlite3.SQLITE_BUSY exists only from Python 3.11

# ---------------------------------------------------------------------------------------------------
# Schema. Append-only: never edit a released migration, add a new (version, script) instead.
# ---------------------------------------------------------------------------------------------------

_MIGRATION_1 = """
CREATE TABLE profiles (
    guild_id       INTEGER NOT NULL,
    user_id        INTEGER NOT NULL,
    stage          TEXT,
    target_role    TEXT,
    hours_per_week REAL CHECK (hours_per_week IS NULL OR hours_per_week >= 0),
    lang           TEXT CHECK (lang IS NULL OR lang IN ('ja', 'en')),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);

CREATE TABLE progress (
    guild_id INTEGER NOT NULL,
    user_id  INTEGER NOT NULL,
    item_id  TEXT NOT NULL,
    done_at  TEXT NOT NULL,
    PRIMARY KEY (guild_id, user_id, item_id),
    FOREIGN KEY (guild_id, user_id) REFERENCES profiles (guild_id, user_id) ON DELETE CASCADE
);
"""

_MIGRATION_2 = """
CREATE TABLE answers (
    answer_id  TEXT PRIMARY KEY,
    guild_id   INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
    question   TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX answers_by_user ON answers (guild_id, user_id);

CREATE TABLE feedback (
    id         INTEGER PRIMARY KEY,
    guild_id   INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
    answer_id  TEXT NOT NULL,
    question   TEXT,
    vote       INTEGER NOT NULL CHECK (vote IN (1, -1)),
    created_at TEXT NOT NULL,
    UNIQUE (answer_id, user_id)
);
CREATE INDEX feedback_by_user ON feedback (guild_id, user_id);

CREATE TABLE guild_settings (
    guild_id          INTEGER PRIMARY KEY,
    store_questions   INTEGER NOT NULL DEFAULT 0 CHECK (store_questions IN (0, 1)),
    thread_per_answer INTEGER NOT NULL DEFAULT 0 CHECK (thread_per_answer IN (0, 1))
);

CREATE TABLE qa_channels (
    guild_id   INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);

CREATE TABLE pinned_plans (
    channel_id INTEGER PRIMARY KEY,
    guild_id   INTEGER NOT NULL,
    message_id INTEGER NOT NULL
);

CREATE TABLE questions (
    id         INTEGER PRIMARY KEY,
    guild_id   INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
    question   TEXT NOT NULL,
    answered   INTEGER NOT NULL CHECK (answered IN (0, 1)),
    created_at TEXT NOT NULL
);
CREATE INDEX questions_by_user ON questions (guild_id, user_id);
"""

MIGRATIONS: Final[list[tuple[int, str]]] = [
    (1, _MIGRATION_1),
    (2, _MIGRATION_2),
]
LATEST_VERSION: Final = MIGRATIONS[-1][0]

GUILD_SETTING_NAMES: Final = frozenset({"store_questions", "thread_per_answer"})

# Tables holding rows keyed by (guild_id, user_id); ``forget`` and ``export`` cover all of them.
# progress comes before profiles: deleting it explicitly (instead of via ON DELETE CASCADE) lets
# ``forget`` count those rows too.
_USER_TABLES: Final = ("progress", "profiles", "feedback", "questions", "answers")


# ---------------------------------------------------------------------------------------------------
# Public types
# ---------------------------------------------------------------------------------------------------


class StoreError(Exception):
    """A storage problem, with a message fit to show to a human."""


class StoreBusy(StoreError):
    """The database stayed locked by another writer for longer than the retry bound."""


@dataclass(frozen=True)
class Profile:
    """A learner's profile. Timestamps are UTC ISO-8601 strings."""

    guild_id: int
    user_id: int
    stage: str | None
    target_role: str | None
    hours_per_week: float | None
    lang: str | None
    created_at: str
    updated_at: str
    completed: frozenset[str]


@dataclass(frozen=True)
class GuildSettings:
    """Per-guild switches; a guild without a row gets the defaults (all off)."""

    guild_id: int
    store_questions: bool = False
    thread_per_answer: bool = False


class _Unset:
    """Type of the ``UNSET`` sentinel (tested with ``isinstance``)."""

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


#: Sentinel for "leave this field unchanged" in ``Store.update_profile``.
UNSET: Final = _Unset()


# ---------------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------------


def default_db_path() -> Path:
    """``$CAREERBOT_DB`` if set and non-empty, else ``<user data dir>/careerbot/careerbot.sqlite3``."""
    env = os.environ.get(DB_ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _split_sql(script: str) -> list[str]:
    """Split a script into complete statements (semicolons inside literals/triggers are respected)."""
    statements: list[str] = []
    buf = ""
    for piece in script.split(";"):
        buf += piece + ";"
        if sqlite3.complete_statement(buf):
            if buf.strip(" \t\r\n;"):
                statements.append(buf.strip())
            buf = ""
    if buf.strip(" \t\r\n;"):
        raise ValueError(f"incomplete SQL statement in migration: {buf.strip()[:80]!r}")
    return statements


def _is_busy(exc: sqlite3.Error) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)  # Python >= 3.11
    if code is not None:
        return (code & 0xFF) == _SQLITE_BUSY
    msg = str(exc).lower()
    return "database is locked" in msg or "database is busy" in msg


def _validate_lang(lang: object) -> None:
    if lang is not None and lang not in ("ja", "en"):
        raise ValueError(f"lang must be 'ja', 'en' or None, not {lang!r}")


def _validate_hours(hours: object) -> float | None:
    if hours is None:
        return None
    if isinstance(hours, bool) or not isinstance(hours, (int, float)):
        raise TypeError(f"hours_per_week must be a number or None, not {hours!r}")
    value = float(hours)
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"hours_per_week must be a finite number >= 0, not {hours!r}")
    return value


def _rows_as_dicts(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


# ---------------------------------------------------------------------------------------------------
# Store
# ---------------------------------------------------------------------------------------------------


class Store:
    """Synchronous, thread-safe store. ``Store(path)`` opens (creating if needed) and migrates."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        busy_wait_s: float = DEFAULT_BUSY_WAIT_S,
    ) -> None:
        if busy_wait_s < 0:
            raise ValueError("busy_wait_s must be >= 0")
        self.path: Path = Path(path).expanduser() if path is not None else default_db_path()
        self.busy_wait_s = float(busy_wait_s)
        self._lock = threading.Lock()
        self._busy_ms = -1
        self._conn: sqlite3.Connection | None = None
        self._conn = self._connect()
        try:
            self._migrate()
        except BaseException:
            self._conn.close()
            self._conn = None
            raise

    # -- lifecycle -----------------------------------------------------------------------------------

    @property
    def _memory(self) -> bool:
        return str(self.path) == ":memory:"

    def _connect(self) -> sqlite3.Connection:
        where = str(self.path)
        try:
            if not self._memory:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: we issue BEGIN/COMMIT ourselves (the sqlite3 module's implicit
            # transactions would otherwise start DEFERRED transactions behind our back).
            conn = sqlite3.connect(
                where,
                timeout=min(self.busy_wait_s, MAX_BUSY_TIMEOUT_MS / 1000),
                isolation_level=None,
                check_same_thread=False,
            )
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open database at {where}: {exc}") from exc
        try:
            self._set_busy_timeout(conn, min(self.busy_wait_s * 1000, MAX_BUSY_TIMEOUT_MS))
            # Reading the header first: a file that is not SQLite fails here, with a clear message.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA foreign_keys = ON")
            mode = self._with_retry(conn, lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
            if str(mode).lower() != "wal" and not self._memory:
                log.warning("database %s: journal_mode is %s, not WAL", where, mode)
            # WAL + synchronous=NORMAL: never corrupts, and a commit survives the *process* being killed
            # (it is in the WAL file as soon as COMMIT returns). Only an OS crash / power loss can lose
            # the last few commits, because the WAL is fsynced at checkpoints rather than at every
            # commit. For checklist ticks that trade is right: no fsync per button click.
            conn.execute("PRAGMA synchronous = NORMAL")
        except StoreError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"cannot open database at {where}: {exc} (is it a careerbot database?)") from exc
        return conn

    def close(self) -> None:
        """Close the connection; further calls raise StoreError. Idempotent."""
        with self._lock:
            conn, self._conn = self._conn, None
            if conn is None:
                return
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA optimize")
            conn.close()

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r}{', closed' if self.closed else ''})"

    # -- transactions --------------------------------------------------------------------------------

    def _set_busy_timeout(self, conn: sqlite3.Connection, ms: float) -> None:
        value = max(0, int(ms))
        if value != self._busy_ms:
            conn.execute(f"PRAGMA busy_timeout = {value}")  # an int we computed; PRAGMA takes no params
            self._busy_ms = value

    def _with_retry(self, conn: sqlite3.Connection, attempt: Callable[[], T]) -> T:
        """Run ``attempt`` until it does not fail with SQLITE_BUSY, for at most ``busy_wait_s``."""
        deadline = time.monotonic() + self.busy_wait_s
        delay = 0.01
        tries = 0
        while True:
            remaining = deadline - time.monotonic()
            # SQLite's busy handler never waits past our own deadline (nor past 5 s per attempt).
            self._set_busy_timeout(conn, min(max(remaining, 0) * 1000, MAX_BUSY_TIMEOUT_MS))
            tries += 1
            try:
                return attempt()
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    raise
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    log.warning("database %s still locked after %d attempts", self.path, tries)
                    raise StoreBusy(
                        f"database is busy (another process is writing to {self.path}); try again"
                    ) from exc
                log.debug("database %s busy (attempt %d), retrying", self.path, tries)
                time.sleep(min(delay * random.uniform(0.5, 1.5), remaining))
                delay = min(delay * 2, 0.5)

    def _transaction_once(
        self, conn: sqlite3.Connection, fn: Callable[[sqlite3.Connection], T], write: bool
    ) -> T:
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            result = fn(conn)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
        return result

    def _run(self, fn: Callable[[sqlite3.Connection], T], *, write: bool) -> T:
        """Run ``fn(conn)`` in one transaction (retried as a whole on SQLITE_BUSY), under the lock."""
        with self._lock:
            conn = self._conn
            if conn is None:
                raise StoreError(f"store for {self.path} is closed")
            try:
                return self._with_retry(conn, lambda: self._transaction_once(conn, fn, write))
            except StoreError:
                raise
            except sqlite3.Error as exc:
                raise StoreError(f"database error in {self.path}: {exc}") from exc

    @contextlib.contextmanager
    def _transaction(self, *, write: bool = True) -> Iterator[sqlite3.Connection]:
        """Hold the lock and an open transaction for the body (no busy retry). For tests/tools only."""
        with self._lock:
            conn = self._conn
            if conn is None:
                raise StoreError(f"store for {self.path} is closed")
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.rollback()
                raise

    # -- migrations ----------------------------------------------------------------------------------

    def _check_version(self, version: int) -> None:
        if version > LATEST_VERSION:
            raise StoreError(
                f"database at {self.path} has schema version {version}, but this careerbot only knows "
                f"versions up to {LATEST_VERSION}; upgrade careerbot (or point {DB_ENV_VAR} elsewhere)"
            )

    def _migrate(self) -> None:
        conn = self._conn
        assert conn is not None
        try:
            current = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.Error as exc:
            raise StoreError(f"cannot read schema version of {self.path}: {exc}") from exc
        self._check_version(current)
        if current == LATEST_VERSION:
            return

        def apply(c: sqlite3.Connection) -> tuple[int, int]:
            # Re-read under the write lock: another process may have migrated meanwhile.
            start = c.execute("PRAGMA user_version").fetchone()[0]
            self._check_version(start)
            for version, script in MIGRATIONS:
                if version > start:
                    for statement in _split_sql(script):
                        c.execute(statement)
            if start < LATEST_VERSION:
                c.execute(f"PRAGMA user_version = {int(LATEST_VERSION)}")  # our own int constant
            return start, LATEST_VERSION

        try:
            start, end = self._with_retry(conn, lambda: self._transaction_once(conn, apply, True))
        except StoreError:
            raise
        except sqlite3.Error as exc:
            raise StoreError(f"cannot migrate database at {self.path}: {exc}") from exc
        if start != end:
            log.info("migrated database %s from schema version %d to %d", self.path, start, end)

    def schema_version(self) -> int:
        """The database's ``PRAGMA user_version``."""
        return self._run(lambda c: int(c.execute("PRAGMA user_version").fetchone()[0]), write=False)

    # -- profiles & progress -------------------------------------------------------------------------

    @staticmethod
    def _load_profile(c: sqlite3.Connection, guild_id: int, user_id: int) -> Profile | None:
        row = c.execute(
            "SELECT stage, target_role, hours_per_week, lang, created_at, updated_at"
            " FROM profiles WHERE guild_id = ? AND user_id = ?",
            (guild_id, user_id),
        ).fetchone()
        if row is None:
            return None
        items = c.execute(
            "SELECT item_id FROM progress WHERE guild_id = ? AND user_id = ?", (guild_id, user_id)
        ).fetchall()
        return Profile(
            guild_id=guild_id,
            user_id=user_id,
            stage=row[0],
            target_role=row[1],
            hours_per_week=row[2],
            lang=row[3],
            created_at=row[4],
            updated_at=row[5],
            completed=frozenset(r[0] for r in items),
        )

    @staticmethod
    def _insert_profile(c: sqlite3.Connection, guild_id: int, user_id: int, lang: str | None = None) -> bool:
        now = _now()
        cur = c.execute(
            "INSERT INTO profiles (guild_id, user_id, lang, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (guild_id, user_id) DO NOTHING",
            (guild_id, user_id, lang, now, now),
        )
        return cur.rowcount > 0

    @staticmethod
    def _touch(c: sqlite3.Connection, guild_id: int, user_id: int) -> None:
        c.execute(
            "UPDATE profiles SET updated_at = ? WHERE guild_id = ? AND user_id = ?",
            (_now(), guild_id, user_id),
        )

    def _profile_after(self, c: sqlite3.Connection, guild_id: int, user_id: int) -> Profile:
        profile = self._load_profile(c, guild_id, user_id)
        assert profile is not None
        return profile

    def get_profile(self, guild_id: int, user_id: int) -> Profile | None:
        """The profile, or None if the user has none."""
        return self._run(lambda c: self._load_profile(c, guild_id, user_id), write=False)

    def ensure_profile(self, guild_id: int, user_id: int, lang: str | None = None) -> Profile:
        """Return the profile, creating it (with ``lang``) if missing; an existing one is not changed."""
        _validate_lang(lang)

        def op(c: sqlite3.Connection) -> Profile:
            self._insert_profile(c, guild_id, user_id, lang)
            return self._profile_after(c, guild_id, user_id)

        return self._run(op, write=True)

    def set_stage(self, guild_id: int, user_id: int, stage: str | None) -> Profile:
        """Set the current stage (None clears it), creating the profile if missing."""

        def op(c: sqlite3.Connection) -> Profile:
            self._insert_profile(c, guild_id, user_id)
            c.execute(
                "UPDATE profiles SET stage = ?, updated_at = ? WHERE guild_id = ? AND user_id = ?",
                (stage, _now(), guild_id, user_id),
            )
            return self._profile_after(c, guild_id, user_id)

        return self._run(op, write=True)

    def update_profile(
        self,
        guild_id: int,
        user_id: int,
        *,
        target_role: str | _Unset | None = UNSET,
        hours_per_week: float | _Unset | None = UNSET,
        lang: str | _Unset | None = UNSET,
    ) -> Profile:
        """Change only the fields passed (None clears a field); creates the profile if missing."""
        changes: dict[str, object] = {}
        if not isinstance(target_role, _Unset):
            changes["target_role"] = target_role
        if not isinstance(hours_per_week, _Unset):
            changes["hours_per_week"] = _validate_hours(hours_per_week)
        if not isinstance(lang, _Unset):
            _validate_lang(lang)
            changes["lang"] = lang
        # Column names come from the fixed set above, values are bound parameters.
        assignments = "".join(f"{name} = ?, " for name in changes)

        def op(c: sqlite3.Connection) -> Profile:
            self._insert_profile(c, guild_id, user_id)
            if changes:
                c.execute(
                    f"UPDATE profiles SET {assignments}updated_at = ? WHERE guild_id = ? AND user_id = ?",
                    (*changes.values(), _now(), guild_id, user_id),
                )
            return self._profile_after(c, guild_id, user_id)

        return self._run(op, write=True)

    def mark_done(self, guild_id: int, user_id: int, item_id: str) -> bool:
        """Mark a checklist item done (creating the profile if missing); True if it was not done before."""

        def op(c: sqlite3.Connection) -> bool:
            self._insert_profile(c, guild_id, user_id)
            cur = c.execute(
                "INSERT INTO progress (guild_id, user_id, item_id, done_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (guild_id, user_id, item_id) DO NOTHING",
                (guild_id, user_id, item_id, _now()),
            )
            if cur.rowcount > 0:
                self._touch(c, guild_id, user_id)
                return True
            return False

        return self._run(op, write=True)

    def undo(self, guild_id: int, user_id: int, item_id: str) -> bool:
        """Un-mark a checklist item; True if it was marked."""

        def op(c: sqlite3.Connection) -> bool:
            cur = c.execute(
                "DELETE FROM progress WHERE guild_id = ? AND user_id = ? AND item_id = ?",
                (guild_id, user_id, item_id),
            )
            if cur.rowcount > 0:
                self._touch(c, guild_id, user_id)
                return True
            return False

        return self._run(op, write=True)

    def get_progress(self, guild_id: int, user_id: int) -> dict[str, str]:
        """Completed item ids mapped to their completion timestamps."""
        return self._run(
            lambda c: dict(
                c.execute(
                    "SELECT item_id, done_at FROM progress WHERE guild_id = ? AND user_id = ?"
                    " ORDER BY done_at, item_id",
                    (guild_id, user_id),
                ).fetchall()
            ),
            write=False,
        )

    # -- privacy -------------------------------------------------------------------------------------

    def export(self, guild_id: int, user_id: int) -> dict[str, Any]:
        """Everything stored about the user, as a JSON-serialisable dict."""

        def op(c: sqlite3.Connection) -> dict[str, Any]:
            key = (guild_id, user_id)
            profile = _rows_as_dicts(
                c.execute(
                    "SELECT stage, target_role, hours_per_week, lang, created_at, updated_at"
                    " FROM profiles WHERE guild_id = ? AND user_id = ?",
                    key,
                )
            )
            progress = _rows_as_dicts(
                c.execute(
                    "SELECT item_id, done_at FROM progress WHERE guild_id = ? AND user_id = ?"
                    " ORDER BY done_at, item_id",
                    key,
                )
            )
            feedback = _rows_as_dicts(
                c.execute(
                    "SELECT answer_id, question, vote, created_at FROM feedback"
                    " WHERE guild_id = ? AND user_id = ? ORDER BY id",
                    key,
                )
            )
            questions = _rows_as_dicts(
                c.execute(
                    "SELECT question, answered, created_at FROM questions"
                    " WHERE guild_id = ? AND user_id = ? ORDER BY id",
                    key,
                )
            )
            for q in questions:
                q["answered"] = bool(q["answered"])
            answers = _rows_as_dicts(
                c.execute(
                    "SELECT answer_id, question, created_at FROM answers"
                    " WHERE guild_id = ? AND user_id = ? ORDER BY created_at, answer_id",
                    key,
                )
            )
            return {
                "guild_id": guild_id,
                "user_id": user_id,
                "exported_at": _now(),
                "schema_version": int(c.execute("PRAGMA user_version").fetchone()[0]),
                "profile": profile[0] if profile else None,
                "progress": progress,
                "feedback": feedback,
                "questions": questions,
                "answers": answers,
            }

        return self._run(op, write=False)

    def forget(self, guild_id: int, user_id: int) -> int:
        """Delete every row about the user (all tables, one transaction); returns rows deleted.

        Other users' votes on this user's answers are kept, but the copied question text is cleared.
        """

        def op(c: sqlite3.Connection) -> int:
            key = (guild_id, user_id)
            scrubbed = c.execute(
                "UPDATE feedback SET question = NULL WHERE question IS NOT NULL AND answer_id IN"
                " (SELECT answer_id FROM answers WHERE guild_id = ? AND user_id = ?)",
                key,
            ).rowcount
            deleted = 0
            for table in _USER_TABLES:  # fixed table names, not user input
                deleted += c.execute(f"DELETE FROM {table} WHERE guild_id = ? AND user_id = ?", key).rowcount
            log.info(
                "forgot user %s in guild %s: %d rows deleted, %d scrubbed",
                user_id,
                guild_id,
                deleted,
                scrubbed,
            )
            return deleted

        return self._run(op, write=True)

    # -- guild settings ------------------------------------------------------------------------------

    @staticmethod
    def _load_guild_settings(c: sqlite3.Connection, guild_id: int) -> GuildSettings:
        row = c.execute(
            "SELECT store_questions, thread_per_answer FROM guild_settings WHERE guild_id = ?", (guild_id,)
        ).fetchone()
        if row is None:
            return GuildSettings(guild_id)
        return GuildSettings(guild_id, store_questions=bool(row[0]), thread_per_answer=bool(row[1]))

    def get_guild_settings(self, guild_id: int) -> GuildSettings:
        """The guild's settings (defaults if never set)."""
        return self._run(lambda c: self._load_guild_settings(c, guild_id), write=False)

    def set_guild_setting(self, guild_id: int, name: str, value: bool) -> GuildSettings:
        """Set one of ``GUILD_SETTING_NAMES``; ValueError for any other name."""
        if name not in GUILD_SETTING_NAMES:
            raise ValueError(f"unknown guild setting {name!r}; expected one of {sorted(GUILD_SETTING_NAMES)}")
        flag = 1 if value else 0

        def op(c: sqlite3.Connection) -> GuildSettings:
            # ``name`` was checked against the fixed whitelist above.
            c.execute(
                f"INSERT INTO guild_settings (guild_id, {name}) VALUES (?, ?)"
                f" ON CONFLICT (guild_id) DO UPDATE SET {name} = excluded.{name}",
                (guild_id, flag),
            )
            return self._load_guild_settings(c, guild_id)

        return self._run(op, write=True)

    def add_qa_channel(self, guild_id: int, channel_id: int) -> bool:
        """Enable Q&A in a channel; True if it was not enabled."""
        return self._run(
            lambda c: (
                c.execute(
                    "INSERT INTO qa_channels (guild_id, channel_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    (guild_id, channel_id),
                ).rowcount
                > 0
            ),
            write=True,
        )

    def remove_qa_channel(self, guild_id: int, channel_id: int) -> bool:
        """Disable Q&A in a channel; True if it was enabled."""
        return self._run(
            lambda c: (
                c.execute(
                    "DELETE FROM qa_channels WHERE guild_id = ? AND channel_id = ?", (guild_id, channel_id)
                ).rowcount
                > 0
            ),
            write=True,
        )

    def list_qa_channels(self, guild_id: int) -> set[int]:
        """Channel ids with Q&A enabled in the guild."""
        return self._run(
            lambda c: {
                r[0] for r in c.execute("SELECT channel_id FROM qa_channels WHERE guild_id = ?", (guild_id,))
            },
            write=False,
        )

    # -- pinned plans --------------------------------------------------------------------------------

    def get_pinned_plan(self, channel_id: int) -> int | None:
        """Message id of the plan pinned in the channel, if any."""

        def op(c: sqlite3.Connection) -> int | None:
            row = c.execute(
                "SELECT message_id FROM pinned_plans WHERE channel_id = ?", (channel_id,)
            ).fetchone()
            return None if row is None else int(row[0])

        return self._run(op, write=False)

    def set_pinned_plan(self, guild_id: int, channel_id: int, message_id: int) -> None:
        """Remember (or replace) the plan message pinned in the channel."""
        self._run(
            lambda c: c.execute(
                "INSERT INTO pinned_plans (channel_id, guild_id, message_id) VALUES (?, ?, ?)"
                " ON CONFLICT (channel_id) DO UPDATE SET guild_id = excluded.guild_id,"
                " message_id = excluded.message_id",
                (channel_id, guild_id, message_id),
            ),
            write=True,
        )

    def clear_pinned_plan(self, channel_id: int) -> bool:
        """Forget the channel's pinned plan; True if there was one."""
        return self._run(
            lambda c: c.execute("DELETE FROM pinned_plans WHERE channel_id = ?", (channel_id,)).rowcount > 0,
            write=True,
        )

    # -- answers, feedback, questions ----------------------------------------------------------------

    def record_answer(self, answer_id: str, guild_id: int, user_id: int, question: str | None) -> None:
        """Record an answer the bot posted. The question text is kept only if the guild stores questions."""

        def op(c: sqlite3.Connection) -> None:
            keep = self._load_guild_settings(c, guild_id).store_questions
            c.execute(
                "INSERT INTO answers (answer_id, guild_id, user_id, question, created_at)"
                " VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (answer_id) DO UPDATE SET guild_id = excluded.guild_id,"
                " user_id = excluded.user_id, question = excluded.question",
                (answer_id, guild_id, user_id, question if keep else None, _now()),
            )

        self._run(op, write=True)

    def record_vote(self, answer_id: str, user_id: int, vote: int, *, guild_id: int | None = None) -> None:
        """Record (or change) ``user_id``'s +1/-1 vote on an answer.

        The guild and question come from ``record_answer``; ``guild_id`` is only a fallback for answers
        that were never recorded (ValueError if neither is known).
        """
        if isinstance(vote, bool) or vote not in (1, -1):
            raise ValueError(f"vote must be +1 or -1, not {vote!r}")

        def op(c: sqlite3.Connection) -> None:
            row = c.execute(
                "SELECT guild_id, question FROM answers WHERE answer_id = ?", (answer_id,)
            ).fetchone()
            if row is not None:
                gid, question = row
            elif guild_id is not None:
                gid, question = guild_id, None
            else:
                raise ValueError(f"unknown answer {answer_id!r}: pass guild_id")
            c.execute(
                "INSERT INTO feedback (guild_id, user_id, answer_id, question, vote, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote,"
                " question = excluded.question, created_at = excluded.created_at",
                (gid, user_id, answer_id, question, vote, _now()),
            )

        self._run(op, write=True)

    def record_question(self, guild_id: int, user_id: int, question: str, answered: bool) -> bool:
        """Store a question if the guild enabled ``store_questions``; True if stored."""

        def op(c: sqlite3.Connection) -> bool:
            if not self._load_guild_settings(c, guild_id).store_questions:
                return False
            c.execute(
                "INSERT INTO questions (guild_id, user_id, question, answered, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (guild_id, user_id, question, 1 if answered else 0, _now()),
            )
            return True

        return self._run(op, write=True)


# ---------------------------------------------------------------------------------------------------
# Async wrapper
# ---------------------------------------------------------------------------------------------------


class AsyncStore:
    """``await``-able facade: each method runs the same-named ``Store`` method via ``asyncio.to_thread``."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        await asyncio.to_thread(self.store.close)

    async def schema_version(self) -> int:
        return await asyncio.to_thread(self.store.schema_version)

    async def get_profile(self, guild_id: int, user_id: int) -> Profile | None:
        return await asyncio.to_thread(self.store.get_profile, guild_id, user_id)

    async def ensure_profile(self, guild_id: int, user_id: int, lang: str | None = None) -> Profile:
        return await asyncio.to_thread(self.store.ensure_profile, guild_id, user_id, lang)

    async def set_stage(self, guild_id: int, user_id: int, stage: str | None) -> Profile:
        return await asyncio.to_thread(self.store.set_stage, guild_id, user_id, stage)

    async def update_profile(
        self,
        guild_id: int,
        user_id: int,
        *,
        target_role: str | _Unset | None = UNSET,
        hours_per_week: float | _Unset | None = UNSET,
        lang: str | _Unset | None = UNSET,
    ) -> Profile:
        return await asyncio.to_thread(
            lambda: self.store.update_profile(
                guild_id, user_id, target_role=target_role, hours_per_week=hours_per_week, lang=lang
            )
        )

    async def mark_done(self, guild_id: int, user_id: int, item_id: str) -> bool:
        return await asyncio.to_thread(self.store.mark_done, guild_id, user_id, item_id)

    async def undo(self, guild_id: int, user_id: int, item_id: str) -> bool:
        return await asyncio.to_thread(self.store.undo, guild_id, user_id, item_id)

    async def get_progress(self, guild_id: int, user_id: int) -> dict[str, str]:
        return await asyncio.to_thread(self.store.get_progress, guild_id, user_id)

    async def export(self, guild_id: int, user_id: int) -> dict[str, Any]:
        return await asyncio.to_thread(self.store.export, guild_id, user_id)

    async def forget(self, guild_id: int, user_id: int) -> int:
        return await asyncio.to_thread(self.store.forget, guild_id, user_id)

    async def get_guild_settings(self, guild_id: int) -> GuildSettings:
        return await asyncio.to_thread(self.store.get_guild_settings, guild_id)

    async def set_guild_setting(self, guild_id: int, name: str, value: bool) -> GuildSettings:
        return await asyncio.to_thread(self.store.set_guild_setting, guild_id, name, value)

    async def add_qa_channel(self, guild_id: int, channel_id: int) -> bool:
        return await asyncio.to_thread(self.store.add_qa_channel, guild_id, channel_id)

    async def remove_qa_channel(self, guild_id: int, channel_id: int) -> bool:
        return await asyncio.to_thread(self.store.remove_qa_channel, guild_id, channel_id)

    async def list_qa_channels(self, guild_id: int) -> set[int]:
        return await asyncio.to_thread(self.store.list_qa_channels, guild_id)

    async def get_pinned_plan(self, channel_id: int) -> int | None:
        return await asyncio.to_thread(self.store.get_pinned_plan, channel_id)

    async def set_pinned_plan(self, guild_id: int, channel_id: int, message_id: int) -> None:
        await asyncio.to_thread(self.store.set_pinned_plan, guild_id, channel_id, message_id)

    async def clear_pinned_plan(self, channel_id: int) -> bool:
        return await asyncio.to_thread(self.store.clear_pinned_plan, channel_id)

    async def record_answer(self, answer_id: str, guild_id: int, user_id: int, question: str | None) -> None:
        await asyncio.to_thread(self.store.record_answer, answer_id, guild_id, user_id, question)

    async def record_vote(
        self, answer_id: str, user_id: int, vote: int, *, guild_id: int | None = None
    ) -> None:
        await asyncio.to_thread(lambda: self.store.record_vote(answer_id, user_id, vote, guild_id=guild_id))

    async def record_question(self, guild_id: int, user_id: int, question: str, answered: bool) -> bool:
        return await asyncio.to_thread(self.store.record_question, guild_id, user_id, question, answered)
