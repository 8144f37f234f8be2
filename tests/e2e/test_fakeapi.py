"""The stand-in Bot API server behaves like Telegram towards a real aiogram client."""

from __future__ import annotations

import asyncio
import struct
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.filters import CommandStart
from aiogram.types import (
    BotCommand,
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)

from bot.demo.fakeapi import FakeTelegram, Limits

pytestmark = pytest.mark.e2e


def make_bot(fake: FakeTelegram, token: str | None = None) -> Bot:
    """A real aiogram Bot pointed at the fake server."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(fake.base_url))
    return Bot(token or fake.token, session=session)


def keyboard(*buttons: tuple[str, str]) -> InlineKeyboardMarkup:
    """One row of callback buttons from (text, data) pairs."""
    row = [InlineKeyboardButton(text=text, callback_data=data) for text, data in buttons]
    return InlineKeyboardMarkup(inline_keyboard=[row])


def png(width: int, height: int) -> bytes:
    """The first bytes of a PNG (signature + IHDR size)."""
    return b"\x89PNG\r\n\x1a\n" + b"\0\0\0\rIHDR" + struct.pack(">II", width, height)


@pytest.fixture
async def bot(fake_telegram: FakeTelegram) -> AsyncIterator[Bot]:
    """A Bot whose session is closed after the test."""
    async with make_bot(fake_telegram) as client:
        yield client


async def test_get_me_and_wrong_token(fake_telegram: FakeTelegram, bot: Bot) -> None:
    """getMe answers the configured bot; any other token gets 401."""
    me = await bot.get_me()
    assert (me.id, me.username, me.is_bot) == (bot.id, "xunke_test_bot", True)
    async with make_bot(fake_telegram, "42:wrong-token") as stranger:
        with pytest.raises(TelegramUnauthorizedError, match="Unauthorized"):
            await stranger.get_me()


async def test_send_edit_delete_like_telegram(fake_telegram: FakeTelegram, bot: Bot) -> None:
    """Messages get per-chat ids, parsed HTML, echoed inline keyboards and Telegram's errors."""
    fake_telegram.add_user(7, first_name="Li")
    first = await bot.send_message(
        7, " 😀 <b>Hi</b> &amp; welcome\n", parse_mode="HTML", reply_markup=keyboard(("Go", "go"))
    )
    second = await bot.send_message(7, "plain")
    assert (first.message_id, second.message_id) == (1, 2)
    assert first.text == "😀 Hi & welcome" and first.chat.first_name == "Li"
    assert first.entities and (first.entities[0].type, first.entities[0].offset) == ("bold", 3)
    assert first.reply_markup and first.from_user and first.from_user.id == bot.id
    assert first.reply_markup.model_dump() == keyboard(("Go", "go")).model_dump()
    call = await fake_telegram.wait_for_text(7, "welcome")
    assert call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "go"
    edited = await bot.edit_message_text("Bye", chat_id=7, message_id=1)
    assert isinstance(edited, Message) and edited.text == "Bye" and edited.reply_markup is None
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text("Bye", chat_id=7, message_id=1)
    assert await bot.delete_message(7, 1)
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await bot.delete_message(7, 1)


async def test_bad_requests_match_telegram(fake_telegram: FakeTelegram, bot: Bot) -> None:
    """Broken HTML, unknown chats, long callback data and empty text are rejected."""
    fake_telegram.add_user(7)
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await bot.send_message(7, "a < b", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(99, "hi")
    with pytest.raises(TelegramBadRequest, match=r"callback_data: 65 bytes, the API allows 1-64"):
        await bot.send_message(7, "hi", reply_markup=keyboard(("x", "d" * 65)))  # spec check
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(7, "  \n")
    assert [c.status for c in fake_telegram.calls] == [400, 400, 400, 400]
    assert fake_telegram.sent == [] and fake_telegram.errors == []


async def test_group_members_and_kicks(fake_telegram: FakeTelegram, bot: Bot) -> None:
    """A user seen only in a group can't be messaged first; a kicked bot gets 403."""
    fake_telegram.push_message(9, "hello", chat_id=-100555, chat_type="supergroup", title="North")
    with pytest.raises(TelegramForbiddenError, match="can't initiate conversation"):
        await bot.send_message(9, "hi")
    sent = await bot.send_message(-100555, "hi team")
    assert sent.chat.title == "North" and sent.message_id == 2
    fake_telegram.block(-100555)
    with pytest.raises(TelegramForbiddenError, match="kicked from the supergroup"):
        await bot.send_message(-100555, "still there?")


async def test_commands_per_language_and_scope(fake_telegram: FakeTelegram, bot: Bot) -> None:
    """setMyCommands is stored per (scope, language_code) and read back by getMyCommands."""
    await bot.set_my_commands([BotCommand(command="start", description="Start")])
    zh = [
        BotCommand(command="start", description="开始"),
        BotCommand(command="help", description="帮助"),
    ]
    await bot.set_my_commands(zh, language_code="zh")
    assert fake_telegram.commands_for("zh") == ["start", "help"]
    assert fake_telegram.commands[("default", "")][0]["description"] == "Start"
    assert [c.description for c in await bot.get_my_commands(language_code="zh")] == [
        "开始",
        "帮助",
    ]
    await bot.delete_my_commands(language_code="zh")
    assert await bot.get_my_commands(language_code="zh") == []
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Start", description="x")])


async def test_long_poll_returns_when_an_update_arrives(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    """A pending getUpdates(timeout=5) returns at once; updates stay until an offset confirms."""
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await fake_telegram.wait_for_poll()
    started = time.monotonic()
    fake_telegram.push_message(42, "/start ref_abc", first_name="Wang", language_code="zh")
    [update] = await poll
    assert time.monotonic() - started < 1
    message = update.message
    assert message and message.text == "/start ref_abc" and message.from_user
    assert message.entities and message.entities[0].type == "bot_command"
    assert message.from_user.language_code == "zh"
    assert [u.update_id for u in await bot.get_updates(timeout=0)] == [update.update_id]
    assert await bot.get_updates(offset=update.update_id + 1, timeout=0) == []
    assert fake_telegram.pending_updates == []


async def test_limit_allowed_updates_and_timeout(fake_telegram: FakeTelegram, bot: Bot) -> None:
    """limit caps a batch; allowed_updates filters later updates; timeout waits then returns []."""
    for n in range(3):
        fake_telegram.push_message(1, f"m{n}")
    batch = await bot.get_updates(limit=2)
    assert [u.message.text for u in batch if u.message] == ["m0", "m1"]
    older = await bot.get_updates(
        offset=batch[-1].update_id + 1, allowed_updates=["callback_query"]
    )
    assert [u.message.text for u in older if u.message] == ["m2"]  # created before the filter
    menu = await bot.send_message(1, "menu", reply_markup=keyboard(("Go", "go")))
    fake_telegram.push_message(1, "dropped")
    fake_telegram.push_callback(1, menu, "go")
    [only] = await bot.get_updates(offset=older[-1].update_id + 1)
    assert only.callback_query and only.callback_query.data == "go"
    assert only.callback_query.message and only.callback_query.message.message_id == 4
    started = time.monotonic()
    assert await bot.get_updates(offset=only.update_id + 1, timeout=1) == []
    assert time.monotonic() - started >= 0.9


async def test_second_poller_terminates_the_first(fake_telegram: FakeTelegram, bot: Bot) -> None:
    """Two concurrent getUpdates: the older one gets 409 Conflict, like two bot instances."""
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await fake_telegram.wait_for_poll()
    assert await bot.get_updates(timeout=0) == []
    with pytest.raises(TelegramConflictError, match="terminated by other getUpdates"):
        await first


def demo_router() -> Router:
    """/start answers with a button; pressing it answers the query and edits the message."""
    router = Router()

    @router.message(CommandStart())
    async def start(message: Message) -> None:
        name = message.from_user.first_name if message.from_user else "?"
        await message.answer(f"Hello {name}", reply_markup=keyboard(("Ping", "ping")))

    @router.callback_query(F.data == "ping")
    async def ping(query: CallbackQuery) -> None:
        await query.answer("pong")
        if isinstance(query.message, Message):
            await query.message.edit_text("Pong!")

    return router


async def test_dispatcher_polling_end_to_end(fake_telegram: FakeTelegram, bot: Bot) -> None:
    """A real Dispatcher polls the fake, answers a message and a button press."""
    dp = Dispatcher()
    dp.include_router(demo_router())
    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False))
    try:
        await fake_telegram.wait_for_poll()
        fake_telegram.push_message(42, "/start", first_name="Wang")
        hello = await fake_telegram.wait_for_text(42, "Hello Wang")
        query_id = fake_telegram.push_click(42, hello, "Ping")
        answered = await fake_telegram.wait_for(lambda c: c.method == "answerCallbackQuery")
        assert answered.ok and answered.params == {"callback_query_id": query_id, "text": "pong"}
        await fake_telegram.wait_for_text(42, "Pong!")
    finally:
        await dp.stop_polling()
        await polling
    assert fake_telegram.last_message(42)["text"] == "Pong!"
    assert fake_telegram.last_message(42, from_bot=False)["text"] == "/start"


async def test_callback_queries_follow_telegram_rules(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    """Only existing buttons can be pressed; a query can be answered once."""
    fake_telegram.add_user(8)
    menu = await bot.send_message(
        8, "menu", reply_markup=keyboard(("Add client", "add"), ("List", "ls"))
    )
    query_id = fake_telegram.push_click(8, menu, "Add")
    assert fake_telegram.pending_updates[-1]["callback_query"]["data"] == "add"
    assert await bot.answer_callback_query(query_id)
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query_id)
    with pytest.raises(ValueError, match="no button"):
        fake_telegram.push_callback(8, menu, "missing")
    await bot.delete_message(8, menu.message_id)
    with pytest.raises(ValueError, match="does not exist"):
        fake_telegram.push_click(8, menu, "List")


async def test_scripted_failures_raise_aiogram_errors(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    """fail_next yields TelegramRetryAfter, TelegramServerError, TelegramForbiddenError."""
    fake_telegram.add_user(5)
    fake_telegram.fail_next("sendMessage", 429, retry_after=3)
    fake_telegram.fail_next("sendMessage", 502)
    fake_telegram.fail_next("sendMessage", 403)
    with pytest.raises(TelegramRetryAfter) as retry:
        await bot.send_message(5, "a")
    assert retry.value.retry_after == 3
    with pytest.raises(TelegramServerError, match="Bad Gateway"):
        await bot.send_message(5, "b")
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await bot.send_message(5, "c")
    await bot.send_message(5, "d")
    assert [c.status for c in fake_telegram.calls] == [429, 502, 403, 200]
    assert [c.text for c in fake_telegram.sent] == ["d"]
    fake_telegram.block(5)
    with pytest.raises(TelegramForbiddenError, match="blocked"):
        await bot.send_chat_action(5, "typing")


async def test_delay_times_out_the_client_but_still_delivers(
    fake_telegram: FakeTelegram, bot: Bot
) -> None:
    """A client timeout does not mean the message was not sent (at-most-once matters)."""
    fake_telegram.add_user(5)
    fake_telegram.delay_next("sendMessage", 0.5)
    with pytest.raises(TelegramNetworkError, match="timeout"):
        await bot.send_message(5, "slow", request_timeout=0.1)  # type: ignore[arg-type]
    delivered = await fake_telegram.wait_for_text(5, "slow")
    assert delivered.ok and delivered.result["message_id"] == 1


async def test_optional_rate_limits_answer_429(fake_telegram: FakeTelegram, bot: Bot) -> None:
    """With limits on, a second message to one chat within a second gets 429 retry_after=1."""
    for user_id in (1, 2):
        fake_telegram.add_user(user_id)
    fake_telegram.limits = Limits(per_second=30, per_chat_per_second=1)
    await bot.send_message(1, "a")
    with pytest.raises(TelegramRetryAfter) as retry:
        await bot.send_message(1, "b")
    assert retry.value.retry_after == 1
    await bot.send_message(2, "c")


async def test_files_round_trip(fake_telegram: FakeTelegram, bot: Bot) -> None:
    """A user's document can be downloaded; the bot's uploads are kept for inspection."""
    incoming = fake_telegram.push_document(3, b"name,phone\n", "clients.csv")
    [update] = await bot.get_updates()
    assert update.message and update.message.document
    assert update.message.document.mime_type == "text/csv"
    file = await bot.get_file(incoming["document"]["file_id"])
    assert file.file_path
    data = await bot.download_file(file.file_path)
    assert data is not None and data.read() == b"name,phone\n"
    image = png(640, 480)
    photo = await bot.send_photo(
        3, BufferedInputFile(image, "chart.png"), caption="<i>Week</i>", parse_mode="HTML"
    )
    assert photo.photo and (photo.photo[-1].width, photo.photo[-1].height) == (640, 480)
    assert photo.caption == "Week" and fake_telegram.file_content(photo.photo[-1].file_id) == image
    doc = await bot.send_document(3, BufferedInputFile(b"PK", "export.xlsx"))
    assert doc.document and doc.document.file_name == "export.xlsx"
    assert fake_telegram.calls[-1].files  # the multipart upload itself is recorded


async def test_raw_http_bodies_and_errors(fake_telegram: FakeTelegram) -> None:
    """JSON, form-urlencoded and query-string calls work; names are case-insensitive."""
    fake_telegram.add_user(6)
    base = f"{fake_telegram.base_url}/bot{fake_telegram.token}"
    markup = '{"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}'
    async with aiohttp.ClientSession() as http:
        async with http.post(
            f"{base}/sendmessage", json={"chat_id": "6", "text": "42", "reply_markup": markup}
        ) as resp:
            sent = await resp.json()
        async with http.post(f"{base}/sendMessage", data={"chat_id": "6", "text": "true"}) as resp:
            form = await resp.json()
        async with http.get(f"{base}/getMe") as resp:
            me = await resp.json()
        async with http.post(f"{base}/noSuchMethod") as resp:
            missing = (resp.status, await resp.json())
    assert sent["result"]["text"] == "42" and sent["result"]["reply_markup"]["inline_keyboard"]
    assert form["result"]["text"] == "true" and form["result"]["message_id"] == 2
    assert me["result"]["username"] == "xunke_test_bot"
    assert missing == (404, {"ok": False, "error_code": 404, "description": "Not Found"})
    assert [c.method for c in fake_telegram.calls] == [
        "sendMessage",
        "sendMessage",
        "getMe",
        "noSuchMethod",
    ]
