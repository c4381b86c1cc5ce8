"""``/admin reload`` refuses, until a moderator confirms, knowledge that would serve far less than the current
one (here: resources.yaml cut from 6 resources to 1, as a bad merge would). The bot is a subprocess against
FakeDiscord, on a small copy of the knowledge (see ``small_knowledge``) whose index builds in seconds.

Before this, ``/admin reload`` swapped in whatever validated, and served a bot with 0 topics after an
emptied file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from _discord_helpers import BotWorld, Hygiene, bot_world, checked, component_ids, message_text
from _discord_helpers import small_knowledge as make_small_knowledge
from fakediscord import MEMBER_ID, OWNER_ID

from bot.config import Config
from bot.engine import Engine
from bot.messages import t

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

WAIT = 60.0  # a reload rebuilds the small index


@pytest.fixture(scope="module")
def world(e5_engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotWorld]:
    base = tmp_path_factory.mktemp("reload-guard")
    knowledge = make_small_knowledge(base / "knowledge", resources=6)
    Engine.load(Config(knowledge_dir=knowledge, index_dir=base / "index"), encoder=e5_engine.encoder)
    with bot_world(base, base / "index", knowledge=knowledge, start_timeout=WAIT,
                   hygiene=Hygiene(no_errors_logged=True, no_rejected_calls=True)) as w:
        w.paths["knowledge"] = knowledge
        yield w


@pytest.fixture(autouse=True)
def _hygiene(world: BotWorld) -> Iterator[None]:
    with checked(world):
        yield


def _cut_resources(knowledge: Path, keep: int) -> None:
    path = knowledge / "resources.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    kept = data["resources"][:keep]
    data["resources"] = kept
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    # answer cards may only name resources that exist
    answers = knowledge / "answers.yaml"
    cards = yaml.safe_load(answers.read_text(encoding="utf-8"))
    ids = {r["id"] for r in kept}
    for card in cards["cards"]:
        if "resources" in card:
            card["resources"] = [r for r in card["resources"] if r in ids] or None
            if card["resources"] is None:
                del card["resources"]
    answers.write_text(yaml.safe_dump(cards, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def _reload(w: BotWorld, user: int = OWNER_ID) -> tuple[str, dict]:
    """Run /admin reload; what the moderator reads, and the message it is in."""
    inter = w.slash("admin reload", user_id=user)
    assert w.first(inter).elapsed < 3.0
    reply = w.final(inter, WAIT)
    return message_text(reply.body), {**(reply.message or {}), **(reply.body or {})}


def _click(w: BotWorld, message: dict, label: str) -> str:
    [button] = [c for row in message["components"] for c in row["components"] if c.get("label") == label]
    assert button["custom_id"] in component_ids(message)
    clicked = w.click(button["custom_id"], int(message["id"]), OWNER_ID)
    reply = w.final(clicked, WAIT)
    assert reply.type == 7  # the question is replaced by the outcome, its buttons gone
    assert reply.body["data"]["components"] == []
    return message_text(reply.body)


def test_a_reload_that_would_serve_far_less_waits_for_a_confirmation(world: BotWorld) -> None:
    knowledge = world.paths["knowledge"]
    original = {name: (knowledge / name).read_text(encoding="utf-8") for name in ("resources.yaml", "answers.yaml")}
    _cut_resources(knowledge, keep=1)
    try:
        text, message = _reload(world)
        assert text.startswith(t("reload_shrinks", "en", changes="resources 6 → 1").split("(")[0])
        assert "resources 6 → 1" in text
        assert {c.get("label") for row in message["components"] for c in row["components"]} == {
            t("reload_anyway", "en"), t("cancel", "en")}
        assert _click(world, message, t("cancel", "en")) == t("reload_kept", "en")

        text, message = _reload(world)  # still serving the 6 resources: asked again
        assert "resources 6 → 1" in text
        done = _click(world, message, t("reload_anyway", "en"))
        assert done.startswith("Reloaded the knowledge")
        assert "1 resources" in done

        text, _ = _reload(world)  # now serving the new knowledge: nothing left to load
        assert text == t("reload_unchanged", "en")
    finally:
        for name, content in original.items():
            (knowledge / name).write_text(content, encoding="utf-8")
    text, _ = _reload(world)  # back to 6 resources: growing needs no confirmation
    assert text.startswith("Reloaded the knowledge")
    assert "6 resources" in text
    logs = world.bot.stderr
    assert "knowledge reload held back: it would serve far less than now (resources 6 -> 1)" in logs
    assert "knowledge reload confirmed despite serving far less (resources 6 -> 1)" in logs


def test_only_managers_see_the_question(world: BotWorld) -> None:
    text, _ = _reload(world, MEMBER_ID)
    assert text == t("need_manage_guild", "en")

