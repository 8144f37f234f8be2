"""What every dialog shares: typed access to the update's context and localized refusals."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.text import Text

from bot.i18n import LOCALES_KEY, T_KEY, Locales, Translator
from bot.middlewares import ACTOR_KEY, CLOCK_KEY, UOW_KEY
from sales.errors import Refused
from sales.models import User
from sales.ports import Clock, UnitOfWork

NOTICE = "notice"


@dataclass(frozen=True, slots=True)
class Ctx:
    """The per-update objects the middlewares put into `middleware_data`."""

    uow: UnitOfWork
    actor: User | None
    t: Translator
    clock: Clock
    locales: Locales
    data: Mapping[str, Any]

    def now(self) -> datetime:
        """Aware UTC now, from the injected clock."""
        return self.clock()

    def me(self) -> User:
        """The actor, for flows only registered users can reach (the gate runs first)."""
        if self.actor is None:
            raise Refused("gate-unregistered")
        return self.actor


def ctx(manager: DialogManager) -> Ctx:
    """Typed view of the middleware data of the current update."""
    data = manager.middleware_data
    return Ctx(data[UOW_KEY], data[ACTOR_KEY], data[T_KEY], data[CLOCK_KEY], data[LOCALES_KEY],
               data)


def set_notice(manager: DialogManager, code: str, **args: Any) -> None:
    """Show a localized line (usually a re-prompt) above the current window until the next step."""
    manager.dialog_data[NOTICE] = {"code": code, "args": args}


def refuse(manager: DialogManager, exc: Refused) -> None:
    """Turn a domain refusal into a re-prompt on the same window; nothing typed is lost."""
    args = {k: v if isinstance(v, int | float) else str(v) for k, v in exc.args_for_text.items()}
    set_notice(manager, exc.code, **args)


def clear_notice(manager: DialogManager) -> None:
    """Forget the last re-prompt once the user moved on."""
    manager.dialog_data.pop(NOTICE, None)


async def on_not_text(_message: Any, _widget: Any, manager: DialogManager) -> None:
    """A sticker, photo or voice where text was asked for: say so, stay on the step."""
    set_notice(manager, "common-text-expected")


async def on_stray_input(_message: Any, _widget: Any, manager: DialogManager) -> None:
    """Text where a window expects a button press: redraw it below with a hint, not silence."""
    set_notice(manager, "common-use-buttons")


def stray_input() -> MessageInput:
    """Put in every window without its own input, so typing is never swallowed silently."""
    return MessageInput(on_stray_input)


class Notice(Text):
    """Renders the pending notice once, if any (put it first in a window's text)."""

    def __init__(self) -> None:
        super().__init__(when=None)

    async def _render_text(self, data: Mapping[str, Any], manager: DialogManager) -> str:
        notice = manager.dialog_data.pop(NOTICE, None)  # shown once, then forgotten
        if not notice:
            return ""
        t: Translator = manager.middleware_data[T_KEY]
        return "⚠️ " + t(notice["code"], **notice["args"]) + "\n"
