"""Digest rules, table-driven: working days (China's 调休 included), when digests and reports
are due in the team's zone, which days a scan sends, packing into messages, attention."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest

from sales.digests import rules
from sales.digests import use_cases as digests
from sales.digests.model import (
    AttentionKind,
    BigQuote,
    DayFacts,
    DigestSettings,
    FollowUpLate,
    ReferralDay,
    RepDay,
)
from sales.people.model import Team

CN = Team(1, "North", "Asia/Shanghai", "CN", "zh")
US = Team(2, "West", "America/Los_Angeles", "US", "en")
DEFAULT = DigestSettings(1)


@pytest.mark.parametrize(("day", "working", "why"), [
    (date(2026, 2, 14), True, "Saturday, make-up working day (调休) for the Spring Festival"),
    (date(2026, 2, 28), True, "Saturday, make-up working day after the Spring Festival"),
    (date(2026, 9, 20), True, "Sunday, make-up working day for National Day"),
    (date(2026, 2, 17), False, "Spring Festival, a Tuesday"),
    (date(2026, 2, 20), False, "Friday off, swapped for 2026-02-14"),
    (date(2026, 10, 7), False, "National Day week, a Wednesday"),
    (date(2026, 2, 15), False, "an ordinary Sunday"),
    (date(2026, 11, 23), True, "an ordinary Monday"),
    (date(2027, 3, 13), False, "a Saturday of a year with no announced swaps yet"),
    (date(2027, 3, 15), True, "a Monday of that year: weekday rules"),
])
def test_china_working_days(day: date, working: bool, why: str) -> None:
    assert rules.is_working_day(CN, DEFAULT, day) is working, why


SIX_DAYS = Team(1, "North", "Asia/Shanghai", "CN", "zh", working_days=(0, 1, 2, 3, 4, 5))
FIVE_DAYS = Team(1, "North", "Asia/Shanghai", "CN", "zh", working_days=(0, 1, 2, 3, 4))


@pytest.mark.parametrize(("team", "settings", "day", "working"), [
    (SIX_DAYS, DEFAULT, date(2026, 11, 28), True),  # a team working Saturdays
    (SIX_DAYS, DEFAULT, date(2026, 10, 3), False),  # but not on National Day
    (FIVE_DAYS, DEFAULT, date(2026, 2, 14), False),  # its own weekdays: no 调休 Saturday
    (CN, DigestSettings(1, days_off=frozenset({date(2026, 11, 23)})), date(2026, 11, 23), False),
    (CN, DigestSettings(1, extra_workdays=frozenset({date(2026, 2, 17)})), date(2026, 2, 17),
     True),
])
def test_team_overrides(team: Team, settings: DigestSettings, day: date, working: bool) -> None:
    assert rules.is_working_day(team, settings, day) is working


def test_other_countries_use_their_own_holidays() -> None:
    assert rules.is_working_day(US, DEFAULT, date(2026, 11, 26)) is False  # Thanksgiving
    assert rules.is_working_day(US, DEFAULT, date(2026, 2, 14)) is False  # a plain Saturday
    assert rules.is_working_day(US, DEFAULT, date(2026, 11, 27)) is True


@pytest.mark.parametrize(("now", "days"), [
    (datetime(2026, 11, 23, 10, 59, tzinfo=UTC), [date(2026, 11, 20)]),  # 18:59 in Shanghai
    (datetime(2026, 11, 23, 11, 0, tzinfo=UTC),
     [date(2026, 11, 23), date(2026, 11, 20)]),  # 19:00: today; Fri before the weekend
    (datetime(2026, 2, 14, 11, 5, tzinfo=UTC), [date(2026, 2, 14), date(2026, 2, 13),
                                                date(2026, 2, 12), date(2026, 2, 11)]),
    (datetime(2026, 2, 18, 12, 0, tzinfo=UTC), []),  # Sunday and the Spring Festival
])
def test_due_days_in_the_teams_zone(now: datetime, days: list[date]) -> None:
    team = Team(1, "North", "Asia/Shanghai", "CN", "zh", digest_chat_id=-5,
                digest_time=time(19, 0))
    assert rules.due_days(team, DEFAULT, now) == days


def test_the_default_digest_time_is_seven_pm() -> None:
    assert CN.digest_time == time(19, 0)


@pytest.mark.parametrize(("weekday", "now", "day"), [
    (4, datetime(2026, 11, 27, 10, 0, tzinfo=UTC), None),  # Friday 18:00 local: not yet
    (4, datetime(2026, 11, 27, 11, 0, tzinfo=UTC), date(2026, 11, 27)),
    (4, datetime(2026, 11, 30, 1, 0, tzinfo=UTC), date(2026, 11, 27)),  # caught up on Monday
    (4, datetime(2026, 12, 2, 1, 0, tzinfo=UTC), None),  # too late: wait for next week
    (None, datetime(2026, 11, 27, 11, 0, tzinfo=UTC), None),  # no weekly report
])
def test_report_due(weekday: int | None, now: datetime, day: date | None) -> None:
    assert rules.report_due(CN, DigestSettings(1, report_weekday=weekday), now) == day


@pytest.mark.parametrize(("candidates", "sent", "send"), [
    ([date(2026, 11, 23), date(2026, 11, 20)], set(), [date(2026, 11, 23)]),  # newly bound
    ([date(2026, 11, 23), date(2026, 11, 20)], {date(2026, 11, 20)}, [date(2026, 11, 23)]),
    ([date(2026, 11, 24), date(2026, 11, 23), date(2026, 11, 20)], {date(2026, 11, 20)},
     [date(2026, 11, 23), date(2026, 11, 24)]),  # downtime: both, oldest first
    ([date(2026, 11, 23)], {date(2026, 11, 23)}, []),
])
def test_which_days_a_scan_sends(candidates: list[date], sent: set[date], send: list[date]
                                 ) -> None:
    assert digests.to_send(candidates, sent) == send


def test_pack_splits_only_between_blocks() -> None:
    blocks = [f"rep {i}\n" + "x" * 300 for i in range(40)]
    messages = rules.pack("HEAD", blocks, "TAIL")
    assert len(messages) > 1 and all(len(m) <= rules.MESSAGE_MAX for m in messages)
    assert messages[0].startswith("HEAD") and messages[-1].endswith("TAIL")
    assert "\n\n".join(messages) == "\n\n".join(["HEAD", *blocks, "TAIL"])


def test_pack_keeps_a_small_digest_in_one_message() -> None:
    assert rules.pack("H", ["a", "b"], "") == ["H\n\na\n\nb"]


def _line(rep_id: int, name: str, **counts: int) -> RepDay:
    values = {"visits": 0, "contacts": 0, "follow_ups_done": 0, "follow_ups_overdue": 0,
              "stale": 0, "cards_due": 0, "cards_sent": 0, **counts}
    return RepDay(rep_id, name, (), 5, **values)  # type: ignore[arg-type]


def test_attention_lists_what_needs_care() -> None:
    lines = [_line(1, "Wang", contacts=2), _line(2, "Li")]
    facts = DayFacts({}, {}, {}, {}, {}, {1: 2}, {}, {}, {},
                     (FollowUpLate(10, "Old", 1, date(2026, 11, 18)),
                      FollowUpLate(11, "Recent", 1, date(2026, 11, 20))),
                     (BigQuote(12, "Big", 2, Decimal("200000"), "CNY"),))
    found = rules.attention(lines, facts, date(2026, 11, 23))
    assert [(a.kind, a.who, a.name) for a in found] == [
        (AttentionKind.OVERDUE, "Wang", "Old"),  # 5 days; "Recent" is only 3 days late
        (AttentionKind.IDLE, "Li", ""),
        (AttentionKind.UNANSWERED, "Wang", ""),
        (AttentionKind.BIG_QUOTE, "Li", "Big")]
    assert found[-1].amount == "200,000 CNY"


def test_overdue_rewards_come_first_once_referrals_fill_them() -> None:
    line = RepDay(1, "Wang", (), 5, 0, 1, 0, 0, 0, 0, 0, ReferralDay(rewards_overdue=2))
    facts = DayFacts({}, {}, {}, {}, {}, {}, {}, {}, {}, (), ())
    found = rules.attention([line], facts, date(2026, 11, 23))
    assert [(a.kind, a.count) for a in found] == [(AttentionKind.REWARD, 2)]


@pytest.mark.parametrize(("text", "expected"), [
    (None, date(2026, 11, 23)), ("", date(2026, 11, 23)), (" 2026-11-20 ", date(2026, 11, 20)),
])
def test_asked_day(text: str | None, expected: date) -> None:
    now = datetime(2026, 11, 22, 16, 30, tzinfo=UTC)  # already the 23rd in Shanghai
    assert digests.asked_day(text, CN, now, "UTC") == expected


@pytest.mark.parametrize(("text", "code"), [("yesterday", "digest-bad-date"),
                                            ("2026-11-24", "digest-future")])
def test_asked_day_refusals(text: str, code: str) -> None:
    from sales.kernel.errors import Refused
    with pytest.raises(Refused) as caught:
        digests.asked_day(text, CN, datetime(2026, 11, 23, 1, tzinfo=UTC), "UTC")
    assert caught.value.code == code
