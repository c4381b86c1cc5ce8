"""Graceful shutdown of ``careerbot run`` (a subprocess against FakeDiscord): SIGTERM with 20 ``/ask`` and 20
channel questions in flight. Every one of the 40 gets its answer, or one sentence telling the asker to ask
again; nothing is left on "thinking..."; questions arriving during the shutdown are turned away with one
sentence; the process exits 0 within ``CAREERBOT_SHUTDOWN_S`` and logs what it finished and abandoned.

Before this, ``CareerBot.close()`` closed the gateway first and the answer service cancelled what was queued:
19-20 of 20 ``/ask`` stayed on "thinking..." for good and no channel question was answered.
"""

from __future__ import annotations

import re
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _discord_helpers import (
    EPHEMERAL,
    BotWorld,
    bot_world,
    is_ephemeral,
    learner_id,
    make_guild,
    message_text,
)
from fakediscord import BOT_ID, CHANNEL_ID, ChannelSpec, InjectedInteraction

from bot.messages import t

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]

CHANNELS = [CHANNEL_ID, 2002, 2003, 2004, 2005]
SHORT_DEADLINE = 6.0
QUESTION = "Do ML engineers need SQL?"


def _guild() -> Any:
    guild = make_guild(100)
    guild.channels += [ChannelSpec(id=2004, name="study", position=3), ChannelSpec(id=2005, name="jobs", position=4)]
    return guild


@pytest.fixture(scope="module")
def world(e5_engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotWorld]:
    with bot_world(tmp_path_factory.mktemp("shutdown"), Path(e5_engine.index.directory), _guild(),
                   CAREERBOT_ASK_COOLDOWN="0", CAREERBOT_SHUTDOWN_S=str(SHORT_DEADLINE)) as w:
        yield w


def _in_flight(w: BotWorld, per_channel: dict[int, int], first_user: int,
               ) -> tuple[list[InjectedInteraction], list[dict[str, Any]]]:
    """20 /ask and the channel questions (``per_channel``), each from its own learner (from ``first_user``
    on), all accepted by the bot (deferred; "typing...") when this returns."""
    mark = w.fd.mark()
    asks = [w.slash("ask", {"question": f"{QUESTION} ({n})"}, user_id=learner_id(first_user + n))
            for n in range(20)]
    messages = []
    user = first_user + 20
    for channel, count in per_channel.items():
        for _ in range(count):
            messages.append(w.fd.inject_message(channel, learner_id(user), f"<@{BOT_ID}> {QUESTION} ({user})"))
            user += 1
    w.fd.wait_until(lambda: all(w.fd.interaction_responses(i) for i in asks), 10, "not every /ask deferred")
    assert all(w.first(i).type == 5 for i in asks)
    w.fd.wait_until(lambda: len([c for c in w.fd.calls("POST", r"/typing$") if c.id > mark]) >= len(messages),
                    10, "not every channel question was taken")
    return asks, messages


def _sigterm(w: BotWorld) -> float:
    """SIGTERM, and wait until the bot says it is shutting down (or has exited)."""
    w.bot.proc.send_signal(signal.SIGTERM)
    started = time.monotonic()
    w.fd.wait_until(lambda: "SIGTERM: shutting down" in w.bot.stderr or not w.bot.alive(), 5,
                    "the bot neither said it is shutting down nor exited")
    return started


def _ask_outcome(w: BotWorld, inter: InjectedInteraction) -> str:
    """"answer" or "ask again" — what the user finally reads — or a description of what went wrong."""
    responses = w.fd.interaction_responses(inter)
    followups = [r for r in responses if r.kind == "followup" and 200 <= r.status < 300]
    answers = [r for r in followups if not is_ephemeral(r.body) and (r.body or {}).get("embeds")]
    sorry = [r for r in followups if is_ephemeral(r.body)
             and message_text(r.body) == t("restart_unanswered", "en")]
    deleted = any(r.kind == "delete_original" and r.status == 204 for r in responses)
    if answers and not sorry:
        return "answer"
    if sorry and deleted and not answers:  # the "thinking..." placeholder is gone, the sentence is there
        return "ask again"
    return f"unclear: {[(r.kind, r.status, message_text(r.body)) for r in responses]}"


def _message_outcome(w: BotWorld, msg: dict[str, Any]) -> str:
    posted = [c for c in w.fd.calls("POST", rf"^/channels/{msg['channel_id']}/messages$") if 200 <= c.status < 300]
    to_it = [c for c in posted if str(((c.json or {}).get("message_reference") or {}).get("message_id")) == msg["id"]]
    answers = [c for c in to_it if (c.json or {}).get("embeds")]
    sorry = [c for c in to_it if (c.json or {}).get("content") == t("restart_unanswered", "en")]
    named = [c for c in posted if f"<@{msg['author']['id']}>" in ((c.json or {}).get("content") or "")
             and (c.json or {}).get("content", "").endswith(t("restart_unanswered_many", "en", users="").strip())]
    if answers and not (sorry or named):
        return "answer"
    if len(sorry) + len(named) == 1 and not answers:
        return "ask again"
    return f"unclear: {[(c.status, c.json) for c in to_it + named]}"


def test_sigterm_answers_or_apologises_for_all_40_within_the_deadline(world: BotWorld) -> None:
    """A short deadline, and Discord stuck on some posts: those are abandoned and their askers told."""
    fd = world.fd
    fd.delay_next("POST", r"^/webhooks/\d+/[^/]+$", 30, times=10)  # ten /ask answers never get through
    for stuck in (2003, 2004):  # one channel answer each; the channel's other posts wait behind it
        fd.delay_next("POST", rf"^/channels/{stuck}/messages$", 30, times=1)
    asks, messages = _in_flight(world, {CHANNEL_ID: 5, 2002: 5, 2003: 4, 2004: 4, 2005: 2}, first_user=0)
    fd.wait_until(lambda: fd.faults_left() == 0, 15, "the stuck posts were not made")
    started = _sigterm(world)

    late_ask = world.slash("ask", {"question": QUESTION}, user_id=learner_id(45))
    late_msg = fd.inject_message(2005, learner_id(46), f"<@{BOT_ID}> {QUESTION}")
    assert world.bot.wait(SHORT_DEADLINE + 5) == 0
    took = time.monotonic() - started
    assert took < SHORT_DEADLINE + 1.5, f"exited {took:.1f} s after SIGTERM"

    outcomes = [_ask_outcome(world, i) for i in asks] + [_message_outcome(world, m) for m in messages]
    assert [o for o in outcomes if o not in ("answer", "ask again")] == []
    assert outcomes[:20].count("ask again") >= 10  # the stuck ones
    assert "ask again" in [_message_outcome(world, m) for m in messages if m["channel_id"] in ("2003", "2004")]

    late = world.final(late_ask)  # turned away at once, ephemerally
    assert late.type == 4
    assert late.body["data"]["flags"] & EPHEMERAL
    assert message_text(late.body) == t("restarting", "en")
    [turned_away] = [c for c in fd.calls("POST", r"^/channels/2005/messages$")
                     if str(((c.json or {}).get("message_reference") or {}).get("message_id")) == late_msg["id"]]
    assert turned_away.json["content"] == t("restarting", "en")

    logs = world.bot.stderr
    in_flight = re.search(r"shutting down: (\d+) request\(s\) in flight", logs)
    report = re.search(r"drained in [\d.]+ s: (\d+) finished, (\d+) abandoned", logs)
    assert in_flight is not None, logs[-3000:]
    assert report is not None, logs[-3000:]
    finished, abandoned = int(report.group(1)), int(report.group(2))
    assert finished + abandoned == int(in_flight.group(1))  # the others were answered before SIGTERM
    assert abandoned == outcomes.count("ask again")
    assert "abandoned at shutdown (the askers were told to ask again): " in logs
    assert QUESTION not in logs  # ids only


def test_sigterm_with_time_enough_answers_all_40(world: BotWorld) -> None:
    """The default deadline (20 s): every question in flight is answered before the gateway closes."""
    fd = world.fd
    fd.clear_faults()
    world.restart(CAREERBOT_SHUTDOWN_S="")  # the default
    fd.delay_next("POST", r"^/webhooks/\d+/[^/]+$", 1.5, times=20)  # still in flight at SIGTERM
    for channel in CHANNELS:
        fd.delay_next("POST", rf"^/channels/{channel}/messages$", 1.5, times=4)
    asks, messages = _in_flight(world, dict.fromkeys(CHANNELS, 4), first_user=50)
    started = _sigterm(world)
    assert world.bot.wait(25) == 0
    assert time.monotonic() - started < 20
    outcomes = [_ask_outcome(world, i) for i in asks] + [_message_outcome(world, m) for m in messages]
    assert outcomes == ["answer"] * 40
    assert re.search(r"drained in [\d.]+ s: 40 finished, 0 abandoned", world.bot.stderr)
