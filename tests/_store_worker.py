"""Subprocess helper for tests/test_store.py (multi-process writes, SIGKILL mid-transaction).

Usage:
    python tests/_store_worker.py writes TARGET USER_ID COUNT   # prints READY, reads a start time on stdin,
                                                                 # then COUNT mark_done writes, prints DONE
    python tests/_store_worker.py killme DB COUNT               # SQLite: COUNT committed writes (prints
                                                                 # COMMITTED i after each), then an open write
                                                                 # transaction with many rows, prints IN_TX and
                                                                 # hangs

TARGET is anything ``open_store`` takes: a SQLite path or a ``postgresql://`` URL.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

if __package__ is None:  # run as a script: make the repository root importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.store import open_store


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def writes(target: str, user_id: int, count: int) -> None:
    with open_store(target, busy_wait_s=30) as store:
        _say("READY")
        start_at = float(sys.stdin.readline())  # start barrier: a wall-clock time shared by all workers
        time.sleep(max(0.0, start_at - time.time()))
        for i in range(count):
            assert store.mark_done(1, user_id, f"item.{user_id}.{i}")
            time.sleep(0.001)  # like real traffic: gaps in which the other process can take the lock
    _say("DONE")


def killme(db: str, count: int) -> None:
    store = open_store(db)
    for i in range(count):
        store.mark_done(0, 0, f"committed.{i}")
        _say(f"COMMITTED {i}")
    with store._transaction(write=True) as conn:
        conn.execute("PRAGMA cache_size = 8")  # tiny page cache: uncommitted pages spill into the WAL
        conn.executemany(
            "INSERT INTO progress (guild_id, user_id, item_id, done_at) VALUES (0, 0, ?, 'never')",
            ((f"uncommitted.{i}." + "x" * 400,) for i in range(3000)),
        )
        conn.execute("UPDATE profiles SET stage = 'uncommitted' WHERE guild_id = 0 AND user_id = 0")
        _say("IN_TX")
        time.sleep(120)  # the test SIGKILLs us here


def main(argv: list[str]) -> None:
    mode = argv[1]
    if mode == "writes":
        writes(argv[2], int(argv[3]), int(argv[4]))
    elif mode == "killme":
        killme(argv[2], int(argv[3]))
    else:
        raise SystemExit(f"unknown mode {mode!r}")


if __name__ == "__main__":
    main(sys.argv)
