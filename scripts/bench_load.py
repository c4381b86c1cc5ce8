#!/usr/bin/env python
"""Load benchmark (not a test, not run in CI): bursts of /ask and channel questions against the real bot.

Starts FakeDiscord (tests/fakediscord) on 127.0.0.1 and the bot as a subprocess (``python -m bot.discordbot.runner``,
the ``careerbot run`` code path) with its default flood manners (1 question per 5 s per user; posts paced to 5 per
5 s per channel, at most 10 answers waiting per channel), makes one channel a question channel, then runs
``--bursts`` bursts. Each burst fires, at the same moment:

* ``--asks`` concurrent ``/ask`` from as many different users, and
* ``--channel`` questions in the question channel from ``--channel-users`` users, at random times within
  ``--window`` seconds (so most users ask again inside their cooldown, and the channel floods).

A channel question no longer gets exactly one reply: it is **answered** (a reply with the answer), gets a **⏳**
reaction (refused by the cooldown, or shed because the channel's queue is full; at most one ⏳ per member per
window and 10 per channel per window), or **nothing** (not taken, and its asker already had a ⏳ in this window).
After the burst the script waits until the channel has been quiet for longer than the posting window, then
reports per burst: how many interactions were acknowledged within Discord's 3 s (and the latency to the
acknowledgement and to the answer); how many channel questions were answered / got ⏳ / were not taken, with
latencies; the manners (a question answered twice, a public text notice, two answers to one user inside the
cooldown, two ⏳ to one member inside the window, the most posts the channel saw in any 5 s); and the bot's
resident memory (VmRSS from /proc/PID/status) after the burst, to see it return to a plateau.

    python scripts/bench_load.py [--bursts 5] [--asks 100] [--channel 200] [--channel-users 50] [--window 10]

The index is the default e5 one (built first if missing or stale, like ``careerbot ask`` would). Exits 1 when
an interaction was acknowledged late or not answered, or a flood manner was broken.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from _discord_helpers import (
    SECOND_CHANNEL_ID,
    BotProcess,
    bot_env,
    learner_id,
    make_guild,
    rss_kb,
    start_bot,
)
from _stats import latency
from fakediscord import GUILD_ID, OWNER_ID, FakeDiscord, InjectedInteraction

COOLDOWN_S = 5.0  # the bot's default: 1 question per 5 s per user
CHANNEL_RATE, CHANNEL_PER_S = 5, 5.0  # the bot's default posting rate per channel (Discord's)
QUIET_S = CHANNEL_PER_S + 1.0  # a channel quiet this long has nothing more queued
JITTER_S = 0.25  # delivery jitter allowed in the cooldown checks
NOT_NOW = "\N{HOURGLASS WITH FLOWING SAND}"  # the bot's "not now" reaction
QUESTIONS = [
    "MLOpsって何から始めればいい？", "How do I become an ML engineer?", "Do ML engineers need SQL?",
    "機械学習エンジニアに必要な数学は？", "What is the difference between a data scientist and an ML engineer?",
    "Kaggleはどう活用すればいい？", "Which Python libraries should I learn first?", "ポートフォリオには何を載せるべき？",
    "How do I deploy a model as an API?", "未経験から転職するには？", "深層学習はどこから勉強すればいい？",
    "Should I learn Spark for big data?", "統計学はどのくらい必要ですか？", "How do I prepare for ML interviews?",
    "DockerとKubernetesは必要？", "What's a good recipe for pizza dough?", "I finished the core algorithms, what next?",
]



@dataclass
class Burst:
    asks: list[InjectedInteraction] = field(default_factory=list)
    channel: list[tuple[float, int, dict]] = field(default_factory=list)  # (sent at, user, message)


def fire(fd: FakeDiscord, n: int, asks: int, channel: int, users: int, window: float, seed: int) -> Burst:
    """Inject the burst: ``asks`` /ask at once (4 threads) and ``channel`` messages spread over ``window``."""
    rng = random.Random(seed)
    burst = Burst()
    lock = threading.Lock()
    ask_users = [learner_id(i) for i in range(asks)]
    chan_users = [learner_id(asks + i) for i in range(users)]
    per_user = -(-channel // users)
    schedule = sorted((rng.uniform(0, window), chan_users[i % users], QUESTIONS[rng.randrange(len(QUESTIONS))])
                      for i in range(users * per_user))[:channel]

    def ask(indices: range) -> None:
        for i in indices:
            inter = fd.inject_slash("ask", {"question": QUESTIONS[(i + n) % len(QUESTIONS)]}, user_id=ask_users[i],
                                    locale="ja" if i % 2 else "en-US")
            with lock:
                burst.asks.append(inter)

    def talk(start: float) -> None:
        for at, user, text in schedule:
            delay = start + at - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            msg = fd.inject_message(SECOND_CHANNEL_ID, user, text)
            with lock:
                burst.channel.append((time.monotonic(), user, msg))

    start = time.monotonic()
    threads = [threading.Thread(target=ask, args=(range(k, asks, 4),)) for k in range(4)]
    threads.append(threading.Thread(target=talk, args=(start,)))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return burst


def _post_times(fd: FakeDiscord, since: int) -> list[float]:
    """Arrival times of the bot's successful posts in the question channel since the call ``since``."""
    return [c.monotonic for c in fd.calls("POST", rf"^/channels/{SECOND_CHANNEL_ID}/messages$")
            if c.id > since and 200 <= c.status < 300]


def _max_in_window(times: list[float], window: float) -> int:
    ordered = sorted(times)
    return max((sum(1 for u in ordered[i:] if u - t < window) for i, t in enumerate(ordered)), default=0)


def _gaps(times_by_user: dict[int, list[float]]) -> list[float]:
    return [b - a for times in map(sorted, times_by_user.values()) for a, b in itertools.pairwise(times)]


def _pair_gaps(times_by_user: dict[int, list[tuple[float, float]]]) -> list[float]:
    """For consecutive (question sent, reaction arrived) pairs of one user, the larger of the two gaps: the
    bot decided somewhere in between (it reads the questions late when busy, and its reactions take a while)."""
    return [max(b[0] - a[0], b[1] - a[1]) for pairs in map(sorted, times_by_user.values())
            for a, b in itertools.pairwise(pairs)]


def measure(fd: FakeDiscord, burst: Burst, since: int, timeout: float) -> dict:
    """Wait for the /ask answers, then until the question channel was quiet for ``QUIET_S``; sort each channel
    question into answered / ⏳ / not taken."""
    deadline = time.monotonic() + timeout
    acks, answers, unanswered = [], [], 0
    for inter in burst.asks:
        try:
            first = fd.wait_for_interaction_response(inter, None, timeout=max(deadline - time.monotonic(), 0.1))
            acks.append(first.elapsed)
            done = (first if first.type == 4 else
                    fd.wait_for_interaction_response(inter, "followup", timeout=max(deadline - time.monotonic(), 0.1)))
            answers.append(done.elapsed)
        except TimeoutError:
            unanswered += 1
    ids = {m["id"]: (sent, user) for sent, user, m in burst.channel}
    reaction = re.compile(rf"^/channels/{SECOND_CHANNEL_ID}/messages/(\d+)/reactions/([^/]+)/@me$")

    def activity() -> tuple[dict[str, list], dict[str, list], list]:
        """Replies (message id -> [(arrival, has embed)]), reactions (message id -> [(arrival, emoji)]) and
        the bot's other posts in the channel (no reference to a question of this burst)."""
        replies: dict[str, list] = {}
        reactions: dict[str, list] = {}
        others = []
        for c in fd.calls(None, rf"^/channels/{SECOND_CHANNEL_ID}/messages"):
            if c.id <= since or not 200 <= c.status < 300:
                continue
            m = reaction.match(c.path)
            if c.method == "PUT" and m and m.group(1) in ids:
                reactions.setdefault(m.group(1), []).append((c.monotonic, unquote(m.group(2))))
            elif c.method == "POST" and c.path.endswith("/messages"):
                ref = str(((c.json or {}).get("message_reference") or {}).get("message_id"))
                if ref in ids:
                    replies.setdefault(ref, []).append((c.monotonic, bool((c.json or {}).get("embeds"))))
                else:
                    others.append(c)
        return replies, reactions, others

    last_count, quiet_since = -1, time.monotonic()
    while time.monotonic() < deadline:  # settled: nothing new in the channel for longer than its rate window
        replies, reactions, others = activity()
        count = sum(map(len, replies.values())) + sum(map(len, reactions.values())) + len(others)
        if count != last_count:
            last_count, quiet_since = count, time.monotonic()
        elif time.monotonic() - quiet_since >= QUIET_S:
            break
        time.sleep(0.25)
    replies, reactions, others = activity()
    answered_at: dict[int, list[float]] = {}
    noticed_at: dict[int, list[tuple[float, float]]] = {}
    to_answer, to_notice = [], []
    counts = Counter()
    for mid, (sent, user) in ids.items():
        got = replies.get(mid, [])
        notes = [at for at, emoji in reactions.get(mid, []) if emoji == NOT_NOW]
        counts["twice"] += len(got) > 1
        counts["text"] += sum(1 for _, has_embed in got if not has_embed)
        counts["flagged"] += any(emoji != NOT_NOW for _, emoji in reactions.get(mid, []))
        if any(has_embed for _, has_embed in got):
            counts["answered"] += 1
            answered_at.setdefault(user, []).append(sent)
            to_answer.append(min(at for at, has_embed in got if has_embed) - sent)
        elif notes:
            counts["noticed"] += 1
            noticed_at.setdefault(user, []).append((sent, min(notes)))
            to_notice.append(min(notes) - sent)
        elif not got:
            counts["not_taken"] += 1
    posts = _post_times(fd, since)
    answer_gaps, notice_gaps = _gaps(answered_at), _pair_gaps(noticed_at)
    return {"acks": acks, "answers": answers, "unanswered": unanswered, "channel": len(ids), **counts,
            "to_answer": to_answer, "to_notice": to_notice, "other_posts": len(others),
            "min_gap": min(answer_gaps) if answer_gaps else None,
            "early": sum(1 for g in answer_gaps if g < COOLDOWN_S - JITTER_S),
            "early_notices": sum(1 for g in notice_gaps if g < COOLDOWN_S - JITTER_S),
            "max_posts": _max_in_window(posts, CHANNEL_PER_S - 0.01), "posts": len(posts)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bursts", type=int, default=5)
    parser.add_argument("--asks", type=int, default=100, help="concurrent /ask per burst (one per user)")
    parser.add_argument("--channel", type=int, default=200, help="channel questions per burst")
    parser.add_argument("--channel-users", type=int, default=50)
    parser.add_argument("--window", type=float, default=10.0, help="seconds the channel questions spread over")
    parser.add_argument("--index-dir", type=Path, default=None, help="index directory (default: the e5 index)")
    parser.add_argument("--timeout", type=float, default=180.0, help="give up waiting for a burst's replies")
    args = parser.parse_args(argv)

    from bot.config import Config
    from bot.engine import Engine

    print("loading the index (builds it if missing or stale)...", file=sys.stderr)
    index_dir = Engine.load(Config(index_dir=Path(args.index_dir) if args.index_dir else None)).index.directory
    ok = True
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp, FakeDiscord(
        guilds=[make_guild(args.asks + args.channel_users)]
    ) as fd:
        work = Path(tmp)
        env = bot_env(fd, work / "bench.sqlite3", Path(index_dir))  # the default cooldown
        sync = BotProcess(env, work, ("sync", str(GUILD_ID)), name="sync")
        if sync.wait(60) != 0:
            print(sync.stderr, file=sys.stderr)
            return 1
        bot = start_bot(fd, env, work)
        try:
            setup = fd.inject_slash("config qa-channel add", {"channel": SECOND_CHANNEL_ID}, user_id=OWNER_ID)
            fd.wait_for_interaction_response(setup, None, timeout=10)
            warm = fd.inject_slash("ask", {"question": "warm-up: what is MLOps?"}, user_id=OWNER_ID)
            fd.wait_for_interaction_response(warm, "followup", timeout=30)
            time.sleep(1.0)
            rss = [rss_kb(bot.proc.pid)]
            print(f"careerbot load benchmark: {args.bursts} bursts of {args.asks} concurrent /ask + {args.channel} "
                  f"channel questions from {args.channel_users} users within {args.window:.0f} s "
                  f"(cooldown 1 per {COOLDOWN_S:.0f} s per user)")
            print(f"bot RSS after start-up and one warm-up question: {rss[0] / 1024:.1f} MiB")
            for n in range(args.bursts):
                since = fd.mark()
                burst = fire(fd, n, args.asks, args.channel, args.channel_users, args.window, seed=n)
                r = measure(fd, burst, since, args.timeout)
                time.sleep(COOLDOWN_S + 1.0)  # every cooldown expired; the bot idles a moment
                rss.append(rss_kb(bot.proc.pid))
                within = sum(1 for a in r["acks"] if a < 3.0)
                print(f"\nburst {n + 1}:")
                print(f"  /ask           acknowledged within 3 s: {within}/{args.asks}; answered: {len(r['answers'])}"
                      f"/{args.asks}")
                print(f"                 acknowledgement {latency(r['acks'], count=False)}")
                print(f"                 answer          {latency(r['answers'], count=False)}")
                print(f"  channel        {r['channel']} questions: {r.get('answered', 0)} answered, "
                      f"{r.get('noticed', 0)} got {NOT_NOW}, {r.get('not_taken', 0)} not taken (no reply, no {NOT_NOW})")
                print(f"                 answer          {latency(r['to_answer'], count=False)}")
                print(f"                 {NOT_NOW}              {latency(r['to_notice'], count=False)}")
                gap = "n/a" if r["min_gap"] is None else f"{r['min_gap']:.2f} s"
                print(f"  manners        answered twice: {r.get('twice', 0)}; public text notices: {r.get('text', 0)}; "
                      f"other posts: {r['other_posts']}; ⚠️: {r.get('flagged', 0)}")
                print(f"                 shortest gap between two answers to one user: {gap}; answers inside the "
                      f"{COOLDOWN_S:.0f} s cooldown: {r['early']}; a second {NOT_NOW} to one member inside it (by "
                      f"question and by reaction time): {r['early_notices']}")
                print(f"                 channel posts: {r['posts']}, at most {r['max_posts']} in any "
                      f"{CHANNEL_PER_S:.0f} s (limit {CHANNEL_RATE})")
                print(f"  bot RSS        {rss[-1] / 1024:.1f} MiB ({(rss[-1] - rss[-2]) / 1024:+.1f} MiB)")
                ok &= within == args.asks and r["unanswered"] == 0
                ok &= not (r.get("twice") or r.get("text") or r["other_posts"] or r["early"] or r["early_notices"])
                ok &= r["max_posts"] <= CHANNEL_RATE
        finally:
            bot.stop()
        stalls = [line for line in bot.stderr.splitlines() if "heartbeat blocked" in line]
    print(f"\nRSS after each burst (MiB): {', '.join(f'{k / 1024:.1f}' for k in rss[1:])}")
    if len(rss) > 2:
        print(f"RSS growth from burst 1 to burst {len(rss) - 1}: {(rss[-1] - rss[1]) / 1024:+.1f} MiB "
              f"(burst 1 itself: {(rss[1] - rss[0]) / 1024:+.1f} MiB over start-up)")
    print(f"discord.py heartbeat-blocked warnings: {len(stalls)}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
