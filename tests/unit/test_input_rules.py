"""Strict parsing of what reps type: phones, amounts, lunar dates in Chinese numerals, quick
lines, and long values that must never break a message."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bot.i18n import PLACEABLE_MAX, SHOWN_MAX, Locales
from sales.kernel.errors import Refused
from sales.prospects.matching import parse_quick_line
from sales.prospects.model import Birthday, parse_birthday, parse_phone
from sales.visits.use_cases import parse_amount

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize("raw", ["138abcd5678", "1-800-FLOWERS", "+86 138 1234 567x"])
def test_letters_in_a_phone_number_are_refused(raw: str) -> None:
    with pytest.raises(Refused, match="prospect-bad-phone"):
        parse_phone(raw, "CN")


def test_a_phone_number_with_separators_still_parses() -> None:
    assert parse_phone("138-1234-5678", "CN") == "+8613812345678"


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("12000", "12000.00", None),
    ("12 000", "12000.00", None),
    ("12,000.50 USD", "12000.50", "USD"),
    ("¥8000", "8000.00", "CNY"),
    ("8000元", "8000.00", "CNY"),
    ("USD 300", "300.00", "USD"),
    ("1.2万", "12000.00", None),
    ("3k", "3000.00", None),
    ("99.9", "99.90", None),
])
def test_amounts_parse_strictly(text: str, amount: str, currency: str | None) -> None:
    assert parse_amount(text) == (Decimal(amount), currency)


@pytest.mark.parametrize("text", ["-5", "12abc34", "2026-12-01", "1.2.3", "0", "12,00",
                                  "99.999", "1,2345", "abc", "", "1e5", "12,000 50"])
def test_other_amounts_are_refused(text: str) -> None:
    with pytest.raises(Refused, match="visit-bad-amount"):
        parse_amount(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("农历八月十五", Birthday(8, 15, None, True, False)),
    ("农历8月15日", Birthday(8, 15, None, True, False)),
    ("正月初一", Birthday(1, 1, None, True, False)),
    ("腊月廿三", Birthday(12, 23, None, True, False)),
    ("冬月初八", Birthday(11, 8, None, True, False)),
    ("农历十一月三十", Birthday(11, 30, None, True, False)),
    ("农历十二月初十", Birthday(12, 10, None, True, False)),
    ("八月十五", Birthday(8, 15, None, False, False)),
])
def test_lunar_dates_in_chinese_numerals(text: str, expected: Birthday) -> None:
    assert parse_birthday(text, TODAY) == expected


@pytest.mark.parametrize("text", ["农历二月三十一", "十三月初一", "初一", "八月"])
def test_impossible_chinese_dates_are_refused(text: str) -> None:
    with pytest.raises(Refused, match="prospect-bad-birthday"):
        parse_birthday(text, TODAY)


@pytest.mark.parametrize(("text", "name"), [
    ("zhang wei", "zhang wei"),
    ("zhang wei 138 1234 5678 exhibition", "zhang wei"),
    ("Zhang Wei 13812345678", "Zhang Wei"),
    ("Ann Lee met at fair", "Ann Lee"),
    ("张伟 138 1234 5678", "张伟"),
])
def test_quick_line_keeps_the_whole_name(text: str, name: str) -> None:
    assert parse_quick_line(text, "CN").name == name


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_long_values_never_break_a_message(lang: str) -> None:
    t = Locales().get(lang)
    shown = t("prospect-bad-phone", value="9" * (PLACEABLE_MAX * 2))
    assert "{???}" not in shown and "9" * (SHOWN_MAX - 1) in shown and "…" in shown
    assert len(shown) < SHOWN_MAX + 200
    built = "<b>" + "x" * (PLACEABLE_MAX * 2) + "</b>"
    assert built in t("newp-summary", card_html=built)  # escaped parts built by the caller


@pytest.mark.parametrize(("days", "text"), [(1, "only 1 day after"), (2, "only 2 days after")])
def test_english_plurals(days: int, text: str) -> None:
    shown = Locales().get("en")("cadence-too-soon", days=days, min=1)
    assert text in shown and "at least 1 day works" in shown
