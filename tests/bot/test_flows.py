"""Binding the digest chat, settings, /cancel, restarts, stale buttons and unexpected errors."""

from __future__ import annotations

import logging

import pytest
from aiogram.methods import SetMyCommands
from sqlalchemy import delete, text

from sales.people.model import Role
from storage.fsm import FsmRow
from tests.bot.conftest import ADMIN_ID, Harness, button, buttons

GROUP = -100500


async def _digest_chat(h: Harness, name: str) -> int | None:
    found = await h.run(lambda uow: uow.teams.by_name(name))
    assert found is not None
    return found.digest_chat_id


async def test_bind_by_manager_binds_own_team(h: Harness) -> None:
    team = await h.team("North")
    await h.member(7, team, Role.MANAGER)
    await h.client(7, chat_id=GROUP, chat_type="supergroup").send("/bind")
    assert "digest chat of <b>North</b>" in h.bot.texts(GROUP)[-1]
    assert await _digest_chat(h, "North") == GROUP


async def test_bind_by_rep_or_stranger_is_refused(h: Harness) -> None:
    team = await h.team("North")
    await h.member(3, team, Role.REP)
    await h.client(3, chat_id=GROUP, chat_type="group").send("/bind")
    assert "Only the team's managers" in h.bot.texts(GROUP)[-1]
    await h.client(4, chat_id=GROUP, chat_type="group").send("/bind North")
    assert "invite link" in h.bot.texts(GROUP)[-1]
    await h.client(4, chat_id=GROUP, chat_type="group").send("just chatting")
    assert len(h.bot.texts(GROUP)) == 2  # group chatter from strangers is ignored
    assert await _digest_chat(h, "North") is None


async def test_manager_cannot_bind_other_team_admin_can(h: Harness) -> None:
    north = await h.team("North")
    await h.team("South")
    await h.member(7, north, Role.MANAGER)
    await h.client(7, chat_id=GROUP, chat_type="group").send("/bind South")
    assert "Only the team's managers" in h.bot.texts(GROUP)[-1]
    await h.client(ADMIN_ID, chat_id=GROUP, chat_type="group").send("/bind South")
    assert await _digest_chat(h, "South") == GROUP
    await h.client(ADMIN_ID, chat_id=GROUP, chat_type="group").send("/bind Nowhere")
    assert "no team called" in h.bot.texts(GROUP)[-1]


async def test_language_pick_redraws_and_republishes_commands(h: Harness) -> None:
    team = await h.team()
    await h.member(1, team)
    client = h.client(1, lang="en")
    await client.send("/settings")
    await client.click(h.window(), button("Language"))
    await client.click(h.window(), button("中文"))
    assert "语言：中文" in h.text()
    commands = h.bot.of_type(SetMyCommands)
    assert commands and commands[-1].commands[0].description == "打开主菜单"
    await client.send("/menu")
    assert "主菜单" in h.text()  # the choice beats Telegram's language code


async def test_timezone_typed_bad_then_good(h: Harness) -> None:
    team = await h.team()
    await h.member(1, team)
    client = h.client(1)
    await client.send("/settings")
    assert "Asia/Shanghai" in h.text()  # the team's timezone applies until one is chosen
    await client.click(h.window(), button("Timezone"))
    await client.send("Mars/Olympus")
    assert "“Mars/Olympus” is not a timezone" in h.text()
    await client.send("Europe/Paris")
    assert "Timezone: Europe/Paris" in h.text()
    await client.click(h.window(), button("Timezone"))
    await client.click(h.window(), button("Asia/Tokyo"))
    assert "Timezone: Asia/Tokyo" in h.text()


async def test_cancel_leaves_flow_and_keeps_saved_data(h: Harness) -> None:
    team = await h.team()
    await h.member(1, team)
    client = h.client(1)
    await client.send("/settings")
    await client.click(h.window(), button("Timezone"))
    await client.send("Europe/Berlin")
    await client.click(h.window(), button("Timezone"))
    await client.send("/cancel")
    assert "Nothing you saved was lost" in h.bot.texts(1)[-1]
    assert "main menu" in h.text()
    await client.send("Europe/Paris")  # no longer inside the timezone step
    assert "“Europe/Paris”: 0 found" in h.text()  # on the menu, typed text is a search
    profile = await h.run(lambda uow: uow.users.by_telegram_id(1))
    assert profile is not None and profile.timezone == "Europe/Berlin"


async def test_dialog_resumes_after_restart(h: Harness) -> None:
    team = await h.team()
    await h.member(1, team)
    await h.client(1).send("/settings")
    settings = h.window()
    h.restart()  # new Dispatcher, new storage object, same database
    await h.client(1).click(settings, button("Timezone"))
    assert "Choose your timezone" in h.text()


async def test_stale_button_reopens_menu_with_note(h: Harness) -> None:
    team = await h.team()
    await h.member(1, team)
    await h.client(1).send("/settings")
    settings = h.window()
    async with h.engine.begin() as conn:  # the dialog context is gone (expired, wiped)
        await conn.execute(delete(FsmRow))
    h.restart()
    await h.client(1).click(settings, button("Timezone"))
    assert "earlier screen" in h.bot.texts(1)[-1]
    assert "main menu" in h.text()


async def test_unexpected_error_is_apologised_and_logged(
    h: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    team = await h.team()
    await h.member(7, team, Role.MANAGER)
    await h.client(7).send("/menu")
    menu = h.window()
    async with h.engine.begin() as conn:  # the database breaks under the manager's feet
        await conn.execute(text("ALTER TABLE teams RENAME TO teams_gone"))
    with caplog.at_level(logging.ERROR):
        await h.client(7).click(menu, button("Team"))
    assert "Nothing you saved is lost" in h.bot.texts(7)[-1]
    assert any("failed" in r.getMessage() and r.exc_info for r in caplog.records)
    await h.client(7).send("/help")  # the bot keeps working
    assert "/cancel" in h.text()
    async with h.engine.begin() as conn:
        await conn.execute(text("ALTER TABLE teams_gone RENAME TO teams"))


async def test_team_admin_creates_team_and_invite_link(h: Harness) -> None:
    admin = h.client(ADMIN_ID)
    await admin.send("/menu")
    await admin.click(h.window(), button("Team"))
    await admin.click(h.window(), button("New team"))
    await admin.send("   ")
    assert "1 to 64 characters" in h.text()
    await admin.send("East <b>")
    assert "<b>East &lt;b&gt;</b>" in h.text()
    await admin.click(h.window(), button("Invite a rep"))
    link = next(w for w in h.text().split() if w.startswith("https://t.me/xunke_test_bot"))
    await h.client(11, name="Li").send("/start " + link.split("start=")[1])
    assert "Welcome, Li" in h.bot.texts(11)[-1]
    await admin.click(h.mm.sent_messages[-2], button("Back"))
    await admin.click(h.window(), button("Members"))
    assert "Li · sales rep" in h.text()


async def test_manager_sees_only_own_team_and_forged_ids_fail(h: Harness) -> None:
    north = await h.team("North")
    south = await h.team("South")
    await h.member(7, north, Role.MANAGER)
    client = h.client(7)
    await client.send("/menu")
    await client.click(h.window(), button("Team"))
    labels = buttons(h.window())
    assert "North" in labels and "South" not in labels and not any("New" in b for b in labels)
    window = h.window()
    markup = window.reply_markup
    assert markup is not None
    north_button = next(b for row in markup.inline_keyboard for b in row if b.text == "North")
    prefix, _, item = str(north_button.callback_data).rpartition(":")
    assert item == str(north.id)
    forged = f"{prefix}:{south.id}"
    from aiogram_dialog.test_tools.keyboard import InlineButtonDataLocator

    north_button.callback_data = forged
    await client.click(window, InlineButtonDataLocator(forged))
    assert "not yours to manage" in h.text()


async def test_agenda_and_evening_times_per_user(h: Harness) -> None:
    team = await h.team()
    await h.member(1, team)
    c = h.client(1)
    await c.send("/settings")
    assert "Morning agenda: 08:30 · evening check: 18:00" in h.text()
    await c.click(h.window(), button("Morning agenda"))
    await c.click(h.window(), button("07:30"))
    await c.click(h.window(), button("Evening check"))
    await c.send("7:00")
    assert "must come after the morning agenda (07:30)" in h.text()
    await c.send("half past")
    assert "is not a time" in h.text()
    await c.send("19:15")
    assert "Morning agenda: 07:30 · evening check: 19:15" in h.text()
    user = await h.run(lambda uow: uow.users.by_telegram_id(1))
    assert user is not None and (user.agenda_time.hour, user.evening_time.minute) == (7, 15)
