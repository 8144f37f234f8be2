"""The stand-in refuses every call the bundled Bot API spec does not allow (and only those)."""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest

from bot.demo.fakeapi import FakeTelegram
from bot.demo.spec import bundled_spec

pytestmark = pytest.mark.e2e
CHAT = 6


def markup(*buttons: dict[str, Any]) -> str:
    """An inline keyboard of one row, JSON-serialised like aiogram sends it."""
    return json.dumps({"inline_keyboard": [list(buttons)]})


REFUSED = [
    ("sendMesage", {"chat_id": CHAT, "text": "hi"}, 404, "Not Found"),
    ("sendMessage", {"chat_id": CHAT, "text": "hi", "colour": "red"}, 400,
     "unknown field 'colour' for sendMessage"),
    ("sendMessage", {"chat_id": CHAT}, 400, "required field 'text' of sendMessage is missing"),
    ("sendMessage", {"chat_id": CHAT, "text": "hi", "disable_notification": "yes"}, 400,
     "disable_notification: expected Boolean"),
    ("sendMessage", {"chat_id": CHAT, "text": "hi", "reply_markup": "[1, 2]"}, 400,
     "reply_markup"),
    ("sendMessage", {"chat_id": CHAT, "text": "hi",
                     "reply_markup": markup({"text": "A", "callback_data": "a", "colour": 1})},
     400, "unknown field 'colour' for InlineKeyboardButton"),
    ("sendMessage", {"chat_id": CHAT, "text": "hi",
                     "reply_markup": markup({"text": "A", "copy_text": {"txt": "x"}})},
     400, "unknown field 'txt' for CopyTextButton"),
    ("sendMessage", {"chat_id": CHAT, "text": "hi",
                     "reply_markup": markup({"text": "A", "copy_text": {"text": "x" * 257}})},
     400, "copy_text.text: 257 characters, the API allows 1-256"),
    ("sendMessage", {"chat_id": CHAT, "text": "hi",
                     "reply_markup": markup({"text": "A", "callback_data": 5})},
     400, "callback_data: expected String"),
    ("setMyCommands", {"commands": json.dumps([{"command": "a"}])}, 400,
     "required field 'description' of BotCommand is missing"),
    ("setMyCommands", {"commands": json.dumps([{"command": "a", "description": "b"}]),
                       "scope": json.dumps({"type": "nowhere"})}, 400, "scope"),
]
ALLOWED = [
    ("sendMessage", {"chat_id": CHAT, "text": "hi", "parse_mode": "HTML",
                     "reply_markup": markup({"text": "A", "copy_text": {"text": "x" * 256}},
                                            {"text": "B", "url": "https://example.org"})}),
    ("setMyCommands", {"commands": json.dumps([{"command": "a", "description": "b"}]),
                       "scope": json.dumps({"type": "chat", "chat_id": CHAT})}),
    ("getMe", {}),
]


async def _post(fake: FakeTelegram, method: str, params: dict[str, Any]) -> tuple[int, Any]:
    """A form-encoded call, as aiogram makes them."""
    url = f"{fake.base_url}/bot{fake.token}/{method}"
    async with aiohttp.ClientSession() as http, http.post(url, data=params) as resp:
        return resp.status, await resp.json()


@pytest.mark.parametrize(("method", "params", "status", "reason"), REFUSED)
async def test_refuses_what_the_spec_does_not_allow(
    fake_telegram: FakeTelegram, method: str, params: dict[str, Any], status: int, reason: str
) -> None:
    fake_telegram.add_user(CHAT)
    got, body = await _post(fake_telegram, method, params)
    assert (got, body["ok"]) == (status, False)
    assert reason in body["description"]
    assert [c.method for c in fake_telegram.refused] == [fake_telegram.calls[-1].method]
    assert fake_telegram.messages == {}


@pytest.mark.parametrize(("method", "params"), ALLOWED)
async def test_accepts_what_the_spec_allows(
    fake_telegram: FakeTelegram, method: str, params: dict[str, Any]
) -> None:
    fake_telegram.add_user(CHAT)
    got, body = await _post(fake_telegram, method, params)
    assert (got, body["ok"]) == (200, True), body
    assert fake_telegram.refused == []


def test_bundled_spec_is_the_noted_version() -> None:
    spec = bundled_spec()
    assert spec.version == "Bot API 10.1"
    assert spec.method_name("sendmessage") == "sendMessage"
    assert spec.types["CopyTextButton"].fields["text"].limit == (1, 256, "characters")
