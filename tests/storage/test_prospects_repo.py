"""Prospect cards, history and hand-over on SQLite and PostgreSQL, through the use cases."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from sales.cards.card import load_card
from sales.kernel.errors import Refused
from sales.people import use_cases as teams
from sales.people.model import NewTeam, Role, User
from sales.prospects import use_cases as prospecting
from sales.prospects.man import Answer, ManAnswers
from sales.prospects.model import Birthday, ContactWindow, Kind, Method, ProspectDraft, Stage
from sales.uow import UowFactory
from tests.storage.test_repos import run

TZ = "Asia/Shanghai"
FULL = ProspectDraft(
    kind=Kind.ORGANISATION, name="华为技术有限公司", method=Method.REFERRAL, company=None,
    contact="张伟", decision_maker=Answer.YES, phone="+86 138 1234 5678", wechat="zhangwei_88",
    email="Zhang@Example.COM", address="深圳市龙岗区坂田", birthday=Birthday(3, 5, 1980, True),
    contact_time=ContactWindow(time(9), time(11)), needs="ERP", tags=("VIP", "展会"),
    notes="<b>hi</b>'; DROP TABLE x;--", direct_mail=True, referred_by_name="李娜",
    man=ManAnswers(Answer.YES, Answer.UNKNOWN, Answer.NO),
)


async def _people(f: UowFactory, now: datetime) -> tuple[User, User, User]:
    """A rep, a teammate and their manager in team North (CN)."""
    team = await run(f, teams.create_team, None, NewTeam("North", TZ, "CN", "zh"),
                     now)
    users = []
    for tg, role in ((1, Role.REP), (2, Role.REP), (3, Role.MANAGER)):
        invite = await run(f, teams.create_invite, None, team.id, role, now)
        users.append(await run(f, teams.accept_invite, invite.token, tg, f"U{tg}", now))
    return users[0], users[1], users[2]


async def test_full_card_round_trips(uow_factory: UowFactory, now: datetime) -> None:
    rep, _, _ = await _people(uow_factory, now)
    saved = await run(uow_factory, prospecting.create, rep, FULL, now, TZ)
    view = await run(uow_factory, load_card, rep, saved.id)
    card = view.prospect.card
    assert card.phone == "+8613812345678" and card.email == "Zhang@example.com"
    assert card.birthday == Birthday(3, 5, 1980, True) and card.tags == ("VIP", "展会")
    assert card.contact_time == ContactWindow(time(9), time(11))
    assert card.notes == FULL.notes and card.man == FULL.man and card.direct_mail
    assert view.referrer_name == "李娜" and card.referred_by_id is not None
    assert [e.kind for e in view.history] == ["created"]


async def test_scope_history_and_hand_over(uow_factory: UowFactory, now: datetime) -> None:
    rep, mate, boss = await _people(uow_factory, now)
    p = await run(uow_factory, prospecting.create, rep,
                  ProspectDraft(Kind.INDIVIDUAL, "Wang", Method.EXHIBITION), now, TZ)
    with pytest.raises(Refused, match="prospect-not-found"):
        await run(uow_factory, load_card, mate, p.id)
    await run(uow_factory, prospecting.set_stage, rep, p.id, Stage.MET, now)
    await run(uow_factory, prospecting.edit, rep, p.id, "phone", "13812345678", now, TZ)
    moved, heir = await run(uow_factory, prospecting.hand_over_all, boss, boss.team_id, rep.id,
                            mate.id, now)
    assert moved == 1 and heir.id == mate.id
    view = await run(uow_factory, load_card, mate, p.id)
    assert [(e.kind, e.field) for e in view.history] == [
        ("owner", "owner"), ("field", "phone"), ("stage", "stage"), ("created", None)]
    assert view.history[2].old == "new" and view.history[2].new == "met"
    hits = await run(uow_factory, prospecting.find, boss, "wang")
    assert [h.candidate.id for h in hits] == [p.id] and hits[0].candidate.owner == "U2"
