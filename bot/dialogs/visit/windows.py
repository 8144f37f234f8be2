"""Record-a-visit windows."""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from aiogram.enums import ContentType
from aiogram_dialog import Dialog, DialogManager, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, Group, Row, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from bot.dialogs.calendar import TODAY, LocalCalendar
from bot.dialogs.common import Notice, on_not_text, stray_input
from bot.dialogs.visit import getters
from bot.dialogs.visit import handlers as h
from bot.dialogs.visit.states import QUICK_SUGGESTED, W
from bot.dialogs.visit.states import VisitSG as S
from bot.i18n import I18NFormat, Label

DEPENDS = "depends"  # Back from the last screen depends on the outcome (on_back_finish)


def _select(items: str, wid: str, on_click: Any, width: int = 2, when: str | None = None
            ) -> Group:
    return Group(Select(Format("{item[1]}"), id=wid, item_id_getter=itemgetter(0), items=items,
                        on_click=on_click), width=width, when=when)


def _step(state: Any, text: str, *widgets: Any, back: Any = None, getter: Any = getters.visit
          ) -> Window:
    """A step with Back (to `back`, or through the last screen's handler) and Cancel."""
    nav = [Button(Label("common-back"), id=W.BACK, on_click=h.on_back_finish) if back is DEPENDS
           else SwitchTo(Label("common-back"), id=W.BACK, state=back)] if back else []
    return Window(Notice(), I18NFormat(text), *widgets, *nav, Cancel(Label("common-cancel")),
                  state=state, getter=getter)


def _text_step(state: Any, text: str, handler: Any, *widgets: Any, back: Any) -> Window:
    """A step that takes typed text (anything else: a hint, the step stays)."""
    return _step(state, text, MessageInput(handler, content_types=[ContentType.TEXT]), *widgets,
                 MessageInput(on_not_text), back=back)


def visit_dialog() -> Dialog:
    """A fresh dialog object (a dialog can belong to one dispatcher only)."""
    return Dialog(*_start_windows(), *_plan_windows(), *_finish_windows(), on_start=h.on_start)


def _start_windows() -> list[Window]:
    """Who (picked, searched or near the shared location) and how it went."""
    return [
        _step(S.pick, "visit-pick", Column(Select(
            Format("{item[1]}"), id=W.PICK, item_id_getter=itemgetter(0), items="recent",
            on_click=h.on_pick)), MessageInput(h.on_search, content_types=[ContentType.TEXT]),
            _check_in(), MessageInput(on_not_text), getter=getters.pick),
        _step(S.nearby, "visit-nearby", Column(Select(
            Format("{item[1]}"), id=W.NEARBY, item_id_getter=itemgetter(0), items="near",
            on_click=h.on_check_in)), I18NFormat("visit-nearby-none", when="no_near"),
            MessageInput(h.on_search, content_types=[ContentType.TEXT]),
            _check_in(), MessageInput(on_not_text), getter=getters.nearby),
        _step(S.outcome, "visit-ask-outcome", I18NFormat("visit-checked-in", when="checked_in"),
              _select("outcomes", W.OUTCOME, h.on_outcome),
              Row(SwitchTo(Label("visit-change-channel"), id=W.TO_CHANNEL, state=S.channel),
                  SwitchTo(Label("visit-change-day"), id=W.TO_DAY, state=S.day),
                  when=_not_checked_in),
              _check_in(), stray_input(), back=S.pick),
        _step(S.channel, "visit-ask-channel", _select("channels", W.CHANNEL, h.on_channel),
              stray_input(), back=S.outcome),
        _step(S.day, "visit-ask-day", Row(
            Button(Label("visit-today"), id=W.TODAY, on_click=h.on_day_quick),
            Button(Label("visit-yesterday"), id=W.YESTERDAY, on_click=h.on_day_quick),
            SwitchTo(Label("visit-calendar"), id=W.CALENDAR, state=S.calendar)),
            stray_input(), back=S.outcome),
        _step(S.calendar, "visit-ask-day", LocalCalendar(
            W.CALENDAR, h.on_day_picked, min_key=getters.BACK_LIMIT, max_key=TODAY),
              stray_input(), back=S.day, getter=getters.calendar),
        _text_step(S.amount, "visit-ask-amount", h.on_amount, back=S.outcome),
        _text_step(S.reason, "visit-ask-reason", h.on_reason,
                   Button(Label("common-skip"), id=W.SKIP, on_click=h.on_skip_reason),
                   back=S.outcome),
    ]


def _plan_windows() -> list[Window]:
    """Another day for the next contact: the cadence's suggestion first, then quick choices."""
    return [
        _step(S.plan, "visit-ask-next",
              Button(Label("visit-suggested"), id=W.SUGGESTED, when="has_suggestion",
                     on_click=_quick(QUICK_SUGGESTED)),
              _select("quick", W.QUICK, h.on_next_quick, width=3),
              Row(SwitchTo(Label("visit-calendar"), id=W.NEXT_CALENDAR, state=S.next_calendar),
                  Button(Label("visit-no-next"), id=W.NO_NEXT, on_click=h.on_no_next)),
              stray_input(), back=S.finish),
        _step(S.next_calendar, "visit-ask-next",
              LocalCalendar(W.NEXT_CALENDAR, h.on_next_picked, min_key=TODAY), stray_input(),
              back=S.plan, getter=getters.calendar),
        _text_step(S.next_time, "visit-ask-time", h.on_time_text,
                   _select("times", W.TIME, h.on_time, width=3),
                   Button(Label("visit-time-tomorrow"), id=W.TOMORROW, on_click=h.on_tomorrow,
                          when="past_at"), back=S.finish),
        _text_step(S.next_text, "visit-ask-next-text", h.on_next_text, back=S.finish),
    ]


def _finish_windows() -> list[Window]:
    """The last screen (everything on it optional, then Save), and the saved visit."""
    return [
        _step(S.finish, "visit-finish",
              I18NFormat("visit-finish-amount", when="amount"),
              I18NFormat("visit-finish-reason", when="lost_reason"),
              I18NFormat("visit-finish-next-text", when="next_text"),
              I18NFormat("visit-stage-applied", when="stage_applied"),
              I18NFormat("visit-stage-undone", when="stage_undone"),
              I18NFormat("visit-man-open", when="has_man"),
              I18NFormat("visit-ask-details"),
              _select("man_toggles", W.MAN, h.on_man, width=3, when="has_man"),
              Button(Format("{stage_button}"), id=W.UNDO_STAGE, on_click=h.on_undo_stage,
                     when="has_stage"),
              SwitchTo(Label("visit-change-next"), id=W.TO_PLAN, state=S.plan),
              Row(SwitchTo(Label("visit-other-time"), id=W.OTHER_TIME, state=S.next_time),
                  SwitchTo(Label("visit-next-text"), id=W.NEXT_TEXT, state=S.next_text),
                  when="has_next"),
              Button(Label("visit-save"), id=W.SAVE, on_click=h.on_save),
              MessageInput(h.on_details), back=DEPENDS),
        Window(I18NFormat("visit-done"),
               Button(Label("newp-open-card"), id=W.OPEN, on_click=h.on_open_card),
               Button(Label("visit-ask-referrals"), id=W.REFERRALS,
                      on_click=h.on_ask_referrals, when="ask_referrals"),
               Cancel(Label("common-done")), stray_input(), state=S.done,
               getter=getters.done),
    ]


def _check_in() -> MessageInput:
    """A shared location here starts a check-in."""
    return MessageInput(h.on_location, content_types=[ContentType.LOCATION])


def _not_checked_in(data: dict[str, Any], _w: Any, _m: DialogManager) -> bool:
    """A check-in's channel and day are its stamps: not offered for change."""
    return not data.get("checked_in")


def _quick(value: str) -> Any:
    async def click(cb: Any, _b: Any, manager: DialogManager) -> None:
        await h.on_next_quick(cb, None, manager, value)
    return click
