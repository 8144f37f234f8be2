"""Refusals, said in one place: a refused dialog step re-prompts on its own window and keeps
what was typed; a refused command is answered with the reason; nothing else is drawn."""

from __future__ import annotations

from typing import Any

import pytest
from aiogram import Dispatcher, Router
from aiogram.fsm.storage.base import StorageKey
from aiogram.methods import AnswerCallbackQuery
from aiogram.types import CallbackQuery, Chat, InlineKeyboardMarkup, Message, Update
from aiogram.types import User as TgUser
from aiogram_dialog.utils import remove_intent_id

from bot.dialogs.newprospect.states import DRAFT
from bot.refusals import item_id, refusals, reply_refusals
from sales.kernel.errors import Refused
from sales.rhythm.use_cases import AWAY_MAX_DAYS
from tests.bot.conftest import Harness, button


async def _dialog_data(h: Harness, window: Message, user_id: int) -> dict[str, Any]:
    """The stored dialog data behind a window (found by the intent id in its buttons)."""
    markup = window.reply_markup
    assert h.dp is not None and isinstance(markup, InlineKeyboardMarkup)
    intent_id, _ = remove_intent_id(str(markup.inline_keyboard[0][0].callback_data))
    key = StorageKey(bot_id=h.bot.id, chat_id=user_id, user_id=user_id,
                     destiny=f"aiogd:context:{intent_id}")
    context = await h.dp.storage.get_data(key)
    data: dict[str, Any] = context["dialog_data"]
    return data


async def test_refused_dialog_step_reprompts_on_its_window_and_keeps_the_draft(
    h: Harness,
) -> None:
    team = await h.team()
    await h.member(1, team)
    c = h.client(1, lang="zh")
    zh = h.locales.get("zh")
    await c.send("/menu")
    await c.click(h.window(), button(zh.raw("menu-new-prospect")))
    await c.send("张伟")
    await c.send("+86 138 1234 5678")  # a good phone: the draft now holds name and phone
    await c.click(h.window(), button(zh.raw("common-back")))  # back on the phone step
    phone_step = h.window()
    before = await _dialog_data(h, phone_step, 1)
    assert before[DRAFT]["phone"] == "+8613812345678"
    await c.send("12345")  # refused by `apply_field` inside the handler
    shown = h.text()
    assert shown.startswith("⚠️ " + zh("prospect-bad-phone", value="12345") + "\n")
    assert zh("newp-step-phone", name="张伟") in shown  # the same window, asked again
    assert await _dialog_data(h, h.window(), 1) == before  # nothing typed is lost
    assert h.bot.texts(1) == []  # no stray message: the window itself says it


async def test_refused_confirm_goes_back_to_the_preview_with_the_reason(h: Harness) -> None:
    from tests.bot.test_import import CSV, _send_file

    team = await h.team()
    await h.member(1, team)
    await _send_file(h, 1, "cards.csv", CSV.encode())
    h.files["F-0"] = b"\n\n"  # the file is read again on confirm: now it has no rows
    await h.client(1).click(h.window(), button("Import 2"))
    en = h.locales.get("en")
    assert h.text().startswith("⚠️ " + en("import-empty") + "\n")
    assert "Ready to create: <b>2</b>" in h.text()  # the preview again, not the progress
    assert await h.run(lambda uow: uow.prospects.of_team(team.id)) == []


async def test_refused_commands_are_answered_in_the_users_language(h: Harness) -> None:
    team = await h.team()
    await h.member(1, team)
    zh = h.locales.get("zh")
    c = h.client(1, lang="zh")
    await c.send("/away soon")  # refused by the handler itself
    await c.send("/away 2026-12-05 2026-12-01")  # refused by the use case
    await h.client(5, lang="zh").send("/start NOPE")  # refused before the gate
    assert h.bot.texts(1) == [zh("away-usage"), zh("away-bad-range", max=AWAY_MAX_DAYS)]
    assert h.bot.texts(5) == [zh("start-invite-invalid")]
    assert h.mm.sent_messages == []  # a reply, no dialog window


async def test_reply_refusals_answers_without_the_errors_router(h: Harness) -> None:
    """The middleware itself answers: no error handler is there to do it instead."""
    router = Router()
    router.message.middleware(reply_refusals)
    router.callback_query.middleware(reply_refusals)

    async def refuse(_event: object) -> None:
        raise Refused("prospect-bad-phone", value="<12>")

    router.message.register(refuse)
    router.callback_query.register(refuse)
    dp = Dispatcher()
    dp.include_router(router)
    zh = h.locales.get("zh")
    chat, user = Chat(id=1, type="private"), TgUser(id=1, is_bot=False, first_name="U")
    message = Message(message_id=1, date=h.clock(), chat=chat, from_user=user, text="x")
    await dp.feed_update(h.bot, Update(update_id=1, message=message), t=zh)
    press = CallbackQuery(id="cb", from_user=user, chat_instance="1", data="x", message=message)
    await dp.feed_update(h.bot, Update(update_id=2, callback_query=press), t=zh)
    assert h.bot.texts(1) == [zh("prospect-bad-phone", value="<12>")]  # HTML-escaped
    alert = h.bot.of_type(AnswerCallbackQuery)[-1]
    assert alert.show_alert and alert.text == zh.raw("prospect-bad-phone", value="<12>")


async def test_guard_lets_other_errors_through_and_needs_a_manager() -> None:
    @refusals
    async def broken(_event: object) -> None:
        raise ValueError("a bug, not a refusal")

    @refusals
    async def refused(_event: object) -> None:
        raise Refused("team-not-found")

    with pytest.raises(ValueError, match="a bug"):
        await broken(None)
    with pytest.raises(TypeError, match="DialogManager"):
        await refused(None)
    with pytest.raises(Refused, match="team-not-found"):
        item_id("12; DROP", "team-not-found")
    assert item_id("12", "team-not-found") == 12
