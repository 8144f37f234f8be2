"""A date picker on the injected clock: opens on the user's local month, marks their today,
and names months and weekdays in the user's language (babel), weeks starting where the team's
country starts them.

aiogram-dialog's `Calendar` reads the real clock for its first month and its "today" marks;
this subclass takes both from the window data instead (keys below), so tests and users in
any timezone see the same calendar."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import cache
from typing import Any

from aiogram_dialog import DialogManager
from aiogram_dialog.api.internal import RawKeyboard
from aiogram_dialog.widgets.kbd import Calendar
from aiogram_dialog.widgets.kbd.calendar_kbd import (
    CalendarConfig,
    CalendarDaysView,
    CalendarMonthView,
    CalendarScope,
    CalendarScopeView,
    CalendarUserConfig,
    CalendarYearsView,
)
from aiogram_dialog.widgets.text import Text
from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_skeleton, get_day_names

from bot.i18n import T_KEY, Translator

TODAY = "cal_today"          # window data: the user's local today, ISO date
FIRST_WEEKDAY = "cal_week"   # window data: 0 = Monday ... 6 = Sunday


def first_weekday(country: str) -> int:
    """The weekday a country's calendars start on (CLDR via babel); Monday when unknown."""
    try:
        return int(Locale.parse(f"und_{country}").first_week_day)
    except (UnknownLocaleError, ValueError):
        return 0


def calendar_data(today: date, country: str) -> dict[str, Any]:
    """The window-data entries every `LocalCalendar` reads; getters merge them into theirs."""
    return {TODAY: today.isoformat(), FIRST_WEEKDAY: first_weekday(country)}


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def _window(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """The window data a calendar button is rendered with (the library nests it under "data",
    one level per weekday in the header row)."""
    while TODAY not in data and isinstance(data.get("data"), Mapping):
        data = data["data"]
    return data


def _today(data: Mapping[str, Any]) -> date:
    return date.fromisoformat(str(_window(data)[TODAY]))


class _Babel(Text):
    """One calendar label: a babel pattern of the button's date in the user's language."""

    def __init__(self, kind: str) -> None:
        super().__init__(when=None)
        self.kind = kind

    async def _render_text(self, data: Mapping[str, Any], manager: DialogManager) -> str:
        t: Translator = manager.middleware_data[T_KEY]
        locale = _locale(t.locale)
        day: date = data["date"]
        return _LABELS[self.kind](day, locale, _today(data))


def _day(day: date, locale: Locale, today: date) -> str:
    text = format_date(day, "d", locale=locale)
    return f"[{text}]" if day == today else text


def _month(day: date, locale: Locale, today: date) -> str:
    text = format_date(day, "LLLL", locale=locale)
    return f"[{text}]" if (day.year, day.month) == (today.year, today.month) else text


def _year(day: date, locale: Locale, today: date) -> str:
    text = format_skeleton("y", day, locale=locale)
    return f"[{text}]" if day.year == today.year else text


def _weekday(day: date, locale: Locale, _today: date) -> str:
    if locale.language == "zh":  # 一 二 三 …, as Chinese wall calendars print them
        return str(get_day_names("narrow", "stand-alone", locale)[day.weekday()])
    return str(get_day_names("abbreviated", "stand-alone", locale)[day.weekday()])


Label = Callable[[date, Locale, date], str]
_LABELS: dict[str, Label] = {
    "day": _day,
    "month": _month,
    "year": _year,
    "weekday": _weekday,
    "month_year": lambda d, loc, _t: format_skeleton("yMMMM", d, locale=loc),
    "year_header": lambda d, loc, _t: "🗓 " + format_skeleton("y", d, locale=loc),
    "prev_month": lambda d, loc, _t: "<< " + format_skeleton("yMMM", d, locale=loc),
    "next_month": lambda d, loc, _t: format_skeleton("yMMM", d, locale=loc) + " >>",
    "prev_year": lambda d, loc, _t: "<< " + format_skeleton("y", d, locale=loc),
    "next_year": lambda d, loc, _t: format_skeleton("y", d, locale=loc) + " >>",
}


class LocalCalendar(Calendar):
    """A calendar whose month, today mark and allowed range come from the window data:
    `min_key` and `max_key` name the entries (ISO dates) that bound the days offered."""

    def __init__(self, id: str, on_click: Any, *, min_key: str | None = None,
                 max_key: str | None = None) -> None:
        super().__init__(id=id, on_click=on_click, config=CalendarConfig())
        self.min_key = min_key
        self.max_key = max_key

    def _init_views(self) -> dict[CalendarScope, CalendarScopeView]:
        cb = self._item_callback_data
        return {
            CalendarScope.DAYS: CalendarDaysView(
                cb, date_text=_Babel("day"), today_text=_Babel("day"),
                weekday_text=_Babel("weekday"), header_text=_Babel("month_year"),
                prev_month_text=_Babel("prev_month"), next_month_text=_Babel("next_month")),
            CalendarScope.MONTHS: CalendarMonthView(
                cb, month_text=_Babel("month"), this_month_text=_Babel("month"),
                header_text=_Babel("year_header"), prev_year_text=_Babel("prev_year"),
                next_year_text=_Babel("next_year")),
            CalendarScope.YEARS: CalendarYearsView(
                cb, year_text=_Babel("year"), this_year_text=_Babel("year")),
        }

    async def _get_user_config(self, data: dict[str, Any], manager: DialogManager
                               ) -> CalendarUserConfig:
        low = data.get(self.min_key) if self.min_key else None
        high = data.get(self.max_key) if self.max_key else None
        return CalendarUserConfig(
            firstweekday=int(data.get(FIRST_WEEKDAY, 0)),
            min_date=date.fromisoformat(low) if low else None,
            max_date=date.fromisoformat(high) if high else None,
        )

    async def _render_keyboard(self, data: dict[str, Any], manager: DialogManager
                               ) -> RawKeyboard:
        if self.get_offset(manager) is None:  # first showing: the user's month, not the server's
            self.set_offset(date.fromisoformat(data[TODAY]), manager)
        return await super()._render_keyboard(data, manager)
