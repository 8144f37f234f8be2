"""`xunke digest --team T --date D [--send] [--json]` on a seeded SQLite database."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from sales.outbox.model import OutboxStatus
from storage.db import create_engine, session_factory
from storage.uow import uow_factory
from tests.digest_seed import DIGEST_AT, Seeded, seed
from tests.unit.test_cli import cfg as cfg  # the fixture
from tests.unit.test_cli import xunke


def _db(cfg: Path) -> str:
    return f"sqlite+aiosqlite:///{cfg.parent}/x.db"


def _seed(cfg: Path, bind: int | None) -> Seeded:
    async def run() -> Seeded:
        engine = create_engine(_db(cfg))
        uows = uow_factory(session_factory(engine))
        s = await seed(uows, reps=2)
        if bind is not None:
            async with uows() as uow:
                await uow.teams.set_digest_chat(s.team.id, bind)
                await uow.commit()
        await engine.dispose()
        return s

    return asyncio.run(run())


def _outbox(cfg: Path) -> list[tuple[str, int, OutboxStatus]]:
    async def run() -> list[tuple[str, int, OutboxStatus]]:
        engine = create_engine(_db(cfg))
        async with uow_factory(session_factory(engine))() as uow:
            counts = await uow.outbox.counts()
            item = await uow.outbox.by_key("digest:1:2026-11-23:1")
        await engine.dispose()
        assert sum(counts.values()) <= 1
        return [(item.dedupe_key, item.chat_id, item.status)] if item else []

    return asyncio.run(run())


def test_prints_the_digest_and_its_numbers(cfg: Path) -> None:
    assert xunke(cfg, "migrate")[0] == 0
    s = _seed(cfg, None)
    code, out = xunke(cfg, "digest", "--team", "North", "--date", "2026-11-23", at=DIGEST_AT)
    assert code == 0 and "daily digest 2026-11-23" in out and "Rep01" in out
    code, out = xunke(cfg, "digest", "--team", "North", "--date", "2026-11-23", "--json",
                      at=DIGEST_AT)
    data = json.loads(out)
    exp = s.expected
    assert [r["new_prospects"] for r in data["reps"]] == [exp.new[u.id] for u in s.reps]
    assert data["totals"]["contacts"] == sum(exp.contacts.values())
    assert data["conversions"] == 1 and data["queued"] == 0
    assert data["reps"][0]["referrals"] == {"asked": 1, "received": 1, "rewards_owed": 1,
                                            "rewards_overdue": 1}
    code, out = xunke(cfg, "digest", "--team", "North", "--date", "2026-11-23", "--send",
                      at=DIGEST_AT)
    assert code == 1 and "/bind" in out


def test_send_enqueues_once(cfg: Path) -> None:
    assert xunke(cfg, "migrate")[0] == 0
    _seed(cfg, -1005)
    for queued in (1, 0):
        code, out = xunke(cfg, "digest", "--team", "North", "--date", "2026-11-23", "--send",
                          at=DIGEST_AT)
        assert code == 0 and f"(queued {queued} message(s))" in out
    assert _outbox(cfg) == [("digest:1:2026-11-23:1", -1005, OutboxStatus.PENDING)]


def test_bad_input(cfg: Path) -> None:
    assert xunke(cfg, "digest", "--team", "North", "--date", "23.11.2026")[0] == 2
    code, out = xunke(cfg, "digest", "--team", "Nobody", "--date", "2026-11-23")
    assert code == 1 and "That team does not exist." in out
