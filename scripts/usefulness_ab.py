"""Blind A/B usefulness rounds: answers of two trees, the grader's folder, the scores, and dev-answer diffs.

The workflow of eval/graded/README.md, so that no session has to rewrite it:

    # two checkouts: the session's start (before) and the round's commit (after)
    git worktree add -f --detach /tmp/wtB <start>; git worktree add -f --detach /tmp/wtA <round>
    python scripts/usefulness_ab.py ab --before /tmp/wtB --after /tmp/wtA 281 282   # /tmp/gradeN/answers.yaml
    #   ... a blind grader (eval/graded/briefs.md) writes /tmp/gradeN/grades.yaml ...
    python scripts/usefulness_ab.py score 281 282            # means before -> after, better/worse
    python scripts/usefulness_ab.py score --save 281 282     # and copy the three files to eval/graded/

    # a change's effect on the development questions (every question of the read eval sets)
    python scripts/usefulness_ab.py dump /work/main /tmp/dumpA.json
    python scripts/usefulness_ab.py diff /tmp/dumpB.json /tmp/dumpA.json

Each tree answers in its own process (its directory first on sys.path), rendered as the terminal shows it
(``render_answer(engine.ask(q), PLAIN)``). The two answers of an item are put in random order with
``random.Random(N)``; the key saying which is which is kept outside the grader's folder (/tmp/keyN.yaml).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval"
#: The development questions: every labelled or read set, and the usefulness sets of the last sessions
#: (all read). The usefulness range grows as sets are read; a dump's question list is stored with it.
DEV_FILES = ("dev.yaml", "questions.yaml", "fresh.yaml", "heldout.yaml", "nextstep.yaml", "two-part.yaml",
             "usefulness.yaml", "cards-labels.yaml", "cards-labels-long.yaml")
DEV_USEFULNESS = range(257, 375)  # (305-340: session 31's sets; 341-358: session 32's; 359-374: session 33's, all graded and their low grades read)


def _questions(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data.get("questions") or data.get("labels") or []


def dev_questions() -> list[str]:
    """The development questions, each once, in a fixed order."""
    seen: dict[str, None] = {}
    files = [EVAL / f for f in DEV_FILES] + [EVAL / f"usefulness{n}.yaml" for n in DEV_USEFULNESS]
    for path in files:
        if path.exists():
            for item in _questions(path):
                seen.setdefault(item["q"], None)
    return list(seen)


def _answers_in(tree: Path, questions: list[str]) -> list[str]:
    """Answers of the code in ``tree``, computed in a child process so that each tree imports its own code."""
    payload = json.dumps(questions, ensure_ascii=False)
    proc = subprocess.run([sys.executable, __file__, "_worker", str(tree)], input=payload, text=True,
                          capture_output=True, check=False)
    if proc.returncode:
        raise SystemExit(f"answering in {tree} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def _worker(tree: str) -> None:
    sys.path.insert(0, tree)
    from bot.config import Config
    from bot.engine import Engine
    from bot.render import PLAIN, render_answer

    questions = json.loads(sys.stdin.read())
    engine = Engine.load(Config.load())
    out = [render_answer(engine.ask(q), PLAIN) for q in questions]
    sys.stdout.write(json.dumps(out, ensure_ascii=False))


def cmd_ab(args: argparse.Namespace) -> None:
    sets = {n: _questions(EVAL / f"usefulness{n}.yaml") for n in args.sets}
    flat = [item["q"] for n in args.sets for item in sets[n]]
    before = _answers_in(Path(args.before), flat)
    after = _answers_in(Path(args.after), flat)
    i = 0
    for n in args.sets:
        rng = random.Random(n)
        items, key = [], []
        for j, item in enumerate(sets[n], start=1):
            pair = [("before", before[i]), ("after", after[i])]
            i += 1
            if rng.random() < 0.5:
                pair.reverse()
            items.append({"id": j, "lang": item["lang"], "question": item["q"],
                          "answer_1": pair[0][1], "answer_2": pair[1][1]})
            key.append({"id": j, "kind": item["kind"], "answer_1": pair[0][0], "answer_2": pair[1][0]})
        folder = Path(f"/tmp/grade{n}")
        folder.mkdir(parents=True, exist_ok=True)
        dump = {"allow_unicode": True, "sort_keys": False, "width": 200}
        (folder / "answers.yaml").write_text(yaml.safe_dump({"items": items}, **dump), encoding="utf-8")
        Path(f"/tmp/key{n}.yaml").write_text(yaml.safe_dump({"key": key}, **dump), encoding="utf-8")
        differ = sum(a["answer_1"] != a["answer_2"] for a in items)
        print(f"set {n}: {len(items)} items, {differ} differ -> /tmp/grade{n}/answers.yaml, key /tmp/key{n}.yaml")


def _mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else float("nan")


def cmd_score(args: argparse.Namespace) -> None:
    total: dict[tuple[str, str], list[int]] = {}
    tb = tw = td = 0
    for n in args.sets:
        folder = Path(f"/tmp/grade{n}")
        grades = {g["id"]: g for g in yaml.safe_load((folder / "grades.yaml").read_text(encoding="utf-8"))["grades"]}
        key = {k["id"]: k for k in yaml.safe_load(Path(f"/tmp/key{n}.yaml").read_text(encoding="utf-8"))["key"]}
        items = {a["id"]: a for a in yaml.safe_load((folder / "answers.yaml").read_text(encoding="utf-8"))["items"]}
        per: dict[tuple[str, str], list[int]] = {}
        better, worse, differ = [], [], 0
        for i, item in items.items():
            g, k = grades[i], key[i]
            arm = {k["answer_1"]: g["grade_1"], k["answer_2"]: g["grade_2"]}
            if None in arm.values():
                raise SystemExit(f"set {n} #{i}: a grade is missing")
            for which in ("before", "after"):
                per.setdefault((item["lang"], which), []).append(arm[which])
                total.setdefault((item["lang"], which), []).append(arm[which])
            if item["answer_1"] != item["answer_2"]:
                differ += 1
                if arm["after"] > arm["before"]:
                    better.append(i)
                elif arm["after"] < arm["before"]:
                    worse.append(i)
        tb, tw, td = tb + len(better), tw + len(worse), td + differ
        print(f"set {n}: ja {_mean(per['ja', 'before']):.3f} -> {_mean(per['ja', 'after']):.3f}, "
              f"en {_mean(per['en', 'before']):.3f} -> {_mean(per['en', 'after']):.3f}; "
              f"differ {differ}, better {better}, worse {worse}")
        if args.save:
            for name, src in (("answers", folder / "answers.yaml"), ("grades", folder / "grades.yaml"),
                              ("key", Path(f"/tmp/key{n}.yaml"))):
                shutil.copy(src, EVAL / "graded" / f"usefulness{n}-ab-{name}.yaml")
    print(f"all: ja {_mean(total['ja', 'before']):.3f} -> {_mean(total['ja', 'after']):.3f}, "
          f"en {_mean(total['en', 'before']):.3f} -> {_mean(total['en', 'after']):.3f}; "
          f"differ {td}, better {tb}, worse {tw}")


def cmd_dump(args: argparse.Namespace) -> None:
    questions = dev_questions()
    answers = _answers_in(Path(args.tree), questions)
    Path(args.out).write_text(json.dumps(dict(zip(questions, answers, strict=True)), ensure_ascii=False),
                              encoding="utf-8")
    print(f"{len(questions)} answers of {args.tree} -> {args.out}")


def cmd_diff(args: argparse.Namespace) -> None:
    a = json.loads(Path(args.a).read_text(encoding="utf-8"))
    b = json.loads(Path(args.b).read_text(encoding="utf-8"))
    changed = [q for q in a if q in b and a[q] != b[q]]
    for q in changed:
        print("=" * 100, f"\nQ: {q}\n--- A\n{a[q][:args.chars]}\n--- B\n{b[q][:args.chars]}")
    print(f"\n{len(changed)} of {len(a)} answers differ")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "_worker":
        _worker(sys.argv[2])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("ab", help="answers of two trees, shuffled, for a blind grader")
    p.add_argument("--before", required=True)
    p.add_argument("--after", required=True)
    p.add_argument("sets", type=int, nargs="+")
    p = sub.add_parser("score", help="means before -> after from the grader's grades")
    p.add_argument("--save", action="store_true", help="copy answers, grades and key to eval/graded/")
    p.add_argument("sets", type=int, nargs="+")
    p = sub.add_parser("dump", help="a tree's answers to the development questions")
    p.add_argument("tree")
    p.add_argument("out")
    p = sub.add_parser("diff", help="the answers that differ between two dumps")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--chars", type=int, default=1500)
    args = parser.parse_args()
    {"ab": cmd_ab, "score": cmd_score, "dump": cmd_dump, "diff": cmd_diff}[args.cmd](args)


if __name__ == "__main__":
    main()
