"""Issue 9, every input handled: no English in zh screens, one lunar switch, history as the card
shows it, commands never data, files mid-flow, forged card buttons, past times, the follow-up
after MAN answers, limits where notes are typed, and a way back from every step."""

from __future__ import annotations

import logging
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_dialog.test_tools import BotClient
from aiogram_dialog.test_tools.keyboard import InlineButtonDataLocator
from aiogram_dialog.utils import CB_SEP

from bot.dialogs.newprospect.states import DRAFT
from sales.kernel.errors import Refused
from sales.people.model import User
from sales.prospects import use_cases as prospecting
from sales.prospects.events import value_of
from sales.prospects.man import Answer, ManAnswers
from sales.prospects.model import NOTES_MAX, Birthday, ContactWindow, Kind, Method, ProspectDraft
from tests.bot.conftest import TEAM_TZ, Harness, button, buttons
from tests.bot.test_refusals import _dialog_data


async def _rep(h: Harness, tg: int = 1) -> User:
    team = await h.team()
    return await h.member(tg, team)


async def _saved(h: Harness, owner: User, name: str = "Lin", **fields: Any) -> int:
    draft = ProspectDraft(Kind.INDIVIDUAL, name, Method.EXHIBITION, **fields)
    p = await h.run(lambda uow: prospecting.create(uow, owner, draft, h.clock(), TEAM_TZ))
    return p.id


async def _card(h: Harness, name: str = "Lin", lang: str = "en") -> BotClient:
    """Rep 1 finds the prospect by typing its name and opens the card."""
    c = h.client(1, lang=lang)
    await c.send(name.lower())
    await c.click(h.window(), button(name))
    return c


def _errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


# 1. Yes / no / don't know are words of the user's language, never raw values.

async def test_man_requalify_line_speaks_chinese(h: Harness) -> None:
    rep = await _rep(h)
    await _saved(h, rep)
    c = await _card(h, lang="zh")
    await c.click(h.window(), button("MAN"))
    assert "（M 不知道，A 不知道，N 不知道）" in h.text()
    assert "unknown" not in h.text()


async def test_visit_notes_line_speaks_chinese(h: Harness) -> None:
    rep = await _rep(h)
    await _saved(h, rep, "周杰")
    c = h.client(1, lang="zh")
    await c.send("/menu")
    for label in ("记录拜访", "周杰", "有兴趣"):
        await c.click(h.window(), button(label))
    assert "照片：否 · 位置：否" in h.text()


def test_translator_words_booleans_and_answers(h: Harness) -> None:
    from sales.prospects.man import Answer

    zh, en = h.locales.get("zh"), h.locales.get("en")
    assert zh("visit-ask-details", notes="", photo=True, located=False).endswith(
        "照片：是 · 位置：否")
    assert en("prospect-man-title", m=Answer.YES, a=Answer.NO, n=Answer.UNKNOWN,
              card_html="").startswith("Re-qualify: tap the new answers (M yes, A no, "
                                       "N don't know)")


# 2. One lunar switch: a tap always changes the window, the label is the switch.

async def test_lunar_switch_on_the_form_follows_the_switch(h: Harness) -> None:
    await _rep(h)
    c = h.client(1)
    await c.send("Lin 13812345678")
    await c.click(h.window(), button("New prospect: Lin"))
    await c.click(h.window(), button("Birthday"))
    before = buttons(h.window())
    assert any("Lunar calendar: off" in b for b in before)
    await c.click(h.window(), button("Lunar calendar: off"))
    assert buttons(h.window()) != before  # Telegram refuses an edit that changes nothing
    assert any("Lunar calendar: on" in b for b in buttons(h.window()))
    await c.send("08-15")
    assert "Birthday: 08-15 (lunar)" in h.text()
    await c.click(h.window(), button("Birthday"))  # the saved value is lunar, the switch is off
    assert any("Lunar calendar: off" in b for b in buttons(h.window()))
    await c.send("09-01")
    assert "Birthday: 09-01\n" in h.text()  # typed with the switch off: a solar date
    draft = await _dialog_data(h, h.window(), 1)
    assert draft[DRAFT]["birthday"]["lunar"] is False


async def test_lunar_switch_on_the_card_flips_both_ways(h: Harness) -> None:
    rep = await _rep(h)
    await _saved(h, rep, birthday=Birthday(8, 15, lunar=True))
    c = await _card(h)
    await c.click(h.window(), button("Edit"))
    await c.click(h.window(), button("Birthday"))
    await c.click(h.window(), button("Lunar calendar: off"))
    await c.click(h.window(), button("Lunar calendar: on"))
    assert any("Lunar calendar: off" in b for b in buttons(h.window()))
    await c.send("农历九月初九")  # the mark typed by hand is not doubled
    assert "Birthday: 09-09 (lunar)" in h.text()


# 3. History renders every value as the card does.

async def test_history_renders_values_as_the_card_does(h: Harness) -> None:
    rep = await _rep(h)
    pid = await _saved(h, rep, birthday=Birthday(8, 15, lunar=True))
    for field, raw in (("birthday", "1990-03-05"), ("contact_time", "9-11")):
        await h.run(lambda uow, f=field, r=raw: prospecting.edit(
            uow, rep, pid, f, r, h.clock(), TEAM_TZ))
    await h.run(lambda uow: prospecting.toggle(uow, rep, pid, "do_not_contact", h.clock()))
    c = await _card(h, lang="zh")
    await c.click(h.window(), button("历史"))
    shown = h.text()
    assert "生日 08-15（农历） → 1990-03-05" in shown
    assert "方便联系时间 - → 09:00-11:00" in shown
    assert "勿扰 否 → 是" in shown
    assert "{'" not in shown and "True" not in shown and "month" not in shown


@pytest.mark.parametrize(("field", "stored", "value"), [
    ("birthday", "{'month': 8, 'day': 15, 'year': None, 'lunar': True, 'leap': False}",
     Birthday(8, 15, None, True, False)),
    ("birthday", '{"month": 3, "day": 5, "year": 1990, "lunar": false, "leap": false}',
     Birthday(3, 5, 1990)),
    ("contact_time", "{'start': datetime.time(9, 0), 'end': datetime.time(11, 30)}",
     ContactWindow(time(9), time(11, 30))),
    ("contact_time", "09:00-11:30", ContactWindow(time(9), time(11, 30))),
    ("do_not_contact", "True", True),
    ("birthday", "garbled {", "garbled {"),
    ("phone", "+8613812345678", "+8613812345678"),
])
def test_history_values_read_back_old_and_new_rows(field: str, stored: str, value: Any) -> None:
    assert value_of(field, stored) == value


# 4. A command is never data.

@pytest.mark.parametrize("command", ["/foo", "/MENU", "/team", "/bind", "/foo bar baz"])
async def test_unknown_commands_get_a_hint_on_the_menu(h: Harness, command: str) -> None:
    await _rep(h)
    c = h.client(1)
    await c.send("/menu")
    shown = len(h.mm.sent_messages)
    await c.send(command)
    hint = h.bot.texts(1)[-1]
    assert hint.startswith(f"{command.split()[0]} is not a command I know")
    assert "/menu — Main menu" in hint and "/cancel" in hint
    assert not any("New prospect:" in b for b in buttons(h.window()))  # no search, no offer
    assert len(h.mm.sent_messages) == shown + 1 and "main menu" in h.text()  # the menu again


async def test_a_command_is_not_a_name(h: Harness, caplog: pytest.LogCaptureFixture) -> None:
    await _rep(h)
    c = h.client(1, lang="zh")
    await c.send("/menu")
    await c.click(h.window(), button("新客户"))
    step = h.window()
    before = await _dialog_data(h, step, 1)
    await c.send("/foo")
    assert h.bot.texts(1)[-1].startswith("没有 /foo 这个命令")
    assert await _dialog_data(h, h.window(), 1) == before
    assert "请发送姓名" in h.text()  # still the name step
    await c.send("张伟")
    assert "张伟" in h.text() and "电话" in h.text()
    assert _errors(caplog) == []


# 5. A file in the middle of a flow gets a hint; the flow goes on.

async def test_a_file_mid_flow_keeps_the_draft(h: Harness) -> None:
    from tests.bot.test_import import CSV, _send_file

    await _rep(h)
    c = h.client(1)
    await c.send("/menu")
    await c.click(h.window(), button("New prospect"))
    await c.send("Wang Fang")
    await c.click(h.window(), button("Skip"))  # on the method step now
    before = await _dialog_data(h, h.window(), 1)
    await _send_file(h, 1, "card.pdf", b"%PDF-1.4")
    assert "middle of something" in h.bot.texts(1)[-1]
    assert "How did you find Wang Fang" in h.text()
    assert await _dialog_data(h, h.window(), 1) == before
    await c.send("/menu")  # from the menu, a file starts an import as before
    await _send_file(h, 1, "cards.csv", CSV.encode())
    assert "Import “cards.csv”" in h.text()


# 6. A forged or stale button on a card that is not found: the usual refusal, no traceback.

async def _missing_card(h: Harness) -> tuple[BotClient, Message]:
    """Rep 1 opens a card they may not see (a pushed message's 'open' button, forged id)."""
    from bot.jobs.rhythm import ReminderCb

    await _rep(h)
    c = h.client(1)
    await c.send("/menu")
    data = ReminderCb(action="open", id=999).pack()
    menu = h.window().model_copy(update={"reply_markup": InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="open", callback_data=data)]])})
    await c.click(menu, InlineButtonDataLocator(data))
    assert "does not exist or is not yours to see" in h.text()
    return c, h.window()


@pytest.mark.parametrize("widget", ["edit", "man", "stage", "hist", "reassign", "visit",
                                    "mail", "man_money_yes", "referrals"])
async def test_forged_buttons_on_a_missing_card_are_refused(
    h: Harness, caplog: pytest.LogCaptureFixture, widget: str,
) -> None:
    c, card = await _missing_card(h)
    markup = card.reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    prefix = str(markup.inline_keyboard[0][0].callback_data).rpartition(CB_SEP)[0]
    forged = f"{prefix}{CB_SEP}{widget}"
    markup.inline_keyboard[0][0].callback_data = forged
    await c.click(card, InlineButtonDataLocator(forged))
    assert "does not exist or is not yours to see" in h.text()
    assert "went wrong" not in " ".join(h.bot.texts(1))
    assert _errors(caplog) == []


# 7. A time already past today is said, and tomorrow offered.

async def _visit_to_next_step(h: Harness, man: ManAnswers | None = None,
                              outcome: str = "Interested", then: tuple[str, ...] = ()
                              ) -> BotClient:
    """Rep 1 records a call with 周杰 today, up to the last screen (or the detail asked)."""
    rep = await _rep(h)
    await _saved(h, rep, "周杰", man=man or ManAnswers())
    c = h.client(1)
    await c.send("/menu")
    for label in ("Record a visit", "周杰", "✏️", "Phone call", outcome, *then):
        await c.click(h.window(), button(label))
    return c


async def _today_at(h: Harness, c: BotClient) -> None:
    """The next contact today, then its time step."""
    from tests.bot.test_visits import _raw

    await c.click(h.window(), button("Another day"))
    await c.click(h.window(), button("Other day"))
    await c.click(h.window(), InlineButtonDataLocator(f".*:{_raw(date(2026, 11, 23))}"))
    await c.click(h.window(), button("Time"))


async def test_a_time_already_past_today_offers_tomorrow(
    h: Harness, caplog: pytest.LogCaptureFixture,
) -> None:
    c = await _visit_to_next_step(h, ManAnswers(Answer.YES, Answer.YES, Answer.YES))
    await _today_at(h, c)
    await c.send("0:05")  # 17:00 in Shanghai already
    assert "00:05 today has already passed" in h.text() and "(2026-11-24)" in h.text()
    assert "At what time on 2026-11-23" in h.text()
    await c.click(h.window(), button("10:00"))  # a preset in the past is refused too
    assert "10:00 today has already passed" in h.text()
    await c.click(h.window(), button("Tomorrow at 10:00"))
    assert "Next: 2026-11-24 at 10:00" in h.text()
    await c.click(h.window(), button("Save"))
    assert "Next: 2026-11-24 at 10:00" in h.text()
    assert _errors(caplog) == []


async def test_a_later_time_today_is_kept(h: Harness) -> None:
    c = await _visit_to_next_step(h, ManAnswers(Answer.YES, Answer.YES, Answer.YES))
    await _today_at(h, c)
    await c.send("23:30")
    await c.click(h.window(), button("Save"))
    assert "Next: 2026-11-23 at 23:30" in h.text()


@pytest.mark.parametrize(("day", "at", "refused"), [
    (date(2026, 11, 23), time(17, 0), True), (date(2026, 11, 23), time(17, 1), False),
    (date(2026, 11, 24), time(0, 5), False), (date(2026, 11, 23), None, False),
])
def test_check_due_time(day: date, at: time | None, refused: bool) -> None:
    from sales.visits.use_cases import check_due_time

    local = datetime(2026, 11, 23, 17, 0, tzinfo=ZoneInfo(TEAM_TZ))
    if refused:
        with pytest.raises(Refused, match="visit-time-past"):
            check_due_time(day, at, local)
    else:
        check_due_time(day, at, local)


# 8. The follow-up suggested after the MAN toggles uses the answers just given.

async def test_suggestion_follows_the_man_answers_just_given(h: Harness) -> None:
    c = await _visit_to_next_step(h)
    for letter in "MAN":
        await c.click(h.window(), button(f"{letter} ❔"))
    assert "top priority" in h.text() and "finish the MAN check" not in h.text()
    await c.click(h.window(), button("Another day"))
    suggested = [b for b in buttons(h.window()) if "⭐" in b]
    assert suggested and "top priority" in suggested[0] and "MAN" not in suggested[0]


# 9. Notes checked where typed, with the limit; a way back from every step.

async def test_visit_notes_refused_where_typed_and_kept(h: Harness) -> None:
    c = await _visit_to_next_step(h)  # on the last screen now
    await c.send("n" * (NOTES_MAX + 1))
    assert f"at most {NOTES_MAX:,} characters" in h.text() and "Optional: type notes" in h.text()
    await c.send("met the owner")
    assert "Notes: met the owner" in h.text()
    await c.click(h.window(), button("Back"))  # the outcome again; the notes are kept
    assert "How did it go" in h.text()
    await c.click(h.window(), button("Interested"))
    assert "Notes: met the owner" in h.text()
    await c.click(h.window(), button("Another day"))
    await c.click(h.window(), button("Back"))
    await c.click(h.window(), button("Time"))
    await c.click(h.window(), button("Back"))
    await c.click(h.window(), button("What to do then"))
    await c.click(h.window(), button("Back"))
    await c.click(h.window(), button("Save"))
    visits = await h.run(lambda uow: uow.visits.of_prospect(1))
    assert visits[0].draft.notes == "met the owner"


async def test_lost_reason_and_next_text_limits(h: Harness) -> None:
    c = await _visit_to_next_step(h, None, "Lost")
    assert "Why was it lost" in h.text()
    await c.send("r" * (NOTES_MAX + 1))
    assert f"at most {NOTES_MAX:,} characters" in h.text() and "Why was it lost" in h.text()
    await c.send("price")
    await c.click(h.window(), button("Back"))  # from the last screen: the reason asked
    assert "Why was it lost" in h.text()
    await c.send("price")
    await c.click(h.window(), button("What to do then"))
    await c.send("t" * (NOTES_MAX + 1))
    assert f"at most {NOTES_MAX:,} characters" in h.text() and "What will you do then" in h.text()
    await c.send("call back")
    await c.click(h.window(), button("Save"))
    visit = (await h.run(lambda uow: uow.visits.of_prospect(1)))[0]
    assert visit.draft.lost_reason == "price"
    follow_up = await h.run(lambda uow: uow.follow_ups.open_of(1))
    assert follow_up is not None and follow_up.text == "call back"


async def test_forged_visit_buttons_are_refused(h: Harness, caplog: pytest.LogCaptureFixture
                                                ) -> None:
    """A MAN letter already known, a time with no next step, an outcome that does not exist."""
    c = await _visit_to_next_step(h, ManAnswers(Answer.YES, Answer.UNKNOWN, Answer.UNKNOWN))
    window = h.window()
    assert window.reply_markup is not None
    toggle = next(b for row in window.reply_markup.inline_keyboard for b in row
                  if b.text.startswith("A "))
    prefix = str(toggle.callback_data).rpartition(":")[0]
    toggle.callback_data = f"{prefix}:M"
    await c.click(window, InlineButtonDataLocator(toggle.callback_data))
    assert "Please use the buttons below" in h.text()
    assert not any(b.startswith("M ") for b in buttons(h.window()))  # M is known: no toggle
    await c.click(h.window(), button("Save"))
    prospect = await h.run(lambda uow: uow.prospects.get(1))
    assert prospect is not None and prospect.card.man.money is Answer.YES
    assert _errors(caplog) == []
