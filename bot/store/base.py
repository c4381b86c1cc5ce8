"""The store's interface and every piece of logic both backends share: the public methods and their SQL
(written once, with ``?`` placeholders: the PostgreSQL backend translates them), validation, the dataclasses
and errors, the migration runner, and the one async entry point :meth:`Store.run`.

A backend (``sqlite.py``, ``postgres.py``) supplies the connection handling: how one transaction runs (and is
retried when another writer holds a lock), how the schema version is read and written, and the few
operations that only exist on one dialect (a WAL checkpoint after ``forget``, LISTEN/NOTIFY for settings).

Design decisions (both backends):

* **Timestamps** are UTC ISO-8601 strings with microseconds, e.g. ``2025-01-31T09:15:02.123456+00:00``
  (sortable as text, readable in exports, the same on both backends).
* **Transactions**: every public method is one short transaction; reads see one consistent snapshot.
* **Busy**: a write that waits for another writer longer than ``busy_wait_s`` raises :class:`StoreBusy`;
  nothing was changed.
* **Privacy**: ``forget`` deletes every row keyed by the user in one transaction; question text is only
  stored when the guild enabled ``store_questions`` (enforced here, not by the caller).
* **Async**: the store is synchronous and thread-safe; the bot calls it through ``await store.run(
  Store.method, *args)``, which runs the call on the store's own worker threads.
"""

from __future__ import annotations

import abc
import contextlib
import functools
import hashlib
import json
import logging
import math
import threading
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, ClassVar, Concatenate, Final, ParamSpec, Protocol, TypeVar

from bot.store import migrations

if TYPE_CHECKING:  # annotations only: typing.Self needs 3.11, and typing_extensions is no runtime dep
    from typing_extensions import Self

log = logging.getLogger(__name__)

T = TypeVar("T")
P = ParamSpec("P")

#: Default total time a write waits for another writer before StoreBusy.
DEFAULT_BUSY_WAIT_S: Final = 10.0
#: Guild settings that ``set_guild_setting`` accepts (also the column names).
GUILD_SETTING_NAMES: Final = frozenset({"store_questions", "thread_per_answer", "show_names"})
#: The environment variable the settings read the database from (named in error messages only).
DB_ENV_VAR: Final = "CAREERBOT_DB"

# Tables holding rows keyed by (guild_id, user_id); ``forget`` and ``export`` cover all of them.
# progress comes before profiles, and group_reminders before group_members: deleting them explicitly
# (instead of via ON DELETE CASCADE) lets ``forget`` count those rows too.
_USER_TABLES: Final = ("group_reminders", "group_members", "progress", "profiles", "feedback", "questions",
                       "answers")
#: The states of a group plan: 'draft' until its pinned message is posted, then the GroupPlan's own.
GROUP_STATES: Final = ("draft", "active", "paused", "ended")
_OPEN_STATES: Final = ("active", "paused")


# ---------------------------------------------------------------------------------------------------
# Public types
# ---------------------------------------------------------------------------------------------------


class StoreError(Exception):
    """A storage problem, with a message fit to show to a human."""


class StoreBusy(StoreError):
    """The database stayed locked by another writer for longer than the retry bound."""


class StoreUnavailable(StoreError):
    """The database cannot take writes any more (its file was deleted or replaced under the process, or
    the server is gone): the write was refused and nothing changed."""


#: What a refused write tells its caller (the log says why).
NOTHING_CHANGED: Final = "couldn't save; nothing changed"


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
    """Per-guild switches; a guild without a row gets the defaults (all off). ``show_names``: study-group
    pictures may name members (otherwise they show counts only)."""

    guild_id: int
    store_questions: bool = False
    thread_per_answer: bool = False
    show_names: bool = False


@dataclass(frozen=True)
class GroupPlanRow:
    """A study group's plan as stored. ``plan``: the fields of :class:`bot.groups.GroupPlan` as JSON
    (``GroupPlan.to_json()``; the store never interprets them); ``state``: 'draft' (its pinned message is not
    posted yet) or the plan's own state; ``revision``: bumped by every change (compare-and-set in
    :meth:`Store.update_group_plan`); ``shown``: what its pinned message last showed. ``members``: how many
    members it has; ``claimed``: the weeks whose check-in is posted, or claimed by a live process (only from
    :meth:`Store.active_group_plans`)."""

    id: int
    guild_id: int
    channel_id: int
    message_id: int | None
    plan: Mapping[str, Any]
    state: str
    lang: str
    revision: int
    shown: str | None
    created_by: int
    created_at: str
    updated_at: str
    members: int = 0
    claimed: frozenset[int] = frozenset()


@dataclass(frozen=True)
class CheckinDone:
    """What a Done click under a check-in did: the plan, whether the item was newly done, everything the
    user has done now, and whether they are a member of the plan."""

    plan: GroupPlanRow
    new: bool
    completed: frozenset[str]
    member: bool


@dataclass(frozen=True)
class CheckinRow:
    """A week's check-in post: who claimed it and when (real time, UTC), and the message once posted
    (``posted_at``: the bot's clock when it was posted)."""

    plan_id: int
    week: int
    claimed_by: str
    claimed_at: str
    channel_id: int | None
    message_id: int | None
    posted_at: str | None
    late: bool


class _Unset:
    """Type of the ``UNSET`` sentinel (tested with ``isinstance``)."""

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


#: Sentinel for "leave this field unchanged" in ``Store.update_profile``.
UNSET: Final = _Unset()


@dataclass(frozen=True)
class TableDigest:
    """Row count and an order-independent checksum of one table (``careerbot db copy`` prints both sides)."""

    table: str
    rows: int
    checksum: str


class Cursor(Protocol):
    """The part of a DB-API cursor the shared code uses (sqlite3 and psycopg cursors both fit)."""

    rowcount: int

    @property
    def description(self) -> Any: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def fetchmany(self, size: int = ...) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Conn(Protocol):
    """A connection inside one transaction; SQL uses ``?`` placeholders on every backend."""

    def execute(self, sql: str, params: Any = ..., /) -> Cursor: ...

    def executemany(self, sql: str, seq: Any, /) -> Any: ...


# ---------------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------------


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _stamp(at: datetime | None) -> str:
    """``at`` (an aware datetime) as the store's timestamp text; the current time when None."""
    if at is None:
        return now()
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"timestamps must be aware datetimes, not {at!r}")
    return at.astimezone(timezone.utc).isoformat(timespec="microseconds")


def _plan_text(plan: Mapping[str, Any]) -> tuple[str, str]:
    """A group plan's JSON text and its state (checked against the states a stored plan may have)."""
    state = plan.get("state", "active")
    if state not in GROUP_STATES[1:]:
        raise ValueError(f"a group plan's state must be one of {GROUP_STATES[1:]}, not {state!r}")
    return json.dumps(dict(plan), ensure_ascii=False, sort_keys=True), state


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


def _rows_as_dicts(cur: Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _row_hash(row: tuple[Any, ...]) -> int:
    """A row's hash, the same for the same values whichever backend they come from."""
    values = [repr(float(v)) if isinstance(v, float) else v for v in row]
    text = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest(), "big")


# ---------------------------------------------------------------------------------------------------
# Store
# ---------------------------------------------------------------------------------------------------


class Store(abc.ABC):
    """One careerbot database. Open one with :func:`bot.store.open_store`.

    Synchronous and thread-safe. The public methods are defined here only (a backend never overrides them),
    so ``await store.run(Store.get_profile, guild_id, user_id)`` calls the same code on every backend.
    """

    #: "sqlite" or "postgres"
    dialect: ClassVar[str]
    #: Worker threads of :meth:`run` (at most this many calls in flight at once).
    run_workers: ClassVar[int] = 4

    def __init__(self, busy_wait_s: float) -> None:
        if busy_wait_s < 0:
            raise ValueError("busy_wait_s must be >= 0")
        self.busy_wait_s = float(busy_wait_s)
        self._executor: ThreadPoolExecutor | None = None
        self._executor_lock = threading.Lock()

    # -- what a backend provides ---------------------------------------------------------------------

    @abc.abstractmethod
    def _run(self, fn: Callable[[Conn], T], *, write: bool) -> T:
        """Run ``fn(conn)`` in one transaction (retried as a whole while another writer holds a lock, up to
        ``busy_wait_s``); driver errors become :class:`StoreError`."""

    @abc.abstractmethod
    def _transaction(self, *, write: bool = True) -> contextlib.AbstractContextManager[Conn]:
        """An open transaction for the body (no retry). For tests and tools only."""

    @abc.abstractmethod
    def _read_version(self, c: Conn) -> int:
        """The schema version stored in the database (0 for an empty one)."""

    @abc.abstractmethod
    def _close(self) -> None:
        """Close the connection(s); idempotent."""

    @property
    @abc.abstractmethod
    def closed(self) -> bool: ...

    @abc.abstractmethod
    def _describe(self) -> str: ...

    @abc.abstractmethod
    def _settings_version(self) -> int: ...

    @abc.abstractmethod
    def _migrate(self) -> tuple[int, int]: ...

    def _settings_changed(self, c: Conn, guild_id: int) -> None:  # noqa: B027 (an optional hook)
        """Hook inside a settings write's transaction (PostgreSQL notifies the other processes)."""

    def _after_forget(self) -> None:  # noqa: B027 (an optional hook)
        """Hook after ``forget`` committed (SQLite checkpoints the WAL so no copy of the rows stays)."""

    def _after_copy_into(self, c: Conn, table: migrations.Table) -> None:  # noqa: B027 (an optional hook)
        """Hook after ``db copy`` inserted a table's rows (PostgreSQL moves its identity sequences on)."""

    # -- lifecycle -----------------------------------------------------------------------------------

    # The public methods are never overridden (``run(Store.method)`` calls this class's function): the
    # backend-specific ones below delegate to the backend's private hooks.

    def describe(self) -> str:
        """Where the data is, fit for a log line (never a password)."""
        return self._describe()

    def settings_version(self) -> int:
        """A number that changes after any process changed guild settings or question channels in this
        database (it may also change for other writes). Cheap: callers check it often to keep a cache
        exact across processes."""
        return self._settings_version()

    def close(self) -> None:
        """Close the store; further calls raise StoreError. Idempotent."""
        self._close()
        with self._executor_lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False)  # close() itself may be running on one of its threads

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{self.__class__.__name__}({self.describe()!r}{', closed' if self.closed else ''})"

    def _closed_error(self) -> StoreError:
        return StoreError(f"store for {self.describe()} is closed")

    # -- the async entry point -----------------------------------------------------------------------

    async def run(self, fn: Callable[Concatenate[Store, P], T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """``await store.run(Store.get_profile, guild_id, user_id)``: any store call, on the store's worker
        threads, so the event loop never waits for the database."""
        if self.closed:  # a closed store answers at once (StoreError, or nothing for close()): no thread
            return fn(self, *args, **kwargs)
        import asyncio  # only the bot awaits the store: the CLI does not pay for importing asyncio

        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._workers(), functools.partial(fn, self, *args, **kwargs))

    def _workers(self) -> ThreadPoolExecutor:
        with self._executor_lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(self.run_workers, thread_name_prefix="careerbot-db")
            return self._executor

    # -- migrations ----------------------------------------------------------------------------------

    def _check_version(self, version: int) -> None:
        latest = migrations.MIGRATIONS[-1].version
        if version > latest:
            raise StoreError(
                f"database at {self.describe()} has schema version {version}, but this careerbot only knows "
                f"versions up to {latest}; upgrade careerbot (or point {DB_ENV_VAR} elsewhere)"
            )

    def _apply_migrations(self, c: Conn) -> tuple[int, int]:
        """Apply every pending migration on ``c`` (inside the backend's migration transaction and lock);
        returns (version before, version after)."""
        start = self._read_version(c)
        self._check_version(start)
        end = start
        for migration in migrations.MIGRATIONS:
            if migration.version > start:
                self._execute_script(c, migration.script(self.dialect))
                end = migration.version
        if end != start:
            self._write_version(c, end)
        return start, end

    @abc.abstractmethod
    def _execute_script(self, c: Conn, script: str) -> None: ...

    @abc.abstractmethod
    def _write_version(self, c: Conn, version: int) -> None: ...

    def migrate(self) -> tuple[int, int]:
        """Apply pending migrations (opening a store already does); returns (version before, after)."""
        return self._migrate()

    def schema_version(self) -> int:
        """The database's schema version."""
        return self._run(self._read_version, write=False)

    # -- profiles & progress -------------------------------------------------------------------------

    @staticmethod
    def _load_profile(c: Conn, guild_id: int, user_id: int) -> Profile | None:
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
    def _insert_profile(c: Conn, guild_id: int, user_id: int, lang: str | None = None) -> bool:
        stamp = now()
        cur = c.execute(
            "INSERT INTO profiles (guild_id, user_id, lang, created_at, updated_at) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (guild_id, user_id) DO NOTHING",
            (guild_id, user_id, lang, stamp, stamp),
        )
        return cur.rowcount > 0

    @staticmethod
    def _touch(c: Conn, guild_id: int, user_id: int) -> None:
        c.execute(
            "UPDATE profiles SET updated_at = ? WHERE guild_id = ? AND user_id = ?",
            (now(), guild_id, user_id),
        )

    def _profile_after(self, c: Conn, guild_id: int, user_id: int) -> Profile:
        profile = self._load_profile(c, guild_id, user_id)
        assert profile is not None
        return profile

    def get_profile(self, guild_id: int, user_id: int) -> Profile | None:
        """The profile, or None if the user has none."""
        return self._run(lambda c: self._load_profile(c, guild_id, user_id), write=False)

    def ensure_profile(self, guild_id: int, user_id: int, lang: str | None = None) -> Profile:
        """Return the profile, creating it (with ``lang``) if missing; an existing one is not changed."""
        _validate_lang(lang)

        def op(c: Conn) -> Profile:
            self._insert_profile(c, guild_id, user_id, lang)
            return self._profile_after(c, guild_id, user_id)

        return self._run(op, write=True)

    def set_stage(self, guild_id: int, user_id: int, stage: str | None) -> Profile:
        """Set the current stage (None clears it), creating the profile if missing."""

        def op(c: Conn) -> Profile:
            self._insert_profile(c, guild_id, user_id)
            c.execute(
                "UPDATE profiles SET stage = ?, updated_at = ? WHERE guild_id = ? AND user_id = ?",
                (stage, now(), guild_id, user_id),
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

        def op(c: Conn) -> Profile:
            self._insert_profile(c, guild_id, user_id)
            if changes:
                c.execute(
                    f"UPDATE profiles SET {assignments}updated_at = ? WHERE guild_id = ? AND user_id = ?",
                    (*changes.values(), now(), guild_id, user_id),
                )
            return self._profile_after(c, guild_id, user_id)

        return self._run(op, write=True)

    def mark_done(self, guild_id: int, user_id: int, item_id: str, at: datetime | None = None) -> bool:
        """Mark a checklist item done (creating the profile if missing); True if it was not done before.
        ``at``: when it was done (an aware datetime: the bot's clock), default now."""
        stamp = _stamp(at)

        def op(c: Conn) -> bool:
            self._insert_profile(c, guild_id, user_id)
            cur = c.execute(
                "INSERT INTO progress (guild_id, user_id, item_id, done_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (guild_id, user_id, item_id) DO NOTHING",
                (guild_id, user_id, item_id, stamp),
            )
            if cur.rowcount > 0:
                self._touch(c, guild_id, user_id)
                return True
            return False

        return self._run(op, write=True)

    def undo(self, guild_id: int, user_id: int, item_id: str) -> bool:
        """Un-mark a checklist item; True if it was marked."""

        def op(c: Conn) -> bool:
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
            lambda c: {
                item: done
                for item, done in c.execute(
                    "SELECT item_id, done_at FROM progress WHERE guild_id = ? AND user_id = ?"
                    " ORDER BY done_at, item_id",
                    (guild_id, user_id),
                ).fetchall()
            },
            write=False,
        )

    # -- privacy -------------------------------------------------------------------------------------

    def export(self, guild_id: int, user_id: int) -> dict[str, Any]:
        """Everything stored about the user, as a JSON-serialisable dict."""

        def op(c: Conn) -> dict[str, Any]:
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
            groups = _rows_as_dicts(
                c.execute(
                    "SELECT m.plan_id, g.channel_id, m.joined_at FROM group_members m"
                    " JOIN group_plans g ON g.id = m.plan_id"
                    " WHERE m.guild_id = ? AND m.user_id = ? ORDER BY m.plan_id",
                    key,
                )
            )
            reminders = _rows_as_dicts(
                c.execute(
                    "SELECT plan_id, last_week, created_at FROM group_reminders"
                    " WHERE guild_id = ? AND user_id = ? ORDER BY plan_id",
                    key,
                )
            )
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
                "exported_at": now(),
                "schema_version": self._read_version(c),
                "profile": profile[0] if profile else None,
                "progress": progress,
                "feedback": feedback,
                "questions": questions,
                "answers": answers,
                "study_groups": groups,
                "group_reminders": reminders,
            }

        return self._run(op, write=False)

    def forget(self, guild_id: int, user_id: int) -> int:
        """Delete every row about the user (all tables, one transaction); returns rows deleted.

        Other users' votes on this user's answers are kept, but the copied question text is cleared; the study
        group plans they pinned are kept for their members, without the user's id as their creator. No copy
        of the deleted rows stays in the database's files (SQLite: zeroed pages and a WAL checkpoint).
        """

        def op(c: Conn) -> int:
            key = (guild_id, user_id)
            scrubbed = c.execute(
                "UPDATE feedback SET question = NULL WHERE question IS NOT NULL AND answer_id IN"
                " (SELECT answer_id FROM answers WHERE guild_id = ? AND user_id = ?)",
                key,
            ).rowcount
            scrubbed += c.execute(  # the group plans they pinned stay for their members, without their id
                "UPDATE group_plans SET created_by = 0 WHERE guild_id = ? AND created_by = ?", key).rowcount
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

        deleted = self._run(op, write=True)
        self._after_forget()
        return deleted

    # -- guild settings ------------------------------------------------------------------------------

    @staticmethod
    def _load_guild_settings(c: Conn, guild_id: int) -> GuildSettings:
        row = c.execute(
            "SELECT store_questions, thread_per_answer, show_names FROM guild_settings WHERE guild_id = ?",
            (guild_id,),
        ).fetchone()
        if row is None:
            return GuildSettings(guild_id)
        return GuildSettings(guild_id, store_questions=bool(row[0]), thread_per_answer=bool(row[1]),
                             show_names=bool(row[2]))

    def get_guild_settings(self, guild_id: int) -> GuildSettings:
        """The guild's settings (defaults if never set)."""
        return self._run(lambda c: self._load_guild_settings(c, guild_id), write=False)

    def set_guild_setting(self, guild_id: int, name: str, value: bool) -> GuildSettings:
        """Set one of ``GUILD_SETTING_NAMES``; ValueError for any other name."""
        if name not in GUILD_SETTING_NAMES:
            raise ValueError(f"unknown guild setting {name!r}; expected one of {sorted(GUILD_SETTING_NAMES)}")
        flag = 1 if value else 0

        def op(c: Conn) -> GuildSettings:
            # ``name`` was checked against the fixed whitelist above.
            c.execute(
                f"INSERT INTO guild_settings (guild_id, {name}) VALUES (?, ?)"
                f" ON CONFLICT (guild_id) DO UPDATE SET {name} = excluded.{name}",
                (guild_id, flag),
            )
            self._settings_changed(c, guild_id)
            return self._load_guild_settings(c, guild_id)

        return self._run(op, write=True)

    def add_qa_channel(self, guild_id: int, channel_id: int) -> bool:
        """Enable Q&A in a channel; True if it was not enabled."""

        def op(c: Conn) -> bool:
            added = c.execute(
                "INSERT INTO qa_channels (guild_id, channel_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (guild_id, channel_id),
            ).rowcount > 0
            if added:
                self._settings_changed(c, guild_id)
            return added

        return self._run(op, write=True)

    def remove_qa_channel(self, guild_id: int, channel_id: int) -> bool:
        """Disable Q&A in a channel; True if it was enabled."""

        def op(c: Conn) -> bool:
            removed = c.execute(
                "DELETE FROM qa_channels WHERE guild_id = ? AND channel_id = ?", (guild_id, channel_id)
            ).rowcount > 0
            if removed:
                self._settings_changed(c, guild_id)
            return removed

        return self._run(op, write=True)

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

        def op(c: Conn) -> int | None:
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

    # -- study groups --------------------------------------------------------------------------------

    _PLAN_COLUMNS: ClassVar[str] = ("id, guild_id, channel_id, message_id, plan, state, lang, revision, shown,"
                                    " created_by, created_at, updated_at")

    @classmethod
    def _plan_row(cls, row: Any, members: int = 0, claimed: frozenset[int] = frozenset()) -> GroupPlanRow:
        return GroupPlanRow(int(row[0]), int(row[1]), int(row[2]), None if row[3] is None else int(row[3]),
                            json.loads(row[4]), row[5], row[6], int(row[7]), row[8], int(row[9]), row[10],
                            row[11], members, claimed)

    @staticmethod
    def _member_count(c: Conn, plan_id: int) -> int:
        return int(c.execute("SELECT count(*) FROM group_members WHERE plan_id = ?", (plan_id,)).fetchone()[0])

    def _load_group_plan(self, c: Conn, plan_id: int) -> GroupPlanRow | None:
        row = c.execute(f"SELECT {self._PLAN_COLUMNS} FROM group_plans WHERE id = ?", (plan_id,)).fetchone()
        return None if row is None else self._plan_row(row, self._member_count(c, plan_id))

    def create_group_plan(self, guild_id: int, channel_id: int, plan: Mapping[str, Any], lang: str,
                          created_by: int) -> int:
        """Store a new group plan as a draft (its pinned message is posted next: :meth:`activate_group_plan`);
        returns its id."""
        if lang not in ("ja", "en"):
            raise ValueError(f"lang must be 'ja' or 'en', not {lang!r}")
        text, _ = _plan_text(plan)

        def op(c: Conn) -> int:
            stamp = now()
            return int(c.execute(
                "INSERT INTO group_plans (guild_id, channel_id, plan, state, lang, created_by, created_at,"
                " updated_at) VALUES (?, ?, ?, 'draft', ?, ?, ?, ?) RETURNING id",
                (guild_id, channel_id, text, lang, created_by, stamp, stamp),
            ).fetchone()[0])

        return self._run(op, write=True)

    def activate_group_plan(self, plan_id: int, message_id: int,
                            ended: Mapping[int, Mapping[str, Any]] | None = None) -> GroupPlanRow:
        """The draft's pinned message is posted: record it (also as the channel's pinned plan) and open the
        plan. ``ended``: the plans it replaces (id -> their ended JSON): they end, and their members (and
        reminders) move to the new plan. One transaction."""
        replaced = {old: _plan_text(p) for old, p in (ended or {}).items()}

        def op(c: Conn) -> GroupPlanRow:
            row = self._load_group_plan(c, plan_id)
            if row is None or row.state != "draft":
                raise ValueError(f"group plan {plan_id} is not a draft")
            stamp = now()
            for old, (text, state) in replaced.items():
                # its pinned message is deleted next (the new one replaces it): nothing to update there
                c.execute("UPDATE group_plans SET plan = ?, state = ?, message_id = NULL, revision = revision + 1,"
                          " updated_at = ? WHERE id = ? AND channel_id = ?", (text, state, stamp, old, row.channel_id))
                c.execute("INSERT INTO group_members (plan_id, guild_id, user_id, joined_at)"
                          " SELECT ?, guild_id, user_id, joined_at FROM group_members WHERE plan_id = ?"
                          " ON CONFLICT (plan_id, user_id) DO NOTHING", (plan_id, old))
                c.execute("INSERT INTO group_reminders (plan_id, guild_id, user_id, created_at)"
                          " SELECT ?, guild_id, user_id, created_at FROM group_reminders WHERE plan_id = ?"
                          " ON CONFLICT (plan_id, user_id) DO NOTHING", (plan_id, old))
                c.execute("DELETE FROM group_reminders WHERE plan_id = ?", (old,))
                c.execute("DELETE FROM group_members WHERE plan_id = ?", (old,))
            c.execute("UPDATE group_plans SET message_id = ?, state = ?, revision = revision + 1, updated_at = ?"
                      " WHERE id = ?", (message_id, row.plan.get("state", "active"), stamp, plan_id))
            c.execute("INSERT INTO pinned_plans (channel_id, guild_id, message_id) VALUES (?, ?, ?)"
                      " ON CONFLICT (channel_id) DO UPDATE SET guild_id = excluded.guild_id,"
                      " message_id = excluded.message_id", (row.channel_id, row.guild_id, message_id))
            out = self._load_group_plan(c, plan_id)
            assert out is not None
            return out

        return self._run(op, write=True)

    def delete_group_plan(self, plan_id: int) -> bool:
        """Remove a group plan and everything about it (a draft whose message could not be posted)."""

        def op(c: Conn) -> bool:
            for table in ("group_reminders", "group_members", "group_checkins"):  # fixed names
                c.execute(f"DELETE FROM {table} WHERE plan_id = ?", (plan_id,))
            return c.execute("DELETE FROM group_plans WHERE id = ?", (plan_id,)).rowcount > 0

        return self._run(op, write=True)

    def get_group_plan(self, plan_id: int) -> GroupPlanRow | None:
        """The group plan (with its member count), or None."""
        return self._run(lambda c: self._load_group_plan(c, plan_id), write=False)

    def channel_group_plan(self, channel_id: int) -> GroupPlanRow | None:
        """The channel's group plan: the newest open (active or paused) one, else the newest ended one;
        drafts never count."""

        def op(c: Conn) -> GroupPlanRow | None:
            row = c.execute(
                f"SELECT {self._PLAN_COLUMNS} FROM group_plans WHERE channel_id = ? AND state <> 'draft'"
                " ORDER BY CASE WHEN state = 'ended' THEN 1 ELSE 0 END, id DESC LIMIT 1", (channel_id,)
            ).fetchone()
            return None if row is None else self._plan_row(row, self._member_count(c, int(row[0])))

        return self._run(op, write=False)

    def active_group_plans(self, lease_s: float) -> list[GroupPlanRow]:
        """Every open group plan (all guilds), each with its member count and the weeks whose check-in is
        posted or claimed less than ``lease_s`` seconds ago (a claim older than that, never posted, is
        owed again: its process died)."""
        stale = _stamp(datetime.now(timezone.utc) - timedelta(seconds=lease_s))

        def op(c: Conn) -> list[GroupPlanRow]:
            rows = c.execute(f"SELECT {self._PLAN_COLUMNS} FROM group_plans WHERE state IN ('active', 'paused')"
                             " ORDER BY id").fetchall()
            if not rows:
                return []
            members = dict(c.execute(
                "SELECT m.plan_id, count(*) FROM group_members m JOIN group_plans g ON g.id = m.plan_id"
                " WHERE g.state IN ('active', 'paused') GROUP BY m.plan_id").fetchall())
            claimed: dict[int, set[int]] = {}
            for plan, week in c.execute(
                    "SELECT k.plan_id, k.week FROM group_checkins k JOIN group_plans g ON g.id = k.plan_id"
                    " WHERE g.state IN ('active', 'paused') AND (k.message_id IS NOT NULL OR k.claimed_at >= ?)",
                    (stale,)).fetchall():
                claimed.setdefault(int(plan), set()).add(int(week))
            return [self._plan_row(r, int(members.get(r[0], 0)), frozenset(claimed.get(int(r[0]), ())))
                    for r in rows]

        return self._run(op, write=False)

    def update_group_plan(self, plan_id: int, plan: Mapping[str, Any], revision: int) -> GroupPlanRow | None:
        """Replace the plan's JSON (a moderator paused, resumed, skipped or ended it) if it is still at
        ``revision``; None when it changed meanwhile (read it again and retry) or is a draft or gone."""
        text, state = _plan_text(plan)

        def op(c: Conn) -> GroupPlanRow | None:
            changed = c.execute(
                "UPDATE group_plans SET plan = ?, state = ?, revision = revision + 1, updated_at = ?"
                " WHERE id = ? AND revision = ? AND state <> 'draft'", (text, state, now(), plan_id, revision)
            ).rowcount
            return self._load_group_plan(c, plan_id) if changed else None

        return self._run(op, write=True)

    def set_group_plan_shown(self, plan_id: int, shown: str) -> None:
        """Remember what the plan's pinned message shows now."""
        self._run(lambda c: c.execute("UPDATE group_plans SET shown = ? WHERE id = ?", (shown, plan_id)),
                  write=True)

    def join_group(self, plan_id: int, user_id: int) -> tuple[bool | None, int]:
        """Add a member to an open plan: (True if they joined, False if they were a member already, None when
        the plan is not open (ended, a draft, or gone); the number of members now)."""

        def op(c: Conn) -> tuple[bool | None, int]:
            row = c.execute("SELECT guild_id, state FROM group_plans WHERE id = ?", (plan_id,)).fetchone()
            if row is None or row[1] not in _OPEN_STATES:
                return None, self._member_count(c, plan_id) if row is not None else 0
            joined = c.execute(
                "INSERT INTO group_members (plan_id, guild_id, user_id, joined_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (plan_id, user_id) DO NOTHING", (plan_id, row[0], user_id, now())
            ).rowcount > 0
            return joined, self._member_count(c, plan_id)

        return self._run(op, write=True)

    def leave_group(self, plan_id: int, user_id: int) -> bool:
        """Remove a member and their reminder: no trace of the membership stays. True if they were one."""

        def op(c: Conn) -> bool:
            c.execute("DELETE FROM group_reminders WHERE plan_id = ? AND user_id = ?", (plan_id, user_id))
            return c.execute("DELETE FROM group_members WHERE plan_id = ? AND user_id = ?",
                             (plan_id, user_id)).rowcount > 0

        return self._run(op, write=True)

    def group_membership(self, plan_id: int, user_id: int) -> tuple[bool, bool]:
        """(a member?, with a reminder?)"""

        def op(c: Conn) -> tuple[bool, bool]:
            member = c.execute("SELECT 1 FROM group_members WHERE plan_id = ? AND user_id = ?",
                               (plan_id, user_id)).fetchone() is not None
            reminder = c.execute("SELECT 1 FROM group_reminders WHERE plan_id = ? AND user_id = ?",
                                 (plan_id, user_id)).fetchone() is not None
            return member, reminder

        return self._run(op, write=False)

    def group_member_ids(self, plan_id: int) -> list[int]:
        """The plan's members, in the order they joined."""
        return self._run(lambda c: [int(r[0]) for r in c.execute(
            "SELECT user_id FROM group_members WHERE plan_id = ? ORDER BY joined_at, user_id", (plan_id,))],
            write=False)

    def set_group_reminder(self, plan_id: int, user_id: int, on: bool) -> bool | None:
        """Turn a member's check-in-day DM reminder on or off; True if it changed, False if it already was,
        None when they are not a member (only members get reminders)."""

        def op(c: Conn) -> bool | None:
            if c.execute("SELECT 1 FROM group_members WHERE plan_id = ? AND user_id = ?",
                         (plan_id, user_id)).fetchone() is None:
                return None
            if not on:
                return c.execute("DELETE FROM group_reminders WHERE plan_id = ? AND user_id = ?",
                                 (plan_id, user_id)).rowcount > 0
            return self._add_reminder(c, plan_id, user_id)

        return self._run(op, write=True)

    def toggle_group_reminder(self, plan_id: int, user_id: int) -> bool | None:
        """Turn a member's reminder on if it was off, off if it was on; returns whether it is on now, None
        when they are not a member."""

        def op(c: Conn) -> bool | None:
            if c.execute("SELECT 1 FROM group_members WHERE plan_id = ? AND user_id = ?",
                         (plan_id, user_id)).fetchone() is None:
                return None
            if c.execute("DELETE FROM group_reminders WHERE plan_id = ? AND user_id = ?",
                         (plan_id, user_id)).rowcount > 0:
                return False
            self._add_reminder(c, plan_id, user_id)
            return True

        return self._run(op, write=True)

    @staticmethod
    def _add_reminder(c: Conn, plan_id: int, user_id: int) -> bool:
        # A reminder turned on is due from the next check-in: the weeks already posted are not owed.
        last = c.execute("SELECT max(week) FROM group_checkins WHERE plan_id = ? AND message_id IS NOT NULL",
                         (plan_id,)).fetchone()[0]
        return c.execute(
            "INSERT INTO group_reminders (plan_id, guild_id, user_id, last_week, created_at)"
            " SELECT plan_id, guild_id, user_id, ?, ? FROM group_members WHERE plan_id = ? AND user_id = ?"
            " ON CONFLICT (plan_id, user_id) DO NOTHING",
            (int(last or 0), now(), plan_id, user_id)
        ).rowcount > 0

    def claim_group_reminders(self, plan_id: int, week: int) -> list[int]:
        """The members whose reminder for ``week`` is owed, marked as sent in the same statement: each
        reminder is handed out once, to one process, whoever asks."""

        def op(c: Conn) -> list[int]:
            return sorted(int(r[0]) for r in c.execute(
                "UPDATE group_reminders SET last_week = ? WHERE plan_id = ? AND last_week < ? RETURNING user_id",
                (week, plan_id, week)).fetchall())

        return self._run(op, write=True)

    def claim_checkin(self, plan_id: int, week: int, claimer: str, lease_s: float) -> bool:
        """Claim the right to post the plan's check-in for ``week``: True for exactly one caller, in any
        process (the primary key decides), until the claim is posted (:meth:`record_checkin`) or released.
        A claim never posted and older than ``lease_s`` seconds (its process died) can be claimed again."""
        stale = _stamp(datetime.now(timezone.utc) - timedelta(seconds=lease_s))

        def op(c: Conn) -> bool:
            stamp = now()
            if c.execute(
                "INSERT INTO group_checkins (plan_id, week, claimed_by, claimed_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (plan_id, week) DO NOTHING", (plan_id, week, claimer, stamp)
            ).rowcount > 0:
                return True
            return c.execute(
                "UPDATE group_checkins SET claimed_by = ?, claimed_at = ? WHERE plan_id = ? AND week = ?"
                " AND message_id IS NULL AND claimed_at < ?", (claimer, stamp, plan_id, week, stale)
            ).rowcount > 0

        return self._run(op, write=True)

    def record_checkin(self, plan_id: int, week: int, claimer: str, channel_id: int, message_id: int,
                       posted_at: datetime, late: bool) -> bool:
        """The claimed check-in was posted; False when the claim was not (any longer) ``claimer``'s."""
        return self._run(lambda c: c.execute(
            "UPDATE group_checkins SET channel_id = ?, message_id = ?, posted_at = ?, late = ?"
            " WHERE plan_id = ? AND week = ? AND claimed_by = ? AND message_id IS NULL",
            (channel_id, message_id, _stamp(posted_at), 1 if late else 0, plan_id, week, claimer)
        ).rowcount > 0, write=True)

    def release_checkin(self, plan_id: int, week: int, claimer: str) -> bool:
        """Give up a claim that could not be posted (Discord failed): the week is owed again."""
        return self._run(lambda c: c.execute(
            "DELETE FROM group_checkins WHERE plan_id = ? AND week = ? AND claimed_by = ? AND message_id IS NULL",
            (plan_id, week, claimer)).rowcount > 0, write=True)

    def get_checkin(self, plan_id: int, week: int) -> CheckinRow | None:
        """The week's check-in (claimed or posted), or None."""

        def op(c: Conn) -> CheckinRow | None:
            row = c.execute(
                "SELECT plan_id, week, claimed_by, claimed_at, channel_id, message_id, posted_at, late"
                " FROM group_checkins WHERE plan_id = ? AND week = ?", (plan_id, week)).fetchone()
            if row is None:
                return None
            return CheckinRow(int(row[0]), int(row[1]), row[2], row[3], None if row[4] is None else int(row[4]),
                              None if row[5] is None else int(row[5]), row[6], bool(row[7]))

        return self._run(op, write=False)

    def checkin_done(self, plan_id: int, guild_id: int, user_id: int, item_id: str,
                     at: datetime | None = None) -> CheckinDone | None:
        """A Done click under a check-in: mark the item done for the user (as :meth:`mark_done`), in one
        transaction with what the reply needs; None when the plan is gone."""
        stamp = _stamp(at)

        def op(c: Conn) -> CheckinDone | None:
            row = c.execute(f"SELECT {self._PLAN_COLUMNS} FROM group_plans WHERE id = ?", (plan_id,)).fetchone()
            if row is None:
                return None
            self._insert_profile(c, guild_id, user_id)
            new = c.execute(
                "INSERT INTO progress (guild_id, user_id, item_id, done_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (guild_id, user_id, item_id) DO NOTHING", (guild_id, user_id, item_id, stamp)
            ).rowcount > 0
            if new:
                self._touch(c, guild_id, user_id)
            done = frozenset(r[0] for r in c.execute(
                "SELECT item_id FROM progress WHERE guild_id = ? AND user_id = ?", (guild_id, user_id)))
            member = c.execute("SELECT 1 FROM group_members WHERE plan_id = ? AND user_id = ?",
                               (plan_id, user_id)).fetchone() is not None
            return CheckinDone(self._plan_row(row), new, done, member)

        return self._run(op, write=True)

    def group_progress(self, plan_id: int) -> dict[int, dict[str, str]]:
        """Every member's completed items with their timestamps (members without any have ``{}``), in the
        order they joined: the data behind the group's status and streaks."""

        def op(c: Conn) -> dict[int, dict[str, str]]:
            out: dict[int, dict[str, str]] = {}
            for user, item, done in c.execute(
                    "SELECT m.user_id, p.item_id, p.done_at FROM group_members m"
                    " LEFT JOIN progress p ON p.guild_id = m.guild_id AND p.user_id = m.user_id"
                    " WHERE m.plan_id = ? ORDER BY m.joined_at, m.user_id, p.done_at", (plan_id,)):
                done_at = out.setdefault(int(user), {})
                if item is not None:
                    done_at[item] = done
            return out

        return self._run(op, write=False)

    # -- answers, feedback, questions ----------------------------------------------------------------

    def record_answer(self, answer_id: str, guild_id: int, user_id: int, question: str | None) -> None:
        """Record an answer the bot posted. The question text is kept only if the guild stores questions."""

        def op(c: Conn) -> None:
            keep = self._load_guild_settings(c, guild_id).store_questions
            c.execute(
                "INSERT INTO answers (answer_id, guild_id, user_id, question, created_at)"
                " VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (answer_id) DO UPDATE SET guild_id = excluded.guild_id,"
                " user_id = excluded.user_id, question = excluded.question",
                (answer_id, guild_id, user_id, question if keep else None, now()),
            )

        self._run(op, write=True)

    def record_vote(self, answer_id: str, user_id: int, vote: int, *, guild_id: int | None = None) -> None:
        """Record (or change) ``user_id``'s +1/-1 vote on an answer.

        The guild and question come from ``record_answer``; ``guild_id`` is only a fallback for answers
        that were never recorded (ValueError if neither is known).
        """
        if isinstance(vote, bool) or vote not in (1, -1):
            raise ValueError(f"vote must be +1 or -1, not {vote!r}")

        def op(c: Conn) -> None:
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
                (gid, user_id, answer_id, question, vote, now()),
            )

        self._run(op, write=True)

    def record_question(self, guild_id: int, user_id: int, question: str, answered: bool) -> bool:
        """Store a question if the guild enabled ``store_questions``; True if stored."""

        def op(c: Conn) -> bool:
            if not self._load_guild_settings(c, guild_id).store_questions:
                return False
            c.execute(
                "INSERT INTO questions (guild_id, user_id, question, answered, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (guild_id, user_id, question, 1 if answered else 0, now()),
            )
            return True

        return self._run(op, write=True)

    # -- whole tables (careerbot db copy) ------------------------------------------------------------

    def table_digests(self) -> list[TableDigest]:
        """Row count and checksum of every table, in one snapshot."""
        return self._run(lambda c: [self._digest(c, table) for table in migrations.TABLES], write=False)

    @staticmethod
    def _digest(c: Conn, table: migrations.Table) -> TableDigest:
        """Count and an order-independent checksum (the sum of the rows' SHA-256, mod 2**256): the same
        for the same rows on either backend, whatever order each returns them in."""
        total = count = 0
        cur = c.execute(f"SELECT {', '.join(table.columns)} FROM {table.name}")  # names from TABLES
        while batch := cur.fetchmany(1000):
            for row in batch:
                total = (total + _row_hash(tuple(row))) % (1 << 256)
                count += 1
        return TableDigest(table.name, count, f"{total:064x}"[:16])
