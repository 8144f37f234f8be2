"""Monthly-cards actions: each goes through a `sales.greetings` use case (own cards only)."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Any

from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_dialog import Data, DialogManager
from aiogram_dialog.widgets.kbd import Button

from bot.dialogs.common import clear_notice, ctx, today_of
from bot.dialogs.greetings.states import (
    CARD_ID,
    LEAD,
    MONTH,
    OCCASION,
    SEG_KIND,
    SEG_VALUE,
    YEAR,
    GreetingsSG,
    W,
)
from bot.files.labels import LabelFontError, find_cjk_font, label_sheet
from bot.files.sheets import Column, Sheet, csv_bytes, xlsx_bytes
from bot.i18n import Translator
from bot.refusals import item_id, refusals, set_notice
from sales.greetings import use_cases as greetings
from sales.greetings.model import GreetingChannel, Label, Segment, SegmentKind
from sales.kernel.errors import Refused

log = logging.getLogger(__name__)
KEY_SEP = "|"


async def on_start(start_data: Data, manager: DialogManager) -> None:
    """Opened from a push: straight to an occasion's list or to one card's skip question."""
    data = start_data if isinstance(start_data, dict) else {}
    for name in (CARD_ID, OCCASION, YEAR):
        if name in data:
            manager.dialog_data[name] = data[name]


@refusals
async def on_pick_occasion(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str
                           ) -> None:
    key, _, year = item.rpartition(KEY_SEP)
    manager.dialog_data[OCCASION] = key
    manager.dialog_data[YEAR] = item_id(year, "greetings-card-gone")
    await manager.switch_to(GreetingsSG.occasion)


@refusals
async def on_pick_card(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    c = ctx(manager)
    found = await greetings.card(c.uow, c.me(), item_id(item, "greetings-card-gone"))
    manager.dialog_data[CARD_ID] = found.id
    await manager.switch_to(GreetingsSG.card)


@refusals
async def on_all_sent(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """One tap: every card of the occasion still to do is marked sent."""
    c = ctx(manager)
    count = await greetings.mark_all_sent(c.uow, c.me(), str(manager.dialog_data[OCCASION]),
                                          int(manager.dialog_data[YEAR]), c.now())
    set_notice(manager, "greetings-marked-all", count=count)


def _card_id(manager: DialogManager) -> int:
    return int(manager.dialog_data[CARD_ID])


async def _back_to_list(manager: DialogManager, card_id: int) -> None:
    """After marking, the occasion's list (when the dialog was opened on one card)."""
    c = ctx(manager)
    found = await greetings.card(c.uow, c.me(), card_id)
    manager.dialog_data[OCCASION], manager.dialog_data[YEAR] = found.occasion_key, found.year
    await manager.switch_to(GreetingsSG.occasion)


@refusals
async def on_sent(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    c = ctx(manager)
    found = await greetings.mark_sent(c.uow, c.me(), _card_id(manager), c.now())
    set_notice(manager, "greetings-marked-sent", name=found.prospect_name)
    await _back_to_list(manager, found.id)


@refusals
async def on_reason(message: Message, _w: Any, manager: DialogManager) -> None:
    await _skip(manager, message.text)


@refusals
async def on_no_reason(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    await _skip(manager, None)


async def _skip(manager: DialogManager, reason: str | None) -> None:
    c = ctx(manager)
    found = await greetings.skip(c.uow, c.me(), _card_id(manager), reason, c.now())
    clear_notice(manager)
    await _back_to_list(manager, found.id)


@refusals
async def on_text(message: Message, _w: Any, manager: DialogManager) -> None:
    """The reworded text replaces the suggestion (the copy button then copies it)."""
    c = ctx(manager)
    await greetings.edit_text(c.uow, c.me(), _card_id(manager), message.text or "", c.now())
    set_notice(manager, "greetings-edited")
    await manager.switch_to(GreetingsSG.card)


def _sheet(title: str, labels: list[Label], t: Translator) -> Sheet:
    """The mailing list as a typed sheet (name, salutation, address)."""
    columns = [Column(t.raw("field-name"), width=20), Column(t.raw("field-salutation"), width=14),
               Column(t.raw("field-address"), width=60)]
    return Sheet(title, columns, [[x.name, x.salutation, x.address] for x in labels])


@refusals
async def on_download(_cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """Labels of the occasion's postal cards as a document: PDF sheet, XLSX or CSV."""
    c = ctx(manager)
    key, year = str(manager.dialog_data[OCCASION]), int(manager.dialog_data[YEAR])
    labels = await greetings.labels(c.uow, c.me(), key, year)
    cards = await greetings.cards_of(c.uow, c.me(), key, year)
    if not labels or not cards:
        raise Refused("greetings-no-labels")
    name, day = cards[0].occasion_name, cards[0].occasion_day.isoformat()
    title = f"{name} {day}"
    if button.widget_id == W.PDF:
        data = await _pdf(labels, title, c.now())
        filename = f"labels-{day}.pdf"
    elif button.widget_id == W.XLSX:
        data, filename = xlsx_bytes(_sheet(title, labels, c.t)), f"mailing-{day}.xlsx"
    else:
        data, filename = csv_bytes(_sheet(title, labels, c.t)), f"mailing-{day}.csv"
    await manager.middleware_data["bot"].send_document(
        c.me().telegram_id, BufferedInputFile(data, filename),
        caption=c.t("greetings-file-caption", occasion=name, day=day, count=len(labels)))


async def _pdf(labels: list[Label], title: str, now: datetime) -> bytes:
    """The A4 sheet, rendered off the event loop; no CJK font is a refusal, never tofu."""
    lines = [[x.address, f"{x.salutation or x.name}"] for x in labels]
    try:
        return await asyncio.to_thread(lambda: label_sheet(lines, find_cjk_font(), now,
                                                           title=title))
    except LabelFontError as exc:
        log.error("label sheet refused: %s", exc)
        if exc.missing:
            raise Refused("greetings-labels-glyphs", chars=exc.missing) from exc
        raise Refused("greetings-labels-no-font") from exc


@refusals
async def on_enrol(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """Managers only: the use case refuses anyone else before the first step."""
    c = ctx(manager)
    await greetings.team_settings(c.uow, c.me())
    await manager.switch_to(GreetingsSG.enrol_kind)


@refusals
async def on_settings(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    c = ctx(manager)
    await greetings.team_settings(c.uow, c.me())
    await manager.switch_to(GreetingsSG.settings)


@refusals
async def on_seg_kind(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    if item not in {k.value for k in SegmentKind}:
        raise Refused("greetings-bad-segment", value=item)
    manager.dialog_data[SEG_KIND] = item
    await manager.switch_to(GreetingsSG.enrol_value)


async def _count(manager: DialogManager, value: str) -> None:
    """Count first (a bad value or a rep is refused here), then ask to confirm."""
    c = ctx(manager)
    segment = Segment(SegmentKind(manager.dialog_data[SEG_KIND]), value.strip())
    await greetings.segment_count(c.uow, c.me(), segment)
    manager.dialog_data[SEG_VALUE] = segment.value
    clear_notice(manager)
    await manager.switch_to(GreetingsSG.enrol_confirm)


@refusals
async def on_seg_value(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    await _count(manager, item)


@refusals
async def on_seg_text(message: Message, _w: Any, manager: DialogManager) -> None:
    await _count(manager, message.text or "")


@refusals
async def on_confirm(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    c = ctx(manager)
    data = manager.dialog_data
    segment = Segment(SegmentKind(data[SEG_KIND]), str(data[SEG_VALUE]))
    count = await greetings.enrol_segment(c.uow, c.me(), segment, c.now())
    set_notice(manager, "greetings-enrolled", count=count)
    await manager.switch_to(GreetingsSG.main)


async def on_lead(_cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """Which lead time is typed next (the use case checks the manager on saving)."""
    manager.dialog_data[LEAD] = (GreetingChannel.POSTAL.value if button.widget_id == W.LEAD_POSTAL
                                 else GreetingChannel.MESSAGE.value)
    await manager.switch_to(GreetingsSG.lead)


async def _saved(manager: DialogManager, state: Any = None) -> None:
    set_notice(manager, "greetings-saved")
    if state is not None:
        await manager.switch_to(state)


@refusals
async def on_lead_text(message: Message, _w: Any, manager: DialogManager) -> None:
    c = ctx(manager)
    channel = GreetingChannel(manager.dialog_data.get(LEAD, GreetingChannel.POSTAL.value))
    await greetings.set_lead_days(c.uow, c.me(), channel, message.text or "", c.now())
    await _saved(manager, GreetingsSG.settings)


@refusals
async def on_western(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    c = ctx(manager)
    await greetings.toggle_western(c.uow, c.me(), item, c.now())
    await _saved(manager)


@refusals
async def on_month(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    month = item_id(item, "greetings-bad-pick")
    if not 1 <= month <= 12:
        raise Refused("greetings-bad-pick", month=month)
    manager.dialog_data[MONTH] = month
    await manager.switch_to(GreetingsSG.month_pick)


async def _pick(manager: DialogManager, key: str | None) -> None:
    c = ctx(manager)
    year = (await today_of(manager)).year
    await greetings.pick_month(c.uow, c.me(), int(manager.dialog_data[MONTH]), key, year,
                               c.now())
    await _saved(manager, GreetingsSG.settings)


@refusals
async def on_pick(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    await _pick(manager, item)


@refusals
async def on_default_pick(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    await _pick(manager, None)


@refusals
async def on_company_text(message: Message, _w: Any, manager: DialogManager) -> None:
    c = ctx(manager)
    await greetings.add_company_date_text(c.uow, c.me(), message.text or "", c.now())
    await _saved(manager)


@refusals
async def on_remove_date(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str
                         ) -> None:
    c = ctx(manager)
    await greetings.remove_company_date(c.uow, c.me(), item_id(item, "greetings-bad-company-date"),
                                        c.now())
    await _saved(manager)
