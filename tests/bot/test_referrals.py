"""Referral dialogs through the real dispatcher: asking after a good visit and from a card
(names given with duplicates among them, nobody, later), the chain on the card three levels
deep with a teammate masked, rewards settled from /referrals, a manager's override and policy,
crediting a forgotten introducer, bad input and who may not see what."""

from __future__ import annotations

import pytest
from aiogram_dialog.test_tools import BotClient

from bot.jobs.referrals import ReferralCb, scan_referrals
from bot.jobs.scheduler import JobDeps
from sales.people.model import Role, User
from sales.prospects import use_cases as prospecting
from sales.prospects.man import Answer, ManAnswers
from sales.prospects.model import Kind, Method, ProspectDraft, Stage
from sales.referrals import use_cases as referrals
from sales.referrals.model import AskAnswer, NameGiven, RewardStatus, Source
from tests.bot.conftest import TEAM_TZ, Harness, button, buttons

YES = ManAnswers(Answer.YES, Answer.YES, Answer.YES)


@pytest.fixture
def h(hdb: Harness) -> Harness:
    """Every referral flow on SQLite and on PostgreSQL."""
    return hdb


async def _prospect(h: Harness, who: User, name: str, stage: Stage = Stage.NEW,
                    phone: str | None = None) -> int:
    draft = ProspectDraft(Kind.INDIVIDUAL, name, Method.COLD_CANVASS, phone=phone, man=YES,
                          stage=stage)
    return (await h.run(lambda uow: prospecting.create(uow, who, draft, h.clock(), TEAM_TZ))).id


class Steps:
    """A client that counts what the person had to do."""

    def __init__(self, h: Harness, client: BotClient) -> None:
        self.h, self.c, self.n = h, client, 0

    async def click(self, label: str) -> None:
        self.n += 1
        self.h.clock.advance(seconds=2)  # a person's pace: the flood limit never trips
        await self.c.click(self.h.window(), button(label))

    async def send(self, text: str) -> None:
        self.n += 1
        self.h.clock.advance(seconds=2)
        await self.c.send(text)


async def _visit(h: Harness, s: Steps, name: str, outcome: str) -> None:
    """Menu → Record a visit → the prospect → outcome → save (face to face, today, the stage
    and next day the outcome implies: the defaults)."""
    await s.send("/menu")
    for label in ("Record a visit", name, outcome, "Save"):
        await s.click(label)


async def test_ask_after_a_good_visit_names_with_duplicates(h: Harness) -> None:
    team = await h.team()
    rep = await h.member(1, team)
    mate = await h.member(2, team)
    await _prospect(h, rep, "周杰")
    known = await _prospect(h, mate, "Li Na", phone="13812345678")
    s = Steps(h, h.client(1))
    await _visit(h, s, "周杰", "No answer")
    assert "Ask for referrals" not in " ".join(buttons(h.window()))  # not after no answer
    await _visit(h, s, "周杰", "Interested")
    s.n = 0
    await s.click("Ask for referrals")
    assert "(snowball)" in h.text() and "a thank-you gift" in h.text()
    await s.click("Names given")
    await s.send("123")
    assert "⚠️" in h.text() and "Name 1 from" in h.text()  # a name needs a letter
    await s.send("Wang Wei")
    await s.send("call me")
    assert "⚠️" in h.text() and "Phone of <b>Wang Wei</b>" in h.text()  # letters in a phone
    await s.send("13700001111")
    await s.send("neighbour")
    assert "Wang Wei added as a new prospect" in h.text() and "Name 2" in h.text()
    await s.send("Li Na")
    await s.send("+86 138 1234 5678")  # the teammate's prospect: the same phone, linked
    await s.click("Skip")
    assert "Li Na was already known" in h.text()
    await s.send("Wang Wei")           # a similar name only: the rep decides
    await s.click("Skip")
    await s.click("Skip")
    assert "looks like someone already in the team" in h.text()
    await s.click("Wang Wei · User1")
    assert "Wang Wei was already known" in h.text()
    await s.send("Zhou Xun")
    await s.click("Skip")
    await s.click("Skip")
    await s.click("That's all")
    assert "2 new prospects, 2 linked" in h.text()
    assert s.n == 18
    async with h.uows() as uow:
        names = [p.card.name for p in await uow.prospects.of_team(team.id)]
        links = await uow.referrals.links(team.id)
        made = {p.card.name: p.card.method for p in await uow.prospects.of_team(team.id)}
    assert sorted(names) == sorted(["周杰", "Li Na", "Wang Wei", "Zhou Xun"])
    assert {ln.prospect_id for ln in links} >= {known}
    assert made["Wang Wei"] is Method.SNOWBALL


async def test_ask_from_the_card_nobody_then_later(h: Harness) -> None:
    team = await h.team()
    rep = await h.member(1, team)
    await h.member(2, team)
    pid = await _prospect(h, rep, "Zhao", Stage.WON)
    s = Steps(h, h.client(1))
    await s.send("/menu")
    await s.click("My prospects")
    await s.click("Zhao")
    await s.click("Referrals")
    await s.click("Ask for names")
    assert "(endless chain)" in h.text()
    await s.click("Nobody")
    assert "no names this time" in h.text()
    await s.click("Open card")
    await s.click("Referrals")
    await s.click("Ask for names")
    assert "said “nobody” not long ago" in h.text()
    await s.click("Ask later")
    assert "remind you to ask again" in h.text()
    async with h.uows() as uow:
        last = await uow.referrals.last_ask(pid)
    assert last is not None and last.answer.value == "later"
    other = h.client(2)  # a teammate cannot open it from a forged button
    await other.click(_pushed(pid, "ask"), button("x"))
    assert any("Not found" in t or "not yours" in t for t in _alerts(h))


def _pushed(target: int, action: str) -> object:
    """A pushed message with one referral button, as the outbox would send it."""
    from datetime import UTC, datetime

    from aiogram.types import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Message

    markup = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(
        text="x", callback_data=ReferralCb(action=action, id=target).pack())]])
    return Message(message_id=4242, date=datetime(2026, 11, 23, tzinfo=UTC),
                   chat=Chat(id=2, type="private"), text="push", reply_markup=markup)


def _alerts(h: Harness) -> list[str]:
    from aiogram.methods import AnswerCallbackQuery

    return [str(m.text) for m in h.bot.of_type(AnswerCallbackQuery) if m.text]


async def test_chain_three_levels_on_the_card_teammate_masked(h: Harness) -> None:
    team = await h.team()
    rep = await h.member(1, team)
    mate = await h.member(2, team)
    boss = await h.member(3, team, Role.MANAGER)
    top = await _prospect(h, rep, "Top", Stage.WON)
    ids = [top]
    for name in ("One", "Two", "Three"):
        made, _ = await h.run(lambda uow, n=name: referrals.add_name(
            uow, rep, Source(prospect_id=ids[-1]), NameGiven(n), h.clock(), TEAM_TZ))
        ids.append(made)
    await h.run(lambda uow: prospecting.reassign(uow, boss, ids[3], mate.id, h.clock()))
    c = h.client(1)
    await c.send("/menu")
    await c.click(h.window(), button("My prospects"))
    await c.click(h.window(), button("One"))
    card = h.text()
    assert "Referred by: Top" in card
    assert "↳ Two" in card and "(a prospect of User2)" in card and "Three" not in card
    boss_client = h.client(3)
    await boss_client.send("/referrals")
    assert "Best introducers" in h.text() and "Top: 1 referred" in h.text()
    assert "Reward policy" in " ".join(buttons(h.window()))


async def test_rewards_settled_from_referrals_and_who_may_change_them(h: Harness) -> None:
    team = await h.team()
    rep = await h.member(1, team)
    await h.member(2, team)
    await h.member(3, team, Role.MANAGER)
    boss_client = h.client(3)
    await boss_client.send("/referrals")
    await boss_client.click(h.window(), button("Reward policy"))
    await boss_client.send("???")
    assert "neither an amount" in h.text()
    await boss_client.send("200")
    assert "Reward policy saved" in h.text()
    top = await _prospect(h, rep, "Top", Stage.WON)
    for name in ("Qian", "Sun"):
        made, _ = await h.run(lambda uow, n=name: referrals.add_name(
            uow, rep, Source(prospect_id=top), NameGiven(n), h.clock(), TEAM_TZ))
        await h.run(lambda uow, m=made: prospecting.set_stage(uow, rep, m, Stage.WON,
                                                              h.clock()))
    await scan_referrals(JobDeps(h.uows, None, h.clock, h.locales,  # type: ignore[arg-type]
                                 TEAM_TZ), h.clock())
    s = Steps(h, h.client(1))
    await s.send("/referrals")
    assert "Owed: 2 (400.00 CNY)" in h.text()
    await s.click("Rewards to settle")
    await s.click("Qian")
    assert "Change this reward" not in " ".join(buttons(h.window()))  # reps may not
    await s.click("Dinner")
    assert "the reward is settled" in h.text()
    await s.click("Sun")
    await s.click("Declined")
    assert s.n == 6
    rewards = await h.run(lambda uow: uow.referrals.rewards(team.id))
    assert [r.status for r in rewards] == [RewardStatus.PAID, RewardStatus.DECLINED]
    other = h.client(2)  # another rep's ledger: empty, never theirs
    await other.send("/referrals")
    assert "Paid: 0" in h.text() and "Rewards to settle" not in " ".join(buttons(h.window()))
    await other.click(_pushed(rewards[0].id, "reward"), button("x"))
    assert any("Not found" in t for t in _alerts(h))


async def test_manager_overrides_and_a_forgotten_introducer_is_credited(h: Harness) -> None:
    team = await h.team()
    rep = await h.member(1, team)
    await h.member(3, team, Role.MANAGER)
    await _prospect(h, rep, "Won Alone", Stage.WON)
    s = Steps(h, h.client(1))
    await s.send("/referrals")
    await s.click("Introducers")
    await s.click("New introducer")
    await s.send("🙂")
    assert "⚠️" in h.text()
    await s.send("Loan Officer Wu")
    await s.click("Loan officer")
    assert "Loan Officer Wu added" in h.text()
    await s.send("/menu")
    await s.click("My prospects")
    await s.click("Won Alone")
    await s.click("Referrals")
    await s.click("Credit an introducer")
    await s.click("Loan Officer Wu")
    assert "Introducer credited" in h.text() and "Referred by: Loan Officer Wu" in h.text()
    assert "Credit an introducer" not in " ".join(buttons(h.window()))
    boss = h.client(3)
    await boss.send("/referrals")
    await boss.click(h.window(), button("Rewards to settle"))
    await boss.click(h.window(), button("Won Alone"))
    await boss.click(h.window(), button("Change this reward"))
    await boss.send("a tea set")
    assert "Reward: a tea set" in h.text()


async def test_visit_does_not_offer_asking_right_after_a_nobody(h: Harness) -> None:
    team = await h.team()
    rep = await h.member(1, team)
    pid = await _prospect(h, rep, "周杰")
    await h.run(lambda uow: referrals.answer(uow, rep, pid, AskAnswer.NONE,
                                             h.clock()))
    s = Steps(h, h.client(1))
    await _visit(h, s, "周杰", "Interested")
    assert "saved" in h.text() and "Ask for referrals" not in " ".join(buttons(h.window()))


async def test_too_long_how_is_refused_on_its_own_step_and_the_name_is_kept(h: Harness) -> None:
    from tests.bot.test_refusals import _dialog_data

    team = await h.team()
    rep = await h.member(1, team)
    await _prospect(h, rep, "周杰")
    await _prospect(h, rep, "Wang Wei")  # a similar name: a good 'how' goes on to the match
    s = Steps(h, h.client(1))
    await s.send("/menu")
    for label in ("My prospects", "周杰", "Referrals", "Ask for names", "Names given"):
        await s.click(label)
    await s.send("Wang Wei")
    await s.click("Skip")
    before = await _dialog_data(h, h.window(), 1)
    await s.send("x" * 201)
    assert h.text().startswith("⚠️") and "How does <b>Wang Wei</b> know" in h.text()
    assert "200" in h.text()  # the limit is said where the text is typed
    assert await _dialog_data(h, h.window(), 1) == before
    await s.send("neighbour")
    assert "looks like someone already in the team" in h.text()
    await s.click("Someone new")
    assert "Wang Wei added as a new prospect" in h.text()
    links = await h.run(lambda uow: uow.referrals.links(team.id))
    assert [ln.how_known for ln in links] == ["neighbour"]


async def test_forged_reward_and_paid_buttons_are_refused(h: Harness) -> None:
    from aiogram_dialog.test_tools.keyboard import InlineButtonDataLocator
    from aiogram_dialog.utils import CB_SEP

    from bot.dialogs.referrals.states import W

    team = await h.team()
    rep = await h.member(1, team)
    top = await _prospect(h, rep, "Top", Stage.WON)
    made, _ = await h.run(lambda uow: referrals.add_name(
        uow, rep, Source(prospect_id=top), NameGiven("Qian"), h.clock(), TEAM_TZ))
    await h.run(lambda uow: prospecting.set_stage(uow, rep, made, Stage.WON, h.clock()))
    await scan_referrals(JobDeps(h.uows, None, h.clock, h.locales,  # type: ignore[arg-type]
                                 TEAM_TZ), h.clock())
    s = Steps(h, h.client(1))
    await s.send("/referrals")
    await s.click("Rewards to settle")
    for widget, item in ((W.REWARDS, "x1"), (W.PAID, "bitcoin")):
        if widget == W.PAID:
            await s.click("Qian")
        window = h.window()
        assert window.reply_markup is not None
        last = window.reply_markup.inline_keyboard[0][0]
        intent, _, _ = str(last.callback_data).partition(CB_SEP)
        last.callback_data = f"{intent}{CB_SEP}{widget}:{item}"
        await h.client(1).click(window, InlineButtonDataLocator(f".*{widget}:{item}$"))
        assert "Not found (or not yours to see)." in h.text()
    rewards = await h.run(lambda uow: uow.referrals.rewards(team.id))
    assert [r.status for r in rewards] == [RewardStatus.OWED]
