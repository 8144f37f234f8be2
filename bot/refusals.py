"""The one place a domain refusal becomes what the user reads.

A use case raises `Refused(code, **args)`, and its code is a Fluent key. Handlers just call the
use case and let the refusal propagate:

- dialog callbacks carry `@refusals`: the reason is shown above the same window as a
  re-prompt, so nothing typed so far is lost (`@refusals_on(state)` shows it on another
  window, e.g. back on the summary);
- plain routers (commands, buttons under pushed messages) use `reply_refusals` as a
  middleware: a message is answered with the reason, a button press with an alert;
- a refusal nobody expected is still said by the errors router, with `refusal_text`.

Decorators, not a middleware, for dialogs: aiogram-dialog calls widget handlers inside
`Dialog._callback_handler`, and an exception there skips its redraw and callback answer and
the saving of the dialog context; `on_start` even runs inside whatever handler started the
dialog. Catching at the callback itself keeps the library's normal path.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from enum import Enum
from functools import wraps
from typing import Any, ParamSpec, TypeVar, cast

from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message, TelegramObject
from aiogram_dialog import DialogManager

from bot.i18n import T_KEY, Translator
from sales.kernel.errors import Refused

NOTICE = "notice"   # dialog_data: {"code": Fluent key, "args": {...}}, shown once (common.Notice)

P = ParamSpec("P")
Callback = Callable[P, Coroutine[Any, Any, None]]  # async: widgets expect coroutines
Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


def set_notice(manager: DialogManager, code: str, **args: Any) -> None:
    """Show a localized line (usually a re-prompt) above the current window until the next step."""
    manager.dialog_data[NOTICE] = {"code": code, "args": args}


def notice(manager: DialogManager, exc: Refused) -> None:
    """The refusal as that line; its arguments kept as plain values (dialog data is stored)."""
    args = {k: v if isinstance(v, int | float) else str(v) for k, v in exc.args_for_text.items()}
    set_notice(manager, exc.code, **args)


def refusals(handler: Callback[P]) -> Callback[P]:
    """A dialog callback whose refusal re-prompts on the window the user is on."""
    return _guard(handler, None)


def refusals_on(state: State) -> Callable[[Callback[P]], Callback[P]]:
    """Like `refusals`, but the re-prompt is shown on `state`'s window."""

    def decorate(handler: Callback[P]) -> Callback[P]:
        return _guard(handler, state)

    return decorate


def _guard(handler: Callback[P], state: State | None) -> Callback[P]:
    """Run the callback; a refusal becomes the notice (and, if given, a switch to `state`)."""

    @wraps(handler)
    async def guarded(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            await handler(*args, **kwargs)
        except Refused as exc:
            manager = _manager(args, kwargs)
            notice(manager, exc)
            if state is not None:
                await manager.switch_to(state)

    return guarded


def _manager(args: tuple[object, ...], kwargs: dict[str, object]) -> DialogManager:
    """The dialog manager among a callback's arguments (widget handler, on_start or helper)."""
    for arg in (*args, *kwargs.values()):
        if DialogManager in type(arg).__mro__:  # a Protocol: isinstance() is not allowed
            return cast(DialogManager, arg)
    raise TypeError("@refusals guards dialog callbacks, which take the DialogManager")


def item_id(item: str, code: str) -> int:
    """The id a button carries; a forged or garbled one is refused with `code`."""
    try:
        return int(item)
    except ValueError:
        raise Refused(code) from None


E = TypeVar("E", bound=Enum)


def item_of(kind: type[E], item: str, code: str) -> E:
    """The enum value a button carries; a forged one is refused with `code`, not a traceback."""
    try:
        return kind(item)
    except ValueError:
        raise Refused(code, value=item) from None


def refusal_text(t: Translator, exc: Refused) -> str:
    """The reason in the user's language, as HTML (arguments escaped)."""
    return t(exc.code, **exc.args_for_text)


def refusal_alert(t: Translator, exc: Refused) -> str:
    """The reason as plain text: Telegram shows alerts without HTML."""
    return t.raw(exc.code, **exc.args_for_text)


async def reply_refusals(handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
    """Router middleware: a refused command gets the reason as a reply, a button an alert."""
    try:
        return await handler(event, data)
    except Refused as exc:
        t: Translator = data[T_KEY]
        if isinstance(event, CallbackQuery):
            await event.answer(refusal_alert(t, exc), show_alert=True)
        elif isinstance(event, Message):
            await event.answer(refusal_text(t, exc))
        else:
            raise
        return None
