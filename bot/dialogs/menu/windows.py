"""Main menu windows: only flows that exist are listed."""

from __future__ import annotations

from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Back, Button, Row, Start, SwitchTo

from bot.dialogs.common import Notice, stray_input
from bot.dialogs.find.states import FindSG
from bot.dialogs.greetings.states import GreetingsSG
from bot.dialogs.menu import getters, handlers
from bot.dialogs.menu.states import MenuSG, W
from bot.dialogs.newprospect.states import NewProspectSG
from bot.dialogs.pool.states import PoolSG
from bot.dialogs.referrals.states import ReferralsSG
from bot.dialogs.settings.states import SettingsSG
from bot.dialogs.team.states import TeamSG
from bot.dialogs.visit.states import VisitSG
from bot.i18n import I18NFormat, Label


def menu_dialog() -> Dialog:
    """A fresh dialog object (a dialog can belong to one dispatcher only)."""
    return Dialog(
        Window(
            Notice(),
            I18NFormat("menu-title"),
            Button(Label("menu-check-out"), id=W.CHECK_OUT,
                   on_click=handlers.on_check_out, when="checked_in"),
            Row(Start(Label("menu-new-prospect"), id=W.NEW, state=NewProspectSG.name),
                Start(Label("menu-visit"), id=W.VISIT, state=VisitSG.pick), when="has_team"),
            Row(Start(Label("menu-search"), id=W.SEARCH, state=FindSG.query),
                Start(Label("menu-mine"), id=W.MINE, state=FindSG.mine), when="has_team"),
            Row(Start(Label("menu-greetings"), id=W.GREETINGS, state=GreetingsSG.main),
                Start(Label("menu-referrals"), id=W.REFERRALS, state=ReferralsSG.overview),
                when="has_team"),
            Start(Label("menu-team"), id=W.TEAM, state=TeamSG.main, when="can_lead"),
            Start(Label("menu-pool"), id=W.POOL, state=PoolSG.list, when="has_team"),
            Start(Label("menu-settings"), id=W.SETTINGS, state=SettingsSG.main),
            SwitchTo(Label("menu-help"), id=W.HELP, state=MenuSG.help),
            MessageInput(handlers.on_text, content_types=[ContentType.TEXT]),
            MessageInput(handlers.on_location, content_types=[ContentType.LOCATION]),
            stray_input(),
            state=MenuSG.main,
            getter=getters.menu,
        ),
        Window(
            Notice(),
            I18NFormat("menu-help-text"),
            Back(Label("common-back")),
            stray_input(),
            state=MenuSG.help,
            getter=getters.menu,
        ),
    )
