#!/usr/bin/env python
"""Database benchmark (not a test): the store's typical calls on PostgreSQL through psycopg 3 and asyncpg,
to choose the driver, and through the real store on both backends.

The bot calls the store from its event loop; the store is synchronous and runs on worker threads
(``await store.run(Store.get_profile, ...)``). Each driver is measured the way the bot would use it, with the
same SQL and transactions as the store:

* ``psycopg+pool (threads)``: psycopg 3, ``psycopg_pool.ConnectionPool``, each call on one of 8 worker
  threads (what ``PostgresStore`` does);
* ``asyncpg (event loop)``: asyncpg's own pool awaited on the event loop: its best case, which would need
  an all-async store;
* ``asyncpg (from threads)``: asyncpg behind a synchronous store: worker threads hand each call to an event
  loop in another thread (``run_coroutine_threadsafe``);
* ``store: postgres`` / ``store: sqlite``: the real ``PostgresStore`` / ``SqliteStore`` through
  ``Store.run``, for reference.

Calls: ``get_profile`` (a read transaction, 2 SELECTs), ``mark_done`` (a write transaction, 3 statements),
``list_qa_channels`` (a read transaction, 1 SELECT). Latency is from the event loop's point of view, at
concurrency 1 (one call at a time) and 8 (eight callers at once).

    python scripts/bench_db.py [--calls 400] [--url postgresql://...]

Without ``--url`` (or ``CAREERBOT_TEST_PG_URL``) it starts a throwaway server (tests/_pg_server.py).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import psycopg
from _stats import pct
from psycopg import IsolationLevel
from psycopg_pool import ConnectionPool

from bot.store import Store, open_store
from bot.store.base import now

try:  # not a careerbot dependency: only this comparison needs it (pip install asyncpg)
    import asyncpg
except ImportError:
    asyncpg = None

WORKERS = 8
OPS = ("get_profile", "mark_done", "list_qa_channels")
SCHEMA_SQL = """
DROP SCHEMA IF EXISTS bench CASCADE;
CREATE SCHEMA bench;
"""


# --------------------------------------------------------------------------------------------- psycopg

class PsycopgOps:
    def __init__(self, url: str) -> None:
        self.pool = ConnectionPool(url, min_size=WORKERS, max_size=WORKERS, kwargs={"autocommit": True},
                                   open=True)
        self.pool.wait()

    def _tx(self, write: bool, fn: Callable[[psycopg.Connection], Any]) -> Any:
        with self.pool.connection() as conn:
            conn.read_only = not write
            conn.isolation_level = None if write else IsolationLevel.REPEATABLE_READ
            with conn.transaction():
                return fn(conn)

    def get_profile(self, g: int, u: int) -> Any:
        def op(c: psycopg.Connection) -> Any:
            row = c.execute("SELECT stage, target_role, hours_per_week, lang, created_at, updated_at FROM profiles"
                            " WHERE guild_id = %s AND user_id = %s", (g, u)).fetchone()
            items = c.execute("SELECT item_id FROM progress WHERE guild_id = %s AND user_id = %s", (g, u)).fetchall()
            return row, items
        return self._tx(False, op)

    def mark_done(self, g: int, u: int, item: str) -> Any:
        def op(c: psycopg.Connection) -> Any:
            stamp = now()
            c.execute("INSERT INTO profiles (guild_id, user_id, created_at, updated_at) VALUES (%s, %s, %s, %s)"
                      " ON CONFLICT (guild_id, user_id) DO NOTHING", (g, u, stamp, stamp))
            cur = c.execute("INSERT INTO progress (guild_id, user_id, item_id, done_at) VALUES (%s, %s, %s, %s)"
                            " ON CONFLICT DO NOTHING", (g, u, item, stamp))
            if cur.rowcount:
                c.execute("UPDATE profiles SET updated_at = %s WHERE guild_id = %s AND user_id = %s", (stamp, g, u))
        return self._tx(True, op)

    def list_qa_channels(self, g: int) -> Any:
        return self._tx(False, lambda c: c.execute("SELECT channel_id FROM qa_channels WHERE guild_id = %s",
                                                   (g,)).fetchall())

    def close(self) -> None:
        self.pool.close()


# --------------------------------------------------------------------------------------------- asyncpg

class AsyncpgOps:
    def __init__(self, pool: Any) -> None:
        self.pool = pool

    @classmethod
    async def create(cls, url: str) -> AsyncpgOps:
        # asyncpg takes the socket directory as host=; search_path as a server setting
        return cls(await asyncpg.create_pool(url, min_size=WORKERS, max_size=WORKERS,
                                             server_settings={"search_path": "bench"}))

    async def get_profile(self, g: int, u: int) -> Any:
        async with self.pool.acquire() as c, c.transaction(isolation="repeatable_read", readonly=True):
            row = await c.fetchrow("SELECT stage, target_role, hours_per_week, lang, created_at, updated_at"
                                   " FROM profiles WHERE guild_id = $1 AND user_id = $2", g, u)
            items = await c.fetch("SELECT item_id FROM progress WHERE guild_id = $1 AND user_id = $2", g, u)
            return row, items

    async def mark_done(self, g: int, u: int, item: str) -> Any:
        async with self.pool.acquire() as c, c.transaction():
            stamp = now()
            await c.execute("INSERT INTO profiles (guild_id, user_id, created_at, updated_at) VALUES ($1, $2, $3, $3)"
                            " ON CONFLICT (guild_id, user_id) DO NOTHING", g, u, stamp)
            status = await c.execute("INSERT INTO progress (guild_id, user_id, item_id, done_at)"
                                     " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", g, u, item, stamp)
            if status.endswith(" 1"):
                await c.execute("UPDATE profiles SET updated_at = $1 WHERE guild_id = $2 AND user_id = $3",
                                stamp, g, u)

    async def list_qa_channels(self, g: int) -> Any:
        async with self.pool.acquire() as c, c.transaction(isolation="repeatable_read", readonly=True):
            return await c.fetch("SELECT channel_id FROM qa_channels WHERE guild_id = $1", g)


class LoopThread:
    """An event loop in its own thread (how a synchronous store would have to drive asyncpg)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def call(self, coro: Awaitable[Any]) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result()  # type: ignore[arg-type]

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


# --------------------------------------------------------------------------------------------- driver

Call = Callable[[str, int], Awaitable[Any]]  # (op, i) -> awaitable, from the event loop


def args_for(op: str, i: int) -> tuple[Any, ...]:
    g, u = 1, 1000 + i % 500
    if op == "get_profile":
        return g, u
    if op == "mark_done":
        return g, u, f"item.{i}"
    return (g,)


async def measure(call: Call, op: str, calls: int, concurrency: int) -> list[float]:
    counter = itertools.count()
    latencies: list[float] = []

    async def worker() -> None:
        while (i := next(counter)) < calls:
            t0 = time.perf_counter()
            await call(op, i)
            latencies.append((time.perf_counter() - t0) * 1000)

    for i in range(20):  # warm-up: connections, prepared statements
        await call(op, 10_000 + i)
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies


def schema_url(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


def prepare_schema(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(SCHEMA_SQL)
    with open_store(schema_url(url, "bench")) as store:
        store.add_qa_channel(1, 10)
        store.add_qa_channel(1, 11)


async def run_asyncpg(url: str, threads: ThreadPoolExecutor,
                      run_modes: Callable[[str, Call], Awaitable[None]]) -> None:
    loop = asyncio.get_running_loop()
    prepare_schema(url)
    apg = await AsyncpgOps.create(url)
    try:
        await run_modes("asyncpg (event loop)", lambda op, i: getattr(apg, op)(*args_for(op, i)))
    finally:
        await apg.pool.close()

    prepare_schema(url)
    side = LoopThread()
    apg2 = side.call(AsyncpgOps.create(url))
    try:
        await run_modes("asyncpg (from threads)", lambda op, i: loop.run_in_executor(
            threads, lambda: side.call(getattr(apg2, op)(*args_for(op, i)))))
    finally:
        side.call(apg2.pool.close())
        side.stop()


async def run_all(url: str, calls: int) -> list[tuple[str, str, int, list[float]]]:
    results: list[tuple[str, str, int, list[float]]] = []
    loop = asyncio.get_running_loop()
    threads = ThreadPoolExecutor(WORKERS)

    async def run_modes(name: str, call: Call) -> None:
        for concurrency in (1, 8):
            for op in OPS:
                results.append((name, op, concurrency, await measure(call, op, calls, concurrency)))
                print(f"  {name:28} {op:17} c={concurrency}: done", file=sys.stderr)

    prepare_schema(url)
    psy = PsycopgOps(schema_url(url, "bench"))
    try:
        await run_modes("psycopg+pool (threads)", lambda op, i: loop.run_in_executor(
            threads, lambda: getattr(psy, op)(*args_for(op, i))))
    finally:
        psy.close()

    if asyncpg is None:
        print("asyncpg is not installed (pip install asyncpg): measuring psycopg and the store only",
              file=sys.stderr)
    else:
        await run_asyncpg(url, threads, run_modes)

    prepare_schema(url)
    with tempfile.TemporaryDirectory() as tmp:
        for name, target in (("store: postgres (psycopg)", schema_url(url, "bench")),
                             ("store: sqlite", str(Path(tmp) / "bench.sqlite3"))):
            store = open_store(target)
            store.add_qa_channel(1, 10)
            methods = {op: getattr(Store, op) for op in OPS}
            try:
                await run_modes(name, lambda op, i, s=store, m=methods: s.run(m[op], *args_for(op, i)))
            finally:
                store.close()
    threads.shutdown()
    return results


@contextlib.contextmanager
def server(url: str | None) -> Iterator[str]:
    if url:
        yield url
        return
    from _pg_server import PgServer

    with PgServer.started() as pg:
        yield pg.url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=400, help="calls per operation and concurrency")
    parser.add_argument("--url", default=os.environ.get("CAREERBOT_TEST_PG_URL"),
                        help="a PostgreSQL server to use (default: start a throwaway one)")
    args = parser.parse_args()
    with server(args.url) as url:
        results = asyncio.run(run_all(url, args.calls))
    print(f"\n{'driver':28} {'call':17} {'conc':>4} {'p50 ms':>7} {'p99 ms':>7} {'calls/s':>8}")
    for name, op, concurrency, lat in results:
        rate = concurrency * 1000 / statistics.mean(lat)
        print(f"{name:28} {op:17} {concurrency:4d} {pct(lat, 50):7.2f} {pct(lat, 99):7.2f} {rate:8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
