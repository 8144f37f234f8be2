"""Card windows."""

from __future__ import annotations

from operator import itemgetter

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, Group, Row, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from bot.dialogs.common import Notice, compose_id, field_window, stray_input
from bot.dialogs.prospect import getters
from bot.dialogs.prospect import handlers as h
from bot.dialogs.prospect.states import ProspectSG as S
from bot.dialogs.prospect.states import W
from bot.i18n import I18NFormat, Label


def _back() -> SwitchTo:
    return SwitchTo(Label("common-back"), id=W.TO_CARD, state=S.card)


def _man_row(letter: str) -> Row:
    return Row(*[Button(Label(f"prospect-man-{letter}", value=value),
                        id=compose_id(W.MAN, letter, value), on_click=h.on_man)
                 for value in ("yes", "no", "unknown")])


def prospect_dialog() -> Dialog:
    """A fresh dialog object (a dialog can belong to one dispatcher only)."""
    found = "found"
    return Dialog(
        Window(
            Notice(),
            I18NFormat("prospect-not-found", when="explain"),
            I18NFormat("prospect-card", when=found),
            I18NFormat("referrals-card-chain", when="has_chain"),
            Row(Button(Label("prospect-edit"), id=W.EDIT, on_click=h.to(S.edit_pick)),
                Button(Label("prospect-man"), id=W.TO_MAN, on_click=h.to(S.man)),
                Button(Label("prospect-stage"), id=W.TO_STAGE, on_click=h.to(S.stage)),
                when=found),
            Button(Label("prospect-record-visit"), id=W.VISIT, on_click=h.on_record_visit,
                   when=found),
            Button(Label("prospect-referrals"), id=W.REFERRALS, on_click=h.on_referrals,
                   when=found),
            Row(Button(Label("newp-mail"), id=W.MAIL, on_click=h.on_toggle),
                Button(Label("newp-dnc"), id=W.DNC, on_click=h.on_toggle), when=found),
            Row(Button(Label("prospect-history"), id=W.HISTORY, on_click=h.to(S.history)),
                Button(Label("prospect-reassign"), id=W.REASSIGN, on_click=h.to(S.reassign),
                       when="can_reassign"), when=found),
            Button(Label("prospect-greetings"), id=W.GREETINGS, on_click=h.to(S.greetings),
                   when=found),
            Cancel(Label("common-back")), stray_input(),
            state=S.card, getter=getters.card,
        ),
        Window(
            Notice(), I18NFormat("prospect-edit-pick"),
            Group(Select(Format("✏️ {item[1]}"), id=W.FIELDS, item_id_getter=itemgetter(0),
                         items="fields", on_click=h.on_pick_field), width=3),
            _back(), stray_input(), state=S.edit_pick, getter=getters.card,
        ),
        field_window(S.edit_field, getters.card, h.on_field_text, _back()),
        Window(
            Notice(), I18NFormat("prospect-man-title"),
            _man_row("money"), _man_row("authority"), _man_row("need"),
            _back(), stray_input(), state=S.man, getter=getters.card,
        ),
        Window(
            Notice(), I18NFormat("prospect-stage-pick"),
            Group(Select(Format("{item[1]}"), id=W.STAGES, item_id_getter=itemgetter(0),
                         items="stages", on_click=h.on_stage), width=2),
            _back(), stray_input(), state=S.stage, getter=getters.card,
        ),
        Window(I18NFormat("prospect-history-text"), _back(), stray_input(),
               state=S.history, getter=getters.card),
        Window(
            Notice(), I18NFormat("prospect-reassign-pick"),
            Column(Select(Format("{item[1]}"), id=W.REPS, item_id_getter=itemgetter(0),
                          items="reps", on_click=h.on_reassign)),
            _back(), stray_input(), state=S.reassign, getter=getters.reps,
        ),
        _greetings_window(),
        on_start=h.on_start,
    )


def _greetings_window() -> Window:
    """Greetings sent to this prospect (method.md §5), how they are greeted, and the opt-out."""
    found = "found"
    return Window(
        Notice(), I18NFormat("prospect-not-found", when="missing"),
        I18NFormat("prospect-greetings-text", when=found),
        Group(Select(Format("✏️ {item[1]}"), id=W.GREETING_FIELDS, item_id_getter=itemgetter(0),
                     items="greeting_fields", on_click=h.on_pick_field), width=3, when=found),
        Button(Label("prospect-greetings-opt-out"), id=W.OPT_OUT, on_click=h.on_toggle,
               when=found),
        _back(), stray_input(), state=S.greetings, getter=getters.greetings,
    )
