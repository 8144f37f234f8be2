"""Greeting cards, policies and company dates: rows <-> `sales.greetings` dataclasses.
Never commits."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from sales.greetings.model import (
    CardStatus,
    CompanyDate,
    GreetingCard,
    GreetingChannel,
    GreetingPolicy,
    Handle,
    NewCard,
    OccasionKind,
)
from sales.greetings.rules import handle_of
from storage.greetings.tables import CompanyDateRow, GreetingCardRow, GreetingPolicyRow
from storage.prospects.tables import ProspectRow

PLANNED = CardStatus.PLANNED.value
C = GreetingCardRow
P = ProspectRow


def to_card(row: GreetingCardRow, handle: Handle | None = None) -> GreetingCard:
    """Row -> domain card (with the prospect's current handle, read in the same query)."""
    return GreetingCard(
        id=row.id, team_id=row.team_id, prospect_id=row.prospect_id,
        prospect_name=row.prospect_name, address=row.address, salutation=row.salutation,
        owner_id=row.owner_id, occasion_key=row.occasion_key,
        occasion_kind=OccasionKind(row.occasion_kind), occasion_name=row.occasion_name,
        occasion_day=row.occasion_day, year=row.year, channel=GreetingChannel(row.channel),
        language=row.language, variant=row.variant, text=row.text,
        status=CardStatus(row.status), remind_on=row.remind_on, created_at=row.created_at,
        reminded_at=row.reminded_at, asked_at=row.asked_at, marked_at=row.marked_at,
        skip_reason=row.skip_reason, handle=handle)


def card_values(card: NewCard, now: datetime) -> dict[str, Any]:
    """A planned card -> column values."""
    values = asdict(card)
    values.update(occasion_kind=card.occasion_kind.value, channel=card.channel.value,
                  year=card.year, status=PLANNED, created_at=now)
    return values


class GreetingRepo:
    """Implements `sales.greetings.ports.GreetingRepo` on one session."""

    def __init__(self, session: AsyncSession) -> None:
        self.s = session

    async def policy(self, team_id: int) -> GreetingPolicy | None:
        row = await self.s.get(GreetingPolicyRow, team_id, populate_existing=True)
        if row is None:
            return None
        return GreetingPolicy(team_id, frozenset(row.western or ()), row.postal_lead_days,
                              row.message_lead_days,
                              {int(m): k for m, k in (row.month_picks or {}).items()})

    async def save_policy(self, policy: GreetingPolicy) -> None:
        values = {"western": sorted(policy.western),
                  "postal_lead_days": policy.postal_lead_days,
                  "message_lead_days": policy.message_lead_days,
                  "month_picks": {str(m): k for m, k in sorted(policy.month_picks.items())}}
        row = await self.s.get(GreetingPolicyRow, policy.team_id)
        if row is None:
            self.s.add(GreetingPolicyRow(team_id=policy.team_id, **values))
        else:
            for name, value in values.items():
                setattr(row, name, value)
        await self.s.flush()

    async def company_dates(self, team_id: int) -> list[CompanyDate]:
        rows = await self.s.scalars(select(CompanyDateRow).where(
            CompanyDateRow.team_id == team_id).order_by(CompanyDateRow.month,
                                                        CompanyDateRow.day, CompanyDateRow.id))
        return [CompanyDate(r.id, r.team_id, r.name, r.month, r.day) for r in rows]

    async def add_company_date(self, team_id: int, name: str, month: int, day: int,
                               now: datetime) -> CompanyDate:
        row = CompanyDateRow(team_id=team_id, name=name, month=month, day=day, created_at=now)
        self.s.add(row)
        await self.s.flush()
        return CompanyDate(row.id, team_id, name, month, day)

    async def remove_company_date(self, date_id: int) -> None:
        await self.s.execute(delete(CompanyDateRow).where(CompanyDateRow.id == date_id))

    async def add_cards(self, cards: Sequence[NewCard], now: datetime) -> int:
        if not cards:
            return 0
        postgres = self.s.get_bind().dialect.name == "postgresql"
        insert = pg_insert if postgres else sqlite_insert
        added = 0
        for card in cards:  # one by one: the count of rows really inserted is reliable
            result = await self.s.execute(insert(C).values(**card_values(card, now))
                                          .on_conflict_do_nothing(
                                              index_elements=["prospect_id", "occasion_key",
                                                              "year"]))
            added += int(getattr(result, "rowcount", 0) or 0)
        return added

    async def get(self, card_id: int) -> GreetingCard | None:
        found = await self._cards(C.id == card_id)
        return found[0] if found else None

    async def last_variants(self, prospect_ids: Iterable[int]) -> dict[int, int]:
        ids = list(prospect_ids)
        if not ids:
            return {}
        rows = await self.s.execute(select(C.prospect_id, C.variant).where(
            C.prospect_id.in_(ids)).order_by(C.occasion_day, C.id))
        return {pid: variant for pid, variant in rows}  # the last one wins

    async def keys_of(self, team_id: int, years: Iterable[int]) -> set[tuple[int, str, int]]:
        rows = await self.s.execute(select(C.prospect_id, C.occasion_key, C.year).where(
            C.team_id == team_id, C.year.in_(list(years))))
        return {(p, k, y) for p, k, y in rows}

    async def _cards(self, *where: Any) -> list[GreetingCard]:
        """One query for any number of cards, joined to their prospects' current handles."""
        rows = await self.s.execute(
            select(C, P.wechat, P.phone, P.email).outerjoin(P, P.id == C.prospect_id)
            .where(*where).order_by(C.occasion_day, C.id)
            .execution_options(populate_existing=True))
        return [to_card(r, handle_of(wechat, phone, email)) for r, wechat, phone, email in rows]

    async def of_prospect(self, prospect_id: int) -> list[GreetingCard]:
        cards = await self._cards(C.prospect_id == prospect_id)
        return cards[::-1]

    async def of_owner(self, owner_id: int, first: date, last: date) -> list[GreetingCard]:
        return await self._cards(C.owner_id == owner_id, C.occasion_day >= first,
                                 C.occasion_day <= last)

    async def of_occasion(self, owner_id: int, occasion_key: str, year: int
                          ) -> list[GreetingCard]:
        return await self._cards(C.owner_id == owner_id, C.occasion_key == occasion_key,
                                 C.year == year)

    async def to_remind(self, team_id: int, up_to: date) -> list[GreetingCard]:
        return await self._cards(C.team_id == team_id, C.status == PLANNED,
                                 C.reminded_at.is_(None), C.remind_on <= up_to)

    async def to_ask(self, team_id: int, before: date) -> list[GreetingCard]:
        return await self._cards(C.team_id == team_id, C.status == PLANNED,
                                 C.asked_at.is_(None), C.occasion_day < before)

    async def asked_before(self, team_id: int, moment: datetime) -> list[GreetingCard]:
        return await self._cards(C.team_id == team_id, C.status == PLANNED,
                                 C.asked_at.is_not(None), C.asked_at <= moment)

    async def set_reminded(self, card_ids: Iterable[int], now: datetime) -> None:
        await self.s.execute(update(C).where(C.id.in_(list(card_ids)), C.reminded_at.is_(None))
                             .values(reminded_at=now))

    async def set_asked(self, card_ids: Iterable[int], now: datetime) -> None:
        await self.s.execute(update(C).where(C.id.in_(list(card_ids)), C.asked_at.is_(None))
                             .values(asked_at=now))

    async def mark(self, card_id: int, status: CardStatus, now: datetime,
                   reason: str | None = None) -> None:
        await self.s.execute(update(C).where(C.id == card_id).values(
            status=status.value, marked_at=now, skip_reason=reason))

    async def set_text(self, card_id: int, text: str) -> None:
        await self.s.execute(update(C).where(C.id == card_id).values(text=text))

    async def planned_of_team(self, team_id: int) -> list[GreetingCard]:
        return await self._cards(C.team_id == team_id, C.status == PLANNED)

    async def set_owner(self, card_ids: Iterable[int], owner_id: int) -> None:
        await self.s.execute(update(C).where(C.id.in_(list(card_ids)), C.status == PLANNED)
                             .values(owner_id=owner_id, reminded_at=None, asked_at=None))
