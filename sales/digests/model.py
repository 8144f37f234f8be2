"""The manager's daily digest and weekly report as data (method.md §7-8): who did what today,
built from what reps recorded, never from a report form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from sales.people.model import FRIDAY, Team, User
from sales.prospects.model import Method, Stage

STALE_DAYS = 14
BIG_QUOTE = Decimal("100000")
OVERDUE_ATTENTION_DAYS = 3
ATTENTION_LATE_SHOWN = 5
"""At most this many long-overdue follow-ups and big quotes are fetched for the list."""
UNANSWERED_AFTER = timedelta(hours=2)
"""A timed reminder still open this long after its moment counts as unanswered."""


@dataclass(frozen=True, slots=True)
class DigestSettings:
    """A team's digest choices beyond `Team` (whose `working_days` overrides the country's
    weekdays); absent means the defaults."""

    team_id: int
    extra_workdays: frozenset[date] = frozenset()
    days_off: frozenset[date] = frozenset()
    report_weekday: int | None = FRIDAY
    """The weekday of the weekly report (at digest time); None: no weekly report."""
    stale_days: int = STALE_DAYS
    big_quote: Decimal = BIG_QUOTE


@dataclass(frozen=True, slots=True)
class DayFacts:
    """Everything counted for one team and one local day, in a fixed number of queries.

    Maps are keyed by the rep's user id; a rep with nothing has no key."""

    new_by_method: dict[int, dict[Method, int]]
    visits: dict[int, int]
    contacts: dict[int, int]
    follow_ups_done: dict[int, int]
    follow_ups_overdue: dict[int, int]
    unanswered: dict[int, int]
    cards_due: dict[int, int]
    cards_sent: dict[int, int]
    conversions: dict[int, int]
    long_overdue: tuple[FollowUpLate, ...]
    big_quotes: tuple[BigQuote, ...]
    referrals: dict[int, ReferralDay] | None = None
    """Referral numbers per rep (None: not counted, and the digest omits the lines)."""


@dataclass(frozen=True, slots=True)
class FollowUpLate:
    """An open follow-up overdue by more than OVERDUE_ATTENTION_DAYS."""

    prospect_id: int
    prospect_name: str
    owner_id: int
    due_on: date


@dataclass(frozen=True, slots=True)
class BigQuote:
    """A large quote on an open prospect with no next step planned."""

    prospect_id: int
    prospect_name: str
    owner_id: int
    amount: Decimal
    currency: str | None


@dataclass(frozen=True, slots=True)
class ReferralDay:
    """A rep's referral numbers: names asked for and received today, rewards owed now."""

    asked: int = 0
    received: int = 0
    rewards_owed: int = 0
    rewards_overdue: int = 0


@dataclass(frozen=True, slots=True)
class RepDay:
    """One rep's line in the digest."""

    rep_id: int
    name: str
    new_by_method: tuple[tuple[Method, int], ...]
    target: int
    visits: int
    contacts: int
    follow_ups_done: int
    follow_ups_overdue: int
    stale: int
    cards_due: int
    cards_sent: int
    referrals: ReferralDay | None = None

    @property
    def new_prospects(self) -> int:
        """New contacts of the day, counted against the daily target."""
        return sum(n for _, n in self.new_by_method)

    @property
    def active(self) -> bool:
        """Anything recorded today at all."""
        return bool(self.new_prospects or self.contacts or self.follow_ups_done
                    or self.cards_sent)


class AttentionKind(StrEnum):
    """Why a line is in "needs attention"; the bot's Fluent key is `digest-attention-<kind>`."""

    OVERDUE = "overdue"
    IDLE = "idle"
    UNANSWERED = "unanswered"
    BIG_QUOTE = "big-quote"
    REWARD = "reward"


@dataclass(frozen=True, slots=True)
class Attention:
    """One "needs attention" line: a prospect or a rep and the number that matters."""

    kind: AttentionKind
    who: str
    name: str = ""
    prospect_id: int | None = None
    days: int = 0
    count: int = 0
    amount: str = ""


@dataclass(frozen=True, slots=True)
class TopProspect:
    """One of the team's highest-priority prospects (80:20)."""

    prospect_id: int
    name: str
    owner: str
    stage: Stage
    score: int


@dataclass(frozen=True, slots=True)
class Digest:
    """One team's day: per rep, the team's totals, funnel, top prospects and what needs care."""

    team: Team
    day: date
    reps: tuple[RepDay, ...]
    funnel: tuple[tuple[Stage, int], ...]
    conversions: int
    top: tuple[TopProspect, ...]
    attention: tuple[Attention, ...]
    scope: str = "team"
    """"team" (a manager's view) or "rep" (a rep asking sees only their own line)."""

    @property
    def totals(self) -> RepDay:
        """The team's line: the sums of the reps' lines."""
        return sum_days(self.reps, self.team.daily_new_contacts * len(self.reps))


def sum_days(days: tuple[RepDay, ...], target: int) -> RepDay:
    """Column sums of rep lines (the team's totals)."""
    methods: dict[Method, int] = {}
    for d in days:
        for m, n in d.new_by_method:
            methods[m] = methods.get(m, 0) + n
    refs = [d.referrals for d in days if d.referrals is not None]
    return RepDay(
        0, "", tuple(sorted(methods.items())), target, sum(d.visits for d in days),
        sum(d.contacts for d in days), sum(d.follow_ups_done for d in days),
        sum(d.follow_ups_overdue for d in days), sum(d.stale for d in days),
        sum(d.cards_due for d in days), sum(d.cards_sent for d in days),
        ReferralDay(*(sum(getattr(r, f) for r in refs) for f in
                      ("asked", "received", "rewards_owed", "rewards_overdue")))
        if refs else None)


@dataclass(frozen=True, slots=True)
class WeekFacts:
    """What the weekly charts count, for one team and seven local days."""

    activity: dict[tuple[int, date], int]
    """(rep id, day) -> contacts recorded."""
    cards: dict[int, tuple[int, int]]
    """rep id -> (direct-mail prospects, of those greeted with a card in the last year)."""
    referrals: dict[int, tuple[int, int]]
    """rep id -> (names received in the last year, of those won)."""


@dataclass(frozen=True, slots=True)
class Report:
    """The weekly report's data: one entry per chart and a short summary."""

    team: Team
    first: date
    last: date
    reps: tuple[User, ...]
    funnel: tuple[tuple[Stage, int], ...]
    activity: dict[tuple[int, date], int]
    by_method: tuple[tuple[Method, int, int], ...]
    """(method, prospects, won) for methods with any prospect."""
    coverage: dict[int, tuple[int, int]]
    referral_yield: dict[int, tuple[int, int]]
    """rep id -> (names received in the last year, of those won)."""
    new_prospects: int = 0
    contacts: int = 0
    won: int = 0

    @property
    def days(self) -> tuple[date, ...]:
        """The seven local days of the report, in order."""
        return tuple(date.fromordinal(o) for o in
                     range(self.first.toordinal(), self.last.toordinal() + 1))


@dataclass(frozen=True, slots=True)
class DueDigest:
    """A team whose digest (or weekly report) is due now, and for which local day."""

    team: Team
    day: date
    settings: DigestSettings
