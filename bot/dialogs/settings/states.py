"""Personal settings: language and timezone."""

from aiogram.fsm.state import State, StatesGroup


class SettingsSG(StatesGroup):
    main = State()
    language = State()
    timezone = State()
    times = State()


WHICH = "which"  # dialog_data: "agenda" or "evening", the push time being set


TIME_CHOICES = {"agenda": ("07:30", "08:00", "08:30", "09:00"),
                "evening": ("17:00", "18:00", "19:00", "20:00")}
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
COMMON_TIMEZONES = (
    "Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Singapore", "Asia/Tokyo",
    "Asia/Dubai", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles",
)


class W:
    """Widget ids (they are in the callback data, so renaming one breaks old buttons)."""

    LANGUAGE = "lang"        # open a setting's window
    TIMEZONE = "tz"
    AGENDA = "agenda"        # which push time to set: morning agenda or evening check
    EVENING = "evening"
    LANGUAGE_PICK = "lang_pick"
    TIMEZONE_PICK = "tz_pick"
    TIME_PICK = "time_pick"
    BACK = "back"
