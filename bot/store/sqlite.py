"""The embedded backend: one SQLite file (WAL mode).

* **Migrations**: every pending migration in ONE ``BEGIN IMMEDIATE`` transaction, with ``PRAGMA
  user_version`` set inside that same transaction, so a crash leaves the database either fully at the old
  version or fully at the new one; two processes opening a fresh file at once serialise on the write lock and
  the second finds nothing left to do. A database newer than this code is refused (StoreError).
* **Transactions**: ``BEGIN IMMEDIATE`` for writes (takes the write lock up front, so a write never fails
  half-way with SQLITE_BUSY_SNAPSHOT), plain ``BEGIN`` for reads (one consistent snapshot).
* **Concurrency**: other processes: SQLite's ``busy_timeout`` (at most 5 s per attempt) plus a bounded retry
  with exponential backoff for the SQLITE_BUSY that the busy handler does not cover (WAL recovery, lock
  upgrades); after ``busy_wait_s`` in total, StoreBusy. Threads: ONE connection (``check_same_thread=False``)
  and a lock held for the whole of each operation: operations take milliseconds, so serialising them inside
  a process costs nothing noticeable and is simple to reason about.
* **A file deleted or replaced under the process** (``rm``, a restore copied over it): the open connection
  would go on writing into a file nobody will ever read again, confirming every write. Before each write
  the path's device and inode are compared with the ones opened; when they differ the write is refused with
  StoreUnavailable ("couldn't save; nothing changed") and the log says why.
* **Forgetting leaves no copy**: ``secure_delete`` zeroes deleted content, and ``forget`` ends with a
  ``wal_checkpoint(TRUNCATE)`` so the user's rows do not stay in the ``-wal`` file either.
* **Settings across processes**: :meth:`settings_version` is ``PRAGMA data_version``, which changes when
  another connection committed (a few microseconds, no transaction).
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Final, TypeVar

from bot.store.base import (
    DEFAULT_BUSY_WAIT_S,
    NOTHING_CHANGED,
    Conn,
    Store,
    StoreBusy,
    StoreError,
    StoreUnavailable,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Upper bound of SQLite's own busy handler per attempt (milliseconds).
MAX_BUSY_TIMEOUT_MS: Final = 5000

_SQLITE_BUSY: Final = 5  # sqlite3.SQLITE_BUSY exists only from Python 3.11


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


class SqliteStore(Store):
    """A careerbot database in one SQLite file; ``SqliteStore(path)`` opens (creating it) and migrates."""

    dialect = "sqlite"

    def __init__(
        self, path: str | Path, *, busy_wait_s: float = DEFAULT_BUSY_WAIT_S, migrate: bool = True
    ) -> None:
        super().__init__(busy_wait_s)
        self.path: Path = Path(path).expanduser()
        # (the read-only URI the write check probes the file through; see _damaged)
        self._probe_uri = None if self._memory else f"{self.path.resolve().as_uri()}?mode=ro"
        self._lock = threading.Lock()
        self._busy_ms = -1
        self._identity: tuple[int, int] | None = None
        self._refusals = 0
        self._conn: sqlite3.Connection | None = None
        self._conn = self._connect()
        try:
            if migrate:
                self.migrate()
            else:
                self._check_version(self._read_version(self._conn))
            self._identity = self._file_identity()
        except BaseException:
            self._conn.close()
            self._conn = None
            raise

    # -- lifecycle -----------------------------------------------------------------------------------

    @property
    def _memory(self) -> bool:
        return str(self.path) == ":memory:"

    def _describe(self) -> str:
        return str(self.path)

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
            conn.execute("PRAGMA secure_delete = ON")  # deleted rows are zeroed, not left in free space
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

    def _close(self) -> None:
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

    # -- the file under us ---------------------------------------------------------------------------

    def _file_identity(self) -> tuple[int, int] | None:
        if self._memory:
            return None
        st = os.stat(self.path)
        return st.st_dev, st.st_ino

    def _damaged(self) -> bool:
        """The file at ``path`` no longer opens as a SQLite database, read through a second, short-lived connection.

        (The same file overwritten in place keeps its inode, and this process's connection may still commit from its
        page cache and the shared WAL index. A second *SQLite* connection is safe where a plain ``open()`` is not:
        closing a plain file descriptor would drop SQLite's POSIX locks for the whole process.)"""
        if self._probe_uri is None:
            return False
        try:
            with contextlib.closing(sqlite3.connect(self._probe_uri, uri=True, timeout=0)) as probe:
                probe.execute("PRAGMA schema_version").fetchone()
        except sqlite3.DatabaseError as exc:
            return "not a database" in str(exc) or "malformed" in str(exc)
        except sqlite3.Error:
            pass  # (busy, locked, cannot open: the write itself reports what it meets)
        return False

    def _check_file(self) -> None:
        """Refuse a write when the file this connection writes to is no longer the one at ``path``."""
        if self._identity is None:
            return
        try:
            current = self._file_identity()
        except FileNotFoundError:
            why = "it was deleted while careerbot was running"
        except OSError as exc:
            why = f"it cannot be read ({exc.strerror})"
        else:
            if current != self._identity:
                why = "it was replaced by another file while careerbot was running"
            elif self._damaged():
                why = "it no longer reads as a SQLite database (overwritten or damaged in place)"
            else:
                return
        self._refusals += 1
        log.log(
            logging.ERROR if self._refusals == 1 else logging.WARNING,
            "database %s: %s; refusing writes (they would be lost). Restart careerbot to use the file at "
            "that path.",
            self.path,
            why,
        )
        raise StoreUnavailable(f"{NOTHING_CHANGED}: the database file {self.path} {why.removeprefix('it ')}")

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

    @staticmethod
    def _transaction_once(conn: sqlite3.Connection, fn: Callable[[Conn], T], write: bool) -> T:
        conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            result = fn(conn)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
        return result

    def _run(self, fn: Callable[[Conn], T], *, write: bool) -> T:
        with self._lock:
            conn = self._conn
            if conn is None:
                raise self._closed_error()
            if write:
                self._check_file()
            try:
                return self._with_retry(conn, lambda: self._transaction_once(conn, fn, write))
            except StoreError:
                raise
            except sqlite3.Error as exc:
                raise StoreError(f"database error in {self.path}: {exc}") from exc

    @contextlib.contextmanager
    def _transaction(self, *, write: bool = True) -> Iterator[Conn]:
        with self._lock:
            conn = self._conn
            if conn is None:
                raise self._closed_error()
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.rollback()
                raise

    # -- migrations ----------------------------------------------------------------------------------

    def _read_version(self, c: Conn) -> int:
        return int(c.execute("PRAGMA user_version").fetchone()[0])

    def _write_version(self, c: Conn, version: int) -> None:
        c.execute(f"PRAGMA user_version = {int(version)}")  # an int; PRAGMA takes no parameters

    def _execute_script(self, c: Conn, script: str) -> None:
        for statement in _split_sql(script):
            c.execute(statement)

    def _migrate(self) -> tuple[int, int]:
        with self._lock:
            conn = self._conn
            if conn is None:
                raise self._closed_error()
            try:
                current = self._read_version(conn)
            except sqlite3.Error as exc:
                raise StoreError(f"cannot read schema version of {self.path}: {exc}") from exc
            self._check_version(current)
            try:
                # Re-read under the write lock: another process may have migrated meanwhile.
                start, end = self._with_retry(
                    conn, lambda: self._transaction_once(conn, self._apply_migrations, True))
            except StoreError:
                raise
            except sqlite3.Error as exc:
                raise StoreError(f"cannot migrate database at {self.path}: {exc}") from exc
        if start != end:
            log.info("migrated database %s from schema version %d to %d", self.path, start, end)
        return start, end

    # -- dialect extras ------------------------------------------------------------------------------

    def _after_forget(self) -> None:
        """Copy the WAL into the database file and truncate it, so the forgotten rows (and their earlier
        versions) are not left in ``-wal``. Another process reading at that moment can make it fail to
        truncate (then the log says so; its next checkpoint overwrites the frames)."""
        with self._lock:
            conn = self._conn
            if conn is None or self._memory:
                return
            try:
                busy, _log_frames, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            except sqlite3.Error as exc:
                log.warning("database %s: WAL checkpoint after forget failed: %s", self.path, exc)
                return
            if busy:
                log.warning("database %s: WAL checkpoint after forget was blocked by another connection; "
                            "the -wal file is truncated at the next checkpoint", self.path)

    def _settings_version(self) -> int:
        with self._lock:
            conn = self._conn
            if conn is None:
                raise self._closed_error()
            try:
                return int(conn.execute("PRAGMA data_version").fetchone()[0])
            except sqlite3.Error as exc:
                raise StoreError(f"database error in {self.path}: {exc}") from exc
