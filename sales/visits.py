"""Visits and follow-ups: record every contact the same day, and always know the next step."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

from sales import cadence, man, people, prospecting, rhythm
from sales.cadence import Channel, Outcome
from sales.errors import Refused
from sales.models import AuditEntry, ProspectEvent, User
from sales.ports import UnitOfWork
from sales.prospects import NOTES_MAX, ManAnswers, Prospect, Stage, clean_text

BACKDATE_DAYS = 90
CURRENCIES = ("CNY", "USD", "EUR", "HKD", "GBP", "JPY", "SGD", "TWD")


@dataclass(frozen=True, slots=True)
class VisitDraft:
    """One contact as the rep reports it."""

    prospect_id: int
    channel: Channel
    happened_on: date
    outcome: Outcome
    amount: Decimal | None = None
    currency: str | None = None
    lost_reason: str | None = None
    notes: str | None = None
    photo_file_id: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class Visit:
    """A stored contact."""

    id: int
    rep_id: int
    team_id: int
    draft: VisitDraft
    created_at: datetime


@dataclass(frozen=True, slots=True)
class NextStep:
    """What to do next and when; a time makes the bot push the reminder at that moment."""

    due_on: date
    text: str | None = None
    due_time: time | None = None


@dataclass(frozen=True, slots=True)
class FollowUp:
    """An open (or closed) next step with a prospect."""

    id: int
    prospect_id: int
    owner_id: int
    team_id: int
    due_on: date
    text: str | None
    due_time: time | None
    due_at: datetime | None
    status: str
    created_at: datetime
    snoozed_until: datetime | None = None
    prospect_name: str = ""


def check_day(day: date, today: date) -> date:
    """No future contacts; backdating up to BACKDATE_DAYS (older notes go into the card)."""
    if day > today:
        raise Refused("visit-future")
    if day < today - timedelta(days=BACKDATE_DAYS):
        raise Refused("visit-too-old", days=BACKDATE_DAYS)
    return day


def parse_amount(text: str) -> tuple[Decimal, str | None]:
    """'12 000', '12,000.50 USD', '¥8000': a positive amount and an optional currency."""
    raw = text.strip().upper().replace("¥", " CNY ").replace("$", " USD ").replace("€", " EUR ")
    currency = next((c for c in CURRENCIES if c in raw.split()), None)
    digits = "".join(ch for ch in raw if ch.isdigit() or ch == ".")
    try:
        amount = Decimal(digits)
    except InvalidOperation:
        raise Refused("visit-bad-amount", value=text) from None
    if amount <= 0 or amount >= Decimal("1e12") or amount != amount.quantize(Decimal("0.01")):
        raise Refused("visit-bad-amount", value=text)
    return amount, currency


def parse_time(text: str) -> time | None:
    """'9:30', '09:30', '14', '14：00' (full-width colon) -> a time; None if not a time."""
    hours, _, minutes = text.strip().replace("：", ":").partition(":")
    if not hours.isdigit() or (minutes and not minutes.isdigit()):
        return None
    try:
        return time(int(hours), int(minutes or 0))
    except ValueError:
        return None


def check_next(step: NextStep, today: date) -> NextStep:
    """A next step is today or later; its text is trimmed like notes."""
    if step.due_on < today:
        raise Refused("visit-next-past")
    return replace(step, text=clean_text(step.text, "next", NOTES_MAX, multiline=True))


async def user_timezone(uow: UnitOfWork, user: User, default: str) -> str:
    """The rep's own zone, else the team's, else the deployment default."""
    team = await uow.teams.get(user.team_id) if user.team_id is not None else None
    return people.timezone_of(user, team, default)


async def record(
    uow: UnitOfWork, actor: User, draft: VisitDraft, now: datetime, tz: str, *,
    next_step: NextStep | None = None, stage: Stage | None = None,
    answers: ManAnswers | None = None,
) -> Visit:
    """Save the contact, the accepted stage/MAN changes and the next step, in one commit."""
    prospect = await prospecting.visible(uow, actor, draft.prospect_id)
    today = rhythm.local_today(tz, now)
    clean = replace(draft, happened_on=check_day(draft.happened_on, today),
                    notes=clean_text(draft.notes, "notes", NOTES_MAX, multiline=True),
                    lost_reason=clean_text(draft.lost_reason, "notes", NOTES_MAX))
    step = check_next(next_step, today) if next_step else None
    visit = await uow.visits.add(actor.id, prospect.team_id, clean, now)
    await uow.prospects.touch(prospect.id, clean.happened_on)
    await _apply_card(uow, actor, prospect, stage, answers, now)
    await uow.follow_ups.close_open(prospect.id, now)
    if step is not None:
        at = rhythm.due_at(step.due_on, step.due_time, tz) if step.due_time else None
        await uow.follow_ups.add(prospect, actor.id, step, at, visit.id, now)
    await uow.prospects.add_event(ProspectEvent(
        prospect.id, now, actor.id, "visit", clean.channel.value, None, clean.outcome.value))
    await uow.audit.add(AuditEntry(now, actor.id, "visit.create", "visit", visit.id))
    await uow.commit()
    return visit


async def _apply_card(uow: UnitOfWork, actor: User, prospect: Prospect, stage: Stage | None,
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


async def history(uow: UnitOfWork, actor: User, prospect_id: int) -> list[Visit]:
    """Every contact with a prospect, newest first (scope-checked)."""
    await prospecting.visible(uow, actor, prospect_id)
    return await uow.visits.of_prospect(prospect_id)


@dataclass(frozen=True, slots=True)
class Plan:
    """What the flow shows before the next step: proposed stage, open MAN letters, default."""

    prospect: Prospect
    stage: Stage | None
    unknown: tuple[str, ...]
    suggestion: cadence.FollowUpSuggestion | None


async def plan(uow: UnitOfWork, actor: User, prospect_id: int, outcome: Outcome, today: date
               ) -> Plan:
    """The stage the outcome implies, the MAN letters still unknown, the cadence default."""
    prospect = await prospecting.visible(uow, actor, prospect_id)
    stage = cadence.proposed_stage(prospect.card.stage, outcome)
    letters = tuple(letter.value for letter in man.unknown_letters(prospect.card.man))
    suggestion = cadence.suggest_follow_up(prospect, outcome, today)
    return Plan(prospect, stage if stage is not prospect.card.stage else None, letters,
                suggestion)


async def warn(uow: UnitOfWork, actor: User, prospect_id: int, day: date, at: time | None,
               also: date | None = None) -> cadence.Warning | None:
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
