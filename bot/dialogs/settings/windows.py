"""Settings windows."""

from __future__ import annotations

from operator import itemgetter

from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, Group, Row, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from bot.dialogs.common import Notice, on_not_text, stray_input
from bot.dialogs.settings import getters, handlers
from bot.dialogs.settings.states import SettingsSG, W
from bot.i18n import I18NFormat, Label


def settings_dialog() -> Dialog:
    """A fresh dialog object (a dialog can belong to one dispatcher only)."""
    back = SwitchTo(Label("common-back"), id=W.BACK, state=SettingsSG.main)
    return Dialog(
        Window(
            Notice(),
            I18NFormat("settings-title"),
            SwitchTo(Label("settings-language"), id=W.LANGUAGE, state=SettingsSG.language),
            SwitchTo(Label("settings-timezone"), id=W.TIMEZONE, state=SettingsSG.timezone),
            Row(Button(Label("settings-agenda"), id=W.AGENDA, on_click=handlers.on_pick_which),
                Button(Label("settings-evening"), id=W.EVENING,
                       on_click=handlers.on_pick_which)),
            Cancel(Label("common-done")),
            stray_input(),
            state=SettingsSG.main,
            getter=getters.overview,
        ),
        Window(
            Notice(),
            I18NFormat("settings-language-prompt"),
            Column(Select(Format("{item[1]}"), id=W.LANGUAGE_PICK, item_id_getter=itemgetter(0),
                          items="languages", on_click=handlers.on_language)),
            back,
            stray_input(),
            state=SettingsSG.language,
            getter=getters.overview,
        ),
        Window(
            Notice(),
            I18NFormat("settings-timezone-prompt"),
            Group(Select(Format("{item[1]}"), id=W.TIMEZONE_PICK, item_id_getter=itemgetter(0),
                         items="timezones", on_click=handlers.on_timezone_pick), width=2),
            MessageInput(handlers.on_timezone_text, content_types=[ContentType.TEXT]),
            MessageInput(on_not_text),
            back,
            state=SettingsSG.timezone,
            getter=getters.overview,
        ),
        Window(
            Notice(),
            I18NFormat("settings-time-prompt"),
            Row(Select(Format("{item[1]}"), id=W.TIME_PICK, item_id_getter=itemgetter(0),
                       items="time_choices", on_click=handlers.on_time_pick)),
            MessageInput(handlers.on_time_text, content_types=[ContentType.TEXT]),
            MessageInput(on_not_text),
            back,
            state=SettingsSG.times,
            getter=getters.overview,
        ),
    )
