"""Record-a-visit steps. State is kept in `dialog_data` until the single save at the end
(a check-in is saved at once, and the save completes it)."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal
from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import Data, DialogManager
from aiogram_dialog.widgets.kbd import Button

from bot.dialogs.common import clear_notice, ctx, today_of, tz_of
from bot.dialogs.prospect.states import PROSPECT_ID as CARD_ID
from bot.dialogs.prospect.states import ProspectSG
from bot.dialogs.referrals.states import PROSPECT_ID as REFERRALS_PROSPECT
from bot.dialogs.referrals.states import ReferralsSG
from bot.dialogs.visit.states import (
    AMEND,
    AT,
    AUTO_NEXT,
    CHECKED_IN,
    DRAFT,
    HERE,
    HITS,
    LATITUDE,
    LONGITUDE,
    MAN,
    NAME,
    NEAR,
    NEXT,
    NO_TIME,
    PAST_AT,
    PROPOSED,
    PROSPECT_ID,
    QUICK_SUGGESTED,
    REASON,
    SAVED,
    STAGE,
    SUGGESTED,
    UNKNOWN,
    W,
)
from bot.dialogs.visit.states import VisitSG as S
from bot.refusals import item_id, item_of, refusals, set_notice
from sales.kernel.clock import local_now
from sales.kernel.errors import Refused
from sales.prospects import use_cases as prospecting
from sales.prospects.man import Answer, ManAnswers
from sales.prospects.model import Stage
from sales.visits import cadence
from sales.visits import use_cases as visits
from sales.visits.model import Channel, NextStep, Outcome, Plan, VisitDraft

FORGED = "common-use-buttons"  # a forged or stale choice: the window's own buttons
LETTERS = {"M": "money", "A": "authority", "N": "need"}
CYCLE = {Answer.UNKNOWN: Answer.YES, Answer.YES: Answer.NO, Answer.NO: Answer.UNKNOWN}
ASKED = {Outcome.QUOTED: S.amount, Outcome.LOST: S.reason}  # outcomes with a detail to type


async def country_of(manager: DialogManager) -> str:
    """The team's country (else the deployment's): where the rep's calendar weeks start."""
    c = ctx(manager)
    team_id = c.me().team_id
    team = await c.uow.teams.get(team_id) if team_id is not None else None
    return team.country if team else str(c.data["defaults"].country)


def _draft(manager: DialogManager) -> dict[str, Any]:
    draft: dict[str, Any] = manager.dialog_data.setdefault(DRAFT, {})
    return draft


@refusals
async def on_start(start_data: Data, manager: DialogManager) -> None:
    """From a card or a reminder the prospect is known: straight to the outcome. A shared
    location starts a check-in: the nearest prospects."""
    data = start_data if isinstance(start_data, dict) else {}
    if data.get(PROSPECT_ID):
        await _pick(manager, int(data[PROSPECT_ID]))
    elif data.get(LATITUDE) is not None:
        await _nearby(manager, float(data[LATITUDE]), float(data[LONGITUDE]))


@refusals
async def on_location(message: Message, _w: Any, manager: DialogManager) -> None:
    """A location shared before the last screen is a new check-in (this draft is dropped)."""
    if message.location is None:
        return
    manager.dialog_data.clear()
    await _nearby(manager, message.location.latitude, message.location.longitude)


async def _nearby(manager: DialogManager, latitude: float, longitude: float) -> None:
    c = ctx(manager)
    found = await visits.nearby(c.uow, c.me(), latitude, longitude)
    manager.dialog_data[HERE] = [latitude, longitude]
    manager.dialog_data[NEAR] = [(n.prospect_id, n.name, n.metres) for n in found]
    await manager.switch_to(S.nearby)


async def _pick(manager: DialogManager, prospect_id: int) -> None:
    """Only a prospect this rep may see (ids come from buttons and pushed messages); the
    channel last used with them and today are the defaults."""
    c = ctx(manager)
    opening = await visits.opening(c.uow, c.me(), prospect_id)
    prospect = opening.prospect
    d = manager.dialog_data
    if d.get(PROSPECT_ID) not in (None, prospect.id):  # another prospect: not that check-in
        d.pop(AMEND, None)
        d.pop(CHECKED_IN, None)
    d.update({PROSPECT_ID: prospect.id, NAME: prospect.card.name,
              MAN: {k: getattr(prospect.card.man, k) for k in LETTERS.values()}})
    draft = _draft(manager)
    draft.setdefault("channel", opening.channel.value)
    draft.setdefault("day", (await today_of(manager)).isoformat())
    clear_notice(manager)
    await manager.switch_to(S.outcome)


@refusals
async def on_pick(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    prospect = item_id(item, "prospect-not-found")
    await _pick(manager, prospect)


async def on_search(message: Message, _w: Any, manager: DialogManager) -> None:
    """Typed text on the pick (or check-in) step searches the rep's prospects."""
    c = ctx(manager)
    hits = await prospecting.find(c.uow, c.me(), message.text or "", limit=8)
    manager.dialog_data[HITS] = [(str(h.candidate.id), h.candidate.name) for h in hits]
    if not hits:
        set_notice(manager, "visit-no-hits")


@refusals
async def on_check_in(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    """The prospect where the rep stands: a face-to-face visit stamped now, then its outcome."""
    c = ctx(manager)
    lat, lon = manager.dialog_data[HERE]
    tz = await tz_of(manager)
    visit = await visits.check_in(c.uow, c.me(), item_id(item, "prospect-not-found"), lat, lon,
                                  c.now(), tz)
    assert visit.checked_in_at is not None
    manager.dialog_data.update({AMEND: visit.id,
                                CHECKED_IN: f"{local_now(tz, visit.checked_in_at):%H:%M}"})
    draft = _draft(manager)
    draft.update(channel=Channel.VISIT.value, day=visit.draft.happened_on.isoformat())
    await _pick(manager, visit.draft.prospect_id)


@refusals
async def on_channel(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    _draft(manager)["channel"] = item_of(Channel, item, FORGED).value
    await manager.switch_to(S.outcome)


@refusals
async def on_day_quick(_cb: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """Today or yesterday: the common cases without a calendar."""
    back = 1 if button.widget_id == W.YESTERDAY else 0
    await _set_day(manager, await today_of(manager) - timedelta(days=back))


@refusals
async def on_day_picked(_cb: CallbackQuery, _w: Any, manager: DialogManager, day: date) -> None:
    await _set_day(manager, day)


async def _set_day(manager: DialogManager, day: date) -> None:
    visits.check_day(day, await today_of(manager))
    _draft(manager)["day"] = day.isoformat()
    clear_notice(manager)
    await manager.switch_to(S.outcome)


@refusals
async def on_outcome(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    """The stage it implies is applied (with an undo), the cadence's day is the next step
    (changeable), the open MAN letters are offered as toggles on the last screen."""
    outcome = item_of(Outcome, item, FORGED)
    _draft(manager)["outcome"] = outcome.value
    plan = await _plan(manager)
    d = manager.dialog_data
    d[PROPOSED] = d[STAGE] = plan.stage.value if plan.stage else None
    d[UNKNOWN] = list(plan.unknown)
    _suggest_next(manager)
    if outcome in ASKED:
        await manager.switch_to(ASKED[outcome])
    else:
        await _to_finish(manager)


def _suggest_next(manager: DialogManager) -> None:
    """The cadence's day as the next step (no time, no text), unless the rep chose one."""
    d = manager.dialog_data
    if d.get(NEXT) and not d.get(AUTO_NEXT):
        return
    d[AUTO_NEXT] = True
    d[NEXT] = ({"due_on": d[SUGGESTED], "due_time": None, "text": None} if d.get(SUGGESTED)
               else None)


async def _to_finish(manager: DialogManager) -> None:
    """The last screen, with a gentle note if the next contact is too dense."""
    clear_notice(manager)
    if manager.dialog_data.get(NEXT):
        await _warn(manager)
    await manager.switch_to(S.finish)


@refusals
async def on_amount(message: Message, _w: Any, manager: DialogManager) -> None:
    """'12000', '12,000 USD', '¥8000': re-prompt on anything else."""
    amount, currency = visits.parse_amount(message.text or "")
    _draft(manager).update(amount=str(amount), currency=currency or "CNY")
    await _to_finish(manager)


@refusals
async def on_reason(message: Message, _w: Any, manager: DialogManager) -> None:
    """Checked here against the limit the save applies (a refusal keeps the step)."""
    _draft(manager)["reason"] = visits.lost_reason(message.text)
    await _to_finish(manager)


async def on_skip_reason(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    await _to_finish(manager)


async def on_back_finish(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """Back from the last screen: to the amount or reason asked, else to the outcome."""
    outcome = Outcome(_draft(manager)["outcome"])
    clear_notice(manager)
    await manager.switch_to(ASKED.get(outcome, S.outcome))


@refusals
async def on_details(message: Message, _w: Any, manager: DialogManager) -> None:
    """On the last screen: notes as text, a photo (kept by file id) or the phone's location,
    in any order; notes too long are refused here, with the limit, not at the save."""
    draft = _draft(manager)
    if message.photo:
        notes = visits.visit_notes(message.caption) or draft.get("notes")
        draft.update(photo=message.photo[-1].file_id, notes=notes)
    elif message.location:
        draft["lat"], draft["lon"] = message.location.latitude, message.location.longitude
    elif message.text:
        draft["notes"] = visits.visit_notes(message.text)
    else:
        set_notice(manager, "visit-details-kinds")
        return
    clear_notice(manager)


async def _plan(manager: DialogManager) -> Plan:
    """Plan with the MAN answers given so far; its suggested next day is kept for that step."""
    c = ctx(manager)
    d = manager.dialog_data
    answers = ManAnswers(**{k: Answer(v) for k, v in d[MAN].items()})
    plan = await visits.plan(c.uow, c.me(), d[PROSPECT_ID], Outcome(_draft(manager)["outcome"]),
                             await today_of(manager), answers)
    for key in (SUGGESTED, REASON, AT):
        d.pop(key, None)
    if plan.suggestion is not None:
        d[SUGGESTED] = plan.suggestion.due_on.isoformat()
        d[REASON] = plan.suggestion.reason_key
        if plan.suggestion.at is not None:  # the prospect's preferred contact time
            d[AT] = plan.suggestion.at.strftime("%H:%M")
    return plan


@refusals
async def on_man(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    """One open letter: don't know -> yes -> no -> don't know; the suggested day follows."""
    d = manager.dialog_data
    if item not in d.get(UNKNOWN, []):
        raise Refused(FORGED)
    field = LETTERS[item]
    d[MAN][field] = CYCLE[Answer(d[MAN][field])].value
    await _plan(manager)
    _suggest_next(manager)
    clear_notice(manager)


@refusals
async def on_next_quick(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    """Tomorrow, 3 days, 1 week, 2 weeks, 1 month, or the suggested day."""
    today = await today_of(manager)
    if item == QUICK_SUGGESTED and manager.dialog_data.get(SUGGESTED):
        day = date.fromisoformat(manager.dialog_data[SUGGESTED])
    elif item in cadence.QUICK_CHOICES:
        day = cadence.quick_date(item, today)
    else:
        raise Refused(FORGED)
    await _set_next(manager, day)


async def on_next_picked(_cb: CallbackQuery, _w: Any, manager: DialogManager, day: date) -> None:
    if day < await today_of(manager):
        set_notice(manager, "visit-next-past")
        return
    await _set_next(manager, day)


async def _set_next(manager: DialogManager, day: date) -> None:
    """The day chosen by the rep (a time or text already given is kept)."""
    d = manager.dialog_data
    old = d.get(NEXT) or {}
    d[NEXT] = {"due_on": day.isoformat(), "due_time": old.get("due_time"),
               "text": old.get("text")}
    d[AUTO_NEXT] = False
    d.pop(PAST_AT, None)
    await _to_finish(manager)


async def on_no_next(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    manager.dialog_data.update({NEXT: None, AUTO_NEXT: False})
    await _to_finish(manager)


@refusals
async def on_time(_cb: CallbackQuery, _w: Any, manager: DialogManager, item: str) -> None:
    await _set_time(manager, None if item == NO_TIME else _time(item))


@refusals
async def on_time_text(message: Message, _w: Any, manager: DialogManager) -> None:
    """A typed time such as 9:30 or 14:00."""
    await _set_time(manager, _time(message.text or ""))


def _time(text: str) -> time:
    at = visits.parse_time(text)
    if at is None:
        raise Refused("visit-bad-time", value=text.strip())
    return at


async def _set_time(manager: DialogManager, at: time | None) -> None:
    """A time already past today is refused, with the same time tomorrow offered."""
    c = ctx(manager)
    nxt = manager.dialog_data.get(NEXT)
    if not nxt:
        raise Refused(FORGED)
    manager.dialog_data.pop(PAST_AT, None)
    try:
        visits.check_due_time(date.fromisoformat(nxt["due_on"]), at,
                              local_now(await tz_of(manager), c.now()))
    except Refused:
        manager.dialog_data[PAST_AT] = f"{at:%H:%M}"
        raise
    nxt["due_time"] = f"{at:%H:%M}" if at else None
    await _to_finish(manager)


@refusals
async def on_tomorrow(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """The past time offered again, on the next day."""
    nxt = manager.dialog_data.get(NEXT)
    if not nxt or not manager.dialog_data.get(PAST_AT):
        raise Refused(FORGED)
    nxt["due_on"] = (date.fromisoformat(nxt["due_on"]) + timedelta(days=1)).isoformat()
    await _set_time(manager, time.fromisoformat(manager.dialog_data[PAST_AT]))


async def _warn(manager: DialogManager) -> None:
    """Too dense, or outside the prospect's preferred hours: said gently, never blocking."""
    c = ctx(manager)
    nxt = manager.dialog_data[NEXT]
    at = time.fromisoformat(nxt["due_time"]) if nxt.get("due_time") else None
    warning = await visits.warn(c.uow, c.me(), manager.dialog_data[PROSPECT_ID],
                                date.fromisoformat(nxt["due_on"]), at,
                                also=date.fromisoformat(_draft(manager)["day"]))
    if warning is not None:
        set_notice(manager, warning.key, **warning.args)


@refusals
async def on_next_text(message: Message, _w: Any, manager: DialogManager) -> None:
    """What to do then, checked where typed; back to the last screen."""
    nxt = manager.dialog_data.get(NEXT)
    if not nxt:
        raise Refused(FORGED)
    nxt["text"] = visits.next_text(message.text)
    await _to_finish(manager)


async def on_undo_stage(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """The applied stage change undone, or applied again."""
    d = manager.dialog_data
    d[STAGE] = None if d.get(STAGE) else d.get(PROPOSED)


@refusals
async def on_save(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """One use-case call writes the visit, card changes and next step together."""
    c = ctx(manager)
    d = manager.dialog_data
    tz = await tz_of(manager)
    visit = await visits.record(
        c.uow, c.me(), _visit_draft(d), c.now(), tz, next_step=_next_step(d.get(NEXT)),
        stage=Stage(d[STAGE]) if d.get(STAGE) else None,
        answers=ManAnswers(**{k: Answer(v) for k, v in d[MAN].items()}), amend=d.get(AMEND))
    d[SAVED] = visit.id
    clear_notice(manager)
    await manager.switch_to(S.done)


def _visit_draft(d: dict[str, Any]) -> VisitDraft:
    v = d[DRAFT]
    return VisitDraft(
        prospect_id=d[PROSPECT_ID], channel=Channel(v["channel"]),
        happened_on=date.fromisoformat(v["day"]), outcome=Outcome(v["outcome"]),
        amount=Decimal(v["amount"]) if v.get("amount") else None, currency=v.get("currency"),
        lost_reason=v.get("reason"), notes=v.get("notes"), photo_file_id=v.get("photo"),
        latitude=v.get("lat"), longitude=v.get("lon"))


def _next_step(n: dict[str, Any] | None) -> NextStep | None:
    if not n:
        return None
    return NextStep(date.fromisoformat(n["due_on"]), n.get("text"),
                    time.fromisoformat(n["due_time"]) if n.get("due_time") else None)


async def on_open_card(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    await manager.start(ProspectSG.card, data={CARD_ID: manager.dialog_data[PROSPECT_ID]})


async def on_ask_referrals(_cb: CallbackQuery, _b: Button, manager: DialogManager) -> None:
    """After a good outcome: ask this prospect for names (script, names, none or later)."""
    await manager.start(ReferralsSG.ask,
                        data={REFERRALS_PROSPECT: manager.dialog_data[PROSPECT_ID]})
