"""Greeting cards on SQLite and PostgreSQL, through the use cases: planning, reminders,
marking, asking once, scope, rotation, enrolment."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from itertools import pairwise

import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from sales.greetings import use_cases as greetings
from sales.greetings.model import (
    CardStatus,
    GreetingChannel,
    GreetingPolicy,
    Handle,
    HandleKind,
    Occasion,
    Segment,
    SegmentCount,
    SegmentKind,
)
from sales.greetings.rules import handle_of
from sales.people import use_cases as teams
from sales.people.model import NewTeam, Role, User
from sales.prospects import use_cases as prospecting
from sales.prospects.model import Birthday, Kind, Method, Prospect, ProspectDraft, Stage
from sales.uow import UowFactory
from tests.storage.test_repos import refused, run

TZ = "Asia/Shanghai"
# 10:00 in Shanghai on 2027-01-30: the postal reminder day of Spring Festival (Feb 6)
NOW = datetime(2027, 1, 30, 2, 0, tzinfo=UTC)
SF = "public:spring_festival"


def compose(occasion: Occasion, prospect: Prospect, language: str, variant: int,
            signer: str) -> str:
    return f"{occasion.key}|{variant}|{language}|{signer}"


async def people(f: UowFactory) -> tuple[User, User, User]:
    """A rep, a teammate and their manager in team North (CN, Shanghai)."""
    team = await run(f, teams.create_team, None, NewTeam("North", TZ, "CN", "zh"), NOW)
    users = []
    for tg, role in ((1, Role.REP), (2, Role.REP), (3, Role.MANAGER)):
        invite = await run(f, teams.create_invite, None, team.id, role, NOW)
        users.append(await run(f, teams.accept_invite, invite.token, tg, f"U{tg}", NOW))
    return users[0], users[1], users[2]


def card(name: str, **extra: object) -> ProspectDraft:
    fields: dict[str, object] = {"address": "上海市徐汇区1号", "direct_mail": True, **extra}
    return ProspectDraft(Kind.INDIVIDUAL, name, Method.EXHIBITION, **fields)  # type: ignore[arg-type]


async def add(f: UowFactory, owner: User, draft: ProspectDraft) -> Prospect:
    return await run(f, prospecting.create, owner, draft, NOW - timedelta(days=30), TZ)


async def setup(f: UowFactory) -> tuple[User, User, User, dict[str, Prospect]]:
    rep, mate, boss = await people(f)
    found = {
        "postal": await add(f, rep, card("王总", birthday=Birthday(2, 3), salutation="王总")),
        "message": await add(f, rep, card("李女士", address=None, wechat="lily_2020",
                                          greeting_channel=GreetingChannel.MESSAGE,
                                          greeting_language="en")),
        "dnc": await add(f, rep, card("勿扰", do_not_contact=True)),
        "optout": await add(f, rep, card("退订", greetings_opt_out=True)),
        "lost": await add(f, rep, card("流失", stage=Stage.LOST)),
        "notenrolled": await add(f, rep, card("未订", direct_mail=False)),
        "mate": await add(f, mate, card("赵先生")),
    }
    return rep, mate, boss, found


async def all_cards(f: UowFactory, prospects: dict[str, Prospect]) -> dict[str, list[tuple]]:
    async with f() as uow:
        return {k: sorted((c.occasion_key, c.year, c.variant, c.status.value)
                          for c in await uow.greetings.of_prospect(p.id))
                for k, p in prospects.items()}


async def test_planning_is_idempotent_and_excludes_who_must_not_get_cards(
        uow_factory: UowFactory) -> None:
    f = uow_factory
    _, _, _, p = await setup(f)
    assert await run(f, greetings.plan_due, NOW, compose) == 3
    first = await all_cards(f, p)
    assert [k for k, _, _, _ in first["postal"]] == ["birthday", SF]
    assert [k for k, _, _, _ in first["mate"]] == [SF]
    for key in ("message", "dnc", "optout", "lost", "notenrolled"):
        assert first[key] == [], key  # message: its reminder day (Feb 5) has not come
    assert await run(f, greetings.plan_due, NOW, compose) == 0  # a second run, a restart
    assert await run(f, greetings.plan_due, NOW + timedelta(hours=5), compose) == 0
    assert await all_cards(f, p) == first
    # the message card is planned on its own reminder day, in the prospect's language
    assert await run(f, greetings.plan_due, datetime(2027, 2, 4, 16, 0, tzinfo=UTC),
                     compose) == 1
    async with f() as uow:
        [msg] = await uow.greetings.of_prospect(p["message"].id)
    assert msg.channel is GreetingChannel.MESSAGE and msg.language == "en"
    assert msg.remind_on == date(2027, 2, 5) and msg.text.endswith("|en|U1")


async def test_rotation_never_repeats_a_wording_two_cards_running(
        uow_factory: UowFactory) -> None:
    f = uow_factory
    _, _, _, p = await setup(f)
    await run(f, greetings.plan_due, NOW, compose)
    for month in range(2, 13):  # a year of monthly cards
        moment = datetime(2027, month, 1, 2, tzinfo=UTC)
        for day in range(0, 31, 3):
            await run(f, greetings.plan_due, moment + timedelta(days=day), compose)
    async with f() as uow:
        cards = sorted(await uow.greetings.of_prospect(p["postal"].id),
                       key=lambda c: c.occasion_day)
    assert len(cards) >= 12 and len({(c.occasion_key, c.year) for c in cards}) == len(cards)
    assert all(a.variant != b.variant for a, b in pairwise(cards))
    assert {c.occasion_day.month for c in cards} == set(range(2, 13))


async def test_reminders_marking_and_scope(uow_factory: UowFactory) -> None:
    f = uow_factory
    rep, mate, boss, p = await setup(f)
    await run(f, greetings.plan_due, NOW, compose)
    groups = await run(f, greetings.due_reminders, NOW)
    assert [(g.owner.id, g.occasion_key, len(g.cards)) for g in groups] == [
        (rep.id, "birthday", 1), (rep.id, SF, 1), (mate.id, SF, 1)]
    assert len({g.dedupe_key() for g in groups}) == 3
    for g in groups:
        await run(f, greetings.mark_reminded, g.card_ids, NOW)
    assert await run(f, greetings.due_reminders, NOW) == []  # never twice
    mates = groups[2].cards[0]
    # a rep neither sees nor marks a teammate's card (forged id)
    assert await refused(f, greetings.card, rep, mates.id) == "greetings-card-gone"
    assert await refused(f, greetings.mark_sent, rep, mates.id, NOW) == "greetings-card-gone"
    assert await refused(f, greetings.skip, rep, mates.id, "x", NOW) == "greetings-card-gone"
    assert await run(f, greetings.mark_all_sent, rep, SF, 2027, NOW) == 1
    assert await run(f, greetings.mark_all_sent, rep, SF, 2027, NOW) == 0
    bday = groups[0].cards[0]
    edited = await run(f, greetings.edit_text, rep, bday.id, "  生日快乐！ ", NOW)
    assert edited.text == "生日快乐！"
    assert await refused(f, greetings.edit_text, rep, bday.id, "  ", NOW) == "greetings-bad-text"
    skipped = await run(f, greetings.skip, rep, bday.id, "搬家了", NOW)
    assert skipped.status is CardStatus.SKIPPED and skipped.skip_reason == "搬家了"
    assert await refused(f, greetings.mark_sent, rep, bday.id, NOW) == "greetings-card-gone"
    history = await run(f, greetings.history, rep, p["postal"].id)
    assert [(c.occasion_key, c.status) for c in history] == [
        (SF, CardStatus.SENT), ("birthday", CardStatus.SKIPPED)]
    assert await refused(f, greetings.history, rep, p["mate"].id) == "prospect-not-found"
    assert len(await run(f, greetings.history, boss, p["mate"].id)) == 1
    [label] = await run(f, greetings.labels, rep, SF, 2027)
    assert (label.name, label.salutation, label.address) == ("王总", "王总", "上海市徐汇区1号")
    progress = await run(f, greetings.month_progress, rep, date(2027, 2, 10))
    assert (progress.sent, progress.skipped, progress.planned) == (1, 1, 0)
    assert progress.next_occasion is not None
    assert progress.next_occasion.key == "season:spring_outing"


async def test_unmarked_cards_are_asked_once_then_missed(uow_factory: UowFactory) -> None:
    f = uow_factory
    rep, mate, _, _ = await setup(f)
    await run(f, greetings.plan_due, NOW, compose)
    await run(f, greetings.mark_all_sent, rep, SF, 2027, NOW)
    on_the_day = datetime(2027, 2, 6, 3, tzinfo=UTC)
    assert [g.occasion_key for g in await run(f, greetings.to_ask, on_the_day)] == ["birthday"]
    after = datetime(2027, 2, 6, 16, 30, tzinfo=UTC)  # Feb 7 in Shanghai
    asks = await run(f, greetings.to_ask, after)
    assert sorted((g.owner.id, g.occasion_key) for g in asks) == sorted(
        [(rep.id, "birthday"), (mate.id, SF)])
    assert await run(f, greetings.due_reminders, after) == []  # past: asked, not reminded
    for g in asks:
        await run(f, greetings.mark_asked, g.card_ids, after)
    assert await run(f, greetings.to_ask, after + timedelta(days=1)) == []
    assert await run(f, greetings.expire_missed, after + timedelta(days=1)) == 0
    assert await run(f, greetings.expire_missed, after + greetings.ASK_GRACE) == 2
    mates = await run(f, greetings.cards_of, mate, SF, 2027)
    assert [c.status for c in mates] == [CardStatus.MISSED]
    late = await run(f, greetings.mark_sent, mate, mates[0].id, after + timedelta(days=5))
    assert late.status is CardStatus.SENT  # a missed card sent late can still be marked


async def test_segment_enrolment_counts_first_and_is_for_managers(
        uow_factory: UowFactory) -> None:
    f = uow_factory
    rep, mate, boss = await people(f)
    tagged = dict(tags=("VIP",), direct_mail=False)
    await add(f, rep, card("甲", **tagged))
    await add(f, mate, card("乙", **tagged))
    await add(f, rep, card("丙", **tagged, address=None))
    await add(f, rep, card("丁", **tagged, do_not_contact=True))
    await add(f, rep, card("戊", tags=("VIP",)))
    await add(f, rep, card("己", direct_mail=False))
    vip = Segment(SegmentKind.TAG, "vip")
    assert await refused(f, greetings.segment_count, rep, vip) == "greetings-not-allowed"
    assert await run(f, greetings.segment_count, boss, vip) == SegmentCount(5, 2, 1, 1, 1)
    assert await run(f, greetings.enrol_segment, boss, vip, NOW) == 2
    assert await run(f, greetings.segment_count, boss, vip) == SegmentCount(5, 0, 3, 1, 1)
    bad = Segment(SegmentKind.STAGE, "nope")
    assert await refused(f, greetings.segment_count, boss, bad) == "greetings-bad-segment"
    stage = await run(f, greetings.segment_count, boss, Segment(SegmentKind.STAGE, "new"))
    assert stage.matching == 6


async def test_policy_company_dates_and_the_plan_preview(uow_factory: UowFactory) -> None:
    f = uow_factory
    rep, _, boss, _ = await setup(f)
    policy = GreetingPolicy(0, frozenset({"western:valentine"}), 10, 2,
                            {2: "western:valentine"})
    assert await refused(f, greetings.set_policy, rep, policy, NOW) == "greetings-not-allowed"
    saved = await run(f, greetings.set_policy, boss, policy, NOW)
    assert await run(f, greetings.policy, rep) == saved
    bad = GreetingPolicy(0, postal_lead_days=99)
    assert await refused(f, greetings.set_policy, boss, bad, NOW) == "greetings-bad-lead"
    added = await run(f, greetings.add_company_date, boss, "开业十周年", 3, 18, NOW)
    assert await refused(f, greetings.add_company_date, boss, "x", 2, 30, NOW) == (
        "greetings-bad-company-date")
    team = await run(f, greetings.occasions_for, rep, 2027, "zh")
    assert f"company:{added.id}" in {o.key for o in team}
    async with f() as uow:
        north = await uow.teams.get(rep.team_id or 0)
        assert north is not None
        lines = await greetings.plan_preview(uow, north, date(2027, 2, 1), 59)
    keys = sorted({(ln.occasion_key, ln.prospect_name) for ln in lines})
    assert ("western:valentine", "王总") in keys and (f"company:{added.id}", "赵先生") in keys
    assert (SF, "王总") not in keys  # the team picked Valentine's for February
    vday = next(ln for ln in lines if ln.prospect_name == "李女士")
    assert vday.remind_on == date(2027, 2, 12) and vday.channel is GreetingChannel.MESSAGE
    assert {ln.owner_name for ln in lines} == {"U1", "U2"}


@pytest.mark.parametrize("flag", ["greetings_opt_out"])
async def test_opting_out_is_a_card_toggle(uow_factory: UowFactory, flag: str) -> None:
    f = uow_factory
    rep, _, _, p = await setup(f)
    changed = await run(f, prospecting.toggle, rep, p["postal"].id, flag, NOW)
    assert changed.card.greetings_opt_out
    assert await run(f, greetings.plan_due, NOW, compose) == 1  # only the teammate's


async def test_planned_cards_follow_hand_over_and_opt_out(uow_factory: UowFactory) -> None:
    """A card planned before a hand-over goes to the new owner; one planned before an opt-out
    is withdrawn, so the reminder never lists someone who asked to get none."""
    f = uow_factory
    _, mate, boss, p = await setup(f)
    assert await run(f, greetings.plan_due, NOW, compose) == 3
    await run(f, prospecting.reassign, boss, p["postal"].id, mate.id, NOW)
    await run(f, prospecting.toggle, mate, p["mate"].id, "greetings_opt_out", NOW)
    assert await run(f, greetings.plan_due, NOW + timedelta(hours=1), compose) == 0
    async with f() as uow:
        moved = await uow.greetings.of_prospect(p["postal"].id)
        [withdrawn] = await uow.greetings.of_prospect(p["mate"].id)
    assert {c.owner_id for c in moved} == {mate.id}
    assert {c.status for c in moved} == {CardStatus.PLANNED}
    assert withdrawn.status is CardStatus.WITHDRAWN
    groups = await run(f, greetings.due_reminders, NOW + timedelta(hours=1))
    pid = p["postal"].id
    assert sorted((g.owner.id, g.occasion_key, tuple(c.prospect_id for c in g.cards))
                  for g in groups) == [(mate.id, "birthday", (pid,)), (mate.id, SF, (pid,))]


@contextmanager
def statements(engine: AsyncEngine) -> Iterator[list[str]]:
    """The SQL statements run on the engine meanwhile (to rule out one query per card)."""
    seen: list[str] = []

    def record(_conn: object, _cursor: object, sql: str, *_: object) -> None:
        seen.append(sql)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)


async def test_message_cards_carry_the_prospects_current_handle_in_one_query(
        uow_factory: UowFactory, engine: AsyncEngine) -> None:
    f = uow_factory
    rep, _, _, p = await setup(f)
    for extra in ("甲", "乙"):
        await add(f, rep, card(extra, address=None, phone=f"1380000000{len(extra)}",
                               greeting_channel=GreetingChannel.MESSAGE))
    day_before = datetime(2027, 2, 5, 2, tzinfo=UTC)  # message lead: 1 day before Feb 6
    await run(f, greetings.plan_due, day_before, compose)
    async with f() as uow:
        with statements(engine) as seen:
            cards = await greetings.cards_of(uow, rep, SF, 2027)
    assert len(seen) == 1 and len(cards) == 4  # the group in one query, handles included
    handles = {c.prospect_name: c.handle for c in cards}
    assert handles["李女士"] == Handle(HandleKind.WECHAT, "lily_2020")
    assert handles["甲"] == Handle(HandleKind.PHONE, "+8613800000001")
    lily = p["message"].id
    await run(f, prospecting.edit, rep, lily, "wechat", "lily_new", day_before, TZ)
    (fresh,) = [c for c in await run(f, greetings.cards_of, rep, SF, 2027)
                if c.prospect_id == lily]
    assert fresh.handle == Handle(HandleKind.WECHAT, "lily_new")  # the card shows the edit
    assert (await run(f, greetings.card, rep, fresh.id)).handle == fresh.handle


@pytest.mark.parametrize(("wechat", "phone", "email", "expected"), [
    ("wx", "138", "a@b.cn", Handle(HandleKind.WECHAT, "wx")),
    (None, "138", "a@b.cn", Handle(HandleKind.PHONE, "138")),
    ("", None, "a@b.cn", Handle(HandleKind.EMAIL, "a@b.cn")),
    (None, None, None, None),
])
def test_handle_order(wechat: str | None, phone: str | None, email: str | None,
                      expected: Handle | None) -> None:
    assert handle_of(wechat, phone, email) == expected


async def test_month_cards_are_the_reps_own_of_the_month_by_day(uow_factory: UowFactory
                                                                  ) -> None:
    f = uow_factory
    rep, mate, _, _ = await setup(f)
    await run(f, greetings.plan_due, NOW, compose)
    await run(f, greetings.plan_due, datetime(2027, 2, 5, 2, tzinfo=UTC), compose)
    mine = await run(f, greetings.month_cards, rep, date(2027, 2, 20))
    assert [(c.occasion_day, c.occasion_key, c.prospect_name) for c in mine] == [
        (date(2027, 2, 3), "birthday", "王总"), (date(2027, 2, 6), SF, "李女士"),
        (date(2027, 2, 6), SF, "王总")]
    assert [c.owner_id for c in await run(f, greetings.month_cards, mate, date(2027, 2, 1))
            ] == [mate.id]
    assert await run(f, greetings.month_cards, rep, date(2027, 3, 1)) == []


async def test_settings_use_cases_are_for_managers_and_check_their_input(
        uow_factory: UowFactory) -> None:
    f = uow_factory
    rep, _, boss = await people(f)
    for call in ((greetings.team_settings, rep), (greetings.set_lead_days, rep,
                 GreetingChannel.POSTAL, "3", NOW), (greetings.toggle_western, rep,
                 "western:christmas", NOW), (greetings.pick_month, rep, 9, None, 2027, NOW),
                 (greetings.add_company_date_text, rep, "Opening 05-18", NOW),
                 (greetings.month_choices, rep, 2027, 9, "en")):
        assert await refused(f, *call) == "greetings-not-allowed"
    assert await refused(f, greetings.set_lead_days, boss, GreetingChannel.MESSAGE, "61",
                         NOW) == "greetings-bad-lead"
    assert await refused(f, greetings.toggle_western, boss, "western:halloween",
                         NOW) == "greetings-bad-western"
    assert await refused(f, greetings.pick_month, boss, 9, "public:national_day", 2027,
                         NOW) == "greetings-bad-pick"  # October's, not September's
    assert await refused(f, greetings.month_choices, boss, 2027, 13, "en") == "greetings-bad-pick"
    assert await refused(f, greetings.add_company_date_text, boss, "Opening 02-30",
                         NOW) == "greetings-bad-company-date"
    await run(f, greetings.set_lead_days, boss, GreetingChannel.MESSAGE, "3", NOW)
    await run(f, greetings.toggle_western, boss, "western:valentine", NOW)
    await run(f, greetings.pick_month, boss, 10, "public:national_day", 2027, NOW)
    added = await run(f, greetings.add_company_date_text, boss, "开业 5月18日", NOW)
    policy, dates = await run(f, greetings.team_settings, boss)
    assert (policy.message_lead_days, policy.western, policy.month_picks) == (
        3, frozenset({"western:valentine"}), {10: "public:national_day"})
    assert [(d.name, d.month, d.day) for d in dates] == [("开业", 5, 18)]
    await run(f, greetings.toggle_western, boss, "western:valentine", NOW)
    await run(f, greetings.pick_month, boss, 10, None, 2027, NOW)
    await run(f, greetings.remove_company_date, boss, added.id, NOW)
    assert await run(f, greetings.team_settings, boss) == (GreetingPolicy(
        policy.team_id, frozenset(), 7, 3, {}), [])
