"""Invites, the gate for strangers, admins from the config, and the main menu."""

from __future__ import annotations

from aiogram.methods import AnswerCallbackQuery

from sales.people.model import Role
from sales.uow import UnitOfWork
from tests.bot.conftest import ADMIN_ID, Harness, button, buttons


async def test_invite_onboards_into_menu_in_telegram_language(h: Harness) -> None:
    team = await h.team()
    invite = await h.invite(team)
    await h.client(1, lang="zh-hans", name="张伟").send(f"/start {invite.token}")
    assert "欢迎您，张伟" in h.bot.texts(1)[-1]
    assert "主菜单" in h.text()
    assert "团队与邀请" not in " ".join(buttons(h.window()))  # reps do not lead


async def test_forged_used_and_expired_invites_are_refused(h: Harness) -> None:
    team = await h.team()
    invite = await h.invite(team)
    await h.client(1).send("/start not-a-real-token-at-all-000")
    assert "not valid" in h.bot.texts(1)[-1]
    await h.client(1).send(f"/start {invite.token}")
    await h.client(2).send(f"/start {invite.token}")
    assert "already been used" in h.bot.texts(2)[-1]
    old = await h.invite(team, days=1)
    h.clock.advance(days=2)
    await h.client(3).send(f"/start {old.token}")
    assert "expired" in h.bot.texts(3)[-1]
    assert len(h.mm.sent_messages) == 1  # only the one good invite opened a menu


async def test_unregistered_gets_one_sentence_and_no_menu(h: Harness) -> None:
    await h.team("Secret team")
    client = h.client(5)
    for text in ("/start", "/menu", "/settings", "hello", "/help"):
        await client.send(text)
    assert h.bot.texts(5) == [h.locales.get("en")("gate-unregistered")] * 5
    assert h.mm.sent_messages == []
    assert not any("Secret" in t for t in h.bot.texts())


async def test_deactivated_user_is_treated_as_unregistered(h: Harness) -> None:
    from sales.people import use_cases as teams

    team = await h.team()
    await h.member(1, team)
    await h.client(1).send("/menu")
    menu = h.window()
    await h.run(lambda uow: teams.deactivate_user(uow, None, 1, h.clock()))
    await h.client(1).click(menu, button("Settings"))
    answers = h.bot.of_type(AnswerCallbackQuery)
    assert answers and "invite link" in str(answers[-1].text)
    await h.client(1).send("/menu")
    assert h.bot.texts(1)[-1] == h.locales.get("en")("gate-unregistered")
    assert len(h.mm.sent_messages) == 1  # no window after deactivation


async def test_config_admin_needs_no_invite_and_sees_team_admin(h: Harness) -> None:
    await h.client(ADMIN_ID).send("/start")
    assert "Team and invites" in buttons(h.window())[0]


async def test_manager_sees_team_entry(h: Harness) -> None:
    team = await h.team()
    await h.member(7, team, Role.MANAGER)
    await h.client(7).send("/menu")
    assert any("Team" in b for b in buttons(h.window()))


async def test_blocked_user_who_writes_again_is_reachable(h: Harness) -> None:
    team = await h.team()
    user = await h.member(1, team)
    await h.run(lambda uow: _block(uow, user.id))
    await h.client(1).send("/menu")
    again = await h.run(lambda uow: uow.users.get(user.id))
    assert again is not None and not again.bot_blocked


async def _block(uow: UnitOfWork, user_id: int) -> None:
    await uow.users.set_bot_blocked(user_id, True)
    await uow.commit()


async def test_flood_limit_runs_on_the_injected_clock(h: Harness) -> None:
    """Past 30 updates in 10 s a user is ignored until the (fake) clock moves on."""
    client = h.client(5)
    for _ in range(31):
        await client.send("hello")
    assert len(h.bot.texts(5)) == 30  # the 31st was dropped, not answered
    await h.client(6).send("hello")
    assert len(h.bot.texts(6)) == 1  # others are not slowed down
    h.clock.advance(seconds=10.5)
    await client.send("hello")
    assert len(h.bot.texts(5)) == 31
