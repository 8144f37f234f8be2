"""The occasions of a year: public holidays (`holidays`), Chinese traditional festivals and the
Winter Solstice (`tyme4py`), Western days a team switches on, company dates, birthdays, and a
seasonal greeting for any month left without one. Dates come from the libraries; this module
only names them with keys that stay the same across years and languages."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

import holidays
from dateutil.easter import easter
from dateutil.relativedelta import SU, relativedelta
from tyme4py.festival import LunarFestival
from tyme4py.lunar import LunarDay, LunarMonth, LunarYear
from tyme4py.solar import SolarTerm

from sales.greetings.model import CompanyDate, Occasion, OccasionKind
from sales.prospects.model import Birthday

LUNAR_COUNTRIES = frozenset({"CN", "TW", "HK", "MO", "SG"})
HOLIDAY_LANGUAGES = {"zh": ("zh_CN", "zh_TW", "zh"), "en": ("en_US", "en_GB", "en")}
WESTERN_KEYS = ("western:new_year", "western:valentine", "western:mothers_day",
                "western:fathers_day", "western:christmas")
# `holidays` English names that have a better-known key (the rest are slugged as they come).
PUBLIC_ALIASES = {"chinese_new_year": "spring_festival",
                  "chinese_new_years_eve": "spring_festival_eve",
                  "tomb_sweeping_day": "qingming"}
# tyme4py's festival names (GB/T 33661-2017) that Xunke greets on, by our key.
FESTIVALS = {"元宵节": "lantern", "七夕节": "qixi", "重阳节": "double_ninth",
             "腊八节": "laba"}
SOMBRE = frozenset({"public:qingming", "public:memorial_day", "public:good_friday"})
"""Days of mourning: listed, but never a greeting card (a month with only these gets a season)."""
LITTLE_NEW_YEAR = (12, 23)  # 北方小年 腊月廿三: a rule, not in the libraries' festival lists
SEASONS = {1: "deep_winter", 2: "late_winter", 3: "spring_outing", 4: "spring",
           5: "late_spring", 6: "early_summer", 7: "summer", 8: "late_summer",
           9: "early_autumn", 10: "autumn", 11: "late_autumn", 12: "early_winter"}
SEASON_DAY = 15
# Names of the keys Xunke adds; public holidays and lunar festivals are named by the libraries.
NAMES: dict[str, tuple[str, str]] = {
    "festival:lantern": ("元宵节", "Lantern Festival"),
    "festival:qixi": ("七夕节", "Qixi Festival"),
    "festival:double_ninth": ("重阳节", "Double Ninth Festival"),
    "festival:laba": ("腊八节", "Laba Festival"),
    "festival:little_new_year": ("小年", "Little New Year"),
    "term:winter_solstice": ("冬至", "Winter Solstice"),
    "western:new_year": ("元旦", "New Year"),
    "western:valentine": ("情人节", "Valentine's Day"),
    "western:mothers_day": ("母亲节", "Mother's Day"),
    "western:fathers_day": ("父亲节", "Father's Day"),
    "western:christmas": ("圣诞节", "Christmas"),
    "season:deep_winter": ("隆冬问候", "Midwinter greetings"),
    "season:late_winter": ("冬末问候", "Late-winter greetings"),
    "season:spring_outing": ("春日踏青", "Spring outing"),
    "season:spring": ("春日问候", "Spring greetings"),
    "season:late_spring": ("暮春问候", "Late-spring greetings"),
    "season:early_summer": ("初夏问候", "Early-summer greetings"),
    "season:summer": ("夏日问候", "Summer greetings"),
    "season:late_summer": ("夏末问候", "Late-summer greetings"),
    "season:early_autumn": ("初秋问候", "Early-autumn greetings"),
    "season:autumn": ("秋日问候", "Autumn greetings"),
    "season:late_autumn": ("深秋问候", "Late-autumn greetings"),
    "season:early_winter": ("初冬问候", "Early-winter greetings"),
    "birthday": ("生日", "Birthday"),
}


def occasions(country: str, year: int, language: str, western: frozenset[str] = frozenset(),
              company: tuple[CompanyDate, ...] = ()) -> list[Occasion]:
    """Every occasion of a solar year for a team, by day; each month has at least one."""
    found = [*public_holidays(country, year, language)]
    if country in LUNAR_COUNTRIES:
        found += [o for o in traditional(year, language) if o.key not in {x.key for x in found}]
    taken = {o.day for o in found}
    found += [o for o in western_days(country, year, language)
              if o.key in western and o.day not in taken]
    found += [Occasion(f"company:{c.id}", OccasionKind.COMPANY, _on(year, c.month, c.day),
                       c.name) for c in company]
    found += seasonal(year, language, {o.day.month for o in found if o.key not in SOMBRE})
    first: dict[str, Occasion] = {}
    for occasion in sorted(found, key=lambda o: (o.day, o.key)):
        first.setdefault(occasion.key, occasion)  # one per key and year (cards are unique so)
    return list(first.values())


def name_of(key: str, language: str) -> str:
    """The name of a key Xunke adds (festivals, Western, seasons, birthday)."""
    zh, en = NAMES.get(key, (key, key))
    return zh if language == "zh" else en


def public_holidays(country: str, year: int, language: str) -> list[Occasion]:
    """Statutory days off, first day only, named in the asked language when the data has it."""
    keyed = _holiday_table(country, year, _holiday_language(country, "en"))
    named = _holiday_table(country, year, _holiday_language(country, language))
    seen: dict[str, Occasion] = {}
    for day, en_name in sorted(keyed.items()):
        key = f"public:{_slug(en_name)}"
        if key not in seen:
            seen[key] = Occasion(key, OccasionKind.PUBLIC, day, named.get(day, en_name))
    return list(seen.values())


def _holiday_table(country: str, year: int, language: str | None) -> dict[date, str]:
    """One country's public holidays of a year, observed days left out."""
    table = holidays.country_holidays(country, years=year, language=language, observed=False)
    return {day: name.split(";")[0] for day, name in table.items()}


def _holiday_language(country: str, language: str) -> str | None:
    """The `holidays` locale for zh/en, else None (the country's own language)."""
    supported = _supported_languages(country)
    return next((code for code in HOLIDAY_LANGUAGES.get(language, ()) if code in supported),
                None)


@cache
def _supported_languages(country: str) -> tuple[str, ...]:
    return tuple(holidays.country_holidays(country).supported_languages)


def _slug(name: str) -> str:
    """'Chinese New Year (Spring Festival)' -> spring_festival (via the aliases)."""
    plain = re.sub(r"\(.*?\)", "", name).replace("'", "").replace("’", "")
    slug = re.sub(r"[^0-9a-z]+", "_", plain.casefold()).strip("_")
    return PUBLIC_ALIASES.get(slug, slug)


def traditional(year: int, language: str) -> list[Occasion]:
    """Lantern, Qixi, Double Ninth, Laba, Little New Year and the Winter Solstice in `year`."""
    found = []
    for lunar_year in (year - 1, year):
        for index, zh_name in enumerate(LunarFestival.NAMES):
            if zh_name in FESTIVALS:
                festival = LunarFestival.from_index(lunar_year, index)
                found.append((f"festival:{FESTIVALS[zh_name]}", _solar(festival.get_day())))
        month, day = LITTLE_NEW_YEAR
        found.append(("festival:little_new_year",
                      _solar(LunarDay.from_ymd(lunar_year, month, day))))
    solstice = SolarTerm.from_name(year + 1, "冬至").get_solar_day()  # tyme4py's year starts at it
    found.append(("term:winter_solstice", _solar(solstice)))
    return [Occasion(key, OccasionKind.SOLAR_TERM if key.startswith("term:")
                     else OccasionKind.FESTIVAL, day, name_of(key, language))
            for key, day in found if day.year == year]


def _solar(day: LunarDay) -> date:
    """A tyme4py lunar (or solar) day as a date."""
    solar = day.get_solar_day() if isinstance(day, LunarDay) else day
    return date(solar.get_year(), solar.get_month(), solar.get_day())


def western_days(country: str, year: int, language: str) -> list[Occasion]:
    """New Year, Valentine's, Mother's and Father's Day by the country's custom, Christmas."""
    days = {"western:new_year": date(year, 1, 1), "western:valentine": date(year, 2, 14),
            "western:mothers_day": mothers_day(country, year),
            "western:fathers_day": fathers_day(country, year),
            "western:christmas": date(year, 12, 25)}
    return [Occasion(key, OccasionKind.WESTERN, day, name_of(key, language))
            for key, day in days.items()]


def mothers_day(country: str, year: int) -> date:
    """Mothering Sunday (Lent's fourth Sunday) in GB/IE, else the second Sunday of May."""
    if country in ("GB", "IE"):
        return easter(year) - timedelta(days=21)
    return date(year, 5, 1) + relativedelta(weekday=SU(+2))


def fathers_day(country: str, year: int) -> date:
    """Ascension Day in DE, first Sunday of September in AU/NZ, else third Sunday of June."""
    if country == "DE":
        return easter(year) + timedelta(days=39)
    if country in ("AU", "NZ"):
        return date(year, 9, 1) + relativedelta(weekday=SU(+1))
    return date(year, 6, 1) + relativedelta(weekday=SU(+3))


def seasonal(year: int, language: str, covered: set[int]) -> list[Occasion]:
    """A seasonal greeting mid-month for each month without any occasion."""
    return [Occasion(f"season:{SEASONS[m]}", OccasionKind.SEASONAL, date(year, m, SEASON_DAY),
                     name_of(f"season:{SEASONS[m]}", language))
            for m in range(1, 13) if m not in covered]


def _on(year: int, month: int, day: int) -> date:
    """A yearly date; Feb 29 falls on Feb 28 in common years."""
    if (month, day) == (2, 29) and not _leap_year(year):
        return date(year, 2, 28)
    return date(year, month, day)


def _leap_year(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def birthday_on(birthday: Birthday, year: int) -> date | None:
    """The solar day of a birthday in a solar year; a leap-month (闰) lunar birthday falls on
    the ordinary month when that lunar year has no such leap month; a lunar day 30 on the
    29th in a short month; None only if no such day exists at all."""
    if not birthday.lunar:
        return _on(year, birthday.month, birthday.day)
    for lunar_year in (year - 1, year):
        solar = _solar(_lunar_day(lunar_year, birthday))
        if solar.year == year:
            return solar
    return None


def _lunar_day(lunar_year: int, birthday: Birthday) -> LunarDay:
    """The birthday's lunar day in one lunar year, adjusted to what that year has."""
    leap = birthday.leap and LunarYear.from_year(lunar_year).get_leap_month() == birthday.month
    month = -birthday.month if leap else birthday.month
    days = LunarMonth.from_ym(lunar_year, month).get_day_count()
    return LunarDay.from_ymd(lunar_year, month, min(birthday.day, days))


def birthday_occasion(birthday: Birthday, year: int, language: str) -> Occasion | None:
    """A prospect's birthday as an occasion of the year."""
    day = birthday_on(birthday, year)
    if day is None:
        return None
    return Occasion("birthday", OccasionKind.BIRTHDAY, day, name_of("birthday", language))
