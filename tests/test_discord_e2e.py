"""careerbot on Discord end to end: the real ``careerbot run`` code path (``python -m bot.discordbot.runner``)
in a subprocess, with the real discord.py client, against FakeDiscord on 127.0.0.1.

One fake server and one bot process serve the whole module (the restart test replaces the process); the
database lives in a temp dir and the index is the shipped prebuilt one (never rebuilt). The tests share the
database, so each uses its own learner (``learner_id(n)``) to stay clear of the per-user cooldown and of the
other tests' profiles, and sets up whatever state it needs itself; a test that changes a server setting
puts it back. After every test, and once more when the bot has stopped, :meth:`BotWorld.check` asserts that
every interaction was acknowledged within 3 s, that nothing logged a traceback, message text or the token,
and that the bot made no call Discord would reject.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _db_helpers import query_db, wait_db
from _discord_helpers import (
    EPHEMERAL,
    OTHER_BOT_ID,
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
from fakediscord import (
    ALL_PERMISSIONS,
    BOT_ID,
    CHANNEL_ID,
    DEFAULT_BOT_PERMISSIONS,
    GUILD_ID,
    MEMBER_ID,
    MEMBER_ROLE_ID,
    MODERATOR_ID,
    OWNER_ID,
    InteractionResponse,
    Perm,
)

from bot.knowledge import KnowledgeBase
from bot.messages import t

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]

LOADING = 1 << 7
WAIT = 10.0  # upper bound for any single wait on the bot
MESSAGES = rf"^/channels/{CHANNEL_ID}/messages$"
SECRET_QUESTION = "What is MLOps and where should I start"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def world(e5_engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotWorld]:
    hygiene = Hygiene(no_rejected_calls=True, rejected_ok=r"/pins/",  # the pin refusals are on purpose
                      forbidden_in_logs=(SECRET_QUESTION,))
    index = Path(e5_engine.index.directory)
    with bot_world(tmp_path_factory.mktemp("discord-e2e"), index, make_guild(20), hygiene=hygiene) as w:
        w.paths["index"] = index
        yield w


@pytest.fixture(autouse=True)
def _hygiene(world: BotWorld) -> Iterator[None]:
    with checked(world):
        yield


def _ephemeral_text(resp: InteractionResponse) -> str:
    assert is_ephemeral(resp.body), resp.body
    return message_text(resp.body)


def _no_call(w: BotWorld, method: str, path: str, mark: int, seconds: float = 1.0) -> None:
    with pytest.raises(TimeoutError):
        w.fd.wait_for_call(method, path, timeout=seconds, after=mark)


def _fields(embed: dict[str, Any]) -> dict[str, str]:
    return {f["name"]: f["value"] for f in embed.get("fields") or []}


# ------------------------------------------------------------------------------------------ set-up


def test_sync_registered_japanese_commands_and_run_never_syncs(world: BotWorld) -> None:
    commands = {c["name"]: c for c in world.fd.commands(GUILD_ID)}
    assert set(commands) == {"ask", "nextstep", "stage", "progress", "plan", "resources", "forget", "help",
                             "config", "admin"}
    assert commands["ask"]["name_localizations"]["ja"] == "質問"
    assert int(commands["config"]["default_member_permissions"]) == Perm.MANAGE_GUILD
    assert all(c["contexts"] == [0] for c in commands.values())  # guild only
    puts = world.fd.calls("PUT", r"/commands$")
    assert len(puts) == 1, "only `careerbot sync` registers commands; `careerbot run` never does"


# ------------------------------------------------------------------------------------------- answers


def test_mention_is_answered_with_a_reply_embed_that_pings_nobody(world: BotWorld) -> None:
    text = f"@everyone <@&{MEMBER_ROLE_ID}> {SECRET_QUESTION}?"
    msg, call = world.mention(learner_id(0), text)
    body = call.json
    assert call.status == 200
    assert body["allowed_mentions"] == {"parse": []}
    assert body["message_reference"]["message_id"] == int(msg["id"])
    embed = body["embeds"][0]
    assert "@everyone" not in embed["title"]
    assert f"<@&{MEMBER_ROLE_ID}>" not in embed["title"]
    assert "MLOps" in embed["description"]
    fields = _fields(embed)
    assert "(`mlops`)" in fields["Sources"]
    assert "https://" in fields["Resources"]
    assert component_ids(body) == [f"careerbot:vote:{msg['id']}:up", f"careerbot:vote:{msg['id']}:down"]
    stored = world.fd.messages(CHANNEL_ID)[-1]
    assert stored["mention_everyone"] is False
    assert stored["mention_roles"] == []
    # recorded for the feedback buttons; the question text is not kept unless the server opts in
    wait_db(world.db, "SELECT user_id, question FROM answers WHERE answer_id = ?", msg["id"],
            expect=[(learner_id(0), None)])
    world.fd.wait_until(lambda: "answered message" in world.all_logs(), WAIT, "the answer was not logged")


def test_off_topic_question_is_declined_honestly(world: BotWorld) -> None:
    _, call = world.mention(learner_id(1), "What's a good recipe for pizza dough?")
    embed = call.json["embeds"][0]
    assert embed["description"].startswith(t("decline", "en"))
    assert not embed.get("fields")
    assert "footer" not in embed  # no "was this helpful?" under a decline


def test_bots_and_plain_messages_outside_question_channels_are_ignored(world: BotWorld) -> None:
    mark = world.fd.mark()
    world.fd.inject_message(CHANNEL_ID, OTHER_BOT_ID, f"<@{BOT_ID}> What is MLOps?")
    world.fd.inject_message(CHANNEL_ID, learner_id(1), "What is MLOps? (no mention, not a question channel)")
    _no_call(world, "POST", MESSAGES, mark)


def test_ask_defers_then_answers_with_the_embed(world: BotWorld) -> None:
    inter = world.slash("ask", {"question": "MLOpsって何から始めればいい？"}, user_id=learner_id(2))
    followup = world.reply(inter, "followup")
    first = world.fd.interaction_responses(inter)[0]
    assert (first.kind, first.type) == ("callback", 5)
    assert first.elapsed < 3.0
    assert not int((first.body.get("data") or {}).get("flags") or 0) & EPHEMERAL  # visible to the channel
    embed = followup.body["embeds"][0]
    assert embed["title"] == "❓ MLOpsって何から始めればいい？"
    assert JAPANESE.search(embed["description"])  # answered in the question's language
    assert [f["name"] for f in embed["fields"]][:2] == ["出典", "おすすめの教材"]
    assert followup.body["allowed_mentions"] == {"parse": []}
    assert component_ids(followup.body) == [f"careerbot:vote:{inter.id}:up", f"careerbot:vote:{inter.id}:down"]
    original = world.fd.message(int(followup.message["id"]))
    assert original is not None
    assert not int(original["flags"]) & (LOADING | EPHEMERAL)


def test_cooldown_on_ask_and_on_channel_questions(world: BotWorld) -> None:
    user = learner_id(3)
    first = world.slash("ask", {"question": "Do ML engineers need SQL?"}, user_id=user)
    assert world.reply(first).type == 5
    second = world.slash("ask", {"question": "And statistics?"}, user_id=user)
    resp = world.reply(second)
    assert resp.type == 4
    assert "Please wait" in _ephemeral_text(resp)
    mark = world.fd.mark()
    msg = world.fd.inject_message(CHANNEL_ID, user, f"<@{BOT_ID}> One more question?")
    # In a channel the refusal is a ⏳ on the question, never a public "please wait" message.
    world.fd.wait_until(lambda: world.fd.reactions(int(msg["id"])) == ["⏳"], WAIT, "no ⏳ on the question")
    assert [c for c in world.fd.calls("POST", MESSAGES) if c.id > mark] == []
    world.reply(first, "followup")  # the first question was answered all the same


def test_what_next_is_answered_from_the_stored_stage_and_progress(world: BotWorld, kb: KnowledgeBase) -> None:
    user = learner_id(12)
    world.final(world.slash("stage set", {"stage": "mlops"}, user_id=user))
    done = kb.stage("mlops").items[0]
    world.final(world.slash("progress done", {"item": done.id}, user_id=user))
    _, call = world.mention(user, "What should I do next?")
    embed = call.json["embeds"][0]
    [steps, *_] = embed["fields"]  # a "what next?" answer: the steps right under the text
    assert steps["name"] == "Next steps"
    assert f"**{kb.stage('mlops').items[1].title.en}**" in steps["value"]  # the first item not done yet
    assert done.title.en not in steps["value"]
    assert "](<https://" in steps["value"]  # each step with its resource


# ------------------------------------------------------------------------------------------ follow-ups


def _set_threads(w: BotWorld, enabled: bool) -> None:
    reply = w.final(w.slash("config threads", {"enabled": enabled}, user_id=OWNER_ID))
    assert message_text(reply.body) == t("threads_on" if enabled else "threads_off", "en")


def test_a_follow_up_in_the_answer_thread_is_answered_in_context_without_a_mention(world: BotWorld,
                                                                                 kb: KnowledgeBase) -> None:
    _set_threads(world, True)
    try:
        mark = world.fd.mark()
        question = "MLOpsって何から始めればいい？"
        msg = world.fd.inject_message(CHANNEL_ID, learner_id(13), f"<@{BOT_ID}> {question}")
        world.fd.wait_for_call("POST", rf"/messages/{msg['id']}/threads$", timeout=WAIT, after=mark)
        thread = int(msg["id"])  # a thread started from a message has the message's id
        first = world.fd.wait_for_call("POST", rf"^/channels/{thread}/messages$", timeout=WAIT, after=mark)
        answer = first.json["embeds"][0]
        assert JAPANESE.search(answer["description"])
        sources = _fields(answer)["出典"]

        # "in English", no mention: the same question, answered again in English, in the thread
        mark = world.fd.mark()
        english_msg, english = world.say(learner_id(14), "英語で", channel=thread)
        embed = english.json["embeds"][0]
        assert embed["title"] == f"❓ {question}"  # what was answered: the question the thread is about
        assert not JAPANESE.search(embed["description"])
        assert "MLOps" in embed["description"]
        assert _fields(embed)["Sources"].count("(`") == sources.count("(`")
        assert re.findall(r"\(`([^`]+)`\)", _fields(embed)["Sources"]) == re.findall(r"\(`([^`]+)`\)", sources)
        assert world.fd.calls("POST", r"/threads$")[-1].id < mark  # no second thread for a follow-up

        # "tell me more": the full text of the English answer's first source
        _, more = world.say(learner_id(15), "もっと詳しく", channel=thread)
        first_source = re.findall(r"\(`([^`]+)`\)", _fields(embed)["Sources"])[0]
        detail = more.json["embeds"][0]["description"]
        assert detail == kb.doc(first_source).text.en[:4096]
        assert len(detail) > len(embed["description"]) // 2
        wait_db(world.db, "SELECT count(*) FROM answers WHERE answer_id = ?", english_msg["id"], expect=[(1,)])
    finally:
        _set_threads(world, False)


def test_a_reply_to_an_answer_is_a_follow_up(world: BotWorld) -> None:
    question = "機械学習エンジニアになるには、どの順番で学べばいいですか？"
    _, answer = world.mention(learner_id(16), question)
    assert JAPANESE.search(answer.json["embeds"][0]["description"])
    answer_id = int(answer.response["id"])
    # a reply to the bot's answer (it pings the bot, as on Discord) in a channel that is no question channel
    _, call = world.say(learner_id(17), "in English", reply_to=answer_id)
    embed = call.json["embeds"][0]
    assert embed["title"] == f"❓ {question}"
    assert not JAPANESE.search(embed["description"])
    # a reply to anything else (here: a member's message, so it pings the member) is not a question
    mark = world.fd.mark()
    other = world.fd.inject_message(CHANNEL_ID, learner_id(17), "a plain remark")
    world.fd.inject_message(CHANNEL_ID, learner_id(18), "英語で", reply_to=int(other["id"]))
    _no_call(world, "POST", MESSAGES, mark)


# ---------------------------------------------------------------------------------- stage & progress


def test_autocomplete_returns_at_most_25_choices(world: BotWorld) -> None:
    ac = world.autocomplete("stage set", {"stage": ""}, focused="stage", user_id=learner_id(4))
    choices = world.reply(ac).body["data"]["choices"]
    assert [c["value"] for c in choices] == ["education", "programming-data", "core-ml", "projects", "mlops",
                                             "work-experience", "specialization"]
    ac = world.autocomplete("stage set", {"stage": "mlo"}, focused="stage", locale="ja")
    assert world.reply(ac).body["data"]["choices"] == [
        {"name": "5. MLOpsとデプロイ：Notebookから本番環境へ (mlops)", "value": "mlops"}]
    ac = world.autocomplete("progress done", {"item": ""}, focused="item", user_id=learner_id(4))
    choices = world.reply(ac).body["data"]["choices"]
    assert len(choices) == 25  # 46 checklist items across all stages: capped at Discord's 25
    assert all(len(c["name"]) <= 100 for c in choices)


def test_stage_set_then_nextstep_reflects_it(world: BotWorld) -> None:
    user = learner_id(4)
    resp = world.reply(world.slash("stage set", {"stage": "mlops"}, user_id=user))
    assert resp.type == 4
    assert "Your stage is now 5. MLOps" in _ephemeral_text(resp)
    assert query_db(world.db, "SELECT stage FROM profiles WHERE user_id = ?", user) == [("mlops",)]
    resp = world.reply(world.slash("nextstep", user_id=user))
    text = _ephemeral_text(resp)
    assert "Current stage: 5. MLOps" in text
    assert "`mlops.notebook-to-code`" in text
    resp = world.reply(world.slash("stage set", {"stage": "mlopz"}, user_id=user))
    assert "Did you mean `mlops`?" in _ephemeral_text(resp)


def test_completed_stage_offers_an_advance_button_only_the_asker_can_press(world: BotWorld) -> None:
    user, other = learner_id(5), learner_id(6)
    world.reply(world.slash("stage set", {"stage": "education"}, user_id=user))
    items = ["choose-route", "linear-algebra", "calculus", "probability-statistics", "cs-fundamentals"]
    for item in items:  # bare slugs resolve within the learner's stage
        resp = world.reply(world.slash("progress done", {"item": item}, user_id=user))
    assert "That completes your stage!" in _ephemeral_text(resp)
    resp = world.reply(world.slash("progress done", {"item": "calculs"}, user_id=user))
    assert "Did you mean `education.calculus`?" in _ephemeral_text(resp)

    resp = world.reply(world.slash("nextstep", user_id=user))
    [button] = component_ids(resp.body["data"])
    message_id = int(resp.message["id"])
    refused = world.reply(world.click(button, message_id, other))
    assert "Only the person who ran this command" in _ephemeral_text(refused)
    assert query_db(world.db, "SELECT stage FROM profiles WHERE user_id = ?", user) == [("education",)]
    moved = world.reply(world.click(button, message_id, user))
    assert moved.type == 7
    assert moved.body["data"]["embeds"][0]["title"].startswith("You moved on to 2.")
    assert query_db(world.db, "SELECT stage FROM profiles WHERE user_id = ?", user) == [("programming-data",)]


def test_self_assessment_proposes_and_writes_only_after_confirmation(world: BotWorld) -> None:
    user = learner_id(7)
    resp = world.reply(world.slash("stage assess", user_id=user, locale="ja"))
    assert resp.body["data"]["embeds"][0]["title"] == "質問 1/6"
    message_id = int(resp.message["id"])
    yes, _no = component_ids(resp.body["data"])
    resp = world.reply(world.click(yes, message_id, user))
    assert resp.body["data"]["embeds"][0]["title"] == "質問 2/6"
    _yes, no = component_ids(resp.body["data"])
    resp = world.reply(world.click(no, message_id, user))
    assert "「2. プログラミングとデータ分析" in resp.body["data"]["embeds"][0]["description"]
    assert query_db(world.db, "SELECT stage FROM profiles WHERE user_id = ?", user) == []
    confirm, _cancel = component_ids(resp.body["data"])
    world.reply(world.click(confirm, message_id, user))
    assert query_db(world.db, "SELECT stage FROM profiles WHERE user_id = ?", user) == [("programming-data",)]


# ------------------------------------------------------------------------------------------- plans


def test_plan_show_is_ephemeral_and_split_into_messages(world: BotWorld) -> None:
    inter = world.slash("plan show", {"weeks": 104, "hours": 20, "stage": "education", "to": "specialization"},
                        user_id=learner_id(8))
    first = world.reply(inter)
    assert first.type == 5
    assert int(first.body["data"]["flags"]) & EPHEMERAL
    world.fd.wait_until(
        lambda: any("–104: free" in (r.body.get("content") or "") for r in world.fd.interaction_responses(inter)),
        WAIT, "the last part of the plan (the free weeks up to week 104) never arrived")
    parts = [r.body for r in world.fd.interaction_responses(inter) if r.kind == "followup"]
    assert len(parts) >= 3
    assert all(len(p["content"]) <= 2000 and int(p["flags"]) & EPHEMERAL for p in parts)
    assert parts[0]["content"].startswith("**Study plan: ")


def _pin_plan(w: BotWorld, user: int, channel: int = CHANNEL_ID, options: dict[str, Any] | None = None,
              **kw: Any) -> InteractionResponse:
    # A later start: a plan starting today would post its first check-in in the channel during the tests.
    options = options or {"stage": "core-ml", "weeks": 20, "hours": 10, "start": "2099-01-05"}
    inter = w.slash("plan pin", options, user_id=user, channel_id=channel, **kw)
    first = w.reply(inter)
    if first.type == 5:
        return w.reply(inter, "followup")
    return first


def test_plan_pin_by_a_moderator_pins_and_a_newer_plan_replaces_it(world: BotWorld) -> None:
    before = {m["id"] for m in world.fd.pins(CHANNEL_ID)}
    whole_roadmap = {"stage": "education", "to": "specialization", "weeks": 60, "hours": 20, "start": "2099-01-05"}
    resp = _pin_plan(world, MODERATOR_ID, options=whole_roadmap)
    assert "Posted and pinned the plan" in _ephemeral_text(resp)
    [pinned] = [m for m in world.fd.pins(CHANNEL_ID) if m["id"] not in before]
    assert pinned["content"].startswith("**Study plan: Foundations")
    assert pinned["attachments"][0]["filename"] == "study-plan.md"  # the plan is longer than one message
    resp = _pin_plan(world, MODERATOR_ID)
    assert world.fd.pins(CHANNEL_ID)[0]["content"].startswith("**Study plan: Core algorithms")
    assert "replacing the previous one" in _ephemeral_text(resp)
    [newer] = [m for m in world.fd.pins(CHANNEL_ID) if m["id"] not in before]
    assert newer["id"] != pinned["id"]
    assert world.fd.message(int(pinned["id"])) is None  # the older plan was deleted
    assert query_db(world.db, "SELECT message_id FROM pinned_plans WHERE channel_id = ?", CHANNEL_ID) == [
        (int(newer["id"]),)]


def test_plan_pin_by_a_member_is_refused_and_pins_nothing(world: BotWorld) -> None:
    before = world.fd.pins(CHANNEL_ID)
    mark = world.fd.mark()
    resp = _pin_plan(world, MEMBER_ID)
    assert resp.type == 4
    assert "needs the Manage Messages permission" in _ephemeral_text(resp)
    assert world.fd.pins(CHANNEL_ID) == before
    assert [c for c in world.fd.calls("POST", MESSAGES) if c.id > mark] == []


def test_plan_pin_without_the_bots_pin_permission_says_so(world: BotWorld) -> None:
    before = world.fd.pins(CHANNEL_ID)
    world.fd.set_bot_permissions(GUILD_ID, DEFAULT_BOT_PERMISSIONS & ~Perm.MANAGE_MESSAGES)
    try:
        mark = world.fd.mark()
        resp = _pin_plan(world, MODERATOR_ID)  # app_permissions show it: refused before posting anything
        assert "I don't have permission to pin messages in this channel" in _ephemeral_text(resp)
        _no_call(world, "POST", MESSAGES, mark, 0.3)
        # Discord's app_permissions said yes but the pin call is refused (403, code 50013):
        resp = _pin_plan(world, MODERATOR_ID, app_permissions=ALL_PERMISSIONS)
        assert "I don't have permission to pin messages in this channel" in _ephemeral_text(resp)
        refused = [c for c in world.fd.calls(None, r"/pins/") if c.id > mark]
        assert refused
        assert refused[0].status == 403
        assert refused[0].response["code"] == 50013
        posted = world.fd.wait_for_call("POST", MESSAGES, timeout=1, after=mark)
        assert world.fd.message(int(posted.response["id"])) is None  # the unpinnable post was removed
    finally:
        world.fd.set_bot_permissions(GUILD_ID, DEFAULT_BOT_PERMISSIONS)
    assert world.fd.pins(CHANNEL_ID) == before


def test_plan_pin_at_the_pin_limit_says_so(world: BotWorld) -> None:
    world.fd.seed_pins(THIRD_CHANNEL_ID, 50 - len(world.fd.pins(THIRD_CHANNEL_ID)))
    resp = _pin_plan(world, MODERATOR_ID, channel=THIRD_CHANNEL_ID)
    assert "limit of 50 pinned messages" in _ephemeral_text(resp)
    assert len(world.fd.pins(THIRD_CHANNEL_ID)) == 50
    assert all(m["content"].startswith("seeded pin") for m in world.fd.messages(THIRD_CHANNEL_ID))


# ------------------------------------------------------------------------------------- other commands


def test_command_in_a_dm_is_refused(world: BotWorld) -> None:
    dm = world.fd.dm_channel_id(MEMBER_ID)
    resp = world.reply(world.slash("help", channel_id=dm, user_id=MEMBER_ID))
    assert resp.type == 4
    assert _ephemeral_text(resp) == t("guild_only", "en")


def test_help_follows_the_client_language(world: BotWorld) -> None:
    resp = world.reply(world.slash("help", locale="ja"))
    assert _ephemeral_text(resp).startswith("careerbot でできること")
    resp = world.reply(world.slash("help", locale="en-GB"))
    assert _ephemeral_text(resp).startswith("What careerbot can do")
    assert t("help_follow_ups", "en") in _ephemeral_text(resp)


def test_resources_for_a_topic_and_for_a_stage(world: BotWorld) -> None:
    inter = world.slash("resources", {"topic": "Docker"}, user_id=learner_id(8))
    assert world.reply(inter).type == 5
    text = _ephemeral_text(world.reply(inter, "followup"))
    assert "https://docs.docker.com/get-started/" in text
    inter = world.slash("resources", {"stage": "mlops"}, user_id=learner_id(8))
    text = _ephemeral_text(world.reply(inter, "followup"))
    assert "5. MLOps" in text
    assert "https://" in text


def test_question_channels_and_threads_are_configured_by_admins(world: BotWorld) -> None:
    resp = world.reply(world.slash("config show", user_id=learner_id(9)))
    assert "needs the Manage Server permission" in _ephemeral_text(resp)
    resp = world.reply(world.slash("config qa-channel add", {"channel": SECOND_CHANNEL_ID}, user_id=OWNER_ID))
    assert f"<#{SECOND_CHANNEL_ID}>" in _ephemeral_text(resp)
    try:
        msg, call = world.say(learner_id(9), "How do I prepare for ML interviews?", channel=SECOND_CHANNEL_ID)
        assert call.json["embeds"][0]["fields"]

        _set_threads(world, True)
        mark = world.fd.mark()
        msg = world.fd.inject_message(SECOND_CHANNEL_ID, learner_id(10), "Which cloud should I learn for MLOps?")
        thread = world.fd.wait_for_call("POST", rf"/messages/{msg['id']}/threads$", timeout=WAIT, after=mark)
        assert thread.json["name"] == "Which cloud should I learn for MLOps?"
        answer = world.fd.wait_for_call("POST", rf"^/channels/{msg['id']}/messages$", timeout=WAIT, after=mark)
        assert answer.json["embeds"][0]["fields"]
        assert answer.json["allowed_mentions"] == {"parse": []}
    finally:
        _set_threads(world, False)
        resp = world.reply(world.slash("config qa-channel remove", {"channel": SECOND_CHANNEL_ID},
                                       user_id=OWNER_ID))
    assert "no longer" in _ephemeral_text(resp)
    mark = world.fd.mark()
    world.fd.inject_message(SECOND_CHANNEL_ID, learner_id(11), "Is this still answered?")
    _no_call(world, "POST", rf"^/channels/{SECOND_CHANNEL_ID}/messages$", mark)


# ---------------------------------------------------------------------------------------- restarts


def test_restart_keeps_profiles_and_feedback_buttons_keep_working(world: BotWorld) -> None:
    world.final(world.slash("stage set", {"stage": "projects"}, user_id=learner_id(19)))
    msg, call = world.mention(learner_id(11), "What does an ML engineer do?")
    reply_id = int(call.response["id"])
    wait_db(world.db, "SELECT count(*) FROM answers WHERE answer_id = ?", msg["id"], expect=[(1,)])
    manifest = (world.paths["index"] / "manifest.json").read_text()
    world.restart()
    assert (world.paths["index"] / "manifest.json").read_text() == manifest  # loaded, not rebuilt

    up = f"careerbot:vote:{msg['id']}:up"
    resp = world.reply(world.click(up, reply_id, MEMBER_ID))
    assert resp.type == 4
    assert _ephemeral_text(resp) == t("vote_thanks_up", "en")
    down = world.reply(world.click(f"careerbot:vote:{msg['id']}:down", reply_id, MODERATOR_ID))
    assert _ephemeral_text(down) == t("vote_thanks_down", "en")
    votes = query_db(world.db, "SELECT user_id, vote FROM feedback WHERE answer_id = ? ORDER BY user_id",
                     msg["id"])
    assert votes == [(MODERATOR_ID, -1), (MEMBER_ID, 1)]

    resp = world.reply(world.slash("stage show", user_id=learner_id(19)))
    assert _ephemeral_text(resp).startswith("Your stage: 4. ")


def test_after_a_restart_the_bots_threads_are_still_answered_without_a_mention(world: BotWorld) -> None:
    _set_threads(world, True)
    try:
        mark = world.fd.mark()
        msg = world.fd.inject_message(CHANNEL_ID, learner_id(18), f"<@{BOT_ID}> What does an ML engineer do?")
        thread = int(msg["id"])
        world.fd.wait_for_call("POST", rf"^/channels/{thread}/messages$", timeout=WAIT, after=mark)
        world.restart()  # the answers in memory are gone; the thread is still the bot's
        _, call = world.say(learner_id(19), "Do ML engineers need SQL?", channel=thread)
        embed = call.json["embeds"][0]
        assert embed["title"] == "❓ Do ML engineers need SQL?"  # a new question, answered in the thread
        assert "SQL" in embed["description"]
    finally:
        _set_threads(world, False)


def test_forget_deletes_after_confirmation(world: BotWorld) -> None:
    user = learner_id(19)
    world.final(world.slash("stage set", {"stage": "mlops"}, user_id=user))
    resp = world.reply(world.slash("forget", user_id=user))
    confirm, _cancel = component_ids(resp.body["data"])
    assert query_db(world.db, "SELECT count(*) FROM profiles WHERE user_id = ?", user) == [(1,)]
    done = world.reply(world.click(confirm, int(resp.message["id"]), user))
    assert done.body["data"]["content"].startswith("Done: deleted")
    assert query_db(world.db, "SELECT count(*) FROM profiles WHERE user_id = ?", user) == [(0,)]
