"""The unit of work: one transaction over every feature's repositories, composed of the
features' own unit-of-work protocols, so a feature names only what it reaches."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Protocol

from sales.digests.ports import DigestsUow
from sales.exports.ports import ExportsUow
from sales.greetings.ports import GreetingsUow
from sales.outbox.ports import OutboxUow
from sales.pool.ports import PoolUow
from sales.referrals.ports import ReferralsUow
from sales.roster.ports import RosterUow
from sales.visits.ports import VisitsUow


class UnitOfWork(DigestsUow, PoolUow, RosterUow, ExportsUow, ReferralsUow, VisitsUow,
                 GreetingsUow, OutboxUow, Protocol):
    """Everything a use case of any feature may reach; `storage` implements it."""


UowFactory = Callable[[], AbstractAsyncContextManager[UnitOfWork]]
"""Opens one unit of work (a database transaction) for a use case or an update."""
