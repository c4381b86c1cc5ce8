"""Reloading edited knowledge: a valid edit is picked up, an invalid one is reported and the old engine serves on."""

from __future__ import annotations

import pytest

from bot.config import Config
from bot.engine import Engine
from bot.knowledge import KnowledgeError


def test_reload_picks_up_valid_edit_and_rejects_invalid_one(small_knowledge_copy, fake_encoder, tmp_path):
    knowledge_copy = small_knowledge_copy
    engine = Engine.load(Config(knowledge_dir=knowledge_copy, index_dir=tmp_path / "index"), encoder=fake_encoder)
    before = engine.ask("SQL Spark")
    topics = knowledge_copy / "topics.yaml"
    text = topics.read_text(encoding="utf-8")

    topics.write_text(text.replace("id: role", "id: rol", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        engine.reload()
    assert any(p.file == "topics.yaml" and p.line > 0 for p in info.value.problems)
    assert engine.ask("SQL Spark").passages == before.passages  # still serving the previous index

    topics.write_text(text + "\n# a harmless edit\n", encoding="utf-8")
    said: list[str] = []
    fresh = engine.reload(notify=said.append)
    assert fresh.kb.digest != engine.kb.digest
    assert fresh.index.manifest["knowledge"] == fresh.kb.digest
    assert said  # the rebuild is announced in one line
    assert fresh.encoder is engine.encoder  # the model is not loaded twice
