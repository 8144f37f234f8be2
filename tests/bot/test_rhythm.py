"""Reminder buttons (open, done, snooze) and /away, through the dispatcher."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from aiogram.methods import AnswerCallbackQuery
from aiogram.types import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.jobs.rhythm import ReminderCb
from sales.prospects import use_cases as prospecting
from sales.prospects.model import Kind, Method, ProspectDraft
from sales.uow import UnitOfWork
from sales.visits.model import NextStep
from tests.bot.conftest import TEAM_TZ, Actions, Harness, button


async def _reminder(h: Harness) -> tuple[int, int, Message]:
    """Rep 1 with a prospect and an open follow-up, and the pushed reminder message."""
    team = await h.team()
    rep = await h.member(1, team)
    p = await h.run(lambda uow: prospecting.create(
        uow, rep, ProspectDraft(Kind.INDIVIDUAL, "孙丽", Method.TELEPHONE), h.clock(), TEAM_TZ))

    async def add(uow: UnitOfWork) -> int:
        step = NextStep(date(2026, 11, 23), "call", time(17, 0))
        item = await uow.follow_ups.add(p, rep.id, step, None, None, h.clock())
        await uow.commit()
        return item.id

    fid = await h.run(add)
    keyboard = [[InlineKeyboardButton(text=a, callback_data=ReminderCb(action=a, id=i).pack())]
                for a, i in (("done", fid), ("open", p.id), ("hour", fid), ("tomorrow", fid))]
    msg = Message(message_id=4242, date=datetime(2026, 11, 23), chat=Chat(id=1, type="private"),
                  text="⏰", reply_markup=InlineKeyboardMarkup(inline_keyboard=keyboard))
    return p.id, fid, msg


def _alert(h: Harness) -> str:
    return str(h.bot.of_type(AnswerCallbackQuery)[-1].text)


async def test_reminder_buttons_open_done_and_snooze(h: Harness) -> None:
    pid, fid, msg = await _reminder(h)
    c = h.client(1)
    await c.click(msg, button("open"))
    assert "孙丽" in h.text() and "Next step: 2026-11-23 17:00 call" in h.text()
    await c.click(msg, button("done"))
    assert "Contact with <b>孙丽</b>: 🤝 Face to face, today (2026-11-23)" in h.text()
    await c.click(msg, button("hour"))
    assert _alert(h) == "I will remind you again at 2026-11-23 18:00."  # 09:00 UTC + 1 h
    await c.click(msg, button("tomorrow"))
    assert _alert(h) == "I will remind you again at 2026-11-24 08:30."
    item = await h.run(lambda uow: uow.follow_ups.get(fid))
    assert item is not None and item.snoozed_until == datetime(2026, 11, 24, 0, 30, tzinfo=UTC)
    del pid


async def test_done_records_the_visit_in_three_actions(h: Harness) -> None:
    """Done (counted), the outcome, Save: the reminder's follow-up is closed, the next is set."""
    pid, fid, msg = await _reminder(h)
    c = h.client(1)
    s = Actions(h, c)
    s.n += 1
    await c.click(msg, button("done"))
    await s.click("Interested")
    await s.click("Save")
    assert s.n == 3 and "saved (Interested, 2026-11-23). Next: 2026-11-30" in h.text()
    item = await h.run(lambda uow: uow.follow_ups.get(fid))
    assert item is not None and item.status != "open"
    nxt = await h.run(lambda uow: uow.follow_ups.open_of(pid))
    assert nxt is not None and nxt.due_on == date(2026, 11, 30)


async def test_someone_elses_reminder_is_refused(h: Harness) -> None:
    _, fid, msg = await _reminder(h)
    team = await h.run(lambda uow: uow.teams.by_name("North"))
    assert team is not None
    await h.member(2, team)
    other = h.client(2)
    await other.click(msg, button("hour"))
    assert "no longer open" in _alert(h)
    await other.click(msg, button("open"))
    assert "not yours to see" in h.text()
    item = await h.run(lambda uow: uow.follow_ups.get(fid))
    assert item is not None and item.snoozed_until is None


async def test_away_command(h: Harness) -> None:
    team = await h.team()
    await h.member(1, team)
    c = h.client(1)
    await c.send("/away soon")
    assert "Send /away FROM TO" in h.bot.texts(1)[-1]
    await c.send("/away 2026-12-05 2026-12-01")
    assert "must not be before" in h.bot.texts(1)[-1]
    await c.send("/away 2026-11-01 2026-11-02")
    assert "already over" in h.bot.texts(1)[-1]
    await c.send("/away 2026-12-01 2026-12-05")
    assert "paused from 2026-12-01 to 2026-12-05" in h.bot.texts(1)[-1]
    user = await h.run(lambda uow: uow.users.by_telegram_id(1))
    assert user is not None and user.away_from == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)
    assert user.away_to == datetime(2026, 12, 5, 16, 0, tzinfo=UTC)
    await c.send("/away off")
    user = await h.run(lambda uow: uow.users.by_telegram_id(1))
    assert user is not None and user.away_from is None and user.away_to is None
