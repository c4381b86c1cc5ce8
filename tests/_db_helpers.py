"""The bot's SQLite database seen from a test: read it (a separate connection; WAL allows concurrent readers),
wait for a row, snapshot every table, find every row about a user, and hold its write lock from "another
process". No Discord here: tests/test_store.py can use these as well as the Discord tests."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def query_db(db: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """Read the bot's database directly (a separate connection; WAL allows concurrent readers)."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, params).fetchall()


def wait_db(db: Path, sql: str, *params: Any, expect: Any, timeout: float = 5.0) -> None:
    """Poll a query until it returns ``expect`` (the bot records after replying, so allow it a moment)."""
    deadline = time.monotonic() + timeout
    while (rows := query_db(db, sql, *params)) != expect:
        if time.monotonic() > deadline:
            raise AssertionError(f"{sql} {params} -> {rows}, expected {expect}")
        time.sleep(0.05)


def db_snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (sorted), to compare the database before and after a command."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}


def rows_mentioning(db: Path, user_id: int | None, texts: tuple[str, ...] = ()) -> list[tuple[str, tuple[Any, ...]]]:
    """(table, row) for every row in the database with a column equal to ``user_id`` (as a number or a
    string) or a text column containing one of ``texts``."""
    ids = () if user_id is None else (user_id, str(user_id))
    found = []
    for table, rows in db_snapshot(db).items():
        for row in rows:
            if any(v in ids for v in row) or any(
                    isinstance(v, str) and any(t in v for t in texts) for v in row):
                found.append((table, row))
    return found


@contextlib.contextmanager
def write_lock(db: Path, seconds: float, sql: str, params: tuple[Any, ...] = (), *,
               commit: bool = True) -> Iterator[None]:
    """Another connection holds the database's write lock (``BEGIN IMMEDIATE`` plus the real write ``sql``)
    from a thread, for ``seconds`` or until the block ends, whichever comes first; then commits the write
    (``commit``), which must survive, or rolls it back."""
    locked, release = threading.Event(), threading.Event()
    errors: list[sqlite3.Error] = []

    def hold() -> None:
        try:
            with contextlib.closing(sqlite3.connect(db, timeout=5, isolation_level=None)) as conn:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute(sql, params)
                locked.set()
                release.wait(seconds)
                conn.execute("COMMIT" if commit else "ROLLBACK")
        except sqlite3.Error as exc:
            errors.append(exc)
            locked.set()

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    try:
        assert locked.wait(5)
        assert errors == []
        yield
    finally:
        release.set()
        thread.join(5)
    assert not thread.is_alive()
    assert errors == []
