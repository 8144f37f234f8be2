"""Direct-mail greetings (method.md §5): occasions, the team's policy and the cards planned."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from sales.people.model import Team, User
from sales.prospects.model import GreetingChannel

__all__ = ["GreetingChannel"]  # re-exported: the channel lives on the prospect card

VARIANTS = 3
"""Wordings per occasion the bot offers (variant 0..VARIANTS-1); consecutive cards differ."""


class OccasionKind(StrEnum):
    """Where an occasion comes from; the key's prefix says the same."""

    PUBLIC = "public"
    FESTIVAL = "festival"
    SOLAR_TERM = "solar_term"
    WESTERN = "western"
    COMPANY = "company"
    SEASONAL = "seasonal"
    BIRTHDAY = "birthday"


@dataclass(frozen=True, slots=True)
class Occasion:
    """A day to greet on; `key` is stable across years and languages ("festival:lantern")."""

    key: str
    kind: OccasionKind
    day: date
    name: str


class CardStatus(StrEnum):
    """A card is planned, then sent or skipped by the rep, or missed when never marked;
    withdrawn when the prospect stopped getting cards (opted out, do-not-contact, lost)."""

    PLANNED = "planned"
    SENT = "sent"
    SKIPPED = "skipped"
    MISSED = "missed"
    WITHDRAWN = "withdrawn"


POSTAL_LEAD_DAYS = 7
MESSAGE_LEAD_DAYS = 1


@dataclass(frozen=True, slots=True)
class GreetingPolicy:
    """A team's choices: Western occasions on, lead days, and the card picked per month."""

    team_id: int
    western: frozenset[str] = frozenset()
    postal_lead_days: int = POSTAL_LEAD_DAYS
    message_lead_days: int = MESSAGE_LEAD_DAYS
    month_picks: dict[int, str] = field(default_factory=dict)

    def lead_days(self, channel: GreetingChannel) -> int:
        """How many days before the occasion the rep is reminded."""
        if channel is GreetingChannel.POSTAL:
            return self.postal_lead_days
        return self.message_lead_days


@dataclass(frozen=True, slots=True)
class CompanyDate:
    """A date a manager adds (anniversary, store opening), greeted every year."""

    id: int
    team_id: int
    name: str
    month: int
    day: int


@dataclass(frozen=True, slots=True)
class NewCard:
    """A card as planned, before it has an id; stored once per prospect, occasion and year."""

    team_id: int
    prospect_id: int
    prospect_name: str
    address: str | None
    salutation: str | None
    owner_id: int
    occasion_key: str
    occasion_kind: OccasionKind
    occasion_name: str
    occasion_day: date
    channel: GreetingChannel
    language: str
    variant: int
    text: str
    remind_on: date

    @property
    def year(self) -> int:
        """Cards are unique per prospect, occasion key and this year."""
        return self.occasion_day.year


class HandleKind(StrEnum):
    """Where a message greeting is sent, in the order it is looked for."""

    WECHAT = "wechat"
    PHONE = "phone"
    EMAIL = "email"


@dataclass(frozen=True, slots=True)
class Handle:
    """The prospect's CURRENT handle (read with the card, so card edits show at once)."""

    kind: HandleKind
    value: str


@dataclass(frozen=True, slots=True)
class GreetingCard:
    """A stored card: what was planned for whom, and what the rep did with it."""

    id: int
    team_id: int
    prospect_id: int
    prospect_name: str
    address: str | None
    salutation: str | None
    owner_id: int
    occasion_key: str
    occasion_kind: OccasionKind
    occasion_name: str
    occasion_day: date
    year: int
    channel: GreetingChannel
    language: str
    variant: int
    text: str
    status: CardStatus
    remind_on: date
    created_at: datetime
    reminded_at: datetime | None = None
    asked_at: datetime | None = None
    marked_at: datetime | None = None
    skip_reason: str | None = None
    handle: Handle | None = None


@dataclass(frozen=True, slots=True)
class ReminderGroup:
    """One consolidated push: a rep's cards for one occasion and channel (or the after-ask)."""

    owner: User
    team: Team
    occasion_key: str
    occasion_name: str
    occasion_day: date
    year: int
    channel: GreetingChannel
    cards: tuple[GreetingCard, ...]

    @property
    def card_ids(self) -> tuple[int, ...]:
        """What `mark_reminded` / `mark_asked` get once the push is enqueued."""
        return tuple(c.id for c in self.cards)

    def dedupe_key(self, purpose: str = "greet") -> str:
        """Outbox key: stable on re-runs; a later batch (new cards) gets a new one."""
        first = min(self.card_ids)
        return (f"{purpose}:{self.owner.id}:{self.year}:{self.occasion_key}:"
                f"{self.channel.value}:{first}")


@dataclass(frozen=True, slots=True)
class MonthProgress:
    """The rep's "monthly cards": this month's counts and what comes next."""

    year: int
    month: int
    planned: int
    sent: int
    skipped: int
    missed: int
    next_occasion: Occasion | None

    @property
    def total(self) -> int:
        return self.planned + self.sent + self.skipped + self.missed


@dataclass(frozen=True, slots=True)
class Label:
    """One mailing label: who, how addressed, where."""

    prospect_id: int
    name: str
    salutation: str | None
    address: str


class SegmentKind(StrEnum):
    """Ways a manager picks prospects to enrol in one step."""

    TAG = "tag"
    STAGE = "stage"
    METHOD = "method"
    MAN = "man"


@dataclass(frozen=True, slots=True)
class Segment:
    """A tag text, a Stage / Method value, or a MAN code such as "MAn"."""

    kind: SegmentKind
    value: str


@dataclass(frozen=True, slots=True)
class SegmentCount:
    """Shown before confirming: matches, how many would be enrolled, and why others not."""

    matching: int
    to_enrol: int
    already: int
    unreachable: int
    excluded: int


@dataclass(frozen=True, slots=True)
class PlanLine:
    """One row of the CLI's plan preview."""

    day: date
    occasion_key: str
    occasion_name: str
    prospect_id: int
    prospect_name: str
    owner_id: int
    owner_name: str
    channel: GreetingChannel
    remind_on: date

