"""End to end: the real `xunke` process against the stand-in Bot API server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.demo.fakeapi import DEFAULT_TOKEN, FakeTelegram

pytestmark = pytest.mark.e2e
XUNKE = str(Path(sys.executable).with_name("xunke"))
USER = 5001


def _config(tmp_path: Path, fake: FakeTelegram) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        f'[bot]\napi_base_url = "{fake.base_url}"\nusername = "xunke_test_bot"\n'
        f'[database]\nurl = "sqlite+aiosqlite:///{tmp_path}/e2e.db"\n'
        '[logging]\nlevel = "DEBUG"\n'
    )
    return path


async def _xunke(cfg: Path, *args: str) -> str:
    """Run one CLI command to completion; its stdout."""
    proc = await asyncio.create_subprocess_exec(
        XUNKE, "--config", str(cfg), *args, stdout=asyncio.subprocess.PIPE,
        env={**os.environ, "XUNKE_BOT__TOKEN": DEFAULT_TOKEN})
    out, _ = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode == 0, out
    return out.decode()


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as server:
        yield server


async def test_invite_to_menu_then_sigterm(fake: FakeTelegram, tmp_path: Path) -> None:
    cfg = _config(tmp_path, fake)
    await _xunke(cfg, "team", "create", "North", "--language", "en")
    link = json.loads(await _xunke(cfg, "invite", "--team", "North", "--json"))["link"]
    log = (tmp_path / "bot.log").open("wb")
    proc = await asyncio.create_subprocess_exec(
        XUNKE, "--config", str(cfg), "run", stdout=log, stderr=log,
        env={**os.environ, "XUNKE_BOT__TOKEN": DEFAULT_TOKEN})
    try:
        await fake.wait_for_poll(timeout=60)
        fake.push_message(USER, "/start " + link.split("start=")[1], first_name="Li",
                          language_code="en")
        await fake.wait_for_text(USER, "Welcome, Li", timeout=20)
        menu = await fake.wait_for_text(USER, "main menu", timeout=20)
        assert "打开主菜单" in str(fake.commands)  # setMyCommands per language
        fake.push_click(USER, menu, "Settings")
        await fake.wait_for_text(USER, "Timezone: Asia/Shanghai", timeout=20)
        await _seed_due_follow_up(tmp_path / "e2e.db")
        reminder = await fake.wait_for_text(USER, "Follow up with", timeout=40)
        assert "E2E Lead" in reminder.text  # scheduler -> outbox -> sender -> Bot API
        proc.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(proc.wait(), 20) == 0
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
        log.close()
    logged = (tmp_path / "bot.log").read_text()
    assert fake.refused == [], fake.describe()  # every call the bot made is allowed by the spec
    assert "xunke stopped" in logged
    assert DEFAULT_TOKEN.split(":")[1] not in logged  # the token never reaches the log


async def _seed_due_follow_up(db: Path) -> None:
    """A follow-up whose time has just passed, written while the bot runs (shared database).

    The bot process runs on the real (in CI also the faked) clock, so this seed reads it too."""
    from datetime import UTC, datetime, timedelta

    from sales.kernel.clock import local_now
    from sales.prospects import use_cases as prospecting
    from sales.prospects.model import Kind, Method, ProspectDraft
    from sales.visits.model import NextStep
    from storage.db import create_engine, session_factory
    from storage.uow import uow_factory

    engine = create_engine(f"sqlite+aiosqlite:///{db}")
    uows = uow_factory(session_factory(engine))
    now = datetime.now(UTC)
    tz = "Asia/Shanghai"  # the config default: the team was created without --timezone
    try:
        async with uows() as uow:
            rep = await uow.users.by_telegram_id(USER)
            assert rep is not None
            p = await prospecting.create(uow, rep, ProspectDraft(
                Kind.INDIVIDUAL, "E2E Lead", Method.TELEPHONE), now, tz)
            due = now - timedelta(minutes=1)
            local = local_now(tz, due)  # the rep's day and wall time, as the bot stores
            await uow.follow_ups.add(p, rep.id, NextStep(local.date(), "call", local.time()),
                                     due, None, now)
            await uow.commit()
    finally:
        await engine.dispose()


async def test_run_without_token_fails_fast(tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[database]\nurl = "sqlite+aiosqlite:///{tmp_path}/x.db"\n')
    env = {k: v for k, v in os.environ.items() if k != "XUNKE_BOT__TOKEN"}
    proc = await asyncio.create_subprocess_exec(
        XUNKE, "--config", str(cfg), "run", stderr=asyncio.subprocess.PIPE, env=env)
    _, err = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode != 0 and b"BotFather" in err


async def test_invite_asks_telegram_for_the_username(fake: FakeTelegram, tmp_path: Path) -> None:
    cfg = tmp_path / "config.toml"
    cfg.write_text(f'[bot]\napi_base_url = "{fake.base_url}"\n'
                   f'[database]\nurl = "sqlite+aiosqlite:///{tmp_path}/x.db"\n')
    await _xunke(cfg, "team", "create", "North")
    link = json.loads(await _xunke(cfg, "invite", "--team", "North", "--json"))["link"]
    assert link.startswith("https://t.me/xunke_test_bot?start=")
    assert any(call.method.lower() == "getme" for call in fake.calls)
