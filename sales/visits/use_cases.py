"""Visits and follow-ups: record every contact the same day, and always know the next step."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sales.kernel import clock
from sales.kernel.errors import Refused
from sales.people import rules as people
from sales.people.model import AuditEntry, User
from sales.prospects import man
from sales.prospects import use_cases as prospecting
from sales.prospects.events import ProspectEvent
from sales.prospects.man import ManAnswers
from sales.prospects.model import NOTES_MAX, Prospect, Stage, clean_text
from sales.visits import cadence
from sales.visits.model import NextStep, Outcome, Plan, Visit, VisitDraft, Warning
from sales.visits.ports import VisitsUow

BACKDATE_DAYS = 90
CURRENCIES = ("CNY", "USD", "EUR", "HKD", "GBP", "JPY", "SGD", "TWD")


def check_day(day: date, today: date) -> date:
    """No future contacts; backdating up to BACKDATE_DAYS (older notes go into the card)."""
    if day > today:
        raise Refused("visit-future")
    if day < today - timedelta(days=BACKDATE_DAYS):
        raise Refused("visit-too-old", days=BACKDATE_DAYS)
    return day


AMOUNT_RE = re.compile(
    r"^(?P<num>\d{1,3}(?:(?P<sep>[, ])\d{3})(?:(?P=sep)\d{3})*|\d+)(?:\.(?P<frac>\d{1,2}))?"
    r"\s*(?P<unit>万|k)?$", re.IGNORECASE)
CURRENCY_SIGNS = {"¥": "CNY", "￥": "CNY", "元": "CNY", "RMB": "CNY", "$": "USD", "€": "EUR",
                  "£": "GBP"}
AMOUNT_MAX = Decimal("1e12")


def parse_amount(text: str) -> tuple[Decimal, str | None]:
    """'12000', '12,000.50 USD', '¥8000', '1.2万': a positive amount and an optional currency.
    Anything else (a sign, letters, a date, two decimal points) is refused, never guessed."""
    body, currency = _split_currency(text.strip())
    match = AMOUNT_RE.match(body)
    if match is None:
        raise Refused("visit-bad-amount", value=text)
    amount = Decimal(match["num"].replace(",", "").replace(" ", "") + "." + (match["frac"] or "0"))
    amount *= {"万": 10_000, "k": 1_000}.get((match["unit"] or "").lower(), 1)
    if not 0 < amount < AMOUNT_MAX:
        raise Refused("visit-bad-amount", value=text)
    return amount.quantize(Decimal("0.01")), currency


def _split_currency(raw: str) -> tuple[str, str | None]:
    """A currency code or sign before or after the number, taken off."""
    upper = raw.upper()
    for mark, code in [*CURRENCY_SIGNS.items(), *((c, c) for c in CURRENCIES)]:
        if upper.startswith(mark):
            return raw[len(mark):].strip(), code
        if upper.endswith(mark):
            return raw[: len(raw) - len(mark)].strip(), code
    return raw, None


def parse_time(text: str) -> time | None:
    """'9:30', '09:30', '14', '14：00' (full-width colon) -> a time; None if not a time."""
    hours, _, minutes = text.strip().replace("：", ":").partition(":")
    if not hours.isdigit() or (minutes and not minutes.isdigit()):
        return None
    try:
        return time(int(hours), int(minutes or 0))
    except ValueError:
        return None


def check_next(step: NextStep, local: datetime) -> NextStep:
    """A next step is later than now on the rep's wall clock `local`; its text is trimmed like
    notes."""
    if step.due_on < local.date():
        raise Refused("visit-next-past")
    check_due_time(step.due_on, step.due_time, local)
    return replace(step, text=next_text(step.text))


def check_due_time(day: date, at: time | None, local: datetime) -> None:
    """A time already past today is refused (it would be pushed at once); the rep is offered
    the same time tomorrow."""
    if at is not None and day == local.date() and at <= local.time().replace(tzinfo=None):
        raise Refused("visit-time-past", at=at.strftime("%H:%M"),
                      tomorrow=(day + timedelta(days=1)).isoformat())


def visit_notes(text: str | None) -> str | None:
    """A visit's notes, checked as they are typed against the limit the save applies."""
    return clean_text(text, "notes", NOTES_MAX, multiline=True)


def lost_reason(text: str | None) -> str | None:
    """Why the prospect was lost, one line, the same limit as notes."""
    return clean_text(text, "notes", NOTES_MAX)


def next_text(text: str | None) -> str | None:
    """What to do at the next step, the same limit as notes."""
    return clean_text(text, "next", NOTES_MAX, multiline=True)


async def user_timezone(uow: VisitsUow, user: User, default: str) -> str:
    """The rep's own zone, else the team's, else the deployment default."""
    team = await uow.teams.get(user.team_id) if user.team_id is not None else None
    return people.timezone_of(user, team, default)


async def record(
    uow: VisitsUow, actor: User, draft: VisitDraft, now: datetime, tz: str, *,
    next_step: NextStep | None = None, stage: Stage | None = None,
    answers: ManAnswers | None = None,
) -> Visit:
    """Save the contact, the accepted stage/MAN changes and the next step, in one commit."""
    prospect = await prospecting.visible(uow, actor, draft.prospect_id)
    local = clock.local_now(tz, now)
    clean = replace(draft, happened_on=check_day(draft.happened_on, local.date()),
                    notes=visit_notes(draft.notes), lost_reason=lost_reason(draft.lost_reason))
    step = check_next(next_step, local) if next_step else None
    visit = await uow.visits.add(actor.id, prospect.team_id, clean, now)
    await uow.prospects.touch(prospect.id, clean.happened_on)
    await _apply_card(uow, actor, prospect, stage, answers, now)
    await uow.follow_ups.close_open(prospect.id, now)
    if step is not None:
        at = clock.due_at(step.due_on, step.due_time, tz) if step.due_time else None
        await uow.follow_ups.add(prospect, actor.id, step, at, visit.id, now)
    await uow.prospects.add_event(ProspectEvent(
        prospect.id, now, actor.id, "visit", clean.channel.value, None, clean.outcome.value))
    await uow.audit.add(AuditEntry(now, actor.id, "visit.create", "visit", visit.id))
    await uow.commit()
    return visit


async def _apply_card(uow: VisitsUow, actor: User, prospect: Prospect, stage: Stage | None,
                      answers: ManAnswers | None, now: datetime) -> None:
    """Stage and MAN changes the rep accepted, each kept in the card's history."""
    card = prospect.card
    new = replace(card, stage=stage or card.stage, man=answers or card.man)
    if new == card:
        return
    await uow.prospects.save_card(prospect.id, new, now)
    if new.stage is not card.stage:
        await uow.prospects.add_event(ProspectEvent(prospect.id, now, actor.id, "stage", "stage",
                                                    card.stage.value, new.stage.value))
    if new.man != card.man:
        await uow.prospects.add_event(ProspectEvent(prospect.id, now, actor.id, "man", "man",
                                                    man.code(card.man), man.code(new.man)))


async def history(uow: VisitsUow, actor: User, prospect_id: int) -> list[Visit]:
    """Every contact with a prospect, newest first (scope-checked)."""
    await prospecting.visible(uow, actor, prospect_id)
    return await uow.visits.of_prospect(prospect_id)


async def plan(uow: VisitsUow, actor: User, prospect_id: int, outcome: Outcome, today: date,
               answers: ManAnswers | None = None) -> Plan:
    """The stage the outcome implies, the MAN letters still unknown, the cadence default;
    `answers` are MAN answers the rep has just given (not saved yet), which the default uses."""
    prospect = await prospecting.visible(uow, actor, prospect_id)
    stage = cadence.proposed_stage(prospect.card.stage, outcome)
    letters = tuple(letter.value for letter in man.unknown_letters(prospect.card.man))
    with_answers = replace(prospect, card=replace(prospect.card, man=answers or prospect.card.man))
    suggestion = cadence.suggest_follow_up(with_answers, outcome, today)
    return Plan(prospect, stage if stage is not prospect.card.stage else None, letters,
                suggestion)


async def warn(uow: VisitsUow, actor: User, prospect_id: int, day: date, at: time | None,
               also: date | None = None) -> Warning | None:
    """A gentle note when the next contact would be too dense or outside the preferred hours;
    `also` is the day of the contact being recorded, not saved yet."""
    prospect = await prospecting.visible(uow, actor, prospect_id)
    days = [v.draft.happened_on for v in await uow.visits.of_prospect(prospect_id)]
    days += [also] if also else []
    found = cadence.density_warning(days, day, man.verdict(prospect.card.man).cls)
    window = prospect.card.contact_time
    if found is None and at is not None and window is not None:
        found = cadence.window_warning(window, at)
    return found
