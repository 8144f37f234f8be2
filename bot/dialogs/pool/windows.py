"""Pool windows: the list, one prospect, the rep picker, done."""

from __future__ import annotations

from operator import itemgetter

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, ScrollingGroup, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from bot.dialogs.common import Notice, stray_input
from bot.dialogs.pool import getters, handlers
from bot.dialogs.pool.states import PoolSG, W
from bot.i18n import I18NFormat, Label


def pool_dialog() -> Dialog:
    """A fresh dialog object (a dialog can belong to one dispatcher only)."""
    to_list = SwitchTo(Label("common-back"), id=W.TO_LIST, state=PoolSG.list)
    return Dialog(
        Window(
            Notice(), I18NFormat("pool-title"),
            I18NFormat("pool-empty-hint", when=lambda data, *_: not data["count"]),
            ScrollingGroup(
                Select(Format("{item[1]}"), id=W.ITEMS, item_id_getter=itemgetter(0),
                       items="items", on_click=handlers.on_pick),
                id=W.PAGES, width=1, height=8, hide_on_single_page=True),
            Cancel(Label("common-back")), stray_input(),
            state=PoolSG.list, getter=getters.pool_list,
        ),
        Window(
            Notice(), I18NFormat("pool-card"),
            Button(Label("pool-claim"), id=W.CLAIM, on_click=handlers.on_claim),
            SwitchTo(Label("pool-assign"), id=W.ASSIGN, state=PoolSG.assign, when="can_lead"),
            to_list, stray_input(), state=PoolSG.item, getter=getters.pool_item,
        ),
        Window(
            Notice(), I18NFormat("pool-assign-pick"),
            Column(Select(Format("{item[1]}"), id=W.TAKER, item_id_getter=itemgetter(0),
                          items="takers", on_click=handlers.on_assign)),
            to_list, stray_input(), state=PoolSG.assign, getter=getters.assign,
        ),
        Window(
            I18NFormat("pool-claimed", when=lambda data, *_: not data["assigned"]),
            I18NFormat("pool-assigned", when="assigned"),
            to_list, stray_input(), state=PoolSG.done, getter=getters.done,
        ),
    )
