"""Read-only data for the referral windows; ids out of scope render as 'not found'."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.dialogs.common import ctx, today_of
from bot.dialogs.referrals.states import (
    ADDED,
    CONTACT,
    ENTRY,
    LINKED,
    MATCHES,
    PROSPECT_ID,
    RESULT,
    REWARD_ID,
    SOURCE,
)
from bot.i18n import Translator, key
from bot.render import chain_text, money_text
from sales.kernel.errors import Refused
from sales.people.model import Role
from sales.referrals import use_cases as referrals
from sales.referrals.model import Ledger, PaidHow, Reward, RewardStatus, Source, Terms, Trade
from sales.referrals.rules import is_overdue

OPEN = (RewardStatus.PROMISED, RewardStatus.OWED)


def terms_text(t: Translator, terms: Terms) -> str:
    return money_text(t, terms.amount, terms.currency, terms.gift)


async def ask(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """Who is asked, with which script, and whether a 'none' is still fresh."""
    c = ctx(dialog_manager)
    view = await referrals.asking(c.uow, c.me(), dialog_manager.dialog_data[PROSPECT_ID],
                                  c.now())
    policy = await referrals.policy_of(c.uow, view.prospect.team_id)
    return {"name": view.prospect.card.name, "chain": view.script.value == "chain",
            "snowball": view.script.value == "snowball", "quiet": not view.may_ask,
            "reward": terms_text(c.t, policy.terms), "me": c.me().display_name}


async def naming(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The giver, the name being entered and how many came so far."""
    c = ctx(dialog_manager)
    d = dialog_manager.dialog_data
    giver = await referrals.source_name(c.uow, c.me(), Source(**d[SOURCE])) if d.get(
        SOURCE) else ""
    added, linked = d.get(ADDED, 0), d.get(LINKED, 0)
    return {"giver": giver, "n": added + linked + 1, "added": added, "linked": linked,
            "name": (d.get(ENTRY) or {}).get("name", ""), "matches": d.get(MATCHES) or [],
            "given": d.get(RESULT) == "given", "none": d.get(RESULT) == "none",
            "later": d.get(RESULT) == "later", "has_prospect": bool(d.get(PROSPECT_ID))}


async def chain(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """A prospect's chain, and whether an introducer may still be credited."""
    c = ctx(dialog_manager)
    pid = dialog_manager.dialog_data[PROSPECT_ID]
    try:
        found = await referrals.chain(c.uow, c.me(), pid)
        choices = await referrals.credit_choices(c.uow, c.me(), pid)
    except Refused:
        return {"missing": True, "found": False, "chain_html": "", "choices": [],
                "can_credit": False}
    return {"missing": False, "found": True, "chain_html": chain_text(c.t, found),
            "choices": choices, "can_credit": not found.above and bool(choices)}


def _ledger_html(t: Translator, ledger: Ledger) -> str:
    """One line per status with its count and money per currency, then what is overdue."""
    lines = []
    for status in RewardStatus:
        money = ", ".join(f"{a} {cur}" for s, cur, a in ledger.totals if s is status) or "-"
        lines.append(t("referrals-ledger-line", status=t.raw(key("referrals-status",
                                                                  status.value)),
                       count=ledger.count(status), money=money))
    late = ", ".join(f"{a} {cur}" for cur, a in ledger.overdue_totals) or "-"
    lines.append(t("referrals-ledger-overdue", count=ledger.overdue, money=late))
    return "\n".join(lines)


async def overview(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The actor's ledger (a manager's: the team's), best introducers, conversion."""
    c = ctx(dialog_manager)
    me = c.me()
    today = await today_of(dialog_manager)
    ledger, rewards = await referrals.ledger(c.uow, me, today)
    report = await referrals.report(c.uow, me, me.team_id or 0) if me.team_id else None
    best = "\n".join(c.t("referrals-best-line", name=y.name, referred=y.referred, won=y.won)
                     for y in (report.best if report else ())) or "-"
    ref, other = (report.referred, report.others) if report else (None, None)
    return {"ledger_html": _ledger_html(c.t, ledger), "best_html": best,
            "referred": f"{ref.won}/{ref.total}" if ref else "-",
            "others": f"{other.won}/{other.total}" if other else "-",
            "has_open": any(r.status in OPEN for r in rewards),
            "is_manager": me.role is not Role.REP}


def _reward_label(t: Translator, r: Reward, today: Any) -> str:
    mark = "⚠️ " if is_overdue(r, today) else ""
    return f"{mark}{r.prospect_name} → {r.source_name}: {terms_text(t, r.terms)}"


async def rewards(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """Open rewards (promised or owed), overdue first."""
    c = ctx(dialog_manager)
    today = await today_of(dialog_manager)
    found = await referrals.rewards_of(c.uow, c.me())
    open_ = sorted((r for r in found if r.status in OPEN),
                   key=lambda r: (not is_overdue(r, today), r.status is not RewardStatus.OWED,
                                  r.due_on or today, r.id))
    return {"rewards": [(str(r.id), _reward_label(c.t, r, today)) for r in open_[:30]]}


async def reward(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """One reward with its terms, status and due day; the ways to settle it."""
    c = ctx(dialog_manager)
    rid = dialog_manager.dialog_data.get(REWARD_ID, 0)
    found = await referrals.rewards_of(c.uow, c.me())
    r = next((x for x in found if x.id == rid), None)
    hows = [(h.value, c.t.raw(key("referrals-paid", h.value))) for h in PaidHow]
    if r is None:
        return {"missing": True, "found": False, "open": False, "hows": hows,
                "is_manager": False}
    return {"missing": False, "found": True, "prospect": r.prospect_name,
            "giver": r.source_name, "terms": terms_text(c.t, r.terms),
            "status": c.t.raw(key("referrals-status", r.status.value)),
            "due": r.due_on.isoformat() if r.due_on else "-",
            "open": r.status in OPEN, "hows": hows,
            "is_manager": c.me().role is not Role.REP and r.status in OPEN}


async def policy(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    c = ctx(dialog_manager)
    p = await referrals.policy_of(c.uow, c.me().team_id or 0)
    return {"reward": terms_text(c.t, p.terms), "due_days": p.due_days,
            "quiet_days": p.quiet_days}


async def contacts(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The actor's introducer contacts and the trades a new one may have."""
    c = ctx(dialog_manager)
    found = await referrals.contacts(c.uow, c.me())
    return {"contacts": [(str(x.id), f"{x.name} · {c.t.raw(key('referrals-trade', x.trade))}")
                         for x in found],
            "trades": [(tr.value, c.t.raw(key("referrals-trade", tr.value))) for tr in Trade],
            "contact": str(dialog_manager.dialog_data.get(CONTACT, ""))}
