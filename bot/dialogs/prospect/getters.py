"""Read-only data for the card windows; out-of-scope ids render as 'not found'."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.dialogs.common import CARD_FIELDS, GREETING_FIELDS, ctx, edit_data
from bot.dialogs.prospect.states import PROSPECT_ID
from bot.i18n import Translator
from bot.i18n import key as i18n_key
from bot.refusals import NOTICE
from bot.render import budgeted, card_text, chain_text, day_text, history_line, listing, shorten
from sales.cards.card import load_card
from sales.greetings.model import GreetingCard
from sales.kernel.errors import Refused
from sales.people.model import Role
from sales.prospects import use_cases as prospecting
from sales.prospects.man import Answer
from sales.prospects.model import Kind, Stage
from sales.referrals import use_cases as referrals
from sales.visits.model import FollowUp

HISTORY_BUDGET = 1800  # characters for each of contacts and changes: the window stays < 4096
NOTE_SHOWN = 120       # a contact's notes as one history line shows them
GREETINGS_SHOWN = 12   # greeting history lines; older ones are counted
GREETING_TEXT_SHOWN = 160


async def card(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The whole card, or `missing` when the id is not this person's to see."""
    c = ctx(dialog_manager)
    try:
        view = await load_card(c.uow, c.me(), int(dialog_manager.dialog_data.get(PROSPECT_ID, 0)))
    except Refused:  # every key a card window reads, so no window fails on a missing card
        return {"missing": True, "found": False, "card_html": "", "stage": "", "owner": "",
                "last": "", "next": "", "quote": "", "history_html": "", "contacts_html": "",
                "can_reassign": False, "mail": "no", "dnc": "no", "fields": [], "stages": [],
                "m": Answer.UNKNOWN, "a": Answer.UNKNOWN, "n": Answer.UNKNOWN,
                "has_chain": False, "chain_html": "",
                "explain": NOTICE not in dialog_manager.dialog_data, **edit_data(dialog_manager)}
    p = view.prospect
    chain = await referrals.chain(c.uow, c.me(), p.id)

    def more(n: int) -> str:
        return c.t("prospect-history-more", n=n)

    return {
        "chain_html": chain_text(c.t, chain), "has_chain": bool(chain.above or chain.below),
        "missing": False, "found": True, "explain": False,
        "card_html": card_text(c.t, p.card, view.referrer_name),
        "stage": c.t.raw(i18n_key("stage", p.card.stage.value)), "owner": view.owner_name,
        "last": day_text(p.last_contact_on),
        "next": _next_text(view.next_step),
        "quote": f"{view.last_quote.draft.amount} {view.last_quote.draft.currency or ''}"
        f" ({view.last_quote.draft.happened_on})" if view.last_quote else "-",
        "contacts_html": budgeted([
            c.t("prospect-contact-line", day=v.draft.happened_on.isoformat(),
                channel=c.t.raw(i18n_key("visit-channel", v.draft.channel.value)),
                outcome=c.t.raw(i18n_key("visit-outcome", v.draft.outcome.value)),
                notes=shorten(v.draft.notes or "", NOTE_SHOWN)) for v in view.contacts],
            HISTORY_BUDGET, more),
        "mail": "yes" if p.card.direct_mail else "no",
        "dnc": "yes" if p.card.do_not_contact else "no",
        "history_html": budgeted([history_line(c.t, e) for e in view.history],
                                 HISTORY_BUDGET, more),
        "can_reassign": c.me().role is not Role.REP,
        "fields": [(f, c.t.raw(i18n_key("field", f))) for f in CARD_FIELDS
                   if f != "referred_by_name" and (p.card.kind is Kind.ORGANISATION
                                                   or f != "contact")],
        "stages": [(s.value, c.t.raw(i18n_key("stage", s.value))) for s in Stage],
        **edit_data(dialog_manager),
        "m": p.card.man.money, "a": p.card.man.authority, "n": p.card.man.need,
    }


def _next_text(step: FollowUp | None) -> str:
    """'2026-11-30 10:00 bring the contract', or '-' when no next step is planned."""
    if step is None:
        return "-"
    at = f" {step.due_time:%H:%M}" if step.due_time else ""
    return f"{step.due_on.isoformat()}{at} {step.text or ''}".strip()


async def reps(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
    """Teammates who could own this prospect instead."""
    c = ctx(dialog_manager)
    data = await card(dialog_manager, **kwargs)
    try:
        people = await prospecting.team_reps(c.uow, c.me())
    except Refused:
        people = []
    return {**data, "reps": [(str(u.id), u.display_name) for u in people]}


async def greetings(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The greeting history (newest first), how the prospect is greeted, and the opt-out."""
    c = ctx(dialog_manager)
    try:
        view = await load_card(c.uow, c.me(), dialog_manager.dialog_data[PROSPECT_ID])
    except Refused:
        return {"missing": True, "found": False, "greeting_fields": [], "value": "no"}
    p = view.prospect.card
    lines = [_greeting_line(c.t, g) for g in view.greetings]
    shown = {"salutation": p.salutation or "-",
             "greeting_language": p.greeting_language or "-",
             "greeting_channel": c.t.raw("greetings-channel", channel=p.greeting_channel.value)}
    return {
        "missing": False, "found": True, "name": p.name,
        "greetings_html": listing(lines, GREETINGS_SHOWN,
                                  lambda n: c.t("prospect-greetings-more", n=n)),
        "greeting_fields": [(f, f"{c.t.raw(i18n_key('field', f))}: {shown[f]}")
                            for f in GREETING_FIELDS],
        "value": "yes" if p.greetings_opt_out else "no",
    }


def _greeting_line(t: Translator, card: GreetingCard) -> str:
    """'2027-09-15 Mid-Autumn: ✅ sent' and the text, shortened."""
    reason = t("prospect-greeting-reason", reason=card.skip_reason) if card.skip_reason else ""
    return t("prospect-greeting-line", day=card.occasion_day.isoformat(),
             occasion=card.occasion_name, reason_html=reason,
             status=t.raw("greetings-status", status=card.status.value),
             text=shorten(card.text, GREETING_TEXT_SHOWN))
