"""/digest, /report, card links and the group migration through the dispatcher, on SQLite and
PostgreSQL: who gets what (a manager the team, a rep their own day, another team nothing)."""

from __future__ import annotations

import re
from datetime import datetime

from aiogram.methods import SendMediaGroup
from aiogram.types import Chat, Message, Update
from aiogram.types import User as TgUser

from tests.bot.conftest import Harness
from tests.digest_seed import DIGEST_AT, Seeded, seed

GROUP = -500
LINK = re.compile(r'<a href="https://t\.me/xunke_test_bot\?start=p_(\d+)">')


async def _setup(h: Harness, reps: int = 3) -> tuple[Seeded, Seeded]:
    """Team North (bound to GROUP) with seeded facts, and team South with one rep."""
    h.clock.now = DIGEST_AT
    north = await seed(h.uows, reps=reps)
    south = await seed(h.uows, reps=1, name="South", tg_base=5000)
    async with h.uows() as uow:
        await uow.teams.set_digest_chat(north.team.id, GROUP)
        await uow.commit()
    return north, south


async def test_a_manager_gets_the_team_with_card_links_in_private(hdb: Harness) -> None:
    north, _ = await _setup(hdb)
    await hdb.client(north.manager.telegram_id).send("/digest")
    [text] = hdb.bot.texts(north.manager.telegram_id)  # one message: a small team
    assert "North" in text and "daily digest 2026-11-23" in text
    assert all(f"👤 <b>Rep0{i} &lt;b&gt;&amp;</b>" in text for i in range(3))
    assert "大单 &amp; Co</a> quoted 250,000 CNY" in text  # escaped, and tappable
    linked = {int(i) for i in LINK.findall(text)}
    async with hdb.uows() as uow:
        own = {p.id for p in await uow.prospects.of_team(north.team.id)}
    assert linked and linked <= own


async def test_a_rep_gets_only_their_own_day(hdb: Harness) -> None:
    north, _ = await _setup(hdb)
    rep = north.reps[1]
    await hdb.client(rep.telegram_id).send("/digest 2026-11-23")
    [text] = hdb.bot.texts(rep.telegram_id)
    assert "your day 2026-11-23" in text and "Rep01" in text
    assert "Rep00" not in text and "Rep02" not in text and "<b>Team</b>" not in text
    assert LINK.search(text) is None


async def test_in_the_group_members_get_an_answer_and_others_nothing(hdb: Harness) -> None:
    north, south = await _setup(hdb)
    await hdb.client(north.manager.telegram_id, chat_id=GROUP, chat_type="group"
                     ).send("/digest 2026-11-22")
    await hdb.client(south.reps[0].telegram_id, chat_id=GROUP, chat_type="group"
                     ).send("/digest")
    await hdb.client(north.reps[0].telegram_id, chat_id=GROUP, chat_type="group"
                     ).send("/digest")
    team_text, rep_text = hdb.bot.texts(GROUP)  # nothing for the other team's rep
    assert "daily digest 2026-11-22" in team_text and LINK.search(team_text) is None
    assert "your day 2026-11-23" in rep_text and "Rep01" not in rep_text


async def test_bad_and_future_dates_are_refused(hdb: Harness) -> None:
    north, _ = await _setup(hdb)
    c = hdb.client(north.manager.telegram_id)
    await c.send("/digest tomorrow")
    await c.send("/digest 2026-11-24")
    assert hdb.bot.texts(north.manager.telegram_id) == [
        "“tomorrow” is not a date: send /digest or /digest YYYY-MM-DD.",
        "2026-11-24 has not happened yet."]


async def test_a_card_link_opens_the_card_only_in_scope(hdb: Harness) -> None:
    north, south = await _setup(hdb)
    async with hdb.uows() as uow:
        big = next(p for p in await uow.prospects.of_team(north.team.id)
                   if p.card.name == "大单 & Co")
    await hdb.client(north.manager.telegram_id).send(f"/start p_{big.id}")
    assert "大单 &amp; Co" in hdb.text()
    await hdb.client(south.reps[0].telegram_id).send(f"/start p_{big.id}")
    assert "大单" not in hdb.text() and "not yours to see" in hdb.text()
    await hdb.client(777).send(f"/start p_{big.id}")  # a stranger: the gate's sentence
    assert "大单" not in hdb.bot.texts(777)[-1]


async def test_the_group_becoming_a_supergroup_moves_the_digest(hdb: Harness) -> None:
    north, _ = await _setup(hdb)
    service = Message(message_id=9, date=datetime(2026, 11, 23), chat=Chat(id=GROUP,
                      type="group"), from_user=TgUser(id=4242, is_bot=False, first_name="X"),
                      migrate_to_chat_id=-100_777)
    assert hdb.dp is not None
    await hdb.dp.feed_update(hdb.bot, Update(update_id=1, message=service))
    async with hdb.uows() as uow:
        team = await uow.teams.get(north.team.id)
    assert team is not None and team.digest_chat_id == -100_777


async def test_report_album_for_managers_only(hdb: Harness) -> None:
    north, _ = await _setup(hdb)
    await hdb.client(north.reps[0].telegram_id).send("/report")
    assert hdb.bot.texts(north.reps[0].telegram_id) == [
        "This digest is for the team's managers."]
    await hdb.client(north.manager.telegram_id).send("/report")
    [album] = hdb.bot.of_type(SendMediaGroup)
    assert album.chat_id == north.manager.telegram_id and len(album.media) == 5
    assert "North" in album.media[0].caption and "2026-11-17" in album.media[0].caption
