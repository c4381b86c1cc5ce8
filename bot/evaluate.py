"""Answer quality on labelled question sets (``eval/*.yaml``).

Each question has the document ids that answer it (``expect``; empty = off-topic). For every question the
real answering path runs (:meth:`bot.engine.Engine.ask_batch`: next steps, answer cards, the gate) and we
measure, per language:

* hit@1 / hit@3 / MRR of the answer's cited documents (a declined on-topic question is a miss);
* retrieval hit@3: the search ranking alone, as if nothing were ever declined;
* on-topic wrongly declined, and off-topic declined (an honest "not covered" counts as declined).

``eval/frozen.yaml`` was written blind and frozen before any tuning: it is measured, never tuned on.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from bot.answer import Asker, compose
from bot.engine import Engine
from bot.gate import Gate
from bot.search import Searcher, SearchResult

EVAL_DIR = Path(__file__).resolve().parent.parent / "eval"
FROZEN = EVAL_DIR / "frozen.yaml"
# Tuning sets: every set but the frozen one (usefulness.yaml is graded by hand, not labelled for this).
DEFAULT_SETS = [EVAL_DIR / n for n in ("dev.yaml", "questions.yaml", "heldout.yaml", "fresh.yaml")]


@dataclass(frozen=True)
class Question:
    q: str
    lang: str
    expect: tuple[str, ...]
    kind: str


@dataclass
class LangScores:
    n: int = 0
    hit1: float = 0.0
    hit3: float = 0.0
    mrr: float = 0.0
    retrieval_hit3: float = 0.0
    declined: int = 0  # on-topic questions declined


@dataclass
class Report:
    questions: list[Question]
    by_lang: dict[str, LangScores]
    by_kind: dict[str, tuple[int, int]]  # kind -> (on-topic hits@3, on-topic count)
    n_on: int
    n_off: int
    wrongly_declined: float  # share of on-topic questions declined
    offtopic_declined: float
    misses: list[tuple[Question, list[str], str]] = field(default_factory=list)  # (question, cited, kind)

    def summary(self) -> dict:
        return {"questions": len(self.questions), "by_lang": {k: vars(v) for k, v in self.by_lang.items()},
                "wrongly_declined": self.wrongly_declined, "offtopic_declined": self.offtopic_declined,
                "n_on": self.n_on, "n_off": self.n_off,
                "by_kind": {k: {"hit3": h / n, "n": n} for k, (h, n) in self.by_kind.items()}}


def load_questions(path: str | Path) -> list[Question]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return [Question(str(row["q"]), str(row["lang"]), tuple(row.get("expect") or ()), str(row.get("kind", "")))
            for row in data["questions"]]


def _rank(cited: list[str], expect: tuple[str, ...]) -> int | None:
    return next((pos + 1 for pos, doc in enumerate(cited) if doc in expect), None)


def search(engine: Engine, questions: list[Question], hybrid: bool = True) -> list[SearchResult]:
    searcher = engine.searcher if hybrid else Searcher(engine.kb, engine.index, engine.encoder, hybrid=False)
    return searcher.search_batch([q.q.strip() for q in questions])


def evaluate(engine: Engine, questions: list[Question], hybrid: bool = True, gate: Gate | None = None,
             results: list[SearchResult] | None = None) -> Report:
    """Run every question through the answering path (no profile) and score it. ``results``: the
    questions' search results, when already computed."""
    retrieval = results if results is not None else search(engine, questions, hybrid)
    answers = [compose(engine.kb, engine.index, r, gate or engine.gate, Asker()) for r in retrieval]
    by_lang: dict[str, LangScores] = {}
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    declined_off = declined_on = n_off = n_on = 0
    for q, answer, result in zip(questions, answers, retrieval, strict=True):
        if not q.expect:
            n_off += 1
            declined_off += not answer.answered
            if answer.answered:
                misses.append((q, [p.doc_id for p in answer.passages], answer.kind))
            continue
        n_on += 1
        s = by_lang.setdefault(q.lang, LangScores())
        s.n += 1
        cited = [p.doc_id for p in answer.passages] if answer.answered else []
        rank = _rank(cited, q.expect)
        s.hit1 += rank == 1
        s.hit3 += rank is not None and rank <= 3
        s.mrr += 1.0 / rank if rank else 0.0
        s.retrieval_hit3 += bool({h.id for h in result.passages[:3]} & set(q.expect))
        s.declined += not answer.answered
        declined_on += not answer.answered
        by_kind[q.kind][1] += 1
        by_kind[q.kind][0] += rank is not None and rank <= 3
        if rank is None or rank > 3:
            misses.append((q, cited, answer.kind))
    for s in by_lang.values():
        s.hit1, s.hit3, s.mrr, s.retrieval_hit3 = (s.hit1 / s.n, s.hit3 / s.n, s.mrr / s.n,
                                                    s.retrieval_hit3 / s.n)
    return Report(questions, by_lang, {k: (v[0], v[1]) for k, v in by_kind.items()}, n_on, n_off,
                  declined_on / max(n_on, 1), declined_off / max(n_off, 1), misses)


def print_report(name: str, report: Report, verbose: bool = False) -> None:
    print(f"{name}: {len(report.questions)} questions ({report.n_on} on-topic, {report.n_off} off-topic)")
    print(f"  {'lang':<5}{'n':>5}{'hit@1':>8}{'hit@3':>8}{'MRR':>8}{'retr@3':>8}{'declined':>10}")
    for lang, s in sorted(report.by_lang.items(), key=lambda kv: (-kv[1].n, kv[0])):
        print(f"  {lang:<5}{s.n:>5}{s.hit1:>8.3f}{s.hit3:>8.3f}{s.mrr:>8.3f}{s.retrieval_hit3:>8.3f}{s.declined:>10}")
    print(f"  on-topic wrongly declined: {report.wrongly_declined:.3f}   "
          f"off-topic declined: {report.offtopic_declined:.3f} (n={report.n_off})")
    kinds = "  ".join(f"{k} {h}/{n}" for k, (h, n) in sorted(report.by_kind.items()))
    print(f"  hit@3 by kind: {kinds}")
    if verbose:
        for q, cited, kind in report.misses:
            print(f"    miss [{q.lang}/{q.kind}] {q.q[:90]!r}: expected {list(q.expect)}, got {cited[:3]} ({kind})")


def calibrate(engine: Engine, questions: list[Question]) -> str:
    """A grid search of the gate's thresholds on these questions: the setting with the fewest wrong
    decisions (on-topic declined + off-topic answered, each weighted by its set size) whose hit@3 stays
    within 1 point of the best. Prints the setting; paste it into ``bot.gate.GATES``."""
    base = engine.gate
    step = 0.01 if base.relevance > 0.7 else 0.05  # e5 cosines are compressed near 0.9; MiniLM's are not
    grid = {
        "relevance": [base.relevance + d * step for d in (-1, 0, 1)],
        "relevance_named": [base.relevance_named + d * step for d in (-1, 0, 1)],
        "card": [base.card + d * step for d in (-1, 0, 1)],
        "card_keyword": [base.card_keyword * f for f in (0.5, 1, 1.5)],
        "card_agree": [base.card_agree * f for f in (0, 1, 2)],
    }
    searched = search(engine, questions)
    results = []
    for values in itertools.product(*grid.values()):
        gate = replace(base, **dict(zip(grid, values, strict=True)))
        report = evaluate(engine, questions, gate=gate, results=searched)
        hit3 = sum(s.hit3 * s.n for s in report.by_lang.values()) / max(report.n_on, 1)
        balanced = 1 - (report.wrongly_declined + (1 - report.offtopic_declined)) / 2
        results.append((balanced, hit3, gate, report))
    best_hit = max(r[1] for r in results)
    ok = [r for r in results if r[1] >= best_hit - 0.01]
    balanced, hit3, gate, report = max(ok, key=lambda r: (r[0], r[1]))
    return (f"calibrated on {len(questions)} questions: {gate}\n"
            f"  balanced accuracy {balanced:.3f}, hit@3 {hit3:.3f}, wrongly declined "
            f"{report.wrongly_declined:.3f}, off-topic declined {report.offtopic_declined:.3f}")


@dataclass(frozen=True)
class NextQuestion:
    q: str
    lang: str
    mentioned: str | None
    expect_next: str | None


def load_next_questions(path: str | Path = EVAL_DIR / "nextstep.yaml") -> list[NextQuestion]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return [NextQuestion(str(r["q"]), str(r["lang"]), r.get("mentioned_stage"), r.get("expect_next"))
            for r in data["questions"]]


def evaluate_next(engine: Engine, questions: list[NextQuestion]) -> tuple[float, list[str]]:
    """Share of "what next / I finished X" questions (naming a stage) answered with next steps that lead to
    the expected stage: it is the stage the steps come from, or the one the answer says comes right after
    (when the learner still has items left in the stage they name, those come first: no stage is skipped).
    Returns (accuracy, misses). Questions naming no stage are skipped."""
    scored = [q for q in questions if q.mentioned]
    misses = []
    for q in scored:
        answer = engine.ask(q.q)
        cited = [p.doc_id for p in answer.passages][:2]
        want = q.expect_next or q.mentioned  # past the last stage: stay on it (keep learning)
        if answer.kind != "next" or want not in cited:
            misses.append(f"{q.q!r}: expected {want}, got {cited} ({answer.kind})")
    return 1 - len(misses) / max(len(scored), 1), misses
