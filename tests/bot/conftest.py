"""A real Dispatcher with every router and dialog, over a real SQLite database."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest
from aiogram import Dispatcher
from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage
from aiogram.types import Message, Update
from aiogram.types import User as TgUser
from aiogram_dialog.test_tools import BotClient, MockMessageManager
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import DefaultsSection
from bot.factory import create_dispatcher
from bot.i18n import Locales
from sales.people import use_cases as teams
from sales.people.model import Invite, NewTeam, Role, Team, User
from sales.uow import UnitOfWork
from storage.db import session_factory
from storage.fsm import DbStorage
from storage.uow import uow_factory
from tests.dbutil import DB_KINDS, database
from tests.fakes import FixedClock, RecordingBot

T = TypeVar("T")
ADMIN_ID = 900
TEAM_TZ = "Asia/Shanghai"  # the zone of `Harness.team()`, so of its members


@dataclass
class Harness:
    """Everything a dialog test touches; `restart()` builds a new dispatcher on the same DB."""

    engine: AsyncEngine
    locales: Locales
    clock: FixedClock
    bot: RecordingBot = field(default_factory=RecordingBot)
    mm: MockMessageManager = field(default_factory=MockMessageManager)
    dp: Dispatcher | None = None
    files: dict[str, bytes] = field(default_factory=dict)
    fsm: Callable[[], tuple[BaseStorage, BaseEventIsolation | None]] | None = None
    updates: int = 0  # update ids of messages fed directly (photos, locations)

    def __post_init__(self) -> None:
        self.uows = uow_factory(session_factory(self.engine))
        self.restart()

    def restart(self) -> None:
        """A fresh Dispatcher and FSM storage object, as after a process restart."""
        storage, isolation = (self.fsm() if self.fsm
                              else (DbStorage(self.engine, clock=self.clock), None))
        self.dp = create_dispatcher(
            storage=storage, events_isolation=isolation, uow_factory=self.uows,
            locales=self.locales,
            clock=self.clock, defaults=DefaultsSection(), bot_username="xunke_test_bot",
            admin_ids=(ADMIN_ID,), message_manager=self.mm, fetch_file=self._fetch,
            monotonic=lambda: self.clock.now.timestamp(),  # the flood limit on the fake clock too
        )

    async def _fetch(self, _bot: object, file_id: str) -> bytes:
        """Files 'uploaded' by tests, by file id (the Bot API's download in production)."""
        return self.files[file_id]

    def client(self, user_id: int, *, lang: str | None = "en", chat_id: int | None = None,
               chat_type: str = "private", name: str | None = None) -> BotClient:
        assert self.dp is not None
        client = BotClient(self.dp, user_id=user_id, chat_id=chat_id or user_id,
                           chat_type=chat_type, bot=self.bot)
        client.user = TgUser(id=user_id, is_bot=False, first_name=name or f"User{user_id}",
                             language_code=lang)
        return client

    async def run(self, use_case: Callable[[UnitOfWork], Awaitable[T]]) -> T:
        async with self.uows() as uow:
            return await use_case(uow)

    async def team(self, name: str = "North") -> Team:
        return await self.run(lambda uow: teams.create_team(
            uow, None, NewTeam(name, TEAM_TZ, "CN", "zh"), self.clock()))

    async def invite(self, team: Team, role: Role = Role.REP, days: int = 7) -> Invite:
        return await self.run(lambda uow: teams.create_invite(
            uow, None, team.id, role, self.clock(), days))

    async def member(self, tg_id: int, team: Team, role: Role = Role.REP) -> User:
        invite = await self.invite(team, role)
        return await self.run(lambda uow: teams.accept_invite(
            uow, invite.token, tg_id, f"User{tg_id}", self.clock()))

    def window(self) -> Message:
        """The last dialog window shown."""
        return self.mm.last_message()

    def text(self) -> str:
        return str(self.window().text)


def button(part: str) -> InlineButtonTextLocator:
    """The button whose label contains `part` (the locator matches whole labels)."""
    return InlineButtonTextLocator(f".*{part}.*")


def buttons(message: Message) -> list[str]:
    """All button labels of a window, to assert what a person may see."""
    markup: Any = message.reply_markup
    return [b.text for row in (markup.inline_keyboard if markup else []) for b in row]


@pytest.fixture
async def h(sqlite_engine: AsyncEngine, locales: Locales, clock: FixedClock
            ) -> AsyncIterator[Harness]:
    yield Harness(sqlite_engine, locales, clock)


@pytest.fixture(params=DB_KINDS)
async def hdb(request: pytest.FixtureRequest, tmp_path: Path, locales: Locales,
              clock: FixedClock) -> AsyncIterator[Harness]:
    """The harness on SQLite and on PostgreSQL, for flows whose SQL differs most (imports)."""
    async with database(request.param, tmp_path) as engine:
        yield Harness(engine, locales, clock)


class Actions:
    """A person's actions in a flow, counted: each tap and each sent message (text, photo,
    location) is one, so a test can assert how many a flow takes."""

    def __init__(self, h: Harness, client: BotClient, pace: float = 2) -> None:
        self.h, self.c, self.pace, self.n = h, client, pace, 0

    async def click(self, label: str) -> None:
        self.n += 1
        self.h.clock.advance(seconds=self.pace)  # a person's pace: the flood limit never trips
        await self.c.click(self.h.window(), button(label))

    async def send(self, text: str) -> None:
        self.n += 1
        self.h.clock.advance(seconds=self.pace)
        await self.c.send(text)

    async def feed(self, message: Message) -> None:
        """A message BotClient cannot build (a photo, a location), fed to the dispatcher."""
        assert self.h.dp is not None
        self.n += 1
        self.h.clock.advance(seconds=self.pace)
        self.h.updates += 1
        await self.h.dp.feed_update(self.h.bot, Update(update_id=90_000 + self.h.updates,
                                                       message=message))
