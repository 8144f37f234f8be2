"""Team windows: list, new team, team card, invite link, members."""

from __future__ import annotations

from operator import itemgetter

from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import (
    Button,
    Cancel,
    Column,
    Row,
    ScrollingGroup,
    Select,
    Start,
    SwitchTo,
)
from aiogram_dialog.widgets.text import Format

from bot.dialogs.common import Notice, on_not_text, stray_input
from bot.dialogs.referrals.states import ReferralsSG
from bot.dialogs.team import getters, handlers
from bot.dialogs.team.states import TeamSG, W
from bot.i18n import I18NFormat, Label


def team_dialog() -> Dialog:
    """A fresh dialog object (a dialog can belong to one dispatcher only)."""
    to_team = SwitchTo(Label("common-back"), id=W.TO_TEAM, state=TeamSG.team)
    return Dialog(
        Window(
            Notice(),
            I18NFormat("team-list-title"),
            ScrollingGroup(
                Select(Format("{item[1]}"), id=W.TEAM_PICK, item_id_getter=itemgetter(0),
                       items="teams", on_click=handlers.on_pick),
                id=W.TEAMS, width=1, height=8, hide_on_single_page=True,
            ),
            SwitchTo(Label("team-new"), id=W.NEW, state=TeamSG.new_name, when="is_admin"),
            Cancel(Label("common-back")),
            stray_input(),
            state=TeamSG.main, getter=getters.team_list,
        ),
        Window(
            Notice(),
            I18NFormat("team-new-prompt"),
            MessageInput(handlers.on_new_name, content_types=[ContentType.TEXT]),
            MessageInput(on_not_text),
            SwitchTo(Label("common-back"), id=W.TO_LIST, state=TeamSG.main),
            state=TeamSG.new_name,
        ),
        Window(
            Notice(),
            I18NFormat("team-card"),
            Row(Button(Label("team-invite-rep"), id=W.INVITE_REP, on_click=handlers.on_invite),
                Button(Label("team-invite-manager"), id=W.INVITE_MANAGER,
                       on_click=handlers.on_invite)),
            Row(SwitchTo(Label("team-members"), id=W.MEMBERS, state=TeamSG.members),
                SwitchTo(Label("team-handover"), id=W.HANDOVER, state=TeamSG.handover_from)),
            Row(SwitchTo(Label("team-settings"), id=W.SETTINGS, state=TeamSG.settings),
                SwitchTo(Label("team-deactivate"), id=W.DEACTIVATE, state=TeamSG.leaver)),
            SwitchTo(Label("common-back"), id=W.TO_LIST, state=TeamSG.main),
            stray_input(),
            state=TeamSG.team, getter=getters.team_card,
        ),
        Window(Notice(), I18NFormat("team-invite-text"), to_team, stray_input(),
               state=TeamSG.invite, getter=getters.invite),
        Window(Notice(), I18NFormat("team-members-text"), to_team, stray_input(),
               state=TeamSG.members, getter=getters.members),
        Window(Notice(), I18NFormat("team-handover-from"),
               Column(Select(Format("{item[1]}"), id=W.GIVER, item_id_getter=itemgetter(0),
                             items="givers", on_click=handlers.on_handover_from)),
               to_team, stray_input(), state=TeamSG.handover_from, getter=getters.handover),
        Window(Notice(), I18NFormat("team-handover-to"),
               Column(Select(Format("{item[1]}"), id=W.TAKER, item_id_getter=itemgetter(0),
                             items="takers", on_click=handlers.on_handover_to)),
               to_team, stray_input(), state=TeamSG.handover_to, getter=getters.handover),
        Window(I18NFormat("team-handover-done"), to_team, stray_input(),
               state=TeamSG.handover_done, getter=getters.handover),
        *_settings_windows(to_team),
        *_leaver_windows(to_team),
    )


def _settings_windows(to_team: SwitchTo) -> list[Window]:
    """The settings with their values, and one question per setting picked."""
    return [
        Window(Notice(), I18NFormat("team-settings-text"),
               Column(Select(Format("{item[1]}"), id=W.SETTING_PICK,
                             item_id_getter=itemgetter(0), items="settings",
                             on_click=handlers.on_setting)),
               Start(Label("team-referral-policy"), id=W.REFERRAL_POLICY,
                     state=ReferralsSG.policy, when="own_team"),
               to_team, stray_input(), state=TeamSG.settings, getter=getters.settings),
        Window(Notice(), Format("{prompt}"),
               MessageInput(handlers.on_setting_text, content_types=[ContentType.TEXT]),
               MessageInput(on_not_text),
               SwitchTo(Label("common-back"), id=W.TO_SETTINGS, state=TeamSG.settings),
               state=TeamSG.setting_edit, getter=getters.setting_edit),
    ]


def _leaver_windows(to_team: SwitchTo) -> list[Window]:
    """Who leaves; their prospects to a teammate or to the pool; done."""
    return [
        Window(Notice(), I18NFormat("team-leaver-pick"),
               Column(Select(Format("{item[1]}"), id=W.LEAVER_PICK,
                             item_id_getter=itemgetter(0), items="leavers",
                             on_click=handlers.on_leaver)),
               to_team, stray_input(), state=TeamSG.leaver, getter=getters.leavers),
        Window(Notice(), I18NFormat("team-heir-pick"),
               Column(Select(Format("{item[1]}"), id=W.HEIR_PICK, item_id_getter=itemgetter(0),
                             items="heirs", on_click=handlers.on_heir)),
               Button(Label("team-to-pool"), id=W.TO_POOL, on_click=handlers.on_heir),
               to_team, stray_input(), state=TeamSG.heir, getter=getters.leavers),
        Window(I18NFormat("team-leaver-done"), to_team, stray_input(),
               state=TeamSG.leaver_done, getter=getters.leavers),
    ]
