"""Hostile input against careerbot on Discord: property-based tests of the channel handler and of every
slash-command option that takes user text or numbers (``question:``, ``stage:``, ``item:``, ``weeks:``,
``hours:``, ``topic:``).

One bot subprocess (the real ``careerbot run`` code path) against FakeDiscord serves the whole module; each
Hypothesis example is injected as a real gateway event and the bot's REST calls are inspected. Whatever the
input, the bot answers or declines politely within 3 s, pings nobody (``allowed_mentions`` is
``{"parse": []}`` and FakeDiscord resolved no mention), shows echoed text inert (markdown escaped, mentions
broken, no bidirectional overrides), keeps every embed within Discord's limits (FakeDiscord rejects one
that is not), never shows a traceback, and a command that fails leaves the database exactly as it was.

Bounded: at most 25 examples per property, no per-example deadline, and a wall-clock budget per property
(examples past it pass without running) so the module stays fast on 2 cores; each test then checks that
besides the explicit edge cases a real random sample ran within the budget.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _db_helpers import db_snapshot, wait_db
from _discord_helpers import (
    SECOND_CHANNEL_ID,
    BotWorld,
    Hygiene,
    bot_world,
    checked,
    is_ephemeral,
    learner_id,
    make_guild,
    message_text,
)
from fakediscord import BOT_ID, MEMBER_ID, MEMBER_ROLE_ID, MODERATOR_ID, OWNER_ID, InjectedInteraction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

WAIT = 20.0
STAGES = ["education", "programming-data", "core-ml", "projects", "mlops", "work-experience", "specialization"]
FRAGMENTS = [
    "@everyone", "@here", f"<@&{MEMBER_ROLE_ID}>", f"<@{MEMBER_ID}>", f"<@!{MODERATOR_ID}>", f"<@{BOT_ID}>",
    "```", "```py\nimport os; os.system('rm -rf /')\n```", "`", "**", "__", "~~", "||", "> ", "# ", "- ", "\\",
    "[click me](https://evil.example/a_b)", "https://example.com/path_with_*stars*?q=<x>", "<https://a.b/>",
    "'; DROP TABLE profiles; --", "\" OR 1=1 --", "UNION SELECT * FROM answers",
    "stages:\n  - id: evil\n", "!!python/object/apply:os.system ['ls']", "&anchor *anchor", "{{7*7}} %s {0}",
    "\u200b", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202d", "\u2066", "\u2067", "\u200f", "\u061c",
    "🔥", "👨‍👩‍👧‍👦", "🇯🇵", "MLOps", "機械学習エンジニア", "SQL", "ｍｌｏｐｓ", " ", "\n", "\t", "\x00", "\x1b[31m",
    "<script>alert(1)</script>", "mlops", "core-ml.linear-regression",
]
FLOODS = ["🔥", "👨‍👩‍👧‍👦", "a", "@everyone ", "```", "機械学習", "\u202e", "\u200b", "**", f"<@&{MEMBER_ROLE_ID}>", "_"]
HUGE = ("データ " * 20_000) + "@everyone"  # 100 KB of UTF-8 and more
RTL = "\u202eSQL\u202c は必要？ \u2067مرحبا\u2069 \u200f"
FENCE = "```\n@everyone\n``` **MLOps** __って__ ~~何~~ ||?|| > quote # head"

hostile = st.one_of(
    st.sampled_from(["", " ", "\n\t  \n", "\u3000", "\u200b"]),
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=25).map("".join),
    st.builds(lambda f, n: f * n, st.sampled_from(FLOODS), st.integers(1, 500)),
    st.text(max_size=300),
    st.builds(lambda a, b: a + b, st.lists(st.sampled_from(FRAGMENTS), max_size=6).map("".join), st.text(max_size=80)),
)
EXPLICIT = ["", "   \n\t", HUGE, RTL, FENCE, "@everyone @here what is MLOps?", f"<@&{MEMBER_ROLE_ID}> <@{MEMBER_ID}> SQL?",
            "'; DROP TABLE profiles; --", "stages:\n  - id: evil\n    next: !!python/object/apply:os.system ['ls']",
            "https://example.com/?q=<script>alert(1)</script>&a_b=*c*",
            "[a](https://x.example/) ||spoiler|| **bold** [b](https://y.example/)"]
# A 2000-character emoji flood costs the encoder seconds (thousands of tokens): one, in the channel test.
EMOJI_FLOOD = "🔥" * 2000

ALWAYS = {*EXPLICIT, EMOJI_FLOOD}
PROFILE = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow])
MIN_GENERATED = 5  # generated examples a property must run within its budget, besides the explicit ones


def with_examples(*values: Any, **other: Any):
    """Decorate a Hypothesis test with an explicit ``example(text=value, **other)`` for each value: the edge
    cases run every time, whatever Hypothesis draws."""
    def deco(fn):
        for v in reversed(values):
            fn = example(text=v, **other)(fn)
        return fn
    return deco


class Budget:
    """Wall-clock budget of one property: generated examples after it is spent pass without running (the
    explicit edge cases always run)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.started: float | None = None
        self.generated = 0

    def run(self, prop: Any, *args: Any) -> None:
        """Run the Hypothesis test ``prop(*args)``, then check that a real random sample ran."""
        self.started, self.generated = None, 0
        prop(*args)
        assert self.generated >= MIN_GENERATED, f"only {self.generated} generated example(s) ran"

    def spent(self, *values: object) -> bool:
        if all(isinstance(v, str) and v in ALWAYS for v in values):
            return False
        now = time.monotonic()
        self.started = self.started or now  # the clock starts with the first generated example
        if now - self.started > self.seconds:
            return True
        self.generated += 1
        return False


# ------------------------------------------------------------------------------------------- checks

_URL_RE = re.compile(r"(?:https?|steam)://\S+")
_BIDI_RE = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def assert_inert(shown: str) -> None:
    """Echoed user text renders as plain text: no live mention, no bidi override, no control character, and
    every markdown character escaped (escape_markdown leaves URLs alone; Discord renders no markdown in them).
    """
    assert not _BIDI_RE.search(shown), repr(shown)
    assert not _CONTROL_RE.search(shown), repr(shown)
    assert "@everyone" not in shown
    assert "@here" not in shown
    assert not re.search(r"<@[!&]?\d+>", shown), shown
    bare = re.sub(r"\\.", "", _URL_RE.sub("", shown), flags=re.DOTALL)
    assert not re.search(r"[*_~|`]", bare), shown
    assert not re.search(r"\[[^\]]*\]\(", bare), shown


def assert_pings_nobody(payload: dict[str, Any], stored: dict[str, Any] | None) -> None:
    data = payload.get("data") if isinstance(payload.get("data"), dict) else payload
    assert data.get("allowed_mentions") == {"parse": []}, data.get("allowed_mentions")
    if stored is not None:
        assert stored["mention_everyone"] is False
        assert stored["mentions"] == []
        assert stored["mention_roles"] == []


def assert_polite(text: str) -> None:
    assert text.strip()
    assert "Traceback" not in text
    assert "Something went wrong" not in text  # a hostile input is declined, never an internal error


def echoed_value(text: str) -> str:
    """The user's value inside "There is no stage called '…'." (everything between the quotes)."""
    start = text.index("called '") + len("called '")
    return text[start : text.rindex("'.")]


# ------------------------------------------------------------------------------------------ fixture


@pytest.fixture(scope="module")
def world(e5_engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotWorld]:
    work = tmp_path_factory.mktemp("hardening-input")
    hygiene = Hygiene(no_errors_logged=True, no_rejected_calls=True)
    # FakeDiscord does not rate-limit, and these tests are about input, not pacing: no 5-posts-per-5-s wait.
    with bot_world(work, Path(e5_engine.index.directory), make_guild(12), hygiene=hygiene,
                   CAREERBOT_ASK_COOLDOWN="0", CAREERBOT_CHANNEL_RATE="0") as w:
        reply = w.final(w.slash("config qa-channel add", {"channel": SECOND_CHANNEL_ID}, user_id=OWNER_ID))
        assert "I will answer messages" in message_text(reply.body)
        yield w


@pytest.fixture(autouse=True)
def _hygiene(world: BotWorld) -> Iterator[None]:
    with checked(world):
        yield


def _run(w: BotWorld, name: str, options: dict[str, Any], user: int) -> tuple[InjectedInteraction, Any]:
    inter = w.slash(name, options, user_id=user)
    first = w.first(inter, WAIT)
    assert first.elapsed < 3.0, (name, first.elapsed)
    assert w.bot.alive()
    return inter, w.final(inter, WAIT)


def _stored(w: BotWorld, reply: Any) -> dict[str, Any] | None:
    return w.fd.message(int(reply.message["id"])) if reply.message else None


def _unchanged(w: BotWorld, before: dict[str, list[tuple[Any, ...]]]) -> None:
    assert db_snapshot(w.db) == before


# ------------------------------------------------------------------------------------------- /ask


ASK = Budget(4)


@PROFILE
@given(text=hostile)
@with_examples(*EXPLICIT)
def ask_question_option(world: BotWorld, text: str) -> None:
    if ASK.spent(text):
        return
    before = db_snapshot(world.db)
    inter, reply = _run(world, "ask", {"question": text}, learner_id(0))
    shown = message_text(reply.body)
    assert_polite(shown)
    assert_pings_nobody(reply.body, _stored(world, reply))
    if not text.strip():
        assert reply.type == 4
        assert shown.startswith("Please write a question")
        _unchanged(world, before)
        return
    [embed] = reply.body["embeds"]
    assert embed["title"].startswith("❓")
    assert_inert(embed["title"][1:])
    wait_db(world.db, "SELECT question FROM answers WHERE answer_id = ?", str(inter.id), expect=[(None,)])
    after = db_snapshot(world.db)
    assert {k: v for k, v in after.items() if k != "answers"} == {k: v for k, v in before.items() if k != "answers"}


# ---------------------------------------------------------------------------------- channel handler


CHANNEL = Budget(4)


@PROFILE
@given(text=hostile, mention=st.booleans())
@with_examples(*EXPLICIT, EMOJI_FLOOD, mention=False)
@example(text="", mention=True)
def channel_handler(world: BotWorld, text: str, mention: bool) -> None:
    if CHANNEL.spent(text):
        return
    before = db_snapshot(world.db)
    content = f"<@{BOT_ID}> {text}" if mention or not text.strip() else text  # Discord has no empty messages
    mark = world.fd.mark()
    msg = world.fd.inject_message(SECOND_CHANNEL_ID, learner_id(1), content)
    call = world.reply_to(msg, mark, WAIT)
    assert call.status == 200, call.response  # FakeDiscord validated the payload and the embed limits
    assert_pings_nobody(call.json, call.response)
    shown = message_text(call.json)
    assert_polite(shown)
    assert world.bot.alive()
    question = re.sub(rf"<@!?{BOT_ID}>", " ", content)
    if not " ".join(question.split()):
        assert shown.startswith("Please write a question")
        _unchanged(world, before)
        return
    [embed] = call.json["embeds"]
    assert embed["title"].startswith("❓")
    assert_inert(embed["title"][1:])
    wait_db(world.db, "SELECT question FROM answers WHERE answer_id = ?", msg["id"], expect=[(None,)])
    after = db_snapshot(world.db)
    assert {k: v for k, v in after.items() if k != "answers"} == {k: v for k, v in before.items() if k != "answers"}


# ----------------------------------------------------------------------------- /stage set  stage:


STAGE = Budget(3)


@PROFILE
@given(text=hostile)
@with_examples(*EXPLICIT, "mlopz", " MLOPS ")
def stage_set_stage_option(world: BotWorld, text: str) -> None:
    if STAGE.spent(text):
        return
    before = db_snapshot(world.db)
    _, reply = _run(world, "stage set", {"stage": text}, learner_id(2))
    shown = message_text(reply.body)
    assert_polite(shown)
    assert_pings_nobody(reply.body, None)
    if shown.startswith("Your stage is now"):  # it named a real stage (an id or a number)
        assert text.strip().lower() in STAGES or text.strip() in "1234567"
        return
    assert shown.startswith("There is no stage called '"), shown
    assert_inert(echoed_value(shown))
    _unchanged(world, before)


# ------------------------------------------------------------------------------ /progress done  item:


ITEM = Budget(3)


@PROFILE
@given(text=hostile)
@with_examples(*EXPLICIT, "calculs")
def progress_done_item_option(world: BotWorld, text: str) -> None:
    if ITEM.spent(text):
        return
    before = db_snapshot(world.db)
    _, reply = _run(world, "progress done", {"item": text}, learner_id(3))
    shown = message_text(reply.body)
    assert_polite(shown)
    assert_pings_nobody(reply.body, None)
    if shown.startswith("Marked "):  # it named a real checklist item
        return
    if shown.startswith("There is no checklist item called '"):
        assert_inert(echoed_value(shown))
    else:
        assert shown.endswith("was already done."), shown
    _unchanged(world, before)


# ---------------------------------------------------------------------- /plan show  weeks: hours: stage:


PLAN = Budget(3)
numbers = st.one_of(st.integers(-(2**53), 2**53), st.sampled_from([0, 1, 104, 105, -1]))
hours = st.one_of(st.floats(-1e308, 1e308, allow_nan=False, allow_infinity=False),
                  st.sampled_from([0.0, 0.5, 0.49, 80.0, 80.01, 1e-300, -0.0]))


@PROFILE
@given(weeks=numbers, hours=hours, text=st.one_of(st.sampled_from(STAGES), hostile))
@example(weeks=0, hours=0.0, text="core-ml")
@example(weeks=2**53, hours=1e308, text=HUGE)
@example(weeks=4, hours=10.0, text=FENCE)
def plan_show_weeks_hours_and_stage_options(world: BotWorld, weeks: int, hours: float, text: str) -> None:
    if PLAN.spent(text):
        return
    before = db_snapshot(world.db)
    inter, reply = _run(world, "plan show", {"weeks": weeks, "hours": hours, "stage": text}, learner_id(4))
    shown = message_text(reply.body)
    assert_polite(shown)
    assert_pings_nobody(reply.body, None)
    assert is_ephemeral(reply.body)
    if shown.startswith("There is no stage called '"):
        assert_inert(echoed_value(shown))
    elif not shown.startswith("## Study plan"):
        assert shown.startswith(("I can't make that plan", "Give the first stage")), shown
    for r in world.fd.interaction_responses(inter):
        assert r.status < 400, (r.kind, r.status, r.body)
    _unchanged(world, before)


# -------------------------------------------------------------------------- /resources  topic: stage:


RESOURCES = Budget(3)


@PROFILE
@given(text=hostile, stage=st.one_of(st.none(), st.sampled_from(STAGES), hostile))
@with_examples(*EXPLICIT, stage=None)
@example(text="Docker", stage=FENCE)
@example(text=FENCE, stage="mlops")
def resources_topic_and_stage_options(world: BotWorld, text: str, stage: str | None) -> None:
    if RESOURCES.spent(text):
        return
    before = db_snapshot(world.db)
    options = {"topic": text, **({"stage": stage} if stage is not None else {})}
    _, reply = _run(world, "resources", options, learner_id(5))
    shown = message_text(reply.body)
    assert_polite(shown)
    assert_pings_nobody(reply.body, None)
    if shown.startswith("There is no stage called '"):
        assert_inert(echoed_value(shown))
    elif reply.body.get("embeds"):
        title = reply.body["embeds"][0]["title"]
        assert title.startswith("Recommended resources: ")
        heading = title[len("Recommended resources: "):]
        if stage in STAGES:
            heading = heading.rsplit(" / ", 1)[0] if " / " in heading else ""
        assert_inert(heading)
    else:
        assert shown.startswith(("I found no resources", "Give a `topic`")), shown
    _unchanged(world, before)


# ---------------------------------------------------------------------------------------- the tests


def test_ask_question_option(world: BotWorld) -> None:
    """Hostile ``/ask question:``."""
    ASK.run(ask_question_option, world)


def test_channel_handler(world: BotWorld) -> None:
    """Hostile a message in a question channel, with or without a mention."""
    CHANNEL.run(channel_handler, world)


def test_stage_set_stage_option(world: BotWorld) -> None:
    """Hostile ``/stage set stage:``."""
    STAGE.run(stage_set_stage_option, world)


def test_progress_done_item_option(world: BotWorld) -> None:
    """Hostile ``/progress done item:``."""
    ITEM.run(progress_done_item_option, world)


def test_plan_show_weeks_hours_and_stage_options(world: BotWorld) -> None:
    """Hostile ``/plan show weeks: hours: stage:``."""
    PLAN.run(plan_show_weeks_hours_and_stage_options, world)


def test_resources_topic_and_stage_options(world: BotWorld) -> None:
    """Hostile ``/resources topic: stage:``."""
    RESOURCES.run(resources_topic_and_stage_options, world)
