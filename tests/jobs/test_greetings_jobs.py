"""The greetings scanner with a fixed clock on SQLite and PostgreSQL, through the real outbox:
one consolidated reminder per rep and occasion with its buttons, never twice (re-runs, gaps),
lead times in the team's zone across DST, the after-question once then missed, and the
recipient's language for the push and the prospect's for the card text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.i18n import Locales
from bot.jobs.greetings import GreetCb, scan_greetings
from bot.jobs.scheduler import JobDeps
from sales.greetings import use_cases as greetings
from sales.greetings.model import CardStatus, GreetingCard
from sales.outbox import use_cases as outboxes
from sales.people import use_cases as teams
from sales.people.model import NewTeam, User
from sales.prospects import use_cases as prospecting
from sales.prospects.model import GreetingChannel, Kind, Method, ProspectDraft, Stage
from sales.uow import UowFactory
from storage.db import session_factory
from storage.outbox.tables import OutboxRow
from tests.fakes import FixedClock

CREATED = datetime(2027, 1, 1, tzinfo=UTC)
# Mid-Autumn 2027 is on 09-15: postal cards are due 7 days ahead, messages 1 day ahead.
POSTAL_DUE = datetime(2027, 9, 8, 1, 0, tzinfo=UTC)      # 09:00 in Shanghai on 09-08
MESSAGE_DUE = datetime(2027, 9, 14, 1, 0, tzinfo=UTC)


def deps(uows: UowFactory, now: datetime) -> JobDeps:
    return JobDeps(uows, None, FixedClock(now), Locales(), "Asia/Shanghai")  # type: ignore[arg-type]


async def rep(uows: UowFactory, tz: str = "Asia/Shanghai", team_lang: str = "en",
              lang: str | None = None, tg: int = 42) -> User:
    async with uows() as uow:
        team = await teams.create_team(uow, None, NewTeam(f"T{tg}", tz, "CN", team_lang),
                                       CREATED)
    async with uows() as uow:
        invite = await teams.create_invite(uow, None, team.id, teams.Role.REP, CREATED)
    async with uows() as uow:
        user = await teams.accept_invite(uow, invite.token, tg, f"Rep{tg}", CREATED)
    if lang is not None:
        async with uows() as uow:
            user = await teams.update_settings(uow, user, CREATED, language=lang)
    return user


async def prospect(uows: UowFactory, owner: User, name: str, *, tz: str = "Asia/Shanghai",
                   **fields: object) -> int:
    """An enrolled prospect with an address (postal) unless told otherwise."""
    values: dict[str, object] = {"direct_mail": True, "address": f"{name}路 1号",
                                 "salutation": f"{name}总", **fields}
    draft = ProspectDraft(Kind.INDIVIDUAL, name, Method.DIRECT_MAIL, **values)  # type: ignore[arg-type]
    async with uows() as uow:
        return (await prospecting.create(uow, owner, draft, CREATED, tz)).id


async def outbox(engine: AsyncEngine) -> list[OutboxRow]:
    async with session_factory(engine)() as s:
        return list(await s.scalars(select(OutboxRow).order_by(OutboxRow.id)))


async def cards(uows: UowFactory, owner: User) -> list[GreetingCard]:
    async with uows() as uow:
        return await greetings.cards_of(uow, owner, "public:mid_autumn_festival", 2027)


async def test_one_consolidated_reminder_with_every_button(uows: UowFactory,
                                                          engine: AsyncEngine) -> None:
    user = await rep(uows)
    await prospect(uows, user, "王")
    await prospect(uows, user, "李", salutation="李女士")
    await prospect(uows, user, "陈", greeting_channel=GreetingChannel.MESSAGE,
                   wechat="chen_wx_88", address=None)
    early = POSTAL_DUE - timedelta(days=1)
    assert await scan_greetings(deps(uows, early), early) == 0
    assert await scan_greetings(deps(uows, POSTAL_DUE), POSTAL_DUE) == 1
    (row,) = await outbox(engine)
    planned = await cards(uows, user)
    postal = sorted(c.id for c in planned if c.channel is GreetingChannel.POSTAL)
    assert row.dedupe_key == f"greet:{user.id}:2027:public:mid_autumn_festival:postal:{postal[0]}"
    assert row.chat_id == 42 and row.kind == "greet"
    assert "Mid-Autumn Festival" in row.text and "2 cards to post" in row.text
    assert "王路 1号" in row.text and "李女士" in row.text and "— Rep42" in row.text
    assert "insurance" not in row.text.lower()
    buttons = row.buttons or []
    assert buttons[0] == [{"text": "✅ All sent (2)",
                           "callback_data": GreetCb(action="all", id=postal[0]).pack()}]
    assert [[b["callback_data"] for b in r] for r in buttons[1:3]] == [
        [GreetCb(action="sent", id=i).pack(), GreetCb(action="skip", id=i).pack()]
        for i in postal]
    assert buttons[-1][0]["callback_data"] == GreetCb(action="open", id=postal[0]).pack()
    # the message greeting comes a day ahead, with its copy button
    assert await scan_greetings(deps(uows, MESSAGE_DUE), MESSAGE_DUE) == 1
    message = (await outbox(engine))[1]
    assert "send as a message" in message.text
    assert "WeChat chen_wx_88" in message.text  # where to send: the prospect's handle
    copy = (message.buttons or [])[1][0]
    assert copy["text"] == "📋 Copy text" and copy["copy_text"].startswith("Dear 陈总,")
    assert copy["copy_text"].endswith("— Rep42") and len(copy["copy_text"]) <= 256


async def test_restart_safe_twice_and_after_a_gap(uows: UowFactory, engine: AsyncEngine) -> None:
    user = await rep(uows)
    await prospect(uows, user, "王")
    gap = POSTAL_DUE + timedelta(days=3)  # the bot was down from before the reminder day
    assert await scan_greetings(deps(uows, gap), gap) == 1
    for later in (gap, gap + timedelta(minutes=5), gap + timedelta(days=1)):
        assert await scan_greetings(deps(uows, later), later) == 0
    assert len(await outbox(engine)) == 1
    (card,) = await cards(uows, user)
    assert card.reminded_at == gap and card.status is CardStatus.PLANNED


async def test_no_card_for_opted_out_do_not_contact_lost_or_not_enrolled(
        uows: UowFactory, engine: AsyncEngine) -> None:
    user = await rep(uows)
    await prospect(uows, user, "甲", greetings_opt_out=True)
    await prospect(uows, user, "乙", do_not_contact=True)
    await prospect(uows, user, "丙", stage=Stage.LOST)
    await prospect(uows, user, "丁", direct_mail=False)
    assert await scan_greetings(deps(uows, POSTAL_DUE), POSTAL_DUE) == 0
    assert await outbox(engine) == []


async def test_lead_time_in_the_teams_zone_across_dst(uows: UowFactory,
                                                      engine: AsyncEngine) -> None:
    """New York leaves DST on 2027-11-07; the November card (11-15) is due 11-08 local."""
    user = await rep(uows, tz="America/New_York")
    await prospect(uows, user, "Chen", tz="America/New_York")
    before = datetime(2027, 11, 8, 4, 59, tzinfo=UTC)  # 23:59 EST on 11-07
    assert await scan_greetings(deps(uows, before), before) == 0
    due = datetime(2027, 11, 8, 5, 0, tzinfo=UTC)      # midnight EST (UTC-5 after DST)
    assert await scan_greetings(deps(uows, due), due) == 1
    (row,) = await outbox(engine)
    assert "2027-11-15" in row.text
    # enqueued at midnight, sent at the rep's agenda time: 08:30 EST, not 08:30 EDT
    assert row.not_before == datetime(2027, 11, 8, 13, 30, tzinfo=UTC)
    assert await outboxes.claim(uows, row.not_before - timedelta(seconds=1)) == []
    assert [i.dedupe_key for i in await outboxes.claim(uows, row.not_before)] == [row.dedupe_key]


async def test_reminder_at_the_reps_own_morning_not_the_teams_midnight(
        uows: UowFactory, engine: AsyncEngine) -> None:
    """A Shanghai team, a rep who set Berlin (CEST) as their zone: the postal card for
    Mid-Autumn is due on 09-08; the push waits for 08:30 in Berlin (06:30 UTC)."""
    user = await rep(uows)
    async with uows() as uow:
        user = await teams.update_settings(uow, user, CREATED, timezone="Europe/Berlin")
    await prospect(uows, user, "王")
    midnight = datetime(2027, 9, 7, 16, 0, tzinfo=UTC)  # 09-08 00:00 in Shanghai
    assert await scan_greetings(deps(uows, midnight), midnight) == 1
    (row,) = await outbox(engine)
    assert row.not_before == datetime(2027, 9, 8, 6, 30, tzinfo=UTC)
    assert await outboxes.claim(uows, datetime(2027, 9, 8, 6, 29, tzinfo=UTC)) == []


async def test_shanghai_is_due_while_new_york_is_not(uows: UowFactory,
                                                     engine: AsyncEngine) -> None:
    east = await rep(uows, tg=1)
    west = await rep(uows, tz="America/New_York", tg=2)
    await prospect(uows, east, "东")
    await prospect(uows, west, "西", tz="America/New_York")
    moment = datetime(2027, 9, 7, 17, 0, tzinfo=UTC)  # 09-08 01:00 Shanghai, 09-07 NY
    assert await scan_greetings(deps(uows, moment), moment) == 1
    assert [r.chat_id for r in await outbox(engine)] == [1]


async def test_asked_once_after_the_occasion_then_missed(uows: UowFactory,
                                                         engine: AsyncEngine) -> None:
    user = await rep(uows)
    await prospect(uows, user, "王")
    await prospect(uows, user, "李")
    await scan_greetings(deps(uows, POSTAL_DUE), POSTAL_DUE)
    first, second = await cards(uows, user)
    async with uows() as uow:
        await greetings.mark_sent(uow, user, first.id, POSTAL_DUE)
    on_the_day = datetime(2027, 9, 15, 3, 0, tzinfo=UTC)
    assert await scan_greetings(deps(uows, on_the_day), on_the_day) == 0  # not over yet
    after = datetime(2027, 9, 15, 16, 0, tzinfo=UTC)  # 09-16 00:00 in Shanghai
    assert await scan_greetings(deps(uows, after), after) == 1
    asked = (await outbox(engine))[-1]
    assert asked.kind == "greetask" and "is over" in asked.text and "in 3 days" in asked.text
    assert asked.not_before == datetime(2027, 9, 16, 0, 30, tzinfo=UTC)  # 08:30 local
    assert "李" in asked.text and "王路" not in asked.text
    assert await scan_greetings(deps(uows, after), after + timedelta(days=1)) == 0
    assert (await cards(uows, user))[1].status is CardStatus.PLANNED
    late = after + greetings.ASK_GRACE + timedelta(minutes=1)
    assert await scan_greetings(deps(uows, late), late) == 0
    statuses = {c.id: c.status for c in await cards(uows, user)}
    assert statuses == {first.id: CardStatus.SENT, second.id: CardStatus.MISSED}
    assert len(await outbox(engine)) == 2


async def test_push_in_the_reps_language_card_in_the_prospects(uows: UowFactory,
                                                               engine: AsyncEngine) -> None:
    user = await rep(uows, team_lang="en", lang="zh")
    await prospect(uows, user, "Chen", salutation="Mr. Chen", greeting_language="en")
    await prospect(uows, user, "王")  # no greeting language: the team's (en)
    await scan_greetings(deps(uows, POSTAL_DUE), POSTAL_DUE)
    (row,) = await outbox(engine)
    assert "张贺卡待寄出" in row.text and "全部已寄" in (row.buttons or [])[0][0]["text"]
    texts = {c.prospect_name: c.text for c in await cards(uows, user)}
    assert texts["Chen"].startswith("Dear Mr. Chen,") and "Mid-Autumn" in texts["Chen"]
    assert texts["王"].startswith("Dear 王总,")


async def test_chinese_team_gets_chinese_texts_that_rotate(uows: UowFactory) -> None:
    user = await rep(uows, team_lang="zh")
    await prospect(uows, user, "王")
    await scan_greetings(deps(uows, POSTAL_DUE), POSTAL_DUE)
    october = datetime(2027, 9, 24, 1, 0, tzinfo=UTC)  # National Day 10-01, 7 days ahead
    await scan_greetings(deps(uows, october), october)
    async with uows() as uow:
        (pid,) = {c.prospect_id for c in await greetings.cards_of(
            uow, user, "public:mid_autumn_festival", 2027)}
        history = await greetings.history(uow, user, pid)
    assert [c.occasion_key for c in history] == ["public:national_day",
                                                 "public:mid_autumn_festival"]
    national, autumn = history
    assert autumn.text.startswith("王总：") and "中秋" in autumn.text
    assert autumn.text.endswith("—— Rep42") and national.variant != autumn.variant
