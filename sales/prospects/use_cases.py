"""Use cases for prospects: capture, dedupe, find, view, edit, hand over. Scope checked first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, replace
from datetime import date, datetime, time
from typing import Any

from sales.kernel.clock import local_today
from sales.kernel.errors import Refused
from sales.people.model import AuditEntry, Role, User
from sales.prospects import man
from sales.prospects.events import ProspectEvent, stored
from sales.prospects.man import Answer, ManAnswers
from sales.prospects.matching import Hit, Match, find_duplicates
from sales.prospects.model import (
    ADDRESS_MAX,
    COMPANY_MAX,
    NAME_MAX,
    NEEDS_MAX,
    NOTES_MAX,
    Birthday,
    ContactWindow,
    GreetingChannel,
    Kind,
    Method,
    Prospect,
    ProspectDraft,
    Stage,
    check_draft,
    clean_name,
    clean_text,
    mail_refusal,
    parse_birthday,
    parse_contact_time,
    parse_email,
    parse_greeting_channel,
    parse_greeting_language,
    parse_phone,
    parse_salutation,
    parse_tags,
    parse_wechat,
)
from sales.prospects.ports import ProspectsUow
from sales.prospects.priority import by_priority

EDITABLE = ("name", "company", "contact", "phone", "wechat", "email", "address", "birthday",
            "contact_time", "needs", "tags", "notes", "salutation", "greeting_language",
            "greeting_channel")


def can_see(actor: User, prospect: Prospect) -> bool:
    """Reps: own prospects (not once pooled); managers: their team's; admins: all."""
    if actor.role is Role.ADMIN:
        return True
    if actor.role is Role.MANAGER:
        return prospect.team_id == actor.team_id
    return prospect.owner_id == actor.id and not prospect.pooled


async def visible(uow: ProspectsUow, actor: User, prospect_id: int) -> Prospect:
    """The prospect if in scope; otherwise it 'does not exist' (nothing leaks)."""
    prospect = await uow.prospects.get(prospect_id)
    if prospect is None or not can_see(actor, prospect):
        raise Refused("prospect-not-found")
    return prospect


async def region_of(uow: ProspectsUow, actor: User) -> str:
    """The team's country: default region for phone numbers."""
    team = await uow.teams.get(actor.team_id) if actor.team_id is not None else None
    if team is None:
        raise Refused("prospect-no-team")
    return team.country


def apply_field(draft: ProspectDraft, name: str, raw: str, region: str, today: date
                ) -> ProspectDraft:
    """One typed value checked and put into the card; a refusal keeps the card as it was."""
    parsers: dict[str, Callable[[str], Any]] = {
        "name": lambda v: clean_name(v, "name", COMPANY_MAX if draft.kind is Kind.ORGANISATION
                                     else NAME_MAX),
        "company": lambda v: clean_name(v, "company", COMPANY_MAX),
        "contact": lambda v: clean_name(v, "contact", NAME_MAX),
        "referred_by_name": lambda v: clean_name(v, "referred_by", NAME_MAX),
        "phone": lambda v: parse_phone(v, region),
        "wechat": parse_wechat,
        "email": parse_email,
        "address": lambda v: clean_text(v, "address", ADDRESS_MAX, multiline=True),
        # what is typed (with the switch's 农历 mark) decides, never the value it replaces
        "birthday": lambda v: parse_birthday(v, today),
        "contact_time": parse_contact_time,
        "needs": lambda v: clean_text(v, "needs", NEEDS_MAX, multiline=True),
        "tags": parse_tags,
        "notes": lambda v: clean_text(v, "notes", NOTES_MAX, multiline=True),
        "salutation": parse_salutation,
        "greeting_language": parse_greeting_language,
        "greeting_channel": parse_greeting_channel,
    }
    if name not in parsers:
        raise Refused("prospect-bad-field", field=name)
    return replace(draft, **{name: parsers[name](raw)})


async def check_new(uow: ProspectsUow, actor: User, draft: ProspectDraft, today: date
                    ) -> tuple[ProspectDraft, list[Match]]:
    """Validate the whole card and list team-wide duplicates before saving."""
    region = await region_of(uow, actor)
    clean = check_draft(draft, region, today)
    team_id = actor.team_id or 0
    ids = (await uow.prospects.search_index(team_id)).duplicates(clean)
    candidates = await uow.prospects.candidates(team_id, ids=ids) if ids else []
    return clean, find_duplicates(clean, candidates)


async def create(uow: ProspectsUow, actor: User, draft: ProspectDraft, now: datetime, tz: str,
                 owner_id: int | None = None) -> Prospect:
    """Save a card (and a typed-in referrer as a contact of its own), in one commit;
    `tz` is the actor's zone: a birthday is checked against their local day."""
    region = await region_of(uow, actor)
    clean = check_draft(draft, region, local_today(tz, now))
    if clean.referred_by_id is not None:
        await visible(uow, actor, clean.referred_by_id)
    elif clean.referred_by_name:
        referrer = await uow.prospects.add(
            actor.team_id or 0, owner_id or actor.id, actor.id,
            ProspectDraft(Kind.INDIVIDUAL, clean.referred_by_name, Method.RELATIONSHIPS), now)
        await _event(uow, referrer.id, actor, now, "created")
        clean = replace(clean, referred_by_id=referrer.id)
    prospect = await uow.prospects.add(actor.team_id or 0, owner_id or actor.id, actor.id,
                                       clean, now)
    await _event(uow, prospect.id, actor, now, "created", new=clean.name)
    await uow.audit.add(AuditEntry(now, actor.id, "prospect.create", "prospect", prospect.id))
    await uow.commit()
    return prospect


async def find(uow: ProspectsUow, actor: User, query: str, limit: int = 50) -> list[Hit]:
    """Fuzzy search: reps over their own prospects, managers over the team's."""
    if actor.team_id is None:
        return []
    owner = actor.id if actor.role is Role.REP else None
    # scored over the team's cached index exactly as search() scores (tests/unit/test_search_index)
    ranked = (await uow.prospects.search_index(actor.team_id)).search(query, owner, limit)
    if not ranked:
        return []
    found = {c.id: c for c in await uow.prospects.candidates(actor.team_id, owner,
                                                            [i for i, _ in ranked])}
    return [Hit(found[i], score) for i, score in ranked if i in found]


async def my_list(uow: ProspectsUow, actor: User, now: datetime, tz: str, *,
                  stage: Stage | None = None, cls: man.ManClass | None = None,
                  method: Method | None = None) -> list[Prospect]:
    """Own prospects by 80:20 priority (days counted in `tz`), optionally filtered by stage,
    MAN class and method."""
    if actor.team_id is None:
        return []
    found = await uow.prospects.of_team(actor.team_id, actor.id)
    kept = [p for p in found
            if (stage is None or p.card.stage is stage)
            and (cls is None or man.verdict(p.card.man).cls is cls)
            and (method is None or p.card.method is method)]
    return by_priority(kept, local_today(tz, now), tz)


async def recent(uow: ProspectsUow, actor: User, tz: str, limit: int = 8) -> list[Prospect]:
    """Own prospects contacted (or added) most recently first: who a rep just visited; days
    of adding are local to `tz` like the contact days they are compared with."""
    if actor.team_id is None:
        return []
    found = await uow.prospects.of_team(actor.team_id, actor.id)
    found.sort(key=lambda p: (p.last_contact_on or local_today(tz, p.created_at), p.id),
               reverse=True)
    return found[:limit]


async def edit(uow: ProspectsUow, actor: User, prospect_id: int, name: str, raw: str,
               now: datetime, tz: str) -> Prospect:
    """Change one field of a card, keeping the old value in its history (birthday checked
    against the actor's local day in `tz`)."""
    prospect = await visible(uow, actor, prospect_id)
    region = await region_of(uow, actor)
    today = local_today(tz, now)
    changed = apply_field(prospect.card, name, raw, region, today)
    return await _save(uow, actor, prospect, check_draft(changed, region, today), now,
                       "field", name)


async def set_stage(uow: ProspectsUow, actor: User, prospect_id: int, stage: Stage,
                    now: datetime) -> Prospect:
    """Move along the selling line; every move is kept with time and who."""
    prospect = await visible(uow, actor, prospect_id)
    return await _save(uow, actor, prospect, replace(prospect.card, stage=stage), now,
                       "stage", "stage")


async def set_man(uow: ProspectsUow, actor: User, prospect_id: int, answers: ManAnswers,
                  now: datetime) -> Prospect:
    """Re-qualify: new MAN answers, old ones kept in the history."""
    prospect = await visible(uow, actor, prospect_id)
    return await _save(uow, actor, prospect, replace(prospect.card, man=answers), now,
                       "man", "man")


async def toggle(uow: ProspectsUow, actor: User, prospect_id: int, flag: str, now: datetime
                 ) -> Prospect:
    """Flip direct mail, do-not-contact (which also stops direct mail) or the greetings
    opt-out."""
    prospect = await visible(uow, actor, prospect_id)
    c = prospect.card
    if flag == "do_not_contact":
        new = replace(c, do_not_contact=not c.do_not_contact,
                      direct_mail=c.direct_mail and c.do_not_contact)
    elif flag == "direct_mail":
        new = replace(c, direct_mail=not c.direct_mail)
        code = mail_refusal(c)
        if new.direct_mail and code is not None:
            raise Refused(code)
    elif flag == "greetings_opt_out":
        new = replace(c, greetings_opt_out=not c.greetings_opt_out)
    else:
        raise Refused("prospect-bad-field", field=flag)
    return await _save(uow, actor, prospect, new, now, "field", flag)


async def reassign(uow: ProspectsUow, actor: User, prospect_id: int, to_user_id: int,
                   now: datetime) -> tuple[Prospect, User]:
    """A manager gives one prospect (history included) to another rep of the team."""
    prospect = await visible(uow, actor, prospect_id)
    target = await _teammate(uow, actor, prospect.team_id, to_user_id)
    await _move(uow, actor, prospect, target, now)
    await uow.commit()
    return prospect, target


async def hand_over_all(uow: ProspectsUow, actor: User, team_id: int, from_user_id: int,
                        to_user_id: int, now: datetime) -> tuple[int, User]:
    """Everything a rep owned (e.g. who left) goes to another rep, in one commit."""
    source = await _teammate(uow, actor, team_id, from_user_id, active=False)
    target = await _teammate(uow, actor, team_id, to_user_id)
    if source.id == target.id:
        raise Refused("prospect-same-owner")
    moved = await uow.prospects.of_team(team_id, source.id)
    for prospect in moved:
        await _move(uow, actor, prospect, target, now)
    await uow.commit()
    return len(moved), target


async def team_reps(uow: ProspectsUow, actor: User) -> list[User]:
    """Active people of the actor's team who can own prospects (for hand-over pickers)."""
    if actor.role is Role.REP or actor.team_id is None:
        raise Refused("prospect-not-allowed")
    return [m.user for m in await uow.users.members(actor.team_id)
            if m.user.active and m.user.role is not Role.ADMIN]


async def _teammate(uow: ProspectsUow, actor: User, team_id: int, user_id: int,
                    active: bool = True) -> User:
    """Only managers (or admins) hand over, and only between people of the prospect's team."""
    if actor.role is Role.REP or (actor.role is Role.MANAGER and actor.team_id != team_id):
        raise Refused("prospect-not-allowed")
    user = await uow.users.get(user_id)
    if user is None or user.team_id != team_id or (active and not user.active):
        raise Refused("prospect-bad-owner")
    return user


async def _move(uow: ProspectsUow, actor: User, prospect: Prospect, target: User,
                now: datetime) -> None:
    await uow.prospects.set_owner(prospect.id, target.id, now)
    await _event(uow, prospect.id, actor, now, "owner", "owner",
                 str(prospect.owner_id), str(target.id))


async def _save(uow: ProspectsUow, actor: User, prospect: Prospect, new: ProspectDraft,
                now: datetime, kind: str, field: str) -> Prospect:
    """Write the changed card and one history line, then commit."""
    old_value, new_value = stored(prospect.card, field), stored(new, field)
    await uow.prospects.save_card(prospect.id, new, now)
    if old_value != new_value:
        await _event(uow, prospect.id, actor, now, kind, field, old_value, new_value)
    await uow.commit()
    return replace(prospect, card=new)


async def _event(uow: ProspectsUow, prospect_id: int, actor: User, now: datetime, kind: str,
                 field: str | None = None, old: str | None = None, new: str | None = None
                 ) -> None:
    await uow.prospects.add_event(ProspectEvent(prospect_id, now, actor.id, kind, field, old,
                                                new))


def draft_to_data(draft: ProspectDraft) -> dict[str, Any]:
    """A card as JSON-safe data, so an unfinished draft survives in dialog storage."""
    data = asdict(draft)
    w = draft.contact_time
    data["contact_time"] = [w.start.isoformat(), w.end.isoformat()] if w else None
    return data


def draft_from_data(data: dict[str, Any]) -> ProspectDraft:
    """The inverse of `draft_to_data`."""
    w, b, m = data.get("contact_time"), data.get("birthday"), data.get("man") or {}
    return ProspectDraft(**{
        **data,
        "kind": Kind(data["kind"]), "method": Method(data["method"]),
        "stage": Stage(data.get("stage", "new")),
        "greeting_channel": GreetingChannel(data.get("greeting_channel", "postal")),
        "decision_maker": Answer(data.get("decision_maker", "unknown")),
        "tags": tuple(data.get("tags") or ()),
        "birthday": Birthday(**b) if b else None,
        "contact_time": ContactWindow(time.fromisoformat(w[0]), time.fromisoformat(w[1]))
        if w else None,
        "man": ManAnswers(**{k: Answer(v) for k, v in m.items()}),
    })
