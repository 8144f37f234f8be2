"""Personal settings: language and timezone."""

from aiogram.fsm.state import State, StatesGroup


class SettingsSG(StatesGroup):
    main = State()
    language = State()
    timezone = State()


LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
COMMON_TIMEZONES = (
    "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Tokyo",
    "Asia/Dubai", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles",
)
