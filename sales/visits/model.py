"""Visits, next steps and follow-ups as the domain knows them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum

from sales.prospects.model import Prospect, Stage


class Channel(StrEnum):
    """How the rep reached the prospect."""

    VISIT = "visit"
    CALL = "call"
    MESSAGE = "message"
    MAIL = "mail"
    OTHER = "other"


class Outcome(StrEnum):
    """What came of a contact; drives the proposed stage and the next suggested contact."""

    NO_ANSWER = "no_answer"
    NOT_INTERESTED = "not_interested"
    INTERESTED = "interested"
    APPOINTMENT = "appointment"
    MET = "met"
    QUOTED = "quoted"
    WON = "won"
    LOST = "lost"


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
    """A stored contact; a check-in stamps its start, a check-out (or the next check-in) its
    length."""

    id: int
    rep_id: int
    team_id: int
    draft: VisitDraft
    created_at: datetime
    checked_in_at: datetime | None = None
    duration_s: int | None = None


@dataclass(frozen=True, slots=True)
class Stamp:
    """Where a prospect was last visited: the latest visit that carries a location."""

    prospect_id: int
    name: str
    latitude: float
    longitude: float
    happened_on: date


@dataclass(frozen=True, slots=True)
class Nearby:
    """A prospect offered on check-in, with the distance to its last stamped visit."""

    prospect_id: int
    name: str
    metres: int


@dataclass(frozen=True, slots=True)
class Opening:
    """What the visit flow starts from: the prospect and the channel last used with them."""

    prospect: Prospect
    channel: Channel


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


@dataclass(frozen=True, slots=True)
class FollowUpSuggestion:
    """The default next contact offered to the rep, and the Fluent key saying why."""

    due_on: date
    at: time | None
    days: int
    reason_key: str


@dataclass(frozen=True, slots=True)
class Warning:
    """A gentle note (never a refusal): a Fluent key and its JSON-safe args."""

    key: str
    args: dict[str, int | str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Plan:
    """What the flow shows before the next step: proposed stage, open MAN letters, default."""

    prospect: Prospect
    stage: Stage | None
    unknown: tuple[str, ...]
    suggestion: FollowUpSuggestion | None


@dataclass(frozen=True, slots=True)
class VisitRecord:
    """A past contact written in bulk (demo and benchmark data)."""

    rep_id: int
    team_id: int
    draft: VisitDraft
    created_at: datetime
