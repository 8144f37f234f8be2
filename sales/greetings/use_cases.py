"""Greeting use cases: plan the month's cards, remind, mark, ask once, labels, enrolment.
Scope first; texts come from the bot's `compose` (Fluent), the domain picks the variant."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Protocol

from sales.greetings import occasions as calendar
from sales.greetings import rules
from sales.greetings.model import (
    CardStatus,
    CompanyDate,
    GreetingCard,
    GreetingChannel,
    GreetingPolicy,
    Label,
    MonthProgress,
    NewCard,
    Occasion,
    PlanLine,
    ReminderGroup,
    Segment,
    SegmentCount,
    SegmentKind,
)
from sales.greetings.ports import GreetingsUow
from sales.kernel.clock import local_today
from sales.kernel.errors import Refused
from sales.people.model import AuditEntry, Role, Team, User
from sales.prospects import man
from sales.prospects.events import ProspectEvent
from sales.prospects.model import Method, Prospect, Stage, clean_text, mail_refusal
from sales.prospects.use_cases import visible

ASK_GRACE = timedelta(days=3)
MESSAGE_TEXT_MAX = 256  # Telegram's copy-text button
POSTAL_TEXT_MAX = 1000
REASON_MAX = 200
COMPANY_NAME_MAX = 100
MARKABLE = frozenset({CardStatus.PLANNED, CardStatus.MISSED})


class Compose(Protocol):
    """The bot's wording of a card: Fluent text `variant` for the occasion, signed by the rep."""

    def __call__(self, occasion: Occasion, prospect: Prospect, language: str, variant: int,
                 signer: str) -> str: ...


async def _policy_of(uow: GreetingsUow, team_id: int) -> GreetingPolicy:
    return await uow.greetings.policy(team_id) or GreetingPolicy(team_id)


async def _year_occasions(uow: GreetingsUow, team: Team, policy: GreetingPolicy,
                          years: list[int], language: str) -> list[Occasion]:
    """The team's card occasions (one per month) over some years."""
    company = tuple(await uow.greetings.company_dates(team.id))
    found = [o for y in years for o in calendar.occasions(team.country, y, language,
                                                           policy.western, company)]
    return rules.monthly(found, policy)


def _candidates(prospect: Prospect, monthly: list[Occasion], years: list[int],
                language: str) -> list[Occasion]:
    """The month cards plus the prospect's birthdays in those years."""
    found = list(monthly)
    if prospect.card.birthday is not None:
        for year in years:
            day = calendar.birthday_occasion(prospect.card.birthday, year, language)
            if day is not None:
                found.append(day)
    return found


async def _plan_team(uow: GreetingsUow, team: Team, prospects: list[Prospect], first: date,
                     last: date, today: date | None) -> list[tuple[Prospect, Occasion, date]]:
    """(prospect, occasion named in its language, reminder day) for occasions in [first, last];
    with `today`, only those due now (reminder day come, occasion not passed)."""
    policy = await _policy_of(uow, team.id)
    years = sorted({first.year, last.year})
    by_language: dict[str, list[Occasion]] = {}
    planned = []
    for prospect in prospects:
        if not rules.gets_cards(prospect):
            continue
        language = rules.language_of(prospect.card, team)
        if language not in by_language:
            by_language[language] = await _year_occasions(uow, team, policy, years, language)
        for occasion in _candidates(prospect, by_language[language], years, language):
            reminder = rules.remind_on(occasion.day, prospect.card.greeting_channel, policy)
            if first <= occasion.day <= last and (
                    today is None or rules.due(occasion.day, reminder, today)):
                planned.append((prospect, occasion, reminder))
    return planned


async def plan_due(uow: GreetingsUow, now: datetime, compose: Compose) -> int:
    """Create the planned cards whose reminder day has come, for every team; idempotent."""
    added = 0
    for team in await uow.teams.list():
        today = local_today(team.timezone, now)
        policy = await _policy_of(uow, team.id)
        horizon = max(policy.postal_lead_days, policy.message_lead_days)
        prospects = await uow.prospects.of_team(team.id)  # read once for both passes
        await _reconcile(uow, team, prospects, now)
        due = await _plan_team(uow, team, prospects, today, today + timedelta(days=horizon),
                               today)
        added += await _store(uow, team, due, compose, now)
    await uow.commit()
    return added


async def _reconcile(uow: GreetingsUow, team: Team, prospects: list[Prospect], now: datetime
                     ) -> None:
    """Planned cards follow their prospect: to a new owner after a hand-over, and withdrawn
    when the prospect no longer gets cards (opted out, do-not-contact, lost, unenrolled)."""
    planned = await uow.greetings.planned_of_team(team.id)
    if not planned:
        return
    by_id = {p.id: p for p in prospects}
    moved: dict[int, list[int]] = defaultdict(list)
    for c in planned:
        prospect = by_id.get(c.prospect_id)
        if prospect is None or not rules.gets_cards(prospect):
            await uow.greetings.mark(c.id, CardStatus.WITHDRAWN, now)
        elif prospect.owner_id != c.owner_id:
            moved[prospect.owner_id].append(c.id)
    for owner_id, ids in moved.items():
        await uow.greetings.set_owner(ids, owner_id)


async def _store(uow: GreetingsUow, team: Team, due: list[tuple[Prospect, Occasion, date]],
                 compose: Compose, now: datetime) -> int:
    """Write the cards not stored yet, each with a wording unlike the prospect's last one."""
    existing = await uow.greetings.keys_of(team.id, {o.day.year for _, o, _ in due})
    fresh = [(p, o, r) for p, o, r in due if (p.id, o.key, o.day.year) not in existing]
    fresh.sort(key=lambda item: (item[1].day, item[0].id))
    last = await uow.greetings.last_variants({p.id for p, _, _ in fresh})
    names = {m.user.id: m.user.display_name for m in await uow.users.members(team.id)}
    cards = []
    for prospect, occasion, reminder in fresh:
        variant = rules.next_variant(last.get(prospect.id), prospect.id)
        last[prospect.id] = variant
        language = rules.language_of(prospect.card, team)
        text = compose(occasion, prospect, language, variant, names.get(prospect.owner_id, ""))
        cards.append(NewCard(
            team.id, prospect.id, prospect.card.name, prospect.card.address,
            prospect.card.salutation, prospect.owner_id, occasion.key, occasion.kind,
            occasion.name, occasion.day, prospect.card.greeting_channel, language, variant,
            text, reminder))
    return await uow.greetings.add_cards(cards, now)


async def plan_preview(uow: GreetingsUow, team: Team, from_day: date, days: int
                       ) -> list[PlanLine]:
    """Every card the rules would plan for occasions in [from_day, from_day + days) (CLI)."""
    last = from_day + timedelta(days=max(days, 1) - 1)
    names = {m.user.id: m.user.display_name for m in await uow.users.members(team.id)}
    planned = await _plan_team(uow, team, await uow.prospects.of_team(team.id), from_day, last,
                               None)
    lines = [PlanLine(o.day, o.key, o.name, p.id, p.card.name, p.owner_id,
                      names.get(p.owner_id, ""), p.card.greeting_channel, reminder)
             for p, o, reminder in planned]
    return sorted(lines, key=lambda line: (line.day, line.occasion_key, line.prospect_id))


async def _groups(uow: GreetingsUow, team: Team, cards: list[GreetingCard]
                  ) -> list[ReminderGroup]:
    """Cards of one team grouped per active owner, occasion and channel."""
    grouped: dict[tuple[int, str, int, GreetingChannel], list[GreetingCard]] = defaultdict(list)
    for c in cards:
        grouped[(c.owner_id, c.occasion_key, c.year, c.channel)].append(c)
    owners = {m.user.id: m.user for m in await uow.users.members(team.id)}
    found = []
    for (owner_id, key, year, channel), items in grouped.items():
        owner = owners.get(owner_id)
        if owner is None or not owner.active or owner.bot_blocked:
            continue
        found.append(ReminderGroup(owner, team, key, items[0].occasion_name,
                                   items[0].occasion_day, year, channel, tuple(items)))
    return sorted(found, key=lambda g: (g.occasion_day, g.owner.id, g.occasion_key))


async def due_reminders(uow: GreetingsUow, now: datetime) -> list[ReminderGroup]:
    """Planned, unreminded cards whose reminder day has come, one group per rep/occasion;
    an occasion already past is left to `to_ask`."""
    found = []
    for team in await uow.teams.list():
        today = local_today(team.timezone, now)
        cards = [c for c in await uow.greetings.to_remind(team.id, today)
                 if c.occasion_day >= today]
        found += await _groups(uow, team, cards)
    return found


async def mark_reminded(uow: GreetingsUow, card_ids: tuple[int, ...], now: datetime) -> None:
    """After the reminder is enqueued: these cards are not reminded again."""
    await uow.greetings.set_reminded(card_ids, now)
    await uow.commit()


async def to_ask(uow: GreetingsUow, now: datetime) -> list[ReminderGroup]:
    """Cards still unmarked after their occasion, never asked: one group per rep/occasion."""
    found = []
    for team in await uow.teams.list():
        cards = await uow.greetings.to_ask(team.id, local_today(team.timezone, now))
        found += await _groups(uow, team, cards)
    return found


async def mark_asked(uow: GreetingsUow, card_ids: tuple[int, ...], now: datetime) -> None:
    """After the question is enqueued: each card is asked about once."""
    await uow.greetings.set_asked(card_ids, now)
    await uow.commit()


async def expire_missed(uow: GreetingsUow, now: datetime) -> int:
    """Cards asked about and still unmarked after ASK_GRACE count as missed."""
    missed = 0
    for team in await uow.teams.list():
        for c in await uow.greetings.asked_before(team.id, now - ASK_GRACE):
            await uow.greetings.mark(c.id, CardStatus.MISSED, now)
            missed += 1
    await uow.commit()
    return missed


async def _own(uow: GreetingsUow, actor: User, card_id: int
               ) -> tuple[GreetingCard, Prospect]:
    """One of the actor's own cards with its prospect. A card whose prospect was handed to
    someone else is no longer the actor's, even before the scan moves it: the old owner's
    pushed buttons stop working at the hand-over."""
    found = await uow.greetings.get(card_id)
    prospect = await uow.prospects.get(found.prospect_id) if found is not None else None
    if found is None or prospect is None or actor.id != found.owner_id or (
            actor.id != prospect.owner_id):
        raise Refused("greetings-card-gone")
    return found, prospect


async def card(uow: GreetingsUow, actor: User, card_id: int) -> GreetingCard:
    """One of the actor's own cards (buttons carry the id); others 'do not exist'."""
    return (await _own(uow, actor, card_id))[0]


async def cards_of(uow: GreetingsUow, actor: User, occasion_key: str, year: int
                   ) -> list[GreetingCard]:
    """The actor's own cards for one occasion (the reminder's list)."""
    return await uow.greetings.of_occasion(actor.id, occasion_key, year)


def _check_open(found: GreetingCard, prospect: Prospect, statuses: frozenset[CardStatus]
                ) -> None:
    """A card is marked or reworded only while its prospect still gets cards: one who became
    do-not-contact, lost or opted out after the push is not greeted (an old push's 'sent' is
    refused, saying why; the scan withdraws the card)."""
    if found.status is CardStatus.WITHDRAWN or not rules.gets_cards(prospect):
        raise Refused("greetings-card-withdrawn", name=prospect.card.name)
    if found.status not in statuses:
        raise Refused("greetings-card-gone")


async def _markable(uow: GreetingsUow, actor: User, card_id: int,
                    statuses: frozenset[CardStatus] = MARKABLE) -> GreetingCard:
    found, prospect = await _own(uow, actor, card_id)
    _check_open(found, prospect, statuses)
    return found


async def mark_sent(uow: GreetingsUow, actor: User, card_id: int, now: datetime
                    ) -> GreetingCard:
    """The rep posted / sent this card (own cards only; planned or missed)."""
    found = await _markable(uow, actor, card_id)
    await uow.greetings.mark(found.id, CardStatus.SENT, now)
    await uow.commit()
    return replace(found, status=CardStatus.SENT, marked_at=now, skip_reason=None)


async def mark_all_sent(uow: GreetingsUow, actor: User, occasion_key: str, year: int,
                        now: datetime) -> int:
    """One tap: every still-planned own card of the occasion is sent, except those whose
    prospect was handed over or no longer gets cards; returns how many."""
    mine = {p.id: p for p in await uow.prospects.of_team(actor.team_id or 0, actor.id)}
    cards = [c for c in await uow.greetings.of_occasion(actor.id, occasion_key, year)
             if c.status is CardStatus.PLANNED and c.prospect_id in mine
             and rules.gets_cards(mine[c.prospect_id])]
    for c in cards:
        await uow.greetings.mark(c.id, CardStatus.SENT, now)
    await uow.commit()
    return len(cards)


async def mark_all_sent_from(uow: GreetingsUow, actor: User, card_id: int, now: datetime
                             ) -> int:
    """The push's 'all sent': its button names the occasion by one card of the push. That card
    may since have been handed over; the rest of the actor's cards are still marked, but an
    id of another team, or of an occasion the actor has no card in, is refused."""
    found = await uow.greetings.get(card_id)
    if found is None or found.team_id != actor.team_id:
        raise Refused("greetings-card-gone")
    mine = await uow.greetings.of_occasion(actor.id, found.occasion_key, found.year)
    if found.owner_id != actor.id and not mine:
        raise Refused("greetings-card-gone")
    return await mark_all_sent(uow, actor, found.occasion_key, found.year, now)


async def skip(uow: GreetingsUow, actor: User, card_id: int, reason: str | None,
               now: datetime) -> GreetingCard:
    """The rep did not send this one, with an optional reason (kept in the history)."""
    found = await _markable(uow, actor, card_id)
    why = clean_text(reason, "reason", REASON_MAX)
    await uow.greetings.mark(found.id, CardStatus.SKIPPED, now, why)
    await uow.commit()
    return replace(found, status=CardStatus.SKIPPED, marked_at=now, skip_reason=why)


async def edit_text(uow: GreetingsUow, actor: User, card_id: int, text: str, now: datetime
                    ) -> GreetingCard:
    """The rep rewords a planned card before copying / writing it."""
    found = await _markable(uow, actor, card_id, frozenset({CardStatus.PLANNED}))
    limit = MESSAGE_TEXT_MAX if found.channel is GreetingChannel.MESSAGE else POSTAL_TEXT_MAX
    cleaned = " ".join(text.split()) if found.channel is GreetingChannel.MESSAGE else text.strip()
    if not cleaned:
        raise Refused("greetings-bad-text")
    if len(cleaned) > limit:
        raise Refused("greetings-text-too-long", max=limit)
    await uow.greetings.set_text(found.id, cleaned)
    await uow.commit()
    return replace(found, text=cleaned)


def _month(today: date) -> tuple[date, date]:
    """The first and last day of today's month."""
    first = today.replace(day=1)
    return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


async def month_cards(uow: GreetingsUow, actor: User, today: date) -> list[GreetingCard]:
    """The actor's own cards whose occasion falls in today's month (any status), by day then
    prospect name: one query, whatever the team's calendar says today."""
    cards = await uow.greetings.of_owner(actor.id, *_month(today))
    return sorted(cards, key=lambda c: (c.occasion_day, c.occasion_key, c.prospect_name, c.id))


async def month_progress(uow: GreetingsUow, actor: User, today: date) -> MonthProgress:
    """The actor's cards of this month by status, and the next occasion to come."""
    cards = await uow.greetings.of_owner(actor.id, *_month(today))
    count = {s: sum(1 for c in cards if c.status is s) for s in CardStatus}
    team = await _team(uow, actor)
    language = actor.language or team.language
    policy = await _policy_of(uow, team.id)
    coming = await _year_occasions(uow, team, policy, [today.year, today.year + 1], language)
    upcoming = next((o for o in coming if o.day >= today), None)
    return MonthProgress(today.year, today.month, count[CardStatus.PLANNED],
                         count[CardStatus.SENT], count[CardStatus.SKIPPED],
                         count[CardStatus.MISSED], upcoming)


async def history(uow: GreetingsUow, actor: User, prospect_id: int) -> list[GreetingCard]:
    """A prospect's greeting history for the card (prospect scope applies)."""
    await visible(uow, actor, prospect_id)
    return await uow.greetings.of_prospect(prospect_id)


async def labels(uow: GreetingsUow, actor: User, occasion_key: str, year: int
                 ) -> list[Label]:
    """Mailing labels of the actor's postal cards for one occasion (not the skipped)."""
    return [Label(c.prospect_id, c.prospect_name, c.salutation, c.address)
            for c in await uow.greetings.of_occasion(actor.id, occasion_key, year)
            if c.channel is GreetingChannel.POSTAL and c.address
            and c.status in (CardStatus.PLANNED, CardStatus.SENT)]


async def _team(uow: GreetingsUow, actor: User) -> Team:
    team = await uow.teams.get(actor.team_id) if actor.team_id is not None else None
    if team is None:
        raise Refused("greetings-no-team")
    return team


async def _lead(uow: GreetingsUow, actor: User) -> Team:
    """Managers of the team (and admins in one) change team-wide greeting settings."""
    team = await _team(uow, actor)
    if actor.role is Role.REP:
        raise Refused("greetings-not-allowed")
    return team


def _in_segment(prospect: Prospect, segment: Segment) -> bool:
    """Does a prospect belong to a segment (tag, stage, method or MAN class)."""
    card_ = prospect.card
    if segment.kind is SegmentKind.TAG:
        return segment.value.casefold() in {t.casefold() for t in card_.tags}
    if segment.kind is SegmentKind.STAGE:
        return card_.stage.value == segment.value
    if segment.kind is SegmentKind.METHOD:
        return card_.method.value == segment.value
    return man.code(card_.man) == segment.value


def _check_segment(segment: Segment) -> None:
    valid = {SegmentKind.STAGE: {s.value for s in Stage},
             SegmentKind.METHOD: {m.value for m in Method}}.get(segment.kind)
    if not segment.value.strip() or (valid is not None and segment.value not in valid):
        raise Refused("greetings-bad-segment", value=segment.value)


async def _segment(uow: GreetingsUow, actor: User, segment: Segment
                   ) -> tuple[list[Prospect], SegmentCount]:
    """The prospects to enrol and the counts shown before confirming."""
    team = await _lead(uow, actor)
    _check_segment(segment)
    matching = [p for p in await uow.prospects.of_team(team.id) if _in_segment(p, segment)]
    excluded = [p for p in matching if p.card.do_not_contact or p.card.greetings_opt_out
                or p.card.stage is Stage.LOST]
    rest = [p for p in matching if p not in excluded]
    already = [p for p in rest if p.card.direct_mail]
    unreachable = [p for p in rest if not p.card.direct_mail and mail_refusal(p.card)]
    enrol = [p for p in rest if not p.card.direct_mail and not mail_refusal(p.card)]
    return enrol, SegmentCount(len(matching), len(enrol), len(already), len(unreachable),
                               len(excluded))


async def segment_count(uow: GreetingsUow, actor: User, segment: Segment) -> SegmentCount:
    """Managers: how many prospects of the team a segment enrolment would touch."""
    return (await _segment(uow, actor, segment))[1]


async def enrol_segment(uow: GreetingsUow, actor: User, segment: Segment, now: datetime
                        ) -> int:
    """Managers: switch direct mail on for every reachable prospect of a segment."""
    enrol, _ = await _segment(uow, actor, segment)
    for p in enrol:
        await uow.prospects.save_card(p.id, replace(p.card, direct_mail=True), now)
        await uow.prospects.add_event(ProspectEvent(p.id, now, actor.id, "field",
                                                    "direct_mail", "False", "True"))
    await uow.audit.add(AuditEntry(now, actor.id, "greetings.enrol", "team", actor.team_id,
                                   {"segment": f"{segment.kind.value}:{segment.value}",
                                    "count": len(enrol)}))
    await uow.commit()
    return len(enrol)


async def policy(uow: GreetingsUow, actor: User) -> GreetingPolicy:
    """The actor's team policy (defaults when none was saved)."""
    return await _policy_of(uow, (await _team(uow, actor)).id)


async def set_policy(uow: GreetingsUow, actor: User, policy: GreetingPolicy, now: datetime
                     ) -> GreetingPolicy:
    """Managers: Western occasions, lead days and month picks, checked then saved."""
    team = await _lead(uow, actor)
    chosen = replace(policy, team_id=team.id)
    code = rules.valid_policy(chosen, calendar.WESTERN_KEYS)
    if code is not None:
        raise Refused(code, max=rules.LEAD_DAYS_MAX, month=0, value="")
    await uow.greetings.save_policy(chosen)
    await uow.audit.add(AuditEntry(now, actor.id, "greetings.policy", "team", team.id, {}))
    await uow.commit()
    return chosen


async def company_dates(uow: GreetingsUow, actor: User) -> list[CompanyDate]:
    """The team's company dates."""
    return await uow.greetings.company_dates((await _team(uow, actor)).id)


async def add_company_date(uow: GreetingsUow, actor: User, name: str, month: int, day: int,
                           now: datetime) -> CompanyDate:
    """Managers add an anniversary / store opening greeted every year."""
    team = await _lead(uow, actor)
    cleaned = clean_text(name, "name", COMPANY_NAME_MAX)
    try:
        date(2000, month, day)  # a leap year: Feb 29 is allowed (Feb 28 in common years)
    except ValueError:
        cleaned = None
    if cleaned is None:
        raise Refused("greetings-bad-company-date")
    added = await uow.greetings.add_company_date(team.id, cleaned, month, day, now)
    await uow.commit()
    return added


async def remove_company_date(uow: GreetingsUow, actor: User, date_id: int, now: datetime
                              ) -> None:
    """Managers remove a company date of their team."""
    team = await _lead(uow, actor)
    if date_id not in {d.id for d in await uow.greetings.company_dates(team.id)}:
        raise Refused("greetings-bad-company-date")
    await uow.greetings.remove_company_date(date_id)
    await uow.commit()


async def occasions_for(uow: GreetingsUow, actor: User, year: int, language: str
                        ) -> list[Occasion]:
    """The team's occasions of a year (policy and company dates applied), by day."""
    team = await _team(uow, actor)
    policy = await _policy_of(uow, team.id)
    company = tuple(await uow.greetings.company_dates(team.id))
    return calendar.occasions(team.country, year, language, policy.western, company)


async def team_settings(uow: GreetingsUow, actor: User
                        ) -> tuple[GreetingPolicy, list[CompanyDate]]:
    """Managers: the team's greeting policy and company dates (the settings screen)."""
    team = await _lead(uow, actor)
    return await _policy_of(uow, team.id), await uow.greetings.company_dates(team.id)


async def _change_policy(uow: GreetingsUow, actor: User, now: datetime, **changes: object
                         ) -> GreetingPolicy:
    current, _ = await team_settings(uow, actor)
    return await set_policy(uow, actor, replace(current, **changes), now)  # type: ignore[arg-type]


async def set_lead_days(uow: GreetingsUow, actor: User, channel: GreetingChannel, raw: str,
                        now: datetime) -> GreetingPolicy:
    """Managers: how many days ahead postal or message reminders come, as typed."""
    days = rules.parse_lead_days(raw)
    if days is None:
        raise Refused("greetings-bad-lead", max=rules.LEAD_DAYS_MAX)
    name = ("postal_lead_days" if channel is GreetingChannel.POSTAL
            else "message_lead_days")
    return await _change_policy(uow, actor, now, **{name: days})


async def toggle_western(uow: GreetingsUow, actor: User, key: str, now: datetime
                         ) -> GreetingPolicy:
    """Managers: switch one Western occasion on or off."""
    if key not in calendar.WESTERN_KEYS:
        raise Refused("greetings-bad-western", value=key)
    current, _ = await team_settings(uow, actor)
    return await _change_policy(uow, actor, now, western=current.western ^ {key})


async def month_choices(uow: GreetingsUow, actor: User, year: int, month: int, language: str
                        ) -> list[Occasion]:
    """Managers: the occasions a month's card can be picked from (no days of mourning)."""
    await _lead(uow, actor)
    if not 1 <= month <= 12:
        raise Refused("greetings-bad-pick", month=month)
    return [o for o in await occasions_for(uow, actor, year, language)
            if o.day.month == month and o.key not in calendar.SOMBRE]


async def pick_month(uow: GreetingsUow, actor: User, month: int, key: str | None,
                     year: int, now: datetime) -> GreetingPolicy:
    """Managers: the month's card (None: back to the automatic default)."""
    current, _ = await team_settings(uow, actor)
    picks = dict(current.month_picks)
    if key is None:
        picks.pop(month, None)
    elif key in {o.key for o in await month_choices(uow, actor, year, month, "en")}:
        picks[month] = key
    else:
        raise Refused("greetings-bad-pick", month=month)
    return await _change_policy(uow, actor, now, month_picks=picks)


async def add_company_date_text(uow: GreetingsUow, actor: User, text: str, now: datetime
                                ) -> CompanyDate:
    """Managers: a company date typed as 'Store opening 05-18'."""
    parsed = rules.parse_company_date(text)
    if parsed is None:
        raise Refused("greetings-bad-company-date")
    return await add_company_date(uow, actor, *parsed, now)
