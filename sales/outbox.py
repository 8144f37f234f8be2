"""The outbox: every push goes through a row with a unique dedupe key, sent at most once.

Flow (see `send_due`): claim due rows (`pending` -> `sending`, committed at once), deliver each
through a `Transport`, record the outcome at once (committed). A row still `sending` long after
its claim means a crash mid-send: it is flagged `stuck`, never resent (at-most-once, visible).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # sales.ports imports this module for UnitOfWork.outbox
    from sales.ports import UnitOfWork, UowFactory

MAX_ATTEMPTS = 8
BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_CAP = timedelta(hours=1)
STUCK_AFTER = timedelta(minutes=10)
KEEP_FINISHED = timedelta(days=30)  # then sent/failed rows go; scanners never look that far back
CLAIM_BATCH = 50
ERROR_MAX = 500


class OutboxStatus(StrEnum):
    """A row: pending -> sending -> sent | pending (retry) | failed | unreachable | stuck."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNREACHABLE = "unreachable"
    STUCK = "stuck"


@dataclass(frozen=True, slots=True)
class Button:
    """An inline button: exactly one of callback data or a URL."""

    text: str
    callback_data: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        """Telegram rejects a button with neither or both actions: fail when building it."""
        if (self.callback_data is None) == (self.url is None):
            raise ValueError("a button needs exactly one of callback_data or url")


Buttons = tuple[tuple[Button, ...], ...]
"""Rows of inline buttons under a message."""


@dataclass(frozen=True, slots=True)
class OutMessage:
    """A message to enqueue; `dedupe_key` (e.g. `agenda:<user>:<date>`) makes it happen once."""

    dedupe_key: str
    chat_id: int
    text: str
    kind: str
    user_id: int | None = None
    buttons: Buttons = ()
    not_before: datetime | None = None


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """A stored outbox row."""

    id: int
    dedupe_key: str
    chat_id: int
    text: str
    kind: str
    status: OutboxStatus
    attempts: int
    not_before: datetime
    created_at: datetime
    user_id: int | None = None
    buttons: Buttons = ()
    claimed_at: datetime | None = None
    sent_at: datetime | None = None
    last_error: str | None = None
    message_id: int | None = None


# ------------------------------------------------------------------ delivery outcomes


@dataclass(frozen=True, slots=True)
class Sent:
    """Telegram accepted the message."""

    message_id: int


@dataclass(frozen=True, slots=True)
class Postponed:
    """Not sent because of rate limits (ours or a 429): try again later, no attempt counted."""

    seconds: float
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Transient:
    """A 5xx, timeout or network error: retried with backoff until MAX_ATTEMPTS."""

    error: str


@dataclass(frozen=True, slots=True)
class Unreachable:
    """403: the user blocked the bot (or it left the group); retrying cannot help."""

    error: str


@dataclass(frozen=True, slots=True)
class Rejected:
    """Telegram refused the message itself (400...): a permanent failure."""

    error: str


Outcome = Sent | Postponed | Transient | Unreachable | Rejected


# ------------------------------------------------------------------ pure rules


def backoff(attempts: int) -> timedelta:
    """Wait after the `attempts`-th failure: 30 s doubling, capped at an hour."""
    if attempts < 1:
        return timedelta(0)
    return min(BACKOFF_BASE * (1 << min(attempts - 1, 20)), BACKOFF_CAP)


def next_attempt(attempts: int, now: datetime) -> datetime | None:
    """When to try again after `attempts` failures, or None once they are used up."""
    if attempts >= MAX_ATTEMPTS:
        return None
    return now + backoff(attempts)


def stuck_cutoff(now: datetime) -> datetime:
    """Rows claimed before this and still `sending` were lost to a crash."""
    return now - STUCK_AFTER


def short_error(error: str) -> str:
    """Errors are stored for people to read, not whole response bodies."""
    return error if len(error) <= ERROR_MAX else error[: ERROR_MAX - 1] + "…"


def buttons_to_json(buttons: Buttons) -> list[list[dict[str, str]]] | None:
    """Rows of `{text, callback_data}` / `{text, url}` for the JSON column; None when empty."""
    if not buttons:
        return None
    return [[_button_json(button) for button in row] for row in buttons]


def _button_json(button: Button) -> dict[str, str]:
    """One button as stored."""
    if button.url is not None:
        return {"text": button.text, "url": button.url}
    return {"text": button.text, "callback_data": str(button.callback_data)}


def buttons_from_json(data: Sequence[Sequence[dict[str, Any]]] | None) -> Buttons:
    """The stored JSON back into buttons."""
    return tuple(
        tuple(Button(b["text"], b.get("callback_data"), b.get("url")) for b in row)
        for row in data or ()
    )


# ------------------------------------------------------------------ ports


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

    async def counts(self) -> dict[OutboxStatus, int]: ...
    async def by_key(self, dedupe_key: str) -> OutboxItem | None: ...


class Transport(Protocol):
    """Delivers one claimed row (the bot layer: rate limits and the Bot API)."""

    async def deliver(self, item: OutboxItem) -> Outcome: ...


# ------------------------------------------------------------------ use cases


async def enqueue(uow: UnitOfWork, msg: OutMessage, now: datetime) -> bool:
    """Enqueue one message and commit; False when its dedupe key was already there.

    A use case with other writes calls `uow.outbox.enqueue` and commits once itself instead.
    """
    created = await uow.outbox.enqueue(msg, now)
    await uow.commit()
    return created


async def claim(uows: UowFactory, now: datetime, limit: int = CLAIM_BATCH) -> list[OutboxItem]:
    """Claim due rows and commit before any is sent: a crash after this never resends them."""
    async with uows() as uow:
        items = await uow.outbox.claim_due(now, limit)
        await uow.commit()
    return items


async def send_due(
    uows: UowFactory, transport: Transport, now: datetime, limit: int = CLAIM_BATCH
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


async def record(uows: UowFactory, item: OutboxItem, outcome: Outcome, now: datetime) -> None:
    """Store what happened to one delivery, in its own transaction."""
    async with uows() as uow:
        await _apply(uow, item, outcome, now)
        await uow.commit()


async def _apply(uow: UnitOfWork, item: OutboxItem, outcome: Outcome, now: datetime) -> None:
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


async def _retry_or_fail(box: OutboxRepo, item: OutboxItem, error: str, now: datetime) -> None:
    """Back off, or give up after MAX_ATTEMPTS."""
    attempts = item.attempts + 1
    when = next_attempt(attempts, now)
    if when is None:
        await box.mark_failed(item.id, attempts, error)
    else:
        await box.mark_retry(item.id, attempts, when, error)


async def release(uows: UowFactory, items: Sequence[OutboxItem], now: datetime) -> None:
    """Claimed but never tried (shutdown): back to `pending`, due now."""
    if not items:
        return
    async with uows() as uow:
        for item in items:
            await uow.outbox.mark_retry(item.id, item.attempts, now, item.last_error)
        await uow.commit()


async def flag_stuck(uows: UowFactory, now: datetime) -> int:
    """Flag rows lost mid-send (crash, kill -9) as `stuck`; they are not resent."""
    async with uows() as uow:
        count = await uow.outbox.flag_stuck(stuck_cutoff(now))
        await uow.commit()
    return count


async def purge(uows: UowFactory, now: datetime) -> int:
    """Keep the table small; pending, sending and stuck rows are never deleted."""
    async with uows() as uow:
        count = await uow.outbox.purge(now - KEEP_FINISHED)
        await uow.commit()
    return count
