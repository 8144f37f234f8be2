"""The rep's day in their own zone: DST-safe instants, agenda/evening timing, away, snooze."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from sales.kernel import clock
from sales.people.model import Role, User
from sales.rhythm import rules as rhythm
from sales.rhythm.model import EveningCheck, FollowUpView

SH, BER, NY = "Asia/Shanghai", "Europe/Berlin", "America/New_York"


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0
        ) -> datetime:
    """A fixed UTC instant."""
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


@pytest.mark.parametrize(
    ("tz", "now", "expected"),
    [
        (SH, utc(2026, 6, 10, 15, 59), date(2026, 6, 10)),
        (SH, utc(2026, 6, 10, 16, 0), date(2026, 6, 11)),  # midnight in Shanghai
        (NY, utc(2026, 6, 11, 3, 0), date(2026, 6, 10)),  # still the evening before
        (BER, utc(2026, 3, 28, 23, 0), date(2026, 3, 29)),  # CET midnight
        (BER, utc(2026, 3, 29, 22, 0), date(2026, 3, 30)),  # CEST midnight
        (NY, utc(2026, 11, 1, 4, 59), date(2026, 11, 1)),  # EDT midnight passed at 04:00
        (NY, utc(2026, 11, 2, 4, 59), date(2026, 11, 1)),  # EST midnight is 05:00
    ],
)
def test_local_today(tz: str, now: datetime, expected: date) -> None:
    assert clock.local_today(tz, now) == expected


def test_aware_non_utc_input_is_the_same_instant() -> None:
    beijing = datetime(2026, 6, 11, 0, 30, tzinfo=timezone(timedelta(hours=8)))
    assert clock.local_today(NY, beijing) == date(2026, 6, 10)


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        clock.local_today(SH, datetime(2026, 6, 10, 8))


@pytest.mark.parametrize(
    ("day", "at", "tz", "expected"),
    [
        (date(2026, 6, 10), time(8, 30), SH, utc(2026, 6, 10, 0, 30)),
        (date(2026, 1, 1), time(0, 0), SH, utc(2025, 12, 31, 16, 0)),
        # Berlin spring forward 2026-03-29: 02:00 CET jumps to 03:00 CEST (01:00 UTC)
        (date(2026, 3, 28), time(8, 30), BER, utc(2026, 3, 28, 7, 30)),
        (date(2026, 3, 29), time(1, 59), BER, utc(2026, 3, 29, 0, 59)),
        (date(2026, 3, 29), time(2, 0), BER, utc(2026, 3, 29, 1, 0)),  # gap -> its end
        (date(2026, 3, 29), time(2, 30), BER, utc(2026, 3, 29, 1, 0)),  # gap -> its end
        (date(2026, 3, 29), time(3, 0), BER, utc(2026, 3, 29, 1, 0)),
        (date(2026, 3, 29), time(8, 30), BER, utc(2026, 3, 29, 6, 30)),
        # Berlin fall back 2026-10-25: 02:00-03:00 happens twice; the first (CEST) is meant
        (date(2026, 10, 25), time(2, 30), BER, utc(2026, 10, 25, 0, 30)),
        (date(2026, 10, 25), time(3, 0), BER, utc(2026, 10, 25, 2, 0)),
        (date(2026, 10, 25), time(8, 30), BER, utc(2026, 10, 25, 7, 30)),
        (date(2026, 10, 24), time(8, 30), BER, utc(2026, 10, 24, 6, 30)),
        # New York spring forward 2026-03-08: 02:00 EST jumps to 03:00 EDT (07:00 UTC)
        (date(2026, 3, 8), time(2, 15), NY, utc(2026, 3, 8, 7, 0)),
        (date(2026, 3, 8), time(8, 30), NY, utc(2026, 3, 8, 12, 30)),
        (date(2026, 3, 7), time(8, 30), NY, utc(2026, 3, 7, 13, 30)),
        # New York fall back 2026-11-01: 01:00-02:00 twice; first occurrence is EDT
        (date(2026, 11, 1), time(1, 30), NY, utc(2026, 11, 1, 5, 30)),
        (date(2026, 11, 1), time(8, 30), NY, utc(2026, 11, 1, 13, 30)),
    ],
)
def test_due_at(day: date, at: time, tz: str, expected: datetime) -> None:
    got = clock.due_at(day, at, tz)
    assert got == expected
    assert got.tzinfo is UTC


A830 = time(8, 30)


@pytest.mark.parametrize(
    ("tz", "now", "away", "expected"),
    [
        # exactly at, after and before 08:30 in Shanghai (00:30 UTC)
        (SH, utc(2026, 6, 10, 0, 30), False, date(2026, 6, 10)),
        (SH, utc(2026, 6, 10, 0, 29, 59), False, None),
        (SH, utc(2026, 6, 10, 0, 45), False, date(2026, 6, 10)),
        # downtime: the same day's agenda goes out late (23:00 local) ...
        (SH, utc(2026, 6, 10, 15, 0), False, date(2026, 6, 10)),
        # ... but yesterday's never: at 07:00 local the 10th is not due yet, the 9th is gone
        (SH, utc(2026, 6, 9, 23, 0), False, None),
        # away: nothing
        (SH, utc(2026, 6, 10, 0, 45), True, None),
        # Berlin: 08:30 is 07:30 UTC in winter, 06:30 UTC in summer
        (BER, utc(2026, 3, 28, 7, 29), False, None),
        (BER, utc(2026, 3, 28, 7, 30), False, date(2026, 3, 28)),
        (BER, utc(2026, 3, 29, 6, 29), False, None),
        (BER, utc(2026, 3, 29, 6, 30), False, date(2026, 3, 29)),
        (BER, utc(2026, 10, 25, 6, 30), False, None),
        (BER, utc(2026, 10, 25, 7, 30), False, date(2026, 10, 25)),
        # New York
        (NY, utc(2026, 3, 8, 12, 29), False, None),
        (NY, utc(2026, 3, 8, 12, 30), False, date(2026, 3, 8)),
        (NY, utc(2026, 11, 1, 12, 30), False, None),
        (NY, utc(2026, 11, 1, 13, 30), False, date(2026, 11, 1)),
    ],
)
def test_agenda_due(tz: str, now: datetime, away: bool, expected: date | None) -> None:
    """Once a day is the outbox's dedupe key (tests/jobs), not a rule of this function."""
    assert rhythm.agenda_due(tz, A830, now, away) == expected


def test_agenda_time_in_the_dst_gap_is_sent_at_the_gap_end() -> None:
    early = time(2, 30)
    assert rhythm.agenda_due(BER, early, utc(2026, 3, 29, 0, 59), False) is None
    assert rhythm.agenda_due(BER, early, utc(2026, 3, 29, 1, 0), False) == date(2026, 3, 29)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (utc(2026, 6, 10, 9, 59), None),  # 17:59 Shanghai
        (utc(2026, 6, 10, 10, 0), date(2026, 6, 10)),
        (utc(2026, 6, 10, 15, 30), date(2026, 6, 10)),  # late, same day
        (utc(2026, 6, 10, 16, 30), None),  # 00:30 on the 11th: too late
    ],
)
def test_evening_due(now: datetime, expected: date | None) -> None:
    assert rhythm.evening_due(SH, time(18), now, False) == expected
    assert rhythm.evening_due(SH, time(18), now, True) is None


def user(away_from: datetime | None = None, away_to: datetime | None = None) -> User:
    return User(id=1, telegram_id=100, display_name="Li", role=Role.REP, team_id=1,
                away_from=away_from, away_to=away_to)


@pytest.mark.parametrize(
    ("away_from", "away_to", "now", "expected"),
    [
        (None, None, utc(2026, 6, 10), False),
        (utc(2026, 6, 1), utc(2026, 6, 8), utc(2026, 5, 31, 23, 59), False),
        (utc(2026, 6, 1), utc(2026, 6, 8), utc(2026, 6, 1), True),
        (utc(2026, 6, 1), utc(2026, 6, 8), utc(2026, 6, 7, 23, 59), True),
        (utc(2026, 6, 1), utc(2026, 6, 8), utc(2026, 6, 8), False),
        (utc(2026, 6, 1), None, utc(2027, 1, 1), True),  # open-ended leave
        (utc(2026, 6, 1), None, utc(2026, 5, 1), False),
        (None, utc(2026, 6, 8), utc(2026, 6, 7), True),  # "away until"
        (None, utc(2026, 6, 8), utc(2026, 6, 9), False),
    ],
)
def test_is_away(
    away_from: datetime | None, away_to: datetime | None, now: datetime, expected: bool
) -> None:
    assert rhythm.is_away(user(away_from, away_to), now) is expected


@pytest.mark.parametrize(
    ("away_to", "now", "expected"),
    [
        (None, utc(2026, 6, 10), False),
        (utc(2026, 6, 8), utc(2026, 6, 7, 23, 59), False),
        (utc(2026, 6, 8), utc(2026, 6, 8), True),
        (utc(2026, 6, 8), utc(2026, 6, 12), True),
    ],
)
def test_catch_up(away_to: datetime | None, now: datetime, expected: bool) -> None:
    assert rhythm.catch_up(away_to, now) is expected


@pytest.mark.parametrize(
    ("now", "tz", "choice", "expected"),
    [
        (utc(2026, 6, 10, 3, 15), SH, "hour", utc(2026, 6, 10, 4, 15)),
        (utc(2026, 6, 10, 3, 15), SH, "tomorrow", utc(2026, 6, 11, 0, 30)),
        # 23:30 local on the 10th: tomorrow is the 11th, not the UTC day's tomorrow
        (utc(2026, 6, 10, 15, 30), SH, "tomorrow", utc(2026, 6, 11, 0, 30)),
        (utc(2026, 6, 10, 16, 30), SH, "tomorrow", utc(2026, 6, 12, 0, 30)),
        # across the spring-forward night: the next morning is summer time
        (utc(2026, 3, 28, 20, 0), BER, "tomorrow", utc(2026, 3, 29, 6, 30)),
        # across the fall-back night
        (utc(2026, 10, 24, 20, 0), BER, "tomorrow", utc(2026, 10, 25, 7, 30)),
        (utc(2026, 10, 31, 23, 0), NY, "tomorrow", utc(2026, 11, 1, 13, 30)),
        # an hour is sixty real minutes, even across the fall-back hour
        (utc(2026, 11, 1, 5, 30), NY, "hour", utc(2026, 11, 1, 6, 30)),
    ],
)
def test_snooze_until(now: datetime, tz: str, choice: rhythm.SnoozeChoice, expected: datetime
                      ) -> None:
    got = rhythm.snooze_until(choice, now, tz, A830)
    assert got == expected and got.tzinfo is UTC


def test_unknown_snooze_is_a_bug() -> None:
    with pytest.raises(ValueError, match="week"):
        rhythm.snooze_until("week", utc(2026, 6, 10), SH, A830)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("weekday", "day", "expected"),
    [
        (4, date(2026, 6, 12), True),  # Friday
        (4, date(2026, 6, 11), False),
        (0, date(2026, 6, 8), True),  # Monday
        (6, date(2026, 6, 14), True),  # Sunday
        (6, date(2026, 6, 8), False),
    ],
)
def test_prospecting_day(weekday: int, day: date, expected: bool) -> None:
    assert rhythm.prospecting_day(weekday, day) is expected


def test_bad_weekday_is_an_error() -> None:
    with pytest.raises(ValueError):
        rhythm.prospecting_day(7, date(2026, 6, 12))


TODAY = date(2026, 6, 10)


def view(id_: int, name: str, due_on: date, due_time: time | None = None) -> FollowUpView:
    return FollowUpView(id=id_, prospect_id=100 + id_, prospect_name=name, due_on=due_on,
                        due_time=due_time, text=None)


def test_agenda_splits_and_sorts() -> None:
    items = [
        view(1, "Zhao", TODAY),
        view(2, "Qian", TODAY, time(15)),
        view(3, "Sun", TODAY - timedelta(days=1)),
        view(4, "Li", TODAY + timedelta(days=1)),  # not yet due: left out
        view(5, "Zhou", TODAY, time(9, 30)),
        view(6, "Wu", TODAY - timedelta(days=5), time(10)),
        view(7, "Chen", TODAY - timedelta(days=1)),
    ]
    agenda = rhythm.build_agenda(TODAY, items, 5, 1)
    assert agenda is not None
    assert [f.id for f in agenda.due_today] == [5, 2, 1]
    assert [f.id for f in agenda.overdue] == [6, 7, 3]
    assert (agenda.day, agenda.target, agenda.new_contacts_today, agenda.remaining) == (
        TODAY, 5, 1, 4)


@pytest.mark.parametrize(
    ("items", "new_contacts"),
    [
        ([], 0),  # nothing due: no message, even with the target not met yet
        ([], 5),
        ([view(1, "Li", TODAY + timedelta(days=1))], 0),
    ],
)
def test_nothing_due_means_no_agenda(items: list[FollowUpView], new_contacts: int) -> None:
    assert rhythm.build_agenda(TODAY, items, 5, new_contacts) is None


def test_only_overdue_still_makes_an_agenda() -> None:
    agenda = rhythm.build_agenda(TODAY, [view(1, "Li", TODAY - timedelta(days=3))], 5, 7)
    assert agenda is not None and agenda.due_today == () and agenda.remaining == 0


@pytest.mark.parametrize(
    ("open_due", "new_contacts", "target", "sent", "remaining"),
    [
        (0, 5, 5, False, 0),
        (0, 6, 5, False, 0),
        (0, 4, 5, True, 1),
        (2, 5, 5, True, 0),
        (1, 0, 5, True, 5),
        (0, 0, 0, False, 0),
    ],
)
def test_evening_check(open_due: int, new_contacts: int, target: int, sent: bool,
                       remaining: int) -> None:
    check = rhythm.evening_check(TODAY, open_due, new_contacts, target)
    if not sent:
        assert check is None
        return
    assert check == EveningCheck(TODAY, open_due, new_contacts, target)
    assert check.remaining == remaining
