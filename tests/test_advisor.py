"""Next steps, self-assessment and study plans (pure functions over the real knowledge base)."""

from __future__ import annotations

import pytest

from bot.advisor import (
    PlanError,
    UnknownId,
    assessment,
    best_resources,
    detect_next_intent,
    make_plan,
    next_steps,
    propose_from_answers,
    resolve_item,
    resolve_stage,
)
from bot.discordbot.ui.text import DISCORD_MESSAGE_LIMIT, split_message
from bot.render import MARKDOWN, render_next_steps, render_plan


def test_next_steps_follow_roadmap_order_and_skip_done_items(kb):
    stage = kb.stage("core-ml")
    done = frozenset({stage.items[0].id, stage.items[2].id})
    ns = next_steps(kb, "core-ml", done, "ja", limit=10)
    expected = [i.id for i in stage.items if i.id not in done]
    assert [s.item.id for s in ns.steps][:len(expected)] == expected
    assert ns.remaining == len(expected)
    assert not ns.stage_complete


def test_a_stage_with_fewer_items_left_than_steps_shown_is_followed_by_the_next_stages_first_items(kb):
    """One item left is not all a learner is told: the following stage's first items come after it, said to
    open that stage, and never one of them that is done."""
    stage, following = kb.stage("core-ml"), kb.stage("projects")
    done = frozenset(i.id for i in stage.items[:-1]) | {following.items[0].id}
    ns = next_steps(kb, "core-ml", done, "en")
    assert [s.item.id for s in ns.steps] == [stage.items[-1].id, following.items[1].id, following.items[2].id]
    assert ns.remaining == 1
    assert ns.stage is stage  # still on core-ml
    assert [s.opens for s in ns.steps] == [None, following.title, None]
    text = render_next_steps(ns, "en")
    assert text.index(stage.items[-1].title.en) < text.index(f'Then, in "{following.title.en}":') \
        < text.index(following.items[1].title.en)
    assert [s.item.id for s in next_steps(kb, "core-ml", frozenset(), "en").steps] == \
        [i.id for i in stage.items[:3]]  # (three left or more: that stage's only)


def test_each_step_has_a_resource_in_the_learners_language_when_one_exists(kb):
    for lang in ("ja", "en"):
        ns = next_steps(kb, "core-ml", frozenset(), lang, limit=10)
        for step in ns.steps[:len(kb.stage("core-ml").items)]:
            assert step.resource is not None
            candidates = best_resources(kb, step.item, lang, n=50)
            if any(r.lang == lang for r in candidates):
                assert step.resource.lang == lang


def test_complete_stage_proposes_the_next_one_without_advancing(kb):
    stage = kb.stage("mlops")
    ns = next_steps(kb, "mlops", frozenset(i.id for i in stage.items), "en")
    assert ns.stage_complete
    assert ns.stage is stage  # still on mlops: advancing needs the learner's confirmation
    assert ns.propose_stage is kb.stage("work-experience")
    last = kb.stages[-1]
    ns = next_steps(kb, last.id, frozenset(i.id for i in last.items), "en")
    assert ns.stage_complete
    assert ns.propose_stage is None


def test_no_stage_asks_for_self_assessment(kb):
    assert next_steps(kb, None, frozenset(), "ja").needs_assessment


def test_self_assessment_maps_answers_to_the_first_no(kb):
    questions = assessment(kb)
    assert 4 <= len(questions) <= 7
    assert all(s.assess.ja and s.assess.en for s in questions)
    assert propose_from_answers(kb, [False] * len(questions)).id == "education"
    assert propose_from_answers(kb, [True, True, False, True, False, True]).id == "core-ml"
    assert propose_from_answers(kb, [True] * len(questions)).id == "specialization"


def test_unknown_ids_get_did_you_mean(kb):
    with pytest.raises(UnknownId, match="core-ml"):
        resolve_stage(kb, "cor-ml")
    assert resolve_stage(kb, "MLOps").id == "mlops"
    with pytest.raises(UnknownId, match=r"core-ml\.linear-regression"):
        resolve_item(kb, "core-ml.linear-regresion")
    assert resolve_item(kb, "linear-regression", kb.stage("core-ml")).id == "core-ml.linear-regression"


@pytest.mark.parametrize(("value", "stage"), [
    ("core-ml", "core-ml"), ("3", "core-ml"), ("中核アルゴリズム", "core-ml"), ("中核", "core-ml"),
    ("Core algorithms", "core-ml"), ("core", "core-ml"), ("MLOpsとデプロイ", "mlops"), ("ｍｌｏｐｓ", "mlops"),
    ("実務経験", "work-experience"),
])
def test_stages_by_id_number_japanese_name_or_unique_prefix(kb, value, stage):
    assert resolve_stage(kb, value).id == stage


def test_ambiguous_prefix_is_refused_with_a_suggestion(kb):
    with pytest.raises(UnknownId) as info:
        resolve_stage(kb, "p")  # programming-data or projects
    assert info.value.suggestion in {"programming-data", "projects"}


@pytest.mark.parametrize(("value", "item"), [
    ("決定木とアンサンブル", "core-ml.decision-trees"), ("決定木", "core-ml.decision-trees"),
    ("svm", "core-ml.svm"), ("Linear and logistic regression", "core-ml.linear-regression"),
])
def test_items_by_japanese_or_english_name_or_prefix(kb, value, item):
    assert resolve_item(kb, value, kb.stage("core-ml")).id == item


def test_plan_covers_items_in_order_within_weekly_budget(kb):
    stage = kb.stage("mlops")
    total = sum(i.hours for i in stage.items)
    weeks = int(total // 5) + 2
    plan = make_plan(kb, stage, None, weeks, 5, "en")
    assert plan.fits
    assert len(plan.weeks) == weeks
    assert all(w.hours <= 5 + 1e-6 for w in plan.weeks)
    order = []
    for w in plan.weeks:
        for b in w.blocks:
            if b.part == 1:
                order.append(b.item.id)
    assert order == [i.id for i in stage.items]
    for item in stage.items:  # every item's hours are scheduled, split across weeks when needed
        assert sum(b.hours for w in plan.weeks for b in w.blocks if b.item is item) == pytest.approx(
            item.hours
        )
    text = render_plan(plan)
    assert "Week 1" in text
    assert f"Week {weeks}" in text or f"–{weeks}: free" in text


def test_plan_too_short_says_what_it_needs_instead_of_cramming(kb):
    stage = kb.stage("core-ml")
    total = sum(i.hours for i in stage.items)
    plan = make_plan(kb, stage, None, 1, 2, "ja")
    assert not plan.fits
    scheduled = [b for w in plan.weeks for b in w.blocks]
    assert all(w.hours <= 2 + 1e-9 for w in plan.weeks)  # never crammed over the budget
    assert sum(b.hours for b in scheduled) + sum(h for _, h in plan.left_out) == pytest.approx(total)
    assert plan.left_out, "what does not fit is listed, not squeezed in"
    assert plan.weeks_needed == -(-total // 2)
    assert plan.hours_needed >= total
    text = render_plan(plan)
    assert "足りません" in text
    assert f"{plan.weeks_needed:g} 週間" in text or f"{plan.weeks_needed} 週間" in text


def test_plan_range_of_stages_and_japanese_week_headings(kb):
    a, b = kb.stage("education"), kb.stage("core-ml")
    total = sum(i.hours for s in kb.stages[:3] for i in s.items)
    plan = make_plan(kb, a, b, 52, max(1, total / 40), "ja")
    assert [s.id for s in plan.stages] == ["education", "programming-data", "core-ml"]
    assert plan.fits
    assert "第1週" in render_plan(plan)
    with pytest.raises(PlanError):
        make_plan(kb, b, a, 4, 5, "en")
    with pytest.raises(PlanError):
        make_plan(kb, a, None, 0, 5, "en")
    with pytest.raises(PlanError):
        make_plan(kb, a, None, 4, 0, "en")


def test_rendered_plan_splits_into_discord_sized_parts(kb):
    plan = make_plan(kb, kb.stages[0], kb.stages[-1], 104, 10, "ja")
    parts = split_message(render_plan(plan, MARKDOWN))
    assert len(parts) > 1
    assert all(len(p) <= DISCORD_MESSAGE_LIMIT for p in parts)
    assert "\n".join(parts) == render_plan(plan, MARKDOWN)
    assert not parts[0].startswith("\n")


def test_a_plan_never_leaves_a_week_empty_while_items_remain(kb):
    """core-ml is 121 h: 8 weeks x 10 h schedules 80 h, every week full, and the rest is listed."""
    plan = make_plan(kb, kb.stage("core-ml"), None, 8, 10, "en")
    assert not plan.fits
    assert [w.hours for w in plan.weeks] == [10] * 8
    left = sum(h for _, h in plan.left_out)
    assert left == pytest.approx(121 - 80)
    split_item, hours_left = plan.left_out[0]
    assert any(b.item is split_item for w in plan.weeks for b in w.blocks), "the item that straddles the end starts"
    text = render_plan(plan)
    assert "(0 h)" not in text
    assert f"{split_item.title.en}: {hours_left:g} h" in text


def test_trailing_free_weeks_are_one_line(kb):
    plan = make_plan(kb, kb.stage("core-ml"), None, 20, 10, "en")
    assert plan.fits
    busy = [w for w in plan.weeks if w.blocks]
    assert [w.number for w in busy] == list(range(1, 14))  # 121 h at 10 h/week: 13 weeks
    text = render_plan(plan)
    assert text.count("Weeks 14–20: free") == 1
    assert "Week 15" not in text
    ja = render_plan(make_plan(kb, kb.stage("core-ml"), None, 20, 10, "ja"))
    assert "第14〜20週: 予定なし" in ja


@pytest.mark.parametrize(
    ("text", "partial"),
    [
        ("線形回帰と決定木は終わった。次は何をすればいい？", False),
        ("次は何をすればいい？", False),
        ("I've finished the MLOps stage, what now?", False),
        ("What should I do next?", False),
        ("NumPyはやったけど、scikit-learnはまだ。次は？", True),
        ("Progateは全部終わって、Udemyの講座を半分くらいまで進めました。このあと何をやればいいですか？", True),
    ],
)
def test_next_intent_detection(text, partial):
    intent = detect_next_intent(text)
    assert intent is not None
    assert intent.partial is partial


@pytest.mark.parametrize("text", ["SQLは必要？", "What is MLOps?", "機械学習エンジニアの将来性は？", "次元削減って何？",
                                  "What should I learn about statistics?",
                                  # says what was finished, but asks how long: a time question
                                  "Pythonコースを一通り終えました。このペースだと転職まで何ヶ月かかりますか？",
                                  "I finished CS50. How long until I'm job-ready at 10 hours a week?",
                                  # "the next certification" asks which certification, not what comes next
                                  "統計検定2級は取りました。次の資格として準1級とE資格、どっちが役に立ちますか？",
                                  "Which should be my next certification, G検定 or E資格?",
                                  # whether to take an exam next is a question about the exam
                                  "統計検定2級に合格しました。次は準1級を受けるべき？", "次はE資格を取るべきですか？",
                                  # "the next five years" is not what comes next
                                  "Which role has better prospects over the next five years?"])
def test_plain_questions_are_not_next_intent(text):
    assert detect_next_intent(text) is None
