"""Greeting use cases: plan the month's cards, remind, mark, ask once, labels, enrolment.
Scope first; texts come from the bot's `compose` (Fluent), the domain picks the variant."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from sales.greetings.model import (
    CompanyDate,
    GreetingCard,
    GreetingPolicy,
    Label,
    MonthProgress,
    Occasion,
    PlanLine,
    ReminderGroup,
    Segment,
    SegmentCount,
)
from sales.greetings.ports import GreetingsUow
from sales.people.model import Team, User
from sales.prospects.model import Prospect


class Compose(Protocol):
    """The bot's wording of a card: Fluent text `variant` for the occasion, signed by the rep."""

    def __call__(self, occasion: Occasion, prospect: Prospect, language: str, variant: int,
                 signer: str) -> str: ...


async def plan_due(uow: GreetingsUow, now: datetime, compose: Compose) -> int:
    """Create the planned cards whose reminder day has come, for every team; idempotent."""
    raise NotImplementedError


async def plan_preview(uow: GreetingsUow, team: Team, from_day: date, days: int
                       ) -> list[PlanLine]:
    """Every card the rules would plan for occasions in [from_day, from_day + days) (CLI)."""
    raise NotImplementedError


async def due_reminders(uow: GreetingsUow, now: datetime) -> list[ReminderGroup]:
    """Planned, unreminded cards whose reminder day has come, one group per rep/occasion."""
    raise NotImplementedError


async def mark_reminded(uow: GreetingsUow, card_ids: tuple[int, ...], now: datetime) -> None:
    """After the reminder is enqueued: these cards are not reminded again."""
    raise NotImplementedError


async def to_ask(uow: GreetingsUow, now: datetime) -> list[ReminderGroup]:
    """Cards still unmarked after their occasion, never asked: one group per rep/occasion."""
    raise NotImplementedError


async def mark_asked(uow: GreetingsUow, card_ids: tuple[int, ...], now: datetime) -> None:
    """After the question is enqueued: each card is asked about once."""
    raise NotImplementedError


async def expire_missed(uow: GreetingsUow, now: datetime) -> int:
    """Cards asked about and still unmarked after ASK_GRACE count as missed."""
    raise NotImplementedError


async def card(uow: GreetingsUow, actor: User, card_id: int) -> GreetingCard:
    """One of the actor's own cards (buttons carry the id); others 'do not exist'."""
    raise NotImplementedError


async def cards_of(uow: GreetingsUow, actor: User, occasion_key: str, year: int
                   ) -> list[GreetingCard]:
    """The actor's own cards for one occasion (the reminder's list)."""
    raise NotImplementedError


async def mark_sent(uow: GreetingsUow, actor: User, card_id: int, now: datetime
                    ) -> GreetingCard:
    """The rep posted / sent this card (own cards only; planned or missed)."""
    raise NotImplementedError


async def mark_all_sent(uow: GreetingsUow, actor: User, occasion_key: str, year: int,
                        now: datetime) -> int:
    """One tap: every still-planned own card of the occasion is sent; returns how many."""
    raise NotImplementedError


async def skip(uow: GreetingsUow, actor: User, card_id: int, reason: str | None,
               now: datetime) -> GreetingCard:
    """The rep did not send this one, with an optional reason (kept in the history)."""
    raise NotImplementedError


async def edit_text(uow: GreetingsUow, actor: User, card_id: int, text: str, now: datetime
                    ) -> GreetingCard:
    """The rep rewords a planned card before copying / writing it."""
    raise NotImplementedError


async def month_progress(uow: GreetingsUow, actor: User, today: date) -> MonthProgress:
    """The actor's cards of this month by status, and the next occasion to come."""
    raise NotImplementedError


async def history(uow: GreetingsUow, actor: User, prospect_id: int) -> list[GreetingCard]:
    """A prospect's greeting history for the card (prospect scope applies)."""
    raise NotImplementedError


async def labels(uow: GreetingsUow, actor: User, occasion_key: str, year: int
                 ) -> list[Label]:
    """Mailing labels of the actor's postal cards for one occasion (not the skipped)."""
    raise NotImplementedError


async def segment_count(uow: GreetingsUow, actor: User, segment: Segment) -> SegmentCount:
    """Managers: how many prospects of the team a segment enrolment would touch."""
    raise NotImplementedError


async def enrol_segment(uow: GreetingsUow, actor: User, segment: Segment, now: datetime
                        ) -> int:
    """Managers: switch direct mail on for every reachable prospect of a segment."""
    raise NotImplementedError


async def policy(uow: GreetingsUow, actor: User) -> GreetingPolicy:
    """The actor's team policy (defaults when none was saved)."""
    raise NotImplementedError


async def set_policy(uow: GreetingsUow, actor: User, policy: GreetingPolicy, now: datetime
                     ) -> GreetingPolicy:
    """Managers: Western occasions, lead days and month picks, checked then saved."""
    raise NotImplementedError


async def company_dates(uow: GreetingsUow, actor: User) -> list[CompanyDate]:
    """The team's company dates."""
    raise NotImplementedError


async def add_company_date(uow: GreetingsUow, actor: User, name: str, month: int, day: int,
                           now: datetime) -> CompanyDate:
    """Managers add an anniversary / store opening greeted every year."""
    raise NotImplementedError


async def remove_company_date(uow: GreetingsUow, actor: User, date_id: int, now: datetime
                              ) -> None:
    """Managers remove a company date of their team."""
    raise NotImplementedError


async def occasions_for(uow: GreetingsUow, actor: User, year: int, language: str
                        ) -> list[Occasion]:
    """The team's occasions of a year (policy and company dates applied), by day."""
    raise NotImplementedError
