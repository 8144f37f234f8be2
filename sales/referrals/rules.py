"""Referral rules as pure functions: which script and method, when to ask again, when a reward
is due or overdue, ledgers, chains and yields.

- A customer (stage won) is asked with the endless-chain script and its names get the method
  referral; anyone else with the snowball script and method snowball; an introducer contact's
  names get the method agent.
- 'None' means not asked again for `quiet_days`; 'later' comes back after `later_days`.
- A reward is promised when the name is given and owed once the referred prospect is won, due
  `due_days` after that (local day); owed and past its day means overdue until paid or declined."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal

from sales.kernel.errors import Refused
from sales.prospects.model import Method, Prospect, Stage, clean_text
from sales.referrals.model import (
    Ask,
    AskAnswer,
    IntroducerYield,
    Ledger,
    MethodRate,
    Policy,
    Reward,
    RewardKind,
    RewardStatus,
    Script,
    Source,
    Terms,
)
from sales.visits.model import Outcome
from sales.visits.use_cases import parse_amount

GIFT_MAX = 200
HOW_MAX = 200
MAX_DEPTH = 20  # a chain deeper than this is cut (and a cycle can never loop)
DAYS_MAX = 365
Money = tuple[tuple[str, Decimal], ...]
ASK_AFTER = frozenset({Outcome.INTERESTED, Outcome.MET, Outcome.QUOTED, Outcome.WON})


def asks_after(outcome: str | None) -> bool:
    """A good visit (interested, meeting held, quoted, won) is the moment to ask for names."""
    return outcome in {o.value for o in ASK_AFTER}


def script_for(stage: Stage) -> Script:
    """Customers get the endless-chain script, everyone else the snowball one."""
    return Script.CHAIN if stage is Stage.WON else Script.SNOWBALL


def method_for(source: Source, source_stage: Stage | None) -> Method:
    """Referral from a customer, snowball from a prospect, agent from an introducer contact."""
    if source.contact_id is not None:
        return Method.AGENT
    return Method.REFERRAL if source_stage is Stage.WON else Method.SNOWBALL


def may_ask(last: Ask | None, now: datetime, policy: Policy) -> bool:
    """After a 'none' the rep waits `quiet_days`; otherwise asking is always fine."""
    if last is None or last.answer is not AskAnswer.NONE:
        return True
    return now >= last.at + timedelta(days=policy.quiet_days)


def remind_at(now: datetime, policy: Policy) -> datetime:
    """When an 'ask later' comes back to the rep through the outbox."""
    return now + timedelta(days=policy.later_days)


def due_on(today: date, policy: Policy) -> date:
    """Pay at once: a reward is due `due_days` after the referred prospect was won."""
    return today + timedelta(days=policy.due_days)


def is_overdue(reward: Reward, today: date) -> bool:
    """Owed and past its day."""
    return (reward.status is RewardStatus.OWED and reward.due_on is not None
            and reward.due_on < today)


def parse_terms(text: str, currency: str) -> Terms:
    """'200', '¥200', '25 USD', '1.2万' -> money (default currency); other words -> a gift."""
    try:
        amount, found = parse_amount(text)
    except Refused:
        gift = clean_text(text, "gift", GIFT_MAX)
        if gift is None or not any(ch.isalpha() for ch in gift):
            raise Refused("referrals-bad-terms", value=text) from None
        return Terms(RewardKind.GIFT, gift=gift)
    return Terms(RewardKind.MONEY, amount, found or currency)


def check_days(days: int) -> int:
    """A number of days a policy may use: 0 (same day) up to a year."""
    if not 0 <= days <= DAYS_MAX:
        raise Refused("referrals-bad-days", max=DAYS_MAX)
    return days


def clean_how(text: str | None) -> str | None:
    """How the name knows the introducer: one short line."""
    return clean_text(text, "how_known", HOW_MAX)


def build_ledger(rewards: Iterable[Reward], today: date) -> Ledger:
    """Counts and money per status and currency, and what is overdue on `today`."""
    counts: Counter[RewardStatus] = Counter()
    totals: defaultdict[tuple[RewardStatus, str], Decimal] = defaultdict(Decimal)
    late: defaultdict[str, Decimal] = defaultdict(Decimal)
    overdue = 0
    for r in rewards:
        counts[r.status] += 1
        money = r.terms.amount is not None and r.terms.currency is not None
        if money:
            totals[(r.status, r.terms.currency or "")] += r.terms.amount or Decimal(0)
        if is_overdue(r, today):
            overdue += 1
            if money:
                late[r.terms.currency or ""] += r.terms.amount or Decimal(0)
    return Ledger(tuple(sorted(counts.items())),
                  tuple(sorted((s, c, a) for (s, c), a in totals.items())), overdue,
                  tuple(sorted(late.items())))


def key_of(source: Source) -> str:
    """A chain node's key: `p<id>` for a prospect, `c<id>` for a contact."""
    return f"p{source.prospect_id}" if source.prospect_id is not None else f"c{source.contact_id}"


def above(start: str, parents: Mapping[str, str]) -> list[tuple[str, int]]:
    """Who referred `start`, then who referred them, up to the top (depth 1, 2, ...)."""
    found: list[tuple[str, int]] = []
    seen = {start}
    node = parents.get(start)
    while node is not None and node not in seen and len(found) < MAX_DEPTH:
        found.append((node, len(found) + 1))
        seen.add(node)
        node = parents.get(node)
    return found


def children_of(parents: Mapping[str, str]) -> dict[str, list[str]]:
    """The inverse of `parents`, children in key order."""
    children: defaultdict[str, list[str]] = defaultdict(list)
    for child, parent in sorted(parents.items()):
        children[parent].append(child)
    return dict(children)


def below(start: str, children: Mapping[str, list[str]]) -> list[tuple[str, int]]:
    """Everyone referred by `start`, and by them, depth first, with their depth."""
    found: list[tuple[str, int]] = []
    seen = {start}
    stack = [(child, 1) for child in reversed(children.get(start, []))]
    while stack:
        node, depth = stack.pop()
        if node in seen or depth > MAX_DEPTH:
            continue
        seen.add(node)
        found.append((node, depth))
        stack.extend((child, depth + 1) for child in reversed(children.get(node, [])))
    return found


def add_money(items: Iterable[tuple[str, Decimal]]) -> Money:
    """Sums per currency, sorted by currency."""
    sums: defaultdict[str, Decimal] = defaultdict(Decimal)
    for currency, amount in items:
        sums[currency] += amount
    return tuple(sorted(sums.items()))


def yields(parents: Mapping[str, str], names: Mapping[str, str], won: set[str],
           values: Mapping[str, tuple[str, Decimal]], whole_chain: bool) -> list[IntroducerYield]:
    """Per introducer: names given (directly, or the whole chain below), won and value won."""
    children = children_of(parents)
    found = []
    for source in children:
        if whole_chain and source in parents:
            continue  # chains are counted from their top
        nodes = below(source, children) if whole_chain else [(c, 1) for c in children[source]]
        keys = [k for k, _ in nodes]
        found.append(IntroducerYield(
            source, names.get(source, "?"), len(keys), sum(1 for k in keys if k in won),
            add_money(values[k] for k in keys if k in won and k in values),
            max((d for _, d in nodes), default=0)))
    return found


def best_first(items: Iterable[IntroducerYield]) -> list[IntroducerYield]:
    """Most won first, then most names, then the name."""
    return sorted(items, key=lambda y: (-y.won, -y.referred, y.name, y.key))


def conversion(prospects: Iterable[Prospect], referred: set[int]
               ) -> tuple[list[MethodRate], MethodRate, MethodRate]:
    """Won per found by method, and referred prospects against all the others."""
    total: Counter[str] = Counter()
    wins: Counter[str] = Counter()
    split = {True: [0, 0], False: [0, 0]}
    for p in prospects:
        is_won = p.card.stage is Stage.WON
        total[p.card.method.value] += 1
        wins[p.card.method.value] += is_won
        side = split[p.id in referred]
        side[0] += 1
        side[1] += is_won
    rates = [MethodRate(m, total[m], wins[m]) for m in sorted(total)]
    return (rates, MethodRate("referred", *split[True]), MethodRate("others", *split[False]))
