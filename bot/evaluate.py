"""Retrieval evaluation on the labelled question set (``eval/questions.yaml``).

Retrieval metrics (hit@1, hit@3, MRR) are computed on the ranking, per language, over on-topic questions;
declining is measured separately: the share of off-topic questions declined and of on-topic ones answered.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.answer import Answer
from bot.search import Searcher, SearchResult, is_relevant

EVAL_DIR = Path(__file__).resolve().parent.parent / "eval"
DEFAULT_QUESTIONS = EVAL_DIR / "questions.yaml"
HELDOUT_QUESTIONS = EVAL_DIR / "heldout.yaml"  # written separately, never used to tune anything but the threshold


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


@dataclass
class Report:
    by_lang: dict[str, LangScores]
    offtopic_declined: float
    ontopic_answered: float
    threshold: float
    n_offtopic: int
    misses: list[tuple[Question, list[str]]] = field(default_factory=list)
    scores: list[tuple[Question, float, float]] = field(default_factory=list)  # (question, relevance, top BM25)


def load_questions(path: str | Path = DEFAULT_QUESTIONS) -> list[Question]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return [
        Question(str(row["q"]), str(row["lang"]), tuple(row.get("expect") or ()), str(row.get("kind", "")))
        for row in data["questions"]
    ]


def _rank_of(result: SearchResult, expect: tuple[str, ...]) -> int | None:
    for pos, hit in enumerate(result.passages):
        if hit.id in expect:
            return pos + 1
    return None


def evaluate(searcher: Searcher, questions: list[Question], threshold: float) -> Report:
    results = searcher.search_batch([q.q for q in questions])
    by_lang: dict[str, LangScores] = {}
    misses, scores = [], []
    declined_off = answered_on = n_off = n_on = 0
    for q, result in zip(questions, results, strict=True):
        scores.append((q, result.relevance, result.passages[0].keyword if result.passages else 0.0))
        answered = result.relevant(threshold)
        if not q.expect:
            n_off += 1
            declined_off += not answered
            continue
        n_on += 1
        answered_on += answered
        s = by_lang.setdefault(q.lang, LangScores())
        rank = _rank_of(result, q.expect)
        s.n += 1
        s.hit1 += rank == 1
        s.hit3 += rank is not None and rank <= 3
        s.mrr += 1.0 / rank if rank else 0.0
        if rank is None or rank > 3:
            misses.append((q, [h.id for h in result.passages[:3]]))
    for s in by_lang.values():
        s.hit1, s.hit3, s.mrr = s.hit1 / s.n, s.hit3 / s.n, s.mrr / s.n
    return Report(by_lang, declined_off / max(n_off, 1), answered_on / max(n_on, 1), threshold, n_off,
                  misses, scores)


def calibrate(scores: list[tuple[Question, float, float]]) -> tuple[float, float]:
    """The threshold that maximises balanced accuracy (on-topic answered, off-topic declined) under the
    full decision rule (:func:`bot.search.is_relevant`).

    Returns (threshold, balanced accuracy). Candidate thresholds are midpoints between observed scores.
    """
    on = [(s, k) for q, s, k in scores if q.expect]
    off = [(s, k) for q, s, k in scores if not q.expect]
    if not on or not off:
        return 0.0, 0.0
    values = sorted({s for _, s, _ in scores})
    candidates = [(a + b) / 2 for a, b in itertools.pairwise(values)] or values
    best = (0.0, -1.0)
    for t in candidates:
        acc = (sum(is_relevant(s, k, t) for s, k in on) / len(on)
               + sum(not is_relevant(s, k, t) for s, k in off) / len(off)) / 2
        if acc > best[1]:
            best = (t, acc)
    return best


def roc_auc(scores: list[tuple[Question, float, float]]) -> float:
    """Probability that an on-topic question's relevance beats an off-topic one's (ties count half)."""
    on = [s for q, s, _ in scores if q.expect]
    off = [s for q, s, _ in scores if not q.expect]
    if not on or not off:
        return 0.0
    wins = sum((a > b) + 0.5 * (a == b) for a in on for b in off)
    return wins / (len(on) * len(off))


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


def evaluate_next(ask: Callable[[str], Answer], questions: list[NextQuestion]) -> tuple[float, list[str]]:
    """Share of "what next / I finished X" questions (naming a stage) whose first cited passage is the
    stage the learner should move to; returns (accuracy, misses). Questions naming no stage are skipped."""
    scored = [q for q in questions if q.mentioned]
    misses = []
    for q in scored:
        answer = ask(q.q)
        got = answer.passages[0].doc_id if answer.passages else None
        want = q.expect_next or q.mentioned  # past the last stage: stay on it (keep learning)
        if got != want:
            misses.append(f"{q.q!r}: expected {want}, got {got}")
    return 1 - len(misses) / max(len(scored), 1), misses
