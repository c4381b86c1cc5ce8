"""Turn a search result into an answer: extractive summary, citations, resources, a next step.

Pure functions over the knowledge base, the index and a :class:`~bot.search.SearchResult`; no I/O.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from bot.advisor import NextIntent, best_resources
from bot.index import Index
from bot.knowledge import KnowledgeBase, Resource, Stage
from bot.search import SearchResult

MAX_CITED = 3
MAX_RESOURCES = 3
SUMMARY_SENTENCES = 3
SUMMARY_CHARS = {"ja": 320, "en": 700}


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
    next_steps: list[str] = field(default_factory=list)
    top_score: float = 0.0
    notices: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        data = asdict(self)
        data["top_score"] = round(self.top_score, 4)
        for p in data["passages"]:
            p["score"] = round(p["score"], 4)
        return data


MESSAGES = {
    "decline": {
        "ja": "ごめんなさい、この質問に関係する内容はナレッジベースにありません。",
        "en": "Sorry, the knowledge base has nothing relevant to that question.",
    },
    "can_answer": {
        "ja": "答えられるのは次のような話題です: ",
        "en": "I can answer questions about: ",
    },
    "next_item": {
        "ja": "次の一歩: 「{stage}」の「{item}」（目安 {hours:g} 時間）",
        "en": "Next step: {item} in \"{stage}\" (about {hours:g} h)",
    },
    "next_stage": {
        "ja": "次の一歩: 次のステージ「{stage}」へ進みましょう。まずは「{item}」から。",
        "en": "Next step: move on to \"{stage}\", starting with {item}.",
    },
    "after_stage": {
        "ja": "「{done}」を終えたなら、次は「{next}」のステージです。まずはここから始めましょう。",
        "en": "Now that you have finished \"{done}\", the next stage is \"{next}\". Start here:",
    },
    "after_last": {
        "ja": "「{done}」はロードマップの最終ステージです。論文やOSS、コミュニティで学び続け、専門を深めましょう。",
        "en": "\"{done}\" is the last stage of the roadmap: keep learning through papers, open source and the "
              "community, and deepen your specialty.",
    },
    "continue_stage": {
        "ja": "「{stage}」の残りの項目を順に進めましょう。",
        "en": "Keep going with the remaining items of \"{stage}\":",
    },
    "own_remaining": {
        "ja": "あなたの現在のステージ「{stage}」の残り: {items}",
        "en": "Still open in your current stage \"{stage}\": {items}",
    },
    "stage_done": {
        "ja": "次の一歩: ロードマップの最終ステージです。専門分野を深めながら学び続けましょう。",
        "en": "Next step: this is the last stage of the roadmap; keep learning and deepen your specialty.",
    },
}


def msg(key: str, lang: str, **kwargs: object) -> str:
    return MESSAGES[key][lang].format(**kwargs)


def topics_overview(kb: KnowledgeBase, lang: str) -> str:
    sep = "、" if lang == "ja" else ", "
    return sep.join(d.title.get(lang) for d in kb.documents)


def decline(kb: KnowledgeBase, query: str, lang: str, top_score: float, notices: list[str]) -> Answer:
    text = msg("decline", lang) + "\n" + msg("can_answer", lang) + topics_overview(kb, lang)
    return Answer(query, lang, False, text, top_score=top_score, notices=notices)


def _summary(index: Index, result: SearchResult, doc_id: str, lang: str) -> str:
    """The sentences of the best document, in the asker's language, most similar to the question,
    in document order."""
    rows = [i for i, s in enumerate(index.sentences) if s.doc_id == doc_id and s.lang == lang and not s.faq]
    if not rows:
        return ""
    sims = index.sentence_vectors[rows] @ result.query_vector
    chosen = sorted(rows[i] for i in np.argsort(-sims)[:SUMMARY_SENTENCES])
    out, size = [], 0
    for r in chosen:
        text = index.sentences[r].text
        if out and size + len(text) > SUMMARY_CHARS[lang]:
            break
        out.append(text)
        size += len(text)
    return ("" if lang == "ja" else " ").join(out)


def pick_resources(kb: KnowledgeBase, result: SearchResult, lang: str, stage: Stage | None,
                   n: int = MAX_RESOURCES) -> list[Resource]:
    """Best-ranked resources, favouring the cited stage and the asker's language."""
    top_doc = result.passages[0].id if result.passages else None
    ranked = []
    for pos, hit in enumerate(result.resources):
        res = kb.resources_by_id[hit.id]
        score = -pos
        if stage and stage.id in res.stages:
            score += 6
        if top_doc and top_doc in res.stages:
            score += 4
        if res.lang == lang:
            score += 2
        ranked.append((score, pos, res))
    ranked.sort(key=lambda t: (-t[0], t[1]))
    return [r for _, _, r in ranked[:n]]


def stage_next_step(stage: Stage, lang: str, done: frozenset[str] = frozenset(),
                    kb: KnowledgeBase | None = None) -> str:
    """One line: the first unfinished item of ``stage``, or the next stage when all are done."""
    for item in stage.items:
        if item.id not in done:
            return msg("next_item", lang, stage=stage.title.get(lang), item=item.title.get(lang), hours=item.hours)
    following = kb.next_stage(stage.id) if kb else None
    if following is None:
        return msg("stage_done", lang)
    return msg("next_stage", lang, stage=following.title.get(lang), item=following.items[0].title.get(lang))


def compose_next(kb: KnowledgeBase, result: SearchResult, intent: NextIntent, own_stage: Stage | None,
                 done: frozenset[str], notices: list[str], threshold: float) -> Answer | None:
    """Answer a "what next / I've finished X" question with the *following* stage's first steps.

    The stage the learner names is the best-ranked stage that their words match (keyword hit); with no
    stage named, their stored stage is used; with neither, None (the caller falls back to retrieval).
    """
    lang = result.lang
    if not result.relevant(threshold):  # "what's the next train?" is not a roadmap question
        return None
    mentioned = next((kb.stages_by_id[h.id] for h in result.passages
                      if h.id in kb.stages_by_id and h.keyword > 0), None)
    if mentioned is None and own_stage is None:
        return None
    if mentioned is not None and not intent.partial:
        target = kb.next_stage(mentioned.id)
        intro = (msg("after_stage", lang, done=mentioned.title.get(lang), next=target.title.get(lang))
                 if target else msg("after_last", lang, done=mentioned.title.get(lang)))
    else:
        target = mentioned or own_stage
        assert target is not None
        intro = msg("continue_stage", lang, stage=target.title.get(lang))
    lines, cited, steps = [intro], [], []
    if target is not None:
        cited.append(target)
        pending = [i for i in target.items if i.id not in done]
        for item in pending[:3]:
            res = next(iter(best_resources(kb, item, lang)), None)
            steps.append(f"{item.title.get(lang)} ({item.hours:g} h)" + (f" — {res.title} {res.url}" if res else ""))
    if own_stage is not None and own_stage is not target:
        remaining = [i for i in own_stage.items if i.id not in done]
        if remaining:
            lines.append(msg("own_remaining", lang, stage=own_stage.title.get(lang),
                             items="、".join(i.title.get(lang) for i in remaining[:5]) if lang == "ja"
                             else ", ".join(i.title.get(lang) for i in remaining[:5])))
    if mentioned is not None and mentioned not in cited:
        cited.append(mentioned)
    passages = [Passage(s.id, s.title.get(lang), 1.0 / (n + 1), s.text.get(lang)) for n, s in enumerate(cited)]
    resources = []
    for s in cited[:1]:
        for item in s.items[:3]:
            for r in best_resources(kb, item, lang):
                if all(r.id != x.id for x in resources):
                    resources.append(ResourceRef(r.id, r.title, r.url))
    return Answer(result.query, lang, True, "\n".join(lines), passages, resources[:MAX_RESOURCES], steps,
                  result.relevance, notices)


def compose(kb: KnowledgeBase, index: Index, result: SearchResult, threshold: float,
            stage: Stage | None = None, notices: list[str] | None = None,
            done: frozenset[str] = frozenset()) -> Answer:
    """Build the answer for one search result; decline when it is not relevant (see ``is_relevant``)."""
    lang = result.lang
    notices = list(notices or [])
    if not result.relevant(threshold):
        return decline(kb, result.query, lang, result.relevance, notices)
    cited = result.passages[:MAX_CITED]
    passages = [
        Passage(h.id, kb.doc(h.id).title.get(lang), h.score, kb.doc(h.id).text.get(lang)) for h in cited
    ]
    summary = _summary(index, result, cited[0].id, lang)
    resources = [ResourceRef(r.id, r.title, r.url) for r in pick_resources(kb, result, lang, stage)]
    if stage is None:  # the best-ranked stage among all passages
        stage = next((kb.stages_by_id[h.id] for h in result.passages if h.id in kb.stages_by_id), None)
    next_steps = [stage_next_step(stage, lang, done, kb=kb)] if stage else []
    return Answer(result.query, lang, True, summary, passages, resources, next_steps, result.relevance, notices)
