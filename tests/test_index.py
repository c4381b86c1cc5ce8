"""Index build/load: manifest, staleness, corruption, atomic rebuilds and where indexes live (fake encoder,
fast), plus the index that ships with the package (real e5 encoder, no build)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from conftest import small_copy

from bot import index as index_mod
from bot.config import SHIPPED_INDEX_ROOT, SHIPPED_KNOWLEDGE
from bot.index import IndexStale, Locations, build, ensure_index, load, locations, model_slug
from bot.keyword import BM25
from bot.knowledge import load as load_kb
from bot.search import Searcher


def here(directory: Path) -> Locations:
    return Locations((directory,), directory)


@pytest.fixture(scope="module")
def small_kb(tmp_path_factory):
    return load_kb(small_copy(tmp_path_factory.mktemp("knowledge")))


def test_build_writes_manifest_with_identity_and_file_hashes(small_kb, fake_encoder, tmp_path):
    index = build(small_kb, fake_encoder, tmp_path / "index")
    manifest = json.loads((tmp_path / "index" / "manifest.json").read_text())
    for key in ("format", "backend", "model", "dim", "knowledge", "built_at", "versions", "files"):
        assert key in manifest
    assert manifest["knowledge"] == small_kb.digest
    assert manifest["dim"] == fake_encoder.dim
    assert "passages.faiss" in manifest["files"]
    assert index.passage_ids == [d.id for d in small_kb.documents]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "temp build dirs left behind"


def test_query_embeds_only_the_query(small_kb, fake_encoder, tmp_path):
    index = build(small_kb, fake_encoder, tmp_path / "index")
    fake_encoder.calls.clear()
    Searcher(small_kb, index, fake_encoder).search_batch(["SQL", "Kaggle"])
    assert fake_encoder.calls == [("query", 2)]


def test_changed_knowledge_is_detected_and_rebuilt(fake_encoder, tmp_path):
    knowledge_copy = small_copy(tmp_path / "knowledge")
    kb = load_kb(knowledge_copy)
    build(kb, fake_encoder, tmp_path / "index")
    path = knowledge_copy / "topics.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    kb2 = load_kb(knowledge_copy)
    with pytest.raises(IndexStale, match="knowledge files changed"):
        load(kb2, fake_encoder, tmp_path / "index")
    said: list[str] = []
    index = ensure_index(kb2, fake_encoder, here(tmp_path / "index"), notify=said.append)
    assert index.manifest["knowledge"] == kb2.digest
    assert len(said) == 1
    assert "knowledge files changed" in said[0]


def _vectors(index) -> dict[str, np.ndarray]:
    return {name: getattr(index, name).reconstruct_n(0, getattr(index, name).ntotal)
            for name in ("passages", "resources", "sentence_index", "cards")}


def test_a_rebuild_embeds_only_what_changed_and_equals_a_full_build(fake_encoder, tmp_path):
    knowledge = small_copy(tmp_path / "knowledge")
    where = here(tmp_path / "index")
    ensure_index(load_kb(knowledge), fake_encoder, where)
    topics = knowledge / "topics.yaml"
    text = topics.read_text(encoding="utf-8")
    assert "connects the two." in text
    topics.write_text(text.replace("connects the two.", "links the two.", 1), encoding="utf-8")
    edited = load_kb(knowledge)
    fake_encoder.calls.clear()
    index = ensure_index(edited, fake_encoder, where)
    embedded = sum(n for _, n in fake_encoder.calls)
    assert embedded == 2  # the edited document's passage and its edited sentence, nothing else
    assert index.manifest["counts"]["reused"] > 300
    full = build(edited, type(fake_encoder)(), tmp_path / "full")
    for name, vectors in _vectors(full).items():
        np.testing.assert_array_equal(_vectors(index)[name], vectors, err_msg=name)


def test_a_corrupt_index_lends_no_vectors_to_the_rebuild(small_kb, fake_encoder, tmp_path):
    build(small_kb, fake_encoder, tmp_path / "index")
    path = tmp_path / "index" / "sentences.faiss"
    path.write_bytes(path.read_bytes()[:-7] + b"garbage")
    fake_encoder.calls.clear()
    index = ensure_index(small_kb, fake_encoder, here(tmp_path / "index"))
    counts = index.manifest["counts"]
    assert counts["reused"] == 0
    assert sum(n for _, n in fake_encoder.calls) == counts["embedded"] > 300


def test_model_change_is_detected(small_kb, fake_encoder, tmp_path):
    build(small_kb, fake_encoder, tmp_path / "index")
    fake_encoder.model_id = "another-model"
    with pytest.raises(IndexStale, match="model changed"):
        load(small_kb, fake_encoder, tmp_path / "index")


@pytest.mark.parametrize("victim", ["passages.faiss", "cards.faiss", "meta.json", "kw-cards.vocab.json", "kw-passages.rows.npy"])
def test_corrupt_or_deleted_files_are_never_used(small_kb, fake_encoder, tmp_path, victim):
    build(small_kb, fake_encoder, tmp_path / "index")
    path = tmp_path / "index" / victim
    path.write_bytes(path.read_bytes()[:-7] + b"garbage")
    with pytest.raises(IndexStale, match="corrupt"):
        load(small_kb, fake_encoder, tmp_path / "index")
    path.unlink()
    with pytest.raises(IndexStale, match="missing"):
        load(small_kb, fake_encoder, tmp_path / "index")
    said: list[str] = []
    ensure_index(small_kb, fake_encoder, here(tmp_path / "index"), notify=said.append)
    load(small_kb, fake_encoder, tmp_path / "index")  # healthy again
    assert said


def test_garbage_manifest_is_rebuilt(small_kb, fake_encoder, tmp_path):
    build(small_kb, fake_encoder, tmp_path / "index")
    (tmp_path / "index" / "manifest.json").write_text("{not json")
    with pytest.raises(IndexStale, match="unreadable"):
        load(small_kb, fake_encoder, tmp_path / "index")


def test_failed_build_leaves_previous_index_intact(small_kb, fake_encoder, tmp_path):
    build(small_kb, fake_encoder, tmp_path / "index")
    before = (tmp_path / "index" / "manifest.json").read_text()

    class Exploding(type(fake_encoder)):
        def encode_passages(self, texts):
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        build(small_kb, Exploding(), tmp_path / "index")
    with pytest.raises(RuntimeError, match="boom"):
        # a failure after some files were written also leaves nothing half-built
        build(small_kb, _FailsLate(fake_encoder), tmp_path / "index")
    assert (tmp_path / "index" / "manifest.json").read_text() == before
    load(small_kb, fake_encoder, tmp_path / "index")
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


def test_missing_index_dir_is_built(small_kb, fake_encoder, tmp_path: Path):
    said: list[str] = []
    ensure_index(small_kb, fake_encoder, here(tmp_path / "deep" / "index"), notify=said.append)
    assert said == ["Building the search index (no index yet)..."]


def test_building_prints_nothing_but_our_own_notice(small_kb, fake_encoder, tmp_path, capsys):
    import logging

    logging.basicConfig(level=logging.WARNING, force=True)
    build(small_kb, fake_encoder, tmp_path / "index")
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out == ""


def test_shipped_index_is_fresh_for_the_committed_knowledge(kb, e5_engine):
    """The index under bot/data/index ships in the wheel: it must match the committed knowledge."""
    from bot.embedding import make_encoder
    from bot.knowledge import read_snapshot

    directory = SHIPPED_INDEX_ROOT / model_slug(e5_engine.encoder.model_id)
    try:
        load(kb, make_encoder("e5"), directory)
    except IndexStale as exc:
        pytest.fail(f"the committed index in {directory} is stale ({exc}): run `careerbot index build` "
                    "and commit bot/data/index")
    assert read_snapshot([directory], kb.digest) is not None, (
        "the committed knowledge snapshot is stale (the knowledge code changed): run "
        "`careerbot index build --changed-only` and commit bot/data/index")


def test_locations_shipped_then_cache_and_other_knowledge_in_the_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(index_mod, "user_cache_dir", lambda: tmp_path / "cache")
    shipped = locations(SHIPPED_KNOWLEDGE, "model x")
    assert shipped.candidates == (SHIPPED_INDEX_ROOT / "model_x", tmp_path / "cache" / "index" / "shipped" / "model_x")
    monkeypatch.setattr(index_mod, "in_source_checkout", lambda: False)
    assert locations(SHIPPED_KNOWLEDGE, "model x").build_target == shipped.candidates[1]  # never site-packages
    other = locations(tmp_path / "my-knowledge", "model x")
    assert other.build_target.is_relative_to(tmp_path / "cache" / "index")
    assert other.build_target != locations(tmp_path / "other-knowledge", "model x").build_target
    explicit = locations(SHIPPED_KNOWLEDGE, "model x", tmp_path / "mine")
    assert explicit == Locations((tmp_path / "mine",), tmp_path / "mine")


def test_a_stale_shipped_index_falls_back_to_a_fresh_one_in_the_cache(small_kb, fake_encoder, tmp_path):
    shipped, cache = tmp_path / "shipped", tmp_path / "cache"
    build(small_kb, fake_encoder, cache)
    (shipped).mkdir()
    said: list[str] = []
    index = ensure_index(small_kb, fake_encoder, Locations((shipped, cache), cache), notify=said.append)
    assert index.directory == cache
    assert said == []


def test_bm25_matches_the_lucene_formula():
    docs = [["svm", "kernel", "svm"], ["kernel"], ["tree", "forest", "tree", "tree"]]
    kw = BM25.build(docs)
    n, avg = 3, (3 + 1 + 4) / 3
    idf = np.log(1 + (n - 2 + 0.5) / (2 + 0.5))  # "kernel" is in 2 of 3 documents
    expect = [idf * 1 / (1 + 1.5 * (1 - 0.75 + 0.75 * length / avg)) for length in (3, 1)]
    scores = kw.scores(["kernel"])
    assert scores[:2] == pytest.approx(expect, rel=1e-5)
    assert scores[2] == 0
    assert kw.scores(["svm", "svm"])[0] == pytest.approx(2 * kw.scores(["svm"])[0])
    assert kw.scores(["unknown"]).sum() == 0


def test_bm25_round_trips_through_files(tmp_path):
    kw = BM25.build([["a", "b"], ["b", "c"], []])
    kw.save(tmp_path, "kw")
    again = BM25.load(tmp_path, "kw")
    for tokens in (["a"], ["b", "c"], ["zzz"]):
        assert np.array_equal(kw.scores(tokens), again.scores(tokens))


def test_large_collections_get_an_approximate_index_with_high_recall(monkeypatch):
    import faiss

    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((3000, 32)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    monkeypatch.setattr(index_mod, "HNSW_MIN_ROWS", 1000)
    hnsw = index_mod.vector_index(vectors, 32)
    assert isinstance(hnsw, faiss.IndexHNSW)
    hnsw.hnsw.efSearch = index_mod.HNSW_EF_SEARCH
    queries = vectors[:200] + 0.1 * rng.standard_normal((200, 32)).astype(np.float32)
    exact = np.argsort(-(queries @ vectors.T), axis=1)[:, :10]
    _, found = hnsw.search(queries, 10)
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(exact, found, strict=True)])
    assert recall >= 0.95
    assert isinstance(index_mod.vector_index(vectors[:10], 32), faiss.IndexFlatIP)


def test_hiragana_questions_match_kanji_text_by_keyword(small_kb, fake_encoder, tmp_path):
    index = build(small_kb, fake_encoder, tmp_path / "index")
    result = Searcher(small_kb, index, fake_encoder).search("すうがく")
    assert result.passages[0].keyword > 0
    assert result.passages[0].id in {"skills-math", "education"}
