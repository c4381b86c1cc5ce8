"""The question-answering engine shared by the CLI and the Discord bot.

Loads the knowledge base, the encoder and the index once; then answers questions (a batch at a time).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.advisor import detect_next_intent
from bot.answer import Answer, compose, compose_next
from bot.embedding import Encoder, make_encoder
from bot.index import Index, default_index_dir, ensure_index
from bot.knowledge import KnowledgeBase, default_knowledge_dir, load
from bot.search import Searcher

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 2000

# Decline threshold on the relevance score (best sentence cosine), per encoder, calibrated with
# `careerbot eval --calibrate` on eval/questions.yaml + eval/heldout.yaml (README "Declining off-topic
# questions"). CAREERBOT_THRESHOLD overrides.
THRESHOLDS = {
    "e5": 0.885,
    "sentence-transformers": 0.45,
}

NOTICES = {
    "truncated": {
        "ja": "（質問が長すぎるため、最初の {n} 文字だけを使いました）",
        "en": "(Your question was very long; only its first {n} characters were used.)",
    },
}


class EmptyQuestion(ValueError):
    """The question is empty or only whitespace."""


@dataclass
class Engine:
    kb: KnowledgeBase
    encoder: Encoder
    index: Index
    threshold: float
    knowledge_dir: Path | None = None

    @classmethod
    def load(cls, knowledge_dir: str | os.PathLike[str] | None = None,
             index_dir: str | os.PathLike[str] | None = None, backend: str | None = None,
             model: str | None = None, encoder: Encoder | None = None,
             notify: Callable[[str], None] | None = None,
             progress: Callable[[int, int], None] | None = None) -> Engine:
        """Load everything once; rebuilds the index when it is missing or stale (reported via ``notify``)."""
        knowledge_dir = Path(knowledge_dir) if knowledge_dir else default_knowledge_dir()
        kb = load(knowledge_dir)
        encoder = encoder or make_encoder(backend, model)
        index_dir = index_dir or default_index_dir(encoder.model_id)
        index = ensure_index(kb, encoder, index_dir, notify=notify, progress=progress)
        return cls(kb, encoder, index, threshold_for(encoder), knowledge_dir)

    def reload(self, notify: Callable[[str], None] | None = None) -> Engine:
        """A new engine from the knowledge files as they are now, reusing the loaded encoder.

        Raises KnowledgeError (with every problem's file and line) when the edited knowledge is invalid;
        this engine is untouched either way, so a caller keeps serving it until the new one is ready.
        """
        return Engine.load(self.knowledge_dir, self.index.directory, encoder=self.encoder, notify=notify)

    @property
    def searcher(self) -> Searcher:
        return Searcher(self.kb, self.index, self.encoder)

    def ask_batch(self, questions: list[str], stage: str | None = None,
                  done: frozenset[str] = frozenset()) -> list[Answer]:
        """Answer several questions with one encoder call. Raises EmptyQuestion for a blank one.

        ``stage`` and ``done`` describe the asker (their stored stage and completed items), if known.
        """
        prepared = [prepare_question(q) for q in questions]
        stage_obj = self.kb.stage(stage) if stage else None
        results = self.searcher.search_batch([q for q, _ in prepared])
        answers = []
        for result, (_, notes) in zip(results, prepared, strict=True):
            intent = detect_next_intent(result.query)
            answer = None
            if intent is not None:
                answer = compose_next(self.kb, result, intent, stage_obj, done, notes, self.threshold)
            if answer is None:
                answer = compose(self.kb, self.index, result, self.threshold, stage=stage_obj, notices=notes,
                                 done=done)
            answers.append(answer)
        return answers

    def ask(self, question: str, stage: str | None = None, done: frozenset[str] = frozenset()) -> Answer:
        return self.ask_batch([question], stage=stage, done=done)[0]


def threshold_for(encoder: Encoder) -> float:
    env = os.environ.get("CAREERBOT_THRESHOLD")
    if env:
        return float(env)
    return THRESHOLDS.get(encoder.backend, 0.0)


def prepare_question(question: str) -> tuple[str, list[str]]:
    """Strip and bound the question; returns it with any notices for the user."""
    from bot.text import detect_lang

    text = question.strip()
    if not text:
        raise EmptyQuestion("the question is empty")
    notices = []
    if len(text) > MAX_QUESTION_CHARS:
        text = text[:MAX_QUESTION_CHARS]
        notices.append(NOTICES["truncated"][detect_lang(text)].format(n=MAX_QUESTION_CHARS))
    return text, notices
