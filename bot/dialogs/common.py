"""What every dialog shares: typed access to the update's context, the notice line, and the
card-field edit window of the new-prospect form and the card."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from aiogram.enums import ContentType
from aiogram.fsm.state import State
from aiogram_dialog import DialogManager, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button
from aiogram_dialog.widgets.text import Text

from bot.i18n import LOCALES_KEY, T_KEY, I18NFormat, Label, Locales, Translator
from bot.i18n import key as i18n_key
from bot.middlewares import ACTOR_KEY, CLOCK_KEY, UOW_KEY
from bot.refusals import NOTICE, set_notice
from sales.kernel.clock import Clock, local_today
from sales.kernel.errors import Refused
from sales.people.model import User
from sales.uow import UnitOfWork
from sales.visits import use_cases as visits

log = logging.getLogger(__name__)


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


async def tz_of(manager: DialogManager) -> str:
    """The rep's timezone (own, team's, default) for 'today' and reminder times."""
    c = ctx(manager)
    return await visits.user_timezone(c.uow, c.me(), c.data["defaults"].timezone)


async def today_of(manager: DialogManager) -> date:
    """The rep's local day on the injected clock: the only 'today' dialogs use."""
    return local_today(await tz_of(manager), ctx(manager).now())


async def tell_user(manager: DialogManager, user: User, key: str, **args: Any) -> None:
    """A note to another person, in their language; what was done stands even if it fails."""
    c = ctx(manager)
    t = c.locales.get(user.language or c.t.locale)
    try:
        await manager.middleware_data["bot"].send_message(user.telegram_id, t(key, **args))
    except Exception:  # blocked bot, network: logged, never shown as an error to the actor
        log.warning("could not tell user %s (%s)", user.id, key, exc_info=True)


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


LUNAR = "lunar"      # dialog_data: the next birthday typed is a lunar date
EDITED = "field"     # dialog_data: which card field the edit window asks for
GREETING_FIELDS = ("salutation", "greeting_language", "greeting_channel")  # greetings.ftl
# The card fields the edit pickers offer, in order (the card leaves out `referred_by_name`).
CARD_FIELDS = ("name", "company", "contact", "phone", "wechat", "email", "address",
               "birthday", "contact_time", "needs", "tags", "notes", "referred_by_name",
               *GREETING_FIELDS)


ID_SEP = "_"         # joins the parts of a composed widget id: "man_money_yes"


class W:
    """Widget ids of the shared edit window."""

    LUNAR = "lunar"  # the lunar-calendar switch of the birthday field


def compose_id(*parts: str) -> str:
    """One widget id per value in a row of alike buttons (named parts, no literal ids)."""
    return ID_SEP.join(parts)


def id_parts(widget_id: str | None) -> list[str]:
    """The parts `compose_id` joined: which button of such a row was pressed."""
    return str(widget_id).split(ID_SEP)


def start_edit(manager: DialogManager, field: str) -> None:
    """Remember the field to edit; the lunar switch starts off each time."""
    manager.dialog_data[EDITED] = field
    manager.dialog_data[LUNAR] = False


def edited_field(manager: DialogManager) -> str:
    """The card field the edit window is asking for."""
    return str(manager.dialog_data[EDITED])


def field_prompt(manager: DialogManager) -> str:
    """The edit window's question for that field, in the user's language."""
    t: Translator = manager.middleware_data[T_KEY]
    return t.raw(i18n_key("newp-ask", manager.dialog_data.get(EDITED, "name")))


def edit_data(manager: DialogManager) -> dict[str, Any]:
    """What the edit window shows, on the form and on the card alike: the question and the
    lunar switch as it is now (not the saved birthday), so a tap always changes the window."""
    return {"field_prompt": field_prompt(manager),
            "lunar": "yes" if manager.dialog_data.get(LUNAR) else "no"}


LUNAR_MARK = "农历"


def typed_value(manager: DialogManager, text: str) -> str:
    """The typed value, marked lunar for a birthday when the switch is on."""
    lunar = manager.dialog_data.get(EDITED) == "birthday" and manager.dialog_data.get(LUNAR)
    marked = text.strip().startswith(LUNAR_MARK)
    return LUNAR_MARK + text if lunar and not marked else text


async def on_lunar(_cb: Any, _b: Any, manager: DialogManager) -> None:
    """Flip the lunar-calendar switch of the birthday field."""
    manager.dialog_data[LUNAR] = not manager.dialog_data.get(LUNAR)


def field_window(state: State, getter: Any, on_text: Any, *buttons: Any) -> Window:
    """One card field asked for by text (shared by the new-prospect form and the card)."""
    return Window(
        Notice(), I18NFormat("newp-edit-field"),
        Button(Label("newp-lunar"), id=W.LUNAR, on_click=on_lunar,
               when=lambda data, *_: data["dialog_data"].get(EDITED) == "birthday"),
        MessageInput(on_text, content_types=[ContentType.TEXT]),
        MessageInput(on_not_text), *buttons, state=state, getter=getter,
    )
