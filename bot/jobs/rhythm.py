"""Scanner jobs of the rep's rhythm: they read what is due and enqueue it in the outbox.

Each message has a dedupe key, so a second run, a second process or a restart enqueues
nothing twice; what fell due while the bot was down is found on the next scan.
"""

from __future__ import annotations

from datetime import date, datetime

from aiogram.filters.callback_data import CallbackData

from bot.i18n import Translator, key
from bot.jobs.scheduler import JobDeps
from bot.render import listing
from sales.outbox.model import Button, Buttons, OutMessage
from sales.outbox.use_cases import enqueue
from sales.rhythm import rules as rhythm
from sales.rhythm import use_cases as agenda
from sales.rhythm.model import Agenda, FollowUpView, Person
from sales.uow import UnitOfWork
from sales.visits.model import FollowUp

ITEMS_SHOWN = 8
LINES_SHOWN = 15  # per section: an agenda stays far below Telegram's 4096 characters


class ReminderCb(CallbackData, prefix="rem"):
    """Buttons under pushed messages: open a card, record the visit, snooze."""

    action: str
    id: int


def _t(deps: JobDeps, person: Person) -> Translator:
    return deps.locales.get(person.user.language or person.team.language)


async def _once(uow: UnitOfWork, msg: OutMessage, now: datetime) -> None:
    """Enqueue unless a message with this key exists already (cheap check first)."""
    if await uow.outbox.by_key(msg.dedupe_key) is None:
        await enqueue(uow, msg, now)


def _item_buttons(t: Translator, items: list[FollowUpView]) -> Buttons:
    return tuple((Button(f"📇 {i.prospect_name}"[:60], ReminderCb(action="open",
                                                                  id=i.prospect_id).pack()),
                  Button(t.raw("reminder-done"), ReminderCb(action="done", id=i.id).pack()))
                 for i in items[:ITEMS_SHOWN])


def _line(t: Translator, item: FollowUpView, overdue: bool) -> str:
    when = item.due_on.isoformat() if overdue else (
        f"{item.due_time:%H:%M}" if item.due_time else "")
    return t("agenda-line", when=when, name=item.prospect_name, text=item.text or "")


def agenda_message(t: Translator, person: Person, a: Agenda) -> OutMessage:
    """The morning message: today's follow-ups, overdue ones and the new-contact target."""

    def more(n: int) -> str:
        return t("agenda-more", n=n)

    text = t("agenda-text", day=a.day.isoformat(),
             today_html=listing([_line(t, i, False) for i in a.due_today], LINES_SHOWN, more),
             overdue_html=listing([_line(t, i, True) for i in a.overdue], LINES_SHOWN, more),
             done=a.new_contacts_today, target=a.target)
    items = [*a.due_today, *a.overdue]
    return OutMessage(f"agenda:{person.user.id}:{a.day}", person.user.telegram_id, text,
                      "agenda", person.user.id, _item_buttons(t, items))


async def scan_mornings(deps: JobDeps, now: datetime) -> int:
    """Morning agenda at each rep's local agenda time; on prospecting day, that push too."""
    sent = 0
    async with deps.uow_factory() as uow:
        for person in await agenda.people(uow, deps.default_timezone):
            day = rhythm.agenda_due(person.tz, person.user.agenda_time, now,
                                    rhythm.is_away(person.user, now))
            if day is None:
                continue
            t = _t(deps, person)
            if await uow.outbox.by_key(f"agenda:{person.user.id}:{day}") is None:
                found = await agenda.agenda(uow, person, day)
                if found is not None:
                    await _once(uow, agenda_message(t, person, found), now)
                    sent += 1
            sent += await _prospecting(uow, t, person, day, now)
    return sent


async def _prospecting(uow: UnitOfWork, t: Translator, person: Person, day: date,
                       now: datetime) -> int:
    """On the team's prospecting weekday, at agenda time: revive the dormant, try new methods."""
    key_ = f"prospecting:{person.user.id}:{day}"
    if not rhythm.prospecting_day(person.team.prospecting_weekday, day) or (
            await uow.outbox.by_key(key_) is not None):
        return 0
    found = await agenda.prospecting_day(uow, person, day)
    if found is None:
        return 0
    text = t("prospecting-text", revive=", ".join(p.card.name for p in found.revive) or "-",
             methods=", ".join(t.raw(key("method", m.value)) for m in found.least_used))
    buttons = tuple((Button(f"📇 {p.card.name}"[:60], ReminderCb(action="open",
                                                              id=p.id).pack()),)
                    for p in found.revive)
    await _once(uow, OutMessage(key_, person.user.telegram_id, text, "prospecting",
                                person.user.id, buttons), now)
    return 1


async def scan_evenings(deps: JobDeps, now: datetime) -> int:
    """Evening check, only when the target is not met or today's follow-ups are open."""
    sent = 0
    async with deps.uow_factory() as uow:
        for person in await agenda.people(uow, deps.default_timezone):
            day = rhythm.evening_due(person.tz, person.user.evening_time, now,
                                     rhythm.is_away(person.user, now))
            key_ = f"evening:{person.user.id}:{day}"
            if day is None or await uow.outbox.by_key(key_) is not None:
                continue
            check = await agenda.evening(uow, person, day)
            if check is None:
                continue
            text = _t(deps, person)("evening-text", open=check.open_due_today,
                                    done=check.new_contacts_today, target=check.target,
                                    remaining=check.remaining)
            await _once(uow, OutMessage(key_, person.user.telegram_id, text, "evening",
                                        person.user.id), now)
            sent += 1
    return sent


def reminder_message(t: Translator, person: Person, item: FollowUp) -> OutMessage:
    """One follow-up pushed at its time, with Done / Snooze / Open card."""
    moment = item.snoozed_until or item.due_at
    assert moment is not None
    text = t("reminder-text", name=item.prospect_name, text=item.text or "",
             at=f"{item.due_time:%H:%M}" if item.due_time else "")
    buttons: Buttons = (
        (Button(t.raw("reminder-done"), ReminderCb(action="done", id=item.id).pack()),
         Button(t.raw("reminder-open"), ReminderCb(action="open", id=item.prospect_id).pack())),
        (Button(t.raw("reminder-hour"), ReminderCb(action="hour", id=item.id).pack()),
         Button(t.raw("reminder-tomorrow"), ReminderCb(action="tomorrow", id=item.id).pack())),
    )
    return OutMessage(f"reminder:{item.id}:{moment.isoformat()}", person.user.telegram_id, text,
                      "reminder", person.user.id, buttons)


async def scan_reminders(deps: JobDeps, now: datetime) -> int:
    """Timed follow-ups and snoozes whose moment has come (people away are skipped)."""
    async with deps.uow_factory() as uow:
        due = await agenda.reminders(uow, now, deps.default_timezone)
        for person, item in due:
            await _once(uow, reminder_message(_t(deps, person), person, item), now)
    return len(due)


async def scan_returns(deps: JobDeps, now: datetime) -> int:
    """Back from away: one catch-up message with what is waiting, instead of a burst."""
    sent = 0
    async with deps.uow_factory() as uow:
        for person in await agenda.people(uow, deps.default_timezone):
            back = person.user.away_to
            key_ = f"catchup:{person.user.id}:{back.isoformat() if back else ''}"
            if back is None or await uow.outbox.by_key(key_) is not None:
                continue
            waiting = await agenda.overdue_after_away(uow, person, now)
            if waiting is None:
                continue
            text = _t(deps, person)("away-back", count=waiting)
            await _once(uow, OutMessage(key_, person.user.telegram_id, text, "catchup",
                                        person.user.id), now)
            sent += 1
    return sent
