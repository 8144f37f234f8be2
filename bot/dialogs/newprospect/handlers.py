"""New-prospect steps: each typed value is checked at once (re-prompt on error), then saved."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import Data, DialogManager, StartMode
from aiogram_dialog.widgets.kbd import Button

from bot.dialogs.common import (
    CARD_FIELDS,
    clear_notice,
    ctx,
    edited_field,
    start_edit,
    today_of,
    typed_value,
    tz_of,
)
from bot.dialogs.newprospect.states import (
    DRAFT,
    MATCHES,
    ORDER,
    ORG_ONLY,
    PREFILL,
    REF_PENDING,
    REFERRER_HITS,
    SAVED_ID,
    NewProspectSG,
    W,
)
from bot.dialogs.prospect.states import PROSPECT_ID, ProspectSG
from bot.refusals import item_id, item_of, refusals, refusals_on, set_notice
from sales.kernel.errors import Refused
from sales.prospects import use_cases as prospecting
from sales.prospects.man import Answer, ManAnswers
from sales.prospects.matching import Match
from sales.prospects.model import REFERRAL_METHODS, Kind, Method, ProspectDraft

DEFAULT_METHOD = Method.COLD_CANVASS  # a rep saving in front of a customer met them in person


def _draft(manager: DialogManager) -> ProspectDraft:
    return prospecting.draft_from_data(manager.dialog_data[DRAFT])


def _keep(manager: DialogManager, draft: ProspectDraft) -> None:
    manager.dialog_data[DRAFT] = prospecting.draft_to_data(draft)


async def on_start(start_data: Data, manager: DialogManager) -> None:
    """A fresh draft, or one pre-filled from a typed line (then straight to the summary)."""
    prefill = (start_data.get(PREFILL) if isinstance(start_data, dict) else None) or {}
    draft = ProspectDraft(Kind.INDIVIDUAL, prefill.get("name") or "", DEFAULT_METHOD,
                          phone=prefill.get("phone"), notes=prefill.get("notes"))
    _keep(manager, draft)
    if draft.name:
        await manager.switch_to(NewProspectSG.summary)


def _next(state: Any, draft: ProspectDraft) -> Any:
    """The step after `state`, skipping what does not apply to this card."""
    i = ORDER.index(state) + 1
    while ORDER[i] != NewProspectSG.summary and not _applies(ORDER[i], draft):
        i += 1
    return ORDER[i]


def _previous(state: Any, draft: ProspectDraft) -> Any:
    i = ORDER.index(state) - 1
    while i > 0 and not _applies(ORDER[i], draft):
        i -= 1
    return ORDER[max(i, 0)]


def _applies(state: Any, draft: ProspectDraft) -> bool:
    if state in ORG_ONLY:
        return draft.kind is Kind.ORGANISATION
    if state == NewProspectSG.referrer:
        return draft.method in REFERRAL_METHODS
    return True


async def _advance(manager: DialogManager, draft: ProspectDraft) -> None:
    _keep(manager, draft)
    clear_notice(manager)
    current = manager.current_context().state
    await manager.switch_to(_next(current, draft) if current in ORDER else NewProspectSG.summary)


async def on_skip(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    await _advance(manager, _draft(manager))


async def on_back(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """Back follows the steps this card actually went through (not declaration order)."""
    clear_notice(manager)
    current = manager.current_context().state
    if current not in ORDER:
        await manager.switch_to(NewProspectSG.summary)
        return
    await manager.switch_to(_previous(current, _draft(manager)))


async def on_kind(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """Person <-> organisation; a contact person only makes sense for organisations."""
    draft = _draft(manager)
    if draft.kind is Kind.INDIVIDUAL:
        _keep(manager, replace(draft, kind=Kind.ORGANISATION))
    else:
        _keep(manager, replace(draft, kind=Kind.INDIVIDUAL, contact=None,
                               decision_maker=Answer.UNKNOWN))


async def _typed(manager: DialogManager, field: str, text: str) -> ProspectDraft:
    """Check one typed value (a refusal leaves the draft as it was)."""
    c = ctx(manager)
    region = await prospecting.region_of(c.uow, c.me())
    return prospecting.apply_field(_draft(manager), field, text, region, await today_of(manager))


@refusals
async def on_text_step(message: Message, _w: Any, manager: DialogManager) -> None:
    """Name, contact person and phone steps: the state says which field."""
    state = manager.current_context().state
    field = {NewProspectSG.name: "name", NewProspectSG.contact: "contact",
             NewProspectSG.phone: "phone"}[state]
    await _advance(manager, await _typed(manager, field, message.text or ""))


@refusals
async def on_decision(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    answer = item_of(Answer, item, "prospect-bad-answer")
    await _advance(manager, replace(_draft(manager), decision_maker=answer))


@refusals
async def on_method(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    draft = replace(_draft(manager), method=item_of(Method, item, "prospect-bad-method"))
    if draft.method not in REFERRAL_METHODS:
        draft = replace(draft, referred_by_id=None, referred_by_name=None)
    await _advance(manager, draft)


@refusals
async def on_referrer_text(message: Message, _w: Any, manager: DialogManager) -> None:
    """Who referred them: pick an existing prospect found by the text, or make a new contact."""
    c = ctx(manager)
    text = message.text or ""
    draft = await _typed(manager, "referred_by_name", text)
    hits = await prospecting.find(c.uow, c.me(), text, limit=5)
    if not hits:
        await _advance(manager, draft)
        return
    manager.dialog_data[REFERRER_HITS] = [(str(h.candidate.id), h.candidate.name) for h in hits]
    manager.dialog_data[REF_PENDING] = draft.referred_by_name


@refusals
async def on_referrer_pick(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str
                           ) -> None:
    referrer = item_id(item, "prospect-not-found")
    names = dict(manager.dialog_data.pop(REFERRER_HITS, None) or [])
    manager.dialog_data.pop(REF_PENDING, None)
    await _advance(manager, replace(_draft(manager), referred_by_id=referrer,
                                    referred_by_name=names.get(item)))


async def on_referrer_new(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    manager.dialog_data.pop(REFERRER_HITS, None)
    pending = manager.dialog_data.pop(REF_PENDING, None)
    await _advance(manager, replace(_draft(manager), referred_by_id=None,
                                    referred_by_name=pending))


@refusals
async def on_man(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    """One MAN letter answered (yes / no / don't know), then the next."""
    letter = {NewProspectSG.man_m: "money", NewProspectSG.man_a: "authority",
              NewProspectSG.man_n: "need"}[manager.current_context().state]
    draft, answer = _draft(manager), item_of(Answer, item, "prospect-bad-answer")
    await _advance(manager, replace(draft, man=replace(draft.man, **{letter: answer})))


@refusals
async def on_pick_field(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str
                        ) -> None:
    if item not in CARD_FIELDS:
        raise Refused("prospect-bad-field", field=item)
    start_edit(manager, item)
    await manager.switch_to(NewProspectSG.field)


@refusals
async def on_field_text(message: Message, _w: Any, manager: DialogManager) -> None:
    """A value for the field picked on the summary."""
    draft = await _typed(manager, edited_field(manager), typed_value(manager, message.text or ""))
    _keep(manager, draft)
    await manager.switch_to(NewProspectSG.summary)


async def on_field_clear(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """Empty an optional field (the name cannot be emptied)."""
    field = edited_field(manager)
    if field == "name":
        set_notice(manager, "prospect-bad-name", field="name")
        return
    value: Any = () if field == "tags" else None
    _keep(manager, replace(_draft(manager), **{field: value}))
    await manager.switch_to(NewProspectSG.summary)


async def on_toggle(_cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """Direct mail (needs an address) and do-not-contact (which stops direct mail)."""
    d = _draft(manager)
    if button.widget_id == W.DNC:
        _keep(manager, replace(d, do_not_contact=not d.do_not_contact,
                               direct_mail=d.direct_mail and d.do_not_contact))
    elif not d.direct_mail and (d.do_not_contact or not d.address):
        set_notice(manager, "prospect-mail-dnc" if d.do_not_contact
                   else "prospect-mail-needs-address")
    else:
        _keep(manager, replace(d, direct_mail=not d.direct_mail))


async def on_man_reset(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    _keep(manager, replace(_draft(manager), man=ManAnswers()))
    await manager.switch_to(NewProspectSG.man_m)


@refusals
async def on_save(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """Check the card and look for duplicates; save at once when there are none."""
    c = ctx(manager)
    today = await today_of(manager)
    _card, matches = await prospecting.check_new(c.uow, c.me(), _draft(manager), today)
    if matches:
        manager.dialog_data[MATCHES] = [await _match_data(manager, m) for m in matches[:5]]
        await manager.switch_to(NewProspectSG.duplicates)
        return
    await _create(manager)


async def on_save_anyway(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    await _create(manager)


@refusals_on(NewProspectSG.summary)
async def _create(manager: DialogManager) -> None:
    """Save the draft; a refusal here (e.g. a referrer out of reach) is shown on the summary."""
    c = ctx(manager)
    prospect = await prospecting.create(c.uow, c.me(), _draft(manager), c.now(),
                                        await tz_of(manager))
    manager.dialog_data[SAVED_ID] = prospect.id
    await manager.switch_to(NewProspectSG.done)


async def _match_data(manager: DialogManager, match: Match) -> dict[str, Any]:
    """What the rep may know of a possible duplicate: its owner's name, not a teammate's card."""
    c = ctx(manager)
    try:
        await prospecting.visible(c.uow, c.me(), match.candidate.id)
        mine = True
    except Refused:
        mine = False
    cand = match.candidate
    return {"id": cand.id, "name": cand.name, "owner": cand.owner, "mine": mine,
            "last": cand.last_contact_on.isoformat() if cand.last_contact_on else None,
            "kind": match.kind.value}


@refusals
async def on_open_match(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str
                        ) -> None:
    await manager.start(ProspectSG.card, data={PROSPECT_ID: item_id(item, "prospect-not-found")})


async def on_open_saved(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    await manager.start(ProspectSG.card, data={PROSPECT_ID: manager.dialog_data[SAVED_ID]},
                        mode=StartMode.NORMAL)


async def on_another(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """The next card, without piling dialogs on the stack."""
    await manager.done()
    await manager.start(NewProspectSG.name)
