"""Windows of the flows rendered in zh and en with long and hostile values: each is a message
the Bot API accepts, has a way back, and a zh screen holds no English word that is not a name,
a unit, a command or what the user typed."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from aiogram.types import Chat, Location, Message, Update
from aiogram.types import User as TgUser
from sqlalchemy import select

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
           "North", "ID", "WeChat", "VIP", "off", "XLSX", "PDF"}  # off: `/away off`
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


async def _monthly_cards_setup(h: Harness) -> None:
    """Manager 1 with a postal and a message greeting pushed, and a reward owed, all for
    prospects with hostile names, salutations and addresses."""
    from bot.jobs.greetings import scan_greetings
    from bot.jobs.referrals import scan_referrals
    from bot.jobs.scheduler import JobDeps
    from sales.people.model import Role
    from sales.prospects.model import GreetingChannel, Stage
    from sales.referrals import use_cases as referrals
    from sales.referrals.model import NameGiven, Source
    from tests.bot.test_greetings import DUE

    h.clock.now = day = DUE + timedelta(days=6)  # the message card's reminder day too
    team = await h.team()
    boss = await h.member(1, team, Role.MANAGER)
    drafts = [ProspectDraft(Kind.INDIVIDUAL, NAME, Method.DIRECT_MAIL, direct_mail=True,
                            address="地址<b>&" * 50, salutation="<i>王总</i>&" + "长" * 40,
                            tags=("贵宾",)),
              ProspectDraft(Kind.INDIVIDUAL, "李娜<&>" + "长" * 80, Method.DIRECT_MAIL,
                            direct_mail=True, phone="13812345678", salutation="李<b>女士",
                            greeting_channel=GreetingChannel.MESSAGE)]
    ids = [(await h.run(lambda uow, d=d: prospecting.create(uow, boss, d, day, TEAM_TZ))).id
           for d in drafts]
    made, _ = await h.run(lambda uow: referrals.add_name(
        uow, boss, Source(prospect_id=ids[0]), NameGiven("钱<&>" + "长" * 90, how_known="邻居<b>"),
        day, TEAM_TZ))
    await h.run(lambda uow: prospecting.set_stage(uow, boss, made, Stage.WON, day))
    deps = JobDeps(h.uows, None, h.clock, h.locales, TEAM_TZ)  # type: ignore[arg-type]
    assert await scan_greetings(deps, day) == 2
    await scan_referrals(deps, day)


async def _walk_cards_and_referrals(h: Harness, lang: str) -> list[str]:
    """Every monthly-cards and referral window (the manager's too); the pushes' texts."""
    from storage.db import session_factory
    from storage.outbox.tables import OutboxRow

    await _monthly_cards_setup(h)
    t = h.locales.get(lang)
    c = h.client(1, lang=lang)

    async def go(*keys: str) -> None:
        for key in keys:
            h.clock.advance(seconds=1)
            label = t.raw(key, count=1, name="", kind="tag").split("{")[0].strip()[:6]
            await c.click(h.window(), button(re.escape(label)))

    async def say(text: str) -> None:
        h.clock.advance(seconds=1)
        await c.send(text)

    async def tap(label: str) -> None:
        h.clock.advance(seconds=1)
        await c.click(h.window(), button(re.escape(label)))

    await say("/menu")
    await go("menu-greetings")
    await tap("中秋节")
    await tap(NAME[:2])
    await go("greetings-edit")
    await say("<b>中秋快乐&" + "长" * 1000)  # over the limit: refused, said on the step
    await go("common-back", "greetings-skip", "common-back", "common-back", "common-back",
             "greetings-enrol")
    await tap(t.raw("greetings-segment", kind="tag"))
    await say("贵宾")
    await go("common-back", "common-back", "common-back", "greetings-settings",
             "greetings-lead-postal", "common-back", "greetings-months")
    await tap(t.raw("greetings-month-item", month=9, name="").strip())
    await go("common-back", "common-back", "greetings-company-add")
    await say("店庆<&> 05-18")
    await go("common-back")
    await say("/referrals")
    await go("referrals-to-rewards")
    await tap("钱")
    await go("referrals-change")
    await say("一套茶具<b>")
    await go("common-back", "common-back", "referrals-to-policy", "common-back",
             "referrals-to-contacts", "referrals-add-contact")
    await say("吴<&>" + "长" * 90)
    await go("referrals-trade-agent")
    await say("/menu")
    await go("menu-mine")
    await tap(NAME[:2])
    await go("prospect-greetings", "common-back", "prospect-referrals", "referrals-ask-button",
             "referrals-given")
    for text in ("赵<i>" + "长" * 90, "13700001111", "同事<b>&"):
        await say(text)
    await go("referrals-someone-new", "referrals-all")  # a similar name: the rep decides
    async with session_factory(h.engine)() as s:
        return [row.text for row in (await s.scalars(select(OutboxRow))).all()]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_monthly_cards_and_referral_windows_render_in_both_languages(
    h: Harness, lang: str,
) -> None:
    pushes = await _walk_cards_and_referrals(h, lang)
    assert len(h.mm.sent_messages) > 30 and len(pushes) >= 3
    _check(h.mm.sent_messages, lang)
    for text in [*pushes, *h.bot.texts(1)]:
        assert problems(text) == [], text[:300]
        if lang == "zh":
            assert _latin(text) == set(), text
