"""New prospect, duplicates, search, card actions, scope checks and hand-over, via BotClient."""

from __future__ import annotations

from datetime import UTC, date, datetime

from aiogram.methods import SendMessage
from aiogram_dialog.test_tools import BotClient
from aiogram_dialog.test_tools.keyboard import InlineButtonDataLocator

from sales.people.model import Role, Team, User
from sales.prospects import use_cases as prospecting
from sales.prospects.model import Birthday, Kind, Method, ProspectDraft
from sales.uow import UnitOfWork
from tests.bot.conftest import TEAM_TZ, Harness, button, buttons

SHANGHAI_MORNING = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)  # 07:30 on the 24th in Shanghai


async def _rep(h: Harness, tg: int = 1, team: Team | None = None,
               role: Role = Role.REP) -> tuple[Team, User]:
    team = team or await h.team()
    return team, await h.member(tg, team, role)


async def _saved(h: Harness, owner: User, name: str, phone: str | None = None) -> int:
    draft = ProspectDraft(Kind.INDIVIDUAL, name, Method.EXHIBITION, phone=phone)
    p = await h.run(lambda uow: prospecting.create(uow, owner, draft, h.clock(), TEAM_TZ))
    return p.id


async def _new(h: Harness) -> BotClient:
    """Rep 1 opens the new-prospect form from the menu."""
    c = h.client(1)
    await c.send("/menu")
    await c.click(h.window(), button("New prospect"))
    return c


async def test_fastest_path_name_then_save(h: Harness) -> None:
    _, rep = await _rep(h)
    c = await _new(h)
    await c.send("张伟")
    assert "Phone number of 张伟" in h.text()
    await c.click(h.window(), button("Save"))
    assert "Saved" in h.text() and "张伟" in h.text()
    assert "not qualified yet" in h.text()
    found = await h.run(lambda uow: uow.prospects.of_team(rep.team_id or 0))
    assert [p.card.name for p in found] == ["张伟"]
    assert found[0].owner_id == rep.id and found[0].card.method is Method.COLD_CANVASS


async def test_full_path_with_bad_inputs_and_man_verdict(h: Harness) -> None:
    await _rep(h)
    c = await _new(h)
    await c.send("😀😀")
    assert "real name" in h.text()
    await c.send("<b>Li</b> & Sons; DROP TABLE prospects")
    await c.send("12345")
    assert "not a valid phone number" in h.text()
    await c.send("138 1234 5678")
    await c.click(h.window(), button("Trade fair"))
    for _ in range(3):
        await c.click(h.window(), button("Yes"))
    text = h.text()
    assert "+8613812345678" in text and "ideal prospect" in text and "Pursue now" in text
    assert "&lt;b&gt;Li&lt;/b&gt; &amp; Sons; DROP TABLE prospects" in text
    await c.click(h.window(), button("Birthday"))
    await c.send("2023-02-30")
    assert "not a date that exists" in h.text()
    await c.send("2099-01-01")
    assert "in the future" in h.text()
    await c.send("1990-03-05")
    await c.click(h.window(), button("Direct mail"))
    assert "needs a mailing address" in h.text()
    await c.click(h.window(), button("Notes"))
    await c.send("x" * 5000)
    assert "too long" in h.text()
    await c.click(h.window(), button("Back"))
    await c.click(h.window(), button("Save"))
    assert "Saved" in h.text() and "1990-03-05" in h.text()


async def test_back_follows_the_steps_taken(h: Harness) -> None:
    await _rep(h)
    c = await _new(h)
    await c.click(h.window(), button("Person"))  # switch to organisation
    await c.send("华为")
    assert "Contact person at 华为" in h.text()
    await c.click(h.window(), button("Skip"))
    await c.click(h.window(), button("Yes"))
    assert "Phone number of 华为" in h.text()
    await c.click(h.window(), button("Back"))
    assert "decide the purchase" in h.text()


async def _referrer(h: Harness, rep: User, name: str) -> tuple[int | None, str | None]:
    """The stored referrer (prospect id, its name) of the rep's prospect called `name`."""
    found = {p.id: p for p in await h.run(lambda uow: uow.prospects.of_team(rep.team_id or 0))}
    ref = next(p.card.referred_by_id for p in found.values() if p.card.name == name)
    return ref, found[ref].card.name if ref in found else None


async def _team_size(h: Harness, rep: User) -> int:
    return len(await h.run(lambda uow: uow.prospects.of_team(rep.team_id or 0)))


async def test_referral_links_existing_or_new_contact(h: Harness) -> None:
    _, rep = await _rep(h)
    wang = await _saved(h, rep, "王芳")
    c = await _new(h)
    await c.send("赵丽")
    await c.click(h.window(), button("Skip"))
    await c.click(h.window(), button("Referral"))
    await c.send("wang fang")
    await c.click(h.window(), button("王芳"))
    await c.click(h.window(), button("Save"))
    assert "Referred by: 王芳" in h.text()
    assert await _referrer(h, rep, "赵丽") == (wang, "王芳")
    assert await _team_size(h, rep) == 2  # linked, no second 王芳


async def test_referral_by_a_new_contact(h: Harness) -> None:
    """A declined namesake or an unmatched name both make the referrer a contact of its own."""
    _, rep = await _rep(h)
    wang = await _saved(h, rep, "王芳")
    c = await _new(h)
    await c.send("赵丽")
    await c.click(h.window(), button("Skip"))
    await c.click(h.window(), button("Snowball"))
    await c.send("王芳")
    assert "王芳" in buttons(h.window())
    await c.click(h.window(), button("New contact"))
    await c.click(h.window(), button("Save"))
    assert "Referred by: 王芳" in h.text()
    ref, name = await _referrer(h, rep, "赵丽")
    assert ref not in (None, wang) and name == "王芳"
    assert await _team_size(h, rep) == 3
    c = await _new(h)
    await c.send("孙强")
    await c.click(h.window(), button("Skip"))
    await c.click(h.window(), button("Referral"))
    await c.send("Lucy Chen")
    assert "Who referred" not in h.text()  # no hits: nothing to choose from
    await c.click(h.window(), button("Save"))
    ref, name = await _referrer(h, rep, "孙强")
    assert name == "Lucy Chen" and await _team_size(h, rep) == 5
    lucy = await h.run(lambda uow: uow.prospects.get(ref or 0))
    assert lucy is not None and lucy.owner_id == rep.id
    assert lucy.card.method is Method.RELATIONSHIPS


async def test_duplicates_phone_fuzzy_and_pinyin(h: Harness) -> None:
    team, _me = await _rep(h)
    _, mate = await _rep(h, 2, team)
    await _saved(h, mate, "张伟", "+8613812345678")
    c = await _new(h)
    await c.send("Zhang Wei")
    await c.send("13812345678")
    await c.click(h.window(), button("Save"))
    text = h.text()
    assert "Possible duplicates" in text and "owner User2" in text and "same phone" in text
    assert not any("🔎" in b for b in buttons(h.window()))  # a teammate's card stays closed
    await c.click(h.window(), button("Save anyway"))
    assert "Saved" in h.text()


async def test_typed_text_searches_and_offers_new_prospect(h: Harness) -> None:
    _, rep = await _rep(h)
    await _saved(h, rep, "张伟", "+8613812345678")
    c = h.client(1)
    await c.send("zhang wei")
    assert "1 found" in h.text() and any("张伟" in b for b in buttons(h.window()))
    await c.send("/cancel")
    await c.send("李娜 139 8765 4321 exhibition")
    assert any("New prospect: 李娜" in b for b in buttons(h.window()))
    await c.click(h.window(), button("New prospect: 李娜"))
    assert "+8613987654321" in h.text()
    await c.click(h.window(), button("Save"))
    assert "Saved" in h.text()


async def test_rep_cannot_open_teammates_card_by_crafted_id(h: Harness) -> None:
    team, rep = await _rep(h)
    _, mate = await _rep(h, 2, team)
    mine = await _saved(h, rep, "Mine")
    theirs = await _saved(h, mate, "Theirs")
    c = h.client(1)
    await c.send("/menu")
    await c.click(h.window(), button("My prospects"))
    window = h.window()
    markup = window.reply_markup
    assert markup is not None
    target = next(b for row in markup.inline_keyboard for b in row if "Mine" in b.text)
    prefix, _, item = str(target.callback_data).rpartition(":")
    assert item == str(mine)
    target.callback_data = f"{prefix}:{theirs}"
    await c.click(window, InlineButtonDataLocator(str(target.callback_data)))
    assert "not yours to see" in h.text() and "Theirs" not in h.text()


async def test_card_actions_stage_man_edit_history(h: Harness) -> None:
    _, rep = await _rep(h)
    await _saved(h, rep, "Chen")
    c = h.client(1)
    await c.send("chen")
    await c.click(h.window(), button("Chen"))
    await c.click(h.window(), button("Stage"))
    await c.click(h.window(), button("Appointment"))
    assert "Stage: <b>Appointment</b>" in h.text()
    await c.click(h.window(), button("MAN"))
    await c.click(h.window(), InlineButtonDataLocator(".*man_money_no"))
    await c.click(h.window(), button("Back"))
    await c.click(h.window(), button("Edit"))
    await c.click(h.window(), button("Email"))
    await c.send("not-an-email")
    assert "not an email address" in h.text()
    await c.send("chen@example.com")
    await c.click(h.window(), button("History"))
    history = h.text()
    assert "Stage New → Appointment" in history and "Email - → chen@example.com" in history
    assert "MAN ??? → m??" in history


async def test_manager_reassigns_and_new_owner_is_told(h: Harness) -> None:
    team, rep = await _rep(h)
    _, mate = await _rep(h, 2, team)
    await _rep(h, 7, team, Role.MANAGER)
    await _saved(h, rep, "Zhou")
    c = h.client(7)
    await c.send("zhou")
    await c.click(h.window(), button("Zhou"))
    await c.click(h.window(), button("Reassign"))
    await c.click(h.window(), button("User2"))
    assert "owner: User2" in h.text()
    told = [m for m in h.bot.of_type(SendMessage) if int(m.chat_id) == mate.telegram_id]
    assert told and "Zhou" in told[-1].text
    owned = await h.run(lambda uow: uow.prospects.of_team(team.id, mate.id))
    assert [p.card.name for p in owned] == ["Zhou"]


async def test_rep_sees_no_reassign_and_manager_of_other_team_sees_nothing(h: Harness) -> None:
    _team, rep = await _rep(h)
    other = await h.team("South")
    await _rep(h, 8, other, Role.MANAGER)
    await _saved(h, rep, "Qian")
    await h.client(1).send("qian")
    await h.client(1).click(h.window(), button("Qian"))
    assert not any("Reassign" in b for b in buttons(h.window()))
    await h.client(8).send("qian")
    assert "0 found" in h.text()


async def test_manager_hands_over_all_prospects_of_a_rep_who_left(h: Harness) -> None:
    from sales.people import use_cases as teams

    team, leaver = await _rep(h)
    _, heir = await _rep(h, 2, team)
    await _rep(h, 7, team, Role.MANAGER)
    for name in ("A1", "A2", "A3"):
        await _saved(h, leaver, name)
    await h.run(lambda uow: teams.deactivate_user(uow, None, 1, h.clock()))
    c = h.client(7)
    await c.send("/menu")
    await c.click(h.window(), button("Team"))
    await c.click(h.window(), button("North"))
    await c.click(h.window(), button("Hand over"))
    await c.click(h.window(), button("User1"))
    assert not any("User1" in b for b in buttons(h.window()))  # cannot give to the leaver
    await c.click(h.window(), button("User2"))
    assert "3 prospects now belong to User2" in h.text()
    assert any("handed 3 prospects" in t for t in h.bot.texts(heir.telegram_id))
    owned = await h.run(lambda uow: uow.prospects.of_team(team.id, heir.id))
    assert sorted(p.card.name for p in owned) == ["A1", "A2", "A3"]
    history = await h.run(lambda uow: uow.prospects.events(owned[0].id))
    assert history[0].kind == "owner" and history[-1].kind == "created"


async def test_rep_cannot_hand_over(h: Harness) -> None:
    team, rep = await _rep(h)
    _, mate = await _rep(h, 2, team)
    await _saved(h, mate, "B1")
    import pytest

    from sales.kernel.errors import Refused

    with pytest.raises(Refused, match="prospect-not-allowed"):
        await h.run(lambda uow: prospecting.hand_over_all(uow, rep, team.id, mate.id, rep.id,
                                                          h.clock()))


async def test_unfinished_draft_survives_restart_and_cancel_drops_it(h: Harness) -> None:
    team, rep = await _rep(h)
    c = await _new(h)
    await c.send("Draft Person")
    phone_step = h.window()
    h.restart()  # the bot process restarts mid-flow
    await c.click(phone_step, button("Save"))
    assert "Saved" in h.text() and "Draft Person" in h.text()
    await c.send("/menu")
    await c.click(h.window(), button("New prospect"))
    await c.send("Never Saved")
    await c.send("/cancel")
    names = [p.card.name for p in await h.run(lambda uow: uow.prospects.of_team(team.id))]
    assert names == ["Draft Person"]
    del rep


async def test_my_prospects_priority_and_filters(h: Harness) -> None:
    from sales.prospects.man import Answer, ManAnswers

    _, rep = await _rep(h)
    for name, answers in (("Low", ManAnswers(Answer.NO, Answer.NO, Answer.NO)),
                          ("Top", ManAnswers(Answer.YES, Answer.YES, Answer.YES)),
                          ("Mid", ManAnswers(Answer.YES, Answer.NO, Answer.YES))):
        draft = ProspectDraft(Kind.INDIVIDUAL, name, Method.TELEPHONE, man=answers)
        await h.run(lambda uow, d=draft: prospecting.create(uow, rep, d, h.clock(), TEAM_TZ))
    c = h.client(1)
    await c.send("/menu")
    await c.click(h.window(), button("My prospects"))
    rows = [b for b in buttons(h.window()) if " · " in b]
    assert [r.split(" · ")[1] for r in rows] == ["Top", "Mid", "Low"]
    await c.click(h.window(), button("Class"))
    await c.click(h.window(), InlineButtonDataLocator(".*:B"))
    rows = [b for b in buttons(h.window()) if " · " in b]
    assert [r.split(" · ")[1] for r in rows] == ["Mid"] and "class: B" in h.text()


async def test_lunar_birthday_through_the_switch(h: Harness) -> None:
    _, rep = await _rep(h)
    await _saved(h, rep, "Lin")
    c = h.client(1)
    await c.send("lin")
    await c.click(h.window(), button("Lin"))
    await c.click(h.window(), button("Edit"))
    await c.click(h.window(), button("Birthday"))
    await c.click(h.window(), button("Lunar calendar: off"))
    assert any("Lunar calendar: on" in b for b in buttons(h.window()))
    await c.send("1990-08-15")
    assert "Birthday: 1990-08-15 (lunar)" in h.text()


async def test_card_with_maximal_notes_stays_within_telegram_limit(h: Harness) -> None:
    _, rep = await _rep(h)
    draft = ProspectDraft(Kind.INDIVIDUAL, "Long", Method.TELEPHONE, notes="n" * 4000,
                          needs="x" * 2000, address="a" * 300)
    await h.run(lambda uow: prospecting.create(uow, rep, draft, h.clock(), TEAM_TZ))
    await h.client(1).send("long")
    await h.client(1).click(h.window(), button("Long"))
    assert "Notes: " + "n" * 399 + "…" in h.text() and len(h.text()) < 4096


async def test_new_prospect_in_chinese(h: Harness) -> None:
    team = await h.team()
    await h.member(1, team)
    c = h.client(1, lang="zh-hans")
    await c.send("/menu")
    await c.click(h.window(), button("新客户"))
    await c.send("王伟")
    assert "王伟 的电话号码" in h.text()
    await c.send("手机号")
    assert "不是有效的电话号码" in h.text()
    await c.send("13912345678")
    await c.click(h.window(), button("展览会"))
    for answer in ("是", "否", "是"):
        await c.click(h.window(), button(answer))
    assert "值得接触" in h.text() and "找到有决定权的人" in h.text()
    await c.click(h.window(), button("保存"))
    assert "已保存" in h.text()


async def test_a_shanghai_morning_is_already_the_local_day(h: Harness) -> None:
    """At 23:30 UTC a Shanghai rep lives on the 24th: born 'today' is fine, the 25th is not."""
    h.clock.now = SHANGHAI_MORNING
    _, rep = await _rep(h)
    c = await _new(h)
    await c.send("Li Ming")
    await c.send("138 1234 5678")
    await c.click(h.window(), button("Trade fair"))
    for _ in range(3):
        await c.click(h.window(), button("Yes"))
    await c.click(h.window(), button("Birthday"))
    await c.send("2026-11-25")
    assert "in the future" in h.text()
    await c.send("2026-11-24")
    assert "in the future" not in h.text()
    await c.click(h.window(), button("Save"))
    assert "Saved" in h.text() and "2026-11-24" in h.text()
    pid = await _saved(h, rep, "Wu Fang")
    await c.send("/cancel")
    await c.send("wu fang")
    await c.click(h.window(), button("Wu Fang"))
    await c.click(h.window(), button("Edit"))
    await c.click(h.window(), button("Birthday"))
    await c.send("2026-11-24")
    edited = await h.run(lambda uow: uow.prospects.get(pid))
    assert edited is not None and edited.card.birthday == Birthday(11, 24, 2026)


async def test_my_prospects_count_days_to_the_reps_local_day(h: Harness) -> None:
    """Left alone since the 4th, 'Stale' ties 'Fresh' (met on the 24th) at 90 points on the
    Shanghai day (the 24th) and goes first as the longer neglected; counted to the UTC date
    (the 23rd) it would score 89 and fall behind."""
    from sales.prospects.man import Answer, ManAnswers
    from sales.prospects.model import Stage

    h.clock.now = SHANGHAI_MORNING
    _, rep = await _rep(h)
    ideal = ManAnswers(Answer.YES, Answer.YES, Answer.YES)
    for name, stage, last in (("Fresh", Stage.MET, date(2026, 11, 24)),
                              ("Stale", Stage.NEW, date(2026, 11, 4))):
        draft = ProspectDraft(Kind.INDIVIDUAL, name, Method.TELEPHONE, man=ideal, stage=stage)
        p = await h.run(lambda uow, d=draft: prospecting.create(uow, rep, d, h.clock(), TEAM_TZ))

        async def touch(uow: UnitOfWork, pid: int = p.id, day: date = last) -> None:
            await uow.prospects.touch(pid, day)
            await uow.commit()

        await h.run(touch)
    c = h.client(1)
    await c.send("/menu")
    await c.click(h.window(), button("My prospects"))
    rows = [b for b in buttons(h.window()) if " · " in b]
    assert [r.split(" · ")[1] for r in rows] == ["Stale", "Fresh"]
