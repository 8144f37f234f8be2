"""Visits and follow-ups: record every contact the same day, and always know the next step."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sales.kernel import clock
from sales.kernel.errors import Refused
from sales.people import rules as people
from sales.people.model import AuditEntry, Role, User
from sales.prospects import man
from sales.prospects import use_cases as prospecting
from sales.prospects.events import ProspectEvent
from sales.prospects.man import ManAnswers
from sales.prospects.model import NOTES_MAX, Prospect, Stage, clean_text
from sales.visits import cadence, places
from sales.visits.model import (
    Channel,
    Nearby,
    NextStep,
    Opening,
    Outcome,
    Plan,
    Visit,
    VisitDraft,
    Warning,
)
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


async def opening(uow: VisitsUow, actor: User, prospect_id: int) -> Opening:
    """The prospect (scope-checked) and the channel last used with them, face to face when
    there is no contact yet: the defaults a visit starts from."""
    prospect = await prospecting.visible(uow, actor, prospect_id)
    last = await uow.visits.last_of(prospect.id)
    return Opening(prospect, last.draft.channel if last else Channel.VISIT)


async def record(
    uow: VisitsUow, actor: User, draft: VisitDraft, now: datetime, tz: str, *,
    next_step: NextStep | None = None, stage: Stage | None = None,
    answers: ManAnswers | None = None, amend: int | None = None,
) -> Visit:
    """Save the contact, the accepted stage/MAN changes and the next step, in one commit;
    `amend` is the rep's own check-in this contact completes (its stamps stay)."""
    prospect = await prospecting.visible(uow, actor, draft.prospect_id)
    local = clock.local_now(tz, now)
    clean = replace(draft, happened_on=check_day(draft.happened_on, local.date()),
                    notes=visit_notes(draft.notes), lost_reason=lost_reason(draft.lost_reason))
    step = check_next(next_step, local) if next_step else None
    before = await _checked_in(uow, actor, prospect.id, amend) if amend else None
    visit = (await uow.visits.update(before.id, clean) if before
             else await uow.visits.add(actor.id, prospect.team_id, clean, now))
    await uow.prospects.touch(prospect.id, clean.happened_on)
    await _apply_card(uow, actor, prospect, stage, answers, now)
    await uow.follow_ups.close_open(prospect.id, now)
    if step is not None:
        at = clock.due_at(step.due_on, step.due_time, tz) if step.due_time else None
        await uow.follow_ups.add(prospect, actor.id, step, at, visit.id, now)
    await uow.prospects.add_event(ProspectEvent(
        prospect.id, now, actor.id, "visit", clean.channel.value,
        before.draft.outcome.value if before else None, clean.outcome.value))
    await uow.audit.add(AuditEntry(now, actor.id, "visit.amend" if before else "visit.create",
                                   "visit", visit.id))
    await uow.commit()
    return visit


async def _checked_in(uow: VisitsUow, actor: User, prospect_id: int, visit_id: int) -> Visit:
    """Only the rep's own check-in at this very prospect may be completed."""
    visit = await uow.visits.get(visit_id)
    if (visit is None or visit.rep_id != actor.id or visit.draft.prospect_id != prospect_id
            or visit.checked_in_at is None):
        raise Refused("visit-checkin-not-found")
    return visit


async def nearby(uow: VisitsUow, actor: User, latitude: float, longitude: float
                 ) -> list[Nearby]:
    """The prospects whose last stamped visits are nearest to where the rep stands (a rep's
    own; a manager's team's), read in one query."""
    places.check_point(latitude, longitude)
    if actor.team_id is None:
        return []
    owner = actor.id if actor.role is Role.REP else None
    return places.nearest(await uow.visits.stamps(actor.team_id, owner), latitude, longitude)


async def check_in(uow: VisitsUow, actor: User, prospect_id: int, latitude: float,
                   longitude: float, now: datetime, tz: str) -> Visit:
    """A face-to-face visit today, stamped with place and time ("met" until the rep says how
    it went); the rep's check-in still open gets its duration now."""
    prospect = await prospecting.visible(uow, actor, prospect_id)
    lat, lon = places.check_point(latitude, longitude)
    await _close_open(uow, actor, now)
    draft = VisitDraft(prospect.id, Channel.VISIT, clock.local_now(tz, now).date(), Outcome.MET,
                       latitude=lat, longitude=lon)
    visit = await uow.visits.add(actor.id, prospect.team_id, draft, now, checked_in_at=now)
    await uow.prospects.touch(prospect.id, draft.happened_on)
    await uow.prospects.add_event(ProspectEvent(
        prospect.id, now, actor.id, "visit", Channel.VISIT.value, None, Outcome.MET.value))
    await uow.audit.add(AuditEntry(now, actor.id, "visit.checkin", "visit", visit.id))
    await uow.commit()
    return visit


async def check_out(uow: VisitsUow, actor: User, now: datetime) -> Visit:
    """End the rep's open check-in: its duration is recorded."""
    closed = await _close_open(uow, actor, now)
    if closed is None:
        raise Refused("visit-checkin-none")
    await uow.audit.add(AuditEntry(now, actor.id, "visit.checkout", "visit", closed.id))
    await uow.commit()
    return closed


async def _close_open(uow: VisitsUow, actor: User, now: datetime) -> Visit | None:
    visit = await uow.visits.open_check_in(actor.id, places.open_since(now))
    if visit is None or visit.checked_in_at is None:
        return None
    seconds = places.duration_s(visit.checked_in_at, now)
    await uow.visits.set_duration(visit.id, seconds)
    return replace(visit, duration_s=seconds)


async def open_check_in(uow: VisitsUow, actor: User, now: datetime
                        ) -> tuple[Visit, Prospect] | None:
    """The rep's check-in still open (for the check-out button), with its prospect."""
    visit = await uow.visits.open_check_in(actor.id, places.open_since(now))
    prospect = await uow.prospects.get(visit.draft.prospect_id) if visit else None
    return (visit, prospect) if visit and prospect else None


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
