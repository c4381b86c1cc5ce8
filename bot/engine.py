"""The question-answering engine shared by the CLI and the Discord bot.

Loads the knowledge base, the encoder and the index once; then answers questions (a batch at a time).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.answer import Answer, Asker, compose
from bot.config import SHIPPED_KNOWLEDGE, Config
from bot.embedding import Encoder, make_encoder
from bot.gate import Gate, gate_for
from bot.index import Index, ensure_index, locations
from bot.knowledge import KnowledgeBase, knowledge_digest, load, read_snapshot
from bot.search import Searcher

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 2000


class EmptyQuestion(ValueError):
    """The question is empty or only whitespace."""


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
        results = self.searcher.search_batch([q for q, _ in prepared])
        return [compose(self.kb, self.index, result, self.gate, asker or Asker(), truncated=truncated)
                for result, (_, truncated) in zip(results, prepared, strict=True)]

    def ask(self, question: str, asker: Asker | None = None) -> Answer:
        return self.ask_batch([question], asker)[0]


def prepare_question(question: str) -> tuple[str, bool]:
    """Strip and bound the question; returns it and whether it was cut."""
    text = question.strip()
    if not text:
        raise EmptyQuestion("the question is empty")
    if len(text) > MAX_QUESTION_CHARS:
        return text[:MAX_QUESTION_CHARS], True
    return text, False
