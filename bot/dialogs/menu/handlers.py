"""Menu actions: typing text on the menu searches for it."""

from __future__ import annotations

from typing import Any

from aiogram.types import Message
from aiogram_dialog import DialogManager

from bot.dialogs.find.states import QUERY, FindSG


async def on_text(message: Message, _w: Any, manager: DialogManager) -> None:
    """Any text on the menu is a search (with a 'new prospect from this' offer)."""
    if manager.middleware_data["actor"].team_id is None:
        return
    await manager.start(FindSG.results, data={QUERY: message.text or ""})
