"""Record-a-visit flow: quick choices, backdating limits, photo, stage and MAN prompts, scope."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from aiogram.types import Chat, Location, Message, PhotoSize, Update
from aiogram.types import User as TgUser
from aiogram_dialog.test_tools import BotClient
from aiogram_dialog.test_tools.keyboard import InlineButtonDataLocator
from aiogram_dialog.utils import CB_SEP

from sales.people import use_cases as teams
from sales.people.model import NewTeam, Role
from sales.prospects import use_cases as prospecting
from sales.prospects.man import Answer, ManAnswers
from sales.prospects.model import ContactWindow, Kind, Method, ProspectDraft, Stage
from sales.uow import UnitOfWork
from tests.bot.conftest import TEAM_TZ, Harness, button, buttons


async def _setup(h: Harness, man: ManAnswers | None = None) -> int:
    team = await h.team()
    rep = await h.member(1, team)
    draft = ProspectDraft(Kind.INDIVIDUAL, "周杰", Method.EXHIBITION, man=man or ManAnswers())
    return (await h.run(lambda uow: prospecting.create(uow, rep, draft, h.clock(), TEAM_TZ))).id


async def _start(h: Harness, channel: str, day: str) -> BotClient:
    """Menu → Record a visit → 周杰 → channel → day, as rep 1."""
    c = h.client(1)
    await c.send("/menu")
    await c.click(h.window(), button("Record a visit"))
    await c.click(h.window(), button("周杰"))
    await c.click(h.window(), button(channel))
    await c.click(h.window(), button(day))
    return c


async def _photo(h: Harness, user_id: int, caption: str) -> None:
    """A photo message (BotClient only sends text)."""
    assert h.dp is not None
    msg = Message(message_id=777, date=datetime(2026, 11, 23), chat=Chat(id=user_id,
                  type="private"), from_user=TgUser(id=user_id, is_bot=False, first_name="U",
                                                    language_code="en"),
                  photo=[PhotoSize(file_id="PHOTO-1", file_unique_id="u1", width=90, height=90)],
                  caption=caption)
    await h.dp.feed_update(h.bot, Update(update_id=9999, message=msg))


async def test_visit_from_menu_full_path(h: Harness) -> None:
    pid = await _setup(h)
    c = await _start(h, "Face to face", "Today")
    await c.click(h.window(), button("Quoted"))
    await c.send("twelve")
    assert "is not an amount" in h.text()
    await c.send("12,000 USD")
    await _photo(h, 1, "shop front")
    assert "photo: yes" in h.text()
    await c.click(h.window(), button("Next step"))
    assert "to stage <b>Met</b>" in h.text()
    await c.click(h.window(), button("Yes"))
    for _ in range(3):  # M, A, N were all unknown
        assert "Still open in the MAN check" in h.text()
        await c.click(h.window(), button("Yes"))
    await c.click(h.window(), button("In 1 week"))
    await c.click(h.window(), button("10:00"))
    await c.send("bring the contract")
    assert "saved" in h.text() and "Next: 2026-11-30 at 10:00" in h.text()
    prospect = await h.run(lambda uow: uow.prospects.get(pid))
    assert prospect is not None and prospect.card.stage is Stage.MET
    assert prospect.card.man == ManAnswers(Answer.YES, Answer.YES, Answer.YES)
    assert prospect.last_contact_on == date(2026, 11, 23)
    visits = await h.run(lambda uow: uow.visits.of_prospect(pid))
    assert visits[0].draft.amount is not None and str(visits[0].draft.amount) == "12000.00"
    assert visits[0].draft.currency == "USD" and visits[0].draft.photo_file_id == "PHOTO-1"
    nxt = await h.run(lambda uow: uow.follow_ups.open_of(pid))
    assert nxt is not None and nxt.text == "bring the contract"
    assert nxt.due_at is not None and nxt.due_at.hour == 2  # 10:00 Shanghai = 02:00 UTC
    await c.click(h.window(), button("Open card"))
    card = h.text()
    assert "Next step: 2026-11-30 10:00 bring the contract" in card
    assert "last quote: 12000.00 USD (2026-11-23)" in card
    await c.click(h.window(), button("History"))
    assert "2026-11-23 📞 Phone call" not in h.text() and "Face to face: Quoted" in h.text()


async def test_location_stamps_a_face_to_face_visit(h: Harness) -> None:
    pid = await _setup(h)
    c = await _start(h, "Face to face", "Today")
    await c.click(h.window(), button("Meeting held"))
    assert h.dp is not None
    msg = Message(message_id=778, date=datetime(2026, 11, 23), chat=Chat(id=1, type="private"),
                  from_user=TgUser(id=1, is_bot=False, first_name="U", language_code="en"),
                  location=Location(latitude=31.2304, longitude=121.4737))
    await h.dp.feed_update(h.bot, Update(update_id=9998, message=msg))
    assert "location: yes" in h.text()
    await c.send("met the owner")
    await c.click(h.window(), button("Next step"))
    while "When is the next contact" not in h.text():
        await c.click(h.window(), button("No"))
    await c.click(h.window(), button("No next step"))
    visit = (await h.run(lambda uow: uow.visits.of_prospect(pid)))[0]
    assert (visit.draft.latitude, visit.draft.longitude) == (31.2304, 121.4737)
    assert visit.draft.notes == "met the owner"


async def test_backdating_limits_and_no_future(h: Harness) -> None:
    await _setup(h)
    c = await _start(h, "Phone call", "Other day")
    assert "today is 2026-11-23" in h.text()
    for bad, says in ((date(2026, 11, 24), "cannot be in the future"),
                      (date(2026, 8, 1), "more than 90 days ago")):
        await c.click(_forged_day(h, date(2026, 11, 23), bad), InlineButtonDataLocator(
            f".*:{_raw(bad)}"))
        assert says in h.text()
    await c.click(h.window(), InlineButtonDataLocator(f".*:{_raw(date(2026, 11, 20))}"))
    assert "How did it go" in h.text()


async def test_calendar_follows_the_injected_clock_and_language(h: Harness) -> None:
    """The month shown, the today mark and the names come from the fake clock and the user's
    language, never from the machine's date; weeks start on Monday in CN."""
    await _setup(h)
    h.clock.now = datetime(2031, 1, 31, 17, 30, tzinfo=UTC)  # already Feb 1 in Shanghai
    c = await _start(h, "Phone call", "Other day")
    labels = buttons(h.window())
    assert labels[0] == "February 2031"
    assert labels[1:8] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert "[1]" in labels and "2" not in labels  # today marked; tomorrow not offered
    await c.send("/settings")
    await c.click(h.window(), button("Language"))
    await c.click(h.window(), button("中文"))
    await c.send("/menu")
    await c.click(h.window(), button("记录拜访"))
    await c.click(h.window(), button("周杰"))
    await c.click(h.window(), button("电话"))
    await c.click(h.window(), button("其他日期"))
    labels = buttons(h.window())
    assert labels[0] == "2031年2月"
    assert labels[1:8] == ["一", "二", "三", "四", "五", "六", "日"]
    assert "[1]" in labels and "31" not in labels  # February only; January is a page back
    await c.click(h.window(), InlineButtonDataLocator(f".*:{_raw(date(2031, 2, 1))}"))
    assert "结果如何" in h.text()


async def test_calendar_week_starts_on_sunday_in_the_us(h: Harness) -> None:
    team = await h.run(lambda uow: teams.create_team(
        uow, None, NewTeam("West", "America/New_York", "US", "en"), h.clock()))
    rep = await h.member(1, team)
    draft = ProspectDraft(Kind.INDIVIDUAL, "Ann Lee", Method.EXHIBITION)
    await h.run(lambda uow: prospecting.create(uow, rep, draft, h.clock(), TEAM_TZ))
    c = h.client(1)
    await c.send("/menu")
    await c.click(h.window(), button("Record a visit"))
    await c.click(h.window(), button("Ann Lee"))
    await c.click(h.window(), button("Phone call"))
    await c.click(h.window(), button("Other day"))
    labels = buttons(h.window())
    assert labels[0] == "November 2026" and labels[1:8][0] == "Sun"


def _raw(day: date) -> int:
    """aiogram-dialog's calendar callback payload: seconds since the epoch."""
    return int((day - date(1970, 1, 1)).total_seconds())


def _forged_day(h: Harness, shown: date, wanted: date) -> Message:
    """The calendar window with one day button rewritten to a date it does not offer."""
    window = h.window()
    assert window.reply_markup is not None
    for row in window.reply_markup.inline_keyboard:
        for b in row:
            if b.callback_data and b.callback_data.endswith(f":{_raw(shown)}"):
                b.callback_data = b.callback_data.replace(str(_raw(shown)), str(_raw(wanted)))
    return window


async def test_outcome_lost_skips_amount_and_no_next_step(h: Harness) -> None:
    pid = await _setup(h, ManAnswers(Answer.NO, Answer.NO, Answer.NO))
    c = h.client(1)
    await c.send("/menu")
    await c.click(h.window(), button("Record a visit"))
    await c.send("zhou jie")
    await c.click(h.window(), button("周杰"))
    await c.click(h.window(), button("Message"))
    await c.click(h.window(), button("Yesterday"))
    await c.click(h.window(), button("Lost"))
    await c.send("too expensive")
    await c.click(h.window(), button("Next step"))
    assert "move <b>周杰</b> to stage <b>Lost</b>?" in h.text()  # the stage step, not MAN
    await c.click(h.window(), button("Yes"))
    await c.click(h.window(), button("No next step"))
    assert "saved" in h.text() and h.text().endswith("). No next step.")
    prospect = await h.run(lambda uow: uow.prospects.get(pid))
    assert prospect is not None and prospect.card.stage is Stage.LOST
    assert await h.run(lambda uow: uow.follow_ups.open_of(pid)) is None
    visits = await h.run(lambda uow: uow.visits.of_prospect(pid))
    assert visits[0].draft.lost_reason == "too expensive"
    assert visits[0].draft.happened_on == date(2026, 11, 22)


async def test_visit_from_card_and_scope(h: Harness) -> None:
    pid = await _setup(h)
    team = await h.run(lambda uow: uow.teams.by_name("North"))
    assert team is not None
    await h.member(2, team, Role.REP)
    c = h.client(1)
    await c.send("zhou")
    await c.click(h.window(), button("周杰"))
    await c.click(h.window(), button("Record visit"))
    assert "Contact with <b>周杰</b>" in h.text()
    other = h.client(2)  # a teammate cannot record on someone else's prospect
    await other.send("/menu")
    await other.click(h.window(), button("Record a visit"))
    assert not any("周杰" in b for b in buttons(h.window()))
    await other.click(_forged_pick(h, pid), InlineButtonDataLocator(f".*pick:{pid}$"))
    assert "not yours to see" in h.text() and "周杰" not in h.text()
    assert "Pick the prospect" in h.text() and "📞 Phone call" not in buttons(h.window())
    assert await h.run(lambda uow: uow.visits.of_prospect(pid)) == []


def _forged_pick(h: Harness, prospect_id: int) -> Message:
    """The pick window with its cancel button rewritten to pick an id the list does not offer."""
    window = h.window()
    assert window.reply_markup is not None
    cancel = window.reply_markup.inline_keyboard[-1][-1]
    intent, _, _ = str(cancel.callback_data).partition(CB_SEP)
    cancel.callback_data = f"{intent}{CB_SEP}pick:{prospect_id}"
    return window


async def _quick_visit(h: Harness, outcome: str, day_button: str = "Today") -> None:
    c = await _start(h, "Phone call", day_button)
    await c.click(h.window(), button(outcome))
    await c.click(h.window(), button("Next step"))
    while "When is the next contact" not in h.text():  # stage: "No"; MAN: "Don't know"
        known = any("Don't know" in b for b in buttons(h.window()))
        await c.click(h.window(), button("Don't know" if known else "No"))


async def test_suggested_default_and_density_warning(h: Harness) -> None:
    await _setup(h, ManAnswers(Answer.YES, Answer.YES, Answer.YES))  # class A
    await _quick_visit(h, "No answer", "Yesterday")
    assert "⭐" in " ".join(buttons(h.window()))  # a cadence default is offered
    await h.client(1).click(h.window(), button("Tomorrow"))
    await h.client(1).click(h.window(), button("No time"))
    await h.client(1).click(h.window(), button("Skip"))
    await _quick_visit(h, "Interested")
    await h.client(1).click(h.window(), button("Tomorrow"))
    # yesterday, today and tomorrow: too dense for anyone (not the too-soon note, also "Gently")
    assert "that would be 3 contacts within 7 days" in h.text()
    await h.client(1).click(h.window(), button("No time"))
    await h.client(1).click(h.window(), button("Skip"))
    assert "saved" in h.text()  # a warning never blocks


async def test_too_soon_warning(h: Harness) -> None:
    """Not qualified yet: tomorrow is within the 2-day minimum gap but only 2 contacts a week."""
    await _setup(h)
    await _quick_visit(h, "Interested")
    await h.client(1).click(h.window(), button("Tomorrow"))
    assert "only 1 day after the last contact" in h.text() and "at least 2 days" in h.text()
    assert "contacts within" not in h.text()


async def test_typed_time_bad_then_good(h: Harness) -> None:
    await _setup(h)
    await _quick_visit(h, "Interested")
    c = h.client(1)
    await c.click(h.window(), button("In 2 weeks"))
    await c.send("25:99")
    assert "is not a time" in h.text()
    await c.send("9:30")
    await c.click(h.window(), button("Skip"))
    assert "Next: 2026-12-07 at 09:30" in h.text()


@pytest.mark.parametrize(("choice", "due"), [
    ("Tomorrow", "2026-11-24"), ("In 3 days", "2026-11-26"), ("In 1 week", "2026-11-30"),
    ("In 2 weeks", "2026-12-07"), ("In 1 month", "2026-12-23"), ("⭐", "2026-11-25"),
])
async def test_every_quick_choice(h: Harness, choice: str, due: str) -> None:
    await _setup(h)  # no answer, not qualified yet: the cadence retries after 2 days
    await _quick_visit(h, "No answer")
    await h.client(1).click(h.window(), button(choice))
    assert f"At what time on {due}?" in h.text()


async def test_preferred_contact_time_is_offered(h: Harness) -> None:
    team = await h.team()
    rep = await h.member(1, team)
    draft = ProspectDraft(Kind.INDIVIDUAL, "周杰", Method.EXHIBITION,
                          contact_time=ContactWindow(time(14), time(16)))
    await h.run(lambda uow: prospecting.create(uow, rep, draft, h.clock(), TEAM_TZ))
    await _quick_visit(h, "Interested")
    await h.client(1).click(h.window(), button("⭐"))
    assert "⭐ 14:00" in buttons(h.window())
    await h.client(1).click(h.window(), button("09:00"))
    assert "outside their preferred time (14:00-16:00)" in h.text()


async def test_forged_prospect_id_on_pick_is_refused(h: Harness) -> None:
    pid = await _setup(h)
    team = await h.run(lambda uow: uow.teams.by_name("North"))
    assert team is not None
    mate = await h.member(2, team)
    theirs = await h.run(lambda uow: prospecting.create(
        uow, mate, ProspectDraft(Kind.INDIVIDUAL, "Secret", Method.TELEPHONE), h.clock(),
        TEAM_TZ))
    c = h.client(1)
    await c.send("/menu")
    await c.click(h.window(), button("Record a visit"))
    window = h.window()
    assert window.reply_markup is not None
    target = next(b for row in window.reply_markup.inline_keyboard for b in row
                  if b.text == "周杰")
    prefix, _, item = str(target.callback_data).rpartition(":")
    assert item == str(pid)
    target.callback_data = f"{prefix}:{theirs.id}"
    await c.click(window, InlineButtonDataLocator(target.callback_data))
    assert "not yours to see" in h.text() and "Secret" not in h.text()


async def test_recent_prospects_compare_local_days(h: Harness) -> None:
    """At 07:30 on the 24th in Shanghai (23:30 UTC on the 23rd) a card added now and one met
    today share the day, so the newer card leads; on UTC dates it would fall behind."""
    h.clock.now = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
    met = await _setup(h)

    async def touch(uow: UnitOfWork) -> None:
        await uow.prospects.touch(met, date(2026, 11, 24))
        await uow.commit()

    await h.run(touch)
    rep = await h.run(lambda uow: uow.users.by_telegram_id(1))
    assert rep is not None
    await h.run(lambda uow: prospecting.create(
        uow, rep, ProspectDraft(Kind.INDIVIDUAL, "新客", Method.TELEPHONE), h.clock(), TEAM_TZ))
    c = h.client(1)
    await c.send("/menu")
    await c.click(h.window(), button("Record a visit"))
    picks = [b for b in buttons(h.window()) if b in ("新客", "周杰")]
    assert picks == ["新客", "周杰"]
