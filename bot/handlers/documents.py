"""A CSV or XLSX file sent in the private chat starts an import, unless a flow is in progress:
then it gets a hint and that flow goes on with nothing typed lost."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.types import Message
from aiogram_dialog import DialogManager, ShowMode, StartMode

from bot.dialogs.find.states import FindSG
from bot.dialogs.importer.states import FILE_ID, FILE_NAME, FILE_SIZE, ImportSG
from bot.dialogs.menu.states import MenuSG
from bot.i18n import Translator
from sales.people.model import User

IDLE = (MenuSG, FindSG, ImportSG)  # open flows a file may replace: nothing typed is lost


def documents_router() -> Router:
    """Placed before the dialogs, so an open window does not swallow the file."""
    router = Router(name="documents")
    router.message.register(on_document, F.document, F.chat.type == ChatType.PRIVATE)
    return router


def busy(manager: DialogManager) -> bool:
    """A flow is open that holds input (a draft, a visit being recorded, an edit)."""
    return manager.has_context() and manager.current_context().state.group not in IDLE


async def on_document(message: Message, actor: User, t: Translator,
                      dialog_manager: DialogManager) -> None:
    """Preview the import; nothing is written before the rep confirms."""
    doc = message.document
    if doc is None or actor.team_id is None:
        return
    if busy(dialog_manager):
        await message.answer(t("import-busy"))
        await dialog_manager.show(ShowMode.SEND)  # the flow's window again, below the hint
        return
    await dialog_manager.start(ImportSG.preview, mode=StartMode.RESET_STACK,
                               show_mode=ShowMode.SEND, data={
                                   FILE_ID: doc.file_id, FILE_NAME: doc.file_name or "",
                                   FILE_SIZE: doc.file_size or 0})
