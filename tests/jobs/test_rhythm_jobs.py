"""Scanner jobs with a fixed clock on SQLite and PostgreSQL: agenda, reminders, snooze,
evening, prospecting day, away and catch-up, time zones across DST, no duplicates."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.i18n import Locales
from bot.jobs.rhythm import scan_evenings, scan_mornings, scan_reminders, scan_returns
from bot.jobs.scheduler import JobDeps
from sales.kernel import clock
from sales.people import use_cases as teams
from sales.people.model import NewTeam, User
from sales.prospects import use_cases as prospecting
from sales.prospects.model import Kind, Method, ProspectDraft, Stage
from sales.rhythm import use_cases as agenda
from sales.uow import UowFactory
from sales.visits.model import NextStep
from storage.db import create_engine, session_factory
from storage.outbox.tables import OutboxRow
from storage.uow import uow_factory
from tests.fakes import FixedClock

MONDAY = date(2026, 11, 23)


def deps(uows: UowFactory, now: datetime) -> JobDeps:
    return JobDeps(uows, None, FixedClock(now), Locales(), "Asia/Shanghai")  # type: ignore[arg-type]


async def rep(uows: UowFactory, tz: str = "Asia/Shanghai", weekday: int = 4) -> User:
    """One rep in a fresh team of that timezone (prospecting day on `weekday`)."""
    now = datetime(2026, 1, 1, tzinfo=UTC)
    async with uows() as uow:
        team = await teams.create_team(uow, None, NewTeam("T", tz, "CN", "en"), now)
    async with uows() as uow:
        invite = await teams.create_invite(uow, None, team.id, teams.Role.REP, now)
    async with uows() as uow:
        user = await teams.accept_invite(uow, invite.token, 42, "Rep", now)
    if weekday != 4:
        from storage.people.tables import TeamRow

        async with uows() as uow:
            row = await uow.session.get(TeamRow, team.id)  # type: ignore[attr-defined]
            row.prospecting_weekday = weekday
            await uow.commit()
    return user


async def follow_up(uows: UowFactory, user: User, name: str, due: date, at: time | None = None,
                    tz: str = "Asia/Shanghai", stage: Stage = Stage.NEW) -> int:
    """A prospect with one open follow-up (created long ago)."""

    created = datetime(2026, 1, 1, tzinfo=UTC)
    async with uows() as uow:
        p = await prospecting.create(uow, user, ProspectDraft(Kind.INDIVIDUAL, name,
                                                              Method.TELEPHONE, stage=stage),
                                     created, tz)
    async with uows() as uow:
        moment = clock.due_at(due, at, tz) if at else None
        item = await uow.follow_ups.add(p, user.id, NextStep(due, f"call {name}", at), moment,
                                        None, created)
        await uow.commit()
    return item.id


async def outbox(engine: AsyncEngine) -> list[OutboxRow]:
    async with session_factory(engine)() as s:
        return list(await s.scalars(select(OutboxRow).order_by(OutboxRow.id)))


async def test_agenda_at_local_time_once_with_contents(uows: UowFactory,
                                                       engine: AsyncEngine) -> None:
    user = await rep(uows)
    await follow_up(uows, user, "Today Timed", MONDAY, time(10, 0))
    await follow_up(uows, user, "Today Plain", MONDAY)
    await follow_up(uows, user, "Overdue", MONDAY - timedelta(days=3))
    await follow_up(uows, user, "Future", MONDAY + timedelta(days=1))
    early = datetime(2026, 11, 23, 0, 29, tzinfo=UTC)  # 08:29 in Shanghai
    assert await scan_mornings(deps(uows, early), early) == 0
    on_time = early + timedelta(minutes=1)
    assert await scan_mornings(deps(uows, on_time), on_time) == 1
    assert await scan_mornings(deps(uows, on_time), on_time + timedelta(minutes=5)) == 0
    rows = await outbox(engine)
    assert [r.dedupe_key for r in rows] == [f"agenda:{user.id}:2026-11-23"]
    text = rows[0].text
    assert text.index("Today Timed") < text.index("Today Plain") < text.index("Overdue")
    assert "Future" not in text and "0/5" in text and rows[0].chat_id == 42
    assert len(rows[0].buttons or []) == 3


async def test_nothing_due_sends_nothing(uows: UowFactory, engine: AsyncEngine) -> None:
    user = await rep(uows)
    await follow_up(uows, user, "Future", MONDAY + timedelta(days=2))
    now = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
    assert await scan_mornings(deps(uows, now), now) == 0
    assert await outbox(engine) == []


async def test_catch_up_after_downtime_same_day_not_yesterday(uows: UowFactory,
                                                              engine: AsyncEngine) -> None:
    user = await rep(uows)
    await follow_up(uows, user, "Old", MONDAY - timedelta(days=1))
    late = datetime(2026, 11, 23, 6, 0, tzinfo=UTC)  # down at 08:30, back at 14:00 local
    assert await scan_mornings(deps(uows, late), late) == 1
    assert [r.dedupe_key for r in await outbox(engine)] == [f"agenda:{user.id}:2026-11-23"]


@pytest.mark.parametrize(("day", "due_utc"), [
    (date(2026, 3, 28), datetime(2026, 3, 28, 7, 30, tzinfo=UTC)),   # CET, UTC+1
    (date(2026, 3, 29), datetime(2026, 3, 29, 6, 30, tzinfo=UTC)),   # CEST from 02:00
    (date(2026, 10, 25), datetime(2026, 10, 25, 7, 30, tzinfo=UTC)),  # back to CET
])
async def test_agenda_follows_dst_in_berlin(uows: UowFactory, engine: AsyncEngine, day: date,
                                            due_utc: datetime) -> None:
    user = await rep(uows, "Europe/Berlin")
    await follow_up(uows, user, "X", day, tz="Europe/Berlin")
    before = due_utc - timedelta(minutes=1)
    assert await scan_mornings(deps(uows, before), before) == 0
    assert await scan_mornings(deps(uows, due_utc), due_utc) == 1
    assert (await outbox(engine))[0].dedupe_key == f"agenda:{user.id}:{day}"


async def test_timed_reminder_and_snooze(uows: UowFactory, engine: AsyncEngine) -> None:
    user = await rep(uows)
    fid = await follow_up(uows, user, "Call Me", MONDAY, time(15, 0))
    at = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # 15:00 Shanghai
    assert await scan_reminders(deps(uows, at), at - timedelta(seconds=1)) == 0
    assert await scan_reminders(deps(uows, at), at) == 1
    assert await scan_reminders(deps(uows, at), at + timedelta(minutes=1)) == 1  # same key
    assert len(await outbox(engine)) == 1
    async with uows() as uow:
        until = await agenda.snooze(uow, user, fid, "hour", at + timedelta(minutes=2),
                                    "Asia/Shanghai")
    assert until == at + timedelta(hours=1, minutes=2)
    assert await scan_reminders(deps(uows, at), until - timedelta(seconds=1)) == 0
    assert await scan_reminders(deps(uows, at), until) == 1
    rows = await outbox(engine)
    assert len(rows) == 2 and "Call Me" in rows[1].text
    assert {b["text"] for row in rows[1].buttons or [] for b in row} >= {"📝 Done: record it",
                                                                         "💤 1 hour"}


async def test_away_pauses_and_catch_up_once(uows: UowFactory, engine: AsyncEngine) -> None:
    user = await rep(uows)
    await follow_up(uows, user, "During", MONDAY + timedelta(days=1), time(9, 0))
    async with uows() as uow:
        await agenda.set_away(uow, user, MONDAY, MONDAY + timedelta(days=1), "Asia/Shanghai",
                              datetime(2026, 11, 22, tzinfo=UTC))
    during = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
    for scan in (scan_mornings, scan_reminders, scan_returns, scan_evenings):
        assert await scan(deps(uows, during), during) == 0
    back = datetime(2026, 11, 25, 0, 45, tzinfo=UTC)  # Wednesday 08:45 local
    assert await scan_returns(deps(uows, back), back) == 1
    assert await scan_returns(deps(uows, back), back + timedelta(hours=1)) == 0
    assert await scan_reminders(deps(uows, back), back) == 0  # summed up, not replayed
    await scan_mornings(deps(uows, back), back)
    keys = [r.dedupe_key for r in await outbox(engine)]
    assert keys[0].startswith(f"catchup:{user.id}:") and f"agenda:{user.id}:2026-11-25" in keys
    assert "One follow-up is waiting" in (await outbox(engine))[0].text


async def test_evening_only_when_something_is_open(uows: UowFactory,
                                                   engine: AsyncEngine) -> None:
    user = await rep(uows)
    await follow_up(uows, user, "Open", MONDAY)
    evening = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # 18:00 local
    assert await scan_evenings(deps(uows, evening), evening) == 1
    later = evening + timedelta(hours=3)  # still open, but once a day: the dedupe key says so
    assert await scan_evenings(deps(uows, later), later) == 0
    rows = await outbox(engine)
    assert [r.dedupe_key for r in rows] == [f"evening:{user.id}:2026-11-23"]
    text = rows[0].text
    assert "still open: 1" in text and "0/5" in text and "5 to go" in text


async def test_prospecting_day_push(uows: UowFactory, engine: AsyncEngine) -> None:
    user = await rep(uows, weekday=0)  # Monday
    await follow_up(uows, user, "Sleepy", MONDAY + timedelta(days=9), stage=Stage.DORMANT)
    now = datetime(2026, 11, 23, 0, 30, tzinfo=UTC)
    assert await scan_mornings(deps(uows, now), now) == 1
    row = (await outbox(engine))[0]
    assert row.kind == "prospecting" and "Sleepy" in row.text


async def test_two_concurrent_scanners_enqueue_once(uows: UowFactory,
                                                    engine: AsyncEngine) -> None:
    user = await rep(uows)
    await follow_up(uows, user, "Busy", MONDAY, time(9, 0))
    other = create_engine(engine.url.render_as_string(hide_password=False))
    try:
        second = uow_factory(session_factory(other))
        now = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
        await asyncio.gather(scan_mornings(deps(uows, now), now),
                             scan_mornings(deps(second, now), now),
                             scan_reminders(deps(uows, now), now),
                             scan_reminders(deps(second, now), now))
    finally:
        await other.dispose()
    keys = sorted(r.dedupe_key for r in await outbox(engine))
    assert len(keys) == 2 and keys[0].startswith("agenda:") and keys[1].startswith("reminder:")


async def test_long_agenda_is_cut_with_a_count(uows: UowFactory, engine: AsyncEngine) -> None:
    user = await rep(uows)
    for i in range(20):
        await follow_up(uows, user, f"Lead{i:02d}", MONDAY - timedelta(days=1 + i))
    now = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    assert await scan_mornings(deps(uows, now), now) == 1
    text = (await outbox(engine))[0].text
    assert "Lead05" in text and "Lead04" not in text and "and 5 more" in text  # oldest first


async def test_reminders_older_than_two_days_are_left_to_the_agenda(uows: UowFactory,
                                                                    engine: AsyncEngine) -> None:
    user = await rep(uows)
    await follow_up(uows, user, "Ancient", MONDAY - timedelta(days=3), time(9, 0))
    await follow_up(uows, user, "Recent", MONDAY - timedelta(days=1), time(9, 0))
    now = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    assert await scan_reminders(deps(uows, now), now) == 1
    assert "Recent" in (await outbox(engine))[0].text


@pytest.mark.parametrize(("telegram", "title"), [("zh-hans", "今日安排"), ("en", "Your day"),
                                                 (None, "Your day")])
async def test_pushes_speak_the_recipients_language(uows: UowFactory, engine: AsyncEngine,
                                                    telegram: str | None, title: str) -> None:
    """The team speaks en; a rep whose Telegram app is Chinese gets agenda and reminder in
    Chinese once they have written to the bot (no language chosen in /settings)."""
    user = await rep(uows)
    async with uows() as uow:
        user = await teams.remember_language(uow, user, telegram)
    await follow_up(uows, user, "Timed", MONDAY, time(10, 0))
    morning = datetime(2026, 11, 23, 0, 30, tzinfo=UTC)
    assert await scan_mornings(deps(uows, morning), morning) == 1
    ten = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    assert await scan_reminders(deps(uows, ten), ten) == 1
    agenda_row, reminder = await outbox(engine)
    assert title in agenda_row.text
    labels = [b["text"] for row in reminder.buttons or [] for b in row]
    english = any("Done" in label for label in labels)
    assert english is (title == "Your day"), labels
