"""Test doubles that are not mocks of our own code: a bot that records, a clock that is fixed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from aiogram.methods import SendMessage, TelegramMethod
from aiogram.types import Chat, Message
from aiogram_dialog.test_tools.bot_client import FakeBot

SENT_AT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # the date of every message "sent"; never read


class RecordingBot(FakeBot):
    """Accepts every Bot API call and keeps it; sendMessage returns a plausible Message."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[TelegramMethod[Any]] = []
        self._next_id = 10_000

    async def __call__(self, method: TelegramMethod[Any], request_timeout: int | None = None
                       ) -> Any:
        self.calls.append(method)
        if isinstance(method, SendMessage):
            self._next_id += 1
            return Message(message_id=self._next_id, date=SENT_AT,
                           chat=Chat(id=int(method.chat_id), type="private"), text=method.text)
        return True

    def texts(self, chat_id: int | None = None) -> list[str]:
        """Texts of the plain messages sent (not dialog windows), optionally to one chat."""
        return [str(m.text) for m in self.calls if isinstance(m, SendMessage)
                and (chat_id is None or int(m.chat_id) == chat_id)]

    def of_type(self, kind: type[TelegramMethod[Any]]) -> list[Any]:
        return [m for m in self.calls if isinstance(m, kind)]

    def clear(self) -> None:
        self.calls.clear()


@dataclass
class FixedClock:
    """A clock tests move by hand."""

    now: datetime = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)
