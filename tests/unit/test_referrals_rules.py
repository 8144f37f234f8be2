"""Referral rules, table-driven: scripts, methods, re-asking, due days, terms, ledger, chains."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from sales.kernel.errors import Refused
from sales.prospects.model import Method, Stage
from sales.referrals import rules
from sales.referrals.model import (
    Ask,
    AskAnswer,
    Policy,
    Reward,
    RewardKind,
    RewardStatus,
    Script,
    Source,
    Terms,
)

NOW = datetime(2031, 1, 31, 17, 30, tzinfo=UTC)
DAY = date(2031, 2, 1)


@pytest.mark.parametrize(("stage", "script"), [
    (Stage.WON, Script.CHAIN), (Stage.NEW, Script.SNOWBALL), (Stage.MET, Script.SNOWBALL),
    (Stage.LOST, Script.SNOWBALL)])
def test_script(stage: Stage, script: Script) -> None:
    assert rules.script_for(stage) is script


@pytest.mark.parametrize(("source", "stage", "method"), [
    (Source(prospect_id=1), Stage.WON, Method.REFERRAL),
    (Source(prospect_id=1), Stage.MET, Method.SNOWBALL),
    (Source(contact_id=1), None, Method.AGENT)])
def test_method(source: Source, stage: Stage | None, method: Method) -> None:
    assert rules.method_for(source, stage) is method


def test_a_source_is_one_person() -> None:
    with pytest.raises(ValueError):
        Source()
    with pytest.raises(ValueError):
        Source(1, 2)


def _ask(answer: AskAnswer, days_ago: int) -> Ask:
    return Ask(1, 1, 1, 1, answer, NOW - timedelta(days=days_ago))


@pytest.mark.parametrize(("last", "ok"), [
    (None, True), (_ask(AskAnswer.NONE, 0), False), (_ask(AskAnswer.NONE, 59), False),
    (_ask(AskAnswer.NONE, 60), True), (_ask(AskAnswer.LATER, 0), True),
    (_ask(AskAnswer.GIVEN, 0), True)])
def test_may_ask(last: Ask | None, ok: bool) -> None:
    assert rules.may_ask(last, NOW, Policy()) is ok


@pytest.mark.parametrize(("text", "terms"), [
    ("200", Terms(RewardKind.MONEY, Decimal("200.00"), "CNY")),
    ("25 USD", Terms(RewardKind.MONEY, Decimal("25.00"), "USD")),
    ("¥1.2万", Terms(RewardKind.MONEY, Decimal("12000.00"), "CNY")),
    ("a dinner for two", Terms(RewardKind.GIFT, gift="a dinner for two")),
    ("茶叶一盒", Terms(RewardKind.GIFT, gift="茶叶一盒"))])
def test_parse_terms(text: str, terms: Terms) -> None:
    assert rules.parse_terms(text, "CNY") == terms


@pytest.mark.parametrize("text", ["", "-5", "0", "12.345", "!!!"])
def test_parse_terms_refuses(text: str) -> None:
    with pytest.raises(Refused, match="referrals-bad-terms"):
        rules.parse_terms(text, "CNY")


def _reward(status: RewardStatus, due: date | None, amount: str | None = "10",
            currency: str | None = "CNY") -> Reward:
    kind = RewardKind.MONEY if amount else RewardKind.GIFT
    return Reward(1, 1, 1, Source(prospect_id=2), 1,
                  Terms(kind, Decimal(amount) if amount else None, currency if amount else None,
                        None if amount else "tea"), status, NOW, due_on=due)


@pytest.mark.parametrize(("status", "due", "late"), [
    (RewardStatus.OWED, DAY - timedelta(days=1), True), (RewardStatus.OWED, DAY, False),
    (RewardStatus.PAID, DAY - timedelta(days=9), False),
    (RewardStatus.DECLINED, DAY - timedelta(days=9), False),
    (RewardStatus.PROMISED, None, False)])
def test_overdue(status: RewardStatus, due: date | None, late: bool) -> None:
    assert rules.is_overdue(_reward(status, due), DAY) is late


def test_due_on_counts_days_from_the_local_day() -> None:
    assert rules.due_on(DAY, Policy()) == date(2031, 2, 4)


def test_ledger_totals_per_status_and_currency() -> None:
    past = DAY - timedelta(days=1)
    items = [_reward(RewardStatus.OWED, past, "10"), _reward(RewardStatus.OWED, past, "5", "USD"),
             _reward(RewardStatus.OWED, DAY, "7"), _reward(RewardStatus.PAID, past, "1"),
             _reward(RewardStatus.OWED, past, None), _reward(RewardStatus.PROMISED, None)]
    ledger = rules.build_ledger(items, DAY)
    assert ledger.count(RewardStatus.OWED) == 4 and ledger.count(RewardStatus.DECLINED) == 0
    assert ledger.total(RewardStatus.OWED, "CNY") == Decimal("17")
    assert ledger.total(RewardStatus.OWED, "USD") == Decimal("5")
    assert ledger.overdue == 3
    assert ledger.overdue_totals == (("CNY", Decimal("10")), ("USD", Decimal("5")))


def test_chain_up_and_down_with_depth_and_no_loop() -> None:
    parents = {"p2": "p1", "p3": "p2", "p4": "p3", "p5": "p2", "p1": "c9"}
    assert rules.above("p4", parents) == [("p3", 1), ("p2", 2), ("p1", 3), ("c9", 4)]
    children = rules.children_of(parents)
    assert rules.below("p1", children) == [("p2", 1), ("p3", 2), ("p4", 3), ("p5", 2)]
    loop = {"p1": "p2", "p2": "p1"}
    assert rules.above("p1", loop) == [("p2", 1)]
    assert rules.below("p1", rules.children_of(loop)) == [("p2", 1)]


def test_yields_whole_chain_and_direct() -> None:
    parents = {"p2": "p1", "p3": "p2", "p4": "p1"}
    names = {"p1": "A", "p2": "B", "p3": "C", "p4": "D"}
    won = {"p3", "p4"}
    values = {"p3": ("CNY", Decimal("100")), "p4": ("CNY", Decimal("50"))}
    chains = rules.yields(parents, names, won, values, True)
    assert [(y.name, y.referred, y.won, y.value, y.depth) for y in chains] == [
        ("A", 3, 2, (("CNY", Decimal("150")),), 2)]
    direct = rules.best_first(rules.yields(parents, names, won, values, False))
    assert [(y.name, y.referred, y.won) for y in direct] == [("A", 2, 1), ("B", 1, 1)]
