"""Importing CSV and XLSX files sent to the bot, on SQLite and PostgreSQL."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from aiogram.types import Chat, Document, Message, Update
from aiogram.types import User as TgUser
from openpyxl import Workbook

from sales.people.model import Role
from sales.prospects import use_cases as prospecting
from sales.prospects.model import Kind, Method, ProspectDraft
from tests.bot.conftest import TEAM_TZ, Harness, button, buttons

CSV = (
    "姓名,公司,手机,备注\n"
    "张伟,华为,138 1234 5678,展会\n"
    "李娜,腾讯,13987654321,\n"
    "!!!,,,no letters\n"
    "王芳,阿里,12345,bad phone\n"
    "张伟,华为,+86 138-1234-5678,same phone again\n"
)


async def _send_file(h: Harness, user_id: int, name: str, data: bytes) -> None:
    """A document message (BotClient only sends text); its bytes are served by the harness."""
    assert h.dp is not None
    file_id = f"F-{len(h.files)}"
    h.files[file_id] = data
    msg = Message(message_id=500 + len(h.files), date=datetime(2026, 11, 23),
                  chat=Chat(id=user_id, type="private"),
                  from_user=TgUser(id=user_id, is_bot=False, first_name="U", language_code="en"),
                  document=Document(file_id=file_id, file_unique_id=file_id, file_name=name,
                                    file_size=len(data)))
    await h.dp.feed_update(h.bot, Update(update_id=7000 + len(h.files), message=msg))


async def test_csv_preview_then_import_with_report(hdb: Harness) -> None:
    h = hdb
    team = await h.team()
    rep = await h.member(1, team)
    await h.client(1).send("/menu")  # a file is accepted even with a window open
    await _send_file(h, 1, "cards.csv", CSV.encode("gbk"))
    text = h.text()
    assert "Ready to create: <b>2</b>" in text and "rejected rows: 2" in text
    assert "row 4:" in text and "row 5:" in text and "张伟" in text
    assert await h.run(lambda uow: uow.prospects.of_team(team.id)) == []  # preview only
    await h.client(1).click(h.window(), button("Import 2"))
    assert any("Importing… 2/2" in str(m.text) for m in h.mm.sent_messages)
    assert "2 prospects created" in h.text() and "(rows): 6" in h.text()
    saved = await h.run(lambda uow: uow.prospects.of_team(team.id, rep.id))
    assert sorted(p.card.name for p in saved) == ["张伟", "李娜"]
    assert {p.card.method for p in saved} == {Method.EXHIBITION}
    await h.client(1).click(h.window(), button("Done"))
    assert "main menu" in h.text()  # not an empty chat: the menu is back


async def test_birthdays_are_checked_against_the_reps_local_day(h: Harness) -> None:
    """23:30 UTC on the 23rd is the 24th in Shanghai: born on the 24th is not in the future."""
    h.clock.now = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
    await h.member(1, await h.team())
    await _send_file(h, 1, "born.csv", b"Name,Birthday\nToday Born,2026-11-24\n"
                                       b"Tomorrow Born,2026-11-25\n")
    text = h.text()
    assert "Ready to create: <b>1</b>" in text and "rejected rows: 1" in text
    assert "row 3:" in text and "row 2:" not in text


async def test_xlsx_skips_team_duplicates(hdb: Harness) -> None:
    h = hdb
    team = await h.team()
    mate = await h.member(2, team)
    await h.member(1, team)
    draft = ProspectDraft(Kind.INDIVIDUAL, "Old Chen", Method.REFERRAL, phone="+8613700000000")
    await h.run(lambda uow: prospecting.create(uow, mate, draft, h.clock(), TEAM_TZ))
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["Name", "Company", "Mobile"], ["Chen", "ACME", "13700000000"],
                ["Grace Hopper", "Navy", "13600000000"]):
        sheet.append(row)
    data = io.BytesIO()
    book.save(data)
    await _send_file(h, 1, "expo.xlsx", data.getvalue())
    assert "Ready to create: <b>1</b>" in h.text() and "duplicates skipped: 1" in h.text()
    await h.client(1).click(h.window(), button("Import 1"))
    names = [p.card.name for p in await h.run(lambda uow: uow.prospects.of_team(team.id))]
    assert sorted(names) == ["Grace Hopper", "Old Chen"]


async def test_unreadable_file_and_strangers(h: Harness) -> None:
    team = await h.team()
    await h.member(1, team, Role.REP)
    await _send_file(h, 1, "photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    assert "cannot read" in h.text() or "no name or company column" in h.text()
    assert not any("Import" in b for b in buttons(h.window()))
    await _send_file(h, 9, "cards.csv", CSV.encode())
    assert h.bot.texts(9) == [h.locales.get("en")("gate-unregistered")]


async def test_large_file_shows_progress(h: Harness) -> None:
    team = await h.team()
    await h.member(1, team)
    rows = "\n".join(f"Person{i:04d} Test,Co{i},139{i:08d}" for i in range(450))
    await _send_file(h, 1, "big.csv", ("name,company,phone\n" + rows).encode())
    await h.client(1).click(h.window(), button("Import 450"))
    shown = [str(m.text) for m in h.mm.sent_messages if "Importing" in str(m.text)]
    assert shown == ["⏳ Importing… 200/450", "⏳ Importing… 400/450", "⏳ Importing… 450/450"]
    assert "450 prospects created" in h.text()
