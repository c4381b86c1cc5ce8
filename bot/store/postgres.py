"""The server backend: PostgreSQL through psycopg 3 and its connection pool (``pip install careerbot[pg]``).

Why psycopg and not asyncpg: the store is synchronous and called from worker threads (``Store.run``), and
``scripts/bench_db.py`` measured both drivers on the store's typical calls as the bot makes them; the README
has the figures. asyncpg would need an event loop of its own behind every call from a thread, for no gain.

* **Connections**: a pool (``psycopg_pool.ConnectionPool``) of autocommit connections; each public method
  takes one for one explicit transaction. Reads run ``REPEATABLE READ READ ONLY`` (one snapshot across the
  SELECTs of a method), writes ``READ COMMITTED``.
* **Busy**: ``lock_timeout`` is ``busy_wait_s``, so a write blocked by another writer's row lock waits at
  most that long; a lock timeout, a deadlock or a serialisation failure is retried until the same deadline,
  then StoreBusy. Nothing of a failed transaction is kept.
* **Migrations**: all pending ones in one transaction, under a transaction-scoped advisory lock keyed by the
  schema, so two processes starting at once do not both migrate (the second waits, then finds nothing to
  do). The version is the one row of ``careerbot_schema``.
* **Settings across processes**: a settings write sends ``NOTIFY careerbot_settings`` in its transaction (so
  only on commit); :meth:`settings_version` starts, on first use, a listener thread on its own connection
  that counts the notifications for this schema. A lost listener connection is re-opened and counts as a
  change (a notification may have been missed meanwhile).
* **Schemas**: tables go to the connection's ``search_path``, so one database can hold several careerbots
  (the tests give each test a schema: ``?options=-csearch_path%3Dname``).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import random
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any, Final, TypeVar
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bot.store.base import DEFAULT_BUSY_WAIT_S, Conn, Cursor, Store, StoreBusy, StoreError

try:
    import psycopg
    from psycopg import IsolationLevel
    from psycopg import errors as pg_errors
    from psycopg_pool import ConnectionPool, PoolTimeout
except ImportError as exc:  # pragma: no cover - depends on the install
    raise StoreError(
        "PostgreSQL support needs psycopg 3 and psycopg_pool: pip install 'careerbot[pg]'"
    ) from exc

log = logging.getLogger(__name__)

T = TypeVar("T")

#: The LISTEN/NOTIFY channel for settings changes; the payload is the schema that changed.
SETTINGS_CHANNEL: Final = "careerbot_settings"
#: Pool bounds (the bot's worker threads match the maximum, so a call never waits for a connection).
POOL_MIN: Final = 1
POOL_MAX: Final = 8
CONNECT_TIMEOUT_S: Final = 10
#: A migration waits this long for another process's migration (it holds the advisory lock meanwhile).
MIGRATION_LOCK_WAIT_S: Final = 60

_RETRY = (pg_errors.LockNotAvailable, pg_errors.SerializationFailure, pg_errors.DeadlockDetected)


def redact(url: str) -> str:
    """The URL without its password (in the authority or as a ``password=`` parameter)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        if ":" in userinfo:
            userinfo = userinfo.split(":", 1)[0] + ":***"
        netloc = f"{userinfo}@{host}"
    query = urlencode([(k, "***" if k == "password" else v) for k, v in parse_qsl(parts.query)], safe="/")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


@functools.lru_cache(maxsize=512)
def _pg_sql(sql: str) -> str:
    """``?`` placeholders (the shared SQL) to ``%s``: the shared SQL has no literal ``?`` or ``%``."""
    return sql.replace("?", "%s")


class _PgConn:
    """A psycopg connection speaking the shared code's ``?`` SQL."""

    __slots__ = ("raw",)

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw

    def execute(self, sql: str, params: Any = None, /) -> Cursor:
        return self.raw.execute(_pg_sql(sql), params or None)  # type: ignore[arg-type, return-value]

    def executemany(self, sql: str, seq: Any, /) -> None:
        with self.raw.cursor() as cur:
            cur.executemany(_pg_sql(sql), seq)  # type: ignore[arg-type]


class PostgresStore(Store):
    """A careerbot database on a PostgreSQL server; ``PostgresStore(url)`` connects and migrates."""

    dialect = "postgres"
    run_workers = POOL_MAX

    def __init__(self, url: str, *, busy_wait_s: float = DEFAULT_BUSY_WAIT_S, migrate: bool = True) -> None:
        super().__init__(busy_wait_s)
        self.url = url
        self._where = redact(url)
        self._pool: ConnectionPool[Any] | None = None
        self._schema = ""
        self._listen_lock = threading.Lock()
        self._listener: threading.Thread | None = None
        self._listen_stop = threading.Event()
        self._settings_gen = 0
        try:
            with self._connect() as conn:
                self._schema = conn.execute("SELECT current_schema()").fetchone()[0] or ""  # type: ignore[index]
                if migrate:
                    self._migrate_on(conn)
                else:
                    self._check_version(self._read_version(_PgConn(conn)))
        except psycopg.Error as exc:
            raise StoreError(f"cannot open database at {self._where}: {exc}") from exc
        self._pool = ConnectionPool(
            url,
            min_size=POOL_MIN,
            max_size=POOL_MAX,
            kwargs=self._connect_kwargs(),
            configure=self._configure,
            check=ConnectionPool.check_connection,  # a server restart costs a reconnect, not a failed call
            name="careerbot",
            open=False,
        )
        try:
            self._pool.open(wait=True, timeout=CONNECT_TIMEOUT_S)
        except PoolTimeout as exc:
            self._pool.close()
            self._pool = None
            raise StoreError(
                f"cannot open database at {self._where}: no connection in {CONNECT_TIMEOUT_S} s") from exc

    # -- lifecycle -----------------------------------------------------------------------------------

    def _describe(self) -> str:
        return self._where

    @staticmethod
    def _connect_kwargs() -> dict[str, Any]:
        return {"autocommit": True, "application_name": "careerbot", "connect_timeout": CONNECT_TIMEOUT_S}

    def _connect(self) -> psycopg.Connection[Any]:
        conn = psycopg.connect(self.url, **self._connect_kwargs())
        self._configure(conn)
        return conn

    def _configure(self, conn: psycopg.Connection[Any]) -> None:
        # lock_timeout 0 would mean "wait forever": never less than 1 ms.
        conn.execute(f"SET lock_timeout = {max(1, int(self.busy_wait_s * 1000))}")  # an int we computed

    def _close(self) -> None:
        self._listen_stop.set()
        with self._listen_lock:
            listener, self._listener = self._listener, None
        if listener is not None and listener is not threading.current_thread():
            listener.join(5)
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()

    @property
    def closed(self) -> bool:
        return self._pool is None

    # -- transactions --------------------------------------------------------------------------------

    def _begin(self, raw: psycopg.Connection[Any], write: bool) -> None:
        raw.read_only = not write
        raw.isolation_level = None if write else IsolationLevel.REPEATABLE_READ

    def _run(self, fn: Callable[[Conn], T], *, write: bool) -> T:
        deadline = time.monotonic() + self.busy_wait_s
        delay = 0.01
        tries = 0
        while True:
            pool = self._pool
            if pool is None:
                raise self._closed_error()
            tries += 1
            try:
                with pool.connection(timeout=max(0.1, deadline - time.monotonic())) as raw:
                    self._begin(raw, write)
                    with raw.transaction():
                        return fn(_PgConn(raw))
            except PoolTimeout as exc:
                raise StoreBusy(f"database is busy (no free connection to {self._where}); try again") from exc
            except _RETRY as exc:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    log.warning("database %s still locked after %d attempts: %s", self._where, tries,
                                exc.__class__.__name__)
                    raise StoreBusy(
                        f"database is busy (another process is writing to {self._where}); try again"
                    ) from exc
                log.debug("database %s: %s (attempt %d), retrying", self._where, exc.__class__.__name__,
                          tries)
                time.sleep(min(delay * random.uniform(0.5, 1.5), remaining))
                delay = min(delay * 2, 0.5)
            except psycopg.Error as exc:
                raise StoreError(f"database error in {self._where}: {exc}") from exc

    @contextlib.contextmanager
    def _transaction(self, *, write: bool = True) -> Iterator[Conn]:
        pool = self._pool
        if pool is None:
            raise self._closed_error()
        with pool.connection() as raw:
            self._begin(raw, write)
            with raw.transaction():
                yield _PgConn(raw)

    # -- migrations ----------------------------------------------------------------------------------

    def _read_version(self, c: Conn) -> int:
        if c.execute("SELECT to_regclass('careerbot_schema')").fetchone()[0] is None:
            return 0
        row = c.execute("SELECT version FROM careerbot_schema").fetchone()
        return 0 if row is None else int(row[0])

    def _write_version(self, c: Conn, version: int) -> None:
        c.execute("DELETE FROM careerbot_schema")
        c.execute("INSERT INTO careerbot_schema (version) VALUES (?)", (version,))

    def _execute_script(self, c: Conn, script: str) -> None:
        c.execute(script)  # no parameters: psycopg sends the whole script at once

    def _migrate_on(self, raw: psycopg.Connection[Any]) -> tuple[int, int]:
        conn = _PgConn(raw)
        current = self._read_version(conn)
        self._check_version(current)
        if current == self._latest():
            return current, current
        with raw.transaction():
            conn.execute(f"SET LOCAL lock_timeout = {MIGRATION_LOCK_WAIT_S * 1000}")
            # One migrator per schema at a time; released at COMMIT/ROLLBACK.
            conn.execute("SELECT pg_advisory_xact_lock(hashtext('careerbot.migrate:' || current_schema()))")
            conn.execute("CREATE TABLE IF NOT EXISTS careerbot_schema (version INTEGER NOT NULL)")
            start, end = self._apply_migrations(conn)  # re-reads the version under the lock
        if start != end:
            log.info("migrated database %s from schema version %d to %d", self._where, start, end)
        return start, end

    @staticmethod
    def _latest() -> int:
        from bot.store import migrations

        return migrations.MIGRATIONS[-1].version

    def _migrate(self) -> tuple[int, int]:
        try:
            with self._connect() as raw:
                return self._migrate_on(raw)
        except StoreError:
            raise
        except psycopg.Error as exc:
            raise StoreError(f"cannot migrate database at {self._where}: {exc}") from exc

    # -- dialect extras ------------------------------------------------------------------------------

    def _settings_changed(self, c: Conn, guild_id: int) -> None:
        c.execute("SELECT pg_notify(?, ?)", (SETTINGS_CHANNEL, self._schema))

    def _after_copy_into(self, c: Conn, table: Any) -> None:
        if table.identity is None:
            return
        # Rows were inserted with their ids: move the identity sequence past them.
        c.execute(
            f"SELECT setval(pg_get_serial_sequence(?, ?), COALESCE(MAX({table.identity}), 0) + 1, false)"
            f" FROM {table.name}",  # names from migrations.TABLES
            (table.name, table.identity),
        )

    def _settings_version(self) -> int:
        with self._listen_lock:
            if self._pool is None:
                raise self._closed_error()
            if self._listener is None:
                try:
                    conn = self._listen_connection()
                except psycopg.Error as exc:
                    raise StoreError(f"cannot listen for settings changes on {self._where}: {exc}") from exc
                self._listener = threading.Thread(target=self._listen, args=(conn,), daemon=True,
                                                  name="careerbot-db-listen")
                self._listener.start()
        return self._settings_gen

    def _listen_connection(self) -> psycopg.Connection[Any]:
        conn = self._connect()
        conn.execute(f"LISTEN {SETTINGS_CHANNEL}")
        return conn

    def _listen(self, conn: psycopg.Connection[Any] | None) -> None:
        backoff = 0.1
        while not self._listen_stop.is_set():
            try:
                if conn is None:
                    conn = self._listen_connection()
                    self._settings_gen += 1  # notifications may have been missed while disconnected
                    log.info("database %s: listening for settings changes again", self._where)
                    backoff = 0.1
                for note in conn.notifies(timeout=0.5):
                    if note.payload == self._schema:
                        self._settings_gen += 1
            except psycopg.Error as exc:
                if self._listen_stop.is_set():
                    break
                log.warning("database %s: settings listener lost its connection (%s); reconnecting",
                            self._where, exc.__class__.__name__)
                with contextlib.suppress(psycopg.Error):
                    if conn is not None:
                        conn.close()
                conn = None
                self._settings_gen += 1
                self._listen_stop.wait(backoff)
                backoff = min(backoff * 2, 5.0)
        if conn is not None:
            with contextlib.suppress(psycopg.Error):
                conn.close()
