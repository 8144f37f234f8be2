"""Text for prospect cards, shared by the new-prospect summary and the card view.

Every value passes through the translator, which escapes user text for HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from bot.i18n import Translator
from bot.i18n import key as i18n_key
from bot.i18n import shorten as i18n_shorten
from sales.prospects import man
from sales.prospects.events import FieldValue, ProspectEvent, value_of
from sales.prospects.man import Answer, ManAnswers
from sales.prospects.model import Birthday, ContactWindow, Kind, Method, ProspectDraft, Stage
from sales.referrals.model import Chain, Node


def birthday_text(t: Translator, b: Birthday) -> str:
    """'1990-03-05', '03-05' or with a lunar mark."""
    text = f"{b.year}-{b.month:02d}-{b.day:02d}" if b.year else f"{b.month:02d}-{b.day:02d}"
    return t.raw("card-lunar", date=text, leap="yes" if b.leap else "no") if b.lunar else text


def window_text(w: ContactWindow) -> str:
    return f"{w.start:%H:%M}-{w.end:%H:%M}"


def verdict_text(t: Translator, answers: ManAnswers) -> str:
    """Verdict name, class and the table's advice, e.g. 'Ideal prospect (A): …'."""
    v = man.verdict(answers)
    return t("card-verdict", code=v.code, verdict=t.raw(v.verdict_key),
             cls=v.cls.value if v.cls else "?", advice=t.raw(v.advice_key))


SHOWN_FIELDS = ("company", "contact", "phone", "wechat", "email", "address", "birthday",
                "contact_time", "needs", "tags", "notes", "referred_by_name")


def field_text(t: Translator, value: FieldValue | None) -> str:
    """One field's value as the card shows it, whatever the field ('-' when empty)."""
    if value is None or value == ():
        return "-"
    if isinstance(value, Birthday):
        return birthday_text(t, value)
    if isinstance(value, ContactWindow):
        return window_text(value)
    if isinstance(value, bool | Answer):
        return t.answer(value)
    if isinstance(value, Stage | Method):
        prefix = "stage" if isinstance(value, Stage) else "method"
        return t.raw(i18n_key(prefix, value.value))
    if isinstance(value, tuple):
        return shorten(", ".join(value))
    return shorten(value)


def card_text(t: Translator, card: ProspectDraft, referrer: str | None = None) -> str:
    """All filled fields, one per line, labels localized."""
    values = {key: getattr(card, key) for key in SHOWN_FIELDS}
    values["referred_by_name"] = referrer or card.referred_by_name
    kind = "org" if card.kind is Kind.ORGANISATION else "person"
    lines = [t("card-title", name=card.name, kind=kind)]
    lines += [t("card-field", label=t.raw(i18n_key("field", key)), value=field_text(t, value))
              for key, value in values.items() if value]
    lines.append(t("card-method", method=t.raw(i18n_key("method", card.method.value))))
    if card.kind is Kind.ORGANISATION and card.contact:
        lines.append(t("card-decision", answer=card.decision_maker.value))
    lines.append(t("card-flags", mail="yes" if card.direct_mail else "no",
                   dnc="yes" if card.do_not_contact else "no"))
    lines.append(verdict_text(t, card.man))
    return "\n".join(lines)


FIELD_SHOWN = 400  # a 4000-character note must not push a card past Telegram's 4096


def history_line(t: Translator, e: ProspectEvent) -> str:
    """One history entry, every value rendered as the card renders that field."""
    at, who = e.at.strftime("%Y-%m-%d %H:%M"), e.actor_name or "-"
    if e.kind == "visit":  # field: the channel, new: the outcome
        return t("prospect-history-line", at=at, who=who, kind=e.kind, old="-",
                 field=t.raw(i18n_key("visit-channel", e.field or "other")),
                 new=t.raw(i18n_key("visit-outcome", e.new or "")) if e.new else "-")
    field = e.field or ""
    return t("prospect-history-line", at=at, who=who, kind=e.kind,
             field=t.raw(i18n_key("field", field)) if field else "-",
             old=field_text(t, value_of(field, e.old)), new=field_text(t, value_of(field, e.new)))


def shorten(text: str, limit: int = FIELD_SHOWN) -> str:
    """Long free text cut for display (the full text stays stored and exported)."""
    return i18n_shorten(text, limit)


def listing(lines: list[str], limit: int, more: Callable[[int], str]) -> str:
    """At most `limit` lines, then a '+N more' line, so a message stays within limits."""
    shown = lines[:limit]
    if len(lines) > limit:
        shown.append(more(len(lines) - limit))
    return "\n".join(shown) or "-"


def budgeted(lines: list[str], budget: int, more: Callable[[int], str]) -> str:
    """Lines in order while they fit in `budget` characters, then a '+N more' line."""
    shown: list[str] = []
    used = 0
    for i, line in enumerate(lines):
        if used + len(line) > budget:
            shown.append(more(len(lines) - i))
            break
        shown.append(line)
        used += len(line) + 1
    return "\n".join(shown) or "-"


def day_text(d: date | None) -> str:
    return d.isoformat() if d else "-"


def money_text(t: Translator, amount: Decimal | None, currency: str | None,
               gift: str | None) -> str:
    """'200.00 CNY', or the gift's words (a gift without words: the generic word)."""
    if amount is not None:
        return f"{amount} {currency or ''}".strip()
    return gift or t.raw("referrals-a-gift")


def chain_text(t: Translator, chain: Chain) -> str:
    """The chain above (who referred, up to the top) and below (everyone referred, indented
    by depth); a teammate's person shows only as theirs."""
    def who(node: Node) -> str:
        if node.name is None:
            return t("referrals-node-hidden", owner=node.owner_name)
        mark = " ✅" if node.stage is Stage.WON else ""
        return t("referrals-node", name=node.name) + mark

    up = " ← ".join(who(n) for n in chain.above) or "-"
    down = "\n".join("  " * n.depth + "↳ " + who(n) for n in chain.below) or "-"
    value = ", ".join(f"{a} {c}" for c, a in chain.value) or "-"
    return t("referrals-chain", above_html=up, below_html=down, won=chain.won, value=value)
