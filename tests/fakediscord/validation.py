"""Server-side payload validation modelled on Discord's documented limits.

A failed check raises :class:`ApiError` with a Discord-shaped body (``code`` 50035 "Invalid Form Body" plus a
nested ``errors`` object, or a specific JSON error code), so the bot under test sees the same exception type
discord.py would raise against the real API.
"""

from __future__ import annotations

import re
from typing import Any


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: int,
        message: str,
        errors: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code} {message}")
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {"message": self.message, "code": self.code}
        if self.errors:
            body["errors"] = self.errors
        return body


def _err(code: str, message: str) -> dict[str, Any]:
    return {"_errors": [{"code": code, "message": message}]}


def _nest(path: list[str], leaf: dict[str, Any]) -> dict[str, Any]:
    out = leaf
    for key in reversed(path):
        out = {key: out}
    return out


def form_error(path: list[str], code: str, message: str) -> ApiError:
    return ApiError(400, 50035, "Invalid Form Body", _nest(path, _err(code, message)))


# -------------------------------------------------------------------------------------------- messages

EMBED_LIMITS = {"title": 256, "description": 4096, "footer.text": 2048, "author.name": 256}


def _embed_chars(embed: dict[str, Any]) -> int:
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    total += len((embed.get("footer") or {}).get("text") or "")
    total += len((embed.get("author") or {}).get("name") or "")
    for f in embed.get("fields") or []:
        total += len(f.get("name") or "") + len(f.get("value") or "")
    return total


def validate_embeds(embeds: list[dict[str, Any]]) -> None:
    if len(embeds) > 10:
        raise form_error(["embeds"], "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.")
    total = 0
    for i, embed in enumerate(embeds):
        where = ["embeds", str(i)]
        for key, limit in EMBED_LIMITS.items():
            obj: Any = embed
            for part in key.split("."):
                obj = (obj or {}).get(part) if isinstance(obj, dict) else None
            if isinstance(obj, str) and len(obj) > limit:
                raise form_error(
                    [*where, *key.split(".")], "BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length."
                )
        fields = embed.get("fields") or []
        if len(fields) > 25:
            raise form_error([*where, "fields"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
        for j, f in enumerate(fields):
            name, value = f.get("name"), f.get("value")
            if not name or len(name) > 256:
                raise form_error(
                    [*where, "fields", str(j), "name"],
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 256 in length.",
                )
            if not value or len(value) > 1024:
                raise form_error(
                    [*where, "fields", str(j), "value"],
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 1024 in length.",
                )
        total += _embed_chars(embed)
    if total > 6000:
        raise form_error(["embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000")


def _walk_components(components: list[dict[str, Any]], path: list[str]) -> None:
    for i, comp in enumerate(components):
        where = [*path, str(i)]
        cid = comp.get("custom_id")
        if cid is not None and not (1 <= len(cid) <= 100):
            raise form_error(
                [*where, "custom_id"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."
            )
        label = comp.get("label")
        if isinstance(label, str) and len(label) > 80:
            raise form_error([*where, "label"], "BASE_TYPE_MAX_LENGTH", "Must be 80 or fewer in length.")
        if comp.get("type") == 1 and len(comp.get("components") or []) > 5:
            raise form_error([*where, "components"], "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.")
        if comp.get("components"):
            _walk_components(comp["components"], [*where, "components"])


def validate_message_payload(payload: dict[str, Any], *, has_files: bool = False, edit: bool = False) -> None:
    content = payload.get("content")
    nonce = payload.get("nonce")
    if nonce is not None and len(str(nonce)) > 25:
        raise form_error(["nonce"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
    if content is not None and len(content) > 2000:
        raise form_error(["content"], "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.")
    embeds = payload.get("embeds") or []
    if payload.get("embed"):
        embeds = [payload["embed"], *embeds]
    validate_embeds(embeds)
    components = payload.get("components") or []
    is_v2 = bool(int(payload.get("flags") or 0) & (1 << 15))
    if not is_v2 and len(components) > 5:
        raise form_error(["components"], "BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.")
    _walk_components(components, ["components"])
    am = payload.get("allowed_mentions")
    if am:
        parse = am.get("parse") or []
        for kind in ("users", "roles"):
            if kind in parse and am.get(kind):
                raise form_error(
                    ["allowed_mentions"],
                    "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE",
                    f'parse:["{kind}"] and {kind}: [ids...] are mutually exclusive.',
                )
    if not edit:
        empty = not content and not embeds and not components and not has_files
        empty = empty and not payload.get("sticker_ids") and not payload.get("poll")
        if empty:
            raise ApiError(400, 50006, "Cannot send an empty message")


# ------------------------------------------------------------------------------- application commands

_NAME_RE = re.compile(r"^[-_'\w\u0900-\u097F\u0E00-\u0E7F]{1,32}$")


def _check_name(name: Any, path: list[str], *, chat_input: bool) -> None:
    if not isinstance(name, str) or not name:
        raise form_error(path, "BASE_TYPE_REQUIRED", "This field is required")
    if chat_input:
        if not _NAME_RE.match(name) or name != name.lower():
            raise form_error(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
    elif not (1 <= len(name) <= 32):
        raise form_error(path, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length.")


def _check_description(desc: Any, path: list[str]) -> None:
    if not isinstance(desc, str) or not (1 <= len(desc) <= 100):
        raise form_error(path, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")


def _check_localizations(locs: Any, path: list[str], *, kind: str, chat_input: bool) -> None:
    if not locs:
        return
    for locale, value in locs.items():
        if kind == "name":
            _check_name(value, [*path, locale], chat_input=chat_input)
        else:
            _check_description(value, [*path, locale])


def _validate_options(options: list[dict[str, Any]], path: list[str]) -> None:
    if len(options) > 25:
        raise form_error(path, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
    seen_optional = False
    names: set[str] = set()
    for i, opt in enumerate(options):
        where = [*path, str(i)]
        _check_name(opt.get("name"), [*where, "name"], chat_input=True)
        if opt["name"] in names:
            raise form_error(
                [*where, "name"], "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS", "Duplicate name"
            )
        names.add(opt["name"])
        _check_description(opt.get("description"), [*where, "description"])
        _check_localizations(
            opt.get("name_localizations"), [*where, "name_localizations"], kind="name", chat_input=True
        )
        _check_localizations(
            opt.get("description_localizations"),
            [*where, "description_localizations"],
            kind="desc",
            chat_input=True,
        )
        otype = opt.get("type")
        if otype in (1, 2):
            _validate_options(opt.get("options") or [], [*where, "options"])
            continue
        if opt.get("required"):
            if seen_optional:
                raise form_error(
                    [*where, "required"],
                    "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                    "Required options must be placed before non-required options",
                )
        else:
            seen_optional = True
        choices = opt.get("choices") or []
        if len(choices) > 25:
            raise form_error([*where, "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
        if choices and opt.get("autocomplete"):
            raise form_error(
                [*where, "autocomplete"],
                "APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE",
                "Autocomplete cannot be enabled with choices",
            )
        for j, ch in enumerate(choices):
            cname = ch.get("name")
            if not isinstance(cname, str) or not (1 <= len(cname) <= 100):
                raise form_error(
                    [*where, "choices", str(j), "name"],
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 100 in length.",
                )


def validate_commands(commands: list[dict[str, Any]]) -> None:
    if len(commands) > 100:
        raise ApiError(400, 30032, "Maximum number of application commands reached (100)")
    seen: set[tuple[str, int]] = set()
    for i, cmd in enumerate(commands):
        ctype = int(cmd.get("type", 1))
        chat_input = ctype == 1
        where = [str(i)]
        _check_name(cmd.get("name"), [*where, "name"], chat_input=chat_input)
        key = (cmd["name"], ctype)
        if key in seen:
            raise form_error(
                [*where, "name"],
                "APPLICATION_COMMAND_ALREADY_EXISTS",
                "Application command names must be unique",
            )
        seen.add(key)
        _check_localizations(
            cmd.get("name_localizations"), [*where, "name_localizations"], kind="name", chat_input=chat_input
        )
        if chat_input:
            _check_description(cmd.get("description"), [*where, "description"])
            _check_localizations(
                cmd.get("description_localizations"),
                [*where, "description_localizations"],
                kind="desc",
                chat_input=True,
            )
            _validate_options(cmd.get("options") or [], [*where, "options"])


# --------------------------------------------------------------------------------- interaction callbacks

#: interaction type -> callback types Discord accepts for it
ALLOWED_CALLBACKS = {
    1: {1},
    2: {4, 5, 9},
    3: {4, 5, 6, 7, 9},
    4: {8},
    5: {4, 5, 6, 7},
}


def validate_callback(interaction_type: int, body: dict[str, Any]) -> None:
    ctype = body.get("type")
    if ctype not in ALLOWED_CALLBACKS.get(interaction_type, set()):
        raise form_error(
            ["type"],
            "INTERACTION_RESPONSE_TYPE_INVALID",
            "Interaction response type is invalid for this interaction",
        )
    data = body.get("data") or {}
    if ctype == 8:
        choices = data.get("choices") or []
        if len(choices) > 25:
            raise form_error(["data", "choices"], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
        for j, ch in enumerate(choices):
            name = ch.get("name")
            if not isinstance(name, str) or not (1 <= len(name) <= 100):
                raise form_error(
                    ["data", "choices", str(j), "name"],
                    "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 100 in length.",
                )
            value = ch.get("value")
            if isinstance(value, str) and len(value) > 100:
                raise form_error(
                    ["data", "choices", str(j), "value"],
                    "BASE_TYPE_MAX_LENGTH",
                    "Must be 100 or fewer in length.",
                )
    elif ctype == 9:
        title = data.get("title")
        if not isinstance(title, str) or not (1 <= len(title) <= 45):
            raise form_error(["data", "title"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 45 in length.")
        cid = data.get("custom_id")
        if not isinstance(cid, str) or not (1 <= len(cid) <= 100):
            raise form_error(
                ["data", "custom_id"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length."
            )
        comps = data.get("components") or []
        if not (1 <= len(comps) <= 5):
            raise form_error(
                ["data", "components"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length."
            )
