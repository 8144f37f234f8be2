"""Search and 'my prospects' windows."""

from __future__ import annotations

from operator import itemgetter

from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Group, Row, ScrollingGroup, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from bot.dialogs.common import Notice, on_not_text, stray_input
from bot.dialogs.find import getters
from bot.dialogs.find import handlers as h
from bot.dialogs.find.states import CLASS, METHOD, STAGE, W
from bot.dialogs.find.states import FindSG as S
from bot.i18n import I18NFormat, Label


def _pick(state: object, key: str, widget_id: str, items: str, title: str) -> Window:
    return Window(
        I18NFormat(title),
        Group(Select(Format("{item[1]}"), id=widget_id, item_id_getter=itemgetter(0),
                     items=items, on_click=h.on_filter(key)), width=2),
        SwitchTo(Label("common-back"), id=W.BACK, state=S.mine), stray_input(),
        state=state, getter=getters.mine,  # type: ignore[arg-type]
    )


def find_dialog() -> Dialog:
    """A fresh dialog object (a dialog can belong to one dispatcher only)."""
    return Dialog(
        Window(
            Notice(), I18NFormat("find-ask"),
            MessageInput(h.on_query, content_types=[ContentType.TEXT]),
            MessageInput(on_not_text), Cancel(Label("common-back")),
            state=S.query,
        ),
        Window(
            I18NFormat("find-results"),
            ScrollingGroup(Select(Format("{item[1]}"), id=W.HITS, item_id_getter=itemgetter(0),
                                  items="hits", on_click=h.on_open),
                           id=W.HIT_PAGES, width=1, height=8, hide_on_single_page=True),
            Button(Label("find-offer"), id=W.OFFER, on_click=h.on_offer, when="offer"),
            MessageInput(h.on_query, content_types=[ContentType.TEXT]),
            Cancel(Label("common-back")),
            state=S.results, getter=getters.results,
        ),
        Window(
            I18NFormat("find-mine"),
            ScrollingGroup(Select(Format("{item[1]}"), id=W.ROWS, item_id_getter=itemgetter(0),
                                  items="rows", on_click=h.on_open),
                           id=W.ROW_PAGES, width=1, height=8, hide_on_single_page=True),
            Row(SwitchTo(Label("find-stage"), id=W.TO_STAGE, state=S.filter_stage),
                SwitchTo(Label("find-class"), id=W.TO_CLASS, state=S.filter_class),
                SwitchTo(Label("find-method"), id=W.TO_METHOD, state=S.filter_method)),
            Cancel(Label("common-back")), stray_input(),
            state=S.mine, getter=getters.mine,
        ),
        _pick(S.filter_stage, STAGE, W.PICK_STAGE, "stages", "find-pick-stage"),
        _pick(S.filter_class, CLASS, W.PICK_CLASS, "classes", "find-pick-class"),
        _pick(S.filter_method, METHOD, W.PICK_METHOD, "methods", "find-pick-method"),
        on_start=h.on_start,
    )
