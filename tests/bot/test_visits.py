"""Record-a-visit flow: action counts, defaults (today, last channel, the cadence's day, the
stage applied with an undo), every optional field, backdating limits, check-in and check-out,
scope."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from aiogram.types import Chat, Location, Message, PhotoSize, Update
from aiogram.types import User as TgUser
from aiogram_dialog.test_tools import BotClient
from aiogram_dialog.test_tools.keyboard import InlineButtonDataLocator
from aiogram_dialog.utils import CB_SEP

from sales.people import use_cases as teams
from sales.people.model import NewTeam, Role, User
from sales.prospects import use_cases as prospecting
from sales.prospects.man import Answer, ManAnswers
from sales.prospects.model import ContactWindow, Kind, Method, ProspectDraft, Stage
from sales.uow import UnitOfWork
from sales.visits import use_cases as visits
from sales.visits.model import Channel, Outcome, VisitDraft
from tests.bot.conftest import TEAM_TZ, Actions, Harness, button, buttons

MENU_MAX, CARD_MAX, CHECK_IN_MAX = 5, 3, 2  # issue 13: actions after the menu, card, Done


async def _setup(h: Harness, man: ManAnswers | None = None) -> int:
    team = await h.team()
    rep = await h.member(1, team)
    draft = ProspectDraft(Kind.INDIVIDUAL, "周杰", Method.EXHIBITION, man=man or ManAnswers())
    return (await h.run(lambda uow: prospecting.create(uow, rep, draft, h.clock(), TEAM_TZ))).id


async def _start(h: Harness, channel: str | None = None, day: str | None = None) -> BotClient:
    """Menu → Record a visit → 周杰, then the channel and the day changed if given, as rep 1."""
    c = h.client(1)
    await c.send("/menu")
    await c.click(h.window(), button("Record a visit"))
    await c.click(h.window(), button("周杰"))
    if channel:
        await c.click(h.window(), button("✏️"))  # the channel default, first of the two
        await c.click(h.window(), button(channel))
    if day:
        await c.click(h.window(), button("📅"))
        await c.click(h.window(), button(day))
    return c


def _message(user_id: int, **content: object) -> Message:
    return Message(message_id=777, date=datetime(2026, 11, 23), chat=Chat(id=user_id,
                   type="private"), from_user=TgUser(id=user_id, is_bot=False, first_name="U",
                                                     language_code="en"), **content)


def _photo(user_id: int, caption: str) -> Message:
    """A photo message (BotClient only sends text)."""
    return _message(user_id, photo=[PhotoSize(file_id="PHOTO-1", file_unique_id="u1", width=90,
                                              height=90)], caption=caption)


def _location(user_id: int, lat: float, lon: float, live: int | None = None) -> Message:
    return _message(user_id, location=Location(latitude=lat, longitude=lon, live_period=live))


async def test_visit_from_menu_in_four_actions(h: Harness) -> None:
    """Outcome and follow-up with the defaults: today, face to face (no contact yet), the
    cadence's day, the stage the outcome implies."""
    pid = await _setup(h)
    c = h.client(1)
    await c.send("/menu")
    s = Actions(h, c)
    await s.click("Record a visit")
    await s.click("周杰")
    assert "Face to face, today (2026-11-23). How did it go?" in h.text()
    await s.click("Interested")
    assert "Stage moved to <b>Qualified</b>" in h.text() and "Next: 2026-11-30" in h.text()
    await s.click("Save")
    assert s.n == 4 <= MENU_MAX
    assert "saved (Interested, 2026-11-23). Next: 2026-11-30" in h.text()
    [visit] = await h.run(lambda uow: uow.visits.of_prospect(pid))
    assert visit.draft.channel is Channel.VISIT and visit.draft.happened_on == date(2026, 11, 23)
    prospect = await h.run(lambda uow: uow.prospects.get(pid))
    assert prospect is not None and prospect.card.stage is Stage.QUALIFIED
    nxt = await h.run(lambda uow: uow.follow_ups.open_of(pid))
    assert nxt is not None and nxt.due_on == date(2026, 11, 30) and nxt.due_time is None


async def test_every_optional_field_stays_reachable(h: Harness) -> None:
    """Channel, backdated day, amount, photo, location, notes, MAN, stage undo and redo,
    another next day, its time and text: all on the way, none a step of its own."""
    pid = await _setup(h)
    c = await _start(h, "Phone call", "Yesterday")
    assert "Phone call, yesterday (2026-11-22)" in h.text()
    await c.click(h.window(), button("Quoted"))
    await c.send("twelve")
    assert "is not an amount" in h.text()
    await c.send("12,000 USD")
    assert "Quoted: 12000.00 USD" in h.text()
    s = Actions(h, c)
    await s.feed(_photo(1, "shop front"))
    await s.feed(_location(1, 31.2304, 121.4737))
    assert "photo: yes · location: yes" in h.text() and "Notes: shop front" in h.text()
    for letter in ("M", "A", "N"):  # don't know -> yes
        await c.click(h.window(), button(f"{letter} ❔"))
    assert [b for b in buttons(h.window()) if b[0] in "MAN" and b[1] == " "] == [
        "M ✅", "A ✅", "N ✅"]
    assert "Next: 2026-11-29" in h.text()  # class A after a meeting: 6 days
    await c.click(h.window(), button("Undo"))
    assert "Stage unchanged" in h.text()
    await c.click(h.window(), button("Move to Met"))
    await c.click(h.window(), button("Another day"))
    assert buttons(h.window())[0].startswith("⭐ 2026-11-29")  # the suggestion first
    await c.click(h.window(), button("In 1 week"))
    await c.click(h.window(), button("Time"))
    await c.click(h.window(), button("10:00"))
    await c.click(h.window(), button("What to do then"))
    await c.send("bring the contract")
    assert "Then: bring the contract" in h.text() and "Next: 2026-11-30 at 10:00" in h.text()
    await c.click(h.window(), button("Save"))
    assert "saved" in h.text() and "Next: 2026-11-30 at 10:00" in h.text()
    prospect = await h.run(lambda uow: uow.prospects.get(pid))
    assert prospect is not None and prospect.card.stage is Stage.MET
    assert prospect.card.man == ManAnswers(Answer.YES, Answer.YES, Answer.YES)
    assert prospect.last_contact_on == date(2026, 11, 22)
    [visit] = await h.run(lambda uow: uow.visits.of_prospect(pid))
    assert visit.draft.amount is not None and str(visit.draft.amount) == "12000.00"
    assert visit.draft.currency == "USD" and visit.draft.photo_file_id == "PHOTO-1"
    assert visit.draft.channel is Channel.CALL and visit.draft.notes == "shop front"
    assert (visit.draft.latitude, visit.draft.longitude) == (31.2304, 121.4737)
    nxt = await h.run(lambda uow: uow.follow_ups.open_of(pid))
    assert nxt is not None and nxt.text == "bring the contract"
    assert nxt.due_at is not None and nxt.due_at.hour == 2  # 10:00 Shanghai = 02:00 UTC
    await c.click(h.window(), button("Open card"))
    card = h.text()
    assert "Next step: 2026-11-30 10:00 bring the contract" in card
    assert "last quote: 12000.00 USD (2026-11-22)" in card
    await c.click(h.window(), button("History"))
    assert "Phone call: Quoted" in h.text()


async def test_quoted_from_menu_takes_five_actions(h: Harness) -> None:
    await _setup(h)
    c = h.client(1)
    await c.send("/menu")
    s = Actions(h, c)
    for label in ("Record a visit", "周杰", "Quoted"):
        await s.click(label)
    await s.send("8000")
    await s.click("Save")
    assert s.n == 5 <= MENU_MAX and "saved (Quoted a price" in h.text()


async def test_stage_undo_keeps_the_stage(h: Harness) -> None:
    pid = await _setup(h)
    await _start(h)
    s = Actions(h, h.client(1))
    await s.click("Appointment set")
    await s.click("Undo")
    assert "Stage unchanged (the outcome suggests <b>Appointment</b>)" in h.text()
    await s.click("Save")
    prospect = await h.run(lambda uow: uow.prospects.get(pid))
    assert prospect is not None and prospect.card.stage is Stage.NEW


async def test_channel_defaults_to_the_last_one_used(h: Harness) -> None:
    pid = await _setup(h)
    await _start(h, "Message")
    await h.client(1).click(h.window(), button("No answer"))
    await h.client(1).click(h.window(), button("Save"))
    await _start(h)
    assert "Contact with <b>周杰</b>: 💬 Message, today (2026-11-23)" in h.text()
    assert "💬 Message ✏️" in buttons(h.window())
    await h.client(1).click(h.window(), button("Interested"))
    await h.client(1).click(h.window(), button("Save"))
    assert [v.draft.channel for v in await h.run(lambda uow: uow.visits.of_prospect(pid))] == [
        Channel.MESSAGE, Channel.MESSAGE]


async def test_the_man_toggles_cycle_and_move_the_suggested_day(h: Harness) -> None:
    pid = await _setup(h)
    await _start(h)
    c = h.client(1)
    await c.click(h.window(), button("Interested"))
    assert "Next: 2026-11-30" in h.text()  # not qualified yet: weekly
    for label in ("M ❔", "M ✅", "M ❌"):
        await c.click(h.window(), button(label))
    assert "M ❔" in buttons(h.window())
    for label in ("M ❔", "A ❔", "N ❔"):
        await c.click(h.window(), button(label))
    assert "Next: 2026-11-27" in h.text()  # class A, qualified: 4 days
    await c.click(h.window(), button("Another day"))
    await c.click(h.window(), button("Tomorrow"))
    await c.click(h.window(), button("N ✅"))  # the rep's own day stays when MAN changes
    assert "Next: 2026-11-24" in h.text()
    await c.click(h.window(), button("Save"))
    prospect = await h.run(lambda uow: uow.prospects.get(pid))
    assert prospect is not None
    assert prospect.card.man == ManAnswers(Answer.YES, Answer.YES, Answer.NO)


async def test_no_suggestion_means_no_next_step_until_one_is_chosen(h: Harness) -> None:
    """D (not a prospect) gets no cadence day: nothing is planned unless the rep picks one."""
    pid = await _setup(h, ManAnswers(Answer.NO, Answer.NO, Answer.NO))
    await _start(h)
    c = h.client(1)
    await c.click(h.window(), button("No answer"))
    assert "No next step." in h.text() and "Time" not in " ".join(buttons(h.window()))
    await c.click(h.window(), button("Save"))
    assert await h.run(lambda uow: uow.follow_ups.open_of(pid)) is None


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
    await c.click(h.window(), button("📅"))
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
    await c.click(h.window(), button("📅"))
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


async def test_outcome_lost_with_reason_and_no_next_step(h: Harness) -> None:
    pid = await _setup(h, ManAnswers(Answer.NO, Answer.NO, Answer.NO))
    c = h.client(1)
    await c.send("/menu")
    await c.click(h.window(), button("Record a visit"))
    await c.send("zhou jie")
    await c.click(h.window(), button("周杰"))
    await c.click(h.window(), button("✏️"))
    await c.click(h.window(), button("Message"))
    await c.click(h.window(), button("📅"))
    await c.click(h.window(), button("Yesterday"))
    await c.click(h.window(), button("Lost"))
    await c.send("too expensive")
    assert "Stage moved to <b>Lost</b>" in h.text() and "Lost because: too expensive" in h.text()
    assert "MAN" not in h.text()  # all three known: no toggles
    await c.click(h.window(), button("Another day"))
    await c.click(h.window(), button("No next step"))
    await c.click(h.window(), button("Save"))
    assert "saved" in h.text() and h.text().endswith("). No next step.")
    prospect = await h.run(lambda uow: uow.prospects.get(pid))
    assert prospect is not None and prospect.card.stage is Stage.LOST
    assert await h.run(lambda uow: uow.follow_ups.open_of(pid)) is None
    visits_ = await h.run(lambda uow: uow.visits.of_prospect(pid))
    assert visits_[0].draft.lost_reason == "too expensive"
    assert visits_[0].draft.happened_on == date(2026, 11, 22)


async def test_lost_reason_may_be_skipped(h: Harness) -> None:
    pid = await _setup(h)
    await _start(h)
    s = Actions(h, h.client(1))
    await s.click("Lost")
    await s.click("Skip")
    await s.click("Save")
    assert s.n == 3
    [visit] = await h.run(lambda uow: uow.visits.of_prospect(pid))
    assert visit.draft.outcome is Outcome.LOST and visit.draft.lost_reason is None


async def test_visit_from_card_and_scope(h: Harness) -> None:
    pid = await _setup(h)
    team = await h.run(lambda uow: uow.teams.by_name("North"))
    assert team is not None
    await h.member(2, team, Role.REP)
    c = h.client(1)
    await c.send("zhou")
    await c.click(h.window(), button("周杰"))
    s = Actions(h, c)  # from the card, its own button counted
    await s.click("Record visit")
    assert "Contact with <b>周杰</b>" in h.text()
    await s.click("Meeting held")
    await s.click("Save")
    assert s.n == 3 <= CARD_MAX and "saved (Meeting held" in h.text()
    other = h.client(2)  # a teammate cannot record on someone else's prospect
    await other.send("/menu")
    await other.click(h.window(), button("Record a visit"))
    assert not any("周杰" in b for b in buttons(h.window()))
    await other.click(_forged_pick(h, pid), InlineButtonDataLocator(f".*pick:{pid}$"))
    assert "not yours to see" in h.text() and "周杰" not in h.text()
    assert "Pick the prospect" in h.text() and "How did it go" not in h.text()
    assert len(await h.run(lambda uow: uow.visits.of_prospect(pid))) == 1


def _forged_pick(h: Harness, prospect_id: int) -> Message:
    """The pick window with its cancel button rewritten to pick an id the list does not offer."""
    window = h.window()
    assert window.reply_markup is not None
    cancel = window.reply_markup.inline_keyboard[-1][-1]
    intent, _, _ = str(cancel.callback_data).partition(CB_SEP)
    cancel.callback_data = f"{intent}{CB_SEP}pick:{prospect_id}"
    return window


async def _quick_visit(h: Harness, outcome: str, day_button: str | None = None) -> None:
    """A phone call up to the last screen."""
    c = await _start(h, "Phone call", day_button)
    await c.click(h.window(), button(outcome))


async def test_suggested_default_and_density_warning(h: Harness) -> None:
    await _setup(h, ManAnswers(Answer.YES, Answer.YES, Answer.YES))  # class A
    await _quick_visit(h, "No answer", "Yesterday")
    assert "Next: 2026-11-25 ⭐ (try again soon)" in h.text()  # the cadence's day, chosen
    await h.client(1).click(h.window(), button("Save"))
    await _quick_visit(h, "Interested")
    await h.client(1).click(h.window(), button("Another day"))
    await h.client(1).click(h.window(), button("Tomorrow"))
    # yesterday, today and tomorrow: too dense for anyone (not the too-soon note, also "Gently")
    assert "that would be 3 contacts within 7 days" in h.text()
    await h.client(1).click(h.window(), button("Save"))
    assert "saved" in h.text()  # a warning never blocks


async def test_too_soon_warning(h: Harness) -> None:
    """Not qualified yet: tomorrow is within the 2-day minimum gap but only 2 contacts a week."""
    await _setup(h)
    await _quick_visit(h, "Interested")
    await h.client(1).click(h.window(), button("Another day"))
    await h.client(1).click(h.window(), button("Tomorrow"))
    assert "only 1 day after the last contact" in h.text() and "at least 2 days" in h.text()
    assert "contacts within" not in h.text()


async def test_typed_time_bad_then_good(h: Harness) -> None:
    await _setup(h)
    await _quick_visit(h, "Interested")
    c = h.client(1)
    await c.click(h.window(), button("Another day"))
    await c.click(h.window(), button("In 2 weeks"))
    await c.click(h.window(), button("Time"))
    await c.send("25:99")
    assert "is not a time" in h.text()
    await c.send("9:30")
    assert "Next: 2026-12-07 at 09:30" in h.text()
    await c.click(h.window(), button("Save"))
    assert "Next: 2026-12-07 at 09:30" in h.text()


@pytest.mark.parametrize(("choice", "due"), [
    ("Tomorrow", "2026-11-24"), ("In 3 days", "2026-11-26"), ("In 1 week", "2026-11-30"),
    ("In 2 weeks", "2026-12-07"), ("In 1 month", "2026-12-23"), ("⭐", "2026-11-25"),
])
async def test_every_quick_choice(h: Harness, choice: str, due: str) -> None:
    await _setup(h)  # no answer, not qualified yet: the cadence retries after 2 days
    await _quick_visit(h, "No answer")
    await h.client(1).click(h.window(), button("Another day"))
    await h.client(1).click(h.window(), button(choice))
    assert f"Next: {due}" in h.text()
    await h.client(1).click(h.window(), button("Time"))
    assert f"At what time on {due}?" in h.text()


async def test_preferred_contact_time_is_offered(h: Harness) -> None:
    team = await h.team()
    rep = await h.member(1, team)
    draft = ProspectDraft(Kind.INDIVIDUAL, "周杰", Method.EXHIBITION,
                          contact_time=ContactWindow(time(14), time(16)))
    await h.run(lambda uow: prospecting.create(uow, rep, draft, h.clock(), TEAM_TZ))
    await _quick_visit(h, "Interested")
    await h.client(1).click(h.window(), button("Time"))
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


async def _stamped(h: Harness, rep: User, name: str, lat: float, lon: float) -> int:
    """A prospect of `rep` with a past face-to-face visit stamped at (lat, lon)."""
    draft = ProspectDraft(Kind.INDIVIDUAL, name, Method.COLD_CANVASS)
    p = await h.run(lambda uow: prospecting.create(uow, rep, draft, h.clock(), TEAM_TZ))
    visit = VisitDraft(p.id, Channel.VISIT, date(2026, 11, 20), Outcome.MET, latitude=lat,
                       longitude=lon)
    await h.run(lambda uow: visits.record(uow, rep, visit, h.clock(), TEAM_TZ))
    return p.id


async def _rep_with_shops(h: Harness) -> tuple[User, int, int]:
    team = await h.team()
    rep = await h.member(1, team)
    near = await _stamped(h, rep, "茶叶店", 31.2305, 121.4740)   # 31 m from the rep
    far = await _stamped(h, rep, "五金店", 31.2400, 121.4737)    # 1,067 m
    return rep, near, far


async def test_check_in_in_two_actions_then_outcome_and_check_out(h: Harness) -> None:
    _, near, far = await _rep_with_shops(h)
    c = h.client(1)
    await c.send("/menu")
    s = Actions(h, c)
    await s.feed(_location(1, 31.2304, 121.4737))
    labels = buttons(h.window())
    assert labels[:2] == ["📍 茶叶店 · 31 m", "📍 五金店 · 1,067 m"], labels
    await s.click("茶叶店")
    assert s.n == 2 <= CHECK_IN_MAX
    assert "📍 Checked in at 17:00." in h.text() and "Face to face, today" in h.text()
    assert not any("✏️" in b for b in buttons(h.window()))  # the stamps are not changeable
    [checked, _old] = await h.run(lambda uow: uow.visits.of_prospect(near))
    assert checked.checked_in_at == h.clock() and checked.duration_s is None
    assert (checked.draft.latitude, checked.draft.longitude) == (31.2304, 121.4737)
    await s.click("Interested")
    await s.send("wants samples")
    await s.click("Save")
    [done, _old] = await h.run(lambda uow: uow.visits.of_prospect(near))
    assert done.id == checked.id and done.draft.outcome is Outcome.INTERESTED
    assert done.draft.notes == "wants samples" and done.checked_in_at == checked.checked_in_at
    h.clock.advance(minutes=25)
    await c.send("/menu")
    assert "🏁 Check out: 茶叶店 (since 17:00)" in buttons(h.window())
    await c.click(h.window(), button("Check out"))
    assert "Checked out of <b>茶叶店</b> after 25 minutes" in h.text()
    assert "Check out" not in " ".join(buttons(h.window()))
    [closed, _old] = await h.run(lambda uow: uow.visits.of_prospect(near))
    assert closed.duration_s is not None and 25 * 60 <= closed.duration_s < 26 * 60
    del far


async def test_the_next_check_in_closes_the_open_one(h: Harness) -> None:
    """A live location outside any flow checks in too; the open check-in gets its length."""
    _, near, far = await _rep_with_shops(h)
    c = h.client(1)
    s = Actions(h, c)
    await s.feed(_location(1, 31.2304, 121.4737, live=900))
    await s.click("茶叶店")
    h.clock.advance(minutes=40)
    await s.feed(_location(1, 31.2400, 121.4737))
    assert buttons(h.window())[0].startswith("📍 五金店 · ")
    await s.click("五金店")
    first = (await h.run(lambda uow: uow.visits.of_prospect(near)))[0]
    second = (await h.run(lambda uow: uow.visits.of_prospect(far)))[0]
    assert first.duration_s is not None and 40 * 60 <= first.duration_s < 41 * 60
    assert second.checked_in_at is not None and second.duration_s is None


async def test_check_in_offers_only_the_reps_own_and_refuses_a_forged_one(h: Harness) -> None:
    rep, near, _ = await _rep_with_shops(h)
    team = await h.run(lambda uow: uow.teams.by_name("North"))
    assert team is not None
    mate = await h.member(2, team)
    theirs = await _stamped(h, mate, "Secret", 31.2304, 121.4737)
    c = h.client(1)
    await c.send("/menu")
    await h.dp.feed_update(h.bot, _update(_location(1, 31.2304, 121.4737)))  # type: ignore[union-attr]
    assert not any("Secret" in b for b in buttons(h.window()))
    window = h.window()
    assert window.reply_markup is not None
    target = window.reply_markup.inline_keyboard[0][0]
    prefix, _, item = str(target.callback_data).rpartition(":")
    assert item == str(near)
    target.callback_data = f"{prefix}:{theirs}"
    await c.click(window, InlineButtonDataLocator(target.callback_data))
    assert "not yours to see" in h.text() and "Secret" not in h.text()
    assert len(await h.run(lambda uow: uow.visits.of_prospect(theirs))) == 1
    assert (await h.run(lambda uow: uow.visits.open_check_in(rep.id, h.clock()
                                                               - timedelta(hours=12)))) is None


async def test_check_in_with_no_stamped_visit_offers_recent_prospects(h: Harness) -> None:
    await _setup(h)
    c = h.client(1)
    await c.send("/menu")
    s = Actions(h, c)
    await s.feed(_location(1, 39.9, 116.4))
    assert "No visit with a location near here yet" in h.text()
    await s.click("周杰")
    assert s.n == 2 and "📍 Checked in at 17:00." in h.text()


def _update(message: Message) -> Update:
    return Update(update_id=8888, message=message)


async def test_a_prospect_by_name_only_takes_three_actions(h: Harness) -> None:
    """Issue 13 keeps it at 3: the name typed on the menu, 'New prospect: …', Save."""
    team = await h.team()
    await h.member(1, team)
    c = h.client(1)
    await c.send("/menu")
    s = Actions(h, c)
    await s.send("王芳")
    await s.click("New prospect: 王芳")
    await s.click("Save")
    assert s.n == 3
    rep = await h.run(lambda uow: uow.users.by_telegram_id(1))
    assert rep is not None
    found = await h.run(lambda uow: prospecting.find(uow, rep, "王芳"))
    assert [hit.candidate.name for hit in found] == ["王芳"]
