"""Privacy and permissions of careerbot on Discord (the bot as a subprocess against FakeDiscord):

* question text is not stored unless the server opted in (``/config store-questions``), and the logs at
  INFO level carry neither message text nor the token;
* ``/forget`` removes every row about the user: every table of the database is searched for the user's id
  and for the text of their questions after the confirmation click;
* moderator actions check the member's permissions *in that channel* at run time (a channel overwrite that
  denies Manage Messages to the moderators' role refuses ``/plan pin`` there), and server commands used in a
  DM are refused with a clear sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _db_helpers import db_snapshot, query_db, rows_mentioning, wait_db
from _discord_helpers import (
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
from fakediscord import CHANNEL_ID, MEMBER_ID, MODERATOR_ID, MODERATOR_ROLE_ID, OWNER_ID, ChannelSpec, Perm

from bot.messages import t

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]

WAIT = 15.0
DENIED_CHANNEL_ID = 2004  # Manage Messages denied to the moderators' role by a channel overwrite
SECRET_CHANNEL = "Zanzibar-quokka: is MLOps worth learning"
SECRET_ASK = "Zanzibar-pangolin: do ML engineers need SQL"
GUILD_ONLY = t("guild_only", "en")


@pytest.fixture(scope="module")
def world(e5_engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotWorld]:
    guild = make_guild(12)
    guild.channels.append(ChannelSpec(id=DENIED_CHANNEL_ID, name="study-group", position=3, permission_overwrites=[
        {"id": str(MODERATOR_ROLE_ID), "type": 0, "allow": "0", "deny": str(int(Perm.MANAGE_MESSAGES))}]))
    work = tmp_path_factory.mktemp("hardening-privacy")
    hygiene = Hygiene(forbidden_in_logs=("Zanzibar", "Walrus"))  # no question text in the logs, ever
    with bot_world(work, Path(e5_engine.index.directory), guild, hygiene=hygiene, CAREERBOT_ASK_COOLDOWN="0") as w:
        yield w


@pytest.fixture(autouse=True)
def _hygiene(world: BotWorld) -> Iterator[None]:
    with checked(world):
        yield


def _ask(w: BotWorld, question: str, user: int) -> tuple[int, int]:
    """/ask; returns the interaction id (the answer id) and the id of the answer message."""
    inter = w.slash("ask", {"question": question}, user_id=user)
    reply = w.final(inter, WAIT)
    assert reply.body["embeds"]
    wait_db(w.db, "SELECT count(*) FROM answers WHERE answer_id = ?", str(inter.id), expect=[(1,)])
    return inter.id, int(reply.message["id"])


def _vote(w: BotWorld, answer_id: int | str, message_id: int, user: int) -> None:
    reply = w.final(w.click(f"careerbot:vote:{answer_id}:up", message_id, user))
    assert message_text(reply.body).startswith("Thanks for the feedback")


# ---------------------------------------------------------------------------------- stored questions


def test_question_text_is_not_stored_by_default_nor_logged(world: BotWorld) -> None:
    msg, call = world.mention(learner_id(0), SECRET_CHANNEL)
    assert call.json["embeds"]
    wait_db(world.db, "SELECT user_id, question FROM answers WHERE answer_id = ?", msg["id"],
            expect=[(learner_id(0), None)])
    _ask(world, SECRET_ASK, learner_id(0))
    assert rows_mentioning(world.db, None, (SECRET_CHANNEL, SECRET_ASK, "Zanzibar")) == []
    assert query_db(world.db, "SELECT count(*) FROM questions") == [(0,)]

    logs = world.all_logs()
    assert "[INFO" in logs
    assert "answered message" in logs
    assert "Zanzibar" not in logs
    assert world.fd.token not in logs


# ---------------------------------------------------------------------------------------- /forget


def test_forget_removes_every_row_about_the_user(world: BotWorld) -> None:
    user, other = learner_id(1), learner_id(2)
    secrets = ("Walrus-fjord: how do I deploy a model", "Walrus-tundra: what is MLOps")
    reply = world.final(world.slash("config store-questions", {"enabled": True}, user_id=OWNER_ID))
    assert message_text(reply.body) == t("store_on", "en")
    try:
        _forget_everything_about(world, user, other, secrets)
    finally:
        reply = world.final(world.slash("config store-questions", {"enabled": False}, user_id=OWNER_ID))
        assert message_text(reply.body) == t("store_off", "en")


def _forget_everything_about(world: BotWorld, user: int, other: int, secrets: tuple[str, str]) -> None:
    world.final(world.slash("stage set", {"stage": "core-ml"}, user_id=user))
    world.final(world.slash("progress done", {"item": "core-ml.linear-regression"}, user_id=user))
    mine, mine_msg = _ask(world, secrets[0], user)
    theirs, theirs_msg = _ask(world, "How do I prepare for ML interviews?", other)
    channel_msg, channel_reply = world.mention(user, secrets[1])
    wait_db(world.db, "SELECT count(*) FROM answers WHERE answer_id = ?", channel_msg["id"], expect=[(1,)])
    _vote(world, mine, mine_msg, user)  # on their own answer
    _vote(world, theirs, theirs_msg, user)  # on someone else's answer
    _vote(world, channel_msg["id"], int(channel_reply.response["id"]), other)  # someone else on theirs

    before = {table for table, _ in rows_mentioning(world.db, user, secrets)}
    assert before >= {"profiles", "progress", "answers", "questions", "feedback"}

    prompt = world.final(world.slash("forget", user_id=user))
    assert is_ephemeral(prompt.body)
    confirm, _cancel = component_ids(prompt.body["data"])
    done = world.final(world.click(confirm, int(prompt.message["id"]), user))
    assert message_text(done.body).startswith("Done: deleted")

    assert rows_mentioning(world.db, user, secrets) == []  # every table, every column
    # someone else's vote on the forgotten user's answer stays, without the copied question text
    assert query_db(world.db, "SELECT user_id, question FROM feedback WHERE answer_id = ?", channel_msg["id"]) == [
        (other, None)]
    assert query_db(world.db, "SELECT count(*) FROM answers WHERE user_id = ?", other) == [(1,)]
    # nor does the bot remember their question for follow-ups: a reply "in English" to that answer is now
    # a new question (a reply pings the bot), not their question again in English
    _, again = world.say(other, "英語で", reply_to=int(channel_reply.response["id"]))
    assert again.json["embeds"][0]["title"] == "❓ 英語で"
    assert "Walrus" not in message_text(again.json)


# ------------------------------------------------------------------------------------- permissions


def test_a_channel_overwrite_denying_manage_messages_refuses_plan_pin_there(world: BotWorld) -> None:
    assert world.fd.member_permissions(CHANNEL_ID, MODERATOR_ID) & Perm.MANAGE_MESSAGES
    assert not world.fd.member_permissions(DENIED_CHANNEL_ID, MODERATOR_ID) & Perm.MANAGE_MESSAGES
    mark = world.fd.mark()
    options = {"stage": "core-ml", "weeks": 20, "hours": 10, "start": "2099-01-05"}  # no check-in meanwhile
    inter = world.slash("plan pin", options, user_id=MODERATOR_ID, channel_id=DENIED_CHANNEL_ID)
    reply = world.final(inter)
    assert reply.type == 4
    assert is_ephemeral(reply.body)
    assert message_text(reply.body) == "Pinning a group plan needs the Manage Messages permission in this channel."
    assert world.fd.pins(DENIED_CHANNEL_ID) == []
    assert world.fd.calls("POST", rf"^/channels/{DENIED_CHANNEL_ID}/messages$") == []
    assert query_db(world.db, "SELECT count(*) FROM pinned_plans") == [(0,)]

    allowed = world.final(world.slash("plan pin", options, user_id=MODERATOR_ID), WAIT)  # #general: allowed
    assert message_text(allowed.body).startswith("Posted and pinned the plan")
    assert [c.path for c in world.fd.calls("PUT", r"/pins/") if c.id > mark] == [
        f"/channels/{CHANNEL_ID}/messages/pins/{world.fd.pins(CHANNEL_ID)[0]['id']}"]


def test_server_commands_in_a_dm_are_refused_with_a_clear_sentence(world: BotWorld) -> None:
    dm = world.fd.dm_channel_id(MEMBER_ID)
    before = db_snapshot(world.db)
    for name, options in [("ask", {"question": "What is MLOps?"}), ("stage set", {"stage": "mlops"}),
                          ("progress done", {"item": "core-ml.linear-regression"}), ("forget", None),
                          ("plan pin", {"stage": "core-ml", "weeks": 4, "hours": 5}), ("admin reload", None),
                          ("config store-questions", {"enabled": True})]:
        reply = world.final(world.slash(name, options, channel_id=dm, user_id=MEMBER_ID))
        assert reply.type == 4, name
        assert is_ephemeral(reply.body)
        assert message_text(reply.body) == GUILD_ONLY, name
    assert db_snapshot(world.db) == before


def test_admin_reload_is_for_server_managers_only(world: BotWorld) -> None:
    commands = {c["name"]: c for c in world.fd.commands(1001)}
    assert int(commands["admin"]["default_member_permissions"]) == Perm.MANAGE_GUILD
    assert "reload" in {o["name"] for o in commands["admin"]["options"]}
    reply = world.final(world.slash("admin reload", user_id=MEMBER_ID))
    assert message_text(reply.body) == "Changing these settings needs the Manage Server permission."
