"""The pool's rules, table-driven: when a prospect is warned or pooled, the cap, the ban,
and the team settings a manager types."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from sales.kernel.errors import Refused
from sales.people import rules as people
from sales.people.model import Team
from sales.pool import rules
from sales.pool.model import Fate
from sales.prospects.model import Kind, Method, Prospect, ProspectDraft, Stage

TEAM = Team(1, "T", "Asia/Shanghai", "CN", "zh", pool_after_days=30)
# added at 20:00 UTC on Oct 31 = Nov 1 in Shanghai: the local day counts, not the UTC one
ADDED = datetime(2026, 10, 31, 20, 0, tzinfo=UTC)


def prospect(last: date | None = None, stage: Stage = Stage.NEW, dnc: bool = False,
             pooled: bool = False) -> Prospect:
    card = ProspectDraft(Kind.INDIVIDUAL, "Wang", Method.TELEPHONE, stage=stage,
                         do_not_contact=dnc)
    return Prospect(1, 1, 7, card, ADDED, last, ADDED if pooled else None)


@pytest.mark.parametrize(("item", "team", "today", "expected"), [
    (prospect(date(2026, 11, 1)), TEAM, date(2026, 11, 27), Fate.KEEP),   # 26 days
    (prospect(date(2026, 11, 1)), TEAM, date(2026, 11, 28), Fate.WARN),   # 3 days before
    (prospect(date(2026, 11, 1)), TEAM, date(2026, 11, 30), Fate.WARN),   # the eve
    (prospect(date(2026, 11, 1)), TEAM, date(2026, 12, 1), Fate.POOL),    # 30 days
    (prospect(date(2026, 11, 1)), TEAM, date(2027, 3, 1), Fate.POOL),     # long overdue
    (prospect(None), TEAM, date(2026, 12, 1), Fate.POOL),                 # never contacted
    (prospect(None), TEAM, date(2026, 11, 30), Fate.WARN),                # local day of adding
    (prospect(date(2026, 11, 1), Stage.WON), TEAM, date(2027, 3, 1), Fate.KEEP),
    (prospect(date(2026, 11, 1), Stage.LOST), TEAM, date(2027, 3, 1), Fate.POOL),
    (prospect(date(2026, 11, 1), dnc=True), TEAM, date(2027, 3, 1), Fate.KEEP),
    (prospect(date(2026, 11, 1), pooled=True), TEAM, date(2027, 3, 1), Fate.KEEP),
    (prospect(date(2026, 11, 1)), replace(TEAM, pool_after_days=None), date(2027, 3, 1),
     Fate.KEEP),                                                           # rule off (default)
    (prospect(date(2026, 11, 1)), replace(TEAM, pool_after_days=7), date(2026, 11, 5),
     Fate.WARN),
])
def test_fate(item: Prospect, team: Team, today: date, expected: Fate) -> None:
    assert rules.fate(item, team, today) is expected


def test_default_team_keeps_the_pool_off() -> None:
    assert Team(1, "T", "UTC", "CN", "zh").pool_after_days is None
    assert rules.stale_cutoff(Team(1, "T", "UTC", "CN", "zh"), date(2026, 1, 1)) is None
    assert rules.stale_cutoff(TEAM, date(2026, 12, 1)) == date(2026, 11, 1)


NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


@pytest.mark.parametrize(("claimed", "released", "expected"), [
    (0, None, None),
    (4, None, None),
    (5, None, "pool-cap-reached"),                        # default cap 5
    (0, NOW - timedelta(days=29, hours=23), "pool-reclaim-banned"),
    (0, NOW - timedelta(days=30), None),                  # ban is 30 days by default
    (5, NOW - timedelta(days=1), "pool-cap-reached"),
])
def test_claim_refusal(claimed: int, released: datetime | None, expected: str | None) -> None:
    assert rules.claim_refusal(TEAM, claimed, released, NOW) == expected


@pytest.mark.parametrize(("name", "raw", "field", "value"), [
    ("target", "8", "daily_new_contacts", 8),
    ("target", " 0 ", "daily_new_contacts", 0),
    ("digest_time", "19:00", "digest_time", time(19, 0)),
    ("digest_time", "7点", "digest_time", time(7, 0)),
    ("working_days", "1-5", "working_days", (0, 1, 2, 3, 4)),
    ("working_days", "mon-fri, sat", "working_days", (0, 1, 2, 3, 4, 5)),
    ("working_days", "周一、周三", "working_days", (0, 2)),
    ("working_days", "auto", "working_days", None),
    ("prospecting_day", "5", "prospecting_weekday", 4),
    ("prospecting_day", "周日", "prospecting_weekday", 6),
    ("prospecting_day", "Monday", "prospecting_weekday", 0),
    ("pool_after", "30", "pool_after_days", 30),
    ("pool_after", "off", "pool_after_days", None),
    ("pool_after", "关闭", "pool_after_days", None),
    ("pool_cap", "3", "pool_claim_cap", 3),
    ("pool_reclaim", "0", "pool_reclaim_days", 0),
])
def test_team_setting(name: str, raw: str, field: str, value: object) -> None:
    assert getattr(people.parse_team_setting(TEAM, name, raw), field) == value


@pytest.mark.parametrize(("name", "raw", "code"), [
    ("target", "-1", "team-bad-number"),
    ("target", "51", "team-bad-number"),
    ("target", "five", "team-bad-number"),
    ("digest_time", "25:00", "team-bad-time"),
    ("digest_time", "19:61", "team-bad-time"),
    ("digest_time", "evening", "team-bad-time"),
    ("working_days", "5-1", "team-bad-weekday"),
    ("working_days", "1-9", "team-bad-weekday"),
    ("working_days", ",", "team-bad-weekday"),
    ("prospecting_day", "8", "team-bad-weekday"),
    ("pool_after", "3", "team-bad-number"),              # below 7 days: refused
    ("pool_after", "366", "team-bad-number"),
    ("pool_cap", "0", "team-bad-number"),
    ("nope", "1", "team-bad-setting"),
])
def test_team_setting_refused(name: str, raw: str, code: str) -> None:
    with pytest.raises(Refused) as caught:
        people.parse_team_setting(TEAM, name, raw)
    assert caught.value.code == code
