"""Team management through the bot: members with last activity and today's numbers, the team
settings (bad input re-prompts), deactivating a rep to a teammate or the pool; who may not."""

from __future__ import annotations

from datetime import date, time, timedelta

from aiogram_dialog.test_tools.keyboard import InlineButtonDataLocator

from bot.dialogs.team.states import W
from sales.people.model import Role
from sales.pool import use_cases as pool
from sales.prospects import use_cases as prospecting
from sales.prospects.model import Kind, Method, ProspectDraft
from sales.visits.model import Channel, Outcome, VisitDraft
from tests.bot.conftest import ADMIN_ID, TEAM_TZ, Harness, button, buttons


async def open_team(h: Harness, tg: int) -> None:
    c = h.client(tg)
    await c.send("/menu")
    await c.click(h.window(), button("Team"))
    await c.click(h.window(), button("North"))


async def test_members_show_last_activity_and_today(h: Harness) -> None:
    team = await h.team()
    rep = await h.member(1, team)
    await h.member(3, team, Role.MANAGER)
    draft = ProspectDraft(Kind.INDIVIDUAL, "Wang", Method.TELEPHONE)
    p = await h.run(lambda uow: prospecting.create(uow, rep, draft, h.clock(), TEAM_TZ))
    async with h.uows() as uow:  # a visit recorded 30 minutes later, on the local day
        await uow.visits.add(rep.id, team.id, VisitDraft(
            p.id, Channel.CALL, date(2026, 11, 23), Outcome.INTERESTED),
            h.clock() + timedelta(minutes=30))
        await uow.visits.add(rep.id, team.id, VisitDraft(  # an older one: not today's
            p.id, Channel.CALL, date(2026, 11, 22), Outcome.NO_ANSWER), h.clock())
        await uow.commit()
    await open_team(h, 3)
    await h.client(3).click(h.window(), button("Members"))
    # 09:30 UTC = 17:30 in Shanghai; one prospect added today against the default target 5
    assert "User1 · sales rep · last active 11-23 17:30 · today 1/5 new, 1 visit" in h.text()
    assert "User3 · manager · last active - · today 0/5 new" in h.text()


async def test_settings_are_typed_checked_and_shown(h: Harness) -> None:
    team = await h.team()
    await h.member(3, team, Role.MANAGER)
    await open_team(h, 3)
    c = h.client(3)
    await c.click(h.window(), button("Team settings"))
    assert "Team pool: off" in h.text() and "working days of the country" in h.text()
    shown = len(h.mm.sent_messages)
    await c.click(h.window(), button("Daily target"))
    await c.send("lots")
    assert "“lots” is not a whole number from 0 to 50" in h.text()
    await c.send("8")
    assert "Daily target: 8 new contacts" in h.text()
    assert len(h.mm.sent_messages) - shown == 3  # pick, a refusal, saved
    for label, typed in (("Working days", "mon-sat"), ("Digest time", "19:30"),
                         ("Prospecting day", "3"), ("Pool after", "30"),
                         ("Daily claim limit", "2"), ("Greeting lead", "12 3")):
        await c.click(h.window(), button(label))
        await c.send(typed)
    text = h.text()
    assert "Digest at 19:30 on Monday, Tuesday, Wednesday, Thursday, Friday, Saturday" in text
    assert "Prospecting day: Wednesday" in text and "12 days before for cards, 3" in text
    assert "after 30 days without contact; 2 claims a day" in text
    saved = await h.run(lambda uow: uow.teams.get(team.id))
    assert saved is not None and (saved.digest_time, saved.working_days) == (
        time(19, 30), (0, 1, 2, 3, 4, 5))
    await c.click(h.window(), button("Digest time"))
    await c.send("25:00")
    assert "is not a time" in h.text()
    await c.send("🙂")
    assert "is not a time" in h.text()
    await c.click(h.window(), button("Back"))
    await c.click(h.window(), button("Referral reward policy"))  # the referrals flow's own
    assert "Reward policy" in h.text()


async def test_an_admin_outside_the_team_gets_no_referral_policy_button(h: Harness) -> None:
    await h.team()
    c = h.client(ADMIN_ID)
    await c.send("/menu")
    await c.click(h.window(), button("Team"))
    await c.click(h.window(), button("North"))
    await c.click(h.window(), button("Team settings"))
    assert not any("Referral" in b for b in buttons(h.window()))


async def test_deactivate_sends_prospects_to_the_pool(h: Harness) -> None:
    team = await h.team()
    rep = await h.member(1, team)
    mate = await h.member(2, team)
    await h.member(3, team, Role.MANAGER)
    for name in ("A1", "A2"):
        draft = ProspectDraft(Kind.INDIVIDUAL, name, Method.TELEPHONE)
        await h.run(lambda uow, d=draft: prospecting.create(  # type: ignore[misc]
            uow, rep, d, h.clock(), TEAM_TZ))
    await open_team(h, 3)
    c = h.client(3)
    shown = len(h.mm.sent_messages)
    await c.click(h.window(), button("Deactivate"))
    assert "User3" not in " ".join(buttons(h.window()))  # not oneself
    await c.click(h.window(), button("User1"))
    assert "User1" not in " ".join(buttons(h.window()))
    await c.click(h.window(), button("To the team pool"))
    assert "Deactivated. 2 prospects went to the team pool" in h.text()
    assert len(h.mm.sent_messages) - shown == 3
    left = await h.run(lambda uow: uow.users.get(rep.id))
    assert left is not None and not left.active
    waiting = await h.run(lambda uow: pool.waiting(uow, mate))
    assert sorted(w.prospect.card.name for w in waiting) == ["A1", "A2"]


async def test_deactivate_hands_over_to_a_teammate(h: Harness) -> None:
    team = await h.team()
    rep = await h.member(1, team)
    mate = await h.member(2, team)
    await h.member(3, team, Role.MANAGER)
    draft = ProspectDraft(Kind.INDIVIDUAL, "B1", Method.TELEPHONE)
    await h.run(lambda uow: prospecting.create(uow, rep, draft, h.clock(), TEAM_TZ))
    await open_team(h, 3)
    c = h.client(3)
    await c.click(h.window(), button("Deactivate"))
    await c.click(h.window(), button("User1"))
    await c.click(h.window(), button("User2"))
    assert "1 prospects now belong to User2" in h.text()
    assert any("handed 1 prospects" in t for t in h.bot.texts(mate.telegram_id))


async def test_a_rep_cannot_manage_and_another_manager_cannot_reach(h: Harness) -> None:
    north = await h.team()
    south = await h.team("South")
    rep = await h.member(1, north)
    await h.member(3, north, Role.MANAGER)
    await h.member(9, south, Role.MANAGER)
    r = h.client(rep.telegram_id)
    await r.send("/menu")
    assert not any("Team and invites" in b for b in buttons(h.window()))
    await open_team(h, 3)
    c = h.client(3)
    await c.click(h.window(), button("Team settings"))
    window = h.window()
    markup = window.reply_markup
    assert markup is not None
    pick = next(b for row in markup.inline_keyboard for b in row
                if str(b.callback_data).endswith(":target") and W.SETTING_PICK in str(
                    b.callback_data))
    forged = str(pick.callback_data).rsplit(":", 1)[0] + ":name"
    pick.callback_data = forged
    await c.click(window, InlineButtonDataLocator(forged))
    assert "That setting does not exist" in h.text()
    s = h.client(9)
    await s.send("/menu")
    await s.click(h.window(), button("Team"))
    assert "North" not in " ".join(buttons(h.window()))
