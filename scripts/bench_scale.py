#!/usr/bin/env python
"""Load at scale (a benchmark, not a test): 2 bot processes x 2 shards on PostgreSQL, 1,000 guilds, 5,000 users.

Starts a throwaway PostgreSQL server (tests/_pg_server.py; or ``--pg-url``), FakeDiscord (tests/fakediscord)
with ``--guilds`` guilds split over ``--processes x --shards-per-process`` gateway shards and ``--users`` members
(users exist once; user k is a member of guild ``k % guilds + 1``), registers the commands globally
(``careerbot sync``), and starts the bot processes (the ``careerbot run --shard-count N --shard-ids A-B`` code
path, with their default settings). Then, over ``--duration`` seconds, at random times, it injects:

* ``--asks`` ``/ask`` from random users (a question from a fixed list, half with a Japanese client; a user
  drawn twice within 5 s gets the cooldown sentence, counted as "refused", acknowledged all the same), and
* ``--writes`` profile writes: half ``/stage set`` (each from a different user), half ``/progress done`` (random
  users and checklist items),

and waits until every interaction was answered (or ``--timeout``). It prints:

* **acknowledgement**: time from the injection of an interaction into FakeDiscord to the bot's initial
  response (the deferral, or the reply itself) arriving at FakeDiscord, p50/p99/max; how many came within
  Discord's 3 s, how many late or never;
* **answer**: time to the final message the user reads (an ``/ask``'s followup; a write's reply, or its
  followup when the bot deferred first);
* **database write**: time to a write's reply as the user sees it (above), and the store's own time for each
  write transaction (``Store._run`` timed inside the bot processes, which this script starts through a small
  wrapper that patches nothing but this timing in; dumped when each process exits);
* **RSS** per bot process (VmRSS after start-up and one warm-up ``/ask``, at the end, and the peak VmHWM);
* **errors**: interactions never acknowledged or acknowledged late, 5xx answers, REST calls refused, tracebacks
  and errors in the bot logs, and **lost writes**: each write the user was told succeeded is looked up in the
  database at the end (the stage in ``profiles``, the item in ``progress``); writes the user was told failed
  but that are in the database are counted as well;
* **CPU** seconds over the load window of each bot process, the PostgreSQL server and this script's own process
  (FakeDiscord's event loop and the injector share it), the whole machine's (from /proc/stat; what the
  processes above do not account for is other work on the machine, or the kernel's loopback networking), and
  FakeDiscord's REST round trip as a side client sees it (``GET /gateway`` every 0.2 s): what limited the run.

The start-up line shows how long each process took from its start (and from its first gateway connection) until
its shards had READY and their GUILD_CREATEs delivered.

    python scripts/bench_scale.py [--guilds 1000] [--users 5000] [--asks 1000] [--writes 1000] [--duration 60]

The index is the default e5 one (built first if missing or stale). Exits 1 when an interaction was not
acknowledged within 3 s, a write was lost, or a 5xx was answered.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import json
import os
import random
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _stats import latency, pct

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

STATS_ENV = "BENCH_SCALE_STATS"  # where a bot process started by this script dumps its store timings
ACK_LIMIT = 3.0  # Discord's limit for the initial response
QUESTIONS = [
    "MLOpsって何から始めればいい？", "How do I become an ML engineer?", "Do ML engineers need SQL?",
    "機械学習エンジニアに必要な数学は？", "What is the difference between a data scientist and an ML engineer?",
    "Kaggleはどう活用すればいい？", "Which Python libraries should I learn first?", "ポートフォリオには何を載せるべき？",
    "How do I deploy a model as an API?", "未経験から転職するには？", "深層学習はどこから勉強すればいい？",
    "Should I learn Spark for big data?", "統計学はどのくらい必要ですか？", "How do I prepare for ML interviews?",
    "DockerとKubernetesは必要？", "What's a good recipe for pizza dough?", "I finished the core algorithms, what next?",
]


# ------------------------------------------------------------------------------ inside a bot process

def bot_main(argv: list[str]) -> int:
    """``bench_scale.py _bot [runner args]``: the bot (``python -m bot.discordbot.runner``) with every store
    transaction timed; the timings go to ``$BENCH_SCALE_STATS`` as JSON when the process exits."""
    from bot.discordbot import runner
    from bot.store.postgres import PostgresStore
    from bot.store.sqlite import SqliteStore

    samples: list[tuple[str, bool, bool, float]] = []  # (method, write, ok, seconds)

    def timed(original: Any) -> Any:
        def _run(self: Any, fn: Any, *, write: bool) -> Any:
            t0 = time.perf_counter()
            ok = False
            try:
                result = original(self, fn, write=write)
                ok = True
                return result
            finally:
                name = getattr(fn, "__qualname__", "?").split(".<locals>")[0].removeprefix("Store.")
                samples.append((name, write, ok, time.perf_counter() - t0))  # list.append is atomic
        return _run

    for cls in (PostgresStore, SqliteStore):
        cls._run = timed(cls._run)  # type: ignore[method-assign]

    def dump() -> None:
        path = os.environ.get(STATS_ENV)
        if path:
            Path(path).write_text(json.dumps(samples))

    atexit.register(dump)
    return runner.main(argv)


# ------------------------------------------------------------------------------------------ figures


def proc_stat(pid: int) -> tuple[float, float, int]:
    """(utime+stime, cutime+cstime) in seconds and the parent pid of a process, from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / tick, (int(fields[13]) + int(fields[14])) / tick, int(fields[1])


def cpu_seconds(pid: int) -> float:
    with contextlib.suppress(OSError):
        return proc_stat(pid)[0]
    return float("nan")


def tree_cpu_seconds(root: int) -> float:
    """CPU time of a process and its children, living (their own time) and reaped (the root's cutime): for
    the PostgreSQL server, whose backends are children of the postmaster."""
    own, reaped, _ = proc_stat(root)
    total = own + reaped
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                mine, _, parent = proc_stat(int(entry.name))
                if parent == root:
                    total += mine
    return total


def machine_busy() -> tuple[float, float]:
    """(busy, total) jiffies of the whole machine, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def status_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1])
    return 0


def template_regex(key: str, lang: str, **known: str) -> re.Pattern[str]:
    """A message of the catalogue as a regex: the ``known`` placeholders filled in, the others any text."""
    from bot.messages import MESSAGES

    text = MESSAGES[key]["ja" if lang == "ja" else "en"]
    out, pos = [], 0
    for m in re.finditer(r"\{(\w+)\}", text):
        out.append(re.escape(text[pos:m.start()]))
        out.append(re.escape(known[m.group(1)]) if m.group(1) in known else ".+?")
        pos = m.end()
    out.append(re.escape(text[pos:]))
    return re.compile("".join(out))


# ------------------------------------------------------------------------------------------- the load

@dataclass
class Event:
    at: float  # seconds after the start of the load
    kind: str  # ask | stage | progress
    user: int  # user number (0..users-1)
    arg: str  # the question, the stage id or the item id
    lang: str
    injected: float = 0.0  # time.monotonic() of the injection
    inter: Any = None  # InjectedInteraction
    outcome: dict[str, Any] = field(default_factory=dict)


def user_id(k: int) -> int:
    return 10_000_000 + k


def guild_of(k: int, guilds: int) -> int:
    """Guild number (from 1) of user k."""
    return k % guilds + 1


def schedule(args: argparse.Namespace, stages: list[str], items: list[str]) -> list[Event]:
    rng = random.Random(args.seed)
    events = []
    for _ in range(args.asks):
        lang = rng.choice(("ja", "en"))
        events.append(Event(rng.uniform(0, args.duration), "ask", rng.randrange(args.users),
                            rng.choice(QUESTIONS), lang))
    stage_writes = args.writes // 2
    for k in rng.sample(range(args.users), stage_writes):  # one per user: the last write is unambiguous
        events.append(Event(rng.uniform(0, args.duration), "stage", k, rng.choice(stages), rng.choice(("ja", "en"))))
    for _ in range(args.writes - stage_writes):
        events.append(Event(rng.uniform(0, args.duration), "progress", rng.randrange(args.users), rng.choice(items),
                            rng.choice(("ja", "en"))))
    return sorted(events, key=lambda e: e.at)


def inject(fd: Any, events: list[Event], guilds: int) -> tuple[float, list[float]]:
    """Inject each event at its time (one thread); returns the start time and each injection's lateness."""
    from fakediscord import numbered_channel_id

    lateness = []
    start = time.monotonic()
    for e in events:
        delay = start + e.at - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        n = guild_of(e.user, guilds)
        locale = "ja" if e.lang == "ja" else "en-US"
        if e.kind == "ask":
            name, options = "ask", {"question": e.arg}
        elif e.kind == "stage":
            name, options = "stage set", {"stage": e.arg}
        else:
            name, options = "progress done", {"item": e.arg}
        e.injected = time.monotonic()
        lateness.append(e.injected - (start + e.at))
        e.inter = fd.inject_slash(name, options, channel_id=numbered_channel_id(n), user_id=user_id(e.user),
                                  locale=locale)
    return start, lateness


class RestProbe(threading.Thread):
    """``GET /gateway`` on FakeDiscord every ``every`` seconds from a side client: FakeDiscord's own round trip
    while it serves the bots (its event loop shares this process with the injector)."""

    def __init__(self, api_base: str, every: float = 0.2) -> None:
        super().__init__(daemon=True, name="rest-probe")
        self.url, self.every = f"{api_base}/gateway", every
        self.times: list[float] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        import urllib.request

        while not self.stopped.wait(self.every):
            t0 = time.monotonic()
            with contextlib.suppress(OSError), urllib.request.urlopen(self.url, timeout=10) as response:
                response.read()
                self.times.append(time.monotonic() - t0)


def outcome(fd: Any, e: Event) -> dict[str, Any] | None:
    """What became of one interaction, or None while it still waits for its final message."""
    from _discord_helpers import message_text

    responses = [r for r in fd.interaction_responses(e.inter) if 200 <= r.status < 300]
    first = next((r for r in responses if r.kind == "callback"), None)
    if first is None:
        return None
    if first.type == 4:
        final = first
    else:
        final = next((r for r in responses if r.kind in ("followup", "edit_original")), None)
        if final is None:
            return None
    return {"ack": first.elapsed, "ack_type": first.type, "final": final.elapsed,
            "text": message_text(final.body), "has_embed": bool((final.body or {}).get("embeds")
                                                                or ((final.body or {}).get("data") or {}).get("embeds"))}


def classify(e: Event, kb: Any) -> str:
    """ok | refused (a cooldown or "busy" sentence) | failed (anything else) | unanswered."""
    from bot.messages import t

    o = e.outcome
    if not o:
        return "unanswered"
    lang = e.lang
    if e.kind == "ask":
        if o["has_embed"]:
            return "ok"
        return "refused" if template_regex("cooldown", lang).search(o["text"]) else "failed"
    if e.kind == "stage":
        stage = kb.stage(e.arg)
        expected = t("stage_set", lang, n=stage.order, title=stage.title.get(lang))
        if expected in o["text"]:
            return "ok"
    else:
        title = kb.items[e.arg].title.get(lang)
        if any(template_regex(key, lang, title=title).search(o["text"]) for key in ("marked_done", "already_done")):
            return "ok"
    return "refused" if t("busy", lang) in o["text"] else "failed"


def lost_writes(url: str, events: list[Event], guilds: int) -> dict[str, int]:
    """Acknowledged writes missing from the database, and refused ones found in it."""
    import psycopg
    from fakediscord import numbered_guild_id

    with psycopg.connect(url) as conn:
        stages = {(g, u): s for g, u, s in conn.execute("SELECT guild_id, user_id, stage FROM profiles")}
        done = set(conn.execute("SELECT guild_id, user_id, item_id FROM progress").fetchall())
        counts = {"profiles": len(stages), "progress": len(done)}
    out = Counter(counts)
    acked_items = {(numbered_guild_id(guild_of(e.user, guilds)), user_id(e.user), e.arg) for e in events
                   if e.kind == "progress" and e.outcome.get("status") == "ok"}
    for e in events:
        if e.kind == "ask":
            continue
        key = (numbered_guild_id(guild_of(e.user, guilds)), user_id(e.user))
        present = stages.get(key) == e.arg if e.kind == "stage" else (*key, e.arg) in done
        status = e.outcome.get("status")
        if status == "ok" and not present:
            out["lost"] += 1
        elif status != "ok" and present and (e.kind == "stage" or (*key, e.arg) not in acked_items):
            out["saved_though_not_confirmed"] += 1
    return dict(out)


# ---------------------------------------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guilds", type=int, default=1000)
    parser.add_argument("--users", type=int, default=5000)
    parser.add_argument("--asks", type=int, default=1000)
    parser.add_argument("--writes", type=int, default=1000, help="profile writes (half /stage set, half /progress "
                                                                   "done)")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds the interactions spread over")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--shards-per-process", type=int, default=2)
    parser.add_argument("--pg-url", default=None, help="an empty PostgreSQL database to use (default: start a "
                                                         "throwaway server)")
    parser.add_argument("--index-dir", type=Path, default=None, help="index directory (default: the e5 index)")
    parser.add_argument("--timeout", type=float, default=180.0, help="give up waiting for answers after the load")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--keep-logs", type=Path, default=None, help="copy the bot logs to this directory")
    args = parser.parse_args(argv)
    if args.users < args.writes // 2:
        parser.error("--users must be at least half of --writes (one /stage set per user)")

    from bot.config import Config, configure_threads

    configure_threads()
    from bot.engine import Engine

    print("loading the index (builds it if missing or stale)...", file=sys.stderr)
    engine = Engine.load(Config(index_dir=args.index_dir))
    index_dir, kb = Path(engine.index.directory), engine.kb
    del engine
    stages = [s.id for s in kb.stages]
    items = [i.id for s in kb.stages for i in s.items]
    events = schedule(args, stages, items)

    from _pg_server import PgServer

    with contextlib.ExitStack() as stack:
        if args.pg_url:
            url, postmaster = args.pg_url, None
        else:
            server = stack.enter_context(PgServer.started())
            url = server.url
            postmaster = int((server.data / "postmaster.pid").read_text().split()[0])
        return run(args, url, postmaster, index_dir, kb, events)
    return 1  # pragma: no cover (the with block returns)


def run(args: argparse.Namespace, url: str, postmaster: int | None, index_dir: Path, kb: Any,
        events: list[Event]) -> int:
    from _discord_helpers import BotProcess, bot_env
    from fakediscord import FakeDiscord, MemberSpec, numbered_channel_id, numbered_guild

    shard_count = args.processes * args.shards_per_process
    members: dict[int, list[MemberSpec]] = {}
    for k in range(args.users):
        members.setdefault(guild_of(k, args.guilds), []).append(MemberSpec(id=user_id(k), username=f"learner{k}"))
    t0 = time.monotonic()
    guilds = [numbered_guild(n, members=members.get(n, [])) for n in range(1, args.guilds + 1)]
    fd = FakeDiscord(guilds=guilds, shard_count=shard_count, max_concurrency=16,
                     max_buffered_events=max(2000, 4 * (args.asks + args.writes)))
    del guilds
    print(f"FakeDiscord with {args.guilds} guilds and {args.users} users built in {time.monotonic() - t0:.1f} s",
          file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp, fd:
        work = Path(tmp)
        env = bot_env(fd, url, index_dir)  # type: ignore[arg-type]  # a URL, not a path: CAREERBOT_DB takes both
        sync = BotProcess(env, work, ("sync",), name="sync")
        if sync.wait(120) != 0:
            print(sync.stderr, file=sys.stderr)
            return 1
        command = (sys.executable, str(Path(__file__).resolve()), "_bot")
        procs: list[BotProcess] = []
        started: list[tuple[float, float]] = []
        try:
            for p in range(args.processes):
                first = p * args.shards_per_process
                ids = range(first, first + args.shards_per_process)
                since = fd.identify_count
                t0 = time.monotonic()
                proc = BotProcess({**env, STATS_ENV: str(work / f"store-{p}.json")}, work,
                                  ("run", "--shard-count", str(shard_count), "--shard-ids", f"{ids[0]}-{ids[-1]}"),
                                  name=f"bot{p}", command=command)
                procs.append(proc)
                deadline = time.monotonic() + 180
                while not fd.shards_ready(ids, shard_count, since=since):
                    if not proc.alive() or time.monotonic() > deadline:
                        print(f"bot {p} did not get ready:\n{proc.stderr[-4000:]}", file=sys.stderr)
                        return 1
                    time.sleep(0.05)
                opened = [c.opened_at for c in fd.gateway_connections() if c.opened_at >= t0]
                started.append((time.monotonic() - t0, time.monotonic() - min(opened, default=t0)))
            # One warm-up /ask per process, in a guild of one of its shards.
            from fakediscord import OWNER_ID

            warm = [fd.inject_slash("ask", {"question": "warm-up: what is MLOps?"}, user_id=OWNER_ID,
                                    channel_id=numbered_channel_id(p * args.shards_per_process or shard_count))
                    for p in range(args.processes)]
            for w in warm:
                fd.wait_for_interaction_response(w, "followup", timeout=60)
            time.sleep(1.0)
            rss_start = [status_kb(p.proc.pid, "VmRSS") for p in procs]
            mark = fd.mark()
            print(f"careerbot at scale: {args.processes} processes x {args.shards_per_process} shards "
                  f"(shard count {shard_count}) on PostgreSQL, {args.guilds} guilds, {args.users} users; "
                  f"{args.asks} /ask + {args.writes} profile writes over {args.duration:.0f} s")
            print("start-up, process start (and its first gateway connection) to its shards' READY and "
                  f"{args.guilds // shard_count} GUILD_CREATEs each delivered: "
                  f"{', '.join(f'{s:.1f} s ({g:.1f} s)' for s, g in started)}")

            cpu0 = ([cpu_seconds(p.proc.pid) for p in procs], tree_cpu_seconds(postmaster) if postmaster else None,
                    os.times(), machine_busy())
            probe = RestProbe(fd.api_base)
            probe.start()
            start, lateness = inject(fd, events, args.guilds)
            injected_for = time.monotonic() - start
            probe.stopped.set()
            deadline = time.monotonic() + args.timeout
            waiting = list(events)
            while waiting and time.monotonic() < deadline:
                still = []
                for e in waiting:
                    o = outcome(fd, e)
                    if o is None:
                        still.append(e)
                    else:
                        e.outcome = o
                waiting = still
                if waiting:
                    time.sleep(0.25)
            for e in waiting:  # not finished: keep what there is (an acknowledgement without an answer)
                first = next((r for r in fd.interaction_responses(e.inter)
                              if r.kind == "callback" and 200 <= r.status < 300), None)
                e.outcome = {"ack": first.elapsed} if first else {}
            window = time.monotonic() - start
            cpu1 = ([cpu_seconds(p.proc.pid) for p in procs], tree_cpu_seconds(postmaster) if postmaster else None,
                    os.times(), machine_busy())
            rss_end = [status_kb(p.proc.pid, "VmRSS") for p in procs]
            rss_peak = [status_kb(p.proc.pid, "VmHWM") for p in procs]
            calls = [c for c in fd.calls() if c.id > mark]
            server_errors = fd.server_errors()
        finally:
            codes = [p.stop(60) for p in procs]
        logs = [p.stdout + p.stderr for p in procs]
        if args.keep_logs:
            args.keep_logs.mkdir(parents=True, exist_ok=True)
            for i, text in enumerate(logs):
                (args.keep_logs / f"bot{i}.log").write_text(text)
        store_samples = []
        for p in range(len(procs)):
            path = work / f"store-{p}.json"
            store_samples.append(json.loads(path.read_text()) if path.exists() else None)

    for e in events:
        e.outcome["status"] = classify(e, kb)
    db = lost_writes(url, events, args.guilds)
    return report(args, events, lateness, injected_for, window, calls, server_errors, logs, codes, store_samples,
                  rss_start, rss_end, rss_peak, cpu0, cpu1, db, probe.times)


def report(args: argparse.Namespace, events: list[Event], lateness: list[float], injected_for: float,
           window: float, calls: list[Any], server_errors: list[str], logs: list[str], codes: list[int | None],
           store_samples: list[Any], rss_start: list[int], rss_end: list[int], rss_peak: list[int],
           cpu0: tuple, cpu1: tuple, db: dict[str, int], probe: list[float]) -> int:
    asks = [e for e in events if e.kind == "ask"]
    writes = [e for e in events if e.kind != "ask"]
    acks = [e.outcome["ack"] for e in events if "ack" in e.outcome]
    never = sum(1 for e in events if "ack" not in e.outcome)
    late = sum(1 for a in acks if a >= ACK_LIMIT)
    print(f"\ninjected {len(events)} interactions in {injected_for:.1f} s (injector lateness p99 "
          f"{pct(lateness, 99) * 1000:.0f} ms, max {max(lateness) * 1000:.0f} ms); all settled after {window:.1f} s")
    print("\nacknowledgement (injection -> initial response at FakeDiscord)")
    print(f"  all            {latency(acks)}")
    print(f"  /ask           {latency([e.outcome['ack'] for e in asks if 'ack' in e.outcome])}")
    print(f"  writes         {latency([e.outcome['ack'] for e in writes if 'ack' in e.outcome])}")
    print(f"  within {ACK_LIMIT:.0f} s: {len(acks) - late}/{len(events)}; late: {late}; never: {never}")
    print("\nanswer (injection -> the final message the user reads)")
    print(f"  /ask           {latency([e.outcome['final'] for e in asks if 'final' in e.outcome])}")
    print(f"  writes         {latency([e.outcome['final'] for e in writes if 'final' in e.outcome])}")
    for kind in ("ask", "stage", "progress"):
        print(f"  {kind:<14} {dict(sorted(Counter(e.outcome['status'] for e in events if e.kind == kind).items()))}")
    print("\ndatabase writes")
    print(f"  reply to a write    {latency([e.outcome['final'] for e in writes if e.outcome.get('status') == 'ok'])}")
    merged: dict[str, list[float]] = {}
    failed_tx = 0
    for i, samples in enumerate(store_samples):
        if samples is None:
            print(f"  process {i}: no store timings (it did not exit cleanly)")
            continue
        for name, write, ok, seconds in samples:
            if write:
                merged.setdefault(name, []).append(seconds)
                failed_tx += not ok
    every = [s for v in merged.values() for s in v]
    print(f"  store write transactions (Store._run, both processes) {latency(every)}; failed: {failed_tx}")
    for name, values in sorted(merged.items()):
        print(f"    {name:<18} {latency(values)}")
    print(f"  lost writes (confirmed to the user, missing from the database): {db.get('lost', 0)}; "
          f"saved though not confirmed: {db.get('saved_though_not_confirmed', 0)}; rows at the end: "
          f"profiles {db['profiles']}, progress {db['progress']}")
    print("\nbot processes")
    for i in range(len(rss_start)):
        cpu = cpu1[0][i] - cpu0[0][i]
        print(f"  process {i}: RSS {rss_start[i] / 1024:.0f} MiB at start, {rss_end[i] / 1024:.0f} MiB at the end "
              f"(peak {rss_peak[i] / 1024:.0f} MiB); CPU {cpu:.1f} s in the {window:.0f} s window; "
              f"exit code {codes[i]}")
    own = (cpu1[2].user + cpu1[2].system) - (cpu0[2].user + cpu0[2].system)
    pg = f"{cpu1[1] - cpu0[1]:.1f} s" if cpu0[1] is not None else "n/a (--pg-url)"
    busy_jiffies, all_jiffies = cpu1[3][0] - cpu0[3][0], max(1, cpu1[3][1] - cpu0[3][1])
    busy_s = busy_jiffies / os.sysconf("SC_CLK_TCK")
    ours = sum(cpu1[0][i] - cpu0[0][i] for i in range(len(rss_start))) + own + (
        cpu1[1] - cpu0[1] if cpu0[1] is not None else 0.0)
    print(f"  PostgreSQL server CPU {pg}; this script (FakeDiscord + injector) CPU {own:.1f} s")
    print(f"  machine: {busy_jiffies / all_jiffies:.0%} busy ({busy_s:.0f} CPU s of {os.cpu_count()} cores x "
          f"{window:.0f} s), of which {max(0.0, busy_s - ours):.0f} s outside this benchmark; "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"  FakeDiscord REST round trip from a side client during the load: {latency(probe)}")
    print("\nerrors")
    status5xx = [c for c in calls if c.status >= 500 and not c.fault]
    refused = Counter((c.method, c.route, c.status) for c in calls if 400 <= c.status < 500)
    joined = "\n".join(logs)
    print(f"  never acknowledged: {never}; acknowledged after {ACK_LIMIT:.0f} s: {late}; without a final answer: "
          f"{sum(1 for e in events if 'final' not in e.outcome)}")
    print(f"  5xx answers: {len(status5xx)}; REST calls refused (4xx): {dict(refused) or 0}; "
          f"FakeDiscord internal errors: {len(server_errors)}")
    print(f"  bot logs: {joined.count('Traceback')} tracebacks, {joined.count('[ERROR')} ERROR lines, "
          f"{joined.count('[WARNING')} WARNING lines, {joined.count('heartbeat blocked')} heartbeat-blocked warnings")
    warnings = Counter(re.sub(r"\d+", "N", line.split("] ", 2)[-1])[:100] for line in joined.splitlines()
                       if "[WARNING" in line or "[ERROR" in line)
    for text, n in warnings.most_common(8):
        print(f"    {n:5d} x {text}")
    if "Can't keep up" in joined:
        print("    (\"Can't keep up ... behind\" by about one heartbeat interval is discord.py's bookkeeping, not a "
              "stall: its keep-alive thread records the send time after the send, and FakeDiscord's instant ACK "
              "can be read before that, so the latency is counted from the previous heartbeat)")
    ok = never == 0 and late == 0 and not status5xx and db.get("lost", 0) == 0
    print(f"\ntarget (every interaction acknowledged within {ACK_LIMIT:.0f} s, 0 lost writes, no 5xx): "
          f"{'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    if sys.argv[1:2] == ["_bot"]:
        raise SystemExit(bot_main(sys.argv[2:]))
    raise SystemExit(main())
