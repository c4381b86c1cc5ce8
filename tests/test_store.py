from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import os
import queue
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot import store as store_mod
from bot.store import (
    LATEST_VERSION,
    MIGRATIONS,
    AsyncStore,
    GuildSettings,
    Store,
    StoreBusy,
    StoreError,
    default_db_path,
)

WORKER = Path(__file__).with_name("_store_worker.py")
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "sub" / "careerbot.sqlite3"


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    with Store(db) as s:
        yield s


@contextlib.contextmanager
def raw(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain autocommit connection, bypassing Store, closed afterwards."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def tables(conn: sqlite3.Connection) -> set[str]:
    return {
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }


def user_tables(conn: sqlite3.Connection) -> list[str]:
    """Every table with a user_id column, discovered from the schema (so new tables are covered too)."""
    return sorted(
        t for t in tables(conn) if any(col[1] == "user_id" for col in conn.execute(f"PRAGMA table_info({t})"))
    )


ALL_TABLES = {
    "profiles",
    "progress",
    "feedback",
    "guild_settings",
    "qa_channels",
    "pinned_plans",
    "questions",
    "answers",
}


# -- paths & opening ----------------------------------------------------------------------------------


def test_default_db_path_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CAREERBOT_DB", str(tmp_path / "x" / "env.sqlite3"))
    assert default_db_path() == tmp_path / "x" / "env.sqlite3"
    with Store() as s:
        assert s.path == tmp_path / "x" / "env.sqlite3"
    assert (tmp_path / "x" / "env.sqlite3").exists()


def test_default_db_path_platformdirs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CAREERBOT_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = default_db_path()
    assert path.name == "careerbot.sqlite3"
    assert path.parent.name == "careerbot"


def test_corrupt_file_raises_store_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is definitely not an sqlite database\n" * 200)
    with pytest.raises(StoreError, match=re.escape("bad.sqlite3")):
        Store(bad)


def test_unopenable_path_raises_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open database"):
        Store(blocker / "db.sqlite3")  # parent is a regular file


def test_closed_store_raises(db: Path) -> None:
    s = Store(db)
    s.close()
    s.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        s.get_profile(0, 0)


# -- migrations -----------------------------------------------------------------------------------------


def test_migrations_are_numbered() -> None:
    versions = [v for v, _ in MIGRATIONS]
    assert versions == list(range(1, len(versions) + 1))
    assert versions[-1] == LATEST_VERSION


def test_migrate_empty_db(store: Store, db: Path) -> None:
    assert store.schema_version() == LATEST_VERSION
    with raw(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert tables(conn) == ALL_TABLES
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with store._transaction(write=False) as conn:
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert 0 < conn.execute("PRAGMA busy_timeout").fetchone()[0] <= 5000


def test_migrate_from_version_1(db: Path) -> None:
    db.parent.mkdir(parents=True)
    with raw(db) as conn:
        conn.executescript(MIGRATIONS[0][1])
        conn.execute("PRAGMA user_version = 1")
        conn.execute(
            "INSERT INTO profiles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (5, 7, "core-ml", "ML engineer", 6.5, "ja", "2024-01-01", "2024-01-02"),
        )
        conn.execute("INSERT INTO progress VALUES (5, 7, 'core-ml.linear-regression', '2024-01-02')")

    with Store(db) as s:
        assert s.schema_version() == LATEST_VERSION
        p = s.get_profile(5, 7)
        assert p is not None
        assert (p.stage, p.target_role, p.hours_per_week, p.lang) == ("core-ml", "ML engineer", 6.5, "ja")
        assert p.completed == frozenset({"core-ml.linear-regression"})
        assert (p.created_at, p.updated_at) == ("2024-01-01", "2024-01-02")
        s.record_answer("a1", 5, 7, None)  # a migration-2 table works
    with raw(db) as conn:
        assert tables(conn) == ALL_TABLES


def test_reopen_is_noop(db: Path) -> None:
    with Store(db) as s:
        s.mark_done(1, 2, "x")
    with Store(db) as s:
        assert s.schema_version() == LATEST_VERSION
        assert s.get_profile(1, 2).completed == {"x"}


def test_newer_db_refused(db: Path) -> None:
    with Store(db):
        pass
    with raw(db) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    with pytest.raises(StoreError, match=r"only knows versions up to"):
        Store(db)


def test_failed_migration_rolls_back_everything(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = [*MIGRATIONS, (LATEST_VERSION + 1, "CREATE TABLE extra (x INTEGER); CREATE TABLE broken (;")]
    monkeypatch.setattr(store_mod, "MIGRATIONS", bad)
    monkeypatch.setattr(store_mod, "LATEST_VERSION", LATEST_VERSION + 1)
    with pytest.raises(StoreError, match="cannot migrate"):
        Store(db)
    with raw(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
        assert tables(conn) == set()


# -- profiles & progress ----------------------------------------------------------------------------------


def test_profile_roundtrip(store: Store) -> None:
    assert store.get_profile(0, 0) is None
    p = store.ensure_profile(0, 0, lang="en")
    assert p.lang == "en"
    assert p.stage is None
    assert p.completed == frozenset()
    assert store.ensure_profile(0, 0, lang="ja").lang == "en"  # existing profile unchanged
    p2 = store.set_stage(0, 0, "core-ml")
    assert p2.stage == "core-ml"
    assert p2.created_at == p.created_at
    assert p2.updated_at >= p.updated_at
    assert store.get_profile(0, 0) == p2
    # Timestamps are UTC ISO-8601.
    assert p2.created_at.endswith("+00:00")


def test_set_stage_creates_profile(store: Store) -> None:
    p = store.set_stage(3, 4, "mlops")
    assert (p.guild_id, p.user_id, p.stage) == (3, 4, "mlops")
    assert store.get_profile(3, 4) == p


def test_mark_done_idempotent_and_undo(store: Store) -> None:
    assert store.mark_done(1, 2, "core-ml.linear-regression") is True
    assert store.mark_done(1, 2, "core-ml.linear-regression") is False
    assert store.mark_done(1, 2, "core-ml.svm") is True
    assert store.get_profile(1, 2).completed == {"core-ml.linear-regression", "core-ml.svm"}
    progress = store.get_progress(1, 2)
    assert set(progress) == {"core-ml.linear-regression", "core-ml.svm"}
    assert all(ts.endswith("+00:00") for ts in progress.values())
    assert store.undo(1, 2, "core-ml.svm") is True
    assert store.undo(1, 2, "core-ml.svm") is False
    assert store.undo(9, 9, "nothing") is False
    assert store.get_profile(1, 2).completed == {"core-ml.linear-regression"}
    assert store.get_profile(1, 3) is None  # other user untouched


def test_update_profile_only_given_fields(store: Store) -> None:
    store.set_stage(0, 0, "projects")
    p = store.update_profile(0, 0, target_role="Data scientist", hours_per_week=10, lang="ja")
    assert (p.target_role, p.hours_per_week, p.lang, p.stage) == ("Data scientist", 10.0, "ja", "projects")
    p = store.update_profile(0, 0, hours_per_week=4.5)
    assert (p.target_role, p.hours_per_week, p.lang, p.stage) == ("Data scientist", 4.5, "ja", "projects")
    p = store.update_profile(0, 0, target_role=None)
    assert (p.target_role, p.hours_per_week, p.lang) == (None, 4.5, "ja")
    same = store.update_profile(0, 0)
    assert same == p  # nothing passed, nothing changed (not even updated_at)


@pytest.mark.parametrize(
    ("kwargs", "exc"),
    [
        ({"lang": "fr"}, ValueError),
        ({"hours_per_week": -1}, ValueError),
        ({"hours_per_week": float("nan")}, ValueError),
        ({"hours_per_week": "5"}, TypeError),
    ],
)
def test_update_profile_rejects_bad_values(
    store: Store, kwargs: dict[str, object], exc: type[Exception]
) -> None:
    with pytest.raises(exc, match=r"^(lang|hours_per_week) must be"):
        store.update_profile(0, 0, **kwargs)  # type: ignore[arg-type]
    assert store.get_profile(0, 0) is None


# -- guild settings, channels, pinned plans ----------------------------------------------------------------


def test_guild_settings(store: Store) -> None:
    assert store.get_guild_settings(10) == GuildSettings(10, False, False)
    assert store.set_guild_setting(10, "store_questions", True) == GuildSettings(10, True, False)
    assert store.set_guild_setting(10, "thread_per_answer", True) == GuildSettings(10, True, True)
    assert store.set_guild_setting(10, "store_questions", False) == GuildSettings(10, False, True)
    assert store.get_guild_settings(11) == GuildSettings(11)
    with pytest.raises(ValueError, match="unknown guild setting"):
        store.set_guild_setting(10, "guild_id; DROP TABLE profiles", True)


def test_qa_channels(store: Store) -> None:
    assert store.list_qa_channels(1) == set()
    assert store.add_qa_channel(1, 100) is True
    assert store.add_qa_channel(1, 100) is False
    assert store.add_qa_channel(1, 101) is True
    assert store.add_qa_channel(2, 200) is True
    assert store.list_qa_channels(1) == {100, 101}
    assert store.remove_qa_channel(1, 100) is True
    assert store.remove_qa_channel(1, 100) is False
    assert store.list_qa_channels(1) == {101}
    assert store.list_qa_channels(2) == {200}


def test_pinned_plans(store: Store) -> None:
    assert store.get_pinned_plan(100) is None
    store.set_pinned_plan(1, 100, 555)
    assert store.get_pinned_plan(100) == 555
    store.set_pinned_plan(1, 100, 556)
    assert store.get_pinned_plan(100) == 556
    assert store.clear_pinned_plan(100) is True
    assert store.get_pinned_plan(100) is None


# -- answers, votes, questions ------------------------------------------------------------------------------


def test_answers_and_votes(store: Store, db: Path) -> None:
    store.record_answer("ans-1", 1, 2, "how to learn pytorch?")  # guild 1 does not store questions
    store.set_guild_setting(3, "store_questions", True)
    store.record_answer("ans-2", 3, 2, "what is MLOps?")
    store.record_vote("ans-1", 9, 1)
    store.record_vote("ans-2", 9, 1)
    store.record_vote("ans-2", 9, -1)  # re-vote updates
    store.record_vote("unknown", 9, 1, guild_id=4)
    with pytest.raises(ValueError, match="unknown answer"):
        store.record_vote("unknown-2", 9, 1)
    for bad in (0, 2, True):
        with pytest.raises(ValueError, match="vote"):
            store.record_vote("ans-1", 9, bad)
    with raw(db) as conn:
        assert conn.execute("SELECT answer_id, question FROM answers ORDER BY answer_id").fetchall() == [
            ("ans-1", None),
            ("ans-2", "what is MLOps?"),
        ]
        assert conn.execute(
            "SELECT answer_id, guild_id, user_id, question, vote FROM feedback ORDER BY answer_id"
        ).fetchall() == [
            ("ans-1", 1, 9, None, 1),
            ("ans-2", 3, 9, "what is MLOps?", -1),
            ("unknown", 4, 9, None, 1),
        ]


def test_record_question_respects_guild_setting(store: Store, db: Path) -> None:
    assert store.record_question(1, 2, "secret question", answered=True) is False
    store.set_guild_setting(1, "store_questions", True)
    assert store.record_question(1, 2, "kept question", answered=False) is True
    with raw(db) as conn:
        assert conn.execute("SELECT guild_id, user_id, question, answered FROM questions").fetchall() == [
            (1, 2, "kept question", 0)
        ]


# -- export & forget -----------------------------------------------------------------------------------------


def _populate(store: Store, guild: int, user: int, tag: str) -> None:
    store.set_guild_setting(guild, "store_questions", True)
    store.set_stage(guild, user, "core-ml")
    store.update_profile(guild, user, target_role=f"role-{tag}", hours_per_week=5, lang="en")
    store.mark_done(guild, user, f"core-ml.{tag}-1")
    store.mark_done(guild, user, f"core-ml.{tag}-2")
    store.record_question(guild, user, f"question {tag}", answered=True)
    store.record_answer(f"ans-{tag}", guild, user, f"question {tag}")
    store.record_vote(f"ans-{tag}", user, 1)


def test_export_contains_everything(store: Store) -> None:
    _populate(store, 1, 2, "me")
    _populate(store, 1, 3, "other")
    store.record_vote("ans-other", 2, -1)  # my vote on someone else's answer
    data = store.export(1, 2)
    json.dumps(data)  # JSON-serialisable
    assert data["guild_id"] == 1
    assert data["user_id"] == 2
    assert data["profile"]["stage"] == "core-ml"
    assert data["profile"]["target_role"] == "role-me"
    assert data["profile"]["hours_per_week"] == 5.0
    assert data["profile"]["lang"] == "en"
    assert data["profile"]["created_at"]
    assert {p["item_id"] for p in data["progress"]} == {"core-ml.me-1", "core-ml.me-2"}
    assert all(p["done_at"] for p in data["progress"])
    assert [(f["answer_id"], f["vote"]) for f in data["feedback"]] == [("ans-me", 1), ("ans-other", -1)]
    assert [(q["question"], q["answered"]) for q in data["questions"]] == [("question me", True)]
    assert [(a["answer_id"], a["question"]) for a in data["answers"]] == [("ans-me", "question me")]
    assert "other" not in json.dumps(data["profile"])

    empty = store.export(5, 5)
    assert empty["profile"] is None
    assert empty["progress"] == empty["feedback"] == empty["questions"] == empty["answers"] == []


def test_forget_removes_every_row_about_the_user(store: Store, db: Path) -> None:
    _populate(store, 1, 2, "me")
    _populate(store, 1, 3, "other")
    _populate(store, 7, 2, "me-elsewhere")  # same user, another guild: not this forget's business
    store.record_vote("ans-other", 2, -1)  # my vote on another user's answer
    store.record_vote("ans-me", 3, 1)  # another user's vote on my answer (copies my question text)
    before_other = store.export(1, 3)

    deleted = store.forget(1, 2)
    assert deleted == 2 + 1 + 2 + 1 + 1  # progress, profile, feedback, questions, answers

    with raw(db) as conn:
        covered = user_tables(conn)
        assert covered == ["answers", "feedback", "profiles", "progress", "questions"]
        for table in covered:
            n = conn.execute(f"SELECT count(*) FROM {table} WHERE guild_id = 1 AND user_id = 2").fetchone()[0]
            assert n == 0, table
            assert conn.execute(f"SELECT count(*) FROM {table} WHERE user_id = 3").fetchone()[0] > 0, table
            assert conn.execute(f"SELECT count(*) FROM {table} WHERE guild_id = 7").fetchone()[0] > 0, table
        # My question text no longer survives in the other user's vote on my answer.
        assert conn.execute("SELECT question FROM feedback WHERE answer_id = 'ans-me'").fetchall() == [
            (None,)
        ]
        assert (
            conn.execute("SELECT count(*) FROM feedback WHERE question LIKE '%question me'").fetchone()[0]
            == 0
        )

    assert store.get_profile(1, 2) is None
    after_other = store.export(1, 3)
    for key in ("profile", "progress", "questions", "answers"):
        assert after_other[key] == before_other[key]
    assert store.get_profile(7, 2) is not None
    assert store.forget(1, 2) == 0


# -- concurrency -------------------------------------------------------------------------------------------


class Worker:
    """A tests/_store_worker.py subprocess whose stdout lines are read with a deadline."""

    def __init__(self, *args: str) -> None:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        self.proc = subprocess.Popen(
            [sys.executable, str(WORKER), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.pump = threading.Thread(target=self._pump, daemon=True)
        self.pump.start()

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def until(self, wanted: str, timeout: float = 15.0) -> list[str]:
        """Lines printed up to and including ``wanted``; fails the test on timeout or early exit."""
        seen: list[str] = []
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                pytest.fail(f"worker did not print {wanted!r} in {timeout}s; saw {seen[-3:]}")
            if line is None:
                err = self.proc.stderr.read() if self.proc.stderr else ""
                pytest.fail(f"worker exited before printing {wanted!r}: {err[-2000:]}")
            seen.append(line)
            if line == wanted:
                return seen

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)
        self.pump.join(timeout=5)
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if pipe is not None:
                pipe.close()


@contextlib.contextmanager
def workers(*arg_lists: tuple[str, ...]) -> Iterator[list[Worker]]:
    """Start one worker per argument tuple; kill (if still running) and reap them all afterwards."""
    started: list[Worker] = []
    try:
        for args in arg_lists:
            started.append(Worker(*args))
        yield started
    finally:
        for w in started:
            w.close()


def test_two_processes_writing_concurrently(db: Path) -> None:
    # Both workers open (and race to migrate) the same fresh database, then write at the same time.
    with workers(*(("writes", str(db), str(uid), "200") for uid in (1, 2))) as procs:
        for w in procs:
            w.until("READY")
        start_at = time.time() + 0.2
        for w in procs:
            w.send(str(start_at))
        for w in procs:
            w.until("DONE", timeout=30)
            assert w.proc.wait(timeout=10) == 0
    with Store(db) as s:
        for uid in (1, 2):
            assert s.get_profile(1, uid).completed == {f"item.{uid}.{i}" for i in range(200)}
    with raw(db) as conn:
        assert conn.execute("SELECT count(*) FROM progress").fetchone()[0] == 400
        assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION


@contextlib.contextmanager
def write_locked(path: Path, hold_s: float) -> Iterator[None]:
    """Hold the database's write lock (BEGIN IMMEDIATE, one uncommitted row) from a thread."""
    locked = threading.Event()
    release = threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("INSERT INTO qa_channels VALUES (99, 99)")  # a real, uncommitted write
            locked.set()
            release.wait(hold_s)
            conn.execute("ROLLBACK")
        finally:
            conn.close()

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    try:
        assert locked.wait(5)
        yield
    finally:
        release.set()
        thread.join(5)


def test_busy_write_waits_for_lock(db: Path) -> None:
    with Store(db, busy_wait_s=10) as s, write_locked(db, hold_s=1.0):
        t0 = time.monotonic()
        assert s.mark_done(0, 0, "core-ml.svm") is True
        elapsed = time.monotonic() - t0
    assert 0.7 < elapsed < 5
    with Store(db) as s:
        assert s.get_profile(0, 0).completed == {"core-ml.svm"}


def test_busy_beyond_bound_raises_store_busy(db: Path) -> None:
    with Store(db, busy_wait_s=0.5) as s:
        s.mark_done(0, 0, "before")
        with write_locked(db, hold_s=10.0):
            t0 = time.monotonic()
            with pytest.raises(StoreBusy, match="busy"):
                s.mark_done(0, 0, "during")
            elapsed = time.monotonic() - t0
            # Reads still work while another connection writes (WAL).
            assert s.get_profile(0, 0).completed == {"before"}
        assert 0.4 < elapsed < 3
        assert s.get_profile(0, 0).completed == {"before"}  # the failed write left nothing behind
        assert s.mark_done(0, 0, "after") is True  # and the store is usable again
    with raw(db) as conn:
        items = {r[0] for r in conn.execute("SELECT item_id FROM progress")}
        assert items == {"before", "after"}
        assert conn.execute("SELECT count(*) FROM qa_channels").fetchone()[0] == 0


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_transaction(db: Path) -> None:
    n = 25
    with workers(("killme", str(db), str(n))) as (w,):
        lines = w.until("IN_TX")
        # The open transaction's pages have spilled into the WAL: recovery must really skip them.
        assert Path(f"{db}-wal").stat().st_size > 1_000_000
        os.kill(w.proc.pid, signal.SIGKILL)
        assert w.proc.wait(timeout=10) == -signal.SIGKILL
    committed = [line for line in lines if line.startswith("COMMITTED ")]
    assert len(committed) == n
    with raw(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Store(db) as s:
        p = s.get_profile(0, 0)
        assert p is not None
        assert p.completed == {f"committed.{i}" for i in range(n)}
        assert p.stage is None  # the uncommitted UPDATE is gone too
        assert s.mark_done(0, 0, "after-crash") is True
    with raw(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_threads_share_one_store(store: Store) -> None:
    def work(uid: int) -> int:
        for i in range(50):
            store.mark_done(0, uid, f"i{i}")
            store.get_profile(0, uid)
        return uid

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert sorted(pool.map(work, range(4))) == [0, 1, 2, 3]  # re-raises any worker exception
    for uid in range(4):
        assert len(store.get_profile(0, uid).completed) == 50


# -- async ---------------------------------------------------------------------------------------------------


def test_async_store(db: Path) -> None:
    async def main() -> None:
        async with AsyncStore(Store(db)) as astore:
            await asyncio.gather(*(astore.mark_done(1, 2, f"item.{i}") for i in range(20)))
            await asyncio.gather(
                astore.set_stage(1, 2, "mlops"),
                astore.update_profile(1, 2, target_role="MLOps engineer"),
                astore.add_qa_channel(1, 10),
                astore.set_guild_setting(1, "store_questions", True),
            )
            profile = await astore.get_profile(1, 2)
            assert profile is not None
            assert profile.stage == "mlops"
            assert profile.target_role == "MLOps engineer"
            assert len(profile.completed) == 20
            assert await astore.list_qa_channels(1) == {10}
            assert await astore.record_question(1, 2, "q?", answered=True) is True
            await astore.record_answer("a", 1, 2, "q?")
            await astore.record_vote("a", 3, 1)
            assert len((await astore.export(1, 2))["answers"]) == 1
            assert await astore.forget(1, 2) > 0
        assert astore.store.closed

    asyncio.run(main())


def test_async_store_covers_every_public_method() -> None:
    public = {
        name
        for name, member in inspect.getmembers(Store, callable)
        if not name.startswith("_") and not isinstance(member, type)
    }
    for name in public:
        wrapper = getattr(AsyncStore, name, None)
        assert wrapper is not None, name
        assert inspect.iscoroutinefunction(wrapper), name
        store_params = list(inspect.signature(getattr(Store, name)).parameters)
        assert list(inspect.signature(wrapper).parameters) == store_params, name
