"""Retrieval quality floors on the labelled question set, with the real default engine."""

from __future__ import annotations

import pytest

from bot.evaluate import DEFAULT_QUESTIONS, EVAL_DIR, HELDOUT_QUESTIONS, evaluate, load_questions

FLOOR_HIT3 = 0.85
FLOOR_DECLINED = 0.8


def test_question_set_is_big_and_varied():
    questions = load_questions()
    assert len(questions) >= 80
    kinds = {q.kind for q in questions}
    assert {"polite", "casual", "en", "typo", "keyword", "cross", "offtopic"} <= kinds


@pytest.mark.parametrize("path", [DEFAULT_QUESTIONS, HELDOUT_QUESTIONS, EVAL_DIR / "fresh.yaml"],
                         ids=["questions", "heldout", "fresh"])
def test_hit_at_3_and_off_topic_floors(e5_engine, path):
    report = evaluate(e5_engine.searcher, load_questions(path), e5_engine.threshold)
    misses = "\n".join(f"{q.q} -> {got} (want {q.expect})" for q, got in report.misses)
    assert report.by_lang["ja"].hit3 >= FLOOR_HIT3, misses
    assert report.by_lang["en"].hit3 >= FLOOR_HIT3, misses
    assert report.offtopic_declined >= FLOOR_DECLINED
    # declining must not swallow real questions either
    assert report.ontopic_answered >= 0.8


def test_next_step_questions_get_the_following_stage(e5_engine):
    from bot.evaluate import evaluate_next, load_next_questions

    accuracy, misses = evaluate_next(e5_engine.ask, load_next_questions())
    assert accuracy >= 0.85, "\n".join(misses)


def test_finished_example_answers_with_next_steps_not_the_finished_stage(e5_engine, kb):
    answer = e5_engine.ask("線形回帰と決定木は終わった。次は何をすればいい？")
    assert answer.answered
    assert answer.passages[0].doc_id == "projects"
    first = kb.stage("projects").items[0].title.ja
    assert first in answer.next_steps[0]
    # with a stored stage, the learner's own remaining items come too
    done = frozenset({"core-ml.linear-regression", "core-ml.decision-trees"})
    answer = e5_engine.ask("線形回帰と決定木は終わった。次は何をすればいい？", stage="core-ml", done=done)
    remaining = [i for i in kb.stage("core-ml").items if i.id not in done]
    assert remaining[0].title.ja in answer.answer
