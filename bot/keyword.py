"""BM25 keyword search over tokenised texts, in plain numpy.

Scores follow Lucene's BM25 (the variant bm25s uses by default):
``idf(t) * tf / (tf + k1 * (1 - b + b * len / avglen))`` with ``idf(t) = ln(1 + (N - df + 0.5) / (df + 0.5))``.
Each posting's weight is precomputed at build time, so a query only sums the postings of its tokens. The
index is two arrays and a vocabulary: loading it costs a few milliseconds and imports nothing beyond numpy
(bm25s, which we used before, pulls in scipy: 0.15-0.2 s on every cold start).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

K1 = 1.5
B = 0.75


@dataclass
class BM25:
    vocab: dict[str, int]
    indptr: np.ndarray  # int64, len(vocab) + 1: the postings of token i are indptr[i]:indptr[i+1]
    rows: np.ndarray  # int32: the document of each posting
    weights: np.ndarray  # float32: the BM25 weight of each posting
    n_docs: int

    @classmethod
    def build(cls, docs: list[list[str]]) -> BM25:
        lengths = np.array([len(d) for d in docs], np.float64)
        avg = float(lengths.mean()) if len(docs) and lengths.sum() else 1.0
        postings: dict[str, list[tuple[int, int]]] = {}
        for row, tokens in enumerate(docs):
            for token, tf in Counter(tokens).items():
                postings.setdefault(token, []).append((row, tf))
        vocab = {t: i for i, t in enumerate(sorted(postings))}
        indptr = np.zeros(len(vocab) + 1, np.int64)
        rows: list[int] = []
        weights: list[float] = []
        n = len(docs)
        for token, i in vocab.items():
            plist = postings[token]
            idf = math.log(1 + (n - len(plist) + 0.5) / (len(plist) + 0.5))
            for row, tf in plist:
                norm = K1 * (1 - B + B * lengths[row] / avg)
                rows.append(row)
                weights.append(idf * tf / (tf + norm))
            indptr[i + 1] = len(rows)
        return cls(vocab, indptr, np.asarray(rows, np.int32), np.asarray(weights, np.float32), n)

    def scores(self, tokens: list[str]) -> np.ndarray:
        """The BM25 score of every document for these query tokens (a repeated token counts again)."""
        ids = np.fromiter((i for t in tokens if (i := self.vocab.get(t)) is not None), np.int64)
        if not len(ids):
            return np.zeros(self.n_docs, np.float32)
        # the postings of the tokens, token by token in order, gathered at once (a long message has ~200 tokens: a
        # slice per token cost ~0.1 ms a collection)
        starts, counts = self.indptr[ids], self.indptr[ids + 1] - self.indptr[ids]
        at = np.arange(int(counts.sum())) + np.repeat(starts - (np.cumsum(counts) - counts), counts)
        # one bincount over all the postings: ~10x faster than np.add.at per token
        return np.bincount(self.rows[at], weights=self.weights[at], minlength=self.n_docs).astype(np.float32)

    def save(self, directory: Path, name: str) -> None:
        """Plain .npy arrays (a .npz archive costs ~4 ms more to open) and a JSON vocabulary."""
        for part in ("indptr", "rows", "weights"):
            np.save(directory / f"{name}.{part}.npy", getattr(self, part))
        (directory / f"{name}.vocab.json").write_text(
            json.dumps({"n_docs": self.n_docs, "vocab": list(self.vocab)}, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path, name: str) -> BM25:
        meta = json.loads((directory / f"{name}.vocab.json").read_text(encoding="utf-8"))
        indptr, rows, weights = (np.load(directory / f"{name}.{part}.npy") for part in ("indptr", "rows", "weights"))
        words = meta["vocab"]
        if len(words) + 1 != len(indptr) or len(rows) != len(weights) or indptr[-1] != len(rows):
            raise ValueError("vocabulary and postings disagree")
        return cls({w: i for i, w in enumerate(words)}, indptr, rows, weights, int(meta["n_docs"]))
