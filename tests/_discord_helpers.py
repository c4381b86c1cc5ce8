"""Helpers for the Discord tests and the benchmarks: a bot as a subprocess against FakeDiscord.

The careerbot subprocess runs the real ``careerbot run`` code path (``python -m bot.discordbot.runner``), with
its database and index directory pointed at temp paths, and its working directory a temp dir (so no stray
``.env`` is read). :class:`BotProcess` runs any other bot too (``command=``), e.g. the echo bot of
tests/test_fakediscord.py.
"""

from __future__ import annotations

import contextlib
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fakediscord import (
    BOT_ID,
    CHANNEL_ID,
    GUILD_ID,
    Call,
    ChannelSpec,
    FakeDiscord,
    GuildSpec,
    InjectedInteraction,
    InteractionResponse,
    MemberSpec,
    default_guild,
)

from bot.config import SHIPPED_KNOWLEDGE

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = SHIPPED_KNOWLEDGE
EPHEMERAL = 1 << 6
SECOND_CHANNEL_ID = 2002
THIRD_CHANNEL_ID = 2003
OTHER_BOT_ID = 9100
LEARNER_BASE_ID = 3100

# Settings the bot must not inherit from the developer's shell.
_SCRUB = ("DISCORD_TOKEN", "DISCORD_API_BASE", "DISCORD_GATEWAY_URL", "CAREERBOT_DB", "CAREERBOT_INDEX_DIR",
          "CAREERBOT_KNOWLEDGE", "CAREERBOT_BACKEND", "CAREERBOT_MODEL", "CAREERBOT_THRESHOLD",
          "CAREERBOT_ASK_COOLDOWN", "CAREERBOT_MESSAGE_CONTENT", "CAREERBOT_LOG_LEVEL", "CAREERBOT_DB_BUSY_WAIT",
          "CAREERBOT_LANG", "CAREERBOT_SHARD_COUNT", "CAREERBOT_SHARD_IDS", "CAREERBOT_SHUTDOWN_S",
          "CAREERBOT_CHANNEL_RATE", "CAREERBOT_TEST_CLOCK")


def learner_id(n: int) -> int:
    return LEARNER_BASE_ID + n


def make_guild(learners: int = 12) -> GuildSpec:
    """The default guild plus two more channels, ``learners`` plain members and another bot."""
    guild = default_guild(extra_channels=[ChannelSpec(id=SECOND_CHANNEL_ID, name="ask-here", position=1),
                                          ChannelSpec(id=THIRD_CHANNEL_ID, name="announcements", position=2)])
    guild.members += [MemberSpec(id=learner_id(n), username=f"learner{n}") for n in range(learners)]
    guild.members.append(MemberSpec(id=OTHER_BOT_ID, username="otherbot", bot=True))
    return guild


def bot_env(fd: FakeDiscord | None, db: Path, index_dir: Path, knowledge: Path = KNOWLEDGE,
            **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _SCRUB}
    env.update(fd.env() if fd is not None else {})
    env.update({
        "CAREERBOT_DB": str(db),
        "CAREERBOT_INDEX_DIR": str(index_dir),
        "CAREERBOT_KNOWLEDGE": str(knowledge),
        "CAREERBOT_BACKEND": "e5",
        "PYTHONUNBUFFERED": "1",
        "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p),
    })
    env.update(extra)
    return env


RUNNER = (sys.executable, "-m", "bot.discordbot.runner")


class BotProcess:
    """``python -m bot.discordbot.runner [args]`` (or ``command``) as a subprocess; stdout and stderr
    captured to files in ``workdir``."""

    def __init__(self, env: dict[str, str], workdir: Path, args: tuple[str, ...] = (), name: str = "bot",
                 command: Sequence[str] = RUNNER) -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        self.stdout_path = workdir / f"{name}.out"
        self.stderr_path = workdir / f"{name}.err"
        self._out = self.stdout_path.open("w")
        self._err = self.stderr_path.open("w")
        self.proc = subprocess.Popen(
            [*command, *args], env=env, cwd=workdir, stdout=self._out, stderr=self._err
        )

    def _read(self, path: Path) -> str:
        for f in (self._out, self._err):
            if not f.closed:
                f.flush()
        return path.read_text(errors="replace")

    @property
    def stdout(self) -> str:
        return self._read(self.stdout_path)

    @property
    def stderr(self) -> str:
        return self._read(self.stderr_path)

    def wait(self, timeout: float) -> int:
        try:
            return self.proc.wait(timeout)
        finally:
            self._close_files()

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self, timeout: float = 10.0) -> int | None:
        """SIGTERM (the bot closes cleanly), then SIGKILL if it does not exit in ``timeout`` seconds."""
        try:
            if self.proc.poll() is None:
                self.proc.terminate()
                try:
                    self.proc.wait(timeout)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(5)
            return self.proc.returncode
        finally:
            self._close_files()

    def _close_files(self) -> None:
        for f in (self._out, self._err):
            if not f.closed:
                f.close()


def start_bot(fd: FakeDiscord, env: dict[str, str], workdir: Path, name: str = "bot",
              timeout: float = 30.0) -> BotProcess:
    """Start the bot and wait until it IDENTIFYed and received READY + GUILD_CREATE (bounded)."""
    identifies = fd.identify_count
    bot = BotProcess(env, workdir, name=name)
    deadline = time.monotonic() + timeout
    try:
        while fd.identify_count <= identifies:
            if not bot.alive():
                raise RuntimeError(f"bot exited with {bot.proc.returncode}:\n{bot.stderr[-4000:]}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"bot did not identify within {timeout}s:\n{bot.stderr[-4000:]}")
            time.sleep(0.05)
        fd.wait_until_ready(max(deadline - time.monotonic(), 1.0))
    except BaseException:
        bot.stop()
        raise
    return bot


def component_ids(message: dict[str, Any]) -> list[str]:
    return [c["custom_id"] for row in message.get("components", []) for c in row.get("components", [])
            if "custom_id" in c]


# ------------------------------------------------------------------------------- message payloads

def message_text(body: dict[str, Any] | None) -> str:
    """Content plus every embed text of a message payload (or an interaction callback's ``data``)."""
    if not body:
        return ""
    data = body.get("data") if isinstance(body.get("data"), dict) else body
    parts = [data.get("content")]
    for e in data.get("embeds") or []:
        parts += [e.get("title"), e.get("description"), (e.get("footer") or {}).get("text")]
        parts += [f"{f.get('name')}\n{f.get('value')}" for f in e.get("fields") or []]
    return "\n".join(p for p in parts if p)


def is_ephemeral(body: dict[str, Any] | None) -> bool:
    data = (body or {}).get("data") if isinstance((body or {}).get("data"), dict) else (body or {})
    return bool(int(data.get("flags") or 0) & EPHEMERAL)


def rss_kb(pid: int) -> int:
    """Resident memory of a process (VmRSS from /proc/PID/status), in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


@dataclass(frozen=True)
class Hygiene:
    """What every bot run must respect; :meth:`BotWorld.check` enforces it for a span of a test module."""

    ack_within: float = 3.0  # every interaction acknowledged within Discord's 3 s
    no_tracebacks: bool = True
    no_errors_logged: bool = False  # no "[ERROR"/"[CRITICAL" lines at all
    no_rejected_calls: bool = False  # no REST call answered >= 400 (besides injected faults)
    rejected_ok: str | None = None  # ... except on paths matching this regex (e.g. a pin refused on purpose)
    forbidden_in_logs: tuple[str, ...] = ()  # text that must never reach the logs (message text, the token)


@dataclass
class _Mark:
    call: int
    interactions: int


@dataclass
class BotWorld:
    """FakeDiscord plus one careerbot subprocess (synced and ready), for a test module."""

    fd: FakeDiscord
    db: Path
    workdir: Path
    env: dict[str, str]
    bot: BotProcess
    hygiene: Hygiene = field(default_factory=Hygiene)
    logs: list[str] = field(default_factory=list)
    interactions: list[InjectedInteraction] = field(default_factory=list)
    paths: dict[str, Path] = field(default_factory=dict)  # the test's own files (knowledge copy, index...)

    def __repr__(self) -> str:  # short: Hypothesis prints it with every falsifying example
        return f"<BotWorld pid={self.bot.proc.pid} db={self.db}>"

    def slash(self, name: str, options: dict[str, Any] | None = None, **kw: Any) -> InjectedInteraction:
        inter = self.fd.inject_slash(name, options, **kw)
        self.interactions.append(inter)
        return inter

    def autocomplete(self, name: str, options: dict[str, Any], focused: str, **kw: Any) -> InjectedInteraction:
        inter = self.fd.inject_autocomplete(name, options, focused=focused, **kw)
        self.interactions.append(inter)
        return inter

    def click(self, custom_id: str, message_id: int, user_id: int) -> InjectedInteraction:
        inter = self.fd.inject_component(custom_id, message_id=message_id, user_id=user_id)
        self.interactions.append(inter)
        return inter

    def reply(self, inter: InjectedInteraction, kind: str = "callback", count: int = 1,
              timeout: float = 10.0) -> InteractionResponse:
        """The ``count``-th response of one ``kind`` (callback, followup, edit_original) to an interaction."""
        return self.fd.wait_for_interaction_response(inter, kind, timeout=timeout, count=count)

    def first(self, inter: InjectedInteraction, timeout: float = 10.0) -> InteractionResponse:
        """The initial callback (a reply, or a deferral)."""
        return self.reply(inter, "callback", timeout=timeout)

    def final(self, inter: InjectedInteraction, timeout: float = 10.0) -> InteractionResponse:
        """What the user finally reads: the callback when it carried the reply, else the first followup
        (or the edit of the original for a deferred button click)."""
        first = self.first(inter, timeout)
        if first.type in (4, 7, 8):
            return first
        def done() -> InteractionResponse | None:
            for r in self.fd.interaction_responses(inter):
                if r.kind in ("followup", "edit_original") and 200 <= r.status < 300:
                    return r
            return None
        return self.fd.wait_until(done, timeout, f"interaction {inter.id}: no reply after the deferral")

    def mention(self, user: int, text: str, channel: int = CHANNEL_ID) -> tuple[dict[str, Any], Call]:
        """A user mentions the bot; returns the message and the bot's reply call to it."""
        return self.say(user, f"<@{BOT_ID}> {text}", channel)

    def say(self, user: int, content: str, channel: int = CHANNEL_ID,
            reply_to: int | None = None) -> tuple[dict[str, Any], Call]:
        """A user posts ``content`` (optionally as a reply); returns the message and the bot's reply to it."""
        mark = self.fd.mark()
        msg = self.fd.inject_message(channel, user, content, reply_to=reply_to)
        return msg, self.reply_to(msg, mark)

    def reply_to(self, msg: dict[str, Any], after: int, timeout: float = 15.0) -> Call:
        channel = int(msg["channel_id"])
        return self.fd.wait_for_call(
            "POST", rf"^/channels/{channel}/messages$", timeout=timeout, after=after,
            predicate=lambda c: 200 <= c.status < 300
            and str(((c.json or {}).get("message_reference") or {}).get("message_id")) == msg["id"])

    def restart(self, **env: str) -> None:
        self.bot.stop()
        self.logs.append(self.bot.stdout + self.bot.stderr)
        self.env.update(env)
        self.bot = start_bot(self.fd, self.env, self.workdir, name=f"bot{len(self.logs)}")

    def all_logs(self) -> str:
        return "\n".join([*self.logs, self.bot.stdout, self.bot.stderr])

    # ---------------------------------------------------------------------------------------- hygiene

    def mark(self) -> _Mark:
        return _Mark(self.fd.mark(), len(self.interactions))

    def check(self, since: _Mark | None = None) -> None:
        """Assert :attr:`hygiene` for what happened since ``since`` (interactions and REST calls; the logs
        are checked whole: a failure an earlier test caused has already failed that test)."""
        since = since or _Mark(0, 0)
        rules = self.hygiene
        late = []
        for inter in self.interactions[since.interactions:]:
            responses = self.fd.interaction_responses(inter)
            if not responses or responses[0].kind != "callback" or responses[0].elapsed >= rules.ack_within:
                late.append((inter.payload["data"], [(r.kind, r.status, r.elapsed) for r in responses]))
        assert late == [], f"interactions not acknowledged within {rules.ack_within} s: {late}"
        calls = [c for c in self.fd.calls() if c.id > since.call]
        assert [(c.method, c.path) for c in calls if c.route is None and not c.fault] == [], "unknown routes"
        assert [(c.method, c.path, c.status) for c in calls if c.status >= 500 and not c.fault] == []
        assert self.fd.server_errors() == []  # bugs of FakeDiscord itself
        if rules.no_rejected_calls:
            rejected = [(c.method, c.path, c.status, c.response) for c in calls if c.status >= 400 and not c.fault
                        and not (rules.rejected_ok and re.search(rules.rejected_ok, c.path))]
            assert rejected == [], rejected
        logs = self.all_logs()
        if rules.no_tracebacks:
            assert "Traceback" not in logs, logs[-4000:]
        if rules.no_errors_logged:
            assert "[ERROR" not in logs, logs[-4000:]
            assert "[CRITICAL" not in logs, logs[-4000:]
        for text in (*rules.forbidden_in_logs, self.fd.token):
            assert text not in logs


@contextlib.contextmanager
def bot_world(workdir: Path, index_dir: Path, guild: GuildSpec | None = None, knowledge: Path = KNOWLEDGE,
              start_timeout: float = 30.0, hygiene: Hygiene | None = None, **env: str) -> Iterator[BotWorld]:
    """FakeDiscord with ``guild`` (default :func:`make_guild`), the commands synced, and the bot running;
    everything stopped afterwards, and then :meth:`BotWorld.check` run over the whole module (the last of
    the bot's log lines are written while it stops)."""
    db = workdir / "careerbot.sqlite3"
    with FakeDiscord(guilds=[guild or make_guild()]) as fd:
        environ = bot_env(fd, db, index_dir, knowledge, **env)
        sync = BotProcess(environ, workdir, ("sync", str(GUILD_ID)), name="sync")
        try:
            assert sync.wait(30) == 0, sync.stderr
        finally:
            sync.stop()
        bot = start_bot(fd, environ, workdir, timeout=start_timeout)
        world = BotWorld(fd, db, workdir, environ, bot, hygiene or Hygiene())
        try:
            yield world
        finally:
            world.bot.stop()
        world.check()


@contextlib.contextmanager
def checked(world: BotWorld) -> Iterator[None]:
    """Check the world's hygiene for what one test did (use it in an autouse fixture)."""
    since = world.mark()
    yield
    world.check(since)


SMALL_CARDS = ("nc-laptop-gpu", "nc-visa-abroad")


def small_knowledge(dest: Path, source: Path = KNOWLEDGE, sentences: int = 1, resources: int = 6,
                    cards: tuple[str, ...] = SMALL_CARDS) -> Path:
    """A valid, smaller copy of the knowledge base (every topic and stage, each text cut to its first
    ``sentences`` sentences, four keywords per language, two checklist items per stage, no FAQ lines, the
    first ``resources`` resources, the answer cards ``cards`` with two phrasings per language and no example
    messages): its index
    builds in seconds, so tests can rebuild it for real with the real encoder (the full one takes a minute
    or two on 2 cores).

    The default cards are "not covered" cards far from what the tests ask: with only a couple of cards, the
    card gate (calibrated on the full set, where the right card wins) lets the nearest card answer questions
    it does not fit, e.g. "Do ML engineers need SQL?" with the first card, "what to study first"."""
    import yaml

    from bot.text import split_sentences

    def cut(doc: dict[str, Any]) -> None:
        doc["text"] = {lang: " ".join(split_sentences(doc["text"][lang])[:sentences]) for lang in ("ja", "en")}
        doc["keywords"] = {lang: words[:4] for lang, words in doc["keywords"].items()}
        doc.pop("faq", None)
        if "items" in doc:
            doc["items"] = doc["items"][:2]

    def read(name: str) -> Any:
        return yaml.load((source / name).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))

    dest.mkdir(parents=True, exist_ok=True)
    topics, stages, res, answers = (read(n) for n in ("topics.yaml", "stages.yaml", "resources.yaml",
                                                      "answers.yaml"))
    for doc in [*topics["topics"], *stages["stages"]]:
        cut(doc)
    res["resources"] = res["resources"][:resources]
    kept_items = {i["id"] for st in stages["stages"] for i in st["items"]}
    for r in res["resources"]:
        for key in ("items", "assumes"):
            if key in r:
                r[key] = [i for i in r[key] if i in kept_items]
    stages["backgrounds"] = [{**b, "covers": [i for i in b["covers"] if i in kept_items]}
                             for b in stages.get("backgrounds", []) if set(b["covers"]) & kept_items]
    kept_resources = {r["id"] for r in res["resources"]}
    answers["cards"] = [c for c in answers["cards"] if c["id"] in cards]
    assert len(answers["cards"]) == len(cards), f"no such card(s) in {source}: {cards}"
    for card in answers["cards"]:
        card["questions"] = {lang: phrasings[:2] for lang, phrasings in card["questions"].items()}
        card.pop("examples", None)
        card["resources"] = [r for r in card.get("resources") or [] if r in kept_resources]
        if not card["resources"]:
            del card["resources"]
    for name, data in (("topics.yaml", topics), ("stages.yaml", stages), ("resources.yaml", res),
                       ("answers.yaml", answers)):
        assert data, name
        (dest / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                                 encoding="utf-8")
    return dest
