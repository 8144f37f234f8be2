"""Read-only data for the settings windows."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import DialogManager

from bot.dialogs.common import ctx
from bot.dialogs.settings.states import COMMON_TIMEZONES, LANGUAGE_NAMES, TIME_CHOICES, WHICH
from sales.people import use_cases as teams


async def overview(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """Current language and the timezone that applies (own, else the team's, else default)."""
    c = ctx(dialog_manager)
    profile = await teams.profile(c.uow, c.me(), c.data["defaults"].timezone)
    return {
        "language": LANGUAGE_NAMES.get(c.t.locale, c.t.locale),
        "timezone": profile.timezone,
        "team": profile.team_name or "-",
        "agenda": profile.agenda_time.strftime("%H:%M"),
        "evening": profile.evening_time.strftime("%H:%M"),
        "which": dialog_manager.dialog_data.get(WHICH, "agenda"),
        "time_choices": [(t, t) for t in TIME_CHOICES[dialog_manager.dialog_data.get(
            WHICH, "agenda")]],
        "languages": list(LANGUAGE_NAMES.items()),
        "timezones": [(tz, tz) for tz in COMMON_TIMEZONES],
    }
