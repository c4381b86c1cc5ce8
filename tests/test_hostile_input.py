"""Hostile input against the question path: it answers or declines, never crashes, never loses data."""

from __future__ import annotations

import io
import json
import sys

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.cli import main
from bot.engine import EmptyQuestion

NASTY = [
    "@everyone 機械学習エンジニアになるには？",
    "<@&1234> <@5678> SQLは必要？",
    "```python\nimport os; os.system('rm -rf /')\n``` MLOpsって何？",
    "**太字** __下線__ ~~取り消し~~ ||ネタバレ|| > 引用 # 見出し",
    "'; DROP TABLE profiles; --",
    "stages:\n  - id: evil\n    next: !!python/object/apply:os.system ['ls']",
    "\u202eSQL\u202c は必要？\u200b\u200b\u200b",
    "🔥" * 5000,
    "https://example.com/?q=<script>alert(1)</script>",
    "\x00\x01\x02 MLOps",
    "ｍｌｏｐｓ　ってなに",
]

settings.register_profile("careerbot", deadline=None, max_examples=40,
                          suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.load_profile("careerbot")

_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from("機械学習エンジニアSQLMLOps@#*_`~|<>&{}[]:- \n\t\u200b\u202e🔥"), max_size=400),
    st.sampled_from(NASTY),
    st.builds(lambda a, b: a + b, st.sampled_from(NASTY), st.text(max_size=50)),
)


def _check(answer) -> None:
    assert isinstance(answer.answered, bool)
    assert answer.answer.strip()
    if answer.answered:
        assert answer.passages
    elif answer.kind == "not_covered":
        # an honest "not covered" points to what the roadmap does say (its passages; test_ask asserts them), and
        # recommends nothing
        assert answer.card
        assert answer.resources == []
    else:
        assert answer.passages == []
        assert answer.resources == []
    json.dumps(answer.to_json(), ensure_ascii=False)  # always serialisable


@given(text=_text)
@example(text="年収")  # (a "not covered" answer: hypothesis found it in CI at 66d485f, where _check wanted no passages)
def test_engine_answers_or_declines_anything(e5_engine, text):
    if not text.strip():
        with pytest.raises(EmptyQuestion):
            e5_engine.ask(text)
        return
    _check(e5_engine.ask(text))


@pytest.mark.parametrize("text", NASTY)
def test_cli_ask_survives_nasty_input(engine_env, capsys, text):
    assert main(["ask", "--json", text]) == 0
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    json.loads(out.out)


def test_cli_ask_100kb(engine_env, capsys):
    assert main(["ask", "--json", "データ " * 20_000]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["notices"]


@settings(max_examples=8)
@given(lines=st.lists(st.binary(max_size=200), min_size=1, max_size=12))
def test_batch_yields_one_object_per_line_whatever_the_bytes(engine_env, capsys, monkeypatch, lines):
    lines = [line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\n".join(lines) + b"\n")))
    assert main(["ask", "--batch"]) == 0
    rows = [json.loads(r) for r in capsys.readouterr().out.splitlines()]
    assert [r["line"] for r in rows] == list(range(1, len(lines) + 1))
    for row in rows:
        assert ("error" in row) != ("answered" in row)
