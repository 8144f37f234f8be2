"""Menu actions: typing text on the menu searches for it."""

from __future__ import annotations

from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button

from bot.dialogs.common import ctx
from bot.dialogs.find.states import QUERY, FindSG
from bot.dialogs.visit.states import LATITUDE, LONGITUDE, VisitSG
from bot.refusals import refusals, set_notice
from sales.visits import use_cases as visits


async def on_text(message: Message, _w: Any, manager: DialogManager) -> None:
    """Any text on the menu is a search (with a 'new prospect from this' offer)."""
    if manager.middleware_data["actor"].team_id is None:
        return
    await manager.start(FindSG.results, data={QUERY: message.text or ""})


async def on_location(message: Message, _w: Any, manager: DialogManager) -> None:
    """A shared (or live) location on the menu is a check-in: the nearest prospects."""
    if manager.middleware_data["actor"].team_id is None or message.location is None:
        return
    await manager.start(VisitSG.nearby, data={LATITUDE: message.location.latitude,
                                              LONGITUDE: message.location.longitude})


@refusals
async def on_check_out(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """End the open check-in: its duration is recorded."""
    c = ctx(manager)
    visit = await visits.check_out(c.uow, c.me(), c.now())
    prospect = await c.uow.prospects.get(visit.draft.prospect_id)
    set_notice(manager, "visit-checkin-out-done", name=prospect.card.name if prospect else "",
               minutes=(visit.duration_s or 0) // 60)
