"""Property-based: every text step of every flow, fed arbitrary text (long, control and
zero-width characters, RTL, emoji, HTML, commands, digits), answers with something the Bot API
accepts, never the generic error, and keeps the dialog's data when it refuses."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from aiogram.types import Message
from aiogram_dialog.test_tools import BotClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.jobs.greetings import scan_greetings
from bot.jobs.referrals import scan_referrals
from bot.jobs.scheduler import JobDeps
from sales.greetings.model import CardStatus
from sales.people.model import Role
from sales.prospects import use_cases as prospecting
from sales.prospects.model import Kind, Method, ProspectDraft, Stage
from sales.referrals import use_cases as referrals
from sales.referrals.model import NameGiven, Source
from sales.uow import UnitOfWork
from tests.bot.conftest import TEAM_TZ, Harness, button
from tests.bot.telegram_html import problems
from tests.bot.test_greetings import DUE
from tests.bot.test_refusals import _dialog_data

HOSTILE = ["<b>bold", "</i>", "&amp;&", "<script>alert(1)</script>", "\u200b\u200d\ufeff",
           "\u202eevil\u202c", "مرحبا بالعالم", "שלום", "😀👨‍👩‍👧‍👦🇨🇳", "\x00\x07\x1b[31m",
           "/foo", "/menu", "1234567890" * 3, "-5", "0:05", "25:99", "农历八月十五",
           "张伟 138 1234 5678", "a\nb\r\nc\t", "{???}", "{ $name }", "' OR 1=1 --"]
TEXTS = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=60),
    st.builds(lambda s, n: (s or "长") * n, st.text(min_size=1, max_size=3),
              st.integers(1500, 5000)),
).filter(lambda s: bool(s.strip()))

Step = Callable[[Harness, BotClient], Awaitable[None]]


async def _clicks(h: Harness, c: BotClient, *labels: str) -> None:
    await c.send("/menu")
    for label in labels:
        await c.click(h.window(), button(label))


def _go(*labels: str) -> Step:
    async def go(h: Harness, c: BotClient) -> None:
        await _clicks(h, c, *labels)
    return go


def _field(name: str) -> Step:
    """The new-prospect summary (pre-filled by the quick line), then one field's edit."""
    async def go(h: Harness, c: BotClient) -> None:
        await c.send("/menu")
        await c.send("Lin 13812345678")
        await c.click(h.window(), button("New prospect: Lin"))
        await c.click(h.window(), button(name))
    return go


def _visit(*labels: str) -> Step:
    return _go("Record a visit", "周杰", *labels)


STEPS: dict[str, Step] = {
    "menu": _go(),
    "new-name": _go("New prospect"),
    "find": _go("Search"),
    "settings-timezone": _go("Settings", "Timezone"),
    "settings-time": _go("Settings", "Morning agenda"),
    **{f"field-{f}": _field(f) for f in ("Birthday", "Phone", "WeChat", "Email", "Notes",
                                         "Tags", "Best time to call", "Company")},
    "visit-pick": _go("Record a visit"),
    "visit-outcome": _visit(),
    "visit-amount": _visit("Quoted"),
    "visit-reason": _visit("Lost"),
    "visit-notes": _visit("Interested"),  # the last screen: typed text is the notes
    "visit-next-day": _visit("Interested", "Another day"),
    "visit-time": _visit("Interested", "Time"),
    "visit-next-text": _visit("Interested", "What to do then"),
}

SAY = "> "  # in a `_flow`, text sent rather than a button pressed


def _flow(command: str, *actions: str) -> Step:
    """A command, then buttons pressed (and `SAY`-prefixed text typed) in order."""
    async def go(h: Harness, c: BotClient) -> None:
        await c.send(command)
        for action in actions:
            if action.startswith(SAY):
                await c.send(action.removeprefix(SAY))
            else:
                await c.click(h.window(), button(action))
    return go


GREET_CARD = ("Monthly cards", "中秋节", "王伟")
GREET_SETTINGS = ("Monthly cards", "Team settings")
REF_ASK = ("My prospects", "周杰", "Referrals", "Ask for names", "Names given")
# Monthly cards and referrals: user 1 is a manager with a card pushed and a reward owed.


def _replanned(step: Step) -> Step:
    """The step on a card planned again (the last example may have skipped it)."""
    async def go(h: Harness, c: BotClient) -> None:
        async def planned(uow: UnitOfWork) -> None:
            for card in await uow.greetings.of_prospect(h.mailed):  # type: ignore[attr-defined]
                await uow.greetings.mark(card.id, CardStatus.PLANNED, h.clock())
            await uow.commit()
        await h.run(planned)
        await step(h, c)
    return go


MANAGER_STEPS: dict[str, Step] = {
    "greet-skip": _replanned(_flow("/menu", *GREET_CARD, "Skip")),
    "greet-edit": _flow("/menu", *GREET_CARD, "Edit text"),
    "greet-lead": _flow("/menu", *GREET_SETTINGS, "Postal lead"),
    "greet-company": _flow("/menu", *GREET_SETTINGS, "Company date"),
    "greet-tag": _flow("/menu", "Monthly cards", "Enrol a segment", "Tag"),
    "greet-man": _flow("/menu", "Monthly cards", "Enrol a segment", "MAN class"),
    "ref-name": _flow("/menu", *REF_ASK),
    "ref-phone": _flow("/menu", *REF_ASK, SAY + "Wang Wei"),
    "ref-how": _flow("/menu", *REF_ASK, SAY + "Wang Wei", "Skip"),
    "ref-policy": _flow("/referrals", "Reward policy"),
    "ref-override": _flow("/referrals", "Rewards to settle", "钱", "Change this reward"),
    "ref-contact": _flow("/referrals", "Introducers", "New introducer"),
}
STEPS.update(MANAGER_STEPS)
SEARCHES = {"menu", "find", "visit-pick"}  # typed text there is a query, not a refused value


async def _ready(h: Harness, step: str) -> None:
    """Rep 1 with one prospect 周杰 (A-class unknown), once per test; for the monthly-cards
    and referral steps a manager, with a card pushed for 王伟 and a reward owed for 钱."""
    if getattr(h, "ready", False):
        return
    manager = step in MANAGER_STEPS
    if manager:
        h.clock.now = DUE
    team = await h.team()
    rep = await h.member(1, team, Role.MANAGER if manager else Role.REP)
    draft = ProspectDraft(Kind.INDIVIDUAL, "周杰", Method.EXHIBITION)
    pid = (await h.run(lambda uow: prospecting.create(uow, rep, draft, h.clock(), TEAM_TZ))).id
    if manager:
        mail = ProspectDraft(Kind.INDIVIDUAL, "王伟", Method.DIRECT_MAIL, direct_mail=True,
                             address="上海市王伟路 8号", salutation="王总")
        h.mailed = (await h.run(  # type: ignore[attr-defined]
            lambda uow: prospecting.create(uow, rep, mail, h.clock(), TEAM_TZ))).id
        made, _ = await h.run(lambda uow: referrals.add_name(
            uow, rep, Source(prospect_id=pid), NameGiven("钱"), h.clock(), TEAM_TZ))
        await h.run(lambda uow: prospecting.set_stage(uow, rep, made, Stage.WON, h.clock()))
        deps = JobDeps(h.uows, None, h.clock, h.locales, TEAM_TZ)  # type: ignore[arg-type]
        assert await scan_greetings(deps, h.clock()) == 1
        await scan_referrals(deps, h.clock())
    h.ready = True  # type: ignore[attr-defined]


def _sent(h: Harness) -> list[str]:
    return [str(m.text) for m in h.mm.sent_messages] + h.bot.texts(1)


async def _data(h: Harness, window: Message) -> dict[str, Any] | None:
    """The dialog data behind a window with buttons (None without any)."""
    if not window.reply_markup:
        return None
    return await _dialog_data(h, window, 1)


@pytest.mark.parametrize("step", sorted(STEPS))
@settings(max_examples=6, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(text=TEXTS)
@example(text="x" * 5000)
@example(text="<b>&")
async def test_any_text_on_any_step(h: Harness, caplog: pytest.LogCaptureFixture, step: str,
                                    text: str) -> None:
    await _ready(h, step)
    h.clock.advance(seconds=11)  # past the flood limit's window: each example is a new burst
    c = h.client(1)
    await STEPS[step](h, c)
    window = h.window()
    before, count = await _data(h, window), len(_sent(h))
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        await c.send(text)
    replies = _sent(h)[count:]
    assert replies, f"no reply to {text!r} on {step}"
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert errors == []
    unexpected = h.locales.get("en")("errors-unexpected")
    for reply in replies:
        assert reply != unexpected
        assert problems(reply) == [], (step, text[:80], reply[:300])
    refused = h.text().startswith("⚠️") and step not in SEARCHES
    if refused and before is not None:  # nothing typed is lost
        assert await _data(h, h.window()) == before
