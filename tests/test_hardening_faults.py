"""Faults around a running careerbot (a subprocess against FakeDiscord, one for the module): a dropped
gateway connection, the database locked by another writer, and Discord answering 429 or 5xx to a reply or a
pin. The bot must acknowledge every interaction within 3 s, never post twice, never lose a pin or a
committed row, and tell the user something when it cannot finish.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _db_helpers import query_db, write_lock
from _discord_helpers import (
    BotWorld,
    bot_world,
    checked,
    component_ids,
    is_ephemeral,
    learner_id,
    make_guild,
    message_text,
)
from fakediscord import CHANNEL_ID, GUILD_ID, MODERATOR_ID

from bot.messages import t

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]

WAIT = 15.0
BUSY_WAIT = 3.5  # CAREERBOT_DB_BUSY_WAIT for this bot: more than Discord's 3 s, to show the deferral matters
MESSAGES = rf"^/channels/{CHANNEL_ID}/messages$"
PINS = rf"^/channels/{CHANNEL_ID}/messages/pins/\d+$"
BUSY = t("busy", "en")
TROUBLE = t("discord_trouble", "en")
OTHER_WRITER = "INSERT INTO guild_settings (guild_id, store_questions) VALUES (?, 1)"


@pytest.fixture(scope="module")
def world(e5_engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotWorld]:
    work = tmp_path_factory.mktemp("hardening-faults")
    with bot_world(work, Path(e5_engine.index.directory), make_guild(30), CAREERBOT_ASK_COOLDOWN="0",
                   CAREERBOT_DB_BUSY_WAIT=str(BUSY_WAIT)) as w:
        yield w


@pytest.fixture(autouse=True)
def _each_test(world: BotWorld) -> Iterator[None]:
    """No fault a test armed outlives it; every interaction acknowledged in time, no traceback."""
    try:
        with checked(world):
            yield
    finally:
        world.fd.clear_faults()


def _answers_to(w: BotWorld, msg: dict) -> list[dict]:
    return [m for m in w.fd.messages(int(msg["channel_id"]))
            if (m.get("message_reference") or {}).get("message_id") == msg["id"]]


# --------------------------------------------------------------------------------------------- gateway


@pytest.mark.parametrize("abrupt", [False, True], ids=["close-4000", "tcp-reset"])
def test_dropped_gateway_resumes_and_answers_the_interaction_that_arrived_meanwhile(world: BotWorld,
                                                                                    abrupt: bool) -> None:
    identifies, resumes = world.fd.identify_count, world.fd.resume_count
    world.fd.drop_gateway(4000, abrupt=abrupt)
    inter = world.slash("ask", {"question": "Do ML engineers need SQL?"}, user_id=learner_id(0 + abrupt))
    world.fd.wait_for_resume(resumes + 1, timeout=WAIT)
    assert world.first(inter).elapsed < 3.0
    reply = world.final(inter, WAIT)
    assert "SQL" in message_text(reply.body)
    assert world.fd.identify_count == identifies  # resumed, not a new session


# ----------------------------------------------------------------------------------- database locked


def test_locked_database_gets_a_busy_reply_in_time_and_nothing_is_lost(world: BotWorld) -> None:
    user = learner_id(10)
    done = world.final(world.slash("progress done", {"item": "education.calculus"}, user_id=user))
    assert "Marked" in message_text(done.body)
    # another process's write transaction, committed at the end (its row must survive)
    with write_lock(world.db, BUSY_WAIT + 1.0, OTHER_WRITER, (4242,)):
        inter = world.slash("stage set", {"stage": "mlops"}, user_id=user)
        first = world.first(inter)
        assert first.elapsed < 3.0
        assert first.type == 5  # acknowledged while the store was still retrying
        reply = world.final(inter, WAIT)
        assert is_ephemeral(reply.body)
        assert message_text(reply.body) == BUSY
        assert query_db(world.db, "SELECT stage FROM profiles WHERE user_id = ?", user) == [(None,)]
    # the other writer's row and the bot's earlier row are both there; a retry now works
    assert query_db(world.db, "SELECT store_questions FROM guild_settings WHERE guild_id = 4242") == [(1,)]
    assert query_db(world.db, "SELECT item_id FROM progress WHERE user_id = ?", user) == [("education.calculus",)]
    again = world.final(world.slash("stage set", {"stage": "mlops"}, user_id=user))
    assert "Your stage is now 5. MLOps" in message_text(again.body)
    assert query_db(world.db, "SELECT stage FROM profiles WHERE user_id = ?", user) == [("mlops",)]


def test_a_button_click_waits_out_a_short_lock_and_then_succeeds(world: BotWorld) -> None:
    user = learner_id(11)
    world.final(world.slash("stage set", {"stage": "core-ml"}, user_id=user))
    prompt = world.final(world.slash("forget", user_id=user))
    confirm, _cancel = component_ids(prompt.body["data"])
    with write_lock(world.db, 3.0, OTHER_WRITER, (4343,)):  # longer than the 2 s grace, with a margin
        click = world.click(confirm, int(prompt.message["id"]), user)
        first = world.first(click)
        assert first.elapsed < 3.0
        assert first.type == 6  # a silent acknowledgement; the message is edited when the delete is done
        edited = world.fd.wait_for_interaction_response(click, "edit_original", timeout=WAIT)
    assert edited.body["content"].startswith("Done: deleted")
    assert edited.body["components"] == []
    assert query_db(world.db, "SELECT count(*) FROM profiles WHERE user_id = ?", user) == [(0,)]
    assert query_db(world.db, "SELECT count(*) FROM guild_settings WHERE guild_id = 4343") == [(1,)]


# ----------------------------------------------------------------------------------- Discord 429 / 5xx


def test_429_on_the_answer_is_retried_and_posts_exactly_once(world: BotWorld) -> None:
    mark = world.fd.mark()
    world.fd.fail_next("POST", MESSAGES, 429, retry_after=0.5)
    msg, call = world.mention(learner_id(20), "Do ML engineers need SQL?")
    assert call.json["allowed_mentions"] == {"parse": []}
    posts = [c for c in world.fd.calls("POST", MESSAGES) if c.id > mark]
    assert [c.status for c in posts] == [429, 200]
    assert len(_answers_to(world, msg)) == 1


def test_a_5xx_after_discord_created_the_answer_does_not_post_it_twice(world: BotWorld) -> None:
    mark = world.fd.mark()
    world.fd.fail_next("POST", MESSAGES, 500, apply=True)  # created, but the bot only sees the 500
    msg, _ = world.mention(learner_id(21), "How do I prepare for ML interviews?")
    posts = [c for c in world.fd.calls("POST", MESSAGES) if c.id > mark]
    assert [c.status for c in posts] == [500, 200]  # discord.py retried...
    assert len(_answers_to(world, msg)) == 1  # ...with the same nonce (enforce_nonce): the same message back


def test_a_question_delivered_twice_is_answered_once(world: BotWorld) -> None:
    """The gateway delivers at least once: the answer's nonce is the question's id, so a second delivery
    of the same MESSAGE_CREATE gets the first answer back instead of posting another."""
    msg, first = world.mention(learner_id(24), "Which Python libraries should I learn first?")
    world.fd.dispatch("MESSAGE_CREATE", msg)
    second = world.fd.wait_for_call("POST", MESSAGES, timeout=WAIT, after=first, predicate=lambda c: str(
        ((c.json or {}).get("message_reference") or {}).get("message_id")) == msg["id"])
    assert second.response["id"] == first.response["id"]
    assert len(_answers_to(world, msg)) == 1


def test_429_on_an_interaction_followup_is_retried_once(world: BotWorld) -> None:
    world.fd.fail_next("POST", r"^/webhooks/\d+/[^/]+$", 429, retry_after=0.3)
    inter = world.slash("ask", {"question": "What does an ML engineer do?"}, user_id=learner_id(22))
    reply = world.final(inter, WAIT)
    assert reply.body["allowed_mentions"] == {"parse": []}
    followups = [r for r in world.fd.interaction_responses(inter) if r.kind == "followup"]
    assert len(followups) == 1


def _pin(w: BotWorld) -> tuple[str, dict]:
    # (a later start: a plan starting today would post its first check-in in the channel during the tests)
    inter = w.slash("plan pin", {"stage": "core-ml", "weeks": 20, "hours": 10, "start": "2099-01-05"},
                    user_id=MODERATOR_ID)
    assert w.first(inter).elapsed < 3.0
    reply = w.final(inter, WAIT)
    assert is_ephemeral(reply.body)
    return message_text(reply.body), reply.body


def _plans(w: BotWorld) -> list[dict]:
    return [m for m in w.fd.messages(CHANNEL_ID) if m["content"].startswith("**Study plan")]


def test_500_on_the_pin_then_success_pins_once_and_records_it(world: BotWorld) -> None:
    mark = world.fd.mark()
    world.fd.fail_next("POST", MESSAGES, 502, apply=True)  # the plan post: created, response lost
    world.fd.fail_next("PUT", PINS, 500)
    text, _ = _pin(world)
    assert text.startswith("Posted and pinned the plan")
    [plan] = _plans(world)
    assert [p["id"] for p in world.fd.pins(CHANNEL_ID)] == [plan["id"]]
    assert [c.status for c in world.fd.calls("PUT", PINS) if c.id > mark] == [500, 204]
    assert query_db(world.db, "SELECT guild_id, message_id FROM pinned_plans WHERE channel_id = ?", CHANNEL_ID) == [
        (GUILD_ID, int(plan["id"]))]


def test_persistent_5xx_on_the_pin_keeps_the_previous_plan_and_tells_the_user(world: BotWorld) -> None:
    assert _pin(world)[0].startswith("Posted and pinned the plan")  # the plan that must stay pinned
    [previous] = _plans(world)
    world.fd.fail_next("PUT", PINS, 503, times=5)  # 503: discord.py does not retry it
    text, _ = _pin(world)
    assert text == TROUBLE
    assert _plans(world) == [previous]  # the new post was removed again
    assert [p["id"] for p in world.fd.pins(CHANNEL_ID)] == [previous["id"]]
    assert query_db(world.db, "SELECT message_id FROM pinned_plans WHERE channel_id = ?", CHANNEL_ID) == [
        (int(previous["id"]),)]


def test_persistent_5xx_on_a_channel_answer_flags_the_question(world: BotWorld) -> None:
    mark = world.fd.mark()
    world.fd.fail_next("POST", MESSAGES, 503, times=3)
    msg = world.fd.inject_message(CHANNEL_ID, learner_id(23), f"<@{world.fd.bot.id}> What is MLOps?")
    reaction = world.fd.wait_for_call("PUT", rf"^/channels/{CHANNEL_ID}/messages/{msg['id']}/reactions/",
                                      timeout=WAIT, after=mark)
    assert 200 <= reaction.status < 300
    assert world.fd.reactions(int(msg["id"])) == ["⚠️"]
    assert _answers_to(world, msg) == []
