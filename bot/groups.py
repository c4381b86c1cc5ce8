"""Study groups: a plan that members follow together, week by week. Pure functions and dataclasses.

Nothing here touches the database, Discord or the clock: every function that depends on time takes the
current moment ``now`` (an aware :class:`~datetime.datetime`), and every state change returns a new
:class:`GroupPlan`. The store persists a plan's fields; the Discord layer renders the data with the small
``render_*`` functions at the bottom (texts from :mod:`bot.messages`).

**The calendar.** A plan has a start date, a number of weeks and a weekly check-in moment (weekday and time,
in the server's timezone, default Asia/Tokyo). The check-in moments form a grid: the first one on or after the
start date, then one every week at the same *local* time (so 09:00 stays 09:00 across a daylight-saving change;
a time in a spring-forward gap happens an hour later that day). Plan week *k* begins at a check-in moment and
lasts until the next plan week begins; the plan finishes when week ``weeks`` is over.

**Breaks.** Skipping and pausing insert *break slots*: a grid week in which no new plan week begins, so the
week in progress lasts a week longer and every later week moves back by one. ``skipped`` and ``paused`` hold,
for each break slot, the number of the plan week it delays (``(4,)``: week 4 begins a week late; a break before
week ``weeks + 1`` extends the last week). A pause counts one break for every check-in moment that passed while
the plan was paused; a pause that resumes before the next check-in costs nothing.

**Check-ins.** Each plan week has one check-in post, due from the moment the week begins until it ends.
:func:`due_checkins` tells which posts are owed given the weeks already posted: after a restart, or in a
second process, it returns the same answer, and a week already posted is never owed again. A post missed during
downtime is owed late, once, as long as its week is still the current one; a week that ended unposted is
simply missed (:func:`missed_checkins`): a "Week 3" post in week 5 would only confuse.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections import Counter
from collections.abc import Collection, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.advisor import MAX_HOURS, MAX_WEEKS, Block, PlanError, make_plan
from bot.messages import t

if TYPE_CHECKING:
    from bot.advisor import Plan
    from bot.knowledge import KnowledgeBase, Stage

UTC = timezone.utc
DEFAULT_TZ = "Asia/Tokyo"
WEEK = timedelta(weeks=1)

K = TypeVar("K", bound=Hashable)  # a member key: a user id, or anything the caller uses


class State(str, Enum):
    """What the moderator last did with the plan."""

    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"


class Phase(str, Enum):
    """Where a plan stands at a moment: the moderator's state and the calendar together."""

    BEFORE = "before"  # active, week 1 has not begun
    RUNNING = "running"  # active, a week is in progress
    PAUSED = "paused"
    FINISHED = "finished"  # the last week is over
    ENDED = "ended"  # a moderator ended the plan


class TransitionError(ValueError):
    """A moderator action that the plan's state does not allow (pausing a paused plan, skipping an ended one).
    ``key`` is the message-catalogue key of the sentence to show."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def _tz(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise PlanError(f"unknown timezone '{name}'") from exc


def _aware(moment: datetime, what: str = "now") -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be an aware datetime (with a timezone), got {moment!r}")
    return moment.astimezone(UTC)


def parse_time(value: str | datetime) -> datetime:
    """A stored timestamp (ISO-8601, as the store writes ``done_at``) as an aware UTC datetime; a timestamp
    without an offset is taken to be UTC."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None or moment.utcoffset() is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


# ---------------------------------------------------------------- the plan


@dataclass(frozen=True)
class GroupPlan:
    """A study group's plan. ``start`` is a date in the server's timezone ``tz``; week 1 begins at the first
    check-in moment (``checkin_weekday``, 0 = Monday, at ``checkin_time``) on or after it.

    ``skipped`` / ``paused``: the break slots (see the module docstring), each the plan week it delays.
    ``paused_at``: when the current pause began (state PAUSED; kept when a paused plan is ended).
    ``ended_at``: when a moderator ended the plan (state ENDED).
    """

    first_stage: str
    last_stage: str
    weeks: int
    hours_per_week: float
    start: date
    tz: str = DEFAULT_TZ
    checkin_weekday: int = 0
    checkin_time: time = time(9, 0)
    state: State = State.ACTIVE
    skipped: tuple[int, ...] = ()
    paused: tuple[int, ...] = ()
    paused_at: datetime | None = None
    ended_at: datetime | None = None
    _starts: tuple[datetime, ...] = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not 1 <= self.weeks <= MAX_WEEKS:
            raise PlanError(f"weeks must be between 1 and {MAX_WEEKS}")
        if not 0 < self.hours_per_week <= MAX_HOURS:
            raise PlanError(f"hours per week must be more than 0 and at most {MAX_HOURS}")
        if not 0 <= self.checkin_weekday <= 6:
            raise PlanError("the check-in weekday must be 0 (Monday) to 6 (Sunday)")
        if isinstance(self.start, datetime):
            raise PlanError("the start must be a date, not a datetime")
        _tz(self.tz)
        object.__setattr__(self, "state", State(self.state))
        object.__setattr__(self, "skipped", tuple(sorted(self.skipped)))
        object.__setattr__(self, "paused", tuple(sorted(self.paused)))
        for week in (*self.skipped, *self.paused):
            if not 1 <= week <= self.weeks + 1:
                raise PlanError(f"a break must delay a week between 1 and {self.weeks + 1}, got {week}")
        if (self.state is State.PAUSED) != (self.paused_at is not None) and self.state is not State.ENDED:
            raise PlanError("a paused plan needs paused_at, and only a paused (or ended) plan has one")
        if (self.state is State.ENDED) != (self.ended_at is not None):
            raise PlanError("an ended plan needs ended_at, and only an ended plan has one")
        for moment in (self.paused_at, self.ended_at):
            if moment is not None:
                _aware(moment, "paused_at / ended_at")
        object.__setattr__(self, "_starts", self._compute_starts())

    def to_json(self) -> dict[str, Any]:
        """The plan's fields as JSON-ready values (dates and times as ISO-8601 strings), for the store."""
        return {
            "first_stage": self.first_stage, "last_stage": self.last_stage, "weeks": self.weeks,
            "hours_per_week": self.hours_per_week, "start": self.start.isoformat(), "tz": self.tz,
            "checkin_weekday": self.checkin_weekday, "checkin_time": self.checkin_time.strftime("%H:%M"),
            "state": self.state.value, "skipped": list(self.skipped), "paused": list(self.paused),
            "paused_at": _aware(self.paused_at).isoformat() if self.paused_at else None,
            "ended_at": _aware(self.ended_at).isoformat() if self.ended_at else None,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> GroupPlan:
        """The plan :meth:`to_json` gave (missing optional fields take their defaults)."""
        fields = dict(data)
        fields["start"] = date.fromisoformat(fields["start"])
        if "checkin_time" in fields:
            fields["checkin_time"] = time.fromisoformat(fields["checkin_time"])
        for name in ("paused_at", "ended_at"):
            if fields.get(name):
                fields[name] = parse_time(fields[name])
        for name in ("skipped", "paused"):
            fields[name] = tuple(fields.get(name, ()))
        return cls(**fields)

    @property
    def zone(self) -> ZoneInfo:
        return _tz(self.tz)

    @property
    def breaks(self) -> tuple[int, ...]:
        """Every break slot (skips and pauses together), as the week it delays, in order."""
        return tuple(sorted((*self.skipped, *self.paused)))

    def grid(self, slot: int) -> datetime:
        """The ``slot``-th check-in moment (0 = the first on or after the start date), in UTC."""
        first = self.start + timedelta(days=(self.checkin_weekday - self.start.weekday()) % 7)
        local = datetime.combine(first + timedelta(weeks=slot), self.checkin_time).replace(tzinfo=self.zone)
        return local.astimezone(UTC)

    def _compute_starts(self) -> tuple[datetime, ...]:
        breaks = self.breaks
        return tuple(self.grid(k - 1 + bisect.bisect_right(breaks, k)) for k in range(1, self.weeks + 2))

    def week_start(self, week: int) -> datetime:
        """When plan week ``week`` begins (UTC), with the breaks so far; ``weeks + 1``: when the plan finishes.
        During a pause the later weeks keep the dates they had before it; they move back when the plan
        resumes (:func:`current_week` is the authority on where a plan stands)."""
        if not 1 <= week <= self.weeks + 1:
            raise ValueError(f"week must be between 1 and {self.weeks + 1}")
        return self._starts[week - 1]

    def week_at(self, moment: datetime) -> int:
        """The plan week in progress at ``moment``: 0 before week 1, ``weeks + 1`` once the plan has finished.
        Moments after a pause began count in the paused week; moments after the plan ended count as after it."""
        moment = _aware(moment, "moment")
        if self.ended_at is not None and moment >= _aware(self.ended_at):
            return self.weeks + 1
        if self.paused_at is not None and moment >= _aware(self.paused_at):
            moment = _aware(self.paused_at)
        return bisect.bisect_right(self._starts, moment)


@dataclass(frozen=True)
class Position:
    """Where a plan stands at a moment.

    ``week``: the plan week in progress (RUNNING), paused in (PAUSED), last run (FINISHED: ``weeks``) or
    ended in (ENDED); None before week 1 began (BEFORE, or paused / ended before the start).
    ``extra``: RUNNING in a break slot (the week was extended by a skip or a pause).
    ``next_week_at``: when the next week begins (week 1 while BEFORE; the finish after the last week), UTC;
    None when paused, finished or ended.
    """

    phase: Phase
    week: int | None
    weeks: int
    extra: bool = False
    next_week_at: datetime | None = None

    @property
    def started(self) -> bool:
        return self.week is not None


def current_week(plan: GroupPlan, now: datetime) -> Position:
    """The plan's position at ``now``: the week in progress (1-based) and the phase. Pauses and skips shift
    the schedule (see the module docstring); before the start, after the finish and after a moderator ended
    the plan are distinct phases."""
    now = _aware(now)
    if plan.state is State.ENDED:
        assert plan.ended_at is not None
        week = plan.week_at(_aware(plan.ended_at) - timedelta(microseconds=1))
        return Position(Phase.ENDED, min(week, plan.weeks) or None, plan.weeks)
    week = plan.week_at(now)
    if plan.state is State.PAUSED:
        return Position(Phase.PAUSED, min(week, plan.weeks) or None, plan.weeks)
    if week == 0:
        return Position(Phase.BEFORE, None, plan.weeks, next_week_at=plan.week_start(1))
    if week > plan.weeks:
        return Position(Phase.FINISHED, plan.weeks, plan.weeks)
    begun = plan.week_start(week)
    slot_end = plan.grid(_slot_of(plan, begun) + 1)
    return Position(Phase.RUNNING, week, plan.weeks, extra=now >= slot_end, next_week_at=plan.week_start(week + 1))


def _slot_of(plan: GroupPlan, moment: datetime) -> int:
    """The grid slot that begins at ``moment`` (a week start)."""
    first = plan.grid(0)
    slot = round((moment - first) / WEEK)  # DST shifts a local time by an hour at most: rounding is exact
    return slot


# ---------------------------------------------------------------- moderator actions


def pause(plan: GroupPlan, now: datetime) -> GroupPlan:
    """Pause the plan: no week begins and no check-in is due until :func:`resume`."""
    phase = current_week(plan, now).phase
    if phase is Phase.PAUSED:
        raise TransitionError("group_already_paused", "the plan is already paused")
    if phase in (Phase.ENDED, Phase.FINISHED):
        raise TransitionError("group_not_running", "the plan has finished or ended")
    return dataclasses.replace(plan, state=State.PAUSED, paused_at=_aware(now))


def resume(plan: GroupPlan, now: datetime) -> GroupPlan:
    """Resume a paused plan. Every check-in moment that passed while it was paused becomes a break slot before
    the week after the paused one, so that week begins at the first check-in moment from ``now`` on."""
    if plan.state is not State.PAUSED:
        raise TransitionError("group_not_paused", "the plan is not paused")
    assert plan.paused_at is not None
    now = _aware(now)
    if now < _aware(plan.paused_at):
        raise ValueError("now is before the pause began")
    week = plan.week_at(plan.paused_at)
    nxt = week + 1
    lost = 0
    if nxt <= plan.weeks + 1:
        slot = _slot_of(plan, plan.week_start(nxt))
        while plan.grid(slot + lost) < now:
            lost += 1
    return dataclasses.replace(plan, state=State.ACTIVE, paused_at=None,
                               paused=tuple(sorted((*plan.paused, *([nxt] * lost)))))


def skip(plan: GroupPlan, now: datetime) -> GroupPlan:
    """Skip a week: the week in progress lasts one week longer and every later week begins a week later
    (before the start: week 1 begins a week later)."""
    position = current_week(plan, now)
    if position.phase is Phase.PAUSED:
        raise TransitionError("group_paused_cannot_skip", "a paused plan cannot skip a week")
    if position.phase in (Phase.ENDED, Phase.FINISHED):
        raise TransitionError("group_not_running", "the plan has finished or ended")
    return dataclasses.replace(plan, skipped=tuple(sorted((*plan.skipped, (position.week or 0) + 1))))


def end(plan: GroupPlan, now: datetime) -> GroupPlan:
    """End the plan for good: no more weeks or check-ins."""
    if plan.state is State.ENDED:
        raise TransitionError("group_already_ended", "the plan has already ended")
    return dataclasses.replace(plan, state=State.ENDED, ended_at=_aware(now))


# ---------------------------------------------------------------- check-ins


@dataclass(frozen=True)
class Checkin:
    """A week's check-in post: the week, its scheduled moment (UTC) and how late it is at ``now``."""

    week: int
    at: datetime
    late: timedelta = timedelta(0)

    @property
    def is_late(self) -> bool:
        return self.late > timedelta(0)


def due_checkins(plan: GroupPlan, now: datetime, already_posted: Collection[int] = ()) -> list[Checkin]:
    """The check-in posts owed at ``now``: the current week's, if it has not been posted yet (late when its
    moment has passed); nothing while the plan is paused, before it starts, after it finished or ended.

    The answer depends only on the plan, ``now`` and ``already_posted``, so a restarted process, or a second
    one, asks the same question and gets the same answer. Each week is owed at most once: the caller claims a
    week atomically in the store (e.g. an insert of (plan, week) that fails on conflict) and posts only when
    its claim won, then passes that week in ``already_posted`` from then on.
    """
    position = current_week(plan, now)
    if position.phase is not Phase.RUNNING or position.week is None or position.week in already_posted:
        return []
    at = plan.week_start(position.week)
    return [Checkin(position.week, at, max(_aware(now) - at, timedelta(0)))]


def missed_checkins(plan: GroupPlan, now: datetime, already_posted: Collection[int] = ()) -> list[int]:
    """The weeks whose check-in was never posted and whose week is over (downtime spanning a whole week):
    these are not owed any more."""
    position = current_week(plan, now)
    last = position.week or 0
    if position.phase in (Phase.RUNNING, Phase.PAUSED, Phase.ENDED):
        last -= 1  # the current (or ended-in) week is not over: its post is owed, or not at all
    return [week for week in range(1, last + 1) if week not in already_posted]


def next_checkin(plan: GroupPlan, now: datetime, already_posted: Collection[int] = ()) -> datetime | None:
    """When the scheduler should next post (UTC). A post that is owed now returns its scheduled moment, in
    the past when it is late: post it at once. None while paused and after the plan finished or ended (the
    scheduler asks again when a moderator resumes the plan)."""
    due = due_checkins(plan, now, already_posted)
    if due:
        return due[0].at
    position = current_week(plan, now)
    if position.phase in (Phase.BEFORE, Phase.RUNNING) and position.next_week_at is not None:
        nxt = (position.week or 0) + 1
        return position.next_week_at if nxt <= plan.weeks else None
    return None


# ---------------------------------------------------------------- the weeks' items


def schedule(kb: KnowledgeBase, plan: GroupPlan, lang: str) -> Plan:
    """The plan's items week by week (the same schedule as ``/plan show``, from :func:`bot.advisor.make_plan`,
    for the whole group: nobody's completed items are left out)."""
    return make_plan(kb, kb.stage(plan.first_stage), kb.stage(plan.last_stage), plan.weeks,
                     plan.hours_per_week, lang)


def week_items(sched: Plan, week: int) -> list[Block]:
    """The items (blocks: an item or a part of one) scheduled in plan week ``week``."""
    if not 1 <= week <= len(sched.weeks):
        return []
    return list(sched.weeks[week - 1].blocks)


def plan_item_ids(sched: Plan) -> frozenset[str]:
    """Every item the schedule holds (those left out for lack of time too)."""
    return frozenset(i.id for i in sched.items)


def required_items(sched: Plan, through_week: int) -> frozenset[str]:
    """The items the schedule finishes by the end of plan week ``through_week``: an item split across weeks
    counts from its last part's week; an item (partly) left out of the schedule never counts."""
    out = set()
    for week in sched.weeks[:max(through_week, 0)]:
        out.update(b.item.id for b in week.blocks if b.part == b.parts)
    return frozenset(out)


# ---------------------------------------------------------------- streaks


@dataclass(frozen=True)
class Streak:
    """``current``: consecutive weeks with at least one item done, up to the current week; ``longest``: the
    longest such run so far; ``weeks``: the weeks with activity, ascending."""

    current: int
    longest: int
    weeks: tuple[int, ...] = ()


def _streak(active: Iterable[int], last: int, lenient: bool) -> Streak:
    """Streak over week numbers ``active`` (any integers) up to ``last``. ``lenient``: week ``last`` is still
    in progress, so a streak that reached the week before it is still alive."""
    weeks = sorted({w for w in active if w <= last})
    have = set(weeks)
    longest = run = 0
    prev = None
    for w in weeks:
        run = run + 1 if prev is not None and w == prev + 1 else 1
        longest = max(longest, run)
        prev = w
    top = last if last in have or not lenient else last - 1
    current = 0
    while top - current in have:
        current += 1
    return Streak(current, longest, tuple(weeks))


def _times(done_at: Mapping[str, str | datetime], only: Collection[str] | None) -> list[datetime]:
    return [parse_time(v) for k, v in done_at.items() if only is None or k in only]


def member_streak(plan: GroupPlan, done_at: Mapping[str, str | datetime], now: datetime,
                  only: Collection[str] | None = None) -> Streak:
    """A member's streak in the plan: consecutive plan weeks, up to the current one, in which they finished at
    least one item (``done_at``: item id -> completion timestamp, as the store's ``get_progress``; ``only``:
    count only these items, e.g. :func:`plan_item_ids`). While the current week is in progress (or paused,
    or was cut short by the end) without activity yet, the streak that reached the week before still counts; an item done during a break
    slot counts for the week it extends."""
    return _plan_streak(current_week(plan, now), _plan_weeks(plan, done_at, only))


def _plan_weeks(plan: GroupPlan, done_at: Mapping[str, str | datetime], only: Collection[str] | None) -> list[int]:
    """The plan week of each completion (items done before week 1 or after the plan left out)."""
    weeks = [plan.week_at(moment) for moment in _times(done_at, only)]
    return [w for w in weeks if 1 <= w <= plan.weeks]


def _plan_streak(position: Position, weeks: Iterable[int]) -> Streak:
    lenient = position.phase in (Phase.RUNNING, Phase.PAUSED, Phase.ENDED)
    return _streak(weeks, position.week or 0, lenient)


def calendar_week(moment: datetime, tz: str = DEFAULT_TZ) -> date:
    """The Monday of the calendar week of ``moment`` in timezone ``tz``."""
    local = _aware(moment, "moment").astimezone(_tz(tz)).date()
    return local - timedelta(days=local.weekday())


def calendar_streak(done_at: Mapping[str, str | datetime], now: datetime, tz: str = DEFAULT_TZ) -> Streak:
    """A learner's streak outside any plan: consecutive calendar weeks (Monday to Sunday in ``tz``) with at
    least one item done, up to this week (still alive while this week has none yet). ``weeks`` are numbered
    backwards from this week: 0 is this week, -1 the week before."""
    this = calendar_week(now, tz)
    numbers = [(calendar_week(m, tz) - this).days // 7 for m in _times(done_at, None)]
    return _streak(numbers, 0, lenient=True)


@dataclass(frozen=True)
class StreakCount:
    """``members`` members kept a ``weeks``-week streak."""

    weeks: int
    members: int


def streak_summary(streaks: Iterable[Streak], min_weeks: int = 2) -> list[StreakCount]:
    """How many members kept each streak length of at least ``min_weeks`` weeks, longest first ("3 members
    kept a 4-week streak"). Counts only: nobody is named or ranked."""
    counts = Counter(s.current for s in streaks if s.current >= min_weeks)
    return [StreakCount(weeks, n) for weeks, n in sorted(counts.items(), reverse=True)]


# ---------------------------------------------------------------- on track


@dataclass(frozen=True)
class OnTrack(Generic[K]):
    """Who is on track at a moment. ``through_week``: the plan week whose end the check counts up to (the
    week before the current one; every week once the plan finished); ``required``: the items scheduled to
    be finished by then. ``behind``: each member not on track with how many required items they miss."""

    through_week: int
    required: frozenset[str]
    on_track: tuple[K, ...]
    behind: tuple[tuple[K, int], ...]

    @property
    def members(self) -> int:
        return len(self.on_track) + len(self.behind)


def through_week(plan: GroupPlan, now: datetime) -> int:
    """The last plan week that must be covered to be on track at ``now``: the week before the current one
    (0 before the start and in week 1); every week once the plan has finished; the week before the one it
    was ended or paused in."""
    position = current_week(plan, now)
    if position.phase is Phase.FINISHED:
        return plan.weeks
    return max((position.week or 1) - 1, 0)


def on_track(plan: GroupPlan, sched: Plan, completed: Mapping[K, Collection[str]], now: datetime) -> OnTrack[K]:
    """Who is on track: a member is on track when the items they have finished (at any time, before the plan
    too) include every item the schedule finishes by the end of the previous plan week
    (:func:`through_week`, :func:`required_items`); the current week's items are not due yet. In week 1 and
    before the start everyone is on track. ``completed``: member -> finished item ids."""
    week = through_week(plan, now)
    required = required_items(sched, week)
    ok: list[K] = []
    behind: list[tuple[K, int]] = []
    for member, done in completed.items():
        missing = len(required - set(done))
        if missing:
            behind.append((member, missing))
        else:
            ok.append(member)
    return OnTrack(week, required, tuple(ok), tuple(behind))


# ---------------------------------------------------------------- the group's status (for the picture)


@dataclass(frozen=True)
class GroupStatus(Generic[K]):
    """The group at a moment: ``done_per_week[k - 1]``: plan items finished during plan week k by all
    members together; who is on track; how many kept each streak."""

    plan: GroupPlan
    position: Position
    stages: tuple[Stage, ...]
    done_per_week: tuple[int, ...]
    on_track: OnTrack[K]
    streaks: tuple[StreakCount, ...]

    @property
    def members(self) -> int:
        return self.on_track.members


def group_status(plan: GroupPlan, sched: Plan, progress: Mapping[K, Mapping[str, str | datetime]],
                 now: datetime) -> GroupStatus[K]:
    """The data behind ``/plan status``. ``progress``: member -> {item id: done_at} (the store's
    ``get_progress`` for each member). Only the plan's items count towards the weekly totals and streaks."""
    items = plan_item_ids(sched)
    position = current_week(plan, now)
    per_week = [0] * plan.weeks
    streaks = []
    for done_at in progress.values():
        weeks = _plan_weeks(plan, done_at, items)
        for week in weeks:
            per_week[week - 1] += 1
        streaks.append(_plan_streak(position, weeks))
    track = on_track(plan, sched, {m: frozenset(d) for m, d in progress.items()}, now)
    return GroupStatus(plan, position, tuple(sched.stages), tuple(per_week), track, tuple(streak_summary(streaks)))


# ---------------------------------------------------------------- a learner's progress (for the picture)


@dataclass(frozen=True)
class StageProgress:
    stage: Stage
    done: int
    total: int
    hours_done: float
    hours_total: float
    current: bool = False


@dataclass(frozen=True)
class ActivityWeek:
    """A calendar week (its Monday) and the number of items finished in it."""

    monday: date
    items: int


@dataclass(frozen=True)
class MemberProgress:
    """The data behind a learner's progress picture: their checklist by stage, hours done and left (of the
    whole roadmap), items finished per calendar week for the last weeks, and their streak. ``empty``: nothing
    finished yet."""

    stages: tuple[StageProgress, ...]
    hours_done: float
    hours_left: float
    activity: tuple[ActivityWeek, ...]
    streak: Streak
    empty: bool


def member_progress(kb: KnowledgeBase, done_at: Mapping[str, str | datetime], stage_id: str | None,
                    now: datetime, tz: str = DEFAULT_TZ, weeks: int = 12) -> MemberProgress:
    """A learner's progress from their completion timestamps (the store's ``get_progress``; ids the
    knowledge no longer has are ignored), their stage, and ``now``; calendar weeks in ``tz``."""
    known = {k: v for k, v in done_at.items() if k in kb.items}
    stages = []
    for stage in kb.stages:
        done = [i for i in stage.items if i.id in known]
        stages.append(StageProgress(stage, len(done), len(stage.items), sum(i.hours for i in done),
                                    sum(i.hours for i in stage.items), stage.id == stage_id))
    hours_done = sum(s.hours_done for s in stages)
    hours_total = sum(s.hours_total for s in stages)
    this = calendar_week(now, tz)
    counts = Counter(calendar_week(m, tz) for m in _times(known, None))
    activity = tuple(ActivityWeek(this - timedelta(weeks=n), counts.get(this - timedelta(weeks=n), 0))
                     for n in range(weeks - 1, -1, -1))
    return MemberProgress(tuple(stages), hours_done, max(hours_total - hours_done, 0.0), activity,
                          calendar_streak(known, now, tz), empty=not known)


# ---------------------------------------------------------------- text


def week_heading(week: int, lang: str, total: int | None = None) -> str:
    """"Week 3" / "第3週", or with the plan's length "Week 3 of 6" / "第3週（全6週）"."""
    if total is None:
        return t("week", lang, n=week)
    return t("group_week_of", lang, n=week, total=total)


def format_date(day: date, lang: str) -> str:
    """"2026年12月7日（月）" / "Mon 2026-12-07"."""
    wd = t("weekday_short", lang).split()[day.weekday()]
    return t("group_date", lang, y=day.year, m=day.month, d=day.day, iso=day.isoformat(), wd=wd)


def checkin_schedule_line(plan: GroupPlan, lang: str) -> str:
    """"毎週月曜 9:00（Asia/Tokyo）" / "Mondays at 09:00 (Asia/Tokyo)"."""
    day = t("weekday_long", lang).split()[plan.checkin_weekday]
    return t("group_checkin_time", lang, day=day, time=plan.checkin_time.strftime("%H:%M"), tz=plan.tz)


def status_line(plan: GroupPlan, position: Position, lang: str) -> str:
    """Where the plan stands, for the pinned message and the picture: "Week 3 of 6", "Starts Mon 2026-12-07",
    "Paused in week 3", "Finished (6 weeks)", "Ended in week 4"."""
    if position.phase is Phase.BEFORE:
        assert position.next_week_at is not None
        return t("group_before", lang, date=format_date(position.next_week_at.astimezone(plan.zone).date(), lang))
    if position.phase is Phase.RUNNING:
        assert position.week is not None
        line = week_heading(position.week, lang, plan.weeks)
        return line + t("group_extra_week", lang) if position.extra else line
    if position.phase is Phase.PAUSED:
        return (t("group_paused", lang, n=position.week) if position.week
                else t("group_paused_before", lang))
    if position.phase is Phase.FINISHED:
        return t("group_finished", lang, total=plan.weeks)
    return t("group_ended", lang, n=position.week) if position.week else t("group_ended_before", lang)


def streak_lines(summary: Iterable[StreakCount], lang: str) -> list[str]:
    """"3 members kept a 4-week streak" / "3人が4週連続で続けています", one line per streak length."""
    return [t("group_streak_one" if c.members == 1 else "group_streak", lang, n=c.members, w=c.weeks)
            for c in summary]


def on_track_line(track: OnTrack, lang: str) -> str:
    """"5 of 8 members are on track" / "8人中5人が予定どおりです"."""
    return t("group_on_track", lang, n=len(track.on_track), total=track.members)


def member_streak_line(streak: Streak, lang: str) -> str:
    """"Streak: 3 weeks (longest 5)" / "連続3週（最長5週）"."""
    return t("streak_line", lang, n=streak.current, longest=streak.longest)


def render_checkin(plan: GroupPlan, sched: Plan, week: int, lang: str,
                   summary: Iterable[StreakCount] = (), late: bool = False) -> list[str]:
    """The lines of a week's check-in post: the heading ("Week 3 of 6"), the week's items with their hours,
    and the streak summary. Plain text; the caller adds its own formatting and the Done buttons."""
    lines = [week_heading(week, lang, plan.weeks)]
    if late:
        lines.append(t("group_checkin_late", lang))
    blocks = week_items(sched, week)
    if not blocks:
        lines.append(t("group_week_free", lang))
    for b in blocks:
        part = t("part", lang, p=b.part, n=b.parts) if b.parts > 1 else ""
        lines.append(f"- {b.item.title.get(lang)}{part}: {t('hours', lang, h=b.hours)}")
    streaks = streak_lines(summary, lang)
    if streaks:
        lines += ["", *streaks]
    return lines
