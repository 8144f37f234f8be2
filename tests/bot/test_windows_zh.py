"""Windows of the flows rendered in zh and en with long and hostile values: each is a message
the Bot API accepts, has a way back, and a zh screen holds no English word that is not a name,
a unit, a command or what the user typed."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from aiogram.types import Chat, Location, Message, Update
from aiogram.types import User as TgUser

from sales.prospects import use_cases as prospecting
from sales.prospects.model import Birthday, Kind, Method, ProspectDraft
from tests.bot.conftest import ADMIN_ID, TEAM_TZ, Harness, button, buttons
from tests.bot.telegram_html import problems

# User data without Latin letters (so any Latin word left on a zh screen is ours), hostile.
NAME = "周杰<&>\u200b\u202eمرحبا😀" + "长" * 60
NOTES = ("备注<>&\"\u200d" * 700)[:3990]
# Latin words a zh screen may show: the method's terms, units, formats, codes, commands.
ALLOWED = {"MAN", "M", "A", "N", "YYYY", "MM", "DD", "CSV", "Excel", "xlsx", "UTF", "USD",
           "CNY", "EUR", "HKD", "GBP", "JPY", "SGD", "TWD", "Asia", "Shanghai", "Hong_Kong",
           "Taipei", "Singapore", "Tokyo", "Dubai", "Europe", "London", "Berlin", "America",
           "New_York", "Los_Angeles", "Paris", "IANA", "B", "C", "D", "k", "https", "t", "me",
           "xunke_test_bot", "start", "b", "i", "amp", "lt", "gt", "quot", "User",
           "North", "ID", "WeChat", "VIP", "off"}  # off: `/away off`
WORD = re.compile(r"(?<![/@\w])[A-Za-z][A-Za-z_]*")


def _latin(text: str) -> set[str]:
    """English-looking words of a text, commands (/menu) and tags left out."""
    text = re.sub(r"</?[a-z-]+>|/[a-z_]+|&[a-z]+;", " ", text)
    return {w for w in WORD.findall(text) if w not in ALLOWED}


def _check(messages: list[Message], lang: str) -> None:
    for m in messages:
        text = str(m.text)
        assert problems(text) == [], text[:300]
        if lang == "zh":
            words = _latin(text) | {w for b in buttons(m) for w in _latin(b)}
            assert words == set(), (words, text[:300])


async def _walk(h: Harness, lang: str) -> None:
    """Menu, new prospect, card (all windows), visit (all steps), search, settings, team."""
    team = await h.team()
    rep = await h.member(1, team)
    draft = ProspectDraft(Kind.INDIVIDUAL, NAME, Method.EXHIBITION, notes=NOTES,
                          birthday=Birthday(8, 15, lunar=True), address="地址" * 100)
    pid = (await h.run(lambda uow: prospecting.create(uow, rep, draft, h.clock(), TEAM_TZ))).id
    await h.run(lambda uow: prospecting.edit(uow, rep, pid, "contact_time", "9-11", h.clock(),
                                             TEAM_TZ))
    t = h.locales.get(lang)
    c = h.client(1, lang=lang)

    async def go(*keys: str) -> None:
        for key in keys:
            h.clock.advance(seconds=1)  # a person's pace: under the flood limit
            await c.click(h.window(), button(re.escape(t.raw(key).split("{")[0].strip()[:6])))

    h.clock.advance(seconds=1)
    await c.send("/menu")
    await go("menu-new-prospect")
    h.clock.advance(seconds=1)
    await c.send(NAME[:90])
    for _ in range(3):
        await go("common-skip")
    await go("newp-save")
    h.clock.advance(seconds=1)
    await c.send("/menu")
    h.clock.advance(seconds=1)
    await c.send("周杰")
    await c.click(h.window(), button("周杰"))
    for key in ("prospect-history", "common-back", "prospect-man", "common-back",
                "prospect-stage", "common-back", "prospect-edit"):
        await go(key)
    await c.click(h.window(), button(t.raw("field-birthday")))
    h.clock.advance(seconds=1)
    await c.send("/menu")
    await go("menu-visit")
    await c.click(h.window(), button("周杰"))
    await c.click(h.window(), button("✏️"))
    await go("visit-channel-call", "visit-outcome-quoted")
    h.clock.advance(seconds=1)
    await c.send("1.2万")
    h.clock.advance(seconds=1)
    await c.send(NOTES)
    await c.click(h.window(), button(re.escape("M ❔")))
    await go("visit-undo-stage", "visit-change-next", "visit-quick-tomorrow", "visit-other-time",
             "visit-no-time", "visit-next-text")
    h.clock.advance(seconds=1)
    await c.send(NOTES)
    await go("visit-save")
    assert t.raw("visit-done", name="", outcome="", day="", next="")[:4] in h.text(), h.text()
    h.clock.advance(seconds=1)
    await c.send("/menu")
    h.clock.advance(seconds=1)
    await h.dp.feed_update(h.bot, Update(update_id=7777, message=Message(  # type: ignore[union-attr]
        message_id=7777, date=datetime(2026, 11, 23), chat=Chat(id=1, type="private"),
        from_user=TgUser(id=1, is_bot=False, first_name="U", language_code=lang),
        location=Location(latitude=31.23, longitude=121.47))))
    await c.click(h.window(), button("周杰"))
    await go("visit-outcome-met", "visit-save")
    h.clock.advance(seconds=1)
    await c.send("/menu")
    await c.send("/settings")
    h.clock.advance(seconds=1)
    await c.send("/menu")
    await go("menu-mine")
    h.clock.advance(seconds=1)
    await c.send("/foo")
    admin = h.client(ADMIN_ID, lang=lang)
    await admin.send("/menu")
    await admin.click(h.window(), button(re.escape(t.raw("menu-team")[:4])))


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_windows_render_in_both_languages(h: Harness, lang: str) -> None:
    await _walk(h, lang)
    assert len(h.mm.sent_messages) > 25
    _check(h.mm.sent_messages, lang)
    for text in h.bot.texts(1):
        assert problems(text) == [], text[:300]
        if lang == "zh":
            assert _latin(text) == set(), text
