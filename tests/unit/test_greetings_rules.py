"""Occasions against published dates, birthdays across leap months, and the greeting rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time

import pytest

from sales.greetings import rules
from sales.greetings.model import GreetingPolicy, Occasion, OccasionKind
from sales.greetings.occasions import (
    WESTERN_KEYS,
    birthday_on,
    occasions,
    public_holidays,
    traditional,
)
from sales.kernel.clock import local_today
from sales.people.model import Team
from sales.prospects.model import (
    Birthday,
    GreetingChannel,
    Kind,
    Method,
    Prospect,
    ProspectDraft,
    Stage,
)

ALL_WESTERN = frozenset(WESTERN_KEYS)


def day_of(country: str, year: int, key: str, language: str = "en") -> date:
    found = [o.day for o in occasions(country, year, language, ALL_WESTERN) if o.key == key]
    assert len(found) == 1, (key, found)
    return found[0]


@pytest.mark.parametrize(("year", "key", "expected"), [
    (2027, "public:spring_festival", date(2027, 2, 6)),
    (2028, "public:spring_festival", date(2028, 1, 26)),
    (2030, "public:spring_festival", date(2030, 2, 3)),
    (2027, "public:mid_autumn_festival", date(2027, 9, 15)),
    (2028, "public:mid_autumn_festival", date(2028, 10, 3)),
    (2027, "public:dragon_boat_festival", date(2027, 6, 9)),
    (2027, "public:qingming", date(2027, 4, 5)),
    (2027, "festival:lantern", date(2027, 2, 20)),
    (2028, "festival:lantern", date(2028, 2, 9)),
    (2027, "festival:qixi", date(2027, 8, 8)),
    (2027, "festival:double_ninth", date(2027, 10, 8)),
    (2027, "festival:laba", date(2027, 1, 15)),
    (2028, "festival:laba", date(2028, 1, 4)),
    (2027, "festival:little_new_year", date(2027, 1, 30)),
    (2026, "term:winter_solstice", date(2026, 12, 22)),
    (2027, "term:winter_solstice", date(2027, 12, 22)),
    (2028, "term:winter_solstice", date(2028, 12, 21)),
    (2027, "western:valentine", date(2027, 2, 14)),
    (2027, "western:mothers_day", date(2027, 5, 9)),
    (2027, "western:fathers_day", date(2027, 6, 20)),
])
def test_china_occasions_match_published_dates(year: int, key: str, expected: date) -> None:
    assert day_of("CN", year, key) == expected


def test_names_follow_the_asked_language() -> None:
    zh = {o.key: o.name for o in occasions("CN", 2027, "zh")}
    en = {o.key: o.name for o in occasions("CN", 2027, "en")}
    assert zh.keys() == en.keys()
    assert zh["public:spring_festival"] == "春节"
    assert zh["festival:lantern"] == "元宵节" and en["festival:lantern"] == "Lantern Festival"
    assert zh["term:winter_solstice"] == "冬至"
    assert "Spring Festival" in en["public:spring_festival"]


def test_multi_day_holidays_count_once_and_observed_days_are_left_out() -> None:
    keys = [o.key for o in public_holidays("CN", 2027, "en")]
    assert len(keys) == len(set(keys))
    assert [o.day for o in public_holidays("CN", 2027, "en")
            if o.key == "public:national_day"] == [date(2027, 10, 1)]


@pytest.mark.parametrize("year", [2026, 2027, 2028, 2030, 2031])
@pytest.mark.parametrize("country", ["CN", "US", "DE"])
def test_every_month_has_a_card(country: str, year: int) -> None:
    found = rules.monthly(occasions(country, year, "en"), GreetingPolicy(1))
    assert [o.day.month for o in found] == list(range(1, 13))
    assert all(o.key not in ("public:qingming", "public:memorial_day") for o in found)


def test_months_without_holidays_get_a_seasonal_greeting() -> None:
    de = {o.day.month: o for o in occasions("DE", 2027, "zh") if o.kind is OccasionKind.SEASONAL}
    assert set(de) == {2, 4, 6, 7, 8, 9, 11}
    assert de[7].key == "season:summer" and de[7].name == "夏日问候"
    cn = {o.day.month for o in occasions("CN", 2027, "en") if o.kind is OccasionKind.SEASONAL}
    assert cn == {3, 4, 7, 11}  # April has only Qingming, a day of mourning


def test_us_and_german_teams() -> None:
    assert day_of("US", 2027, "public:thanksgiving_day") == date(2027, 11, 25)
    assert day_of("US", 2027, "public:independence_day") == date(2027, 7, 4)
    assert day_of("DE", 2027, "public:german_unity_day") == date(2027, 10, 3)
    assert day_of("GB", 2027, "western:mothers_day") == date(2027, 3, 7)  # Mothering Sunday
    de = occasions("DE", 2027, "en", ALL_WESTERN)
    assert "western:fathers_day" not in {o.key for o in de}  # Vatertag is Ascension Day
    assert not any(o.kind is OccasionKind.FESTIVAL for o in de)


def test_western_days_only_when_switched_on_and_never_twice_on_one_day() -> None:
    off = {o.key for o in occasions("CN", 2027, "en")}
    assert not any(k.startswith("western:") for k in off)
    on = occasions("CN", 2027, "en", frozenset({"western:new_year", "western:christmas"}))
    assert "western:new_year" not in {o.key for o in on}  # public New Year's Day already
    assert "western:christmas" in {o.key for o in on}


def test_traditional_festivals_come_from_the_library_in_the_solar_year() -> None:
    found = traditional(2027, "zh")
    assert all(o.day.year == 2027 for o in found)
    assert {o.key for o in found} == {"festival:lantern", "festival:qixi",
                                      "festival:double_ninth", "festival:laba",
                                      "festival:little_new_year", "term:winter_solstice"}


@pytest.mark.parametrize(("birthday", "year", "expected"), [
    (Birthday(5, 10), 2027, date(2027, 5, 10)),
    (Birthday(2, 29), 2027, date(2027, 2, 28)),
    (Birthday(2, 29), 2028, date(2028, 2, 29)),
    (Birthday(8, 15, lunar=True), 2027, date(2027, 9, 15)),
    (Birthday(8, 15, lunar=True), 2028, date(2028, 10, 3)),
    (Birthday(1, 1, 1980, lunar=True), 2030, date(2030, 2, 3)),
    # leap 5th month: 2028 has it, 2027 and 2029 do not (ordinary 5th month then)
    (Birthday(5, 10, lunar=True, leap=True), 2028, date(2028, 7, 2)),
    (Birthday(5, 10, lunar=True, leap=False), 2028, date(2028, 6, 2)),
    (Birthday(5, 10, lunar=True, leap=True), 2027, date(2027, 6, 14)),
    (Birthday(6, 1, 2025, lunar=True, leap=True), 2025, date(2025, 7, 25)),
    # day 30 in a 29-day month falls on the 29th
    (Birthday(12, 30, lunar=True), 2027, date(2027, 2, 5)),
])
def test_birthdays_fall_on_their_day_each_year(birthday: Birthday, year: int,
                                               expected: date) -> None:
    assert birthday_on(birthday, year) == expected


def prospect(**card: object) -> Prospect:
    base = ProspectDraft(Kind.INDIVIDUAL, "王五", Method.DIRECT_MAIL, address="上海市某路1号",
                         phone="+8613800138000", direct_mail=True)
    return Prospect(7, 1, 2, replace(base, **card),  # type: ignore[arg-type]
                    datetime(2026, 1, 1, tzinfo=UTC))


@pytest.mark.parametrize(("card", "gets"), [
    ({}, True),
    ({"direct_mail": False}, False),
    ({"do_not_contact": True}, False),
    ({"greetings_opt_out": True}, False),
    ({"stage": Stage.LOST}, False),
    ({"stage": Stage.DORMANT}, True),
    ({"stage": Stage.WON}, True),
    ({"address": None}, False),
    ({"address": None, "greeting_channel": GreetingChannel.MESSAGE}, True),
    ({"address": None, "phone": None, "greeting_channel": GreetingChannel.MESSAGE}, False),
    ({"phone": None, "email": "a@b.cn", "greeting_channel": GreetingChannel.MESSAGE}, True),
])
def test_who_gets_a_card(card: dict[str, object], gets: bool) -> None:
    assert rules.gets_cards(prospect(**card)) is gets


def occ(key: str, day: date, kind: OccasionKind = OccasionKind.PUBLIC) -> Occasion:
    return Occasion(key, kind, day, key)


FEB = [occ("public:spring_festival", date(2027, 2, 6)),
       occ("festival:lantern", date(2027, 2, 20), OccasionKind.FESTIVAL),
       occ("western:valentine", date(2027, 2, 14), OccasionKind.WESTERN),
       occ("birthday", date(2027, 2, 1), OccasionKind.BIRTHDAY)]


@pytest.mark.parametrize(("pick", "expected"), [
    (None, "public:spring_festival"),
    ("festival:lantern", "festival:lantern"),
    ("western:valentine", "western:valentine"),
    ("festival:qixi", "public:spring_festival"),  # a pick the month lacks: the default
    ("birthday", "public:spring_festival"),
])
def test_the_months_card(pick: str | None, expected: str) -> None:
    found = rules.month_card(FEB, 2027, 2, pick)
    assert found is not None and found.key == expected


def test_unranked_months_prefer_company_dates_then_festivals() -> None:
    found = rules.month_card([occ("public:x", date(2027, 3, 1)),
                              occ("company:4", date(2027, 3, 20), OccasionKind.COMPANY)],
                             2027, 3, None)
    assert found is not None and found.key == "company:4"
    assert rules.month_card(FEB, 2027, 3, None) is None


@pytest.mark.parametrize(("channel", "policy", "expected"), [
    (GreetingChannel.POSTAL, GreetingPolicy(1), date(2027, 1, 30)),
    (GreetingChannel.MESSAGE, GreetingPolicy(1), date(2027, 2, 5)),
    (GreetingChannel.POSTAL, GreetingPolicy(1, postal_lead_days=10), date(2027, 1, 27)),
    (GreetingChannel.MESSAGE, GreetingPolicy(1, message_lead_days=0), date(2027, 2, 6)),
])
def test_reminder_day(channel: GreetingChannel, policy: GreetingPolicy, expected: date) -> None:
    assert rules.remind_on(date(2027, 2, 6), channel, policy) == expected


@pytest.mark.parametrize(("tz", "now", "due"), [
    # the postal reminder for Christmas 2027 is due on Dec 18, team-local
    ("Asia/Shanghai", datetime(2027, 12, 17, 15, 59, tzinfo=UTC), False),  # 23:59 Dec 17
    ("Asia/Shanghai", datetime(2027, 12, 17, 16, 0, tzinfo=UTC), True),  # 00:00 Dec 18
    ("America/New_York", datetime(2027, 12, 18, 4, 59, tzinfo=UTC), False),  # 23:59 Dec 17
    ("America/New_York", datetime(2027, 12, 18, 5, 0, tzinfo=UTC), True),
    ("Pacific/Kiritimati", datetime(2027, 12, 17, 10, 0, tzinfo=UTC), True),  # UTC+14
])
def test_reminder_day_is_the_teams_local_day(tz: str, now: datetime, due: bool) -> None:
    day = date(2027, 12, 25)
    reminder = rules.remind_on(day, GreetingChannel.POSTAL, GreetingPolicy(1))
    assert rules.due(day, reminder, local_today(tz, now)) is due


@pytest.mark.parametrize(("now", "due"), [
    # Berlin springs forward on 2027-03-28 (UTC+1 -> UTC+2); reminder day Mar 28 for Mar 29
    (datetime(2027, 3, 27, 22, 59, tzinfo=UTC), False),  # 23:59 CET, Mar 27
    (datetime(2027, 3, 27, 23, 0, tzinfo=UTC), True),  # 00:00 CET, Mar 28
    (datetime(2027, 3, 28, 21, 59, tzinfo=UTC), True),  # 23:59 CEST, Mar 28
    (datetime(2027, 3, 29, 21, 59, tzinfo=UTC), True),  # the day itself
    (datetime(2027, 3, 29, 22, 0, tzinfo=UTC), False),  # 00:00 CEST Mar 30: passed
])
def test_message_reminder_across_a_dst_change(now: datetime, due: bool) -> None:
    day = date(2027, 3, 29)
    reminder = rules.remind_on(day, GreetingChannel.MESSAGE, GreetingPolicy(1))
    assert rules.due(day, reminder, local_today("Europe/Berlin", now)) is due


@pytest.mark.parametrize(("previous", "prospect_id", "expected"), [
    (None, 0, 0), (None, 4, 1), (0, 9, 1), (1, 9, 2), (2, 9, 0),
])
def test_wording_rotates(previous: int | None, prospect_id: int, expected: int) -> None:
    assert rules.next_variant(previous, prospect_id) == expected
    assert expected != previous


def test_language_is_the_prospects_else_the_teams() -> None:
    team = Team(1, "T", "Asia/Shanghai", "CN", "zh")
    assert rules.language_of(prospect().card, team) == "zh"
    assert rules.language_of(prospect(greeting_language="en").card, team) == "en"


@pytest.mark.parametrize(("policy", "code"), [
    (GreetingPolicy(1), None),
    (GreetingPolicy(1, postal_lead_days=-1), "greetings-bad-lead"),
    (GreetingPolicy(1, message_lead_days=61), "greetings-bad-lead"),
    (GreetingPolicy(1, western=frozenset({"western:halloween"})), "greetings-bad-western"),
    (GreetingPolicy(1, month_picks={13: "public:x"}), "greetings-bad-pick"),
])
def test_policy_checks(policy: GreetingPolicy, code: str | None) -> None:
    assert rules.valid_policy(policy, WESTERN_KEYS) == code


MORNING, EVENING = time(8, 30), time(18, 0)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(("tz", "day", "now", "last", "expected"), [
    # at the team's local midnight the push waits for the rep's morning agenda time
    ("Asia/Shanghai", date(2027, 9, 8), utc(2027, 9, 7, 16), None, utc(2027, 9, 8, 0, 30)),
    # New York leaves DST on 2027-11-07 at 02:00: EDT before, EST on and after that day
    ("America/New_York", date(2027, 11, 5), utc(2027, 11, 5, 4), None, utc(2027, 11, 5, 12, 30)),
    ("America/New_York", date(2027, 11, 7), utc(2027, 11, 7, 4), None, utc(2027, 11, 7, 13, 30)),
    ("America/New_York", date(2027, 11, 8), utc(2027, 11, 8, 5), None, utc(2027, 11, 8, 13, 30)),
    # ...and enters it on 2027-03-14
    ("America/New_York", date(2027, 3, 13), utc(2027, 3, 13, 5), None, utc(2027, 3, 13, 13, 30)),
    ("America/New_York", date(2027, 3, 14), utc(2027, 3, 14, 5), None, utc(2027, 3, 14, 12, 30)),
    # a rep behind the team's zone: enqueued the evening before, sent on their own morning
    ("America/New_York", date(2027, 9, 8), utc(2027, 9, 7, 16), None, utc(2027, 9, 8, 12, 30)),
    # later the same day (after downtime): at once; after the evening time: next morning
    ("Asia/Shanghai", date(2027, 9, 8), utc(2027, 9, 8, 6), None, utc(2027, 9, 8, 6)),
    ("Asia/Shanghai", date(2027, 9, 8), utc(2027, 9, 8, 12), date(2027, 9, 15),
     utc(2027, 9, 9, 0, 30)),
    # ... unless the next morning is after the last useful day (a message due today)
    ("Asia/Shanghai", date(2027, 9, 8), utc(2027, 9, 8, 12), date(2027, 9, 8), utc(2027, 9, 8, 12)),
    # a reminder day long past (caught up days later): that morning, not the old day
    ("Asia/Shanghai", date(2027, 9, 8), utc(2027, 9, 10), None, utc(2027, 9, 10, 0, 30)),
])
def test_push_at_the_reps_morning_in_their_zone(tz: str, day: date, now: datetime,
                                                last: date | None, expected: datetime) -> None:
    assert rules.push_at(day, now, tz, MORNING, EVENING, last) == expected


def test_push_at_a_morning_time_in_the_dst_gap_moves_forward() -> None:
    """02:30 does not exist in Berlin on 2027-03-28: the push goes at 03:00 CEST."""
    moment = rules.push_at(date(2027, 3, 28), utc(2027, 3, 27, 23), "Europe/Berlin",
                           time(2, 30), EVENING)
    assert moment == utc(2027, 3, 28, 1)


@pytest.mark.parametrize(("text", "expected"), [
    ("Store opening 05-18", ("Store opening", 5, 18)),
    ("  开业纪念日 5月18日 ", ("开业纪念日", 5, 18)),
    ("Anniversary 12/01", ("Anniversary", 12, 1)),
    ("Anniversary", None),
    ("05-18", None),
    ("Opening 5-", None),
])
def test_parse_company_date(text: str, expected: tuple[str, int, int] | None) -> None:
    assert rules.parse_company_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("7", 7), (" 0 ", 0), ("60", 60), ("-1", None), ("seven", None), ("1.5", None), ("", None),
    ("12345", None),
])
def test_parse_lead_days(text: str, expected: int | None) -> None:
    assert rules.parse_lead_days(text) == expected
