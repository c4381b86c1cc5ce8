"""`careerbot ask` end to end with the real default engine (e5 + BM25), in-process."""

from __future__ import annotations

import io
import json
import sys

import pytest

from bot.cli import main


def _json(capsys) -> dict:
    return json.loads(capsys.readouterr().out)


def test_mlops_question_cites_the_mlops_stage_first(engine_env, capsys):
    assert main(["ask", "--json", "MLOpsって何から始めればいい？"]) == 0
    data = _json(capsys)
    assert set(data) >= {"query", "lang", "answered", "answer", "passages", "resources", "next_steps"}
    assert data["lang"] == "ja"
    assert data["answered"] is True
    assert data["passages"][0]["doc_id"] == "mlops"
    assert all(set(p) >= {"doc_id", "title", "score", "text"} for p in data["passages"])
    scores = [p["score"] for p in data["passages"]]
    assert scores == sorted(scores, reverse=True)
    assert 1 <= len(data["resources"]) <= 3
    assert all(r["url"].startswith("http") for r in data["resources"])
    assert data["next_steps"]
    assert any(ch in data["answer"] for ch in "のはをがで"), "a Japanese question gets a Japanese answer"


def test_english_question_gets_english_answer_and_specific_document(engine_env, capsys):
    assert main(["ask", "--json", "Do ML engineers need SQL?"]) == 0
    data = _json(capsys)
    assert data["lang"] == "en"
    assert data["passages"][0]["doc_id"] == "skills-data-platforms"
    assert data["answer"].isascii() or sum(c.isascii() for c in data["answer"]) > 0.9 * len(data["answer"])


def test_readable_output_has_sources_resources_and_next_step(engine_env, capsys):
    assert main(["ask", "Kaggleでポートフォリオを作るには？"]) == 0
    out = capsys.readouterr().out
    assert "出典:" in out
    assert "おすすめの教材:" in out
    assert "次の一歩" in out


def test_stage_option_takes_next_step_from_that_stage(engine_env, kb, capsys):
    assert main(["ask", "--json", "--stage", "core-ml", "What should I learn about statistics?"]) == 0
    data = _json(capsys)
    first_item = kb.stage("core-ml").items[0].title.en
    assert first_item in data["next_steps"][0]


@pytest.mark.parametrize(
    "question",
    ["明日の東京の天気は？", "How do I fix a pip SSL certificate error?", "Give me a recipe for curry"],
)
def test_off_topic_is_declined_plainly(engine_env, capsys, question):
    assert main(["ask", "--json", question]) == 0
    data = _json(capsys)
    assert data["answered"] is False
    assert data["passages"] == []
    assert data["resources"] == []
    assert data["answer"]


@pytest.mark.parametrize("question", ["", "   ", "\t\n"])
def test_empty_question_exits_2_with_a_message(engine_env, capsys, question):
    assert main(["ask", question]) == 2
    captured = capsys.readouterr()
    assert "empty" in captured.err
    assert captured.out == ""


def test_very_long_question_is_truncated_with_notice(engine_env, capsys):
    assert main(["ask", "--json", "MLOps " * 5000]) == 0
    data = _json(capsys)
    assert data["notices"]
    assert len(data["query"]) <= 2000


def test_batch_answers_each_line_and_survives_bad_lines(engine_env, capsys, monkeypatch):
    lines = [
        "MLOpsって何から始めればいい？".encode(),
        b"",
        b"\xff\xfe broken utf-8",
        b"x" * 100_000,
        b"Do ML engineers need SQL?",
    ]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\n".join(lines) + b"\n")))
    assert main(["ask", "--batch"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["line"] for r in rows] == [1, 2, 3, 4, 5]
    assert rows[0]["passages"][0]["doc_id"] == "mlops"
    assert "empty" in rows[1]["error"]
    assert "UTF-8" in rows[2]["error"]
    assert "too long" in rows[3]["error"]
    assert rows[4]["passages"][0]["doc_id"] == "skills-data-platforms"


def test_chat_answers_until_an_empty_line(engine_env, capsys, monkeypatch):
    lines = iter(["Do ML engineers need SQL?", "   ", "never read"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(lines))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert "Sources:" in out
    assert "skills-data-platforms" in out
    assert next(lines) == "never read"  # it stopped at the blank line


def test_chat_ends_cleanly_on_eof(engine_env, capsys, monkeypatch):
    def eof(prompt=""):
        raise EOFError

    monkeypatch.setattr("builtins.input", eof)
    assert main(["chat"]) == 0
