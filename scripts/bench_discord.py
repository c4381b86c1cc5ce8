#!/usr/bin/env python
"""Discord responsiveness benchmark (not a test): 100 concurrent ``/ask`` against the real bot.

Starts FakeDiscord (tests/fakediscord) on 127.0.0.1 and the bot as a subprocess (``python -m bot.discordbot.runner``,
the ``careerbot run`` code path), fires N ``/ask`` interactions at once from several users (the per-user
cooldown is raised so it does not refuse them), and prints the time from each interaction to its initial
response (the deferral) and to its final answer (p50 / p99 / max), plus how many were acknowledged within
Discord's 3 s.

    python scripts/bench_discord.py [--n 100] [--users 20] [--index-dir DIR]

The index is the default e5 one (built first if missing or stale, like ``careerbot ask`` would).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from _discord_helpers import BotProcess, bot_env, learner_id, make_guild, start_bot
from _stats import latency
from fakediscord import GUILD_ID, FakeDiscord, InjectedInteraction

HEARTBEAT_MS = 500  # short, to see whether the gateway heartbeat keeps its rhythm under load
QUESTIONS = [
    "MLOpsって何から始めればいい？",
    "How do I become an ML engineer?",
    "Do ML engineers need SQL?",
    "機械学習エンジニアに必要な数学は？",
    "What is the difference between a data scientist and an ML engineer?",
    "Kaggleはどう活用すればいい？",
    "Which Python libraries should I learn first?",
    "ポートフォリオには何を載せるべき？",
    "How do I deploy a model as an API?",
    "未経験から転職するには？",
    "What does the career ladder look like for ML engineers?",
    "深層学習はどこから勉強すればいい？",
    "Should I learn Spark for big data?",
    "統計学はどのくらい必要ですか？",
    "How do I prepare for ML interviews?",
    "大学院に行くべきですか？",
    "What is the future of the ML engineer role?",
    "DockerとKubernetesは必要？",
    "How should I keep learning after I get a job?",
    "NLPと画像認識、どちらを専門にすべき？",
    "I finished the core algorithms, what next?",
    "クラウドのMLサービスは何を学べばいい？",
    "How much linear algebra do I need?",
    "GitHubで何を公開すればいい？",
    "What's a good recipe for pizza dough?",
]


def summary(name: str, values: list[float]) -> str:
    return f"{name:<22} {latency(values, count=False)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100, help="number of concurrent /ask (default 100)")
    parser.add_argument("--users", type=int, default=20, help="distinct users asking (default 20)")
    parser.add_argument("--index-dir", type=Path, default=None, help="index directory (default: the e5 index)")
    parser.add_argument("--timeout", type=float, default=120.0, help="give up waiting after this many seconds")
    args = parser.parse_args(argv)

    from bot.config import Config
    from bot.engine import Engine

    print("loading the index (builds it if missing or stale)...", file=sys.stderr)
    index_dir = Engine.load(Config(index_dir=Path(args.index_dir) if args.index_dir else None)).index.directory
    per_user = -(-args.n // args.users) + 1

    with tempfile.TemporaryDirectory(prefix="bench-discord-") as tmp, FakeDiscord(
        guilds=[make_guild(args.users)], heartbeat_interval_ms=HEARTBEAT_MS
    ) as fd:
        work = Path(tmp)
        env = bot_env(fd, work / "bench.sqlite3", Path(index_dir), CAREERBOT_ASK_COOLDOWN=f"{per_user}/60")
        sync = BotProcess(env, work, ("sync", str(GUILD_ID)), name="sync")
        if sync.wait(60) != 0:
            print(sync.stderr, file=sys.stderr)
            return 1
        t0 = time.perf_counter()
        bot = start_bot(fd, env, work)
        started = time.perf_counter() - t0
        try:
            warm = fd.inject_slash("ask", {"question": "warm-up: what is MLOps?"}, user_id=learner_id(0))
            fd.wait_for_interaction_response(warm, "followup", timeout=30)

            injected: list[InjectedInteraction] = []
            lock = threading.Lock()

            def fire(indices: range) -> None:
                for i in indices:
                    inter = fd.inject_slash("ask", {"question": QUESTIONS[i % len(QUESTIONS)]},
                                            user_id=learner_id(i % args.users), locale="ja" if i % 2 else "en-US")
                    with lock:
                        injected.append(inter)

            threads = [threading.Thread(target=fire, args=(range(k, args.n, 4),)) for k in range(4)]
            beats_before = fd.gateway_connections()[-1].heartbeats
            fired = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            burst = time.perf_counter() - fired

            deadline = time.monotonic() + args.timeout
            initial, final, failed = [], [], []
            for inter in injected:
                try:
                    first = fd.wait_for_interaction_response(inter, None, timeout=max(deadline - time.monotonic(), 0.1))
                    done = fd.wait_for_interaction_response(inter, "followup",
                                                            timeout=max(deadline - time.monotonic(), 0.1))
                except TimeoutError:
                    failed.append(inter)
                    continue
                initial.append(first.elapsed)
                final.append(done.elapsed)
            window = time.perf_counter() - fired
            beats = fd.gateway_connections()[-1].heartbeats - beats_before
        finally:
            bot.stop()
        stalls = [line for line in bot.stderr.splitlines() if "heartbeat blocked" in line or "behind" in line]

    within = sum(1 for e in initial if e < 3.0)
    print(f"careerbot Discord benchmark: {args.n} concurrent /ask from {args.users} users "
          f"(bot ready {started:.1f} s after start; all injected within {burst * 1000:.0f} ms)")
    print(summary("initial response", initial))
    print(summary("final answer", final))
    print(f"acknowledged within 3 s: {within}/{args.n}; answered: {len(final)}/{args.n}; "
          f"no answer within {args.timeout:.0f} s: {len(failed)}")
    print(f"gateway heartbeats while answering: {beats} in {window:.1f} s (one due every {HEARTBEAT_MS} ms); "
          f"discord.py stall warnings: {len(stalls)}")
    return 0 if within == args.n and not failed else 1


if __name__ == "__main__":
    raise SystemExit(main())
