"""The team pool through the bot: browse, claim (steps counted), the reclaim ban and the cap
said on the list, managers assign, a rep of another team sees nothing, forged presses."""

from __future__ import annotations

from datetime import timedelta

from aiogram_dialog.test_tools.keyboard import InlineButtonDataLocator

from bot.jobs.pool import notice
from bot.jobs.scheduler import JobDeps
from sales.people import use_cases as teams
from sales.people.model import Role, Team, User
from sales.pool import use_cases as pool
from sales.prospects import use_cases as prospecting
from sales.prospects.model import Kind, Method, ProspectDraft
from tests.bot.conftest import TEAM_TZ, Harness, button, buttons


async def crew(h: Harness, name: str = "North", base: int = 1) -> tuple[Team, User, User, User]:
    """Rep `base`, rep `base+1`, manager `base+2`; the pool rule at 30 days."""
    team = await h.team(name)
    rep = await h.member(base, team)
    mate = await h.member(base + 1, team)
    boss = await h.member(base + 2, team, Role.MANAGER)
    team = await h.run(lambda uow: teams.set_team_setting(uow, boss, team.id, "pool_after", "30",
                                                          h.clock()))
    return team, rep, mate, boss


async def pooled(h: Harness, owner: User, *names: str) -> list[int]:
    """Prospects of `owner` last contacted 40 days ago, then the sweep."""
    ids = []
    for name in names:
        draft = ProspectDraft(Kind.INDIVIDUAL, name, Method.TELEPHONE)
        p = await h.run(lambda uow, d=draft: prospecting.create(  # type: ignore[misc]
            uow, owner, d, h.clock() - timedelta(days=60), TEAM_TZ))
        async with h.uows() as uow:
            await uow.prospects.touch(p.id, h.clock().date() - timedelta(days=40))
            await uow.commit()
        ids.append(p.id)
    deps = JobDeps(h.uows, None, h.clock, h.locales)  # type: ignore[arg-type]
    await h.run(lambda uow: pool.sweep(uow, h.clock(), notice(deps)))
    return ids


async def test_a_rep_claims_in_three_presses_with_history(h: Harness) -> None:
    _team, rep, mate, _boss = await crew(h)
    [stale] = await pooled(h, rep, "Wang <Ltd>")
    c = h.client(mate.telegram_id)
    await c.send("/menu")
    shown = len(h.mm.sent_messages)
    await c.click(h.window(), button("Team pool"))
    assert "one prospect waiting" in h.text() and "up to 5 a day" in h.text()
    await c.click(h.window(), button("Wang"))
    assert "Wang &lt;Ltd&gt;" in h.text() and "before with User1" in h.text()
    assert not any("Assign" in b for b in buttons(h.window()))  # reps do not assign
    await c.click(h.window(), button("Claim"))
    assert "is yours now" in h.text()
    assert len(h.mm.sent_messages) - shown == 3
    mine = await h.run(lambda uow: prospecting.my_list(uow, mate, h.clock(), TEAM_TZ))
    assert [p.id for p in mine] == [stale]
    events = await h.run(lambda uow: uow.prospects.events(stale))
    assert [e.kind for e in events] == ["claim", "pool", "created"]


async def test_the_old_owner_waits_and_the_cap_is_said_on_the_list(h: Harness) -> None:
    team, rep, mate, boss = await crew(h)
    await h.run(lambda uow: teams.set_team_setting(uow, boss, team.id, "pool_cap", "1",
                                                   h.clock()))
    await pooled(h, rep, "Alpha", "Beta")
    c = h.client(rep.telegram_id)
    await c.send("/menu")
    await c.click(h.window(), button("Team pool"))
    await c.click(h.window(), button("Alpha"))
    await c.click(h.window(), button("Claim"))
    assert "less than 30 days ago" in h.text() and "2 prospects waiting" in h.text()
    m = h.client(mate.telegram_id)
    await m.send("/menu")
    await m.click(h.window(), button("Team pool"))
    await m.click(h.window(), button("Alpha"))
    await m.click(h.window(), button("Claim"))
    await m.click(h.window(), button("Back"))
    await m.click(h.window(), button("Beta"))
    await m.click(h.window(), button("Claim"))
    assert "claimed 1 today" in h.text() and "one prospect waiting" in h.text()


async def test_a_manager_assigns_and_the_rep_is_told(h: Harness) -> None:
    _team, rep, mate, boss = await crew(h)
    [stale] = await pooled(h, rep, "Zhao")
    c = h.client(boss.telegram_id)
    await c.send("/menu")
    await c.click(h.window(), button("Team pool"))
    await c.click(h.window(), button("Zhao"))
    await c.click(h.window(), button("Assign"))
    await c.click(h.window(), button("User2"))
    assert "went to User2" in h.text()
    assert any("gave you <b>Zhao</b>" in t for t in h.bot.texts(mate.telegram_id))
    found = await h.run(lambda uow: uow.prospects.get(stale))
    assert found is not None and found.owner_id == mate.id and not found.pooled


async def test_another_team_sees_nothing_and_forged_presses_fail(h: Harness) -> None:
    _team, rep, mate, _boss = await crew(h)
    [stale] = await pooled(h, rep, "Qian")
    _south, stranger, _m, _b = await crew(h, "South", base=50)
    s = h.client(stranger.telegram_id)
    await s.send("/menu")
    await s.click(h.window(), button("Team pool"))
    assert "empty" in h.text() and "Qian" not in h.text()
    c = h.client(mate.telegram_id)
    await c.send("/menu")
    await c.click(h.window(), button("Team pool"))
    window = h.window()
    markup = window.reply_markup
    assert markup is not None
    item = next(b for row in markup.inline_keyboard for b in row if "Qian" in b.text)
    prefix, _, value = str(item.callback_data).rpartition(":")
    assert value == str(stale)
    for forged in (f"{prefix}:{stale + 999}", f"{prefix}:x"):
        item.callback_data = forged
        await c.click(window, InlineButtonDataLocator(forged))
        assert "no longer in the pool" in h.text()
    await c.send("hello")  # typed text on a button window: a hint, the list again
    assert "buttons" in h.text() and "Qian" in " ".join(buttons(h.window()))


async def test_a_claim_after_someone_else_is_refused(h: Harness) -> None:
    _team, rep, mate, boss = await crew(h)
    await pooled(h, rep, "Sun")
    late = h.client(boss.telegram_id)   # managers may claim for themselves too
    await late.send("/menu")
    await late.click(h.window(), button("Team pool"))
    await late.click(h.window(), button("Sun"))
    stale_window = h.window()
    c = h.client(mate.telegram_id)
    await c.send("/menu")
    await c.click(h.window(), button("Team pool"))
    await c.click(h.window(), button("Sun"))
    await c.click(h.window(), button("Claim"))
    await late.click(stale_window, button("Claim"))
    assert "no longer in the pool" in h.text() and "empty" in h.text()
