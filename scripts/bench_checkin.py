#!/usr/bin/env python
"""Study-group check-in benchmark (not a test): one check-in fanned out to 1,000 members.

Against the fake Discord (tests/fakediscord on 127.0.0.1) with the real bot as a subprocess (``python -m
bot.discordbot.runner``, the ``careerbot run`` code path) on a SQLite database (or ``--db URL``), on a test
clock (``CAREERBOT_TEST_CLOCK``) so the week can begin on cue:

1. a moderator pins a 6-week group plan; ``--members`` members press Join, and ``--reminders`` of them ask
   for a DM reminder (each click: time to the reply; and how many edits the pinned message took);
2. the clock reaches week 1: the time to the check-in post, and to the last reminder DM delivered;
3. every member presses Done on the week's first item (time from the click to its reply, p50 / p99 / max,
   and the whole burst);
4. ``/plan status``: the time to the group's picture for all members (a PNG checked for its size).

Then, in-process (no Discord), the status picture's own cost for the same number of members: the group's
data (``group_status``) and the render (``render_group``), apart.

    python scripts/bench_checkin.py [--members 1000] [--reminders 1000] [--db URL]
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from _discord_helpers import BotProcess, bot_env, learner_id, make_guild, start_bot
from _stats import latency
from fakediscord import CHANNEL_ID, GUILD_ID, MODERATOR_ID, FakeDiscord, InjectedInteraction

from bot.clock import FileClock

MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
THREADS = 4


def summary(name: str, values: list[float]) -> str:
    return f"{name:<28} {latency(values)}"


def burst(fd: FakeDiscord, users: list[int], inject: Callable[[int], InjectedInteraction],
          timeout: float, rate: float | None = None) -> tuple[list[float], list[float], float, int]:
    """Inject one interaction per user: from THREADS threads as fast as they go, or ``rate`` per second from
    one. Returns each one's time from injection to its acknowledgement (the first callback) and to its
    reply (that callback, or the followup after a deferral), the wall time of the whole burst, and how many
    got no reply within ``timeout``."""
    injected: list[InjectedInteraction] = []
    lock = threading.Lock()

    def fire(part: list[int]) -> None:
        start = time.perf_counter()
        for n, user in enumerate(part):
            if rate:
                time.sleep(max(0.0, start + n / rate - time.perf_counter()))
            inter = inject(user)
            with lock:
                injected.append(inter)

    parts = [users] if rate else [users[k::THREADS] for k in range(THREADS)]
    threads = [threading.Thread(target=fire, args=(part,)) for part in parts]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    deadline = time.monotonic() + timeout
    acks, replies, missing = [], [], 0
    for inter in injected:
        try:
            first = fd.wait_for_interaction_response(inter, None, timeout=max(deadline - time.monotonic(), 0.1))
            reply = first
            if first.type in (5, 6):  # deferred: the reply is the followup
                reply = fd.wait_for_interaction_response(inter, "followup",
                                                         timeout=max(deadline - time.monotonic(), 0.1))
        except TimeoutError:
            missing += 1
            continue
        acks.append(first.elapsed)
        replies.append(reply.elapsed)
    return acks, replies, time.perf_counter() - started, missing  # the waits end as the last reply arrives


def wait(fd: FakeDiscord, predicate: Callable[[], object], timeout: float, what: str) -> float:
    started = time.perf_counter()
    fd.wait_until(predicate, timeout, what)
    return time.perf_counter() - started


def in_process_status(members: int, repeats: int) -> tuple[list[float], list[float], tuple[int, int]]:
    """group_status + render_group for ``members`` members with a few items done each, in this process."""
    from PIL import Image

    from bot.charts import render_group
    from bot.config import SHIPPED_KNOWLEDGE
    from bot.groups import GroupPlan, group_status, schedule
    from bot.knowledge import load

    kb = load(SHIPPED_KNOWLEDGE)
    plan = GroupPlan("core-ml", "core-ml", 6, 10.0, date(2026, 12, 7))
    sched = schedule(kb, plan, "en")
    items = sorted({b.item.id for w in sched.weeks for b in w.blocks})
    progress = {}
    for m in range(members):
        done = items[: m % (len(items) + 1)]
        progress[learner_id(m)] = {item: (MONDAY + timedelta(weeks=k % 3, hours=m % 50)).astimezone(timezone.utc)
                                   .isoformat() for k, item in enumerate(done)}
    now = MONDAY + timedelta(weeks=3, hours=1)
    data, render = [], []
    size = (0, 0)
    for _ in range(repeats):
        t0 = time.perf_counter()
        status = group_status(plan, sched, progress, now)
        t1 = time.perf_counter()
        png = render_group(status, "ja")
        t2 = time.perf_counter()
        data.append(t1 - t0)
        render.append(t2 - t1)
        with Image.open(io.BytesIO(png)) as img:
            size = img.size
    return data, render, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=1000, help="members of the group (default 1000)")
    parser.add_argument("--reminders", type=int, default=None,
                        help="members who ask for a DM reminder (default: all of them)")
    parser.add_argument("--db", default=None, help="database URL or path (default: a temporary SQLite file)")
    parser.add_argument("--index-dir", type=Path, default=None, help="index directory (default: the e5 index)")
    parser.add_argument("--timeout", type=float, default=300.0, help="give up waiting after this many seconds")
    parser.add_argument("--repeats", type=int, default=10, help="in-process status pictures (default 10)")
    parser.add_argument("--rate", type=float, default=None,
                        help="clicks per second (default: all at once, from four threads)")
    args = parser.parse_args(argv)
    reminders = args.members if args.reminders is None else min(args.reminders, args.members)

    from PIL import Image

    from bot.charts import GROUP_SIZE
    from bot.config import Config
    from bot.engine import Engine

    print("loading the index (builds it if missing or stale)...", file=sys.stderr)
    index_dir = Engine.load(Config(index_dir=Path(args.index_dir) if args.index_dir else None)).index.directory
    users = [learner_id(n) for n in range(args.members)]
    lines: list[str] = []

    with tempfile.TemporaryDirectory(prefix="bench-checkin-") as tmp, FakeDiscord(
            guilds=[make_guild(args.members)]) as fd:
        work = Path(tmp)
        clock = FileClock(work / "clock.txt")
        clock.set(MONDAY - timedelta(days=3))
        env = bot_env(fd, Path(args.db) if args.db and "://" not in args.db else work / "bench.sqlite3",
                      Path(index_dir), CAREERBOT_TEST_CLOCK=str(clock.path), CAREERBOT_LOG_LEVEL="WARNING")
        if args.db and "://" in args.db:
            env["CAREERBOT_DB"] = args.db
        sync = BotProcess(env, work, ("sync", str(GUILD_ID)), name="sync")
        if sync.wait(60) != 0:
            print(sync.stderr, file=sys.stderr)
            return 1
        bot = start_bot(fd, env, work, timeout=120)
        try:
            pin = fd.inject_slash("plan pin", {"stage": "core-ml", "weeks": 6, "hours": 10, "start": "2026-12-07"},
                                  user_id=MODERATOR_ID)
            fd.wait_for_interaction_response(pin, "followup", timeout=60)
            [pinned] = [m for m in fd.pins(CHANNEL_ID)
                        if any("careerbot:group:" in c["custom_id"] for r in m.get("components", [])
                               for c in r["components"])]
            pinned_id = int(pinned["id"])
            plan_id = int(pinned["components"][0]["components"][0]["custom_id"].split(":")[2])

            mark = fd.mark()
            join_acks, joins, join_wall, join_missing = burst(
                fd, users, lambda u: fd.inject_component(f"careerbot:group:{plan_id}:join", pinned_id, user_id=u),
                args.timeout, args.rate)
            wait(fd, lambda: f"Members: {args.members}" in str(fd.message(pinned_id)["embeds"]), 30,
                 "the pinned message never showed every member")
            edits = [c for c in fd.calls("PATCH", rf"/messages/{pinned_id}$") if c.id > mark]
            _, remind, remind_wall, remind_missing = burst(
                fd, users[:reminders],
                lambda u: fd.inject_component(f"careerbot:group:{plan_id}:remind", pinned_id, user_id=u),
                args.timeout, args.rate)

            # the week begins
            mark = fd.mark()
            clock.set(MONDAY + timedelta(seconds=1))
            t0 = time.perf_counter()
            post_call = fd.wait_for_call("POST", rf"^/channels/{CHANNEL_ID}/messages$", timeout=60, after=mark,
                                         predicate=lambda c: (c.json or {}).get("content", "").startswith("**Week 1"))
            to_post = time.perf_counter() - t0
            post = post_call.response

            def dms_done() -> bool:
                calls = fd.calls("POST", r"^/channels/\d+/messages$")
                return sum(1 for c in calls if c.id > mark and c.path != f"/channels/{CHANNEL_ID}/messages"
                           and 200 <= c.status < 300) >= reminders

            to_dms = (wait(fd, dms_done, args.timeout, "not every reminder DM arrived") + to_post) if reminders else 0.0
            dm_channels = len([c for c in fd.calls("POST", r"^/users/@me/channels$") if c.id > mark])

            done_id = next(c["custom_id"] for r in post["components"] for c in r["components"])
            done_acks, done, done_wall, done_missing = burst(
                fd, users, lambda u: fd.inject_component(done_id, int(post["id"]), user_id=u), args.timeout,
                args.rate)

            status = fd.inject_slash("plan status", user_id=MODERATOR_ID)
            reply = fd.wait_for_interaction_response(status, "followup", timeout=120)
            [png] = reply.call.files
            with Image.open(io.BytesIO(png.data)) as img:
                picture_ok = img.size == GROUP_SIZE
        finally:
            bot.stop(30)
        logs = bot.stdout + bot.stderr
        errors = logs.count("[ERROR") + logs.count("Traceback")

    data, render, size = in_process_status(args.members, args.repeats)

    pace = f"{args.rate:g} clicks/s" if args.rate else "all clicks at once"
    lines.append(f"careerbot check-in benchmark: {args.members} members, {reminders} reminders, {pace}, against "
                 f"the fake Discord (bot subprocess, {'PostgreSQL' if args.db and 'postgres' in args.db else 'SQLite'})")
    lines.append(summary("Join click -> reply", joins))
    lines.append(f"{'':<28} {args.members} joins in {join_wall:.1f} s ({args.members / join_wall:.0f}/s); "
                 f"pinned message edited {len(edits)} time(s); no reply: {join_missing}")
    lines.append(summary("reminder click -> reply", remind))
    lines.append(f"{'':<28} {reminders} in {remind_wall:.1f} s; no reply: {remind_missing}")
    lines.append(f"{'check-in posted':<28} {to_post * 1000:7.0f} ms after the week began")
    lines.append(f"{'reminder DMs delivered':<28} {to_dms:7.1f} s after the week began ({dm_channels} DM channels "
                 f"opened, {reminders} DMs)")
    lines.append(summary("Done click -> reply", done))
    lines.append(f"{'':<28} acknowledged within 3 s: {sum(a < 3.0 for a in done_acks)}/{len(done_acks)} "
                 f"(joins: {sum(a < 3.0 for a in join_acks)}/{len(join_acks)})")
    lines.append(f"{'':<28} {args.members} clicks in {done_wall:.1f} s ({args.members / done_wall:.0f}/s); "
                 f"no reply: {done_missing}")
    lines.append(f"{'/plan status -> picture':<28} {reply.elapsed * 1000:7.0f} ms "
                 f"({'PNG ' + 'x'.join(map(str, GROUP_SIZE)) if picture_ok else 'WRONG PICTURE'})")
    lines.append(f"in-process, {args.members} members ({size[0]}x{size[1]} PNG):")
    lines.append(summary("  group_status (data)", data))
    lines.append(summary("  render_group (Pillow)", render))
    lines.append(f"bot log errors/tracebacks: {errors}")
    print("\n".join(lines))
    ok = not (join_missing or remind_missing or done_missing or errors) and picture_ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
