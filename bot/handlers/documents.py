"""A CSV or XLSX file sent in the private chat starts an import, whatever screen is open."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.types import Message
from aiogram_dialog import DialogManager, ShowMode, StartMode

from bot.dialogs.importer.states import FILE_ID, FILE_NAME, FILE_SIZE, ImportSG
from sales.people.model import User


def documents_router() -> Router:
    """Placed before the dialogs, so an open window does not swallow the file."""
    router = Router(name="documents")
    router.message.register(on_document, F.document, F.chat.type == ChatType.PRIVATE)
    return router


async def on_document(message: Message, actor: User, dialog_manager: DialogManager) -> None:
    """Preview the import; nothing is written before the rep confirms."""
    doc = message.document
    if doc is None or actor.team_id is None:
        return
    await dialog_manager.start(ImportSG.preview, mode=StartMode.RESET_STACK,
                               show_mode=ShowMode.SEND, data={
                                   FILE_ID: doc.file_id, FILE_NAME: doc.file_name or "",
                                   FILE_SIZE: doc.file_size or 0})
