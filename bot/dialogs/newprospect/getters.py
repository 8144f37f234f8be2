"""Read-only data for the new-prospect windows."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.dialogs.common import CARD_FIELDS, ctx, edit_data
from bot.dialogs.newprospect.states import DRAFT, MATCHES, REFERRER_HITS
from bot.i18n import key as i18n_key
from bot.render import card_text
from sales.prospects.model import Kind, Method
from sales.prospects.use_cases import draft_from_data


async def draft(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The card so far, rendered, plus choices for the button rows."""
    c = ctx(dialog_manager)
    card = draft_from_data(dialog_manager.dialog_data[DRAFT])
    return {
        "name": card.name or "-",
        "card_html": card_text(c.t, card) if card.name else "",
        "is_org": card.kind is Kind.ORGANISATION,
        "kind": card.kind.value,
        "methods": [(m.value, c.t.raw(i18n_key("method", m.value))) for m in Method],
        "fields": [(f, c.t.raw(i18n_key("field", f))) for f in CARD_FIELDS
                   if card.kind is Kind.ORGANISATION or f != "contact"],
        "mail": "yes" if card.direct_mail else "no",
        "dnc": "yes" if card.do_not_contact else "no",
        **edit_data(dialog_manager),
        "ref_hits": dialog_manager.dialog_data.get(REFERRER_HITS, []),
        "matches_html": _matches_text(c.t, dialog_manager.dialog_data.get(MATCHES, [])),
        "open_matches": [(str(m["id"]), m["name"]) for m in
                         dialog_manager.dialog_data.get(MATCHES, []) if m["mine"]],
    }


def _matches_text(t: Any, matches: list[dict[str, Any]]) -> str:
    """One line per possible duplicate: name, owner, last contact, why it matched."""
    return "\n".join(t("newp-match-line", name=m["name"], owner=m["owner"],
                           last=m["last"] or "-", kind=m["kind"]) for m in matches)
