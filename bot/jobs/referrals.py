"""Referral scanners: rewards become owed when a referred prospect is won; each morning (at
the rep's agenda time) the owed and overdue rewards and the customers never asked; 'ask
later' answers come back. Everything goes through the outbox with a dedupe key."""

from __future__ import annotations

from datetime import date, datetime

from aiogram.filters.callback_data import CallbackData

from bot.i18n import Translator
from bot.jobs.scheduler import JobDeps
from bot.render import listing, money_text
from sales.outbox.model import Button, Buttons, OutMessage
from sales.outbox.use_cases import enqueue
from sales.people.model import User
from sales.referrals import rules
from sales.referrals import use_cases as referrals
from sales.referrals.model import Reward
from sales.rhythm import rules as rhythm
from sales.rhythm import use_cases as agenda
from sales.rhythm.model import Person
from sales.uow import UnitOfWork

SHOWN = 5


class ReferralCb(CallbackData, prefix="ref"):
    """Buttons under referral pushes: open a reward to settle, ask a customer for names."""

    action: str
    id: int


def _reward_line(t: Translator, r: Reward, day: date) -> str:
    return t("referrals-morning-reward", overdue="yes" if rules.is_overdue(r, day) else "no",
             due=r.due_on.isoformat() if r.due_on else "-", name=r.prospect_name,
             giver=r.source_name, terms=money_text(t, r.terms.amount, r.terms.currency,
                                                   r.terms.gift))


async def morning_message(uow: UnitOfWork, t: Translator, person: Person, day: date,
                          now: datetime) -> OutMessage | None:
    """Owed rewards (overdue marked) and customers won lately never asked; None if neither."""
    team, user = person.team.id, person.user
    owed = await referrals.owed(uow, team, user.id)
    nudge = await referrals.unasked_won(uow, team, user.id, now)
    if not owed and not nudge:
        return None

    def more(n: int) -> str:
        return t("agenda-more", n=n)

    text = t("referrals-morning",
             rewards_html=listing([_reward_line(t, r, day) for r in owed], SHOWN, more),
             nudge_html=listing([t("referrals-morning-nudge", name=p.card.name) for p in nudge],
                                SHOWN, more))
    buttons: Buttons = tuple(
        (Button(t.raw("referrals-open-reward", name=r.prospect_name)[:60],
                ReferralCb(action="reward", id=r.id).pack()),) for r in owed[:SHOWN]) + tuple(
        (Button(t.raw("referrals-ask-now", name=p.card.name)[:60],
                ReferralCb(action="ask", id=p.id).pack()),) for p in nudge[:SHOWN])
    return OutMessage(f"referrals:{user.id}:{day}", user.telegram_id, text, "referrals",
                      user.id, buttons)


async def scan_referrals(deps: JobDeps, now: datetime) -> int:
    """Settle won referrals, then each rep's morning referral message; how many enqueued."""
    sent = 0
    async with deps.uow_factory() as uow:
        await referrals.settle_won(uow, now, deps.default_timezone)
        for person in await agenda.people(uow, deps.default_timezone):
            day = rhythm.agenda_due(person.tz, person.user.agenda_time, now,
                                    rhythm.is_away(person.user, now))
            if day is None or await uow.outbox.by_key(
                    f"referrals:{person.user.id}:{day}") is not None:
                continue
            t = deps.locales.get(person.user.language or person.team.language)
            msg = await morning_message(uow, t, person, day, now)
            if msg is not None:
                sent += await enqueue(uow, msg, now)
        sent += await _later(deps, uow, now)
    return sent


async def _later(deps: JobDeps, uow: UnitOfWork, now: datetime) -> int:
    """'Ask later' answers whose day has come: one reminder each, never twice."""
    sent = 0
    for ask in await referrals.later_due(uow, now):
        user: User | None = await uow.users.get(ask.rep_id)
        if user is None or not user.active or user.bot_blocked:
            continue
        team = await uow.teams.get(user.team_id) if user.team_id is not None else None
        t = deps.locales.get(user.language or (team.language if team else "zh"))
        button = Button(t.raw("referrals-ask-now", name=ask.prospect_name)[:60],
                        ReferralCb(action="ask", id=ask.prospect_id).pack())
        msg = OutMessage(f"refask:{ask.id}", user.telegram_id,
                         t("referrals-later-text", name=ask.prospect_name), "referral-ask",
                         user.id, ((button,),))
        await referrals.remind_later(uow, ask, msg, now)
        sent += 1
    return sent
