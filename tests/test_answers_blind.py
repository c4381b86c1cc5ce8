"""What an answer says to the blind sets' questions (usefulness and card-label sets from usefulness75 on): the card a
question gets and where a learner is placed. Split from test_answers.py so that the two files run on two xdist workers."""

from __future__ import annotations

import pytest
from answer_helpers import items as _items
from answer_helpers import says_card as _says_card

from bot.answer import Asker, fits_asker


@pytest.mark.parametrize("question", [
    ("I'm comfortable with PyTorch, I've reimplemented a small GPT from scratch following Karpathy's videos. I want to "
     "get into LLM work professionally. What's my next step?"),
    ("LLMのAPIとLangChainで社内向けのRAGチャットボットを作り、運用まで担当しています。ここからLLMの専門家として市場価値を"
     "上げたいのですが、次に何を学ぶのがいいですか？"),
])
def test_an_llm_goal_said_in_other_words_gets_the_llm_path_beside_its_next_steps(e5_engine, kb, question):
    """usefulness75 #57 and #30, graded 0: an LLM goal ("get into LLM work", "LLMの専門家として") got the projects or
    MLOps checklist alone."""
    answer = e5_engine.ask(question)
    cards = [kb.cards_by_id[cid].answer for cid in ("ladder-llm-engineer-path", "spec-llm-beyond-api")]
    assert any((card.en if answer.lang == "en" else card.ja)[:40] in answer.answer for card in cards)


@pytest.mark.parametrize("question", [
    ("高専卒で、組み込みエンジニアを6年やっています（C/C++、マイコン）。最近エッジAIに興味が出て、Jetsonで物体検出を動かして"
     "みました。学位なしでMLエンジニアとして採用されるのは、日本の企業だとどのくらい難しいですか？"),
    ("Self-taught, no degree at all, four years as a frontend developer with a couple of LLM apps on GitHub. "
     "I never hear back from ML engineer roles. Is the missing degree the problem, or my portfolio?"),
])
def test_whether_one_is_hired_without_a_degree_gets_a_degree_card(e5_engine, question):
    """usefulness75 #10 and usefulness74 #11 (graded 0 and 1): a kosen graduate in embedded work asking how hard it is to
    be hired without a degree got the edge-AI card alone."""
    assert e5_engine.ask(question).card in {"job-degree-filter", "degree-bachelor-needed", "bg-high-school-no-degree"}


def test_no_degree_in_one_field_is_not_no_degree():
    """"情報系の学位がない" (no CS degree) asks about graduate school, not about being hired with no degree at all."""
    from bot.answer import preferred_cards

    assert preferred_cards("文系出身で情報系の学位がないのですが、大学院に進まないと採用は厳しいでしょうか？")[0] == frozenset()
    assert preferred_cards("I have no degree in CS, will that hurt my chances?")[0] == frozenset()


@pytest.mark.parametrize("question", [
    ("I've built a RAG chatbot with LangChain and a vector DB, and fine-tuned a small open model with LoRA on a custom "
     "dataset. What should I learn next to be hireable as an LLM engineer?"),
    ("LLMのAPIとLangChain、ベクトルDBを使って社内向けのRAGチャットボットを作り、運用まで担当しています。ここからLLMの専門家"
     "として市場価値を上げたいのですが、ファインチューニングや評価など、次に何を学ぶのがいいですか？"),
])
def test_someone_who_has_built_on_llms_gets_the_skills_past_that_not_the_path_from_the_start(e5_engine, kb, question):
    """usefulness76 #57 and 75 #30, graded 0: someone with a RAG app and a LoRA fine-tune asking what to learn next for
    an LLM-engineer job got resume and interview items, or the path from Python onwards, and nothing on evaluation,
    retrieval quality, fine-tuning or serving cost."""
    answer = e5_engine.ask(question)
    assert _says_card(kb, answer, "spec-llm-beyond-api")
    assert not _says_card(kb, answer, "ladder-llm-engineer-path")


def test_an_llm_goal_with_nothing_built_yet_still_gets_the_path_from_the_start(e5_engine, kb):
    answer = e5_engine.ask("I've finished Python basics and pandas. I want to become an LLM engineer. What should I do "
                           "next?")
    assert not _says_card(kb, answer, "spec-llm-beyond-api")


def test_a_recommender_goal_after_cf_and_mf_gets_production_recommender_skills(e5_engine, kb):
    """usefulness78 #30, graded 0: someone who implemented collaborative filtering and matrix factorisation on MovieLens
    was told to build a recommender, a sentiment model and an image classifier."""
    answer = e5_engine.ask("推薦システムの分野に進みたいです。MovieLensで協調フィルタリングと行列分解は自分で実装してみ"
                           "ました。ここから実務の推薦エンジニアに近づくには、次に何を学んで何を作ればいいですか？")
    assert _says_card(kb, answer, "spec-recommender-production")
    assert kb.items["projects.recommender"].title.ja not in answer.answer  # they built one


@pytest.mark.parametrize("question", [
    ("I built a sentiment analysis model, wrapped it in FastAPI, containerized it with Docker, and deployed it on "
     "Render. I'd like to lean toward MLOps. What should I learn or build next?"),
    ("画像分類モデルをFastAPIでAPI化して、Dockerでローカルに立ち上げるところまでできました。次はクラウドにデプロイして"
     "みたいです。そこから先、MLOpsとして何をどの順番で学べばいいですか？"),
])
def test_someone_who_has_deployed_gets_the_mlops_steps_after_deployment(e5_engine, kb, question):
    """usefulness78 #57 and 77 #28: someone who had served a model with FastAPI and Docker was told to start MLOps
    with FastAPI and Docker."""
    answer = e5_engine.ask(question)
    assert _says_card(kb, answer, "tool-mlops-after-deploy")
    assert not _says_card(kb, answer, "tool-mlops-learning-order")


@pytest.mark.parametrize(("question", "first", "second"), [
    ("統計検定2級ってMLエンジニアの転職で評価されますか？もし取るなら、準1級まで目指したほうがいいでしょうか？",
     "cert-toukei-kentei", "cert-toukei-higher-grade"),
    ("Do I need C++ to be an ML engineer, or is Python enough? And if I should learn a second language, which one?",
     "tool-java-cpp", "tool-second-language"),
    ("PyTorchとTensorFlow、今から勉強するならどっちがいいですか？それと、求人に応募するには両方使えないとダメなんでしょうか？",
     "tool-pytorch-vs-tensorflow", "tool-framework-in-jobs"),
])
def test_a_common_second_question_gets_its_own_card(e5_engine, kb, question, first, second):
    """usefulness75 #14, 74 #43 and 74 #14 (graded 1): the second question (準1級, which second language, whether both
    frameworks are needed to apply) went unanswered or got a card on another subject (NLP, G検定 and E資格)."""
    answer = e5_engine.ask(question)
    assert _says_card(kb, answer, first)
    assert _says_card(kb, answer, second)


def test_the_prompt_engineering_card_answers_only_a_message_about_prompts(e5_engine, kb):
    """A nurse who wants to work on AI for medical images got the prompt-engineering card for her first question."""
    answer = e5_engine.ask("はじめまして。34歳で病棟看護師をしています。看護研究でSPSSを使ってt検定やカイ二乗検定くらいは"
                           "やったことがあって、Pythonは最近Progateで少し触り始めたところです。夜勤もあるので勉強できるのは"
                           "1日平均1時間くらいです。将来は医療画像とか電子カルテのデータを扱うAIの仕事に関わりたいんですが、"
                           "まず何から手をつければいいでしょうか？あと、このペースだとMLエンジニアとして転職できるまでどれくら"
                           "いかかりそうか、ざっくりでいいので知りたいです。")
    assert not _says_card(kb, answer, "concept-prompt-engineering")


def test_how_long_asked_in_a_long_message_gets_a_figure_beside_the_background_card(e5_engine):
    """usefulness78 #3 (graded 1): "40代から未経験でMLエンジニアになる場合、どのくらいの期間を見込めばいいですか？" with
    8 hours a week got the card on the asker's age and no figure at all."""
    answer = e5_engine.ask("42歳、製造業で生産技術をやっています。工場のデータを扱う機会が増えてPythonを独学し始めましたが、"
                           "子どもが2人いて勉強時間は週8時間が限界です。転職となると年収が下がるのも怖いです。40代から未経験"
                           "でMLエンジニアになる場合、どのくらいの期間を見込めばいいですか？")
    assert "週8時間" in answer.answer  # their own pace, in hours and weeks
    assert "か月" in answer.answer


def test_e_shikaku_typed_in_hiragana_gets_an_e_shikaku_card(e5_engine):
    """usefulness74 #20 (graded 0): "えしかくって独学でうかりますか" got the card on self-study versus a school."""
    assert e5_engine.ask("えしかくって独学でうかりますか").card.startswith("cert-e-shikaku")


def test_a_second_question_that_points_back_is_read_with_the_one_before_it(e5_engine, kb):
    """usefulness77 #13 (graded 1): "あと、取るならどっちを先に取るべきでしょう？" after a question on G検定 and E資格 got the
    card on learning Python or SQL first."""
    answer = e5_engine.ask("G検定とE資格って、転職で実際に評価されますか？あと、取るならどっちを先に取るべきでしょう？")
    assert _says_card(kb, answer, "cert-which-first")
    assert not _says_card(kb, answer, "start-python-or-sql-first")


def test_a_second_question_that_points_back_gets_no_card_its_own_words_happen_to_match(e5_engine, kb):
    """usefulness74 #46 and 75 #48 (graded 1): "And which one should a beginner aim for?" after ML engineer versus AI
    engineer got a paragraph on beginners' ML courses."""
    answer = e5_engine.ask("What's the difference between an ML engineer and an AI engineer in job postings these days? "
                           "And which one should a beginner aim for?")
    assert _says_card(kb, answer, "ladder-ai-engineer-vs-mle")
    assert "beginner" in answer.answer.split("\n\n")[0]  # the card says which to aim for
    assert not _says_card(kb, answer, "start-ml-courses-beginner")


def test_kaggle_medal_tiers_asked_after_whether_medals_count_are_answered(e5_engine):
    """usefulness74 #16 (graded 1): "評価されるとしたら、銅・銀・金のどのくらいが目安" got the card on evaluation metrics."""
    answer = e5_engine.ask("Kaggleのメダルってポートフォリオとして評価されますか？評価されるとしたら、銅・銀・金のどのくらいが"
                           "目安になりますか？")
    assert "銅メダル" in answer.answer
    assert "評価指標" not in answer.answer


def test_a_fastai_learner_with_a_deployed_classifier_is_not_sent_to_tensorflow_or_another_classifier(e5_engine, kb):
    """usefulness76 #55 and 75 #56 (graded 1): a fast.ai learner who had deployed a dog-breed (or plant disease)
    classifier was planned an image classifier again and pointed at the TensorFlow tutorials."""
    answer = e5_engine.ask("I just finished part 1 of fast.ai's Practical Deep Learning course and deployed a dog-breed "
                           "classifier on Hugging Face Spaces. I have about 10 hours a week. What should I do next?")
    assert "projects.image-classifier" not in {s.item.id for s in answer.next_steps}
    assert all(s.resource is None or "tensorflow" not in kb.resources_by_id[s.resource.id].tags
               for s in answer.next_steps)


@pytest.mark.parametrize(("question", "expected"), [
    (("Do I need Docker and Kubernetes for an entry-level ML engineer job? Also, where can I deploy a portfolio model "
      "cheaply so recruiters can actually try it?"), "Hugging Face Spaces"),
    (("MLOpsって具体的にどんな仕事をするんでしょうか？また、独学でMLOpsのスキルを身につけるにはどんな環境を用意すれば"
      "いいですか？"), "minikube"),
])
def test_a_practical_second_question_gets_a_concrete_answer(e5_engine, question, expected):
    """usefulness78 #48 and 77 #16 (graded 1): where to host a demo cheaply got "check the free tier", and what to set up
    to practise MLOps alone got a tool learning order."""
    assert expected in e5_engine.ask(question).answer


def test_an_nlp_llm_goal_asked_as_what_to_build_up_gets_the_llm_skills_beside_the_card(e5_engine, kb):
    """usefulness80 #30 (graded 0): a BERT fine-tuner aiming at an NLP/LLM job asked what to build up before next
    March and got the RAG-or-fine-tuning card alone. Since session 30 the path to LLM work, not the card for those who
    already build LLM apps ("LLMを使ったアプリが作れるなら…", a misreading of a BERT classifier: usefulness286 #59)."""
    answer = e5_engine.ask("Hugging FaceのTransformersでBERTをファインチューニングして、日本語の文書分類モデルを作りました。"
                           "NLP・LLM系のエンジニアとして新卒就職したいです。来年3月の就活本番までに、何を積み上げておけば"
                           "良いですか？")
    assert _says_card(kb, answer, "ladder-llm-engineer-path")
    assert not _says_card(kb, answer, "spec-llm-beyond-api")


def test_an_llm_app_goal_is_not_planned_other_fields_projects(e5_engine):
    """usefulness79 #29 (graded 0): an LLM-app engineer's 3-month plan listed a recommender and a CNN classifier."""
    answer = e5_engine.ask("松尾研の深層学習講座を修了して、そのあと大規模言語モデルの講座も受けました。LLMを使ったアプリ開発を"
                           "するエンジニアとして3ヶ月後に転職活動を始めたいです。週12時間使えるので、3ヶ月の具体的な計画を教え"
                           "てください。")
    assert not {"projects.recommender", "projects.image-classifier"} & {s.item.id for s in answer.next_steps}
    assert "レコメンドシステムを作る" not in answer.answer


def test_demand_forecasting_is_not_a_question_about_demand(e5_engine, kb):
    """usefulness79 #30 (graded 0): "需要予測モデルを作り…次はレコメンドシステムの分野に進みたい" lost the recommender
    card to its exclusion of "需要" (whether recommenders are in demand)."""
    answer = e5_engine.ask("社内のデータ分析チームに2年いて、LightGBMで需要予測モデルを作り、バッチで毎日回す運用までやって"
                           "います。次はレコメンドシステムの分野に進みたいです。週6時間くらいで、何から勉強・実践していけば"
                           "いいですか？")
    assert _says_card(kb, answer, "spec-recommender-study") or _says_card(kb, answer, "spec-recommender-production")


@pytest.mark.parametrize(("question", "not_card"), [
    ("ぽーとふぉりおってgithubにコードおいとくだけでいいの？", "job-kaggle-notebooks-portfolio"),
    (("G検定に合格して、scikit-learnで回帰と分類のモデルは一通り作れるようになりました。次はポートフォリオを作りたいんですが、"
      "どんなテーマにすればいいか全然決まりません。どう決めて、どこまで作り込めばいいですか？"), "project-recommender"),
])
def test_a_card_about_one_thing_does_not_answer_a_message_that_never_names_it(e5_engine, question, not_card):
    """usefulness81 #24 (graded 0) and 82 #27 (graded 1): plain GitHub code got the Kaggle-notebooks card, and how to
    choose a portfolio theme got the card on building a recommender."""
    assert e5_engine.ask(question).card != not_card


def test_years_to_senior_gets_what_postings_ask_for(e5_engine):
    """usefulness79 #16 and 81 #47 (graded 1): how many years to senior got only "the roadmap sets no number"."""
    answer = e5_engine.ask("MLエンジニアのジュニアとシニアって、求められることは具体的に何が違うんでしょうか？また、シニアと"
                           "言われるようになるまで普通は何年くらいかかりますか？")
    assert "3〜5年" in answer.answer


def test_rust_asked_beside_cpp_is_answered(e5_engine):
    """usefulness79 #46, 83 #46 and 84 #46 (graded 1): "Should I learn C++ or Rust on top of Python…? If yes, at what
    point…?" got the Java/C++ card, which never named Rust or when to start."""
    answer = e5_engine.ask("Should I learn C++ or Rust on top of Python for ML engineering? If yes, at what point in my "
                           "learning does it make sense to start?")
    assert "Rust" in answer.answer


def test_how_much_of_the_day_is_modelling_gets_a_rough_split(e5_engine):
    """usefulness79 #44 and 84 #47 (graded 1): a day in the job, and how much of it is modelling, got no split."""
    answer = e5_engine.ask("What does a typical day look like for an ML engineer? And roughly how much of the time is "
                           "spent on modeling versus data work and infrastructure?")
    assert "a fifth to a third" in answer.answer


def test_how_to_position_for_a_recommender_role_gets_the_recommender_card(e5_engine, kb):
    """usefulness86 #33 (graded 1 after a tie flip): an analyst asking how to position themselves for a
    recommendation-focused ML role got the analyst card alone."""
    answer = e5_engine.ask("I've been a data analyst at an e-commerce company for four years, mostly SQL, dashboards, and "
                           "A/B test analysis. Our product team keeps talking about improving recommendations, and I find "
                           "that really interesting. I know basic scikit-learn but nothing about recommender systems. How "
                           "would I position myself to move into a recommendation-focused ML engineer role?")
    assert any(_says_card(kb, answer, cid) for cid in ("spec-recommender-study", "project-recommender",
                                                       "spec-recommender-production"))


@pytest.mark.parametrize(("question", "expected"), [
    ("PyTorchとTensorFlow、今から勉強するならどっちがいいですか？また、片方しかできないと求人で不利になりますか？",
     "両方使える必要はなく"),
    ("PyTorchとTensorFlow、今から学ぶならどっちがいいですか？それと、最初はKerasから入るのもアリですか？", "Kerasは"),
])
def test_a_frameworks_second_question_is_answered(e5_engine, question, expected):
    """usefulness83 #14 and 81 #14 (graded 1): "片方しかできないと求人で不利？" got the degree-filter card, and "最初は
    Kerasから入るのもアリ？" a card on first jobs."""
    assert expected in e5_engine.ask(question).answer


def test_a_plan_after_theory_courses_does_not_reopen_their_math(e5_engine, kb):
    """Session 20's graders: someone through ゼロつく and CS229 was told linear algebra and calculus were still open."""
    answer = e5_engine.ask("ゼロつく1と2を読み終えて、CS229も一通りやりました。週10時間あります。次の3か月の学習計画を作ってください。")
    assert answer.kind == "next"
    for item in ("education.linear-algebra", "education.calculus", "education.probability-statistics"):
        assert kb.items[item].title.ja not in answer.answer


@pytest.mark.parametrize("question", [
    "去年E資格に合格しました。実務経験はありません。週8時間で半年の学習計画を立ててほしいです。",
    "I passed the E資格 exam last month. Make me a 3 month plan, 10 hours a week.",
])
def test_an_e_shikaku_holder_is_not_planned_python_basics(e5_engine, kb, question):
    """usefulness84 (graded 1): an E資格 holder's plan began with Colab set-up and Python's syntax."""
    answer = e5_engine.ask(question)
    assert answer.kind == "next"
    where, planned = answer.answer.split("\n\n")[:2]
    for item in ("programming-data.dev-environment", "programming-data.python-basics", "core-ml.deep-learning-basics"):
        assert kb.items[item].title.get(answer.lang) not in planned
    assert f"{kb.stages_by_id['projects'].title.get(answer.lang)}" in where.splitlines()[0]


@pytest.mark.parametrize(("question", "held"), [
    ("E資格、合格しました", True), ("E資格持ちです", True), ("I hold the JDLA E資格", True),
    ("E資格を取ったほうがいい？", False), ("E資格に合格したら転職できますか", False), ("E資格は持っていない", False),
    ("Should I take the E資格?", False),
])
def test_what_counts_as_holding_e_shikaku(kb, question, held):
    from bot.answer import _passed_certificates
    assert bool(_passed_certificates(kb, question)) is held


@pytest.mark.parametrize("question", [
    ("Kaggleのテーブルコンペで銅メダルを2つ取りました。LightGBMと特徴量エンジニアリングはそこそこできると思います。でも実務経験は"
    "ゼロです。ここから就職・転職につなげるには次に何をすべきでしょう？"),
    "KaggleでExpertになって銀メダルも2つありますが、実務経験はゼロです。ここから就職につなげるには、次に何をすればいいでしょうか？",
    ("I can build and evaluate models in scikit-learn and PyTorch, and I've done two Kaggle tabular competitions (top 30% in "
    "both). I want to be job-ready by next June. What should I focus on between now and then?"),
])
def test_a_kaggle_result_is_past_the_core_algorithms(e5_engine, question):
    """usefulness87 #28 and #56, 89 #28 (graded 0 and 1): medal holders asking how to get a job were sent to linear
    regression and SVMs, or to three beginner projects; "what should I focus on between now and then?" got a card on
    Kaggle notebooks. "そこそこできると思います" is a claim, not a plan."""
    answer = e5_engine.ask(question)
    assert answer.kind == "next"
    steps = _items(answer)
    assert not {"core-ml.linear-regression", "core-ml.svm"} & set(steps)
    # a medal or a title stands for a project of one's own, though a tabular one not for image or NLP work; a top-30%
    # finish does not (usefulness92 #56, graded 1 when its plan had no project of the asker's own; 102 #27)
    if "テーブル" in question:
        assert steps[0] in {"projects.sentiment-analysis", "projects.image-classifier"}
        assert "projects.recommender" not in steps
    elif "メダル" in question:
        assert steps[0] == "projects.github-portfolio"
    else:
        assert steps[0] == "projects.recommender"


@pytest.mark.parametrize("question", [
    ("社内でLightGBMの需要予測モデルを1本本番に載せて、Airflowで週次の再学習バッチも回せるようになりました。ここからMLOpsをもっと"
    "深めていきたいです。1年くらいのスパンで、何をどの順番で学べばいいですか？"),
    ("社内でLightGBMの需要予測モデルを1つ本番に入れることができました（バッチで毎日回してます）。次はMLOpsをちゃんと学びたいです。"
    "3ヶ月でどういう順番で勉強すればいいですか？"),
])
def test_someone_running_a_model_in_production_gets_mlops_past_the_first_deploy(e5_engine, question):
    """usefulness89 #29 and 90 #30 (graded 1 and 0): the MLOps order from packaging a notebook, and a decision-tree or
    SVM next step, for someone whose LightGBM model already runs in production."""
    answer = e5_engine.ask(question)
    assert answer.card == "tool-mlops-after-deploy"
    assert all(s.item.stage == "mlops" and s.item.id != "mlops.notebook-to-code" for s in answer.next_steps)


def test_wanting_a_model_in_production_is_not_running_one():
    from bot.answer import _runs_model
    assert not _runs_model("これを本番で使えるようにする方法が全く分かりません")
    assert not _runs_model("モデルを本番に載せたいです")
    assert not _runs_model("I've never put a model into production")
    assert not _runs_model("I want to put a model into production")
    assert _runs_model("I put a churn model into production last year")


def test_knowing_scikit_learn_well_is_past_its_classic_algorithms(e5_engine):
    """usefulness89 #58 (graded 0): "I know Python and scikit-learn well" was sent to linear regression, trees and SVMs."""
    answer = e5_engine.ask("I just passed the AWS Machine Learning Specialty exam and I know Python and scikit-learn well, "
                           "but I've never deployed anything real. What's my next step toward an ML engineer job?")
    assert not {"core-ml.linear-regression", "core-ml.decision-trees", "core-ml.svm"} & set(_items(answer))


def test_going_deeper_into_llms_leads_with_the_card_past_what_they_built(e5_engine, kb):
    """usefulness89 #57 (graded 0): a RAG builder who wants to go deeper into fine-tuning and evaluating LLMs got the
    core algorithms' checklist alone."""
    answer = e5_engine.ask("I've built a RAG chatbot over my company's docs using LangChain and a vector database. Now I want "
                           "to go deeper into fine-tuning and evaluating LLMs. What should I learn next, and in what order?")
    assert answer.answer.startswith(kb.cards_by_id["spec-llm-beyond-api"].answer.en[:40])


def test_an_nlp_llm_plan_gets_the_llm_path_beside_it(e5_engine, kb):
    """usefulness90 #29 (graded 1): a six-month plan toward NLP/LLM work had no LLM content."""
    answer = e5_engine.ask("松尾研のDL基礎講座を修了して、そのあとLLM講座も受講しました。今後はNLP・LLM方面のエンジニアとして働き"
                           "たいです。週15時間くらい使えるので、半年間の学習計画を立ててもらえますか？")
    assert "1か月目" in answer.answer
    assert _says_card(kb, answer, "ladder-llm-engineer-path")


@pytest.mark.parametrize(("question", "card"), [
    ("G検定とE資格って転職のときに実際評価されますか？あと、取るならどっちから受けるのがおすすめですか？", "cert-which-first"),
    ("クラウドの資格を取るならAWSとGoogle Cloudどっちがいいですか？そもそも資格よりMLOpsの実務経験のほうが大事だったりします？",
     "cert-vs-portfolio"),
])
def test_a_certificates_second_question_is_answered(e5_engine, kb, question, card):
    """usefulness89 #13 and 90 #18 (graded 1): which exam to take first, and whether certificates count less than
    experience, went unanswered."""
    assert _says_card(kb, e5_engine.ask(question), card)


def test_which_cloud_certificate_if_only_one(e5_engine):
    """usefulness87 #48 (graded 1): "which one would you pick if I could only do one?" was told only to match the
    employer's cloud."""
    answer = e5_engine.ask("Are cloud certifications like the AWS Machine Learning Specialty or Google Professional ML "
                           "Engineer useful for getting a job? And which one would you pick if I could only do one?")
    assert "AWS, the most widely used, is the safe pick" in answer.answer


def test_one_thing_done_through_is_not_the_whole_stage(e5_engine):
    """usefulness87 #25 (graded 0): "KaggleのTitanicも一通り提出しました" after Andrew Ng's course was read as the whole
    projects stage done, and the plan began at the MLOps stage."""
    answer = e5_engine.ask("CourseraのAndrew NgのMachine Learningコースを修了して、KaggleのTitanicも一通り提出しました。平日1時間、"
                           "週末4時間くらい使えます。次に何をやればいいか、3か月分の学習計画を教えてください。")
    assert answer.stage == "projects"
    assert "core-ml.linear-regression" not in _items(answer)


@pytest.mark.parametrize(("question", "card"), [
    (("I'm a frontend developer (React/TypeScript, 4 years) at a startup in Tokyo. I've been playing with the OpenAI API and "
     "built a couple of small chatbot features at work. My math is rusty and I never took linear algebra in college. Can I "
     "move into an ML engineer role by building on LLM app work, or do I need to go back and learn classical ML and math "
     "properly first?"), "career-llm-apps-route"),
    (("35歳、Webマーケターです。LangChainとOpenAIのAPIで社内向けのFAQチャットボットを作って、けっこう好評でした。ただ、機械学習の"
     "基礎（勾配降下法とか評価指標とか）はほとんど分かっていません。LLMアプリの開発経験だけでMLエンジニアやAIエンジニアとして"
     "転職できますか、それとも基礎からやり直すべきですか？"), "career-llm-apps-route"),
    (("I've been a data analyst at an e-commerce company for three years: lots of SQL, A/B test analysis, and some logistic "
     "regression in Python. My manager is open to me taking on ML work, but there's no ML team and no infrastructure. What "
     "kind of first ML project should I propose internally that would actually look good on my CV?"),
     "job-first-internal-project"),
    (("SIerで5年目、主にJavaで業務システムの開発をしています。最近社内でAI関連の案件が立ち上がるという話があり、手を挙げるか、"
     "それとも外部の事業会社に転職するか迷っています。社内でAI案件を狙うのと転職するのと、どちらが近道だと思いますか？"),
     "job-internal-or-switch"),
    (("I just finished my CS undergrad. I did one ML course and a capstone project using a fine-tuned BERT model, but no "
     "internships. Job postings for ML engineers all seem to want 3+ years of experience or a master's degree. Should I "
     "apply straight for ML engineer roles, or take a regular software engineering job first and move over later?"),
     "job-shinsotsu-vs-chuto"),
])
def test_career_route_questions_get_the_card_on_their_choice(e5_engine, question, card):
    """usefulness87 #32, #37, #39, 89 #10, 90 #2 (graded 0 or 1): building on LLM app work got a card on high-school
    math; a first internal project got entry roles; an internal AI project or a job change got a stock card; a new
    graduate choosing between an ML role and a software job first got grad school."""
    assert e5_engine.ask(question).card == card


def test_the_card_past_a_first_deploy_does_not_lead_a_checklist_on_its_own_stage(e5_engine, kb):
    """usefulness93 #27 (graded 1 after 2): someone who deployed with FastAPI but never used Docker read "推論APIを
    Dockerで動かして…" first; the MLOps checklist, Docker first, comes before the card."""
    answer = e5_engine.ask("画像分類モデルを学習させて、FastAPIでAPI化してRenderにデプロイするところまで個人でやりました。MLOps寄りの"
                           "スキルを伸ばしたいんですが、次に何を学べばいいでしょう？Docker はまだ触ったことがないです。")
    assert not answer.answer.startswith(kb.cards_by_id["tool-mlops-after-deploy"].answer.ja[:30])


def test_the_llm_app_route_card_needs_llm_app_work_of_ones_own(e5_engine):
    """usefulness94 #18 (graded 1 after 2): "今からLLMエンジニアを目指すのってアリ？" got a paragraph that assumes the asker
    builds LLM apps at work."""
    answer = e5_engine.ask("今からLLMエンジニアを目指すのってアリですか？それと、LLM系をやるにしても従来の機械学習（回帰とか決定木とか）"
                           "の基礎はどこまで押さえておく必要がありますか？")
    assert "今のLLMアプリの仕事" not in answer.answer


@pytest.mark.parametrize("question", [
    ("What does an ML engineer actually do day to day? And roughly how much of the time is spent writing code versus "
     "building and tuning models?"),
    ("What does a typical day look like for an ML engineer at a tech company? And roughly how much of the time is actual "
     "coding versus meetings and other stuff?"),
])
def test_a_day_in_the_job_and_its_split_get_the_day_to_day_card(e5_engine, kb, question):
    """usefulness91 #45 and 94 #44 (graded 0): "at a tech company" got "a particular company's culture is not covered",
    and when both questions got the day-to-day card the message as a whole got the card on software engineering."""
    answer = e5_engine.ask(question)
    assert answer.card == "ladder-junior-day-to-day"
    assert answer.kind == "card"


@pytest.mark.parametrize("question", [
    ("I have a working RAG chatbot using the OpenAI API and a vector database, with a simple web UI. What are my next "
     "steps if I want to move toward fine-tuning models and doing proper evaluation?"),
    ("Hugging FaceでBERTのファインチューニングをやったのと、LangChainでRAGのアプリを1つ作りました。半年後にNLP/LLM系の"
     "ポジションで転職したいです。週15時間使えるとして、学習計画を立ててもらえますか？"),
])
def test_an_llm_builder_moving_toward_fine_tuning_gets_the_card_past_what_they_built(e5_engine, kb, question):
    """usefulness92 #58 and 93 #30 (graded 0): a RAG builder moving toward fine-tuning and evaluation got MLflow and
    SageMaker; a BERT fine-tuner's plan began with Python's syntax."""
    answer = e5_engine.ask(question)
    assert _says_card(kb, answer, "spec-llm-beyond-api")
    assert answer.answer.index(kb.cards_by_id["spec-llm-beyond-api"].answer.get(answer.lang)[:30]) == 0
    assert "programming-data.python-basics" not in _items(answer)


def test_a_kaggle_expert_is_not_told_to_retype_public_notebooks(e5_engine, kb):
    """usefulness94 #58 (graded 0)."""
    answer = e5_engine.ask("I've gone through the Stanford CS229 lectures and reached Kaggle Expert in competitions. I'd "
                           "like to move toward roles that involve fine-tuning LLMs. What should I learn or build next?")
    assert not _says_card(kb, answer, "tool-kaggle-notebooks-vs-competitions")
    assert any(_says_card(kb, answer, c) for c in ("spec-llm-beyond-api", "ladder-llm-engineer-path", "outlook-llm-skills"))


@pytest.mark.parametrize("question", [
    ("Kaggleのテーブルコンペで銀メダルを1つ取りました。画像やNLPのコンペは未経験です。MLエンジニアの求人に応募する前に、ポートフォリオ"
    "として次に何を足すべきでしょうか？"),
    ("Kaggleのテーブルコンペで銅メダルを2つ取りました。LightGBMでの特徴量エンジニアリングは得意ですが、画像やNLPはやったことがありません。"
    "半年後に転職活動を始めたいので、それまでに何をやっておくべきか教えてください。"),
])
def test_a_medal_holder_who_never_did_images_or_nlp_is_planned_those_projects(e5_engine, question):
    """usefulness95 #27 and 97 #28 (graded 1 and 0 after 2): a medal counted the image and NLP projects as done."""
    steps = _items(e5_engine.ask(question))
    assert {"projects.image-classifier", "projects.sentiment-analysis"} <= set(steps)
    assert "projects.kaggle-competition" not in steps


def test_cs231n_does_not_place_a_learner_at_the_specialisation_stage(e5_engine):
    """usefulness96 #58 (graded 0 after 1): "watched all the CS231n lectures… a plan" was placed past the projects
    and MLOps stages, its specialisation items read as the first stage the course teaches."""
    answer = e5_engine.ask("I've watched all the CS231n lectures and implemented a ResNet from scratch in PyTorch. I want a "
                           "computer vision job within 6 months and can study about 15 hours a week. What should my plan "
                           "look like?")
    assert answer.stage == "projects"


def test_a_card_word_is_not_found_inside_another_word(e5_engine):
    """usefulness98 #31 (graded 1 after 2): job-shinsotsu-vs-chuto's "SES" matched "courses", and a 38-year-old CPA
    read "as a new graduate is the shortest route"."""
    answer = e5_engine.ask("Hi all. I'm 38 and work as an accountant (CPA), mostly Excel and some VBA, and I've done a "
                           "couple of beginner Python courses. I have a mortgage and two kids, so realistically I can study "
                           "about 8 hours a week. I'm wondering whether going straight for ML engineer is realistic for me, "
                           "or whether I should first aim for something like a data role in finance and move toward ML "
                           "from there?")
    assert answer.card != "job-shinsotsu-vs-chuto"


def test_a_tabular_medal_does_not_count_image_or_nlp_projects(e5_engine):
    """usefulness102 #27 (graded 1 after 2): a first bronze in a tabular competition, asking whether to go to images or
    LLMs next, got only a portfolio and a blog post."""
    steps = _items(e5_engine.ask("Kaggleのタイタニックと住宅価格のコンペを終えて、テーブルデータのコンペで初めて銅メダルを取りました。"
                                 "次は画像系に行くべきか、LLM系に行くべきか、それとも別のことをやるべきか迷っています。次の一歩を教えてください。"))
    assert {"projects.image-classifier", "projects.sentiment-analysis"} & set(steps)


@pytest.mark.parametrize(("question", "card"), [
    # usefulness93 #60 (graded 0): a senior headed for tech lead got the MLOps stage's checklist
    (("I'm a senior ML engineer and I've been leading a couple of projects end to end for the past year. I'd like to "
     "move up to tech lead, and maybe management later. What are the next steps to get there?"), "ladder-senior-vs-lead"),
    # usefulness96 #38 (graded 0): four years in, about to be a tech lead, got the way to become senior
    (("I've been working as an ML engineer for about four years, mostly building and shipping ranking models. My manager "
     "mentioned I could be considered for a tech lead role next year. What actually changes when you go from senior ML "
     "engineer to ML tech lead, and how should I prepare?"), "ladder-senior-vs-lead"),
    # usefulness96 #29 (graded 0): a year into a recommender job, asking what raises their market value, got a beginner's
    # portfolio checklist
    (("未経験からMLエンジニアに転職して1年経ちました。今はECサイトのレコメンドシステムの運用と改善（特徴量追加やABテスト）を"
     "担当しています。次の1年でどのスキルを伸ばすと市場価値が上がりますか？"), "ladder-senior-faster"),
])
def test_someone_in_the_job_asking_how_to_grow_gets_the_career_ladder(e5_engine, question, card):
    answer = e5_engine.ask(question)
    assert answer.kind == "card"
    assert answer.card == card
    assert "LeetCode" not in answer.answer
    assert "MLOps" not in answer.answer


@pytest.mark.parametrize(("question", "cards"), [
    # a junior who names tech lead as a later goal is told how to grow toward senior, not what a lead does
    (("I've been a junior ML engineer for about a year at a mid-size e-commerce company. I'm worried I'm not growing. "
     "What should I be doing in the next 2-3 years to get to senior, and eventually maybe tech lead?"),
     {"ladder-senior-mle", "ladder-senior-faster", "ladder-years-to-senior"}),
    # management or the IC track, from mid-level: the paths past senior (not the way to grow toward senior)
    (("I'm a mid-level ML engineer (3 yrs) and torn between going for senior/staff on the IC track or moving into "
     "management. What should I be working on next for each path?"), {"ladder-technical-track"}),
])
def test_a_lead_or_management_goal_is_answered_for_the_askers_level(e5_engine, question, cards):
    answer = e5_engine.ask(question)
    assert answer.card in cards, answer.card


def test_a_senior_choosing_between_staff_and_management_gets_what_each_role_is(e5_engine):
    # usefulness103 #42 (graded 0 when it got the paths past senior, which never name the manager track)
    answer = e5_engine.ask("I've been an ML engineer for seven years, the last two as a senior on a search ranking team. "
                           "My company is asking me to choose between becoming a staff engineer or an engineering manager "
                           "for a team of five. How should I decide between the staff/tech-lead track and the management "
                           "track?")
    # (how to decide is the card on choosing between them, since this session; before, what each role is)
    assert answer.card == "ladder-lead-or-ic"


def test_a_kaggle_medallist_asking_for_an_mlops_plan_is_planned_from_where_they_are(e5_engine):
    # usefulness98 #57 (graded 0): the beginners' three-month plan (Python syntax in Colab)
    answer = e5_engine.ask("I've published a few Kaggle notebooks and got a silver medal in a tabular competition. Now I "
                           "want to move toward MLOps rather than pure modeling. Can you give me a plan for the next 3 months?")
    assert answer.kind == "next"
    assert "Python syntax" not in answer.answer
    assert "Docker" in answer.answer


@pytest.mark.parametrize("question", [
    # usefulness99 #29 (graded 0): a model run by hand was planned SVMs and clustering alone
    ("社内でLightGBMの需要予測モデルを作って、月次でバッチ運用しています（ただし実行も監視も手作業です）。MLエンジニアとしての"
    "市場価値を上げるために、次に身につけるべきスキルは何ですか？"),
    # usefulness99 #28 (graded 0): a deployed project to take further got three new projects
    ("PyTorchで画像分類モデルを学習させて、FastAPIでAPI化してDockerで動かすところまでできました。これをポートフォリオとして"
    "もう一段レベルアップさせるには、何を足せばいいですか？"),
])
def test_a_model_that_runs_gets_what_comes_after_a_first_deployment(e5_engine, kb, question):
    answer = e5_engine.ask(question)
    assert answer.answer.startswith(kb.cards_by_id["tool-mlops-after-deploy"].answer.ja[:40])


def test_wanting_to_learn_rag_is_not_having_built_on_llms(e5_engine, kb):
    # usefulness105 #58 (graded 0): "If you can already build apps on LLMs…" to someone who has not
    answer = e5_engine.ask("I've completed the Kaggle Learn micro-courses and placed in the top 20% in two tabular "
                           "competitions. Now I want to move into LLMs (fine-tuning, RAG, evaluation). Can you give me a "
                           "three-month plan at around 10 hours a week?")
    assert kb.cards_by_id["spec-llm-beyond-api"].answer.en[:40] not in answer.answer
    assert kb.cards_by_id["ladder-llm-engineer-path"].answer.en[:40] in answer.answer


@pytest.mark.parametrize(("question", "not_planned"), [
    # usefulness104 #58 (graded 0): three weeks of Python fundamentals for someone at ease in PyTorch
    (("I'm comfortable training models in PyTorch but I have zero experience with Docker, CI/CD or model serving. Can you "
     "lay out an 8-week plan at about 6 hours a week to learn the MLOps basics?"), "Python fundamentals"),
    # usefulness104 #29 (graded 0): a working ML engineer was planned from Python's setup, with linear algebra open
    (("社内でMLエンジニアとして1年ほど働いていて、テーブルデータのモデル学習と評価を担当しています。次はNLPやLLMの方にも"
     "専門を広げたいです。週6時間くらいで、3ヶ月の学習計画を立ててもらえますか？"), "線形代数"),
])
def test_what_the_asker_does_shows_the_basics_done(e5_engine, question, not_planned):
    answer = e5_engine.ask(question)
    assert answer.kind == "next"
    assert not_planned not in answer.answer
    assert not_planned not in " ".join(s.item.title.ja + s.item.title.en for s in answer.next_steps)


@pytest.mark.parametrize("question", ["I'd love to work as an ML engineer in Japan after graduating. How much Japanese do I need?",
                                      "I want to stay in Japan and work as an ML engineer. Is my N3 Japanese enough?"])
def test_wanting_to_work_as_an_ml_engineer_is_no_ml_job(question):
    from bot.answer import _IN_ML_JOB_RE
    assert not _IN_ML_JOB_RE.search(question)
    assert _IN_ML_JOB_RE.search("I've been working as an ML engineer for four years.")


@pytest.mark.parametrize(("question", "card"), [
    # usefulness104 #5 (graded 1): an internal move weighed against a job change got the analyst-or-engineer card
    (("事業会社でデータアナリストを3年やっています。社内にMLチームはあるのですが、人数が少なく異動の枠があるかわかりません。"
     "アナリストからMLエンジニアになるには、社内異動を粘るのと転職するのと、どちらがおすすめですか？"), "job-internal-or-switch"),
    # usefulness104 #37 (graded 0): "I don't have a degree at all. How do I choose a first real project … get hired?" got
    # the card on degree filters, the two sentences read as one
    (("I'm 27, working in a warehouse, and I've been teaching myself ML for about six months, around 15 hours a week. "
      "I've done tons of tutorials and MOOCs but I feel stuck in tutorial hell and I'm not sure anything I've built is "
      "impressive. I don't have a degree at all. How do I choose a first real project that will actually help me get "
      "hired?"), "job-portfolio-what-to-build"),
    # usefulness106 #36 (graded 0): a mechanical engineer drawn to vision for self-driving was read as an embedded engineer
    (("I'm 29, a mechanical engineer in the automotive industry. I use MATLAB and Simulink a lot and have done some basic "
     "image processing with OpenCV. What's the most realistic way to pivot from mechanical engineering into a CV/ML "
     "engineer role for autonomous driving?"), "concept-computer-vision"),
])
def test_the_card_on_what_was_asked(e5_engine, question, card):
    assert e5_engine.ask(question).card == card


def test_whether_the_job_has_a_future_is_answered_before_the_askers_age(e5_engine, kb):
    # usefulness104 #10 (graded 0): the card for people in their thirties alone
    answer = e5_engine.ask("Webフロントエンドをやっている30歳です。同僚に「今はLLMのAPIを叩けば大抵のことはできるから、これから"
                           "MLエンジニアを目指しても仕事なくなるよ」と言われてモヤモヤしています。今からMLエンジニアを目指すのは、"
                           "将来性という意味で本当に遅いんでしょうか？")
    assert answer.card.startswith("outlook-")


def test_a_recommender_learner_gets_the_recommender_card_and_no_other_fields_projects(e5_engine, kb):
    # usefulness106 #30 (graded 0): sentiment analysis and an image classifier for someone into recommenders
    answer = e5_engine.ask("推薦システムに興味があって、MovieLensで協調フィルタリングと行列分解を実装してみました。ここから実務で"
                           "通用するレベルに近づくには、次に何を勉強・実装すればいいですか？")
    assert answer.answer.startswith(kb.cards_by_id["spec-recommender-production"].answer.ja[:30])
    assert not {"projects.sentiment-analysis", "projects.image-classifier"} & {s.item.id for s in answer.next_steps}


def test_going_through_an_analyst_job_is_not_a_finished_stage(e5_engine):
    # usefulness103 #31 (graded 0): "should I plan on going through a data analyst job first?" placed a CPA learning
    # Python at the specialisation stage, the job search read as done
    answer = e5_engine.ask("Hi all. I'm 34 and work as an accountant (CPA) at a mid-size firm. I've been teaching myself "
                           "Python for about six months, mostly pandas and some scikit-learn, and I can put in around 8 "
                           "hours a week. Is it realistic to aim straight for an ML engineer role, or should I plan on "
                           "going through a data analyst job first?")
    assert "Specialise" not in answer.answer
    assert "arXiv" not in answer.answer


@pytest.mark.parametrize(("question", "card"), [
    # usefulness103 #39 (graded 0): 18 months into the job, congratulated on an offer ("My manager is nice but busy" also
    # kept the junior's-day card out, as if a manager role were asked about)
    (("I got hired as a junior ML engineer about 18 months ago at a mid-size company. In practice I spend most of my "
      "time on data cleaning, writing SQL pipelines and fixing broken jobs, and very little time on actual modeling. My "
      "manager is nice but busy. Is this normal for a junior ML role, and how do I get more modeling work without looking "
      "like I'm complaining?"), "ladder-junior-day-to-day"),
    # usefulness103 #40 (graded 0): internal tools on LLM APIs, asking whether that counts, got the backend card
    (("I'm a backend engineer with six years at a large company, mostly Java and Python microservices. Lately I've been "
      "building internal tools on top of LLM APIs and I really enjoy it. I see lots of 'AI engineer' job titles now. "
      "Does building products on top of LLM APIs count "
      "as an ML career, or do I need to learn how to train models from scratch to be taken seriously?"),
     "career-llm-apps-route"),
    # usefulness103 #41 and 106 #39 (graded 0): five years off to raise children, worried about the gap
    (("I was a software tester for 4 years, then took 5 years off to raise my kids. Now they're in school and I want to "
      "get back into tech, ideally in ML. How should I explain the gap and where should I even restart?"), "bg-career-gap"),
    # usefulness105 #9 (graded 0): a physics PhD choosing between a research role and ML engineering was told to gain
    # research experience in graduate school
    (("物理学の博士課程3年、29歳です。研究では数値シミュレーションでPythonとC++を使っていますが、論文はすべて物理の雑誌で、"
      "ML系の会議には出していません。企業の研究職（リサーチサイエンティスト）とMLエンジニア、どちらに応募するのが現実的"
      "でしょうか？"), "bg-phd-research-or-mle"),
])
def test_the_asker_is_read_by_what_they_say(e5_engine, question, card):
    assert e5_engine.ask(question).card == card


def test_someone_laid_off_is_not_told_to_keep_their_job(e5_engine, kb):
    # usefulness103 #32 (graded 0)
    answer = e5_engine.ask("I did a web dev bootcamp two years ago and have worked since then as a full-stack dev. I was "
                           "laid off last month and I'm using the gap to take ML seriously. I have savings for maybe 8 "
                           "months. Should I apply for a master's in CS/ML, or keep studying on my own while I job hunt?")
    assert answer.card != "career-quit-to-study"
    assert kb.cards_by_id["career-quit-to-study"].answer.en[:40] not in answer.answer


def test_someone_who_built_rag_reads_the_next_skills_before_what_rag_is(e5_engine, kb):
    # usefulness103 #30 (graded 0): the difference between RAG and fine-tuning, explained to someone who has done both
    answer = e5_engine.ask("Hugging Faceで小さめのモデルをファインチューニングしたことがあり、社内文書向けのRAGのデモも作り"
                           "ました。3か月後にLLM系のエンジニア職に応募したいので、それまでにやるべきことを教えてください。")
    assert answer.answer.startswith(kb.cards_by_id["spec-llm-beyond-api"].answer.ja[:30])


@pytest.mark.parametrize(("question", "card"), [
    # usefulness107 #28 (graded 0): a RAG chatbot run for half a year, asking what to learn next, got the job-search
    # checklist alone
    (("社内でOpenAIのAPIを使ったRAGのチャットボットを作って、部署で半年運用しています。プロンプト調整や検索の改善はひと通り"
     "やりました。ここからMLエンジニアとしてもう一段レベルを上げるには、次に何を学べばいいでしょうか？"), "spec-llm-beyond-api"),
    # usefulness107 #59 (graded 0): a mid-level engineer moving to an LLM team read the way to senior first
    (("I'm a mid-level ML engineer with 3 years on tabular models and batch inference pipelines. I want to move to an "
     "LLM-focused team within a year. What should I learn and build to make that switch?"), "ladder-llm-engineer-path"),
])
def test_the_card_on_the_stated_goal_comes_first(e5_engine, kb, question, card):
    answer = e5_engine.ask(question)
    lang = "en" if question.isascii() else "ja"
    assert answer.answer.startswith(kb.cards_by_id[card].answer.get(lang)[:30])


def test_a_fine_tuned_classifier_is_not_read_as_an_llm_app(e5_engine, kb):
    # usefulness109 #30's grader read "If you can already build apps on LLMs" beside a BERT classifier as a misreading
    answer = e5_engine.ask("I fine-tuned a BERT model for support ticket classification and deployed it with FastAPI + "
                           "Docker on a cheap VPS. What should I learn next to be job-ready as an ML engineer?")
    assert kb.cards_by_id["spec-llm-beyond-api"].answer.en[:40] not in answer.answer


@pytest.mark.parametrize("question", [
    # usefulness107 #35 (graded 0): already quit, told keeping the job is safer
    ("I studied philosophy, worked in marketing for 4 years, and quit to study full-time for 6 months on my savings. Should "
    "I spend the money on a bootcamp or just self-study, and what would you prioritize?"),
    # usefulness109 #41 (graded 1): a junior ML engineer asking how to get more modelling "without quitting"
    ("I've been a junior ML engineer at a startup for about a year, and most of my job is data cleaning and pipelines. Is "
    "this normal for ML engineers, and how can I steer toward more modeling work without quitting?"),
])
def test_the_keep_your_job_card_is_not_for_those_who_left_or_stay(e5_engine, kb, question):
    assert kb.cards_by_id["career-quit-to-study"].answer.en[:40] not in e5_engine.ask(question).answer


def test_a_long_message_whose_place_is_unknown_gets_no_guessed_step(e5_engine):
    # the graders of usefulness103-114 named a misfit step beside a card in 100 of 720 reasons ("Choose entry roles" for
    # someone hired, "Build automated pipelines" for a senior headed for tech lead)
    question = ("I'm a senior ML engineer and I've been leading a couple of projects end to end for the past year. I'd "
                "like to move up to tech lead, and maybe management later. What are the next steps to get there?")
    assert e5_engine.ask(question).next_steps == []
    # (a stored place still gives the learner's own next item)
    stored = e5_engine.ask(question, Asker(stage="mlops"))
    assert [s.item.stage for s in stored.next_steps] == ["mlops"]


def test_an_exam_schedule_asked_as_taking_the_certificate_gets_its_card(e5_engine):
    # usefulness115 #28 (graded 0): "あと5ヶ月でE資格を取りたい…どんなスケジュールで" got a job roadmap without E資格
    answer = e5_engine.ask("G検定に合格して、Pythonの基礎文法とpandasは使えるようになりました。あと5ヶ月でE資格を取りたいと"
                           "思っています。JDLA認定プログラムの受講も含めて、どんなスケジュールで進めればいいですか？")
    assert answer.card == "cert-e-shikaku-study"


def test_an_llm_portfolio_gets_the_llm_card(e5_engine, kb):
    # usefulness116 #29 (graded 0): a recommender, sentiment analysis and an image classifier for an LLM portfolio
    answer = e5_engine.ask("E資格に受かって、Transformerの仕組みも論文を読んで一通り理解しました。今は学部3年です。3ヶ月で"
                           "LLM関連のポートフォリオを作るなら、何を作るのがいいですか？")
    assert answer.answer.startswith(kb.cards_by_id["ladder-llm-engineer-path"].answer.ja[:30])


def test_everything_done_by_hand_is_not_the_whole_stage_done(e5_engine):
    # usefulness116 #28 (graded 0): "精度の監視や再学習は全部手作業です" read "全部" as the MLOps stage finished
    answer = e5_engine.ask("社内で需要予測のモデルを1本作って、バッチで毎日回すところまで担当しました。ただ精度の監視や"
                           "再学習は全部手作業です。MLOpsをちゃんと身につけたいのですが、次に何をどの順番で学べばいいですか？")
    assert answer.stage == "mlops"
    assert "MLflow" in answer.answer


@pytest.mark.parametrize("question", [
    # usefulness103 #44 and 106 #43 (graded 1): the linear algebra card alone, the calculus asked about left out
    ("How much linear algebra and calculus do I really need for an ML engineer job? And are there specific resources that "
    "teach just enough without going through a whole math degree?"),
    "線形代数と確率統計は、MLエンジニアになるにはどのくらい必要ですか？",
])
def test_two_fields_of_math_asked_together_get_the_card_on_how_much_math(e5_engine, question):
    answer = e5_engine.ask(question)
    assert answer.card in {"math-which-fields", "math-how-much"}  # (not one field's card)


def test_a_subject_that_does_not_scare_the_asker_is_known(e5_engine):
    # usefulness104 #31 (graded 1): "calculus and basic statistics don't scare me" got calculus as the next step
    answer = e5_engine.ask("Hi all! I'm 34 and have taught high-school physics for ten years, so calculus and basic "
                           "statistics don't scare me. I've been learning Python in the evenings for about four months "
                           "and can do small scikit-learn projects. Without a CS degree, what's the most convincing way "
                           "to show employers I can actually do the job?")
    assert "education.calculus" not in {s.item.id for s in answer.next_steps}


@pytest.mark.parametrize(("question", "card"), [
    # usefulness111 #51 and 120 #53 (graded 1): whether MLOps is a good path got the MLE-vs-MLOps definitions
    ("is mlops a good career path", "outlook-mlops-career"),
    ("MLOpsエンジニアは将来性ありますか？", "outlook-mlops-career"),
    # usefulness114 #20 and 121 #19 (graded 1): how hard the E資格 is got what it is
    ("E資格 難易度 どれくらい", "cert-e-shikaku-difficulty"),
    ("いーしかくってどれくらいむずかしいの", "cert-e-shikaku-difficulty"),
    # usefulness119 #13 (graded 1): which of the two employers value got where to start
    ("G検定とE資格、転職で評価されるのはどっちですか？", "cert-g-vs-e-hiring"),
    # (what each is, even misspelt, stays the E資格 card; a foreigner's question stays the JDLA-in-English card)
    ("what's the diffrence between G検定 and E資格?", "cert-e-shikaku"),
    ("Are Japanese certifications like G検定 or E資格 worth it for a foreigner, or do employers not care?",
     "cert-jdla-english"),
    # usefulness122 #52 (graded 0): "to late" for "too late"
    ("is 35 to late to start ml", "bg-age-30"),
])
def test_a_card_for_each_question_earlier_sets_left_half_answered(e5_engine, question, card):
    assert e5_engine.ask(question).card == card


def test_how_long_asked_in_a_few_words_gets_the_hours(e5_engine):
    # usefulness122 #19 (graded 0): "機械学習 独学 何ヶ月" got self-study against a school, with no figure
    answer = e5_engine.ask("機械学習 独学 何ヶ月")
    assert answer.card.startswith("time-")
    assert "時間" in answer.answer


def test_a_bare_how_long_part_gets_no_single_stages_hours(e5_engine):
    # "どのくらいの期間を見込めばいいかも知りたいです。" names no stage: not the MLOps stage's 115 hours, which a tie in
    # keyword weight once gave a translator who cannot program yet
    answer = e5_engine.ask("フリーランスで英日翻訳をして10年になります（41歳、文学部卒）。数学は高校の数IAで止まっていて"
                           "プログラミングもできません。言語の専門性を活かしてNLP寄りのMLエンジニアになるのは無理がありますか？"
                           "どのくらいの期間を見込めばいいかも知りたいです。")
    assert "5段階目は" not in answer.answer
    assert "約638時間" in answer.answer


def test_how_much_english_a_foreign_company_needs_is_said(e5_engine):
    # usefulness112 #36, 114 #33, 119 #34 and 121 #8 (graded 1): never said how good the English must be
    answer = e5_engine.ask("外資 MLエンジニア 英語 どのくらい")
    assert answer.card == "english-global-companies"
    assert "TOEIC" in answer.answer


def test_someone_without_a_job_is_not_told_to_use_their_job(e5_engine):
    # usefulness118 #34 (graded 0): laid off, told to study "alongside your job" and get a project "at your current
    # workplace"
    answer = e5_engine.ask("I'm 45, a former network engineer, and I got laid off last month. I have about 6 months of "
                           "savings and can study full time. I know 45 is late to switch, but I've always been interested "
                           "in ML. Is it realistic to land an ML engineering role within that time?")
    assert "alongside your job" not in answer.answer
    assert "current workplace" not in answer.answer
    # usefulness130 #4 (graded 1): a homemaker in her thirties was told to plan "so it fits with work" (仕事と両立)
    homemaker = e5_engine.ask("35歳、元一般事務で今は子育て中の専業主婦です。子どもが寝たあとの週5〜6時間くらいしか勉強時間が"
                              "とれません。Excelは得意で、最近Pythonの入門書を1冊終えました。こんなペースでもMLエンジニアを"
                              "目指す意味ってありますか？")
    assert "仕事と両立" not in homemaker.answer
    assert "今の職場" not in homemaker.answer
    # (someone in a job keeps the card as written)
    employed = e5_engine.ask("I'm 45 and work as a network engineer. I know 45 is late to switch, but I've always been "
                             "interested in ML. Is it realistic to become an ML engineer at my age?")
    assert "alongside your job" in employed.answer


def test_the_cards_for_questions_the_first_sets_of_this_round_asked(e5_engine):
    # usefulness123 #38 (graded 0), 124 #38, 125 #41, 126 #40: how to decide between management and the IC track
    answer = e5_engine.ask("I've been an ML engineer for about 6 years and I'm senior at a mid-sized fintech. I've been "
                           "asked if I want to step into the team lead / manager role. I like coding, but I also enjoy "
                           "mentoring. How do I decide between going into management and staying on the IC track as a "
                           "staff engineer?")
    assert answer.card == "ladder-lead-or-ic"
    # usefulness123 #10, 125 #11, 126 #12 (graded 1): what to grow besides technical skill to reach senior
    answer = e5_engine.ask("MLエンジニアとして3年目です。評価面談で「シニアになるには課題設定とリードが足りない」と言われています。"
                           "ジュニアからシニアに上がるために、技術以外で何を意識して伸ばせばいいでしょうか？")
    assert answer.card == "ladder-senior-soft-skills"
    # usefulness123 #3, 124 #2, 125 #3 (graded 0), 126 #3: visual inspection in a factory, learned in-house
    answer = e5_engine.ask("35歳、メーカーで品質管理をしています。プログラミングはVBAくらいです。外観検査にディープラーニングを"
                           "使えないかという話が社内で出ていて興味を持ちました。何から勉強を始めるのがいいでしょうか？")
    assert answer.card == "bg-qc-visual-inspection"
    # usefulness125 #24 (graded 0): "エンジンア" for "エンジニア" got what the job is
    assert e5_engine.ask("機械学習エンジンアに資格っていります？").card.startswith("cert-")
    # usefulness124 #3 (graded 0): an economics student was praised for a maths degree
    answer = e5_engine.ask("経済学部の3年です。プログラミングはほぼやったことなくて、統計の授業で計量経済をちょっとかじったくらい"
                           "です。新卒でMLエンジニアとして採用されたいです。文系だとやっぱり不利ですか？")
    assert answer.card != "bg-math-physics-stats"


def test_a_deployment_said_never_to_have_happened_is_not_one(e5_engine):
    # usefulness126 #30 (graded 0): "本番環境に載せた経験はゼロ" got the card for those who have deployed
    answer = e5_engine.ask("社内の需要予測でLightGBMのモデルを作って、Jupyter上では精度も出せました。でも本番環境に載せた経験は"
                           "ゼロです。MLOpsの勉強を始めたいんですが、何から順番にやればいいですか？")
    assert answer.card != "tool-mlops-after-deploy"


def test_a_goal_word_does_not_place_a_beginner_at_the_job_search(e5_engine):
    # usefulness123 #28 (graded 0): "実務に近づくための次のステップ" from someone who has never implemented a model was
    # sent to choose entry roles, a resume and interviews
    answer = e5_engine.ask("先月G検定に合格しました！ただ知識だけで実装はほぼやったことないです。ここから実務に近づくための"
                           "次のステップは何ですか？")
    assert answer.stage != "work-experience"
    assert "Python" in answer.answer


def test_the_order_of_two_certificates_and_their_study_hours_are_both_answered(e5_engine):
    # usefulness130 #13 (graded 1): "合格までに" (until passing) read as having passed, so the order card was ruled out and
    # the difficulty card, fitting on the second question's words, took the first
    answer = e5_engine.ask("G検定とE資格ってどっちから受けるべきですか？あと、それぞれ合格までにどれくらい勉強時間が必要なのかも"
                           "知りたいです。")
    assert answer.card == "cert-which-first"
    assert "かなり難しく" in answer.answer  # (the E資格's difficulty and hours, for the second question)


def test_a_jdla_certificate_asked_about_from_abroad_gets_the_card_for_foreigners(e5_engine):
    # usefulness133 #34 (graded 0 after a near tie moved): the card on English-speaking jobs in Japan, not whether G検定 helps
    answer = e5_engine.ask("I'm American, 27, living in Osaka and teaching English. I have a bachelor's in psychology and JLPT "
                           "N2. I've been teaching myself Python and pandas for about 6 months. I'd love to get an ML job in "
                           "Japan eventually. Would Japanese certifications like G検定 help me get hired here, or should I "
                           "focus on something else?")
    assert answer.card == "cert-jdla-english"
    # (統計検定 is not the JDLA's: its own card)
    assert e5_engine.ask("Is 統計検定 (the Japanese statistics exam) worth taking if I'm a foreigner hoping to work in "
                         "Japan?").card != "cert-jdla-english"


def test_how_long_to_spend_on_kaggle_gets_the_projects_stages_hours(e5_engine):
    # usefulness131 #11 (graded 1, 2 before the stage time cards needed their stage named): Kaggle is the projects stage
    answer = e5_engine.ask("高専の4年生で、情報工学科です。PythonとCは授業で一通りやっていて、最近Kaggleに興味が出てきました。"
                           "来年から就活が始まるんですが、Kaggleのメダルって就職で本当に評価されますか？授業もあるので、"
                           "どれくらいの時間をKaggleに割くのが妥当でしょうか。")
    assert "Kaggle参加" in answer.answer


def test_background_cards_need_their_background_said(e5_engine):
    # (a word inside another is no background: "academic" says no CAD, "features" no FEA; an electrician in plant
    # maintenance is no mechanical engineer)
    answer = e5_engine.ask("I left academic research after a decade and want to learn which features matter in "
                           "tabular models. Where should a former researcher start with ML engineering?")
    assert answer.card != "bg-mechanical-engineer"
    answer = e5_engine.ask("52歳、工場の設備保全をやってます。高専の電気科卒で、PLCのラダーとかは長年やってきました。"
                           "故障予知みたいな時系列の異常検知ってどの順番で勉強すればいいでしょう？")
    assert answer.card != "bg-mechanical-engineer"
    answer = e5_engine.ask("Is a GPU necessary to learn deep learning? I only have a laptop.")
    assert answer.card != "tool-no-gpu-slow-internet"


def test_a_notebook_model_to_make_presentable_gets_the_card_for_that(e5_engine):
    # usefulness135 #56 and #28 (graded 0): told to build other projects
    answer = e5_engine.ask("I've built a sentiment classifier with a fine-tuned BERT model and it works well in a "
                           "notebook. What are the next steps to turn this into something that looks like real ML "
                           "engineering work?")
    assert answer.card == "job-notebook-to-portfolio"
    answer = e5_engine.ask("PyTorchでCNNの画像分類モデルを作って、Colabで学習させるところまではできるようになりました。"
                           "これをポートフォリオとして見せられる形にするには、次に何をやればいいですか？")
    assert answer.card == "job-notebook-to-portfolio"
    # (not for a model already served)
    answer = e5_engine.ask("I built a sentiment classifier fine-tuned from DistilBERT, served with FastAPI in Docker, "
                           "deployed on Render. What would make it look more like real MLE work?")
    assert answer.card != "job-notebook-to-portfolio"


def test_what_one_can_train_is_not_planned_again(e5_engine):
    # usefulness129 #56 (graded 0): "I can train and evaluate models" was sent back to Python, NumPy and Pandas
    answer = e5_engine.ask("I can train and evaluate models in Jupyter notebooks, but I've never deployed anything. "
                           "What are the next steps to become job-ready?")
    steps = {s.item.id for s in answer.next_steps}
    assert not steps & {"programming-data.python-basics", "programming-data.numpy", "programming-data.pandas",
                        "core-ml.linear-regression"}
    # usefulness127 #56 (graded 0): CNNs in PyTorch and fine-tuned Hugging Face models got the preprocessing card for
    # "what's missing", and no plan
    answer = e5_engine.ask("I can train CNNs in PyTorch and fine-tune Hugging Face models for text classification. "
                           "What's missing before I'm job-ready? Could you give me a 3-month plan?")
    assert answer.card != "concept-preprocessing"
    assert answer.kind == "next"
    assert "programming-data.python-basics" not in {s.item.id for s in answer.next_steps}


def test_a_junior_mle_is_not_sent_to_the_job_search(e5_engine):
    # usefulness137 #60 (graded 0): "I've been a junior MLE for a year" got the resume and interview items
    answer = e5_engine.ask("I've been a junior MLE for a year, mostly deploying models with FastAPI and Docker and "
                           "writing data pipelines. I want to be solidly mid-level in the next 12 months. What should I "
                           "focus on learning next?")
    assert not {s.item.id for s in answer.next_steps} & {"work-experience.resume-portfolio",
                                                         "work-experience.interview-prep"}


def test_a_new_g_kentei_holder_who_has_hardly_coded_starts_with_python(e5_engine):
    # usefulness139 #26 and 140 #27 (graded 0): sent to MLOps ("モデルを作った" read as a model built)
    answer = e5_engine.ask("先月G検定に合格しました！ただ、実際にコードを書いてモデルを作ったことはまだほとんどないです。"
                           "ここから実務に近づくには次に何をしたらいいですか？")
    assert answer.stage == "programming-data"
    assert "programming-data.python-basics" in {s.item.id for s in answer.next_steps}


def test_round_five_cards_of_session_24(e5_engine):
    # usefulness147 #49 (graded 0): "first language" is a programming language here, not one's mother tongue
    assert e5_engine.ask("best first language for ml?").card == "tool-python-r-julia"
    # usefulness148 #60 (graded 0): "landed my first junior ML engineer job" is someone in the job, not in the job search
    answer = e5_engine.ask("I landed my first junior ML engineer job 8 months ago and I'm getting comfortable with our "
                           "training pipelines. What should I focus on next to grow toward a mid-level role?")
    assert not {s.item.id for s in answer.next_steps} & {"work-experience.resume-portfolio",
                                                         "work-experience.interview-prep"}
    # usefulness137 #7 (graded 0): an analyst asking how to learn MLOps alone got what the two jobs are
    answer = e5_engine.ask("38歳、事業会社でデータアナリストをしてます。SQLとTableauがメインで、scikit-learnで簡単な予測モデルを"
                           "作ったことはあります。ただモデルを本番で運用した経験はゼロです。MLOpsを身につけたいんですが、会社で"
                           "そういう機会がない場合、個人でどうやって学べば実務経験に近いアピールができますか？")
    assert answer.card != "ladder-mle-vs-data-analyst"


# Session 24: a card for each question the blind sets 127-150 left unanswered (background, short and two-part questions)
@pytest.mark.parametrize(("question", "card"), [
    # usefulness130 #38 and 133 #35 (graded 1 and 0): no GPU and unreliable internet got the no-GPU card, then the
    # card on English interviews
    (("Hey, I'm self-taught from Lagos, 24, working in customer support right now. I only have an old laptop with no "
     "GPU and the internet can be unreliable, so big downloads are painful. I've finished a Python course and I'm "
     "starting on ML basics. How can I keep learning deep learning and build projects with these constraints, and is "
     "remote work a realistic goal?"), "tool-no-gpu-slow-internet"),
    (("Hello, I'm a recent computer science graduate from Lagos, Nigeria. I don't have a GPU laptop and my internet is "
     "not always stable, so long video courses are hard for me. I know Python, data structures and basic statistics "
     "from university. I want to become an ML engineer and ideally work remotely for a foreign company. How can I "
     "build real skills and a portfolio with these constraints?"), "tool-no-gpu-slow-internet"),
    # usefulness133 #39 (graded 1): whether an accountant's finance background helps got ML in finance in general
    (("I'm a 30-year-old chartered accountant in Mumbai working in audit. I know Excel very well and did a short Python "
     "course last year. I'm interested in fraud detection and fintech, and I can study about 10 hours a week around "
     "my job. Is my finance background actually useful for becoming an ML engineer, or am I basically starting from "
     "zero?"), "bg-accountant-finance"),
    # usefulness130 #32 (graded 1): a mechanical engineer's domain knowledge got the no-CS-degree card
    (("I'm a 38-year-old mechanical engineer in Germany working on automotive simulation, mostly MATLAB and a bit of "
     "Python. My company is starting predictive maintenance projects and I'd love to move into that area. I have a "
     "master's in mechanical engineering, not CS. Would my domain knowledge help me land an ML engineer role, or will "
     "employers only care that I don't have a CS degree?"), "bg-mechanical-engineer"),
    # usefulness137 #24 (graded 0): whether certificates are needed got what the job is
    ("機会学習エンジニアって資格いる？", "cert-do-certs-help"),
    # usefulness138 #51 (graded 0): the best first project got own projects vs open source
    ("best first portfolio project?", "start-first-project"),
    # usefulness136 #46 (graded 0): a research scientist got the card on data scientists
    (("What's the difference between an ML engineer and a research scientist? And which one is the better target if "
      "I only have a bachelor's degree?"), "ladder-research-scientist"),
    # usefulness134 #50 (graded 1): a JDLA certificate from someone who is not Japanese, asked without a question mark
    ("is G kentei worth it if you're not japanese", "cert-jdla-english"),
    ("E-shikaku worth it if im not japanese?", "cert-jdla-english"),
    # usefulness129 #51 (declined): an age alone, too late?
    ("is 45 too late to start", "bg-age-40"),
    # usefulness139 #54 (graded 0): the statistics exam in English words was read as the G検定
    ("is statistcs kentei worth it or nah", "cert-toukei-kentei"),
    # usefulness142 #40 (graded 0): JDLA certificates named in the sentence before "Are these certifications worth it
    # for a foreigner…?"
    (("I'm a backend engineer (Go and Python) living in Tokyo, Japanese around JLPT N3. I want to switch to an ML engineer "
      "job here in Japan within the next year or so. I keep seeing G検定 and E資格 mentioned in Japanese job posts. Are "
      "these certifications worth it for a foreigner in the Japanese market, or would time be better spent elsewhere?"),
      "cert-jdla-english"),
    # usefulness142 #3 (graded 0): how far the three fields of math go, from someone who states their hours, got hours
    (("27歳、Webエンジニア歴3年です（Rails中心、たまにフロントも）。コードを書くのは苦じゃないんですが、数学は高校の数IIB"
      "あたりで止まっていて、行列とか偏微分とか言われると正直こわいです。平日夜と土日で週12時間くらい勉強できます。"
      "MLエンジニアとして実務をやるのに、線形代数・微積分・確率統計はどのくらいのレベルまで必要なんでしょうか？"),
      "math-how-much"),
    # usefulness142 #42 (graded 0): which university major got whether high-school math is enough
    (("I'm 17 and in high school in Singapore. I've been messing around with OpenCV and YOLO for a robotics club project "
      "and I really want to do computer vision as a job later. My school math is fine but I haven't done linear algebra "
      "yet. For university, should I pick computer science, math, or something like electrical engineering if my goal is "
      "to become an ML engineer in vision?"), "degree-which-major"),
    # usefulness139 #48 (graded 0): whether recruiters count Kaggle got how to learn from public notebooks
    (("Do recruiters actually count Kaggle competitions as real experience? And if I have a few mid-table finishes, how "
      "should I put them on my resume?"), "job-kaggle-medals"),
    # usefulness140 #42 (graded 0): a PM torn between staying a PM and switching got the backend engineer's card
    (("I'm 35 and a product manager at a B2B SaaS company. I've been prototyping LLM features with the OpenAI API and "
      "some Python, and I'm enjoying the building part a lot. I'm torn between switching to an ML engineer role or "
      "staying a PM and just deepening my technical skills. How would you think about that choice, and what would the "
      "switch require?"), "bg-product-manager"),
    # usefulness146 #37 (graded 0): a postdoc asking whether a second master's is needed got the non-CS student's card
    (("I finished a PhD in molecular biology last year and I'm now a postdoc. I do a lot of bioinformatics in R and some "
      "Python, and I've used random forests and basic clustering in my papers. Academia isn't looking great so I want to "
      "move into industry ML, ideally something health-related. A friend told me I need a second master's in CS to be "
      "taken seriously. Do I really need another degree, or is there a better way to make the switch?"),
     "bg-academic-to-industry"),
])
def test_a_card_for_what_session_24s_sets_asked(e5_engine, question, card):
    assert e5_engine.ask(question).card == card


def test_the_role_one_wants_is_not_the_entry_roles_item_done(e5_engine):
    # usefulness153 #33 (graded 0): a maths teacher who cannot program, asking whether employers would take him seriously
    # "as a junior ML engineer", was planned a resume, interview prep and an internship
    answer = e5_engine.ask("I'm 45 and have taught high school math in Ohio for almost 20 years. The math side of ML "
                           "doesn't scare me, but my programming experience is basically a graphing calculator. I can "
                           "study about 6 hours a week during the school year and a lot more in summer. Would employers "
                           "take a career changer my age seriously as a junior ML engineer, and how should I plan around "
                           "my uneven schedule?")
    # (since session 25 the maths teacher's card answers a plan around the school year: programming first, the job
    # search in the second year)
    assert answer.card == "bg-math-teacher"
    assert answer.answer.index("Python") < answer.answer.index("resume")


@pytest.mark.parametrize(("question", "card"), [
    # what comes after a rung of the ladder is not the learner's next step on the roadmap (usefulness158 #54, graded 0)
    ("what comes after senior ml engineer", "ladder-technical-track"),
    ("シニアMLエンジニアの次のキャリアは？", "ladder-technical-track"),
    # what it takes to be senior is the card on what a senior does, not the one on growing faster
    ("What does it take to become a senior ML engineer?", "ladder-senior-mle"),
    # an LLM app planned for a portfolio (usefulness159 #30, graded 0, was planned NumPy and a recommender)
    ("Pythonは中級くらいでFlaskも使えます。LLMを使ったアプリを作ってポートフォリオにしたいので、2ヶ月の計画を立ててください。",
     "job-llm-app-portfolio"),
    # interviews within three months, from someone with notebooks and a medal (usefulness159 #56, graded 0)
    (("I have some scikit-learn notebooks on GitHub and a Kaggle bronze medal. Can you give me a 3 month plan to start "
     "landing interviews?"), "job-interviews-in-3-months"),
    # what an MLOps portfolio shows (usefulness160 #12, graded 0, got the card on which language to write READMEs in)
    (("インフラエンジニアでTerraformとDockerを使っています。日本語の文章を書くのは少し苦手です。MLOps寄りの求人に応募するとき、"
     "ポートフォリオには何を載せると評価されますか？"), "job-mlops-portfolio"),
    # a CS freshman torn between DSA for placements and ML (usefulness159 #32, graded 0, got the programming-languages card)
    ("I'm a CS freshman. Everyone is grinding LeetCode for placements. Should I focus on DSA first or start ML now?",
     "bg-cs-student"),
    # a maths teacher planning around the school year (usefulness160 #34, graded 0, was planned ten weeks at 5 h a week)
    (("I teach high school math. I have summers off and about 5 hours a week during the school year. How should I plan "
     "two years to become an ML engineer?"), "bg-math-teacher"),
    # retired: the oldest band's card, not study alongside a job (usefulness160 #39, graded 0)
    (("I'm 52 and just retired from the army after 25 years in logistics. Is there a realistic ML career path for me "
     "at this age?"), "bg-age-55-plus"),
    # the difficulty of each JDLA exam, asked in slang too (usefulness158 #20 and 162 #19, graded 1, got what it is)
    ("E資格ってむずい？", "cert-e-shikaku-difficulty"),
    ("G検定 難易度", "cert-g-kentei-difficulty"),
    ("How hard is the G Kentei?", "cert-g-kentei-difficulty"),
    # a beginner daunted by the top notebooks, not whether notebooks make a portfolio (usefulness162 #9, graded 0)
    ("Kaggleに挑戦してみたいんですが、上位の人のノートブックが高度すぎて何をしてるのか全然わかりません。どうやって始めればいいですか？",
     "tool-kaggle-for-beginners"),
    # an LLM app builder who has never trained a model, asking what makes an ML engineer (usefulness161 #56, graded 0)
    (("I built a RAG chatbot on our internal docs with LangChain and people use it, but I've never trained a model. "
     "What should I learn to call myself an ML engineer rather than someone who glues APIs together?"),
     "career-llm-apps-route"),
    # a junior in the job who deploys behind an API asks what to learn for mid-level (usefulness161 #60, graded 0, got what
    # Docker is for): the MLOps skills past a deployment (usefulness173 #59 graded that card 2, the growth card 1)
    (("I've been a junior ML engineer for a year. I can train models, write the training pipeline and deploy them behind "
     "an API with Docker. What should I learn to get to mid-level, with a plan for the next 6 months?"),
     "tool-mlops-after-deploy"),
    # an all-hiragana question on demand (usefulness163 #24, graded 0, got the skills an ML engineer needs)
    ("きかいがくしゅうえんじにあってこれからもじゅようある？", "outlook-demand"),
    # what junior interviews look like (usefulness163 #46, graded 0, got a junior's day-to-day)
    (("What do interviews for junior ML engineer roles usually look like? And how should I prepare for the coding part "
     "versus the ML theory part?"), "job-interview-prep"),
    # portfolio projects for a teacher with only certificates to show (usefulness164 #35, graded 0, got whether
    # certificates help)
    (("I teach maths and have a maths degree. I've learned Python for a year and done online ML courses, but I have "
     "nothing to show an employer except certificates. What portfolio projects would convince someone to hire me?"),
     "job-portfolio-what-to-build"),
    # 文系 and a new graduate (usefulness166 #2, graded 0, got how ML engineers and data scientists differ)
    ("経済学部の3年です。Rは少し書けますがPythonはまだです。文系からでも新卒でMLエンジニアやデータサイエンティストの枠に入れるものですか？",
     "bg-humanities"),
    # which role to enter first after a career gap (usefulness166 #8, graded 0, got the career-gap card's timeline)
    (("35歳、出産で5年ほど仕事から離れています。前職は事務で、プログラミング経験はゼロです。ブランクがあって未経験でも、"
     "まずどんな職種から入るのが現実的ですか？"), "job-first-role"),
    # the future asked in hiragana (usefulness167 #23, graded 0, got the skills an ML engineer needs)
    ("きかいがくしゅうえんじにあ しょうらいせいある？", "outlook-demand"),
    # an analyst headed for MLOps who has not touched Docker or the cloud asks in what order (usefulness169 #7, graded 0,
    # got which cloud to choose)
    (("データアナリスト3年目です。SQLとpandasは毎日使ってて、scikit-learnで回帰モデルを作るくらいはできます。Dockerもクラウドも"
     "ほぼ触ったことないです。MLOpsエンジニアを目指すならどういう順番で学べばいいですか？"), "tool-mlops-learning-order"),
    # a Java developer at an SIer asking where to start (usefulness170 #1, graded 0, got whether domain knowledge helps)
    (("29歳でSIerに勤めてます。業務系のJava開発を5年くらいやっていて、Pythonは社内ツールでちょっと触った程度です。"
     "32歳までにMLエンジニアとして転職したいんですが、何から手をつけるのが一番効率いいですか？"), "bg-sier"),
    # a tech lead track against management, from someone who likes coding (usefulness169 #37, graded 0)
    (("I've been an ML engineer for 3 years. My manager asked whether I want the tech lead track or the engineering "
     "manager track. I like coding but I also enjoy mentoring. How should I think about this choice?"), "ladder-lead-or-ic"),
    # how much ML an MLOps engineer needs (usefulness173 #39, graded 0, got whether Docker comes before Kubernetes)
    (("I'm a DevOps engineer with lots of Terraform, Docker and Kubernetes, and I've started helping our data scientists. "
     "How much ML theory do I actually need to learn to be effective as an MLOps engineer?"), "mlops-how-much-ml"),
    # whether AI takes the job is the card on generative AI (usefulness171 #24, graded 2 at the start, 1 after round 4)
    ("MLエンジニアの仕事って将来AIに奪われない？", "outlook-genai-replace"),
])
def test_session_25_cards_answer_what_was_asked(e5_engine, question, card):
    assert e5_engine.ask(question).card == card


def test_one_item_gone_through_is_that_item_not_its_stage(e5_engine):
    """usefulness159 #25 and 138 #25 (graded 0): "Pythonの基礎(if文、for文、関数…)は一通り終わりました" was sent on to
    regression with NumPy and Pandas skipped; a whole stage said done still moves on."""
    for question in ("ProgateでPythonの基礎(if文、for文、関数、クラスくらい)は一通り終わりました。次は何をやればいいですか？",
                     "Pythonの基礎は一通り終わりました。次は？"):
        answer = e5_engine.ask(question)
        assert answer.stage == "programming-data"
        assert "programming-data.numpy" in _items(answer)
    assert e5_engine.ask("Python、NumPy、Pandasは一通り終わりました。次は？").stage == "core-ml"
    # "not ... at all" is no "all": a teacher with a little Python is not past NumPy and Pandas (usefulness160 #34)
    answer = e5_engine.ask("The math doesn't scare me at all, but my coding is limited to a little Python. "
                           "What should I do next?")
    assert answer.stage == "programming-data"


def test_a_job_as_the_goal_from_someone_who_has_built_something_gets_the_ready_to_apply_card_first(e5_engine):
    """usefulness162 #29 (graded 1): a CNN builder with a Kaggle bronze medal who wants a job got the projects checklist
    alone; the card on being ready to apply comes first, the one for a deployed project when they have one."""
    answer = e5_engine.ask("PyTorchでCNNの画像分類を一から組めるようになって、Kaggleの画像コンペで銅メダルを1個取りました。"
                           "MLエンジニアとして就職したいんですが、次は何をすればいいですか？")
    assert answer.kind == "next"
    assert answer.card == "job-ready-to-apply"
    answer = e5_engine.ask("I built and deployed a sentiment analysis API with FastAPI and Docker on Render. "
                           "What's the next step to become job-ready?")
    assert answer.card == "job-ready-deployed"
    # not from a course alone: nothing built yet
    assert e5_engine.ask("I finished Andrew Ng's course. What's next to become job-ready?").card not in (
        "job-ready-to-apply", "job-ready-deployed")


def test_image_classifiers_built_are_the_image_classifier_item(e5_engine):
    # usefulness162 #56 (graded 1): "built a couple of image classifiers" was planned an image classifier again
    answer = e5_engine.ask("I've completed fast.ai part 1 and built a couple of image classifiers (plant diseases, dog "
                           "breeds). Can you give me a plan for the next 2 months?")
    assert "projects.image-classifier" not in _items(answer)
    assert answer.stage == "projects"


@pytest.mark.parametrize("question", [
    # usefulness164 #27 (graded 0), wanting to get hands-on
    "先月G検定に合格しました！ただ知識が増えただけで手を動かせる感じがしません。ここから実務に近づくには次に何をすればいいですか？",
    # usefulness168 #27 and 169 #27 (graded 1), who cannot code yet
    "先月G検定に合格しました！ただ実装はまだほとんどできません。MLエンジニアを目指すうえで、次に何をすればいいでしょうか？",
])
def test_a_g_kentei_holder_starts_with_python_not_the_foundations(e5_engine, question):
    """Both were sent to choosing a degree route and linear algebra: Python comes first, the maths beside it."""
    assert e5_engine.ask(question).stage == "programming-data"


def test_a_model_trainer_who_never_deployed_gets_the_card_on_finishing_a_project(e5_engine):
    # usefulness165 #59 (graded 1): sent to deep-learning basics
    answer = e5_engine.ask("I can train and evaluate scikit-learn models and I'm comfortable with pandas and "
                           "cross-validation, but I've never deployed anything. What should I learn next?")
    assert answer.card == "job-notebook-to-portfolio"
    assert "FastAPI" in answer.answer


def test_weak_at_math_is_told_it_can_still_be_done(e5_engine):
    # usefulness169 #23 and 170 #22 (graded 1): the math level, but never whether someone weak at math can make it
    for question in ("すうがく にがてでも なれますか", "数学苦手でもMLエンジニアになれますか？",
                     "I'm bad at math, can I still become an ML engineer?"):
        assert e5_engine.ask(question).card == "math-weak-at-math"
    assert e5_engine.ask("数学はどこまで必要ですか？").card != "math-weak-at-math"


def test_a_first_medal_as_the_goal_gets_the_medal_card_first(e5_engine):
    # usefulness171 #28 (graded 0): planned a recommender, a sentiment model and an image classifier
    answer = e5_engine.ask("Kaggleでタイタニックと住宅価格予測はひと通りやりました。次は本番のコンペに出たいんですが、"
                           "銅メダルを取るためには何を勉強・実践すればいいですか？")
    assert answer.card == "kaggle-first-medal"
    assert "交差検証" in answer.answer
    # a medal already won is no medal to aim for
    assert e5_engine.ask("Kaggleのテーブルコンペで銅メダルを取りました。次は何をすればいいですか？").card != "kaggle-first-medal"


def test_an_analyst_who_never_deployed_is_not_answered_as_past_a_deployment(e5_engine):
    # usefulness171 #9 (graded 0): got what to learn after a deployment; the data scientist's card was next in line
    answer = e5_engine.ask("データアナリストを5年やってます。Pythonで簡単な回帰モデルは作れますが、モデルを本番にデプロイしたことは"
                           "なく、Dockerも触ったことがありません。MLOps寄りのエンジニアにキャリアチェンジしたいんですが、"
                           "何から優先して学ぶべきですか？")
    assert answer.card in ("bg-data-analyst", "tool-mlops-learning-order")


def test_a_choice_asked_on_the_way_to_a_job_is_the_choice_cards(e5_engine):
    # usefulness178 #58 (graded 2 at the start, 1 once the ready-to-apply card was put first)
    answer = e5_engine.ask("I'm comfortable with Python and SQL and I've done a few Kaggle playground competitions, usually "
                           "finishing in the top 20%. For landing my first ML job, should my next step be more competitions "
                           "or building portfolio projects?")
    assert answer.card not in ("job-ready-to-apply", "job-ready-deployed")


def test_the_growth_areas_half_of_an_outlook_question_keeps_its_paragraph(e5_engine):
    # usefulness178 #18 (graded 2 at the start, 1 once the demand card learnt more phrasings): the second question lost
    # its paragraph to the first's card
    answer = e5_engine.ask("生成AIがどんどん賢くなってますけど、MLエンジニアの仕事って将来減ったりしませんか？今から目指す価値が"
                           "あるのかと、これから特に需要が伸びそうな分野があれば教えてください。")
    assert len(answer.answer.split("出典")[0].strip().split("\n\n")) >= 2


def test_what_is_asked_about_in_a_stage_gone_through_stays_open(e5_engine):
    # usefulness166 #28: "一通り" regression, classification and clustering, asking what to do before deep learning, was
    # sent on to the projects stage with deep learning taken as done
    answer = e5_engine.ask("scikit-learnで回帰・分類・クラスタリングは一通り試せるようになりました。線形代数と確率統計も大学の"
                           "教養レベルは復習済みです。ディープラーニングに進む前にやっておくべきことはありますか？3か月くらいの計画が欲しいです。")
    assert answer.stage == "core-ml"
    assert "core-ml.deep-learning-basics" in [s.item.id for s in answer.next_steps]


@pytest.mark.parametrize(("question", "card"), [
    # an E資格 question from someone "文系出身で" is no foreigner's (usefulness180 #12, graded 0, got the card on JDLA
    # certificates for those with limited Japanese)
    (("30歳、文系出身で社内SEをしています。業務で少しPythonを書いていて、去年G検定を取りました。次にE資格を受けようか迷ってるんですが、"
      "JDLA認定講座の受講料が結構高くて自腹だとつらいです。MLエンジニアへの転職を考えたとき、E資格はお金をかけるだけの価値がありますか？"),
     "cert-e-shikaku-worth"),
    # not knowing Python at all, asked in hiragana (usefulness181 #21, graded 0, got the Linux command line)
    ("ぱいそんぜんぜんできないけどだいじょうぶ？", "start-zero-programming"),
    # whether maths is needed, from nobody with a degree (usefulness180 #50, graded 0, got the maths-degree card)
    # (session 27: math-how-much and math-which-fields tie within 0.0003 here, and new cards tipped it; both say which maths
    # and how much, and math-how-much opens with "less than many fear", which is what the question asks)
    ("is math really needed for ml engineering", "math-how-much"),
    # what portfolio an analyst should build (usefulness181 #7, graded 0, got junior MLE or analyst first)
    (("事業会社でデータアナリストを3年やってます。SQLとTableauが主で、scikit-learnでロジスティック回帰とかランダムフォレストを試した"
      "ことはあります。アナリストからMLエンジニアを目指す人は、どんなポートフォリオを作ると評価されやすいですか？"), "job-analyst-portfolio"),
    # a deadline is no plan request (usefulness181 #37, graded 1, was planned the core algorithms)
    (("I'm a data analyst at a retail bank in the UK, mainly SQL, Excel and Power BI, and I've done a couple of regression "
      "models in Python for internal reports. I want to move into an ML engineer role within the next 18 months. I know I "
      "need a portfolio but I'm not sure what kind of projects hiring managers actually care about. What projects would "
      "best show I can do ML engineering and not just analysis?"), "job-analyst-portfolio"),
    # interviews as the goal from someone with a Kaggle result (usefulness180 #58, graded 0, got reading public notebooks)
    (("I finished my first Kaggle competition in the top 20% and have 3 decent notebooks on GitHub. What should I do now "
      "to actually start getting interviews?"), "job-ready-to-apply"),
    # an offer in hand, weeks before starting (usefulness181 #57, graded 0, was planned deep-learning basics)
    (("I finally got an offer as a junior ML engineer and I start in 5 weeks! I'm comfortable with scikit-learn and some "
      "PyTorch. What should I focus on in these few weeks so I'm ready on day one?"), "job-first-offer-prep"),
    # a tech lead path or a manager path, from someone who does not want to stop coding (usefulness182 #39, graded 0)
    (("I've been an ML engineer for about four years at a fintech. My manager asked whether I want to go toward a tech "
      "lead path or an engineering manager path. I like mentoring but I also don't want to stop coding. How do these two "
      "paths differ in practice, and how should I decide?"), "ladder-lead-or-ic"),
    # a manager asking whether the JDLA certificates help (usefulness182 #12, graded 0, got the lead-or-IC card)
    (("50歳、SIerで開発チームのマネージャーをしています。機械学習チームのマネジメントを任されそうです。マネージャーとして必要な知識を"
      "つけたいのですが、G検定やE資格を取るのは意味がありますか？"), "cert-for-managers"),
    # a software developer in their 40s (usefulness179 #3 and 180 #3, graded 1, got the 40s card's domain advice)
    (("42歳、SIerでJavaの業務システム開発を10年以上やってきました。機械学習エンジニアに興味はあるんですが、この年齢から転職を"
      "目指すのは現実的なんでしょうか。今までの経験が活かせる方向があれば知りたいです。"), "bg-age-40-engineer"),
    # a PM who has not coded in ten years keeps the 40s card
    (("43歳、SIerでPMやってます。コードは昔Javaを少し書いてたけど、ここ10年はほぼ書いてません。この年齢から実装側に行くのは"
      "無理がありますか？"), "bg-age-40"),
    # a developer heading for MLOps asks what to learn first (usefulness181 #5, graded 1, got the SIer card's maths first)
    (("SIerで5年目のSEです。Javaでの業務システム開発がメインです。モデルを本番で安定して動かす側に興味があるので、MLOpsエンジニアを"
      "目指すなら、優先して学ぶべき技術は何ですか？"), "mlops-from-software-engineer"),
    # self-study alone, asked short (usefulness188 #22, graded 0, got whether high-school maths is enough)
    ("独学だけでMLエンジニアなれる？", "start-self-study-vs-school"),
    # a master's asked in hiragana (usefulness188 #23, graded 0, was declined)
    ("しゅうしってやっぱりいる？", "degree-masters-worth"),
    # the roadmap asked for by name, with a typo (usefulness183 #24, graded 0, got the career paths after the job)
    ("機会学習エンジニアのロードマップおしえて", "start-learning-order"),
    # a data engineer asking which gaps to close is no outlook question for having worked "for 5 years" (usefulness187
    # #37, graded 0)
    (("I've been a data engineer in Toronto for 5 years, mostly Spark, Airflow, and dbt on GCP. I'm 32 and I "
      "keep working next to our data science team and want to move closer to the model side, probably MLOps. I "
      "have zero experience actually training models though. What are the main gaps between a data engineer and "
      "an MLOps or ML engineer, and what should I learn first to close them?"), "bg-data-engineer"),
    # a student choosing between a professor's lab, an internship and Kaggle (usefulness191 #41, graded 0, got how to
    # apply for internships)
    (("I'm a 20-year-old sophomore majoring in statistics. For this coming summer I'm choosing between an unpaid research "
      "position in a professor's lab, a data analyst internship at a local insurance company, or just grinding Kaggle. "
      "Which would help most if my goal is to become an ML engineer after graduation?"), "job-student-research-or-internship"),
    # a product manager choosing between building and managing (usefulness192 #42, graded 0, got research against
    # production roles)
    (("I'm a 45-year-old product manager who has worked with ML teams for a few years, but I've never built a model myself. "
      "I'm thinking about either becoming an ML engineer or moving into managing an ML team. Given my background, which "
      "direction makes more sense, and what would I need to learn for each?"), "bg-product-manager"),
    # LLM app development against ML engineering, from a frontend developer (usefulness192 #6, graded 0, got a junior's
    # day and new-graduate hiring)
    (("Webのフロントエンドエンジニアを4年やってる26歳です。最近はOpenAIのAPIを使ったチャットボットを趣味で作ってます。LLMを使った"
      "アプリ開発の仕事をしたいんですが、これってMLエンジニアとは別物なんでしょうか？"), "ladder-llm-engineer-vs-mle"),
    # demand asked in kanji (usefulness196 #24, graded 0, got the skills an ML engineer needs)
    ("機会学習エンジニアって今も需要あるんですか", "outlook-demand"),
    # graduate school asked casually (usefulness196 #23, graded 0, got whether a bachelor's is needed)
    ("大学院いかないとMLエンジニアむり？", "degree-masters-worth"),
    # a cloud certificate to be turned into a job (usefulness195 #59, graded 0, got what an ML engineer does; since
    # session 29 the card for a cloud certificate passed)
    (("I just passed the AWS Machine Learning Specialty exam, but I've never worked on ML at a job. What should I do next "
      "to turn this into an actual ML engineer role?"), "cert-after-cloud"),
])
def test_session_26_cards_answer_what_was_asked(e5_engine, question, card):
    assert e5_engine.ask(question).card == card


@pytest.mark.parametrize(("question", "card"), [
    # a maths teacher asking about the path or their age gets the card written for them (usefulness204 #42, graded 1, got
    # relearning maths; 203 #32, graded 0, the 40s card)
    (("I'm a 52 year old high school math teacher in Ohio, and I've been teaching calculus and statistics for over 20 years. "
      "My math is strong but my programming is basically zero, and I can study about 10 hours a week while still teaching. "
      "What would a realistic learning path look like for me, and how long should I expect it to take?"), "bg-math-teacher"),
    (("I'm 45 and teach high school math in Ohio. Linear algebra, calculus and probability are not a problem for me. I have "
      "summers mostly free plus maybe 5 hours a week during the school year. Is it realistic for someone my age to switch "
      "into machine learning engineering, and where would my background help most?"), "bg-math-teacher"),
    # a medal won and a job hunt ahead: getting ready to apply, not what medals are worth (usefulness204 #30, 203 #30)
    ("Kaggleのテーブルコンペで銅メダルを2つ取りました。そろそろ転職活動を始めたいんですが、応募の前にやっておくべきことは何ですか？",
     "job-ready-to-apply"),
    ("Kaggleで銅メダルを取りました。転職で評価されますか？", "job-kaggle-medals"),
    # an 8-week plan to sending applications (usefulness201 #60, graded 1, was planned MLOps items)
    (("Got my first bronze medal in a tabular Kaggle competition and I have two projects on GitHub. I want to start applying "
      "for jobs. Can you give me an 8-week plan to get from here to sending applications?"), "job-interviews-in-3-months"),
    # where to restart the maths (usefulness201 #12 and 203 #3, graded 1, got how much maths is needed)
    ("正直数学がずっと苦手で、高校では数IAまでしかやってません。線形代数とか微積分ってどこからやり直せばいいですか？",
     "math-relearn-adult"),
    # a nurse aiming at medical AI (usefulness204 #5, 201 #4, 202 #4, 203 #4, all graded 1)
    (("病院で看護師をしている26歳です。医療画像の分野で働けたらいいなと思いました。プログラミングは完全に未経験です。"
      "医療×画像認識のMLエンジニアを目指す場合、どういう順番で勉強していけばいいでしょうか？"), "bg-healthcare-medical-ai"),
    # a manager of a new ML team (usefulness204 #12, graded 0, got the AI product manager)
    (("53歳、メーカーの研究開発部門で課長をしています。来年度から社内にAIチームを立ち上げることになり、そのマネージャーを任される"
      "予定です。メンバーの採用や評価をするうえで最低限どのくらい技術を理解しておくべきでしょうか？"), "career-manage-ml-team"),
    # a frontend developer asking what the experience is worth (usefulness201 #34 and 203 #36, graded 0, got the cards on
    # applying with no experience and on backend engineers)
    (("Front-end dev from Brazil here, 27, work with React every day. I want to move into ML. Will my web dev experience "
      "count for anything when applying to ML engineer jobs?"), "bg-frontend-engineer"),
    # ... but not one asking whether to take any developer job first
    (("I finished a web dev bootcamp (JavaScript, Node, React) last year but I've been unemployed for 6 months now. Should I "
      "try to get any developer job first and transition later, or go all in on ML now?"), "job-stepping-stone"),
    # Python, not English, is what they cannot do (got the card on how much English)
    ("Python全くできないけどMLエンジニア目指せますか？", "start-zero-programming"),
    # growing toward mid-level (usefulness202 #60, 205 #59 and 208 #59, graded 1 and 0, were sent on to the specialisation
    # stage, or back to the core algorithms)
    (("I landed my first junior ML engineer job 6 months ago and I'm getting comfortable with the day-to-day work. What "
      "should I focus on next to grow toward a mid-level role?"), "ladder-junior-to-mid"),  # (its own card since session 30)
    # a first year on the job, not the weeks before it (usefulness204 #60, graded 1)
    (("I just got my first job as a junior ML engineer, starting next month. What should I focus on learning in my first "
      "year to grow fast?"), "ladder-senior-faster"),
    # junior against senior, asked beside the lead-or-manager dilemma (usefulness203 #11, graded 1)
    (("MLエンジニアとして3年目です。この先マネージャーになるか、専門職としてテックリードを目指すかも迷っています。"
      "ジュニアとシニアの違いって具体的に何なんでしょうか？"), "ladder-years-to-senior"),
    # the JDLA certificates from a foreigner (usefulness206 #35, graded 0, got English-speaking jobs in Japan)
    (("I'm a foreign backend engineer who has lived in Tokyo for 5 years, and my Japanese is around N2. Is it worth studying "
      "for G検定 or E資格 as a foreigner, or should I just focus on projects?"), "cert-jdla-english"),
    # whether Kaggle counts in hiring (usefulness205 #46, 208 #46, graded 1, got how beginners start on Kaggle)
    (("Is Kaggle actually worth it for getting hired? Also, how should I talk about my Kaggle competitions in "
      "interviews?"), "job-kaggle-medals"),
    # a data scientist asking about the gap (usefulness207 #38, graded 1, got the two roles compared)
    (("I've been a data scientist at a small fintech startup for 2 years. What's the gap between a data scientist like me "
      "and an ML engineer, and what should I learn to close it?"), "bg-data-scientist"),
    # a working model of one's own to be made a portfolio project (usefulness208 #60, graded 0)
    (("I trained a YOLO object detector and got it running on a Raspberry Pi to count birds at my feeder. What should I do "
      "next to turn this into a portfolio project that gets me interviews?"), "job-notebook-to-portfolio"),
    # NLP roles from someone who fine-tunes BERT (usefulness202 #56, 205 #57, 206 #56, 208 #56, graded 1)
    (("I can fine-tune a BERT text classifier with Hugging Face and evaluate it properly. What's next to become job-ready "
      "for NLP engineering roles?"), "job-ready-nlp"),
    # MLOps after a deployment in Docker (usefulness206 #58 and 202 #59, graded 1, got "1 item left" alone)
    (("I have a model deployed on AWS in a Docker container with a GitHub Actions CI pipeline. What's the next step to get "
      "into proper MLOps, like monitoring and retraining?"), "tool-mlops-after-deploy"),
    # using the tools without knowing what happens inside (usefulness212 #56, graded 0, was planned more projects)
    (("Completed fast.ai Practical Deep Learning part 1 and trained a couple of image classifiers. I feel like I can use the "
      "tools but don't really understand what's happening underneath. What should my next step be?"),
     "learn-understand-under-the-hood"),
    # an internship as the goal (usefulness210 #39, graded 0, got how many hours a week are realistic)
    (("I'm 19, a first-year stats major at a university in Canada. This summer I can spend around 25 hours a week on "
      "self-study. What should I do with that time so I'm competitive for ML engineering internships next year?"),
     "job-internship"),
    # tech lead, management or research, asked by someone in the job (usefulness212 #38, graded 0, got what a senior does)
    (("I've been working as an ML engineer in Singapore for about 3 years. I'm torn between tech lead, moving into "
      "management, or shifting toward research. How do those paths differ and how do I figure out which fits me?"),
     "ladder-lead-or-ic"),
    # whether to go on to deep learning (usefulness203 #26, graded 1, got the maths of deep learning)
    ("scikit-learnで回帰と分類はできるようになって、KaggleのTitanicも提出しました。次はディープラーニングに進んでいいですか？",
     "start-dl-when-ready"),
    # an age only worried about in a statement, and a background asked about (usefulness206 #33, graded 1, got the 40s card)
    # Kaggle against projects of one's own (usefulness213 #37, graded 0, got how to learn from public notebooks)
    (("I'm a software engineer at a big IT services company in Bangalore, three years in. Every job posting asks for ML "
      "experience. Should I spend my 12 hours a week on Kaggle competitions or on building my own end-to-end projects?"),
     "job-kaggle-or-own-projects"),
    # a portfolio that should not look like a tutorial clone (usefulness213 #42, graded 0, got what computer vision is)
    (("I've built a few object detection projects with YOLO, but honestly they mostly follow tutorials. How do I make my "
      "vision portfolio stand out instead of looking like a tutorial clone?"), "job-portfolio-stand-out"),
    # a Kaggle result and a first job as the goal (usefulness213 #58, graded 0, got how to learn from public notebooks)
    (("I know Python and SQL well, and I've done two Kaggle competitions finishing in the top 30%. What should I focus on "
      "now to actually land my first ML job?"), "job-ready-to-apply"),
    # management against the staff/principal IC track (usefulness213 #39, graded 1, got what seniors, leads and staff do)
    (("I've been an ML engineer at a fintech startup for five years. My manager is leaving and I've been asked if I want to "
      "take over the team. I like coding, but I'm also curious about leading. What actually changes in day-to-day "
      "responsibilities if I go the management route versus staying on the staff/principal IC track?"), "ladder-lead-or-ic"),
    # a manual tester asking how to move into ML (usefulness215 #31, graded 0, got the card for CS students)
    (("I'm 22 and just graduated with a CS degree in India. I got placed at a big IT services company but I'm doing manual "
      "testing, which has nothing to do with ML. How do I move from this testing role into an actual ML engineering role?"),
     "bg-qa-tester"),
    (("I'm 51, a mechanical engineer at an automotive supplier in Stuttgart, mostly MATLAB/Simulink and control systems. "
      "I've become really interested in computer vision for driver assistance systems. My company is open to internal "
      "moves, but I'm worried I'm too old to start over. How can I use my domain background to move into an ML engineering "
      "role instead of starting from zero?"), "bg-mechanical-engineer"),
])
def test_session_27_cards_answer_what_was_asked(e5_engine, question, card):
    assert e5_engine.ask(question).card == card


def test_which_certificate_employers_value_asked_after_the_order_is_answered(e5_engine, kb):
    # usefulness202 #13 (graded 1): the second question, which of G検定 and E資格 counts in a job search, got nothing
    answer = e5_engine.ask("G検定とE資格ってどっちから先に受けるべきですか？あと、転職活動で実際に評価されるのはどっちですか？")
    assert kb.cards_by_id["cert-which-first"].answer.ja[:30] in answer.answer
    assert kb.cards_by_id["cert-g-vs-e-hiring"].answer.ja[:30] in answer.answer


def test_where_to_start_after_a_next_step_question_adds_no_beginners_card(e5_engine, kb):
    # usefulness207 #28 (graded 1): someone who writes CNNs in PyTorch was told to start with Python for "何から始めれば"
    answer = e5_engine.ask("PyTorchでCNNを自分で書いて、MNISTとCIFAR-10の分類はできるようになりました。でも作ったモデルをどうやって"
                           "実際に使える形にするのかが全然わかりません。次はデプロイとかを勉強するべきですか？何から始めればいいですか？")
    assert answer.stage == "mlops"
    assert kb.cards_by_id["start-what-first"].answer.ja[:30] not in answer.answer


def test_a_book_still_being_read_gets_no_card_for_after_it(e5_engine):
    # "今『ゼロから作るDeep Learning』を読んでるんですが、誤差逆伝播のあたりで完全に止まって" is not told what to do after the book
    answer = e5_engine.ask("独学で半年くらい機械学習やってます。今『ゼロから作るDeep Learning』を読んでるんですが、誤差逆伝播のあたりで"
                           "完全に止まってしまいました。こういうとき理解できるまで粘るべきですか、それとも先に進むべきですか？")
    assert answer.card != "start-after-zero-dl"


def test_zero_projects_is_no_projects_stage_finished(e5_engine):
    # usefulness212 #58 (graded 0): "I passed the AWS … exam, but honestly I have zero real projects" was told the projects
    # stage was done and sent on to MLOps
    answer = e5_engine.ask("I passed the AWS Certified Machine Learning Specialty exam last month, but honestly I have zero "
                           "real projects. What should I build next so recruiters take me seriously?")
    assert answer.stage == "projects"


def test_a_job_offer_as_the_goal_gets_the_card_on_getting_ready_to_apply(e5_engine, kb):
    # usefulness214 #60 (graded 1): a Kaggle Expert asking how to turn it into a job offer got a bare checklist
    answer = e5_engine.ask("I reached Kaggle Competitions Expert and I'm comfortable with gradient boosting and feature "
                           "engineering. What should I do next to turn that into an actual ML engineer job offer?")
    assert answer.answer.startswith(kb.cards_by_id["job-ready-to-apply"].answer.en[:40])


def test_a_nurse_asking_a_maths_question_gets_the_maths_answer(e5_engine):
    # usefulness218 #4 (graded 1, 2 at the session's start): the medical-AI card took a nurse's question on how far to
    # relearn maths
    answer = e5_engine.ask("35歳で病院の看護師をしています。医療AIに興味があって、将来は医療データを扱うMLエンジニアになりたいです。"
                           "数学は高校の数IIまでしかやっておらず、夜勤があるので勉強時間も不規則です。数学はどこまでやり直せば"
                           "機械学習の勉強についていけますか？")
    assert answer.card != "bg-healthcare-medical-ai"
    assert answer.card.startswith("math-")


def test_hiring_managers_are_no_manager_asking(e5_engine):
    # "How do hiring managers look at that?" is about being hired without a degree, not about managing a team
    answer = e5_engine.ask("I'm 19 and had to drop out of university for money reasons. Can I become an ML engineer without a "
                           "degree? How do hiring managers actually look at that?")
    assert "An ML team manager" not in answer.answer


def test_a_certificate_held_and_not_asked_about_gets_no_certificate_card(e5_engine):
    # usefulness204 #1 (graded 1): 統計検定2級 held, asking whether the switch is realistic, got whether certificates help
    answer = e5_engine.ask("28歳で自動車部品メーカーの品質管理をしてます。去年統計検定2級は取りました。プログラミングはほぼ未経験で、"
                           "勉強できるのは週10時間くらいです。この状態からMLエンジニアに転職するのって現実的ですか？")
    assert not (answer.card or "").startswith("cert-")


def test_a_stage_a_job_covers_is_not_left_with_no_items(e5_engine):
    # usefulness182 #60: a junior analyst with 統計検定 2級 was told to "finish Programming and data analysis first: 0
    # item(s) left"
    answer = e5_engine.ask("I'm working as a junior data analyst in Osaka and I've passed G検定 and 統計検定 grade 2. I can "
                           "build basic models in scikit-learn. What's my next step toward an ML engineer role?")
    assert answer.stage != "programming-data"
    assert "0 item(s) left" not in answer.answer


def test_no_age_card_for_someone_who_will_not_switch(e5_engine):
    # usefulness181 #9: a 52-year-old leading AI adoption, "この歳でMLエンジニアに転職するつもりはない", got the 40s card's
    # switching advice beside the answer
    answer = e5_engine.ask("52歳、中堅企業で経理部長をしています。社内でAI活用の推進役を任されることになりました。Pythonはここ半年で"
                           "基礎を学んだところです。正直この歳でMLエンジニアに転職するつもりはないのですが、こういう立場の人間に"
                           "とってG検定やE資格を取る意味はありますか？")
    assert answer.card == "cert-for-managers"
    assert "40代以降" not in answer.answer


def test_what_a_message_names_as_something_else_places_no_one(e5_engine):
    # usefulness183 #55: "scikit-learn pipelines" is no MLOps pipeline (placed at the MLOps stage, graded 0); usefulness186
    # #58: the "AWS Machine Learning Specialty" exam is no specialisation stage (told to read papers, graded 0)
    answer = e5_engine.ask("I just finished Andrew Ng's Machine Learning Specialization and I can build basic scikit-learn "
                           "pipelines with preprocessing and cross-validation. What should I learn next to move toward an ML "
                           "engineer job?")
    assert answer.stage == "core-ml"
    answer = e5_engine.ask("I passed the AWS Machine Learning Specialty exam last month, but I don't have any real ML work "
                           "experience yet. What should I focus on next so the cert actually helps me get a job?")
    assert answer.stage != "specialization"
    assert "paper" not in answer.answer.split("\n\n")[0].lower()


@pytest.mark.parametrize(("question", "stage"), [
    # usefulness168 #60 (graded 0): "training my first neural networks" named 3Blue1Brown's "Neural Networks" course,
    # taken as finished, and the learner was placed with the core algorithms almost done
    (("I've finished a Python basics course and the linear algebra and calculus units on Khan Academy. Can you lay out a "
      "3-month plan to get me from here to training my first neural networks?"), "programming-data"),
    # usefulness173 #57: a Hugging Face fine-tuner who wants to learn to deploy and monitor was placed at the
    # specialisation stage, past MLOps
    (("I can fine-tune transformer models with Hugging Face for text classification and I've done a couple of small NLP "
      "projects. Now I want to learn how to deploy and monitor models properly. What's the next step?"), "mlops"),
    # usefulness184 #28: "モデルを作るところまではできるんですが、この先は何を勉強すべき？" got what computer vision is
    (("PyTorchでCNNの画像分類は自分で書けるようになって、Transformerの論文もなんとか読みました。モデルを作るところまではできるんですが、"
      "この先は何を勉強すべきですか？"), "mlops"),
])
def test_graded_questions_are_placed_where_they_are(e5_engine, question, stage):
    """A course named only as the goal is not done; building models and wanting to deploy is the MLOps stage."""
    assert e5_engine.ask(question).stage == stage


def test_a_study_group_that_finished_classic_ml_is_planned_from_there(e5_engine):
    # usefulness187 #60 (graded 0): a moderator whose group finished Python, the maths and classic ML got how to run a
    # mixed-level group
    answer = e5_engine.ask("Our study group just finished the first stages: Python, basic math (linear algebra, stats), and "
                           "classic ML with scikit-learn. As the moderator, what should the next 8 weeks of our plan cover?")
    assert answer.kind == "next"
    assert answer.stage == "core-ml"
    assert "core-ml.linear-regression" not in [s.item.id for s in answer.next_steps]


def test_a_certificate_passed_and_the_next_one_asked_gets_what_to_do_after_passing(e5_engine):
    # usefulness187 #29 (graded 1): a new G検定 holder asking whether E資格 comes next got what E資格 is
    answer = e5_engine.ask("先月G検定に合格しました！ただ実装はまだほとんどできません。次は何をやるのがいいですか？E資格に進むべき？")
    assert answer.card == "cert-after-passing"
    assert answer.stage == "programming-data"


def test_one_item_said_in_another_clause_than_the_whole_is_that_item(e5_engine):
    # usefulness191 #25 (graded 1): Python's syntax, "一通り書けます", was taken as the whole programming stage
    answer = e5_engine.ask("ProgateのPythonコースと、Pythonの入門書を1冊やり終えました。for文とか関数とかクラスは一通り書けます。"
                           "次は何を勉強すればいいですか？")
    assert answer.stage == "programming-data"
    # (a course gone through with "all the problem sets" is still the whole of it)
    assert e5_engine.ask("Done with the CS229 lectures and all the problem sets. Next?").stage == "projects"


def test_a_span_named_before_roadmap_is_a_plan_request(e5_engine):
    # usefulness192 #29 (graded 1): "半年分のロードマップを教えてください" got three next items and no plan
    answer = e5_engine.ask("大学(工学部)で線形代数と微積分はやったので数学はある程度大丈夫です。統計はまだちゃんとやってません。"
                           "Pythonもそこそこ書けます。ここからMLエンジニアを目指す半年分のロードマップを教えてください。")
    assert "6か月目" in answer.answer


def test_roughly_understood_is_no_wish(e5_engine):
    # usefulness195 #29 (graded 0): "ディープラーニングの理論はだいたい理解できた" read "だいたい" as a wish ("たい") and was
    # sent back to deep learning
    answer = e5_engine.ask("E資格に合格して、ディープラーニングの理論はだいたい理解できたと思います。でも仕事は経理で実務経験はゼロです。"
                           "MLエンジニアへの転職に向けて、次に何をすればいいでしょうか？")
    assert "core-ml.deep-learning-basics" not in [s.item.id for s in answer.next_steps]


def test_the_first_half_year_asked_what_to_start_with_is_planned(e5_engine):
    # usefulness199 #1 (graded 0): "最初の半年は何から手をつけるのがいいでしょうか？" got startups against large companies
    answer = e5_engine.ask("28歳で地方の製造業の会社で生産管理をしています。プログラミングはExcelのVBAでちょっとしたマクロを書くくらい"
                           "です。勉強に使えるのは週10時間くらいです。最初の半年は何から手をつけるのがいいでしょうか？")
    assert answer.kind == "next"
    assert "6か月目" in answer.answer


@pytest.mark.parametrize(("question", "card"), [
    # usefulness222 #32 (graded 0: got whether high-school maths is enough)
    ("I'm 35 and I've taught high school maths in the UK for ten years. Linear algebra, calculus and stats are very comfortable for me, but my Python is basic, just loops and functions. I can only study about 6 hours a week because of marking and lesson prep. Is my teaching and maths background actually an advantage for becoming an ML engineer, and what would a realistic path look like for someone like me?",
     'bg-math-teacher'),
    # usefulness223 #32 (graded 0: "taught A-level maths" got the four fields of maths)
    ("I'm 45 and have taught A-level maths in the UK for almost 20 years, so linear algebra, calculus and probability are comfortable for me. My programming is limited to some basic Python I picked up for classroom demos. I'm seriously considering a career change into machine learning but I worry that my lack of industry experience will count against me. What would be the most efficient path for someone with a strong maths background but no software engineering job history?",
     'bg-math-teacher'),
    # usefulness222 #33 (graded 0: the Docker the asker already knows, named before the "How much" sentence, took it)
    ("I'm a backend developer in Berlin, 29, with five years of Go, Docker, Kubernetes and some Terraform. I'm not that interested in inventing new models, but I love the infrastructure side and I keep hearing about MLOps. I have maybe 10 hours a week to study. How much of the ML theory itself (math, classic algorithms, deep learning) do I really need to learn to move into an MLOps role?",
     'mlops-how-much-ml'),
    # usefulness222 #41 (graded 0: a JEE candidate got the card on LLMs for beginners)
    ("I'm 17 and in India, preparing for JEE next year, so most of my time goes to physics, chemistry and maths. I'm really excited about AI and want to become an ML engineer someday. I have maybe 3 hours a week spare. Is it worth starting ML now, or should I just focus on the exam and a good college first?",
     'bg-high-school-student'),
    # usefulness223 #54 (graded 1: got ML system design alone)
    ('junior ml engineer interview tips pls',
     'job-interview-prep'),
    # usefulness222 #4 (graded 1: the AI project's owner got certificates against a portfolio)
    ('45歳、製造業で生産技術をやってます。品質管理でSPCとか実験計画法は使ってきたので統計はそこそこ分かります。最近、社内のAI導入プロジェクトの担当にされてしまいました。自分で手を動かせるレベルになりたいんですが、資格としてはG検定で十分ですか？それともE資格まで取るべきでしょうか？',
     'cert-for-managers'),
    # usefulness224 #9 (graded 1: whether demand lasts got the 40s card)
    ('40歳、地方の市役所で働いてる公務員です。情報システム担当でExcelマクロとかAccessは触ってます。家庭の事情で地元を離れられないんですが、機械学習の仕事に強く惹かれてます。安定した仕事を辞めるのはリスクが大きいので慎重に考えたいです。MLエンジニアって今後も需要が続く職種なんでしょうか、地方在住でも目指す価値はありますか？',
     'outlook-demand'),
    # usefulness221 #38 (graded 1: got ML system design)
    ("I'm 27 and left a PhD in computational biology after three years. I'm strong in statistics and R, and I've trained a few models in Python, but my software engineering is weak. I've had five ML engineer interviews and keep failing the coding and system design rounds. How do I close that software engineering gap efficiently?",
     'concept-software-engineering-depth'),
    # usefulness223 #7 (graded 1: got classic ML against deep learning)
    ('高専の5年生で、卒研ではOpenCVを使った画像処理をやっています。ディープラーニングはPyTorchのチュートリアルを動かした程度です。来年から就活なのですが、新卒でいきなりMLエンジニアのポジションに応募するのは現実的ですか？それとも進学やKaggleで実績を作ってからのほうがいいですか？',
     'degree-kosen'),
    # usefulness224 #36 (graded 1: a $15k bootcamp got the free-material default)
    ("I'm 44, a chartered accountant in Toronto. I'm comfortable with Excel, some SQL, and I've automated a few reports with Python scripts. I've been looking at a few ML bootcamps that cost around $15k, but I also know there's a lot of free material out there. I have a family and can only really study evenings, maybe 10 hours a week. Would a bootcamp or structured self-study be the better choice for someone in my situation?",
     'start-bootcamp-worth-it'),
    # usefulness223 #34 (graded 1: a manual QA tester got the card for those without a CS degree)
    ("Hi, I'm 31 from Pune, India, and I've been a manual QA tester for 6 years. I know a bit of SQL and have written some Selenium scripts in Python, but nothing more advanced. A lot of people tell me ML is too hard to break into without a CS degree. Honestly, is it realistic for someone like me to become an ML engineer, and what would the first year look like?",
     'bg-qa-tester'),
    # usefulness229 #42 (graded 0: five years out of the workforce got whether high-school maths is enough)
    ("Mom of two, 36, former analytical chemist. I've been out of the workforce for 5 years and I'm rebuilding my skills with about 8 hours a week while the kids are at school. I did the Kaggle intro to ML course and really enjoyed it. How should I structure my learning so that I'm employable as an ML engineer in roughly 18 months?",
     'bg-career-gap'),
    # usefulness230 #36 (graded 0: a statistics major got the CS student's card)
    ("I'm 20, a second-year statistics major at a university in Canada. I'm comfortable with R and probability, and I've started learning Python on the side. I want to be an ML engineer after graduating, but I'm not sure whether I should add a CS minor, chase internships, or focus on Kaggle. What would give me the best shot at an entry-level ML job?",
     'bg-university-non-cs'),
    # usefulness231 #31 (graded 0: a mechanical engineering graduate weighing an analyst job first got the analyst's card)
    ("Hi all, I'm 24 and just finished a BSc in mechanical engineering in Pune, India. I know some MATLAB and did a bit of Python for my final-year project on vibration data. I can study around 30 hours a week since I'm not working yet. Is it better for me to aim straight for an ML engineer role, or should I take a data analyst job first and move over later?",
     'job-junior-mle-vs-analyst'),
    # usefulness232 #33 (graded 0: a backend engineer who never trained a model got the MLOps card for a deployed model)
    ("Software engineer in Bangalore here, 5 years of backend work in Java with Spring Boot and Kafka. I've deployed lots of microservices but never trained a model. I'm interested in MLOps more than research. Which of my skills transfer directly, and what are the biggest gaps I need to fill?",
     'mlops-from-software-engineer'),
    # usefulness230 #60 (graded 0: growing toward senior after deploying on SageMaker got the MLOps tools)
    ("At work I've trained and deployed a couple of models on AWS SageMaker with CI/CD and basic monitoring. I want to grow toward a senior ML engineer role. What should I learn or take on next?",
     'ladder-senior-faster'),
    # usefulness238 #20 (graded 2 then 1 at e179aa0): the outlook got the comparison of three roles
    ("mlエンジニア 将来性", "outlook-demand"),
    # usefulness238 #49 (graded 2 then 1 at e179aa0): whether the field is worth it got LLM work against classic ML
    ("is ml engineering still worth it now that LLMs do everything?", "outlook-genai-replace"),
    # usefulness240 #37 (graded 2 then 1 at e179aa0): a data scientist's gap got the software-engineering card
    ("I've been a data scientist in Toronto for 3 years. Most of my work is in notebooks: EDA, modelling, handing results over to engineers. I want to move to an ML engineer title because I want to own models in production. What's the actual skill gap I need to close, and how do I show it on my CV?", "bg-data-scientist"),
    # usefulness238 #50 (graded 0): "best cert for ml jobs in japan" got the not-covered card on comparing countries
    ("best cert for ml jobs in japan", "cert-do-certs-help"),
    # usefulness241 #58 (graded 0): a fine-tuned BERT deployed on Spaces, about to apply, got what NLP is
    ("I fine-tuned a BERT model for text classification with Hugging Face and deployed a demo on Spaces. I'm about to start applying for NLP / ML engineer jobs. What else should I do before and during the job hunt?", "job-ready-deployed"),
    # usefulness247 #41 (graded 0): no budget, an 8GB laptop and no GPU got English-speaking jobs in Japan
    ("I'm 24, a manual QA tester in the Philippines. I really want to work on NLP and build apps with LLMs. My budget is tight, I can't afford paid courses, and I only have an old laptop with 8GB RAM and no GPU. Can you give me a realistic plan for getting into ML engineering with these limits?", "tool-no-gpu"),
    # usefulness246 #28 (graded 0): the maths said done, little programming, was told to start with linear algebra
    ('統計検定2級は持っていて、線形代数と微積分も大学（工学部）でやりました。ただプログラミングはほとんどやってこなかったです。数学側はある程度できている前提で、何から始めるのが一番近道ですか？', "start-zero-programming"),
    # usefulness251 #36 (graded 0): "What actually distinguishes a senior ML engineer from a junior" got a junior's day
    ("I've been a junior ML engineer at a small startup in Singapore for about a year and a half. Because we're tiny I do everything: data pipelines, training, some deployment, even dashboards. My manager says I'm doing well but I have no idea what the concrete bar for senior is. What actually distinguishes a senior ML engineer from a junior one, and how should I plan to get there?",
     "ladder-senior-mle"),
    # usefulness249 #24 (graded 0): "pyhton" misspelt, asking how much Python before ML, got high-school maths
    ("pyhtonどのくらいできたら機械学習はじめていい？", "start-python-how-much"),
    # usefulness250 #60 (graded 0): a newly hired junior data analyst was told to start as a data analyst
    ('I just got my first job as a junior data analyst (SQL, dashboards, some Python). My goal is to move into an ML engineer role within 2 years, ideally at the same company. What should I do from here, both in terms of study and at work?',
     "bg-data-analyst"),
])
def test_session_28_cards_answer_what_was_asked(e5_engine, question, card):
    assert e5_engine.ask(question).card == card


def test_which_of_two_certificates_first_follows_the_question_on_how_they_differ(e5_engine):
    # usefulness222 #14 (graded 1): "それと、未経験ならどっちから…？" got the card for applying with no experience
    assert e5_engine.ask('G検定とE資格って具体的に何が違うんですか？それと、未経験ならどっちから受けるのがおすすめですか？').card == "cert-which-first"


def test_a_model_served_behind_an_api_places_the_learner_at_mlops(e5_engine):
    # usefulness210 #58: "a FastAPI service that serves a PyTorch model" was planned Python's setup first
    answer = e5_engine.ask("I'm comfortable with Docker and I've written a FastAPI service that serves a PyTorch model. I want to go into MLOps. Which tools and topics should I learn next, and in what order?")
    assert answer.kind == "next"
    assert answer.stage == "mlops"
    assert "Python fundamentals" not in answer.answer


def test_classic_algorithms_gone_through_are_not_listed_again(e5_engine):
    # usefulness223 #30 (graded 0): "機械学習の基本アルゴリズムも一通り理解した" was listed linear regression, trees and SVMs
    answer = e5_engine.ask('統計検定2級に受かって、線形代数も大学の教科書で復習し終わりました。機械学習の基本アルゴリズムも一通り理解したつもりです。次にディープラーニングに進みたいんですが、どういうステップで勉強するのがいいですか？')
    assert "深層学習の基礎" in answer.answer
    assert "線形回帰" not in answer.answer
    assert "サポートベクターマシン" not in answer.answer


def test_an_internship_hoped_for_is_not_read_as_done(e5_engine):
    # usefulness222 #31 (graded 0): "I'm hoping to land an ML-related internship … my resume is basically just coursework"
    # was told the work-experience stage was done and planned papers and conferences
    answer = e5_engine.ask("Hey all, I'm 19 and a second-year CS student in Toronto. I took an intro ML course last semester and really liked it, and I can put in about 15 hours a week on top of classes. I'm hoping to land an ML-related internship next summer, but my resume is basically just coursework. What should I prioritize over the next 6 months to have a real shot at an ML internship?")
    assert "Work experience" not in answer.answer.split("\n")[0]
    assert "Reproduce a paper" not in answer.answer


def test_an_image_field_named_before_ml_engineer_keeps_other_fields_projects_out(e5_engine):
    # usefulness221 #28 (graded 0): "画像系のMLエンジニアを目指してる" was planned a recommender and sentiment analysis
    answer = e5_engine.ask('PyTorchでCNNを自分で書いて、CIFAR-10の画像分類で精度90%くらいまで出せました。画像系のMLエンジニアを目指してるんですが、ポートフォリオに向けて次は何をすればいいですか？')
    assert "レコメンド" not in answer.answer
    assert "感情分析" not in answer.answer


def test_the_maths_asked_how_far_and_in_what_order_gets_a_maths_card(e5_engine):
    # usefulness226 #2 (graded 0): "数学ってどのくらいのレベルまで、どういう順番で" got the hours to job-ready
    assert e5_engine.ask('大学2年の経済学部です。文系なので線形代数はほぼやってなくて、微分もセンター試験レベルで止まってます。ゼミでRを使って回帰分析はやったことがあって、機械学習に興味が出てきました。将来MLエンジニアになりたいんですが、数学ってどのくらいのレベルまで、どういう順番で勉強すればいいですか？').card in {"math-how-much", "math-which-first"}


def test_a_latin_subject_is_told_only_as_a_word(e5_engine):
    # usefulness226 #36 (graded 0): "cv", the computer-vision card's subject, was read as told in "OpenCV", and the card
    # lost to the outlook
    assert e5_engine.ask('Hello, I am 27 years old mechanical engineer from Brazil, working in automotive company. My english is not perfect sorry. I know some Python and OpenCV from a project with camera for measuring parts. My dream is working with computer vision for autonomous driving. What skills I need to learn to go from my current job to computer vision ML engineer?').card == "concept-computer-vision"


def test_scikit_learn_gone_through_plans_deep_learning_first(e5_engine):
    # usefulness228 #27 (graded 0): Titanic and house prices done in scikit-learn was planned linear regression first
    answer = e5_engine.ask('scikit-learnでタイタニックと住宅価格予測はひと通りやって、特徴量エンジニアリングも少し分かってきました。次はディープラーニングに進みたいので、週10時間で3ヶ月くらいの学習計画を立ててもらえませんか？')
    assert "1か月目: 深層学習の基礎" in answer.answer


def test_a_moderators_study_group_is_not_the_networking_item(e5_engine):
    # usefulness227 #30 (graded 0): "勉強会のモデレーターです…勉強会でどんなテーマや課題に" was sent to networking at meetups
    answer = e5_engine.ask('勉強会のモデレーターです。メンバーの大半がPythonの基礎と統計・線形代数の基礎を終えました。次のステップとして、勉強会でどんなテーマや課題に取り組ませるのがいいでしょうか？')
    assert "人脈" not in answer.answer


def test_a_production_model_owner_asking_for_lead_skills_gets_the_ladder(e5_engine):
    # usefulness228 #30 (graded 0): two years running a model in production, asking for a team lead's non-technical skills,
    # was planned entry roles and a resume
    assert e5_engine.ask('社内で需要予測モデルを本番運用して2年経ち、監視や再学習の仕組みも自分で作りました。次はチームリードを目指したいんですが、技術以外で何を身につけていけばいいですか？').card == "ladder-senior-soft-skills"


def test_an_sier_with_infrastructure_experience_heading_for_mlops_gets_the_developers_card(e5_engine):
    # usefulness233 #3 (graded 0): "CI/CDとかインフラの経験を活かせそうなMLOps寄り" got the domain-expertise card
    assert e5_engine.ask('35歳、SIerでJavaの業務システムを10年くらいやってます。子どもが2人いて平日は夜1時間、土日に2〜3時間くらいしか勉強時間が取れません。モデルを作る側より、CI/CDとかインフラの経験を活かせそうなMLOps寄りに行きたいと思ってます。この経歴からMLOpsエンジニアを目指す場合、何を優先して勉強すればいいでしょうか？').card == "mlops-from-software-engineer"


def test_models_never_built_into_a_service_stay_before_mlops(e5_engine):
    # usefulness234 #27 (graded 0): "実際にサービスに組み込んだ経験がありません" was placed at the specialisation stage
    answer = e5_engine.ask('PyTorchでCNNやTransformerの簡単な実装はできて、有名な論文ならなんとか読めます。でもモデルを作って終わりで、実際にサービスに組み込んだ経験がありません。MLエンジニアとして働くために、次に何を身につければいいですか？')
    assert answer.stage == "mlops"


def test_which_certifications_asked_in_english_is_not_answered_with_the_japanese_ladder(e5_engine):
    # usefulness233 #54 (graded 1): an English speaker was told to start with G検定 or 統計検定
    assert e5_engine.ask('what certifcations shoud i get for ml').card == "cert-do-certs-help"


def test_an_age_card_answer_is_followed_by_the_askers_background(e5_engine, kb):
    # usefulness225 #8 (graded 1, "a generic 40s+ template"): a 52-year-old in corporate sales got the age card alone
    answer = e5_engine.ask('52歳、IT企業で法人営業をやっています。社内で生成AIの活用プロジェクトが始まって、自分も技術側で関わりたいと思うようになりました。Pythonは入門書を1冊終えたところです。50代からMLエンジニアとして仕事をするのは現実的ですか？それとも別の関わり方を考えた方がいいでしょうか。')
    assert answer.card == "bg-age-40"
    assert kb.cards_by_id["bg-non-it"].answer.ja[:30] in answer.answer


def test_a_loan_officer_is_not_given_the_experienced_engineers_card(e5_engine, kb):
    # a bank's loan officer beside the age card got "with long engineering experience…"
    answer = e5_engine.ask("53歳です。長年、地方銀行で融資審査をしてきました。早期退職の話があって、残りの職業人生で何か新しいことをしたいと"
                           "思い、機械学習を勉強しはじめました。正直、この年齢で未経験のMLエンジニアを雇ってくれる会社はあるのでしょうか。")
    assert kb.cards_by_id["bg-experienced-engineer-leverage"].answer.ja[:30] not in answer.answer


def test_andrew_ngs_course_named_in_japanese_is_the_course(e5_engine):
    # usefulness239 #29 (graded 0): "CourseraのAndrew Ngさんの機械学習コースを修了" was planned from the job search
    answer = e5_engine.ask('CourseraのAndrew Ngさんの機械学習コースを修了しました。英語の教材もある程度いけます。週15時間勉強できるので、就職までの半年の学習プランを作ってもらえますか？')
    assert answer.stage == "core-ml"


def test_comfortable_with_a_list_ending_in_scikit_learn_is_past_the_classic_algorithms(e5_engine):
    # usefulness239 #56 (graded 0): "comfortable with pandas, NumPy and scikit-learn" was planned linear regression first
    answer = e5_engine.ask("I'm comfortable with pandas, NumPy and scikit-learn and have built a few tabular models. I want to move into deep learning now. Can you give me a step-by-step plan for the next 3 months at around 10 hours a week?")
    assert "Month 1: Deep-learning basics" in answer.answer


def test_english_answers_do_not_send_learners_to_japanese_only_material(e5_engine):
    # usefulness244 #41, 240 #35, 241 #37 (graded 1): a Tokyo Python course and Japan's IT exam to learners abroad
    for question in ("Should I self-study or join a bootcamp / paid school?", "can I become an MLE without a CS degree"):
        answer = e5_engine.ask(question).answer
        assert "University of Tokyo" not in answer
        assert "Fundamental IT Engineer" not in answer


def test_a_bootcamp_graduate_asking_about_a_degree_is_not_told_how_to_choose_a_bootcamp(e5_engine, kb):
    # usefulness246 #35 (graded 2 then 1 at 0ac6556): the bootcamp card answered "without a degree"
    answer = e5_engine.ask("29, went through a web dev bootcamp two years ago and now work as a full-stack dev in the US. Lately I've been building side projects with LLM APIs and RAG, and I'm enjoying it way more than CRUD apps. I don't have a degree, just the bootcamp. Is it realistic to get an ML/LLM engineer job without a degree, and what should I build to prove I'm more than an API wrapper person?")
    assert kb.cards_by_id["start-bootcamp-worth-it"].answer.en[:40] not in answer.answer


def test_a_cloud_ml_certificate_passed_gets_what_to_do_after_it(e5_engine):
    # usefulness221 #60 and 225 #58 (graded 1): an AWS ML certificate holder was told what to do after G検定 and 統計検定
    for question in ("I just passed the AWS Machine Learning Specialty exam and know the basics of SageMaker. Should I focus next on more certifications or on projects, and which ones?",
                     "AWSのML資格に合格しました。次は何をすればいいですか？"):
        answer = e5_engine.ask(question)
        assert answer.card == "cert-after-cloud"
        assert "G Kentei" not in answer.answer
        assert "G検定" not in answer.answer


def test_a_cloud_certificate_that_is_not_about_ml_is_not_called_one(e5_engine):
    # (the dev dump: "I passed the AWS Solutions Architect Associate … move into MLOps" would have been told that their
    # cloud ML certificate is enough)
    for question in ("I'm a DevOps engineer: Docker, Kubernetes, Terraform, GitHub Actions, and I passed the AWS Solutions Architect Associate. I also completed an intro ML course on Coursera. What should I learn next to move into MLOps / ML platform engineering?",
                     "I passed AWS Cloud Practitioner last month and I'm currently working through an intro statistics course. What should I focus on next month?"):
        assert e5_engine.ask(question).card != "cert-after-cloud"


def test_finishing_zero_tsuku_gets_what_comes_after_that_book(e5_engine):
    # usefulness222 #26 (graded 1): finishing ゼロから作るDeep Learning was only told the projects stage
    for question in ("「ゼロから作るDeep Learning」の1冊目を最後まで読んで、コードも一通り写経しました。この後はどういう順番で勉強を進めればいいですか？",
                     "I finished Deep Learning from Scratch volume 1 and typed out all the code. What should I study next?"):
        assert e5_engine.ask(question).card == "start-after-zero-dl"


def test_a_plan_toward_a_first_project_does_not_skip_the_stages_before_it(e5_engine):
    # usefulness260 #60 (graded 0): a 12-week plan "to a first portfolio project" gave the stages before it one month
    # and went from Python basics to building a recommender, with Pandas and all of ML after week 12; now they get
    # all but the last month
    answer = e5_engine.ask("I've gone through Khan Academy linear algebra and an intro stats course, and I'm comfortable with the math, but I haven't written any ML code yet. Can you give me a 12-week study plan to go from here to a first portfolio project?").answer
    months = {line.split(":")[0]: line for line in answer.splitlines() if line.startswith("- Month ")}
    assert "Python fundamentals" in months["- Month 1"]
    assert "Pandas for cleaning data" in months["- Month 2"]
    assert "Build a" not in months["- Month 1"] + months["- Month 2"]  # (the project in the last month)


def test_going_on_to_deep_learning_in_japanese_plans_deep_learning_first(e5_engine):
    # usefulness257 #27 (graded 1): "ここから深層学習に進むとして、3ヶ月くらいの学習プラン" was planned projects
    answer = e5_engine.ask("scikit-learnで分類・回帰のモデルを一通り作って、交差検証やハイパーパラメータ調整もできるようになりました。ここから深層学習に進むとして、3ヶ月くらいの学習プランを立ててもらえますか？").answer
    assert "- 1か月目: 深層学習の基礎" in answer


def test_cards_for_someone_else_are_not_given(e5_engine, kb):
    # usefulness258 #1 (0): a Java developer of five years was taught programming from zero; 258 #41 (0): a senior
    # ML engineer without a PhD got the PhD's card; 259 #59 (0): a high school teacher got the high-school student's
    answer = e5_engine.ask("はじめまして、28歳でSIerに勤めてます。業務はJavaで5年くらいで、Pythonはスクレイピングのスクリプトを書いたことがある程度です。平日夜と土日で週10時間くらいは勉強にあてられそうです。2年以内に機械学習エンジニアとして転職したいんですが、最初の半年は何を優先して勉強すべきでしょうか？")
    assert answer.card != "start-zero-programming"
    answer = e5_engine.ask("I'm a senior ML engineer with about 7 years of experience, mostly in search ranking and recommendation systems. I've published a couple of workshop papers on the side and I'm increasingly drawn to research. I don't have a PhD, just a master's. Can I realistically move into a research scientist or research engineer role, and what would I need to show to make that jump?")
    assert answer.card != "bg-phd-research-or-mle"
    answer = e5_engine.ask("Finished fast.ai Practical Deep Learning part 1 and trained a few models on my own images. I'm a high school teacher and want to switch careers. What should I focus on next to become employable?")
    assert kb.cards_by_id["bg-high-school-student"].answer.en[:40] not in answer.answer


def test_a_specialty_years_away_is_planned_in_the_roadmaps_order(e5_engine):
    # usefulness257 #34 (graded 1): computer vision "eventually" was planned one month of Pandas, then an in-depth
    # course and reproducing papers
    answer = e5_engine.ask("Hello, I'm from Vietnam and working as a QA tester for an outsourcing company, 27 years old. I know some Python from writing test automation with Selenium and pytest. My English is okay for reading docs but not great for speaking. I want to move into computer vision eventually. What should my learning path look like given I can study about 12 hours per week?").answer
    assert "- Month 1:" in answer
    assert "Reproduce a paper" not in answer.split("The remaining")[0]


def test_zero_tsuku_read_to_the_end_and_a_plan_asked_gets_the_card_first(e5_engine):
    # usefulness259 #28 (graded 1): "1巻を最後まで読んで、コードも写経しました…3か月でやることの計画" was planned projects
    answer = e5_engine.ask("『ゼロから作るDeep Learning』の1巻を最後まで読んで、コードも写経しました。誤差逆伝播はなんとなく理解できたと思います。ここから3か月でやることの計画を立ててほしいです。週12時間くらい使えます。")
    assert answer.card == "start-after-zero-dl"


def test_a_course_named_does_not_count_what_the_message_asks_to_learn(e5_engine):
    # usefulness263 #56 (graded 0): "chapters 1-9 of Hands-On Machine Learning. Can you give me a plan for learning deep
    # learning" was planned projects, the book's deep learning counted as done
    answer = e5_engine.ask("I'm comfortable with Python and scikit-learn and I've worked through chapters 1-9 of Hands-On Machine Learning. Can you give me a plan for learning deep learning over the next 2 months?").answer
    assert "- Week 1: Deep-learning basics" in answer


def test_a_java_developer_is_not_given_the_hours_from_zero_programming(e5_engine):
    # usefulness263 #1 (graded 0): a Java developer of five years got the hours from zero programming
    answer = e5_engine.ask("28歳でSIerに勤めていて、Javaで業務系システムの開発を5年くらいやってます。Pythonは社内ツールでちょっと書いたことがある程度です。自然言語処理に興味があって、将来的にはNLP系のMLエンジニアになりたいと思ってます。平日は残業が多くて、勉強に使えるのは週10時間くらいです。このペースだと転職できるレベルになるまでどれくらいかかりそうですか？")
    assert answer.card != "time-zero-programming"


def test_how_long_to_move_up_is_not_keeping_up_with_the_field(e5_engine, kb):
    # usefulness264 #44 (graded 1): "And how long does it usually take to move up?" added the card on keeping up
    answer = e5_engine.ask("What's the difference in what companies expect from a junior vs a mid-level ML engineer? And how long does it usually take to move up?")
    assert kb.cards_by_id["outlook-keep-up"].answer.en[:40] not in answer.answer


@pytest.mark.parametrize(("question", "stage"), [
    # usefulness272 #27 (graded 0): "知識は一通り入ったけど、実際にコードを書いたことはほとんどない" after G検定 was placed past
    # the programming stage
    ("先月G検定に合格しました！知識は一通り入ったけど、実際にコードを書いたことはほとんどないです。ここから何をすればMLエンジニアに近づけますか？", "programming-data"),
    # usefulness268 #55 (graded 1): "Kaggle's Intro to Machine Learning micro-course" placed the learner at the projects
    # stage, as a competition
    ("I just finished Python Crash Course and Kaggle's Intro to Machine Learning micro-course. What should I learn next?", "core-ml"),
])
def test_session_29_learners_are_placed_where_they_are(e5_engine, question, stage):
    assert e5_engine.ask(question).stage == stage


def test_llm_apis_first_and_theory_later_gets_the_route_card(e5_engine):
    # usefulness268 #34 (graded 1 at the start, 0 at round 3): got when one is ready for deep learning
    answer = e5_engine.ask("I've been a Java backend developer in Berlin for 6 years, mostly Spring Boot microservices. My company is starting to build LLM features and I'd like to move onto that team. I haven't studied deep learning at all. Do I actually need to learn deep learning theory first, or can I start with APIs, RAG and prompt engineering and fill in the theory later?")
    assert answer.card == "career-llm-apps-route"
    assert answer.answer.startswith("You do not need to finish deep-learning theory first")


def test_a_choice_of_track_is_not_the_years_to_senior(e5_engine):
    # usefulness272 #40 (graded 0): "the senior/lead path, the manager path, and moving into research" got the years it
    # takes to become senior
    answer = e5_engine.ask("I'm a mid-level ML engineer, about 4 years in, mostly building and deploying ranking models at an e-commerce company. I'm at the point where I need to choose a direction: my manager is nudging me toward tech lead, but I also like reading papers and I'm tempted by a research track. What's the real difference between the senior/lead path, the manager path, and moving into research, and how do people usually decide?")
    assert answer.card != "ladder-years-to-senior"


# Session 29: a question each, graded below 2 on a blind set, and the card that answers it now
@pytest.mark.parametrize(("question", "card"), [
    # usefulness247 #27 (graded 1): "Transformerに進むべきか、MLOps系をやるべきか" got the backend engineer's ML platform card
    ("PyTorchで学習ループを自分で書いて、CIFAR-10のCNNで精度85%くらいまでは出せました。ここから先はTransformerに進むべきか、MLOps系をやるべきか、次に何をやればいいですか？", "learn-transformers-or-mlops"),
    # usefulness225 #24 (graded 1): "はじめてのほん" was not read as a book, and got the first-project card
    ("きかいがくしゅう はじめてのほん おすすめある？", "start-books"),
    # usefulness257 #26 (graded 1): "E資格を目指すか実装に移るか迷ってます" got what E資格 is
    ("G検定に合格しました！次にやることとして、E資格を目指すか実装に移るか迷ってます。おすすめの次のステップを教えてください。", "cert-after-passing"),
    # usefulness257 #12 (graded 0): got the online master's card
    ("修士1年で、専攻は生物情報学です。PyTorchで簡単なCNNは組めるんですが、英語の論文を読むのがすごく遅くて苦手意識があります。就活までにポートフォリオを作りたくて、Kaggleに出るか、自分の研究をGitHubにまとめるか迷ってます。限られた時間ならどっちを優先したほうが評価されやすいですか？", "job-kaggle-or-own-projects"),
    # usefulness260 #37 (graded 0): "my plan is to target remote ML engineer roles … What do I need in my portfolio"
    # got a checklist
    ("I work as a data analyst in Manila, mostly SQL, Tableau and some pandas. Local ML jobs are few, so my plan is to target remote ML engineer roles for companies abroad. I'm 29 and have a bachelor's in industrial engineering. What do I need in my portfolio to be taken seriously for remote ML roles when I don't have ML job experience?", "job-analyst-portfolio"),
    # usefulness259 #34 and 261 #33 (graded 1): "do I need deep learning theory first, or straight to LLM apps?" got the
    # card for those who already build LLM apps and want to go further
    ("I'm 24, from Brazil, and I've been a front-end dev (React) for two years after a bootcamp. What excites me is building LLM-powered products like chatbots and RAG systems. I don't have a CS degree and my math is pretty rusty. Do I actually need to learn deep learning theory to do this kind of work, or can I get hired building LLM apps with just solid engineering skills?", "career-llm-apps-route"),
    # usefulness262 #47 (graded 1): "What does a typical week look like for an ML engineer at a normal company?" was
    # declined as a named company's culture
    ("What does a typical week look like for an ML engineer at a normal company? Also which tools should I learn beyond Python, like Docker, MLflow, Airflow, cloud platforms?", "ladder-junior-day-to-day"),
    # usefulness262 #42 (graded 0): "I can't afford paid courses or bootcamps … using only free resources" got whether a
    # bootcamp is worth it
    ("I used to be an accountant and I've been a stay-at-home parent for the last 5 years. I can get about 10 hours a week once the kids are asleep, and I can't afford paid courses or bootcamps right now. I'm really drawn to NLP, especially working with documents and text. Can I realistically get to an NLP-focused ML job using only free resources, and what would that path look like?", "start-free-vs-paid"),
    # usefulness257 #31 (graded 0): "take a normal mech-eng job and study ML on the side, or go all-in on ML now?" got
    # whether a degree is needed
    ("Hi all, I'm 24 and just finished a mechanical engineering degree in Germany. I did some MATLAB for my thesis and I've been learning Python for about two months. I can put in roughly 20 hours a week while I job hunt for regular engineering roles. Is it smarter to take a normal mech-eng job and study ML on the side, or go all-in on ML now?", "career-quit-to-study"),
    # usefulness264 #1 (graded 0): "異動してMLエンジニアとして働きたい" read as working as one; got stay-or-switch
    ("28歳で地方の部品メーカーで生産管理をやってます。Excel VBAはそこそこ書けて、Pythonは入門書を1冊終えたくらいです。勉強時間は平日1時間、土日に4時間くらい取れます。会社にデータ活用の部署ができたので、2年以内にそこへ異動してMLエンジニアとして働きたいと思ってます。社内異動を狙う場合、今の仕事の中でどんな実績を作っておくと有利でしょうか？", "job-internal-transfer"),
    # usefulness268 #32 (graded 0): "Should I spend the next 6 months building ML projects or getting certifications?"
    # got the hours from zero
    ("Final-year CS undergrad in India here. I've done a lot of DSA prep and one online ML course, and campus placements start in about 6 months. Most of my friends are grinding LeetCode for SDE roles but I really want an ML position. Should I spend the next 6 months building ML projects or getting certifications?", "cert-vs-portfolio"),
    # usefulness269 #59 (graded 0): an AWS ML Specialty holder with a RAG chatbot asking about the job hunt got the card
    # on going beyond LLM APIs
    ("I passed the AWS Machine Learning Specialty exam and have two end-to-end projects on GitHub (a churn model and a small RAG chatbot). How should I approach the job hunt from here?", "cert-after-cloud"),
    # usefulness274 #33 (graded 0 at round 5): "stand out when applying" was read as asking which projects stand out
    ("I'm a second-year CS undergrad in Bangalore. I know Python and C++ reasonably well, I've done DSA for placements, and I took an intro ML elective last semester. Everyone around me is trying to get into ML so the competition feels insane. What should I do over the next two years of college to actually stand out when applying for ML engineer roles?", "bg-cs-student"),
])
def test_session_29_cards_answer_what_was_asked(e5_engine, question, card):
    assert e5_engine.ask(question).card == card


# Session 30: a question each, graded below 2 on a blind set, and the card that answers it now
@pytest.mark.parametrize(("question", "card"), [
    # usefulness260 #3 (graded 1): a 42-year-old embedded engineer matched the oldest band's card by 0.001 over the 40s
    # engineer's, and the swap to the card of their age took the 40s card for other careers
    ("42歳、組み込みエンジニアで15年ほどC/C++を書いてきました。最近カメラを使った検査装置の案件が増えていて、画像認識の方に本格的に移りたいと思っています。Pythonは簡単なスクリプトなら書けますが、機械学習は本を1冊読んだ程度です。40代からMLエンジニアにキャリアチェンジするのは現実的にどうなんでしょうか？", "bg-age-40-engineer"),
    # usefulness271 #59 (graded 1): a cloud ML certificate held, "I don't really understand the models", got the card on
    # what to do after the certificate
    ("I passed the AWS Certified Machine Learning Specialty exam and I'm comfortable with Docker and SageMaker. But I still feel like I don't really understand the models. What's my next step?", "learn-understand-under-the-hood"),
    # usefulness284 #60 and 282 #60 (graded 1): a junior asking what gets them promoted to mid-level got the card on
    # growing toward senior
    ("I've been a junior ML engineer for a year and shipped two models to production (a churn model and a simple ranking model). What should I focus on this coming year to get promoted to mid-level?", "ladder-junior-to-mid"),
    # usefulness281 #29 (graded 0): "就活開始まであと3ヶ月…何をやっておくべき" got whether CUDA is needed
    ("CourseraのDeep Learning Specializationを修了して、PyTorchでCNNやTransformerの簡単なモデルなら自分で書けます。就活開始まであと3ヶ月なんですが、この期間で何をやっておくべきですか？", "job-interviews-in-3-months"),
    # usefulness283 #10 (graded 0): what portfolio to build, no certificate named, got portfolio over certificates
    ("33歳、子育て中の主婦です。以前は事務職で、プログラミングは独学でPythonを3ヶ月くらいやりました。子どもが小さいので勉強できるのは1日1時間くらいで、働くなら在宅がいいです。ブランクもあるし未経験なので、書類で落とされないか不安です。採用担当に見てもらえるポートフォリオって、具体的にどんなものを作ればいいですか？", "job-portfolio-what-to-build"),
    # usefulness283 #56 (graded 1): "It only runs in a notebook right now … something that helps me get a job" got other
    # projects to build
    ("I just built a CNN in PyTorch that classifies plant diseases from leaf photos with about 92% accuracy. It only runs in a notebook right now. What are the next steps to turn this into something that helps me get a job?", "job-notebook-to-portfolio"),
    # usefulness281 #31 (graded 0): six months into Python, "how long would this transition take" got the hours to
    # Pandas from zero
    ("Hi all, I'm 31 and work as an accountant in São Paulo. I've been teaching myself Python for about 6 months (mostly pandas for automating spreadsheets) and can put in around 8 hours a week. My goal is a remote ML engineer role with an international company. Realistically, how long would this transition take and what should I prioritize?", "start-weekly-hours"),
    # usefulness284 #40 (graded 1): classical NLP first or straight to LLMs got what LLMs are
    ("45-year-old financial analyst in London. I use Python and pandas daily for reporting and I've played with a few sentiment models. I want to move into NLP for financial documents like earnings reports and filings. Should I learn classical NLP (tokenization, TF-IDF, etc.) properly first, or just jump straight into LLMs and transformers?", "spec-nlp-classic-or-llm"),
    # usefulness284 #32 (graded 1): LeetCode or ML projects for an internship got when to apply for internships
    ("I'm 19 and a first-year CS student in Toronto. I already know Python fairly well and did a couple of small projects in high school. I want to land an ML internship by my third year. Should I spend my free time on LeetCode-style problems or on building ML projects?", "job-leetcode-or-projects"),
    # usefulness288 #38 (graded 0): "promoted from junior to a mid/senior ML engineer" from an English speaker in Tokyo got
    # the card on English-speaking jobs in Japan
    ("I'm an English speaker working in Tokyo as a junior ML engineer, two years in. I mostly maintain training pipelines and do small model tweaks that someone else designed. My Japanese is around JLPT N3, which sometimes limits what I get assigned. What do I need to show to get promoted from junior to a mid/senior ML engineer?", "ladder-junior-to-mid"),
    # usefulness286 #52 (graded 0): "salery" was a word of the knowledge (a phrasing), so it was not corrected, and the
    # question got the foreigner's card
    ("ml engineer salery in japan?", "nc-salary"),
    # usefulness290 #60 (graded 0 at round 3): just promoted to mid-level, heading for senior, got the junior-to-mid card
    ("Just got promoted to mid-level ML engineer after 2 years. I own one model in production end to end now. What should I be working on next if I want to reach senior in the next couple of years?", "ladder-senior-mle"),
    # usefulness294 #19 (graded 1): "えしかくってとるいみある？" got what E資格 is, not whether it is worth taking
    ("えしかくってとるいみある？", "cert-e-shikaku-worth"),
    # usefulness299 #36 (graded 0 at round 5): "How should I plan my growth toward a mid-level ML engineer" from a junior at
    # a startup was planned the core algorithms
    ("I joined a small startup in Tokyo as a junior ML engineer a year ago. It's just me and one backend dev, so I do everything from data cleaning to deployment, but nobody senior reviews my work. I'm worried I'm picking up bad habits. How should I plan my growth toward a mid-level ML engineer when I don't have a mentor?", "ladder-junior-to-mid"),
])
def test_session_30_cards_answer_what_was_asked(e5_engine, question, card):
    assert e5_engine.ask(question).card == card


def test_a_field_one_wants_to_move_into_is_not_the_next_step_of_a_beginner(e5_engine):
    """usefulness260 #3 (graded 1): "画像認識の方に本格的に移りたい…機械学習は本を1冊読んだ程度" was sent to choosing a
    specialty, with a reinforcement-learning course; the field is where they are heading, years away."""
    answer = e5_engine.ask("42歳、組み込みエンジニアで15年ほどC/C++を書いてきました。最近カメラを使った検査装置の案件が増えていて、画像認識の方に本格的に移りたいと思っています。Pythonは簡単なスクリプトなら書けますが、機械学習は本を1冊読んだ程度です。40代からMLエンジニアにキャリアチェンジするのは現実的にどうなんでしょうか？")
    assert answer.next_steps
    assert answer.next_steps[0].item.stage == "programming-data"


def test_programming_said_to_be_weak_is_where_the_next_steps_start(e5_engine):
    """usefulness282 #57 (graded 0): regression understood "but my programming is weak" was sent to decision trees."""
    answer = e5_engine.ask("I passed 統計検定2級 last month and I understand linear and logistic regression pretty well, but my programming is weak. What should I focus on next to move toward ML engineering?")
    assert answer.stage == "programming-data"
    assert answer.next_steps[0].item.stage == "programming-data"


def test_the_first_part_of_fast_ai_and_the_ml_specialization_place_the_learner_past_them(e5_engine):
    """usefulness284 #55 (graded 1): "Andrew Ng's Machine Learning Specialization and the first part of fast.ai" was sent
    to deep-learning basics (fast.ai's Part 1 is the course), and "Specialization" was read as the last stage done."""
    answer = e5_engine.ask("I just finished Andrew Ng's Machine Learning Specialization and the first part of fast.ai. I get the basics of regression, classification and neural nets. What should I do next?")
    assert "core-ml.deep-learning-basics" not in [s.item.id for s in answer.next_steps]
    assert answer.stage == "core-ml"


def test_pandas_and_scikit_learn_known_take_python_basics_with_them(e5_engine):
    """usefulness285 #58 (graded 0): "I can do basic pandas and scikit-learn" was sent to setup and Python fundamentals."""
    answer = e5_engine.ask("I passed G検定 and 統計検定2級 this year. I can do basic pandas and scikit-learn. What's my next step?")
    shown = {s.item.id for s in answer.next_steps}
    assert shown
    assert not shown & {"programming-data.dev-environment", "programming-data.python-basics", "programming-data.pandas"}


def test_a_fine_tuned_bert_is_not_an_llm_app_built(e5_engine, kb):
    """usefulness286 #59 (graded 0): a BERT classifier fine-tuned, LLM apps the goal, got the projects checklist alone;
    the card on going beyond LLM apps already built would misread them."""
    answer = e5_engine.ask("I fine-tuned BERT for sentiment classification using Hugging Face and it works well. I want to move toward building LLM applications — what should I learn next?")
    assert _says_card(kb, answer, "ladder-llm-engineer-path")
    assert not _says_card(kb, answer, "spec-llm-beyond-api")


def test_one_algorithm_from_scratch_does_not_finish_the_core_algorithms(e5_engine):
    """usefulness289 #55 (graded 0): "I coded linear regression from scratch with gradient descent" was told the core
    algorithms stage was done and sent to projects."""
    answer = e5_engine.ask("I've finished Python basics plus the numpy and pandas tutorials, and I coded linear regression from scratch with gradient descent. What should I learn next?")
    assert answer.stage == "core-ml"
    assert "core-ml.decision-trees" in {s.item.id for s in answer.next_steps}


def test_a_question_mark_inside_parentheses_does_not_split_the_question(e5_engine, kb):
    """usefulness292 #59 (graded 0): "What should I learn next (monitoring, CI/CD, pipelines?) and in what order?" was
    split inside the parenthesis, and ") and in what order?" got the order of the maths."""
    answer = e5_engine.ask("I can train a model, wrap it in a FastAPI endpoint, put it in Docker and deploy it on a VPS. I want to move toward MLOps. What should I learn next (monitoring, CI/CD, pipelines?) and in what order?")
    assert answer.stage == "mlops"
    assert not _says_card(kb, answer, "math-which-fields")


def test_kaggle_getting_started_done_and_the_next_competition_asked(e5_engine):
    """usefulness283 #28, 285 #25 and 288 #28 (graded 1): Titanic and House Prices done, "which competition next?", got the
    projects checklist alone."""
    answer = e5_engine.ask("Kaggleのタイタニックと住宅価格予測はやりました。スコアはそこそこです。次はどういうコンペに挑戦すればいいですか？それとも別のことをやったほうがいい？")
    assert answer.card == "kaggle-after-titanic"
    answer = e5_engine.ask("ポートフォリオってなに作ればいいですか？タイタニックの生存予則とかでも大丈夫？")
    assert answer.card != "kaggle-after-titanic"


def test_classic_ml_against_deep_learning_is_not_the_classical_nlp_card(e5_engine, kb):
    """usefulness293 #27 (graded 1 at round 4): "もっと古典的なMLをやり込むべき？" after Titanic got the card on classical NLP
    against transformers beside the deep-learning answer."""
    answer = e5_engine.ask("scikit-learnでタイタニックと住宅価格予測はひと通りやって、前処理とか交差検証もなんとなく分かってきました。次は深層学習に進んでいいですか？それとももっと古典的なMLをやり込むべき？")
    assert not _says_card(kb, answer, "spec-nlp-classic-or-llm")
    assert _says_card(kb, answer, "start-dl-when-ready")


def test_what_to_learn_first_after_a_told_background_gets_the_background_card(e5_engine, kb):
    """usefulness298 #41 (graded 1): a data scientist of 4 years, "What exactly am I missing, and what should I learn
    first?", got the software-engineering card and then where beginners start (Python basics)."""
    answer = e5_engine.ask("I've been a data scientist for 4 years, mostly in Jupyter notebooks: EDA, feature engineering, XGBoost models, presenting results to stakeholders. Our engineers then rewrite everything for production. I want to move into an ML engineer role but I feel my software engineering is weak. What exactly am I missing, and what should I learn first?")
    assert _says_card(kb, answer, "bg-data-scientist")
    assert not _says_card(kb, answer, "start-what-first")


@pytest.mark.parametrize(("question", "card"), [
    # usefulness305 #40 (graded 0): "go for a tech lead role or move toward engineering management" got the way to senior
    ("I've been an ML engineer at a fintech startup for 3 years now, 28 years old. I own our fraud detection pipeline end to end and I sometimes mentor our two junior hires. My manager asked whether I want to go for a tech lead role or move toward engineering management. What are the real differences between those paths for ML people, and how do I decide which one to pick?", "ladder-lead-or-ic"),
    # usefulness308 #6 (graded 0): a physics PhD student preparing for an ML engineer job got whether a PhD is needed
    ("物理学の博士課程2年です。シミュレーションでC++とPythonを使っていて、数値計算や線形代数には自信があります。アカデミアに残るか迷っていて、企業に行くなら機械学習系の仕事がいいかなと思っています。ただ機械学習の論文を書いたことはないし、実務のコードを書いた経験もありません。博士持ちとして企業でMLエンジニアになる場合、どんな準備をすれば強みを活かせますか？", "bg-phd-to-industry"),
    # usefulness305 #8 (graded 1): a postdoc choosing "研究寄りのリサーチャー職" or an ML engineer job got research against production in general
    ("物理学で博士を取って、今は大学でポスドクをしている32歳です。数値計算でPythonとC++は日常的に使っていて、数学にもそれほど抵抗はありません。アカデミアのポストが厳しいので民間に出ようと思っています。研究寄りのリサーチャー職と、実務寄りのMLエンジニア職、どちらを狙うべきか迷っているのですが、それぞれどんな違いがあって、自分の経歴だとどちらが向いていると思いますか？", "bg-phd-research-or-mle"),
    # usefulness313 #23 (graded 0): "pytohn" was a word of the knowledge (a typo phrasing), so it was not corrected, and the
    # question got the Linux card
    ("pytohnほぼ書けないけどMLエンジニア目指して大丈夫？", "start-zero-programming"),
    # usefulness314 #36 (graded 0): a project manager asking to move straight into ML engineering management got management
    # against the IC track
    ("I'm 45 and have been a project manager in telecom for about 15 years. I can read Python and I understand the ML lifecycle at a high level, but I'll never be the best coder on a team. What I really want is to lead an ML team. Is it possible to move straight into an ML engineering manager role, or do I need to work as an individual contributor first?", "career-manage-ml-team"),
    # usefulness314 #37 (graded 0): a data scientist of 2 years, "Which skills am I missing, and in what order", got the
    # learning order from the maths
    ("I've been a data scientist at a retail company for 2 years. I'm good with pandas, scikit-learn and Jupyter notebooks, but honestly none of my models have ever gone to production, they just end up in slide decks. I want to become an ML engineer who actually ships things. Which skills am I missing, and in what order should I learn them?", "bg-data-scientist"),
    # usefulness315 #8 (graded 0): remote work told as the goal, a portfolio asked about, got whether ML engineers work remotely
    ("38歳、元経理で今は育休明けの時短勤務中です。子育てもあるので、将来的には在宅で働けるMLエンジニアになりたいと思って、半年ほどオンライン講座でPythonと機械学習の基礎を勉強してきました。実務経験がないので、転職活動ではポートフォリオが大事だと聞きます。未経験の私だと、どんなものを作ってどう見せれば評価されますか？", "job-portfolio-what-to-build"),
    # usefulness317 #30 (graded 0): a junior of one year asking to be trusted with projects alone was planned deep-learning basics
    ("ジュニアのMLエンジニアとして1年働きました。Dockerでの環境構築とMLflowでの実験管理は普段からやっています。次の1年でどんなスキルを伸ばせば、一人で案件を任されるレベルになれますか？", "ladder-junior-to-mid"),
    # usefulness318 #35 (graded 0): a postdoc with a PhD in genomics was told whether a PhD is needed
    ("I'm a postdoc in biology with a PhD in genomics. I use R and some Python for bioinformatics pipelines, and I've done a bit of statistical modeling, but nothing with neural networks. Academic jobs are really hard to get so I'm looking at industry ML roles. Does a biology PhD actually help when applying for ML engineer jobs, or will I be seen as starting from scratch?", "bg-academic-to-industry"),
    # usefulness312 #30 (graded 1): two years running a model in production, tech lead asked, was told to own a model
    ("今の会社で需要予測モデルを本番運用して2年になります。ミドルレベルのMLエンジニアとしては一通りできるようになったと思うんですが、テックリードになるために次に伸ばすべきことは何ですか？", "ladder-senior-faster"),
    # usefulness310 #29 (graded 1): a bronze medal "とって", applying soon, got what medals are worth
    ("Kaggleで銅メダルを1つとって、GitHubにポートフォリオも2つ置いてあります。そろそろ転職活動を始めたいんですが、応募の前にやっておくべきことや進め方を教えてください", "job-ready-to-apply"),
    # usefulness321 #31 (graded 0): "just graduated with a CS degree … take the job and study on the side, or spend 6
    # months full-time" got the online master's card ("degree" named)
    ("Hi everyone, I'm 23 and just graduated with a CS degree from a tier-3 college in India. I know Python, basic DSA, and I did Andrew Ng's ML course, but my only projects are the usual Titanic and house price notebooks. Campus placements only got me a support engineer offer, which I haven't accepted yet. Should I take the job and study on the side, or spend 6 months full-time building ML projects before applying?", "career-quit-to-study"),
    # usefulness333 #34 (graded 0): a maths teacher keeping the job, "turn my maths background into an ML engineer career",
    # was told high-school maths is enough
    ("I'm 35 and teach secondary school maths in Manchester. I'm comfortable with calculus, probability and a bit of linear algebra, but my programming is limited to some Scratch and a bit of Python I use with students. I can study about 8 hours a week in the evenings and still need to keep my job for now. How do I turn my maths background into an ML engineer career without starting from zero?", "bg-math-teacher"),
    # usefulness328 #24 (graded 0): "何かげつ" in kana was not read as a time asked
    ("どくがくで何かげつくらいで転職できる？", "time-job-ready"),
])
def test_session_31_cards_answer_what_was_asked(e5_engine, question, card):
    assert e5_engine.ask(question).card == card


@pytest.mark.parametrize(("question", "card"), [
    # usefulness306 #31 (graded 0): "I came out of a bootcamp … Where should I actually start" got whether a bootcamp is worth it
    ("Hey all, I'm 26 and work as a junior backend dev in Lagos, mostly Node.js and Postgres. I came out of a bootcamp so my math background is pretty thin. I can put in about 10 hours a week, and long term I'd love to work on NLP for African languages. Where should I actually start if I want to become an ML engineer?", "start-bootcamp-worth-it"),
    # usefulness305 #11 (graded 0): "UdemyやCourseraなどのオンライン講座と独学だけで" got the online master's degree
    ("35歳で今は育休中です。前職は一般事務で、Excelくらいしか使えません。子どもが寝ている間の1日1時間くらいしか勉強できないんですが、復職を機にキャリアを変えたいと考えています。スクールに通うお金はあまりないので、UdemyやCourseraなどのオンライン講座と独学だけでMLエンジニアへの転職って可能でしょうか？", "degree-online-masters"),
    # usefulness305 #32 (graded 0): "What can I realistically do in 6 months to stand out" got whether the job is reachable in 3-6 months
    ("I'm a final-year CS undergrad in Pune, 22. I've done two internships but both were web dev (Node and React), and I've only done ML through one elective course. Placement season starts in about 6 months and everyone seems to be applying for ML roles. What can I realistically do in 6 months to stand out as a fresher for ML engineer positions?", "time-3-6-months"),
    # usefulness305 #6 (graded 0): an analyst with "本番に載せて運用する人がいなくて" was read as having deployed
    ("38歳、事業会社でデータアナリストをしています。SQLとTableauが主で、Pythonはpandasで集計するくらいです。社内でモデルを作る人はいるんですが、本番に載せて運用する人がいなくて、そこを自分が担えないかと考えています。アナリストからMLOpsエンジニアの方向に進むには、どのスキルをどの順番で身につければいいですか？", "tool-mlops-after-deploy"),
])
def test_session_31_cards_that_misread_the_asker_do_not_answer(e5_engine, kb, question, card):
    answer = e5_engine.ask(question)
    assert answer.card != card
    assert not _says_card(kb, answer, card)


def test_round_2_of_session_31_answers(e5_engine, kb):
    """usefulness311 #60 (graded 0): "I landed my first ML engineer job 6 months ago … on track for a senior role" got the
    3-6 months card; 309 #56 (graded 0): a vision model built, computer vision the goal, was planned a recommender alone;
    310 #31 (graded 0): "I know JavaScript well" got the card on Java and C++; 310 #45 (graded 1): "How much math … which
    topics should I study first?" was not told which topics come first."""
    assert e5_engine.ask("I landed my first ML engineer job 6 months ago and I'm settling in. What should I be learning or doing now so I'm on track for a senior role in a few years?").card == "ladder-senior-mle"
    assert _says_card(kb, e5_engine.ask("I completed fast.ai Part 1 and built an image classifier for bird species that I deployed on Hugging Face Spaces. I want to get serious about computer vision. Can you give me a 3-month study plan for what comes next?"), "spec-cv-path")
    assert e5_engine.ask("Hey all, I'm 24 and finished a web dev bootcamp last year in Toronto, now working as a junior React developer. I know JavaScript well but my Python is pretty basic and I haven't touched math since high school calculus. I can put in about 12 hours a week on evenings and weekends. Is it smarter to first get solid at Python and backend, or jump straight into ML courses?").card != "tool-java-cpp"
    answer = e5_engine.ask("How much math do I really need to be an ML engineer? Also which topics should I study first?")
    assert answer.card == "math-how-much"
    assert "start with linear algebra" in answer.answer


def test_a_rare_known_word_one_edit_from_a_frequent_one_is_corrected(e5_engine):
    """A typo kept on purpose in a phrasing ("pytohn") is still corrected; a word with an ending added ("coded") is not."""
    speller = e5_engine.searcher
    assert speller.spell("pytohnほぼ書けない") == "pythonほぼ書けない"
    assert speller.spell("I coded a model") == "I coded a model"
    assert speller.spell("read it aloud") == "read it aloud"


def test_what_comes_after_an_item_counts_it_as_done(e5_engine):
    """usefulness317 #24 (graded 0): "pyhtonのつぎ何やればいい？" was told to set up Python and learn its basics."""
    steps = [s.item.id for s in e5_engine.ask("pyhtonのつぎ何やればいい？").next_steps]
    assert steps
    assert "programming-data.python-basics" not in steps


def test_a_master_s_student_weighing_a_phd_is_not_a_phd_holder(e5_engine, kb):
    """usefulness320 #8 (graded 0 at round 3): "博士課程に進むべきか" was read as being in a PhD."""
    answer = e5_engine.ask("物理学専攻の修士1年です。研究では数値シミュレーションをPythonとC++で書いていて、線形代数や確率統計は問題ないと思います。将来は企業の研究開発部門で機械学習のリサーチをやりたいのですが、博士課程に進むべきか、修士で就職して実務経験を積むべきか迷っています。")
    assert not _says_card(kb, answer, "bg-phd-to-industry")


def test_the_jdla_card_for_a_foreigner_with_business_japanese_does_not_assume_weak_japanese(e5_engine):
    """usefulness321 #37, 322 #38, 310 #35, 311 #37, 312 #36 (graded 1): an N2 speaker in Japan was told "if your Japanese
    is limited" and "if you don't plan to work in Japan"."""
    answer = e5_engine.ask("I'm from Vietnam, 29, currently working in Tokyo as a backend developer (Java, Spring). My Japanese is around JLPT N2. I want to switch into an ML engineer role at a Japanese company. Do Japanese employers care about certifications like G検定 or E資格 for foreigners, or is a GitHub portfolio enough?")
    assert answer.card == "cert-jdla-english"
    assert "N2 or above" in answer.answer
    assert "don't plan to work in Japan" not in answer.answer


def test_remote_work_told_beside_another_question_is_the_asker_s_constraint(e5_engine, kb):
    """usefulness325 #31 and 327 #12 (graded worse at round 5): remote work as the goal, a timeline or GitHub asked, lost
    the remote-work card; a portfolio asked of the same goal (315 #8) is still the portfolio card's."""
    answer = e5_engine.ask("Hey all, I'm 24 and based in Brazil. I did a web dev bootcamp last year and work as a junior JavaScript dev now, so I'm comfortable coding but my math is pretty weak. I can put in about 15 hours a week on evenings and weekends. My goal is to land a remote ML engineer role with a foreign company in the next two years. Is that timeline realistic, and what should I prioritize first?")
    assert _says_card(kb, answer, "job-remote-work")
    answer = e5_engine.ask("地方在住の27歳、市役所で事務をしています。地元にはMLの求人がほぼないので、フルリモートの求人を狙うつもりです。平日夜と土日で週15時間くらい勉強しています。未経験から書類選考を通すには、GitHubにコードを上げておくだけで十分ですか、それともブログやアプリ公開まで必要ですか？")
    assert _says_card(kb, answer, "job-portfolio-demo")
    assert not _says_card(kb, answer, "job-degree-filter")


def test_a_ci_cd_pipeline_and_github_actions_are_not_ml_pipelines_or_a_portfolio(e5_engine):
    """usefulness334 #58 and 331 #60 (graded 0): "built a CI/CD pipeline with GitHub Actions for a small web app" was read as
    the automated ML pipelines item and a portfolio on GitHub."""
    result = e5_engine.searcher.search_batch(["I passed AWS Solutions Architect Associate and built a CI/CD pipeline with GitHub Actions for a small web app. I want to move into MLOps. Can you lay out a study plan from here?"])[0]
    assert "mlops.pipelines" not in result.items_known
    assert "projects.github-portfolio" not in result.items_known


def test_a_learner_whose_gap_is_deployment_is_answered_about_deploying(e5_engine, kb):
    """usefulness336 #28 and 339 #29 (graded 1): a CNN trained in a notebook and never put to use outside it was listed more
    model projects; 335 #57 (graded 0) and 339 #30 (graded 1): a plan to fill the deployment gap, from someone who trains
    models, gave its first month to NumPy from scratch, SVMs or more projects; 337 #7 (graded 0): "モデルを本番に載せた経験は
    まったくありません" was read as a deployment done."""
    for question in ("PyTorchでCNNを使った画像分類モデルは作れるようになりました。ただ全部Jupyter Notebook上で完結してて、作ったモデルを外から使えるようにしたことはありません。次のステップとして何を身につければいいですか？",
                     "PyTorchでCNNを組んで、自分で集めた画像データで分類モデルを学習させるところまではできるようになりました。ただ作ったモデルをWebで使えるようにしたりデプロイしたりした経験はありません。転職用のポートフォリオにするには次に何をすればいいですか？"):
        assert _says_card(kb, e5_engine.ask(question), "job-notebook-to-portfolio")
    answer = e5_engine.ask("I can train deep learning models in PyTorch and evaluate them properly, but I've never deployed anything. Can you give me a 2-month plan to fill that gap, about 10 hours a week?")
    weeks = [line for line in answer.answer.splitlines() if line.startswith("- Week")]
    assert answer.stage == "mlops"
    assert len(weeks) == 8
    assert "Inference API" in weeks[0]
    assert not [w for w in weeks if "from scratch" in w or "recommender" in w]
    answer = e5_engine.ask("今の職場でデータサイエンティストとして予測モデルを作っていますが、いつもJupyterのノートブックで完結していて本番運用は別チームに投げている状態です。MLOpsのスキルを身につけてモデルを本番まで持っていけるようになりたいので、週8時間くらいで3ヶ月の学習計画を考えてもらえますか？")
    months = [line for line in answer.answer.splitlines() if line.startswith("- ") and "か月目" in line]
    assert answer.stage == "mlops"
    assert len(months) == 3
    assert not [m for m in months if "サポートベクター" in m or "深層学習" in m]
    answer = e5_engine.ask("25歳、事業会社でデータアナリストをしています。SQLとTableauが主で、pandasで前処理したりロジスティック回帰でちょっとした予測モデルを作ったりはしています。ただモデルを本番に載せた経験はまったくありません。MLエンジニアにキャリアチェンジしたいんですが、MLOpsまわりは何から手をつければいいでしょうか？")
    assert not _says_card(kb, answer, "tool-mlops-after-deploy")


@pytest.mark.parametrize("question", [
    # usefulness338 #56 (graded 1): "I've built three scikit-learn projects" was not read as projects built
    "I've built three scikit-learn projects (house prices, spam detection, customer churn) and deployed one as a Streamlit app. What's the next step to become job-ready as an ML engineer?",
    # usefulness340 #56 (graded 1): "toward actually getting a job" was not read as a job as the goal
    "I completed fast.ai part 1 and built an image classifier that's deployed on Hugging Face Spaces. What's my next step toward actually getting a job?",
])
def test_a_deployed_project_and_a_job_as_the_goal_gets_the_card_on_applying(e5_engine, kb, question):
    assert _says_card(kb, e5_engine.ask(question), "job-ready-deployed")


def test_infrastructure_built_outside_ml_does_not_place_the_learner_at_the_end_of_mlops(e5_engine):
    """usefulness334 #58 (graded 0): AWS Solutions Architect and a web app's CI/CD pipeline, no ML, was told one MLOps
    item was left and planned the job search."""
    answer = e5_engine.ask("I passed AWS Solutions Architect Associate and built a CI/CD pipeline with GitHub Actions for a small web app. I want to move into MLOps. Can you lay out a study plan from here?")
    assert answer.stage != "mlops"
    assert "1 item(s) left" not in answer.answer


def test_certificates_compared_with_projects_is_not_solo_against_team(e5_engine, kb):
    """usefulness343 #45 (graded 1): "how do they compare to just having projects?" after cloud certificates got solo
    against team projects."""
    answer = e5_engine.ask("Are cloud certifications like AWS Machine Learning Specialty or Google's Professional ML Engineer worth getting? And how do they compare to just having projects?")
    assert not _says_card(kb, answer, "job-team-vs-solo-projects")


def test_scikit_learn_pipelines_in_brackets_are_not_ml_pipelines(e5_engine):
    """usefulness341 #57 (graded 1): "scikit-learn (cross-validation, pipelines, gradient boosting)" was placed at MLOps."""
    answer = e5_engine.ask("I can build and evaluate models with scikit-learn (cross-validation, pipelines, gradient boosting) and I'm solid with SQL. Can you give me a 6-month plan to become job-ready as an ML engineer?")
    assert answer.stage == "core-ml"


def test_a_plan_toward_a_sequential_stage_keeps_its_order(e5_engine):
    """usefulness344 #60 (graded 1): deep-learning basics, asked for, were planned before regression."""
    answer = e5_engine.ask("I finished linear algebra, calculus and probability courses on Khan Academy and MIT OCW, and I'm comfortable with Python. Can you give me a 6-month study plan to get from here to building and deploying deep learning models?")
    plan = answer.answer
    assert plan.index("Linear and logistic regression") < plan.index("Deep-learning basics")


def test_a_junior_s_pay_is_honestly_not_covered(e5_engine, kb):
    answer = e5_engine.ask("What does a junior ML engineer typically earn in Japan? And how many years does it usually take to move up to mid-level or senior?")
    assert _says_card(kb, answer, "nc-salary")


def test_two_swapped_letters_in_a_short_word_are_corrected(e5_engine):
    """usefulness347 #53 (graded 0): "how lnog does it take" was read as written; "lerning", kept in four typo phrasings,
    too (348 #53)."""
    speller = e5_engine.searcher
    assert speller.spell("how lnog does it take") == "how long does it take"
    assert speller.spell("machine lerning") == "machine learning"
    assert speller.spell("form or from") == "form or from"


def test_production_handed_to_another_team_is_not_mlops_done(e5_engine):
    """usefulness352 #30 (graded 0): "本番運用は別チームに投げてる状態です" was read as the MLOps stage finished."""
    answer = e5_engine.ask("今の職場でモデルを作るところまではやってるんですが、本番運用は別チームに投げてる状態です。Dockerは少し触ったことがあります。MLOpsまで自分でできるようになりたいので、次に何を学べばいいか順番に教えてください。")
    assert answer.stage == "mlops"
    assert "mlops.api-docker" in [s.item.id for s in answer.next_steps]


def test_a_doubled_kana_in_deep_learning_is_read(e5_engine):
    """usefulness349 #24: "ディープラーニンング" (a mora doubled)."""
    assert "ディープラーニング" in e5_engine.searcher.spell("ディープラーニンングって独学でいけますか？")


def test_deep_learning_asked_after_three_projects_is_planned(e5_engine):
    """usefulness353 #56 (graded 0): three scikit-learn projects counted deep learning as done, so "I want to move into deep
    learning now. Can you give me a 3-month study plan?" was planned none."""
    answer = e5_engine.ask("I've built three scikit-learn projects (house prices, credit default, customer segmentation) and I'm comfortable with pandas and matplotlib. I want to move into deep learning now. Can you give me a 3-month study plan?")
    months = [line for line in answer.answer.splitlines() if line.startswith("- Month")]
    assert "Deep-learning basics" in months[0]


@pytest.mark.parametrize(("question", "card"), [
    # usefulness342 #45 (graded 0): "Which math topics matter most" got math against programming
    ("Which math topics matter most for ML engineering? And how deep do I need to go in each one before I can move on to actual ML?", "math-how-much"),
    # usefulness341 #30 (graded 0): BERT fine-tuned, "MLOpsは何から始めれば" got Transformers-or-MLOps written for CNN learners
    ("Transformerの仕組みは理解して、Hugging Faceで日本語BERTのファインチューニングまではできました。モデルを作るだけじゃなくて運用側もできるようになりたいんですが、MLOpsは何から始めればいいですか？", "tool-mlops-learning-order"),
    # usefulness344 #59 (graded 1): three projects, 40 applications and no callbacks was listed a competition and a blog post
    ("I've built 3 portfolio projects (a sentiment classifier, a sales forecaster, and an object detection demo deployed on Hugging Face Spaces) and applied to about 40 ML jobs, but got zero callbacks. What should I do next?", "job-search-no-offers"),
    # usefulness343 #26 (graded 1): "ディープラーニングに進もうと思うんですが、何から" got whether deep learning is worth it
    ("scikit-learnでロジスティック回帰、決定木、LightGBMあたりは動かせて、交差検証やハイパーパラメータ調整もやりました。ディープラーニングに進もうと思うんですが、何から手をつけるのがいいですか？", "start-dl-when-ready"),
    # usefulness341 #60 (graded 1): research as the lean got the projects checklist alone
    ("I've done Andrew Ng's Deep Learning Specialization and can implement a transformer from scratch in PyTorch after reading Attention Is All You Need. I'd like to lean toward research. What should I do next?", "ladder-research-engineer"),
    # usefulness348 #53 (graded 0): starting to learn with no experience got whether to apply with none
    ("how to start machine lerning with no experiance", "start-what-first"),
    # usefulness345 #31 (graded 0): hours stated, "what should I prioritize learning first?" got how many hours to study
    ("Hey! I'm 19 and a sophomore CS student in Ohio. I know Java pretty well from classes and some basic Python, and I've taken Calc 1-2 and one stats course. I'd really like to land an ML-related summer internship next year. With about 10 hours a week outside of classes, what should I prioritize learning first?", "bg-cs-student"),
    # usefulness352 #1 (graded 0): a QC worker aiming at anomaly detection on the production line got the bachelor's card
    ("28歳、地方の製造業で品質管理をやってます。ExcelとVBAは少し書けるけど、Pythonはほぼ触ったことないです。平日は残業があるので勉強できるのは週10時間くらい。最終的には工場の生産ラインの異常検知とかを自分で作れるようになりたいです。今の会社にいながら社内でMLエンジニア的なポジションを目指すには、何から手をつけるのがいいですか？", "bg-qc-visual-inspection"),
    # usefulness349 #8 (graded 0): a 高専 student asking what to build got the researcher's career change
    ("高専の電気電子工学科4年です。授業でC言語とマイコンの組み込みをやっていて、Pythonも研究室で少し使っています。将来はロボットの画像認識とかをやるMLエンジニアになりたいです。来年インターンや就活があるんですが、高専生がポートフォリオとして作るなら、どんなものを作れば企業に評価されますか？", "job-portfolio-what-to-build"),
    # usefulness352 #38 (graded 0): a bootcamp web developer asking whether pivoting is smart got startup against big company
    ("I'm 23 and finished a web dev bootcamp 8 months ago, but I still haven't landed a job and the junior web market feels brutal. I know JavaScript, React and a little Node. A friend suggested ML engineering is where the jobs are now. Is pivoting to ML a smart move for someone in my position, or would I just be starting over in an even harder field?", "bg-frontend-engineer"),
])
def test_session_32_cards_answer_what_was_asked(e5_engine, question, card):
    assert e5_engine.ask(question).card == card


@pytest.mark.parametrize(("question", "card"), [
    # usefulness346 #31 (graded 0): a CS graduate working in IT support was told "As a CS student"
    ("Hi all, I'm 24 and live in Lagos. I have a CS degree but I've been working in IT support for two years because that's what I could find. I can spare about 15 hours a week and I'm really interested in NLP, especially for African languages. Where should I focus first if I want to land an NLP-focused ML engineer role?", "bg-cs-student"),
    # usefulness345 #47 (graded 0): "What does a junior ML engineer typically earn in Japan?" got a junior's working day
    ("What does a junior ML engineer typically earn in Japan? And how many years does it usually take to move up to mid-level or senior?", "ladder-junior-day-to-day"),
    # usefulness355 #32 (graded 0): a civil engineer using MATLAB was answered as a mechanical engineer
    ("I'm a 41-year-old civil engineer in Munich. I've spent 15 years on structural design and use MATLAB and a bit of Python for calculations, and my math background (linear algebra, differential equations) is solid. I'd love to move into ML, ideally something that still connects to construction or infrastructure. I can study about 6 hours a week. How do I turn my domain experience into an advantage instead of starting from zero?", "bg-mechanical-engineer"),
    # usefulness355 #53 (graded 0): "mlops or data science, wich is better career" got ML engineer against MLOps engineer
    ("mlops or data science, wich is better career", "ladder-mle-vs-mlops-engineer"),
])
def test_session_32_cards_that_misread_the_asker_do_not_answer(e5_engine, kb, question, card):
    assert not _says_card(kb, e5_engine.ask(question), card)


@pytest.mark.parametrize(("question", "card"), [
    # usefulness349 #60 (graded 1): someone who containerises and serves a model was told to learn Docker first
    ("I can containerize a model with Docker, serve it with FastAPI, and run tests and deploys through GitHub Actions. Should I learn Kubernetes, feature stores, or model monitoring next, and in what order?", "tool-mlops-after-deploy"),
    # usefulness360 #32 (graded 0): a maths teacher "teaching high school math" was told high-school maths is enough to start
    ("I'm 41 and have been teaching high school math in Ohio for 15 years, so calculus, probability and stats are comfortable for me. Over the summer I learned some Python basics from an online course. I can give this maybe 8 hours a week during the school year. Can I realistically switch into ML engineering without going back for a master's degree?", "bg-math-teacher"),
    # usefulness360 #22 (graded 0): "線形台数" (a homophone's kanji) was not read as 線形代数
    ("線形台数わからなくてもMLエンジニアなれますか", "math-weak-at-math"),
    # usefulness361 #60 (graded 1): "I want to move toward NLP research" got the specialisation checklist alone
    ("I've completed Andrew Ng's Deep Learning Specialization and worked through the Attention Is All You Need paper with a from-scratch transformer implementation. I want to move toward NLP research. What should I do next?", "ladder-research-engineer"),
    # usefulness362 #31 (graded 1): moving inside the current job or applying elsewhere got the frontend developer's card
    ("Hey all, I'm 24 and I finished a web dev bootcamp in Toronto about a year ago, now working as a junior full-stack dev (Node and React). I've been getting really into ML after playing with some image models, but I only have high school math. I can put in about 10 hours a week outside work. Is it smarter to transition internally through my current job or to study on my own and apply for ML engineer roles directly?", "job-internal-or-switch"),
    # usefulness366 #39 (graded 1): a backend developer who wants LLM apps, not training, asked whether the maths is needed
    ("I've been a backend developer for 7 years, mostly Go and Postgres, building APIs at a SaaS company. Lately everyone wants LLM features and I'd like to specialize in building LLM-powered applications. I'm not interested in training models from scratch. Do I still need to learn the deep learning math and classic ML, or can I focus mainly on APIs, RAG and evaluation?", "career-llm-apps-route"),
    # usefulness364 #41 (graded 0): an analyst choosing between LLMs/RAG and the basics got whether they are ready for deep learning
    ("Data analyst at an e-commerce company in Manila. I use SQL and pandas every day and built a few dashboards. My company now wants chatbots and LLM-powered search, and I'd like to be the one building them. Should I jump straight into LLMs and RAG, or do I need to learn classic ML and deep learning properly first?", "career-llm-apps-route"),
    # usefulness363 #51 (graded 1): "masters" without an apostrophe got the bachelor's card
    ("is a masters degree nessesary for ML jobs", "degree-masters-worth"),
    # usefulness365 #10 (graded 0): a bank risk manager aiming to manage an ML team got the statistician's card
    ("50代前半、銀行でリスク管理を長くやっていて統計やモデリングの考え方には慣れています。SASとRは使えますがPythonはほとんど触ったことがありません。現場のエンジニアになるというより、MLチームをまとめるマネージャーの立場を目指したいです。その場合どこまで自分で手を動かせるようになっておくべきですか？", "career-manage-ml-team"),
    # usefulness363 #11 (graded 0): a career-break learner asking what portfolio gets noticed got portfolio over certificates
    ("38歳、文学部卒で、出産を機に事務職を辞めて今は専業主婦です。半年前からUdemyでPythonと機械学習の講座を独学していて、Titanicくらいはできるようになりました。実務経験がないので、ポートフォリオで勝負するしかないと思っています。未経験・ブランクありの人が採用担当に評価されるポートフォリオって、どんなものですか？", "job-portfolio-what-to-build"),
])
def test_session_33_cards_answer_what_was_asked(e5_engine, question, card):
    assert e5_engine.ask(question).card == card


@pytest.mark.parametrize(("question", "card"), [
    # usefulness358 #8 (graded 0): "モデルを作って本番に載せる経験はなくて" was read as deployed (the after-deploy MLOps card)
    ("Web系企業でデータアナリストを3年やってます。SQLとTableauは毎日使っていて、Pythonでpandasを使った分析もできます。ただモデルを作って本番に載せる経験はなくて、最近はMLOpsという言葉をよく聞きます。アナリストからMLエンジニアに社内異動したい場合、何を身につけてアピールすればいいですか？", "tool-mlops-after-deploy"),
    # usefulness358 #34 (graded 0): "hypothesis testing" said "thesis": a statistics graduate got the researcher's card
    ("I just graduated with a statistics degree in Lagos, Nigeria. I'm good with R, regression and hypothesis testing, but I've barely written any Python and never used Git. Most ML jobs here ask for 2+ years of experience, so I'm thinking of applying for remote roles. How should I position myself and what should I learn first to get hired as a junior ML engineer?", "bg-academic-to-industry"),
    # usefulness333 #31 (graded 0): a CS graduate got the card for those without a CS degree
    ("Hi all, I'm 22 and just graduated with a CS degree in Pune, India. I did a 6 month backend internship with Node.js and I know basic Python, but I've never trained a model myself. I'm really interested in NLP and want to land an ML engineer role within a year, and I can put in about 15 hours a week next to my current job. What should my learning path look like to get there?", "bg-no-cs-degree"),
    # usefulness353 #47 (graded 1): Docker before or after deep learning got Docker before Kubernetes, and one cloud to pick
    # got which cloud certificate to take
    ("Should I learn Docker and cloud stuff before or after deep learning? And if I pick one cloud, AWS or GCP, which is more useful for ML jobs?", "tool-docker-vs-kubernetes"),
    ("Should I learn Docker and cloud stuff before or after deep learning? And if I pick one cloud, AWS or GCP, which is more useful for ML jobs?", "cert-cloud-ml"),
    # usefulness359 #34 (graded 1): a backend developer of 8 years was answered "As a beginner, don't chase LLMs"
    ("I'm a backend developer in São Paulo, 33, with 8 years of Go and Python, mostly APIs and microservices. My company wants to build LLM features and I'd like to become the person who owns that. I have almost no ML background though. Do I need to go through classic machine learning first, or can I jump straight into LLMs and RAG?", "concept-llm-for-beginners"),
    # usefulness359 #6 (graded 1): an analyst choosing between a track record at work and applying now got the two roles compared
    ("31歳、事業会社でデータアナリストやってます。SQLとTableauがメインで、Pythonはpandasで集計するくらい。本当は予測モデルとか作りたいんですが、今の部署は分析レポートだけでモデル開発の機会がありません。社内で小さくても実績作ってから動くべきか、それとも早めにMLエンジニアとして転職活動した方がいいか迷ってます。どっちがいいと思いますか？", "ladder-mle-vs-data-analyst"),
    # usefulness364 #30 (graded 0): a student with a BERT thesis asking about the job hunt got how to choose a lab, then how
    # to negotiate an offer
    ("機械学習系の研究室で卒論（BERTのファインチューニングで文書分類）を書き終えました。就活本番まであと半年くらいあるんですが、MLエンジニアとして内定をもらうためにこの期間で何をやるべきですか？", "degree-lab-choice"),
    ("機械学習系の研究室で卒論（BERTのファインチューニングで文書分類）を書き終えました。就活本番まであと半年くらいあるんですが、MLエンジニアとして内定をもらうためにこの期間で何をやるべきですか？", "nc-offer-negotiation"),
    # usefulness366 #9 (graded 1): a Japanese physicist of 52 asking about his age got the JLPT levels foreigners need
    ("52歳、電機メーカーの研究所で物性物理のシミュレーションをやってきました。数学や数値計算は得意ですが、使ってきた言語はFortranとMATLABです。定年後も技術で食べていきたいと考えていて、機械学習を本格的に学ぼうかと思ってます。50代からMLエンジニアを目指すのは年齢的に不利ですか？", "career-japan-foreigner"),
    # usefulness371 #32 and 373 #31 (graded 0): CS graduates at work were answered "As a CS student"
    ("Hi, I'm 23, graduated in CS last year in Pune and now I work in manual QA at a big IT services company. The work is pretty repetitive and I really want to get into NLP. I know Python and did one ML elective in college, but nothing serious since. I have maybe 12 hours a week outside work. How do I move from a QA role into an NLP-focused ML engineer job without quitting first?", "bg-cs-student"),
    ("Hi all, I'm 22 and just finished my B.Tech in CS in India. I'm decent at Python and DSA, did one ML elective and a small sentiment analysis project for my final year. Campus placements only got me a service-company offer doing testing, which I don't want. I can put in about 20 hours a week alongside the job. Should I go for a master's abroad first or try to land a junior ML engineer role directly?", "bg-cs-student"),
    # usefulness373 #31 (graded 0 after bg-cs-student left): a master's abroad or a job got startup against big company
    ("Hi all, I'm 22 and just finished my B.Tech in CS in India. I'm decent at Python and DSA, did one ML elective and a small sentiment analysis project for my final year. Campus placements only got me a service-company offer doing testing, which I don't want. I can put in about 20 hours a week alongside the job. Should I go for a master's abroad first or try to land a junior ML engineer role directly?", "career-startup-vs-big-company"),
    # usefulness374 #35 (graded 0): a data engineer who helps data scientists deploy got the data scientist's card
    ("I've been a data engineer for 6 years, mainly Spark, Airflow and Snowflake. I keep getting pulled into helping our data scientists deploy their models and I actually enjoy it. I'm thinking about moving formally into MLOps. Which skills should I add on top of what I already have?", "bg-data-scientist"),
    # usefulness372 #28 (graded 1): "具体的な順番を知りたいです" after a question about MLOps got which certificate to take first
    ("PyTorchでCNNを組んで画像分類ができて、事前学習済みモデルでの転移学習もやりました。ただ作ったモデルは全部notebookの中で終わってます。就職を見据えると、次はMLOpsとかデプロイの方に進むべきですか？具体的な順番を知りたいです。", "cert-which-first"),
    # ... and then the data scientist's card, for a learner whose models live in notebooks
    ("PyTorchでCNNを組んで画像分類ができて、事前学習済みモデルでの転移学習もやりました。ただ作ったモデルは全部notebookの中で終わってます。就職を見据えると、次はMLOpsとかデプロイの方に進むべきですか？具体的な順番を知りたいです。", "bg-data-scientist")
])
def test_session_33_cards_that_misread_the_asker_do_not_answer(e5_engine, kb, question, card):
    assert not _says_card(kb, e5_engine.ask(question), card)


def test_a_word_written_with_a_space_matches_only_at_a_word_boundary(kb):
    """A card's situation word with an outer space is a whole word: " thesis" is not in "hypothesis" (usefulness358 #34)."""
    card = kb.cards_by_id["bg-academic-to-industry"]
    assert " thesis" in card.requires
    assert fits_asker(kb, card, "My thesis was on protein folding. How do I move to industry?")
    assert not fits_asker(kb, card, "I'm good with regression and hypothesis testing. How do I get hired?")


def test_an_internship_outside_ml_is_not_the_ml_internship(e5_engine):
    """usefulness333 #31 (graded 0): "a 6 month backend internship" placed a learner who never trained a model at the job
    search, with Pandas and the ML algorithms still open."""
    answer = e5_engine.ask("Hi all, I'm 22 and just graduated with a CS degree in Pune, India. I did a 6 month backend internship with Node.js and I know basic Python, but I've never trained a model myself. I'm really interested in NLP and want to land an ML engineer role within a year, and I can put in about 15 hours a week next to my current job. What should my learning path look like to get there?")
    assert answer.stage == "programming-data"
    months = [line for line in answer.answer.splitlines() if line.startswith("- Month")]
    assert "Build a sentiment analysis model" in " ".join(months)
    assert "Build a recommender system" not in " ".join(months)  # (NLP is where they are headed)


def test_a_model_hardly_ever_built_is_not_a_model_built(e5_engine):
    """usefulness358 #27 (graded 1): "モデルを作った経験はほとんどありません" after G検定 was told Python and Pandas were done."""
    answer = e5_engine.ask("先月G検定に合格しました！知識はついた気がするんですが、手を動かしてモデルを作った経験はほとんどありません。次に何をやればいいか教えてください。")
    assert "programming-data.python-basics" in [s.item.id for s in answer.next_steps]


@pytest.mark.parametrize("question", [
    # usefulness345 #57 (graded 0) and 334 #57 (graded 1): plans toward LLM and NLP work had none
    "I'm comfortable with PyTorch and I've fine-tuned BERT for sentiment classification on Hugging Face. I want to move into LLM work. Can you give me a 3-month study plan?",
    "I can fine-tune BERT-style models with Hugging Face transformers for text classification and NER, and I've evaluated them properly with F1 etc. I want an NLP engineer role. Can you give me an 8-week plan for what comes next?",
])
def test_a_plan_toward_a_field_from_someone_who_trains_networks_starts_with_its_course(e5_engine, kb, question):
    answer = e5_engine.ask(question)
    first = answer.next_steps[0]
    assert first.item.id == "specialization.deep-dive-course"
    assert {"nlp", "llm"} & set(kb.resources_by_id[first.resource.id].tags)
    assert "in-depth course" in next(line for line in answer.answer.splitlines() if line.startswith(("- Month 1", "- Week 1")))


def test_fuzzy_math_after_a_deep_learning_course_comes_first(e5_engine):
    """usefulness354 #55 (graded 1): "the math behind backprop is still fuzzy. What should I do next?" got three projects."""
    answer = e5_engine.ask("I just finished part 1 of the fast.ai course and built a dog breed classifier that works pretty well. I understand the high-level ideas but the math behind backprop is still fuzzy. What should I do next?")
    assert [s.item.id for s in answer.next_steps][:2] == ["education.calculus", "core-ml.implement-from-scratch"]
    assert answer.answer.startswith("Since the math feels fuzzy")




def test_a_project_said_to_be_on_github_is_published(e5_engine):
    """usefulness354 #58 (graded 1): "It's on my GitHub with a README" was told to publish a portfolio on GitHub."""
    answer = e5_engine.ask("I fine-tuned a BERT model with Hugging Face for sentiment analysis on product reviews and deployed it as a Streamlit demo. It's on my GitHub with a README. What's the next step to make my profile strong enough for NLP engineer roles?")
    assert "Publish a portfolio on GitHub" not in answer.answer


def test_a_model_built_at_work_makes_an_mlops_plan_mlops_s_own(e5_engine):
    """usefulness362 #30 (graded 1): a demand-forecasting modeller whose models another team deploys was planned SQL and
    linear regression first."""
    answer = e5_engine.ask("社内で需要予測モデルを作ってきましたが、本番への組み込みは別チームがやってくれていました。自分でもMLOpsまでできるようになりたいです。Dockerは少し使えます。ここから何をどの順番で学べばいいか、学習プランを教えてください。")
    assert answer.stage == "mlops"
    month1 = next(line for line in answer.answer.splitlines() if line.startswith("- 1か月目"))
    assert "SQL" not in month1
    assert "線形回帰" not in month1


def test_e_shikaku_passed_with_a_comma_counts_its_maths(e5_engine):
    """usefulness361 #30 (graded 1): "E資格に合格して、Kaggleでも銅メダルを…" was told linear algebra and calculus were open."""
    answer = e5_engine.ask("E資格に合格して、Kaggleでも銅メダルを1つ取りました。今はメーカーの品質管理にいます。転職活動を始める前の3ヶ月で何をやっておくべきか、計画を教えてください。")
    assert "線形代数" not in answer.answer


def test_sql_known_says_nothing_of_python(e5_engine):
    """usefulness360 #39 (graded 1): "good with Excel and know some SQL" was told Python, NumPy and Pandas were done."""
    answer = e5_engine.ask("I'm a 36-year-old accountant in Manchester with two young kids. I'm good with Excel and know some SQL from pulling reports. Between work and family I only have about 6 hours a week to study. I want to move into ML engineering eventually, but I need to be honest with myself. What is a realistic timeline for someone in my situation, and what should the first few months look like?")
    month1 = next(line for line in answer.answer.splitlines() if line.startswith("- Month 1"))
    assert "Python fundamentals" in month1


def test_rather_than_an_analyst_is_no_analyst(e5_engine, kb):
    """An economist who wants "an ML engineer job rather than an analyst one" is not answered as a data analyst."""
    answer = e5_engine.ask("I have an MA in economics, I'm solid in Python, statistics and econometrics, and I've done two Kaggle competitions (top 30% both times). I've never worked as a developer. What should I work on next to land an ML engineer job rather than an analyst one?")
    assert not _says_card(kb, answer, "bg-data-analyst")




def test_a_notebook_model_asked_to_become_a_service_is_planned_its_deployment(e5_engine):
    """usefulness364 #29 (graded 0): "実際にサービスとして使えるところまで持っていくには" was listed more projects."""
    answer = e5_engine.ask("PyTorchでCNNの画像分類モデルを作って、精度もそれなりに出せるようになりました。でもノートブックの中で動いてるだけです。実際にサービスとして使えるところまで持っていくには、次に何を学べばいいですか？")
    assert answer.stage == "mlops"
    assert "mlops.api-docker" in [s.item.id for s in answer.next_steps]


def test_a_plan_toward_deep_learning_puts_its_projects_before_the_others(e5_engine):
    """usefulness364 #27 (graded 1): a 3-month deep-learning plan went from the basics to a recommender."""
    answer = e5_engine.ask("scikit-learnで回帰と分類、交差検証とハイパーパラメータ調整まではひと通りできるようになりました。そろそろ深層学習に進もうと思うんですが、3か月くらいの学習計画を立ててもらえますか？")
    month2 = next(line for line in answer.answer.splitlines() if line.startswith("- 2か月目"))
    assert "画像分類器" in month2
    assert "レコメンド" not in month2


def test_a_question_restated_as_a_request_is_not_a_second_question(e5_engine, kb):
    """"…どれくらいかかりますか？現実的な目安が知りたいです。" asks one thing; its restatement got a card of its own (negotiating an
    offer, then a degree filter for a graduate)."""
    answer = e5_engine.ask("はじめまして。32歳、法人営業を8年やっています。文系学部卒で、プログラミングはProgateのPythonコースを一通り終えたくらいです。平日は1日1時間、土日に合わせて6時間くらい、週だいたい10〜12時間を勉強に使えます。このペースだと、MLエンジニアとして転職できるレベルになるまでどれくらいかかりますか？現実的な目安が知りたいです。")
    assert answer.card == "time-job-ready"
    assert not _says_card(kb, answer, "job-degree-filter")
    assert not _says_card(kb, answer, "nc-offer-negotiation")


def test_sql_known_beside_pandas_is_past_the_plots(e5_engine):
    """usefulness369 #58 (graded 1 after SQL stopped implying Python): "solid with SQL and pandas" was planned visualisation
    and EDA first; SQL named beside Python work still implies the checklist before it."""
    answer = e5_engine.ask("I've finished an intro statistics course and I'm solid with SQL and pandas. Can you give me a 3-month study plan to get to the point where I can apply for junior ML roles? I have about 10 hours a week.")
    month1 = next(line for line in answer.answer.splitlines() if line.startswith("- Month 1"))
    assert "Data visualisation" not in month1


def test_a_degree_in_a_field_lacked_keeps_the_degree_filter_card(e5_engine):
    """usefulness368 #34 (graded 0): "without a degree in CS or math" was read as a degree held."""
    answer = e5_engine.ask("27, full-stack dev in Toronto, came from a coding bootcamp 3 years ago so no CS degree. I work with Node, Postgres and a bit of Python. I'm worried that ML teams only hire people with master's degrees or PhDs and my background will get filtered out. Is it actually possible to move into ML engineering without a degree in CS or math, and how do I prove myself?")
    assert answer.card == "job-degree-filter"


def test_a_master_s_lacked_is_still_the_master_s_question(e5_engine):
    """usefulness373 #24 (graded 0 after round 4): "修士ないとやっぱきびしいでsか" denied the only word naming a master's and got
    how much maths."""
    assert e5_engine.ask("MLエンジニアって修士ないとやっぱきびしいでsか").card == "degree-masters-worth"


def test_working_as_an_mlops_engineer_is_a_goal_not_a_stage_finished(e5_engine):
    """usefulness374 #8 (graded 1): "MLOpsエンジニアとしてやっていくには、今のスキルに何を足せば" was read as the MLOps stage
    finished, and the infrastructure engineer was sent to the job search."""
    answer = e5_engine.ask("38歳のインフラエンジニアです。AWSとTerraform、Kubernetesは業務でずっと触ってます。機械学習のモデル自体を作るより、それを本番で安定して回す側に興味があります。MLOpsエンジニアとしてやっていくには、今のスキルに何を足せばいいですか？")
    assert answer.stage == "mlops"

