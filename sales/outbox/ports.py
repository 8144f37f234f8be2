"""The outbox repository and the transport that delivers a row."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import Protocol

from sales.outbox.model import OutboxItem, OutboxStatus, Outcome, OutMessage
from sales.people.ports import PeopleUow


class OutboxRepo(Protocol):
    """Storage of outbox rows; never commits (the functions below do, at the right points)."""

    async def enqueue(self, msg: OutMessage, now: datetime) -> bool:
        """Insert unless the dedupe key exists; True when a row was created."""
        ...

    async def claim_due(self, now: datetime, limit: int) -> list[OutboxItem]:
        """Atomically turn due `pending` rows into `sending`; concurrent claims never overlap."""
        ...

    async def mark_sent(self, item_id: int, message_id: int, now: datetime) -> None: ...
    async def mark_retry(
        self, item_id: int, attempts: int, not_before: datetime, error: str | None
    ) -> None:
        """Back to `pending`, due at `not_before`."""
        ...

    async def mark_failed(self, item_id: int, attempts: int, error: str) -> None: ...
    async def mark_unreachable(self, item_id: int, error: str) -> None: ...
    async def flag_stuck(self, older_than: datetime) -> int:
        """`sending` rows claimed before `older_than` become `stuck`; how many."""
        ...

    async def purge(self, before: datetime) -> int:
        """Delete finished (sent, failed, unreachable) rows created before `before`."""
        ...

    async def move(self, item_id: int, chat_id: int, now: datetime) -> None:
        """The chat migrated: the row goes to `chat_id`, pending and due now."""
        ...

    async def counts(self) -> dict[OutboxStatus, int]: ...
    async def by_key(self, dedupe_key: str) -> OutboxItem | None: ...


class Transport(Protocol):
    """Delivers one claimed row (the bot layer: rate limits and the Bot API)."""

    async def deliver(self, item: OutboxItem) -> Outcome: ...


class OutboxUow(PeopleUow, Protocol):
    """What the outbox reaches: its rows, and users (a blocked bot marks its user)."""

    @property
    def outbox(self) -> OutboxRepo: ...


OutboxUows = Callable[[], AbstractAsyncContextManager[OutboxUow]]
"""Opens one outbox transaction; claim, send and record each commit on their own."""
