"""Outbox rows, buttons, messages and delivery outcomes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class OutboxStatus(StrEnum):
    """A row: pending -> sending -> sent | pending (retry) | failed | unreachable | stuck."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNREACHABLE = "unreachable"
    STUCK = "stuck"


COPY_TEXT_MAX = 256
"""Telegram copies at most this many characters with a copy-text button."""


@dataclass(frozen=True, slots=True)
class Button:
    """An inline button: exactly one of callback data, a URL or a text to copy."""

    text: str
    callback_data: str | None = None
    url: str | None = None
    copy_text: str | None = None

    def __post_init__(self) -> None:
        """Telegram rejects a button with no action, two, or a long copy text: fail here."""
        actions = (self.callback_data, self.url, self.copy_text)
        if sum(action is not None for action in actions) != 1:
            raise ValueError("a button needs exactly one of callback_data, url or copy_text")
        if self.copy_text is not None and not 1 <= len(self.copy_text) <= COPY_TEXT_MAX:
            raise ValueError(f"copy_text must have 1 to {COPY_TEXT_MAX} characters")


Buttons = tuple[tuple[Button, ...], ...]


"""Rows of inline buttons under a message."""


@dataclass(frozen=True, slots=True)
class Photo:
    """One picture of an album (sendMediaGroup): a file name and its PNG bytes."""

    name: str
    data: bytes


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
    media: tuple[Photo, ...] = ()
    """An album: sent as one media group with `text` as the caption (no buttons)."""


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
    media: tuple[Photo, ...] = ()


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


@dataclass(frozen=True, slots=True)
class Moved:
    """The group became a supergroup: send again to its new chat id (and follow it)."""

    chat_id: int
    error: str


Outcome = Sent | Postponed | Transient | Unreachable | Rejected | Moved
