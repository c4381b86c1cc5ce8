"""Shared fixtures: a deterministic fake encoder for fast unit tests, and the real engine (e5) built once."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from bot.config import SHIPPED_KNOWLEDGE, Config
from bot.knowledge import KnowledgeBase, load
from bot.text import tokenize

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = SHIPPED_KNOWLEDGE


class FakeEncoder:
    """Bag of hashed keyword tokens: deterministic, instant, and similar texts get similar vectors."""

    backend = "fake"
    model_id = "fake-hash-64"
    dim = 64

    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, np.float32)
        for tok in tokenize(text) or ["<empty>"]:
            h = int.from_bytes(hashlib.blake2b(tok.encode(), digest_size=4).digest(), "little")
            v[h % self.dim] += 1.0 if (h >> 8) & 1 else -1.0
        n = np.linalg.norm(v)
        return v / n if n else v

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        self.calls.append(("query", len(texts)))
        return np.array([self._vec(t) for t in texts], np.float32).reshape(len(texts), self.dim)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        self.calls.append(("passage", len(texts)))
        return np.array([self._vec(t) for t in texts], np.float32).reshape(len(texts), self.dim)


@pytest.fixture(scope="session", autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test reads or writes the real user's data, cache or config (the default profile database lives in
    the user data directory): point the XDG directories at a temp dir for the whole session, subprocesses
    included."""
    import os

    home = tmp_path_factory.mktemp("home")
    names = ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME")
    saved = {name: os.environ.get(name) for name in names}
    for name in names:
        os.environ[name] = str(home / name.lower())
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture
def fake_encoder() -> FakeEncoder:
    return FakeEncoder()


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load(KNOWLEDGE)


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A writable copy of the real knowledge directory."""
    dest = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, dest)
    return dest


def small_copy(directory: Path, cards: int = 5) -> Path:
    """The real knowledge with its first ``cards`` answer cards: for index mechanics that do not depend on the
    number of cards (embedding 2,000 phrasings, even with the fake encoder, costs a second or two)."""
    import yaml

    directory.mkdir(parents=True, exist_ok=True)
    for path in KNOWLEDGE.glob("*.yaml"):
        (directory / path.name).write_bytes(path.read_bytes())
    data = yaml.load((directory / "answers.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    data["cards"] = data["cards"][:cards]
    (directory / "answers.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return directory


@pytest.fixture
def small_knowledge_copy(tmp_path: Path) -> Path:
    """A writable copy of the real knowledge with five answer cards (see :func:`small_copy`)."""
    return small_copy(tmp_path / "knowledge")


@pytest.fixture(scope="session")
def e5_engine():
    """The real default engine (e5 + BM25) on the index that ships prebuilt with the package
    (``bot/data/index``; tests/test_index.py fails when it is stale for the committed knowledge)."""
    from bot.engine import Engine

    return Engine.load(Config())


@pytest.fixture
def engine_env(e5_engine, monkeypatch: pytest.MonkeyPatch):
    """Environment so that CLI commands run in-process use the session's prebuilt index."""
    monkeypatch.setenv("CAREERBOT_KNOWLEDGE", str(KNOWLEDGE))
    monkeypatch.setenv("CAREERBOT_INDEX_DIR", str(e5_engine.index.directory))
    monkeypatch.setenv("CAREERBOT_BACKEND", "e5")
    return e5_engine


# ---------------------------------------------------------------------------------------- PostgreSQL


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A PostgreSQL server for the store tests: ``$CAREERBOT_TEST_PG_URL`` (.ci/run starts one), else one
    started for this session (tests/_pg_server.py); the PostgreSQL tests are skipped only when neither works."""
    from _pg_server import Unavailable, session_server

    try:
        with session_server() as url:
            yield url
    except Unavailable as exc:
        pytest.skip(f"PostgreSQL tests skipped: {exc}")


@pytest.fixture
def pg_target(pg_url: str) -> Iterator[str]:
    """A URL to an empty schema of its own on the session's server (dropped afterwards)."""
    from _pg_server import fresh_schema

    with fresh_schema(pg_url) as url:
        yield url
