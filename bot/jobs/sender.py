"""Sends outbox rows through the Bot API within Telegram's limits; maps errors to outcomes.

Limits (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
about 30 messages/s overall (we keep 25), 1/s per chat, 20/min per group (negative chat id).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from aiogram import Bot
from aiogram.enums import ParseMode
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramAPIError,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import (
    BufferedInputFile,
    CopyTextButton,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    Message,
)

from bot.jobs.scheduler import JobDeps
from sales.outbox import use_cases as outbox
from sales.outbox.model import (
    Button,
    Buttons,
    Moved,
    OutboxItem,
    Outcome,
    Postponed,
    Rejected,
    Sent,
    Transient,
    Unreachable,
)

log = logging.getLogger("xunke.sender")

CAPTION_MAX = 1024
MAX_INLINE_WAIT = 2.0
"""Waits longer than this (a group's minute window, a 429 pause) postpone the row instead."""


@dataclass(frozen=True)
class Limits:
    """Our share of Telegram's limits."""

    per_second: int = 25
    chat_interval: float = 1.0
    group_per_minute: int = 20


def _window_wait(times: deque[float], span: float, cap: int, now: float) -> float:
    """Seconds until one more event fits in a sliding window of `span` holding `cap`."""
    while times and times[0] <= now - span:
        times.popleft()
    return times[0] + span - now if len(times) >= cap else 0.0


class RateLimiter:
    """Sliding windows overall, per chat and per group, plus a global pause after a 429.

    `clock` (monotonic seconds) and `sleep` are injectable: tests run on a fake clock.
    """

    def __init__(
        self, limits: Limits = Limits(), *, clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.limits, self.clock, self.sleep = limits, clock, sleep
        self._all: deque[float] = deque()
        self._chats: dict[int, float] = {}
        self._groups: dict[int, deque[float]] = {}
        self._paused_until = 0.0

    def delay(self, chat_id: int) -> float:
        """Seconds before a message to `chat_id` may go out (0 = now)."""
        now, lim = self.clock(), self.limits
        waits = [
            self._paused_until - now,
            _window_wait(self._all, 1.0, lim.per_second, now),
            self._chats.get(chat_id, -lim.chat_interval) + lim.chat_interval - now,
        ]
        if chat_id < 0:
            group = self._groups.setdefault(chat_id, deque())
            waits.append(_window_wait(group, 60.0, lim.group_per_minute, now))
        return max(0.0, *waits)

    def record(self, chat_id: int) -> None:
        """Count a message as sent now."""
        now = self.clock()
        self._all.append(now)
        self._chats[chat_id] = now
        if chat_id < 0:
            self._groups.setdefault(chat_id, deque()).append(now)
        if len(self._chats) > 4096:
            self._forget(now)

    def _forget(self, now: float) -> None:
        """Drop chats that no window still constrains (keeps memory flat)."""
        self._chats = {c: t for c, t in self._chats.items() if t > now - self.limits.chat_interval}
        self._groups = {c: q for c, q in self._groups.items() if q and q[-1] > now - 60.0}

    def pause(self, seconds: float) -> None:
        """Telegram said 429: nothing goes out for `seconds`."""
        self._paused_until = max(self._paused_until, self.clock() + seconds)

    async def wait_turn(self, chat_id: int, max_wait: float = MAX_INLINE_WAIT) -> float:
        """Sleep until a send may go out and count it (0.0), or return the longer wait."""
        while (wait := self.delay(chat_id)) > 0:
            if wait > max_wait:
                return wait
            await self.sleep(wait)
        self.record(chat_id)
        return 0.0


def inline_button(b: Button) -> InlineKeyboardButton:
    """One stored button as Telegram's: a callback, a link or a text to copy (Bot API 7.11)."""
    copy = CopyTextButton(text=b.copy_text) if b.copy_text is not None else None
    return InlineKeyboardButton(text=b.text, callback_data=b.callback_data, url=b.url,
                                copy_text=copy)


def keyboard(buttons: Buttons) -> InlineKeyboardMarkup | None:
    """The row's buttons as an inline keyboard (None when it has none)."""
    if not buttons:
        return None
    return InlineKeyboardMarkup(inline_keyboard=[[inline_button(b) for b in row]
                                                 for row in buttons])


class Sender:
    """The `sales.outbox.Transport` over aiogram: HTML messages within the rate limits."""

    def __init__(
        self, bot: Bot, limiter: RateLimiter | None = None, *,
        max_wait: float = MAX_INLINE_WAIT, request_timeout: int | None = None,
    ) -> None:
        self.bot = bot
        self.limiter = limiter or RateLimiter()
        self.max_wait = max_wait
        self.request_timeout = request_timeout

    async def deliver(self, item: OutboxItem) -> Outcome:
        """One sendMessage (or one album: sendMediaGroup, caption on the first picture)."""
        wait = await self.limiter.wait_turn(item.chat_id, self.max_wait)
        if wait > 0:
            return Postponed(wait)
        for _ in item.media[1:]:  # an album counts as one message per picture
            self.limiter.record(item.chat_id)
        try:
            message = await (self._album(item) if item.media else self.bot.send_message(
                chat_id=item.chat_id, text=item.text, parse_mode=ParseMode.HTML,
                reply_markup=keyboard(item.buttons), request_timeout=self.request_timeout,
            ))
        except (TelegramAPIError, ClientDecodeError) as exc:
            return self._failure(exc)
        except Exception as exc:  # a bug: fail the row visibly, never resend blindly
            log.exception("outbox %s: unexpected error", item.id)
            return Rejected(repr(exc))
        return Sent(message.message_id)

    async def _album(self, item: OutboxItem) -> Message:
        """The pictures as one album (a single one as a photo), the text as the caption."""
        photos = [InputMediaPhoto(media=BufferedInputFile(p.data, p.name),
                                  caption=item.text[:CAPTION_MAX] if i == 0 else None,
                                  parse_mode=ParseMode.HTML if i == 0 else None)
                  for i, p in enumerate(item.media)]
        if len(photos) == 1:
            return await self.bot.send_photo(
                chat_id=item.chat_id, photo=photos[0].media, caption=photos[0].caption,
                parse_mode=ParseMode.HTML, request_timeout=self.request_timeout)
        sent = await self.bot.send_media_group(chat_id=item.chat_id, media=list(photos),
                                               request_timeout=self.request_timeout)
        return sent[0]

    def _failure(self, exc: Exception) -> Outcome:
        """429 pauses everything; 5xx/network retry; 403 is final for the chat; a migrated
        group is followed to its new id; else rejected."""
        if isinstance(exc, TelegramMigrateToChat):
            return Moved(exc.migrate_to_chat_id, str(exc))
        if isinstance(exc, TelegramRetryAfter):
            self.limiter.pause(exc.retry_after)
            return Postponed(exc.retry_after, str(exc))
        if isinstance(exc, TelegramForbiddenError):
            return Unreachable(str(exc))
        if isinstance(exc, TelegramServerError | TelegramNetworkError | ClientDecodeError):
            return Transient(str(exc))
        return Rejected(str(exc))


async def send_due(deps: JobDeps, now: datetime) -> int:
    """Scanner job: send what is due in the outbox; how many went out."""
    sent = await outbox.send_due(deps.uow_factory, deps.sender, now)
    if sent:
        log.info("outbox: %d sent", sent)
    return sent


async def flag_stuck(deps: JobDeps, now: datetime) -> int:
    """Scanner job: flag rows left `sending` by a crash (not resent: at-most-once)."""
    count = await outbox.flag_stuck(deps.uow_factory, now)
    if count:
        log.warning("outbox: %d message(s) stuck in sending after a crash; not resent", count)
    return count


async def purge_finished(deps: JobDeps, now: datetime) -> int:
    """Scanner job: drop sent/failed rows after a month."""
    return await outbox.purge(deps.uow_factory, now)
