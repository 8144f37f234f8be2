"""Referral windows."""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Group, Row, Select, SwitchTo
from aiogram_dialog.widgets.text import Format

from bot.dialogs.common import Notice, on_not_text, stray_input
from bot.dialogs.referrals import getters
from bot.dialogs.referrals import handlers as h
from bot.dialogs.referrals.states import ReferralsSG as S
from bot.dialogs.referrals.states import W
from bot.i18n import I18NFormat, Label


def _pick(items: str, wid: str, on_click: Any, width: int = 1, when: str | None = None
          ) -> Group:
    return Group(Select(Format("{item[1]}"), id=wid, item_id_getter=itemgetter(0), items=items,
                        on_click=on_click), width=width, when=when)


def _text(handler: Any) -> list[MessageInput]:
    """Text goes to the handler; anything else is told that text is expected."""
    return [MessageInput(handler, content_types=[ContentType.TEXT]), MessageInput(on_not_text)]


def _to(state: Any, wid: str, label: str = "common-back") -> SwitchTo:
    return SwitchTo(Label(label), id=wid, state=state)


def _asking() -> list[Window]:
    """Ask with a script, then name after name, each with optional phone and 'how'."""
    return [
        Window(Notice(), I18NFormat("referrals-script-chain", when="chain"),
               I18NFormat("referrals-script-snowball", when="snowball"),
               I18NFormat("referrals-asked-lately", when="quiet"),
               Row(Button(Label("referrals-given"), id=W.GIVEN, on_click=h.on_answer),
                   Button(Label("referrals-none"), id=W.NONE, on_click=h.on_answer),
                   Button(Label("referrals-later"), id=W.LATER, on_click=h.on_answer)),
               Cancel(Label("common-cancel")), stray_input(), state=S.ask, getter=getters.ask),
        Window(Notice(), I18NFormat("referrals-ask-name"), *_text(h.on_name),
               Button(Label("referrals-all"), id=W.ALL, on_click=h.on_all),
               state=S.name, getter=getters.naming),
        Window(Notice(), I18NFormat("referrals-ask-phone"), *_text(h.on_phone),
               Button(Label("common-skip"), id=W.SKIP, on_click=h.on_skip_phone),
               state=S.phone, getter=getters.naming),
        Window(Notice(), I18NFormat("referrals-ask-how"), *_text(h.on_how),
               Button(Label("common-skip"), id=W.SKIP, on_click=h.on_skip_how),
               state=S.how, getter=getters.naming),
        Window(Notice(), I18NFormat("referrals-duplicate"),
               _pick("matches", W.DUPS, h.on_link),
               Button(Label("referrals-someone-new"), id=W.NEW, on_click=h.on_new),
               stray_input(), state=S.duplicate, getter=getters.naming),
        Window(I18NFormat("referrals-done-given", when="given"),
               I18NFormat("referrals-done-none", when="none"),
               I18NFormat("referrals-done-later", when="later"),
               Button(Label("newp-open-card"), id=W.CARD, on_click=h.on_card,
                      when="has_prospect"),
               Cancel(Label("common-done")), stray_input(), state=S.done,
               getter=getters.naming),
    ]


def _ledger() -> list[Window]:
    """The ledger, open rewards, one reward, a manager's override and policy."""
    return [
        Window(Notice(), I18NFormat("referrals-overview"),
               SwitchTo(Label("referrals-to-rewards"), id=W.TO_REWARDS, state=S.rewards,
                        when="has_open"),
               _to(S.contacts, W.TO_CONTACTS, "referrals-to-contacts"),
               SwitchTo(Label("referrals-to-policy"), id=W.TO_POLICY, state=S.policy,
                        when="is_manager"),
               Cancel(Label("common-back")), stray_input(), state=S.overview,
               getter=getters.overview),
        Window(Notice(), I18NFormat("referrals-rewards"), _pick("rewards", W.REWARDS,
                                                                 h.on_pick_reward),
               _to(S.overview, W.TO_OVERVIEW), stray_input(), state=S.rewards,
               getter=getters.rewards),
        Window(Notice(), I18NFormat("referrals-not-found", when="missing"),
               I18NFormat("referrals-reward", when="found"),
               _pick("hows", W.PAID, h.on_paid, width=4, when="open"),
               Button(Label("referrals-decline"), id=W.DECLINE, on_click=h.on_decline,
                      when="open"),
               SwitchTo(Label("referrals-change"), id=W.TO_OVERRIDE, state=S.override,
                        when="is_manager"),
               _to(S.rewards, W.TO_REWARDS), stray_input(), state=S.reward,
               getter=getters.reward),
        Window(Notice(), I18NFormat("referrals-ask-override"), *_text(h.on_override),
               _to(S.reward, W.TO_REWARDS), state=S.override, getter=getters.reward),
        Window(Notice(), I18NFormat("referrals-policy"), *_text(h.on_policy),
               _to(S.overview, W.TO_OVERVIEW), state=S.policy, getter=getters.policy),
    ]


def _people() -> list[Window]:
    """Introducer contacts; a prospect's chain and crediting a forgotten introducer."""
    return [
        Window(Notice(), I18NFormat("referrals-contacts"),
               _pick("contacts", W.CONTACTS, h.on_pick_contact),
               _to(S.contact_name, W.ADD_CONTACT, "referrals-add-contact"),
               _to(S.overview, W.TO_OVERVIEW), stray_input(), state=S.contacts,
               getter=getters.contacts),
        Window(Notice(), I18NFormat("referrals-ask-contact"), *_text(h.on_contact_name),
               _to(S.contacts, W.TO_CONTACTS), state=S.contact_name, getter=getters.contacts),
        Window(Notice(), I18NFormat("referrals-ask-trade"),
               _pick("trades", W.TRADES, h.on_contact_trade, width=2),
               _to(S.contacts, W.TO_CONTACTS), stray_input(), state=S.contact_trade,
               getter=getters.contacts),
        Window(Notice(), I18NFormat("referrals-not-found", when="missing"),
               I18NFormat("referrals-chain-title", when="found"),
               Row(_to(S.ask, W.TO_ASK, "referrals-ask-button"),
                   SwitchTo(Label("referrals-credit-button"), id=W.TO_CREDIT, state=S.credit,
                            when="can_credit"), when="found"),
               Cancel(Label("common-back")), stray_input(), state=S.chain,
               getter=getters.chain),
        Window(Notice(), I18NFormat("referrals-credit"), _pick("choices", W.CREDIT, h.on_credit),
               _to(S.chain, W.TO_CHAIN), stray_input(), state=S.credit, getter=getters.chain),
    ]


def referrals_dialog() -> Dialog:
    """A fresh dialog object (a dialog can belong to one dispatcher only)."""
    return Dialog(*_ledger(), *_asking(), *_people(), on_start=h.on_start)
