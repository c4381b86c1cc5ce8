"""Follow-up questions: a short message answered in the context of the previous answer.

Used by ``careerbot chat`` and by the Discord bot in a thread under an answer. Four kinds of follow-up:

* a language switch ("英語で", "in Japanese"): the previous question, answered in that language;
* "more detail" ("もっと詳しく", "tell me more"): the full text of the previous answer's first source;
* "what next?" after a next-step answer: the steps after the stage it pointed to;
* anything else short ("what about for a student?", "文系だと？") that does not stand on its own: asked
  together with the previous question.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answer import Answer, Asker
from bot.engine import Engine
from bot.messages import t

_TO_EN = re.compile(r"^\s*(?:(?:can you )?(?:answer |say that |reply )?in english|english|英語で|英語にして)"
                    r"(?:\s*(?:,|、)?\s*(?:please|pls|お願い(?:します)?|おねがい))?\s*[?？!！。.]*\s*$", re.IGNORECASE)
_TO_JA = re.compile(r"^\s*(?:(?:can you )?(?:answer |say that |reply )?in japanese|japanese|日本語で|日本語にして)"
                    r"(?:\s*(?:,|、)?\s*(?:please|pls|お願い(?:します)?|おねがい))?\s*[?？!！。.]*\s*$", re.IGNORECASE)
_MORE = re.compile(r"^\s*(もっと詳しく|詳しく|詳しく教えて|もう少し詳しく|詳細を?教えて|もっと教えて|tell me more|more details?|"
                   r"more|elaborate|go on|can you elaborate|explain more)\s*[?？!！。.]*\s*$", re.IGNORECASE)
_NEXT = re.compile(r"^\s*(次は|つぎは|その次は|それから|次に何を(すれば|やれば)いい|what next|what'?s next|and then|then what|"
                   r"what comes next|after that)\s*[?？!！。.]*\s*$", re.IGNORECASE)
_CONTEXTUAL = re.compile(r"^\s*(what about|how about|and for|and if|but what if|じゃあ|では|それって|それは|"
                         r"ちなみに|なら|だと|の場合)|(の場合は?|だと|だったら|なら)\s*[?？]?\s*$", re.IGNORECASE)
SHORT = 25


def follow_up(engine: Engine, text: str, last: Answer | None, asker: Asker) -> Answer:
    """Answer ``text``, reading it as a follow-up of ``last`` when it is one."""
    if last is None:
        return engine.ask(text, asker)
    if _TO_EN.match(text) or _TO_JA.match(text):
        lang = "en" if _TO_EN.match(text) else "ja"
        return engine.ask(last.query, replace(asker, lang=lang))
    if _MORE.match(text) and last.passages:
        first = last.passages[0]
        return Answer(text, last.lang, True, first.text, [first], last.resources, [], last.top_score,
                      kind="detail", card=last.card)
    if _NEXT.match(text) and last.kind == "next" and last.stage:
        following = engine.kb.next_stage(last.stage)
        if following is not None:
            done = asker.done | {i.id for i in engine.kb.stage(last.stage).items}
            return engine.ask(text, replace(asker, stage=following.id, done=done, lang=asker.lang or last.lang))
    alone = engine.ask(text, asker)
    if alone.kind == "card":  # "文系だと？" on its own already matches the 文系 card
        return alone
    contextual = bool(_CONTEXTUAL.search(text))
    if len(text.strip()) <= SHORT and (contextual or not alone.answered):
        joined = engine.ask(f"{text} {last.query}", replace(asker, lang=asker.lang or alone.lang))
        if joined.answered:
            return replace(joined, query=text)
    return alone


def help_text(lang: str) -> str:
    return t("chat_help", lang)
