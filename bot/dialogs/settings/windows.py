"""Settings windows."""

from __future__ import annotations

from operator import itemgetter

from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Cancel, Column, Group, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from bot.dialogs.common import Notice, on_not_text, stray_input
from bot.dialogs.settings import getters, handlers
from bot.dialogs.settings.states import SettingsSG
from bot.i18n import I18NFormat, Label


def settings_dialog() -> Dialog:
    """A fresh dialog object (a dialog can belong to one dispatcher only)."""
    back = SwitchTo(Label("common-back"), id="back", state=SettingsSG.main)
    return Dialog(
        Window(
            Notice(),
            I18NFormat("settings-title"),
            SwitchTo(Label("settings-language"), id="lang", state=SettingsSG.language),
            SwitchTo(Label("settings-timezone"), id="tz", state=SettingsSG.timezone),
            Cancel(Label("common-done")),
            stray_input(),
            state=SettingsSG.main,
            getter=getters.overview,
        ),
        Window(
            Notice(),
            I18NFormat("settings-language-prompt"),
            Column(Select(Format("{item[1]}"), id="lang_pick", item_id_getter=itemgetter(0),
                          items="languages", on_click=handlers.on_language)),
            back,
            stray_input(),
            state=SettingsSG.language,
            getter=getters.overview,
        ),
        Window(
            Notice(),
            I18NFormat("settings-timezone-prompt"),
            Group(Select(Format("{item[1]}"), id="tz_pick", item_id_getter=itemgetter(0),
                         items="timezones", on_click=handlers.on_timezone_pick), width=2),
            MessageInput(handlers.on_timezone_text, content_types=[ContentType.TEXT]),
            MessageInput(on_not_text),
            back,
            state=SettingsSG.timezone,
            getter=getters.overview,
        ),
    )
