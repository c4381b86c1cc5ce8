"""`careerbot ask` end to end with the real default engine (e5 + BM25), in-process."""

from __future__ import annotations

import io
import json
import sys

import numpy as np
import pytest

from bot.answer import Answer, Passage, hours_in_question
from bot.cli import main
from bot.engine import Engine, combine, merge_parts, question_parts


def _json(capsys) -> dict:
    return json.loads(capsys.readouterr().out)


def _ask(capsys, question: str) -> dict:
    """``careerbot ask --json question``: its JSON answer (the command must succeed)."""
    assert main(["ask", "--json", question]) == 0
    return _json(capsys)


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


def test_readable_output_has_sources_resources_and_next_step_and_no_markdown(engine_env, capsys):
    assert main(["ask", "Kaggleでポートフォリオを作るには？"]) == 0
    out = capsys.readouterr().out
    assert "\n出典\n" in out
    assert "\nおすすめの教材\n" in out
    assert "次の一歩" in out
    for markdown in ("**", "##", "](<", "`"):
        assert markdown not in out


def test_stage_option_takes_next_step_from_that_stage(engine_env, kb, capsys):
    assert main(["ask", "--json", "--stage", "core-ml", "What should I learn about statistics?"]) == 0
    data = _json(capsys)
    assert data["next_steps"][0]["item"] == kb.stage("core-ml").items[0].id
    assert data["next_steps"][0]["title"] == kb.stage("core-ml").items[0].title.en


@pytest.mark.parametrize("question", ["明日の東京の天気は？", "Give me a recipe for curry", "今期のアニメでおすすめは？"])
def test_off_topic_is_declined_in_two_short_lines(engine_env, capsys, question):
    assert main(["ask", "--json", question]) == 0
    data = _json(capsys)
    assert data["answered"] is False
    assert data["kind"] == "decline"
    assert data["passages"] == []
    assert data["resources"] == []
    assert data["answer"].count("\n") == 1
    assert all(len(line) <= 140 for line in data["answer"].splitlines())


@pytest.mark.parametrize(("question", "card"), [
    ("機械学習エンジニアの平均年収は？", "nc-salary"),
    ("What work visa do I need to work in Japan as an ML engineer?", "nc-visa-abroad"),
    ("Googleの機械学習エンジニアの面接ではどんな問題が出る？", "nc-company-interview-questions"),
])
def test_what_the_roadmap_does_not_cover_is_said_honestly(engine_env, capsys, question, card):
    assert main(["ask", "--json", question]) == 0
    data = _json(capsys)
    assert data["answered"] is False
    assert data["kind"] == "not_covered"
    assert data["card"] == card
    assert data["passages"], "it points to what the roadmap does say"


@pytest.mark.parametrize(("question", "card", "lang"), [
    ("G検定って取ったほうがいい？", "cert-g-kentei", "ja"),
    ("E資格", "cert-e-shikaku", "ja"),
    ("統計検定って何級を目指せばいい？", "cert-toukei-kentei", "ja"),
    ("Do certifications help?", "cert-do-certs-help", "en"),
    ("PyTorch or TensorFlow?", "tool-pytorch-vs-tensorflow", "en"),
    ("Is a PhD required for research-heavy ML positions?", "degree-phd", "en"),
    ("文系でもMLエンジニアになれますか？", "bg-humanities", "ja"),
    ("How long does it take to become an ML engineer?", "time-job-ready", "en"),
])
def test_questions_that_were_declined_get_their_card(engine_env, capsys, question, card, lang):
    assert main(["ask", "--json", question]) == 0
    data = _json(capsys)
    assert data["answered"] is True
    assert data["card"] == card
    assert data["lang"] == lang
    assert data["passages"][0]["doc_id"] in {d for c in engine_env.kb.cards if c.id == card for d in c.docs}


def test_how_long_is_computed_from_the_checklist_hours(engine_env, kb, capsys):
    total = sum(i.hours for s in kb.stages if s.order <= 5 for i in s.items)
    assert main(["ask", "--json", "How long does it take to become an ML engineer?"]) == 0
    assert f"{round(total)} hours" in _json(capsys)["answer"]
    assert main(["ask", "--json", "週10時間勉強できます。MLエンジニアになるまでどれくらいかかる？"]) == 0
    answer = _json(capsys)["answer"]
    assert "週10時間" in answer
    assert f"約{-(-round(total) // 10)}週間" in answer


@pytest.mark.parametrize(("text", "hours"), [
    ("週10時間", 10), ("週に5時間", 5), ("10時間/週", 10), ("1日2時間", 14), ("2 hours a day", 14),
    ("平日は1日1時間、土日に6時間くらい、週だいたい10〜12時間を勉強に使えます", 11),  # the weekly figure wins
    ("I have 10-12 hours a week", 11), ("about 15 hours weekly", 15), ("SQL in 3 hours?", None),
])
def test_weekly_hours_are_read_from_the_question(text, hours):
    assert hours_in_question(text) == hours


def test_naming_a_later_item_says_what_is_still_open_before_it(engine_env, capsys):
    """"Linear regression and Titanic done": the Kaggle item does not finish core ML, and the answer says so."""
    question = "I just finished a linear regression tutorial and the Kaggle Titanic competition. What should I do next?"
    assert main(["ask", "--json", question]) == 0
    data = _json(capsys)
    assert 'Still open in "Core algorithms' in data["answer"]
    assert "Decision trees" in data["answer"]
    assert "Linear and logistic regression" not in data["answer"]
    assert "projects.kaggle-competition" not in [s["item"] for s in data["next_steps"]]
    # projects are independent: a Kaggle competition does not mean the recommender system was built
    assert data["next_steps"][0]["item"] == "projects.recommender"


def test_a_finished_course_counts_as_the_items_it_covers(engine_env, capsys):
    """"Machine Learning Specialization" is a course, not the specialization stage: the learner is not told
    they have reached the end of the roadmap, and the regression and trees the course covers are done."""
    question = ("I've completed Andrew Ng's Machine Learning Specialization. What's the next step to become "
                "job-ready?")
    assert main(["ask", "--json", question]) == 0
    data = _json(capsys)
    assert data["stage"] == "core-ml"
    steps = [s["item"] for s in data["next_steps"]]
    assert steps
    assert not {"core-ml.linear-regression", "core-ml.decision-trees"} & set(steps)
    assert main(["ask", "--json", "I'm taking the Machine Learning Specialization, not finished yet. What next?"]) == 0
    assert "core-ml.linear-regression" in [s["item"] for s in _json(capsys)["next_steps"]]


@pytest.mark.parametrize(("question", "stage"), [
    ("im on stage 3 now i think?? what comes after that, kinda lost tbh", "projects"),
    ("今ステージ3です。次は？", "projects"),
    ("第２段階まで終わった。次は何？", "core-ml"),
    ("I'm done with the second stage. Where do I go from here?", "core-ml"),
])
def test_a_stage_named_by_its_number_is_that_stage(engine_env, capsys, question, stage):
    """"stage 3" is core ML: the answer is the stage after it, never a decline or stage 4's successor."""
    data = _ask(capsys, question)
    assert (data["kind"], data["stage"]) == ("next", stage)


def test_a_course_called_specialization_is_not_the_specialization_stage(engine_env, capsys):
    assert _ask(capsys, "I just finished the ML specialization on Coursera. What should I do next?")["stage"] \
        != "specialization"


def test_a_next_step_question_that_asks_to_choose_also_gets_the_choice_answered(engine_env, capsys):
    """"I finished X. Should I do A or B?" gets the card that answers the choice, then the next steps; a plain
    "what next?" gets the next steps alone."""
    data = _ask(capsys, "Pythonの基礎は終わりました。次は数学をやり直すべきですか、それとも機械学習の本に進むべきですか？")
    assert data["kind"] == "next"
    assert data["card"] is not None
    assert data["next_steps"]
    plain = _ask(capsys, "Pythonの基礎は終わりました。次は何をすればいいですか？")
    assert (plain["kind"], plain["card"]) == ("next", None)


def test_what_was_finished_in_the_context_does_not_make_the_question_a_next_step_question(engine_env, capsys):
    """The question asked decides: having finished a course is context for "how do I start my own project?"."""
    data = _ask(capsys, "I finished a deep learning course last month and trained a few image models. I keep "
                        "copying tutorials though. How do I come up with a portfolio project of my own?")
    assert data["kind"] == "card"
    assert _ask(capsys, "I finished a deep learning course last month. What should I do next?")["kind"] == "next"


def test_naming_an_item_implies_the_earlier_ones_only_on_a_sequential_checklist(engine_env, capsys):
    """Through the scikit-learn intro, Python basics are done; through a Kaggle competition, nothing else is."""
    assert main(["ask", "--json", "scikit-learnの入門まで終わりました。次は何をすればいい？"]) == 0
    steps = [s["item"] for s in _json(capsys)["next_steps"]]
    assert steps
    assert not any(s.startswith("programming-data.") for s in steps)


@pytest.mark.parametrize(("text", "n"), [
    ("PyTorchとTensorFlowどっちがいい？あとAWSとGCPならどっち？", 2),
    ("Do I need a PhD? Also, is Kaggle worth doing for beginners? Thanks!", 2),
    ("G検定って意味ある？", 0), ("What is MLOps? Why?", 0), ("SQL?", 0),
    ("MLエンジニアって普段なにしてる人なん？モデル作って終わり？", 0),
    ("What separates a senior ML engineer from an architect, and how do people move up from junior?", 2),
    ("I like math, and do well at it. Should I study ML?", 0),
    ("E資格とG検定の違いは？あと、転職で評価されるのはどっちか教えてください", 2),
    # a Japanese second question typed without its question mark
    ("Sparkって今から勉強する必要ありますか？あとクラウドはAWSとGCPどっちやるのがいいですか", 2),
    ("MLエンジニアとデータサイエンティストって何が違うんですか？あと年収ってどっちの方が高いんでしょう", 2),
    ("G検定って意味ある？よろしくお願いします", 0),
    ("MLエンジニアとMLOpsエンジニアは仕事内容がどう違うのか、それと年収に差はありますか？", 2),
    ("何から始めればいいのか、まだ迷っています", 0),
    ("I finished Géron's book. Is MLOps the next step? If so, what should I learn first and in what order?", 0),
])
def test_a_message_is_split_into_the_questions_it_asks(text, n):
    parts = question_parts(text)
    assert len(parts) == n
    if parts:
        assert "".join(parts).replace(" ", "") == text.replace(" ", "")


def test_a_two_part_question_gets_both_answers(engine_env, capsys):
    """Each part answered by its own card, one after the other; a one-part question is left alone."""
    assert main(["ask", "--json", "Do I need a PhD? Also, is Kaggle worth doing for beginners?"]) == 0
    data = _json(capsys)
    cards = {c.id: c for c in engine_env.kb.cards}
    assert data["card"] == "degree-phd"
    kaggle = [c for c in cards if c.startswith("tool-kaggle")]
    assert any(cards[c].answer.get("en").split(".")[0] in data["answer"] for c in kaggle)
    assert cards["degree-phd"].answer.get("en").split(".")[0] in data["answer"]
    assert main(["ask", "--json", "Do I need a PhD?"]) == 0
    assert "\n\n" not in _json(capsys)["answer"]


def _part(kind: str, doc: str, text: str, card: str | None = None) -> Answer:
    return Answer("q", "en", True, text, [Passage(doc, doc, 1.0, text)], [], [], 0.9, card=card, kind=kind)


def test_a_second_question_the_roadmap_does_not_cover_is_said_so_not_dropped(engine_env, capsys):
    data = _ask(capsys, "データサイエンティストとMLエンジニアの違いは何ですか？年収はどちらが高いですか？")
    assert data["card"] == "ladder-mle-vs-data-scientist"
    assert data["answered"] is True
    assert "年収や給与の具体的な金額はこのロードマップでは扱っていません" in data["answer"]


def test_a_part_no_card_answers_adds_its_passage_only_when_it_says_something_new():
    whole = _part("card", "education", "whole", "wrong-card")
    card = _part("card", "career-ladder", "ladder answer", "ladder-overview")
    new = _part("passage", "future-role", "outlook passage")
    merged = merge_parts(whole, [card, new])
    assert merged.answer == "ladder answer\n\noutlook passage"
    assert merged.card == "ladder-overview"
    assert [p.doc_id for p in merged.passages] == ["career-ladder", "future-role"]
    # a passage on a document the card already cites adds nothing: the whole answer stands
    assert merge_parts(whole, [card, _part("passage", "career-ladder", "same doc")]) is whole
    # without any card, two passages are not stitched together
    assert merge_parts(whole, [new, _part("passage", "mlops", "other")]) is whole
    # a declined part: the whole answer stands
    declined = Answer("q", "en", False, "no", kind="decline")
    assert merge_parts(whole, [card, declined]) is whole


def test_a_not_covered_answer_to_the_whole_message_gives_way_when_no_question_of_it_is_left_out():
    """An embedded engineer's "E資格は費用に見合う価値がありますか？組み込み出身ならではの強みは？" was answered, as a
    whole, only with the bootcamp-price "not covered" card, though each of its questions gets the edge-AI card."""
    whole = _part("not_covered", "education", "not covered", "nc-bootcamp-price")
    edge = _part("card", "specialization", "edge answer", "career-edge-robotics")
    merged = merge_parts(whole, [edge, edge])
    assert (merged.kind, merged.card, merged.answer) == ("card", "career-edge-robotics", "edge answer")
    # a question the roadmap does leave out keeps its honest answer
    salary = _part("not_covered", "career-ladder", "salary not covered", "nc-salary")
    assert merge_parts(whole, [edge, salary]).answer == "edge answer\n\nsalary not covered"
    assert merge_parts(salary, [salary, salary]) is salary


def test_each_part_of_a_two_part_question_keeps_its_best_resource(engine_env, capsys):
    best = []
    for part in ("PyTorchとTensorFlowどっちがいい？", "AWSとGCPならどっち？"):
        assert main(["ask", "--json", part]) == 0
        best.append(_json(capsys)["resources"][0]["id"])
    assert main(["ask", "--json", "PyTorchとTensorFlowどっちがいい？あとAWSとGCPならどっち？"]) == 0
    assert set(best) <= {r["id"] for r in _json(capsys)["resources"]}


@pytest.mark.parametrize(("question", "known", "not_known"), [
    ("I'm fine with calculus and linear algebra, but my coding is basically some MATLAB. Is it realistic?",
     {"education.calculus", "education.linear-algebra"}, set()),
    ("data analyst doing dashboards + sql all day. fastest way to pivot into ML?", {"programming-data.sql-basics"}, set()),
    ("Pythonは独学で半年、pandasでExcel集計を置き換えるくらいはできます", {"programming-data.pandas"}, set()),
    ("物理の博士課程です。数値計算でPythonとNumPyは毎日使ってて、研究職とMLエンジニアのどちらが向いていますか？",
     {"programming-data.numpy"}, set()),
    ("社内SE5年目で、SQLはかなり書けます。MLOpsから入るルートはアリですか？", {"programming-data.sql-basics"}, set()),
    ("done a few web scrapers and one churn model with scikit-learn. how do I get bigger ML clients?",
     {"programming-data.sklearn-intro"}, set()),
    ("微積分が苦手です。どうすれば？", set(), {"education.calculus"}),
    ("Pythonができるようになりたいです", set(), {"programming-data.python-basics"}),
    ("SQLは必要？", set(), {"programming-data.sql-basics"}),
])
def test_what_the_learner_says_they_know_is_not_their_next_step(engine_env, question, known, not_known):
    result = engine_env.searcher.search(question)
    assert known <= set(result.items_known)
    assert not (not_known & set(result.items_known))
    steps = {s.item.id for s in engine_env.ask(question).next_steps}
    assert not (steps & known)


@pytest.mark.parametrize(("question", "card"), [
    ("I'm 45 and work in logistics. Is it too late to become an ML engineer in my 30s or 40s?", "bg-age-40"),
    ("50歳の会社員です。今からMLエンジニアを目指すのは遅いですか？", "bg-age-40"),
    ("33歳でも間に合いますか？未経験です", "bg-age-30"),
])
def test_an_age_banded_card_fits_the_age_the_learner_states(engine_env, capsys, question, card):
    assert main(["ask", "--json", question]) == 0
    assert _json(capsys)["card"] == card


@pytest.mark.parametrize(("question", "card"), [
    # the context names Docker and AWS; the question is what an SIer's experience is worth
    (("SIerで7年、Javaで受託開発をしています。Dockerは現場で毎日使っていて、AWSも少し触れます。"
     "こういう経歴からMLエンジニアに移るなら、これまでの経験で何が活きますか？"), "bg-sier"),
    (("I'm in my second year as an ML engineer, mostly building image models at work. Should I specialise in "
     "computer vision or keep learning broadly?"), "career-specialise"),
    ("What's the difference between an ML engineer and an MLOps engineer?", "ladder-mle-vs-mlops-engineer"),
    ("MLエンジニアって結局なにやる仕事なの？モデル作るだけ？", "role-what-mle-does"),  # not the skills list
])
def test_a_long_message_gets_the_card_for_its_question_not_its_context(engine_env, capsys, question, card):
    assert main(["ask", "--json", question]) == 0
    assert _json(capsys)["card"] == card


def test_beginners_and_english_speakers_are_not_sent_to_the_e_shikaku(engine_env, capsys):
    for question in ("How do I start learning machine learning?", "機械学習の勉強は何から始めればいい？",
                     "What math do I need for ML?", "Which resources are good for deep learning?"):
        assert main(["ask", "--json", question]) == 0
        assert "jdla-e-shikaku" not in [r["id"] for r in _json(capsys)["resources"]], question
    assert main(["ask", "--json", "E資格の勉強方法は？"]) == 0
    assert "jdla-e-shikaku" in [r["id"] for r in _json(capsys)["resources"]]


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


def _chat(monkeypatch, capsys, *lines: str, argv: tuple[str, ...] = ()) -> str:
    feed = iter(lines)

    def read(prompt=""):
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr("builtins.input", read)
    assert main(["chat", *argv]) == 0
    return capsys.readouterr().out


def test_chat_blank_lines_do_not_end_the_session_and_quit_does(engine_env, capsys, monkeypatch):
    out = _chat(monkeypatch, capsys, "Do ML engineers need SQL?", "", "   ", "What is MLOps?", "/quit", "never read")
    assert out.count("Sources") == 2
    assert "skills-data-platforms" in out
    assert "mlops" in out


def test_chat_help_says_how_to_finish(engine_env, capsys, monkeypatch):
    out = _chat(monkeypatch, capsys, "/help")
    assert "/quit" in out
    assert "Ctrl-D" in out


def test_chat_follow_ups_use_the_previous_turn(engine_env, capsys, monkeypatch):
    out = _chat(monkeypatch, capsys, "G検定って取ったほうがいい？", "英語で", "もっと詳しく")
    assert "G検定" in out
    assert "出典" in out
    assert "Sources" in out, "英語で answers the previous question again, in English"
    assert out.index("出典") < out.index("Sources")
    education = engine_env.kb.doc("education").text.en
    assert education in out, "もっと詳しく shows the whole of the first cited section"


def test_chat_what_next_continues_from_the_previous_next_steps(engine_env, kb, capsys, monkeypatch):
    out = _chat(monkeypatch, capsys, "線形回帰も決定木もSVMもクラスタリングも評価も深層学習も自作も、core-mlは一通り終わった。次は？",
                "次は？")
    assert kb.stage("projects").title.ja in out
    assert kb.stage("mlops").title.ja in out


def test_chat_ends_cleanly_on_eof(engine_env, capsys, monkeypatch):
    def eof(prompt=""):
        raise EOFError

    monkeypatch.setattr("builtins.input", eof)
    assert main(["chat"]) == 0


def test_a_two_part_message_is_embedded_once_not_as_a_whole_and_again_as_parts(e5_engine):
    """Its parts are embedded; the whole message's vector is their length-weighted mean (speed: a long
    two-part message used to cost two encodings of its text)."""
    seen: list[str] = []

    class Counting:
        backend, model_id, dim = e5_engine.encoder.backend, e5_engine.encoder.model_id, e5_engine.encoder.dim

        def encode_queries(self, texts):
            seen.extend(texts)
            return e5_engine.encoder.encode_queries(texts)

    engine = Engine(e5_engine.kb, Counting(), e5_engine.index, e5_engine.gate)
    message = "Do I need a PhD? Also, is Kaggle worth doing for beginners?"
    answer = engine.ask(message)
    assert seen == question_parts(message)
    assert answer.card == "degree-phd"  # both parts still answered (see test_a_two_part_question_gets_both_answers)
    assert "Kaggle" in answer.answer


def test_combined_vector_is_a_unit_vector_nearest_the_longer_part():
    a, b = np.eye(3, dtype=np.float32)[:2]
    v = combine(np.stack([a, b]), [3.0, 1.0])
    assert abs(float(np.linalg.norm(v)) - 1.0) < 1e-6
    assert float(v @ a) > float(v @ b) > 0


def test_a_long_messages_parts_keep_their_questions_within_one_questions_budget():
    from bot.engine import PARTS_BUDGET, _cost, within_budget

    background = "I have worked in sales for twenty years and I use Excel every day at work. " * 12
    parts = [background + "Is it too late to become an ML engineer at 42?", "And how would I even begin?"]
    trimmed = within_budget(parts)
    assert sum(_cost(p) for p in trimmed) <= PARTS_BUDGET + 1
    assert trimmed[0].endswith("Is it too late to become an ML engineer at 42?")  # the question stays
    assert trimmed[1] == parts[1]
    assert within_budget(["短い質問？", "もう一つ？"]) == ["短い質問？", "もう一つ？"]


def test_a_japanese_messages_parts_keep_its_text_as_written():
    from bot.engine import question_parts

    text = "大学は情報系と数学系どっちに行くのがいいですか？あと今のうちにやることを教えてください。平日は1時間使えます。"
    parts = question_parts(text)
    assert len(parts) == 2
    assert "".join(parts) == text  # no space put between "教えてください。" and the sentence after it


def test_a_dilemma_said_as_a_statement_is_a_question_of_its_own():
    """"…どっちを目指すべきか迷ってます。あと…どっちが効果ありますか？" asks two things (usefulness28 #5 got one
    answer); "…迷ってます。どっちがいいと思いますか？" asks one, and "Pythonを勉強中で迷ってます。" is no question."""
    physicist = ("物理専攻の修士1年です。研究でPythonとnumpyは毎日使ってます。就活を考えると、研究職寄りとMLエンジニア寄り"
                 "どっちを目指すべきか迷ってます。あと就活までの1年でKaggleやるのとインターン行くのとどっちが効果ありますか？")
    parts = question_parts(physicist)
    assert len(parts) == 2
    assert parts[0].endswith("迷ってます。")
    assert question_parts("大学に編入してちゃんと学んだほうがいいのか、働きながら独学でもいけるのか迷ってます。"
                          "どっちがいいと思いますか？") == []
    assert question_parts("Pythonを勉強中で迷ってます。次は何をすればいい？") == []


def test_the_rest_of_a_question_and_the_other_side_of_a_choice_are_part_of_it():
    """usefulness56 #16: "…モデルを作っている時間はどれくらい？それ以外の時間は何を？" got a second card on studying while
    working; #3: "…寄せていく方がいいのか、それとも転職前提で勉強すべきか、どちらがおすすめ？" one on graduate school."""
    from bot.engine import question_parts

    assert question_parts("MLエンジニアの仕事って、一日のうち実際にモデルを作っている時間はどれくらいですか？"
                          "それ以外の時間は何をしているんでしょうか？") == []
    assert question_parts("いきなりMLエンジニアを目指すより、まず社内でデータ分析の仕事に寄せていく方がいいのか？"
                          "それとも転職前提で勉強すべきか、どちらがおすすめですか？") == []
    # usefulness63 #48: "…? Or should I go all in on LLMs instead?" is the other side of the same choice
    assert question_parts("Is computer vision still a good specialization with all the LLM hype? Or should I go all in "
                          "on LLMs instead?") == []
    # (a second question of its own after "それとも" that names its own subject stays one)
    assert len(question_parts("E資格って転職で評価される？それともAWSの資格を取るべき？")) == 2


def test_a_career_gap_question_is_not_taken_for_am_i_ready_to_apply(e5_engine):
    answer = e5_engine.ask("Stay-at-home dad here, 39. I did IT support for about 10 years before my kid was born. "
                           "Would MLOps be a natural entry point for me? And how do I explain a 4-year career gap when "
                           "I apply?")
    assert "job-ready-to-apply" not in {answer.card}
    assert "Being able to train models" not in answer.answer


def test_a_request_that_ends_with_an_emoji_is_a_question_of_its_own():
    """"…最初の3ヶ月で何から手をつければいいか教えてほしいです🙏" asks as much as without its 🙏 (usefulness31 #1: a
    42-year-old's 3-month question went unanswered)."""
    banker = ("正直、40代からMLエンジニアを目指すのって遅すぎますか？もし現実的なら、最初の3ヶ月で何から手をつければいいか"
              "教えてほしいです🙏")
    parts = question_parts(banker)
    assert len(parts) == 2
    assert parts[1].endswith("教えてほしいです🙏")
    assert len(question_parts(banker.replace("🙏", ""))) == 2
    assert question_parts("MLOpsって何？🤔") == []


def test_a_question_mark_inside_quoted_speech_does_not_split_the_message():
    """usefulness44 #7: 「解約予測のモデル作れない？」と聞かれて… was split at the quoted "？"."""
    text = ("データアナリスト3年目です。事業部から「解約予測のモデル作れない？」と聞かれて、ロジスティック回帰を作ってみました。"
            "MLエンジニアとデータサイエンティスト、どっちが自然ですか？あと何が足りないですか？")
    parts = question_parts(text)
    assert len(parts) == 2
    assert parts[0].endswith("どっちが自然ですか？")
    assert "".join(parts) == text
