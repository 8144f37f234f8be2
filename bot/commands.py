"""The command menu Telegram shows next to the input field, per language and chat kind."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
)

from bot.i18n import Locales, Translator

PRIVATE_COMMANDS = ("start", "menu", "settings", "away", "help", "cancel", "referrals",
                    "export", "digest", "report")
GROUP_COMMANDS = ("bind", "digest", "report")


def bot_commands(t: Translator, names: tuple[str, ...]) -> list[BotCommand]:
    """The command list in one language, descriptions from the locale files."""
    return [BotCommand(command=name, description=t.raw(f"cmd-{name}")) for name in names]


async def publish_commands(bot: Bot, locales: Locales) -> None:
    """setMyCommands per language: zh clients get Chinese, everyone else English."""
    for lang in ("en", "zh"):
        code = None if lang == "en" else lang
        t = locales.get(lang)
        await bot.set_my_commands(bot_commands(t, PRIVATE_COMMANDS),
                                  scope=BotCommandScopeAllPrivateChats(), language_code=code)
        await bot.set_my_commands(bot_commands(t, GROUP_COMMANDS),
                                  scope=BotCommandScopeAllGroupChats(), language_code=code)


async def publish_for_chat(bot: Bot, chat_id: int, t: Translator) -> None:
    """After a language change, this person's command list follows their choice."""
    await bot.set_my_commands(bot_commands(t, PRIVATE_COMMANDS),
                              scope=BotCommandScopeChat(chat_id=chat_id))
