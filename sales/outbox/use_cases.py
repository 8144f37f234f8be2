"""The outbox: every push goes through a row with a unique dedupe key, sent at most once.

Flow (see `send_due`): claim due rows (`pending` -> `sending`, committed at once), deliver each
through a `Transport`, record the outcome at once (committed). A row still `sending` long after
its claim means a crash mid-send: it is flagged `stuck`, never resent (at-most-once, visible)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime, timedelta

from sales.outbox.model import (
    Moved,
    OutboxItem,
    Outcome,
    OutMessage,
    Postponed,
    Rejected,
    Sent,
    Transient,
    Unreachable,
)
from sales.outbox.ports import OutboxRepo, OutboxUow, OutboxUows, Transport
from sales.outbox.rules import KEEP_FINISHED, next_attempt, short_error, stuck_cutoff

CLAIM_BATCH = 50


async def enqueue(uow: OutboxUow, msg: OutMessage, now: datetime) -> bool:
    """Enqueue one message and commit; False when its dedupe key was already there.

    A use case with other writes calls `uow.outbox.enqueue` and commits once itself instead.
    """
    created = await uow.outbox.enqueue(msg, now)
    await uow.commit()
    return created


async def claim(uows: OutboxUows, now: datetime, limit: int = CLAIM_BATCH) -> list[OutboxItem]:
    """Claim due rows and commit before any is sent: a crash after this never resends them."""
    async with uows() as uow:
        items = await uow.outbox.claim_due(now, limit)
        await uow.commit()
    return items


async def send_due(
    uows: OutboxUows, transport: Transport, now: datetime, limit: int = CLAIM_BATCH
) -> int:
    """Claim, deliver one by one, record each outcome at once; how many were sent."""
    untried = await claim(uows, now, limit)
    sent = 0
    try:
        while untried:
            item = untried.pop(0)
            outcome = await transport.deliver(item)
            await record(uows, item, outcome, now)
            sent += isinstance(outcome, Sent)
    except asyncio.CancelledError:  # shutdown: give back the untried rows (not the one in flight)
        await release(uows, untried, now)
        raise
    return sent


async def record(uows: OutboxUows, item: OutboxItem, outcome: Outcome, now: datetime) -> None:
    """Store what happened to one delivery, in its own transaction."""
    async with uows() as uow:
        await _apply(uow, item, outcome, now)
        await uow.commit()


async def _apply(uow: OutboxUow, item: OutboxItem, outcome: Outcome, now: datetime) -> None:
    """The row (and the user, on 403) after an outcome."""
    box = uow.outbox
    match outcome:
        case Sent(message_id):
            await box.mark_sent(item.id, message_id, now)
        case Postponed(seconds, error):
            note = short_error(error) if error else item.last_error
            await box.mark_retry(item.id, item.attempts, now + timedelta(seconds=seconds), note)
        case Transient(error):
            await _retry_or_fail(box, item, short_error(error), now)
        case Unreachable(error):
            await box.mark_unreachable(item.id, short_error(error))
            if item.user_id is not None:
                await uow.users.set_bot_blocked(item.user_id, True)
        case Rejected(error):
            await box.mark_failed(item.id, item.attempts + 1, short_error(error))
        case Moved(chat_id):
            await _follow_chat(uow, item, chat_id, now)


async def _follow_chat(uow: OutboxUow, item: OutboxItem, chat_id: int, now: datetime) -> None:
    """A group turned supergroup: resend to the new id; a team's digest chat follows it."""
    await uow.outbox.move(item.id, chat_id, now)
    team = await uow.teams.by_chat(item.chat_id)
    if team is not None:
        await uow.teams.set_digest_chat(team.id, chat_id)


async def _retry_or_fail(box: OutboxRepo, item: OutboxItem, error: str, now: datetime) -> None:
    """Back off, or give up after MAX_ATTEMPTS."""
    attempts = item.attempts + 1
    when = next_attempt(attempts, now)
    if when is None:
        await box.mark_failed(item.id, attempts, error)
    else:
        await box.mark_retry(item.id, attempts, when, error)


async def release(uows: OutboxUows, items: Sequence[OutboxItem], now: datetime) -> None:
    """Claimed but never tried (shutdown): back to `pending`, due now."""
    if not items:
        return
    async with uows() as uow:
        for item in items:
            await uow.outbox.mark_retry(item.id, item.attempts, now, item.last_error)
        await uow.commit()


async def flag_stuck(uows: OutboxUows, now: datetime) -> int:
    """Flag rows lost mid-send (crash, kill -9) as `stuck`; they are not resent."""
    async with uows() as uow:
        count = await uow.outbox.flag_stuck(stuck_cutoff(now))
        await uow.commit()
    return count


async def purge(uows: OutboxUows, now: datetime) -> int:
    """Keep the table small; pending, sending and stuck rows are never deleted."""
    async with uows() as uow:
        count = await uow.outbox.purge(now - KEEP_FINISHED)
        await uow.commit()
    return count
