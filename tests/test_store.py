"""The store, on both backends: every test taking ``target`` (or ``store``) runs once on SQLite and once on
PostgreSQL (a schema of its own on the session's server, see ``pg_target`` in conftest.py). SQLite-only and
PostgreSQL-only behaviour (pragmas, the file under a running process, advisory locks, LISTEN/NOTIFY) is
tested at the end."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import logging
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
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from bot.config import Config
from bot.discordbot.guildconfig import GuildConfig
from bot.groups import GroupPlan
from bot.store import (
    GUILD_SETTING_NAMES,
    LATEST_VERSION,
    MIGRATIONS,
    TABLES,
    GroupPlanRow,
    GuildSettings,
    Migration,
    Store,
    StoreBusy,
    StoreError,
    StoreUnavailable,
    migrations,
    open_store,
    sqlite_path,
)
from bot.store.postgres import PostgresStore, redact
from bot.store.sqlite import SqliteStore

WORKER = Path(__file__).with_name("_store_worker.py")
REPO = Path(__file__).resolve().parents[1]

ALL_TABLES = {t.name for t in TABLES}
BIG = 2**63 - 1  # Discord ids are 64-bit


# -- fixtures: one store per backend ----------------------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgres"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test's database is: a SQLite file, or an empty PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "sub" / "careerbot.sqlite3")
    return request.getfixturevalue("pg_target")


@pytest.fixture
def store(target: str) -> Iterator[Store]:
    with open_store(target) as s:
        yield s


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A SQLite file for the SQLite-only tests."""
    return tmp_path / "sub" / "careerbot.sqlite3"


def rows(store: Store, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """A query on the store's own database, outside its public methods (``?`` placeholders)."""
    with store._transaction(write=False) as c:
        return [tuple(r) for r in c.execute(sql, params).fetchall()]


def execute(store: Store, sql: str, *params: Any) -> None:
    with store._transaction(write=True) as c:
        c.execute(sql, params)


def table_names(store: Store) -> set[str]:
    if store.dialect == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    else:
        sql = ("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
               " AND table_name <> 'careerbot_schema'")
    return {r[0] for r in rows(store, sql)}


def column_names(store: Store, table: str) -> list[str]:
    if store.dialect == "sqlite":
        return [r[1] for r in rows(store, f"PRAGMA table_info({table})")]
    return [r[0] for r in rows(store, "SELECT column_name FROM information_schema.columns"
                                      " WHERE table_schema = current_schema() AND table_name = ?", table)]


def user_tables(store: Store) -> list[str]:
    """Every table with a user_id column, discovered from the schema (so new tables are covered too)."""
    return sorted(t for t in table_names(store) if "user_id" in column_names(store, t))


def make_v1(target: str) -> None:
    """A database at schema version 1 with one profile and one checklist item, written without the store."""
    profile = (5, 7, "core-ml", "ML engineer", 6.5, "ja", "2024-01-01", "2024-01-02")
    item = (5, 7, "core-ml.linear-regression", "2024-01-02")
    path = sqlite_path(target)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
            conn.executescript(MIGRATIONS[0].script("sqlite"))
            conn.execute("PRAGMA user_version = 1")
            conn.execute("INSERT INTO profiles VALUES (?, ?, ?, ?, ?, ?, ?, ?)", profile)
            conn.execute("INSERT INTO progress VALUES (?, ?, ?, ?)", item)
        return
    import psycopg

    with psycopg.connect(target, autocommit=True) as conn:
        conn.execute(MIGRATIONS[0].script("postgres"))
        conn.execute("CREATE TABLE careerbot_schema (version INTEGER NOT NULL)")
        conn.execute("INSERT INTO careerbot_schema VALUES (1)")
        conn.execute("INSERT INTO profiles VALUES (%s, %s, %s, %s, %s, %s, %s, %s)", profile)
        conn.execute("INSERT INTO progress VALUES (%s, %s, %s, %s)", item)


# -- opening ----------------------------------------------------------------------------------------------


def test_open_store_picks_the_backend(tmp_path: Path) -> None:
    assert sqlite_path(tmp_path / "a.sqlite3") == tmp_path / "a.sqlite3"
    assert sqlite_path(str(tmp_path / "a.sqlite3")) == tmp_path / "a.sqlite3"
    assert sqlite_path(f"sqlite://{tmp_path}/a.sqlite3") == tmp_path / "a.sqlite3"  # sqlite:///abs
    assert sqlite_path(f"sqlite:///{tmp_path}/a.sqlite3") == tmp_path / "a.sqlite3"  # sqlite:////abs
    assert sqlite_path("sqlite:rel/a.sqlite3") == Path("rel/a.sqlite3")
    assert sqlite_path("postgresql://u@h/db") is None
    assert sqlite_path("postgres://u@h/db") is None
    with pytest.raises(StoreError, match="unsupported database URL scheme 'mysql'"):
        open_store("mysql://u@h/db")
    with open_store(f"sqlite://{tmp_path}/b.sqlite3") as s:
        assert isinstance(s, SqliteStore)
        assert s.path == tmp_path / "b.sqlite3"


def test_the_store_reads_no_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CAREERBOT_DB", str(tmp_path / "env.sqlite3"))
    with open_store(tmp_path / "given.sqlite3") as s:
        assert s.describe() == str(tmp_path / "given.sqlite3")
    assert not (tmp_path / "env.sqlite3").exists()
    for source in (REPO / "bot" / "store").glob("*.py"):
        assert "os.environ" not in source.read_text(), source


def test_config_keeps_the_raw_database_setting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    url = "postgresql://careerbot:s3cret-pw@db.internal/careerbot"
    config = Config.from_mapping({"CAREERBOT_DB": url})
    assert config.database == url
    assert "s3cret-pw" not in repr(config)
    assert Config.from_mapping({"CAREERBOT_DB": " /srv/x.sqlite3 "}).database == "/srv/x.sqlite3"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    default = Path(Config.from_mapping({}).database)
    assert default.name == "careerbot.sqlite3"
    assert default.parent.name == "careerbot"


def test_redacted_url() -> None:
    assert redact("postgresql://bot:hunter2@db:5432/cb?sslmode=require") == \
        "postgresql://bot:***@db:5432/cb?sslmode=require"
    assert "hunter2" not in redact("postgresql://bot@db/cb?password=hunter2&host=/run/pg")
    assert redact("postgresql://bot@/cb?host=/run/pg") == "postgresql://bot@/cb?host=/run/pg"


def test_corrupt_file_raises_store_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is definitely not an sqlite database\n" * 200)
    with pytest.raises(StoreError, match=re.escape("bad.sqlite3")):
        open_store(bad)


def test_unopenable_path_raises_store_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot open database"):
        open_store(blocker / "db.sqlite3")  # parent is a regular file


def test_unreachable_server_raises_store_error(tmp_path: Path) -> None:
    url = f"postgresql://nobody:pw-never-shown@/careerbot?host={tmp_path}&connect_timeout=2"
    with pytest.raises(StoreError, match="cannot open database") as info:
        open_store(url)
    assert "pw-never-shown" not in str(info.value)


def test_closed_store_raises(target: str) -> None:
    s = open_store(target)
    s.close()
    s.close()  # idempotent
    assert s.closed
    with pytest.raises(StoreError, match="closed"):
        s.get_profile(0, 0)

    async def main() -> None:
        await s.run(Store.close)  # still fine
        with pytest.raises(StoreError, match="closed"):
            await s.run(Store.get_profile, 0, 0)

    asyncio.run(main())


# -- migrations -----------------------------------------------------------------------------------------


def test_migrations_are_numbered() -> None:
    versions = [m.version for m in MIGRATIONS]
    assert versions == list(range(1, len(versions) + 1))
    assert versions[-1] == LATEST_VERSION


def test_copy_spec_covers_every_table_and_column(store: Store) -> None:
    assert table_names(store) == ALL_TABLES
    for table in TABLES:
        assert sorted(column_names(store, table.name)) == sorted(table.columns), table.name


def test_migrate_empty_db(store: Store) -> None:
    assert store.schema_version() == LATEST_VERSION
    assert table_names(store) == ALL_TABLES
    assert store.migrate() == (LATEST_VERSION, LATEST_VERSION)


def test_migrate_from_version_1(target: str) -> None:
    make_v1(target)
    with open_store(target) as s:
        assert s.schema_version() == LATEST_VERSION
        p = s.get_profile(5, 7)
        assert p is not None
        assert (p.stage, p.target_role, p.hours_per_week, p.lang) == ("core-ml", "ML engineer", 6.5, "ja")
        assert p.completed == frozenset({"core-ml.linear-regression"})
        assert (p.created_at, p.updated_at) == ("2024-01-01", "2024-01-02")
        s.record_answer("a1", 5, 7, None)  # a migration-2 table works
        assert table_names(s) == ALL_TABLES


def test_open_without_migrating_then_migrate(target: str) -> None:
    make_v1(target)
    with open_store(target, migrate=False) as s:
        assert s.schema_version() == 1
        assert s.migrate() == (1, LATEST_VERSION)
        assert s.schema_version() == LATEST_VERSION


def test_reopen_is_noop(target: str) -> None:
    with open_store(target) as s:
        s.mark_done(1, 2, "x")
    with open_store(target) as s:
        assert s.schema_version() == LATEST_VERSION
        assert s.get_profile(1, 2).completed == {"x"}


def test_newer_db_refused(target: str) -> None:
    with open_store(target) as s, s._transaction() as c:
        s._write_version(c, LATEST_VERSION + 1)
    with pytest.raises(StoreError, match=r"only knows versions up to"):
        open_store(target)


def test_failed_migration_rolls_back_everything(target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = Migration(LATEST_VERSION + 1, "CREATE TABLE extra (x INTEGER); CREATE TABLE broken (;")
    monkeypatch.setattr(migrations, "MIGRATIONS", [*MIGRATIONS, bad])
    with pytest.raises(StoreError, match=r"cannot (migrate|open)"):
        open_store(target)
    with open_store(target, migrate=False) as s:
        assert s.schema_version() == 0
        assert table_names(s) == set()


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


def test_64_bit_ids_and_exact_hours(store: Store) -> None:
    p = store.update_profile(BIG, BIG - 1, hours_per_week=4.3, target_role="研究者 🧪")
    assert (p.guild_id, p.user_id, p.hours_per_week, p.target_role) == (BIG, BIG - 1, 4.3, "研究者 🧪")
    assert store.get_profile(BIG, BIG - 1) == p
    assert store.add_qa_channel(BIG, BIG) is True
    assert store.list_qa_channels(BIG) == {BIG}
    store.set_pinned_plan(BIG, BIG, BIG)
    assert store.get_pinned_plan(BIG) == BIG


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


# -- study groups ---------------------------------------------------------------------------------------------

PLAN_JSON = GroupPlan("core-ml", "mlops", 6, 10.0, date(2026, 12, 7)).to_json()


def _open_group_plan(store: Store, guild: int, channel: int, message: int = 555) -> GroupPlanRow:
    plan_id = store.create_group_plan(guild, channel, PLAN_JSON, "ja", created_by=9)
    return store.activate_group_plan(plan_id, message)


def test_group_plan_lifecycle(store: Store) -> None:
    draft = store.create_group_plan(1, 100, PLAN_JSON, "ja", created_by=9)
    assert store.channel_group_plan(100) is None  # a draft is nobody's plan yet
    assert store.join_group(draft, 3) == (None, 0)
    row = store.activate_group_plan(draft, 555)
    assert (row.guild_id, row.channel_id, row.message_id, row.state, row.lang, row.members) == \
        (1, 100, 555, "active", "ja", 0)
    assert GroupPlan.from_json(row.plan) == GroupPlan.from_json(PLAN_JSON)
    assert store.get_pinned_plan(100) == 555
    assert store.channel_group_plan(100) == row
    with pytest.raises(ValueError, match="not a draft"):
        store.activate_group_plan(draft, 556)

    paused = dict(PLAN_JSON, state="paused", paused_at="2026-12-08T00:00:00+00:00")
    changed = store.update_group_plan(row.id, paused, row.revision)
    assert changed is not None
    assert (changed.state, changed.revision) == ("paused", row.revision + 1)
    assert store.update_group_plan(row.id, PLAN_JSON, row.revision) is None  # stale revision: refused
    assert store.get_group_plan(row.id).state == "paused"
    with pytest.raises(ValueError, match="state"):
        store.update_group_plan(row.id, dict(PLAN_JSON, state="draft"), changed.revision)
    store.set_group_plan_shown(row.id, "Week 1 of 6|3")
    assert store.get_group_plan(row.id).shown == "Week 1 of 6|3"
    assert [p.id for p in store.active_group_plans(60)] == [row.id]

    # a newer plan in the channel replaces it: the old one ends, its members and reminders move over
    assert store.join_group(row.id, 3) == (True, 1)
    assert store.set_group_reminder(row.id, 3, True) is True
    newer = store.create_group_plan(1, 100, PLAN_JSON, "en", created_by=9)
    ended = dict(PLAN_JSON, state="ended", ended_at="2026-12-09T00:00:00+00:00")
    activated = store.activate_group_plan(newer, 777, ended={row.id: ended})
    assert activated.members == 1
    assert store.get_group_plan(row.id).state == "ended"
    assert store.group_member_ids(row.id) == []
    assert store.group_membership(newer, 3) == (True, True)
    assert store.channel_group_plan(100).id == newer
    assert store.get_pinned_plan(100) == 777
    assert store.join_group(row.id, 4) == (None, 0)  # an ended plan takes no members
    assert [p.id for p in store.active_group_plans(60)] == [newer]

    assert store.delete_group_plan(newer) is True
    assert store.group_member_ids(newer) == []
    assert store.channel_group_plan(100).id == row.id  # the newest ended one


def test_group_members_and_reminders(store: Store) -> None:
    plan = _open_group_plan(store, 1, 100)
    assert store.set_group_reminder(plan.id, 3, True) is None  # members only
    assert store.join_group(plan.id, 3) == (True, 1)
    assert store.join_group(plan.id, 3) == (False, 1)
    assert store.join_group(plan.id, BIG) == (True, 2)
    assert store.join_group(plan.id + 1000, 3) == (None, 0)  # no such plan
    assert store.get_group_plan(plan.id).members == 2
    assert store.group_member_ids(plan.id) == [3, BIG]
    assert store.group_membership(plan.id, 3) == (True, False)
    assert store.set_group_reminder(plan.id, 3, True) is True
    assert store.set_group_reminder(plan.id, 3, True) is False
    assert store.set_group_reminder(plan.id, BIG, True) is True
    assert store.claim_group_reminders(plan.id, 1) == [3, BIG]
    assert store.claim_group_reminders(plan.id, 1) == []  # handed out once
    assert store.toggle_group_reminder(plan.id, BIG) is False  # it was on
    assert store.claim_group_reminders(plan.id, 2) == [3]
    # a reminder turned on after a week was posted starts with the next week
    assert store.claim_checkin(plan.id, 2, "me", 60)
    assert store.record_checkin(plan.id, 2, "me", 100, 999, datetime(2026, 12, 14, tzinfo=timezone.utc), False)
    assert store.toggle_group_reminder(plan.id, BIG) is True
    assert store.toggle_group_reminder(plan.id, 12345) is None  # not a member
    assert store.claim_group_reminders(plan.id, 2) == []
    assert store.claim_group_reminders(plan.id, 3) == [3, BIG]

    # leaving removes the membership and the reminder
    assert store.leave_group(plan.id, 3) is True
    assert store.leave_group(plan.id, 3) is False
    assert store.group_membership(plan.id, 3) == (False, False)
    assert rows(store, "SELECT count(*) FROM group_reminders WHERE user_id = 3") == [(0,)]
    assert store.group_member_ids(plan.id) == [BIG]


def test_mark_done_at_a_given_moment_and_group_progress(store: Store) -> None:
    plan = _open_group_plan(store, 1, 100)
    for user in (3, 4):
        store.join_group(plan.id, user)
    moment = datetime(2026, 12, 8, 12, 0, tzinfo=timezone(timedelta(hours=9)))
    assert store.mark_done(1, 3, "core-ml.svm", at=moment) is True
    assert store.get_progress(1, 3) == {"core-ml.svm": "2026-12-08T03:00:00.000000+00:00"}
    with pytest.raises(ValueError, match="aware"):
        store.mark_done(1, 3, "core-ml.x", at=datetime(2026, 12, 8))
    store.mark_done(2, 4, "core-ml.svm")  # another guild: not this group's
    assert store.group_progress(plan.id) == {3: {"core-ml.svm": "2026-12-08T03:00:00.000000+00:00"}, 4: {}}
    # a Done click: one transaction, with what the reply needs
    got = store.checkin_done(plan.id, 1, 4, "core-ml.svm", at=moment)
    assert (got.plan.id, got.new, got.completed, got.member) == (plan.id, True, {"core-ml.svm"}, True)
    assert store.checkin_done(plan.id, 1, 4, "core-ml.svm").new is False
    outsider = store.checkin_done(plan.id, 1, 5, "core-ml.x", at=moment)
    assert (outsider.new, outsider.member) == (True, False)
    assert store.get_progress(1, 5) == {"core-ml.x": "2026-12-08T03:00:00.000000+00:00"}
    assert store.checkin_done(plan.id + 1000, 1, 4, "core-ml.svm") is None


def test_a_checkin_is_claimed_once(store: Store) -> None:
    plan = _open_group_plan(store, 1, 100)
    assert store.claim_checkin(plan.id, 1, "a", lease_s=60) is True
    assert store.claim_checkin(plan.id, 1, "b", lease_s=60) is False
    assert store.active_group_plans(60)[0].claimed == {1}
    # a claim whose process died (never posted, older than the lease) is owed again, to one claimer
    assert store.active_group_plans(0)[0].claimed == set()
    assert store.claim_checkin(plan.id, 1, "b", lease_s=0) is True
    assert store.record_checkin(plan.id, 1, "a", 100, 1, datetime.now(timezone.utc), False) is False  # not a's
    assert store.record_checkin(plan.id, 1, "b", 100, 12, datetime(2026, 12, 7, tzinfo=timezone.utc), True)
    assert store.claim_checkin(plan.id, 1, "c", lease_s=0) is False  # posted: never again
    assert store.active_group_plans(0)[0].claimed == {1}
    got = store.get_checkin(plan.id, 1)
    assert (got.claimed_by, got.channel_id, got.message_id, got.late) == ("b", 100, 12, True)
    assert got.posted_at == "2026-12-07T00:00:00.000000+00:00"
    # a claim that could not be posted is released and owed again
    assert store.claim_checkin(plan.id, 2, "a", 60)
    assert store.release_checkin(plan.id, 2, "b") is False
    assert store.release_checkin(plan.id, 2, "a") is True
    assert store.get_checkin(plan.id, 2) is None
    assert store.claim_checkin(plan.id, 2, "c", 60) is True


def test_two_processes_racing_for_a_checkin_claim_it_once(target: str) -> None:
    """Eight stores (their own connections, as eight processes would have) claim the same weeks at once:
    every week is won by exactly one of them."""
    with open_store(target) as s:
        plan = _open_group_plan(s, 1, 100)
    stores = [open_store(target) for _ in range(8)]
    try:
        barrier = threading.Barrier(len(stores))

        def race(n: int) -> list[int]:
            barrier.wait()
            return [week for week in range(1, 11) if stores[n].claim_checkin(plan.id, week, f"p{n}", 60)]

        with ThreadPoolExecutor(len(stores)) as pool:
            won = list(pool.map(race, range(len(stores))))
    finally:
        for st in stores:
            st.close()
    assert sorted(w for weeks in won for w in weeks) == list(range(1, 11))


# -- guild settings, channels, pinned plans ----------------------------------------------------------------


def test_guild_settings(store: Store) -> None:
    assert store.get_guild_settings(10) == GuildSettings(10, False, False)
    assert store.set_guild_setting(10, "store_questions", True) == GuildSettings(10, True, False)
    assert store.set_guild_setting(10, "thread_per_answer", True) == GuildSettings(10, True, True)
    assert store.set_guild_setting(10, "store_questions", False) == GuildSettings(10, False, True)
    assert store.set_guild_setting(10, "show_names", True) == GuildSettings(10, False, True, True)
    assert store.get_guild_settings(11) == GuildSettings(11)
    with pytest.raises(ValueError, match="unknown guild setting"):
        store.set_guild_setting(10, "guild_id; DROP TABLE profiles", True)
    assert {"store_questions", "thread_per_answer", "show_names"} == GUILD_SETTING_NAMES


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
    assert store.clear_pinned_plan(100) is False
    assert store.get_pinned_plan(100) is None


# -- answers, votes, questions ------------------------------------------------------------------------------


def test_answers_and_votes(store: Store) -> None:
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
    assert rows(store, "SELECT answer_id, question FROM answers ORDER BY answer_id") == [
        ("ans-1", None),
        ("ans-2", "what is MLOps?"),
    ]
    assert rows(store, "SELECT answer_id, guild_id, user_id, question, vote FROM feedback ORDER BY answer_id") == [
        ("ans-1", 1, 9, None, 1),
        ("ans-2", 3, 9, "what is MLOps?", -1),
        ("unknown", 4, 9, None, 1),
    ]


def test_record_question_respects_guild_setting(store: Store) -> None:
    assert store.record_question(1, 2, "secret question", answered=True) is False
    store.set_guild_setting(1, "store_questions", True)
    assert store.record_question(1, 2, "kept question", answered=False) is True
    assert rows(store, "SELECT guild_id, user_id, question, answered FROM questions") == [
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
    channel = guild * 100 if guild < 2**40 else guild - 1
    plan = store.channel_group_plan(channel) or _open_group_plan(store, guild, channel)
    assert store.join_group(plan.id, user) == (True, store.get_group_plan(plan.id).members)
    assert store.set_group_reminder(plan.id, user, True) is True


def test_export_contains_everything(store: Store) -> None:
    _populate(store, 1, 2, "me")
    _populate(store, 1, 3, "other")
    store.record_vote("ans-other", 2, -1)  # my vote on someone else's answer
    data = store.export(1, 2)
    json.dumps(data)  # JSON-serialisable
    assert data["guild_id"] == 1
    assert data["user_id"] == 2
    assert data["schema_version"] == LATEST_VERSION
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
    assert [(g["channel_id"], bool(g["joined_at"])) for g in data["study_groups"]] == [(100, True)]
    assert [r["last_week"] for r in data["group_reminders"]] == [0]
    assert "other" not in json.dumps(data["profile"])

    empty = store.export(5, 5)
    assert empty["profile"] is None
    assert empty["progress"] == empty["feedback"] == empty["questions"] == empty["answers"] == []
    assert empty["study_groups"] == empty["group_reminders"] == []


def test_forget_removes_every_row_about_the_user(store: Store) -> None:
    _populate(store, 1, 2, "me")
    _populate(store, 1, 3, "other")
    _populate(store, 7, 2, "me-elsewhere")  # same user, another guild: not this forget's business
    store.record_vote("ans-other", 2, -1)  # my vote on another user's answer
    store.record_vote("ans-me", 3, 1)  # another user's vote on my answer (copies my question text)
    before_other = store.export(1, 3)

    deleted = store.forget(1, 2)
    assert deleted == 1 + 1 + 2 + 1 + 2 + 1 + 1  # reminder, membership, progress, profile, feedback, ...

    covered = user_tables(store)
    assert covered == ["answers", "feedback", "group_members", "group_reminders", "profiles", "progress",
                       "questions"]
    for table in covered:
        assert rows(store, f"SELECT count(*) FROM {table} WHERE guild_id = 1 AND user_id = 2") == [(0,)], table
        assert rows(store, f"SELECT count(*) FROM {table} WHERE user_id = 3")[0][0] > 0, table
        assert rows(store, f"SELECT count(*) FROM {table} WHERE guild_id = 7")[0][0] > 0, table
    # My question text no longer survives in the other user's vote on my answer.
    assert rows(store, "SELECT question FROM feedback WHERE answer_id = 'ans-me'") == [(None,)]
    assert rows(store, "SELECT count(*) FROM feedback WHERE question LIKE ?", "%question me") == [(0,)]

    assert store.get_profile(1, 2) is None
    after_other = store.export(1, 3)
    for key in ("profile", "progress", "questions", "answers", "study_groups", "group_reminders"):
        assert after_other[key] == before_other[key]
    assert store.get_profile(7, 2) is not None
    assert store.forget(1, 2) == 0


# -- the async entry point ------------------------------------------------------------------------------------


def test_run_is_the_one_async_path(store: Store) -> None:
    async def main() -> None:
        await asyncio.gather(*(store.run(Store.mark_done, 1, 2, f"item.{i}") for i in range(20)))
        await asyncio.gather(
            store.run(Store.set_stage, 1, 2, "mlops"),
            store.run(Store.update_profile, 1, 2, target_role="MLOps engineer"),
            store.run(Store.add_qa_channel, 1, 10),
            store.run(Store.set_guild_setting, 1, "store_questions", True),
        )
        profile = await store.run(Store.get_profile, 1, 2)
        assert profile is not None
        assert profile.stage == "mlops"
        assert profile.target_role == "MLOps engineer"
        assert len(profile.completed) == 20
        assert await store.run(Store.list_qa_channels, 1) == {10}
        assert await store.run(Store.record_question, 1, 2, "q?", answered=True) is True
        await store.run(Store.record_answer, "a", 1, 2, "q?")
        await store.run(Store.record_vote, "a", 3, 1, guild_id=1)
        assert len((await store.run(Store.export, 1, 2))["answers"]) == 1
        with pytest.raises(ValueError, match="unknown answer"):
            await store.run(Store.record_vote, "nope", 3, 1)
        assert await store.run(Store.forget, 1, 2) > 0
        loop_thread = threading.current_thread()
        assert await store.run(lambda s: threading.current_thread()) is not loop_thread  # never on the loop
        await store.run(Store.close)
        assert store.closed

    asyncio.run(main())


def test_backends_never_override_the_public_methods() -> None:
    """``store.run(Store.get_profile, ...)`` calls the base class's function: a backend overriding a public
    method would be bypassed, so none may."""
    public = {name for name, member in inspect.getmembers(Store, callable)
              if not name.startswith("_") and not isinstance(member, type)}
    assert {"get_profile", "mark_done", "forget", "record_vote", "set_guild_setting"} <= public
    for backend in (SqliteStore, PostgresStore):
        assert {name for name in public if name in vars(backend)} == set(), backend
    assert not {name for name in public if getattr(getattr(Store, name), "__isabstractmethod__", False)}


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


def test_two_processes_writing_concurrently(target: str) -> None:
    # Both workers open (and race to migrate) the same fresh database, then write at the same time.
    with workers(*(("writes", target, str(uid), "200") for uid in (1, 2))) as procs:
        for w in procs:
            w.until("READY")
        start_at = time.time() + 0.2
        for w in procs:
            w.send(str(start_at))
        for w in procs:
            w.until("DONE", timeout=30)
            assert w.proc.wait(timeout=10) == 0
    with open_store(target) as s:
        for uid in (1, 2):
            assert s.get_profile(1, uid).completed == {f"item.{uid}.{i}" for i in range(200)}
        assert rows(s, "SELECT count(*) FROM progress") == [(400,)]
        assert s.schema_version() == LATEST_VERSION


@contextlib.contextmanager
def write_locked(store: Store, hold_s: float) -> Iterator[None]:
    """Another connection holds the lock every write needs (SQLite: the database's write lock; PostgreSQL:
    EXCLUSIVE locks on profiles and progress, which still let readers in), with one uncommitted row."""
    locked = threading.Event()
    release = threading.Event()
    errors: list[Exception] = []

    def hold() -> None:
        try:
            if isinstance(store, SqliteStore):
                with contextlib.closing(sqlite3.connect(store.path, isolation_level=None)) as conn:
                    conn.execute("BEGIN IMMEDIATE")
                    conn.execute("INSERT INTO qa_channels VALUES (99, 99)")  # a real, uncommitted write
                    locked.set()
                    release.wait(hold_s)
                    conn.execute("ROLLBACK")
            else:
                import psycopg

                assert isinstance(store, PostgresStore)
                with psycopg.connect(store.url) as conn:  # not autocommit: one transaction, rolled back
                    conn.execute("LOCK TABLE profiles, progress IN EXCLUSIVE MODE")
                    conn.execute("INSERT INTO qa_channels VALUES (99, 99)")
                    locked.set()
                    release.wait(hold_s)
                    conn.rollback()
        except Exception as exc:  # noqa: BLE001 - handed to the test thread, which fails on it
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
    assert errors == []


def test_busy_write_waits_for_lock(target: str) -> None:
    with open_store(target, busy_wait_s=10) as s:
        with write_locked(s, hold_s=1.0):
            t0 = time.monotonic()
            assert s.mark_done(0, 0, "core-ml.svm") is True
            elapsed = time.monotonic() - t0
        assert 0.7 < elapsed < 5
    with open_store(target) as s:
        assert s.get_profile(0, 0).completed == {"core-ml.svm"}


def test_busy_beyond_bound_raises_store_busy(target: str) -> None:
    with open_store(target, busy_wait_s=0.5) as s:
        s.mark_done(0, 0, "before")
        with write_locked(s, hold_s=10.0):
            t0 = time.monotonic()
            with pytest.raises(StoreBusy, match="busy"):
                s.mark_done(0, 0, "during")
            elapsed = time.monotonic() - t0
            # Reads still work while another connection writes.
            assert s.get_profile(0, 0).completed == {"before"}
        assert 0.4 < elapsed < 3
        assert s.get_profile(0, 0).completed == {"before"}  # the failed write left nothing behind
        assert s.mark_done(0, 0, "after") is True  # and the store is usable again
        assert {r[0] for r in rows(s, "SELECT item_id FROM progress")} == {"before", "after"}
        assert rows(s, "SELECT count(*) FROM qa_channels") == [(0,)]


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


# -- settings shared by several processes --------------------------------------------------------------------


def _within(seconds: float, check: Any) -> float:
    """Poll ``check()`` until true; how long it took (fails past ``seconds``)."""
    t0 = time.monotonic()
    while not check():
        assert time.monotonic() - t0 < seconds, "not seen in time"
        time.sleep(0.02)
    return time.monotonic() - t0


def test_settings_version_sees_other_processes_changes(target: str) -> None:
    with open_store(target) as a, open_store(target) as b:
        for change in (lambda: b.add_qa_channel(1, 10), lambda: b.set_guild_setting(1, "thread_per_answer", True),
                       lambda: b.remove_qa_channel(1, 10)):
            before = a.settings_version()
            change()
            assert _within(1.0, lambda v=before: a.settings_version() != v) < 1.0


def test_guild_config_of_another_process_follows_within_a_second(target: str) -> None:
    """Process A caches the question channels and settings; process B (another store on the same database)
    changes them; A serves the new values within a second, without a restart."""
    with open_store(target) as a, open_store(target) as b:

        async def main() -> None:
            config = GuildConfig(a)
            assert await config.qa_channels(1) == set()
            assert (await config.settings(1)).thread_per_answer is False
            b.add_qa_channel(1, 10)
            b.set_guild_setting(1, "thread_per_answer", True)
            t0 = time.monotonic()
            while await config.qa_channels(1) != {10} or not (await config.settings(1)).thread_per_answer:
                assert time.monotonic() - t0 < 1.0, "the change did not reach the other process in 1 s"
                await asyncio.sleep(0.02)
            b.remove_qa_channel(1, 10)  # an admin turns the channel off: A stops answering there
            t0 = time.monotonic()
            while await config.qa_channels(1) != set():
                assert time.monotonic() - t0 < 1.0
                await asyncio.sleep(0.02)
            # A's own writes are exact at once
            assert await config.add_qa_channel(1, 11) is True
            assert await config.qa_channels(1) == {11}

        asyncio.run(main())


def test_guild_config_falls_back_to_what_it_knew(db: Path) -> None:
    """A broken database does not stop lookups: the last known values (or the defaults) are served."""
    store = open_store(db)
    store.add_qa_channel(1, 10)

    async def main() -> None:
        config = GuildConfig(store, check_every=0)
        assert await config.qa_channels(1) == {10}
        store.close()  # every call now fails with StoreError
        assert await config.qa_channels(1) == {10}
        assert await config.qa_channels(2) == set()
        assert await config.settings(2) == GuildSettings(2)
        with pytest.raises(StoreError):
            await config.add_qa_channel(1, 12)

    asyncio.run(main())


# -- careerbot db copy / migrate -----------------------------------------------------------------------------


def _community(store: Store) -> None:
    """A bit of everything, including what differs between backends: 64-bit ids, floats, non-ASCII."""
    _populate(store, 1, 2, "me")
    _populate(store, 1, 3, "他の人")
    _populate(store, BIG, BIG, "big")
    store.update_profile(1, 2, hours_per_week=4.3)
    store.add_qa_channel(1, 10)
    store.set_pinned_plan(1, 10, BIG)
    store.record_vote("ans-me", 3, -1)
    plan = store.channel_group_plan(100)
    assert plan is not None
    assert store.claim_checkin(plan.id, 1, "host:1:abc", 60)
    assert store.record_checkin(plan.id, 1, "host:1:abc", 100, BIG, datetime(2026, 12, 7, tzinfo=timezone.utc),
                                late=True)
    assert store.claim_checkin(plan.id, 2, "host:1:abc", 60)


def test_copy_sqlite_to_postgres_and_back(tmp_path: Path, pg_target: str) -> None:
    from bot.store.copy import TargetNotEmpty, copy_store

    with open_store(tmp_path / "a.sqlite3") as sqlite_a, open_store(pg_target) as pg:
        _community(sqlite_a)
        report = copy_store(sqlite_a, pg)
        assert report.matches
        assert report.replaced == 0
        assert sum(d.rows for d in report.source) == sum(d.rows for d in report.target) > 20
        assert report.source == sqlite_a.table_digests() == pg.table_digests()
        for guild, user in ((1, 2), (1, 3), (BIG, BIG)):
            exported, copied = sqlite_a.export(guild, user), pg.export(guild, user)
            assert {k: v for k, v in exported.items() if k != "exported_at"} == \
                {k: v for k, v in copied.items() if k != "exported_at"}
        # identity columns go on after the copied ids
        assert pg.record_question(1, 2, "after the copy", answered=False) is True
        assert rows(pg, "SELECT count(DISTINCT id) FROM questions") == [(4,)]

        with pytest.raises(TargetNotEmpty, match="not empty"):
            copy_store(sqlite_a, pg)
        assert rows(pg, "SELECT count(*) FROM questions") == [(4,)]  # refused: nothing changed
        report = copy_store(sqlite_a, pg, force=True)
        assert report.matches
        assert report.replaced > 0
        assert pg.table_digests() == sqlite_a.table_digests()

        with open_store(tmp_path / "b.sqlite3") as sqlite_b:
            assert copy_store(pg, sqlite_b).matches
            assert sqlite_b.table_digests() == sqlite_a.table_digests()
            with pytest.raises(StoreError, match="same database"):
                copy_store(sqlite_b, sqlite_b)


def test_cli_db_migrate_and_copy(tmp_path: Path, pg_target: str, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main

    source = tmp_path / "old.sqlite3"
    make_v1(str(source))
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("CAREERBOT_DB", f"sqlite://{source}")
    assert main(["db", "migrate"]) == 0
    assert capsys.readouterr().out.strip() == f"{source}: schema version {LATEST_VERSION} (migrated from 1)"
    assert main(["db", "migrate"]) == 0
    assert "already up to date" in capsys.readouterr().out

    assert main(["db", "copy", "--from", f"sqlite://{source}", "--to", pg_target]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^profiles\s+1\s+([0-9a-f]{16})\s+1\s+\1$", out, re.MULTILINE), out
    assert re.search(r"^progress\s+1\s+([0-9a-f]{16})\s+1\s+\1$", out, re.MULTILINE), out
    assert re.search(r"^total\s+2\s+2$", out, re.MULTILINE), out
    assert main(["db", "copy", "--from", f"sqlite://{source}", "--to", pg_target]) == 1
    assert "not empty" in capsys.readouterr().err
    assert main(["db", "copy", "--from", f"sqlite://{source}", "--to", pg_target, "--force"]) == 0
    assert "replacing 2 rows" in capsys.readouterr().out


# -- PostgreSQL only --------------------------------------------------------------------------------------------


def test_postgres_concurrent_starts_migrate_once(pg_target: str, caplog: pytest.LogCaptureFixture) -> None:
    """Four processes' stores opening a fresh database at once: one migrates (under the advisory lock), the
    others wait and find nothing to do."""
    caplog.set_level(logging.INFO, logger="bot.store.postgres")
    barrier = threading.Barrier(4)

    def start(_: int) -> int:
        barrier.wait()
        with open_store(pg_target) as s:
            return s.schema_version()

    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(start, range(4))) == [LATEST_VERSION] * 4
    assert len([r for r in caplog.records if "migrated database" in r.getMessage()]) == 1
    with open_store(pg_target) as s:
        assert rows(s, "SELECT count(*) FROM careerbot_schema") == [(1,)]


def test_postgres_settings_listener_reconnects(pg_target: str) -> None:
    """The listener's connection is killed (a server restart, a network cut): it reconnects, and counts that
    as a change, since a notification may have been missed meanwhile; notifications work again after."""
    import psycopg

    with open_store(pg_target) as a, open_store(pg_target) as b:
        assert isinstance(a, PostgresStore)
        first = a.settings_version()
        with psycopg.connect(a.url, autocommit=True) as admin:
            killed = admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                   " WHERE application_name = 'careerbot' AND query LIKE 'LISTEN%'").fetchall()
        assert killed
        assert _within(5.0, lambda: a.settings_version() != first) < 5.0
        time.sleep(0.3)
        settled = a.settings_version()
        b.add_qa_channel(1, 10)
        assert _within(1.0, lambda: a.settings_version() != settled) < 1.0


# -- SQLite only ---------------------------------------------------------------------------------------------


@contextlib.contextmanager
def raw(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain autocommit connection, bypassing the store, closed afterwards."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def test_sqlite_pragmas(db: Path) -> None:
    with open_store(db) as store:
        with raw(db) as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        with store._transaction(write=False) as conn:
            assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
            assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
            assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
            assert 0 < conn.execute("PRAGMA busy_timeout").fetchone()[0] <= 5000


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
    with open_store(db) as s:
        p = s.get_profile(0, 0)
        assert p is not None
        assert p.completed == {f"committed.{i}" for i in range(n)}
        assert p.stage is None  # the uncommitted UPDATE is gone too
        assert s.mark_done(0, 0, "after-crash") is True
    with raw(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


# -- database faults (issue 9, part 4) -------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_a_file_deleted_or_replaced_under_the_store_refuses_writes(
        db: Path, how: str, caplog: pytest.LogCaptureFixture) -> None:
    """Without the check, the open connection keeps writing into the unlinked file: every write "succeeds"
    and is lost. With it, the write is refused (nothing changed), the log says why, and reads still work."""
    with open_store(db) as store:
        store.mark_done(1, 2, "before")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        if how == "replaced":  # e.g. a backup restored over it
            with open_store(db) as other:
                other.mark_done(9, 9, "restored")
        with caplog.at_level(logging.ERROR, logger="bot.store.sqlite"):
            with pytest.raises(StoreUnavailable, match=r"^couldn't save; nothing changed"):
                store.mark_done(1, 2, "after")
            with pytest.raises(StoreError, match="nothing changed"):
                store.set_stage(1, 2, "mlops")
        assert re.search(rf"careerbot\.sqlite3: it was {how}.*refusing writes", caplog.text)
        assert store.get_profile(1, 2).completed == {"before"}  # reads go on from the open file
    if how == "replaced":
        with open_store(db) as after:
            assert after.get_profile(1, 2) is None  # nothing was written into the new file either
            assert after.get_profile(9, 9).completed == {"restored"}


def test_a_file_overwritten_in_place_refuses_writes(db: Path, caplog: pytest.LogCaptureFixture) -> None:
    """The same file (same inode) overwritten with garbage, as a failing disk or a stray ``dd`` would: the open
    connection could still commit from its page cache, so the write is refused (session 26: the Discord-level test
    let one through once in six CI runs)."""
    with open_store(db) as store:
        store.mark_done(1, 2, "before")
        for suffix in ("", "-wal", "-shm"):
            path = Path(f"{db}{suffix}")
            if path.exists():
                with path.open("r+b") as f:
                    f.write(b"\x00garbage" * 4096)
        with caplog.at_level(logging.ERROR, logger="bot.store.sqlite"), \
                pytest.raises(StoreUnavailable, match=r"^couldn't save; nothing changed"):
            store.set_stage(1, 2, "mlops")
        assert re.search(r"careerbot\.sqlite3: it no longer reads as a SQLite database.*refusing writes", caplog.text)

def test_forget_leaves_no_copy_in_the_wal_or_the_file(db: Path) -> None:
    """After ``forget`` the user's rows are in neither the -wal file (a TRUNCATE checkpoint) nor the free
    space of the database file (secure_delete): an old row already checkpointed into the file, and a recent
    one still in the WAL."""
    old, recent = "zq-old-question-1c9e", "zq-recent-question-7f3a"
    wal = Path(f"{db}-wal")
    with open_store(db) as store:
        _populate(store, 1, 3, "other-user")
        store.set_guild_setting(1, "store_questions", True)
        store.record_question(1, 2, old, answered=True)
        with raw(db) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert old.encode() in db.read_bytes()  # the premise: the old row is in the file itself
        store.record_answer("ans-secret", 1, 2, recent)
        store.update_profile(1, 2, target_role=recent)
        assert recent.encode() in wal.read_bytes()  # ... and the recent ones in the WAL
        assert store.forget(1, 2) > 0
        for path in (wal, db):
            data = path.read_bytes() if path.exists() else b""
            for marker in (old, recent):
                assert marker.encode() not in data, (path.name, marker)
        assert store.get_profile(1, 3) is not None  # the other user's rows are intact
