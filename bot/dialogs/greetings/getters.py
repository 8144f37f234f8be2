"""Read-only data for the monthly-cards windows; scope is checked by the use cases."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from aiogram_dialog import DialogManager

from bot.dialogs.common import ctx, today_of
from bot.dialogs.greetings.states import CARD_ID, OCCASION, YEAR
from bot.i18n import Translator
from bot.jobs.greetings import where_to
from bot.render import listing
from sales.greetings import use_cases as greetings
from sales.greetings.model import CardStatus, GreetingCard
from sales.kernel.errors import Refused
from sales.outbox.model import COPY_TEXT_MAX
from sales.people.model import Role

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
