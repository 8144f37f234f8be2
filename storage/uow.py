"""The SQL unit of work: one session, every feature's repository, committed by the use case."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from sales.uow import UnitOfWork
from storage.digests.repo import DigestRepo
from storage.exports.repo import ExportRepo
from storage.greetings.repo import GreetingRepo
from storage.outbox.repo import SqlOutboxRepo
from storage.people.repo import AuditRepo, InviteRepo, TeamRepo, UserRepo
from storage.pool.repo import PoolRepo
from storage.prospects.repo import ProspectRepo, SearchIndexes
from storage.referrals.repo import ReferralRepo
from storage.roster.repo import ActivityRepo
from storage.visits.repo import FollowUpRepo, VisitRepo


class SqlUnitOfWork:
    """All repositories over one session: one transaction, committed once by the use case."""

    def __init__(self, session: AsyncSession, indexes: SearchIndexes | None = None) -> None:
        self.session = session
        self.teams = TeamRepo(session)
        self.users = UserRepo(session)
        self.invites = InviteRepo(session)
        self.audit = AuditRepo(session)
        self.prospects = ProspectRepo(session, indexes)
        self.outbox = SqlOutboxRepo(session)
        self.visits = VisitRepo(session)
        self.follow_ups = FollowUpRepo(session)
        self.greetings = GreetingRepo(session)
        self.referrals = ReferralRepo(session)
        self.digests = DigestRepo(session)
        self.pool = PoolRepo(session)
        self.activity = ActivityRepo(session)
        self.exports = ExportRepo(session)

    async def commit(self) -> None:
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()


def uow_factory(sessions: async_sessionmaker[AsyncSession]) -> Any:
    """A `sales.ports.UowFactory`: each call opens a session that rolls back what is uncommitted;
    the sessions share one cache of search indexes (kept fresh by the teams' stamps)."""
    indexes = SearchIndexes()

    @asynccontextmanager
    async def open_uow() -> AsyncIterator[UnitOfWork]:
        async with sessions() as session:
            yield SqlUnitOfWork(session, indexes)

    return open_uow
