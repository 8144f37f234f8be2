"""Slash commands: onboarding with `/start <token>`, menu shortcuts, `/cancel`, group `/bind`."""

from __future__ import annotations

from datetime import date

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import Message
from aiogram_dialog import DialogManager, ShowMode, StartMode

from bot.commands import PRIVATE_COMMANDS
from bot.config import DefaultsSection
from bot.dialogs.menu.states import MenuSG
from bot.dialogs.settings.states import SettingsSG
from bot.i18n import T_KEY, Locales, Translator
from bot.middlewares import ACTOR_KEY
from bot.refusals import reply_refusals
from sales.kernel.clock import Clock
from sales.kernel.errors import Refused
from sales.people import rules as people
from sales.people import use_cases as teams
from sales.people.model import User
from sales.rhythm import use_cases as agenda
from sales.uow import UnitOfWork
from sales.visits import use_cases as visits

GROUPS = {ChatType.GROUP, ChatType.SUPERGROUP}


def onboarding_router() -> Router:
    """`/start <token>` must run before the gate: it is how strangers become members."""
    router = Router(name="onboarding")
    router.message.middleware(reply_refusals)
    router.message.register(on_start_token, CommandStart(deep_link=True),
                            F.chat.type == ChatType.PRIVATE)
    return router


def commands_router() -> Router:
    """Commands for registered people (the gate has already turned away everyone else)."""
    router = Router(name="commands")
    router.message.middleware(reply_refusals)
    private = F.chat.type == ChatType.PRIVATE
    router.message.register(on_bind, Command("bind"), F.chat.type.in_(GROUPS))
    router.message.register(on_menu, CommandStart(), private)
    router.message.register(on_menu, Command("menu"), private)
    router.message.register(on_help, Command("help"), private)
    router.message.register(on_settings, Command("settings"), private)
    router.message.register(on_cancel, Command("cancel"), private)
    router.message.register(on_away, Command("away"), private)
    return router


def unknown_commands_router() -> Router:
    """After every router that owns a command, before the dialogs: what is left is unknown."""
    router = Router(name="unknown-commands")
    router.message.register(on_unknown, F.text.regexp(COMMAND_RE),
                            F.chat.type == ChatType.PRIVATE)
    return router


# What Telegram makes a command: a slash, up to 32 Latin letters, digits or _, maybe @bot.
COMMAND_RE = r"^/[A-Za-z0-9_]{1,32}(@\w+)?(\s|$)"


async def on_unknown(message: Message, t: Translator, dialog_manager: DialogManager) -> None:
    """A command is never data: not a search, not a name. A hint, and the open flow goes on."""
    listed = "\n".join(f"/{name} — {t.raw(f'cmd-{name}')}" for name in PRIVATE_COMMANDS)
    command = (message.text or "").split()[0]
    await message.answer(t("cmd-unknown", command=command, commands=listed))
    if dialog_manager.has_context():
        await dialog_manager.show(ShowMode.SEND)  # the window again, below the hint


async def on_start_token(
    message: Message, command: CommandObject, uow: UnitOfWork, clock: Clock,
    locales: Locales, t: Translator, dialog_manager: DialogManager,
) -> None:
    """Join the invite's team, then land in the main menu in the person's language."""
    tg = message.from_user
    if tg is None:
        return
    name = people.clean_display_name(tg.first_name, tg.last_name, str(tg.id))
    user = await teams.accept_invite(uow, command.args or "", tg.id, name, clock())
    t = locales.get(people.pick_language(user.language, tg.language_code, t.locale))
    dialog_manager.middleware_data[ACTOR_KEY] = user
    dialog_manager.middleware_data[T_KEY] = t
    await message.answer(t("start-welcome", name=user.display_name))
    await dialog_manager.start(MenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def on_menu(message: Message, dialog_manager: DialogManager) -> None:
    """Home, from anywhere; whatever flow was open is closed (saved data stays)."""
    await dialog_manager.start(MenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def on_help(message: Message, dialog_manager: DialogManager) -> None:
    await dialog_manager.start(MenuSG.help, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def on_settings(message: Message, dialog_manager: DialogManager) -> None:
    await dialog_manager.start(SettingsSG.main, mode=StartMode.RESET_STACK,
                               show_mode=ShowMode.SEND)


async def on_cancel(message: Message, dialog_manager: DialogManager, t: Translator) -> None:
    """Leave any flow; only unfinished input is dropped, everything saved stays saved."""
    await message.answer(t("cancel-done"))
    await dialog_manager.start(MenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def on_bind(
    message: Message, command: CommandObject, uow: UnitOfWork, actor: User | None,
    clock: Clock, t: Translator,
) -> None:
    """Make this group the team's digest chat (managers of that team, or admins)."""
    team = await teams.bind_chat(uow, actor, message.chat.id, command.args, clock())
    await message.answer(t("bind-done", team=team.name))


async def on_away(
    message: Message, command: CommandObject, uow: UnitOfWork, actor: User, clock: Clock,
    t: Translator, defaults: DefaultsSection,
) -> None:
    """`/away 2026-12-01 2026-12-05` pauses pushes for those days; `/away off` resumes."""
    args = (command.args or "").split()
    tz = await visits.user_timezone(uow, actor, defaults.timezone)
    if args == ["off"]:
        await agenda.set_away(uow, actor, None, None, tz, clock())
        await message.answer(t("away-off"))
        return
    first, last = _away_days(args)
    await agenda.set_away(uow, actor, first, last, tz, clock())
    await message.answer(t("away-set", first=first.isoformat(), last=last.isoformat()))


def _away_days(args: list[str]) -> tuple[date, date]:
    """One or two ISO dates; anything else is explained by the usage text."""
    try:
        days = [date.fromisoformat(a) for a in args]
    except ValueError:
        days = []
    if len(days) not in (1, 2):
        raise Refused("away-usage")
    return days[0], days[-1]
