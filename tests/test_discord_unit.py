"""Fast in-process tests of the Discord layer: extensions and their commands, the Japanese translator,
the config and the token, embeds within Discord's limits, cooldowns, the follow-up memory and the batching
answer service."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import discord
import pytest
from discord import app_commands
from fakediscord.validation import validate_embeds

from bot.advisor import Step
from bot.answer import Answer, Asker, Passage, ResourceRef
from bot.config import Config, ConfigError, Secret, parse_cooldown, parse_dotenv
from bot.discordbot.app import EXTENSIONS, CareerBot, RedactFilter
from bot.discordbot.cooldown import Cooldown
from bot.discordbot.exts.plans import pinned_message
from bot.discordbot.exts.qa import strip_bot_mentions
from bot.discordbot.exts.resources import pick_resources
from bot.discordbot.followups import LastAnswers
from bot.discordbot.i18n import JA_COMMANDS, CareerTranslator
from bot.discordbot.service import AnswerService
from bot.discordbot.ui.answer import answer_embed
from bot.discordbot.ui.interaction import item_choices, report_error, stage_choices
from bot.discordbot.ui.text import DISCORD_MESSAGE_LIMIT, EMBED_TOTAL, clip, clip_lines, echo, split_message
from bot.engine import EmptyQuestion
from bot.knowledge import Item, KnowledgeBase, Resource, Text
from bot.messages import t

NAME_RE = re.compile(r"^[-_'\w]{1,32}$")
TOP_LEVEL = {"ask", "nextstep", "stage", "progress", "plan", "resources", "forget", "help", "config", "admin"}


@pytest.fixture(scope="module")
def tree_bot() -> CareerBot:
    """Every extension loaded into one bot (no login, no engine): a name clash would raise here."""
    bot = CareerBot(Config(), load_engine=False)

    async def load() -> None:
        await bot.load_extensions()
        await bot.tree.set_translator(CareerTranslator())

    asyncio.run(load())
    return bot


def _payloads(bot: CareerBot) -> list[dict]:
    async def build() -> list[dict]:
        return [await c.get_translated_payload(bot.tree, bot.tree.translator)  # type: ignore[arg-type]
                for c in bot.tree.get_commands()]

    return asyncio.run(build())


def _walk(options: list[dict], path: str) -> Iterator[tuple[str, dict]]:
    for opt in options:
        yield f"{path} {opt['name']}", opt
        yield from _walk(opt.get("options") or [], f"{path} {opt['name']}")


def test_every_extension_loads_and_commands_do_not_clash(tree_bot: CareerBot) -> None:
    assert set(tree_bot.extensions) == set(EXTENSIONS)
    names = [c.name for c in tree_bot.tree.get_commands()]
    assert sorted(names) == sorted(TOP_LEVEL)
    qualified = [c.qualified_name for c in tree_bot.tree.walk_commands()]
    assert len(qualified) == len(set(qualified))
    assert {"stage set", "stage show", "stage assess", "progress done", "progress show", "plan show", "plan pin",
            "config qa-channel add", "config qa-channel remove", "config threads"} <= set(qualified)


def test_translator_gives_japanese_names_and_descriptions(tree_bot: CareerBot) -> None:
    payloads = _payloads(tree_bot)
    by_name = {p["name"]: p for p in payloads}
    assert by_name["ask"]["name_localizations"] == {"ja": "質問"}
    assert by_name["nextstep"]["name_localizations"] == {"ja": "次の一歩"}
    for payload in payloads:
        assert payload["contexts"] == [0], f"/{payload['name']} must be guild-only"
        for where, item in [(payload["name"], payload), *_walk(payload.get("options") or [], payload["name"])]:
            ja_name = item["name_localizations"]["ja"]
            assert NAME_RE.match(ja_name), where
            assert ja_name == ja_name.lower(), where
            assert 1 <= len(item["description_localizations"]["ja"]) <= 100, where
            assert 1 <= len(item["description"]) <= 100, where
        siblings = [o["name_localizations"]["ja"] for o in payload.get("options") or []]
        assert len(siblings) == len(set(siblings)), payload["name"]
    top = [p["name_localizations"]["ja"] for p in payloads]
    assert len(top) == len(set(top))


def test_translator_leaves_other_locales_alone() -> None:
    async def check() -> None:
        translator = CareerTranslator()
        ctx = app_commands.TranslationContext(app_commands.TranslationContextLocation.other, None)
        assert await translator.translate(app_commands.locale_str("ask"), discord.Locale.japanese, ctx) == "質問"
        assert await translator.translate(app_commands.locale_str("ask"), discord.Locale.french, ctx) is None

    asyncio.run(check())
    assert all(v.strip() for v in JA_COMMANDS.values())


def test_moderation_commands_carry_default_permissions(tree_bot: CareerBot) -> None:
    by_name = {p["name"]: p for p in _payloads(tree_bot)}
    assert int(by_name["config"]["default_member_permissions"]) == discord.Permissions(manage_guild=True).value
    # Discord ignores default permissions on subcommands: /plan pin checks the member at run time instead.
    assert by_name["plan"]["default_member_permissions"] is None


# ------------------------------------------------------------------------------------------ config


def test_dotenv_parsing() -> None:
    text = ("# comment\nexport DISCORD_TOKEN='abc.def'\nCAREERBOT_ASK_COOLDOWN=2/10  # per user\n"
            'QUOTED="a # not a comment"\nbroken line\n')
    assert parse_dotenv(text) == {"DISCORD_TOKEN": "abc.def", "CAREERBOT_ASK_COOLDOWN": "2/10",
                                  "QUOTED": "a # not a comment"}


def test_environment_overrides_dotenv_and_token_never_shows(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("DISCORD_TOKEN=from-dotenv\nCAREERBOT_ASK_COOLDOWN=3/9\n")
    config = Config.load({"CAREERBOT_ASK_COOLDOWN": "0"}, tmp_path)
    assert config.require_token() == "from-dotenv"
    assert config.cooldown is None
    for text in (repr(config), str(config), f"{config.token}", repr(config.token)):
        assert "from-dotenv" not in text
    assert Config.load({"DISCORD_TOKEN": "Bot from-env"}, tmp_path).require_token() == "from-env"


def test_missing_or_malformed_token_is_one_sentence() -> None:
    with pytest.raises(ConfigError, match=r"^DISCORD_TOKEN is not set: .*\.$"):
        Config.from_mapping({}).require_token()
    with pytest.raises(ConfigError, match="not a valid bot token") as info:
        Config.from_mapping({"DISCORD_TOKEN": "has spaces\nand newline"}).require_token()
    assert "spaces" not in str(info.value)


def test_cooldown_setting() -> None:
    assert parse_cooldown(None) == (1, 5.0)
    assert parse_cooldown("3 / 2.5") == (3, 2.5)
    assert parse_cooldown("off") is None
    with pytest.raises(ConfigError):
        parse_cooldown("fast")


def test_secret_equality_and_bool() -> None:
    assert Secret("x") == Secret("x")
    assert not Secret("")


def test_redact_filter_scrubs_the_token() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "token is %s", ("s3cr3t",), None)
    assert RedactFilter("s3cr3t").filter(record)
    assert record.getMessage() == "token is [redacted]"


# ------------------------------------------------------------------------------------ text & embeds


def test_echo_neutralises_mentions_and_markdown() -> None:
    text = echo("@everyone <@&1102> <@123> @here **bold**\nnext line", 256)
    assert "@everyone" not in text
    assert "<@&1102>" not in text
    assert "<@123>" not in text
    assert "@here" not in text
    assert "\\*\\*bold\\*\\*" in text
    assert "\n" not in text
    assert len(echo("x" * 1000, 256)) == 256


def test_clip_helpers() -> None:
    assert clip("abc", 3) == "abc"
    assert clip("abcdef", 4) == "abc…"
    assert clip("ab\\*cd", 4) == "ab…"  # no dangling escape
    lines = [f"line {i} " + "x" * 50 for i in range(40)]
    out = clip_lines(lines, 1024)
    assert len(out) <= 1024
    assert out.endswith("\n…")
    assert clip_lines(["short"], 1024) == "short"


def _step(n: int, title: str = "Item", url: str = "https://example.com/r") -> Step:
    item = Item(f"core-ml.item-{n}", "core-ml", Text(f"{title} {n}", f"{title} {n}"), 4.0)
    resource = Resource(f"r{n}", f"Resource [{n}]", url, "docs", ("core-ml",), (), (), "en", "beginner", "free",
                        Text("", ""))
    return Step(item, resource)


def test_answer_embed_stays_inside_discord_limits() -> None:
    huge = Answer(
        query="q", lang="en", answered=True, answer="word " * 2000,
        passages=[Passage(f"doc-{i}", "Title " * 60, 0.5, "text") for i in range(30)],
        resources=[ResourceRef(f"r{i}", "[Resource] " * 40, f"https://example.com/{i}") for i in range(30)],
        next_steps=[_step(i, "step " * 300) for i in range(5)], notices=["notice " * 100],
    )
    embed = answer_embed(huge, "@everyone " + "why? " * 500)
    data = embed.to_dict()
    validate_embeds([data])  # the fake Discord's validator: raises on any limit
    assert len(embed) <= EMBED_TOTAL
    assert "@everyone" not in data["title"]


@pytest.mark.parametrize(("kind", "heading", "position"), [("next", "Next steps", 0), ("passage", "Next step", -1)])
def test_answer_embed_shows_the_structured_next_steps(kind: str, heading: str, position: int) -> None:
    answer = Answer("q", "en", True, "Do these next.", [Passage("core-ml", "Core ML", 1.0, "text")],
                    [ResourceRef("r", "R", "https://example.com/r")], [_step(1), _step(2)], kind=kind,
                    stage="core-ml")
    fields = answer_embed(answer, "what next?").to_dict()["fields"]
    assert [f["name"] for f in fields] == (["Next steps", "Sources", "Resources"] if kind == "next"
                                           else ["Sources", "Resources", "Next step"])
    steps = fields[position]
    assert steps["name"] == heading
    assert steps["value"].startswith("- **Item 1** (4 h)")  # render.step_line in Markdown
    assert "Resource: [Resource [1]](<https://example.com/r>)" in steps["value"]
    assert "**Item 2**" in steps["value"]


def test_answer_embed_says_which_slash_command_saves_a_stage_it_was_asked_to_record() -> None:
    answer = Answer("q", "ja", True, "次はプロジェクトです。", kind="next", stage="projects", save_stage="projects",
                    save_title="プロジェクトで実践")
    fields = answer_embed(answer, "記録しておいて").to_dict()["fields"]
    assert "`/stage set`" in fields[-1]["value"]
    assert "「プロジェクトで実践」" in fields[-1]["value"]
    assert "careerbot" not in fields[-1]["value"]  # not the terminal's command
    assert all("/stage set" not in f["value"] for f in answer_embed(Answer("q", "ja", True, "x", kind="next",
                                                                            stage="projects"), "次は？").to_dict().get("fields", []))


def test_declined_answer_has_no_footer() -> None:
    answer = Answer("q", "ja", False, "ごめんなさい")
    data = answer_embed(answer, "天気は？").to_dict()
    assert data["description"] == "ごめんなさい"
    assert "footer" not in data


def test_strip_bot_mentions() -> None:
    assert strip_bot_mentions("<@9001> what is <@!9001> MLOps <@&77>?", 9001, 77) == "what is MLOps ?"
    assert strip_bot_mentions("<@9001>", 9001) == ""
    assert strip_bot_mentions("hi <@123>", 9001) == "hi <@123>"


def test_long_plan_becomes_one_message_with_the_file() -> None:
    text = "\n".join(f"- week {i} " + "x" * 60 for i in range(100))
    kwargs = pinned_message(text, "en", attach=True)
    assert len(kwargs["content"]) <= 2000
    assert kwargs["file"].filename == "study-plan.md"
    assert pinned_message("short", "ja", attach=True) == {"content": "short"}
    assert "file" not in pinned_message(text, "en", attach=False)


def test_split_message_keeps_lines_whole_and_cuts_only_overlong_ones() -> None:
    lines = [f"line {i} " + "y" * (i % 90) for i in range(300)]
    parts = split_message("\n".join(lines))
    assert len(parts) > 1
    assert all(len(p) <= DISCORD_MESSAGE_LIMIT for p in parts)
    assert "\n".join(parts) == "\n".join(lines)  # split on line boundaries, nothing lost
    long = split_message("z" * 4500, 2000)
    assert [len(p) for p in long] == [2000, 2000, 500]


# --------------------------------------------------------------------------------------- choices


def test_autocomplete_choices_are_bounded(kb: KnowledgeBase) -> None:
    assert len(stage_choices(kb, "", "en")) == 7
    assert [c.value for c in stage_choices(kb, "デプロイ", "ja")] == ["mlops"]
    assert [c.value for c in stage_choices(kb, "5", "en")] == ["mlops"]
    everything = item_choices(kb, None, frozenset(), "", "en")
    assert len(everything) == 25
    stage = kb.stage("core-ml")
    done = frozenset({stage.items[0].id})
    choices = item_choices(kb, stage, done, "", "en")
    assert choices[-1].value == stage.items[0].id  # done items last, marked
    assert choices[-1].name.startswith("✅")
    assert all(len(c.name) <= 100 for c in everything + choices)


def test_stage_resources_without_a_topic(kb: KnowledgeBase) -> None:
    picks = pick_resources(kb, None, kb.stage("mlops"), "ja", 0.85)
    assert picks
    assert all("mlops" in r.stages or any(i.startswith("mlops.") for i in r.items) for r in picks)
    assert pick_resources(kb, None, None, "en", 0.85) == []


# ------------------------------------------------------------------------------------- cooldown


def test_cooldown_sliding_window() -> None:
    now = [100.0]
    cd = Cooldown(2, 5.0, clock=lambda: now[0])
    assert cd.hit(1) == 0.0
    assert cd.hit(1) == 0.0
    assert cd.hit(1) == pytest.approx(5.0)
    assert cd.hit(2) == 0.0  # per user
    now[0] += 5.0
    assert cd.hit(1) == 0.0


def test_cooldown_counts_by_when_the_messages_were_sent_not_when_they_are_read() -> None:
    """A member's burst read seconds late by a busy bot (messages sent at 0.0 s and 1.2 s, read at 10 s and 16 s)
    is still one burst: the second question waits, as it would had the bot read them as they came."""
    clock = [10.0]
    cd = Cooldown(1, 5.0, clock=lambda: clock[0])
    assert cd.hit(1, now=1000.0) == 0.0
    clock[0] = 16.0  # read 6 s later: by the bot's clock the window is over, by the messages' it is not
    assert cd.hit(1, now=1001.2) == pytest.approx(3.8)
    assert cd.hit(1, now=1005.0) == 0.0


# ------------------------------------------------------------------------------- answer service


class _CountingEngine:
    """Stands in for Engine: records each ask_batch call."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], Asker]] = []

    def ask_batch(self, questions: list[str], asker: Asker | None = None) -> list[Answer]:
        asker = asker or Asker()
        self.calls.append((list(questions), asker))
        if "boom" in questions:
            raise RuntimeError("boom")
        return [Answer(q, "en", True, f"answer to {q} at {asker.stage}") for q in questions]


def test_answer_service_batches_concurrent_questions() -> None:
    engine = _CountingEngine()
    mlops = Asker(stage="mlops", done=frozenset({"mlops.docker"}), hours_per_week=5.0)

    async def scenario() -> list[Answer | BaseException]:
        service = AnswerService(engine)  # type: ignore[arg-type]
        try:
            jobs = [service.ask(f"q{i}", mlops if i % 2 else None) for i in range(20)]
            return await asyncio.gather(*jobs, service.ask("boom"), return_exceptions=True)
        finally:
            await service.close()

    results = asyncio.run(scenario())
    answers, failed = results[:20], results[20]
    assert [a.answer for a in answers] == [f"answer to q{i} at {'mlops' if i % 2 else None}" for i in range(20)]
    assert isinstance(failed, RuntimeError)
    assert len(engine.calls) < 20  # batched: one encoder call answers many questions
    for questions, asker in engine.calls:  # each question answered for its own asker
        assert asker == (mlops if any(int(q[1:]) % 2 for q in questions if q != "boom") else Asker())


def test_answer_service_refuses_blank_questions() -> None:
    async def scenario() -> None:
        service = AnswerService(_CountingEngine())  # type: ignore[arg-type]
        try:
            with pytest.raises(EmptyQuestion):
                await service.ask("   ")
            with pytest.raises(EmptyQuestion):
                await service.follow_up(" ", Answer("q", "en", True, "a"))
        finally:
            await service.close()

    asyncio.run(scenario())


# ---------------------------------------------------------------------------------- follow-up memory


def test_last_answers_is_a_bounded_lru() -> None:
    memory = LastAnswers(size=3)
    first, second, third = (Answer(f"q{i}", "en", True, f"a{i}") for i in range(3))
    memory.put(first, 1, 10)  # an answer message and its thread
    memory.put(second, 2)
    assert memory.get(10) is first  # 10 is now the most recently used
    memory.put(third, 3)  # over the bound: the least recently used (1) goes
    assert 1 not in memory
    assert [memory.get(k) for k in (10, 2, 3)] == [first, second, third]
    assert len(memory) == 3
    assert memory.get(None) is None
    assert memory.get(999) is None


def test_last_answers_forgets_what_a_member_asked() -> None:
    memory = LastAnswers()
    mine, theirs = Answer("mine", "en", True, "a"), Answer("theirs", "en", True, "b")
    memory.put(mine, 1, 2, asker=(100, 7))
    memory.put(theirs, 3, asker=(100, 8))
    memory.put(mine, 4, asker=(200, 7))  # the same user in another server
    assert memory.forget(100, 7) == 2
    assert [memory.get(k) for k in (1, 2, 3, 4)] == [None, None, theirs, mine]
    # a follow-up someone else asked ("英語で" repeats the first question) goes with the first question
    memory.put(mine, 5, asker=(100, 9))
    memory.put(Answer("mine", "en", True, "in English"), 6, asker=(100, 8), context=5)
    assert memory.forget(100, 9) == 2
    assert memory.get(6) is None
    assert memory.get(3) is theirs  # (100, 8)'s own earlier question stays


# ------------------------------------------------------------------------------------ error replies


class _StubResponse:
    def __init__(self, done: bool, rtype: discord.InteractionResponseType | None) -> None:
        self._done, self.type = done, rtype
        self.sent: list[tuple[str | None, bool]] = []

    def is_done(self) -> bool:
        return self._done

    async def send_message(self, content: str | None = None, *, ephemeral: bool = False, **_: object) -> None:
        self.sent.append((content, ephemeral))


class _StubFollowup:
    def __init__(self) -> None:
        self.sent: list[tuple[str | None, bool]] = []

    async def send(self, content: str | None = None, *, ephemeral: bool = False, **_: object) -> None:
        self.sent.append((content, ephemeral))


class _StubInteraction:
    """Just what ``send_ephemeral``/``report_error`` touch."""

    def __init__(self, done: bool, rtype: discord.InteractionResponseType | None = None,
                 replied: bool = False) -> None:
        self.id, self.guild_id, self.locale, self.guild_locale = 1, 2, discord.Locale.japanese, None
        self.user = discord.Object(id=3)
        self.response = _StubResponse(done, rtype)
        self.followup = _StubFollowup()
        self.extras: dict[str, object] = {"replied": True} if replied else {}
        self.deleted = 0

    async def delete_original_response(self) -> None:
        self.deleted += 1


@pytest.mark.parametrize(
    ("done", "rtype", "replied", "expect"),
    [
        (False, None, False, "response"),
        (True, discord.InteractionResponseType.deferred_channel_message, False, "delete+followup"),
        (True, discord.InteractionResponseType.deferred_channel_message, True, "followup"),
        (True, discord.InteractionResponseType.channel_message, False, "followup"),
    ],
)
def test_errors_reach_the_user_ephemerally_in_every_state(done: bool, rtype: discord.InteractionResponseType | None,
                                                          replied: bool, expect: str,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    inter = _StubInteraction(done, rtype, replied)
    try:
        raise ValueError("kaboom")
    except ValueError as exc:
        error = exc
    with caplog.at_level(logging.ERROR):
        asyncio.run(report_error(inter, error, "/ask"))  # type: ignore[arg-type]
    sentence = t("error", "ja")
    if expect == "response":
        assert inter.response.sent == [(sentence, True)]
    else:
        assert inter.followup.sent == [(sentence, True)]
        assert inter.deleted == (1 if expect == "delete+followup" else 0)
    assert caplog.records[-1].exc_info is not None  # logged with the traceback
