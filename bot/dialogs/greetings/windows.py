"""Monthly-cards windows."""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from aiogram.enums import ContentType
from aiogram.fsm.state import State
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import (
    Button,
    Cancel,
    Column,
    CopyText,
    Group,
    Row,
    Select,
    SwitchTo,
)
from aiogram_dialog.widgets.text import Format

from bot.dialogs.common import Notice, on_not_text, stray_input
from bot.dialogs.greetings import getters
from bot.dialogs.greetings import handlers as h
from bot.dialogs.greetings.states import GreetingsSG as S
from bot.dialogs.greetings.states import W
from bot.i18n import I18NFormat, Label


def _to(state: State, widget_id: str) -> SwitchTo:
    return SwitchTo(Label("common-back"), id=widget_id, state=state)


def greetings_dialog() -> Dialog:
    """A fresh dialog object (a dialog can belong to one dispatcher only)."""
    return Dialog(
        Window(
            Notice(), I18NFormat("greetings-title"),
            I18NFormat("greetings-no-cards", when="no_cards"),
            Column(Select(Format("{item[1]}"), id=W.OCCASIONS, item_id_getter=itemgetter(0),
                          items="occasions", on_click=h.on_pick_occasion)),
            Row(Button(Label("greetings-enrol"), id=W.ENROL, on_click=h.on_enrol),
                Button(Label("greetings-settings"), id=W.SETTINGS, on_click=h.on_settings),
                when="is_lead"),
            Cancel(Label("common-back")), stray_input(),
            state=S.main, getter=getters.main,
        ),
        Window(
            Notice(), I18NFormat("greetings-occasion-title"),
            Button(Label("greetings-all-sent"), id=W.ALL_SENT, on_click=h.on_all_sent,
                   when="open"),
            Column(Select(Format("{item[1]}"), id=W.CARDS, item_id_getter=itemgetter(0),
                          items="cards", on_click=h.on_pick_card)),
            Row(Button(Label("greetings-pdf"), id=W.PDF, on_click=h.on_download),
                Button(Label("greetings-xlsx"), id=W.XLSX, on_click=h.on_download),
                Button(Label("greetings-csv"), id=W.CSV, on_click=h.on_download)),
            _to(S.main, W.TO_MAIN), stray_input(),
            state=S.occasion, getter=getters.occasion,
        ),
        Window(
            Notice(), I18NFormat("greetings-card-title", when="found"),
            I18NFormat("greetings-card-gone", when=lambda d, *_: not d["found"]),
            Row(Button(Label("greetings-sent"), id=W.SENT, on_click=h.on_sent),
                SwitchTo(Label("greetings-skip"), id=W.SKIP, state=S.skip), when="markable"),
            Row(SwitchTo(Label("greetings-edit"), id=W.EDIT, state=S.edit_text),
                when="planned"),
            CopyText(Label("greetings-copy"), copy_text=Format("{text}"), when="copyable"),
            _to(S.occasion, W.TO_OCCASION), stray_input(),
            state=S.card, getter=getters.card,
        ),
        Window(
            Notice(), I18NFormat("greetings-skip-prompt"),
            MessageInput(h.on_reason, content_types=[ContentType.TEXT]),
            MessageInput(on_not_text),
            Button(Label("greetings-no-reason"), id=W.NO_REASON, on_click=h.on_no_reason),
            _to(S.card, W.TO_CARD),
            state=S.skip, getter=getters.card,
        ),
        Window(
            Notice(), I18NFormat("greetings-edit-prompt"),
            MessageInput(h.on_text, content_types=[ContentType.TEXT]),
            MessageInput(on_not_text),
            _to(S.card, W.TO_CARD),
            state=S.edit_text, getter=getters.card,
        ),
        *_enrol_windows(), *_settings_windows(),
        on_start=h.on_start,
    )


def _select(items: str, widget_id: str, on_click: Any, width: int = 1) -> Group:
    return Group(Select(Format("{item[1]}"), id=widget_id, item_id_getter=itemgetter(0),
                        items=items, on_click=on_click), width=width)


def _text_input(handler: Any) -> tuple[MessageInput, MessageInput]:
    return MessageInput(handler, content_types=[ContentType.TEXT]), MessageInput(on_not_text)


def _not_allowed() -> I18NFormat:
    return I18NFormat("greetings-not-allowed", when=lambda d, *_: not d["allowed"])


def _enrol_windows() -> list[Window]:
    """Managers: a segment kind, its value (picked or typed), the counts, confirm."""
    return [
        Window(Notice(), I18NFormat("greetings-enrol-kind"),
               _select("kinds", W.SEG_KINDS, h.on_seg_kind, 2),
               _to(S.main, W.TO_MAIN), stray_input(), state=S.enrol_kind, getter=getters.enrol),
        Window(Notice(), I18NFormat("greetings-enrol-value"),
               _select("values", W.SEG_VALUES, h.on_seg_value, 2), *_text_input(h.on_seg_text),
               _to(S.enrol_kind, W.TO_KINDS), state=S.enrol_value, getter=getters.enrol),
        Window(Notice(), I18NFormat("greetings-enrol-confirm", when="allowed"), _not_allowed(),
               Button(Label("greetings-confirm"), id=W.CONFIRM, on_click=h.on_confirm,
                      when="allowed"),
               _to(S.enrol_value, W.TO_VALUE), stray_input(), state=S.enrol_confirm,
               getter=getters.enrol_confirm),
    ]


def _settings_windows() -> list[Window]:
    """Managers: lead days, Western occasions, the month's card, company dates."""
    allowed = "allowed"
    back = _to(S.settings, W.TO_SETTINGS)
    return [
        Window(Notice(), I18NFormat("greetings-settings-title", when=allowed), _not_allowed(),
               Row(Button(Label("greetings-lead-postal"), id=W.LEAD_POSTAL, on_click=h.on_lead),
                   Button(Label("greetings-lead-message"), id=W.LEAD_MESSAGE,
                          on_click=h.on_lead), when=allowed),
               _select("western_items", W.WESTERN, h.on_western, 2),
               Row(SwitchTo(Label("greetings-months"), id=W.TO_MONTHS, state=S.months),
                   SwitchTo(Label("greetings-company-add"), id=W.TO_COMPANY, state=S.company),
                   when=allowed),
               _to(S.main, W.TO_MAIN), stray_input(), state=S.settings, getter=getters.settings),
        Window(Notice(), I18NFormat("greetings-lead-prompt"), *_text_input(h.on_lead_text),
               back, state=S.lead, getter=getters.settings),
        Window(Notice(), I18NFormat("greetings-month-prompt"),
               _select("months", W.MONTHS, h.on_month, 3), back, stray_input(),
               state=S.months, getter=getters.settings),
        Window(Notice(), I18NFormat("greetings-month-pick-prompt"),
               Button(Label("greetings-default"), id=W.DEFAULT_PICK, on_click=h.on_default_pick),
               _select("choices", W.PICKS, h.on_pick), _to(S.months, W.TO_MONTHS),
               stray_input(), state=S.month_pick, getter=getters.settings),
        Window(Notice(), I18NFormat("greetings-company-prompt"),
               _select("date_items", W.DATES, h.on_remove_date), *_text_input(h.on_company_text),
               back, state=S.company, getter=getters.settings),
    ]
