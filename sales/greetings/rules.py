"""Who gets a card, which card a month gets, when the rep is reminded, which wording: pure."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from sales.greetings.model import (
    VARIANTS,
    GreetingPolicy,
    Handle,
    HandleKind,
    Occasion,
    OccasionKind,
    ReminderGroup,
)
from sales.greetings.occasions import SOMBRE
from sales.kernel.clock import due_at, local_today, to_utc
from sales.people.model import LANGUAGES, Team
from sales.people.rules import timezone_of
from sales.prospects.model import GreetingChannel, Prospect, ProspectDraft, Stage

LEAD_DAYS_MAX = 60
COMPANY_DATE_RE = re.compile(
    r"^(?P<name>.*\D)\s*(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})\s*日?$")
# The month's card when the team picked none: the first of these the month has, else the
# first occasion of the month by kind (company, festival, public, Western, term, season).
DEFAULT_RANK = (
    "public:spring_festival", "public:mid_autumn_festival", "public:dragon_boat_festival",
    "public:national_day", "festival:lantern", "festival:qixi", "festival:double_ninth",
    "term:winter_solstice", "public:new_years_day", "public:labor_day",
    "public:thanksgiving_day", "public:christmas_day", "western:christmas",
    "western:mothers_day", "western:valentine", "public:independence_day",
)
KIND_RANK = (OccasionKind.COMPANY, OccasionKind.FESTIVAL, OccasionKind.PUBLIC,
             OccasionKind.WESTERN, OccasionKind.SOLAR_TERM, OccasionKind.SEASONAL)


def reachable(card: ProspectDraft) -> bool:
    """A postal card needs an address; a message needs a phone, WeChat or email."""
    if card.greeting_channel is GreetingChannel.POSTAL:
        return bool(card.address)
    return bool(card.phone or card.wechat or card.email)


def handle_of(wechat: str | None, phone: str | None, email: str | None) -> Handle | None:
    """Where to send a message greeting: WeChat first, then the phone, then email."""
    for kind, value in ((HandleKind.WECHAT, wechat), (HandleKind.PHONE, phone),
                        (HandleKind.EMAIL, email)):
        if value:
            return Handle(kind, value)
    return None


def gets_cards(prospect: Prospect) -> bool:
    """Enrolled, reachable, not do-not-contact, not lost, not opted out of greetings, and
    someone's (a pooled prospect has no rep to post its card)."""
    card = prospect.card
    return (not prospect.pooled and card.direct_mail and not card.do_not_contact
            and not card.greetings_opt_out and card.stage is not Stage.LOST and reachable(card))


def month_card(occasions: list[Occasion], year: int, month: int, pick: str | None
               ) -> Occasion | None:
    """The month's card: the team's pick when the month has it, else the default rank."""
    candidates = [o for o in occasions if (o.day.year, o.day.month) == (year, month)
                  and o.kind is not OccasionKind.BIRTHDAY and o.key not in SOMBRE]
    if not candidates:
        return None
    keys = {o.key: o for o in candidates}
    if pick in keys:
        return keys[pick]
    ranked = next((keys[k] for k in DEFAULT_RANK if k in keys), None)
    return ranked or min(candidates, key=lambda o: (KIND_RANK.index(o.kind), o.day, o.key))


def monthly(occasions: list[Occasion], policy: GreetingPolicy) -> list[Occasion]:
    """One card occasion per month that has any, by day."""
    months = sorted({(o.day.year, o.day.month) for o in occasions})
    found = (month_card(occasions, y, m, policy.month_picks.get(m)) for y, m in months)
    return [o for o in found if o is not None]


def remind_on(occasion_day: date, channel: GreetingChannel, policy: GreetingPolicy) -> date:
    """The team-local day the rep is reminded: lead days before the occasion."""
    return occasion_day - timedelta(days=policy.lead_days(channel))


def due(occasion_day: date, reminder_day: date, today: date) -> bool:
    """Plan now: the reminder day has come and the occasion has not passed (team-local)."""
    return reminder_day <= today <= occasion_day


def push_at(day: date, now: datetime, tz: str, morning: time, evening: time,
            last_day: date | None = None) -> datetime:
    """When a greeting push reaches the rep: their morning agenda time on `day` in their zone.
    Later that day it goes at once (caught up), but after their evening time it waits for the
    next morning, unless that morning is after `last_day` (the occasion would be over)."""
    today = local_today(tz, now)
    moment = due_at(max(day, today), morning, tz)
    if moment > to_utc(now):
        return moment
    tomorrow = today + timedelta(days=1)
    if due_at(today, evening, tz) <= to_utc(now) and (last_day is None or tomorrow <= last_day):
        return due_at(tomorrow, morning, tz)
    return to_utc(now)


def reminder_at(group: ReminderGroup, now: datetime, default_tz: str) -> datetime:
    """The consolidated reminder: the rep's agenda time on the reminder day, in their zone."""
    tz = timezone_of(group.owner, group.team, default_tz)
    day = min(c.remind_on for c in group.cards)
    return push_at(day, now, tz, group.owner.agenda_time, group.owner.evening_time,
                   group.occasion_day)


def ask_at(group: ReminderGroup, now: datetime, default_tz: str) -> datetime:
    """The after-question: the rep's agenda time on the day after the occasion, or later."""
    tz = timezone_of(group.owner, group.team, default_tz)
    return push_at(group.occasion_day + timedelta(days=1), now, tz, group.owner.agenda_time,
                   group.owner.evening_time)


def next_variant(previous: int | None, prospect_id: int) -> int:
    """Never the wording of the previous card; the first one spread by prospect."""
    if previous is None:
        return prospect_id % VARIANTS
    return (previous + 1) % VARIANTS


def language_of(card: ProspectDraft, team: Team) -> str:
    """The prospect's greeting language, else the team's."""
    chosen = card.greeting_language or team.language
    return chosen if chosen in LANGUAGES else LANGUAGES[0]


def valid_policy(policy: GreetingPolicy, western_keys: tuple[str, ...]) -> str | None:
    """The refusal code of a bad policy, or None."""
    if not all(0 <= d <= LEAD_DAYS_MAX
               for d in (policy.postal_lead_days, policy.message_lead_days)):
        return "greetings-bad-lead"
    if not policy.western <= set(western_keys):
        return "greetings-bad-western"
    if any(not 1 <= m <= 12 or not k for m, k in policy.month_picks.items()):
        return "greetings-bad-pick"
    return None


def parse_company_date(text: str) -> tuple[str, int, int] | None:
    """'Store opening 05-18' or '开业纪念日 5月18日' -> (name, month, day); None if not so."""
    match = COMPANY_DATE_RE.match(" ".join(text.split()))
    if match is None:
        return None
    return match["name"].strip(), int(match["month"]), int(match["day"])


def parse_lead_days(text: str) -> int | None:
    """A typed number of lead days ('7', '７'); None if it is not a whole number."""
    cleaned = text.strip()
    return int(cleaned) if cleaned.isdecimal() and len(cleaned) <= 3 else None
