"""/digest and /report on demand, card deep links from a digest, and a group that became a
supergroup (its digest follows the new chat id)."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.enums import ChatType, ParseMode
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import BufferedInputFile, InputMediaPhoto, Message
from aiogram_dialog import DialogManager, ShowMode, StartMode

from bot.config import DefaultsSection
from bot.dialogs.prospect.states import PROSPECT_ID, ProspectSG
from bot.i18n import Locales, Translator
from bot.jobs.digests import card_link, digest_messages, report_album
from bot.refusals import reply_refusals
from sales.digests import use_cases as digests
from sales.kernel.clock import Clock
from sales.people.model import User
from sales.uow import UnitOfWork

GROUPS = {ChatType.GROUP, ChatType.SUPERGROUP}
CARD_PAYLOAD = r"^p_\d{1,12}$"


def early_router() -> Router:
    """Before onboarding and the gate: a chat migration comes from anyone, and a card link's
    `/start p_<id>` must not be read as an invite token."""
    router = Router(name="digests-early")
    router.message.register(on_migrated, F.migrate_to_chat_id)
    router.message.register(on_card_link, CommandStart(deep_link=True,
                                                        magic=F.args.regexp(CARD_PAYLOAD)),
                            F.chat.type == ChatType.PRIVATE)
    return router


def digests_router() -> Router:
    """/digest and /report for registered people, in private or in a group."""
    router = Router(name="digests")
    router.message.middleware(reply_refusals)
    router.message.register(on_digest, Command("digest"))
    router.message.register(on_report, Command("report"))
    return router


async def on_migrated(message: Message, uow: UnitOfWork, clock: Clock) -> None:
    """The old group's last service message: follow the team's digest to the supergroup."""
    if message.migrate_to_chat_id is not None:
        await digests.follow_migration(uow, message.chat.id, message.migrate_to_chat_id,
                                       clock())


async def on_card_link(message: Message, command: CommandObject, actor: User | None,
                       t: Translator, dialog_manager: DialogManager) -> None:
    """A name tapped in a digest: the card (scope-checked by the card itself)."""
    if actor is None:
        await message.answer(t("gate-unregistered"))
        return
    prospect_id = int((command.args or "p_0")[2:])
    await dialog_manager.start(ProspectSG.card, data={PROSPECT_ID: prospect_id},
                               mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def on_digest(message: Message, command: CommandObject, uow: UnitOfWork,
                    actor: User | None, clock: Clock, t: Translator, locales: Locales,
                    defaults: DefaultsSection, bot_username: str) -> None:
    """The team's day for its managers, a rep's own day for them; in a group, nothing for
    anyone outside the bound team."""
    group = message.chat.type in GROUPS
    team = await digests.team_of(uow, actor, message.chat.id if group else None)
    if group and not digests.may_ask(actor, team):
        return
    now = clock()
    digest = await digests.for_actor(
        uow, actor, team, digests.asked_day(command.args, team, now, defaults.timezone), now)
    settings = await digests.settings_of(uow, digest.team.id)
    link = card_link(bot_username) if not group and digest.scope == "team" else None
    lang = locales.get(digest.team.language) if group else t
    for text in digest_messages(lang, digest, settings.stale_days, link):
        await message.answer(text)


async def on_report(message: Message, uow: UnitOfWork, actor: User | None, clock: Clock,
                    locales: Locales) -> None:
    """This week's charts for the team's managers (in private or in the team's group)."""
    group = message.chat.type in GROUPS
    team = await digests.team_of(uow, actor, message.chat.id if group else None)
    if group and not digests.may_ask(actor, team):
        return
    report = await digests.report_for(uow, actor, team, clock())
    caption, photos = await report_album(locales, report.team, report)
    await message.answer_media_group([
        InputMediaPhoto(media=BufferedInputFile(p.data, p.name),
                        caption=caption if i == 0 else None,
                        parse_mode=ParseMode.HTML if i == 0 else None)
        for i, p in enumerate(photos)])
