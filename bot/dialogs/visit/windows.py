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
from bot.dialogs.common import Notice, compose_id, on_not_text, stray_input
from bot.dialogs.visit import getters
from bot.dialogs.visit import handlers as h
from bot.dialogs.visit.states import QUICK_SUGGESTED, W
from bot.dialogs.visit.states import VisitSG as S
from bot.i18n import I18NFormat, Label

PLAN = "plan"  # Back from the plan's steps depends on what was asked (handlers.on_back_plan)
ANSWERS = [("yes", "answer-yes"), ("no", "answer-no"), ("unknown", "answer-unknown")]


def _select(items: str, wid: str, on_click: Any, width: int = 2) -> Group:
    return Group(Select(Format("{item[1]}"), id=wid, item_id_getter=itemgetter(0), items=items,
                        on_click=on_click), width=width)


def _step(state: Any, text: str, *widgets: Any, back: Any = None) -> Window:
    """A step with Back (to `back`, or through the plan's handler when it depends) and Cancel."""
    nav = [Button(Label("common-back"), id=W.BACK, on_click=h.on_back_plan) if back is PLAN
           else SwitchTo(Label("common-back"), id=W.BACK, state=back)] if back else []
    return Window(Notice(), I18NFormat(text), *widgets, *nav, Cancel(Label("common-cancel")),
                  state=state, getter=getters.visit)


def visit_dialog() -> Dialog:
    """A fresh dialog object (a dialog can belong to one dispatcher only)."""
    return Dialog(
        _step(S.pick, "visit-pick", Column(Select(
            Format("{item[1]}"), id=W.PICK, item_id_getter=itemgetter(0), items="recent",
            on_click=h.on_pick)), MessageInput(h.on_search, content_types=[ContentType.TEXT]),
            MessageInput(on_not_text)),
        _step(S.channel, "visit-ask-channel", _select("channels", W.CHANNEL, h.on_channel),
              stray_input(), back=S.pick),
        _step(S.day, "visit-ask-day", Row(
            Button(Label("visit-today"), id=W.TODAY, on_click=h.on_day_quick),
            Button(Label("visit-yesterday"), id=W.YESTERDAY, on_click=h.on_day_quick),
            SwitchTo(Label("visit-calendar"), id=W.CALENDAR, state=S.calendar)),
            stray_input(), back=S.channel),
        _step(S.calendar, "visit-ask-day", LocalCalendar(
            W.CALENDAR, h.on_day_picked, min_key=getters.BACK_LIMIT, max_key=TODAY),
              stray_input(), back=S.day),
        _step(S.outcome, "visit-ask-outcome", _select("outcomes", W.OUTCOME, h.on_outcome),
              stray_input(), back=S.day),
        _step(S.amount, "visit-ask-amount",
              MessageInput(h.on_amount, content_types=[ContentType.TEXT]),
              MessageInput(on_not_text), back=S.outcome),
        _step(S.reason, "visit-ask-reason",
              MessageInput(h.on_reason, content_types=[ContentType.TEXT]),
              SwitchTo(Label("common-skip"), id=W.SKIP, state=S.details),
              MessageInput(on_not_text), back=S.outcome),
        _step(S.details, "visit-ask-details", MessageInput(h.on_details),
              Button(Label("visit-next-step"), id=W.DETAILS_DONE, on_click=h.on_details_done),
              back=S.outcome),
        _step(S.stage, "visit-ask-stage", Row(
            Button(Label("answer-yes"), id=W.STAGE_YES, on_click=h.on_stage),
            Button(Label("answer-no"), id=W.STAGE_NO, on_click=h.on_stage)), stray_input(),
              back=PLAN),
        _step(S.man, "visit-ask-man", Row(*[
            Button(Label(k), id=compose_id(W.MAN, v), on_click=_answer(v)) for v, k in ANSWERS]),
            stray_input(), back=PLAN),
        _step(S.next, "visit-ask-next",
              Button(Label("visit-suggested"), id=W.SUGGESTED, when="has_suggestion",
                     on_click=_quick(QUICK_SUGGESTED)),
              _select("quick", W.QUICK, h.on_next_quick, width=3),
              Row(SwitchTo(Label("visit-calendar"), id=W.NEXT_CALENDAR, state=S.next_calendar),
                  Button(Label("visit-no-next"), id=W.NO_NEXT, on_click=h.on_no_next)),
              stray_input(), back=PLAN),
        _step(S.next_calendar, "visit-ask-next",
              LocalCalendar(W.NEXT_CALENDAR, h.on_next_picked, min_key=TODAY), stray_input(),
              back=S.next),
        _step(S.next_time, "visit-ask-time", _select("times", W.TIME, h.on_time, width=5),
              Button(Label("visit-time-tomorrow"), id=W.TOMORROW, on_click=h.on_tomorrow,
                     when="past_at"),
              MessageInput(h.on_time_text, content_types=[ContentType.TEXT]),
              MessageInput(on_not_text), back=S.next),
        _step(S.next_text, "visit-ask-next-text",
              MessageInput(h.on_next_text, content_types=[ContentType.TEXT]),
              Button(Label("common-skip"), id=W.SKIP_TEXT, on_click=h.on_next_skip_text),
              MessageInput(on_not_text), back=S.next_time),
        Window(I18NFormat("visit-done"),
               Button(Label("newp-open-card"), id=W.OPEN, on_click=h.on_open_card),
               Button(Label("visit-ask-referrals"), id=W.REFERRALS,
                      on_click=h.on_ask_referrals, when="ask_referrals"),
               Cancel(Label("common-done")), stray_input(), state=S.done,
               getter=getters.visit),
        on_start=h.on_start,
    )


def _answer(value: str) -> Any:
    async def click(cb: Any, _b: Any, manager: DialogManager) -> None:
        await h.on_man(cb, None, manager, value)
    return click


def _quick(value: str) -> Any:
    async def click(cb: Any, _b: Any, manager: DialogManager) -> None:
        await h.on_next_quick(cb, None, manager, value)
    return click


