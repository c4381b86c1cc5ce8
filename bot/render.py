"""Rendering answers, next steps and study plans as text, in the learner's language.

The core returns data (:class:`~bot.answer.Answer`, :class:`~bot.advisor.NextSteps`, :class:`~bot.advisor.Plan`);
this module turns it into text in one of two styles: :data:`PLAIN` for a terminal (no Markdown: headings
underlined, links as "title — url") and :data:`MARKDOWN` for Discord. Every string comes from the message
catalogue, :mod:`bot.messages`.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.advisor import NextSteps, Plan, Step
from bot.answer import Answer
from bot.messages import t


@dataclass(frozen=True)
class Style:
    markdown: bool

    def heading(self, text: str) -> str:
        return f"**{text}**" if self.markdown else text

    def bold(self, text: str) -> str:
        return f"**{text}**" if self.markdown else text

    def code(self, text: str) -> str:
        return f"`{text}`" if self.markdown else text

    def link(self, title: str, url: str) -> str:
        return f"[{title}](<{url}>)" if self.markdown else f"{title} — {url}"


PLAIN = Style(markdown=False)
MARKDOWN = Style(markdown=True)


def step_line(step: Step, lang: str, style: Style = PLAIN, with_id: bool = True) -> str:
    """One checklist item with its hours and, on the next line, its resource."""
    line = f"- {style.bold(step.item.title.get(lang))} ({t('hours', lang, h=step.item.hours)})"
    if step.opens is not None:  # the first item of the stage after: said so above it
        line = t("then_steps", lang, stage=step.opens.get(lang)) + "\n" + line
    if with_id:
        line += f" {style.code(step.item.id)}"
    if step.resource:
        line += f"\n  {t('resource', lang)}: {style.link(step.resource.title, step.resource.url)}"
    return line


def render_answer(answer: Answer, style: Style = PLAIN) -> str:
    """The whole answer: text, the next steps under a heading, sources and resources."""
    lang = answer.lang
    # (where they are stored to be, asked for: that first, it is what the message asks)
    lines = [*answer.notices, *([profile_hint(answer, style), ""] if answer.profile_ask else []), answer.answer]
    if answer.next_steps:
        heading = t("next_steps_heading" if answer.kind == "next" else "next_step", lang)
        lines += ["", style.heading(heading)]
        lines += [step_line(s, lang, style, with_id=False) for s in answer.next_steps]
    if answer.save_stage:
        lines += ["", save_hint(answer, style)]
    if answer.passages:
        lines += ["", style.heading(t("sources", lang))]
        lines += [f"- {p.title} ({p.doc_id})" for p in answer.passages]
    if answer.resources:
        lines += ["", style.heading(t("resources", lang))]
        lines += [f"- {style.link(r.title, r.url)}" for r in answer.resources]
    return "\n".join(lines)


def save_hint(answer: Answer, style: Style = PLAIN) -> str:
    """How to save the stage an answer placed the learner at, for a message that asked to record it: the
    terminal's command, or Discord's slash commands."""
    assert answer.save_stage is not None
    key = "save_hint_discord" if style.markdown else "save_hint_cli"
    return t(key, answer.lang, id=answer.save_stage, title=answer.save_title or answer.save_stage)


def profile_hint(answer: Answer, style: Style = PLAIN) -> str:
    """For a message that asks which stage is stored for the learner, or to start over: the stage stored (if
    any) and the commands that show, change or clear it; an answer itself changes nothing."""
    assert answer.profile_ask is not None
    where = "discord" if style.markdown else "cli"
    if answer.profile_ask == "reset":
        return t(f"profile_reset_{where}", answer.lang)
    if answer.profile_stage:
        return t(f"profile_stage_{where}", answer.lang, id=answer.profile_stage, title=answer.profile_title)
    return t(f"profile_none_{where}", answer.lang)


def render_next_steps(ns: NextSteps, lang: str, style: Style = PLAIN) -> str:
    """The learner's stage, how many items are left and the next ones; or the stage to move on to."""
    if ns.needs_assessment:
        return ""
    assert ns.stage is not None
    stage = ns.stage
    lines = [t("stage_line", lang, n=stage.order, title=stage.title.get(lang))]
    if ns.stage_complete:
        if ns.propose_stage is None:
            lines.append(t("last_stage", lang, title=stage.title.get(lang)))
        else:
            lines.append(t("stage_complete", lang, title=stage.title.get(lang), next=ns.propose_stage.title.get(lang)))
        return "\n".join(lines)
    lines.append(t("remaining", lang, r=ns.remaining))
    lines += ["", style.heading(t("next_steps_heading", lang))]
    lines += [step_line(s, lang, style) for s in ns.steps]
    return "\n".join(lines)


def _stage_names(plan: Plan, lang: str) -> str:
    names = [s.title.get(lang) for s in plan.stages]
    return names[0] if len(names) == 1 else f"{names[0]} → {names[-1]}"


def render_plan(plan: Plan, style: Style = PLAIN) -> str:
    """The whole plan; trailing free weeks are one line, not one heading each."""
    lang = plan.lang
    budget = plan.weeks_asked * plan.hours_per_week
    lines = [style.heading(t("plan_title", lang, stages=_stage_names(plan, lang), weeks=plan.weeks_asked,
                             h=plan.hours_per_week))]
    if not plan.items:
        return "\n".join([*lines, t("nothing", lang)])
    if plan.fits:
        lines.append(t("plan_total", lang, total=plan.total_hours, budget=budget))
    else:
        lines.append(t("too_short", lang, total=plan.total_hours, weeks=plan.weeks_asked, h=plan.hours_per_week,
                       budget=budget, need_w=plan.weeks_needed, need_h=plan.hours_needed))
        lines.append(t("partial_plan", lang))
    busy = [w for w in plan.weeks if w.blocks]
    for week in busy:
        lines.append("")
        lines.append(style.heading(f"{t('week', lang, n=week.number)} ({t('hours', lang, h=week.hours)})"))
        for b in week.blocks:
            part = t("part", lang, p=b.part, n=b.parts) if b.parts > 1 else ""
            line = f"- {b.item.title.get(lang)}{part}: {t('hours', lang, h=b.hours)}"
            res = plan.resources.get(b.item.id)
            if res and b.part == 1:
                line += f" — {style.link(res.title, res.url)}" if style.markdown else f"\n  {res.title} — {res.url}"
            lines.append(line)
    free = [w.number for w in plan.weeks if not w.blocks]
    if free:
        lines.append("")
        span = (t("week", lang, n=free[0]) if len(free) == 1
                else t("weeks_span", lang, a=free[0], b=free[-1]))
        lines.append(style.heading(t("free_weeks", lang, span=span)))
    if plan.left_out:
        lines += ["", style.heading(t("left_out", lang))]
        lines += [f"- {item.title.get(lang)}: {t('hours', lang, h=hours)}" for item, hours in plan.left_out]
    return "\n".join(lines)
