"""Read-only data for the monthly-cards windows; scope is checked by the use cases."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from aiogram_dialog import DialogManager

from bot.dialogs.common import ctx, today_of
from bot.dialogs.greetings.states import CARD_ID, LEAD, MONTH, OCCASION, SEG_KIND, SEG_VALUE, YEAR
from bot.i18n import Translator
from bot.i18n import key as i18n_key
from bot.jobs.greetings import where_to
from bot.render import listing
from sales.greetings import occasions as calendar
from sales.greetings import use_cases as greetings
from sales.greetings.model import CardStatus, GreetingCard, Segment, SegmentKind
from sales.greetings.rules import LEAD_DAYS_MAX
from sales.kernel.errors import Refused
from sales.outbox.model import COPY_TEXT_MAX
from sales.people.model import Role
from sales.prospects.model import Method, Stage

LINES_SHOWN = 30
DONE = frozenset({CardStatus.SENT, CardStatus.SKIPPED})


def _status(t: Translator, card: GreetingCard) -> str:
    return t.raw("greetings-status", status=card.status.value)


async def main(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """This month's counts, the next occasion, and the occasions with the rep's cards."""
    c = ctx(dialog_manager)
    today = await today_of(dialog_manager)
    progress = await greetings.month_progress(c.uow, c.me(), today)
    nxt = progress.next_occasion
    cards = await greetings.month_cards(c.uow, c.me(), today)
    return {
        "month": f"{progress.year}-{progress.month:02d}", "planned": progress.planned,
        "sent": progress.sent, "skipped": progress.skipped, "missed": progress.missed,
        "next": f"{nxt.name} {nxt.day.isoformat()}" if nxt else "-",
        "occasions": _occasions(c.t, cards), "no_cards": not cards,
        "is_lead": c.me().role is not Role.REP,
    }


def _occasions(t: Translator, cards: Iterable[GreetingCard]) -> list[tuple[str, str]]:
    """(key|year, "Mid-Autumn 2027-09-15 · 2/5") per occasion, in day order."""
    groups: dict[tuple[str, int], list[GreetingCard]] = {}
    for card in cards:
        groups.setdefault((card.occasion_key, card.year), []).append(card)
    return [(f"{key}|{year}", t.raw("greetings-occasion-item", name=items[0].occasion_name,
                                    day=items[0].occasion_day.isoformat(),
                                    done=sum(i.status in DONE for i in items), total=len(items)))
            for (key, year), items in groups.items()]


async def occasion(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """One occasion's own cards with their status; pick one, or mark all in one tap."""
    c = ctx(dialog_manager)
    data = dialog_manager.dialog_data
    cards = await greetings.cards_of(c.uow, c.me(), str(data[OCCASION]), int(data[YEAR]))
    lines = [c.t("greetings-card-line", status=_status(c.t, x), name=x.prospect_name,
                 address=where_to(c.t, x)) for x in cards]
    first = cards[0] if cards else None
    return {
        "occasion": first.occasion_name if first else "-",
        "day": first.occasion_day.isoformat() if first else "-",
        "done": sum(x.status in DONE for x in cards), "total": len(cards),
        "cards_html": listing(lines, LINES_SHOWN, lambda n: c.t("greetings-more", n=n)),
        "cards": [(str(x.id), f"{_status(c.t, x)[:2]} {x.prospect_name}") for x in cards],
        "open": any(x.status is CardStatus.PLANNED for x in cards),
    }


async def card(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """One own card: who, where, status and the text (copyable when short enough)."""
    c = ctx(dialog_manager)
    try:
        x = await greetings.card(c.uow, c.me(), int(dialog_manager.dialog_data[CARD_ID]))
    except Refused:
        return {"found": False, "name": "-", "salutation": "-", "channel_text": "",
                "address": "-", "status_text": "", "reason": "", "text": "", "planned": False,
                "markable": False, "copyable": False}
    return {
        "found": True, "name": x.prospect_name, "salutation": x.salutation or "-",
        "channel_text": c.t.raw("greetings-channel", channel=x.channel.value),
        "address": where_to(c.t, x), "status_text": _status(c.t, x),
        "reason": f" ({x.skip_reason})" if x.skip_reason else "", "text": x.text,
        "planned": x.status is CardStatus.PLANNED,
        "copyable": x.status is CardStatus.PLANNED and 0 < len(x.text) <= COPY_TEXT_MAX,
        "markable": x.status in (CardStatus.PLANNED, CardStatus.MISSED),
    }


async def enrol(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The segment kinds, and for stage / method the values to pick from."""
    c = ctx(dialog_manager)
    kind = str(dialog_manager.dialog_data.get(SEG_KIND, SegmentKind.TAG.value))
    values: list[tuple[str, str]] = []
    if kind == SegmentKind.STAGE.value:
        values = [(x.value, c.t.raw(i18n_key("stage", x.value))) for x in Stage]
    elif kind == SegmentKind.METHOD.value:
        values = [(x.value, c.t.raw(i18n_key("method", x.value))) for x in Method]
    return {"kinds": [(k.value, c.t.raw("greetings-segment", kind=k.value))
                      for k in SegmentKind],
            "kind": kind, "values": values, "typed": not values}


async def enrol_confirm(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
    """The counts before confirming (the use case checks the actor is a manager)."""
    c = ctx(dialog_manager)
    data = dialog_manager.dialog_data
    segment = Segment(SegmentKind(data[SEG_KIND]), str(data[SEG_VALUE]))
    try:
        count = await greetings.segment_count(c.uow, c.me(), segment)
    except Refused:
        return {"allowed": False, "segment": segment.value, "matching": 0, "to_enrol": 0,
                "already": 0, "unreachable": 0, "excluded": 0, "count": 0}
    return {"allowed": True, "segment": f"{c.t.raw('greetings-segment', kind=segment.kind.value)}"
            f" {segment.value}", "matching": count.matching, "to_enrol": count.to_enrol,
            "already": count.already, "unreachable": count.unreachable,
            "excluded": count.excluded, "count": count.to_enrol}


async def settings(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The team's greeting settings; a rep who got here anyway sees nothing of them."""
    c = ctx(dialog_manager)
    try:
        policy, dates = await greetings.team_settings(c.uow, c.me())
    except Refused:
        return {"allowed": False, "postal": 0, "message": 0, "western": "", "picks": "",
                "dates": "", "western_items": [], "months": [], "date_items": [],
                "max": LEAD_DAYS_MAX, "month": 0, "choices": []}
    today = await today_of(dialog_manager)
    names = {o.key: o.name for o in await greetings.occasions_for(
        c.uow, c.me(), today.year, c.t.locale)}
    none = c.t.raw("greetings-none")

    def pick_name(month: int) -> str:
        key = policy.month_picks.get(month)
        return names.get(key, key) if key else c.t.raw("greetings-default")

    return {
        "allowed": True, "postal": policy.postal_lead_days, "message": policy.message_lead_days,
        "western": ", ".join(calendar.name_of(k, c.t.locale) for k in calendar.WESTERN_KEYS
                             if k in policy.western) or none,
        "picks": ", ".join(f"{m}: {pick_name(m)}" for m in sorted(policy.month_picks)) or none,
        "dates": ", ".join(f"{d.name} {d.month:02d}-{d.day:02d}" for d in dates) or none,
        "western_items": [(k, c.t.raw("greetings-western-item", name=calendar.name_of(
            k, c.t.locale), on="yes" if k in policy.western else "no"))
            for k in calendar.WESTERN_KEYS],
        "months": [(str(m), c.t.raw("greetings-month-item", month=m, name=pick_name(m)))
                   for m in range(1, 13)],
        "date_items": [(str(d.id), c.t.raw("greetings-date-item", name=d.name,
                                           day=f"{d.month:02d}-{d.day:02d}")) for d in dates],
        "max": LEAD_DAYS_MAX, "lead": str(dialog_manager.dialog_data.get(LEAD, "postal")),
        "month": int(dialog_manager.dialog_data.get(MONTH, 1)),
        "choices": await _choices(dialog_manager, today.year),
    }


async def _choices(manager: DialogManager, year: int) -> list[tuple[str, str]]:
    """The occasions the chosen month's card can be (when a month is chosen)."""
    c = ctx(manager)
    month = manager.dialog_data.get(MONTH)
    if month is None:
        return []
    found = await greetings.month_choices(c.uow, c.me(), year, int(month), c.t.locale)
    return [(o.key, f"{o.name} {o.day:%m-%d}") for o in found]
