"""The engine, seen from the event loop: every call runs on one worker thread, questions in batches.

Retrieval is CPU work (the encoder, FAISS, BM25: 20-50 ms a question) and must never run on the event loop,
or the gateway heartbeat stalls. All engine work goes to a single dedicated thread (the C encoder is not
documented as thread-safe, and with two cores parallel encodes gain little). Questions that arrive while a
batch is being answered are queued and answered together in the next :meth:`Engine.ask_batch` call, one
encoder call for the lot — under load that answers several times more questions per second than one call per
question.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from bot.answer import Answer, Asker
from bot.conversation import follow_up
from bot.engine import EmptyQuestion, Engine
from bot.knowledge import KnowledgeBase

log = logging.getLogger(__name__)

T = TypeVar("T")
MAX_BATCH = 32


@dataclass
class _Pending:
    question: str
    asker: Asker
    future: asyncio.Future[Answer]


class ReloadInProgress(Exception):
    """A knowledge reload is already running."""


@dataclass(frozen=True)
class ReloadResult:
    kb: KnowledgeBase
    rebuilt: bool  # the index was built (else an index for these files existed already)
    seconds: float
    changed: bool = True  # the knowledge differs from what was served before


#: A reload that would serve fewer than this share of the current documents, cards or resources waits for
#: a moderator's confirmation (an emptied file, a bad merge).
SHRINK_RATIO = 0.5


@dataclass(frozen=True)
class Shrinkage:
    what: str  # "documents" (topics and stages), "cards" or "resources"
    old: int
    new: int


def shrinkage(old: KnowledgeBase, new: KnowledgeBase, ratio: float = SHRINK_RATIO) -> list[Shrinkage]:
    """What ``new`` would serve far less of than ``old``: fewer than ``ratio`` of its documents, answer
    cards or resources."""
    counts = (("documents", len(old.documents), len(new.documents)), ("cards", len(old.cards), len(new.cards)),
              ("resources", len(old.resources), len(new.resources)))
    return [Shrinkage(what, a, b) for what, a, b in counts if b < a * ratio]


@dataclass(frozen=True)
class PendingReload:
    """A reloaded engine held back by the shrink guard until a moderator confirms it (:meth:`AnswerService.apply`)."""

    engine: Engine
    base: Engine  # the engine it was compared with; applying it is refused once another has replaced that
    rebuilt: bool
    seconds: float
    shrinks: list[Shrinkage]


class ReloadShrinks(Exception):
    """The reloaded knowledge would serve far less than the current one; nothing was swapped."""

    def __init__(self, pending: PendingReload) -> None:
        super().__init__(", ".join(f"{s.what} {s.old} -> {s.new}" for s in pending.shrinks))
        self.pending = pending


class ReloadStale(Exception):
    """A held-back reload can no longer be applied: another reload replaced the engine it was checked against."""


async def _in_daemon_thread(fn: Callable[..., T], *args: object, **kwargs: object) -> T:
    """Run ``fn`` on a thread of its own that does not hold up the process's exit: an index rebuild still
    running when a shutdown's deadline passes is abandoned with the process (the index is built in a
    temporary directory and renamed into place, so stopping it midway leaves nothing broken)."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: T | None, error: BaseException | None) -> None:
        if future.done():  # the caller was cancelled meanwhile
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def work() -> None:
        result: T | None = None
        error: BaseException | None = None
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - handed to the awaiting caller
            error = exc
        with contextlib.suppress(RuntimeError):  # the event loop is gone: nobody waits any more
            loop.call_soon_threadsafe(settle, result, error)

    threading.Thread(target=work, name="careerbot-reload", daemon=True).start()
    return await future


class AnswerService:
    """Answers questions and runs searches for the bot, off the event loop.

    ``engine`` is the engine currently serving; :meth:`reload` swaps in a new one (loaded with the same
    :class:`~bot.config.Config`, so a configured threshold survives a reload).
    """

    def __init__(self, engine: Engine, max_batch: int = MAX_BATCH) -> None:
        self.engine = engine
        self.max_batch = max_batch
        self._reload_lock = asyncio.Lock()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="careerbot-engine")
        self._pending: list[_Pending] = []
        self._worker: asyncio.Task[None] | None = None

    def __repr__(self) -> str:
        return f"AnswerService(pending={len(self._pending)})"

    async def run(self, fn: Callable[..., T], *args: object, **kwargs: object) -> T:
        """Run ``fn`` on the engine thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    async def ask(self, question: str, asker: Asker | None = None) -> Answer:
        """Answer one question (batched with any others waiting). Raises EmptyQuestion for a blank one."""
        if not question.strip():
            raise EmptyQuestion("the question is empty")
        future: asyncio.Future[Answer] = asyncio.get_running_loop().create_future()
        self._pending.append(_Pending(question, asker or Asker(), future))
        if self._worker is None or self._worker.done():
            self._worker = asyncio.create_task(self._drain(), name="careerbot-answer-batches")
        return await future

    async def follow_up(self, text: str, last: Answer | None, asker: Asker | None = None) -> Answer:
        """Answer ``text`` in the context of ``last`` (the previous answer of the conversation); without one,
        as a new question. Raises EmptyQuestion for a blank one."""
        if last is None:
            return await self.ask(text, asker)
        if not text.strip():
            raise EmptyQuestion("the question is empty")
        return await self.run(follow_up, self.engine, text, last, asker or Asker())

    async def _drain(self) -> None:
        while self._pending:
            batch, self._pending = self._pending[: self.max_batch], self._pending[self.max_batch :]
            groups: dict[Asker, list[_Pending]] = {}  # one engine call per asker (same stage, progress...)
            for p in batch:
                if not p.future.done():  # a cancelled caller no longer needs its answer
                    groups.setdefault(p.asker, []).append(p)
            for asker, items in groups.items():
                await self._answer_group(items, asker)

    async def _answer_group(self, items: list[_Pending], asker: Asker) -> None:
        questions = [p.question for p in items]
        try:
            answers = await self.run(self.engine.ask_batch, questions, asker)
        except Exception as exc:  # noqa: BLE001 - not swallowed: handed to the waiting caller(s)
            if len(items) > 1:  # isolate the failing question: the others still get their answers
                for p in items:
                    await self._answer_group([p], asker)
                return
            if not items[0].future.done():  # handed to the waiting caller, who reports it
                items[0].future.set_exception(exc)
            return
        log.debug("answered a batch of %d question(s)", len(items))
        for p, answer in zip(items, answers, strict=True):
            if not p.future.done():
                p.future.set_result(answer)

    async def reload(self, *, allow_shrink: bool = False) -> ReloadResult:
        """Re-read the knowledge files and swap in a new engine (its index rebuilt when they changed).

        The rebuild runs on a worker thread of its own, so the event loop and the answer thread keep serving
        the previous engine meanwhile (questions already in a batch finish on it). Raises KnowledgeError
        (every problem with file and line) when the edited knowledge is invalid, ReloadInProgress when a
        reload is already running, and ReloadShrinks (holding the new engine for :meth:`apply`) when it would
        serve far less than the current one and ``allow_shrink`` is false; in each case the previous engine
        keeps serving, untouched.
        """
        if self._reload_lock.locked():
            raise ReloadInProgress
        async with self._reload_lock:
            old = self.engine
            notes: list[str] = []
            started = time.perf_counter()
            new = await _in_daemon_thread(old.reload, notify=notes.append)
            elapsed = time.perf_counter() - started
            rebuilt = bool(notes)  # ensure_index announces a rebuild, and only a rebuild
            shrinks = shrinkage(old.kb, new.kb)
            if shrinks and not allow_shrink:
                log.warning("knowledge reload held back: it would serve far less than now (%s); still serving "
                            "the previous version until a moderator confirms",
                            ", ".join(f"{s.what} {s.old} -> {s.new}" for s in shrinks))
                raise ReloadShrinks(PendingReload(new, old, rebuilt, elapsed, shrinks))
            self.engine = new
            log.info("knowledge reloaded in %.1f s (index %s)", elapsed, "rebuilt" if rebuilt else "unchanged")
            return ReloadResult(new.kb, rebuilt, elapsed, changed=new.kb.digest != old.kb.digest)

    async def apply(self, pending: PendingReload) -> ReloadResult:
        """Swap in a reload the shrink guard held back (a moderator confirmed it). Raises ReloadStale when
        another reload replaced the engine it was checked against, ReloadInProgress while one runs."""
        if self._reload_lock.locked():
            raise ReloadInProgress
        async with self._reload_lock:
            if self.engine is not pending.base:
                raise ReloadStale
            self.engine = pending.engine
            log.warning("knowledge reload confirmed despite serving far less (%s)",
                        ", ".join(f"{s.what} {s.old} -> {s.new}" for s in pending.shrinks))
            return ReloadResult(pending.engine.kb, pending.rebuilt, pending.seconds)  # it shrank: it changed

    async def close(self) -> None:
        if self._worker is not None and not self._worker.done():
            self._worker.cancel()
        for p in self._pending:
            if not p.future.done():
                p.future.cancel()
        self._pending.clear()
        await asyncio.to_thread(self._executor.shutdown, wait=True)
