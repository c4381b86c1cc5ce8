"""Study groups (bot/groups.py): the plan's calendar with an injectable clock, pause / skip / end, check-ins
owed exactly once across restarts and processes, streaks, who is on track, and the texts."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from bot import groups as g
from bot.advisor import PlanError
from bot.messages import MESSAGES

UTC = timezone.utc
TOKYO = ZoneInfo("Asia/Tokyo")
BERLIN = ZoneInfo("Europe/Berlin")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def jst(*args: int) -> datetime:
    return datetime(*args, tzinfo=TOKYO)


@dataclass
class Clock:
    """An injectable clock: the tests move time, the code under test only reads it."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


# A 6-week plan starting Monday 2026-12-07, check-ins on Mondays at 09:00 in Tokyo (00:00 UTC).
def tokyo_plan(**changes) -> g.GroupPlan:
    fields = {"first_stage": "core-ml", "last_stage": "core-ml", "weeks": 6, "hours_per_week": 10,
              "start": date(2026, 12, 7)} | changes
    return g.GroupPlan(**fields)


# ---------------------------------------------------------------- the calendar


def test_weeks_roll_over_at_the_checkin_moment_in_tokyo():
    plan = tokyo_plan()
    assert plan.tz == "Asia/Tokyo"
    assert plan.week_start(1) == jst(2026, 12, 7, 9) == utc(2026, 12, 7, 0)
    clock = Clock(utc(2026, 12, 6, 23, 59))
    before = g.current_week(plan, clock())
    assert (before.phase, before.week, before.next_week_at) == (g.Phase.BEFORE, None, utc(2026, 12, 7))
    clock.advance(minutes=1)
    assert (g.current_week(plan, clock()).phase, g.current_week(plan, clock()).week) == (g.Phase.RUNNING, 1)
    clock.advance(days=7, seconds=-1)
    assert g.current_week(plan, clock()).week == 1
    clock.advance(seconds=1)
    assert g.current_week(plan, clock()).week == 2
    weeks = []
    for _ in range(5):
        weeks.append(g.current_week(plan, clock()).week)
        clock.advance(days=7)
    assert weeks == [2, 3, 4, 5, 6]
    finished = g.current_week(plan, clock())
    assert (finished.phase, finished.week, finished.next_week_at) == (g.Phase.FINISHED, 6, None)
    assert clock() == plan.week_start(7) == utc(2027, 1, 18)


def test_week_one_begins_at_the_first_checkin_on_or_after_the_start_date():
    # Started on a Wednesday with Monday check-ins: week 1 begins the next Monday.
    plan = tokyo_plan(start=date(2026, 12, 9))
    assert plan.week_start(1) == jst(2026, 12, 14, 9)
    # Check-ins on Wednesdays at 20:30 Tokyo time: week 1 begins that same day.
    plan = tokyo_plan(start=date(2026, 12, 9), checkin_weekday=2, checkin_time=time(20, 30))
    assert plan.week_start(1) == jst(2026, 12, 9, 20, 30)
    assert g.current_week(plan, jst(2026, 12, 9, 20, 29)).phase is g.Phase.BEFORE
    assert g.checkin_schedule_line(plan, "en") == "Wednesdays at 20:30 (Asia/Tokyo)"
    assert g.checkin_schedule_line(plan, "ja") == "毎週水曜 20:30（Asia/Tokyo）"


def test_a_dst_zone_keeps_the_local_checkin_time_across_both_changes():
    # Europe/Berlin moves to summer time on Sunday 2026-03-29 and back on Sunday 2026-10-25.
    plan = g.GroupPlan("core-ml", "core-ml", 4, 10, date(2026, 3, 16), tz="Europe/Berlin")
    starts = [plan.week_start(k) for k in range(1, 6)]
    assert starts == [utc(2026, 3, 16, 8), utc(2026, 3, 23, 8), utc(2026, 3, 30, 7), utc(2026, 4, 6, 7),
                      utc(2026, 4, 13, 7)]
    assert {s.astimezone(BERLIN).time() for s in starts} == {time(9, 0)}
    # Week 2 is 7 days minus an hour long: the roll-over follows the local clock.
    assert g.current_week(plan, utc(2026, 3, 30, 6, 59)).week == 2
    assert g.current_week(plan, utc(2026, 3, 30, 7, 0)).week == 3
    autumn = g.GroupPlan("core-ml", "core-ml", 2, 10, date(2026, 10, 19), tz="Europe/Berlin")
    assert [autumn.week_start(k) for k in (1, 2, 3)] == [utc(2026, 10, 19, 7), utc(2026, 10, 26, 8),
                                                          utc(2026, 11, 2, 8)]


def test_a_checkin_in_the_spring_forward_gap_happens_an_hour_later():
    plan = g.GroupPlan("core-ml", "core-ml", 2, 10, date(2026, 3, 22), tz="Europe/Berlin", checkin_weekday=6,
                       checkin_time=time(2, 30))
    assert plan.week_start(1) == utc(2026, 3, 22, 1, 30)  # 02:30 CET
    assert plan.week_start(2) == utc(2026, 3, 29, 1, 30)  # 02:30 does not exist that day: 03:30 CEST
    assert plan.week_start(2).astimezone(BERLIN).time() == time(3, 30)


def test_tokyo_has_no_dst_so_every_week_is_exactly_seven_days():
    plan = tokyo_plan(weeks=52, start=date(2026, 1, 5))
    assert {plan.week_start(k + 1) - plan.week_start(k) for k in range(1, 53)} == {timedelta(days=7)}


# ---------------------------------------------------------------- pause, skip, end


def test_skip_extends_the_current_week_and_moves_every_later_week_back():
    plan = tokyo_plan()
    now = utc(2026, 12, 16)  # week 2
    skipped = g.skip(plan, now)
    assert skipped.skipped == (3,)
    assert skipped.week_start(2) == plan.week_start(2)
    assert skipped.week_start(3) == plan.week_start(3) + timedelta(days=7)
    assert skipped.week_start(7) == plan.week_start(7) + timedelta(days=7)
    # The calendar week that would have been week 3 is an extra week 2.
    extra = g.current_week(skipped, plan.week_start(3) + timedelta(hours=1))
    assert (extra.phase, extra.week, extra.extra) == (g.Phase.RUNNING, 2, True)
    assert extra.next_week_at == skipped.week_start(3)
    assert g.status_line(skipped, extra, "en") == "Week 2 of 6 (extra week)"
    # Skipping before the start moves week 1 back.
    early = g.skip(plan, utc(2026, 12, 1))
    assert early.week_start(1) == plan.week_start(1) + timedelta(days=7)
    # Skipping in the last week extends it: the plan finishes a week later.
    last = g.skip(plan, plan.week_start(6) + timedelta(days=1))
    assert last.week_start(7) == plan.week_start(7) + timedelta(days=7)
    assert g.current_week(last, plan.week_start(7)).week == 6


def test_pause_holds_the_week_and_resume_shifts_by_the_checkins_missed():
    plan = tokyo_plan()
    clock = Clock(utc(2026, 12, 15, 3))  # Tuesday of week 2
    paused = g.pause(plan, clock())
    assert paused.state is g.State.PAUSED
    clock.advance(days=17)  # Friday 2027-01-01: past two check-in moments (weeks 3 and 4 would have begun)
    position = g.current_week(paused, clock())
    assert (position.phase, position.week, position.next_week_at) == (g.Phase.PAUSED, 2, None)
    assert g.status_line(paused, position, "ja") == "一時停止中（第2週）"
    assert g.due_checkins(paused, clock(), already_posted={1, 2}) == []
    assert g.next_checkin(paused, clock(), already_posted={1, 2}) is None
    resumed = g.resume(paused, clock())
    assert resumed.state is g.State.ACTIVE
    assert resumed.paused == (3, 3)  # two check-in moments passed while paused: Dec 21 and Dec 28
    assert resumed.week_start(3) == utc(2027, 1, 4)  # the first check-in moment after the resume
    assert resumed.week_start(2) == plan.week_start(2)
    now = g.current_week(resumed, clock())
    assert (now.week, now.extra) == (2, True)
    assert g.next_checkin(resumed, clock(), already_posted={1, 2}) == utc(2027, 1, 4)
    assert resumed.week_start(7) == plan.week_start(7) + timedelta(weeks=2)


def test_a_pause_that_resumes_before_the_next_checkin_costs_nothing():
    plan = tokyo_plan()
    paused = g.pause(plan, utc(2026, 12, 15))
    resumed = g.resume(paused, utc(2026, 12, 17))
    assert resumed.paused == ()
    assert resumed.week_start(3) == plan.week_start(3)
    # Resuming exactly at a check-in moment: the next week begins then.
    exact = g.resume(g.pause(plan, utc(2026, 12, 15)), plan.week_start(4))
    assert exact.paused == (3,)
    assert exact.week_start(3) == plan.week_start(4)
    position = g.current_week(exact, plan.week_start(4))
    assert (position.week, position.extra) == (3, False)
    assert g.due_checkins(exact, plan.week_start(4), {1, 2}) == [g.Checkin(3, plan.week_start(4))]


def test_pause_before_the_start_delays_week_one():
    plan = tokyo_plan()
    paused = g.pause(plan, utc(2026, 12, 1))
    assert g.status_line(paused, g.current_week(paused, utc(2026, 12, 10)), "en") == "Paused before it started"
    resumed = g.resume(paused, utc(2026, 12, 10))
    assert resumed.week_start(1) == utc(2026, 12, 14)


def test_end_is_final_and_transitions_refuse_what_the_state_does_not_allow():
    plan = tokyo_plan()
    ended = g.end(plan, utc(2026, 12, 23))  # week 3
    for moment in (utc(2026, 12, 24), utc(2027, 6, 1)):
        position = g.current_week(ended, moment)
        assert (position.phase, position.week) == (g.Phase.ENDED, 3)
        assert g.due_checkins(ended, moment) == []
        assert g.next_checkin(ended, moment) is None
    assert g.status_line(ended, g.current_week(ended, utc(2027, 1, 1)), "en") == "Ended in week 3"
    paused = g.pause(plan, utc(2026, 12, 20))
    in_week_3, finished = utc(2026, 12, 24), utc(2027, 2, 1)
    cases = [(g.end, ended, in_week_3, "group_already_ended"), (g.skip, ended, in_week_3, "group_not_running"),
             (g.pause, ended, in_week_3, "group_not_running"), (g.resume, plan, in_week_3, "group_not_paused"),
             (g.pause, paused, in_week_3, "group_already_paused"),
             (g.skip, paused, in_week_3, "group_paused_cannot_skip"),
             (g.pause, plan, finished, "group_not_running"), (g.skip, plan, finished, "group_not_running")]
    for action, state, moment, key in cases:
        with pytest.raises(g.TransitionError) as err:
            action(state, moment)
        assert err.value.key == key
        assert key in MESSAGES
    # A paused plan can be ended; it stays in the week it was paused in.
    stopped = g.end(g.pause(plan, utc(2026, 12, 15)), utc(2027, 1, 20))
    assert g.current_week(stopped, utc(2027, 2, 1)).week == 2


def test_plans_are_validated_and_the_clock_must_be_aware():
    with pytest.raises(PlanError, match="timezone"):
        tokyo_plan(tz="Mars/Olympus")
    with pytest.raises(PlanError, match="weeks"):
        tokyo_plan(weeks=0)
    with pytest.raises(PlanError, match="weekday"):
        tokyo_plan(checkin_weekday=7)
    with pytest.raises(PlanError, match="paused_at"):
        tokyo_plan(state="paused")
    with pytest.raises(ValueError, match="aware"):
        g.current_week(tokyo_plan(), datetime(2026, 12, 8))
    # The store keeps strings: the state is accepted as its value.
    assert tokyo_plan(state="ended", ended_at=utc(2026, 12, 8)).state is g.State.ENDED


def test_a_plan_round_trips_through_json_for_the_store():
    plan = g.pause(g.skip(tokyo_plan(tz="Europe/Berlin", checkin_weekday=4, checkin_time=time(18, 15)),
                          utc(2026, 12, 16)), utc(2026, 12, 30))
    data = plan.to_json()
    assert data["state"] == "paused"
    assert data["checkin_time"] == "18:15"
    assert data["paused_at"] == "2026-12-30T00:00:00+00:00"
    again = g.GroupPlan.from_json(data)
    assert again == plan
    assert [again.week_start(k) for k in range(1, 8)] == [plan.week_start(k) for k in range(1, 8)]
    assert g.GroupPlan.from_json({"first_stage": "core-ml", "last_stage": "core-ml", "weeks": 2,
                                  "hours_per_week": 5, "start": "2026-12-07"}) == tokyo_plan(weeks=2,
                                                                                             hours_per_week=5)


# ---------------------------------------------------------------- check-ins, exactly once


@dataclass
class ClaimTable:
    """The store's side of the protocol: (plan, week) claimed atomically, like an INSERT that fails on a
    conflicting primary key."""

    claimed: dict[int, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def claim(self, week: int, who: str) -> bool:
        with self.lock:
            if week in self.claimed:
                return False
            self.claimed[week] = who
            return True


@dataclass
class Scheduler:
    """A process's scheduler loop, reduced to its decisions: wake at next_checkin, post what is due."""

    name: str
    plan: g.GroupPlan
    table: ClaimTable
    posts: list[tuple[str, int, timedelta]] = field(default_factory=list)

    def tick(self, now: datetime) -> None:
        for checkin in g.due_checkins(self.plan, now, already_posted=set(self.table.claimed)):
            if self.table.claim(checkin.week, self.name):
                self.posts.append((self.name, checkin.week, checkin.late))

    def run(self, clock: Clock, until: datetime) -> None:
        """Sleep until each next check-in (or an hour, when none is scheduled) and tick, until ``until``."""
        while clock() < until:
            self.tick(clock())
            nxt = g.next_checkin(self.plan, clock(), set(self.table.claimed))
            clock.now = min(until, max(nxt, clock.now + timedelta(seconds=1)) if nxt else clock.now + timedelta(hours=1))


def test_each_week_is_posted_once_across_a_restart_and_late_after_downtime():
    plan = tokyo_plan()
    table = ClaimTable()
    clock = Clock(utc(2026, 12, 1))
    first = Scheduler("first", plan, table)
    first.run(clock, plan.week_start(4) - timedelta(hours=1))  # crashes an hour before week 4
    assert [w for _, w, _ in first.posts] == [1, 2, 3]
    assert all(late == timedelta(0) for _, _, late in first.posts)
    clock.advance(days=2)  # down for two days: week 4's check-in is missed
    second = Scheduler("second", plan, table)  # a new process: only the table survived
    assert g.next_checkin(plan, clock(), set(table.claimed)) == plan.week_start(4)  # in the past: due now
    second.run(clock, utc(2027, 2, 1))
    assert [w for _, w, _ in second.posts] == [4, 5, 6]
    late = second.posts[0][2]
    assert timedelta(days=1) < late < timedelta(days=2)
    assert sorted(table.claimed) == [1, 2, 3, 4, 5, 6]
    # A third process started afterwards owes nothing.
    third = Scheduler("third", plan, table)
    third.run(Clock(utc(2026, 12, 1)), utc(2027, 2, 1))
    assert third.posts == []


def test_downtime_over_a_whole_week_misses_that_week_and_posts_the_current_one_late():
    plan = tokyo_plan()
    table = ClaimTable()
    clock = Clock(utc(2026, 12, 1))
    Scheduler("a", plan, table).run(clock, plan.week_start(3) - timedelta(hours=1))
    clock.now = plan.week_start(4) + timedelta(hours=5)  # down through the whole of week 3
    assert g.missed_checkins(plan, clock(), set(table.claimed)) == [3]
    due = g.due_checkins(plan, clock(), set(table.claimed))
    assert [(c.week, c.late, c.is_late) for c in due] == [(4, timedelta(hours=5), True)]
    b = Scheduler("b", plan, table)
    b.run(clock, utc(2027, 2, 1))
    assert [w for _, w, _ in b.posts] == [4, 5, 6]
    assert 3 not in table.claimed


def test_two_processes_racing_post_each_week_exactly_once():
    plan = tokyo_plan(weeks=8)
    table = ClaimTable()
    a, b = Scheduler("a", plan, table), Scheduler("b", plan, table)
    barrier = threading.Barrier(2)

    def run(scheduler: Scheduler) -> None:
        for week in range(1, 10):  # both wake at every check-in moment, at the same time
            barrier.wait()
            moment = plan.week_start(min(week, 9))
            scheduler.tick(moment)
            scheduler.tick(moment + timedelta(seconds=30))

    threads = [threading.Thread(target=run, args=(s,)) for s in (a, b)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(10)
    weeks = sorted(w for _, w, _ in a.posts + b.posts)
    assert weeks == list(range(1, 9))


def test_a_checkin_due_now_is_on_time_and_next_checkin_follows_the_schedule():
    plan = tokyo_plan()
    at = plan.week_start(2)
    due = g.due_checkins(plan, at, {1})
    assert due == [g.Checkin(2, at, timedelta(0))]
    assert not due[0].is_late
    assert g.next_checkin(plan, at, {1, 2}) == plan.week_start(3)
    assert g.next_checkin(plan, utc(2026, 11, 1)) == plan.week_start(1)
    assert g.next_checkin(plan, plan.week_start(6), {1, 2, 3, 4, 5, 6}) is None  # the last week was posted
    assert g.due_checkins(plan, plan.week_start(7) + timedelta(days=1)) == []  # finished


# ---------------------------------------------------------------- streaks


def done_in(plan: g.GroupPlan, *weeks: int, hours: int = 30) -> dict[str, str]:
    """One item done in each of ``weeks`` (as the store's ISO timestamps), ``hours`` into the week."""
    return {f"core-ml.item{n}": (plan.week_start(w) + timedelta(hours=hours)).isoformat()
            for n, w in enumerate(weeks)}


def test_a_streak_counts_consecutive_plan_weeks_with_an_item_done():
    plan = tokyo_plan()
    in_week_4 = plan.week_start(4) + timedelta(days=2)
    assert g.member_streak(plan, done_in(plan, 1, 2, 3), in_week_4) == g.Streak(3, 3, (1, 2, 3))
    assert g.member_streak(plan, done_in(plan, 1, 2, 3, 4), in_week_4).current == 4
    gap = g.member_streak(plan, done_in(plan, 1, 2, 4), in_week_4)
    assert (gap.current, gap.longest) == (1, 2)
    lapsed = g.member_streak(plan, done_in(plan, 1, 2), in_week_4)  # nothing in week 3
    assert (lapsed.current, lapsed.longest) == (0, 2)
    assert g.member_streak(plan, {}, in_week_4) == g.Streak(0, 0, ())
    # Before the start nothing counts; items done before week 1 never count.
    early = {"core-ml.x": utc(2026, 12, 1).isoformat()}
    assert g.member_streak(plan, early, utc(2026, 12, 2)).current == 0
    assert g.member_streak(plan, early | done_in(plan, 1), plan.week_start(2)).weeks == (1,)
    # After the finish, a last week without activity ends the streak.
    finished = plan.week_start(7) + timedelta(days=3)
    assert g.member_streak(plan, done_in(plan, 1, 2, 3, 4, 5), finished).current == 0
    assert g.member_streak(plan, done_in(plan, 2, 3, 4, 5, 6), finished).current == 5


def test_streaks_follow_skips_and_count_only_the_items_asked_for():
    plan = g.skip(tokyo_plan(), utc(2026, 12, 16))  # week 2 lasts two weeks
    in_extra_week = plan.week_start(2) + timedelta(days=9)
    done = {"a": plan.week_start(1).isoformat(), "b": in_extra_week.isoformat(),
            "c": (plan.week_start(3) + timedelta(hours=1)).isoformat()}
    assert g.member_streak(plan, done, plan.week_start(3) + timedelta(days=1)).current == 3
    assert g.member_streak(plan, done, plan.week_start(3) + timedelta(days=1), only={"a", "c"}).current == 1


def test_streak_summary_counts_members_without_naming_them_and_reads_well():
    plan = tokyo_plan()
    now = plan.week_start(5)  # the week-5 check-in: week 5 has no activity yet
    members = [done_in(plan, 1, 2, 3, 4)] * 3 + [done_in(plan, 3, 4), done_in(plan, 4), done_in(plan, 1)]
    summary = g.streak_summary(g.member_streak(plan, d, now) for d in members)
    assert summary == [g.StreakCount(4, 3), g.StreakCount(2, 1)]
    assert g.streak_lines(summary, "en") == ["3 members kept a 4-week streak", "1 member kept a 2-week streak"]
    assert g.streak_lines(summary, "ja") == ["3人が4週連続で続けています", "1人が2週連続で続けています"]


def test_calendar_streak_outside_a_plan_uses_weeks_in_the_servers_timezone():
    now = jst(2026, 12, 16, 12)  # a Wednesday
    done = {"a": jst(2026, 12, 1, 10).isoformat(), "b": jst(2026, 12, 8, 10).isoformat(),
            # Sunday 23:30 in Tokyo is still the week of Dec 7 there (but Sunday 14:30 UTC)
            "c": jst(2026, 12, 13, 23, 30).astimezone(UTC).isoformat()}
    streak = g.calendar_streak(done, now, "Asia/Tokyo")
    assert (streak.current, streak.longest) == (2, 2)
    assert g.calendar_week(jst(2026, 12, 14, 0, 30)) == date(2026, 12, 14)
    assert g.calendar_week(jst(2026, 12, 14, 0, 30), "Europe/Berlin") == date(2026, 12, 7)


# ---------------------------------------------------------------- on track, group status


def test_on_track_means_every_item_scheduled_up_to_the_previous_week_is_done(kb):
    plan = tokyo_plan(first_stage="programming-data", last_stage="core-ml", weeks=8, hours_per_week=12)
    sched = g.schedule(kb, plan, "en")
    week1 = [b.item.id for b in g.week_items(sched, 1) if b.part == b.parts]
    week2_done = g.required_items(sched, 2)
    assert set(week1) <= week2_done
    members = {"all": week2_done, "none": frozenset(), "one short": week2_done - {week1[0]}}
    in_week_1 = g.on_track(plan, sched, members, plan.week_start(1) + timedelta(days=1))
    assert in_week_1.through_week == 0
    assert in_week_1.required == frozenset()
    assert set(in_week_1.on_track) == {"all", "none", "one short"}
    in_week_3 = g.on_track(plan, sched, members, plan.week_start(3) + timedelta(days=1))
    assert in_week_3.through_week == 2
    assert in_week_3.on_track == ("all",)
    assert dict(in_week_3.behind) == {"none": len(week2_done), "one short": 1}
    assert g.on_track_line(in_week_3, "en") == "1 of 3 members are on track"
    assert g.on_track_line(in_week_3, "ja") == "3人中1人が予定どおりです"
    # Once the plan has finished, every scheduled item is required.
    assert g.through_week(plan, plan.week_start(9) + timedelta(days=1)) == 8


def test_an_item_split_across_weeks_is_required_only_after_its_last_part(kb):
    plan = tokyo_plan(first_stage="core-ml", last_stage="core-ml", weeks=12, hours_per_week=5)
    sched = g.schedule(kb, plan, "en")
    split = next(b for w in sched.weeks for b in w.blocks if b.parts > 1 and b.part == 1)
    first = next(w.number for w in sched.weeks if split in w.blocks)
    last = max(w.number for w in sched.weeks for b in w.blocks if b.item.id == split.item.id)
    assert last > first
    assert split.item.id not in g.required_items(sched, last - 1)
    assert split.item.id in g.required_items(sched, last)


def test_group_status_counts_items_per_plan_week_for_all_members(kb):
    plan = tokyo_plan(first_stage="programming-data", last_stage="programming-data", weeks=4, hours_per_week=40)
    sched = g.schedule(kb, plan, "en")
    ids = sorted(g.plan_item_ids(sched))
    at = plan.week_start

    progress = {
        1: {ids[0]: at(1).isoformat(), ids[1]: (at(2) + timedelta(hours=2)).isoformat(),
            "core-ml.not-in-plan": at(2).isoformat()},
        2: {ids[2]: (at(2) + timedelta(days=3)).isoformat(), ids[3]: (at(3) + timedelta(hours=1)).isoformat()},
        3: {},
    }
    status = g.group_status(plan, sched, progress, at(3) + timedelta(days=1))
    assert status.done_per_week == (1, 2, 1, 0)
    assert status.members == 3
    assert status.position.week == 3
    # Member 1: weeks 1-2 (the item outside the plan does not count), member 2: weeks 2-3; week 3 is in
    # progress, so both kept a 2-week streak.
    assert status.streaks == (g.StreakCount(2, 2),)
    assert status.on_track.through_week == 2


# ---------------------------------------------------------------- the learner's progress data


def test_member_progress_by_stage_hours_and_activity_weeks(kb):
    now = jst(2026, 12, 16, 12)
    stage = kb.stage("core-ml")
    done = {stage.items[0].id: jst(2026, 12, 15).isoformat(), stage.items[1].id: jst(2026, 12, 2).isoformat(),
            "gone.item": jst(2026, 12, 15).isoformat()}
    progress = g.member_progress(kb, done, "core-ml", now)
    core = next(s for s in progress.stages if s.stage.id == "core-ml")
    assert (core.done, core.total, core.current) == (2, len(stage.items), True)
    assert core.hours_done == stage.items[0].hours + stage.items[1].hours
    total = sum(i.hours for s in kb.stages for i in s.items)
    assert progress.hours_done + progress.hours_left == total
    assert len(progress.activity) == 12
    assert progress.activity[-1] == g.ActivityWeek(date(2026, 12, 14), 1)
    assert progress.activity[-2] == g.ActivityWeek(date(2026, 12, 7), 0)
    assert progress.activity[-3] == g.ActivityWeek(date(2026, 11, 30), 1)
    assert not progress.empty
    assert (progress.streak.current, progress.streak.longest) == (1, 1)
    empty = g.member_progress(kb, {}, None, now)
    assert empty.empty
    assert empty.hours_done == 0
    assert not any(s.current for s in empty.stages)


# ---------------------------------------------------------------- texts


GROUP_KEYS = [k for k in MESSAGES if k.startswith(("group_", "chart_", "streak_", "weekday_", "member_label"))]


@pytest.mark.parametrize("key", GROUP_KEYS)
def test_every_study_group_message_has_both_languages_with_the_same_placeholders(key):
    entry = MESSAGES[key]
    assert set(entry) == {"ja", "en"}
    assert all(entry.values())
    fields = {lang: set(re.findall(r"\{(\w+)", text)) for lang, text in entry.items()}
    if key == "group_date":  # format_date passes every part; each language picks its own
        assert fields["ja"] | fields["en"] == {"y", "m", "d", "iso", "wd"}
    else:
        assert fields["ja"] == fields["en"]


def test_headings_status_lines_and_the_checkin_text(kb):
    assert g.week_heading(3, "en") == "Week 3"
    assert g.week_heading(3, "ja") == "第3週"
    assert g.week_heading(3, "en", 6) == "Week 3 of 6"
    assert g.week_heading(3, "ja", 6) == "第3週（全6週）"
    plan = tokyo_plan()
    assert g.status_line(plan, g.current_week(plan, utc(2026, 12, 1)), "en") == "Starts Mon 2026-12-07"
    assert g.status_line(plan, g.current_week(plan, utc(2026, 12, 1)), "ja") == "2026年12月7日（月）に開始"
    assert g.status_line(plan, g.current_week(plan, utc(2027, 3, 1)), "en") == "Finished (6 weeks)"
    sched = g.schedule(kb, plan, "ja")
    lines = g.render_checkin(plan, sched, 2, "ja", [g.StreakCount(2, 3)], late=True)
    assert lines[0] == "第2週（全6週）"
    assert lines[1] == "（予定より遅れての投稿です）"
    assert any(b.item.title.ja in line for b in g.week_items(sched, 2) for line in lines)
    assert lines[-1] == "3人が2週連続で続けています"
    free = g.render_checkin(plan, g.schedule(kb, tokyo_plan(weeks=40), "en"), 40, "en")
    assert free == ["Week 40 of 6", "No new items this week: use it to review or catch up."]
