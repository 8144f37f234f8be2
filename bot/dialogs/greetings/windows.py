"""Monthly-cards windows."""

from __future__ import annotations

from operator import itemgetter

from aiogram.enums import ContentType
from aiogram.fsm.state import State
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, CopyText, Row, Select, SwitchTo
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
        on_start=h.on_start,
    )
