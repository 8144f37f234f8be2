"""Follow-up discipline (method.md §4): what a contact's outcome implies, and when to call again.

Pressure is not follow-up. The bot suggests the next contact by MAN class and stage, respects the
prospect's preferred hours, and says gently when contact is getting too dense.

Suggested days until the next follow-up, by the stage *after* the outcome (see `proposed_stage`)
and the MAN class (`?` = not yet qualified, `—` = no follow-up suggested):

| stage       |  A |  B |  C |  ? | D |
|-------------|----|----|----|----|---|
| new         |  2 |  3 | 14 |  3 | — |
| qualified   |  4 |  7 | 30 |  7 | — |
| appointment |  1 |  2 |  7 |  2 | — |
| met         |  6 |  7 | 30 |  7 | — |
| won         | 30 | 30 | 30 | 30 | — |
| lost        | 90 | 90 | 90 | 90 | — |
| dormant     | 60 | 60 | 60 | 60 | — |

- A (ideal) is pursued now but never more than twice a week: 4 days while interested, the day
  after an appointment is set (1-2 days: confirm or hold the meeting), 6 days after a meeting or
  a quote (no contract faxed the day after a demo). B is weekly, C (nurture) monthly.
- Won: keep in touch monthly (service, referrals). Lost: try to win back after a quarter.
  Dormant: look again after two months. A lost or dormant prospect can come back.
- D (not a prospect) and do-not-contact prospects get no suggestion: stop contacting; the flow
  may offer the dormant stage instead (`suggests_dormant`).
- No answer: nothing happened, so retry after `RETRY_DAYS` (A/B/? 2 days, C 7) unless the
  stage's own cadence is shorter.
- Organisations are not called at weekends: a Saturday or Sunday moves to Monday. Individuals
  may be reached any day. `days` in the suggestion counts to the day actually suggested.
- A preferred contact window (客户卡 "preferred contact time") suggests its start time.

Density warnings (`density_warning`), checked in this order, on distinct contact days:
- D: any planned contact -> `cadence-not-prospect` (no args).
- more than `MAX_IN_WINDOW` contacts (A/B/? 2, C 1) within the 7 days ending on the proposed
  day, the proposed one included -> `cadence-too-dense` (count, days=7). Calling every third day
  or daily triggers it; weekly does not.
- fewer than `MIN_GAP` days (A 1, B/? 2, C 7) since the last contact -> `cadence-too-soon`
  (days, min).
`window_warning`: the proposed time is outside the preferred window [start, end) ->
`cadence-outside-window` (at, start, end as HH:MM)."""

from __future__ import annotations

import calendar
from datetime import date, time, timedelta

from sales.prospects.man import ManClass, verdict
from sales.prospects.model import OPEN_STAGES, ContactWindow, Kind, Prospect, Stage
from sales.visits.model import FollowUpSuggestion, Outcome, Warning

WINDOW_DAYS = 7
SATURDAY = 5
QUICK_CHOICES = ("tomorrow", "3d", "1w", "2w", "1m")
QUICK_DAYS = {"tomorrow": 1, "3d": 3, "1w": 7, "2w": 14}
Cls = ManClass | None


_A, _B, _C, _D = ManClass.A, ManClass.B, ManClass.C, ManClass.D


def _row(a: int | None, b: int | None, c: int | None, unq: int | None) -> dict[Cls, int | None]:
    """One table row; D never gets a follow-up."""
    return {_A: a, _B: b, _C: c, None: unq, _D: None}


# The module docstring's table: stage -> class -> days (None: no follow-up).
CADENCE: dict[Stage, dict[Cls, int | None]] = {
    Stage.NEW: _row(2, 3, 14, 3),
    Stage.QUALIFIED: _row(4, 7, 30, 7),
    Stage.APPOINTMENT: _row(1, 2, 7, 2),
    Stage.MET: _row(6, 7, 30, 7),
    Stage.WON: _row(30, 30, 30, 30),
    Stage.LOST: _row(90, 90, 90, 90),
    Stage.DORMANT: _row(60, 60, 60, 60),
}


RETRY_DAYS: dict[Cls, int] = {_A: 2, _B: 2, _C: 7, None: 2}
MIN_GAP: dict[Cls, int] = {_A: 1, _B: 2, _C: 7, None: 2}
MAX_IN_WINDOW: dict[Cls, int] = {_A: 2, _B: 2, _C: 1, None: 2}


# Progress along the selling line; lost/dormant sit outside it and may re-enter anywhere.
RANK: dict[Stage, int] = {
    Stage.NEW: 0, Stage.QUALIFIED: 1, Stage.APPOINTMENT: 2, Stage.MET: 3, Stage.WON: 4,
}


TARGET: dict[Outcome, Stage] = {
    Outcome.INTERESTED: Stage.QUALIFIED,
    Outcome.APPOINTMENT: Stage.APPOINTMENT,
    Outcome.MET: Stage.MET,
    Outcome.QUOTED: Stage.MET,
    Outcome.WON: Stage.WON,
}


def proposed_stage(current: Stage, outcome: Outcome) -> Stage | None:
    """The stage the outcome implies, None if it stays; progress never goes backwards.

    not_interested proposes DORMANT, not LOST: the person may still need the product later
    (nurture, direct mail); LOST is for an explicit lost outcome, which records a reason.
    A won customer only moves to LOST; a lost one is not made merely dormant.
    """
    if outcome is Outcome.NO_ANSWER:
        return None
    if outcome is Outcome.LOST:
        return Stage.LOST if current is not Stage.LOST else None
    if outcome is Outcome.NOT_INTERESTED:
        return Stage.DORMANT if current in OPEN_STAGES else None
    target = TARGET[outcome]
    if current in (Stage.LOST, Stage.DORMANT):
        return target
    return target if RANK[target] > RANK[current] else None


def cadence_days(stage: Stage, cls: ManClass | None, outcome: Outcome | None = None) -> int | None:
    """The table's days for a stage and class (retry sooner after no answer); None: stop."""
    days = CADENCE[stage][cls]
    if days is None or outcome is not Outcome.NO_ANSWER:
        return days
    return min(days, RETRY_DAYS[cls])


def suggest_follow_up(
    prospect: Prospect, outcome: Outcome | None, today: date
) -> FollowUpSuggestion | None:
    """The default next contact after this outcome; None for D and do-not-contact prospects."""
    card = prospect.card
    if card.do_not_contact:
        return None
    stage = (proposed_stage(card.stage, outcome) if outcome else None) or card.stage
    cls = verdict(card.man).cls
    days = cadence_days(stage, cls, outcome)
    if days is None:
        return None
    due = today + timedelta(days=days)
    if card.kind is Kind.ORGANISATION and due.weekday() >= SATURDAY:
        due += timedelta(days=7 - due.weekday())
    at = card.contact_time.start if card.contact_time else None
    return FollowUpSuggestion(due, at, (due - today).days, reason_key(stage, cls, outcome))


def reason_key(stage: Stage, cls: ManClass | None, outcome: Outcome | None) -> str:
    """Why this cadence: one Fluent key per kind of reason, not per table cell."""
    if outcome is Outcome.NO_ANSWER:
        return "cadence-reason-retry"
    by_stage = {
        Stage.WON: "cadence-reason-service",
        Stage.LOST: "cadence-reason-win-back",
        Stage.DORMANT: "cadence-reason-revive",
        Stage.APPOINTMENT: "cadence-reason-appointment",
    }
    if stage in by_stage:
        return by_stage[stage]
    by_class: dict[Cls, str] = {_A: "cadence-reason-priority", _B: "cadence-reason-develop",
                                _C: "cadence-reason-nurture"}
    return by_class.get(cls, "cadence-reason-qualify")


def suggests_dormant(prospect: Prospect) -> bool:
    """An open prospect the MAN rule calls 'not a prospect' (D): offer to make it dormant."""
    return prospect.card.stage in OPEN_STAGES and verdict(prospect.card.man).cls is ManClass.D


def quick_date(choice: str, today: date) -> date:
    """A quick-choice button as a date; one month is the same day next month, clamped.

    Choices come from buttons only, so an unknown one is a bug (ValueError), not a refusal.
    """
    if choice in QUICK_DAYS:
        return today + timedelta(days=QUICK_DAYS[choice])
    if choice != "1m":
        raise ValueError(f"unknown quick choice {choice!r}: one of {QUICK_CHOICES}")
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


def density_warning(contact_days: list[date], proposed: date, cls: ManClass | None
                    ) -> Warning | None:
    """Too many contacts in a week, or too soon after the last one, for this MAN class."""
    if cls is ManClass.D:
        return Warning("cadence-not-prospect")
    days = {d for d in contact_days if d <= proposed}
    start = proposed - timedelta(days=WINDOW_DAYS - 1)
    count = len({d for d in days if d >= start} | {proposed})
    if count > MAX_IN_WINDOW[cls]:
        return Warning("cadence-too-dense", {"count": count, "days": WINDOW_DAYS})
    if days:
        gap = (proposed - max(days)).days
        if gap < MIN_GAP[cls]:
            return Warning("cadence-too-soon", {"days": gap, "min": MIN_GAP[cls]})
    return None


def window_warning(window: ContactWindow, at: time) -> Warning | None:
    """The proposed time falls outside the prospect's preferred hours [start, end)."""
    if window.start <= at < window.end:
        return None
    return Warning("cadence-outside-window", {
        "at": at.strftime("%H:%M"), "start": window.start.strftime("%H:%M"),
        "end": window.end.strftime("%H:%M"),
    })
