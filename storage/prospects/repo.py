"""Prospect cards and their history: rows <-> `sales.prospects` dataclasses. Never commits."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, case, func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from sales.prospects.events import ProspectEvent
from sales.prospects.index import REBUILD_DEAD, IndexRow, TeamIndex, search_keys
from sales.prospects.man import Answer, ManAnswers
from sales.prospects.matching import Candidate
from sales.prospects.model import (
    Birthday,
    ContactWindow,
    GreetingChannel,
    Kind,
    Method,
    Prospect,
    ProspectDraft,
    ProspectRecord,
    Stage,
)
from storage.people.tables import UserRow
from storage.prospects.tables import ProspectEventRow, ProspectRow, SearchStampRow

LOAD_BATCH = 5000  # rows per fetch while a team's index is (re)built: bounds peak memory


def card_values(card: ProspectDraft) -> dict[str, Any]:
    """Domain card -> column values."""
    b, w = card.birthday, card.contact_time
    return {
        "kind": card.kind.value, "name": card.name, "company": card.company,
        "contact": card.contact, "decision_maker": card.decision_maker.value,
        "phone": card.phone, "wechat": card.wechat, "email": card.email,
        "method": card.method.value, "referred_by_id": card.referred_by_id,
        "referred_by_name": card.referred_by_name, "man_money": card.man.money.value,
        "man_authority": card.man.authority.value, "man_need": card.man.need.value,
        "stage": card.stage.value, "address": card.address,
        "birthday_month": b.month if b else None, "birthday_day": b.day if b else None,
        "birthday_year": b.year if b else None, "birthday_lunar": bool(b and b.lunar),
        "birthday_leap": bool(b and b.leap), "contact_from": w.start if w else None,
        "contact_to": w.end if w else None, "needs": card.needs, "tags": list(card.tags),
        "notes": card.notes, "direct_mail": card.direct_mail,
        "do_not_contact": card.do_not_contact, "salutation": card.salutation,
        "greeting_language": card.greeting_language,
        "greeting_channel": card.greeting_channel.value,
        "greetings_opt_out": card.greetings_opt_out,
    }


def keys_value(card: ProspectDraft) -> str:
    """The precomputed search keys of a card (see sales.prospects.index)."""
    return search_keys(card.name, card.company, card.phone).encode()


def to_card(row: ProspectRow) -> ProspectDraft:
    """Columns -> domain card."""
    birthday = None
    if row.birthday_month and row.birthday_day:
        birthday = Birthday(row.birthday_month, row.birthday_day, row.birthday_year,
                            row.birthday_lunar, row.birthday_leap)
    window = ContactWindow(row.contact_from, row.contact_to) if (
        row.contact_from and row.contact_to) else None
    return ProspectDraft(
        kind=Kind(row.kind), name=row.name, method=Method(row.method), company=row.company,
        contact=row.contact, decision_maker=Answer(row.decision_maker), phone=row.phone,
        wechat=row.wechat, email=row.email, address=row.address, birthday=birthday,
        contact_time=window, needs=row.needs, tags=tuple(row.tags or ()), notes=row.notes,
        direct_mail=row.direct_mail, do_not_contact=row.do_not_contact,
        referred_by_id=row.referred_by_id, referred_by_name=row.referred_by_name,
        man=ManAnswers(Answer(row.man_money), Answer(row.man_authority), Answer(row.man_need)),
        stage=Stage(row.stage), salutation=row.salutation,
        greeting_language=row.greeting_language,
        greeting_channel=GreetingChannel(row.greeting_channel or "postal"),
        greetings_opt_out=bool(row.greetings_opt_out),
    )


def to_prospect(row: ProspectRow) -> Prospect:
    return Prospect(id=row.id, team_id=row.team_id, owner_id=row.owner_id, card=to_card(row),
                    created_at=row.created_at, last_contact_on=row.last_contact_on,
                    pooled_at=row.pooled_at)


class SearchIndexes:
    """The process's search indexes, one per team, shared by every session of a factory."""

    def __init__(self) -> None:
        self.teams: dict[int, TeamIndex] = {}


# A pooled prospect is in no one's own list: the index keeps it for the team, owned by nobody.
_INDEX_COLUMNS = (ProspectRow.id,
                  case((ProspectRow.pooled_at.is_(None), ProspectRow.owner_id), else_=-1),
                  ProspectRow.rev, ProspectRow.name,
                  ProspectRow.company, ProspectRow.phone, ProspectRow.email, ProspectRow.wechat,
                  ProspectRow.search_keys)


async def bump_search_stamp(session: AsyncSession, team_id: int) -> int:
    """The team's next search stamp (the row lock orders concurrent writers); every write that
    changes what search sees (card, owner, pool) stamps its row with it."""
    dialect = session.get_bind().dialect.name
    insert_ = pg_insert if dialect == "postgresql" else sqlite_insert
    stmt = insert_(SearchStampRow).values(team_id=team_id, rev=1)
    stmt = stmt.on_conflict_do_update(index_elements=[SearchStampRow.team_id],
                                      set_={"rev": SearchStampRow.rev + 1})
    return int((await session.execute(stmt.returning(SearchStampRow.rev))).scalar_one())


async def bump_search_stamp_for(session: AsyncSession, prospect_id: int) -> int:
    """The stamp of the prospect's team, bumped."""
    team_id = await session.scalar(select(ProspectRow.team_id)
                                   .where(ProspectRow.id == prospect_id))
    return await bump_search_stamp(session, team_id or 0)


class ProspectRepo:
    """Implements `sales.ports.ProspectRepo` on one session."""

    def __init__(self, session: AsyncSession, indexes: SearchIndexes | None = None) -> None:
        self.s = session
        self.indexes = indexes or SearchIndexes()

    async def _bump(self, team_id: int) -> int:
        return await bump_search_stamp(self.s, team_id)

    async def _bump_for(self, prospect_id: int) -> int:
        return await bump_search_stamp_for(self.s, prospect_id)

    async def add(self, team_id: int, owner_id: int, created_by: int | None,
                  card: ProspectDraft, now: datetime) -> Prospect:
        row = ProspectRow(team_id=team_id, owner_id=owner_id, created_by=created_by,
                          created_at=now, updated_at=now, search_keys=keys_value(card),
                          rev=await self._bump(team_id), **card_values(card))
        self.s.add(row)
        await self.s.flush()
        return to_prospect(row)

    async def search_index(self, team_id: int) -> TeamIndex:
        """The team's index as of its stamp: cached, topped up with the rows written since."""
        stamp = await self.s.scalar(select(SearchStampRow.rev)
                                    .where(SearchStampRow.team_id == team_id)) or 0
        index = self.indexes.teams.get(team_id)
        if index is None or index.dead_share > REBUILD_DEAD:
            index = self.indexes.teams[team_id] = TeamIndex()
        if index.rev < stamp or index.rev < 0:
            since = index.rev
            query = (select(*_INDEX_COLUMNS).where(ProspectRow.team_id == team_id,
                                                   ProspectRow.rev > since)
                     .order_by(ProspectRow.id).execution_options(yield_per=LOAD_BATCH))
            async for part in (await self.s.stream(query)).partitions():
                index.apply((IndexRow(*row) for row in part), since)
            index.apply((), stamp)
        return index

    async def get(self, prospect_id: int) -> Prospect | None:
        row = await self.s.get(ProspectRow, prospect_id, populate_existing=True)
        return to_prospect(row) if row else None

    async def save_card(self, prospect_id: int, card: ProspectDraft, now: datetime) -> None:
        rev = await self._bump_for(prospect_id)
        await self.s.execute(update(ProspectRow).where(ProspectRow.id == prospect_id)
                             .values(updated_at=now, search_keys=keys_value(card), rev=rev,
                                     **card_values(card)))

    async def set_owner(self, prospect_id: int, owner_id: int, now: datetime) -> None:
        rev = await self._bump_for(prospect_id)
        await self.s.execute(update(ProspectRow).where(ProspectRow.id == prospect_id)
                             .values(owner_id=owner_id, updated_at=now, rev=rev))

    async def of_team(self, team_id: int, owner_id: int | None = None) -> list[Prospect]:
        table = cast(Table, ProspectRow.__table__)  # Core rows: a whole team loads 3x faster
        query = select(table).where(table.c.team_id == team_id)
        if owner_id is not None:  # a pooled prospect is no longer its last owner's
            query = query.where(table.c.owner_id == owner_id, table.c.pooled_at.is_(None))
        rows = await self.s.execute(query.order_by(table.c.id))
        return [to_prospect(r) for r in rows]  # type: ignore[arg-type]  # same attribute names

    async def candidates(self, team_id: int, owner_id: int | None = None,
                         ids: Collection[int] | None = None) -> list[Candidate]:
        query = (select(ProspectRow.id, ProspectRow.name, ProspectRow.company, ProspectRow.phone,
                        UserRow.display_name, ProspectRow.last_contact_on, ProspectRow.wechat,
                        ProspectRow.email)
                 .join(UserRow, UserRow.id == ProspectRow.owner_id)
                 .where(ProspectRow.team_id == team_id))
        if owner_id is not None:
            query = query.where(ProspectRow.owner_id == owner_id, ProspectRow.pooled_at.is_(None))
        if ids is not None:
            query = query.where(ProspectRow.id.in_(ids))
        rows = await self.s.execute(query.order_by(ProspectRow.id))
        return [Candidate(*row) for row in rows]

    async def created_between(self, created_by: int, start: datetime, end: datetime) -> int:
        count = await self.s.scalar(select(func.count()).select_from(ProspectRow).where(
            ProspectRow.created_by == created_by, ProspectRow.created_at >= start,
            ProspectRow.created_at < end))
        return int(count or 0)

    async def touch(self, prospect_id: int, day: date) -> None:
        await self.s.execute(update(ProspectRow).where(
            ProspectRow.id == prospect_id,
            or_(ProspectRow.last_contact_on.is_(None), ProspectRow.last_contact_on < day),
        ).values(last_contact_on=day))

    async def add_event(self, event: ProspectEvent) -> None:
        self.s.add(ProspectEventRow(
            prospect_id=event.prospect_id, at=event.at, actor_id=event.actor_id,
            kind=event.kind, field=event.field, old=event.old, new=event.new))
        await self.s.flush()

    async def events(self, prospect_id: int, limit: int = 30) -> list[ProspectEvent]:
        rows = await self.s.execute(
            select(ProspectEventRow, UserRow.display_name)
            .outerjoin(UserRow, UserRow.id == ProspectEventRow.actor_id)
            .where(ProspectEventRow.prospect_id == prospect_id)
            .order_by(ProspectEventRow.id.desc()).limit(limit))
        return [ProspectEvent(e.prospect_id, e.at, e.actor_id, e.kind, e.field, e.old, e.new,
                              name) for e, name in rows]

    async def add_many(self, team_id: int, records: Sequence[ProspectRecord]) -> list[int]:
        """One multi-row INSERT ... RETURNING (batched by SQLAlchemy), ids in input order."""
        if not records:
            return []
        rev = await self._bump(team_id)
        rows = [{**card_values(r.card), "team_id": team_id, "owner_id": r.owner_id,
                 "created_by": r.owner_id, "created_at": r.created_at,
                 "updated_at": r.created_at, "last_contact_on": r.last_contact_on,
                 "search_keys": keys_value(r.card), "rev": rev}
                for r in records]
        table = cast(Table, ProspectRow.__table__)  # Core: the ORM bulk path is far slower
        query = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list((await self.s.execute(query, rows)).scalars())
