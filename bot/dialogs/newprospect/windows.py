"""New-prospect windows: name -> (contact, decision) -> phone -> method -> (referrer) -> MAN
-> summary -> save. Every step after the name can be skipped or saved from at once."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from operator import itemgetter
from typing import Any

from aiogram.enums import ContentType
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery
from aiogram_dialog import Dialog, DialogManager, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, Group, Row, Select
from aiogram_dialog.widgets.text import Format

from bot.dialogs.common import Notice, compose_id, field_window, on_not_text, stray_input
from bot.dialogs.newprospect import getters
from bot.dialogs.newprospect import handlers as h
from bot.dialogs.newprospect.states import NewProspectSG as S
from bot.dialogs.newprospect.states import W
from bot.i18n import I18NFormat, Label

ANSWERS = [("yes", "answer-yes"), ("no", "answer-no"), ("unknown", "answer-unknown")]


OnClick = Callable[[CallbackQuery, Button, DialogManager], Awaitable[None]]
OnItem = Callable[[CallbackQuery, Any, DialogManager, str], Awaitable[None]]


def _answers(widget_id: str, on_click: OnItem) -> Row:
    return Row(*[Button(Label(key), id=compose_id(widget_id, value),
                        on_click=_answer(on_click, value)) for value, key in ANSWERS])


def _answer(handler: OnItem, value: str) -> OnClick:
    async def click(cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
        await handler(cb, None, manager, value)
    return click


def _nav(save: bool = True) -> Row:
    """Back / Skip / Save now: the last one makes 'name -> save' the fastest path."""
    buttons = [Button(Label("common-back"), id=W.BACK, on_click=h.on_back),
               Button(Label("common-skip"), id=W.SKIP, on_click=h.on_skip)]
    if save:
        buttons.append(Button(Label("newp-save"), id=W.SAVE_NOW, on_click=h.on_save))
    return Row(*buttons)


def _text_step(state: object, key: str) -> Window:
    return Window(
        Notice(), I18NFormat(key),
        MessageInput(h.on_text_step, content_types=[ContentType.TEXT]),
        MessageInput(on_not_text), _nav(), Cancel(Label("common-cancel")),
        state=state, getter=getters.draft,  # type: ignore[arg-type]
    )


def _man_step(state: object, key: str) -> Window:
    return Window(Notice(), I18NFormat(key), _answers(W.MAN, h.on_man), _nav(), stray_input(),
                  state=state, getter=getters.draft)  # type: ignore[arg-type]


def new_prospect_dialog() -> Dialog:
    """A fresh dialog object (a dialog can belong to one dispatcher only)."""
    return Dialog(
        Window(
            Notice(), I18NFormat("newp-step-name"),
            Button(Label("newp-kind"), id=W.KIND, on_click=h.on_kind),
            MessageInput(h.on_text_step, content_types=[ContentType.TEXT]),
            MessageInput(on_not_text), Cancel(Label("common-cancel")),
            state=S.name, getter=getters.draft,
        ),
        _text_step(S.contact, "newp-step-contact"),
        Window(Notice(), I18NFormat("newp-step-decision"), _answers(W.DECISION, h.on_decision),
               _nav(), stray_input(), state=S.decision, getter=getters.draft),
        _text_step(S.phone, "newp-step-phone"),
        Window(
            Notice(), I18NFormat("newp-step-method"),
            Group(Select(Format("{item[1]}"), id=W.METHOD, item_id_getter=itemgetter(0),
                         items="methods", on_click=h.on_method), width=2),
            _nav(), stray_input(), state=S.method, getter=getters.draft,
        ),
        Window(
            Notice(), I18NFormat("newp-step-referrer"),
            Column(Select(Format("{item[1]}"), id=W.REFERRER, item_id_getter=itemgetter(0),
                          items="ref_hits", on_click=h.on_referrer_pick)),
            Button(Label("newp-ref-new"), id=W.REFERRER_NEW, on_click=h.on_referrer_new,
                   when="ref_hits"),
            MessageInput(h.on_referrer_text, content_types=[ContentType.TEXT]),
            MessageInput(on_not_text), _nav(), state=S.referrer, getter=getters.draft,
        ),
        _man_step(S.man_m, "newp-step-man-m"),
        _man_step(S.man_a, "newp-step-man-a"),
        _man_step(S.man_n, "newp-step-man-n"),
        _summary(), _field(), _duplicates(), _done(),
        on_start=h.on_start,
    )


def _summary() -> Window:
    return Window(
        Notice(), I18NFormat("newp-summary"),
        Group(Select(Format("✏️ {item[1]}"), id=W.FIELDS, item_id_getter=itemgetter(0),
                     items="fields", on_click=h.on_pick_field), width=3),
        Row(Button(Label("newp-mail"), id=W.MAIL, on_click=h.on_toggle),
            Button(Label("newp-dnc"), id=W.DNC, on_click=h.on_toggle)),
        Row(Button(Label("newp-method"), id=W.TO_METHOD, on_click=_goto(S.method)),
            Button(Label("newp-man-redo"), id=W.MAN_REDO, on_click=h.on_man_reset)),
        Row(Button(Label("common-back"), id=W.BACK, on_click=h.on_back),
            Button(Label("newp-save"), id=W.SAVE, on_click=h.on_save)),
        Cancel(Label("common-cancel")), stray_input(),
        state=S.summary, getter=getters.draft,
    )


def _goto(state: State) -> OnClick:
    async def click(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
        await manager.switch_to(state)
    return click


def _field() -> Window:
    return field_window(
        S.field, getters.draft, h.on_field_text,
        Row(Button(Label("common-back"), id=W.BACK, on_click=_goto(S.summary)),
            Button(Label("newp-clear"), id=W.CLEAR, on_click=h.on_field_clear)))


def _duplicates() -> Window:
    return Window(
        I18NFormat("newp-duplicates"),
        Column(Select(Format("🔎 {item[1]}"), id=W.OPEN_DUPLICATE, item_id_getter=itemgetter(0),
                      items="open_matches", on_click=h.on_open_match)),
        Button(Label("newp-save-anyway"), id=W.ANYWAY, on_click=h.on_save_anyway),
        Button(Label("common-back"), id=W.BACK, on_click=_goto(S.summary)),
        stray_input(), state=S.duplicates, getter=getters.draft,
    )


def _done() -> Window:
    return Window(
        I18NFormat("newp-done"),
        Row(Button(Label("newp-open-card"), id=W.OPEN, on_click=h.on_open_saved),
            Button(Label("newp-another"), id=W.ANOTHER, on_click=h.on_another)),
        Cancel(Label("common-done")), stray_input(),
        state=S.done, getter=getters.draft,
    )
