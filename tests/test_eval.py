"""Answer quality floors with the real default engine.

``eval/frozen.yaml`` was written blind and committed before any tuning; the floors below are asserted on
it. The development sets (dev, questions, heldout, fresh) were tuned on, so their floors are higher.
"""

from __future__ import annotations

import pytest

from bot.evaluate import DEFAULT_SETS, FROZEN, evaluate, evaluate_next, load_next_questions, load_questions

pytestmark = pytest.mark.slow  # the whole answering path on ~650 questions: seconds, not milliseconds


def test_frozen_set_is_big_and_varied():
    questions = load_questions(FROZEN)
    assert len(questions) >= 150
    kinds = {q.kind for q in questions}
    assert {"polite", "casual", "long", "typo", "hiragana", "keyword", "mixed", "nextstep"} <= kinds
    assert sum(1 for q in questions if not q.expect) >= 20
    assert {"ko", "zh"} <= {q.lang for q in questions}


def test_frozen_set_floors(e5_engine):
    """Floors on the untuned set, at the issue's targets: hit@3 >= 0.92 per language, wrongly declined <= 5 %,
    off-topic declined >= 0.9. Measured (2026-11-30, 197 cards): ja 0.924, en 0.945, 0 % wrongly declined,
    off-topic 0.926. Japanese is one question above its floor (73 of 79)."""
    report = evaluate(e5_engine, load_questions(FROZEN))
    misses = "\n".join(f"{q.q} -> {got} ({kind}; want {q.expect})" for q, got, kind in report.misses)
    assert report.by_lang["ja"].hit3 >= 0.92, misses
    assert report.by_lang["en"].hit3 >= 0.92, misses
    assert report.wrongly_declined <= 0.05, misses
    assert report.offtopic_declined >= 0.9, misses


@pytest.mark.parametrize("path", DEFAULT_SETS, ids=[p.stem for p in DEFAULT_SETS])
def test_development_set_floors(e5_engine, path):
    report = evaluate(e5_engine, load_questions(path))
    misses = "\n".join(f"{q.q} -> {got} ({kind}; want {q.expect})" for q, got, kind in report.misses)
    assert report.by_lang["ja"].hit3 >= 0.9, misses
    assert report.by_lang["en"].hit3 >= 0.88, misses
    assert report.wrongly_declined <= 0.05, misses
    assert report.offtopic_declined >= 0.7, misses  # heldout: 0.733 (22 of 30)


def test_next_step_questions_lead_to_the_right_stage(e5_engine):
    accuracy, misses = evaluate_next(e5_engine, load_next_questions())
    assert accuracy >= 0.85, "\n".join(misses)
