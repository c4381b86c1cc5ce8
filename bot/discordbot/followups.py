"""The last answer of each conversation, so a follow-up ("英語で", "もっと詳しく", "what about for a
student?") is answered in its context (:func:`bot.conversation.follow_up`).

A conversation is a thread the bot created for an answer (keyed by the thread's id) or one of the bot's answer
messages that a member replies to (keyed by the message's id). Kept in memory only and bounded: the least
recently used conversations are forgotten first, and a restart forgets them all (a message in one of the bot's
threads is then answered as a new question). ``/forget`` drops the answers a member asked for.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import NamedTuple

from bot.answer import Answer

MAX_CONVERSATIONS = 1000


Asker = tuple[int, int]  # (guild id, user id)


class _Entry(NamedTuple):
    answer: Answer
    askers: frozenset[Asker]  # everyone whose question led to this answer (a follow-up keeps its context's)


class LastAnswers:
    """A bounded LRU map from a thread or message id to the last answer given there."""

    def __init__(self, size: int = MAX_CONVERSATIONS) -> None:
        if size < 1:
            raise ValueError("size must be >= 1")
        self.size = size
        self._answers: OrderedDict[int, _Entry] = OrderedDict()

    def __repr__(self) -> str:
        return f"LastAnswers({len(self._answers)}/{self.size})"

    def __len__(self) -> int:
        return len(self._answers)

    def __contains__(self, key: object) -> bool:
        return key in self._answers

    def get(self, key: int | None) -> Answer | None:
        """The last answer under ``key`` (now the most recently used), or None."""
        if key is None or key not in self._answers:
            return None
        self._answers.move_to_end(key)
        return self._answers[key].answer

    def put(self, answer: Answer, *keys: int, asker: Asker | None = None, context: int | None = None) -> None:
        """Remember ``answer`` as the last one under each of ``keys``. ``asker`` (guild id, user id) asked for
        it; ``context`` is the key of the conversation it continues, whose askers it inherits (a follow-up
        "英語で" repeats the question someone else asked)."""
        askers = set(self._answers[context].askers) if context in self._answers else set()
        if asker is not None:
            askers.add(asker)
        entry = _Entry(answer, frozenset(askers))
        for key in keys:
            self._answers[key] = entry
            self._answers.move_to_end(key)
        while len(self._answers) > self.size:
            self._answers.popitem(last=False)

    def forget(self, guild_id: int, user_id: int) -> int:
        """Drop every answer that rests on a question ``user_id`` asked in ``guild_id``; returns how many
        entries went."""
        gone = [k for k, entry in self._answers.items() if (guild_id, user_id) in entry.askers]
        for key in gone:
            del self._answers[key]
        return len(gone)
