"""`xunke referrals --team T [--json]` on a throwaway SQLite database."""

from __future__ import annotations

import asyncio
import json
from decimal import Decimal
from pathlib import Path

from bot.cli import _in_db
from bot.config import load_settings
from sales.people import use_cases as teams
from sales.prospects import use_cases as prospecting
from sales.prospects.model import Kind, Method, ProspectDraft, Stage
from sales.referrals import use_cases as referrals
from sales.referrals.model import NameGiven, Source
from sales.uow import UnitOfWork
from sales.visits import use_cases as visits
from sales.visits.model import Channel, Outcome, VisitDraft
from tests.unit.test_cli import NOW, SH, cfg, xunke

__all__ = ["cfg"]


def _seed(cfg: Path) -> None:
    """A customer who gave two names (one won for 8000 CNY), and a cold-canvass prospect."""
    assert xunke(cfg, "team", "create", "North")[0] == 0
    token = json.loads(xunke(cfg, "invite", "--team", "North", "--json")[1])["link"]

    async def seed(uow: UnitOfWork) -> None:
        rep = await teams.accept_invite(uow, token.split("start=")[1], 77, "Rep", NOW)
        top = await prospecting.create(uow, rep, ProspectDraft(
            Kind.INDIVIDUAL, "Zhao", Method.TELEPHONE, stage=Stage.WON), NOW, SH)
        await prospecting.create(uow, rep, ProspectDraft(
            Kind.INDIVIDUAL, "Cold", Method.COLD_CANVASS), NOW, SH)
        first, _ = await referrals.add_name(uow, rep, Source(prospect_id=top.id),
                                            NameGiven("Qian"), NOW, SH)
        await referrals.add_name(uow, rep, Source(prospect_id=first), NameGiven("Sun"), NOW, SH)
        await visits.record(uow, rep, VisitDraft(first, Channel.VISIT, NOW.date(),
                                                 Outcome.QUOTED, Decimal("8000"), "CNY"),
                            NOW, SH, stage=Stage.WON)

    asyncio.run(_in_db(load_settings(cfg), seed))


def test_referrals_report(cfg: Path) -> None:
    _seed(cfg)
    code, out = xunke(cfg, "referrals", "--team", "North", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["chains"] == [{"name": "Zhao", "referred": 2, "won": 1, "depth": 2,
                               "value": {"CNY": "8000.00"}}]
    assert [(b["name"], b["won"]) for b in data["best"]] == [("Zhao", 1), ("Qian", 0)]
    assert data["referred"] == {"method": "referred", "total": 2, "won": 1, "rate": 0.5}
    assert data["others"]["total"] == 2 and data["others"]["won"] == 1
    code, out = xunke(cfg, "referrals", "--team", "North")
    assert code == 0 and "chain Zhao: depth 2, 2 referred, 1 won 8000.00 CNY" in out
    code, out = xunke(cfg, "referrals", "--team", "Nowhere")
    assert code == 1
