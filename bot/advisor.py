"""Stages, next steps, self-assessment and study plans: pure functions over the knowledge base.

Nothing here touches the database or Discord: callers pass the learner's stage and completed items.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from difflib import get_close_matches

from bot.knowledge import Item, KnowledgeBase, Resource, Stage

LEVEL_ORDER = {"beginner": 0, "intermediate": 1, "advanced": 2}
COST_ORDER = {"free": 0, "freemium": 1, "paid": 2}


class UnknownId(ValueError):
    """An unknown stage or item id; ``suggestion`` is the closest known id, if any."""

    def __init__(self, kind: str, value: str, suggestion: str | None) -> None:
        self.kind, self.value, self.suggestion = kind, value, suggestion
        hint = f" Did you mean '{suggestion}'?" if suggestion else ""
        super().__init__(f"unknown {kind} '{value}'.{hint}")


def resolve_stage(kb: KnowledgeBase, value: str) -> Stage:
    """The stage with this id (case-insensitive), or UnknownId with a suggestion."""
    key = value.strip().lower()
    if key in kb.stages_by_id:
        return kb.stages_by_id[key]
    by_order = {str(s.order): s for s in kb.stages}
    if key in by_order:
        return by_order[key]
    match = get_close_matches(key, list(kb.stages_by_id), n=1, cutoff=0.5)
    raise UnknownId("stage", value, match[0] if match else None)


def resolve_item(kb: KnowledgeBase, value: str, stage: Stage | None = None) -> Item:
    """The checklist item with this id; a bare slug is looked up in ``stage``."""
    key = value.strip().lower()
    if key in kb.items:
        return kb.items[key]
    if stage and f"{stage.id}.{key}" in kb.items:
        return kb.items[f"{stage.id}.{key}"]
    candidates = list(kb.items) + ([i.id.split(".", 1)[1] for i in stage.items] if stage else [])
    match = get_close_matches(key, candidates, n=1, cutoff=0.5)
    suggestion = match[0] if match else None
    if suggestion and suggestion not in kb.items and stage:
        suggestion = f"{stage.id}.{suggestion}"
    raise UnknownId("item", value, suggestion)


# ---------------------------------------------------------------- resources


def best_resources(kb: KnowledgeBase, item: Item, lang: str, n: int = 1) -> list[Resource]:
    """Resources for a checklist item: made for the item first, then for its stage; the learner's language
    first, then free before paid, then easier before harder."""
    candidates = [r for r in kb.resources if item.id in r.items or item.stage in r.stages]

    def key(r: Resource) -> tuple:
        return (item.id not in r.items, r.lang != lang, COST_ORDER.get(r.cost, 3),
                LEVEL_ORDER.get(r.level, 3), r.id)

    return sorted(candidates, key=key)[:n]


# ---------------------------------------------------------------- next steps


@dataclass(frozen=True)
class Step:
    item: Item
    resource: Resource | None


@dataclass
class NextSteps:
    """What the learner should do next. ``needs_assessment``: no stage stored yet."""

    stage: Stage | None
    steps: list[Step] = field(default_factory=list)
    remaining: int = 0
    stage_complete: bool = False
    propose_stage: Stage | None = None  # the stage to advance to, after the learner confirms
    needs_assessment: bool = False

    def to_json(self, lang: str) -> dict:
        return {
            "stage": self.stage.id if self.stage else None,
            "stage_complete": self.stage_complete,
            "propose_stage": self.propose_stage.id if self.propose_stage else None,
            "needs_assessment": self.needs_assessment,
            "remaining": self.remaining,
            "steps": [
                {"item": s.item.id, "title": s.item.title.get(lang), "hours": s.item.hours,
                 "resource": {"id": s.resource.id, "title": s.resource.title, "url": s.resource.url}
                 if s.resource else None}
                for s in self.steps
            ],
        }


def next_steps(kb: KnowledgeBase, stage_id: str | None, done: frozenset[str], lang: str,
               limit: int = 3) -> NextSteps:
    """The next incomplete items of the learner's stage in roadmap order, each with its best resource.

    When the stage's checklist is complete it proposes the following stage; it never advances by itself.
    """
    if not stage_id or stage_id not in kb.stages_by_id:
        return NextSteps(None, needs_assessment=True)
    stage = kb.stage(stage_id)
    todo = [i for i in stage.items if i.id not in done]
    if not todo:
        return NextSteps(stage, stage_complete=True, propose_stage=kb.next_stage(stage.id))
    steps = [Step(i, next(iter(best_resources(kb, i, lang)), None)) for i in todo[:limit]]
    return NextSteps(stage, steps, remaining=len(todo))


def first_steps(kb: KnowledgeBase, stage: Stage, lang: str, limit: int = 3) -> list[Step]:
    """The first items of a stage (for someone just arriving at it)."""
    return [Step(i, next(iter(best_resources(kb, i, lang)), None)) for i in stage.items[:limit]]


# ---------------------------------------------------------------- self-assessment


def assessment(kb: KnowledgeBase) -> list[Stage]:
    """The stages whose yes/no question the self-assessment asks, in order (all but the last stage:
    a learner who has done work experience is placed in specialization)."""
    return [s for s in kb.stages if s.next]


def propose_from_answers(kb: KnowledgeBase, answers: list[bool]) -> Stage:
    """The first stage whose question was answered "no"; all "yes" proposes the last stage."""
    for stage, yes in zip(assessment(kb), answers, strict=False):
        if not yes:
            return stage
    return kb.stages[-1]


# ---------------------------------------------------------------- "what next?" questions

_NEXT_RE = re.compile(
    r"次(?!元)|つぎ[はに]|その後|この後|ここから|終わった|終えた|終わりました|終えました|完了した|修了した|"
    r"\bnext\b|\bwhat now\b|\bnow what\b|\bfinished\b|\bdone with\b|\bafter (?:learning|finishing)\b",
    re.IGNORECASE,
)
_NOT_YET_RE = re.compile(r"まだ|未だ|途中|\bnot yet\b|\bhaven'?t\b|\bstill\b|\bhalfway\b", re.IGNORECASE)


@dataclass(frozen=True)
class NextIntent:
    """A "what should I do next" question. ``partial``: the learner says part of it is not done yet."""

    partial: bool


def detect_next_intent(text: str) -> NextIntent | None:
    """A "what should I do next / I've finished X" question, or None.

    A learner who names what they did and asks what comes next is taken to have finished it, unless they
    say some of it is not done yet ("まだ", "not yet").
    """
    if not _NEXT_RE.search(text):
        return None
    return NextIntent(partial=bool(_NOT_YET_RE.search(text)))


# ---------------------------------------------------------------- study plans


@dataclass(frozen=True)
class Block:
    item: Item
    hours: float
    part: int  # 1-based part of the item (items longer than a week are split)
    parts: int


@dataclass
class Week:
    number: int
    blocks: list[Block] = field(default_factory=list)

    @property
    def hours(self) -> float:
        return sum(b.hours for b in self.blocks)


@dataclass
class Plan:
    stages: list[Stage]
    weeks_asked: int
    hours_per_week: float
    lang: str
    items: list[Item]
    total_hours: float
    fits: bool
    weeks: list[Week] = field(default_factory=list)
    weeks_needed: int = 0
    hours_needed: float = 0.0  # per week, to fit in weeks_asked
    resources: dict[str, Resource | None] = field(default_factory=dict)
    left_out: list[Item] = field(default_factory=list)  # items that do not fit in the budget (fits=False)

    def to_json(self) -> dict:
        lang = self.lang
        return {
            "stages": [s.id for s in self.stages],
            "weeks": self.weeks_asked,
            "hours_per_week": self.hours_per_week,
            "lang": lang,
            "total_hours": self.total_hours,
            "fits": self.fits,
            "weeks_needed": self.weeks_needed,
            "hours_per_week_needed": self.hours_needed,
            "left_out": [{"item": i.id, "title": i.title.get(lang), "hours": i.hours} for i in self.left_out],
            "schedule": [
                {"week": w.number, "hours": w.hours, "items": [
                    {"item": b.item.id, "title": b.item.title.get(lang), "hours": b.hours, "part": b.part,
                     "parts": b.parts,
                     "resource": _res_json(self.resources.get(b.item.id))} for b in w.blocks]}
                for w in self.weeks
            ],
        }


def _res_json(r: Resource | None) -> dict | None:
    return {"id": r.id, "title": r.title, "url": r.url} if r else None


class PlanError(ValueError):
    """Weeks or hours out of range."""


MAX_WEEKS = 104
MAX_HOURS = 80


def make_plan(kb: KnowledgeBase, from_stage: Stage, to_stage: Stage | None, weeks: int, hours_per_week: float,
              lang: str, done: frozenset[str] = frozenset()) -> Plan:
    """A week-by-week schedule of the stages' checklist items in roadmap order within the weekly budget.

    Items longer than the weekly budget continue over several weeks. When the content needs more time
    than ``weeks * hours_per_week``, the plan has ``fits=False``, says how much it needs, and schedules
    only the items that fit in roadmap order (the rest in ``left_out``) instead of cramming.
    """
    if not 1 <= weeks <= MAX_WEEKS:
        raise PlanError(f"weeks must be between 1 and {MAX_WEEKS}")
    if not 0 < hours_per_week <= MAX_HOURS:
        raise PlanError(f"hours per week must be more than 0 and at most {MAX_HOURS}")
    to_stage = to_stage or from_stage
    if to_stage.order < from_stage.order:
        raise PlanError(f"'{to_stage.id}' comes before '{from_stage.id}' on the roadmap")
    stages = [s for s in kb.stages if from_stage.order <= s.order <= to_stage.order]
    items = [i for s in stages for i in s.items if i.id not in done]
    total = sum(i.hours for i in items)
    plan = Plan(stages, weeks, hours_per_week, lang, items, total, fits=total <= weeks * hours_per_week + 1e-9,
                weeks_needed=math.ceil(total / hours_per_week - 1e-9) if total else 0,
                hours_needed=math.ceil(total / weeks * 2) / 2 if total else 0.0,
                resources={i.id: next(iter(best_resources(kb, i, lang)), None) for i in items})
    budget, used, fitting = weeks * hours_per_week, 0.0, []
    for item in items:
        if used + item.hours > budget + 1e-9:
            break
        fitting.append(item)
        used += item.hours
    plan.left_out = items[len(fitting):]
    plan.weeks = _schedule(fitting, weeks, hours_per_week)
    return plan


def _schedule(items: list[Item], weeks: int, budget: float) -> list[Week]:
    schedule = [Week(n) for n in range(1, weeks + 1)]
    week, free = 0, budget
    for item in items:
        pieces: list[tuple[int, float]] = []  # (week index, hours)
        left = item.hours
        while left > 1e-9:
            if free <= 1e-9:
                week, free = week + 1, budget
            take = min(left, free)
            pieces.append((week, round(take, 2)))
            left -= take
            free -= take
        for part, (w, hours) in enumerate(pieces, start=1):
            schedule[w].blocks.append(Block(item, hours, part, len(pieces)))
    return schedule
