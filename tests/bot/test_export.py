"""`/export` through the bot: a manager's team workbook read back with openpyxl (typed,
frozen headers, injection neutralised), CSV files, a rep's own data only, another team's
nothing, a bad format."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from aiogram.methods import SendDocument, SendMediaGroup
from openpyxl import load_workbook

from sales.people.model import Role, User
from sales.prospects import use_cases as prospecting
from sales.prospects.model import Kind, Method, ProspectDraft
from tests.bot.conftest import TEAM_TZ, Harness


async def add(h: Harness, owner: User, name: str, notes: str | None = None) -> None:
    draft = ProspectDraft(Kind.INDIVIDUAL, name, Method.TELEPHONE, notes=notes)
    await h.run(lambda uow: prospecting.create(uow, owner, draft, h.clock(), TEAM_TZ))


def document(h: Harness) -> bytes:
    sent = h.bot.of_type(SendDocument)
    assert len(sent) == 1
    return bytes(sent[0].document.data)


async def test_a_manager_gets_the_team_workbook(h: Harness) -> None:
    team = await h.team()
    rep = await h.member(1, team)
    mate = await h.member(2, team)
    await h.member(3, team, Role.MANAGER)
    await add(h, rep, "=cmd|' /C calc'!A0", notes="+SUM(A1:A9)")
    await add(h, mate, "Li")
    await h.client(3).send("/export")
    book = load_workbook(io.BytesIO(document(h)))
    assert book.sheetnames == ["Prospects", "Visits", "Greetings", "Referrals", "Rewards"]
    ws = book["Prospects"]
    assert ws.freeze_panes == "A2" and ws["A1"].value == "ID" and ws["B1"].value == "Name"
    rows = {r[1].value: r for r in ws.iter_rows(min_row=2)}
    assert set(rows) == {"=cmd|' /C calc'!A0", "Li"}
    risky = rows["=cmd|' /C calc'!A0"]
    assert risky[1].data_type == "s" and risky[1].quotePrefix  # text, never a formula
    notes = [c for c in risky if c.value == "+SUM(A1:A9)"]
    assert notes and notes[0].data_type == "s" and notes[0].quotePrefix
    assert isinstance(risky[0].value, int)
    added = [c.value for c in risky if isinstance(c.value, datetime)]
    assert added == [datetime(2026, 11, 23, 17, 0)]  # 09:00 UTC, in the team's zone
    assert "Team <b>North</b>: 2 prospects" in str(h.bot.of_type(SendDocument)[0].caption)


async def test_csv_files_and_a_rep_only_gets_their_own(h: Harness) -> None:
    team = await h.team()
    rep = await h.member(1, team)
    mate = await h.member(2, team)
    await add(h, rep, "@Mine")
    await add(h, mate, "Theirs")
    await h.client(1).send("/export csv")
    [group] = h.bot.of_type(SendMediaGroup)
    files = {m.media.filename: bytes(m.media.data) for m in group.media}
    assert sorted(files) == [f"xunke-{team.id}-{rep.id}-2026-11-23-{n}.csv" for n in (
        "greetings", "prospects", "referrals", "rewards", "visits")]
    prospects = next(v for k, v in files.items() if k.endswith("prospects.csv"))
    rows = list(csv.reader(io.StringIO(prospects.decode("utf-8-sig"))))
    assert [r[1] for r in rows[1:]] == ["'@Mine"]  # neutralised, and only the rep's own
    assert "Your data in <b>North</b>" in str(group.media[-1].caption)


async def test_bad_format_and_another_team_sees_nothing_of_ours(h: Harness) -> None:
    north = await h.team()
    south = await h.team("South")
    rep = await h.member(1, north)
    await add(h, rep, "Secret")
    await h.member(9, south, Role.MANAGER)
    await h.client(1).send("/export pdf")
    assert "“pdf” is not a format" in h.bot.texts(1)[-1]
    assert h.bot.of_type(SendDocument) == []
    await h.client(9).send("/export")
    book = load_workbook(io.BytesIO(document(h)))
    assert [r[1].value for r in book["Prospects"].iter_rows(min_row=2)] == []
