"""Direct-mail greetings (method.md §5): plan the due cards, then push ONE consolidated reminder
per rep and occasion, and after the occasion ask once about cards left unmarked.

Every push has a dedupe key (the domain's `ReminderGroup.dedupe_key`), and the cards are
stamped reminded / asked in the same commit: a second run, a second process or a restart
enqueues nothing twice, and whatever fell due while the bot was down is found on the next scan.
"""

from __future__ import annotations

from datetime import datetime

from aiogram.filters.callback_data import CallbackData

from bot.i18n import Locales, Translator
from bot.i18n import key as i18n_key
from bot.jobs.scheduler import JobDeps
from bot.render import listing
from sales.greetings import rules as greeting_rules
from sales.greetings import use_cases as greetings
from sales.greetings.model import GreetingCard, GreetingChannel, Occasion, ReminderGroup
from sales.greetings.use_cases import Compose
from sales.outbox.model import COPY_TEXT_MAX, Button, Buttons, OutMessage
from sales.prospects.model import Prospect
from sales.uow import UnitOfWork

CARDS_SHOWN = 8       # cards with their own buttons (Telegram allows 100 buttons, keep it short)
LINES_SHOWN = 10      # cards listed with text: a push stays far below 4096 characters
NAME_SHOWN = 24


class GreetCb(CallbackData, prefix="grt"):
    """Buttons under greeting pushes: all sent, one sent, skip one, open the list."""

    action: str
    id: int


ALL, SENT, SKIP, OPEN = "all", "sent", "skip", "open"


def compose_with(locales: Locales) -> Compose:
    """The domain's `compose`: the occasion's own wording if it has one, else its kind's."""

    def compose(occasion: Occasion, prospect: Prospect, language: str, variant: int,
                signer: str) -> str:
        t = locales.get(language)
        salutation = prospect.card.salutation or prospect.card.name
        return t.raw(text_key(t, occasion, variant), occasion=occasion.name,
                     salutation=salutation, signer=signer)

    return compose


def text_key(t: Translator, occasion: Occasion, variant: int) -> str:
    """`greetings-text-<kind>-<slug>-<n>` when written, else `greetings-text-<kind>-<n>`."""
    kind = i18n_key("greetings-text", occasion.kind.value)
    slug = occasion.key.partition(":")[2]
    own = i18n_key(kind, slug) + f"-{variant}" if slug else ""
    return own if own and t.has(own) else f"{kind}-{variant}"


def _t(deps: JobDeps, group: ReminderGroup) -> Translator:
    """Pushes speak the recipient's language: the rep's own, else the team's."""
    return deps.locales.get(group.owner.language or group.team.language)


def _name(card: GreetingCard) -> str:
    return card.prospect_name[:NAME_SHOWN]


def where_to(t: Translator, card: GreetingCard) -> str:
    """Where the card goes: the postal address, or for a message the prospect's current
    WeChat / phone / email ("WeChat chen_wx_88"); "-" when there is none."""
    if card.channel is GreetingChannel.MESSAGE:
        if card.handle is None:
            return "-"
        return f"{t.raw(i18n_key('field', card.handle.kind.value))} {card.handle.value}"
    return card.address or "-"


def _line(t: Translator, card: GreetingCard) -> str:
    """One card in the push: who, how addressed, where to, and the suggested text."""
    return t("greetings-reminder-line", name=card.prospect_name,
             salutation=card.salutation or "-", address=where_to(t, card), text=card.text)


def _card_buttons(t: Translator, card: GreetingCard) -> tuple[Button, ...]:
    """Sent / skip, and for a message greeting the one-tap copy of its text."""
    row = [Button(t.raw("greetings-btn-sent", name=_name(card)),
                  GreetCb(action=SENT, id=card.id).pack()),
           Button(t.raw("greetings-btn-skip"), GreetCb(action=SKIP, id=card.id).pack())]
    if card.channel is GreetingChannel.MESSAGE and 0 < len(card.text) <= COPY_TEXT_MAX:
        row.insert(0, Button(t.raw("greetings-btn-copy"), copy_text=card.text))
    return tuple(row)


def _buttons(t: Translator, group: ReminderGroup) -> Buttons:
    """All sent (one tap), a row per card (the first few), and the full list in the dialog."""
    first = group.cards[0].id
    head = (Button(t.raw("greetings-btn-all", count=len(group.cards)),
                   GreetCb(action=ALL, id=first).pack()),)
    rows = tuple(_card_buttons(t, card) for card in group.cards[:CARDS_SHOWN])
    return (head, *rows, (Button(t.raw("greetings-btn-open"),
                                 GreetCb(action=OPEN, id=first).pack()),))


def _message(t: Translator, group: ReminderGroup, purpose: str, text_key_: str,
             not_before: datetime | None) -> OutMessage:
    """The reminder or the after-question: the same list and buttons, another heading."""

    def more(n: int) -> str:
        return t("greetings-more", n=n)

    text = t(text_key_, occasion=group.occasion_name, day=group.occasion_day.isoformat(),
             count=len(group.cards), channel=group.channel.value,
             days=greetings.ASK_GRACE.days,
             cards_html=listing([_line(t, c) for c in group.cards], LINES_SHOWN, more))
    return OutMessage(group.dedupe_key(purpose), group.owner.telegram_id, text,
                      purpose, group.owner.id, _buttons(t, group), not_before)


def reminder_message(t: Translator, group: ReminderGroup, not_before: datetime | None = None
                     ) -> OutMessage:
    """The consolidated reminder: how many cards, each prospect with address and text."""
    return _message(t, group, "greet", "greetings-reminder-text", not_before)


def ask_message(t: Translator, group: ReminderGroup, not_before: datetime | None = None
                ) -> OutMessage:
    """Asked once after the occasion; cards still unmarked later count as missed."""
    return _message(t, group, "greetask", "greetings-ask-text", not_before)


async def _push(uow: UnitOfWork, msg: OutMessage, now: datetime) -> bool:
    """Enqueue (a key already there is skipped by the outbox's own ON CONFLICT); the caller's
    stamp commits both at once."""
    return await uow.outbox.enqueue(msg, now)


async def scan_greetings(deps: JobDeps, now: datetime) -> int:
    """Plan, remind, ask once, expire: how many pushes were enqueued."""
    pushed = 0
    async with deps.uow_factory() as uow:
        await greetings.plan_due(uow, now, compose_with(deps.locales))
    async with deps.uow_factory() as uow:
        for group in await greetings.due_reminders(uow, now):
            at = greeting_rules.reminder_at(group, now, deps.default_timezone)
            pushed += await _push(uow, reminder_message(_t(deps, group), group, at), now)
            await greetings.mark_reminded(uow, group.card_ids, now)
    async with deps.uow_factory() as uow:
        for group in await greetings.to_ask(uow, now):
            at = greeting_rules.ask_at(group, now, deps.default_timezone)
            pushed += await _push(uow, ask_message(_t(deps, group), group, at), now)
            await greetings.mark_asked(uow, group.card_ids, now)
    async with deps.uow_factory() as uow:
        await greetings.expire_missed(uow, now)
    return pushed
