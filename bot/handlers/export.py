"""`/export [xlsx|csv]`: a manager gets the team's workbook, a rep their own data."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, InputMediaDocument, Message

from bot.files.export import FORMATS, XLSX, files
from bot.i18n import Translator
from bot.refusals import reply_refusals
from sales.exports import use_cases as exports
from sales.kernel.clock import Clock, local_today
from sales.kernel.errors import Refused
from sales.people.model import User
from sales.uow import UnitOfWork


def export_router() -> Router:
    """Placed before the dialogs: a command, no window."""
    router = Router(name="export")
    router.message.middleware(reply_refusals)
    router.message.register(on_export, Command("export"), F.chat.type == ChatType.PRIVATE)
    return router


async def on_export(message: Message, command: CommandObject, actor: User, uow: UnitOfWork,
                    clock: Clock, t: Translator) -> None:
    """The workbook (or one CSV per sheet) as documents, named by team and local day."""
    fmt = (command.args or XLSX).strip().casefold()
    if fmt not in FORMATS:
        raise Refused("export-bad-format", value=fmt)
    data = await exports.gather(uow, actor, actor.team_id)
    day = local_today(data.team.timezone, clock()).isoformat()
    stem = f"xunke-{data.team.id}-{day}" if data.whole_team else (
        f"xunke-{data.team.id}-{actor.id}-{day}")
    made = files(t, data, fmt, stem)
    caption = t("export-caption", whole="yes" if data.whole_team else "no",
                team=data.team.name, prospects=len(data.prospects), visits=len(data.visits))
    if len(made) == 1:
        name, content = made[0]
        await message.answer_document(BufferedInputFile(content, name), caption=caption)
        return
    await message.answer_media_group([
        InputMediaDocument(media=BufferedInputFile(content, name),
                           caption=caption if index == len(made) - 1 else None)
        for index, (name, content) in enumerate(made)])
