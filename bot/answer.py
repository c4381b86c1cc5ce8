"""Turn a search result into an answer: an answer card, an extractive summary, a next-step answer, or an
honest decline. Pure functions over the knowledge base, the index and a :class:`~bot.search.SearchResult`;
no I/O and no formatting: the :class:`Answer` is data that the CLI and the Discord layer render.

Which answer a question gets, in order:

1. "What next? / I've finished X" (:func:`bot.advisor.detect_next_intent`) from someone whose place on the
   roadmap is known (stored stage, or the stage / items they name): the next items, exactly as
   ``careerbot nextstep`` would list them, never skipping a stage or listing a finished item.
2. An answer card that matches confidently (:meth:`bot.gate.Gate.card_for`). A card marked
   ``covered: false`` is an honest "the roadmap does not cover this" (``answered`` is False).
3. When the gate finds the question answerable: the best document's sentences closest to the question.
4. Otherwise a one-line decline with a one-line hint of what careerbot can answer.
"""

from __future__ import annotations

import functools
import math
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import pairwise
from typing import TypeVar

import numpy as np

from bot.advisor import (
    COST_ORDER,
    LEVEL_ORDER,
    MAX_HOURS,
    MAX_WEEKS,
    NOT_YET_RE,
    NextIntent,
    Step,
    detect_next_intent,
    following_steps,
    make_plan,
    schedule_items,
    step_for,
)
from bot.gate import SWAP_MARGIN, Gate
from bot.index import Index
from bot.knowledge import Card, Item, KnowledgeBase, Resource, Stage
from bot.messages import MESSAGES, t
from bot.search import (
    CLAUSE_RE,
    FINISHED_RE,
    FULL_WIDTH_DIGITS,
    KNOWN_RE,
    NEVER_RE,
    WHOLE_JA_RE,
    WHOLE_STAGE_RE,
    SearchResult,
)
from bot.spelling import read_kana
from bot.text import RememberedPattern, normalize, remembered, split_sentences, tokenize

T = TypeVar("T")
MAX_CITED = 3
MAX_RESOURCES = 3
MAX_STEPS = 3
SUMMARY_SENTENCES = 3
SUMMARY_CHARS = {"ja": 320, "en": 700}
WEEKS_PER_MONTH = 4.345


@dataclass(frozen=True)
class Asker:
    """Who asks: their stored stage, completed items, weekly study hours and preferred language, if known."""

    stage: str | None = None
    done: frozenset[str] = frozenset()
    hours_per_week: float | None = None
    lang: str | None = None  # answer in this language whatever the question's language ("英語で")


@dataclass(frozen=True)
class Passage:
    doc_id: str
    title: str
    score: float
    text: str


@dataclass(frozen=True)
class ResourceRef:
    id: str
    title: str
    url: str


@dataclass
class Answer:
    query: str
    lang: str
    answered: bool
    answer: str
    passages: list[Passage] = field(default_factory=list)
    resources: list[ResourceRef] = field(default_factory=list)
    next_steps: list[Step] = field(default_factory=list)
    top_score: float = 0.0
    notices: list[str] = field(default_factory=list)
    card: str | None = None  # the answer card that answered, if one did
    kind: str = "passage"  # card | passage | next | not_covered | decline
    stage: str | None = None  # the stage the next steps belong to
    save_stage: str | None = None  # the message asks to save where it places them ("記録しておいて"): this stage
    save_title: str = ""  # and its title
    # the message asks where it is stored to be, or to start over ("今どのステージ？", "reset my progress"): "which" /
    # "reset", and the stage stored for the asker (None: none stored)
    profile_ask: str | None = None
    profile_stage: str | None = None
    profile_title: str = ""

    def to_json(self) -> dict:
        lang = self.lang
        return {
            "query": self.query, "lang": lang, "answered": self.answered, "answer": self.answer,
            "kind": self.kind, "card": self.card,
            "passages": [{"doc_id": p.doc_id, "title": p.title, "score": round(p.score, 4), "text": p.text}
                         for p in self.passages],
            "resources": [{"id": r.id, "title": r.title, "url": r.url} for r in self.resources],
            "next_steps": [
                {"item": s.item.id, "stage": s.item.stage, "title": s.item.title.get(lang), "hours": s.item.hours,
                 "resource": {"id": s.resource.id, "title": s.resource.title, "url": s.resource.url}
                 if s.resource else None}
                for s in self.next_steps],
            "stage": self.stage,
            "save_stage": self.save_stage,
            "profile_ask": self.profile_ask,
            "top_score": round(self.top_score, 4),
            "notices": self.notices,
        }


# ------------------------------------------------------------------------------------------ resources


def _ref(r: Resource) -> ResourceRef:
    return ResourceRef(r.id, r.title, r.url)


def _is_exam(r: Resource) -> bool:
    return bool({"certification", "exam"} & set(r.tags))


def fit_resources(kb: KnowledgeBase, ranked: list[str], lang: str, beginner: bool, asked: frozenset[str],
                  n: int = MAX_RESOURCES, preferred: frozenset[str] = frozenset()) -> list[Resource]:
    """The best of ``ranked`` (resource ids, best first) for this learner.

    Language weighs most: an English speaker is not sent to a Japanese-only resource while an English one
    fits. Then cost (free first) and, for a beginner or a learner whose stage is unknown, level. Exams and
    certifications (paid, often advanced) appear only when the question asks about them (``asked``).
    ``preferred`` (an answer card's own picks) come first among those that fit the learner's language.
    """
    scored = []
    for pos, rid in enumerate(ranked):
        r = kb.resources_by_id[rid]
        if _is_exam(r) and rid not in asked:
            continue
        score = -pos + (20 if rid in preferred else 0)
        if r.lang != lang:
            score -= 12 if lang == "en" else 3
        score -= 2 * COST_ORDER.get(r.cost, 2)
        if beginner:
            score -= 3 * LEVEL_ORDER.get(r.level, 2)
        scored.append((score, pos, r))
    scored.sort(key=lambda x: (-x[0], x[1]))
    return [r for _, _, r in scored[:n]]


def _resource_names(kb: KnowledgeBase) -> list[tuple[str, frozenset[str], str]]:
    """Each resource's id, its tags as a question names them and its lower-cased title (once per knowledge)."""
    return [(r.id, frozenset(tag.replace("-", " ") for tag in r.tags), r.name.lower()) for r in kb.resources]


def _asked_resources(kb: KnowledgeBase, result: SearchResult) -> frozenset[str]:
    """Resources the question names (by a tag or its title): "G検定", "Kaggle"."""
    named = {n.lower() for n in result.named}
    query = result.query.lower()
    return frozenset(rid for rid, tags, name in _per_kb("resource_names", kb, _resource_names)
                     if tags & named or (len(name) >= 3 and name in query))


def _beginner(kb: KnowledgeBase, asker: Asker) -> bool:
    return asker.stage is None or kb.stage(asker.stage).order <= 3


# ------------------------------------------------------------------------------------------ summaries

_ANAPHOR = {
    "en": re.compile(r"^(this|these|that|those|it|its|here|there|they|such|also|however|then|so|thus|"
                     r"in addition|besides|both|each|alongside)\b", re.IGNORECASE),
    "ja": re.compile(r"^(また|そのため|これ|この|それ|その|さらに|ここ|そこ|一方|ただし|なお|つまり|そして|しかし|特に|加えて|同時に|並行して)"),
}


def _summary(index: Index, result: SearchResult, doc_id: str, lang: str) -> str:
    """The sentences of ``doc_id`` in ``lang`` most similar to the question, in document order.

    The summary must read on its own: a chosen sentence that leans on the one before it ("This means...",
    "また、...") brings that sentence along, or is dropped when it would open the summary without it.
    """
    rows = [i for i, s in enumerate(index.sentences) if s.doc_id == doc_id and s.lang == lang and not s.faq]
    if not rows:
        return ""
    sims = index.sentence_vectors[rows] @ result.query_vector
    chosen = {int(i) for i in np.argsort(-sims)[:SUMMARY_SENTENCES]}
    for pos in sorted(chosen):
        if pos > 0 and _ANAPHOR[lang].match(index.sentences[rows[pos]].text) and pos - 1 not in chosen:
            chosen.add(pos - 1)
    out, size = [], 0
    for pos in sorted(chosen):
        text = index.sentences[rows[pos]].text
        if out and size + len(text) > SUMMARY_CHARS[lang]:
            break
        if not out and pos > 0 and _ANAPHOR[lang].match(text):
            continue
        out.append(text)
        size += len(text)
    return ("" if lang == "ja" else " ").join(out)


# ------------------------------------------------------------------------------------------ ages

_AGE_RE = [
    re.compile(r"(\d{2})\s*(?:歳|才|さい)"),
    re.compile(r"^[^()（）]{0,80}[(（]\s*(\d{2})\s*(?:[,、/／]|[mfMF]\b|y/?o\b)"),  # "(26, US, bootcamp…)", "(32/F)"
    re.compile(r"(\d)0\s*代"),  # 40代 -> 40
    re.compile(r"\b(\d{2})[\s-]*(?:years?|yrs?)[\s-]*old\b|\bi'?\s*a?m\s+(\d{2})\b|\bat\s+(\d{2})\b(?!\s*(?:hours?|hrs?|h\b|%|percent|minutes?|k\b))|"
               r"\bage\s+(\d{2})\b|\bin my (\d)0s\b|\b(\d)0s\b|"
               r"\b(\d{2})\s+(?:is\s+)?(?:too|already)\s+(?:late|old)\b|\bis\s+(\d{2})\s+(?:too|already)\b", re.IGNORECASE),
]
_AROUND = {"アラサー": 30, "アラフォー": 40, "アラフィフ": 50, "アラカン": 60}
# the part of a decade: "50代半ば" (a retired teacher: the 55+ card, not the 40s one), "late 40s", "mid-50s"
_DECADE_PART_RE = re.compile(r"(\d)0\s*代\s*(前半|半ば|中盤|中頃|後半)|\b(early|mid|late)[\s-]*(\d)0'?s\b", re.IGNORECASE)
_DECADE_PART = {"前半": 2, "early": 2, "半ば": 5, "中盤": 5, "中頃": 5, "mid": 5, "後半": 7, "late": 7}


@functools.lru_cache(maxsize=256)
def age_in_question(text: str) -> int | None:
    """The learner's age if the question states it ("45歳", "40代", "I'm 45", "in my 50s", "アラフォー")."""
    for word, age in _AROUND.items():
        if word in text:
            return age
    for n, pattern in enumerate(_AGE_RE):
        if n == 2:  # after a stated age ("56歳"), before a bare decade ("50代")
            part = _DECADE_PART_RE.search(text)
            if part:
                decade, which = (part.group(1), part.group(2)) if part.group(1) else (part.group(4), part.group(3))
                return int(decade) * 10 + _DECADE_PART[which.lower()]
        m = pattern.search(text)
        if m:
            value = next(g for g in m.groups() if g is not None)
            age = int(value) * (10 if len(value) == 1 else 1)
            if 10 <= age <= 100:
                return age
    return None


ADULT = 20
_PER_KB: dict[tuple[str, int], tuple[weakref.ref, object]] = {}


def _per_kb(name: str, kb: KnowledgeBase, build: Callable[[KnowledgeBase], T]) -> T:
    """``build(kb)``, computed once per loaded knowledge base (a reload's new one gets its own; a cached value
    is never served for another knowledge base that happens to reuse a freed one's id)."""
    hit = _PER_KB.get((name, id(kb)))
    if hit is None or hit[0]() is not kb:
        hit = (weakref.ref(kb), build(kb))
        _PER_KB[(name, id(kb))] = hit
    return hit[1]  # type: ignore[return-value]


def _band_tokens(text: str) -> set[str]:
    """Keyword tokens and pairs of neighbouring ones ("high school", which neither word says alone)."""
    tokens = tokenize(text)
    return {*tokens, *(f"{a} {b}" for a, b in pairwise(tokens))}


def _band_words(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """For each age-banded card, the keyword tokens that say who it is for: those in a quarter of its
    phrasings (half of one language's) and in the phrasings of at most 3 other cards ("高校", "high school")."""
    df: dict[str, int] = {}
    for c in kb.cards:
        for tok in {tok for _, q in c.questions for tok in _band_tokens(q)}:
            df[tok] = df.get(tok, 0) + 1
    out = {}
    for card in kb.cards:
        if card.ages is not None:
            own = [_band_tokens(q) for _, q in card.questions]
            out[card.id] = frozenset(tok for tok in set().union(*own)
                                     if sum(tok in p for p in own) * 4 >= len(own) and df[tok] <= 4)
    return out


def fits_asker(kb: KnowledgeBase, card: Card, query: str, age: int | None = None,
               situation: str | None = None) -> bool:
    """Whether a card written for a situation (``requires``: a career gap, no degree) or an age band may answer
    this message (``age``: the age it states, if any). A situation card answers only a message that names the
    situation. A card
    written for learners under 20 (the high-school card) answers a stated age in its band, or no stated age
    when the message names that band ("高校2年です"); never a 24-year-old or "高専を出て組み込みを5年…". The
    adult age cards ("in your 30s") answer a message that states no age only when it talks about age ("この年齢
    から", "too old"), and a stated age outside their band when another age card fits it (see _card_for_age)."""
    # (one question of a longer message: the situation may be told anywhere in it; what the question is about,
    # requires_also, is in the question: "数学の本ってありますか？それと統計は…" is not after statistics books)
    # (a background card's situation is the asker's own, told with the question it answers: the message's first
    # question, whose text carries the background, gets it; not a later short one, "How do I close that gap?")
    told = query if card.id.startswith("bg-") else situation or query
    if card.requires and not (_says_any(kb, card, told) and _says_any(kb, card, query, "requires_also")):
        return False
    if card.excludes and _says_any(kb, card, told, "excludes"):
        return False
    if card.ages is None:
        return True
    if age is not None:
        return card.ages[0] <= age <= card.ages[1] or (card.ages[1] >= ADULT and _card_of_age(kb, age) is not None)
    if card.ages[1] >= ADULT:
        return bool(_AGE_TALK_RE.search(query))
    return bool(_per_kb("band", kb, _band_words)[card.id] & _band_tokens(_PAST_SCHOOL_RE.sub(" ", query)))


# School spoken of as the past or as a level, not as where the asker is: "I haven't touched calculus since high
# school" (usefulness35 #43 got the high-school student's card), "高校の数学で止まってます", "高卒"
_PAST_SCHOOL_RE = re.compile(r"\b(?:since|back in|after|from|in) (?:my )?high ?school\b(?! (?:now|right now|currently))|"
                             r"\bhigh ?school (?:math|maths|level|diploma|graduate|dropout)\b|"
                             r"高校(?:以来|ぶり|の(?:時|とき|頃|数学|数[IⅠ12２]|物理|レベル)|時代|で(?:習|やっ|止ま)|数学|レベル|まで|卒)|高卒",
                             re.IGNORECASE)


# A message that talks about age without stating one ("この年齢から", "am I too old?"): the adult age cards
# answer it; one that says nothing of age (a laid-off developer asking whether the market is
# viable) does not get "your 40s are not too late".
_AGE_TALK_RE = re.compile(r"年齢|歳|才|なんさい|ねんれい|\d0\s*代|若[くい]|年配|中年|定年|退職|アラ(?:サー|フォー|フィフ|カン)|"
                          r"\bage[ds]?\b|\bold(?:er)?\b|\blate(?:r)? in life\b|\byoung(?:er)?\b|"
                          r"\bmidlife\b|\bmid-career\b|\bretire|\b\d0s\b", re.IGNORECASE)
# Lateness: with a stated age, it asks about that age ("Is 45 too late?"); without one it need not be about age
# ("is it too late to get into ML with all these AI coding tools around" is about the outlook, not one's 30s)
_LATE_RE = re.compile(r"遅(?:い|すぎ|く)|間に合|手遅れ|\btoo late\b", re.IGNORECASE)


# A situation word the message denies: "インフラ経験のない未経験者", "SIerではない", "no infra experience"
# (and a situation said never to have happened: "本番環境に載せた経験はゼロです", usefulness126 #30, graded 0, got the card for
# those who have deployed; "デプロイしたことがない")
# (and "本番に載せる経験はなくて", usefulness358 #8, graded 0)
# (and "…したりした経験はまったくありません": "デプロイしたりした経験はありません", usefulness339 #29, was read as deployed)
_DENIED_AFTER_RE = re.compile(r"(?:り[^。、？?]{0,12}?)?(?:た|たこと|ること|る)?(?:系|の|で)?(?:経験|実務|業務|仕事|こと)?(?:の|が|は|も)?"
                              r"(?:まだ|一度も|全く|まったく)?"
                              r"(?:ない|無い|なし|なく|ありません|ゼロ|ぜろ)|"  # (normalize writes katakana in hiragana)
                              r"(?:では|じゃ)(?:ない|なく|ありません)|\s*(?:experience\s*)?(?:is\s*)?(?:none|zero)\b")
# (and "non-CS undergrad" is not a CS undergrad)
# (and "land an ML engineer job rather than an analyst one" is no analyst)
_DENIED_BEFORE_RE = re.compile(r"(?:\bno|\bnon-?|\bwithout(?: any)?|\bnever (?:worked|been)(?: in| as)?(?: an?)?|\bnot an?|"
                               r"\brather than(?: an?| the)?|\binstead of(?: an?| the)?|\bzero)\s*$")


def _says(text: str, word: str) -> bool:
    """Whether normalised ``text`` says ``word`` other than to deny it."""
    at = text.find(word)
    while at >= 0:
        if not (_DENIED_AFTER_RE.match(text, at + len(word)) or _DENIED_BEFORE_RE.search(text[max(0, at - 30):at])):
            return True
        at = text.find(word, at + 1)
    return False


def _says_any(kb: KnowledgeBase, card: Card, query: str, key: str = "requires") -> bool:
    """Whether the message says one of the words of the situation a card is written for (``requires``), or
    of its ``requires_also`` (true when it has none); a word it denies ("インフラ経験のない") does not count."""
    words = _per_kb(key, kb, lambda k: {c.id: tuple(normalize(w) for w in getattr(c, key)) for c in k.cards})
    text = f" {normalize(query)} "  # (a word may begin or end with a space: at a boundary)
    return not words[card.id] or any(_says(text, w) for w in words[card.id])


MAX_SUBJECT, MAX_SUBJECT_CARDS = 12, 3  # characters of a subject term; cards one term may be the subject of
MIN_CONTEXT_SENTENCES = 3


def _subjects(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """What each card is about, as distinctive terms: the first words of its keyword-only phrasings
    ("統計検定" of "統計検定 何級"), when the knowledge base counts them as distinctive (not "機械学習")."""
    terms = kb.distinctive_terms
    firsts = {c.id: {first for _, q in c.questions if len(q) <= 24 and not re.search(r"[?？。]", q)
                     for first in [normalize(q).split()[0] if q.split() else ""]
                     if first in terms and len(first) <= MAX_SUBJECT} for c in kb.cards}
    cards_with: dict[str, int] = {}
    for found in firsts.values():
        for first in found:
            cards_with[first] = cards_with.get(first, 0) + 1
    # a term that opens the phrasings of many cards ("mlえんじにあ") says nothing about any one of them
    return {cid: frozenset(f for f in found if cards_with[f] <= MAX_SUBJECT_CARDS) for cid, found in firsts.items()}


# What a Japanese request to know ends with ("…知りたいです。", "…聞きたいです。"); also in engine._ASKS
REQUEST_WORDS = r"知りたい|聞きたい|伺いたい"
# A dilemma said as a statement ("…どっちを目指すべきか迷ってます。"): a question; also in engine's parts
DILEMMA_ENDS = ("か迷ってます", "か迷っています", "か悩んでます", "か悩んでいます")
_REQUEST_END_RE = re.compile(r"(?:教えて(?:ください|ほしい|欲しい)|" + REQUEST_WORDS + r"|でしょうか|ですか|ますか|"
                             + "|".join(DILEMMA_ENDS) + r")(?:です)?[。！!]?\s*$")


class _Context:
    """What a long message says about the asker (done, held, known) apart from what it asks."""

    def __init__(self, query: str) -> None:
        sentences = split_sentences(query)
        # (a question may end with "。": "…何年くらいかかるのか、目安を教えてほしいです。")
        asked = [x for x in sentences if x.endswith(("?", "？")) or _REQUEST_END_RE.search(x)] + sentences[-1:]
        told = [c for x in sentences if x not in asked for c in CLAUSE_RE.split(x)
                if (FINISHED_RE.search(c) or KNOWN_RE.search(c)) and not NEVER_RE.search(c)]
        self.asked = normalize(" ".join(asked))
        self.asked_text = " ".join(asked)  # (as written: "何ヶ月" is not kept by normalize)
        # a short message's question leans on its first sentence ("2級に合格しました。準1級も受けるべき？")
        self.long = long = len(sentences) >= MIN_CONTEXT_SENTENCES
        self.told = normalize(" ".join(told)) if long else ""
        # "I have about 10 hours a week." in a long message that asks something else: context, not the question
        self.hours_told = long and hours_in_question(" ".join(x for x in sentences if x not in asked)) is not None \
            and not _TIME_ASKED_RE.search(" ".join(asked))

    def only_told(self, subjects: frozenset[str]) -> bool:
        """The message names the subject only where it says the asker has it ("統計検定2級を取りました")."""
        # (a Latin subject as a word: "cv" is not told by "Python and OpenCV", usefulness226 #36, graded 0, lost the
        # computer-vision card to the outlook)
        named = _terms_pattern(subjects)
        return bool(named.search(self.told)) and not named.search(self.asked)


@functools.lru_cache(maxsize=64)
def _context(query: str) -> _Context:
    """A message's :class:`_Context`, read once (the card filter, the subject and age cards all ask)."""
    return _Context(query)


WHOLE_TOLD_STAGES = frozenset({"core-ml", "projects"})


def _fits_result(kb: KnowledgeBase, result: SearchResult, whole: SearchResult | None = None) -> Callable[[Card], bool]:
    """:func:`card_fits`, and not a getting-started card ("start-…") for a stage whose checklist the message says
    the learner has been through to its last item ("comfortable with pandas and scikit-learn … job hunting in 3
    months" got the beginners' 3-month plan that starts with Python syntax). ``whole``: the search of the whole
    message, when ``result`` is one of its questions: where the learner says what they know."""
    fits = card_fits(kb, result.query, whole.query if whole is not None else None)
    # (what the whole message says they know: "PyTorchでCNNを自分で書いて…何から始めればいいですか？", usefulness207 #28,
    # and "Kaggleで銅メダル2つ…始める前にやっておくべきことがあれば", 207 #29, got "start with Python" for the short question)
    said = set(result.items_known) | (set(result.items_finished) if result.finished_said else set())
    told = whole if whole is not None else result
    if whole is not None:  # (the ML work the whole message tells, not Docker or CI: "DockerとかCI/CDは業務で触ってます…
        # それとも先にMLの基礎をちゃんとやるべき？" is still a beginner at ML)
        said |= {i for i in {*whole.items_known, *(whole.items_finished if whole.finished_said else ())}
                 if i in kb.items and kb.items[i].stage in WHOLE_TOLD_STAGES}
    through = {kb.items[i].stage for i in said if kb.stage(kb.items[i].stage).items[-1].id == i}
    # (nor a getting-started card before the core algorithms for someone who has done core-ML work or more:
    # "Transformerをスクラッチで実装して小さな言語モデルを学習させた" got the beginners' learning order; usefulness65 #30)
    # (or who went through a core-ML course: "I've gone through the CS229 lectures and problem sets … never worked in a
    # real codebase" got the card for someone who has never programmed; usefulness74 #57)
    coursed = {i for rid in _finished_courses(told) for i in kb.resources_by_id[rid].items if i in kb.items}
    # (or who works as a data scientist: "I've been a data scientist at a retail company for 2 years … Which skills am I
    # missing, and in what order" got the learning order from the maths; usefulness314 #37, graded 0)
    advanced = (any(kb.stage(kb.items[i].stage).order >= ML_STAGE_ORDER for i in said | coursed)
                or bool(_DS_SELF_RE.search(told.query)))

    def early(card: Card) -> bool:
        where = [card.duration[0]] if card.duration else [card.stage] if card.stage else list(card.docs)
        orders = [kb.stage(s).order for s in where if s in kb.stages_by_id]
        return bool(orders) and min(orders) < ML_STAGE_ORDER

    def fits_learner(card: Card) -> bool:
        # (and the hours from zero: "Reaching a job-ready level from zero in 3 months…" for the same learner)
        return fits(card) and not ((card.id.startswith("start-") and card.stage in through)
                                   or (card.id.startswith(("start-", "time-")) and advanced and early(card)))
    return fits_learner


def card_fits(kb: KnowledgeBase, query: str, situation: str | None = None) -> Callable[[Card], bool]:
    """Which cards may answer this message: :func:`fits_asker`, and not a card about something the message
    says the asker already holds or knows and does not ask about (the 統計検定 card for someone who passed
    it and asks about changing jobs; the Docker card for "I know Docker, Kubernetes, Postgres")."""
    # (read as the search reads it: "こうこうせいだけど…" names the high-school band; usefulness56 #20)
    query, situation = read_kana(query), (read_kana(situation) if situation is not None else None)
    context = _context(query)
    subjects = _per_kb("subjects", kb, _subjects)
    # (the age the message states, when the question is one part of it: "32歳で…。…現実的ですか？" is not answered
    # with the card for those in their late fifties)
    age = age_in_question(query)
    if age is None and situation is not None:
        age = age_in_question(situation)
    at_stage = stated_stage(kb, situation or query) is not None
    # (a stage asked about counts: its hours and what it holds)
    time_asked = bool(_TIME_ASKED_RE.search(context.asked_text) or _SPAN_RE.search(context.asked_text)
                      or _STAGE_WORD_RE.search(context.asked_text))

    in_ml_job = bool(_IN_ML_JOB_RE.search(situation or query))
    # a certificate the message says is held, and none named otherwise ("G検定と統計検定2級に合格しました。次はE資格を…" names
    # E資格 as a goal)
    told = situation or query
    untold = functools.reduce(lambda text, rx: rx.sub(" ", text),
                              (_G_KENTEI_HELD_RE, _TOUKEI_HELD_RE, *_PASSED_CERT_RE.values()), told)
    held_cert = untold != told and not (_CERT_WORD_RE.search(untold) or _JP_CERT_RE.search(untold))

    def fits(card: Card) -> bool:
        if not fits_asker(kb, card, query, age, situation):
            return False
        if not card.covered and context.long and card.id in _NOT_COVERED_ASKED \
                and not _NOT_COVERED_ASKED[card.id].search(context.asked_text):
            return False  # (told, not asked: "I don't want to start over … with a junior salary. Do I have to?")
        if context.long and card.id in _ASKED_CARDS and _ASKED_CARDS[card.id][1].search(context.asked_text) \
                and not _ASKED_CARDS[card.id][0].search(context.asked_text) and not _BACK_TO_GOAL_RE.search(context.asked_text):
            return False  # (told, not asked: "将来的には在宅で働けるMLエンジニアになりたい…どんなものを作ってどう見せれば")
        if context.long and card.id in _COMPARISON_CARDS and not _COMPARISON_ASKED_RE.search(context.asked_text):
            return False  # (an analyst told, a comparison not asked: "データアナリストやってます…社内で実績作ってから動くべきか、
            # 早めに転職活動した方がいいか", usefulness359 #6, graded 1, got what an analyst and an ML engineer each do)
        if in_ml_job and card.id in _JOB_SEEKER_CARDS | _SWITCHER_CARDS:
            # (someone in an ML job is not looking for a first one, usefulness65 #41, graded 0; nor moving into ML from
            # another job: "I'm a mid-level ML engineer … move into LLM work" got the backend engineer's card, usefulness71 #58)
            return False
        if context.hours_told and _TIME_CARD_RE.match(card.id):
            return False  # (the hours they have go into whatever answers; they did not ask how long)
        if at_stage and card.id.startswith("time-"):
            return False  # (hours from zero to "前にこのbotでステージ3って言われた" / "I'm at stage 4": usefulness46 #30, #57)
        if not time_asked and _HOW_LONG_CARD_RE.match(card.id):
            # how long it takes answers a question about time ("数学をどのレベルまで、どういう順番で勉強し直せばいい？"
            # got the hours to job-ready: usefulness57 #4, graded 0)
            return False
        if card.id.startswith("cert-") and card.id not in _NOT_SUBJECT_CARDS and held_cert \
                and not _CERT_ASKED_RE.search(context.asked_text):
            # (a certificate they hold, told, not asked about: "去年統計検定2級は取りました…この状態からMLエンジニアに転職するの
            # って現実的ですか？何から手をつける…", usefulness204 #1, graded 1, got whether certificates help)
            return False
        # (a card for those who hold the subject, "合格おめでとうございます", answers them)
        return card.id in _NOT_SUBJECT_CARDS or not context.only_told(subjects[card.id])
    return fits


# what a long message must ask, not only tell, for a "not covered" card to answer it
_NOT_COVERED_ASKED = {"nc-salary": re.compile(r"年収|給料|給与|収入|月給|報酬|\bsalar|\bpay\b|\bpaid\b|\bearn|\bincome\b|"
                                              r"\bcompensation\b|\bmoney\b", re.IGNORECASE)}
# cards about a condition a long message often tells but may not ask about: not the answer when the asked sentences ask
# about something else (the second pattern) and do not name the condition (the first) (usefulness315 #8, graded 0:
# "将来的には在宅で働けるMLエンジニアになりたい … どんなものを作ってどう見せれば評価されますか？" got whether ML engineers can
# work remotely; but remote work beside a question on a timeline or on GitHub is the asker's constraint: 325 #31 and 327 #12,
# graded worse at round 5 when any other question excluded the card)
_ASKED_CARDS = {"job-remote-work": (
    re.compile(r"在宅|リモート|地方|引っ越|海外(?:在住|から|に住)|remote|relocat|work from home|\bwfh\b|"
               r"\babroad\b|\bfrom (?:overseas|another country)\b|"
               r"\b(?:small|rural) town|outside (?:a |the )?(?:big )?cit", re.IGNORECASE),
    re.compile(r"ポートフォリオ|どんなもの|どんな作品|\bportfolio\b|\bwhat (?:kind of )?projects\b", re.IGNORECASE))}
# (unless the question points back at the goal the message told: "My long-term goal is a remote ML engineer job … Is that a
# realistic path from where I am")
_BACK_TO_GOAL_RE = re.compile(r"\b(?:is|was) (?:that|this|it) (?:[\w-]+ ){0,2}?(?:realistic|possible|doable|feasible|achievable)|"
                             r"\b(?:that|this) (?:goal|plan|path)\b|(?:それ|その目標|この目標)(?:は|って|も)?(?:現実的|可能|無理|実現)",
                             re.IGNORECASE)
# cards that compare two roles, which a long message answers only when its questions compare them
_COMPARISON_CARDS = frozenset({"ladder-mle-vs-data-analyst"})
_COMPARISON_ASKED_RE = re.compile(r"違い|違う|(?<!っ)ちがい|比較|比べ|向いて|向き|\bvs\.?\b|versus|differ|compar|\bsuit|\bfit\b|"
                                  r"(?:どっち|どちら)の(?:職|仕事|ほう)|\bwhich (?:role|job|path|one)\b", re.IGNORECASE)
# cards for someone looking for a first ML job (or a way into one)
_JOB_SEEKER_CARDS = frozenset({"job-first-role", "job-junior-mle-vs-analyst", "job-stepping-stone", "job-no-experience",
                               "job-new-grad", "job-shinsotsu-vs-chuto", "job-ready-to-apply", "job-ready-deployed",
                               "job-search-no-offers", "job-internal-transfer"})
# cards for someone moving into ML from another job
_SWITCHER_CARDS = frozenset({"bg-sier", "bg-backend-engineer", "bg-data-analyst", "bg-infra-sre", "bg-non-it",
                             "bg-experienced-engineer-leverage", "bg-data-engineer", "bg-game-developer", "bg-qa-tester",
                             "bg-backend-to-ml-platform"})
_SUBJECT_CARD_RE = re.compile(r"(?:cert|degree|tool)-")
# cards about a situation, not a subject ("迷ったらポートフォリオを優先", "合格おめでとうございます"), and subjects
# nearly every message names ("Python"); a tool choice card ("PyTorch or TensorFlow", "tool-…-vs-…") answers only someone
# choosing, not "実務でPyTorchのモデルを書いたりするのに、数学ってどのレベルまで必要？"
_NOT_SUBJECT_CARDS = frozenset({"cert-vs-portfolio", "cert-after-passing", "cert-after-cloud"})
_COMMON_SUBJECTS = frozenset({"python", "ぱいそん"})
# an answer about the JDLA's certificates speaks of G検定 and E資格 already
_SUBJECT_ALIASES = {"g検定": ("jdla",), "e資格": ("jdla",)}
_CERT_ASKED_RE = re.compile(r"資格|検定|試験|certif|\bexams?\b|\bcerts?\b", re.IGNORECASE)


def subject_card(kb: KnowledgeBase, result: SearchResult, answer: Answer, asker: Asker) -> Answer | None:
    """The card for a subject a long message asks about by name when the answer never mentions it
    ("…とりあえずG検定を取ろうかと思ってるんですが、それって意味ありますか？", answered for the asker's situation
    only): the certificate, degree or tool card of that name that fits the asker, the one the search
    ranked best. None when the message is short, or the answer already speaks of every subject it asks about.
    (Concept cards define a thing; a long message asking whether RL is hireable does not want the definition.)"""
    context = _context(result.query)
    if not context.long:
        return None
    asked = [(cid, said) for cid, ask, said in _per_kb("subject_cards", kb, _subject_patterns)
             if cid != answer.card and ask.search(context.asked)]
    if not asked:
        return None
    text = normalize(answer.answer)
    fits = card_fits(kb, result.query)
    rank = {h.id: n for n, h in enumerate(result.cards)}
    found = [cid for cid, said in asked if not said.search(text) and fits(kb.cards_by_id[cid])]
    if not found:
        return None
    cert = bool(_CERT_ASKED_RE.search(context.asked))  # "AWSの資格": the certificate's card, not the cloud's
    best = min(found, key=lambda cid: (cert != cid.startswith("cert-"), rank.get(cid, len(rank))))
    return compose_card(kb, kb.cards_by_id[best], result, asker, answer.lang, [])


# Someone who already works as an ML engineer ("社内でMLエンジニアに異動して1年", "I'm a junior ML engineer")
_IN_ML_JOB_RE = remembered(r"(?:ML|機械学習)エンジニア(?:として(?:働いて(?!み)|勤務して|勤めて|入社して|[0-9０-９]+年|配属)|に異動して|"
                           r"になって[0-9０-９一二三半]|に転向して|に転職して[0-9０-９一二三半]|をして(?:い|る|ま)|です|歴[0-9０-９]|"
                           r"[0-9０-９]+年目)|"
                           # (not a wish: "I'd love to work as an ML engineer in Japan", "stay in Japan and work as an ML
                           # engineer")
                           r"\b(?:i'?m|i am|i'?ve been|i have been|(?<!to )(?<!and )(?<!be )work(?:ing)? as) an? "
                           r"(?:junior |senior |mid[- ]level |mid |staff |lead )?"
                           r"(?:(?:ml|machine learning) engineer|mle)\b|"
                           r"\b(?:got|was|been) hired as an? (?:junior |senior )?(?:(?:ml|machine learning) engineer|mle)\b|"
                           # ("I landed my first ML engineer job 6 months ago", usefulness311 #60, graded 0, got the 3-6 months card)
                           r"\b(?:landed|got|started|began) my first (?:ml|machine learning|mle) (?:engineer(?:ing)? )?(?:job|role|position)\b|"
                           r"\b(?:got|landed|started|took) (?:my )?(?:first )?(?:job|role|position) as an? (?:junior |senior )?"
                           r"(?:(?:ml|machine learning) engineer|mle)\b|"
                           r"\b(?:in|at) my (?:first )?ml (?:engineer(?:ing)? )?job\b|"
                           # ("I landed my first junior ML engineer job 8 months ago", usefulness148 #60, graded 0, was given
                           # the job search's items)
                           r"\b(?:got|landed|started|took)\s+my\s+(?:first\s+)?(?:junior\s+)?(?:(?:ml|machine learning)\s+engineer(?:ing)?|mle)"
                           r"\s+(?:job|role|position)\b", re.IGNORECASE)


def background_card(kb: KnowledgeBase, result: SearchResult, answer: Answer, asker: Asker,
                    gate: Gate) -> Answer | None:
    """The card for the asker's background (``bg-…``) when a long message answered with next steps or a plan
    tells it and that card is the best-matching one that fits ("a PhD in computational chemistry … recruiters say
    I'm 'too academic'. What concrete things can I do in the next 4 months…": usefulness58 #40 got a plan of
    regression and SVMs alone). None otherwise."""
    if answer.kind != "next" or not _context(result.query).long or _IN_ML_JOB_RE.search(result.query):
        return None  # (not for someone already in an ML job: usefulness60 #28 got the backend-to-platform card)
    fits = card_fits(kb, result.query)
    best = next((m for m in gate.cards(result, kb) if fits(kb.cards_by_id[m.hit.id])), None)
    if best is None or not best.hit.id.startswith("bg-") or _TIME_CARD_RE.match(best.hit.id) or best.score < gate.card:
        return None  # (and not the busy-worker's card: how to study in little time is not who they are)
    # (the card of the age band the message states, as a card answer would give: a 32-year-old was given the card for
    # those in their late fifties beside a plan)
    card = _card_for_age(kb, kb.cards_by_id[best.hit.id], result.query)
    if card.answer.get(answer.lang) in answer.answer:
        return None
    return compose_card(kb, card, result, asker, answer.lang, [])


def background_beside_age(kb: KnowledgeBase, result: SearchResult, answer: Answer, asker: Asker,
                          gate: Gate) -> Answer | None:
    """The card for the asker's own background (``bg-…``, not an age) beside an answer given by an age card, when that
    card fits and matches the message nearly as well ("I'm 53 and have worked as an accountant for most of my career…
    Is it realistic…at my age, or would something like a data analyst role be a more sensible target?": usefulness223
    #41, 226 #35, graded 1, got the 40s card alone, "a generic age template"). None otherwise."""
    # (a band of age, not the maths teacher's card, which is written for who they are)
    if answer.kind != "card" or answer.card not in AGE_CARDS - {TEACHER_CARD} or not _context(result.query).long:
        return None
    fits = card_fits(kb, result.query)
    ranked = gate.cards(result, kb)
    if not ranked:
        return None
    top = ranked[0].score
    best = next((m for m in ranked if m.hit.id.startswith("bg-") and m.hit.id not in AGE_CARDS | STUDENT_CARDS
                 and not _TIME_CARD_RE.match(m.hit.id) and fits(kb.cards_by_id[m.hit.id])
                 # (the experienced engineer's card for someone who has built software: not a loan officer)
                 and (m.hit.id != ENGINEER_CARD or _BUILT_SOFTWARE_RE.search(result.query))), None)
    if best is None or best.score < gate.card or best.score < top - BESIDE_AGE_MARGIN:
        return None
    card = kb.cards_by_id[best.hit.id]
    if card.answer.get(answer.lang) in answer.answer:
        return None
    return compose_card(kb, card, result, asker, answer.lang, [])


ENGINEER_CARD = "bg-experienced-engineer-leverage"
_BUILT_SOFTWARE_RE = re.compile(r"SIer|開発|プログラマ|Java|COBOL|\bdeveloper\b|\bsoftware engineer|\bprogrammer\b|\bcoded\b|"
                                r"\bcoding\b", re.IGNORECASE)
BESIDE_AGE_MARGIN = 0.03  # how much less closely than the best card the background card may match
# cards for students, not for someone whose age card answered ("a non-CS major … the time you have at university" beside
# the 40s card for a 41-year-old teacher)
STUDENT_CARDS = frozenset({"bg-university-non-cs", "bg-cs-student", "bg-high-school-student", "bg-high-school-no-degree"})


_NO_SWITCH_RE = re.compile(r"(?:転職|転身|キャリアチェンジ)(?:する)?つもりは(?:ない|ありません|なく)|転職は考えて(?:い)?(?:ない|ません)|"
                           # (not "I'm not trying to become a junior coder at a startup": usefulness198 #35 lost its age card)
                           r"\bnot (?:planning|looking|trying|going) to (?:switch (?:careers|jobs)|change careers|"
                           r"become an? (?:ml|machine learning) engineer|move into ml)\b|"
                           r"\bno (?:plan|plans|intention) to (?:switch|become|change careers)\b", re.IGNORECASE)


def age_card(kb: KnowledgeBase, result: SearchResult, answer: Answer, asker: Asker) -> Answer | None:
    """The card for the asker's age when a long message states an age and asks about it ("50代前半…。この年齢で
    どこまで目指すのが現実的か、何から手をつけたらいいか…"), and the answer (a plan, a background card) does not
    already speak to it. None otherwise."""
    age = age_in_question(result.query)
    context = _context(result.query)
    asked = context.asked.replace(str(age), "")
    if age is None or age < 30 or not context.long or not (_AGE_TALK_RE.search(asked) or _LATE_RE.search(asked)):
        return None
    # (nor for someone who says they will not switch at their age: "正直この歳でMLエンジニアに転職するつもりはないのですが…G検定
    # やE資格を取る意味は？", usefulness181 #9, got the 40s card's advice on switching beside the answer)
    if _NO_SWITCH_RE.search(result.query):
        return None
    card = _card_of_age(kb, age)
    # (nor beside another card written for an age: the 40s engineers' card is not followed by the 40s card)
    if card is None or card.id == answer.card or answer.card in AGE_CARDS or card.answer.get(answer.lang) in answer.answer:
        return None
    return compose_card(kb, card, result, asker, answer.lang, [])


# An LLM-engineer goal ("…if I want to be hired as an LLM engineer", "LLMエンジニアとして転職したい")
_LLM_GOAL_RE = re.compile(r"(?:LLM|生成AI)エンジニア(?:に|を|として|への)[^。？?]{0,12}?(?:なりたい|なる|目指|転職|就職|採用|働)|"
                          # ("I fine-tuned BERT … I want to move toward building LLM applications — what should I learn
                          # next?", usefulness286 #59, graded 0, got the projects checklist alone)
                          r"\b(?:move|moving|go|going|head|heading|shift|shifting) (?:toward|towards|into) (?:building )?"
                          r"(?:llm|genai|gen ai|generative ai)(?:[- ]powered)? (?:apps?|applications?|products?)\b|"
                          r"(?:LLM|生成AI)(?:系|関連)[^。？?]{0,25}?の仕事に(?:就きたい|就く|転職|移りたい)|"
                          r"\b(?:hired|hireable|hirable|work|working|job|career|employed) as an? (?:llm|genai|gen ai|generative ai) engineer\b|"
                          r"\bbecom(?:e|ing) an? (?:llm|genai|gen ai|generative ai) engineer\b|"
                          r"\b(?:llm|genai|generative ai) engineer(?:ing)? (?:roles?|jobs?|positions?)\b|"
                          # "I want to get into LLM work professionally", "move into NLP/LLM engineering",
                          # "LLMの専門家として市場価値を上げたい", "LLM系のエンジニアとして就職したい" (usefulness74 #30 and #58,
                          # usefulness75 #30 and #57: an LLM goal got the projects or MLOps checklist alone)
                          r"\b(?:get|move|break|transition|switch)(?:ing)? into (?:nlp ?/ ?)?(?:llm|genai|gen ai|generative ai)"
                          r"(?: ?/ ?nlp)? (?:work|engineering|roles?|jobs?)\b|"
                          r"(?:LLM|生成AI)の専門家|(?:LLM|生成AI)(?:系|関連)の?エンジニアとして[^。？?]{0,12}?(?:就職|転職|働)|"
                          # "NLP・LLM系のMLエンジニアを目指すなら", "NLP/LLM専門のエンジニアとして就職したい", "LLMを使ったアプリ
                          # 開発をするエンジニアとして…転職活動を" (usefulness79 #29, 81 #29, 82 #30)
                          r"(?:LLM|生成AI)(?:系|関連|専門|方面|分野)?の?(?:ML)?エンジニア職?(?:を|に|として)[^。？?]{0,12}?(?:目指|なりたい|就職|転職|働|応募)|"
                          r"(?:LLM|生成AI)を使った[^。？?]{0,15}?エンジニアとして[^。？?]{0,15}?(?:転職|就職|働)|"
                          r"\b(?:llm|genai|generative ai) (?:app(?:lication)?s? )?(?:engineering|developer|development) "
                          r"(?:job|role|position)s?\b|\bwork (?:on|with) llms (?:specifically|professionally|full[- ]time)\b|"
                          # going deeper into LLMs themselves ("Now I want to go deeper into fine-tuning and evaluating LLMs",
                          # "NLP・LLM方面に特化したい"; usefulness89 #57, graded 0, got linear regression)
                          r"\b(?:go|dig|get|dive) deeper into [^.?!]{0,40}?\bllms?\b|\bspeciali[sz]e in (?:nlp ?/ ?)?llms?\b|"
                          # ("move toward fine-tuning models and doing proper evaluation", "move toward roles that involve
                          # fine-tuning LLMs", "NLP/LLM系のポジションで転職したい"; usefulness92 #58, 93 #30 and #56, 94 #58)
                          r"\bmov(?:e|ing) (?:more )?towards? (?:llms?\b|fine-?tuning|roles? that (?:involve|use))|"
                          r"\b(?:roles?|jobs?|positions?) that involve (?:fine-?tuning |training |building )?(?:llms?|language models)\b|"
                          r"(?:NLP|LLM|自然言語処理)(?:\s*[/／・]\s*(?:LLM|NLP))?系?の(?:ポジション|職種|仕事)(?:で|に)(?:転職|就職|働)|"
                          r"(?:LLM|生成AI|大規模言語モデル)(?:方面|分野|領域)?(?:に特化|を(?:もっと)?深め|を専門に)|"
                          r"(?:NLP|自然言語処理)[・/／、や](?:LLM|生成AI)(?:方面|分野|領域)?(?:に特化|を(?:もっと)?深め|に進みたい|を専門に)|"
                          # "Now I want to move into LLMs (fine-tuning, RAG, evaluation)" (usefulness105 #58, graded 0, was
                          # planned a recommender and a CNN)
                          r"\b(?:move|get|go|transition|switch|pivot)(?:ing)? (?:in)?to (?:working (?:on|with) )?llms\b|"
                          # "次はNLPやLLMの方にも専門を広げたいです" (usefulness104 #29, graded 0, got no LLM content)
                          r"(?:LLM|生成AI)[^。？?]{0,6}?の方(?:に|へ)(?:も)?[^。？?]{0,8}?(?:広げ|進み|移り|行き)|"
                          # "3ヶ月でLLM関連のポートフォリオを作るなら" (usefulness116 #29, graded 0, got a recommender and a CNN)
                          r"(?:LLM|生成AI)(?:関連|系)?の(?:ポートフォリオ|作品)|\b(?:llm|genai) portfolio\b|"
                          # "LLM系の仕事を目指したい", "an LLM-focused role" (usefulness101 #29 and #57, graded 0: a BERT
                          # fine-tuner and a Karpathy finisher were planned Kaggle, a recommender and a CNN)
                          r"(?:LLM|生成AI|大規模言語モデル)(?:系|関連|方面|分野)?の(?:仕事|職|ポジション|開発)を目指|"
                          r"\b(?:llm|genai|gen ai|generative ai)[- ](?:focused|centric|heavy|related|oriented) "
                          r"(?:roles?|jobs?|positions?|work|engineer\w*|teams?)\b|"
                          r"\b(?:roles?|jobs?|positions?|teams?) (?:in|on|focused on|working on|building with) (?:llms?|genai|generative ai)\b",
                          re.IGNORECASE)
LLM_PATH_CARD = "ladder-llm-engineer-path"
LLM_BEYOND_CARD = "spec-llm-beyond-api"  # its requires: the asker has built on LLMs
_LLM_CARDS = frozenset({"outlook-llm-skills", "ladder-llm-engineer-vs-mle", "outlook-llm-engineer-demand",
                        "career-llm-or-classic-ml"})
# A recommender goal ("推薦システムの分野に進みたい", "move into recommendation systems") and an MLOps one ("次はMLOps寄りの
# ことを学びたい", "I'd like to lean toward MLOps", "go deeper into MLOps")
_RECSYS_GOAL_RE = re.compile(r"(?:推薦|レコメンド)[^。？?]{0,20}?(?:進みたい|やりたい|目指|仕事|エンジニア|専門|に興味)|"
                             r"\b(?:recommend(?:er|ation)s?|recsys)\b[^.?!]{0,30}?\b(?:engineer|roles?|jobs?|career|"
                             r"speciali[sz]\w*|work)\b|\b(?:move|get|go|break|speciali[sz]e) (?:into|in) (?:recommend|recsys)",
                             re.IGNORECASE)
# computer vision as the field to go deep in ("I want to get serious about computer vision", "画像認識の方に本格的に")
_CV_GOAL_RE = re.compile(r"(?:画像認識|画像系|画像処理|コンピュータビジョン|\bCV)[^。？?]{0,20}?(?:本格的|進みたい|やりたい|目指|仕事|エンジニア|専門|職)|"
                         r"\b(?:computer vision|cv)\b[^.?!]{0,30}?\b(?:engineer|roles?|jobs?|career|speciali[sz]\w*)\b|"
                         r"\bget serious about (?:computer vision|cv)\b|\b(?:move|get|go|break|speciali[sz]e) (?:into|in) "
                         r"(?:computer vision|cv)\b", re.IGNORECASE)
_MLOPS_GOAL_RE = re.compile(r"MLOps(?:寄り|の方向|方面|エンジニア|の道|に進|を深|の仕事|職)|"
                            r"\b(?:lean|move|go|get|head)(?:ing)? (?:toward|towards|into|deeper into) mlops\b|"
                            r"\bmlops (?:roles?|engineer|direction|jobs?|positions?)\b|\bin the mlops direction\b|"
                            # a model run by hand ("月次でバッチ運用しています（ただし実行も監視も手作業です）": usefulness99
                            # #29, graded 0, was planned SVMs and clustering)
                            r"(?:実行|監視|運用|デプロイ|再学習|更新)(?:も|は|を|や)[^。]{0,12}?(?:手作業|手動)|"
                            r"\b(?:deploy\w*|retrain\w*|monitor\w*|run(?:ning)?|updat\w*) (?:it |them |the model )?"
                            r"(?:manually|by hand)\b",
                            re.IGNORECASE)
_LEVEL_UP_RE = re.compile(r"(?:もう一段|一段上|レベルアップ|ブラッシュアップ|磨き上げ|強化)[^。？?]{0,25}?(?:何を足|何を加え|何が足り|どうすれば|には)|"
                          r"\b(?:level up|strengthen|polish) (?:this|my|the|that) (?:[\w-]+ ){0,2}?(?:project|portfolio|app)\b|"
                          r"\btake (?:it|this|that|my project|the project) (?:to the next level|further)\b", re.IGNORECASE)
_WHAT_TO_LEARN_RE = re.compile(r"何を(?:学|勉強|積み上げ|身につけ|作|や)|次に何|(?:やる|す)べきこと|\bwhat (?:should|do|would) i (?:learn|study|build|"
                               r"focus on|work on)\b|\bwhat to (?:learn|study|build|focus on)\b|"
                               # (and how to get there: "How would I position myself to move into a recommendation-focused
                               # ML engineer role?", usefulness86 #33 got the analyst card alone)
                               r"\bhow (?:would|should|do|can) i (?:position|prepare)\b", re.IGNORECASE)
# Someone who has built on LLMs ("Hugging FaceでBERTのファインチューニングをやったのと、LangChainでRAGのアプリを1つ作りました")
# writes Python and handles data: not planned from Python's syntax (usefulness93 #30, graded 0)
_BUILT_LLM_RE = re.compile(r"(?:RAG|ファインチューニング|LoRA|チャットボット)[^。！？]{0,30}?(?:作り|作っ|作れ|やった|やりました|実装し|構築し)|"
                           r"\b(?:built|made|shipped|have|developed)\s+(?:a |an |my |our |two |three |several )?(?:working |small |simple )?"
                           r"(?:rag|llm|chatbot)\b|\bfine-?tuned (?:a |an |my )?(?:bert|llm|small|open|model)", re.IGNORECASE)
_BUILT_LLM_APP_RE = re.compile(r"(?:RAG|チャットボット|LangChain|LLMアプリ)[^。！？]{0,30}?(?:作り|作っ|作れ|実装し|構築し|運用)|"
                               r"\b(?:built|made|shipped|developed|deployed|run|running)\s+(?:a |an |my |our )?(?:[\w-]+ ){0,2}?"
                               r"(?:rag|chatbot|llm app)", re.IGNORECASE)
# (a model, an LLM app or a chatbot of one's own: the message is not about infrastructure alone)
_MODEL_WORD_RE = re.compile(r"モデル|\bmodels?\b|\brag\b|\bllms?\b|chatbot|チャットボット", re.IGNORECASE)
_PYTHON_WORD_RE = re.compile(r"python|fastapi|flask|django|pandas|numpy|パイソン", re.IGNORECASE)
_RESEARCH_GOAL_RE = re.compile(r"\blean(?:ing)? (?:more )?(?:toward|towards|into) (?:ml |ai |nlp |cv |vision |dl )?research\b|"
                               # ("I want to move toward NLP research", usefulness361 #60, graded 1)
                               r"\b(?:move|go|head|pivot|get) (?:more )?(?:toward|towards|into) (?:ml |ai |nlp |cv |vision |dl )?research\b|"
                               r"研究寄りの(?:仕事|職|道|キャリア)(?:に進|を目指|に行)|研究(?:職|者)の?(?:方向|道)に進み", re.IGNORECASE)
# each goal, with its cards in the order they are preferred: a card's requires decides whether it fits (the skills
# past what the asker has built, else the path from the start)
_GOAL_CARDS = ((_LLM_GOAL_RE, (LLM_BEYOND_CARD, LLM_PATH_CARD), _LLM_CARDS),
               (_RECSYS_GOAL_RE, ("spec-recommender-production", "spec-recommender-study", "project-recommender"),
                frozenset()),
               (_MLOPS_GOAL_RE, ("tool-mlops-after-deploy",), frozenset()),
               # (usefulness309 #56 and 312 #57: a vision model built, computer vision the goal, got a recommender project)
               (_CV_GOAL_RE, ("spec-cv-path",), frozenset()),
               # LLM work of one's own and what to learn next ("OpenAIのAPIを使ったRAGのチャットボットを作って、部署で半年運用
               # しています。…次に何を学べば": usefulness107 #28, graded 0, got the job-search checklist alone)
               # (an LLM app, not a fine-tuned BERT classifier: usefulness109 #30 read that framing as a misreading)
               (_BUILT_LLM_APP_RE, (LLM_BEYOND_CARD,), _LLM_CARDS),
               # a deployed project taken further ("FastAPIでAPI化してDockerで動かすところまでできました。これをポートフォリオ
               # としてもう一段レベルアップさせるには、何を足せば": usefulness99 #28, graded 0, got three new projects);
               # the card's requires keeps it to projects that are deployed
               (_LEVEL_UP_RE, ("tool-mlops-after-deploy",), frozenset()),
               # research as where they lean, from someone who implements models ("can implement a transformer from scratch in
               # PyTorch after reading Attention Is All You Need. I'd like to lean toward research. What should I do next?",
               # usefulness341 #60, graded 1, was listed a recommender and sentiment projects)
               (_RESEARCH_GOAL_RE, ("ladder-research-engineer",), frozenset()))
# the cards on the skills past what the asker has built toward their goal: beside a next-step checklist they come first
# (usefulness89 #57, graded 0: a RAG builder going deeper into fine-tuning and evaluation read the checklist's linear
# regression first)
GOAL_BEYOND_CARDS = frozenset(ids[0] for _, ids, _ in _GOAL_CARDS)


def goal_card(kb: KnowledgeBase, result: SearchResult, answer: Answer, asker: Asker) -> Answer | None:
    """The card on the path to the message's goal beside a next-step answer, when it is an LLM-engineer job ("I built a
    RAG chatbot … What should I learn next if I want to be hired as an LLM engineer rather than just someone who glues
    APIs together?"), recommender work or MLOps: the roadmap's checklist says nothing of Transformers, RAG or evaluating
    outputs (usefulness66 #57, graded 0, got the MLOps checklist alone), of candidate generation and ranking, or of
    what comes after a first deployment. Someone who has built that far already gets the card on the skills past it
    (usefulness75 #30, 76 #57, 78 #30: "ファインチューニングや評価など、次に何を", "MovieLensで協調フィルタリングと行列分解は
    実装", graded 0, got the path from the start or the checklist alone). None otherwise."""
    # (or beside a card, when the message asks what to learn or build: "NLP・LLM系のエンジニアとして新卒就職したいです。
    # …何を積み上げておけば良いですか？" got the RAG-or-fine-tuning card alone, usefulness80 #30)
    if answer.kind != "next" and not (answer.kind == "card" and _WHAT_TO_LEARN_RE.search(result.query)):
        return None
    goal = next(((ids, alike) for pattern, ids, alike in _GOAL_CARDS if pattern.search(result.query)), None)
    # (nor beside another card on the goal, which says much the same: usefulness73 #57's grader read it as repeated)
    if goal is None or answer.card in {*goal[0], *goal[1]}:
        return None
    fits = card_fits(kb, result.query)  # (only once a goal is named: it reads the whole message)
    # (RAG or fine-tuning named as what they want to learn is no LLM work built: "Now I want to move into LLMs
    # (fine-tuning, RAG, evaluation)" got "If you can already build apps on LLMs…", usefulness105 #58)
    wish = bool(_LLM_WISH_RE.search(result.query)) and not _BUILT_LLM_RE.search(result.query)
    # (nor a BERT classifier fine-tuned, with LLM apps the goal: "I fine-tuned BERT for sentiment classification … I want to
    # move toward building LLM applications", usefulness286 #59, was told "If you can already build apps on LLMs")
    wish = wish or bool(_BERT_ONLY_RE.search(result.query) and not _BUILT_LLM_APP_RE.search(result.query))
    card = next((c for c in (kb.cards_by_id.get(cid) for cid in goal[0])
                 if c is not None and fits(c) and not (wish and c.id == LLM_BEYOND_CARD)), None)
    return compose_card(kb, card, result, asker, answer.lang, []) if card is not None else None


_BERT_ONLY_RE = re.compile(r"\bfine-?tuned (?:a |an |my )?(?:distil)?bert\b|BERT(?:を|で)[^。！？]{0,20}?ファインチューニング", re.IGNORECASE)
_LLM_WISH_RE = re.compile(r"\b(?:want|like|hope|plan|aim)s? to (?:move|get|go|learn|dive|pivot|transition|switch)[^.?!]{0,40}?"
                          r"\b(?:rag|fine-?tuning|lora)\b|(?:RAG|ファインチューニング|LoRA)[^。？?]{0,25}?"
                          r"(?:を学びたい|をやりたい|に進みたい|を勉強したい|を身につけたい|に挑戦したい)", re.IGNORECASE)


# the goal asked about as realistic ("2年以内に現実的でしょうか", "is this goal realistic at all"), not a realistic route
# to something else ("年収をなるべく維持できる現実的なルート")
_GOAL_REALISTIC_RE = re.compile(r"現実的(?:です|でしょう|な(?:目標|の)|か|に)|無理(?:です|でしょう|かな|か|な)?[かの？?]|"
                                r"可能(?:です|でしょう)?か|間に合|\brealistic\b(?! (?:routes?|paths?|ways?|options?|plans?)\b)|"
                                r"\bfeasible\b|\bdoable\b|\beven possible\b", re.IGNORECASE)
_WHICH_RE = re.compile(r"どういう|どんな|どの|どっち|どちら|どれ|\bwhich\b|\bwhat kind\b|\bwhat (?:direction|path|route)\b",
                       re.IGNORECASE)
_HOW_LONG_ASKED_RE = re.compile(r"(?:どのくらい|どれくらい|どれぐらい|どのぐらい)の期間|期間を見込|期間の目安|"
                                r"何年(?:くらい|ぐらい|ほど)?(?:かか|見て|見込|必要)|何(?:ヶ|か|カ|ケ)月(?:くらい|ぐらい|ほど)?(?:かか|見て|見込|必要)|"
                                r"\bhow long\b|\bhow many (?:months|years)\b", re.IGNORECASE)
_LADDER_WORDS_RE = re.compile(r"シニア|リード|昇進|昇格|マネージャ|管理職|\bsenior\b|\blead\b|\bstaff\b|\bpromot|\bmanager\b",
                              re.IGNORECASE)
# the asker's own figure: what "duration_personal" says before its first placeholder
_PERSONAL_PACE = tuple(text.split("{")[0].strip() for text in MESSAGES["duration_personal"].values())
PACE_CARD = "time-job-ready"  # the hours from zero to ready-to-apply, less what the asker covers, at their pace


def pace_card(kb: KnowledgeBase, result: SearchResult, answer: Answer, asker: Asker) -> Answer | None:
    """The hours to ready-to-apply at the asker's own pace when a long message asks how long it will take, or states its
    hours a week and asks whether its goal is realistic ("…12 hours a week… realistic within two years?", "With 4-5 hours a week, is this
    goal realistic at all?"), and the card that answers gives no figure. None otherwise. (usefulness64 #31 and #41
    got a background or math card that never said whether it was realistic.)"""
    context = _context(result.query)
    if answer.kind != "card" or not context.long:
        return None
    asked = split_sentences(context.asked_text)
    # (how long it will take, asked outright: "40代から未経験でMLエンジニアになる場合、どのくらいの期間を見込めばいい
    # ですか？" got the card on the asker's age alone, usefulness78 #3)
    # (not how long a later step takes: "ジュニアからシニアMLエンジニアになるまで普通何年くらい" is the ladder's)
    how_long = any(_HOW_LONG_ASKED_RE.search(x) and not _LADDER_WORDS_RE.search(x) for x in asked)
    # (whether the goal is realistic, not which way is: "医療系のどういう方向を狙うのが現実的ですか")
    if not how_long and not any(_GOAL_REALISTIC_RE.search(x) and not _WHICH_RE.search(x) for x in asked):
        return None
    if any(words in answer.answer for words in _PERSONAL_PACE):  # (a time card of another question gave it already)
        return None
    if not how_long and hours_in_question(result.query) is None and not asker.hours_per_week:
        return None
    card = kb.cards_by_id.get(PACE_CARD)
    answered = kb.cards_by_id.get(answer.card or "")
    if card is None or card.duration is None or (answered is not None and answered.duration):
        return None
    return compose_card(kb, card, result, asker, answer.lang, [])


@functools.lru_cache(maxsize=512)
def _terms_pattern(terms: frozenset[str]) -> re.Pattern[str]:
    """A pattern for any of these terms, each a Latin term as a word ("git" is not in "digital"); never matches
    for none."""
    words = [re.escape(t) if not t.isascii() else r"(?<![a-z0-9])" + re.escape(t) + r"(?![a-z0-9])"
             for t in sorted(terms, key=len, reverse=True)]
    return re.compile("|".join(words) or r"(?!)")


def _subject_patterns(kb: KnowledgeBase) -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    """For each card :func:`subject_card` may add: the pattern of its subjects a question names, and of those
    an answer speaking of them names (with their aliases), each a Latin term as a word (see :func:`_terms_pattern`)."""
    out = []
    for cid, terms in _per_kb("subjects", kb, _subjects).items():
        if not _SUBJECT_CARD_RE.match(cid) or cid in _NOT_SUBJECT_CARDS or (cid.startswith("tool-") and "-vs-" in cid):
            continue
        if terms - _COMMON_SUBJECTS:
            out.append((cid, _terms_pattern(frozenset(terms - _COMMON_SUBJECTS)),
                        _terms_pattern(frozenset(a for t in terms for a in (t, *_SUBJECT_ALIASES.get(t, ()))))))
    return out


# Cards about study time and timelines, and a question that asks about time.
# (cards that give a schedule or a stage's hours of their own; not those on whether a span is enough, or on an
# irregular schedule)
_PLAN_CARD_RE = re.compile(r"(?:time-(?:whole-roadmap|per-stage|zero-programming|core-ml|projects|mlops)|start-3-month-plan|"
                           r"start-weekly-hours|start-weekly-routine)$")
_TIME_CARD_RE = re.compile(r"time-|start-weekly-hours$|bg-busy-full-time$")
_HOW_LONG_CARD_RE = re.compile(r"time-(?!irregular-schedule$)")  # (how to study on shifts is no figure of hours)
# a span named ("半年で行ける？", "in 18 months", "2年以内に")
_SPAN_RE = remembered(r"半年|[0-9０-９一二三四五六七八九十]+\s*(?:ヶ月|か月|カ月|ケ月|年|週)|\b\d+\s*(?:months?|years?|weeks?)\b|"
                      r"\b(?:a|one|two|three|six) (?:months?|years?)\b|\bfast\b|\bquick|早く|最短", re.IGNORECASE)
_TIME_ASKED_RE = remembered(r"時間|期間|何(?:ヶ|か|カ|ケ)月|何年|いつ|(?:どれ|どの)(?:くらい|ぐらい)|かか[りる]|\bhow long\b|\bhours?\b|\btimeline\b|"
                            r"\bmonths?\b|\byears?\b|\bweeks?\b|\bwhen\b|\bhow much time\b", re.IGNORECASE)


def _card_for_age(kb: KnowledgeBase, card: Card, query: str) -> Card:
    """An age-banded card for a stated age outside its band is swapped for the card written for that age
    (the "30s" card does not answer a 45-year-old), when there is one."""
    if card.ages is None:
        return card
    age = age_in_question(query)
    # (someone retired has the time and the field of the oldest band's card, not a job to fit study around: "I'm 52 and
    # recently retired from the Army … maybe as a consultant", usefulness160 #39, graded 0, was told to start with data
    # work at the company they had left)
    if _RETIRED_RE.search(query) and (age is None or age >= RETIRED_FROM_AGE):
        return _card_of_age(kb, OLDEST_BAND_AGE) or card
    if age is None or card.ages[0] <= age <= card.ages[1]:
        return card
    target = _card_of_age(kb, age)
    if target is None:
        return card
    # (and that age's card for the asker's career when it fits: a 42-year-old embedded engineer matched the oldest
    # band's card by 0.001 over the 40s engineer's and was swapped to the 40s card, usefulness260 #3, graded 1)
    variant = next((c for c in kb.cards if c.id.startswith(target.id + "-") and fits_asker(kb, c, query, age)), None)
    return variant or target


_RETIRED_RE = re.compile(r"\bretired\b|\bretirement\b|定年退職|定年後|定年を迎え|早期退職し(?:まし|た)|退職しました|退職した|リタイアし",
                         re.IGNORECASE)
RETIRED_FROM_AGE = 45
OLDEST_BAND_AGE = 60


_BARE_AGE_RE = re.compile(r"\s*(?:is|am i|at)?\s*(\d\d)\s*(?:years? old|yo|y/o)?\s*(?:too late|too old|to late)"
                          r"(?:\s+(?:to|for)\s+(?:start|begin|switch|learn|get started|change careers?)(?:\s+(?:now|ml))?)?"
                          r"\s*[?？!.]*\s*$", re.IGNORECASE)


def _card_of_age(kb: KnowledgeBase, age: int) -> Card | None:
    """The age-banded card written for this age, if there is one."""
    return next((c for c in kb.cards if c.ages and c.ages[0] <= age <= c.ages[1]), None)


# ------------------------------------------------------------------------------------------ durations

_NUM = r"(\d+(?:\.\d+)?)(?:\s*(?:〜|~|～|-|–|から|to)\s*(\d+(?:\.\d+)?))?\+?"  # a number, a range "10〜12", "20+"
_ABOUT_JA = r"(?:に|で)?\s*(?:だいたい|大体|約|およそ|平均|最低)?\s*"
_HOURS_RE = [
    (re.compile(r"週" + _ABOUT_JA + _NUM + r"\s*(?:時間|h)"), 1.0),
    (re.compile(_NUM + r"\s*時間\s*/\s*週"), 1.0),
    (re.compile(_NUM + r"\s*(?:hours?|hrs?|h)\s*(?:a|per|/|each|every)\s*week|" + r"(?<![\d.])" + _NUM
                + r"\s*(?:hours?|hrs?|h)\s*weekly", re.IGNORECASE), 1.0),
    (re.compile(r"(?:1日|一日|毎日)" + _ABOUT_JA + _NUM + r"\s*(?:時間|h)"), 7.0),
    # "about 5-6 hours on weekdays" (a weekday's figure), before "… a day"
    (re.compile(_NUM + r"\s*(?:hours?|hrs?|h)\s*(?:a day\s*)?(?:on|every|each|per)\s*weekdays?\b", re.IGNORECASE), 5.0),
    (re.compile(_NUM + r"\s*(?:hours?|hrs?|h)\s*(?:a|per|/|each|every)\s*day", re.IGNORECASE), 7.0),
    # "45 minutes a day", "1日30分"
    (re.compile(_NUM + r"\s*(?:minutes?|mins?)\s*(?:a|per|/|each|every)\s*(?:day|night)", re.IGNORECASE), 7.0 / 60),
    (re.compile(r"(?:1日|一日|毎日)" + _ABOUT_JA + _NUM + r"\s*分"), 7.0 / 60),
    # "子どもが寝た後に30分くらいしか取れません", "通勤中の20分": a daily slot
    (re.compile(r"(?:夜|朝|寝た後|寝る前|通勤中?|昼休み|仕事の後|帰宅後)(?:に|は|の)?" + _ABOUT_JA + _NUM + r"\s*分"
                r"|" + _NUM + r"\s*分(?:くらい|ぐらい|ほど|程度)?しか"), 7.0 / 60),
]


# "平日1.5時間、休日3時間": weekdays and weekend days given apart (a day's figure each)
# ("平日は子どもが寝た後の1時間くらい": a time after something, not "平日は仕事で8時間")
_WEEKDAY = (r"平日(?:は|に)?(?:夜|朝|夜に|朝に|仕事の後に?|[^\d。、！？?!\n]{1,12}?(?:後|あと)(?:の|に|で|は)?(?:夜|朝)?)?(?:は|に)?"
            r"(?:1日|一日|毎日)?" + _ABOUT_JA + _NUM)
_WEEKDAY_RE = re.compile(_WEEKDAY + r"\s*(?:時間|h)")
_WEEKDAY_MIN_RE = re.compile(_WEEKDAY + r"\s*分")
_WEEKEND_RE = re.compile(r"(?:休日|土日|週末|休みの日|お休みの日)(?:は|に|で)?(?:それぞれ|各)?" + _ABOUT_JA + _NUM + r"\s*(?:時間|h)")
# "土日で合計6時間", "週末は合わせて5時間": the weekend's total, not each day's
_WEEKEND_TOTAL_RE = re.compile(r"(?:休日|土日|週末|休みの日|お休みの日)(?:は|に|で)?(?:合計|合わせて|あわせて|計)(?:で)?" + _ABOUT_JA + _NUM
                               + r"\s*(?:時間|h)")


# "1 hour on weekdays, 4 hours each weekend day", "weekdays 1 hour, weekends 4 hours each": the English forms
_EN_DAYS = r"(?:weekdays?|weeknights?|work ?days?)"
_EN_WEEKDAY_RE = re.compile(_NUM + r"\s*(?:hours?|hrs?|h)\s*(?:a day\s*|a night\s*)?(?:on|every|each|per|during(?: the)?)\s*"
                            + _EN_DAYS + r"\b|\b" + _EN_DAYS + r"\s*[,:-]?\s*(?:about|around|maybe|like|~)?\s*" + _NUM
                            + r"\s*(?:hours?|hrs?|h)\b", re.IGNORECASE)
_EN_WEEKEND_RE = re.compile(_NUM + r"\s*(?:hours?|hrs?|h)\s*(?:(?:each|a day|per day)\s*)?(?:on|over|at|during(?: the)?)?\s*"
                            r"(?:the\s*)?weekends?\b(?:\s*(?:each day|each|per day|a day))?|"
                            r"\bweekends?\s*[,:-]?\s*(?:about|around|maybe|like|~)?\s*" + _NUM + r"\s*(?:hours?|hrs?|h)\b"
                            r"(?:\s*(?:each(?: day)?|per day|a day))?", re.IGNORECASE)
_EACH_DAY_RE = re.compile(r"\beach\b|\b(?:a|per) day\b", re.IGNORECASE)  # "4 hours each": a weekend day's figure
# (a weekly figure, not "lay out a week-by-week plan")
_EN_WEEKLY_RE = re.compile(r"\b(?:a|per|each|every)\s*week\b(?![- ]by[- ])|\bweekly\b|/\s*week", re.IGNORECASE)

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# A month named as a deadline: "month-by-month to June 2027" (usefulness45 #60 got 12 weeks), "by the end of March",
# "6月までに", "来年3月末まで", "締切（6月）までに"
_DEADLINE_EN_RE = re.compile(r"\b(?:by|until|till|before|to|through)\s+(the\s+end\s+of\s+|end\s+of\s+|early\s+|mid[- ]|late\s+)?(?:next\s+)?"
                             r"(january|february|march|april|may|june|july|august|september|october|november|december|"
                             r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?(?:\s+(20\d\d))?", re.IGNORECASE)
_DEADLINE_JA_RE = re.compile(r"(?:(20\d\d)年|(来年|再来年)の?)?\s*(\d{1,2})月(末|中|下旬|中旬|上旬|頃|ごろ)?[)）]?\s*"
                             r"(?:まで|の締め?切|締め?切|〆切)")


def deadline_weeks(text: str, today: date | None = None) -> int | None:
    """Weeks from ``today`` to the month a message names as its deadline (to the end of that month; a month with no
    year that has passed this year is next year's), or None."""
    today = today or date.today()
    m = _DEADLINE_EN_RE.search(text)
    if m is not None:
        end, month, year = bool(m.group(1)) and "end" in m.group(1).lower(), _MONTHS.index(m.group(2).lower()[:3]) + 1, m.group(3)
        year_n = int(year) if year else None
    else:
        m = _DEADLINE_JA_RE.search(text)
        if m is None or not 1 <= int(m.group(3)) <= 12:
            return None
        month, end = int(m.group(3)), m.group(4) == "末"
        year_n = int(m.group(1)) if m.group(1) else today.year + (1 if m.group(2) == "来年" else 2) if m.group(2) else None
    ahead = ((year_n or today.year) * 12 + month) - (today.year * 12 + today.month) + (1 if end else 0)
    if year_n is None and ahead <= 0:
        ahead += 12
    return min(max(1, ahead) * 4, MAX_WEEKS) if ahead > 0 else None


def _english_week(text: str) -> float | None:
    """Weekly hours from an English weekday figure and weekend figure given apart, if the text gives them so."""
    weekday = _EN_WEEKDAY_RE.search(text)
    if weekday is None or _EN_WEEKLY_RE.search(text):
        return None
    hours = _middle(weekday) * 5
    weekend = _EN_WEEKEND_RE.search(text)
    if weekend is not None:
        hours += _middle(weekend) * (2 if _EACH_DAY_RE.search(weekend.group()) else 1)
    return hours if 0 < hours <= 100 else None


_HOUR_WORDS = {"an": 1, "one": 1, "a couple of": 2, "a couple": 2, "two": 2, "a few": 3, "three": 3, "four": 4,
               "five": 5, "six": 6, "eight": 8, "ten": 10}
_WORD_HOURS_RE = re.compile(r"\b(an|one|a couple of|a couple|two|a few|three|four|five|six|eight|ten)\s+hours?\b",
                            re.IGNORECASE)
_A_NIGHT_RE = re.compile(r"\b(?:a|per|each|every)\s+(?:night|evening)\b", re.IGNORECASE)
# one weekend day's hours on top of a daily figure ("an hour a day, plus maybe a couple hours on Sunday")
_EN_ONE_DAY_RE = re.compile(_NUM + r"\s*(?:hours?|hrs?|h)\s*(?:on|every)\s*(?:sundays?|saturdays?)\b", re.IGNORECASE)
_HALF_HOUR_RE = re.compile(r"(\d+)\s*時間半")
_HOUR_AND_HALF_RE = re.compile(r"\ban hour and a half\b", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def hours_in_question(text: str) -> float | None:
    """Weekly study hours the learner states ("週10時間", "週だいたい10〜12時間", "2 hours a day",
    "10-12 hours a week", "平日1.5時間、休日3時間", "平日は夜1時間、土日で合計6時間"; a range counts as its middle), if any. A weekly figure
    wins over a daily one. "1時間半" is 1.5 hours, "an hour and a half" too."""
    text = _HALF_HOUR_RE.sub(lambda m: f"{m.group(1)}.5時間", text)
    text = _HOUR_AND_HALF_RE.sub("1.5 hours", text)
    # "about an hour a night … plus maybe a couple hours on Sunday" (usefulness52 #34): figures in words, a night
    # as a day
    text = _WORD_HOURS_RE.sub(lambda m: f"{_HOUR_WORDS[m.group(1).lower()]} hour", text)
    text = _A_NIGHT_RE.sub("a day", text)
    weekday, total, each = _WEEKDAY_RE.search(text), _WEEKEND_TOTAL_RE.search(text), _WEEKEND_RE.search(text)
    weekend = _middle(total) if total else _middle(each) * 2 if each else None
    minutes = None if weekday else _WEEKDAY_MIN_RE.search(text)  # "平日30分、休日2時間"
    if (weekday or minutes) and not re.search(r"週" + _ABOUT_JA + r"\d", text):
        per_day = _middle(weekday) if weekday else _middle(minutes) / 60
        hours = per_day * 5 + (weekend or 0.0)  # "平日夜に2時間" alone: the weekdays
        if 0 < hours <= 100:
            return hours
    english = _english_week(text)
    if english is not None:
        return english
    for pattern, factor in _HOURS_RE:
        m = pattern.search(text)
        if m:
            hours = _middle(m) * factor
            extra = _EN_ONE_DAY_RE.search(text) if factor == 7.0 else None  # "… plus 3 hours on Sunday"
            if extra is not None:
                hours += _middle(extra)
            if 0 < hours <= 100:
                return hours
    if weekend is not None and 0 < weekend <= 100:  # "勉強は週末に合計5時間くらいが限界": the weekend alone
        return weekend
    if _FULL_TIME_STUDY_RE.search(text):  # "I can study full time right now": a working week
        return FULL_TIME_HOURS
    return None


FULL_TIME_HOURS = 40.0
_FULL_TIME_STUDY_RE = re.compile(r"\b(?:study|studying|learn|learning)\s+(?:\w+\s+){0,2}?full[- ]?time\b|"
                                 r"\bfull[- ]time (?:study|studying|learning|on (?:this|it|ml))\b|"
                                 r"フルタイムで(?:勉強|学習)|(?:1日中|一日中|丸一日)(?:勉強|学習)|"
                                 # "夏休みの2か月（ほぼフルで使える）"
                                 r"フル(?:で|に)(?:使え|使う|勉強|学習|取り組)|(?:全部|丸々|まるまる)(?:勉強|学習)に(?:使え|あて|充て)",
                                 re.IGNORECASE)


def _middle(m: re.Match[str]) -> float:
    """The number a match states, or the middle of the range it states ("10〜12" -> 11)."""
    numbers = [float(g) for g in m.groups() if g is not None]
    return (numbers[0] + numbers[-1]) / 2


def duration_values(kb: KnowledgeBase, first: str, last: str, done: frozenset[str] = frozenset()) -> dict:
    """The placeholders of a duration card for the stage range ``first``..``last``."""
    lo, hi = kb.stage(first).order, kb.stage(last).order
    hours = sum(i.hours for s in kb.stages if lo <= s.order <= hi for i in s.items if i.id not in done)
    values: dict[str, float | int] = {"hours": round(hours)}
    for stage in kb.stages:  # every stage's own hours, for cards that list them
        values[f"hours_{stage.id.replace('-', '_')}"] = round(sum(i.hours for i in stage.items))
    for per_week in (5, 10, 20):
        weeks = math.ceil(hours / per_week)
        values[f"weeks_at_{per_week}"] = weeks
        values[f"months_at_{per_week}"] = max(1, round(weeks / WEEKS_PER_MONTH))
    return values


# Asked whether the goal is realistic at their pace ("現実的な目標なのか正直に知りたい", "is that even realistic?")
_REALISTIC_RE = re.compile(r"現実的|無理(?:です|でしょう|かな|か|な)?[かの？?]|可能(?:です|でしょう)?か|間に合|\brealistic\b|"
                           r"\bfeasible\b|\bdoable\b|\beven possible\b|\bis (?:it|that|this) possible\b", re.IGNORECASE)
REALISTIC_MONTHS = 24  # beyond two years at their pace, the answer says how to shorten it first


def _duration_text(kb: KnowledgeBase, card: Card, lang: str, asker: Asker, query: str,
                   known: frozenset[str] = frozenset()) -> str:
    """The card's figures, and the asker's own: less what they have done or say they know (their job or degree
    covers: "SIerでJavaを10年" is not starting from zero), at the hours a week they state."""
    assert card.duration is not None
    values = duration_values(kb, *card.duration)
    text = card.answer.get(lang).format(**values)
    per_week = hours_in_question(query) or asker.hours_per_week
    left = duration_values(kb, *card.duration, done=asker.done | known)["hours"]
    if per_week:
        weeks = math.ceil(left / per_week)
        months = max(1, round(weeks / WEEKS_PER_MONTH))
        text += t("duration_personal", lang, per_week=per_week, hours=left, weeks=weeks, months=months)
        if _REALISTIC_RE.search(query):  # "現実的な目標なのか正直に知りたいです" (usefulness50 #4 was never told)
            text += t("duration_realistic" if months <= REALISTIC_MONTHS else "duration_realistic_long", lang,
                      months=months)
    elif known and left < values["hours"]:
        text += t("duration_known", lang, hours=left, months=max(1, round(math.ceil(left / 10) / WEEKS_PER_MONTH)))
    return text


# ------------------------------------------------------------------------------------------ next steps


def _stage_done(stage: Stage, done: frozenset[str]) -> bool:
    return all(i.id in done for i in stage.items)


# The deep-learning framework a learner says they use ("comfortable with PyTorch", "fast.ai", "Hugging Face"): a
# step's resource in the other one is not offered (usefulness76 #55 and 77 #55, fast.ai learners, were sent to the
# TensorFlow tutorials for their sentiment model)
_FRAMEWORKS = {"pytorch": re.compile(r"pytorch|パイトーチ|fast\.?ai|hugging ?face|\bhf\b|nanogpt|karpathy", re.IGNORECASE),
               "tensorflow": re.compile(r"tensorflow|テンソルフロー|keras|ケラス", re.IGNORECASE)}


def _framework_avoid(kb: KnowledgeBase, query: str) -> frozenset[str]:
    """The resources in the framework the learner does not name, when they name exactly one."""
    named = [f for f, pattern in _FRAMEWORKS.items() if pattern.search(query)]
    if len(named) != 1:
        return frozenset()
    other = {"pytorch"} if named[0] == "tensorflow" else {"tensorflow", "keras"}
    return frozenset(r.id for r in kb.resources if other & set(r.tags) and named[0] not in r.tags)


def _steps(kb: KnowledgeBase, stage: Stage, done: frozenset[str], lang: str,
           avoid: frozenset[str] = frozenset()) -> list[Step]:
    """The stage's next open items, each with its best resource other than those in ``avoid`` (courses the
    learner says they finished: "Completed the Hugging Face course. next?" is not sent back to it)."""
    return [step_for(kb, i, lang, avoid) for i in stage.items if i.id not in done][:MAX_STEPS]


PROJECTS_STAGE = "projects"
MLOPS_STAGE = "mlops"
# the projects stage's example builds, which any few projects of one's own stand for, and the classic modelling
# that building them took ("3 scikit-learn projects (churn, credit risk, spam)" is past regression and trees:
# usefulness42 #56 was sent back to them)
EXAMPLE_PROJECTS = frozenset({"projects.recommender", "projects.sentiment-analysis", "projects.image-classifier",
                              "core-ml.linear-regression", "core-ml.decision-trees", "core-ml.evaluation"})


def _projects_count_re(en: str, ja_before: str, ja_after: str) -> re.Pattern[str]:
    """A count of projects: "<en> (…) projects", "<ja_before>つの作品", "作品を<ja_after>つ"."""
    return re.compile(rf"\b(?:{en})\s+(?:(?!(?:years?|months?|weeks?|days?|hours?)\b)[\w/+-]+\s+){{0,4}}?(?:projects|apps)\b|"
                      rf"(?:{ja_before})\s*(?:つ|個|本)?(?:の)?(?:作品|プロジェクト|アプリ)|"
                      rf"(?:作品|プロジェクト|アプリ)(?:を|は|が)?(?:{ja_after})\s*(?:つ|個|本)", re.IGNORECASE)


_SEVERAL_PROJECTS_RE = _projects_count_re(r"[2-9]|two|three|four|five|several|a few|a couple of|multiple",
                                          r"[2-9２-９]|二|三|四|五|いくつか|複数|何個か|数個",
                                          r"[2-9２-９]|二|三|四|五|いくつか|複数")
# three or more projects ("three portfolio projects", "作品を3つ")
_THREE_PROJECTS_RE = _projects_count_re(r"[3-9]|three|four|five|six|several|multiple", r"[3-9３-９]|三|四|五|複数",
                                        r"[3-9３-９]|三|四|五|複数")
# The field a learner says they are headed for, and the roadmap's example project of each
_FIELD_DIRECTION = {
    "nlp": re.compile(r"(?:NLP|LLM|自然言語処理|言語モデル)(?:や(?:NLP|LLM|自然言語処理|言語モデル))?\s*(?:の)?(?:方面|系の|系\s*[（(]|分野|の仕事|"
                      r"(?:ML|AI|機械学習)?エンジニア|に進|を専門|に特化|に関わ|をやりたい)|\b(?:nlp|llm) (?:engineer|engineering|role|job|work|"
                      r"position)s?\b|\bwork (?:on|with) (?:llms?|nlp)\b|\btoward(?:s)? (?:nlp|llm)|\binto (?:nlp|llms)\b|"
                      r"\b(?:especially|particularly|mainly|mostly) (?:llms?|nlp|llm fine-?tuning)\b|"
                      # ("I'm really interested in NLP and want to land an ML engineer role", usefulness333 #31, graded 0)
                      r"\binterested in (?:nlp|llms?|natural language processing)\b(?! (?:and|or) (?:cv|computer vision|vision))|"
                      # ("LLMを使ったアプリ開発をするエンジニアとして", usefulness79 #29 was planned a recommender and a CNN)
                      r"(?:LLM|生成AI)を使った[^。？?]{0,12}?(?:開発|エンジニア|アプリ)|\bllm[- ]app(?:lication)?s?\b|"
                      # ("LLM系の仕事を目指したい", "an LLM-focused role")
                      r"(?:LLM|生成AI)(?:系|関連)の(?:仕事|職|ポジション)|(?:LLM|生成AI)(?:関連|系)?の(?:ポートフォリオ|作品)|"
                      r"\b(?:nlp|llm)[- ](?:focused|centric|heavy|related|oriented) (?:roles?|jobs?|positions?|work)\b",
                      re.IGNORECASE),
    # ("画像系のMLエンジニアを目指してる": usefulness221 #28, graded 0, was planned a recommender and sentiment analysis)
    "cv": re.compile(r"(?:画像認識|画像系|画像処理|コンピュータビジョン|CV)\s*(?:の)?(?:方面|分野|の仕事|(?:ML|AI|機械学習)?エンジニア|に進|"
                     r"を専門|に特化)|\b(?:vision|image|cv)[- ](?:focused|centric|heavy|related|oriented) (?:roles?|jobs?|positions?|work)\b|"
                     r"\b(?:computer vision|cv) (?:engineer|engineering|role|job|work|position)s?\b|"
                     r"\bwork (?:on|with|in) computer vision\b|\b(?:go|get|move|break|pivot) into (?:computer vision|cv)\b",
                     re.IGNORECASE),
    "recsys": re.compile(r"(?:推薦|レコメンド)(?:システム)?(?:の)?(?:エンジニア|を専門|に特化|の仕事|分野|の分野|に進|に興味)|\brecommend(?:er|ation) (?:systems? )?"
                         r"(?:engineer|role|job|work)s?\b", re.IGNORECASE),
}
# MLOps items that a job outside ML also uses (general infrastructure tools, not ML work)
INFRA_ITEMS = frozenset({"mlops.api-docker", "mlops.pipelines", "mlops.ci-cd", "mlops.spark-big-data"})
# the resources' tags of each field; "other": fields no learner's direction names here (reinforcement learning)
_FIELD_TAGS = {"nlp": frozenset({"nlp", "llm"}), "cv": frozenset({"computer-vision"}), "recsys": frozenset({"recommender"}),
               "other": frozenset({"reinforcement-learning"})}
CHOOSE_FIELD_ITEM = "specialization.choose-field"
_FIELD_PROJECT_OF = {"nlp": "projects.sentiment-analysis", "cv": "projects.image-classifier",
                     "recsys": "projects.recommender"}
_NEXT_PROJECT_RE = re.compile(r"\bnext (?:ml )?project\b|\bwhat (?:should|could|can) i build next\b|"
                              r"次(?:に|の)(?:作る)?(?:作品|プロジェクト)|次に何を作", re.IGNORECASE)
_STAGE_WORD_RE = remembered(r"ステージ|段階|\bstage\b", re.IGNORECASE)
# A job the asker has ("I'm a QA engineer", "I work as a tester", "SEとして働いています")
_JOB_RE = re.compile(r"\b(?:i'?m|i am|i work as|working as)\s+(?:an?\s+)?(?:[\w/+-]+\s+){0,3}?(?:engineer|developer|"
                     r"analyst|tester|scientist|manager|administrator|admin|consultant|designer|programmer)\b|"
                     r"(?:エンジニア|プログラマー?|SE|テスター|アナリスト)(?:として|をして|をやって|です)", re.IGNORECASE)


# Someone who says they are ready to apply now ("two end-to-end projects on GitHub … I'm ready to start applying",
# "応募できる段階になりました"), not someone asking whether they are ("Am I ready to apply?", "not sure if I'm ready")
_READY_CLAIM_RE = re.compile(
    r"\b(?:i'?m|i am|i feel|i think i'?m|i believe i'?m)\s+(?:now\s+|finally\s+|pretty\s+|basically\s+)?"
    r"(?:ready to (?:start\s+|begin\s+)?(?:apply|applying|job[- ]hunt|look(?:ing)? for (?:a |an )?(?:job|role|position)|"
    r"send (?:out )?applications)|about to start (?:applying|job[- ]hunting|sending applications))\b|"
    r"応募できる(?:状態|段階|レベル)(?:に|まで)(?:なり|なっ|来|き)|(?:そろそろ|いよいよ|来月から|今月から)?"
    r"(?:応募|転職活動|就活|就職活動)を(?:始めます|始めようと|始める予定|始めるところ|始めました)", re.IGNORECASE)
# and someone already applying ("I've also been applying for junior roles for a month": usefulness64 #57 was told five
# core-algorithm items were still open)
_APPLYING_RE = re.compile(r"\bi'?ve (?:also |already )?been (?:applying|job[- ]hunting)\b|"
                          r"\bi'?m (?:currently |already |now )?applying (?:for|to)\b|"
                          r"(?:転職活動|就職活動|就活|応募)(?:を)?(?:して(?:い|ま)|中)", re.IGNORECASE)
_UNSURE_BEFORE_RE = re.compile(r"(?:\bif|\bwhether|\bnot sure|\bwonder(?:ing)?|\bdon'?t know)\s*$", re.IGNORECASE)


def _ready_claim(kb: KnowledgeBase, result: SearchResult) -> bool:
    """Whether the message says they are ready to apply now, having built projects (a projects-stage item said
    done, or several projects): the job search is where they are (usefulness56 #60, "I'm ready to start applying",
    was planned three more months of projects and told linear regression was still open)."""
    m = _READY_CLAIM_RE.search(result.query) or _APPLYING_RE.search(result.query)
    if m is None or _UNSURE_BEFORE_RE.search(result.query[max(0, m.start() - 20):m.start()]):
        return False
    built = [i for i in (*result.items_finished, *result.items_known)
             if kb.items[i].stage == PROJECTS_STAGE] or _SEVERAL_PROJECTS_RE.search(result.query)
    return bool(built) and not result.items_pending


def compose_next(kb: KnowledgeBase, result: SearchResult, intent: NextIntent, asker: Asker, lang: str,
                 notices: list[str]) -> Answer | None:
    """Answer "what next? / I've finished X" from where the learner is. None when that is unknown.

    Where the learner is: the items they name as finished (added to their stored progress), else the
    stage they name, else their stored stage. A stage is finished when all its items are done, or when the
    learner says so of the whole stage ("core-mlは一通り終わった"); then the answer moves to the following
    stage, else it lists the stage's remaining items. It never moves behind the stored stage.
    """
    sep = "、" if lang == "ja" else ", "
    ready_open: Stage | None = None  # (a stage before the job search they have not said they did, when ready)
    work = kb.stages_by_id.get(WORK_STAGE)
    if work is not None and (asker.stage is None or kb.stage(asker.stage).order < work.order) \
            and _ready_claim(kb, result):
        # ready to apply now, with projects built: at the job search, the programming, ML and projects stages
        # taken as done; the MLOps stage, which the roadmap puts before applying, named as still open unless said
        projects = kb.stages_by_id[PROJECTS_STAGE]
        said = set(result.items_finished) | set(result.items_known)
        done = asker.done | {i.id for st in kb.stages if 1 < st.order <= projects.order for i in st.items}
        ready_open = next((st for st in kb.stages if projects.order < st.order < work.order
                           and not any(i.id in said or i.id in asker.done for i in st.items)), None)
        asker = replace(asker, stage=work.id, done=frozenset(done))
    elif asker.stage is None:  # "いまステージ2です", "Bot says I'm at stage 5": where they are, as if stored
        # (not "いまステージ2（Python基礎）まで終わったところです": that one is done; usefulness51 #30)
        through = _through_stage(kb, result)
        current = stated_stage(kb, result.query) if through is None else None
        if current is not None:  # (and past the stages before it: "stage 5" is not still owed the math)
            order = kb.stage(current).order
            asker = replace(asker, stage=current, done=asker.done | {i.id for st in kb.stages if st.order < order
                                                                      for i in st.items})
        elif through is not None:
            # "I've completed stages 1 through 4": those stages done, less what the message still asks for or says
            # is not done ("Next up is deep learning": usefulness50 #57 was told to finish the SVM and the math)
            open_ = set(result.items_asked) | set(result.items_pending)
            done = asker.done | {i.id for st in kb.stages if st.order <= through.order for i in st.items} - open_
            # (the foundations left open go alongside the next stage: "ステージ2まで終わった。線形代数は固有値で
            # つまずいてる" is at stage 3, the math beside it)
            at = next((st for st in kb.stages if st is not kb.stages[0] and not _stage_done(st, frozenset(done))),
                      None)
            asker = replace(asker, stage=at.id if at is not None else through.id, done=frozenset(done))
    plan_request = bool(_PLAN_RE.search(result.query) or _SPAN_NEXT_RE.search(result.query))  # "3ヶ月の学習計画を立てて"
    # "データアナリストとして3年働いています。計画を立てて": who they are, not what they finished (the job's
    # name is not the roadmap's "data analyst job" item, nor its stage); only what they say they know counts
    unsaid_plan = plan_request and not result.finished_said  # a plan request that says nothing was finished
    # (and a job the roadmap has no background for: "I'm a QA engineer (Python + Selenium, some CI with GitHub
    # Actions)… a study plan" lists the job's tools, not finished checklist items; read as finished, CI placed
    # them at the MLOps stage and planned interviews and papers)
    told = unsaid_plan and bool(result.backgrounds or _JOB_RE.search(result.query))
    named_items = [kb.items[i] for i in (result.items_known if told else result.items_finished)]
    # what a sentence that says something was finished claims to know ("I already know Docker and CI/CD, and I've
    # done …") places them too, as known, not finished (usefulness39 #58 was placed past the MLOps stage's CI/CD)
    if not told:
        named_items += [kb.items[i] for i in result.items_claimed if i not in result.items_finished]
    # "I'm a data analyst, … I've built a churn model": the job they have is not the roadmap's item that
    # names it ("Choose entry roles": data analyst), which would place them at the job-search stage
    job_words = {normalize(w) for b in result.backgrounds for w in kb.backgrounds_by_id[b].terms}
    named_items = [i for i in named_items if not job_words & {normalize(k) for k in i.keywords}]
    # (nor the role they want or have, not said done: "I work as a junior frontend dev … land a remote ML engineer job"
    # and "take a career changer my age seriously as a junior ML engineer" named the entry-roles item, and were planned
    # a resume and interviews, then papers: usefulness152 #31 and 153 #33, graded 0)
    if not result.finished_said:
        named_items = [i for i in named_items if i.id != TARGET_ROLES_ITEM]
    # "I finished Andrew Ng's Machine Learning Specialization": the checklist items that course covers, on
    # stages whose checklist is a curriculum (a course's lab is not one of the learner's portfolio projects)
    # (a course's items past the first stage it teaches, "松尾研の講座" -> its deep-dive item, do not place the
    # learner at their stage: only what it teaches first counts as built, below)
    course_extra: set[str] = set()
    # ("I'm taking the ML Specialization": none; "Did CS50P and I'm halfway through Stats 110": the one said done)
    # (nor one gone through in part: "the first half of Andrew Ng's ML Specialization" is not its deep learning;
    # usefulness64 #55 was placed at the deep-learning basics with the scikit-learn items still open)
    # (nor one whose items are all what the message asks for: "a 3-month plan to get me from here to training my first
    # neural networks" names 3Blue1Brown's "Neural Networks" as the goal, not as done; usefulness168 #60, graded 0, was
    # placed with the core algorithms almost finished)
    for rid in (r for r in (result.courses_named if not intent.partial else result.courses_finished)
                if r not in result.courses_partly
                and not (result.items_asked and set(kb.resources_by_id[r].items) <= set(result.items_asked))):
        taught = [kb.items[i] for i in kb.resources_by_id[rid].items
                  if i in kb.items and kb.stage(kb.items[i].stage).sequential]
        # (the first stage it teaches, a projects item included: CS231n's image classifier, not its specialisation
        # items, which placed "watched all the CS231n lectures… a plan" past the projects and MLOps; usefulness96 #58)
        first_order = min((kb.stage(kb.items[i].stage).order for i in kb.resources_by_id[rid].items if i in kb.items),
                          default=0)
        course_extra.update(i.id for i in taught if kb.stage(i.stage).order > first_order)
        # (nor what a plan is asked for to learn: "worked through chapters 1-9 of Hands-On Machine Learning. Can you give
        # me a plan for learning deep learning", usefulness263 #56, graded 0, was planned projects, deep learning done)
        named_items += [i for i in taught if i not in named_items
                        and not (plan_request and i.id in result.items_asked)]
    # A certificate they hold ("E資格に合格しました"): what its exam covers, as finished (an E資格 holder was planned
    # Colab set-up and Python's syntax first; usefulness84, graded 1)
    for rid in sorted(_passed_certificates(kb, result.query)):
        cert = kb.resources_by_id[rid]
        named_items += [kb.items[i] for i in (*cert.items, *cert.assumes) if i in kb.items
                        and kb.items[i] not in named_items and i not in result.items_pending]
    # (nor is a stage a plan request names without saying it was finished: "a junior frontend dev" has not
    # done the job-search stage)
    named_stage = None if unsaid_plan else next((kb.stages_by_id[s] for s in result.stages_finished), None)
    # a stage they say they finished ("I've finished the MLOps stage"), not only one the words match
    said_stage = named_stage is not None or (result.finished_said and bool(_STAGE_WORD_RE.search(result.query)))
    # A course they are still taking ("I'm taking the ML Specialization, not finished yet") places them on
    # the stage it teaches, with its items still open.
    if named_stage is None and not named_items:
        named_stage = next((kb.stage(kb.items[i].stage) for rid in result.courses_named
                            for i in kb.resources_by_id[rid].items if i in kb.items), None)
    # "What should my next project be?" with nothing placed: the projects stage, not the roadmap's start (a RAG
    # chatbot's builder was sent to the math foundations: usefulness36 #56, graded 0)
    project_asked = named_stage is None and not named_items and asker.stage is None \
        and bool(_NEXT_PROJECT_RE.search(result.query))
    if project_asked:
        named_stage = kb.stages_by_id.get(PROJECTS_STAGE)
    # No stored stage: a weaker hint, a keyword match; not when a course is named, whose title words
    # ("... Specialization") match a stage's text without naming it.
    # (not for a choice that names no stage, "G検定、合格しました。次はE資格か、手を動かすべきか": its card
    # answers, not the roadmap's first items found by a keyword of the first stage)
    if named_stage is None and asker.stage is None and not result.names_course and not unsaid_plan:
        named_stage = next((kb.stages_by_id[h.id] for h in result.passages
                            if h.id in kb.stages_by_id and h.keyword > 0), None)
        # (not past what they say is not done yet: "E資格に合格しました！ただ…ポートフォリオもまだ何もありません。転職に
        # 向けて次は？" is the projects stage, not the job search; usefulness52 #27, graded 0)
        pending = sorted((kb.stage(kb.items[i].stage) for i in result.items_pending), key=lambda st: st.order)
        if named_stage is not None and pending and pending[0].order < named_stage.order:
            named_stage = pending[0]
        if named_stage is kb.stages[0] and _CHOICE_RE.search(result.query) and not result.stages_named:
            named_stage = None
        # (nor at the job search by a word of the goal: "G検定に合格しました！ただ実装はほぼやったことないです。ここから
        # 実務に近づくための次のステップは？", usefulness123 #28, graded 0, was sent to choose entry roles and interviews)
        if named_stage is work and not result.stages_named:
            named_stage = None
    # What they say they know or use ("Pythonもnumpyも普通に使えます") is done too.
    # (and what the courses they finished assume or teach on the way: "ゼロつく1と2を読み終えて、CS229も一通り" is
    # not told the linear algebra and calculus are still open beside the projects)
    done = asker.done | frozenset(result.items_known) | _assumed(kb, result)
    named_stages = sorted((kb.stage(sid) for sid in {i.stage for i in named_items}), key=lambda s: s.order)
    if named_items:
        # the furthest stage they name, unless the stages between are untouched: "comfortable with Python and
        # Docker, never done ML" is not at the Docker item's stage (MLOps), but "linear regression done, and a
        # Kaggle competition" is at the competition's
        base = named_stages[0]
        touched = done | {i.id for i in named_items}
        # (known, not said to be finished: "comfortable with Docker" is not "I deployed it with Docker")
        known_only = frozenset(result.items_known + result.items_claimed) - (
            frozenset(result.items_finished) if result.finished_said else frozenset())
        for stage in named_stages[1:]:
            # done, not only known; nor what a course covers beyond the first stage it teaches ("松尾研の講座を修了":
            # its deep-dive item is not the specialisation stage reached past the projects and MLOps stages)
            built = any(i.stage == stage.id and i.id not in known_only and i.id not in course_extra for i in named_items)
            if built or all(any(i.id in touched for i in gap.items)
                            for gap in kb.stages if base.order < gap.order < stage.order):
                base = stage
        # Tools they only know, with nothing before them ("a sysadmin who knows Docker and Kubernetes, no ML
        # yet"), do not place them at the tools' stage: back to the first of the untouched stages before it
        # (the foundations, studied alongside, excepted).
        # (not someone whose own model runs: "comfortable with Docker and I've written a FastAPI service that serves a
        # PyTorch model" is past the foundations)
        # (infrastructure built outside ML, by someone who names no model of their own, implies nothing before it: "I passed
        # AWS Solutions Architect Associate and built a CI/CD pipeline with GitHub Actions for a small web app. I want to
        # move into MLOps", usefulness334 #58, graded 0, was told one MLOps item was left and planned the job search)
        # (and infrastructure built outside ML, from someone who names no model and no Python, is like tools known)
        infra_only = not _trains_models(kb, result) and not _MODEL_WORD_RE.search(result.query)
        outside_ml = infra_only and not _PYTHON_WORD_RE.search(result.query)
        if (all(i.id in known_only or (outside_ml and i.id in INFRA_ITEMS) for i in named_items)
                or _NO_ML_RE.search(result.query)) and not _runs_model(result.query):
            while True:
                before = kb.previous_stage(base.id)
                if before is None or before is kb.stages[0] or any(i.id in touched for i in before.items):
                    break
                base = before
        # the items named in clauses that say they are finished (not "…はまだ"), even when something else
        # is not done yet ("数学は一通り復習しました。ただ機械学習はまだです")
        done = done | {i.id for i in named_items}
        # (the items are from clauses that say so, so "深層学習はまだ" elsewhere in the message does not undo it)
        if result.finished_said:
            # Saying they finished it implies what comes before it on a sequential checklist: someone
            # through the scikit-learn tutorial is not sent back to Python basics.
            for stage in named_stages:
                if not stage.sequential:  # a Kaggle competition does not imply a recommender system
                    continue
                # (not from what a course touches past its first stage: Khan Academy's descriptive statistics
                # item says nothing of Python, NumPy and Pandas before it)
                # (nor from what they only know on a stage past where they are: knowing Docker says nothing of
                # packaging a notebook or tracking experiments)
                # (nor from the infrastructure tools someone uses in a job outside ML: a DevOps engineer's Docker,
                # pipelines and CI/CD say nothing of packaging a notebook, tracking experiments or a cloud ML service;
                # usefulness66 #58 was told only monitoring was left)
                # (nor from implementing something from scratch, which can be done with any one algorithm: "I coded
                # linear regression from scratch with gradient descent" was told the core algorithms were done,
                # usefulness289 #55, graded 0)
                said = [stage.items.index(i) for i in named_items if i.stage == stage.id and i.id not in course_extra
                        and not _standalone(i, named_items)
                        and i.id != FROM_SCRATCH_ITEM
                        and (i.id not in known_only or stage.order <= base.order)
                        and not ((result.backgrounds or infra_only) and i.id in INFRA_ITEMS)]
                if said:
                    done = done | {i.id for i in stage.items[: max(said) + 1]}
            done = done - frozenset(result.items_pending)  # "…but haven't started deep learning yet"
        else:
            # Knowing a later item of a sequential checklist implies the items before it: "I know sklearn,
            # LightGBM and basic PyTorch" is not sent back to Python basics. Not on a stage after the one
            # they are placed in ("comfortable with Docker" says nothing of packaging a notebook), nor in the
            # foundations, whose subjects are known separately (statistics says nothing of linear algebra).
            # (what they say they know, not what a course they name covers)
            for stage in named_stages:
                # (and what a message lists as its progress without saying "finished": "Python, scikit-learn,
                # one Kaggle bronze medal" is past Pandas)
                known = [stage.items.index(i) for i in named_items if i.stage == stage.id and not _standalone(i, named_items)
                         and (i.id in result.items_known or i.id in result.items_finished)
                         and not (result.backgrounds and i.id in INFRA_ITEMS)]  # (a job's tools: as above)
                if known and stage.sequential and stage is not kb.stages[0] and stage.order <= base.order:
                    done = done | {i.id for i in stage.items[: max(known) + 1]} - frozenset(result.items_pending)
    elif named_stage is not None:
        base = named_stage
    elif asker.stage:
        base = kb.stage(asker.stage)
    elif plan_request:
        # "I'm a backend engineer, make me a plan": from the start, less what their job covers; and a plan
        # from someone who says nothing the checklist knows ("Andrew Ngの機械学習コース終わった！半年分の
        # プランほしい") starts there too, rather than being answered with whatever card matches
        base = kb.stages[0]
    else:
        return None
    # A plan for the stage they ask for from someone who already runs a model of their own in production ("社内で
    # scikit-learnを使った需要予測モデルを作り、cronで週次バッチとして運用しています。…MLOpsを体系的に身につけたい"): that
    # stage, the ones before it taken as done (usefulness65 #29 was planned the job search, then linear regression)
    asked_stage = next((kb.stages_by_id[s] for s in result.stages_asked if s in kb.stages_by_id), None)
    if plan_request and asked_stage is not None and asked_stage.order > base.order and _RUNS_MODEL_RE.search(result.query):
        base = asked_stage
        done = done | {i.id for st in kb.stages if 1 < st.order < asked_stage.order for i in st.items}
    # Someone who says they have never programmed ("管理図とか回帰分析を使ったり…プログラミングはVBA以外ほぼ経験
    # なし", "26 years in signals, no real programming") is not past the programming stage, whatever they have done.
    # Nor is someone who says they have no projects yet ("I passed the AWS ML Engineer and GCP ML Engineer exams, but I
    # don't have any real projects yet": usefulness68 #59, graded 0 in both arms, was told the projects stage was done)
    # past the projects stage, nor someone who has never deployed a model ("I've never put a model into production":
    # usefulness72 #58, graded 0, was told MLOps was done) past the MLOps stage. The earliest stage denied wins.
    coding = kb.stages[1] if len(kb.stages) > 1 else base
    projects = kb.stages_by_id.get(PROJECTS_STAGE)
    for stage, denied in ((coding, _NO_CODE_RE), (projects, _NO_PROJECTS_RE),
                          (kb.stages_by_id.get(MLOPS_STAGE), _NEVER_DEPLOYED_RE)):
        if stage is not None and base.order > stage.order and denied.search(result.query):
            base = stage
    # and someone with no projects who asks what to build ("I just passed the AWS ML Engineer exam… I don't have any real
    # projects to show yet. What should I build next…?") is at the projects stage, not sent to Python's basics
    # (usefulness70 #58, graded 0), unless they say they cannot code or know no ML
    if projects is not None and base.order < projects.order and _NO_PROJECTS_RE.search(result.query) \
            and _NEXT_PROJECT_RE.search(result.query) and not (_NO_CODE_RE.search(result.query)
                                                                or _NO_ML_RE.search(result.query)):
        base = projects
    if asker.stage is None and not named_items and not result.stages_named and not _mentions_stage(result, kb) \
            and base is not kb.stages[0] and not project_asked:
        return None
    # What their job or degree usually covers ("I'm a backend engineer": the CS basics), unless they say
    # it is not done; said in the answer, so that they can ask for it back.
    skipped = [kb.items[i] for i in result.items_background if i not in done and kb.items[i].stage in
               {s.id for s in kb.stages if s.order >= base.order}]
    done = done | frozenset(result.items_background)
    # One item gone through, named as that item and not as its stage: "Pythonの基礎は一通り終わりました" is the Python
    # basics, not NumPy and Pandas too (usefulness138 #25 and 159 #25, graded 0, were sent on to regression); so is one
    # item named in another clause than the "一通り" ("ProgateのPythonコースと、Pythonの入門書を1冊やり終えました。for文とか
    # 関数とかクラスは一通り書けます", usefulness191 #25, graded 1, was told NumPy and Pandas were done); not when the message
    # names something of a later stage, which says they went on.
    finished_here = [i for i in result.items_finished if kb.items[i].stage == base.id]
    whole_items = list(result.items_whole) or ([] if result.courses_named else finished_here)
    one_item_whole = (len(whole_items) == 1 and kb.items[whole_items[0]].stage == base.id
                      and not result.stages_finished and len(finished_here) <= 1
                      and all(kb.stage(kb.items[i].stage).order <= base.order for i in result.items_named))
    whole = not intent.partial and (
        (not named_items and said_stage and named_stage is base)
        # ("『Pythonではじめる機械学習』を一通り読んで": the whole book, not the whole stage)
        or (any(not (result.courses_named and WHOLE_JA_RE.match(m.group()))
                for m in WHOLE_STAGE_RE.finditer(result.query))
            # (all of what it names: "Pythonの基礎とpandasはひと通り終わって、KaggleのTitanicにも一度提出" is not
            # the whole projects stage; usefulness50 #25 was sent on to the MLOps stage)
            and (not result.items_whole
                 or any(kb.stage(kb.items[i].stage).order >= base.order for i in result.items_whole))
            and not one_item_whole))
    if whole:
        # (less what they ask about in it: "scikit-learnで回帰・分類・クラスタリングは一通り…ディープラーニングに進む前に
        # やっておくべきことは？" has not done deep learning; usefulness166 #28 was sent on to the projects stage)
        # (not what the "all" names: "They're all Jupyter notebooks on GitHub. What should I do next so my portfolio
        # stands out?" has its portfolio on GitHub)
        done = done | ({i.id for i in base.items}
                       - (set(result.items_asked) - set(result.items_finished) - set(result.items_whole)))
    # Someone who says they have built several projects ("3 scikit-learn projects on tabular data on GitHub") has
    # done what the roadmap's example projects are for: they are not planned three more (usefulness39 #57: "prescribes
    # more projects … to someone who already has 3")
    # (and who has them, said without a word for finishing: "I have three portfolio projects on GitHub"; usefulness70 #60
    # was sent back to SVMs and clustering)
    if (result.finished_said or _OWN_PROJECTS_RE.search(result.query)) and _SEVERAL_PROJECTS_RE.search(result.query):
        done = done | (EXAMPLE_PROJECTS - frozenset(result.items_pending))
        # (and building three, an image classifier among them, took the core algorithms: not sent back to SVMs)
        ml = kb.stages_by_id.get(ML_STAGE)
        if ml is not None and _THREE_PROJECTS_RE.search(result.query):
            # (less what they ask to move into: "three scikit-learn projects … I want to move into deep learning now. Can
            # you give me a 3-month study plan?", usefulness353 #56, graded 0, was planned no deep learning)
            done = done | ({i.id for i in ml.items} - frozenset(result.items_pending) - frozenset(result.items_asked))
    # Someone already working as an ML engineer ("MLエンジニア歴4年で…", "I'm a junior ML engineer, about a year in")
    # has the work experience the job-search stage is for: not planned entry roles, a resume and interview prep again
    # (usefulness61 #57, usefulness62 #29: working ML engineers were given a junior's job-search checklist)
    done = done | _hired_items(kb, result.query)
    # Someone who built a model of their own ("社内で需要予測のモデルをJupyterで作って、PoCまでは成功しました") can write
    # Python and handle data with NumPy and Pandas: not told those are still open (usefulness69 #30, graded 1)
    # (and so can someone whose model runs, who has a Kaggle result or who knows scikit-learn well: see _shown_done)
    kaggle = _kaggle_result(result.query)
    # (not a model they say they have hardly built: "実際にコードを書いてモデルを作ったことはまだほとんどないです")
    if (_BUILT_MODEL_RE.search(result.query) and not _NO_CODE_RE.search(result.query)) \
            or _BUILT_LLM_RE.search(result.query) or kaggle \
            or _SKLEARN_SOLID_RE.search(result.query):
        done = done | (BUILT_MODEL_ITEMS - frozenset(result.items_pending))
    done = done | _shown_done(kb, result)
    # Pandas, NumPy or scikit-learn said to be known ("I can do basic pandas and scikit-learn") takes Python and a place to
    # run it: not told those are still open (usefulness285 #58, graded 0, was sent to setup and Python fundamentals)
    if (done | set(result.items_known)) & LATER_PROGRAMMING_ITEMS:
        done = done | (PYTHON_FIRST_ITEMS - frozenset(result.items_pending))
    if kaggle:  # (the competition item too, whatever else is said not done: "画像やNLPのコンペは未経験です")
        done = done | {KAGGLE_ITEM}
    # Someone headed for one field ("NLPやLLM方面に進みたい", "I want to work on LLMs professionally") builds their
    # projects in it: the roadmap's example projects of the other fields are not planned for them (usefulness59 #30
    # and #58, NLP and LLM learners, were planned a recommender, a CNN image classifier and Spark)
    fields = [f for f, pattern in _FIELD_DIRECTION.items() if pattern.search(result.query)]
    # (and has chosen their field: not told to choose one, nor pointed at another field's course; usefulness69 #29 and
    # #59, NLP and LLM learners, got "choose a field" with a deep reinforcement learning course)
    field_avoid: frozenset[str] = frozenset()
    if len(fields) == 1:
        done = done | (frozenset(_FIELD_PROJECT_OF.values()) - {_FIELD_PROJECT_OF[fields[0]]}
                       - frozenset(result.items_asked)) | {CHOOSE_FIELD_ITEM}
        own = _FIELD_TAGS[fields[0]]
        other = frozenset().union(*(tags for f, tags in _FIELD_TAGS.items() if f != fields[0]))
        field_avoid = frozenset(r.id for r in kb.resources if other & set(r.tags) and not own & set(r.tags))
    target: Stage | None = base
    while target is not None and _stage_done(target, done):
        target = kb.next_stage(target.id)
    # What they say they did or know, not what a degree or job usually covers (a CS graduate is not told the math
    # is "still open beside" programming, below)
    said_done = ({i.id for i in named_items} | set(result.items_known)) - set(result.items_background)
    moved_on = False
    # A plan for someone who has begun the foundations ("half of Mathematics for Machine Learning and
    # 3Blue1Brown's linear algebra; make me a plan to start building") starts with programming; the rest of
    # the math goes alongside it (as in the roadmap's own advice not to wait for the math).
    first = kb.stages[0]
    # So does a plan from zero: the roadmap's own advice is not to wait for the math (six months of math
    # first is a plan nobody keeps); the math is named alongside it.
    # (and so does "what next?" from someone who wants to get hands-on: "先月G検定に合格しました！ただ知識が増えただけで手を
    # 動かせる感じがしません", usefulness164 #27, graded 0, was sent to choosing a degree route and linear algebra)
    if (plan_request or _HANDS_ON_RE.search(result.query) or _G_KENTEI_HELD_RE.search(result.query)) \
            and target is first and base is first \
            and first.next is not None:
        target = base = kb.stage(first.next)
        # (not a stage their background already covers: "I'm already a data scientist… a plan" was told to
        # "finish Programming and data analysis first: 0 item(s) left")
        while _stage_done(base, done) and base.next is not None:
            target = base = kb.stage(base.next)
    # So does "what next?" from someone with no stored stage who has done part of the math ("done with 3Blue1Brown's
    # linear algebra and Khan Academy calc 1 and 2. now what, start coding ML or keep doing more math first?"): the
    # programming stage, the rest of the foundations named as still open beside it
    elif not plan_request and asker.stage is None and target is first and base is first and first.next is not None \
            and any(i.id in said_done for i in first.items if i.hours >= ALONGSIDE_HOURS):
        target = base = kb.stage(first.next)
        # (nor a stage their job already covers: a junior data analyst with 統計検定 2級 was told to "finish Programming and
        # data analysis first: 0 item(s) left", usefulness182 #60)
        while _stage_done(base, done) and base.next is not None:
            target = base = kb.stage(base.next)
        named_stages = list(dict.fromkeys([first, *named_stages]))
        moved_on = True
    # What they ask about decides where the answer starts, when it is still open: "FastAPIとかDockerを勉強すべき
    # だと思うんですが、次に何から？" is answered with the MLOps stage, "I want to move toward MLOps" too.
    # (a study group's moderator speaks of their own 勉強会, not of networking at meetups: "勉強会のモデレーターです。…勉強会で
    # どんなテーマや課題に取り組ませるのがいいでしょうか？", usefulness227 #30, graded 0, was sent to the networking item)
    own_group = bool(_MODERATOR_RE.search(result.query))
    asked = [kb.items[i] for i in result.items_asked if i not in done and not (own_group and i == NETWORKING_ITEM)]
    if not asked and target is not None and any(i.stage == target.id for i in named_items):
        # what they say they have never done in the stage after the one they have built in ("PyTorchで画像分類の
        # モデルは作れるようになりました。でもAPIにしたりクラウドにデプロイしたことは一度もありません"): what they ask for
        asked = [kb.items[i] for i in result.items_pending if i not in done and kb.items[i].stage == target.next]
    pending_asked = bool(asked) and not result.items_asked
    asked_stage = kb.stage(asked[0].stage) if asked else next(
        (kb.stages_by_id[s] for s in result.stages_asked  # (a job is what they all ask about; not a stage name)
         if s != WORK_STAGE and not _stage_done(kb.stages_by_id[s], done)), None)
    # (a plan starts where they are and runs through the stages; a choice between what it names, "DLに進んで
    # いい？それとも基礎を固めるべき？", follows the roadmap's order)
    # A plan toward a later stage that their job already covers part of ("a cloud engineer (Terraform, EKS,
    # CI/CD): a 6-month plan to move into MLOps") gives its second half to that stage, after the stages before
    # it (a plan of only Python and core ML, or of only MLOps with no ML, answers half the request).
    # So does a plan request that lists two or more of that stage's items ("a plan covering what I'm missing,
    # like deployment, Docker, pipelines"): what it asks for is not left for after the plan's end.
    focus = asked_stage if (plan_request and asked_stage is not None and target is not None
                            and asked_stage.order > target.order
                            and (any(kb.items[i].stage == asked_stage.id for i in result.items_background)
                                 or sum(i.stage == asked_stage.id for i in asked) >= 2
                                 # (or the stage itself: "I think MLOps is my weak spot now. … an 8 week plan",
                                 # usefulness52 #58, graded 0, was planned from Python basics)
                                 or (asked_stage.id in result.stages_asked and asked_stage.id != WORK_STAGE))) else None
    # (not back to the math they were just moved on from: "数学から実装に移るとき、次に何から？")
    what_next_asked = asked_stage is not None and asked_stage is not target and not _CHOICE_RE.search(result.query) \
        and not plan_request and not (moved_on and asked_stage is first)
    # a plan that asks for an item still open on an earlier stage starts there ("scikit-learnで回帰と分類は一通りやって、Kaggleの
    # Titanicも提出しました。次はディープラーニングに進むべきですか？…3ヶ月の学習計画", usefulness192 #26, graded 1, was planned
    # three projects with deep learning left open)
    earlier_planned = plan_request and bool(asked) and asked_stage is not None and target is not None \
        and asked_stage is not first and asked_stage.order < target.order and not pending_asked
    # A plan toward MLOps from someone who already trains and evaluates models ("I can train deep learning models in
    # PyTorch and evaluate them properly, but I've never deployed anything. Can you give me a 2-month plan to fill that
    # gap", usefulness335 #57, graded 0, and a data scientist's "本番運用は別チームに投げている…3ヶ月の学習計画", 339 #30,
    # graded 1, gave their first month to NumPy from scratch, SVMs and more projects): the models they have are what they
    # deploy, so the plan is MLOps's; what is still open before it is named
    # (a plan longer than the default span still has room for what comes before: "MLOps周りまで含めて半年の学習プラン")
    mlops = kb.stages_by_id.get(MLOPS_STAGE)
    deploy_plan = plan_request and mlops is not None and target is not None and target.order < mlops.order \
        and (plan_weeks(result.query) or DEFAULT_PLAN_WEEKS) <= DEFAULT_PLAN_WEEKS \
        and not _stage_done(mlops, done) and _trains_models(kb, result) \
        and (MLOPS_STAGE in result.stages_asked or bool(_NEVER_DEPLOYED_RE.search(result.query))
             or any(kb.items[i].stage == MLOPS_STAGE for i in result.items_pending))
    if deploy_plan:
        asked_stage, focus = mlops, None
    if what_next_asked or earlier_planned or deploy_plan:
        target = asked_stage
    else:
        asked_stage = None
    # After a job ("to land an ML engineer role"), placed past the job search without its preparation done (a CS
    # master's with a thesis and an internship: usefulness57 #59 was planned six weeks of an in-depth course and arXiv
    # papers): the job search
    if work is not None and target is not None and target.order > work.order and _APPLY_GOAL_RE.search(result.query) \
            and any(i.id not in done for i in work.items[:APPLY_PREP_ITEMS]):
        target, asked_stage = work, None
    # Programming said to be weak by someone placed past it ("I understand linear and logistic regression pretty well,
    # but my programming is weak. What should I focus on next?", usefulness282 #57, graded 0, was sent to decision trees
    # and SVMs): the programming stage, what they say they lack
    programming = kb.stages_by_id.get(PROGRAMMING_STAGE)
    if programming is not None and target is not None and target.order > programming.order and asked_stage is None \
            and not plan_request and _WEAK_PROGRAMMING_RE.search(result.query) and not _stage_done(programming, done):
        target = base = programming
    own = kb.stage(asker.stage) if asker.stage else None
    if own is not None and target is not None and own.order > target.order:
        target = own  # never send a learner back behind their stored stage
        asked_stage = None
    if target is None:  # the whole roadmap is done
        last = kb.stages[-1]
        return Answer(result.query, lang, True, t("after_last", lang, done=last.title.get(lang)),
                      [_doc_passage(kb, last.id, lang, 1.0)], [], [], result.relevance, notices, kind="next",
                      stage=last.id)
    avoid = frozenset(result.courses_finished) | field_avoid | _framework_avoid(kb, result.query)
    steps = _steps(kb, target, done, lang, avoid)
    # (a plan runs on into the following stages itself; a choice, "Kubernetes next, or monitoring?", is
    # answered by its options, not the next stage's first items)
    if not plan_request and not _CHOICE_RE.search(result.query):
        steps = following_steps(kb, target, steps, done, lang, MAX_STEPS, avoid)
    if asked_stage is not None:
        names = [i.title.get(lang) for i in asked if i.stage == target.id]
        intro = (t("pending_items" if pending_asked else "asked_items", lang, items=sep.join(names),
                   stage=target.title.get(lang)) if names
                 else t("asked_stage", lang, stage=target.title.get(lang)))
    elif (target is base or ready_open is not None) and not any(i.id in done for i in target.items):
        intro = t("begin_stage", lang, stage=target.title.get(lang))
    elif target is base:
        intro = t("continue_stage", lang, stage=target.title.get(lang),
                  n=len([i for i in target.items if i.id not in done]),
                  k=sum(s.item.stage == target.id for s in steps))
    else:
        finished = kb.previous_stage(target.id)
        intro = t("after_stage", lang, done=finished.title.get(lang), next=target.title.get(lang))
    lines = [intro, t("stage_goal", lang, goal=target.goal.get(lang))]
    # The maths said to be fuzzy by someone who already trains neural networks ("I just finished part 1 of the fast.ai
    # course … the math behind backprop is still fuzzy. What should I do next?", usefulness354 #55 and 355 #55, graded 1,
    # got three more projects): the calculus of gradients and a network implemented from scratch come first
    projects_stage = kb.stages_by_id.get(PROJECTS_STAGE)
    if not plan_request and _WEAK_MATH_RE.search(result.query) and projects_stage is not None \
            and (DL_BASICS_ITEM in done or target.order >= projects_stage.order):
        fix = [kb.items[i] for i in WEAK_MATH_ITEMS if i in kb.items and i not in done]
        if fix:
            steps = [*(step_for(kb, i, lang, avoid) for i in fix), *(s for s in steps if s.item not in fix)][:MAX_STEPS]
            lines = [t("weak_math", lang), t("weak_math_then", lang, stage=target.title.get(lang)), *lines[2:]]
    # a choice between items of the stage ("クラウドにデプロイすべきか、CI/CDやモデル監視をやるべきか、何から？":
    # usefulness50 #29 got a monitoring explainer first and no word on which): the roadmap's order decides
    options = [i for i in target.items if i in asked] if _CHOICE_RE.search(result.query) else []
    if len(options) >= 2:
        lines.insert(1, t("choice_order", lang, first=options[0].title.get(lang),
                          rest=sep.join(i.title.get(lang) for i in options[1:])))
    if skipped:
        titles = [kb.backgrounds_by_id[b].title.get(lang) for b in result.backgrounds]
        lines.append(t("background_skips", lang, background=(" / " if lang == "en" else "・").join(titles),
                       items=sep.join(i.title.get(lang) for i in skipped)))
    if ready_open is not None and target.id == WORK_STAGE:
        lines.append(t("applying_open" if _APPLYING_RE.search(result.query) else "ready_claim_open", lang,
                       stage=ready_open.title.get(lang),
                       items=sep.join(i.title.get(lang) for i in ready_open.items[:2])))
    following = kb.next_stage(target.id)
    while following is not None and _stage_done(following, done):  # (not a stage they said they finished)
        following = kb.next_stage(following.id)
    if following is not None:
        lines.append(t("then_stage", lang, next=following.title.get(lang)))
    if own is not None and own is not target and own.order < target.order:
        remaining = [i for i in own.items if i.id not in done]
        if remaining:
            lines.append(t("own_remaining", lang, stage=own.title.get(lang),
                           items=sep.join(i.title.get(lang) for i in remaining[:5])))
    # Finishing a later item (a Kaggle competition) does not finish the stages before it: say what is
    # still open in an earlier stage they named ("linear regression and Titanic" leaves the rest of core ML).
    # Someone who says they have done no ML yet and asks about a later stage ("a cloud engineer … zero ML so far.
    # What's the next step to move into MLOps?") is answered there, with the ML basics named as still open too.
    ml = kb.stages_by_id.get(ML_STAGE)
    no_ml = [ml] if ml is not None and _NO_ML_RE.search(result.query) else []
    told_open: set[str] = set()
    for stage in dict.fromkeys([*named_stages, base, *no_ml]):  # (and where they are, when they asked to go further)
        open_items = [i for i in stage.items if i.id not in done]
        if stage.order < target.order and open_items and stage is not own and not (plan_request and stage is first):
            told_open.add(stage.id)
            lines.append(t("earlier_open", lang, stage=stage.title.get(lang),
                           items=sep.join(i.title.get(lang) for i in open_items[:5])))
    stated = hours_in_question(result.query) or asker.hours_per_week
    if stated and not plan_request:
        # their pace at the hours they state ("平日は1時間、土日は3時間くらい使えます。次に何を？": usefulness43
        # #25 was graded down for ignoring the schedule): the stage's rest, and the way to ready-to-apply
        lines.append(_pace_line(kb, target, done, min(stated, MAX_HOURS), lang, plan_weeks(result.query)))
    if plan_request:  # a month-by-month plan from where they are
        # (and what they ask for in the stage the plan starts in or aims at: "3ヶ月後に画像分類のポートフォリオを1本"
        # plans the image classifier first of the projects; usefulness45 #26 got a recommender and sentiment first)
        plan_focus = focus if focus is not None and (own is None or own.order < focus.order) else None
        missing = tuple(dict.fromkeys([*(kb.items[i] for i in result.items_pending if i not in done),
                                       *(kb.items[i] for i in result.items_asked if i not in done
                                         and kb.items[i].stage in {target.id, plan_focus.id if plan_focus else ""})]))
        # A plan toward one field from someone who already trains deep-learning models: the field's in-depth course
        # first, one of that field's courses among the next steps ("I can fine-tune BERT-style models … I want an NLP
        # engineer role. Can you give me an 8-week plan", usefulness334 #57, and "fine-tuned BERT … move into LLM work.
        # 3-month study plan", 345 #57, graded 0, were planned Kaggle, a blog and MLflow with nothing of NLP or LLMs)
        # A plan toward deep learning ("そろそろ深層学習に進もうと思うんですが、3か月くらいの学習計画を", usefulness364 #27,
        # graded 1, was planned deep-learning basics, then a recommender and sentiment analysis): the network built from
        # scratch and the deep-learning projects follow the basics, before the other projects
        if DL_BASICS_ITEM in result.items_asked:
            dl = tuple(kb.items[i] for i in DL_PLAN_ITEMS if i in kb.items and i not in done)
            missing = (*dl, *(i for i in missing if i not in dl))
        dive = kb.items.get(DEEP_DIVE_ITEM)
        if dive is not None and len(fields) == 1 and dive.id not in done and DL_BASICS_ITEM in done \
                and kb.stage(dive.stage).order > target.order and not result.items_pending:
            missing = (dive, *(i for i in missing if i is not dive))
            steps = [step_for(kb, dive, lang, avoid), *(s for s in steps if s.item is not dive)][:MAX_STEPS]
        lines += ["", *_plan_lines(kb, target, done, asker, result.query, lang, frozenset(told_open), plan_focus,
                                   missing)]
    cited = [target, *([following] if following is not None else []), *([base] if base is not target else [])]
    passages = [_doc_passage(kb, s.id, lang, 1.0 / (n + 1)) for n, s in enumerate(cited)]
    resources = []
    for step in steps:
        if step.resource and all(step.resource.id != r.id for r in resources):
            resources.append(_ref(step.resource))
    return Answer(result.query, lang, True, "\n".join(lines), passages, resources[:MAX_RESOURCES], steps,
                  result.relevance, notices, kind="next", stage=target.id)


# The stage a message says the learner is at now ("いまステージ2です", "ステージ3って判定されました", "Bot says I'm at
# stage 5", "I was put at stage 2"): usefulness44 #29 ("いまステージ2です。…3ヶ月の学習プラン…ステージ3に上がれる
# ところまで") was planned stage-4 projects
_AT_STAGE_RE = remembered(
    r"(?:いま|今|現在)は?\s*(?:ステージ|stage)\s*([1-7１-７])\s*(?:です|にいます|にいる|だ|で|[。、,])|"
    r"(?:ステージ|stage)\s*([1-7１-７])」?\s*(?:って|と)(?:判定|言われ|診断|出)|"
    r"\b(?:i'?m|i am|currently|i'?m currently)\s+(?:at|on|in)\s+stage\s*([1-7])\b|"
    r"\b(?:put|placed|puts|has|have|had)\s+(?:me\s+)?(?:at|on|in)\s+stage\s*([1-7])\b", re.IGNORECASE)


def _stage_number(m: re.Match[str]) -> int:
    """The stage number a match captured (its first group that matched; full-width digits too)."""
    return int(next(g for g in m.groups() if g).translate(FULL_WIDTH_DIGITS))


def _numbered_stage(kb: KnowledgeBase, pattern: re.Pattern[str] | RememberedPattern, text: str) -> str | None:
    """The id of the stage ``pattern`` finds by number in ``text``, if it finds one."""
    m = pattern.search(text)
    return None if m is None else next((s.id for s in kb.stages if s.order == _stage_number(m)), None)


# Stages said finished up to one ("I've completed stages 1 through 4", "ステージ1〜4は終わりました", "ステージ3まで
# クリアしました", "done up to stage 3")
_THROUGH_STAGE_RE = re.compile(
    r"(?:\bstages?|ステージ)\s*[1-7１-７]\s*(?:-|–|~|〜|～|から|\bto\b|\bthrough\b|\bthru\b)\s*(?:stage\s*|ステージ)?"
    r"([1-7１-７])(?![0-9])|(?:ステージ|stage)\s*([1-7１-７])\s*(?:[（(][^）)]{0,24}[）)])?\s*まで|\b(?:up to|through)\s+stage\s*([1-7])\b|"
    # one stage said finished ("I'm done with stage 2, Python basics plus the math refresher": usefulness52 #56 was
    # told to finish stage 2 for the NumPy it did not name)
    r"\b(?:done with|finished|completed|through with)\s+(?:the\s+)?stage\s*([1-7])\b|"
    r"ステージ\s*([1-7１-７])\s*(?:は|が|を)?(?:全部|一通り|ひと通り|すべて)?(?:終わ|終え|完了|修了|クリア)", re.IGNORECASE)


def _through_stage(kb: KnowledgeBase, result: SearchResult) -> Stage | None:
    """The last of the stages a message says were finished up to, by number; None when it says none."""
    if not result.finished_said:
        return None
    sid = _numbered_stage(kb, _THROUGH_STAGE_RE, result.query)
    return kb.stage(sid) if sid is not None and sid in result.stages_finished else None


def stated_stage(kb: KnowledgeBase, text: str) -> str | None:
    """The id of the stage the message says the learner is at now, if it says one."""
    return _numbered_stage(kb, _AT_STAGE_RE, text)


# What it takes to move on: "ステージ4に進むための条件って何？", "how do I know I'm ready to move on from core ML?",
# "what should I be able to do before moving to stage 5?" (usefulness44 #18; the stages' exit criteria were shown
# only in Discord's /stage show, and the question was declined)
_READY_RE = re.compile(
    r"(?:進む|上がる|進める|上がれる|移る|卒業する|クリアする|次に行く|次へ行く)(?:ため)?の?(?:条件|基準|目安|判断基準)|"
    r"(?:条件|基準|目安)(?:は|って)[^。？?]{0,12}(?:進|上が|移)|(?:進んで|上がって|移って)(?:も)?(?:いい|良い|大丈夫)(?:か|の)?(?:の)?(?:目安|基準|判断)|"
    r"どこまで(?:でき|わか|分か|理解)(?:れば|たら)[^。？?]{0,16}(?:次|進|上が|卒業)|"
    r"\bready to (?:move|go) on\b|\bbefore (?:moving|going) on\b|\bbefore (?:i )?mov(?:e|ing) (?:on )?to\b|"
    r"\b(?:criteria|requirements?|conditions?) (?:to|for) (?:move|moving|advance|advancing|go|going|pass|passing|"
    r"reach|reaching|finish|finishing|complete|completing)\b|\bexit criteria\b|\bhow do i know (?:i'?m|i am) (?:ready|done)\b",
    re.IGNORECASE)
_INTO_STAGE_RE = re.compile(r"(?:ステージ|stage)\s*([1-7１-７])\s*(?:に|へ)(?:進|上が|移)|"
                            r"\b(?:to|into|onto|reach|reaching)\s+stage\s*([1-7])\b", re.IGNORECASE)


def compose_ready(kb: KnowledgeBase, result: SearchResult, asker: Asker, lang: str, notices: list[str]) -> Answer | None:
    """What it takes to move on from a stage (its exit criteria), with its remaining items; None when the message
    does not ask that or names no stage and none is stored."""
    # (a stage named, by number or as a stage: "before moving on to deep learning" is not about a stage)
    if not _READY_RE.search(result.query) or not (result.stages_numbered or _STAGE_WORD_RE.search(result.query)):
        return None
    into = _INTO_STAGE_RE.search(result.query)
    stage: Stage | None = None
    if into is not None:  # "ステージ4に進むための条件": what stage 3 asks
        stage = next((s for s in kb.stages if s.order == _stage_number(into) - 1), None)
    if stage is None:
        named = [kb.stages_by_id[s] for s in (*result.stages_numbered, *result.stages_named) if s in kb.stages_by_id]
        stage = named[0] if named else kb.stages_by_id.get(asker.stage or stated_stage(kb, result.query) or "")
    if stage is None or not stage.exit_criteria:
        return None
    following = kb.next_stage(stage.id)
    lines = [t("ready_intro", lang, stage=stage.title.get(lang), next=following.title.get(lang)) if following is not None
             else t("ready_intro_last", lang, stage=stage.title.get(lang))]
    lines += [f"- {c.get(lang)}" for c in stage.exit_criteria]
    steps = _steps(kb, stage, asker.done, lang)
    if steps:
        lines += ["", t("ready_items", lang)]
    passages = [_doc_passage(kb, stage.id, lang, 1.0)]
    if following is not None:
        passages.append(_doc_passage(kb, following.id, lang, 0.5))
    resources = list({s.resource.id: _ref(s.resource) for s in steps if s.resource}.values())[:MAX_RESOURCES]
    return Answer(result.query, lang, True, "\n".join(lines), passages, resources, steps, result.relevance, notices,
                  kind="next", stage=stage.id)


def _pace_line(kb: KnowledgeBase, target: Stage, done: frozenset[str], hours: float, lang: str,
               weeks: int | None = None) -> str:
    """How long the rest of ``target`` takes at ``hours`` a week, and the way to ready-to-apply when ahead; with
    the ``weeks`` to a deadline the message states, how far those weeks reach when ready-to-apply is further
    ("My deadline is the end of the year, about 4 months away … What's next?": usefulness50 #59 was told 7 months
    with no word on the deadline)."""
    left = [i for i in target.items if i.id not in done]
    stage_hours = sum(i.hours for i in left)
    line = t("next_pace", lang, h=hours, n=len(left), hours=round(stage_hours), weeks=max(1, math.ceil(stage_hours / hours)))
    ready = next((st for st in kb.stages if st.order == JOB_READY_ORDER), None)
    if ready is not None and target.order < ready.order:
        items = [i for st in kb.stages if target.order <= st.order <= ready.order for i in st.items if i.id not in done]
        need = sum(i.hours for i in items)
        line += t("next_pace_ready", lang, stage=ready.order, hours=round(need),
                  months=max(1, round(math.ceil(need / hours) / WEEKS_PER_MONTH)))
        budget = weeks * hours if weeks else 0.0
        if budget and need > budget:
            covered, reach = 0.0, None
            for n, item in enumerate(items):  # the last stage the weeks get through in full, in the roadmap's order
                covered += item.hours
                if covered > budget:
                    break
                if n + 1 == len(items) or items[n + 1].stage != item.stage:
                    reach = kb.stage(item.stage)
            line += t("next_pace_deadline_reach" if reach else "next_pace_deadline", lang,
                      months=max(1, round(weeks / WEEKS_PER_MONTH)), h=hours, budget=round(budget),
                      stage=reach.title.get(lang) if reach else "", short=round(need - budget))
    return line


WORK_STAGE = "work-experience"
PROGRAMMING_STAGE = "programming-data"
_WEAK_PROGRAMMING_RE = re.compile(r"\bmy (?:programming|coding|python)(?: skills?)? (?:is|are) (?:still |pretty |really |quite |very )?"
                                  r"(?:weak|bad|poor|rusty|basic|not great|not good)\b|"
                                  r"\b(?:weak|bad|poor) (?:at|in) (?:programming|coding|python)\b|"
                                  r"(?:プログラミング|コーディング|python|実装)(?:が|は|に)(?:まだ|かなり|ちょっと|少し|全然)?(?:苦手|弱い|自信がない|自信がありません)",
                                  re.IGNORECASE)
# The maths said to be fuzzy or weak ("the math is fuzzy", "the math behind backprop is still fuzzy", "数学がまだあやふや")
_WEAK_MATH_RE = re.compile(r"\b(?:the )?math(?:s|ematics)?(?: (?:behind|of|under) [\w -]{1,30}?)? (?:is|are|feels?) (?:still |pretty |really |"
                           r"quite |very |a bit |kind of |kinda )?(?:fuzzy|shaky|weak|rusty|hazy|unclear|a black box)\b|"
                           r"\b(?:fuzzy|shaky|weak|rusty|hazy) (?:on|with|in) (?:the )?math|"
                           r"\bdon'?t (?:really |fully )?understand the math|"
                           r"(?:数学|数式|理論)(?:的な部分|の部分|面)?(?:が|は)(?:まだ|いまいち|ちょっと|あまり)?(?:あやふや|曖昧|あいまい|ふわっと|"
                           r"ふんわり|よく(?:わから|分から)|理解できてい?な)", re.IGNORECASE)
WEAK_MATH_ITEMS = ("education.calculus", "core-ml.implement-from-scratch", "education.linear-algebra")
ML_STAGE = "core-ml"  # the ML basics, named as still open to someone who says they have done no ML
ALONGSIDE_HOURS = 10  # an open foundation item worth naming beside a plan (not a 6-hour "choose a route")
ML_STAGE_ORDER = 3  # the core ML stage's place: how far "the next item after what they know" may point from a card
JOB_READY_ORDER = 5  # stages 1-5 make a learner ready to apply (the roadmap's "job-ready" range)
DEFAULT_PLAN_WEEKS, DEFAULT_PLAN_HOURS = 12, 10.0
MAX_FITTED_WEEKS = 24  # a plan with no span asked for covers the time to ready-to-apply when it is this short
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "nine": 9, "twelve": 12,
                 "一": 1, "二": 2, "三": 3, "四": 4, "六": 6, "半年": 6, "一年": 12, "1年": 12, "a year": 12,
                 "one year": 12, "1 year": 12}
_PLAN_SPAN_RE = re.compile(r"(\d+|one|two|three|four|six|nine|twelve|[一二三四六])[\s-]*(?:ヶ月|か月|カ月|ケ月|months?\b)|"
                           r"(\d+)[\s-]*(?:週間|weeks?\b)|(半年|一年|1年|\ba year\b|\bone year\b|\b1 year\b)",
                           re.IGNORECASE)


_SENTENCE_END_RE = re.compile(r"[。.!?！？]")
_PAST_SPAN_RE = re.compile(r"(?:\b(?:last|past|over the last)|\b(?:studied|learned|learnt|worked|spent|learning|"
                           r"studying|working|coding|doing this) (?:for |on )?(?:about |around |almost |nearly )?|"
                           r"この|ここ|過去)\s*$", re.IGNORECASE)
_PAST_AFTER_RE = re.compile(r"\s*(?:前|ほど前|くらい前|ago|間(?:ずっと)?(?:勉強|独学)|続け|"
                            r"ごと|毎|単位|ずつ)", re.IGNORECASE)  # (and "1ヶ月ごとの目標": a step, not the span)


def plan_weeks(text: str, today: date | None = None) -> int | None:
    """The span a plan request asks for, in weeks ("3ヶ月" -> 12, "6-month" -> 24, "12 weeks", "半年"), or up to a
    month it names as the deadline ("by June 2027", "6月までに"; see :func:`deadline_weeks`)."""
    # the span of the plan, not of time already spent ("I spent the last 4 months on math. … a 6-month
    # study plan", "半年前から独学しています。3ヶ月の計画を"): one the plan words follow or precede in the same
    # sentence, else the first
    spans = [m for m in _PLAN_SPAN_RE.finditer(text)
             if not _PAST_SPAN_RE.search(text[max(0, m.start() - 30):m.start()])
             and not _PAST_AFTER_RE.match(text[m.end():m.end() + 8])]
    # (the span with the words around it: "what should my first six months look like?")
    m = next((m for m in spans if _PLAN_RE.search(_SENTENCE_END_RE.split(text[max(0, m.start() - 25):m.start()])[-1]
                                                  + m.group() + _SENTENCE_END_RE.split(text[m.end():m.end() + 15])[0])),
             spans[0] if spans else None)
    if m is None:
        return deadline_weeks(text, today)
    months, weeks, word = m.groups()
    if weeks:
        return min(int(weeks), MAX_WEEKS) or None
    token = (months or word).lower()
    n = int(token) if token.isdigit() else _NUMBER_WORDS[token]
    return min(max(1, n * 4), MAX_WEEKS)  # a month as 4 weeks, so the plan's months are whole


_WEEKLY_RE = re.compile(r"\bweek[- ]by[- ]week\b|\bweekly (?:plan|schedule)\b|\bfor each week\b|週ごと|週単位|1週間?ごと|毎週の計画",
                        re.IGNORECASE)
MAX_WEEKLY_LINES = 16  # weeks a plan lists one by one when asked to; longer spans stay by month


def _plan_lines(kb: KnowledgeBase, start: Stage, done: frozenset[str], asker: Asker, query: str,
                lang: str, told_open: frozenset[str] = frozenset(), focus: Stage | None = None,
                first_items: tuple[Item, ...] = ()) -> list[str]:
    """A month-by-month plan of the checklist from ``start`` through the job-ready stages, at the hours the
    learner states (or their stored hours, or an assumed 10 a week), over the span they ask for (else 12
    weeks). What does not fit is named, not crammed. ``focus``: a later stage the plan is asked for; in a plan of
    8 weeks or more it gets the last months its items need, the stages from ``start`` up to it the months before.
    ``first_items``: open items the learner says they have not done ("Not done: any deep learning"), planned first."""
    stated = hours_in_question(query) or asker.hours_per_week
    hours = min(stated or DEFAULT_PLAN_HOURS, MAX_HOURS)
    sep = "、" if lang == "ja" else ", "
    weeks = plan_weeks(query)
    lines: list[str] = []
    if weeks is None and start.order <= JOB_READY_ORDER:
        # No span asked for ("how many months should I plan for before I start applying?"): how long the
        # checklist up to ready-to-apply takes from here at their hours, and a plan over that time when it is
        # half a year or less (else the default span, the rest named after it)
        ready = next((st for st in kb.stages if st.order == JOB_READY_ORDER), kb.stages[-1])
        # (the foundations left "alongside" count too: they take hours of the same weeks)
        need = sum(i.hours for st in kb.stages if st.order <= ready.order and (st.order >= start.order or st is
                   kb.stages[0]) for i in st.items if i.id not in done)
        need_weeks = math.ceil(need / hours)
        weeks = math.ceil(need_weeks / 4) * 4 if 0 < need_weeks <= MAX_FITTED_WEEKS else DEFAULT_PLAN_WEEKS
        if need:
            lines.append(t("plan_needed", lang, hours=round(need), h=hours,
                           months=max(1, round(need_weeks / WEEKS_PER_MONTH)), stage=ready.order))
    weeks = weeks or DEFAULT_PLAN_WEEKS
    lines.append(t("plan_months", lang, weeks=weeks, h=hours, assumed="" if stated else t("plan_assumed", lang)))
    first = kb.stages[0]
    before = kb.previous_stage(focus.id) if focus is not None else None
    # (a specialty years away is not planned after a month of what comes before it: "I want to move into computer vision
    # eventually. What should my learning path look like given I can study about 12 hours per week?", usefulness257 #34,
    # was planned a month of Pandas, then an in-depth course and reproducing papers: the roadmap's order)
    # (the weeks the stages before the focus need)
    before_need = sum(i.hours for st in kb.stages if start.order <= st.order <= before.order
                      for i in st.items if i.id not in done) / hours if before is not None else 0.0
    far = focus is not None and before is not None and focus.next is None and before_need > weeks - 4
    if focus is not None and before is not None and weeks >= 8 and before.order >= start.order and not far:
        # the focus stage gets the whole months its open items need (at least one, and one is left before it)
        need = sum(i.hours for i in focus.items if i.id not in done) / hours
        first_weeks = weeks - min(max(4, math.ceil(need / 4) * 4), weeks // 4 * 4 - 4)
        # (and no more months before it than its stages need: the rest go to the focus)
        first_weeks = max(4, min(first_weeks, math.ceil(before_need / 4) * 4))
        if focus.id == PROJECTS_STAGE and before_need > weeks:
            # (a first project as the goal, with more before it than the whole span holds: the stages before it get all
            # the months but the last one, which is the project's: "comfortable with the math, but I haven't written
            # any ML code yet. Can you give me a 12-week study plan to go from here to a first portfolio project?",
            # usefulness260 #60, graded 0, got one month of Python and then a recommender system, with Pandas and all
            # of ML after week 12)
            first_weeks = max(first_weeks, min(math.ceil(before_need / 4) * 4, weeks // 4 * 4 - 4))
        halves = [make_plan(kb, start, before, first_weeks, hours, lang, done),
                  make_plan(kb, focus, focus, weeks - first_weeks, hours, lang, done)]
        schedule = [w for p in halves for w in p.weeks]
        left_out = [x for p in halves for x in p.left_out]
        # (in the roadmap's order; on a sequential checklist not ahead of what comes before it, unless it would not fit in
        # the plan's months otherwise: "a 6-month study plan to get from here to building and deploying deep learning
        # models", usefulness344 #60, graded 1, was planned deep-learning basics before regression; a 3-month plan "to get
        # into deep learning", usefulness53 #60, still gets it in month 2)
        asked_first = [i for i in halves[1].items if i in first_items]
        if focus.sequential and not {i.id for i in asked_first} & {i.id for i, _ in halves[1].left_out}:
            asked_first = []  # (it fits in its months in the roadmap's order)
        if asked_first:  # what they ask for in the focus stage comes first in its months
            later, later_out = schedule_items([*asked_first, *(i for i in halves[1].items if i not in asked_first)],
                                              weeks - first_weeks, hours)
            schedule, left_out = [*halves[0].weeks, *later], [*halves[0].left_out, *later_out]
        last = focus
        lines.append(t("plan_focus", lang, stage=focus.title.get(lang), months=first_weeks // 4))
    else:
        last = next((s for s in kb.stages if s.order == max(JOB_READY_ORDER, start.order)), kb.stages[-1])
        plan = make_plan(kb, start, last, weeks, hours, lang, done)
        while not plan.left_out and last.next:  # time to spare: the job search, then a specialty, not empty months
            last = kb.stage(last.next)
            plan = make_plan(kb, start, last, weeks, hours, lang, done)
        schedule, left_out = plan.weeks, plan.left_out
        if not left_out and start.order == first.order + 1 and any(i.id not in done for i in first.items):
            # still time to spare (40 h a week for a year) in a plan that starts with programming: the math it
            # would leave "alongside" goes in it, after the programming (first, for someone who never programmed)
            order = [start, first, *(s for s in kb.stages if start.order < s.order <= last.order)]
            items = [i for st in order for i in st.items if i.id not in done]
            with_math, math_left_out = schedule_items(items, weeks, hours)
            if not math_left_out:
                schedule, start = with_math, first
        if first_items and schedule is plan.weeks:
            # what they say is still missing comes first ("Not done: any deep learning, any cloud. … What's the
            # priority order?": usefulness39 #57 was planned more projects and no deep learning at all)
            items = [*first_items, *(i for i in plan.items if i not in first_items)]
            schedule, left_out = schedule_items(items, weeks, hours)
        maths = [i for i in first.items if i.id not in done and i.hours >= ALONGSIDE_HOURS]
        if maths and first.order < start.order and _PARALLEL_RE.search(query):
            # math and ML side by side, asked for ("数学と機械学習を並行して進めるような学習プランを": usefulness51
            # #30 got the programming alone and one line on the math): one math item after every other item
            ml = [i for i in (items if schedule is not plan.weeks else plan.items) if i not in maths]
            items = [x for n, item in enumerate(ml) for x in ([item, maths.pop(0)] if n % 2 and maths else [item])]
            schedule, left_out = schedule_items([*items, *maths], weeks, hours)
            told_open = told_open | {first.id}
    # a week-by-week plan when one is asked for and the span is short enough to read as weeks
    # (and a span of two months or less: "the next 6 weeks" or "an 8-week plan" is not "Month 1, Month 2")
    step, line = (1, "plan_week") if (_WEEKLY_RE.search(query) or weeks <= 8) and weeks <= MAX_WEEKLY_LINES \
        else (4, "plan_month")
    for month in range(0, weeks, step):
        titles = list(dict.fromkeys(b.item.title.get(lang) for w in schedule[month:month + step] for b in w.blocks))
        if titles:
            lines.append(t(line, lang, m=month // step + 1, items=sep.join(titles)))
        elif not left_out and last.next is None and step == 4:  # the roadmap fits with months to spare: what follows
            lines.append(t("plan_spare", lang, m=month // 4 + 1))
            break
    # what is still open of stage 1 when the plan starts later (the math, for a developer): alongside it
    open_items = [i for i in first.items if i.id not in done and i.hours >= ALONGSIDE_HOURS]
    if first.order < start.order and open_items and first.id not in told_open:
        lines.append(t("plan_alongside", lang, stage=first.title.get(lang),
                       items=sep.join(i.title.get(lang) for i in open_items[:4])))
    if left_out:
        rest = sum(h for _, h in left_out)
        names = list(dict.fromkeys(i.title.get(lang) for i, _ in left_out))
        lines.append(t("plan_rest", lang, rest=round(rest), items=sep.join(names[:4]) + ("…" if len(names) > 4 else "")))
        # a plan meant to end in applying that does not reach ready-to-apply says so, and the hours that would
        # ("1年でMLエンジニアの応募ができるレベルにする計画たてて", 5 h a week: usefulness52 #29 was planned a year
        # that stops short, without a word)
        short = sum(h for i, h in left_out if kb.stage(i.stage).order <= JOB_READY_ORDER)
        if short and _APPLY_GOAL_RE.search(query):
            lines.append(t("plan_short_of_ready", lang, stage=JOB_READY_ORDER,
                           h=math.ceil((weeks * hours + short) / weeks)))
    # A plan that is to end in applications ("a 16-week plan to get job-ready for entry-level roles"): the job
    # search's first items in its last weeks, when the schedule does not reach them (usefulness36 #55: "leaves
    # out resume and interview prep")
    work = kb.stages_by_id.get(WORK_STAGE)
    planned = {b.item.id for w in schedule for b in w.blocks}
    if work is not None and _APPLY_GOAL_RE.search(query):
        prep = [i for i in work.items[:APPLY_PREP_ITEMS] if i.id not in done and i.id not in planned]
        if prep:
            lines.append(t("plan_apply", lang, items=sep.join(i.title.get(lang) for i in prep),
                           h=round(sum(i.hours for i in prep))))
    return lines


# Math and ML asked for side by side ("数学と機械学習を並行して", "math alongside the ML", "in parallel")
_PARALLEL_RE = re.compile(r"並行|同時に|並列|一緒に進め|\balongside\b|\bin parallel\b|\bat the same time\b|\bside by side\b",
                          re.IGNORECASE)


# A plan meant to end in applying ("…to get job-ready for entry-level roles", "転職活動を始めたい")
_APPLY_GOAL_RE = re.compile(r"job[- ]ready|\bhireable\b|\bemployable\b|\b(?:start |begin )?(?:applying|apply)\b|"
                            r"\bjob (?:hunt|search)|\bget (?:a|an|my first) (?:job|role|position)\b|\bland (?:a|an|my)\b|"
                            # "…to maximize my chances for ML engineer roles"
                            r"\bchances? (?:of|for|at|to)\b.{0,40}?\b(?:roles?|jobs?|positions?|offers?|hired)\b|\bget hired\b|"
                            r"応募|就活|就職活動|転職活動|内定|就職できる|転職できる", re.IGNORECASE)
APPLY_PREP_ITEMS = 3  # the job search's first items: entry roles, resume and portfolio, interview prep


def _mentions_stage(result: SearchResult, kb: KnowledgeBase) -> bool:
    return any(h.id in kb.stages_by_id and h.keyword > 0 for h in result.passages[:3])


def compose_start(kb: KnowledgeBase, result: SearchResult, lang: str, notices: list[str]) -> Answer:
    """"What next?" from someone whose place is unknown: the start of the roadmap, and how to say where
    they are."""
    first = kb.stages[0]
    steps = _steps(kb, first, frozenset(), lang)
    return Answer(result.query, lang, True, t("next_unknown_stage", lang, stage=first.title.get(lang)),
                  [_doc_passage(kb, first.id, lang, 1.0)], [], steps, result.relevance, notices, kind="next",
                  stage=first.id)


# ------------------------------------------------------------------------------------------ composing


def _doc_passage(kb: KnowledgeBase, doc_id: str, lang: str, score: float) -> Passage:
    doc = kb.doc(doc_id)
    return Passage(doc.id, doc.title.get(lang), score, doc.text.get(lang))


def _after_known(kb: KnowledgeBase, known: tuple[str, ...], done: frozenset[str]) -> Item | None:
    """The first open item after the furthest one a learner knows on a sequential checklist (Python basics known:
    NumPy); None when they know none."""
    items = [kb.items[i] for i in known if i in kb.items and kb.stage(kb.items[i].stage).sequential]
    if not items:
        return None
    furthest = max(items, key=lambda i: (kb.stage(i.stage).order, kb.stage(i.stage).items.index(i)))
    stage: Stage | None = kb.stage(furthest.stage)
    rest = stage.items[stage.items.index(furthest) + 1:]
    while stage is not None:
        for item in rest:
            if item.id not in done:
                return item
        stage = kb.next_stage(stage.id)
        rest = stage.items if stage is not None else []
    return None


def _next_step(kb: KnowledgeBase, asker: Asker, stage_id: str | None, lang: str,
               hints: tuple[str, ...] = (), known: tuple[str, ...] = (), named: tuple[str, ...] = (),
               background: tuple[str, ...] = ()) -> list[Step]:
    """One next step. For a learner with a stage: their own first unfinished item. Otherwise an item the
    answer is about (``hints``: items the question names, or those the answer's resources serve), else the
    first item of the answer's stage; never one the question says they already know (``known``)."""
    if asker.stage:
        stage: Stage | None = kb.stage(asker.stage)
        while stage is not None and _stage_done(stage, asker.done):
            stage = kb.next_stage(stage.id)
        return _steps(kb, stage, asker.done, lang)[:1] if stage else []
    done = asker.done | frozenset(known)
    # (what they say they know, not what a job usually covers: an SIer's "notebook to code" is no reason to
    # send someone who never wrote Python to an inference API)
    after = _after_known(kb, tuple(i for i in known if i not in background), done)
    for item_id in hints:
        item = kb.items.get(item_id)
        if item is not None and item.id not in done:
            # (an item only the answer's resources serve, past the next one after what they know: "Progateの
            # python入門コースは一通り終わりました…どれくらいかかる？" was sent to packaging a notebook)
            # (nor the field named as where they want to end up, years before it: "画像認識の方に本格的に移りたい…
            # 機械学習は本を1冊読んだ程度", usefulness260 #3, was sent to choosing a specialty with a reinforcement-learning
            # course)
            far_goal = item_id == CHOOSE_FIELD_ITEM and after is not None and kb.stage(after.stage).order < ML_STAGE_ORDER
            if after is not None and (item_id not in named or far_goal) \
                    and kb.stage(item.stage).order > kb.stage(after.stage).order:
                return [step_for(kb, after, lang)]
            return [step_for(kb, item, lang)]
    if not stage_id:
        return []
    return _steps(kb, kb.stage(stage_id), done, lang)[:1]


def _hints(kb: KnowledgeBase, result: SearchResult, resource_ids: list[str]) -> tuple[str, ...]:
    """Checklist items an answer is about, best first: named in the question, then served by its resources
    (in roadmap order)."""
    order = {i.id: n for n, i in enumerate(i for s in kb.stages for i in s.items)}
    served = sorted({i for rid in resource_ids for i in kb.resources_by_id[rid].items}, key=order.__getitem__)
    return (*result.items_named, *served)


def decline(kb: KnowledgeBase, query: str, lang: str, top_score: float, notices: list[str]) -> Answer:
    return Answer(query, lang, False, t("decline", lang) + "\n" + t("decline_hint", lang), top_score=top_score,
                  notices=notices, kind="decline")


def _known(kb: KnowledgeBase, result: SearchResult) -> tuple[str, ...]:
    """What the learner knows, for the next step beside an answer: what they say they know, what their job
    or degree covers, and what the courses they say they finished teach ("Completed the Mathematics for
    Machine Learning specialization … start coding or keep doing math?" is not sent back to linear algebra)."""
    courses = tuple(i for rid in _finished_courses(result) for i in kb.resources_by_id[rid].items if i in kb.items)
    # (someone already in an ML job has done the job search: usefulness69 #6 and #17 were told to choose entry roles)
    return (result.items_known + result.items_background + courses + tuple(_assumed(kb, result))
            + tuple(_hired_items(kb, result.query)) + tuple(sorted(_shown_done(kb, result))))


def _shown_done(kb: KnowledgeBase, result: SearchResult) -> frozenset[str]:
    """The items what the learner has shows done, less those the message says are not: a model of their own in
    production, a Kaggle result, scikit-learn known well."""
    shown: set[str] = set()
    if _runs_model(result.query):
        shown |= RUNS_MODEL_ITEMS
    if _kaggle_result(result.query):
        shown |= _kaggle_items(result.query)
    if _SKLEARN_SOLID_RE.search(result.query) or _CLASSIC_DONE_RE.search(result.query):
        shown |= SKLEARN_SOLID_ITEMS
    # someone who works as an ML engineer has trained and evaluated models (usefulness104 #29, a year into tabular
    # model work, was planned from Python's setup), and someone at ease training models in PyTorch has the basics of
    # deep learning and of Python (usefulness104 #58 was planned three weeks of Python fundamentals)
    # (and was hired past the foundations, Python, the core algorithms and the portfolio the projects stage builds to be
    # hired: not told linear algebra is still open, nor planned a recommender beside a card on growing in the job)
    if _IN_ML_JOB_RE.search(result.query):
        shown |= {i.id for st in ("education", "programming-data", ML_STAGE, "projects") if st in kb.stages_by_id
                  for i in kb.stage(st).items}
        if not _DEEP_WORK_RE.search(result.query):  # (deep learning only when their work uses it)
            shown.discard(DL_BASICS_ITEM)
    if _DL_SOLID_RE.search(result.query):
        shown |= BUILT_MODEL_ITEMS | {DL_BASICS_ITEM, "programming-data.sklearn-intro"}
    # (someone who can train and evaluate models has the basics of Python and of the core algorithms: "I can train and
    # evaluate models in Jupyter notebooks, but I've never deployed anything", usefulness129 #56, graded 0, was sent back
    # to Python, NumPy and Pandas)
    if _TRAINS_MODELS_RE.search(result.query):
        shown |= BUILT_MODEL_ITEMS | SKLEARN_SOLID_ITEMS
    return frozenset(i for i in shown if i in kb.items) - frozenset(result.items_pending)


_COMPETITION_RE = re.compile(r"kaggle|signate|コンペ|competition", re.IGNORECASE)


def _kaggle_result(query: str) -> bool:
    """Whether the message says the learner has a Kaggle result of their own (a medal, a title, a top-N% finish)."""
    return bool(_KAGGLE_RESULT_RE.search(query)) and (bool(_COMPETITION_RE.search(query)) or "メダル" in query)


def _runs_model(query: str) -> bool:
    """Whether the message says the learner runs a model of their own in production (not "never deployed")."""
    return bool(_RUNS_MODEL_RE.search(query)) and not _NEVER_DEPLOYED_RE.search(query)


def _hired_items(kb: KnowledgeBase, query: str) -> frozenset[str]:
    """The job-search stage's items, for someone who says they already work as an ML engineer; none otherwise."""
    work = kb.stages_by_id.get(WORK_STAGE)
    return frozenset(i.id for i in work.items) if work is not None and _IN_ML_JOB_RE.search(query) else frozenset()


def _assumed(kb: KnowledgeBase, result: SearchResult) -> frozenset[str]:
    """The items the courses the message says were finished (wholly), and the certificates it says were passed,
    assume or teach on the way."""
    return frozenset(i for rid in _finished_courses(result) | _passed_certificates(kb, result.query)
                     if rid not in result.courses_partly for i in kb.resources_by_id[rid].assumes)


# A certificate said to be held ("E資格に合格しました", "E資格持ち", "I passed the E資格"): its exam's syllabus is done.
# (and "E資格に合格して、Kaggleでも銅メダルを…", usefulness361 #30, graded 1, was told the maths was still open)
_PASSED_CERT_RE = {
    "jdla-e-shikaku": re.compile(
        r"(?:E|Ｅ)\s*資格(?:試験)?(?:に|を|は|も|、|,)?\s*(?:一発で|無事に?|なんとか|去年|昨年|先月|今年)?\s*(?:"
        r"合格(?:しました|しています|してる|済み?|者|した(?![いら]|ほう|方)|して(?=[、,]))|受かりました|受かった(?![らほ方])|"
        r"取得(?:しました|済み?|しています|してる|した(?![いら]|ほう|方)|して(?=[、,]))|取りました|取った(?![らほ方])|取れました|"
        r"持って(?:います|いる|る)|持ち|保有|ホルダー)|"
        r"\b(?:passed|hold|earned|cleared)\s+(?:the\s+|my\s+)?(?:JDLA\s+)?(?:E|Ｅ)[\s-]?(?:資格|shikaku)|"
        r"(?:E|Ｅ)[\s-]?(?:資格|shikaku)\s+(?:holder|certified)", re.IGNORECASE),
}


def _passed_certificates(kb: KnowledgeBase, query: str) -> frozenset[str]:
    """The certificates (resource ids) the message says the learner holds."""
    return frozenset(rid for rid, pattern in _PASSED_CERT_RE.items()
                     if rid in kb.resources_by_id and pattern.search(query))


def _finished_courses(result: SearchResult) -> frozenset[str]:
    """The courses the message says in words were finished (not "ゼロから作るDeep Learningって読んだほうがいい？")."""
    return frozenset(result.courses_finished) if result.finished_said else frozenset()


def compose_card(kb: KnowledgeBase, card: Card, result: SearchResult, asker: Asker, lang: str,
                 notices: list[str], whole: SearchResult | None = None) -> Answer:
    known = _known(kb, result)  # (and for the hours left, what the whole message says too)
    told = frozenset(known) | (frozenset(_known(kb, whole)) if whole else frozenset())
    text = _duration_text(kb, card, lang, asker, result.query, told) if card.duration else card.answer.get(lang)
    passages = [_doc_passage(kb, d, lang, 1.0 / (n + 1)) for n, d in enumerate(card.docs[:MAX_CITED])]
    if not card.covered:
        return Answer(result.query, lang, False, text, passages, [], [], result.relevance, notices,
                      card=card.id, kind="not_covered")
    asked = frozenset(card.resources) | _asked_resources(kb, result)
    # the card's own picks first; search results on the card's stages only fill the gaps; not a course they
    # say they finished ("Finished Hands-On Machine Learning … another book or projects?")
    finished = _finished_courses(result)
    ranked = [r for r in card.resources if r not in finished] + [
        h.id for h in result.resources[:10] if h.id not in card.resources and h.id not in finished
        and set(kb.resources_by_id[h.id].stages) & set(card.docs)]
    resources = [_ref(r) for r in fit_resources(kb, ranked, lang, _beginner(kb, asker), asked,
                                                preferred=frozenset(card.resources))]
    stage = card.stage or next((d for d in card.docs if d in kb.stages_by_id), None)
    hints = _hints(kb, result, list(card.resources) or [r.id for r in resources])
    if card.duration:
        # how long it takes, from where the learner is: the next step is where they start, not an item the card's
        # resources serve ("Zero coding experience … how long … and what should I literally do first?" was sent to
        # packaging a notebook: usefulness52 #34); from the first stage, the programming beside it (the roadmap's
        # advice not to wait for the math)
        said = tuple(i for i in known if i not in result.items_background)
        after = _after_known(kb, said, asker.done | frozenset(said))
        # (Python basics known: NumPy next; not a tool they know from work past the ML they have not done: a web
        # developer who knows Docker and CI/CD is not sent to model monitoring)
        # (nor more foundations: the programming goes beside them)
        if after is not None and not 1 < kb.stage(after.stage).order <= ML_STAGE_ORDER:
            after = None
        hints = (after.id,) if after is not None else result.items_named
        first = kb.stages[0]
        stage = first.next if card.duration[0] == first.id and first.next else card.duration[0]
    # (a long message from someone whose place is neither stored nor told gets no guessed step: the first item of the
    # card's stage was "Choose entry roles" for a working engineer, "Python fundamentals" for a developer, arXiv
    # papers for a weak English reader; the blind graders of usefulness103-114 named such a step in 100 of 720
    # reasons)
    text = _for_the_jobless(text, lang, whole.query if whole else result.query)
    guessed = not asker.stage and not card.duration and not result.items_named and not result.items_known \
        and _context(result.query).long
    steps = [] if guessed else _next_step(kb, asker, stage, lang, hints, known, result.items_named,
                                          result.items_background)
    return Answer(result.query, lang, True, text, passages, resources, steps,
                  result.relevance, notices, card=card.id, kind="card")


# Someone who has no job now: laid off, quit, between jobs, at home with children, retired ("I'm 45, a former network
# engineer, and I got laid off last month", usefulness118 #34, graded 0, was told to study "alongside your job" and to
# get a project "at your current workplace"; usefulness120 #37, laid off, "if your company has an ML team")
# (not a planned retirement, "来年早期退職制度を使う予定", nor a gap already over, "育休明けで…ブランクもある")
_NOT_EMPLOYED_RE = remembered(r"\blaid off\b|\blost my job\b|\bunemployed\b|\bbetween jobs\b|\bgot fired\b|\bwas let go\b|"
                              r"\b(?:i|i've|i have) (?:just )?(?:quit|left) my job\b|\bstay[- ]at[- ]home\b|"
                              r"\bat home with (?:my|the) (?:kids|children)\b|\bcareer break\b|\breturning to work\b|"
                              r"\bgo(?:ing)? back to work\b|\b(?:i'm|i am|just) retired\b|"
                              r"リストラ|解雇|失業|無職|離職中|求職中|退職しました|辞めました|早期退職し(?:た|ました)|専業主[婦夫]",
                              re.IGNORECASE)
# What the cards say to someone in a job, and what they say instead to someone without one: first the words inside a
# sentence that also says more ("…using data in your current job, an internal transfer, or a nearby role such as data
# analyst"), then a sentence that is only about the job ("Getting a small data project assigned to you at your current
# workplace is an effective first track record.")
_JOBLESS_EDITS = [(re.compile(pattern), replacement) for pattern, replacement in (
    (r" alongside your job", ""),
    (r" alongside work,", ","),
    (r"仕事と両立できるよう", ""),
    (r"、仕事と両立しながらでも", "、"),
    (r"using data in your current job, an internal transfer, or ", ""),
    (r" and internal moves at your current job", ""),
    (r"lead data work in that area inside your company, or ", ""),
    (r", or starting with data projects at your current workplace,", ""),
    (r"take on data work in your current job, aim for an internal transfer or an internship,", "aim for an internship,"),
    (r" or current workplace use", " use"),
    (r"今の職場でのデータ活用や社内異動、", ""),
    (r"や、今の職場での社内異動", ""),
    (r"働きながら続けられるペース", "続けられるペース"),
    (r"や今の職場が使っている", "が使っている"),
    (r"や、今の職場でのデータ活用から始める道", ""),
    (r"今の職場でデータを扱う仕事を引き受ける、社内異動やインターンを狙う、", "インターンを狙う、"),
    (r"[^.!?\s][^.!?]*\b(?:(?:at|in) your current (?:job|workplace)|[Ii]f your company has|your company's)\b[^.!?]*[.!?]\s*", ""),
    (r"[^。]*(?:今の職場|今の仕事で|社内に|社内で)[^。]*。", ""),
)]


def _for_the_jobless(text: str, lang: str, query: str) -> str:
    """A card's answer for someone who says they have no job now, without what assumes one (see _JOBLESS_EDITS):
    not "alongside your job" to the laid off. The card as it is when fewer than two sentences would be left."""
    if not _NOT_EMPLOYED_RE.search(query):
        return text
    edited = text
    for pattern, replacement in _JOBLESS_EDITS:
        edited = pattern.sub(replacement, edited)
    edited = edited.strip()
    return edited if len(split_sentences(edited)) >= 2 else text


def compose(kb: KnowledgeBase, index: Index, result: SearchResult, gate: Gate, asker: Asker,
            truncated: bool = False, in_part: bool = False, exclude: frozenset[str] = frozenset(),
            whole: SearchResult | None = None, swap_margin: float = SWAP_MARGIN) -> Answer:
    """The answer for one search result (see the module docstring for the order of precedence).
    ``in_part``: the result is one question of a message that asks several (see :meth:`Gate.card_for`);
    ``whole``: then the search of the whole message, where the situation a card is written for may be told
    ("経理を6年…。MLエンジニアとデータサイエンティストの違いは？未経験から入りやすいのはどっち？") and what the
    asker knows ("SIerでJavaを10年…。準備期間はどれくらい？": not from zero);
    ``exclude``: cards that already answer another of its questions (the next confident card answers this one,
    see ``swap_margin`` of :meth:`Gate.card_for`)."""
    lang = asker.lang or result.lang
    notices = [t("truncated", lang)] if truncated else []
    ready = compose_ready(kb, result, asker, lang, notices)  # "ステージ4に進むための条件は？"
    if ready is not None:
        return ready
    intent = detect_next_intent(result.query) or _plan_intent(result)
    # (nor growth toward mid-level in the job: "How should I plan my growth toward a mid-level ML engineer when I don't
    # have a mentor?", usefulness299 #36, graded 0, a junior ML engineer, was planned the core algorithms)
    if intent is not None and (_TOWARD_SENIOR_RE.search(result.query) or _growing_in_job(result.query)
                               or _JUNIOR_SENIOR_RE.search(result.query)
                               or _asks_to_mid(result.query)):
        intent = None  # "次の1年で何を伸ばせばシニアに近づけますか？": the career ladder's cards, not a checklist item
    bare = intent is not None and _bare_next(result)
    # a stage named by its number ("I'm on stage 3, what comes after?") is always the roadmap
    # (so is a course of the curated resources named: "Finished fast.ai Part 1 … what next?")
    # (and a stage said to be finished: "中核アルゴリズムのステージは終わりました。次は？" got the hours per stage)
    if intent is not None and (bare or gate.answerable(result) or result.items_named or result.stages_numbered
                               or result.courses_named or result.stages_finished
                               or (_PLAN_RE.search(result.query) and _LEARNING_RE.search(result.query))):
        answer = compose_next(kb, result, intent, asker, lang, notices)
        if answer is not None:
            return _with_card(kb, result, gate, asker, lang, answer, situation_only=bare)
        if bare:  # "次は？" from someone whose place is unknown: the start, and how to tell me
            return compose_start(kb, result, lang, notices)
    prefer, replaces = preferred_cards(result.query)
    if not prefer and whole is None:
        prefer, replaces = short_how_long_cards(result.query)
    prefer = prefer or how_much_cards(kb, result.query)
    hit = gate.card_for(result, kb, in_part=in_part, fits=_fits_result(kb, result, whole),
                         used=exclude, prefer=prefer, replaces=replaces, swap_margin=swap_margin)
    if hit is not None:
        return compose_card(kb, _card_for_age(kb, kb.cards_by_id[hit.id], result.query), result, asker, lang,
                            notices, whole)
    # whether one's age alone is too late, said in nothing but the age ("is 45 too late to start", usefulness129 #51,
    # was declined): the card written for that age
    bare_age = _BARE_AGE_RE.match(result.query)
    if bare_age and not in_part and (card := _card_of_age(kb, int(bare_age.group(1)))) is not None:
        return compose_card(kb, card, result, asker, lang, notices, whole)
    if not gate.answerable(result):
        if intent is not None and result.finished_said and _STUDY_RE.search(result.query) and not in_part:
            # "Done with the CS229 lectures and all the problem sets. Next?": a course the roadmap does not
            # know, but a fair question: the start, and how to say where they are (not a decline)
            return compose_start(kb, result, lang, notices)
        return decline(kb, result.query, lang, result.relevance, notices)
    cited = result.passages[:MAX_CITED]
    passages = [_doc_passage(kb, h.id, lang, h.score) for h in cited]
    summary = _summary(index, result, cited[0].id, lang)
    asked = _asked_resources(kb, result)
    ranked = [h.id for h in result.resources]
    stage_ids = {h.id for h in cited if h.id in kb.stages_by_id}
    if stage_ids:  # resources of the cited stages first
        ranked.sort(key=lambda rid: not (set(kb.resources_by_id[rid].stages) & stage_ids))
    resources = [_ref(r) for r in fit_resources(kb, ranked[:12], lang, _beginner(kb, asker), asked)]
    stage = next((h.id for h in result.passages if h.id in kb.stages_by_id), None)
    hints = _hints(kb, result, [r.id for r in resources])
    return Answer(result.query, lang, True, summary, passages, resources, _next_step(kb, asker, stage, lang, hints, _known(kb, result), result.items_named,
                                                                  result.items_background),
                  result.relevance, notices, kind="passage")



# Growing toward a senior or staff role, asked by someone already in the job ("…シニアに近づけますか？",
# "what should I work on to get promoted to senior?")
# (or mid-level: "ミドルクラスに上がるために次に何を身につけるべき？", "I want to reach mid-level in the next year":
# usefulness41 #60 and usefulness42 #28, both graded 0, were sent to resumes and interviews)
_TOWARD_SENIOR_RE = remembered(r"シニア(?:MLE|ML|機械学習)?(?:エンジニア)?(?:に|へ|を目指|レベル|や(?:テック)?リード)|スタッフエンジニア(?:に|へ)|昇進|昇格|"
                               r"(?:ミドル(?:クラス|レベル)?|中堅)(?:に|へ|を目指)|"
                               # ("What should I focus on next to grow toward a mid-level role?", usefulness202 #60, graded 1,
                               # was sent on to the specialisation stage)
                               r"\b(?:grow|move|work) towards? (?:a )?(?:mid[- ]?level|senior)\b|"
                               r"\b(?:become|get to|reach|grow (?:in)?to|promoted to|move up to|level up to|be)\s+"
                               # ("reach a mid or senior level": usefulness50 #60 was sent to the job search)
                               r"(?:a\s+)?(?:senior|staff|lead|mid[- ]?level|mid\s*(?:or|/|to)\s*senior)\b", re.IGNORECASE)

# a lead role or management as the goal ("move up to tech lead, and maybe management later", "テックリードを目指したい")
_TOWARD_LEAD_RE = remembered(r"(?:テック|チーム)?リード(?:エンジニア)?(?:に|へ|を目指|を任|の役割|になる)|"
                             r"(?:マネージャー|管理職|マネジメント)(?:に|へ|を目指|職)|"
                             r"\b(?:tech|team|ml|technical) lead\b|\blead role\b|\bmanagement\b|\bengineering manager\b",
                             re.IGNORECASE)
# what to grow to be worth more, asked from the job ("次の1年でどのスキルを伸ばすと市場価値が上がりますか？": usefulness96
# #29, a year into a recommender job, got a beginner's portfolio checklist)
_MARKET_VALUE_RE = re.compile(r"市場価値|キャリアアップ|\bmarket value\b|\b(?:more )?marketable\b|\bmore valuable\b",
                              re.IGNORECASE)
TOWARD_LEAD_CARDS = frozenset({"ladder-senior-vs-lead", "ladder-technical-track"})
# (or, when search does not find that card, the one on growing whose last sentences are for someone past the basics of
# senior: "I was promoted to senior ML engineer last year and I'd like to become a tech lead", usefulness104 #60, got the
# card for career changers with engineering experience)
LEAD_CARD = frozenset({"ladder-senior-vs-lead", "ladder-senior-faster"})


# what being senior asks of someone, as the question ("What does it take to become a senior ML engineer?" got the way to
# grow faster; "シニアMLエンジニアになるには、具体的にどんなスキルや経験が足りていない…": usefulness158 #8, graded 1)
_WHAT_IT_TAKES_RE = re.compile(r"\bwhat (?:does it|would it|will it|it) takes?\b|\bwhat (?:is|are|'s) (?:needed|required|missing|"
                               r"expected)\b|\brequirements?\b|\bexpectations?\b|何が(?:必要|足り|欠け|求められ)|求められる|"
                               r"足りていない|足りない|条件|要件", re.IGNORECASE)


def _growing_in_job(query: str) -> bool:
    """Whether someone already working as an ML engineer asks how to grow in it (to a lead role, or to be worth more)."""
    # (or runs a model of their own in production: "社内で需要予測モデルを本番運用して2年経ち…次はチームリードを目指したい",
    # usefulness228 #30, graded 0, was planned entry roles and a resume)
    # (toward a lead role, not only to be worth more: "LightGBMの需要予測モデルを…月次でバッチ運用…市場価値を上げるために" is
    # answered with what comes after a first deployment, usefulness99 #29)
    return bool((_IN_ML_JOB_RE.search(query) and (_TOWARD_LEAD_RE.search(query) or _MARKET_VALUE_RE.search(query)))
                or (_runs_model(query) and _TOWARD_LEAD_RE.search(query)))


# A message that asks to choose ("Kaggle or more courses?", "数学と本のどっちが先？"), not only "what next?".
_CHOICE_RE = re.compile(r"どっち|どちら|どれ|それとも|べきか|のか[、,][^。？?]{0,40}のか|\bor\b|\bvs\.?\b|\bwhich\b",
                        re.IGNORECASE)  # ("2巻に行くのか、PyTorchに移るのか")


# A choice between a certificate and building things, in one sentence ("Should I go for the AWS ML cert next or
# build projects first?", "G検定を取るか、ポートフォリオを作るか"): the certificate-or-portfolio card answers it,
# not the card of the certificate it names, which matched the words a little more closely (usefulness39 #40, #59)
_CERT_WORD_RE = re.compile(r"資格|検定|試験|certif|\bcerts?\b|\bexams?\b", re.IGNORECASE)
_BUILD_WORD_RE = re.compile(r"作品|ポートフォリオ|プロジェクト|手を動か|何か作|作った(?:ほう|方)|作る(?:ほう|方)|\bprojects?\b|"
                            r"\bportfolio\b|\bbuild(?:ing)?\b",
                            re.IGNORECASE)
CERT_OR_BUILD_CARD = "cert-vs-portfolio"
CERT_ORDER_CARD = "cert-which-first"
# (which of them, or in what order: not "Are G検定 or E資格 worth it for a foreigner?", the JDLA-in-English card's)
_ORDER_RE = re.compile(r"どっち|どちら|どれ|順番|順序|\bwhich\b|\bfirst\b|\bvs\.?\b|\bversus\b", re.IGNORECASE)
_JP_CERT_RE = re.compile(r"G検定|E資格|統計検定|g ?kentei|e ?shikaku|toukei ?kentei", re.IGNORECASE)


def _cert_or_time_card(card_id: str) -> bool:
    """A certificate's own card or a time card (see :func:`_names_a_certificate`)."""
    return _names_a_certificate(card_id) or bool(_TIME_CARD_RE.match(card_id))


def _names_a_certificate(card_id: str) -> bool:
    """A certificate's own card ("cert-cloud-ml"), not one for a situation ("cert-after-passing": "Passed G検定!
    E資格 or keep building projects?" is answered for someone who just passed)."""
    return card_id.startswith("cert-") and card_id not in _NOT_SUBJECT_CARDS


# Growing toward mid-level or senior from a job one has: the cards on getting there, not a card that matches the
# words "junior" or "first job" ("Junior MLE for 1 year now … I want to reach mid-level": congratulations on a first
# offer; "ジュニアMLエンジニアとして1年…ミドルクラスに上がるために": a junior's day)
# (and what to grow besides technical skill, for those who ask that: "技術以外で何を意識して伸ばせばいいでしょうか？",
# usefulness123 #10, 125 #11, 126 #12; its requires need the non-technical words)
TOWARD_SENIOR_CARDS = frozenset({"ladder-senior-faster", "ladder-years-to-senior", "ladder-senior-soft-skills"})
OWNER_TO_SENIOR_CARDS = frozenset({"ladder-senior-faster", "ladder-senior-soft-skills"})
LEAD_OR_IC_CARD = frozenset({"ladder-lead-or-ic"})
# (and a tech lead track against management, told by someone who likes coding: usefulness169 #37, graded 0, got what a
# senior does)
# ("a tech lead path or an engineering manager path. I like mentoring but I also don't want to stop coding": usefulness182
# #39, graded 0, got what a senior does)
_IC_TRACK_RE = re.compile(r"\bic\b|individual contributor|\btech lead (?:track|path|route)\b|"
                          # ("I'm torn between tech lead, moving into management, or shifting toward research", usefulness212
                          # #38, graded 0, got what a senior does)
                          r"\btech lead,? (?:or |and )?(?:moving |going |move |go )?(?:into |to )?(?:management|manager)\b|\b(?:stop|keep|keep on|continue) coding\b|\b(?:like|love|enjoy) coding\b|\bstaff\b|\bprincipal\b|hands-on|\bstay (?:technical|coding)\b|"
                          # ("go for a tech lead role or move toward engineering management", usefulness305 #40, graded 0)
                          r"\btech lead (?:role |position |track )?(?:or|vs\.?|versus) (?:\w+ ){0,3}?(?:management|manager)\b|"
                          r"手を動か|コードを書き続け|技術一本|スペシャリスト|スタッフ|プリンシパル|専門職|技術職|IC(?:トラック|として)", re.IGNORECASE)
# (asked how to decide, not what to work on for each path: "torn between … What should I be working on next for each
# path?" keeps the card on the paths; "the next step is staff engineer or tech lead. What should I focus on" the lead's)
_DIFFER_RE = re.compile(r"\bdiffer|違い|\bversus\b|\bvs\.?\s|\bwhat (?:actually )?changes\b", re.IGNORECASE)
_DECIDE_RE = re.compile(r"\bdecid|\bchoos|\bchoice\b|\bwhich (?:path|track|one|way)\b|決め|判断|どっちに進|どちらに進|"
                        r"どっちがいい|どちらがいい|べきか", re.IGNORECASE)
# someone who is a senior already ("I just got promoted to senior ML engineer", "シニアになって2年")
_ALREADY_SENIOR_RE = re.compile(r"\b(?:got|was|been|just) promoted to senior\b|\bi'?m (?:now )?a senior\b|\bi am (?:now )?a senior\b|"
                                r"\bas a senior\b|シニア(?:に昇格し|になって|エンジニアとして働|MLエンジニアとして働|として)", re.IGNORECASE)


# where a sentence ends: a Japanese or question mark, or an English full stop before the next sentence ("I don't have a
# degree at all. How do I choose a first real project that will actually help me get hired?" is two sentences, not one
# that asks whether a missing degree hurts hiring: usefulness104 #37 got the card on degree filters)
_SENTENCE_END = re.compile(r"(?<=[。？?!！])\s*|(?<=[a-z)]\.)\s+(?=[A-Z])")


@functools.lru_cache(maxsize=256)  # (a pure function of the text, asked again by _with_card)
def preferred_cards(query: str) -> tuple[frozenset[str], Callable[[str], bool] | None]:
    """Cards that answer what a message asks better than a card that matches its words a little more closely, and
    which cards they may take the place of (None: any)."""
    # a maths or physics teacher (the card's requires_also: asking about the path, the time, their age or the school
    # calendar): the card written for them ("I'm a 52 year old high school math teacher… What would a realistic
    # learning path look like for me, and how long…?", usefulness204 #42, got the card on relearning maths; 201 #32
    # and 203 #32, graded 1 and 0, the 40s card)
    if _TEACHER_RE.search(query):
        return frozenset({TEACHER_CARD}), None
    # growing in a first year on the job ("I just got my first job as a junior ML engineer, starting next month… What should
    # I focus on learning in my first year to grow fast?", usefulness204 #60, graded 1, got what to do before day one)
    if _FIRST_YEAR_RE.search(query) and _GROW_RE.search(query):
        return frozenset({GROW_CARD}), OFFER_CARD.__eq__
    # promotion from junior to mid-level as the goal ("I've been a junior ML engineer for a year and shipped two models …
    # What should I focus on this coming year to get promoted to mid-level?", usefulness284 #60 and 282 #60, graded 1,
    # got the way to senior); not a plan of what to learn for it ("…deploy them behind an API with Docker. What should I
    # learn to get to mid-level, with a plan for the next 6 months?", usefulness173 #59 graded the MLOps card 2)
    if _asks_to_mid(query):
        return frozenset({TO_MID_CARD}), None
    # what separates a junior from a senior, asked ("…テックリードを目指すかも迷っています。ジュニアとシニアの違いって具体的に
    # 何なんでしょうか？", usefulness203 #11, graded 1, got management against the IC track alone)
    if _JUNIOR_SENIOR_RE.search(query):
        return JUNIOR_SENIOR_CARDS, None
    # whether to go on to deep learning ("scikit-learnで回帰と分類はできるようになって…次はディープラーニングに進んでいいですか？
    # それともまだ古典的なMLをやるべき？", usefulness203 #26, graded 1, got the maths of deep learning and a generative-AI card)
    if _DL_READY_RE.search(query):
        return frozenset({DL_READY_CARD}), None
    if _UNDER_HOOD_RE.search(query):
        return frozenset({UNDER_HOOD_CARD}), None
    # an internship as the goal, asked ("What should I do with that time so I'm competitive for ML engineering internships
    # next year?", usefulness210 #39, graded 0, got how many hours a week are realistic)
    if _INTERNSHIP_GOAL_RE.search(query) and not _PROJECTS_ASKED_RE.search(query):
        return INTERNSHIP_CARDS, None
    # whether Kaggle counts in hiring (usefulness205 #46, 206 #48, 208 #46 and #8, graded 1, got how beginners start on
    # Kaggle, or an analyst's route)
    if _KAGGLE_VALUE_RE.search(query):
        return frozenset({MEDAL_VALUE_CARD}), None
    # the Japanese certificates, asked by a foreigner ("I'm a foreign backend engineer… Japanese around N2… Is it worth
    # studying for those Japanese certifications as a foreigner, or should I just focus on projects?", usefulness206 #35,
    # graded 0, got English-speaking jobs in Japan)
    if _JDLA_CERT_RE.search(query) and _FOREIGNER_RE.search(query):
        return frozenset({FOREIGNER_CERT_CARD}), None
    # where to restart the maths ("線形代数とか微積分ってどこからやり直せばいいですか？", usefulness201 #12 and 203 #3, graded 1,
    # got how much maths is needed): the cards on relearning it and on its order, in that card's place
    if _RESTART_MATH_RE.search(query):
        return RESTART_MATH_CARDS, "math-how-much".__eq__
    # a Kaggle medal won, asking what to do before applying ("銅メダルを取れました。来年には転職活動を始めたいんですが、
    # 就活に向けてこれから半年で何をしておくといいですか？", usefulness204 #30 and 203 #30, graded 1, got what medals are
    # worth): the cards on getting ready to apply, in the medal card's place
    if _MEDAL_WON_RE.search(query) and (_JOB_GOAL_RE.search(query) or _APPLY_SOON_RE.search(query)) \
            and _PREP_ASK_RE.search(query):
        return frozenset({*JOB_READY_CARDS, JOB_PLAN_CARD}), MEDAL_VALUE_CARD.__eq__
    # (or a Kaggle result, and a first job as the goal: "I've done two Kaggle competitions finishing in the top 30%. What should
    # I focus on now to actually land my first ML job?", usefulness213 #58, graded 0, got how to learn from public notebooks)
    if _JOB_GOAL_RE.search(query) and _kaggle_result(query) and not _CHOICE_RE.search(query):
        return frozenset(JOB_READY_CARDS), _KAGGLE_CARD_RE.match
    sentences = _SENTENCE_END.split(query)
    for at, sentence in enumerate(sentences):
        if _CERT_WORD_RE.search(sentence) and _BUILD_WORD_RE.search(sentence) and _CHOICE_RE.search(sentence):
            # (and in a time card's place: "Should I spend the next 6 months building ML projects or getting
            # certifications?", usefulness268 #32, graded 0, got the hours from zero)
            return frozenset({CERT_OR_BUILD_CARD}), _cert_or_time_card
        # two of the Japanese certificates to choose between ("E資格とG検定、転職ならどっちがいい？": usefulness45 #24
        # got the E資格 card alone): the card that orders them
        certs = [m.group().lower() for m in _JP_CERT_RE.finditer(sentence)]
        if len({c[:2] for c in certs}) >= 2 and _ORDER_RE.search(sentence):
            # (which of G検定 and E資格 employers value: "G検定とE資格、転職で評価されるのはどっちですか？", usefulness119
            # #13, got the card on where to start)
            # (or in the question after it: "G検定とE資格ってどっちから先に受けるべきですか？あと、転職活動で実際に評価される
            # のはどっちですか？", usefulness202 #13, graded 1, got the order alone)
            if {"g", "e"} <= {c[:1] for c in certs} and _CERT_HIRING_RE.search(" ".join(sentences[at:at + 2])):
                return frozenset({CERT_HIRING_CARD}), _names_a_certificate
            return frozenset({CERT_ORDER_CARD}), _names_a_certificate
        # whether they can still be hired at their age ("この年齢でジュニアのMLエンジニアとして採用される可能性って
        # あるんでしょうか？": usefulness45 #8 got a junior's day; "Is 45 too old to get hired?"): the age cards
        # (asked, not told: "…but I'm worried I'm too old to start over. How can I use my domain background…?", usefulness206
        # #33, graded 1, got the 40s card in place of the mechanical engineer's; the age card still follows it)
        if _AGE_ASKED_RE.search(sentence) and _HIRED_AT_AGE_RE.search(sentence) \
                and not (sentence.isascii() and "?" not in sentence):
            return AGE_CARDS, None
        # whether they can be hired without a degree ("学位なしでMLエンジニアとして採用されるのは…どのくらい難しい
        # ですか？", "求人で、学歴ってどれくらい見られるものですか？": usefulness75 #10 and usefulness74 #11, a kosen
        # graduate in embedded work, got the edge-AI card alone): the degree cards
        if _NO_DEGREE_RE.search(sentence) and _DEGREE_HIRING_RE.search(sentence):
            return DEGREE_CARDS, None
        # two or more fields of math asked about at once ("How much linear algebra and calculus do I really need?":
        # usefulness103 #44 and 106 #43 got the linear algebra card alone, graded 1 for the calculus left out): the
        # card on how much math in all, not one field's (the blind card labels pick it over the four-fields card)
        if _HOW_MUCH_RE.search(sentence) and sum(bool(r.search(sentence)) for r in _MATH_FIELD_RES) >= 2:
            # (nor the hours, for a message that states its weekly hours: "…週12時間くらい勉強できます。…線形代数・微積分・
            # 確率統計はどのくらいのレベルまで必要なんでしょうか？", usefulness142 #3, graded 0, got the time card)
            return MATH_FIELDS_CARDS, lambda cid: cid in ONE_MATH_FIELD_CARDS or bool(_TIME_CARD_RE.match(cid))
        # staying (an internal move) weighed against a job change ("社内異動を粘るのと転職するのと、どちらがおすすめ
        # ですか？": usefulness104 #5 got the analyst-or-engineer card): the card on that choice
        # (asked, not told: "I'd love to transition into ML engineering, either internally or at another company." is
        # background to the question after it)
        # (a one-line message asks, with or without its question mark: "is G kentei worth it if you're not japanese")
        asked = sentence.rstrip().endswith(("?", "？", "か", "か。")) or sentence.strip() == query.strip()
        # the maths as a whole, how far and in what order ("数学ってどのくらいのレベルまで、どういう順番で勉強すればいいですか？",
        # usefulness226 #2, graded 0, got the hours to job-ready): the maths cards in a time card's place
        if asked and _MATH_WORD_RE.search(sentence) and (_HOW_MUCH_RE.search(sentence) or _MATH_ORDER_RE.search(sentence)):
            return MATH_LEVEL_CARDS, lambda cid: bool(_TIME_CARD_RE.match(cid))
        if asked and _STAY_RE.search(sentence) and _LEAVE_RE.search(sentence) and _CHOICE_RE.search(sentence):
            return STAY_OR_SWITCH_CARD, None
        # whether the job has a future ("LLMのAPIを叩けば…仕事なくなるよ…将来性という意味で本当に遅いんでしょうか？":
        # usefulness104 #10 got the card for people in their thirties): the outlook, not the asker's background
        if asked and _FUTURE_ASKED_RE.search(sentence):
            # (and, in a one-line question, a getting-started card: "きかいがくしゅうえんじにあ しょうらいせいある？",
            # usefulness167 #23, graded 0, got the skills the job needs)
            replaced = ("bg-", "role-", "start-") if len(query.strip()) <= MAX_SHORT_HOW_LONG else ("bg-", "role-")
            # (whether AI takes the job is the card on generative AI, not the one on demand: "MLエンジニアの仕事って将来AIに
            # 奪われない？", usefulness171 #24, graded 2 then 1 once the demand card learnt "将来性ある？")
            cards = REPLACED_BY_AI_CARD if _REPLACED_BY_AI_RE.search(sentence) else OUTLOOK_CARDS
            # (and whether the field is still worth it is not the choice between LLM work and classic ML: usefulness238 #49)
            return cards, lambda cid, replaced=replaced: cid.startswith(replaced) or cid in OUTLOOK_CARDS \
                or cid == "career-llm-or-classic-ml"
        # a Japanese certificate asked about by someone from abroad ("I'm American … JLPT N2 … Would Japanese certifications
        # like G検定 help me get hired here?", usefulness133 #34, graded 0, got the card on English-speaking jobs in Japan):
        # the card for them, whose requires need the asker's foreign situation
        # (or names them in the sentence before: "I keep seeing G検定 and E資格 … Are these certifications worth it for a
        # foreigner…?", usefulness142 #40, graded 0)
        if asked and (_JDLA_CERT_RE.search(sentence) or (_CERT_WORD_RE.search(sentence) and _JDLA_CERT_RE.search(query))):
            return FOREIGN_CERT_CARD, lambda cid: cid.startswith(("career-japan", "cert-"))
    # someone already in the job headed for a lead role or management ("I'm a senior ML engineer … I'd like to move up
    # to tech lead, and maybe management later": usefulness93 #60 and usefulness96 #38, graded 0, got the stage checklist
    # and the way to become senior)
    # (a lead role named: what changes on the way there, not the paths for staying technical)
    # (a junior told to aim for tech lead, "MLエンジニア2年目。…テックリードを目指せって", grows toward senior first)
    # (management, or staying technical, from any level: "torn between going for senior/staff on the IC track or moving
    # into management" has the card on the paths past senior)
    goal = _TOWARD_LEAD_RE.search(query)
    already_senior = bool(_ALREADY_SENIOR_RE.search(query))
    # (how to decide between managing and the IC track, asked by someone in the job: usefulness123 #38, graded 0, and 124
    # #38, 125 #41, 126 #40 got what each role is, or how to grow faster, never how to choose)
    # (or how the two differ: "How do these two paths differ in practice, and how should I decide?" is asked in two parts)
    if goal and (already_senior or _IN_ML_JOB_RE.search(query)) and _IC_TRACK_RE.search(query) \
            and (_DECIDE_RE.search(query) or _DIFFER_RE.search(query)):
        return LEAD_OR_IC_CARD, None
    # (a senior choosing between staff or lead and management: what each role is, usefulness103 #42)
    # (or runs a model of their own in production: "社内で需要予測モデルを本番運用して2年経ち…次はチームリードを目指したい",
    # usefulness228 #30, graded 0, was planned entry roles and a resume)
    if goal and (already_senior or _IN_ML_JOB_RE.search(query) or _runs_model(query)):
        senior = already_senior or re.search(r"\bfrom (?:a )?senior\b|シニアから", query, re.IGNORECASE)
        if senior and re.search(r"lead|リード|\bstaff\b|スタッフ", query, re.IGNORECASE):
            return LEAD_CARD, None
        # (someone not yet senior who runs a model in production and asks for tech lead: how to grow from owning a model,
        # not "own a model" again; usefulness312 #30, graded 1)
        if _runs_model(query) and re.search(r"lead|リード", goal.group(), re.IGNORECASE):
            return OWNER_TO_SENIOR_CARDS, None
        if not re.search(r"lead|リード", goal.group(), re.IGNORECASE):
            return TOWARD_LEAD_CARDS, None
    # (not for someone already senior, headed past it: "I just got promoted to senior ML engineer … the next step is
    # staff engineer or tech lead"; usefulness71 #60, graded 0-1, got the junior's way to senior)
    # (and one who names tech lead as the later goal grows toward senior first: "…to get to senior, and eventually maybe
    # tech lead?" is no question on what a lead does)
    if (_TOWARD_SENIOR_RE.search(query) or _growing_in_job(query)) and not already_senior:
        # (someone who already runs models in production is not told that owning one is the shortcut: "今の会社で需要予測
        # モデルを本番運用して2年…テックリードになるために次に伸ばすべきこと", usefulness312 #30, 313 #10 and 314 #60, graded 1)
        if _runs_model(query):
            return OWNER_TO_SENIOR_CARDS, None
        return TOWARD_SENIOR_CARDS | ({"ladder-senior-mle"} if goal or _WHAT_IT_TAKES_RE.search(query) else frozenset()), None
    # MLOps asked by someone who has served a model (the card's requires: a deployment or API told): "学習したモデルをFastAPIで
    # APIにするところまではできました。デプロイとか運用、MLOpsっぽいことは何から…", usefulness206 #30, graded 1, got how to
    # build an inference API
    if _MLOPS_ASKED_RE.search(query) and _DEPLOYED_RE.search(query):
        return frozenset({AFTER_DEPLOY_CARD}), None
    if _DS_SELF_RE.search(query) and _GAP_RE.search(query):
        # (nor the software-engineering card, which matched "the skill gap I need to close" a little more closely:
        # usefulness240 #37, graded 2 then 1)
        return frozenset({DS_CARD}), {"ladder-mle-vs-data-scientist", "concept-software-engineering-depth"}.__contains__
    # someone who tests software for a living, asking how to move ("I got placed at a big IT services company but I'm doing
    # manual testing… How do I move from this testing role into an actual ML engineering role?", usefulness215 #31, graded
    # 0, got the card for CS students)
    if _TESTER_RE.search(query) and _MOVE_ASK_RE.search(query):
        return frozenset({"bg-qa-tester"}), None
    return frozenset(), None


def short_how_long_cards(query: str) -> tuple[frozenset[str], Callable[[str], bool] | None]:
    """The time cards, for a message of a few words that asks how long ("機械学習 独学 何ヶ月", usefulness122 #19, got
    self-study against a school), in place of a card on how to start or on degrees; never for the years up the ladder
    ("ジュニアからシニアまで何年？"). A longer message that asks how long has its own pace added (see :func:`pace_card`)."""
    if len(query.strip()) <= MAX_SHORT_HOW_LONG and _HOW_LONG_SHORT_RE.search(query) and not _LADDER_WORDS_RE.search(query):
        return TIME_CARDS, lambda cid: cid.startswith(("start-", "degree-"))
    return frozenset(), None


# (and the maths teacher's, which plans two years "whatever your age": "I'm 45 and teach high school math… Is it
# realistic for someone my age to switch…?", usefulness203 #32, got the 40s card and was graded 0)
AGE_CARDS = frozenset({"bg-age-30", "bg-age-40", "bg-age-40-engineer", "bg-age-55-plus", "bg-math-teacher"})
STAY_OR_SWITCH_CARD = frozenset({"job-internal-or-switch"})
MATH_LEVEL_CARDS = frozenset({"math-how-much", "math-which-first"})
_MATH_WORD_RE = re.compile(r"数学|すうがく|\bmaths?\b|\bmathematics\b", re.IGNORECASE)
_MATH_ORDER_RE = re.compile(r"順番|順序|\bin what order\b|\bwhich order\b", re.IGNORECASE)
MATH_FIELDS_CARDS = frozenset({"math-how-much"})
ONE_MATH_FIELD_CARDS = frozenset({"math-linear-algebra", "math-calculus", "math-probability-statistics"})
_MATH_FIELD_RES = (re.compile(r"線形代数|行列|\blinear algebra\b", re.IGNORECASE),
                   re.compile(r"微分|積分|微積|\bcalculus\b", re.IGNORECASE),
                   re.compile(r"確率|統計|\bprobability\b|\bstatistics\b|\bstats\b", re.IGNORECASE))
_STAY_RE = re.compile(r"社内|異動|今の(?:会社|職場)|\binternal(?:ly)?\b|\b(?:current|my) (?:company|employer|job)\b", re.IGNORECASE)
_LEAVE_RE = re.compile(r"転職|他社|\bswitch(?:ing)? (?:jobs|companies)\b|\bchang(?:e|ing) jobs\b|\bleav(?:e|ing)\b|\bquit\b|"
                       r"\belsewhere\b|\banother company\b", re.IGNORECASE)
OUTLOOK_CARDS = frozenset({"outlook-genai-replace", "outlook-demand", "outlook-role-prospects", "outlook-mlops-career"})
CERT_HIRING_CARD = "cert-g-vs-e-hiring"
FOREIGN_CERT_CARD = frozenset({"cert-jdla-english"})
_JDLA_CERT_RE = re.compile(r"G検定|E資格|\bg[\s-]?kentei\b|\be[\s-]?shikaku\b|\bjdla\b", re.IGNORECASE)  # (not 統計検定: not the JDLA's)
_CERT_HIRING_RE = re.compile(r"転職|就職|就活|採用|評価|有利|履歴書|書類|\bhir(?:e|ed|ing)\b|employer|recruiter|resume|"
                             r"\bcv\b|job hunt|\bvalued?\b|looks? better", re.IGNORECASE)
TIME_CARDS = frozenset({"time-job-ready", "time-full-time-job", "time-3-6-months", "time-whole-roadmap",
                        "time-job-ready-degree", "time-zero-programming", "time-core-ml", "time-projects", "time-mlops",
                        "time-per-stage"})
_HOW_LONG_SHORT_RE = re.compile(r"(?:何|なん)(?:ヶ|か|カ|ケ)(?:月|げつ)|なんねん|何年|何時間|(?:どのくらい|どれくらい|どれぐらい)(?:の期間|かか)|"
                                r"\bhow long\b|\bhow many (?:months|years|hours)\b", re.IGNORECASE)
MAX_SHORT_HOW_LONG = 40  # characters of a whole message (see short_how_long_cards)
REPLACED_BY_AI_CARD = frozenset({"outlook-genai-replace"})
_REPLACED_BY_AI_RE = re.compile(r"\b(?:llms?|ai|chatgpt) (?:do|does|can do|will do) everything\b|奪われ|取って代わ|置き換え|なくな|無くな|とられ|取られ|仕事(?:って|は|が)?(?:今後)?減|\breplace|\bobsolete\b|\btake (?:over|our|my)\b",
                                re.IGNORECASE)
# (and demand asked in kanji: "機会学習エンジニアって今も需要あるんですか", usefulness196 #24, graded 0, got the skills needed)
_FUTURE_ASKED_RE = re.compile(r"将来性|しょうらいせい|将来(?:は)?(?:なくな|無くな)|(?:じゅよう|需要)(?:って|は|が)?(?:ある|あり|は|な[いく]|減|伸び|続)|仕事(?:が|は)?(?:なくな|無くな)|仕事(?:って|は|が)?(?:今後)?減|仕事(?:を)?(?:とられ|取られ|奪われ)|(?:AI|LLM|生成AI)に(?:仕事を)?(?:奪われ|取って代わ|置き換え)|"
                              r"\bobsolete\b|\breplaced by (?:ai|llms?|genai)\b|\bfuture[- ]proof\b|\bjobs? (?:will )?disappear|"
                              # ("is ml engineering still worth it now that LLMs do everything?", usefulness238 #49, graded
                              # 2 then 1 once a phrasing on classic ML in the LLM era took it)
                              r"\bstill worth it\b(?=[^.?!]{0,40}\b(?:llms?|ai|genai|chatgpt)\b)",
                              re.IGNORECASE)
DEGREE_CARDS = frozenset({"job-degree-filter", "degree-bachelor-needed", "bg-high-school-no-degree", "degree-kosen"})
# (no degree at all, not no degree in one field: "情報系の学位がない" is the no-CS-degree question)
_NO_DEGREE_RE = remembered(r"(?<!系の)(?<!系)学位(?:なし|が?ない|を持って(?:い)?ない)|大卒(?:では|じゃ)(?:ない|なく)|"
                           r"大学を?(?:出て(?:い)?ない|卒業して(?:い)?ない)|学歴|"
                           r"\b(?:without|no|don'?t have|lack(?:ing)?) (?:a |any )?(?:university |college |bachelor'?s )?degree\b(?! in)|"
                           r"\bthe missing degree\b", re.IGNORECASE)
_DEGREE_HIRING_RE = re.compile(r"採用|雇|可能性|難し|ハンデ|不利|見られ|響|通用|\bhire|\bhired\b|\bhiring\b|\bchances?\b|"
                               r"\bhard\b|\bproblem\b|\bmatters?\b|\bhurts?\b|\bdeal[- ]?breaker\b", re.IGNORECASE)
# a sentence that asks about their age and about being hired at it (both)
_AGE_ASKED_RE = remembered(r"(?:この|その|今の|自分の)年齢|年齢的|\d0\s*代|歳で|才で|\bat my age\b|\btoo old\b|"
                           r"\bat (?:\d\d|forty|fifty)\b|\bin my (?:30|40|50|60)s\b", re.IGNORECASE)
_HIRED_AT_AGE_RE = re.compile(r"採用|雇|可能性|遅(?:い|すぎ)|間に合|無謀|現実的|通用|\bhire|\bhired\b|\btoo (?:late|old)\b|"
                              r"\brealistic\b|\bchance", re.IGNORECASE)
# "How important is SQL for ML engineers compared to data analysts?" (usefulness47 #47 got the analyst comparison),
# "How much Docker do I need?": the tool's own card
_HOW_MUCH_RE = remembered(r"\bhow (?:much|important|deep(?:ly)?|well|far)\b|どのくらい|どれくらい|どこまで|どの程度|重要", re.IGNORECASE)


def how_much_cards(kb: KnowledgeBase, query: str) -> frozenset[str]:
    """The tool cards whose subject a "how much / how important is X" sentence names."""
    subjects = _per_kb("subjects", kb, _subjects)
    found: set[str] = set()
    # (an English sentence ends at its full stop too: "…five years of Go, Docker, Kubernetes… How much of the ML theory
    # do I need to move into an MLOps role?", usefulness222 #33, graded 0, got the Docker card)
    for sentence in _SENTENCE_END.split(query):
        if _HOW_MUCH_RE.search(sentence):
            norm = normalize(sentence)
            words = set(re.findall(r"[a-z0-9+#]+", norm))
            # (a Latin subject as a word, "sql"; a Japanese one anywhere in the sentence, "くらうど")
            found |= {cid for cid, subj in subjects.items() if cid.startswith("tool-")
                      and any(sj in words if sj.isascii() else sj in norm for sj in subj)}
    return frozenset(found)


def _with_card(kb: KnowledgeBase, result: SearchResult, gate: Gate, asker: Asker, lang: str,
               answer: Answer, situation_only: bool = False) -> Answer:
    """A next-step answer with a card before it (or in its place): a card for the situation the message states (see
    :data:`_SITUATION_CARDS`), a card on being ready to apply for someone who has built something and wants a job, or,
    when the message also asks to choose ("I finished fast.ai. Should I do Kaggle or more courses?"), the card that
    answers that; then where the learner is and their next items.
    ``situation_only``: a short "what next?" ("AWSのML資格に合格しました。次は何をすればいいですか？") gets only a card for
    the situation it states."""
    plan = bool(_PLAN_RE.search(result.query) or _SPAN_NEXT_RE.search(result.query))
    for cid, applies, alone in _SITUATION_CARDS:
        card = kb.cards_by_id.get(cid)
        if card is None or not applies(kb, result) or not fits_asker(kb, card, result.query):
            continue
        if alone == "always" or (alone == "plan" and plan):
            return compose_card(kb, card, result, asker, lang, [])
        return _card_first(kb, result, card, asker, lang, answer)
    if situation_only:
        return answer
    # (not a choice they ask to make: "For landing my first ML job, should my next step be more competitions or building
    # portfolio projects?", usefulness178 #58, graded 2 then 1, is the choice card's)
    if _JOB_GOAL_RE.search(result.query) and _past_ml_basics(kb, result) and not _CHOICE_RE.search(result.query):
        # (a job or interviews as the goal, from someone past the ML basics: "a handful of scikit-learn notebooks on
        # GitHub and one Kaggle bronze medal. Can you give me a 3 month plan to get to the point where I'm landing
        # interviews?", usefulness159 #56, graded 0, got what medals are worth; 160 #58 and #56, graded 1, were planned
        # deep learning theory, or more example projects: the card's plan answers a plan request, and a card on being
        # ready to apply comes first beside a next step)
        if plan:
            card = kb.cards_by_id.get(JOB_PLAN_CARD)
            if card is not None and fits_asker(kb, card, result.query):
                return compose_card(kb, card, result, asker, lang, [])
        # (the job as the goal is what these cards' requires ask for, said in other words: "MLエンジニアとして就職したいんですが、
        # 次は何を", usefulness162 #29, graded 1, got the projects checklist; their excludes still choose between them)
        # (an NLP goal from someone who fine-tunes transformers: "I can fine-tune BERT … What's the next step to be job-ready
        # for NLP engineering roles?", usefulness202 #56, 205 #57, 206 #56 and 208 #56, graded 1, got the general card)
        nlp = kb.cards_by_id.get(NLP_READY_CARD)
        if nlp is not None and fits_asker(kb, nlp, result.query):
            return _card_first(kb, result, nlp, asker, lang, answer)
        for cid in JOB_READY_CARDS if _built_something(kb, result) else ():
            card = kb.cards_by_id.get(cid)
            if card is not None and not (card.excludes and _says_any(kb, card, result.query, "excludes")):
                return _card_first(kb, result, card, asker, lang, answer)
    if not _CHOICE_RE.search(result.query):
        return answer
    prefer, replaces = preferred_cards(result.query)
    # (the learner's card filter: not the beginners' 3-month plan, "learn Python syntax and Pandas first", for someone
    # who did CS231n and reimplemented ResNet; usefulness66 #60, graded 0)
    hit = gate.card_for(result, kb, fits=_fits_result(kb, result), prefer=prefer, replaces=replaces)
    if hit is None or not kb.cards_by_id[hit.id].covered:
        return answer
    if _PLAN_CARD_RE.match(hit.id) and _PLAN_RE.search(result.query):
        return answer  # (a plan of its own, or hours, before the learner's plan contradicts it: "With about 10 hours a week…")
    if hit.id.startswith("time-") and asker.stage:
        # (hours counted from zero to someone whose stage is stored; a stage the message states already keeps the time
        # cards out in card_fits: "I'm at stage 4 … 12 weeks" read "638 h remain", usefulness46 #57)
        return answer
    return _card_first(kb, result, _card_for_age(kb, kb.cards_by_id[hit.id], result.query), asker, lang, answer)


TARGET_ROLES_ITEM = "work-experience.target-roles"
PORTFOLIO_ITEM = "projects.github-portfolio"
NOTEBOOK_CARD = "job-notebook-to-portfolio"
_NOTEBOOK_TO_PORTFOLIO_RE = re.compile(
    r"(?:notebook|colab|jupyter)[^.?!]{0,80}[.?!]?[^?]{0,120}?(?:portfolio|real ml engineering|production|recruiters?|"
    r"real[- ]world|professional|job[- ]ready|notebook person|just notebooks|"
    # ("It only runs in a notebook right now. What are the next steps to turn this into something that helps me get a
    # job?", usefulness283 #56, graded 1, was listed other projects to build)
    r"helps? me (?:get|land) (?:a |an )?(?:job|interviews?|hired)|\bemployers?\b)|"
    r"(?:ノートブック|Colab|Jupyter)[^？?]{0,80}?(?:ポートフォリオ|見せられる|実務っぽ|本番|作品として)|"
    # (a model of their own, working, to be made a portfolio project: "I trained a YOLO object detector and got it running
    # on a Raspberry Pi… What should I do next to turn this into a portfolio project that gets me interviews?",
    # usefulness208 #60, graded 0, was sent to the projects checklist)
    r"\bturn (?:this|it|that|my \w+(?: \w+)?) into (?:a |an )?(?:real |proper |solid |good )?portfolio(?: project| piece)?\b|"
    r"(?:これ|それ)を(?:ちゃんとした|就活で使える|転職で使える)?(?:ポートフォリオ|作品)(?:に|として)", re.IGNORECASE)

SKLEARN_ITEM = "programming-data.sklearn-intro"
TEACHER_CARD = "bg-math-teacher"
_TEACHER_RE = re.compile(r"\b(?:math|maths|mathematics|physics|calculus) teacher\b|"
                         r"\b(?:teach|teaching|taught) (?:high school |middle school |secondary school |ap |a-level |a level )?"
                         r"(?:math|maths|mathematics|physics|calculus)\b|"
                         r"(?:数学|物理)の?(?:教員|教師|先生|講師)|(?:数学|物理)を教え", re.IGNORECASE)
_SCHOOL_CALENDAR_RE = re.compile(r"\bsummers?\b|\bschool year\b|\bterm time\b|\bsemester\b|夏休み|冬休み|春休み|長期休(?:暇|み)|学期中",
                                 re.IGNORECASE)
# (a plan of the first months asked for is the roadmap's plan of that span: "what should my first six months look like?")
_FIRST_SPAN_RE = re.compile(r"\bfirst (?:\w+ )?(?:months?|weeks?)\b|最初の[^。？?]{0,4}(?:か月|ヶ月|カ月|週)", re.IGNORECASE)
_HANDS_ON_RE = re.compile(r"手を動か|手が動か|実装(?:でき|力|経験)|コードを書(?:け|い)|\bhands[- ]on\b|\bpractical skills?\b",
                          re.IGNORECASE)
# (a G検定 holder has the big picture of AI the foundations stage starts with: "先月G検定に合格しました！ただ実装はまだほとんど
# できません。次に何を", usefulness168 #27 and 169 #27, graded 1, were sent to choosing a degree route and linear algebra)
_G_KENTEI_HELD_RE = re.compile(r"G検定(?:に|を|は|も)?(?:合格|取得|取っ|取り|持って)|G検定持ち|\bpassed (?:the )?(?:jdla )?g[ -]?kentei\b",
                               re.IGNORECASE)
AFTER_PASSING_CARD = "cert-after-passing"
ZERO_DL_CARD, ZERO_DL_BOOK = "start-after-zero-dl", "zero-deep-learning"
_READ_THROUGH_RE = re.compile(r"最後まで読|読み終|読了|写経し|\bread (?:it )?(?:all|through|cover to cover)\b|\bworked through\b",
                              re.IGNORECASE)
KAGGLE_NEXT_CARD = "kaggle-after-titanic"
_NEXT_COMPETITION_RE = re.compile(r"(?:次|この次|ここから)[^。？?]{0,8}?(?:どの|どういう|どんな|何の)コンペ|"
                                  r"\b(?:which|what) (?:kaggle )?competitions? (?:should|to|next)|\bnext (?:kaggle )?competition",
                                  re.IGNORECASE)
# (a cloud ML certificate passed has its own card: "I just passed the AWS Machine Learning Specialty exam … more
# certifications or projects?", usefulness221 #60 and 225 #58, graded 1, were told what to do after G検定 and 統計検定)
AFTER_CLOUD_CERT_CARD = "cert-after-cloud"
_CLOUD_CERT_HELD_RE = re.compile(
    r"(?:AWS|GCP|Google ?Cloud|Azure|クラウド)[^。？?]{0,40}?(?:資格|認定|試験)[^。？?]{0,8}?(?:に|を|は|も)?"
    r"(?:合格|受かっ|受かり|取得|取っ|取り|取れ|持って)|"
    r"\b(?:passed|got|hold|earned|obtained|cleared)\b (?:my |the |an? )?(?:aws|gcp|google cloud|azure)\b[^.?!]{0,50}?"
    r"\b(?:cert\w*|exam|specialty|professional|associate)\b", re.IGNORECASE)
# (an ML certificate of the cloud, not any: "passed the AWS Solutions Architect Associate" or "AWS Cloud Practitioner" from
# someone asking what to learn for MLOps is not told that their cloud ML certificate is enough)
_CLOUD_ML_CERT_RE = re.compile(
    r"machine[- ]learning[- ](?:specialty|engineer)|\bml[- ](?:specialty|engineer[- ]associate)|"
    r"professional (?:ml|machine learning)|\bai[- ]engineer|\bai-102\b|\bdp-100\b|data scientist associate|"
    r"(?:aws|gcp|google ?cloud|azure|クラウド|sagemaker)\s*(?:の|'s)?\s*(?:ml|機械学習|ai|machine learning)",
    re.IGNORECASE)
_TOUKEI_HELD_RE = re.compile(r"統計検定[^。、！!]{0,6}?(?:に|を|は)?(?:合格|受かっ|受かり|取得|取っ|取り)|\bpassed (?:the )?(?:toukei kentei|統計検定)",
                             re.IGNORECASE)
_NEXT_CERT_RE = re.compile(r"(?:E資格|統計検定|準1級|G検定|資格)[^。？?]{0,12}?(?:に進むべき|を受けるべき|を目指すべき|に進んだ方|を目指した方|を受けた方|"
                           r"に挑戦すべき|に行くべき|に行った方|"
                           # (or weighed against building: "E資格を目指すか実装に移るか迷ってます", usefulness257 #26, graded 1,
                           # got what E資格 is and the Python stage)
                           r"を目指すか|を受けるか|に進むか|に挑戦するか|を取るか)|"
                           r"\b(?:should i|go for|move on to|take)\b[^.?!]{0,20}\b(?:e[ -]?shikaku|e[ -]?cert\w*|pre-1st|grade 1)\b",
                           re.IGNORECASE)
OFFER_CARD = "job-first-offer-prep"
GROW_CARD = "ladder-senior-faster"
DL_READY_CARD = "start-dl-when-ready"
_WHAT_ORDER_RE = re.compile(r"\b(?:in )?what order\b|\bwhich order\b|どの順番|何から順|順番(?:は|で|に)", re.IGNORECASE)
UNDER_HOOD_CARD = "learn-understand-under-the-hood"
INTERNSHIP_CARDS = frozenset({"job-internship", "job-student-research-or-internship"})
# (or whether it is realistic: "is it realistic for someone like me to become an ML engineer, and what would the first year
# look like?", usefulness223 #34, a manual QA tester, got the card for people without a CS degree)
_MOVE_ASK_RE = re.compile(r"\bhow (?:do|can|should|would) i (?:move|switch|transition|get|go)\b|どうすれば(?:MLエンジニアに|移れ|転職でき)|"
                          r"\brealistic for (?:someone like me|me|a (?:manual )?(?:qa )?tester) to (?:become|move|switch|get)\b",
                          re.IGNORECASE)
_TESTER_RE = re.compile(r"\bmanual testing\b|\btesting role\b|\b(?:manual )?qa tester\b|\bworking (?:in|as a) (?:manual )?qa\b|"
                        r"テスターとして|テスターを|QAエンジニアとして|QAエンジニアを", re.IGNORECASE)
# (what projects to build for it is the portfolio cards' question: "I'm applying for ML internships… What kind of projects
# actually stand out?")
_PROJECTS_ASKED_RE = re.compile(r"\bwhat (?:kinds? of |sort of )?projects?\b|\bwhich projects?\b|\bprojects? (?:that |which )?(?:actually )?"
                                r"stand out\b|どんな(?:作品|プロジェクト)|何を作", re.IGNORECASE)
_INTERNSHIP_GOAL_RE = re.compile(r"\b(?:competitive for|land(?:ing)?|get(?:ting)?|apply(?:ing)? for|ready for) (?:an? |the )?(?:summer )?"
                                 r"(?:ml |machine learning |ml engineering |data science |ai )?internships?\b|"
                                 r"インターン(?:に|を|の選考に)(?:受か|取|獲得|通|参加でき)", re.IGNORECASE)
_UNDER_HOOD_RE = re.compile(r"\bunder the hood\b|\bunderneath\b|\bblack box\b|\bdon'?t (?:really |fully )?(?:understand|get) "
                            r"(?:the (?:math|maths|theory|models?)|how (?:it|they|the models?) works?|what'?s (?:actually )?(?:happening|going on)|"
                            r"what happens inside)\b|"
                            r"(?:仕組み|中身|理論)が(?:よく|まだ|全然|いまいち)?(?:わか|分か)(?:ら|って)(?:ない|ず)|ブラックボックス",
                            re.IGNORECASE)
_DL_READY_RE = re.compile(r"(?:ディープラーニング|深層学習|DL)に(?:進んで|行って|移って|進んでも|行っても)(?:いい|も|大丈夫)|"
                          r"\b(?:move on|go on|move|ready) to (?:deep learning|dl)\b|\bready for deep learning\b|"
                          r"\bstart (?:on )?deep learning (?:now|yet)\b", re.IGNORECASE)
AFTER_DEPLOY_CARD = "tool-mlops-after-deploy"
_DOCKER_RE = re.compile(r"docker|コンテナ|\bcontaineri[sz]ed\b|\bcontainer\b", re.IGNORECASE)
_NO_DOCKER_RE = re.compile(r"docker\s*(?:は|を|も)?\s*(?:まだ|一度も|全然)?\s*(?:触|使)(?:った|っ)?(?:ことが|ことは)?(?:ない|ありません|ません|てない)|"
                           r"\b(?:never|not yet|haven't|have not) (?:used|touched|tried) docker\b|\bno docker\b", re.IGNORECASE)
_DEPLOYED_RE = re.compile(r"デプロイ(?:した|しました|済|まで)|APIにする(?:ところ)?まで|API化(?:した|して|まで)|\bdeployed\b|"
                          r"\bserv(?:es|ing) (?:a|my|the|our) (?:\w+ )?model\b|"
                          r"\bserved (?:with|as|in|on)\b|\brunning in production\b|本番(?:に載せ|で動|で運用し)", re.IGNORECASE)
_GAP_RE = re.compile(r"\bgap\b|\bdifference\b|\bwhat should i learn\b|違い|足りない|何を(?:学|勉強|身につけ)", re.IGNORECASE)
_MLOPS_ASKED_RE = re.compile(r"\bmlops\b|\bmonitoring\b|\bretrain|MLOps|運用|監視|再学習", re.IGNORECASE)
# whether Kaggle counts in hiring, asked ("Is Kaggle actually worth it for getting hired?", "転職で評価されるにはKaggleで
# どれくらいの実績が")
_KAGGLE_VALUE_RE = re.compile(r"kaggle[^?？。]{0,40}?(?:worth (?:it|the time|doing)[^?？。]{0,30}?(?:hired|a job|jobs|resume|\bcv\b|employ)|"
                              r"on (?:a|my) (?:resume|cv)|"
                              r"help (?:me )?(?:get )?(?:hired|a job)|\bhiring\b|in interviews)|"
                              r"(?:評価|有利|通用)[^。？?]{0,20}?kaggle[^。？?]{0,20}?(?:実績|成績|順位|メダル)|"
                              r"kaggle[^。？?]{0,30}?(?:実績|成績|順位|メダル)[^。？?]{0,20}?(?:評価|有利|通用|意味)", re.IGNORECASE)
FOREIGNER_CERT_CARD = "cert-jdla-english"
_FOREIGNER_RE = re.compile(r"\bforeign(?:er)?\b|\bjlpt\b|\bn[1-5]\b|non-japanese|not japanese|外国人|留学生", re.IGNORECASE)
JUNIOR_SENIOR_CARDS = frozenset({"ladder-years-to-senior", "ladder-senior-mle"})
_JUNIOR_SENIOR_RE = re.compile(r"ジュニア(?:[・/／]ミドル|やミドル)?とシニアの違い|ジュニアとシニアって何が違|(?:ジュニア|ミドル)からシニアに上がるときに求められる|\b(?:difference|differences) between (?:a )?junior and "
                               r"(?:a )?senior\b|\bseparates? (?:a )?junior from (?:a )?senior\b|"
                               # ("What actually distinguishes a senior ML engineer from a junior…?", usefulness251 #36, graded
                               # 0, got a junior's day)
                               r"\b(?:distinguish(?:es)?|separates?|differentiates?) (?:a )?senior (?:ml |machine learning )?"
                               r"(?:engineer )?from (?:a )?(?:junior|mid)",
                               re.IGNORECASE)
TO_MID_CARD = "ladder-junior-to-mid"
_A_PLAN_RE = re.compile(r"\ba plan\b|\bplan for\b|計画|プラン", re.IGNORECASE)  # (not "how should I plan my growth")
_TO_MID_RE = re.compile(r"\b(?:promoted|promotion|move up|moving up|get|reach|grow|growing|growth)\b(?: (?:in)?to| toward)?(?: a| the)?(?: solid)? "
                        r"mid(?:[- ]?level\b|/)|(?:ミドル|中堅)(?:クラス|レベル)?(?:に|へ)(?:上が|昇格|な[りれる]|進)|"
                        # (a junior trusted with projects on their own: "一人で案件を任されるレベルになれますか", usefulness317 #30)
                        r"一人で(?:案件|プロジェクト)を任され|独り立ち", re.IGNORECASE)


def _asks_to_mid(query: str) -> bool:
    """Whether the message asks how to move up from junior to mid-level, and not for a plan of what to learn for it."""
    return bool(_TO_MID_RE.search(query)) and not _A_PLAN_RE.search(query)

DS_CARD = "bg-data-scientist"
# a data scientist by job asking what separates them from an ML engineer ("I've been a data scientist at a small fintech
# startup for 2 years… What's the gap between a data scientist like me and an ML engineer, and what should I learn to close
# it?", usefulness207 #38, graded 1, got the two roles compared)
_DS_SELF_RE = re.compile(r"\b(?:i'?m|i am|i'?ve been|i have been|working as|work as) (?:a |an )?(?:junior |senior )?data scientist\b|"
                         r"\ba data scientist like me\b|データサイエンティスト(?:として|を)(?:[0-9０-９一二三四五]+年|働|やって|して)|"
                         # ("データサイエンティストとして予測モデルを作っています", usefulness339 #30)
                         r"データサイエンティストとして[^。、？?]{0,16}?モデルを(?:作|つく|開発|構築)",
                         re.IGNORECASE)
_FIRST_YEAR_RE = re.compile(r"\bfirst (?:year|12 months|six months|6 months)\b|最初の(?:1|一)年|1年目|一年目|入社後の(?:1|一)年", re.IGNORECASE)
_GROW_RE = re.compile(r"\bgrow|成長|伸び|伸ば", re.IGNORECASE)
_OFFER_RE = re.compile(r"\b(?:got|received|accepted|have|signed) (?:an? |my (?:first )?)?(?:job )?offer\b|\boffer (?:as|from|for)\b|"
                       r"内定(?:を|が)?(?:もら|いただ|頂|出|決ま|取れ|をとっ)|入社(?:が|先が)?決ま", re.IGNORECASE)
_BEFORE_START_RE = re.compile(r"\bbefore (?:i start|starting|day one|my first day|i join|joining)\b|\bready (?:on|for) day one\b|"
                              r"\b(?:i )?start(?:ing)? (?:in \d+|next|in (?:a|two|three|four|five|six) )|\bin (?:these|the) (?:next )?(?:few )?weeks\b|"
                              r"入社(?:まで|前)|配属(?:まで|前)", re.IGNORECASE)
JOB_PLAN_CARD = "job-interviews-in-3-months"
MEDAL_VALUE_CARD = "job-kaggle-medals"
_KAGGLE_CARD_RE = re.compile(r"tool-kaggle|kaggle-|job-kaggle")
RESTART_MATH_CARDS = frozenset({"math-relearn-adult", "math-which-first"})
_RESTART_MATH_RE = re.compile(r"どこから(?:やり直|復習|学び直|勉強し直|おさらい)|(?:やり直|復習|学び直|おさらい)[^。？?]{0,12}?(?:どこから|何から|なにから)|"
                              r"\bwhere (?:do|should) i (?:re)?start\b[^?]{0,40}\b(?:math|maths|calculus|algebra)\b|"
                              r"\b(?:relearn|refresh|brush up on|review|restart)\b[^?]{0,40}\b(?:math|maths|calculus|linear algebra)\b"
                              r"[^?]{0,40}\b(?:where|what) (?:do|should) i (?:start|begin)\b", re.IGNORECASE)
# (also in kana: "銅メダルを1つとって", usefulness310 #29, graded 1)
_MEDAL_WON_RE = re.compile(r"メダル(?:を)?(?:[0-9０-９一二三]つ)?(?:取|獲|と)(?:れ|り|っ)|メダル(?:獲得|取得)|"
                           r"\b(?:got|won|earned|have|landed|with) (?:my |a |one |two |2 )?(?:first )?(?:kaggle )?"
                           r"(?:bronze|silver|gold) medals?\b", re.IGNORECASE)
# applying soon, said ("MLエンジニア職に応募してみたいんですが、応募までに他にやっておくべきこと", usefulness307 #30; "or just start
# applying for jobs?", 305 #60; graded 1, got what medals are worth)
_APPLY_SOON_RE = re.compile(r"応募して(?:みたい|みよう)|応募したい|応募まで|\bstart applying\b|"
                            r"\bapply(?:ing)? (?:for|to) (?:ml |mle )?(?:jobs|roles|positions)\b", re.IGNORECASE)
# what to do before applying, asked ("応募の前にやっておくべきことは", "an 8-week plan to get from here to sending applications")
_PREP_ASK_RE = re.compile(r"(?:何を|なにを)(?:して|やって|準備|しておく|やっておく|すべき|やるべき)|やっておくべき|しておくべき|しておくと|準備|"
                          r"次にやるべき|次にすべき|"
                          r"\bwhat (?:should|do|else should) i (?:do|prepare|focus|work)|\bplan\b|\bnext step\b", re.IGNORECASE)
# (not yet deployed: the card on what to add before applying, whose excludes name a deployment; else the deployed one's)
JOB_READY_CARDS = ("job-ready-to-apply", "job-ready-deployed")
NLP_READY_CARD = "job-ready-nlp"
_JOB_GOAL_RE = re.compile(
    r"\bland(?:ing)? (?:[\w-]+ ){0,4}?(?:interviews?|jobs?|offers?|roles?|positions?)\b|\bjob[- ]ready\b|\bhireable\b|"
    r"\bemployable\b|\bget(?:ting)? hired\b|\b(?:start |begin )?get(?:ting)? (?:more |any |some )?(?:interviews|callbacks)\b|面接に呼ばれ|面接まで|内定を(?:取|もら)|就職できる(?:レベル|状態)|"
    r"応募できる(?:レベル|状態)|(?:就職|転職)したい|就活|就職活動|転職活動|"
    # ("I want to start applying for jobs. Can you give me an 8-week plan to get from here to sending applications?",
    # usefulness201 #60, graded 1, was planned MLOps items)
    r"\bsend(?:ing)? (?:out )?(?:job )?applications\b|応募を始め|応募し始め|"
    # ("What should I do next to turn that into an actual ML engineer job offer?", usefulness214 #60, graded 1)
    r"\bjob offers?\b|"
    # ("What's my next step toward actually getting a job?", usefulness340 #56, graded 1, was listed more projects)
    r"\bget(?:ting)? (?:a|an|my first|the) (?:[\w-]+ ){0,2}?(?:job|role|position)\b", re.IGNORECASE)


def _past_ml_basics(kb: KnowledgeBase, result: SearchResult) -> bool:
    """Whether the message says the learner can already train models: scikit-learn, a classic algorithm, a project or
    a later stage's item, or a Kaggle result (not deep learning alone, which a video series names)."""
    core = kb.stages_by_id.get(ML_STAGE)
    said = {*result.items_finished, *result.items_known}
    return bool(_kaggle_result(result.query)) or any(
        i == SKLEARN_ITEM or (core is not None and i in kb.items and kb.stage(kb.items[i].stage).order >= core.order
                              and kb.items[i].stage != WORK_STAGE and i not in DL_THEORY_ITEMS)
        for i in said)


def _trains_models(kb: KnowledgeBase, result: SearchResult) -> bool:
    """Whether the message says the learner trains models already: past the ML basics, deep learning trained, or a
    job that trains them (a data scientist's)."""
    if _NO_ML_RE.search(result.query):
        return False
    said = {*result.items_finished, *result.items_known, *result.items_background}
    # (MLOps tools known are not models trained: "a DevOps engineer … Docker, Terraform and CI/CD every day")
    # (and a model of their own built: "社内で需要予測モデルを作ってきましたが、本番への組み込みは別チームが…学習プランを",
    # usefulness362 #30, graded 1, was planned SQL and linear regression first)
    built = bool(_BUILT_MODEL_RE.search(result.query)) and not _NO_CODE_RE.search(result.query)
    return built or bool(_kaggle_result(result.query)) or bool(_DS_SELF_RE.search(result.query)) or any(
        i == SKLEARN_ITEM or (i in kb.items and kb.items[i].stage in (ML_STAGE, PROJECTS_STAGE)) for i in said)


def _built_something(kb: KnowledgeBase, result: SearchResult) -> bool:
    """Whether the message names a project, a competition or a deployment of the learner's own (what the cards on being
    ready to apply weigh), not only courses."""
    said = {*result.items_finished, *result.items_known}
    # (projects counted: "I've built three scikit-learn projects (house prices, spam detection, customer churn) and
    # deployed one as a Streamlit app", usefulness338 #56, graded 1, was listed more projects)
    return bool(_kaggle_result(result.query)) or bool(_OWN_PROJECTS_RE.search(result.query)) or any(
        i in kb.items and kb.items[i].stage in (PROJECTS_STAGE, MLOPS_STAGE) for i in said)


DL_BASICS_ITEM = "core-ml.deep-learning-basics"
FROM_SCRATCH_ITEM = "core-ml.implement-from-scratch"
DL_THEORY_ITEMS = frozenset({DL_BASICS_ITEM, FROM_SCRATCH_ITEM})
DEEP_DIVE_ITEM = "specialization.deep-dive-course"
DL_PLAN_ITEMS = (DL_BASICS_ITEM, FROM_SCRATCH_ITEM, "projects.image-classifier", "projects.sentiment-analysis")


MEDAL_CARD = "kaggle-first-medal"
_MEDAL_GOAL_RE = re.compile(r"メダルを(?:取|獲)(?:る|りたい|れる|ろう)|メダル(?:を)?(?:狙|目指)|"
                            r"\b(?:get|win|earn|land|aim for) (?:my |a )?(?:first )?(?:bronze |silver |gold )?medal\b",
                            re.IGNORECASE)
LLM_APP_CARD = "job-llm-app-portfolio"
_LLM_APP_PORTFOLIO_RE = re.compile(
    r"(?:LLM|生成AI|RAG|ChatGPT|GPT)[^。？?]{0,30}?(?:アプリ|チャットボット|サービス)[^？?]{0,40}?(?:ポートフォリオ|作品)|"
    r"\b(?:llm|genai|gen ai|rag|gpt)[- ]?(?:powered |based )?(?:app|application|chatbot)s?\b[^?]{0,60}?\bportfolio\b|"
    r"\bportfolio\b[^?]{0,60}?\b(?:llm|rag|genai)[- ](?:app|application|project)s?\b", re.IGNORECASE)


NO_CALLBACKS_CARD = "job-search-no-offers"
# applications sent with nothing back ("applied to about 40 ML jobs, but got zero callbacks", "書類で全部落ちました")
_NO_CALLBACKS_RE = re.compile(r"\b(?:appl(?:ied|ications?|ying)|resumes?|cvs)\b[^.?!]{0,80}?\b(?:zero|no|not a single|0|without any)\s+"
                              r"(?:callbacks?|call-?backs?|interviews?|responses?|replies)\b|"
                              r"書類(?:選考)?(?:で|は)(?:全部|すべて|全て|ほぼ|ほとんど)?(?:落ち|通らな)|書類(?:選考)?が(?:全然|なかなか|ほとんど)?通らな|"
                              r"面接に(?:全然|なかなか|一度も)?呼ばれ(?:な|ませ)", re.IGNORECASE)
# Cards for a situation the message states, put before a next-step answer (or, "always", in its place; "plan", in its
# place when a plan is asked for), in this order, when their requires and excludes let them answer the asker:
_SITUATION_CARDS: tuple[tuple[str, Callable[[KnowledgeBase, SearchResult], bool], str], ...] = (
    # applications sent and no callbacks ("3 portfolio projects … applied to about 40 ML jobs, but got zero callbacks. What
    # should I do next?", usefulness344 #59, graded 1, was listed a Kaggle competition and a blog post): the card on
    # applications that get nowhere, alone
    (NO_CALLBACKS_CARD, lambda kb, result: bool(_NO_CALLBACKS_RE.search(result.query)), "always"),
    # their own model, working in a notebook, to be made presentable ("…it works well in a notebook. What are the next
    # steps to turn this into something that looks like real ML engineering work?", usefulness135 #56 and #28, graded 0,
    # were told to build other projects); or someone who trains and evaluates models and says they have never deployed
    # one ("I can train and evaluate scikit-learn models … but I've never deployed anything. What should I learn next?",
    # usefulness165 #59, graded 1, was sent to deep-learning basics); the card's excludes: not a model already served
    # (not when the order of the MLOps tools is asked: "…never deployed anything. What should I learn next to get a model
    # into production — Docker, FastAPI, cloud, monitoring? In what order?", usefulness213 #56, graded 1)
    (NOTEBOOK_CARD, lambda kb, result: bool(
        (_NOTEBOOK_TO_PORTFOLIO_RE.search(result.query)
         # (the portfolio asked is what the card is on: "Webで使えるようにしたりデプロイしたりした経験はありません。転職用のポート
         # フォリオにするには次に何を", usefulness339 #29, graded 1, was planned more model projects)
         or (_NEVER_DEPLOYED_RE.search(result.query) and _past_ml_basics(kb, result)
             and not set(result.items_asked) - {PORTFOLIO_ITEM}))
        and not _WHAT_ORDER_RE.search(result.query)),
     "never"),
    # a first medal as the next goal ("次は本番のコンペに出たいんですが、銅メダルを取るためには何を勉強・実践すれば",
    # usefulness171 #28, graded 0, was planned a recommender, a sentiment model and an image classifier)
    # (not for someone who has won one: "銅メダルを2つ取りました。もう転職活動を始めてもいいのか、銀メダルを狙ってもう少し粘る
    # べきか", usefulness208 #30, graded 0, was told how to win a first medal)
    (MEDAL_CARD, lambda kb, result: bool(_MEDAL_GOAL_RE.search(result.query) and not _MEDAL_WON_RE.search(result.query)),
     "never"),
    # whether to go on to deep learning, asked with a plan request ("次はディープラーニングに進んでいいですか？週8時間くらいで学習
    # 計画を", usefulness205 #26, graded 1, got the plan and never the answer)
    (DL_READY_CARD, lambda kb, result: bool(_DL_READY_RE.search(result.query)), "never"),
    # using the tools without understanding what happens inside ("Completed fast.ai… I feel like I can use the tools but
    # don't really understand what's happening underneath", usefulness212 #56 and 204 #56, graded 0 and 1, were planned
    # more projects)
    (UNDER_HOOD_CARD, lambda kb, result: bool(_UNDER_HOOD_RE.search(result.query)), "never"),
    # a deployed model, and MLOps asked about ("I have a model deployed on AWS in a Docker container with a GitHub Actions CI
    # pipeline. What's the next step to get into proper MLOps, like monitoring and retraining?", usefulness206 #58 and 202
    # #59, graded 1, got "1 item left" alone): the card on MLOps after a deployment (its requires: a deployment told)
    # (served in Docker: someone who deployed without it still has the checklist's Docker item first, usefulness93 #27)
    # (not for growing toward senior: "…trained and deployed a couple of models on AWS SageMaker with CI/CD and basic
    # monitoring. I want to grow toward a senior ML engineer role", usefulness230 #60, graded 0, got the MLOps tools)
    (AFTER_DEPLOY_CARD, lambda kb, result: bool(_MLOPS_ASKED_RE.search(result.query) and _DOCKER_RE.search(result.query)
                                                and not _NO_DOCKER_RE.search(result.query)
                                                and not _TOWARD_SENIOR_RE.search(result.query)), "never"),
    # an LLM app to be built for a portfolio ("次はLLMを使ったアプリを作ってポートフォリオにしたいんですが、週8時間で2ヶ月の
    # 計画を…", usefulness159 #30, graded 0, was planned NumPy, Pandas and a recommender system): the card's plan answers a
    # plan request
    (LLM_APP_CARD, lambda kb, result: bool(_LLM_APP_PORTFOLIO_RE.search(result.query)), "plan"),
    # a maths teacher planning around the school year ("10 weeks off in summer when I could study full time, and maybe 5
    # hours a week during the school year", usefulness160 #34 graded 0, 157 #32 and 158 #33 graded 1, were planned ten
    # weeks at five hours a week): the card's plan by the school calendar
    (TEACHER_CARD, lambda kb, result: bool(_SCHOOL_CALENDAR_RE.search(result.query)
                                           and not _FIRST_SPAN_RE.search(result.query)), "always"),
    # an offer in hand, asking how to prepare before starting ("I finally got an offer as a junior ML engineer and I start
    # in 5 weeks! … What should I focus on in these few weeks so I'm ready on day one?", usefulness181 #57, graded 0, was
    # planned deep-learning basics); the card's requires and excludes: an offer named, not someone long in the job
    (OFFER_CARD, lambda kb, result: bool(_OFFER_RE.search(result.query) and _BEFORE_START_RE.search(result.query)), "always"),
    # a certificate passed, asking whether another comes next ("先月G検定に合格しました！ただ実装はまだほとんどできません。次は
    # 何をやるのがいいですか？E資格に進むべき？", usefulness187 #29, graded 1, got the next items and what E資格 is): the card on
    # what to do after passing, before the next items
    (AFTER_PASSING_CARD, lambda kb, result: bool(
        (_passed_certificates(kb, result.query) or _G_KENTEI_HELD_RE.search(result.query)
         or _TOUKEI_HELD_RE.search(result.query)) and _NEXT_CERT_RE.search(result.query)), "never"),
    # ゼロから作るDeep Learning finished, asking what next ("「ゼロから作るDeep Learning」の1冊目を最後まで読んで、コードも一通り
    # 写経しました。この後はどういう順番で", usefulness222 #26, graded 1, was only told the projects stage): the card on what
    # comes after that book (PyTorch, then a project), before the next items
    # (read to the end, said in other words: "1巻を最後まで読んで、コードも写経しました", usefulness259 #28)
    (ZERO_DL_CARD, lambda kb, result: ZERO_DL_BOOK in result.courses_finished and bool(
        result.finished_said or _READ_THROUGH_RE.search(result.query)), "never"),
    # Kaggle's getting-started competitions done, asking which competition or what comes next ("Kaggleのタイタニックと住宅価格
    # 予測はやりました。…次はどういうコンペに挑戦すればいいですか？", usefulness283 #28, 285 #25 and 288 #28, graded 1, got the
    # projects checklist): the card on what comes after them, before the next items (its requires: Titanic or House
    # Prices named; its excludes: not a medal holder)
    (KAGGLE_NEXT_CARD, lambda kb, result: bool(_NEXT_COMPETITION_RE.search(result.query)), "never"),
    # a cloud ML certificate passed, asking what next ("AWSのML資格に合格しました。次は何をすればいいですか？"): the card on
    # what to do after it, before the next items
    (AFTER_CLOUD_CERT_CARD, lambda kb, result: bool(_CLOUD_CERT_HELD_RE.search(result.query)
                                                    and _CLOUD_ML_CERT_RE.search(result.query)), "never"),
)


def _card_first(kb: KnowledgeBase, result: SearchResult, chosen: Card, asker: Asker, lang: str,
                answer: Answer) -> Answer:
    """The next-step answer with ``chosen``'s answer before it."""
    card = compose_card(kb, chosen, result, asker, lang, [])
    answer.answer = f"{card.answer}\n\n{answer.answer}"
    answer.card = card.card
    seen = {p.doc_id for p in answer.passages}
    answer.passages += [p for p in card.passages if p.doc_id not in seen]
    return answer


# A request to save the learner's place ("今のステージとして記録しておいてほしいです", "Please save my progress"):
# an answer cannot write to their profile, so it says which command does, with the stage it placed them at.
_SAVE_RE = re.compile(r"(?:記録|保存|登録|更新)(?:して|しておいて|しといて|を?お願い|お願い)(?!もら(?:った|いました)|ある|あります)|"
                      r"覚えておいて|覚えといて|"
                      r"\b(?:save|record|store|log|update|remember)\s+(?:my|this|that|it|where)\b|\bset my stage\b|"
                      r"\b(?:change|set|move|put) my stage (?:back )?to\b|"
                      r"\bkeep track of my\b", re.IGNORECASE)


# The stage a save request names: "change my stage back to 2", "ステージ3に更新して"
_SAVE_TARGET_RE = re.compile(r"\bstage\s+(?:back\s+)?to\s+(?:stage\s*)?([1-7])\b|(?:ステージ|stage)\s*([1-7１-７])\s*(?:に|へ)"
                             r"(?:更新|変更|戻|登録|記録|保存)", re.IGNORECASE)


def save_target(kb: KnowledgeBase, query: str) -> str | None:
    """The id of the stage a save request names, if it names one."""
    return _numbered_stage(kb, _SAVE_TARGET_RE, query)


def asks_to_save(query: str) -> bool:
    """Whether the message asks the bot to record the learner's stage or progress."""
    return bool(_SAVE_RE.search(query))


# Where the bot has the learner, or starting over: "今の自分のステージってどこ？", "Can you tell me which stage I'm
# currently at? And can you reset my progress" (usefulness47 #48 got the hours per stage; #18's "ステージ3に更新して"
# was not acknowledged)
_WHICH_STAGE_RE = re.compile(r"(?:今|いま|現在|自分)の?(?:自分の)?ステージ(?:は|って|を)[^。？?]{0,6}(?:どこ|何|なに|教え|確認)|"
                             r"(?:今の|いまの|自分の)?(?:記録|登録)(?:って|は)[^。？?]{0,6}どう(?:なって)?|"
                             r"どのステージ(?:に|なのか|か|にいる)|\b(?:which|what) stage (?:am i|i'?m|i am)\b|"
                             r"\b(?:tell|show) me (?:which|what|my) (?:current )?stage\b", re.IGNORECASE)
# (of what is stored: not "I don't want to start over as a junior", nor "if you start from scratch")
_RESET_RE = re.compile(r"(?:リセット|最初からやり直|一からやり直|消して)[^。？?]{0,20}|[^。？?]{0,20}(?:リセット|最初からやり直|一からやり直)",
                       re.IGNORECASE)
_STORED_RE = re.compile(r"進捗|ステージ|記録|データ|チェックリスト|\bprogress\b|\bstage\b|\bchecklist\b|\bprofile\b",
                        re.IGNORECASE)
_RESET_EN_RE = re.compile(r"\b(?:reset|clear|wipe|delete)\s+(?:all\s+(?:of\s+)?)?(?:my|the)\s+(?:progress|stage|data|checklist|"
                          r"profile)\b", re.IGNORECASE)


def profile_ask(query: str) -> str | None:
    """"reset" for a request to start over, "which" for a question about the stage stored, else None."""
    reset = _RESET_EN_RE.search(query) or any(_STORED_RE.search(m.group()) for m in _RESET_RE.finditer(query))
    return "reset" if reset else "which" if _WHICH_STAGE_RE.search(query) else None


# "Can you give me a plan for the next 3 months?", "3ヶ月の学習計画を立てたい"
# (not a deadline: "I want to move into an ML engineer role within the next 18 months. … What projects would best show I
# can do ML engineering?", usefulness181 #37, graded 1, was planned the core algorithms)
# (not a plan told: "my plan is to target remote ML engineer roles … What do I need in my portfolio", usefulness260 #37,
# graded 0, got a checklist)
_PLAN_RE = re.compile(r"計画|プラン(?!ナー)|スケジュール|\bplan\b(?!\s+(?:is|was)\s+to\b)|(?<!within the )\bnext (?:\d+|few|couple of|two|three|six) (?:months|weeks)\b|"
                      # "6ヶ月の学習ロードマップを週単位で作ってほしい", "give me a month-by-month roadmap"
                      r"ロードマップを[^。？?！!]{0,20}?(?:作|つく|立て|組|考え|引)|(?:月|週)(?:ごと|単位)|"
                      # "ここからMLエンジニアを目指す半年分のロードマップを教えてください" (usefulness192 #29, graded 1, got three
                      # next items and no plan)
                      r"(?:半年|[0-9０-９一二三四五六七八九十]+\s*(?:ヶ|か|カ|ケ)月|[0-9０-９一二]+年)(?:分|間)?の(?:学習)?ロードマップ|"
                      r"\b(?:month|week)[- ]by[- ](?:month|week)\b|"
                      # ("What should my learning path look like given I can study about 12 hours per week?", usefulness257
                      # #34, graded 1, got how many hours a week to study)
                      r"\bwhat should my learning path look like\b|"
                      r"\b(?:make|give|build|draw up|create|write|put together)\b[^.?!]{0,25}\broadmap\b|"
                      # "what should my first six months look like?"
                      r"\bfirst (?:\d+|few|two|three|six|twelve) (?:weeks|months)\b[^.?!]{0,25}\blook like\b|"
                      # ("Is that realistic starting from where I am, and what should the first year look like?", usefulness263
                      # #31, graded 1, got remote work and what a baseline is)
                      r"\bfirst year\b[^.?!]{0,25}\blook like\b",
                      re.IGNORECASE)
# A span to fill, asked with "what next?" ("次の2ヶ月で何をすれば？", "what should I learn, in order, to get
# into MLOps within a year?"): a plan too; not on its own ("1年以内に転職できる？" asks about time).
_SPAN_NEXT_RE = re.compile(r"次の\s*(?:\d+|[一二三四六])\s*(?:ヶ|か|カ|ケ)月|"
                           # "3ヶ月、週15時間でやるべきことを教えてください" (usefulness69 #29, graded 0, got RAG vs fine-tuning)
                           r"(?:半年|(?:\d+|[一二三四六])\s*(?:ヶ|か|カ|ケ)月)[^。？?]{0,15}?(?:やるべき|やること|すべきこと|取り組むべき)|"
                           # "2ヶ月でポートフォリオを作るとしたら、どんな順番で何をやればいいですか？" (usefulness70 #30, graded 1)
                           r"(?:半年|(?:\d+|[一二三四六])\s*(?:ヶ|か|カ|ケ)月)[^。？?]{0,30}?(?:どんな|どの)順番で|"
                           # "最初の半年は何から手をつけるのがいいでしょうか？" (usefulness199 #1, graded 0, got startups against
                           # large companies)
                           r"最初の(?:半年|(?:\d+|[一二三四六])\s*(?:ヶ|か|カ|ケ)月)(?:間)?(?:は|で)?[^。？?]{0,6}?(?:何から|なにから)|"
                           # a date to start applying by: "半年後には転職活動を始められるレベルになりたい" (usefulness41
                           # #25 and 42 #25 got next steps and no plan)
                           r"(?:半年|(?:\d+|[一二三四六])\s*(?:ヶ|か|カ|ケ)月|\d+\s*年)後(?:に|には|まで)[^。？?]{0,20}?"
                           r"(?:転職活動|就活|就職活動|応募)|"
                           r"\b(?:in|over) the next (?:\d+|few|couple of|two|three|six|twelve) (?:weeks|months)\b|"
                           # and in English: "I want to start applying for junior MLE roles in 4 months" (usefulness44 #56)
                           r"\b(?:start|begin) (?:applying|job[- ]hunting|interviewing|the job search)\b[^.?!]{0,40}?"
                           r"\bin (?:\d+|two|three|four|six|twelve) (?:weeks|months)\b|"
                           # "…job hunting in 3 months. What should I do in those 3 months?"
                           r"\b(?:in|with|during) (?:those|these) (?:\d+|few|two|three|six|twelve) (?:weeks|months)\b|"
                           # "What should those 12 weeks look like…?" (usefulness45 #57 got the study-group card)
                           r"\b(?:those|these|the next|my next) (?:\d+|few|two|three|six|twelve) (?:weeks|months)\b"
                           r"[^.?!]{0,20}\blook like\b|"
                           r"(?:この|その)\s*(?:\d+|[一二三四六])\s*(?:ヶ|か|カ|ケ)月(?:間)?で|"
                           # a deadline, with the order asked for ("what should I learn, in order, … within a year?");
                           # tried from the start only (it spans the message: from every position it cost 2 ms)
                           r"\A(?=.*(?:順番|順序|\bin (?:what |which )?order\b|\bstep[- ]by[- ]step\b))"
                           r".*(?:(?:\d+|[一二三四六半])\s*(?:ヶ|か|カ|ケ)?(?:月|年)以内|"
                           r"\bwithin (?:a|one|\d+|two|three|six|twelve) (?:years?|months)\b)",
                           re.IGNORECASE | re.DOTALL)


# a study group's moderator, whose 勉強会 is their own group, not the checklist's networking at meetups (see compose_next)
NETWORKING_ITEM = "work-experience.networking"
_MODERATOR_RE = re.compile(r"モデレーター|運営して|主催して|\bmoderat|\borgani[sz]er\b|\bour study group\b|\bi run (?:a|our)\b",
                           re.IGNORECASE)
# A moderator's plan for their group is not a plan from the moderator's own progress.
_GROUP_RE = re.compile(r"勉強会|メンバー|グループ|みんな|\bstudy group\b|\bmembers\b|\bour group\b|\bgroup\b",
                       re.IGNORECASE)


# "No ML knowledge yet", "機械学習の知識はほぼないです": whatever tools they know, they start before core ML.
_NO_ML_RE = re.compile(r"\b(?:no|zero|little|without any|don'?t have any) (?:ML|machine learning)\b|"
                       r"\bnever (?:done|touched|studied|learned|learnt) (?:any )?(?:ML|machine learning)\b|"
                       r"\b(?:know|knows) (?:almost |next to )?nothing about (?:ML|machine learning)\b|"
                       r"(?:機械学習|ML)(?:の知識|の経験)?(?:は|が|も)?(?:ほぼ|ほとんど|全く|まったく|まだ|一切)?"
                       r"(?:ない|なし|ありません|ゼロ|未経験|やったことがない|触ったことがない)|(?:機械学習|ML)未経験",
                       re.IGNORECASE)


# a model of their own that they built ("需要予測のモデルをJupyterで作って", "I built a churn model in scikit-learn")
# (not one hardly ever built: "実際にモデルを作ったことはほとんどありません", "モデルを作った経験はほとんどありません",
# usefulness358 #27)
# (or one containerised or served, built first: "I already containerized a model with Docker", "モデルをDockerで動かして";
# not Docker used at work)
_BUILT_MODEL_RE = re.compile(r"モデルを[^。！？、]{0,20}?(?:作って|作り|作った(?!(?:こと|経験)[はが]?(?:まだ|ほとんど|ほぼ|一度も|あまり)?(?:な|あり))|"
                             r"作りました|構築し|開発し|実装し|自作し)|"
                             r"(?<!never )(?<!n't )\b(?:built|trained|developed) (?:a|an|my own|our|two|three|several|a few) "
                             r"(?:[\w-]+ ){0,4}?models?\b|"
                             r"\b(?:containeri[sz]ed|dockeri[sz]ed|served|deployed|wrapped) (?:a|an|my|the|our) (?:[\w-]+ ){0,3}?"
                             r"models?\b|モデルを[^。！？]{0,20}?(?:Docker|API化|APIに|デプロイ)",
                             re.IGNORECASE)
# items learned apart from the ones before them on their checklist: SQL or descriptive statistics known says nothing of
# Python ("I'm good with Excel and know some SQL from pulling reports", usefulness360 #39, graded 1, was told Python,
# NumPy and Pandas were done)
# (unless the message names Python work on the same checklist too: "solid with SQL and pandas" is past the plots between;
# usefulness369 #58, graded 1, was planned visualisation and EDA)
STANDALONE_ITEMS = frozenset({"programming-data.sql-basics", "programming-data.descriptive-stats"})


def _standalone(item: Item, named: list[Item]) -> bool:
    """Whether ``item`` is learned apart from the items before it and nothing else named on its checklist is."""
    return item.id in STANDALONE_ITEMS and not any(i.stage == item.stage and i.id not in STANDALONE_ITEMS for i in named)


LATER_PROGRAMMING_ITEMS = frozenset({"programming-data.numpy", "programming-data.pandas", "programming-data.visualization",
                                     "programming-data.sklearn-intro"})
PYTHON_FIRST_ITEMS = frozenset({"programming-data.dev-environment", "programming-data.python-basics"})
# (and fit/predict with scikit-learn: "Jupyter上でモデルを作ってそこそこの精度は出せました" was planned "scikit-learnの基本",
# usefulness313 #30 and 306 #30, graded 1)
BUILT_MODEL_ITEMS = frozenset({"programming-data.dev-environment", "programming-data.python-basics", "programming-data.numpy",
                               "programming-data.pandas", "programming-data.visualization",
                               "programming-data.descriptive-stats", "programming-data.sklearn-intro"})
# Someone who runs a model of their own in production has trained and evaluated one and turned it into code that runs
# outside a notebook (usefulness89 #29 and 90 #30, a LightGBM model in a daily batch, got SVMs and decision trees as the
# next step)
RUNS_MODEL_ITEMS = BUILT_MODEL_ITEMS | {"programming-data.sklearn-intro", "core-ml.linear-regression", "core-ml.decision-trees",
                                        "core-ml.evaluation", "mlops.notebook-to-code"}
# A Kaggle result of their own ("銅メダルを2つ取りました", "Kaggle Expertで銀メダルも2つ", "two tabular competitions (top 30% in
# both)"): the core algorithms and what the roadmap's example projects are for are done (usefulness87 #28 and 89 #28, medal
# holders asking how to get a job, were sent to linear regression and SVMs, or to three beginner projects)
_KAGGLE_RESULT_RE = remembered(
    r"(?:銅|銀|金)メダル(?:を|も|が)?\s*(?:[0-9０-９一二三四五]+\s*(?:つ|個|枚))?\s*(?:を)?\s*"
    r"(?:取(?:り|っ|れ)(?:ました|た|て)|獲得し(?:ました|た|て)|持って(?:い|る|ま)|あり(?:ます)?|もらい|もらっ)|"
    r"(?:Kaggle\s*)?(?:Expert|Master|エキスパート|マスター)(?:に(?:なり|なっ|昇格し)|です)|上位\s*[0-3]?[0-9]\s*[%％](?:に入|以内|で|を取)|"
    r"\b(?:won|got|earned|have|hold|took)\s+(?:a |an |one |two |three |\d )?(?:bronze|silver|gold)(?: medals?)?\b|"
    r"\b(?:i'?m|i am|became|reached|made) (?:a )?kaggle (?:competitions )?(?:expert|master)\b|"
    r"\btop (?:[1-9]|[12][0-9]|30) ?%", re.IGNORECASE)
# scikit-learn known well ("I know Python and scikit-learn well", "scikit-learnは業務で使いこなしています"; not "the basics
# of scikit-learn"): its classic algorithms and evaluation are known (usefulness89 #58 was sent to linear regression)
_SKLEARN_SOLID_RE = remembered(
    r"\b(?:know|comfortable with|good at|proficient (?:in|with)|fluent (?:in|with)|solid (?:in|with)|confident (?:in|with)|"
    r"experienced (?:in|with)|strong (?:in|with))\s+(?:python,?\s+(?:and|&)\s+)?(?:scikit-learn|sklearn)\b(?!\s+basics)|"
    # ("I'm comfortable with pandas, NumPy and scikit-learn and have built a few tabular models", usefulness239 #56, graded 0)
    r"\bcomfortable with (?:[\w-]+,?\s+){1,4}(?:and|&)\s+(?:scikit-learn|sklearn)\b(?!\s+basics)|"
    r"\b(?:scikit-learn|sklearn)\s+(?:really\s+)?(?:well|daily|every day|at work|all day)\b|"
    r"(?:scikit-learn|sklearn)(?:は|も|を)?\s*(?:普通に|日常的に|業務で|仕事で|普段から|毎日|問題なく|かなり|それなりに)?\s*"
    r"(?:使いこな|日常的に使|業務で使|仕事で使|普段から使|毎日使)", re.IGNORECASE)
_DEEP_WORK_RE = re.compile(r"画像|CNN|深層学習|ディープラーニング|PyTorch|TensorFlow|BERT|\bdeep learning\b|\bneural\b|\bvision\b|"
                           r"\bimages?\b", re.IGNORECASE)
# "I'm comfortable training models in PyTorch", "PyTorchでモデルを学習させるのは問題なくできます"
_DL_SOLID_RE = remembered(
    r"\b(?:comfortable|confident|experienced|proficient|fluent|solid|good)\s+(?:at\s+|with\s+)?(?:training|building|writing)?"
    r"\s*(?:(?:deep learning |neural )?(?:models|networks|nets)\s+)?(?:in|with|using)\s+(?:pytorch|tensorflow|keras)\b|"
    r"(?:PyTorch|TensorFlow|Keras)(?:で|を)[^。？?]{0,20}?(?:使いこな|問題なく|普通に(?:書|使)|一通り(?:書|使|でき))|"
    r"\bcan (?:write|code) (?:basic |simple )?(?:pytorch|tensorflow|keras)\b|"
    # ("I can train CNNs in PyTorch and fine-tune Hugging Face models", usefulness127 #56, graded 0, was planned from setup;
    # "I fine-tuned BERT for text classification on Colab", 131 #56)
    r"\bcan (?:train|fine-?tune|build) (?:cnns?|neural (?:nets|networks)|(?:deep learning |dl )?models)\s+(?:in|with|using)\s+"
    r"(?:pytorch|tensorflow|keras)\b|\bfine-?tun(?:e|ed|ing)\s+(?:a\s+|an\s+)?(?:bert|hugging ?face|transformers?)\b",
    re.IGNORECASE)
# "I can train and evaluate models", "comfortable training models", "I've trained a few classification models at work"
_TRAINS_MODELS_RE = re.compile(
    r"\b(?:i can|i'm able to|i am able to|i know how to|comfortable|confident|used to)\s+(?:train(?:ing)?|build(?:ing)?)"
    r"(?:,?\s*(?:and\s+)?(?:evaluat(?:e|ing)|tun(?:e|ing)|deploy(?:ing)?))*\s+(?:(?:basic|simple|ml|machine learning|"
    r"classical|tabular|predictive|classification|regression|scikit-learn|sklearn)\s+)*models\b|"
    r"モデル(?:の学習|を学習|の作成|を作|の構築|を構築)[^。？?]{0,12}?(?:でき(?:る|ます)|できるように|は問題な|は一通り)",
    re.IGNORECASE)
# the classic algorithms gone through ("機械学習の基本アルゴリズムも一通り理解したつもりです。次にディープラーニングに進みたい":
# usefulness223 #30, graded 0, was listed linear regression, trees and SVMs as next)
_CLASSIC_DONE_RE = re.compile(r"(?:scikit-learn|sklearn)で[^。？?]{0,30}?(?:ひと通り|一通り)(?:やっ|でき|終わ)|"  # (usefulness228 #27, graded 0)
                              r"(?:機械学習|ML)の(?:基本|基礎|古典)(?:的な)?(?:アルゴリズム|手法)(?:は|も|を)?(?:一通り|ひととおり|ほぼ|だいたい)"
                              r"(?:理解|学|勉強|終わ|やり|押さえ)|"
                              r"\b(?:learned|covered|finished|went through|know|understand) (?:the |all the |most )?"
                              r"(?:basic|classic(?:al)?|core|standard) (?:ml |machine learning )?algorithms\b", re.IGNORECASE)
SKLEARN_SOLID_ITEMS = frozenset({"programming-data.sklearn-intro", "core-ml.linear-regression", "core-ml.decision-trees",
                                 "core-ml.svm", "core-ml.clustering", "core-ml.evaluation"})
KAGGLE_ITEM = "projects.kaggle-competition"
KAGGLE_RESULT_ITEMS = EXAMPLE_PROJECTS | {KAGGLE_ITEM, "core-ml.svm", "core-ml.clustering",
                                          "programming-data.sklearn-intro"}
# (a top-N% finish with no medal is no portfolio of one's own: "two Kaggle tabular competitions in the top 30%… a study
# plan" was planned no project of its own, usefulness92 #56; a medal or a title counts as one)
_KAGGLE_MEDAL_RE = re.compile(r"メダル|Expert|Master|エキスパート|マスター|\b(?:bronze|silver|gold)\b", re.IGNORECASE)


# a field the asker says they have not touched ("画像やNLPのコンペは未経験です", "never done image or text work")
_UNTOUCHED_TAIL = r"[^。．.!?！？]{0,20}?(?:未経験|やったことが(?:ない|ありません)|経験(?:が|は)?(?:ない|ありません)|触ったことが(?:ない|ありません)|" \
                  r"\bnever\b|haven'?t|\bno experience\b|\bnot yet\b|まだ)"
_UNTOUCHED_FIELD = {
    "projects.image-classifier": re.compile(r"(?:画像|コンピュータビジョン|\bCV\b|\bimages?\b|\bvision\b)" + _UNTOUCHED_TAIL, re.IGNORECASE),
    "projects.sentiment-analysis": re.compile(r"(?:NLP|自然言語|テキスト|\btext\b)" + _UNTOUCHED_TAIL, re.IGNORECASE),
}


def _kaggle_items(query: str) -> frozenset[str]:
    """What a Kaggle result said in the message counts as done: with a medal or title, the example projects too, less
    those of a field the message says was never touched (usefulness95 #27 and 97 #28: "銅メダルを2つ…画像やNLPはやった
    ことがありません" was planned no image or NLP project)."""
    items = KAGGLE_RESULT_ITEMS if _KAGGLE_MEDAL_RE.search(query) else KAGGLE_RESULT_ITEMS - (
        EXAMPLE_PROJECTS - {"core-ml.linear-regression", "core-ml.decision-trees", "core-ml.evaluation"})
    # (nor, after a tabular competition, image or NLP work: "テーブルデータのコンペで初めて銅メダル…次は画像系か、LLM系か"
    # got only a portfolio and a blog post, usefulness102 #27)
    if _TABULAR_RE.search(query):
        items = items - {"projects.image-classifier", "projects.sentiment-analysis"}
    return items - {item for item, pattern in _UNTOUCHED_FIELD.items() if pattern.search(query)}


_TABULAR_RE = re.compile(r"テーブル|表形式|\btabular\b", re.IGNORECASE)
# a model of their own that they run ("…モデルを作り、週次バッチとして運用しています", "my model runs in production")
# (and "LightGBMの需要予測モデルを1本本番に載せて", "I put a churn model into production"; usefulness90 #30, graded 0, was
# planned MLOps from packaging a notebook)
# (not one they want to run: "これを本番で使えるようにする方法が全く分かりません", "運用していきたい")
_RUNS_MODEL_RE = remembered(r"モデル[^。！？]{0,30}(?:運用して(?:います|いる|る|ます|おり|[0-9０-９一二三四五]+(?:年|ヶ月|か月|カ月))|運用中|本番で(?:動いて|動かして|使って|使われて)|"
                            r"稼働して(?:います|いる|る|ます)|稼働中|"
                            r"本番(?:環境)?に(?:載せ|乗せ|入れ|投入し|デプロイし)(?:て(?!み)|た(?![いらり]|ほう|方|こと|経験)|まし(?!ょう)|ることが(?:でき|出来)))|"
                            r"\bmy (?:model|models)\b[^.!?]{0,40}\b(?:in production|runs? (?:daily|weekly|nightly)|deployed)\b|"
                            r"(?<!never )(?<!n't )(?<!to )\b(?:put|got|shipped|deployed|took) (?:a|an|my|our|one) (?:[\w-]+ ){0,3}?models? "
                            r"(?:in|into|to) production\b|"
                            # ("I've written a FastAPI service that serves a PyTorch model": usefulness210 #58 was sent back
                            # to Python's setup)
                            r"\b(?:service|api|app|endpoint|server)\s+(?:that|which)\s+serves?\s+(?:a|an|my|our)\s+(?:[\w-]+\s+){0,3}?"
                            r"models?\b|"
                            # ("a few models shipped to production", "レコメンドモデルの開発と運用をやってて")
                            r"\bmodels? (?:shipped|deployed|running|live) (?:to|in|into) production\b|"
                            r"モデル[^。！？]{0,20}?(?:開発と)?運用(?:を|も)(?:やって|担当し|しており|してい)",
                            re.IGNORECASE)
# "I've never put a model into production", "never deployed anything", "デプロイや運用はしたことがありません"
_NEVER_DEPLOYED_RE = remembered(r"\bnever (?:put|pushed|taken|shipped|got(?:ten)?) (?:a |any |my )?(?:ml )?models? (?:in)?to production\b|"
                                r"\bnever deployed\b|\bhaven'?t (?:ever )?deployed\b|\bno (?:production|deployment) experience\b|"
                                # (only as far as building the model: "モデルを作るところまではできるんですが、この先は",
                                # usefulness184 #28, graded 0)
                                r"モデルを(?:作|つく)る(?:ところ|所)まで(?:は|なら)?(?:でき|やれ)|"
                                # ("モデルを作って終わりで、実際にサービスに組み込んだ経験がありません", usefulness234 #27, graded
                                # 0, was placed at the specialisation stage)
                                r"(?:サービス|本番|プロダクト|製品)に組み込(?:んだ|む)(?:経験|こと)(?:は|が)?(?:まだ|一度も)?(?:ない|ありません|なく)|"
                                r"(?:デプロイ|本番運用|本番環境へのデプロイ)(?:や[^。、]{1,10})?(?:は|も|の経験は?)?"
                                r"(?:まだ|一度も|全く|まったく)?(?:したことが(?:ない|ありません)|やったことが(?:ない|ありません)|未経験|経験がない|経験がありません)|"
                                # (put to use outside the notebook, said in other words: "作ったモデルを外から使えるようにしたことは
                                # ありません", usefulness336 #28, and "Webで使えるようにしたりデプロイしたりした経験はありません",
                                # 339 #29, graded 1, were planned more model projects; not "経験がないと不利？")
                                r"(?:デプロイ|本番(?:環境)?に(?:載せ|のせ|出し)|(?:外|外部|Web|ウェブ|アプリ)(?:から|で)使えるように)"
                                r"[^。？?]{0,14}?(?:こと|経験)(?:は|が|も)?(?:まだ|一度も|全く|まったく)?(?:ない|ありません|なく)(?!と)|"
                                # (handed to another team: "本番運用は別チームに投げてる状態です", usefulness352 #30, graded 0, was read
                                # as running models in production and placed past MLOps)
                                r"(?:本番|運用|デプロイ)[^。？?]{0,8}?(?:別の?|他の?|ほかの|インフラ|開発)チームに(?:投げ|渡し|任せ|丸投げ|お願い)|"
                                r"\b(?:hand(?:ed)?|throw(?:n)?|pass(?:ed)?) (?:it |them |models? )?(?:off |over )?to (?:another|a separate|the (?:eng(?:ineering)?|platform|ops|infra)) team\b",
                                re.IGNORECASE)
# projects the asker has ("I have three portfolio projects on GitHub", "作品が3つあります")
_OWN_PROJECTS_RE = re.compile(r"\bi(?:'ve| have)?(?: already)? (?:have|got|built|made|shipped|done|completed|finished) (?:[2-9]|two|three|four|five|"
                              r"several|a few|a couple of|multiple) (?:[\w-]+ ){0,3}?(?:projects|apps)\b|"
                              r"(?:作品|プロジェクト|アプリ)(?:が|を)(?:[2-9２-９]|二|三|四|五|いくつか|複数)(?:つ|個)?(?:あり|持って|公開)",
                              re.IGNORECASE)
# "I don't have any real projects yet", "ポートフォリオはまだありません", "作品はまだ何も作っていない"
_NO_PROJECTS_RE = re.compile(r"(?:ポートフォリオ|作品|プロジェクト|成果物)(?:の経験|経験)?(?:は|が|も)?"
                             r"(?:まだ|ほぼ|ほとんど|一つも|ひとつも|何も|なにも)?"
                             r"(?:ない|無い|なし|ありません|ゼロ|作っていない|作ってない|作れていない|作っていません)|"
                             r"\b(?:don'?t|do not|doesn'?t) have (?:any |a single )?(?:real |actual |personal |ml )*"
                             r"(?:projects?|portfolio)\b|"
                             r"\b(?:no|zero|without any) (?:real |actual |personal |ml )*(?:projects|portfolio)\b|"
                             r"\bhaven'?t (?:built|made|done) (?:any|a single) (?:real |actual |ml )*projects?\b",
                             re.IGNORECASE)
# "プログラミングは完全に未経験", "コードはほぼ書けません", "I've never programmed", "no coding experience"
_NO_CODE_RE = re.compile(r"(?:プログラミング|コーディング|コード)(?:の経験)?(?:は|も|が)?[^。、,.!?？！]{0,12}?"
                         r"(?:未経験|経験(?:は|が)?(?:ほぼ|ほとんど|全く|まったく)?(?:ない|なし|ありません|ゼロ)|"
                         r"(?:ほぼ|ほとんど|全く|まったく)?書けません|(?:ほぼ|ほとんど|全く|まったく)?書けない|"
                         r"したことが(?:ない|ありません)|"
                         # ("実際にコードを書いてモデルを作ったことはまだほとんどないです", usefulness139 #26 and 140 #27,
                         # graded 0, new G検定 holders, were sent to MLOps)
                         r"(?:た|だ)ことは?(?:まだ)?(?:ほぼ|ほとんど|全く|まったく|一度も)?(?:ない|ありません))|"
                         r"\bnever (?:programmed|coded|written (?:any )?code)\b|"
                         r"\b(?:no|zero|little|without any)\s+(?:real\s+|actual\s+|prior\s+)?(?:programming|coding)\b"
                         r"(?!\s+(?:jobs?|bootcamps?|courses?|interviews?))|"
                         r"\bcan'?t (?:code|program)\b", re.IGNORECASE)


def _plan_intent(result: SearchResult) -> NextIntent | None:
    """A request for a study plan from someone who says what they have done ("Completed the Deep Learning
    Specialization and two Kaggle competitions. Can you give me a plan for those 3 months?"): a plan starts
    from where they are, like "what next?". Without what they have done, a plan card answers."""
    if not (_PLAN_RE.search(result.query) or _SPAN_NEXT_RE.search(result.query)):
        return None
    # (a group's plan from where the group says it is: "Our study group just finished the first stages: Python, basic math
    # …, and classic ML with scikit-learn. As the moderator, what should the next 8 weeks of our plan cover?", usefulness187
    # #60, graded 0, got how to run a mixed-level group; else a moderator's plan is not one from their own progress)
    if _GROUP_RE.search(result.query) and not (result.finished_said and (result.items_finished or result.stages_finished)):
        return None
    # Nor a plan to pass an exam ("来年2月のE資格を受けたい…合格までの学習スケジュールを組んで"): its card answers, not the
    # roadmap from where they are (usefulness64 #29, graded 0, was planned from Python setup)
    if _EXAM_PLAN_RE.search(result.query):
        return None
    # Nor from someone who asks for another span than the plan cards' three months, or says their hours:
    # "a 12-month roadmap? I study 5 hours a week" is a plan at those, not a ready card's.
    if not (result.backgrounds or result.items_known or (result.finished_said and (
            result.items_finished or result.courses_named or result.stages_finished))
            or plan_weeks(result.query) not in (None, DEFAULT_PLAN_WEEKS) or hours_in_question(result.query)
            # (or a Kaggle result, or a model of their own: "got a silver medal in a tabular competition. Now I want to
            # move toward MLOps … a plan for the next 3 months?", usefulness98 #57, graded 0, got the beginners' plan)
            or _kaggle_result(result.query) or _runs_model(result.query)
            # (or models they can train: "I can train CNNs in PyTorch and fine-tune Hugging Face models … a 3-month
            # plan?", usefulness127 #56, graded 0)
            or _DL_SOLID_RE.search(result.query) or _TRAINS_MODELS_RE.search(result.query)):
        return None
    return NextIntent(partial=bool(NOT_YET_RE.search(result.query)))


# a plan toward passing an exam
_EXAM_PLAN_RE = re.compile(r"(?:合格|受か)(?:する|る)?(?:まで|ため|に向け)|試験(?:日)?(?:まで|に向け)|"
                           # "半年後にE資格を受けたいので、それまでの勉強計画を" (usefulness68 #26, graded 0)
                           r"(?:検定|資格|試験)を受け(?:たい|る予定|る)[^。？?]{0,12}(?:それまで|までの)|"
                           # "あと5ヶ月でE資格を取りたい…どんなスケジュールで" (usefulness115 #28, graded 0, got a job roadmap)
                           r"(?:検定|資格)を取(?:りたい|る予定|得したい)[^？?]{0,60}?(?:スケジュール|計画|プラン)|"
                           r"\b(?:to|and|help me) pass (?:the|my|an?|it)\b|"
                           r"\b(?:pass(?:ing)?|prepar\w*(?: for)?|study(?:ing)? for) (?:the|my|an?) [^.?!]{0,40}\b(?:exam|test)\b",
                           re.IGNORECASE)


# what a learner finishes: a course, lectures, a book ("Done with the CS229 lectures and all the problem sets")
_STUDY_RE = re.compile(r"\b(?:lectures?|courses?|problem sets?|books?|tutorials?|textbooks?|specializations?|"
                       r"moocs?|classes)\b|講義|講座|コース|教材|参考書|問題集|チュートリアル|本を", re.IGNORECASE)


def asks_next(result: SearchResult) -> bool:
    """Whether a question asks "what next?" or for a plan (answered by :func:`compose_next`, which makes the plan
    when any question of the message asks for one)."""
    return detect_next_intent(result.query) is not None or bool(
        _PLAN_RE.search(result.query) and not _GROUP_RE.search(result.query))


# a plan for learning ("a 12-month roadmap? I study 5 hours a week"), not a workout plan
_LEARNING_RE = re.compile(r"学習|勉強|独学|ロードマップ|\bML\b|\bAI\b|\b(?:study|studying|learn|learning|roadmap)\b",
                          re.IGNORECASE)


def _bare_next(result: SearchResult) -> bool:
    """"What next?" with nothing else in it: no stage, item or other subject named."""
    if result.items_named or result.stages_named:
        return False
    return len(result.query.strip()) <= 40


__all__ = ["Answer", "Asker", "Passage", "ResourceRef", "asks_next", "compose", "fit_resources", "hours_in_question"]
