#!/usr/bin/env python
"""Retrieval benchmark: the default (e5 + BM25 hybrid) beside a dense-only all-MiniLM-L6-v2 baseline.

For each configuration, in a fresh worker process: index build time, warm per-query latency (median,
p99) over the labelled questions, hit@3 / MRR, peak RSS; then the CLI's cold start to first answer
(`careerbot ask` in a new process against the built index). Prints a table; not a test.

    python scripts/benchmark.py [--repeat 3] [--configs e5-hybrid,minilm-dense]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = {
    "e5-hybrid": {"backend": "e5", "hybrid": True, "label": "e5 + BM25 (default)"},
    "e5-dense": {"backend": "e5", "hybrid": False, "label": "e5 dense only"},
    "minilm-hybrid": {"backend": "sentence-transformers", "hybrid": True, "label": "MiniLM + BM25"},
    "minilm-dense": {"backend": "sentence-transformers", "hybrid": False, "label": "MiniLM dense only (baseline)"},
}
COLD_QUESTION = "MLOpsって何から始めればいい？"


def worker(name: str, index_dir: str, repeat: int) -> None:
    cfg = CONFIGS[name]
    t0 = time.perf_counter()
    from bot.embedding import make_encoder
    from bot.evaluate import evaluate, load_questions
    from bot.index import build
    from bot.knowledge import load
    from bot.search import Searcher

    kb = load(ROOT / "knowledge")
    encoder = make_encoder(cfg["backend"])
    load_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    index = build(kb, encoder, index_dir)
    build_s = time.perf_counter() - t1
    searcher = Searcher(kb, index, encoder, hybrid=cfg["hybrid"])
    questions = load_questions()
    for q in questions[:10]:  # warm: the first calls pay one-off costs
        searcher.search(q.q)
    latencies = []
    for _ in range(repeat):
        for q in questions:
            t = time.perf_counter()
            searcher.search(q.q)
            latencies.append((time.perf_counter() - t) * 1000)
    latencies.sort()
    from bot.engine import threshold_for

    report = evaluate(searcher, questions, threshold_for(encoder))
    from bot.evaluate import roc_auc

    print(json.dumps({
        "load_s": load_s, "build_s": build_s,
        "p50_ms": statistics.median(latencies), "p99_ms": latencies[int(0.99 * (len(latencies) - 1))],
        "n_queries": len(latencies),
        "hit3_ja": report.by_lang["ja"].hit3, "hit3_en": report.by_lang["en"].hit3,
        "mrr": statistics.mean([report.by_lang["ja"].mrr, report.by_lang["en"].mrr]),
        "auc": roc_auc(report.scores),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


def cold_start(name: str, index_dir: str) -> tuple[float, float]:
    """Seconds from process start to the first answer printed, and that process's peak RSS (MB)."""
    env = {**os.environ, "CAREERBOT_INDEX_DIR": index_dir, "CAREERBOT_BACKEND": CONFIGS[name]["backend"]}
    code = ("import resource, sys; from bot.cli import main; rc = main(sys.argv[1:]); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(rc)")
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code, "ask", "--json", COLD_QUESTION], env=env,
                          capture_output=True, text=True, timeout=300, check=True)
    elapsed = time.perf_counter() - t
    json.loads(proc.stdout)
    return elapsed, int(proc.stderr.strip().splitlines()[-1]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--configs", default="e5-hybrid,minilm-dense")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the question set")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--index-dir", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.index_dir, args.repeat)
        return 0
    rows = []
    for name in args.configs.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            index_dir = str(Path(tmp) / "index")
            proc = subprocess.run([sys.executable, __file__, "--worker", name, "--index-dir", index_dir,
                                   "--repeat", str(args.repeat)], capture_output=True, text=True, timeout=1800,
                                  check=False)
            if proc.returncode != 0:
                print(f"{name}: failed\n{proc.stderr[-2000:]}", file=sys.stderr)
                continue
            data = json.loads(proc.stdout.strip().splitlines()[-1])
            data["cold_s"], data["cold_rss_mb"] = cold_start(name, index_dir)
            rows.append((CONFIGS[name]["label"], data))
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}")
    header = (f"{'configuration':<30}{'build s':>9}{'load s':>8}{'p50 ms':>8}{'p99 ms':>8}{'cold s':>8}"
              f"{'RSS MB':>8}{'hit@3 ja':>10}{'hit@3 en':>10}{'MRR':>7}{'AUC':>7}")
    print(header)
    for label, d in rows:
        print(f"{label:<30}{d['build_s']:>9.2f}{d['load_s']:>8.2f}{d['p50_ms']:>8.1f}{d['p99_ms']:>8.1f}"
              f"{d['cold_s']:>8.2f}{d['cold_rss_mb']:>8.0f}{d['hit3_ja']:>10.3f}{d['hit3_en']:>10.3f}"
              f"{d['mrr']:>7.3f}{d['auc']:>7.3f}")
    print("build: embedding all documents, resources and sentences; p50/p99: warm search latency per query "
          f"({rows[0][1]['n_queries'] if rows else 0} queries); cold: `careerbot ask` process start to first "
          "answer with a built index; RSS: peak resident memory of that CLI process.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
