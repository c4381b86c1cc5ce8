"""The question-answering engine shared by the CLI and the Discord bot.

Loads the knowledge base, the encoder and the index once; then answers questions (a batch at a time).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

import numpy as np

from bot.answer import (
    DILEMMA_ENDS,
    GOAL_BEYOND_CARDS,
    MAX_RESOURCES,
    REQUEST_WORDS,
    Answer,
    Asker,
    age_card,
    asks_next,
    asks_to_save,
    background_beside_age,
    background_card,
    card_fits,
    compose,
    goal_card,
    hours_in_question,
    pace_card,
    profile_ask,
    save_target,
    subject_card,
)
from bot.config import SHIPPED_KNOWLEDGE, Config
from bot.embedding import Encoder, make_encoder
from bot.gate import SWAP_MARGIN, Gate, gate_for
from bot.index import Index, ensure_index, locations
from bot.knowledge import KnowledgeBase, knowledge_digest, load, read_snapshot
from bot.search import Searcher, SearchResult
from bot.text import detect_lang

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 2000


class EmptyQuestion(ValueError):
    """The question is empty or only whitespace."""


class _InContext(NamedTuple):
    """A later question's search read with the question before it (see :meth:`Engine._in_context`)."""

    search: SearchResult
    own: frozenset[str]  # the cards the question's own search ranks first: the only ones the context may give it
    leans: bool  # it points back at the question before it (see :func:`_leans_on_before`)


@dataclass
class Engine:
    kb: KnowledgeBase
    encoder: Encoder
    index: Index
    gate: Gate
    config: Config = field(default_factory=Config)

    def __post_init__(self) -> None:
        self.searcher = Searcher(self.kb, self.index, self.encoder)

    @property
    def knowledge_dir(self) -> Path:
        return self.config.knowledge_dir or SHIPPED_KNOWLEDGE

    @classmethod
    def load(cls, config: Config | None = None, *, encoder: Encoder | None = None,
             notify: Callable[[str], None] | None = None,
             progress: Callable[[int, int], None] | None = None) -> Engine:
        """Load everything once; rebuilds the index when it is missing or stale (reported via ``notify``)."""
        config = config or Config()
        knowledge_dir = config.knowledge_dir or SHIPPED_KNOWLEDGE
        encoder = encoder or make_encoder(config.backend, config.model)
        where = locations(knowledge_dir, encoder.model_id, config.index_dir)
        # The index build leaves a compiled snapshot of the knowledge beside the vectors: 5 ms instead of
        # parsing and validating the YAML. It is used only for these exact knowledge files and this code.
        kb = read_snapshot(where.candidates, knowledge_digest(knowledge_dir)) or load(knowledge_dir)
        index = ensure_index(kb, encoder, where, notify=notify, progress=progress)
        return cls(kb, encoder, index, gate_for(encoder.backend, config.threshold), config)

    def reload(self, notify: Callable[[str], None] | None = None) -> Engine:
        """A new engine from the knowledge files as they are now, reusing the loaded encoder.

        Raises KnowledgeError (with every problem's file and line) when the edited knowledge is invalid;
        this engine is untouched either way, so a caller keeps serving it until the new one is ready.
        """
        return Engine.load(self.config, encoder=self.encoder, notify=notify)

    def ask_batch(self, questions: list[str], asker: Asker | None = None) -> list[Answer]:
        """Answer several questions with one encoder call. Raises EmptyQuestion for a blank one.

        ``asker`` describes who asks (their stored stage, completed items, weekly hours, language), if known.
        """
        prepared = [prepare_question(q) for q in questions]
        parts = [self._with_subject(question_parts(q)) for q, _ in prepared]
        flat = [p for ps in parts for p in ps]
        # One encoder call for the one-part questions and the parts of the others. A message that asks several
        # questions is not embedded again as a whole: its vector is its parts' vectors averaged by length (e5
        # averages token vectors; cosine 0.986 on average to the whole message's own vector, on 82 messages),
        # so a long two-part message costs one encoding of its text, not two.
        singles = [q for (q, _), ps in zip(prepared, parts, strict=True) if not ps]
        encoded = self.searcher.embed(singles + [p for ps in parts for p in within_budget(ps)])
        single_vecs, part_vecs = iter(encoded[:len(singles)]), encoded[len(singles):]
        vectors, at = [], 0
        for ps in parts:
            if ps:
                vectors.append(combine(part_vecs[at:at + len(ps)], [_cost(p) for p in ps]))
                at += len(ps)
            else:
                vectors.append(next(single_vecs))
        results = self.searcher.search_batch([q for q, _ in prepared] + flat,
                                             vectors=np.vstack([np.asarray(vectors).reshape(len(prepared), -1),
                                                                part_vecs]) if prepared else None)
        asker = asker or Asker()
        answers, at = [], len(prepared)
        for (_, truncated), result, ps in zip(prepared, results[:len(prepared)], parts, strict=True):
            whole = compose(self.kb, self.index, result, self.gate, asker, truncated=truncated)
            part_results, at = results[at:at + len(ps)], at + len(ps)
            # the hours a message states anywhere count for each of its questions ("平日1時間、土日に3時間…。
            # …どれくらいかかるか目安を教えてほしいです。": the time card's figure for them)
            stated = hours_in_question(result.query) if part_results else None
            part_asker = replace(asker, hours_per_week=stated) if stated else asker
            if whole.kind in PART_KINDS:  # a card, passage or "not covered" answer may be replaced by the parts'
                contexts = self._in_context(ps, part_results, part_vecs[at - len(prepared) - len(ps):at - len(prepared)],
                                            result)
                whole = merge_parts(whole, _background_first(whole, ps, self._parts(part_results, part_asker, result,
                                                                                    contexts)))
            elif whole.kind == "next" and part_results:  # "what next?" and another question: that one's card too
                whole = add_part_cards(whole, self._other_parts(part_results, part_asker, whole, result))
            if whole.kind == "next":  # who they are, when the best card that fits is about it
                added = background_card(self.kb, result, whole, asker, self.gate)
                if added is not None:
                    whole = add_part_cards(whole, [None, added])
            else:  # (and beside a card for their age, the one for their background)
                added = background_beside_age(self.kb, result, whole, asker, self.gate)
                if added is not None:
                    whole = add_part_cards(whole, [None, added])
            # a subject asked about by name that the answer never mentions, the asker's age when the question is about
            # it, and their own pace when they ask whether the goal is realistic
            if whole.kind in ("card", "next"):
                for extra in (subject_card, age_card, pace_card, goal_card):
                    added = extra(self.kb, result, whole, asker)
                    if added is not None:
                        # (when the checklist sends them back behind the card's stage: not a Docker step beside
                        # the card for those who have deployed with Docker, usefulness93 #27)
                        # (nor a concept explained first to someone who has built with it: "RAGのデモも作りました。
                        # 3か月後にLLM系のエンジニア職に応募したい", usefulness103 #30, got what RAG is first)
                        # (and beside a card, the goal's card answers "what should I learn?" before it: a mid-level
                        # engineer moving to an LLM team read the way to senior first, usefulness107 #59)
                        lead = extra is goal_card and (
                            (whole.kind == "next" and added.card in GOAL_BEYOND_CARDS
                             and _behind(self.kb, whole.stage, self.kb.cards_by_id[added.card].stage))
                            or whole.kind == "card")
                        whole = add_part_cards(whole, [added, None] if lead else [None, added])
            if asks_to_save(result.query):
                # (the stage it names, "ステージ3に更新しておいて", else the one the answer placed them at)
                named = save_target(self.kb, result.query) or whole.stage
                if named and named != asker.stage:
                    whole.save_stage, whole.save_title = named, self.kb.stage(named).title.get(whole.lang)
            whole.profile_ask = profile_ask(result.query)
            if whole.profile_ask and asker.stage:
                whole.profile_stage = asker.stage
                whole.profile_title = self.kb.stage(asker.stage).title.get(whole.lang)
            answers.append(whole)
        return answers

    def _with_subject(self, parts: list[str]) -> list[str]:
        """The parts, a short request for a book that names no checklist item ("あと初心者向けの
        おすすめの本あったら教えてください📖" after "線形代数ってどこまで理解してれば…？") with the item the part
        before it names added in brackets: the books on *that* subject, not books in general."""
        out: list[str] = []
        for n, part in enumerate(parts):
            if n and _cost(part) <= MAX_FOLLOW_UP and _MATERIAL_RE.search(part) \
                    and not self.searcher.item_terms.find(part):
                lang = detect_lang(part)
                words = [next((kw for kw in self.kb.items[iid].keywords if kw.isascii() == (lang == "en")),
                              self.kb.items[iid].title.get(lang)) for iid in self.searcher.item_terms.find(parts[n - 1])]
                if words:
                    part = f"{part}（{'・'.join(words)}）" if lang == "ja" else f"{part} ({', '.join(words)})"
            out.append(part)
        return out

    def _in_context(self, parts: list[str], results: list[SearchResult], vectors: np.ndarray,
                    whole: SearchResult) -> list[_InContext | None]:
        """For each part, None or, for a later question that no card matches well on its own words, its search
        with the question before it ("Kaggleのメダルって評価されますか？評価されるとしたら、銅・銀・金のどのくらいが
        目安になりますか？": the second alone matched the card on evaluation metrics; "…or is Python enough? And if I
        should learn a second language, which one?": the card on NLP), or that points back at the one before it (see
        :func:`_leans_on_before`), the two questions' text and vector, with the cards its own search ranks first (the
        only ones that search may give it: see :meth:`_parts`)."""
        out: list[_InContext | None] = [None] * len(parts)
        for n in range(1, len(parts)):
            ranked = self.gate.cards(results[n], self.kb)
            fits = card_fits(self.kb, results[n].query, whole.query)
            leans = _leans_on_before(results[n].query, results[n])
            if next((m.score for m in ranked if fits(self.kb.cards_by_id[m.hit.id])), 0.0) >= WEAK_PART and not leans:
                continue
            text = parts[n - 1] + _joint(parts[n - 1]) + parts[n]
            vector = combine(vectors[n - 1:n + 1], [1.0, 1.0])
            out[n] = _InContext(self.searcher.search_batch([text], vectors=vector[None, :])[0],
                                frozenset(m.hit.id for m in ranked[:CONTEXT_RERANK]), leans)
        return out

    def _parts(self, results: list[SearchResult], asker: Asker, whole: SearchResult,
               contexts: list[_InContext | None]) -> list[Answer]:
        """Each question of a message, answered in turn; a card an earlier question used answers a later one only
        when no other card matches it about as well (see :meth:`Gate.card_for`). A question with a search in
        context (see :meth:`_in_context`) takes the card that search finds, when it is one no other question used and
        one of the few its own search ranks first (the context re-ranks the question's cards, it does not replace them);
        a short question that points back and so finds an earlier question's card is left to that card."""
        answers: list[Answer] = []
        for r, context in zip(results, contexts, strict=True):
            used = frozenset(a.card for a in answers if a.card)
            answer = compose(self.kb, self.index, r, self.gate, asker, in_part=True, exclude=used, whole=whole)
            # (a question that points back but asks what the roadmap leaves out keeps its "not covered": "年収はどちらが
            # 高いですか？")
            if context is not None and not (answer.kind == "not_covered" and context.leans):
                searched = context.search
                # (a question that points back asks about what the one before it names, which that one's card has
                # answered: the next card of the two read together may match a little less closely, "G検定とE資格って、
                # 転職で実際に評価されますか？あと、取るならどっちを先に取るべきでしょう？": which first, 0.012 behind)
                alt = compose(self.kb, self.index, searched, self.gate, asker, in_part=True, exclude=used, whole=whole,
                              swap_margin=LEAN_SWAP_MARGIN if context.leans else SWAP_MARGIN)
                if alt.kind == "card" and alt.card not in used and alt.card != answer.card and alt.card in context.own:
                    answer = alt
                elif used and answer.kind == "card" and context.leans:
                    # a question that points back ("And which one should a beginner aim for?") and, read with the one
                    # before it, finds that one's card again is answered by it, not by a card its own words match
                    # (a card on beginners' courses, usefulness75 #48)
                    again = compose(self.kb, self.index, searched, self.gate, asker, in_part=True, whole=whole)
                    if again.kind == "card" and again.card in used:
                        answer = again
            answers.append(answer)
        return answers

    def _other_parts(self, results: list[SearchResult], asker: Asker, whole: Answer,
                     message: SearchResult) -> list[Answer | None]:
        """The answers to the questions of a message that are not its "what next?" or plan request (None for
        those): each a card, in turn, never the card the next-step answer already gives. ``message``: the search of
        the whole message, where a question's situation may be told (see :func:`bot.answer.compose`)."""
        answers: list[Answer | None] = []
        for r in results:
            # (and "where do I start?" after it is the same question: "…次はデプロイとかを勉強するべきですか？何から始めれば
            # いいですか？", usefulness207 #28, got where beginners start, then how much maths, beside the MLOps steps)
            if asks_next(r) or (_cost(r.query) <= MAX_FOLLOW_UP and _WHERE_START_RE.search(r.query)):
                answers.append(None)
                continue
            used = frozenset(c for c in [whole.card, *(a.card for a in answers if a is not None)] if c)
            answers.append(compose(self.kb, self.index, r, self.gate, asker, in_part=True, exclude=used,
                                   whole=message))
        return answers

    def ask(self, question: str, asker: Asker | None = None) -> Answer:
        return self.ask_batch([question], asker)[0]


# A question mark that ends one question and is followed by another ("PyTorch or TensorFlow? And which cloud?"),
# or a comma before a second question in the same sentence ("..., and how do people move up?").
_PART_END = re.compile(r"(?<=[?？])\s*|(?<=,)\s+(?=and (?:how|what|which|when|where|why|who|is|are|do|does|should|"
                       r"can|could|would|will)\b[^.!。]*[?？])|"
                       # "仕事内容はどう違うのか、それと年収に差はありますか？": an embedded question, then another
                       r"(?<=か、)(?=(?:それと|あと|また|それから)[^。！？?]*[?？])|"
                       # a Japanese question ended with "。" ("…まず身につけるべきスキルは何でしょう。G検定は…？")
                       r"(?<=でしょう。)|(?<=でしょうか。)|(?<=ですか。)|(?<=ますか。)|"
                       # a request ended with "。" before another question ("…何から始めればいいのか知りたいです。G検定は…？")
                       r"(?<=知りたいです。)|(?<=教えてください。)|(?<=教えてほしいです。)|(?<=聞きたいです。)|"
                       r"(?<=伺いたいです。)|"
                       # a dilemma said as a statement ("…研究職寄りとMLエンジニア寄りどっちを目指すべきか迷ってます。あと…？")
                       + "|".join(f"(?<={end}。)" for end in DILEMMA_ENDS), re.IGNORECASE)
# What ends a later part: a question mark, a request ("…の目安も知りたいです", "…も教えてください"), or a
# Japanese question typed without its mark ("…どっちが役に立ちますか", "…高いんでしょう").
# (of the dilemma endings, "か迷ってます。" and "か悩んでいます。" end a later part; letting the other two end one
# too changed 3 of 1,593 answers, 2 for the worse: the dilemma then got a card of its own)
_ASKS = re.compile(r"(?:[?？]|(?:か迷ってます|か悩んでいます)。|"
                   r"(?:" + REQUEST_WORDS + r"|教えて(?:ください|ほしい|欲しい)?|気になり(?:ます)?)(?:です)?[。！!]?|"
                   r"(?:ですか|ますか|でしょうか|でしょう|ですかね|かな)[。]?)"
                   r"[\s\W_]*$")  # (and what may trail it: "…教えてください📖", "…ますか？🙏")
# A question that depends on the one before it ("Is MLOps next? If so, what should I learn first?").
_DEPENDS_RE = re.compile(r"\s*(?:if so|if yes|if not|if that'?s (?:the case|true)|and if so|その場合|もしそうなら|"
                         # the other side of the question before, with no subject of its own ("E資格って転職で
                         # 評価される？それとも他のことにお金と時間を使うべき？"; "…それともMLプロジェクトのPMを目指す
                         # べき？" names one and keeps its card: every "それとも" merged changed 40 answers, mixed)
                         r"それとも(?:何か)?(?:他|ほか|別)の|\bor (?:on )?something else\b|"
                         # "…独学でもいけるのか迷ってます。どっちがいいと思いますか？": the dilemma again
                         r"(?:どっち|どちら)が(?:いい|良い|おすすめ|先)|どう思いますか|どっちですか|どちらですか|"
                         # "G検定とE資格って何が違うんですか？それと、未経験ならどっちから受けるのがおすすめですか？": which of
                         # the two named before (usefulness222 #14, graded 1, got the card for applying with no experience)
                         r"(?:それと|あと|また)?[、,]?\s*(?:未経験|初心者|初学者|独学|社会人|学生)?(?:なら|だと|の場合は?)?[、,]?\s*"
                         r"(?:どっち|どちら)(?:から|を先)|"
                         # (and the other side named before it: "…社内でデータ分析に寄せていく方がいいのか、それとも転職
                         # 前提で勉強すべきか、どちらがおすすめですか？", usefulness56 #3's second half got the card on
                         # graduate school)
                         r"それとも[^。？?！!]{0,40}?(?:どっち|どちら)が(?:いい|良い|おすすめ|先)|"
                         # "…実際にモデルを作っている時間はどれくらい？それ以外の時間は何を？": the rest of the same thing
                         # (usefulness56 #16's second half got the card on studying while working full time)
                         r"それ以外|その他の(?:時間|仕事|業務)|\bthe rest of (?:the|my|their) (?:time|day)\b|"
                         # "Is computer vision still a good specialization…? Or should I go all in on LLMs instead?": the
                         # other side of the same choice (usefulness63 #48 lost the NLP-vs-vision comparison to it)
                         r"or (?:should i|would it be better to|is it better to)\b[^.?!？]{0,60}\binstead\b|"
                         r"だとしたら|そうだとしたら|もしそうだとしたら|"
                         # "…どれくらいかかりますか？現実的な目安が知りたいです。": the same question restated (its second part got
                         # a card of its own: negotiating an offer, then interview preparation)
                         r"(?:現実的な|ざっくりした|大体の|だいたいの|おおよその)?目安(?:が|を|だけでも)(?:知りたい|教えて)|"
                         # ("…デプロイの方に進むべきですか？具体的な順番を知りたいです。", usefulness372 #28, graded 1, got which
                         # certificate to take first, then statistics at work)
                         r"(?:具体的な|おすすめの)?(?:順番|順序)(?:が|を|も)(?:知りたい|教えて)|"
                         # "コーディングテストってありますか？あるならどんな対策を？" (usefulness50 #18's second question
                         # got a G検定 card of its own)
                         r"(?:ある|あれ|必要|いる)(?:なら|のなら|んなら|ば|場合は?|とすれば|とすると)[、,]?|"
                         r"\bif (?:there (?:is|are)|they do|it does|yes|so)\b|"
                         # "…どういうことでしょうか。初学者にも分かるように教えていただけますか。": how to answer it
                         r"(?:初学者|初心者|素人|未経験者)にも(?:分かる|わかる)ように|(?:分かり|わかり)やすく|"
                         r"(?:簡単|具体的|詳し)く?に?(?:教え|説明)|"
                         # "…and how should I prepare for each part?" (usefulness69 #37's second half got a card on
                         # courses against projects)
                         r"[^.?!？。]{0,40}?\b(?:for|of) (?:each|every) (?:part|round|stage|of them|one)\b|"
                         r"[^。？?]{0,20}?それぞれ(?:の)?(?:対策|準備)|"
                         # "…what changes when you go from senior to tech lead, and how should I prepare?" (usefulness96
                         # #38's second half got the card on interview preparation)
                         r"(?:and )?how (?:should|do|can|would) i (?:best )?prepare(?: for (?:it|that|this|the (?:role|move|change)))?"
                         r"\s*[?？]|(?:どう|どのように)(?:準備|備え)(?:すれば|したら|れば)[^。？?]{0,10}[?？])",
                         re.IGNORECASE)
MAX_PARTS = 3
WEAK_PART = 0.925  # a later question whose best card scores below this is searched with the one before it,
CONTEXT_RERANK = 6  # and may take a card that search finds among the few its own words match best
LEAN_SWAP_MARGIN = 0.02  # how much less closely than the card an earlier question used a card may match a question
# that points back at that one, read with it (see _parts; SWAP_MARGIN otherwise)
MAX_FOLLOW_UP = 40.0  # encoder tokens (see _cost): a request for material this short takes the item before it
# A request for a book ("おすすめの本", "a good book or course"; not "本当", "日本", "基本")
_MATERIAL_RE = re.compile(r"(?<![日基資脚根])本(?![当業気格来社番人質音])|書籍|参考書|教科書|\b(?:books?|textbooks?)\b",
                          re.IGNORECASE)
MIN_PART = 12  # characters: a shorter "question" only follows up the one before it
MERGEABLE = ("card", "passage")  # the answer kinds merge_parts works with
# the kinds a part's answer may have: an honest "not covered" (salaries) joins the answer to the other part
PART_KINDS = (*MERGEABLE, "not_covered")


def question_parts(text: str) -> list[str]:
    """The questions of a message that asks two or three ("…どちらを学ぶべきですか？また、クラウドは…？"),
    each with the context before it; [] for a message that asks one. A part is text up to a question mark;
    what follows the last one ("Thanks!") stays with it."""
    pieces = _unquoted([p for p in _PART_END.split(text) if p.strip()])
    parts: list[str] = []
    for piece in pieces:
        if parts and not _ASKS.search(piece):
            parts[-1] += _joint(parts[-1]) + piece  # no question mark: the tail of the previous question
        elif parts and (len(piece.strip()) < MIN_PART or _DEPENDS_RE.match(piece)):
            parts[-1] += _joint(parts[-1]) + piece  # "Why?", "If so, what first?": not a question of its own
        else:
            parts.append(piece)
    return parts if 2 <= len(parts) <= MAX_PARTS else []


def _unquoted(pieces: list[str]) -> list[str]:
    """The pieces with a split inside a quotation undone: 「解約予測のモデル作れない？」と聞かれて is quoted speech, not
    a question of the message (usefulness44 #7 was answered for 「…作れない？」 alone)."""
    out: list[str] = []
    for piece in pieces:
        if out and _open_quote(out[-1]):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _open_quote(text: str) -> bool:
    # (and a parenthesis: "What should I learn next (monitoring, CI/CD, pipelines?) and in what order?" was split at
    # the question mark inside it, and ") and in what order?" got the order of the maths, usefulness292 #59, graded 0)
    return text.count("「") > text.count("」") or text.count("“") > text.count("”") or text.count("『") > text.count("』") \
        or text.count("(") > text.count(")") or text.count("（") > text.count("）")


# a question that points back at the one before it ("あと、取るならどっちを先に取るべきでしょう？" after "G検定とE資格って
# …評価されますか？", "And which one should a beginner aim for?")
# (not "どれくらい", "それと", "それとも": how long, and, or)
_POINTS_BACK_RE = re.compile(r"どっち|どちら|どれ(?:を|が|から|に)|両方|片方|\bwhich one\b|\bwhich of (?:them|the two|these)\b|"
                             r"\beither\b|\bboth\b", re.IGNORECASE)


# A question that asks only where to begin, with no subject of its own
_FIRST_ASKED_RE = re.compile(r"(?:and |so |but )?(?:what should i (?:learn|study|focus on|do|pick up|start with) first|"
                             r"where (?:do|should) i (?:start|begin))\W*|"
                             r"(?:まず|最初に|最初は)?(?:何|なに)から(?:学|勉強|始め|はじめ|手をつけ|手を付け)[^。？?]{0,12}[？?]?",
                             re.IGNORECASE)


def _background_first(whole: Answer, parts: list[str], answers: list[Answer]) -> list[Answer]:
    """The parts' answers, a later bare "what should I learn first?" answered with the card for the background the
    message tells (the whole message's card) instead of where beginners start: "I've been a data scientist for 4 years
    … What exactly am I missing, and what should I learn first?" got "start with Python basics" (usefulness298 #41), or,
    once where beginners start no longer fits a data scientist, the order of the maths."""
    if whole.kind != "card" or not (whole.card or "").startswith("bg-") or any(a.card == whole.card for a in answers):
        return answers
    return [whole if n and _FIRST_ASKED_RE.fullmatch(part.strip()) and a.kind == "card" else a
            for n, (part, a) in enumerate(zip(parts, answers, strict=True))]


# "where do I start?" ("何から始めればいいですか？"): after a next-step question, the same question again
_WHERE_START_RE = re.compile(r"(?:何|なに)から(?:始め|はじめ|手をつけ|手を付け|やれ|やる)|\bwhere (?:do|should|can) i (?:start|begin)\b|"
                             r"\bwhat should i (?:start|begin) with\b", re.IGNORECASE)
# the options it chooses between named in it ("マネージャー路線と専門職路線どちらを考えるべき", "X or Y"): a question of its own
# (two names joined by "と" before it; not "今の経験からだとどちら", where "と" ends a clause)
_OWN_OPTIONS_RE = re.compile(r"[^、。？?\s]{2,}と[^、。？?\s]{2,}(?:の)?(?:どっち|どちら)|\b\w+ or \w+\b", re.IGNORECASE)
# who it is for, or where it counts, is no subject of its own ("which one should a beginner aim for?", "片方しかできないと
# 求人で不利になりますか？")
_WHO_TERMS = frozenset({"beginner", "beginners", "初心者", "未経験", "未経験者", "student", "students", "学生",
                        "求人", "転職", "就職", "job", "jobs", "job postings", "hiring"})


def _behind(kb: KnowledgeBase, stage: str | None, than: str | None) -> bool:
    """Whether roadmap ``stage`` comes before stage ``than`` (false when either is unknown)."""
    if stage not in kb.stages_by_id or than not in kb.stages_by_id:
        return False
    return kb.stage(stage).order < kb.stage(than).order


def _leans_on_before(part: str, result: SearchResult) -> bool:
    """Whether a later question is short, points back at the one before it and names no subject of its own: it is
    read with that one whatever its own words match (they matched the Python-or-SQL card for "どっちを先に")."""
    return (_cost(part) <= MAX_FOLLOW_UP and not {t.lower() for t in result.named} - _WHO_TERMS
            and bool(_POINTS_BACK_RE.search(part)) and not _OWN_OPTIONS_RE.search(part))


def _joint(text: str) -> str:
    """What rejoins two pieces of a message: nothing after Japanese ("…教えてください。平日は…", as written),
    a space after English (the split took it)."""
    return "" if text and ord(text[-1]) > 0x3000 else " "


PARTS_BUDGET = 150.0  # about the encoder tokens a single question is cut to (embedding.MAX_QUERY_TOKENS)
MIN_FIRST = 40.0


def within_budget(parts: list[str], budget: float = PARTS_BUDGET) -> list[str]:
    """The parts as they are embedded: when together they are longer than one question may be, the first
    part loses the start of its background, never its question at the end ("I'm 42, in sales for 20
    years, ... is it too late?"), so a long message costs no more to embed than a one-part one."""
    if not parts:
        return parts
    rest = sum(_cost(p) for p in parts[1:])
    room = max(budget - rest, MIN_FIRST)
    first = parts[0]
    while _cost(first) > room and len(first) > 1:
        first = first[max(1, int(len(first) * (1 - room / _cost(first)))):]
    return [first, *parts[1:]]


def _cost(text: str) -> float:
    """Roughly how many encoder tokens a text costs: one per Japanese character, one per 4 Latin ones."""
    return sum(1.0 if ord(c) > 0x2000 else 0.25 for c in text)


def combine(vectors: np.ndarray, weights: list[float]) -> np.ndarray:
    """The unit vector of the weighted mean of ``vectors`` (the parts of a message, weighted by length)."""
    mean = (np.asarray(vectors, np.float32) * np.asarray(weights, np.float32)[:, None]).sum(axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-12)


def merge_parts(whole: Answer, parts: list[Answer]) -> Answer:
    """The answer to a message that asks several questions: when its parts are answered by different answer
    cards, each card's answer in turn (a ready answer to one of them would leave the other unanswered); a
    part no card answers adds its passage answer when it rests on a document none of the cards cites.
    Else the answer to the whole message."""
    if whole.kind not in PART_KINDS or not all(a.kind in PART_KINDS for a in parts):
        return whole
    distinct: list[Answer] = []
    cited: set[str] = set()
    for a in sorted(parts, key=lambda a: a.kind not in ("card", "not_covered")):  # cards decide what is cited
        if a.kind in ("card", "not_covered") and all(a.card != b.card for b in distinct):
            distinct.append(a)
            cited.update(p.doc_id for p in a.passages)
        elif a.kind == "passage" and a.passages and a.passages[0].doc_id not in cited:
            distinct.append(a)
            cited.add(a.passages[0].doc_id)
    # (a "not covered" whole none of whose questions the roadmap leaves out gives way to their one card)
    overruled = whole.kind == "not_covered" and all(a.kind != "not_covered" for a in parts)
    # (and a whole answered by another card than the one every question of it gets: "What does an ML engineer actually
    # do day to day? And roughly how much of the time is spent writing code versus building and tuning models?" got
    # the card on software engineering depth, usefulness94 #44, graded 0)
    agreed = len(distinct) == 1 and distinct[0].kind == "card" and distinct[0].card != whole.card \
        and whole.kind in ("card", "passage") and all(a.kind == "card" and a.card == distinct[0].card for a in parts)
    if agreed:
        one = distinct[0]
        return Answer(whole.query, whole.lang, True, one.answer, one.passages, one.resources, one.next_steps or whole.next_steps,
                      one.top_score, whole.notices, card=one.card, kind="card", stage=whole.stage)
    if not any(a.kind == "card" for a in distinct) or (len(distinct) < 2 and not overruled):
        return whole
    distinct.sort(key=parts.index)  # the parts in the order they were asked
    passages, seen = [], set()
    for a in distinct:
        for p in a.passages:
            if p.doc_id not in seen:
                seen.add(p.doc_id)
                passages.append(p)
    # each part's best resource first, then each part's second...: every part keeps its best pick
    ranks = [r for n in range(max(len(a.resources) for a in distinct))
             for a in distinct if n < len(a.resources) for r in [a.resources[n]]]
    resources = list({r.id: r for r in ranks}.values())
    return Answer(whole.query, whole.lang, True, "\n\n".join(a.answer for a in distinct), passages,
                  resources[:MAX_RESOURCES], whole.next_steps or distinct[0].next_steps,
                  max(a.top_score for a in distinct), whole.notices,
                  card=next(a.card for a in distinct if a.kind == "card"), kind="card",
                  stage=whole.stage)


def add_part_cards(whole: Answer, parts: list[Answer | None]) -> Answer:
    """A next-step or plan answer to a message that also asks something else ("…6ヶ月の学習プランを月ごとに
    組んでもらえますか？数学はどこまで復習すべきかも知りたいです。"): the cards that answer the other questions,
    each where it was asked (the plan where the "what next?" was, else first); a part no card answers adds nothing."""
    # (nor a card whose text the answer already gives: one a part answered besides the first, found again
    # as the subject a long message names, "E資格" in an English answer that says "E Shikaku")
    cards = [a if a is not None and a.kind in ("card", "not_covered") and a.card != whole.card
             and a.answer not in whole.answer else None for a in parts]
    if not any(cards):
        return whole
    at = next((n for n, a in enumerate(parts) if a is None), 0)
    texts, seen_cards = [], {whole.card}
    for n, a in enumerate(cards):
        if n == at:
            texts.append(whole.answer)
        if a is not None and a.card not in seen_cards:
            seen_cards.add(a.card)
            texts.append(a.answer)
    added = [a for a in cards if a is not None]
    passages = list(whole.passages)
    for p in (p for a in added for p in a.passages):
        if all(p.doc_id != q.doc_id for q in passages):
            passages.append(p)
    resources = list({r.id: r for r in [*whole.resources, *(r for a in added for r in a.resources)]}.values())
    return Answer(whole.query, whole.lang, True, "\n\n".join(texts), passages, resources[:MAX_RESOURCES],
                  whole.next_steps, whole.top_score, whole.notices, card=whole.card or added[0].card,
                  kind=whole.kind, stage=whole.stage)


def prepare_question(question: str) -> tuple[str, bool]:
    """Strip and bound the question; returns it and whether it was cut."""
    text = question.strip()
    if not text:
        raise EmptyQuestion("the question is empty")
    if len(text) > MAX_QUESTION_CHARS:
        return text[:MAX_QUESTION_CHARS], True
    return text, False
