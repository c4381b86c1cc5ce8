"""Stages, next steps, self-assessment and study plans: pure functions over the knowledge base.

Nothing here touches the database or Discord: callers pass the learner's stage and completed items.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field
from difflib import get_close_matches

from bot.knowledge import Item, KnowledgeBase, Resource, Stage, Text
from bot.text import remembered, split_sentences

LEVEL_ORDER = {"beginner": 0, "intermediate": 1, "advanced": 2}
COST_ORDER = {"free": 0, "freemium": 1, "paid": 2}


class UnknownId(ValueError):
    """An unknown stage or item id; ``suggestion`` is the closest known id, if any."""

    def __init__(self, kind: str, value: str, suggestion: str | None) -> None:
        self.kind, self.value, self.suggestion = kind, value, suggestion
        hint = f" Did you mean '{suggestion}'?" if suggestion else ""
        super().__init__(f"unknown {kind} '{value}'.{hint}")


def _names(title_ja: str, title_en: str) -> list[str]:
    """The ways a learner may name a stage or item: each title whole and its head before "：" / ":"."""
    from bot.text import normalize

    out = []
    for title in (title_ja, title_en):
        norm = normalize(title).strip()
        out.append(norm)
        for sep in ("：", ":"):
            if sep in norm:
                out.append(norm.split(sep, 1)[0].strip())
    return out


def _resolve(kind: str, value: str, entries: list[tuple[str, list[str]]]) -> str:
    """The id whose id, name or unique prefix ``value`` is; UnknownId (with a suggestion) otherwise.

    ``entries``: (id, [names]) in roadmap order. Exact ids win, then exact names, then a prefix that only
    one entry has (of an id, or of a name: "中核" for "中核アルゴリズム：…", "core" for core-ml).
    """
    from bot.text import normalize

    key = normalize(value).strip()
    if not key:
        raise UnknownId(kind, value, None)
    for ident, _ in entries:
        if key == ident:
            return ident
    for ident, names in entries:
        if key in names:
            return ident
    prefixed = {ident for ident, names in entries
                if ident.startswith(key) or ident.split(".", 1)[-1].startswith(key)
                or any(n.startswith(key) for n in names)}
    if len(prefixed) == 1:
        return prefixed.pop()
    pool = [ident for ident, _ in entries] + [n for _, names in entries for n in names]
    match = get_close_matches(key, pool, n=1, cutoff=0.5)
    suggestion = next((ident for ident, names in entries if match and (match[0] == ident or match[0] in names)),
                      None)
    if prefixed and suggestion is None:
        suggestion = min(prefixed)
    raise UnknownId(kind, value, suggestion)


def resolve_stage(kb: KnowledgeBase, value: str) -> Stage:
    """The stage with this id, number (1-7), title (either language) or unique prefix; else UnknownId."""
    key = value.strip()
    by_order = {str(s.order): s for s in kb.stages}
    if key in by_order:
        return by_order[key]
    entries = [(s.id, _names(s.title.ja, s.title.en)) for s in kb.stages]
    return kb.stage(_resolve("stage", value, entries))


def resolve_item(kb: KnowledgeBase, value: str, stage: Stage | None = None) -> Item:
    """The checklist item with this id, title (either language) or unique prefix; a bare slug
    ("decision-trees") or prefix is looked up in ``stage`` first."""
    from bot.text import normalize

    key = normalize(value).strip()
    if stage and f"{stage.id}.{key}" in kb.items:
        return kb.items[f"{stage.id}.{key}"]
    if stage:
        try:
            return kb.items[_resolve("item", value, [(i.id, _names(i.title.ja, i.title.en)) for i in stage.items])]
        except UnknownId:
            pass
    entries = [(i.id, _names(i.title.ja, i.title.en)) for s in kb.stages for i in s.items]
    return kb.items[_resolve("item", value, entries)]


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
    opens: Text | None = None  # the title of the following stage, whose first item this step is


def step_for(kb: KnowledgeBase, item: Item, lang: str, avoid: frozenset[str] = frozenset()) -> Step:
    """A checklist item with its best resource other than those in ``avoid`` (courses the learner finished)."""
    return Step(item, next((r for r in best_resources(kb, item, lang, n=len(avoid) + 1) if r.id not in avoid), None))


def following_steps(kb: KnowledgeBase, stage: Stage, steps: list[Step], done: frozenset[str], lang: str,
                    limit: int, avoid: frozenset[str] = frozenset()) -> list[Step]:
    """``steps`` (a stage's last open items), then the first open items of the stage after it up to ``limit``,
    the first marked as opening that stage: one item left is not all a learner is told of what comes next."""
    following = kb.next_stage(stage.id)
    if len(steps) >= limit or following is None:
        return steps
    more = [step_for(kb, i, lang, avoid) for i in following.items if i.id not in done][:limit - len(steps)]
    if more:
        more[0] = Step(more[0].item, more[0].resource, following.title)
    return steps + more


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
                {"item": s.item.id, "stage": s.item.stage, "title": s.item.title.get(lang), "hours": s.item.hours,
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
    steps = [step_for(kb, i, lang) for i in todo[:limit]]
    return NextSteps(stage, following_steps(kb, stage, steps, done, lang, limit), remaining=len(todo))


def first_steps(kb: KnowledgeBase, stage: Stage, lang: str, limit: int = 3) -> list[Step]:
    """The first items of a stage (for someone just arriving at it)."""
    return [step_for(kb, i, lang) for i in stage.items[:limit]]


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
    # not "次の資格" / "next certification": which one to take is a question about certifications
    # nor "次は準1級を受けるべき？" (whether to take an exam)
    r"次(?!元|回|の日|の週|の月|週|月|の(?:数|何)年|世代|年|の(?:資格|試験|言語|本|一冊|1冊)|は?[^。？?、]{0,15}(?:を受け|受験|を取得|を取る|を取った))|つぎ(?:[はに]|なに|何|どう)|その後|この後|そのあと|このあと|ここから|終わった|終えた|終わりました|終えました|完了した|修了した|"
    r"おわった|おわりました|おえた|"
    # "モデルを作るところまではできるんですが、この先は何を勉強すべきですか？" (usefulness184 #28, graded 0, got what
    # computer vision is); not "この先のキャリア"
    r"この先(?:は|、)?(?:何|なに|どう)|"
    # what to add to what they have ("応募する前に、何を足すのが一番効果的ですか？": usefulness69 #28, graded 0, got what
    # feature engineering is, which the asker says they can do)
    r"何を(?:足す|足せば|付け足|加える|加えれば|補う|補えば)|"
    # after an exam or course they are in the middle of ("E資格の後は、何をすれば実務に近いスキルが身につきますか？":
    # usefulness70 #27, graded 0, got how to prepare for the exam)
    r"(?:資格|検定|試験|講座|コース|プログラム)(?:の|を取った|に合格した)(?:後|あと)(?:は|に|で)|"
    # "next" as in a next step, not "the next few years"
    r"\bnext\b(?!\s+(?:few|couple|several|many|\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|year|years|month|months|"
    r"decade|generation|cert\w*|exam|language|book))|\bwhat now\b|\bnow what\b|"
    # what to do until a date they name ("I want to be job-ready by next June. What should I focus on between now and
    # then?": usefulness87 #56, graded 0, got a card on Kaggle notebooks)
    r"\bbetween now and\b|\bfrom now (?:until|till|to)\b|"
    r"\bfinished\b|\bdone with\b|\bafter (?:learning|finishing)\b|\bwhat comes (?:after|next)\b|\bwhere do i go from here\b|"
    r"다음|下一步|接下来|之后该",  # Korean and Chinese "next"
    re.IGNORECASE,
)
# "How long will it take at this pace?" is a time question even when it says what was finished.
_HOW_LONG_RE = re.compile(r"(?:どれ|どの)(?:くらい|ぐらい)(?:の期間|で|かかり|かか)|何(?:ヶ|か|カ|ケ)月|何年(?:くらい|ぐらい|で|かか)|"
                          r"\bhow long\b|\bhow many (?:months|years|weeks)\b", re.IGNORECASE)
# What comes after a rung of the career ladder is a ladder question, not the learner's next step on the roadmap
# ("what comes after senior ml engineer": usefulness158 #54, graded 0, got the roadmap's first stage).
_LADDER_NEXT_RE = re.compile(
    r"\b(?:after|beyond|above|past)\s+(?:being\s+|becoming\s+)?(?:an?\s+|the\s+)?(?:senior|staff|principal|lead|tech lead)\b|"
    r"(?:シニア|テックリード|リード|スタッフ)[^。？?、]{0,12}?(?:の次|の先|の後|のあと|になった(?:後|あと|ら))", re.IGNORECASE)
NOT_YET_RE = remembered(
    # ("デプロイや運用は先輩任せです": someone else does it)
    r"まだ|未だ|途中|受講中|勉強中|やってる最中|半分(?:くらい|ぐらい|ほど)?まで|(?:先輩|上司|他の人|人|チーム|同僚)(?:に)?任せ|丸投げ|"
    r"\bnot yet\b|\bhaven'?t\b|\bstill\b|\bhalfway\b|\bnot (?:finished|done|complete)|"
    r"\bin the middle of\b|\b(?:i'?m|am) (?:currently )?(?:taking|doing|working through)\b|"
    # about to begin it: "これから深層学習に入るところです" (usefulness45 #26 was planned as if deep learning were done)
    r"これから[^。、]{0,15}?(?:入る|始め|取り組|やる|学ぶ|勉強)|\b(?:about|going) to (?:start|begin|get into)\b", re.IGNORECASE)


@dataclass(frozen=True)
class NextIntent:
    """A "what should I do next" question. ``partial``: the learner says part of it is not done yet."""

    partial: bool


@functools.lru_cache(maxsize=256)  # (asked of a message and of each of its questions, by compose and by the engine)
def detect_next_intent(text: str) -> NextIntent | None:
    """A "what should I do next / I've finished X" question, or None.

    A learner who names what they did and asks what comes next is taken to have finished it, unless they
    say some of it is not done yet ("まだ", "not yet"). What is asked decides: in a message with question
    marks, the questions must ask what next ("I finished fast.ai. How do I get out of tutorial hell?" asks
    something else); "how long" questions are time questions.
    """
    sentences = split_sentences(text)
    questions = [x for x in sentences if x.endswith(("?", "？"))]
    asked = " ".join([*questions, *sentences[-1:]]) if questions else text  # the last one even without "?"
    if not _NEXT_RE.search(asked) or _HOW_LONG_RE.search(asked) or _LADDER_NEXT_RE.search(asked):
        return None
    return NextIntent(partial=bool(NOT_YET_RE.search(text)))


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
    # what does not fit in the budget (fits=False): (item, hours of it not scheduled), in roadmap order
    left_out: list[tuple[Item, float]] = field(default_factory=list)

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
            "left_out": [{"item": i.id, "title": i.title.get(lang), "hours": h} for i, h in self.left_out],
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

    Items longer than the week's remaining budget continue into the next week, so no week is left empty
    while anything remains. When the content needs more than ``weeks * hours_per_week``, the plan has
    ``fits=False``, says how much time it needs, fills every week in roadmap order (the last item possibly
    in part) and lists the rest in ``left_out`` instead of cramming.
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
    plan.weeks, plan.left_out = schedule_items(items, weeks, hours_per_week)
    return plan


def schedule_items(items: list[Item], weeks: int, budget: float) -> tuple[list[Week], list[tuple[Item, float]]]:
    """Fill the weeks with the items in the order given; returns the schedule and what did not fit (item, hours
    left of it)."""
    schedule = [Week(n) for n in range(1, weeks + 1)]
    pieces: dict[str, list[tuple[int, float]]] = {}
    left_out: list[tuple[Item, float]] = []
    week, free = 0, budget
    for item in items:
        left = item.hours
        while left > 1e-9 and week < weeks:
            take = min(left, free)
            pieces.setdefault(item.id, []).append((week, round(take, 2)))
            left -= take
            free -= take
            if free <= 1e-9:
                week, free = week + 1, budget
        if left > 1e-9:
            left_out.append((item, round(left, 2)))
    by_id = {i.id: i for i in items}
    for item_id, parts in pieces.items():
        total_parts = len(parts) + any(i.id == item_id for i, _ in left_out)
        for n, (w, hours) in enumerate(parts, start=1):
            schedule[w].blocks.append(Block(by_id[item_id], hours, n, total_parts))
    return schedule, left_out
