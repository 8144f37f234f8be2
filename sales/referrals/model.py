"""Referrals as the domain knows them (method.md §6): who gave which name, asks, the reward
policy, rewards from promise to payment, chains and ledgers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sales.prospects.model import Stage


class AskAnswer(StrEnum):
    """What came of asking for names: names given, none (not asked again for a while), later."""

    GIVEN = "given"
    NONE = "none"
    LATER = "later"


class Script(StrEnum):
    """Which script the rep reads: a customer's endless chain (链式引荐) or snowball (滚雪球)."""

    CHAIN = "chain"
    SNOWBALL = "snowball"


class Trade(StrEnum):
    """Introducers who are not customers: people who meet buyers every day (method.md §6)."""

    AGENT = "agent"
    LOAN_OFFICER = "loan_officer"
    REPAIR_SHOP = "repair_shop"
    INSURANCE_ADJUSTER = "insurance_adjuster"
    OTHER = "other"


class RewardKind(StrEnum):
    """Money (an amount and currency) or a gift."""

    MONEY = "money"
    GIFT = "gift"


class RewardStatus(StrEnum):
    """promised (name given) -> owed (the referred prospect was won) -> paid | declined."""

    PROMISED = "promised"
    OWED = "owed"
    PAID = "paid"
    DECLINED = "declined"


class PaidHow(StrEnum):
    """How a reward was settled: keep your word, pay at once."""

    CASH = "cash"
    TRANSFER = "transfer"
    GIFT = "gift"
    DINNER = "dinner"


@dataclass(frozen=True, slots=True)
class Source:
    """Who gave a name: a prospect or customer (`prospect_id`) or an introducer contact."""

    prospect_id: int | None = None
    contact_id: int | None = None

    def __post_init__(self) -> None:
        """Exactly one side: a name comes from one person."""
        if (self.prospect_id is None) == (self.contact_id is None):
            raise ValueError("a source is a prospect or a contact, exactly one")


@dataclass(frozen=True, slots=True)
class Introducer:
    """A contact who sends buyers without being one (agent, loan officer, repair shop)."""

    id: int
    team_id: int
    owner_id: int
    name: str
    trade: Trade
    phone: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Link:
    """A referred prospect and who gave its name."""

    prospect_id: int
    source: Source
    how_known: str | None = None


@dataclass(frozen=True, slots=True)
class Ask:
    """One time the rep asked a prospect for names, and the answer."""

    id: int
    team_id: int
    prospect_id: int
    rep_id: int
    answer: AskAnswer
    at: datetime
    remind_at: datetime | None = None
    prospect_name: str = ""


@dataclass(frozen=True, slots=True)
class Terms:
    """What a reward is: an amount in a currency, or a gift."""

    kind: RewardKind
    amount: Decimal | None = None
    currency: str | None = None
    gift: str | None = None


@dataclass(frozen=True, slots=True)
class Policy:
    """A team's reward policy: the terms, days to pay, days not to re-ask after a 'none'."""

    terms: Terms = field(default_factory=lambda: Terms(RewardKind.GIFT))
    due_days: int = 3
    quiet_days: int = 60
    later_days: int = 3


@dataclass(frozen=True, slots=True)
class Reward:
    """A reward promised to an introducer for one referred prospect (one row per prospect)."""

    id: int
    team_id: int
    prospect_id: int
    source: Source
    rep_id: int
    terms: Terms
    status: RewardStatus
    promised_at: datetime
    owed_at: datetime | None = None
    due_on: date | None = None
    settled_at: datetime | None = None
    paid_how: PaidHow | None = None
    overridden_by: int | None = None
    prospect_name: str = ""
    source_name: str = ""


@dataclass(frozen=True, slots=True)
class NameGiven:
    """One name an introducer gave: only the name is needed."""

    name: str
    phone: str | None = None
    how_known: str | None = None


@dataclass(frozen=True, slots=True)
class Node:
    """A person in a chain as the actor may see them: `name` is None for a teammate's."""

    key: str
    name: str | None
    owner_name: str
    depth: int
    stage: Stage | None = None
    won_value: tuple[tuple[str, Decimal], ...] = ()
    prospect_id: int | None = None


@dataclass(frozen=True, slots=True)
class Chain:
    """Above: who referred, up to the top; below: everyone referred, with depth and yield."""

    above: tuple[Node, ...]
    below: tuple[Node, ...]
    won: int
    value: tuple[tuple[str, Decimal], ...]


@dataclass(frozen=True, slots=True)
class Ledger:
    """Rewards by status with totals per currency (money) and gift counts; overdue apart."""

    counts: tuple[tuple[RewardStatus, int], ...]
    totals: tuple[tuple[RewardStatus, str, Decimal], ...]
    overdue: int
    overdue_totals: tuple[tuple[str, Decimal], ...]

    def count(self, status: RewardStatus) -> int:
        """How many rewards have this status."""
        return dict(self.counts).get(status, 0)

    def total(self, status: RewardStatus, currency: str) -> Decimal:
        """The money of one status in one currency (0 when none)."""
        return sum((a for s, c, a in self.totals if s is status and c == currency), Decimal(0))


@dataclass(frozen=True, slots=True)
class IntroducerYield:
    """One introducer's record: names given, won, the value won."""

    key: str
    name: str
    referred: int
    won: int
    value: tuple[tuple[str, Decimal], ...]
    depth: int = 0


@dataclass(frozen=True, slots=True)
class MethodRate:
    """Conversion of one prospecting method: how many found, how many won."""

    method: str
    total: int
    won: int

    @property
    def rate(self) -> float:
        """Won per prospect found (a ratio for display, never money)."""
        return self.won / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class Report:
    """The team's referral picture: chains, best introducers, referred vs other methods."""

    chains: tuple[IntroducerYield, ...]
    best: tuple[IntroducerYield, ...]
    methods: tuple[MethodRate, ...]
    referred: MethodRate
    others: MethodRate
