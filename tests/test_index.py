"""Index build/load: manifest, staleness, corruption and atomic rebuilds (fake encoder, fast)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.index import IndexStale, build, ensure_index, load
from bot.knowledge import load as load_kb
from bot.search import Searcher


def test_build_writes_manifest_with_identity_and_file_hashes(kb, fake_encoder, tmp_path):
    index = build(kb, fake_encoder, tmp_path / "index")
    manifest = json.loads((tmp_path / "index" / "manifest.json").read_text())
    for key in ("format", "backend", "model", "dim", "knowledge", "built_at", "versions", "files"):
        assert key in manifest
    assert manifest["knowledge"] == kb.digest
    assert manifest["dim"] == fake_encoder.dim
    assert "passages.faiss" in manifest["files"]
    assert index.passage_ids == [d.id for d in kb.documents]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "temp build dirs left behind"


def test_query_embeds_only_the_query(kb, fake_encoder, tmp_path):
    index = build(kb, fake_encoder, tmp_path / "index")
    fake_encoder.calls.clear()
    Searcher(kb, index, fake_encoder).search_batch(["SQL", "Kaggle"])
    assert fake_encoder.calls == [("query", 2)]


def test_changed_knowledge_is_detected_and_rebuilt(knowledge_copy, fake_encoder, tmp_path):
    kb = load_kb(knowledge_copy)
    build(kb, fake_encoder, tmp_path / "index")
    path = knowledge_copy / "topics.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    kb2 = load_kb(knowledge_copy)
    with pytest.raises(IndexStale, match="knowledge files changed"):
        load(kb2, fake_encoder, tmp_path / "index")
    said: list[str] = []
    index = ensure_index(kb2, fake_encoder, tmp_path / "index", notify=said.append)
    assert index.manifest["knowledge"] == kb2.digest
    assert len(said) == 1
    assert "knowledge files changed" in said[0]


def test_model_change_is_detected(kb, fake_encoder, tmp_path):
    build(kb, fake_encoder, tmp_path / "index")
    fake_encoder.model_id = "another-model"
    with pytest.raises(IndexStale, match="model changed"):
        load(kb, fake_encoder, tmp_path / "index")


@pytest.mark.parametrize("victim", ["passages.faiss", "meta.json", "bm25-passages/vocab.index.json"])
def test_corrupt_or_deleted_files_are_never_used(kb, fake_encoder, tmp_path, victim):
    build(kb, fake_encoder, tmp_path / "index")
    path = tmp_path / "index" / victim
    path.write_bytes(path.read_bytes()[:-7] + b"garbage")
    with pytest.raises(IndexStale, match="corrupt"):
        load(kb, fake_encoder, tmp_path / "index")
    path.unlink()
    with pytest.raises(IndexStale, match="missing"):
        load(kb, fake_encoder, tmp_path / "index")
    said: list[str] = []
    ensure_index(kb, fake_encoder, tmp_path / "index", notify=said.append)
    load(kb, fake_encoder, tmp_path / "index")  # healthy again
    assert said


def test_garbage_manifest_is_rebuilt(kb, fake_encoder, tmp_path):
    build(kb, fake_encoder, tmp_path / "index")
    (tmp_path / "index" / "manifest.json").write_text("{not json")
    with pytest.raises(IndexStale, match="unreadable"):
        load(kb, fake_encoder, tmp_path / "index")


def test_failed_build_leaves_previous_index_intact(kb, fake_encoder, tmp_path):
    build(kb, fake_encoder, tmp_path / "index")
    before = (tmp_path / "index" / "manifest.json").read_text()

    class Exploding(type(fake_encoder)):
        def encode_passages(self, texts):
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        build(kb, Exploding(), tmp_path / "index")
    with pytest.raises(RuntimeError, match="boom"):
        # a failure after some files were written also leaves nothing half-built
        build(kb, _FailsLate(fake_encoder), tmp_path / "index")
    assert (tmp_path / "index" / "manifest.json").read_text() == before
    load(kb, fake_encoder, tmp_path / "index")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index"]


class _FailsLate:
    """Encodes passages and resources, then fails on the sentences (the last batch)."""

    def __init__(self, inner) -> None:
        self.inner, self.backend, self.model_id, self.dim = inner, inner.backend, inner.model_id, inner.dim
        self.n = 0

    def encode_passages(self, texts):
        self.n += 1
        if self.n > 3:
            raise RuntimeError("boom")
        return self.inner.encode_passages(texts)

    encode_queries = encode_passages


def test_missing_index_dir_is_built(kb, fake_encoder, tmp_path: Path):
    said: list[str] = []
    ensure_index(kb, fake_encoder, tmp_path / "deep" / "index", notify=said.append)
    assert said == ["Building the search index (no index yet)..."]


def test_building_prints_nothing_but_our_own_notice(kb, fake_encoder, tmp_path, capsys):
    import logging

    logging.basicConfig(level=logging.WARNING, force=True)
    build(kb, fake_encoder, tmp_path / "index")
    captured = capsys.readouterr()
    assert "bm25s" not in captured.err
    assert "Building index from tokens" not in captured.err
