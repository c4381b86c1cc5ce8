"""Smoke tests for the fake Discord server (tests/fakediscord) driven by a real discord.py bot subprocess."""

from __future__ import annotations

import asyncio
import io
import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from _discord_helpers import BotProcess
from fakediscord import (
    BOT_ID,
    CHANNEL_ID,
    DEFAULT_BOT_PERMISSIONS,
    GUILD_ID,
    MEMBER_ID,
    FakeDiscord,
    Intent,
    Perm,
)

HERE = Path(__file__).resolve().parent
ECHO_BOT = HERE / "_fake_echo_bot.py"
LOADING, EPHEMERAL = 1 << 7, 1 << 6


def echo_bot(fd: FakeDiscord, workdir: Path, token: str | None = None) -> BotProcess:
    """The echo bot (tests/_fake_echo_bot.py) as a subprocess against ``fd``."""
    env = {**os.environ, **fd.env(), "PYTHONUNBUFFERED": "1"}
    if token is not None:
        env["DISCORD_TOKEN"] = token
    return BotProcess(env, workdir, name="echo", command=(sys.executable, str(ECHO_BOT)))


def _output(bot: BotProcess) -> str:
    return bot.stdout + bot.stderr


@pytest.fixture(scope="module")
def fd() -> Iterator[FakeDiscord]:
    with FakeDiscord() as server:
        yield server
        # what the whole module left behind: the echo bot called no route FakeDiscord lacks (the one unknown
        # route is test_json_content_type_unknown_route_and_auth's own), and FakeDiscord itself never failed
        assert [c.path for c in server.unknown_calls() if c.path != "/totally/unknown"] == []
        assert server.server_errors() == []
        assert [c for c in server.calls() if c.status >= 500 and not c.fault] == []


@pytest.fixture(scope="module")
def bot(fd: FakeDiscord, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotProcess]:
    proc = echo_bot(fd, tmp_path_factory.mktemp("bot"))
    try:
        try:
            fd.wait_until_ready(20)
        except TimeoutError:
            pytest.fail(f"bot never became ready; log:\n{_output(proc)[-4000:]}")
        yield proc
    finally:
        proc.stop()


def _http(fd: FakeDiscord, method: str, path: str, body: object = None, token: str | None = None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(fd.api_base + path, data=data, method=method)
    req.add_header("Authorization", f"Bot {token or fd.token}")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            raw = resp.read()
            return resp.status, resp.headers.get("Content-Type"), json.loads(raw) if raw else None
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type"), json.loads(exc.read() or b"null")


# ------------------------------------------------------------------------------------- server only


def test_json_content_type_unknown_route_and_auth(fd: FakeDiscord) -> None:
    status, ctype, body = _http(fd, "GET", "/users/@me")
    assert (status, ctype) == (200, "application/json")  # exactly: discord.py needs no charset suffix
    assert body["id"] == str(BOT_ID)
    assert _http(fd, "GET", "/users/@me", token="nope")[::2] == (
        401,
        {"message": "401: Unauthorized", "code": 0},
    )
    assert _http(fd, "GET", "/totally/unknown")[::2] == (404, {"message": "Unknown route", "code": 0})
    call = fd.wait_for_call("GET", r"^/totally/unknown$", timeout=1)
    assert call.route is None
    assert "Authorization" not in call.headers
    assert call.authorization == "valid"


def test_async_usage() -> None:
    async def scenario() -> None:
        async with FakeDiscord() as server:
            loop = asyncio.get_running_loop()
            waiter = asyncio.ensure_future(server.wait_for_call_async("GET", r"^/gateway$", timeout=5))
            status, _, body = await loop.run_in_executor(None, _http, server, "GET", "/gateway")
            assert status == 200
            assert body == {"url": server.gateway_url}
            assert (await waiter).status == 200

    asyncio.run(scenario())


# ------------------------------------------------------------------------------------ with the bot


def test_bot_logs_in_identifies_and_syncs(fd: FakeDiscord, bot: BotProcess) -> None:
    assert fd.identify_count >= 1
    intents = fd.identify_payloads()[0]["intents"]
    assert intents & Intent.MESSAGE_CONTENT
    assert intents & Intent.GUILD_MESSAGES
    assert fd.identify_payloads()[0]["token"] == "<redacted>"
    routes = [c.route for c in fd.calls()]
    assert routes.index("get_me") < routes.index("get_application") < routes.index("put_commands")
    assert {c["name"] for c in fd.commands()} == {"ping", "feedback", "stage"}
    conn = fd.gateway_connections()[0]
    assert conn.path == "/gateway"
    assert conn.query["compress"] == "zlib-stream"
    assert conn.query["v"] == "10"


def test_mention_reply_uses_allowed_mentions_none(fd: FakeDiscord, bot: BotProcess) -> None:
    mark = fd.mark()
    msg = fd.inject_message(CHANNEL_ID, MEMBER_ID, f"<@{BOT_ID}> hello there")
    assert [m["id"] for m in msg["mentions"]] == [str(BOT_ID)]
    call = fd.wait_for_call("POST", rf"^/channels/{CHANNEL_ID}/messages$", timeout=5, after=mark)
    assert call.status == 200
    assert call.json["allowed_mentions"] == {"parse": []}
    assert call.json["embeds"][0]["title"] == "echo"
    assert call.json["message_reference"]["message_id"] == int(msg["id"])
    stored = fd.messages(CHANNEL_ID)[-1]
    assert stored["author"]["id"] == str(BOT_ID)
    assert stored["type"] == 19


def test_slash_ping_defers_then_followup_and_edit(fd: FakeDiscord, bot: BotProcess) -> None:
    inter = fd.inject_slash("ping")
    fd.wait_for_interaction_response(inter, "edit_original", timeout=5)
    responses = fd.interaction_responses(inter)
    assert [(r.kind, r.type, r.status) for r in responses] == [
        ("callback", 5, 200),
        ("followup", None, 200),
        ("edit_original", None, 200),
    ]
    assert responses[0].call.query == {"with_response": "1"}
    assert responses[0].elapsed < 3.0
    assert responses[1].call.query["wait"] == "1"
    original = responses[2].message
    assert original is not None
    assert original["content"] == "pong (edited)"
    assert not original["flags"] & LOADING
    # the first followup after a deferral replaced the "thinking" message
    assert responses[1].message["id"] == original["id"]


def test_slash_in_dm(fd: FakeDiscord, bot: BotProcess) -> None:
    dm = fd.dm_channel_id(MEMBER_ID)
    inter = fd.inject_slash("ping", channel_id=dm, user_id=MEMBER_ID)
    assert "member" not in inter.payload
    assert inter.payload["user"]["id"] == str(MEMBER_ID)
    fd.wait_for_interaction_response(inter, "edit_original", timeout=5)
    assert [m["content"] for m in fd.messages(dm)] == ["pong (edited)"]


def test_persistent_button_click(fd: FakeDiscord, bot: BotProcess) -> None:
    inter = fd.inject_slash("ping")
    followup = fd.wait_for_interaction_response(inter, "followup", timeout=5).message
    click = fd.inject_component("echo:click", message_id=int(followup["id"]), user_id=MEMBER_ID)
    resp = fd.wait_for_interaction_response(click, "callback", timeout=5)
    assert resp.type == 4
    assert resp.body["data"]["content"] == f"clicked by {MEMBER_ID}"
    assert resp.body["data"]["flags"] & EPHEMERAL


def test_subcommand_autocomplete_locale_and_double_ack(fd: FakeDiscord, bot: BotProcess) -> None:
    ac = fd.inject_autocomplete("stage set", {"stage": "co"}, focused="stage")
    resp = fd.wait_for_interaction_response(ac, "callback", timeout=5)
    assert resp.type == 8
    assert resp.body["data"]["choices"] == [{"name": "core-ml", "value": "core-ml"}]

    inter = fd.inject_slash("stage set", {"stage": "mlops"}, locale="ja")
    assert inter.payload["data"]["options"] == [
        {"type": 1, "name": "set", "options": [{"name": "stage", "type": 3, "value": "mlops"}]}
    ]
    resp = fd.wait_for_interaction_response(inter, "callback", timeout=5)
    assert resp.body["data"]["content"] == "stage=mlops locale=ja"
    # a second acknowledgement is rejected like Discord does
    status, _, body = _http(fd, "POST", f"/interactions/{inter.id}/{inter.token}/callback", {"type": 5})
    assert (status, body["code"]) == (400, 40060)


def test_modal_roundtrip(fd: FakeDiscord, bot: BotProcess) -> None:
    inter = fd.inject_slash("feedback")
    resp = fd.wait_for_interaction_response(inter, "callback", timeout=5)
    assert resp.type == 9
    assert resp.body["data"]["custom_id"] == "echo:feedback"
    submit = fd.inject_modal_submit("echo:feedback", {"feedback:text": "great"})
    resp = fd.wait_for_interaction_response(submit, "callback", timeout=5)
    assert resp.body["data"]["content"] == "thanks: great"


def test_pins_permissions_and_limit(fd: FakeDiscord, bot: BotProcess) -> None:
    mark = fd.mark()
    msg = fd.inject_message(CHANNEL_ID, MEMBER_ID, f"<@{BOT_ID}> pin this")
    call = fd.wait_for_call("PUT", r"/pins/", timeout=5, after=mark)
    assert call.path == f"/channels/{CHANNEL_ID}/messages/pins/{msg['id']}"  # discord.py 2.7 endpoint
    assert call.status == 204
    assert [m["id"] for m in fd.pins(CHANNEL_ID)] == [msg["id"]]

    fd.set_bot_permissions(GUILD_ID, DEFAULT_BOT_PERMISSIONS & ~Perm.MANAGE_MESSAGES)
    try:
        mark = fd.mark()
        fd.inject_message(CHANNEL_ID, MEMBER_ID, f"<@{BOT_ID}> pin this too")
        call = fd.wait_for_call("PUT", r"/pins/", timeout=5, after=mark)
        assert (call.status, call.response) == (403, {"message": "Missing Permissions", "code": 50013})
        sent = fd.wait_for_call("POST", rf"^/channels/{CHANNEL_ID}/messages$", timeout=5, after=mark)
        assert sent.json["content"] == "cannot pin"
    finally:
        fd.set_bot_permissions(GUILD_ID, DEFAULT_BOT_PERMISSIONS)

    fd.seed_pins(CHANNEL_ID, 50 - len(fd.pins(CHANNEL_ID)))
    mark = fd.mark()
    fd.inject_message(CHANNEL_ID, MEMBER_ID, f"<@{BOT_ID}> pin number 51")
    call = fd.wait_for_call("PUT", r"/pins/", timeout=5, after=mark)
    assert call.status == 400
    assert call.response["code"] == 30003
    sent = fd.wait_for_call("POST", rf"^/channels/{CHANNEL_ID}/messages$", timeout=5, after=mark)
    assert sent.json["content"] == "pin failed: 30003"


def test_rate_limit_is_retried(fd: FakeDiscord, bot: BotProcess) -> None:
    fd.fail_next("POST", rf"^/channels/{CHANNEL_ID}/messages$", 429, retry_after=0.2)
    mark = fd.mark()
    fd.inject_message(CHANNEL_ID, MEMBER_ID, f"<@{BOT_ID}> rate limit me")
    ok = fd.wait_for_call(
        "POST",
        rf"^/channels/{CHANNEL_ID}/messages$",
        timeout=5,
        after=mark,
        predicate=lambda c: c.status == 200,
    )
    limited = fd.calls("POST", rf"^/channels/{CHANNEL_ID}/messages$")
    limited = [c for c in limited if c.id > mark and c.status == 429]
    assert len(limited) == 1
    assert limited[0].fault
    assert ok.monotonic - limited[0].monotonic >= 0.19


@pytest.mark.parametrize("abrupt", [False, True])
def test_gateway_drop_resumes_and_replays(fd: FakeDiscord, bot: BotProcess, abrupt: bool) -> None:
    identifies, resumes = fd.identify_count, fd.resume_count
    fd.drop_gateway(4000, abrupt=abrupt)
    mark = fd.mark()
    # injected while the bot is (about to be) disconnected: must arrive via the RESUME replay
    fd.inject_message(CHANNEL_ID, MEMBER_ID, f"<@{BOT_ID}> are you still there?")
    fd.wait_for_resume(resumes + 1, timeout=10)
    assert fd.identify_count == identifies
    assert fd.gateway_connections()[-1].path == "/resume-gateway"
    reply = fd.wait_for_call("POST", rf"^/channels/{CHANNEL_ID}/messages$", timeout=5, after=mark)
    assert reply.json["embeds"][0]["description"].endswith("are you still there?")
    inter = fd.inject_slash("ping")
    assert fd.wait_for_interaction_response(inter, "edit_original", timeout=5).status == 200


def test_reconnect_and_invalid_session(fd: FakeDiscord, bot: BotProcess) -> None:
    identifies, resumes = fd.identify_count, fd.resume_count
    fd.send_reconnect()  # op 7: discord.py closes and RESUMEs
    fd.wait_for_resume(resumes + 1, timeout=10)
    fd.invalidate_session(resumable=False)  # op 9 false: discord.py forgets the session and IDENTIFYs
    fd.wait_for_identify(identifies + 1, timeout=10)
    fd.wait_until_ready(10)
    inter = fd.inject_slash("ping")
    assert fd.wait_for_interaction_response(inter, "edit_original", timeout=5).status == 200


def test_in_process_client_rest_roundtrip(monkeypatch: pytest.MonkeyPatch) -> None:
    """A discord.Client in this process (no message_content intent) against a FakeDiscord thread."""
    import discord
    import yarl

    results: dict[str, object] = {}

    async def scenario(server: FakeDiscord, client: discord.Client) -> None:
        channel = client.get_channel(CHANNEL_ID)
        assert isinstance(channel, discord.TextChannel)
        assert channel.permissions_for(channel.guild.me).manage_messages
        got: asyncio.Queue[discord.Message] = asyncio.Queue()

        @client.event
        async def on_message(message: discord.Message) -> None:
            await got.put(message)

        server.inject_message(CHANNEL_ID, MEMBER_ID, "no mention")
        server.inject_message(CHANNEL_ID, MEMBER_ID, f"<@{BOT_ID}> with mention")
        first, second = await asyncio.wait_for(got.get(), 5), await asyncio.wait_for(got.get(), 5)
        results["contents"] = [first.content, second.content]
        msg = await channel.send("hello", file=discord.File(io.BytesIO(b"payload"), "a.txt"))
        results["attachment"] = (msg.attachments[0].filename, msg.attachments[0].size)
        await msg.edit(content="edited")
        await msg.pin()
        results["pins"] = [m.id async for m in channel.pins()]
        await msg.unpin()
        thread = await msg.create_thread(name="discussion")
        results["thread"] = (thread.id == msg.id, thread.type)
        await thread.send("in thread")
        await msg.add_reaction("\N{THUMBS UP SIGN}")
        await msg.delete()
        try:
            await channel.fetch_message(msg.id)
        except discord.NotFound as exc:
            results["deleted"] = exc.code
        dm = await (await client.fetch_user(MEMBER_ID)).send("hi in DM")
        results["dm"] = [m["content"] for m in server.messages(dm.channel.id)]

    async def main() -> None:
        async with FakeDiscord() as server:
            monkeypatch.setattr(discord.http.Route, "BASE", server.api_base)
            monkeypatch.setattr(
                discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(server.gateway_url)
            )
            client = discord.Client(intents=discord.Intents.default(), guild_ready_timeout=0.1)
            ready = asyncio.Event()

            @client.event
            async def on_ready() -> None:
                ready.set()

            runner = asyncio.ensure_future(client.start(server.token))
            try:
                await asyncio.wait_for(ready.wait(), 10)
                await asyncio.wait_for(scenario(server, client), 10)
            finally:
                await client.close()
                await asyncio.wait_for(runner, 5)
            multipart = server.calls("POST", rf"^/channels/{CHANNEL_ID}/messages$")[-1]
            results["multipart"] = (multipart.json["content"], multipart.files[0].data)

    asyncio.run(main())
    assert results["contents"] == ["", f"<@{BOT_ID}> with mention"]  # no MESSAGE_CONTENT intent
    assert results["attachment"] == ("a.txt", 7)
    assert len(results["pins"]) == 1  # type: ignore[arg-type]
    assert results["thread"] == (True, discord.ChannelType.public_thread)
    assert results["deleted"] == 10008
    assert results["multipart"] == ("hello", b"payload")
    assert results["dm"] == ["hi in DM"]


def test_wrong_token_exits_with_login_failure(tmp_path: Path) -> None:
    with FakeDiscord(token="the-right-token") as server:
        proc = echo_bot(server, tmp_path, token="the-wrong-token")
        try:
            rc = proc.wait(15)
        except subprocess.TimeoutExpired:
            rc = None
        finally:
            proc.stop()
        assert rc not in (None, 0)
        assert "LoginFailure" in _output(proc)
        call = server.wait_for_call("GET", r"^/users/@me$", timeout=1)
        assert call.status == 401
        assert call.authorization == "invalid"
        assert server.identify_count == 0
