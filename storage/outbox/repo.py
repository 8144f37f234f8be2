"""The outbox table behind `sales.outbox.OutboxRepo`; flushes, never commits."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from sales.outbox.model import OutboxItem, OutboxStatus, OutMessage, Photo
from sales.outbox.rules import buttons_from_json, buttons_to_json
from storage.outbox.tables import OutboxMediaRow, OutboxRow

PENDING, SENDING = OutboxStatus.PENDING.value, OutboxStatus.SENDING.value


def to_item(row: OutboxRow, media: tuple[Photo, ...] = ()) -> OutboxItem:
    """ORM row -> domain dataclass."""
    return OutboxItem(
        media=media,
        id=row.id, dedupe_key=row.dedupe_key, chat_id=row.chat_id, text=row.text,
        kind=row.kind, status=OutboxStatus(row.status), attempts=row.attempts,
        not_before=row.not_before, created_at=row.created_at, user_id=row.user_id,
        buttons=buttons_from_json(row.buttons), claimed_at=row.claimed_at, sent_at=row.sent_at,
        last_error=row.last_error, message_id=row.message_id,
    )


class SqlOutboxRepo:
    """Rows of the outbox over the unit of work's session."""

    def __init__(self, session: AsyncSession) -> None:
        self.s = session

    @property
    def _postgres(self) -> bool:
        """SKIP LOCKED and the dialect's INSERT ... ON CONFLICT differ by backend."""
        return self.s.get_bind().dialect.name == "postgresql"

    async def enqueue(self, msg: OutMessage, now: datetime) -> bool:
        """ON CONFLICT DO NOTHING: a duplicate key is no error and keeps the transaction usable."""
        insert = pg_insert if self._postgres else sqlite_insert
        stmt = (
            insert(OutboxRow)
            .values(
                dedupe_key=msg.dedupe_key, chat_id=msg.chat_id, user_id=msg.user_id,
                kind=msg.kind, text=msg.text, buttons=buttons_to_json(msg.buttons),
                status=PENDING, attempts=0, not_before=msg.not_before or now, created_at=now,
            )
            .on_conflict_do_nothing(index_elements=["dedupe_key"])
            .returning(OutboxRow.id)
        )
        created = (await self.s.execute(stmt)).first()
        if created is not None and msg.media:
            self.s.add_all(OutboxMediaRow(outbox_id=created[0], position=i, name=p.name,
                                          data=p.data) for i, p in enumerate(msg.media))
            await self.s.flush()
        return created is not None

    async def claim_due(self, now: datetime, limit: int) -> list[OutboxItem]:
        """Pick due ids, then flip only those still pending: the caller commits at once."""
        ids = await self._due_ids(now, limit)
        return await self._items(await self._take(ids, now)) if ids else []

    async def _due_ids(self, now: datetime, limit: int) -> list[int]:
        """Oldest due first; on PostgreSQL locked, skipping rows another claimer has locked."""
        due = (
            select(OutboxRow.id)
            .where(OutboxRow.status == PENDING, OutboxRow.not_before <= now)
            .order_by(OutboxRow.not_before, OutboxRow.id)
            .limit(limit)
        )
        if self._postgres:
            due = due.with_for_update(skip_locked=True)
        return list(await self.s.scalars(due))

    async def _take(self, ids: list[int], now: datetime) -> list[int]:
        """The ids this UPDATE turned to `sending`: on SQLite (no row locks) a concurrent
        claimer that read the same ids finds them taken and gets none of them."""
        taken = await self.s.scalars(
            update(OutboxRow)
            .where(OutboxRow.id.in_(ids), OutboxRow.status == PENDING)
            .values(status=SENDING, claimed_at=now)
            .returning(OutboxRow.id)
            .execution_options(synchronize_session=False)
        )
        return list(taken)

    async def _items(self, ids: list[int]) -> list[OutboxItem]:
        """Fresh rows by id, oldest due first."""
        if not ids:
            return []
        rows = await self.s.scalars(
            select(OutboxRow).where(OutboxRow.id.in_(ids))
            .order_by(OutboxRow.not_before, OutboxRow.id)
            .execution_options(populate_existing=True)
        )
        found = list(rows)
        media = await self._media([r.id for r in found])
        return [to_item(row, media.get(row.id, ())) for row in found]

    async def _media(self, ids: list[int]) -> dict[int, tuple[Photo, ...]]:
        """The albums' pictures of these rows, in order (one statement)."""
        rows = await self.s.execute(
            select(OutboxMediaRow.outbox_id, OutboxMediaRow.name, OutboxMediaRow.data)
            .where(OutboxMediaRow.outbox_id.in_(ids))
            .order_by(OutboxMediaRow.outbox_id, OutboxMediaRow.position))
        found: dict[int, tuple[Photo, ...]] = {}
        for outbox_id, name, data in rows:
            found[outbox_id] = (*found.get(outbox_id, ()), Photo(name, bytes(data)))
        return found

    async def move(self, item_id: int, chat_id: int, now: datetime) -> None:
        """Follow a migrated chat: same row, new chat, pending again and due now."""
        await self._set(item_id, chat_id=chat_id, status=PENDING, not_before=now)

    async def _set(self, item_id: int, **values: Any) -> None:
        """By id alone: a row flagged stuck that did go out still ends up `sent`."""
        await self.s.execute(
            update(OutboxRow).where(OutboxRow.id == item_id).values(**values)
            .execution_options(synchronize_session=False)
        )

    async def mark_sent(self, item_id: int, message_id: int, now: datetime) -> None:
        """Keep the message id: later edits (e.g. a "done" tick) need it."""
        await self._set(item_id, status=OutboxStatus.SENT.value, sent_at=now,
                        message_id=message_id, last_error=None)

    async def mark_retry(
        self, item_id: int, attempts: int, not_before: datetime, error: str | None
    ) -> None:
        """Due again at `not_before`; `attempts` is what the retry policy counted."""
        await self._set(item_id, status=PENDING, attempts=attempts, not_before=not_before,
                        last_error=error)

    async def mark_failed(self, item_id: int, attempts: int, error: str) -> None:
        """Given up: stays visible with its last error."""
        await self._set(item_id, status=OutboxStatus.FAILED.value, attempts=attempts,
                        last_error=error)

    async def mark_unreachable(self, item_id: int, error: str) -> None:
        """The chat refuses us (403): final, unlike a failure worth retrying."""
        await self._set(item_id, status=OutboxStatus.UNREACHABLE.value, last_error=error)

    async def flag_stuck(self, older_than: datetime) -> int:
        """Claims older than the cutoff never finished: flag them, never resend."""
        result = await self.s.execute(
            update(OutboxRow)
            .where(OutboxRow.status == SENDING, OutboxRow.claimed_at < older_than)
            .values(status=OutboxStatus.STUCK.value)
            .execution_options(synchronize_session=False)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    async def purge(self, before: datetime) -> int:
        """Finished rows older than the cutoff; their dedupe keys are no longer needed."""
        finished = [OutboxStatus.SENT.value, OutboxStatus.FAILED.value,
                    OutboxStatus.UNREACHABLE.value]
        old = (select(OutboxRow.id)
               .where(OutboxRow.status.in_(finished), OutboxRow.created_at < before))
        await self.s.execute(delete(OutboxMediaRow).where(OutboxMediaRow.outbox_id.in_(old))
                             .execution_options(synchronize_session=False))
        result = await self.s.execute(
            delete(OutboxRow)
            .where(OutboxRow.status.in_(finished), OutboxRow.created_at < before)
            .execution_options(synchronize_session=False)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    async def counts(self) -> dict[OutboxStatus, int]:
        """Rows per status, for monitoring."""
        rows = await self.s.execute(
            select(OutboxRow.status, func.count()).group_by(OutboxRow.status)
        )
        return {OutboxStatus(status): int(n) for status, n in rows}

    async def by_key(self, dedupe_key: str) -> OutboxItem | None:
        """One row by its dedupe key, fresh from the database."""
        row = await self.s.scalar(
            select(OutboxRow).where(OutboxRow.dedupe_key == dedupe_key)
            .execution_options(populate_existing=True)
        )
        return to_item(row) if row else None
