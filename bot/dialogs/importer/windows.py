"""Import windows."""

from __future__ import annotations

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel

from bot.dialogs.common import Notice, stray_input
from bot.dialogs.importer import getters, handlers
from bot.dialogs.importer.states import ImportSG, W
from bot.i18n import I18NFormat, Label


def import_dialog() -> Dialog:
    """A fresh dialog object (a dialog can belong to one dispatcher only)."""
    return Dialog(
        Window(Notice(), I18NFormat("import-preview", when="ok"),
               Button(Label("import-confirm"), id=W.GO, on_click=handlers.on_confirm,
                      when="can_import"),
               Cancel(Label("common-cancel")), stray_input(),
               state=ImportSG.preview, getter=getters.summary),
        Window(I18NFormat("import-running"), state=ImportSG.running, getter=getters.summary),
        Window(I18NFormat("import-done"), Cancel(Label("common-done")), stray_input(),
               state=ImportSG.done, getter=getters.summary),
        on_start=handlers.on_start,
    )
