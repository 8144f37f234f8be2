"""Referrals: rows <-> `sales.referrals` dataclasses. Never commits."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from sales.referrals.model import (
    Ask,
    AskAnswer,
    Introducer,
    Link,
    PaidHow,
    Policy,
    Reward,
    RewardKind,
    RewardStatus,
    Source,
    Terms,
    Trade,
)
from storage.prospects.tables import ProspectEventRow, ProspectRow
from storage.referrals.tables import AskRow, ContactRow, LinkRow, PolicyRow, RewardRow
from storage.visits.tables import VisitRow

Named = Select[RewardRow, str, str, str]
REFERRED = aliased(ProspectRow)
GIVER = aliased(ProspectRow)


def _contact(row: ContactRow) -> Introducer:
    return Introducer(row.id, row.team_id, row.owner_id, row.name, Trade(row.trade), row.phone,
                      row.created_at)


def _source(prospect_id: int | None, contact_id: int | None) -> Source:
    return Source(prospect_id, contact_id)


def _ask(row: AskRow, name: str = "") -> Ask:
    return Ask(row.id, row.team_id, row.prospect_id, row.rep_id, AskAnswer(row.answer), row.at,
               row.remind_at, name)


def _terms(row: RewardRow | PolicyRow) -> Terms:
    return Terms(RewardKind(row.kind), row.amount, row.currency, row.gift)


def _terms_values(terms: Terms) -> dict[str, Any]:
    return {"kind": terms.kind.value, "amount": terms.amount, "currency": terms.currency,
            "gift": terms.gift}


def _reward(row: RewardRow, name: str = "", giver: str = "") -> Reward:
    return Reward(
        row.id, row.team_id, row.prospect_id, _source(row.source_prospect_id,
                                                      row.source_contact_id),
        row.rep_id, _terms(row), RewardStatus(row.status), row.promised_at, row.owed_at,
        row.due_on, row.settled_at, PaidHow(row.paid_how) if row.paid_how else None,
        row.overridden_by, name, giver)


class ReferralRepo:
    """Implements `sales.referrals.ports.ReferralRepo` on one session."""

    def __init__(self, session: AsyncSession) -> None:
        self.s = session

    def _insert(self, table: Any) -> Any:
        """INSERT with ON CONFLICT support on either database."""
        dialect = postgresql if self.s.get_bind().dialect.name == "postgresql" else sqlite
        return dialect.insert(table)

    async def add_contact(self, team_id: int, owner_id: int, name: str, trade: Trade,
                          phone: str | None, now: datetime) -> Introducer:
        row = ContactRow(team_id=team_id, owner_id=owner_id, name=name, trade=trade.value,
                         phone=phone, created_at=now)
        self.s.add(row)
        await self.s.flush()
        return _contact(row)

    async def contact(self, contact_id: int) -> Introducer | None:
        row = await self.s.get(ContactRow, contact_id)
        return _contact(row) if row else None

    async def contacts(self, team_id: int, owner_id: int | None = None) -> list[Introducer]:
        query = select(ContactRow).where(ContactRow.team_id == team_id)
        if owner_id is not None:
            query = query.where(ContactRow.owner_id == owner_id)
        return [_contact(r) for r in await self.s.scalars(query.order_by(ContactRow.id))]

    async def link(self, team_id: int, link: Link, created_by: int, now: datetime) -> bool:
        result = await self.s.execute(self._insert(LinkRow).values(
            team_id=team_id, prospect_id=link.prospect_id,
            source_prospect_id=link.source.prospect_id,
            source_contact_id=link.source.contact_id, how_known=link.how_known,
            created_by=created_by, created_at=now,
        ).on_conflict_do_nothing(index_elements=["prospect_id"]))
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def links(self, team_id: int) -> list[Link]:
        rows = await self.s.scalars(select(LinkRow).where(LinkRow.team_id == team_id)
                                    .order_by(LinkRow.id))
        return [Link(r.prospect_id, _source(r.source_prospect_id, r.source_contact_id),
                     r.how_known) for r in rows]

    async def won_unsettled(self, team_id: int) -> list[tuple[int, int, Source]]:
        rows = await self.s.execute(
            select(ProspectRow.id, ProspectRow.owner_id, LinkRow.source_prospect_id,
                   LinkRow.source_contact_id, ProspectRow.referred_by_id)
            .outerjoin(LinkRow, LinkRow.prospect_id == ProspectRow.id)
            .outerjoin(RewardRow, RewardRow.prospect_id == ProspectRow.id)
            .where(ProspectRow.team_id == team_id, ProspectRow.stage == "won",
                   (LinkRow.id.is_not(None)) | (ProspectRow.referred_by_id.is_not(None)),
                   (RewardRow.id.is_(None)) | (RewardRow.status == "promised"))
            .order_by(ProspectRow.id))
        return [(pid, owner, _source(sp, sc) if sp or sc else _source(typed, None))
                for pid, owner, sp, sc, typed in rows]

    async def link_of(self, prospect_id: int) -> Link | None:
        r = await self.s.scalar(select(LinkRow).where(LinkRow.prospect_id == prospect_id))
        return Link(r.prospect_id, _source(r.source_prospect_id, r.source_contact_id),
                    r.how_known) if r else None

    async def add_ask(self, team_id: int, prospect_id: int, rep_id: int, answer: AskAnswer,
                      at: datetime, remind_at: datetime | None) -> Ask:
        row = AskRow(team_id=team_id, prospect_id=prospect_id, rep_id=rep_id,
                     answer=answer.value, at=at, remind_at=remind_at)
        self.s.add(row)
        await self.s.flush()
        return _ask(row)

    async def last_ask(self, prospect_id: int) -> Ask | None:
        row = await self.s.scalar(select(AskRow).where(AskRow.prospect_id == prospect_id)
                                  .order_by(AskRow.at.desc(), AskRow.id.desc()).limit(1))
        return _ask(row) if row else None

    async def asked(self, team_id: int) -> set[int]:
        rows = await self.s.scalars(select(AskRow.prospect_id).where(AskRow.team_id == team_id))
        return set(rows)

    async def later_due(self, now: datetime) -> list[Ask]:
        rows = await self.s.execute(
            select(AskRow, ProspectRow.name).join(ProspectRow, ProspectRow.id == AskRow.prospect_id)
            .where(AskRow.answer == AskAnswer.LATER.value, AskRow.remind_at <= now,
                   AskRow.reminded_at.is_(None)).order_by(AskRow.remind_at, AskRow.id))
        return [_ask(r, n) for r, n in rows]

    async def mark_reminded(self, ask_id: int, now: datetime) -> None:
        await self.s.execute(update(AskRow).where(AskRow.id == ask_id).values(reminded_at=now))

    async def policy(self, team_id: int) -> Policy | None:
        row = await self.s.get(PolicyRow, team_id, populate_existing=True)
        return Policy(_terms(row), row.due_days, row.quiet_days, row.later_days) if row else None

    async def set_policy(self, team_id: int, policy: Policy, by: int | None, now: datetime
                         ) -> None:
        values = {**_terms_values(policy.terms), "due_days": policy.due_days,
                  "quiet_days": policy.quiet_days, "later_days": policy.later_days,
                  "updated_by": by, "updated_at": now}
        row = await self.s.get(PolicyRow, team_id)
        if row is None:
            self.s.add(PolicyRow(team_id=team_id, **values))
        else:
            for name, value in values.items():
                setattr(row, name, value)
        await self.s.flush()

    async def promise(self, team_id: int, prospect_id: int, source: Source, rep_id: int,
                      terms: Terms, now: datetime) -> bool:
        result = await self.s.execute(self._insert(RewardRow).values(
            team_id=team_id, prospect_id=prospect_id, source_prospect_id=source.prospect_id,
            source_contact_id=source.contact_id, rep_id=rep_id, status="promised",
            promised_at=now, **_terms_values(terms),
        ).on_conflict_do_nothing(index_elements=["prospect_id"]))
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def mark_owed(self, prospect_id: int, now: datetime, due: date) -> bool:
        result = await self.s.execute(update(RewardRow).where(
            RewardRow.prospect_id == prospect_id, RewardRow.status == "promised",
        ).values(status="owed", owed_at=now, due_on=due))
        return bool(result.rowcount)  # type: ignore[attr-defined]

    @staticmethod
    def _named() -> Named:
        """Rewards with the referred prospect's name and the giver's (prospect or contact)."""
        return (select(RewardRow, REFERRED.name, GIVER.name, ContactRow.name)
                .join(REFERRED, REFERRED.id == RewardRow.prospect_id)
                .outerjoin(GIVER, GIVER.id == RewardRow.source_prospect_id)
                .outerjoin(ContactRow, ContactRow.id == RewardRow.source_contact_id))

    async def _rewards(self, query: Named
                       ) -> list[Reward]:
        rows = await self.s.execute(query.order_by(RewardRow.id).execution_options(
            populate_existing=True))
        return [_reward(r, n, g or c or "") for r, n, g, c in rows]

    async def reward(self, reward_id: int) -> Reward | None:
        found = await self._rewards(self._named().where(RewardRow.id == reward_id))
        return found[0] if found else None

    async def reward_of(self, prospect_id: int) -> Reward | None:
        found = await self._rewards(self._named().where(RewardRow.prospect_id == prospect_id))
        return found[0] if found else None

    async def rewards(self, team_id: int, rep_id: int | None = None) -> list[Reward]:
        query = self._named().where(RewardRow.team_id == team_id)
        if rep_id is not None:
            query = query.where(RewardRow.rep_id == rep_id)
        return await self._rewards(query)

    async def settle(self, reward_id: int, status: RewardStatus, how: PaidHow | None,
                     now: datetime) -> None:
        await self.s.execute(update(RewardRow).where(RewardRow.id == reward_id).values(
            status=status.value, paid_how=how.value if how else None, settled_at=now))

    async def set_terms(self, reward_id: int, terms: Terms, by: int) -> None:
        await self.s.execute(update(RewardRow).where(RewardRow.id == reward_id).values(
            overridden_by=by, **_terms_values(terms)))

    async def won_values(self, team_id: int) -> dict[int, tuple[str, Decimal]]:
        rows = await self.s.execute(
            select(VisitRow.prospect_id, VisitRow.currency, VisitRow.amount)
            .where(VisitRow.team_id == team_id, VisitRow.amount.is_not(None))
            .order_by(VisitRow.happened_on, VisitRow.id))
        return {p: (c or "CNY", a) for p, c, a in rows if a is not None}

    async def won_since(self, team_id: int, since: datetime) -> dict[int, datetime]:
        rows = await self.s.execute(
            select(ProspectEventRow.prospect_id, func.max(ProspectEventRow.at))
            .join(ProspectRow, ProspectRow.id == ProspectEventRow.prospect_id)
            .where(ProspectRow.team_id == team_id, ProspectEventRow.kind == "stage",
                   ProspectEventRow.new == "won", ProspectEventRow.at >= since)
            .group_by(ProspectEventRow.prospect_id))
        return {p: at for p, at in rows}
