"""What one update costs: a dialog step that writes (saving a new prospect) against a bare
aiogram echo handler, both fed through a real Dispatcher with no network, in the same run."""

from __future__ import annotations

import asyncio
import random
import statistics
import string
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aiogram import Dispatcher, Router
from aiogram.methods import SendMessage, TelegramMethod
from aiogram.types import Chat, Message
from aiogram.types import User as TgUser
from aiogram_dialog.test_tools import BotClient, MockMessageManager
from aiogram_dialog.test_tools.bot_client import FakeBot
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator
from sqlalchemy.ext.asyncio import AsyncEngine

from bench.results import Report
from bot.config import DefaultsSection
from bot.factory import create_dispatcher
from bot.i18n import Locales
from sales.people import use_cases as teams
from sales.people.model import NewTeam, Role
from sales.uow import UowFactory
from storage.db import create_engine, session_factory
from storage.fsm import DbStorage
from storage.migrate import upgrade
from storage.uow import uow_factory

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TARGET_RATIO = 5.0


class QuietBot(FakeBot):
    """Answers every Bot API call locally and at once (sendMessage: one prepared Message)."""

    def __init__(self) -> None:
        super().__init__()
        self.sent = Message(message_id=1, date=NOW, text="", chat=Chat(id=1, type="private"))

    async def __call__(self, method: TelegramMethod[Any], request_timeout: int | None = None
                       ) -> Any:
        return self.sent if isinstance(method, SendMessage) else True


def client(dp: Dispatcher, bot: QuietBot, user_id: int) -> BotClient:
    """A private chat with one user who writes in English."""
    found = BotClient(dp, user_id=user_id, chat_id=user_id, bot=bot)
    found.user = TgUser(id=user_id, is_bot=False, first_name=f"U{user_id}", language_code="en")
    return found


async def timed(samples: list[float], step: Callable[[], Awaitable[object]]) -> None:
    """Append the wall time of one update in ms."""
    start = time.perf_counter()
    await step()
    samples.append((time.perf_counter() - start) * 1000)


def echo_dispatcher() -> Dispatcher:
    """A bare Dispatcher whose one handler answers with the text it got."""
    router = Router()

    @router.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    dp = Dispatcher()
    dp.include_router(router)
    return dp


async def team_of(folder: Path, users: int) -> tuple[AsyncEngine, UowFactory]:
    """A migrated SQLite database with one team of `users` reps (telegram ids from 20000)."""
    engine = create_engine(f"sqlite+aiosqlite:///{folder / 'steps.db'}")
    await upgrade(engine)
    uows = uow_factory(session_factory(engine))
    async with uows() as uow:
        team = await teams.create_team(uow, None, NewTeam("S", "Asia/Shanghai", "CN", "zh"), NOW)
    for user in range(users):
        async with uows() as uow:
            invite = await teams.create_invite(uow, None, team.id, Role.REP, NOW)
        async with uows() as uow:
            await teams.accept_invite(uow, invite.token, 20_000 + user, f"R{user}", NOW)
    return engine, uows


async def steps_ms(folder: Path, users: int) -> dict[str, float]:
    """Median cost per update of the new-prospect flow (menu, form, name, save) and of the
    echo, taken in turns so both see the same load of the machine."""
    engine, uows = await team_of(folder, users)
    mm, bot = MockMessageManager(), QuietBot()
    dp = create_dispatcher(
        storage=DbStorage(engine, clock=lambda: NOW), uow_factory=uows, locales=Locales(),
        clock=lambda: NOW, defaults=DefaultsSection(), bot_username="bench_bot",
        message_manager=mm, monotonic=lambda: 0.0)
    echo = echo_dispatcher()
    steps: dict[str, list[float]] = {"echo": [], "menu": [], "form": [], "name": [], "save": []}
    for user in range(users):
        c, e = client(dp, bot, 20_000 + user), client(echo, bot, 20_000 + user)
        name = "".join(random.Random(user).choices(string.ascii_lowercase, k=12))
        await timed(steps["echo"], lambda e=e: e.send("hello"))
        await timed(steps["menu"], lambda c=c: c.send("/menu"))
        await timed(steps["form"], lambda c=c: c.click(mm.last_message(), button("New prospect")))
        await timed(steps["name"], lambda c=c, n=name: c.send(n))  # no duplicate screen
        await timed(steps["save"], lambda c=c: c.click(mm.last_message(), button("Save")))
        assert "Saved" in str(mm.last_message().text)
    await engine.dispose()
    return {k: statistics.median(v[users // 10:]) for k, v in steps.items()}


def button(label: str) -> InlineButtonTextLocator:
    """The button whose label contains `label`."""
    return InlineButtonTextLocator(f".*{label}.*")


async def measure(report: Report, users: int = 200) -> None:
    """The flow's steps and the echo in one run; the ratio is what the issue bounds."""
    with tempfile.TemporaryDirectory() as tmp:
        found = await steps_ms(Path(tmp), users)
    echo = found.pop("echo")
    report.add("echo_update_ms", echo, "ms")
    for step, value in found.items():
        report.add(f"flow_{step}_update_ms", value, "ms")
    report.add("flow_step_vs_echo", found["save"] / echo, "x", TARGET_RATIO)
    report.add("flow_mean_step_vs_echo", statistics.mean(found.values()) / echo, "x")


if __name__ == "__main__":
    asyncio.run(measure(Report(), 100))
