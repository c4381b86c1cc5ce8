"""Study groups end to end: the real bot in a subprocess against FakeDiscord, on a clock the test sets.

The bot takes its time from a file (``CAREERBOT_TEST_CLOCK``, bot/clock.py): the test writes a moment into
it and the bot's scheduler, which looks at the clock every 0.2 s under a test clock, sees the plan's weeks
roll over. One module-wide bot serves the tests in order (the 6-week plan runs through them); the permission
and moderator tests use the other channels.

Done when (issue 10): a 6-week group plan runs end to end: pin, joins, six check-ins across a restart, items
marked, the status picture.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from _db_helpers import query_db, wait_db
from _discord_helpers import (
    SECOND_CHANNEL_ID,
    THIRD_CHANNEL_ID,
    BotWorld,
    Hygiene,
    bot_world,
    checked,
    component_ids,
    is_ephemeral,
    learner_id,
    make_guild,
    message_text,
)
from fakediscord import BOT_ID, CHANNEL_ID, GUILD_ID, MEMBER_ID, MODERATOR_ID, OWNER_ID, InjectedInteraction

from bot.charts import GROUP_SIZE, MEMBER_SIZE
from bot.clock import FileClock
from bot.messages import t

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

JST = ZoneInfo("Asia/Tokyo")
MONDAY = datetime(2026, 12, 7, 9, 0, tzinfo=JST)  # week 1 of the plan begins here (Monday 09:00 JST)
WAIT = 10.0
WEEK_RE = re.compile(r"^\*\*Week (\d+) of \d+\*\*")
PLAN = {"stage": "core-ml", "weeks": 6, "hours": 10, "start": "2026-12-07"}
MEMBERS = [learner_id(n) for n in range(6)]


def week_moment(week: int, minutes: float = 1) -> datetime:
    return MONDAY + timedelta(weeks=week - 1, minutes=minutes)


@pytest.fixture(scope="module")
def world(e5_engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotWorld]:
    workdir = tmp_path_factory.mktemp("discord-groups")
    clock = FileClock(workdir / "clock.txt")
    clock.set(MONDAY - timedelta(days=3))  # Friday before the plan starts
    hygiene = Hygiene(no_rejected_calls=True, no_errors_logged=True)
    with bot_world(workdir, Path(e5_engine.index.directory), make_guild(12), hygiene=hygiene,
                   CAREERBOT_TEST_CLOCK=str(clock.path)) as w:
        w.paths["clock"] = clock.path
        yield w


@pytest.fixture(autouse=True)
def _hygiene(world: BotWorld) -> Iterator[None]:
    with checked(world):
        yield


def set_clock(w: BotWorld, moment: datetime) -> None:
    FileClock(w.paths["clock"]).set(moment)


def answer(w: BotWorld, inter: InjectedInteraction) -> str:
    """The text the user finally reads (ephemeral)."""
    resp = w.final(inter)
    body = resp.body if resp.kind == "callback" else {"data": resp.body}
    assert is_ephemeral(body), body
    return message_text(body)


def checkins(w: BotWorld, channel: int = CHANNEL_ID) -> dict[int, list[dict[str, Any]]]:
    """week -> the check-in posts of that week in the channel."""
    out: dict[int, list[dict[str, Any]]] = {}
    for m in w.fd.messages(channel):
        match = WEEK_RE.match(m.get("content") or "")
        if match and int(m["author"]["id"]) == BOT_ID:
            out.setdefault(int(match[1]), []).append(m)
    return out


def wait_checkin(w: BotWorld, week: int, channel: int = CHANNEL_ID) -> dict[str, Any]:
    posts = w.fd.wait_until(lambda: checkins(w, channel).get(week), WAIT, f"no week {week} check-in")
    return posts[0]


def group_message(w: BotWorld, channel: int = CHANNEL_ID) -> dict[str, Any]:
    """The channel's pinned group plan (the message its newest plan recorded)."""
    [(message_id,)] = query_db(w.db, "SELECT message_id FROM group_plans WHERE channel_id = ? AND state <> 'draft'"
                                     " ORDER BY id DESC LIMIT 1", channel)
    [pinned] = [m for m in w.fd.pins(channel) if int(m["id"]) == message_id]
    return pinned


def embed_text(message: dict[str, Any]) -> str:
    return "\n".join(f"{e.get('title')}\n{e.get('description')}" for e in message.get("embeds") or [])


def wait_pinned(w: BotWorld, text: str, channel: int = CHANNEL_ID) -> dict[str, Any]:
    return w.fd.wait_until(lambda: (m := group_message(w, channel)) and text in embed_text(m) and m, WAIT,
                           f"the pinned plan never showed {text!r}: {embed_text(group_message(w, channel))}")


def pin(w: BotWorld, options: dict[str, Any], channel: int = CHANNEL_ID, user: int = MODERATOR_ID,
        locale: str = "en-US") -> str:
    return answer(w, w.slash("plan pin", options, user_id=user, channel_id=channel, locale=locale))


def plan_id(w: BotWorld, channel: int = CHANNEL_ID) -> int:
    return query_db(w.db, "SELECT id FROM group_plans WHERE channel_id = ? AND state <> 'draft'"
                          " ORDER BY id DESC LIMIT 1", channel)[0][0]


def png_size(data: bytes) -> tuple[int, int]:
    from PIL import Image

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    with Image.open(io.BytesIO(data)) as img:
        return img.size


# ------------------------------------------------------------------------------- the 6-week plan


def test_a_moderator_pins_a_group_plan_with_join_and_leave_buttons(world: BotWorld) -> None:
    text = pin(world, PLAN)
    assert "Posted and pinned the plan" in text
    pinned = group_message(world)
    assert pinned["content"].startswith("**Study plan: ")
    shown = embed_text(pinned)
    assert "Study group: Core algorithms" in shown
    assert "Starts Mon 2026-12-07" in shown
    assert "Members: 0" in shown
    assert "Mondays at 09:00 (Asia/Tokyo)" in shown
    pid = plan_id(world)
    assert component_ids(pinned) == [f"careerbot:group:{pid}:join", f"careerbot:group:{pid}:leave",
                                     f"careerbot:group:{pid}:remind"]
    labels = [c["label"] for row in pinned["components"] for c in row["components"]]
    assert labels == ["Join", "Leave", "DM reminder"]
    row = query_db(world.db, "SELECT guild_id, channel_id, message_id, state, lang FROM group_plans WHERE id = ?",
                   pid)
    assert row == [(GUILD_ID, CHANNEL_ID, int(pinned["id"]), "active", "en")]
    assert checkins(world) == {}  # nothing before the start


def test_members_join_and_leave_and_the_pinned_message_follows(world: BotWorld) -> None:
    pid, message = plan_id(world), int(group_message(world)["id"])
    for user in MEMBERS:
        assert "You joined the study group" in answer(world, world.click(f"careerbot:group:{pid}:join", message, user))
    assert answer(world, world.click(f"careerbot:group:{pid}:join", message, MEMBERS[0])) == \
        t("sg_already_member", "en")
    wait_pinned(world, "Members: 6")
    leaver = MEMBERS[-1]
    assert answer(world, world.click(f"careerbot:group:{pid}:leave", message, leaver)) == t("sg_left", "en")
    assert answer(world, world.click(f"careerbot:group:{pid}:leave", message, leaver)) == t("sg_not_member", "en")
    wait_pinned(world, "Members: 5")
    assert query_db(world.db, "SELECT user_id FROM group_members WHERE plan_id = ? ORDER BY user_id", pid) == \
        [(u,) for u in MEMBERS[:-1]]
    # a member asks for a reminder with the button, another with /plan remind; a non-member cannot
    assert answer(world, world.click(f"careerbot:group:{pid}:remind", message, MEMBERS[0])) == \
        t("sg_remind_on", "en")
    assert answer(world, world.slash("plan remind", {"enabled": True}, user_id=MEMBERS[1])) == \
        t("sg_remind_on", "en")
    assert answer(world, world.slash("plan remind", {"enabled": True}, user_id=leaver)) == \
        t("sg_remind_join_first", "en")
    assert query_db(world.db, "SELECT user_id FROM group_reminders WHERE plan_id = ? ORDER BY user_id", pid) == \
        [(MEMBERS[0],), (MEMBERS[1],)]


def _mark(w: BotWorld, week: int, users: list[int], items: int = 1) -> None:
    post = wait_checkin(w, week)
    ids = [c for c in component_ids(post) if c.startswith("careerbot:done:")][:items]
    assert ids, post
    for user in users:
        for custom_id in ids:
            text = answer(w, w.click(custom_id, int(post["id"]), user))
            assert text.startswith(("Marked", "\"")), text


def test_week_one_is_posted_at_its_moment_with_done_buttons_and_reminders(world: BotWorld) -> None:
    set_clock(world, MONDAY - timedelta(minutes=1))
    with pytest.raises(TimeoutError):
        world.fd.wait_until(lambda: checkins(world), 1.0)
    set_clock(world, week_moment(1, minutes=0.01))
    post = wait_checkin(world, 1)
    pid = plan_id(world)
    lines = post["content"].splitlines()
    assert lines[0] == "**Week 1 of 6**"
    assert "posted late" not in post["content"]
    assert "- Linear and logistic regression (part 1/2): 10 h" in lines
    done = [c for c in component_ids(post) if c.startswith(f"careerbot:done:{pid}:1:")]
    assert done == [f"careerbot:done:{pid}:1:core-ml.linear-regression"]
    assert post["components"][0]["components"][0]["label"] == "Done: Linear and logistic regression"
    wait_pinned(world, "Week 1 of 6")
    # the reminders went out by DM, once, to the two who asked
    for user in MEMBERS[:2]:
        dm = world.fd.dm_channel_id(user)
        world.fd.wait_until(lambda dm=dm: world.fd.messages(dm), WAIT, f"no reminder DM to {user}")
        [reminder] = world.fd.messages(dm)
        assert "Week 1 of 6" in reminder["content"]
        assert post["id"] in reminder["content"]  # the link to the check-in
    assert world.fd.messages(world.fd.dm_channel_id(MEMBERS[2])) == []


def test_done_buttons_write_the_members_progress(world: BotWorld) -> None:
    post = wait_checkin(world, 1)
    pid = plan_id(world)
    [custom_id] = [c for c in component_ids(post) if c.startswith("careerbot:done:")]
    set_clock(world, week_moment(1, minutes=90))
    text = answer(world, world.click(custom_id, int(post["id"]), MEMBERS[0]))
    assert text == t("sg_marked_done", "en", title="Linear and logistic regression", d=1, n=1)
    again = answer(world, world.click(custom_id, int(post["id"]), MEMBERS[0]))
    assert again == t("sg_already_done", "en", title="Linear and logistic regression", d=1, n=1)
    stamp = query_db(world.db, "SELECT done_at FROM progress WHERE user_id = ? AND item_id = ?", MEMBERS[0],
                     "core-ml.linear-regression")
    assert stamp == [(week_moment(1, minutes=90).astimezone(ZoneInfo("UTC")).isoformat(timespec="microseconds"),)]
    # a non-member's click writes their progress too, and tells them how to count in the group
    outsider = answer(world, world.click(custom_id, int(post["id"]), MEMBER_ID))
    assert t("sg_done_join_hint", "en") in outsider
    assert query_db(world.db, "SELECT count(*) FROM progress WHERE user_id = ?", MEMBER_ID) == [(1,)]
    assert query_db(world.db, "SELECT count(*) FROM group_members WHERE plan_id = ? AND user_id = ?", pid,
                    MEMBER_ID) == [(0,)]
    _mark(world, 1, MEMBERS[1:4])


def test_weeks_two_and_three_roll_over_and_post_once(world: BotWorld) -> None:
    for week in (2, 3):
        set_clock(world, week_moment(week))
        post = wait_checkin(world, week)
        assert post["content"].startswith(f"**Week {week} of 6**")
        wait_pinned(world, f"Week {week} of 6")
        set_clock(world, week_moment(week, minutes=60))
        _mark(world, week, MEMBERS[:3], items=2)
    assert "3 members kept a 2-week streak" in checkins(world)[3][0]["content"]


def test_a_week_that_began_during_a_restart_is_posted_once_late(world: BotWorld) -> None:
    world.bot.stop()
    world.logs.append(world.bot.stdout + world.bot.stderr)
    set_clock(world, week_moment(4, minutes=180))  # the bot was down at 09:00 of week 4
    world.restart()
    post = wait_checkin(world, 4)
    assert t("group_checkin_late", "en") in post["content"]
    wait_pinned(world, "Week 4 of 6")
    _mark(world, 4, MEMBERS[:2])
    world.restart()  # up again during the same week: nothing is posted twice
    set_clock(world, week_moment(4, minutes=240))
    with pytest.raises(TimeoutError):
        world.fd.wait_until(lambda: len(checkins(world).get(4, [])) > 1, 2.0)


def test_weeks_five_and_six_then_the_plan_finishes(world: BotWorld) -> None:
    for week in (5, 6):
        set_clock(world, week_moment(week))
        wait_checkin(world, week)
        set_clock(world, week_moment(week, minutes=30))
        _mark(world, week, MEMBERS[:1])
    set_clock(world, week_moment(7))  # the plan is over: no week 7, the buttons go
    pinned = wait_pinned(world, "Finished (6 weeks)")
    assert component_ids(pinned) == []
    posts = checkins(world)
    assert sorted(posts) == [1, 2, 3, 4, 5, 6]
    assert [len(p) for p in posts.values()] == [1] * 6  # each week exactly once, across two restarts
    pid = plan_id(world)
    assert query_db(world.db, "SELECT week, late FROM group_checkins WHERE plan_id = ? ORDER BY week", pid) == \
        [(1, 0), (2, 0), (3, 0), (4, 1), (5, 0), (6, 0)]
    # the reminders: one DM per week each, none for the weeks before they asked
    for user in MEMBERS[:2]:
        assert len(world.fd.messages(world.fd.dm_channel_id(user))) == 6


def test_the_status_picture_and_the_member_picture(world: BotWorld) -> None:
    mark = world.fd.mark()
    inter = world.slash("plan status", user_id=MODERATOR_ID)
    resp = world.final(inter)
    assert is_ephemeral({"data": resp.body})
    assert resp.body["content"].startswith("Finished (6 weeks) · 5 member(s)")
    [upload] = resp.call.files
    assert upload.filename == "group-status.png"
    assert png_size(upload.data) == GROUP_SIZE
    assert [c for c in world.fd.calls("GET", r"/members/") if c.id > mark] == []  # no names: counts only

    # names only once the server opts in (a Manage Server setting)
    assert "needs the Manage Server permission" in answer(
        world, world.slash("config show-names", {"enabled": True}, user_id=MEMBER_ID))
    assert answer(world, world.slash("config show-names", {"enabled": True}, user_id=OWNER_ID)) == \
        t("sg_names_on", "en")
    try:
        assert "Name members in study groups: on" in answer(world, world.slash("config show", user_id=OWNER_ID))
        mark = world.fd.mark()
        resp = world.final(world.slash("plan status", {"share": True}, user_id=MODERATOR_ID))
        assert not is_ephemeral({"data": resp.body})  # shared in the channel
        assert png_size(resp.call.files[0].data) == GROUP_SIZE
        looked_up = {c.path.rsplit("/", 1)[1] for c in world.fd.calls("GET", r"/members/") if c.id > mark}
        assert looked_up
        assert looked_up <= {str(u) for u in MEMBERS}  # the named members, nobody else
    finally:
        answer(world, world.slash("config show-names", {"enabled": False}, user_id=OWNER_ID))

    world.final(world.slash("stage set", {"stage": "core-ml"}, user_id=MEMBERS[0]))
    inter = world.slash("progress show", user_id=MEMBERS[0])
    resp = world.final(inter)
    [upload] = resp.call.files
    assert upload.filename == "progress.png"
    assert png_size(upload.data) == MEMBER_SIZE
    embed = resp.body["embeds"][0]
    assert embed["image"]["url"] == "attachment://progress.png"
    assert embed["footer"]["text"].startswith("Streak:")


# ------------------------------------------------------------------------------- moderators only


MODERATOR_COMMANDS = ["plan checkin", "plan pause", "plan resume", "plan skip", "plan end", "plan status"]


@pytest.mark.parametrize("command", ["plan pin", *MODERATOR_COMMANDS])
def test_a_member_is_refused_every_moderator_command_at_run_time(world: BotWorld, command: str) -> None:
    options = PLAN if command == "plan pin" else None
    before = world.fd.mark()
    text = answer(world, world.slash(command, options, user_id=MEMBER_ID, channel_id=SECOND_CHANNEL_ID))
    assert "needs the Manage Messages permission in this channel" in text
    assert [c for c in world.fd.calls("POST", rf"^/channels/{SECOND_CHANNEL_ID}/messages$") if c.id > before] == []


def test_moderators_pause_resume_skip_and_end_a_japanese_plan(world: BotWorld) -> None:
    now = week_moment(7, minutes=10)  # a Monday, after the first plan finished
    set_clock(world, now)
    channel = SECOND_CHANNEL_ID

    def mod(command: str) -> str:
        return answer(world, world.slash(command, user_id=MODERATOR_ID, channel_id=channel))

    assert mod("plan pause") == t("sg_none", "en")
    start = now.date().isoformat()
    assert "ピン留め" in pin(world, {"stage": "mlops", "weeks": 3, "hours": 5, "start": start, "time": "08:00"},
                             channel=channel, locale="ja")
    post = wait_checkin_ja(world, 1, channel)  # 08:00 today has passed: week 1 is owed at once
    assert post["components"][0]["components"][0]["label"].startswith("完了: ")
    assert "参加" in [c["label"] for row in group_message(world, channel)["components"] for c in row["components"]]
    assert mod("plan checkin").startswith("This week's check-in is already posted")

    assert mod("plan pause") == t("sg_paused", "en")
    assert mod("plan pause") == t("group_already_paused", "en")
    wait_pinned(world, "一時停止中（第1週）", channel)
    set_clock(world, now + timedelta(weeks=2))  # two check-in moments pass while paused: nothing is posted
    assert mod("plan resume") == t("sg_resumed", "en", status="Week 1 of 3 (extra week)")
    set_clock(world, now + timedelta(weeks=2, days=1))
    assert mod("plan skip").startswith("Skipped a week")
    set_clock(world, now + timedelta(weeks=3, days=1))
    with pytest.raises(TimeoutError):  # the skip gave week 1 another week
        world.fd.wait_until(lambda: checkins_ja(world, channel).get(2), 1.0)
    set_clock(world, now + timedelta(weeks=4, hours=1))
    wait_checkin_ja(world, 2, channel)
    assert mod("plan end") == t("sg_ended", "en")
    assert mod("plan end") == t("group_already_ended", "en")
    pinned = wait_pinned(world, "第2週で終了", channel)
    assert component_ids(pinned) == []
    assert sorted(checkins_ja(world, channel)) == [1, 2]


def checkins_ja(w: BotWorld, channel: int) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    for m in w.fd.messages(channel):
        match = re.match(r"^\*\*第(\d+)週（全\d+週）\*\*", m.get("content") or "")
        if match:
            out.setdefault(int(match[1]), []).append(m)
    return out


def wait_checkin_ja(w: BotWorld, week: int, channel: int) -> dict[str, Any]:
    return w.fd.wait_until(lambda: checkins_ja(w, channel).get(week), WAIT, f"no 第{week}週 check-in")[0]


def test_checkin_posts_the_current_week_now_before_its_moment(world: BotWorld) -> None:
    channel = THIRD_CHANNEL_ID
    now = week_moment(12, minutes=-60)  # Monday 08:00: the plan starts at 09:00
    set_clock(world, now)
    pin(world, {"stage": "projects", "weeks": 2, "hours": 8}, channel=channel)  # starts today (the clock's)
    assert "Starts Mon 2027-02-22" in embed_text(group_message(world, channel))
    text = answer(world, world.slash("plan checkin", user_id=MODERATOR_ID, channel_id=channel))
    assert text.startswith("Posted the check-in:")
    wait_checkin(world, 1, channel)
    set_clock(world, week_moment(12, minutes=5))  # the scheduled moment: already posted, not again
    with pytest.raises(TimeoutError):
        world.fd.wait_until(lambda: len(checkins(world, channel).get(1, [])) > 1, 1.5)
    assert answer(world, world.slash("plan checkin", user_id=MODERATOR_ID, channel_id=channel)).startswith(
        "This week's check-in is already posted")


def test_forget_removes_membership_and_reminder(world: BotWorld) -> None:
    user = MEMBERS[0]
    pid = plan_id(world)
    assert query_db(world.db, "SELECT count(*) FROM group_members WHERE user_id = ?", user) == [(1,)]
    resp = world.reply(world.slash("forget", user_id=user))
    confirm, _cancel = component_ids(resp.body["data"])
    world.reply(world.click(confirm, int(resp.message["id"]), user))
    wait_db(world.db, "SELECT count(*) FROM group_members WHERE user_id = ?", user, expect=[(0,)])
    assert query_db(world.db, "SELECT count(*) FROM group_reminders WHERE user_id = ?", user) == [(0,)]
    assert query_db(world.db, "SELECT count(*) FROM group_members WHERE plan_id = ?", pid) == [(4,)]
