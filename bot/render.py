"""Markdown rendering of next steps and study plans, in the learner's language, within Discord's limits.

Shared by the CLI and the Discord layer. Discord allows 2000 characters per message, so long texts are
split on line boundaries into parts that each fit.
"""

from __future__ import annotations

from bot.advisor import NextSteps, Plan, Step
from bot.knowledge import KnowledgeBase, Stage

DISCORD_MESSAGE_LIMIT = 2000

T = {
    "week": {"ja": "第{n}週", "en": "Week {n}"},
    "hours": {"ja": "{h:g}時間", "en": "{h:g} h"},
    "part": {"ja": "（{p}/{n}）", "en": " (part {p}/{n})"},
    "buffer": {"ja": "予備・復習の週（遅れの取り戻しや振り返りに）", "en": "Buffer week: catch up and review"},
    "plan_title": {"ja": "学習プラン: {stages}（{weeks}週間・週{h:g}時間）",
                   "en": "Study plan: {stages} ({weeks} weeks, {h:g} h/week)"},
    "plan_total": {"ja": "合計 {total:g} 時間 / 予算 {budget:g} 時間", "en": "Total {total:g} h of a {budget:g} h budget"},
    "too_short": {
        "ja": "この期間では足りません: 内容は合計 {total:g} 時間で、{weeks}週間 × 週{h:g}時間 = {budget:g} 時間を"
              "超えています。週{h:g}時間なら {need_w} 週間、{weeks}週間で終えるなら週 {need_h:g} 時間が必要です。",
        "en": "That is not enough time: the content needs {total:g} h, more than {weeks} weeks × {h:g} h = "
              "{budget:g} h. At {h:g} h a week it needs {need_w} weeks; to finish in {weeks} weeks it needs "
              "{need_h:g} h a week.",
    },
    "partial_plan": {"ja": "この期間に収まる項目だけを、ロードマップの順に予定に入れました。",
                     "en": "This plan schedules only the items that fit, in roadmap order."},
    "left_out": {"ja": "この期間に入らない項目", "en": "Not covered in this plan"},
    "nothing": {"ja": "この範囲の項目はすべて完了しています。", "en": "Every item in this range is already done."},
    "stage_line": {"ja": "現在のステージ: {n}. {title}", "en": "Current stage: {n}. {title}"},
    "remaining": {"ja": "残り {r} 項目", "en": "{r} item(s) left"},
    "stage_complete": {
        "ja": "「{title}」のチェックリストはすべて完了しました！次のステージ「{next}」に進みますか？",
        "en": "You have completed every item of \"{title}\"! Move on to \"{next}\"?",
    },
    "confirm_hint": {"ja": "進むには: careerbot stage set {id}", "en": "To move on: careerbot stage set {id}"},
    "last_stage": {
        "ja": "最終ステージ「{title}」のチェックリストを終えました。専門分野を深め、学び続けましょう。",
        "en": "You finished the last stage, \"{title}\". Keep deepening your specialty and keep learning.",
    },
    "no_stage": {
        "ja": "まだステージが設定されていません。自己診断（careerbot stage assess）か careerbot stage set ID で設定してください。",
        "en": "No stage is set yet. Take the self-assessment (careerbot stage assess) or run careerbot stage set ID.",
    },
    "resource": {"ja": "教材", "en": "Resource"},
}


def t(key: str, lang: str, **kwargs: object) -> str:
    return T[key][lang].format(**kwargs)


def split_message(text: str, limit: int = DISCORD_MESSAGE_LIMIT) -> list[str]:
    """Split on line boundaries into parts of at most ``limit`` characters (a too-long line is cut)."""
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current.strip():
        parts.append(current)
    return parts


def _stage_names(stages: list[Stage], lang: str) -> str:
    names = [s.title.get(lang) for s in stages]
    return names[0] if len(names) == 1 else f"{names[0]} → {names[-1]}"


def step_line(step: Step, lang: str) -> str:
    line = f"- **{step.item.title.get(lang)}** ({t('hours', lang, h=step.item.hours)}) `{step.item.id}`"
    if step.resource:
        line += f"\n  {t('resource', lang)}: [{step.resource.title}](<{step.resource.url}>)"
    return line


def render_next_steps(kb: KnowledgeBase, ns: NextSteps, lang: str, cli: bool = True) -> str:
    if ns.needs_assessment:
        return t("no_stage", lang)
    assert ns.stage is not None
    stage = ns.stage
    lines = [t("stage_line", lang, n=stage.order, title=stage.title.get(lang))]
    if ns.stage_complete:
        if ns.propose_stage is None:
            lines.append(t("last_stage", lang, title=stage.title.get(lang)))
        else:
            lines.append(t("stage_complete", lang, title=stage.title.get(lang), next=ns.propose_stage.title.get(lang)))
            if cli:
                lines.append(t("confirm_hint", lang, id=ns.propose_stage.id))
        return "\n".join(lines)
    lines.append(t("remaining", lang, r=ns.remaining))
    lines += [step_line(s, lang) for s in ns.steps]
    return "\n".join(lines)


def render_plan(plan: Plan) -> str:
    """The whole plan as Markdown (use :func:`split_message` to post it)."""
    lang = plan.lang
    budget = plan.weeks_asked * plan.hours_per_week
    lines = [f"## {t('plan_title', lang, stages=_stage_names(plan.stages, lang), weeks=plan.weeks_asked, h=plan.hours_per_week)}"]
    if not plan.items:
        return "\n".join([*lines, t("nothing", lang)])
    if plan.fits:
        lines.append(t("plan_total", lang, total=plan.total_hours, budget=budget))
    else:
        lines.append(t("too_short", lang, total=plan.total_hours, weeks=plan.weeks_asked, h=plan.hours_per_week,
                       budget=budget, need_w=plan.weeks_needed, need_h=plan.hours_needed))
        lines.append(t("partial_plan", lang))
    for week in plan.weeks:
        lines.append(f"### {t('week', lang, n=week.number)} ({t('hours', lang, h=week.hours)})")
        if not week.blocks:
            lines.append(f"- {t('buffer', lang)}")
        for b in week.blocks:
            part = t("part", lang, p=b.part, n=b.parts) if b.parts > 1 else ""
            line = f"- {b.item.title.get(lang)}{part}: {t('hours', lang, h=b.hours)}"
            res = plan.resources.get(b.item.id)
            if res and b.part == 1:
                line += f" — [{res.title}](<{res.url}>)"
            lines.append(line)
    if plan.left_out:
        lines.append(f"### {t('left_out', lang)}")
        lines += [f"- {i.title.get(lang)}: {t('hours', lang, h=i.hours)}" for i in plan.left_out]
    return "\n".join(lines)
