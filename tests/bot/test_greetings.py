"""Monthly cards through the dispatcher: the push's buttons (all sent, one sent, skip with a
reason, open the list), forged / replayed / someone else's presses refused, the dialog's
steps (list, card, edit, skip, downloads) and who may see what."""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram.methods import AnswerCallbackQuery, SendDocument
from aiogram.types import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram_dialog.test_tools import BotClient
from aiogram_dialog.test_tools.keyboard import InlineButtonDataLocator
from aiogram_dialog.utils import CB_SEP
from sqlalchemy import select

from bot.dialogs.greetings.states import W
from bot.i18n import Locales
from bot.jobs.greetings import scan_greetings
from bot.jobs.scheduler import JobDeps
from bot.jobs.sender import keyboard
from sales.greetings import use_cases as greetings
from sales.greetings.model import CardStatus, GreetingCard, Segment, SegmentKind
from sales.kernel.errors import Refused
from sales.outbox.rules import buttons_from_json
from sales.people.model import Role, Team, User
from sales.prospects import use_cases as prospecting
from sales.prospects.model import Kind, Method, ProspectDraft, Stage
from storage.db import session_factory
from storage.outbox.tables import OutboxRow
from tests.bot.conftest import TEAM_TZ, Harness, button, buttons

DUE = datetime(2027, 9, 8, 1, 0, tzinfo=UTC)  # Mid-Autumn 2027-09-15, postal 7 days ahead
KEY, YEAR = "public:mid_autumn_festival", 2027


async def _setup(h: Harness) -> tuple[Team, User, Message]:
    """Rep 1 with two enrolled prospects and the reminder pushed to them, as Telegram shows it."""
    h.clock.now = DUE
    team = await h.team()
    rep = await h.member(1, team)
    for name in ("王伟", "李娜"):
        draft = ProspectDraft(Kind.INDIVIDUAL, name, Method.DIRECT_MAIL, direct_mail=True,
                              address=f"上海市{name}路 8号", salutation=f"{name[0]}总")
        await h.run(lambda uow, d=draft: prospecting.create(uow, rep, d, DUE, TEAM_TZ))
    deps = JobDeps(h.uows, None, h.clock, Locales(), TEAM_TZ)  # type: ignore[arg-type]
    assert await scan_greetings(deps, DUE) == 1
    async with session_factory(h.engine)() as s:
        row = (await s.scalars(select(OutboxRow))).first()
    assert row is not None
    markup = keyboard(buttons_from_json(row.buttons))
    msg = Message(message_id=777, date=datetime(2027, 9, 8), chat=Chat(id=1, type="private"),
                  text=row.text, reply_markup=markup)
    return team, rep, msg


async def _cards(h: Harness, rep: User) -> list[GreetingCard]:
    return await h.run(lambda uow: greetings.cards_of(uow, rep, KEY, YEAR))


def _alert(h: Harness) -> str:
    return str(h.bot.of_type(AnswerCallbackQuery)[-1].text)


async def test_push_buttons_one_sent_skip_with_reason_then_all(h: Harness) -> None:
    _, rep, msg = await _setup(h)
    first, second = await _cards(h, rep)
    c = h.client(1)
    await c.click(msg, InlineButtonDataLocator(f"grt:sent:{first.id}"))
    assert _alert(h) == "Marked sent: 王伟"
    await c.click(msg, InlineButtonDataLocator(f"grt:sent:{first.id}"))  # replayed
    assert _alert(h) == "This greeting card is no longer open for you."
    await c.click(msg, InlineButtonDataLocator(f"grt:skip:{second.id}"))
    assert "Why skip the card for <b>李娜</b>" in h.text()
    await c.send("moved abroad")
    assert "✉️ <b>中秋节</b> (2027-09-15): 2/2 done" in h.text()  # the team's language (zh)
    statuses = [(x.status, x.skip_reason) for x in await _cards(h, rep)]
    assert statuses == [(CardStatus.SENT, None), (CardStatus.SKIPPED, "moved abroad")]
    await c.click(msg, InlineButtonDataLocator(f"grt:all:{first.id}"))
    assert _alert(h) == "Nothing left to mark."


async def test_all_sent_in_one_tap(h: Harness) -> None:
    _, rep, msg = await _setup(h)
    assert "全部已寄（2）" in buttons(msg)[0]  # pushed in the rep's language: the team's zh
    await h.client(1).click(msg, InlineButtonDataLocator("grt:all:.*"))
    assert _alert(h) == "2 cards marked sent."
    assert {x.status for x in await _cards(h, rep)} == {CardStatus.SENT}


async def test_another_rep_and_forged_ids_are_refused(h: Harness) -> None:
    team, rep, msg = await _setup(h)
    await h.member(2, team)
    other = h.client(2)
    first = (await _cards(h, rep))[0]
    for action in ("sent", "all", "skip", "open"):
        await other.click(msg, InlineButtonDataLocator(f"grt:{action}:{first.id}"))
        assert _alert(h) == "This greeting card is no longer open for you."
    forged = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(
        text="x", callback_data="grt:sent:999999")]])
    await h.client(1).click(msg.model_copy(update={"reply_markup": forged}),
                            InlineButtonDataLocator("grt:sent:999999"))
    assert _alert(h) == "This greeting card is no longer open for you."
    assert {x.status for x in await _cards(h, rep)} == {CardStatus.PLANNED}


async def test_dialog_list_card_edit_copy_and_downloads(h: Harness) -> None:
    await _setup(h)
    c = h.client(1)
    await c.send("/start")
    await c.click(h.window(), button("Monthly cards"))
    assert "Planned 2 · sent 0" in h.text()
    assert "Next occasion: Mid-Autumn Festival 2027-09-15" in h.text()
    await c.click(h.window(), button("中秋节"))
    assert "0/2 done" in h.text() and "王伟" in h.text()
    await c.click(h.window(), button("王伟"))
    assert "<i>王总：" in h.text() and "📋 Copy text" in buttons(h.window())
    await c.click(h.window(), button("Edit text"))
    await c.send("   ")  # a blank text is refused, the suggestion stays
    assert "cannot be empty" in h.text()
    await c.send("王总：中秋快乐！—— 小李")
    assert "Text saved." in h.text() and "中秋快乐" in h.text()
    await c.click(h.window(), button("Back"))
    for label in ("PDF", "XLSX", "CSV"):
        await c.click(h.window(), button(label))
    docs = h.bot.of_type(SendDocument)
    assert [d.document.filename for d in docs] == [
        "labels-2027-09-15.pdf", "mailing-2027-09-15.xlsx", "mailing-2027-09-15.csv"]
    assert b"%PDF" in docs[0].document.data[:8] and "2 labels" in str(docs[0].caption)
    await c.click(h.window(), button("All sent"))
    assert "2 cards marked sent." in h.text() and "2/2 done" in h.text()


async def test_a_rep_without_cards_sees_an_empty_month(h: Harness) -> None:
    h.clock.now = DUE
    team = await h.team()
    await h.member(3, team)
    c = h.client(3)
    await c.send("/start")
    await c.click(h.window(), button("Monthly cards"))
    assert "No cards this month yet" in h.text()
    assert buttons(h.window()) == ["Back"] or "Back" in buttons(h.window())[-1]


async def test_the_months_cards_are_marked_in_three_taps_from_the_menu(h: Harness) -> None:
    _, rep, _msg = await _setup(h)
    c = h.client(1)
    await c.send("/start")
    taps = 0
    for label in ("Monthly cards", "中秋节", "All sent"):
        await c.click(h.window(), button(label))
        taps += 1
    assert taps == 3 and "2 cards marked sent." in h.text()
    assert {x.status for x in await _cards(h, rep)} == {CardStatus.SENT}


async def _open_card(c: BotClient, h: Harness, name: str) -> None:
    await c.send(name)
    await c.click(h.window(), button(name))


async def test_prospect_card_greeting_history_fields_and_opt_out(h: Harness) -> None:
    team, rep, _msg = await _setup(h)
    first, second = await _cards(h, rep)
    await h.run(lambda uow: greetings.mark_sent(uow, rep, first.id, DUE))
    c = h.client(1)
    await _open_card(c, h, "王伟")
    await c.click(h.window(), button("Greetings"))  # one tap from the card
    text = h.text()
    assert "<b>Greetings to 王伟</b>" in text and "2027-09-15 中秋节: ✅ sent" in text
    assert "<i>王总：" in text
    labels = buttons(h.window())
    assert "✏️ Salutation: 王总" in labels and "✏️ Greeting language: -" in labels
    assert "✏️ Greeting channel: 📮 postal card" in labels and "🚫 No greetings: no" in labels
    await c.click(h.window(), button("Salutation"))
    assert "How do you address them" in h.text()
    await c.send("王董")
    await c.click(h.window(), button("Greetings"))
    assert "✏️ Salutation: 王董" in buttons(h.window())
    await c.click(h.window(), button("Greeting language"))
    await c.send("klingon")
    assert "is not a greeting language" in h.text()  # re-prompted on the same step
    await c.send("en")
    await c.click(h.window(), button("Greetings"))
    await c.click(h.window(), button("Greeting channel"))
    await c.send("pigeon")
    assert "is not a greeting channel" in h.text()
    await c.send("message")  # no phone, WeChat or email yet
    assert "need a phone, WeChat or email" in h.text()
    await c.click(h.window(), button("Back"))
    await c.click(h.window(), button("Greetings"))
    await c.click(h.window(), button("No greetings"))
    assert "🚫 No greetings: yes" in buttons(h.window())
    p = await h.run(lambda uow: uow.prospects.get(first.prospect_id))
    assert p is not None and p.card.salutation == "王董" and p.card.greeting_language == "en"
    assert p.card.greetings_opt_out and p.card.greeting_channel.value == "postal"
    # the other prospect opts out too: its planned card is withdrawn at the next scan
    await c.click(h.window(), button("Back"))
    await c.click(h.window(), button("Back"))  # the card closed: typing searches again
    await _open_card(c, h, "李娜")
    await c.click(h.window(), button("Greetings"))
    await c.click(h.window(), button("No greetings"))
    deps = JobDeps(h.uows, None, h.clock, Locales(), TEAM_TZ)  # type: ignore[arg-type]
    await scan_greetings(deps, DUE)
    await c.click(h.window(), button("Back"))
    await c.click(h.window(), button("Greetings"))
    assert "中秋节: 🚫 withdrawn" in h.text() and second.prospect_id != first.prospect_id
    # a teammate finds neither card
    other = h.client(2)
    await h.member(2, team)
    await other.send("李娜")
    assert "“李娜”: 0 found" in h.text() and h.window().chat.id == 2


def _forged(h: Harness, widget_id: str) -> Message:
    """The window on screen with its last button rewritten to press `widget_id`."""
    window = h.window()
    assert window.reply_markup is not None
    last = window.reply_markup.inline_keyboard[-1][-1]
    intent, _, _ = str(last.callback_data).partition(CB_SEP)
    last.callback_data = f"{intent}{CB_SEP}{widget_id}"
    return window


async def _lead_team(h: Harness) -> tuple[Team, User, User]:
    """Manager 5 and rep 1 of one team, the rep with a mix of prospects tagged VIP."""
    h.clock.now = DUE
    team = await h.team()
    boss = await h.member(5, team, Role.MANAGER)
    rep = await h.member(1, team)
    drafts = [
        ProspectDraft(Kind.INDIVIDUAL, "甲", Method.EXHIBITION, tags=("VIP",), address="路1号"),
        ProspectDraft(Kind.INDIVIDUAL, "乙", Method.EXHIBITION, tags=("vip",), address="路2号",
                      stage=Stage.APPOINTMENT),
        ProspectDraft(Kind.INDIVIDUAL, "丙", Method.EXHIBITION, tags=("VIP",)),  # no address
        ProspectDraft(Kind.INDIVIDUAL, "丁", Method.EXHIBITION, tags=("VIP",), address="路4号",
                      do_not_contact=True),
        ProspectDraft(Kind.INDIVIDUAL, "戊", Method.COLD_CANVASS, address="路5号"),
    ]
    for d in drafts:
        await h.run(lambda uow, d=d: prospecting.create(uow, rep, d, DUE, TEAM_TZ))
    return team, boss, rep


async def _enrolled(h: Harness, rep: User) -> set[str]:
    return {p.card.name for p in await h.run(lambda uow: uow.prospects.of_team(
        rep.team_id or 0)) if p.card.direct_mail}


async def test_manager_enrols_a_segment_counted_before_confirming(h: Harness) -> None:
    _, _, rep = await _lead_team(h)
    c = h.client(5)
    await c.send("/start")
    taps = 0
    for label in ("Monthly cards", "Enrol a segment", "Tag"):
        await c.click(h.window(), button(label))
        taps += 1
    assert "Type the tag" in h.text()
    await c.send("   ")
    assert "does not name a segment" in h.text()  # re-prompted on the same step
    await c.send("VIP")
    assert "Segment <b>🏷 Tag VIP</b>: 4 matching" in h.text()
    assert "To enrol now: <b>2</b>" in h.text() and "no address or handle: 1" in h.text()
    assert "opted out or lost: 1" in h.text() and await _enrolled(h, rep) == set()
    await c.click(h.window(), button("Enrol 2"))
    taps += 1
    assert taps == 4 and "2 prospects enrolled in direct mail." in h.text()
    assert await _enrolled(h, rep) == {"甲", "乙"}
    # by stage, picked from buttons; every step has a way back
    await c.click(h.window(), button("Enrol a segment"))
    await c.click(h.window(), button("Stage"))
    await c.click(h.window(), button("Appointment"))
    assert "1 matching" in h.text() and "Already enrolled: 1" in h.text()
    assert "✅ Enrol 0" in buttons(h.window())
    for _ in range(3):
        await c.click(h.window(), button("Back"))
    assert "Monthly cards" in h.text() and "Team settings" in " ".join(buttons(h.window()))


async def test_a_rep_reaches_no_manager_screen(h: Harness) -> None:
    _, _, rep = await _lead_team(h)
    c = h.client(1)
    await c.send("/start")
    await c.click(h.window(), button("Monthly cards"))
    labels = " ".join(buttons(h.window()))
    assert "Enrol" not in labels and "Team settings" not in labels
    for widget in (W.ENROL, W.SETTINGS):
        await c.click(_forged(h, widget), InlineButtonDataLocator(f".*{widget}$"))
        assert "Only a manager of the team can do this." in h.text()
        assert "Monthly cards" in h.text()  # still on the rep's own screen
    async with h.uows() as uow:
        for call in (greetings.team_settings(uow, rep),
                     greetings.segment_count(uow, rep, Segment(SegmentKind.TAG, "VIP"))):
            try:
                await call
                raise AssertionError("a rep got through")
            except Refused as exc:
                assert exc.code == "greetings-not-allowed"


async def test_manager_team_settings(h: Harness) -> None:
    team, _, _ = await _lead_team(h)
    c = h.client(5)
    await c.send("/start")
    await c.click(h.window(), button("Monthly cards"))
    await c.click(h.window(), button("Team settings"))
    assert "reminder 7 days ahead" in h.text() and "Western occasions: none" in h.text()
    await c.click(h.window(), button("Postal lead"))
    await c.send("soon")
    assert "between 0 and 60" in h.text()
    await c.send("99")
    assert "between 0 and 60" in h.text()
    await c.send("10")
    assert "Postal cards: reminder 10 days ahead" in h.text()
    await c.click(h.window(), button("Message lead"))
    await c.send("2")
    assert "Messages: reminder 2 days ahead" in h.text()
    await c.click(h.window(), button("Christmas"))
    assert "Western occasions: Christmas" in h.text() and "✅ Christmas" in buttons(h.window())
    await c.click(h.window(), button("Card of the month"))
    await c.click(h.window(), button("9: "))
    assert "The card for month 9" in h.text()
    assert buttons(h.window()) == ["Automatic (default)", "Mid-Autumn Festival 09-15", "◀ Back"]
    await c.click(h.window(), button("Mid-Autumn"))
    assert "Card of the month: 9: Mid-Autumn Festival" in h.text()
    await c.click(h.window(), button("Card of the month"))
    await c.click(h.window(), button("9: "))
    await c.click(h.window(), button("Automatic"))
    assert "Card of the month: none" in h.text()
    await c.click(h.window(), button("Company date"))
    await c.send("Store opening 13-40")
    assert "not a valid company date" in h.text()
    await c.send("just a name")
    assert "not a valid company date" in h.text()
    await c.send("Store opening 05-18")
    assert "✖ Store opening 05-18" in buttons(h.window())
    await c.click(h.window(), button("Back"))
    assert "Company dates: Store opening 05-18" in h.text()
    await c.click(h.window(), button("Company date"))
    await c.click(h.window(), button("✖ Store opening"))
    assert not any("Store opening" in b for b in buttons(h.window()))
    await c.click(h.window(), button("Back"))
    await c.click(h.window(), button("Back"))
    assert "Monthly cards" in h.text()
    policy = await h.run(lambda uow: uow.greetings.policy(team.id))
    assert policy is not None and policy.postal_lead_days == 10
    assert policy.message_lead_days == 2 and policy.western == {"western:christmas"}
    assert policy.month_picks == {}


async def test_sent_on_an_old_push_after_do_not_contact_or_lost_is_refused(h: Harness) -> None:
    """Marked do-not-contact / lost after the reminder went out: the old push's 'sent' says
    the card is withdrawn (not to send it), 'all sent' leaves it out, the scan withdraws it."""
    _, rep, msg = await _setup(h)
    first, second = await _cards(h, rep)
    await h.run(lambda uow: prospecting.toggle(uow, rep, first.prospect_id, "do_not_contact",
                                               h.clock()))
    await h.run(lambda uow: prospecting.set_stage(uow, rep, second.prospect_id, Stage.LOST,
                                                  h.clock()))
    c = h.client(1)
    await c.click(msg, InlineButtonDataLocator(f"grt:sent:{first.id}"))
    assert _alert(h) == ("王伟 no longer gets cards (do not contact, lost or opted out): "
                         "this card is withdrawn, please do not send it.")
    await c.click(msg, InlineButtonDataLocator(f"grt:all:{first.id}"))
    assert _alert(h) == "Nothing left to mark."
    await c.click(msg, InlineButtonDataLocator(f"grt:skip:{second.id}"))
    await c.send("moved")
    assert "李娜 no longer gets cards" in h.text()
    assert {x.status for x in await _cards(h, rep)} == {CardStatus.PLANNED}
    deps = JobDeps(h.uows, None, h.clock, Locales(), TEAM_TZ)  # type: ignore[arg-type]
    await scan_greetings(deps, h.clock())
    assert {x.status for x in await _cards(h, rep)} == {CardStatus.WITHDRAWN}
    await c.click(msg, InlineButtonDataLocator(f"grt:sent:{second.id}"))
    assert "李娜 no longer gets cards" in _alert(h)


async def test_a_handed_over_card_leaves_the_old_owners_push(h: Harness) -> None:
    """The old owner's consolidated reminder no longer marks a card whose prospect was handed
    over, even before the scan; the scan moves it and reminds the new owner once."""
    team, rep, msg = await _setup(h)
    await h.member(2, team)
    boss = await h.member(3, team, Role.MANAGER)
    first, _ = await _cards(h, rep)
    mate = await h.run(lambda uow: uow.users.by_telegram_id(2))
    assert mate is not None
    await h.run(lambda uow: prospecting.reassign(uow, boss, first.prospect_id, mate.id,
                                                 h.clock()))
    old = h.client(1)
    for action in ("sent", "skip", "open"):
        await old.click(msg, InlineButtonDataLocator(f"grt:{action}:{first.id}"))
        assert _alert(h) == "This greeting card is no longer open for you."
    await old.click(msg, InlineButtonDataLocator(f"grt:all:{first.id}"))  # names 王伟's card
    assert _alert(h) == "One card marked sent."  # 李娜 only
    assert [x.status for x in await _cards(h, rep)] == [CardStatus.PLANNED, CardStatus.SENT]
    deps = JobDeps(h.uows, None, h.clock, Locales(), TEAM_TZ)  # type: ignore[arg-type]
    assert await scan_greetings(deps, h.clock()) == 1  # the new owner's own reminder
    assert await scan_greetings(deps, h.clock()) == 0  # once
    async with session_factory(h.engine)() as s:
        rows = (await s.scalars(select(OutboxRow).where(OutboxRow.chat_id == 2))).all()
    assert len(rows) == 1 and "王伟" in rows[0].text and "李娜" not in rows[0].text
    pushed = Message(message_id=778, date=datetime(2027, 9, 8), chat=Chat(id=2, type="private"),
                     text=rows[0].text, reply_markup=keyboard(buttons_from_json(rows[0].buttons)))
    await old.click(msg, InlineButtonDataLocator(f"grt:sent:{first.id}"))
    assert _alert(h) == "This greeting card is no longer open for you."
    await h.client(2).click(pushed, InlineButtonDataLocator(f"grt:sent:{first.id}"))
    assert _alert(h) == "Marked sent: 王伟"
