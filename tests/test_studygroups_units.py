"""Fast tests of the study groups' Discord layer without Discord: the clock a test sets, the buttons' custom
ids within Discord's limits, when a check-in counts as late, and the /plan pin options."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from bot.clock import FileClock, SystemClock, clock_for
from bot.config import Config
from bot.discordbot.exts.plans import PlanInputError, group_plan_from
from bot.discordbot.studygroups import LATE_AFTER, checkin_nonce, is_late, is_open, jump_url
from bot.discordbot.ui.groups import DONE_TEMPLATE, GROUP_TEMPLATE, MAX_BUTTONS, checkin_view, pinned_view
from bot.groups import GroupPlan, end, schedule
from bot.knowledge import KnowledgeBase
from bot.store import GroupPlanRow

UTC = timezone.utc


def test_the_bot_takes_its_time_from_a_file_only_when_a_test_names_one(tmp_path: Path) -> None:
    assert isinstance(clock_for(None), SystemClock)
    assert Config.from_mapping({}).test_clock is None
    config = Config.from_mapping({"CAREERBOT_TEST_CLOCK": str(tmp_path / "clock.txt")})
    assert "clock" not in repr(config)
    clock = clock_for(config.test_clock)
    assert isinstance(clock, FileClock)
    before = datetime.now(UTC)
    assert before <= clock.now() <= datetime.now(UTC)  # no file yet: the system time
    clock.set(datetime(2026, 12, 7, 9, 0, tzinfo=timezone(timedelta(hours=9))))
    assert clock.now() == datetime(2026, 12, 7, 0, 0, tzinfo=UTC)
    assert clock.now().tzinfo is UTC
    (tmp_path / "clock.txt").write_text("2026-12-08T10:00:00")  # without an offset: UTC
    assert clock.now() == datetime(2026, 12, 8, 10, 0, tzinfo=UTC)
    with pytest.raises(ValueError, match="aware"):
        clock.set(datetime(2026, 12, 8))
    assert clock.tick < SystemClock.tick


def test_the_buttons_custom_ids_fit_discord_and_round_trip(kb: KnowledgeBase) -> None:
    plan = GroupPlan("education", "specialization", 1, 80.0, date(2026, 12, 7))
    big = 2**63 - 1
    for view in (pinned_view(big, "ja"), checkin_view(big, 104, [i for s in kb.stages for i in s.items], "en")):
        assert view is not None
        assert len(view.children) <= MAX_BUTTONS
        for button in view.children:
            custom_id = button.custom_id  # type: ignore[attr-defined]
            assert len(custom_id) <= 100, custom_id
            assert re.fullmatch(GROUP_TEMPLATE, custom_id) or re.fullmatch(DONE_TEMPLATE, custom_id), custom_id
            assert 1 <= len(button.item.label) <= 80  # type: ignore[attr-defined]
    labels = [b.item.label for b in pinned_view(1, "ja").children]  # type: ignore[attr-defined]
    assert labels == ["参加", "退出", "DMでリマインド"]
    week = schedule(kb, plan, "ja").weeks[0]
    view = checkin_view(1, 1, [b.item for b in week.blocks], "ja")
    assert view is not None
    assert all(b.item.label.startswith("完了: ") for b in view.children)  # type: ignore[attr-defined]
    assert checkin_view(1, 1, [], "en") is None
    assert len(checkin_nonce(big, 104)) <= 25
    assert checkin_nonce(3, 2) == "cb3w2"
    assert jump_url(1, 2, 3) == "https://discord.com/channels/1/2/3"


def _row(created: datetime) -> GroupPlanRow:
    return GroupPlanRow(1, 1, 1, 1, {}, "active", "en", 0, None, 1, created.isoformat(), created.isoformat())


def test_a_checkin_is_late_only_well_after_its_moment_or_its_plan_was_pinned() -> None:
    due = datetime(2026, 12, 7, 0, 0, tzinfo=UTC)
    pinned_before = _row(due - timedelta(days=3))
    assert not is_late(pinned_before, due, due + timedelta(milliseconds=30))  # the scheduler's own wake-up
    assert not is_late(pinned_before, due, due + LATE_AFTER)
    assert is_late(pinned_before, due, due + LATE_AFTER + timedelta(seconds=1))  # missed during downtime
    pinned_after = _row(due + timedelta(hours=3))  # a plan starting today, pinned after the check-in time
    assert not is_late(pinned_after, due, due + timedelta(hours=3, seconds=5))
    assert is_late(pinned_after, due, due + timedelta(hours=4))


def test_a_finished_or_ended_plan_is_closed() -> None:
    plan = GroupPlan("core-ml", "core-ml", 2, 5.0, date(2026, 12, 7))
    start = plan.week_start(1)
    assert is_open(plan, start - timedelta(days=1))
    assert is_open(plan, start + timedelta(days=8))
    assert not is_open(plan, plan.week_start(3))
    assert not is_open(end(plan, start), start + timedelta(hours=1))


def test_pin_options_make_the_group_plan(kb: KnowledgeBase) -> None:
    today = date(2026, 12, 3)
    plan = group_plan_from("core-ml", "mlops", 6, 10, None, 2, "7:30", "Europe/Berlin", lambda tz: today, kb, "en")
    assert (plan.first_stage, plan.last_stage, plan.weeks, plan.hours_per_week) == ("core-ml", "mlops", 6, 10.0)
    assert (plan.start, plan.checkin_weekday, plan.checkin_time, plan.tz) == (today, 2, time(7, 30),
                                                                              "Europe/Berlin")
    defaults = group_plan_from("3", None, 4, 5, "2026-12-07", 0, None, None, lambda tz: today, kb, "ja")
    assert (defaults.first_stage, defaults.last_stage) == ("core-ml", "core-ml")
    assert (defaults.start, defaults.checkin_time, defaults.tz) == (date(2026, 12, 7), time(9, 0), "Asia/Tokyo")
    for bad, message in [({"tz": "Mars/Olympus"}, "Unknown timezone"), ({"start": "7 Dec"}, "start date"),
                         ({"at": "25:00"}, "check-in time"), ({"stage": "nope"}, "nope")]:
        args = {"stage": "core-ml", "start": None, "at": None, "tz": None, **bad}
        with pytest.raises(PlanInputError, match=message):
            group_plan_from(args["stage"], None, 4, 5, args["start"], 0, args["at"], args["tz"],
                            lambda tz: today, kb, "en")
