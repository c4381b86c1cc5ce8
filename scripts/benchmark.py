#!/usr/bin/env python
"""Speed benchmark of careerbot: prints figures, asserts nothing.

Sections (all by default; pick with --only):

* ``cold``   `careerbot ask` in a new process with the shipped index, interleaved with the floor
             `python -c 'import numpy, faiss'` in the same run: median and p90 of each.
* ``wheel``  a wheel built from this tree, installed in a fresh venv outside the repo: its first answer.
* ``warm``   in-process answering (the whole path: search, cards, gate, composition) over the development
             question sets, p50 / p99; with ``--baseline REF`` the same for the code at git REF, in the same run.
* ``scale``  search over a synthetic corpus of ``--passages`` passages (random unit vectors, keyword
             documents drawn from the real vocabulary): exact (flat) vs approximate (HNSW) FAISS with top-k
             fusion, p50 / p99, and HNSW recall@10 against the exact search.

    python scripts/benchmark.py [--only cold,warm] [--runs 12] [--baseline c0f456b] [--passages 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

from _stats import pct

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "MLOpsって何から始めればいい？"
SECTIONS = ("cold", "wheel", "warm", "scale")


def timed(cmd: list[str], **kw) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    return time.perf_counter() - t


# ------------------------------------------------------------------------------------------ cold start


def cold(runs: int) -> None:
    # An installed wheel has its bytecode compiled by pip; a source checkout run with PYTHONDONTWRITEBYTECODE
    # would compile every module on every start, which is not what a user sees.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "bot")], check=True)
    careerbot = str(Path(sys.executable).with_name("careerbot"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERBOT_")}
    floor, ask = [], []
    timed([careerbot, "ask", QUESTION], env=env)  # warm the page cache once
    for _ in range(runs):
        floor.append(timed([sys.executable, "-c", "import numpy, faiss"], env=env))
        ask.append(timed([careerbot, "ask", QUESTION], env=env))
    print(f"cold start, {runs} interleaved runs each:")
    print(f"  floor  python -c 'import numpy, faiss'   median {statistics.median(floor):.3f} s   p90 {pct(floor, 90):.3f} s")
    print(f"  careerbot ask (shipped index)           median {statistics.median(ask):.3f} s   p90 {pct(ask, 90):.3f} s")
    print(f"  careerbot above the floor               median {statistics.median(ask) - statistics.median(floor):.3f} s")


# ------------------------------------------------------------------------------------------ fresh wheel


def wheel() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-q",
                        "-w", str(tmp_path / "dist")], check=True, capture_output=True)
        (whl,) = (tmp_path / "dist").glob("*.whl")
        env_dir = tmp_path / "venv"
        venv.EnvBuilder(with_pip=True).create(env_dir)
        py = env_dir / "bin" / "python"
        subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(whl)], check=True,
                       capture_output=True)
        site = subprocess.check_output([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                       text=True).strip()
        import sysconfig

        Path(site, "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
        install_s = time.perf_counter() - t
        env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERBOT_")}
        env.update(HOME=str(tmp_path / "home"), XDG_CACHE_HOME=str(tmp_path / "cache"))
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        first = timed([str(env_dir / "bin" / "careerbot"), "ask", QUESTION], cwd=elsewhere, env=env)
        second = timed([str(env_dir / "bin" / "careerbot"), "ask", QUESTION], cwd=elsewhere, env=env)
        print(f"fresh wheel install (build + venv + install {install_s:.1f} s): first answer {first:.3f} s, "
              f"second {second:.3f} s (no index build: the index ships in the wheel)")


# ------------------------------------------------------------------------------------------ warm


WARM_WORKER = r"""
import json, sys, time, yaml
sys.path.insert(0, sys.argv[1])
questions = []
for name in ("dev", "questions"):
    questions += [q["q"] for q in yaml.safe_load(open(f"{sys.argv[2]}/eval/{name}.yaml"))["questions"]]
import os
if os.path.exists(os.path.join(sys.argv[1], "bot", "config.py")):  # a tree with Config and a shipped index
    from bot.config import Config, configure_threads
    from bot.engine import Engine
    configure_threads()
    engine = Engine.load(Config())
else:  # an older tree: its own defaults, its index built in a temp dir
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # what its encoder did for itself
    from bot.engine import Engine
    engine = Engine.load(index_dir=sys.argv[3])
ask = engine.ask
for q in questions[:20]:
    ask(q)
print("ready", flush=True)
for line in sys.stdin:  # one pass over the questions per line read: the parent alternates the trees
    lat = []
    for q in questions:
        t = time.perf_counter(); ask(q); lat.append((time.perf_counter() - t) * 1000)
    print(json.dumps(lat), flush=True)
"""


def warm(repeat: int, baseline: str | None) -> None:
    """Warm latency of this tree and, with ``baseline``, of the code at that ref. Both load side by side and
    take turns, one pass over the questions each (this tree, baseline, baseline, this tree, ...), so a change in
    the machine's speed during the run (2 shared cores: the same code's p99 moved 14 % between runs) falls on
    both alike; each pass's p99 is compared with the other tree's pass next to it."""
    trees = [("this tree", ROOT)]
    tmp = None
    if baseline:
        tmp = tempfile.mkdtemp(prefix="careerbot-baseline-")
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", f"{tmp}/tree", baseline],
                       check=True, capture_output=True)
        trees.append((f"baseline {baseline}", Path(tmp) / "tree"))
    workers = []
    try:
        for _, tree in trees:
            env = {k: v for k, v in os.environ.items() if not k.startswith("CAREERBOT_")}
            env["PYTHONPATH"] = str(tree)
            index_dir = tempfile.mkdtemp(prefix="careerbot-bench-index-")
            worker = subprocess.Popen([sys.executable, "-c", WARM_WORKER, str(tree), str(ROOT), index_dir],
                                      env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            workers.append(worker)
            if worker.stdout.readline().strip() != "ready":  # loaded (and an older tree's index built)
                raise RuntimeError(f"the warm worker for {tree} did not start")
        passes: list[list[list[float]]] = [[] for _ in workers]
        for r in range(repeat):
            order = range(len(workers)) if r % 2 == 0 else reversed(range(len(workers)))
            for i in order:
                workers[i].stdin.write("pass\n")
                workers[i].stdin.flush()
                passes[i].append(json.loads(workers[i].stdout.readline()))
        for (label, _), runs in zip(trees, passes, strict=True):
            lat = [x for run in runs for x in run]
            print(f"warm answer latency, {label}: p50 {statistics.median(lat):.1f} ms   p99 {pct(lat, 99):.1f} ms"
                  f"   max {max(lat):.1f} ms   ({len(lat)} answers, {len(runs)} passes)")
        if len(passes) == 2:
            ratios = [pct(a, 99) / pct(b, 99) for a, b in zip(*passes, strict=True)]
            print("  p99 this tree / baseline, pass by pass: " + ", ".join(f"{x:.2f}" for x in ratios)
                  + f"   (median {statistics.median(ratios):.2f})")
    finally:
        for worker in workers:
            worker.stdin.close()
            worker.wait(timeout=60)
        if tmp:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", f"{tmp}/tree"],
                           check=False, capture_output=True)


# ------------------------------------------------------------------------------------------ scale


def scale(passages: int) -> None:
    import faiss
    import numpy as np

    from bot import index as index_mod
    from bot.config import Config
    from bot.engine import Engine
    from bot.keyword import BM25
    from bot.search import CANDIDATES, _dense_topk, _fuse
    from bot.text import tokenize

    engine = Engine.load(Config())
    rng = np.random.default_rng(0)
    dim = engine.encoder.dim
    vectors = rng.standard_normal((passages, dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    vocab = list(engine.index.kw_passages.vocab)
    weights = 1.0 / np.arange(1, len(vocab) + 1)
    weights /= weights.sum()
    t = time.perf_counter()
    docs = [[vocab[i] for i in rng.choice(len(vocab), size=60, p=weights)] for _ in range(passages)]
    kw = BM25.build(docs)
    kw_s = time.perf_counter() - t
    t = time.perf_counter()
    flat = faiss.IndexFlatIP(dim)
    flat.add(vectors)
    flat_s = time.perf_counter() - t
    t = time.perf_counter()
    hnsw = index_mod.vector_index(vectors, dim)
    hnsw.hnsw.efSearch = index_mod.HNSW_EF_SEARCH
    hnsw_s = time.perf_counter() - t
    ids = [f"p{i}" for i in range(passages)]
    questions = [q for q in (ROOT / "eval" / "dev.yaml").read_text(encoding="utf-8").splitlines() if "q: " in q]
    texts = [line.split("q: ", 1)[1].strip().strip('"') for line in questions][:200]
    qvecs = engine.encoder.encode_queries(texts)
    print(f"scale: {passages:,} passages, dim {dim}; BM25 built in {kw_s:.1f} s, flat in {flat_s:.1f} s, "
          f"HNSW (M={index_mod.HNSW_M}) in {hnsw_s:.1f} s")
    for label, idx in (("exact (flat)", flat), (f"HNSW efSearch={index_mod.HNSW_EF_SEARCH}", hnsw)):
        lat = []
        for text, qv in zip(texts, qvecs, strict=True):
            t = time.perf_counter()
            scores, rows = _dense_topk(idx, qv[None, :], CANDIDATES)
            _fuse(ids, idx, qv, scores[0], rows[0], kw, tokenize(text), 10)
            lat.append((time.perf_counter() - t) * 1000)
        print(f"  search + top-{CANDIDATES} fusion, {label}: p50 {statistics.median(lat):.2f} ms   "
              f"p99 {pct(lat, 99):.2f} ms")
    # Probes: corpus vectors moved by noise of norm ~0.3 (cosine ~0.95 to their source), like a question
    # close to one passage. Random 384-d vectors have no neighbourhood structure beyond that, so recall@10
    # against the exact top 10 is a pessimistic figure; finding the source passage is the realistic one.
    sources = rng.choice(passages, 200, replace=False)
    noise = rng.standard_normal((200, dim)).astype(np.float32)
    probe = vectors[sources] + 0.3 * noise / np.linalg.norm(noise, axis=1, keepdims=True)
    _, exact = flat.search(probe, 10)
    _, approx = hnsw.search(probe, 10)
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(exact, approx, strict=True)])
    found = np.mean([src in row[:3] for src, row in zip(sources, approx, strict=True)])
    print(f"  HNSW: the source passage in the top 3 for {found:.3f} of 200 probes; recall@10 vs exact {recall:.3f}")
    same, total = _topk_matches_full_ranking(engine)
    print(f"  at today's size, top-3 of the top-k fusion equal the full ranking's: {same}/{total} questions")


def _topk_matches_full_ranking(engine) -> tuple[int, int]:
    """The ranking before top-k fusion (every passage scored: the whole dense ranking fused with every
    keyword match), rebuilt here for comparison, against the searcher's top 3 on the eval questions."""
    import numpy as np
    import yaml

    from bot.text import tokenize

    ix = engine.index
    questions = []
    for name in ("dev", "questions", "heldout", "fresh", "frozen"):
        questions += [q["q"] for q in yaml.safe_load((ROOT / "eval" / f"{name}.yaml").read_text())["questions"]]
    results = engine.searcher.search_batch(questions)
    vectors = engine.encoder.encode_queries(questions)
    all_vectors = ix.passages.reconstruct_n(0, ix.passages.ntotal)
    same = 0
    for q, qv, result in zip(questions, vectors, results, strict=True):
        dense = all_vectors @ qv
        keyword = ix.kw_passages.scores(tokenize(q))
        fused = np.zeros(len(dense))
        for rank, row in enumerate(np.argsort(-dense, kind="stable")):
            fused[row] += 1.0 / (61 + rank)
        matched = np.flatnonzero(keyword > 0)
        for rank, row in enumerate(matched[np.argsort(-keyword[matched], kind="stable")]):
            fused[row] += 1.0 / (61 + rank)
        order = np.lexsort((-dense, -keyword, -fused))[:3]
        same += [ix.passage_ids[r] for r in order] == [h.id for h in result.passages[:3]]
    return same, len(questions)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated: {', '.join(SECTIONS)}")
    parser.add_argument("--runs", type=int, default=12, help="cold-start runs")
    parser.add_argument("--repeat", type=int, default=6, help="passes over the questions for warm latency")
    parser.add_argument("--baseline", help="a git ref whose warm latency to measure beside this tree's")
    parser.add_argument("--passages", type=int, default=100_000, help="size of the synthetic corpus")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}, load {os.getloadavg()[0]:.2f}")
    chosen = args.only.split(",")
    if "cold" in chosen:
        cold(args.runs)
    if "wheel" in chosen:
        wheel()
    if "warm" in chosen:
        warm(args.repeat, args.baseline)
    if "scale" in chosen:
        scale(args.passages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
