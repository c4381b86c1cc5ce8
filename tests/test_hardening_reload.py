"""Knowledge and index faults while careerbot runs on Discord (the bot as a subprocess against FakeDiscord):

* the index on disk is corrupt at start: detected (manifest + file hashes), rebuilt, never used;
* a moderator's ``/admin reload`` after an invalid edit reports every problem with file and line, and the
  bot keeps answering from the previous index; after a valid edit it rebuilds the index off the event loop
  (questions asked during the rebuild are answered) and then answers from the new one.

Both faults need real index builds with the real encoder. The full knowledge base takes 30-60 s to embed on
2 cores, so by default these tests run on a smaller copy of it (every topic and stage, shorter texts; see
``small_knowledge``) whose index builds in seconds. ``CAREERBOT_TEST_FULL_INDEX=1`` runs them on a copy of
the real knowledge base and of the session's index instead.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from _discord_helpers import (
    KNOWLEDGE,
    BotWorld,
    Hygiene,
    bot_world,
    checked,
    is_ephemeral,
    learner_id,
    message_text,
    small_knowledge,
)
from fakediscord import MEMBER_ID, OWNER_ID

from bot.config import Config
from bot.engine import Engine
from bot.index import load as load_index
from bot.knowledge import load as load_knowledge
from bot.messages import t

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

FULL = os.environ.get("CAREERBOT_TEST_FULL_INDEX") == "1"
# A question, the document it is answered from, and a sentence of it that the answer quotes (edited below).
if FULL:
    QUESTION, DOC, LANG, SENTENCE_END = "MLOpsって何から始めればいい？", "mlops", "ja", "Dockerでコンテナ化します。"
else:
    QUESTION, DOC, LANG, SENTENCE_END = "Do ML engineers need SQL?", "role", "en", "connects the two."
MARK = "[revised]"
WAIT = 15.0
BUILD_WAIT = 180.0 if FULL else 60.0


@pytest.fixture(scope="module")
def source(e5_engine, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Knowledge and its index, as the bot will find them (before the test damages a copy)."""
    if FULL:
        return KNOWLEDGE, Path(e5_engine.index.directory)
    base = tmp_path_factory.mktemp("small-kb")
    knowledge = small_knowledge(base / "knowledge")
    built = Engine.load(Config(knowledge_dir=knowledge, index_dir=base / "index"),
                        encoder=e5_engine.encoder)  # the session's encoder, not a second one
    return knowledge, Path(built.index.directory)


def corrupt_sentences(index_dir: Path) -> None:
    """Valid JSON, wrong content: an index that skipped the hash check would answer with these texts."""
    path = index_dir / "meta.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta["sentences"] = [[doc, lang, f"CORRUPTED {text}", faq] for doc, lang, text, faq in meta["sentences"]]
    path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def world(source: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotWorld]:
    work = tmp_path_factory.mktemp("hardening-reload")
    knowledge, index = work / "knowledge", work / "index"
    shutil.copytree(source[0], knowledge)
    shutil.copytree(source[1], index)
    corrupt_sentences(index)
    with bot_world(work, index, knowledge=knowledge, start_timeout=BUILD_WAIT,
                   hygiene=Hygiene(no_errors_logged=True), CAREERBOT_ASK_COOLDOWN="0") as w:
        w.paths.update(knowledge=knowledge, index=index)
        yield w


@pytest.fixture(autouse=True)
def _hygiene(world: BotWorld) -> Iterator[None]:
    with checked(world):
        yield


def _ask(w: BotWorld, question: str = QUESTION, user: int = 0) -> str:
    inter = w.slash("ask", {"question": question}, user_id=learner_id(user))
    assert w.first(inter).elapsed < 3.0
    reply = w.final(inter, WAIT)
    return message_text(reply.body)


def _reload(w: BotWorld, user: int = OWNER_ID, timeout: float = WAIT) -> str:
    inter = w.slash("admin reload", user_id=user)
    assert w.first(inter).elapsed < 3.0
    reply = w.final(inter, timeout)
    assert is_ephemeral(reply.body)
    assert len(message_text(reply.body)) <= 2000
    return message_text(reply.body)


def _edit_text(knowledge: Path, doc_id: str, lang: str, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` in a topic's or stage's text (a valid edit)."""
    for name, key in (("topics.yaml", "topics"), ("stages.yaml", "stages")):
        path = knowledge / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc = next((d for d in data[key] if d["id"] == doc_id), None)
        if doc is not None:
            assert old in doc["text"][lang]
            doc["text"][lang] = doc["text"][lang].replace(old, new, 1)
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                            encoding="utf-8")
            return
    raise AssertionError(f"no document {doc_id}")


def test_a_corrupt_index_is_detected_at_start_rebuilt_and_never_used(world: BotWorld, e5_engine) -> None:
    logs = world.bot.stderr
    assert "Building the search index (index file meta.json is corrupt (hash mismatch))" in logs
    index = world.paths["index"]
    kb = load_knowledge(world.paths["knowledge"])
    load_index(kb, e5_engine.encoder, index)  # the rebuilt index passes the manifest and hash checks
    text = _ask(world)
    assert f"(`{DOC}`)" in text
    assert SENTENCE_END in text
    assert "CORRUPTED" not in text


def test_reload_after_an_invalid_edit_reports_file_and_line_and_keeps_serving(world: BotWorld) -> None:
    knowledge = world.paths["knowledge"]
    topics = knowledge / "topics.yaml"
    original = topics.read_text(encoding="utf-8")
    lines = original.splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.strip() in ("- id: role", "id: role"))
    topics.write_text(original.replace("id: role\n", "id: rol\n", 1), encoding="utf-8")
    try:
        refused = _reload(world, MEMBER_ID)  # runtime check: Manage Server
        assert refused == t("need_manage_guild", "en")

        text = _reload(world)
        assert "problem(s)" in text
        assert f"`topics.yaml:{line}` unknown topic id 'rol'" in text
        answer = _ask(world, user=1)  # still the previous index
        assert f"(`{DOC}`)" in answer
    finally:
        topics.write_text(original, encoding="utf-8")
    assert "knowledge: topics.yaml:" in world.bot.stderr  # moderators find it in the log too


def test_reload_after_a_valid_edit_rebuilds_off_the_event_loop(world: BotWorld) -> None:
    knowledge, index = world.paths["knowledge"], world.paths["index"]
    before = _ask(world, user=2)
    assert MARK not in before
    _edit_text(knowledge, DOC, LANG, SENTENCE_END, f"{SENTENCE_END[:-1]} {MARK}{SENTENCE_END[-1]}")

    reload = world.slash("admin reload", user_id=OWNER_ID)
    assert world.first(reload).type == 5
    during = world.slash("ask", {"question": "What does an ML engineer do?"}, user_id=learner_id(3))
    answered = world.final(during, WAIT)
    assert world.first(during).elapsed < 3.0
    done = world.final(reload, BUILD_WAIT)
    assert answered.call.monotonic < done.call.monotonic, "the question waited for the rebuild"
    assert "rebuilt the search index" in message_text(done.body)

    manifest = json.loads((index / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["knowledge"] == load_knowledge(knowledge).digest
    assert MARK in _ask(world, user=4)  # answers now come from the new index
    assert _reload(world) == t("reload_unchanged", "en")
