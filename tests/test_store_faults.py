"""Database faults under a running careerbot (issue 9, part 4), against FakeDiscord: the bot is a subprocess
with its SQLite database in a temp dir, and each test breaks that database the way an operator or a disk
would.

* Corrupted: ``/ask`` and mentions keep answering (the profile lookup failing only drops personalisation);
  a write command says "couldn't save; nothing changed".
* Deleted (``rm careerbot.sqlite3*``) while running: every write command says "couldn't save; nothing
  changed" instead of confirming a write that would be lost, the log says why, and questions are answered.
* Locked by another process's long write: questions are still answered promptly.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from _db_helpers import query_db, write_lock
from _discord_helpers import (
    SECOND_CHANNEL_ID,
    BotWorld,
    bot_world,
    checked,
    component_ids,
    is_ephemeral,
    learner_id,
    make_guild,
    message_text,
)
from fakediscord import MODERATOR_ID, OWNER_ID

from bot.messages import t

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]

WAIT = 15.0
STORE_FAILED = t("store_failed", "en")
QUESTION = "Do ML engineers need SQL?"


@pytest.fixture(scope="module")
def world(e5_engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotWorld]:
    work = tmp_path_factory.mktemp("store-faults")
    with bot_world(work, Path(e5_engine.index.directory), make_guild(30), CAREERBOT_ASK_COOLDOWN="0",
                   CAREERBOT_DB_BUSY_WAIT="4") as w:
        yield w


@pytest.fixture
def fresh(world: BotWorld, tmp_path: Path) -> Iterator[BotWorld]:
    """The bot restarted on a new database of its own (each test breaks its database for good); the
    world's hygiene (every interaction acknowledged in 3 s, no traceback in the log) checked afterwards."""
    world.db = tmp_path / "careerbot.sqlite3"
    world.restart(CAREERBOT_DB=str(world.db))
    with checked(world):
        yield world


def _ask_and_mention_still_answer(w: BotWorld, user: int) -> None:
    inter = w.slash("ask", {"question": QUESTION}, user_id=user)
    reply = w.final(inter, WAIT)
    assert not is_ephemeral(reply.body), message_text(reply.body)
    assert "SQL" in message_text(reply.body)
    _, call = w.mention(user, QUESTION)
    assert "SQL" in message_text(call.json)


def _every_write_says_nothing_changed(w: BotWorld, user: int) -> None:
    """Each write command, run on the broken database, is refused in one ephemeral sentence."""
    commands = [
        ("stage set", {"stage": "mlops"}, user),
        ("progress done", {"item": "education.calculus"}, user),
        ("config store-questions", {"enabled": True}, OWNER_ID),
        ("config threads", {"enabled": True}, OWNER_ID),
        ("config qa-channel add", {"channel": SECOND_CHANNEL_ID}, OWNER_ID),
        ("plan pin", {"stage": "core-ml", "weeks": 20, "hours": 10}, MODERATOR_ID),
    ]
    for name, options, who in commands:
        reply = w.final(w.slash(name, options, user_id=who), WAIT)
        assert is_ephemeral(reply.body), name
        assert message_text(reply.body) == STORE_FAILED, (name, message_text(reply.body))
    # /forget: the confirmation click
    prompt = w.final(w.slash("forget", user_id=user))
    confirm, _cancel = component_ids(prompt.body["data"])
    click = w.click(confirm, int(prompt.message["id"]), user)
    assert w.first(click).elapsed < 3.0
    reply = w.final(click, WAIT)
    assert message_text(reply.body) == STORE_FAILED
    # a vote on an answer
    msg, _ = w.mention(learner_id(29), QUESTION)
    answer = [m for m in w.fd.messages(int(msg["channel_id"]))
              if (m.get("message_reference") or {}).get("message_id") == msg["id"]][-1]
    vote = w.reply(w.click(f"careerbot:vote:{msg['id']}:up", int(answer["id"]), user))
    assert message_text(vote.body) == STORE_FAILED


def test_a_corrupted_database_still_answers_and_refuses_writes(fresh: BotWorld) -> None:
    w, user = fresh, learner_id(1)
    w.final(w.slash("stage set", {"stage": "core-ml"}, user_id=user))  # a profile to personalise with
    _ask_and_mention_still_answer(w, user)
    for suffix in ("", "-wal", "-shm"):  # the disk returns garbage (same files, same inodes)
        path = Path(f"{w.db}{suffix}")
        if path.exists():
            with path.open("r+b") as f:
                f.write(b"\x00garbage" * 4096)
    _ask_and_mention_still_answer(w, user)
    _every_write_says_nothing_changed(w, user)
    logs = w.all_logs()
    assert "answering without personalisation" in logs
    assert "file is not a database" in logs


def test_a_deleted_database_refuses_writes_instead_of_losing_them(fresh: BotWorld) -> None:
    w, user = fresh, learner_id(2)
    w.final(w.slash("stage set", {"stage": "core-ml"}, user_id=user))
    for suffix in ("", "-wal", "-shm"):
        Path(f"{w.db}{suffix}").unlink(missing_ok=True)
    _every_write_says_nothing_changed(w, user)
    _ask_and_mention_still_answer(w, user)
    logs = w.all_logs()
    assert re.search(r"careerbot\.sqlite3: it was deleted while careerbot was running; refusing writes", logs)
    assert not Path(w.db).exists()  # nothing re-created a database that would be thrown away


def test_a_long_lock_held_by_another_process_does_not_hold_up_answers(fresh: BotWorld) -> None:
    """Another process holds the write lock longer than the bot's busy wait (4 s). The bot's write after an
    answer (recording it for votes) retries meanwhile; the next question is still answered promptly, not
    after that write gives up."""
    w, user = fresh, learner_id(3)
    w.final(w.slash("stage set", {"stage": "core-ml"}, user_id=user))
    with write_lock(w.db, 8.0, "INSERT INTO guild_settings (guild_id, store_questions) VALUES (?, 1)", (4242,)):
        w.mention(user, QUESTION)  # answered; its record now waits for the lock
        t0 = time.monotonic()
        _, call = w.mention(learner_id(4), "How do I become an ML engineer?")
        assert time.monotonic() - t0 < 3.0
        assert call.status == 200
        inter = w.slash("ask", {"question": QUESTION}, user_id=learner_id(5))
        reply = w.final(inter, WAIT)
        assert reply.elapsed < 4.0
        assert "SQL" in message_text(reply.body)
    # the other process's row survived, and the database works again
    assert query_db(w.db, "SELECT store_questions FROM guild_settings WHERE guild_id = 4242") == [(1,)]
    again = w.final(w.slash("stage set", {"stage": "mlops"}, user_id=user))
    assert "MLOps" in message_text(again.body)
